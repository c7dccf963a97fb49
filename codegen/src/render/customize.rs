//! What some services and operations need beyond their protocol: request compression
//! (`@requestCompression`) and the customizations AWS SDKs apply to API Gateway, Glacier and
//! Amazon Machine Learning (`../shared/smithy/spec/aws/customizations/`); S3's addressing and
//! unwrapped output live in [`s3`].
//!
//! The protocol renderers know nothing of these: they call [`request`] for the code to splice
//! into an operation's request builder at fixed points (after the headers, after the body,
//! before the URI), and [`label_default`] for each URI label. What a customization needs in the
//! crate (a runtime module, an optional dependency of the `http` feature) comes from
//! [`runtime_modules`] and [`dependencies`]. Services are recognised by their shape ids, as
//! smithy-rs recognises them; every customization is tested by Smithy's protocol tests for it.

pub(crate) mod s3;

use proc_macro2::TokenStream;
use quote::quote;

use super::{Context, Std, ident, lit};
use crate::ir::{Binding, Crate, ItemKind, Member, Operation, Type};

/// The services with customizations, by shape id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Customized {
    /// `com.amazonaws.apigateway#BackplaneControlService`: every request accepts JSON.
    ApiGateway,
    /// `com.amazonaws.glacier#Glacier`: an API version header, tree-hash checksums, and the
    /// account id `-` (the caller's account) by default.
    Glacier,
    /// `com.amazonaws.machinelearning#AmazonML_20141212`: `Predict` is sent to the endpoint its
    /// input names.
    MachineLearning,
}

fn customized(krate: &Crate) -> Option<Customized> {
    match krate.service.id.as_str() {
        "com.amazonaws.apigateway#BackplaneControlService" => Some(Customized::ApiGateway),
        "com.amazonaws.glacier#Glacier" => Some(Customized::Glacier),
        "com.amazonaws.machinelearning#AmazonML_20141212" => Some(Customized::MachineLearning),
        _ => None,
    }
}

/// Glacier's operations whose payload is an archive or a part of one, sent with its checksums.
const GLACIER_TREE_HASH_OPERATIONS: &[&str] = &["UploadArchive", "UploadMultipartPart"];

/// The content codings the generated crates can apply to a request body, by name.
const SUPPORTED_ENCODINGS: &[&str] = &["gzip"];

/// Code spliced into an operation's request builder, each part empty when nothing applies.
///
/// Each part runs with `input` (what is sent), `options` (the `RequestOptions`), `headers` (a
/// mutable `http::HeaderMap`) and, from `body` on, `body` (the `Vec<u8>` payload) in scope, in a
/// function returning `Result<_, BuildError>`.
#[derive(Debug, Default)]
pub(crate) struct RequestHooks {
    /// Statements run once the headers bound to members are set: headers a service requires.
    pub headers: TokenStream,
    /// Statements run once the body is complete, before any `Content-MD5` is computed from it:
    /// checksums of the payload, then compression (which may rebind `body`).
    pub body: TokenStream,
    /// Statements run before the URI is made, which may rebind `options` to send the request
    /// elsewhere.
    pub options: TokenStream,
}

