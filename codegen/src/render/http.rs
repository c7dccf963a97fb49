//! Renders the restJson1 HTTP bindings, behind the generated crate's `http` feature: building an
//! operation's request from its input, and reading its output or error from a response.
//!
//! The bindings are sans-IO: a request is an `http::Request<Vec<u8>>` whose URI is a path and
//! query, and a response is any `http::Response<B>` with `B: AsRef<[u8]>`; sending, signing and
//! retrying belong to the caller.

use super::{Context, ItemPath, Str, Type, Writer, line, open};
use crate::model::{Member, Shape, ShapeKind};
use crate::symbols::{Item, MemberSymbol, OperationSymbols, RustType};
use crate::traits::{Http, TimestampFormat};

/// Where an input, output or error member travels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Binding<'a> {
    /// A URI label; greedy labels may hold `/`.
    Label { greedy: bool },
    /// A query parameter.
    Query(&'a str),
    /// Query parameters of any name, from a map.
    QueryParams,
    /// A header.
    Header(&'a str),
    /// Headers starting with a prefix, from a map.
    PrefixHeaders(&'a str),
    /// The whole body.
    Payload,
    /// The response's status code.
    ResponseCode,
    /// A member of the JSON body.
    Body,
}

/// Which way a structure travels: labels and query parameters exist only in requests, status
/// codes only in responses; members bound to the other direction's parts travel in the body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Direction {
    Request,
    Response,
}

fn binding<'a>(member: &'a Member, greedy_labels: &[&str], direction: Direction) -> Binding<'a> {
    let binding = bind(member, greedy_labels);
    match (direction, binding) {
        (Direction::Response, Binding::Label { .. } | Binding::Query(_) | Binding::QueryParams) => Binding::Body,
        (Direction::Request, Binding::ResponseCode) => Binding::Body,
        (_, binding) => binding,
    }
}

fn bind<'a>(member: &'a Member, greedy_labels: &[&str]) -> Binding<'a> {
    let traits = &member.traits;
    if traits.is_http_label() {
        Binding::Label { greedy: greedy_labels.contains(&member.name.as_str()) }
    } else if let Some(name) = traits.http_query() {
        Binding::Query(name)
    } else if traits.is_http_query_params() {
        Binding::QueryParams
    } else if let Some(name) = traits.http_header() {
        Binding::Header(name)
    } else if let Some(prefix) = traits.http_prefix_headers() {
        Binding::PrefixHeaders(prefix)
    } else if traits.is_http_payload() {
        Binding::Payload
    } else if traits.is_http_response_code() {
        Binding::ResponseCode
    } else {
        Binding::Body
    }
}

/// A member of a bound structure: the model member, its symbols, and where it travels.
struct Bound<'a> {
    member: &'a Member,
    symbol: &'a MemberSymbol,
    binding: Binding<'a>,
}

fn bound_members<'a>(
    cx: &'a Context<'_>,
    shape: &'a Shape,
    greedy_labels: &[&str],
    direction: Direction,
) -> Vec<Bound<'a>> {
    let symbols = cx.symbols.members(&shape.id);
    shape
        .kind
        .members()
        .iter()
        .zip(symbols)
        .map(|(member, symbol)| Bound { member, symbol, binding: binding(member, greedy_labels, direction) })
        .collect()
}

/// Whether the service speaks restJson1, the protocol these bindings implement.
pub(crate) fn applies(cx: &Context<'_>) -> bool {
    cx.index.service.traits.is_rest_json_1()
}

