//! Renders `Serialize` and `Deserialize` for structures, unions and enums, behind the generated
//! crate's `serde` feature.
//!
//! The implementations are written out rather than derived: a derive would put serde's proc
//! macros into every downstream build, and the JSON form depends on the model (`@jsonName`,
//! `@timestampFormat`, error correction of missing members), which a derive cannot see.

use super::{BuilderPath, Context, ItemPath, Str, Type, Writer, line, open};
use crate::model::ShapeKind;
use crate::symbols::{Codec, Item, MemberSymbol, RustType, UNKNOWN_VARIANT, UnionMember};

/// The path of a codec type in the generated crate's `json` module.
fn codec_path(codec: &Codec) -> String {
    match codec {
        Codec::Float => "crate::json::Float".to_owned(),
        Codec::DateTimeText => "crate::json::DateTimeText".to_owned(),
        Codec::HttpDateText => "crate::json::HttpDateText".to_owned(),
        Codec::List(item) => format!("crate::json::List<{}>", codec_path(item)),
        Codec::Sparse(item) => format!("crate::json::Sparse<{}>", codec_path(item)),
        Codec::Map(item) => format!("crate::json::Map<{}>", codec_path(item)),
    }
}

/// `value` (an expression borrowing the member's value) as something that serializes right.
fn serializable(codec: Option<&Codec>, value: &str) -> String {
    match codec {
        Some(codec) => format!("&crate::json::with::<{}, _>({value})", codec_path(codec)),
        None => value.to_owned(),
    }
}

/// The expression reading an optional value of a member from `map`.
fn read_optional(codec: Option<&Codec>, ty: &str) -> String {
    match codec {
        Some(codec) => format!(
            "map.next_value::<::std::option::Option<crate::json::Read<{}, {ty}>>>()?.map(crate::json::Read::into_inner)",
            codec_path(codec)
        ),
        None => "map.next_value()?".to_owned(),
    }
}

fn allow_deprecated(w: &mut Writer, any: bool) {
    if any {
        line!(w, "#[allow(deprecated)]");
    }
}

/// `Serialize` and `Deserialize` for a structure: an object of its members by wire name, absent
/// members left out; reading fills defaults and, for required members that are missing, the
/// zero value (Smithy's client error correction).
pub(crate) fn structure(w: &mut Writer, item: &Item, members: &[MemberSymbol], fallible: bool) {
    let name = &item.name;
    let all: Vec<&MemberSymbol> = members.iter().collect();
    w.blank();
    line!(w, "#[cfg(feature = \"serde\")]");
    serialize_impl(w, name, name, &all, "self");
    w.blank();

    line!(w, "#[cfg(feature = \"serde\")]");
    let finish = if fallible { "builder.build_or_zero()" } else { "builder.build()" };
    deserialize_impl(w, name, item, &all, finish);
}

/// Writes `impl Deserialize for {target}`: a visitor that reads `members` of `item`'s object into
/// its builder (unknown members skipped), then returns `finish`, an expression of `builder`.
pub(crate) fn deserialize_impl(w: &mut Writer, target: &str, item: &Item, members: &[&MemberSymbol], finish: &str) {
    let deprecated = members.iter().any(|m| m.deprecated.is_some());
    allow_deprecated(w, deprecated);
    open!(w, "impl<'de> ::serde::Deserialize<'de> for {target}");
    open!(w, "fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error>");
    line!(w, "struct Visitor;");
    allow_deprecated(w, deprecated);
    open!(w, "impl<'de> ::serde::de::Visitor<'de> for Visitor");
    line!(w, "type Value = {target};");
    open!(w, "fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result");
    line!(w, "f.write_str({})", Str(&format!("a `{}` object", item.name)));
    w.close();
    open!(
        w,
        "fn visit_map<A: ::serde::de::MapAccess<'de>>(self, mut map: A) -> ::std::result::Result<{target}, A::Error>"
    );
    // Through the trait: a member named `default` gives the builder an inherent `default` method.
    let builder = if members.is_empty() { "builder" } else { "mut builder" };
    line!(w, "let {builder} = <{} as ::std::default::Default>::default();", BuilderPath(item));
    if members.is_empty() {
        open!(w, "while map.next_key::<::serde::de::IgnoredAny>()?.is_some()");
        line!(w, "map.next_value::<::serde::de::IgnoredAny>()?;");
        w.close();
    } else {
        open!(w, "while let ::std::option::Option::Some(key) = map.next_key::<crate::json::Text<'de>>()?");
        open!(w, "match key.as_str()");
        for member in members {
            let stored = super::Stored(member).to_string();
            let read = read_optional(member.codec.as_ref(), &stored);
            line!(w, "{} => builder.{} = {read},", Str(&member.wire_name), member.field);
        }
        open!(w, "_ =>");
        line!(w, "map.next_value::<::serde::de::IgnoredAny>()?;");
        w.close();
        w.close();
        w.close();
    }
    line!(w, "::std::result::Result::Ok({finish})");
    w.close();
    w.close();
    line!(w, "deserializer.deserialize_map(Visitor)");
    w.close();
    w.close();
}

