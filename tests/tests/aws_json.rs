//! The `http` feature of crates speaking the AWS JSON protocols (the `aws-json-1-0` and
//! `aws-json-1-1` golden crates): requests built from inputs, responses read into outputs and
//! errors, awsQuery-compatible error codes, request compression, and malformed responses, which
//! must be errors and never panics. Expected requests and responses are written by hand from the
//! models and the protocol specifications.

use std::collections::HashMap;
use std::io::Read as _;

use golden_aws_json_1_0::error::{RequestId as _, RetryKind};
use golden_aws_json_1_0::http::RequestOptions;
use golden_aws_json_1_0::operation::get_item::{GetItemInput, GetItemOutput};
use golden_aws_json_1_0::operation::ping::{PingInput, PingOutput};
use golden_aws_json_1_0::operation::put_item::{PutItemError, PutItemInput, PutItemOutput};
use golden_aws_json_1_0::operation::upload_log::UploadLogInput;
use golden_aws_json_1_0::primitives::{Blob, DateTime, Document};
use golden_aws_json_1_0::types::error::ConditionFailed;
use golden_aws_json_1_0::types::{Condition, Item, Kind, Priority, Value};
use golden_aws_json_1_1::operation::send_message::{SendMessageError, SendMessageInput, SendMessageOutput};
use serde_json::json;

fn response(status: u16, headers: &[(&str, &str)], body: &str) -> http::Response<Vec<u8>> {
    let mut builder = http::Response::builder().status(status);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    builder.body(body.as_bytes().to_vec()).unwrap()
}

fn body_json(request: &http::Request<Vec<u8>>) -> serde_json::Value {
    serde_json::from_slice(request.body()).expect("the body is JSON")
}

fn item() -> Item {
    Item::builder()
        .key("k1")
        .count(3)
        .big(i64::MAX)
        .enabled(true)
        .ratio(f64::NAN)
        .created(DateTime::from_secs(1_700_000_000))
        .modified(DateTime::from_secs_and_nanos(1_700_000_000, 500_000_000))
        .data(Blob::new(b"bytes".to_vec()))
        .attributes("a", Value::List(vec![Value::Text("t".into()), Value::Nothing]))
        .tags("x")
        .tags("y")
        .sparse("gone", None)
        .value(Value::Bytes(Blob::new(b"hi".to_vec())))
        .kind(Kind::Large)
        .priority(Priority::High)
        .extra(Document::from(vec![Document::from(1i64), Document::from("two")]))
        .build()
        .expect("the key is set")
}

#[test]
fn a_request_is_a_post_to_the_root_with_the_target_and_the_input_as_json() {
    let input = PutItemInput::builder()
        .table("t")
        .item(item())
        .condition(Condition::builder().exists(false).build())
        .trace("ignored binding")
        .client_token("token-1")
        .build();
    let request = input.to_http_request().unwrap();
    assert_eq!(request.method(), "POST");
    assert_eq!(request.uri(), "/");
    let headers = request.headers();
    assert_eq!(headers["x-amz-target"], "KeyValueStore.PutItem");
    assert_eq!(headers["content-type"], "application/x-amz-json-1.0");
    assert_eq!(headers["content-length"], request.body().len().to_string().as_str());
    // The service is query-compatible: its clients say so.
    assert_eq!(headers["x-amzn-query-mode"], "true");
    // `@httpHeader` is ignored: the member travels in the body.
    assert!(!headers.contains_key("x-trace"));
    assert_eq!(
        body_json(&request),
        json!({
            "table": "t",
            "item": {
                "key": "k1",
                "count": 3,
                "big": i64::MAX,
                "enabled": true,
                "ratio": "NaN",
                "created": 1_700_000_000,
                "modified": "2023-11-14T22:13:20.5Z",
                "data": "Ynl0ZXM=",
                "attributes": {"a": {"list": [{"text": "t"}, {"nothing": {}}]}},
                "tags": ["x", "y"],
                "sparse": {"gone": null},
                "value": {"bytes": "aGk="},
                "kind": "large",
                "priority": 2,
                "extra": [1, "two"]
            },
            // `@jsonName` is not honoured by the AWS JSON protocols.
            "condition": {"exists": false},
            "trace": "ignored binding",
            "clientToken": "token-1"
        })
    );
}

