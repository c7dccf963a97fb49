//! The generator on any bytes: load them as a model, validate it and generate every service in
//! it. A model error is a fine answer; a panic, or a diagnostic saying the generator produced
//! code syn cannot parse, is a bug.

use codegen::{Diagnostics, ModelAssembler, Settings, ShapeKind};

/// The file name diagnostics give the input.
const FILE: &str = "fuzz.json";

/// The package name used when the model gives none cargo would accept.
const FALLBACK_NAME: &str = "fuzzed";

/// Loads `data` the way `cargo xtask codegen` loads one file, then generates a crate for each
/// service it defines.
///
/// Text starting with `{` is a JSON AST document; any other text is Smithy IDL. As in
/// `xtask::models::load`, IDL and JSON that uses mixins go through the IDL reader, which
/// flattens mixins, and the rest straight to [`ModelAssembler`].
///
/// # Panics
///
/// When the generator panics, when it reports an internal error, when generation succeeds
/// without a `Cargo.toml` or `src/lib.rs`, when a file holds a character rustc refuses in any
/// source file, or when the manifest is not TOML, names another package or has a table the
/// generator does not write.
pub fn generate(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        // `xtask` refuses a file that is not UTF-8 before any of this runs.
        return;
    };
    let Ok(model) = load(text) else { return };
    if codegen::validate(&model).is_err() {
        return;
    }
    let services: Vec<_> =
        model.shapes().filter(|shape| matches!(shape.kind, ShapeKind::Service(_))).map(|s| s.id.clone()).collect();
    for service in services {
        // As `xtask` does: the default name is chosen before generation validates the model.
        let crate_name =
            codegen::default_crate_name(&model, Some(&service)).unwrap_or_else(|_| FALLBACK_NAME.to_owned());
        let settings = Settings::new(crate_name.clone()).service(service.clone()).threads(1);
        match codegen::generate(&model, &settings) {
            Ok(files) => check_files(&files, &crate_name),
            Err(diagnostics) => refuse_internal_errors(&diagnostics),
        }
    }
}

fn load(text: &str) -> Result<codegen::Model, Diagnostics> {
    let mut assembler = ModelAssembler::new();
    let json = text.trim_start().starts_with('{');
    if json && !text.contains("\"mixins\"") {
        assembler.add_json_ast(FILE, text);
    } else {
        let mut idl = smithy_idl::Assembler::new();
        idl.add_source(if json { FILE } else { "fuzz.smithy" }, text.as_bytes());
        let mut ast = idl.assemble()?;
        smithy_idl::flatten_mixins(&mut ast)?;
        assembler.add_json_value(FILE, ast);
    }
    assembler.assemble()
}

/// Every diagnostic of a failed generation must be about the model: one starting with
/// `internal error` means the generator wrote code syn cannot parse.
fn refuse_internal_errors(diagnostics: &Diagnostics) {
    let text = diagnostics.to_string();
    assert!(!diagnostics.is_empty(), "generation failed without saying why");
    assert!(!text.contains("internal error"), "the generator broke on a valid model:\n{text}");
}

fn check_files(files: &codegen::Files, crate_name: &str) {
    let manifest = files.get("Cargo.toml").expect("every crate has a Cargo.toml");
    assert!(files.get("src/lib.rs").is_some(), "every crate has a src/lib.rs");
    // Text from the model (the title, in the description) must stay inside its TOML string.
    let manifest: toml::Table =
        manifest.parse().unwrap_or_else(|e| panic!("the manifest is not TOML: {e}\n{manifest}"));
    let name = manifest.get("package").and_then(|package| package.get("name")).and_then(toml::Value::as_str);
    assert_eq!(name, Some(crate_name), "the manifest names another package");
    // rustc refuses these anywhere in a source file, comments included, yet syn, which checks
    // every generated file, accepts them: `text_direction_codepoint_in_comment` and
    // `text_direction_codepoint_in_literal` are lints denied by default, and a carriage return
    // not followed by a line feed is an error in a doc comment.
    for (path, text) in files.iter().filter(|(path, _)| path.ends_with(".rs")) {
        let refused = |c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\r');
        if let Some(line) = text.split('\n').find(|line| line.contains(refused)) {
            panic!("{path} holds a character rustc refuses: {line:?}");
        }
    }
    for key in manifest.keys() {
        assert!(["package", "features", "dependencies"].contains(&key.as_str()), "the manifest has a table `{key}`");
    }
}
