//! The Smithy 2.0 prelude (`smithy.api`): every shape it defines, with its type, whether
//! models use it as a type or it defines a trait, and the traits the prelude applies to the
//! types. The IDL assembler takes the names and types to resolve relative ids and default
//! omitted trait values; the JSON AST loader takes the types as shapes models may target.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde_json::{Map, Value};

use crate::shape_type::ShapeType;

/// The namespace of the prelude.
pub const NAMESPACE: &str = "smithy.api";

/// What a prelude shape is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A type models target: the simple types, their `Primitive*` variants and `Unit`.
    Type,
    /// A trait, or a private shape that a trait's definition uses.
    Trait,
}

/// A trait value the prelude applies to one of its types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Literal {
    /// `true` or `false`.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// `{}`.
    EmptyObject,
}

impl Literal {
    /// The value as the model carries it.
    pub fn to_value(self) -> Value {
        match self {
            Literal::Bool(b) => Value::Bool(b),
            Literal::Int(n) => Value::from(n),
            Literal::EmptyObject => Value::Object(Map::new()),
        }
    }
}

/// One shape of the prelude.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PreludeShape {
    /// The shape's name in `smithy.api`.
    pub name: &'static str,
    /// Its type.
    pub shape_type: ShapeType,
    /// Whether models use it as a type or it belongs to a trait definition.
    pub role: Role,
    /// The traits the prelude applies to a type, by their name in `smithy.api`. The traits
    /// of trait definitions (`@trait` and its selectors) are not carried.
    pub traits: &'static [(&'static str, Literal)],
}

impl PreludeShape {
    /// The shape's absolute id.
    pub fn id(&self) -> String {
        format!("{NAMESPACE}#{}", self.name)
    }

    /// The traits the prelude applies to the shape, by absolute trait id.
    pub fn trait_values(&self) -> Map<String, Value> {
        self.traits.iter().map(|&(name, value)| (format!("{NAMESPACE}#{name}"), value.to_value())).collect()
    }
}

const fn shape(
    name: &'static str,
    shape_type: ShapeType,
    role: Role,
    traits: &'static [(&'static str, Literal)],
) -> PreludeShape {
    PreludeShape { name, shape_type, role, traits }
}

