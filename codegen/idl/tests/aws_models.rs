//! The AWS service models of `../shared/models/aws` (JSON AST) read as assembler sources:
//! their shapes must come out unchanged, and flatten without error. One model always
//! runs; all 327 run with `--ignored` (they take a while in a debug build). Skipped,
//! with a note, when `../shared` is absent.

mod common;

use serde_json::Value;

fn check(path: &std::path::Path) -> Result<(), String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let name = path.display().to_string();
    let mut assembler = smithy_idl::Assembler::new();
    assembler.add_source(&name, &bytes);
    let mut ast = assembler.assemble().map_err(|e| format!("{name}:\n{e}"))?;
    let original: Value = serde_json::from_slice(&bytes).map_err(|e| e.to_string())?;
    if ast["shapes"] != original["shapes"] {
        return Err(format!("{name}: shapes changed"));
    }
    smithy_idl::flatten_mixins(&mut ast).map_err(|e| format!("{name}: {e}"))
}

#[test]
fn the_seed_model_passes_through_unchanged() {
    let Some(shared) = common::shared_dir() else {
        eprintln!("note: ../shared is absent; AWS models skipped");
        return;
    };
    check(&shared.join("models/aws/amplifybackend.json")).unwrap();
}

#[test]
#[ignore = "reads 109 MB of models; run with --ignored"]
fn every_aws_model_passes_through_unchanged() {
    let Some(shared) = common::shared_dir() else {
        eprintln!("note: ../shared is absent; AWS models skipped");
        return;
    };
    let models = common::files_with_suffix(&shared.join("models/aws"), ".json");
    let failures: Vec<String> = models.iter().filter_map(|path| check(path).err()).collect();
    eprintln!("AWS models: {}/{} pass", models.len() - failures.len(), models.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
