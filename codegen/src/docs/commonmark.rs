//! Makes CommonMark documentation safe for rustdoc while keeping the author's formatting.

use std::collections::HashMap;

use super::markdown::{MIN_WIDTH, WIDTH, bare_url_len, escape_line_start, longest_run, safe_line_start, web_url, wrap};

/// Link destinations and titles longer than this are not looked for, which keeps text full of
/// `](` linear to scan.
const MAX_DESTINATION: usize = 1024;

/// Rewrites CommonMark so that rustdoc shows it as the author meant, minus what rustdoc would
/// misread: code blocks are never Rust, links go only to absolute URLs, stray brackets, `<` and
/// backticks are escaped, bare URLs become autolinks and headings become bold paragraphs.
///
/// Lines are indented by the structure read here (list items at their parent's content column),
/// never by the author's spaces, so rustdoc cannot read the result differently, for example as
/// an indented code block.
pub(super) fn sanitize(doc: &str) -> Vec<String> {
    let lines = source_lines(doc);
    let mut out = Vec::new();
    let mut paragraph = Paragraph::default();
    // Open list items, innermost last.
    let mut items: Vec<ListItem> = Vec::new();
    // Whether the innermost list item has had no content yet; a blank line then ends it.
    let mut empty_item = false;
    let mut after_blank = true;
    let mut index = 0;
    while index < lines.len() {
        let line = lines[index].as_str();
        index += 1;
        let indent = leading_spaces(line);
        if indent == line.len() {
            paragraph.flush(&mut out);
            out.push(String::new());
            after_blank = true;
            if std::mem::take(&mut empty_item) {
                items.pop();
            }
            continue;
        }
        // An empty item's content starts on the next line: no blank line may come between.
        let follows_empty_item = std::mem::take(&mut empty_item);
        let content = &line[indent..];
        let source_base = items.last().map_or(0, |item| item.source_column);
        if !paragraph.is_empty() && (source_base..source_base + 4).contains(&indent) && is_setext_underline(content) {
            paragraph.flush_as_heading(&mut out);
            after_blank = false;
            continue;
        }
        // Within the innermost list item a line may continue its paragraph; outside it, the
        // paragraph is over and the line is read as a block of its own.
        let in_paragraph = !paragraph.is_empty() && indent >= source_base;
        let interrupts = indent < source_base + 4 && starts_block(content, in_paragraph);
        // A line ends the list items it is not indented into, unless it continues a paragraph.
        if after_blank || paragraph.is_empty() || interrupts {
            while items.last().is_some_and(|item| item.source_column > indent) {
                items.pop();
            }
        }
        after_blank = false;
        let source_base = items.last().map_or(0, |item| item.source_column);
        let prefix = " ".repeat(items.last().map_or(0, |item| item.output_column));
        if indent >= source_base + 4 {
            if paragraph.is_empty() {
                separate(&mut out, follows_empty_item);
                index = write_indented_code(&lines, index - 1, source_base + 4, &prefix, &mut out);
            } else {
                // Too indented to be anything but paragraph text, so it joins the line before.
                paragraph.add(prefix, content, true);
            }
            continue;
        }
        if let Some((fence, language)) = Fence::open(content) {
            paragraph.flush(&mut out);
            let block = FencedBlock { fence, language, column: indent, container: source_base };
            separate(&mut out, follows_empty_item);
            index = write_fenced_code(&lines, index, &block, &prefix, &prefix, &mut out);
            continue;
        }
        if let Some(text) = atx_heading(content) {
            paragraph.flush(&mut out);
            separate(&mut out, follows_empty_item);
            out.extend([format!("{prefix}{}", heading(text)), String::new()]);
            continue;
        }
        if is_thematic_break(content) {
            paragraph.flush(&mut out);
            separate(&mut out, follows_empty_item);
            out.extend([format!("{prefix}{content}"), String::new()]);
            continue;
        }
        if let Some((marker, width)) = list_marker(content).filter(|_| paragraph.is_empty() || interrupts) {
            paragraph.flush(&mut out);
            let item_prefix = format!("{prefix}{marker} ");
            items.push(ListItem { source_column: indent + width, output_column: item_prefix.len() });
            // Apart from a code fence, the rest of the line is read as text: another block
            // starting there (a nested list, a quote, `-     code`) is escaped.
            let text = content[marker.len()..].trim_start();
            if let Some((fence, language)) = Fence::open(text) {
                let column = indent + content.len() - text.len();
                let block = FencedBlock { fence, language, column, container: indent + width };
                separate(&mut out, false);
                index =
                    write_fenced_code(&lines, index, &block, &item_prefix, &" ".repeat(item_prefix.len()), &mut out);
            } else if text.is_empty() {
                // The item's content, if any, starts on the next line.
                empty_item = true;
                out.push(item_prefix.trim_end().to_string());
            } else {
                paragraph.add(item_prefix, &escape_block_start(text), false);
            }
            continue;
        }
        if content.starts_with('>') {
            // Each quoted line is sanitized on its own, as text; quotes are rare enough for that.
            paragraph.flush(&mut out);
            let text = content.trim_start_matches(['>', ' ', '\t']);
            let depth = content[..content.len() - text.len()].matches('>').count();
            // After another quoted line, `=` or `-` alone would underline it as a heading.
            let text = if is_setext_underline(text) { escape_line_start(text) } else { escape_block_start(text) };
            paragraph.add(format!("{prefix}{} ", ">".repeat(depth)), &text, false);
            paragraph.flush(&mut out);
            continue;
        }
        if paragraph.is_empty() {
            paragraph.add(prefix, content, false);
        } else if is_setext_underline(content) {
            // A lazy line of `=` or `-` is paragraph text, but would underline a heading if it
            // were indented into the list item.
            paragraph.add(prefix, content, true);
        } else {
            if content.starts_with('<') {
                // It may start an HTML block, which ends the paragraph; sanitizing the lines
                // apart keeps code spans from reaching across.
                paragraph.flush(&mut out);
            }
            paragraph.add(prefix, content, false);
        }
    }
    paragraph.flush(&mut out);
    out
}

