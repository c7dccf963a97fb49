//! Shape ids: the grammar of identifiers, namespaces and relative, absolute and member shape
//! ids, and [`ShapeId`], the absolute id a model is keyed by.

use std::fmt;

use crate::prelude;

/// Whether `text` matches the `Identifier` production: `(1*"_" (ALPHA / DIGIT)) / ALPHA`
/// followed by any number of `ALPHA / DIGIT / "_"` (so not only underscores).
pub fn is_identifier(text: &str) -> bool {
    let bytes = text.as_bytes();
    let underscores = bytes.iter().take_while(|&&b| b == b'_').count();
    let Some(&first) = bytes.get(underscores) else {
        return false;
    };
    let valid_start = if underscores == 0 { first.is_ascii_alphabetic() } else { first.is_ascii_alphanumeric() };
    valid_start && bytes.get(underscores..).unwrap_or_default().iter().all(|&b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Whether `text` matches the `Namespace` production: identifiers separated by dots.
pub fn is_namespace(text: &str) -> bool {
    text.split('.').all(is_identifier)
}

/// A shape id split into its parts, borrowing from the text it was parsed from. The
/// namespace is absent from a relative id, as the IDL writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShapeIdParts<'a> {
    /// The namespace, when the id is absolute.
    pub namespace: Option<&'a str>,
    /// The shape's name.
    pub name: &'a str,
    /// The member's name, when the id names a member.
    pub member: Option<&'a str>,
}

impl<'a> ShapeIdParts<'a> {
    /// Splits and checks a shape id: `[Namespace "#"] Identifier ["$" Identifier]`.
    pub fn parse(text: &'a str) -> Result<ShapeIdParts<'a>, String> {
        let (root, member) = split_member(text);
        let (namespace, name) = match root.split_once('#') {
            Some((namespace, name)) => (Some(namespace), name),
            None => (None, root),
        };
        if let Some(namespace) = namespace
            && !is_namespace(namespace)
        {
            return Err(format!("invalid namespace `{namespace}` in shape id `{text}`"));
        }
        if !is_identifier(name) {
            if namespace.is_none() && name.contains('.') {
                return Err(format!("invalid shape id `{text}`: a namespace must be followed by `#` and a shape name"));
            }
            return Err(format!("invalid shape id `{text}`"));
        }
        if let Some(member) = member
            && !is_identifier(member)
        {
            return Err(format!("invalid member name in shape id `{text}`"));
        }
        Ok(ShapeIdParts { namespace, name, member })
    }
}

/// Splits a shape id into `(root id, member name)`.
pub fn split_member(id: &str) -> (&str, Option<&str>) {
    match id.split_once('$') {
        Some((root, member)) => (root, Some(member)),
        None => (id, None),
    }
}

/// The namespace of an absolute shape id (empty for a relative one).
pub fn namespace_of(id: &str) -> &str {
    id.split_once('#').map_or("", |(namespace, _)| namespace)
}

/// The absolute id of a shape that is not a member: `namespace#Name`.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ShapeId {
    text: String,
    /// The byte index of the `#`.
    hash: usize,
}

impl ShapeId {
    /// Parses an absolute shape id; member ids (`ns#Name$member`) and relative ids are refused.
    pub fn parse(text: &str) -> Result<ShapeId, String> {
        let Some(hash) = text.find('#') else {
            return Err(format!("`{text}` is not an absolute shape id (no `#`)"));
        };
        let (namespace, name) = (&text[..hash], &text[hash + 1..]);
        if !is_namespace(namespace) {
            return Err(format!("`{text}` has an invalid namespace"));
        }
        if name.contains('$') {
            return Err(format!("`{text}` is a member id where a shape id is expected"));
        }
        if !is_identifier(name) {
            return Err(format!("`{text}` has an invalid shape name"));
        }
        Ok(ShapeId { text: text.to_owned(), hash })
    }

    /// Parses an absolute shape id that may name a member, as the target of an `apply`:
    /// `ns#Name` or `ns#Name$member`.
    pub fn parse_with_member(text: &str) -> Result<(ShapeId, Option<String>), String> {
        let (root, member) = split_member(text);
        let shape = ShapeId::parse(root)?;
        match member {
            Some(member) if !is_identifier(member) => Err(format!("`{text}` has an invalid member name")),
            member => Ok((shape, member.map(str::to_owned))),
        }
    }

    /// The id of `name` in the `smithy.api` prelude namespace.
    pub fn prelude(name: &str) -> ShapeId {
        ShapeId { text: format!("{}#{name}", prelude::NAMESPACE), hash: prelude::NAMESPACE.len() }
    }

    /// The namespace, before the `#`.
    pub fn namespace(&self) -> &str {
        &self.text[..self.hash]
    }

    /// The shape's name, after the `#`.
    pub fn name(&self) -> &str {
        &self.text[self.hash + 1..]
    }

    /// The whole id as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The id of one of this shape's members: `ns#Name$member`.
    pub fn member(&self, member: &str) -> String {
        format!("{}${member}", self.text)
    }

    /// Whether the shape lives in the Smithy prelude.
    pub fn is_prelude(&self) -> bool {
        self.namespace() == prelude::NAMESPACE
    }
}

impl fmt::Display for ShapeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl fmt::Debug for ShapeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.text, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_follow_the_grammar() {
        for ok in ["a", "A1", "_a", "__a", "_1", "a_b", "abc_"] {
            assert!(is_identifier(ok), "{ok}");
        }
        for bad in ["", "_", "__", "1a", "a-b", "a.b", "é"] {
            assert!(!is_identifier(bad), "{bad}");
        }
        assert!(is_namespace("smithy.api") && is_namespace("a") && !is_namespace("a..b") && !is_namespace(""));
    }

    #[test]
    fn shape_ids_split_into_parts() {
        let parts = ShapeIdParts::parse("smithy.api#String$member").unwrap();
        assert_eq!(parts, ShapeIdParts { namespace: Some("smithy.api"), name: "String", member: Some("member") });
        assert_eq!(ShapeIdParts::parse("Foo").unwrap(), ShapeIdParts { namespace: None, name: "Foo", member: None });
        assert!(ShapeIdParts::parse("foo.bar").unwrap_err().contains("must be followed by `#`"));
        for bad in ["a#", "a..b#C", "Foo$", "#A", "a#B$1"] {
            assert!(ShapeIdParts::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn absolute_ids_refuse_relative_and_member_ids() {
        let id = ShapeId::parse("com.example#Shape").unwrap();
        assert_eq!((id.namespace(), id.name(), id.as_str()), ("com.example", "Shape", "com.example#Shape"));
        assert_eq!(id.member("m"), "com.example#Shape$m");
        assert!(!id.is_prelude() && ShapeId::prelude("String").is_prelude());
        assert_eq!(ShapeId::prelude("Unit").to_string(), "smithy.api#Unit");
        assert!(ShapeId::parse("Shape").unwrap_err().contains("no `#`"));
        assert!(ShapeId::parse("a#B$c").unwrap_err().contains("member id"));
        assert!(ShapeId::parse("a.#B").unwrap_err().contains("invalid namespace"));
        assert!(ShapeId::parse("a#1B").unwrap_err().contains("invalid shape name"));
    }

    #[test]
    fn apply_targets_may_name_a_member() {
        let (id, member) = ShapeId::parse_with_member("a#B$c").unwrap();
        assert_eq!((id.as_str(), member.as_deref()), ("a#B", Some("c")));
        assert_eq!(ShapeId::parse_with_member("a#B").unwrap().1, None);
        assert!(ShapeId::parse_with_member("a#B$").is_err());
        assert!(ShapeId::parse_with_member("a#B$c$d").is_err());
    }
}
