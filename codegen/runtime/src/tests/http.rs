//! The HTTP bindings' shared parts: URIs, headers, text forms of values, and error responses.

use super::rng::Rng;
use crate::error::Unhandled;
use crate::http::{
    content_md5, error_info, float_text, full_uri, header, header_list_item, idempotency_token,
    insert_header, json_body, malformed, parse_bool, parse_float, parse_number, percent_encode,
    prefix_headers, random_uuid, sanitize_error_code, set_body_headers, split_header_list,
    split_http_dates, RequestOptions, Uri,
};

fn encoded(text: &str, keep_slash: bool) -> String {
    let mut out = String::new();
    percent_encode(&mut out, text, keep_slash);
    out
}

#[test]
fn percent_encoding_keeps_only_unreserved_characters() {
    assert_eq!(encoded("AZaz09-._~", false), "AZaz09-._~");
    assert_eq!(
        encoded("a b/c?d=e&f+g%", false),
        "a%20b%2Fc%3Fd%3De%26f%2Bg%25"
    );
    assert_eq!(encoded("a/b c", true), "a/b%20c");
    assert_eq!(encoded("\u{e9}\u{1f600}", false), "%C3%A9%F0%9F%98%80");
}

/// Percent-decoding what was encoded gives the text back, and only unreserved bytes are left.
#[test]
fn percent_encoding_reads_back() {
    let alphabet: Vec<char> = "aZ9-._~ /?#[]@!$&'()*+,;=%\u{e9}\u{4e2d}\""
        .chars()
        .collect();
    let mut rng = Rng::new(0x9e7c);
    for _ in 0..2_000 {
        let text = rng.text(&alphabet, 12);
        let out = encoded(&text, false);
        assert!(
            out.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)),
            "{out}"
        );
        let mut bytes = Vec::new();
        let mut rest = out.as_bytes();
        while let Some((&first, tail)) = rest.split_first() {
            if first == b'%' {
                let hex = std::str::from_utf8(&tail[..2]).unwrap();
                bytes.push(u8::from_str_radix(hex, 16).unwrap());
                rest = &tail[2..];
            } else {
                bytes.push(first);
                rest = tail;
            }
        }
        assert_eq!(String::from_utf8(bytes).unwrap(), text);
    }
}

#[test]
fn uris_are_built_from_literals_labels_and_queries() {
    let mut uri = Uri::new("/things/");
    uri.push_label("id", "a b", false).unwrap();
    uri.push_literal("/files/");
    uri.push_label("path", "dir/file", true).unwrap();
    uri.push_literal_query("list&&type=x");
    uri.push_query("q", "1&2");
    assert_eq!(
        uri.finish(),
        "/things/a%20b/files/dir/file?list&type=x&q=1%262"
    );
    let mut uri = Uri::new("/");
    uri.push_query("a", "");
    uri.push_query("b", "c");
    assert_eq!(uri.finish(), "/?a=&b=c");
    let error = Uri::new("/").push_label("id", "", false).unwrap_err();
    assert_eq!(error.field(), "id");
}

#[test]
fn endpoints_give_absolute_uris() {
    let options = RequestOptions::new().endpoint("http://example.com/base/".parse().unwrap());
    let uri = full_uri(&options, "data.", "/op?x=1".to_owned()).unwrap();
    assert_eq!(uri.to_string(), "http://data.example.com/base/op?x=1");
    let no_host = RequestOptions::new().endpoint("/relative".parse().unwrap());
    assert_eq!(
        full_uri(&no_host, "", "/op".to_owned())
            .unwrap_err()
            .field(),
        "uri"
    );
    assert!(full_uri(&RequestOptions::new(), "", "/a b".to_owned()).is_err());
}

#[test]
fn idempotency_tokens_are_the_given_one_or_random_uuids() {
    let given = RequestOptions::new().idempotency_token("token");
    assert_eq!(idempotency_token(&given), "token");
    let (first, second) = (idempotency_token(&RequestOptions::new()), random_uuid());
    assert_ne!(first, second);
    for uuid in [first, second] {
        let groups: Vec<&str> = uuid.split('-').collect();
        let lengths: Vec<usize> = groups.iter().map(|g| g.len()).collect();
        assert_eq!(lengths, [8, 4, 4, 4, 12], "{uuid}");
        assert!(
            uuid.chars().all(|c| c == '-' || c.is_ascii_hexdigit()),
            "{uuid}"
        );
        assert!(groups[2].starts_with('4'), "version 4: {uuid}");
        assert!(
            groups[3].starts_with(['8', '9', 'a', 'b']),
            "RFC 4122 variant: {uuid}"
        );
    }
}

