//! Splits IDL text into tokens, decoding string literals and collecting the documentation
//! comments that precede each token. Whitespace, commas and comments are not tokens: each
//! token records whether a line break, or any separator at all, came before it.

use crate::reporter::Reporter;
use crate::text::{dedent_text_block, unescape};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tok {
    /// An identifier, or anything shaped like a shape id (`a.b#C$d`).
    Word,
    Number,
    /// A quoted string; its decoded value is in `Lexed::strings`.
    Str,
    /// A text block; its decoded value is in `Lexed::strings`.
    TextBlock,
    At,
    Dollar,
    Colon,
    /// `:=`
    Walrus,
    Equals,
    LParen,
    RParen,
    LBrace,
    RBrace,
    LBracket,
    RBracket,
    Eof,
}

impl Tok {
    pub fn describe(self) -> &'static str {
        match self {
            Tok::Word => "an identifier",
            Tok::Number => "a number",
            Tok::Str => "a string",
            Tok::TextBlock => "a text block",
            Tok::At => "`@`",
            Tok::Dollar => "`$`",
            Tok::Colon => "`:`",
            Tok::Walrus => "`:=`",
            Tok::Equals => "`=`",
            Tok::LParen => "`(`",
            Tok::RParen => "`)`",
            Tok::LBrace => "`{`",
            Tok::RBrace => "`}`",
            Tok::LBracket => "`[`",
            Tok::RBracket => "`]`",
            Tok::Eof => "the end of the file",
        }
    }
}

/// The `value` of a number token the lexer found malformed and reported.
pub(crate) const MALFORMED: usize = 1;

#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    pub kind: Tok,
    /// Byte offsets of the token in the source.
    pub start: usize,
    pub end: usize,
    /// A newline or a comment separates this token from the previous one (the `BR`
    /// production), or this is the first token.
    pub line_break_before: bool,
    /// Some whitespace, comma or comment separates this token from the previous one.
    pub space_before: bool,
    /// Index in `Lexed::docs` of the documentation comment right before this token.
    pub docs: Option<usize>,
    /// Index in `Lexed::strings` of the value of a string or text block; for a number,
    /// [`MALFORMED`] when the lexer has already reported it.
    pub value: usize,
}

pub(crate) struct Lexed {
    pub tokens: Vec<Token>,
    pub strings: Vec<String>,
    /// Documentation comments: the text, and the offset of its first `///`.
    pub docs: Vec<(String, usize)>,
}

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_ident_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

struct Lexer<'a, 'r> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
    file: usize,
    reporter: &'r mut Reporter<'a>,
    out: Lexed,
    pending_docs: Vec<&'a str>,
    /// The offset of the first line of `pending_docs`.
    pending_docs_at: usize,
    line_break: bool,
    space: bool,
    /// Whether a token already started on the current line: `///` is a documentation
    /// comment only when it is the first thing on its line.
    line_has_token: bool,
    /// The end of the last unexpected character reported, to report a run of them once.
    last_bad_char_end: usize,
}

/// Tokenises `src`, the text of file number `file`, reporting lexical errors.
pub(crate) fn lex<'a>(src: &'a str, file: usize, reporter: &mut Reporter<'a>) -> Lexed {
    let mut lexer = Lexer {
        src,
        bytes: src.as_bytes(),
        pos: 0,
        file,
        reporter,
        out: Lexed { tokens: Vec::with_capacity(src.len() / 4), strings: Vec::new(), docs: Vec::new() },
        pending_docs: Vec::new(),
        pending_docs_at: 0,
        line_break: true,
        space: false,
        line_has_token: false,
        last_bad_char_end: usize::MAX,
    };
    if src.starts_with('\u{feff}') {
        lexer.pos = 3;
    }
    lexer.run();
    lexer.out
}

