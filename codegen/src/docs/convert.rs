//! Turns the parsed HTML tree into Markdown blocks: styled paragraphs, lists and code blocks.

use super::html::{Element, Node, Tag};
use super::markdown::{Block, Span, Style, web_url};

/// The blocks of a parsed HTML document.
pub(super) fn blocks_from_html(root: &Element) -> Vec<Block> {
    contents(root, &Style::default())
}

/// Collects blocks; inline content accumulates into the current paragraph until a block element
/// ends it, so text directly inside `<li>` or between blocks still becomes a paragraph.
#[derive(Default)]
struct BlockWriter {
    blocks: Vec<Block>,
    /// Finished lines of the current paragraph, ended by `<br>`.
    lines: Vec<Vec<Span>>,
    line: Vec<Span>,
}

impl BlockWriter {
    /// Appends text, collapsing whitespace runs to one space as HTML does.
    fn text(&mut self, text: &str, style: &Style) {
        let mut at_space = self.line.last().is_none_or(|span| span.text.ends_with(' '));
        let mut collapsed = String::with_capacity(text.len());
        for ch in text.chars() {
            if ch.is_whitespace() {
                if !at_space {
                    collapsed.push(' ');
                    at_space = true;
                }
            } else if !ch.is_control() {
                collapsed.push(ch);
                at_space = false;
            }
        }
        if collapsed.is_empty() {
            return;
        }
        match self.line.last_mut() {
            Some(span) if span.style == *style => span.text.push_str(&collapsed),
            _ => self.line.push(Span { text: collapsed, style: style.clone() }),
        }
    }

    fn hard_break(&mut self) {
        trim_line_end(&mut self.line);
        if !self.line.is_empty() {
            self.lines.push(std::mem::take(&mut self.line));
        } else if !self.lines.is_empty() {
            // `<br><br>` leaves an empty line, which reads as a paragraph break.
            self.end_paragraph();
        }
    }

    fn end_paragraph(&mut self) {
        trim_line_end(&mut self.line);
        if !self.line.is_empty() {
            self.lines.push(std::mem::take(&mut self.line));
        }
        if !self.lines.is_empty() {
            self.blocks.push(Block::Paragraph(std::mem::take(&mut self.lines)));
        }
    }

    fn block(&mut self, block: Block) {
        self.end_paragraph();
        if !matches!(&block, Block::List { items, .. } if items.is_empty()) {
            self.blocks.push(block);
        }
    }

    fn finish(mut self) -> Vec<Block> {
        self.end_paragraph();
        self.blocks
    }
}

fn trim_line_end(line: &mut Vec<Span>) {
    while let Some(last) = line.last_mut() {
        last.text.truncate(last.text.trim_end_matches(' ').len());
        if !last.text.is_empty() {
            return;
        }
        line.pop();
    }
}

/// The blocks inside `element`.
fn contents(element: &Element, style: &Style) -> Vec<Block> {
    let mut writer = BlockWriter::default();
    write_block_element(element, style, &mut writer);
    writer.finish()
}

fn write_node(node: &Node, style: &Style, w: &mut BlockWriter) {
    match node {
        Node::Text(text) => w.text(text, style),
        Node::Element(element) => write_element(element, style, w),
    }
}

fn write_children(element: &Element, style: &Style, w: &mut BlockWriter) {
    for child in &element.children {
        write_node(child, style, w);
    }
}

