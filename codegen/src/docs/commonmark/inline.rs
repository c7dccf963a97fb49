//! Paragraph text from pulldown-cmark's inline events: escaping, emphasis, code spans, links,
//! and the layout of a paragraph into lines that rustdoc reads as one paragraph.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Tag, TagEnd};

use crate::docs::markdown::{
    bare_url_len, encode_url, longest_run, looks_like_character_reference, safe_line_start, web_url, wrap,
};

/// A paragraph's text up to a hard line break, with the places where it may be split into lines.
#[derive(Default)]
pub(super) struct Segment {
    text: String,
    /// Byte offsets of spaces where the line may be wrapped.
    breaks: Vec<usize>,
    /// Byte offsets of the spaces that were soft line breaks in the source.
    soft: Vec<usize>,
}

/// An emphasis, link or image being written.
struct Open {
    /// What to write when it closes (`*`, `__`, or the `](url)` of a link); `None` for a link
    /// that is reduced to its text.
    close: Option<String>,
    /// The segment and byte where its text starts, to drop its markers if nothing was written
    /// inside.
    segment: usize,
    text_start: usize,
    /// The length of its opening marker.
    marker_len: usize,
    /// Whether it is an autolink, written whole when it opens.
    autolink: bool,
}

/// Writes inline events as paragraph text.
pub(super) struct InlineWriter<'a, 'e> {
    source: &'a str,
    events: &'e [(Event<'e>, Range<usize>)],
    /// For each `Start` event, the index of its `End`.
    ends: Vec<usize>,
    segments: Vec<Segment>,
    /// Text not yet escaped and written, so that escaping sees its neighbours.
    pending: String,
    open: Vec<Open>,
    /// How many links (kept ones) the writer is inside: their text is not autolinked or wrapped.
    in_link: usize,
    /// Inside an autolink, whose text was written with its opening.
    skip_text: usize,
}

impl<'a, 'e> InlineWriter<'a, 'e> {
    pub(super) fn new(source: &'a str, events: &'e [(Event<'e>, Range<usize>)]) -> InlineWriter<'a, 'e> {
        InlineWriter {
            source,
            events,
            ends: matching_ends(events),
            segments: vec![Segment::default()],
            pending: String::new(),
            open: Vec::new(),
            in_link: 0,
            skip_text: 0,
        }
    }

    fn segment(&mut self) -> &mut Segment {
        if self.segments.is_empty() {
            self.segments.push(Segment::default());
        }
        let last = self.segments.len() - 1;
        &mut self.segments[last]
    }

    /// Opens the bold markers a heading is written with.
    pub(super) fn start_heading(&mut self) {
        self.segment().text.push_str("**");
    }

    /// Adds plain text, to be escaped.
    pub(super) fn text(&mut self, text: &str) {
        self.pending.push_str(text);
    }

    /// The text written so far, leaving the writer empty.
    pub(super) fn take_segments(&mut self) -> Vec<Segment> {
        self.flush_text();
        std::mem::take(&mut self.segments)
    }

    /// Writes all the events the writer was made with.
    pub(super) fn write_all(&mut self) {
        let events = self.events;
        for (index, (event, range)) in events.iter().enumerate() {
            if self.skip_text > 0 && !matches!(event, Event::End(TagEnd::Link)) {
                continue;
            }
            match event {
                Event::Text(text) => self.pending.push_str(text),
                // Comments are invisible in any rendering; other tags are shown as written.
                Event::InlineHtml(html) if !html.starts_with("<!--") => self.pending.push_str(html),
                Event::Code(code) => {
                    self.flush_text();
                    self.code_span(code, &self.source[range.clone()]);
                }
                Event::SoftBreak => self.soft_break(self.starts_like_first_line(index)),
                Event::HardBreak => {
                    self.flush_text();
                    if self.segment().text.is_empty() {
                        continue;
                    }
                    self.segments.push(Segment::default());
                }
                Event::Start(Tag::Emphasis | Tag::Strong) => {
                    self.flush_text();
                    let strong = matches!(event, Event::Start(Tag::Strong));
                    let marker = self.emphasis_marker(index, range.start);
                    let marker = if strong { format!("{marker}{marker}") } else { marker.to_string() };
                    self.open_span(marker.clone(), Some(marker));
                }
                Event::Start(Tag::Link { link_type, dest_url, .. }) => {
                    self.flush_text();
                    self.link(*link_type, dest_url);
                }
                Event::Start(Tag::Image { dest_url, .. }) => {
                    self.flush_text();
                    match web_url(dest_url) {
                        Some(url) => {
                            let close = format!("]({})", encode_url(url, &['(', ')', '\\']));
                            self.open_span("![".to_string(), Some(close));
                            self.in_link += 1;
                        }
                        None => self.open_span(String::new(), None),
                    }
                }
                Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link | TagEnd::Image) => {
                    self.flush_text();
                    self.close_span();
                }
                _ => {}
            }
        }
        self.flush_text();
    }

    /// The emphasis character to write for the span starting at event `index` (byte `at`): the
    /// author's, unless `_` would sit inside a word, where only `*` works.
    fn emphasis_marker(&mut self, index: usize, at: usize) -> char {
        if !self.source[at..].starts_with('_') {
            return '*';
        }
        let before = self.segment().text.chars().next_back();
        let after = match self.events.get(self.ends[index] + 1) {
            Some((Event::Text(text), _)) => text.chars().next(),
            _ => None,
        };
        if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) { '*' } else { '_' }
    }

