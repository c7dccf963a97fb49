//! `BuildError` and `Unhandled`.

use crate::error::{BuildError, Unhandled};

#[test]
fn build_errors_name_the_member() {
    let missing = BuildError::missing_field("name", "Person");
    assert_eq!(
        missing.to_string(),
        "`name` was not set, but `Person` requires it"
    );
    assert_eq!(missing.field(), "name");
    assert!(missing.is_missing_field());
    let invalid = BuildError::invalid_field("uri", "a URI label cannot be empty");
    assert_eq!(
        invalid.to_string(),
        "invalid value for `uri`: a URI label cannot be empty"
    );
    assert_eq!(invalid.field(), "uri");
    assert!(!invalid.is_missing_field());
}

#[test]
fn unhandled_errors_keep_what_the_service_said() {
    let error = Unhandled::new()
        .with_code("Throttled")
        .with_message("slow down")
        .with_http_status(429)
        .with_body(b"{}".to_vec());
    assert_eq!(error.code(), Some("Throttled"));
    assert_eq!(error.message(), Some("slow down"));
    assert_eq!(error.http_status(), Some(429));
    assert_eq!(error.body(), b"{}");
    assert_eq!(
        error.to_string(),
        "unhandled error `Throttled` (HTTP 429): slow down"
    );
    assert_eq!(Unhandled::new().to_string(), "unhandled error");
    assert_eq!(Unhandled::new().body(), b"");
}

#[test]
fn errors_are_classified_for_retrying_by_code_and_status() {
    use crate::error::{RequestId, RetryKind, Unhandled};
    let kind = |code: Option<&str>, status: Option<u16>| RetryKind::classify(code, status);
    assert_eq!(
        kind(Some("ThrottlingException"), Some(400)),
        Some(RetryKind::Throttling)
    );
    assert_eq!(
        kind(Some("SlowDown"), Some(503)),
        Some(RetryKind::Throttling)
    );
    assert_eq!(kind(None, Some(429)), Some(RetryKind::Throttling));
    assert_eq!(
        kind(Some("RequestTimeout"), Some(400)),
        Some(RetryKind::Transient)
    );
    for status in [500, 502, 503, 504] {
        assert_eq!(
            kind(Some("InternalFailure"), Some(status)),
            Some(RetryKind::Transient)
        );
    }
    assert_eq!(kind(Some("ValidationException"), Some(400)), None);
    assert_eq!(kind(None, Some(501)), None);
    assert_eq!(kind(None, None), None);
    let unhandled = Unhandled::new()
        .with_code("Throttling")
        .with_http_status(400)
        .with_request_id("abc");
    assert_eq!(unhandled.retry_kind(), Some(RetryKind::Throttling));
    assert_eq!(unhandled.request_id(), Some("abc"));
    assert!(format!("{unhandled:?}").contains("abc"));
}
