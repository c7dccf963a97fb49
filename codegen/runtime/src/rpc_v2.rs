//! What the RPC v2 protocols (rpcv2Cbor and rpcv2Json) share: the request every operation sends,
//! the check that a response speaks the protocol, and reading the error a response carries.
//!
//! Every operation is `POST {prefix}/service/{ServiceName}/operation/{OperationName}` with the
//! protocol's `smithy-protocol` header; HTTP binding traits are ignored. A successful response
//! has status 200; any other carries an error, named by the `__type` member of its body (the
//! error's absolute shape id), or, for `@awsQueryCompatible` services, by the awsQuery code of its
//! `x-amzn-query-error` header.

// Not every crate uses every helper.
#![allow(dead_code)]

/// One of the RPC v2 protocols.
pub(crate) struct Protocol {
    /// The value of the `smithy-protocol` header of requests and responses.
    pub(crate) name: &'static str,
    /// The media type of bodies, for `Content-Type` and `Accept`.
    pub(crate) media_type: &'static str,
}

/// `smithy.protocols#rpcv2Cbor`.
pub(crate) const CBOR: Protocol = Protocol {
    name: "rpc-v2-cbor",
    media_type: "application/cbor",
};

/// `smithy.protocols#rpcv2Json`.
pub(crate) const JSON: Protocol = Protocol {
    name: "rpc-v2-json",
    media_type: "application/json",
};

/// The request of an operation: `POST` to `path` (`/service/{ServiceName}/operation/{Name}`,
/// after the endpoint's base path and with `host_prefix` before its host, when the options give
/// an endpoint), with `smithy-protocol` and `Accept`, and, with a body, `Content-Type` and
/// `Content-Length`. An operation whose input is `Unit` sends no body (`None`). `query_mode`
/// adds `x-amzn-query-mode: true`, which `@awsQueryCompatible` services expect.
pub(crate) fn request(
    protocol: &Protocol,
    options: &crate::http::RequestOptions,
    host_prefix: &str,
    path: &str,
    body: ::std::option::Option<::std::vec::Vec<u8>>,
    query_mode: bool,
) -> ::std::result::Result<::http::Request<::std::vec::Vec<u8>>, crate::error::BuildError> {
    let mut headers = ::http::HeaderMap::new();
    headers.insert(
        ::http::header::HeaderName::from_static("smithy-protocol"),
        ::http::HeaderValue::from_static(protocol.name),
    );
    headers.insert(
        ::http::header::ACCEPT,
        ::http::HeaderValue::from_static(protocol.media_type),
    );
    if query_mode {
        headers.insert(
            ::http::header::HeaderName::from_static("x-amzn-query-mode"),
            ::http::HeaderValue::from_static("true"),
        );
    }
    let body = match body {
        Some(body) => {
            crate::http::set_body_headers(&mut headers, protocol.media_type, &body);
            body
        }
        None => ::std::vec::Vec::new(),
    };
    let uri = crate::http::full_uri(options, host_prefix, path.to_owned())?;
    crate::http::request("POST", uri, headers, body)
}

/// Checks that a response speaks `protocol`: one whose `smithy-protocol` header is missing or
/// names another protocol is malformed, and known by its status alone (neither its body nor its
/// other headers are read).
pub(crate) fn check_response(
    protocol: &Protocol,
    status: u16,
    headers: &::http::HeaderMap,
    body: &[u8],
) -> ::std::result::Result<(), crate::error::Unhandled> {
    if crate::http::header(headers, "smithy-protocol").map(str::trim) == Some(protocol.name) {
        return Ok(());
    }
    Err(crate::error::Unhandled::new()
        .with_message(format!(
            "the response is not {}: its `smithy-protocol` header is missing or names another protocol",
            protocol.name
        ))
        .with_http_status(status)
        .with_body(body.to_vec()))
}

/// What a JSON error response says about itself, under rpcv2Json: the error's shape name from the
/// body's `__type`, its `message` (or `Message`), and the request id. `X-Amzn-Errortype` and the
/// body's `code` are not read: the protocol says clients must not identify errors by them.
pub(crate) fn json_error_info(headers: &::http::HeaderMap, body: &[u8]) -> crate::http::ErrorInfo {
    let json: ::std::option::Option<::serde_json::Value> = ::serde_json::from_slice(body).ok();
    let field = |name: &str| {
        json.as_ref()?
            .get(name)?
            .as_str()
            .map(::std::borrow::ToOwned::to_owned)
    };
    crate::http::ErrorInfo {
        code: field("__type").map(|code| crate::http::sanitize_error_code(&code).to_owned()),
        message: field("message").or_else(|| field("Message")),
        request_id: crate::http::request_id(headers),
    }
}
