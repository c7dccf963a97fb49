//! Small builders of tokens the renderers share: identifiers, documentation, paths and types.
//!
//! Identifiers are `proc_macro2::Ident`s (raw where a keyword demands it), literals are
//! `proc_macro2::Literal`s (so escaping is never written by hand), and documentation is one
//! `#[doc = …]` attribute per line, which prettyplease prints as `///`.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

use crate::ir::{Module, Named, NamedKind, Type};

/// An identifier for `name`, raw when `name` is a keyword (`type` → `r#type`).
///
/// The naming layer never produces the keywords that cannot be raw (`self`, `Self`, `crate`,
/// `super`).
pub(crate) fn ident(name: &str) -> Ident {
    if crate::naming::is_keyword(name) {
        Ident::new_raw(name, Span::call_site())
    } else {
        Ident::new(name, Span::call_site())
    }
}

/// A string literal.
pub(crate) fn lit(text: &str) -> Literal {
    Literal::string(text)
}

/// Outer documentation: one `#[doc]` attribute per line of `markdown`.
pub(crate) fn docs(markdown: &str) -> TokenStream {
    let mut tokens = TokenStream::new();
    for line in markdown.lines() {
        let text = doc_line(line);
        tokens.extend(quote!(#[doc = #text]));
    }
    tokens
}

/// Outer documentation the generator writes itself, wrapped to stay within the line width.
pub(crate) fn prose(markdown: &str) -> TokenStream {
    docs(&crate::docs::wrap_prose(markdown))
}

/// Inner documentation (`//!`), for the top of a module file.
pub(crate) fn inner_docs(markdown: &str) -> TokenStream {
    let mut tokens = TokenStream::new();
    for line in markdown.lines() {
        let text = doc_line(line);
        tokens.extend(quote!(#![doc = #text]));
    }
    tokens
}

/// The attribute value of one documentation line: `/// text` is `#[doc = " text"]`.
///
/// Text from the model reaches documentation outside `docs::to_markdown` too (enum values in
/// backticks, names), so each line is cleaned here as well: a bidirectional control or a
/// carriage return, which rustc refuses in a comment, never reaches the file.
///
/// The literal is a raw string (`r" text"`): documentation is most of the text of a generated
/// file, and a raw string is written and read back by copying, where an escaped one is escaped
/// character by character here and unescaped again when prettyplease prints it as `///`.
fn doc_line(line: &str) -> Literal {
    let line = crate::docs::clean_line(line);
    if line.is_empty() {
        return Literal::string("");
    }
    // Enough `#`s that no `"` inside the text closes the literal.
    let hashes = line.match_indices('"').map(|(at, _)| line[at + 1..].bytes().take_while(|&b| b == b'#').count() + 1);
    let hashes = "#".repeat(hashes.max().unwrap_or(0));
    let mut repr = String::with_capacity(line.len() + 2 * hashes.len() + 4);
    for part in ["r", &hashes, "\" ", &line, "\"", &hashes] {
        repr.push_str(part);
    }
    // A cleaned line has no control characters, which a raw string could not hold; should the
    // text still not lex (a raw string takes at most 255 `#`s), it is escaped instead.
    repr.parse().unwrap_or_else(|_| Literal::string(&format!(" {line}")))
}

/// Names of Rust's prelude that generated code writes unqualified when it can.
const PRELUDE: &[&str] = &[
    "AsMut",
    "AsRef",
    "Box",
    "Clone",
    "Copy",
    "Default",
    "Drop",
    "Eq",
    "Err",
    "Extend",
    "Fn",
    "FnMut",
    "FnOnce",
    "From",
    "FromIterator",
    "Into",
    "IntoIterator",
    "Iterator",
    "None",
    "Ok",
    "Option",
    "Ord",
    "PartialEq",
    "PartialOrd",
    "Result",
    "Send",
    "Sized",
    "Some",
    "String",
    "Sync",
    "ToOwned",
    "ToString",
    "TryFrom",
    "TryInto",
    "Unpin",
    "Vec",
];

/// How a file writes the std types it uses: unqualified (`Option<String>`), unless the file
/// defines an item whose name shadows one of them (a model shape named `Option` or `String`),
/// in which case every such path is written in full (`::std::option::Option`).
#[derive(Clone, Debug)]
pub(crate) struct Std {
    /// `Option`.
    pub option: TokenStream,
    /// `Some`.
    pub some: TokenStream,
    /// `None`.
    pub none: TokenStream,
    /// `Result`.
    pub result: TokenStream,
    /// `Ok`.
    pub ok: TokenStream,
    /// `Err`.
    pub err: TokenStream,
    /// `String`.
    pub string: TokenStream,
    /// `Vec`.
    pub vec: TokenStream,
    /// `Box`.
    pub boxed: TokenStream,
    /// `Default`.
    pub default: TokenStream,
    /// `Into`.
    pub into: TokenStream,
    /// `From`.
    pub from: TokenStream,
    /// `Clone`.
    pub clone: TokenStream,
}

impl Std {
    /// The paths for a file that defines items named `names`.
    pub fn for_names<'a>(names: impl IntoIterator<Item = &'a str>) -> Std {
        let shadowed = names.into_iter().any(|name| PRELUDE.contains(&name));
        if shadowed { Std::full() } else { Std::short() }
    }

    /// Unqualified prelude names.
    pub fn short() -> Std {
        Std {
            option: quote!(Option),
            some: quote!(Some),
            none: quote!(None),
            result: quote!(Result),
            ok: quote!(Ok),
            err: quote!(Err),
            string: quote!(String),
            vec: quote!(Vec),
            boxed: quote!(Box),
            default: quote!(Default),
            into: quote!(Into),
            from: quote!(From),
            clone: quote!(Clone),
        }
    }

    /// Fully qualified paths.
    pub fn full() -> Std {
        Std {
            option: quote!(::std::option::Option),
            some: quote!(::std::option::Option::Some),
            none: quote!(::std::option::Option::None),
            result: quote!(::std::result::Result),
            ok: quote!(::std::result::Result::Ok),
            err: quote!(::std::result::Result::Err),
            string: quote!(::std::string::String),
            vec: quote!(::std::vec::Vec),
            boxed: quote!(::std::boxed::Box),
            default: quote!(::std::default::Default),
            into: quote!(::std::convert::Into),
            from: quote!(::std::convert::From),
            clone: quote!(::std::clone::Clone),
        }
    }

    /// The Rust type of `ty`.
    pub fn ty(&self, ty: &Type) -> TokenStream {
        match ty {
            Type::String => self.string.clone(),
            Type::Bool => quote!(bool),
            Type::I8 => quote!(i8),
            Type::I16 => quote!(i16),
            Type::I32 => quote!(i32),
            Type::I64 => quote!(i64),
            Type::F32 => quote!(f32),
            Type::F64 => quote!(f64),
            Type::Blob => quote!(crate::primitives::Blob),
            Type::ByteStream => quote!(crate::primitives::ByteStream),
            Type::DateTime(_) => quote!(crate::primitives::DateTime),
            Type::Document => quote!(crate::primitives::Document),
            Type::BigInteger => quote!(crate::primitives::BigInteger),
            Type::BigDecimal => quote!(crate::primitives::BigDecimal),
            Type::List(list) => {
                let (vec, item) = (&self.vec, self.ty(&list.item));
                quote!(#vec<#item>)
            }
            Type::Map(map) => {
                let (key, value) = (self.ty(&map.key), self.ty(&map.value));
                quote!(::std::collections::HashMap<#key, #value>)
            }
            Type::Sparse(item) => {
                let (option, item) = (&self.option, self.ty(item));
                quote!(#option<#item>)
            }
            Type::EventStream(named) => {
                let path = path(named);
                quote!(crate::primitives::EventStream<#path>)
            }
            Type::Named(named) => path(named),
        }
    }

    /// The type of a member's stored value: boxed when recursion needs it, not yet optional.
    pub fn stored(&self, ty: &Type, boxed: bool) -> TokenStream {
        let ty = self.ty(ty);
        if boxed {
            let boxed = &self.boxed;
            quote!(#boxed<#ty>)
        } else {
            ty
        }
    }

    /// The type of a struct field: the stored type, in an `Option` when the member is optional.
    pub fn field(&self, ty: &Type, boxed: bool, optional: bool) -> TokenStream {
        let stored = self.stored(ty, boxed);
        if optional {
            let option = &self.option;
            quote!(#option<#stored>)
        } else {
            stored
        }
    }
}

/// The public path of a public module: `crate::types`, `crate::operation::update_backend_auth` ….
pub(crate) fn module_path(module: &Module) -> TokenStream {
    match module {
        Module::Types => quote!(crate::types),
        Module::TypesError => quote!(crate::types::error),
        Module::Operation(name) => {
            let name = ident(name);
            quote!(crate::operation::#name)
        }
    }
}

/// The public path of a generated type.
pub(crate) fn path(named: &Named) -> TokenStream {
    let module = module_path(&named.module);
    let name = ident(&named.name);
    quote!(#module::#name)
}

/// A documentation link to a generated type in scope: ``[`Name`]``, or
/// ``[`Default`](struct@Default)`` when the type is named like a derive macro of the prelude,
/// which rustdoc would find as well and refuse the link as ambiguous. (A disambiguator where
/// none is needed is refused too, as redundant.)
pub(crate) fn doc_link(named: &Named) -> String {
    const DERIVES: &[&str] = &["Clone", "Copy", "Debug", "Default", "Eq", "Hash", "Ord", "PartialEq", "PartialOrd"];
    let name = &named.name;
    if !DERIVES.contains(&name.as_str()) {
        return format!("[`{name}`]");
    }
    let kind = match named.kind {
        NamedKind::Structure { .. } => "struct",
        NamedKind::Union | NamedKind::StringEnum | NamedKind::IntEnum => "enum",
    };
    format!("[`{name}`]({kind}@{name})")
}

/// The public path of a structure's builder.
pub(crate) fn builder_path(named: &Named) -> TokenStream {
    let module = module_path(&named.module);
    let name = ident(&named.builder_name());
    quote!(#module::builders::#name)
}

/// `#[deprecated]`, with the model's note when it has one.
pub(crate) fn deprecated(deprecation: Option<&crate::ir::Deprecation>) -> TokenStream {
    match deprecation {
        Some(crate::ir::Deprecation { note: Some(note) }) => quote!(#[deprecated(note = #note)]),
        Some(_) => quote!(#[deprecated]),
        None => TokenStream::new(),
    }
}

/// `#[allow(deprecated)]` when `any` is true: for code that reads deprecated members.
pub(crate) fn allow_deprecated(any: bool) -> TokenStream {
    if any { quote!(#[allow(deprecated)]) } else { TokenStream::new() }
}

/// What `Debug` and `Display` print instead of a sensitive value.
pub(crate) const REDACTED: &str = "*** Sensitive Data Redacted ***";

#[cfg(test)]
mod tests {
    use super::doc_line;

    #[test]
    fn documentation_lines_are_raw_literals_with_as_few_hashes_as_their_quotes_need() {
        assert_eq!(doc_line("plain").to_string(), r#"r" plain""#);
        assert_eq!(doc_line(r#"a "word""#).to_string(), r##"r#" a "word""#"##);
        assert_eq!(doc_line(r###"a "# and "## run"###).to_string(), r####"r###" a "# and "## run"###"####);
        assert_eq!(doc_line("").to_string(), r#""""#);
        // Past what a raw string takes, the line is escaped.
        let long = format!("\"{}", "#".repeat(300));
        assert_eq!(doc_line(&long).to_string(), format!("\" \\\"{}\"", "#".repeat(300)));
    }
}
