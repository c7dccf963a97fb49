//! Reads Smithy JSON AST documents into a [`Model`], merging several files and checking references.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde_json::{Map, Value};
use smithy_core::traits::{self, ApplyEntry};
use smithy_core::{SourceFile, parse_json};

use super::{Member, Model, Operation, Resource, Service, Shape, ShapeId, ShapeKind, Traits, prelude};
use crate::diagnostics::{Diagnostic, Diagnostics};

/// Collects JSON AST documents and assembles them into one checked [`Model`].
///
/// Every problem is recorded rather than returned at once, so one run reports as many as it can;
/// [`ModelAssembler::assemble`] fails if any was found.
#[derive(Debug, Default)]
pub struct ModelAssembler {
    files: Vec<String>,
    shapes: BTreeMap<ShapeId, Shape>,
    applies: Vec<Apply>,
    metadata: Map<String, Value>,
    diagnostics: Diagnostics,
    /// Shapes whose definition was reported as broken; references to them are not reported again.
    broken: BTreeSet<ShapeId>,
    /// The file of the apply entry that first applied each (shape or member id, trait id), to
    /// name it when a later value conflicts; traits without one come from the definition.
    applied_in: HashMap<(String, String), usize>,
    /// The file that first gave each metadata key.
    metadata_in: HashMap<String, usize>,
}

/// Traits from an `"type": "apply"` entry, merged into their target once every file is read.
#[derive(Debug)]
struct Apply {
    file: usize,
    entry: ApplyEntry,
}

impl ModelAssembler {
    /// An assembler holding no model yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Parses `text` as a JSON AST document read from `file` and adds its shapes and metadata.
    ///
    /// The text is read strictly: an object that gives a key twice (a shape, a member, a trait,
    /// a key of a trait value) is an error at the second one, where `serde_json` alone would
    /// keep the last value silently.
    pub fn add_json_ast(&mut self, file: &str, text: &str) {
        match parse_json(text) {
            Ok(value) => self.add_json_value(file, value),
            Err(error) => self.diagnostics.push(error.diagnostic(&SourceFile::new(file, text))),
        }
    }

    /// Adds a JSON AST document that is already parsed: by the IDL reader, or by
    /// `smithy_core::parse_json`, which refuses repeated keys as [`ModelAssembler::add_json_ast`]
    /// does.
    pub fn add_json_value(&mut self, file: &str, value: Value) {
        let index = self.files.len();
        self.files.push(file.to_owned());
        let file_diagnostic = |message: String| Diagnostic::new(message).in_file(file);
        let Value::Object(mut document) = value else {
            self.diagnostics.push(file_diagnostic("a JSON AST document must be an object".into()));
            return;
        };
        match document.remove("smithy") {
            Some(Value::String(version)) if is_smithy_2(&version) => {}
            Some(Value::String(version)) => {
                let message =
                    format!("Smithy version `{version}` is not supported; this generator reads Smithy 2.0 models");
                self.diagnostics.push(file_diagnostic(message));
                return;
            }
            _ => {
                let message = "missing the `smithy` version property; is this a Smithy JSON AST model?";
                self.diagnostics.push(file_diagnostic(message.into()));
                return;
            }
        }
        match document.remove("metadata") {
            None => {}
            Some(Value::Object(metadata)) => {
                for (key, value) in metadata {
                    self.merge_metadata(index, key, value);
                }
            }
            Some(_) => self.diagnostics.push(file_diagnostic("`metadata` must be an object".into())),
        }
        match document.remove("shapes") {
            None => {}
            Some(Value::Object(shapes)) => {
                for (id, shape) in shapes {
                    self.add_shape(index, &id, shape);
                }
            }
            Some(_) => self.diagnostics.push(file_diagnostic("`shapes` must be an object".into())),
        }
        for key in document.keys() {
            self.diagnostics.push(file_diagnostic(format!("unknown top-level property `{key}`")));
        }
    }

