//! The validation stage: checks a loaded model against the rules of the Smithy specification that
//! the generated code relies on, and reports every problem before anything is generated.
//!
//! Loading has already checked that every reference resolves to a shape of the right kind; this
//! stage checks trait values and how shapes and traits fit together. Each file under `validate/`
//! holds one family of rules, named after the part of the specification it comes from. Rules
//! apply to the whole model, as Smithy's own validators do, not only to what one service reaches.
//! What the specification only recommends (a SHOULD, which Smithy reports as a warning or as a
//! suppressible danger) is not reported, except where the generated code cannot work without it
//! (each such case says why).

mod constraints;
mod defaults;
mod endpoint;
mod http;
mod recursion;
mod shapes;
mod streaming;
mod traits;

#[cfg(test)]
mod tests;

use std::collections::{HashMap, HashSet};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::{Member, Model, Shape, ShapeId, ShapeKind};

/// Checks the whole model and returns every problem found, each naming the file and the shape or
/// member it is about, ordered by shape id.
pub fn validate(model: &Model) -> Result<(), Diagnostics> {
    let mut validator = Validator::new(model);
    shapes::check(&mut validator);
    traits::check(&mut validator);
    defaults::check(&mut validator);
    constraints::check(&mut validator);
    http::check(&mut validator);
    endpoint::check(&mut validator);
    streaming::check(&mut validator);
    recursion::check(&mut validator);
    let mut found = validator.diagnostics;
    // One shape's problems read best together; within a shape, rules keep the order they ran in.
    found.sort_by(|a, b| a.shape.cmp(&b.shape));
    let mut diagnostics = Diagnostics::new();
    for diagnostic in found {
        diagnostics.push(diagnostic);
    }
    diagnostics.into_result(())
}

/// The model with facts several rules need, and the problems found so far.
struct Validator<'m> {
    model: &'m Model,
    /// Operations by the structure they use as input.
    inputs: HashMap<&'m ShapeId, Vec<&'m Shape>>,
    /// Operations by the structure they use as output.
    outputs: HashMap<&'m ShapeId, Vec<&'m Shape>>,
    /// Shapes some member of a structure, union, list or map targets.
    member_targets: HashSet<&'m ShapeId>,
    diagnostics: Vec<Diagnostic>,
}

impl<'m> Validator<'m> {
    fn new(model: &'m Model) -> Validator<'m> {
        let mut inputs: HashMap<&ShapeId, Vec<&Shape>> = HashMap::new();
        let mut outputs: HashMap<&ShapeId, Vec<&Shape>> = HashMap::new();
        let mut member_targets = HashSet::new();
        for shape in model.shapes() {
            match &shape.kind {
                ShapeKind::Operation(operation) => {
                    inputs.entry(&operation.input).or_default().push(shape);
                    outputs.entry(&operation.output).or_default().push(shape);
                }
                // Enum members target `smithy.api#Unit` only because every member needs a target.
                ShapeKind::Enum(_) | ShapeKind::IntEnum(_) => {}
                kind => member_targets.extend(kind.members().iter().map(|member| &member.target)),
            }
        }
        Validator { model, inputs, outputs, member_targets, diagnostics: Vec::new() }
    }

    /// Records a problem with the shape `id`, or with its member `member`.
    fn report(&mut self, id: &ShapeId, member: Option<&str>, message: impl Into<String>) {
        self.diagnostics.push(self.model.diagnostic(id, member, message));
    }

    /// The shape with this id; loading guarantees that every reference resolves.
    fn shape(&self, id: &ShapeId) -> Option<&'m Shape> {
        self.model.shape(id)
    }

    /// The shape a member targets.
    fn target(&self, member: &Member) -> Option<&'m Shape> {
        self.model.shape(&member.target)
    }

    /// Every shape of the model, prelude included, in id order.
    fn shapes(&self) -> impl Iterator<Item = &'m Shape> + use<'m> {
        self.model.shapes()
    }

    /// Every member of every structure, union, list and map, with its container.
    fn members(&self) -> impl Iterator<Item = (&'m Shape, &'m Member)> + use<'m> {
        self.model.shapes().flat_map(|shape| {
            let members = match shape.kind {
                ShapeKind::Enum(_) | ShapeKind::IntEnum(_) => &[][..],
                ref kind => kind.members(),
            };
            members.iter().map(move |member| (shape, member))
        })
    }

    /// The operations a structure is the input of.
    fn operations_with_input(&self, id: &ShapeId) -> &[&'m Shape] {
        self.inputs.get(id).map_or(&[], Vec::as_slice)
    }

    /// The operations a structure is the output of.
    fn operations_with_output(&self, id: &ShapeId) -> &[&'m Shape] {
        self.outputs.get(id).map_or(&[], Vec::as_slice)
    }
}

/// How a JSON value reads in a message: short, so a long document does not swamp it.
fn show(value: &serde_json::Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 60 {
        let cut: String = text.chars().take(57).collect();
        format!("{cut}...")
    } else {
        text
    }
}

/// `word` with its indefinite article: "an integer", "a string".
fn a(word: &str) -> String {
    let article = if word.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
    format!("{article} {word}")
}

/// Whether a shape is a string for the rules that say "string": `enum` is a specialization of it.
fn is_string(kind: &ShapeKind) -> bool {
    matches!(kind, ShapeKind::String | ShapeKind::Enum(_))
}

/// Whether a shape is a number for the rules that say "number": `intEnum` is an integer.
fn is_number(kind: &ShapeKind) -> bool {
    matches!(
        kind,
        ShapeKind::Byte
            | ShapeKind::Short
            | ShapeKind::Integer
            | ShapeKind::Long
            | ShapeKind::Float
            | ShapeKind::Double
            | ShapeKind::BigInteger
            | ShapeKind::BigDecimal
            | ShapeKind::IntEnum(_)
    )
}

/// Whether a shape is one of Smithy's simple types.
fn is_simple(kind: &ShapeKind) -> bool {
    is_string(kind)
        || is_number(kind)
        || matches!(kind, ShapeKind::Blob | ShapeKind::Boolean | ShapeKind::Timestamp | ShapeKind::Document)
}
