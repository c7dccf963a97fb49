//! Renders error structures (`crate::types::error`) and each operation's error enum.

use super::{Context, ItemPath, REDACTED, Str, Writer, line, open, structure, write_docs};
use crate::model::Shape;
use crate::symbols::{Item, MemberSymbol, OperationSymbols, RustType, UNHANDLED_VARIANT};
use crate::traits::ErrorFault;

/// An error structure: the struct and builder, its code and status, `Display` and `Error`.
pub(crate) fn exception(w: &mut Writer, cx: &Context<'_>, shape: &Shape, item: &Item) {
    structure::structure(w, cx, shape, item, structure::Role::Error);
    w.blank();
    let name = &item.name;
    let code = shape.id.name();
    open!(w, "impl {name}");
    line!(w, "/// The code that identifies this error on the wire: `{code}`.");
    line!(w, "pub const CODE: &'static str = {};", Str(code));
    line!(w, "/// The HTTP status code the service answers this error with: {}.", http_status(shape));
    line!(w, "pub const HTTP_STATUS: u16 = {};", http_status(shape));
    line!(w, "/// Whether the model marks this error as safe to retry.");
    line!(w, "pub const RETRYABLE: bool = {};", shape.traits.is_retryable());
    w.close();
    w.blank();

    let message = message_member(cx.symbols.members(&shape.id));
    if message.is_some_and(|m| m.deprecated.is_some()) {
        line!(w, "#[allow(deprecated)]");
    }
    open!(w, "impl ::std::fmt::Display for {name}");
    open!(w, "fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result");
    line!(w, "f.write_str({})?;", Str(code));
    match message {
        Some(member) if member.sensitive => line!(w, "f.write_str({})?;", Str(&format!(": {REDACTED}"))),
        Some(member) if member.optional => {
            open!(w, "if let ::std::option::Option::Some(message) = &self.{}", member.field);
            line!(w, "write!(f, \": {{message}}\")?;");
            w.close();
        }
        Some(member) => line!(w, "write!(f, \": {{}}\", self.{})?;", member.field),
        None => {}
    }
    line!(w, "::std::result::Result::Ok(())");
    w.close();
    w.close();
    w.blank();
    line!(w, "impl ::std::error::Error for {name} {{}}");
}

/// The status code of an error: `@httpError`, else 400 for client faults and 500 for server faults.
pub(crate) fn http_status(shape: &Shape) -> u16 {
    shape.traits.http_error().unwrap_or(match shape.traits.error_fault() {
        Some(ErrorFault::Server) => 500,
        _ => 400,
    })
}

/// The member holding an error's message: the one named `message` in any case.
pub(crate) fn message_member(members: &[MemberSymbol]) -> Option<&MemberSymbol> {
    members.iter().find(|m| m.model_name.eq_ignore_ascii_case("message") && matches!(m.ty, RustType::String))
}

