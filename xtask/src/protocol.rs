//! `cargo xtask protocol-tests`: generates the crates of Smithy's protocol-test services, every
//! protocol, with their compliance tests, runs them, and reports each case and each protocol.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use codegen::protocol_tests::{CaseKind, ProtocolTestCase, protocol_tests, service_protocol};
use codegen::{Settings, ShapeKind};

use crate::{files, models, workspace_root};

/// The list of cases expected to fail, relative to the workspace root.
pub const EXPECTED_FAILURES: &str = "tests/protocol/expected-failures.txt";

/// The outcome of one case.
#[derive(Clone, Debug)]
pub struct CaseResult {
    /// The protocol the case tests (`restJson1` …).
    pub protocol: &'static str,
    /// The case.
    pub case: ProtocolTestCase,
    /// The file of the protocol tests that defines the case.
    pub file: String,
    /// Whether the test passed (for an expected failure: whether it failed, as expected);
    /// `None` when the generator does not implement the protocol, so the case did not run.
    pub passed: Option<bool>,
}

/// Reads the expected-failure list: lines `request|response CaseId: why`, `#` comments.
pub fn read_expected_failures(path: &Path) -> Result<BTreeMap<(CaseKind, String), String>, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut failures = BTreeMap::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let parsed = line.split_once(' ').and_then(|(kind, rest)| {
            let kind = match kind {
                "request" => CaseKind::Request,
                "response" => CaseKind::Response,
                _ => return None,
            };
            let (id, reason) = rest.split_once(':')?;
            Some((kind, id.trim().to_owned(), reason.trim().to_owned()))
        });
        match parsed {
            Some((kind, id, reason)) if !reason.is_empty() => {
                failures.insert((kind, id), reason);
            }
            _ => return Err(format!("{}:{}: expected `request|response CaseId: why`", path.display(), number + 1)),
        }
    }
    Ok(failures)
}

/// Generates and runs the protocol tests of every service in `shared`'s protocol tests (of the
/// protocols named in `only`, when given); the cases of protocols the generator does not
/// implement are listed without running.
pub fn run(shared: &Path, out: &Path, only: Option<&[String]>) -> Result<Vec<CaseResult>, String> {
    let test_dir = shared.join("smithy/protocol-tests");
    let model = models::load(&[test_dir.clone(), shared.join("smithy/trait-defs")]).map_err(|d| d.to_string())?;
    let expected = read_expected_failures(&workspace_root().join(EXPECTED_FAILURES))?;
    let files_by_case = case_files(&test_dir)?;
    let services: Vec<_> =
        model.shapes().filter(|s| matches!(s.kind, ShapeKind::Service(_))).map(|s| s.id.clone()).collect();

    let mut crates = Vec::new();
    let mut all_cases = Vec::new();
    let mut not_run = Vec::new();
    let mut names = std::collections::BTreeSet::new();
    for service in services {
        let mut crate_name = format!("protocol-{}", codegen::snake_case(service.name()).replace('_', "-"));
        if !names.insert(crate_name.clone()) {
            // Services of the same name in other namespaces get the namespace too.
            crate_name = format!("{crate_name}-{}", codegen::snake_case(service.namespace()).replace('_', "-"));
            names.insert(crate_name.clone());
        }
        let settings =
            Settings::new(crate_name.clone()).service(service.clone()).generated_by("`cargo xtask protocol-tests`");
        let Some(protocol) = service_protocol(&model, &settings).map_err(|d| d.to_string())? else { continue };
        if only.is_some_and(|only| !only.iter().any(|name| name == protocol.name)) {
            continue;
        }
        let tests = protocol_tests(&model, &settings, &expected).map_err(|d| d.to_string())?;
        if tests.cases.is_empty() {
            continue;
        }
        if !protocol.implemented {
            for case in tests.cases {
                let file = files_by_case.get(&case.id).cloned().unwrap_or_else(|| "(unknown file)".into());
                not_run.push(CaseResult { protocol: protocol.name, case, file, passed: None });
            }
            continue;
        }
        let mut generated = codegen::generate(&model, &settings).map_err(|d| d.to_string())?;
        let manifest = generated.get("Cargo.toml").unwrap_or_default().to_owned();
        generated.insert(
            "Cargo.toml".into(),
            format!(
                "{manifest}\n[dev-dependencies]\nhttp = \"1\"\nserde = \"1\"\nserde_json = \"1\"\n\
                 minicbor = {{ version = \"0.26\", default-features = false, features = [\"alloc\"] }}\n\
                 quick-xml = {{ version = \"0.41\", default-features = false }}\n"
            ),
        );
        generated.insert("tests/protocol.rs".into(), tests.source);
        generated.insert(
            "tests/support/mod.rs".into(),
            format!(
                "// Code generated by `cargo xtask protocol-tests`. DO NOT EDIT.\n{}",
                codegen::protocol_tests::SUPPORT
            ),
        );
        let dir = out.join(&crate_name);
        files::write(&generated, &dir, &files::Options::default()).map_err(|e| e.to_string())?;
        eprintln!("generated {crate_name}: {} cases", tests.cases.len());
        crates.push(crate_name.clone());
        all_cases.extend(tests.cases.into_iter().map(|case| (protocol.name, crate_name.clone(), case)));
    }

    let outcomes = cargo_test(out, &crates)?;
    let mut results = Vec::new();
    for (protocol, krate, case) in all_cases {
        let outcome = outcomes.get(&(krate.replace('-', "_"), case.function.clone())).copied();
        let file = files_by_case.get(&case.id).cloned().unwrap_or_else(|| "(unknown file)".into());
        results.push(CaseResult { protocol, passed: Some(outcome == Some(true)), file, case });
    }
    results.extend(not_run);
    Ok(results)
}

