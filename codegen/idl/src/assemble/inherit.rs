//! What shapes inherit through their mixins: the members each shape sees, the targets of
//! elided members, and whether a mixin is missing, found in one pass over the shapes in
//! topological mixin order.
//!
//! Each shape's view of what its mixins provide is built from its mixins' views. A view is
//! handed on, not copied, to the last shape that uses the mixin, so a chain of mixins costs
//! time linear in its length, however long it is; asking each shape's ancestry instead
//! would walk the chain once per question.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::{Assembly, Elided};
use crate::json_ast::{local_members, mixin_ids, mixin_order, target_of};

/// The entries (members, or resource identifiers and properties) that shapes provide to
/// the shapes that use them as mixins, with the first provider of a name winning, as a
/// depth-first search of the mixins in order would find them.
struct Provided<T> {
    provides: HashMap<String, HashMap<String, T>>,
    /// How many uses as a mixin each shape has left.
    users: HashMap<String, usize>,
}

impl<T: Clone> Provided<T> {
    fn new(shapes: &Map<String, Value>) -> Self {
        let mut users: HashMap<String, usize> = HashMap::new();
        for shape in shapes.values() {
            for mixin in mixin_ids(shape) {
                *users.entry(mixin.to_string()).or_default() += 1;
            }
        }
        Provided { provides: HashMap::new(), users }
    }

    /// What a shape with these mixins inherits. A mixin's entries are moved rather than
    /// copied when this is its last use.
    fn inherit(&mut self, mixins: &[String]) -> HashMap<String, T> {
        let mut visible: Option<HashMap<String, T>> = None;
        for mixin in mixins {
            let last_use = self.users.get_mut(mixin).is_some_and(|n| {
                *n = n.saturating_sub(1);
                *n == 0
            });
            let moved = if last_use { self.provides.remove(mixin) } else { None };
            match (&mut visible, moved) {
                (None, Some(entries)) => visible = Some(entries),
                (None, None) => visible = Some(self.provides.get(mixin).cloned().unwrap_or_default()),
                (Some(visible), Some(entries)) => {
                    for (name, entry) in entries {
                        visible.entry(name).or_insert(entry);
                    }
                }
                (Some(visible), None) => {
                    for (name, entry) in self.provides.get(mixin).into_iter().flatten() {
                        visible.entry(name.clone()).or_insert_with(|| entry.clone());
                    }
                }
            }
        }
        visible.unwrap_or_default()
    }

    /// Keeps what `shape` provides, if a shape still to come uses it as a mixin.
    fn publish(&mut self, shape: &str, provides: impl FnOnce() -> HashMap<String, T>) {
        if self.users.get(shape).is_some_and(|&n| n > 0) {
            self.provides.insert(shape.to_string(), provides());
        }
    }

    fn is_used(&self, shape: &str) -> bool {
        self.users.get(shape).is_some_and(|&n| n > 0)
    }

    /// Counts the uses of a shape that needs nothing from its mixins.
    fn forget(&mut self, mixins: &[String]) {
        for mixin in mixins {
            if self.users.get_mut(mixin).is_some_and(|n| {
                *n = n.saturating_sub(1);
                *n == 0
            }) {
                self.provides.remove(mixin);
            }
        }
    }
}

/// The mixins of a shape, as owned ids.
fn mixins_of(shape: &Value) -> Vec<String> {
    mixin_ids(shape).into_iter().map(str::to_string).collect()
}

