//! A forgiving HTML parser for documentation: known tags become elements, anything else stays text.

/// Elements deeper than this are dropped (their text is kept), so hostile input cannot overflow
/// the stack of the recursive passes that follow.
const MAX_DEPTH: usize = 48;

/// What an element means to the converter; several HTML tag names share one meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tag {
    /// The document itself.
    Root,
    Paragraph,
    /// A block container without meaning of its own (`div`, `section`, `dl`, …).
    Division,
    Break,
    Rule,
    Bold,
    Italic,
    /// An inline element rendered as its content (`span`, `u`, DocBook `link`, …).
    Plain,
    Code,
    Preformatted,
    Anchor,
    BulletList,
    OrderedList,
    ListItem,
    DefinitionList,
    Term,
    Definition,
    Note,
    Important,
    /// `h1`–`h6` and the AWS `fullname`: rendered as a bold paragraph.
    Heading,
    Table,
    TableSection,
    Row,
    HeaderCell,
    Cell,
    /// The AWS `<examples>` and `<example>` wrappers, inside which `name`, `request` and friends
    /// are tags.
    Example,
    /// A void element with nothing to show (`img`, `wbr`).
    Ignored,
}

impl Tag {
    /// The meaning of a tag name, or `None` for names that are text (`<region>`, `<bucket-name>`).
    fn named(name: &str, in_example: bool) -> Option<Tag> {
        let tag = match name.to_ascii_lowercase().as_str() {
            "p" | "para" => Tag::Paragraph,
            "div" | "section" | "blockquote" | "center" | "caption" => Tag::Division,
            "br" => Tag::Break,
            "hr" => Tag::Rule,
            "img" | "wbr" => Tag::Ignored,
            "b" | "strong" => Tag::Bold,
            "i" | "em" | "emphasis" | "replaceable" | "var" | "cite" | "dfn" => Tag::Italic,
            "u" | "span" | "link" | "sup" | "sub" | "small" | "font" | "abbr" => Tag::Plain,
            "code" | "tt" | "kbd" | "samp" | "literal" => Tag::Code,
            "pre" | "programlisting" => Tag::Preformatted,
            "a" => Tag::Anchor,
            "ul" => Tag::BulletList,
            "ol" => Tag::OrderedList,
            "li" => Tag::ListItem,
            "dl" => Tag::DefinitionList,
            "dt" => Tag::Term,
            "dd" => Tag::Definition,
            "note" => Tag::Note,
            "important" => Tag::Important,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "fullname" => Tag::Heading,
            "table" => Tag::Table,
            "thead" | "tbody" | "tfoot" => Tag::TableSection,
            "tr" => Tag::Row,
            "th" => Tag::HeaderCell,
            "td" => Tag::Cell,
            "example" | "examples" => Tag::Example,
            "name" if in_example => Tag::Heading,
            "description" if in_example => Tag::Division,
            "request" | "response" if in_example => Tag::Preformatted,
            _ => return None,
        };
        Some(tag)
    }

    fn is_void(self) -> bool {
        matches!(self, Tag::Break | Tag::Rule | Tag::Ignored)
    }

    fn is_inline(self) -> bool {
        matches!(self, Tag::Bold | Tag::Italic | Tag::Plain | Tag::Code | Tag::Anchor | Tag::Break | Tag::Ignored)
    }

    /// Whether seeing this tag means the text is HTML rather than CommonMark.
    fn marks_html(self) -> bool {
        !matches!(self, Tag::Plain | Tag::Ignored | Tag::Root)
    }
}

/// A piece of the parsed document.
#[derive(Debug)]
pub(super) enum Node {
    /// Text with entities decoded and whitespace as written.
    Text(String),
    Element(Element),
}

/// An element with the only attributes the converter uses.
#[derive(Debug)]
pub(super) struct Element {
    pub(super) tag: Tag,
    /// `href` of an anchor, entities decoded.
    pub(super) href: Option<String>,
    /// `start` of an ordered list.
    pub(super) start: Option<u64>,
    pub(super) children: Vec<Node>,
}

