//! The `serde` feature: generated types read and write exactly the JSON the service uses.

use amplifybackend::operation::update_backend_auth::{UpdateBackendAuthInput, UpdateBackendAuthOutput};
use amplifybackend::types::{
    AuthResources, BackendAuthSocialProviderConfig, MfaMode, OAuthScopesElement, Service, SocialProviderSettings,
    UpdateBackendAuthMfaConfig, UpdateBackendAuthOAuthConfig, UpdateBackendAuthPasswordPolicyConfig,
    UpdateBackendAuthResourceConfig, UpdateBackendAuthUserPoolConfig,
};
use golden_shapes::primitives::{Blob, DateTime, Document};
use golden_shapes::types::{Choice, Everything, Priority, Size, Tree};
use serde_json::{Value, json};

fn input() -> UpdateBackendAuthInput {
    UpdateBackendAuthInput::builder()
        .app_id("app 1")
        .backend_environment_name("staging")
        .resource_name("auth")
        .resource_config(
            UpdateBackendAuthResourceConfig::builder()
                .auth_resources(AuthResources::UserPoolOnly)
                .service(Service::Cognito)
                .user_pool_configs(
                    UpdateBackendAuthUserPoolConfig::builder()
                        .mfa(UpdateBackendAuthMfaConfig::builder().mfa_mode(MfaMode::On).build())
                        .oauth(
                            UpdateBackendAuthOAuthConfig::builder()
                                .oauth_scopes(OAuthScopesElement::Email)
                                .social_provider_settings(
                                    SocialProviderSettings::builder()
                                        .facebook(
                                            BackendAuthSocialProviderConfig::builder()
                                                .client_id("id")
                                                .client_secret("secret")
                                                .build(),
                                        )
                                        .build(),
                                )
                                .build(),
                        )
                        .password_policy(UpdateBackendAuthPasswordPolicyConfig::builder().minimum_length(8.0).build())
                        .build(),
                )
                .build()
                .unwrap(),
        )
        .build()
        .unwrap()
}

#[test]
fn members_are_written_by_their_json_names_and_absent_ones_are_left_out() {
    let written = serde_json::to_value(input()).unwrap();
    let expected = json!({
        "AppId": "app 1",
        "BackendEnvironmentName": "staging",
        "resourceConfig": {
            "authResources": "USER_POOL_ONLY",
            "service": "COGNITO",
            "userPoolConfigs": {
                "mfa": {"MFAMode": "ON"},
                "oAuth": {
                    "oAuthScopes": ["EMAIL"],
                    "socialProviderSettings": {"Facebook": {"client_id": "id", "client_secret": "secret"}}
                },
                "passwordPolicy": {"minimumLength": 8.0}
            }
        },
        "resourceName": "auth"
    });
    assert_eq!(written, expected);
    let read: UpdateBackendAuthInput = serde_json::from_value(written).unwrap();
    assert_eq!(read, input());
}

#[test]
fn a_saved_response_body_reads_into_the_output() {
    let body = r#"{"appId":"a","backendEnvironmentName":"b","jobId":"j","operation":"update","status":"IN_PROGRESS","extra":[1,{"x":null}]}"#;
    let output: UpdateBackendAuthOutput = serde_json::from_str(body).unwrap();
    assert_eq!(output.job_id(), Some("j"));
    assert_eq!(output.status(), Some("IN_PROGRESS"));
    assert_eq!(output.error(), None, "members absent from the body stay unset");
}

