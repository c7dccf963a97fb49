/// A streaming blob in a body is a byte string, like a blob.
impl Encode for crate::primitives::ByteStream {
    fn encode(&self, encoder: &mut Encoder) {
        encoder.bytes(self.as_bytes());
    }
}

impl Decode for crate::primitives::ByteStream {
    fn decode(decoder: &mut Decoder<'_>) -> ::std::result::Result<Self, Error> {
        decoder
            .bytes()
            .map(|bytes| crate::primitives::ByteStream::new(bytes.into_owned()))
    }
}
