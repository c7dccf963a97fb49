//! The intermediate representation between naming and rendering: every decision a renderer
//! needs, made once.
//!
//! [`build`] turns the indexed, named service into a [`Crate`]: each item's kind and Rust name,
//! each member's Rust name and type, wire name, optionality, default, boxing, sensitivity,
//! deprecation, timestamp format and HTTP binding, each operation's parsed `@http` binding, and
//! every piece of documentation already converted to Markdown. Renderers read this and nothing
//! else: no model types, no trait values, no shape lookups.

mod build;
mod defaults;

use std::collections::BTreeSet;
use std::sync::Arc;

pub(crate) use build::build;
pub(crate) use defaults::node;

/// The whole generated crate.
#[derive(Debug)]
pub(crate) struct Crate {
    /// The service the crate is for.
    pub service: Service,
    /// The structures, unions and enums of `crate::types` and `crate::types::error`, ordered by
    /// shape id.
    pub items: Vec<Item>,
    /// The operations, ordered by shape id.
    pub operations: Vec<Operation>,
    /// The protocol whose HTTP bindings the `http` feature implements, when the crate has them.
    pub protocol: Option<Protocol>,
    /// The pieces of the runtime support code the crate uses.
    pub runtime: BTreeSet<RuntimePiece>,
}

/// What the crate says about its service.
#[derive(Debug)]
pub(crate) struct Service {
    /// The service's shape id.
    pub id: String,
    /// The service's shape name, which RPC protocols put in each request (`X-Amz-Target`,
    /// `/service/{name}/operation/…`).
    pub shape_name: String,
    /// The service's `@xmlNamespace`, the namespace of XML bodies.
    pub xml_namespace: Option<XmlNamespace>,
    /// The service-specific customization the crate applies, if any.
    pub customization: Option<Customization>,
    /// Whether the service is `@awsQueryCompatible`: its errors carry their awsQuery codes.
    pub aws_query_compatible: bool,
    /// Its `@title`, else its shape name.
    pub title: String,
    /// Its API version.
    pub version: String,
    /// Its documentation as Markdown; empty when it has none.
    pub docs: String,
}

/// A service whose clients need more than its protocol: what AWS SDKs add for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Customization {
    /// Amazon S3 (`com.amazonaws.s3#AmazonS3`): bucket addressing and unwrapped outputs.
    S3,
}

/// A protocol the generated crate speaks: the service's protocol trait, or the one preferred
/// when it declares several (see `traits::ProtocolTrait::PREFERENCE`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Protocol {
    /// `aws.protocols#restJson1`.
    RestJson1,
    /// `aws.protocols#awsJson1_0`.
    AwsJson1_0,
    /// `aws.protocols#awsJson1_1`.
    AwsJson1_1,
    /// `aws.protocols#awsQuery`.
    AwsQuery,
    /// `aws.protocols#ec2Query`.
    Ec2Query,
    /// `aws.protocols#restXml`.
    RestXml,
    /// `smithy.protocols#rpcv2Cbor`.
    RpcV2Cbor,
    /// `smithy.protocols#rpcv2Json`.
    RpcV2Json,
}

impl Protocol {
    /// The protocol's name as its trait spells it.
    pub fn name(self) -> &'static str {
        match self {
            Protocol::RestJson1 => "restJson1",
            Protocol::AwsJson1_0 => "awsJson1_0",
            Protocol::AwsJson1_1 => "awsJson1_1",
            Protocol::AwsQuery => "awsQuery",
            Protocol::Ec2Query => "ec2Query",
            Protocol::RestXml => "restXml",
            Protocol::RpcV2Cbor => "rpcv2Cbor",
            Protocol::RpcV2Json => "rpcv2Json",
        }
    }

    /// The protocol trait's shape id, which protocol-test cases name.
    pub fn trait_id(self) -> &'static str {
        match self {
            Protocol::RestJson1 => "aws.protocols#restJson1",
            Protocol::AwsJson1_0 => "aws.protocols#awsJson1_0",
            Protocol::AwsJson1_1 => "aws.protocols#awsJson1_1",
            Protocol::AwsQuery => "aws.protocols#awsQuery",
            Protocol::Ec2Query => "aws.protocols#ec2Query",
            Protocol::RestXml => "aws.protocols#restXml",
            Protocol::RpcV2Cbor => "smithy.protocols#rpcv2Cbor",
            Protocol::RpcV2Json => "smithy.protocols#rpcv2Json",
        }
    }

    /// Whether operations are bound to HTTP by their `@http` traits (the REST protocols), rather
    /// than all sent the same way with the operation named in the request.
    pub fn is_rest(self) -> bool {
        matches!(self, Protocol::RestJson1 | Protocol::RestXml)
    }

    /// Whether `@timestampFormat` applies: the RPC v2 protocols always write epoch seconds.
    pub fn honours_timestamp_format(self) -> bool {
        !matches!(self, Protocol::RpcV2Cbor | Protocol::RpcV2Json)
    }
}

