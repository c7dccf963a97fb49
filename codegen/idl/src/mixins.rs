//! Mixin flattening: copies what each shape inherits from its mixins into the shape,
//! merges `"type": "apply"` entries, and removes the mixin shapes, so that consumers of
//! the JSON AST never need to know about mixins.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};
use smithy_core::shape_id::split_member;
use smithy_core::{Diagnostic, Diagnostics, ShapeType, traits};

use crate::json_ast::{MIXIN_TRAIT, local_member_mut, mixin_ids, mixin_order, target_of};

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

/// Whether the shape is marked `@mixin`, so that it is removed once flattened into others.
fn is_mixin(shape: &Value) -> bool {
    shape.get("traits").and_then(|traits| traits.get(MIXIN_TRAIT)).is_some()
}

fn flatten(shapes: &mut Map<String, Value>, errors: &mut Vec<String>) {
    let mut overrides = merge_apply_entries(shapes, errors);
    let (order, cyclic) = mixin_order(shapes);
    if !cyclic.is_empty() {
        for id in cyclic {
            errors.push(format!("shape `{id}` is part of a mixin cycle"));
        }
        return;
    }
    // How many uses each mixin has left: at its last use a mixin, which is removed at the
    // end anyway, is moved into the shape using it rather than copied, so that a chain of
    // mixins is flattened in time linear in its length.
    let mut uses: HashMap<String, usize> = HashMap::new();
    for shape in shapes.values() {
        for mixin in mixin_ids(shape) {
            *uses.entry(mixin.to_string()).or_default() += 1;
        }
    }
    let mut flattened: HashSet<String> = HashSet::new();
    let mut moved: HashSet<String> = HashSet::new();
    // The items of each flattened shape's list properties, moved along with the shape.
    let mut items: HashMap<String, Seen> = HashMap::new();
    for id in order {
        let member_overrides = overrides.remove(&id).unwrap_or_default();
        let Some(slot) = shapes.get_mut(&id) else {
            continue;
        };
        let mixin_list: Vec<String> = mixin_ids(slot).into_iter().map(str::to_string).collect();
        if mixin_list.is_empty() && member_overrides.is_empty() {
            continue;
        }
        let shape = std::mem::take(slot);
        let mut owned: Vec<Option<Value>> = Vec::with_capacity(mixin_list.len());
        for mixin in &mixin_list {
            let last_use = uses.get_mut(mixin).is_some_and(|n| {
                *n = n.saturating_sub(1);
                *n == 0
            });
            // A mixin listed twice is read twice, so it stays where it is.
            let listed_once = mixin_list.iter().filter(|m| *m == mixin).count() == 1;
            let movable = last_use && listed_once && shapes.get(mixin).is_some_and(is_mixin);
            owned.push(if movable { shapes.get_mut(mixin).map(std::mem::take) } else { None });
            if movable {
                moved.insert(mixin.clone());
            }
        }
        // The first mixin, when moved, brings the items of its lists along.
        let first_items = match owned.first() {
            Some(Some(_)) => mixin_list.first().and_then(|first| items.remove(first)),
            _ => None,
        };
        let mixins: Vec<_> = mixin_list
            .iter()
            .zip(owned)
            .map(|(mixin, owned)| {
                let value = owned.map(Cow::Owned).or_else(|| shapes.get(mixin).map(Cow::Borrowed));
                let source = if flattened.contains(mixin) { Source::FlattenedMixin } else { Source::Mixin };
                (mixin.as_str(), value, source)
            })
            .collect();
        let (result, seen) = flatten_shape(&id, shape, mixins, first_items, member_overrides, errors);
        if let Some(slot) = shapes.get_mut(&id) {
            *slot = result;
        }
        if !seen.is_empty() && uses.get(&id).is_some_and(|&n| n > 0) {
            items.insert(id.clone(), seen);
        }
        flattened.insert(id);
    }
    // Moved mixins left `null` behind.
    shapes.retain(|id, shape| !moved.contains(id) && !is_mixin(shape));
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

/// The traits `@mixin` says stay on the mixin: `@mixin` itself and those its
/// `localTraits` lists.
fn local_traits(traits: &Map<String, Value>) -> HashSet<String> {
    let listed = traits.get(MIXIN_TRAIT).and_then(|m| m.get("localTraits")).and_then(Value::as_array);
    let listed = listed.into_iter().flatten().filter_map(Value::as_str).map(str::to_string);
    listed.chain(std::iter::once(MIXIN_TRAIT.to_string())).collect()
}

/// Adds `incoming` to the members being built: a new member is added, and a member that
/// already exists keeps its place and target while `incoming`'s traits override.
fn merge_member(
    members: &mut Map<String, Value>,
    name: String,
    incoming: Value,
    shape_id: &str,
    errors: &mut Vec<String>,
) {
    let Some(existing) = members.get_mut(&name) else {
        members.insert(name, incoming);
        return;
    };
    if let (Some(old), Some(new)) = (target_of(existing), target_of(&incoming))
        && old != new
    {
        errors.push(format!("member `{name}` of `{shape_id}` targets both `{old}` and `{new}` through its mixins"));
        return;
    }
    let Value::Object(mut incoming) = incoming else { return };
    let Some(Value::Object(traits)) = incoming.remove("traits") else {
        return;
    };
    if let Some(existing_traits) = crate::assemble::traits_mut(existing) {
        for (id, value) in traits {
            existing_traits.insert(id, value);
        }
    }
}

/// The member names that list, set and map shapes keep as top-level properties.
fn fixed_names(type_name: Option<&str>) -> &'static [&'static str] {
    type_name.and_then(ShapeType::from_keyword).and_then(ShapeType::fixed_members).unwrap_or_default()
}

