//! Fuzz target: any bytes, loaded as a JSON AST or IDL model, validated and generated, must
//! give a crate or model errors: never a panic, never an internal error (`tests::fuzz::generate`).

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| tests::fuzz::generate(data));
