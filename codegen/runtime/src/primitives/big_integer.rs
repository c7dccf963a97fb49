/// An arbitrarily large integer: the value of a `bigInteger` shape, kept as its decimal digits.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct BigInteger(::std::string::String);

impl BigInteger {
    /// The decimal digits, with a leading `-` when negative.
    pub fn as_str(&self) -> &str {
        if self.0.is_empty() {
            "0"
        } else {
            &self.0
        }
    }
}

impl ::std::str::FromStr for BigInteger {
    type Err = ParseNumberError;
    /// Accepts an optional sign followed by decimal digits.
    fn from_str(text: &str) -> ::std::result::Result<Self, Self::Err> {
        let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return ::std::result::Result::Err(ParseNumberError::new(
                "an integer: decimal digits with an optional sign",
            ));
        }
        ::std::result::Result::Ok(Self(text.strip_prefix('+').unwrap_or(text).to_owned()))
    }
}

impl ::std::convert::From<i64> for BigInteger {
    fn from(value: i64) -> Self {
        Self(value.to_string())
    }
}

impl ::std::convert::From<u64> for BigInteger {
    fn from(value: u64) -> Self {
        Self(value.to_string())
    }
}

impl ::std::fmt::Display for BigInteger {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

big_number_serde!(BigInteger);
