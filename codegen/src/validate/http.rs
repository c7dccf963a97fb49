//! HTTP bindings (`http-bindings.rst`): the `@http` trait is complete and well formed, its URI
//! labels and the input's `@httpLabel` members match one to one, the binding traits target what
//! they can carry and do not collide (one payload, distinct header and query names, prefix
//! headers apart from headers), and no two operations of a service share a method and an
//! equivalent URI.
//!
//! Binding traits on members of structures that are not an operation's input, output or error
//! are ignored by the specification, not forbidden, so only their targets are checked (by the
//! trait rules). Header names that the specification only discourages (`Authorization`,
//! `Content-Length`, …) are accepted: real models bind them (S3 binds `Content-Length`).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::{Validator, a, is_string, show};
use crate::http_pattern::{HostPiece, Segment, UriPattern, parse_host_prefix, parse_uri_pattern};
use crate::model::{Member, Shape, ShapeId, ShapeKind};
use crate::traits::PreludeTrait as T;

pub(super) fn check(validator: &mut Validator<'_>) {
    let mut patterns = BTreeMap::new();
    for shape in validator.shapes() {
        match &shape.kind {
            ShapeKind::Operation(operation) => {
                if let Some(http) = shape.traits.prelude(T::Http)
                    && let Some((method, pattern)) = check_http_trait(validator, shape, http)
                {
                    if let Some(input) = validator.shape(&operation.input) {
                        check_labels(validator, shape, &pattern, input);
                        check_payload(validator, input, Direction::Request);
                        check_streams(validator, shape, input);
                    }
                    if let Some(output) = validator.shape(&operation.output) {
                        check_payload(validator, output, Direction::Response);
                        check_streams(validator, shape, output);
                    }
                    patterns.insert(shape.id.clone(), (method, pattern));
                }
            }
            ShapeKind::Structure(members) => {
                check_member_bindings(validator, shape, members);
                if shape.traits.has_prelude(T::Error) {
                    check_payload(validator, shape, Direction::Response);
                }
            }
            _ => {}
        }
    }
    for shape in validator.shapes() {
        if matches!(shape.kind, ShapeKind::Service(_)) {
            check_conflicts(validator, shape, &patterns);
        }
    }
}

/// Checks `@http` and returns its method and parsed URI when both are usable.
fn check_http_trait(validator: &mut Validator<'_>, shape: &Shape, http: &Value) -> Option<(String, UriPattern)> {
    let Value::Object(http) = http else { return None };
    let id = &shape.id;
    let method = match http.get("method") {
        None => {
            validator.report(id, None, "the `@http` trait needs a `method` (\"GET\", \"POST\" …)");
            None
        }
        Some(Value::String(method)) if is_token(method) => Some(method.clone()),
        Some(other) => {
            let message =
                format!("the `@http` method `{}` is not an HTTP method; use a token such as \"POST\"", show(other));
            validator.report(id, None, message);
            None
        }
    };
    let pattern = match http.get("uri") {
        None => {
            validator.report(id, None, "the `@http` trait needs a `uri` pattern (\"/things/{id}\" …)");
            None
        }
        Some(Value::String(uri)) => match parse_uri_pattern(uri) {
            Ok(pattern) => Some(pattern),
            Err(problem) => {
                validator.report(id, None, format!("the `@http` uri \"{uri}\" {problem}"));
                None
            }
        },
        Some(other) => {
            validator.report(id, None, format!("the `@http` uri must be a string, not `{}`", show(other)));
            None
        }
    };
    if let Some(code) = http.get("code")
        && !code.as_u64().is_some_and(|code| (100..=999).contains(&code))
    {
        let message =
            format!("the `@http` code `{}` is not an HTTP status code; use an integer from 100 to 999", show(code));
        validator.report(id, None, message);
    }
    Some((method?, pattern?))
}

