//! The symbol layer: every Rust name and type of the generated crate, decided once.
//!
//! Renderers never convert a model name themselves; they ask here. Names are claimed in a fixed
//! order (shape id, then model member order), and a name that is already taken in its scope, or that
//! is reserved by the generated API (`builder`, `build`, `Unknown`, `Unhandled` …), is changed
//! deterministically and the change is recorded as a [`Rename`], which the renderers document on the
//! item.

mod members;
mod rust_type;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::rc::Rc;

pub use members::{Codec, MemberSymbol, UnionMember, Variant};
pub use rust_type::RustType;

use crate::diagnostics::Diagnostics;
use crate::index::ServiceIndex;
use crate::model::{ShapeId, ShapeKind};
use crate::naming::{escape_keyword, pascal_case, snake_case, unraw};

/// The module a generated item lives in.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Module {
    /// `crate::types`: structures, unions and enums.
    Types,
    /// `crate::types::error`: the structures of errors.
    TypesError,
    /// `crate::operation::<name>`: an operation's input, output and error.
    Operation(String),
}

/// A named item of the generated crate: a struct or enum with the private file that defines it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// The Rust type name.
    pub name: String,
    /// The public module that re-exports it.
    pub module: Module,
    /// The private module (file stem) that defines it, e.g. `_email_settings`.
    pub file: String,
    /// The shape it is generated from.
    pub shape: ShapeId,
    /// Why the name differs from the natural one, if it does.
    pub rename: Option<Rename>,
}

impl Item {
    /// The name of its builder, `<Name>Builder`.
    pub fn builder_name(&self) -> String {
        format!("{}Builder", self.name)
    }
}

/// One variant of an operation's error enum.
#[derive(Clone, Debug)]
pub struct ErrorVariant {
    /// The error structure.
    pub shape: ShapeId,
    /// The variant's name.
    pub name: String,
    /// The `is_…` helper's name.
    pub is_fn: String,
    /// Why the name differs from the natural one, if it does.
    pub rename: Option<Rename>,
}

/// The names of one operation's module and items.
#[derive(Clone, Debug)]
pub struct OperationSymbols {
    /// The operation shape.
    pub shape: ShapeId,
    /// The operation's name in PascalCase.
    pub name: String,
    /// The module under `crate::operation`.
    pub module: String,
    /// The input structure as `<Name>Input`.
    pub input: Item,
    /// The output structure as `<Name>Output`.
    pub output: Item,
    /// The error enum, `<Name>Error`.
    pub error: String,
    /// The error enum's variants, one per error structure, ordered by name.
    pub error_variants: Vec<ErrorVariant>,
}

/// A name that differs from the one the naming rules give, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rename {
    /// The shape or member id.
    pub shape: String,
    /// The name the rules give.
    pub from: String,
    /// The name used.
    pub to: String,
    /// Why, as a sentence fragment: "`builder` is a method every structure has".
    pub reason: String,
}

/// The names of a whole service.
///
/// Items are kept in shape-id order, which decides the order of declarations in the generated
/// modules; everything is also found by id through hash maps, which the renderers consult for
/// every member.
#[derive(Debug, Default)]
pub struct Symbols {
    items: BTreeMap<ShapeId, Rc<Item>>,
    items_by_id: HashMap<ShapeId, Rc<Item>>,
    operations: Vec<OperationSymbols>,
    members: HashMap<ShapeId, Vec<MemberSymbol>>,
    union_members: HashMap<ShapeId, Vec<UnionMember>>,
    variants: HashMap<ShapeId, Vec<Variant>>,
    renames: Vec<Rename>,
}

/// The variant that keeps values an enum does not know, or members a union does not know.
pub const UNKNOWN_VARIANT: &str = "Unknown";
/// The error-enum variant for errors the model does not describe.
pub const UNHANDLED_VARIANT: &str = "Unhandled";

