//! `cargo xtask moto-tests`: round trips against a real AWS-compatible server.
//!
//! Generates crates for a few AWS services from `../shared/models/aws` (only the operations the
//! round trips use), and a test crate whose tests (`tests/moto/*.rs` in the repository) start
//! `moto_server` on a free loopback port, send the generated crates' requests to it with a
//! plain HTTP client, read the responses with the generated crates, and stop the server. Each
//! service's test creates something, reads it back, lists it, deletes it, and asks for something
//! missing to get the modeled error.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use codegen::Settings;

use crate::{files, models, workspace_root};

/// A service the round trips use: its model, crate, operations and test file.
pub struct RoundTrip {
    /// The model's file stem in the models directory.
    pub model: &'static str,
    /// The generated crate's name (the test file uses it).
    pub crate_name: &'static str,
    /// The protocol the service speaks, for the report.
    pub protocol: &'static str,
    /// The operations generated.
    pub operations: &'static [&'static str],
    /// The test file in `tests/moto/`.
    pub test: &'static str,
}

/// The services with round trips, one or more per protocol.
pub const ROUND_TRIPS: &[RoundTrip] = &[
    RoundTrip {
        model: "polly",
        crate_name: "moto-polly",
        protocol: "restJson1",
        operations: &["PutLexicon", "GetLexicon", "ListLexicons", "DeleteLexicon"],
        test: "polly.rs",
    },
    RoundTrip {
        model: "dynamodb",
        crate_name: "moto-dynamodb",
        protocol: "awsJson1_0",
        operations: &["CreateTable", "PutItem", "GetItem", "ListTables", "DeleteTable", "DescribeTable"],
        test: "dynamodb.rs",
    },
    RoundTrip {
        model: "secrets-manager",
        crate_name: "moto-secrets-manager",
        protocol: "awsJson1_1",
        operations: &["CreateSecret", "GetSecretValue", "ListSecrets", "DeleteSecret"],
        test: "secrets_manager.rs",
    },
    RoundTrip {
        model: "sns",
        crate_name: "moto-sns",
        protocol: "awsQuery",
        operations: &["CreateTopic", "GetTopicAttributes", "ListTopics", "DeleteTopic"],
        test: "sns.rs",
    },
    RoundTrip {
        model: "s3",
        crate_name: "moto-s3",
        protocol: "restXml",
        operations: &["CreateBucket", "PutObject", "GetObject", "ListObjectsV2", "DeleteObject", "DeleteBucket"],
        test: "s3.rs",
    },
];

/// The directory of the round trips' test sources, relative to the workspace root.
const TESTS: &str = "tests/moto";

/// The outcome of one service's round trip.
pub struct Outcome {
    /// The service's model name.
    pub model: &'static str,
    /// Its protocol.
    pub protocol: &'static str,
    /// Each test of its file, with whether it passed.
    pub tests: Vec<(String, bool)>,
}

