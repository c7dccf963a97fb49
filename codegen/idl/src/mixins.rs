//! Mixin flattening: copies what each shape inherits from its mixins into the shape,
//! merges `"type": "apply"` entries, and removes the mixin shapes, so that consumers of
//! the JSON AST never need to know about mixins.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};
use smithy_core::shape_id::split_member;
use smithy_core::{Diagnostic, Diagnostics, traits};

use crate::json_ast::{
    MIXIN_TRAIT, fixed_member_names, has_named_members, local_member_mut, mixin_ids, mixin_order, target_of,
};

/// Properties that are not copied from mixins like the others.
const STRUCTURAL_KEYS: &[&str] = &["type", "mixins", "traits", "members", "member", "key", "value"];

/// Object properties whose entries merge (a shape's entries override its mixins').
const MERGED_MAPS: &[&str] = &["rename", "identifiers", "properties"];

const UNIT: &str = "smithy.api#Unit";

/// Flattens the mixins of a JSON AST model in place.
///
/// Each shape that uses mixins receives, in mixin order, the members of its mixins
/// followed by its own, and the traits of its mixins except each mixin's local traits
/// (`@mixin` itself and those its `localTraits` lists); traits applied to the shape or
/// to a member override inherited ones. Operations, services and resources inherit
/// their mixins' properties: lists are concatenated without duplicates, `rename`,
/// `identifiers` and `properties` are merged, and other properties are overridden.
/// `"type": "apply"` entries are merged into their targets and mixin shapes are removed.
///
/// Works on any JSON AST, whether it was assembled from IDL or read from JSON. A model
/// without `shapes` is left unchanged.
pub fn flatten_mixins(ast: &mut Value) -> Result<(), Diagnostics> {
    let mut errors = Vec::new();
    if let Some(shapes) = ast.get_mut("shapes").and_then(Value::as_object_mut) {
        flatten(shapes, &mut errors);
    }
    errors.into_iter().map(Diagnostic::new).collect::<Diagnostics>().into_result(())
}

type Overrides = HashMap<String, Vec<(String, Map<String, Value>)>>;

fn flatten(shapes: &mut Map<String, Value>, errors: &mut Vec<String>) {
    let overrides = merge_apply_entries(shapes, errors);
    let (order, cyclic) = mixin_order(shapes);
    if !cyclic.is_empty() {
        for id in cyclic {
            errors.push(format!("shape `{id}` is part of a mixin cycle"));
        }
        return;
    }
    let mut overrides = overrides;
    for id in order {
        let member_overrides = overrides.remove(&id).unwrap_or_default();
        let Some(shape) = shapes.get(&id) else {
            continue;
        };
        if mixin_ids(shape).is_empty() && member_overrides.is_empty() {
            continue;
        }
        let flattened = flatten_shape(shapes, &id, shape, member_overrides, errors);
        if let Some(slot) = shapes.get_mut(&id) {
            *slot = flattened;
        }
    }
    shapes.retain(|_, shape| shape.get("traits").and_then(|traits| traits.get(MIXIN_TRAIT)).is_none());
}

/// Removes the apply entries, merging their traits into their targets. Traits applied
/// to members that only exist through mixins are returned, by shape, to be merged once
/// the members are inherited.
fn merge_apply_entries(shapes: &mut Map<String, Value>, errors: &mut Vec<String>) -> Overrides {
    let mut entries = Vec::new();
    shapes.retain(|id, shape| {
        if shape.get("type").and_then(Value::as_str) == Some("apply") {
            let traits = shape.get("traits").and_then(Value::as_object).cloned();
            entries.push((id.clone(), traits.unwrap_or_default()));
            false
        } else {
            true
        }
    });
    let mut overrides: Overrides = HashMap::new();
    for (target, traits) in entries {
        let (root, member) = split_member(&target);
        let Some(shape) = shapes.get_mut(root) else {
            errors.push(format!("apply entry `{target}` targets an unknown shape"));
            continue;
        };
        let destination = match member {
            None => Some(shape),
            Some(member) => local_member_mut(shape, member),
        };
        match destination.and_then(crate::assemble::traits_mut) {
            Some(existing) => {
                for (id, value) in traits {
                    if traits::apply_to_map(existing, &id, value).is_err() {
                        let earlier = format!("in the definition of `{root}`");
                        errors.push(traits::trait_conflict(&id, &target, &earlier));
                    }
                }
            }
            None => {
                let member = member.unwrap_or_default().to_string();
                overrides.entry(root.to_string()).or_default().push((member, traits));
            }
        }
    }
    overrides
}

