//! Renders the crate's module tree: `lib.rs` and the public modules that re-export each item.

use std::collections::BTreeMap;

use super::{Context, Writer, line, runtime};
use crate::model::ShapeKind;
use crate::symbols::{Item, Module};

/// `lib.rs`, `types.rs`, `types/builders.rs`, `types/error.rs`, `types/error/builders.rs` and
/// `operation.rs`, by path; modules with nothing in them are left out.
pub(crate) fn module_files(cx: &Context<'_>) -> Vec<(String, String)> {
    let mut by_module: BTreeMap<&Module, Vec<(&Item, bool)>> = BTreeMap::new();
    for (id, item) in cx.symbols.items() {
        let has_builder = matches!(cx.index.shape(id).kind, ShapeKind::Structure(_));
        by_module.entry(&item.module).or_default().push((item, has_builder));
    }
    let types = by_module.get(&Module::Types).cloned().unwrap_or_default();
    let errors = by_module.get(&Module::TypesError).cloned().unwrap_or_default();
    let has_types = !types.is_empty() || !errors.is_empty();
    let mut files = vec![("src/lib.rs".to_owned(), lib_rs(cx, has_types))];
    if has_types {
        let mut w = cx.file();
        w.text(
            "//! The data types of the service: the structures, unions and enums its operations use.\n\
             //!\n\
             //! Build a structure with its `builder()`; the builders themselves live in [`builders`].\n\n\
             pub mod builders;\n",
        );
        if !errors.is_empty() {
            line!(w, "pub mod error;");
        }
        declare_items(&mut w, &types);
        files.push(("src/types.rs".to_owned(), w.finish()));
        files.push(("src/types/builders.rs".to_owned(), builders_rs(cx, &types, "structures of [`crate::types`]")));
    }
    if !errors.is_empty() {
        let mut w = cx.file();
        w.text(
            "//! The errors the service's operations can return, one structure each.\n\
             //!\n\
             //! Each operation's error enum (such as `operation::<name>::<Name>Error`) has a variant\n\
             //! holding one of these.\n\n\
             pub mod builders;\n",
        );
        declare_items(&mut w, &errors);
        files.push(("src/types/error.rs".to_owned(), w.finish()));
        files.push((
            "src/types/error/builders.rs".to_owned(),
            builders_rs(cx, &errors, "error structures of [`crate::types::error`]"),
        ));
    }
    let mut w = cx.file();
    line!(w, "//! The service's operations, one module each, with the operation's input, output and errors.");
    w.blank();
    // Each operation module documents itself; an outer doc here would make rustdoc resolve the
    // links of both in this module's scope.
    for op in cx.symbols.operations() {
        line!(w, "pub mod {};", op.module);
    }
    files.push(("src/operation.rs".to_owned(), w.finish()));
    files
}

/// Private file modules and the `pub use` of the item each defines.
fn declare_items(w: &mut Writer, items: &[(&Item, bool)]) {
    w.blank();
    for (item, _) in items {
        line!(w, "mod {};", item.file);
    }
    w.blank();
    for (item, _) in items {
        line!(w, "pub use self::{}::{};", item.file, item.name);
    }
}

/// Re-exports the builder of every item that has one (structures do; enums and unions do not).
fn builders_rs(cx: &Context<'_>, items: &[(&Item, bool)], what: &str) -> String {
    let mut w = cx.file();
    line!(w, "//! Builders for the {what}.");
    w.blank();
    for (item, _) in items.iter().filter(|(_, has_builder)| *has_builder) {
        line!(w, "pub use super::{}::{};", item.file, item.builder_name());
    }
    w.finish()
}

fn lib_rs(cx: &Context<'_>, has_types: bool) -> String {
    let service = cx.index.service;
    let title = service.traits.title().unwrap_or(service.id.name());
    let version = match &service.kind {
        ShapeKind::Service(service) => service.version.clone(),
        _ => String::new(),
    };
    let about = super::doc_text(service.traits.documentation(), String::new);
    let mut markdown = format!("Rust types for {title} (`{id}`, API version {version}).", id = service.id);
    if !about.is_empty() {
        markdown.push_str("\n\n");
        markdown.push_str(&about);
    }
    markdown.push_str(
        "\n\n# Using this crate\n\n\
         Each operation has a module under [`operation`] with its input, output and error types. \
         Inputs and the structures they contain are made with builders: \
         `Type::builder()`, one method per member, then `build()`, which reports a missing \
         required member as an [`error::BuildError`].\n\n\
         Enums keep values the model does not list in an `Unknown` variant, and each \
         operation's error enum keeps errors the model does not describe in `Unhandled`, so \
         a service that grows does not break its clients.\n\n# Operations\n",
    );
    for op in cx.symbols.operations() {
        let shape = cx.index.shape(&op.shape);
        let summary = first_sentence(&super::doc_text(shape.traits.documentation(), String::new));
        let link = format!("[`{}`](operation::{})", op.shape.name(), crate::naming::unraw(&op.module));
        markdown.push_str(&format!("\n- {link}{}{summary}", if summary.is_empty() { "" } else { ": " }));
    }
    let mut w = cx.file();
    // The crate is formatted by the generator; `cargo fmt` must leave it alone. rustfmt skips a
    // crate root marked like this, and each out-of-line module marked `#[rustfmt::skip]`.
    line!(w, "#![cfg_attr(rustfmt, rustfmt::skip)]");
    w.inner_docs(&markdown);
    line!(w, "#![warn(missing_docs)]");
    w.blank();
    let mut modules = vec!["error", "operation"];
    if runtime::has_primitives(cx) {
        modules.push("primitives");
    }
    if has_types {
        modules.push("types");
    }
    modules.sort_unstable();
    for module in modules {
        line!(w, "#[rustfmt::skip]");
        line!(w, "pub mod {module};");
    }
    w.blank();
    line!(w, "/// How values are written in JSON, for the `serde` feature.");
    line!(w, "#[cfg(feature = \"serde\")]");
    line!(w, "#[rustfmt::skip]");
    line!(w, "mod json;");
    if super::http::applies(cx) {
        w.blank();
        line!(w, "#[cfg(feature = \"http\")]");
        line!(w, "#[rustfmt::skip]");
        line!(w, "pub mod http;");
    }
    w.finish()
}

/// The first sentence of a Markdown paragraph, for one-line summaries: cut at a sentence end
/// outside any code span or link, and empty when the paragraph is a code block.
fn first_sentence(markdown: &str) -> String {
    let paragraph = markdown.split("\n\n").next().unwrap_or_default();
    if paragraph.starts_with("```") {
        return String::new();
    }
    let paragraph = paragraph.replace('\n', " ");
    let (mut ticks, mut brackets, mut parens) = (0usize, 0i32, 0i32);
    let mut previous = ' ';
    for (i, c) in paragraph.char_indices() {
        match c {
            '`' if previous != '\\' => ticks += 1,
            '[' if previous != '\\' => brackets += 1,
            ']' if previous != '\\' => brackets -= 1,
            '(' => parens += 1,
            ')' => parens -= 1,
            ' ' if previous == '.' && ticks % 2 == 0 && brackets == 0 && parens == 0 => {
                return paragraph[..i].to_owned();
            }
            _ => {}
        }
        previous = c;
    }
    paragraph
}