/// Writes `impl Serialize for {target}`, writing `members` of the structure `name` as an object;
/// `value` is the expression for the structure (`self`, or `self.0` for a wrapper).
pub(crate) fn serialize_impl(w: &mut Writer, target: &str, name: &str, members: &[&MemberSymbol], value: &str) {
    allow_deprecated(w, members.iter().any(|m| m.deprecated.is_some()));
    open!(w, "impl ::serde::Serialize for {target}");
    open!(w, "fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error>");
    if members.is_empty() {
        line!(w, "::serde::ser::SerializeStruct::end(serializer.serialize_struct({}, 0)?)", Str(name));
    } else {
        line!(w, "use ::serde::ser::SerializeStruct as _;");
        line!(w, "let mut state = serializer.serialize_struct({}, {})?;", Str(name), members.len());
        for member in members {
            let key = Str(&member.wire_name);
            let field = &member.field;
            if member.optional {
                open!(w, "if let ::std::option::Option::Some(value) = &{value}.{field}");
                line!(w, "state.serialize_field({key}, {})?;", serializable(member.codec.as_ref(), "value"));
                w.close();
            } else {
                let field_value = format!("&{value}.{field}");
                line!(w, "state.serialize_field({key}, {})?;", serializable(member.codec.as_ref(), &field_value));
            }
        }
        line!(w, "state.end()");
    }
    w.close();
    w.close();
}

/// The expression for the zero value of a required member that is missing, for
/// `build_or_zero`.
pub(crate) fn zero_value(cx: &Context<'_>, member: &MemberSymbol) -> String {
    let zero = match &member.ty {
        RustType::Named(item) => match &cx.index.shape(&item.shape).kind {
            ShapeKind::IntEnum(_) => format!("{}::from(0)", ItemPath(item)),
            ShapeKind::Enum(_) | ShapeKind::String => format!("{}::from(\"\")", ItemPath(item)),
            ShapeKind::Union(_) => format!("{}::{UNKNOWN_VARIANT}(::std::default::Default::default())", ItemPath(item)),
            _ => {
                let fallible = cx.symbols.members(&item.shape).iter().any(MemberSymbol::is_required_in_builder);
                let build = if fallible { "build_or_zero" } else { "build" };
                format!("<{} as ::std::default::Default>::default().{build}()", BuilderPath(item))
            }
        },
        _ => return format!("self.{}.unwrap_or_default()", member.field),
    };
    let zero = if member.boxed { format!("::std::boxed::Box::new({zero})") } else { zero };
    format!("self.{}.unwrap_or_else(|| {zero})", member.field)
}

/// `Serialize` and `Deserialize` for a string enum (its wire value) or an intEnum (its number).
pub(crate) fn enumeration(w: &mut Writer, name: &str, is_int: bool) {
    w.blank();
    let (write, read) = if is_int {
        (
            "serializer.serialize_i32(self.value())",
            "<i32 as ::serde::Deserialize<'de>>::deserialize(deserializer).map(Self::from)",
        )
    } else {
        (
            "serializer.serialize_str(self.as_str())",
            "<crate::json::Text<'de> as ::serde::Deserialize<'de>>::deserialize(deserializer).map(|text| Self::from(text.as_str()))",
        )
    };
    w.text(&format!(
        "#[cfg(feature = \"serde\")]
impl ::serde::Serialize for {name} {{
    fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {{
        {write}
    }}
}}

#[cfg(feature = \"serde\")]
impl<'de> ::serde::Deserialize<'de> for {name} {{
    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {{
        {read}
    }}
}}
"
    ));
}

