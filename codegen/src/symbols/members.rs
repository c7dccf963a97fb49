//! Names and types of structure members, union members and enum values.

use std::collections::BTreeSet;

use serde_json::Value;

use super::{RustType, Symbols, UNKNOWN_VARIANT, claim, usable};
use crate::index::ServiceIndex;
use crate::model::{Member, Shape, ShapeId, ShapeKind, Traits};
use crate::naming::{pascal_case, snake_case, unraw};
use crate::symbols::Rename;
use crate::traits::{Deprecation, TimestampFormat};

/// Everything the renderers need about one member of a structure.
#[derive(Clone, Debug)]
pub struct MemberSymbol {
    /// The member's name in the model.
    pub model_name: String,
    /// The field, accessor and builder-setter name, raw if a keyword (`r#type`).
    pub field: String,
    /// The builder's `set_` method.
    pub set: String,
    /// The builder's `get_` method.
    pub get: String,
    /// The value's type.
    pub ty: RustType,
    /// The member's name in JSON: its `@jsonName` under restJson1, else its model name.
    pub wire_name: String,
    /// How the value is written in JSON, when its own `Serialize` is not enough.
    pub codec: Option<Codec>,
    /// Whether the struct field is an `Option`.
    pub optional: bool,
    /// Whether the value sits in a `Box` to break recursion.
    pub boxed: bool,
    /// A default that `build()` fills in when the member was not set.
    pub default: Option<Value>,
    /// Whether `Debug` output must hide the value.
    pub sensitive: bool,
    /// The member's `@deprecated`.
    pub deprecated: Option<Deprecation>,
    /// Documentation as Markdown: the member's, else its target's.
    pub doc: Option<String>,
    /// Why the name differs from the natural one, if it does.
    pub rename: Option<Rename>,
}

impl MemberSymbol {
    /// Whether the builder reports this member as missing when it was not set.
    pub fn is_required_in_builder(&self) -> bool {
        !self.optional && self.default.is_none()
    }
}

/// Everything the renderers need about one member of a union: a variant of its enum.
#[derive(Clone, Debug)]
pub struct UnionMember {
    /// The member's name in the model.
    pub model_name: String,
    /// The variant's name.
    pub variant: String,
    /// The `as_…` accessor; `None` for a member targeting `Unit`, which holds no value.
    pub as_fn: Option<String>,
    /// The `is_…` helper.
    pub is_fn: String,
    /// The value's type; `None` for a member targeting `Unit`.
    pub ty: Option<RustType>,
    /// The member's name in JSON: its `@jsonName` under restJson1, else its model name.
    pub wire_name: String,
    /// How the value is written in JSON, when its own `Serialize` is not enough.
    pub codec: Option<Codec>,
    /// Whether the value sits in a `Box` to break recursion.
    pub boxed: bool,
    /// Whether `Debug` output must hide the value.
    pub sensitive: bool,
    /// The member's `@deprecated`.
    pub deprecated: Option<Deprecation>,
    /// Documentation as Markdown: the member's, else its target's.
    pub doc: Option<String>,
    /// Why the name differs from the natural one, if it does.
    pub rename: Option<Rename>,
}

/// How a value is written in JSON when its type's own `Serialize` does not say: the codecs of
/// the generated crate's `json` module.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Codec {
    /// Floats, which may be `"NaN"`, `"Infinity"` or `"-Infinity"`.
    Float,
    /// Timestamps as RFC 3339 text.
    DateTimeText,
    /// Timestamps as HTTP dates.
    HttpDateText,
    /// Lists whose items need a codec.
    List(Box<Codec>),
    /// The optional items of sparse lists and maps, when they need a codec.
    Sparse(Box<Codec>),
    /// Maps whose values need a codec.
    Map(Box<Codec>),
}

