//! Markdown blocks and the writer that turns them into lines rustdoc reads exactly as meant.

/// Paragraph lines are wrapped at this many characters, list indentation included: with the
/// `/// ` of a doc comment at the four columns of indentation of a field or method, a line stays
/// within 100 columns.
pub(crate) const WIDTH: usize = 92;

/// Deeply nested lists still get this much room per line.
pub(super) const MIN_WIDTH: usize = 40;

/// A block of Markdown.
#[derive(Debug)]
pub(super) enum Block {
    /// Lines of styled text separated by hard line breaks.
    Paragraph(Vec<Vec<Span>>),
    /// Preformatted text, shown as a ```` ```text ```` block.
    Code(String),
    /// A bullet list, or a numbered list counting from `start`.
    List { start: Option<u64>, items: Vec<Vec<Block>> },
}

/// A run of text in one style; whitespace is already collapsed to single spaces.
#[derive(Clone, Debug)]
pub(super) struct Span {
    pub(super) text: String,
    pub(super) style: Style,
}

/// How a span is shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Style {
    pub(super) bold: bool,
    pub(super) italic: bool,
    pub(super) code: bool,
    /// An absolute http(s) URL the span links to.
    pub(super) link: Option<String>,
}

/// Renders blocks as Markdown lines, blank lines between blocks.
pub(super) fn render(blocks: &[Block]) -> Vec<String> {
    let mut out = Vec::new();
    write_blocks(blocks, WIDTH, false, &mut out);
    out
}

/// Writes `blocks` one after the other; in a list item (`in_item`) a list directly follows the
/// paragraph it belongs to, so that the item stays tight.
fn write_blocks(blocks: &[Block], width: usize, in_item: bool, out: &mut Vec<String>) {
    let mut previous: Option<&Block> = None;
    // Two lists in a row would merge into one unless the second uses other markers.
    let mut previous_alternates = false;
    for block in blocks {
        let before = out.len();
        if let Some(previous) = previous {
            let interrupts = matches!(block, Block::List { start: None | Some(1), .. });
            if !(in_item && interrupts && matches!(previous, Block::Paragraph(_))) {
                out.push(String::new());
            }
        }
        let alternate_markers = match (previous, block) {
            (Some(Block::List { start: before, .. }), Block::List { start, .. }) => {
                before.is_some() == start.is_some() && !previous_alternates
            }
            _ => false,
        };
        match block {
            Block::Paragraph(lines) => write_paragraph(lines, width, out),
            Block::Code(code) => write_code(code, out),
            Block::List { start, items } => write_list(*start, items, alternate_markers, width, out),
        }
        if out[before..].iter().all(String::is_empty) {
            out.truncate(before);
        } else {
            previous = Some(block);
            previous_alternates = alternate_markers;
        }
    }
}

fn write_paragraph(lines: &[Vec<Span>], width: usize, out: &mut Vec<String>) {
    let mut first = true;
    for spans in lines {
        let mut writer = InlineWriter::default();
        write_bold_runs(spans, Next::Space, &mut writer);
        if writer.out.is_empty() {
            continue;
        }
        if let Some(digits) = ordered_marker_len(&writer.out) {
            // `1.` or `1)` at the start of a line would begin a numbered list; the digits and the
            // punctuation can come from different spans, so this is checked on the whole line.
            writer.out.insert(digits, '\\');
            writer.breaks.iter_mut().filter(|space| **space >= digits).for_each(|space| *space += 1);
        }
        if !first && let Some(last) = out.last_mut() {
            // A backslash at the end of a line is a hard line break.
            last.push('\\');
        }
        first = false;
        out.extend(wrap(&writer.out, &writer.breaks, width));
    }
}

fn write_code(code: &str, out: &mut Vec<String>) {
    let fence = "`".repeat(longest_run(code, '`').max(2) + 1);
    out.push(format!("{fence}text"));
    out.extend(code.lines().map(|line| line.trim_end().to_string()));
    out.push(fence);
}

