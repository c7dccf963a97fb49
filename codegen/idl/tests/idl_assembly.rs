//! Assembly features, one test each: shape id resolution across files, `apply`,
//! mixins and elided members, JSON AST sources, the prelude and mixin flattening.
//! These always run; they need nothing from `../shared`.

use serde_json::{Value, json};

fn ast(idl: &str) -> Value {
    smithy_idl::parse_file("test.smithy", idl).unwrap_or_else(|e| panic!("{e}"))
}

fn shapes(idl: &str) -> Value {
    ast(idl)["shapes"].clone()
}

fn assemble(files: &[(&str, &str)]) -> Value {
    let mut assembler = smithy_idl::Assembler::new();
    for (path, text) in files {
        assembler.add_source(*path, text.as_bytes());
    }
    assembler.assemble().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn metadata_lists_concatenate_across_files() {
    let model = assemble(&[
        ("a.smithy", "$version: \"2\"\nmetadata tags = [\"a\"]\nmetadata same = 1\n"),
        ("b.smithy", "$version: \"2\"\nmetadata tags = [\"b\"]\nmetadata same = 1\n"),
    ]);
    assert_eq!(model["metadata"], json!({"tags": ["a", "b"], "same": 1}));
}

#[test]
fn mixins_keep_only_local_members_and_traits() {
    let shapes = shapes(
        r#"$version: "2"
namespace ex

@mixin
@sensitive
structure Base {
    id: String
}

@tags(["x"])
structure User with [Base] {
    @required
    $id
    name: String
}
"#,
    );
    assert_eq!(
        shapes["ex#User"],
        json!({
            "type": "structure",
            "mixins": [{"target": "ex#Base"}],
            "members": {"name": {"target": "smithy.api#String"}},
            "traits": {"smithy.api#tags": ["x"]}
        })
    );
    // The trait added to the inherited member is kept as an apply entry.
    assert_eq!(shapes["ex#User$id"], json!({"type": "apply", "traits": {"smithy.api#required": {}}}));
}

#[test]
fn elided_members_prefer_the_resource_then_mixins() {
    let shapes = shapes(
        r#"$version: "2"
namespace ex

resource Thing {
    identifiers: {id: String}
    properties: {size: Integer}
}

@mixin
structure HasLabel { label: String }

structure ThingSummary for Thing with [HasLabel] {
    $id
    $size
    $label
}
"#,
    );
    assert_eq!(
        shapes["ex#ThingSummary"]["members"],
        json!({"id": {"target": "smithy.api#String"}, "size": {"target": "smithy.api#Integer"}})
    );
    assert!(shapes.get("ex#ThingSummary$label").is_none());
}

#[test]
fn apply_statements_merge_into_shapes_and_members() {
    let shapes = shapes(
        r#"$version: "2"
namespace ex

@tags(["a"])
structure Foo {
    bar: String
}

apply Foo @tags(["b"])
apply Foo$bar {
    @documentation("Bar.")
    @required
}
"#,
    );
    assert_eq!(
        shapes["ex#Foo"],
        json!({
            "type": "structure",
            "members": {"bar": {"target": "smithy.api#String", "traits": {
                "smithy.api#documentation": "Bar.",
                "smithy.api#required": {}
            }}},
            "traits": {"smithy.api#tags": ["a", "b"]}
        })
    );
}

#[test]
fn apply_to_a_shape_of_another_file() {
    // Read alone, the file keeps an apply entry; assembled, the traits are merged.
    let a = "$version: \"2\"\nnamespace ex\napply other#Foo @documentation(\"Hi\")\n";
    let b = "$version: \"2\"\nnamespace other\nstring Foo\n";
    assert_eq!(shapes(a)["other#Foo"], json!({"type": "apply", "traits": {"smithy.api#documentation": "Hi"}}));
    let model = assemble(&[("a.smithy", a), ("b.smithy", b)]);
    assert_eq!(model["shapes"]["other#Foo"], json!({"type": "string", "traits": {"smithy.api#documentation": "Hi"}}));
}

#[test]
fn relative_ids_resolve_through_use_then_namespace_then_prelude() {
    let model = assemble(&[
        (
            "main.smithy",
            r#"$version: "2"
namespace ex

use other#String

structure S {
    imported: String
    local: Local
    prelude: Integer
    absolute: smithy.api#String
    forward: Later
}

string Local
"#,
        ),
        ("other.smithy", "$version: \"2\"\nnamespace other\nstring String\n"),
        ("later.smithy", "$version: \"2\"\nnamespace ex\nstring Later\n"),
    ]);
    let members = &model["shapes"]["ex#S"]["members"];
    assert_eq!(members["imported"]["target"], "other#String");
    assert_eq!(members["local"]["target"], "ex#Local");
    assert_eq!(members["prelude"]["target"], "smithy.api#Integer");
    assert_eq!(members["absolute"]["target"], "smithy.api#String");
    assert_eq!(members["forward"]["target"], "ex#Later");
}

#[test]
fn a_namespace_shape_hides_the_prelude_shape_of_the_same_name() {
    let shapes =
        shapes("$version: \"2\"\nnamespace ex\n@documentation(\"x\")\nstring S\n@trait\nstring documentation\n");
    assert_eq!(shapes["ex#S"]["traits"], json!({"ex#documentation": "x"}));
}

#[test]
fn json_and_idl_sources_assemble_together() {
    let json = r#"{
        "smithy": "2.0",
        "metadata": {"m": ["j"]},
        "shapes": {
            "ex#FromJson": {"type": "string"},
            "ex#FromIdl$a": {"type": "apply", "traits": {"smithy.api#documentation": "A."}}
        }
    }"#;
    let idl = "$version: \"2\"\nmetadata m = [\"i\"]\nnamespace ex\nstructure FromIdl { a: FromJson }\n";
    let model = assemble(&[("model.json", json), ("model.smithy", idl)]);
    assert_eq!(model["metadata"], json!({"m": ["j", "i"]}));
    assert_eq!(
        model["shapes"]["ex#FromIdl"]["members"]["a"],
        json!({"target": "ex#FromJson", "traits": {"smithy.api#documentation": "A."}})
    );
    assert_eq!(model["shapes"]["ex#FromJson"], json!({"type": "string"}));
}

