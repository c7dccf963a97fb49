//! Renders one operation's module: its input and output structures, their builders, its errors.

use super::structure::{Role, structure};
use super::{Context, error, http, item_file, line, module_dir};
use crate::symbols::OperationSymbols;

/// The files of `crate::operation::<name>`, by path.
pub(crate) fn operation(cx: &Context<'_>, op: &OperationSymbols) -> Vec<(String, String)> {
    let shape = cx.index.shape(&op.shape);
    let bindings = cx.index.operation(shape);
    let name = op.shape.name();

    let http_binding = shape.traits.http().filter(|_| http::applies(cx));
    let mut input = cx.file();
    structure(&mut input, cx, cx.index.shape(&bindings.input), &op.input, Role::Input(name));
    let mut output = cx.file();
    structure(&mut output, cx, cx.index.shape(&bindings.output), &op.output, Role::Output(name));
    if let Some(binding) = &http_binding {
        http::request(&mut input, cx, op, binding);
        http::read_parts(&mut output, cx, cx.index.shape(&bindings.output), &op.output);
    }

    let mut module = cx.file();
    let summary = super::doc_text(shape.traits.documentation(), || format!("The `{name}` operation."));
    module.inner_docs(&format!(
        "{summary}\n\n[`{}`] is what a call sends, [`{}`] what it returns, and [`{}`] the errors it can fail with.",
        op.input.name, op.output.name, op.error,
    ));
    module.blank();
    line!(module, "pub mod builders;");
    line!(module, "mod {};", op.input.file);
    line!(module, "mod {};", op.output.file);
    module.blank();
    line!(module, "pub use self::{}::{};", op.input.file, op.input.name);
    line!(module, "pub use self::{}::{};", op.output.file, op.output.name);
    module.blank();
    error::operation_error(&mut module, cx, op);
    if http_binding.is_some() {
        http::response(&mut module, cx, op);
    }

    let mut builders = cx.file();
    line!(builders, "//! Builders for the input and output of the `{name}` operation.");
    builders.blank();
    line!(builders, "pub use super::{}::{};", op.input.file, op.input.builder_name());
    line!(builders, "pub use super::{}::{};", op.output.file, op.output.builder_name());

    let dir = module_dir(&op.input.module);
    vec![
        (format!("src/{dir}.rs"), module.finish()),
        (format!("src/{dir}/builders.rs"), builders.finish()),
        (item_file(&op.input), input.finish()),
        (item_file(&op.output), output.finish()),
    ]
}