/// A part of the runtime support code that a crate includes only when it uses it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum RuntimePiece {
    /// `primitives::UnknownVariantValue`, for string enums.
    UnknownVariantValue,
    /// `primitives::UnknownIntVariantValue`, for intEnums.
    UnknownIntVariantValue,
    /// `primitives::Blob`.
    Blob,
    /// `primitives::ByteStream`, for streaming blobs.
    ByteStream,
    /// `primitives::DateTime`.
    DateTime,
    /// `primitives::Document`.
    Document,
    /// The error type the big numbers' parsers share; before them, as it defines their macro.
    ParseNumberError,
    /// `primitives::BigInteger`.
    BigInteger,
    /// `primitives::BigDecimal`.
    BigDecimal,
    /// `primitives::EventStream`.
    EventStream,
    /// `primitives::UnknownMember`, for unions.
    UnknownMember,
}

/// The public module a generated item lives in.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Module {
    /// `crate::types`: structures, unions and enums.
    Types,
    /// `crate::types::error`: the structures of errors.
    TypesError,
    /// `crate::operation::<module>`: an operation's input and output; the module name as an
    /// identifier's text (`type`, not `r#type`).
    Operation(String),
}

/// What kind of type a generated item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NamedKind {
    /// A struct with a builder; `fallible` when its `build()` returns a `Result`.
    Structure { fallible: bool },
    /// An enum of a union's members.
    Union,
    /// An open enum of string values.
    StringEnum,
    /// An open enum of integer values.
    IntEnum,
}

/// A generated type, as other code refers to it.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Named {
    /// The type's name.
    pub name: String,
    /// The public module that re-exports it.
    pub module: Module,
    /// The private file module that defines it, e.g. `_email_settings`.
    pub file: String,
    /// What kind of type it is.
    pub kind: NamedKind,
}

impl Named {
    /// The name of its builder, `<Name>Builder`.
    pub fn builder_name(&self) -> String {
        format!("{}Builder", self.name)
    }
}

/// A structure, union or enum of `crate::types` or `crate::types::error`, or an operation's input
/// or output.
#[derive(Debug)]
pub(crate) struct Item {
    /// How the item is named and found.
    pub named: Arc<Named>,
    /// Its documentation as Markdown, never empty, with the note of a rename.
    pub docs: String,
    /// What it is.
    pub kind: ItemKind,
    /// Which messages carry it, so that only the codecs a crate uses are generated.
    pub wire_use: WireUse,
}

/// Which HTTP messages carry values of a type: requests (inputs and what they hold), responses
/// (outputs, errors and what they hold), or both.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct WireUse {
    /// Requests carry it: it is written.
    pub request: bool,
    /// Responses carry it: it is read.
    pub response: bool,
}

/// The kinds of item, each with what its renderer needs.
#[derive(Debug)]
pub(crate) enum ItemKind {
    /// A structure.
    Structure(Structure),
    /// A union.
    Union(Union),
    /// An enum, an intEnum, or a string with `@enum`.
    Enum(Enum),
}

/// A structure's members and role.
#[derive(Debug)]
pub(crate) struct Structure {
    /// The members, in model order.
    pub members: Vec<Member>,
    /// The structure's element name in XML: its `@xmlName`, else its shape name.
    pub xml_name: String,
    /// The structure's `@xmlNamespace`.
    pub xml_namespace: Option<XmlNamespace>,
    /// What the structure is used as.
    pub role: Role,
}

impl Structure {
    /// Whether `build()` can fail: some member is required and has no default.
    pub fn fallible(&self) -> bool {
        self.members.iter().any(Member::is_required_in_builder)
    }

    /// Whether some member is sensitive, so `Debug` is written by hand.
    pub fn sensitive(&self) -> bool {
        self.members.iter().any(|m| m.sensitive)
    }

    /// Whether some member is deprecated, so code that reads every member allows it.
    pub fn any_deprecated(&self) -> bool {
        self.members.iter().any(|m| m.deprecated.is_some())
    }
}

/// What a structure is used as.
#[derive(Debug)]
pub(crate) enum Role {
    /// An ordinary structure of `crate::types`.
    Plain,
    /// An error structure of `crate::types::error`.
    Error(ErrorInfo),
    /// The input of an operation.
    Input,
    /// The output of an operation.
    Output,
}

