//! The syntax tree of one IDL file, before shape ids are resolved: what the parser
//! produces and the assembler consumes. Offsets are byte offsets in the file.

use smithy_core::ShapeType;

/// A shape id as written (relative or absolute), with where it was written.
#[derive(Debug, Clone)]
pub(crate) struct IdRef {
    pub text: String,
    pub at: usize,
}

/// A node value. Unquoted strings stay shape ids until the assembler resolves them.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub kind: NodeKind,
    pub at: usize,
}

#[derive(Debug, Clone)]
pub(crate) enum NodeKind {
    Null,
    Bool(bool),
    Number(serde_json::Number),
    String(String),
    /// An unquoted shape id (a syntactic shape id), as written.
    ShapeId(String),
    Array(Vec<Node>),
    /// Key/value pairs in source order, keys unique.
    Object(Vec<(String, Node)>),
}

/// A trait application. The id may already be absolute for traits the IDL implies
/// (documentation comments, `@input`/`@output` of inline structures, `= value`).
#[derive(Debug, Clone)]
pub(crate) struct TraitUse {
    pub id: IdRef,
    /// `None` when the value is omitted (`@foo` or `@foo()`); its default depends on the
    /// type of the trait shape.
    pub value: Option<Node>,
}

#[derive(Debug, Clone)]
pub(crate) struct MemberDecl {
    pub name: String,
    pub at: usize,
    /// `None` for an elided member (`$name`), whose target comes from a resource or mixin.
    pub target: Option<IdRef>,
    pub traits: Vec<TraitUse>,
    /// An enum member written without a value, which gets an implicit `enumValue`.
    pub implicit_enum_value: bool,
}

/// A property of a service or resource shape.
#[derive(Debug, Clone)]
pub(crate) enum Property {
    /// `version`
    String(String),
    /// A lifecycle operation such as `read`.
    Ref(IdRef),
    /// `operations`, `resources`, `errors`, ...
    Refs(Vec<IdRef>),
    /// `identifiers` and `properties`: names mapped to shape ids.
    RefMap(Vec<(String, IdRef)>),
    /// `rename`: absolute shape ids mapped to names.
    Rename(Vec<(String, usize, String)>),
}

#[derive(Debug, Clone)]
pub(crate) enum Body {
    /// A simple shape.
    None,
    Members(Vec<MemberDecl>),
    Entity(Vec<(String, Property)>),
    Operation {
        input: Option<IdRef>,
        output: Option<IdRef>,
        errors: Option<Vec<IdRef>>,
    },
}

#[derive(Debug, Clone)]
pub(crate) struct ShapeDecl {
    /// The shape name (an identifier, not yet qualified by the namespace).
    pub name: String,
    pub at: usize,
    pub kind: ShapeType,
    pub traits: Vec<TraitUse>,
    pub mixins: Vec<IdRef>,
    pub for_resource: Option<IdRef>,
    pub body: Body,
}

#[derive(Debug, Clone)]
pub(crate) struct ApplyDecl {
    pub target: IdRef,
    pub traits: Vec<TraitUse>,
}

#[derive(Debug, Clone)]
pub(crate) struct MetadataDecl {
    pub key: String,
    pub at: usize,
    pub value: Node,
}

/// Everything one IDL file says.
#[derive(Debug, Clone, Default)]
pub(crate) struct ModelFile {
    /// The `$version` value, normalised to `"1.0"` or `"2.0"`.
    pub version: Option<String>,
    pub namespace: Option<String>,
    pub uses: Vec<IdRef>,
    pub metadata: Vec<MetadataDecl>,
    pub shapes: Vec<ShapeDecl>,
    pub applies: Vec<ApplyDecl>,
}