#[test]
fn an_unset_idempotency_token_is_filled_and_an_empty_input_is_an_empty_object() {
    let request = PutItemInput::builder()
        .table("t")
        .build()
        .to_http_request_with(&RequestOptions::new().idempotency_token("fixed"))
        .unwrap();
    assert_eq!(body_json(&request), json!({"table": "t", "clientToken": "fixed"}));
    let random = PutItemInput::builder().build().to_http_request().unwrap();
    let token = body_json(&random)["clientToken"].as_str().unwrap().to_owned();
    assert_eq!((token.len(), &token[14..15]), (36, "4"), "a version 4 UUID: {token}");

    let ping = PingInput::builder().build().to_http_request().unwrap();
    assert_eq!(ping.body(), b"{}");
    assert_eq!(ping.headers()["x-amz-target"], "KeyValueStore.Ping");
}

#[test]
fn host_labels_prefix_the_endpoint_and_must_be_host_segments() {
    let options = RequestOptions::new().endpoint("https://example.com/base".parse().unwrap());
    let request = GetItemInput::builder().region("eu-west-1").key("k").build().to_http_request_with(&options).unwrap();
    assert_eq!(request.uri(), "https://eu-west-1.data.example.com/base/");
    // The label is a member like any other: it is in the body too.
    assert_eq!(body_json(&request), json!({"region": "eu-west-1", "key": "k"}));
    for bad in ["", "a.b", "a/b", "a b"] {
        let error = GetItemInput::builder().region(bad).key("k").build().to_http_request_with(&options).unwrap_err();
        assert_eq!(error.field(), "region", "{bad:?}");
    }
}

fn gunzip(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(data).read_to_end(&mut out).expect("gzip");
    out
}

#[test]
fn large_bodies_of_operations_allowing_compression_are_gzipped() {
    let small = UploadLogInput::builder().lines("one line").build().to_http_request().unwrap();
    assert!(!small.headers().contains_key("content-encoding"));
    assert_eq!(body_json(&small), json!({"lines": ["one line"]}));

    let mut input = UploadLogInput::builder();
    for i in 0..2000 {
        input = input.lines(format!("log line number {i}"));
    }
    let input = input.build();
    let request = input.to_http_request().unwrap();
    // `br` comes first in the model's list but is not supported: gzip is the one used.
    assert_eq!(request.headers()["content-encoding"], "gzip");
    assert_eq!(request.headers()["content-length"], request.body().len().to_string().as_str());
    let plain: serde_json::Value = serde_json::from_slice(&gunzip(request.body())).unwrap();
    assert_eq!(plain["lines"][1999], "log line number 1999");

    let disabled = input.to_http_request_with(&RequestOptions::new().disable_request_compression(true)).unwrap();
    assert!(!disabled.headers().contains_key("content-encoding"));
    assert_eq!(body_json(&disabled)["lines"].as_array().map(Vec::len), Some(2000));
    let always = UploadLogInput::builder()
        .lines("x")
        .build()
        .to_http_request_with(&RequestOptions::new().request_min_compression_size_bytes(0))
        .unwrap();
    assert_eq!(gunzip(always.body()), br#"{"lines":["x"]}"#);
    let out_of_range = RequestOptions::new().request_min_compression_size_bytes(10_485_761);
    assert!(input.to_http_request_with(&out_of_range).is_err());
}

#[test]
fn a_successful_response_reads_into_the_output() {
    let body = r#"{
        "previous": {"key": "k0", "ratio": "-Infinity", "created": 1.5, "modified": "2020-01-01T00:00:00Z",
                     "value": {"__type": "ignored", "number": 2.5}, "sparse": {"a": null, "b": "c"},
                     "attributes": {"m": {"map": {"n": {"nothing": {}}}}}, "kind": "NEW", "priority": 9},
        "writtenAt": 1700000000,
        "consumed": 1.2345678912345679E8,
        "addedLater": {"deep": [1, 2, {"x": null}]}
    }"#;
    let response = response(200, &[("x-amzn-RequestId", "req-1")], body);
    let output = PutItemOutput::from_http_response(&response).unwrap();
    assert_eq!(output.request_id(), Some("req-1"));
    assert_eq!(output.written_at(), Some(DateTime::from_secs(1_700_000_000)));
    assert_eq!(output.consumed(), Some(123_456_789.123_456_79));
    let previous = output.previous().unwrap();
    assert_eq!(previous.key(), "k0");
    assert_eq!(previous.ratio(), Some(f64::NEG_INFINITY));
    assert_eq!(previous.created(), Some(DateTime::from_millis(1500)));
    assert_eq!(previous.modified(), Some(DateTime::from_secs(1_577_836_800)));
    assert_eq!(previous.value(), Some(&Value::Number(2.5)));
    assert_eq!(previous.sparse(), Some(&HashMap::from([("a".into(), None), ("b".into(), Some("c".into()))])));
    assert_eq!(previous.kind().map(Kind::as_str), Some("NEW"));
    assert_eq!(previous.priority().map(Priority::value), Some(9));

    for empty in ["", "{}", " \n"] {
        assert!(PingOutput::from_http_response(&response_200(empty)).is_ok(), "{empty:?}");
        assert_eq!(GetItemOutput::from_http_response(&response_200(empty)).unwrap().item(), None);
    }
}

