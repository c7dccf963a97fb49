//! Renders the RPC v2 bindings (rpcv2Cbor and rpcv2Json), behind the generated crate's `http`
//! feature: every operation is `POST /service/{ServiceName}/operation/{OperationName}` with the
//! input as the whole body, and every response is the output, or an error named by its body's
//! `__type` (or, for `@awsQueryCompatible` services, by the `x-amzn-query-error` header).
//!
//! The two protocols share everything but the body codec: CBOR through the `crate::cbor` impls
//! of `render/cbor.rs`, JSON through the `serde` impls of `render/serde.rs`. What every operation
//! does the same way lives in the runtime's `rpc_v2` module, so each operation's code is short.

use proc_macro2::TokenStream;
use quote::quote;

use super::tokens::{path, prose};
use super::{Context, Std, ident, lit};
use crate::ir::{Item, ItemKind, Member, Operation, Type};

/// The body codec of an RPC v2 protocol.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Codec {
    /// rpcv2Cbor.
    Cbor,
    /// rpcv2Json.
    Json,
}

impl Codec {
    /// The runtime's description of the protocol (`crate::rpc_v2::CBOR`).
    fn protocol(self) -> TokenStream {
        match self {
            Codec::Cbor => quote!(crate::rpc_v2::CBOR),
            Codec::Json => quote!(crate::rpc_v2::JSON),
        }
    }

    /// The protocol's name, for documentation.
    fn name(self) -> &'static str {
        match self {
            Codec::Cbor => "rpcv2Cbor",
            Codec::Json => "rpcv2Json",
        }
    }

    /// The body's format, for documentation.
    fn format(self) -> &'static str {
        match self {
            Codec::Cbor => "CBOR",
            Codec::Json => "JSON",
        }
    }
}

/// The members of an input, output or error structure.
fn members_of(item: &Item) -> &[Member] {
    match &item.kind {
        ItemKind::Structure(structure) => &structure.members,
        _ => unreachable!("`{}` is an operation's input or output, always a structure", item.named.name),
    }
}

