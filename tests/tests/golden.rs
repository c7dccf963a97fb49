//! Golden files: each `tests/golden/<case>/model.json` generates exactly `tests/golden/<case>/expected/`,
//! and `model/` generates exactly the checked-in `generated/` crate.
//!
//! Run with `UPDATE_GOLDEN=1` to rewrite the expected files instead of comparing. The expected
//! crates are workspace members, so they are compiled, linted and documented like any other crate.

use std::fs;
use std::path::{Path, PathBuf};

use codegen::{Files, Settings};
use xtask::{GENERATED_DIR, MODEL_DIR, files, models, project_settings, workspace_root};

const UPDATE: &str = "UPDATE_GOLDEN";

/// One golden case: where its model is, where its expected output is, and how it is generated.
struct Case {
    name: String,
    model: PathBuf,
    expected: PathBuf,
    settings: Settings,
    fix: String,
}

fn cases() -> Vec<Case> {
    let root = workspace_root();
    let golden = root.join("tests/golden");
    let mut cases = vec![Case {
        name: "generated (AmplifyBackend)".into(),
        model: root.join(MODEL_DIR),
        expected: root.join(GENERATED_DIR),
        settings: project_settings(),
        fix: "cargo xtask codegen".into(),
    }];
    let mut dirs: Vec<PathBuf> = fs::read_dir(&golden)
        .expect("tests/golden exists")
        .map(|entry| entry.expect("readable entry").path())
        .filter(|path| path.is_dir())
        .collect();
    dirs.sort();
    for dir in dirs {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        cases.push(Case {
            settings: Settings::new(format!("golden-{name}"))
                .generated_by(format!("the golden tests from `tests/golden/{name}/model.json`")),
            model: dir.join("model.json"),
            expected: dir.join("expected"),
            name,
            fix: format!("{UPDATE}=1 cargo test -p tests --test golden"),
        });
    }
    cases
}

fn generate(case: &Case) -> Files {
    let model = models::load(std::slice::from_ref(&case.model))
        .unwrap_or_else(|diagnostics| panic!("{}: the model does not load:\n{diagnostics}", case.name));
    codegen::generate(&model, &case.settings)
        .unwrap_or_else(|diagnostics| panic!("{}: generation fails:\n{diagnostics}", case.name))
}

#[test]
fn every_case_generates_its_expected_files() {
    let update = std::env::var_os(UPDATE).is_some();
    let mut failures = Vec::new();
    for case in cases() {
        let files = generate(&case);
        let plan = files::plan(&files, &case.expected, &files::Options::default())
            .unwrap_or_else(|error| panic!("{}: {error}", case.name));
        let changes = plan.changes();
        if changes.is_empty() {
            continue;
        }
        if update {
            files::apply(&plan).unwrap_or_else(|error| panic!("{}: {error}", case.name));
            continue;
        }
        let mut report = format!("{}: {} file(s) differ; run `{}`", case.name, changes.len(), case.fix);
        for change in changes {
            report.push_str(&format!("\n  {change}"));
            if let files::Change::Update(path) = change {
                report.push_str(&first_difference(&files, &case.expected, path));
            }
        }
        failures.push(report);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn generating_twice_gives_identical_bytes() {
    for case in cases() {
        let (first, second) = (generate(&case), generate(&case));
        assert!(first == second, "{}: two generations differ", case.name);
    }
}

/// The first line where a stale file differs from what is generated now.
fn first_difference(files: &Files, dir: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(dir).ok().and_then(Path::to_str).unwrap_or_default();
    let (Some(wanted), Ok(found)) = (files.get(relative), fs::read_to_string(path)) else {
        return String::new();
    };
    let mismatch = wanted.lines().zip(found.lines()).enumerate().find(|(_, (a, b))| a != b);
    match mismatch {
        Some((line, (wanted, found))) => {
            format!("\n    line {}:\n      generated: {wanted}\n      on disk:   {found}", line + 1)
        }
        None => format!(
            "\n    the files differ in length ({} lines generated, {} on disk)",
            wanted.lines().count(),
            found.lines().count()
        ),
    }
}
