//! Renders the CBOR codec of the rpcv2Cbor protocol for each structure, union and enum, behind the
//! generated crate's `http` feature: impls of the runtime's `crate::cbor::Encode` and
//! `crate::cbor::Decode` traits, which the request builders and response readers call.
//!
//! The `serde` impls are not used for CBOR: they write JSON's forms (timestamps as plain numbers,
//! `NaN` as a string, blobs as base64), which no serde data format can turn into CBOR's tagged
//! timestamps, byte strings and bignums without knowing the model. Here each value's form
//! follows from its Rust type (the protocol ignores `@timestampFormat`), so the trait impls of
//! the runtime module cover every member type, and the generated impls only name the members.
//! Structures are written as maps of their set members by member name and read with unknown
//! members skipped, `null` as absent, and Smithy's error correction for missing required ones.

use proc_macro2::TokenStream;
use quote::quote;

use super::tokens::allow_deprecated;
use super::{Std, ident, lit};
use crate::ir::{Enum, Item, ItemKind, Role, Structure, Union};

/// The `Encode` and `Decode` impls of an item: both for the types of `crate::types`, the encoder
/// alone for an operation's input and the decoder alone for its output.
pub(crate) fn item(item: &Item) -> TokenStream {
    let std = Std::for_names([item.named.name.as_str()]);
    match &item.kind {
        ItemKind::Structure(structure) => {
            let (encode, decode) = match structure.role {
                Role::Input => (true, false),
                Role::Output => (false, true),
                Role::Plain | Role::Error(_) => (true, true),
            };
            let mut tokens = TokenStream::new();
            if encode {
                tokens.extend(encode_structure(&std, item, structure));
            }
            if decode {
                tokens.extend(decode_structure(&std, item, structure));
            }
            tokens
        }
        ItemKind::Union(union) => self::union(&std, item, union),
        ItemKind::Enum(enumeration) => self::enumeration(&std, item, enumeration),
    }
}