impl Element {
    fn new(tag: Tag) -> Element {
        Element { tag, href: None, start: None, children: Vec::new() }
    }
}

/// Whether `doc` contains a tag that only HTML documentation uses.
///
/// A tag written between backticks (`` `<p>` ``) is someone writing about HTML in CommonMark.
pub(super) fn looks_like_html(doc: &str) -> bool {
    let bytes = doc.as_bytes();
    let mut from = 0;
    while let Some(offset) = doc[from..].find('<') {
        let lt = from + offset;
        from = lt + 1;
        let Some(tag) = read_tag(doc, lt) else { continue };
        let quoted = lt > 0 && bytes[lt - 1] == b'`' && bytes.get(tag.end) == Some(&b'`');
        if !quoted && Tag::named(tag.name, false).is_some_and(Tag::marks_html) {
            return true;
        }
    }
    false
}

/// Parses documentation HTML into a tree, never failing: what is not a known tag is text.
pub(super) fn parse(doc: &str) -> Element {
    let bytes = doc.as_bytes();
    // Inside `<code>`, block tags are shown as text when the code is closed later, because they
    // are examples (`<code>"<p>Add instructions</p>"</code>`), not structure. Found when first
    // needed, which is rarely.
    let mut last_code_close: Option<Option<usize>> = None;
    let mut tree = TreeBuilder::new();
    let mut text_start = 0;
    let mut comments_may_close = true;
    let mut from = 0;
    while let Some(offset) = doc[from..].find('<') {
        let lt = from + offset;
        from = lt + 1;
        if doc[lt..].starts_with("<!--") && comments_may_close {
            match doc[lt + 4..].find("-->") {
                Some(close) => {
                    tree.text(&doc[text_start..lt]);
                    text_start = lt + 4 + close + 3;
                    from = text_start;
                }
                None => comments_may_close = false,
            }
            continue;
        }
        let Some(raw) = read_tag(doc, lt) else { continue };
        let Some(tag) = Tag::named(raw.name, tree.example_depth > 0) else { continue };
        // `"<b>"` is a quoted example of a tag, as in `"pre_tag": "<b>"`.
        let quoted = lt > 0 && bytes[lt - 1] == b'"' && bytes.get(raw.end) == Some(&b'"');
        let code_example = tree.code_depth > 0
            && !tag.is_inline()
            && last_code_close
                .get_or_insert_with(|| last_index_ignoring_case(doc, "</code"))
                .is_some_and(|close| lt < close);
        if quoted || code_example {
            continue;
        }
        tree.text(&doc[text_start..lt]);
        text_start = raw.end;
        from = raw.end;
        if !raw.closing {
            let href = raw.href.map(decode_entities);
            let start = raw.start.and_then(|s| s.trim().parse().ok());
            tree.open(tag, href, start, raw.self_closing);
        } else if tag == Tag::Break {
            // Browsers read `</br>` as `<br>`.
            tree.open(tag, None, None, true);
        } else {
            tree.close(tag);
        }
    }
    tree.text(&doc[text_start..]);
    tree.finish()
}

/// A start or end tag as written.
struct RawTag<'a> {
    name: &'a str,
    closing: bool,
    self_closing: bool,
    href: Option<&'a str>,
    start: Option<&'a str>,
    /// Byte index just past the closing `>`.
    end: usize,
}

