//! What the generated protocol tests share: building responses and comparing requests and
//! values with what a test case expects.

#![allow(dead_code)]

use crate::service::http::RequestOptions;

/// What a request test expects of the request.
pub struct ExpectedRequest<'a> {
    pub method: &'a str,
    pub uri: &'a str,
    /// The host the request goes to, when the case gives an endpoint.
    pub host: Option<&'a str>,
    pub query_params: &'a [&'a str],
    pub forbid_query_params: &'a [&'a str],
    pub require_query_params: &'a [&'a str],
    pub headers: &'a [(&'a str, &'a str)],
    pub forbid_headers: &'a [&'a str],
    pub require_headers: &'a [&'a str],
    pub body: Option<&'a str>,
    pub body_media_type: Option<&'a str>,
}

/// Asserts that `request` is what the case expects: method, path, every listed query parameter
/// (as sent, percent-encoded) and header, none of the forbidden ones, and the body (compared as
/// JSON, XML or form pairs when the case says it is one of them).
pub fn assert_request(request: &http::Request<Vec<u8>>, expected: &ExpectedRequest<'_>) {
    assert_eq!(request.method().as_str(), expected.method, "method");
    assert_eq!(request.uri().path(), expected.uri, "path");
    if let Some(host) = expected.host {
        let authority = host.split('/').next().unwrap_or(host);
        assert_eq!(
            request.uri().authority().map(|a| a.as_str()),
            Some(authority),
            "host"
        );
    }
    let query: Vec<&str> = request
        .uri()
        .query()
        .unwrap_or_default()
        .split('&')
        .filter(|p| !p.is_empty())
        .collect();
    let key = |pair: &str| pair.split('=').next().unwrap_or_default().to_owned();
    for param in expected.query_params {
        assert!(
            query.contains(param),
            "query parameter `{param}` missing from {query:?}"
        );
    }
    for name in expected.forbid_query_params {
        assert!(
            !query.iter().any(|p| key(p) == *name),
            "query parameter `{name}` must not be sent: {query:?}"
        );
    }
    for name in expected.require_query_params {
        assert!(
            query.iter().any(|p| key(p) == *name),
            "query parameter `{name}` must be sent: {query:?}"
        );
    }
    for (name, value) in expected.headers {
        let actual: Vec<&str> = request
            .headers()
            .get_all(*name)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect();
        assert_eq!(actual.join(", "), *value, "header `{name}`");
    }
    for name in expected.forbid_headers {
        assert!(
            !request.headers().contains_key(*name),
            "header `{name}` must not be sent"
        );
    }
    for name in expected.require_headers {
        assert!(
            request.headers().contains_key(*name),
            "header `{name}` must be sent"
        );
    }
    if let Some(body) = expected.body {
        assert_body(request.body(), body, expected.body_media_type);
    }
}

fn assert_body(actual: &[u8], expected: &str, media_type: Option<&str>) {
    let media_type = media_type.unwrap_or_default();
    let cbor = media_type.contains("cbor");
    if cbor && !expected.is_empty() {
        let expected = cbor_body(expected);
        let (actual_value, expected_value) = (cbor_value(actual), cbor_value(&expected));
        assert!(
            same_cbor(&actual_value, &expected_value),
            "body\nactual:   {actual_value:?}\nexpected: {expected_value:?}"
        );
    } else if cbor {
        assert!(
            actual.is_empty(),
            "body: expected none, found {} bytes",
            actual.len()
        );
    } else if expected.trim().is_empty() {
        assert_eq!(String::from_utf8_lossy(actual), expected, "body");
    } else if media_type.contains("json") {
        let actual: serde_json::Value = serde_json::from_slice(actual).unwrap_or_else(|e| {
            panic!(
                "the body is not JSON ({e}): {}",
                String::from_utf8_lossy(actual)
            )
        });
        let expected: serde_json::Value =
            serde_json::from_str(expected).expect("the case's body is JSON");
        assert_eq!(actual, expected, "body");
    } else if media_type.contains("xml") {
        let actual = String::from_utf8_lossy(actual);
        assert_eq!(
            canonical_xml(&actual)
                .unwrap_or_else(|e| panic!("the body is not XML ({e}): {actual}")),
            canonical_xml(expected).expect("the case's body is XML"),
            "body"
        );
    } else if media_type.contains("x-www-form-urlencoded") {
        let actual = String::from_utf8_lossy(actual);
        assert_eq!(form_pairs(&actual), form_pairs(expected), "body");
    } else {
        assert_eq!(String::from_utf8_lossy(actual), expected, "body");
    }
}