    /// Merges the prelude and every `apply`, checks references, and returns the model.
    pub fn assemble(mut self) -> Result<Model, Diagnostics> {
        for shape in prelude::shapes() {
            self.shapes.entry(shape.id.clone()).or_insert(shape);
        }
        for apply in std::mem::take(&mut self.applies) {
            self.apply(apply);
        }
        let model = Model::new(self.shapes, self.metadata, self.files);
        let mut diagnostics = self.diagnostics;
        check_references(&model, &self.broken, &mut diagnostics);
        diagnostics.into_result(model)
    }

    fn merge_metadata(&mut self, file: usize, key: String, value: Value) {
        if traits::apply_to_map(&mut self.metadata, &key, value).is_ok() {
            self.metadata_in.entry(key).or_insert(file);
            return;
        }
        let earlier = self.metadata_in.get(&key).map_or("", |&f| self.files[f].as_str());
        let message = traits::metadata_conflict(&key, &format!("in {earlier}"));
        self.diagnostics.push(Diagnostic::new(message).in_file(self.files[file].clone()));
    }

    fn add_shape(&mut self, file: usize, id: &str, value: Value) {
        let at = |message: String| Diagnostic::new(message).in_file(self.files[file].clone()).at_shape(id);
        let is_apply = value.get("type").and_then(Value::as_str) == Some("apply");
        if is_apply {
            match ApplyEntry::parse(id, value) {
                Ok(entry) => self.applies.push(Apply { file, entry }),
                Err(message) => self.diagnostics.push(at(message)),
            }
            return;
        }
        let shape_id = match ShapeId::parse(id) {
            Ok(shape_id) => shape_id,
            Err(message) => return self.diagnostics.push(at(message)),
        };
        let shape = match parse_shape(shape_id.clone(), file, value) {
            Ok(shape) => shape,
            Err(message) => {
                self.diagnostics.push(at(message));
                self.broken.insert(shape_id);
                return;
            }
        };
        match self.shapes.get(&shape_id) {
            Some(existing) if existing.kind == shape.kind && existing.traits == shape.traits => {}
            Some(existing) => {
                let other = existing.file.map_or("the prelude", |f| self.files[f].as_str());
                let message = format!("conflicts with the definition of the same shape in {other}");
                self.diagnostics.push(at(message));
            }
            None => {
                self.shapes.insert(shape_id, shape);
            }
        }
    }

    fn apply(&mut self, apply: Apply) {
        let Apply { file, entry } = apply;
        let target_id = entry.target();
        let at = |message: String| Diagnostic::new(message).in_file(self.files[file].clone()).at_shape(&target_id);
        let Some(shape) = self.shapes.get_mut(&entry.shape) else {
            return self.diagnostics.push(at("`apply` targets a shape that does not exist".into()));
        };
        let defined_in = shape.file;
        let target = match &entry.member {
            None => &mut shape.traits,
            Some(name) => match members_mut(&mut shape.kind).iter_mut().find(|m| &m.name == name) {
                Some(member) => &mut member.traits,
                None => return self.diagnostics.push(at("`apply` targets a member that does not exist".into())),
            },
        };
        let mut conflicts = Vec::new();
        for (trait_id, value) in entry.traits {
            match target.merge(trait_id.clone(), value) {
                Ok(()) => {
                    self.applied_in.entry((target_id.clone(), trait_id)).or_insert(file);
                }
                Err(_) => conflicts.push(trait_id),
            }
        }
        for trait_id in conflicts {
            let earlier = match self.applied_in.get(&(target_id.clone(), trait_id.clone())) {
                Some(&f) => format!("by an apply entry in {}", self.files[f]),
                None => match defined_in {
                    Some(f) => format!("in the definition of `{}` in {}", entry.shape, self.files[f]),
                    None => "in the prelude".to_owned(),
                },
            };
            self.diagnostics.push(at(traits::trait_conflict(&trait_id, &target_id, &earlier)));
        }
    }
}

