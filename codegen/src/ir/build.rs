//! Builds the IR from the indexed model and its names: the one place that reads shapes and trait
//! values on behalf of the renderers.

use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;
use std::sync::Arc;

use super::defaults::default_value;
use super::{
    Binding, Crate, Customization, Deprecation, Enum, EnumValue, ErrorInfo, ErrorVariant, HostPiece, HttpOperation,
    Item, ItemKind, ListType, MapType, Member, MessageField, ModeledRetry, Module, Named, NamedKind, Operation,
    PathPiece, Protocol, Role, RuntimePiece, Service, Structure, TimestampFormat, Type, Union, UnionMember, Variant,
    WireUse, XmlMember, XmlNamespace,
};
use crate::diagnostics::Diagnostics;
use crate::http_pattern::{self, Segment};
use crate::index::ServiceIndex;
use crate::model::{Member as ModelMember, Shape, ShapeId, ShapeKind, Traits};
use crate::symbols::{ItemName, OperationNames, Rename, Symbols};
use crate::traits::{self, ErrorFault, ProtocolTrait};

/// Builds the IR of the service `index` reaches, named by `symbols`.
///
/// Fails only on model problems that the validation stage is meant to catch first (a `@default`
/// that does not fit its type, an `@http` binding that cannot be parsed); they are reported here
/// too, so no model reaches the renderers half-understood.
pub(crate) fn build(index: &ServiceIndex<'_>, symbols: &Symbols) -> Result<Crate, Diagnostics> {
    let protocol = index.service.traits.protocols().first().map(|protocol| match protocol {
        ProtocolTrait::RestJson1 => Protocol::RestJson1,
        ProtocolTrait::AwsJson1_0 => Protocol::AwsJson1_0,
        ProtocolTrait::AwsJson1_1 => Protocol::AwsJson1_1,
        ProtocolTrait::AwsQuery => Protocol::AwsQuery,
        ProtocolTrait::Ec2Query => Protocol::Ec2Query,
        ProtocolTrait::RestXml => Protocol::RestXml,
        ProtocolTrait::RpcV2Cbor => Protocol::RpcV2Cbor,
        ProtocolTrait::RpcV2Json => Protocol::RpcV2Json,
    });
    let mut builder = Builder {
        index,
        symbols,
        protocol,
        named: HashMap::new(),
        docs: HashMap::new(),
        diagnostics: Diagnostics::new(),
    };
    for (id, name) in symbols.items() {
        let kind = builder.named_kind(id);
        let named =
            Arc::new(Named { name: name.name.clone(), module: name.module.clone(), file: name.file.clone(), kind });
        builder.named.insert(id.clone(), named);
    }

    let mut items = Vec::new();
    for (id, name) in symbols.items() {
        let shape = index.shape(id);
        let role = match name.module {
            Module::TypesError => Role::Error(builder.error_info(shape)),
            _ => Role::Plain,
        };
        items.push(builder.item(shape, name, builder.named[id].clone(), role));
    }
    let operations = symbols.operations().iter().map(|names| builder.operation(names)).collect();
    let service = builder.service();
    let mut krate = Crate { service, items, operations, protocol, runtime: BTreeSet::new() };
    krate.runtime = runtime_pieces(&krate);
    mark_wire_use(&mut krate);
    builder.diagnostics.into_result(krate)
}

/// What the builder carries from item to item.
struct Builder<'a> {
    index: &'a ServiceIndex<'a>,
    symbols: &'a Symbols,
    protocol: Option<Protocol>,
    /// The named types, by shape.
    named: HashMap<ShapeId, Arc<Named>>,
    /// Documentation converted to Markdown, by shape, so each shape's is converted once.
    docs: HashMap<ShapeId, Option<Rc<str>>>,
    diagnostics: Diagnostics,
}

