/// Open content: the value of a `document` shape, shaped like a JSON value.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Document {
    /// Keys to values, ordered by key.
    Object(::std::collections::BTreeMap<::std::string::String, Document>),
    /// Values in order.
    Array(::std::vec::Vec<Document>),
    /// A number.
    Number(Number),
    /// A string.
    String(::std::string::String),
    /// `true` or `false`.
    Bool(bool),
    /// No value.
    #[default]
    Null,
}

impl Document {
    /// The entries, if this is an object.
    pub fn as_object(
        &self,
    ) -> ::std::option::Option<&::std::collections::BTreeMap<::std::string::String, Document>> {
        match self {
            Self::Object(entries) => ::std::option::Option::Some(entries),
            _ => ::std::option::Option::None,
        }
    }

    /// The items, if this is an array.
    pub fn as_array(&self) -> ::std::option::Option<&[Document]> {
        match self {
            Self::Array(items) => ::std::option::Option::Some(items),
            _ => ::std::option::Option::None,
        }
    }

    /// The number, if this is one.
    pub fn as_number(&self) -> ::std::option::Option<Number> {
        match self {
            Self::Number(number) => ::std::option::Option::Some(*number),
            _ => ::std::option::Option::None,
        }
    }

    /// The text, if this is a string.
    pub fn as_str(&self) -> ::std::option::Option<&str> {
        match self {
            Self::String(text) => ::std::option::Option::Some(text),
            _ => ::std::option::Option::None,
        }
    }

    /// The value, if this is a boolean.
    pub fn as_bool(&self) -> ::std::option::Option<bool> {
        match self {
            Self::Bool(value) => ::std::option::Option::Some(*value),
            _ => ::std::option::Option::None,
        }
    }

    /// Whether this is [`Document::Null`].
    pub fn is_null(&self) -> bool {
        matches!(self, Self::Null)
    }
}

impl ::std::convert::From<bool> for Document {
    fn from(value: bool) -> Self {
        Self::Bool(value)
    }
}

impl ::std::convert::From<&str> for Document {
    fn from(value: &str) -> Self {
        Self::String(value.to_owned())
    }
}

impl ::std::convert::From<::std::string::String> for Document {
    fn from(value: ::std::string::String) -> Self {
        Self::String(value)
    }
}

impl ::std::convert::From<i64> for Document {
    fn from(value: i64) -> Self {
        Self::Number(Number::from(value))
    }
}

impl ::std::convert::From<u64> for Document {
    fn from(value: u64) -> Self {
        Self::Number(Number::PosInt(value))
    }
}

impl ::std::convert::From<f64> for Document {
    fn from(value: f64) -> Self {
        Self::Number(Number::Float(value))
    }
}

impl ::std::convert::From<::std::vec::Vec<Document>> for Document {
    fn from(items: ::std::vec::Vec<Document>) -> Self {
        Self::Array(items)
    }
}

impl ::std::convert::From<::std::collections::BTreeMap<::std::string::String, Document>>
    for Document
{
    fn from(entries: ::std::collections::BTreeMap<::std::string::String, Document>) -> Self {
        Self::Object(entries)
    }
}

/// A number in a [`Document`]: integers keep their exact value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    /// A non-negative integer.
    PosInt(u64),
    /// A negative integer.
    NegInt(i64),
    /// A number with a fraction or exponent.
    Float(f64),
}

impl Number {
    /// The value as an `f64`, rounded if it is a large integer.
    pub fn as_f64(self) -> f64 {
        match self {
            Self::PosInt(value) => value as f64,
            Self::NegInt(value) => value as f64,
            Self::Float(value) => value,
        }
    }

    /// The value as an `i64`, if it is an integer that fits.
    pub fn as_i64(self) -> ::std::option::Option<i64> {
        match self {
            Self::PosInt(value) => i64::try_from(value).ok(),
            Self::NegInt(value) => ::std::option::Option::Some(value),
            Self::Float(_) => ::std::option::Option::None,
        }
    }

    /// The value as a `u64`, if it is a non-negative integer.
    pub fn as_u64(self) -> ::std::option::Option<u64> {
        match self {
            Self::PosInt(value) => ::std::option::Option::Some(value),
            Self::NegInt(_) | Self::Float(_) => ::std::option::Option::None,
        }
    }
}

