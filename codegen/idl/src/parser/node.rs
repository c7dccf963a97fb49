//! Node values: arrays, objects, numbers, keywords, strings, text blocks and syntactic
//! shape ids, with a cap on nesting depth.

use std::collections::HashSet;

use super::{Failed, PResult, Parser};
use crate::ast::{Node, NodeKind};
use crate::lexer::Tok;
use smithy_core::shape_id::ShapeIdParts;

/// How deeply arrays and objects may nest. Real models stay far below this; the cap keeps
/// hostile input from exhausting the stack.
pub(crate) const MAX_DEPTH: usize = 64;

impl Parser<'_, '_> {
    pub(super) fn node(&mut self) -> PResult<Node> {
        let token = self.peek();
        if matches!(token.kind, Tok::LBracket | Tok::LBrace) {
            if self.depth >= MAX_DEPTH {
                return Err(
                    self.error(token.start, format!("values are nested too deeply (more than {MAX_DEPTH} levels)"))
                );
            }
            self.depth += 1;
            let result = if token.kind == Tok::LBracket { self.array() } else { self.object() };
            self.depth -= 1;
            return result;
        }
        if !matches!(token.kind, Tok::Number | Tok::Str | Tok::TextBlock | Tok::Word) {
            return Err(self.unexpected(token, "a value"));
        }
        self.advance();
        let kind = match token.kind {
            Tok::Number => {
                let text = self.text(token);
                match serde_json::from_str::<serde_json::Number>(text) {
                    Ok(number) => NodeKind::Number(number),
                    // The lexer has said what is wrong with it.
                    Err(_) if token.value == crate::lexer::MALFORMED => return Err(Failed),
                    Err(_) => {
                        return Err(self.error(token.start, format!("`{text}` is not a number as JSON spells one")));
                    }
                }
            }
            Tok::Str | Tok::TextBlock => NodeKind::String(self.string_value(token)),
            Tok::Word => match self.text(token) {
                "true" => NodeKind::Bool(true),
                "false" => NodeKind::Bool(false),
                "null" => NodeKind::Null,
                text => {
                    if let Err(message) = ShapeIdParts::parse(text) {
                        return Err(self.error(token.start, message));
                    }
                    NodeKind::ShapeId(text.to_string())
                }
            },
            _ => NodeKind::Null,
        };
        Ok(Node { kind, at: token.start })
    }

    fn array(&mut self) -> PResult<Node> {
        let open = self.advance();
        let mut items = Vec::new();
        loop {
            let token = self.peek();
            match token.kind {
                Tok::RBracket => {
                    self.advance();
                    break;
                }
                Tok::Eof => return Err(self.unexpected(token, "`]` to close the array")),
                _ => items.push(self.node()?),
            }
        }
        Ok(Node { kind: NodeKind::Array(items), at: open.start })
    }

    fn object(&mut self) -> PResult<Node> {
        let open = self.advance();
        let mut entries: Vec<(String, Node)> = Vec::new();
        let mut seen = HashSet::new();
        loop {
            let token = self.peek();
            if token.kind == Tok::RBrace {
                self.advance();
                break;
            }
            let key = self.object_key("an object key or `}`")?;
            self.expect(Tok::Colon, "`:`")?;
            let value = self.node()?;
            if !seen.insert(key.clone()) {
                self.error(token.start, format!("duplicate object key `{key}`"));
            } else {
                entries.push((key, value));
            }
        }
        Ok(Node { kind: NodeKind::Object(entries), at: open.start })
    }
}
