//! The `http` feature: UpdateBackendAuth requests built from inputs, and responses read into
//! outputs and errors. Expected requests and responses are written by hand from the model.

use amplifybackend::operation::update_backend_auth::{
    UpdateBackendAuthError, UpdateBackendAuthInput, UpdateBackendAuthOutput,
};
use amplifybackend::types::{
    AdditionalConstraintsElement, AuthResources, BackendAuthAppleProviderConfig, DeliveryMethod, EmailSettings,
    MfaMode, MfaTypesElement, OAuthGrantType, OAuthScopesElement, Service, Settings, SocialProviderSettings,
    UpdateBackendAuthIdentityPoolConfig, UpdateBackendAuthMfaConfig, UpdateBackendAuthOAuthConfig,
    UpdateBackendAuthPasswordPolicyConfig, UpdateBackendAuthResourceConfig, UpdateBackendAuthUserPoolConfig,
    UpdateBackendAuthVerificationMessageConfig,
};
use serde_json::json;

fn full_input(app_id: &str) -> UpdateBackendAuthInput {
    UpdateBackendAuthInput::builder()
        .app_id(app_id)
        .backend_environment_name("staging")
        .resource_name("auth1")
        .resource_config(
            UpdateBackendAuthResourceConfig::builder()
                .auth_resources(AuthResources::IdentityPoolAndUserPool)
                .service(Service::Cognito)
                .identity_pool_configs(
                    UpdateBackendAuthIdentityPoolConfig::builder().unauthenticated_login(false).build(),
                )
                .user_pool_configs(
                    UpdateBackendAuthUserPoolConfig::builder()
                        .mfa(
                            UpdateBackendAuthMfaConfig::builder()
                                .mfa_mode(MfaMode::Optional)
                                .settings(
                                    Settings::builder().mfa_types(MfaTypesElement::Totp).sms_message("{####}").build(),
                                )
                                .build(),
                        )
                        .oauth(
                            UpdateBackendAuthOAuthConfig::builder()
                                .domain_prefix("example")
                                .oauth_grant_type(OAuthGrantType::Code)
                                .oauth_scopes(OAuthScopesElement::Openid)
                                .redirect_sign_in_uris("https://example.com/in")
                                .redirect_sign_out_uris("https://example.com/out")
                                .social_provider_settings(
                                    SocialProviderSettings::builder()
                                        .sign_in_with_apple(
                                            BackendAuthAppleProviderConfig::builder()
                                                .client_id("c")
                                                .key_id("k")
                                                .private_key("p")
                                                .team_id("t")
                                                .build(),
                                        )
                                        .build(),
                                )
                                .build(),
                        )
                        .password_policy(
                            UpdateBackendAuthPasswordPolicyConfig::builder()
                                .additional_constraints(AdditionalConstraintsElement::RequireSymbol)
                                .minimum_length(10.0)
                                .build(),
                        )
                        .verification_message(
                            UpdateBackendAuthVerificationMessageConfig::builder()
                                .delivery_method(DeliveryMethod::Email)
                                .email_settings(
                                    EmailSettings::builder().email_subject("Hi").email_message("Code").build(),
                                )
                                .build()
                                .unwrap(),
                        )
                        .build(),
                )
                .build()
                .unwrap(),
        )
        .build()
        .unwrap()
}

#[test]
fn a_full_input_becomes_the_request_the_service_expects() {
    let request = full_input("my app/1").to_http_request().unwrap();
    assert_eq!(request.method(), http::Method::POST);
    assert_eq!(request.uri(), "/backend/my%20app%2F1/auth/staging");
    assert_eq!(request.headers().len(), 2);
    assert_eq!(request.headers()["content-type"], "application/json");
    assert_eq!(request.headers()["content-length"], request.body().len().to_string().as_str());
    let body: serde_json::Value = serde_json::from_slice(request.body()).unwrap();
    // The labels travel in the path only; everything else under its jsonName.
    let expected = json!({
        "resourceConfig": {
            "authResources": "IDENTITY_POOL_AND_USER_POOL",
            "identityPoolConfigs": {"unauthenticatedLogin": false},
            "service": "COGNITO",
            "userPoolConfigs": {
                "mfa": {"MFAMode": "OPTIONAL", "settings": {"mfaTypes": ["TOTP"], "smsMessage": "{####}"}},
                "oAuth": {
                    "domainPrefix": "example",
                    "oAuthGrantType": "CODE",
                    "oAuthScopes": ["OPENID"],
                    "redirectSignInURIs": ["https://example.com/in"],
                    "redirectSignOutURIs": ["https://example.com/out"],
                    "socialProviderSettings": {
                        "SignInWithApple": {"client_id": "c", "key_id": "k", "private_key": "p", "team_id": "t"}
                    }
                },
                "passwordPolicy": {"additionalConstraints": ["REQUIRE_SYMBOL"], "minimumLength": 10.0},
                "verificationMessage": {
                    "deliveryMethod": "EMAIL",
                    "emailSettings": {"emailMessage": "Code", "emailSubject": "Hi"}
                }
            }
        },
        "resourceName": "auth1"
    });
    assert_eq!(body, expected);
}

