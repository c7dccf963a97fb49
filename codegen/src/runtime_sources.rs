//! The source of the support modules every generated crate carries (`error`, `primitives`,
//! `json`, `http`, and a protocol's own: `rpc_v2`, `cbor`, `xml`, `query`) and of the protocol
//! tests' support module, read from the `codegen-runtime`
//! crate (`codegen/runtime/`), where the same files are compiled and tested.
//!
//! The text is copied into generated crates as it is: nothing here parses or formats Rust. A
//! module built from pieces (`primitives`, `json`) is the text of its file up to the file's first
//! line starting with `include!(`, followed by the pieces the crate uses; in the runtime crate
//! those `include!` lines bring in every piece, so every piece is compiled.

/// `error`: `BuildError` and `Unhandled`.
pub(crate) const ERROR: &str = include_str!("../runtime/src/error.rs");

/// `http`'s own text: the HTTP bindings' shared parts (the `http` feature), whatever the body.
pub(crate) const HTTP: &str = own_text(include_str!("../runtime/src/http.rs"));

/// The piece of `http` for crates whose bodies are JSON: their error responses and bodies.
pub(crate) const HTTP_JSON: &str = include_str!("../runtime/src/http/json.rs");

/// `xml`: the XML reader and writer of the XML protocols.
pub(crate) const XML: &str = include_str!("../runtime/src/xml.rs");

/// `query`: the form writer of the query protocols.
pub(crate) const QUERY: &str = include_str!("../runtime/src/query.rs");

/// `s3`: Amazon S3's bucket addressing (S3's crate only).
pub(crate) const S3: &str = include_str!("../runtime/src/s3.rs");

/// `compression`: gzip for request bodies (`@requestCompression`), on flate2.
pub(crate) const COMPRESSION: &str = include_str!("../runtime/src/compression.rs");

/// `tree_hash`: Glacier's SHA-256 checksums of a payload.
pub(crate) const TREE_HASH: &str = include_str!("../runtime/src/tree_hash.rs");

/// `json`'s own text: the codecs every crate with the `serde` feature has.
pub(crate) const JSON: &str = own_text(include_str!("../runtime/src/json.rs"));

/// The piece of `json` for crates with timestamps: the `date-time` and `http-date` codecs.
pub(crate) const JSON_TIMESTAMPS: &str = include_str!("../runtime/src/json/timestamps.rs");

/// `primitives`' own text (its module documentation), before the pieces.
pub(crate) const PRIMITIVES: &str = own_text(include_str!("../runtime/src/primitives.rs"));

/// The pieces of `primitives`, one type (or a few that belong together) each.
pub(crate) mod piece {
    pub(crate) const UNKNOWN_VARIANT_VALUE: &str = include_str!("../runtime/src/primitives/unknown_variant_value.rs");
    pub(crate) const UNKNOWN_INT_VARIANT_VALUE: &str =
        include_str!("../runtime/src/primitives/unknown_int_variant_value.rs");
    pub(crate) const BLOB: &str = include_str!("../runtime/src/primitives/blob.rs");
    pub(crate) const BYTE_STREAM: &str = include_str!("../runtime/src/primitives/byte_stream.rs");
    pub(crate) const DATE_TIME: &str = include_str!("../runtime/src/primitives/date_time.rs");
    pub(crate) const DOCUMENT: &str = include_str!("../runtime/src/primitives/document.rs");
    pub(crate) const PARSE_NUMBER_ERROR: &str = include_str!("../runtime/src/primitives/parse_number_error.rs");
    pub(crate) const BIG_INTEGER: &str = include_str!("../runtime/src/primitives/big_integer.rs");
    pub(crate) const BIG_DECIMAL: &str = include_str!("../runtime/src/primitives/big_decimal.rs");
    pub(crate) const EVENT_STREAM: &str = include_str!("../runtime/src/primitives/event_stream.rs");
    pub(crate) const UNKNOWN_MEMBER: &str = include_str!("../runtime/src/primitives/unknown_member.rs");
}

/// `rpc_v2`: what the RPC v2 protocols share (the `http` feature of rpcv2Cbor and rpcv2Json crates).
pub(crate) const RPC_V2: &str = include_str!("../runtime/src/rpc_v2.rs");

/// `cbor`'s own text: the CBOR codec and its impls for the types every rpcv2Cbor crate has.
pub(crate) const CBOR: &str = own_text(include_str!("../runtime/src/cbor.rs"));

/// The pieces of `cbor`: its impls for the `primitives` pieces a crate may lack.
pub(crate) mod cbor_piece {
    pub(crate) const BYTE_STREAM: &str = include_str!("../runtime/src/cbor/byte_stream.rs");
    pub(crate) const DATE_TIME: &str = include_str!("../runtime/src/cbor/date_time.rs");
    pub(crate) const DOCUMENT: &str = include_str!("../runtime/src/cbor/document.rs");
    pub(crate) const BIG_INTEGER: &str = include_str!("../runtime/src/cbor/big_integer.rs");
    pub(crate) const BIG_DECIMAL: &str = include_str!("../runtime/src/cbor/big_decimal.rs");
    pub(crate) const EVENT_STREAM: &str = include_str!("../runtime/src/cbor/event_stream.rs");
}

