//! Renders what errors add to their structures (`crate::types::error`) and each operation's error
//! enum.

use proc_macro2::TokenStream;
use quote::quote;

use super::tokens::{REDACTED, docs, path, prose};
use super::{Std, ident};
use crate::ir::{ErrorInfo, Item, ModeledRetry, Operation, Structure};

/// What an error structure has besides its struct and builder: its code and status, `Display`
/// and `Error`.
pub(crate) fn exception(item: &Item, structure: &Structure, info: &ErrorInfo) -> TokenStream {
    let name = ident(&item.named.name);
    let code = &info.code;
    let code_doc = prose(&format!("The code that identifies this error on the wire: `{code}`."));
    let status = info.http_status;
    let status_doc = prose(&format!("The HTTP status code the service answers this error with: {status}."));
    let retryable = info.retryable;
    let message = info.message.map(|index| &structure.members[index]);
    let allow = message.filter(|m| m.deprecated.is_some()).map(|_| quote!(#[allow(deprecated)]));
    let write_message = match message {
        Some(member) if member.sensitive => {
            let text = format!(": {REDACTED}");
            quote!(f.write_str(#text)?;)
        }
        Some(member) if member.optional => {
            let field = ident(&member.field);
            quote! {
                if let ::std::option::Option::Some(message) = &self.#field {
                    write!(f, ": {message}")?;
                }
            }
        }
        Some(member) => {
            let field = ident(&member.field);
            quote!(write!(f, ": {}", self.#field)?;)
        }
        None => TokenStream::new(),
    };
    quote! {
        impl #name {
            #code_doc
            pub const CODE: &'static str = #code;
            #status_doc
            pub const HTTP_STATUS: u16 = #status;
            /// Whether the model marks this error as safe to retry.
            pub const RETRYABLE: bool = #retryable;
        }
        #allow
        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(#code)?;
                #write_message
                ::std::result::Result::Ok(())
            }
        }
        impl ::std::error::Error for #name {}
    }
}

/// The error enum of an operation: a variant per error structure plus `Unhandled`.
pub(crate) fn operation_error(std: &Std, op: &Operation, request_ids: bool) -> TokenStream {
    let name = ident(&op.error);
    let Std { option, some, none, from, .. } = std;
    let enum_docs = docs(&crate::docs::wrap_prose(&format!(
        "The errors the `{}` operation can return.\n\nErrors the model does not describe arrive as \
         [`Unhandled`](Self::Unhandled), with whatever code, message and status the service sent.",
        op.shape_name
    )));
    let variants: Vec<_> = op.errors.iter().map(|v| ident(&v.name)).collect();
    let paths: Vec<_> = op.errors.iter().map(|v| path(&v.named)).collect();
    let variant_docs = op.errors.iter().map(|v| docs(&v.docs));
    let is_fns = op.errors.iter().map(|v| ident(&v.is_fn));
    let is_docs = op.errors.iter().map(|v| prose(&format!("Whether this is a [`{0}`](Self::{0}).", v.name)));
    let messages = op.errors.iter().zip(&variants).map(|(v, variant)| match &v.message {
        Some(message) if message.sensitive => quote!(Self::#variant(_) => #none,),
        Some(message) if message.optional => {
            let field = ident(&message.field);
            quote!(Self::#variant(error) => error.#field.as_deref(),)
        }
        Some(message) => {
            let field = ident(&message.field);
            quote!(Self::#variant(error) => #some(&error.#field),)
        }
        None => quote!(Self::#variant(_) => #none,),
    });
    let retry_arms = op.errors.iter().zip(&variants).zip(&paths).map(|((v, variant), path)| match v.retry {
        Some(ModeledRetry::Throttling) => quote!(Self::#variant(_) => #some(crate::error::RetryKind::Throttling),),
        Some(ModeledRetry::Retryable) => quote!(Self::#variant(_) => #some(crate::error::RetryKind::Retryable),),
        None => quote! {
            Self::#variant(_) => crate::error::RetryKind::classify(#some(#path::CODE), #some(#path::HTTP_STATUS)),
        },
    });
    // Errors carry the request id only where a protocol reads them from responses.
    let request_id = request_ids.then(|| {
        quote! {
            impl crate::error::RequestId for #name {
                fn request_id(&self) -> #option<&str> {
                    match self {
                        #(Self::#variants(error) => crate::error::RequestId::request_id(error),)*
                        Self::Unhandled(error) => crate::error::RequestId::request_id(error),
                    }
                }
            }
        }
    });
    let allow_message = op
        .errors
        .iter()
        .any(|v| v.message.as_ref().is_some_and(|m| m.deprecated))
        .then(|| quote!(#[allow(deprecated)]));
    quote! {
        #enum_docs
        #[non_exhaustive]
        #[derive(Clone, Debug, PartialEq)]
        pub enum #name {
            #(
                #variant_docs
                #variants(#paths),
            )*
            /// An error the model does not describe.
            Unhandled(crate::error::Unhandled),
        }
        impl #name {
            #(
                #is_docs
                pub fn #is_fns(&self) -> bool {
                    ::std::matches!(self, Self::#variants(_))
                }
            )*
            /// Whether this is an error the model does not describe.
            pub fn is_unhandled(&self) -> bool {
                ::std::matches!(self, Self::Unhandled(_))
            }
            /// The code that identifies the error on the wire, when known.
            pub fn code(&self) -> #option<&str> {
                match self {
                    #(Self::#variants(_) => #some(#paths::CODE),)*
                    Self::Unhandled(error) => error.code(),
                }
            }
            /// The human-readable message that came with the error, if any (never a sensitive one).
            #allow_message
            pub fn message(&self) -> #option<&str> {
                match self {
                    #(#messages)*
                    Self::Unhandled(error) => error.message(),
                }
            }
            /// The HTTP status code of the error: the model's for modeled errors, the received one
            /// for unhandled errors.
            pub fn http_status(&self) -> #option<u16> {
                match self {
                    #(Self::#variants(_) => #some(#paths::HTTP_STATUS),)*
                    Self::Unhandled(error) => error.http_status(),
                }
            }
            /// Whether the model marks the error as safe to retry.
            pub fn is_retryable(&self) -> bool {
                match self {
                    #(Self::#variants(_) => #paths::RETRYABLE,)*
                    Self::Unhandled(_) => false,
                }
            }
            /// Why the error may be worth retrying: what the model's `@retryable` says, else what
            /// its code and HTTP status say (see [`RetryKind`](crate::error::RetryKind)).
            pub fn retry_kind(&self) -> #option<crate::error::RetryKind> {
                match self {
                    #(#retry_arms)*
                    Self::Unhandled(error) => error.retry_kind(),
                }
            }
        }
        #request_id
        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self {
                    #(Self::#variants(error) => ::std::fmt::Display::fmt(error, f),)*
                    Self::Unhandled(error) => ::std::fmt::Display::fmt(error, f),
                }
            }
        }
        /// `Display` already shows the inner error, so `source` skips it rather than have error
        /// reporters print the same message twice.
        impl ::std::error::Error for #name {
            fn source(&self) -> #option<&(dyn ::std::error::Error + 'static)> {
                match self {
                    #(Self::#variants(error) => ::std::error::Error::source(error),)*
                    Self::Unhandled(error) => ::std::error::Error::source(error),
                }
            }
        }
        #(
            impl #from<#paths> for #name {
                fn from(error: #paths) -> Self {
                    Self::#variants(error)
                }
            }
        )*
        impl #from<crate::error::Unhandled> for #name {
            fn from(error: crate::error::Unhandled) -> Self {
                Self::Unhandled(error)
            }
        }
    }
}
