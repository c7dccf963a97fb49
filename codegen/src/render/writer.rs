//! Writes Rust source text: indentation, blocks, doc comments, and signatures that wrap.
//!
//! Renderers write formatted text directly instead of building token trees and printing them
//! with a formatter: generation is mostly the cost of producing text, and this keeps it close to
//! the cost of copying bytes. The layout follows rustfmt's conventions (four-space indentation,
//! parameters one per line when a signature is longer than [`MAX_WIDTH`]), so the output reads like
//! hand-written code. It never depends on the installed rustfmt.

use std::fmt::{self, Write as _};

/// Lines longer than this are wrapped where the writer knows how (function signatures).
pub(crate) const MAX_WIDTH: usize = 100;

/// Rust source being written.
#[derive(Debug, Default)]
pub(crate) struct Writer {
    out: String,
    indent: usize,
}

/// Writes one formatted line: `line!(w, "pub fn {name}(&self) -> {ty} {{")`.
macro_rules! line {
    ($writer:expr, $($arg:tt)*) => {
        $writer.line(format_args!($($arg)*))
    };
}

/// Writes a formatted line ending in ` {` and indents what follows, up to the matching `close`.
macro_rules! open {
    ($writer:expr, $($arg:tt)*) => {
        $writer.open(format_args!($($arg)*))
    };
}

pub(crate) use {line, open};

impl Writer {
    /// A writer whose text starts with `header`.
    pub(crate) fn with_header(header: &str) -> Writer {
        let mut out = String::with_capacity(4096);
        out.push_str(header);
        Writer { out, indent: 0 }
    }

    /// Writes one line at the current indentation.
    pub(crate) fn line(&mut self, args: fmt::Arguments<'_>) {
        self.pad();
        // Writing to a String cannot fail.
        let _ = self.out.write_fmt(args);
        self.out.push('\n');
    }

    /// Writes `text` as it is, one line per line, at the current indentation.
    pub(crate) fn text(&mut self, text: &str) {
        for line in text.lines() {
            if line.is_empty() {
                self.out.push('\n');
            } else {
                self.pad();
                self.out.push_str(line);
                self.out.push('\n');
            }
        }
    }

    /// An empty line, unless the previous line is empty or opens a block.
    pub(crate) fn blank(&mut self) {
        if !(self.out.is_empty() || self.out.ends_with("\n\n") || self.out.ends_with("{\n")) {
            self.out.push('\n');
        }
    }

    /// Writes a line ending in ` {` and indents what follows.
    pub(crate) fn open(&mut self, args: fmt::Arguments<'_>) {
        self.pad();
        let _ = self.out.write_fmt(args);
        self.out.push_str(" {\n");
        self.indent += 1;
    }

    /// Ends the innermost block with `}`.
    pub(crate) fn close(&mut self) {
        self.close_with("");
    }

    /// Ends the innermost block with `}` followed by `suffix` (`,` or `)` …).
    pub(crate) fn close_with(&mut self, suffix: &str) {
        self.indent = self.indent.saturating_sub(1);
        self.pad();
        self.out.push('}');
        self.out.push_str(suffix);
        self.out.push('\n');
    }

    /// Writes Markdown as `///` doc comment lines.
    pub(crate) fn docs(&mut self, markdown: &str) {
        self.doc_lines("///", markdown);
    }

    /// Writes Markdown as `//!` inner doc comment lines, for module documentation.
    pub(crate) fn inner_docs(&mut self, markdown: &str) {
        self.doc_lines("//!", markdown);
    }

    fn doc_lines(&mut self, marker: &str, markdown: &str) {
        for line in markdown.lines() {
            self.pad();
            self.out.push_str(marker);
            if !line.is_empty() {
                self.out.push(' ');
                // A carriage return would end the comment early in some tools; models do contain them.
                if line.contains('\r') {
                    self.out.push_str(&line.replace('\r', ""));
                } else {
                    self.out.push_str(line);
                }
            }
            self.out.push('\n');
        }
    }

    /// Opens a function: `{head}({params}) -> {ret} {`, one parameter per line if the signature is
    /// too long for one line. `head` is everything before the parenthesis (`pub fn name`).
    pub(crate) fn open_fn(&mut self, head: &str, params: &[&str], ret: Option<&str>) {
        let params_len: usize = params.iter().map(|p| p.len() + 2).sum();
        let ret_len = ret.map_or(0, |r| r.len() + 4);
        let width = self.indent * 4 + head.len() + params_len + ret_len + 4;
        self.pad();
        self.out.push_str(head);
        self.out.push('(');
        if width <= MAX_WIDTH || params.is_empty() {
            for (i, param) in params.iter().enumerate() {
                if i > 0 {
                    self.out.push_str(", ");
                }
                self.out.push_str(param);
            }
            self.out.push(')');
        } else {
            self.out.push('\n');
            self.indent += 1;
            for param in params {
                self.pad();
                self.out.push_str(param);
                self.out.push_str(",\n");
            }
            self.indent -= 1;
            self.pad();
            self.out.push(')');
        }
        if let Some(ret) = ret {
            self.out.push_str(" -> ");
            self.out.push_str(ret);
        }
        self.out.push_str(" {\n");
        self.indent += 1;
    }

    /// The text written.
    pub(crate) fn finish(self) -> String {
        self.out
    }

    fn pad(&mut self) {
        for _ in 0..self.indent {
            self.out.push_str("    ");
        }
    }
}

/// A Rust string literal for `text`, escaped as needed.
pub(crate) struct Str<'a>(pub &'a str);

impl fmt::Display for Str<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `str`'s `Debug` output is a valid Rust string literal: quotes, backslashes and
        // control characters are escaped.
        fmt::Debug::fmt(self.0, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_indent_and_blank_lines_do_not_pile_up() {
        let mut w = Writer::with_header("// header\n");
        open!(w, "impl Foo");
        w.blank();
        line!(w, "const A: u8 = {};", 1);
        w.blank();
        w.blank();
        w.docs("Doc.\n\nMore.");
        w.close();
        assert_eq!(
            w.finish(),
            "// header\nimpl Foo {\n    const A: u8 = 1;\n\n    /// Doc.\n    ///\n    /// More.\n}\n"
        );
    }

    #[test]
    fn long_signatures_put_one_parameter_per_line() {
        let mut w = Writer::default();
        let long = "input: ::std::option::Option<::std::vec::Vec<crate::types::SomeVeryLongStructureNameHere>>";
        w.open_fn("pub fn set_something_long", &["mut self", long], Some("Self"));
        w.close();
        let text = w.finish();
        assert!(text.starts_with("pub fn set_something_long(\n    mut self,\n    input: "), "{text}");
        assert!(text.contains("\n) -> Self {\n}\n"), "{text}");

        let mut w = Writer::default();
        w.open_fn("pub fn short", &["&self"], Some("bool"));
        w.close();
        assert_eq!(w.finish(), "pub fn short(&self) -> bool {\n}\n");
    }

    #[test]
    fn string_literals_are_escaped() {
        assert_eq!(Str("a \"b\" \\ \n").to_string(), r#""a \"b\" \\ \n""#);
    }
}
