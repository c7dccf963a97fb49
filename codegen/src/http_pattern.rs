//! Parsers of the two templates the HTTP bindings are built from: an `@http` trait's URI pattern
//! and an `@endpoint` trait's host prefix, checked against the rules of the Smithy specification.
//!
//! Validation reports what these parsers refuse; later stages parse the same text again and can
//! rely on it being well formed.

use crate::model::is_identifier;

/// An `@http` URI pattern: `/path/{label}/{greedy+}?literal&key=value`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct UriPattern {
    /// The path segments between `/`s, in order (none for `/`).
    pub segments: Vec<Segment>,
    /// The literal query after `?`: each `k` or `k=v` pair, in order.
    pub query: Vec<(String, Option<String>)>,
    /// Whether the path ends in `/` after its last segment (`/things/`); matching ignores it, but
    /// a request sends the path as written.
    pub trailing_slash: bool,
}

/// One path segment of a URI pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Segment {
    /// Text matched as written.
    Literal(String),
    /// `{name}`, or `{name+}` when greedy: filled from the input member called `name`.
    Label { name: String, greedy: bool },
}

impl UriPattern {
    /// The labels, in path order.
    pub fn labels(&self) -> impl Iterator<Item = (&str, bool)> {
        self.segments.iter().filter_map(|segment| match segment {
            Segment::Label { name, greedy } => Some((name.as_str(), *greedy)),
            Segment::Literal(_) => None,
        })
    }

    /// The label called `name`, with whether it is greedy.
    pub fn label(&self, name: &str) -> Option<bool> {
        self.labels().find(|(label, _)| *label == name).map(|(_, greedy)| greedy)
    }
}

/// Parses an `@http` URI pattern, refusing what the specification forbids: a pattern that does
/// not start with `/`, has an empty or dot segment, a fragment, a `?` with nothing after it,
/// characters outside ASCII, a label that does not span a whole segment or has an invalid name,
/// two labels of one name, more than one greedy label, a label in the query, or a literal query
/// key given twice.
pub(crate) fn parse_uri_pattern(uri: &str) -> Result<UriPattern, String> {
    if !uri.starts_with('/') {
        return Err("must start with `/`".into());
    }
    if !uri.is_ascii() {
        return Err("must be ASCII; percent-encode other characters".into());
    }
    if uri.contains('#') {
        return Err("must not contain a fragment (`#`)".into());
    }
    let (path, query) = match uri.split_once('?') {
        Some((_, "")) => return Err("must not end with `?`".into()),
        Some((path, query)) => (path, Some(query)),
        None => (uri, None),
    };
    if path.contains("//") {
        return Err("must not contain an empty path segment (`//`)".into());
    }
    let body = &path[1..];
    let trailing_slash = body.ends_with('/');
    let body = body.strip_suffix('/').unwrap_or(body);
    let mut segments = Vec::new();
    if !body.is_empty() {
        for text in body.split('/') {
            segments.push(parse_segment(text)?);
        }
    }
    let mut names = Vec::new();
    let mut greedy_count = 0;
    for segment in &segments {
        if let Segment::Label { name, greedy } = segment {
            if names.contains(&name.as_str()) {
                return Err(format!("has two labels named `{name}`"));
            }
            names.push(name);
            greedy_count += usize::from(*greedy);
        }
    }
    if greedy_count > 1 {
        return Err("has more than one greedy label; at most one is allowed".into());
    }
    let mut pairs = Vec::new();
    for pair in query.into_iter().flat_map(|query| query.split('&')) {
        if pair.contains(['{', '}']) {
            return Err(format!("has a label in its query (`{pair}`); labels may only appear in the path"));
        }
        let (key, value) = match pair.split_once('=') {
            Some((key, value)) => (key, Some(value.to_owned())),
            None => (pair, None),
        };
        if key.is_empty() {
            return Err(format!("has a query part with an empty key (`{pair}`)"));
        }
        if pairs.iter().any(|(seen, _)| seen == key) {
            return Err(format!("gives the literal query key `{key}` twice"));
        }
        pairs.push((key.to_owned(), value));
    }
    Ok(UriPattern { segments, query: pairs, trailing_slash })
}

