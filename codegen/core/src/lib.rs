//! The Smithy model vocabulary shared by the IDL reader (`smithy-idl`) and the generator
//! (`codegen`): what both need to agree on, defined once.
//!
//! * [`shape_id`]: the grammar of shape ids, and [`ShapeId`], the absolute id models are keyed by;
//! * [`ShapeType`]: the kinds of shape, by keyword;
//! * [`prelude`]: the shapes of `smithy.api`, their types, and the traits the prelude applies;
//! * [`node`]: node values (`serde_json::Value`) and the strict JSON reader that refuses an
//!   object key given twice;
//! * [`traits`]: what applying a trait twice means, and JSON AST `apply` entries;
//! * [`Diagnostic`] and [`Diagnostics`]: problems located by file, shape, line and column,
//!   with [`SourceFile`] to locate them in text.

mod diagnostics;
pub mod node;
pub mod prelude;
pub mod shape_id;
mod shape_type;
mod source;
pub mod traits;

pub use diagnostics::{Diagnostic, Diagnostics};
pub use node::{JsonError, parse_json};
pub use shape_id::ShapeId;
pub use shape_type::ShapeType;
pub use source::SourceFile;
