//! Endpoint traits (`endpoint-traits.rst`): an `@endpoint` host prefix is a valid template, each
//! of its labels is filled by a required `@hostLabel` input member that targets a string, and
//! each `@hostLabel` member of the input has a label.
//!
//! A `@hostLabel` member of a structure that is not the input of an operation with `@endpoint`
//! is ignored by the specification, so it is not reported.

use serde_json::Value;

use super::{Validator, show};
use crate::http_pattern::parse_host_prefix;
use crate::model::ShapeKind;
use crate::traits::PreludeTrait as T;

pub(super) fn check(validator: &mut Validator<'_>) {
    for (structure, member) in validator.members() {
        if member.traits.is_host_label() && !member.traits.is_required() {
            let message = "has `@hostLabel`, so it needs `@required`: a host label is never empty";
            validator.report(&structure.id, Some(&member.name), message);
        }
    }
    for shape in validator.shapes() {
        let ShapeKind::Operation(operation) = &shape.kind else { continue };
        let Some(Value::Object(endpoint)) = shape.traits.prelude(T::Endpoint) else { continue };
        let prefix = match endpoint.get("hostPrefix") {
            Some(Value::String(prefix)) => prefix,
            None => {
                validator.report(&shape.id, None, "the `@endpoint` trait needs a `hostPrefix` (\"{label}.data.\" …)");
                continue;
            }
            Some(other) => {
                let message = format!("the `@endpoint` hostPrefix must be a string, not `{}`", show(other));
                validator.report(&shape.id, None, message);
                continue;
            }
        };
        let template = match parse_host_prefix(prefix) {
            Ok(template) => template,
            Err(problem) => {
                validator.report(&shape.id, None, format!("the `@endpoint` hostPrefix \"{prefix}\" {problem}"));
                continue;
            }
        };
        let Some(input) = validator.shape(&operation.input) else { continue };
        let members = input.kind.members();
        for label in template.labels() {
            let Some(member) = members.iter().find(|member| member.name == label) else {
                let message = format!(
                    "the host prefix label `{{{label}}}` has no input member to fill it; add a required `@hostLabel` string member `{label}` to `{}`",
                    input.id
                );
                validator.report(&shape.id, None, message);
                continue;
            };
            // The target is checked by the trait rules (`@hostLabel` applies only to strings),
            // and `@required` below, wherever `@hostLabel` is.
            if !member.traits.is_host_label() {
                let message =
                    format!("fills the host prefix label `{{{label}}}` of `{}`, so it needs `@hostLabel`", shape.id);
                validator.report(&input.id, Some(&member.name), message);
            }
        }
        for member in members.iter().filter(|member| member.traits.is_host_label()) {
            if !template.labels().any(|label| label == member.name) {
                let message = format!(
                    "has `@hostLabel`, but the host prefix \"{prefix}\" of `{}` has no label `{{{}}}` for it",
                    shape.id, member.name
                );
                validator.report(&input.id, Some(&member.name), message);
            }
        }
    }
}
