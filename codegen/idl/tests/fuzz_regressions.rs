//! Hostile inputs, kept as regression cases for the fuzz target (`idl/fuzz`): none may
//! make the reader panic, hang or exhaust the stack. These always run.

/// Runs an input through every entry point, as the fuzz target does.
fn exercise(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    match smithy_idl::parse_file("case.smithy", &text) {
        Ok(mut ast) => {
            let _ = smithy_idl::flatten_mixins(&mut ast);
        }
        Err(diagnostics) => {
            assert!(!diagnostics.is_empty());
            let _ = diagnostics.to_string();
        }
    }
    for path in ["case.smithy", "case.json"] {
        let mut assembler = smithy_idl::Assembler::new();
        assembler.add_source(path, bytes);
        match assembler.assemble() {
            Ok(mut ast) => {
                let _ = smithy_idl::flatten_mixins(&mut ast);
            }
            Err(diagnostics) => {
                assert!(diagnostics.iter().all(|d| d.position.is_some_and(|(line, column)| line >= 1 && column >= 1)));
                let _ = diagnostics.to_string();
            }
        }
    }
}

const CASES: &[&[u8]] = &[
    b"",
    b"\xef\xbb\xbf",
    b"\0",
    b"$",
    b"@",
    b"@(",
    b"\"",
    b"\"\\",
    b"\"\\u",
    b"\"\\uD800",
    b"\"\\uD800\\u",
    b"\"\"\"",
    b"\"\"\"\n\\",
    b"\"\"\"\n\"\"",
    b"//",
    b"///",
    b"-",
    b"0.",
    b"1e",
    b"1e+",
    b"00",
    b"\r",
    b"\r\r\n\r",
    b"namespace",
    b"namespace ex\n@",
    b"namespace ex\nstructure",
    b"namespace ex\nstructure S {",
    b"namespace ex\nstructure S { $",
    b"namespace ex\nstructure S { a:",
    b"namespace ex\nstructure S { a: String =",
    b"namespace ex\noperation O { input :=",
    b"namespace ex\noperation O { input := @",
    b"namespace ex\nservice S {",
    b"namespace ex\nresource R { identifiers: { id: [] } }",
    b"namespace ex\napply",
    b"namespace ex\napply S {",
    b"namespace ex\nenum E { A =",
    b"namespace ex\nstructure S with [",
    b"namespace ex\nstructure S for",
    b"namespace ex\n\xc3\xa9\xe2\x82\xac structure \xf0\x9f\x98\x80 S {}",
    b"namespace ex\n@mixin\nstructure S with [S] {}",
    b"namespace ex\n@mixin\nstructure A with [B] { $a }\n@mixin\nstructure B with [A] { $a }\napply A$a @sensitive",
    b"namespace ex\nstructure S for S { $a }",
    b"namespace ex\nresource R { identifiers: { a: R } }\nstructure S for R with [S] { $a }",
    b"namespace ex\nlist L with [L] {}\napply L$member @sensitive",
    b"namespace ex\nenum E with [E] { A }",
    b"namespace smithy.api\napply String @sensitive\nstring String",
    b"{\"smithy\": \"2.0\", \"shapes\": {\"a#B$c\": {\"type\": \"apply\"}}}",
    b"{\"smithy\": \"2.0\", \"shapes\": {\"a#B\": {\"type\": \"structure\", \"mixins\": [{\"target\": \"a#B\"}]}}}",
    b"{\"smithy\": \"2.0\", \"shapes\": {\"a#B\": {\"type\": \"list\", \"member\": 1, \"mixins\": 2, \"traits\": []}}}",
    b"{\"smithy\": 2, \"metadata\": [], \"shapes\": []}",
    b"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
];

#[test]
fn hostile_inputs_do_not_panic() {
    for case in CASES {
        exercise(case);
    }
}

#[test]
fn deep_nesting_in_every_position() {
    let depth = 10_000;
    for (open, close) in [("[", "]"), ("{a: ", "}"), ("@t(a: ", ")")] {
        let text = format!(
            "$version: \"2\"\nmetadata m = {}1{}\nnamespace ex\n@trait\ndocument t\n@t({}1{})\nstring S\n",
            open.repeat(depth),
            close.repeat(depth),
            open.repeat(depth),
            close.repeat(depth)
        );
        exercise(text.as_bytes());
    }
}

#[test]
fn long_mixin_chains_are_handled_without_recursion() {
    let mut text = String::from("$version: \"2\"\nnamespace ex\n@mixin\nstructure M0 { a: String }\n");
    for i in 1..5_000 {
        text.push_str(&format!("@mixin\nstructure M{i} with [M{}] {{ ${} }}\n", i - 1, "a"));
    }
    text.push_str("structure Last with [M4999] {}\n");
    let mut ast = smithy_idl::parse_file("chain.smithy", &text).unwrap_or_else(|e| panic!("{e}"));
    smithy_idl::flatten_mixins(&mut ast).unwrap();
    assert_eq!(ast["shapes"]["ex#Last"]["members"]["a"]["target"], "smithy.api#String");
}

/// Found by review while fuzzing: recovery restarted at every statement inside a failed
/// one, so a file of many trait lines without a shape took quadratic time.
#[test]
fn recovery_stays_linear() {
    let text = format!("$version: \"2\"\nnamespace ex\n{}", "@sensitive\n".repeat(50_000));
    let start = std::time::Instant::now();
    let errors = smithy_idl::parse_file("traits.smithy", &text).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
}

#[test]
fn the_number_of_errors_per_file_is_capped() {
    let text = "structure {\n".repeat(1_000);
    let errors = smithy_idl::parse_file("many.smithy", &text).unwrap_err();
    assert_eq!(errors.len(), 51);
    assert!(errors.as_slice()[50].message.starts_with("too many errors"));
}
