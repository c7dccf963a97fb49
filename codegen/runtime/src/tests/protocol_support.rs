//! The protocol tests' support module: it must accept what a case expects and reject the rest.

use crate::protocol_support::{assert_request, assert_same, options, response, ExpectedRequest};

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
