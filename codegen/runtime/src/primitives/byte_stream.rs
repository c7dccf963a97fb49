/// The body of a `@streaming` blob member.
///
/// This crate describes the data; it does no I/O. The body is held in memory: build one from
/// bytes, and read the bytes back with [`ByteStream::as_bytes`].
#[derive(Clone, Default, PartialEq, Eq)]
pub struct ByteStream(::std::vec::Vec<u8>);

impl ByteStream {
    /// A body holding `bytes`.
    pub fn new(bytes: impl Into<::std::vec::Vec<u8>>) -> Self {
        Self(bytes.into())
    }

    /// The bytes of the body.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The bytes, taken out of the body.
    pub fn into_inner(self) -> ::std::vec::Vec<u8> {
        self.0
    }
}

impl ::std::convert::From<::std::vec::Vec<u8>> for ByteStream {
    fn from(bytes: ::std::vec::Vec<u8>) -> Self {
        Self(bytes)
    }
}

// Bodies can be large and binary: show their size, not their content.
impl ::std::fmt::Debug for ByteStream {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        write!(f, "ByteStream({} bytes)", self.0.len())
    }
}

/// Written as base64 text, like a blob, so a structure holding a body can be saved whole.
#[cfg(feature = "serde")]
impl ::serde::Serialize for ByteStream {
    fn serialize<S: ::serde::Serializer>(
        &self,
        serializer: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(&Blob::new(self.0.clone()).to_base64())
    }
}

#[cfg(feature = "serde")]
impl<'de> ::serde::Deserialize<'de> for ByteStream {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::std::result::Result<Self, D::Error> {
        let blob = <Blob as ::serde::Deserialize<'de>>::deserialize(deserializer)?;
        Ok(ByteStream(blob.into_inner()))
    }
}