/// The error enum of an operation: a variant per error structure plus `Unhandled`.
pub(crate) fn operation_error(w: &mut Writer, cx: &Context<'_>, op: &OperationSymbols) {
    let name = &op.error;
    let variants: Vec<(&str, String, &Shape)> = op
        .error_variants
        .iter()
        .map(|v| (v.name.as_str(), ItemPath(cx.symbols.item(&v.shape)).to_string(), cx.index.shape(&v.shape)))
        .collect();
    w.docs(&format!(
        "The errors the `{}` operation can return.\n\nErrors the model does not describe arrive as \
         [`{UNHANDLED_VARIANT}`](Self::{UNHANDLED_VARIANT}), with whatever code, message and status the service sent.",
        op.shape.name()
    ));
    line!(w, "#[non_exhaustive]");
    line!(w, "#[derive(Clone, Debug, PartialEq)]");
    open!(w, "pub enum {name}");
    for (variant, (name, path, shape)) in op.error_variants.iter().zip(&variants) {
        write_docs(w, shape.traits.documentation(), variant.rename.as_ref(), || {
            format!("The `{}` error.", shape.id.name())
        });
        line!(w, "{name}({path}),");
    }
    line!(w, "/// An error the model does not describe.");
    line!(w, "{UNHANDLED_VARIANT}(crate::error::Unhandled),");
    w.close();
    w.blank();

    open!(w, "impl {name}");
    for (variant, (name, ..)) in op.error_variants.iter().zip(&variants) {
        line!(w, "/// Whether this is a [`{name}`](Self::{name}).");
        open!(w, "pub fn {}(&self) -> bool", variant.is_fn);
        line!(w, "::std::matches!(self, Self::{name}(_))");
        w.close();
    }
    line!(w, "/// Whether this is an error the model does not describe.");
    open!(w, "pub fn is_unhandled(&self) -> bool");
    line!(w, "::std::matches!(self, Self::{UNHANDLED_VARIANT}(_))");
    w.close();

    line!(w, "/// The code that identifies the error on the wire, when known.");
    open!(w, "pub fn code(&self) -> ::std::option::Option<&str>");
    open!(w, "match self");
    for (name, path, _) in &variants {
        line!(w, "Self::{name}(_) => ::std::option::Option::Some({path}::CODE),");
    }
    line!(w, "Self::{UNHANDLED_VARIANT}(error) => error.code(),");
    w.close();
    w.close();

    line!(w, "/// The human-readable message that came with the error, if any.");
    let messages: Vec<Option<&MemberSymbol>> =
        op.error_variants.iter().map(|v| message_member(cx.symbols.members(&v.shape))).collect();
    if messages.iter().flatten().any(|m| m.deprecated.is_some()) {
        line!(w, "#[allow(deprecated)]");
    }
    open!(w, "pub fn message(&self) -> ::std::option::Option<&str>");
    open!(w, "match self");
    for ((name, ..), message) in variants.iter().zip(&messages) {
        match message {
            Some(member) if member.optional => line!(w, "Self::{name}(error) => error.{}.as_deref(),", member.field),
            Some(member) => line!(w, "Self::{name}(error) => ::std::option::Option::Some(&error.{}),", member.field),
            None => line!(w, "Self::{name}(_) => ::std::option::Option::None,"),
        }
    }
    line!(w, "Self::{UNHANDLED_VARIANT}(error) => error.message(),");
    w.close();
    w.close();

    line!(w, "/// The HTTP status code of the error: the model's for modeled errors, the received one for");
    line!(w, "/// unhandled errors.");
    open!(w, "pub fn http_status(&self) -> ::std::option::Option<u16>");
    open!(w, "match self");
    for (name, path, _) in &variants {
        line!(w, "Self::{name}(_) => ::std::option::Option::Some({path}::HTTP_STATUS),");
    }
    line!(w, "Self::{UNHANDLED_VARIANT}(error) => error.http_status(),");
    w.close();
    w.close();

    line!(w, "/// Whether the model marks the error as safe to retry.");
    open!(w, "pub fn is_retryable(&self) -> bool");
    open!(w, "match self");
    for (name, path, _) in &variants {
        line!(w, "Self::{name}(_) => {path}::RETRYABLE,");
    }
    line!(w, "Self::{UNHANDLED_VARIANT}(_) => false,");
    w.close();
    w.close();
    w.close();
    w.blank();

    open!(w, "impl ::std::fmt::Display for {name}");
    open!(w, "fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result");
    open!(w, "match self");
    for (name, ..) in &variants {
        line!(w, "Self::{name}(error) => ::std::fmt::Display::fmt(error, f),");
    }
    line!(w, "Self::{UNHANDLED_VARIANT}(error) => ::std::fmt::Display::fmt(error, f),");
    w.close();
    w.close();
    w.close();
    w.blank();

    line!(w, "// `Display` already shows the inner error, so `source` skips it rather than have error");
    line!(w, "// reporters print the same message twice.");
    open!(w, "impl ::std::error::Error for {name}");
    open!(w, "fn source(&self) -> ::std::option::Option<&(dyn ::std::error::Error + 'static)>");
    open!(w, "match self");
    for (name, ..) in &variants {
        line!(w, "Self::{name}(error) => ::std::error::Error::source(error),");
    }
    line!(w, "Self::{UNHANDLED_VARIANT}(error) => ::std::error::Error::source(error),");
    w.close();
    w.close();
    w.close();

    for (name, path, _) in &variants {
        w.blank();
        open!(w, "impl ::std::convert::From<{path}> for {}", op.error);
        open!(w, "fn from(error: {path}) -> Self");
        line!(w, "Self::{name}(error)");
        w.close();
        w.close();
    }
    w.blank();
    open!(w, "impl ::std::convert::From<crate::error::Unhandled> for {name}");
    open!(w, "fn from(error: crate::error::Unhandled) -> Self");
    line!(w, "Self::{UNHANDLED_VARIANT}(error)");
    w.close();
    w.close();
}
