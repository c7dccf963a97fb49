//! The XML body codec of the XML protocols (restXml, awsQuery, ec2Query): statements that write a
//! structure's members into an element and read them back, and the `WriteXml` / `ReadXml` impls
//! of the structures and unions messages carry, behind the `http` feature.
//!
//! The generated code drives the crate's `xml` module (`codegen/runtime/src/xml.rs`): writing
//! through `ElementWriter`s, reading through `Element`s, which skip whatever is not asked for.
//! Members follow the XML binding traits: `@xmlName` (matched without its prefix when reading, as
//! namespaces are ignored there), `@xmlAttribute`, `@xmlFlattened` and `@xmlNamespace` on
//! members, list members and map keys and values. Timestamps default to `date-time`. Maps are
//! written in key order, so a request's bytes do not depend on a hash map's order. Documents,
//! which the XML protocols do not support, are neither written nor read.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::tokens::{allow_deprecated, path};
use super::{Std, ident, lit};
use crate::ir::{Item, Member, NamedKind, Structure, TimestampFormat, Type, Union, XmlMember, XmlNamespace};

/// The part of an XML name after its prefix: what a reader, which ignores namespaces, sees.
pub(crate) fn local_name(name: &str) -> &str {
    name.rsplit_once(':').map_or(name, |(_, local)| local)
}

