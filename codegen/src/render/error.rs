//! Renders what errors add to their structures (`crate::types::error`) and each operation's error
//! enum.

use proc_macro2::TokenStream;
use quote::quote;

use super::tokens::{REDACTED, docs, path, prose};
use super::{Std, ident};
use crate::ir::{ErrorInfo, Item, ModeledRetry, Operation, Structure};

/// What an error structure has besides its struct and builder: its code and status, `Display`,
/// `Error`, and the `ErrorDetails` its operations' error enums read.
pub(crate) fn exception(item: &Item, structure: &Structure, info: &ErrorInfo, request_id: bool) -> TokenStream {
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
    let read_message = match message {
        Some(member) if member.sensitive => quote!(::std::option::Option::None),
        Some(member) if member.optional => {
            let field = ident(&member.field);
            quote!(self.#field.as_deref())
        }
        Some(member) => {
            let field = ident(&member.field);
            quote!(::std::option::Option::Some(&self.#field))
        }
        None => quote!(::std::option::Option::None),
    };
    let retry_kind = match info.retry {
        Some(ModeledRetry::Throttling) => quote!(::std::option::Option::Some(crate::error::RetryKind::Throttling)),
        Some(ModeledRetry::Retryable) => quote!(::std::option::Option::Some(crate::error::RetryKind::Retryable)),
        None => quote! {
            crate::error::RetryKind::classify(::std::option::Option::Some(Self::CODE), ::std::option::Option::Some(Self::HTTP_STATUS))
        },
    };
    let request_id = request_id.then(|| {
        quote! {
            fn request_id(&self) -> ::std::option::Option<&str> {
                crate::error::RequestId::request_id(self)
            }
        }
    });
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
        #allow
        impl crate::error::ErrorDetails for #name {
            fn code(&self) -> ::std::option::Option<&str> {
                ::std::option::Option::Some(Self::CODE)
            }
            fn message(&self) -> ::std::option::Option<&str> {
                #read_message
            }
            fn http_status(&self) -> ::std::option::Option<u16> {
                ::std::option::Option::Some(Self::HTTP_STATUS)
            }
            fn is_retryable(&self) -> bool {
                Self::RETRYABLE
            }
            fn retry_kind(&self) -> ::std::option::Option<crate::error::RetryKind> {
                #retry_kind
            }
            #request_id
        }
    }
}

/// The error enum of an operation: a variant per error structure plus `Unhandled`.
pub(crate) fn operation_error(std: &Std, op: &Operation, request_ids: bool) -> TokenStream {
    let name = ident(&op.error);
    let Std { option, from, .. } = std;
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
    // Errors carry the request id only where a protocol reads them from responses.
    let request_id = request_ids.then(|| {
        quote! {
            impl crate::error::RequestId for #name {
                fn request_id(&self) -> #option<&str> {
                    self.details().request_id()
                }
            }
        }
    });
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
            /// What the error says about itself, whichever it is.
            fn details(&self) -> &dyn crate::error::ErrorDetails {
                match self {
                    #(Self::#variants(error) => error,)*
                    Self::Unhandled(error) => error,
                }
            }
            /// The code that identifies the error on the wire, when known.
            pub fn code(&self) -> #option<&str> {
                self.details().code()
            }
            /// The human-readable message that came with the error, if any (never a sensitive one).
            pub fn message(&self) -> #option<&str> {
                self.details().message()
            }
            /// The HTTP status code of the error: the model's for modeled errors, the received one
            /// for unhandled errors.
            pub fn http_status(&self) -> #option<u16> {
                self.details().http_status()
            }
            /// Whether the model marks the error as safe to retry.
            pub fn is_retryable(&self) -> bool {
                self.details().is_retryable()
            }
            /// Why the error may be worth retrying: what the model's `@retryable` says, else what
            /// its code and HTTP status say (see [`RetryKind`](crate::error::RetryKind)).
            pub fn retry_kind(&self) -> #option<crate::error::RetryKind> {
                self.details().retry_kind()
            }
        }
        #request_id
        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Display::fmt(self.details(), f)
            }
        }
        /// `Display` already shows the inner error, so `source` skips it rather than have error
        /// reporters print the same message twice.
        impl ::std::error::Error for #name {
            fn source(&self) -> #option<&(dyn ::std::error::Error + 'static)> {
                self.details().source()
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
