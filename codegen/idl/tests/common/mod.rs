//! Helpers shared by the integration tests: locating `../shared`, walking fixture
//! directories, and comparing JSON ASTs with a readable diff.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use serde_json::Value;

/// The `shared/` reference directory beside the repository, if it is there.
pub fn shared_dir() -> Option<PathBuf> {
    // The crate lives at `codegen/idl/` in the repository.
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).parent()?.parent()?;
    let shared = repo.join("../shared");
    shared.join("smithy").is_dir().then_some(shared)
}

/// Every file under `dir` (recursively) whose name ends with `suffix`, sorted.
pub fn files_with_suffix(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.to_string_lossy().ends_with(suffix) {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// Rewrites forms the JSON AST specification treats as equivalent into one form, so
/// that fixtures written either way compare equal:
/// * an empty `members` object is the same as no `members` (a structure may omit it);
/// * an operation `input` or `output` targeting `smithy.api#Unit` is the same as none
///   (a missing input or output is the unit type).
/// * an `errors` list that is empty is the same as none;
/// * an apply entry for a shape or a member defined in the model is the same as its
///   traits written on the shape or member itself.
///
/// Lists of service and resource bindings (which Smithy treats as sets) are sorted.
/// [`diff`] compares numbers by value, not by how they are written.
pub fn normalize(ast: &mut Value) {
    let Some(shapes) = ast.get_mut("shapes").and_then(Value::as_object_mut) else {
        return;
    };
    let applies: Vec<(String, Value)> = shapes
        .iter()
        .filter(|(_, shape)| shape.get("type") == Some(&Value::from("apply")))
        .map(|(id, shape)| (id.clone(), shape.get("traits").cloned().unwrap_or_default()))
        .collect();
    for (id, traits) in applies {
        let (root, member) = match id.split_once('$') {
            Some((root, member)) => (root, Some(member)),
            None => (id.as_str(), None),
        };
        let Some(shape) = shapes.get_mut(root) else { continue };
        let target = match member {
            None => Some(shape),
            Some(member) => match shape.get("members").is_some() {
                true => shape.get_mut("members").and_then(|m| m.get_mut(member)),
                false => shape.get_mut(member),
            },
        };
        let Some(target) = target.and_then(Value::as_object_mut) else { continue };
        let existing = target.entry("traits").or_insert_with(|| Value::Object(Default::default()));
        if let (Some(existing), Some(traits)) = (existing.as_object_mut(), traits.as_object()) {
            for (k, v) in traits {
                existing.insert(k.clone(), v.clone());
            }
        }
        shapes.remove(&id);
    }
    for shape in shapes.values_mut() {
        let Some(shape) = shape.as_object_mut() else { continue };
        if shape.get("members").and_then(Value::as_object).is_some_and(|m| m.is_empty()) {
            shape.remove("members");
        }
        let kind = shape.get("type").and_then(Value::as_str).unwrap_or_default().to_string();
        if shape.get("errors").and_then(Value::as_array).is_some_and(|e| e.is_empty()) {
            shape.remove("errors");
        }
        if kind == "operation" {
            for key in ["input", "output"] {
                if shape.get(key).and_then(|r| r.get("target")) == Some(&Value::from("smithy.api#Unit")) {
                    shape.remove(key);
                }
            }
        }
        if kind == "service" || kind == "resource" {
            for key in ["operations", "resources", "errors", "collectionOperations"] {
                if let Some(Value::Array(items)) = shape.get_mut(key) {
                    items.sort_by_key(|item| item.to_string());
                }
            }
        }
    }
}

/// Lines describing how `actual` differs from `expected`, one per differing path.
pub fn diff(expected: &Value, actual: &Value) -> Vec<String> {
    let mut out = Vec::new();
    diff_at("", expected, actual, &mut out);
    out
}

fn diff_at(path: &str, expected: &Value, actual: &Value, out: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (key, value) in e {
                let child = format!("{path}/{key}");
                match a.get(key) {
                    Some(other) => diff_at(&child, value, other, out),
                    None => out.push(format!("  {child}: missing (expected {})", short(value))),
                }
            }
            for (key, value) in a {
                if !e.contains_key(key) {
                    out.push(format!("  {path}/{key}: unexpected {}", short(value)));
                }
            }
        }
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => {
            for (i, (e, a)) in e.iter().zip(a).enumerate() {
                diff_at(&format!("{path}[{i}]"), e, a, out);
            }
        }
        _ if expected == actual => {}
        (Value::Number(e), Value::Number(a)) if same_number(e, a) => {}
        _ => out.push(format!("  {path}: expected {}, found {}", short(expected), short(actual))),
    }
}

/// Numbers keep their text, so `10e+0` and `10.0` are different values that denote the
/// same number: they compare equal when both are finite doubles of the same value.
fn same_number(expected: &serde_json::Number, actual: &serde_json::Number) -> bool {
    matches!((expected.as_f64(), actual.as_f64()), (Some(e), Some(a)) if e == a)
}

fn short(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 160 { format!("{}...", text.chars().take(160).collect::<String>()) } else { text }
}

/// A path relative to the shared directory, for messages.
pub fn relative(path: &Path, base: &Path) -> String {
    path.strip_prefix(base).unwrap_or(path).display().to_string()
}