impl Builder<'_> {
    fn named_kind(&self, id: &ShapeId) -> NamedKind {
        let shape = self.index.shape(id);
        match &shape.kind {
            ShapeKind::Structure(members) => NamedKind::Structure { fallible: self.fallible(shape, members) },
            ShapeKind::Union(_) => NamedKind::Union,
            ShapeKind::IntEnum(_) => NamedKind::IntEnum,
            _ => NamedKind::StringEnum,
        }
    }

    /// Whether a structure's `build()` can fail: some member is neither optional nor defaulted.
    fn fallible(&self, shape: &Shape, members: &[ModelMember]) -> bool {
        members.iter().any(|m| !optional(shape, m) && m.traits.default_value().is_none())
    }

    /// The Markdown documentation of a shape, converted once.
    fn shape_docs(&mut self, shape: &Shape) -> Option<Rc<str>> {
        if let Some(docs) = self.docs.get(&shape.id) {
            return docs.clone();
        }
        let docs = markdown(shape.traits.documentation()).map(Rc::from);
        self.docs.insert(shape.id.clone(), docs.clone());
        docs
    }

    fn service(&mut self) -> Service {
        let shape = self.index.service;
        let version = match &shape.kind {
            ShapeKind::Service(service) => service.version.clone(),
            _ => String::new(),
        };
        Service {
            id: shape.id.to_string(),
            shape_name: shape.id.name().to_owned(),
            xml_namespace: shape.traits.xml_namespace().map(xml_namespace),
            // AWS SDKs recognise S3 by its shape id, whatever its model calls it otherwise.
            customization: (shape.id.to_string() == "com.amazonaws.s3#AmazonS3").then_some(Customization::S3),
            aws_query_compatible: shape.traits.is_aws_query_compatible(),
            title: shape.traits.title().unwrap_or(shape.id.name()).to_owned(),
            version,
            docs: self.shape_docs(shape).as_deref().unwrap_or_default().to_owned(),
        }
    }

    /// A structure, union or enum item.
    fn item(&mut self, shape: &Shape, name: &ItemName, named: Arc<Named>, role: Role) -> Item {
        let fallback = match (&shape.kind, &role) {
            (ShapeKind::Union(_), _) => format!("The `{}` union.", shape.id.name()),
            (ShapeKind::Structure(_), _) => format!("The `{}` structure.", shape.id.name()),
            _ => format!("The `{}` enumeration.", shape.id.name()),
        };
        let docs = self.shape_docs(shape);
        let docs = with_rename(docs.as_deref(), fallback, name.rename.as_ref());
        let kind = match &shape.kind {
            ShapeKind::Structure(members) => ItemKind::Structure(self.structure(shape, members, role)),
            ShapeKind::Union(members) => ItemKind::Union(self.union(shape, members)),
            _ => ItemKind::Enum(self.enumeration(shape)),
        };
        Item { named, docs, kind, wire_use: WireUse::default() }
    }

    fn structure(&mut self, shape: &Shape, members: &[ModelMember], role: Role) -> Structure {
        let direction = match role {
            Role::Input => Some(Direction::Request),
            Role::Output | Role::Error(_) => Some(Direction::Response),
            Role::Plain => None,
        };
        let names = self.symbols.members(&shape.id);
        let members = members
            .iter()
            .zip(names)
            .map(|(member, name)| {
                let target = self.index.shape(&member.target);
                let optional = optional(shape, member);
                let default = match member.traits.default_value() {
                    Some(value) if !optional => match default_value(value, target) {
                        Ok(default) => Some(default),
                        Err(problem) => {
                            self.diagnostics.push(self.index.model.diagnostic(
                                &shape.id,
                                Some(&member.name),
                                format!("has a `@default` that {problem}"),
                            ));
                            None
                        }
                    },
                    _ => None,
                };
                let docs = match member.traits.documentation() {
                    Some(doc) => markdown(Some(doc)).map(Rc::from),
                    None => self.shape_docs(target),
                };
                let docs = with_rename(docs.as_deref(), format!("The `{}` member.", member.name), name.rename.as_ref());
                Member {
                    model_name: member.name.clone(),
                    field: name.field.clone(),
                    set: name.set.clone(),
                    get: name.get.clone(),
                    docs,
                    ty: self.value_type(member),
                    optional,
                    boxed: self.index.is_boxed(&shape.id, &member.name),
                    default,
                    sensitive: member.traits.is_sensitive()
                        || shape.traits.is_sensitive()
                        || self.is_sensitive_target(&member.target),
                    deprecated: deprecation(&member.traits),
                    json_name: self.json_name(member),
                    xml: xml_member(member, &member.name),
                    query_name: self.query_name(member),
                    binding: match (direction, self.protocol) {
                        (Some(direction), Some(protocol)) if protocol.is_rest() => self.binding(member, direction),
                        _ => Binding::Body,
                    },
                    idempotency_token: member.traits.is_idempotency_token(),
                    host_label: member.traits.is_host_label(),
                    media_type: target.traits.media_type().map(str::to_owned),
                }
            })
            .collect();
        let xml_name = shape.traits.xml_name().unwrap_or(shape.id.name()).to_owned();
        let xml_namespace = shape.traits.xml_namespace().map(xml_namespace);
        let mut structure = Structure { members, xml_name, xml_namespace, role };
        if let Role::Error(info) = &mut structure.role {
            info.message = structure
                .members
                .iter()
                .position(|m| m.model_name.eq_ignore_ascii_case("message") && m.ty == Type::String);
        }
        structure
    }

    fn union(&mut self, shape: &Shape, members: &[ModelMember]) -> Union {
        let names = self.symbols.union_members(&shape.id);
        let members = members
            .iter()
            .zip(names)
            .map(|(member, name)| {
                let target = self.index.shape(&member.target);
                let unit = target.traits.is_unit_type();
                let docs = match member.traits.documentation() {
                    Some(doc) => markdown(Some(doc)).map(Rc::from),
                    None => self.shape_docs(target),
                };
                let docs = with_rename(docs.as_deref(), format!("The `{}` member.", member.name), name.rename.as_ref());
                UnionMember {
                    model_name: member.name.clone(),
                    variant: name.variant.clone(),
                    as_fn: (!unit).then(|| name.as_fn.clone()),
                    is_fn: name.is_fn.clone(),
                    ty: (!unit).then(|| self.value_type(member)),
                    json_name: self.json_name(member),
                    xml: xml_member(member, &member.name),
                    query_name: self.query_name(member),
                    boxed: self.index.is_boxed(&shape.id, &member.name),
                    sensitive: member.traits.is_sensitive()
                        || shape.traits.is_sensitive()
                        || self.is_sensitive_target(&member.target),
                    deprecated: deprecation(&member.traits),
                    docs,
                }
            })
            .collect();
        Union { members, xml_name: shape.traits.xml_name().unwrap_or(shape.id.name()).to_owned() }
    }

    fn enumeration(&mut self, shape: &Shape) -> Enum {
        let int = matches!(shape.kind, ShapeKind::IntEnum(_));
        let names = self.symbols.variants(&shape.id);
        let values: Vec<(EnumValue, Option<String>, Option<Deprecation>)> = match &shape.kind {
            ShapeKind::Enum(members) | ShapeKind::IntEnum(members) => members
                .iter()
                .map(|member| {
                    let value = if int {
                        EnumValue::Int(member.traits.enum_int_value().unwrap_or_default())
                    } else {
                        let value = member.traits.enum_string_value().unwrap_or(&member.name);
                        EnumValue::String(value.to_owned())
                    };
                    (value, markdown(member.traits.documentation()), deprecation(&member.traits))
                })
                .collect(),
            _ => shape
                .traits
                .enum_definitions()
                .unwrap_or_default()
                .into_iter()
                .map(|definition| {
                    let deprecated = definition.deprecated.then(Deprecation::default);
                    let docs = markdown(definition.documentation.as_deref());
                    (EnumValue::String(definition.value), docs, deprecated)
                })
                .collect(),
        };
        let variants = values
            .into_iter()
            .zip(names)
            .map(|((value, docs, deprecated), name)| {
                let fallback = match &value {
                    EnumValue::String(text) => crate::docs::code_span(text),
                    EnumValue::Int(number) => format!("`{number}`"),
                };
                let docs = with_rename(docs.as_deref(), fallback, name.rename.as_ref());
                Variant { name: name.name.clone(), value, docs, deprecated }
            })
            .collect();
        Enum { variants, int, sensitive: shape.traits.is_sensitive() }
    }

    fn error_info(&self, shape: &Shape) -> ErrorInfo {
        let fault_status = match shape.traits.error_fault() {
            Some(ErrorFault::Server) => 500,
            _ => 400,
        };
        ErrorInfo {
            code: self.error_code(shape),
            http_status: shape.traits.http_error().unwrap_or(fault_status),
            retryable: shape.traits.is_retryable(),
            retry: match (shape.traits.is_retryable(), shape.traits.is_throttling()) {
                (_, true) => Some(ModeledRetry::Throttling),
                (true, false) => Some(ModeledRetry::Retryable),
                (false, false) => None,
            },
            query_error: shape.traits.aws_query_error().map(|error| (error.code, error.http_status)),
            message: None,
            in_responses: self.index.errors.contains(&shape.id),
        }
    }

    /// The code that identifies an error on the wire: its shape name, or, in an
    /// `@awsQueryCompatible` service, its `@awsQueryError` code, which such services send in
    /// `x-amzn-query-error` so that clients written for the awsQuery protocol keep working.
    fn error_code(&self, shape: &Shape) -> String {
        match shape.traits.aws_query_error() {
            Some(error) if self.index.service.traits.is_aws_query_compatible() => error.code,
            _ => shape.id.name().to_owned(),
        }
    }

    fn operation(&mut self, names: &OperationNames) -> Operation {
        let index = self.index;
        let shape = index.shape(&names.shape);
        let bindings = index.operation(shape);
        let shape_name = shape.id.name().to_owned();
        let operation_item = |builder: &mut Self, id: &ShapeId, name: &ItemName, role: Role, what: &str| {
            let structure = index.shape(id);
            let members = structure.kind.members();
            let named = Arc::new(Named {
                name: name.name.clone(),
                module: name.module.clone(),
                file: name.file.clone(),
                kind: NamedKind::Structure { fallible: builder.fallible(structure, members) },
            });
            let mut item = builder.item(structure, name, named, role);
            let model_docs = builder.shape_docs(structure);
            item.docs = match model_docs {
                Some(docs) => docs.to_string(),
                None => format!("The {what} of the `{shape_name}` operation."),
            };
            if structure.id.name() != name.name && !structure.id.is_prelude() {
                let note = format!("*The `{}` structure in the model.*", structure.id);
                item.docs.push_str(&format!("\n\n{}", crate::docs::wrap_prose(&note)));
            }
            item
        };
        let input = operation_item(self, &bindings.input, &names.input, Role::Input, "input");
        let output = operation_item(self, &bindings.output, &names.output, Role::Output, "output");
        let errors = names
            .error_variants
            .iter()
            .map(|variant| {
                let error_shape = index.shape(&variant.shape);
                let named = self.named[&variant.shape].clone();
                let docs = self.shape_docs(error_shape);
                let fallback = format!("The `{}` error.", error_shape.id.name());
                let member_names = self.symbols.members(&variant.shape);
                let message = error_shape.kind.members().iter().zip(member_names).find_map(|(member, name)| {
                    let is_string = matches!(index.shape(&member.target).kind, ShapeKind::String)
                        && index.shape(&member.target).traits.enum_definitions().is_none();
                    (member.name.eq_ignore_ascii_case("message") && is_string).then(|| MessageField {
                        field: name.field.clone(),
                        optional: optional(error_shape, member),
                        deprecated: member.traits.deprecation().is_some(),
                    })
                });
                ErrorVariant {
                    name: variant.name.clone(),
                    is_fn: variant.is_fn.clone(),
                    named,
                    code: self.error_code(error_shape),
                    shape_name: error_shape.id.name().to_owned(),
                    docs: with_rename(docs.as_deref(), fallback, variant.rename.as_ref()),
                    message,
                }
            })
            .collect();
        let docs = self.shape_docs(shape);
        let summary = docs.as_deref().map(first_sentence).unwrap_or_default();
        let docs = docs.map_or_else(|| format!("The `{shape_name}` operation."), |docs| docs.to_string());
        let http = match self.protocol {
            Some(protocol) if protocol.is_rest() => self.http_operation(shape, &input),
            _ => None,
        };
        let host_prefix = self.host_prefix(shape);
        Operation {
            shape_name,
            module: names.module.clone(),
            docs,
            summary,
            input,
            unit_input: index.shape(&bindings.input).traits.is_unit_type(),
            output,
            error: names.error.clone(),
            errors,
            http,
            host_prefix,
            checksum_required: shape.traits.is_http_checksum_required(),
            unwrapped_xml_output: shape.traits.is_s3_unwrapped_xml_output(),
            request_compression: shape.traits.request_compression().unwrap_or_default(),
        }
    }

    /// The operation's `@http` binding with its labels resolved to input members.
    fn http_operation(&mut self, shape: &Shape, input: &Item) -> Option<HttpOperation> {
        let http = shape.traits.http()?;
        let ItemKind::Structure(structure) = &input.kind else { unreachable!("an input is a structure") };
        let input_shape = self.index.shape(&self.index.operation(shape).input);
        let model_members = input_shape.kind.members();
        let fail = |builder: &mut Self, message: String| {
            builder.diagnostics.push(builder.index.model.diagnostic(&shape.id, None, message));
            None
        };
        let pattern = match http_pattern::parse_uri_pattern(&http.uri) {
            Ok(pattern) => pattern,
            Err(problem) => return fail(self, problem),
        };
        let mut path = Vec::new();
        let mut literal = String::new();
        for segment in &pattern.segments {
            literal.push('/');
            match segment {
                Segment::Literal(text) => literal.push_str(text),
                Segment::Label { name, greedy } => {
                    let found = model_members.iter().position(|m| &m.name == name && m.traits.is_http_label());
                    let Some(member) = found else {
                        return fail(self, format!("the URI label `{{{name}}}` has no `@httpLabel` input member"));
                    };
                    path.push(PathPiece::Literal(std::mem::take(&mut literal)));
                    path.push(PathPiece::Label { member, greedy: *greedy });
                }
            }
        }
        if pattern.segments.is_empty() || pattern.trailing_slash {
            literal.push('/');
        }
        if !literal.is_empty() {
            path.push(PathPiece::Literal(literal));
        }
        path.retain(|piece| !matches!(piece, PathPiece::Literal(text) if text.is_empty()));
        let literal_query = http.uri.split_once('?').map(|(_, query)| query.to_owned());
        let _ = structure;
        Some(HttpOperation { method: http.method, uri: http.uri, path, literal_query })
    }

    /// The operation's `@endpoint` host prefix with its labels resolved to input members.
    fn host_prefix(&mut self, shape: &Shape) -> Option<Vec<HostPiece>> {
        let prefix = shape.traits.host_prefix()?;
        let input_shape = self.index.shape(&self.index.operation(shape).input);
        let model_members = input_shape.kind.members();
        let mut fail = |message: String| {
            self.diagnostics.push(self.index.model.diagnostic(&shape.id, None, message));
            None
        };
        let prefix = match http_pattern::parse_host_prefix(prefix) {
            Ok(prefix) => prefix,
            Err(problem) => return fail(problem),
        };
        let mut pieces = Vec::new();
        for piece in prefix.pieces {
            pieces.push(match piece {
                http_pattern::HostPiece::Literal(text) => HostPiece::Literal(text),
                http_pattern::HostPiece::Label(name) => {
                    match model_members.iter().position(|m| m.name == name && m.traits.is_host_label()) {
                        Some(member) => HostPiece::Label(member),
                        None => {
                            return fail(format!(
                                "the host prefix label `{{{name}}}` has no `@hostLabel` input member"
                            ));
                        }
                    }
                }
            });
        }
        Some(pieces)
    }

    /// Where a member travels: labels and query parameters exist only in requests, status codes
    /// only in responses; members bound to the other direction's parts travel in the body.
    fn binding(&self, member: &ModelMember, direction: Direction) -> Binding {
        let traits = &member.traits;
        let binding = if traits.is_http_label() {
            Binding::Label { greedy: false }
        } else if let Some(name) = traits.http_query() {
            Binding::Query(name.to_owned())
        } else if traits.is_http_query_params() {
            Binding::QueryParams
        } else if let Some(name) = traits.http_header() {
            Binding::Header(name.to_owned())
        } else if let Some(prefix) = traits.http_prefix_headers() {
            Binding::PrefixHeaders(prefix.to_owned())
        } else if traits.is_http_payload() {
            Binding::Payload
        } else if traits.is_http_response_code() {
            Binding::ResponseCode
        } else {
            Binding::Body
        };
        match (direction, binding) {
            (Direction::Response, Binding::Label { .. } | Binding::Query(_) | Binding::QueryParams) => Binding::Body,
            (Direction::Request, Binding::ResponseCode) => Binding::Body,
            (_, binding) => binding,
        }
    }

    /// A member's key in JSON: restJson1 honours `@jsonName`; the awsJson protocols do not.
    fn json_name(&self, member: &ModelMember) -> String {
        match member.traits.json_name() {
            Some(name) if self.protocol == Some(Protocol::RestJson1) => name.to_owned(),
            _ => member.name.clone(),
        }
    }

    /// A member's key in a query string: ec2Query takes `@ec2QueryName`, else the `@xmlName` or
    /// the member name with its first letter capitalized; awsQuery takes `@xmlName`, else the
    /// member name.
    fn query_name(&self, member: &ModelMember) -> String {
        let traits = &member.traits;
        match self.protocol {
            Some(Protocol::Ec2Query) => match traits.ec2_query_name() {
                Some(name) => name.to_owned(),
                None => capitalize(traits.xml_name().unwrap_or(&member.name)),
            },
            _ => traits.xml_name().unwrap_or(&member.name).to_owned(),
        }
    }

    /// The type of a member's value: its target's, with the member's own `@timestampFormat`.
    fn value_type(&self, member: &ModelMember) -> Type {
        self.type_of(&member.target, &member.traits)
    }

    /// The Rust type of values of `target` reached through a member with `traits`.
    ///
    /// Collections nest only finitely deep: validation refuses cycles of lists and maps alone
    /// and nesting deeper than rustc can compile, so the recursion is bounded.
    fn type_of(&self, target: &ShapeId, traits: &Traits) -> Type {
        let shape = self.index.shape(target);
        let sparse = |shape: &Shape, item: Type| {
            if shape.traits.is_sparse() { Type::Sparse(Box::new(item)) } else { item }
        };
        match &shape.kind {
            ShapeKind::String if shape.traits.enum_definitions().is_some() => Type::Named(self.named[target].clone()),
            ShapeKind::String => Type::String,
            ShapeKind::Boolean => Type::Bool,
            ShapeKind::Byte => Type::I8,
            ShapeKind::Short => Type::I16,
            ShapeKind::Integer => Type::I32,
            ShapeKind::Long => Type::I64,
            ShapeKind::Float => Type::F32,
            ShapeKind::Double => Type::F64,
            ShapeKind::Blob if shape.traits.is_streaming() => Type::ByteStream,
            ShapeKind::Blob => Type::Blob,
            ShapeKind::Timestamp => {
                let format = traits.timestamp_format().or(shape.traits.timestamp_format());
                let format = format.filter(|_| self.protocol.is_none_or(Protocol::honours_timestamp_format));
                Type::DateTime(format.map(|format| match format {
                    traits::TimestampFormat::DateTime => TimestampFormat::DateTime,
                    traits::TimestampFormat::HttpDate => TimestampFormat::HttpDate,
                    traits::TimestampFormat::EpochSeconds => TimestampFormat::EpochSeconds,
                }))
            }
            ShapeKind::Document => Type::Document,
            ShapeKind::BigInteger => Type::BigInteger,
            ShapeKind::BigDecimal => Type::BigDecimal,
            ShapeKind::List(member) => Type::List(Box::new(ListType {
                item: sparse(shape, self.value_type(member)),
                member: xml_member(member, "member"),
            })),
            ShapeKind::Map([key, value]) => Type::Map(Box::new(MapType {
                key: self.value_type(key),
                value: sparse(shape, self.value_type(value)),
                key_member: xml_member(key, "key"),
                value_member: xml_member(value, "value"),
            })),
            ShapeKind::Union(_) if shape.traits.is_streaming() => Type::EventStream(self.named[target].clone()),
            ShapeKind::Structure(_) | ShapeKind::Union(_) | ShapeKind::Enum(_) | ShapeKind::IntEnum(_) => {
                Type::Named(self.named[target].clone())
            }
            ShapeKind::Service(_) | ShapeKind::Operation(_) | ShapeKind::Resource(_) => {
                unreachable!("`{target}` is a {}, which the loader refuses as a target", shape.kind.type_name())
            }
        }
    }

    /// Whether values of `target` are sensitive: the shape is `@sensitive`, or holds sensitive
    /// items (collections nest only finitely deep, as for [`Builder::type_of`]).
    fn is_sensitive_target(&self, target: &ShapeId) -> bool {
        let shape = self.index.shape(target);
        shape.traits.is_sensitive()
            || match &shape.kind {
                ShapeKind::List(member) => member.traits.is_sensitive() || self.is_sensitive_target(&member.target),
                ShapeKind::Map(members) => {
                    members.iter().any(|m| m.traits.is_sensitive() || self.is_sensitive_target(&m.target))
                }
                _ => false,
            }
    }
}

