//! JSON throughput of the generated `Serialize`/`Deserialize` impls against hand-written
//! `#[derive]`s of the same shapes (the practical limit), on a fully populated
//! `UpdateBackendAuthInput` and a large, list-heavy `PutCollectionsInput`.
//!
//! Run with `cargo bench -p tests --bench json`; it prints the median of repeated runs.

use std::hint::black_box;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

/// The hand-written derives: the same JSON as the generated crates, by `#[serde]` attributes.
mod derived {
    use std::collections::HashMap;

    use serde::{Deserialize, Serialize};

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    pub struct Input {
        #[serde(rename = "AppId")]
        pub app_id: String,
        #[serde(rename = "BackendEnvironmentName")]
        pub backend_environment_name: String,
        #[serde(rename = "resourceConfig")]
        pub resource_config: ResourceConfig,
        #[serde(rename = "resourceName")]
        pub resource_name: String,
    }

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    pub struct ResourceConfig {
        #[serde(rename = "authResources")]
        pub auth_resources: String,
        #[serde(rename = "identityPoolConfigs", skip_serializing_if = "Option::is_none", default)]
        pub identity_pool_configs: Option<IdentityPool>,
        pub service: String,
        #[serde(rename = "userPoolConfigs")]
        pub user_pool_configs: UserPool,
    }

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    pub struct IdentityPool {
        #[serde(rename = "unauthenticatedLogin", skip_serializing_if = "Option::is_none", default)]
        pub unauthenticated_login: Option<bool>,
    }

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    pub struct UserPool {
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub mfa: Option<Mfa>,
        #[serde(rename = "oAuth", skip_serializing_if = "Option::is_none", default)]
        pub oauth: Option<OAuth>,
        #[serde(rename = "passwordPolicy", skip_serializing_if = "Option::is_none", default)]
        pub password_policy: Option<PasswordPolicy>,
        #[serde(rename = "verificationMessage", skip_serializing_if = "Option::is_none", default)]
        pub verification_message: Option<Verification>,
    }

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    pub struct Mfa {
        #[serde(rename = "MFAMode", skip_serializing_if = "Option::is_none", default)]
        pub mfa_mode: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub settings: Option<MfaSettings>,
    }

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    pub struct MfaSettings {
        #[serde(rename = "mfaTypes", skip_serializing_if = "Option::is_none", default)]
        pub mfa_types: Option<Vec<String>>,
        #[serde(rename = "smsMessage", skip_serializing_if = "Option::is_none", default)]
        pub sms_message: Option<String>,
    }

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    pub struct OAuth {
        #[serde(rename = "domainPrefix", skip_serializing_if = "Option::is_none", default)]
        pub domain_prefix: Option<String>,
        #[serde(rename = "oAuthGrantType", skip_serializing_if = "Option::is_none", default)]
        pub grant_type: Option<String>,
        #[serde(rename = "oAuthScopes", skip_serializing_if = "Option::is_none", default)]
        pub scopes: Option<Vec<String>>,
        #[serde(rename = "redirectSignInURIs", skip_serializing_if = "Option::is_none", default)]
        pub sign_in: Option<Vec<String>>,
        #[serde(rename = "redirectSignOutURIs", skip_serializing_if = "Option::is_none", default)]
        pub sign_out: Option<Vec<String>>,
        #[serde(rename = "socialProviderSettings", skip_serializing_if = "Option::is_none", default)]
        pub social: Option<Social>,
    }

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    pub struct Social {
        #[serde(rename = "Facebook", skip_serializing_if = "Option::is_none", default)]
        pub facebook: Option<Provider>,
        #[serde(rename = "Google", skip_serializing_if = "Option::is_none", default)]
        pub google: Option<Provider>,
    }

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    pub struct Provider {
        #[serde(rename = "client_id", skip_serializing_if = "Option::is_none", default)]
        pub client_id: Option<String>,
        #[serde(rename = "client_secret", skip_serializing_if = "Option::is_none", default)]
        pub client_secret: Option<String>,
    }

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    pub struct PasswordPolicy {
        #[serde(rename = "additionalConstraints", skip_serializing_if = "Option::is_none", default)]
        pub constraints: Option<Vec<String>>,
        #[serde(rename = "minimumLength", skip_serializing_if = "Option::is_none", default)]
        pub minimum_length: Option<f64>,
    }

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    pub struct Verification {
        #[serde(rename = "deliveryMethod")]
        pub delivery_method: String,
        #[serde(rename = "emailSettings", skip_serializing_if = "Option::is_none", default)]
        pub email: Option<Email>,
    }

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    pub struct Email {
        #[serde(rename = "emailMessage", skip_serializing_if = "Option::is_none", default)]
        pub message: Option<String>,
        #[serde(rename = "emailSubject", skip_serializing_if = "Option::is_none", default)]
        pub subject: Option<String>,
    }

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    pub struct Collections {
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub matrix: Option<Vec<Vec<String>>>,
        pub names: Vec<String>,
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub groups: Option<HashMap<String, Vec<String>>>,
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub sparse: Option<Vec<Option<String>>>,
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub nodes: Option<Vec<Node>>,
        #[serde(rename = "countsByKind", skip_serializing_if = "Option::is_none", default)]
        pub counts: Option<HashMap<String, i64>>,
    }

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    pub struct Node {
        pub name: String,
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub children: Option<Vec<Node>>,
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub parent: Option<Box<Node>>,
    }
}

/// The time of one call of `op`, averaged over `batch` calls.
fn time_batch(batch: usize, op: &mut impl FnMut()) -> Duration {
    let started = Instant::now();
    for _ in 0..batch {
        op();
    }
    started.elapsed() / batch as u32
}

