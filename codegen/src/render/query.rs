//! Renders the query protocols' requests (awsQuery, ec2Query), behind the `http` feature: every
//! operation is `POST /` with a form body, `Action=…&Version=…` then the input's members, and
//! `impl WriteQuery` for the structures and unions inputs hold. Responses are XML, read with the
//! XML codec (`render/xml.rs`) through the REST renderer's response readers (`render/http.rs`),
//! which here find every member in the body.
//!
//! Keys follow the protocols: members by their `query_name` (the IR applies `@xmlName`, and for
//! ec2Query `@ec2QueryName` and the capitalization), nested structures `A.B`; awsQuery lists
//! `A.member.N` (the list member's `@xmlName` replacing `member`), flattened `A.N`, an empty list
//! as `A=`; ec2Query lists always `A.N`, an empty one not at all; maps `A.entry.N.key` and
//! `A.entry.N.value` (flattened `A.N.key`), in key order so that the form does not depend on a
//! hash map's order.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::tokens::{allow_deprecated, prose};
use super::xml::text_of;
use super::{Context, Std, http, ident, lit};
use crate::ir::{Item, ItemKind, Member, Operation, Protocol, Type};

/// Whether lists are written ec2Query's way (`A.N`, nothing for an empty list).
fn is_ec2(cx: &Context<'_>) -> bool {
    cx.krate.protocol == Some(Protocol::Ec2Query)
}

