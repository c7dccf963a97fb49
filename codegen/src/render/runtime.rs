//! The hand-written support modules every generated crate carries: `error` and `primitives`.
//!
//! Their source is the `codegen-runtime` crate (`codegen/runtime/`, read by `runtime_sources`),
//! and only the pieces a crate uses are included, so no generated crate has dead code. Each crate
//! gets its own copy rather than depending on a shared runtime crate: the pieces are small, and a
//! dependency would tie every generated crate to one published version of it.

use std::collections::BTreeSet;

use super::Context;
use crate::model::ShapeKind;
use crate::runtime_sources::{ERROR, HTTP, JSON, JSON_TIMESTAMPS, PRIMITIVES, piece};
use crate::symbols::RustType;

/// A piece of the `primitives` module.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Piece {
    UnknownVariantValue,
    UnknownIntVariantValue,
    Blob,
    ByteStream,
    DateTime,
    Document,
    // Before the big numbers: it defines the macro they use, and macros are scoped textually.
    ParseNumberError,
    BigInteger,
    BigDecimal,
    EventStream,
    UnknownMember,
}

impl Piece {
    fn source(self) -> &'static str {
        match self {
            Piece::UnknownVariantValue => piece::UNKNOWN_VARIANT_VALUE,
            Piece::UnknownIntVariantValue => piece::UNKNOWN_INT_VARIANT_VALUE,
            Piece::Blob => piece::BLOB,
            Piece::ByteStream => piece::BYTE_STREAM,
            Piece::DateTime => piece::DATE_TIME,
            Piece::Document => piece::DOCUMENT,
            Piece::BigInteger => piece::BIG_INTEGER,
            Piece::BigDecimal => piece::BIG_DECIMAL,
            Piece::ParseNumberError => piece::PARSE_NUMBER_ERROR,
            Piece::EventStream => piece::EVENT_STREAM,
            Piece::UnknownMember => piece::UNKNOWN_MEMBER,
        }
    }
}

/// The pieces of `primitives` the crate's shapes use.
fn pieces(cx: &Context<'_>) -> BTreeSet<Piece> {
    let mut pieces = BTreeSet::new();
    for (id, _) in cx.symbols.items() {
        match cx.index.shape(id).kind {
            ShapeKind::Enum(_) | ShapeKind::String => pieces.insert(Piece::UnknownVariantValue),
            ShapeKind::IntEnum(_) => pieces.insert(Piece::UnknownIntVariantValue),
            // A union keeps a member it does not know with its value, as a document.
            ShapeKind::Union(_) => pieces.insert(Piece::UnknownMember) && pieces.insert(Piece::Document),
            _ => false,
        };
    }
    for ty in cx.symbols.member_types() {
        ty.walk(&mut |ty| {
            let piece = match ty {
                RustType::Blob => Piece::Blob,
                RustType::ByteStream => Piece::ByteStream,
                RustType::DateTime => Piece::DateTime,
                RustType::Document => Piece::Document,
                RustType::BigInteger => Piece::BigInteger,
                RustType::BigDecimal => Piece::BigDecimal,
                RustType::EventStream(_) => Piece::EventStream,
                _ => return,
            };
            pieces.insert(piece);
        });
    }
    if pieces.contains(&Piece::BigInteger) || pieces.contains(&Piece::BigDecimal) {
        pieces.insert(Piece::ParseNumberError);
    }
    // A streaming body is written as base64 in JSON, which `Blob` knows how to do.
    // The HTTP bindings write Content-MD5 and media-type headers in base64.
    if pieces.contains(&Piece::ByteStream) || super::http::applies(cx) {
        pieces.insert(Piece::Blob);
    }
    pieces
}

/// Whether the crate needs a `primitives` module.
///
/// The HTTP bindings always need one (for `Blob`'s base64), so restJson1 crates always have it.
pub(crate) fn has_primitives(cx: &Context<'_>) -> bool {
    !pieces(cx).is_empty()
}

/// The support files, by path.
pub(crate) fn runtime_files(cx: &Context<'_>) -> Vec<(String, String)> {
    let pieces = pieces(cx);
    let mut error = cx.file();
    error.text(ERROR);
    let mut json = cx.file();
    json.text(JSON);
    if pieces.contains(&Piece::DateTime) {
        json.blank();
        json.text(JSON_TIMESTAMPS);
    }
    let mut files = vec![("src/error.rs".to_owned(), error.finish()), ("src/json.rs".to_owned(), json.finish())];
    if super::http::applies(cx) {
        let mut http = cx.file();
        http.text(HTTP);
        files.push(("src/http.rs".to_owned(), http.finish()));
    }
    if !pieces.is_empty() {
        let mut primitives = cx.file();
        primitives.text(PRIMITIVES);
        for piece in pieces {
            primitives.blank();
            primitives.text(piece.source());
        }
        files.push(("src/primitives.rs".to_owned(), primitives.finish()));
    }
    files
}
