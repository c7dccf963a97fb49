//! What the RPC v2 protocols share: their requests, the protocol check of responses, and how
//! errors are named.

use crate::http::{unhandled, ErrorInfo, RequestOptions};
use crate::rpc_v2::{check_response, json_error_info, request, CBOR, JSON};

fn headers(pairs: &[(&'static str, &'static str)]) -> http::HeaderMap {
    let mut headers = http::HeaderMap::new();
    for (name, value) in pairs {
        headers.insert(*name, http::HeaderValue::from_static(value));
    }
    headers
}

#[test]
fn requests_post_to_the_operation_with_the_protocol_headers() {
    let request = request(
        &CBOR,
        &RequestOptions::new(),
        "",
        "/service/Svc/operation/Op",
        Some(vec![0xa0]),
        false,
    )
    .unwrap();
    assert_eq!(request.method(), http::Method::POST);
    assert_eq!(request.uri(), "/service/Svc/operation/Op");
    let header = |name: &str| request.headers().get(name).map(|v| v.to_str().unwrap());
    assert_eq!(header("smithy-protocol"), Some("rpc-v2-cbor"));
    assert_eq!(header("accept"), Some("application/cbor"));
    assert_eq!(header("content-type"), Some("application/cbor"));
    assert_eq!(header("content-length"), Some("1"));
    assert_eq!(header("x-amzn-query-mode"), None);
    assert_eq!(request.body(), &[0xa0]);
}

#[test]
fn requests_without_a_body_have_no_content_type() {
    let request = request(
        &JSON,
        &RequestOptions::new(),
        "",
        "/service/S/operation/O",
        None,
        true,
    )
    .unwrap();
    let header = |name: &str| request.headers().get(name).map(|v| v.to_str().unwrap());
    assert_eq!(header("smithy-protocol"), Some("rpc-v2-json"));
    assert_eq!(header("accept"), Some("application/json"));
    assert_eq!(header("content-type"), None);
    assert_eq!(header("x-amzn-query-mode"), Some("true"));
    assert!(request.body().is_empty());
}

#[test]
fn requests_go_to_the_endpoint_with_its_base_path_and_the_host_prefix() {
    let options = RequestOptions::new().endpoint("https://example.com/v1".parse().unwrap());
    let request = request(
        &CBOR,
        &options,
        "data.",
        "/service/S/operation/O",
        None,
        false,
    )
    .unwrap();
    assert_eq!(
        request.uri(),
        "https://data.example.com/v1/service/S/operation/O"
    );
}

#[test]
fn responses_must_name_the_protocol() {
    let ok = headers(&[("smithy-protocol", "rpc-v2-cbor")]);
    assert!(check_response(&CBOR, 200, &ok, b"").is_ok());
    for wrong in [headers(&[]), headers(&[("smithy-protocol", "rpc-v2-json")])] {
        let unhandled = check_response(&CBOR, 503, &wrong, b"\xa0").unwrap_err();
        assert_eq!(unhandled.http_status(), Some(503));
        assert_eq!(unhandled.code(), None);
        assert!(unhandled.message().unwrap().contains("smithy-protocol"));
        assert_eq!(unhandled.body(), b"\xa0");
    }
}

#[test]
fn unhandled_errors_keep_what_the_response_says() {
    let info = ErrorInfo {
        code: Some("Oops".into()),
        message: Some("m".into()),
        request_id: Some("r".into()),
    };
    let error = unhandled(500, b"x", info);
    assert_eq!(error.code(), Some("Oops"));
    assert_eq!(error.message(), Some("m"));
    assert_eq!(crate::error::RequestId::request_id(&error), Some("r"));
    assert_eq!(error.http_status(), Some(500));
}

#[test]
fn json_errors_are_named_by_their_type_only() {
    let header = headers(&[("x-amzn-errortype", "Wrong"), ("x-amzn-requestid", "id")]);
    let info = json_error_info(
        &header,
        br#"{"__type": "smithy.protocoltests.rpcv2Json#ComplexError", "code": "Wrong", "Message": "Hi"}"#,
    );
    assert_eq!(info.code.as_deref(), Some("ComplexError"));
    assert_eq!(info.message.as_deref(), Some("Hi"));
    assert_eq!(info.request_id.as_deref(), Some("id"));
    let info = json_error_info(&header, br#"{"code": "Wrong"}"#);
    assert_eq!(info.code, None);
    let info = json_error_info(&header, b"not json");
    assert_eq!((info.code, info.message), (None, None));
}