/// The timestamp format of a bound value: the member's or target's `@timestampFormat`, else the
/// location's default.
fn timestamp_format(cx: &Context<'_>, member: &Member, default: TimestampFormat) -> &'static str {
    let target = cx.index.shape(&member.target);
    let item_target = match &target.kind {
        ShapeKind::List(item) => Some(cx.index.shape(&item.target)),
        _ => None,
    };
    let format = member
        .traits
        .timestamp_format()
        .or(target.traits.timestamp_format())
        .or(item_target.and_then(|t| t.traits.timestamp_format()))
        .unwrap_or(default);
    match format {
        TimestampFormat::DateTime => "crate::primitives::DateTimeFormat::DateTime",
        TimestampFormat::HttpDate => "crate::primitives::DateTimeFormat::HttpDate",
        TimestampFormat::EpochSeconds => "crate::primitives::DateTimeFormat::EpochSeconds",
    }
}

/// Whether a string member's target carries `@mediaType`, which headers carry as base64.
fn has_media_type(cx: &Context<'_>, member: &Member) -> bool {
    cx.index.shape(&member.target).traits.media_type().is_some()
}

/// An expression turning `value` (a `&T`) into text for a label, query value or header.
fn to_text(cx: &Context<'_>, ty: &RustType, value: &str, format: &str, media: bool) -> String {
    match ty {
        RustType::String if media => format!("&crate::primitives::Blob::from({value}.as_bytes()).to_base64()"),
        RustType::String => format!("{value}.as_str()"),
        RustType::F32 => format!("&crate::http::float_text(*{value})"),
        RustType::F64 => format!("&crate::http::float_text(*{value})"),
        RustType::DateTime => format!("&{value}.format({format})"),
        RustType::Blob => format!("&{value}.to_base64()"),
        RustType::Named(item) if matches!(cx.index.shape(&item.shape).kind, ShapeKind::IntEnum(_)) => {
            format!("&{value}.value().to_string()")
        }
        RustType::Named(_) => format!("{value}.as_str()"),
        _ => format!("&{value}.to_string()"),
    }
}

/// An expression reading `text` (a `&str`) as a `T`, as a `Result<T, String>`.
fn from_text(cx: &Context<'_>, ty: &RustType, text: &str, format: &str, media: bool) -> String {
    match ty {
        RustType::String if media => format!(
            "crate::primitives::Blob::from_base64({text}.trim()).ok_or(\"not base64\").map_err(::std::string::String::from).and_then(|blob| ::std::string::String::from_utf8(blob.into_inner()).map_err(|e| e.to_string()))"
        ),
        RustType::String => format!("::std::result::Result::<_, ::std::string::String>::Ok({text}.to_owned())"),
        RustType::Bool => format!("crate::http::parse_bool({text})"),
        RustType::I8 | RustType::I16 | RustType::I32 | RustType::I64 => {
            format!("crate::http::parse_number::<{}>({text})", Type(ty))
        }
        RustType::F32 => format!("crate::http::parse_float({text}).map(|value| value as f32)"),
        RustType::F64 => format!("crate::http::parse_float({text})"),
        RustType::DateTime => {
            format!("crate::primitives::DateTime::parse({text}.trim(), {format}).map_err(|e| e.to_string())")
        }
        RustType::Blob => {
            format!(
                "crate::primitives::Blob::from_base64({text}.trim()).ok_or(\"not base64\").map_err(::std::string::String::from)"
            )
        }
        RustType::Named(item) => match &cx.index.shape(&item.shape).kind {
            ShapeKind::IntEnum(_) => format!("crate::http::parse_number::<i32>({text}).map({}::from)", ItemPath(item)),
            _ => format!(
                "::std::result::Result::<_, ::std::string::String>::Ok({}::from({text}.trim()))",
                ItemPath(item)
            ),
        },
        other => format!(
            "::std::result::Result::<{}, ::std::string::String>::Err(::std::string::String::from({}))",
            Type(other),
            Str("this type cannot be read from text")
        ),
    }
}

/// An `@http` URI pattern: literal text and labels, then an optional literal query.
struct UriPattern {
    /// Literal text followed by the label after it (none after the last piece of text).
    pieces: Vec<(String, Option<Label>)>,
    /// The literal query after `?`.
    query: Option<String>,
}

/// A `{name}` or greedy `{name+}` label of a URI pattern.
struct Label {
    name: String,
    greedy: bool,
}

impl UriPattern {
    fn parse(uri: &str) -> UriPattern {
        let (path, query) = match uri.split_once('?') {
            Some((path, query)) => (path, Some(query.to_owned())),
            None => (uri, None),
        };
        let mut pieces = Vec::new();
        let mut rest = path;
        while let Some(start) = rest.find('{') {
            let Some(end) = rest[start..].find('}') else { break };
            let label = &rest[start + 1..start + end];
            let (name, greedy) = match label.strip_suffix('+') {
                Some(name) => (name, true),
                None => (label, false),
            };
            pieces.push((rest[..start].to_owned(), Some(Label { name: name.to_owned(), greedy })));
            rest = &rest[start + end + 1..];
        }
        pieces.push((rest.to_owned(), None));
        UriPattern { pieces, query }
    }

    fn greedy_labels(&self) -> Vec<&str> {
        self.pieces
            .iter()
            .filter_map(|(_, label)| label.as_ref().filter(|l| l.greedy).map(|l| l.name.as_str()))
            .collect()
    }
}

/// `impl Input { pub fn to_http_request(&self) }`, in the input's file.
pub(crate) fn request(w: &mut Writer, cx: &Context<'_>, op: &OperationSymbols, http: &Http) {
    let input = cx.index.shape(&op.input.shape);
    let op_shape = cx.index.shape(&op.shape);
    let pattern = UriPattern::parse(&http.uri);
    let (parts, literal_query) = (&pattern.pieces, &pattern.query);
    let members = bound_members(cx, input, &pattern.greedy_labels(), Direction::Request);
    let type_name = &op.input.name;

    w.blank();
    line!(w, "#[cfg(feature = \"http\")]");
    super::allow_deprecated(w, cx.symbols.members(&input.id));
    open!(w, "impl {type_name}");
    w.docs(&format!(
        "The HTTP request that sends this input to the service: `{} {}` with the input's labels, query \
         parameters, headers and body.\n\nThe URI is the path and query only: put the service's endpoint in \
         front of it, sign the request, and send it with any HTTP client. A label that is missing or empty is \
         a [`BuildError`](crate::error::BuildError).",
        http.method, http.uri
    ));
    w.open_fn(
        "pub fn to_http_request",
        &["&self"],
        Some("::std::result::Result<::http::Request<::std::vec::Vec<u8>>, crate::error::BuildError>"),
    );
    line!(w, "self.to_http_request_with(&crate::http::RequestOptions::new())");
    w.close();
    w.docs(
        "The HTTP request that sends this input, built with `options`: with an endpoint, the URI is \
         absolute; an unset idempotency token is taken from the options or generated.",
    );
    w.open_fn(
        "pub fn to_http_request_with",
        &["&self", "options: &crate::http::RequestOptions"],
        Some("::std::result::Result<::http::Request<::std::vec::Vec<u8>>, crate::error::BuildError>"),
    );
    // An unset idempotency token is filled in a copy of the input; `input` is what is sent.
    let tokens: Vec<&MemberSymbol> = members
        .iter()
        .filter(|b| b.member.traits.is_idempotency_token() && b.symbol.optional && b.symbol.ty == RustType::String)
        .map(|b| b.symbol)
        .collect();
    if tokens.is_empty() {
        if !members.is_empty() {
            line!(w, "let input = self;");
        }
    } else {
        line!(w, "let filled;");
        let unset: Vec<String> = tokens.iter().map(|t| format!("self.{}.is_none()", t.field)).collect();
        open!(w, "let input = if {}", unset.join(" || "));
        let fills: Vec<String> = tokens
            .iter()
            .map(|t| format!("{f}: self.{f}.clone().or_else(|| ::std::option::Option::Some(crate::http::idempotency_token(options)))", f = t.field))
            .collect();
        line!(w, "filled = Self {{ {}, ..self.clone() }};", fills.join(", "));
        line!(w, "&filled");
        w.close_with(" else {");
        line!(w, "    self");
        line!(w, "}};");
    }

    // The path, label by label.
    let (first, _) = &parts[0];
    let payload = members.iter().find(|b| b.binding == Binding::Payload);
    let body_members: Vec<&MemberSymbol> =
        members.iter().filter(|b| b.binding == Binding::Body).map(|b| b.symbol).collect();
    let uri_grows = parts.len() > 1
        || literal_query.is_some()
        || members.iter().any(|b| matches!(b.binding, Binding::Query(_) | Binding::QueryParams));
    let headers_grow = payload.is_some()
        || !body_members.is_empty()
        || op_shape.traits.is_http_checksum_required()
        || members.iter().any(|b| matches!(b.binding, Binding::Header(_) | Binding::PrefixHeaders(_)));
    line!(w, "let {} = crate::http::Uri::new({});", if uri_grows { "mut uri" } else { "uri" }, Str(first));
    for (i, (_, label)) in parts.iter().enumerate() {
        let Some(Label { name: label, greedy }) = label else { continue };
        let Some(bound) =
            members.iter().find(|b| b.member.name == *label && matches!(b.binding, Binding::Label { .. }))
        else {
            // A label without a member cannot be filled; the request would be wrong, so refuse it.
            line!(
                w,
                "return ::std::result::Result::Err(crate::error::BuildError::invalid_field({}, {}));",
                Str(label),
                Str("the URI label has no member to fill it")
            );
            w.close();
            w.close();
            return;
        };
        let symbol = bound.symbol;
        let plain = crate::naming::unraw(&symbol.field);
        if symbol.optional {
            line!(
                w,
                "let value = input.{}.as_ref().ok_or_else(|| crate::error::BuildError::missing_field({}, {}))?;",
                symbol.field,
                Str(plain),
                Str(type_name)
            );
        } else {
            line!(w, "let value = &input.{};", symbol.field);
        }
        let format = timestamp_format(cx, bound.member, TimestampFormat::DateTime);
        let text = to_text(cx, &symbol.ty, "value", format, false);
        line!(w, "uri.push_label({}, {text}, {greedy})?;", Str(plain));
        let (next_literal, _) = &parts[i + 1];
        if !next_literal.is_empty() {
            line!(w, "uri.push_literal({});", Str(next_literal));
        }
    }

    // The query: the URI's literal part, then members, then the free-form map without overriding.
    if let Some(query) = literal_query {
        line!(w, "uri.push_literal_query({});", Str(query));
    }
    let query_names: Vec<&str> = members
        .iter()
        .filter_map(|b| match b.binding {
            Binding::Query(n) => Some(n),
            _ => None,
        })
        .collect();
    for bound in &members {
        let symbol = bound.symbol;
        match bound.binding {
            Binding::Query(name) => {
                let format = timestamp_format(cx, bound.member, TimestampFormat::DateTime);
                each_value(w, symbol, |w, ty, value| {
                    line!(w, "uri.push_query({}, {});", Str(name), to_text(cx, ty, value, format, false));
                });
            }
            Binding::QueryParams => {
                open_value(w, symbol, "params");
                open!(w, "for (name, values) in params");
                if !query_names.is_empty() {
                    let names: Vec<String> = query_names.iter().map(|n| Str(n).to_string()).collect();
                    open!(w, "if [{}].contains(&name.as_str())", names.join(", "));
                    line!(w, "continue;");
                    w.close();
                }
                match &symbol.ty {
                    RustType::Map(_, value) if matches!(**value, RustType::Vec(_)) => {
                        open!(w, "for value in values");
                        line!(w, "uri.push_query(name, value);");
                        w.close();
                    }
                    _ => line!(w, "uri.push_query(name, values);"),
                }
                w.close();
                close_value(w, symbol);
            }
            _ => {}
        }
    }

    // Headers.
    line!(w, "let {} = ::http::HeaderMap::new();", if headers_grow { "mut headers" } else { "headers" });
    for bound in &members {
        let symbol = bound.symbol;
        let plain = crate::naming::unraw(&symbol.field);
        match bound.binding {
            Binding::Header(name) => {
                let format = timestamp_format(cx, bound.member, TimestampFormat::HttpDate);
                let media = has_media_type(cx, bound.member);
                open_value(w, symbol, "value");
                match &symbol.ty {
                    RustType::Vec(item) => {
                        let item_text = to_text(cx, item, "item", format, media);
                        let quoted = if matches!(**item, RustType::String) {
                            format!("crate::http::header_list_item({item_text}).into_owned()")
                        } else if let Some(owned) = item_text.strip_prefix('&') {
                            owned.to_owned()
                        } else {
                            format!("{item_text}.to_owned()")
                        };
                        line!(
                            w,
                            "let text = value.iter().map(|item| {quoted}).collect::<::std::vec::Vec<_>>().join(\", \");"
                        );
                        line!(w, "crate::http::insert_header(&mut headers, {}, {}, &text)?;", Str(plain), Str(name));
                    }
                    ty => {
                        let text = to_text(cx, ty, "value", format, media);
                        line!(w, "crate::http::insert_header(&mut headers, {}, {}, {text})?;", Str(plain), Str(name));
                    }
                }
                close_value(w, symbol);
            }
            Binding::PrefixHeaders(prefix) => {
                open_value(w, symbol, "map");
                open!(w, "for (name, value) in map");
                line!(
                    w,
                    "crate::http::insert_header(&mut headers, {}, &format!(\"{{}}{{name}}\", {}), value)?;",
                    Str(plain),
                    Str(prefix)
                );
                w.close();
                close_value(w, symbol);
            }
            _ => {}
        }
    }

    // The body: the payload member, or a JSON object of the unbound members, or nothing.
    match payload {
        Some(bound) => request_payload(w, cx, bound),
        None if !body_members.is_empty() => {
            line!(
                w,
                "let body = ::serde_json::to_vec(&RequestBody(input)).map_err(|e| crate::error::BuildError::invalid_field({}, e.to_string()))?;",
                Str("body")
            );
            line!(w, "crate::http::set_body_headers(&mut headers, \"application/json\", &body);");
        }
        None => line!(w, "let body = ::std::vec::Vec::new();"),
    }
    if op_shape.traits.is_http_checksum_required() {
        line!(
            w,
            "let md5 = ::http::HeaderValue::from_str(&crate::http::content_md5(&body)).map_err(|e| crate::error::BuildError::invalid_field(\"body\", e.to_string()))?;"
        );
        line!(w, "headers.insert(\"content-md5\", md5);");
    }
    let host_prefix = host_prefix(w, op_shape, &members);
    line!(w, "let mut request = ::http::Request::builder()");
    line!(w, "    .method({})", Str(&http.method));
    line!(w, "    .uri(crate::http::full_uri(options, {host_prefix}, uri.finish())?)");
    line!(w, "    .body(body)");
    line!(w, "    .map_err(|e| crate::error::BuildError::invalid_field({}, e.to_string()))?;", Str("uri"));
    line!(w, "*request.headers_mut() = headers;");
    line!(w, "::std::result::Result::Ok(request)");
    w.close();
    w.close();

    if payload.is_none() && !body_members.is_empty() {
        w.blank();
        line!(w, "/// The members of [`{type_name}`] that travel in the JSON body.");
        line!(w, "#[cfg(feature = \"http\")]");
        line!(w, "struct RequestBody<'a>(&'a {type_name});");
        w.blank();
        line!(w, "#[cfg(feature = \"http\")]");
        super::serde::serialize_impl(w, "RequestBody<'_>", type_name, &body_members, "self.0");
    }
}

/// Writes what computes the operation's `@endpoint` host prefix, its `{label}`s filled from the
/// input's `@hostLabel` members; returns the expression for the prefix (`""` when there is none).
fn host_prefix(w: &mut Writer, op: &Shape, members: &[Bound<'_>]) -> String {
    let Some(prefix) = op.traits.host_prefix() else { return "\"\"".to_owned() };
    let mut format_text = String::new();
    let mut arguments = Vec::new();
    let mut rest = prefix;
    while let Some(start) = rest.find('{') {
        let Some(end) = rest[start..].find('}') else { break };
        format_text.push_str(&rest[..start].replace('{', "{{").replace('}', "}}"));
        format_text.push_str("{}");
        let label = &rest[start + 1..start + end];
        match members.iter().find(|b| b.member.name == label && b.member.traits.is_host_label()) {
            Some(bound) => {
                let symbol = bound.symbol;
                let plain = crate::naming::unraw(&symbol.field);
                let value = if symbol.optional {
                    format!("input.{}.as_deref().unwrap_or_default()", symbol.field)
                } else {
                    format!("input.{}.as_str()", symbol.field)
                };
                line!(w, "let {plain}_label = {value};");
                // A host label becomes part of a DNS name: it must be a non-empty host segment.
                open!(
                    w,
                    "if {plain}_label.is_empty() || !{plain}_label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')"
                );
                line!(
                    w,
                    "return ::std::result::Result::Err(crate::error::BuildError::invalid_field({}, {}));",
                    Str(plain),
                    Str("a host label must be letters, digits and hyphens")
                );
                w.close();
                arguments.push(format!("{plain}_label"));
            }
            // A label no member fills is left empty; the model is wrong, and the host shows it.
            None => arguments.push("\"\"".to_owned()),
        }
        rest = &rest[start + end + 1..];
    }
    format_text.push_str(&rest.replace('{', "{{").replace('}', "}}"));
    if arguments.is_empty() {
        return Str(prefix).to_string();
    }
    line!(w, "let host_prefix = format!({}, {});", Str(&format_text), arguments.join(", "));
    "&host_prefix".to_owned()
}

/// The body of a request from its `@httpPayload` member, with its content type.
fn request_payload(w: &mut Writer, cx: &Context<'_>, bound: &Bound<'_>) {
    let symbol = bound.symbol;
    let target = cx.index.shape(&bound.member.target);
    let media = target.traits.media_type();
    // An unset structure or document is sent as `{}`; an unset union, blob or string as nothing.
    let empty_object = !matches!(target.kind, ShapeKind::Union(_));
    let (bytes, default_type, json) = match &symbol.ty {
        RustType::Blob | RustType::ByteStream => ("value.as_bytes().to_vec()", "application/octet-stream", false),
        RustType::String => ("value.as_bytes().to_vec()", "text/plain", false),
        RustType::Named(_) if matches!(target.kind, ShapeKind::Enum(_) | ShapeKind::String) => {
            ("value.as_str().as_bytes().to_vec()", "text/plain", false)
        }
        _ => (
            "::serde_json::to_vec(value).map_err(|e| crate::error::BuildError::invalid_field(\"body\", e.to_string()))?",
            "application/json",
            true,
        ),
    };
    let content_type = Str(media.unwrap_or(default_type));
    let value = if symbol.optional {
        format!("&input.{}", symbol.field)
    } else {
        format!("::std::option::Option::Some(&input.{})", symbol.field)
    };
    open!(w, "let body = match {value}");
    line!(w, "::std::option::Option::Some(value) => {bytes},");
    if json && empty_object {
        line!(w, "::std::option::Option::None => b\"{{}}\".to_vec(),");
    } else {
        line!(w, "::std::option::Option::None => ::std::vec::Vec::new(),");
    }
    w.close_with(";");
    if json && empty_object {
        line!(w, "crate::http::set_body_headers(&mut headers, {content_type}, &body);");
    } else {
        open!(w, "if !body.is_empty()");
        line!(w, "crate::http::set_body_headers(&mut headers, {content_type}, &body);");
        w.close();
    }
}

/// Opens `if let Some(name) = &self.field` for an optional member (or binds `name` for a
/// required one); [`close_value`] ends it.
fn open_value(w: &mut Writer, symbol: &MemberSymbol, name: &str) {
    if symbol.optional {
        open!(w, "if let ::std::option::Option::Some({name}) = &input.{}", symbol.field);
    } else {
        line!(w, "let {name} = &input.{};", symbol.field);
    }
}

fn close_value(w: &mut Writer, symbol: &MemberSymbol) {
    if symbol.optional {
        w.close();
    }
}

/// Calls `write` for the member's value, or for each item when it is a list.
fn each_value(w: &mut Writer, symbol: &MemberSymbol, write: impl Fn(&mut Writer, &RustType, &str)) {
    open_value(w, symbol, "value");
    match &symbol.ty {
        RustType::Vec(item) => {
            open!(w, "for item in value");
            write(w, item, "item");
            w.close();
        }
        ty => write(w, ty, "value"),
    }
    close_value(w, symbol);
}

/// `impl X { pub(crate) fn from_http_parts(…) }`: reads an output or error structure from a
/// response's status, headers and body. Body members come from the JSON body (or the payload
/// member from the whole body), then bound members from the headers and status.
pub(crate) fn read_parts(w: &mut Writer, cx: &Context<'_>, shape: &Shape, item: &Item) {
    let members = bound_members(cx, shape, &[], Direction::Response);
    let type_name = &item.name;
    let payload = members.iter().find(|b| b.binding == Binding::Payload);
    let has_body_members = members.iter().any(|b| b.binding == Binding::Body);
    let fallible = cx.symbols.members(&shape.id).iter().any(MemberSymbol::is_required_in_builder);
    w.blank();
    line!(w, "#[cfg(feature = \"http\")]");
    super::allow_deprecated(w, cx.symbols.members(&shape.id));
    open!(w, "impl {type_name}");
    line!(w, "/// Reads the structure from a response's status, headers and body, or says what is wrong.");
    w.open_fn(
        "pub(crate) fn from_http_parts",
        &["status: u16", "headers: &::http::HeaderMap", "body: &[u8]"],
        Some("::std::result::Result<Self, ::std::string::String>"),
    );
    let uses_status = members.iter().any(|b| b.binding == Binding::ResponseCode);
    let uses_headers = members.iter().any(|b| matches!(b.binding, Binding::Header(_) | Binding::PrefixHeaders(_)));
    if !uses_status {
        line!(w, "let _ = status;");
    }
    if !uses_headers {
        line!(w, "let _ = headers;");
    }
    let assigned = payload.is_some() || uses_status || uses_headers;
    let binding = if assigned { "mut value" } else { "value" };
    let all_in_body = members.iter().all(|b| b.binding == Binding::Body);
    if has_body_members && all_in_body {
        line!(w, "let {binding}: Self = crate::http::json_body(body).map_err(|e| e.to_string())?;");
    } else if has_body_members {
        // Members bound elsewhere are not read from the body, even when it has a key of their name.
        let build = if fallible { "build_or_zero" } else { "build" };
        line!(w, "let ResponseBody(builder) = crate::http::json_body(body).map_err(|e| e.to_string())?;");
        line!(w, "let {binding} = builder.{build}();");
    } else {
        if payload.is_none() {
            line!(w, "let _ = body;");
        }
        let build = if fallible { "build_or_zero" } else { "build" };
        line!(w, "let {binding} = <{} as ::std::default::Default>::default().{build}();", super::BuilderPath(item));
    }
    if let Some(bound) = payload {
        response_payload(w, cx, bound);
    }
    for bound in &members {
        let symbol = bound.symbol;
        let field = &symbol.field;
        let assign = |w: &mut Writer, expr: &str| {
            let stored = if symbol.boxed { format!("::std::boxed::Box::new({expr})") } else { expr.to_owned() };
            if symbol.optional {
                line!(w, "value.{field} = ::std::option::Option::Some({stored});");
            } else {
                line!(w, "value.{field} = {stored};");
            }
        };
        match bound.binding {
            Binding::Header(name) => {
                let format = timestamp_format(cx, bound.member, TimestampFormat::HttpDate);
                let media = has_media_type(cx, bound.member);
                open!(w, "if let ::std::option::Option::Some(text) = crate::http::header(headers, {})", Str(name));
                let context = format!("header `{name}`");
                match &symbol.ty {
                    RustType::Vec(item) => {
                        let split = if matches!(**item, RustType::DateTime) && format.ends_with("HttpDate") {
                            "crate::http::split_http_dates(text)"
                        } else {
                            "crate::http::split_header_list(text)"
                        };
                        let read = from_text(cx, item, "item.as_str()", format, media);
                        line!(
                            w,
                            "let items = {split}.iter().map(|item| {read}).collect::<::std::result::Result<::std::vec::Vec<_>, _>>().map_err(|e| format!(\"{{}}: {{e}}\", {}))?;",
                            Str(&context)
                        );
                        assign(w, "items");
                    }
                    ty => {
                        let read = from_text(cx, ty, "text", format, media);
                        line!(w, "let item = {read}.map_err(|e| format!(\"{{}}: {{e}}\", {}))?;", Str(&context));
                        assign(w, "item");
                    }
                }
                w.close();
            }
            Binding::PrefixHeaders(prefix) => {
                line!(w, "let map = crate::http::prefix_headers(headers, {});", Str(prefix));
                open!(w, "if !map.is_empty()");
                assign(w, "map");
                w.close();
            }
            Binding::ResponseCode => assign(w, "i32::from(status)"),
            _ => {}
        }
    }
    line!(w, "::std::result::Result::Ok(value)");
    w.close();
    w.close();
    if has_body_members && !all_in_body {
        let builder = super::BuilderPath(item).to_string();
        let body_members: Vec<&MemberSymbol> =
            members.iter().filter(|b| b.binding == Binding::Body).map(|b| b.symbol).collect();
        w.blank();
        line!(w, "/// The members of [`{type_name}`] that travel in the JSON body, read into its builder.");
        line!(w, "#[cfg(feature = \"http\")]");
        line!(w, "struct ResponseBody({builder});");
        w.blank();
        line!(w, "#[cfg(feature = \"http\")]");
        super::serde::deserialize_impl(w, "ResponseBody", item, &body_members, "ResponseBody(builder)");
    }
}

/// Reads the `@httpPayload` member of an output or error from the whole body.
fn response_payload(w: &mut Writer, cx: &Context<'_>, bound: &Bound<'_>) {
    let symbol = bound.symbol;
    let field = &symbol.field;
    let target = cx.index.shape(&bound.member.target);
    let read = match &symbol.ty {
        RustType::Blob => "crate::primitives::Blob::new(body.to_vec())".to_owned(),
        RustType::ByteStream => "crate::primitives::ByteStream::new(body.to_vec())".to_owned(),
        RustType::String => "::std::string::String::from_utf8(body.to_vec()).map_err(|e| e.to_string())?".to_owned(),
        RustType::Named(item) if matches!(target.kind, ShapeKind::Enum(_) | ShapeKind::String) => {
            format!("{}::from(::std::str::from_utf8(body).map_err(|e| e.to_string())?)", ItemPath(item))
        }
        ty => format!("::serde_json::from_slice::<{}>(body).map_err(|e| e.to_string())?", Type(ty)),
    };
    let read = if symbol.boxed { format!("::std::boxed::Box::new({read})") } else { read };
    // An empty body is an absent payload; a required one keeps its zero value.
    open!(w, "if !body.is_empty()");
    if symbol.optional {
        line!(w, "value.{field} = ::std::option::Option::Some({read});");
    } else {
        line!(w, "value.{field} = {read};");
    }
    w.close();
}

/// `impl Output { pub fn from_http_response }` and the operation's error reader, in the operation's
/// module.
pub(crate) fn response(w: &mut Writer, cx: &Context<'_>, op: &OperationSymbols) {
    let (output, error) = (&op.output.name, &op.error);
    w.blank();
    line!(w, "#[cfg(feature = \"http\")]");
    open!(w, "impl {output}");
    w.docs(&format!(
        "Reads a response to the `{}` operation: this output when it succeeded, else the error the \
         response carries. An error the model does not describe, or a response that cannot be read, is \
         [`{error}::Unhandled`].",
        op.shape.name()
    ));
    // Error variants hold their structures inline, as the error enums do everywhere else: an
    // error is the cold path, and boxing it would cost every caller an allocation and a deref
    // to match on it.
    line!(w, "#[allow(clippy::result_large_err)]");
    w.open_fn(
        "pub fn from_http_response<B: ::std::convert::AsRef<[u8]>>",
        &["response: &::http::Response<B>"],
        Some(&format!("::std::result::Result<Self, {error}>")),
    );
    line!(
        w,
        "let (status, headers, body) = (response.status().as_u16(), response.headers(), response.body().as_ref());"
    );
    open!(w, "if !response.status().is_success()");
    line!(w, "return ::std::result::Result::Err(read_error(status, headers, body));");
    w.close();
    line!(
        w,
        "Self::from_http_parts(status, headers, body).map_err(|problem| crate::http::malformed(status, body, problem))"
    );
    w.close();
    w.close();

    w.blank();
    line!(w, "/// The error an unsuccessful response carries.");
    line!(w, "#[cfg(feature = \"http\")]");
    open!(w, "fn read_error(status: u16, headers: &::http::HeaderMap, body: &[u8]) -> {error}");
    line!(w, "let info = crate::http::error_info(headers, body);");
    if op.error_variants.is_empty() {
        unhandled_error(w, error);
        w.close();
        return;
    }
    open!(w, "match info.code.as_deref()");
    for variant in &op.error_variants {
        let item = cx.symbols.item(&variant.shape);
        open!(
            w,
            "::std::option::Option::Some({}) => match {}::from_http_parts(status, headers, body)",
            Str(variant.shape.name()),
            ItemPath(item)
        );
        line!(w, "::std::result::Result::Ok(error) => {error}::{}(error),", variant.name);
        line!(w, "::std::result::Result::Err(problem) => crate::http::malformed(status, body, problem),");
        w.close_with(",");
    }
    open!(w, "_ =>");
    unhandled_error(w, error);
    w.close();
    w.close();
    w.close();
}

/// The `Unhandled` error for a response whose code no modeled error has.
fn unhandled_error(w: &mut Writer, error: &str) {
    line!(w, "let mut unhandled = crate::error::Unhandled::new().with_http_status(status).with_body(body.to_vec());");
    open!(w, "if let ::std::option::Option::Some(code) = info.code");
    line!(w, "unhandled = unhandled.with_code(code);");
    w.close();
    open!(w, "if let ::std::option::Option::Some(message) = info.message");
    line!(w, "unhandled = unhandled.with_message(message);");
    w.close();
    line!(w, "{error}::Unhandled(unhandled)");
}
