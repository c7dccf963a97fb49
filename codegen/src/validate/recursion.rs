//! Recursion and nesting the generated types cannot represent (`aggregate-types.rst`, "Recursive
//! shape definitions", and limits of rustc found by experiment):
//!
//! - a structure or union no value of which can be built, because every way to build one leads
//!   back to itself through `@required` structure members and unions whose members all recurse;
//! - a list or map that contains itself with no structure or union in between (Rust has no type
//!   for a `Vec` of itself);
//! - lists and maps nested more than [`MAX_COLLECTION_DEPTH`] deep, or structures and unions held
//!   inline more than [`MAX_INLINE_DEPTH`] deep, which rustc refuses to compile.
//!
//! Every check is linear in the size of the model: the first is a worklist over member edges, the
//! others use strongly connected components found by an iterative Tarjan's algorithm, so a long
//! chain of shapes cannot overflow the stack.

use std::collections::HashMap;

use super::Validator;
use crate::model::{Shape, ShapeId, ShapeKind};

/// The most lists and maps nested directly in one another (no structure or union between) that
/// a generated crate compiles with. Measured with `cargo clippy --all-features` on crates
/// generated from a member holding nested collections: 126 lists compile and 127 fail (E0275,
/// overflow evaluating `Debug` for the nested `Vec`s); 125 maps compile and 126 fail (E0320,
/// overflow adding drop-check rules); 126 alternating lists and maps compile and 127 fail.
pub(crate) const MAX_COLLECTION_DEPTH: usize = 125;

/// The most structures and unions that may hold one another inline (not through a list, a map or
/// the `Box` that breaks recursion) in a chain. Measured as above on a chain of structures each
/// holding the next in an optional member: 64 structures compile and 65 fail (E0275, overflow
/// evaluating `Freeze`, as rustc checks auto traits field by field).
pub(crate) const MAX_INLINE_DEPTH: usize = 64;

pub(super) fn check(validator: &mut Validator<'_>) {
    let graph = Graph::new(validator);
    unbuildable(validator, &graph);
    collections(validator, &graph);
    inline_depth(validator, &graph);
}

/// The model's shapes as numbered nodes.
struct Graph<'m> {
    shapes: Vec<&'m Shape>,
    index: HashMap<&'m ShapeId, usize>,
}