impl Symbols {
    /// Names everything the index reaches.
    pub fn new(index: &ServiceIndex<'_>) -> Result<Symbols, Diagnostics> {
        let mut symbols = Symbols::default();
        symbols.name_items(index);
        symbols.name_operations(index);
        for id in &index.shapes {
            let shape = index.shape(id);
            match &shape.kind {
                ShapeKind::Structure(members) => {
                    let named = symbols.name_members(index, shape, members);
                    symbols.members.insert(id.clone(), named);
                }
                ShapeKind::Union(members) => {
                    let named = symbols.name_union_members(index, shape, members);
                    symbols.union_members.insert(id.clone(), named);
                }
                ShapeKind::Enum(_) | ShapeKind::IntEnum(_) => symbols.name_variants(shape),
                ShapeKind::String if shape.traits.enum_definitions().is_some() => symbols.name_variants(shape),
                _ => {}
            }
        }
        Ok(symbols)
    }

    /// The item a structure, union or enum is rendered as (operation inputs and outputs excepted).
    pub fn item(&self, id: &ShapeId) -> &Item {
        self.item_rc(id)
    }

    pub(crate) fn item_rc(&self, id: &ShapeId) -> &Rc<Item> {
        self.items_by_id.get(id).unwrap_or_else(|| panic!("no item was named for `{id}`"))
    }

    /// Every named item, ordered by shape id.
    pub fn items(&self) -> impl Iterator<Item = (&ShapeId, &Item)> {
        self.items.iter().map(|(id, item)| (id, &**item))
    }

    /// The operations, ordered by shape id.
    pub fn operations(&self) -> &[OperationSymbols] {
        &self.operations
    }

    /// The members of a structure, in model order.
    pub fn members(&self, id: &ShapeId) -> &[MemberSymbol] {
        self.members.get(id).map_or(&[], Vec::as_slice)
    }

    /// The members of a union, in model order.
    pub fn union_members(&self, id: &ShapeId) -> &[UnionMember] {
        self.union_members.get(id).map_or(&[], Vec::as_slice)
    }

    /// The variants of an enum, in model order.
    pub fn variants(&self, id: &ShapeId) -> &[Variant] {
        self.variants.get(id).map_or(&[], Vec::as_slice)
    }

    /// Every rename, in the order names were claimed.
    pub fn renames(&self) -> &[Rename] {
        &self.renames
    }

    /// Every Rust type some member or union member has, for deciding which support code to emit.
    pub fn member_types(&self) -> impl Iterator<Item = &RustType> {
        let structure = self.members.values().flatten().map(|m| &m.ty);
        let union = self.union_members.values().flatten().filter_map(|m| m.ty.as_ref());
        structure.chain(union)
    }

    fn rename(&mut self, shape: String, from: &str, to: &str, reason: String) -> Rename {
        let rename = Rename { shape, from: from.to_owned(), to: to.to_owned(), reason };
        self.renames.push(rename.clone());
        rename
    }

    /// Names every structure, union and enum that is rendered as a type of its own.
    fn name_items(&mut self, index: &ServiceIndex<'_>) {
        let service_renames = match &index.service.kind {
            ShapeKind::Service(service) => service.rename.clone(),
            _ => BTreeMap::new(),
        };
        let mut scopes: BTreeMap<Module, BTreeSet<String>> = BTreeMap::new();
        for id in &index.shapes {
            let shape = index.shape(id);
            let is_error = index.errors.contains(id) || shape.traits.error_fault().is_some();
            let module = match &shape.kind {
                ShapeKind::Structure(_) if is_error => Module::TypesError,
                // Operation inputs and outputs are named per operation; the index tells which
                // structures are also used as members and need a type of their own.
                ShapeKind::Structure(_) if !index.member_targets.contains(id) => continue,
                ShapeKind::Structure(_) | ShapeKind::Union(_) | ShapeKind::Enum(_) | ShapeKind::IntEnum(_) => {
                    Module::Types
                }
                ShapeKind::String if shape.traits.enum_definitions().is_some() => Module::Types,
                _ => continue,
            };
            let model_name = service_renames.get(id).map_or(id.name(), String::as_str);
            let converted = pascal_case(model_name);
            let (natural, keyword) = usable(converted.clone());
            let taken = scopes.entry(module.clone()).or_default();
            let name = claim(taken, &natural, "");
            let rename = if name != natural {
                let reason = format!("another shape of the service is also named `{natural}`");
                Some(self.rename(id.to_string(), &natural, &name, reason))
            } else {
                keyword.map(|reason| self.rename(id.to_string(), &converted, &name, reason))
            };
            let file = format!("_{}", snake_case(&name));
            let item = Rc::new(Item { name, module, file, shape: id.clone(), rename });
            self.items_by_id.insert(id.clone(), item.clone());
            self.items.insert(id.clone(), item);
        }
    }

