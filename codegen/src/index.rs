//! The part of the model one service reaches, and the facts later stages need about it.
//!
//! Walks from the service through its operations (directly bound or through resources), their
//! inputs, outputs and errors, and every member target. Records which structures are operation
//! inputs, outputs or errors, which are also used as ordinary members, and which members must be
//! boxed to break recursion.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::{Model, Operation, Shape, ShapeId, ShapeKind};

/// The shapes reachable from one service, with their roles.
#[derive(Debug)]
pub struct ServiceIndex<'m> {
    /// The model the index was built from.
    pub model: &'m Model,
    /// The service shape.
    pub service: &'m Shape,
    /// Operations in the service's closure, ordered by shape id.
    pub operations: Vec<&'m Shape>,
    /// Errors every operation can return (the service's `errors`).
    pub common_errors: Vec<ShapeId>,
    /// Data shapes reachable from the operations, prelude included, ordered by id.
    pub shapes: BTreeSet<ShapeId>,
    /// Structures used as the target of some member (as opposed to only as input, output or error).
    pub member_targets: BTreeSet<ShapeId>,
    /// Structures used as some operation's error.
    pub errors: BTreeSet<ShapeId>,
    /// Members, by container and then member name, that hold their value in a `Box` to break
    /// recursion.
    boxed: BTreeMap<ShapeId, BTreeSet<String>>,
}

impl<'m> ServiceIndex<'m> {
    /// Indexes the service `service`, or the only service of the model when `None`.
    pub fn new(model: &'m Model, service: Option<&ShapeId>) -> Result<ServiceIndex<'m>, Diagnostics> {
        Self::with_operations(model, service, None)
    }

    /// Indexes the service with only the operations named in `only` (by shape name or absolute
    /// id), and what they reach; every operation when `None`. A name the service does not bind
    /// is reported.
    pub fn with_operations(
        model: &'m Model,
        service: Option<&ShapeId>,
        only: Option<&[String]>,
    ) -> Result<ServiceIndex<'m>, Diagnostics> {
        let service = find_service(model, service)?;
        let ShapeKind::Service(bindings) = &service.kind else { unreachable!("find_service checks the kind") };
        let mut operation_ids = BTreeSet::new();
        operation_ids.extend(bindings.operations.iter().cloned());
        let mut resources: Vec<ShapeId> = bindings.resources.clone();
        let mut seen_resources = BTreeSet::new();
        while let Some(resource) = resources.pop() {
            if !seen_resources.insert(resource.clone()) {
                continue;
            }
            if let Some(ShapeKind::Resource(r)) = model.shape(&resource).map(|s| &s.kind) {
                operation_ids.extend(r.operations.iter().cloned());
                resources.extend(r.resources.iter().cloned());
            }
        }
        if let Some(only) = only {
            let mut diagnostics = Diagnostics::new();
            for wanted in only {
                if !operation_ids.iter().any(|id| id.as_str() == wanted || id.name() == wanted) {
                    let message = format!("the service has no operation `{wanted}` (asked for by the settings)");
                    diagnostics.push(model.diagnostic(&service.id, None, message));
                }
            }
            diagnostics.into_result(())?;
            operation_ids.retain(|id| only.iter().any(|wanted| id.as_str() == wanted || id.name() == wanted));
        }
        let operations: Vec<&Shape> = operation_ids.iter().filter_map(|id| model.shape(id)).collect();

        let mut index = ServiceIndex {
            model,
            service,
            operations,
            common_errors: bindings.errors.clone(),
            shapes: BTreeSet::new(),
            member_targets: BTreeSet::new(),
            errors: BTreeSet::new(),
            boxed: BTreeMap::new(),
        };
        let mut pending: Vec<ShapeId> = Vec::new();
        for error in &bindings.errors {
            index.errors.insert(error.clone());
            pending.push(error.clone());
        }
        for op in index.operations.clone() {
            let operation = operation(op);
            pending.push(operation.input.clone());
            pending.push(operation.output.clone());
            for error in &operation.errors {
                index.errors.insert(error.clone());
                pending.push(error.clone());
            }
        }
        while let Some(id) = pending.pop() {
            if !index.shapes.insert(id.clone()) {
                continue;
            }
            let Some(shape) = model.shape(&id) else { continue };
            // Enum members target `smithy.api#Unit` only because every member needs a target.
            if matches!(shape.kind, ShapeKind::Enum(_) | ShapeKind::IntEnum(_)) {
                continue;
            }
            for member in shape.kind.members() {
                if matches!(model.shape(&member.target).map(|s| &s.kind), Some(ShapeKind::Structure(_))) {
                    index.member_targets.insert(member.target.clone());
                }
                pending.push(member.target.clone());
            }
        }
        index.find_boxed_members();
        Ok(index)
    }

