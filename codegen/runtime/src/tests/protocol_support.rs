//! The protocol tests' support module: it must accept what a case expects and reject the rest.

use crate::protocol_support::{
    assert_request, assert_same, cbor_response, cbor_value, options, response, same_cbor,
    ExpectedRequest,
};

fn request() -> http::Request<Vec<u8>> {
    http::Request::builder()
        .method("POST")
        .uri("https://example.com/things/a%2Fb?tag=x&flag=true")
        .header("Content-Type", "application/json")
        .header("X-List", "a")
        .header("X-List", "b")
        .body(br#"{"b": 1, "a": [true]}"#.to_vec())
        .unwrap()
}

fn expected() -> ExpectedRequest<'static> {
    ExpectedRequest {
        method: "POST",
        uri: "/things/a%2Fb",
        host: Some("example.com"),
        query_params: &["tag=x"],
        forbid_query_params: &["missing"],
        require_query_params: &["flag"],
        headers: &[("X-List", "a, b")],
        forbid_headers: &["X-Forbidden"],
        require_headers: &["Content-Type"],
        body: Some(r#"{"a":[true],"b":1}"#),
        body_media_type: Some("application/json"),
    }
}

#[test]
fn a_request_as_expected_passes() {
    assert_request(&request(), &expected());
}

#[test]
#[should_panic(expected = "method")]
fn another_method_fails() {
    assert_request(
        &request(),
        &ExpectedRequest {
            method: "PUT",
            ..expected()
        },
    );
}

#[test]
#[should_panic(expected = "query parameter `tag=y` missing")]
fn a_missing_query_parameter_fails() {
    assert_request(
        &request(),
        &ExpectedRequest {
            query_params: &["tag=y"],
            ..expected()
        },
    );
}

#[test]
#[should_panic(expected = "must not be sent")]
fn a_forbidden_header_fails() {
    assert_request(
        &request(),
        &ExpectedRequest {
            forbid_headers: &["x-list"],
            ..expected()
        },
    );
}

#[test]
#[should_panic(expected = "body")]
fn another_json_body_fails() {
    assert_request(
        &request(),
        &ExpectedRequest {
            body: Some(r#"{"a":[false],"b":1}"#),
            ..expected()
        },
    );
}

#[test]
#[should_panic(expected = "body")]
fn a_body_compared_as_text_must_match_exactly() {
    let text = ExpectedRequest {
        body: Some(r#"{"a":[true],"b":1}"#),
        body_media_type: None,
        ..expected()
    };
    assert_request(&request(), &text);
}

#[test]
fn options_use_the_case_host_and_a_fixed_token() {
    let with_host = options(Some("example.com"));
    assert_eq!(
        crate::http::idempotency_token(&with_host),
        "00000000-0000-4000-8000-000000000000"
    );
    let uri = crate::http::full_uri(&with_host, "", "/p".to_owned()).unwrap();
    assert_eq!(uri.to_string(), "https://example.com/p");
    let uri = crate::http::full_uri(&options(None), "", "/p".to_owned()).unwrap();
    assert_eq!(uri.to_string(), "/p");
}

#[test]
fn responses_are_built_from_the_case() {
    let built = response(404, &[("X-A", "1")], "{}");
    assert_eq!(built.status(), 404);
    assert_eq!(built.headers()["x-a"], "1");
    assert_eq!(built.body(), b"{}");
}

#[test]
fn values_compare_by_what_they_serialize_to() {
    assert_same(&vec![f64::NAN], &vec![f64::NAN]);
    let result = std::panic::catch_unwind(|| assert_same(&1.0, &2.0));
    assert!(result.is_err());
}

fn cbor_request(body: Vec<u8>) -> http::Request<Vec<u8>> {
    http::Request::builder()
        .method("POST")
        .uri("/service/S/operation/O")
        .body(body)
        .unwrap()
}

fn cbor_expected(body: &'static str) -> ExpectedRequest<'static> {
    ExpectedRequest {
        method: "POST",
        uri: "/service/S/operation/O",
        host: None,
        query_params: &[],
        forbid_query_params: &[],
        require_query_params: &[],
        headers: &[],
        forbid_headers: &[],
        require_headers: &[],
        body: Some(body),
        body_media_type: Some("application/cbor"),
    }
}

/// `{"a": 1.0, "b": [1, "x"]}` written every way CBOR allows.
#[test]
fn cbor_bodies_compare_by_value() {
    // Base64 of `bf 61 61 fa 3f800000 61 62 9f 01 61 78 ff ff`: an indefinite map and list,
    // the float single-precision.
    let expected = cbor_expected("v2Fh+j+AAABhYp8BYXj//w==");
    let bodies: [&[u8]; 4] = [
        // Definite lengths, the keys in another order, the float double-precision.
        &[
            0xa2, 0x61, 0x62, 0x82, 0x01, 0x61, 0x78, 0x61, 0x61, 0xfb, 0x3f, 0xf0, 0, 0, 0, 0, 0,
            0,
        ],
        // The float half-precision.
        &[
            0xa2, 0x61, 0x61, 0xf9, 0x3c, 0x00, 0x61, 0x62, 0x82, 0x01, 0x61, 0x78,
        ],
        // The float as an integer, the text chunked.
        &[
            0xa2, 0x61, 0x61, 0x01, 0x61, 0x62, 0x82, 0x01, 0x7f, 0x61, 0x78, 0xff,
        ],
        // The integer as a float.
        &[
            0xa2, 0x61, 0x61, 0x01, 0x61, 0x62, 0x82, 0xf9, 0x3c, 0x00, 0x61, 0x78,
        ],
    ];
    for body in bodies {
        assert_request(&cbor_request(body.to_vec()), &expected);
    }
}

#[test]
fn other_cbor_bodies_differ() {
    let value = |bytes: &[u8]| cbor_value(bytes);
    let base = value(&[0xa1, 0x61, 0x61, 0x01]);
    for other in [
        &[0xa1, 0x61, 0x61, 0x02][..],
        &[0xa1, 0x61, 0x62, 0x01],
        &[0xa2, 0x61, 0x61, 0x01, 0x61, 0x62, 0x01],
        &[0xa1, 0x61, 0x61, 0x41, 0x01],
        &[0xa1, 0x61, 0x61, 0xc1, 0x01],
        &[0x81, 0x01],
    ] {
        assert!(!same_cbor(&base, &value(other)), "{other:02x?}");
    }
    assert!(same_cbor(
        &value(&[0xfb, 0x7f, 0xf8, 0, 0, 0, 0, 0, 0]),
        &value(&[0xf9, 0x7e, 0x00])
    ));
    let result = std::panic::catch_unwind(|| {
        assert_request(&cbor_request(vec![0xa0]), &cbor_expected("oWFhAQ=="));
    });
    assert!(result.is_err());
}

#[test]
fn an_empty_cbor_body_must_be_empty() {
    assert_request(&cbor_request(Vec::new()), &cbor_expected(""));
    let result = std::panic::catch_unwind(|| {
        assert_request(&cbor_request(vec![0xa0]), &cbor_expected(""));
    });
    assert!(result.is_err());
}

#[test]
fn cbor_responses_are_built_from_the_decoded_body() {
    let built = cbor_response(200, &[("smithy-protocol", "rpc-v2-cbor")], "v/8=");
    assert_eq!(built.body(), &[0xbf, 0xff]);
    assert_eq!(built.headers()["smithy-protocol"], "rpc-v2-cbor");
}

fn with_body(body: &str, media_type: &str) -> http::Request<Vec<u8>> {
    let mut request = request();
    *request.body_mut() = body.as_bytes().to_vec();
    request
        .headers_mut()
        .insert("content-type", media_type.parse().unwrap());
    request
}

fn expect_body<'a>(body: &'a str, media_type: &'a str) -> ExpectedRequest<'a> {
    ExpectedRequest {
        body: Some(body),
        body_media_type: Some(media_type),
        headers: &[],
        require_headers: &[],
        ..expected()
    }
}

const XML: &str = r#"<Root xmlns="urn:x" a="1">
    <list><member>1</member><member>2</member></list>
    <map><entry><key>a</key><value>A</value></entry><entry><key>b</key><value>B</value></entry></map>
    <text>a &amp; b&#xD;</text>
    <empty/>
</Root>"#;

/// Whitespace between elements, the order of attributes and of map entries and members, and
/// the way text is escaped do not matter.
#[test]
fn xml_bodies_compare_as_documents() {
    let actual = r#"<?xml version="1.0"?><Root a="1" xmlns="urn:x"><text>a &#38; b&#13;</text><empty></empty><map><entry><key>b</key><value>B</value></entry><entry><key>a</key><value>A</value></entry></map><list><member>1</member><member>2</member></list></Root>"#;
    assert_request(
        &with_body(actual, "application/xml"),
        &expect_body(XML, "application/xml"),
    );
}

#[test]
fn xml_bodies_that_differ_fail() {
    for actual in [
        // A list's items in another order.
        XML.replace(
            "<member>1</member><member>2</member>",
            "<member>2</member><member>1</member>",
        ),
        // Another attribute value, text or namespace.
        XML.replace("a=\"1\"", "a=\"2\""),
        XML.replace("a &amp; b", "a &amp; c"),
        XML.replace("urn:x", "urn:y"),
        // An element missing, or one more.
        XML.replace("<empty/>", ""),
        XML.replace("<empty/>", "<empty/><extra/>"),
        // Not XML.
        "<Root>".to_owned(),
    ] {
        let result = std::panic::catch_unwind(|| {
            assert_request(
                &with_body(&actual, "application/xml"),
                &expect_body(XML, "application/xml"),
            )
        });
        assert!(result.is_err(), "{actual}");
    }
}

#[test]
fn form_bodies_compare_as_decoded_pairs_in_any_order() {
    let expected = "Action=Op&Version=1&A.member.1=x%20y&B=2015-01-25T08%3A00%3A00Z";
    let media = "application/x-www-form-urlencoded";
    assert_request(
        &with_body(
            "B=2015-01-25T08:00:00Z&Action=Op&A.member.1=x+y&Version=1",
            media,
        ),
        &expect_body(expected, media),
    );
    for actual in [
        "Action=Op&Version=1&A.member.2=x%20y&B=2015-01-25T08%3A00%3A00Z",
        "Action=Op&Version=1&A.member.1=x%20y",
        "Action=Op&Version=2&A.member.1=x%20y&B=2015-01-25T08%3A00%3A00Z",
    ] {
        let result = std::panic::catch_unwind(|| {
            assert_request(&with_body(actual, media), &expect_body(expected, media))
        });
        assert!(result.is_err(), "{actual}");
    }
}