/// The items of a flattened shape's list properties, by property, as JSON text: what a
/// mixin's list already holds, so that adding an item costs one lookup however long the list.
type Seen = HashMap<String, HashSet<String>>;

/// A flattened shape being built: its properties, members and traits, each in order.
#[derive(Default)]
struct Flattened {
    properties: Map<String, Value>,
    members: Map<String, Value>,
    traits: Map<String, Value>,
    /// The items of the list properties, for those lists that something was added to.
    seen: Seen,
}

/// Where what [`Flattened::add`] adds comes from.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Source {
    /// A mixin flattened before: its members are all objects already.
    FlattenedMixin,
    /// A mixin as written, without mixins of its own.
    Mixin,
    /// The shape being flattened.
    Shape,
}

impl Flattened {
    /// Adds what `source` gives: properties, members and, unless they are local to a
    /// mixin, traits. The first source's members and traits are taken whole rather than
    /// entry by entry, so that each link of a mixin chain costs what it adds.
    fn add(&mut self, id: &str, object: Map<String, Value>, source: Source, errors: &mut Vec<String>) {
        let type_name = object.get("type").and_then(Value::as_str);
        let named = type_name.and_then(ShapeType::from_keyword).is_some_and(ShapeType::has_named_members);
        let fixed = fixed_names(type_name);
        for (key, value) in object {
            match key.as_str() {
                "type" | "mixins" => {}
                "traits" => {
                    let Value::Object(traits) = value else { continue };
                    self.add_traits(traits, source != Source::Shape);
                }
                "members" if named => {
                    let Value::Object(mut members) = value else { continue };
                    if source != Source::FlattenedMixin {
                        members.retain(|_, member| member.is_object());
                    }
                    if self.members.is_empty() {
                        self.members = members;
                        continue;
                    }
                    for (name, member) in members {
                        merge_member(&mut self.members, name, member, id, errors);
                    }
                }
                name if fixed.contains(&name) => {
                    if value.is_object() {
                        merge_member(&mut self.members, key, value, id, errors);
                    }
                }
                // Member slots that the shape's type does not have are not properties.
                "members" | "member" | "key" | "value" => {}
                _ => self.inherit_property(key, value),
            }
        }
    }

