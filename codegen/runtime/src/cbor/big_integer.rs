/// Big integers are bignums: tag 2 (zero and up) or tag 3 (negative), holding the magnitude's
/// bytes.
impl Encode for crate::primitives::BigInteger {
    fn encode(&self, encoder: &mut Encoder) {
        encode_big_integer(encoder, self.as_str());
    }
}

/// Read from a bignum or from a plain integer.
impl Decode for crate::primitives::BigInteger {
    fn decode(decoder: &mut Decoder<'_>) -> ::std::result::Result<Self, Error> {
        let text = decode_big_integer(decoder)?;
        text.parse()
            .map_err(|_| decoder.error("expected an integer"))
    }
}
