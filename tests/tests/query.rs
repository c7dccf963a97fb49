//! The `http` feature of an awsQuery crate (`tests/golden/query`): form-encoded requests,
//! outputs read from `<OperationResponse><OperationResult>`, errors matched by their
//! `@awsQueryError` code, and malformed responses that must be errors, never panics.

use golden_query::error::RequestId;
use golden_query::operation::list_queues::{ListQueuesError, ListQueuesInput, ListQueuesOutput};
use golden_query::operation::send_message::{SendMessageError, SendMessageInput, SendMessageOutput};
use golden_query::primitives::{Blob, DateTime};
use golden_query::types::Options;

fn response(status: u16, body: &str) -> http::Response<Vec<u8>> {
    http::Response::builder().status(status).body(body.as_bytes().to_vec()).unwrap()
}

#[test]
fn an_input_becomes_a_form_with_action_and_version() {
    let input = SendMessageInput::builder()
        .queue_name("q 1")
        .body("a&b=c")
        .delay_seconds(5)
        .attributes("k", "v")
        .tags("t1")
        .tags("t2")
        .groups("g")
        .options(Options::builder().priority(2).fifo(true).build())
        .sent_at(DateTime::from_secs(1_700_000_000))
        .payload(Blob::new(b"hi".to_vec()))
        .build();
    let request = input.to_http_request().unwrap();
    assert_eq!(request.method(), "POST");
    assert_eq!(request.uri(), "/");
    assert_eq!(request.headers()["content-type"], "application/x-www-form-urlencoded");
    let body = std::str::from_utf8(request.body()).unwrap();
    assert_eq!(request.headers()["content-length"], body.len().to_string().as_str());
    let expected = [
        "Action=SendMessage",
        "Version=2024-01-01",
        "queueName=q%201",
        "Body=a%26b%3Dc",
        "delaySeconds=5",
        "attributes.entry.1.Name=k",
        "attributes.entry.1.Value=v",
        "tags.1=t1",
        "tags.2=t2",
        // A list member's `@xmlName` replaces `member`.
        "groups.Group.1=g",
        "options.priority=2",
        "options.Fifo=true",
        "sentAt=2023-11-14T22%3A13%3A20Z",
        "payload=aGk%3D",
    ];
    let mut pairs: Vec<&str> = body.split('&').collect();
    let mut want = expected.to_vec();
    pairs.sort_unstable();
    want.sort_unstable();
    assert_eq!(pairs, want, "{body}");
    assert!(body.starts_with("Action=SendMessage&Version=2024-01-01"), "{body}");
}

#[test]
fn an_input_without_members_sends_action_and_version_alone() {
    let request = ListQueuesInput::builder().build().to_http_request().unwrap();
    assert_eq!(request.body(), b"Action=ListQueues&Version=2024-01-01");
}

#[test]
fn an_output_is_read_from_its_result_element() {
    let body = r#"<SendMessageResponse xmlns="https://example.com/queues/2024-01-01/">
        <SendMessageResult>
            <MessageId>m-1</MessageId>
            <sequence>9007199254740993</sequence>
            <tags>a</tags><tags>b</tags>
        </SendMessageResult>
        <ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata>
    </SendMessageResponse>"#;
    let output = SendMessageOutput::from_http_response(&response(200, body)).unwrap();
    assert_eq!(output.message_id(), Some("m-1"));
    assert_eq!(output.sequence(), Some(9_007_199_254_740_993));
    assert_eq!(output.tags(), ["a", "b"]);

    let body = "<ListQueuesResponse><ListQueuesResult><queues><member><name>q</name>\
        <created>2023-11-14T22:13:20Z</created></member></queues>\
        <attributes><entry><Name>k</Name><Value>v</Value></entry></attributes>\
        </ListQueuesResult></ListQueuesResponse>";
    let output = ListQueuesOutput::from_http_response(&response(200, body)).unwrap();
    let queue = &output.queues()[0];
    assert_eq!(queue.name(), Some("q"));
    assert_eq!(queue.created().map(|t| t.secs()), Some(1_700_000_000));
    assert_eq!(output.attributes().unwrap()["k"], "v");
}

#[test]
fn errors_are_matched_by_their_query_error_code() {
    let body = "<ErrorResponse><Error><Type>Sender</Type><Code>AWS.SimpleQueueService.NonExistentQueue</Code>\
        <Message>no queue</Message></Error><RequestId>req-2</RequestId></ErrorResponse>";
    match SendMessageOutput::from_http_response(&response(400, body)).unwrap_err() {
        SendMessageError::QueueMissing(error) => {
            assert_eq!(error.message(), Some("no queue"));
            assert_eq!(error.request_id(), Some("req-2"));
        }
        other => panic!("expected QueueMissing, got {other:?}"),
    }
    let body = "<ErrorResponse><Error><Code>TooBig</Code><Message>m</Message><limit>10</limit></Error></ErrorResponse>";
    match SendMessageOutput::from_http_response(&response(400, body)).unwrap_err() {
        SendMessageError::TooBig(error) => assert_eq!(error.limit(), Some(10)),
        other => panic!("expected TooBig, got {other:?}"),
    }
    // The shape name of an error with a query code is not its code.
    let body = "<ErrorResponse><Error><Code>QueueMissing</Code></Error></ErrorResponse>";
    let error = SendMessageOutput::from_http_response(&response(400, body)).unwrap_err();
    assert!(error.is_unhandled(), "{error:?}");
    assert_eq!(error.code(), Some("QueueMissing"));
}

#[test]
fn malformed_responses_are_errors_never_panics() {
    let deep = format!(
        "<ListQueuesResponse><ListQueuesResult>{}{}</ListQueuesResult></ListQueuesResponse>",
        "<queues><member>".repeat(5_000),
        "</member></queues>".repeat(5_000)
    );
    let cases: Vec<(&str, String)> = vec![
        ("truncated", "<ListQueuesResponse><ListQueuesResult><queues><member><name>q".into()),
        ("cut after the result", "<ListQueuesResponse><ListQueuesResult></ListQueuesResult>".into()),
        (
            "wrong type",
            "<SendMessageResponse><SendMessageResult><sequence>x</sequence></SendMessageResult></SendMessageResponse>"
                .into(),
        ),
        ("garbage", "\u{7f}<\u{0}>".into()),
        ("deep nesting", deep),
    ];
    for (what, body) in cases {
        if what == "wrong type" {
            let result = SendMessageOutput::from_http_response(&response(200, &body));
            assert!(matches!(result, Err(SendMessageError::Unhandled(_))), "{what}: {result:?}");
        } else {
            let result = ListQueuesOutput::from_http_response(&response(200, &body));
            assert!(matches!(result, Err(ListQueuesError::Unhandled(_))), "{what}: {result:?}");
        }
    }
    let error = ListQueuesOutput::from_http_response(&response(500, "not xml")).unwrap_err();
    assert_eq!(error.http_status(), Some(500));
    assert!(error.is_unhandled());
}