impl Assembly<'_, '_> {
    /// Settles everything mixins decide, mixins before the shapes that use them: gives
    /// elided members their targets, records which mixin provides each member that a later
    /// step asks about (redefined members, applies, implicit enum values), and which shapes
    /// have a mixin that is not among the sources.
    pub(super) fn resolve_inheritance(&mut self) {
        let (order, _) = mixin_order(&self.shapes);
        let mut questions: HashMap<String, Vec<String>> = HashMap::new();
        let asked = self
            .applies
            .iter()
            .filter_map(|apply| match super::split_member(&apply.target) {
                (root, Some(member)) => Some((root.to_string(), member.to_string())),
                (_, None) => None,
            })
            .chain(self.implicit_enum_values.iter().map(|(_, _, shape, member)| (shape.clone(), member.clone())))
            .chain(self.redefined_members.iter().map(|(_, _, shape, member)| (shape.clone(), member.clone())));
        for (shape, member) in asked {
            // Only shapes with mixins inherit: `inherited_member` answers the others itself.
            if self.shapes.get(&shape).is_some_and(|s| s.get("mixins").is_some()) {
                questions.entry(shape).or_default().push(member);
            }
        }
        let mut elided: HashMap<String, Vec<Elided>> = HashMap::new();
        for e in std::mem::take(&mut self.elided) {
            elided.entry(e.shape.clone()).or_default().push(e);
        }
        let from_resources = self.resource_entries(&order, &elided);

        let mut members: Provided<(String, String)> = Provided::new(&self.shapes);
        for id in &order {
            let Some(shape) = self.shapes.get(id) else { continue };
            let mixins = mixins_of(shape);
            if mixins.iter().any(|m| !self.shapes.contains_key(m) || self.missing_mixin.contains(m)) {
                self.missing_mixin.insert(id.clone());
            }
            if !elided.contains_key(id) && !questions.contains_key(id) && !members.is_used(id) {
                members.forget(&mixins);
                continue;
            }
            let visible = members.inherit(&mixins);
            if let Some(pending) = elided.remove(id) {
                for e in pending {
                    let from_resource =
                        e.resource.as_ref().and_then(|r| from_resources.get(&(r.clone(), e.member.clone())));
                    let inherited = visible.get(&e.member);
                    self.resolve_elided(e, from_resource.cloned(), inherited.cloned());
                }
                // Elided members that turn out inherited leave placeholders, removed at once
                // rather than one by one (each removal shifts the members after it).
                if let Some(object) = self.shapes.get_mut(id).and_then(Value::as_object_mut) {
                    let slot = match object.get_mut("members") {
                        Some(Value::Object(named)) => Some(named),
                        _ => None,
                    };
                    match slot {
                        Some(named) => {
                            named.retain(|_, member| !member.is_null());
                            if named.is_empty() {
                                object.remove("members");
                            }
                        }
                        None => object.retain(|key, value| {
                            !(value.is_null() && matches!(key.as_str(), "member" | "key" | "value"))
                        }),
                    }
                }
            }
            for member in questions.remove(id).unwrap_or_default() {
                if let Some(found) = visible.get(&member) {
                    self.inherited.insert((id.clone(), member), found.clone());
                }
            }
            let shapes = &self.shapes;
            members.publish(id, || {
                let mut provides = visible;
                for (name, member) in shapes.get(id).map(local_members).unwrap_or_default() {
                    let target = target_of(member).unwrap_or_default().to_string();
                    provides.insert(name.to_string(), (id.clone(), target));
                }
                provides
            });
        }
    }

    /// The target of each (resource, name) that an elided member asks its `for` resource
    /// about: the resource's identifier or property of that name, looking through the
    /// resource's mixins too.
    fn resource_entries(
        &self,
        order: &[String],
        elided: &HashMap<String, Vec<Elided>>,
    ) -> HashMap<(String, String), String> {
        let mut questions: HashMap<&str, Vec<&str>> = HashMap::new();
        for e in elided.values().flatten() {
            if let Some(resource) = &e.resource {
                questions.entry(resource).or_default().push(&e.member);
            }
        }
        let mut answers = HashMap::new();
        if questions.is_empty() {
            return answers;
        }
        let mut entries: Provided<String> = Provided::new(&self.shapes);
        for id in order {
            let Some(shape) = self.shapes.get(id) else { continue };
            if shape.get("type").and_then(Value::as_str) != Some("resource") {
                continue;
            }
            let asked = questions.get(id.as_str());
            if asked.is_none() && !entries.is_used(id) {
                // Neither asked about nor inherited from: its mixins' entries are not needed.
                entries.forget(&mixins_of(shape));
                continue;
            }
            let mut visible = entries.inherit(&mixins_of(shape));
            // Identifiers win over properties, and both over what mixins provide.
            for property in ["properties", "identifiers"] {
                for (name, reference) in shape.get(property).and_then(Value::as_object).into_iter().flatten() {
                    if let Some(target) = target_of(reference) {
                        visible.insert(name.clone(), target.to_string());
                    }
                }
            }
            for &name in asked.into_iter().flatten() {
                if let Some(target) = visible.get(name) {
                    answers.insert((id.clone(), name.to_string()), target.clone());
                }
            }
            entries.publish(id, || visible);
        }
        answers
    }
}