impl<'m> Graph<'m> {
    fn new(validator: &Validator<'m>) -> Graph<'m> {
        let shapes: Vec<&Shape> = validator.shapes().collect();
        let index = shapes.iter().enumerate().map(|(i, shape)| (&shape.id, i)).collect();
        Graph { shapes, index }
    }

    fn node(&self, id: &ShapeId) -> Option<usize> {
        self.index.get(id).copied()
    }

    fn is_aggregate(&self, node: usize) -> bool {
        matches!(self.shapes[node].kind, ShapeKind::Structure(_) | ShapeKind::Union(_))
    }

    fn is_collection(&self, node: usize) -> bool {
        matches!(self.shapes[node].kind, ShapeKind::List(_) | ShapeKind::Map(_))
    }

    /// Edges from each node to the nodes of the members it holds that `keep` accepts.
    fn edges(&self, keep: impl Fn(usize, usize) -> bool) -> Vec<Vec<usize>> {
        self.shapes
            .iter()
            .enumerate()
            .map(|(from, shape)| {
                let members = match shape.kind {
                    ShapeKind::Enum(_) | ShapeKind::IntEnum(_) => &[][..],
                    ref kind => kind.members(),
                };
                members.iter().filter_map(|m| self.node(&m.target)).filter(|&to| keep(from, to)).collect()
            })
            .collect()
    }
}

/// Finds the structures and unions no value of which can be built, and reports each cycle that
/// causes it once.
///
/// A structure can be built when every `@required` member that targets a structure or union can;
/// a union, when some member can (simple types, lists and maps always can: a list may be empty).
/// Starting from what can be built without help, each shape that becomes buildable lowers the
/// count of what its containers still wait for: every member edge is visited once.
fn unbuildable(validator: &mut Validator<'_>, graph: &Graph<'_>) {
    let count = graph.shapes.len();
    // For each node, how many of its members it still waits for, and who waits on it.
    let mut waiting = vec![0usize; count];
    let mut dependents: Vec<Vec<usize>> = vec![Vec::new(); count];
    let mut buildable = vec![false; count];
    let mut queue = Vec::new();
    for (node, shape) in graph.shapes.iter().enumerate() {
        match &shape.kind {
            ShapeKind::Structure(members) => {
                for member in members.iter().filter(|m| m.traits.is_required()) {
                    if let Some(target) = graph.node(&member.target).filter(|&t| graph.is_aggregate(t)) {
                        waiting[node] += 1;
                        dependents[target].push(node);
                    }
                }
            }
            ShapeKind::Union(members) => {
                let targets: Vec<Option<usize>> = members.iter().map(|m| graph.node(&m.target)).collect();
                if !members.is_empty() && targets.iter().all(|t| t.is_some_and(|t| graph.is_aggregate(t))) {
                    waiting[node] = 1;
                    for target in targets.into_iter().flatten() {
                        dependents[target].push(node);
                    }
                }
            }
            _ => {}
        }
        if waiting[node] == 0 {
            buildable[node] = true;
            queue.push(node);
        }
    }
    while let Some(node) = queue.pop() {
        for &dependent in &dependents[node] {
            if buildable[dependent] {
                continue;
            }
            waiting[dependent] -= 1;
            if waiting[dependent] == 0 {
                buildable[dependent] = true;
                queue.push(dependent);
            }
        }
    }
    // Each unbuildable shape is blocked by a member that targets another unbuildable shape;
    // following those members from any of them ends in a cycle.
    let blockers: Vec<Option<(usize, &str)>> = (0..count)
        .map(|node| {
            let shape = graph.shapes[node];
            let required_only = matches!(shape.kind, ShapeKind::Structure(_));
            if buildable[node] {
                return None;
            }
            shape.kind.members().iter().find_map(|member| {
                let target = graph.node(&member.target)?;
                let blocks = !buildable[target] && (!required_only || member.traits.is_required());
                blocks.then_some((target, member.name.as_str()))
            })
        })
        .collect();
    let mut state = vec![Walk::Unvisited; count];
    for start in (0..count).filter(|&node| !buildable[node]) {
        let mut walk = Vec::new();
        let mut node = start;
        while state[node] == Walk::Unvisited {
            state[node] = Walk::Walking;
            walk.push(node);
            match blockers[node] {
                Some((next, _)) => node = next,
                None => break,
            }
        }
        if state[node] == Walk::Walking
            && let Some(at) = walk.iter().position(|&n| n == node)
        {
            report_cycle(validator, graph, &walk[at..], &blockers);
        }
        for visited in walk {
            state[visited] = Walk::Done;
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Walk {
    Unvisited,
    Walking,
    Done,
}

fn report_cycle(validator: &mut Validator<'_>, graph: &Graph<'_>, cycle: &[usize], blockers: &[Option<(usize, &str)>]) {
    let steps: Vec<String> = cycle
        .iter()
        .filter_map(|&node| blockers[node].map(|(_, member)| graph.shapes[node].id.member(member)))
        .collect();
    let Some(&first) = cycle.iter().min_by_key(|&&node| &graph.shapes[node].id) else { return };
    let all_structures = cycle.iter().all(|&node| matches!(graph.shapes[node].kind, ShapeKind::Structure(_)));
    let message = if all_structures {
        format!("the @required members {} form a cycle, so no value of it can ever be built", steps.join(" → "))
    } else {
        format!(
            "the members {} form a cycle every value must follow (each is @required, or a union has no other \
             kind of member), so no value of it can ever be built",
            steps.join(" → ")
        )
    };
    validator.report(&graph.shapes[first].id, None, message);
}

/// Reports lists and maps that contain themselves with no structure or union in between, and
/// chains of directly nested collections deeper than [`MAX_COLLECTION_DEPTH`].
fn collections(validator: &mut Validator<'_>, graph: &Graph<'_>) {
    let edges = graph.edges(|from, to| graph.is_collection(from) && graph.is_collection(to));
    let components = strongly_connected(&edges);
    let cyclic = cyclic_components(&edges, &components);
    for (node, &component) in components.iter().enumerate() {
        if graph.is_collection(node) && cyclic[component] {
            let message = "this list or map contains itself with no structure or union in between";
            validator.report(&graph.shapes[node].id, None, message);
        }
    }
    let weights: Vec<usize> = (0..graph.shapes.len()).map(|node| usize::from(graph.is_collection(node))).collect();
    let depth = longest_chains(&edges, &components, &weights);
    report_depth(validator, graph, &edges, &components, &depth, MAX_COLLECTION_DEPTH, |deepest| {
        format!(
            "nests lists and maps {deepest} deep, more than the {MAX_COLLECTION_DEPTH} that rustc can compile \
             (it overflows its recursion limit checking the nested types); put a structure between some levels"
        )
    });
}

/// Reports structures and unions at the top of a chain of shapes held inline deeper than
/// [`MAX_INLINE_DEPTH`]. Within a recursive group every shape may be inline but one, so the group
/// counts as deep as it has shapes.
fn inline_depth(validator: &mut Validator<'_>, graph: &Graph<'_>) {
    let edges = graph.edges(|from, to| graph.is_aggregate(from) && graph.is_aggregate(to));
    let components = strongly_connected(&edges);
    let weights: Vec<usize> = (0..graph.shapes.len()).map(|node| usize::from(graph.is_aggregate(node))).collect();
    let depth = longest_chains(&edges, &components, &weights);
    report_depth(validator, graph, &edges, &components, &depth, MAX_INLINE_DEPTH, |deepest| {
        format!(
            "holds structures and unions inline {deepest} deep, more than the {MAX_INLINE_DEPTH} that rustc can \
             compile (it overflows its recursion limit checking auto traits field by field); hold some of them in a \
             list or map"
        )
    });
}

/// Reports each node deeper than `limit` none of whose successors is: where a chain first
/// becomes too deep, once per chain rather than at every shape above it.
fn report_depth(
    validator: &mut Validator<'_>,
    graph: &Graph<'_>,
    edges: &[Vec<usize>],
    components: &[usize],
    depth: &[usize],
    limit: usize,
    message: impl Fn(usize) -> String,
) {
    for node in 0..graph.shapes.len() {
        let component = components[node];
        let too_deep = |n: usize| depth[components[n]] > limit;
        if too_deep(node) && !edges[node].iter().any(|&next| components[next] != component && too_deep(next)) {
            validator.report(&graph.shapes[node].id, None, message(depth[component]));
        }
    }
}

/// The strongly connected component of every node, numbered in the order Tarjan's algorithm
/// completes them: a component's successors always have smaller numbers.
fn strongly_connected(edges: &[Vec<usize>]) -> Vec<usize> {
    const UNSEEN: usize = usize::MAX;
    let count = edges.len();
    let mut order = vec![UNSEEN; count];
    let mut low = vec![0; count];
    let mut on_stack = vec![false; count];
    let mut component = vec![UNSEEN; count];
    let mut stack = Vec::new();
    let mut next_order = 0;
    let mut next_component = 0;
    // The explicit call stack: a node and the index of its next edge to follow.
    let mut calls: Vec<(usize, usize)> = Vec::new();
    for root in 0..count {
        if order[root] != UNSEEN {
            continue;
        }
        calls.push((root, 0));
        while let Some(&(node, next_edge)) = calls.last() {
            if next_edge == 0 && order[node] == UNSEEN {
                order[node] = next_order;
                low[node] = next_order;
                next_order += 1;
                stack.push(node);
                on_stack[node] = true;
            }
            if let Some(&to) = edges[node].get(next_edge) {
                if let Some(top) = calls.last_mut() {
                    top.1 += 1;
                }
                if order[to] == UNSEEN {
                    calls.push((to, 0));
                } else if on_stack[to] {
                    low[node] = low[node].min(order[to]);
                }
                continue;
            }
            calls.pop();
            if let Some(&(parent, _)) = calls.last() {
                low[parent] = low[parent].min(low[node]);
            }
            if low[node] == order[node] {
                while let Some(member) = stack.pop() {
                    on_stack[member] = false;
                    component[member] = next_component;
                    if member == node {
                        break;
                    }
                }
                next_component += 1;
            }
        }
    }
    component
}

/// Which components contain a cycle: more than one node, or a node with an edge to itself.
fn cyclic_components(edges: &[Vec<usize>], components: &[usize]) -> Vec<bool> {
    let count = components.iter().map(|&c| c + 1).max().unwrap_or(0);
    let mut sizes = vec![0usize; count];
    let mut cyclic = vec![false; count];
    for (node, &component) in components.iter().enumerate() {
        sizes[component] += 1;
        cyclic[component] |= edges[node].contains(&node);
    }
    for (component, size) in sizes.into_iter().enumerate() {
        cyclic[component] |= size > 1;
    }
    cyclic
}

/// The weight of the heaviest chain starting in each component: the component's own weight (the
/// sum of its nodes') plus the heaviest of its successors'. Components are numbered so that
/// successors come first, so one pass in that order suffices.
fn longest_chains(edges: &[Vec<usize>], components: &[usize], weights: &[usize]) -> Vec<usize> {
    let count = components.iter().map(|&c| c + 1).max().unwrap_or(0);
    let mut own = vec![0usize; count];
    let mut below = vec![0usize; count];
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (node, &component) in components.iter().enumerate() {
        own[component] += weights[node];
        members[component].push(node);
    }
    let mut depth = vec![0usize; count];
    for component in 0..count {
        for &node in &members[component] {
            for &next in &edges[node] {
                if components[next] != component {
                    below[component] = below[component].max(depth[components[next]]);
                }
            }
        }
        depth[component] = own[component] + below[component];
    }
    depth
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_are_found_without_recursion_and_ordered_successors_first() {
        // 0 → 1 → 2 → 0 is a cycle; 3 → 0; 4 → 4 loops; 5 stands alone.
        let edges = vec![vec![1], vec![2], vec![0], vec![0], vec![4], vec![]];
        let components = strongly_connected(&edges);
        assert_eq!(components[0], components[1]);
        assert_eq!(components[1], components[2]);
        assert!(components[3] > components[0], "successors complete first");
        let cyclic = cyclic_components(&edges, &components);
        assert!(cyclic[components[0]] && cyclic[components[4]]);
        assert!(!cyclic[components[3]] && !cyclic[components[5]]);
        assert_eq!(longest_chains(&edges, &components, &[1; 6])[components[3]], 4);
    }

    #[test]
    fn a_chain_of_a_million_nodes_does_not_overflow_the_stack() {
        let count = 1_000_000;
        let edges: Vec<Vec<usize>> = (0..count).map(|i| if i + 1 < count { vec![i + 1] } else { vec![] }).collect();
        let components = strongly_connected(&edges);
        let depth = longest_chains(&edges, &components, &vec![1; count]);
        assert_eq!(depth[components[0]], count);
    }
}
