//! Options for building HTTP requests, and the parts of the HTTP bindings every operation
//! shares: escaping labels and query strings, writing and reading header values, and finding the
//! error a response carries.

// Not every crate uses every helper.
#![allow(dead_code)]

// Error messages built here never hold a received value or a map key, which may be sensitive:
// they say which member or header, and what was expected.

/// How to build a request: the endpoint to send it to, and the idempotency token to use when an
/// input leaves its own unset.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct RequestOptions {
    endpoint: ::std::option::Option<::http::Uri>,
    idempotency_token: ::std::option::Option<::std::string::String>,
    /// Whether bodies of `@requestCompression` operations are sent as they are.
    pub(crate) disable_request_compression: bool,
    /// The size from which such bodies are compressed; `None` for the default, 10 KiB.
    pub(crate) request_min_compression_size_bytes: ::std::option::Option<u32>,
}

impl RequestOptions {
    /// No endpoint (requests carry a path and query only) and random idempotency tokens.
    pub fn new() -> Self {
        Self::default()
    }

    /// The service's endpoint: a scheme, a host and optionally a base path
    /// (`https://example.com/prefix`). Requests then carry an absolute URI, with the host prefix
    /// an operation's `@endpoint` trait asks for, and the base path before the operation's path.
    pub fn endpoint(mut self, endpoint: ::http::Uri) -> Self {
        self.endpoint = Some(endpoint);
        self
    }

    /// The token for inputs that leave their `@idempotencyToken` member unset; without one, a
    /// random version 4 UUID is used.
    pub fn idempotency_token(mut self, token: impl Into<::std::string::String>) -> Self {
        self.idempotency_token = Some(token.into());
        self
    }

    /// Sends the bodies of operations that allow compression (`@requestCompression`) as they
    /// are, rather than compressed (the default). Other operations are never compressed.
    pub fn disable_request_compression(mut self, disable: bool) -> Self {
        self.disable_request_compression = disable;
        self
    }

    /// The size in bytes from which the body of an operation that allows compression is
    /// compressed: 10240 unless set, at most 10485760 (a larger value makes building such a
    /// request fail). Streaming bodies are compressed whatever their size.
    pub fn request_min_compression_size_bytes(mut self, bytes: u32) -> Self {
        self.request_min_compression_size_bytes = Some(bytes);
        self
    }
}

impl RequestOptions {
    /// The endpoint, if one was given.
    pub(crate) fn endpoint_uri(&self) -> ::std::option::Option<&::http::Uri> {
        self.endpoint.as_ref()
    }
}

/// The idempotency token for an input that has none: the options' one, else a random UUID.
pub(crate) fn idempotency_token(options: &RequestOptions) -> ::std::string::String {
    options
        .idempotency_token
        .clone()
        .unwrap_or_else(random_uuid)
}

/// A random version 4 UUID. The bits come from std's randomly keyed hasher, which is seeded from
/// the operating system: unique enough for idempotency, not meant for secrets.
pub(crate) fn random_uuid() -> ::std::string::String {
    use ::std::hash::{BuildHasher, Hasher};
    static COUNTER: ::std::sync::atomic::AtomicU64 = ::std::sync::atomic::AtomicU64::new(0);
    let half = |salt: u64| {
        let mut hasher = ::std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_u64(COUNTER.fetch_add(1, ::std::sync::atomic::Ordering::Relaxed) ^ salt);
        if let Ok(elapsed) = ::std::time::SystemTime::now().duration_since(::std::time::UNIX_EPOCH)
        {
            hasher.write_u128(elapsed.as_nanos());
        }
        hasher.finish()
    };
    let (high, low) = (half(0x9e37_79b9_7f4a_7c15), half(0xc2b2_ae3d_27d4_eb4f));
    let high = (high & 0xffff_ffff_ffff_0fff) | 0x0000_0000_0000_4000;
    let low = (low & 0x3fff_ffff_ffff_ffff) | 0x8000_0000_0000_0000;
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        high >> 32,
        (high >> 16) & 0xffff,
        high & 0xffff,
        low >> 48,
        low & 0xffff_ffff_ffff
    )
}

