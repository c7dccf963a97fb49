//! The generated crates read like formatted, hand-written code: lines stay within 100 columns,
//! except where a single path, string literal or documentation URL is longer by itself.

use std::fs;
use std::path::{Path, PathBuf};

const WIDTH: usize = 100;

/// Every `.rs` file of `generated/` and of the golden crates.
fn generated_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut dirs = vec![root.join("generated/src")];
    for case in fs::read_dir(root.join("tests/golden")).expect("the golden cases") {
        dirs.push(case.expect("a golden case").path().join("expected/src"));
    }
    let mut files = Vec::new();
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = fs::read_dir(&dir) else { continue };
        for entry in entries {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Whether a long line is one that no formatter could break: a path or `use` declaration, a
/// single token (a nested generic type), a long string literal, or documentation holding a URL.
fn unbreakable(line: &str) -> bool {
    let trimmed = line.trim_start();
    let code = trimmed.trim_end_matches([',', ';', '{', '(', ')', '>', ' ']);
    trimmed.contains("://")
        || trimmed.starts_with("pub use ")
        || trimmed.starts_with("use ")
        || !code.contains(' ')
        || trimmed.split('"').skip(1).step_by(2).any(|literal| literal.len() > 40)
}

#[test]
fn lines_stay_within_100_columns() {
    let files = generated_files();
    assert!(files.len() > 50, "found only {} generated files", files.len());
    let mut long = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).expect("a generated file");
        for (number, line) in text.lines().enumerate() {
            if line.chars().count() > WIDTH && !unbreakable(line) {
                long.push(format!("{}:{}: {line}", file.display(), number + 1));
            }
        }
    }
    assert!(long.is_empty(), "{} lines longer than {WIDTH} columns:\n{}", long.len(), long.join("\n"));
}

#[test]
fn no_line_ends_in_whitespace_and_every_file_ends_with_one_newline() {
    for file in generated_files() {
        let text = fs::read_to_string(&file).expect("a generated file");
        assert!(text.ends_with('\n') && !text.ends_with("\n\n"), "{}", file.display());
        for (number, line) in text.lines().enumerate() {
            assert_eq!(line.trim_end(), line, "{}:{}", file.display(), number + 1);
        }
    }
}