/// A form body's pairs, percent-decoded and sorted: the order of pairs does not matter, their
/// keys carry the order of list items.
fn form_pairs(form: &str) -> Vec<(String, String)> {
    let decode = |text: &str| {
        let bytes = text.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'%' if i + 2 < bytes.len() => {
                    let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
                    out.push(u8::from_str_radix(hex, 16).expect("percent-encoding is hexadecimal"));
                    i += 3;
                }
                b'+' => {
                    out.push(b' ');
                    i += 1;
                }
                byte => {
                    out.push(byte);
                    i += 1;
                }
            }
        }
        String::from_utf8(out).expect("the form decodes to UTF-8")
    };
    let mut pairs: Vec<(String, String)> = form
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(key), decode(value))
        })
        .collect();
    pairs.sort();
    pairs
}

/// An XML element read whole, for comparing documents.
#[derive(Debug)]
struct XmlNode {
    /// The name as written, with its prefix.
    name: String,
    /// Attributes and namespace declarations, sorted.
    attributes: Vec<(String, String)>,
    children: Vec<XmlNode>,
    /// The text of an element without children.
    text: String,
}

impl XmlNode {
    /// The element as text with its children in a canonical order: kept as they are when they
    /// look like a list's items (all of one name, each holding one thing), sorted otherwise, as
    /// map entries and flattened members may come in any order.
    fn canonical(&self) -> String {
        let mut children: Vec<String> = self.children.iter().map(XmlNode::canonical).collect();
        let list = self.children.first().is_some_and(|first| {
            self.children.iter().all(|child| {
                child.name == first.name && (child.children.len() == 1 || child.children.is_empty())
            })
        });
        if !list {
            children.sort();
        }
        let attributes: Vec<String> = self
            .attributes
            .iter()
            .map(|(name, value)| format!(" {name}={value:?}"))
            .collect();
        format!(
            "<{}{}>{}{}</{}>",
            self.name,
            attributes.concat(),
            self.text,
            children.concat(),
            self.name
        )
    }
}

/// A document in the canonical form of [`XmlNode::canonical`]: whitespace between elements
/// dropped, text unescaped, the declaration and comments ignored.
fn canonical_xml(text: &str) -> Result<String, String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(text);
    let mut stack: Vec<XmlNode> = Vec::new();
    let open = |start: &quick_xml::events::BytesStart<'_>| -> Result<XmlNode, String> {
        let mut attributes = Vec::new();
        for attribute in start.attributes() {
            let attribute = attribute.map_err(|e| e.to_string())?;
            let value = attribute
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|e| e.to_string())?;
            attributes.push((
                String::from_utf8_lossy(attribute.key.as_ref()).into_owned(),
                value.into_owned(),
            ));
        }
        attributes.sort();
        Ok(XmlNode {
            name: String::from_utf8_lossy(start.name().as_ref()).into_owned(),
            attributes,
            children: Vec::new(),
            text: String::new(),
        })
    };
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(start) => stack.push(open(&start)?),
            Event::Empty(start) => {
                let node = open(&start)?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(node),
                    None => return Ok(node.canonical()),
                }
            }
            Event::End(_) => {
                let mut node = stack.pop().ok_or("an unmatched end tag")?;
                if !node.children.is_empty() && node.text.trim().is_empty() {
                    node.text.clear();
                }
                match stack.last_mut() {
                    Some(parent) => parent.children.push(node),
                    None => return Ok(node.canonical()),
                }
            }
            Event::Text(text) => {
                if let Some(node) = stack.last_mut() {
                    node.text
                        .push_str(&text.xml10_content().map_err(|e| e.to_string())?);
                }
            }
            Event::CData(text) => {
                if let Some(node) = stack.last_mut() {
                    node.text
                        .push_str(&text.xml10_content().map_err(|e| e.to_string())?);
                }
            }
            Event::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref().map_err(|e| e.to_string())? {
                    Some(c) => c.to_string(),
                    None => {
                        let name = reference.decode().map_err(|e| e.to_string())?;
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .ok_or("an unknown entity")?
                            .to_owned()
                    }
                };
                if let Some(node) = stack.last_mut() {
                    node.text.push_str(&resolved);
                }
            }
            Event::Eof => return Err("the document ends early".to_owned()),
            _ => {}
        }
    }
}