fn write_element(element: &Element, style: &Style, w: &mut BlockWriter) {
    match element.tag {
        Tag::Bold => write_children(element, &bold(style), w),
        Tag::Italic if !style.code => {
            write_children(element, &Style { italic: true, ..style.clone() }, w);
        }
        Tag::Code => write_children(element, &Style { code: true, ..style.clone() }, w),
        Tag::Anchor => match element.href.as_deref().and_then(web_url) {
            Some(url) if style.link.is_none() => {
                let style = Style { link: Some(url.to_string()), ..style.clone() };
                let mut text = String::new();
                plain_text(element, &mut text);
                if text.trim().is_empty() {
                    // An empty link still shows its URL.
                    w.text(url, &style);
                } else {
                    write_children(element, &style, w);
                }
            }
            _ => write_children(element, style, w),
        },
        Tag::Italic | Tag::Plain => write_children(element, style, w),
        Tag::Break => w.hard_break(),
        Tag::Rule => w.end_paragraph(),
        Tag::Ignored => {}
        Tag::Heading | Tag::Term | Tag::HeaderCell => write_block_element(element, &bold(style), w),
        Tag::Root
        | Tag::Paragraph
        | Tag::Division
        | Tag::DefinitionList
        | Tag::Definition
        | Tag::Example
        | Tag::TableSection
        | Tag::Cell => write_block_element(element, style, w),
        Tag::Preformatted => {
            let mut text = String::new();
            plain_text(element, &mut text);
            if let Some(code) = code_block(&text) {
                w.block(Block::Code(code));
            }
        }
        Tag::BulletList | Tag::OrderedList => w.block(list(element, style)),
        Tag::ListItem => w.block(Block::List { start: None, items: vec![contents(element, style)] }),
        Tag::Note => write_callout("Note", element, style, w),
        Tag::Important => write_callout("Important", element, style, w),
        Tag::Table => write_table(element, style, w),
        Tag::Row => w.block(Block::List { start: None, items: vec![row(element, style)] }),
    }
}

fn bold(style: &Style) -> Style {
    Style { bold: !style.code || style.bold, ..style.clone() }
}

/// Writes a block element's content as paragraphs of its own; a lone multi-line `<code>` in it is
/// a code block.
fn write_block_element(element: &Element, style: &Style, w: &mut BlockWriter) {
    w.end_paragraph();
    if let Some(code) = sole_code_block(element) {
        w.block(Block::Code(code));
    } else {
        write_children(element, style, w);
        w.end_paragraph();
    }
}

/// The text of `element` as a code block, if its only content is a `<code>` laid out over lines.
///
/// Two lines without indentation are one line wrapped in the model's source, which HTML shows as
/// one line; it stays inline code.
fn sole_code_block(element: &Element) -> Option<String> {
    let mut content =
        element.children.iter().filter(|child| !matches!(child, Node::Text(text) if text.trim().is_empty()));
    let (Some(Node::Element(code)), None) = (content.next(), content.next()) else { return None };
    if code.tag != Tag::Code {
        return None;
    }
    let mut text = String::new();
    plain_text(code, &mut text);
    code_block(&text)
        .filter(|code| code.lines().count() >= 3 || code.lines().any(|line| line.starts_with(char::is_whitespace)))
}

/// Appends the text of `element` as written, with `<br>` as a line break.
fn plain_text(element: &Element, out: &mut String) {
    for child in &element.children {
        match child {
            Node::Text(text) => out.push_str(text),
            Node::Element(br) if br.tag == Tag::Break => out.push('\n'),
            Node::Element(child) => plain_text(child, out),
        }
    }
}

/// Preformatted text without blank lines around it, trailing whitespace or common indentation.
///
/// Text starting on the line of the opening tag (`<code>{`, the JSON indented below it) has a
/// first line whose indentation says nothing, so that line is dedented on its own.
fn code_block(text: &str) -> Option<String> {
    let starts_on_tag_line = !text.trim_start_matches([' ', '\t']).starts_with('\n');
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let first = lines.iter().position(|line| !line.is_empty())?;
    let last = lines.iter().rposition(|line| !line.is_empty())?;
    let lines = &lines[first..=last];
    let indent = |line: &&str| line.chars().take_while(|c| c.is_whitespace()).count();
    let first_indent = indent(&lines[0]);
    let rest_indent = lines[1..].iter().filter(|line| !line.is_empty()).map(indent).min();
    let (first_cut, rest_cut) = match rest_indent {
        Some(rest) if starts_on_tag_line && first == 0 => (first_indent, rest),
        Some(rest) => (first_indent.min(rest), first_indent.min(rest)),
        None => (first_indent, 0),
    };
    let mut code = String::with_capacity(text.len());
    for (index, line) in lines.iter().enumerate() {
        if index > 0 {
            code.push('\n');
        }
        let cut = if index == 0 { first_cut } else { rest_cut };
        code.push_str(strip_indent(line, cut));
    }
    Some(code)
}

/// `line` without up to `width` leading whitespace characters.
fn strip_indent(line: &str, width: usize) -> &str {
    let cut = line.char_indices().take_while(|&(_, c)| c.is_whitespace()).take(width).last();
    cut.map_or(line, |(index, c)| &line[index + c.len_utf8()..])
}