/// Times `generated` and `derived` alternately, `runs` times, so drift in the machine's load
/// affects both alike; returns their median times and the median of the per-run ratios.
fn measure_pair(
    runs: usize,
    batch: usize,
    mut generated: impl FnMut(),
    mut derived: impl FnMut(),
) -> (Duration, Duration, f64) {
    let (mut ours, mut theirs, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    for run in 0..runs {
        // Alternate which goes first, so neither always runs on a warmer cache.
        let (a, b) = if run % 2 == 0 {
            let a = time_batch(batch, &mut generated);
            (a, time_batch(batch, &mut derived))
        } else {
            let b = time_batch(batch, &mut derived);
            (time_batch(batch, &mut generated), b)
        };
        ours.push(a);
        theirs.push(b);
        ratios.push(a.as_secs_f64() / b.as_secs_f64());
    }
    ours.sort();
    theirs.sort();
    ratios.sort_by(f64::total_cmp);
    (ours[runs / 2], theirs[runs / 2], ratios[runs / 2])
}

/// Times writing and reading `generated` and `derived` (which must write the same JSON).
fn compare<G, D>(name: &str, generated: &G, derived: &D, batch: usize)
where
    G: Serialize + for<'de> Deserialize<'de>,
    D: Serialize + for<'de> Deserialize<'de>,
{
    let json = serde_json::to_string(generated).unwrap();
    let json_value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(serde_json::to_value(derived).unwrap(), json_value, "{name}: the derives must write the same JSON");
    let mb = json.len() as f64 / 1e6;
    let runs = 41;
    let write = measure_pair(
        runs,
        batch,
        || drop(black_box(serde_json::to_vec(black_box(generated)).unwrap())),
        || drop(black_box(serde_json::to_vec(black_box(derived)).unwrap())),
    );
    let read = measure_pair(
        runs,
        batch,
        || drop(black_box(serde_json::from_str::<G>(black_box(&json)).unwrap())),
        || drop(black_box(serde_json::from_str::<D>(black_box(&json)).unwrap())),
    );
    for (what, (generated, derived, ratio)) in [("serialize", write), ("deserialize", read)] {
        println!(
            "{name:<28} {what:<12} {:>10.2} us {:>8.0} MB/s | derive {:>10.2} us {:>8.0} MB/s | ratio {ratio:.2}",
            generated.as_secs_f64() * 1e6,
            mb / generated.as_secs_f64(),
            derived.as_secs_f64() * 1e6,
            mb / derived.as_secs_f64(),
        );
    }
}

fn update_backend_auth() -> (amplifybackend::operation::update_backend_auth::UpdateBackendAuthInput, derived::Input) {
    let json = r#"{
        "AppId": "d2c4b5x", "BackendEnvironmentName": "staging", "resourceName": "auth1",
        "resourceConfig": {
            "authResources": "USER_POOL_ONLY", "service": "COGNITO",
            "identityPoolConfigs": {"unauthenticatedLogin": true},
            "userPoolConfigs": {
                "mfa": {"MFAMode": "OPTIONAL", "settings": {"mfaTypes": ["SMS", "TOTP"], "smsMessage": "Your code is {####}"}},
                "oAuth": {
                    "domainPrefix": "example", "oAuthGrantType": "CODE",
                    "oAuthScopes": ["PHONE", "EMAIL", "OPENID", "PROFILE", "AWS_COGNITO_SIGNIN_USER_ADMIN"],
                    "redirectSignInURIs": ["https://example.com/signin", "https://example.org/signin"],
                    "redirectSignOutURIs": ["https://example.com/signout"],
                    "socialProviderSettings": {
                        "Facebook": {"client_id": "facebook-client", "client_secret": "facebook-secret"},
                        "Google": {"client_id": "google-client", "client_secret": "google-secret"}
                    }
                },
                "passwordPolicy": {"additionalConstraints": ["REQUIRE_DIGIT", "REQUIRE_SYMBOL"], "minimumLength": 12.0},
                "verificationMessage": {"deliveryMethod": "EMAIL", "emailSettings": {"emailMessage": "Code {####}", "emailSubject": "Verify"}}
            }
        }
    }"#;
    (serde_json::from_str(json).unwrap(), serde_json::from_str(json).unwrap())
}

fn collections() -> (golden_collections::operation::put_collections::PutCollectionsInput, derived::Collections) {
    let node = |i: usize| serde_json::json!({"name": format!("node-{i}"), "children": [{"name": "leaf"}, {"name": "leaf2"}], "parent": {"name": "up"}});
    let value = serde_json::json!({
        "matrix": (0..50).map(|i| (0..20).map(|j| format!("cell-{i}-{j}")).collect::<Vec<_>>()).collect::<Vec<_>>(),
        "names": (0..2000).map(|i| format!("name number {i}")).collect::<Vec<_>>(),
        "groups": (0..100).map(|i| (format!("group-{i}"), serde_json::json!((0..10).map(|j| format!("member-{j}")).collect::<Vec<_>>()))).collect::<serde_json::Map<_, _>>(),
        "sparse": (0..500).map(|i| if i % 3 == 0 { serde_json::Value::Null } else { format!("s{i}").into() }).collect::<Vec<_>>(),
        "nodes": (0..300).map(node).collect::<Vec<_>>(),
        "countsByKind": {"a": 1, "b": 2}
    });
    (serde_json::from_value(value.clone()).unwrap(), serde_json::from_value(value).unwrap())
}

fn main() {
    let (generated, derived) = update_backend_auth();
    compare("UpdateBackendAuthInput", &generated, &derived, 2000);
    let (generated, derived) = collections();
    compare("PutCollectionsInput (large)", &generated, &derived, 20);
}
