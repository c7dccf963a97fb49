//! Turns the shapes of an IDL file into JSON AST shapes, then completes what needs the
//! whole model: elided member targets and implicit enum values.

use serde_json::{Map, Value};
use smithy_core::{ShapeType, prelude, traits};

use super::resolve::{RefKind, Scope};
use super::{Assembly, Elided, PendingApply, traits_mut};
use crate::ast::{ApplyDecl, Body, IdRef, MemberDecl, ModelFile, Property, ShapeDecl};
use crate::json_ast::local_member_mut;

const ENUM_VALUE: &str = "smithy.api#enumValue";

fn reference_object(target: String) -> Value {
    let mut object = Map::new();
    object.insert("target".to_string(), Value::String(target));
    Value::Object(object)
}

fn member_object(target: String, traits: Map<String, Value>) -> Value {
    let mut object = Map::new();
    object.insert("target".to_string(), Value::String(target));
    if !traits.is_empty() {
        object.insert("traits".to_string(), Value::Object(traits));
    }
    Value::Object(object)
}

impl Assembly<'_, '_> {
    /// Records the shapes of an IDL file in the symbol table; returns, per shape, whether
    /// it was new (duplicates are reported and skipped later).
    pub(super) fn define_idl_shapes(&mut self, file: usize, model: &ModelFile) -> Vec<bool> {
        let Some(namespace) = &model.namespace else {
            return Vec::new();
        };
        model
            .shapes
            .iter()
            .map(|shape| {
                let id = format!("{namespace}#{}", shape.name);
                self.define(&id, shape.kind, file, shape.at)
            })
            .collect()
    }

    pub(super) fn add_idl_shapes(&mut self, scope: &Scope, shapes: Vec<ShapeDecl>, defined: &[bool]) {
        for (index, decl) in shapes.into_iter().enumerate() {
            if defined.get(index) == Some(&true) {
                self.add_idl_shape(scope, decl);
            }
        }
    }

    fn add_idl_shape(&mut self, scope: &Scope, decl: ShapeDecl) {
        let id = format!("{}#{}", scope.namespace, decl.name);
        let mut shape = Map::new();
        shape.insert("type".to_string(), Value::String(decl.kind.as_str().to_string()));
        let resource = decl.for_resource.as_ref().and_then(|r| {
            let target = self.reference(scope, r, RefKind::Shape)?;
            self.resource_refs.push((scope.file, r.at, id.clone(), target.clone()));
            Some(target)
        });
        let mut mixins = Vec::new();
        for mixin in &decl.mixins {
            if let Some(target) = self.reference(scope, mixin, RefKind::Shape) {
                self.mixin_refs.push((scope.file, mixin.at, id.clone(), target.clone()));
                mixins.push(reference_object(target));
            }
        }
        match decl.body {
            Body::None => {}
            Body::Members(members) => {
                let has_mixins = !decl.mixins.is_empty();
                self.add_members(scope, &id, decl.kind, members, resource, has_mixins, &mut shape);
            }
            Body::Entity(properties) => {
                for (key, property) in properties {
                    let value = self.property(scope, property);
                    shape.insert(key, value);
                }
            }
            Body::Operation { input, output, errors } => {
                for (key, target) in [("input", input), ("output", output)] {
                    if let Some(target) = target.and_then(|t| self.reference(scope, &t, RefKind::Shape)) {
                        shape.insert(key.to_string(), reference_object(target));
                    }
                }
                if let Some(errors) = errors {
                    let value = self.property(scope, Property::Refs(errors));
                    shape.insert("errors".to_string(), value);
                }
            }
        }
        if !mixins.is_empty() {
            shape.insert("mixins".to_string(), Value::Array(mixins));
        }
        let traits = self.trait_map(scope, decl.traits, &id);
        if !traits.is_empty() {
            shape.insert("traits".to_string(), Value::Object(traits));
        }
        self.shapes.insert(id, Value::Object(shape));
    }

    #[allow(clippy::too_many_arguments)]
    fn add_members(
        &mut self,
        scope: &Scope,
        id: &str,
        kind: ShapeType,
        members: Vec<MemberDecl>,
        resource: Option<String>,
        has_mixins: bool,
        shape: &mut Map<String, Value>,
    ) {
        let mut named = Map::new();
        for member in members {
            let member_id = format!("{id}${}", member.name);
            let traits = self.trait_map(scope, member.traits, &member_id);
            let value = match member.target {
                Some(target) => {
                    let Some(target) = self.reference(scope, &target, RefKind::Shape) else {
                        continue;
                    };
                    if member.implicit_enum_value {
                        self.implicit_enum_values.push((scope.file, member.at, id.to_string(), member.name.clone()));
                    }
                    if has_mixins {
                        self.redefined_members.push((scope.file, member.at, id.to_string(), member.name.clone()));
                    }
                    member_object(target, traits)
                }
                None => {
                    self.elided.push(Elided {
                        file: scope.file,
                        at: member.at,
                        shape: id.to_string(),
                        member: member.name.clone(),
                        resource: resource.clone(),
                        traits,
                    });
                    // A placeholder keeps the member's place until its target is known.
                    Value::Null
                }
            };
            if kind.has_named_members() {
                named.insert(member.name, value);
            } else {
                shape.insert(member.name, value);
            }
        }
        if !named.is_empty() {
            shape.insert("members".to_string(), Value::Object(named));
        }
    }

