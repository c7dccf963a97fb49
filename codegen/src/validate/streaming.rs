//! Streams (`streaming.rst`): a streaming blob or event stream is held only by a top-level member
//! of an operation's input or output, one per structure, and such a structure is not itself a
//! member of anything; an event stream's members are structures (the events); a member holding
//! a streaming blob is `@required` or has a `@default`; a blob that `@requiresLength` is only
//! sent, never received.

use super::{Validator, a};
use crate::model::ShapeKind;
use crate::traits::PreludeTrait as T;

pub(super) fn check(validator: &mut Validator<'_>) {
    for shape in validator.shapes() {
        if let ShapeKind::Union(members) = &shape.kind
            && shape.traits.is_streaming()
        {
            for member in members {
                if let Some(target) = validator.target(member)
                    && !matches!(target.kind, ShapeKind::Structure(_))
                {
                    let message = format!(
                        "is an event of the event stream `{}`, so it must target a structure, not {}",
                        shape.id,
                        a(target.kind.type_name())
                    );
                    validator.report(&shape.id, Some(&member.name), message);
                }
            }
        }
    }
    for (container, member) in validator.members() {
        let Some(target) = validator.target(member).filter(|target| target.traits.is_streaming()) else { continue };
        let name = Some(member.name.as_str());
        let is_input = !validator.operations_with_input(&container.id).is_empty();
        let is_output = !validator.operations_with_output(&container.id).is_empty();
        if !matches!(container.kind, ShapeKind::Structure(_)) || !(is_input || is_output) {
            let message = format!(
                "targets the stream `{}`, but only a member of an operation's input or output may hold a stream",
                target.id
            );
            validator.report(&container.id, name, message);
            continue;
        }
        if validator.member_targets.contains(&container.id) {
            let message = format!(
                "targets the stream `{}`, so `{}` holds a stream and must not be the target of another member",
                target.id, container.id
            );
            validator.report(&container.id, name, message);
        }
        if matches!(target.kind, ShapeKind::Blob) && !member.traits.is_required() && !member.traits.has_default() {
            let message = "targets a streaming blob, so it needs `@required` or `@default` (a stream is never absent)";
            validator.report(&container.id, name, message);
        }
        if target.traits.has_prelude(T::RequiresLength) && is_output {
            let message = format!(
                "targets `{}`, which has `@requiresLength`, so it may only be sent in an input, not received in an output",
                target.id
            );
            validator.report(&container.id, name, message);
        }
    }
    for shape in validator.shapes() {
        let ShapeKind::Structure(members) = &shape.kind else { continue };
        let streams: Vec<String> = members
            .iter()
            .filter(|member| validator.target(member).is_some_and(|target| target.traits.is_streaming()))
            .map(|member| format!("`{}`", member.name))
            .collect();
        if streams.len() > 1 {
            let message = format!("holds more than one stream ({}); a structure may hold one", streams.join(", "));
            validator.report(&shape.id, None, message);
        }
    }
}