/// Ends the block before with a blank line, except after an empty list item, where it would end
/// the item too.
fn separate(out: &mut Vec<String>, follows_empty_item: bool) {
    if !follows_empty_item {
        out.push(String::new());
    }
}

/// An open list item: where its content starts in the source and in the output.
struct ListItem {
    source_column: usize,
    output_column: usize,
}

/// Whether `content` starts a block other than a paragraph; `in_paragraph` if it would have to
/// interrupt one, which CommonMark lets only non-empty bullet items and non-empty items numbered 1
/// do among list items.
fn starts_block(content: &str, in_paragraph: bool) -> bool {
    let list_item = list_marker(content).is_some_and(|(marker, _)| {
        let empty = content[marker.len()..].trim().is_empty();
        let number = marker.trim_end_matches(['.', ')']).parse::<u64>().ok();
        !in_paragraph || (!empty && number.is_none_or(|number| number == 1))
    });
    list_item
        || atx_heading(content).is_some()
        || Fence::open(content).is_some()
        || is_thematic_break(content)
        || content.starts_with('>')
}

/// The lines of `doc` with leading tabs expanded, trailing whitespace removed and the
/// indentation common to all lines taken off.
fn source_lines(doc: &str) -> Vec<String> {
    let lines: Vec<String> = doc
        .lines()
        .map(|line| {
            let mut expanded = String::with_capacity(line.len());
            let body = line.trim_start_matches([' ', '\t']);
            for ch in line[..line.len() - body.len()].chars() {
                match ch {
                    '\t' => expanded.push_str(&" ".repeat(4 - expanded.len() % 4)),
                    _ => expanded.push(ch),
                }
            }
            expanded.push_str(body.trim_end());
            expanded
        })
        .collect();
    let common = lines.iter().filter(|line| !line.trim().is_empty()).map(|line| leading_spaces(line)).min();
    let common = common.unwrap_or(0);
    lines
        .into_iter()
        .map(|line| if line.trim().is_empty() { String::new() } else { line[common..].to_string() })
        .collect()
}

