//! Reads converted documentation as rustdoc does, with pulldown-cmark, to list what rustdoc would
//! warn about or misread (test support).

use std::ops::Range;

use pulldown_cmark::{BrokenLink, CodeBlockKind, Event, LinkType, Options, Parser, Tag, TagEnd};

/// The Markdown extensions rustdoc enables for documentation bodies (`main_body_opts` in
/// rustdoc's `html/markdown.rs`).
pub(super) fn rustdoc_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
}

/// What rustdoc would warn about in `markdown` or read other than the converters mean it:
/// doctests (indented code, fenced code without a non-Rust language), link references and
/// intra-doc link candidates, links that are not absolute web or mail URLs, raw HTML, headings,
/// tables, footnotes, task lists, strikethrough, unclosed code spans and bare URLs.
pub(super) fn problems(markdown: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let mut broken = Vec::new();
    let mut callback = |link: BrokenLink<'_>| {
        broken.push(format!("link reference rustdoc would try to resolve: {:?}", link.reference.as_ref()));
        None
    };
    let parser = Parser::new_with_broken_link_callback(markdown, rustdoc_options(), Some(&mut callback));
    let events: Vec<(Event<'_>, Range<usize>)> = parser.into_offset_iter().collect();
    let mut in_code_block = false;
    let mut in_link = 0usize;
    for (event, range) in &events {
        let source = &markdown[range.clone()];
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)) => {
                problems.push(format!("indented code block, a doctest: {source:?}"));
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                if super::commonmark::code_language(info) != info.as_ref() {
                    problems.push(format!("code block rustdoc may compile: info string {info:?}"));
                }
                in_code_block = true;
            }
            Event::End(TagEnd::CodeBlock) => in_code_block = false,
            Event::Start(Tag::Link { link_type, dest_url, .. } | Tag::Image { link_type, dest_url, .. }) => {
                in_link += 1;
                let web =
                    ["http://", "https://"].iter().any(|scheme| dest_url.to_ascii_lowercase().starts_with(scheme));
                let allowed = match link_type {
                    LinkType::Inline | LinkType::Autolink => web,
                    LinkType::Email => true,
                    _ => false,
                };
                if !allowed {
                    problems.push(format!("{link_type:?} link to {dest_url:?}: {source:?}"));
                }
            }
            Event::End(TagEnd::Link | TagEnd::Image) => in_link -= 1,
            Event::Html(html) | Event::InlineHtml(html) => problems.push(format!("raw HTML {html:?}")),
            Event::Start(Tag::HtmlBlock) => problems.push(format!("HTML block: {source:?}")),
            Event::Start(Tag::Heading { .. }) => problems.push(format!("heading: {source:?}")),
            Event::Start(Tag::Table(_)) => problems.push(format!("table: {source:?}")),
            Event::Start(Tag::Strikethrough) => problems.push(format!("strikethrough: {source:?}")),
            Event::Start(Tag::FootnoteDefinition(_)) | Event::FootnoteReference(_) => {
                problems.push(format!("footnote: {source:?}"));
            }
            Event::TaskListMarker(_) => problems.push(format!("task list marker: {source:?}")),
            Event::Text(text) if !in_code_block => {
                if let Some(offset) = unescaped_backtick(markdown, range) {
                    problems.push(format!("backtick that opens no code span at byte {offset}: {source:?}"));
                }
                if in_link == 0 && has_bare_url(text) {
                    problems.push(format!("bare URL (rustdoc::bare_urls): {text:?}"));
                }
            }
            _ => {}
        }
    }
    problems.extend(broken);
    problems
}

/// The byte offset of a backtick in `markdown[range]` that no backslash escapes: text showing a
/// backtick that was meant to open or close a code span.
fn unescaped_backtick(markdown: &str, range: &Range<usize>) -> Option<usize> {
    let bytes = markdown.as_bytes();
    (range.start..range.end)
        .find(|&i| bytes[i] == b'`' && bytes[..i].iter().rev().take_while(|&&b| b == b'\\').count() % 2 == 0)
}

/// Whether `text` holds what rustdoc's `bare_urls` lint looks for: `http://` or `https://`, then
/// one or more labels of at least two characters each ending in a dot, then a top-level domain of
/// two or more letters ending a word.
pub(super) fn has_bare_url(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    ["http://", "https://"].iter().any(|scheme| {
        lower.match_indices(scheme).any(|(at, _)| {
            let rest = &text.as_bytes()[at + scheme.len()..];
            let domain_byte = |b: &u8| b.is_ascii_alphanumeric() || b"-@:%._+~#=".contains(b);
            let len = rest.iter().take_while(|b| domain_byte(b)).count();
            (2..len).filter(|&dot| rest[dot] == b'.').any(|dot| {
                let letters = rest[dot + 1..].iter().take_while(|b| b.is_ascii_alphabetic()).count();
                letters >= 2 && !rest.get(dot + 1 + letters).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
            })
        })
    })
}
