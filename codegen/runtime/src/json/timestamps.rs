/// Timestamps as RFC 3339 text (`@timestampFormat("date-time")`).
pub(crate) struct DateTimeText;
/// Timestamps as HTTP dates (`@timestampFormat("http-date")`).
pub(crate) struct HttpDateText;

macro_rules! timestamp_text_codec {
    ($codec:ty, $format:expr) => {
        impl Codec<crate::primitives::DateTime> for $codec {
            fn serialize<S: Serializer>(
                value: &crate::primitives::DateTime,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(&value.format($format))
            }
            fn deserialize<'de, D: Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<crate::primitives::DateTime, D::Error> {
                let text = <Text<'de> as Deserialize>::deserialize(deserializer)?;
                crate::primitives::DateTime::parse(text.as_str(), $format)
                    .map_err(de::Error::custom)
            }
        }
    };
}
timestamp_text_codec!(DateTimeText, crate::primitives::DateTimeFormat::DateTime);
timestamp_text_codec!(HttpDateText, crate::primitives::DateTimeFormat::HttpDate);