/// Writes a list with `- ` and `1. ` markers, or `* ` and `1) ` when `alternate_markers` is set.
fn write_list(start: Option<u64>, items: &[Vec<Block>], alternate_markers: bool, width: usize, out: &mut Vec<String>) {
    // CommonMark list numbers have at most nine digits.
    let start = start.map(|start| start.min(900_000_000));
    let mut rendered = Vec::with_capacity(items.len());
    for item in items {
        let number = start.map(|start| start + rendered.len() as u64);
        let marker = match (number, alternate_markers) {
            (Some(number), false) => format!("{number}. "),
            (Some(number), true) => format!("{number}) "),
            (None, false) => "- ".to_string(),
            (None, true) => "* ".to_string(),
        };
        let mut lines = Vec::new();
        write_blocks(item, width.saturating_sub(marker.len()).max(MIN_WIDTH), true, &mut lines);
        if !lines.is_empty() {
            rendered.push((marker, lines));
        }
    }
    let loose = rendered.iter().any(|(_, lines)| lines.iter().any(String::is_empty));
    for (index, (marker, lines)) in rendered.into_iter().enumerate() {
        if loose && index > 0 {
            out.push(String::new());
        }
        let indent = " ".repeat(marker.len());
        for (number, line) in lines.into_iter().enumerate() {
            out.push(match number {
                0 => format!("{marker}{line}"),
                _ if line.is_empty() => line,
                _ => format!("{indent}{line}"),
            });
        }
    }
}

/// Splits a rendered paragraph line at recorded spaces so that lines stay within `width`.
///
/// Only spaces followed by text that cannot start a block (a list, heading, quote, …) qualify.
pub(super) fn wrap(line: &str, breaks: &[usize], width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut start_column = 0;
    let mut columns = 0;
    let mut counted = 0;
    let mut candidate: Option<(usize, usize)> = None;
    for &space in breaks {
        if space <= start || space + 1 >= line.len() || !safe_line_start(&line[space + 1..]) {
            continue;
        }
        // A line ending in an unescaped backslash would end with a hard line break.
        if line[..space].bytes().rev().take_while(|&b| b == b'\\').count() % 2 == 1 {
            continue;
        }
        columns += line[counted..space].chars().count();
        counted = space;
        if columns - start_column > width
            && let Some((at, column)) = candidate
        {
            lines.push(line[start..at].to_string());
            start = at + 1;
            start_column = column + 1;
        }
        candidate = Some((space, columns));
    }
    columns += line[counted..].chars().count();
    if columns - start_column > width
        && let Some((at, _)) = candidate.filter(|&(at, _)| at >= start)
    {
        lines.push(line[start..at].to_string());
        start = at + 1;
    }
    lines.push(line[start..].to_string());
    lines
}

/// Whether a line starting with `rest` is a paragraph line, whatever comes before it.
pub(super) fn safe_line_start(rest: &str) -> bool {
    let mut chars = rest.chars();
    match chars.next() {
        Some(c) if c.is_alphabetic() => true,
        Some('\\' | '[' | '(' | '"' | '\'' | '<') => true,
        Some('*') => chars.next().is_some_and(|c| !c.is_whitespace()),
        Some('`') => !rest.starts_with("```"),
        Some(c) if c.is_ascii_digit() => ordered_marker_len(rest).is_none(),
        Some(c) => !c.is_ascii() && !c.is_whitespace(),
        None => false,
    }
}

/// The length of the digits of an ordered-list marker (`12.` or `3)`) at the start of `text`.
fn ordered_marker_len(text: &str) -> Option<usize> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let is_marker = (1..=9).contains(&digits) && matches!(text.as_bytes().get(digits), Some(b'.' | b')'));
    is_marker.then_some(digits)
}

/// What follows a run of spans in the output, for deciding whether emphasis markers work there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Next {
    /// Whitespace or the end of the line.
    Space,
    Punctuation,
    /// A letter, digit or other word character.
    Word,
    /// An emphasis marker of an enclosing span; another marker next to it would merge with it.
    Marker,
}

/// One paragraph line being written, with the byte offsets of spaces where it may be wrapped.
#[derive(Default)]
struct InlineWriter {
    out: String,
    breaks: Vec<usize>,
    in_link: bool,
}

impl InlineWriter {
    fn space(&mut self) {
        self.breaks.push(self.out.len());
        self.out.push(' ');
    }

    fn previous(&self) -> Next {
        match self.out.chars().next_back() {
            None => Next::Space,
            Some(c) => classify(c),
        }
    }
}

fn classify(c: char) -> Next {
    if c.is_whitespace() {
        Next::Space
    } else if c.is_alphanumeric() {
        Next::Word
    } else {
        Next::Punctuation
    }
}

/// Splits `spans` into maximal runs with the same `key`, each with what follows it.
fn runs<'a, K: PartialEq>(spans: &'a [Span], next: Next, key: impl Fn(&'a Span) -> K) -> Vec<(&'a [Span], Next)> {
    let mut runs = Vec::new();
    let mut start = 0;
    while start < spans.len() {
        let run_key = key(&spans[start]);
        let len = spans[start..].iter().take_while(|span| key(span) == run_key).count();
        let end = start + len;
        let after = spans.get(end).map_or(next, leading_class);
        runs.push((&spans[start..end], after));
        start = end;
    }
    runs
}