/// `name` with its first letter in upper case.
fn capitalize(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// How a member is written in XML: its `@xmlName` (else `default`), `@xmlAttribute`,
/// `@xmlFlattened` and `@xmlNamespace`.
fn xml_member(member: &ModelMember, default: &str) -> XmlMember {
    let traits = &member.traits;
    XmlMember {
        name: traits.xml_name().unwrap_or(default).to_owned(),
        attribute: traits.is_xml_attribute(),
        flattened: traits.is_xml_flattened(),
        namespace: traits.xml_namespace().map(xml_namespace),
    }
}

fn xml_namespace(namespace: traits::XmlNamespace) -> XmlNamespace {
    XmlNamespace { uri: namespace.uri, prefix: namespace.prefix }
}

/// Which way a structure travels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Direction {
    Request,
    Response,
}

/// Smithy 2.0 client optionality: `@clientOptional` and `@input` structures make every member
/// optional; otherwise `@required` or a `@default` make it non-optional. A default marked
/// `@addedDefault` was added after the member shipped as optional, and stays so, so that
/// regenerating never changes a field's type.
fn optional(container: &Shape, member: &ModelMember) -> bool {
    member.traits.is_client_optional()
        || container.traits.is_input()
        || member.traits.is_added_default()
        || !(member.traits.is_required() || member.traits.default_value().is_some())
}

