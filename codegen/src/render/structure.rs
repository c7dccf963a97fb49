//! Renders a structure as a `#[non_exhaustive]` struct with accessors and a builder.

use proc_macro2::TokenStream;
use quote::quote;

use super::tokens::{REDACTED, allow_deprecated, deprecated, doc_link, docs, prose};
use super::{Context, Std, builder, ident, lit};
use crate::ir::{Item, Member, Role, Structure, Type};

/// The struct, its accessors, its `Debug` impl, its builder and its `serde` impls.
pub(crate) fn structure(cx: &Context<'_>, item: &Item, structure: &Structure) -> TokenStream {
    let std = Std::for_names([item.named.name.as_str()]);
    let name = ident(&item.named.name);
    let members = &structure.members;
    let item_docs = docs(&item.docs);
    let sensitive = structure.sensitive();
    let derive =
        if sensitive { quote!(#[derive(Clone, PartialEq)]) } else { quote!(#[derive(Clone, PartialEq, Debug)]) };
    let fields = members.iter().map(|member| {
        let field = ident(&member.field);
        let member_docs = docs(&member.docs);
        let deprecated = deprecated(member.deprecated.as_ref());
        let ty = std.field(&member.ty, member.boxed, member.optional);
        quote! {
            #member_docs
            #deprecated
            pub #field: #ty,
        }
    });
    let request_id = carries_request_id(cx, structure).then(|| {
        let option = &std.option;
        let string = &std.string;
        quote! {
            /// The id the service gave the request, read with [`RequestId`](crate::error::RequestId).
            pub(crate) _request_id: #option<#string>,
        }
    });
    let request_id_impl = carries_request_id(cx, structure).then(|| {
        let option = &std.option;
        quote! {
            impl crate::error::RequestId for #name {
                fn request_id(&self) -> #option<&str> {
                    self._request_id.as_deref()
                }
            }
        }
    });
    let accessors = members.iter().map(|member| accessor(&std, member));
    let allow = allow_deprecated(structure.any_deprecated());
    // The builder is defined in the same file, so its bare name is unambiguous.
    let builder_path = ident(&item.named.builder_name());
    let builder_doc = prose(&format!("Creates a builder for {}.", doc_link(&item.named)));
    let default = &std.default;
    let debug = sensitive.then(|| redacting_debug(&item.named.name, members, carries_request_id(cx, structure)));
    let builder = builder::builder(cx, &std, item, structure);
    let serde = super::serde::structure(&std, item, structure, super::protocol::json_form(cx));
    quote! {
        #item_docs
        #[non_exhaustive]
        #derive
        pub struct #name {
            #(#fields)*
            #request_id
        }
        #allow
        impl #name {
            #(#accessors)*
            #builder_doc
            pub fn builder() -> #builder_path {
                #default::default()
            }
        }
        #request_id_impl
        #debug
        #builder
        #serde
    }
}

/// Whether the structure keeps the request id of the response it was read from: outputs and
/// errors do, in crates with HTTP bindings. The field's name starts with `_`, which no member's
/// can (names are converted to snake case from letters and digits).
pub(crate) fn carries_request_id(cx: &Context<'_>, structure: &Structure) -> bool {
    super::protocol::applies(cx) && matches!(structure.role, Role::Output | Role::Error(_))
}

/// The accessor of one member: borrowed where the value is not `Copy`, `&[T]` for lists.
fn accessor(std: &Std, member: &Member) -> TokenStream {
    let field = ident(&member.field);
    let member_docs = docs(&member.docs);
    let deprecated = deprecated(member.deprecated.as_ref());
    let option = &std.option;
    let ty = std.ty(&member.ty);
    let (ret, body) = match (&member.ty, member.optional) {
        (Type::String, true) => (quote!(#option<&str>), quote!(self.#field.as_deref())),
        (Type::String, false) => (quote!(&str), quote!(&self.#field)),
        (t, true) if t.is_copy() => (quote!(#option<#ty>), quote!(self.#field)),
        (t, false) if t.is_copy() => (ty, quote!(self.#field)),
        (Type::List(list), optional) => {
            let item = std.ty(&list.item);
            let body = if optional { quote!(self.#field.as_deref().unwrap_or_default()) } else { quote!(&self.#field) };
            (quote!(&[#item]), body)
        }
        (_, true) if member.boxed => (quote!(#option<&#ty>), quote!(self.#field.as_deref())),
        (_, true) => (quote!(#option<&#ty>), quote!(self.#field.as_ref())),
        (_, false) => (quote!(&#ty), quote!(&self.#field)),
    };
    quote! {
        #member_docs
        #deprecated
        pub fn #field(&self) -> #ret {
            #body
        }
    }
}

/// A `Debug` impl for the struct `name` that hides its sensitive members.
pub(crate) fn redacting_debug(name: &str, members: &[Member], request_id: bool) -> TokenStream {
    let type_name = ident(name);
    let label = lit(name);
    let allow = allow_deprecated(members.iter().any(|m| m.deprecated.is_some()));
    let request_id = request_id.then(|| quote!(formatter.field("_request_id", &self._request_id);));
    let fields = members.iter().map(|member| {
        let field_label = lit(&member.field);
        if member.sensitive {
            quote!(formatter.field(#field_label, &#REDACTED);)
        } else {
            let field = ident(&member.field);
            quote!(formatter.field(#field_label, &self.#field);)
        }
    });
    quote! {
        #allow
        impl ::std::fmt::Debug for #type_name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                let mut formatter = f.debug_struct(#label);
                #(#fields)*
                #request_id
                formatter.finish()
            }
        }
    }
}
