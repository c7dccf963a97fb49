//! Reads model files from disk (Smithy JSON AST and IDL) into one [`Model`].

use std::fs;
use std::path::{Path, PathBuf};

use codegen::{Diagnostic, Diagnostics, Model, ModelAssembler};

/// Loads and assembles the models at `paths`: files, or directories searched for `.json` and
/// `.smithy` files.
///
/// Files are read in a fixed order (sorted paths), and each is named in diagnostics by the path
/// as given, so messages point where the user looks. JSON AST files are read one by one, so each
/// shape keeps the file it came from; IDL files, and JSON that uses mixins, are first assembled
/// together by the IDL reader, which resolves names across files and flattens mixins.
pub fn load(paths: &[PathBuf]) -> Result<Model, Diagnostics> {
    let (sources, mut diagnostics) = read_sources(paths);
    let needs_assembly = sources.iter().any(|s| s.idl || s.text.contains("\"mixins\""));
    let mut assembler = ModelAssembler::new();
    if needs_assembly {
        match assemble_idl(&sources) {
            Ok(ast) => {
                let names: Vec<&str> = sources.iter().map(|s| s.name.as_str()).collect();
                assembler.add_json_value(&names.join(", "), ast);
            }
            Err(more) => diagnostics.extend(more),
        }
    } else {
        for source in &sources {
            assembler.add_json_ast(&source.name, &source.text);
        }
    }
    match assembler.assemble() {
        Ok(model) if diagnostics.is_empty() => Ok(model),
        Ok(_) => Err(diagnostics),
        Err(more) => {
            diagnostics.extend(more);
            Err(diagnostics)
        }
    }
}

/// The JSON AST of the models at `paths`, as the IDL reader assembles it: relative names
/// resolved, applied traits merged, mixins kept as written.
pub fn json_ast(paths: &[PathBuf]) -> Result<serde_json::Value, Diagnostics> {
    let (sources, diagnostics) = read_sources(paths);
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }
    let mut assembler = smithy_idl::Assembler::new();
    for source in &sources {
        assembler.add_source(source.name.clone(), source.text.as_bytes());
    }
    assembler.assemble()
}

/// A model file read from disk.
struct Source {
    name: String,
    text: String,
    idl: bool,
}

fn read_sources(paths: &[PathBuf]) -> (Vec<Source>, Diagnostics) {
    let mut files = Vec::new();
    let mut diagnostics = Diagnostics::new();
    for path in paths {
        let name = path.display().to_string();
        if path.is_dir() {
            match model_files_in(path) {
                Ok(found) if found.is_empty() => diagnostics
                    .push(Diagnostic::new("the directory holds no model files (`.json` or `.smithy`)").in_file(name)),
                Ok(found) => files.extend(found),
                Err(error) => diagnostics.push(Diagnostic::new(format!("cannot read: {error}")).in_file(name)),
            }
        } else {
            files.push(path.clone());
        }
    }
    let mut sources = Vec::with_capacity(files.len());
    for file in files {
        let name = file.display().to_string();
        match fs::read(&file).map(String::from_utf8) {
            Ok(Ok(text)) => sources.push(Source { idl: is_idl(&file), name, text }),
            Ok(Err(_)) => diagnostics.push(Diagnostic::new("the file is not UTF-8 text").in_file(name)),
            Err(error) => diagnostics.push(Diagnostic::new(format!("cannot read: {error}")).in_file(name)),
        }
    }
    (sources, diagnostics)
}

fn assemble_idl(sources: &[Source]) -> Result<serde_json::Value, Diagnostics> {
    let mut assembler = smithy_idl::Assembler::new();
    for source in sources {
        assembler.add_source(source.name.clone(), source.text.as_bytes());
    }
    let mut ast = assembler.assemble()?;
    smithy_idl::flatten_mixins(&mut ast)?;
    Ok(ast)
}

fn is_idl(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext == "smithy")
}

/// The model files under `dir`, recursively, sorted.
fn model_files_in(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|ext| ext == "json" || ext == "smithy") {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}
