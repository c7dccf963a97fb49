//! The Rust type of a member's value, decided from the shape it targets.

use std::rc::Rc;

use super::{Item, Symbols};
use crate::index::ServiceIndex;
use crate::model::{Shape, ShapeId, ShapeKind};

/// The Rust type of a value, before any `Option` for optionality or `Box` for recursion.
#[derive(Clone, Debug, PartialEq)]
pub enum RustType {
    /// `String`.
    String,
    /// `bool`.
    Bool,
    /// `i8`.
    I8,
    /// `i16`.
    I16,
    /// `i32`.
    I32,
    /// `i64`.
    I64,
    /// `f32`.
    F32,
    /// `f64`.
    F64,
    /// `primitives::Blob`.
    Blob,
    /// `primitives::ByteStream`, for `@streaming` blobs.
    ByteStream,
    /// `primitives::DateTime`.
    DateTime,
    /// `primitives::Document`.
    Document,
    /// `primitives::BigInteger`.
    BigInteger,
    /// `primitives::BigDecimal`.
    BigDecimal,
    /// `Vec<T>`.
    Vec(Box<RustType>),
    /// `HashMap<K, V>`.
    Map(Box<RustType>, Box<RustType>),
    /// `Option<T>`, for the items of sparse lists and maps.
    Option(Box<RustType>),
    /// `primitives::EventStream<T>`, for `@streaming` unions.
    EventStream(Box<RustType>),
    /// A generated struct or enum.
    Named(Rc<Item>),
}

impl RustType {
    /// Whether values are `Copy`, so accessors return them by value.
    pub fn is_copy(&self) -> bool {
        matches!(
            self,
            RustType::Bool
                | RustType::I8
                | RustType::I16
                | RustType::I32
                | RustType::I64
                | RustType::F32
                | RustType::F64
                | RustType::DateTime
        )
    }

    /// Visits this type and every type inside it.
    pub fn walk(&self, visit: &mut impl FnMut(&RustType)) {
        visit(self);
        match self {
            RustType::Vec(inner) | RustType::Option(inner) | RustType::EventStream(inner) => inner.walk(visit),
            RustType::Map(key, value) => {
                key.walk(visit);
                value.walk(visit);
            }
            _ => {}
        }
    }
}

impl Symbols {
    /// The Rust type of values of `target`.
    pub(super) fn rust_type(&self, index: &ServiceIndex<'_>, target: &ShapeId) -> RustType {
        let shape = index.shape(target);
        match &shape.kind {
            ShapeKind::String if shape.traits.enum_definitions().is_some() => {
                RustType::Named(self.item_rc(target).clone())
            }
            ShapeKind::String => RustType::String,
            ShapeKind::Boolean => RustType::Bool,
            ShapeKind::Byte => RustType::I8,
            ShapeKind::Short => RustType::I16,
            ShapeKind::Integer => RustType::I32,
            ShapeKind::Long => RustType::I64,
            ShapeKind::Float => RustType::F32,
            ShapeKind::Double => RustType::F64,
            ShapeKind::Blob if shape.traits.is_streaming() => RustType::ByteStream,
            ShapeKind::Blob => RustType::Blob,
            ShapeKind::Timestamp => RustType::DateTime,
            ShapeKind::Document => RustType::Document,
            ShapeKind::BigInteger => RustType::BigInteger,
            ShapeKind::BigDecimal => RustType::BigDecimal,
            ShapeKind::List(member) => {
                let item = self.rust_type(index, &member.target);
                RustType::Vec(Box::new(sparse(shape, item)))
            }
            ShapeKind::Map([key, value]) => {
                let value_type = self.rust_type(index, &value.target);
                RustType::Map(Box::new(self.rust_type(index, &key.target)), Box::new(sparse(shape, value_type)))
            }
            ShapeKind::Union(_) if shape.traits.is_streaming() => {
                RustType::EventStream(Box::new(RustType::Named(self.item_rc(target).clone())))
            }
            ShapeKind::Structure(_) | ShapeKind::Union(_) | ShapeKind::Enum(_) | ShapeKind::IntEnum(_) => {
                RustType::Named(self.item_rc(target).clone())
            }
            ShapeKind::Service(_) | ShapeKind::Operation(_) | ShapeKind::Resource(_) => {
                unreachable!("`{target}` is a {}, which the loader refuses as a target", shape.kind.type_name())
            }
        }
    }
}

fn sparse(shape: &Shape, item: RustType) -> RustType {
    if shape.traits.is_sparse() { RustType::Option(Box::new(item)) } else { item }
}