/// The request's URI: the path and query alone, or, with an endpoint, the absolute URI with the
/// operation's host prefix and the endpoint's base path.
pub(crate) fn full_uri(
    options: &RequestOptions,
    host_prefix: &str,
    path_and_query: ::std::string::String,
) -> ::std::result::Result<::http::Uri, crate::error::BuildError> {
    let invalid =
        |e: &dyn ::std::fmt::Display| crate::error::BuildError::invalid_field("uri", e.to_string());
    let Some(endpoint) = &options.endpoint else {
        return path_and_query.parse().map_err(|e| invalid(&e));
    };
    let authority = endpoint
        .authority()
        .ok_or_else(|| invalid(&"the endpoint has no host"))?;
    let scheme = endpoint.scheme_str().unwrap_or("https");
    let base = endpoint.path().trim_end_matches('/');
    format!("{scheme}://{host_prefix}{authority}{base}{path_and_query}")
        .parse()
        .map_err(|e| invalid(&e))
}

/// The base64 MD5 digest of a body, for `Content-MD5`.
pub(crate) fn content_md5(body: &[u8]) -> ::std::string::String {
    crate::primitives::Blob::new(md5(body).to_vec()).to_base64()
}

/// The MD5 digest of `data` (RFC 1321). MD5 is what `@httpChecksumRequired` asks of clients;
/// it detects corruption in transit and is not used for anything secret.
fn md5(data: &[u8]) -> [u8; 16] {
    const SHIFTS: [u32; 64] = [
        7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5,
        9, 14, 20, 5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10,
        15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
    ];
    const CONSTANTS: [u32; 64] = [
        0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613,
        0xfd469501, 0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193,
        0xa679438e, 0x49b40821, 0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d,
        0x02441453, 0xd8a1e681, 0xe7d3fbc8, 0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed,
        0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a, 0xfffa3942, 0x8771f681, 0x6d9d6122,
        0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70, 0x289b7ec6, 0xeaa127fa,
        0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665, 0xf4292244,
        0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
        0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb,
        0xeb86d391,
    ];
    let mut state: [u32; 4] = [0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476];
    let mut message = data.to_vec();
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&((data.len() as u64).wrapping_mul(8)).to_le_bytes());
    for block in message.chunks_exact(64) {
        let words: [u32; 16] = ::std::array::from_fn(|i| {
            u32::from_le_bytes([
                block[i * 4],
                block[i * 4 + 1],
                block[i * 4 + 2],
                block[i * 4 + 3],
            ])
        });
        let [mut a, mut b, mut c, mut d] = state;
        for i in 0..64 {
            let (f, g) = match i / 16 {
                0 => ((b & c) | (!b & d), i),
                1 => ((d & b) | (!d & c), (5 * i + 1) % 16),
                2 => (b ^ c ^ d, (3 * i + 5) % 16),
                _ => (c ^ (b | !d), (7 * i) % 16),
            };
            let rotated = a
                .wrapping_add(f)
                .wrapping_add(CONSTANTS[i])
                .wrapping_add(words[g])
                .rotate_left(SHIFTS[i]);
            (a, d, c, b) = (d, c, b, b.wrapping_add(rotated));
        }
        for (word, add) in state.iter_mut().zip([a, b, c, d]) {
            *word = word.wrapping_add(add);
        }
    }
    let mut digest = [0u8; 16];
    for (chunk, word) in digest.chunks_exact_mut(4).zip(state) {
        chunk.copy_from_slice(&word.to_le_bytes());
    }
    digest
}

/// Appends `text` percent-encoded: everything but RFC 3986's unreserved characters is escaped,
/// and `/` too unless `keep_slash` (for greedy labels).
pub(crate) fn percent_encode(out: &mut ::std::string::String, text: &str, keep_slash: bool) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &byte in text.as_bytes() {
        let unreserved = byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~');
        if unreserved || (keep_slash && byte == b'/') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 15)]));
        }
    }
}

/// A URI path and query being built.
pub(crate) struct Uri {
    text: ::std::string::String,
    has_query: bool,
}

impl Uri {
    /// Starts with the literal text of the `@http` URI up to its first label.
    pub(crate) fn new(path: &str) -> Self {
        Self {
            text: path.to_owned(),
            has_query: false,
        }
    }

