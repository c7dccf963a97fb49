/// Binary data: the value of a `blob` shape.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Blob(::std::vec::Vec<u8>);

impl Blob {
    /// A blob holding `bytes`.
    pub fn new(bytes: impl Into<::std::vec::Vec<u8>>) -> Self {
        Self(bytes.into())
    }

    /// The bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The bytes, taken out of the blob.
    pub fn into_inner(self) -> ::std::vec::Vec<u8> {
        self.0
    }
}

impl ::std::convert::AsRef<[u8]> for Blob {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl ::std::convert::From<::std::vec::Vec<u8>> for Blob {
    fn from(bytes: ::std::vec::Vec<u8>) -> Self {
        Self(bytes)
    }
}

impl ::std::convert::From<&[u8]> for Blob {
    fn from(bytes: &[u8]) -> Self {
        Self(bytes.to_vec())
    }
}

const BASE64_ALPHABET: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

impl Blob {
    /// The bytes in standard base64 (RFC 4648, with padding), as JSON and headers carry blobs.
    pub fn to_base64(&self) -> ::std::string::String {
        let mut text = ::std::string::String::with_capacity(self.0.len().div_ceil(3) * 4);
        for chunk in self.0.chunks(3) {
            let bits = chunk.iter().enumerate().fold(0u32, |bits, (i, byte)| {
                bits | (u32::from(*byte) << (16 - 8 * i))
            });
            for i in 0..4 {
                if i <= chunk.len() {
                    text.push(char::from(
                        BASE64_ALPHABET[(bits >> (18 - 6 * i)) as usize & 63],
                    ));
                } else {
                    text.push('=');
                }
            }
        }
        text
    }

    /// Reads base64 text; `None` if it is not base64 as Smithy defines it: RFC 4648's standard
    /// encoding (section 4), that is
    ///
    /// - the standard alphabet (`A`–`Z`, `a`–`z`, `0`–`9`, `+`, `/`), and nothing else: no line
    ///   breaks or other whitespace (RFC 4648, 3.3), no URL-safe `-` and `_`;
    /// - padded with `=` to a multiple of four characters (RFC 4648, 3.2: Smithy does not say
    ///   otherwise);
    /// - with the unused bits of the last character zero (RFC 4648, 3.5 allows rejecting others).
    ///
    /// So it accepts exactly the text [`Blob::to_base64`] writes, and each blob has one text. The
    /// generator decodes `@default` blob values with this same function.
    pub fn from_base64(text: &str) -> ::std::option::Option<Blob> {
        if text.len() % 4 != 0 {
            return ::std::option::Option::None;
        }
        let padding = text.bytes().rev().take_while(|&c| c == b'=').count();
        if padding > 2 {
            return ::std::option::Option::None;
        }
        let text = &text[..text.len() - padding];
        let mut bytes = ::std::vec::Vec::with_capacity(text.len() * 3 / 4);
        let (mut bits, mut count) = (0u32, 0u32);
        for c in text.bytes() {
            let value = match c {
                b'A'..=b'Z' => c - b'A',
                b'a'..=b'z' => c - b'a' + 26,
                b'0'..=b'9' => c - b'0' + 52,
                b'+' => 62,
                b'/' => 63,
                _ => return ::std::option::Option::None,
            };
            bits = (bits << 6) | u32::from(value);
            count += 6;
            if count >= 8 {
                count -= 8;
                bytes.push((bits >> count) as u8);
                bits &= (1 << count) - 1;
            }
        }
        // Padding leaves two or four bits unused; a canonical encoding has them zero.
        if bits != 0 {
            return ::std::option::Option::None;
        }
        ::std::option::Option::Some(Blob(bytes))
    }
}

#[cfg(feature = "serde")]
impl ::serde::Serialize for Blob {
    fn serialize<S: ::serde::Serializer>(
        &self,
        serializer: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_base64())
    }
}

#[cfg(feature = "serde")]
impl<'de> ::serde::Deserialize<'de> for Blob {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::std::result::Result<Self, D::Error> {
        let text =
            <crate::json::Text<'de> as ::serde::Deserialize<'de>>::deserialize(deserializer)?;
        Blob::from_base64(text.as_str())
            .ok_or_else(|| ::serde::de::Error::custom("a blob must be base64 text"))
    }
}
