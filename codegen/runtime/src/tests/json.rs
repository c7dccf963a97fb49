//! The JSON codecs: floats with their special values, timestamps in a chosen format, and lists,
//! sparse values and maps of those.

use std::collections::HashMap;

use serde::Deserialize;

use crate::json::{
    with, Codec, DateTimeText, Float, HttpDateText, List, Map, NumberText, Read, Sparse, Text,
    UnitValue,
};
use crate::primitives::{BigDecimal, BigInteger, DateTime};

fn write<C: Codec<T>, T>(value: &T) -> String {
    serde_json::to_string(&with::<C, T>(value)).unwrap()
}

fn read<C: Codec<T>, T>(text: &str) -> Result<T, String> {
    serde_json::from_str::<Read<C, T>>(text)
        .map(Read::into_inner)
        .map_err(|e| e.to_string())
}

#[test]
fn floats_write_special_values_as_strings() {
    assert_eq!(write::<Float, f64>(&1.5), "1.5");
    assert_eq!(write::<Float, f64>(&f64::NAN), "\"NaN\"");
    assert_eq!(write::<Float, f64>(&f64::INFINITY), "\"Infinity\"");
    assert_eq!(write::<Float, f32>(&f32::NEG_INFINITY), "\"-Infinity\"");
    assert_eq!(write::<Float, f32>(&1.1), "1.1");
}

#[test]
fn floats_read_numbers_and_special_values() {
    assert_eq!(read::<Float, f64>("2"), Ok(2.0));
    assert_eq!(read::<Float, f64>("-2"), Ok(-2.0));
    assert_eq!(read::<Float, f64>("0.25"), Ok(0.25));
    assert!(read::<Float, f64>("\"NaN\"").unwrap().is_nan());
    assert_eq!(read::<Float, f32>("\"Infinity\""), Ok(f32::INFINITY));
    assert_eq!(read::<Float, f64>("\"-Infinity\""), Ok(f64::NEG_INFINITY));
    assert!(read::<Float, f64>("\"nan\"").is_err());
    assert!(read::<Float, f64>("true").is_err());
}

#[test]
fn timestamps_are_written_in_the_codec_format() {
    let time = DateTime::from_secs(1_398_796_238);
    assert_eq!(write::<DateTimeText, _>(&time), "\"2014-04-29T18:30:38Z\"");
    assert_eq!(
        write::<HttpDateText, _>(&time),
        "\"Tue, 29 Apr 2014 18:30:38 GMT\""
    );
    assert_eq!(
        read::<DateTimeText, DateTime>("\"2014-04-29T18:30:38Z\""),
        Ok(time)
    );
    assert_eq!(
        read::<HttpDateText, DateTime>("\"Tue, 29 Apr 2014 18:30:38 GMT\""),
        Ok(time)
    );
    assert!(read::<DateTimeText, DateTime>("\"Tue, 29 Apr 2014 18:30:38 GMT\"").is_err());
    assert!(read::<HttpDateText, DateTime>("1398796238").is_err());
    let fraction = DateTime::from_secs_and_nanos(1_398_796_238, 500_000_000);
    assert_eq!(
        write::<HttpDateText, _>(&fraction),
        "\"Tue, 29 Apr 2014 18:30:38 GMT\""
    );
}

#[test]
fn timestamps_on_their_own_are_epoch_seconds() {
    assert_eq!(serde_json::to_string(&DateTime::from_secs(5)).unwrap(), "5");
    let fraction = DateTime::from_secs_and_nanos(5, 250_000_000);
    assert_eq!(serde_json::to_string(&fraction).unwrap(), "5.25");
    assert_eq!(serde_json::from_str::<DateTime>("5.25").unwrap(), fraction);
    assert_eq!(
        serde_json::from_str::<DateTime>("-3").unwrap(),
        DateTime::from_secs(-3)
    );
    assert!(serde_json::from_str::<DateTime>("18446744073709551615").is_err());
    assert!(serde_json::from_str::<DateTime>("\"5\"").is_err());
}

#[test]
fn lists_sparse_values_and_maps_use_the_item_codec() {
    let list = vec![1.0, f64::INFINITY];
    assert_eq!(write::<List<Float>, _>(&list), "[1.0,\"Infinity\"]");
    assert_eq!(read::<List<Float>, Vec<f64>>("[1,\"Infinity\"]"), Ok(list));
    let sparse = vec![Some(f64::NEG_INFINITY), None];
    assert_eq!(
        write::<List<Sparse<Float>>, _>(&sparse),
        "[\"-Infinity\",null]"
    );
    assert_eq!(
        read::<List<Sparse<Float>>, Vec<Option<f64>>>("[\"-Infinity\",null]"),
        Ok(sparse)
    );
    let map = HashMap::from([("a".to_owned(), f64::INFINITY)]);
    assert_eq!(write::<Map<Float>, _>(&map), "{\"a\":\"Infinity\"}");
    assert_eq!(
        read::<Map<Float>, HashMap<String, f64>>("{\"a\":\"Infinity\"}"),
        Ok(map)
    );
    assert!(read::<List<Float>, Vec<f64>>("{}").is_err());
    assert!(read::<Map<Float>, HashMap<String, f64>>("[]").is_err());
}

