//! Renders a structure shape as a `#[non_exhaustive]` struct with accessors and a builder.

use super::{BuilderPath, Context, Field, Type, Writer, builder, line, open, write_deprecated, write_docs};
use crate::model::Shape;
use crate::symbols::{Item, MemberSymbol, RustType};

/// What a structure is rendered as; it changes the documentation only.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Role<'a> {
    /// A structure in `crate::types`.
    Plain,
    /// The error structure in `crate::types::error`.
    Error,
    /// The input of the named operation.
    Input(&'a str),
    /// The output of the named operation.
    Output(&'a str),
}

/// The struct, its accessors, its `Debug` impl and its builder.
pub(crate) fn structure(w: &mut Writer, cx: &Context<'_>, shape: &Shape, item: &Item, role: Role<'_>) {
    let members = cx.symbols.members(&shape.id);
    let name = &item.name;
    write_docs(w, shape.traits.documentation(), item.rename.as_ref(), || match role {
        Role::Plain | Role::Error => format!("The `{}` structure.", shape.id.name()),
        Role::Input(op) => format!("The input of the `{op}` operation."),
        Role::Output(op) => format!("The output of the `{op}` operation."),
    });
    if matches!(role, Role::Input(_) | Role::Output(_)) && shape.id.name() != item.name && !shape.id.is_prelude() {
        w.docs(&format!("\n*The `{}` structure in the model.*", shape.id));
    }
    let sensitive = members.iter().any(|m| m.sensitive);
    line!(w, "#[non_exhaustive]");
    line!(w, "#[derive(Clone, PartialEq{})]", if sensitive { "" } else { ", Debug" });
    if members.is_empty() {
        line!(w, "pub struct {name} {{}}");
    } else {
        open!(w, "pub struct {name}");
        for member in members {
            member_docs(w, member);
            write_deprecated(w, member.deprecated.as_ref());
            line!(w, "pub {}: {},", member.field, Field(member));
        }
        w.close();
    }
    w.blank();

    super::allow_deprecated(w, members);
    open!(w, "impl {name}");
    for member in members {
        accessor(w, member);
    }
    line!(w, "/// Creates a builder for [`{name}`].");
    open!(w, "pub fn builder() -> {}", BuilderPath(item));
    line!(w, "::std::default::Default::default()");
    w.close();
    w.close();
    w.blank();

    if sensitive {
        super::redacting_debug(w, name, members);
        w.blank();
    }
    builder::builder(w, cx, shape, item);
    let fallible = members.iter().any(MemberSymbol::is_required_in_builder);
    super::serde::structure(w, item, members, fallible);
}

/// A member's documentation: the model's, a fallback naming it, and any rename note.
pub(crate) fn member_docs(w: &mut Writer, member: &MemberSymbol) {
    super::write_markdown_docs(w, member.doc.as_deref(), member.rename.as_ref(), || {
        format!("The `{}` member.", member.model_name)
    });
}

/// The accessor of one member: borrowed where the value is not `Copy`, `&[T]` for lists.
fn accessor(w: &mut Writer, member: &MemberSymbol) {
    member_docs(w, member);
    write_deprecated(w, member.deprecated.as_ref());
    let field = &member.field;
    let ty = Type(&member.ty);
    let (ret, body) = match (&member.ty, member.optional) {
        (RustType::String, true) => ("::std::option::Option<&str>".to_owned(), format!("self.{field}.as_deref()")),
        (RustType::String, false) => ("&str".to_owned(), format!("&self.{field}")),
        (t, true) if t.is_copy() => (format!("::std::option::Option<{ty}>"), format!("self.{field}")),
        (t, false) if t.is_copy() => (ty.to_string(), format!("self.{field}")),
        (RustType::Vec(item), optional) => {
            let body = if optional {
                format!("self.{field}.as_deref().unwrap_or_default()")
            } else {
                format!("&self.{field}")
            };
            (format!("&[{}]", Type(item)), body)
        }
        (_, true) if member.boxed => (format!("::std::option::Option<&{ty}>"), format!("self.{field}.as_deref()")),
        (_, true) => (format!("::std::option::Option<&{ty}>"), format!("self.{field}.as_ref()")),
        (_, false) => (format!("&{ty}"), format!("&self.{field}")),
    };
    w.open_fn(&format!("pub fn {field}"), &["&self"], Some(&ret));
    w.text(&body);
    w.close();
}
