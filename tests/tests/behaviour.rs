//! The generated AmplifyBackend crate, used the way a downstream crate uses it.

use amplifybackend::error::{BuildError, Unhandled};
use amplifybackend::operation::update_backend_auth::{
    UpdateBackendAuthError, UpdateBackendAuthInput, UpdateBackendAuthOutput,
};
use amplifybackend::types::error::{
    BadRequestException, GatewayTimeoutException, NotFoundException, TooManyRequestsException,
};
use amplifybackend::types::{
    AdditionalConstraintsElement, AuthResources, BackendAuthAppleProviderConfig, BackendAuthSocialProviderConfig,
    DeliveryMethod, EmailSettings, MfaMode, MfaTypesElement, OAuthGrantType, OAuthScopesElement, Service, Settings,
    SmsSettings, SocialProviderSettings, UpdateBackendAuthIdentityPoolConfig, UpdateBackendAuthMfaConfig,
    UpdateBackendAuthOAuthConfig, UpdateBackendAuthPasswordPolicyConfig, UpdateBackendAuthResourceConfig,
    UpdateBackendAuthUserPoolConfig, UpdateBackendAuthVerificationMessageConfig,
};

fn user_pool() -> UpdateBackendAuthUserPoolConfig {
    UpdateBackendAuthUserPoolConfig::builder()
        .mfa(
            UpdateBackendAuthMfaConfig::builder()
                .mfa_mode(MfaMode::Optional)
                .settings(
                    Settings::builder()
                        .mfa_types(MfaTypesElement::Sms)
                        .mfa_types(MfaTypesElement::Totp)
                        .sms_message("Your code is {####}")
                        .build(),
                )
                .build(),
        )
        .oauth(
            UpdateBackendAuthOAuthConfig::builder()
                .domain_prefix("example")
                .oauth_grant_type(OAuthGrantType::Code)
                .oauth_scopes(OAuthScopesElement::Openid)
                .oauth_scopes(OAuthScopesElement::AwsCognitoSigninUserAdmin)
                .redirect_sign_in_uris("https://example.com/in")
                .redirect_sign_out_uris("https://example.com/out")
                .social_provider_settings(
                    SocialProviderSettings::builder()
                        .google(
                            BackendAuthSocialProviderConfig::builder()
                                .client_id("google-id")
                                .client_secret("google-secret-value")
                                .build(),
                        )
                        .sign_in_with_apple(
                            BackendAuthAppleProviderConfig::builder()
                                .client_id("apple-id")
                                .key_id("key")
                                .private_key("apple-private-key-value")
                                .team_id("team")
                                .build(),
                        )
                        .build(),
                )
                .build(),
        )
        .password_policy(
            UpdateBackendAuthPasswordPolicyConfig::builder()
                .additional_constraints(AdditionalConstraintsElement::RequireDigit)
                .minimum_length(12.0)
                .build(),
        )
        .verification_message(
            UpdateBackendAuthVerificationMessageConfig::builder()
                .delivery_method(DeliveryMethod::Email)
                .email_settings(
                    EmailSettings::builder().email_subject("Verify").email_message("secret-email-body").build(),
                )
                .build()
                .expect("delivery_method is set"),
        )
        .build()
}

fn input() -> UpdateBackendAuthInput {
    UpdateBackendAuthInput::builder()
        .app_id("d2c4b5x")
        .backend_environment_name("staging")
        .resource_name("auth1")
        .resource_config(
            UpdateBackendAuthResourceConfig::builder()
                .auth_resources(AuthResources::UserPoolOnly)
                .service(Service::Cognito)
                .identity_pool_configs(
                    UpdateBackendAuthIdentityPoolConfig::builder().unauthenticated_login(true).build(),
                )
                .user_pool_configs(user_pool())
                .build()
                .expect("every required member is set"),
        )
        .build()
        .expect("every required member is set")
}

#[test]
fn required_members_are_plain_fields_and_optional_ones_are_options() {
    let input = input();
    let app_id: &str = input.app_id();
    assert_eq!(app_id, "d2c4b5x");
    assert_eq!(input.backend_environment_name, "staging");
    assert_eq!(input.resource_name(), "auth1");
    let config: &UpdateBackendAuthResourceConfig = input.resource_config();
    assert_eq!(config.auth_resources(), &AuthResources::UserPoolOnly);
    assert_eq!(config.service, Service::Cognito);
    let identity = config.identity_pool_configs().expect("set above");
    assert_eq!(identity.unauthenticated_login(), Some(true));

    let oauth = config.user_pool_configs().oauth().expect("set above");
    assert_eq!(oauth.domain_prefix(), Some("example"));
    let scopes: &[OAuthScopesElement] = oauth.oauth_scopes();
    assert_eq!(scopes, [OAuthScopesElement::Openid, OAuthScopesElement::AwsCognitoSigninUserAdmin]);
    assert_eq!(oauth.redirect_sign_in_uris(), ["https://example.com/in"]);
    let policy = config.user_pool_configs().password_policy().expect("set above");
    let minimum: Option<f64> = policy.minimum_length();
    assert_eq!(minimum, Some(12.0));
    assert!(config.user_pool_configs().verification_message().is_some());
}

