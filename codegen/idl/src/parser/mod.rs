//! Recursive-descent parser for the IDL: the control, metadata and shape sections, with
//! error recovery at statement boundaries. Shape bodies and node values live in the
//! submodules.

mod node;
mod shapes;

use crate::ast::{ApplyDecl, IdRef, MetadataDecl, ModelFile, Node, NodeKind, TraitUse};
use crate::lexer::{Lexed, Tok, Token, lex};
use crate::reporter::Reporter;
use smithy_core::ShapeType;
use smithy_core::shape_id::{ShapeIdParts, is_identifier, is_namespace};

/// Marks a failed parse whose error has already been reported.
#[derive(Debug)]
pub(crate) struct Failed;

pub(crate) type PResult<T> = Result<T, Failed>;

/// The prelude id of the documentation trait that `///` comments apply.
pub(crate) const DOCUMENTATION: &str = "smithy.api#documentation";

/// Parses file number `file`, reporting every error found. The returned model holds
/// whatever could be parsed.
pub(crate) fn parse<'a>(src: &'a str, file: usize, reporter: &mut Reporter<'a>) -> ModelFile {
    let lexed = lex(src, file, reporter);
    let eof = lexed.tokens.last().copied().unwrap_or(Token {
        kind: Tok::Eof,
        start: src.len(),
        end: src.len(),
        line_break_before: true,
        space_before: true,
        docs: None,
        value: 0,
    });
    let mut parser = Parser {
        src,
        lexed,
        eof,
        pos: 0,
        file,
        reporter,
        last_error_at: None,
        depth: 0,
        control_keys: std::collections::HashSet::new(),
        input_suffix: "Input".to_string(),
        output_suffix: "Output".to_string(),
        model: ModelFile::default(),
    };
    parser.file();
    parser.model
}

pub(crate) struct Parser<'a, 'r> {
    src: &'a str,
    lexed: Lexed,
    eof: Token,
    pos: usize,
    file: usize,
    reporter: &'r mut Reporter<'a>,
    last_error_at: Option<usize>,
    /// Nesting depth of node values, capped so that hostile input cannot overflow the stack.
    depth: usize,
    /// The control statements seen so far, each allowed once.
    control_keys: std::collections::HashSet<String>,
    input_suffix: String,
    output_suffix: String,
    model: ModelFile,
}

/// Where the parser is in the file, to report statements that come out of order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Section {
    Control,
    Metadata,
    Uses,
    Shapes,
}

const STATEMENT_KEYWORDS: &[&str] = &["metadata", "namespace", "use", "apply"];