fn leading_spaces(line: &str) -> usize {
    line.bytes().take_while(|&b| b == b' ').count()
}

/// The lines of the paragraph being read, sanitized together so code spans and links may span
/// lines.
#[derive(Default)]
struct Paragraph {
    lines: Vec<ParagraphLine>,
}

struct ParagraphLine {
    /// The list marker, quote marker or indentation to write before the line.
    prefix: String,
    text: String,
}

impl Paragraph {
    fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Adds a line, or appends `text` to the last line when `join` is set.
    fn add(&mut self, prefix: String, text: &str, join: bool) {
        match self.lines.last_mut() {
            Some(last) if join => {
                last.text.push(' ');
                last.text.push_str(text);
            }
            _ => self.lines.push(ParagraphLine { prefix, text: text.to_string() }),
        }
    }

    fn flush(&mut self, out: &mut Vec<String>) {
        if self.lines.is_empty() {
            return;
        }
        let joined: Vec<&str> = self.lines.iter().map(|line| line.text.as_str()).collect();
        let (sanitized, breaks) = sanitize_inline(&joined.join("\n"));
        let mut breaks = breaks.into_iter().peekable();
        // Lines as they will be written, before wrapping: prefix, text, spaces where it may wrap.
        let mut written: Vec<(String, String, Vec<usize>)> = Vec::new();
        let mut line_start = 0;
        for (line, text) in self.lines.iter().zip(sanitized.split('\n')) {
            let line_end = line_start + text.len();
            let mut line_breaks = Vec::new();
            while let Some(space) = breaks.next_if(|&space| space < line_end) {
                line_breaks.push(space - line_start);
            }
            line_start = line_end + 1;
            if text.trim().is_empty() {
                if written.is_empty() && !line.prefix.trim().is_empty() {
                    written.push((line.prefix.trim_end().to_string(), String::new(), Vec::new()));
                }
                continue;
            }
            // Dropping a relative link's brackets or joining lines can leave a line that would
            // start a block. Its first character is escaped, unless that would break a code span:
            // then it joins the line before, whose start does not change.
            let changed = line.text.chars().next() != text.chars().next();
            let trimmed = if changed { text.trim_start() } else { text };
            let cut = text.len() - trimmed.len();
            let line_breaks: Vec<usize> = line_breaks.into_iter().filter_map(|space| space.checked_sub(cut)).collect();
            let text = trimmed;
            let unsafe_start = changed && !safe_line_start(text);
            let would_start_block = unsafe_start || (!written.is_empty() && starts_block(text, true));
            if !would_start_block {
                written.push((line.prefix.clone(), text.to_string(), line_breaks));
            } else if text.starts_with('`')
                && let Some((_, last, last_breaks)) = written.last_mut().filter(|(_, last, _)| !last.is_empty())
            {
                last_breaks.push(last.len());
                last_breaks.extend(line_breaks.iter().map(|space| space + last.len() + 1));
                last.push(' ');
                last.push_str(text);
            } else {
                let escaped = escape_line_start(text);
                let shift = escaped.len() - text.len();
                written.push((line.prefix.clone(), escaped, line_breaks.iter().map(|space| space + shift).collect()));
            }
        }
        if written.iter().any(|(prefix, text, _)| prefix.chars().count() + text.chars().count() > WIDTH) {
            written = reflow(written);
        }
        for (prefix, text, breaks) in written {
            let indent = prefix.chars().count();
            // Wrapped lines continue a quote with its marker, anything else by indentation.
            let continuation = if prefix.contains('>') { prefix.clone() } else { " ".repeat(indent) };
            let width = WIDTH.saturating_sub(indent).max(MIN_WIDTH);
            for (index, piece) in wrap(&text, &breaks, width).into_iter().enumerate() {
                out.push(format!("{}{piece}", if index == 0 { &prefix } else { &continuation }));
            }
        }
        self.lines.clear();
    }