    /// Appends literal path text.
    pub(crate) fn push_literal(&mut self, text: &str) {
        self.text.push_str(text);
    }

    /// Appends a label's value, which must not be empty.
    pub(crate) fn push_label(
        &mut self,
        field: &'static str,
        value: &str,
        greedy: bool,
    ) -> ::std::result::Result<(), crate::error::BuildError> {
        if value.is_empty() {
            return Err(crate::error::BuildError::invalid_field(
                field,
                "a URI label cannot be empty",
            ));
        }
        percent_encode(&mut self.text, value, greedy);
        Ok(())
    }

    /// Appends a query parameter.
    pub(crate) fn push_query(&mut self, name: &str, value: &str) {
        self.text.push(if self.has_query { '&' } else { '?' });
        self.has_query = true;
        percent_encode(&mut self.text, name, false);
        self.text.push('=');
        percent_encode(&mut self.text, value, false);
    }

    /// Appends the literal query of the `@http` URI (`?a=b&c`), as written.
    pub(crate) fn push_literal_query(&mut self, query: &str) {
        for part in query.split('&').filter(|p| !p.is_empty()) {
            self.text.push(if self.has_query { '&' } else { '?' });
            self.has_query = true;
            self.text.push_str(part);
        }
    }

    /// The path and query.
    pub(crate) fn finish(self) -> ::std::string::String {
        self.text
    }
}

/// A float as HTTP text, in its own precision (`1.1f32` is `1.1`), with `NaN`, `Infinity` and
/// `-Infinity` spelled out.
pub(crate) fn float_text<F: ::std::convert::Into<f64> + ::std::fmt::Display + Copy>(
    value: F,
) -> ::std::string::String {
    let wide: f64 = value.into();
    if wide.is_nan() {
        "NaN".to_owned()
    } else if wide.is_infinite() {
        if wide > 0.0 {
            "Infinity".to_owned()
        } else {
            "-Infinity".to_owned()
        }
    } else {
        value.to_string()
    }
}

/// Reads a float written by [`float_text`] or as a number.
pub(crate) fn parse_float(text: &str) -> ::std::result::Result<f64, ::std::string::String> {
    match text.trim() {
        "NaN" => Ok(f64::NAN),
        "Infinity" => Ok(f64::INFINITY),
        "-Infinity" => Ok(f64::NEG_INFINITY),
        other => other
            .parse()
            .map_err(|_| "expected a number, `NaN`, `Infinity` or `-Infinity`".to_owned()),
    }
}

/// Reads `true` or `false`.
pub(crate) fn parse_bool(text: &str) -> ::std::result::Result<bool, ::std::string::String> {
    match text.trim() {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err("expected `true` or `false`".to_owned()),
    }
}

/// Reads an integer.
pub(crate) fn parse_number<T: ::std::str::FromStr>(
    text: &str,
) -> ::std::result::Result<T, ::std::string::String> {
    text.trim().parse().map_err(|_| {
        format!(
            "expected an integer that fits in {}",
            ::std::any::type_name::<T>()
        )
    })
}

/// A string as an item of a header list: quoted, with `"` and `\` escaped, when it holds a comma
/// or a quote.
pub(crate) fn header_list_item(text: &str) -> ::std::borrow::Cow<'_, str> {
    if text.contains([',', '"']) {
        let mut quoted = ::std::string::String::with_capacity(text.len() + 2);
        quoted.push('"');
        for c in text.chars() {
            if c == '"' || c == '\\' {
                quoted.push('\\');
            }
            quoted.push(c);
        }
        quoted.push('"');
        ::std::borrow::Cow::Owned(quoted)
    } else {
        ::std::borrow::Cow::Borrowed(text)
    }
}