fn parse_segment(text: &str) -> Result<Segment, String> {
    match text {
        "" => return Err("must not contain an empty path segment (`//`)".into()),
        "." | ".." => return Err(format!("must not contain the dot segment `{text}`")),
        _ => {}
    }
    if !text.contains(['{', '}']) {
        return Ok(Segment::Literal(text.to_owned()));
    }
    let inner = text.strip_prefix('{').and_then(|t| t.strip_suffix('}'));
    let Some(inner) = inner.filter(|inner| !inner.contains(['{', '}'])) else {
        return Err(format!("has a label that does not span a whole path segment (`{text}`)"));
    };
    let (name, greedy) = match inner.strip_suffix('+') {
        Some(name) => (name, true),
        None => (inner, false),
    };
    if !is_identifier(name) {
        return Err(format!("has a label with an invalid name (`{text}`); a label names an input member"));
    }
    Ok(Segment::Label { name: name.to_owned(), greedy })
}

/// An `@endpoint` host prefix: `{label}.data.` and the like.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct HostPrefix {
    /// Literal text and labels, in order.
    pub pieces: Vec<HostPiece>,
}

/// One piece of a host prefix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum HostPiece {
    /// Text used as written.
    Literal(String),
    /// `{name}`: filled from the input member called `name`.
    Label(String),
}

impl HostPrefix {
    /// The label names, in order.
    pub fn labels(&self) -> impl Iterator<Item = &str> {
        self.pieces.iter().filter_map(|piece| match piece {
            HostPiece::Label(name) => Some(name.as_str()),
            HostPiece::Literal(_) => None,
        })
    }
}

/// Parses an `@endpoint` host prefix, refusing an empty prefix, unbalanced braces, labels with
/// invalid names, adjacent labels, a label used twice, and text that would not make a valid host
/// (RFC 3986 section 3.2.2, as DNS labels: letters, digits and `-`, separated by `.`) whatever
/// the labels are filled with.
pub(crate) fn parse_host_prefix(prefix: &str) -> Result<HostPrefix, String> {
    if prefix.is_empty() {
        return Err("must not be empty".into());
    }
    let mut pieces = Vec::new();
    let mut rest = prefix;
    while !rest.is_empty() {
        match rest.find(['{', '}']) {
            Some(0) if rest.starts_with('{') => {
                let Some(end) = rest.find('}') else {
                    return Err("has a `{` without a closing `}`".into());
                };
                let name = &rest[1..end];
                if !is_identifier(name) {
                    return Err(format!(
                        "has a label with an invalid name (`{{{name}}}`); a label names an input member"
                    ));
                }
                if matches!(pieces.last(), Some(HostPiece::Label(_))) {
                    return Err(format!("has two adjacent labels (before `{{{name}}}`); put text between them"));
                }
                if pieces.iter().any(|p| matches!(p, HostPiece::Label(seen) if seen == name)) {
                    return Err(format!("has two labels named `{name}`"));
                }
                pieces.push(HostPiece::Label(name.to_owned()));
                rest = &rest[end + 1..];
            }
            Some(0) => return Err("has a `}` without an opening `{`".into()),
            Some(at) => {
                pieces.push(HostPiece::Literal(rest[..at].to_owned()));
                rest = &rest[at..];
            }
            None => {
                pieces.push(HostPiece::Literal(rest.to_owned()));
                rest = "";
            }
        }
    }
    // A label stands for at least one character that may start a DNS label.
    let expanded: String = pieces
        .iter()
        .map(|piece| match piece {
            HostPiece::Literal(text) => text.as_str(),
            HostPiece::Label(_) => "a",
        })
        .collect();
    if !is_host(&expanded) {
        return Err("would not expand to a valid host name: only letters, digits, `-` and `.` between \
                    non-empty labels of at most 63 characters, without a scheme, user or port"
            .into());
    }
    Ok(HostPrefix { pieces })
}