    /// Ends the paragraph as the text of a setext heading (`Title` over `=====`).
    fn flush_as_heading(&mut self, out: &mut Vec<String>) {
        let prefix = self.lines.first().map(|line| line.prefix.clone()).unwrap_or_default();
        let texts: Vec<&str> = self.lines.iter().map(|line| line.text.as_str()).collect();
        out.extend([String::new(), format!("{prefix}{}", heading(&texts.join(" "))), String::new()]);
        self.lines.clear();
    }
}

/// Joins the lines of a paragraph so that it can be wrapped afresh, as a line break inside a
/// paragraph reads as a space; lines ending in a hard line break (`\\`) stay where they are.
fn reflow(lines: Vec<(String, String, Vec<usize>)>) -> Vec<(String, String, Vec<usize>)> {
    let mut joined: Vec<(String, String, Vec<usize>)> = Vec::new();
    let mut open = false;
    for (prefix, text, breaks) in lines {
        match joined.last_mut() {
            Some((_, last, last_breaks)) if open && !text.is_empty() => {
                last_breaks.push(last.len());
                last_breaks.extend(breaks.iter().map(|space| space + last.len() + 1));
                last.push(' ');
                last.push_str(&text);
            }
            _ => joined.push((prefix, text, breaks)),
        }
        let (_, last, _) = &joined[joined.len() - 1];
        open = !last.is_empty() && last.bytes().rev().take_while(|&b| b == b'\\').count() % 2 == 0;
    }
    joined
}

/// A heading's text as a bold line, since real headings would compete with rustdoc's own.
///
/// Emphasis markers or a lone backslash at either end of the text are escaped, because they
/// would merge with the bold markers.
fn heading(text: &str) -> String {
    let (text, _) = sanitize_inline(text.trim());
    if text.is_empty() {
        return text;
    }
    let escaped = |end: &str| end.bytes().rev().take_while(|&b| b == b'\\').count() % 2 == 1;
    let mut bold = String::with_capacity(text.len() + 6);
    bold.push_str("**");
    if text.starts_with(['*', '_']) {
        bold.push('\\');
    }
    match text.char_indices().next_back() {
        Some((last, '*' | '_')) if last > 0 && !escaped(&text[..last]) => {
            bold.push_str(&text[..last]);
            bold.push('\\');
            bold.push_str(&text[last..]);
        }
        _ if escaped(&text) => {
            bold.push_str(&text);
            bold.push('\\');
        }
        _ => bold.push_str(&text),
    }
    bold.push_str("**");
    bold
}

/// The text of an ATX heading (`## Title ##`).
fn atx_heading(content: &str) -> Option<&str> {
    let level = content.bytes().take_while(|&b| b == b'#').count();
    let rest = &content[level..];
    if !(1..=6).contains(&level) || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let rest = rest.trim();
    let without_closing = rest.trim_end_matches('#');
    if without_closing.is_empty() || without_closing.ends_with([' ', '\t']) {
        Some(without_closing.trim_end())
    } else {
        Some(rest)
    }
}

fn is_setext_underline(content: &str) -> bool {
    !content.is_empty() && (content.bytes().all(|b| b == b'=') || content.bytes().all(|b| b == b'-'))
}

fn is_thematic_break(content: &str) -> bool {
    [b'-', b'*', b'_'].into_iter().any(|mark| {
        content.bytes().all(|b| b == mark || b == b' ' || b == b'\t')
            && content.bytes().filter(|&b| b == mark).count() >= 3
    })
}