/// One variant of a generated enum.
#[derive(Clone, Debug)]
pub struct Variant {
    /// The variant's name.
    pub name: String,
    /// The value on the wire: a string for `enum`, an integer for `intEnum`.
    pub value: Value,
    /// The value's documentation, as Markdown.
    pub doc: Option<String>,
    /// The value's `@deprecated`.
    pub deprecated: Option<Deprecation>,
    /// Why the name differs from the natural one, if it does.
    pub rename: Option<Rename>,
}

/// Methods a structure or its builder may have besides its members' own: `builder` and `build`,
/// and those of the `serde` and `http` features.
const STRUCTURE_METHODS: [&str; 6] =
    ["builder", "build", "build_or_zero", "to_http_request", "from_http_response", "from_http_parts"];

impl Symbols {
    /// Names the members of a structure: a field, accessor and builder methods each.
    pub(super) fn name_members(
        &mut self,
        index: &ServiceIndex<'_>,
        shape: &Shape,
        members: &[Member],
    ) -> Vec<MemberSymbol> {
        let mut taken: BTreeSet<String> = STRUCTURE_METHODS.iter().map(|s| (*s).to_owned()).collect();
        let mut named = Vec::with_capacity(members.len());
        for member in members {
            let (field, rename) =
                self.claim_member(shape, member, &mut taken, &["", "set_", "get_"], &STRUCTURE_METHODS);
            named.push(self.member_symbol(index, shape, member, field, rename));
        }
        named
    }

    /// Names the members of a union: a variant, an `as_…` accessor and an `is_…` helper each.
    pub(super) fn name_union_members(
        &mut self,
        index: &ServiceIndex<'_>,
        shape: &Shape,
        members: &[Member],
    ) -> Vec<UnionMember> {
        let mut methods: BTreeSet<String> = BTreeSet::from(["is_unknown".to_owned()]);
        let mut variants = BTreeSet::from([UNKNOWN_VARIANT.to_owned()]);
        let mut named = Vec::with_capacity(members.len());
        for member in members {
            let (base, method_rename) =
                self.claim_member(shape, member, &mut methods, &["as_", "is_"], &["is_unknown"]);
            let converted = pascal_case(&member.name);
            let (natural, keyword) = usable(converted.clone());
            let wanted = if natural == UNKNOWN_VARIANT { format!("{natural}Value") } else { natural.clone() };
            let variant = claim(&mut variants, &wanted, "");
            let rename = if variant != natural {
                let reason = if natural == UNKNOWN_VARIANT {
                    format!("`{UNKNOWN_VARIANT}` is the variant for members the model does not list")
                } else {
                    format!("another member of the union is also named `{natural}`")
                };
                Some(self.rename(shape.id.member(&member.name), &natural, &variant, reason))
            } else if let Some(reason) = keyword {
                Some(self.rename(shape.id.member(&member.name), &converted, &variant, reason))
            } else {
                method_rename
            };
            let target = index.shape(&member.target);
            let unit = target.traits.is_unit_type();
            let base = unraw(&base);
            named.push(UnionMember {
                model_name: member.name.clone(),
                variant,
                as_fn: (!unit).then(|| format!("as_{base}")),
                is_fn: format!("is_{base}"),
                ty: (!unit).then(|| self.rust_type(index, &member.target)),
                wire_name: wire_name(index, member),
                codec: codec(index, &member.traits, &member.target),
                boxed: index.is_boxed(&shape.id, &member.name),
                sensitive: member.traits.is_sensitive()
                    || shape.traits.is_sensitive()
                    || is_sensitive_target(index, &member.target),
                deprecated: member.traits.deprecation(),
                doc: markdown(member.traits.documentation().or_else(|| target.traits.documentation())),
                rename,
            });
        }
        named
    }

