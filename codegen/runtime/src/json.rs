//! How values are written in JSON: the pieces the generated `Serialize` and `Deserialize`
//! implementations share.
//!
//! Most values use their own `Serialize`/`Deserialize` implementations. A [`Codec`] is used where
//! the JSON form depends on the model rather than the type: floats that may be `NaN` or
//! infinite, timestamps in a format chosen by `@timestampFormat`, and lists and maps of those.

// Not every crate uses every codec.
#![allow(dead_code)]

use ::std::marker::PhantomData;

use ::serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use ::serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

/// A way to write and read values of `T`.
pub(crate) trait Codec<T> {
    /// Writes `value`.
    fn serialize<S: Serializer>(value: &T, serializer: S)
        -> ::std::result::Result<S::Ok, S::Error>;
    /// Reads a value.
    fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> ::std::result::Result<T, D::Error>;
}

/// `value`, written with the codec `C`.
pub(crate) struct With<'a, C, T>(&'a T, PhantomData<C>);

/// Writes `value` with the codec `C`.
pub(crate) fn with<C, T>(value: &T) -> With<'_, C, T> {
    With(value, PhantomData)
}

impl<C: Codec<T>, T> Serialize for With<'_, C, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
        C::serialize(self.0, serializer)
    }
}

/// A value read with the codec `C`.
pub(crate) struct Read<C, T>(pub(crate) T, PhantomData<C>);

impl<C, T> Read<C, T> {
    /// The value read.
    pub(crate) fn into_inner(self) -> T {
        self.0
    }
}

impl<'de, C: Codec<T>, T> Deserialize<'de> for Read<C, T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
        C::deserialize(deserializer).map(|value| Read(value, PhantomData))
    }
}

/// `f32` and `f64`: numbers, and the strings `"NaN"`, `"Infinity"` and `"-Infinity"`.
pub(crate) struct Float;

macro_rules! float_codec {
    ($t:ty) => {
        impl Codec<$t> for Float {
            fn serialize<S: Serializer>(
                value: &$t,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                if value.is_nan() {
                    serializer.serialize_str("NaN")
                } else if value.is_infinite() {
                    serializer.serialize_str(if *value > 0.0 {
                        "Infinity"
                    } else {
                        "-Infinity"
                    })
                } else {
                    Serialize::serialize(value, serializer)
                }
            }
            fn deserialize<'de, D: Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<$t, D::Error> {
                deserializer
                    .deserialize_any(FloatVisitor)
                    .map(|value| value as $t)
            }
        }
    };
}
float_codec!(f32);
float_codec!(f64);

struct FloatVisitor;

impl<'de> Visitor<'de> for FloatVisitor {
    type Value = f64;
    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str("a number, \"NaN\", \"Infinity\" or \"-Infinity\"")
    }
    fn visit_f64<E: de::Error>(self, value: f64) -> ::std::result::Result<f64, E> {
        Ok(value)
    }
    fn visit_i64<E: de::Error>(self, value: i64) -> ::std::result::Result<f64, E> {
        Ok(value as f64)
    }
    fn visit_u64<E: de::Error>(self, value: u64) -> ::std::result::Result<f64, E> {
        Ok(value as f64)
    }
    fn visit_str<E: de::Error>(self, value: &str) -> ::std::result::Result<f64, E> {
        match value {
            "NaN" => Ok(f64::NAN),
            "Infinity" => Ok(f64::INFINITY),
            "-Infinity" => Ok(f64::NEG_INFINITY),
            // The text itself is left out of the error: it may be sensitive.
            _ => Err(E::invalid_value(
                de::Unexpected::Other("another string"),
                &self,
            )),
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> ::std::result::Result<f64, A::Error> {
        finite_f64(&number_in_map(map, &self)?)
    }
}

/// Lists whose items are written with the codec `C`.
pub(crate) struct List<C>(PhantomData<C>);

impl<C: Codec<T>, T> Codec<::std::vec::Vec<T>> for List<C> {
    fn serialize<S: Serializer>(
        value: &::std::vec::Vec<T>,
        serializer: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(value.len()))?;
        for item in value {
            seq.serialize_element(&with::<C, T>(item))?;
        }
        seq.end()
    }
    fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> ::std::result::Result<::std::vec::Vec<T>, D::Error> {
        struct ListVisitor<C, T>(PhantomData<(C, T)>);
        impl<'de, C: Codec<T>, T> Visitor<'de> for ListVisitor<C, T> {
            type Value = ::std::vec::Vec<T>;
            fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str("a list")
            }
            fn visit_seq<A: SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> ::std::result::Result<Self::Value, A::Error> {
                let mut items =
                    ::std::vec::Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
                while let Some(item) = seq.next_element::<Read<C, T>>()? {
                    items.push(item.into_inner());
                }
                Ok(items)
            }
        }
        deserializer.deserialize_seq(ListVisitor::<C, T>(PhantomData))
    }
}

