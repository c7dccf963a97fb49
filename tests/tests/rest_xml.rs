//! The `http` feature of a restXml crate (`tests/golden/rest-xml`): requests built from inputs,
//! responses read into outputs and errors, streaming payloads moved without copying, and
//! malformed responses that must be errors, never panics. Expected bodies are written by hand
//! from the model and the restXml specification.

use golden_rest_xml::error::RequestId;
use golden_rest_xml::operation::download_blob::{DownloadBlobError, DownloadBlobOutput};
use golden_rest_xml::operation::get_item::{GetItemError, GetItemOutput};
use golden_rest_xml::operation::put_item::{PutItemError, PutItemInput, PutItemOutput};
use golden_rest_xml::operation::put_settings::{PutSettingsInput, PutSettingsOutput};
use golden_rest_xml::operation::upload_blob::UploadBlobInput;
use golden_rest_xml::primitives::{Blob, ByteStream, DateTime};
use golden_rest_xml::types::{Owner, Settings, Shape};

fn full_input() -> PutItemInput {
    PutItemInput::builder()
        .id("a b")
        .tags("t1")
        .tags("t2")
        .dry_run(true)
        .name("<Widget & Co>")
        .kind("k\"1")
        .count(3)
        .created(DateTime::from_secs(1_700_000_000))
        .expires(DateTime::from_secs(1_700_000_001))
        .colors("red")
        .sizes(7)
        .labels("a", "1")
        .extras("x", "y")
        .owner(Owner::builder().id("o1").display_name("Owner").build())
        .shape(Shape::Square(4))
        .data(Blob::new(b"hi".to_vec()))
        .build()
}

fn response(status: u16, headers: &[(&str, &str)], body: &str) -> http::Response<Vec<u8>> {
    let mut builder = http::Response::builder().status(status);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    builder.body(body.as_bytes().to_vec()).unwrap()
}

#[test]
fn a_full_input_becomes_the_request_the_service_expects() {
    let request = full_input().to_http_request().unwrap();
    assert_eq!(request.method(), "PUT");
    assert_eq!(request.uri(), "/items/a%20b?tag=t1&tag=t2");
    assert_eq!(request.headers()["x-dry-run"], "true");
    assert_eq!(request.headers()["content-type"], "application/xml");
    let body = std::str::from_utf8(request.body()).unwrap();
    assert_eq!(request.headers()["content-length"], body.len().to_string().as_str());
    let expected = concat!(
        r#"<PutItemInput xmlns="https://example.com/storage/2024-01-01/" kind="k&quot;1">"#,
        "<Name>&lt;Widget &amp; Co&gt;</Name>",
        "<count>3</count>",
        "<created>2023-11-14T22:13:20Z</created>",
        "<expires>1700000001</expires>",
        "<colors><Color>red</Color></colors>",
        "<sizes>7</sizes>",
        "<labels><entry><Key>a</Key><Value>1</Value></entry></labels>",
        "<extras><key>x</key><value>y</value></extras>",
        "<owner><ID>o1</ID><DisplayName>Owner</DisplayName></owner>",
        "<shape><square>4</square></shape>",
        "<data>aGk=</data>",
        "</PutItemInput>",
    );
    assert_eq!(body, expected);
}

#[test]
fn an_input_without_body_members_sends_no_body() {
    let request =
        golden_rest_xml::operation::get_item::GetItemInput::builder().id("i").build().to_http_request().unwrap();
    assert_eq!(request.method(), "GET");
    assert_eq!(request.uri(), "/items/i");
    assert!(request.body().is_empty());
    assert!(request.headers().get("content-type").is_none());
}

#[test]
fn a_structure_payload_is_the_whole_body_under_its_xml_name() {
    let input = PutSettingsInput::builder().settings(Settings::builder().mode("fast").enabled(false).build()).build();
    let request = input.to_http_request().unwrap();
    assert_eq!(
        std::str::from_utf8(request.body()).unwrap(),
        r#"<ServiceSettings xmlns="https://example.com/storage/2024-01-01/" mode="fast"><enabled>false</enabled></ServiceSettings>"#
    );
    let output = PutSettingsOutput::from_http_response(&response(
        200,
        &[],
        r#"<ServiceSettings mode="slow"><enabled>true</enabled></ServiceSettings>"#,
    ))
    .unwrap();
    let settings = output.settings().unwrap();
    assert_eq!(settings.mode(), Some("slow"));
    assert_eq!(settings.enabled(), Some(true));
}