/// Statements writing the value `value` (a reference to a `ty`) under the key `key` (an
/// expression of a `String`) into `writer`. `depth` keeps the names of nested loops apart.
fn write_value(ty: &Type, value: &TokenStream, key: &Ident, flattened: bool, ec2: bool, depth: usize) -> TokenStream {
    if let Some(text) = text_of(ty, value) {
        return quote!(writer.push(&#key, #text););
    }
    match ty {
        Type::Named(_) => quote!(crate::query::WriteQuery::write_query(#value, writer, &#key);),
        Type::Sparse(inner) => {
            let present = format_ident!("present{depth}");
            let write = write_value(inner, &quote!(#present), key, flattened, ec2, depth);
            quote! {
                if let ::std::option::Option::Some(#present) = #value {
                    #write
                }
            }
        }
        Type::List(list) => {
            let (index, item, item_key) =
                (format_ident!("index{depth}"), format_ident!("item{depth}"), format_ident!("key{depth}"));
            let format = if ec2 || flattened {
                quote!(format!("{}.{}", #key, #index + 1))
            } else {
                let member = &list.member.name;
                quote!(format!("{}.{}.{}", #key, #member, #index + 1))
            };
            let write = write_value(&list.item, &quote!(#item), &item_key, false, ec2, depth + 1);
            let empty = (!ec2).then(|| {
                quote! {
                    if #value.is_empty() {
                        writer.push(&#key, "");
                    }
                }
            });
            quote! {
                #empty
                for (#index, #item) in #value.iter().enumerate() {
                    let #item_key = #format;
                    #write
                }
            }
        }
        Type::Map(map) => {
            let entries = format_ident!("entries{depth}");
            let (index, entry_key, entry_value) =
                (format_ident!("index{depth}"), format_ident!("key{depth}"), format_ident!("value{depth}"));
            let (key_key, value_key) = (format_ident!("key_key{depth}"), format_ident!("value_key{depth}"));
            let entry = if flattened {
                quote!(format!("{}.{}", #key, #index + 1))
            } else {
                quote!(format!("{}.entry.{}", #key, #index + 1))
            };
            let (key_name, value_name) = (&map.key_member.name, &map.value_member.name);
            let write_key = write_value(&map.key, &quote!(#entry_key), &key_key, false, ec2, depth + 1);
            let write_value = write_value(&map.value, &quote!(#entry_value), &value_key, false, ec2, depth + 1);
            quote! {
                let mut #entries: ::std::vec::Vec<_> = #value.iter().collect();
                #entries.sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
                for (#index, (#entry_key, #entry_value)) in #entries.into_iter().enumerate() {
                    let entry = #entry;
                    let #key_key = format!("{entry}.{}", #key_name);
                    #write_key
                    let #value_key = format!("{entry}.{}", #value_name);
                    #write_value
                }
            }
        }
        // Documents and event streams have no form.
        _ => TokenStream::new(),
    }
}

/// Statements writing `members` of `from` (an expression of the structure) under `prefix` (an
/// expression of a `&str`) into `writer`.
fn write_members(members: &[Member], from: &TokenStream, prefix: &TokenStream, ec2: bool) -> TokenStream {
    let key = format_ident!("key");
    let writes = members.iter().map(|member| {
        let field = ident(&member.field);
        let name = &member.query_name;
        let write = write_value(&member.ty, &quote!(value), &key, member.xml.flattened, ec2, 0);
        let unbox = member.boxed.then(|| quote!(let value = &**value;));
        let body = quote! {
            #unbox
            let #key = crate::query::key(#prefix, #name);
            #write
        };
        if member.optional {
            quote! {
                if let ::std::option::Option::Some(value) = &#from.#field {
                    #body
                }
            }
        } else {
            quote! {
                {
                    let value = &#from.#field;
                    #body
                }
            }
        }
    });
    quote!(#(#writes)*)
}

/// `impl WriteQuery` for a structure or union that inputs hold.
pub(crate) fn item_impl(cx: &Context<'_>, item: &Item) -> TokenStream {
    let ec2 = is_ec2(cx);
    let name = ident(&item.named.name);
    let (body, allow) = match &item.kind {
        ItemKind::Structure(structure) => {
            (write_members(&structure.members, &quote!(self), &quote!(prefix), ec2), structure.any_deprecated())
        }
        ItemKind::Union(union) => {
            let key = format_ident!("key");
            let arms = union.members.iter().filter_map(|member| {
                let variant = ident(&member.variant);
                let name = &member.query_name;
                let ty = member.ty.as_ref()?;
                let write = write_value(ty, &quote!(value), &key, member.xml.flattened, ec2, 0);
                let unbox = member.boxed.then(|| quote!(let value = &**value;));
                Some(quote! {
                    Self::#variant(value) => {
                        #unbox
                        let #key = crate::query::key(prefix, #name);
                        #write
                    }
                })
            });
            let body = quote! {
                match self {
                    #(#arms)*
                    // Members without a value, and members this crate does not know, have no pairs.
                    _ => {}
                }
            };
            (body, union.any_deprecated())
        }
        ItemKind::Enum(_) => return TokenStream::new(),
    };
    let body = if body.is_empty() { quote!(let _ = (writer, prefix);) } else { body };
    let allow = allow_deprecated(allow);
    quote! {
        #[cfg(feature = "http")]
        #allow
        impl crate::query::WriteQuery for #name {
            fn write_query(&self, writer: &mut crate::query::QueryWriter, prefix: &str) {
                #body
            }
        }
    }
}

/// `impl Input { to_http_request… }`: `POST /` with the form of the input's members.
pub(crate) fn request(cx: &Context<'_>, op: &Operation) -> TokenStream {
    let item = &op.input;
    let std = Std::for_names([item.named.name.as_str()]);
    let Std { result, vec, .. } = &std;
    let ItemKind::Structure(structure) = &item.kind else {
        unreachable!("`{}` is an operation's input, always a structure", item.named.name)
    };
    let members = &structure.members;
    let type_name = ident(&item.named.name);
    let input_binding = http::input_binding(&std, members);
    let writes = write_members(members, &quote!(input), &quote!(""), is_ec2(cx));
    let (form_let, writer) = if writes.is_empty() {
        (quote!(let form), TokenStream::new())
    } else {
        (quote!(let mut form), quote!(let writer = &mut form;))
    };
    let (action, version) = (lit(&op.shape_name), lit(&cx.krate.service.version));
    let (host_setup, host_prefix) = http::host_prefix(op, members);
    let allow = allow_deprecated(structure.any_deprecated());
    let super::customize::RequestHooks { headers: hooks_headers, body: hooks_body, options: hooks_options } =
        super::customize::request(cx, &std, op);
    let docs_request = prose(&format!(
        "The HTTP request that sends this input to the service: `POST /` with a form body, \
         `Action={}&Version={}` and the input's members.\n\nThe URI is the path only: put the service's \
         endpoint in front of it, sign the request, and send it with any HTTP client.",
        op.shape_name, cx.krate.service.version
    ));
    let docs_with = prose(
        "The HTTP request that sends this input, built with `options`: with an endpoint, the URI is \
         absolute; an unset idempotency token is taken from the options or generated.",
    );
    quote! {
        #[cfg(feature = "http")]
        #allow
        impl #type_name {
            #docs_request
            pub fn to_http_request(&self) -> #result<::http::Request<#vec<u8>>, crate::error::BuildError> {
                self.to_http_request_with(&crate::http::RequestOptions::new())
            }
            #docs_with
            pub fn to_http_request_with(
                &self,
                options: &crate::http::RequestOptions,
            ) -> #result<::http::Request<#vec<u8>>, crate::error::BuildError> {
                #input_binding
                #form_let = crate::query::QueryWriter::new(#action, #version);
                #writer
                #writes
                let body = form.into_bytes();
                let mut headers = ::http::HeaderMap::new();
                crate::http::set_body_headers(&mut headers, "application/x-www-form-urlencoded", &body);
                #hooks_headers
                #hooks_body
                #hooks_options
                #host_setup
                crate::http::request("POST", crate::http::full_uri(options, #host_prefix, "/".to_owned())?, headers, body)
            }
        }
    }
}
