//! The hand-written support modules every generated crate carries: `error`, `primitives`, `json`
//! and (with HTTP bindings) `http`, with `xml` and `query` for the protocols whose bodies they
//! write.
//!
//! Their source is the `codegen-runtime` crate (`codegen/runtime/`, read by `runtime_sources`),
//! where it is compiled and tested; it is copied as text: it is already formatted and is never parsed or
//! formatted again at generation time. Only the pieces of `primitives` a crate uses are included,
//! so no generated crate has dead code. Each crate gets its own copy rather than depending on a
//! shared runtime crate: the pieces are small, and a dependency would tie every generated crate to
//! one published version of it.

use super::Context;
use crate::ir::RuntimePiece;

use super::protocol::SupportModule;
use crate::runtime_sources::{
    CBOR, ERROR, HTTP, HTTP_JSON, JSON, JSON_TIMESTAMPS, PRIMITIVES, QUERY, RPC_V2, XML, cbor_piece, piece,
};

fn source(piece: RuntimePiece) -> &'static str {
    match piece {
        RuntimePiece::UnknownVariantValue => piece::UNKNOWN_VARIANT_VALUE,
        RuntimePiece::UnknownIntVariantValue => piece::UNKNOWN_INT_VARIANT_VALUE,
        RuntimePiece::Blob => piece::BLOB,
        RuntimePiece::ByteStream => piece::BYTE_STREAM,
        RuntimePiece::DateTime => piece::DATE_TIME,
        RuntimePiece::Document => piece::DOCUMENT,
        RuntimePiece::BigInteger => piece::BIG_INTEGER,
        RuntimePiece::BigDecimal => piece::BIG_DECIMAL,
        RuntimePiece::ParseNumberError => piece::PARSE_NUMBER_ERROR,
        RuntimePiece::EventStream => piece::EVENT_STREAM,
        RuntimePiece::UnknownMember => piece::UNKNOWN_MEMBER,
    }
}

/// The piece of `cbor` for a piece of `primitives`, when a body can hold its type.
fn cbor_source(piece: RuntimePiece) -> Option<&'static str> {
    match piece {
        RuntimePiece::ByteStream => Some(cbor_piece::BYTE_STREAM),
        RuntimePiece::DateTime => Some(cbor_piece::DATE_TIME),
        RuntimePiece::Document => Some(cbor_piece::DOCUMENT),
        RuntimePiece::BigInteger => Some(cbor_piece::BIG_INTEGER),
        RuntimePiece::BigDecimal => Some(cbor_piece::BIG_DECIMAL),
        RuntimePiece::EventStream => Some(cbor_piece::EVENT_STREAM),
        RuntimePiece::UnknownVariantValue
        | RuntimePiece::UnknownIntVariantValue
        | RuntimePiece::Blob
        | RuntimePiece::ParseNumberError
        | RuntimePiece::UnknownMember => None,
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
    if let Some(wire) = super::protocol::crate_wire(cx) {
        let modules = super::protocol::support_modules(wire.protocol);
        if modules.contains(&SupportModule::HttpJson) {
            files.push(("src/http.rs".to_owned(), file(&[HTTP, HTTP_JSON])));
        } else {
            files.push(("src/http.rs".to_owned(), file(&[HTTP])));
        }
        if modules.contains(&SupportModule::Query) {
            files.push(("src/query.rs".to_owned(), file(&[QUERY])));
        }
        if let Some(s3) = super::customize::s3::support_file(cx) {
            files.push(("src/s3.rs".to_owned(), file(&[s3])));
        }
        if modules.contains(&SupportModule::Xml) {
            files.push(("src/xml.rs".to_owned(), file(&[XML])));
        }
        for module in super::customize::runtime_modules(cx.krate) {
            files.push((format!("src/{}.rs", module.name), file(&[module.source])));
        }
    }
    for (module, _) in super::protocol::runtime_modules(cx) {
        let parts = match *module {
            "rpc_v2" => vec![RPC_V2],
            "cbor" => {
                let mut parts = vec![CBOR];
                parts.extend(pieces.iter().filter_map(|piece| cbor_source(*piece)));
                parts
            }
            other => unreachable!("the runtime has no module `{other}`"),
        };
        files.push((format!("src/{module}.rs"), file(&parts)));
    }
    if !pieces.is_empty() {
        let mut parts = vec![PRIMITIVES];
        parts.extend(pieces.iter().map(|piece| source(*piece)));
        files.push(("src/primitives.rs".to_owned(), file(&parts)));
    }
    files
}
