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
///
/// The result holds no character that would break a `///` comment or that rustc refuses in one:
/// `\r\n`, `\r`, U+2028 (line separator) and U+2029 (paragraph separator) in `doc` are line and
/// paragraph breaks; tabs become spaces; other control characters (NUL included) are dropped;
/// bidirectional-text controls (see [`is_bidi_control`]) are shown as the text `\u{202E}` in
/// prose, code spans and code blocks alike, so that a reader sees they were there; this holds for
/// those that character references (`&#x202E;`) produce as well.
pub(crate) fn to_markdown(doc: &str) -> String {
    let doc = normalize_line_breaks(doc);
    let lines = if html::looks_like_html(&doc) {
        markdown::render(&convert::blocks_from_html(&html::parse(&doc)))
    } else {
        commonmark::sanitize(&doc)
    };
    join_lines(&lines)
}

/// `text` as a Markdown code span: between runs of backticks longer than any it holds, with a
/// space inside each end when it starts or ends with a backtick, so that a value from the model
/// (an enum value) can never end the span early and be read as Markdown.
pub(crate) fn code_span(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') { " " } else { "" };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// Whether `c` is a bidirectional-text control character: the embeddings, overrides and
/// isolates U+202A–U+202E and U+2066–U+2069, which rustc denies in comments and string literals
/// (lints `text_direction_codepoint_in_comment` and `text_direction_codepoint_in_literal`)
/// because they can make code read differently from how it compiles.
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `text` holds a character that [`normalize_line_breaks`] or [`clean_line`] change: a
/// control character other than `\n` (and tabs, with `keep_tabs`), U+2028, U+2029 or a
/// bidirectional control. Decided on the UTF-8 bytes, which is cheaper than decoding characters;
/// most documentation has none, and most of its bytes are printable ASCII, which is looked past
/// 32 bytes at a time.
fn needs_cleaning(text: &str, keep_tabs: bool) -> bool {
    let bytes = text.as_bytes();
    let changes = |index: usize| match bytes[index] {
        b'\n' => false,
        b'\t' => !keep_tabs,
        0..0x20 | 0x7f => true,
        // U+0080–U+009F, the C1 controls.
        0xc2 => matches!(bytes.get(index + 1), Some(0x80..=0x9f)),
        // U+2028–U+202E and U+2066–U+2069.
        0xe2 => matches!(
            (bytes.get(index + 1), bytes.get(index + 2)),
            (Some(0x80), Some(0xa8..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
        ),
        _ => false,
    };
    (0..bytes.len()).step_by(32).any(|start| {
        let chunk = &bytes[start..bytes.len().min(start + 32)];
        // Without a short cut, so that it compiles to vector instructions.
        let unusual = chunk.iter().fold(false, |any, &byte| any | !(0x20..0x7f).contains(&byte));
        unusual && (start..start + chunk.len()).any(changes)
    })
}

/// `doc` with `\r\n`, `\r` and U+2028 as `\n`, U+2029 as a blank line, vertical tabs and form
/// feeds as spaces, bidirectional controls written out as `\u{…}` (here rather than only at the
/// end, so that paragraphs are wrapped by the width they will have), and without the other
/// control characters except tabs.
fn normalize_line_breaks(doc: &str) -> Cow<'_, str> {
    if !needs_cleaning(doc, true) {
        return Cow::Borrowed(doc);
    }
    let mut out = String::with_capacity(doc.len());
    let mut chars = doc.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push('\n');
            }
            '\u{2028}' | '\u{85}' => out.push('\n'),
            '\u{2029}' => out.push_str("\n\n"),
            '\u{b}' | '\u{c}' => out.push(' '),
            c if is_bidi_control(c) => push_escaped(&mut out, c),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.into()
}

/// Joins lines, trimming their ends and collapsing blank lines, so the output keeps its promises
/// whatever the writers produced.
fn join_lines(lines: &[String]) -> String {
    let mut out = String::new();
    let mut blank = false;
    for line in lines.iter().flat_map(|line| line.split('\n')) {
        let line = clean_line(line.trim_end());
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

/// `line` as it may appear in a doc comment: each tab replaced by the spaces up to the next
/// multiple of four columns (as rustdoc and clippy's `tabs_in_doc_comments` expect), each
/// bidirectional control shown as `\u{…}`, and other control characters and line separators,
/// which only character references can still bring this far, as spaces or nothing.
pub(crate) fn clean_line(line: &str) -> Cow<'_, str> {
    if !needs_cleaning(line, false) {
        return Cow::Borrowed(line);
    }
    let mut cleaned = String::with_capacity(line.len() + 8);
    let mut column = 0;
    for c in line.chars() {
        match c {
            '\t' => {
                let spaces = 4 - column % 4;
                cleaned.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
            }
            c if is_bidi_control(c) => {
                let before = cleaned.len();
                push_escaped(&mut cleaned, c);
                column += cleaned.len() - before;
            }
            '\u{2028}' | '\u{2029}' => {
                cleaned.push(' ');
                column += 1;
            }
            c if c.is_control() => {}
            c => {
                cleaned.push(c);
                column += 1;
            }
        }
    }
    let trimmed = cleaned.trim_end().len();
    cleaned.truncate(trimmed);
    cleaned.into()
}

/// Appends `c` written out as the text `\u{202E}`.
fn push_escaped(out: &mut String, c: char) {
    use std::fmt::Write;
    // Writing to a `String` cannot fail.
    let _ = write!(out, "\\u{{{:04X}}}", u32::from(c));
}

/// Wraps Markdown the generator writes itself (sentences, code spans, links, `- ` list items, one
/// paragraph or item per line) at the width model documentation is wrapped at, breaking only at
/// spaces outside code spans and links, where the next word cannot start a block.
pub(crate) fn wrap_prose(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() + markdown.len() / 32);
    for (i, line) in markdown.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if line.chars().count() <= markdown::WIDTH {
            out.push_str(line);
            continue;
        }
        let indent = if line.starts_with("- ") { "  " } else { "" };
        let mut breaks = Vec::new();
        let (mut in_code, mut brackets, mut parens) = (false, 0i32, 0i32);
        for (at, c) in line.char_indices() {
            match c {
                '`' => in_code = !in_code,
                '[' if !in_code => brackets += 1,
                ']' if !in_code => brackets -= 1,
                '(' if !in_code && line[..at].ends_with(']') => parens += 1,
                ')' if !in_code && parens > 0 => parens -= 1,
                // The space of a list marker is not a break: an empty item would end the list.
                ' ' if !in_code && brackets == 0 && parens == 0 && at >= indent.len() => breaks.push(at),
                _ => {}
            }
        }
        let wrapped = markdown::wrap(line, &breaks, markdown::WIDTH - indent.len());
        for (j, part) in wrapped.iter().enumerate() {
            if j > 0 {
                out.push('\n');
                out.push_str(indent);
            }
            out.push_str(part);
        }
    }
    out
}
