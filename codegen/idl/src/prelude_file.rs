//! Checks the prelude table of `smithy-core` against the prelude's own model file in
//! `../shared` (skipped, with a note, when it is absent): the same shapes, with the same
//! types, roles and type traits.

use smithy_core::prelude::{self, Literal, Role};
use smithy_core::{ShapeType, SourceFile};

use crate::ast::{NodeKind, ShapeDecl};
use crate::reporter::Reporter;

/// What the file says about one shape, in the terms of the table.
fn describe(shape: &ShapeDecl) -> (String, ShapeType, Role, Vec<(String, Option<Literal>)>) {
    let names: Vec<&str> = shape.traits.iter().map(|t| t.id.text.as_str()).collect();
    let role = if names.iter().any(|n| matches!(*n, "trait" | "private")) { Role::Trait } else { Role::Type };
    let traits = match role {
        // The table keeps the traits of types only.
        Role::Trait => Vec::new(),
        Role::Type => shape
            .traits
            .iter()
            .map(|t| {
                let value = match t.value.as_ref().map(|node| &node.kind) {
                    None => Some(Literal::EmptyObject),
                    Some(NodeKind::Bool(b)) => Some(Literal::Bool(*b)),
                    Some(NodeKind::Number(n)) => n.as_i64().map(Literal::Int),
                    Some(_) => None,
                };
                (t.id.text.clone(), value)
            })
            .collect(),
    };
    (shape.name.clone(), shape.kind, role, traits)
}

#[test]
fn the_prelude_table_matches_the_prelude_file() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/smithy/trait-defs/prelude.smithy");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("note: {} is absent; prelude check skipped", path.display());
        return;
    };
    // The file assembles on top of the built-in prelude...
    if let Err(e) = crate::Assembler::new().add_idl("prelude.smithy", text.clone()).assemble() {
        panic!("{e}");
    }
    // ...and defines the same shapes, with the same types, roles and type traits.
    let files = [SourceFile::new("prelude.smithy", text)];
    let mut reporter = Reporter::new(&files);
    let model = crate::parser::parse(&files[0].text, 0, &mut reporter);
    assert_eq!(reporter.count(), 0);
    let mut from_file: Vec<_> = model.shapes.iter().map(describe).collect();
    let mut table: Vec<_> = prelude::SHAPES
        .iter()
        .map(|shape| {
            let traits = shape.traits.iter().map(|&(name, value)| (name.to_string(), Some(value))).collect();
            (shape.name.to_string(), shape.shape_type, shape.role, traits)
        })
        .collect();
    from_file.sort_by(|a, b| a.0.cmp(&b.0));
    table.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(from_file, table);
}