/// The customization code of the request builder of `op`.
pub(crate) fn request(cx: &Context<'_>, std: &Std, op: &Operation) -> RequestHooks {
    let mut hooks = RequestHooks::default();
    let members = match &op.input.kind {
        ItemKind::Structure(structure) => structure.members.as_slice(),
        _ => &[],
    };
    match customized(cx.krate) {
        Some(Customized::ApiGateway) => hooks.headers.extend(quote! {
            headers
                .entry(::http::header::ACCEPT)
                .or_insert(::http::HeaderValue::from_static("application/json"));
        }),
        Some(Customized::Glacier) => {
            // The version is the model's: it is what the request's shape follows.
            let version = lit(&cx.krate.service.version);
            hooks.headers.extend(quote! {
                crate::http::insert_header(&mut headers, "x-amz-glacier-version", "x-amz-glacier-version", #version)?;
            });
            if GLACIER_TREE_HASH_OPERATIONS.contains(&op.shape_name.as_str()) {
                hooks.body.extend(quote!(crate::tree_hash::set_checksum_headers(&mut headers, &body);));
            }
        }
        Some(Customized::MachineLearning) if op.shape_name == "Predict" => {
            if let Some(member) = members.iter().find(|m| m.model_name == "PredictEndpoint" && m.ty == Type::String) {
                hooks.options.extend(predict_endpoint(std, member));
            }
        }
        _ => {}
    }
    if compression(op).is_some() {
        // A streaming payload is compressed whatever its size (`@requestCompression` forbids
        // `@requiresLength` beside it, so no stream here needs its length known first).
        let streaming = members.iter().any(|m| m.ty == Type::ByteStream && m.binding != Binding::Body);
        hooks.body.extend(quote! {
            let body = crate::compression::compress_request(options, &mut headers, body, #streaming)?;
        });
    }
    hooks
}

/// The encoding `op`'s requests are compressed with: the first of its `@requestCompression`
/// encodings the crate supports.
fn compression(op: &Operation) -> Option<&'static str> {
    op.request_compression
        .iter()
        .find_map(|encoding| SUPPORTED_ENCODINGS.iter().find(|supported| supported.eq_ignore_ascii_case(encoding)))
        .copied()
}

/// Sends `Predict` to the endpoint its `PredictEndpoint` member names, when it names one.
fn predict_endpoint(std: &Std, member: &Member) -> TokenStream {
    let Std { some, none, .. } = std;
    let field = ident(&member.field);
    let label = lit(&member.field);
    let value = if member.optional { quote!(input.#field.as_deref()) } else { quote!(#some(input.#field.as_str())) };
    quote! {
        let predict_options;
        let options = match #value.filter(|text| !text.is_empty()) {
            #some(text) => {
                let endpoint = text
                    .parse::<::http::Uri>()
                    .map_err(|e| crate::error::BuildError::invalid_field(#label, e.to_string()))?;
                predict_options = crate::http::RequestOptions::clone(options).endpoint(endpoint);
                &predict_options
            }
            #none => options,
        };
    }
}

/// For a URI label whose value a customization supplies when the input leaves it unset or
/// empty: the statement binding `value` (a `&str`) and the expression of its text, `value`.
///
/// Glacier takes the account id `-` for the account that signs the request.
pub(crate) fn label_default(cx: &Context<'_>, member: &Member) -> Option<(TokenStream, TokenStream)> {
    let applies = customized(cx.krate) == Some(Customized::Glacier)
        && member.model_name == "accountId"
        && member.ty == Type::String;
    if !applies {
        return None;
    }
    let field = ident(&member.field);
    let value = if member.optional {
        quote!(let value: &str = input.#field.as_deref().filter(|id| !id.is_empty()).unwrap_or("-");)
    } else {
        quote!(let value: &str = if input.#field.is_empty() { "-" } else { input.#field.as_str() };)
    };
    Some((value, quote!(value)))
}

/// A support module that a customization adds to the crate, behind the `http` feature.
#[derive(Clone, Copy, Debug)]
pub(crate) struct RuntimeModule {
    /// The module's name, declared in `lib.rs`.
    pub name: &'static str,
    /// Its text, from the `codegen-runtime` crate.
    pub source: &'static str,
    /// The optional dependency it is written on, if any.
    pub dependency: Option<Dependency>,
}

/// The support modules the crate's customizations use.
pub(crate) fn runtime_modules(krate: &Crate) -> Vec<RuntimeModule> {
    let mut modules = Vec::new();
    if krate.operations.iter().any(|op| compression(op).is_some()) {
        modules.push(RuntimeModule {
            name: "compression",
            source: crate::runtime_sources::COMPRESSION,
            dependency: Some(FLATE2),
        });
    }
    if customized(krate) == Some(Customized::Glacier)
        && krate.operations.iter().any(|op| GLACIER_TREE_HASH_OPERATIONS.contains(&op.shape_name.as_str()))
    {
        // SHA-256 is written out there: the sha2 crate would add typenum, hybrid-array,
        // crypto-common, digest and block-buffer to the build of a crate that needs one hash.
        modules.push(RuntimeModule { name: "tree_hash", source: crate::runtime_sources::TREE_HASH, dependency: None });
    }
    modules
}

/// An optional dependency that the `http` feature turns on for a customization.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Dependency {
    /// The feature's entry, `dep:name`.
    pub feature: &'static str,
    /// The line in `[dependencies]`.
    pub line: &'static str,
}

/// gzip, with flate2's pure-Rust backend (miniz_oxide): no C compiler, no system library.
const FLATE2: Dependency = Dependency {
    feature: "dep:flate2",
    line: "flate2 = { version = \"1\", optional = true, default-features = false, features = [\"rust_backend\"] }",
};

/// The optional dependencies the crate's customizations need: only crates that use one get it.
pub(crate) fn dependencies(krate: &Crate) -> Vec<Dependency> {
    runtime_modules(krate).iter().filter_map(|module| module.dependency).collect()
}
