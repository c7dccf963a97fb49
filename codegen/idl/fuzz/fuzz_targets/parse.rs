//! Fuzz target: any bytes, read as up to four source files, must never make the reader
//! panic, whether a file is parsed alone, assembled with the others or flattened.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // NUL bytes separate files; a file starting with `{` is read as JSON AST.
    let mut assembler = smithy_idl::Assembler::new();
    for (i, bytes) in data.split(|&b| b == 0).take(4).enumerate() {
        let path = if bytes.first() == Some(&b'{') { format!("f{i}.json") } else { format!("f{i}.smithy") };
        assembler.add_source(path, bytes);
        if let Ok(text) = std::str::from_utf8(bytes) {
            match smithy_idl::parse_file("alone.smithy", text) {
                Ok(mut ast) => {
                    let _ = smithy_idl::flatten_mixins(&mut ast);
                }
                Err(diagnostics) => {
                    let _ = diagnostics.to_string();
                }
            }
        }
    }
    match assembler.assemble() {
        Ok(mut ast) => {
            if smithy_idl::flatten_mixins(&mut ast).is_ok() {
                // The output must always be serialisable.
                let _ = serde_json::to_string(&ast);
            }
        }
        Err(diagnostics) => {
            let _ = diagnostics.to_string();
        }
    }
});
