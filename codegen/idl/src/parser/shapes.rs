//! Shape statements: simple shapes, enums, aggregates with their members, services,
//! resources and operations (with inline input and output structures).

use std::collections::HashMap;

use super::{PResult, Parser, with_docs};
use crate::ast::{Body, IdRef, MemberDecl, Node, NodeKind, Property, ShapeDecl, TraitUse};
use crate::lexer::Tok;
use smithy_core::ShapeType;
use smithy_core::shape_id::ShapeIdParts;

const ENUM_VALUE: &str = "smithy.api#enumValue";
const DEFAULT: &str = "smithy.api#default";

fn implied_trait(id: &str, at: usize, value: Node) -> TraitUse {
    TraitUse { id: IdRef { text: id.to_string(), at }, value: Some(value) }
}

impl Parser<'_, '_> {
    /// Parses a shape statement after its traits, and pushes the shape (and any inline
    /// input or output structure) to the model.
    pub(super) fn shape_statement(&mut self, traits: Vec<TraitUse>) -> PResult<()> {
        let keyword = self.peek();
        let kind = match keyword.kind {
            Tok::Word => ShapeType::from_keyword(self.text(keyword)),
            _ => None,
        };
        let Some(kind) = kind else {
            return Err(self.unexpected(keyword, "a shape type (such as `structure` or `string`) or `apply`"));
        };
        self.advance();
        if kind == ShapeType::Set && self.model.version.as_deref() == Some("2.0") {
            self.error(keyword.start, "`set` is not part of IDL 2.0: use a `list` with the `@uniqueItems` trait");
        }
        let (name, at) = self.expect_identifier("a shape name")?;
        let mut decl = ShapeDecl { name, at, kind, traits, mixins: Vec::new(), for_resource: None, body: Body::None };
        let mut inline = Vec::new();
        match kind {
            ShapeType::List | ShapeType::Set | ShapeType::Map | ShapeType::Structure | ShapeType::Union => {
                decl.for_resource = self.for_resource()?;
                decl.mixins = self.mixins()?;
                let members = self.members(kind, &decl.name)?;
                // Without mixins to inherit them from, lists and maps need their members.
                if decl.mixins.is_empty() {
                    for required in kind.fixed_members().unwrap_or_default() {
                        if !members.iter().any(|m| m.name == *required) {
                            self.error(
                                decl.at,
                                format!("{} `{}` must have a `{required}` member", kind.as_str(), decl.name),
                            );
                        }
                    }
                }
                decl.body = Body::Members(members);
            }
            ShapeType::Enum | ShapeType::IntEnum => {
                decl.mixins = self.mixins()?;
                let members = self.enum_members(kind, &decl.name, !decl.mixins.is_empty())?;
                decl.body = Body::Members(members);
            }
            ShapeType::Service | ShapeType::Resource => {
                decl.mixins = self.mixins()?;
                decl.body = self.entity_body(kind)?;
            }
            ShapeType::Operation => {
                decl.mixins = self.mixins()?;
                decl.body = self.operation_body(&decl.name, &mut inline)?;
            }
            _ => decl.mixins = self.mixins()?,
        }
        self.model.shapes.push(decl);
        self.model.shapes.append(&mut inline);
        self.expect_line_break("a shape statement");
        Ok(())
    }

    fn for_resource(&mut self) -> PResult<Option<IdRef>> {
        if !self.is_word(self.peek(), "for") {
            return Ok(None);
        }
        self.advance();
        Ok(Some(self.expect_shape_id("a resource shape id after `for`")?))
    }

    fn mixins(&mut self) -> PResult<Vec<IdRef>> {
        if !self.is_word(self.peek(), "with") {
            return Ok(Vec::new());
        }
        self.advance();
        self.expect(Tok::LBracket, "`[` after `with`")?;
        let mut mixins = Vec::new();
        while self.peek().kind != Tok::RBracket {
            mixins.push(self.expect_shape_id("a mixin shape id or `]`")?);
        }
        let close = self.advance();
        if mixins.is_empty() {
            return Err(self.error(close.start, "`with [...]` needs at least one mixin"));
        }
        Ok(mixins)
    }