/// `impl Input { pub fn to_http_request(&self) }`: the operation's request, with the input as
/// its body (none when the input is `Unit`).
pub(crate) fn request(cx: &Context<'_>, op: &Operation, codec: Codec) -> TokenStream {
    let item = &op.input;
    let std = Std::for_names([item.named.name.as_str()]);
    let Std { some, none, result, vec, clone, .. } = &std;
    let members = members_of(item);
    let type_name = ident(&item.named.name);
    let path = format!("/service/{}/operation/{}", cx.krate.service.shape_name, op.shape_name);
    let body_doc = if op.unit_input {
        "no body (the operation takes no input)".to_owned()
    } else {
        format!("the input as a {} body", codec.format())
    };
    let docs_request = prose(&format!(
        "The HTTP request that sends this input to the service ({}): `POST {path}` with {body_doc}.\n\n\
         The URI is the path only: put the service's endpoint in front of it, sign the request, and send it \
         with any HTTP client.",
        codec.name()
    ));
    let docs_with = prose(
        "The HTTP request that sends this input, built with `options`: with an endpoint, the URI is \
         absolute; an unset idempotency token is taken from the options or generated.",
    );

    // An unset idempotency token is filled in a copy of the input; `input` is what is sent.
    let tokens: Vec<&Member> =
        members.iter().filter(|m| m.idempotency_token && m.optional && m.ty == Type::String).collect();
    let input_binding = if tokens.is_empty() {
        if op.unit_input { TokenStream::new() } else { quote!(let input = self;) }
    } else {
        let unset = tokens.iter().map(|t| {
            let field = ident(&t.field);
            quote!(self.#field.is_none())
        });
        let fills = tokens.iter().map(|t| {
            let field = ident(&t.field);
            quote!(#field: self.#field.clone().or_else(|| #some(crate::http::idempotency_token(options))),)
        });
        quote! {
            let filled;
            let input = if #(#unset)||* {
                filled = Self { #(#fills)* ..#clone::clone(self) };
                &filled
            } else {
                self
            };
        }
    };
    let (host_setup, host_prefix) = super::http::host_prefix(op, members);
    let body = match (op.unit_input, codec) {
        (true, _) => quote!(#none),
        (false, Codec::Cbor) => quote!(#some(crate::cbor::to_body(input))),
        (false, Codec::Json) => quote! {
        #some(::serde_json::to_vec(input).map_err(crate::http::json_write_error)?)
                },
    };
    let protocol = codec.protocol();
    let query_mode = cx.krate.service.aws_query_compatible;
    quote! {
        #[cfg(feature = "http")]
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
                #host_setup
                let body = #body;
                crate::rpc_v2::request(&#protocol, options, #host_prefix, #path, body, #query_mode)
            }
        }
    }
}

/// `impl X { pub(crate) fn from_http_parts(…) }`: reads an output or error structure from a
/// response, all of it from the body, the request id from the headers.
pub(crate) fn read_parts(item: &Item, codec: Codec) -> TokenStream {
    let std = Std::for_names([item.named.name.as_str()]);
    let Std { result, ok, string, .. } = &std;
    let type_name = ident(&item.named.name);
    let read = match codec {
        Codec::Cbor => quote!(crate::cbor::from_body(body)),
        Codec::Json => quote!(crate::http::json_body(body)),
    };
    quote! {
        #[cfg(feature = "http")]
        impl #type_name {
            /// Reads the structure from a response's status, headers and body, or says what is wrong.
            pub(crate) fn from_http_parts(
                status: u16,
                headers: &::http::HeaderMap,
                body: &[u8],
            ) -> #result<Self, #string> {
                let _ = status;
                let mut value: Self = #read?;
                value._request_id = crate::http::request_id(headers);
                #ok(value)
            }
        }
    }
}

/// `impl Output { pub fn from_http_response }` and the operation's error reader, in the
/// operation's module.
pub(crate) fn response(cx: &Context<'_>, std: &Std, op: &Operation, codec: Codec) -> TokenStream {
    let Std { result, err, some, ok, .. } = std;
    let output = path(&op.output.named);
    let error = ident(&op.error);
    let protocol = codec.protocol();
    let doc = prose(&format!(
        "Reads a response to the `{}` operation: this output when its status is 200, else the error the \
         response carries. An error the model does not describe, a response that cannot be read, or one \
         without the protocol's `smithy-protocol` header, is [`{}::Unhandled`].",
        op.shape_name, op.error
    ));
    let info = match codec {
        Codec::Cbor => quote!(crate::cbor::error_info(headers, body)),
        Codec::Json => quote!(crate::rpc_v2::json_error_info(headers, body)),
    };
    let unhandled = quote!(#error::Unhandled(crate::http::unhandled(status, body, info)));
    let read = if op.errors.is_empty() {
        quote! {
            let info = #info;
            #unhandled
        }
    } else {
        let query_compatible = cx.krate.service.aws_query_compatible;
        let arms = op.errors.iter().map(|variant| {
            // A query-compatible error is matched by the shape name `query_compatible` gives.
            let code = lit(if query_compatible { &variant.shape_name } else { &variant.code });
            let path = path(&variant.named);
            let name = ident(&variant.name);
            quote! {
                #some(#code) => match #path::from_http_parts(status, headers, body) {
                    #ok(error) => #error::#name(error),
                    #err(problem) => crate::http::malformed(status, headers, body, problem),
                },
            }
        });
        if query_compatible {
            let errors = super::http::query_compatible_errors(op);
            quote! {
                let mut info = #info;
                match info.query_compatible(headers, &#errors) {
                    #(#arms)*
                    _ => #unhandled,
                }
            }
        } else {
            quote! {
                let info = #info;
                match info.code.as_deref() {
                    #(#arms)*
                    _ => #unhandled,
                }
            }
        }
    };
    quote! {
        #[cfg(feature = "http")]
        impl #output {
            #doc
            // Error variants hold their structures inline, as the error enums do everywhere else: an
            // error is the cold path, and boxing it would cost every caller an allocation.
            #[allow(clippy::result_large_err)]
            pub fn from_http_response<__B: ::std::convert::AsRef<[u8]>>(
                response: &::http::Response<__B>,
            ) -> #result<Self, #error> {
                let (status, headers, body) = (response.status().as_u16(), response.headers(), response.body().as_ref());
                crate::rpc_v2::check_response(&#protocol, status, headers, body)?;
                if status != 200 {
                    return #err(read_error(status, headers, body));
                }
                match Self::from_http_parts(status, headers, body) {
                    #ok(output) => #ok(output),
                    #err(problem) => #err(crate::http::malformed(status, headers, body, problem)),
                }
            }
        }
        /// The error an unsuccessful response carries.
        #[cfg(feature = "http")]
        fn read_error(status: u16, headers: &::http::HeaderMap, body: &[u8]) -> #error {
            #read
        }
    }
}