    fn link(&mut self, link_type: LinkType, dest_url: &str) {
        match (link_type, web_url(dest_url)) {
            (LinkType::Autolink, Some(url)) => self.autolink(&format!("<{}>", encode_url(url, &[])), true),
            (LinkType::Email, _) if is_email(dest_url) => self.autolink(&format!("<{dest_url}>"), true),
            // Any other scheme is not a link rustdoc should make; it is shown as written.
            (LinkType::Autolink | LinkType::Email, _) => self.autolink(&format!("<{dest_url}>"), false),
            (_, Some(url)) => {
                // `![` would start an image.
                let segment = self.segment();
                if segment.text.ends_with('!') && !ends_with_escape(&segment.text[..segment.text.len() - 1]) {
                    let at = segment.text.len() - 1;
                    insert_escape(segment, at);
                }
                let close = format!("]({})", encode_url(url, &['(', ')', '\\']));
                self.open_span("[".to_string(), Some(close));
                self.in_link += 1;
            }
            // A relative or non-web link would be read as an intra-doc link; its text stays.
            (_, None) => self.open_span(String::new(), None),
        }
    }

    /// Writes an autolink whole, as a link (`keep`) or as escaped text, and skips its text.
    fn autolink(&mut self, written: &str, keep: bool) {
        if keep {
            self.segment().text.push_str(written);
        } else {
            self.pending.push_str(written);
        }
        self.skip_text += 1;
        self.open.push(Open { close: None, segment: 0, text_start: 0, marker_len: 0, autolink: true });
    }

    fn open_span(&mut self, marker: String, close: Option<String>) {
        let segment = self.segment();
        segment.text.push_str(&marker);
        let text_start = segment.text.len();
        let segment = self.segments.len() - 1;
        self.open.push(Open { close, segment, text_start, marker_len: marker.len(), autolink: false });
    }

    fn close_span(&mut self) {
        let Some(open) = self.open.pop() else { return };
        if open.autolink {
            self.skip_text = self.skip_text.saturating_sub(1);
        }
        let Some(close) = open.close else { return };
        if close.starts_with(']') {
            self.in_link = self.in_link.saturating_sub(1);
        }
        let same_segment = open.segment + 1 == self.segments.len();
        let segment = self.segment();
        if same_segment && segment.text.len() == open.text_start {
            // Nothing inside: the markers alone would show as text.
            segment.text.truncate(open.text_start - open.marker_len);
            return;
        }
        segment.text.push_str(&close);
    }

    /// A line break in the source, kept where that is safe; `keep` is false for a line indented
    /// as the continuation of the one before, which is joined to it.
    pub(super) fn soft_break(&mut self, keep: bool) {
        self.flush_text();
        let in_link = self.in_link > 0;
        let segment = self.segment();
        if segment.text.is_empty() || segment.text.ends_with(' ') {
            return;
        }
        if !in_link {
            if keep {
                segment.soft.push(segment.text.len());
            }
            segment.breaks.push(segment.text.len());
        }
        segment.text.push(' ');
    }

    /// Whether the line after the soft break at event `index` starts at the column of the
    /// paragraph's first line; one indented further continues a line the author wrapped.
    fn starts_like_first_line(&self, index: usize) -> bool {
        let column = |at: usize| at - self.source[..at].rfind('\n').map_or(0, |newline| newline + 1);
        match (self.events.first(), self.events.get(index + 1)) {
            (Some((_, first)), Some((_, next))) => column(next.start) <= column(first.start),
            _ => true,
        }
    }