/// What an error structure says about itself.
#[derive(Debug)]
pub(crate) struct ErrorInfo {
    /// The code that identifies the error on the wire: its shape name, or its `@awsQueryError`
    /// code in an `@awsQueryCompatible` service, whose errors carry that code.
    pub code: String,
    /// The HTTP status the service answers it with.
    pub http_status: u16,
    /// Whether the model marks it `@retryable`.
    pub retryable: bool,
    /// What `@retryable` says of it, if it is applied.
    pub retry: Option<ModeledRetry>,
    /// The code and status `@awsQueryError` gives it, for awsQuery (and awsQuery-compatible) services.
    pub query_error: Option<(String, u16)>,
    /// The index of the member holding its message, if any.
    pub message: Option<usize>,
    /// Whether responses carry it, so it is read from them (errors of event streams are not).
    pub in_responses: bool,
}

/// A member of a structure.
#[derive(Debug)]
pub(crate) struct Member {
    /// The member's name in the model.
    pub model_name: String,
    /// The field, accessor and setter name, as an identifier's text (`type`, not `r#type`).
    pub field: String,
    /// The builder's `set_` method.
    pub set: String,
    /// The builder's `get_` method.
    pub get: String,
    /// Documentation as Markdown, never empty, with the note of a rename.
    pub docs: String,
    /// The value's type.
    pub ty: Type,
    /// Whether the struct field is an `Option`.
    pub optional: bool,
    /// Whether the value sits in a `Box` to break recursion.
    pub boxed: bool,
    /// The value `build()` fills in when the member was not set.
    pub default: Option<DefaultValue>,
    /// Whether `Debug` output must hide the value.
    pub sensitive: bool,
    /// The member's `@deprecated`.
    pub deprecated: Option<Deprecation>,
    /// The member's key in a JSON body.
    pub json_name: String,
    /// How the member is written in XML.
    pub xml: XmlMember,
    /// The member's key in a query string (awsQuery's `@xmlName`, ec2Query's `@ec2QueryName`).
    pub query_name: String,
    /// Where the member travels in an HTTP message.
    pub binding: Binding,
    /// Whether an unset value is filled with a fresh idempotency token.
    pub idempotency_token: bool,
    /// Whether the member fills a label of its operation's `@endpoint` host prefix.
    #[expect(dead_code, reason = "read by the renderers of the protocols being added")]
    pub host_label: bool,
    /// Whether the target has `@mediaType`, which headers carry in base64.
    pub media_type: Option<String>,
}

impl Member {
    /// Whether the builder reports this member as missing when it was not set.
    pub fn is_required_in_builder(&self) -> bool {
        !self.optional && self.default.is_none()
    }
}

/// Where a member of an operation's input, output or error travels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Binding {
    /// A URI label; greedy labels may hold `/`.
    Label { greedy: bool },
    /// A query parameter.
    Query(String),
    /// Query parameters of any name, from a map.
    QueryParams,
    /// A header.
    Header(String),
    /// Headers starting with a prefix, from a map.
    PrefixHeaders(String),
    /// The whole body.
    Payload,
    /// The response's status code.
    ResponseCode,
    /// A member of the body.
    Body,
}

/// The Rust type of a value, before any `Option` for optionality or `Box` for recursion, with
/// what the wire form needs at each level.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Type {
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
    /// `primitives::DateTime`, with the format the model gives it, if any.
    DateTime(Option<TimestampFormat>),
    /// `primitives::Document`.
    Document,
    /// `primitives::BigInteger`.
    BigInteger,
    /// `primitives::BigDecimal`.
    BigDecimal,
    /// `Vec<T>`.
    List(Box<ListType>),
    /// `HashMap<K, V>`.
    Map(Box<MapType>),
    /// `Option<T>`, for the items of sparse lists and maps.
    Sparse(Box<Type>),
    /// `primitives::EventStream<T>`, for `@streaming` unions.
    EventStream(Arc<Named>),
    /// A generated struct or enum.
    Named(Arc<Named>),
}

impl Type {
    /// Whether values are `Copy`, so accessors return them by value.
    pub fn is_copy(&self) -> bool {
        matches!(
            self,
            Type::Bool | Type::I8 | Type::I16 | Type::I32 | Type::I64 | Type::F32 | Type::F64 | Type::DateTime(_)
        )
    }

