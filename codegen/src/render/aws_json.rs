//! Renders the request builders of the AWS JSON RPC protocols, awsJson1_0 and awsJson1_1,
//! behind the generated crate's `http` feature.
//!
//! Every request is `POST /` with `X-Amz-Target: {Service}.{Operation}`, the protocol's
//! `Content-Type` and the whole input as a JSON object (`{}` for an input without members),
//! written by the input's own `Serialize` (`render/serde.rs`): member names as keys
//! (`@jsonName` is not honoured, which the IR's `json_name` already follows), timestamps as
//! epoch seconds unless `@timestampFormat` says otherwise, blobs in base64. HTTP binding traits
//! are ignored: the IR binds every member to the body. Responses and errors are read as
//! restJson1 reads a response whose members are all in the body, so `render/http.rs` renders
//! them.

use proc_macro2::TokenStream;
use quote::quote;

use super::tokens::{allow_deprecated, docs};
use super::{Context, Std, customize, http, ident};
use crate::ir::{ItemKind, Operation, Protocol};

/// The `Content-Type` of requests (and responses) of `protocol`.
fn content_type(protocol: Protocol) -> &'static str {
    match protocol {
        Protocol::AwsJson1_0 => "application/x-amz-json-1.0",
        _ => "application/x-amz-json-1.1",
    }
}

/// `impl Input { pub fn to_http_request(&self) }` for an awsJson1_0 or awsJson1_1 service.
pub(crate) fn request(cx: &Context<'_>, protocol: Protocol, op: &Operation) -> TokenStream {
    let item = &op.input;
    let std = Std::for_names([item.named.name.as_str()]);
    let Std { result, vec, .. } = &std;
    let ItemKind::Structure(structure) = &item.kind else {
        unreachable!("`{}` is an operation's input, always a structure", item.named.name)
    };
    let members = &structure.members;
    let type_name = ident(&item.named.name);
    let content_type = content_type(protocol);
    // Shape names are identifiers, so the value is always a valid header value.
    let target = format!("{}.{}", cx.krate.service.shape_name, op.shape_name);

    let docs_request = docs(&crate::docs::wrap_prose(&format!(
        "The HTTP request that sends this input to the service: `POST /` with `X-Amz-Target: {target}` and \
         the input as a JSON body (`{content_type}`).\n\nThe URI is the path only: put the service's endpoint \
         in front of it, sign the request, and send it with any HTTP client."
    )));
    let docs_with = docs(&crate::docs::wrap_prose(
        "The HTTP request that sends this input, built with `options`: with an endpoint, the URI is \
         absolute; an unset idempotency token is taken from the options or generated.",
    ));

    let input_binding = http::input_binding(&std, members);
    let body = if members.is_empty() {
        quote!(let body = b"{}".to_vec();)
    } else {
        quote! {
            let body = ::serde_json::to_vec(input).map_err(crate::http::json_write_error)?;
        }
    };
    // Clients of a query-compatible service say so, and get awsQuery error codes back.
    let query_mode = cx
        .krate
        .service
        .aws_query_compatible
        .then(|| quote!(headers.insert("x-amzn-query-mode", ::http::HeaderValue::from_static("true"));));
    let customize::RequestHooks { headers: hooks_headers, body: hooks_body, options: hooks_options } =
        customize::request(cx, &std, op);
    let (host_setup, host_prefix) = http::host_prefix(op, members);
    let allow = allow_deprecated(structure.any_deprecated());
    quote! {
        #[cfg(feature = "http")]
        #allow
        impl #type_name {
            #docs_request
            pub fn to_http_request(&self) -> #result<::http::Request<#vec<u8>>, crate::error::BuildError> {
                self.to_http_request_with(&crate::http::RequestOptions::new())
            }
            #docs_with
            pub fn to_http_request_with(
                &self,
                options: &crate::http::RequestOptions,
            ) -> #result<::http::Request<#vec<u8>>, crate::error::BuildError> {
                #input_binding
                #body
                let mut headers = ::http::HeaderMap::new();
                headers.insert("x-amz-target", ::http::HeaderValue::from_static(#target));
                #query_mode
                crate::http::set_body_headers(&mut headers, #content_type, &body);
                #hooks_headers
                #hooks_body
                #hooks_options
                #host_setup
                crate::http::request("POST", crate::http::full_uri(options, #host_prefix, "/".to_owned())?, headers, body)
            }
        }
    }
}
