//! Renders the builder of a structure: a setter, `set_` and `get_` per member, and `build()`.
//!
//! `build()` returns the structure itself when nothing can be missing, and
//! `Result<_, BuildError>` naming the first missing member when some member is required and has
//! no default.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::tokens::{allow_deprecated, deprecated, doc_link, docs, path, prose};
use super::{Context, Std, ident, lit};
use crate::ir::{DefaultValue, Item, Member, NamedKind, Node, Structure, Type};

/// Methods of std's operator traits whose signature a builder setter has.
const OPERATOR_METHODS: &[&str] = &["add", "sub", "mul", "div", "rem", "bitand", "bitor", "bitxor", "shl", "shr"];

/// The builder struct, its methods and, for structures with sensitive members, its `Debug`.
pub(crate) fn builder(cx: &Context<'_>, std: &Std, item: &Item, structure: &Structure) -> TokenStream {
    let members = &structure.members;
    let builder_name = item.named.builder_name();
    let name = ident(&builder_name);
    let sensitive = structure.sensitive();
    let doc = prose(&format!("A builder for {}.", doc_link(&item.named)));
    let derive = if sensitive {
        quote!(#[derive(Clone, PartialEq, Default)])
    } else {
        quote!(#[derive(Clone, PartialEq, Default, Debug)])
    };
    let option = &std.option;
    let fields = members.iter().map(|member| {
        let field = ident(&member.field);
        let stored = std.stored(&member.ty, member.boxed);
        quote!(pub(crate) #field: #option<#stored>,)
    });
    let allow = allow_deprecated(structure.any_deprecated());
    // A setter named like a binary operator's method (`add(self, value) -> Self`) is what the
    // model calls the member, not an operator.
    let operator = members
        .iter()
        .any(|m| OPERATOR_METHODS.contains(&m.field.as_str()))
        .then(|| quote!(#[allow(clippy::should_implement_trait)]));
    let methods = members.iter().map(|member| methods(std, member));
    let request_id = super::structure::carries_request_id(cx, structure);
    let build = build(std, item, structure, request_id);
    // Reading a response uses it too, and the XML protocols read without `serde`.
    let reads_without_serde =
        item.wire_use.response && super::protocol::crate_wire(cx).is_some_and(|wire| !wire.feature.contains(&"serde"));
    let reads = if reads_without_serde {
        quote!(#[cfg(any(feature = "serde", feature = "http"))])
    } else {
        quote!(#[cfg(feature = "serde")])
    };
    let build_or_zero = structure.fallible().then(|| build_or_zero(std, item, structure, request_id, &reads));
    let debug = sensitive.then(|| super::structure::redacting_debug(&builder_name, members, false));
    quote! {
        #doc
        #[non_exhaustive]
        #derive
        pub struct #name {
            #(#fields)*
        }
        #allow
        #operator
        impl #name {
            #(#methods)*
            #build
            #build_or_zero
        }
        #debug
    }
}

/// The three methods of one member: the setter (an appender for lists and maps), `set_`, `get_`.
fn methods(std: &Std, member: &Member) -> TokenStream {
    let field = ident(&member.field);
    let plain = &member.field;
    let set = ident(&member.set);
    let get = ident(&member.get);
    let member_docs = docs(&member.docs);
    let deprecated = deprecated(member.deprecated.as_ref());
    let Std { option, some, vec, boxed, .. } = std;
    let setter = match &member.ty {
        Type::List(list) => {
            let item = &list.item;
            let intro =
                prose(&format!("Appends one item to `{plain}`; [`{set}`](Self::{set}) replaces the whole list."));
            let (param, convert) = (parameter(std, item), convert(item, quote!(input)));
            quote! {
                #intro
                #[doc = ""]
                #member_docs
                #deprecated
                pub fn #field(mut self, input: #param) -> Self {
                    self.#field.get_or_insert_with(#vec::new).push(#convert);
                    self
                }
            }
        }
        Type::Map(map) => {
            let (key, value) = (&map.key, &map.value);
            let intro = prose(&format!("Adds one entry to `{plain}`; [`{set}`](Self::{set}) replaces the whole map."));
            let (key_param, key_convert) = (parameter(std, key), convert(key, quote!(key)));
            let (value_param, value_convert) = (parameter(std, value), convert(value, quote!(value)));
            quote! {
                #intro
                #[doc = ""]
                #member_docs
                #deprecated
                pub fn #field(mut self, key: #key_param, value: #value_param) -> Self {
                    self.#field
                        .get_or_insert_with(::std::collections::HashMap::new)
                        .insert(#key_convert, #value_convert);
                    self
                }
            }
        }
        ty => {
            let (param, convert) = (parameter(std, ty), convert(ty, quote!(input)));
            let value = if member.boxed { quote!(#boxed::new(#convert)) } else { convert };
            quote! {
                #member_docs
                #deprecated
                pub fn #field(mut self, input: #param) -> Self {
                    self.#field = #some(#value);
                    self
                }
            }
        }
    };
    let set_doc = prose(&format!("Sets or clears `{plain}`; see [`{plain}`](Self::{plain})."));
    let ty = std.ty(&member.ty);
    let assign = if member.boxed { quote!(input.map(#boxed::new)) } else { quote!(input) };
    let get_doc = prose(&format!("The value of `{plain}` set so far."));
    let (ret, body) = match &member.ty {
        Type::String => (quote!(#option<&str>), quote!(self.#field.as_deref())),
        copy if copy.is_copy() => (quote!(#option<#ty>), quote!(self.#field)),
        Type::List(list) => {
            let item = std.ty(&list.item);
            (quote!(#option<&[#item]>), quote!(self.#field.as_deref()))
        }
        _ if member.boxed => (quote!(#option<&#ty>), quote!(self.#field.as_deref())),
        _ => (quote!(#option<&#ty>), quote!(self.#field.as_ref())),
    };
    quote! {
        #setter
        #set_doc
        #deprecated
        pub fn #set(mut self, input: #option<#ty>) -> Self {
            self.#field = #assign;
            self
        }
        #get_doc
        #deprecated
        pub fn #get(&self) -> #ret {
            #body
        }
    }
}

/// The type a setter takes for a value of `ty`: strings take anything that converts.
fn parameter(std: &Std, ty: &Type) -> TokenStream {
    match ty {
        Type::String => {
            let (into, string) = (&std.into, &std.string);
            quote!(impl #into<#string>)
        }
        other => std.ty(other),
    }
}

/// The expression storing a setter's parameter `name`.
fn convert(ty: &Type, name: TokenStream) -> TokenStream {
    match ty {
        Type::String => quote!(#name.into()),
        _ => name,
    }
}

/// `build()`: the structure, or `Result` when a required member without default may be missing.
fn build(std: &Std, item: &Item, structure: &Structure, request_id: bool) -> TokenStream {
    // The structure is defined in the same file, so its bare name is unambiguous.
    let path = ident(&item.named.name);
    let type_name = &item.named.name;
    let fallible = structure.fallible();
    let type_label = lit(type_name);
    let none = &std.none;
    let request_id = request_id.then(|| quote!(_request_id: #none,));
    let fields = structure.members.iter().map(|member| {
        let field = ident(&member.field);
        let value = if member.optional {
            quote!(self.#field)
        } else if let Some(default) = &member.default {
            default_fill(std, member, default)
        } else {
            let label = lit(&member.field);
            quote!(crate::error::required(self.#field, #label, #type_label)?)
        };
        quote!(#field: #value,)
    });
    if fallible {
        let doc = prose(&format!("Builds a {}, or says which required member was not set.", doc_link(&item.named)));
        let (result, ok) = (&std.result, &std.ok);
        quote! {
            #doc
            pub fn build(self) -> #result<#path, crate::error::BuildError> {
                #ok(#path { #(#fields)* #request_id })
            }
        }
    } else {
        let doc = prose(&format!("Builds a {}.", doc_link(&item.named)));
        quote! {
            #doc
            pub fn build(self) -> #path {
                #path { #(#fields)* #request_id }
            }
        }
    }
}

/// `build_or_zero()`: like `build()`, but a missing required member gets its zero value, as
/// Smithy's client error correction asks of a response that lacks one. Reading JSON (and the
/// protocol's body codec) uses it.
fn build_or_zero(std: &Std, item: &Item, structure: &Structure, request_id: bool, cfg: &TokenStream) -> TokenStream {
    // The structure is defined in the same file, so its bare name is unambiguous.
    let path = ident(&item.named.name);
    let doc = prose(&format!(
        "Builds a {}, giving required members that were not set their zero value.",
        doc_link(&item.named)
    ));
    let none = &std.none;
    let request_id = request_id.then(|| quote!(_request_id: #none,));
    let fields = structure.members.iter().map(|member| {
        let field = ident(&member.field);
        let value = if member.optional {
            quote!(self.#field)
        } else if let Some(default) = &member.default {
            default_fill(std, member, default)
        } else {
            zero_value(std, member)
        };
        quote!(#field: #value,)
    });
    quote! {
        #doc
        #cfg
        pub(crate) fn build_or_zero(self) -> #path {
            #path { #(#fields)* #request_id }
        }
    }
}

/// The expression for the zero value of a required member that is missing, for
/// `build_or_zero`.
fn zero_value(std: &Std, member: &Member) -> TokenStream {
    let field = ident(&member.field);
    let zero = match &member.ty {
        Type::Named(named) => {
            let path = path(named);
            match named.kind {
                NamedKind::IntEnum => quote!(#path::from(0)),
                NamedKind::StringEnum => quote!(#path::from("")),
                NamedKind::Union => {
                    let default = &std.default;
                    quote!(#path::Unknown(#default::default()))
                }
                // `builder` is a name no member can take, so it is always the associated function.
                NamedKind::Structure { fallible: true } => quote!(#path::builder().build_or_zero()),
                NamedKind::Structure { fallible: false } => quote!(#path::builder().build()),
            }
        }
        _ => return quote!(self.#field.unwrap_or_default()),
    };
    let boxed = &std.boxed;
    let zero = if member.boxed { quote!(#boxed::new(#zero)) } else { zero };
    quote!(self.#field.unwrap_or_else(|| #zero))
}

/// The expression taking the builder's value of `member` or its `@default`.
fn default_fill(std: &Std, member: &Member, default: &DefaultValue) -> TokenStream {
    let field = ident(&member.field);
    if is_type_default(&member.ty, default) {
        return quote!(self.#field.unwrap_or_default());
    }
    let expression = default_expression(std, &member.ty, default);
    let boxed = &std.boxed;
    // Values built without allocating are given directly; others only when needed.
    let constant = !member.boxed
        && (member.ty.is_copy()
            || matches!(
                default,
                DefaultValue::Document(Node::Null | Node::Bool(_) | Node::PosInt(_) | Node::NegInt(_) | Node::Float(_))
            ));
    let expression = if member.boxed { quote!(#boxed::new(#expression)) } else { expression };
    if constant {
        quote!(self.#field.unwrap_or(#expression))
    } else {
        quote!(self.#field.unwrap_or_else(|| #expression))
    }
}

/// Whether `default` is what `Default::default()` gives for `ty`, so `unwrap_or_default` fits.
fn is_type_default(ty: &Type, default: &DefaultValue) -> bool {
    match (ty, default) {
        (Type::Bool, DefaultValue::Bool(b)) => !b,
        (_, DefaultValue::Integer(0)) => true,
        (_, DefaultValue::Float(f)) => *f == 0.0 && f.is_sign_positive(),
        (_, DefaultValue::String(s)) => s.is_empty(),
        (Type::Blob | Type::ByteStream, DefaultValue::Blob(bytes)) => bytes.is_empty(),
        (_, DefaultValue::EmptyList | DefaultValue::EmptyMap) => true,
        (_, DefaultValue::Timestamp { seconds: 0, nanos: 0 }) => true,
        (Type::Document, DefaultValue::Document(Node::Null)) => true,
        _ => false,
    }
}

/// A Rust expression of type `ty` for a `@default` value.
fn default_expression(std: &Std, ty: &Type, value: &DefaultValue) -> TokenStream {
    let string = &std.string;
    match value {
        DefaultValue::Bool(b) => quote!(#b),
        DefaultValue::Integer(n) => integer_literal(ty, *n),
        DefaultValue::Float(f) => float_expression(ty, *f),
        DefaultValue::String(s) => quote!(#string::from(#s)),
        DefaultValue::Blob(bytes) => {
            let bytes = Literal::byte_string(bytes);
            let ty = std.ty(ty);
            quote!(#ty::new(#bytes.to_vec()))
        }
        DefaultValue::Timestamp { seconds, nanos: 0 } => quote!(crate::primitives::DateTime::from_secs(#seconds)),
        DefaultValue::Timestamp { seconds, nanos } => {
            quote!(crate::primitives::DateTime::from_secs_and_nanos(#seconds, #nanos))
        }
        DefaultValue::Document(node) => document_expression(std, node),
        DefaultValue::StringEnum(text) => {
            let ty = std.ty(ty);
            quote!(#ty::from(#text))
        }
        DefaultValue::IntEnum(number) => {
            let ty = std.ty(ty);
            quote!(#ty::from(#number))
        }
        DefaultValue::BigNumber(text) => {
            quote!(::std::str::FromStr::from_str(#text).unwrap_or_default())
        }
        DefaultValue::EmptyList | DefaultValue::EmptyMap => {
            let default = &std.default;
            quote!(#default::default())
        }
    }
}

/// An integer literal with the suffix of its type, so the literal's type is never inferred.
fn integer_literal(ty: &Type, value: i64) -> TokenStream {
    // Validation has checked that the value fits; the conversions cannot fail for valid models.
    let literal = match ty {
        Type::I8 => Literal::i8_suffixed(value as i8),
        Type::I16 => Literal::i16_suffixed(value as i16),
        Type::I32 => Literal::i32_suffixed(value as i32),
        _ => Literal::i64_suffixed(value),
    };
    quote!(#literal)
}

/// A float expression: a literal, or the constant for NaN and the infinities.
pub(crate) fn float_expression(ty: &Type, value: f64) -> TokenStream {
    let ty = if matches!(ty, Type::F32) { quote!(f32) } else { quote!(f64) };
    if value.is_nan() {
        quote!(#ty::NAN)
    } else if value == f64::INFINITY {
        quote!(#ty::INFINITY)
    } else if value == f64::NEG_INFINITY {
        quote!(#ty::NEG_INFINITY)
    } else if value < 0.0 {
        let literal = Literal::f64_unsuffixed(-value);
        quote!(-#literal)
    } else {
        let literal = Literal::f64_unsuffixed(value);
        quote!(#literal)
    }
}

/// A `primitives::Document` expression for a document value.
pub(crate) fn document_expression(std: &Std, node: &Node) -> TokenStream {
    let string = &std.string;
    match node {
        Node::Null => quote!(crate::primitives::Document::Null),
        Node::Bool(b) => quote!(crate::primitives::Document::Bool(#b)),
        Node::PosInt(v) => quote!(crate::primitives::Document::Number(crate::primitives::Number::PosInt(#v))),
        Node::NegInt(v) => quote!(crate::primitives::Document::Number(crate::primitives::Number::NegInt(#v))),
        Node::Float(v) => {
            let v = float_expression(&Type::F64, *v);
            quote!(crate::primitives::Document::Number(crate::primitives::Number::Float(#v)))
        }
        Node::String(s) => quote!(crate::primitives::Document::String(#string::from(#s))),
        Node::Array(items) => {
            let items = items.iter().map(|item| document_expression(std, item));
            quote!(crate::primitives::Document::Array(::std::vec![#(#items),*]))
        }
        Node::Object(entries) => {
            let entries = entries.iter().map(|(key, value)| {
                let value = document_expression(std, value);
                quote!((#string::from(#key), #value))
            });
            quote!(crate::primitives::Document::Object(::std::collections::BTreeMap::from([#(#entries),*])))
        }
    }
}