/// How the output of `span` starts, as far as emphasis rules care.
fn leading_class(span: &Span) -> Next {
    if span.style.code || span.style.link.is_some() || bare_url_len(&span.text).is_some() {
        return Next::Punctuation;
    }
    span.text.chars().next().map_or(Next::Space, classify)
}

/// How the output of `span` ends, as far as emphasis rules care.
fn trailing_class(span: &Span) -> Next {
    let last_word = span.text.rsplit(' ').next().unwrap_or_default();
    if span.style.code || span.style.link.is_some() || contains_url(last_word) {
        return Next::Punctuation;
    }
    span.text.chars().next_back().map_or(Next::Space, classify)
}

/// Bold is the outermost layer, then italic, then links, then code.
fn write_bold_runs(spans: &[Span], next: Next, w: &mut InlineWriter) {
    for (run, after) in runs(spans, next, |span| span.style.bold) {
        if run[0].style.bold {
            write_emphasis(run, "**", after, w, write_italic_runs);
        } else {
            write_italic_runs(run, after, w);
        }
    }
}

fn write_italic_runs(spans: &[Span], next: Next, w: &mut InlineWriter) {
    for (run, after) in runs(spans, next, |span| span.style.italic) {
        if run[0].style.italic {
            write_emphasis(run, "*", after, w, write_link_runs);
        } else {
            write_link_runs(run, after, w);
        }
    }
}

fn write_link_runs(spans: &[Span], next: Next, w: &mut InlineWriter) {
    for (run, after) in runs(spans, next, |span| span.style.link.as_deref()) {
        match &run[0].style.link {
            Some(url) => write_link(run, url, w),
            None => write_code_runs(run, after, w),
        }
    }
}

fn write_code_runs(spans: &[Span], next: Next, w: &mut InlineWriter) {
    for (run, _) in runs(spans, next, |span| span.style.code) {
        if run[0].style.code {
            write_code_span(run, w);
        } else {
            for span in run {
                write_text(&span.text, w);
            }
        }
    }
}

/// Copies `run` with the whitespace at its ends split off, as markers must touch the text.
fn trim_run(run: &[Span]) -> (bool, Vec<Span>, bool) {
    let mut core = run.to_vec();
    let leading = core.first().is_some_and(|span| span.text.starts_with(' '));
    let trailing = core.last().is_some_and(|span| span.text.ends_with(' '));
    while let Some(first) = core.first_mut() {
        first.text = first.text.trim_start_matches(' ').to_string();
        if !first.text.is_empty() {
            break;
        }
        core.remove(0);
    }
    while let Some(last) = core.last_mut() {
        last.text.truncate(last.text.trim_end_matches(' ').len());
        if !last.text.is_empty() {
            break;
        }
        core.pop();
    }
    if core.is_empty() {
        // Whitespace alone is one space, not a leading and a trailing one.
        return (leading, core, false);
    }
    (leading, core, trailing)
}

/// Writes `run` between emphasis `marker`s, or without them where CommonMark would not read the
/// markers as emphasis (for example `**"quoted"**s`); the text matters more than the style.
fn write_emphasis(
    run: &[Span],
    marker: &str,
    next: Next,
    w: &mut InlineWriter,
    write_inner: fn(&[Span], Next, &mut InlineWriter),
) {
    let (leading, core, trailing) = trim_run(run);
    if leading {
        w.space();
    }
    if let (Some(first), Some(last)) = (core.first(), core.last()) {
        let after = if trailing { Next::Space } else { next };
        let before = w.previous();
        let opens = !w.out.ends_with('*')
            && (leading_class(first) != Next::Punctuation || matches!(before, Next::Space | Next::Punctuation));
        let closes = after != Next::Marker
            && (trailing_class(last) != Next::Punctuation || matches!(after, Next::Space | Next::Punctuation));
        if opens && closes {
            w.out.push_str(marker);
            write_inner(&core, Next::Marker, w);
            w.out.push_str(marker);
        } else {
            write_inner(&core, after, w);
        }
    }
    if trailing {
        w.space();
    }
}