/// The test suite of RFC 1321, as base64 digests.
#[test]
fn content_md5_is_the_base64_md5_digest() {
    let digest = |hex: &str| {
        let bytes: Vec<u8> = (0..16)
            .map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap())
            .collect();
        crate::primitives::Blob::new(bytes).to_base64()
    };
    for (input, hex) in [
        ("", "d41d8cd98f00b204e9800998ecf8427e"),
        ("a", "0cc175b9c0f1b6a831c399e269772661"),
        ("abc", "900150983cd24fb0d6963f7d28e17f72"),
        ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
        (
            "abcdefghijklmnopqrstuvwxyz",
            "c3fcd3d76192e4007dfb496cca67e13b",
        ),
        (
            "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
            "57edf4a22be3c955ac49da2e2107b67a",
        ),
    ] {
        assert_eq!(content_md5(input.as_bytes()), digest(hex), "{input:?}");
    }
}

#[test]
fn floats_are_written_in_their_own_precision() {
    assert_eq!(float_text(1.1f32), "1.1");
    assert_eq!(float_text(1.1f64), "1.1");
    assert_eq!(float_text(f64::NAN), "NaN");
    assert_eq!(float_text(f32::INFINITY), "Infinity");
    assert_eq!(float_text(f64::NEG_INFINITY), "-Infinity");
}

#[test]
fn values_are_read_from_trimmed_text() {
    assert_eq!(parse_float(" 1.5 "), Ok(1.5));
    assert!(parse_float("NaN").unwrap().is_nan());
    assert_eq!(parse_float("-Infinity"), Ok(f64::NEG_INFINITY));
    assert!(parse_float("one").is_err());
    assert_eq!(parse_bool(" true"), Ok(true));
    assert_eq!(parse_bool("false "), Ok(false));
    assert!(parse_bool("TRUE").is_err());
    assert_eq!(parse_number::<i8>(" -128 "), Ok(-128));
    assert!(parse_number::<i8>("128").is_err());
    assert!(parse_number::<i32>("1.0").is_err());
}

#[test]
fn header_list_items_are_quoted_when_they_hold_a_comma_or_quote() {
    assert_eq!(header_list_item("plain"), "plain");
    assert_eq!(header_list_item("a,b"), "\"a,b\"");
    assert_eq!(header_list_item("say \"hi\""), "\"say \\\"hi\\\"\"");
    assert_eq!(header_list_item("back\\slash,"), "\"back\\\\slash,\"");
    assert_eq!(header_list_item("back\\slash"), "back\\slash");
}