/// The list marker starting `content`, if it starts a list item, and the width of the marker
/// and the spaces after it (where the item's content starts).
fn list_marker(content: &str) -> Option<(&str, usize)> {
    let bytes = content.as_bytes();
    let len = match bytes.first()? {
        b'-' | b'+' | b'*' => 1,
        b'0'..=b'9' => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            if digits > 9 || !matches!(bytes.get(digits), Some(b'.' | b')')) {
                return None;
            }
            digits + 1
        }
        _ => return None,
    };
    let rest = &content[len..];
    let spaces = leading_spaces(rest);
    let width = match spaces {
        _ if rest.is_empty() || rest.starts_with('\t') => len + 1,
        0 => return None,
        1..=4 => len + spaces,
        _ => len + 1,
    };
    Some((&content[..len], width))
}

/// `text` with its first character escaped if it would start a block other than a paragraph.
fn escape_block_start(text: &str) -> String {
    if starts_block(text, false) { escape_line_start(text) } else { text.to_string() }
}

/// An opening code fence.
#[derive(Clone, Copy)]
struct Fence {
    ch: char,
    len: usize,
}

impl Fence {
    /// The fence opening at the start of `content`, and its info string.
    fn open(content: &str) -> Option<(Fence, &str)> {
        let ch = content.chars().next().filter(|c| matches!(c, '`' | '~'))?;
        let len = content.bytes().take_while(|&b| b == ch as u8).count();
        let info = content[len..].trim();
        if len < 3 || (ch == '`' && info.contains('`')) {
            return None;
        }
        Some((Fence { ch, len }, info))
    }

    fn closes(self, line: &str, max_indent: usize) -> bool {
        let indent = leading_spaces(line);
        let rest = &line[indent..];
        let len = rest.bytes().take_while(|&b| b == self.ch as u8).count();
        indent <= max_indent && len >= self.len && rest[len..].trim().is_empty()
    }
}

/// A fenced code block as opened in the source.
struct FencedBlock<'a> {
    fence: Fence,
    /// The info string, whose first word is the language.
    language: &'a str,
    /// The column of the opening fence, which is how much indentation its lines lose.
    column: usize,
    /// The content column of the list item it is in.
    container: usize,
}

/// Writes a fenced code block up to its closing fence, or the end of the document, with
/// `first_prefix` before the opening fence and `prefix` before every other line; returns the
/// index of the line after it.
///
/// The fence written is longer than any run of its character in the code, which may have lost
/// the indentation that kept such a run from closing the block.
fn write_fenced_code(
    lines: &[String],
    from: usize,
    block: &FencedBlock<'_>,
    first_prefix: &str,
    prefix: &str,
    out: &mut Vec<String>,
) -> usize {
    let mut end = lines.len();
    let mut code = Vec::new();
    for (offset, line) in lines[from..].iter().enumerate() {
        if block.fence.closes(line, block.container + 3) {
            end = from + offset + 1;
            break;
        }
        code.push(&line[leading_spaces(line).min(block.column)..]);
    }
    let longest = code.iter().map(|line| longest_run(line, block.fence.ch)).max().unwrap_or(0);
    let marker = block.fence.ch.to_string().repeat(block.fence.len.max(longest + 1));
    out.push(format!("{first_prefix}{marker}{}", code_language(block.language)));
    out.extend(code.iter().map(|line| if line.is_empty() { String::new() } else { format!("{prefix}{line}") }));
    out.push(format!("{prefix}{marker}"));
    out.push(String::new());
    end
}