/// `Encode` for a structure: a map of its set members, by member name.
fn encode_structure(std: &Std, item: &Item, structure: &Structure) -> TokenStream {
    let name = ident(&item.named.name);
    let allow = allow_deprecated(structure.any_deprecated());
    let some = &std.some;
    let fields = structure.members.iter().map(|member| {
        let key = lit(&member.model_name);
        let field = ident(&member.field);
        if member.optional {
            quote! {
                if let #some(value) = &self.#field {
                    encoder.field(#key, value);
                }
            }
        } else {
            quote!(encoder.field(#key, &self.#field);)
        }
    });
    quote! {
        #[cfg(feature = "http")]
        #allow
        impl crate::cbor::Encode for #name {
            fn encode(&self, encoder: &mut crate::cbor::Encoder) {
                encoder.begin_map();
                #(#fields)*
                encoder.end();
            }
        }
    }
}

/// `Decode` for a structure: its members read into its builder by name, unknown ones skipped.
fn decode_structure(std: &Std, item: &Item, structure: &Structure) -> TokenStream {
    let Std { result, ok, .. } = std;
    let name = ident(&item.named.name);
    let allow = allow_deprecated(structure.any_deprecated());
    let finish = if structure.fallible() { quote!(builder.build_or_zero()) } else { quote!(builder.build()) };
    let read = if structure.members.is_empty() {
        quote! {
            let builder = Self::builder();
            decoder.map(|decoder, _| decoder.skip())?;
        }
    } else {
        let arms = structure.members.iter().map(|member| {
            let key = lit(&member.model_name);
            let field = ident(&member.field);
            quote!(#key => builder.#field = decoder.member()?,)
        });
        // `builder` is a name no member can take, so it is always the associated function.
        quote! {
            let mut builder = Self::builder();
            decoder.map(|decoder, name| {
                match name {
                    #(#arms)*
                    _ => decoder.skip()?,
                }
                #ok(())
            })?;
        }
    };
    quote! {
        #[cfg(feature = "http")]
        #allow
        impl crate::cbor::Decode for #name {
            fn decode(decoder: &mut crate::cbor::Decoder<'_>) -> #result<Self, crate::cbor::Error> {
                #read
                #ok(#finish)
            }
        }
    }
}

/// `Encode` and `Decode` for a union: a map with exactly one member set. Reading skips `null`
/// members and `__type`, and keeps a member it does not know in `Unknown`.
fn union(std: &Std, item: &Item, union: &Union) -> TokenStream {
    let Std { option, some, none, result, ok, err, .. } = std;
    let name = ident(&item.named.name);
    let allow = allow_deprecated(union.any_deprecated());
    let write_arms = union.members.iter().map(|member| {
        let key = lit(&member.model_name);
        let variant = ident(&member.variant);
        match &member.ty {
            // A member targeting `Unit` holds an empty structure.
            None => quote! {
                Self::#variant => {
                    encoder.str(#key);
                    encoder.map(0);
                }
            },
            Some(_) => quote!(Self::#variant(value) => encoder.field(#key, value),),
        }
    });
    let read_arms = union.members.iter().map(|member| {
        let key = lit(&member.model_name);
        let variant = ident(&member.variant);
        match &member.ty {
            None => quote! {
                #key => if decoder.null()? {
                    #none
                } else {
                    decoder.skip()?;
                    #some(Self::#variant)
                },
            },
            Some(_) => quote!(#key => decoder.member()?.map(Self::#variant),),
        }
    });
    quote! {
        #[cfg(feature = "http")]
        #allow
        impl crate::cbor::Encode for #name {
            fn encode(&self, encoder: &mut crate::cbor::Encoder) {
                encoder.map(1);
                match self {
                    #(#write_arms)*
                    Self::Unknown(member) => encoder.field(member.name(), member.value()),
                }
            }
        }
        #[cfg(feature = "http")]
        #allow
        impl crate::cbor::Decode for #name {
            fn decode(decoder: &mut crate::cbor::Decoder<'_>) -> #result<Self, crate::cbor::Error> {
                let mut found: #option<Self> = #none;
                decoder.map(|decoder, name| {
                    let value = match name {
                        #(#read_arms)*
                        "__type" => {
                            decoder.skip()?;
                            #none
                        }
                        _ => decoder.member()?.map(|value| {
                            Self::Unknown(crate::primitives::UnknownMember::new(::std::borrow::ToOwned::to_owned(name), value))
                        }),
                    };
                    if let #some(value) = value {
                        if found.is_some() {
                            return #err(decoder.invalid("a union must have exactly one member set"));
                        }
                        found = #some(value);
                    }
                    #ok(())
                })?;
                found.ok_or_else(|| decoder.invalid("a union must have exactly one member set"))
            }
        }
    }
}

/// `Encode` and `Decode` for an enum: its value, text for a string enum and an integer for an
/// intEnum; values the model does not list are kept.
fn enumeration(std: &Std, item: &Item, enumeration: &Enum) -> TokenStream {
    let result = &std.result;
    let name = ident(&item.named.name);
    let (write, read) = if enumeration.int {
        (quote!(encoder.int(i64::from(self.value()))), quote!(decoder.value::<i32>().map(Self::from)))
    } else {
        (quote!(encoder.str(self.as_str())), quote!(decoder.text().map(|text| Self::from(text.as_ref()))))
    };
    quote! {
        #[cfg(feature = "http")]
        impl crate::cbor::Encode for #name {
            fn encode(&self, encoder: &mut crate::cbor::Encoder) {
                #write;
            }
        }
        #[cfg(feature = "http")]
        impl crate::cbor::Decode for #name {
            fn decode(decoder: &mut crate::cbor::Decoder<'_>) -> #result<Self, crate::cbor::Error> {
                #read
            }
        }
    }
}