    /// The members of a list, set, map, structure or union.
    fn members(&mut self, kind: ShapeType, shape: &str) -> PResult<Vec<MemberDecl>> {
        self.expect(Tok::LBrace, "`{` to start the members")?;
        let mut members: Vec<MemberDecl> = Vec::new();
        let mut seen: HashMap<String, String> = HashMap::new();
        loop {
            let first = self.peek();
            match first.kind {
                Tok::RBrace => {
                    self.advance();
                    break;
                }
                Tok::Eof => {
                    return Err(self.unexpected(first, &format!("`}}` to close `{shape}`")));
                }
                _ => {}
            }
            let docs = self.docs(first);
            let mut traits = with_docs(docs, self.trait_statements()?);
            let (name, at, target) = if self.peek().kind == Tok::Dollar {
                self.advance();
                let token = self.peek();
                if token.space_before {
                    return Err(self.unexpected(token, "a member name right after `$`"));
                }
                let (name, at) = self.expect_identifier("a member name after `$`")?;
                (name, at, None)
            } else {
                let (name, at) = self.expect_identifier("a member name or `}`")?;
                self.expect(Tok::Colon, "`:` after the member name")?;
                let target = self.expect_shape_id("the member's target shape id")?;
                (name, at, Some(target))
            };
            if self.peek().kind == Tok::Equals {
                let equals = self.advance();
                let value = self.node()?;
                traits.push(implied_trait(DEFAULT, equals.start, value));
                self.expect_line_break("a default value");
            }
            if let Some(allowed) = kind.fixed_members()
                && !allowed.contains(&name.as_str())
            {
                let expected = allowed.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(" and ");
                self.error(at, format!("a {} can only have {expected} members, found `{name}`", kind.as_str()));
                continue;
            }
            if !self.check_unique(&mut seen, &name, at, shape) {
                continue;
            }
            members.push(MemberDecl { name, at, target, traits, implicit_enum_value: false });
        }
        Ok(members)
    }

    /// Reports a member name that is already taken, ignoring case as the spec requires.
    fn check_unique(&mut self, seen: &mut HashMap<String, String>, name: &str, at: usize, shape: &str) -> bool {
        match seen.get(&name.to_ascii_lowercase()) {
            Some(previous) if previous == name => {
                let message = format!("duplicate member `{name}` in `{shape}`");
                self.error(at, message);
                false
            }
            Some(previous) => {
                let message = format!(
                    "member `{name}` of `{shape}` conflicts with member `{previous}`: member names must be unique ignoring case"
                );
                self.error(at, message);
                false
            }
            None => {
                seen.insert(name.to_ascii_lowercase(), name.to_string());
                true
            }
        }
    }

    fn enum_members(&mut self, kind: ShapeType, shape: &str, has_mixins: bool) -> PResult<Vec<MemberDecl>> {
        let open = self.expect(Tok::LBrace, "`{` to start the enum members")?;
        let mut members = Vec::new();
        let mut seen = HashMap::new();
        loop {
            let first = self.peek();
            match first.kind {
                Tok::RBrace => {
                    self.advance();
                    break;
                }
                Tok::Eof => {
                    return Err(self.unexpected(first, &format!("`}}` to close `{shape}`")));
                }
                _ => {}
            }
            let docs = self.docs(first);
            let mut traits = with_docs(docs, self.trait_statements()?);
            let (name, at) = self.expect_identifier("an enum member name or `}`")?;
            let mut implicit_enum_value = kind == ShapeType::Enum;
            if self.peek().kind == Tok::Equals {
                let equals = self.advance();
                let value = self.node()?;
                self.check_enum_value(kind, &value)?;
                traits.push(implied_trait(ENUM_VALUE, equals.start, value));
                implicit_enum_value = false;
                self.expect_line_break("an enum value");
            }
            if !self.check_unique(&mut seen, &name, at, shape) {
                continue;
            }
            members.push(MemberDecl {
                name,
                at,
                target: Some(IdRef { text: "smithy.api#Unit".to_string(), at }),
                traits,
                implicit_enum_value,
            });
        }
        if members.is_empty() && !has_mixins {
            return Err(self.error(open.start, format!("{} `{shape}` must have at least one member", kind.as_str())));
        }
        Ok(members)
    }