fn response_200(body: &str) -> http::Response<Vec<u8>> {
    response(200, &[], body)
}

#[test]
fn modeled_errors_are_read_by_type_however_it_is_spelled() {
    let spellings: [(&[(&str, &str)], &str); 5] = [
        (&[], r#"{"__type": "example.awsjson10#ValidationError", "message": "bad", "fields": ["a"]}"#),
        (&[], r#"{"__type": "ValidationError:http://internal.amazon.com/", "message": "bad", "fields": ["a"]}"#),
        (&[], r#"{"code": "ValidationError", "message": "bad", "fields": ["a"]}"#),
        (&[("X-Amzn-Errortype", "ValidationError")], r#"{"message": "bad", "fields": ["a"]}"#),
        (
            &[("X-Amzn-Errortype", "ns#ValidationError:uri")],
            r#"{"__type": "Other", "message": "bad", "fields": ["a"]}"#,
        ),
    ];
    for (headers, body) in spellings {
        let error = GetItemOutput::from_http_response(&response(400, headers, body)).unwrap_err();
        let golden_aws_json_1_0::operation::get_item::GetItemError::ValidationError(error) = &error else {
            panic!("{body}: {error:?}")
        };
        assert_eq!((error.message.as_str(), error.fields()), ("bad", &["a".to_owned()][..]));
    }
    let throttled = PutItemOutput::from_http_response(&response(
        429,
        &[("x-amzn-requestid", "r2")],
        r#"{"__type": "ThrottledError", "Message": "slow down"}"#,
    ))
    .unwrap_err();
    assert!(throttled.is_throttled_error());
    assert_eq!(throttled.message(), Some("slow down"));
    assert_eq!(throttled.retry_kind(), Some(RetryKind::Throttling));
    assert_eq!(throttled.request_id(), Some("r2"));
}

#[test]
fn query_compatible_errors_carry_and_are_matched_by_their_awsquery_code() {
    assert_eq!(ConditionFailed::CODE, "AWS.KeyValueStore.ConditionFailed");
    let body = r#"{"__type": "example.awsjson10#ConditionFailed", "message": "exists"}"#;
    let with_header = response(409, &[("x-amzn-query-error", "AWS.KeyValueStore.ConditionFailed;Sender")], body);
    let without_header = response(409, &[], body);
    // A code the model does not know leaves the error to its type.
    let unknown_code = response(409, &[("x-amzn-query-error", "AWS.KeyValueStore.Other;Sender")], body);
    for response in [with_header, without_header, unknown_code] {
        let error = PutItemOutput::from_http_response(&response).unwrap_err();
        assert!(error.is_condition_failed(), "{error:?}");
        assert_eq!(error.code(), Some("AWS.KeyValueStore.ConditionFailed"));
        assert_eq!(error.message(), Some("exists"));
    }
    // An error the model does not describe keeps the awsQuery code the service sent.
    let unknown = response(400, &[("x-amzn-query-error", "AWS.KeyValueStore.Gone;Sender")], r#"{"__type": "Gone"}"#);
    let PutItemError::Unhandled(unhandled) = PutItemOutput::from_http_response(&unknown).unwrap_err() else {
        panic!("an unknown error is unhandled")
    };
    assert_eq!(unhandled.code(), Some("AWS.KeyValueStore.Gone"));
}

#[test]
fn unknown_errors_are_unhandled_with_what_the_service_sent() {
    let error = PutItemOutput::from_http_response(&response(
        503,
        &[("x-amzn-requestid", "r3")],
        r#"{"__type": "com.example#Overloaded", "message": "later"}"#,
    ))
    .unwrap_err();
    let PutItemError::Unhandled(unhandled) = &error else { panic!("{error:?}") };
    assert_eq!(
        (unhandled.code(), unhandled.message(), unhandled.http_status()),
        (Some("Overloaded"), Some("later"), Some(503))
    );
    assert_eq!(error.request_id(), Some("r3"));
    assert_eq!(error.retry_kind(), Some(RetryKind::Transient));
    let bare = PutItemOutput::from_http_response(&response(500, &[], "")).unwrap_err();
    assert_eq!((bare.code(), bare.http_status()), (None, Some(500)));
}

#[test]
fn malformed_responses_are_errors_never_panics() {
    let deep_array = format!("{{\"previous\": {{\"extra\": {}{}}}}}", "[".repeat(10_000), "]".repeat(10_000));
    let deep_union = format!(
        "{{\"previous\": {{\"key\": \"k\", \"value\": {}\"nothing\": {{}}{}}}}}",
        "{\"list\": [".repeat(1000),
        "]}".repeat(1000)
    );
    let cases = [
        r#"{"previous": {"key": "k", "count""#.to_owned(),
        r#"{"consumed": "lots"}"#.to_owned(),
        r#"{"writtenAt": "yesterday"}"#.to_owned(),
        r#"{"previous": {"key": 5}}"#.to_owned(),
        r#"{"previous": {"key": "k", "count": 1e999999}}"#.to_owned(),
        r#"{"previous": {"key": "k", "count": 4294967296}}"#.to_owned(),
        r#"{"previous": {"key": "k", "big": 99999999999999999999999}}"#.to_owned(),
        r#"{"previous": {"key": "k", "data": "not base64!"}}"#.to_owned(),
        r#"{"previous": {"key": "k", "value": {"text": "a", "number": 1}}}"#.to_owned(),
        r#"{"previous": {"key": "k", "tags": {"not": "a list"}}}"#.to_owned(),
        r#"[1, 2]"#.to_owned(),
        "\u{0}\u{1}\u{2}".to_owned(),
        deep_array,
        deep_union,
    ];
    for body in &cases {
        match PutItemOutput::from_http_response(&response(200, &[("x-amzn-requestid", "r4")], body)) {
            Err(PutItemError::Unhandled(unhandled)) => {
                assert!(unhandled.message().is_some_and(|m| m.contains("could not be read")), "{unhandled:?}");
                assert_eq!((unhandled.http_status(), unhandled.request_id()), (Some(200), Some("r4")));
            }
            other => panic!("{:?}: expected Unhandled, got {other:?}", &body[..body.len().min(60)]),
        }
    }
    // Garbage bytes, as a success or as an error.
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    for round in 0..500 {
        let bytes: Vec<u8> = (0..round % 97)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state as u8
            })
            .collect();
        for status in [200, 400] {
            let response = http::Response::builder().status(status).body(bytes.clone()).unwrap();
            let _ = PutItemOutput::from_http_response(&response);
        }
    }
    // A modeled error whose members have the wrong types is unhandled, with its status.
    let wrong = response(400, &[], r#"{"__type": "ValidationError", "message": ["a"]}"#);
    let error = PutItemOutput::from_http_response(&wrong).unwrap_err();
    assert!(error.is_unhandled() && error.http_status() == Some(400), "{error:?}");
}

#[test]
fn awsjson1_1_requests_and_errors() {
    let request = SendMessageInput::builder()
        .queue("q")
        .body("hello")
        .not_before(golden_aws_json_1_1::primitives::DateTime::from_secs(0))
        .build()
        .to_http_request()
        .unwrap();
    assert_eq!(request.headers()["content-type"], "application/x-amz-json-1.1");
    assert_eq!(request.headers()["x-amz-target"], "MessageQueue.SendMessage");
    assert!(!request.headers().contains_key("x-amzn-query-mode"));
    assert_eq!(
        body_json(&request),
        json!({"queue": "q", "body": "hello", "notBefore": "Thu, 01 Jan 1970 00:00:00 GMT"})
    );

    let output = SendMessageOutput::from_http_response(&response(200, &[], r#"{"id": "m1", "sequence": 7}"#)).unwrap();
    assert_eq!((output.id(), output.sequence()), ("m1", Some(7)));
    // A required member the service left out is filled with its zero value.
    assert_eq!(SendMessageOutput::from_http_response(&response_200("{}")).unwrap().id(), "");

    let missing = SendMessageOutput::from_http_response(&response(
        400,
        &[],
        r#"{"__type": "QueueMissing", "Message": "no such queue"}"#,
    ))
    .unwrap_err();
    let SendMessageError::QueueMissing(error) = &missing else { panic!("{missing:?}") };
    assert_eq!(error.message(), Some("no such queue"));
    assert_eq!(missing.code(), Some("QueueMissing"));
    // awsJson1_1 services are not query-compatible: the header is ignored.
    let fault = SendMessageOutput::from_http_response(&response(
        500,
        &[("x-amzn-query-error", "Other;Receiver")],
        r#"{"__type": "aws.example#ServerFault"}"#,
    ))
    .unwrap_err();
    assert!(matches!(fault, SendMessageError::ServerFault(_)), "{fault:?}");
}