    /// Visits this type and every type inside it.
    pub fn walk(&self, visit: &mut impl FnMut(&Type)) {
        visit(self);
        match self {
            Type::List(list) => list.item.walk(visit),
            Type::Sparse(inner) => inner.walk(visit),
            Type::Map(map) => {
                map.key.walk(visit);
                map.value.walk(visit);
            }
            _ => {}
        }
    }
}

/// A list's items, and what the XML and query protocols call them.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ListType {
    /// The items' type (`Sparse` for a sparse list).
    pub item: Type,
    /// How the items are written in XML and query strings.
    pub member: XmlMember,
}

/// A map's keys and values, and what the XML and query protocols call them.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct MapType {
    /// The keys' type.
    pub key: Type,
    /// The values' type (`Sparse` for a sparse map).
    pub value: Type,
    /// How keys are written in XML and query strings (`key` unless renamed).
    pub key_member: XmlMember,
    /// How values are written in XML and query strings (`value` unless renamed).
    pub value_member: XmlMember,
}

/// How a member (or a list's items, or a map's keys and values) is written in XML, and what the
/// query protocols call it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct XmlMember {
    /// The element (or attribute) name: `@xmlName`, else the member's name.
    pub name: String,
    /// Whether it is an attribute of its parent rather than an element.
    pub attribute: bool,
    /// Whether a list or map value is written without a wrapping element.
    pub flattened: bool,
    /// The member's `@xmlNamespace`.
    pub namespace: Option<XmlNamespace>,
}

/// An `@xmlNamespace`: a URI and an optional prefix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct XmlNamespace {
    /// The namespace URI.
    pub uri: String,
    /// The prefix, for `xmlns:prefix`; `None` for the default namespace.
    pub prefix: Option<String>,
}

/// A format of `@timestampFormat`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TimestampFormat {
    /// RFC 3339 text.
    DateTime,
    /// IMF-fixdate text.
    HttpDate,
    /// Seconds since the epoch, as a number.
    EpochSeconds,
}

/// A member's `@default`, as a value of the member's type.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum DefaultValue {
    /// `true` or `false`.
    Bool(bool),
    /// Any integer type.
    Integer(i64),
    /// `f32` or `f64`; may be NaN or infinite.
    Float(f64),
    /// A string.
    String(String),
    /// A blob's bytes.
    Blob(Vec<u8>),
    /// A timestamp, as whole seconds and nanoseconds since the epoch.
    Timestamp { seconds: i64, nanos: u32 },
    /// A document.
    Document(Node),
    /// A string enum's value.
    StringEnum(String),
    /// An intEnum's value.
    IntEnum(i32),
    /// A big integer or decimal, as its decimal text.
    BigNumber(String),
    /// An empty list.
    EmptyList,
    /// An empty map.
    EmptyMap,
}

/// A document value, for defaults.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Node {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A non-negative integer.
    PosInt(u64),
    /// A negative integer.
    NegInt(i64),
    /// A number with a fraction or exponent.
    Float(f64),
    /// A string.
    String(String),
    /// A list.
    Array(Vec<Node>),
    /// An object, ordered by key.
    Object(Vec<(String, Node)>),
}

/// What `@deprecated` says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Deprecation {
    /// The note for `#[deprecated(note = …)]`, when the model gives a message or a date.
    pub note: Option<String>,
}

/// A union's members.
#[derive(Debug)]
pub(crate) struct Union {
    /// The members, in model order.
    pub members: Vec<UnionMember>,
    /// The union's element name in XML: its `@xmlName`, else its shape name.
    pub xml_name: String,
}

impl Union {
    /// Whether some member is sensitive, so `Debug` is written by hand.
    pub fn sensitive(&self) -> bool {
        self.members.iter().any(|m| m.sensitive)
    }

    /// Whether some member is deprecated.
    pub fn any_deprecated(&self) -> bool {
        self.members.iter().any(|m| m.deprecated.is_some())
    }
}

/// A member of a union: a variant of its enum.
#[derive(Debug)]
pub(crate) struct UnionMember {
    /// The member's name in the model.
    pub model_name: String,
    /// The variant's name.
    pub variant: String,
    /// The `as_…` accessor; `None` for a member targeting `Unit`, which holds no value.
    pub as_fn: Option<String>,
    /// The `is_…` helper.
    pub is_fn: String,
    /// The value's type; `None` for a member targeting `Unit`.
    pub ty: Option<Type>,
    /// The member's key in a JSON body.
    pub json_name: String,
    /// How the member is written in XML.
    pub xml: XmlMember,
    /// The member's key in a query string.
    pub query_name: String,
    /// Whether the value sits in a `Box` to break recursion.
    pub boxed: bool,
    /// Whether `Debug` output must hide the value.
    pub sensitive: bool,
    /// The member's `@deprecated`.
    pub deprecated: Option<Deprecation>,
    /// Documentation as Markdown, never empty, with the note of a rename.
    pub docs: String,
}

