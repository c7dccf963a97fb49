//! Each `X.smithy` under `../shared/smithy/fixtures` must read to the JSON AST in the
//! sibling `X.json` (compared as JSON values, with the equivalences `common::normalize`
//! documents). Skipped, with a note, when `../shared` is absent.

mod common;

use serde_json::Value;

/// Fixture pairs that cannot match as written, with the reason. Each lists the number
/// literals that `serde_json::Value` cannot hold (beyond the range of `f64`, so neither
/// the expected JSON nor this reader can represent them). The test checks that the
/// reader reports exactly those literals as errors, then compares the rest of the pair
/// with the literals replaced by `0` in both files. It fails if the pair ever parses.
const OUT_OF_RANGE_NUMBERS: &[(&str, &[&str])] =
    &[("loader/valid/traits.smithy", &["1.7976931348623157E+309", "2e+308", "2E+308"])];

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
        let mut text = std::fs::read_to_string(&smithy).unwrap();
        let mut expected_text = std::fs::read_to_string(&json).unwrap();
        if let Some((_, literals)) = OUT_OF_RANGE_NUMBERS.iter().find(|(n, _)| *n == name) {
            if let Err(problem) = check_out_of_range(&name, &text, literals) {
                failures.push(problem);
                continue;
            }
            for literal in *literals {
                text = text.replace(literal, "0");
                expected_text = expected_text.replace(literal, "0");
            }
        }
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

/// The reader must report each out-of-range literal, and nothing else.
fn check_out_of_range(name: &str, text: &str, literals: &[&str]) -> Result<(), String> {
    let diagnostics = match smithy_idl::parse_file(name, text) {
        Ok(_) => {
            return Err(format!("{name}: unexpectedly parses: remove it from OUT_OF_RANGE_NUMBERS"));
        }
        Err(diagnostics) => diagnostics,
    };
    let reported: Vec<&str> = diagnostics.iter().map(|d| d.message.as_str()).collect();
    let expected: Vec<String> = literals
        .iter()
        .map(|l| format!("number `{l}` is out of range (JSON numbers are read as 64-bit integers or doubles)"))
        .collect();
    if reported != expected {
        return Err(format!("{name}: expected exactly the out-of-range errors {expected:?}, got:\n{diagnostics}"));
    }
    Ok(())
}
