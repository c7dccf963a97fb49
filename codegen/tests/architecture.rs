//! The boundaries between stages that ARCHITECTURE.md states, held by reading the sources: the
//! renderers see only the IR, and nothing in the library touches the file system.

use std::fs;
use std::path::{Path, PathBuf};

fn sources(dir: &str) -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut pending = vec![root];
    let mut found = Vec::new();
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).expect("a source directory") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = fs::read_to_string(&path).expect("a source file");
                found.push((path, text));
            }
        }
    }
    found.sort();
    found
}

/// The lines of `text` outside `#[cfg(test)]` modules and comments, with their numbers.
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let end = text.find("#[cfg(test)]").unwrap_or(text.len());
    text[..end]
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim_start().starts_with("//"))
        .map(|(number, line)| (number + 1, line))
}

#[test]
fn renderers_read_the_ir_only() {
    // What renderers must not reach for: the model, the index, raw trait values, model JSON,
    // case conversion.
    let forbidden = [
        "crate::model",
        "crate::index",
        "crate::traits",
        "crate::symbols",
        "use serde_json",
        "serde_json::Value",
        "use heck",
        "heck::",
    ];
    let mut found = Vec::new();
    for (path, text) in sources("src/render") {
        for (number, line) in code_lines(&text) {
            for word in forbidden {
                if line.contains(word) {
                    found.push(format!("{}:{number}: {word}: {line}", path.display()));
                }
            }
        }
    }
    assert!(found.is_empty(), "renderers reaching past the IR:\n{}", found.join("\n"));
}

#[test]
fn renderers_build_tokens_not_source_text() {
    // Rust source is never assembled by appending strings: code is `quote!` tokens.
    let forbidden = ["writeln!(", "write!(out", ".push_str(\"fn ", ".push_str(\"impl ", ".push_str(\"pub "];
    let mut found = Vec::new();
    for (path, text) in sources("src/render") {
        for (number, line) in code_lines(&text) {
            for word in forbidden {
                if line.contains(word) {
                    found.push(format!("{}:{number}: {line}", path.display()));
                }
            }
        }
    }
    assert!(found.is_empty(), "source text built by hand:\n{}", found.join("\n"));
}

/// The files of modules compiled only for tests (`#[cfg(test)] mod name;`).
fn test_modules(sources: &[(PathBuf, String)]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for (path, text) in sources {
        let dir = match path.file_stem().and_then(|s| s.to_str()) {
            Some("lib" | "mod") => path.parent().map(Path::to_path_buf),
            Some(stem) => path.parent().map(|parent| parent.join(stem)),
            None => None,
        };
        let Some(dir) = dir else { continue };
        let lines: Vec<&str> = text.lines().collect();
        for pair in lines.windows(2) {
            if pair[0].trim() == "#[cfg(test)]"
                && let Some(name) = pair[1].trim().strip_prefix("mod ").and_then(|r| r.strip_suffix(';'))
            {
                found.push(dir.join(format!("{name}.rs")));
            }
        }
    }
    found
}

#[test]
fn the_library_never_touches_the_file_system() {
    let forbidden = ["std::fs", "fs::write", "fs::read", "File::open", "File::create"];
    let mut found = Vec::new();
    let sources = sources("src");
    let tests = test_modules(&sources);
    for (path, text) in sources.iter().filter(|(path, _)| !tests.contains(path)) {
        for (number, line) in code_lines(text) {
            for word in forbidden {
                if line.contains(word) {
                    found.push(format!("{}:{number}: {line}", path.display()));
                }
            }
        }
    }
    assert!(found.is_empty(), "file system access in codegen:\n{}", found.join("\n"));
}
