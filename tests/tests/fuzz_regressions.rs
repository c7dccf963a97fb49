//! The fuzz targets of `tests/fuzz/`, run briefly on stable: every committed seed and every
//! input a target once crashed on (`tests/fuzz/seeds/<target>/`) goes through the same function
//! the target calls, so `cargo test` keeps what fuzzing found fixed.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    xtask::workspace_root()
}

/// The files of a directory, sorted, so a failure names the same input on every run.
fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("readable entry").path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    files
}

/// Runs `check` on each input, naming the input that panicked.
fn replay(inputs: &[PathBuf], check: fn(&[u8])) {
    assert!(!inputs.is_empty(), "no inputs to replay");
    let mut failures = Vec::new();
    for input in inputs {
        let data = fs::read(input).unwrap_or_else(|e| panic!("{}: {e}", input.display()));
        if std::panic::catch_unwind(|| check(&data)).is_err() {
            failures.push(input.display().to_string());
        }
    }
    assert!(failures.is_empty(), "these inputs fail (the panic messages are above):\n{}", failures.join("\n"));
}

/// The `generate` target's seeds: the committed ones, the golden models and `model/`, which
/// `tests/fuzz/run.sh` adds to the corpus too.
#[test]
fn the_generator_passes_every_seed_and_past_crash_of_its_fuzz_target() {
    let root = root();
    let mut inputs = files_in(&root.join("tests/fuzz/seeds/generate"));
    for case in fs::read_dir(root.join("tests/golden")).expect("tests/golden exists") {
        inputs.push(case.expect("readable entry").path().join("model.json"));
    }
    inputs.extend(files_in(&root.join(xtask::MODEL_DIR)));
    replay(&inputs, tests::fuzz::generate);
}

#[test]
fn the_generated_crates_read_every_seed_and_past_crash_of_the_response_target() {
    replay(&files_in(&root().join("tests/fuzz/seeds/response")), tests::fuzz::response);
}

/// The response target must reach every operation of every crate whose operations read HTTP
/// responses: the golden crates and `generated/`.
#[test]
fn the_response_target_covers_every_operation_that_reads_a_response() {
    let root = root();
    let mut crates = vec![(String::from("amplifybackend"), root.join(xtask::GENERATED_DIR))];
    for case in fs::read_dir(root.join("tests/golden")).expect("tests/golden exists") {
        let case = case.expect("readable entry").path();
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        crates.push((format!("golden_{name}"), case.join("expected")));
    }
    let mut reading = BTreeSet::new();
    for (krate, dir) in crates {
        for file in files_in(&dir.join("src/operation")) {
            let text = fs::read_to_string(&file).expect("readable file");
            if text.contains("pub fn from_http_response") {
                let module = file.file_stem().unwrap().to_string_lossy().into_owned();
                reading.insert(format!("{krate}::{module}"));
            }
        }
    }
    let fuzzed: BTreeSet<String> = tests::fuzz::OPERATIONS
        .iter()
        .map(|(name, _)| {
            let (krate, operation) = name.split_once("::").expect("crate::Operation");
            format!("{krate}::{}", codegen::snake_case(operation))
        })
        .collect();
    assert_eq!(fuzzed, reading, "tests/src/fuzz/response.rs lists other operations than the crates have");
}
