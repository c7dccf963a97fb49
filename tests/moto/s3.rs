//! Amazon S3 (restXml): a bucket created, an object written, read back and listed, both deleted,
//! and a missing object; path-style addressing, since the server is an IP address.

mod support;

use moto_s3::error::RequestId;
use moto_s3::http::RequestOptions;
use moto_s3::operation::create_bucket::{CreateBucketInput, CreateBucketOutput};
use moto_s3::operation::delete_bucket::{DeleteBucketInput, DeleteBucketOutput};
use moto_s3::operation::delete_object::{DeleteObjectInput, DeleteObjectOutput};
use moto_s3::operation::get_object::{GetObjectError, GetObjectInput, GetObjectOutput};
use moto_s3::operation::list_objects_v2::{ListObjectsV2Input, ListObjectsV2Output};
use moto_s3::operation::put_object::{PutObjectInput, PutObjectOutput};
use moto_s3::s3::{AddressingStyle, S3Options};

const CONTENT: &[u8] = b"a round trip\x00\xff";

#[test]
fn buckets_and_objects_round_trip() {
    let moto = support::Moto::start();
    let options = RequestOptions::new().endpoint(moto.endpoint());
    let s3 = S3Options::new().addressing_style(AddressingStyle::Path);
    let send = |request| moto.send("s3", request);

    let create = CreateBucketInput::builder().bucket("roundtrip").build();
    CreateBucketOutput::from_http_response(&send(create.to_s3_http_request(&options, &s3).expect("a request")))
        .expect("the bucket is created");

    let put = PutObjectInput::builder()
        .bucket("roundtrip")
        .key("dir/object.bin")
        .content_type("application/octet-stream")
        .metadata("origin", "moto")
        .body(CONTENT.to_vec().into())
        .build();
    let stored = PutObjectOutput::from_http_response(&send(put.to_s3_http_request(&options, &s3).expect("a request")))
        .expect("the object is stored");
    assert!(stored.e_tag().is_some(), "{stored:?}");

    let get = GetObjectInput::builder().bucket("roundtrip").key("dir/object.bin").build();
    let got = GetObjectOutput::from_http_response(&send(get.to_s3_http_request(&options, &s3).expect("a request")))
        .expect("the object reads back");
    assert_eq!(got.body().as_bytes(), CONTENT);
    assert_eq!(got.content_length(), Some(CONTENT.len() as i64));
    assert_eq!(got.metadata().and_then(|m| m.get("origin")).map(String::as_str), Some("moto"));
    assert!(got.request_id().is_some(), "the response's request id is kept");

    let list = ListObjectsV2Input::builder().bucket("roundtrip").prefix("dir/").build();
    let listed =
        ListObjectsV2Output::from_http_response(&send(list.to_s3_http_request(&options, &s3).expect("a request")))
            .expect("the objects list");
    let keys: Vec<_> = listed.contents().iter().filter_map(|o| o.key()).collect();
    assert_eq!(keys, ["dir/object.bin"]);

    let delete = DeleteObjectInput::builder().bucket("roundtrip").key("dir/object.bin").build();
    DeleteObjectOutput::from_http_response(&send(delete.to_s3_http_request(&options, &s3).expect("a request")))
        .expect("the object is deleted");

    let missing = GetObjectOutput::from_http_response(&send(get.to_s3_http_request(&options, &s3).expect("a request")));
    match missing {
        Err(GetObjectError::NoSuchKey(error)) => assert!(error.request_id().is_some(), "{error:?}"),
        other => panic!("expected NoSuchKey, got {other:?}"),
    }

    let delete = DeleteBucketInput::builder().bucket("roundtrip").build();
    DeleteBucketOutput::from_http_response(&send(delete.to_s3_http_request(&options, &s3).expect("a request")))
        .expect("the bucket is deleted");
}
