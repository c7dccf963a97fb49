//! Constraint traits (`constraint-traits.rst`): `@range` and `@length` bounds are numbers that
//! make sense for their shape, `@pattern` is a regular expression, and `@uniqueItems` lists hold
//! nothing compared only partially (floats, doubles, documents).
//!
//! `@pattern` must be an ECMA 262 regular expression, but real models (several AWS services) use
//! Java syntax that ECMA 262 lacks, such as inline flags `(?i)` and possessive quantifiers, and
//! Smithy accepts them because it checks patterns with Java's engine. The generated code does not
//! evaluate patterns, so this stage checks only what every dialect agrees on: groups and
//! character classes are closed, and no escape is left unfinished.

use std::collections::{HashMap, VecDeque};

use serde_json::Value;

use super::{Validator, a, show};
use crate::model::{Shape, ShapeId, ShapeKind, Traits};
use crate::traits::PreludeTrait as T;

pub(super) fn check(validator: &mut Validator<'_>) {
    let partial = partially_comparable(validator);
    for shape in validator.shapes() {
        check_site(validator, shape, None, &shape.traits, shape);
        if !matches!(shape.kind, ShapeKind::Service(_) | ShapeKind::Operation(_) | ShapeKind::Resource(_)) {
            for member in shape.kind.members() {
                if let Some(target) = validator.target(member) {
                    check_site(validator, shape, Some(&member.name), &member.traits, target);
                }
            }
        }
        if shape.traits.is_unique_items()
            && let ShapeKind::List(member) = &shape.kind
            && let Some(reached) = partial.get(&member.target)
        {
            let message = format!(
                "has `@uniqueItems`, but its items can hold `{reached}`, a float, double or document, which \
                 compare only partially"
            );
            validator.report(&shape.id, None, message);
        }
    }
}

/// Checks the constraint traits in `traits` (of `shape` or of its member `member`) against
/// `target`, the shape whose values they constrain.
fn check_site(validator: &mut Validator<'_>, shape: &Shape, member: Option<&str>, traits: &Traits, target: &Shape) {
    if let Some(Value::Object(range)) = traits.prelude(T::Range) {
        for problem in range_problems(range, &target.kind) {
            validator.report(&shape.id, member, format!("`@range`: {problem}"));
        }
    }
    if let Some(Value::Object(length)) = traits.prelude(T::Length) {
        for problem in length_problems(length) {
            validator.report(&shape.id, member, format!("`@length`: {problem}"));
        }
    }
    if let Some(pattern) = traits.pattern()
        && let Err(problem) = check_pattern(pattern)
    {
        validator.report(
            &shape.id,
            member,
            format!("`@pattern(\"{pattern}\")` is not a regular expression: {problem}"),
        );
    }
}

fn range_problems(range: &serde_json::Map<String, Value>, kind: &ShapeKind) -> Vec<String> {
    let mut problems = Vec::new();
    if !range.contains_key("min") && !range.contains_key("max") {
        problems.push("needs a `min`, a `max` or both".to_owned());
    }
    let (low, high) = match kind {
        ShapeKind::Byte => (f64::from(i8::MIN), f64::from(i8::MAX)),
        ShapeKind::Short => (f64::from(i16::MIN), f64::from(i16::MAX)),
        ShapeKind::Integer | ShapeKind::IntEnum(_) => (f64::from(i32::MIN), f64::from(i32::MAX)),
        ShapeKind::Long => (i64::MIN as f64, i64::MAX as f64),
        ShapeKind::Float => (-f64::from(f32::MAX), f64::from(f32::MAX)),
        _ => (f64::NEG_INFINITY, f64::INFINITY),
    };
    let real_allowed = matches!(kind, ShapeKind::Float | ShapeKind::Double | ShapeKind::BigDecimal);
    let mut bounds = [None, None];
    for (slot, name) in bounds.iter_mut().zip(["min", "max"]) {
        let Some(value) = range.get(name) else { continue };
        let number = match value {
            Value::Number(number) if number.as_f64().is_none() => {
                problems.push(format!("`{name}` is {number}, beyond what a double can hold"));
                continue;
            }
            Value::Number(number) => number.as_f64(),
            // A bigDecimal may be written as a string, so that no parser rounds it.
            Value::String(text) => text.parse::<f64>().ok().filter(|n| n.is_finite()),
            _ => None,
        };
        let Some(number) = number else {
            problems.push(format!("`{name}` must be a number, not `{}`", show(value)));
            continue;
        };
        if number.fract() != 0.0 && !real_allowed {
            problems.push(format!(
                "`{name}` is {number}, but {} takes only whole bounds; fractions are for float, double and bigDecimal",
                a(kind.type_name())
            ));
        } else if number < low || number > high {
            problems.push(format!("`{name}` is {number}, outside what {} can hold", a(kind.type_name())));
        }
        *slot = Some(number);
    }
    if let [Some(min), Some(max)] = bounds
        && min > max
    {
        problems.push(format!("`min` ({min}) is greater than `max` ({max})"));
    }
    problems
}