fn members_mut(kind: &mut ShapeKind) -> &mut [Member] {
    match kind {
        ShapeKind::Enum(members)
        | ShapeKind::IntEnum(members)
        | ShapeKind::Structure(members)
        | ShapeKind::Union(members) => members,
        ShapeKind::List(member) => std::slice::from_mut(member),
        ShapeKind::Map(members) => members,
        _ => &mut [],
    }
}

fn is_smithy_2(version: &str) -> bool {
    version == "2" || version.strip_prefix("2.").is_some_and(|minor| minor.bytes().all(|b| b.is_ascii_digit()))
}

fn parse_shape(id: ShapeId, file: usize, value: Value) -> Result<Shape, String> {
    let Value::Object(mut object) = value else {
        return Err("a shape definition must be an object".into());
    };
    let type_name = match object.remove("type") {
        Some(Value::String(type_name)) => type_name,
        _ => return Err("a shape definition needs a string `type`".into()),
    };
    let traits = parse_traits(object.remove("traits"))?;
    if let Some(mixins) = object.remove("mixins")
        && mixins.as_array().is_some_and(|m| !m.is_empty())
    {
        return Err("mixins must be flattened before a model reaches the generator".into());
    }
    let kind = match type_name.as_str() {
        "blob" => ShapeKind::Blob,
        "boolean" => ShapeKind::Boolean,
        "string" => ShapeKind::String,
        "byte" => ShapeKind::Byte,
        "short" => ShapeKind::Short,
        "integer" => ShapeKind::Integer,
        "long" => ShapeKind::Long,
        "float" => ShapeKind::Float,
        "double" => ShapeKind::Double,
        "bigInteger" => ShapeKind::BigInteger,
        "bigDecimal" => ShapeKind::BigDecimal,
        "timestamp" => ShapeKind::Timestamp,
        "document" => ShapeKind::Document,
        "enum" => ShapeKind::Enum(parse_members(&id, object.remove("members"))?),
        "intEnum" => ShapeKind::IntEnum(parse_members(&id, object.remove("members"))?),
        "structure" => ShapeKind::Structure(parse_members(&id, object.remove("members"))?),
        "union" => ShapeKind::Union(parse_members(&id, object.remove("members"))?),
        "list" | "set" => ShapeKind::List(parse_member("member", object.remove("member"))?),
        "map" => {
            ShapeKind::Map([parse_member("key", object.remove("key"))?, parse_member("value", object.remove("value"))?])
        }
        "service" => ShapeKind::Service(parse_service(&mut object)?),
        "operation" => ShapeKind::Operation(Operation {
            input: optional_reference(object.remove("input"), "input")?.unwrap_or_else(|| ShapeId::prelude("Unit")),
            output: optional_reference(object.remove("output"), "output")?.unwrap_or_else(|| ShapeId::prelude("Unit")),
            errors: references(object.remove("errors"), "errors")?,
        }),
        "resource" => ShapeKind::Resource(parse_resource(&mut object)?),
        other => return Err(format!("unknown shape type `{other}`")),
    };
    let mut traits = traits;
    if type_name == "set" {
        // Smithy 2.0 reads the 1.0 `set` as a list whose items are unique.
        traits.insert("smithy.api#uniqueItems", Value::Object(Map::new()));
    }
    reject_unknown(&object, &type_name)?;
    Ok(Shape { id, kind, traits, file: Some(file) })
}

fn reject_unknown(object: &Map<String, Value>, type_name: &str) -> Result<(), String> {
    match object.keys().next() {
        Some(key) => Err(format!("unknown property `{key}` on a `{type_name}` shape")),
        None => Ok(()),
    }
}

fn parse_traits(value: Option<Value>) -> Result<Traits, String> {
    let mut traits = Traits::default();
    match value {
        None => {}
        Some(Value::Object(object)) => {
            traits::check_trait_ids(&object)?;
            for (id, value) in object {
                traits.insert(id, value);
            }
        }
        Some(_) => return Err("`traits` must be an object".into()),
    }
    Ok(traits)
}