#[test]
fn a_missing_required_member_reads_as_its_zero_value() {
    let config: UpdateBackendAuthResourceConfig = serde_json::from_str(r#"{"service":"COGNITO"}"#).unwrap();
    assert_eq!(config.service, Service::Cognito);
    assert_eq!(config.auth_resources.as_str(), "", "an enum's zero value is the empty string");
    assert_eq!(config.user_pool_configs, UpdateBackendAuthUserPoolConfig::builder().build());
    let input: UpdateBackendAuthInput = serde_json::from_str("{}").unwrap();
    assert_eq!(input.app_id, "");
    let tree: Tree = serde_json::from_str(r#"{"left":{}}"#).unwrap();
    assert_eq!(tree.value, "");
    assert_eq!(tree.left.as_deref().map(|t| t.value.as_str()), Some(""));
}

#[test]
fn null_members_read_as_absent() {
    let output: UpdateBackendAuthOutput = serde_json::from_str(r#"{"jobId":null,"status":"OK"}"#).unwrap();
    assert_eq!(output.job_id(), None);
    assert_eq!(output.status(), Some("OK"));
}

#[test]
fn unknown_enum_values_are_kept() {
    let mode: MfaMode = serde_json::from_str(r#""SOMETIMES""#).unwrap();
    assert_eq!(mode.as_str(), "SOMETIMES");
    assert_eq!(serde_json::to_string(&mode).unwrap(), r#""SOMETIMES""#);
    let priority: Priority = serde_json::from_str("7").unwrap();
    assert_eq!(priority.value(), 7);
    assert_eq!(serde_json::to_string(&Priority::High).unwrap(), "2");
    let size: Size = serde_json::from_str(r#""x-large""#).unwrap();
    assert_eq!(size.as_str(), "x-large");
}

#[test]
fn unions_are_single_key_objects_and_unknown_members_are_kept() {
    assert_eq!(serde_json::to_value(Choice::Text("hi".into())).unwrap(), json!({"text": "hi"}));
    assert_eq!(serde_json::to_value(Choice::Nothing).unwrap(), json!({"nothing": {}}));
    let nested = Choice::Nested(Box::new(Choice::Number(3)));
    assert_eq!(serde_json::to_value(&nested).unwrap(), json!({"nested": {"number": 3}}));
    assert_eq!(serde_json::from_value::<Choice>(json!({"nested": {"number": 3}})).unwrap(), nested);

    let unknown: Choice = serde_json::from_value(json!({"addedLater": {"a": [1, 2]}})).unwrap();
    match &unknown {
        Choice::Unknown(member) => {
            assert_eq!(member.name(), "addedLater");
            assert_eq!(member.value().as_object().map(|o| o.len()), Some(1));
        }
        other => panic!("expected Unknown, got {other:?}"),
    }
    assert_eq!(serde_json::to_value(&unknown).unwrap(), json!({"addedLater": {"a": [1, 2]}}));

    // `null` members are not set; `__type` is not a member.
    let text: Choice = serde_json::from_value(json!({"__type": "Choice", "number": null, "text": "t"})).unwrap();
    assert_eq!(text, Choice::Text("t".into()));
    for bad in [json!({}), json!({"text": "a", "number": 1}), json!("text")] {
        assert!(serde_json::from_value::<Choice>(bad.clone()).is_err(), "{bad}");
    }
}

#[test]
fn floats_timestamps_blobs_and_documents_use_their_json_forms() {
    let everything = Everything::builder()
        .double(f64::NAN)
        .float(f32::NEG_INFINITY)
        .doubles(Some(f64::INFINITY))
        .doubles(None)
        .doubles(Some(1.5))
        .floats("x", f32::NAN)
        .timestamp(DateTime::from_secs_and_nanos(1_515_531_081, 123_000_000))
        .date_time(DateTime::from_secs(1_576_540_098))
        .http_date(DateTime::from_secs(1_576_540_098))
        .http_dates(DateTime::from_secs(0))
        .stamps(DateTime::from_secs(7))
        .blob(Blob::new(b"hello world".to_vec()))
        .document(Document::from(vec![Document::from("a"), Document::Null, Document::from(-1i64)]))
        .big_integer("123456789012".parse().unwrap())
        .renamed("r")
        .build();
    let written = serde_json::to_value(&everything).unwrap();
    let expected = json!({
        "double": "NaN",
        "float": "-Infinity",
        "doubles": ["Infinity", null, 1.5],
        "floats": {"x": "NaN"},
        "timestamp": 1515531081.123,
        "dateTime": "2019-12-16T23:48:18Z",
        "httpDate": "Mon, 16 Dec 2019 23:48:18 GMT",
        "httpDates": ["Thu, 01 Jan 1970 00:00:00 GMT"],
        "stamps": [7],
        "blob": "aGVsbG8gd29ybGQ=",
        "document": ["a", null, -1],
        "bigInteger": 123456789012u64,
        "renamed_on_the_wire": "r"
    });
    assert_eq!(written, expected);
    let read: Everything = serde_json::from_value(written).unwrap();
    assert!(read.double().is_some_and(f64::is_nan));
    assert_eq!(read.float(), Some(f32::NEG_INFINITY));
    assert_eq!(read.doubles()[0], Some(f64::INFINITY));
    assert_eq!(read.doubles()[1], None);
    assert_eq!(read.timestamp(), everything.timestamp());
    assert_eq!(read.http_date(), everything.http_date());
    assert_eq!(read.blob(), everything.blob());
    assert_eq!(read.document(), everything.document());
    assert_eq!(read.renamed(), Some("r"));
}

#[test]
fn malformed_json_is_an_error_not_a_panic() {
    let cases = [
        r#"{"resourceConfig": {"authResources": "USER_POOL_ONLY""#,
        r#"{"AppId": 5}"#,
        r#"{"resourceConfig": []}"#,
        r#"[1, 2, 3]"#,
        r#"{"resourceConfig": {"userPoolConfigs": {"passwordPolicy": {"minimumLength": "long"}}}}"#,
        r#"{"resourceConfig": {"userPoolConfigs": {"passwordPolicy": {"minimumLength": 1e999}}}}"#,
        "",
        "\u{0}",
    ];
    for case in cases {
        assert!(serde_json::from_str::<UpdateBackendAuthInput>(case).is_err(), "{case:?}");
    }
    for case in
        [r#"{"blob": "not base64!"}"#, r#"{"dateTime": "yesterday"}"#, r#"{"timestamp": "soon"}"#, r#"{"byte": 300}"#]
    {
        assert!(serde_json::from_str::<Everything>(case).is_err(), "{case:?}");
    }
}

/// A small deterministic generator, so property checks are repeatable.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 11
    }
    fn chance(&mut self) -> bool {
        self.next().is_multiple_of(2)
    }
    fn text(&mut self) -> String {
        const PIECES: [&str; 8] = ["a", "Z", " ", "\"", "\\", "é", "😹", "\n"];
        (0..self.next() % 6).map(|_| PIECES[(self.next() % 8) as usize]).collect()
    }
}

#[test]
fn random_values_round_trip_through_json() {
    let mut rng = Lcg(42);
    for _ in 0..2_000 {
        let mut builder = Everything::builder();
        if rng.chance() {
            builder = builder.string(rng.text());
        }
        if rng.chance() {
            builder = builder.integer(rng.next() as i32).long(rng.next() as i64).byte(rng.next() as i8);
        }
        if rng.chance() {
            builder = builder.double((rng.next() as f64) / 7.0).float((rng.next() % 1000) as f32 / 8.0);
        }
        if rng.chance() {
            let millis = (rng.next() % 4_000_000_000_000) as i64 - 1_000_000_000_000;
            builder = builder.timestamp(DateTime::from_millis(millis)).date_time(DateTime::from_millis(millis));
        }
        if rng.chance() {
            builder = builder.blob(Blob::new(rng.text().into_bytes()));
        }
        if rng.chance() {
            builder = builder.choice(match rng.next() % 4 {
                0 => Choice::Text(rng.text()),
                1 => Choice::Names(vec![rng.text(), rng.text()]),
                2 => Choice::Nested(Box::new(Choice::Flag(rng.chance()))),
                _ => Choice::Nothing,
            });
        }
        if rng.chance() {
            builder = builder.size(Size::from(rng.text().as_str())).priority(Priority::from(rng.next() as i32));
        }
        if rng.chance() {
            builder = builder.floats(rng.text(), 0.25).doubles(None).doubles(Some(-2.5));
        }
        let value = builder.build();
        let text = serde_json::to_string(&value).unwrap();
        let read: Everything = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
        assert_eq!(read, value, "{text}");
        let reparsed: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(serde_json::to_value(&read).unwrap(), reparsed);
    }
}