/// Whether `text` is DNS labels separated by `.`, optionally ending in `.`.
fn is_host(text: &str) -> bool {
    let text = text.strip_suffix('.').unwrap_or(text);
    !text.is_empty()
        && text.split('.').all(|label| {
            (1..=63).contains(&label.len())
                && !label.starts_with('-')
                && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(name: &str, greedy: bool) -> Segment {
        Segment::Label { name: name.to_owned(), greedy }
    }

    fn literal(text: &str) -> Segment {
        Segment::Literal(text.to_owned())
    }

    #[test]
    fn uri_patterns_parse_into_segments_and_query() {
        let pattern = parse_uri_pattern("/{Bucket}/objects/{Key+}?x-id=GetObject&list").unwrap();
        assert_eq!(pattern.segments, vec![label("Bucket", false), literal("objects"), label("Key", true)]);
        assert_eq!(pattern.query, vec![("x-id".to_owned(), Some("GetObject".to_owned())), ("list".to_owned(), None)]);
        assert!(!pattern.trailing_slash);
        assert_eq!(pattern.label("Key"), Some(true));
        assert_eq!(pattern.label("Nope"), None);

        let root = parse_uri_pattern("/").unwrap();
        assert!(root.segments.is_empty() && root.query.is_empty() && !root.trailing_slash);
        let trailing = parse_uri_pattern("/agents/{agentId}/").unwrap();
        assert_eq!(trailing.segments, vec![literal("agents"), label("agentId", false)]);
        assert!(trailing.trailing_slash);
        let empty_value = parse_uri_pattern("/path?key=").unwrap();
        assert_eq!(empty_value.query, vec![("key".to_owned(), Some(String::new()))]);
    }

    /// Pattern, and a fragment of the reason it is refused.
    const BAD_URIS: &[(&str, &str)] = &[
        ("", "start with `/`"),
        ("foo/bar", "start with `/`"),
        ("/foo//bar", "empty path segment"),
        ("//", "empty path segment"),
        ("/foo#bar", "fragment"),
        ("/foo?", "end with `?`"),
        ("/foo/./bar", "dot segment `.`"),
        ("/foo/..", "dot segment `..`"),
        ("/caf\u{e9}", "ASCII"),
        ("/{foo}bar", "whole path segment"),
        ("/a{foo}", "whole path segment"),
        ("/{foo}{bar}", "whole path segment"),
        ("/{foo", "whole path segment"),
        ("/foo}", "whole path segment"),
        ("/{}", "invalid name"),
        ("/{foo-bar}", "invalid name"),
        ("/{+}", "invalid name"),
        ("/{a}/{a}", "two labels named `a`"),
        ("/{a+}/b/{c+}", "more than one greedy label"),
        ("/path?k={v}", "label in its query"),
        ("/path?a&a=b", "key `a` twice"),
        ("/path?=v", "empty key"),
        ("/path?a&&b", "empty key"),
    ];

    #[test]
    fn invalid_uri_patterns_are_refused_with_the_reason() {
        let mut failures = Vec::new();
        for (uri, reason) in BAD_URIS {
            match parse_uri_pattern(uri) {
                Ok(pattern) => failures.push(format!("{uri:?}: accepted as {pattern:?}")),
                Err(message) if !message.contains(reason) => {
                    failures.push(format!("{uri:?}: {message:?} does not say {reason:?}"))
                }
                Err(_) => {}
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn greedy_labels_need_not_be_last() {
        // The specification only recommends that a greedy label be the last label.
        let pattern = parse_uri_pattern("/{prefix+}/suffix/{id}").unwrap();
        assert_eq!(pattern.segments, vec![label("prefix", true), literal("suffix"), label("id", false)]);
    }

    #[test]
    fn host_prefixes_parse_into_pieces() {
        let prefix = parse_host_prefix("{foo}-{bar}.data.").unwrap();
        assert_eq!(
            prefix.pieces,
            vec![
                HostPiece::Label("foo".into()),
                HostPiece::Literal("-".into()),
                HostPiece::Label("bar".into()),
                HostPiece::Literal(".data.".into()),
            ]
        );
        assert_eq!(prefix.labels().collect::<Vec<_>>(), ["foo", "bar"]);
        assert_eq!(parse_host_prefix("data.").unwrap().pieces, vec![HostPiece::Literal("data.".into())]);
    }

    const BAD_HOST_PREFIXES: &[(&str, &str)] = &[
        ("", "empty"),
        ("{foo.", "without a closing"),
        ("foo}.", "without an opening"),
        ("{}.", "invalid name"),
        ("{foo bar}.", "invalid name"),
        ("{foo}{bar}.data.", "adjacent labels"),
        ("{foo}.{foo}.", "two labels named `foo`"),
        ("https://{foo}.", "valid host"),
        ("{foo}:8080.", "valid host"),
        ("user@{foo}.", "valid host"),
        ("..data.", "valid host"),
        ("-{foo}.", "valid host"),
        ("{foo}_x.", "valid host"),
    ];

    #[test]
    fn invalid_host_prefixes_are_refused_with_the_reason() {
        let mut failures = Vec::new();
        for (prefix, reason) in BAD_HOST_PREFIXES {
            match parse_host_prefix(prefix) {
                Ok(parsed) => failures.push(format!("{prefix:?}: accepted as {parsed:?}")),
                Err(message) if !message.contains(reason) => {
                    failures.push(format!("{prefix:?}: {message:?} does not say {reason:?}"))
                }
                Err(_) => {}
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