/// The traits a mixin passes on: all but `@mixin` and the traits its `localTraits` lists.
fn inheritable_traits(mixin: &Value) -> Vec<(&String, &Value)> {
    let Some(traits) = mixin.get("traits").and_then(Value::as_object) else {
        return Vec::new();
    };
    let local: HashSet<&str> = traits
        .get(MIXIN_TRAIT)
        .and_then(|m| m.get("localTraits"))
        .and_then(Value::as_array)
        .map(|ids| ids.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    traits.iter().filter(|(id, _)| id.as_str() != MIXIN_TRAIT && !local.contains(id.as_str())).collect()
}

/// Adds `incoming` to the members being built: a new member is copied, and a member
/// that already exists keeps its place and target while `incoming`'s traits override.
fn merge_member(
    members: &mut Map<String, Value>,
    name: &str,
    incoming: &Value,
    shape_id: &str,
    errors: &mut Vec<String>,
) {
    let Some(existing) = members.get_mut(name) else {
        members.insert(name.to_string(), incoming.clone());
        return;
    };
    if let (Some(old), Some(new)) = (target_of(existing), target_of(incoming))
        && old != new
    {
        errors.push(format!("member `{name}` of `{shape_id}` targets both `{old}` and `{new}` through its mixins"));
        return;
    }
    let Some(traits) = incoming.get("traits").and_then(Value::as_object) else {
        return;
    };
    if let Some(existing_traits) = crate::assemble::traits_mut(existing) {
        for (id, value) in traits {
            existing_traits.insert(id.clone(), value.clone());
        }
    }
}

fn flatten_shape(
    shapes: &Map<String, Value>,
    id: &str,
    shape: &Value,
    member_overrides: Vec<(String, Map<String, Value>)>,
    errors: &mut Vec<String>,
) -> Value {
    let shape_type = shape.get("type").cloned().unwrap_or(Value::Null);
    let mut mixins = Vec::new();
    for mixin_id in mixin_ids(shape) {
        match shapes.get(mixin_id) {
            Some(mixin) if mixin.get("type") == Some(&shape_type) => mixins.push(mixin),
            Some(_) => errors.push(format!("mixin `{mixin_id}` of `{id}` does not have the type of the shape")),
            None => errors.push(format!("mixin `{mixin_id}` of `{id}` is not in the model")),
        }
    }

    let mut result = Map::new();
    result.insert("type".to_string(), shape_type);

    // Properties of operations, services and resources, then any other property.
    for source in mixins.iter().copied().chain(std::iter::once(shape)) {
        let Some(object) = source.as_object() else { continue };
        for (key, value) in object {
            if STRUCTURAL_KEYS.contains(&key.as_str()) {
                continue;
            }
            inherit_property(&mut result, key, value);
        }
    }

    // Members, in mixin order and then the shape's own.
    let mut members = Map::new();
    for source in mixins.iter().copied().chain(std::iter::once(shape)) {
        for (name, member) in crate::json_ast::local_members(source) {
            merge_member(&mut members, name, member, id, errors);
        }
    }
    for (name, traits) in member_overrides {
        match members.get_mut(&name).and_then(crate::assemble::traits_mut) {
            Some(existing) => {
                for (trait_id, value) in traits {
                    existing.insert(trait_id, value);
                }
            }
            None => errors.push(format!("apply entry `{id}${name}` targets an unknown member")),
        }
    }
    if has_named_members(shape) {
        if !members.is_empty() {
            result.insert("members".to_string(), Value::Object(members));
        }
    } else {
        for name in fixed_member_names(shape) {
            if let Some(member) = members.remove(*name) {
                result.insert((*name).to_string(), member);
            }
        }
    }

    let mut traits = Map::new();
    for mixin in &mixins {
        for (trait_id, value) in inheritable_traits(mixin) {
            traits.insert(trait_id.clone(), value.clone());
        }
    }
    if let Some(own) = shape.get("traits").and_then(Value::as_object) {
        for (trait_id, value) in own {
            traits.insert(trait_id.clone(), value.clone());
        }
    }
    if !traits.is_empty() {
        result.insert("traits".to_string(), Value::Object(traits));
    }
    Value::Object(result)
}

/// Adds one inherited or own property to a flattened shape.
fn inherit_property(result: &mut Map<String, Value>, key: &str, value: &Value) {
    match (result.get_mut(key), value) {
        (Some(Value::Array(existing)), Value::Array(items)) => {
            for item in items {
                if !existing.contains(item) {
                    existing.push(item.clone());
                }
            }
        }
        (Some(Value::Object(existing)), Value::Object(entries)) if MERGED_MAPS.contains(&key) => {
            for (k, v) in entries {
                existing.insert(k.clone(), v.clone());
            }
        }
        // A unit input or output is the absence of one: it does not hide a mixin's.
        (Some(_), reference) if target_of(reference) == Some(UNIT) => {}
        _ => {
            result.insert(key.to_string(), value.clone());
        }
    }
}