/// `element.namespace(…)` for an `@xmlNamespace`, if there is one.
pub(crate) fn namespace(element: &Ident, namespace: Option<&XmlNamespace>) -> TokenStream {
    let Some(namespace) = namespace else { return TokenStream::new() };
    let uri = &namespace.uri;
    let prefix = match &namespace.prefix {
        Some(prefix) => quote!(::std::option::Option::Some(#prefix)),
        None => quote!(::std::option::Option::None),
    };
    quote!(#element.namespace(#prefix, #uri);)
}

/// The runtime's `DateTimeFormat` for a timestamp in an XML body: its own, else `date-time`.
fn date_format(format: Option<TimestampFormat>) -> TokenStream {
    match format.unwrap_or(TimestampFormat::DateTime) {
        TimestampFormat::DateTime => quote!(crate::primitives::DateTimeFormat::DateTime),
        TimestampFormat::HttpDate => quote!(crate::primitives::DateTimeFormat::HttpDate),
        TimestampFormat::EpochSeconds => quote!(crate::primitives::DateTimeFormat::EpochSeconds),
    }
}

/// An expression of the text of a simple value (`value` borrows it), as `&str`; `None` for types
/// XML has no text for (documents) or that are not simple.
pub(crate) fn text_of(ty: &Type, value: &TokenStream) -> Option<TokenStream> {
    Some(match ty {
        Type::String => quote!(#value.as_str()),
        Type::Bool => quote!(crate::xml::bool_text(*#value)),
        Type::I8 | Type::I16 | Type::I32 | Type::I64 => quote!(&#value.to_string()),
        Type::F32 | Type::F64 => quote!(&crate::http::float_text(*#value)),
        Type::Blob => quote!(&#value.to_base64()),
        Type::ByteStream => quote!(&crate::primitives::Blob::new(#value.as_bytes()).to_base64()),
        Type::DateTime(format) => {
            let format = date_format(*format);
            quote!(&#value.format(#format))
        }
        Type::BigInteger | Type::BigDecimal => quote!(#value.as_str()),
        Type::Named(named) if named.kind == NamedKind::StringEnum => quote!(#value.as_str()),
        Type::Named(named) if named.kind == NamedKind::IntEnum => quote!(&#value.value().to_string()),
        _ => return None,
    })
}

/// An expression of a function reading the text of a simple value of `ty`
/// (`FnOnce(&str) -> Result<T, String>`); `None` for types that are not simple.
pub(crate) fn parser_of(std: &Std, ty: &Type) -> Option<TokenStream> {
    let string = &std.string;
    Some(match ty {
        Type::String => quote!(|text: &str| ::std::result::Result::<_, #string>::Ok(text.to_owned())),
        Type::Bool => quote!(crate::http::parse_bool),
        Type::I8 | Type::I16 | Type::I32 | Type::I64 => {
            let ty = std.ty(ty);
            quote!(crate::http::parse_number::<#ty>)
        }
        Type::F32 => quote!(|text: &str| crate::http::parse_float(text).map(|value| value as f32)),
        Type::F64 => quote!(crate::http::parse_float),
        Type::Blob => quote!(crate::xml::parse_blob),
        Type::ByteStream => {
            quote!(|text: &str| crate::xml::parse_blob(text)
                .map(|blob| crate::primitives::ByteStream::new(blob.into_inner())))
        }
        Type::DateTime(format) => {
            let format = date_format(*format);
            quote!(|text: &str| crate::primitives::DateTime::parse(text.trim(), #format).map_err(|e| e.to_string()))
        }
        Type::BigInteger | Type::BigDecimal => {
            let ty = std.ty(ty);
            quote!(|text: &str| text.trim().parse::<#ty>().map_err(|e| e.to_string()))
        }
        Type::Named(named) if named.kind == NamedKind::StringEnum => {
            let path = path(named);
            quote!(|text: &str| ::std::result::Result::<_, #string>::Ok(#path::from(text)))
        }
        Type::Named(named) if named.kind == NamedKind::IntEnum => {
            let path = path(named);
            quote!(|text: &str| crate::http::parse_number::<i32>(text).map(#path::from))
        }
        _ => return None,
    })
}

/// Whether XML carries values of `ty` at all: documents and event streams it does not.
fn carried(ty: &Type) -> bool {
    !matches!(ty, Type::Document | Type::EventStream(_))
}

/// Statements writing the content of the element `element` for the value `value` (an expression
/// borrowing a `ty`): text, a structure's members, a list's items or a map's entries. `depth`
/// keeps the names of nested loops apart.
fn write_content(ty: &Type, value: &TokenStream, element: &Ident, depth: usize) -> TokenStream {
    if let Some(text) = text_of(ty, value) {
        return quote!(#element.text(#text););
    }
    match ty {
        Type::Named(_) => quote!(crate::xml::WriteXml::write_xml(#value, &mut #element);),
        Type::List(list) => {
            let item = format_ident!("item{depth}");
            let child = format_ident!("child{depth}");
            let write = write_item(&list.item, &quote!(#item), &child, &list.member, depth + 1);
            let name = &list.member.name;
            quote! {
                for #item in #value {
                    let mut #child = #element.child(#name);
                    #write
                }
            }
        }
        Type::Map(map) => {
            let entries = write_entries(map, value, element, "entry", None, depth);
            quote!(#entries)
        }
        // Documents and event streams have no XML form.
        _ => TokenStream::new(),
    }
}

/// Statements writing a list item into the element `child` just started for it, with the list
/// member's namespace; a sparse list's missing item is an empty element.
fn write_item(ty: &Type, value: &TokenStream, child: &Ident, member: &XmlMember, depth: usize) -> TokenStream {
    let namespace = namespace(child, member.namespace.as_ref());
    match ty {
        Type::Sparse(inner) => {
            let present = format_ident!("present{depth}");
            let write = write_content(inner, &quote!(#present), child, depth);
            quote! {
                #namespace
                if let ::std::option::Option::Some(#present) = #value {
                    #write
                }
            }
        }
        ty => {
            let write = write_content(ty, value, child, depth);
            quote! {
                #namespace
                #write
            }
        }
    }
}

/// Statements writing a map's entries into `element`, in key order, each as an element named
/// `entry_name` (with `namespace`) holding the key and value elements.
fn write_entries(
    map: &crate::ir::MapType,
    value: &TokenStream,
    element: &Ident,
    entry_name: &str,
    entry_namespace: Option<&XmlNamespace>,
    depth: usize,
) -> TokenStream {
    let entries = format_ident!("entries{depth}");
    let (key, item) = (format_ident!("key{depth}"), format_ident!("value{depth}"));
    let entry = format_ident!("entry{depth}");
    let key_element = format_ident!("key_element{depth}");
    let value_element = format_ident!("value_element{depth}");
    let entry_ns = namespace(&entry, entry_namespace);
    let write_key = write_item(&map.key, &quote!(#key), &key_element, &map.key_member, depth + 1);
    let write_value = write_item(&map.value, &quote!(#item), &value_element, &map.value_member, depth + 1);
    let (key_name, value_name) = (&map.key_member.name, &map.value_member.name);
    quote! {
        let mut #entries: ::std::vec::Vec<_> = #value.iter().collect();
        #entries.sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
        for (#key, #item) in #entries {
            let mut #entry = #element.child(#entry_name);
            #entry_ns
            {
                let mut #key_element = #entry.child(#key_name);
                #write_key
            }
            let mut #value_element = #entry.child(#value_name);
            #write_value
        }
    }
}

/// `code` run with the member's value bound to `value` (a reference, out of its `Box` for a
/// boxed member): inside `if let Some` for an optional member.
fn with_member(member: &Member, from: &TokenStream, code: TokenStream) -> TokenStream {
    let field = ident(&member.field);
    let unbox = member.boxed.then(|| quote!(let value = &**value;));
    if member.optional {
        quote! {
            if let ::std::option::Option::Some(value) = &#from.#field {
                #unbox
                #code
            }
        }
    } else {
        quote! {
            {
                let value = &#from.#field;
                #unbox
                #code
            }
        }
    }
}

/// Statements writing `members` of the structure `from` (an expression of the structure, such as
/// `self`) into the element writer `element`: attributes first, then child elements.
pub(crate) fn write_members(members: &[&Member], from: &TokenStream) -> TokenStream {
    let element = format_ident!("element");
    let mut attributes = TokenStream::new();
    let mut children = TokenStream::new();
    for member in members.iter().filter(|m| carried(&m.ty)) {
        let name = &member.xml.name;
        let value = quote!(value);
        if member.xml.attribute {
            if let Some(text) = text_of(&member.ty, &value) {
                attributes.extend(with_member(member, from, quote!(#element.attribute(#name, #text);)));
            }
            continue;
        }
        let write = match &member.ty {
            Type::List(list) if member.xml.flattened => {
                // A flattened list repeats the member's element; the list member's name is unused.
                let child = format_ident!("child");
                let write = write_item(&list.item, &quote!(item), &child, &member.xml, 1);
                quote! {
                    for item in value {
                        let mut #child = #element.child(#name);
                        #write
                    }
                }
            }
            Type::Map(map) if member.xml.flattened => {
                write_entries(map, &value, &element, name, member.xml.namespace.as_ref(), 0)
            }
            ty => {
                let child = format_ident!("child");
                let namespace = namespace(&child, member.xml.namespace.as_ref());
                let write = write_content(ty, &value, &child, 0);
                quote! {
                    let mut #child = #element.child(#name);
                    #namespace
                    #write
                }
            }
        };
        children.extend(with_member(member, from, write));
    }
    quote!(#attributes #children)
}

/// An expression reading a value of `ty` (the stored type, without a `Box`) from the element
/// `element` (a mutable `Element`), in a function returning `Result<_, XmlError>`.
fn read_value(std: &Std, ty: &Type, element: &Ident, member: &XmlMember, depth: usize) -> TokenStream {
    let Std { some, vec, .. } = std;
    match ty {
        Type::String => quote!(#element.string()?),
        Type::Sparse(inner) => {
            let read = read_value(std, inner, element, member, depth);
            quote!(#some(#read))
        }
        Type::Named(named) if matches!(named.kind, NamedKind::Structure { .. } | NamedKind::Union) => {
            let path = path(named);
            quote!(crate::xml::read::<#path>(&mut #element)?)
        }
        Type::List(list) => {
            let (items, item) = (format_ident!("items{depth}"), format_ident!("item{depth}"));
            let name = local_name(&list.member.name);
            let read = read_value(std, &list.item, &item, &list.member, depth + 1);
            quote! {
                {
                    let mut #items = #vec::new();
                    while let #some(mut #item) = #element.next_child()? {
                        if #item.name() == #name {
                            let value = #read;
                            #items.push(value);
                        }
                    }
                    #items
                }
            }
        }
        Type::Map(map) => {
            let (entries, entry) = (format_ident!("entries{depth}"), format_ident!("entry{depth}"));
            let read = read_entry(std, map, &entry, depth + 1);
            quote! {
                {
                    let mut #entries = ::std::collections::HashMap::new();
                    while let #some(mut #entry) = #element.next_child()? {
                        if #entry.name() == "entry" {
                            let (key, value) = #read;
                            #entries.insert(key, value);
                        }
                    }
                    #entries
                }
            }
        }
        ty => match parser_of(std, ty) {
            Some(parse) => quote!(#element.parse(#parse)?),
            // Documents and event streams have no XML form: such a value is an error, not a panic.
            None => {
                let message = format!("element `{}`: this value cannot be read from XML", member.name);
                let err = &std.err;
                quote!(return #err(crate::xml::XmlError::new(#message)))
            }
        },
    }
}

/// An expression reading a map entry's key and value from the element `entry`, as a tuple.
fn read_entry(std: &Std, map: &crate::ir::MapType, entry: &Ident, depth: usize) -> TokenStream {
    let Std { some, none, .. } = std;
    let part = format_ident!("part{depth}");
    let (key_name, value_name) = (local_name(&map.key_member.name), local_name(&map.value_member.name));
    let read_key = read_value(std, &map.key, &part, &map.key_member, depth + 1);
    let read_value = read_value(std, &map.value, &part, &map.value_member, depth + 1);
    let finish = if matches!(map.value, Type::Sparse(_)) {
        quote!(crate::xml::sparse_entry(key, value)?)
    } else {
        quote!(crate::xml::entry(key, value)?)
    };
    quote! {
        {
            let mut key = #none;
            let mut value = #none;
            while let #some(mut #part) = #entry.next_child()? {
                match #part.name() {
                    #key_name => key = #some(#read_key),
                    #value_name => value = #some(#read_value),
                    _ => {}
                }
            }
            #finish
        }
    }
}

/// Statements reading `members` from the element `element` (a mutable `Element`) into the
/// variable `builder`, the structure's builder: attributes, then child elements, skipping what
/// no member names. They run in a function returning `Result<_, XmlError>`.
pub(crate) fn read_members(std: &Std, members: &[&Member]) -> TokenStream {
    let Std { some, boxed, .. } = std;
    let element = format_ident!("element");
    let child = format_ident!("child");
    let mut attributes = TokenStream::new();
    let mut arms = Vec::new();
    for member in members.iter().filter(|m| carried(&m.ty)) {
        let field = ident(&member.field);
        let name = local_name(&member.xml.name);
        let store =
            |value: TokenStream| if member.boxed { quote!(#some(#boxed::new(#value))) } else { quote!(#some(#value)) };
        if member.xml.attribute {
            if let Some(parse) = parser_of(std, &member.ty) {
                let stored = store(quote!(value));
                attributes.extend(quote! {
                    if let #some(value) = #element.parse_attribute(#name, #parse)? {
                        builder.#field = #stored;
                    }
                });
            }
            continue;
        }
        let read = match &member.ty {
            Type::List(_) | Type::Map(_) if member.xml.flattened => read_flattened(std, member, &child),
            _ => assign_member(std, member, &child),
        };
        arms.push((name, read));
    }
    let children = if arms.is_empty() {
        quote!(while #element.next_child()?.is_some() {})
    } else {
        let dispatch = match_name(&child, &arms);
        quote! {
            while let #some(mut #child) = #element.next_child()? {
                #dispatch
            }
        }
    };
    quote! {
        #attributes
        #children
    }
}

/// Code running the statements of the arm whose name is `element`'s name: a `match`, or an `if`
/// for a single arm.
pub(crate) fn match_name(element: &Ident, arms: &[(&str, TokenStream)]) -> TokenStream {
    if let [(name, code)] = arms {
        return quote! {
            if #element.name() == #name {
                #code
            }
        };
    }
    let arms = arms.iter().map(|(name, code)| quote!(#name => { #code }));
    quote! {
        match #element.name() {
            #(#arms)*
            _ => {}
        }
    }
}

/// A statement adding one occurrence of a flattened list's item or map's entry, the element
/// `element`, to the member's collection in `builder`.
fn read_flattened(std: &Std, member: &Member, element: &Ident) -> TokenStream {
    let Std { vec, .. } = std;
    let field = ident(&member.field);
    match &member.ty {
        Type::List(list) => {
            let read = read_value(std, &list.item, element, &member.xml, 1);
            quote!(builder.#field.get_or_insert_with(#vec::new).push(#read);)
        }
        Type::Map(map) => {
            let read = read_entry(std, map, element, 1);
            quote! {
                let (key, value) = #read;
                builder.#field.get_or_insert_with(::std::collections::HashMap::new).insert(key, value);
            }
        }
        _ => TokenStream::new(),
    }
}

/// A statement setting the member in `builder` to the value the element `element` holds.
pub(crate) fn assign_member(std: &Std, member: &Member, element: &Ident) -> TokenStream {
    let Std { some, boxed, .. } = std;
    let field = ident(&member.field);
    let read = read_value(std, &member.ty, element, &member.xml, 0);
    let stored = if member.boxed { quote!(#some(#boxed::new(#read))) } else { quote!(#some(#read)) };
    quote!(builder.#field = #stored;)
}

/// `impl WriteXml` (when requests carry the structure) and `impl ReadXml` (when responses do)
/// for a structure of `crate::types`.
pub(crate) fn structure_impls(item: &Item, structure: &Structure, write: bool) -> TokenStream {
    let std = Std::for_names([item.named.name.as_str()]);
    let Std { result, ok, .. } = &std;
    let name = ident(&item.named.name);
    let members: Vec<&Member> = structure.members.iter().collect();
    let allow = allow_deprecated(structure.any_deprecated());
    let mut tokens = TokenStream::new();
    if write && item.wire_use.request {
        let mut write = write_members(&members, &quote!(self));
        if write.is_empty() {
            write = quote!(let _ = element;);
        }
        tokens.extend(quote! {
            #[cfg(feature = "http")]
            #allow
            impl crate::xml::WriteXml for #name {
                fn write_xml(&self, element: &mut crate::xml::ElementWriter<'_>) {
                    #write
                }
            }
        });
    }
    if item.wire_use.response {
        let read = read_members(&std, &members);
        let build = if structure.fallible() { quote!(builder.build_or_zero()) } else { quote!(builder.build()) };
        let binding = if members.iter().any(|m| carried(&m.ty)) { quote!(mut builder) } else { quote!(builder) };
        tokens.extend(quote! {
            #[cfg(feature = "http")]
            #allow
            impl crate::xml::ReadXml for #name {
                fn read_xml(element: &mut crate::xml::Element<'_, '_>) -> #result<Self, crate::xml::XmlError> {
                    let #binding = Self::builder();
                    #read
                    #ok(#build)
                }
            }
        });
    }
    tokens
}

/// `impl WriteXml` and `impl ReadXml` for a union: the element holds one child, the member set.
/// A member the model does not list is kept by name in `Unknown`.
pub(crate) fn union_impls(item: &Item, union: &Union, write: bool) -> TokenStream {
    let std = Std::for_names([item.named.name.as_str()]);
    let Std { result, err, some, none, option, .. } = &std;
    let name = ident(&item.named.name);
    let allow = allow_deprecated(union.any_deprecated());
    let mut tokens = TokenStream::new();
    let carried_members = || union.members.iter().filter(|m| m.ty.as_ref().is_none_or(carried));
    if write && item.wire_use.request {
        let arms = carried_members().map(|member| {
            let variant = ident(&member.variant);
            let element_name = &member.xml.name;
            let child = format_ident!("child");
            let namespace = namespace(&child, member.xml.namespace.as_ref());
            match &member.ty {
                None => quote! {
                    Self::#variant => {
                        let mut #child = element.child(#element_name);
                        #namespace
                    }
                },
                Some(ty) => {
                    let write = write_content(ty, &quote!(value), &child, 0);
                    let unbox = member.boxed.then(|| quote!(let value = &**value;));
                    quote! {
                        Self::#variant(value) => {
                            #unbox
                            let mut #child = element.child(#element_name);
                            #namespace
                            #write
                        }
                    }
                }
            }
        });
        let arms: Vec<TokenStream> = arms.collect();
        // Every union has more variants than those written (its unknown one), so one arm stays a
        // `match` with a catch-all, the same shape as with many.
        let single = (arms.len() == 1).then(|| quote!(#[allow(clippy::single_match)]));
        tokens.extend(quote! {
            #[cfg(feature = "http")]
            #allow
            impl crate::xml::WriteXml for #name {
                #single
                fn write_xml(&self, element: &mut crate::xml::ElementWriter<'_>) {
                    match self {
                        #(#arms)*
                        // Documents, event streams and unknown members have no XML to send.
                        _ => {}
                    }
                }
            }
        });
    }
    if item.wire_use.response {
        let child = format_ident!("child");
        let arms = carried_members().map(|member| {
            let variant = ident(&member.variant);
            let element_name = local_name(&member.xml.name);
            match &member.ty {
                None => quote!(#element_name => Self::#variant,),
                Some(ty) => {
                    let read = read_value(&std, ty, &child, &member.xml, 0);
                    let read = if member.boxed { quote!(::std::boxed::Box::new(#read)) } else { read };
                    quote!(#element_name => Self::#variant(#read),)
                }
            }
        });
        tokens.extend(quote! {
            #[cfg(feature = "http")]
            #allow
            impl crate::xml::ReadXml for #name {
                fn read_xml(element: &mut crate::xml::Element<'_, '_>) -> #result<Self, crate::xml::XmlError> {
                    let mut found: #option<Self> = #none;
                    while let #some(mut #child) = element.next_child()? {
                        let value = match #child.name() {
                            #(#arms)*
                            other => Self::Unknown(crate::primitives::UnknownMember::new(
                                other.to_owned(),
                                crate::primitives::Document::Null,
                            )),
                        };
                        if found.is_some() {
                            return #err(crate::xml::XmlError::new("a union must have exactly one member set"));
                        }
                        found = #some(value);
                    }
                    found.ok_or_else(|| crate::xml::XmlError::new("a union must have exactly one member set"))
                }
            }
        });
    }
    tokens
}

/// Statements writing the XML document of a structure-like value whose members are `members` of
/// `from`, as the root element `root_name` with `root_namespace`, into a new `body`.
pub(crate) fn document_body(
    root_name: &str,
    root_namespace: Option<&XmlNamespace>,
    members: &[&Member],
    from: &TokenStream,
) -> TokenStream {
    let element = format_ident!("element");
    let namespace = namespace(&element, root_namespace);
    let write = write_members(members, from);
    let root = lit(root_name);
    quote! {
        let mut writer = crate::xml::XmlWriter::new();
        {
            let mut #element = writer.start(#root);
            #namespace
            #write
        }
        let body = writer.into_bytes();
    }
}