/// Reads the tag starting at the `<` at byte `lt`, or `None` if it is not well-formed.
///
/// The scan gives up at the next `<`, so a document full of stray `<` is still read in linear time.
fn read_tag(doc: &str, lt: usize) -> Option<RawTag<'_>> {
    let bytes = doc.as_bytes();
    let mut i = lt + 1;
    let closing = bytes.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let name_start = i;
    if !bytes.get(i)?.is_ascii_alphabetic() {
        return None;
    }
    while bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':')) {
        i += 1;
    }
    let mut tag = RawTag { name: &doc[name_start..i], closing, self_closing: false, href: None, start: None, end: 0 };
    if !matches!(bytes.get(i)?, b'>' | b'/') && !bytes[i].is_ascii_whitespace() {
        return None;
    }
    loop {
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        match *bytes.get(i)? {
            b'>' => {
                tag.end = i + 1;
                return Some(tag);
            }
            b'/' if bytes.get(i + 1) == Some(&b'>') => {
                tag.self_closing = true;
                tag.end = i + 2;
                return Some(tag);
            }
            b'/' => {
                i += 1;
                continue;
            }
            b'<' | b'"' | b'\'' | b'=' => return None,
            _ if closing => return None,
            _ => {}
        }
        let attr_start = i;
        while bytes
            .get(i)
            .is_some_and(|b| !b.is_ascii_whitespace() && !matches!(b, b'=' | b'>' | b'<' | b'/' | b'"' | b'\''))
        {
            i += 1;
        }
        let attr = &doc[attr_start..i];
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if bytes.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        let value = match *bytes.get(i)? {
            quote @ (b'"' | b'\'') => {
                let value_start = i + 1;
                let len = bytes[value_start..].iter().position(|&b| b == quote || b == b'<')?;
                if bytes[value_start + len] == b'<' {
                    return None;
                }
                i = value_start + len + 1;
                &doc[value_start..value_start + len]
            }
            _ => {
                let value_start = i;
                while bytes.get(i).is_some_and(|b| !b.is_ascii_whitespace() && !matches!(b, b'>' | b'<')) {
                    i += 1;
                }
                &doc[value_start..i]
            }
        };
        if attr.eq_ignore_ascii_case("href") {
            tag.href = Some(value);
        } else if attr.eq_ignore_ascii_case("start") {
            tag.start = Some(value);
        }
    }
}

/// Builds the element tree the way browsers do for the cases documentation runs into: end tags
/// close everything opened after their element, `<p>`, `<li>`, `<dt>`, `<dd>`, `<tr>` and `<td>`
/// close their open predecessor, and unmatched end tags are dropped.
struct TreeBuilder {
    /// Open elements; the root is at the bottom and is never popped.
    stack: Vec<Element>,
    code_depth: usize,
    example_depth: usize,
}

impl TreeBuilder {
    fn new() -> TreeBuilder {
        TreeBuilder { stack: vec![Element::new(Tag::Root)], code_depth: 0, example_depth: 0 }
    }

    fn top(&mut self) -> &mut Element {
        self.stack.last_mut().expect("the root is never popped")
    }

    fn text(&mut self, raw: &str) {
        if raw.is_empty() {
            return;
        }
        let text = decode_entities(raw);
        let top = self.top();
        match top.children.last_mut() {
            Some(Node::Text(previous)) => previous.push_str(&text),
            _ => top.children.push(Node::Text(text)),
        }
    }

    fn open(&mut self, tag: Tag, href: Option<String>, start: Option<u64>, self_closing: bool) {
        match tag {
            Tag::ListItem => self.close_open(&[Tag::ListItem], &[Tag::BulletList, Tag::OrderedList]),
            Tag::Term | Tag::Definition => {
                self.close_open(&[Tag::Term, Tag::Definition], &[Tag::DefinitionList]);
            }
            Tag::Row => self.close_open(&[Tag::Row], &[Tag::Table]),
            Tag::HeaderCell | Tag::Cell => {
                self.close_open(&[Tag::HeaderCell, Tag::Cell], &[Tag::Row, Tag::Table]);
            }
            Tag::Anchor => self.close_open(&[Tag::Anchor], &[]),
            _ => {}
        }
        if !tag.is_inline() {
            self.close_paragraph();
        }
        if self.stack.len() >= MAX_DEPTH {
            return;
        }
        let element = Element { href, start, ..Element::new(tag) };
        if tag.is_void() || self_closing {
            self.top().children.push(Node::Element(element));
        } else {
            match tag {
                Tag::Code => self.code_depth += 1,
                Tag::Example => self.example_depth += 1,
                _ => {}
            }
            self.stack.push(element);
        }
    }

