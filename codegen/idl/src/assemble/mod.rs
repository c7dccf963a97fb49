//! Assembly: parses every source, resolves shape ids across files and the prelude,
//! merges `apply` statements, metadata and traits, and writes the JSON AST.

mod inherit;
mod json;
mod resolve;
mod shapes;
mod validate;

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};
use smithy_core::shape_id::{namespace_of, split_member};
use smithy_core::{Diagnostics, ShapeType, SourceFile, prelude, traits};

use crate::ast::ModelFile;
use crate::parser;
use crate::reporter::Reporter;
use json::JsonFile;

/// Collects IDL and JSON AST sources and assembles them, with the prelude, into one
/// JSON AST model.
///
/// ```
/// let mut assembler = smithy_idl::Assembler::new();
/// assembler.add_idl("a.smithy", "$version: \"2\"\nnamespace ex\nstructure A { b: B }\n");
/// assembler.add_idl("b.smithy", "$version: \"2\"\nnamespace ex\nstring B\n");
/// let ast = assembler.assemble().unwrap();
/// assert_eq!(ast["shapes"]["ex#A"]["members"]["b"]["target"], "ex#B");
/// ```
#[derive(Debug, Clone, Default)]
pub struct Assembler {
    inputs: Vec<Input>,
}

#[derive(Debug, Clone)]
struct Input {
    path: String,
    text: String,
    json: bool,
    /// Byte offset of the first invalid UTF-8 sequence, for sources given as bytes.
    invalid_utf8_at: Option<usize>,
}

impl Assembler {
    /// An assembler with no sources.
    pub fn new() -> Self {
        Assembler::default()
    }

    /// Adds an IDL (`.smithy`) source. `path` is only used in diagnostics.
    pub fn add_idl(&mut self, path: impl Into<String>, text: impl Into<String>) -> &mut Self {
        self.push(path.into(), text.into(), false, None)
    }

    /// Adds a JSON AST source. `path` is only used in diagnostics.
    pub fn add_json(&mut self, path: impl Into<String>, text: impl Into<String>) -> &mut Self {
        self.push(path.into(), text.into(), true, None)
    }

    /// Adds a source read from a file: JSON AST if `path` ends with `.json`, IDL
    /// otherwise. Bytes that are not UTF-8 are reported when assembling.
    pub fn add_source(&mut self, path: impl Into<String>, bytes: &[u8]) -> &mut Self {
        let path = path.into();
        let json = path.ends_with(".json");
        match std::str::from_utf8(bytes) {
            Ok(text) => self.push(path, text.to_string(), json, None),
            Err(error) => {
                let valid = error.valid_up_to();
                let text = String::from_utf8_lossy(bytes.get(..valid).unwrap_or_default());
                self.push(path, text.into_owned(), json, Some(valid))
            }
        }
    }

    fn push(&mut self, path: String, text: String, json: bool, bad: Option<usize>) -> &mut Self {
        self.inputs.push(Input { path, text, json, invalid_utf8_at: bad });
        self
    }

    /// Assembles every source added so far.
    ///
    /// Every reference in an IDL source must resolve to a shape of one of the sources or
    /// of the prelude. JSON AST sources are taken as they are: their shapes are added and
    /// their apply entries merged, but their references are not checked, because JSON
    /// models commonly use traits whose definitions are not among the sources.
    ///
    /// The `smithy` version of the result is the highest version of the sources (an IDL
    /// file without `$version` counts as 1.0, as in Smithy). Shapes of the prelude
    /// namespace, including any defined by the sources, are not written.
    pub fn assemble(&self) -> Result<Value, Diagnostics> {
        run(&self.inputs, Mode::Complete)
    }
}

/// Parses one IDL file on its own into a JSON AST.
///
/// Relative shape ids must resolve within the file or the prelude. Absolute ids of
/// other namespaces may name shapes defined elsewhere, and `apply` statements that
/// target such shapes are kept as `"type": "apply"` entries. Use [`Assembler`] to read
/// files that refer to each other.
pub fn parse_file(path: &str, text: &str) -> Result<Value, Diagnostics> {
    let input = Input { path: path.to_string(), text: text.to_string(), json: false, invalid_utf8_at: None };
    run(std::slice::from_ref(&input), Mode::SingleFile)
}

/// How much of the model the sources are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// The sources are the whole model: every reference must resolve.
    Complete,
    /// One file read alone: absolute ids of other namespaces may be defined elsewhere.
    SingleFile,
}

