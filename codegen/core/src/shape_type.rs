//! The kinds of shape a model can define, by the keyword the IDL and the JSON AST give them.

/// The kinds of shape a model can define.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ShapeType {
    /// `blob`
    Blob,
    /// `boolean`
    Boolean,
    /// `document`
    Document,
    /// `string`
    String,
    /// `byte`
    Byte,
    /// `short`
    Short,
    /// `integer`
    Integer,
    /// `long`
    Long,
    /// `float`
    Float,
    /// `double`
    Double,
    /// `bigInteger`
    BigInteger,
    /// `bigDecimal`
    BigDecimal,
    /// `timestamp`
    Timestamp,
    /// `enum`
    Enum,
    /// `intEnum`
    IntEnum,
    /// `list`
    List,
    /// `set` (Smithy 1.0; a list with unique items in 2.0)
    Set,
    /// `map`
    Map,
    /// `structure`
    Structure,
    /// `union`
    Union,
    /// `service`
    Service,
    /// `operation`
    Operation,
    /// `resource`
    Resource,
}

impl ShapeType {
    /// Every shape type.
    pub const ALL: [ShapeType; 23] = [
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

    /// The type a keyword names, if any.
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
    fn type_keywords_round_trip() {
        for t in ShapeType::ALL {
            assert_eq!(ShapeType::from_keyword(t.as_str()), Some(t));
        }
        assert_eq!(ShapeType::from_keyword("apply"), None);
        assert_eq!(ShapeType::Map.fixed_members(), Some(&["key", "value"][..]));
        assert!(ShapeType::IntEnum.has_named_members() && !ShapeType::List.has_named_members());
    }
}
