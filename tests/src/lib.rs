//! Tests of the generator and of the generated crate; the tests themselves are in `tests/tests/`.
//!
//! The examples below check what must *not* compile, each next to a twin that must, so that a
//! `compile_fail` example cannot pass for an unrelated reason.
//!
//! An enum's `Unknown` variant cannot be built by hand; values the model does not list come
//! from conversions:
//!
//! ```
//! use amplifybackend::types::MfaMode;
//! let value = MfaMode::from("SOMETIMES");
//! assert!(matches!(value, MfaMode::Unknown(_)));
//! ```
//!
//! ```compile_fail
//! use amplifybackend::primitives::UnknownVariantValue;
//! use amplifybackend::types::MfaMode;
//! let value = MfaMode::Unknown(UnknownVariantValue::new("SOMETIMES".to_owned()));
//! ```
//!
//! Deprecated members are marked `#[deprecated]`:
//!
//! ```
//! #![deny(deprecated)]
//! use amplifybackend::types::UpdateBackendAuthUserPoolConfig;
//! let config = UpdateBackendAuthUserPoolConfig::builder().build();
//! assert!(config.mfa().is_none());
//! ```
//!
//! ```compile_fail
//! #![deny(deprecated)]
//! use amplifybackend::types::UpdateBackendAuthUserPoolConfig;
//! let config = UpdateBackendAuthUserPoolConfig::builder().build();
//! assert!(config.forgot_password().is_none());
//! ```
//!
//! Required members are plain values, not options:
//!
//! ```
//! # use amplifybackend::operation::update_backend_auth::UpdateBackendAuthInput;
//! fn app_id(input: &UpdateBackendAuthInput) -> String {
//!     input.app_id.clone()
//! }
//! ```
//!
//! ```compile_fail
//! # use amplifybackend::operation::update_backend_auth::UpdateBackendAuthInput;
//! fn app_id(input: &UpdateBackendAuthInput) -> Option<String> {
//!     input.app_id.clone()
//! }
//! ```

pub mod fuzz;

/// The README's examples, compiled and run as doctests so they stay true.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeExamples;
