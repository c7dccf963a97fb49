//! Renders one operation's module: its input and output structures, their builders, its errors.

use proc_macro2::TokenStream;
use quote::quote;

use super::tokens::{doc_link, inner_docs};
use super::{Context, Std, error, ident, protocol, structure};
use crate::ir::{Item, ItemKind, Operation};

/// `crate::operation::<name>`: the module documentation, the re-exports, the error enum and the
/// response reader.
pub(crate) fn module(cx: &Context<'_>, op: &Operation) -> TokenStream {
    let std = Std::for_names([op.error.as_str()]);
    let sentence = format!(
        "{} is what a call sends, {} what it returns, and [`{}`] the errors it can fail with.",
        doc_link(&op.input.named),
        doc_link(&op.output.named),
        op.error,
    );
    let about = inner_docs(&format!("{}\n\n{}", op.docs, crate::docs::wrap_prose(&sentence)));
    let (input_file, input) = (ident(&op.input.named.file), ident(&op.input.named.name));
    let (output_file, output) = (ident(&op.output.named.file), ident(&op.output.named.name));
    let error = error::operation_error(&std, op, protocol::applies(cx));
    let response = protocol::response(cx, &std, op);
    quote! {
        #about
        pub mod builders;
        mod #input_file;
        mod #output_file;
        pub use self::#input_file::#input;
        pub use self::#output_file::#output;
        #error
        #response
    }
}

/// `crate::operation::<name>::builders`: the re-exports of the input's and output's builders.
pub(crate) fn builders(op: &Operation) -> TokenStream {
    let about = format!(" Builders for the input and output of the `{}` operation.", op.shape_name);
    let (input_file, input) = (ident(&op.input.named.file), ident(&op.input.named.builder_name()));
    let (output_file, output) = (ident(&op.output.named.file), ident(&op.output.named.builder_name()));
    quote! {
        #![doc = #about]
        pub use super::#input_file::#input;
        pub use super::#output_file::#output;
    }
}

/// The input structure's file, with its request builder.
pub(crate) fn input(cx: &Context<'_>, op: &Operation) -> TokenStream {
    let mut tokens = operation_structure(cx, &op.input);
    tokens.extend(protocol::item_codecs(cx, &op.input));
    tokens.extend(protocol::request(cx, op));
    tokens
}

/// The output structure's file, with its response reader.
pub(crate) fn output(cx: &Context<'_>, op: &Operation) -> TokenStream {
    let mut tokens = operation_structure(cx, &op.output);
    tokens.extend(protocol::item_codecs(cx, &op.output));
    if let ItemKind::Structure(structure) = &op.output.kind {
        tokens.extend(protocol::read_output(cx, op, structure));
    }
    tokens
}

fn operation_structure(cx: &Context<'_>, item: &Item) -> TokenStream {
    match &item.kind {
        ItemKind::Structure(s) => structure::structure(cx, item, s),
        _ => unreachable!("`{}` is an operation's input or output, always a structure", item.named.name),
    }
}
