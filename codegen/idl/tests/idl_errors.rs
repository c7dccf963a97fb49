//! Invalid models: each problem is reported at its exact line and column, every problem
//! of a run is reported, and no input makes the reader panic. These always run.

fn errors(idl: &str) -> Vec<String> {
    match smithy_idl::parse_file("test.smithy", idl) {
        Ok(ast) => panic!("expected errors, got {ast}"),
        Err(diagnostics) => diagnostics
            .iter()
            .map(|d| {
                let (line, column) = d.position.unwrap_or_default();
                format!("{line}:{column}: {}", d.message)
            })
            .collect(),
    }
}

fn assembly_errors(files: &[(&str, &[u8])]) -> Vec<String> {
    let mut assembler = smithy_idl::Assembler::new();
    for (path, bytes) in files {
        assembler.add_source(*path, bytes);
    }
    match assembler.assemble() {
        Ok(ast) => panic!("expected errors, got {ast}"),
        Err(diagnostics) => diagnostics.iter().map(|d| format!("{}: {}", d.location(), d.message)).collect(),
    }
}

#[test]
fn truncated_file() {
    assert_eq!(
        errors("$version: \"2\"\nnamespace ex\nstructure Foo {\n    a: String\n"),
        ["5:1: expected `}` to close `Foo`, found the end of the file"]
    );
    assert_eq!(
        errors("$version: \"2\"\nnamespace ex\n@tags([\"a\""),
        ["3:11: expected `]` to close the array, found the end of the file"]
    );
}

#[test]
fn bad_escape() {
    assert_eq!(
        errors("$version: \"2\"\nnamespace ex\n@documentation(\"bad \\q escape\")\nstring S\n"),
        ["3:21: invalid escape sequence `\\q`; valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX"]
    );
    assert_eq!(
        errors("metadata a = \"\\u12G4\"\nmetadata b = \"\\uDE00\"\n"),
        [
            "1:15: invalid unicode escape: `\\u` must be followed by four hex digits",
            "2:15: invalid unicode escape: \\uDE00 is a low surrogate without a high surrogate before it",
        ]
    );
}

#[test]
fn unknown_shape() {
    assert_eq!(
        errors("$version: \"2\"\nnamespace ex\nstructure S {\n    a: Missing\n}\n"),
        [
            "4:8: unknown shape `Missing`: no use statement imports it, namespace `ex` does not define it, and the prelude has no such shape; if another file defines it, assemble the files together"
        ]
    );
    assert_eq!(
        errors("$version: \"2\"\nnamespace ex\nlist L { member: smithy.api#Nope }\n"),
        ["3:18: unknown shape `smithy.api#Nope`"]
    );
}

#[test]
fn unknown_shapes_in_an_assembly() {
    let model: &[u8] = b"$version: \"2\"\nnamespace ex\nuse other#Gone\n@other#trait\nstructure S with [other#Mixin] {\n    a: other#Target\n}\n";
    assert_eq!(
        assembly_errors(&[("m.smithy", model)]),
        [
            "m.smithy:3:5: use statement imports unknown shape `other#Gone`",
            "m.smithy:4:2: unknown trait `other#trait`",
            "m.smithy:5:19: unknown shape `other#Mixin`",
            "m.smithy:6:8: unknown shape `other#Target`",
        ]
    );
}

#[test]
fn duplicate_member() {
    assert_eq!(
        errors("$version: \"2\"\nnamespace ex\nstructure S {\n    a: String\n    a: Integer\n    A: Long\n}\n"),
        [
            "5:5: duplicate member `a` in `S`",
            "6:5: member `A` of `S` conflicts with member `a`: member names must be unique ignoring case",
        ]
    );
}

#[test]
fn duplicate_shape() {
    assert_eq!(
        errors("$version: \"2\"\nnamespace ex\nstring Foo\nstructure Foo {}\n"),
        ["4:11: shape `ex#Foo` is already defined at test.smithy:3:8"]
    );
    assert_eq!(
        errors("$version: \"2\"\nnamespace ex\noperation Op { input := {} }\nstructure OpInput {}\n"),
        ["4:11: shape `ex#OpInput` is already defined at test.smithy:3:16"]
    );
}

#[test]
fn duplicate_shape_across_files() {
    assert_eq!(
        assembly_errors(&[
            ("a.smithy", b"$version: \"2\"\nnamespace ex\nstring Foo\n"),
            ("b.smithy", b"$version: \"2\"\nnamespace ex\n\nstring Foo\n"),
        ]),
        ["b.smithy:4:8: shape `ex#Foo` is already defined at a.smithy:3:8"]
    );
}

