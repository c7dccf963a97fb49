//! The in-memory Smithy model every later stage reads: shapes, their members and trait values.
//!
//! The model is independent of the syntax it was read from. [`ModelAssembler`] builds it from
//! JSON AST documents; it checks what later stages rely on (every target exists, member names are
//! unique, operations point at structures), so nothing after loading has to re-check the input.
//!
//! Shape ids, the prelude, the strict JSON reader and trait conflict resolution come from
//! `smithy-core`, which the IDL reader shares; [`ShapeId`] is re-exported here. [`Traits`]
//! stays a type of this crate because `traits.rs` gives it the typed accessors renderers use,
//! which Rust allows only in the crate that defines the type.

mod load;
mod prelude;

use std::collections::{BTreeMap, HashMap};

use serde_json::Value;
pub use smithy_core::ShapeId;
pub use smithy_core::shape_id::is_identifier;

pub use load::ModelAssembler;

use crate::diagnostics::Diagnostic;

/// The traits applied to a shape or member: trait shape id to node value.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Traits(BTreeMap<String, Value>);

impl Traits {
    /// The value of a trait, by absolute trait id.
    pub fn get(&self, id: &str) -> Option<&Value> {
        self.0.get(id)
    }

    /// Whether the trait is applied.
    pub fn has(&self, id: &str) -> bool {
        self.0.contains_key(id)
    }

    /// Applies a trait, replacing any earlier value.
    pub fn insert(&mut self, id: impl Into<String>, value: Value) {
        self.0.insert(id.into(), value);
    }

    /// Applies a trait that may already be applied, as Smithy's trait conflict resolution
    /// says: list values concatenate and equal values are kept once. A conflicting value is
    /// handed back, leaving the trait as it was.
    pub fn merge(&mut self, id: impl Into<String>, value: Value) -> Result<(), Value> {
        match self.0.entry(id.into()) {
            std::collections::btree_map::Entry::Occupied(mut existing) => {
                smithy_core::traits::merge_value(existing.get_mut(), value)
            }
            std::collections::btree_map::Entry::Vacant(slot) => {
                slot.insert(value);
                Ok(())
            }
        }
    }

    /// Every trait, ordered by id.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// The value of a trait whose value is a string.
    pub fn string(&self, id: &str) -> Option<&str> {
        self.get(id).and_then(Value::as_str)
    }
}

/// A member of an aggregate shape (or the member of a list, the key or value of a map).
#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    /// The member's name as written in the model (`member`, `key` and `value` for collections).
    pub name: String,
    /// The shape the member targets.
    pub target: ShapeId,
    /// Traits applied to the member itself.
    pub traits: Traits,
}

/// The kinds of shape, with what each kind carries.
#[derive(Clone, Debug, PartialEq)]
pub enum ShapeKind {
    /// Uninterpreted binary data.
    Blob,
    /// `true` or `false`.
    Boolean,
    /// UTF-8 text.
    String,
    /// 8-bit signed integer.
    Byte,
    /// 16-bit signed integer.
    Short,
    /// 32-bit signed integer.
    Integer,
    /// 64-bit signed integer.
    Long,
    /// Single-precision IEEE 754 float.
    Float,
    /// Double-precision IEEE 754 float.
    Double,
    /// Arbitrarily large signed integer.
    BigInteger,
    /// Arbitrary-precision signed decimal.
    BigDecimal,
    /// An instant in time.
    Timestamp,
    /// Open content, like a JSON value.
    Document,
    /// A closed-in-the-model, open-on-the-wire set of named string values.
    Enum(Vec<Member>),
    /// A set of named integer values.
    IntEnum(Vec<Member>),
    /// An ordered collection; the member is named `member`.
    List(Member),
    /// String keys to values: the members `key` and `value`, in that order.
    Map([Member; 2]),
    /// A fixed set of named, heterogeneous members.
    Structure(Vec<Member>),
    /// Exactly one of several members.
    Union(Vec<Member>),
    /// An API entry point.
    Service(Service),
    /// One request/response exchange of a service.
    Operation(Operation),
    /// An entity with identifiers and lifecycle operations.
    Resource(Resource),
}