/// Every shape the prelude defines, in the order of the prelude's own model file.
pub const SHAPES: &[PreludeShape] = {
    use ShapeType::*;
    &[
        // Simple shapes and their deprecated primitive variants.
        shape("String", String, Role::Type, &[]),
        shape("Blob", Blob, Role::Type, &[]),
        shape("BigInteger", BigInteger, Role::Type, &[]),
        shape("BigDecimal", BigDecimal, Role::Type, &[]),
        shape("Timestamp", Timestamp, Role::Type, &[]),
        shape("Document", Document, Role::Type, &[]),
        shape("Boolean", Boolean, Role::Type, &[]),
        shape("Byte", Byte, Role::Type, &[]),
        shape("Short", Short, Role::Type, &[]),
        shape("Integer", Integer, Role::Type, &[]),
        shape("Long", Long, Role::Type, &[]),
        shape("Float", Float, Role::Type, &[]),
        shape("Double", Double, Role::Type, &[]),
        shape("PrimitiveBoolean", Boolean, Role::Type, &[("default", Literal::Bool(false))]),
        shape("PrimitiveByte", Byte, Role::Type, &[("default", Literal::Int(0))]),
        shape("PrimitiveShort", Short, Role::Type, &[("default", Literal::Int(0))]),
        shape("PrimitiveInteger", Integer, Role::Type, &[("default", Literal::Int(0))]),
        shape("PrimitiveLong", Long, Role::Type, &[("default", Literal::Int(0))]),
        shape("PrimitiveFloat", Float, Role::Type, &[("default", Literal::Int(0))]),
        shape("PrimitiveDouble", Double, Role::Type, &[("default", Literal::Int(0))]),
        shape("Unit", Structure, Role::Type, &[("unitType", Literal::EmptyObject)]),
        // Traits and the private shapes that define them.
        shape("trait", Structure, Role::Trait, &[]),
        shape("TraitDiffRules", List, Role::Trait, &[]),
        shape("TraitDiffRule", Structure, Role::Trait, &[]),
        shape("TraitChangeType", Enum, Role::Trait, &[]),
        shape("Severity", Enum, Role::Trait, &[]),
        shape("StructurallyExclusive", Enum, Role::Trait, &[]),
        shape("deprecated", Structure, Role::Trait, &[]),
        shape("box", Structure, Role::Trait, &[]),
        shape("documentation", String, Role::Trait, &[]),
        shape("externalDocumentation", Map, Role::Trait, &[]),
        shape("auth", List, Role::Trait, &[]),
        shape("AuthTraitReference", String, Role::Trait, &[]),
        shape("protocolDefinition", Structure, Role::Trait, &[]),
        shape("TraitShapeIdList", List, Role::Trait, &[]),
        shape("TraitShapeId", String, Role::Trait, &[]),
        shape("authDefinition", Structure, Role::Trait, &[]),
        shape("httpBasicAuth", Structure, Role::Trait, &[]),
        shape("httpDigestAuth", Structure, Role::Trait, &[]),
        shape("httpBearerAuth", Structure, Role::Trait, &[]),
        shape("httpApiKeyAuth", Structure, Role::Trait, &[]),
        shape("traitValidators", Map, Role::Trait, &[]),
        shape("TraitValidator", Structure, Role::Trait, &[]),
        shape("metadata", Structure, Role::Trait, &[]),
        shape("ShapeClosures", List, Role::Trait, &[]),
        shape("ShapeClosure", Structure, Role::Trait, &[]),
        shape("ClosureId", String, Role::Trait, &[]),
        shape("Namespaces", List, Role::Trait, &[]),
        shape("Renames", Map, Role::Trait, &[]),
        shape("CommonMark", String, Role::Trait, &[]),
        shape("Identifier", String, Role::Trait, &[]),
        shape("default", Document, Role::Trait, &[]),
        shape("addedDefault", Structure, Role::Trait, &[]),
        shape("clientOptional", Structure, Role::Trait, &[]),
        shape("HttpApiKeyLocations", Enum, Role::Trait, &[]),
        shape("optionalAuth", Structure, Role::Trait, &[]),
        shape("examples", List, Role::Trait, &[]),
        shape("Example", Structure, Role::Trait, &[]),
        shape("ExampleError", Structure, Role::Trait, &[]),
        shape("error", Enum, Role::Trait, &[]),
        shape("retryable", Structure, Role::Trait, &[]),
        shape("readonly", Structure, Role::Trait, &[]),
        shape("idempotent", Structure, Role::Trait, &[]),
        shape("IdempotentErrors", List, Role::Trait, &[]),
        shape("idempotencyToken", Structure, Role::Trait, &[]),
        shape("internal", Structure, Role::Trait, &[]),
        shape("jsonName", String, Role::Trait, &[]),
        shape("xmlAttribute", Structure, Role::Trait, &[]),
        shape("xmlFlattened", Structure, Role::Trait, &[]),
        shape("xmlName", String, Role::Trait, &[]),
        shape("xmlNamespace", Structure, Role::Trait, &[]),
        shape("NonEmptyString", String, Role::Trait, &[]),
        shape("noReplace", Structure, Role::Trait, &[]),
        shape("mediaType", String, Role::Trait, &[]),
        shape("references", List, Role::Trait, &[]),
        shape("Reference", Structure, Role::Trait, &[]),
        shape("NonEmptyStringMap", Map, Role::Trait, &[]),
        shape("resourceIdentifier", String, Role::Trait, &[]),
        shape("private", Structure, Role::Trait, &[]),
        shape("sensitive", Structure, Role::Trait, &[]),
        shape("since", String, Role::Trait, &[]),
        shape("streaming", Structure, Role::Trait, &[]),
        shape("requiresLength", Structure, Role::Trait, &[]),
        shape("longPoll", Structure, Role::Trait, &[]),
        shape("tags", List, Role::Trait, &[]),
        shape("title", String, Role::Trait, &[]),
        shape("enum", List, Role::Trait, &[]),
        shape("EnumDefinition", Structure, Role::Trait, &[]),
        shape("EnumConstantBodyName", String, Role::Trait, &[]),
        shape("enumValue", Document, Role::Trait, &[]),
        shape("length", Structure, Role::Trait, &[]),
        shape("range", Structure, Role::Trait, &[]),
        shape("pattern", String, Role::Trait, &[]),
        shape("required", Structure, Role::Trait, &[]),
        shape("property", Structure, Role::Trait, &[]),
        shape("notProperty", Structure, Role::Trait, &[]),
        shape("nestedProperties", Structure, Role::Trait, &[]),
        shape("recommended", Structure, Role::Trait, &[]),
        shape("sparse", Structure, Role::Trait, &[]),
        shape("uniqueItems", Structure, Role::Trait, &[]),
        shape("unstable", Structure, Role::Trait, &[]),
        shape("paginated", Structure, Role::Trait, &[]),
        shape("http", Structure, Role::Trait, &[]),
        shape("httpLabel", Structure, Role::Trait, &[]),
        shape("httpQuery", String, Role::Trait, &[]),
        shape("httpQueryParams", Structure, Role::Trait, &[]),
        shape("httpHeader", String, Role::Trait, &[]),
        shape("httpPrefixHeaders", String, Role::Trait, &[]),
        shape("httpPayload", Structure, Role::Trait, &[]),
        shape("httpError", Integer, Role::Trait, &[]),
        shape("httpResponseCode", Structure, Role::Trait, &[]),
        shape("cors", Structure, Role::Trait, &[]),
        shape("NonEmptyStringList", List, Role::Trait, &[]),
        shape("eventPayload", Structure, Role::Trait, &[]),
        shape("eventHeader", Structure, Role::Trait, &[]),
        shape("idRef", Structure, Role::Trait, &[]),
        shape("timestampFormat", Enum, Role::Trait, &[]),
        shape("endpoint", Structure, Role::Trait, &[]),
        shape("hostLabel", Structure, Role::Trait, &[]),
        shape("suppress", List, Role::Trait, &[]),
        shape("httpChecksumRequired", Structure, Role::Trait, &[]),
        shape("input", Structure, Role::Trait, &[]),
        shape("output", Structure, Role::Trait, &[]),
        shape("unitType", Structure, Role::Trait, &[]),
        shape("mixin", Structure, Role::Trait, &[]),
        shape("LocalMixinTraitList", List, Role::Trait, &[]),
        shape("LocalMixinTrait", String, Role::Trait, &[]),
        shape("RequestCompressionEncodingsList", List, Role::Trait, &[]),
        shape("requestCompression", Structure, Role::Trait, &[]),
    ]
};