/// An enum's values.
#[derive(Debug)]
pub(crate) struct Enum {
    /// The variants, in model order.
    pub variants: Vec<Variant>,
    /// Whether the values are integers (an intEnum).
    pub int: bool,
    /// Whether the enum is `@sensitive`, so its value is never printed.
    pub sensitive: bool,
}

/// One variant of an enum.
#[derive(Debug)]
pub(crate) struct Variant {
    /// The variant's name.
    pub name: String,
    /// The value on the wire.
    pub value: EnumValue,
    /// Documentation as Markdown, never empty, with the note of a rename.
    pub docs: String,
    /// The value's `@deprecated`.
    pub deprecated: Option<Deprecation>,
}

/// The wire value of an enum variant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum EnumValue {
    /// A string enum's value.
    String(String),
    /// An intEnum's value.
    Int(i32),
}

/// An operation: its module, input, output and errors.
#[derive(Debug)]
pub(crate) struct Operation {
    /// The operation's shape name, as the model writes it.
    pub shape_name: String,
    /// The module under `crate::operation`, as an identifier's text.
    pub module: String,
    /// The module's documentation as Markdown (the operation's, or a sentence naming it).
    pub docs: String,
    /// The first sentence of the operation's documentation, for the crate's list of operations.
    pub summary: String,
    /// The input structure, `<Name>Input`.
    pub input: Item,
    /// Whether the model's input is `Unit` (the operation takes nothing), rather than a
    /// structure, however empty: some protocols then send no body at all.
    pub unit_input: bool,
    /// The output structure, `<Name>Output`.
    pub output: Item,
    /// The error enum's name, `<Name>Error`.
    pub error: String,
    /// The error enum's variants, ordered by name.
    pub errors: Vec<ErrorVariant>,
    /// How the operation travels over HTTP under a REST protocol: its parsed `@http` binding.
    pub http: Option<HttpOperation>,
    /// The `@endpoint` host prefix, piece by piece.
    pub host_prefix: Option<Vec<HostPiece>>,
    /// Whether requests need a `Content-MD5` header (`@httpChecksumRequired`).
    pub checksum_required: bool,
    /// Whether the output's XML is its members' element alone, not wrapped in an element of its
    /// own (S3's `@s3UnwrappedXmlOutput`).
    pub unwrapped_xml_output: bool,
    /// The encodings `@requestCompression` allows for the request body, in order of preference.
    pub request_compression: Vec<String>,
}

/// One variant of an operation's error enum.
#[derive(Debug)]
pub(crate) struct ErrorVariant {
    /// The variant's name.
    pub name: String,
    /// The `is_…` helper's name.
    pub is_fn: String,
    /// The error structure.
    pub named: Arc<Named>,
    /// The code that identifies the error on the wire (see [`ErrorInfo::code`]).
    pub code: String,
    /// The error's shape name, which JSON protocols send as its type (`__type`) even where the
    /// code is an `@awsQueryError` code.
    pub shape_name: String,
    /// Documentation as Markdown, never empty, with the note of a rename.
    pub docs: String,
    /// How to read the error's message, if it has one.
    pub message: Option<MessageField>,
}

/// What `@retryable` says of an error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ModeledRetry {
    /// `@retryable(throttling: true)`.
    Throttling,
    /// `@retryable`.
    Retryable,
}

/// The member of an error structure holding its message.
#[derive(Clone, Debug)]
pub(crate) struct MessageField {
    /// The field's name.
    pub field: String,
    /// Whether the field is an `Option`.
    pub optional: bool,
    /// Whether the member is deprecated.
    pub deprecated: bool,
}

/// An operation's `@http` binding, parsed.
#[derive(Debug)]
pub(crate) struct HttpOperation {
    /// The HTTP method.
    pub method: String,
    /// The URI pattern as the model writes it, for documentation.
    pub uri: String,
    /// The path, piece by piece.
    pub path: Vec<PathPiece>,
    /// The literal query of the pattern, as written after `?`.
    pub literal_query: Option<String>,
}

/// A piece of an operation's URI path.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum PathPiece {
    /// Literal text, written as it is.
    Literal(String),
    /// The value of the input member at this index.
    Label { member: usize, greedy: bool },
}

/// A piece of an operation's host prefix.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum HostPiece {
    /// Literal text.
    Literal(String),
    /// The value of the input member at this index.
    Label(usize),
}