fn parse_members(id: &ShapeId, value: Option<Value>) -> Result<Vec<Member>, String> {
    let object = match value {
        None => return Ok(Vec::new()),
        Some(Value::Object(object)) => object,
        Some(_) => return Err("`members` must be an object".into()),
    };
    let mut seen = BTreeSet::new();
    let mut members = Vec::with_capacity(object.len());
    for (name, value) in object {
        if !super::is_identifier(&name) {
            return Err(format!("member name `{name}` is not a valid identifier"));
        }
        if !seen.insert(name.to_ascii_lowercase()) {
            return Err(format!("member `{}` has the same name as another member, ignoring case", id.member(&name)));
        }
        members.push(parse_member(&name, Some(value))?);
    }
    Ok(members)
}

fn parse_member(name: &str, value: Option<Value>) -> Result<Member, String> {
    let Some(Value::Object(mut object)) = value else {
        return Err(format!("member `{name}` must be an object with a `target`"));
    };
    let target = match object.remove("target") {
        Some(Value::String(target)) => ShapeId::parse(&target).map_err(|m| format!("member `{name}`: {m}"))?,
        _ => return Err(format!("member `{name}` needs a string `target`")),
    };
    let traits = parse_traits(object.remove("traits")).map_err(|m| format!("member `{name}`: {m}"))?;
    if let Some(key) = object.keys().next() {
        return Err(format!("member `{name}` has an unknown property `{key}`"));
    }
    Ok(Member { name: name.to_owned(), target, traits })
}

fn reference(value: Value, property: &str) -> Result<ShapeId, String> {
    match value {
        Value::Object(mut object) => match (object.remove("target"), object.is_empty()) {
            (Some(Value::String(target)), true) => ShapeId::parse(&target),
            _ => Err(format!("`{property}` must be a shape reference: {{\"target\": \"ns#Name\"}}")),
        },
        _ => Err(format!("`{property}` must be a shape reference: {{\"target\": \"ns#Name\"}}")),
    }
}

fn optional_reference(value: Option<Value>, property: &str) -> Result<Option<ShapeId>, String> {
    value.map(|value| reference(value, property)).transpose()
}

fn references(value: Option<Value>, property: &str) -> Result<Vec<ShapeId>, String> {
    match value {
        None => Ok(Vec::new()),
        Some(Value::Array(items)) => items.into_iter().map(|item| reference(item, property)).collect(),
        Some(_) => Err(format!("`{property}` must be a list of shape references")),
    }
}

fn named_references(value: Option<Value>, property: &str) -> Result<BTreeMap<String, ShapeId>, String> {
    match value {
        None => Ok(BTreeMap::new()),
        Some(Value::Object(object)) => {
            object.into_iter().map(|(name, item)| Ok((name, reference(item, property)?))).collect()
        }
        Some(_) => Err(format!("`{property}` must be an object of shape references")),
    }
}

fn parse_service(object: &mut Map<String, Value>) -> Result<Service, String> {
    let version = match object.remove("version") {
        None => String::new(),
        Some(Value::String(version)) => version,
        Some(_) => return Err("`version` must be a string".into()),
    };
    let mut rename = BTreeMap::new();
    match object.remove("rename") {
        None => {}
        Some(Value::Object(entries)) => {
            for (id, name) in entries {
                let id = ShapeId::parse(&id)?;
                match name {
                    Value::String(name) if super::is_identifier(&name) => {
                        rename.insert(id, name);
                    }
                    _ => return Err(format!("`rename` of `{id}` must be an identifier string")),
                }
            }
        }
        Some(_) => return Err("`rename` must be an object".into()),
    }
    Ok(Service {
        version,
        operations: references(object.remove("operations"), "operations")?,
        resources: references(object.remove("resources"), "resources")?,
        errors: references(object.remove("errors"), "errors")?,
        rename,
    })
}

