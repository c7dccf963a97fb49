//! Reads Smithy IDL 2.0 and assembles it into the Smithy JSON AST.
//!
//! The JSON AST is returned as a [`serde_json::Value`], with shapes, members and traits
//! in the order they are written.
//!
//! * [`parse_file`] reads one `.smithy` file on its own.
//! * [`Assembler`] reads many files (IDL and JSON AST) that refer to each other, with
//!   the prelude, and merges them into one model.
//! * [`flatten_mixins`] copies what shapes inherit from their mixins into the shapes and
//!   removes the mixins, for consumers that do not want to deal with them.
//!
//! Problems are reported all at once as [`Diagnostics`] (those of `smithy-core`, which
//! the generator reports too), each located at a line and column of a source file.
//!
//! ```
//! let ast = smithy_idl::parse_file(
//!     "example.smithy",
//!     r#"$version: "2"
//! namespace smithy.example
//!
//! /// A greeting.
//! structure Greeting {
//!     @required
//!     message: String = "hello"
//! }
//! "#,
//! )
//! .unwrap();
//! assert_eq!(
//!     ast,
//!     serde_json::json!({
//!         "smithy": "2.0",
//!         "shapes": {
//!             "smithy.example#Greeting": {
//!                 "type": "structure",
//!                 "members": {
//!                     "message": {
//!                         "target": "smithy.api#String",
//!                         "traits": {
//!                             "smithy.api#required": {},
//!                             "smithy.api#default": "hello"
//!                         }
//!                     }
//!                 },
//!                 "traits": { "smithy.api#documentation": "A greeting." }
//!             }
//!         }
//!     })
//! );
//! ```

mod assemble;
mod ast;
mod json_ast;
mod lexer;
mod mixins;
mod parser;
#[cfg(test)]
mod prelude_file;
mod reporter;
mod text;

pub use assemble::{Assembler, parse_file};
pub use mixins::flatten_mixins;
pub use smithy_core::{Diagnostic, Diagnostics};