/// The language to put on a code block: the author's, unless it is missing or rustdoc would
/// compile and test the block.
fn code_language(info: &str) -> &str {
    let word = info.split_whitespace().next().unwrap_or_default();
    // rustdoc rejects some characters in code block attributes (`c++` is an error), so only plain
    // words are kept.
    let simple = word.starts_with(|c: char| c.is_ascii_alphabetic())
        && word.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'));
    let lower = word.to_ascii_lowercase().replace('-', "_");
    let rustdoc_words = [
        "rust",
        "ignore",
        "should_panic",
        "no_run",
        "compile_fail",
        "edition",
        "test_harness",
        "allow_fail",
        "standalone",
        "custom",
    ];
    let error_code = lower.len() == 5 && lower.starts_with('e') && lower.bytes().skip(1).all(|b| b.is_ascii_digit());
    if word.is_empty() || !simple || error_code || rustdoc_words.iter().any(|rust| lower.starts_with(rust)) {
        "text"
    } else {
        word
    }
}

/// Writes the indented code block starting at `lines[from]`, whose code starts at `column`, as a
/// fenced `text` block, and returns the index of the first line after it.
fn write_indented_code(lines: &[String], from: usize, column: usize, prefix: &str, out: &mut Vec<String>) -> usize {
    let mut end = from;
    for (offset, line) in lines[from..].iter().enumerate() {
        let indent = leading_spaces(line);
        if indent == line.len() {
            continue;
        }
        if indent < column {
            break;
        }
        end = from + offset + 1;
    }
    let body: Vec<&str> = lines[from..end].iter().map(|line| line.get(column..).unwrap_or_default()).collect();
    let fence = "`".repeat(body.iter().map(|line| longest_run(line, '`')).max().unwrap_or(0).max(2) + 1);
    out.push(format!("{prefix}{fence}text"));
    out.extend(body.iter().map(|line| if line.is_empty() { String::new() } else { format!("{prefix}{line}") }));
    out.push(format!("{prefix}{fence}"));
    out.push(String::new());
    end
}

/// A slice of paragraph text and what to do with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PieceKind {
    /// Plain text, where only bare URLs change.
    Text,
    /// A code span, autolink or backslash escape, copied as written.
    Verbatim,
    /// Characters to backslash-escape: unmatched backticks, `<`, `|`.
    Escape,
    Open,
    Close,
}

#[derive(Clone, Copy, Debug)]
struct Piece {
    kind: PieceKind,
    start: usize,
    end: usize,
}

/// A bracket pair that is an inline link.
#[derive(Clone, Copy, Debug)]
struct Link {
    /// Whether it stays a link; links to relative URLs are reduced to their text.
    keep: bool,
    /// Byte index just past the `)` ending the destination.
    destination_end: usize,
}

/// Escapes what rustdoc would misread in paragraph text, leaving the author's Markdown alone;
/// also returns the byte offsets of spaces outside code, links and autolinks, where lines may
/// be wrapped.
fn sanitize_inline(text: &str) -> (String, Vec<usize>) {
    let pieces = inline_pieces(text);
    let links = resolve_links(text, &pieces);
    let mut out = String::with_capacity(text.len() + 16);
    let mut breaks = Vec::new();
    let mut link_depth = 0usize;
    let mut skip_until = 0;
    for (piece, link) in pieces.iter().zip(links) {
        if piece.end <= skip_until {
            continue;
        }
        // Only text can straddle the end of a link destination.
        let raw = &text[piece.start.max(skip_until)..piece.end];
        match (piece.kind, link) {
            (PieceKind::Text, _) if link_depth > 0 => out.push_str(raw),
            (PieceKind::Text, _) => write_text(raw, &mut out, &mut breaks),
            (PieceKind::Verbatim, _) => out.push_str(raw),
            (PieceKind::Escape, _) | (PieceKind::Open | PieceKind::Close, None) => {
                for ch in raw.chars() {
                    out.push('\\');
                    out.push(ch);
                }
            }
            (PieceKind::Open, Some(link)) => {
                if link.keep {
                    out.push('[');
                    link_depth += 1;
                }
            }
            (PieceKind::Close, Some(link)) => {
                if link.keep {
                    out.push(']');
                    out.push_str(&text[piece.end..link.destination_end]);
                    link_depth = link_depth.saturating_sub(1);
                }
                skip_until = link.destination_end;
            }
        }
    }
    (out, breaks)
}

