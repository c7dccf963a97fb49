/// An arbitrary-precision decimal: the value of a `bigDecimal` shape, kept as its decimal text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct BigDecimal(::std::string::String);

impl BigDecimal {
    /// The number in decimal notation, possibly with a fraction and an exponent.
    pub fn as_str(&self) -> &str {
        if self.0.is_empty() {
            "0"
        } else {
            &self.0
        }
    }
}

impl ::std::str::FromStr for BigDecimal {
    type Err = ParseNumberError;
    /// Accepts JSON-like number syntax: `-12`, `3.25`, `1e-7`, `+6.02E23`.
    fn from_str(text: &str) -> ::std::result::Result<Self, Self::Err> {
        let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
        let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
            ::std::option::Option::Some(at) => (
                &unsigned[..at],
                ::std::option::Option::Some(&unsigned[at + 1..]),
            ),
            ::std::option::Option::None => (unsigned, ::std::option::Option::None),
        };
        let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        let exponent_ok = exponent.is_none_or(|e| {
            let e = e.strip_prefix(['-', '+']).unwrap_or(e);
            !e.is_empty() && digits(e)
        });
        if (whole.is_empty() && fraction.is_empty())
            || !digits(whole)
            || !digits(fraction)
            || !exponent_ok
        {
            return ::std::result::Result::Err(ParseNumberError::new(
                "a decimal number (`-12`, `3.25`, `1e-7`)",
            ));
        }
        ::std::result::Result::Ok(Self(text.strip_prefix('+').unwrap_or(text).to_owned()))
    }
}

impl ::std::convert::From<i64> for BigDecimal {
    fn from(value: i64) -> Self {
        Self(value.to_string())
    }
}

impl ::std::fmt::Display for BigDecimal {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

big_number_serde!(BigDecimal);