/// Splits a header list into its items: separated by commas, trimmed, quoted items unquoted.
pub(crate) fn split_header_list(value: &str) -> ::std::vec::Vec<::std::string::String> {
    let mut items = ::std::vec::Vec::new();
    let mut chars = value.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| *c == ' ' || *c == '\t') {
            chars.next();
        }
        let mut item = ::std::string::String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => item.extend(chars.next()),
                    '"' => break,
                    c => item.push(c),
                }
            }
            // Anything between the closing quote and the comma is not part of the item.
            for c in chars.by_ref() {
                if c == ',' {
                    break;
                }
            }
            items.push(item);
        } else {
            let mut ended = true;
            for c in chars.by_ref() {
                if c == ',' {
                    ended = false;
                    break;
                }
                item.push(c);
            }
            items.push(item.trim_end().to_owned());
            if ended {
                break;
            }
            continue;
        }
        if chars.peek().is_none() {
            break;
        }
    }
    if items.len() == 1 && items[0].is_empty() {
        items.clear();
    }
    items
}

/// Splits a header list of HTTP dates, whose items hold a comma of their own
/// (`Mon, 16 Dec 2019 23:48:18 GMT, Tue, 17 Dec 2019 …`).
pub(crate) fn split_http_dates(value: &str) -> ::std::vec::Vec<::std::string::String> {
    let parts: ::std::vec::Vec<&str> = value.split(',').map(str::trim).collect();
    parts
        .chunks(2)
        .map(|pair| pair.join(", "))
        .filter(|item| !item.is_empty())
        .collect()
}

/// The value of a header as text, if present and valid UTF-8.
pub(crate) fn header<'a>(
    headers: &'a ::http::HeaderMap,
    name: &str,
) -> ::std::option::Option<&'a str> {
    headers.get(name).and_then(|value| value.to_str().ok())
}

/// Adds a header whose value came from the input, refusing values that cannot be in a header.
pub(crate) fn insert_header(
    headers: &mut ::http::HeaderMap,
    field: &'static str,
    name: &str,
    value: &str,
) -> ::std::result::Result<(), crate::error::BuildError> {
    // The name may be made from a map key, which is data: the message does not repeat it.
    let name = ::http::header::HeaderName::from_bytes(name.as_bytes()).map_err(|_| {
        crate::error::BuildError::invalid_field(
            field,
            "a header name must be a token: letters, digits and !#$%&'*+-.^_`|~",
        )
    })?;
    let value = ::http::header::HeaderValue::from_str(value).map_err(|_| {
        crate::error::BuildError::invalid_field(field, "the value cannot be sent in an HTTP header")
    })?;
    headers.insert(name, value);
    Ok(())
}

/// The request: `method` to `uri`, with `headers` and `body`.
pub(crate) fn request<B>(
    method: &'static str,
    uri: ::http::Uri,
    headers: ::http::HeaderMap,
    body: B,
) -> ::std::result::Result<::http::Request<B>, crate::error::BuildError> {
    let method = ::http::Method::from_bytes(method.as_bytes())
        .map_err(|e| crate::error::BuildError::invalid_field("method", e.to_string()))?;
    let mut request = ::http::Request::new(body);
    *request.method_mut() = method;
    *request.uri_mut() = uri;
    *request.headers_mut() = headers;
    Ok(request)
}

/// The error a response carries that the model does not describe, with the status, body and
/// what the response says of the error.
pub(crate) fn unhandled(status: u16, body: &[u8], info: ErrorInfo) -> crate::error::Unhandled {
    let mut unhandled = crate::error::Unhandled::new()
        .with_http_status(status)
        .with_body(body.to_vec());
    if let Some(code) = info.code {
        unhandled = unhandled.with_code(code);
    }
    if let Some(message) = info.message {
        unhandled = unhandled.with_message(message);
    }
    if let Some(id) = info.request_id {
        unhandled = unhandled.with_request_id(id);
    }
    unhandled
}

/// Why a response could not be read, as an error of an operation, with the response's status,
/// request id and body.
pub(crate) fn malformed<E: ::std::convert::From<crate::error::Unhandled>>(
    status: u16,
    headers: &::http::HeaderMap,
    body: &[u8],
    problem: impl ::std::fmt::Display,
) -> E {
    let mut unhandled = crate::error::Unhandled::new()
        .with_message(format!("the response could not be read: {problem}"))
        .with_http_status(status)
        .with_body(body.to_vec());
    if let Some(id) = request_id(headers) {
        unhandled = unhandled.with_request_id(id);
    }
    E::from(unhandled)
}

