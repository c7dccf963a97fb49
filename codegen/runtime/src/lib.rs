//! The support modules every generated crate carries, compiled and tested as a crate of their own:
//! [`error`], [`primitives`], `json` (feature `serde`), `http` (feature `http`), `xml`, `query`
//! and S3's `s3` (feature `xml`), `cbor` (feature `cbor`), and the modules some crates'
//! customizations add: `compression` (feature `request-compression`) and `tree_hash`.
//!
//! The generator copies these files into each crate it writes, as text
//! (`codegen/src/runtime_sources.rs`). This crate has the module tree, edition, features and
//! dependencies of a generated crate, so each file compiles unchanged here and there: a file
//! names the others by the paths a generated crate has (`crate::primitives::Blob`,
//! `crate::json::Text`), and the standard library by absolute paths (`::std::string::String`),
//! as generated code does.
//!
//! # Pieces
//!
//! A generated crate's `primitives` holds only the types its shapes use, and its `json` has the
//! timestamp codecs only when the crate has timestamps. Such a module is split into pieces, a file
//! each under `primitives/` and `json/`: the generator writes the module file's own text (what
//! comes before its first `include!` line), then the pieces the crate uses, in the order of the
//! `include!`s. Here the `include!`s bring in every piece, so every piece is compiled and tested.
//!
//! Any set of pieces the generator picks compiles, because:
//! - a piece names another by its bare name (`Blob`, not `crate::primitives::Blob`): inside
//!   `primitives` the two mean the same, but only the bare name resolves to a piece compiled
//!   beside it in another module. The tests (`tests/piece_sets.rs`) compile each piece in a module
//!   of its own with only the pieces it needs (the ones the generator adds with it), so a piece
//!   that uses one it does not declare fails to compile;
//! - every piece is compiled together here, so two pieces defining the same name fail to compile;
//! - the generator writes pieces in the order of the `include!`s, so the macro
//!   `parse_number_error.rs` defines comes before its uses.
//!
//! Every set the generator writes is a union of the closed sets the tests compile. Whether a set
//! leaves something unused is checked where it matters, in the generated crates, which must
//! compile without warnings (the golden crates and the corpus).
//!
//! rustfmt does not follow `include!`; never-compiled `#[cfg(any())]` module declarations point it
//! at the pieces, so `cargo fmt` formats them too, at 100 columns (`rustfmt.toml`), the width of
//! the generated code.
//!
//! # Protocol tests
//!
//! `protocol_support.rs` is the module the generated protocol tests include as
//! `tests/support/mod.rs`. It reaches the crate under test as `crate::service`, which here is this
//! crate; it is compiled for this crate's tests with the `http` feature.

// Crate-private items are there for the generated code the files are copied next to; this crate
// has none, so some are used only by its tests. Unused code in a generated crate is still a
// warning there.
#![allow(dead_code)]

pub mod error;
pub mod primitives;

/// How values are written in JSON, for the `serde` feature.
#[cfg(feature = "serde")]
mod json;

#[cfg(feature = "http")]
pub mod http;

/// gzip for request bodies; copied into crates with `@requestCompression` operations.
#[cfg(feature = "request-compression")]
mod compression;

/// What the RPC v2 protocols share (rpcv2Cbor and rpcv2Json crates have it under `http`).
#[cfg(feature = "http")]
mod rpc_v2;
/// Glacier's payload checksums; copied into Glacier's crate.
#[cfg(feature = "http")]
mod tree_hash;

/// CBOR bodies (rpcv2Cbor crates have it under `http`).
#[cfg(feature = "cbor")]
mod cbor;
/// XML bodies, for the XML protocols.
#[cfg(feature = "xml")]
mod xml;

/// Form bodies, for the query protocols.
#[cfg(feature = "xml")]
mod query;

#[cfg(feature = "xml")]
pub mod s3;

#[cfg(all(test, feature = "http"))]
mod protocol_support;

/// The name under which the protocol tests' support module reaches the crate under test.
#[cfg(all(test, feature = "http"))]
use crate as service;

#[cfg(test)]
mod tests;
