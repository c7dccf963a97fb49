//! The naming layer: every Rust name of the generated crate, decided once.
//!
//! Names are claimed in a fixed order (shape id, then model member order), and a name that is
//! already taken in its scope, or that is reserved by the generated API (`builder`, `build`,
//! `Unknown`, `Unhandled` …), is changed deterministically and the change is recorded as a
//! [`Rename`], which the IR turns into a note in the item's documentation. Nothing else is
//! decided here: types, wire names and documentation belong to the IR (`crate::ir`).

mod members;

use std::collections::{BTreeMap, BTreeSet, HashMap};

pub(crate) use members::{MemberName, UnionMemberName, VariantName};

use crate::index::ServiceIndex;
use crate::ir::Module;
use crate::model::{ShapeId, ShapeKind};
use crate::naming::{escape_keyword, pascal_case, snake_case, unraw};

/// The name of a generated item: a struct or enum with the private file that defines it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ItemName {
    /// The Rust type name.
    pub name: String,
    /// The public module that re-exports it.
    pub module: Module,
    /// The private module (file stem) that defines it, e.g. `_email_settings`.
    pub file: String,
    /// Why the name differs from the natural one, if it does.
    pub rename: Option<Rename>,
}

/// One variant of an operation's error enum.
#[derive(Clone, Debug)]
pub(crate) struct ErrorVariantName {
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
pub(crate) struct OperationNames {
    /// The operation shape.
    pub shape: ShapeId,
    /// The module under `crate::operation`, as an identifier's text (never raw).
    pub module: String,
    /// The input structure as `<Name>Input`.
    pub input: ItemName,
    /// The output structure as `<Name>Output`.
    pub output: ItemName,
    /// The error enum, `<Name>Error`.
    pub error: String,
    /// The error enum's variants, one per error structure, ordered by name.
    pub error_variants: Vec<ErrorVariantName>,
}

/// A name that differs from the one the naming rules give, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Rename {
    /// The name the rules give.
    pub from: String,
    /// The name used.
    pub to: String,
    /// Why, as a sentence fragment: "`builder` is a method every structure has".
    pub reason: String,
}

impl Rename {
    /// The sentence the documentation of a renamed item ends with.
    pub fn note(&self) -> String {
        format!("*Named `{}` rather than `{}` because {}.*", self.to, self.from, self.reason)
    }
}

/// The names of a whole service.
#[derive(Debug, Default)]
pub(crate) struct Symbols {
    items: BTreeMap<ShapeId, ItemName>,
    operations: Vec<OperationNames>,
    members: HashMap<ShapeId, Vec<MemberName>>,
    union_members: HashMap<ShapeId, Vec<UnionMemberName>>,
    variants: HashMap<ShapeId, Vec<VariantName>>,
}

/// The variant that keeps values an enum does not know, or members a union does not know.
pub(crate) const UNKNOWN_VARIANT: &str = "Unknown";
/// The error-enum variant for errors the model does not describe.
pub(crate) const UNHANDLED_VARIANT: &str = "Unhandled";

impl Symbols {
    /// Names everything the index reaches.
    pub fn new(index: &ServiceIndex<'_>) -> Symbols {
        let mut symbols = Symbols::default();
        symbols.name_items(index);
        symbols.name_operations(index);
        for id in &index.shapes {
            let shape = index.shape(id);
            match &shape.kind {
                ShapeKind::Structure(members) => {
                    symbols.members.insert(id.clone(), members::name_members(members));
                }
                ShapeKind::Union(members) => {
                    symbols.union_members.insert(id.clone(), members::name_union_members(index, members));
                }
                ShapeKind::Enum(_) | ShapeKind::IntEnum(_) => {
                    symbols.variants.insert(id.clone(), members::name_variants(shape));
                }
                ShapeKind::String if shape.traits.enum_definitions().is_some() => {
                    symbols.variants.insert(id.clone(), members::name_variants(shape));
                }
                _ => {}
            }
        }
        symbols
    }

    /// The item a structure, union or enum is rendered as (operation inputs and outputs excepted).
    pub fn item(&self, id: &ShapeId) -> &ItemName {
        self.items.get(id).unwrap_or_else(|| panic!("no item was named for `{id}`"))
    }

    /// Every named item, ordered by shape id.
    pub fn items(&self) -> impl Iterator<Item = (&ShapeId, &ItemName)> {
        self.items.iter()
    }

    /// The operations, ordered by shape id.
    pub fn operations(&self) -> &[OperationNames] {
        &self.operations
    }

    /// The member names of a structure, in model order.
    pub fn members(&self, id: &ShapeId) -> &[MemberName] {
        self.members.get(id).map_or(&[], Vec::as_slice)
    }

    /// The member names of a union, in model order.
    pub fn union_members(&self, id: &ShapeId) -> &[UnionMemberName] {
        self.union_members.get(id).map_or(&[], Vec::as_slice)
    }

    /// The variant names of an enum, in model order.
    pub fn variants(&self, id: &ShapeId) -> &[VariantName] {
        self.variants.get(id).map_or(&[], Vec::as_slice)
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
                Some(Rename { from: natural.clone(), to: name.clone(), reason })
            } else {
                keyword.map(|reason| Rename { from: converted, to: name.clone(), reason })
            };
            let file = format!("_{}", snake_case(&name));
            self.items.insert(id.clone(), ItemName { name, module, file, rename });
        }
    }

    fn name_operations(&mut self, index: &ServiceIndex<'_>) {
        let mut modules = BTreeSet::new();
        for op in &index.operations {
            let name = pascal_case(op.id.name());
            let natural = unraw(&escape_keyword(&snake_case(op.id.name()))).to_owned();
            let module = claim(&mut modules, &natural, "_");
            let operation = index.operation(op);
            let item = |suffix: &str| ItemName {
                name: format!("{name}{suffix}"),
                module: Module::Operation(module.clone()),
                file: format!("_{module}_{}", suffix.to_ascii_lowercase()),
                rename: None,
            };
            let mut error_ids: BTreeSet<ShapeId> = operation.errors.iter().cloned().collect();
            error_ids.extend(index.common_errors.iter().cloned());
            let mut taken = BTreeSet::from([UNHANDLED_VARIANT.to_owned()]);
            let mut error_variants: Vec<ErrorVariantName> = Vec::new();
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
                    Rename { from: natural.clone(), to: variant.clone(), reason }
                });
                let is_fn = format!("is_{}", snake_case(&variant));
                error_variants.push(ErrorVariantName { shape: error, name: variant, is_fn, rename });
            }
            error_variants.sort_by(|a, b| a.name.cmp(&b.name));
            self.operations.push(OperationNames {
                shape: op.id.clone(),
                module: module.clone(),
                input: item("Input"),
                output: item("Output"),
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
