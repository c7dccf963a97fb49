//! Shape ids and shape types: the grammar of identifiers, namespaces and (relative or
//! absolute) shape ids, and the names of the shape types.

/// Whether `s` matches the `Identifier` production: `(1*"_" (ALPHA / DIGIT)) / ALPHA`
/// followed by any number of `ALPHA / DIGIT / "_"`.
pub(crate) fn is_identifier(s: &str) -> bool {
    let bytes = s.as_bytes();
    let underscores = bytes.iter().take_while(|&&b| b == b'_').count();
    let Some(&first) = bytes.get(underscores) else {
        return false;
    };
    let valid_start = if underscores == 0 { first.is_ascii_alphabetic() } else { first.is_ascii_alphanumeric() };
    valid_start && bytes.get(underscores..).unwrap_or_default().iter().all(|&b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Whether `s` matches the `Namespace` production: identifiers separated by dots.
pub(crate) fn is_namespace(s: &str) -> bool {
    s.split('.').all(is_identifier)
}

/// A shape id split into its parts, borrowing from the text it was parsed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ShapeIdParts<'a> {
    /// The namespace, when the id is absolute.
    pub namespace: Option<&'a str>,
    pub name: &'a str,
    pub member: Option<&'a str>,
}

/// Splits and checks a shape id (`[Namespace "#"] Identifier ["$" Identifier]`).
pub(crate) fn parse_shape_id(text: &str) -> Result<ShapeIdParts<'_>, String> {
    let (root, member) = match text.split_once('$') {
        Some((root, member)) => (root, Some(member)),
        None => (text, None),
    };
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

/// Splits an absolute shape id into `(root id, member name)`.
pub(crate) fn split_member(id: &str) -> (&str, Option<&str>) {
    match id.split_once('$') {
        Some((root, member)) => (root, Some(member)),
        None => (id, None),
    }
}

/// The namespace of an absolute shape id (empty for a relative one).
pub(crate) fn namespace_of(id: &str) -> &str {
    id.split_once('#').map_or("", |(namespace, _)| namespace)
}

/// The kinds of shape a model can define.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum ShapeType {
    Blob,
    Boolean,
    Document,
    String,
    Byte,
    Short,
    Integer,
    Long,
    Float,
    Double,
    BigInteger,
    BigDecimal,
    Timestamp,
    Enum,
    IntEnum,
    List,
    Set,
    Map,
    Structure,
    Union,
    Service,
    Operation,
    Resource,
}

impl ShapeType {
    const ALL: [ShapeType; 23] = [
        ShapeType::Blob,
        ShapeType::Boolean,
        ShapeType::Document,
        ShapeType::String,
        ShapeType::Byte,
        ShapeType::Short,
        ShapeType::Integer,
        ShapeType::Long,
        ShapeType::Float,
        ShapeType::Double,
        ShapeType::BigInteger,
        ShapeType::BigDecimal,
        ShapeType::Timestamp,
        ShapeType::Enum,
        ShapeType::IntEnum,
        ShapeType::List,
        ShapeType::Set,
        ShapeType::Map,
        ShapeType::Structure,
        ShapeType::Union,
        ShapeType::Service,
        ShapeType::Operation,
        ShapeType::Resource,
    ];

    /// The keyword of the type in the IDL, which is also its `type` in the JSON AST.
    pub fn as_str(self) -> &'static str {
        match self {
            ShapeType::Blob => "blob",
            ShapeType::Boolean => "boolean",
            ShapeType::Document => "document",
            ShapeType::String => "string",
            ShapeType::Byte => "byte",
            ShapeType::Short => "short",
            ShapeType::Integer => "integer",
            ShapeType::Long => "long",
            ShapeType::Float => "float",
            ShapeType::Double => "double",
            ShapeType::BigInteger => "bigInteger",
            ShapeType::BigDecimal => "bigDecimal",
            ShapeType::Timestamp => "timestamp",
            ShapeType::Enum => "enum",
            ShapeType::IntEnum => "intEnum",
            ShapeType::List => "list",
            ShapeType::Set => "set",
            ShapeType::Map => "map",
            ShapeType::Structure => "structure",
            ShapeType::Union => "union",
            ShapeType::Service => "service",
            ShapeType::Operation => "operation",
            ShapeType::Resource => "resource",
        }
    }

    pub fn from_keyword(keyword: &str) -> Option<ShapeType> {
        ShapeType::ALL.into_iter().find(|t| t.as_str() == keyword)
    }

    /// Whether members live in a `members` object (rather than `member`/`key`/`value`).
    pub fn has_named_members(self) -> bool {
        matches!(self, ShapeType::Structure | ShapeType::Union | ShapeType::Enum | ShapeType::IntEnum)
    }

    /// The member names a list-like or map shape allows, or `None` if any name is allowed.
    pub fn fixed_members(self) -> Option<&'static [&'static str]> {
        match self {
            ShapeType::List | ShapeType::Set => Some(&["member"]),
            ShapeType::Map => Some(&["key", "value"]),
            _ => None,
        }
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
    }

    #[test]
    fn shape_ids_split_into_parts() {
        let parts = parse_shape_id("smithy.api#String$member").unwrap();
        assert_eq!(parts.namespace, Some("smithy.api"));
        assert_eq!(parts.name, "String");
        assert_eq!(parts.member, Some("member"));
        assert!(parse_shape_id("foo.bar").is_err());
        assert!(parse_shape_id("a#").is_err());
        assert!(parse_shape_id("a..b#C").is_err());
        assert!(parse_shape_id("Foo$").is_err());
    }

    #[test]
    fn type_keywords_round_trip() {
        for t in ShapeType::ALL {
            assert_eq!(ShapeType::from_keyword(t.as_str()), Some(t));
        }
        assert_eq!(ShapeType::from_keyword("apply"), None);
    }
}