/// The options a request test builds with: the case's endpoint, if it gives one, and the fixed
/// idempotency token the cases expect.
pub fn options(host: Option<&str>) -> RequestOptions {
    let options = RequestOptions::new().idempotency_token("00000000-0000-4000-8000-000000000000");
    match host {
        Some(host) => options.endpoint(
            format!("https://{host}")
                .parse()
                .expect("the case's host is a valid URI"),
        ),
        None => options,
    }
}

/// The response a case describes.
pub fn response(code: u16, headers: &[(&str, &str)], body: &str) -> http::Response<Vec<u8>> {
    let mut builder = http::Response::builder().status(code);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    builder
        .body(body.as_bytes().to_vec())
        .expect("the case's response is valid")
}

/// The response a case describes whose body is CBOR, given in base64 as the case writes it.
pub fn cbor_response(code: u16, headers: &[(&str, &str)], body: &str) -> http::Response<Vec<u8>> {
    response(code, headers, "").map(|_| cbor_body(body))
}

/// The bytes of a case's CBOR body, which the case writes in base64.
fn cbor_body(base64: &str) -> Vec<u8> {
    crate::service::primitives::Blob::from_base64(base64.trim())
        .expect("the case's CBOR body is base64")
        .into_inner()
}

/// A CBOR data item, to compare bodies by value: definite and indefinite lengths read alike, and
/// so do the widths of numbers.
#[derive(Debug)]
pub enum Cbor {
    Int(i128),
    Float(f64),
    Bytes(Vec<u8>),
    Text(String),
    Array(Vec<Cbor>),
    Map(Vec<(Cbor, Cbor)>),
    Tag(u64, Box<Cbor>),
    Bool(bool),
    Null,
    Undefined,
    Simple(u8),
}

/// Reads a whole CBOR body.
pub fn cbor_value(bytes: &[u8]) -> Cbor {
    let mut decoder = minicbor::Decoder::new(bytes);
    let value = read_cbor(&mut decoder)
        .unwrap_or_else(|e| panic!("the body is not CBOR ({e}): {bytes:02x?}"));
    assert_eq!(
        decoder.position(),
        bytes.len(),
        "data after the CBOR body: {bytes:02x?}"
    );
    value
}

fn read_cbor(decoder: &mut minicbor::Decoder<'_>) -> Result<Cbor, minicbor::decode::Error> {
    use minicbor::data::Type;
    let at_break = |decoder: &mut minicbor::Decoder<'_>| -> Result<bool, minicbor::decode::Error> {
        let done = decoder.datatype()? == Type::Break;
        if done {
            decoder.set_position(decoder.position() + 1);
        }
        Ok(done)
    };
    Ok(match decoder.datatype()? {
        Type::Bool => Cbor::Bool(decoder.bool()?),
        Type::Null => {
            decoder.null()?;
            Cbor::Null
        }
        Type::Undefined => {
            decoder.undefined()?;
            Cbor::Undefined
        }
        Type::U8 | Type::U16 | Type::U32 | Type::U64 => Cbor::Int(i128::from(decoder.int()?)),
        Type::I8 | Type::I16 | Type::I32 | Type::I64 | Type::Int => {
            Cbor::Int(i128::from(decoder.int()?))
        }
        Type::F16 => {
            let at = decoder.position();
            let bits = decoder
                .input()
                .get(at + 1..at + 3)
                .expect("a whole half float");
            decoder.set_position(at + 3);
            Cbor::Float(f16_to_f64(u16::from_be_bytes([bits[0], bits[1]])))
        }
        Type::F32 => Cbor::Float(f64::from(decoder.f32()?)),
        Type::F64 => Cbor::Float(decoder.f64()?),
        Type::Simple => Cbor::Simple(decoder.simple()?),
        Type::Bytes | Type::BytesIndef => {
            let mut bytes = Vec::new();
            for chunk in decoder.bytes_iter()? {
                bytes.extend_from_slice(chunk?);
            }
            Cbor::Bytes(bytes)
        }
        Type::String | Type::StringIndef => {
            let mut text = String::new();
            for chunk in decoder.str_iter()? {
                text.push_str(chunk?);
            }
            Cbor::Text(text)
        }
        Type::Array | Type::ArrayIndef => {
            let mut items = Vec::new();
            match decoder.array()? {
                Some(len) => {
                    for _ in 0..len {
                        items.push(read_cbor(decoder)?);
                    }
                }
                None => {
                    while !at_break(decoder)? {
                        items.push(read_cbor(decoder)?);
                    }
                }
            }
            Cbor::Array(items)
        }
        Type::Map | Type::MapIndef => {
            let mut entries = Vec::new();
            match decoder.map()? {
                Some(len) => {
                    for _ in 0..len {
                        entries.push((read_cbor(decoder)?, read_cbor(decoder)?));
                    }
                }
                None => {
                    while !at_break(decoder)? {
                        entries.push((read_cbor(decoder)?, read_cbor(decoder)?));
                    }
                }
            }
            Cbor::Map(entries)
        }
        Type::Tag => {
            let tag = decoder.tag()?.as_u64();
            Cbor::Tag(tag, Box::new(read_cbor(decoder)?))
        }
        other => panic!("unexpected CBOR data: {other}"),
    })
}

