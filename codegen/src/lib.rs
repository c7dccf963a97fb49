//! Turns a Smithy model into the source of a Rust crate: types, builders and errors.
//!
//! The library is a pure function from a model and [`Settings`] to [`Files`] in memory; reading
//! models from disk and writing files is the caller's job. Generation runs in fixed stages:
//!
//! 1. load: [`ModelAssembler`] reads JSON AST documents into a checked [`Model`];
//! 2. validate: [`validate`] checks the whole model against the Smithy rules the code relies on;
//! 3. index: [`ServiceIndex`] finds what one service reaches and which members need a `Box`;
//! 4. name: [`Symbols`] decides every Rust name and type once, recording renames;
//! 5. render: one renderer per kind of item produces tokens, and prettyplease formats each file.

mod diagnostics;
mod docs;
mod http_pattern;
mod index;
mod model;
mod naming;
pub mod protocol_tests;
mod render;
mod symbols;
mod traits;
mod validate;

use std::collections::BTreeMap;

pub use diagnostics::{Diagnostic, Diagnostics};
pub use index::ServiceIndex;
pub use model::{Member, Model, ModelAssembler, Operation, Resource, Service, Shape, ShapeId, ShapeKind, Traits};
pub use naming::{pascal_case, snake_case};
pub use symbols::{Rename, Symbols};
pub use validate::validate;

/// What to generate, besides the model itself.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The generated package's name.
    pub crate_name: String,
    /// The generated package's version.
    pub crate_version: String,
    /// The generated package's licence, as an SPDX expression.
    pub license: String,
    /// The service to generate; `None` picks the model's only service.
    pub service: Option<ShapeId>,
    /// What produced the files, for the header of each: "`cargo xtask codegen`".
    pub generated_by: String,
}

impl Settings {
    /// Settings for a crate named `crate_name`, with version 0.1.0 and the model's only service.
    pub fn new(crate_name: impl Into<String>) -> Settings {
        Settings {
            crate_name: crate_name.into(),
            crate_version: "0.1.0".to_owned(),
            license: "Apache-2.0".to_owned(),
            service: None,
            generated_by: "the Smithy-to-Rust code generator".to_owned(),
        }
    }

    /// Sets the service to generate.
    pub fn service(mut self, service: ShapeId) -> Settings {
        self.service = Some(service);
        self
    }

    /// Sets what the header of each file says produced it.
    pub fn generated_by(mut self, generated_by: impl Into<String>) -> Settings {
        self.generated_by = generated_by.into();
        self
    }

    /// Sets the package version.
    pub fn crate_version(mut self, version: impl Into<String>) -> Settings {
        self.crate_version = version.into();
        self
    }
}

/// Generated files by path relative to the crate root (`Cargo.toml`, `src/lib.rs` …), in path order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Files(BTreeMap<String, String>);

impl Files {
    /// Adds or replaces a file.
    pub fn insert(&mut self, path: String, text: String) {
        self.0.insert(path, text);
    }

    /// The text of a file.
    pub fn get(&self, path: &str) -> Option<&str> {
        self.0.get(path).map(String::as_str)
    }

    /// Every file as (path, text), in path order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(path, text)| (path.as_str(), text.as_str()))
    }

    /// How many files there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are no files.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The number of lines in all files.
    pub fn line_count(&self) -> usize {
        // Counting bytes rather than iterating `lines()` keeps this a vectorised scan.
        let lines = |text: &String| {
            let breaks = text.bytes().filter(|&b| b == b'\n').count();
            breaks + usize::from(!text.is_empty() && !text.ends_with('\n'))
        };
        self.0.values().map(lines).sum()
    }
}

/// Generates the crate for the service `settings` selects: validate, index, name, render.
pub fn generate(model: &Model, settings: &Settings) -> Result<Files, Diagnostics> {
    validate(model)?;
    let index = ServiceIndex::new(model, settings.service.as_ref())?;
    let symbols = Symbols::new(&index)?;
    render(&index, &symbols, settings)
}

/// The render stage alone, for callers that time the stages: the files of the crate for an
/// indexed and named service of a validated model.
pub fn render(index: &ServiceIndex<'_>, symbols: &Symbols, settings: &Settings) -> Result<Files, Diagnostics> {
    Ok(render::render_crate(index, symbols, settings))
}

/// A package name for the service's crate: its `sdkId` (or shape name) in lower kebab case.
pub fn default_crate_name(model: &Model, service: Option<&ShapeId>) -> Result<String, Diagnostics> {
    let index = ServiceIndex::new(model, service)?;
    let sdk_id = index.service.traits.get("aws.api#service").and_then(|v| v.get("sdkId")).and_then(|v| v.as_str());
    let name = sdk_id.unwrap_or(index.service.id.name());
    Ok(snake_case(name).replace('_', "-"))
}
