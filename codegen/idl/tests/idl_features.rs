//! One test per IDL feature: small inline models and the JSON AST they must produce.
//! These always run; they need nothing from `../shared`.

use serde_json::{Value, json};

fn ast(idl: &str) -> Value {
    smithy_idl::parse_file("test.smithy", idl).unwrap_or_else(|e| panic!("{e}"))
}

fn shapes(idl: &str) -> Value {
    ast(idl)["shapes"].clone()
}

#[test]
fn version_statement_is_normalised() {
    assert_eq!(ast("$version: \"2\"\n"), json!({"smithy": "2.0"}));
    assert_eq!(ast("$version: \"2.0\"\n"), json!({"smithy": "2.0"}));
    assert_eq!(ast("$version: \"1.0\"\n"), json!({"smithy": "1.0"}));
    // Without a version statement a file is a 1.0 file, as in Smithy's own loader.
    assert_eq!(ast("namespace a.b\n"), json!({"smithy": "1.0"}));
}

#[test]
fn unknown_control_statements_are_ignored() {
    assert_eq!(ast("$version: \"2\"\n$custom: {a: [1, 2]}\n$\"quoted\": true\n"), json!({"smithy": "2.0"}));
}

#[test]
fn metadata_values_and_syntactic_shape_ids() {
    let model = ast(r#"$version: "2"
metadata greeting = "hello"
metadata "list" = [1, -2.5, 1e3, true, null]
metadata object = {String: String, "quoted key": required, nested: {id: a.b#C$d}}
"#);
    assert_eq!(
        model,
        json!({
            "smithy": "2.0",
            "metadata": {
                "greeting": "hello",
                "list": serde_json::from_str::<serde_json::Value>("[1, -2.5, 1e3, true, null]").unwrap(),
                "object": {
                    "String": "smithy.api#String",
                    "quoted key": "smithy.api#required",
                    "nested": {"id": "a.b#C$d"}
                }
            }
        })
    );
}

#[test]
fn numbers_keep_integer_or_decimal_form() {
    let model = ast("$version: \"2\"\nmetadata n = [0, -0, 10, 9223372036854775808, 1.0, 1.5e2, 2E-1]\n");
    let n = &model["metadata"]["n"];
    assert_eq!(n[0], json!(0));
    assert_eq!(n[2], json!(10));
    assert!(n[2].is_u64());
    assert_eq!(n[3], json!(9223372036854775808u64));
    assert!(n[4].is_f64());
    assert_eq!(n[4], json!(1.0));
    assert!(n[5].is_f64());
    assert_eq!(n[5].as_f64(), Some(150.0));
    assert_eq!(n[6].as_f64(), Some(0.2));
}

#[test]
fn numbers_keep_their_text_past_the_range_of_doubles() {
    let text = "[1.5e2, 0.100000000000000000000001, -123456789012345678901234567890, 2E+308]";
    let model = ast(&format!("$version: \"2\"\nmetadata n = {text}\n"));
    let written: Vec<String> = model["metadata"]["n"].as_array().unwrap().iter().map(|n| n.to_string()).collect();
    // The digits are kept; serde_json writes an exponent in one form.
    assert_eq!(written, ["1.5e+2", "0.100000000000000000000001", "-123456789012345678901234567890", "2e+308"]);
}

#[test]
fn simple_shapes_of_every_type() {
    let mut idl = String::from("$version: \"2\"\nnamespace ex\n");
    let types = [
        "blob",
        "boolean",
        "document",
        "string",
        "byte",
        "short",
        "integer",
        "long",
        "float",
        "double",
        "bigInteger",
        "bigDecimal",
        "timestamp",
    ];
    for t in types {
        idl.push_str(&format!("{t} My{t}\n"));
    }
    let shapes = shapes(&idl);
    for t in types {
        assert_eq!(shapes[format!("ex#My{t}")], json!({"type": t}));
    }
}

#[test]
fn structures_with_traits_defaults_and_member_order() {
    let shapes = shapes(
        r#"$version: "2"
namespace ex

@length(min: 1)
structure Person {
    @required
    name: String

    age: Integer = 0
    tags: TagList = []
    zeta: smithy.api#Boolean = false
}

list TagList {
    @length(max: 10)
    member: String
}

map Scores { key: String, value: Integer }

union Choice { a: String, b: Integer }
"#,
    );
    assert_eq!(
        shapes["ex#Person"],
        json!({
            "type": "structure",
            "members": {
                "name": {"target": "smithy.api#String", "traits": {"smithy.api#required": {}}},
                "age": {"target": "smithy.api#Integer", "traits": {"smithy.api#default": 0}},
                "tags": {"target": "ex#TagList", "traits": {"smithy.api#default": []}},
                "zeta": {"target": "smithy.api#Boolean", "traits": {"smithy.api#default": false}}
            },
            "traits": {"smithy.api#length": {"min": 1}}
        })
    );
    let names: Vec<&String> = shapes["ex#Person"]["members"].as_object().unwrap().keys().collect();
    assert_eq!(names, ["name", "age", "tags", "zeta"]);
    assert_eq!(
        shapes["ex#TagList"],
        json!({"type": "list", "member": {"target": "smithy.api#String", "traits": {"smithy.api#length": {"max": 10}}}})
    );
    assert_eq!(
        shapes["ex#Scores"],
        json!({"type": "map", "key": {"target": "smithy.api#String"}, "value": {"target": "smithy.api#Integer"}})
    );
    assert_eq!(shapes["ex#Choice"]["members"]["b"], json!({"target": "smithy.api#Integer"}));
}

#[test]
fn enums_get_values_explicit_or_implicit() {
    let shapes = shapes(
        r#"$version: "2"
namespace ex

enum Suit {
    /// The best suit.
    @deprecated
    DIAMOND = "diamond"
    CLUB
    @enumValue("h")
    HEART
}

intEnum Level {
    LOW = 1
    HIGH = 10
}
"#,
    );
    assert_eq!(
        shapes["ex#Suit"]["members"],
        json!({
            "DIAMOND": {"target": "smithy.api#Unit", "traits": {
                "smithy.api#documentation": "The best suit.",
                "smithy.api#deprecated": {},
                "smithy.api#enumValue": "diamond"
            }},
            "CLUB": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "CLUB"}},
            "HEART": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "h"}}
        })
    );
    assert_eq!(
        shapes["ex#Level"]["members"]["HIGH"],
        json!({"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": 10}})
    );
}

