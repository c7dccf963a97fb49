//! Names of structure members, union members and enum values.

use std::collections::BTreeSet;

use super::{Rename, UNKNOWN_VARIANT, claim, usable};
use crate::index::ServiceIndex;
use crate::model::{Member, Shape, ShapeKind};
use crate::naming::{pascal_case, snake_case, unraw};

/// The names of one member of a structure.
#[derive(Clone, Debug)]
pub(crate) struct MemberName {
    /// The field, accessor and builder-setter name, as an identifier's text (`type`, not `r#type`).
    pub field: String,
    /// The builder's `set_` method.
    pub set: String,
    /// The builder's `get_` method.
    pub get: String,
    /// Why the name differs from the natural one, if it does.
    pub rename: Option<Rename>,
}

/// The names of one member of a union: a variant of its enum and its methods.
#[derive(Clone, Debug)]
pub(crate) struct UnionMemberName {
    /// The variant's name.
    pub variant: String,
    /// The `as_…` accessor.
    pub as_fn: String,
    /// The `is_…` helper.
    pub is_fn: String,
    /// Why the name differs from the natural one, if it does.
    pub rename: Option<Rename>,
}

/// The name of one value of an enum.
#[derive(Clone, Debug)]
pub(crate) struct VariantName {
    /// The variant's name.
    pub name: String,
    /// Why the name differs from the natural one, if it does.
    pub rename: Option<Rename>,
}

/// Methods a structure or its builder may have besides its members' own: `builder` and `build`,
/// and those of the `serde` and `http` features (streaming bodies' and S3's included).
const STRUCTURE_METHODS: [&str; 11] = [
    "builder",
    "build",
    "build_or_zero",
    "to_http_request",
    "to_http_request_with",
    "to_http_request_with_body",
    "to_s3_http_request",
    "to_s3_http_request_with_body",
    "from_http_response",
    "from_http_response_head",
    "from_http_parts",
];

/// Names the members of a structure: a field, accessor and builder methods each.
pub(super) fn name_members(members: &[Member]) -> Vec<MemberName> {
    let mut taken: BTreeSet<String> = STRUCTURE_METHODS.iter().map(|s| (*s).to_owned()).collect();
    members
        .iter()
        .map(|member| {
            let (field, rename) = claim_member(member, &mut taken, &["", "set_", "get_"], &STRUCTURE_METHODS);
            MemberName { set: format!("set_{field}"), get: format!("get_{field}"), field, rename }
        })
        .collect()
}

/// Names the members of a union: a variant, an `as_…` accessor and an `is_…` helper each.
pub(super) fn name_union_members(index: &ServiceIndex<'_>, members: &[Member]) -> Vec<UnionMemberName> {
    let _ = index;
    let mut methods: BTreeSet<String> = BTreeSet::from(["is_unknown".to_owned()]);
    let mut variants = BTreeSet::from([UNKNOWN_VARIANT.to_owned()]);
    members
        .iter()
        .map(|member| {
            let (base, method_rename) = claim_member(member, &mut methods, &["as_", "is_"], &["is_unknown"]);
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
                Some(Rename { from: natural, to: variant.clone(), reason })
            } else if let Some(reason) = keyword {
                Some(Rename { from: converted, to: variant.clone(), reason })
            } else {
                method_rename
            };
            UnionMemberName { variant, as_fn: format!("as_{base}"), is_fn: format!("is_{base}"), rename }
        })
        .collect()
}

/// Claims a snake_case name for a member such that every method `prefix + name` is free in
/// `taken`, adding `_value` (then `_value_2` …) until they are; returns the name (never raw) and
/// the rename.
fn claim_member(
    member: &Member,
    taken: &mut BTreeSet<String>,
    prefixes: &[&str],
    reserved: &[&str],
) -> (String, Option<Rename>) {
    let converted = snake_case(&member.name);
    let (natural, keyword) = usable(converted.clone());
    let natural = unraw(&natural).to_owned();
    let methods = |name: &str| prefixes.iter().map(|p| format!("{p}{name}")).collect::<Vec<_>>();
    let mut name = natural.clone();
    let mut attempt = 1;
    while methods(&name).iter().any(|m| taken.contains(m)) {
        name = match attempt {
            1 => format!("{natural}_value"),
            n => format!("{natural}_value_{n}"),
        };
        attempt += 1;
    }
    taken.extend(methods(&name));
    let rename = if name != natural {
        let method = methods(&natural).into_iter().find(|m| reserved.contains(&m.as_str()));
        let reason = match method {
            Some(method) => format!("`{method}` is a method the generated API already has"),
            None => format!("another member's methods already use `{natural}`"),
        };
        Some(Rename { from: natural, to: name.clone(), reason })
    } else {
        keyword.map(|reason| Rename { from: converted, to: name.clone(), reason })
    };
    (name, rename)
}

/// Names the values of an enum, an intEnum, or a string shape with the `@enum` trait.
pub(super) fn name_variants(shape: &Shape) -> Vec<VariantName> {
    let names: Vec<String> = match &shape.kind {
        ShapeKind::Enum(members) | ShapeKind::IntEnum(members) => members.iter().map(|m| m.name.clone()).collect(),
        _ => shape
            .traits
            .enum_definitions()
            .unwrap_or_default()
            .into_iter()
            .map(|definition| definition.name.unwrap_or(definition.value))
            .collect(),
    };
    let mut taken = BTreeSet::new();
    names
        .into_iter()
        .map(|model_name| {
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
            let rename = reason.map(|reason| Rename { from: converted, to: name.clone(), reason });
            VariantName { name, rename }
        })
        .collect()
}