impl<'a> Parser<'a, '_> {
    // ----- Token access -----

    fn peek(&self) -> Token {
        self.lexed.tokens.get(self.pos).copied().unwrap_or(self.eof)
    }

    fn peek_nth(&self, n: usize) -> Token {
        self.lexed.tokens.get(self.pos + n).copied().unwrap_or(self.eof)
    }

    fn advance(&mut self) -> Token {
        let token = self.peek();
        if token.kind != Tok::Eof {
            self.pos += 1;
        }
        token
    }

    fn text(&self, token: Token) -> &'a str {
        self.src.get(token.start..token.end).unwrap_or("")
    }

    fn is_word(&self, token: Token, word: &str) -> bool {
        token.kind == Tok::Word && self.text(token) == word
    }

    /// The decoded value of a string or text block token.
    fn string_value(&mut self, token: Token) -> String {
        self.lexed.strings.get_mut(token.value).map(std::mem::take).unwrap_or_default()
    }

    /// The documentation comment before a token, and where it starts.
    fn docs(&self, token: Token) -> Option<(String, usize)> {
        token.docs.and_then(|i| self.lexed.docs.get(i)).cloned()
    }

    /// Describes a token for "expected X, found Y" messages.
    fn found(&self, token: Token) -> String {
        match token.kind {
            Tok::Word | Tok::Number => format!("`{}`", self.text(token)),
            kind => kind.describe().to_string(),
        }
    }

    // ----- Errors -----

    /// Reports an error, unless one was already reported at the same place: a second
    /// message about the same token is noise from recovery.
    fn error(&mut self, at: usize, message: impl Into<String>) -> Failed {
        if self.last_error_at != Some(at) {
            self.reporter.error(self.file, at, message);
            self.last_error_at = Some(at);
        }
        Failed
    }

    fn unexpected(&mut self, token: Token, expected: &str) -> Failed {
        let message = format!("expected {expected}, found {}", self.found(token));
        self.error(token.start, message)
    }

    fn expect(&mut self, kind: Tok, expected: &str) -> PResult<Token> {
        let token = self.peek();
        if token.kind == kind { Ok(self.advance()) } else { Err(self.unexpected(token, expected)) }
    }

    /// Expects the `BR` production: the next token must start a new line (or be the end).
    fn expect_line_break(&mut self, after: &str) {
        let token = self.peek();
        if !token.line_break_before && token.kind != Tok::Eof {
            let message = format!("expected a line break after {after}, found {}", self.found(token));
            self.error(token.start, message);
        }
    }

    /// An identifier token (not a dotted or `#` shape id).
    fn expect_identifier(&mut self, expected: &str) -> PResult<(String, usize)> {
        let token = self.peek();
        if token.kind == Tok::Word && is_identifier(self.text(token)) {
            self.advance();
            Ok((self.text(token).to_string(), token.start))
        } else {
            Err(self.unexpected(token, expected))
        }
    }

    /// A shape id token, checked against the shape id grammar.
    fn expect_shape_id(&mut self, expected: &str) -> PResult<IdRef> {
        let token = self.peek();
        if token.kind != Tok::Word {
            return Err(self.unexpected(token, expected));
        }
        self.advance();
        let text = self.text(token);
        if let Err(message) = ShapeIdParts::parse(text) {
            return Err(self.error(token.start, message));
        }
        Ok(IdRef { text: text.to_string(), at: token.start })
    }

    // ----- Statements -----

    fn file(&mut self) {
        let mut section = Section::Control;
        let mut last_failure = None;
        loop {
            let token = self.peek();
            if token.kind == Tok::Eof || self.reporter.is_full(self.file) {
                break;
            }
            let start = self.pos;
            self.depth = 0;
            let result = self.statement(token, &mut section);
            if result.is_err() {
                // Resume at the next statement after the start of the failed one, which
                // may lie inside it; but when that retry fails at the same place again,
                // resume after the failure, so that recovery stays linear.
                if self.last_error_at.is_some() && self.last_error_at == last_failure {
                    self.recover(self.pos.max(start));
                } else {
                    self.recover(start);
                }
                last_failure = self.last_error_at;
            }
        }
    }

    fn statement(&mut self, token: Token, section: &mut Section) -> PResult<()> {
        match token.kind {
            Tok::Dollar => {
                if *section > Section::Control {
                    self.error(
                        token.start,
                        "control statements must come before metadata, namespace and shape statements",
                    );
                }
                self.control_statement()
            }
            Tok::Word if self.text(token) == "metadata" => {
                if *section > Section::Metadata {
                    self.error(token.start, "metadata statements must come before the namespace statement");
                }
                *section = (*section).max(Section::Metadata);
                self.metadata_statement()
            }
            Tok::Word if self.text(token) == "namespace" => {
                if self.model.namespace.is_some() {
                    self.error(token.start, "a file can declare only one namespace");
                }
                *section = (*section).max(Section::Uses);
                self.namespace_statement()
            }
            Tok::Word if self.text(token) == "use" => {
                if self.model.namespace.is_none() {
                    self.error(token.start, "use statements must come after the namespace statement");
                } else if *section > Section::Uses {
                    self.error(token.start, "use statements must come before any shape");
                }
                self.use_statement()
            }
            Tok::Word | Tok::At => {
                if self.model.namespace.is_none() && *section != Section::Shapes {
                    self.error(token.start, "a namespace must be declared before shapes or apply statements");
                }
                *section = Section::Shapes;
                self.shape_or_apply_statement()
            }
            _ => Err(self.unexpected(token, "a statement")),
        }
    }

    /// Skips to the next token after token `after` that starts a line at column 1 and
    /// can start a statement.
    fn recover(&mut self, after: usize) {
        self.pos = after + 1;
        loop {
            let token = self.peek();
            if token.kind == Tok::Eof {
                return;
            }
            let at_line_start = token.line_break_before
                && self.reporter.files.get(self.file).is_some_and(|f| f.is_line_start(token.start));
            let starts_statement = match token.kind {
                Tok::At | Tok::Dollar => true,
                Tok::Word => {
                    let word = self.text(token);
                    STATEMENT_KEYWORDS.contains(&word) || ShapeType::from_keyword(word).is_some()
                }
                _ => false,
            };
            if at_line_start && starts_statement {
                return;
            }
            self.pos += 1;
        }
    }

    fn control_statement(&mut self) -> PResult<()> {
        let dollar = self.advance();
        let key_token = self.peek();
        if key_token.space_before || !matches!(key_token.kind, Tok::Word | Tok::Str) {
            return Err(self.unexpected(key_token, "a control statement name right after `$`"));
        }
        let key = self.object_key("a control statement name")?;
        self.expect(Tok::Colon, "`:`")?;
        let value = self.node()?;
        // As in Smithy's own loader: a second `$operationInputSuffix` would otherwise
        // silently change the names of the inline structures after it.
        if !self.control_keys.insert(key.clone()) {
            self.error(dollar.start, format!("a file can have only one `${key}` statement"));
            self.expect_line_break("a control statement");
            return Ok(());
        }
        match key.as_str() {
            "version" => self.version(value),
            "operationInputSuffix" | "operationOutputSuffix" => {
                let NodeKind::String(suffix) = value.kind else {
                    return Err(self.error(value.at, format!("`${key}` must be a string")));
                };
                if !suffix.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    return Err(self.error(value.at, format!("`${key}` must contain only letters, digits and `_`")));
                }
                if key == "operationInputSuffix" {
                    self.input_suffix = suffix;
                } else {
                    self.output_suffix = suffix;
                }
            }
            // The specification requires unknown control statements to be ignored.
            _ => {}
        }
        self.expect_line_break("a control statement");
        Ok(())
    }

    fn version(&mut self, value: Node) {
        let NodeKind::String(version) = value.kind else {
            self.error(value.at, "`$version` must be a string, such as \"2.0\"");
            return;
        };
        // Version 1.0 files are read with the 2.0 grammar, which accepts them as long as
        // they do not use syntax that 2.0 removed.
        let normalised = match version.as_str() {
            "2" | "2.0" => "2.0",
            "1" | "1.0" => "1.0",
            _ => {
                self.error(
                    value.at,
                    format!(
                        "unsupported Smithy IDL version \"{}\"; this reader supports \"2\" and \"2.0\" (and reads \"1.0\" files)",
                        version.escape_debug()
                    ),
                );
                return;
            }
        };
        self.model.version = Some(normalised.to_string());
    }

    fn metadata_statement(&mut self) -> PResult<()> {
        self.advance();
        let key_token = self.peek();
        let key = self.object_key("a metadata key")?;
        self.expect(Tok::Equals, "`=`")?;
        let value = self.node()?;
        self.model.metadata.push(MetadataDecl { key, at: key_token.start, value });
        self.expect_line_break("a metadata statement");
        Ok(())
    }

    fn namespace_statement(&mut self) -> PResult<()> {
        self.advance();
        let token = self.peek();
        if token.kind != Tok::Word || !is_namespace(self.text(token)) {
            return Err(self.unexpected(token, "a namespace such as `com.example`"));
        }
        self.advance();
        if self.model.namespace.is_none() {
            self.model.namespace = Some(self.text(token).to_string());
        }
        self.expect_line_break("the namespace statement");
        Ok(())
    }

    fn use_statement(&mut self) -> PResult<()> {
        self.advance();
        let id = self.expect_shape_id("an absolute shape id to use")?;
        match ShapeIdParts::parse(&id.text) {
            Ok(parts) if parts.namespace.is_none() => {
                return Err(self.error(
                    id.at,
                    format!("a use statement needs an absolute shape id, such as `com.example#{}`", id.text),
                ));
            }
            Ok(parts) if parts.member.is_some() => {
                return Err(self.error(id.at, "a use statement cannot import a member"));
            }
            _ => {}
        }
        self.model.uses.push(id);
        self.expect_line_break("a use statement");
        Ok(())
    }

    fn shape_or_apply_statement(&mut self) -> PResult<()> {
        let first = self.peek();
        let docs = self.docs(first);
        let traits = self.trait_statements()?;
        let keyword = self.peek();
        if self.is_word(keyword, "apply") {
            if !traits.is_empty() {
                self.error(first.start, "traits cannot be applied to an apply statement");
            }
            return self.apply_statement();
        }
        let traits = with_docs(docs, traits);
        self.shape_statement(traits)
    }

    fn apply_statement(&mut self) -> PResult<()> {
        self.advance();
        let target = self.expect_shape_id("the shape id to apply traits to")?;
        let token = self.peek();
        let traits = match token.kind {
            Tok::At => vec![self.trait_use()?],
            Tok::LBrace => {
                self.advance();
                let traits = self.trait_statements()?;
                self.expect(Tok::RBrace, "a trait or `}`")?;
                traits
            }
            _ => return Err(self.unexpected(token, "a trait or `{` after the apply target")),
        };
        self.model.applies.push(ApplyDecl { target, traits });
        self.expect_line_break("an apply statement");
        Ok(())
    }

    // ----- Traits -----

    fn trait_statements(&mut self) -> PResult<Vec<TraitUse>> {
        let mut traits = Vec::new();
        while self.peek().kind == Tok::At {
            traits.push(self.trait_use()?);
        }
        Ok(traits)
    }

    fn trait_use(&mut self) -> PResult<TraitUse> {
        self.advance();
        let id_token = self.peek();
        if id_token.kind != Tok::Word || id_token.space_before {
            return Err(self.unexpected(id_token, "a trait shape id right after `@`"));
        }
        let id = self.expect_shape_id("a trait shape id")?;
        let open = self.peek();
        if open.kind != Tok::LParen {
            return Ok(TraitUse { id, value: None });
        }
        if open.space_before {
            return Err(self.error(open.start, "no whitespace is allowed between a trait id and its `(`"));
        }
        self.advance();
        let token = self.peek();
        if token.kind == Tok::RParen {
            self.advance();
            return Ok(TraitUse { id, value: None });
        }
        let is_key = match token.kind {
            Tok::Str => true,
            Tok::Word => is_identifier(self.text(token)),
            _ => false,
        };
        let value = if is_key && self.peek_nth(1).kind == Tok::Colon {
            self.trait_structure(token.start)?
        } else {
            self.node()?
        };
        self.expect(Tok::RParen, "`)` to close the trait value")?;
        Ok(TraitUse { id, value: Some(value) })
    }

    /// `@trait(key: value, ...)`: key/value pairs without braces.
    fn trait_structure(&mut self, at: usize) -> PResult<Node> {
        let mut entries: Vec<(String, Node)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        loop {
            let key_token = self.peek();
            let key = self.object_key("a key or `)`")?;
            self.expect(Tok::Colon, "`:`")?;
            let value = self.node()?;
            if !seen.insert(key.clone()) {
                self.error(key_token.start, format!("duplicate key `{key}` in trait value"));
            } else {
                entries.push((key, value));
            }
            if matches!(self.peek().kind, Tok::RParen | Tok::Eof) {
                break;
            }
        }
        Ok(Node { kind: NodeKind::Object(entries), at })
    }

    /// A `NodeObjectKey`: a quoted string or an identifier.
    fn object_key(&mut self, expected: &str) -> PResult<String> {
        let token = self.peek();
        match token.kind {
            Tok::Str => {
                self.advance();
                Ok(self.string_value(token))
            }
            Tok::Word if is_identifier(self.text(token)) => {
                self.advance();
                Ok(self.text(token).to_string())
            }
            _ => Err(self.unexpected(token, expected)),
        }
    }
}

/// Puts the documentation comment, if any, first among a shape's traits, located where the
/// comment starts.
fn with_docs(docs: Option<(String, usize)>, mut traits: Vec<TraitUse>) -> Vec<TraitUse> {
    if let Some((docs, at)) = docs {
        traits.insert(
            0,
            TraitUse {
                id: IdRef { text: DOCUMENTATION.to_string(), at },
                value: Some(Node { kind: NodeKind::String(docs), at }),
            },
        );
    }
    traits
}