    /// Writes a code span: as written in the source when that fits on one line, else with a
    /// fence longer than any backtick run inside it.
    fn code_span(&mut self, code: &str, written: &str) {
        let segment = self.segment();
        let fence_len = longest_run(code, '`') + 1;
        // Two code spans in a row would run their fences together, and a line starting with
        // three backticks opens a code block: both are shown as escaped text instead.
        if segment.text.ends_with('`') || (fence_len >= 3 && segment.text.is_empty()) {
            self.pending.push_str(code);
            self.flush_text();
            return;
        }
        let at_line_start = segment.text.is_empty();
        if !written.contains(['\n', '\r'])
            && written.starts_with('`')
            && written.ends_with('`')
            && !(at_line_start && written.starts_with("```"))
        {
            segment.text.push_str(written);
            return;
        }
        let fence = "`".repeat(fence_len);
        let pad = code.starts_with('`')
            || code.ends_with('`')
            || (code.starts_with(' ') && code.ends_with(' ') && !code.trim().is_empty());
        let pad = if pad { " " } else { "" };
        segment.text.push_str(&fence);
        segment.text.push_str(pad);
        segment.text.push_str(code);
        segment.text.push_str(pad);
        segment.text.push_str(&fence);
    }

    /// Escapes and writes the pending text.
    fn flush_text(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let text = std::mem::take(&mut self.pending);
        let in_link = self.in_link > 0;
        let segment = self.segment();
        write_text(&text, in_link, segment);
        self.pending = text;
        self.pending.clear();
    }

    /// Closes the bold markers of a heading, or drops them if the heading is empty.
    pub(super) fn end_heading(&mut self) {
        if self.segments.iter().all(|segment| segment.text.trim_end() == "**" || segment.text.trim().is_empty()) {
            self.segments.clear();
        } else if let Some(last) = self.segments.last_mut() {
            let trimmed = last.text.trim_end().len();
            last.text.truncate(trimmed);
            last.text.push_str("**");
        }
    }
}

/// For each `Start` event, the index of its `End` event (other entries are unused).
fn matching_ends(events: &[(Event<'_>, Range<usize>)]) -> Vec<usize> {
    let mut ends = vec![events.len(); events.len()];
    let mut open = Vec::new();
    for (index, (event, _)) in events.iter().enumerate() {
        match event {
            Event::Start(_) => open.push(index),
            Event::End(_) => {
                if let Some(start) = open.pop() {
                    ends[start] = index;
                }
            }
            _ => {}
        }
    }
    ends
}

fn is_email(address: &str) -> bool {
    address.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && !domain.is_empty()
            && local.bytes().all(|b| b.is_ascii_alphanumeric() || b".!#$%&'*+/=?^_{|}~-".contains(&b))
            && domain.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.'))
    })
}

/// Whether `text` ends in an unescaped backslash.
fn ends_with_escape(text: &str) -> bool {
    text.bytes().rev().take_while(|&b| b == b'\\').count() % 2 == 1
}

/// Inserts a backslash at byte `at` of the segment, keeping its break offsets right.
fn insert_escape(segment: &mut Segment, at: usize) {
    segment.text.insert(at, '\\');
    // Offsets are in ascending order and escapes go near the end, so only the last few move.
    for offsets in [&mut segment.breaks, &mut segment.soft] {
        for offset in offsets.iter_mut().rev().take_while(|offset| **offset >= at) {
            *offset += 1;
        }
    }
}

/// Writes plain text with everything Markdown would read as syntax escaped, and bare URLs
/// turned into autolinks (outside links). Spaces outside links are noted as places to wrap.
fn write_text(text: &str, in_link: bool, segment: &mut Segment) {
    let mut previous = segment.text.chars().next_back();
    let mut chars = text.char_indices().peekable();
    while let Some((index, ch)) = chars.next() {
        if !in_link
            && matches!(ch, 'h' | 'H')
            && let Some(len) = bare_url_len(&text[index..])
        {
            segment.text.push('<');
            segment.text.push_str(&text[index..index + len]);
            segment.text.push('>');
            while chars.peek().is_some_and(|&(next, _)| next < index + len) {
                chars.next();
            }
            previous = Some('>');
            continue;
        }
        let next = chars.peek().map(|&(_, c)| c);
        let escape = match ch {
            // A backslash escapes only punctuation, and one at the end could meet some.
            '\\' => next.is_none_or(|next| next.is_ascii_punctuation()),
            '`' | '[' | ']' | '<' | '|' | '~' => true,
            '*' => !(previous == Some(' ') && next == Some(' ')),
            '_' => !(previous.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric)),
            '&' => looks_like_character_reference(&text[index + 1..]),
            _ => false,
        };
        match ch {
            ' ' if !in_link => {
                segment.breaks.push(segment.text.len());
                segment.text.push(' ');
            }
            // A line break from a character reference is a space in a paragraph.
            '\n' | '\r' => segment.text.push(' '),
            _ => {
                if escape {
                    segment.text.push('\\');
                }
                segment.text.push(ch);
            }
        }
        previous = Some(ch);
    }
}