    /// Whether the member `member` of `container` holds its value in a `Box`.
    pub fn is_boxed(&self, container: &ShapeId, member: &str) -> bool {
        self.boxed.get(container).is_some_and(|members| members.contains(member))
    }

    /// The operation bindings of an operation shape of this index.
    pub fn operation(&self, shape: &'m Shape) -> &'m Operation {
        operation(shape)
    }

    /// The shape with this id; ids in the index always resolve.
    pub fn shape(&self, id: &ShapeId) -> &'m Shape {
        self.model.shape(id).unwrap_or_else(|| panic!("indexed shape `{id}` is not in the model"))
    }

    /// Chooses members to box so that no structure or union contains itself without indirection.
    ///
    /// Lists and maps already hold their items on the heap, so only cycles made entirely of
    /// structure and union members need a box. Cycles are found in id order and the member boxed is
    /// the last edge that closes the cycle in that order, so the choice is deterministic. (A cycle
    /// of only `@required` members, which no value could ever satisfy, is refused by validation.)
    fn find_boxed_members(&mut self) {
        // Edges between aggregates, through members that hold their target inline.
        let mut edges: BTreeMap<ShapeId, Vec<(String, ShapeId)>> = BTreeMap::new();
        for id in &self.shapes {
            let shape = self.shape(id);
            if let ShapeKind::Structure(members) | ShapeKind::Union(members) = &shape.kind {
                let inline = members
                    .iter()
                    .filter(|m| matches!(self.shape(&m.target).kind, ShapeKind::Structure(_) | ShapeKind::Union(_)));
                edges.insert(id.clone(), inline.map(|m| (m.name.clone(), m.target.clone())).collect());
            }
        }
        // Depth-first search; an edge to a shape on the current path closes a cycle and is boxed.
        let mut state: BTreeMap<ShapeId, Visit> = BTreeMap::new();
        for start in edges.keys() {
            if state.contains_key(start) {
                continue;
            }
            let mut path: Vec<(ShapeId, usize)> = vec![(start.clone(), 0)];
            state.insert(start.clone(), Visit::OnPath);
            while let Some((node, next)) = path.last_mut() {
                let node = node.clone();
                let out = &edges[&node];
                if *next == out.len() {
                    state.insert(node, Visit::Done);
                    path.pop();
                    continue;
                }
                let (member, target) = out[*next].clone();
                *next += 1;
                match state.get(&target) {
                    None => {
                        state.insert(target.clone(), Visit::OnPath);
                        path.push((target, 0));
                    }
                    Some(Visit::OnPath) => {
                        self.boxed.entry(node).or_default().insert(member);
                    }
                    Some(Visit::Done) => {}
                }
            }
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Visit {
    OnPath,
    Done,
}

fn operation(shape: &Shape) -> &Operation {
    match &shape.kind {
        ShapeKind::Operation(operation) => operation,
        _ => panic!("`{}` is indexed as an operation but is a {}", shape.id, shape.kind.type_name()),
    }
}

fn find_service<'m>(model: &'m Model, wanted: Option<&ShapeId>) -> Result<&'m Shape, Diagnostics> {
    let services: Vec<&Shape> = model.shapes().filter(|s| matches!(s.kind, ShapeKind::Service(_))).collect();
    match wanted {
        Some(id) => match model.shape(id) {
            Some(shape) if matches!(shape.kind, ShapeKind::Service(_)) => Ok(shape),
            Some(_) => Err(model.diagnostic(id, None, "is not a service").into()),
            None => Err(Diagnostic::new(format!("service `{id}` is not in the model")).into()),
        },
        None => match services.as_slice() {
            [one] => Ok(one),
            [] => Err(Diagnostic::new("the model defines no service to generate")
                .in_file(model.files().join(", "))
                .into()),
            many => {
                let ids: Vec<&str> = many.iter().map(|s| s.id.as_str()).collect();
                let message = format!("the model defines several services ({}); choose one", ids.join(", "));
                Err(Diagnostic::new(message).in_file(model.files().join(", ")).into())
            }
        },
    }
}
