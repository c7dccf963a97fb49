/// Documents are written as the plain CBOR data model: the rpcv2Cbor specification leaves them
/// unsupported, and this is how a union member the model does not list is kept.
impl Encode for crate::primitives::Document {
    fn encode(&self, encoder: &mut Encoder) {
        use crate::primitives::{Document, Number};
        match self {
            Document::Object(members) => {
                encoder.map(members.len());
                for (name, value) in members {
                    encoder.field(name, value);
                }
            }
            Document::Array(items) => items.encode(encoder),
            Document::Number(Number::PosInt(value)) => encoder.uint(*value),
            Document::Number(Number::NegInt(value)) => encoder.int(*value),
            Document::Number(Number::Float(value)) => encoder.f64(*value),
            Document::String(text) => encoder.str(text),
            Document::Bool(value) => encoder.bool(*value),
            Document::Null => encoder.null(),
        }
    }
}

/// Any CBOR value reads: byte strings as their base64 text, integers beyond 64 bits and
/// bignums as the nearest double, and tags as the value they hold.
impl Decode for crate::primitives::Document {
    fn decode(decoder: &mut Decoder<'_>) -> ::std::result::Result<Self, Error> {
        use crate::primitives::{Document, Number};
        use ::minicbor::data::Type;
        let start = decoder.cbor.position();
        let tag = decoder.tags()?;
        Ok(match decoder.peek()? {
            Type::Map | Type::MapIndef => {
                let mut members = ::std::collections::BTreeMap::new();
                decoder.map(|decoder, name| {
                    let value = Document::decode(decoder)?;
                    members.insert(name.to_owned(), value);
                    Ok(())
                })?;
                Document::Object(members)
            }
            Type::Array | Type::ArrayIndef => Document::Array(::std::vec::Vec::decode(decoder)?),
            Type::Bytes | Type::BytesIndef if matches!(tag, Some(2 | 3)) => {
                decoder.cbor.set_position(start);
                let text = decode_big_integer(decoder)?;
                Document::Number(Number::Float(text.parse().unwrap_or(f64::NAN)))
            }
            Type::Bytes | Type::BytesIndef => Document::String(
                crate::primitives::Blob::new(decoder.bytes()?.into_owned()).to_base64(),
            ),
            Type::String | Type::StringIndef => Document::String(decoder.text()?.into_owned()),
            Type::Bool => Document::Bool(decoder.bool()?),
            Type::Null | Type::Undefined => {
                decoder.null()?;
                Document::Null
            }
            Type::F16 | Type::F32 | Type::F64 => Document::Number(Number::Float(decoder.float()?)),
            Type::Break => return Err(decoder.error("expected a value, found a break")),
            Type::Simple | Type::Unknown(_) | Type::Tag => {
                return Err(decoder.error("expected a value"));
            }
            _ => {
                let value = decoder.integer()?;
                Document::Number(if let Ok(value) = u64::try_from(value) {
                    Number::PosInt(value)
                } else if let Ok(value) = i64::try_from(value) {
                    Number::NegInt(value)
                } else {
                    Number::Float(value as f64)
                })
            }
        })
    }

    /// `null` items of a document's arrays are kept.
    fn decode_item(decoder: &mut Decoder<'_>) -> ::std::result::Result<Option<Self>, Error> {
        Self::decode(decoder).map(Some)
    }
}