#[test]
fn a_successful_response_reads_into_the_output() {
    let body = r#"<?xml version="1.0" encoding="UTF-8"?>
        <PutItemOutput xmlns="https://example.com/storage/2024-01-01/">
            <Name>a &amp; b &#x41;</Name>
            <Unknown><Deep>ignored</Deep></Unknown>
            <colors><Color>red</Color><Color>blue</Color></colors>
            <labels><entry><Key>k</Key><Value>v</Value></entry></labels>
            <owner><ID>o1</ID></owner>
            <shape><circle>1.5</circle></shape>
        </PutItemOutput>"#;
    let output =
        PutItemOutput::from_http_response(&response(201, &[("X-Version", "v2"), ("x-amz-request-id", "req-1")], body))
            .unwrap();
    assert_eq!(output.version(), Some("v2"));
    assert_eq!(output.status(), Some(201));
    assert_eq!(output.name(), Some("a & b A"));
    assert_eq!(output.colors(), ["red", "blue"]);
    assert_eq!(output.labels().unwrap()["k"], "v");
    assert_eq!(output.owner().unwrap().id(), Some("o1"));
    assert_eq!(output.shape(), Some(&Shape::Circle(1.5)));
    assert_eq!(output.request_id(), Some("req-1"));
}

#[test]
fn flattened_members_and_timestamps_read_back() {
    let body = "<GetItemOutput><Name>n</Name><count>-2</count><sizes>1</sizes><sizes>2</sizes>\
        <extras><key>a</key><value>b</value></extras><extras><key>c</key><value>d</value></extras>\
        <created>2023-11-14T22:13:20.5Z</created></GetItemOutput>";
    let output = GetItemOutput::from_http_response(&response(200, &[], body)).unwrap();
    assert_eq!(output.count(), Some(-2));
    assert_eq!(output.sizes(), [1, 2]);
    let extras = output.extras().unwrap();
    assert_eq!((extras["a"].as_str(), extras["c"].as_str()), ("b", "d"));
    let created = output.created().unwrap();
    assert_eq!((created.secs(), created.subsec_nanos()), (1_700_000_000, 500_000_000));
}

#[test]
fn modeled_errors_read_wrapped_or_not() {
    let wrapped = "<ErrorResponse><Error><Type>Sender</Type><Code>ItemConflict</Code>\
        <Message>taken</Message><ItemId>i-1</ItemId></Error><RequestId>req-9</RequestId></ErrorResponse>";
    match PutItemOutput::from_http_response(&response(409, &[], wrapped)).unwrap_err() {
        PutItemError::ItemConflict(error) => {
            assert_eq!(error.message(), Some("taken"));
            assert_eq!(error.item_id(), Some("i-1"));
            assert_eq!(error.request_id(), Some("req-9"));
        }
        other => panic!("expected ItemConflict, got {other:?}"),
    }
    let unwrapped = "<Error><Code>NoSuchItem</Code><Message>gone</Message><RequestId>req-3</RequestId></Error>";
    match GetItemOutput::from_http_response(&response(404, &[], unwrapped)).unwrap_err() {
        GetItemError::NoSuchItem(error) => {
            assert_eq!(error.message(), Some("gone"));
            assert_eq!(error.request_id(), Some("req-3"));
        }
        other => panic!("expected NoSuchItem, got {other:?}"),
    }
}

#[test]
fn an_unknown_error_code_is_unhandled_with_everything_the_service_sent() {
    let body = "<ErrorResponse><Error><Code>Throttling</Code><Message>slow down</Message></Error>\
        <RequestId>req-5</RequestId></ErrorResponse>";
    let error = PutItemOutput::from_http_response(&response(400, &[], body)).unwrap_err();
    let PutItemError::Unhandled(unhandled) = &error else { panic!("expected Unhandled, got {error:?}") };
    assert_eq!(unhandled.code(), Some("Throttling"));
    assert_eq!(unhandled.message(), Some("slow down"));
    assert_eq!(unhandled.http_status(), Some(400));
    assert_eq!(unhandled.request_id(), Some("req-5"));
    assert_eq!(unhandled.body(), body.as_bytes());
}

