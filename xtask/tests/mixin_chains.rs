//! A model whose input structure sits at the end of an 8,000-deep mixin chain goes the whole
//! way a user's model goes (read from disk, assembled, flattened, loaded, generated) without
//! exhausting the stack.

use std::fs;
use std::path::Path;

use codegen::{Settings, ShapeId, ShapeKind};

#[test]
fn an_8000_deep_mixin_chain_generates() {
    let n = 8_000;
    let mut idl = String::from("$version: \"2\"\nnamespace ex\n\n@mixin\nstructure M0 { m0: String }\n");
    for i in 1..n {
        idl.push_str(&format!("@mixin\nstructure M{i} with [M{}] {{ m{i}: String }}\n", i - 1));
    }
    idl.push_str(&format!("structure In with [M{}] {{ last: Integer }}\n", n - 1));
    idl.push_str("service Svc { version: \"1\", operations: [Op] }\noperation Op { input: In }\n");
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("mixin_chains");
    fs::create_dir_all(&dir).expect("scratch directory");
    let path = dir.join("chain.smithy");
    fs::write(&path, idl).expect("write the model");

    let model = xtask::models::load(&[path]).unwrap_or_else(|e| panic!("{e}"));
    let input = model.shape(&ShapeId::parse("ex#In").unwrap()).expect("the input structure");
    let ShapeKind::Structure(members) = &input.kind else { panic!("{:?}", input.kind) };
    assert_eq!(members.len(), n + 1);
    assert_eq!((members[0].name.as_str(), members[n].name.as_str()), ("m0", "last"));
    assert!(model.shape(&ShapeId::parse("ex#M0").unwrap()).is_none(), "mixins are flattened away");

    let files = codegen::generate(&model, &Settings::new("chain")).unwrap_or_else(|e| panic!("{e}"));
    let input_module = files.iter().find(|(_, text)| text.contains("pub struct OpInput")).map(|(_, text)| text);
    let input_module = input_module.expect("the input structure is generated");
    assert!(input_module.contains("m7999") && input_module.contains("pub fn last("));
}
