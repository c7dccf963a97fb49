//! Renders the REST bindings of restJson1 and restXml, behind the generated crate's `http` feature:
//! building an operation's request from its input (labels, query, headers, body), and reading its
//! output or error from a response (body, headers, status). The bindings are the same for both
//! protocols; only the body codec differs ([`Codec`]: JSON through the `serde` impls, XML through
//! `render/xml.rs`), and the way errors are identified.
//!
//! The bindings are sans-IO: a request is an `http::Request<Vec<u8>>` whose URI is a path and
//! query, and a response is any `http::Response<B>` with `B: AsRef<[u8]>`; sending, signing and
//! retrying belong to the caller. Streaming payloads are neither buffered nor copied: such an
//! input is sent with a body of the caller's type, and such an output is read from the response's
//! head.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::tokens::{allow_deprecated, builder_path, docs, path, prose};
use super::{Context, Std, customize, ident, lit};
use crate::ir::{
    Binding, HostPiece, HttpOperation, Item, ItemKind, Member, Named, NamedKind, Operation, PathPiece, Role, Structure,
    TimestampFormat, Type,
};

/// The expression for a timestamp format of the runtime's `DateTimeFormat`: the value's own, else
/// the location's default.
fn format_of(ty: &Type, default: TimestampFormat) -> TokenStream {
    let format = match ty {
        Type::DateTime(format) => format.unwrap_or(default),
        Type::List(list) => return format_of(&list.item, default),
        _ => default,
    };
    match format {
        TimestampFormat::DateTime => quote!(crate::primitives::DateTimeFormat::DateTime),
        TimestampFormat::HttpDate => quote!(crate::primitives::DateTimeFormat::HttpDate),
        TimestampFormat::EpochSeconds => quote!(crate::primitives::DateTimeFormat::EpochSeconds),
    }
}

