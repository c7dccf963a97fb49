//! Models written in the Smithy IDL generate exactly what the same models in JSON AST do.

use codegen::Settings;
use xtask::{models, workspace_root};

#[test]
fn an_idl_model_generates_the_same_crate_as_its_json_ast_twin() {
    let root = workspace_root();
    let settings = Settings::new("golden-enums").generated_by("the same command");
    let from_json = models::load(&[root.join("tests/golden/enums/model.json")]).expect("the JSON model loads");
    let from_idl = models::load(&[root.join("tests/idl/enums.smithy")]).expect("the IDL model loads");
    let json_files = codegen::generate(&from_json, &settings).expect("generates");
    let idl_files = codegen::generate(&from_idl, &settings).expect("generates");
    let differing: Vec<&str> =
        json_files.iter().filter(|(path, text)| idl_files.get(path) != Some(*text)).map(|(path, _)| path).collect();
    assert!(differing.is_empty(), "files differ: {differing:?}");
    assert_eq!(json_files.len(), idl_files.len());
}