    /// Closes the nearest open element with one of the `targets` tags, unless a `boundaries`
    /// element or a block element (for anchors) comes first.
    fn close_open(&mut self, targets: &[Tag], boundaries: &[Tag]) {
        for index in (1..self.stack.len()).rev() {
            let tag = self.stack[index].tag;
            if targets.contains(&tag) {
                self.pop_to(index);
                return;
            }
            if boundaries.contains(&tag) || (boundaries.is_empty() && !tag.is_inline()) {
                return;
            }
        }
    }

    /// A block element starting inside a paragraph ends the paragraph.
    fn close_paragraph(&mut self) {
        for index in (1..self.stack.len()).rev() {
            let tag = self.stack[index].tag;
            if tag == Tag::Paragraph {
                self.pop_to(index);
                return;
            }
            if !tag.is_inline() {
                return;
            }
        }
    }

    fn close(&mut self, tag: Tag) {
        if let Some(index) = self.stack.iter().rposition(|element| element.tag == tag)
            && index > 0
        {
            self.pop_to(index);
        }
    }

    /// Closes the elements at `index` and above.
    fn pop_to(&mut self, index: usize) {
        while self.stack.len() > index.max(1) {
            let Some(element) = self.stack.pop() else { return };
            match element.tag {
                Tag::Code => self.code_depth -= 1,
                Tag::Example => self.example_depth -= 1,
                _ => {}
            }
            self.top().children.push(Node::Element(element));
        }
    }

    fn finish(mut self) -> Element {
        self.pop_to(1);
        self.stack.pop().expect("the root is never popped")
    }
}

/// Byte index of the last occurrence of an ASCII `needle`, ignoring case.
fn last_index_ignoring_case(haystack: &str, needle: &str) -> Option<usize> {
    let (haystack, needle) = (haystack.as_bytes(), needle.as_bytes());
    (0..=haystack.len().checked_sub(needle.len())?)
        .rev()
        .find(|&i| haystack[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// Replaces character references (`&lt;`, `&#39;`, `&#x2014;`, …) with their characters.
///
/// Unknown names stay as written; a non-breaking space becomes a plain one because Markdown
/// output has no use for the difference.
pub(super) fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        match character_reference(after) {
            Some((ch, len)) => {
                out.push(if ch == '\u{a0}' { ' ' } else { ch });
                rest = &after[len..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character named at the start of `text` (just after a `&`) and the length of the name and `;`.
fn character_reference(text: &str) -> Option<(char, usize)> {
    let semicolon = text.bytes().take(32).position(|b| b == b';')?;
    let name = &text[..semicolon];
    let ch = if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        char::from_u32(code).filter(|&c| c != '\0').unwrap_or('\u{fffd}')
    } else {
        match name {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u{a0}',
            "ndash" => '–',
            "mdash" => '—',
            "lsquo" => '‘',
            "rsquo" => '’',
            "ldquo" => '“',
            "rdquo" => '”',
            "hellip" => '…',
            "bull" => '•',
            "middot" => '·',
            "copy" => '©',
            "reg" => '®',
            "trade" => '™',
            "times" => '×',
            "divide" => '÷',
            "deg" => '°',
            "plusmn" => '±',
            "micro" => 'µ',
            "le" => '≤',
            "ge" => '≥',
            "ne" => '≠',
            "larr" => '←',
            "rarr" => '→',
            "harr" => '↔',
            "sect" => '§',
            "para" => '¶',
            "euro" => '€',
            "pound" => '£',
            "yen" => '¥',
            "cent" => '¢',
            _ => return None,
        }
    };
    Some((ch, semicolon + 1))
}