/// Splits the segments of a paragraph into lines: at the author's soft line breaks, or, if a line
/// would be longer than `width`, wrapped afresh. Each segment but the last ends in a hard line
/// break. A line that would start a block (a list item, a heading, a quote, …) has its first
/// character escaped, or joins the line before when it follows a soft line break.
pub(super) fn layout(mut segments: Vec<Segment>, width: usize, heading: bool) -> Vec<String> {
    for segment in &mut segments {
        let trimmed = segment.text.trim_end().len();
        segment.text.truncate(trimmed);
        segment.breaks.retain(|&offset| offset < trimmed);
        segment.soft.retain(|&offset| offset < trimmed);
        let lead = segment.text.len() - segment.text.trim_start().len();
        if lead > 0 {
            segment.text.drain(..lead);
            segment.breaks.retain_mut(|offset| offset.checked_sub(lead).map(|o| *offset = o).is_some());
            segment.soft.retain_mut(|offset| offset.checked_sub(lead).map(|o| *offset = o).is_some());
        }
    }
    segments.retain(|segment| !segment.text.is_empty());
    // The author's lines, split where a soft line break may stay one.
    let split: Vec<Vec<String>> = segments
        .iter()
        .map(|segment| {
            let mut lines = Vec::new();
            let mut start = 0;
            if !heading {
                for &space in &segment.soft {
                    let rest = &segment.text[space + 1..];
                    if space > start && !ends_with_escape(&segment.text[..space]) && continues_paragraph(rest) {
                        lines.push(segment.text[start..space].to_string());
                        start = space + 1;
                    }
                }
            }
            lines.push(segment.text[start..].to_string());
            lines
        })
        .collect();
    let too_long = split.iter().flatten().any(|line| line.chars().count() > width);
    let mut lines = Vec::new();
    for (index, (segment, author_lines)) in segments.iter().zip(split).enumerate() {
        let before = lines.len();
        if too_long {
            lines.extend(wrap(&segment.text, &segment.breaks, width));
        } else {
            lines.extend(author_lines);
        }
        // Lines after a soft break or a wrap start safely; the first one of each segment is
        // checked here, whole.
        if let Some(first) = lines.get_mut(before)
            && let Some(at) = block_start_escape(first, index == 0)
        {
            first.insert(at, '\\');
        }
        if index + 1 < segments.len()
            && let Some(last) = lines[before..].last_mut()
        {
            last.push('\\');
        }
    }
    lines
}

/// Where to put a backslash so that `line` does not start a block: at its start, or before the
/// `.` or `)` of a list number. The first line of a paragraph (`first`) can start any block; a
/// later one only what interrupts a paragraph.
fn block_start_escape(line: &str, first: bool) -> Option<usize> {
    let bytes = line.as_bytes();
    let at_start = match *bytes.first()? {
        b'>' => true,
        b'#' => {
            let level = bytes.iter().take_while(|&&b| b == b'#').count();
            level <= 6 && matches!(bytes.get(level), None | Some(b' ' | b'\t'))
        }
        b'-' | b'+' | b'*' => {
            matches!(bytes.get(1), None | Some(b' ' | b'\t')) || is_thematic_break(line) || is_setext_underline(line)
        }
        b'_' => is_thematic_break(line),
        b'=' => !first && is_setext_underline(line),
        b'`' | b'~' => line.starts_with("```") || line.starts_with("~~~"),
        b'0'..=b'9' => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            let marker = digits <= 9
                && matches!(bytes.get(digits), Some(b'.' | b')'))
                && matches!(bytes.get(digits + 1), None | Some(b' ' | b'\t'));
            let interrupts = first || line[..digits].parse::<u64>().is_ok_and(|number| number == 1);
            return (marker && interrupts).then_some(digits);
        }
        _ => false,
    };
    at_start.then_some(0)
}

/// Whether a line starting with `rest` continues the paragraph before it, rather than starting
/// a block or being read differently because of its indentation.
fn continues_paragraph(rest: &str) -> bool {
    if rest.starts_with(char::is_whitespace) || rest.is_empty() {
        return false;
    }
    if safe_line_start(rest) {
        return true;
    }
    // Read as a line of its own: the line ends at the next space at the latest for the checks
    // that need the whole line, so those are made on `rest` with a conservative answer.
    match rest.as_bytes()[0] {
        b'-' | b'+' | b'*' | b'_' | b'=' | b'`' | b'~' | b'>' | b'<' | b'|' | b':' => false,
        _ => block_start_escape(rest, false).is_none(),
    }
}

fn is_thematic_break(line: &str) -> bool {
    [b'-', b'*', b'_'].into_iter().any(|mark| {
        line.bytes().all(|b| b == mark || b == b' ' || b == b'\t') && line.bytes().filter(|&b| b == mark).count() >= 3
    })
}

fn is_setext_underline(line: &str) -> bool {
    let line = line.trim_end();
    !line.is_empty() && (line.bytes().all(|b| b == b'=') || line.bytes().all(|b| b == b'-'))
}
