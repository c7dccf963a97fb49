/// Timestamps are tag 1 (epoch-based date/time) holding seconds since the epoch as a double,
/// whatever `@timestampFormat` says.
impl Encode for crate::primitives::DateTime {
    fn encode(&self, encoder: &mut Encoder) {
        encoder.tag(1);
        encoder.f64(self.as_secs_f64());
    }
}

/// Read from tag 1 with an integer or a float of any width; a timestamp without its tag reads
/// the same.
impl Decode for crate::primitives::DateTime {
    fn decode(decoder: &mut Decoder<'_>) -> ::std::result::Result<Self, Error> {
        use ::minicbor::data::Type;
        match decoder.tags()? {
            None | Some(1) => {}
            Some(_) => return Err(decoder.error("expected a timestamp (tag 1)")),
        }
        match decoder.peek()? {
            Type::F16 | Type::F32 | Type::F64 => {
                let seconds = decoder.float()?;
                crate::primitives::DateTime::from_secs_f64(seconds)
                    .ok_or_else(|| decoder.error("a timestamp out of range"))
            }
            _ => {
                let seconds = decoder.integer()?;
                i64::try_from(seconds)
                    .map(crate::primitives::DateTime::from_secs)
                    .map_err(|_| decoder.error("a timestamp out of range"))
            }
        }
    }
}
