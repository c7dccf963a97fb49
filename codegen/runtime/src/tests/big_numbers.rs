//! `BigInteger` and `BigDecimal`: validated decimal text, and JSON numbers.

use crate::primitives::{BigDecimal, BigInteger};

#[test]
fn big_integers_are_signed_decimal_digits() {
    assert_eq!(
        "123456789012345678901234567890"
            .parse::<BigInteger>()
            .unwrap()
            .as_str(),
        "123456789012345678901234567890"
    );
    assert_eq!("+12".parse::<BigInteger>().unwrap().as_str(), "12");
    assert_eq!("-12".parse::<BigInteger>().unwrap().as_str(), "-12");
    for text in [
        "",
        "-",
        "+",
        "1.5",
        "1e3",
        " 1",
        "1_000",
        "\u{661}\u{662}",
        "--1",
    ] {
        assert!(text.parse::<BigInteger>().is_err(), "{text:?}");
    }
    assert_eq!(BigInteger::default().as_str(), "0");
    assert_eq!(BigInteger::from(-7i64).to_string(), "-7");
    assert_eq!(
        BigInteger::from(u64::MAX).to_string(),
        "18446744073709551615"
    );
}

#[test]
fn big_decimals_are_json_like_numbers() {
    for (text, kept) in [
        ("-12", "-12"),
        ("3.25", "3.25"),
        ("1e-7", "1e-7"),
        ("+6.02E23", "6.02E23"),
        (".5", ".5"),
        ("5.", "5."),
    ] {
        assert_eq!(text.parse::<BigDecimal>().unwrap().as_str(), kept, "{text}");
    }
    for text in [
        "", ".", "-", "1e", "e5", "1e+", "1.2.3", "1,5", "0x1", "1e5.5", "NaN",
    ] {
        assert!(text.parse::<BigDecimal>().is_err(), "{text:?}");
    }
    assert_eq!(BigDecimal::default().to_string(), "0");
    assert_eq!(BigDecimal::from(3i64).as_str(), "3");
}

#[cfg(feature = "serde")]
#[test]
fn big_numbers_are_json_numbers() {
    let exact: BigInteger = "-9223372036854775808".parse().unwrap();
    assert_eq!(
        serde_json::to_string(&exact).unwrap(),
        "-9223372036854775808"
    );
    let unsigned: BigInteger = "18446744073709551615".parse().unwrap();
    assert_eq!(
        serde_json::to_string(&unsigned).unwrap(),
        "18446744073709551615"
    );
    let decimal: BigDecimal = "1.5".parse().unwrap();
    assert_eq!(serde_json::to_string(&decimal).unwrap(), "1.5");
    assert_eq!(
        serde_json::from_str::<BigInteger>("42").unwrap().as_str(),
        "42"
    );
    assert_eq!(
        serde_json::from_str::<BigInteger>("\"123456789012345678901234567890\"")
            .unwrap()
            .as_str(),
        "123456789012345678901234567890"
    );
    assert_eq!(
        serde_json::from_str::<BigDecimal>("2.5").unwrap().as_str(),
        "2.5"
    );
    assert!(serde_json::from_str::<BigInteger>("\"twelve\"").is_err());
    assert!(serde_json::from_str::<BigDecimal>("true").is_err());
}