/// Maps each case id to the protocol-test file that defines it.
fn case_files(dir: &Path) -> Result<BTreeMap<String, String>, String> {
    let mut found = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))? {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            let Ok(text) = fs::read_to_string(&path) else { continue };
            let name = path.strip_prefix(dir.ancestors().last().unwrap_or(Path::new(""))).unwrap_or(&path);
            let name = name.to_string_lossy();
            let name = name.split("protocol-tests/").last().unwrap_or(&name).to_owned();
            for line in text.lines() {
                if let Some(rest) = line.trim().strip_prefix("id: \"")
                    && let Some(id) = rest.split('"').next()
                {
                    found.insert(id.to_owned(), name.clone());
                }
            }
        }
    }
    Ok(found)
}

/// Runs the crates' tests, one crate at a time so each result belongs to its crate; returns
/// whether each test passed, by (crate, test function).
fn cargo_test(out: &Path, crates: &[String]) -> Result<BTreeMap<(String, String), bool>, String> {
    let members: Vec<String> = crates.iter().map(|c| format!("    \"{c}\",")).collect();
    let manifest = format!(
        "# Written by `cargo xtask protocol-tests`.\n[workspace]\nresolver = \"2\"\nmembers = [\n{}\n]\n",
        members.join("\n")
    );
    fs::write(out.join("Cargo.toml"), manifest).map_err(|e| e.to_string())?;
    let mut outcomes = BTreeMap::new();
    for krate in crates {
        eprintln!("testing {krate}");
        let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .args([
                "test",
                "-p",
                krate,
                "--all-features",
                "--no-fail-fast",
                "--test",
                "protocol",
                "--",
                "--test-threads=2",
            ])
            .current_dir(out)
            .env("CARGO_TARGET_DIR", out.join("target"))
            .stderr(Stdio::inherit())
            .output()
            .map_err(|e| format!("cannot run cargo: {e}"))?;
        let stdout = String::from_utf8_lossy(&output.stdout);
        let before = outcomes.len();
        for line in stdout.lines() {
            let Some(rest) = line.strip_prefix("test ") else { continue };
            let Some((name, result)) = rest.rsplit_once(" ... ") else { continue };
            let name = name.trim_end_matches(" - should panic");
            outcomes.insert((krate.replace('-', "_"), name.to_owned()), result.starts_with("ok"));
        }
        if outcomes.len() == before {
            return Err(format!("the protocol tests of {krate} did not run ({}); see the errors above", output.status));
        }
    }
    Ok(outcomes)
}