    fn add_traits(&mut self, traits: Map<String, Value>, from_mixin: bool) {
        let local = if from_mixin { local_traits(&traits) } else { HashSet::new() };
        if self.traits.is_empty() {
            self.traits = traits;
            // A mixin's own traits, among them its local ones, come after those it
            // inherits, so removing the local ones shifts few entries.
            for trait_id in &local {
                self.traits.shift_remove(trait_id);
            }
            return;
        }
        for (trait_id, value) in traits {
            if !local.contains(&trait_id) {
                self.traits.insert(trait_id, value);
            }
        }
    }
}

/// Flattens one shape: its mixins' properties, members and traits, then its own. Returns the
/// shape and the items of its list properties; `first_items` are those of the first mixin,
/// when it is moved here.
fn flatten_shape(
    id: &str,
    shape: Value,
    mixins: Vec<(&str, Option<Cow<'_, Value>>, Source)>,
    mut first_items: Option<Seen>,
    member_overrides: Vec<(String, Map<String, Value>)>,
    errors: &mut Vec<String>,
) -> (Value, Seen) {
    let Value::Object(shape) = shape else {
        return (shape, Seen::new());
    };
    let shape_type = shape.get("type").cloned().unwrap_or(Value::Null);
    let mut flattened = Flattened::default();
    for (index, (mixin_id, mixin, source)) in mixins.into_iter().enumerate() {
        match mixin {
            Some(mixin) if mixin.get("type") == Some(&shape_type) => {
                let Value::Object(mixin) = mixin.into_owned() else { continue };
                flattened.add(id, mixin, source, errors);
                // The first mixin's lists went in unchanged, so its items still describe them.
                if index == 0
                    && let Some(items) = first_items.take()
                {
                    flattened.seen = items;
                }
            }
            Some(_) => errors.push(format!("mixin `{mixin_id}` of `{id}` does not have the type of the shape")),
            None => errors.push(format!("mixin `{mixin_id}` of `{id}` is not in the model")),
        }
    }
    let type_name = shape.get("type").and_then(Value::as_str);
    let named = type_name.and_then(ShapeType::from_keyword).is_some_and(ShapeType::has_named_members);
    let fixed = fixed_names(type_name);
    flattened.add(id, shape, Source::Shape, errors);
    for (name, traits) in member_overrides {
        match flattened.members.get_mut(&name).and_then(crate::assemble::traits_mut) {
            Some(existing) => {
                for (trait_id, value) in traits {
                    existing.insert(trait_id, value);
                }
            }
            None => errors.push(format!("apply entry `{id}${name}` targets an unknown member")),
        }
    }

    let Flattened { properties, mut members, traits, seen } = flattened;
    let mut result = Map::new();
    result.insert("type".to_string(), shape_type);
    result.extend(properties);
    if named {
        if !members.is_empty() {
            result.insert("members".to_string(), Value::Object(members));
        }
    } else {
        for name in fixed {
            if let Some(member) = members.shift_remove(*name) {
                result.insert((*name).to_string(), member);
            }
        }
    }
    if !traits.is_empty() {
        result.insert("traits".to_string(), Value::Object(traits));
    }
    (Value::Object(result), seen)
}

impl Flattened {
    /// Adds one inherited or own property: lists are concatenated without duplicates,
    /// `rename`, `identifiers` and `properties` merged, and anything else overridden.
    fn inherit_property(&mut self, key: String, value: Value) {
        match (self.properties.get_mut(&key), value) {
            (Some(Value::Array(existing)), Value::Array(more)) => {
                let seen = self.seen.entry(key).or_insert_with(|| existing.iter().map(Value::to_string).collect());
                for item in more {
                    if seen.insert(item.to_string()) {
                        existing.push(item);
                    }
                }
            }
            (Some(Value::Object(existing)), Value::Object(entries)) if MERGED_MAPS.contains(&key.as_str()) => {
                existing.extend(entries);
            }
            // A unit input or output is the absence of one: it does not hide a mixin's.
            (Some(_), reference) if target_of(&reference) == Some(UNIT) => {}
            (_, value) => {
                self.seen.remove(&key);
                self.properties.insert(key, value);
            }
        }
    }
}