    /// Claims a snake_case name for a member such that every method `prefix + name` is free in
    /// `taken`, adding `_value` (then `_value_2` …) until they are; returns the name and the rename.
    fn claim_member(
        &mut self,
        shape: &Shape,
        member: &Member,
        taken: &mut BTreeSet<String>,
        prefixes: &[&str],
        reserved: &[&str],
    ) -> (String, Option<Rename>) {
        let converted = snake_case(&member.name);
        let (natural, keyword) = usable(converted.clone());
        let methods = |name: &str| prefixes.iter().map(|p| format!("{p}{}", unraw(name))).collect::<Vec<_>>();
        let mut name = natural.clone();
        let mut attempt = 1;
        while methods(&name).iter().any(|m| taken.contains(m)) {
            name = match attempt {
                1 => format!("{}_value", unraw(&natural)),
                n => format!("{}_value_{n}", unraw(&natural)),
            };
            attempt += 1;
        }
        taken.extend(methods(&name));
        let rename = if name != natural {
            let method = methods(&natural).into_iter().find(|m| reserved.contains(&m.as_str()));
            let reason = match method {
                Some(method) => format!("`{method}` is a method the generated API already has"),
                None => format!("another member's methods already use `{}`", unraw(&natural)),
            };
            Some(self.rename(shape.id.member(&member.name), &natural, &name, reason))
        } else {
            keyword.map(|reason| self.rename(shape.id.member(&member.name), &converted, &name, reason))
        };
        (name, rename)
    }

    fn member_symbol(
        &self,
        index: &ServiceIndex<'_>,
        container: &Shape,
        member: &Member,
        field: String,
        rename: Option<Rename>,
    ) -> MemberSymbol {
        let target = index.shape(&member.target);
        let default = member.traits.default_value().cloned();
        // Smithy 2.0 client optionality: `@clientOptional` and `@input` structures make every
        // member optional; otherwise `@required` or a `@default` make it non-optional. A default
        // marked `@addedDefault` was added after the member shipped as optional, and stays so,
        // so that regenerating never changes a field's type.
        let optional = member.traits.is_client_optional()
            || container.traits.is_input()
            || member.traits.is_added_default()
            || !(member.traits.is_required() || default.is_some());
        let base = unraw(&field).to_owned();
        MemberSymbol {
            model_name: member.name.clone(),
            set: format!("set_{base}"),
            get: format!("get_{base}"),
            field,
            ty: self.rust_type(index, &member.target),
            wire_name: wire_name(index, member),
            codec: codec(index, &member.traits, &member.target),
            optional,
            boxed: index.is_boxed(&container.id, &member.name),
            default: if optional { None } else { default },
            sensitive: member.traits.is_sensitive()
                || container.traits.is_sensitive()
                || is_sensitive_target(index, &member.target),
            deprecated: member.traits.deprecation(),
            doc: markdown(member.traits.documentation().or_else(|| target.traits.documentation())),
            rename,
        }
    }

    /// Names the values of an enum, an intEnum, or a string shape with the `@enum` trait.
    pub(super) fn name_variants(&mut self, shape: &Shape) {
        let is_int = matches!(shape.kind, ShapeKind::IntEnum(_));
        let values: Vec<(String, Value, Option<String>, Option<Deprecation>)> = match &shape.kind {
            ShapeKind::Enum(members) | ShapeKind::IntEnum(members) => members
                .iter()
                .map(|member| {
                    let value = if is_int {
                        member.traits.enum_int_value().map(Value::from)
                    } else {
                        member.traits.enum_string_value().map(Value::from)
                    };
                    (
                        member.name.clone(),
                        value.unwrap_or_else(|| Value::from(member.name.clone())),
                        markdown(member.traits.documentation()),
                        member.traits.deprecation(),
                    )
                })
                .collect(),
            _ => shape
                .traits
                .enum_definitions()
                .unwrap_or_default()
                .into_iter()
                .map(|definition| {
                    let name = definition.name.unwrap_or_else(|| definition.value.clone());
                    let deprecated = definition.deprecated.then(Deprecation::default);
                    (name, Value::from(definition.value), markdown(definition.documentation.as_deref()), deprecated)
                })
                .collect(),
        };
        let mut taken = BTreeSet::new();
        let mut variants = Vec::with_capacity(values.len());
        for (model_name, value, doc, deprecated) in values {
            let converted = pascal_case(&model_name);
            let (natural, mut reason) = if converted.is_empty() || converted.starts_with(|c: char| c.is_ascii_digit()) {
                let reason = if converted.is_empty() {
                    "the value has no letters or digits to make a name from"
                } else {
                    "a Rust identifier cannot start with a digit"
                };
                (format!("Value{converted}"), Some(reason.to_owned()))
            } else {
                usable(converted.clone())
            };
            let name = if natural == UNKNOWN_VARIANT {
                reason = Some(format!("`{UNKNOWN_VARIANT}` is the variant that keeps values the model does not list"));
                claim(&mut taken, &format!("{UNKNOWN_VARIANT}Value"), "")
            } else {
                let name = claim(&mut taken, &natural, "");
                if name != natural {
                    reason = Some(format!("another value of the enum is also named `{natural}`"));
                }
                name
            };
            let rename = reason.map(|reason| self.rename(shape.id.member(&model_name), &converted, &name, reason));
            variants.push(Variant { name, value, doc, deprecated, rename });
        }
        self.variants.insert(shape.id.clone(), variants);
    }
}

