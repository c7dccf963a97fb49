//! Applying traits: the conflict resolution Smithy defines for a trait applied twice to one
//! shape (and for a metadata key given twice), and the `"type": "apply"` entries of the JSON
//! AST that apply traits from outside a shape's definition.
//!
//! The rule, from the specification's "Trait conflict resolution" and "Metadata conflicts":
//! two list values concatenate, two equal values are kept once, and anything else is a
//! conflict, reported at the second application and naming where the first one was.

use serde_json::{Map, Value};

use crate::shape_id::ShapeId;

/// Applies `incoming` to a trait or metadata key that already holds `existing`. On a
/// conflict, `existing` is left unchanged and `incoming` is handed back.
pub fn merge_value(existing: &mut Value, incoming: Value) -> Result<(), Value> {
    match (existing, incoming) {
        (Value::Array(items), Value::Array(more)) => {
            items.extend(more);
            Ok(())
        }
        (existing, incoming) if *existing == incoming => Ok(()),
        (_, incoming) => Err(incoming),
    }
}

/// Applies trait (or metadata key) `id` with `value` to a map of them, as [`merge_value`]
/// resolves a second application.
pub fn apply_to_map(map: &mut Map<String, Value>, id: &str, value: Value) -> Result<(), Value> {
    match map.get_mut(id) {
        Some(existing) => merge_value(existing, value),
        None => {
            map.insert(id.to_owned(), value);
            Ok(())
        }
    }
}

/// The message for trait `trait_id` applied to `target` with a value that conflicts with
/// an earlier one; `earlier` says where that was, with its preposition: "at a.smithy:3:1",
/// "in the definition of `ns#Shape` in a.json".
pub fn trait_conflict(trait_id: &str, target: &str, earlier: &str) -> String {
    format!(
        "conflicting values for trait `{trait_id}` on `{target}`: it is already applied {earlier} with a different value, and only list values may be applied twice"
    )
}

/// The message for metadata key `key` given a value that conflicts with an earlier one;
/// `earlier` says where that was, as for [`trait_conflict`].
pub fn metadata_conflict(key: &str, earlier: &str) -> String {
    format!(
        "conflicting values for metadata `{key}`: it is already given {earlier} with a different value, and only list values may be given twice"
    )
}

/// A JSON AST `"type": "apply"` entry: traits for a shape or member defined elsewhere.
#[derive(Debug, Clone, PartialEq)]
pub struct ApplyEntry {
    /// The shape the traits are applied to.
    pub shape: ShapeId,
    /// The member, when the traits are applied to one.
    pub member: Option<String>,
    /// The traits, by absolute trait id, in the order written.
    pub traits: Map<String, Value>,
}

impl ApplyEntry {
    /// Reads the apply entry written under key `id` of a JSON AST's `shapes`. The entry may
    /// hold only `type` and `traits`, and every trait id must be absolute.
    pub fn parse(id: &str, entry: Value) -> Result<ApplyEntry, String> {
        let (shape, member) = ShapeId::parse_with_member(id)?;
        let Value::Object(mut entry) = entry else {
            return Err("an apply entry must be an object".into());
        };
        entry.remove("type");
        let traits = match entry.remove("traits") {
            None => Map::new(),
            Some(Value::Object(traits)) => traits,
            Some(_) => return Err("`traits` must be an object".into()),
        };
        check_trait_ids(&traits)?;
        if let Some(key) = entry.keys().next() {
            return Err(format!("unknown property `{key}` on an `apply` entry"));
        }
        Ok(ApplyEntry { shape, member, traits })
    }

    /// The id of what the traits are applied to: `ns#Shape` or `ns#Shape$member`.
    pub fn target(&self) -> String {
        match &self.member {
            Some(member) => self.shape.member(member),
            None => self.shape.to_string(),
        }
    }
}

/// Checks that every key of a JSON AST `traits` object is an absolute shape id.
pub fn check_trait_ids(traits: &Map<String, Value>) -> Result<(), String> {
    for id in traits.keys() {
        ShapeId::parse(id).map_err(|message| format!("trait id {message}"))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn lists_concatenate_equal_values_merge_and_others_conflict() {
        let mut traits = Map::new();
        assert!(apply_to_map(&mut traits, "a#tags", json!(["x"])).is_ok());
        assert!(apply_to_map(&mut traits, "a#tags", json!(["y"])).is_ok());
        assert!(apply_to_map(&mut traits, "a#doc", json!("hi")).is_ok());
        assert!(apply_to_map(&mut traits, "a#doc", json!("hi")).is_ok());
        assert_eq!(apply_to_map(&mut traits, "a#doc", json!("other")), Err(json!("other")));
        assert_eq!(apply_to_map(&mut traits, "a#tags", json!("z")), Err(json!("z")));
        assert_eq!(Value::Object(traits), json!({"a#tags": ["x", "y"], "a#doc": "hi"}));
        let mut object = json!({"min": 1});
        assert!(merge_value(&mut object, json!({"min": 1})).is_ok());
        assert!(merge_value(&mut object, json!({"min": 2})).is_err());
    }

    #[test]
    fn conflicts_name_both_places() {
        let message = trait_conflict("smithy.api#documentation", "ex#S", "at a.smithy:3:1");
        assert!(message.starts_with("conflicting values for trait `smithy.api#documentation` on `ex#S`"));
        assert!(message.contains("already applied at a.smithy:3:1 with a different value"));
        assert!(metadata_conflict("m", "in a.json").contains("metadata `m`: it is already given in a.json"));
    }

    #[test]
    fn apply_entries_name_a_shape_or_member_and_hold_traits_only() {
        let entry = ApplyEntry::parse("ex#S$m", json!({"type": "apply", "traits": {"smithy.api#sensitive": {}}}));
        let entry = entry.unwrap();
        assert_eq!(
            (entry.shape.as_str(), entry.member.as_deref(), entry.target()),
            ("ex#S", Some("m"), "ex#S$m".into())
        );
        assert_eq!(entry.traits.len(), 1);
        assert!(ApplyEntry::parse("S", json!({"type": "apply"})).is_err());
        assert!(ApplyEntry::parse("ex#S", json!({"type": "apply", "traits": []})).is_err());
        assert!(
            ApplyEntry::parse("ex#S", json!({"type": "apply", "traits": {"doc": 1}})).unwrap_err().contains("trait id")
        );
        assert!(ApplyEntry::parse("ex#S", json!({"type": "apply", "extra": 1})).unwrap_err().contains("`extra`"));
    }
}
