//! The shapes of the Smithy prelude (`smithy.api`) that models may target without defining them.

use serde_json::{Value, json};

use super::{Shape, ShapeId, ShapeKind, Traits};

/// The prelude's shapes: the simple types, their `Primitive*` variants with zero defaults, and `Unit`.
pub(super) fn shapes() -> Vec<Shape> {
    let plain = [
        ("String", ShapeKind::String),
        ("Blob", ShapeKind::Blob),
        ("BigInteger", ShapeKind::BigInteger),
        ("BigDecimal", ShapeKind::BigDecimal),
        ("Timestamp", ShapeKind::Timestamp),
        ("Document", ShapeKind::Document),
        ("Boolean", ShapeKind::Boolean),
        ("Byte", ShapeKind::Byte),
        ("Short", ShapeKind::Short),
        ("Integer", ShapeKind::Integer),
        ("Long", ShapeKind::Long),
        ("Float", ShapeKind::Float),
        ("Double", ShapeKind::Double),
    ];
    let primitive = [
        ("PrimitiveBoolean", ShapeKind::Boolean, json!(false)),
        ("PrimitiveByte", ShapeKind::Byte, json!(0)),
        ("PrimitiveShort", ShapeKind::Short, json!(0)),
        ("PrimitiveInteger", ShapeKind::Integer, json!(0)),
        ("PrimitiveLong", ShapeKind::Long, json!(0)),
        ("PrimitiveFloat", ShapeKind::Float, json!(0)),
        ("PrimitiveDouble", ShapeKind::Double, json!(0)),
    ];
    let mut shapes: Vec<Shape> = plain.into_iter().map(|(name, kind)| shape(name, kind, Traits::default())).collect();
    shapes.extend(primitive.into_iter().map(|(name, kind, default)| {
        let mut traits = Traits::default();
        traits.insert("smithy.api#default", default);
        shape(name, kind, traits)
    }));
    let mut unit = Traits::default();
    unit.insert("smithy.api#unitType", Value::Object(Default::default()));
    shapes.push(shape("Unit", ShapeKind::Structure(Vec::new()), unit));
    shapes
}

fn shape(name: &str, kind: ShapeKind, traits: Traits) -> Shape {
    Shape { id: ShapeId::prelude(name), kind, traits, file: None }
}
