//! The names and types of the shapes of the Smithy 2.0 prelude (`smithy.api`), needed to
//! resolve relative shape ids and to give omitted trait values their default.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::shape_id::ShapeType;

/// The namespace of the prelude.
pub(crate) const NAMESPACE: &str = "smithy.api";

/// Every shape the prelude defines, with its type.
pub(crate) const SHAPES: &[(&str, ShapeType)] = {
    use ShapeType::*;
    &[
        // Simple shapes and their deprecated primitive variants.
        ("String", String),
        ("Blob", Blob),
        ("BigInteger", BigInteger),
        ("BigDecimal", BigDecimal),
        ("Timestamp", Timestamp),
        ("Document", Document),
        ("Boolean", Boolean),
        ("Byte", Byte),
        ("Short", Short),
        ("Integer", Integer),
        ("Long", Long),
        ("Float", Float),
        ("Double", Double),
        ("PrimitiveBoolean", Boolean),
        ("PrimitiveByte", Byte),
        ("PrimitiveShort", Short),
        ("PrimitiveInteger", Integer),
        ("PrimitiveLong", Long),
        ("PrimitiveFloat", Float),
        ("PrimitiveDouble", Double),
        ("Unit", Structure),
        // Traits and the private shapes that define them.
        ("trait", Structure),
        ("TraitDiffRules", List),
        ("TraitDiffRule", Structure),
        ("TraitChangeType", Enum),
        ("Severity", Enum),
        ("StructurallyExclusive", Enum),
        ("deprecated", Structure),
        ("box", Structure),
        ("documentation", String),
        ("externalDocumentation", Map),
        ("auth", List),
        ("AuthTraitReference", String),
        ("protocolDefinition", Structure),
        ("TraitShapeIdList", List),
        ("TraitShapeId", String),
        ("authDefinition", Structure),
        ("httpBasicAuth", Structure),
        ("httpDigestAuth", Structure),
        ("httpBearerAuth", Structure),
        ("httpApiKeyAuth", Structure),
        ("traitValidators", Map),
        ("TraitValidator", Structure),
        ("metadata", Structure),
        ("ShapeClosures", List),
        ("ShapeClosure", Structure),
        ("ClosureId", String),
        ("Namespaces", List),
        ("Renames", Map),
        ("CommonMark", String),
        ("Identifier", String),
        ("default", Document),
        ("addedDefault", Structure),
        ("clientOptional", Structure),
        ("HttpApiKeyLocations", Enum),
        ("optionalAuth", Structure),
        ("examples", List),
        ("Example", Structure),
        ("ExampleError", Structure),
        ("error", Enum),
        ("retryable", Structure),
        ("readonly", Structure),
        ("idempotent", Structure),
        ("IdempotentErrors", List),
        ("idempotencyToken", Structure),
        ("internal", Structure),
        ("jsonName", String),
        ("xmlAttribute", Structure),
        ("xmlFlattened", Structure),
        ("xmlName", String),
        ("xmlNamespace", Structure),
        ("NonEmptyString", String),
        ("noReplace", Structure),
        ("mediaType", String),
        ("references", List),
        ("Reference", Structure),
        ("NonEmptyStringMap", Map),
        ("resourceIdentifier", String),
        ("private", Structure),
        ("sensitive", Structure),
        ("since", String),
        ("streaming", Structure),
        ("requiresLength", Structure),
        ("longPoll", Structure),
        ("tags", List),
        ("title", String),
        ("enum", List),
        ("EnumDefinition", Structure),
        ("EnumConstantBodyName", String),
        ("enumValue", Document),
        ("length", Structure),
        ("range", Structure),
        ("pattern", String),
        ("required", Structure),
        ("property", Structure),
        ("notProperty", Structure),
        ("nestedProperties", Structure),
        ("recommended", Structure),
        ("sparse", Structure),
        ("uniqueItems", Structure),
        ("unstable", Structure),
        ("paginated", Structure),
        ("http", Structure),
        ("httpLabel", Structure),
        ("httpQuery", String),
        ("httpQueryParams", Structure),
        ("httpHeader", String),
        ("httpPrefixHeaders", String),
        ("httpPayload", Structure),
        ("httpError", Integer),
        ("httpResponseCode", Structure),
        ("cors", Structure),
        ("NonEmptyStringList", List),
        ("eventPayload", Structure),
        ("eventHeader", Structure),
        ("idRef", Structure),
        ("timestampFormat", Enum),
        ("endpoint", Structure),
        ("hostLabel", Structure),
        ("suppress", List),
        ("httpChecksumRequired", Structure),
        ("input", Structure),
        ("output", Structure),
        ("unitType", Structure),
        ("mixin", Structure),
        ("LocalMixinTraitList", List),
        ("LocalMixinTrait", String),
        ("RequestCompressionEncodingsList", List),
        ("requestCompression", Structure),
    ]
};

/// The type of the prelude shape called `name`, if there is one.
pub(crate) fn shape_type(name: &str) -> Option<ShapeType> {
    static INDEX: OnceLock<HashMap<&'static str, ShapeType>> = OnceLock::new();
    INDEX.get_or_init(|| SHAPES.iter().copied().collect()).get(name).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The list above must name exactly the shapes of the prelude file in `../shared`
    /// (skipped when it is absent).
    #[test]
    fn matches_the_prelude_file() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/smithy/trait-defs/prelude.smithy");
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("note: {} is absent; prelude check skipped", path.display());
            return;
        };
        // The file assembles on top of the built-in prelude...
        if let Err(e) = crate::Assembler::new().add_idl("prelude.smithy", text.clone()).assemble() {
            panic!("{e}");
        }
        // ...and defines the same shapes, with the same types.
        let files = [crate::diagnostic::SourceFile::new("prelude.smithy".into(), text)];
        let mut reporter = crate::diagnostic::Reporter::new(&files);
        let model = crate::parser::parse(&files[0].text, 0, &mut reporter);
        assert_eq!(reporter.count(), 0);
        let mut from_file: Vec<(String, ShapeType)> =
            model.shapes.iter().map(|shape| (shape.name.clone(), shape.kind)).collect();
        let mut built_in: Vec<(String, ShapeType)> = SHAPES.iter().map(|&(n, t)| (n.to_string(), t)).collect();
        from_file.sort_by(|a, b| a.0.cmp(&b.0));
        built_in.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(from_file, built_in);
    }
}
