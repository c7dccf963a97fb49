//! Rewrites CommonMark documentation, read by pulldown-cmark, as Markdown rustdoc reads as meant.
//!
//! pulldown-cmark is the parser rustdoc itself uses, so the structure read here (paragraphs,
//! lists, quotes, code, links) is the structure rustdoc would see. The writer then puts that
//! structure back into Markdown, keeping the author's choices where they are safe (soft line
//! breaks, `*` or `_` emphasis, `~~~` fences, code spans as written) and changing what rustdoc
//! would misread.

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

use super::markdown::{MIN_WIDTH, WIDTH, longest_run};

mod inline;

use inline::{InlineWriter, layout};

/// Lists and quotes nested deeper than this are written at this depth, so that hostile input
/// (`- - - - …`) cannot make lines of unbounded indentation.
const MAX_DEPTH: usize = 16;

/// Rewrites CommonMark so that rustdoc shows it as the author meant, minus what rustdoc would
/// misread: code blocks are never Rust, links go only to absolute URLs, stray brackets, `<` and
/// backticks are escaped, bare URLs become autolinks and headings become bold paragraphs.
///
/// Lines are indented by the structure pulldown-cmark read (list items at their parent's content
/// column), never by the author's spaces, so rustdoc cannot read the result differently, for
/// example as an indented code block.
pub(super) fn sanitize(doc: &str) -> Vec<String> {
    let doc = dedent(doc);
    let events: Vec<(Event<'_>, Range<usize>)> = Parser::new_ext(&doc, Options::empty()).into_offset_iter().collect();
    let mut writer = Writer::new(&doc, &events);
    writer.write();
    writer.out
}

/// `doc` without the indentation common to all its non-blank lines, which documentation
/// comments often carry and which would otherwise make the whole text an indented code block.
fn dedent(doc: &str) -> Cow<'_, str> {
    let mut common = usize::MAX;
    for line in doc.split('\n') {
        let mut column = 0;
        for byte in line.bytes() {
            match byte {
                b' ' => column += 1,
                b'\t' => column += 4 - column % 4,
                _ => {
                    if column == 0 {
                        return Cow::Borrowed(doc);
                    }
                    common = common.min(column);
                    break;
                }
            }
        }
    }
    if common == usize::MAX {
        return Cow::Borrowed(doc);
    }
    let mut out = String::with_capacity(doc.len());
    for (index, line) in doc.split('\n').enumerate() {
        if index > 0 {
            out.push('\n');
        }
        let mut column = 0;
        let mut cut = 0;
        for byte in line.bytes() {
            if column >= common {
                break;
            }
            match byte {
                b' ' => column += 1,
                b'\t' => column += 4 - column % 4,
                _ => break,
            }
            cut += 1;
        }
        if cut == line.len() {
            continue;
        }
        // A tab reaching past the common indentation leaves its extra columns as spaces.
        out.extend(std::iter::repeat_n(' ', column.saturating_sub(common)));
        out.push_str(&line[cut..]);
    }
    Cow::Owned(out)
}

/// What a block written in a container was, for deciding what may follow it directly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Written {
    /// A paragraph directly in a tight list item (no blank line around it).
    TightParagraph,
    Paragraph,
    Code,
    Rule,
    Quote,
    /// A list and its marker (`-`, `+`, `*`, or `.` / `)` for numbered lists).
    List(char),
}

/// A block that holds other blocks and puts a prefix before each of their lines.
struct Container {
    kind: ContainerKind,
    /// Whether its first line has been written; list items put their marker on that one.
    started: bool,
    /// The last block written directly in it.
    last: Option<Written>,
}

enum ContainerKind {
    /// The document itself.
    Root,
    Quote,
    /// A list item: its marker (`- `, `12. `) and whether its list is tight.
    Item {
        marker: String,
        tight: bool,
    },
}

/// A list being written.
struct List {
    /// The next number, for numbered lists.
    number: Option<u64>,
    marker: char,
    tight: bool,
    items: usize,
}

/// Writes the events of a whole document as lines.
struct Writer<'a> {
    source: &'a str,
    events: &'a [(Event<'a>, Range<usize>)],
    /// Whether the list starting at each event index is tight (no paragraphs in its items).
    tight: Vec<bool>,
    containers: Vec<Container>,
    lists: Vec<List>,
    /// For each open list, item or quote, whether it was opened as a container (false beyond
    /// `MAX_DEPTH`).
    opened: Vec<bool>,
    out: Vec<String>,
}