/// Copies text outside links, turning bare URLs into autolinks and noting its spaces.
fn write_text(text: &str, out: &mut String, breaks: &mut Vec<usize>) {
    let mut copied = 0;
    for (index, ch) in text.char_indices() {
        if index < copied {
            continue;
        }
        if ch == ' ' {
            breaks.push(out.len() + index - copied);
        } else if matches!(ch, 'h' | 'H')
            && let Some(len) = bare_url_len(&text[index..])
        {
            out.push_str(&text[copied..index]);
            out.push('<');
            out.push_str(&text[index..index + len]);
            out.push('>');
            copied = index + len;
        }
    }
    out.push_str(&text[copied..]);
}

/// Splits paragraph text into pieces; code spans are found first because they bind tighter
/// than anything else.
fn inline_pieces(text: &str) -> Vec<Piece> {
    let bytes = text.as_bytes();
    let mut closers = BacktickRuns::new(text);
    let mut pieces = Vec::new();
    let mut text_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let (kind, end) = match bytes[i] {
            b'\\' if bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) => (PieceKind::Verbatim, i + 2),
            b'`' => {
                let len = bytes[i..].iter().take_while(|&&b| b == b'`').count();
                match closers.next_run(i + len, len) {
                    Some(close) => (PieceKind::Verbatim, close + len),
                    None => (PieceKind::Escape, i + len),
                }
            }
            b'<' => match autolink_len(&text[i..]) {
                Some(len) => (PieceKind::Verbatim, i + len),
                None => (PieceKind::Escape, i + 1),
            },
            b'|' => (PieceKind::Escape, i + 1),
            b'[' => (PieceKind::Open, i + 1),
            b']' => (PieceKind::Close, i + 1),
            _ => {
                i += 1;
                continue;
            }
        };
        if text_start < i {
            pieces.push(Piece { kind: PieceKind::Text, start: text_start, end: i });
        }
        pieces.push(Piece { kind, start: i, end });
        text_start = end;
        i = end;
    }
    if text_start < bytes.len() {
        pieces.push(Piece { kind: PieceKind::Text, start: text_start, end: bytes.len() });
    }
    pieces
}

/// The starts of every maximal backtick run, by length, for finding the run that closes a code
/// span without rescanning the text.
struct BacktickRuns {
    by_len: HashMap<usize, (Vec<usize>, usize)>,
}

impl BacktickRuns {
    fn new(text: &str) -> BacktickRuns {
        let mut by_len: HashMap<usize, (Vec<usize>, usize)> = HashMap::new();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'`' {
                let len = bytes[i..].iter().take_while(|&&b| b == b'`').count();
                by_len.entry(len).or_default().0.push(i);
                i += len;
            } else {
                i += 1;
            }
        }
        BacktickRuns { by_len }
    }

    /// The first run of exactly `len` backticks starting at or after `from`; `from` never
    /// decreases between calls.
    fn next_run(&mut self, from: usize, len: usize) -> Option<usize> {
        let (starts, cursor) = self.by_len.get_mut(&len)?;
        while starts.get(*cursor).is_some_and(|&start| start < from) {
            *cursor += 1;
        }
        starts.get(*cursor).copied()
    }
}

/// The length of the web or mail autolink (`<https://…>`, `<user@example.com>`) at the start of
/// `text`.
fn autolink_len(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    // A backtick would let a code span claim part of the link, depending on the reader.
    let end = 1 + bytes[1..].iter().position(|&b| matches!(b, b'<' | b'>' | b'`') || b <= b' ')?;
    let body = &text[1..end];
    if bytes[end] != b'>' || body.is_empty() {
        return None;
    }
    // Only links to the web or to mail addresses, like everywhere else.
    let uri = ["http:", "https:", "mailto:"].iter().any(|scheme| {
        body.len() > scheme.len() && body.as_bytes()[..scheme.len()].eq_ignore_ascii_case(scheme.as_bytes())
    });
    let email = body.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && !domain.is_empty()
            && local.bytes().all(|b| b.is_ascii_alphanumeric() || b".!#$%&'*+/=?^_`{|}~-".contains(&b))
            && domain.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.'))
    });
    (uri || email).then_some(end + 1)
}

