//! Protocols as parts you can see: for the crate's protocol, what its `http` feature needs (the
//! optional dependencies and runtime modules) and which renderers bind operations to HTTP.
//!
//! A protocol is an HTTP binding strategy (REST bindings from `@http` traits, or one request
//! shape for every operation), a body codec (JSON, XML, query form, CBOR) and a way to identify
//! errors. Shape renderers know none of this; they call the functions here, which dispatch on
//! the protocol.

use proc_macro2::TokenStream;

use super::http::{BodyReader, Codec, ErrorCodes, XmlLocation};
use super::serde::JsonForm;
use super::{Context, Std, aws_json, cbor, http, query, rpc_v2, xml};
use crate::ir::{Item, ItemKind, Module, Operation, Protocol, Structure};

/// What the `http` feature of a crate speaking a protocol is made of.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Wire {
    /// The protocol.
    pub protocol: Protocol,
    /// The comment on the `http` feature in `Cargo.toml`.
    pub feature_doc: &'static str,
    /// What the `http` feature turns on.
    pub feature: &'static [&'static str],
    /// The optional dependencies the feature turns on, as `Cargo.toml` lines.
    pub dependencies: &'static [&'static str],
    /// The comment on the `serde` feature: what JSON its impls write.
    pub serde_doc: &'static str,
}

/// The `serde` feature's comment for services that speak JSON.
const SERDE_SERVICE_JSON: &str = "`Serialize` and `Deserialize` for every type, writing the JSON the service uses.";

/// The `http` feature of the AWS JSON RPC protocols: the restJson1 codec, without REST bindings.
const JSON_RPC: Wire = Wire {
    protocol: Protocol::AwsJson1_0,
    feature_doc: "",
    feature: &["serde", "dep:http", "dep:serde_json"],
    dependencies: JSON_DEPENDENCIES,
    serde_doc: SERDE_SERVICE_JSON,
};

/// The optional dependencies of the JSON protocols' `http` feature. serde_json reads numbers
/// correctly rounded only with `float_roundtrip`: without it, a double such as
/// `1.2345678912345679E8` reads one unit in the last place off.
const JSON_DEPENDENCIES: &[&str] = &[
    "http = { version = \"1\", optional = true }",
    "serde_json = { version = \"1\", optional = true, features = [\"float_roundtrip\"] }",
];

/// The `http` feature of a crate speaking `protocol`, when the generator implements the protocol.
pub(crate) fn wire(protocol: Protocol) -> Option<Wire> {
    match protocol {
        Protocol::RestJson1 => Some(Wire {
            protocol,
            feature_doc: "Building requests and reading responses with the `http` crate's types (restJson1).",
            feature: &["serde", "dep:http", "dep:serde_json"],
            dependencies: JSON_DEPENDENCIES,
            serde_doc: SERDE_SERVICE_JSON,
        }),
        Protocol::AwsJson1_0 => Some(Wire {
            protocol,
            feature_doc: "Building requests and reading responses with the `http` crate's types (awsJson1_0).",
            ..JSON_RPC
        }),
        Protocol::AwsJson1_1 => Some(Wire {
            protocol,
            feature_doc: "Building requests and reading responses with the `http` crate's types (awsJson1_1).",
            ..JSON_RPC
        }),
        // The CBOR codec's bodies need no `serde`: the `Serialize` impls write JSON. The shared
        // `http` module's JSON error reading needs `serde` and `serde_json`, but not the impls.
        Protocol::RpcV2Cbor => Some(Wire {
            protocol,
            feature_doc: "Building requests and reading responses with the `http` crate's types (rpcv2Cbor).",
            feature: &["dep:http", "dep:minicbor", "dep:serde", "dep:serde_json"],
            dependencies: &[
                "http = { version = \"1\", optional = true }",
                "minicbor = { version = \"0.26\", optional = true, default-features = false, features = [\"alloc\"] }",
                "serde_json = { version = \"1\", optional = true }",
            ],
            serde_doc: SERDE_MODEL_JSON,
        }),
        Protocol::RpcV2Json => Some(Wire {
            protocol,
            feature_doc: "Building requests and reading responses with the `http` crate's types (rpcv2Json).",
            feature: &["serde", "dep:http", "dep:serde_json"],
            dependencies: &[
                "http = { version = \"1\", optional = true }",
                "serde_json = { version = \"1\", optional = true }",
            ],
            serde_doc: SERDE_SERVICE_JSON,
        }),
        Protocol::RestXml => Some(Wire {
            protocol,
            feature_doc: "Building requests and reading responses with the `http` crate's types (restXml).",
            feature: XML_FEATURE,
            dependencies: XML_DEPENDENCIES,
            serde_doc: SERDE_MODEL_JSON,
        }),
        Protocol::AwsQuery | Protocol::Ec2Query => Some(Wire {
            protocol,
            feature_doc: if protocol == Protocol::AwsQuery {
                "Building requests and reading responses with the `http` crate's types (awsQuery)."
            } else {
                "Building requests and reading responses with the `http` crate's types (ec2Query)."
            },
            feature: XML_FEATURE,
            dependencies: XML_DEPENDENCIES,
            serde_doc: SERDE_MODEL_JSON,
        }),
    }
}

