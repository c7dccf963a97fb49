//! Amazon S3's customizations (`../shared/smithy/spec/aws/customizations/s3-customizations.rst`),
//! apart from the restXml core:
//!
//! - bucket addressing: an operation bound to `/{Bucket}…` builds its URI through the crate's
//!   `s3` module, which moves the bucket into the host (virtual-hosted style, the default) or
//!   keeps it in the path, and derives the dual-stack and accelerate endpoints; such inputs get
//!   `to_s3_http_request` (and `to_s3_http_request_with_body`) taking `s3::S3Options`;
//! - unwrapped outputs (`@s3UnwrappedXmlOutput`): the response's root element is the output's
//!   member, not an element holding it;
//! - unwrapped errors (`<Error>` as the root, restXml's `noErrorWrapping`), which the XML error
//!   reader accepts for every restXml service.
//!
//! The protocol tests' `vendorParams` (an `AwsConfig` scoped to the client and the operation)
//! become `S3Options` in the protocol tests (`protocol_tests.rs`).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::ir::{Crate, Customization, HttpOperation, Member, Operation, PathPiece};
use crate::render::xml::{assign_member, local_name, match_name};
use crate::render::{Context, Std, ident};

/// Whether the crate is S3's.
pub(crate) fn applies(krate: &Crate) -> bool {
    krate.service.customization == Some(Customization::S3)
}

/// An S3 operation whose URI starts with its bucket, `/{Bucket}`.
pub(crate) struct BucketAddressing<'a> {
    bucket: &'a Member,
}

/// The bucket an S3 operation addresses, when its URI starts with the `Bucket` label.
pub(crate) fn bucket_addressing<'a>(
    krate: &Crate,
    op: &'a Operation,
    http: &HttpOperation,
) -> Option<BucketAddressing<'a>> {
    if !applies(krate) {
        return None;
    }
    let structure = match &op.input.kind {
        crate::ir::ItemKind::Structure(structure) => structure,
        _ => return None,
    };
    match http.path.as_slice() {
        [PathPiece::Literal(slash), PathPiece::Label { member, greedy: false }, ..] if slash == "/" => {
            let bucket = &structure.members[*member];
            (bucket.model_name == "Bucket").then_some(BucketAddressing { bucket })
        }
        _ => None,
    }
}

impl BucketAddressing<'_> {
    /// The expression of the request's URI, from `uri` (the path-style path and query), the
    /// options `options` and `s3`, and the operation's host prefix.
    pub(crate) fn full_uri(&self, host_prefix: &TokenStream) -> TokenStream {
        let field = ident(&self.bucket.field);
        let bucket = if self.bucket.optional {
            quote!(input.#field.as_deref().unwrap_or_default())
        } else {
            quote!(input.#field.as_str())
        };
        quote!(crate::s3::full_uri(options, s3, #host_prefix, #bucket, uri.finish())?)
    }
}

/// Statements reading an `@s3UnwrappedXmlOutput` output: the root element `element` is the
/// member whose element name it has.
pub(crate) fn read_unwrapped_members(std: &Std, members: &[&Member]) -> TokenStream {
    let element = format_ident!("element");
    let arms: Vec<(&str, TokenStream)> =
        members.iter().map(|member| (local_name(&member.xml.name), assign_member(std, member, &element))).collect();
    if arms.is_empty() {
        return quote!(let _ = #element;);
    }
    match_name(&element, &arms)
}

/// `pub mod s3;` in `lib.rs`, for S3's crate.
pub(crate) fn module_declaration(cx: &Context<'_>) -> Option<TokenStream> {
    applies(cx.krate).then(|| {
        quote! {
            #[cfg(feature = "http")]
            #[rustfmt::skip]
            pub mod s3;
        }
    })
}

/// The `s3` support module, for S3's crate.
pub(crate) fn support_file(cx: &Context<'_>) -> Option<&'static str> {
    applies(cx.krate).then_some(crate::runtime_sources::S3)
}