#[test]
fn labels_are_percent_encoded_and_empty_ones_refused() {
    let request = full_input(" %:/?#[]@!$&'()*+,;=😹").to_http_request().unwrap();
    assert_eq!(
        request.uri().path(),
        "/backend/%20%25%3A%2F%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D%F0%9F%98%B9/auth/staging"
    );
    let error = full_input("").to_http_request().unwrap_err();
    assert_eq!(error.field(), "app_id");
    assert!(!error.is_missing_field());
    assert!(error.to_string().contains("cannot be empty"), "{error}");
}

fn response(status: u16, headers: &[(&str, &str)], body: &str) -> http::Response<Vec<u8>> {
    let mut builder = http::Response::builder().status(status);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    builder.body(body.as_bytes().to_vec()).unwrap()
}

#[test]
fn a_successful_response_reads_into_the_output() {
    let body = r#"{"appId":"a","backendEnvironmentName":"b","jobId":"j","operation":"update","status":"IN_PROGRESS"}"#;
    let output = UpdateBackendAuthOutput::from_http_response(&response(200, &[], body)).unwrap();
    assert_eq!(output.app_id(), Some("a"));
    assert_eq!(output.job_id(), Some("j"));
    assert_eq!(output.status(), Some("IN_PROGRESS"));
    let empty = UpdateBackendAuthOutput::from_http_response(&response(200, &[], "")).unwrap();
    assert_eq!(empty, UpdateBackendAuthOutput::builder().build());
}

