//! What each fuzz target of `tests/fuzz/` checks, one function per target. The targets call
//! these functions, and `tests/tests/fuzz_regressions.rs` replays the committed seeds and every
//! crash found so far through them, so `cargo test` runs the same checks on stable.

mod generate;
mod response;

pub use generate::generate;
pub use response::{OPERATIONS, Read, response};
