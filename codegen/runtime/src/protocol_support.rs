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
/// JSON when the case says it is JSON).
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
    let json = media_type.is_some_and(|m| m.contains("json"));
    if json && !expected.trim().is_empty() {
        let actual: serde_json::Value = serde_json::from_slice(actual).unwrap_or_else(|e| {
            panic!(
                "the body is not JSON ({e}): {}",
                String::from_utf8_lossy(actual)
            )
        });
        let expected: serde_json::Value =
            serde_json::from_str(expected).expect("the case's body is JSON");
        assert_eq!(actual, expected, "body");
    } else {
        assert_eq!(String::from_utf8_lossy(actual), expected, "body");
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
