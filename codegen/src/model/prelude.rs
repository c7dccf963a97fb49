//! The shapes of the Smithy prelude (`smithy.api`) that models may target without defining them:
//! the types of `smithy-core`'s prelude table, as model shapes.

use smithy_core::ShapeType;
use smithy_core::prelude;

use super::{Shape, ShapeId, ShapeKind, Traits};

/// The prelude's types: the simple types, their `Primitive*` variants with zero defaults, and `Unit`.
pub(super) fn shapes() -> Vec<Shape> {
    prelude::types()
        .filter_map(|shape| {
            let kind = match shape.shape_type {
                ShapeType::String => ShapeKind::String,
                ShapeType::Blob => ShapeKind::Blob,
                ShapeType::BigInteger => ShapeKind::BigInteger,
                ShapeType::BigDecimal => ShapeKind::BigDecimal,
                ShapeType::Timestamp => ShapeKind::Timestamp,
                ShapeType::Document => ShapeKind::Document,
                ShapeType::Boolean => ShapeKind::Boolean,
                ShapeType::Byte => ShapeKind::Byte,
                ShapeType::Short => ShapeKind::Short,
                ShapeType::Integer => ShapeKind::Integer,
                ShapeType::Long => ShapeKind::Long,
                ShapeType::Float => ShapeKind::Float,
                ShapeType::Double => ShapeKind::Double,
                // `Unit`, the only aggregate among the types, has no members.
                ShapeType::Structure => ShapeKind::Structure(Vec::new()),
                // The prelude's types are the kinds above; the table's test pins them.
                _ => return None,
            };
            let mut traits = Traits::default();
            for (id, value) in shape.trait_values() {
                traits.insert(id, value);
            }
            Some(Shape { id: ShapeId::prelude(shape.name), kind, traits, file: None })
        })
        .collect()
}
