//! `cargo xtask codegen` as a user runs it: bad models fail cleanly, `--check` reports staleness,
//! and no directory the generator did not make is ever damaged.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli").join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

fn xtask(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask")).args(args).output().expect("xtask runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Runs `codegen --model` on `model_text` and returns the output; asserts nothing was written.
fn generate_expecting_failure(name: &str, model_text: &[u8]) -> String {
    let dir = scratch(name);
    let model = dir.join("model.json");
    fs::write(&model, model_text).expect("write model");
    let out = dir.join("out");
    let output = xtask(&["codegen", "--model", model.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    let message = stderr(&output);
    assert!(!output.status.success(), "{name}: expected failure, got success: {message}");
    assert_eq!(output.status.code(), Some(1), "{name}: a model error exits with 1, not a panic: {message}");
    assert!(!message.contains("panicked"), "{name}: {message}");
    assert!(!out.exists(), "{name}: nothing may be written when the model is bad");
    assert!(message.contains("model.json"), "{name}: the error names the file: {message}");
    message
}

fn model(shapes: &str) -> String {
    format!(r#"{{"smithy": "2.0", "shapes": {{{shapes}}}}}"#)
}

const SERVICE: &str = r#""ex#Svc": {"type": "service", "version": "1", "operations": [{"target": "ex#Op"}]},
    "ex#Op": {"type": "operation", "input": {"target": "ex#In"}}"#;

#[test]
fn a_file_that_is_not_json_is_reported_with_line_and_column() {
    let message = generate_expecting_failure("not_json", b"{\n  \"smithy\": \"2.0\",\n  \"shapes\": {,}\n}");
    assert!(message.contains("model.json:3:"), "{message}");
    assert!(message.contains("not valid JSON"), "{message}");
}

#[test]
fn random_bytes_are_reported_not_panicked_on() {
    let bytes: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    generate_expecting_failure("random_bytes", &bytes);
}

#[test]
fn a_model_that_is_not_smithy_2_is_refused() {
    let message = generate_expecting_failure("smithy_1", br#"{"smithy": "1.0", "shapes": {}}"#);
    assert!(message.contains("Smithy version `1.0` is not supported"), "{message}");
    let message = generate_expecting_failure("no_version", br#"{"shapes": {}}"#);
    assert!(message.contains("missing the `smithy` version"), "{message}");
}

#[test]
fn a_missing_target_names_the_member() {
    let text =
        model(&format!(r#"{SERVICE}, "ex#In": {{"type": "structure", "members": {{"a": {{"target": "ex#Nope"}}}}}}"#));
    let message = generate_expecting_failure("missing_target", text.as_bytes());
    assert!(message.contains("ex#In$a: targets `ex#Nope`, which does not exist"), "{message}");
}

#[test]
fn every_problem_is_reported_in_one_run() {
    let text = model(&format!(
        r#"{SERVICE}, "ex#In": {{"type": "structure", "members": {{
            "a": {{"target": "ex#Nope"}}, "b": {{"target": "ex#Gone"}}}}}},
           "ex#Bad": {{"type": "strukture"}}"#
    ));
    let message = generate_expecting_failure("many_problems", text.as_bytes());
    for expected in ["ex#In$a", "ex#In$b", "ex#Bad: unknown shape type `strukture`"] {
        assert!(message.contains(expected), "missing {expected:?} in {message}");
    }
}

#[test]
fn a_cycle_of_required_members_is_reported() {
    let text = model(&format!(
        r#"{SERVICE},
        "ex#In": {{"type": "structure", "members": {{"a": {{"target": "ex#A"}}}}}},
        "ex#A": {{"type": "structure", "members": {{"b": {{"target": "ex#B", "traits": {{"smithy.api#required": {{}}}}}}}}}},
        "ex#B": {{"type": "structure", "members": {{"a": {{"target": "ex#A", "traits": {{"smithy.api#required": {{}}}}}}}}}}"#
    ));
    let message = generate_expecting_failure("required_cycle", text.as_bytes());
    assert!(message.contains("form a cycle"), "{message}");
    assert!(message.contains("ex#A$b") && message.contains("ex#B$a"), "{message}");
}

#[test]
fn a_list_containing_itself_is_reported() {
    let text = model(&format!(
        r#"{SERVICE},
        "ex#In": {{"type": "structure", "members": {{"l": {{"target": "ex#L"}}}}}},
        "ex#L": {{"type": "list", "member": {{"target": "ex#L"}}}}"#
    ));
    let message = generate_expecting_failure("list_cycle", text.as_bytes());
    assert!(message.contains("ex#L: this list or map contains itself"), "{message}");
}

#[test]
fn duplicate_enum_values_are_reported() {
    let text = model(&format!(
        r#"{SERVICE},
        "ex#In": {{"type": "structure", "members": {{"e": {{"target": "ex#E"}}}}}},
        "ex#E": {{"type": "enum", "members": {{
            "A": {{"target": "smithy.api#Unit", "traits": {{"smithy.api#enumValue": "x"}}}},
            "B": {{"target": "smithy.api#Unit", "traits": {{"smithy.api#enumValue": "x"}}}}}}}}"#
    ));
    let message = generate_expecting_failure("duplicate_enum", text.as_bytes());
    assert!(message.contains("ex#E$B: repeats the value \"x\""), "{message}");
}

#[test]
fn a_model_without_a_service_is_reported() {
    let text = model(r#""ex#S": {"type": "string"}"#);
    let message = generate_expecting_failure("no_service", text.as_bytes());
    assert!(message.contains("defines no service"), "{message}");
}

#[test]
fn generation_writes_only_changed_files_and_check_reports_stale_ones() {
    let dir = scratch("check");
    let out = dir.join("crate");
    let model = Path::new(env!("CARGO_MANIFEST_DIR")).join("../model/amplifybackend.json");
    let args = ["codegen", "--model", model.to_str().unwrap(), "--out", out.to_str().unwrap()];
    let first = xtask(&args);
    assert!(first.status.success(), "{}", stderr(&first));
    let lib = out.join("src/lib.rs");
    assert!(lib.exists() && out.join("Cargo.toml").exists());

    let second = xtask(&args);
    assert!(stderr(&second).contains("; 0 changed"), "{}", stderr(&second));
    let check: Vec<&str> = args.iter().copied().chain(["--check"]).collect();
    assert!(xtask(&check).status.success());

    // A stale file, a missing file and a file that is no longer generated are each named.
    fs::write(&lib, "// Code generated by hand\n").unwrap();
    fs::remove_file(out.join("src/error.rs")).unwrap();
    fs::write(out.join("src/leftover.rs"), "// Code generated by an older version\n").unwrap();
    let mut manifest = fs::read_to_string(out.join(".generated-files")).unwrap();
    manifest.push_str("src/leftover.rs\n");
    fs::write(out.join(".generated-files"), manifest).unwrap();
    fs::write(out.join("src/notes.txt"), "hand-written, not generated\n").unwrap();
    let stale = xtask(&check);
    let message = stderr(&stale);
    assert_eq!(stale.status.code(), Some(1), "{message}");
    assert!(message.contains("src/lib.rs is stale"), "{message}");
    assert!(message.contains("src/error.rs is missing"), "{message}");
    assert!(message.contains("src/leftover.rs is no longer generated"), "{message}");
    assert!(!message.contains("notes.txt"), "{message}");
    assert!(message.contains("run `cargo xtask codegen --model"), "{message}");
    assert_eq!(fs::read_to_string(&lib).unwrap(), "// Code generated by hand\n", "--check writes nothing");

    let fix = xtask(&args);
    assert!(fix.status.success(), "{}", stderr(&fix));
    assert!(xtask(&check).status.success());
    assert!(!out.join("src/leftover.rs").exists());
    assert!(out.join("src/notes.txt").exists(), "hand-written files are left alone");
}

#[test]
fn ast_prints_the_json_ast_of_idl_files() {
    let dir = scratch("ast");
    let model = dir.join("model.smithy");
    fs::write(&model, "$version: \"2\"\nnamespace ex\n\n/// Docs.\nstring Name\n\napply Name @length(min: 1)\n")
        .unwrap();
    let output = xtask(&["ast", model.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let ast: serde_json::Value = serde_json::from_slice(&output.stdout).expect("the output is JSON");
    let expected = serde_json::json!({
        "smithy": "2.0",
        "shapes": {
            "ex#Name": {
                "type": "string",
                "traits": {"smithy.api#documentation": "Docs.", "smithy.api#length": {"min": 1}}
            }
        }
    });
    assert_eq!(ast, expected);
}

#[test]
fn bad_idl_is_reported_at_its_line_and_column_with_the_source_line() {
    let dir = scratch("bad_idl");
    let model = dir.join("model.smithy");
    fs::write(&model, "$version: \"2\"\nnamespace ex\n\nstructure A {\n    b: Nope\n    b: String\n}\n").unwrap();
    let out = dir.join("out");
    let output = xtask(&["codegen", "--model", model.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{message}");
    assert!(message.contains("model.smithy:5:8: unknown shape `Nope`"), "{message}");
    assert!(message.contains("5 |     b: Nope\n  |        ^"), "{message}");
    assert!(message.contains("model.smithy:6:5:"), "the duplicate member is reported in the same run: {message}");
    assert!(!out.exists());
}

#[test]
fn help_prints_the_usage_and_succeeds_and_unknown_tasks_fail() {
    for args in [&["--help"][..], &["help"], &["corpus", "--help"], &["bench", "generate", "-h"]] {
        let output = xtask(args);
        assert!(output.status.success(), "{args:?}: {}", stderr(&output));
        assert!(String::from_utf8_lossy(&output.stdout).contains("usage: cargo xtask"), "{args:?}");
    }
    let output = xtask(&["frobnicate"]);
    assert_eq!(output.status.code(), Some(1), "a usage error exits with 1");
    assert!(stderr(&output).contains("unknown task `frobnicate`"));
}

const AMPLIFY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../model/amplifybackend.json");

/// `codegen --model <model> --out <out>` followed by `extra`.
fn codegen(model: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["codegen", "--model", model.to_str().unwrap(), "--out", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    xtask(&args)
}

/// Every entry under `dir` without following symlinks: a file's bytes, a symlink's target, or
/// nothing for a directory.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        for entry in fs::read_dir(&current).unwrap() {
            let path = entry.unwrap().path();
            let meta = fs::symlink_metadata(&path).unwrap();
            let content = if meta.file_type().is_symlink() {
                fs::read_link(&path).unwrap().into_os_string().into_encoded_bytes()
            } else if meta.is_dir() {
                pending.push(path.clone());
                Vec::new()
            } else {
                fs::read(&path).unwrap()
            };
            found.push((path.strip_prefix(dir).unwrap().to_path_buf(), content));
        }
    }
    found.sort();
    found
}

#[test]
fn a_hand_written_crate_is_refused_and_left_as_it_was() {
    let dir = scratch("hand_written");
    let out = dir.join("mine");
    fs::create_dir_all(out.join("src")).unwrap();
    fs::write(out.join("Cargo.toml"), "[package]\nname = \"mine\"\nversion = \"0.1.0\"\n").unwrap();
    fs::write(out.join("src/lib.rs"), "//! Mine.\n").unwrap();
    let before = snapshot(&dir);
    for extra in [&[][..], &["--check"], &["--force"]] {
        let output = codegen(Path::new(AMPLIFY), &out, extra);
        let message = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{extra:?}: {message}");
        let expected =
            if extra == ["--force"] { "Cargo.toml is in the way" } else { "holds files the generator did not write" };
        assert!(message.contains(expected), "{extra:?}: {message}");
        assert_eq!(snapshot(&dir), before, "{extra:?}");
    }
}

#[test]
fn a_directory_of_generated_crates_is_refused_and_its_crates_are_kept() {
    let dir = scratch("parent");
    for name in ["one", "two"] {
        assert!(codegen(Path::new(AMPLIFY), &dir.join(name), &[]).status.success());
    }
    let before = snapshot(&dir);
    for extra in [&[][..], &["--check"], &["--force"]] {
        let output = codegen(Path::new(AMPLIFY), &dir, extra);
        let message = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{extra:?}: {message}");
        assert!(message.contains("contains another crate"), "{extra:?}: {message}");
        assert_eq!(snapshot(&dir), before, "{extra:?}");
    }
}

#[test]
fn the_workspace_root_and_its_ancestors_are_refused() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    // `--check` writes nothing even where a run without it would destroy files, so the refusal
    // is tested through it.
    for out in [root.to_path_buf(), root.join("generated/.."), root.parent().unwrap().to_path_buf()] {
        let output = codegen(Path::new(AMPLIFY), &out, &["--check", "--force"]);
        let message = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{}: {message}", out.display());
        assert!(
            message.contains("which is never written into") || message.contains("is never written into"),
            "{message}"
        );
        assert!(!message.contains("is stale") && !message.contains("no longer generated"), "{message}");
    }
}

#[test]
fn the_home_directory_and_its_ancestors_are_refused() {
    let home = scratch("home");
    let out = home.join("crate");
    assert!(codegen(Path::new(AMPLIFY), &out, &[]).status.success(), "a directory below it is fine");
    for dir in [home.clone(), home.join("..")] {
        let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
            .args(["codegen", "--model", AMPLIFY, "--out", dir.to_str().unwrap(), "--force"])
            .env("HOME", &home)
            .output()
            .unwrap();
        let message = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{message}");
        assert!(message.contains("is never written into"), "{message}");
    }
    assert!(codegen(Path::new(AMPLIFY), &out, &["--check"]).status.success(), "the crate below is intact");
}

#[cfg(unix)]
#[test]
fn check_terminates_on_symlink_loops_and_regeneration_deletes_nothing_behind_symlinks() {
    let dir = scratch("symlink_loops");
    let out = dir.join("crate");
    assert!(codegen(Path::new(AMPLIFY), &out, &[]).status.success());
    std::os::unix::fs::symlink(".", out.join("a")).unwrap();
    std::os::unix::fs::symlink(".", out.join("b")).unwrap();
    let outside = dir.join("outside");
    fs::create_dir_all(&outside).unwrap();
    fs::write(outside.join("error.rs"), "// Code generated by someone else. DO NOT EDIT.\n").unwrap();
    std::os::unix::fs::symlink(&outside, out.join("src/linked")).unwrap();

    let mut child = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(["codegen", "--model", AMPLIFY, "--out", out.to_str().unwrap(), "--check"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("`--check` did not finish in a minute");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let output = child.wait_with_output().unwrap();
    assert!(status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("is up to date"), "{}", stderr(&output));

    // A regeneration that changes every file carries the symlinks over and deletes nothing
    // behind them.
    let other = dir.join("other.json");
    fs::copy(AMPLIFY, &other).unwrap();
    let output = codegen(&other, &out, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(outside.join("error.rs").exists());
    assert_eq!(fs::read_link(out.join("a")).unwrap(), Path::new("."));
    assert_eq!(fs::read_link(out.join("src/linked")).unwrap(), outside);
    assert!(codegen(&other, &out, &["--check"]).status.success());
}

#[test]
fn a_crate_name_cargo_would_refuse_is_an_error_and_nothing_is_written() {
    let dir = scratch("crate_name");
    let out = dir.join("out");
    for name in ["3d", "My Crate", "a\"b", "test", ""] {
        let output = codegen(Path::new(AMPLIFY), &out, &["--crate-name", name]);
        let message = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{name:?}: {message}");
        assert!(message.contains("--crate-name: `"), "{name:?}: {message}");
        assert!(message.contains("cannot be the package name"), "{name:?}: {message}");
        assert!(!out.exists());
    }
}

/// Runs `codegen` under a file-size limit of 2 KiB, so that writing a larger file fails midway:
/// with SIGXFSZ ignored the write returns an error; otherwise the signal kills the process.
#[cfg(target_os = "linux")]
fn codegen_with_small_files(model: &Path, out: &Path, killed: bool) -> Output {
    let trap = if killed { "" } else { "trap '' XFSZ; " };
    Command::new("bash")
        .arg("-c")
        .arg(format!("{trap}ulimit -f 2; exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_xtask"))
        .args(["codegen", "--model", model.to_str().unwrap(), "--out", out.to_str().unwrap()])
        .output()
        .expect("bash runs")
}

#[cfg(target_os = "linux")]
#[test]
fn a_write_failing_midway_or_a_killed_run_leaves_the_old_crate_whole() {
    let dir = scratch("interrupted");
    let out = dir.join("crate");
    let (old, new) = (dir.join("old.json"), dir.join("new.json"));
    fs::copy(AMPLIFY, &old).unwrap();
    fs::copy(AMPLIFY, &new).unwrap();
    assert!(codegen(&old, &out, &[]).status.success());
    fs::write(out.join("Cargo.lock"), "# a lock file\n").unwrap();
    fs::create_dir_all(out.join("target/debug")).unwrap();
    fs::write(out.join("target/debug/built"), "artifact").unwrap();
    let before = snapshot(&dir);
    assert!(before.iter().any(|(_, text)| text.len() > 2048), "the crate has files over the limit");

    // The write fails: an error, the old crate as it was, nothing beside it.
    let failed = codegen_with_small_files(&new, &out, false);
    assert_eq!(failed.status.code(), Some(1), "{}", stderr(&failed));
    assert!(stderr(&failed).contains("File too large"), "{}", stderr(&failed));
    assert_eq!(snapshot(&dir), before);

    // The process is killed while writing: the old crate is whole; the next run cleans up.
    let killed = codegen_with_small_files(&new, &out, true);
    assert_eq!(killed.status.code(), None, "killed by a signal: {}", stderr(&killed));
    let after_kill = snapshot(&out);
    assert_eq!(
        after_kill,
        before
            .iter()
            .filter_map(|(path, text)| Some((path.strip_prefix("crate").ok()?.to_path_buf(), text.clone())))
            .filter(|(path, _)| !path.as_os_str().is_empty())
            .collect::<Vec<_>>()
    );
    assert!(dir.join(".crate.tmp~").exists(), "the staging tree of the killed run is left");

    let output = codegen(&new, &out, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let names: Vec<String> =
        fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(!names.iter().any(|name| name.contains('~')), "{names:?}");
    assert_eq!(fs::read_to_string(out.join("Cargo.lock")).unwrap(), "# a lock file\n");
    assert_eq!(fs::read_to_string(out.join("target/debug/built")).unwrap(), "artifact");
    assert!(fs::read_to_string(out.join("src/lib.rs")).unwrap().contains("from `new.json`"));
    assert!(codegen(&new, &out, &["--check"]).status.success());
}