#[test]
fn unterminated_text_block() {
    assert_eq!(
        errors("$version: \"2\"\nmetadata doc = \"\"\"\n    never closed\n"),
        ["2:16: unterminated text block: missing the closing `\"\"\"`"]
    );
    assert_eq!(
        errors("metadata doc = \"\"\"no line break\"\"\"\n"),
        ["1:16: a text block must start with a line break after the opening `\"\"\"`"]
    );
}

#[test]
fn unterminated_string() {
    assert_eq!(errors("metadata a = \"open\n"), ["1:14: unterminated string: missing the closing `\"`"]);
}

#[test]
fn bad_version() {
    assert_eq!(
        errors("$version: \"3.0\"\nnamespace ex\n"),
        [
            "1:11: unsupported Smithy IDL version \"3.0\"; this reader supports \"2\" and \"2.0\" (and reads \"1.0\" files)"
        ]
    );
    assert_eq!(errors("$version: 2\n"), ["1:11: `$version` must be a string, such as \"2.0\""]);
    assert_eq!(errors("$version: \"2\"\n$version: \"2\"\n"), ["2:1: a file can have only one `$version` statement"]);
}

#[test]
fn random_bytes() {
    // A fixed pseudo-random sequence, so that the test is reproducible.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for round in 0..200 {
        let bytes: Vec<u8> = (0..256 + round)
            .map(|_| {
                state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                (state >> 56) as u8
            })
            .collect();
        let mut assembler = smithy_idl::Assembler::new();
        assembler.add_source("random.smithy", &bytes);
        let text = String::from_utf8_lossy(&bytes);
        let _ = smithy_idl::parse_file("random.smithy", &text);
        if let Err(diagnostics) = assembler.assemble() {
            assert!(diagnostics.iter().all(|d| d.position.is_some_and(|(line, column)| line >= 1 && column >= 1)));
            // Rendering must not panic either.
            let _ = diagnostics.to_string();
        }
    }
}

#[test]
fn invalid_utf8() {
    assert_eq!(
        assembly_errors(&[("bad.smithy", b"namespace ex\nstring \xff\n")]),
        ["bad.smithy:2:8: the file is not valid UTF-8"]
    );
}

#[test]
fn unexpected_characters_are_reported_once_per_run() {
    assert_eq!(errors("$version: \"2\"\nnamespace ex\nstring A %%%% \n"), ["3:10: unexpected character `%`",]);
}

#[test]
fn nesting_is_capped() {
    let deep = format!("metadata deep = {}{}\n", "[".repeat(100), "]".repeat(100));
    assert_eq!(errors(&deep), ["1:81: values are nested too deeply (more than 64 levels)"]);
    // Far deeper input is rejected the same way, without exhausting the stack.
    let deeper = format!("metadata deep = {}\n", "{a: ".repeat(100_000));
    assert_eq!(errors(&deeper)[0], "1:273: values are nested too deeply (more than 64 levels)");
}

#[test]
fn statements_need_line_breaks() {
    assert_eq!(
        errors("$version: \"2\"\nnamespace ex\nstring A string B\nstructure C { a: String = \"\" }\n"),
        [
            "3:10: expected a line break after a shape statement, found `string`",
            "4:30: expected a line break after a default value, found `}`",
        ]
    );
}

#[test]
fn statements_out_of_order() {
    assert_eq!(
        errors(
            "$version: \"2\"\nnamespace ex\nstring S\nmetadata late = 1\nuse a#B\n$version: \"2\"\nnamespace other\n"
        ),
        [
            "4:1: metadata statements must come before the namespace statement",
            "5:1: use statements must come before any shape",
            "6:1: control statements must come before metadata, namespace and shape statements",
            "7:1: a file can declare only one namespace",
        ]
    );
    assert_eq!(errors("string S\n"), ["1:1: a namespace must be declared before shapes or apply statements"]);
}

#[test]
fn errors_continue_after_a_bad_statement() {
    assert_eq!(
        errors(
            "$version: \"2\"\nnamespace ex\nstructure A {\n    a String\n}\nstructure B { b: Nope }\nstring C\nlist D { member: Nope2 }\n"
        ),
        [
            "4:7: expected `:` after the member name, found `String`",
            "6:18: unknown shape `Nope`: no use statement imports it, namespace `ex` does not define it, and the prelude has no such shape; if another file defines it, assemble the files together",
            "8:18: unknown shape `Nope2`: no use statement imports it, namespace `ex` does not define it, and the prelude has no such shape; if another file defines it, assemble the files together",
        ]
    );
}