fn parse_resource(object: &mut Map<String, Value>) -> Result<Resource, String> {
    let mut operations = Vec::new();
    for lifecycle in ["create", "put", "read", "update", "delete", "list"] {
        if let Some(id) = optional_reference(object.remove(lifecycle), lifecycle)? {
            operations.push(id);
        }
    }
    operations.extend(references(object.remove("operations"), "operations")?);
    operations.extend(references(object.remove("collectionOperations"), "collectionOperations")?);
    Ok(Resource {
        identifiers: named_references(object.remove("identifiers"), "identifiers")?,
        properties: named_references(object.remove("properties"), "properties")?,
        operations,
        resources: references(object.remove("resources"), "resources")?,
    })
}

/// Checks that every reference points at a shape of a kind that may be referenced there.
fn check_references(model: &Model, broken: &BTreeSet<ShapeId>, diagnostics: &mut Diagnostics) {
    let kind_of = |id: &ShapeId| model.shape(id).map(|shape| &shape.kind);
    for shape in model.shapes() {
        let id = &shape.id;
        for member in shape.kind.members() {
            if broken.contains(&member.target) {
                continue;
            }
            let problem = match kind_of(&member.target) {
                None => Some(format!("targets `{}`, which does not exist", member.target)),
                Some(ShapeKind::Service(_) | ShapeKind::Operation(_) | ShapeKind::Resource(_)) => {
                    Some(format!("targets `{}`, which is not a data shape", member.target))
                }
                Some(_) => None,
            };
            if let Some(problem) = problem {
                diagnostics.push(model.diagnostic(id, Some(&member.name), problem));
            }
        }
        let mut expect = |target: &ShapeId, what: &str, ok: bool, must: &str| {
            if broken.contains(target) {
                return;
            }
            let message = match kind_of(target) {
                None => format!("{what} `{target}` does not exist"),
                Some(_) if !ok => format!("{what} `{target}` must be {must}"),
                Some(_) => return,
            };
            diagnostics.push(model.diagnostic(id, None, message));
        };
        let is = |target: &ShapeId, f: fn(&ShapeKind) -> bool| kind_of(target).is_some_and(f);
        let is_structure = |k: &ShapeKind| matches!(k, ShapeKind::Structure(_));
        let is_operation = |k: &ShapeKind| matches!(k, ShapeKind::Operation(_));
        let is_resource = |k: &ShapeKind| matches!(k, ShapeKind::Resource(_));
        let is_error = |target: &ShapeId| {
            model.shape(target).is_some_and(|s| is_structure(&s.kind) && s.traits.has("smithy.api#error"))
        };
        const OPERATION: &str = "an operation";
        const RESOURCE: &str = "a resource";
        const STRUCTURE: &str = "a structure";
        const ERROR: &str = "a structure with the `@error` trait";
        match &shape.kind {
            ShapeKind::Service(service) => {
                for op in &service.operations {
                    expect(op, "bound operation", is(op, is_operation), OPERATION);
                }
                for resource in &service.resources {
                    expect(resource, "bound resource", is(resource, is_resource), RESOURCE);
                }
                for error in &service.errors {
                    expect(error, "common error", is_error(error), ERROR);
                }
            }
            ShapeKind::Operation(operation) => {
                expect(&operation.input, "input", is(&operation.input, is_structure), STRUCTURE);
                expect(&operation.output, "output", is(&operation.output, is_structure), STRUCTURE);
                for error in &operation.errors {
                    expect(error, "error", is_error(error), ERROR);
                }
            }
            ShapeKind::Resource(resource) => {
                for target in resource.identifiers.values().chain(resource.properties.values()) {
                    expect(target, "identifier or property shape", true, "");
                }
                for op in &resource.operations {
                    expect(op, "bound operation", is(op, is_operation), OPERATION);
                }
                for child in &resource.resources {
                    expect(child, "bound resource", is(child, is_resource), RESOURCE);
                }
            }
            _ => {}
        }
    }
}