/// Every URI label has a required `@httpLabel` input member of its name, and every `@httpLabel`
/// input member has a label; a greedy label's member is a string.
fn check_labels(validator: &mut Validator<'_>, operation: &Shape, pattern: &UriPattern, input: &Shape) {
    let members = input.kind.members();
    for (name, greedy) in pattern.labels() {
        let label = if greedy { format!("{{{name}+}}") } else { format!("{{{name}}}") };
        let Some(member) = members.iter().find(|member| member.name == name) else {
            let message = format!(
                "the URI label `{label}` has no input member to fill it; add a required `@httpLabel` member `{name}` to `{}`",
                input.id
            );
            validator.report(&operation.id, None, message);
            continue;
        };
        if !member.traits.is_http_label() {
            let message = format!("fills the URI label `{label}` of `{}`, so it needs `@httpLabel`", operation.id);
            validator.report(&input.id, Some(name), message);
        } else if greedy
            && let Some(target) = validator.target(member)
            && !is_string(&target.kind)
        {
            let message = format!(
                "fills the greedy URI label `{label}` of `{}`, so it must target a string, not {}",
                operation.id,
                a(target.kind.type_name())
            );
            validator.report(&input.id, Some(name), message);
        }
    }
    for member in members.iter().filter(|member| member.traits.is_http_label()) {
        if pattern.label(&member.name).is_none() {
            let message = format!(
                "has `@httpLabel`, but the URI of `{}` has no label `{{{}}}` for it",
                operation.id, member.name
            );
            validator.report(&input.id, Some(&member.name), message);
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    Request,
    Response,
}

/// With an `@httpPayload` member, every other member is bound elsewhere in the message: a
/// request has one body, and it is the payload.
fn check_payload(validator: &mut Validator<'_>, structure: &Shape, direction: Direction) {
    let members = structure.kind.members();
    let Some(payload) = members.iter().find(|member| member.traits.is_http_payload()) else { return };
    let unbound: Vec<String> = members
        .iter()
        .filter(|member| member.name != payload.name && !is_bound(member, direction))
        .map(|member| format!("`{}`", member.name))
        .collect();
    if !unbound.is_empty() {
        let places = match direction {
            Direction::Request => "a label, query parameter or header",
            Direction::Response => "a header or the status code",
        };
        let message = format!(
            "binds `{}` to the {} body with `@httpPayload`, so every other member must go in {places}, but {} {} not",
            payload.name,
            match direction {
                Direction::Request => "request",
                Direction::Response => "response",
            },
            unbound.join(", "),
            if unbound.len() == 1 { "does" } else { "do" }
        );
        validator.report(&structure.id, None, message);
    }
}

fn is_bound(member: &Member, direction: Direction) -> bool {
    let traits = &member.traits;
    let header = traits.http_header().is_some() || traits.http_prefix_headers().is_some();
    match direction {
        Direction::Request => {
            header || traits.is_http_label() || traits.http_query().is_some() || traits.is_http_query_params()
        }
        Direction::Response => header || traits.is_http_response_code(),
    }
}

/// A member that targets a stream (a streaming blob or an event stream) is the HTTP payload.
fn check_streams(validator: &mut Validator<'_>, operation: &Shape, structure: &Shape) {
    for member in structure.kind.members() {
        if let Some(target) = validator.target(member)
            && target.traits.is_streaming()
            && !member.traits.is_http_payload()
        {
            let message = format!(
                "targets the stream `{}`, so it needs `@httpPayload` in the HTTP operation `{}`",
                target.id, operation.id
            );
            validator.report(&structure.id, Some(&member.name), message);
        }
    }
}

/// The binding traits of one structure's members: labels are required, header names are HTTP
/// field names unique regardless of case, query names are unique, prefix headers and query maps
/// hold strings, and prefixed headers do not shadow named ones.
fn check_member_bindings(validator: &mut Validator<'_>, structure: &Shape, members: &[Member]) {
    let id = &structure.id;
    let mut headers: BTreeMap<String, &str> = BTreeMap::new();
    let mut queries: BTreeMap<&str, &str> = BTreeMap::new();
    for member in members {
        let traits = &member.traits;
        let name = Some(member.name.as_str());
        if traits.is_http_label() && !traits.is_required() {
            validator.report(id, name, "has `@httpLabel`, so it needs `@required`: a URI label is never empty");
        }
        if let Some(header) = traits.http_header() {
            if !header.is_empty() && !is_token(header) {
                let message =
                    format!("binds the header \"{header}\", which is not an HTTP field name (RFC 9110 token)");
                validator.report(id, name, message);
            }
            if let Some(other) = headers.insert(header.to_ascii_lowercase(), &member.name) {
                let message = format!("binds the header \"{header}\", which the member `{other}` binds too");
                validator.report(id, name, message);
            }
        }
        if let Some(query) = traits.http_query()
            && let Some(other) = queries.insert(query, &member.name)
        {
            let message = format!("binds the query parameter \"{query}\", which the member `{other}` binds too");
            validator.report(id, name, message);
        }
        if traits.is_http_response_code() && structure.traits.is_input() {
            let message = "has `@httpResponseCode`, which an `@input` structure cannot have: requests have no status";
            validator.report(id, name, message);
        }
        let Some(target) = validator.target(member) else { continue };
        let ShapeKind::Map([_, value]) = &target.kind else { continue };
        let value_target = validator.target(value);
        if traits.http_prefix_headers().is_some() {
            let strings = value_target.is_some_and(|t| is_string(&t.kind));
            if !strings || target.traits.is_sparse() {
                let message = format!(
                    "has `@httpPrefixHeaders`, so it must target a map of strings that is not `@sparse`; `{}` is not",
                    target.id
                );
                validator.report(id, name, message);
            }
        }
        if traits.is_http_query_params() {
            let fits = value_target.is_some_and(|t| match &t.kind {
                kind if is_string(kind) => true,
                ShapeKind::List(item) => validator.target(item).is_some_and(|item| is_string(&item.kind)),
                _ => false,
            });
            if !fits {
                let message = format!(
                    "has `@httpQueryParams`, so it must target a map of strings or of lists of strings; `{}` is not",
                    target.id
                );
                validator.report(id, name, message);
            }
        }
    }
    // A non-empty prefix claims every header that starts with it.
    for member in members {
        let Some(prefix) = member.traits.http_prefix_headers().filter(|prefix| !prefix.is_empty()) else { continue };
        let prefix = prefix.to_ascii_lowercase();
        for (header, other) in &headers {
            if header.starts_with(&prefix) {
                let message = format!(
                    "binds the header prefix \"{prefix}\", which the header \"{header}\" of the member `{other}` starts with"
                );
                validator.report(id, Some(&member.name), message);
            }
        }
    }
}

/// No two operations of a service with the same method have equivalent URIs on the same host:
/// equal literal segments, labels in the same places (greedy or not), and the same literal query.
fn check_conflicts(validator: &mut Validator<'_>, service: &Shape, patterns: &BTreeMap<ShapeId, (String, UriPattern)>) {
    let mut seen: BTreeMap<String, ShapeId> = BTreeMap::new();
    for operation in contained_operations(validator, service) {
        let Some((method, pattern)) = patterns.get(&operation) else { continue };
        let host = validator.shape(&operation).and_then(|shape| shape.traits.host_prefix()).map(host_of);
        let uri = shape_of(pattern);
        let key = format!("{} {method} {uri}", host.unwrap_or_default());
        match seen.get(&key) {
            Some(other) => {
                let message = format!(
                    "`{method} {uri}` conflicts with `{other}` in the service `{}`: both match the same requests; \
                     make a literal segment or the literal query differ",
                    service.id
                );
                validator.report(&operation, None, message);
            }
            None => {
                seen.insert(key, operation);
            }
        }
    }
}

/// A host prefix with its label names left out: any two label names match the same hosts.
fn host_of(prefix: &str) -> String {
    match parse_host_prefix(prefix) {
        Ok(parsed) => parsed
            .pieces
            .iter()
            .map(|piece| match piece {
                HostPiece::Literal(text) => text.as_str(),
                HostPiece::Label(_) => "{}",
            })
            .collect(),
        Err(_) => prefix.to_owned(),
    }
}

/// A URI pattern with its label names left out and its query sorted: equal for equivalent URIs.
fn shape_of(pattern: &UriPattern) -> String {
    let mut text = String::new();
    for segment in &pattern.segments {
        text.push('/');
        match segment {
            Segment::Literal(literal) => text.push_str(literal),
            Segment::Label { greedy: false, .. } => text.push_str("{}"),
            Segment::Label { greedy: true, .. } => text.push_str("{+}"),
        }
    }
    if text.is_empty() {
        text.push('/');
    }
    let query: BTreeSet<String> = pattern
        .query
        .iter()
        .map(|(key, value)| match value {
            Some(value) => format!("{key}={value}"),
            None => key.clone(),
        })
        .collect();
    if !query.is_empty() {
        text.push('?');
        text.push_str(&query.into_iter().collect::<Vec<_>>().join("&"));
    }
    text
}

/// The operations a service contains, directly or through its resources, in id order.
fn contained_operations(validator: &Validator<'_>, service: &Shape) -> BTreeSet<ShapeId> {
    let ShapeKind::Service(bindings) = &service.kind else { return BTreeSet::new() };
    let mut operations: BTreeSet<ShapeId> = bindings.operations.iter().cloned().collect();
    let mut pending: Vec<&ShapeId> = bindings.resources.iter().collect();
    let mut seen = BTreeSet::new();
    while let Some(resource) = pending.pop() {
        if !seen.insert(resource) {
            continue;
        }
        if let Some(ShapeKind::Resource(bindings)) = validator.shape(resource).map(|shape| &shape.kind) {
            operations.extend(bindings.operations.iter().cloned());
            pending.extend(bindings.resources.iter());
        }
    }
    operations
}

/// Whether `text` is an RFC 9110 token: the syntax of methods and header field names.
fn is_token(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}