/// Pairs brackets and decides which pairs are inline links, indexed like `pieces`.
fn resolve_links(text: &str, pieces: &[Piece]) -> Vec<Option<Link>> {
    let mut links = vec![None; pieces.len()];
    // Open brackets waiting for their `]`, and whether a link was found inside them (a link
    // cannot contain another link).
    let mut openers: Vec<(usize, bool)> = Vec::new();
    let mut skip_until = 0;
    for (index, piece) in pieces.iter().enumerate() {
        if piece.start < skip_until {
            continue;
        }
        match piece.kind {
            PieceKind::Open => openers.push((index, false)),
            PieceKind::Close => {
                let Some((open, contains_link)) = openers.pop() else { continue };
                let destination =
                    (!contains_link).then(|| link_destination(text, piece.end)).flatten().filter(|&(_, end)| {
                        // A code span or autolink reaching past the `)` binds tighter than the link.
                        pieces[index + 1..]
                            .iter()
                            .take_while(|later| later.start < end)
                            .all(|later| later.kind == PieceKind::Text || later.end <= end)
                    });
                if let Some((url, end)) = destination {
                    let link = Link { keep: web_url(url).is_some(), destination_end: end };
                    links[open] = Some(link);
                    links[index] = Some(link);
                    skip_until = end;
                }
                if (destination.is_some() || contains_link)
                    && let Some(parent) = openers.last_mut()
                {
                    parent.1 = true;
                }
            }
            _ => {}
        }
    }
    links
}

/// The URL of the `(destination "title")` starting at byte `from`, and the index after its `)`.
fn link_destination(text: &str, from: usize) -> Option<(&str, usize)> {
    let rest = text.get(from..)?;
    let bytes = rest.as_bytes();
    if bytes.first() != Some(&b'(') {
        return None;
    }
    let skip_spaces = |mut i: usize| {
        while matches!(bytes.get(i), Some(b' ' | b'\t')) {
            i += 1;
        }
        i
    };
    let mut i = skip_spaces(1);
    let url = if bytes.get(i) == Some(&b'<') {
        let len = bytes[i + 1..].iter().take(MAX_DESTINATION).position(|&b| matches!(b, b'>' | b'<' | b'\n'))?;
        if bytes[i + 1 + len] != b'>' {
            return None;
        }
        let url = &rest[i + 1..i + 1 + len];
        i += len + 2;
        url
    } else {
        let start = i;
        let mut depth = 0usize;
        while let Some(&b) = bytes.get(i) {
            if i - start > MAX_DESTINATION {
                return None;
            }
            match b {
                b'\\' if bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) => i += 2,
                b'(' => {
                    depth += 1;
                    i += 1;
                }
                b')' if depth == 0 => break,
                b')' => {
                    depth -= 1;
                    i += 1;
                }
                _ if b <= b' ' => break,
                _ => i += 1,
            }
        }
        &rest[start..i]
    };
    i = skip_spaces(i);
    if let Some(&open) = bytes.get(i).filter(|&&b| matches!(b, b'"' | b'\'' | b'(')) {
        let close = if open == b'(' { b')' } else { open };
        let len = bytes[i + 1..].iter().take(MAX_DESTINATION).position(|&b| b == close || b == b'\n')?;
        if bytes[i + 1 + len] != close {
            return None;
        }
        i = skip_spaces(i + len + 2);
    }
    (bytes.get(i) == Some(&b')')).then_some((url, from + i + 1))
}