enum Parsed {
    Idl(ModelFile),
    Json(JsonFile),
    Failed,
}

/// Traits to add to a shape or member from outside its definition.
pub(crate) struct PendingApply {
    pub file: usize,
    pub at: usize,
    /// Absolute id of the shape or member.
    pub target: String,
    /// Trait id, value and where the trait was written.
    pub traits: Vec<(String, Value, usize)>,
    /// Whether the statement comes from a `smithy.api` file, which may add to the prelude.
    pub from_prelude: bool,
}

/// An elided member (`$name`) whose target is found once every shape is known.
pub(crate) struct Elided {
    pub file: usize,
    pub at: usize,
    pub shape: String,
    pub member: String,
    pub resource: Option<String>,
    pub traits: Map<String, Value>,
}

/// The state of one assembly run.
pub(crate) struct Assembly<'r, 'a> {
    mode: Mode,
    reporter: &'r mut Reporter<'a>,
    /// The shapes of every source, with their types (see `type_of` for the prelude).
    types: HashMap<String, ShapeType>,
    /// Where each shape of a source is defined: (file, byte offset).
    origins: HashMap<String, (usize, usize)>,
    /// The shapes of the sources, in source order.
    shapes: Map<String, Value>,
    /// `"type": "apply"` entries for the output.
    apply_entries: Map<String, Value>,
    applies: Vec<PendingApply>,
    elided: Vec<Elided>,
    /// Enum members written without a value: (file, offset, shape, member).
    implicit_enum_values: Vec<(usize, usize, String, String)>,
    /// Explicit members of shapes with mixins, checked against inherited members:
    /// (file, offset, shape, member).
    redefined_members: Vec<(usize, usize, String, String)>,
    /// Where mixins and `for` resources are referenced: (file, offset, shape, target).
    mixin_refs: Vec<(usize, usize, String, String)>,
    resource_refs: Vec<(usize, usize, String, String)>,
    metadata: Map<String, Value>,
    versions: Vec<String>,
    /// Which mixin provides a member a shape inherits, and its target, for every (shape,
    /// member) that a later step asks about; filled by `resolve_inheritance`.
    inherited: HashMap<(String, String), (String, String)>,
    /// Shapes with a mixin, direct or not, that is not among the sources (which happens
    /// only when a single file is read alone).
    missing_mixin: HashSet<String>,
    /// Where each trait written in IDL was applied, by (shape or member id, trait id),
    /// to name the earlier place when a later application conflicts with it.
    trait_origins: HashMap<(String, String), (usize, usize)>,
    /// Where each metadata key was first given.
    metadata_origins: HashMap<String, (usize, usize)>,
}

fn run(inputs: &[Input], mode: Mode) -> Result<Value, Diagnostics> {
    let files: Vec<SourceFile> =
        inputs.iter().map(|input| SourceFile::new(input.path.clone(), input.text.clone())).collect();
    let mut reporter = Reporter::new(&files);
    let mut parsed = Vec::with_capacity(files.len());
    for (index, (input, file)) in inputs.iter().zip(&files).enumerate() {
        if let Some(at) = input.invalid_utf8_at {
            reporter.error(index, at, "the file is not valid UTF-8");
            parsed.push(Parsed::Failed);
        } else if input.json {
            parsed.push(json::parse(file, index, &mut reporter).map_or(Parsed::Failed, Parsed::Json));
        } else {
            parsed.push(Parsed::Idl(parser::parse(&file.text, index, &mut reporter)));
        }
    }
    let output = {
        let mut assembly = Assembly::new(mode, &mut reporter);
        assembly.assemble(parsed, inputs.iter().any(|i| !i.json));
        assembly.output()
    };
    if reporter.count() > 0 { Err(reporter.finish()) } else { Ok(output) }
}

impl<'r, 'a> Assembly<'r, 'a> {
    fn new(mode: Mode, reporter: &'r mut Reporter<'a>) -> Self {
        Assembly {
            mode,
            reporter,
            types: HashMap::new(),
            origins: HashMap::new(),
            shapes: Map::new(),
            apply_entries: Map::new(),
            applies: Vec::new(),
            elided: Vec::new(),
            implicit_enum_values: Vec::new(),
            redefined_members: Vec::new(),
            mixin_refs: Vec::new(),
            resource_refs: Vec::new(),
            metadata: Map::new(),
            versions: Vec::new(),
            inherited: HashMap::new(),
            missing_mixin: HashSet::new(),
            trait_origins: HashMap::new(),
            metadata_origins: HashMap::new(),
        }
    }