/// The support module of the generated protocol tests (`tests/support/mod.rs`).
pub(crate) const PROTOCOL_SUPPORT: &str = include_str!("../runtime/src/protocol_support.rs");

/// The text of a module file up to its first line starting with `include!(`, without the blank
/// lines before that line; all of it when there is none.
///
/// A `const fn`, so the cut is made once, at compile time.
const fn own_text(source: &'static str) -> &'static str {
    const MARKER: &[u8] = b"include!(";
    let bytes = source.as_bytes();
    let mut end = bytes.len();
    let mut at = 0;
    while at + MARKER.len() <= bytes.len() {
        if at == 0 || bytes[at - 1] == b'\n' {
            let mut i = 0;
            while i < MARKER.len() && bytes[at + i] == MARKER[i] {
                i += 1;
            }
            if i == MARKER.len() {
                end = at;
                break;
            }
        }
        at += 1;
    }
    // Keep the line break of the last line of text, and no blank line after it.
    while end >= 2 && bytes[end - 1] == b'\n' && bytes[end - 2] == b'\n' {
        end -= 1;
    }
    let (text, _) = bytes.split_at(end);
    match std::str::from_utf8(text) {
        Ok(text) => text,
        // The cut is made before an ASCII byte, so it never splits a character.
        Err(_) => panic!("the cut split a UTF-8 character"),
    }
}

#[cfg(test)]
mod tests {
    use super::own_text;

    #[test]
    fn own_text_ends_before_the_first_include_line() {
        let source = "//! Docs.\n\nuse a::b;\n\ninclude!(\"x.rs\");\ninclude!(\"y.rs\");\n// after\n";
        assert_eq!(own_text(source), "//! Docs.\n\nuse a::b;\n");
    }

    #[test]
    fn own_text_ignores_include_inside_a_line() {
        let source = "//! Docs.\nconst A: &str = include!(\"x\");\n";
        assert_eq!(own_text(source), source);
    }

    #[test]
    fn own_text_of_a_file_without_pieces_is_the_file() {
        assert_eq!(own_text("//! Docs.\n"), "//! Docs.\n");
        assert_eq!(own_text(""), "");
    }

    /// A piece the generator copies is compiled in the runtime crate only if its `primitives`
    /// includes it.
    #[test]
    fn the_runtime_crate_includes_every_piece() {
        let file = include_str!("../runtime/src/primitives.rs");
        for name in [
            "unknown_variant_value",
            "unknown_int_variant_value",
            "blob",
            "byte_stream",
            "date_time",
            "document",
            "parse_number_error",
            "big_integer",
            "big_decimal",
            "event_stream",
            "unknown_member",
        ] {
            assert!(file.contains(&format!("\ninclude!(\"primitives/{name}.rs\");")), "{name}");
        }
        let json = include_str!("../runtime/src/json.rs");
        assert!(json.contains("\ninclude!(\"json/timestamps.rs\");"));
        let cbor = include_str!("../runtime/src/cbor.rs");
        for name in ["byte_stream", "date_time", "document", "big_integer", "big_decimal", "event_stream"] {
            assert!(cbor.contains(&format!("\ninclude!(\"cbor/{name}.rs\");")), "{name}");
        }
        let http = include_str!("../runtime/src/http.rs");
        assert!(http.contains("\ninclude!(\"http/json.rs\");"));
    }

    /// Pieces are copied after a module's own text, where inner attributes and docs are errors.
    #[test]
    fn pieces_have_no_inner_attributes() {
        use super::piece::*;
        for text in [
            UNKNOWN_VARIANT_VALUE,
            UNKNOWN_INT_VARIANT_VALUE,
            BLOB,
            BYTE_STREAM,
            DATE_TIME,
            DOCUMENT,
            PARSE_NUMBER_ERROR,
            BIG_INTEGER,
            BIG_DECIMAL,
            EVENT_STREAM,
            UNKNOWN_MEMBER,
            super::JSON_TIMESTAMPS,
            super::cbor_piece::BYTE_STREAM,
            super::cbor_piece::DATE_TIME,
            super::cbor_piece::DOCUMENT,
            super::cbor_piece::BIG_INTEGER,
            super::cbor_piece::BIG_DECIMAL,
            super::cbor_piece::EVENT_STREAM,
            super::HTTP_JSON,
        ] {
            assert!(!text.contains("//!") && !text.contains("#!["), "{text}");
        }
    }

    #[test]
    fn module_texts_hold_no_include() {
        for text in [
            super::JSON,
            super::PRIMITIVES,
            super::ERROR,
            super::HTTP,
            super::PROTOCOL_SUPPORT,
            super::COMPRESSION,
            super::TREE_HASH,
            super::RPC_V2,
            super::CBOR,
            super::XML,
            super::QUERY,
            super::S3,
        ] {
            assert!(!text.contains("\ninclude!("), "{text}");
            assert!(text.starts_with("//! "), "{text}");
        }
    }
}
