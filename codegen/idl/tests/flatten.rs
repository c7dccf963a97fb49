//! Mixin flattening against the fixtures: each `X.flattened.smithy` is the flattened
//! form of `X.smithy`, and in `shapes/ast-serialization/cases/v2` the `X.1.0.json` files
//! hold the Smithy 1.0 form of `X.json`, which for the cases listed below is the
//! flattened form. Skipped, with a note, when `../shared` is absent.

mod common;

use serde_json::Value;

fn read(path: &std::path::Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

fn flattened(mut ast: Value) -> Result<Value, String> {
    smithy_idl::flatten_mixins(&mut ast).map_err(|e| e.to_string())?;
    common::normalize(&mut ast);
    Ok(ast)
}

#[test]
fn flattening_idl_fixtures_gives_their_flattened_form() {
    let Some(shared) = common::shared_dir() else {
        eprintln!("note: ../shared is absent; flattening fixtures skipped");
        return;
    };
    let root = shared.join("smithy/fixtures");
    let mut failures = Vec::new();
    let mut total = 0;
    for flat in common::files_with_suffix(&root, ".flattened.smithy") {
        let original = std::path::PathBuf::from(flat.to_string_lossy().replace(".flattened.smithy", ".smithy"));
        if !original.is_file() {
            continue;
        }
        total += 1;
        let name = common::relative(&original, &root);
        let result = smithy_idl::parse_file(&name, &read(&original)).map_err(|e| e.to_string()).and_then(flattened);
        let expected = smithy_idl::parse_file(&name, &read(&flat))
            .map(|mut ast| {
                common::normalize(&mut ast);
                ast
            })
            .map_err(|e| e.to_string());
        match (result, expected) {
            (Ok(actual), Ok(expected)) => {
                let diff = common::diff(&expected, &actual);
                if !diff.is_empty() {
                    failures.push(format!("{name}:\n{}", diff.join("\n")));
                }
            }
            (Err(e), _) | (_, Err(e)) => failures.push(format!("{name}: {e}")),
        }
    }
    eprintln!("flattened IDL fixtures: {}/{total} match", total - failures.len());
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The cases whose 1.0 form differs from the 2.0 form by flattening alone. The others
/// (`data-mixins`, `enums`) also downgrade 2.0 features to 1.0 (`@box` traits, enum
/// shapes written as strings with `@enum`, defaults dropped), which is out of scope.
const PURE_FLATTENING: &[&str] =
    &["operation-mixins.json", "resource-mixins.json", "service-mixins-with-overrides.json", "service-mixins.json"];

#[test]
fn flattening_json_fixtures_gives_their_1_0_form() {
    let Some(shared) = common::shared_dir() else {
        eprintln!("note: ../shared is absent; flattening fixtures skipped");
        return;
    };
    let root = shared.join("smithy/fixtures/shapes/ast-serialization/cases/v2");
    let mut failures = Vec::new();
    let mut total = 0;
    for flat in common::files_with_suffix(&root, ".1.0.json") {
        let original = std::path::PathBuf::from(flat.to_string_lossy().replace(".1.0.json", ".json"));
        let name = common::relative(&original, &root);
        if !PURE_FLATTENING.contains(&name.as_str()) {
            continue;
        }
        total += 1;
        let actual = flattened(serde_json::from_str(&read(&original)).unwrap());
        let mut expected: Value = serde_json::from_str(&read(&flat)).unwrap();
        common::normalize(&mut expected);
        match actual {
            Ok(mut actual) => {
                // The version is that of the 1.0 form, which flattening does not produce.
                actual["smithy"] = expected["smithy"].clone();
                let diff = common::diff(&expected, &actual);
                if !diff.is_empty() {
                    failures.push(format!("{name}:\n{}", diff.join("\n")));
                }
            }
            Err(e) => failures.push(format!("{name}: {e}")),
        }
    }
    eprintln!("flattened JSON fixtures: {}/{total} match", total - failures.len());
    assert_eq!(total, PURE_FLATTENING.len(), "some listed cases are missing");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