fn length_problems(length: &serde_json::Map<String, Value>) -> Vec<String> {
    let mut problems = Vec::new();
    if !length.contains_key("min") && !length.contains_key("max") {
        problems.push("needs a `min`, a `max` or both".to_owned());
    }
    let mut bounds = [None, None];
    for (slot, name) in bounds.iter_mut().zip(["min", "max"]) {
        let Some(value) = length.get(name) else { continue };
        match value.as_u64() {
            Some(n) => *slot = Some(n),
            None => problems.push(format!("`{name}` must be a whole number of at least 0, not `{}`", show(value))),
        }
    }
    if let [Some(min), Some(max)] = bounds
        && min > max
    {
        problems.push(format!("`min` ({min}) is greater than `max` ({max})"));
    }
    problems
}

/// Checks the structure every regular expression dialect agrees on: parentheses pair up outside
/// character classes, every `[` class is closed, and the text does not end inside an escape.
fn check_pattern(pattern: &str) -> Result<(), String> {
    let mut chars = pattern.chars();
    let mut depth = 0usize;
    let mut in_class = false;
    while let Some(c) = chars.next() {
        match c {
            // The guard takes the escaped character, so an escaped bracket or parenthesis is text.
            '\\' if chars.next().is_none() => return Err("it ends with a lone `\\`".into()),
            ']' if in_class => in_class = false,
            '[' if !in_class => {
                in_class = true;
                // A `]` (or `^]`) right after the opening bracket is a literal in Java and ECMA 262 alike.
                let rest = chars.as_str();
                let skip = if rest.starts_with("^]") { 2 } else { usize::from(rest.starts_with(']')) };
                for _ in 0..skip {
                    chars.next();
                }
            }
            '(' if !in_class => depth += 1,
            ')' if !in_class => {
                if depth == 0 {
                    return Err("a `)` closes no group".into());
                }
                depth -= 1;
            }
            _ => {}
        }
    }
    if in_class {
        return Err("a `[` character class is not closed".into());
    }
    if depth > 0 {
        return Err("a `(` group is not closed".into());
    }
    Ok(())
}

/// Shapes whose values can hold a float, a double or a document, each with one such shape it
/// reaches: a breadth-first walk back from those shapes along member targets, linear in the model.
fn partially_comparable(validator: &Validator<'_>) -> HashMap<ShapeId, ShapeId> {
    let mut containers: HashMap<&ShapeId, Vec<&ShapeId>> = HashMap::new();
    let mut reached: HashMap<ShapeId, ShapeId> = HashMap::new();
    let mut queue = VecDeque::new();
    for shape in validator.shapes() {
        match &shape.kind {
            ShapeKind::Float | ShapeKind::Double | ShapeKind::Document => {
                reached.insert(shape.id.clone(), shape.id.clone());
                queue.push_back(&shape.id);
            }
            ShapeKind::List(_) | ShapeKind::Map(_) | ShapeKind::Structure(_) | ShapeKind::Union(_) => {
                for member in shape.kind.members() {
                    containers.entry(&member.target).or_default().push(&shape.id);
                }
            }
            _ => {}
        }
    }
    while let Some(id) = queue.pop_front() {
        let source = reached[id].clone();
        for container in containers.get(id).into_iter().flatten() {
            if !reached.contains_key(*container) {
                reached.insert((*container).clone(), source.clone());
                queue.push_back(container);
            }
        }
    }
    reached
}

#[cfg(test)]
mod tests {
    use super::check_pattern;

    #[test]
    fn patterns_are_checked_for_structure_only() {
        // Java syntax that real models use is accepted.
        for good in ["^[a-z]+$", "^(?i)(arn|aws):.*$", "^[0-9A-Z]{2}+$", "[]a]", "[^]a]", "\\(", "[(]", "^$"] {
            assert_eq!(check_pattern(good), Ok(()), "{good}");
        }
        for (bad, reason) in
            [("^(a", "not closed"), ("a)", "closes no group"), ("[a-z", "not closed"), ("abc\\", "lone")]
        {
            let problem = check_pattern(bad).expect_err(bad);
            assert!(problem.contains(reason), "{bad}: {problem}");
        }
    }
}
