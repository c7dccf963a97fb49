//! Parses `@http` URI patterns and `@endpoint` host prefixes.

/// An `@http` URI pattern: path segments and the literal query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct UriPattern {
    /// The path segments between `/`s, in order.
    pub segments: Vec<Segment>,
    /// The literal query after `?`: `key` or `key=value` pairs, in order.
    pub query: Vec<(String, Option<String>)>,
    /// Whether the path ends with `/` after its last segment (`/things/{id}/`).
    pub trailing_slash: bool,
}

/// One path segment of a URI pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Segment {
    /// Literal text.
    Literal(String),
    /// `{name}`, or `{name+}` when greedy.
    Label { name: String, greedy: bool },
}

/// Parses a URI pattern: it starts with `/`, and each label spans a whole segment.
pub(crate) fn parse_uri_pattern(uri: &str) -> Result<UriPattern, String> {
    let (path, query) = match uri.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (uri, None),
    };
    let Some(path) = path.strip_prefix('/') else {
        return Err(format!("the URI pattern `{uri}` does not start with `/`"));
    };
    let trailing_slash = path.len() > 1 && path.ends_with('/');
    let path = if trailing_slash { &path[..path.len() - 1] } else { path };
    let mut segments = Vec::new();
    if !path.is_empty() {
        for segment in path.split('/') {
            segments.push(parse_segment(uri, segment)?);
        }
    }
    let mut pairs = Vec::new();
    if let Some(query) = query {
        for pair in query.split('&').filter(|pair| !pair.is_empty()) {
            if pair.contains(['{', '}']) {
                return Err(format!("the URI pattern `{uri}` has a label in its query"));
            }
            pairs.push(match pair.split_once('=') {
                Some((key, value)) => (key.to_owned(), Some(value.to_owned())),
                None => (pair.to_owned(), None),
            });
        }
    }
    Ok(UriPattern { segments, query: pairs, trailing_slash })
}

fn parse_segment(uri: &str, segment: &str) -> Result<Segment, String> {
    if segment.is_empty() {
        return Err(format!("the URI pattern `{uri}` has an empty segment"));
    }
    if let Some(label) = segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
        let (name, greedy) = match label.strip_suffix('+') {
            Some(name) => (name, true),
            None => (label, false),
        };
        if !crate::model::is_identifier(name) {
            return Err(format!("the URI pattern `{uri}` has a label `{{{label}}}` that is not a member name"));
        }
        return Ok(Segment::Label { name: name.to_owned(), greedy });
    }
    if segment.contains(['{', '}']) {
        return Err(format!("in the URI pattern `{uri}`, the segment `{segment}` mixes a label with other text"));
    }
    Ok(Segment::Literal(segment.to_owned()))
}

/// An `@endpoint` host prefix: literal text and `{label}`s.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct HostPrefix {
    /// The pieces, in order.
    pub pieces: Vec<HostPiece>,
}

/// A piece of a host prefix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum HostPiece {
    /// Literal text.
    Literal(String),
    /// `{name}`: the value of the input member with `@hostLabel` of that name.
    Label(String),
}

/// Parses a host prefix such as `{AccountId}.data.`.
pub(crate) fn parse_host_prefix(prefix: &str) -> Result<HostPrefix, String> {
    let mut pieces = Vec::new();
    let mut rest = prefix;
    while let Some(start) = rest.find(['{', '}']) {
        if rest.as_bytes()[start] == b'}' {
            return Err(format!("the host prefix `{prefix}` has a `}}` without a `{{`"));
        }
        let Some(end) = rest[start..].find('}') else {
            return Err(format!("the host prefix `{prefix}` has a `{{` without a `}}`"));
        };
        if start > 0 {
            pieces.push(HostPiece::Literal(rest[..start].to_owned()));
        }
        let name = &rest[start + 1..start + end];
        if !crate::model::is_identifier(name) {
            return Err(format!("the host prefix `{prefix}` has a label `{{{name}}}` that is not a member name"));
        }
        pieces.push(HostPiece::Label(name.to_owned()));
        rest = &rest[start + end + 1..];
    }
    if !rest.is_empty() {
        pieces.push(HostPiece::Literal(rest.to_owned()));
    }
    Ok(HostPrefix { pieces })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_patterns_split_into_segments_and_query() {
        let pattern = parse_uri_pattern("/a/{b}/{c+}?x&y=1").expect("valid");
        assert_eq!(
            pattern.segments,
            vec![
                Segment::Literal("a".into()),
                Segment::Label { name: "b".into(), greedy: false },
                Segment::Label { name: "c".into(), greedy: true },
            ]
        );
        assert_eq!(pattern.query, vec![("x".into(), None), ("y".into(), Some("1".into()))]);
        assert_eq!(parse_uri_pattern("/").expect("valid").segments, vec![]);
    }

    #[test]
    fn bad_uri_patterns_are_refused() {
        assert!(parse_uri_pattern("/a/{b}/").expect("valid").trailing_slash);
        for bad in ["a/b", "/a//b", "/{a}b", "/a?{b}", "/{}", "//"] {
            assert!(parse_uri_pattern(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn host_prefixes_split_into_pieces() {
        let prefix = parse_host_prefix("{Account}.data-{Zone}.").expect("valid");
        assert_eq!(
            prefix.pieces,
            vec![
                HostPiece::Label("Account".into()),
                HostPiece::Literal(".data-".into()),
                HostPiece::Label("Zone".into()),
                HostPiece::Literal(".".into()),
            ]
        );
        for bad in ["{a", "a}", "{}."] {
            assert!(parse_host_prefix(bad).is_err(), "{bad}");
        }
    }
}