#[test]
fn malformed_responses_are_errors_never_panics() {
    let deep = format!("<GetItemOutput>{}{}</GetItemOutput>", "<a>".repeat(10_000), "</a>".repeat(10_000));
    let cases: Vec<(&str, String)> = vec![
        ("truncated", "<GetItemOutput><Name>n</Na".into()),
        ("unclosed", "<GetItemOutput><Name>n</Name>".into()),
        ("mismatched", "<GetItemOutput><Name>n</count></GetItemOutput>".into()),
        ("wrong type", "<GetItemOutput><count>many</count></GetItemOutput>".into()),
        ("huge number", "<GetItemOutput><count>99999999999999999999999</count></GetItemOutput>".into()),
        ("bad timestamp", "<GetItemOutput><created>yesterday</created></GetItemOutput>".into()),
        ("bad entity", "<GetItemOutput><Name>&bogus;</Name></GetItemOutput>".into()),
        ("garbage", "\u{0}\u{1}<<>>&&".into()),
        ("text only", "hello".into()),
        ("two roots", "<GetItemOutput/><GetItemOutput/>".into()),
        ("deep nesting", deep),
    ];
    for (what, body) in cases {
        let result = GetItemOutput::from_http_response(&response(200, &[], &body));
        match result {
            Err(GetItemError::Unhandled(unhandled)) => assert_eq!(unhandled.body(), body.as_bytes(), "{what}"),
            other => panic!("{what}: expected an Unhandled error, got {other:?}"),
        }
    }
    // Garbage instead of an error document still yields the status.
    let error = GetItemOutput::from_http_response(&response(503, &[], "<html>oops")).unwrap_err();
    assert_eq!(error.http_status(), Some(503));
    assert!(error.is_unhandled());
}

/// A body type that is not bytes in memory: the request must carry it as it is.
#[derive(Debug, PartialEq)]
struct FileBody {
    path: &'static str,
}

#[test]
fn a_streaming_input_takes_the_callers_body_as_it_is() {
    let input = UploadBlobInput::builder().id("b1").body(ByteStream::new(b"ignored".to_vec())).build();
    let request = input
        .to_http_request_with_body(&golden_rest_xml::http::RequestOptions::new(), FileBody { path: "/tmp/x" })
        .unwrap();
    assert_eq!(request.method(), "PUT");
    assert_eq!(request.uri(), "/blobs/b1");
    assert_eq!(request.headers()["content-type"], "application/octet-stream");
    assert!(request.headers().get("content-length").is_none());
    assert_eq!(request.body(), &FileBody { path: "/tmp/x" });

    // The buffered form sends the input's own stream, with its length.
    let request = input.to_http_request().unwrap();
    assert_eq!(request.body(), b"ignored");
    assert_eq!(request.headers()["content-length"], "7");
}

#[test]
fn a_streaming_output_is_read_from_the_head_leaving_the_body_to_the_caller() {
    let response = http::Response::builder()
        .status(200)
        .header("Content-Length", "5")
        .header("x-amz-request-id", "req-7")
        .body(FileBody { path: "/dev/stdin" })
        .unwrap();
    let (head, body) = response.into_parts();
    let output = DownloadBlobOutput::from_http_response_head(&head).unwrap();
    assert_eq!(output.length(), Some(5));
    assert!(output.body().as_bytes().is_empty());
    assert_eq!(output.request_id(), Some("req-7"));
    assert_eq!(body, FileBody { path: "/dev/stdin" });

    let head = http::Response::builder().status(404).body(()).unwrap().into_parts().0;
    let error = DownloadBlobOutput::from_http_response_head(&head).unwrap_err();
    assert!(matches!(error, DownloadBlobError::Unhandled(_)));
    assert_eq!(error.http_status(), Some(404));

    // Read whole, the payload is the body.
    let output = DownloadBlobOutput::from_http_response(&response_bytes(b"hello")).unwrap();
    assert_eq!(output.body().as_bytes(), b"hello");
}

fn response_bytes(body: &[u8]) -> http::Response<Vec<u8>> {
    http::Response::builder().status(200).body(body.to_vec()).unwrap()
}
