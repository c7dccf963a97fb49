//! JSON AST sources: parsing and checking their top-level structure, then adding their
//! shapes, apply entries and metadata to the assembly. Their shapes are taken as they
//! are: the JSON AST already holds absolute ids only.

use std::collections::HashMap;

use serde_json::Value;
use smithy_core::shape_id::{ShapeIdParts, split_member};
use smithy_core::traits::ApplyEntry;
use smithy_core::{ShapeType, SourceFile, parse_json};

use super::{Assembly, PendingApply};
use crate::reporter::Reporter;

pub(crate) struct JsonFile {
    version: Option<String>,
    metadata: Vec<(String, Value, usize)>,
    /// Shape id, shape and the offset of its key.
    shapes: Vec<(String, Value, usize)>,
}

/// The offset of the first occurrence of each object key (a string followed by `:`) in
/// a JSON text, to locate messages: `serde_json::Value` keeps no positions. One pass.
fn key_offsets(text: &str) -> HashMap<&str, usize> {
    let bytes = text.as_bytes();
    let mut offsets = HashMap::new();
    let mut i = 0;
    while let Some(found) = bytes.get(i..).and_then(|rest| rest.iter().position(|&b| b == b'"')) {
        let start = i + found;
        let mut end = start + 1;
        while let Some(&b) = bytes.get(end) {
            match b {
                b'\\' => end += 2,
                b'"' => break,
                _ => end += 1,
            }
        }
        let after = text.get(end + 1..).unwrap_or("");
        if after.trim_start().starts_with(':')
            && let Some(key) = text.get(start + 1..end)
        {
            offsets.entry(key).or_insert(start);
        }
        i = end + 1;
    }
    offsets
}

pub(super) fn parse(file: &SourceFile, index: usize, reporter: &mut Reporter<'_>) -> Option<JsonFile> {
    let text = &file.text;
    let offsets = key_offsets(text);
    let key_offset = |key: &str| offsets.get(key).copied().unwrap_or(0);
    let root: Value = match parse_json(text) {
        Ok(root) => root,
        Err(error) => {
            let offset = file.offset_of(error.line, error.column);
            reporter.located(index, offset, error.diagnostic(file));
            return None;
        }
    };
    let Value::Object(mut root) = root else {
        reporter.error(index, 0, "a JSON AST model must be an object");
        return None;
    };
    let version = match root.get("smithy").and_then(Value::as_str) {
        Some("2" | "2.0") => Some("2.0".to_string()),
        Some("1" | "1.0") => Some("1.0".to_string()),
        Some(other) => {
            let message = format!("unsupported Smithy version \"{}\"", other.escape_debug());
            reporter.error(index, key_offset("smithy"), message);
            None
        }
        None => {
            reporter.error(index, 0, "a JSON AST model needs a `smithy` version string");
            None
        }
    };
    let mut metadata = Vec::new();
    match root.remove("metadata") {
        None => {}
        Some(Value::Object(entries)) => {
            for (key, value) in entries {
                let at = key_offset(&key);
                metadata.push((key, value, at));
            }
        }
        Some(_) => reporter.error(index, key_offset("metadata"), "`metadata` must be an object"),
    }
    let mut shapes = Vec::new();
    match root.remove("shapes") {
        None => {}
        Some(Value::Object(entries)) => {
            for (id, shape) in entries {
                let at = key_offset(&id);
                let kind = shape.get("type").and_then(Value::as_str);
                let valid_id = ShapeIdParts::parse(&id)
                    .is_ok_and(|parts| parts.namespace.is_some() && (parts.member.is_none() || kind == Some("apply")));
                if !valid_id {
                    reporter.error(index, at, format!("`{id}` is not an absolute shape id"));
                    continue;
                }
                match kind {
                    Some("apply") => {}
                    Some(kind) if ShapeType::from_keyword(kind).is_some() => {}
                    _ => {
                        reporter.error(index, at, format!("shape `{id}` has no valid `type`"));
                        continue;
                    }
                }
                shapes.push((id, shape, at));
            }
        }
        Some(_) => reporter.error(index, key_offset("shapes"), "`shapes` must be an object"),
    }
    Some(JsonFile { version, metadata, shapes })
}

impl Assembly<'_, '_> {
    pub(super) fn define_json_shapes(&mut self, file: usize, model: &JsonFile) -> Vec<bool> {
        model
            .shapes
            .iter()
            .map(|(id, shape, at)| {
                let kind = shape.get("type").and_then(Value::as_str).and_then(ShapeType::from_keyword);
                match kind {
                    Some(kind) => self.define(id, kind, file, *at),
                    None => false,
                }
            })
            .collect()
    }

    pub(super) fn add_json_file(&mut self, file: usize, model: JsonFile, defined: &[bool]) {
        if let Some(version) = model.version {
            self.versions.push(version);
        }
        for (key, value, at) in model.metadata {
            self.merge_metadata(key, value, (file, at));
        }
        for (index, (id, shape, at)) in model.shapes.into_iter().enumerate() {
            if shape.get("type").and_then(Value::as_str) == Some("apply") {
                let (root, _) = split_member(&id);
                if !self.is_known_absolute(root) {
                    self.error(file, at, format!("apply entry targets unknown shape `{root}`"));
                    continue;
                }
                let entry = match ApplyEntry::parse(&id, shape) {
                    Ok(entry) => entry,
                    Err(message) => {
                        self.error(file, at, format!("apply entry `{id}`: {message}"));
                        continue;
                    }
                };
                self.applies.push(PendingApply {
                    file,
                    at,
                    target: id,
                    traits: entry.traits.into_iter().map(|(k, v)| (k, v, at)).collect(),
                    from_prelude: false,
                });
            } else if defined.get(index) == Some(&true) {
                self.shapes.insert(id, shape);
            }
        }
    }
}