fn deprecation(traits: &Traits) -> Option<Deprecation> {
    traits.deprecation().map(|deprecation| Deprecation { note: deprecation.note() })
}

/// Model documentation as rustdoc Markdown; `None` when there is none or it converts to nothing.
fn markdown(doc: Option<&str>) -> Option<String> {
    let markdown = crate::docs::to_markdown(doc?);
    (!markdown.trim().is_empty()).then_some(markdown)
}

/// Documentation, or `fallback` when there is none, ending with the note of a rename.
fn with_rename(docs: Option<&str>, fallback: String, rename: Option<&Rename>) -> String {
    let mut docs = docs.map_or_else(|| crate::docs::wrap_prose(&fallback), str::to_owned);
    if let Some(rename) = rename {
        docs.push_str("\n\n");
        docs.push_str(&crate::docs::wrap_prose(&rename.note()));
    }
    docs
}

/// The first sentence of a Markdown paragraph, for one-line summaries: cut at a sentence end
/// outside any code span or link, and empty when the paragraph is a code block.
pub(crate) fn first_sentence(markdown: &str) -> String {
    let paragraph = markdown.split("\n\n").next().unwrap_or_default();
    if paragraph.starts_with("```") {
        return String::new();
    }
    let paragraph = paragraph.replace('\n', " ");
    let (mut ticks, mut brackets, mut parens) = (0usize, 0i32, 0i32);
    let mut previous = ' ';
    for (i, c) in paragraph.char_indices() {
        match c {
            '`' if previous != '\\' => ticks += 1,
            '[' if previous != '\\' => brackets += 1,
            ']' if previous != '\\' => brackets -= 1,
            '(' => parens += 1,
            ')' => parens -= 1,
            ' ' if previous == '.' && ticks % 2 == 0 && brackets == 0 && parens == 0 => {
                return paragraph[..i].to_owned();
            }
            _ => {}
        }
        previous = c;
    }
    paragraph
}