#[test]
fn services_resources_and_operations() {
    let shapes = shapes(
        r#"$version: "2"
namespace ex

service Store {
    version: "2024-01-01"
    operations: [Ping]
    resources: [Item]
    errors: [Oops]
    rename: {"ex#Item": "Thing"}
}

resource Item {
    identifiers: {id: String}
    properties: {name: String}
    read: GetItem
    list: Ping
    collectionOperations: [Ping]
}

@readonly
operation GetItem {
    input: GetItemInput
    output: Unit
    errors: [Oops]
}

structure GetItemInput for Item {
    @required
    $id
}

operation Ping {}

@error("client")
structure Oops {}
"#,
    );
    assert_eq!(
        shapes["ex#Store"],
        json!({
            "type": "service",
            "version": "2024-01-01",
            "operations": [{"target": "ex#Ping"}],
            "resources": [{"target": "ex#Item"}],
            "errors": [{"target": "ex#Oops"}],
            "rename": {"ex#Item": "Thing"}
        })
    );
    assert_eq!(
        shapes["ex#Item"],
        json!({
            "type": "resource",
            "identifiers": {"id": {"target": "smithy.api#String"}},
            "properties": {"name": {"target": "smithy.api#String"}},
            "read": {"target": "ex#GetItem"},
            "list": {"target": "ex#Ping"},
            "collectionOperations": [{"target": "ex#Ping"}]
        })
    );
    assert_eq!(
        shapes["ex#GetItem"],
        json!({
            "type": "operation",
            "input": {"target": "ex#GetItemInput"},
            "output": {"target": "smithy.api#Unit"},
            "errors": [{"target": "ex#Oops"}],
            "traits": {"smithy.api#readonly": {}}
        })
    );
    assert_eq!(
        shapes["ex#GetItemInput"]["members"]["id"],
        json!({"target": "smithy.api#String", "traits": {"smithy.api#required": {}}})
    );
    assert_eq!(shapes["ex#Ping"], json!({"type": "operation"}));
}

#[test]
fn inline_input_and_output_structures() {
    let shapes = shapes(
        r#"$version: "2"
namespace ex

@mixin
structure Base { id: String }

operation GetUser {
    input := {
        name: String
    }
    output :=
        /// The user.
        @sensitive
        with [Base] {}
}
"#,
    );
    assert_eq!(
        shapes["ex#GetUser"],
        json!({"type": "operation", "input": {"target": "ex#GetUserInput"}, "output": {"target": "ex#GetUserOutput"}})
    );
    assert_eq!(
        shapes["ex#GetUserInput"],
        json!({"type": "structure", "members": {"name": {"target": "smithy.api#String"}}, "traits": {"smithy.api#input": {}}})
    );
    assert_eq!(
        shapes["ex#GetUserOutput"],
        json!({
            "type": "structure",
            "mixins": [{"target": "ex#Base"}],
            "traits": {
                "smithy.api#documentation": "The user.",
                "smithy.api#sensitive": {},
                "smithy.api#output": {}
            }
        })
    );
}

