//! Turns Smithy's protocol compliance tests (the client cases of `@httpRequestTests` and
//! `@httpResponseTests` for the service's protocol) into Rust tests of the generated crate.
//!
//! A request test builds the operation's input from the case's `params` through the generated
//! builders, builds its HTTP request and compares it with the case. A response test reads the
//! case's response and compares the output (or error) with one built from `params`. Comparing
//! and building HTTP messages is done by a support module the tests include
//! (`codegen/runtime/src/protocol_support.rs`). Tests are built as tokens, like the crate, with the crate's own
//! expressions (`crate::types::…`) re-rooted at the crate's name token by token.

use std::collections::{BTreeMap, HashMap};

use proc_macro2::{Ident, TokenStream, TokenTree};
use quote::{format_ident, quote};
use serde_json::Value;

use crate::Settings;
use crate::diagnostics::Diagnostics;
use crate::index::ServiceIndex;
use crate::ir::{self, Crate, Item, ItemKind, Module, NamedKind, Operation, Type};
use crate::model::{Model, Shape, ShapeId};
use crate::naming::snake_case;
use crate::render::{Std, ident, path, s3_customization};

/// The support module the generated tests include, as `tests/support/mod.rs`.
pub const SUPPORT: &str = crate::runtime_sources::PROTOCOL_SUPPORT;

/// Whether a case tests building a request or reading a response.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum CaseKind {
    /// `@httpRequestTests`.
    Request,
    /// `@httpResponseTests`.
    Response,
}

impl CaseKind {
    /// `request` or `response`, as the expected-failure list writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            CaseKind::Request => "request",
            CaseKind::Response => "response",
        }
    }
}

/// One generated test.
#[derive(Clone, Debug)]
pub struct ProtocolTestCase {
    /// The case's `id`.
    pub id: String,
    /// Request or response.
    pub kind: CaseKind,
    /// The Rust test function's name.
    pub function: String,
    /// The shape the case is attached to (an operation or an error).
    pub shape: ShapeId,
    /// Why the case is expected to fail, when it is on the expected-failure list.
    pub expected_failure: Option<String>,
}

/// The generated test file and what it holds.
#[derive(Clone, Debug)]
pub struct ProtocolTests {
    /// The text of `tests/protocol.rs`.
    pub source: String,
    /// Every case, in the order of the file.
    pub cases: Vec<ProtocolTestCase>,
}

const REQUEST_TESTS: &str = "smithy.test#httpRequestTests";
const RESPONSE_TESTS: &str = "smithy.test#httpResponseTests";

/// The protocol a service's crate speaks, and whether the generator implements its bindings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ServiceProtocol {
    /// The protocol's name as its trait spells it (`restJson1`, `awsJson1_0` …).
    pub name: &'static str,
    /// Whether the generated crate has HTTP bindings for it, so its protocol tests can run.
    pub implemented: bool,
}

/// The protocol of the service `settings` selects, if it declares one.
pub fn service_protocol(model: &Model, settings: &Settings) -> Result<Option<ServiceProtocol>, Diagnostics> {
    let index = ServiceIndex::with_operations(model, settings.service.as_ref(), settings.operations.as_deref())?;
    let symbols = crate::symbols::Symbols::new(&index);
    let krate = ir::build(&index, &symbols)?;
    Ok(krate.protocol.map(|protocol| ServiceProtocol {
        name: protocol.name(),
        implemented: crate::render::wire(protocol).is_some(),
    }))
}

