//! `Settings::operations`: a crate of only some operations and the shapes they reach.

use codegen::{ModelAssembler, Settings};

fn model() -> codegen::Model {
    let model = serde_json::json!({
        "smithy": "2.0",
        "shapes": {
            "example#Service": {
                "type": "service",
                "version": "1",
                "operations": [{ "target": "example#GetThing" }, { "target": "example#PutThing" }]
            },
            "example#GetThing": {
                "type": "operation",
                "input": { "target": "example#GetThingInput" },
                "output": { "target": "smithy.api#Unit" }
            },
            "example#PutThing": {
                "type": "operation",
                "input": { "target": "example#PutThingInput" },
                "output": { "target": "smithy.api#Unit" }
            },
            "example#GetThingInput": {
                "type": "structure",
                "members": { "id": { "target": "smithy.api#String" } }
            },
            "example#PutThingInput": {
                "type": "structure",
                "members": { "thing": { "target": "example#Thing" } }
            },
            "example#Thing": {
                "type": "structure",
                "members": { "name": { "target": "smithy.api#String" } }
            }
        }
    });
    let mut assembler = ModelAssembler::new();
    assembler.add_json_value("model.json", model);
    assembler.assemble().expect("the model loads")
}

#[test]
fn only_the_named_operations_and_what_they_reach_are_generated() {
    let model = model();
    let all = codegen::generate(&model, &Settings::new("example")).expect("generates");
    assert!(all.get("src/operation/put_thing.rs").is_some());
    assert!(all.get("src/types/_thing.rs").is_some());

    for only in [["GetThing"], ["example#GetThing"]] {
        let some = codegen::generate(&model, &Settings::new("example").operations(only)).expect("generates");
        assert!(some.get("src/operation/get_thing.rs").is_some());
        assert!(some.get("src/operation/put_thing.rs").is_none(), "{only:?}");
        assert!(some.get("src/types/_thing.rs").is_none(), "a shape only PutThing reaches: {only:?}");
    }
}

#[test]
fn an_operation_the_service_does_not_bind_is_reported() {
    let problems = codegen::generate(&model(), &Settings::new("example").operations(["GetThing", "DeleteThing"]))
        .expect_err("DeleteThing is not an operation of the service");
    let text = problems.to_string();
    assert!(text.contains("DeleteThing") && text.contains("example#Service"), "{text}");
    assert!(!text.contains("GetThing`"), "{text}");
}
