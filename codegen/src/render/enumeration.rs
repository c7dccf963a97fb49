//! Renders `enum` and `intEnum` shapes (and strings with the `@enum` trait) as open Rust enums:
//! one variant per value, plus `Unknown` keeping any value the model does not list, so a service
//! adding values never breaks a client.

use super::{Context, Str, Writer, line, open, write_deprecated, write_docs};
use crate::model::{Shape, ShapeKind};
use crate::symbols::{Item, UNKNOWN_VARIANT, Variant};

/// The enum and its conversions.
pub(crate) fn enumeration(w: &mut Writer, cx: &Context<'_>, shape: &Shape, item: &Item) {
    let variants = cx.symbols.variants(&shape.id);
    let is_int = matches!(shape.kind, ShapeKind::IntEnum(_));
    let wire: Vec<String> = variants
        .iter()
        .map(|v| {
            if is_int {
                v.value.as_i64().unwrap_or_default().to_string()
            } else {
                v.value.as_str().unwrap_or_default().to_owned()
            }
        })
        .collect();
    let listed: Vec<String> = wire.iter().map(|v| format!("`{v}`")).collect();
    write_docs(w, shape.traits.documentation(), item.rename.as_ref(), || {
        format!("The `{}` enumeration.", shape.id.name())
    });
    w.docs(&format!(
        "\nThe model lists {}. A value it does not list is kept in [`{}::{UNKNOWN_VARIANT}`]: matching on it \
         is not forward compatible, because a later version of this crate may give that value a variant of its own.",
        listed.join(", "),
        item.name
    ));
    let name = &item.name;
    line!(w, "#[non_exhaustive]");
    line!(w, "#[derive(Clone, {}Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]", if is_int { "Copy, " } else { "" });
    open!(w, "pub enum {name}");
    for (variant, wire) in variants.iter().zip(&wire) {
        super::write_markdown_docs(w, variant.doc.as_deref(), variant.rename.as_ref(), || format!("`{wire}`"));
        write_deprecated(w, variant.deprecated.as_ref());
        line!(w, "{},", variant.name);
    }
    line!(w, "/// A value the model does not list, kept as it was received.");
    if is_int {
        line!(w, "{UNKNOWN_VARIANT}(crate::primitives::UnknownIntVariantValue),");
    } else {
        line!(w, "{UNKNOWN_VARIANT}(crate::primitives::UnknownVariantValue),");
    }
    w.close();
    w.blank();
    if is_int {
        int_conversions(w, name, variants, &wire);
    } else {
        string_conversions(w, name, variants, &wire);
    }
    super::serde::enumeration(w, name, is_int);
}

fn allow_deprecated(w: &mut Writer, variants: &[Variant]) {
    if variants.iter().any(|v| v.deprecated.is_some()) {
        line!(w, "#[allow(deprecated)]");
    }
}

fn string_conversions(w: &mut Writer, name: &str, variants: &[Variant], wire: &[String]) {
    allow_deprecated(w, variants);
    open!(w, "impl {name}");
    line!(w, "/// The value as it is written on the wire.");
    open!(w, "pub fn as_str(&self) -> &str");
    open!(w, "match self");
    for (variant, wire) in variants.iter().zip(wire) {
        line!(w, "Self::{} => {},", variant.name, Str(wire));
    }
    line!(w, "Self::{UNKNOWN_VARIANT}(value) => value.as_str(),");
    w.close();
    w.close();
    line!(w, "/// Every value the model lists, in model order.");
    open!(w, "pub const fn values() -> &'static [&'static str]");
    let values: Vec<String> = wire.iter().map(|v| Str(v).to_string()).collect();
    line!(w, "&[{}]", values.join(", "));
    w.close();
    w.close();
    w.blank();

    allow_deprecated(w, variants);
    open!(w, "impl ::std::convert::From<&str> for {name}");
    open!(w, "fn from(value: &str) -> Self");
    open!(w, "match value");
    for (variant, wire) in variants.iter().zip(wire) {
        line!(w, "{} => Self::{},", Str(wire), variant.name);
    }
    line!(w, "other => Self::{UNKNOWN_VARIANT}(crate::primitives::UnknownVariantValue::new(other.to_owned())),");
    w.close();
    w.close();
    w.close();
    w.blank();

    w.text(&format!(
        "impl ::std::convert::From<::std::string::String> for {name} {{
    fn from(value: ::std::string::String) -> Self {{
        match Self::from(value.as_str()) {{
            Self::{UNKNOWN_VARIANT}(_) => Self::{UNKNOWN_VARIANT}(crate::primitives::UnknownVariantValue::new(value)),
            known => known,
        }}
    }}
}}

impl ::std::str::FromStr for {name} {{
    type Err = ::std::convert::Infallible;
    fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {{
        ::std::result::Result::Ok(Self::from(value))
    }}
}}

impl ::std::convert::AsRef<str> for {name} {{
    fn as_ref(&self) -> &str {{
        self.as_str()
    }}
}}

impl ::std::fmt::Display for {name} {{
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {{
        f.write_str(self.as_str())
    }}
}}
"
    ));
}

fn int_conversions(w: &mut Writer, name: &str, variants: &[Variant], wire: &[String]) {
    allow_deprecated(w, variants);
    open!(w, "impl {name}");
    line!(w, "/// The value as it is written on the wire.");
    open!(w, "pub fn value(&self) -> i32");
    open!(w, "match self");
    for (variant, wire) in variants.iter().zip(wire) {
        line!(w, "Self::{} => {wire},", variant.name);
    }
    line!(w, "Self::{UNKNOWN_VARIANT}(value) => value.value(),");
    w.close();
    w.close();
    line!(w, "/// Every value the model lists, in model order.");
    open!(w, "pub const fn values() -> &'static [i32]");
    line!(w, "&[{}]", wire.join(", "));
    w.close();
    w.close();
    w.blank();

    allow_deprecated(w, variants);
    open!(w, "impl ::std::convert::From<i32> for {name}");
    open!(w, "fn from(value: i32) -> Self");
    open!(w, "match value");
    for (variant, wire) in variants.iter().zip(wire) {
        line!(w, "{wire} => Self::{},", variant.name);
    }
    line!(w, "other => Self::{UNKNOWN_VARIANT}(crate::primitives::UnknownIntVariantValue::new(other)),");
    w.close();
    w.close();
    w.close();
    w.blank();

    w.text(&format!(
        "impl ::std::fmt::Display for {name} {{
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {{
        ::std::fmt::Display::fmt(&self.value(), f)
    }}
}}
"
    ));
}
