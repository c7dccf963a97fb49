//! Renders the builder of a structure: a setter, `set_` and `get_` per member, and `build()`.
//!
//! `build()` returns the structure itself when nothing can be missing, and
//! `Result<_, BuildError>` naming the first missing member when some member is required and has
//! no default.

use std::fmt::Write as _;

use codegen_runtime::primitives::Blob;
use serde_json::Value;

use super::{Context, ItemPath, Stored, Str, Type, Writer, line, open, write_deprecated};
use crate::model::Shape;
use crate::symbols::{Item, MemberSymbol, RustType};

/// Methods of std's operator traits whose signature a builder setter has.
const OPERATOR_METHODS: &[&str] = &["add", "sub", "mul", "div", "rem", "bitand", "bitor", "bitxor", "shl", "shr"];

/// The builder struct and its methods.
pub(crate) fn builder(w: &mut Writer, cx: &Context<'_>, shape: &Shape, item: &Item) {
    let members = cx.symbols.members(&shape.id);
    let name = item.builder_name();
    let sensitive = members.iter().any(|m| m.sensitive);
    line!(w, "/// A builder for [`{}`].", item.name);
    line!(w, "#[non_exhaustive]");
    line!(w, "#[derive(Clone, PartialEq, Default{})]", if sensitive { "" } else { ", Debug" });
    if members.is_empty() {
        line!(w, "pub struct {name} {{}}");
    } else {
        open!(w, "pub struct {name}");
        for member in members {
            line!(w, "pub(crate) {}: ::std::option::Option<{}>,", member.field, Stored(member));
        }
        w.close();
    }
    w.blank();
    super::allow_deprecated(w, members);
    // A setter named like a binary operator's method (`add(self, value) -> Self`) is what the
    // model calls the member, not an operator.
    if members.iter().any(|m| OPERATOR_METHODS.contains(&crate::naming::unraw(&m.field))) {
        line!(w, "#[allow(clippy::should_implement_trait)]");
    }
    open!(w, "impl {name}");
    for member in members {
        methods(w, member);
    }
    build(w, item, members);
    if members.iter().any(MemberSymbol::is_required_in_builder) {
        build_or_zero(w, cx, item, members);
    }
    w.close();
    if sensitive {
        w.blank();
        super::redacting_debug(w, &name, members);
    }
}

/// The three methods of one member: the setter (an appender for lists and maps), `set_`, `get_`.
fn methods(w: &mut Writer, member: &MemberSymbol) {
    let field = &member.field;
    let plain = crate::naming::unraw(field);
    let set = &member.set;
    match &member.ty {
        RustType::Vec(item) => {
            line!(w, "/// Appends one item to `{plain}`; [`{set}`](Self::{set}) replaces the whole list.");
            line!(w, "///");
            super::structure::member_docs(w, member);
            write_deprecated(w, member.deprecated.as_ref());
            let param = format!("input: {}", Parameter(item));
            w.open_fn(&format!("pub fn {field}"), &["mut self", &param], Some("Self"));
            line!(w, "self.{field}.get_or_insert_with(::std::vec::Vec::new).push({});", Convert(item, "input"));
            line!(w, "self");
            w.close();
        }
        RustType::Map(key, value) => {
            line!(w, "/// Adds one entry to `{plain}`; [`{set}`](Self::{set}) replaces the whole map.");
            line!(w, "///");
            super::structure::member_docs(w, member);
            write_deprecated(w, member.deprecated.as_ref());
            let (key_param, value_param) = (format!("key: {}", Parameter(key)), format!("value: {}", Parameter(value)));
            w.open_fn(&format!("pub fn {field}"), &["mut self", &key_param, &value_param], Some("Self"));
            line!(
                w,
                "self.{field}.get_or_insert_with(::std::collections::HashMap::new).insert({}, {});",
                Convert(key, "key"),
                Convert(value, "value")
            );
            line!(w, "self");
            w.close();
        }
        ty => {
            super::structure::member_docs(w, member);
            write_deprecated(w, member.deprecated.as_ref());
            let param = format!("input: {}", Parameter(ty));
            w.open_fn(&format!("pub fn {field}"), &["mut self", &param], Some("Self"));
            if member.boxed {
                line!(
                    w,
                    "self.{field} = ::std::option::Option::Some(::std::boxed::Box::new({}));",
                    Convert(ty, "input")
                );
            } else {
                line!(w, "self.{field} = ::std::option::Option::Some({});", Convert(ty, "input"));
            }
            line!(w, "self");
            w.close();
        }
    }

    line!(w, "/// Sets or clears `{plain}`; see [`{plain}`](Self::{plain}).");
    write_deprecated(w, member.deprecated.as_ref());
    let param = format!("input: ::std::option::Option<{}>", Type(&member.ty));
    w.open_fn(&format!("pub fn {set}"), &["mut self", &param], Some("Self"));
    if member.boxed {
        line!(w, "self.{field} = input.map(::std::boxed::Box::new);");
    } else {
        line!(w, "self.{field} = input;");
    }
    line!(w, "self");
    w.close();

    line!(w, "/// The value of `{plain}` set so far.");
    write_deprecated(w, member.deprecated.as_ref());
    let inner = Type(&member.ty);
    let (ret, body) = match &member.ty {
        RustType::String => ("::std::option::Option<&str>".to_owned(), "as_deref()"),
        ty if ty.is_copy() => (format!("::std::option::Option<{inner}>"), ""),
        RustType::Vec(item) => (format!("::std::option::Option<&[{}]>", Type(item)), "as_deref()"),
        _ if member.boxed => (format!("::std::option::Option<&{inner}>"), "as_deref()"),
        _ => (format!("::std::option::Option<&{inner}>"), "as_ref()"),
    };
    w.open_fn(&format!("pub fn {}", member.get), &["&self"], Some(&ret));
    if body.is_empty() {
        line!(w, "self.{field}");
    } else {
        line!(w, "self.{field}.{body}");
    }
    w.close();
}