/// The `http` feature of the XML protocols: XML bodies need no `serde`.
const XML_FEATURE: &[&str] = &["dep:http", "dep:quick-xml"];

/// The XML protocols' dependencies: quick-xml without its default features (it then needs only
/// `memchr`).
const XML_DEPENDENCIES: &[&str] = &[
    "http = { version = \"1\", optional = true }",
    "quick-xml = { version = \"0.41\", optional = true, default-features = false }",
];

/// A support module the `http` feature brings besides `http` itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SupportModule {
    /// `http`'s JSON piece: JSON bodies and error responses.
    HttpJson,
    /// `xml`: the XML reader and writer.
    Xml,
    /// `query`: the form writer.
    Query,
}

/// The support modules a crate speaking `protocol` carries for its `http` feature.
pub(crate) fn support_modules(protocol: Protocol) -> &'static [SupportModule] {
    match protocol {
        Protocol::RestXml => &[SupportModule::Xml],
        Protocol::AwsQuery | Protocol::Ec2Query => &[SupportModule::Xml, SupportModule::Query],
        _ => &[SupportModule::HttpJson],
    }
}

/// The `serde` feature's comment for a crate without HTTP bindings, or whose protocol is not JSON.
pub(crate) const SERDE_MODEL_JSON: &str =
    "`Serialize` and `Deserialize` for every type, as JSON with the model's member names.";

/// The `http` feature of the crate being rendered, if it has one.
pub(crate) fn crate_wire(cx: &Context<'_>) -> Option<Wire> {
    cx.krate.protocol.and_then(wire)
}

/// Whether the crate has HTTP bindings.
pub(crate) fn applies(cx: &Context<'_>) -> bool {
    crate_wire(cx).is_some()
}

/// `impl Input { to_http_request… }`: building the operation's request, in the input's file.
pub(crate) fn request(cx: &Context<'_>, op: &Operation) -> Option<TokenStream> {
    match crate_wire(cx)?.protocol {
        Protocol::RestJson1 => op.http.as_ref().map(|binding| http::request(cx, op, binding, Codec::Json)),
        protocol @ (Protocol::AwsJson1_0 | Protocol::AwsJson1_1) => Some(aws_json::request(cx, protocol, op)),
        Protocol::RpcV2Cbor => Some(rpc_v2::request(cx, op, rpc_v2::Codec::Cbor)),
        Protocol::RpcV2Json => Some(rpc_v2::request(cx, op, rpc_v2::Codec::Json)),
        Protocol::RestXml => op.http.as_ref().map(|binding| http::request(cx, op, binding, Codec::Xml)),
        Protocol::AwsQuery | Protocol::Ec2Query => Some(query::request(cx, op)),
    }
}

/// `impl Output { from_http_response… }` and the error reader, in the operation's module.
pub(crate) fn response(cx: &Context<'_>, std: &Std, op: &Operation) -> Option<TokenStream> {
    match crate_wire(cx)?.protocol {
        Protocol::RestJson1 => op.http.as_ref().map(|_| http::response(cx, std, op, ErrorCodes::Json)),
        Protocol::AwsJson1_0 | Protocol::AwsJson1_1 => {
            let codes =
                if cx.krate.service.aws_query_compatible { ErrorCodes::JsonQueryCompatible } else { ErrorCodes::Json };
            Some(http::response(cx, std, op, codes))
        }
        Protocol::RpcV2Cbor => Some(rpc_v2::response(cx, std, op, rpc_v2::Codec::Cbor)),
        Protocol::RpcV2Json => Some(rpc_v2::response(cx, std, op, rpc_v2::Codec::Json)),
        Protocol::RestXml => op.http.as_ref().map(|_| http::response(cx, std, op, ErrorCodes::Xml)),
        Protocol::AwsQuery => Some(http::response(cx, std, op, ErrorCodes::AwsQuery)),
        Protocol::Ec2Query => Some(http::response(cx, std, op, ErrorCodes::Xml)),
    }
}

