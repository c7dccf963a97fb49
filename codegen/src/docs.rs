//! Converts Smithy `@documentation` text, HTML or CommonMark, into Markdown that rustdoc renders cleanly.

use std::borrow::Cow;

#[cfg(test)]
mod aws_models;
mod commonmark;
mod convert;
mod html;
mod markdown;
#[cfg(test)]
mod rustdoc_check;
#[cfg(test)]
mod tests;

/// Converts `@documentation` text to Markdown that rustdoc renders without warnings.
///
/// AWS models write documentation in HTML, Smithy's own models in CommonMark; which one `doc` is
/// is decided by looking for HTML tags. The result is lines joined by `\n`, without trailing
/// whitespace, with single blank lines between paragraphs and none at either end; paragraphs are
/// wrapped at 100 columns where that is safe. Code blocks are always fenced with a non-Rust
/// language, so documentation never becomes a doctest.
pub(crate) fn to_markdown(doc: &str) -> String {
    let doc = normalize_control_characters(doc);
    let lines = if html::looks_like_html(&doc) {
        markdown::render(&convert::blocks_from_html(&html::parse(&doc)))
    } else {
        commonmark::sanitize(&doc)
    };
    join_lines(&lines)
}

/// `doc` with `\r\n` and `\r` as `\n`, and without the other control characters except tabs.
fn normalize_control_characters(doc: &str) -> Cow<'_, str> {
    if !doc.contains(|c: char| c.is_control() && c != '\n' && c != '\t') {
        return Cow::Borrowed(doc);
    }
    let doc = doc.replace("\r\n", "\n");
    doc.chars()
        .filter_map(|c| match c {
            '\r' => Some('\n'),
            '\n' | '\t' => Some(c),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect::<String>()
        .into()
}

/// Joins lines, trimming their ends and collapsing blank lines, so the output keeps its promises
/// whatever the writers produced.
fn join_lines(lines: &[String]) -> String {
    let mut out = String::new();
    let mut blank = false;
    for line in lines.iter().flat_map(|line| line.split('\n')) {
        let line = line.trim_end();
        let line = expand_tabs(line);
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        blank = false;
        out.push_str(&line);
    }
    out
}

/// `line` with each tab replaced by the spaces up to the next multiple of four columns, as
/// rustdoc and clippy's `tabs_in_doc_comments` expect.
fn expand_tabs(line: &str) -> Cow<'_, str> {
    if !line.contains('\t') {
        return Cow::Borrowed(line);
    }
    let mut expanded = String::with_capacity(line.len() + 8);
    let mut column = 0;
    for c in line.chars() {
        if c == '\t' {
            let spaces = 4 - column % 4;
            expanded.extend(std::iter::repeat_n(' ', spaces));
            column += spaces;
        } else {
            expanded.push(c);
            column += 1;
        }
    }
    expanded.into()
}
