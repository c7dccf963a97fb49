//! The JSON AST loader refuses what a lenient reader lets through silently: a key given twice
//! anywhere in a document, and a trait or metadata key given twice with conflicting values.
//! Each problem names the file and where in it, and a conflict names both places.

use codegen::{Diagnostics, Model, ModelAssembler, ShapeId};
use serde_json::json;

fn load(files: &[(&str, &str)]) -> Result<Model, Diagnostics> {
    let mut assembler = ModelAssembler::new();
    for (name, text) in files {
        assembler.add_json_ast(name, text);
    }
    assembler.assemble()
}

/// The 1-based line and column of the second occurrence of `needle` in `text`.
fn second_occurrence(text: &str, needle: &str) -> (usize, usize) {
    let first = text.find(needle).expect("a first occurrence");
    let second = first + 1 + text[first + 1..].find(needle).expect("a second occurrence");
    let before = &text[..second];
    let line = before.matches('\n').count() + 1;
    let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
    (line, column)
}

#[test]
fn a_key_given_twice_is_an_error_wherever_it_is() {
    // (where, the document, the key given twice)
    let cases = [
        (
            "a shape",
            "{\n  \"smithy\": \"2.0\",\n  \"shapes\": {\n    \"ex#S\": {\"type\": \"string\"},\n    \"ex#S\": {\"type\": \"integer\"}\n  }\n}",
            "ex#S",
        ),
        (
            "a member",
            "{\"smithy\": \"2.0\", \"shapes\": {\"ex#S\": {\"type\": \"structure\", \"members\": {\n  \"a\": {\"target\": \"smithy.api#String\"},\n  \"a\": {\"target\": \"smithy.api#Integer\"}\n}}}}",
            "a",
        ),
        (
            "a trait",
            "{\"smithy\": \"2.0\", \"shapes\": {\"ex#S\": {\"type\": \"string\", \"traits\": {\n  \"smithy.api#documentation\": \"One.\",\n  \"smithy.api#documentation\": \"Two.\"\n}}}}",
            "smithy.api#documentation",
        ),
        (
            "a node value",
            "{\"smithy\": \"2.0\", \"shapes\": {\"ex#S\": {\"type\": \"string\", \"traits\": {\n  \"smithy.api#length\": {\"min\": 1, \"max\": 5, \"min\": 2}\n}}}}",
            "min",
        ),
        ("metadata", "{\"smithy\": \"2.0\", \"metadata\": {\"m\": [1], \"m\": [2]}}", "m"),
        ("the top level", "{\"smithy\": \"2.0\", \"shapes\": {},\n\"smithy\": \"2.0\"}", "smithy"),
        (
            "an apply entry",
            "{\"smithy\": \"2.0\", \"shapes\": {\"ex#S\": {\"type\": \"string\"},\n  \"ex#S$m\": {\"type\": \"apply\", \"traits\": {}, \"traits\": {}}}}",
            "traits",
        ),
    ];
    for (place, text, key) in cases {
        let diagnostics = load(&[("m.json", text)]).expect_err(place).iter().cloned().collect::<Vec<_>>();
        assert_eq!(diagnostics.len(), 1, "{place}: {diagnostics:?}");
        let diagnostic = &diagnostics[0];
        assert_eq!(diagnostic.file.as_deref(), Some("m.json"), "{place}");
        assert_eq!(diagnostic.position, Some(second_occurrence(text, &format!("\"{key}\""))), "{place}");
        assert!(diagnostic.message.starts_with(&format!("duplicate key `{key}`")), "{place}: {diagnostic}");
        assert!(diagnostic.snippet.is_some(), "{place}: the source line is shown");
    }
    // The same key in different objects is not a duplicate.
    let text = r#"{"smithy": "2.0", "shapes": {"ex#A": {"type": "string", "traits": {"smithy.api#length": {"min": 1}}},
        "ex#B": {"type": "string", "traits": {"smithy.api#length": {"min": 1}}}}}"#;
    assert!(load(&[("m.json", text)]).is_ok());
}

const DOCUMENTED: &str = r#"{"smithy": "2.0", "shapes": {
    "ex#S": {"type": "structure", "members": {"m": {"target": "smithy.api#String"}},
             "traits": {"smithy.api#documentation": "From a.", "smithy.api#tags": ["a"]}}}}"#;

fn apply(target: &str, traits: serde_json::Value) -> String {
    json!({"smithy": "2.0", "shapes": {target: {"type": "apply", "traits": traits}}}).to_string()
}

#[test]
fn a_trait_applied_twice_merges_lists_and_equal_values() {
    let tags = apply("ex#S", json!({"smithy.api#tags": ["b"], "smithy.api#documentation": "From a."}));
    let model = load(&[("a.json", DOCUMENTED), ("b.json", &tags)]).unwrap_or_else(|e| panic!("{e}"));
    let shape = model.shape(&ShapeId::parse("ex#S").unwrap()).unwrap();
    assert_eq!(shape.traits.get("smithy.api#tags"), Some(&json!(["a", "b"])));
    assert_eq!(shape.traits.documentation(), Some("From a."));
}

#[test]
fn conflicting_trait_values_name_both_places() {
    let other = apply("ex#S", json!({"smithy.api#documentation": "From b."}));
    let errors = load(&[("a.json", DOCUMENTED), ("b.json", &other)]).unwrap_err().iter().cloned().collect::<Vec<_>>();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!((errors[0].file.as_deref(), errors[0].shape.as_deref()), (Some("b.json"), Some("ex#S")));
    assert!(
        errors[0].message.starts_with(
            "conflicting values for trait `smithy.api#documentation` on `ex#S`: it is already applied in the definition of `ex#S` in a.json"
        ),
        "{}",
        errors[0]
    );

    // Two apply entries for a member: the second names the first.
    let first = apply("ex#S$m", json!({"smithy.api#documentation": "One."}));
    let second = apply("ex#S$m", json!({"smithy.api#documentation": "Two."}));
    let errors = load(&[("a.json", DOCUMENTED), ("b.json", &first), ("c.json", &second)])
        .unwrap_err()
        .iter()
        .cloned()
        .collect::<Vec<_>>();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!((errors[0].file.as_deref(), errors[0].shape.as_deref()), (Some("c.json"), Some("ex#S$m")));
    assert!(errors[0].message.contains("it is already applied by an apply entry in b.json"), "{}", errors[0]);
}

#[test]
fn conflicting_metadata_names_both_files() {
    let a = r#"{"smithy": "2.0", "metadata": {"m": "one", "list": [1]}}"#;
    let b = r#"{"smithy": "2.0", "metadata": {"m": "two", "list": [2]}}"#;
    let errors = load(&[("a.json", a), ("b.json", b)]).unwrap_err().iter().cloned().collect::<Vec<_>>();
    assert_eq!(errors.len(), 1, "lists concatenate: {errors:?}");
    assert_eq!(errors[0].file.as_deref(), Some("b.json"));
    assert!(errors[0].message.starts_with("conflicting values for metadata `m`: it is already given in a.json"));
}