/// The prelude shape called `name`, if there is one.
pub fn shape_named(name: &str) -> Option<&'static PreludeShape> {
    static INDEX: OnceLock<HashMap<&'static str, &'static PreludeShape>> = OnceLock::new();
    INDEX.get_or_init(|| SHAPES.iter().map(|shape| (shape.name, shape)).collect()).get(name).copied()
}

/// The type of the prelude shape called `name`, if there is one.
pub fn shape_type(name: &str) -> Option<ShapeType> {
    shape_named(name).map(|shape| shape.shape_type)
}

/// The prelude shapes models use as types: what a model may target without defining it.
pub fn types() -> impl Iterator<Item = &'static PreludeShape> {
    SHAPES.iter().filter(|shape| shape.role == Role::Type)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_found() {
        for shape in SHAPES {
            assert_eq!(shape_named(shape.name), Some(shape), "{}", shape.name);
        }
        assert_eq!(shape_type("PrimitiveLong"), Some(ShapeType::Long));
        assert_eq!(shape_type("Nope"), None);
    }

    #[test]
    fn types_carry_their_traits() {
        let names: Vec<&str> = types().map(|shape| shape.name).collect();
        assert_eq!(names.len(), 21);
        assert_eq!(names.first(), Some(&"String"));
        assert_eq!(names.last(), Some(&"Unit"));
        let unit = shape_named("Unit").unwrap();
        assert_eq!(unit.id(), "smithy.api#Unit");
        assert_eq!(Value::Object(unit.trait_values()), serde_json::json!({"smithy.api#unitType": {}}));
        let boolean = shape_named("PrimitiveBoolean").unwrap().trait_values();
        assert_eq!(Value::Object(boolean), serde_json::json!({"smithy.api#default": false}));
        assert!(shape_named("documentation").is_some_and(|s| s.role == Role::Trait && s.traits.is_empty()));
    }
}