#[test]
fn text_borrows_when_it_can() {
    let mut deserializer = serde_json::Deserializer::from_str("\"plain\"");
    let text = Text::deserialize(&mut deserializer).unwrap();
    assert!(matches!(text, Text::Borrowed("plain")));
    // An escape has to be decoded into a new string.
    let mut deserializer = serde_json::Deserializer::from_str(r#""a\nb""#);
    let text = Text::deserialize(&mut deserializer).unwrap();
    assert!(matches!(&text, Text::Owned(owned) if owned == "a\nb"));
    assert_eq!(text.as_str(), "a\nb");
    assert_eq!(text.into_string(), "a\nb");
    assert!(serde_json::from_str::<Text<'_>>("1").is_err());
}

#[test]
fn unit_values_are_any_object() {
    assert_eq!(serde_json::to_string(&UnitValue).unwrap(), "{}");
    assert!(serde_json::from_str::<UnitValue>("{\"ignored\":[1]}").is_ok());
}

#[test]
fn big_numbers_as_text_keep_every_digit() {
    let decimal: BigDecimal = "-0.100000000000000000000001".parse().unwrap();
    assert_eq!(
        write::<NumberText, BigDecimal>(&decimal),
        "\"-0.100000000000000000000001\""
    );
    assert_eq!(
        read::<NumberText, BigDecimal>("\"-0.100000000000000000000001\"").unwrap(),
        decimal
    );
    let integer: BigInteger = "-9223372036854775809".parse().unwrap();
    assert_eq!(
        write::<NumberText, BigInteger>(&integer),
        "\"-9223372036854775809\""
    );
    assert_eq!(
        read::<NumberText, BigInteger>("\"-9223372036854775809\"").unwrap(),
        integer
    );
    // Numbers read too; text that is not a number is an error that does not quote it.
    assert_eq!(
        read::<NumberText, BigInteger>("42").unwrap(),
        BigInteger::from(42i64)
    );
    assert_eq!(
        read::<NumberText, BigDecimal>("1.5").unwrap().as_str(),
        "1.5"
    );
    let error = read::<NumberText, BigInteger>("\"secret\"").unwrap_err();
    assert!(!error.contains("secret"), "{error}");
    assert!(read::<NumberText, BigDecimal>("true").is_err());
}

/// What `serde_json` with `arbitrary_precision` hands a `deserialize_any` visitor for a number:
/// a map of one entry, the private key and the number's text.
fn arbitrary_precision_number(
    text: &str,
) -> serde::de::value::MapDeserializer<
    'static,
    std::vec::IntoIter<(&'static str, String)>,
    serde::de::value::Error,
> {
    serde::de::value::MapDeserializer::new(
        vec![(crate::json::NUMBER_TOKEN, text.to_owned())].into_iter(),
    )
}

#[test]
fn numbers_from_serde_json_with_arbitrary_precision_are_read_from_their_text() {
    use crate::primitives::{Document, Number};
    assert_eq!(
        <Float as Codec<f64>>::deserialize(arbitrary_precision_number("2.5")).ok(),
        Some(2.5)
    );
    assert_eq!(
        <Float as Codec<f64>>::deserialize(arbitrary_precision_number("1e400"))
            .map_err(|e| e.to_string()),
        Err("number out of range".to_owned())
    );
    let big = <NumberText as Codec<BigDecimal>>::deserialize(arbitrary_precision_number(
        "0.100000000000000000000001",
    ))
    .unwrap();
    assert_eq!(big.as_str(), "0.100000000000000000000001");
    let big = BigInteger::deserialize(arbitrary_precision_number(
        "-123456789012345678901234567890",
    ))
    .unwrap();
    assert_eq!(big.as_str(), "-123456789012345678901234567890");
    let time = DateTime::deserialize(arbitrary_precision_number("1700000000")).unwrap();
    assert_eq!(time, DateTime::from_secs(1_700_000_000));
    let time = DateTime::deserialize(arbitrary_precision_number("1.5")).unwrap();
    assert_eq!(time.as_secs_f64(), 1.5);
    let number = |text| match Document::deserialize(arbitrary_precision_number(text)).unwrap() {
        Document::Number(number) => number,
        other => panic!("{other:?}"),
    };
    assert_eq!(number("7"), Number::PosInt(7));
    assert_eq!(number("-7"), Number::NegInt(-7));
    assert_eq!(number("0.5"), Number::Float(0.5));
    // Any other map is not a number.
    let other = serde::de::value::MapDeserializer::<_, serde::de::value::Error>::new(
        vec![("n", "1".to_owned())].into_iter(),
    );
    assert!(<Float as Codec<f64>>::deserialize(other).is_err());
}