#[test]
fn every_file_reports_its_errors() {
    assert_eq!(
        assembly_errors(&[
            ("a.smithy", b"$version: \"2\"\nnamespace ex\nstring A {\n"),
            ("b.smithy", b"$version: \"2\"\nnamespace ex\nlist B { member: C }\n"),
            ("c.json", b"{\"smithy\": \"2.0\", \"shapes\": {\"ex#J\": {\"type\": \"nope\"}}}"),
            ("d.json", b"{\"smithy\": "),
        ]),
        [
            "a.smithy:3:10: expected a line break after a shape statement, found `{`",
            "b.smithy:3:18: unknown shape `C`: no use statement imports it, namespace `ex` does not define it, and the prelude has no such shape",
            "c.json:1:30: shape `ex#J` has no valid `type`",
            "d.json:1:11: not valid JSON: EOF while parsing a value",
        ]
    );
}

#[test]
fn a_key_or_statement_given_twice() {
    // Control statements, node object keys (in braces or in a trait's parentheses), members.
    assert_eq!(
        errors(
            "$version: \"2\"\n$operationInputSuffix: \"In\"\n$operationInputSuffix: \"Request\"\nnamespace ex\n\
             @length(min: 1, min: 2)\n@tags([])\nstring S\n@externalDocumentation({a: \"x\", a: \"y\"})\nstring T\n\
             structure U { a: S\n a: T }\n"
        ),
        [
            "3:1: a file can have only one `$operationInputSuffix` statement",
            "5:17: duplicate key `min` in trait value",
            "8:33: duplicate object key `a`",
            "11:2: duplicate member `a` in `U`",
        ]
    );
    // Keys of JSON AST sources, at any depth.
    assert_eq!(
        assembly_errors(&[
            ("a.json", b"{\"smithy\": \"2.0\", \"shapes\": {\n\"ex#A\": {\"type\": \"string\"},\n\"ex#A\": {\"type\": \"long\"}}}"),
            ("b.json", b"{\"smithy\": \"2.0\", \"shapes\": {\"ex#B\": {\"type\": \"string\",\n  \"traits\": {\"smithy.api#length\": {\"max\": 1, \"max\": 1}}}}}"),
        ]),
        [
            "a.json:3:1: duplicate key `ex#A`: this object already has it, and a second value would silently replace the first",
            "b.json:2:46: duplicate key `max`: this object already has it, and a second value would silently replace the first",
        ]
    );
}

#[test]
fn conflicting_traits_and_metadata() {
    assert_eq!(
        errors(
            "$version: \"2\"\nnamespace ex\n/// Docs.\n@documentation(\"Other.\")\nstring S\napply S @documentation(\"Third.\")\napply S @tags([\"ok\"])\n"
        ),
        [
            "4:2: conflicting values for trait `smithy.api#documentation` on `ex#S`: it is already applied at test.smithy:3:1 with a different value, and only list values may be applied twice",
            "6:10: conflicting values for trait `smithy.api#documentation` on `ex#S`: it is already applied at test.smithy:3:1 with a different value, and only list values may be applied twice",
        ]
    );
    // A trait of a JSON AST source is located by its shape's definition.
    assert_eq!(
        assembly_errors(&[
            ("a.json", b"{\"smithy\": \"2.0\", \"shapes\": {\"ex#S\": {\"type\": \"string\", \"traits\": {\"smithy.api#documentation\": \"A.\"}}}}"),
            ("b.smithy", b"$version: \"2\"\nnamespace ex\napply S @documentation(\"B.\")\n"),
        ]),
        [
            "b.smithy:3:10: conflicting values for trait `smithy.api#documentation` on `ex#S`: it is already applied in the definition of `ex#S` at a.json:1:30 with a different value, and only list values may be applied twice"
        ]
    );
    assert_eq!(
        assembly_errors(&[("a.smithy", b"metadata m = 1\n"), ("b.smithy", b"metadata m = 2\n"),]),
        [
            "b.smithy:1:10: conflicting values for metadata `m`: it is already given at a.smithy:1:10 with a different value, and only list values may be given twice"
        ]
    );
}

#[test]
fn use_statement_conflicts() {
    assert_eq!(
        errors("$version: \"2\"\nnamespace ex\nuse a#Foo\nuse b#Foo\nuse c#Bar\nstring Bar\n"),
        [
            "4:5: `b#Foo` conflicts with the earlier `use a#Foo`",
            "5:5: `use c#Bar` conflicts with shape `Bar` defined in this file",
        ]
    );
}

