//! Renders the crate's module tree: `lib.rs` and the public modules that re-export each item.

use proc_macro2::TokenStream;
use quote::quote;

use super::tokens::inner_docs;
use super::{Context, ident};
use crate::ir::{Crate, Item, ItemKind, Module};

/// A module file of the crate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ModuleFile {
    /// `src/lib.rs`.
    Lib,
    /// `src/types.rs`.
    Types,
    /// `src/types/builders.rs`.
    TypesBuilders,
    /// `src/types/error.rs`.
    Errors,
    /// `src/types/error/builders.rs`.
    ErrorsBuilders,
    /// `src/operation.rs`.
    Operations,
}

impl ModuleFile {
    /// The file's path.
    pub fn path(self) -> &'static str {
        match self {
            ModuleFile::Lib => "src/lib.rs",
            ModuleFile::Types => "src/types.rs",
            ModuleFile::TypesBuilders => "src/types/builders.rs",
            ModuleFile::Errors => "src/types/error.rs",
            ModuleFile::ErrorsBuilders => "src/types/error/builders.rs",
            ModuleFile::Operations => "src/operation.rs",
        }
    }
}

/// The module files the crate has: modules with nothing in them are left out.
pub(crate) fn files(krate: &Crate) -> Vec<ModuleFile> {
    let mut files = vec![ModuleFile::Lib, ModuleFile::Operations];
    let (types, errors) = (items_in(krate, &Module::Types), items_in(krate, &Module::TypesError));
    if !types.is_empty() || !errors.is_empty() {
        files.extend([ModuleFile::Types, ModuleFile::TypesBuilders]);
    }
    if !errors.is_empty() {
        files.extend([ModuleFile::Errors, ModuleFile::ErrorsBuilders]);
    }
    files
}

fn items_in<'a>(krate: &'a Crate, module: &Module) -> Vec<&'a Item> {
    krate.items.iter().filter(|item| &item.named.module == module).collect()
}

/// The tokens of one module file.
pub(crate) fn render(cx: &Context<'_>, file: ModuleFile) -> TokenStream {
    let krate = cx.krate;
    match file {
        ModuleFile::Lib => lib_rs(cx),
        ModuleFile::Types => {
            let errors = (!items_in(krate, &Module::TypesError).is_empty()).then(|| {
                quote!(
                    pub mod error;
                )
            });
            let declarations = declare_items(&items_in(krate, &Module::Types));
            quote! {
                //! The data types of the service: the structures, unions and enums its operations use.
                //!
                //! Build a structure with its `builder()`; the builders themselves live in [`builders`].
                pub mod builders;
                #errors
                #declarations
            }
        }
        ModuleFile::TypesBuilders => {
            let reexports = builders_of(&items_in(krate, &Module::Types));
            quote! {
                //! Builders for the structures of [`crate::types`].
                #reexports
            }
        }
        ModuleFile::Errors => {
            let declarations = declare_items(&items_in(krate, &Module::TypesError));
            quote! {
                //! The errors the service's operations can return, one structure each.
                //!
                //! Each operation's error enum (such as `operation::<name>::<Name>Error`) has a variant
                //! holding one of these.
                pub mod builders;
                #declarations
            }
        }
        ModuleFile::ErrorsBuilders => {
            let reexports = builders_of(&items_in(krate, &Module::TypesError));
            quote! {
                //! Builders for the error structures of [`crate::types::error`].
                #reexports
            }
        }
        ModuleFile::Operations => {
            // Each operation module documents itself; an outer doc here would make rustdoc
            // resolve the links of both in this module's scope.
            let modules = krate.operations.iter().map(|op| ident(&op.module));
            quote! {
                //! The service's operations, one module each, with the operation's input, output and errors.
                #(pub mod #modules;)*
            }
        }
    }
}

/// Private file modules and the `pub use` of the item each defines.
fn declare_items(items: &[&Item]) -> TokenStream {
    let files: Vec<_> = items.iter().map(|item| ident(&item.named.file)).collect();
    let names = items.iter().map(|item| ident(&item.named.name));
    quote! {
        #(mod #files;)*
        #(pub use self::#files::#names;)*
    }
}