/// Generates the crates and the test crate under `out`, runs the tests, and returns each
/// service's outcome. `moto_server` must be on the `PATH`.
pub fn run(models_dir: &Path, out: &Path) -> Result<Vec<Outcome>, String> {
    let server = Command::new("moto_server").arg("--help").stdout(Stdio::null()).stderr(Stdio::null()).status();
    if !server.is_ok_and(|status| status.success()) {
        return Err("`moto_server` is not installed: `pip install 'moto[server]'`".into());
    }
    fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let tests_dir = workspace_root().join(TESTS);
    let mut members = Vec::new();
    let mut dependencies = String::new();
    for trip in ROUND_TRIPS {
        let model = models::load(&[models_dir.join(format!("{}.json", trip.model))]).map_err(|d| d.to_string())?;
        let settings = Settings::new(trip.crate_name)
            .generated_by("`cargo xtask moto-tests`")
            .operations(trip.operations.iter().copied());
        let generated = codegen::generate(&model, &settings).map_err(|d| d.to_string())?;
        files::write(&generated, &out.join(trip.crate_name), &files::Options::default()).map_err(|e| e.to_string())?;
        members.push(format!("\"{}\"", trip.crate_name));
        dependencies.push_str(&format!(
            "{} = {{ path = \"../{}\", features = [\"http\"] }}\n",
            trip.crate_name, trip.crate_name
        ));
    }
    let roundtrip = out.join("roundtrip");
    fs::create_dir_all(roundtrip.join("tests/support")).map_err(|e| e.to_string())?;
    fs::create_dir_all(roundtrip.join("src")).map_err(|e| e.to_string())?;
    let write = |path: PathBuf, text: String| fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()));
    write(
        out.join("Cargo.toml"),
        format!(
            "# Written by `cargo xtask moto-tests`.\n[workspace]\nresolver = \"2\"\nmembers = [{}, \"roundtrip\"]\n",
            members.join(", ")
        ),
    )?;
    write(
        roundtrip.join("Cargo.toml"),
        format!(
            "# Written by `cargo xtask moto-tests`.\n[package]\nname = \"roundtrip\"\nversion = \"0.1.0\"\n\
             edition = \"2021\"\npublish = false\n\n[dependencies]\n{dependencies}\
             http = \"1\"\nureq = {{ version = \"3\", default-features = false }}\n"
        ),
    )?;
    write(roundtrip.join("src/lib.rs"), "//! Round trips against moto; see `tests/`.\n".into())?;
    let support = fs::read_to_string(tests_dir.join("support.rs")).map_err(|e| format!("{TESTS}/support.rs: {e}"))?;
    write(roundtrip.join("tests/support/mod.rs"), support)?;
    for trip in ROUND_TRIPS {
        let text = fs::read_to_string(tests_dir.join(trip.test)).map_err(|e| format!("{TESTS}/{}: {e}", trip.test))?;
        write(roundtrip.join("tests").join(trip.test), text)?;
    }

    // The round trips' sources are not a workspace member: hold them to the workspace's format
    // and lints here.
    let sources: Vec<PathBuf> =
        ROUND_TRIPS.iter().map(|trip| tests_dir.join(trip.test)).chain([tests_dir.join("support.rs")]).collect();
    let formatted = Command::new("rustfmt")
        .args(["--edition", "2021", "--check"])
        .args(&sources)
        .current_dir(workspace_root())
        .status()
        .map_err(|e| format!("cannot run rustfmt: {e}"))?;
    if !formatted.success() {
        return Err(format!("{TESTS}: not formatted; run `rustfmt --edition 2021 {TESTS}/*.rs`"));
    }
    let linted = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["clippy", "-p", "roundtrip", "--tests", "--", "-D", "warnings"])
        .current_dir(out)
        .env("CARGO_TARGET_DIR", out.join("target"))
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !linted.success() {
        return Err(format!("{TESTS}: clippy reports problems; see above"));
    }
    let mut outcomes = Vec::new();
    for trip in ROUND_TRIPS {
        let test = trip.test.trim_end_matches(".rs");
        let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .args(["test", "-p", "roundtrip", "--test", test, "--", "--test-threads=1"])
            .current_dir(out)
            .env("CARGO_TARGET_DIR", out.join("target"))
            .stderr(Stdio::inherit())
            .output()
            .map_err(|e| format!("cannot run cargo: {e}"))?;
        let stdout = String::from_utf8_lossy(&output.stdout);
        print!("{stdout}");
        let tests = stdout
            .lines()
            .filter_map(|line| line.strip_prefix("test ")?.rsplit_once(" ... "))
            .map(|(name, result)| (name.to_owned(), result.starts_with("ok")))
            .collect();
        outcomes.push(Outcome { model: trip.model, protocol: trip.protocol, tests });
    }
    if outcomes.iter().all(|o| o.tests.is_empty()) {
        return Err("the round trips did not run; see the errors above".into());
    }
    Ok(outcomes)
}

/// One line per service and the summary line.
pub fn report(outcomes: &[Outcome]) -> (String, bool) {
    let mut text = String::from("\n");
    let (mut passed, mut failed) = (0, 0);
    for outcome in outcomes {
        let ok = outcome.tests.iter().filter(|(_, ok)| *ok).count();
        passed += ok;
        failed += outcome.tests.len() - ok;
        let failures: Vec<&str> = outcome.tests.iter().filter(|(_, ok)| !ok).map(|(name, _)| name.as_str()).collect();
        text.push_str(&format!(
            "{:<16} {:<10} {}/{} round trips{}\n",
            outcome.model,
            outcome.protocol,
            ok,
            outcome.tests.len(),
            if failures.is_empty() { String::new() } else { format!(" (failed: {})", failures.join(", ")) }
        ));
    }
    let missing = outcomes.iter().filter(|o| o.tests.is_empty()).count();
    text.push_str(&format!("{passed} passed, {failed} failed\n"));
    (text, failed == 0 && missing == 0)
}

/// Where the round trips are generated by default.
pub fn default_out() -> PathBuf {
    workspace_root().join("target/moto")
}