/// The protocol tests of the service `settings` selects, for its crate named
/// `settings.crate_name`. `expected_failures` maps `(kind, id)` to the reason the case fails.
pub fn protocol_tests(
    model: &Model,
    settings: &Settings,
    expected_failures: &BTreeMap<(CaseKind, String), String>,
) -> Result<ProtocolTests, Diagnostics> {
    crate::validate(model)?;
    let index = ServiceIndex::with_operations(model, settings.service.as_ref(), settings.operations.as_deref())?;
    let symbols = crate::symbols::Symbols::new(&index);
    let krate = ir::build(&index, &symbols)?;
    let protocol = krate.protocol.map_or("", |protocol| protocol.trait_id());
    let crate_name = settings.crate_name.replace('-', "_");
    let writer = TestWriter::new(&krate);
    let mut tests = TokenStream::new();
    let mut cases = Vec::new();
    let mut emit = |kind: CaseKind, shape: &ShapeId, case: &Value, body: Result<TokenStream, String>| {
        let id = case.get("id").and_then(Value::as_str).unwrap_or_default().to_owned();
        let function = format!("{}_{}", snake_case(&id), kind.as_str());
        let expected_failure = expected_failures.get(&(kind, id.clone())).cloned();
        let documentation = case.get("documentation").and_then(Value::as_str).unwrap_or_default();
        let mut doc: Vec<String> =
            documentation.lines().map(str::trim).filter(|l| !l.is_empty()).take(3).map(|l| format!(" {l}")).collect();
        let should_panic = expected_failure.as_ref().map(|reason| {
            doc.push(format!(" Expected to fail: {reason}"));
            quote!(#[should_panic])
        });
        let body = match body {
            Ok(body) => reroot(body, &crate_name),
            Err(problem) => {
                let message = format!("the case cannot be generated: {problem}");
                quote!(panic!(#message);)
            }
        };
        let name = format_ident!("{}", function);
        tests.extend(quote! {
            #(#[doc = #doc])*
            #[test]
            #should_panic
            fn #name() {
                #body
            }
        });
        cases.push(ProtocolTestCase { id, kind, function, shape: shape.clone(), expected_failure });
    };
    for (op, names) in index.operations.iter().zip(symbols.operations()) {
        let operation = writer.operation(&names.module);
        for case in client_cases(op, REQUEST_TESTS, protocol) {
            emit(
                CaseKind::Request,
                &op.id,
                case,
                operation.ok_or_else(no_operation).and_then(|o| writer.request_test(o, case)),
            );
        }
        for case in client_cases(op, RESPONSE_TESTS, protocol) {
            emit(
                CaseKind::Response,
                &op.id,
                case,
                operation.ok_or_else(no_operation).and_then(|o| writer.response_test(o, case)),
            );
        }
    }
    for error in &index.errors {
        let shape = index.shape(error);
        let returning = index
            .operations
            .iter()
            .zip(symbols.operations())
            .find(|(op, _)| index.operation(op).errors.contains(error) || index.common_errors.contains(error));
        let Some((_, names)) = returning else { continue };
        let Some(operation) = writer.operation(&names.module) else { continue };
        let variant = names.error_variants.iter().find(|v| &v.shape == error).map(|v| v.name.clone());
        for case in client_cases(shape, RESPONSE_TESTS, protocol) {
            let body = variant
                .as_deref()
                .ok_or_else(|| "no error variant".to_owned())
                .and_then(|v| writer.error_test(operation, v, case));
            emit(CaseKind::Response, error, case, body);
        }
    }
    let header = format!("// Code generated by {}. DO NOT EDIT.\n", settings.generated_by);
    let about =
        format!(" Smithy's {} protocol tests for `{}`.", krate.protocol.map_or("", |p| p.name()), krate.service.id);
    let krate_ident = ident(&crate_name);
    let file = quote! {
        #![doc = #about]
        use #krate_ident as service;
        mod support;
        #tests
    };
    let source = crate::render::format_file(&header, file).map_err(|problem| {
        Diagnostics::from(crate::Diagnostic::new(format!(
            "internal error: the protocol tests are not valid Rust ({problem})"
        )))
    })?;
    Ok(ProtocolTests { source, cases })
}

fn no_operation() -> String {
    "the operation has no module".to_owned()
}

/// Replaces each `crate` path root with the crate's name, token by token (string literals and
/// other tokens are left alone), so that expressions made for the crate read in its tests.
fn reroot(tokens: TokenStream, crate_name: &str) -> TokenStream {
    tokens
        .into_iter()
        .map(|tree| match tree {
            TokenTree::Ident(ident) if ident == "crate" => TokenTree::Ident(Ident::new(crate_name, ident.span())),
            TokenTree::Group(group) => {
                let mut rerooted = proc_macro2::Group::new(group.delimiter(), reroot(group.stream(), crate_name));
                rerooted.set_span(group.span());
                TokenTree::Group(rerooted)
            }
            other => other,
        })
        .collect()
}

/// The cases of `trait_id` on `shape` for `protocol` (a protocol trait's id) that clients run.
fn client_cases<'a>(shape: &'a Shape, trait_id: &str, protocol: &'a str) -> impl Iterator<Item = &'a Value> {
    let cases = shape.traits.get(trait_id).and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    cases.iter().filter(move |case| {
        case.get("protocol").and_then(Value::as_str) == Some(protocol)
            && case.get("appliesTo").and_then(Value::as_str) != Some("server")
    })
}

/// Writes the body of each test from the IR of the crate under test.
struct TestWriter<'a> {
    krate: &'a Crate,
    /// Items by module and name, for building values of named types.
    items: HashMap<(&'a Module, &'a str), &'a Item>,
    std: Std,
}

fn strings(case: &Value, key: &str) -> TokenStream {
    let items = case.get(key).and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str);
    quote!(&[#(#items),*])
}

fn headers(case: &Value) -> TokenStream {
    let pairs = case
        .get("headers")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .filter_map(|(name, value)| Some((name.as_str(), value.as_str()?)))
        .map(|(name, value)| quote!((#name, #value)));
    quote!(&[#(#pairs),*])
}

fn optional_str(case: &Value, key: &str) -> TokenStream {
    match case.get(key).and_then(Value::as_str) {
        Some(text) => quote!(Some(#text)),
        None => quote!(None),
    }
}

fn params(case: &Value) -> Value {
    case.get("params").cloned().unwrap_or_else(|| Value::Object(Default::default()))
}

impl<'a> TestWriter<'a> {
    fn new(krate: &'a Crate) -> TestWriter<'a> {
        let items = krate.items.iter().map(|item| ((&item.named.module, item.named.name.as_str()), item)).collect();
        TestWriter { krate, items, std: Std::full() }
    }

    fn operation(&self, module: &str) -> Option<&'a Operation> {
        self.krate.operations.iter().find(|op| op.module == module)
    }

    /// The body of a request test.
    fn request_test(&self, op: &Operation, case: &Value) -> Result<TokenStream, String> {
        let input = self.structure(&op.input, &params(case))?;
        let method = case.get("method").and_then(Value::as_str).unwrap_or_default();
        let uri = case.get("uri").and_then(Value::as_str).unwrap_or_default();
        let host = optional_str(case, "host");
        let resolved =
            if case.get("resolvedHost").is_some() { optional_str(case, "resolvedHost") } else { host.clone() };
        let (query, forbid_query, require_query) =
            (strings(case, "queryParams"), strings(case, "forbidQueryParams"), strings(case, "requireQueryParams"));
        let (headers, forbid_headers, require_headers) =
            (headers(case), strings(case, "forbidHeaders"), strings(case, "requireHeaders"));
        let (body, media) = (optional_str(case, "body"), optional_str(case, "bodyMediaType"));
        // S3's cases say how to address the bucket in their `vendorParams`.
        let s3_addressed = op.http.as_ref().and_then(|http| s3_customization::bucket_addressing(self.krate, op, http));
        let build = match s3_addressed {
            Some(_) => {
                let s3 = s3_test_options(case);
                quote!(input.to_s3_http_request(&support::options(#host), &#s3))
            }
            None => quote!(input.to_http_request_with(&support::options(#host))),
        };
        Ok(quote! {
            let input = #input;
            let request = #build.expect("the request builds");
            support::assert_request(
                &request,
                &support::ExpectedRequest {
                    method: #method,
                    uri: #uri,
                    host: #resolved,
                    query_params: #query,
                    forbid_query_params: #forbid_query,
                    require_query_params: #require_query,
                    headers: #headers,
                    forbid_headers: #forbid_headers,
                    require_headers: #require_headers,
                    body: #body,
                    body_media_type: #media,
                },
            );
        })
    }

    fn response_setup(case: &Value) -> TokenStream {
        let code = case.get("code").and_then(Value::as_u64).and_then(|c| u16::try_from(c).ok()).unwrap_or(200);
        let headers = headers(case);
        let body = case.get("body").and_then(Value::as_str).unwrap_or_default();
        // A CBOR body is written in base64 in the case.
        let cbor = case.get("bodyMediaType").and_then(Value::as_str).is_some_and(|media| media.contains("cbor"));
        if cbor {
            quote!(let response = support::cbor_response(#code, #headers, #body);)
        } else {
            quote!(let response = support::response(#code, #headers, #body);)
        }
    }

    /// The body of a response test for an operation's output.
    fn response_test(&self, op: &Operation, case: &Value) -> Result<TokenStream, String> {
        let expected = self.structure(&op.output, &params(case))?;
        let setup = Self::response_setup(case);
        let output = path(&op.output.named);
        Ok(quote! {
            #setup
            let output = #output::from_http_response(&response).expect("the response reads");
            support::assert_same(&output, &#expected);
        })
    }

    /// The body of a response test for an error, read through `op`.
    fn error_test(&self, op: &Operation, variant: &str, case: &Value) -> Result<TokenStream, String> {
        let error = op.errors.iter().find(|e| e.name == variant).ok_or("no error variant")?;
        let item = self.items.get(&(&error.named.module, error.named.name.as_str())).ok_or("no error item")?;
        let expected = self.structure(item, &params(case))?;
        let setup = Self::response_setup(case);
        let output = path(&op.output.named);
        let module = crate::render::module_path(&op.output.named.module);
        let (error_enum, variant_ident) = (ident(&op.error), ident(variant));
        let message = format!("expected the {variant} error, got {{other:?}}");
        Ok(quote! {
            #setup
            match #output::from_http_response(&response) {
                Err(#module::#error_enum::#variant_ident(error)) => support::assert_same(&error, &#expected),
                other => panic!(#message),
            }
        })
    }

    /// A structure built through its builder from a JSON object of member values.
    fn structure(&self, item: &Item, params: &Value) -> Result<TokenStream, String> {
        let ItemKind::Structure(structure) = &item.kind else {
            return Err(format!("`{}` is not a structure", item.named.name));
        };
        let object = params.as_object().ok_or_else(|| format!("`{}` params are not an object", item.named.name))?;
        let builder = crate::render::builder_path(&item.named);
        let mut calls = TokenStream::new();
        for (name, value) in object {
            let member = structure
                .members
                .iter()
                .find(|m| &m.model_name == name)
                .ok_or_else(|| format!("`{}` has no member `{name}`", item.named.name))?;
            if value.is_null() {
                continue;
            }
            let set = ident(&member.set);
            let value = self.value(&member.ty, value)?;
            calls.extend(quote!(.#set(Some(#value))));
        }
        let build = if structure.fallible() {
            quote!(.build().expect("the test's params are complete"))
        } else {
            quote!(.build())
        };
        Ok(quote!(<#builder as ::std::default::Default>::default() #calls #build))
    }

    /// A Rust expression of type `ty` for `value`.
    fn value(&self, ty: &Type, value: &Value) -> Result<TokenStream, String> {
        let std = &self.std;
        Ok(match (ty, value) {
            (Type::String, Value::String(s)) => quote!(::std::string::String::from(#s)),
            (Type::Bool, Value::Bool(b)) => quote!(#b),
            (Type::I8 | Type::I16 | Type::I32 | Type::I64, Value::Number(n)) => {
                let n = n.as_i64().ok_or("not an integer")?;
                let literal = match ty {
                    Type::I8 => proc_macro2::Literal::i8_suffixed(i8::try_from(n).map_err(|e| e.to_string())?),
                    Type::I16 => proc_macro2::Literal::i16_suffixed(i16::try_from(n).map_err(|e| e.to_string())?),
                    Type::I32 => proc_macro2::Literal::i32_suffixed(i32::try_from(n).map_err(|e| e.to_string())?),
                    _ => proc_macro2::Literal::i64_suffixed(n),
                };
                quote!(#literal)
            }
            (Type::F32 | Type::F64, value) => {
                let number = match value {
                    Value::String(s) if s == "NaN" => f64::NAN,
                    Value::String(s) if s == "Infinity" => f64::INFINITY,
                    Value::String(s) if s == "-Infinity" => f64::NEG_INFINITY,
                    Value::Number(n) => n.as_f64().ok_or("not a number")?,
                    _ => return Err("not a float".into()),
                };
                let single = matches!(ty, Type::F32);
                match number {
                    n if n.is_nan() || n.is_infinite() => crate::render::float_expression(ty, n),
                    n => {
                        let literal = if single {
                            proc_macro2::Literal::f32_suffixed(n.abs() as f32)
                        } else {
                            proc_macro2::Literal::f64_suffixed(n.abs())
                        };
                        if n.is_sign_negative() { quote!(-#literal) } else { quote!(#literal) }
                    }
                }
            }
            (Type::DateTime(_), Value::Number(n)) => match n.as_i64() {
                Some(seconds) => quote!(crate::primitives::DateTime::from_secs(#seconds)),
                None => {
                    let seconds = n.as_f64().ok_or("not a number")?;
                    quote!(crate::primitives::DateTime::from_secs_f64(#seconds).expect("a valid timestamp"))
                }
            },
            (Type::Blob | Type::ByteStream, Value::String(s)) => {
                let rust = std.ty(ty);
                quote!(#rust::new(#s.as_bytes().to_vec()))
            }
            (Type::Document, value) => crate::render::document_expression(std, &ir::node(value)),
            (Type::BigInteger | Type::BigDecimal, Value::Number(n)) => {
                let (text, rust) = (n.to_string(), std.ty(ty));
                quote!(#text.parse::<#rust>().expect("a number"))
            }
            (Type::List(list), Value::Array(items)) => {
                let items =
                    items.iter().map(|item_value| self.value(&list.item, item_value)).collect::<Result<Vec<_>, _>>()?;
                quote!(::std::vec![#(#items),*])
            }
            (Type::Map(map), Value::Object(entries)) => {
                let (key, item) = (&map.key, &map.value);
                let entries = entries
                    .iter()
                    .map(|(k, v)| {
                        let key = self.value(key, &Value::String(k.clone()))?;
                        let value = self.value(item, v)?;
                        Ok(quote!((#key, #value)))
                    })
                    .collect::<Result<Vec<_>, String>>()?;
                quote!(::std::collections::HashMap::from([#(#entries),*]))
            }
            (Type::Sparse(_), Value::Null) => quote!(::std::option::Option::None),
            (Type::Sparse(inner), value) => {
                let inner = self.value(inner, value)?;
                quote!(::std::option::Option::Some(#inner))
            }
            (Type::EventStream(_), _) => return Err("event streams are not built from params".into()),
            (Type::Named(named), value) => {
                let rust = path(named);
                match named.kind {
                    NamedKind::StringEnum => {
                        let text = value.as_str().ok_or("an enum value is not a string")?;
                        quote!(#rust::from(#text))
                    }
                    NamedKind::IntEnum => {
                        let number = value.as_i64().and_then(|n| i32::try_from(n).ok()).ok_or("not an integer")?;
                        quote!(#rust::from(#number))
                    }
                    NamedKind::Structure { .. } | NamedKind::Union => {
                        let item = self
                            .items
                            .get(&(&named.module, named.name.as_str()))
                            .ok_or_else(|| format!("no item `{}`", named.name))?;
                        match &item.kind {
                            ItemKind::Union(union) => self.union(item, union, value)?,
                            _ => self.structure(item, value)?,
                        }
                    }
                }
            }
            (_, value) => return Err(format!("{value} is not a value of the member's type")),
        })
    }

    /// A union value from a single-member JSON object.
    fn union(&self, item: &Item, union: &ir::Union, value: &Value) -> Result<TokenStream, String> {
        let object = value.as_object().ok_or("union params are not an object")?;
        let (name, member_value) = object.iter().next().ok_or("union params set no member")?;
        let member = union.members.iter().find(|m| &m.model_name == name).ok_or("unknown union member")?;
        let rust = path(&item.named);
        let variant = ident(&member.variant);
        Ok(match &member.ty {
            None => quote!(#rust::#variant),
            Some(ty) => {
                let inner = self.value(ty, member_value)?;
                let inner = if member.boxed { quote!(::std::boxed::Box::new(#inner)) } else { inner };
                quote!(#rust::#variant(#inner))
            }
        })
    }
}

/// The S3 options a protocol test's `vendorParams` ask for: the client's `s3` settings, with the
/// operation's addressing style over the client's.
fn s3_test_options(case: &serde_json::Value) -> TokenStream {
    let config = case.pointer("/vendorParams/scopedConfig");
    let client = config.and_then(|c| c.pointer("/client/s3"));
    let operation = config.and_then(|c| c.pointer("/operation/s3"));
    let setting = |name: &str| operation.and_then(|o| o.get(name)).or_else(|| client.and_then(|c| c.get(name)));
    let style = match setting("addressing_style").and_then(serde_json::Value::as_str) {
        Some("path") => quote!(.addressing_style(service::s3::AddressingStyle::Path)),
        _ => quote!(.addressing_style(service::s3::AddressingStyle::VirtualHost)),
    };
    let flag = |name: &str| setting(name).and_then(serde_json::Value::as_bool).unwrap_or(false);
    let (dualstack, accelerate) = (flag("use_dualstack_endpoint"), flag("use_accelerate_endpoint"));
    quote!(service::s3::S3Options::new() #style .dualstack(#dualstack) .accelerate(#accelerate))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_rerooted_but_strings_are_not() {
        let tokens = quote!(crate::types::A::from("crate::types"));
        assert_eq!(
            reroot(tokens, "my_crate").to_string(),
            quote!(my_crate::types::A::from("crate::types")).to_string()
        );
    }
}
