//! Helpers over JSON AST values shared by assembly and mixin flattening: member access
//! for every shape type, and the mixin graph.

use std::collections::HashMap;

use serde_json::{Map, Value};

pub(crate) const MIXIN_TRAIT: &str = "smithy.api#mixin";

/// The `target` of a member or shape reference object.
pub(crate) fn target_of(reference: &Value) -> Option<&str> {
    reference.get("target").and_then(Value::as_str)
}

/// The shape ids listed in a shape's `mixins` property.
pub(crate) fn mixin_ids(shape: &Value) -> Vec<&str> {
    shape
        .get("mixins")
        .and_then(Value::as_array)
        .map(|mixins| mixins.iter().filter_map(target_of).collect())
        .unwrap_or_default()
}

/// Whether the shape's `type` keeps members in a `members` object.
pub(crate) fn has_named_members(shape: &Value) -> bool {
    matches!(shape.get("type").and_then(Value::as_str), Some("structure" | "union" | "enum" | "intEnum"))
}

/// The member names that list, set and map shapes keep as top-level properties.
pub(crate) fn fixed_member_names(shape: &Value) -> &'static [&'static str] {
    match shape.get("type").and_then(Value::as_str) {
        Some("list" | "set") => &["member"],
        Some("map") => &["key", "value"],
        _ => &[],
    }
}

/// A member defined locally on the shape (not inherited from a mixin).
pub(crate) fn local_member<'a>(shape: &'a Value, name: &str) -> Option<&'a Value> {
    if has_named_members(shape) {
        shape.get("members").and_then(|m| m.get(name))
    } else if fixed_member_names(shape).contains(&name) {
        shape.get(name)
    } else {
        None
    }
    .filter(|member| member.is_object())
}

pub(crate) fn local_member_mut<'a>(shape: &'a mut Value, name: &str) -> Option<&'a mut Value> {
    let member = if has_named_members(shape) {
        shape.get_mut("members").and_then(|m| m.get_mut(name))
    } else if fixed_member_names(shape).contains(&name) {
        shape.get_mut(name)
    } else {
        None
    };
    member.filter(|member| member.is_object())
}

/// The local members of a shape, in order, whatever its type.
pub(crate) fn local_members(shape: &Value) -> Vec<(&str, &Value)> {
    if has_named_members(shape) {
        shape
            .get("members")
            .and_then(Value::as_object)
            .map(|members| {
                members.iter().filter(|(_, m)| m.is_object()).map(|(name, member)| (name.as_str(), member)).collect()
            })
            .unwrap_or_default()
    } else {
        fixed_member_names(shape)
            .iter()
            .filter_map(|&name| shape.get(name).filter(|m| m.is_object()).map(|m| (name, m)))
            .collect()
    }
}

/// Orders shape ids so that every shape comes after the mixins it uses, keeping the
/// original order otherwise. Also returns the shapes that take part in a mixin cycle.
pub(crate) fn mixin_order(shapes: &Map<String, Value>) -> (Vec<String>, Vec<String>) {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        Visiting,
        Done,
    }
    let mut state: HashMap<&str, State> = HashMap::new();
    let mut order = Vec::with_capacity(shapes.len());
    let mut cyclic = Vec::new();
    for root in shapes.keys() {
        if state.contains_key(root.as_str()) {
            continue;
        }
        // Iterative depth-first search: (shape, index of the next mixin to visit).
        let mut stack: Vec<(&str, usize)> = vec![(root.as_str(), 0)];
        state.insert(root.as_str(), State::Visiting);
        while let Some(top) = stack.last_mut() {
            let (id, index) = *top;
            top.1 += 1;
            let mixins = shapes.get(id).map(mixin_ids).unwrap_or_default();
            if let Some(&mixin) = mixins.get(index) {
                let Some((key, _)) = shapes.get_key_value(mixin) else {
                    continue;
                };
                match state.get(key.as_str()) {
                    None => {
                        state.insert(key.as_str(), State::Visiting);
                        stack.push((key.as_str(), 0));
                    }
                    Some(State::Visiting) => cyclic.push(key.clone()),
                    Some(State::Done) => {}
                }
            } else {
                state.insert(id, State::Done);
                order.push(id.to_string());
                stack.pop();
            }
        }
    }
    (order, cyclic)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn mixins_come_first_and_cycles_are_found() {
        let shapes = json!({
            "a#C": {"type": "structure", "mixins": [{"target": "a#B"}]},
            "a#B": {"type": "structure", "mixins": [{"target": "a#A"}]},
            "a#A": {"type": "structure"},
            "a#X": {"type": "structure", "mixins": [{"target": "a#Y"}]},
            "a#Y": {"type": "structure", "mixins": [{"target": "a#X"}]},
        });
        let (order, cyclic) = mixin_order(shapes.as_object().unwrap());
        assert_eq!(&order[..3], ["a#A", "a#B", "a#C"]);
        assert_eq!(cyclic, ["a#X"]);
    }

    #[test]
    fn json_maps_compare_ignoring_key_order() {
        // The fixture tests rely on this: `preserve_order` keeps insertion order, but
        // equality of maps does not depend on it.
        let a: Value = serde_json::from_str(r#"{"x": 1, "y": {"p": 1, "q": 2}}"#).unwrap();
        let b: Value = serde_json::from_str(r#"{"y": {"q": 2, "p": 1}, "x": 1}"#).unwrap();
        assert_eq!(a, b);
        assert_ne!(json!([1, 2]), json!([2, 1]));
    }
}