/// Optional values (the items of sparse lists and maps) written with the codec `C`, `null` for
/// none.
pub(crate) struct Sparse<C>(PhantomData<C>);

impl<C: Codec<T>, T> Codec<::std::option::Option<T>> for Sparse<C> {
    fn serialize<S: Serializer>(
        value: &::std::option::Option<T>,
        serializer: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        match value {
            Some(value) => C::serialize(value, serializer),
            None => serializer.serialize_none(),
        }
    }
    fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> ::std::result::Result<::std::option::Option<T>, D::Error> {
        Ok(
            <::std::option::Option<Read<C, T>> as Deserialize>::deserialize(deserializer)?
                .map(Read::into_inner),
        )
    }
}

/// Maps whose values are written with the codec `C`.
pub(crate) struct Map<C>(PhantomData<C>);

impl<C, K, V> Codec<::std::collections::HashMap<K, V>> for Map<C>
where
    C: Codec<V>,
    K: Serialize + de::DeserializeOwned + ::std::cmp::Eq + ::std::hash::Hash,
{
    fn serialize<S: Serializer>(
        value: &::std::collections::HashMap<K, V>,
        serializer: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(value.len()))?;
        for (key, value) in value {
            map.serialize_entry(key, &with::<C, V>(value))?;
        }
        map.end()
    }
    fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> ::std::result::Result<::std::collections::HashMap<K, V>, D::Error> {
        struct MapVisitor<C, K, V>(PhantomData<(C, K, V)>);
        impl<'de, C, K, V> Visitor<'de> for MapVisitor<C, K, V>
        where
            C: Codec<V>,
            K: de::DeserializeOwned + ::std::cmp::Eq + ::std::hash::Hash,
        {
            type Value = ::std::collections::HashMap<K, V>;
            fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                mut map: A,
            ) -> ::std::result::Result<Self::Value, A::Error> {
                let mut entries = ::std::collections::HashMap::with_capacity(
                    map.size_hint().unwrap_or(0).min(4096),
                );
                while let Some((key, value)) = map.next_entry::<K, Read<C, V>>()? {
                    entries.insert(key, value.into_inner());
                }
                Ok(entries)
            }
        }
        deserializer.deserialize_map(MapVisitor::<C, K, V>(PhantomData))
    }
}

/// Big integers and big decimals as JSON strings of their decimal text, which keep every digit
/// (rpcv2Json's form); read from a string, or from a number.
pub(crate) struct NumberText;

