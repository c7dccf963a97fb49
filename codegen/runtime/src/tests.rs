//! What each module promises, tested here rather than in the files generated crates copy.

mod big_numbers;
mod blob;
#[cfg(feature = "cbor")]
mod cbor;
#[cfg(feature = "request-compression")]
mod compression;
mod date_time;
mod document;
mod error;
#[cfg(feature = "http")]
mod http;
#[cfg(feature = "serde")]
mod json;
mod piece_sets;
#[cfg(feature = "http")]
mod protocol_support;
#[cfg(feature = "xml")]
mod query;
mod rng;
#[cfg(feature = "http")]
mod rpc_v2;
#[cfg(feature = "xml")]
mod s3;
mod secrets;
#[cfg(feature = "http")]
mod tree_hash;
#[cfg(feature = "xml")]
mod xml;
