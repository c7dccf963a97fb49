//! Renders a union shape as a Rust enum: a variant per member, plus `Unknown` for members a later
//! version of the model adds, so a service that grows does not break a client.

use proc_macro2::TokenStream;
use quote::quote;

use super::tokens::{REDACTED, allow_deprecated, deprecated, docs, prose};
use super::{Context, Std, ident, lit};
use crate::ir::{Item, Type, Union, UnionMember};

/// The enum, its accessors, its `Debug` impl when a member is sensitive, and its `serde` impls.
///
/// Variants hold their values inline even when sizes differ widely (`large_enum_variant`):
/// boxing by estimated size would make the API depend on layout details of other types.
pub(crate) fn union(cx: &Context<'_>, item: &Item, union: &Union) -> TokenStream {
    let std = Std::for_names([item.named.name.as_str()]);
    let name = ident(&item.named.name);
    let sentence = format!(
        "Exactly one member is set. A member the model does not list is read as [`{}::Unknown`].",
        item.named.name
    );
    let markdown = format!("{}\n\n{}", item.docs, crate::docs::wrap_prose(&sentence));
    let item_docs = docs(&markdown);
    let sensitive = union.sensitive();
    let derive =
        if sensitive { quote!(#[derive(Clone, PartialEq)]) } else { quote!(#[derive(Clone, PartialEq, Debug)]) };
    let variants = union.members.iter().map(|member| {
        let member_docs = docs(&member.docs);
        let deprecated = deprecated(member.deprecated.as_ref());
        let variant = ident(&member.variant);
        let value = member.ty.as_ref().map(|ty| {
            let ty = std.stored(ty, member.boxed);
            quote!((#ty))
        });
        quote! {
            #member_docs
            #deprecated
            #variant #value,
        }
    });
    let allow = allow_deprecated(union.any_deprecated());
    let methods = union.members.iter().map(|member| methods(&std, member));
    let debug = sensitive.then(|| redacting_debug(item, union));
    let serde = super::serde::union(&std, item, union, super::protocol::json_form(cx));
    quote! {
        #item_docs
        #[non_exhaustive]
        #derive
        #[allow(clippy::large_enum_variant)]
        pub enum #name {
            #(#variants)*
            /// A member this version of the crate does not know, which a later version of the model
            /// added, kept with its name and value. It cannot be constructed, only received.
            Unknown(crate::primitives::UnknownMember),
        }
        #allow
        impl #name {
            #(#methods)*
            /// Whether this is a member the crate does not know.
            pub fn is_unknown(&self) -> bool {
                ::std::matches!(self, Self::Unknown(_))
            }
        }
        #debug
        #serde
    }
}

/// `as_…` (for members holding a value) and `is_…`.
fn methods(std: &Std, member: &UnionMember) -> TokenStream {
    let variant = ident(&member.variant);
    let is_fn = ident(&member.is_fn);
    let deprecated = deprecated(member.deprecated.as_ref());
    let is_doc = prose(&format!("Whether this is [`{0}`](Self::{0}).", member.variant));
    let (Some(ty), Some(as_fn)) = (&member.ty, &member.as_fn) else {
        return quote! {
            #is_doc
            #deprecated
            pub fn #is_fn(&self) -> bool {
                ::std::matches!(self, Self::#variant)
            }
        };
    };
    let as_fn = ident(as_fn);
    let rust_type = std.ty(ty);
    let (ret, value) = match ty {
        Type::String => (quote!(&str), quote!(value.as_str())),
        Type::List(list) => {
            let item = std.ty(&list.item);
            (quote!(&[#item]), quote!(value.as_slice()))
        }
        ty if ty.is_copy() => (rust_type, quote!(*value)),
        _ if member.boxed => (quote!(&#rust_type), quote!(&**value)),
        _ => (quote!(&#rust_type), quote!(value)),
    };
    let as_doc = prose(&format!("The value of [`{0}`](Self::{0}), if this is that member.", member.variant));
    let Std { option, some, none, .. } = std;
    quote! {
        #as_doc
        #deprecated
        pub fn #as_fn(&self) -> #option<#ret> {
            match self {
                Self::#variant(value) => #some(#value),
                _ => #none,
            }
        }
        #is_doc
        #deprecated
        pub fn #is_fn(&self) -> bool {
            ::std::matches!(self, Self::#variant(_))
        }
    }
}

/// A `Debug` impl that hides the values of sensitive members.
fn redacting_debug(item: &Item, union: &Union) -> TokenStream {
    let name = ident(&item.named.name);
    let allow = allow_deprecated(union.any_deprecated());
    let arms = union.members.iter().map(|member| {
        let variant = ident(&member.variant);
        let label = lit(&member.variant);
        match (&member.ty, member.sensitive) {
            (None, _) => quote!(Self::#variant => f.write_str(#label),),
            (Some(_), true) => quote!(Self::#variant(_) => f.debug_tuple(#label).field(&#REDACTED).finish(),),
            (Some(_), false) => quote!(Self::#variant(value) => f.debug_tuple(#label).field(value).finish(),),
        }
    });
    quote! {
        #allow
        impl ::std::fmt::Debug for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self {
                    #(#arms)*
                    // What an unknown member holds is unknown too, so only its name is shown.
                    Self::Unknown(member) => f.debug_tuple("Unknown").field(&member.name()).finish(),
                }
            }
        }
    }
}