/// The type a setter takes for a value of `ty`: strings take anything that converts.
struct Parameter<'a>(&'a RustType);

impl std::fmt::Display for Parameter<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            RustType::String => f.write_str("impl ::std::convert::Into<::std::string::String>"),
            other => Type(other).fmt(f),
        }
    }
}

/// The expression storing a setter's parameter `name`.
struct Convert<'a>(&'a RustType, &'a str);

impl std::fmt::Display for Convert<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            RustType::String => write!(f, "{}.into()", self.1),
            _ => f.write_str(self.1),
        }
    }
}

/// `build()`: the structure, or `Result` when a required member without default may be missing.
fn build(w: &mut Writer, item: &Item, members: &[MemberSymbol]) {
    let path = ItemPath(item);
    let type_name = &item.name;
    let fallible = members.iter().any(MemberSymbol::is_required_in_builder);
    if fallible {
        line!(w, "/// Builds a [`{type_name}`], or says which required member was not set.");
        let ret = format!("::std::result::Result<{path}, crate::error::BuildError>");
        w.open_fn("pub fn build", &["self"], Some(&ret));
        open!(w, "::std::result::Result::Ok({path}");
    } else {
        line!(w, "/// Builds a [`{type_name}`].");
        w.open_fn("pub fn build", &["self"], Some(&path.to_string()));
        open!(w, "{path}");
    }
    for member in members {
        let field = &member.field;
        let plain = crate::naming::unraw(field);
        if member.optional {
            line!(w, "{field}: self.{field},");
        } else if let Some(default) = &member.default {
            line!(w, "{field}: {},", default_fill(member, default, &format!("self.{field}")));
        } else {
            line!(
                w,
                "{field}: self.{field}.ok_or_else(|| crate::error::BuildError::missing_field({}, {}))?,",
                Str(plain),
                Str(type_name)
            );
        }
    }
    w.close_with(if fallible { ")" } else { "" });
    w.close();
}

/// `build_or_zero()`: like `build()`, but a missing required member gets its zero value, as
/// Smithy's client error correction asks of a response that lacks one. Reading JSON uses it.
fn build_or_zero(w: &mut Writer, cx: &Context<'_>, item: &Item, members: &[MemberSymbol]) {
    let path = ItemPath(item);
    line!(w, "/// Builds a [`{}`], giving required members that were not set their zero value.", item.name);
    line!(w, "#[cfg(feature = \"serde\")]");
    open!(w, "pub(crate) fn build_or_zero(self) -> {path}");
    open!(w, "{path}");
    for member in members {
        let field = &member.field;
        if member.optional {
            line!(w, "{field}: self.{field},");
        } else if let Some(default) = &member.default {
            line!(w, "{field}: {},", default_fill(member, default, &format!("self.{field}")));
        } else {
            line!(w, "{field}: {},", super::serde::zero_value(cx, member));
        }
    }
    w.close();
    w.close();
}

/// The expression taking `value` (an `Option`) or the member's `@default`.
fn default_fill(member: &MemberSymbol, default: &Value, value: &str) -> String {
    if is_type_default(&member.ty, default) {
        return format!("{value}.unwrap_or_default()");
    }
    let expression = default_expression(&member.ty, default);
    let expression = if member.boxed { format!("::std::boxed::Box::new({expression})") } else { expression };
    // Values built without allocating are given directly; others only when needed.
    let constant = member.ty.is_copy()
        || (matches!(member.ty, RustType::Document)
            && matches!(default, Value::Bool(_) | Value::Number(_) | Value::Null));
    if constant && !member.boxed {
        format!("{value}.unwrap_or({expression})")
    } else {
        format!("{value}.unwrap_or_else(|| {expression})")
    }
}