#[test]
fn header_lists_are_split_and_unquoted() {
    assert_eq!(split_header_list("a, b,c"), ["a", "b", "c"]);
    assert_eq!(
        split_header_list(r#""a,b", "c\"d", e"#),
        ["a,b", "c\"d", "e"]
    );
    assert_eq!(split_header_list("a, , b"), ["a", "", "b"]);
    assert_eq!(split_header_list("  "), Vec::<String>::new());
    assert_eq!(split_header_list(""), Vec::<String>::new());
    assert_eq!(split_header_list(r#""a" junk, b"#), ["a", "b"]);
    assert_eq!(split_header_list(r#""unterminated"#), ["unterminated"]);
}

/// Items written with `header_list_item` and joined with `, ` split back into the same items
/// (items without leading or trailing whitespace, which an unquoted item loses).
#[test]
fn header_lists_read_back_what_is_written() {
    let alphabet: Vec<char> = "ab ,\"\\\t=".chars().collect();
    let mut rng = Rng::new(0x11e7);
    for _ in 0..2_000 {
        let count = 1 + rng.below(4) as usize;
        let items: Vec<String> = (0..count)
            .map(|_| format!("x{}y", rng.text(&alphabet, 6)))
            .collect();
        let joined: Vec<String> = items
            .iter()
            .map(|i| header_list_item(i).into_owned())
            .collect();
        let value = joined.join(", ");
        assert_eq!(split_header_list(&value), items, "{value}");
    }
}

#[test]
fn http_date_lists_split_on_every_second_comma() {
    assert_eq!(
        split_http_dates("Mon, 16 Dec 2019 23:48:18 GMT, Tue, 17 Dec 2019 23:48:18 GMT"),
        [
            "Mon, 16 Dec 2019 23:48:18 GMT",
            "Tue, 17 Dec 2019 23:48:18 GMT"
        ]
    );
    assert_eq!(
        split_http_dates("Mon, 16 Dec 2019 23:48:18 GMT"),
        ["Mon, 16 Dec 2019 23:48:18 GMT"]
    );
    assert_eq!(split_http_dates(""), Vec::<String>::new());
}

#[test]
fn headers_are_read_and_written() {
    let mut headers = http::HeaderMap::new();
    insert_header(&mut headers, "name", "X-Name", "value").unwrap();
    assert_eq!(header(&headers, "x-name"), Some("value"));
    assert_eq!(header(&headers, "x-other"), None);
    headers.insert("x-binary", http::HeaderValue::from_bytes(b"\xff").unwrap());
    assert_eq!(header(&headers, "x-binary"), None);
    let bad_value = insert_header(&mut headers, "name", "X-Name", "a\nb").unwrap_err();
    assert_eq!(bad_value.field(), "name");
    let bad_name = insert_header(&mut headers, "meta", "X-Meta-a b", "v").unwrap_err();
    assert_eq!(bad_name.field(), "meta");
}

#[test]
fn prefix_headers_are_found_ignoring_case() {
    let mut headers = http::HeaderMap::new();
    headers.insert("x-meta-one", http::HeaderValue::from_static("1"));
    headers.insert("x-meta-", http::HeaderValue::from_static("empty"));
    headers.insert("x-other", http::HeaderValue::from_static("2"));
    let found = prefix_headers(&headers, "X-Meta-");
    assert_eq!(found.len(), 2);
    assert_eq!(found["one"], "1");
    assert_eq!(found[""], "empty");
}

#[test]
fn body_headers_keep_a_content_type_already_set() {
    let mut headers = http::HeaderMap::new();
    set_body_headers(&mut headers, "application/json", b"{}");
    assert_eq!(headers["content-type"], "application/json");
    assert_eq!(headers["content-length"], "2");
    headers.insert("content-type", http::HeaderValue::from_static("text/plain"));
    set_body_headers(&mut headers, "application/json", b"abc");
    assert_eq!(headers["content-type"], "text/plain");
    assert_eq!(headers["content-length"], "3");
}

#[test]
fn error_responses_name_their_error() {
    let mut headers = http::HeaderMap::new();
    let body = br#"{"code": "aws.protocoltests#FooError", "message": "hi"}"#;
    let info = error_info(&headers, body);
    assert_eq!(info.code.as_deref(), Some("FooError"));
    assert_eq!(info.message.as_deref(), Some("hi"));
    let info = error_info(
        &headers,
        br#"{"__type": "Bar:http://internal/", "Message": "m"}"#,
    );
    assert_eq!(
        (info.code.as_deref(), info.message.as_deref()),
        (Some("Bar"), Some("m"))
    );
    headers.insert(
        "x-amzn-errortype",
        http::HeaderValue::from_static("Baz:http://x"),
    );
    let info = error_info(&headers, body);
    assert_eq!(info.code.as_deref(), Some("Baz"));
    let info = error_info(&http::HeaderMap::new(), b"  ");
    assert_eq!((info.code, info.message), (None, None));
    let info = error_info(&http::HeaderMap::new(), b"<html>");
    assert_eq!((info.code, info.message), (None, None));
    assert_eq!(sanitize_error_code(" ns.a#Name:http://x "), "Name");
    assert_eq!(sanitize_error_code("Name"), "Name");
}

#[test]
fn unreadable_responses_are_unhandled_errors() {
    let error: Unhandled = malformed(
        502,
        &http::HeaderMap::new(),
        b"<html>",
        "the body is not JSON",
    );
    assert_eq!(error.http_status(), Some(502));
    assert_eq!(error.body(), b"<html>");
    assert_eq!(
        error.message(),
        Some("the response could not be read: the body is not JSON")
    );
}

#[test]
fn json_bodies_may_be_empty() {
    let empty: serde_json::Value = json_body(b" \n").unwrap();
    assert_eq!(empty, serde_json::json!({}));
    let value: serde_json::Value = json_body(br#"{"a":1}"#).unwrap();
    assert_eq!(value["a"], 1);
    assert!(json_body::<serde_json::Value>(b"{").is_err());
}

#[test]
fn error_responses_carry_their_request_id() {
    let mut headers = http::HeaderMap::new();
    assert_eq!(error_info(&headers, b"{}").request_id, None);
    headers.insert(
        "x-amz-request-id",
        http::HeaderValue::from_static("s3-style"),
    );
    assert_eq!(
        error_info(&headers, b"{}").request_id.as_deref(),
        Some("s3-style")
    );
    headers.insert(
        "x-amzn-RequestId",
        http::HeaderValue::from_static("json-style"),
    );
    assert_eq!(
        error_info(&headers, b"{}").request_id.as_deref(),
        Some("json-style")
    );
}

#[test]
fn error_codes_are_sanitized_as_the_json_protocols_say() {
    for value in [
        "FooError",
        "FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/",
        "aws.protocoltests.json10#FooError",
        "aws.protocoltests.json10#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/",
        " aws.different.namespace#FooError ",
    ] {
        assert_eq!(sanitize_error_code(value), "FooError", "{value}");
    }
    // After the first `#`, before the first `:`.
    assert_eq!(sanitize_error_code("a#b#C:d:e"), "b#C");
}

#[test]
fn error_codes_come_from_the_header_then_code_then_the_top_level_type() {
    let headers = http::HeaderMap::new();
    // A nested `__type` belongs to another shape.
    let body = br#"{"ErrorDetails": [{"__type": "com.amazon.internal#ErrorDetails"}], "__type": "ns#FooError"}"#;
    assert_eq!(error_info(&headers, body).code.as_deref(), Some("FooError"));
    let nested_only = br#"{"ErrorDetails": {"__type": "ns#ErrorDetails"}}"#;
    assert_eq!(error_info(&headers, nested_only).code, None);
    // `code` comes before `__type`, but only as a string (some errors have a numeric `code` member).
    let both = br#"{"__type": "Type", "code": "Code"}"#;
    assert_eq!(error_info(&headers, both).code.as_deref(), Some("Code"));
    let numeric = br#"{"__type": "ns#InternalServerException", "code": 500}"#;
    assert_eq!(
        error_info(&headers, numeric).code.as_deref(),
        Some("InternalServerException")
    );
    // An empty header or field says nothing.
    let mut empty = http::HeaderMap::new();
    empty.insert("x-amzn-errortype", http::HeaderValue::from_static(""));
    assert_eq!(
        error_info(&empty, br#"{"code": "", "__type": "T"}"#)
            .code
            .as_deref(),
        Some("T")
    );
    // Bodies that are not objects, or not JSON, give nothing.
    for body in [
        &b"[1, 2]"[..],
        b"\"FooError\"",
        b"\xff\xfe",
        b"{\"__type\": ",
        b"null",
    ] {
        let info = error_info(&headers, body);
        assert_eq!((info.code, info.message), (None, None), "{body:?}");
    }
}

#[test]
fn error_messages_come_from_any_of_their_spellings() {
    let headers = http::HeaderMap::new();
    for key in ["message", "Message", "errorMessage"] {
        let body = format!(r#"{{"__type": "E", "{key}": "hi"}}"#);
        assert_eq!(
            error_info(&headers, body.as_bytes()).message.as_deref(),
            Some("hi")
        );
    }
    assert_eq!(
        error_info(&headers, br#"{"message": 5}"#).message,
        None,
        "a message that is not a string is no message"
    );
}

#[test]
fn query_compatible_errors_are_named_by_their_query_code_else_by_their_type() {
    // Each error's awsQuery code and shape name.
    let errors = [
        ("Customized", "CustomCodeError"),
        ("NoCustomCodeError", "NoCustomCodeError"),
    ];
    let body = br#"{"__type": "aws.protocoltests.json10#CustomCodeError", "message": "Hi"}"#;
    let with = |value: &'static str| {
        let mut headers = http::HeaderMap::new();
        headers.insert("x-amzn-query-error", http::HeaderValue::from_static(value));
        headers
    };
    // The header's awsQuery code decides, and becomes the code.
    let headers = with("Customized;Sender");
    let mut info = error_info(&headers, body);
    assert_eq!(info.code.as_deref(), Some("CustomCodeError"));
    assert_eq!(
        info.query_compatible(&headers, &errors),
        Some("CustomCodeError")
    );
    assert_eq!(
        (info.code.as_deref(), info.message.as_deref()),
        (Some("Customized"), Some("Hi"))
    );
    // Without the header, or with an empty code, the type decides.
    for headers in [http::HeaderMap::new(), with(";Sender")] {
        let mut info = error_info(&headers, body);
        assert_eq!(
            info.query_compatible(&headers, &errors),
            Some("CustomCodeError")
        );
        assert_eq!(info.code.as_deref(), Some("CustomCodeError"));
    }
    // A query code the model does not know falls back to the type, and is kept as the code.
    let headers = with("AWS.SimpleQueueService.NonExistentQueue");
    let mut info = error_info(&headers, body);
    assert_eq!(
        info.query_compatible(&headers, &errors),
        Some("CustomCodeError")
    );
    assert_eq!(
        info.code.as_deref(),
        Some("AWS.SimpleQueueService.NonExistentQueue")
    );
    // Neither a known code nor a known type: no shape, and the header's code.
    let mut info = error_info(&headers, b"{}");
    assert_eq!(info.query_compatible(&headers, &errors), None);
    assert_eq!(
        info.code.as_deref(),
        Some("AWS.SimpleQueueService.NonExistentQueue")
    );
}

#[test]
fn error_info_never_panics_on_random_bodies() {
    let mut rng = Rng::new(11);
    let headers = http::HeaderMap::new();
    for _ in 0..2000 {
        let mut body = rng.bytes(64);
        if rng.below(2) == 0 {
            body.splice(0..0, br#"{"__type":"#.iter().copied());
        }
        let _ = error_info(&headers, &body);
    }
    // Deep nesting is refused by the JSON reader, not followed until the stack runs out.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(error_info(&headers, deep.as_bytes()).code, None);
}
