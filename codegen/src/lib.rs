//! Turns a Smithy model into the source of a Rust crate: types, builders and errors.
//!
//! The library is a pure function from a model and [`Settings`] to [`Files`] in memory; reading
//! models from disk and writing files is the caller's job. Generation runs in fixed stages:
//!
//! 1. load: [`ModelAssembler`] reads JSON AST documents into a checked [`Model`];
//! 2. validate: [`validate`] checks the whole model against the Smithy rules the code relies on;
//! 3. index: the shapes one service reaches, and which members need a `Box`;
//! 4. name: every Rust name, decided once, with renames recorded;
//! 5. IR: every decision a renderer needs (types, wire names, bindings, documentation), made once;
//! 6. render: one renderer per kind of item builds tokens with `quote!`;
//! 7. format: syn parses each file and prettyplease prints it, on every core.

mod diagnostics;
mod docs;
mod http_pattern;
mod index;
mod ir;
mod model;
mod naming;
mod package;
pub mod protocol_tests;
mod render;
mod runtime_sources;
mod symbols;
mod traits;
mod validate;

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

pub use diagnostics::{Diagnostic, Diagnostics};
pub use model::{Member, Model, ModelAssembler, Operation, Resource, Service, Shape, ShapeId, ShapeKind, Traits};
pub use naming::{pascal_case, snake_case};
pub use package::{InvalidPackageName, check_package_name, default_crate_name};
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
    /// How many threads render and format files: 0 (the default) for one per core.
    pub threads: usize,
    /// Only these operations (by shape name or absolute id) and the shapes they reach; `None`
    /// (the default) for every operation of the service.
    pub operations: Option<Vec<String>>,
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
            threads: 0,
            operations: None,
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

    /// Sets how many threads render and format files (0: one per core).
    pub fn threads(mut self, threads: usize) -> Settings {
        self.threads = threads;
        self
    }

    /// Generates only these operations (by shape name or absolute id) and what they reach: a
    /// smaller crate that compiles faster.
    pub fn operations<S: Into<String>>(mut self, operations: impl IntoIterator<Item = S>) -> Settings {
        self.operations = Some(operations.into_iter().map(Into::into).collect());
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
pub struct Files {
    files: BTreeMap<String, String>,
    /// Files copied as text rather than rendered and formatted (the runtime modules).
    copied: BTreeSet<String>,
}

impl Files {
    /// Adds or replaces a file.
    pub fn insert(&mut self, path: String, text: String) {
        self.copied.remove(&path);
        self.files.insert(path, text);
    }

    /// Adds or replaces a file that is copied as it is, not rendered and formatted.
    pub fn insert_copied(&mut self, path: String, text: String) {
        self.copied.insert(path.clone());
        self.files.insert(path, text);
    }

    /// The Rust files the generator rendered and formatted (not those copied as text), in path
    /// order: the output a formatter's speed is measured on.
    pub fn formatted(&self) -> impl Iterator<Item = (&str, &str)> {
        self.iter().filter(|(path, _)| path.ends_with(".rs") && !self.copied.contains(*path))
    }

    /// The text of a file.
    pub fn get(&self, path: &str) -> Option<&str> {
        self.files.get(path).map(String::as_str)
    }

    /// Every file as (path, text), in path order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.files.iter().map(|(path, text)| (path.as_str(), text.as_str()))
    }

    /// How many files there are.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether there are no files.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The number of lines in all files.
    pub fn line_count(&self) -> usize {
        // Counting bytes rather than iterating `lines()` keeps this a vectorised scan.
        let lines = |text: &String| {
            let breaks: usize = text.bytes().map(|b| usize::from(b == b'\n')).sum();
            breaks + usize::from(!text.is_empty() && !text.ends_with('\n'))
        };
        self.files.values().map(lines).sum()
    }
}

/// How long each stage of [`generate_timed`] took. Rendering and formatting run on several
/// threads; their figures are summed over threads, so they can exceed the wall time.
#[derive(Clone, Copy, Debug, Default)]
pub struct StageTimes {
    /// Checking the model against the Smithy rules.
    pub validate: Duration,
    /// Finding what the service reaches.
    pub index: Duration,
    /// Naming, and building the IR (documentation included).
    pub ir: Duration,
    /// Building token streams, summed over threads.
    pub tokens: Duration,
    /// Parsing them with syn and printing them with prettyplease, summed over threads.
    pub format: Duration,
    /// The whole of rendering and formatting, wall time.
    pub render_wall: Duration,
}

/// Generates the crate for the service `settings` selects: validate, index, name, build the IR,
/// render.
pub fn generate(model: &Model, settings: &Settings) -> Result<Files, Diagnostics> {
    generate_timed(model, settings).map(|(files, _)| files)
}

/// [`generate`], with the time each stage took.
pub fn generate_timed(model: &Model, settings: &Settings) -> Result<(Files, StageTimes), Diagnostics> {
    if let Err(refused) = check_package_name(&settings.crate_name) {
        return Err(Diagnostic::new(refused.to_string()).into());
    }
    let mut times = StageTimes::default();
    let started = Instant::now();
    validate(model)?;
    times.validate = started.elapsed();
    let started = Instant::now();
    let index = index::ServiceIndex::with_operations(model, settings.service.as_ref(), settings.operations.as_deref())?;
    times.index = started.elapsed();
    let started = Instant::now();
    let symbols = symbols::Symbols::new(&index);
    let krate = ir::build(&index, &symbols)?;
    times.ir = started.elapsed();
    let started = Instant::now();
    let mut render_times = render::RenderTimes::default();
    let files = render::render_crate(&krate, settings, &mut render_times)?;
    times.render_wall = started.elapsed();
    times.tokens = render_times.tokens;
    times.format = render_times.format;
    Ok((files, times))
}