#[test]
fn prelude_shapes_cannot_be_changed() {
    assert_eq!(
        errors("$version: \"2\"\nnamespace ex\napply String @sensitive\n"),
        ["3:7: cannot apply traits to `smithy.api#String`: prelude shapes cannot be changed"]
    );
}

#[test]
fn mixin_and_member_problems() {
    assert_eq!(
        errors(
            "$version: \"2\"\nnamespace ex\n@mixin\nstructure M { a: String }\nstructure S with [M] { a: Integer }\nstring NotMixin\nstring T with [NotMixin]\nstructure V { $x }\napply S$nope @sensitive\n"
        ),
        [
            "5:24: member `a` of `ex#S` targets `smithy.api#Integer`, but the member it inherits from mixin `ex#M` targets `smithy.api#String`",
            "7:16: `ex#NotMixin` cannot be used as a mixin: it is not marked with `@mixin`",
            "8:16: cannot resolve the target of elided member `$x`: no mixin of `ex#V` has such a member (and the shape has no `for` resource)",
            "9:7: cannot apply traits to `ex#S$nope`: `ex#S` has no member `nope`",
        ]
    );
    assert_eq!(
        errors("$version: \"2\"\nnamespace ex\n@mixin\nstructure A with [B] {}\n@mixin\nstructure B with [A] {}\n"),
        ["4:11: shape `ex#A` is part of a mixin cycle"]
    );
}

#[test]
fn elided_member_conflicting_with_the_resource() {
    assert_eq!(
        errors(
            "$version: \"2\"\nnamespace ex\nresource R { identifiers: { id: String } }\n@mixin\nstructure M { id: Blob }\nstructure S for R with [M] {\n    $id\n}\n"
        ),
        [
            "7:6: elided member `$id` targets `smithy.api#String` through resource `ex#R`, which conflicts with the `smithy.api#Blob` target of the member inherited from mixin `ex#M`"
        ]
    );
}

#[test]
fn enum_and_collection_problems() {
    assert_eq!(
        errors(
            "$version: \"2\"\nnamespace ex\nenum E {}\nintEnum I { A = \"x\" }\nenum F { A = 1 }\nlist L { item: String }\nmap M { key: String, other: String }\n"
        ),
        [
            "3:8: enum `E` must have at least one member",
            "4:17: an intEnum value must be an integer",
            "5:14: an enum value must be a quoted string",
            "6:6: list `L` must have a `member` member",
            "6:10: a list can only have `member` members, found `item`",
            "7:5: map `M` must have a `value` member",
            "7:22: a map can only have `key` and `value` members, found `other`",
        ]
    );
}

#[test]
fn omitted_value_of_an_unloaded_trait() {
    assert_eq!(
        errors("$version: \"2\"\nnamespace ex\n@other#marker\nstring S\n"),
        [
            "3:2: trait `other#marker` needs an explicit value here: its definition is not loaded, so the default for an omitted value is unknown"
        ]
    );
}

#[test]
fn diagnostics_render_with_the_line_and_a_caret() {
    let error =
        smithy_idl::parse_file("m.smithy", "$version: \"2\"\nnamespace ex\n\tstring S\nlist L { member: Nope }\n")
            .unwrap_err();
    assert_eq!(
        error.to_string(),
        "error: m.smithy:4:18: unknown shape `Nope`: no use statement imports it, namespace `ex` does not define it, and the prelude has no such shape; if another file defines it, assemble the files together\n4 | list L { member: Nope }\n  |                  ^"
    );
    let tabbed = smithy_idl::parse_file("m.smithy", "namespace ex\n\tstring S extra\n").unwrap_err();
    assert_eq!(
        tabbed.as_slice()[0].to_string(),
        "m.smithy:2:11: expected a line break after a shape statement, found `extra`\n2 | \tstring S extra\n  | \t         ^"
    );
}

#[test]
fn references_to_members_where_shapes_are_needed() {
    assert_eq!(
        errors("$version: \"2\"\nnamespace ex\nstructure A { b: String }\nlist L { member: A$b }\n@A$b\nstring S\n"),
        [
            "4:18: `A$b` refers to a member; a shape id without `$member` is needed here",
            "5:2: `A$b` refers to a member; a shape id without `$member` is needed here",
        ]
    );
}

#[test]
fn a_malformed_number_is_reported_once() {
    assert_eq!(errors("metadata a = 01\n"), ["1:14: numbers cannot have leading zeros"]);
    assert_eq!(
        errors("metadata a = 1.\nmetadata b = 2e\n"),
        ["1:14: expected a digit after the decimal point", "2:14: expected a digit in the exponent"]
    );
    assert_eq!(errors("metadata a = 12abc\n"), ["1:14: invalid number"]);
}