#[test]
fn prelude_files_are_accepted_but_not_written() {
    let prelude = "$version: \"2\"\nnamespace smithy.api\nstring String\n";
    let model = assemble(&[("prelude.smithy", prelude), ("m.smithy", "$version: \"2\"\nnamespace ex\nstring S\n")]);
    assert_eq!(model, json!({"smithy": "2.0", "shapes": {"ex#S": {"type": "string"}}}));
}

#[test]
fn flatten_mixins_copies_members_and_traits() {
    let mut model = ast(r#"$version: "2"
namespace ex

@mixin(localTraits: [internal])
@internal
@sensitive
structure Base {
    /// Id.
    id: String
}

@documentation("User.")
structure User with [Base] {
    @required
    $id
    name: String
}

operation Op with [OpBase] { errors: [E2] }

@mixin
operation OpBase { errors: [E1] }

@error("client")
structure E1 {}

@error("client")
structure E2 {}
"#);
    smithy_idl::flatten_mixins(&mut model).unwrap();
    let shapes = &model["shapes"];
    assert!(shapes.get("ex#Base").is_none());
    assert!(shapes.get("ex#OpBase").is_none());
    assert!(shapes.get("ex#User$id").is_none());
    assert_eq!(
        shapes["ex#User"],
        json!({
            "type": "structure",
            "members": {
                "id": {"target": "smithy.api#String", "traits": {
                    "smithy.api#documentation": "Id.",
                    "smithy.api#required": {}
                }},
                "name": {"target": "smithy.api#String"}
            },
            "traits": {"smithy.api#sensitive": {}, "smithy.api#documentation": "User."}
        })
    );
    let names: Vec<&String> = shapes["ex#User"]["members"].as_object().unwrap().keys().collect();
    assert_eq!(names, ["id", "name"]);
    assert_eq!(shapes["ex#Op"], json!({"type": "operation", "errors": [{"target": "ex#E1"}, {"target": "ex#E2"}]}));
}

#[test]
fn flatten_mixins_reports_cycles() {
    let mut model = json!({
        "smithy": "2.0",
        "shapes": {
            "ex#A": {"type": "structure", "mixins": [{"target": "ex#B"}], "traits": {"smithy.api#mixin": {}}},
            "ex#B": {"type": "structure", "mixins": [{"target": "ex#A"}], "traits": {"smithy.api#mixin": {}}}
        }
    });
    let errors = smithy_idl::flatten_mixins(&mut model).unwrap_err();
    assert_eq!(errors.to_string(), "error: shape `ex#A` is part of a mixin cycle");
}
