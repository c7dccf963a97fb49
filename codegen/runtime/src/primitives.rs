//! Small types the generated types are made of.

include!("primitives/unknown_variant_value.rs");
include!("primitives/unknown_int_variant_value.rs");
include!("primitives/blob.rs");
include!("primitives/byte_stream.rs");
include!("primitives/date_time.rs");
include!("primitives/document.rs");
include!("primitives/parse_number_error.rs");
include!("primitives/big_integer.rs");
include!("primitives/big_decimal.rs");
include!("primitives/event_stream.rs");
include!("primitives/unknown_member.rs");

// A generated crate's `primitives` is the text of this file above the first `include!`, then the
// pieces its shapes use, in the order of the `include!`s (the order of `Piece` in
// `codegen/src/render/runtime.rs`): `parse_number_error.rs` defines the macro the big numbers use,
// and a macro can be used only after its definition. A piece names another piece by its bare
// name, so that `tests/piece_sets.rs` can compile each piece with only the pieces it needs.

// rustfmt does not follow `include!`. These declarations, never compiled, point it at the pieces
// so that `cargo fmt` formats them.
#[cfg(any())]
#[path = "primitives/big_decimal.rs"]
mod big_decimal;
#[cfg(any())]
#[path = "primitives/big_integer.rs"]
mod big_integer;
#[cfg(any())]
#[path = "primitives/blob.rs"]
mod blob;
#[cfg(any())]
#[path = "primitives/byte_stream.rs"]
mod byte_stream;
#[cfg(any())]
#[path = "primitives/date_time.rs"]
mod date_time;
#[cfg(any())]
#[path = "primitives/document.rs"]
mod document;
#[cfg(any())]
#[path = "primitives/event_stream.rs"]
mod event_stream;
#[cfg(any())]
#[path = "primitives/parse_number_error.rs"]
mod parse_number_error;
#[cfg(any())]
#[path = "primitives/unknown_int_variant_value.rs"]
mod unknown_int_variant_value;
#[cfg(any())]
#[path = "primitives/unknown_member.rs"]
mod unknown_member;
#[cfg(any())]
#[path = "primitives/unknown_variant_value.rs"]
mod unknown_variant_value;
