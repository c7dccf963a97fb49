//! The hand-written support modules every generated crate carries: `error`, `primitives`, `json`
//! and (with HTTP bindings) `http`.
//!
//! Their source is ordinary Rust, copied as text: it is already formatted and is never parsed or
//! formatted again at generation time. Only the pieces of `primitives` a crate uses are included,
//! so no generated crate has dead code. Each crate gets its own copy rather than depending on a
//! shared runtime crate: the pieces are small, and a dependency would tie every generated crate to
//! one published version of it.

use super::Context;
use crate::ir::RuntimePiece;

const ERROR: &str = include_str!("../../templates/error.rs");
const JSON: &str = include_str!("../../templates/json.rs");
const JSON_TIMESTAMPS: &str = include_str!("../../templates/json_timestamps.rs");
const HTTP: &str = include_str!("../../templates/http.rs");
const PRIMITIVES: &str = include_str!("../../templates/primitives.rs");

fn source(piece: RuntimePiece) -> &'static str {
    match piece {
        RuntimePiece::UnknownVariantValue => include_str!("../../templates/unknown_variant_value.rs"),
        RuntimePiece::UnknownIntVariantValue => include_str!("../../templates/unknown_int_variant_value.rs"),
        RuntimePiece::Blob => include_str!("../../templates/blob.rs"),
        RuntimePiece::ByteStream => include_str!("../../templates/byte_stream.rs"),
        RuntimePiece::DateTime => include_str!("../../templates/date_time.rs"),
        RuntimePiece::Document => include_str!("../../templates/document.rs"),
        RuntimePiece::BigInteger => include_str!("../../templates/big_integer.rs"),
        RuntimePiece::BigDecimal => include_str!("../../templates/big_decimal.rs"),
        RuntimePiece::ParseNumberError => include_str!("../../templates/parse_number_error.rs"),
        RuntimePiece::EventStream => include_str!("../../templates/event_stream.rs"),
        RuntimePiece::UnknownMember => include_str!("../../templates/unknown_member.rs"),
    }
}

/// The support files, by path.
pub(crate) fn files(cx: &Context<'_>) -> Vec<(String, String)> {
    let header = super::header(cx.settings, "//");
    let file = |parts: &[&str]| {
        let mut text = header.clone();
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                text.push('\n');
            }
            text.push_str(part);
        }
        text
    };
    let pieces = &cx.krate.runtime;
    let mut files = vec![("src/error.rs".to_owned(), file(&[ERROR]))];
    if pieces.contains(&RuntimePiece::DateTime) {
        files.push(("src/json.rs".to_owned(), file(&[JSON, JSON_TIMESTAMPS])));
    } else {
        files.push(("src/json.rs".to_owned(), file(&[JSON])));
    }
    if super::http::applies(cx) {
        files.push(("src/http.rs".to_owned(), file(&[HTTP])));
    }
    if !pieces.is_empty() {
        let mut parts = vec![PRIMITIVES];
        parts.extend(pieces.iter().map(|piece| source(*piece)));
        files.push(("src/primitives.rs".to_owned(), file(&parts)));
    }
    files
}