/// The report: counts per file, the expected failures, one line per protocol, and the summary
/// line. Cases of protocols the generator does not implement count as neither passed nor failed.
pub fn report(results: &[CaseResult]) -> (String, bool) {
    #[derive(Default)]
    struct Counts {
        request: (usize, usize),
        response: (usize, usize),
        expected: usize,
    }
    let mut by_file: BTreeMap<&str, Counts> = BTreeMap::new();
    let (mut passed, mut failed) = (0, 0);
    let mut unexpected = Vec::new();
    for result in results {
        let Some(outcome) = result.passed else { continue };
        let counts = by_file.entry(result.file.as_str()).or_default();
        let slot = match result.case.kind {
            CaseKind::Request => &mut counts.request,
            CaseKind::Response => &mut counts.response,
        };
        slot.1 += 1;
        match (&result.case.expected_failure, outcome) {
            (None, true) => {
                slot.0 += 1;
                passed += 1;
            }
            (None, false) => {
                failed += 1;
                unexpected.push(format!("{} {} failed", result.case.kind.as_str(), result.case.id));
            }
            (Some(_), true) => counts.expected += 1,
            (Some(_), false) => {
                failed += 1;
                unexpected.push(format!(
                    "{} {} passed but is on the expected-failure list: remove it from {EXPECTED_FAILURES}",
                    result.case.kind.as_str(),
                    result.case.id
                ));
            }
        }
    }
    let mut text = format!("{:<48} {:>9} {:>9} {:>9}\n", "file", "requests", "responses", "expected");
    for (file, c) in &by_file {
        text.push_str(&format!(
            "{file:<48} {:>9} {:>9} {:>9}\n",
            format!("{}/{}", c.request.0, c.request.1),
            format!("{}/{}", c.response.0, c.response.1),
            c.expected
        ));
    }
    let expected: Vec<&CaseResult> = results.iter().filter(|r| r.case.expected_failure.is_some()).collect();
    if !expected.is_empty() {
        text.push_str(&format!("\nexpected failures ({}), from {EXPECTED_FAILURES}:\n", expected.len()));
        for result in expected {
            text.push_str(&format!(
                "  {} {} {}: {}\n",
                result.protocol,
                result.case.kind.as_str(),
                result.case.id,
                result.case.expected_failure.as_deref().unwrap_or_default()
            ));
        }
    }
    for problem in &unexpected {
        text.push_str(&format!("\nUNEXPECTED: {problem}"));
    }
    if !unexpected.is_empty() {
        text.push('\n');
    }
    text.push('\n');
    let protocols: std::collections::BTreeSet<&str> = results.iter().map(|r| r.protocol).collect();
    for protocol in protocols {
        let of_protocol: Vec<&CaseResult> = results.iter().filter(|r| r.protocol == protocol).collect();
        let count = |kind: CaseKind| {
            let of_kind = of_protocol.iter().filter(|r| r.case.kind == kind);
            let total = of_kind.clone().count();
            let ok = of_kind.filter(|r| r.passed == Some(true) && r.case.expected_failure.is_none()).count();
            (ok, total)
        };
        let (requests, responses) = (count(CaseKind::Request), count(CaseKind::Response));
        let percent = |(ok, total): (usize, usize)| if total == 0 { 100.0 } else { ok as f64 * 100.0 / total as f64 };
        let not_implemented = of_protocol.iter().any(|r| r.passed.is_none());
        text.push_str(&format!(
            "{protocol}: client request cases: {}/{} ({:.1}%); client response cases: {}/{} ({:.1}%){}\n",
            requests.0,
            requests.1,
            percent(requests),
            responses.0,
            responses.1,
            percent(responses),
            if not_implemented { " (not implemented: not run)" } else { "" }
        ));
    }
    text.push_str(&format!("{passed} passed, {failed} failed\n"));
    (text, failed == 0)
}

/// Where the protocol tests are generated by default.
pub fn default_out() -> PathBuf {
    workspace_root().join("target/protocol-tests")
}