/// Model documentation as rustdoc Markdown, converted once here rather than wherever it is
/// written (a member's documentation appears on its field, accessor and setter); `None` when
/// there is none or it converts to nothing.
fn markdown(doc: Option<&str>) -> Option<String> {
    let markdown = crate::docs::to_markdown(doc?);
    (!markdown.trim().is_empty()).then_some(markdown)
}

/// A member's name in JSON: restJson1 honours `@jsonName`; the awsJson protocols do not.
fn wire_name(index: &ServiceIndex<'_>, member: &Member) -> String {
    match member.traits.json_name() {
        Some(name) if index.service.traits.is_rest_json_1() => name.to_owned(),
        _ => member.name.clone(),
    }
}

/// The codec for a value of `target`, reached through a member with `traits`; `None` when the
/// type's own `Serialize` writes it right.
///
/// Timestamps default to epoch seconds in JSON, which `DateTime` writes itself; a
/// `@timestampFormat` on the member wins over one on the target shape.
pub(crate) fn codec(index: &ServiceIndex<'_>, traits: &Traits, target: &ShapeId) -> Option<Codec> {
    let shape = index.shape(target);
    match &shape.kind {
        ShapeKind::Float | ShapeKind::Double => Some(Codec::Float),
        ShapeKind::Timestamp => match traits.timestamp_format().or(shape.traits.timestamp_format())? {
            TimestampFormat::DateTime => Some(Codec::DateTimeText),
            TimestampFormat::HttpDate => Some(Codec::HttpDateText),
            TimestampFormat::EpochSeconds => None,
        },
        ShapeKind::List(member) => {
            let item = codec(index, &member.traits, &member.target)?;
            let item = if shape.traits.is_sparse() { Codec::Sparse(Box::new(item)) } else { item };
            Some(Codec::List(Box::new(item)))
        }
        ShapeKind::Map([_, value]) => {
            let item = codec(index, &value.traits, &value.target)?;
            let item = if shape.traits.is_sparse() { Codec::Sparse(Box::new(item)) } else { item };
            Some(Codec::Map(Box::new(item)))
        }
        _ => None,
    }
}

/// Whether values of `target` are sensitive: the shape is `@sensitive`, or holds sensitive items.
///
/// Collections nest only finitely: the index rejects cycles made of lists and maps alone.
fn is_sensitive_target(index: &ServiceIndex<'_>, target: &ShapeId) -> bool {
    let shape = index.shape(target);
    shape.traits.is_sensitive()
        || match &shape.kind {
            ShapeKind::List(member) => member.traits.is_sensitive() || is_sensitive_target(index, &member.target),
            ShapeKind::Map(members) => {
                members.iter().any(|m| m.traits.is_sensitive() || is_sensitive_target(index, &m.target))
            }
            _ => false,
        }
}