impl ::std::convert::From<i64> for Number {
    fn from(value: i64) -> Self {
        match u64::try_from(value) {
            ::std::result::Result::Ok(positive) => Self::PosInt(positive),
            ::std::result::Result::Err(_) => Self::NegInt(value),
        }
    }
}

#[cfg(feature = "serde")]
impl ::serde::Serialize for Document {
    fn serialize<S: ::serde::Serializer>(
        &self,
        serializer: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        match self {
            Self::Object(entries) => serializer.collect_map(entries),
            Self::Array(items) => serializer.collect_seq(items),
            Self::Number(Number::PosInt(value)) => serializer.serialize_u64(*value),
            Self::Number(Number::NegInt(value)) => serializer.serialize_i64(*value),
            Self::Number(Number::Float(value)) => serializer.serialize_f64(*value),
            Self::String(text) => serializer.serialize_str(text),
            Self::Bool(value) => serializer.serialize_bool(*value),
            Self::Null => serializer.serialize_unit(),
        }
    }
}

#[cfg(feature = "serde")]
impl<'de> ::serde::Deserialize<'de> for Document {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::std::result::Result<Self, D::Error> {
        struct DocumentVisitor;
        impl<'de> ::serde::de::Visitor<'de> for DocumentVisitor {
            type Value = Document;
            fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str("a document")
            }
            fn visit_bool<E: ::serde::de::Error>(
                self,
                value: bool,
            ) -> ::std::result::Result<Document, E> {
                Ok(Document::Bool(value))
            }
            fn visit_i64<E: ::serde::de::Error>(
                self,
                value: i64,
            ) -> ::std::result::Result<Document, E> {
                Ok(Document::Number(Number::from(value)))
            }
            fn visit_u64<E: ::serde::de::Error>(
                self,
                value: u64,
            ) -> ::std::result::Result<Document, E> {
                Ok(Document::Number(Number::PosInt(value)))
            }
            fn visit_f64<E: ::serde::de::Error>(
                self,
                value: f64,
            ) -> ::std::result::Result<Document, E> {
                Ok(Document::Number(Number::Float(value)))
            }
            fn visit_str<E: ::serde::de::Error>(
                self,
                value: &str,
            ) -> ::std::result::Result<Document, E> {
                Ok(Document::String(value.to_owned()))
            }
            fn visit_string<E: ::serde::de::Error>(
                self,
                value: ::std::string::String,
            ) -> ::std::result::Result<Document, E> {
                Ok(Document::String(value))
            }
            fn visit_unit<E: ::serde::de::Error>(self) -> ::std::result::Result<Document, E> {
                Ok(Document::Null)
            }
            fn visit_none<E: ::serde::de::Error>(self) -> ::std::result::Result<Document, E> {
                Ok(Document::Null)
            }
            fn visit_some<D: ::serde::Deserializer<'de>>(
                self,
                deserializer: D,
            ) -> ::std::result::Result<Document, D::Error> {
                ::serde::Deserialize::deserialize(deserializer)
            }
            fn visit_seq<A: ::serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> ::std::result::Result<Document, A::Error> {
                let mut items = ::std::vec::Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Document::Array(items))
            }
            fn visit_map<A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> ::std::result::Result<Document, A::Error> {
                let mut entries = ::std::collections::BTreeMap::new();
                while let Some(key) = map.next_key::<::std::string::String>()? {
                    // A number from `serde_json` with `arbitrary_precision`: its text.
                    if entries.is_empty() && key == crate::json::NUMBER_TOKEN {
                        let text: ::std::string::String = map.next_value()?;
                        let number = match (text.parse::<u64>(), text.parse::<i64>()) {
                            (::std::result::Result::Ok(value), _) => Number::PosInt(value),
                            (_, ::std::result::Result::Ok(value)) => Number::NegInt(value),
                            _ => Number::Float(crate::json::finite_f64(&text)?),
                        };
                        return Ok(Document::Number(number));
                    }
                    entries.insert(key, map.next_value()?);
                }
                Ok(Document::Object(entries))
            }
        }
        deserializer.deserialize_any(DocumentVisitor)
    }
}