#[test]
fn inline_structure_suffixes_come_from_control_statements() {
    let shapes = shapes(
        "$version: \"2\"\n$operationInputSuffix: \"Request\"\n$operationOutputSuffix: \"Response\"\nnamespace ex\noperation Op {\n    input := {}\n    output := {}\n}\n",
    );
    assert_eq!(shapes["ex#Op"]["input"], json!({"target": "ex#OpRequest"}));
    assert_eq!(shapes["ex#OpResponse"]["traits"], json!({"smithy.api#output": {}}));
}

#[test]
fn omitted_trait_values_default_by_trait_type() {
    let shapes = shapes(
        r#"$version: "2"
namespace ex

@trait
structure marker {}

@trait
list names { member: String }

@trait
string label

@marker
@names
@label
@sensitive()
@tags
string Thing
"#,
    );
    assert_eq!(
        shapes["ex#Thing"]["traits"],
        json!({
            "ex#marker": {},
            "ex#names": [],
            "ex#label": null,
            "smithy.api#sensitive": {},
            "smithy.api#tags": []
        })
    );
}

#[test]
fn trait_values_of_every_form() {
    let shapes = shapes(
        r#"$version: "2"
namespace ex

use other.ns#Imported

@trait
document anything

@anything({
    list: [1, "two", three, Imported, ex#Thing$member, smithy.api#String]
    "quoted": """
        Text block
          indented.
        """
})
@paginated(inputToken: "token", pageSize: "size",)
@http(method: "GET", uri: "/", code: 200)
string Thing
"#,
    );
    let traits = &shapes["ex#Thing"]["traits"];
    assert_eq!(
        traits["ex#anything"],
        json!({
            "list": [1, "two", "ex#three", "other.ns#Imported", "ex#Thing$member", "smithy.api#String"],
            "quoted": "Text block\n  indented.\n"
        })
    );
    assert_eq!(traits["smithy.api#paginated"], json!({"inputToken": "token", "pageSize": "size"}));
    assert_eq!(traits["smithy.api#http"]["code"], json!(200));
}

#[test]
fn string_escapes_and_text_blocks() {
    let model = ast(r#"$version: "2"
metadata escapes = "q\" b\\ s\/ \b\f\n\r\t \u00e9 \uD83D\uDE00 line\
joined"
metadata block = """
    <div>
        <p>Hi\n    bar</p>
    </div>
    """
metadata noTrailingNewline = """
    Foo \
    Baz"""
metadata literalNewline = "a
b"
"#);
    let metadata = &model["metadata"];
    assert_eq!(metadata["escapes"], json!("q\" b\\ s/ \u{8}\u{c}\n\r\t é 😀 linejoined"));
    assert_eq!(metadata["block"], json!("<div>\n    <p>Hi\n    bar</p>\n</div>\n"));
    assert_eq!(metadata["noTrailingNewline"], json!("Foo Baz"));
    assert_eq!(metadata["literalNewline"], json!("a\nb"));
}

#[test]
fn crlf_line_endings_are_normalised() {
    let model = ast(
        "$version: \"2\"\r\nmetadata a = \"x\r\ny\"\r\nmetadata b = \"\"\"\r\n    one\r\n    two\"\"\"\r\nnamespace ex\r\n/// Doc\r\nstring S\r\n",
    );
    assert_eq!(model["metadata"], json!({"a": "x\ny", "b": "one\ntwo"}));
    assert_eq!(model["shapes"]["ex#S"]["traits"]["smithy.api#documentation"], json!("Doc"));
}

#[test]
fn documentation_comments_apply_only_before_shapes_and_members() {
    let shapes = shapes(
        r#"$version: "2"
namespace ex

/// Line one
///Line two
///    indented
@deprecated
/// Ignored: after traits.
structure Doc {
    /// Member docs.
    a: String /// Ignored: not first on its line.

    /// Ignored: dangling.
}

/// Ignored: before apply.
apply Doc @sensitive
"#,
    );
    assert_eq!(
        shapes["ex#Doc"],
        json!({
            "type": "structure",
            "members": {"a": {"target": "smithy.api#String", "traits": {"smithy.api#documentation": "Member docs."}}},
            "traits": {
                "smithy.api#documentation": "Line one\nLine two\n   indented",
                "smithy.api#deprecated": {},
                "smithy.api#sensitive": {}
            }
        })
    );
}

#[test]
fn commas_are_whitespace() {
    let shapes = shapes(
        "$version: \"2\",\nnamespace ex\n,,,\nmap M {key: String,,, value: String,}\n@tags([\"a\",,\"b\",])\nstring S\n",
    );
    assert_eq!(shapes["ex#M"]["value"], json!({"target": "smithy.api#String"}));
    assert_eq!(shapes["ex#S"]["traits"]["smithy.api#tags"], json!(["a", "b"]));
}