impl<'a> Lexer<'a, '_> {
    fn error(&mut self, offset: usize, message: impl Into<String>) {
        self.reporter.error(self.file, offset, message);
    }

    fn peek_at(&self, offset: usize) -> Option<u8> {
        self.bytes.get(self.pos + offset).copied()
    }

    fn push(&mut self, kind: Tok, start: usize, value: usize) {
        let docs = if self.pending_docs.is_empty() {
            None
        } else {
            self.out.docs.push((self.pending_docs.join("\n"), self.pending_docs_at));
            self.pending_docs.clear();
            Some(self.out.docs.len() - 1)
        };
        self.out.tokens.push(Token {
            kind,
            start,
            end: self.pos,
            line_break_before: self.line_break,
            space_before: self.space,
            docs,
            value,
        });
        self.line_break = false;
        self.space = false;
        self.line_has_token = true;
    }

    fn run(&mut self) {
        while let Some(b) = self.peek_at(0) {
            if self.reporter.is_full(self.file) {
                self.pos = self.bytes.len();
                break;
            }
            let start = self.pos;
            match b {
                b' ' | b'\t' | b',' | b'\r' => {
                    self.pos += 1;
                    self.space = true;
                }
                b'\n' => {
                    self.pos += 1;
                    self.space = true;
                    self.line_break = true;
                    self.line_has_token = false;
                }
                b'/' if self.peek_at(1) == Some(b'/') => self.comment(),
                b'"' => self.string(),
                b'-' | b'0'..=b'9' => self.number(),
                b if is_ident_start(b) => self.word(),
                b'@' => self.single(Tok::At),
                b'$' => self.single(Tok::Dollar),
                b'=' => self.single(Tok::Equals),
                b'(' => self.single(Tok::LParen),
                b')' => self.single(Tok::RParen),
                b'{' => self.single(Tok::LBrace),
                b'}' => self.single(Tok::RBrace),
                b'[' => self.single(Tok::LBracket),
                b']' => self.single(Tok::RBracket),
                b':' => {
                    if self.peek_at(1) == Some(b'=') {
                        self.pos += 2;
                        self.push(Tok::Walrus, start, 0);
                    } else {
                        self.single(Tok::Colon);
                    }
                }
                _ => {
                    let c = self.src.get(start..).and_then(|s| s.chars().next());
                    let len = c.map_or(1, char::len_utf8);
                    if start != self.last_bad_char_end {
                        let shown = c.map_or_else(String::new, |c| c.escape_debug().to_string());
                        self.error(start, format!("unexpected character `{shown}`"));
                    }
                    self.pos += len;
                    self.last_bad_char_end = self.pos;
                    self.space = true;
                }
            }
        }
        let end = self.bytes.len();
        self.pos = end;
        self.line_break = true;
        self.push(Tok::Eof, end, 0);
    }

    fn single(&mut self, kind: Tok) {
        let start = self.pos;
        self.pos += 1;
        self.push(kind, start, 0);
    }

    fn comment(&mut self) {
        let start = self.pos;
        let end = self
            .bytes
            .get(start..)
            .unwrap_or_default()
            .iter()
            .position(|&b| b == b'\n')
            .map_or(self.bytes.len(), |n| start + n);
        let is_doc = !self.line_has_token && self.bytes.get(start + 2) == Some(&b'/');
        if is_doc {
            let text = self.src.get(start + 3..end).unwrap_or("");
            let text = text.strip_suffix('\r').unwrap_or(text);
            let text = text.strip_prefix(' ').unwrap_or(text);
            if self.pending_docs.is_empty() {
                self.pending_docs_at = start;
            }
            self.pending_docs.push(text);
        }
        self.pos = end;
        self.space = true;
        self.line_break = true;
    }

    fn word(&mut self) {
        let start = self.pos;
        self.eat_identifier();
        while self.peek_at(0) == Some(b'.') && self.peek_at(1).is_some_and(is_ident_start) {
            self.pos += 1;
            self.eat_identifier();
        }
        if self.peek_at(0) == Some(b'#') && self.peek_at(1).is_some_and(is_ident_start) {
            self.pos += 1;
            self.eat_identifier();
        }
        if self.peek_at(0) == Some(b'$') && self.peek_at(1).is_some_and(is_ident_start) {
            self.pos += 1;
            self.eat_identifier();
        }
        self.push(Tok::Word, start, 0);
    }

    fn eat_identifier(&mut self) {
        while self.peek_at(0).is_some_and(is_ident_char) {
            self.pos += 1;
        }
    }

    fn eat_digits(&mut self) -> usize {
        let start = self.pos;
        while self.peek_at(0).is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) {
        let start = self.pos;
        let mut ok = true;
        if self.peek_at(0) == Some(b'-') {
            self.pos += 1;
        }
        let int_start = self.pos;
        let digits = self.eat_digits();
        if digits == 0 {
            self.error(start, "expected a digit after `-`");
            ok = false;
        } else if digits > 1 && self.bytes.get(int_start) == Some(&b'0') {
            self.error(start, "numbers cannot have leading zeros");
            ok = false;
        }
        if self.peek_at(0) == Some(b'.') {
            self.pos += 1;
            if self.eat_digits() == 0 && ok {
                self.error(start, "expected a digit after the decimal point");
                ok = false;
            }
        }
        if matches!(self.peek_at(0), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek_at(0), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if self.eat_digits() == 0 && ok {
                self.error(start, "expected a digit in the exponent");
                ok = false;
            }
        }
        if self.peek_at(0).is_some_and(is_ident_char) {
            while self.peek_at(0).is_some_and(is_ident_char) {
                self.pos += 1;
            }
            if ok {
                self.error(start, "invalid number");
                ok = false;
            }
        }
        self.push(Tok::Number, start, if ok { 0 } else { MALFORMED });
    }

    fn string(&mut self) {
        if self.bytes.get(self.pos..self.pos + 3) == Some(b"\"\"\"") {
            self.text_block();
            return;
        }
        let start = self.pos;
        let body_start = start + 1;
        let mut i = body_start;
        let end = loop {
            match self.bytes.get(i) {
                None => break None,
                Some(b'"') => break Some(i),
                Some(b'\\') => i += 2,
                Some(_) => i += 1,
            }
        };
        let body_end = end.unwrap_or(self.bytes.len()).min(self.bytes.len());
        let raw = self.src.get(body_start..body_end).unwrap_or("");
        let mut errors = Vec::new();
        let value = unescape(raw, &mut errors);
        for (at, message) in errors {
            self.error(body_start + at, message);
        }
        match end {
            Some(end) => self.pos = end + 1,
            None => {
                self.error(start, "unterminated string: missing the closing `\"`");
                self.pos = self.bytes.len();
            }
        }
        self.out.strings.push(value);
        let index = self.out.strings.len() - 1;
        self.push(Tok::Str, start, index);
    }

    fn text_block(&mut self) {
        let start = self.pos;
        let open_end = start + 3;
        let mut i = open_end;
        let close = loop {
            match self.bytes.get(i) {
                None => break None,
                Some(b'\\') => i += 2,
                Some(b'"') if self.bytes.get(i..i + 3) == Some(b"\"\"\"") => break Some(i),
                Some(_) => i += 1,
            }
        };
        let body_end = close.unwrap_or(self.bytes.len()).min(self.bytes.len());
        let raw = self.src.get(open_end..body_end).unwrap_or("");
        // The opening delimiter must be followed by optional spaces and a line break.
        let after_spaces = raw.trim_start_matches([' ', '\t']);
        let content_offset = raw.len() - after_spaces.len();
        let content = if let Some(rest) = after_spaces.strip_prefix('\n') {
            Some((rest, open_end + content_offset + 1))
        } else {
            after_spaces.strip_prefix("\r\n").map(|rest| (rest, open_end + content_offset + 2))
        };
        let value = match content {
            Some((content, content_start)) => {
                let mut errors = Vec::new();
                unescape(content, &mut errors);
                for (at, message) in errors {
                    self.error(content_start + at, message);
                }
                let normalised = content.replace("\r\n", "\n").replace('\r', "\n");
                unescape(&dedent_text_block(&normalised), &mut Vec::new())
            }
            None => {
                if close.is_some() {
                    self.error(start, "a text block must start with a line break after the opening `\"\"\"`");
                }
                String::new()
            }
        };
        match close {
            Some(close) => self.pos = close + 3,
            None => {
                self.error(start, "unterminated text block: missing the closing `\"\"\"`");
                self.pos = self.bytes.len();
            }
        }
        self.out.strings.push(value);
        let index = self.out.strings.len() - 1;
        self.push(Tok::TextBlock, start, index);
    }
}
