//! Amazon SNS (awsQuery): a topic created, its attributes read back, the topics listed, the
//! topic deleted, and a missing one.

mod support;

use moto_sns::error::RequestId;
use moto_sns::http::RequestOptions;
use moto_sns::operation::create_topic::{CreateTopicInput, CreateTopicOutput};
use moto_sns::operation::delete_topic::{DeleteTopicInput, DeleteTopicOutput};
use moto_sns::operation::get_topic_attributes::{
    GetTopicAttributesError, GetTopicAttributesInput, GetTopicAttributesOutput,
};
use moto_sns::operation::list_topics::{ListTopicsInput, ListTopicsOutput};

#[test]
fn topics_round_trip() {
    let moto = support::Moto::start();
    let options = RequestOptions::new().endpoint(moto.endpoint());
    let send = |request| moto.send("sns", request);

    let create = CreateTopicInput::builder().name("roundtrip").attributes("DisplayName", "Round & trip").build();
    let created =
        CreateTopicOutput::from_http_response(&send(create.to_http_request_with(&options).expect("a request")))
            .expect("the topic is created");
    let arn = created.topic_arn().expect("the topic's ARN").to_owned();
    assert!(arn.ends_with(":roundtrip"), "{arn}");
    assert!(created.request_id().is_some(), "the response's request id is kept");

    let get = GetTopicAttributesInput::builder().topic_arn(&arn).build();
    let got =
        GetTopicAttributesOutput::from_http_response(&send(get.to_http_request_with(&options).expect("a request")))
            .expect("the attributes read back");
    let attributes = got.attributes().expect("attributes");
    assert_eq!(attributes.get("DisplayName").map(String::as_str), Some("Round & trip"));
    assert_eq!(attributes.get("TopicArn"), Some(&arn));

    let list = ListTopicsInput::builder().build();
    let listed = ListTopicsOutput::from_http_response(&send(list.to_http_request_with(&options).expect("a request")))
        .expect("the topics list");
    assert!(listed.topics().iter().any(|t| t.topic_arn() == Some(arn.as_str())), "{listed:?}");

    let delete = DeleteTopicInput::builder().topic_arn(&arn).build();
    DeleteTopicOutput::from_http_response(&send(delete.to_http_request_with(&options).expect("a request")))
        .expect("the topic is deleted");

    let missing =
        GetTopicAttributesOutput::from_http_response(&send(get.to_http_request_with(&options).expect("a request")));
    match missing {
        Err(GetTopicAttributesError::NotFoundException(error)) => {
            assert!(error.message().is_some(), "{error:?}");
            assert!(error.request_id().is_some());
        }
        other => panic!("expected NotFoundException, got {other:?}"),
    }
}