impl ShapeKind {
    /// The shape type's name as the JSON AST writes it (`structure`, `intEnum` …).
    pub fn type_name(&self) -> &'static str {
        match self {
            ShapeKind::Blob => "blob",
            ShapeKind::Boolean => "boolean",
            ShapeKind::String => "string",
            ShapeKind::Byte => "byte",
            ShapeKind::Short => "short",
            ShapeKind::Integer => "integer",
            ShapeKind::Long => "long",
            ShapeKind::Float => "float",
            ShapeKind::Double => "double",
            ShapeKind::BigInteger => "bigInteger",
            ShapeKind::BigDecimal => "bigDecimal",
            ShapeKind::Timestamp => "timestamp",
            ShapeKind::Document => "document",
            ShapeKind::Enum(_) => "enum",
            ShapeKind::IntEnum(_) => "intEnum",
            ShapeKind::List(_) => "list",
            ShapeKind::Map(_) => "map",
            ShapeKind::Structure(_) => "structure",
            ShapeKind::Union(_) => "union",
            ShapeKind::Service(_) => "service",
            ShapeKind::Operation(_) => "operation",
            ShapeKind::Resource(_) => "resource",
        }
    }

    /// The members of the shape, in model order (none for simple shapes and services).
    pub fn members(&self) -> &[Member] {
        match self {
            ShapeKind::Enum(members)
            | ShapeKind::IntEnum(members)
            | ShapeKind::Structure(members)
            | ShapeKind::Union(members) => members,
            ShapeKind::List(member) => std::slice::from_ref(member),
            ShapeKind::Map(members) => members,
            _ => &[],
        }
    }
}

/// A service shape's bindings.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Service {
    /// The service's version string.
    pub version: String,
    /// Operations bound directly to the service.
    pub operations: Vec<ShapeId>,
    /// Resources bound directly to the service.
    pub resources: Vec<ShapeId>,
    /// Errors every operation of the service can return.
    pub errors: Vec<ShapeId>,
    /// Names that replace shape names inside the service's closure.
    pub rename: BTreeMap<ShapeId, String>,
}

/// An operation shape's bindings.
#[derive(Clone, Debug, PartialEq)]
pub struct Operation {
    /// The input structure (`smithy.api#Unit` when there is none).
    pub input: ShapeId,
    /// The output structure (`smithy.api#Unit` when there is none).
    pub output: ShapeId,
    /// The errors the operation can return.
    pub errors: Vec<ShapeId>,
}

/// A resource shape's bindings.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Resource {
    /// Identifier names to the shapes of their values.
    pub identifiers: BTreeMap<String, ShapeId>,
    /// Property names to the shapes of their values.
    pub properties: BTreeMap<String, ShapeId>,
    /// Every operation bound to the resource: lifecycle, instance and collection operations.
    pub operations: Vec<ShapeId>,
    /// Child resources.
    pub resources: Vec<ShapeId>,
}

/// A shape with its id, kind, traits and the file it was read from.
#[derive(Clone, Debug, PartialEq)]
pub struct Shape {
    /// The shape's absolute id.
    pub id: ShapeId,
    /// What kind of shape it is, with its members or bindings.
    pub kind: ShapeKind,
    /// Traits applied to the shape.
    pub traits: Traits,
    /// Index of the file the shape was defined in (see [`Model::file`]); prelude shapes have none.
    pub file: Option<usize>,
}

/// A loaded and checked model.
///
/// Shapes are kept in id order, which decides the order of everything generated from them, and
/// found by id through a hash index: ids share long namespace prefixes, which make ordered
/// lookups compare the same bytes over and over.
#[derive(Clone, Debug, Default)]
pub struct Model {
    shapes: Vec<Shape>,
    by_id: HashMap<ShapeId, usize>,
    metadata: serde_json::Map<String, Value>,
    files: Vec<String>,
}

impl Model {
    /// A model of `shapes` (in id order, as a `BTreeMap` iterates them).
    pub(crate) fn new(
        shapes: BTreeMap<ShapeId, Shape>,
        metadata: serde_json::Map<String, Value>,
        files: Vec<String>,
    ) -> Model {
        let shapes: Vec<Shape> = shapes.into_values().collect();
        let by_id = shapes.iter().enumerate().map(|(i, shape)| (shape.id.clone(), i)).collect();
        Model { shapes, by_id, metadata, files }
    }

    /// The shape with this id, from the model or the prelude.
    pub fn shape(&self, id: &ShapeId) -> Option<&Shape> {
        self.by_id.get(id).map(|&i| &self.shapes[i])
    }

    /// Every shape, prelude included, ordered by id.
    pub fn shapes(&self) -> impl Iterator<Item = &Shape> {
        self.shapes.iter()
    }

    /// The model's metadata.
    pub fn metadata(&self) -> &serde_json::Map<String, Value> {
        &self.metadata
    }

    /// The name of the file at `index`, as given to the assembler.
    pub fn file(&self, index: usize) -> &str {
        &self.files[index]
    }

    /// Every file the model was read from, in the order they were added.
    pub fn files(&self) -> &[String] {
        &self.files
    }

    /// A diagnostic about `id`, naming the file it was defined in.
    pub fn diagnostic(&self, id: &ShapeId, member: Option<&str>, message: impl Into<String>) -> Diagnostic {
        let shape = match member {
            Some(member) => id.member(member),
            None => id.to_string(),
        };
        let diagnostic = Diagnostic::new(message).at_shape(shape);
        match self.shape(id).and_then(|shape| shape.file) {
            Some(file) => diagnostic.in_file(self.files[file].clone()),
            None => diagnostic,
        }
    }
}
