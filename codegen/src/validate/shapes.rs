//! Rules of the shape types themselves (`simple-types.rst`, `aggregate-types.rst`, `model.rst`):
//! enums and intEnums have values, each unique and of the right type; unions have members; map
//! keys are strings; `smithy.api#Unit` is used only where a unit makes sense; members target no
//! trait definitions; JSON member names are unique within a structure or union.

use std::collections::BTreeMap;

use serde_json::Value;

use super::{Validator, a, is_string, show};
use crate::model::{Shape, ShapeKind};
use crate::traits::PreludeTrait as T;

pub(super) fn check(validator: &mut Validator<'_>) {
    for shape in validator.shapes() {
        match &shape.kind {
            ShapeKind::Enum(_) | ShapeKind::IntEnum(_) => check_enum(validator, shape),
            ShapeKind::Union(members) if members.is_empty() => {
                validator.report(&shape.id, None, "a union needs at least one member");
            }
            ShapeKind::Map([key, _]) => {
                if let Some(target) = validator.target(key)
                    && !is_string(&target.kind)
                {
                    let message = format!(
                        "the map key targets `{}`, {}; map keys must target a string or an enum",
                        key.target,
                        a(target.kind.type_name())
                    );
                    validator.report(&shape.id, Some("key"), message);
                }
            }
            _ => {}
        }
        if shape.traits.is_unit_type() && shape.id.as_str() != "smithy.api#Unit" {
            validator.report(&shape.id, None, "only `smithy.api#Unit` may have the `@unitType` trait");
        }
        check_targets(validator, shape);
        check_json_names(validator, shape);
    }
}

/// Enum values: at least one; strings for `enum` (the member name when no `@enumValue`),
/// integers that fit in 32 bits for `intEnum` (where `@enumValue` is required); none twice.
fn check_enum(validator: &mut Validator<'_>, shape: &Shape) {
    let (members, is_int) = match &shape.kind {
        ShapeKind::Enum(members) => (members, false),
        ShapeKind::IntEnum(members) => (members, true),
        _ => return,
    };
    if members.is_empty() {
        validator.report(&shape.id, None, "an enum needs at least one value");
    }
    let mut seen: BTreeMap<String, &str> = BTreeMap::new();
    for member in members {
        let explicit = member.traits.prelude(T::EnumValue);
        let value = match (explicit, is_int) {
            (None, false) => Value::from(member.name.clone()),
            (Some(Value::String(text)), false) if !text.is_empty() => Value::from(text.clone()),
            (Some(value), false) => {
                let message = format!("has the `@enumValue` `{}`; an enum's values are non-empty strings", show(value));
                validator.report(&shape.id, Some(&member.name), message);
                continue;
            }
            (None, true) => {
                let message = "needs an `@enumValue`: an intEnum's values are integers, given explicitly";
                validator.report(&shape.id, Some(&member.name), message);
                continue;
            }
            (Some(value), true) if value.as_i64().is_some_and(|v| i32::try_from(v).is_ok()) => value.clone(),
            (Some(value), true) => {
                let message = format!(
                    "has the `@enumValue` `{}`; an intEnum's values are integers from -2^31 to 2^31-1",
                    show(value)
                );
                validator.report(&shape.id, Some(&member.name), message);
                continue;
            }
        };
        if let Some(other) = seen.insert(value.to_string(), &member.name) {
            let message = format!("repeats the value {value} of the member `{other}`; enum values are unique");
            validator.report(&shape.id, Some(&member.name), message);
        }
    }
}

/// `smithy.api#Unit` is an operation's absent input or output, or a union member without data;
/// no member may target a trait definition.
fn check_targets(validator: &mut Validator<'_>, shape: &Shape) {
    let members = match &shape.kind {
        ShapeKind::Structure(members) => members.as_slice(),
        ShapeKind::List(_) | ShapeKind::Map(_) => shape.kind.members(),
        // Enum members target the unit type by definition, and union members may.
        _ => return,
    };
    for member in members {
        let Some(target) = validator.target(member) else { continue };
        if target.id.as_str() == "smithy.api#Unit" {
            let message = "targets `smithy.api#Unit`, which only an operation's input or output or a union member may";
            validator.report(&shape.id, Some(&member.name), message);
        } else if target.traits.is_trait_definition() {
            let message = format!("targets `{}`, a trait definition, which members may not", target.id);
            validator.report(&shape.id, Some(&member.name), message);
        }
    }
}

/// Two members of one structure or union must not share a `@jsonName`.
fn check_json_names(validator: &mut Validator<'_>, shape: &Shape) {
    let (ShapeKind::Structure(members) | ShapeKind::Union(members)) = &shape.kind else { return };
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for member in members {
        let Some(name) = member.traits.json_name() else { continue };
        if let Some(other) = seen.insert(name, &member.name) {
            let message = format!("has the `@jsonName` \"{name}\" of the member `{other}`; JSON names are unique");
            validator.report(&shape.id, Some(&member.name), message);
        }
    }
}
