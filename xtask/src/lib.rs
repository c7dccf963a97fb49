//! The project's tasks as a library: reading models, generating crates and keeping files in sync.
//!
//! The `xtask` binary is a thin command line over this; the golden tests use the same functions,
//! so `cargo test` checks generated code exactly the way `cargo xtask codegen --check` does.

pub mod bench;
pub mod corpus;
pub mod files;
pub mod models;
pub mod moto;
pub mod protocol;

use std::path::{Path, PathBuf};

use codegen::Settings;

/// The root of the project's workspace.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

/// Where the checked-in model lives, relative to the workspace root.
pub const MODEL_DIR: &str = "model";
/// Where the checked-in generated crate lives, relative to the workspace root.
pub const GENERATED_DIR: &str = "generated";

/// The settings the checked-in `generated` crate is made with.
pub fn project_settings() -> Settings {
    Settings::new("amplifybackend").generated_by("`cargo xtask codegen` from `model/`")
}