/// Marks which items requests and responses carry: an operation's input and what it holds go in
/// requests; its output, its errors and what they hold come in responses.
fn mark_wire_use(krate: &mut Crate) {
    let index: HashMap<(Module, String), usize> = krate
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| ((item.named.module.clone(), item.named.name.clone()), i))
        .collect();
    // The items reached from `start`, each once: recursion through shapes ends at a seen item.
    let reach = |krate: &Crate, start: &Item, seen: &mut Vec<bool>| {
        let mut pending = vec![start];
        while let Some(item) = pending.pop() {
            let mut visit = |ty: &Type| {
                if let Type::Named(named) | Type::EventStream(named) = ty
                    && let Some(&i) = index.get(&(named.module.clone(), named.name.clone()))
                    && !seen[i]
                {
                    seen[i] = true;
                    pending.push(&krate.items[i]);
                }
            };
            match &item.kind {
                ItemKind::Structure(structure) => structure.members.iter().for_each(|m| m.ty.walk(&mut visit)),
                ItemKind::Union(union) => {
                    union.members.iter().filter_map(|m| m.ty.as_ref()).for_each(|t| t.walk(&mut visit))
                }
                ItemKind::Enum(_) => {}
            }
        }
    };
    let mut request = vec![false; krate.items.len()];
    let mut response = vec![false; krate.items.len()];
    for op in &krate.operations {
        reach(krate, &op.input, &mut request);
        reach(krate, &op.output, &mut response);
        for error in &op.errors {
            if let Some(&i) = index.get(&(error.named.module.clone(), error.named.name.clone())) {
                response[i] = true;
                reach(krate, &krate.items[i], &mut response);
            }
        }
    }
    for (i, item) in krate.items.iter_mut().enumerate() {
        item.wire_use = WireUse { request: request[i], response: response[i] };
    }
    for op in &mut krate.operations {
        op.input.wire_use = WireUse { request: true, response: false };
        op.output.wire_use = WireUse { request: false, response: true };
    }
}

