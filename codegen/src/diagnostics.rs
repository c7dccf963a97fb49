//! Errors about the input model: each names the file and the shape (or line and column).
//!
//! The types are those of `smithy-core`, which the IDL reader reports too, so that problems
//! found in any model source reach the user in one form.

pub use smithy_core::{Diagnostic, Diagnostics};