/// Re-exports the builder of every item that has one (structures do; enums and unions do not).
fn builders_of(items: &[&Item]) -> TokenStream {
    let structures = items.iter().filter(|item| matches!(item.kind, ItemKind::Structure(_)));
    let reexports = structures.map(|item| {
        let (file, builder) = (ident(&item.named.file), ident(&item.named.builder_name()));
        quote!(pub use super::#file::#builder;)
    });
    quote!(#(#reexports)*)
}

fn lib_rs(cx: &Context<'_>) -> TokenStream {
    let krate = cx.krate;
    let service = &krate.service;
    let wrap = crate::docs::wrap_prose;
    let mut markdown =
        wrap(&format!("Rust types for {} (`{}`, API version {}).", service.title, service.id, service.version));
    if !service.docs.is_empty() {
        markdown.push_str("\n\n");
        markdown.push_str(&service.docs);
    }
    markdown.push_str("\n\n# Using this crate\n\n");
    markdown.push_str(&wrap(
        "Each operation has a module under [`operation`] with its input, output and error types. \
         Inputs and the structures they contain are made with builders: `Type::builder()`, one \
         method per member, then `build()`, which reports a missing required member as an \
         [`error::BuildError`].\n\n\
         Enums keep values the model does not list in an `Unknown` variant, and each operation's \
         error enum keeps errors the model does not describe in `Unhandled`, so a service that \
         grows does not break its clients.",
    ));
    markdown.push_str("\n\n# Operations\n");
    for op in &krate.operations {
        let link = format!("[`{}`](operation::{})", op.shape_name, op.module);
        let separator = if op.summary.is_empty() { "" } else { ": " };
        markdown.push('\n');
        markdown.push_str(&wrap(&format!("- {link}{separator}{}", op.summary)));
    }
    let about = inner_docs(&markdown);
    let has_types = krate.items.iter().any(|item| matches!(item.named.module, Module::Types | Module::TypesError));
    let mut modules = vec!["error", "operation"];
    if !krate.runtime.is_empty() {
        modules.push("primitives");
    }
    if has_types {
        modules.push("types");
    }
    modules.sort_unstable();
    let modules = modules.into_iter().map(ident);
    let http = super::protocol::applies(cx).then(|| {
        let customizations = super::customize::runtime_modules(krate).into_iter().map(|module| ident(module.name));
        quote! {
            #[cfg(feature = "http")]
            #[rustfmt::skip]
            pub mod http;
            #(
                #[cfg(feature = "http")]
                #[rustfmt::skip]
                mod #customizations;
            )*
        }
    });
    let protocol_modules = super::protocol::runtime_modules(cx).iter().map(|(name, doc)| {
        let (name, doc) = (ident(name), format!(" {doc}"));
        quote! {
            #[doc = #doc]
            #[cfg(feature = "http")]
            #[rustfmt::skip]
            mod #name;
        }
    });
    let s3 = super::protocol::applies(cx).then(|| super::customize::s3::module_declaration(cx));
    let support = super::protocol::crate_wire(cx).map(|wire| {
        let modules = super::protocol::support_modules(wire.protocol).iter().filter_map(|module| match module {
            super::protocol::SupportModule::Xml => Some(quote! {
                /// XML bodies: the reader and writer the bindings use.
                #[cfg(feature = "http")]
                #[rustfmt::skip]
                mod xml;
            }),
            super::protocol::SupportModule::Query => Some(quote! {
                /// Form bodies of the query protocols.
                #[cfg(feature = "http")]
                #[rustfmt::skip]
                mod query;
            }),
            super::protocol::SupportModule::HttpJson => None,
        });
        quote!(#(#modules)*)
    });
    quote! {
        // The crate is formatted by the generator; `cargo fmt` must leave it alone. rustfmt skips
        // a crate root marked like this, and each out-of-line module marked `#[rustfmt::skip]`.
        #![cfg_attr(rustfmt, rustfmt::skip)]
        #about
        #![warn(missing_docs)]
        // Nested collections are as complex as the model makes them.
        #![allow(clippy::type_complexity)]
        #(
            #[rustfmt::skip]
            pub mod #modules;
        )*
        /// How values are written in JSON, for the `serde` feature.
        #[cfg(feature = "serde")]
        #[rustfmt::skip]
        mod json;
        #http
        #(#protocol_modules)*
        #support
        #s3
    }
}