/// A half-precision float as a double (minicbor reads them only with its `half` feature).
fn f16_to_f64(bits: u16) -> f64 {
    let sign = if bits & 0x8000 == 0 { 1.0 } else { -1.0 };
    let exponent = i32::from((bits >> 10) & 0x1f);
    let fraction = f64::from(bits & 0x3ff);
    match exponent {
        0 => sign * fraction * 2f64.powi(-24),
        31 if fraction == 0.0 => sign * f64::INFINITY,
        31 => f64::NAN,
        _ => sign * (1.0 + fraction / 1024.0) * 2f64.powi(exponent - 15),
    }
}

/// Whether two CBOR values are the same: maps regardless of the order of their entries, numbers
/// by value whatever their width (a float without a fraction may be sent as an integer), and
/// `NaN` equal to `NaN`.
pub fn same_cbor(a: &Cbor, b: &Cbor) -> bool {
    match (a, b) {
        (Cbor::Int(x), Cbor::Int(y)) => x == y,
        (Cbor::Float(x), Cbor::Float(y)) => x == y || (x.is_nan() && y.is_nan()),
        (Cbor::Int(i), Cbor::Float(f)) | (Cbor::Float(f), Cbor::Int(i)) => *i as f64 == *f,
        (Cbor::Bytes(x), Cbor::Bytes(y)) => x == y,
        (Cbor::Text(x), Cbor::Text(y)) => x == y,
        (Cbor::Array(x), Cbor::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_cbor(x, y))
        }
        (Cbor::Map(x), Cbor::Map(y)) => {
            x.len() == y.len()
                && x.iter().all(|(key, value)| {
                    y.iter().any(|(other_key, other_value)| {
                        same_cbor(key, other_key) && same_cbor(value, other_value)
                    })
                })
        }
        (Cbor::Tag(t, x), Cbor::Tag(u, y)) => t == u && same_cbor(x, y),
        (Cbor::Bool(x), Cbor::Bool(y)) => x == y,
        (Cbor::Null, Cbor::Null) | (Cbor::Undefined, Cbor::Undefined) => true,
        (Cbor::Simple(x), Cbor::Simple(y)) => x == y,
        _ => false,
    }
}

/// Asserts that two values are the same, comparing what they serialize to, so that `NaN`
/// equals `NaN` and every member (sensitive ones included) is compared.
pub fn assert_same<T: serde::Serialize + std::fmt::Debug>(actual: &T, expected: &T) {
    let (actual_json, expected_json) = (
        serde_json::to_value(actual).unwrap(),
        serde_json::to_value(expected).unwrap(),
    );
    assert_eq!(
        actual_json, expected_json,
        "\nactual:   {actual:?}\nexpected: {expected:?}"
    );
}
