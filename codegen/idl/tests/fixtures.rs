//! Each `X.smithy` under `../shared/smithy/fixtures` must read to the JSON AST in the
//! sibling `X.json` (compared as JSON values, with the equivalences `common::normalize`
//! documents). Skipped, with a note, when `../shared` is absent.

mod common;

use serde_json::Value;

#[test]
fn fixture_pairs_match_their_json_ast() {
    let Some(shared) = common::shared_dir() else {
        eprintln!("note: ../shared is absent; fixture pairs skipped");
        return;
    };
    let root = shared.join("smithy/fixtures");
    let mut matched = 0;
    let mut total = 0;
    let mut failures = Vec::new();
    for smithy in common::files_with_suffix(&root, ".smithy") {
        let json = smithy.with_extension("json");
        if !json.is_file() {
            continue;
        }
        total += 1;
        let name = common::relative(&smithy, &root);
        let text = std::fs::read_to_string(&smithy).unwrap();
        let expected_text = std::fs::read_to_string(&json).unwrap();
        match compare(&name, &text, &expected_text) {
            Ok(()) => matched += 1,
            Err(problem) => failures.push(problem),
        }
    }
    eprintln!("fixture pairs matched: {matched}/{total}");
    assert!(failures.is_empty(), "{} of {total} fixture pairs fail:\n\n{}", failures.len(), failures.join("\n\n"));
}

fn compare(name: &str, text: &str, expected_text: &str) -> Result<(), String> {
    let mut expected: Value =
        serde_json::from_str(expected_text).map_err(|e| format!("{name}: cannot read the expected JSON: {e}"))?;
    let mut actual = smithy_idl::parse_file(name, text).map_err(|e| format!("{name}: failed to parse:\n{e}"))?;
    common::normalize(&mut expected);
    common::normalize(&mut actual);
    let diff = common::diff(&expected, &actual);
    if diff.is_empty() { Ok(()) } else { Err(format!("{name}: JSON AST differs:\n{}", diff.join("\n"))) }
}