/// `Serialize` and `Deserialize` for a union: an object with exactly one member set. Reading
/// skips `null` members and `__type`, and keeps a member it does not know in `Unknown`.
pub(crate) fn union(w: &mut Writer, name: &str, members: &[UnionMember]) {
    let deprecated = members.iter().any(|m| m.deprecated.is_some());
    w.blank();
    line!(w, "#[cfg(feature = \"serde\")]");
    allow_deprecated(w, deprecated);
    open!(w, "impl ::serde::Serialize for {name}");
    open!(w, "fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error>");
    line!(w, "use ::serde::ser::SerializeMap as _;");
    line!(w, "let mut map = serializer.serialize_map(::std::option::Option::Some(1))?;");
    open!(w, "match self");
    for member in members {
        let key = Str(&member.wire_name);
        match &member.ty {
            None => line!(w, "Self::{} => map.serialize_entry({key}, &crate::json::UnitValue)?,", member.variant),
            Some(_) => line!(
                w,
                "Self::{}(value) => map.serialize_entry({key}, {})?,",
                member.variant,
                serializable(member.codec.as_ref(), "value")
            ),
        }
    }
    line!(w, "Self::{UNKNOWN_VARIANT}(member) => map.serialize_entry(member.name(), member.value())?,");
    w.close();
    line!(w, "map.end()");
    w.close();
    w.close();
    w.blank();

    line!(w, "#[cfg(feature = \"serde\")]");
    allow_deprecated(w, deprecated);
    open!(w, "impl<'de> ::serde::Deserialize<'de> for {name}");
    open!(w, "fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error>");
    line!(w, "struct Visitor;");
    allow_deprecated(w, deprecated);
    open!(w, "impl<'de> ::serde::de::Visitor<'de> for Visitor");
    line!(w, "type Value = {name};");
    open!(w, "fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result");
    line!(w, "f.write_str({})", Str(&format!("a `{name}` object with one member set")));
    w.close();
    open!(
        w,
        "fn visit_map<A: ::serde::de::MapAccess<'de>>(self, mut map: A) -> ::std::result::Result<{name}, A::Error>"
    );
    line!(w, "let mut found: ::std::option::Option<{name}> = ::std::option::Option::None;");
    open!(w, "while let ::std::option::Option::Some(key) = map.next_key::<crate::json::Text<'de>>()?");
    open!(w, "let value = match key.as_str()");
    for member in members {
        let key = Str(&member.wire_name);
        match &member.ty {
            None => line!(
                w,
                "{key} => map.next_value::<::std::option::Option<crate::json::UnitValue>>()?.map(|_| {name}::{}),",
                member.variant
            ),
            Some(ty) => {
                let stored =
                    if member.boxed { format!("::std::boxed::Box<{}>", Type(ty)) } else { Type(ty).to_string() };
                let read = match &member.codec {
                    Some(codec) => format!(
                        "map.next_value::<::std::option::Option<crate::json::Read<{}, {stored}>>>()?.map(|value| {name}::{}(value.into_inner()))",
                        codec_path(codec),
                        member.variant
                    ),
                    None => {
                        format!("map.next_value::<::std::option::Option<{stored}>>()?.map({name}::{})", member.variant)
                    }
                };
                line!(w, "{key} => {read},");
            }
        }
    }
    open!(w, "\"__type\" =>");
    line!(w, "map.next_value::<::serde::de::IgnoredAny>()?;");
    line!(w, "continue;");
    w.close();
    open!(w, "_ =>");
    line!(w, "let value: crate::primitives::Document = map.next_value()?;");
    line!(
        w,
        "(!value.is_null()).then(|| {name}::{UNKNOWN_VARIANT}(crate::primitives::UnknownMember::new(key.into_string(), value)))"
    );
    w.close();
    w.close_with(";");
    open!(w, "if let ::std::option::Option::Some(value) = value");
    open!(w, "if found.is_some()");
    line!(
        w,
        "return ::std::result::Result::Err(::serde::de::Error::custom(\"a union must have exactly one member set\"));"
    );
    w.close();
    line!(w, "found = ::std::option::Option::Some(value);");
    w.close();
    w.close();
    line!(w, "found.ok_or_else(|| ::serde::de::Error::custom(\"a union must have exactly one member set\"))");
    w.close();
    w.close();
    line!(w, "deserializer.deserialize_map(Visitor)");
    w.close();
    w.close();
}