impl<T> Codec<T> for NumberText
where
    T: ::std::fmt::Display + ::std::str::FromStr,
    T::Err: ::std::fmt::Display,
{
    fn serialize<S: Serializer>(
        value: &T,
        serializer: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        serializer.collect_str(value)
    }
    fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> ::std::result::Result<T, D::Error> {
        struct NumberTextVisitor<T>(PhantomData<T>);
        impl<'de, T> Visitor<'de> for NumberTextVisitor<T>
        where
            T: ::std::str::FromStr,
            T::Err: ::std::fmt::Display,
        {
            type Value = T;
            fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str("a number, or a string holding one")
            }
            // The parsers' errors say what was expected, never the text.
            fn visit_str<E: de::Error>(self, value: &str) -> ::std::result::Result<T, E> {
                value.parse().map_err(E::custom)
            }
            fn visit_i64<E: de::Error>(self, value: i64) -> ::std::result::Result<T, E> {
                self.visit_str(&value.to_string())
            }
            fn visit_u64<E: de::Error>(self, value: u64) -> ::std::result::Result<T, E> {
                self.visit_str(&value.to_string())
            }
            fn visit_f64<E: de::Error>(self, value: f64) -> ::std::result::Result<T, E> {
                self.visit_str(&value.to_string())
            }
            // Every digit, when `serde_json` keeps them (`arbitrary_precision`).
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> ::std::result::Result<T, A::Error> {
                let text = number_in_map(map, &self)?;
                self.visit_str(&text)
            }
        }
        deserializer.deserialize_any(NumberTextVisitor(PhantomData))
    }
}

/// The key under which `serde_json` built with its `arbitrary_precision` feature (which any crate
/// in a build can turn on) hands a number to a `deserialize_any` visitor: as a map of one entry,
/// this key and the number's text.
pub(crate) const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// The text of a number handed over as a map by `serde_json` with `arbitrary_precision`, for the
/// visitors that read numbers through `deserialize_any`; any other map is not what `expected`.
pub(crate) fn number_in_map<'de, A: MapAccess<'de>>(
    mut map: A,
    expected: &dyn de::Expected,
) -> ::std::result::Result<::std::string::String, A::Error> {
    match map.next_key::<Text<'de>>()? {
        ::std::option::Option::Some(key) if key.as_str() == NUMBER_TOKEN => map.next_value(),
        _ => Err(de::Error::invalid_type(de::Unexpected::Map, expected)),
    }
}

/// A finite `f64` from a number's text; out of range is an error, as `serde_json` makes it.
pub(crate) fn finite_f64<E: de::Error>(text: &str) -> ::std::result::Result<f64, E> {
    match text.parse::<f64>() {
        ::std::result::Result::Ok(value) if value.is_finite() => Ok(value),
        _ => Err(E::custom("number out of range")),
    }
}

/// A string read without copying when the input allows it: object keys and text values.
pub(crate) enum Text<'de> {
    Borrowed(&'de str),
    Owned(::std::string::String),
}

impl Text<'_> {
    /// The text.
    pub(crate) fn as_str(&self) -> &str {
        match self {
            Text::Borrowed(text) => text,
            Text::Owned(text) => text,
        }
    }

    /// The text, owned.
    pub(crate) fn into_string(self) -> ::std::string::String {
        match self {
            Text::Borrowed(text) => text.to_owned(),
            Text::Owned(text) => text,
        }
    }
}

impl<'de> Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(
                self,
                value: &'de str,
            ) -> ::std::result::Result<Text<'de>, E> {
                Ok(Text::Borrowed(value))
            }
            fn visit_str<E: de::Error>(self, value: &str) -> ::std::result::Result<Text<'de>, E> {
                Ok(Text::Owned(value.to_owned()))
            }
            fn visit_string<E: de::Error>(
                self,
                value: ::std::string::String,
            ) -> ::std::result::Result<Text<'de>, E> {
                Ok(Text::Owned(value))
            }
        }
        deserializer.deserialize_str(TextVisitor)
    }
}

/// Reads `{}` (the value of a union member targeting `Unit`), accepting any object.
pub(crate) struct UnitValue;

impl Serialize for UnitValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
        serializer.serialize_map(Some(0))?.end()
    }
}

impl<'de> Deserialize<'de> for UnitValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
        de::IgnoredAny::deserialize(deserializer).map(|_| UnitValue)
    }
}

include!("json/timestamps.rs");

// A generated crate's `json` is the text of this file above the `include!`, then, when the crate
// has timestamps, the piece it includes.

// rustfmt does not follow `include!`; this declaration, never compiled, points it at the piece.
#[cfg(any())]
#[path = "json/timestamps.rs"]
mod timestamps;
