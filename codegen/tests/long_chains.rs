//! Chains thousands of shapes long: nested lists and structures held inline are refused once, at
//! the depth rustc stops compiling, and a chain of structures linked through lists generates. The
//! checks walk the model without recursion, so none of these overflows the stack, and each is
//! linear, so each finishes in moments (`cargo xtask codegen` on the release build takes well
//! under a second to refuse an 8,000-long chain).

use codegen::{Model, ModelAssembler, Settings};
use serde_json::{Map, Value, json};

/// The length of the chains validation refuses: long enough that a recursive walk would overflow
/// a test thread's stack, and that a walk quadratic in the chain would show.
const LENGTH: usize = 8_000;

/// The length of the chain that generates: each link is a type with a file of its own, so a
/// shorter chain keeps the unoptimised test build quick.
const GENERATED_LENGTH: usize = 2_000;

/// A service whose one operation's input holds `head`, the first link of `chain`.
fn model(chain: Map<String, Value>, head: &str) -> Model {
    let mut shapes = Map::new();
    shapes.insert("ex#Svc".into(), json!({"type": "service", "version": "1", "operations": [{"target": "ex#Op"}]}));
    shapes.insert("ex#Op".into(), json!({"type": "operation", "input": {"target": "ex#In"}}));
    shapes.insert("ex#In".into(), json!({"type": "structure", "members": {"head": {"target": head}}}));
    shapes.extend(chain);
    let mut assembler = ModelAssembler::new();
    assembler.add_json_value("chain.json", json!({"smithy": "2.0", "shapes": shapes}));
    assembler.assemble().expect("the chain loads")
}

/// The one diagnostic validation gives `model`, as `shape: message`.
fn the_one_diagnostic(model: &Model) -> String {
    let found = codegen::validate(model).expect_err("the chain is refused");
    let found: Vec<String> =
        found.iter().map(|d| format!("{}: {}", d.shape.as_deref().unwrap_or("-"), d.message)).collect();
    assert_eq!(found.len(), 1, "{found:#?}");
    found.into_iter().next().unwrap()
}

#[test]
fn thousands_of_nested_lists_are_refused_once_at_the_first_level_too_deep() {
    let mut chain = Map::new();
    let mut inner = "smithy.api#String".to_owned();
    for level in 1..=LENGTH {
        chain.insert(format!("ex#L{level}"), json!({"type": "list", "member": {"target": inner}}));
        inner = format!("ex#L{level}");
    }
    let found = the_one_diagnostic(&model(chain, &inner));
    assert!(found.starts_with("ex#L126: nests lists and maps 126 deep"), "{found}");
}

#[test]
fn thousands_of_structures_held_inline_are_refused_once() {
    let mut chain = Map::new();
    for link in 0..LENGTH {
        let mut members = json!({"value": {"target": "smithy.api#String"}});
        if link + 1 < LENGTH {
            members["next"] = json!({"target": format!("ex#S{}", link + 1)});
        }
        chain.insert(format!("ex#S{link}"), json!({"type": "structure", "members": members}));
    }
    let found = the_one_diagnostic(&model(chain, "ex#S0"));
    assert!(found.contains("holds structures and unions inline 65 deep"), "{found}");
}

#[test]
fn thousands_of_structures_linked_through_lists_generate_one_type_each() {
    let mut chain = Map::new();
    for link in 0..GENERATED_LENGTH {
        let mut members = json!({"value": {"target": "smithy.api#String"}});
        if link + 1 < GENERATED_LENGTH {
            members["next"] = json!({"target": format!("ex#N{}", link + 1)});
            chain.insert(
                format!("ex#N{}", link + 1),
                json!({"type": "list", "member": {"target": format!("ex#S{}", link + 1)}}),
            );
        }
        chain.insert(format!("ex#S{link}"), json!({"type": "structure", "members": members}));
    }
    let files = codegen::generate(&model(chain, "ex#S0"), &Settings::new("chain")).expect("the chain generates");
    let types = files.iter().filter(|(path, _)| path.starts_with("src/types/_s")).count();
    assert_eq!(types, GENERATED_LENGTH, "one file per structure of the chain");
}
