//! Checks that need the whole model: mixins (type, `@mixin` trait, cycles), members
//! redefined against the members they inherit, and `for` resources.

use super::Assembly;
use crate::json_ast::{MIXIN_TRAIT, local_member, mixin_order, target_of};
use smithy_core::ShapeType;

impl Assembly<'_, '_> {
    pub(super) fn validate(&mut self) {
        self.validate_mixins();
        self.validate_redefined_members();
        self.validate_resources();
    }

    fn validate_mixins(&mut self) {
        for (file, at, shape, mixin) in std::mem::take(&mut self.mixin_refs) {
            let Some(mixin_shape) = self.shapes.get(&mixin) else {
                // Prelude shapes are never mixins; unknown ids were already reported.
                if self.type_of(&mixin).is_some() && !self.origins.contains_key(&mixin) {
                    self.error(file, at, format!("`{mixin}` is a prelude shape, not a mixin"));
                }
                continue;
            };
            let shape_type = self.shapes.get(&shape).and_then(|s| s.get("type")).cloned();
            let mixin_type = mixin_shape.get("type").cloned();
            if shape_type != mixin_type {
                let show =
                    |t: Option<serde_json::Value>| t.and_then(|t| t.as_str().map(str::to_string)).unwrap_or_default();
                self.error(
                    file,
                    at,
                    format!(
                        "mixin `{mixin}` is a {}, but `{shape}` is a {}: mixins must have the type of the shape that uses them",
                        show(mixin_type),
                        show(shape_type)
                    ),
                );
            } else if mixin_shape.get("traits").and_then(|t| t.get(MIXIN_TRAIT)).is_none() {
                self.error(file, at, format!("`{mixin}` cannot be used as a mixin: it is not marked with `@mixin`"));
            }
        }
        let (_, cyclic) = mixin_order(&self.shapes);
        for id in cyclic {
            let (file, at) = self.origins.get(&id).copied().unwrap_or((0, 0));
            self.error(file, at, format!("shape `{id}` is part of a mixin cycle"));
        }
    }

    /// A member written again in a shape that inherits it must keep the inherited target.
    fn validate_redefined_members(&mut self) {
        for (file, at, shape, member) in std::mem::take(&mut self.redefined_members) {
            let Some(object) = self.shapes.get(&shape) else {
                continue;
            };
            let local = local_member(object, &member).and_then(target_of).map(str::to_string);
            let inherited = self.inherited_member(&shape, &member).cloned();
            if let (Some(local), Some((mixin, inherited))) = (local, inherited)
                && local != inherited
            {
                let message = format!(
                    "member `{member}` of `{shape}` targets `{local}`, but the member it inherits from mixin `{mixin}` targets `{inherited}`"
                );
                self.error(file, at, message);
            }
        }
    }

    fn validate_resources(&mut self) {
        for (file, at, shape, resource) in std::mem::take(&mut self.resource_refs) {
            match self.type_of(&resource) {
                Some(ShapeType::Resource) => {}
                Some(other) => {
                    let message = format!(
                        "`{shape}` is bound with `for` to `{resource}`, which is a {}, not a resource",
                        other.as_str()
                    );
                    self.error(file, at, message);
                }
                // Unknown ids were reported when resolved, or may be defined elsewhere
                // when a single file is read alone.
                None => {}
            }
        }
    }
}