#[test]
fn unset_lists_read_as_empty_slices() {
    let oauth = UpdateBackendAuthOAuthConfig::builder().build();
    assert!(oauth.oauth_scopes().is_empty());
    assert_eq!(oauth.oauth_scopes, None);
}

#[test]
fn list_setters_append_and_set_replaces() {
    let builder = Settings::builder().mfa_types(MfaTypesElement::Sms).mfa_types(MfaTypesElement::Totp);
    assert_eq!(builder.get_mfa_types(), Some(&[MfaTypesElement::Sms, MfaTypesElement::Totp][..]));
    let replaced = builder.set_mfa_types(Some(vec![MfaTypesElement::Totp]));
    assert_eq!(replaced.build().mfa_types(), [MfaTypesElement::Totp]);
    let cleared = Settings::builder().mfa_types(MfaTypesElement::Sms).set_mfa_types(None).build();
    assert_eq!(cleared.mfa_types, None);
}

#[test]
fn getters_show_what_was_set() {
    let builder = UpdateBackendAuthInput::builder().app_id("app");
    assert_eq!(builder.get_app_id(), Some("app"));
    assert_eq!(builder.get_backend_environment_name(), None);
    let builder = builder.set_app_id(None);
    assert_eq!(builder.get_app_id(), None);
}

#[test]
fn a_missing_required_member_is_a_build_error_naming_it() {
    let error: BuildError = UpdateBackendAuthInput::builder()
        .app_id("app")
        .resource_name("auth")
        .build()
        .expect_err("two required members are missing");
    assert_eq!(error.field(), "backend_environment_name");
    assert!(error.is_missing_field());
    assert_eq!(error.to_string(), "`backend_environment_name` was not set, but `UpdateBackendAuthInput` requires it");

    let nested =
        UpdateBackendAuthVerificationMessageConfig::builder().build().expect_err("delivery_method is required");
    assert_eq!(nested.field(), "delivery_method");

    let config = UpdateBackendAuthResourceConfig::builder()
        .auth_resources(AuthResources::IdentityPoolAndUserPool)
        .user_pool_configs(UpdateBackendAuthUserPoolConfig::builder().build())
        .build();
    assert_eq!(config.expect_err("service is required").field(), "service");
}

#[test]
fn structures_without_required_members_build_infallibly() {
    let output: UpdateBackendAuthOutput =
        UpdateBackendAuthOutput::builder().job_id("job-1").status("IN_PROGRESS").build();
    assert_eq!(output.job_id(), Some("job-1"));
    assert_eq!(output.error(), None);
    assert_eq!(output.operation(), None);
}

#[test]
fn enums_keep_unknown_values_and_round_trip_every_string() {
    assert_eq!(MfaMode::from("ON"), MfaMode::On);
    assert_eq!("OPTIONAL".parse::<MfaMode>(), Ok(MfaMode::Optional));
    assert_eq!(MfaMode::values(), ["ON", "OFF", "OPTIONAL"]);
    assert_eq!(OAuthScopesElement::AwsCognitoSigninUserAdmin.as_str(), "AWS_COGNITO_SIGNIN_USER_ADMIN");
    assert_eq!(AuthResources::IdentityPoolAndUserPool.to_string(), "IDENTITY_POOL_AND_USER_POOL");

    let unknown = MfaMode::from("SOMETIMES");
    match &unknown {
        MfaMode::Unknown(value) => assert_eq!(value.as_str(), "SOMETIMES"),
        other => panic!("expected Unknown, got {other:?}"),
    }
    assert_eq!(unknown.as_str(), "SOMETIMES");
    assert_eq!(MfaMode::from(String::from("SOMETIMES")), unknown);
    assert_eq!(MfaMode::from(String::from("OFF")), MfaMode::Off);

    for value in ["ON", "OFF", "OPTIONAL", "", "on", "ÖN", "OPTIONAL ", "\u{0}"] {
        assert_eq!(MfaMode::from(value).as_str(), value);
        assert_eq!(value.parse::<MfaMode>().expect("infallible").as_str(), value);
    }
    for value in OAuthScopesElement::values() {
        assert!(!matches!(OAuthScopesElement::from(*value), OAuthScopesElement::Unknown(_)));
    }
}

