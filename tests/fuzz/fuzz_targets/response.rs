//! Fuzz target: any status, headers and body, read as the response to an operation of a
//! generated crate with HTTP bindings, must give the output or an error value, never a panic
//! (`tests::fuzz::response`).

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| tests::fuzz::response(data));
