//! AWS Secrets Manager (awsJson1_1): a secret created, read back, listed, deleted, and a missing
//! one; the secret's value never shows in `Debug`.

mod support;

use moto_secrets_manager::error::RequestId;
use moto_secrets_manager::http::RequestOptions;
use moto_secrets_manager::operation::create_secret::{CreateSecretInput, CreateSecretOutput};
use moto_secrets_manager::operation::delete_secret::{DeleteSecretInput, DeleteSecretOutput};
use moto_secrets_manager::operation::get_secret_value::{
    GetSecretValueError, GetSecretValueInput, GetSecretValueOutput,
};
use moto_secrets_manager::operation::list_secrets::{ListSecretsInput, ListSecretsOutput};

const SECRET: &str = "correct horse battery staple";

#[test]
fn secrets_round_trip() {
    let moto = support::Moto::start();
    let options = RequestOptions::new().endpoint(moto.endpoint());
    let send = |request| moto.send("secretsmanager", request);

    let create = CreateSecretInput::builder().name("roundtrip").secret_string(SECRET).build();
    let created =
        CreateSecretOutput::from_http_response(&send(create.to_http_request_with(&options).expect("a request")))
            .expect("the secret is stored");
    assert_eq!(created.name(), Some("roundtrip"));
    let arn = created.arn().expect("the secret's ARN").to_owned();
    assert!(created.request_id().is_some(), "the response's request id is kept");

    let get = GetSecretValueInput::builder().secret_id("roundtrip").build();
    let got = GetSecretValueOutput::from_http_response(&send(get.to_http_request_with(&options).expect("a request")))
        .expect("the secret reads back");
    assert_eq!(got.secret_string(), Some(SECRET));
    assert_eq!(got.arn(), Some(arn.as_str()));
    assert!(!format!("{got:?}").contains(SECRET), "a sensitive value is redacted: {got:?}");

    let list = ListSecretsInput::builder().build();
    let listed = ListSecretsOutput::from_http_response(&send(list.to_http_request_with(&options).expect("a request")))
        .expect("the secrets list");
    assert!(listed.secret_list().iter().any(|s| s.name() == Some("roundtrip")), "{listed:?}");

    let delete = DeleteSecretInput::builder().secret_id("roundtrip").force_delete_without_recovery(true).build();
    let deleted =
        DeleteSecretOutput::from_http_response(&send(delete.to_http_request_with(&options).expect("a request")))
            .expect("the secret is deleted");
    assert_eq!(deleted.arn(), Some(arn.as_str()));

    let missing =
        GetSecretValueOutput::from_http_response(&send(get.to_http_request_with(&options).expect("a request")));
    match missing {
        Err(GetSecretValueError::ResourceNotFoundException(error)) => {
            assert!(error.message().is_some(), "{error:?}");
            assert!(error.request_id().is_some());
        }
        other => panic!("expected ResourceNotFoundException, got {other:?}"),
    }
}