    fn check_enum_value(&mut self, kind: ShapeType, value: &Node) -> PResult<()> {
        let ok = match (&value.kind, kind) {
            (NodeKind::String(_), ShapeType::Enum) => true,
            (NodeKind::Number(n), ShapeType::IntEnum) => n.is_i64() || n.is_u64(),
            _ => false,
        };
        if ok {
            Ok(())
        } else if kind == ShapeType::Enum {
            Err(self.error(value.at, "an enum value must be a quoted string"))
        } else {
            Err(self.error(value.at, "an intEnum value must be an integer"))
        }
    }

    /// The node object of a service or resource, checked property by property.
    fn entity_body(&mut self, kind: ShapeType) -> PResult<Body> {
        let token = self.peek();
        if token.kind != Tok::LBrace {
            return Err(self.unexpected(token, "`{` to start the shape's properties"));
        }
        let node = self.node()?;
        let NodeKind::Object(entries) = node.kind else {
            return Ok(Body::Entity(Vec::new()));
        };
        let mut properties = Vec::new();
        for (key, value) in entries {
            let property = match (kind, key.as_str()) {
                (ShapeType::Service, "version") => match value.kind {
                    NodeKind::String(version) => Property::String(version),
                    _ => return Err(self.error(value.at, "a service `version` must be a string")),
                },
                (ShapeType::Service, "operations" | "resources" | "errors")
                | (ShapeType::Resource, "operations" | "collectionOperations" | "resources") => {
                    Property::Refs(self.refs(value, &key)?)
                }
                (ShapeType::Service, "rename") => Property::Rename(self.rename(value)?),
                (ShapeType::Resource, "identifiers" | "properties") => {
                    let NodeKind::Object(entries) = value.kind else {
                        return Err(
                            self.error(value.at, format!("resource `{key}` must be an object of names to shape ids"))
                        );
                    };
                    let mut map = Vec::new();
                    for (name, target) in entries {
                        map.push((name, self.node_ref(target, &key)?));
                    }
                    Property::RefMap(map)
                }
                (ShapeType::Resource, "create" | "put" | "read" | "update" | "delete" | "list") => {
                    Property::Ref(self.node_ref(value, &key)?)
                }
                _ => {
                    let expected = if kind == ShapeType::Service {
                        "version, operations, resources, errors or rename"
                    } else {
                        "identifiers, properties, create, put, read, update, delete, list, operations, collectionOperations or resources"
                    };
                    return Err(self
                        .error(value.at, format!("unknown {} property `{key}`; expected {expected}", kind.as_str())));
                }
            };
            properties.push((key, property));
        }
        Ok(Body::Entity(properties))
    }

    fn node_ref(&mut self, node: Node, property: &str) -> PResult<IdRef> {
        let text = match node.kind {
            NodeKind::ShapeId(text) | NodeKind::String(text) => text,
            _ => {
                return Err(self.error(node.at, format!("`{property}` expects shape ids")));
            }
        };
        if let Err(message) = ShapeIdParts::parse(&text) {
            return Err(self.error(node.at, message));
        }
        Ok(IdRef { text, at: node.at })
    }