    fn property(&mut self, scope: &Scope, property: Property) -> Value {
        let resolve = |this: &mut Self, id: &IdRef| this.reference(scope, id, RefKind::Shape);
        match property {
            Property::String(s) => Value::String(s),
            Property::Ref(id) => resolve(self, &id).map_or(Value::Null, reference_object),
            Property::Refs(ids) => {
                Value::Array(ids.iter().filter_map(|id| resolve(self, id)).map(reference_object).collect())
            }
            Property::RefMap(entries) => Value::Object(
                entries
                    .into_iter()
                    .filter_map(|(name, id)| Some((name, reference_object(resolve(self, &id)?))))
                    .collect(),
            ),
            Property::Rename(entries) => {
                Value::Object(entries.into_iter().map(|(key, _, name)| (key, Value::String(name))).collect())
            }
        }
    }

    pub(super) fn queue_idl_apply(&mut self, scope: &Scope, apply: ApplyDecl) {
        let Some(target) = self.reference(scope, &apply.target, RefKind::ShapeOrMember) else {
            return;
        };
        let traits = self.trait_values(scope, apply.traits);
        self.applies.push(PendingApply {
            file: scope.file,
            at: apply.target.at,
            target,
            traits,
            from_prelude: scope.namespace == prelude::NAMESPACE,
        });
    }

    /// Gives an elided member (`$name`) its target: from the identifiers or properties of
    /// the `for` resource (`from_resource`), or from the mixin that provides the member
    /// (`inherited`: the mixin and the target). A member that a mixin provides is inherited
    /// rather than redefined, so its traits become an apply entry and its placeholder stays
    /// `null`, for the caller to remove.
    pub(super) fn resolve_elided(
        &mut self,
        e: Elided,
        from_resource: Option<String>,
        inherited: Option<(String, String)>,
    ) {
        match (from_resource, inherited) {
            (Some(target), Some((mixin, inherited))) if target != inherited => {
                let resource = e.resource.unwrap_or_default();
                self.error(
                    e.file,
                    e.at,
                    format!(
                        "elided member `${}` targets `{target}` through resource `{resource}`, which conflicts with the `{inherited}` target of the member inherited from mixin `{mixin}`",
                        e.member
                    ),
                );
            }
            (_, Some(_)) => {
                if !e.traits.is_empty() {
                    let key = format!("{}${}", e.shape, e.member);
                    let entry = self.apply_entries.entry(key).or_insert_with(|| Value::Object(Map::new()));
                    if let Some(entry) = entry.as_object_mut() {
                        for (id, value) in e.traits {
                            // Distinct ids from one trait map cannot conflict with an
                            // empty entry; later applies are checked when merged.
                            let _ = traits::apply_to_map(entry, &id, value);
                        }
                    }
                }
            }
            (Some(target), None) => {
                let shape = self.shapes.get_mut(&e.shape);
                let slot = shape.and_then(|s| {
                    if s.get("members").is_some() { s.get_mut("members")?.as_object_mut() } else { s.as_object_mut() }
                });
                if let Some(slot) = slot {
                    slot.insert(e.member, member_object(target, e.traits));
                }
            }
            (None, None) => {
                let mut message = format!("cannot resolve the target of elided member `${}`: ", e.member);
                match &e.resource {
                    Some(resource) => message.push_str(&format!(
                        "resource `{resource}` has no identifier or property named `{}`, and no mixin of `{}` has such a member",
                        e.member, e.shape
                    )),
                    None => message.push_str(&format!(
                        "no mixin of `{}` has such a member (and the shape has no `for` resource)",
                        e.shape
                    )),
                }
                let elsewhere = e.resource.as_ref().is_some_and(|r| !self.shapes.contains_key(r))
                    || self.missing_mixin.contains(&e.shape);
                if self.mode == super::Mode::SingleFile && elsewhere {
                    message.push_str("; the resource or a mixin is in another file: assemble the files together");
                }
                self.error(e.file, e.at, message);
            }
        }
    }

    /// Gives enum members written without a value the implicit `enumValue` of their
    /// name, unless they redefine a member inherited from a mixin (which already has one).
    pub(super) fn add_implicit_enum_values(&mut self) {
        for (_, _, shape, member) in std::mem::take(&mut self.implicit_enum_values) {
            if self.inherited_member(&shape, &member).is_some() {
                continue;
            }
            let Some(object) = self.shapes.get_mut(&shape) else {
                continue;
            };
            let Some(traits) = local_member_mut(object, &member).and_then(traits_mut) else {
                continue;
            };
            if !traits.contains_key(ENUM_VALUE) {
                traits.insert(ENUM_VALUE.to_string(), Value::String(member));
            }
        }
    }
}