/// An expression turning `value` (a `&T`) into `&str` text for a label, query value or header.
fn to_text(ty: &Type, value: TokenStream, default_format: TimestampFormat, media: bool) -> TokenStream {
    match ty {
        Type::String if media => quote!(&crate::primitives::Blob::from(#value.as_bytes()).to_base64()),
        Type::String => quote!(#value.as_str()),
        Type::F32 | Type::F64 => quote!(&crate::http::float_text(*#value)),
        Type::DateTime(_) => {
            let format = format_of(ty, default_format);
            quote!(&#value.format(#format))
        }
        Type::Blob => quote!(&#value.to_base64()),
        Type::Named(named) if named.kind == NamedKind::IntEnum => quote!(&#value.value().to_string()),
        Type::Named(_) => quote!(#value.as_str()),
        _ => quote!(&#value.to_string()),
    }
}

/// An expression reading `text` (a `&str`) as a value of `ty`, as a `Result<T, String>`.
fn from_text(std: &Std, ty: &Type, text: TokenStream, default_format: TimestampFormat, media: bool) -> TokenStream {
    let Std { result, ok, string, .. } = std;
    match ty {
        Type::String if media => quote! {
            crate::primitives::Blob::from_base64(#text.trim())
                .ok_or("not base64")
                .map_err(#string::from)
                .and_then(|blob| #string::from_utf8(blob.into_inner()).map_err(|e| e.to_string()))
        },
        Type::String => quote!(#result::<_, #string>::#ok(#text.to_owned())),
        Type::Bool => quote!(crate::http::parse_bool(#text)),
        Type::I8 | Type::I16 | Type::I32 | Type::I64 => {
            let ty = std.ty(ty);
            quote!(crate::http::parse_number::<#ty>(#text))
        }
        Type::F32 => quote!(crate::http::parse_float(#text).map(|value| value as f32)),
        Type::F64 => quote!(crate::http::parse_float(#text)),
        Type::DateTime(_) => {
            let format = format_of(ty, default_format);
            quote!(crate::primitives::DateTime::parse(#text.trim(), #format).map_err(|e| e.to_string()))
        }
        Type::Blob => quote! {
            crate::primitives::Blob::from_base64(#text.trim()).ok_or("not base64").map_err(#string::from)
        },
        Type::Named(named) => {
            let path = path(named);
            match named.kind {
                NamedKind::IntEnum => quote!(crate::http::parse_number::<i32>(#text).map(#path::from)),
                _ => quote!(#result::<_, #string>::#ok(#path::from(#text.trim()))),
            }
        }
        other => {
            let ty = std.ty(other);
            quote!(#result::<#ty, #string>::Err(#string::from("this type cannot be read from text")))
        }
    }
}

/// The members of an input, output or error structure, in model order.
fn structure_of(item: &Item) -> &Structure {
    match &item.kind {
        ItemKind::Structure(structure) => structure,
        _ => unreachable!("`{}` is an operation's input or output, always a structure", item.named.name),
    }
}

/// How the bodies of a REST protocol's messages are written and read: restJson1's JSON through
/// the `serde` impls (`render/serde.rs`), restXml's XML through the `xml` module (`render/xml.rs`).
/// Everything else about REST bindings (labels, query, headers, status) is the same for both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Codec {
    /// JSON bodies.
    Json,
    /// XML bodies.
    Xml,
}

/// How a response's body is read into a structure: as JSON, or as XML found where the protocol
/// puts the structure's members.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum BodyReader {
    /// A JSON object of the members.
    Json,
    /// XML, the members in the element at `XmlLocation`.
    Xml(XmlLocation),
}

/// Where an XML response holds a structure's members.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum XmlLocation {
    /// In the root element, whatever it is named (restXml outputs, ec2Query outputs).
    Root,
    /// In the `Error` element of an error response.
    Error,
    /// In the root's child of this name (awsQuery's `<OperationResult>`).
    Wrapped(String),
    /// The root element is the output's only member (S3's `@s3UnwrappedXmlOutput`).
    Unwrapped,
}

/// The item of a generated type, for what a renderer needs to know about it beyond its name.
pub(crate) fn item_of<'a>(cx: &Context<'a>, named: &Named) -> Option<&'a Item> {
    cx.krate.items.iter().find(|item| item.named.module == named.module && item.named.name == named.name)
}

/// The code binding `input` to what is sent: `self`, or a copy of it with unset idempotency
/// tokens filled from the options (or generated).
pub(crate) fn input_binding(std: &Std, members: &[Member]) -> TokenStream {
    let Std { some, clone, .. } = std;
    let tokens: Vec<&Member> =
        members.iter().filter(|m| m.idempotency_token && m.optional && m.ty == Type::String).collect();
    if tokens.is_empty() {
        return if members.is_empty() { TokenStream::new() } else { quote!(let input = self;) };
    }
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
}

/// `impl Input { pub fn to_http_request(&self) … }`, and the body wrapper it serializes.
///
/// An input whose payload is a streaming blob also gets `to_http_request_with_body`, which sends
/// a body of the caller's own type as it is; an S3 input addressing a bucket gets the
/// `to_s3_…` forms taking the S3 options (`customize/s3.rs`).
pub(crate) fn request(cx: &Context<'_>, op: &Operation, http: &HttpOperation, codec: Codec) -> TokenStream {
    let item = &op.input;
    let std = Std::for_names([item.named.name.as_str()]);
    let hooks = customize::request(cx, &std, op);
    let Std { some, none, result, ok, vec, .. } = &std;
    let structure = structure_of(item);
    let members = &structure.members;
    let type_name = ident(&item.named.name);
    let type_label = lit(&item.named.name);

    let docs_request = docs(&crate::docs::wrap_prose(&format!(
        "The HTTP request that sends this input to the service: `{} {}` with the input's labels, query \
         parameters, headers and body.\n\nThe URI is the path and query only: put the service's endpoint in \
         front of it, sign the request, and send it with any HTTP client. A label that is missing or empty is \
         a [`BuildError`](crate::error::BuildError).",
        http.method, http.uri
    )));
    let docs_with = docs(&crate::docs::wrap_prose(
        "The HTTP request that sends this input, built with `options`: with an endpoint, the URI is \
         absolute; an unset idempotency token is taken from the options or generated.",
    ));

    let input_binding = input_binding(&std, members);

    // The path, label by label.
    let uri_grows = http.path.len() > 1
        || http.literal_query.is_some()
        || members.iter().any(|m| matches!(m.binding, Binding::Query(_) | Binding::QueryParams));
    let mut path_pieces = http.path.iter();
    let first = match path_pieces.clone().next() {
        Some(PathPiece::Literal(text)) => {
            path_pieces.next();
            text.clone()
        }
        _ => String::new(),
    };
    let uri_let = if uri_grows { quote!(let mut uri) } else { quote!(let uri) };
    let mut uri = quote!(#uri_let = crate::http::Uri::new(#first););
    for piece in path_pieces {
        match piece {
            PathPiece::Literal(text) => uri.extend(quote!(uri.push_literal(#text);)),
            PathPiece::Label { member, greedy } => {
                let member = &members[*member];
                let field = ident(&member.field);
                let label = lit(&member.field);
                let mut value = if member.optional {
                    quote! {
                        let value = crate::error::required(input.#field.as_ref(), #label, #type_label)?;
                    }
                } else {
                    quote!(let value = &input.#field;)
                };
                let mut text = to_text(&member.ty, quote!(value), TimestampFormat::DateTime, false);
                if let Some(default) = customize::label_default(cx, member) {
                    (value, text) = default;
                }
                uri.extend(quote! {
                    #value
                    uri.push_label(#label, #text, #greedy)?;
                });
            }
        }
    }

    // The query: the URI's literal part, then members, then the free-form map without overriding.
    if let Some(query) = &http.literal_query {
        uri.extend(quote!(uri.push_literal_query(#query);));
    }
    let query_names: Vec<&str> = members
        .iter()
        .filter_map(|m| match &m.binding {
            Binding::Query(name) => Some(name.as_str()),
            _ => None,
        })
        .collect();
    for member in members {
        match &member.binding {
            Binding::Query(name) => {
                uri.extend(each_value(&std, member, |ty, value| {
                    let text = to_text(ty, value, TimestampFormat::DateTime, false);
                    quote!(uri.push_query(#name, #text);)
                }));
            }
            Binding::QueryParams => {
                let skip = (!query_names.is_empty()).then(|| {
                    quote! {
                        if [#(#query_names),*].contains(&name.as_str()) {
                            continue;
                        }
                    }
                });
                let push = match &member.ty {
                    Type::Map(map) if matches!(map.value, Type::List(_)) => quote! {
                        for value in values {
                            uri.push_query(name, value);
                        }
                    },
                    _ => quote!(uri.push_query(name, values);),
                };
                uri.extend(with_value(
                    &std,
                    member,
                    quote!(params),
                    quote! {
                        for (name, values) in params {
                            #skip
                            #push
                        }
                    },
                ));
            }
            _ => {}
        }
    }

    // Headers.
    let payload = members.iter().find(|m| m.binding == Binding::Payload);
    // A streaming payload is the caller's body, sent as it is.
    let streaming = payload.filter(|m| m.ty == Type::ByteStream);
    let body_members: Vec<&Member> = members.iter().filter(|m| m.binding == Binding::Body).collect();
    let headers_grow = payload.is_some()
        || !body_members.is_empty()
        || op.checksum_required
        || !hooks.headers.is_empty()
        || !hooks.body.is_empty()
        || members.iter().any(|m| matches!(m.binding, Binding::Header(_) | Binding::PrefixHeaders(_)));
    let headers_let = if headers_grow { quote!(let mut headers) } else { quote!(let headers) };
    let mut headers = quote!(#headers_let = ::http::HeaderMap::new(););
    for member in members {
        let label = lit(&member.field);
        match &member.binding {
            Binding::Header(name) => {
                let media = member.media_type.is_some();
                let write = match &member.ty {
                    Type::List(list) => {
                        let item = &list.item;
                        let item_text = to_text(item, quote!(item), TimestampFormat::HttpDate, media);
                        let quoted = if matches!(item, Type::String) {
                            quote!(crate::http::header_list_item(#item_text).into_owned())
                        } else {
                            quote!((#item_text).to_owned())
                        };
                        quote! {
                            let text = value.iter().map(|item| #quoted).collect::<#vec<_>>().join(", ");
                            crate::http::insert_header(&mut headers, #label, #name, &text)?;
                        }
                    }
                    ty => {
                        let text = to_text(ty, quote!(value), TimestampFormat::HttpDate, media);
                        quote!(crate::http::insert_header(&mut headers, #label, #name, #text)?;)
                    }
                };
                headers.extend(with_value(&std, member, quote!(value), write));
            }
            Binding::PrefixHeaders(prefix) => {
                headers.extend(with_value(
                    &std,
                    member,
                    quote!(map),
                    quote! {
                        for (name, value) in map {
                            crate::http::insert_header(&mut headers, #label, &format!("{}{name}", #prefix), value)?;
                        }
                    },
                ));
            }
            _ => {}
        }
    }

    // The body: the payload member, or a document of the unbound members, or nothing.
    let body_wrapper = format_ident!("{}RequestBody", item.named.name);
    let body = match payload {
        Some(member) if streaming.is_some() => {
            let content_type = member.media_type.as_deref().unwrap_or("application/octet-stream");
            quote!(crate::http::set_content_type(&mut headers, #content_type);)
        }
        Some(member) => request_payload(cx, &std, member, codec),
        None if !body_members.is_empty() => match codec {
            Codec::Json => quote! {
                let body = ::serde_json::to_vec(&#body_wrapper(input)).map_err(crate::http::json_write_error)?;
                crate::http::set_body_headers(&mut headers, "application/json", &body);
            },
            Codec::Xml => {
                let namespace = structure.xml_namespace.as_ref().or(cx.krate.service.xml_namespace.as_ref());
                let document = super::xml::document_body(&structure.xml_name, namespace, &body_members, &quote!(input));
                quote! {
                    #document
                    crate::http::set_body_headers(&mut headers, "application/xml", &body);
                }
            }
        },
        None => quote!(let body = #vec::new();),
    };
    let checksum = |body: TokenStream| {
        op.checksum_required.then(|| {
            quote! {
                let md5 = ::http::HeaderValue::from_str(&crate::http::content_md5(#body))
                    .map_err(|e| crate::error::BuildError::invalid_field("body", e.to_string()))?;
                headers.insert("content-md5", md5);
            }
        })
    };
    let (host_setup, host_prefix) = host_prefix(op, members);
    let customize::RequestHooks { headers: hooks_headers, body: hooks_body, options: hooks_options } = hooks;
    let s3 = super::customize::s3::bucket_addressing(cx.krate, op, http);
    let full_uri = match &s3 {
        Some(addressing) => addressing.full_uri(&host_prefix),
        None => quote!(crate::http::full_uri(options, #host_prefix, uri.finish())?),
    };
    let method = &http.method;
    let allow = allow_deprecated(structure.any_deprecated());
    let wrapper = (codec == Codec::Json && payload.is_none() && !body_members.is_empty()).then(|| {
        let doc = prose(&format!("The members of [`{}`] that travel in the JSON body.", item.named.name));
        let serialize = super::serde::serialize_impl(
            &std,
            &quote!(#body_wrapper<'_>),
            &item.named.name,
            &body_members,
            &quote!(self.0),
        );
        quote! {
            #doc
            #[cfg(feature = "http")]
            struct #body_wrapper<'a>(&'a #type_name);
            #[cfg(feature = "http")]
            #serialize
        }
    });
    // What every form of the request shares: the input, URI, headers and host; `body` is the body.
    let head = quote! {
        #input_binding
        #uri
        #headers
        #hooks_headers
        #body
    };
    let build = quote! {
        #host_setup
        crate::http::request(#method, #full_uri, headers, body)
    };
    let s3_options = s3.as_ref().map(|_| quote!(s3: &crate::s3::S3Options,));
    let default_s3 = s3.as_ref().map(|_| quote!(&crate::s3::S3Options::new(),));
    let (with_name, with_body_name) = if s3.is_some() {
        (format_ident!("to_s3_http_request"), format_ident!("to_s3_http_request_with_body"))
    } else {
        (format_ident!("to_http_request_with"), format_ident!("to_http_request_with_body"))
    };
    let docs_s3 = prose(
        "The HTTP request that sends this input, built with `options` and addressing the bucket as `s3` \
         says: with an endpoint, the bucket goes in the host (virtual-hosted style) unless `s3` asks for \
         path-style addressing or the bucket's name cannot be a host label.",
    );
    let request_with = match streaming {
        None => {
            let checksum = checksum(quote!(&body));
            quote! {
                pub fn #with_name(
                    &self,
                    options: &crate::http::RequestOptions,
                    #s3_options
                ) -> #result<::http::Request<#vec<u8>>, crate::error::BuildError> {
                    #head
                    #hooks_body
                    #checksum
                    #hooks_options
                    #build
                }
            }
        }
        Some(member) => {
            let field = ident(&member.field);
            let bytes = if member.optional {
                quote! {
                    match &self.#field {
                        #some(body) => body.as_bytes().to_vec(),
                        #none => #vec::new(),
                    }
                }
            } else {
                quote!(self.#field.as_bytes().to_vec())
            };
            // The digest borrows the body, so it is taken before the headers are borrowed.
            let checksum = op.checksum_required.then(|| {
                quote! {
                    let md5 = ::http::HeaderValue::from_str(&crate::http::content_md5(request.body()))
                        .map_err(|e| crate::error::BuildError::invalid_field("body", e.to_string()))?;
                    request.headers_mut().insert("content-md5", md5);
                }
            });
            let s3_argument = s3.as_ref().map(|_| quote!(s3,));
            // The customizations of a complete body (checksums of the payload, compression) apply
            // to the bytes; a body of the caller's own type is sent as it is.
            let customized_body = (!hooks_body.is_empty()).then(|| {
                quote! {
                    let (mut parts, body) = request.into_parts();
                    let mut headers = ::std::mem::take(&mut parts.headers);
                    #hooks_body
                    parts.headers = headers;
                    request = ::http::Request::from_parts(parts, body);
                }
            });
            let docs_body = prose(
                "The HTTP request that sends this input with `body` as its streaming payload, of any type \
                 (a stream, a file, bytes): the body is moved into the request as it is, neither read nor \
                 copied, and the input's own payload member is not sent. `Content-Type` is set; \
                 `Content-Length` is left to the caller, who knows the body's length.",
            );
            quote! {
                pub fn #with_name(
                    &self,
                    options: &crate::http::RequestOptions,
                    #s3_options
                ) -> #result<::http::Request<#vec<u8>>, crate::error::BuildError> {
                    let body = #bytes;
                    let mut request = self.#with_body_name(options, #s3_argument body)?;
                    #customized_body
                    let length = request.body().len();
                    request.headers_mut().insert(::http::header::CONTENT_LENGTH, ::http::HeaderValue::from(length));
                    #checksum
                    #ok(request)
                }
                #docs_body
                pub fn #with_body_name<__B>(
                    &self,
                    options: &crate::http::RequestOptions,
                    #s3_options
                    body: __B,
                ) -> #result<::http::Request<__B>, crate::error::BuildError> {
                    #head
                    #hooks_options
                    #build
                }
            }
        }
    };
    // Without S3's options, the request addresses a bucket the default way.
    let plain_forms = s3.as_ref().map(|_| {
        let with_body = streaming.map(|_| {
            let docs_body = prose(
                "[`to_s3_http_request_with_body`](Self::to_s3_http_request_with_body) with the default S3 \
                 options.",
            );
            quote! {
                #docs_body
                pub fn to_http_request_with_body<__B>(
                    &self,
                    options: &crate::http::RequestOptions,
                    body: __B,
                ) -> #result<::http::Request<__B>, crate::error::BuildError> {
                    self.to_s3_http_request_with_body(options, #default_s3 body)
                }
            }
        });
        quote! {
            #docs_with
            pub fn to_http_request_with(
                &self,
                options: &crate::http::RequestOptions,
            ) -> #result<::http::Request<#vec<u8>>, crate::error::BuildError> {
                self.to_s3_http_request(options, #default_s3)
            }
            #with_body
        }
    });
    let docs_main = if s3.is_some() { docs_s3 } else { docs_with };
    quote! {
        #[cfg(feature = "http")]
        #allow
        impl #type_name {
            #docs_request
            pub fn to_http_request(&self) -> #result<::http::Request<#vec<u8>>, crate::error::BuildError> {
                self.to_http_request_with(&crate::http::RequestOptions::new())
            }
            #plain_forms
            #docs_main
            #request_with
        }
        #wrapper
    }
}

/// The code computing the operation's `@endpoint` host prefix, its `{label}`s filled from the
/// input's `@hostLabel` members, and the expression for the prefix (`""` when there is none).
pub(crate) fn host_prefix(op: &Operation, members: &[Member]) -> (TokenStream, TokenStream) {
    let Some(pieces) = &op.host_prefix else { return (TokenStream::new(), quote!("")) };
    let mut setup = TokenStream::new();
    let mut format_text = String::new();
    let mut arguments = Vec::new();
    for piece in pieces {
        match piece {
            HostPiece::Literal(text) => format_text.push_str(&text.replace('{', "{{").replace('}', "}}")),
            HostPiece::Label(index) => {
                let member = &members[*index];
                let field = ident(&member.field);
                let label = lit(&member.field);
                let variable = format_ident!("{}_label", member.field);
                let value = if member.optional {
                    quote!(input.#field.as_deref().unwrap_or_default())
                } else {
                    quote!(input.#field.as_str())
                };
                // A host label becomes part of a DNS name: it must be a non-empty host segment.
                setup.extend(quote! {
                    let #variable = #value;
                    if #variable.is_empty() || !#variable.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
                        return ::std::result::Result::Err(crate::error::BuildError::invalid_field(
                            #label,
                            "a host label must be letters, digits and hyphens",
                        ));
                    }
                });
                format_text.push_str("{}");
                arguments.push(variable);
            }
        }
    }
    if arguments.is_empty() {
        let text = format_text.replace("{{", "{").replace("}}", "}");
        return (setup, quote!(#text));
    }
    setup.extend(quote!(let host_prefix = format!(#format_text, #(#arguments),*);));
    (setup, quote!(&host_prefix))
}

/// The body of a request from its `@httpPayload` member, with its content type.
fn request_payload(cx: &Context<'_>, std: &Std, member: &Member, codec: Codec) -> TokenStream {
    let Std { some, none, vec, .. } = std;
    let field = ident(&member.field);
    // Under JSON, an unset structure or document is sent as `{}`; an unset union, blob or string,
    // and under XML anything unset, as nothing.
    let union = matches!(&member.ty, Type::Named(named) if named.kind == NamedKind::Union);
    let (bytes, default_type, document) = match &member.ty {
        Type::Blob | Type::ByteStream => (quote!(value.as_bytes().to_vec()), "application/octet-stream", false),
        Type::String => (quote!(value.as_bytes().to_vec()), "text/plain", false),
        Type::Named(named) if named.kind == NamedKind::StringEnum => {
            (quote!(value.as_str().as_bytes().to_vec()), "text/plain", false)
        }
        ty => match codec {
            Codec::Json => {
                (quote!(::serde_json::to_vec(value).map_err(crate::http::json_write_error)?), "application/json", true)
            }
            Codec::Xml => (xml_payload(cx, member, ty), "application/xml", true),
        },
    };
    let content_type = member.media_type.as_deref().unwrap_or(default_type);
    let value = if member.optional { quote!(&input.#field) } else { quote!(#some(&input.#field)) };
    let empty_object = codec == Codec::Json && document && !union;
    let none_body = if empty_object { quote!(b"{}".to_vec()) } else { quote!(#vec::new()) };
    let set_headers = if empty_object {
        quote!(crate::http::set_body_headers(&mut headers, #content_type, &body);)
    } else {
        quote! {
            if !body.is_empty() {
                crate::http::set_body_headers(&mut headers, #content_type, &body);
            }
        }
    };
    quote! {
        let body = match #value {
            #some(value) => #bytes,
            #none => #none_body,
        };
        #set_headers
    }
}

/// An expression writing a structure or union payload (`value`, a reference) as an XML document:
/// its root is the member's `@xmlName`, else the target's element name, with the member's
/// namespace, else the target's, else the service's.
fn xml_payload(cx: &Context<'_>, member: &Member, ty: &Type) -> TokenStream {
    let target = match ty {
        Type::Named(named) => item_of(cx, named),
        _ => None,
    };
    let (target_name, target_namespace) = match target.map(|item| &item.kind) {
        Some(ItemKind::Structure(structure)) => (structure.xml_name.as_str(), structure.xml_namespace.as_ref()),
        Some(ItemKind::Union(union)) => (union.xml_name.as_str(), None),
        _ => (member.model_name.as_str(), None),
    };
    let root = if member.xml.name != member.model_name { member.xml.name.as_str() } else { target_name };
    let namespace = member.xml.namespace.as_ref().or(target_namespace).or(cx.krate.service.xml_namespace.as_ref());
    let element = format_ident!("element");
    let namespace = super::xml::namespace(&element, namespace);
    let value = if member.boxed { quote!(&**value) } else { quote!(value) };
    quote! {
        {
            let mut writer = crate::xml::XmlWriter::new();
            {
                let mut #element = writer.start(#root);
                #namespace
                crate::xml::WriteXml::write_xml(#value, &mut #element);
            }
            writer.into_bytes()
        }
    }
}

/// `code` with the member's value bound to `name`: inside `if let Some(name) = &input.field` for
/// an optional member, after `let name = &input.field` for a required one.
fn with_value(std: &Std, member: &Member, name: TokenStream, code: TokenStream) -> TokenStream {
    let field = ident(&member.field);
    if member.optional {
        let some = &std.some;
        quote! {
            if let #some(#name) = &input.#field {
                #code
            }
        }
    } else {
        quote! {
            let #name = &input.#field;
            #code
        }
    }
}

/// `write`'s code for the member's value, or for each item when it is a list.
fn each_value(std: &Std, member: &Member, write: impl Fn(&Type, TokenStream) -> TokenStream) -> TokenStream {
    let code = match &member.ty {
        Type::List(list) => {
            let write = write(&list.item, quote!(item));
            quote! {
                for item in value {
                    #write
                }
            }
        }
        ty => write(ty, quote!(value)),
    };
    with_value(std, member, quote!(value), code)
}

/// `impl X { pub(crate) fn from_http_parts(…) }`: reads an output or error structure from a
/// response's status, headers and body. Body members come from the JSON body (or the payload
/// member from the whole body), then bound members from the headers and status.
pub(crate) fn read_parts(cx: &Context<'_>, item: &Item, structure: &Structure, body_codec: BodyReader) -> TokenStream {
    let _ = cx;
    let std = Std::for_names([item.named.name.as_str()]);
    let Std { some, result, ok, string, boxed, .. } = &std;
    let members = &structure.members;
    let type_name = ident(&item.named.name);
    let payload = members.iter().find(|m| m.binding == Binding::Payload);
    let has_body_members = members.iter().any(|m| m.binding == Binding::Body);
    let build = if structure.fallible() { quote!(build_or_zero) } else { quote!(build) };
    let builder = builder_path(&item.named);
    let uses_status = members.iter().any(|m| m.binding == Binding::ResponseCode);
    let mut code = TokenStream::new();
    if !uses_status {
        code.extend(quote!(let _ = status;));
    }
    let all_in_body = members.iter().all(|m| m.binding == Binding::Body);
    let wrapper = format_ident!("{}ResponseBody", item.named.name);
    // Every output and error keeps the request id, so `value` is always assigned to.
    let binding = quote!(mut value);
    if let (BodyReader::Xml(location), true) = (&body_codec, has_body_members) {
        // Members bound elsewhere are not read from the body, even when it has an element of their name.
        let body_members: Vec<&Member> = members.iter().filter(|m| m.binding == Binding::Body).collect();
        let read = match location {
            XmlLocation::Unwrapped => super::customize::s3::read_unwrapped_members(&std, &body_members),
            _ => super::xml::read_members(&std, &body_members),
        };
        let call = match location {
            XmlLocation::Root | XmlLocation::Unwrapped => quote!(crate::xml::read_root),
            XmlLocation::Error => quote!(crate::xml::read_error),
            XmlLocation::Wrapped(_) => quote!(crate::xml::read_wrapped),
        };
        let wrapper_argument = match location {
            XmlLocation::Wrapped(wrapper) => quote!(#wrapper,),
            _ => TokenStream::new(),
        };
        code.extend(quote! {
            let mut builder = Self::builder();
            let read = #call(body, #wrapper_argument |element| {
                #read
                #ok(())
            });
            read.map_err(|e| e.to_string())?;
            let #binding = builder.#build();
        });
    } else if has_body_members && all_in_body {
        code.extend(quote!(let #binding: Self = crate::http::json_body(body)?;));
    } else if has_body_members {
        // Members bound elsewhere are not read from the body, even when it has a key of their name.
        code.extend(quote! {
            let #wrapper(builder) = crate::http::json_body(body)?;
            let #binding = builder.#build();
        });
    } else {
        if payload.is_none() {
            code.extend(quote!(let _ = body;));
        }
        code.extend(quote!(let #binding = Self::builder().#build();));
    }
    if let Some(member) = payload {
        code.extend(response_payload(&std, member, &body_codec));
    }
    for member in members {
        let field = ident(&member.field);
        let assign = |expr: TokenStream| {
            let stored = if member.boxed { quote!(#boxed::new(#expr)) } else { expr };
            if member.optional { quote!(value.#field = #some(#stored);) } else { quote!(value.#field = #stored;) }
        };
        match &member.binding {
            Binding::Header(name) => {
                let media = member.media_type.is_some();
                let context = format!("header `{name}`");
                let read = match &member.ty {
                    Type::List(list) => {
                        let item = &list.item;
                        let http_dates = matches!(item, Type::DateTime(None | Some(TimestampFormat::HttpDate)));
                        let split = if http_dates {
                            quote!(crate::http::split_http_dates(text))
                        } else {
                            quote!(crate::http::split_header_list(text))
                        };
                        let read = from_text(&std, item, quote!(item.as_str()), TimestampFormat::HttpDate, media);
                        let assign = assign(quote!(items));
                        quote! {
                            let items = #split
                                .iter()
                                .map(|item| #read)
                                .collect::<#result<::std::vec::Vec<_>, _>>()
                                .map_err(|e| format!("{}: {e}", #context))?;
                            #assign
                        }
                    }
                    ty => {
                        let read = from_text(&std, ty, quote!(text), TimestampFormat::HttpDate, media);
                        let assign = assign(quote!(item));
                        quote! {
                            let item = #read.map_err(|e| format!("{}: {e}", #context))?;
                            #assign
                        }
                    }
                };
                code.extend(quote! {
                    if let #some(text) = crate::http::header(headers, #name) {
                        #read
                    }
                });
            }
            // A response's headers are all there is: no header with the prefix is an empty map.
            Binding::PrefixHeaders(prefix) => {
                code.extend(assign(quote!(crate::http::prefix_headers(headers, #prefix))))
            }
            Binding::ResponseCode => code.extend(assign(quote!(i32::from(status)))),
            _ => {}
        }
    }
    code.extend(quote!(value._request_id = crate::http::request_id(headers);));
    let allow = allow_deprecated(structure.any_deprecated());
    let body_wrapper = (body_codec == BodyReader::Json && has_body_members && !all_in_body).then(|| {
        let body_members: Vec<&Member> = members.iter().filter(|m| m.binding == Binding::Body).collect();
        let doc = prose(&format!(
            "The members of [`{}`] that travel in the JSON body, read into its builder.",
            item.named.name
        ));
        let deserialize =
            super::serde::deserialize_impl(&std, &quote!(#wrapper), item, &body_members, &quote!(#wrapper(builder)));
        quote! {
            #doc
            #[cfg(feature = "http")]
            struct #wrapper(#builder);
            #[cfg(feature = "http")]
            #deserialize
        }
    });
    let _ = string;
    quote! {
        #[cfg(feature = "http")]
        #allow
        impl #type_name {
            /// Reads the structure from a response's status, headers and body, or says what is wrong.
            pub(crate) fn from_http_parts(
                status: u16,
                headers: &::http::HeaderMap,
                body: &[u8],
            ) -> #result<Self, ::std::string::String> {
                #code
                #ok(value)
            }
        }
        #body_wrapper
    }
}

/// Reads the `@httpPayload` member of an output or error from the whole body.
fn response_payload(std: &Std, member: &Member, body_codec: &BodyReader) -> TokenStream {
    let Std { some, string, boxed, .. } = std;
    let field = ident(&member.field);
    // An event stream's body is binary event-stream framing, not XML: the XML protocols leave it
    // to the caller, and the member holds no events.
    if matches!(body_codec, BodyReader::Xml(_)) && matches!(member.ty, Type::EventStream(_)) {
        return quote!(let _ = body;);
    }
    let read = match &member.ty {
        Type::Blob => quote!(crate::primitives::Blob::new(body.to_vec())),
        Type::ByteStream => quote!(crate::primitives::ByteStream::new(body.to_vec())),
        Type::String => quote!(#string::from_utf8(body.to_vec()).map_err(|e| e.to_string())?),
        Type::Named(named) if named.kind == NamedKind::StringEnum => {
            let path = path(named);
            quote!(#path::from(::std::str::from_utf8(body).map_err(|e| e.to_string())?))
        }
        ty => {
            let ty = std.ty(ty);
            match body_codec {
                // Through the runtime's error, which names what was expected but never the value.
                BodyReader::Json => quote! {
                    ::serde_json::from_slice::<#ty>(body).map_err(|e| crate::http::JsonError::from(e).to_string())?
                },
                BodyReader::Xml(_) => quote!(crate::xml::read_document::<#ty>(body).map_err(|e| e.to_string())?),
            }
        }
    };
    let read = if member.boxed { quote!(#boxed::new(#read)) } else { read };
    let assign = if member.optional { quote!(value.#field = #some(#read);) } else { quote!(value.#field = #read;) };
    // An empty body is an absent payload; a required one keeps its zero value.
    quote! {
        if !body.is_empty() {
            #assign
        }
    }
}

/// How an error response names its error, and so how variants are matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ErrorCodes {
    /// By shape name, read as JSON (restJson1, awsJson1_0, awsJson1_1).
    Json,
    /// By shape name, read as JSON, or by the awsQuery code of `x-amzn-query-error` when the
    /// response has one (`@awsQueryCompatible` awsJson services).
    JsonQueryCompatible,
    /// By shape name, read from XML (restXml, ec2Query).
    Xml,
    /// By the `@awsQueryError` code, else the shape name, read from XML (awsQuery).
    AwsQuery,
}

/// The errors of an operation of an `@awsQueryCompatible` service, as
/// `ErrorInfo::query_compatible` takes them: each one's awsQuery code (its `@awsQueryError`
/// code, else its shape name) and shape name.
pub(crate) fn query_compatible_errors(op: &Operation) -> TokenStream {
    let pairs = op.errors.iter().map(|variant| {
        let (code, shape) = (&variant.code, &variant.shape_name);
        quote!((#code, #shape))
    });
    quote!([#(#pairs),*])
}

/// `impl Output { pub fn from_http_response }` and the operation's error reader, in the
/// operation's module; for an output whose payload is a streaming blob, also
/// `from_http_response_head`, which reads it from the response's head and leaves the body, the
/// payload, to the caller.
pub(crate) fn response(cx: &Context<'_>, std: &Std, op: &Operation, codes: ErrorCodes) -> TokenStream {
    let Std { result, ok, err, some, .. } = std;
    let output = path(&op.output.named);
    let error = ident(&op.error);
    let doc = docs(&crate::docs::wrap_prose(&format!(
        "Reads a response to the `{}` operation: this output when it succeeded, else the error the \
         response carries. An error the model does not describe, or a response that cannot be read, is \
         [`{}::Unhandled`].",
        op.shape_name, op.error
    )));
    let unhandled = quote!(#error::Unhandled(crate::http::unhandled(status, body, info)));
    let read = if op.errors.is_empty() {
        unhandled
    } else {
        let arms = op.errors.iter().map(|variant| {
            let query_code = match codes {
                ErrorCodes::AwsQuery => item_of(cx, &variant.named).and_then(|item| match &item.kind {
                    ItemKind::Structure(Structure { role: Role::Error(info), .. }) => {
                        info.query_error.as_ref().map(|(code, _)| code.as_str())
                    }
                    _ => None,
                }),
                _ => None,
            };
            // A query-compatible error is matched by the shape name `query_compatible` gives.
            let code = match codes {
                ErrorCodes::JsonQueryCompatible => lit(&variant.shape_name),
                _ => lit(query_code.unwrap_or(&variant.code)),
            };
            let path = path(&variant.named);
            let name = ident(&variant.name);
            // A message the body spells otherwise (`Message`, `errorMessage`, XML's `<Message>`)
            // is still its message.
            let message = variant.message.as_ref().filter(|message| !message.deprecated).map(|message| {
                let field = ident(&message.field);
                if message.optional {
                    quote!(if error.#field.is_none() { error.#field = info.message.clone(); })
                } else {
                    quote! {
                        if let (true, #some(message)) = (error.#field.is_empty(), info.message.clone()) {
                            error.#field = message;
                        }
                    }
                }
            });
            // An XML error carries its request id in the body.
            let request_id = (!matches!(codes, ErrorCodes::Json | ErrorCodes::JsonQueryCompatible))
                .then(|| quote!(error._request_id = info.request_id.clone();));
            let binding = if message.is_some() || request_id.is_some() { quote!(mut error) } else { quote!(error) };
            quote! {
                #some(#code) => match #path::from_http_parts(status, headers, body) {
                    ::std::result::Result::Ok(#binding) => {
                        #request_id
                        #message
                        #error::#name(error)
                    }
                    #err(problem) => crate::http::malformed(status, headers, body, problem),
                },
            }
        });
        let scrutinee = match codes {
            ErrorCodes::JsonQueryCompatible => {
                let errors = query_compatible_errors(op);
                quote!(info.query_compatible(headers, &#errors))
            }
            _ => quote!(info.code.as_deref()),
        };
        quote! {
            match #scrutinee {
                #(#arms)*
                _ => {
                    #unhandled
                }
            }
        }
    };
    let error_info = match codes {
        ErrorCodes::Json => quote!(crate::http::error_info(headers, body)),
        ErrorCodes::JsonQueryCompatible => quote!(crate::http::error_info(headers, body)),
        ErrorCodes::Xml | ErrorCodes::AwsQuery => quote!(crate::xml::error_info(headers, body)),
    };
    let info_let = match codes {
        ErrorCodes::JsonQueryCompatible if !op.errors.is_empty() => quote!(let mut info),
        _ => quote!(let info),
    };
    let streaming = match &op.output.kind {
        ItemKind::Structure(structure) => {
            structure.members.iter().any(|m| m.binding == Binding::Payload && m.ty == Type::ByteStream)
        }
        _ => false,
    };
    let head = streaming.then(|| {
        let doc = prose(&format!(
            "Reads a response to the `{}` operation from its head alone (status and headers), leaving its \
             body, the streaming payload, to the caller: nothing is read from it or copied. Split a response \
             with `into_parts()`, read the head here, and stream the body yourself; the output's payload \
             member is left empty.\n\nAn unsuccessful response carries its error in its body: this reads \
             what the head says of it (its status, and its code when a header carries one); read the whole \
             response with [`from_http_response`](Self::from_http_response) for the rest.",
            op.shape_name
        ));
        quote! {
            #doc
            #[allow(clippy::result_large_err)]
            pub fn from_http_response_head(head: &::http::response::Parts) -> #result<Self, #error> {
                let (status, headers) = (head.status.as_u16(), &head.headers);
                if !head.status.is_success() {
                    return #err(read_error(status, headers, &[]));
                }
                match Self::from_http_parts(status, headers, &[]) {
                    #ok(output) => #ok(output),
                    #err(problem) => #err(crate::http::malformed(status, headers, &[], problem)),
                }
            }
        }
    });
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
                if !response.status().is_success() {
                    return #err(read_error(status, headers, body));
                }
                match Self::from_http_parts(status, headers, body) {
                    #ok(output) => #ok(output),
                    #err(problem) => #err(crate::http::malformed(status, headers, body, problem)),
                }
            }
            #head
        }
        /// The error an unsuccessful response carries.
        #[cfg(feature = "http")]
        fn read_error(status: u16, headers: &::http::HeaderMap, body: &[u8]) -> #error {
            #info_let = #error_info;
            #read
        }
    }
}
