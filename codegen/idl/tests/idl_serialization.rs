//! The IDL files of `../shared/smithy/fixtures/shapes/idl-serialization` (models that
//! Smithy's serializer writes) must all load, and the multi-namespace case must
//! assemble to its JSON AST. Skipped, with a note, when `../shared` is absent.

mod common;

use std::path::{Path, PathBuf};

use serde_json::Value;

/// Directories whose files refer to each other, and so are assembled together.
const ASSEMBLED_TOGETHER: &[&str] = &["inferred-io", "multiple-namespaces/output"];

fn assemble(paths: &[PathBuf], base: &Path) -> Result<Value, String> {
    let mut assembler = smithy_idl::Assembler::new();
    for path in paths {
        assembler.add_source(common::relative(path, base), &std::fs::read(path).unwrap());
    }
    assembler.assemble().map_err(|e| e.to_string())
}

#[test]
fn idl_serialization_fixtures_load() {
    let Some(shared) = common::shared_dir() else {
        eprintln!("note: ../shared is absent; idl-serialization fixtures skipped");
        return;
    };
    let root = shared.join("smithy/fixtures/shapes/idl-serialization");
    let mut failures = Vec::new();
    let mut loaded = 0;
    for dir in ASSEMBLED_TOGETHER {
        let paths = common::files_with_suffix(&root.join(dir), ".smithy");
        match assemble(&paths, &root) {
            Ok(_) => loaded += paths.len(),
            Err(e) => failures.push(e),
        }
    }
    for path in common::files_with_suffix(&root, ".smithy") {
        let name = common::relative(&path, &root);
        if ASSEMBLED_TOGETHER.iter().any(|dir| name.starts_with(dir)) {
            continue;
        }
        match smithy_idl::parse_file(&name, &std::fs::read_to_string(&path).unwrap()) {
            Ok(_) => loaded += 1,
            Err(e) => failures.push(e.to_string()),
        }
    }
    eprintln!("idl-serialization files loaded: {loaded}");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn multiple_namespaces_assemble_to_their_json_ast() {
    let Some(shared) = common::shared_dir() else {
        eprintln!("note: ../shared is absent; idl-serialization fixtures skipped");
        return;
    };
    let root = shared.join("smithy/fixtures/shapes/idl-serialization/multiple-namespaces");
    let json_path = root.join("input.json");
    let mut expected: Value = serde_json::from_str(&std::fs::read_to_string(&json_path).unwrap()).unwrap();
    common::normalize(&mut expected);
    let mut from_idl = assemble(&common::files_with_suffix(&root.join("output"), ".smithy"), &root).unwrap();
    common::normalize(&mut from_idl);
    assert_eq!(common::diff(&expected, &from_idl), Vec::<String>::new());
    // The JSON AST read as a source gives the same model back.
    let mut from_json = assemble(&[json_path], &root).unwrap();
    common::normalize(&mut from_json);
    assert_eq!(common::diff(&expected, &from_json), Vec::<String>::new());
}