#[test]
fn each_modeled_error_reads_into_its_variant() {
    let not_found = response(
        404,
        &[("X-Amzn-ErrorType", "NotFoundException:http://internal.amazon.com/")],
        r#"{"message":"no app","resourceType":"App"}"#,
    );
    match UpdateBackendAuthOutput::from_http_response(&not_found).unwrap_err() {
        UpdateBackendAuthError::NotFoundException(e) => {
            assert_eq!(e.message(), Some("no app"));
            assert_eq!(e.resource_type(), Some("App"));
        }
        other => panic!("expected NotFoundException, got {other:?}"),
    }
    let bad_request =
        response(400, &[], r#"{"code":"com.amazonaws.amplifybackend#BadRequestException","message":"bad"}"#);
    let error = UpdateBackendAuthOutput::from_http_response(&bad_request).unwrap_err();
    assert!(error.is_bad_request_exception());
    assert_eq!(error.message(), Some("bad"));
    let timeout = response(504, &[], r#"{"__type":"GatewayTimeoutException"}"#);
    assert!(UpdateBackendAuthOutput::from_http_response(&timeout).unwrap_err().is_gateway_timeout_exception());
    let throttled = response(429, &[("x-amzn-errortype", "TooManyRequestsException")], r#"{"limitType":"requests"}"#);
    match UpdateBackendAuthOutput::from_http_response(&throttled).unwrap_err() {
        UpdateBackendAuthError::TooManyRequestsException(e) => assert_eq!(e.limit_type(), Some("requests")),
        other => panic!("expected TooManyRequestsException, got {other:?}"),
    }
}

#[test]
fn an_unknown_error_code_is_unhandled_with_everything_the_service_sent() {
    let body = r#"{"message":"slow down","__type":"ThrottlingException"}"#;
    let error = UpdateBackendAuthOutput::from_http_response(&response(400, &[], body)).unwrap_err();
    match &error {
        UpdateBackendAuthError::Unhandled(unhandled) => {
            assert_eq!(unhandled.code(), Some("ThrottlingException"));
            assert_eq!(unhandled.message(), Some("slow down"));
            assert_eq!(unhandled.http_status(), Some(400));
            assert_eq!(unhandled.body(), body.as_bytes());
        }
        other => panic!("expected Unhandled, got {other:?}"),
    }
    let bare = UpdateBackendAuthOutput::from_http_response(&response(500, &[], "")).unwrap_err();
    assert_eq!((bare.code(), bare.http_status()), (None, Some(500)));
}

#[test]
fn malformed_responses_are_errors_never_panics() {
    let cases = [
        (200, r#"{"appId": "a", "jobId"#),
        (200, r#"{"appId": 5}"#),
        (200, r#"[1, 2]"#),
        (200, r#"{"appId": "\ud800"}"#),
        (200, "\u{0}\u{1}"),
        (404, r#"{"message": ["not", "a", "string"]}"#),
        (404, r#"{"message": "#),
    ];
    for (status, body) in cases {
        let mut headers = vec![];
        if status == 404 {
            headers.push(("X-Amzn-ErrorType", "NotFoundException"));
        }
        let error = UpdateBackendAuthOutput::from_http_response(&response(status, &headers, body)).unwrap_err();
        match error {
            UpdateBackendAuthError::Unhandled(unhandled) => {
                assert!(unhandled.message().is_some_and(|m| m.contains("could not be read")), "{unhandled:?}");
                assert_eq!(unhandled.http_status(), Some(status));
            }
            other => panic!("{body:?}: expected Unhandled, got {other:?}"),
        }
    }
    // A huge number where a member expects text is refused; unknown members are skipped.
    let huge = r#"{"appId": 1e999999}"#;
    assert!(UpdateBackendAuthOutput::from_http_response(&response(200, &[], huge)).is_err());
    let unknown = r#"{"appId": "a", "addedLater": 1e999999}"#;
    assert_eq!(UpdateBackendAuthOutput::from_http_response(&response(200, &[], unknown)).unwrap().app_id(), Some("a"));
}

/// A small deterministic generator, so property checks are repeatable.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 11
    }
    fn text(&mut self) -> String {
        const PIECES: [&str; 9] = ["a", "Z", " ", "/", "%", "é", "😹", "?", "&"];
        (0..1 + self.next() % 6).map(|_| PIECES[(self.next() % 9) as usize]).collect()
    }
}

#[test]
fn random_inputs_make_requests_whose_path_and_body_decode_back() {
    let mut rng = Lcg(3);
    for _ in 0..500 {
        let (app, env) = (rng.text(), rng.text());
        let input = UpdateBackendAuthInput::builder()
            .app_id(&app)
            .backend_environment_name(&env)
            .resource_name(rng.text())
            .resource_config(full_input("x").resource_config.clone())
            .build()
            .unwrap();
        let request = input.to_http_request().unwrap();
        let path = request.uri().path();
        let segments: Vec<String> = path.split('/').map(percent_decode).collect();
        assert_eq!(segments, ["", "backend", app.as_str(), "auth", env.as_str()], "{path}");
        let body: serde_json::Value = serde_json::from_slice(request.body()).unwrap();
        assert_eq!(body["resourceName"], json!(input.resource_name()));
    }
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&text[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

mod storage {
    //! The `services` golden crate: a restJson1 service with payloads, greedy labels, host
    //! prefixes, idempotency tokens and required checksums.

    use golden_services::http::RequestOptions;
    use golden_services::operation::get_object::GetObjectOutput;
    use golden_services::operation::put_object::PutObjectInput;
    use golden_services::primitives::{ByteStream, DateTime};

    fn put(body: &str) -> PutObjectInput {
        PutObjectInput::builder()
            .bucket_name("my-bucket")
            .key("photos/2024/cat.jpg")
            .body(ByteStream::new(body.as_bytes().to_vec()))
            .tags("a b")
            .tags("c")
            .build()
    }

    #[test]
    fn content_md5_is_the_rfc_1321_digest_of_the_body() {
        let vectors = [
            ("", None),
            ("a", Some("DMF1ucDxtqgxw5niaXcmYQ==")),
            ("abc", Some("kAFQmDzST7DWlj99KOF/cg==")),
            ("message digest", Some("+WtpfXy3k41SWi8xqvFh0A==")),
            ("abcdefghijklmnopqrstuvwxyz", Some("w/zT12GS5AB9+0lsymfhOw==")),
            (&"1234567890".repeat(8), Some("V+30oivjyVWsSdouIQe2eg==")),
            (&"x".repeat(1000), Some("OYUz1IER6fZksfZMsQxLYw==")),
        ];
        for (body, expected) in vectors {
            let request = put(body).to_http_request().unwrap();
            let md5 = request.headers().get("content-md5").map(|v| v.to_str().unwrap());
            // An empty body is still checksummed: MD5 of nothing.
            assert_eq!(md5, Some(expected.unwrap_or("1B2M2Y8AsgTpgAmY7PhCfg==")), "{body:?}");
        }
    }

    #[test]
    fn an_unset_idempotency_token_is_generated_or_taken_from_the_options() {
        let token = |request: &http::Request<Vec<u8>>| request.headers()["x-request-id"].to_str().unwrap().to_owned();
        let (first, second) =
            (token(&put("x").to_http_request().unwrap()), token(&put("x").to_http_request().unwrap()));
        assert_ne!(first, second, "each request gets its own token");
        for uuid in [&first, &second] {
            let groups: Vec<usize> = uuid.split('-').map(str::len).collect();
            assert_eq!(groups, [8, 4, 4, 4, 12], "{uuid}");
            assert_eq!(&uuid[14..15], "4", "version 4: {uuid}");
            assert!(matches!(&uuid[19..20], "8" | "9" | "a" | "b"), "RFC 4122 variant: {uuid}");
        }
        let fixed = RequestOptions::new().idempotency_token("token-1");
        assert_eq!(token(&put("x").to_http_request_with(&fixed).unwrap()), "token-1");
        let mut own = put("x");
        own.request_id = Some("mine".into());
        assert_eq!(token(&own.to_http_request_with(&fixed).unwrap()), "mine", "a set token is sent as is");
    }

    #[test]
    fn an_endpoint_makes_the_uri_absolute_with_the_host_prefix_and_base_path() {
        let path_only = put("x").to_http_request().unwrap();
        assert_eq!(path_only.uri(), "/buckets/my-bucket/objects/photos/2024/cat.jpg?uploads&tag=a%20b&tag=c");
        let options = RequestOptions::new().endpoint("https://example.com/base/".parse().unwrap());
        let request = put("x").to_http_request_with(&options).unwrap();
        assert_eq!(
            request.uri(),
            "https://my-bucket.data.example.com/base/buckets/my-bucket/objects/photos/2024/cat.jpg?uploads&tag=a%20b&tag=c"
        );
        assert_eq!(request.method(), http::Method::PUT);
        assert_eq!(request.headers()["content-type"], "application/octet-stream");
        assert_eq!(request.body(), b"x");
        let mut bad = put("x");
        bad.bucket_name = Some("evil.example.org/x".into());
        assert_eq!(bad.to_http_request().unwrap_err().field(), "bucket_name", "host labels must be host segments");
        let mut missing = put("x");
        missing.key = None;
        assert!(missing.to_http_request().unwrap_err().is_missing_field());
    }

    #[test]
    fn a_payload_response_reads_body_headers_and_prefix_headers() {
        let response = http::Response::builder()
            .status(200)
            .header("Last-Modified", "Tue, 29 Apr 2014 18:30:38 GMT")
            .header("X-Meta-Color", "orange")
            .header("X-Meta-Size", "small")
            .body(b"\x00\x01binary".to_vec())
            .unwrap();
        let output = GetObjectOutput::from_http_response(&response).unwrap();
        assert_eq!(output.body().as_bytes(), b"\x00\x01binary");
        assert_eq!(output.last_modified(), Some(DateTime::from_secs(1_398_796_238)));
        let metadata = output.metadata().unwrap();
        assert_eq!((metadata["color"].as_str(), metadata["size"].as_str()), ("orange", "small"));
        let bad_date =
            http::Response::builder().status(200).header("Last-Modified", "yesterday").body(Vec::new()).unwrap();
        assert!(GetObjectOutput::from_http_response(&bad_date).is_err());
    }
}
