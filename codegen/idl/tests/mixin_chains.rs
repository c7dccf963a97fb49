//! Long mixin chains: assembly and flattening give the right model however long the chain,
//! in time linear in its length (each link used to walk the links below it), and depth never
//! exhausts the stack. The tests assert results only; `cargo xtask ast` and
//! `cargo xtask codegen` on the same models are how the time is measured.

use serde_json::{Value, json};

/// `M0` … `M{n-1}`, each a mixin with its own member `mI` and using the one before, and `S`,
/// which uses the last. `extra` is IDL appended to the file.
fn chain(n: usize, extra: &str) -> String {
    let mut idl = String::from("$version: \"2\"\nnamespace ex\n\n@mixin\nstructure M0 { m0: String }\n");
    for i in 1..n {
        idl.push_str(&format!("@mixin\nstructure M{i} with [M{} ] {{ m{i}: String }}\n", i - 1));
    }
    idl.push_str(&format!("structure S with [M{}] {{ s: Integer }}\n{extra}", n - 1));
    idl
}

fn assemble(idl: String) -> Value {
    let mut assembler = smithy_idl::Assembler::new();
    assembler.add_idl("chain.smithy", idl);
    assembler.assemble().unwrap_or_else(|e| panic!("{e}"))
}

fn member_names(shape: &Value) -> Vec<String> {
    shape["members"].as_object().map(|m| m.keys().cloned().collect()).unwrap_or_default()
}

#[test]
fn long_chains_assemble_and_flatten_in_order() {
    for n in [3_000, 6_000] {
        let mut ast = assemble(chain(n, ""));
        let shapes = ast["shapes"].as_object().unwrap();
        assert_eq!(shapes.len(), n + 1);
        // Assembly keeps the mixins as written: each shape holds its own member only.
        assert_eq!(shapes["ex#S"]["mixins"], json!([{"target": format!("ex#M{}", n - 1)}]));
        assert_eq!(member_names(&shapes["ex#S"]), ["s"]);
        assert_eq!(member_names(&shapes[&format!("ex#M{}", n - 1)]), [format!("m{}", n - 1)]);

        smithy_idl::flatten_mixins(&mut ast).unwrap_or_else(|e| panic!("{e}"));
        let shapes = ast["shapes"].as_object().unwrap();
        assert_eq!(shapes.keys().collect::<Vec<_>>(), ["ex#S"], "the mixins are gone");
        let expected: Vec<String> = (0..n).map(|i| format!("m{i}")).chain(["s".to_string()]).collect();
        assert_eq!(member_names(&shapes["ex#S"]), expected, "inherited members first, in chain order");
        assert_eq!(shapes["ex#S"]["members"]["m0"], json!({"target": "smithy.api#String"}));
        assert!(shapes["ex#S"].get("traits").is_none(), "`@mixin` is not inherited");
    }
}

#[test]
fn an_8000_deep_chain_neither_overflows_nor_fails() {
    let mut ast = assemble(chain(8_000, ""));
    smithy_idl::flatten_mixins(&mut ast).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ast["shapes"]["ex#S"]["members"].as_object().map(|m| m.len()), Some(8_001));
}

/// What later steps ask of a chain: applies to inherited members, elided members, members
/// redefined with the same or another target, and the traits each link adds.
#[test]
fn a_long_chain_answers_what_it_inherits() {
    let n = 3_000;
    let extra = format!(
        "structure T with [M{}] {{ $m0\n @required\n m1: String\n}}\n\
         apply T$m2 @documentation(\"From the chain's third link.\")\n\
         apply S$m0 @sensitive\n",
        n - 1
    );
    let mut ast = assemble(chain(n, &extra));
    let shapes = ast["shapes"].as_object().unwrap();
    // The elided `$m0` and the traits applied to inherited members stay apply entries, and the
    // redefined `m1` keeps the inherited target without an error.
    assert_eq!(
        shapes["ex#T"]["members"],
        json!({"m1": {"target": "smithy.api#String", "traits": {"smithy.api#required": {}}}})
    );
    assert_eq!(shapes["ex#T$m2"]["traits"], json!({"smithy.api#documentation": "From the chain's third link."}));
    assert_eq!(shapes["ex#S$m0"]["traits"], json!({"smithy.api#sensitive": {}}));

    smithy_idl::flatten_mixins(&mut ast).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ast["shapes"]["ex#S"]["members"]["m0"]["traits"], json!({"smithy.api#sensitive": {}}));
    let t = &ast["shapes"]["ex#T"];
    assert_eq!(t["members"].as_object().unwrap().len(), n);
    assert_eq!(t["members"]["m0"], json!({"target": "smithy.api#String"}));
    assert_eq!(t["members"]["m1"]["traits"], json!({"smithy.api#required": {}}));
    assert_eq!(t["members"]["m2"]["traits"], json!({"smithy.api#documentation": "From the chain's third link."}));

    // A redefinition with another target, at the end of the chain, is still found.
    let wrong = chain(n, &format!("structure U with [M{}] {{ m0: Integer }}\n", n - 1));
    let mut assembler = smithy_idl::Assembler::new();
    assembler.add_idl("chain.smithy", wrong);
    let errors = assembler.assemble().unwrap_err();
    assert_eq!(errors.len(), 1, "{errors}");
    assert!(
        errors.as_slice()[0].message.contains("the member it inherits from mixin `ex#M0` targets `smithy.api#String`")
    );
}

/// An elided member of a structure bound to the last of a chain of resources finds its target
/// in the first one.
#[test]
fn elided_members_resolve_through_a_long_chain_of_resources() {
    let n = 3_000;
    let mut idl =
        String::from("$version: \"2\"\nnamespace ex\n\n@mixin\nresource R0 { identifiers: { id: String } }\n");
    for i in 1..n {
        idl.push_str(&format!("@mixin\nresource R{i} with [R{}] {{}}\n", i - 1));
    }
    idl.push_str(&format!("resource R with [R{}] {{}}\nstructure S for R {{ $id }}\n", n - 1));
    let ast = assemble(idl);
    assert_eq!(ast["shapes"]["ex#S"]["members"], json!({"id": {"target": "smithy.api#String"}}));
}

/// A chain of operation mixins each adding an error: the lists concatenate without duplicates,
/// in chain order.
#[test]
fn list_properties_concatenate_along_a_long_chain() {
    let n = 3_000;
    let mut idl = String::from("$version: \"2\"\nnamespace ex\n\n@mixin\noperation O0 { errors: [E0] }\n");
    for i in 0..n {
        idl.push_str(&format!("@error(\"client\")\nstructure E{i} {{}}\n"));
    }
    for i in 1..n {
        idl.push_str(&format!("@mixin\noperation O{i} with [O{}] {{ errors: [E{i}, E0] }}\n", i - 1));
    }
    idl.push_str(&format!("operation Op with [O{}] {{ errors: [E0] }}\n", n - 1));
    let mut ast = assemble(idl);
    smithy_idl::flatten_mixins(&mut ast).unwrap_or_else(|e| panic!("{e}"));
    let errors: Vec<&str> = ast["shapes"]["ex#Op"]["errors"]
        .as_array()
        .expect("the errors list")
        .iter()
        .filter_map(|e| e["target"].as_str())
        .collect();
    let expected: Vec<String> = (0..n).map(|i| format!("ex#E{i}")).collect();
    assert_eq!(errors, expected);
}