fn list(element: &Element, style: &Style) -> Block {
    let mut items: Vec<Vec<Block>> = Vec::new();
    // Content outside `<li>`, such as a `<ul>` nested directly in a `<ul>`, belongs to the item
    // before it.
    let mut stray = BlockWriter::default();
    for child in &element.children {
        match child {
            Node::Element(item) if item.tag == Tag::ListItem => {
                append_stray(&mut items, std::mem::take(&mut stray));
                items.push(contents(item, style));
            }
            other => write_node(other, style, &mut stray),
        }
    }
    append_stray(&mut items, stray);
    items.retain(|item| !item.is_empty());
    let start = (element.tag == Tag::OrderedList).then(|| element.start.unwrap_or(1));
    Block::List { start, items }
}

fn append_stray(items: &mut Vec<Vec<Block>>, stray: BlockWriter) {
    let blocks = stray.finish();
    if blocks.is_empty() {
        return;
    }
    match items.last_mut() {
        Some(item) => item.extend(blocks),
        None => items.push(blocks),
    }
}

/// `<note>` and `<important>`: their content with a bold label in front.
fn write_callout(label: &str, element: &Element, style: &Style, w: &mut BlockWriter) {
    let mut blocks = contents(element, style);
    if blocks.is_empty() {
        return;
    }
    let label = Span { text: format!("{label}:"), style: Style { bold: true, ..Style::default() } };
    match blocks.first_mut() {
        Some(Block::Paragraph(lines)) if !lines.is_empty() => {
            let space = Span { text: " ".to_string(), style: Style::default() };
            lines[0].splice(0..0, [label, space]);
        }
        _ => blocks.insert(0, Block::Paragraph(vec![vec![label]])),
    }
    for block in blocks {
        w.block(block);
    }
}

/// Tables become a bullet list with one item per row, cells separated by ` | `.
fn write_table(element: &Element, style: &Style, w: &mut BlockWriter) {
    w.end_paragraph();
    let mut rows = Vec::new();
    collect_rows(element, style, w, &mut rows);
    w.block(Block::List { start: None, items: rows });
}

fn collect_rows(element: &Element, style: &Style, w: &mut BlockWriter, rows: &mut Vec<Vec<Block>>) {
    for child in &element.children {
        match child {
            Node::Element(row_element) if row_element.tag == Tag::Row => rows.push(row(row_element, style)),
            Node::Element(section) if section.tag == Tag::TableSection => collect_rows(section, style, w, rows),
            Node::Element(cell) if matches!(cell.tag, Tag::HeaderCell | Tag::Cell) => {
                rows.push(row(element, style));
                return;
            }
            other => write_node(other, style, w),
        }
    }
}

/// The cells of a row as one paragraph; lists or code inside cells follow it.
fn row(element: &Element, style: &Style) -> Vec<Block> {
    let mut spans: Vec<Span> = Vec::new();
    let mut other_blocks = Vec::new();
    for child in &element.children {
        let blocks = match child {
            Node::Element(cell) if matches!(cell.tag, Tag::HeaderCell | Tag::Cell) => {
                let cell_style = if cell.tag == Tag::HeaderCell { bold(style) } else { style.clone() };
                contents(cell, &cell_style)
            }
            Node::Text(text) if text.trim().is_empty() => continue,
            other => {
                let mut writer = BlockWriter::default();
                write_node(other, style, &mut writer);
                writer.finish()
            }
        };
        let mut cell_spans = Vec::new();
        for block in blocks {
            match block {
                Block::Paragraph(lines) => {
                    for line in lines {
                        if !cell_spans.is_empty() {
                            cell_spans.push(Span { text: " ".to_string(), style: Style::default() });
                        }
                        cell_spans.extend(line);
                    }
                }
                other => other_blocks.push(other),
            }
        }
        if !cell_spans.is_empty() {
            if !spans.is_empty() {
                spans.push(Span { text: " | ".to_string(), style: Style::default() });
            }
            spans.extend(cell_spans);
        }
    }
    let mut blocks = Vec::new();
    if !spans.is_empty() {
        blocks.push(Block::Paragraph(vec![spans]));
    }
    blocks.extend(other_blocks);
    blocks
}