#[test]
fn errors_carry_code_status_message_and_helpers() {
    let not_found = NotFoundException::builder().message("no such app").resource_type("App").build();
    assert_eq!(not_found.message(), Some("no such app"));
    assert_eq!(not_found.resource_type(), Some("App"));
    assert_eq!(NotFoundException::CODE, "NotFoundException");
    assert_eq!(NotFoundException::HTTP_STATUS, 404);
    assert_eq!(not_found.to_string(), "NotFoundException: no such app");

    let error = UpdateBackendAuthError::from(not_found);
    assert!(error.is_not_found_exception());
    assert!(!error.is_bad_request_exception());
    assert_eq!(error.code(), Some("NotFoundException"));
    assert_eq!(error.message(), Some("no such app"));
    assert_eq!(error.http_status(), Some(404));
    assert_eq!(error.to_string(), "NotFoundException: no such app");
    let as_std: &dyn std::error::Error = &error;
    assert!(as_std.source().is_none(), "Display already shows the inner error");

    let statuses = [
        UpdateBackendAuthError::from(BadRequestException::builder().build()).http_status(),
        UpdateBackendAuthError::from(GatewayTimeoutException::builder().build()).http_status(),
        UpdateBackendAuthError::from(TooManyRequestsException::builder().limit_type("rate").build()).http_status(),
    ];
    assert_eq!(statuses, [Some(400), Some(504), Some(429)]);
    assert_eq!(BadRequestException::builder().build().to_string(), "BadRequestException");
}

#[test]
fn unhandled_errors_keep_what_the_service_sent() {
    let unhandled = Unhandled::new()
        .with_code("ThrottlingException")
        .with_message("slow down")
        .with_http_status(400)
        .with_body(b"{\"message\":\"slow down\"}".to_vec());
    let error = UpdateBackendAuthError::from(unhandled);
    assert!(error.is_unhandled());
    assert_eq!(error.code(), Some("ThrottlingException"));
    assert_eq!(error.message(), Some("slow down"));
    assert_eq!(error.http_status(), Some(400));
    assert!(!error.is_retryable());
    assert_eq!(error.to_string(), "unhandled error `ThrottlingException` (HTTP 400): slow down");
    match error {
        UpdateBackendAuthError::Unhandled(inner) => assert_eq!(inner.body(), b"{\"message\":\"slow down\"}"),
        other => panic!("expected Unhandled, got {other:?}"),
    }
}

#[test]
fn sensitive_values_never_appear_in_debug_output() {
    let debug = format!("{:?}", input());
    for secret in ["google-secret-value", "apple-private-key-value", "secret-email-body", "Verify"] {
        assert!(!debug.contains(secret), "{secret} leaked into {debug}");
    }
    assert!(debug.contains("*** Sensitive Data Redacted ***"));
    // What is not sensitive stays visible, so Debug output is still useful.
    assert!(debug.contains("d2c4b5x"));
    assert!(debug.contains("Optional"));

    let sms = SmsSettings::builder().sms_message("code 1234");
    assert!(!format!("{sms:?}").contains("1234"), "builders redact too");
    assert!(!format!("{:?}", sms.build()).contains("1234"));
}

#[test]
fn values_compare_and_clone() {
    let (a, b) = (input(), input());
    assert_eq!(a, b);
    assert_eq!(a.clone(), b);
    let other = UpdateBackendAuthInput::builder()
        .app_id("other")
        .backend_environment_name("staging")
        .resource_name("auth1")
        .resource_config(a.resource_config.clone())
        .build()
        .expect("complete");
    assert_ne!(a, other);
}

#[test]
#[allow(deprecated)]
fn deprecated_members_still_work() {
    use amplifybackend::types::UpdateBackendAuthForgotPasswordConfig;
    let forgot = UpdateBackendAuthForgotPasswordConfig::builder()
        .delivery_method(DeliveryMethod::Sms)
        .sms_settings(SmsSettings::builder().sms_message("reset").build())
        .build();
    let pool = UpdateBackendAuthUserPoolConfig::builder().forgot_password(forgot).build();
    assert_eq!(pool.forgot_password().and_then(|f| f.delivery_method()), Some(&DeliveryMethod::Sms));
}