    pub(crate) fn error(&mut self, file: usize, at: usize, message: impl Into<String>) {
        self.reporter.error(file, at, message);
    }

    /// Where `id` is defined, as `path:line:column`, for messages about conflicts.
    fn describe_origin(&self, id: &str) -> String {
        match self.origins.get(id) {
            Some(&(file, at)) => self.reporter.location(file, at),
            None => "the prelude".to_string(),
        }
    }

    /// Records the outcome of applying trait `id`, written at byte `at` of `file`, to
    /// `target` (a shape or member id): where it was applied, or, for a value that
    /// conflicts with an earlier one, an error naming both places.
    pub(crate) fn record_trait(
        &mut self,
        outcome: Result<(), Value>,
        target: &str,
        id: String,
        (file, at): (usize, usize),
    ) {
        let key = (target.to_string(), id);
        if outcome.is_ok() {
            self.trait_origins.entry(key).or_insert((file, at));
            return;
        }
        let earlier = match self.trait_origins.get(&key) {
            Some(&(file, at)) => format!("at {}", self.reporter.location(file, at)),
            // Traits of JSON AST sources are not located one by one: name their shape.
            None => {
                let root = split_member(target).0;
                match self.origins.get(root) {
                    Some(&(file, at)) => {
                        format!("in the definition of `{root}` at {}", self.reporter.location(file, at))
                    }
                    None => "in the prelude".to_string(),
                }
            }
        };
        self.error(file, at, traits::trait_conflict(&key.1, target, &earlier));
    }

    /// Gives metadata key `key` the value `value`, written at byte `at` of `file`.
    pub(crate) fn merge_metadata(&mut self, key: String, value: Value, (file, at): (usize, usize)) {
        match traits::apply_to_map(&mut self.metadata, &key, value) {
            Ok(()) => {
                self.metadata_origins.entry(key).or_insert((file, at));
            }
            Err(_) => {
                let earlier = match self.metadata_origins.get(&key) {
                    Some(&(file, at)) => format!("at {}", self.reporter.location(file, at)),
                    None => "in another file".to_string(),
                };
                self.error(file, at, traits::metadata_conflict(&key, &earlier));
            }
        }
    }

    /// The type of a known shape: one of the sources' or of the prelude.
    pub(crate) fn type_of(&self, id: &str) -> Option<ShapeType> {
        self.types.get(id).copied().or_else(|| {
            let name = id.strip_prefix(prelude::NAMESPACE)?.strip_prefix('#')?;
            prelude::shape_type(name)
        })
    }

    /// Records a shape definition, reporting duplicates. Returns whether it is new.
    fn define(&mut self, id: &str, kind: ShapeType, file: usize, at: usize) -> bool {
        if self.origins.contains_key(id) {
            let previous = self.describe_origin(id);
            self.error(file, at, format!("shape `{id}` is already defined at {previous}"));
            return false;
        }
        self.types.insert(id.to_string(), kind);
        self.origins.insert(id.to_string(), (file, at));
        true
    }

    fn assemble(&mut self, parsed: Vec<Parsed>, has_idl: bool) {
        // Every shape must be known before any id is resolved: relative ids may refer
        // forward and across files.
        let mut defined = Vec::with_capacity(parsed.len());
        for (file, model) in parsed.iter().enumerate() {
            defined.push(match model {
                Parsed::Idl(model) => self.define_idl_shapes(file, model),
                Parsed::Json(model) => self.define_json_shapes(file, model),
                Parsed::Failed => Vec::new(),
            });
        }
        for ((file, model), defined) in parsed.into_iter().enumerate().zip(defined) {
            match model {
                Parsed::Idl(model) => self.add_idl_file(file, model, &defined),
                Parsed::Json(model) => self.add_json_file(file, model, &defined),
                Parsed::Failed => {}
            }
        }
        self.resolve_inheritance();
        for apply in std::mem::take(&mut self.applies) {
            self.apply(apply);
        }
        self.add_implicit_enum_values();
        self.validate();
        if self.versions.is_empty() && has_idl {
            // An IDL file without `$version` is a 1.0 file, as in Smithy's own loader.
            self.versions.push("1.0".to_string());
        }
    }