/// What an error response says about itself: its code and message.
pub(crate) struct ErrorInfo {
    /// The error's shape name, from `X-Amzn-Errortype`, else the body's `code` or `__type`, with
    /// any namespace (`ns#`) and suffix (`:http://…`) removed.
    pub(crate) code: ::std::option::Option<::std::string::String>,
    /// The body's `message` (or `Message`, `errorMessage`), if any.
    pub(crate) message: ::std::option::Option<::std::string::String>,
    /// The id the service gave the request.
    pub(crate) request_id: ::std::option::Option<::std::string::String>,
}

impl ErrorInfo {
    /// For an `@awsQueryCompatible` service: the shape name of the error the response carries,
    /// out of `errors` (each error's awsQuery code and shape name). The awsQuery code of the
    /// `x-amzn-query-error` header (`Code;Fault`) decides when it names one of them, else the
    /// error's type (`code`). The header's code then becomes `code`, which is what the service's
    /// clients know its errors by.
    pub(crate) fn query_compatible(
        &mut self,
        headers: &::http::HeaderMap,
        errors: &[(&str, &'static str)],
    ) -> ::std::option::Option<&'static str> {
        let by_type = self.code.take();
        let by_query = header(headers, "x-amzn-query-error")
            .map(|value| value.split(';').next().unwrap_or_default().trim())
            .filter(|code| !code.is_empty());
        let shape = by_query
            .and_then(|code| errors.iter().find(|(query, _)| *query == code))
            .or_else(|| {
                errors
                    .iter()
                    .find(|(_, shape)| Some(*shape) == by_type.as_deref())
            })
            .map(|(_, shape)| *shape);
        self.code = by_query.map(str::to_owned).or(by_type);
        shape
    }
}

/// The id the service gave a request, from the headers AWS services put it in.
pub(crate) fn request_id(
    headers: &::http::HeaderMap,
) -> ::std::option::Option<::std::string::String> {
    header(headers, "x-amzn-requestid")
        .or_else(|| header(headers, "x-amz-request-id"))
        .map(str::to_owned)
}

/// The error's shape name from a value of `X-Amzn-Errortype`, `code` or `__type`, as the JSON
/// protocols define it: what comes before the first `:` (`Name:http://…` is `Name`), then what
/// comes after the first `#` (`aws.namespace#Name` is `Name`).
pub(crate) fn sanitize_error_code(code: &str) -> &str {
    let code = code.split(':').next().unwrap_or(code);
    let code = match code.split_once('#') {
        Some((_, name)) => name,
        None => code,
    };
    code.trim()
}

/// The headers starting with `prefix` (ignoring case), by the rest of their name.
pub(crate) fn prefix_headers(
    headers: &::http::HeaderMap,
    prefix: &str,
) -> ::std::collections::HashMap<::std::string::String, ::std::string::String> {
    let prefix = prefix.to_ascii_lowercase();
    headers
        .iter()
        .filter_map(|(name, value)| {
            let rest = name.as_str().strip_prefix(prefix.as_str())?;
            Some((rest.to_owned(), value.to_str().ok()?.to_owned()))
        })
        .collect()
}

/// Sets `Content-Type` unless a member already did.
pub(crate) fn set_content_type(headers: &mut ::http::HeaderMap, content_type: &'static str) {
    headers
        .entry(::http::header::CONTENT_TYPE)
        .or_insert(::http::HeaderValue::from_static(content_type));
}

/// Sets `Content-Type` unless a member already did, and `Content-Length` for a body.
pub(crate) fn set_body_headers(
    headers: &mut ::http::HeaderMap,
    content_type: &'static str,
    body: &[u8],
) {
    headers
        .entry(::http::header::CONTENT_TYPE)
        .or_insert(::http::HeaderValue::from_static(content_type));
    headers.insert(
        ::http::header::CONTENT_LENGTH,
        ::http::HeaderValue::from(body.len()),
    );
}

include!("http/json.rs");

// A generated crate's `http` is the text of this file above the `include!`, then, when the crate
// speaks JSON, the piece it includes: XML crates have no JSON.

// rustfmt does not follow `include!`; this declaration, never compiled, points it at the piece.
#[cfg(any())]
#[path = "http/json.rs"]
mod json;