/// Writes `[text](url)`, or `<url>` when the text is the URL itself.
///
/// A link with only whitespace here is the edge of a link whose text is styled
/// (`<a> <i>Guide</i> </a>`), and is written as that whitespace.
fn write_link(run: &[Span], url: &str, w: &mut InlineWriter) {
    let (leading, core, trailing) = trim_run(run);
    if leading {
        w.space();
    }
    let plain = core.iter().all(|span| !span.style.code);
    let text: String = core.iter().map(|span| span.text.as_str()).collect();
    if core.is_empty() {
        // Nothing to link.
    } else if plain && text == url {
        w.out.push('<');
        w.out.push_str(&encode_url(url, &[]));
        w.out.push('>');
    } else {
        w.out.push('[');
        let in_link = std::mem::replace(&mut w.in_link, true);
        write_code_runs(&core, Next::Punctuation, w);
        w.in_link = in_link;
        w.out.push_str("](");
        w.out.push_str(&encode_url(url, &['(', ')', '\\']));
        w.out.push(')');
    }
    if trailing {
        w.space();
    }
}

/// Writes a code span whose backtick fence is longer than any backtick run inside it.
fn write_code_span(run: &[Span], w: &mut InlineWriter) {
    let text: String = run.iter().map(|span| span.text.as_str()).collect();
    let code = text.trim_matches(' ');
    if text.starts_with(' ') {
        w.space();
    }
    let fence_len = longest_run(code, '`') + 1;
    // A line starting with three backticks opens a code block, and two code spans in a row would
    // run their fences together: both are written as escaped text instead.
    if !code.is_empty() && ((fence_len >= 3 && w.out.is_empty()) || w.out.ends_with('`')) {
        write_text(code, w);
    } else if !code.is_empty() {
        let fence = "`".repeat(fence_len);
        let pad = if code.starts_with('`') || code.ends_with('`') { " " } else { "" };
        w.out.push_str(&fence);
        w.out.push_str(pad);
        w.out.push_str(code);
        w.out.push_str(pad);
        w.out.push_str(&fence);
    }
    if text.ends_with(' ') && !code.is_empty() {
        w.space();
    }
}

/// Writes plain text with every character Markdown would read as syntax escaped, and bare URLs
/// turned into autolinks.
fn write_text(text: &str, w: &mut InlineWriter) {
    let mut previous = None;
    let mut chars = text.char_indices().peekable();
    while let Some((index, ch)) = chars.next() {
        if !w.in_link
            && matches!(ch, 'h' | 'H')
            && let Some(len) = bare_url_len(&text[index..])
        {
            w.out.push('<');
            w.out.push_str(&text[index..index + len]);
            w.out.push('>');
            while chars.peek().is_some_and(|&(next, _)| next < index + len) {
                chars.next();
            }
            previous = text[..index + len].chars().next_back();
            continue;
        }
        let next = chars.peek().map(|&(_, c)| c);
        let line_start = w.out.is_empty();
        let escape = match ch {
            '\\' | '`' | '[' | ']' | '<' | '|' | '~' => true,
            '*' => !(previous == Some(' ') && next == Some(' ')),
            '_' => !(previous.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric)),
            '&' => looks_like_character_reference(&text[index + 1..]),
            // `![` would start an image if a link follows.
            '!' => next.is_none(),
            '#' | '>' | '-' | '+' | '=' | ':' => line_start,
            _ => false,
        };
        if ch == ' ' && !w.in_link {
            w.space();
        } else {
            if escape {
                w.out.push('\\');
            }
            w.out.push(ch);
        }
        previous = Some(ch);
    }
}

/// Whether `text` (just after a `&`) would be read as a character reference such as `&copy;`.
pub(super) fn looks_like_character_reference(text: &str) -> bool {
    let name = text.strip_prefix('#').unwrap_or(text);
    let len = name.bytes().take(32).take_while(u8::is_ascii_alphanumeric).count();
    len > 0 && name.as_bytes().get(len) == Some(&b';')
}