    fn add_idl_file(&mut self, file: usize, mut model: ModelFile, defined: &[bool]) {
        if let Some(version) = model.version.take() {
            self.versions.push(version);
        }
        for decl in std::mem::take(&mut model.metadata) {
            let value = self.node_value(None, decl.value);
            self.merge_metadata(decl.key, value, (file, decl.at));
        }
        let Some(namespace) = model.namespace.clone() else {
            return;
        };
        let scope = self.scope(file, namespace, &model);
        self.add_idl_shapes(&scope, std::mem::take(&mut model.shapes), defined);
        for apply in std::mem::take(&mut model.applies) {
            self.queue_idl_apply(&scope, apply);
        }
    }

    /// Merges traits applied from outside a definition into the shape or member, or keeps
    /// them as an apply entry when the member is inherited from a mixin.
    fn apply(&mut self, apply: PendingApply) {
        let (root, member) = split_member(&apply.target);
        if namespace_of(root) == prelude::NAMESPACE && !apply.from_prelude {
            self.error(
                apply.file,
                apply.at,
                format!("cannot apply traits to `{}`: prelude shapes cannot be changed", apply.target),
            );
            return;
        }
        let shape_known = self.shapes.contains_key(root);
        let is_local = match (self.shapes.get(root), member) {
            (Some(_), None) => true,
            (Some(shape), Some(member)) => crate::json_ast::local_member(shape, member).is_some(),
            (None, _) => false,
        };
        let is_entry = if is_local {
            false
        } else if !shape_known {
            // Only a single file read alone may apply traits to shapes defined elsewhere;
            // otherwise the unknown target was reported when it was resolved.
            if self.mode == Mode::Complete {
                return;
            }
            true
        } else {
            let member = member.unwrap_or_default();
            let inherited = self.inherited_member(root, member).is_some();
            if !inherited && !self.missing_mixin.contains(root) {
                self.error(
                    apply.file,
                    apply.at,
                    format!("cannot apply traits to `{}`: `{root}` has no member `{member}`", apply.target),
                );
                return;
            }
            true
        };
        for (id, value, at) in apply.traits {
            let traits = if is_entry {
                let entry = self.apply_entries.entry(apply.target.clone()).or_insert_with(|| Value::Object(Map::new()));
                entry.as_object_mut()
            } else {
                let shape = self.shapes.get_mut(root);
                let target = match member {
                    Some(member) => shape.and_then(|s| crate::json_ast::local_member_mut(s, member)),
                    None => shape,
                };
                target.and_then(traits_mut)
            };
            let Some(traits) = traits else { continue };
            let outcome = traits::apply_to_map(traits, &id, value);
            self.record_trait(outcome, &apply.target, id, (apply.file, at));
        }
    }

    /// The mixin that provides member `member` of `shape` through inheritance, and the
    /// member's target, for the (shape, member) pairs `resolve_inheritance` answered.
    pub(crate) fn inherited_member(&self, shape: &str, member: &str) -> Option<&(String, String)> {
        // Shapes without mixins inherit nothing, and are answered without building a key.
        if self.shapes.get(shape).is_none_or(|s| s.get("mixins").is_none()) {
            return None;
        }
        self.inherited.get(&(shape.to_string(), member.to_string()))
    }

    fn output(&mut self) -> Value {
        let version = self.versions.iter().max().cloned().unwrap_or_else(|| "2.0".to_string());
        let mut root = Map::new();
        root.insert("smithy".to_string(), Value::String(version));
        if !self.metadata.is_empty() {
            root.insert("metadata".to_string(), Value::Object(std::mem::take(&mut self.metadata)));
        }
        let mut shapes = Map::new();
        for (id, shape) in std::mem::take(&mut self.shapes) {
            // The prelude is implied by every model, so its shapes are not written.
            if namespace_of(&id) != prelude::NAMESPACE {
                shapes.insert(id, shape);
            }
        }
        for (id, traits) in std::mem::take(&mut self.apply_entries) {
            if traits.as_object().is_some_and(Map::is_empty) {
                continue;
            }
            let mut entry = Map::new();
            entry.insert("type".to_string(), Value::String("apply".to_string()));
            entry.insert("traits".to_string(), traits);
            shapes.insert(id, Value::Object(entry));
        }
        if !shapes.is_empty() {
            root.insert("shapes".to_string(), Value::Object(shapes));
        }
        Value::Object(root)
    }
}

/// The `traits` object of a shape or member, created if missing.
pub(crate) fn traits_mut(target: &mut Value) -> Option<&mut Map<String, Value>> {
    let object = target.as_object_mut()?;
    object.entry("traits").or_insert_with(|| Value::Object(Map::new())).as_object_mut()
}