    fn name_operations(&mut self, index: &ServiceIndex<'_>) {
        let mut modules = BTreeSet::new();
        for op in &index.operations {
            let name = pascal_case(op.id.name());
            let natural = escape_keyword(&snake_case(op.id.name()));
            let module = claim(&mut modules, &natural, "_");
            if module != natural {
                let reason = format!("another operation's module is also named `{natural}`");
                self.rename(op.id.to_string(), &natural, &module, reason);
            }
            let operation = index.operation(op);
            let item = |suffix: &str, shape: &ShapeId| Item {
                name: format!("{name}{suffix}"),
                module: Module::Operation(module.clone()),
                file: format!("_{}_{}", unraw(&module), suffix.to_ascii_lowercase()),
                shape: shape.clone(),
                rename: None,
            };
            let mut error_ids: BTreeSet<ShapeId> = operation.errors.iter().cloned().collect();
            error_ids.extend(index.common_errors.iter().cloned());
            let mut taken = BTreeSet::from([UNHANDLED_VARIANT.to_owned()]);
            let mut error_variants: Vec<ErrorVariant> = Vec::new();
            for error in error_ids {
                let natural = self.item(&error).name.clone();
                let wanted = if natural == UNHANDLED_VARIANT { format!("{natural}Error") } else { natural.clone() };
                let variant = claim(&mut taken, &wanted, "");
                let rename = (variant != natural).then(|| {
                    let reason = if natural == UNHANDLED_VARIANT {
                        format!("`{UNHANDLED_VARIANT}` is the variant for errors the model does not describe")
                    } else {
                        format!("another error of `{name}Error` is also named `{natural}`")
                    };
                    self.rename(error.to_string(), &natural, &variant, reason)
                });
                let is_fn = format!("is_{}", snake_case(&variant));
                error_variants.push(ErrorVariant { shape: error, name: variant, is_fn, rename });
            }
            error_variants.sort_by(|a, b| a.name.cmp(&b.name));
            self.operations.push(OperationSymbols {
                shape: op.id.clone(),
                name: name.clone(),
                module: module.clone(),
                input: item("Input", &operation.input),
                output: item("Output", &operation.output),
                error: format!("{name}Error"),
                error_variants,
            });
        }
    }
}

/// A converted name made usable as an identifier, and why it had to change beyond a raw prefix.
fn usable(converted: String) -> (String, Option<String>) {
    let escaped = escape_keyword(&converted);
    if unraw(&escaped) == converted {
        (escaped, None)
    } else {
        let reason = format!("`{converted}` is a Rust keyword that cannot be a raw identifier");
        (escaped, Some(reason))
    }
}

/// Takes `wanted` in `taken`, or the first of `wanted{sep}2`, `wanted{sep}3` … that is free.
fn claim(taken: &mut BTreeSet<String>, wanted: &str, separator: &str) -> String {
    let mut name = wanted.to_owned();
    let mut n = 2;
    while taken.contains(&name) {
        name = format!("{}{separator}{n}", unraw(wanted));
        n += 1;
    }
    taken.insert(name.clone());
    name
}
