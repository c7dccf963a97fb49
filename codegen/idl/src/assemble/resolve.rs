//! Shape id resolution (use statements, then the current namespace, then the prelude),
//! and the conversion of node values and trait applications to JSON.

use std::collections::HashMap;

use serde_json::{Map, Value};
use smithy_core::shape_id::{ShapeIdParts, namespace_of};
use smithy_core::{ShapeType, prelude};

use super::{Assembly, Mode};
use crate::ast::{IdRef, ModelFile, Node, NodeKind, TraitUse};

/// What a file's relative shape ids resolve against.
pub(crate) struct Scope {
    pub file: usize,
    pub namespace: String,
    /// Names imported by `use` statements, mapped to their absolute ids.
    pub uses: HashMap<String, String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RefKind {
    Shape,
    Trait,
    /// The target of an `apply` statement: a shape or a member.
    ShapeOrMember,
}

impl Assembly<'_, '_> {
    /// Builds the scope of an IDL file, checking its use statements.
    pub(super) fn scope(&mut self, file: usize, namespace: String, model: &ModelFile) -> Scope {
        let mut uses: HashMap<String, String> = HashMap::new();
        for id in &model.uses {
            let Ok(parts) = ShapeIdParts::parse(&id.text) else {
                continue;
            };
            let name = parts.name.to_string();
            if let Some(previous) = uses.get(&name) {
                if *previous != id.text {
                    self.error(file, id.at, format!("`{}` conflicts with the earlier `use {previous}`", id.text));
                }
                continue;
            }
            if !self.is_known_absolute(&id.text) {
                self.error(file, id.at, format!("use statement imports unknown shape `{}`", id.text));
            }
            if model.shapes.iter().any(|shape| shape.name == name) {
                self.error(
                    file,
                    id.at,
                    format!("`use {}` conflicts with shape `{name}` defined in this file", id.text),
                );
            }
            uses.insert(name, id.text.clone());
        }
        Scope { file, namespace, uses }
    }

    /// Whether an absolute root shape id may be used: it is known, or a single file is
    /// read alone and the id belongs to a namespace that other files may fill.
    pub(super) fn is_known_absolute(&self, root: &str) -> bool {
        self.type_of(root).is_some() || (self.mode == Mode::SingleFile && namespace_of(root) != prelude::NAMESPACE)
    }

    fn resolve_relative(&self, scope: &Scope, name: &str) -> Option<String> {
        if let Some(imported) = scope.uses.get(name) {
            return Some(imported.clone());
        }
        let local = format!("{}#{name}", scope.namespace);
        if self.type_of(&local).is_some() {
            return Some(local);
        }
        let in_prelude = format!("{}#{name}", prelude::NAMESPACE);
        self.type_of(&in_prelude).is_some().then_some(in_prelude)
    }

    /// Resolves a shape or trait reference, reporting it when it names no known shape.
    pub(super) fn reference(&mut self, scope: &Scope, id: &IdRef, kind: RefKind) -> Option<String> {
        let parts = ShapeIdParts::parse(&id.text).ok()?;
        if parts.member.is_some() && kind != RefKind::ShapeOrMember {
            self.error(
                scope.file,
                id.at,
                format!("`{}` refers to a member; a shape id without `$member` is needed here", id.text),
            );
            return None;
        }
        let member = parts.member.map(|m| format!("${m}")).unwrap_or_default();
        let what = match kind {
            RefKind::Shape | RefKind::ShapeOrMember => "shape",
            RefKind::Trait => "trait",
        };
        let root = match parts.namespace {
            Some(namespace) => {
                let root = format!("{namespace}#{}", parts.name);
                if !self.is_known_absolute(&root) {
                    self.error(scope.file, id.at, format!("unknown {what} `{root}`"));
                    return None;
                }
                root
            }
            None => match self.resolve_relative(scope, parts.name) {
                Some(root) => root,
                None => {
                    let hint = match self.mode {
                        Mode::Complete => "",
                        Mode::SingleFile => "; if another file defines it, assemble the files together",
                    };
                    self.error(
                        scope.file,
                        id.at,
                        format!(
                            "unknown {what} `{}`: no use statement imports it, namespace `{}` does not define it, and the prelude has no such shape{hint}",
                            parts.name, scope.namespace
                        ),
                    );
                    return None;
                }
            },
        };
        Some(root + &member)
    }

    /// Resolves a syntactic shape id (an unquoted string in a node value). Unresolvable
    /// relative ids take the current namespace, as the specification says; they are not
    /// errors. Without a scope (metadata), relative ids resolve to the prelude namespace.
    fn syntactic_shape_id(&self, scope: Option<&Scope>, text: &str) -> String {
        let Ok(parts) = ShapeIdParts::parse(text) else {
            return text.to_string();
        };
        if parts.namespace.is_some() {
            return text.to_string();
        }
        let member = parts.member.map(|m| format!("${m}")).unwrap_or_default();
        let root = match scope {
            Some(scope) => self
                .resolve_relative(scope, parts.name)
                .unwrap_or_else(|| format!("{}#{}", scope.namespace, parts.name)),
            None => format!("{}#{}", prelude::NAMESPACE, parts.name),
        };
        root + &member
    }

    /// Converts a node value to JSON, resolving its syntactic shape ids.
    pub(super) fn node_value(&self, scope: Option<&Scope>, node: Node) -> Value {
        match node.kind {
            NodeKind::Null => Value::Null,
            NodeKind::Bool(b) => Value::Bool(b),
            NodeKind::Number(n) => Value::Number(n),
            NodeKind::String(s) => Value::String(s),
            NodeKind::ShapeId(text) => Value::String(self.syntactic_shape_id(scope, &text)),
            NodeKind::Array(items) => {
                Value::Array(items.into_iter().map(|item| self.node_value(scope, item)).collect())
            }
            NodeKind::Object(entries) => {
                Value::Object(entries.into_iter().map(|(key, value)| (key, self.node_value(scope, value))).collect())
            }
        }
    }

    /// Resolves trait applications to `(trait id, value, offset)`, giving omitted values
    /// their default from the type of the trait shape.
    pub(super) fn trait_values(&mut self, scope: &Scope, traits: Vec<TraitUse>) -> Vec<(String, Value, usize)> {
        let mut values = Vec::with_capacity(traits.len());
        for applied in traits {
            let Some(id) = self.reference(scope, &applied.id, RefKind::Trait) else {
                continue;
            };
            let value = match applied.value {
                Some(node) => self.node_value(Some(scope), node),
                None => match self.type_of(&id) {
                    // An omitted value defaults by the shape of the trait.
                    Some(ShapeType::List | ShapeType::Set) => Value::Array(Vec::new()),
                    Some(ShapeType::Structure | ShapeType::Map) => Value::Object(Map::new()),
                    Some(_) => Value::Null,
                    None => {
                        self.error(
                            scope.file,
                            applied.id.at,
                            format!(
                                "trait `{id}` needs an explicit value here: its definition is not loaded, so the default for an omitted value is unknown"
                            ),
                        );
                        continue;
                    }
                },
            };
            values.push((id, value, applied.id.at));
        }
        values
    }

    /// Resolves trait applications into a trait map, reporting conflicting values.
    pub(super) fn trait_map(&mut self, scope: &Scope, traits: Vec<TraitUse>, on: &str) -> Map<String, Value> {
        let mut map = Map::new();
        for (id, value, at) in self.trait_values(scope, traits) {
            let outcome = smithy_core::traits::apply_to_map(&mut map, &id, value);
            self.record_trait(outcome, on, id, (scope.file, at));
        }
        map
    }
}
