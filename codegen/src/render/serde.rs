//! Renders `Serialize` and `Deserialize` for structures, unions and enums, behind the generated
//! crate's `serde` feature.
//!
//! The implementations are written out rather than derived: a derive would put serde's proc
//! macros into every downstream build, and the JSON form depends on the model (`@jsonName`,
//! `@timestampFormat`, error correction of missing members), which a derive cannot see. Helper
//! items take names no model shape can have (`__Visitor`, generic `__D`), so that a shape named
//! `Visitor` or `D` cannot change what a name means.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::tokens::allow_deprecated;
use super::{Std, ident, lit};
use crate::ir::{Item, Member, Structure, TimestampFormat, Type, Union};

/// The JSON forms that differ between the protocols that speak JSON.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct JsonForm {
    /// Big integers and big decimals are strings of their digits (rpcv2Json), not numbers.
    pub big_numbers_as_text: bool,
}

/// The codec of the generated crate's `json` module that writes a value of `ty`, when its own
/// `Serialize` does not write it as the protocol wants.
///
/// Timestamps default to epoch seconds in JSON, which `DateTime` writes itself.
pub(crate) fn codec(ty: &Type, form: JsonForm) -> Option<TokenStream> {
    match ty {
        Type::F32 | Type::F64 => Some(quote!(crate::json::Float)),
        Type::DateTime(Some(TimestampFormat::DateTime)) => Some(quote!(crate::json::DateTimeText)),
        Type::DateTime(Some(TimestampFormat::HttpDate)) => Some(quote!(crate::json::HttpDateText)),
        Type::BigInteger | Type::BigDecimal if form.big_numbers_as_text => Some(quote!(crate::json::NumberText)),
        Type::List(list) => codec(&list.item, form).map(|item| quote!(crate::json::List<#item>)),
        Type::Sparse(item) => codec(item, form).map(|item| quote!(crate::json::Sparse<#item>)),
        Type::Map(map) => codec(&map.value, form).map(|value| quote!(crate::json::Map<#value>)),
        _ => None,
    }
}

/// `value` (an expression borrowing a value of `ty`) as something that serializes right.
fn serializable(ty: &Type, value: TokenStream, form: JsonForm) -> TokenStream {
    match codec(ty, form) {
        Some(codec) => quote!(&crate::json::with::<#codec, _>(#value)),
        None => value,
    }
}

/// `Serialize` and `Deserialize` for a structure: an object of its members by wire name, absent
/// members left out; reading fills defaults and, for required members that are missing, the
/// zero value (Smithy's client error correction).
pub(crate) fn structure(std: &Std, item: &Item, structure: &Structure, form: JsonForm) -> TokenStream {
    let name = ident(&item.named.name);
    let all: Vec<&Member> = structure.members.iter().collect();
    let serialize = serialize_members(std, &quote!(#name), &item.named.name, &all, &quote!(self), form);
    let finish = if structure.fallible() { quote!(builder.build_or_zero()) } else { quote!(builder.build()) };
    let deserialize = deserialize_members(std, &quote!(#name), item, &all, &finish, form);
    quote! {
        #[cfg(feature = "serde")]
        #serialize
        #[cfg(feature = "serde")]
        #deserialize
    }
}

/// `impl Deserialize for {target}`: a visitor that reads `members` of `item`'s object into its
/// builder (unknown members skipped), then returns `finish`, an expression of `builder`.
pub(crate) fn deserialize_impl(
    std: &Std,
    target: &TokenStream,
    item: &Item,
    members: &[&Member],
    finish: &TokenStream,
) -> TokenStream {
    deserialize_members(std, target, item, members, finish, JsonForm::default())
}

/// [`deserialize_impl`], with the JSON forms of the crate's protocol.
fn deserialize_members(
    std: &Std,
    target: &TokenStream,
    item: &Item,
    members: &[&Member],
    finish: &TokenStream,
    form: JsonForm,
) -> TokenStream {
    let Std { option, some, result, ok, .. } = std;
    let allow = allow_deprecated(members.iter().any(|m| m.deprecated.is_some()));
    let item_name = ident(&item.named.name);
    let expecting = format!("a `{}` object", item.named.name);
    let read = if members.is_empty() {
        quote! {
            let builder = #item_name::builder();
            while map.next_key::<::serde::de::IgnoredAny>()?.is_some() {
                map.next_value::<::serde::de::IgnoredAny>()?;
            }
        }
    } else {
        let arms = members.iter().map(|member| {
            let key = lit(&member.json_name);
            let field = ident(&member.field);
            let stored = std.stored(&member.ty, member.boxed);
            let read = match codec(&member.ty, form) {
                Some(codec) => quote! {
                    map.next_value::<#option<crate::json::Read<#codec, #stored>>>()?.map(crate::json::Read::into_inner)
                },
                None => quote!(map.next_value()?),
            };
            quote!(#key => builder.#field = #read,)
        });
        // `builder` is a name no member can take, so it is always the associated function.
        quote! {
            let mut builder = #item_name::builder();
            while let #some(key) = map.next_key::<crate::json::Text<'de>>()? {
                match key.as_str() {
                    #(#arms)*
                    _ => {
                        map.next_value::<::serde::de::IgnoredAny>()?;
                    }
                }
            }
        }
    };
    quote! {
        #allow
        impl<'de> ::serde::Deserialize<'de> for #target {
            fn deserialize<__D: ::serde::Deserializer<'de>>(deserializer: __D) -> #result<Self, __D::Error> {
                struct __Visitor;
                #allow
                impl<'de> ::serde::de::Visitor<'de> for __Visitor {
                    type Value = #target;
                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(#expecting)
                    }
                    fn visit_map<__A: ::serde::de::MapAccess<'de>>(self, mut map: __A) -> #result<#target, __A::Error> {
                        #read
                        #ok(#finish)
                    }
                }
                deserializer.deserialize_map(__Visitor)
            }
        }
    }
}

/// `impl Serialize for {target}`, writing `members` of the structure `name` as an object;
/// `value` is the expression for the structure (`self`, or `self.0` for a wrapper).
pub(crate) fn serialize_impl(
    std: &Std,
    target: &TokenStream,
    name: &str,
    members: &[&Member],
    value: &TokenStream,
) -> TokenStream {
    serialize_members(std, target, name, members, value, JsonForm::default())
}

/// [`serialize_impl`], with the JSON forms of the crate's protocol.
fn serialize_members(
    std: &Std,
    target: &TokenStream,
    name: &str,
    members: &[&Member],
    value: &TokenStream,
    form: JsonForm,
) -> TokenStream {
    let Std { some, result, .. } = std;
    let allow = allow_deprecated(members.iter().any(|m| m.deprecated.is_some()));
    let label = lit(name);
    let body = if members.is_empty() {
        quote!(::serde::ser::SerializeStruct::end(serializer.serialize_struct(#label, 0)?))
    } else {
        let count = proc_macro2::Literal::usize_unsuffixed(members.len());
        let fields = members.iter().map(|member| {
            let key = lit(&member.json_name);
            let field = ident(&member.field);
            if member.optional {
                let write = serializable(&member.ty, quote!(value), form);
                quote! {
                    if let #some(value) = &#value.#field {
                        state.serialize_field(#key, #write)?;
                    }
                }
            } else {
                let write = serializable(&member.ty, quote!(&#value.#field), form);
                quote!(state.serialize_field(#key, #write)?;)
            }
        });
        quote! {
            use ::serde::ser::SerializeStruct as _;
            let mut state = serializer.serialize_struct(#label, #count)?;
            #(#fields)*
            state.end()
        }
    };
    quote! {
        #allow
        impl ::serde::Serialize for #target {
            fn serialize<__S: ::serde::Serializer>(&self, serializer: __S) -> #result<__S::Ok, __S::Error> {
                #body
            }
        }
    }
}

/// `Serialize` and `Deserialize` for a string enum (its wire value) or an intEnum (its number).
pub(crate) fn enumeration(std: &Std, name: &str, int: bool) -> TokenStream {
    let name = ident(name);
    let result = &std.result;
    let (write, read) = if int {
        (
            quote!(serializer.serialize_i32(self.value())),
            quote!(<i32 as ::serde::Deserialize<'de>>::deserialize(deserializer).map(Self::from)),
        )
    } else {
        (
            quote!(serializer.serialize_str(self.as_str())),
            quote! {
                <crate::json::Text<'de> as ::serde::Deserialize<'de>>::deserialize(deserializer)
                    .map(|text| Self::from(text.as_str()))
            },
        )
    };
    quote! {
        #[cfg(feature = "serde")]
        impl ::serde::Serialize for #name {
            fn serialize<__S: ::serde::Serializer>(&self, serializer: __S) -> #result<__S::Ok, __S::Error> {
                #write
            }
        }
        #[cfg(feature = "serde")]
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<__D: ::serde::Deserializer<'de>>(deserializer: __D) -> #result<Self, __D::Error> {
                #read
            }
        }
    }
}

/// `Serialize` and `Deserialize` for a union: an object with exactly one member set. Reading
/// skips `null` members and `__type`, and keeps a member it does not know in `Unknown`.
pub(crate) fn union(std: &Std, item: &Item, union: &Union, form: JsonForm) -> TokenStream {
    let Std { option, some, none, result, err, .. } = std;
    let name = ident(&item.named.name);
    let allow = allow_deprecated(union.any_deprecated());
    let write_arms = union.members.iter().map(|member| {
        let key = lit(&member.json_name);
        let variant = ident(&member.variant);
        match &member.ty {
            None => quote!(Self::#variant => map.serialize_entry(#key, &crate::json::UnitValue)?,),
            Some(ty) => {
                let write = serializable(ty, quote!(value), form);
                quote!(Self::#variant(value) => map.serialize_entry(#key, #write)?,)
            }
        }
    });
    let read_arms = union.members.iter().map(|member| {
        let key = lit(&member.json_name);
        let variant = ident(&member.variant);
        match &member.ty {
            None => quote! {
                #key => map.next_value::<#option<crate::json::UnitValue>>()?.map(|_| #name::#variant),
            },
            Some(ty) => {
                let stored = std.stored(ty, member.boxed);
                match codec(ty, form) {
                    Some(codec) => quote! {
                        #key => map
                            .next_value::<#option<crate::json::Read<#codec, #stored>>>()?
                            .map(|value| #name::#variant(value.into_inner())),
                    },
                    None => quote!(#key => map.next_value::<#option<#stored>>()?.map(#name::#variant),),
                }
            }
        }
    });
    let expecting = format!("a `{}` object with one member set", item.named.name);
    let visitor = format_ident!("__Visitor");
    quote! {
        #[cfg(feature = "serde")]
        #allow
        impl ::serde::Serialize for #name {
            fn serialize<__S: ::serde::Serializer>(&self, serializer: __S) -> #result<__S::Ok, __S::Error> {
                use ::serde::ser::SerializeMap as _;
                let mut map = serializer.serialize_map(#some(1))?;
                match self {
                    #(#write_arms)*
                    Self::Unknown(member) => map.serialize_entry(member.name(), member.value())?,
                }
                map.end()
            }
        }
        #[cfg(feature = "serde")]
        #allow
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<__D: ::serde::Deserializer<'de>>(deserializer: __D) -> #result<Self, __D::Error> {
                struct #visitor;
                #allow
                impl<'de> ::serde::de::Visitor<'de> for #visitor {
                    type Value = #name;
                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(#expecting)
                    }
                    fn visit_map<__A: ::serde::de::MapAccess<'de>>(self, mut map: __A) -> #result<#name, __A::Error> {
                        let mut found: #option<#name> = #none;
                        while let #some(key) = map.next_key::<crate::json::Text<'de>>()? {
                            let value = match key.as_str() {
                                #(#read_arms)*
                                "__type" => {
                                    map.next_value::<::serde::de::IgnoredAny>()?;
                                    continue;
                                }
                                _ => {
                                    let value: crate::primitives::Document = map.next_value()?;
                                    (!value.is_null()).then(|| {
                                        #name::Unknown(crate::primitives::UnknownMember::new(key.into_string(), value))
                                    })
                                }
                            };
                            if let #some(value) = value {
                                if found.is_some() {
                                    return #err(::serde::de::Error::custom("a union must have exactly one member set"));
                                }
                                found = #some(value);
                            }
                        }
                        found.ok_or_else(|| ::serde::de::Error::custom("a union must have exactly one member set"))
                    }
                }
                deserializer.deserialize_map(#visitor)
            }
        }
    }
}
