/// Big decimals are decimal fractions, tag 4 holding `[exponent, mantissa]` (the value is
/// mantissa × 10^exponent), the mantissa an integer or a bignum.
impl Encode for crate::primitives::BigDecimal {
    fn encode(&self, encoder: &mut Encoder) {
        let text = self.as_str();
        let (negative, unsigned) = match text.strip_prefix('-') {
            Some(unsigned) => (true, unsigned),
            None => (false, text.strip_prefix('+').unwrap_or(text)),
        };
        let (number, exponent) = match unsigned.find(['e', 'E']) {
            Some(at) => (&unsigned[..at], &unsigned[at + 1..]),
            None => (unsigned, "0"),
        };
        let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
        // An exponent beyond what CBOR's integers hold is clamped: no real value needs one.
        let exponent = exponent
            .strip_prefix('+')
            .unwrap_or(exponent)
            .parse::<i128>()
            .unwrap_or_default()
            .saturating_sub(fraction.len() as i128)
            .clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64;
        let digits = format!("{whole}{fraction}");
        let digits = digits.trim_start_matches('0');
        encoder.tag(4);
        encoder.array(2);
        encoder.int(exponent);
        let mantissa = if negative && !digits.is_empty() {
            format!("-{digits}")
        } else if digits.is_empty() {
            "0".to_owned()
        } else {
            digits.to_owned()
        };
        match mantissa.parse::<i64>() {
            Ok(small) => encoder.int(small),
            Err(_) => encode_big_integer(encoder, &mantissa),
        }
    }
}

/// Read from a decimal fraction, or from a plain integer or float.
impl Decode for crate::primitives::BigDecimal {
    fn decode(decoder: &mut Decoder<'_>) -> ::std::result::Result<Self, Error> {
        use ::minicbor::data::Type;
        let start = decoder.cbor.position();
        let tag = decoder.tags()?;
        let text = match (tag, decoder.peek()?) {
            (Some(4), Type::Array | Type::ArrayIndef) => {
                let (mut exponent, mut mantissa, mut count) = (None, None, 0);
                decoder.array(|decoder| {
                    match count {
                        0 => exponent = Some(decoder.integer()?),
                        1 => mantissa = Some(decode_big_integer(decoder)?),
                        _ => return Err(decoder.error("expected a decimal fraction of two items")),
                    }
                    count += 1;
                    Ok(())
                })?;
                match (exponent, mantissa) {
                    (Some(exponent), Some(mantissa)) => decimal_text(&mantissa, exponent),
                    _ => return Err(decoder.error("expected a decimal fraction of two items")),
                }
            }
            (_, Type::F16 | Type::F32 | Type::F64) => {
                let value = decoder.float()?;
                if !value.is_finite() {
                    return Err(decoder.error("expected a finite number"));
                }
                value.to_string()
            }
            _ => {
                decoder.cbor.set_position(start);
                decode_big_integer(decoder)?
            }
        };
        text.parse()
            .map_err(|_| decoder.error("expected a decimal number"))
    }
}

/// `mantissa` (an integer's decimal text) × 10^`exponent` as decimal text: with a decimal point
/// when the exponent is small, else in exponent notation.
fn decimal_text(mantissa: &str, exponent: i128) -> ::std::string::String {
    let (sign, digits) = match mantissa.strip_prefix('-') {
        Some(digits) => ("-", digits),
        None => ("", mantissa),
    };
    match exponent {
        0 => mantissa.to_owned(),
        1..=32 => format!("{mantissa}{}", "0".repeat(exponent as usize)),
        -64..=-1 => {
            let places = exponent.unsigned_abs() as usize;
            if places < digits.len() {
                let (whole, fraction) = digits.split_at(digits.len() - places);
                format!("{sign}{whole}.{fraction}")
            } else {
                format!("{sign}0.{}{digits}", "0".repeat(places - digits.len()))
            }
        }
        _ => format!("{mantissa}e{exponent}"),
    }
}
