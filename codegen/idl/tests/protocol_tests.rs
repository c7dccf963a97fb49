//! The restJson1 protocol tests of `../shared/smithy/protocol-tests`, with the trait
//! definitions of `../shared/smithy/trait-defs`, form one model that must assemble
//! without error. Skipped, with a note, when `../shared` is absent.

mod common;

use serde_json::Value;

fn count_cases(ast: &Value, trait_id: &str) -> usize {
    let Some(shapes) = ast.get("shapes").and_then(Value::as_object) else {
        return 0;
    };
    shapes.values().filter_map(|shape| shape.get("traits")?.get(trait_id)?.as_array()).map(Vec::len).sum()
}

#[test]
fn protocol_tests_assemble_with_the_trait_definitions() {
    let Some(shared) = common::shared_dir() else {
        eprintln!("note: ../shared is absent; protocol tests skipped");
        return;
    };
    let protocol_tests = common::files_with_suffix(&shared.join("smithy/protocol-tests"), ".smithy");
    let trait_defs = common::files_with_suffix(&shared.join("smithy/trait-defs"), ".smithy");
    let mut assembler = smithy_idl::Assembler::new();
    for path in protocol_tests.iter().chain(&trait_defs) {
        let bytes = std::fs::read(path).unwrap();
        assembler.add_source(common::relative(path, &shared), &bytes);
    }
    let ast = match assembler.assemble() {
        Ok(ast) => ast,
        Err(diagnostics) => panic!("the protocol tests do not assemble:\n{diagnostics}"),
    };
    let requests = count_cases(&ast, "smithy.test#httpRequestTests");
    let responses = count_cases(&ast, "smithy.test#httpResponseTests");
    let malformed = count_cases(&ast, "smithy.test#httpMalformedRequestTests");
    eprintln!(
        "protocol-test files: {}, trait-definition files: {}; httpRequestTests: {requests}, httpResponseTests: {responses}, httpMalformedRequestTests: {malformed}",
        protocol_tests.len(),
        trait_defs.len()
    );
    assert!(requests > 0 && responses > 0);
}
