//! Renders `enum` and `intEnum` shapes (and strings with the `@enum` trait) as open Rust enums:
//! one variant per value, plus `Unknown` keeping any value the model does not list, so a service
//! adding values never breaks a client.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::tokens::{REDACTED, allow_deprecated, deprecated, docs};
use super::{Std, ident, lit};
use crate::ir::{Enum, EnumValue, Item};

/// The enum, its conversions and its `serde` impls.
pub(crate) fn enumeration(item: &Item, enumeration: &Enum) -> TokenStream {
    let std = Std::for_names([item.named.name.as_str()]);
    let name = ident(&item.named.name);
    let listed: Vec<String> = enumeration
        .variants
        .iter()
        .map(|v| match &v.value {
            // Cleaned before wrapping, so that the line is measured as it is written.
            EnumValue::String(text) => crate::docs::code_span(&crate::docs::clean_line(text)),
            EnumValue::Int(number) => format!("`{number}`"),
        })
        .collect();
    let mut markdown = item.docs.clone();
    markdown.push_str("\n\n");
    markdown.push_str(&crate::docs::wrap_prose(&format!(
        "The model lists {}. A value it does not list is kept in [`{}::Unknown`]: matching on it is not \
         forward compatible, because a later version of this crate may give that value a variant of its own.",
        listed.join(", "),
        item.named.name
    )));
    if enumeration.sensitive {
        markdown.push_str("\n\nThe values are sensitive: `Debug` and `Display` do not show them.");
    }
    let item_docs = docs(&markdown);
    let derive = match (enumeration.int, enumeration.sensitive) {
        (true, false) => quote!(#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]),
        (true, true) => quote!(#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]),
        (false, false) => quote!(#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]),
        (false, true) => quote!(#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]),
    };
    let variants = enumeration.variants.iter().map(|variant| {
        let variant_docs = docs(&variant.docs);
        let deprecated = deprecated(variant.deprecated.as_ref());
        let variant_name = ident(&variant.name);
        quote! {
            #variant_docs
            #deprecated
            #variant_name,
        }
    });
    let unknown = if enumeration.int {
        quote!(Unknown(crate::primitives::UnknownIntVariantValue))
    } else {
        quote!(Unknown(crate::primitives::UnknownVariantValue))
    };
    let conversions = if enumeration.int {
        int_conversions(&std, item, enumeration)
    } else {
        string_conversions(&std, item, enumeration)
    };
    let debug = enumeration.sensitive.then(|| {
        quote! {
            impl ::std::fmt::Debug for #name {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.write_str(#REDACTED)
                }
            }
        }
    });
    let serde = super::serde::enumeration(&std, &item.named.name, enumeration.int);
    quote! {
        #item_docs
        #[non_exhaustive]
        #derive
        pub enum #name {
            #(#variants)*
            /// A value the model does not list, kept as it was received.
            #unknown,
        }
        #conversions
        #debug
        #serde
    }
}

fn string_conversions(std: &Std, item: &Item, enumeration: &Enum) -> TokenStream {
    let name = ident(&item.named.name);
    let Std { string, ok, result, from, .. } = std;
    let allow = allow_deprecated(enumeration.variants.iter().any(|v| v.deprecated.is_some()));
    let (names, values): (Vec<_>, Vec<_>) = enumeration
        .variants
        .iter()
        .map(|v| {
            let text = match &v.value {
                EnumValue::String(text) => text.as_str(),
                EnumValue::Int(_) => unreachable!("a string enum has string values"),
            };
            (ident(&v.name), lit(text))
        })
        .unzip();
    let display =
        if enumeration.sensitive { quote!(f.write_str(#REDACTED)) } else { quote!(f.write_str(self.as_str())) };
    quote! {
        #allow
        impl #name {
            /// The value as it is written on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(Self::#names => #values,)*
                    Self::Unknown(value) => value.as_str(),
                }
            }
            /// Every value the model lists, in model order.
            pub const fn values() -> &'static [&'static str] {
                &[#(#values),*]
            }
        }
        #allow
        impl #from<&str> for #name {
            fn from(value: &str) -> Self {
                match value {
                    #(#values => Self::#names,)*
                    other => Self::Unknown(crate::primitives::UnknownVariantValue::new(other.to_owned())),
                }
            }
        }
        impl #from<#string> for #name {
            fn from(value: #string) -> Self {
                match Self::from(value.as_str()) {
                    Self::Unknown(_) => Self::Unknown(crate::primitives::UnknownVariantValue::new(value)),
                    known => known,
                }
            }
        }
        impl ::std::str::FromStr for #name {
            type Err = ::std::convert::Infallible;
            fn from_str(value: &str) -> #result<Self, Self::Err> {
                #ok(Self::from(value))
            }
        }
        impl ::std::convert::AsRef<str> for #name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }
        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                #display
            }
        }
    }
}

fn int_conversions(std: &Std, item: &Item, enumeration: &Enum) -> TokenStream {
    let name = ident(&item.named.name);
    let from = &std.from;
    let allow = allow_deprecated(enumeration.variants.iter().any(|v| v.deprecated.is_some()));
    let (names, values): (Vec<_>, Vec<_>) = enumeration
        .variants
        .iter()
        .map(|v| {
            let number = match &v.value {
                EnumValue::Int(number) => *number,
                EnumValue::String(_) => unreachable!("an intEnum has integer values"),
            };
            (ident(&v.name), int_literal(number))
        })
        .unzip();
    let display = if enumeration.sensitive {
        quote!(f.write_str(#REDACTED))
    } else {
        quote!(::std::fmt::Display::fmt(&self.value(), f))
    };
    quote! {
        #allow
        impl #name {
            /// The value as it is written on the wire.
            pub fn value(&self) -> i32 {
                match self {
                    #(Self::#names => #values,)*
                    Self::Unknown(value) => value.value(),
                }
            }
            /// Every value the model lists, in model order.
            pub const fn values() -> &'static [i32] {
                &[#(#values),*]
            }
        }
        #allow
        impl #from<i32> for #name {
            fn from(value: i32) -> Self {
                match value {
                    #(#values => Self::#names,)*
                    other => Self::Unknown(crate::primitives::UnknownIntVariantValue::new(other)),
                }
            }
        }
        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                #display
            }
        }
    }
}

/// An `i32` literal: a negative number is written as `-` before the literal, as patterns need.
fn int_literal(number: i32) -> TokenStream {
    let literal = Literal::i64_unsuffixed(i64::from(number).abs());
    if number < 0 { quote!(-#literal) } else { quote!(#literal) }
}