/// The length of the `http://` or `https://` URL at the start of `text`, without the punctuation
/// that usually ends the sentence around it; `None` if there is none or it is an unfinished
/// template (`https://s3.<region>.amazonaws.com`), which rustdoc does not take for a URL either.
pub(super) fn bare_url_len(text: &str) -> Option<usize> {
    let scheme = ["https://", "http://"].into_iter().find(|scheme| starts_with_ignoring_case(text, scheme))?;
    let ends_url = |c: char| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | '`');
    // The host is checked before the rest is read, so that text full of `https://` fragments is
    // still read in linear time.
    let host_end = text[scheme.len()..]
        .find(|c: char| ends_url(c) || matches!(c, '/' | '?' | '#' | '(' | ')' | '[' | ']'))
        .map_or(text.len(), |index| scheme.len() + index);
    let host = text[scheme.len()..host_end].trim_end_matches(|c: char| !c.is_alphanumeric());
    let bytes = text.as_bytes();
    if host.is_empty() || (bytes.get(host_end) == Some(&b'<') && !has_domain(&text[scheme.len()..host_end])) {
        return None;
    }
    if !matches!(bytes.get(host_end), Some(b'/' | b'?' | b'#')) {
        return Some(scheme.len() + host.len());
    }
    let mut end = text[host_end..].find(ends_url).map_or(text.len(), |index| host_end + index);
    let count = |byte: u8| bytes[host_end..end].iter().filter(|&&b| b == byte).count();
    let (mut open_parens, mut close_parens) = (count(b'('), count(b')'));
    let (mut open_brackets, mut close_brackets) = (count(b'['), count(b']'));
    while end > host_end {
        let last = bytes[end - 1];
        let trim = match last {
            b')' => close_parens > open_parens,
            b']' => close_brackets > open_brackets,
            b'(' | b'[' => true,
            _ => is_sentence_punctuation(last as char),
        };
        if !trim {
            break;
        }
        match last {
            b'(' => open_parens -= 1,
            b')' => close_parens -= 1,
            b'[' => open_brackets -= 1,
            b']' => close_brackets -= 1,
            _ => {}
        }
        end -= 1;
    }
    Some(end)
}

/// Whether rustdoc's `bare_urls` lint may see a domain name in `host`: at least two characters,
/// a dot, then at least two ASCII letters ending a word (`docs.aws.amazon` in
/// `docs.aws.amazon.<region>`, but nothing in `s3.<region>`). An escaped character such as `\_`
/// ends the text the lint looks at, so any non-alphanumeric character counts as a word end.
fn has_domain(host: &str) -> bool {
    let bytes = host.as_bytes();
    let domain_byte = |b: &u8| b.is_ascii_alphanumeric() || b"-@:%._+~#=".contains(b);
    let prefix = bytes.iter().take_while(|b| domain_byte(b)).count();
    (2..prefix).filter(|&dot| bytes[dot] == b'.').any(|dot| {
        let letters = bytes[dot + 1..].iter().take_while(|b| b.is_ascii_alphabetic()).count();
        letters >= 2 && host[dot + 1 + letters..].chars().next().is_none_or(|c| !c.is_alphanumeric())
    })
}

fn is_sentence_punctuation(c: char) -> bool {
    matches!(c, '.' | ',' | ':' | ';' | '!' | '?' | '\'' | '*' | '_' | '~')
}

/// The URL of an `href` that works from anywhere: absolute http(s) only, since relative links
/// point into the AWS documentation site and anything else would be read as an intra-doc link.
pub(super) fn web_url(href: &str) -> Option<&str> {
    let href = href.trim();
    let scheme = ["https://", "http://"].into_iter().find(|scheme| starts_with_ignoring_case(href, scheme))?;
    (href.len() > scheme.len()).then_some(href)
}

fn contains_url(text: &str) -> bool {
    text.char_indices().any(|(index, _)| bare_url_len(&text[index..]).is_some())
}

fn starts_with_ignoring_case(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len() && text.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

const HEX_DIGITS: &[u8; 16] = b"0123456789ABCDEF";

/// Percent-encodes whitespace, control characters, `<`, `>`, backticks and `extra` so that the URL
/// fits in a link destination or an autolink.
pub(super) fn encode_url(url: &str, extra: &[char]) -> String {
    let mut out = String::with_capacity(url.len());
    for ch in url.chars() {
        if ch.is_whitespace() || ch.is_control() || matches!(ch, '<' | '>' | '`') || extra.contains(&ch) {
            let mut buffer = [0; 4];
            for byte in ch.encode_utf8(&mut buffer).bytes() {
                out.push('%');
                out.push(char::from(HEX_DIGITS[usize::from(byte >> 4)]));
                out.push(char::from(HEX_DIGITS[usize::from(byte & 0xf)]));
            }
        } else {
            out.push(ch);
        }
    }
    out
}

/// The length of the longest run of `ch` in `text`.
pub(super) fn longest_run(text: &str, ch: char) -> usize {
    let mut longest = 0;
    let mut current = 0;
    for c in text.chars() {
        current = if c == ch { current + 1 } else { 0 };
        longest = longest.max(current);
    }
    longest
}
