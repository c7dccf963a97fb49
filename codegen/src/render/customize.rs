//! Service-specific customizations, kept apart from the protocol core: what AWS SDKs add for a
//! service beyond its protocol. The protocol renderers call into these where a customization
//! applies, and a crate without one is unaffected.

pub(crate) mod s3;
