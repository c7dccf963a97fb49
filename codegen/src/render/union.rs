//! Renders a union shape as a Rust enum: a variant per member, plus `Unknown` for members a later
//! version of the model adds, so a service that grows does not break a client.

use super::{Context, REDACTED, Str, Type, Writer, line, open, write_deprecated, write_docs};
use crate::model::Shape;
use crate::symbols::{Item, RustType, UNKNOWN_VARIANT, UnionMember};

/// The enum and its accessors.
///
/// Variants hold their values inline even when sizes differ widely (`large_enum_variant`):
/// boxing by estimated size would make the API depend on layout details of other types.
pub(crate) fn union(w: &mut Writer, cx: &Context<'_>, shape: &Shape, item: &Item) {
    let members = cx.symbols.union_members(&shape.id);
    let name = &item.name;
    write_docs(w, shape.traits.documentation(), item.rename.as_ref(), || format!("The `{}` union.", shape.id.name()));
    w.docs(&format!(
        "\nExactly one member is set. A member the model does not list is read as [`{name}::{UNKNOWN_VARIANT}`]."
    ));
    let sensitive = members.iter().any(|m| m.sensitive);
    let deprecated = members.iter().any(|m| m.deprecated.is_some());
    line!(w, "#[non_exhaustive]");
    line!(w, "#[derive(Clone, PartialEq{})]", if sensitive { "" } else { ", Debug" });
    line!(w, "#[allow(clippy::large_enum_variant)]");
    open!(w, "pub enum {name}");
    for member in members {
        super::write_markdown_docs(w, member.doc.as_deref(), member.rename.as_ref(), || {
            format!("The `{}` member.", member.model_name)
        });
        write_deprecated(w, member.deprecated.as_ref());
        match &member.ty {
            Some(ty) if member.boxed => line!(w, "{}(::std::boxed::Box<{}>),", member.variant, Type(ty)),
            Some(ty) => line!(w, "{}({}),", member.variant, Type(ty)),
            None => line!(w, "{},", member.variant),
        }
    }
    line!(w, "/// A member this version of the crate does not know, which a later version of the model");
    line!(w, "/// added, kept with its name and value. It cannot be constructed, only received.");
    line!(w, "{UNKNOWN_VARIANT}(crate::primitives::UnknownMember),");
    w.close();
    w.blank();

    if deprecated {
        line!(w, "#[allow(deprecated)]");
    }
    open!(w, "impl {name}");
    for member in members {
        methods(w, member);
    }
    line!(w, "/// Whether this is a member the crate does not know.");
    open!(w, "pub fn is_unknown(&self) -> bool");
    line!(w, "::std::matches!(self, Self::{UNKNOWN_VARIANT}(_))");
    w.close();
    w.close();

    if sensitive {
        w.blank();
        redacting_debug(w, name, members, deprecated);
    }
    super::serde::union(w, name, members);
}

/// `as_…` (for members holding a value) and `is_…`.
fn methods(w: &mut Writer, member: &UnionMember) {
    let variant = &member.variant;
    let (Some(ty), Some(as_fn)) = (&member.ty, &member.as_fn) else {
        line!(w, "/// Whether this is [`{variant}`](Self::{variant}).");
        write_deprecated(w, member.deprecated.as_ref());
        open!(w, "pub fn {}(&self) -> bool", member.is_fn);
        line!(w, "::std::matches!(self, Self::{variant})");
        w.close();
        return;
    };
    let (ret, value) = match ty {
        RustType::String => ("&str".to_owned(), "value.as_str()"),
        RustType::Vec(item) => (format!("&[{}]", Type(item)), "value.as_slice()"),
        ty if ty.is_copy() => (Type(ty).to_string(), "*value"),
        _ if member.boxed => (format!("&{}", Type(ty)), "&**value"),
        _ => (format!("&{}", Type(ty)), "value"),
    };
    line!(w, "/// The value of [`{variant}`](Self::{variant}), if this is that member.");
    write_deprecated(w, member.deprecated.as_ref());
    w.open_fn(&format!("pub fn {as_fn}"), &["&self"], Some(&format!("::std::option::Option<{ret}>")));
    open!(w, "match self");
    line!(w, "Self::{variant}(value) => ::std::option::Option::Some({value}),");
    line!(w, "_ => ::std::option::Option::None,");
    w.close();
    w.close();
    line!(w, "/// Whether this is [`{variant}`](Self::{variant}).");
    write_deprecated(w, member.deprecated.as_ref());
    open!(w, "pub fn {}(&self) -> bool", member.is_fn);
    line!(w, "::std::matches!(self, Self::{variant}(_))");
    w.close();
}

/// A `Debug` impl that hides the values of sensitive members.
fn redacting_debug(w: &mut Writer, name: &str, members: &[UnionMember], deprecated: bool) {
    if deprecated {
        line!(w, "#[allow(deprecated)]");
    }
    open!(w, "impl ::std::fmt::Debug for {name}");
    open!(w, "fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result");
    open!(w, "match self");
    for member in members {
        let (variant, label) = (&member.variant, Str(&member.variant));
        match (&member.ty, member.sensitive) {
            (None, _) => line!(w, "Self::{variant} => f.write_str({label}),"),
            (Some(_), true) => {
                line!(w, "Self::{variant}(_) => f.debug_tuple({label}).field(&{}).finish(),", Str(REDACTED))
            }
            (Some(_), false) => line!(w, "Self::{variant}(value) => f.debug_tuple({label}).field(value).finish(),"),
        }
    }
    // What an unknown member holds is unknown too, so only its name is shown.
    line!(
        w,
        "Self::{UNKNOWN_VARIANT}(member) => f.debug_tuple({}).field(&member.name()).finish(),",
        Str(UNKNOWN_VARIANT)
    );
    w.close();
    w.close();
    w.close();
}