/// The runtime pieces the crate's types use.
fn runtime_pieces(krate: &Crate) -> BTreeSet<RuntimePiece> {
    let mut pieces = BTreeSet::new();
    let visit_type = |ty: &Type, pieces: &mut BTreeSet<RuntimePiece>| {
        ty.walk(&mut |ty| {
            let piece = match ty {
                Type::Blob => RuntimePiece::Blob,
                Type::ByteStream => RuntimePiece::ByteStream,
                Type::DateTime(_) => RuntimePiece::DateTime,
                Type::Document => RuntimePiece::Document,
                Type::BigInteger => RuntimePiece::BigInteger,
                Type::BigDecimal => RuntimePiece::BigDecimal,
                Type::EventStream(_) => RuntimePiece::EventStream,
                _ => return,
            };
            pieces.insert(piece);
        });
    };
    let items = krate.items.iter().chain(krate.operations.iter().flat_map(|op| [&op.input, &op.output]));
    for item in items {
        match &item.kind {
            ItemKind::Enum(e) if e.int => {
                pieces.insert(RuntimePiece::UnknownIntVariantValue);
            }
            ItemKind::Enum(_) => {
                pieces.insert(RuntimePiece::UnknownVariantValue);
            }
            ItemKind::Union(union) => {
                // A union keeps a member it does not know with its value, as a document.
                pieces.insert(RuntimePiece::UnknownMember);
                pieces.insert(RuntimePiece::Document);
                for member in &union.members {
                    if let Some(ty) = &member.ty {
                        visit_type(ty, &mut pieces);
                    }
                }
            }
            ItemKind::Structure(structure) => {
                for member in &structure.members {
                    visit_type(&member.ty, &mut pieces);
                }
            }
        }
    }
    if pieces.contains(&RuntimePiece::BigInteger) || pieces.contains(&RuntimePiece::BigDecimal) {
        pieces.insert(RuntimePiece::ParseNumberError);
    }
    // A streaming body is written as base64 in JSON, which `Blob` knows how to do; the HTTP
    // bindings write Content-MD5 and media-type headers in base64.
    if pieces.contains(&RuntimePiece::ByteStream) || krate.protocol.is_some() {
        pieces.insert(RuntimePiece::Blob);
    }
    pieces
}