    fn refs(&mut self, node: Node, property: &str) -> PResult<Vec<IdRef>> {
        let NodeKind::Array(items) = node.kind else {
            return Err(self.error(node.at, format!("`{property}` must be a list of shape ids")));
        };
        items.into_iter().map(|item| self.node_ref(item, property)).collect()
    }

    fn rename(&mut self, node: Node) -> PResult<Vec<(String, usize, String)>> {
        let NodeKind::Object(entries) = node.kind else {
            return Err(self.error(node.at, "`rename` must map absolute shape ids to names"));
        };
        let mut renames = Vec::new();
        for (key, value) in entries {
            if !ShapeIdParts::parse(&key).is_ok_and(|p| p.namespace.is_some() && p.member.is_none()) {
                return Err(self.error(value.at, format!("`rename` keys must be absolute shape ids, found `{key}`")));
            }
            let NodeKind::String(name) = value.kind else {
                return Err(self.error(value.at, "`rename` values must be strings"));
            };
            renames.push((key, value.at, name));
        }
        Ok(renames)
    }

    fn operation_body(&mut self, operation: &str, inline: &mut Vec<ShapeDecl>) -> PResult<Body> {
        self.expect(Tok::LBrace, "`{` to start the operation's properties")?;
        let mut input = None;
        let mut output = None;
        let mut errors = None;
        loop {
            let token = self.peek();
            if token.kind == Tok::RBrace {
                self.advance();
                break;
            }
            let (key, at) = self.expect_identifier("`input`, `output`, `errors` or `}`")?;
            let duplicate = match key.as_str() {
                "input" => input.is_some(),
                "output" => output.is_some(),
                "errors" => errors.is_some(),
                _ => false,
            };
            if duplicate {
                self.error(at, format!("duplicate operation property `{key}`"));
            }
            match key.as_str() {
                "input" | "output" => {
                    let target = if self.peek().kind == Tok::Walrus {
                        self.advance();
                        let suffix = if key == "input" { &self.input_suffix } else { &self.output_suffix };
                        let name = format!("{operation}{suffix}");
                        let decl = self.inline_structure(name, &key, at)?;
                        let text = match &self.model.namespace {
                            Some(namespace) => format!("{namespace}#{}", decl.name),
                            None => decl.name.clone(),
                        };
                        inline.push(decl);
                        IdRef { text, at }
                    } else {
                        self.expect(Tok::Colon, &format!("`:` or `:=` after `{key}`"))?;
                        self.expect_shape_id(&format!("the {key} shape id"))?
                    };
                    if key == "input" {
                        input = Some(target);
                    } else {
                        output = Some(target);
                    }
                }
                "errors" => {
                    self.expect(Tok::Colon, "`:` after `errors`")?;
                    self.expect(Tok::LBracket, "`[` to start the list of errors")?;
                    let mut list = Vec::new();
                    while self.peek().kind != Tok::RBracket {
                        list.push(self.expect_shape_id("an error shape id or `]`")?);
                    }
                    self.advance();
                    errors = Some(list);
                }
                _ => {
                    return Err(
                        self.error(at, format!("unknown operation property `{key}`; expected input, output or errors"))
                    );
                }
            }
        }
        Ok(Body::Operation { input, output, errors })
    }

    /// The structure after `input :=` or `output :=`, marked with `@input` or `@output`.
    fn inline_structure(&mut self, name: String, property: &str, at: usize) -> PResult<ShapeDecl> {
        let first = self.peek();
        let docs = self.docs(first);
        let mut traits = with_docs(docs, self.trait_statements()?);
        let for_resource = self.for_resource()?;
        let mixins = self.mixins()?;
        let members = self.members(ShapeType::Structure, &name)?;
        let implied = format!("smithy.api#{property}");
        traits.push(implied_trait(&implied, at, Node { kind: NodeKind::Object(Vec::new()), at }));
        Ok(ShapeDecl {
            name,
            at,
            kind: ShapeType::Structure,
            traits,
            mixins,
            for_resource,
            body: Body::Members(members),
        })
    }
}