/// Whether `default` is what `Default::default()` gives for `ty`, so `unwrap_or_default` fits.
fn is_type_default(ty: &RustType, default: &Value) -> bool {
    match (ty, default) {
        (RustType::Bool, Value::Bool(b)) => !b,
        (RustType::Named(_), _) => false,
        (_, Value::Number(n)) => n.as_f64() == Some(0.0) && !matches!(ty, RustType::BigDecimal | RustType::BigInteger),
        (RustType::String | RustType::Blob | RustType::ByteStream, Value::String(s)) => s.is_empty(),
        (_, Value::Array(items)) => items.is_empty() && !matches!(ty, RustType::Document),
        (_, Value::Object(entries)) => entries.is_empty() && !matches!(ty, RustType::Document),
        (RustType::Document, Value::Null) => true,
        _ => false,
    }
}

const TYPE_DEFAULT: &str = "::std::default::Default::default()";

/// A Rust expression for a `@default` value of type `ty`.
///
/// The loader does not check that default values fit their types, so a value that does not fit
/// falls back to the type's own default rather than producing code that does not compile.
fn default_expression(ty: &RustType, value: &Value) -> String {
    match (ty, value) {
        (RustType::String, Value::String(s)) => format!("::std::string::String::from({})", Str(s)),
        (RustType::Bool, Value::Bool(b)) => b.to_string(),
        (RustType::I8 | RustType::I16 | RustType::I32 | RustType::I64, Value::Number(n)) => {
            n.as_i64().filter(|v| fits(ty, *v)).map_or_else(|| TYPE_DEFAULT.to_owned(), |v| v.to_string())
        }
        (RustType::F32 | RustType::F64, Value::Number(n)) => float(n.as_f64().unwrap_or_default()),
        // The generated crate's own decoder decides what is base64, so both accept the same text.
        (RustType::Blob | RustType::ByteStream, Value::String(s)) => match Blob::from_base64(s) {
            Some(blob) => format!("{}::new({}.to_vec())", Type(ty), byte_string(blob.as_bytes())),
            None => TYPE_DEFAULT.to_owned(),
        },
        (RustType::DateTime, Value::Number(n)) => match n.as_i64() {
            Some(seconds) => format!("crate::primitives::DateTime::from_secs({seconds})"),
            None => format!(
                "crate::primitives::DateTime::from_secs_f64({}).unwrap_or_default()",
                float(n.as_f64().unwrap_or_default())
            ),
        },
        (RustType::BigInteger | RustType::BigDecimal, Value::Number(_) | Value::String(_)) => {
            let text = match value {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            format!("::std::str::FromStr::from_str({}).unwrap_or_default()", Str(&text))
        }
        (RustType::Document, value) => document_expression(value),
        (RustType::Named(item), Value::String(s)) => format!("{}::from({})", ItemPath(item), Str(s)),
        (RustType::Named(item), Value::Number(n)) => match n.as_i64().and_then(|v| i32::try_from(v).ok()) {
            Some(v) => format!("{}::from({v})", ItemPath(item)),
            None => TYPE_DEFAULT.to_owned(),
        },
        _ => TYPE_DEFAULT.to_owned(),
    }
}

/// A float literal: always with a decimal point or exponent, so it never reads as an integer.
fn float(value: f64) -> String {
    let text = format!("{value:?}");
    if text.contains(['.', 'e', 'E']) { text } else { format!("{text}.0") }
}

/// A byte string literal: printable ASCII as is, everything else escaped.
fn byte_string(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + 3);
    out.push_str("b\"");
    for &byte in bytes {
        match byte {
            b'"' | b'\\' => {
                out.push('\\');
                out.push(byte as char);
            }
            0x20..=0x7e => out.push(byte as char),
            _ => {
                let _ = write!(out, "\\x{byte:02x}");
            }
        }
    }
    out.push('"');
    out
}

/// A `primitives::Document` expression for a JSON value.
pub(crate) fn document_expression(value: &Value) -> String {
    match value {
        Value::Null => "crate::primitives::Document::Null".to_owned(),
        Value::Bool(b) => format!("crate::primitives::Document::Bool({b})"),
        Value::Number(n) => {
            let number = if let Some(v) = n.as_u64() {
                format!("PosInt({v})")
            } else if let Some(v) = n.as_i64() {
                format!("NegInt({v})")
            } else {
                format!("Float({})", float(n.as_f64().unwrap_or_default()))
            };
            format!("crate::primitives::Document::Number(crate::primitives::Number::{number})")
        }
        Value::String(s) => format!("crate::primitives::Document::String(::std::string::String::from({}))", Str(s)),
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(document_expression).collect();
            format!("crate::primitives::Document::Array(::std::vec![{}])", items.join(", "))
        }
        Value::Object(entries) => {
            let entries: Vec<String> = entries
                .iter()
                .map(|(key, value)| {
                    format!("(::std::string::String::from({}), {})", Str(key), document_expression(value))
                })
                .collect();
            format!("crate::primitives::Document::Object(::std::collections::BTreeMap::from([{}]))", entries.join(", "))
        }
    }
}

/// Whether an integer default fits the member's integer type.
fn fits(ty: &RustType, value: i64) -> bool {
    match ty {
        RustType::I8 => i8::try_from(value).is_ok(),
        RustType::I16 => i16::try_from(value).is_ok(),
        RustType::I32 => i32::try_from(value).is_ok(),
        _ => true,
    }
}