/// `impl X { from_http_parts… }`: reading an error structure from a response.
pub(crate) fn read_parts(cx: &Context<'_>, item: &Item, structure: &Structure) -> Option<TokenStream> {
    match crate_wire(cx)?.protocol {
        Protocol::RestJson1 | Protocol::AwsJson1_0 | Protocol::AwsJson1_1 => {
            Some(http::read_parts(cx, item, structure, BodyReader::Json))
        }
        Protocol::RpcV2Cbor => Some(rpc_v2::read_parts(item, rpc_v2::Codec::Cbor)),
        Protocol::RpcV2Json => Some(rpc_v2::read_parts(item, rpc_v2::Codec::Json)),
        Protocol::RestXml | Protocol::AwsQuery | Protocol::Ec2Query => {
            Some(http::read_parts(cx, item, structure, BodyReader::Xml(XmlLocation::Error)))
        }
    }
}

/// The runtime modules the crate's `http` feature adds beside `http`: their names and
/// documentation.
pub(crate) fn runtime_modules(cx: &Context<'_>) -> &'static [(&'static str, &'static str)] {
    const RPC_V2: (&str, &str) = ("rpc_v2", "What the RPC v2 protocols share: requests, and reading errors.");
    match crate_wire(cx).map(|wire| wire.protocol) {
        Some(Protocol::RpcV2Cbor) => &[("cbor", "CBOR bodies, for the `http` feature."), RPC_V2],
        Some(Protocol::RpcV2Json) => &[RPC_V2],
        _ => &[],
    }
}

/// The JSON forms of the crate's `serde` impls that depend on its protocol.
pub(crate) fn json_form(cx: &Context<'_>) -> JsonForm {
    JsonForm { big_numbers_as_text: cx.krate.protocol == Some(Protocol::RpcV2Json) }
}

/// `impl Output { from_http_parts… }`: reading an operation's output from a response.
pub(crate) fn read_output(cx: &Context<'_>, op: &Operation, structure: &Structure) -> Option<TokenStream> {
    let location = match crate_wire(cx)?.protocol {
        Protocol::RestJson1 | Protocol::AwsJson1_0 | Protocol::AwsJson1_1 => {
            return Some(http::read_parts(cx, &op.output, structure, BodyReader::Json));
        }
        Protocol::RpcV2Cbor => return Some(rpc_v2::read_parts(&op.output, rpc_v2::Codec::Cbor)),
        Protocol::RpcV2Json => return Some(rpc_v2::read_parts(&op.output, rpc_v2::Codec::Json)),
        Protocol::RestXml if op.unwrapped_xml_output => XmlLocation::Unwrapped,
        Protocol::RestXml | Protocol::Ec2Query => XmlLocation::Root,
        // awsQuery wraps the output's members in `<OperationNameResult>`.
        Protocol::AwsQuery => XmlLocation::Wrapped(format!("{}Result", op.shape_name)),
    };
    Some(http::read_parts(cx, &op.output, structure, BodyReader::Xml(location)))
}

/// The impls of the protocol's body codec for an item, in the item's file, when the codec is not
/// the `serde` impls: CBOR's for every structure, union and enum (operation inputs and outputs
/// included); the XML protocols' `WriteXml` and `ReadXml` and the query protocols' `WriteQuery`
/// for the structures and unions of `crate::types` (an operation's input and output are written
/// and read by its request builder and response reader).
pub(crate) fn item_codecs(cx: &Context<'_>, item: &Item) -> Option<TokenStream> {
    let protocol = crate_wire(cx)?.protocol;
    if protocol == Protocol::RpcV2Cbor {
        return Some(cbor::item(item));
    }
    let write_xml = protocol == Protocol::RestXml;
    let query = matches!(protocol, Protocol::AwsQuery | Protocol::Ec2Query);
    if (!write_xml && !query) || matches!(item.named.module, Module::Operation(_)) {
        return None;
    }
    let mut tokens = match &item.kind {
        ItemKind::Structure(structure) => xml::structure_impls(item, structure, write_xml),
        ItemKind::Union(union) => xml::union_impls(item, union, write_xml),
        ItemKind::Enum(_) => return None,
    };
    if query && item.wire_use.request {
        tokens.extend(query::item_impl(cx, item));
    }
    Some(tokens)
}