impl<'a> Writer<'a> {
    fn new(source: &'a str, events: &'a [(Event<'a>, Range<usize>)]) -> Writer<'a> {
        Writer {
            source,
            events,
            tight: tight_lists(events),
            containers: vec![Container { kind: ContainerKind::Root, started: true, last: None }],
            lists: Vec::new(),
            opened: Vec::new(),
            out: Vec::new(),
        }
    }

    fn write(&mut self) {
        let events = self.events;
        let mut index = 0;
        while index < events.len() {
            let (event, range) = &events[index];
            index += 1;
            match event {
                Event::Start(Tag::Paragraph) => {
                    let end = find_end(events, index, |end| matches!(end, TagEnd::Paragraph));
                    self.paragraph(&events[index..end], Written::Paragraph, false);
                    index = end + 1;
                }
                Event::Start(Tag::Heading { .. }) => {
                    let end = find_end(events, index, |end| matches!(end, TagEnd::Heading(_)));
                    self.paragraph(&events[index..end], Written::Paragraph, true);
                    index = end + 1;
                }
                Event::Start(Tag::CodeBlock(kind)) => {
                    let end = find_end(events, index, |end| matches!(end, TagEnd::CodeBlock));
                    self.code_block(kind, range.start, &events[index..end]);
                    index = end + 1;
                }
                Event::Start(Tag::HtmlBlock) => {
                    let end = find_end(events, index, |end| matches!(end, TagEnd::HtmlBlock));
                    self.html_block(&events[index..end]);
                    index = end + 1;
                }
                Event::Start(Tag::BlockQuote(_)) => {
                    self.begin_block(Written::Quote);
                    self.open(ContainerKind::Quote);
                    // A quote with nothing in it still shows as one.
                    if matches!(events.get(index), Some((Event::End(TagEnd::BlockQuote(_)), _))) {
                        self.emit("");
                    }
                }
                Event::Start(Tag::List(start)) => {
                    let marker = self.list_marker(*start, range.start);
                    let interrupts = (start.is_none() || *start == Some(1))
                        && !matches!(events.get(index + 1), Some((Event::End(TagEnd::Item), _)));
                    self.begin_list(Written::List(marker), interrupts);
                    let tight = self.tight[index - 1];
                    self.lists.push(List { number: *start, marker, tight, items: 0 });
                }
                Event::Start(Tag::Item) => self.item(),
                Event::End(TagEnd::Item) => {
                    // An empty item is its marker alone.
                    if self.opened.last() == Some(&true) && self.containers.last().is_some_and(|item| !item.started) {
                        self.emit("");
                    }
                    self.close();
                }
                Event::End(TagEnd::BlockQuote(_)) => {
                    self.close();
                }
                Event::End(TagEnd::List(_)) => {
                    self.lists.pop();
                }
                Event::Rule => {
                    self.begin_block(Written::Rule);
                    // `* ***` would be one thematic break rather than an item holding one.
                    let rule = if self.prefix(false).ends_with("* ") { "---" } else { "***" };
                    self.emit(rule);
                }
                _ if is_inline(event) => {
                    // Text directly in an item is the paragraph of a tight list.
                    let end = (index..events.len()).find(|&i| !is_inline(&events[i].0)).unwrap_or(events.len());
                    self.paragraph(&events[index - 1..end], Written::TightParagraph, false);
                    index = end;
                }
                // Tables, footnotes and the other extensions are not enabled, so nothing else
                // carries text.
                _ => {}
            }
        }
    }

    /// The marker character of the list starting at byte `at` of the source; a list right after
    /// another with the same marker would merge with it, so it takes the other marker.
    fn list_marker(&self, start: Option<u64>, at: usize) -> char {
        let source = self.source[at..].trim_start();
        let written = match start {
            Some(_) => source.trim_start_matches(|c: char| c.is_ascii_digit()).chars().next(),
            None => source.chars().next(),
        };
        let marker = written.filter(|c| matches!(c, '-' | '+' | '*' | '.' | ')'));
        let marker = marker.unwrap_or(if start.is_some() { '.' } else { '-' });
        let previous = self.containers.last().and_then(|container| container.last);
        match previous {
            Some(Written::List(previous)) if previous == marker => match marker {
                '.' => ')',
                ')' => '.',
                '-' => '*',
                _ => '-',
            },
            _ => marker,
        }
    }

    fn item(&mut self) {
        let Some(list) = self.lists.last_mut() else { return };
        let (tight, items) = (list.tight, list.items);
        let marker = item_marker(list.number, list.marker);
        list.items += 1;
        if let Some(number) = &mut list.number {
            // CommonMark list numbers have at most nine digits.
            *number = (*number + 1).min(999_999_999);
        }
        if items > 0 && !tight {
            self.blank();
        }
        let depth = self.containers.len();
        self.opened.push(depth <= MAX_DEPTH);
        if depth <= MAX_DEPTH {
            self.containers.push(Container { kind: ContainerKind::Item { marker, tight }, started: false, last: None });
        }
    }

    fn open(&mut self, kind: ContainerKind) {
        let open = self.containers.len() <= MAX_DEPTH;
        self.opened.push(open);
        if open {
            self.containers.push(Container { kind, started: false, last: None });
        }
    }

    /// Closes the innermost list item or quote, returning it if it was a container.
    fn close(&mut self) -> Option<Container> {
        if self.opened.pop()? && self.containers.len() > 1 { self.containers.pop() } else { None }
    }

    /// Separates a new block from the one before it in the same container: by a blank line,
    /// except in a tight list item where the new block can follow directly.
    fn begin_block(&mut self, block: Written) {
        self.separate(block, matches!(block, Written::Code | Written::Quote | Written::Rule));
    }

    fn begin_list(&mut self, block: Written, interrupts: bool) {
        self.separate(block, interrupts);
    }

    fn separate(&mut self, block: Written, interrupts_paragraph: bool) {
        let Some(container) = self.containers.last_mut() else { return };
        let previous = container.last.replace(block);
        let tight = matches!(container.kind, ContainerKind::Item { tight: true, .. });
        let direct = match previous {
            None => true,
            Some(Written::TightParagraph) => tight && interrupts_paragraph,
            // A closing fence or a rule ends its block; anything else would continue a lazy
            // paragraph or list item.
            Some(Written::Code | Written::Rule) => tight,
            Some(_) => false,
        };
        if !direct {
            self.blank();
        }
    }

    /// The prefix of the next line: quote markers, and list markers (on an item's first line)
    /// or indentation; `blank` for a blank line, which never carries a list marker.
    fn prefix(&self, blank: bool) -> String {
        let mut prefix = String::new();
        for (index, container) in self.containers.iter().enumerate() {
            match &container.kind {
                ContainerKind::Root => {}
                ContainerKind::Quote => {
                    prefix.push('>');
                    let nested_quote =
                        self.containers.get(index + 1).is_some_and(|next| matches!(next.kind, ContainerKind::Quote));
                    if !nested_quote {
                        prefix.push(' ');
                    }
                }
                ContainerKind::Item { marker, .. } if !container.started && !blank => prefix.push_str(marker),
                ContainerKind::Item { marker, .. } => {
                    prefix.extend(std::iter::repeat_n(' ', marker.len()));
                }
            }
        }
        prefix
    }

    fn mark_started(&mut self) {
        for container in &mut self.containers {
            container.started = true;
        }
    }

    /// Writes one line of the innermost container.
    fn emit(&mut self, line: &str) {
        let mut prefixed = self.prefix(false);
        prefixed.push_str(line);
        self.mark_started();
        self.out.push(prefixed);
    }

    /// A blank line inside the current containers (`>` inside a quote).
    fn blank(&mut self) {
        let prefix = self.prefix(true);
        self.out.push(prefix.trim_end().to_string());
    }

    /// The room left for text on a line after the containers' prefixes.
    fn width(&self) -> usize {
        WIDTH.saturating_sub(self.prefix(true).chars().count()).max(MIN_WIDTH)
    }

    /// Writes a paragraph, a heading (as a bold paragraph) or the text of a tight list item.
    fn paragraph(&mut self, events: &[(Event<'_>, Range<usize>)], block: Written, heading: bool) {
        let mut inline = InlineWriter::new(self.source, events);
        if heading {
            inline.start_heading();
        }
        inline.write_all();
        if heading {
            inline.end_heading();
        }
        self.write_lines(layout(inline.take_segments(), self.width(), heading), block);
    }

    /// Writes a code block fenced with the author's fence character (or backticks) and a
    /// language rustdoc does not compile.
    fn code_block(&mut self, kind: &CodeBlockKind<'_>, at: usize, events: &[(Event<'_>, Range<usize>)]) {
        let mut code = String::new();
        for (event, _) in events {
            if let Event::Text(text) = event {
                code.push_str(text);
            }
        }
        let code = code.strip_suffix('\n').unwrap_or(&code);
        if code.trim().is_empty() {
            return;
        }
        let (ch, language) = match kind {
            CodeBlockKind::Fenced(info) => {
                let ch = if self.source[at..].trim_start().starts_with('~') { '~' } else { '`' };
                (ch, code_language(info))
            }
            CodeBlockKind::Indented => ('`', "text"),
        };
        // Longer than any run of its character in the code, so no line of it can close it.
        let fence = ch.to_string().repeat(longest_run(code, ch).max(2) + 1);
        self.begin_block(Written::Code);
        self.emit(&format!("{fence}{language}"));
        for line in code.split('\n') {
            if line.trim().is_empty() { self.blank() } else { self.emit(line) }
        }
        self.emit(&fence);
    }

    /// An HTML block is shown as the text it is written as, without its comments, which no
    /// reader of the rendered documentation would see.
    fn html_block(&mut self, events: &[(Event<'_>, Range<usize>)]) {
        let mut html = String::new();
        for (event, _) in events {
            if let Event::Html(text) | Event::Text(text) = event {
                html.push_str(text);
            }
        }
        let text = strip_comments(&html);
        // Each run of non-blank lines is a paragraph of plain text.
        let mut inline = InlineWriter::new(self.source, &[]);
        for line in text.lines().map(str::trim).chain([""]) {
            if line.is_empty() {
                let segments = inline.take_segments();
                self.write_lines(layout(segments, self.width(), false), Written::Paragraph);
                continue;
            }
            inline.soft_break(true);
            inline.text(line);
        }
    }

    /// Writes the lines of a paragraph as a block, unless there are none.
    fn write_lines(&mut self, lines: Vec<String>, block: Written) {
        if lines.is_empty() {
            return;
        }
        self.begin_block(block);
        for line in lines {
            self.emit(&line);
        }
    }
}

/// An item's marker and the space after it.
fn item_marker(number: Option<u64>, marker: char) -> String {
    match number {
        Some(number) => format!("{number}{marker} "),
        None => format!("{marker} "),
    }
}

/// The index of the first `End` event after `from` that `is_end` accepts (or the end of the
/// events, which pulldown-cmark never lets happen).
fn find_end(events: &[(Event<'_>, Range<usize>)], from: usize, is_end: impl Fn(&TagEnd) -> bool) -> usize {
    (from..events.len()).find(|&i| matches!(&events[i].0, Event::End(end) if is_end(end))).unwrap_or(events.len())
}

/// For every event index, whether the list starting there is tight: pulldown-cmark writes the
/// text of a tight list's items without paragraphs around it.
fn tight_lists(events: &[(Event<'_>, Range<usize>)]) -> Vec<bool> {
    let mut tight = vec![true; events.len()];
    // Open lists (by event index) and whether the innermost open block is an item.
    let mut lists: Vec<usize> = Vec::new();
    let mut in_item: Vec<bool> = Vec::new();
    for (index, (event, _)) in events.iter().enumerate() {
        match event {
            Event::Start(Tag::List(_)) => {
                lists.push(index);
                in_item.push(false);
            }
            Event::End(TagEnd::List(_)) => {
                lists.pop();
                in_item.pop();
            }
            Event::Start(Tag::Item) => in_item.push(true),
            Event::Start(Tag::Paragraph) if in_item.last() == Some(&true) => {
                if let Some(&list) = lists.last() {
                    tight[list] = false;
                }
                in_item.push(false);
            }
            Event::Start(_) => in_item.push(false),
            Event::End(_) => {
                in_item.pop();
            }
            _ => {}
        }
    }
    tight
}

fn is_inline(event: &Event<'_>) -> bool {
    match event {
        Event::Text(_) | Event::Code(_) | Event::InlineHtml(_) | Event::SoftBreak | Event::HardBreak => true,
        Event::Start(tag) => matches!(
            tag,
            Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript
                | Tag::Link { .. }
                | Tag::Image { .. }
        ),
        Event::End(end) => matches!(
            end,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::Link
                | TagEnd::Image
        ),
        _ => false,
    }
}

/// `html` without `<!-- … -->` comments; an unclosed comment hides the rest, as in a browser.
fn strip_comments(html: &str) -> Cow<'_, str> {
    if !html.contains("<!--") {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find("<!--") {
        out.push_str(&rest[..open]);
        match rest[open + 4..].find("-->") {
            Some(close) => rest = &rest[open + 4 + close + 3..],
            None => rest = "",
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The language to put on a code block: the author's, unless it is missing or rustdoc would
/// compile and test the block.
pub(super) fn code_language(info: &str) -> &str {
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
