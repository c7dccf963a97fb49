/// Text that is not a number of the kind expected.
///
/// It does not keep the text, which may be sensitive: its message says what was expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseNumberError {
    expected: &'static str,
}

impl ParseNumberError {
    fn new(expected: &'static str) -> Self {
        Self { expected }
    }
}

impl ::std::fmt::Display for ParseNumberError {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        write!(f, "expected {}", self.expected)
    }
}

impl ::std::error::Error for ParseNumberError {}

/// `Serialize` and `Deserialize` for the big number types, which keep their decimal text.
macro_rules! big_number_serde {
    ($t:ident) => {
        /// Written as a JSON number: exactly when it fits a 64-bit integer, else as the nearest
        /// double.
        #[cfg(feature = "serde")]
        impl ::serde::Serialize for $t {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                let text = self.as_str();
                if let ::std::result::Result::Ok(value) = text.parse::<i64>() {
                    serializer.serialize_i64(value)
                } else if let ::std::result::Result::Ok(value) = text.parse::<u64>() {
                    serializer.serialize_u64(value)
                } else {
                    serializer.serialize_f64(text.parse::<f64>().unwrap_or(f64::NAN))
                }
            }
        }

        /// Read from a JSON number, or from text holding one.
        #[cfg(feature = "serde")]
        impl<'de> ::serde::Deserialize<'de> for $t {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                struct NumberVisitor;
                impl<'de> ::serde::de::Visitor<'de> for NumberVisitor {
                    type Value = $t;
                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str("a number")
                    }
                    fn visit_i64<E: ::serde::de::Error>(
                        self,
                        value: i64,
                    ) -> ::std::result::Result<$t, E> {
                        Ok($t(value.to_string()))
                    }
                    fn visit_u64<E: ::serde::de::Error>(
                        self,
                        value: u64,
                    ) -> ::std::result::Result<$t, E> {
                        Ok($t(value.to_string()))
                    }
                    fn visit_f64<E: ::serde::de::Error>(
                        self,
                        value: f64,
                    ) -> ::std::result::Result<$t, E> {
                        value.to_string().parse().map_err(E::custom)
                    }
                    fn visit_str<E: ::serde::de::Error>(
                        self,
                        value: &str,
                    ) -> ::std::result::Result<$t, E> {
                        value.parse().map_err(E::custom)
                    }
                    // Every digit, when `serde_json` keeps them (`arbitrary_precision`).
                    fn visit_map<A: ::serde::de::MapAccess<'de>>(
                        self,
                        map: A,
                    ) -> ::std::result::Result<$t, A::Error> {
                        let text = crate::json::number_in_map(map, &self)?;
                        self.visit_str(&text)
                    }
                }
                deserializer.deserialize_any(NumberVisitor)
            }
        }
    };
}
