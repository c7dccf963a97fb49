//! The CBOR codec: what it writes, everything a service may send that it must read, and bodies
//! it must refuse with an error rather than a panic.

use std::collections::HashMap;

use super::rng::Rng;
use crate::cbor::{
    error_info, f16_to_f64, from_body, to_body, Decode, Decoder, Encode, Encoder, Error, MAX_DEPTH,
};
use crate::primitives::{BigDecimal, BigInteger, Blob, DateTime, Document, EventStream, Number};

fn hex(text: &str) -> Vec<u8> {
    let digits: Vec<u8> = text
        .bytes()
        .filter(u8::is_ascii_hexdigit)
        .map(|b| (b as char).to_digit(16).unwrap() as u8)
        .collect();
    digits
        .chunks(2)
        .map(|pair| pair[0] << 4 | pair[1])
        .collect()
}

fn encoded<T: Encode + ?Sized>(value: &T) -> Vec<u8> {
    to_body(value)
}

fn read<T: Decode>(bytes: &[u8]) -> Result<T, Error> {
    let mut decoder = Decoder::new(bytes);
    let value = decoder.value::<T>()?;
    decoder.finish()?;
    Ok(value)
}

/// A structure as the generator writes its impls: optional members, one required, one boxed.
#[derive(Debug, Default, PartialEq)]
struct Point {
    x: Option<i32>,
    name: Option<String>,
    tags: Vec<String>,
    next: Option<Box<Point>>,
}

impl Encode for Point {
    fn encode(&self, encoder: &mut Encoder) {
        encoder.begin_map();
        if let Some(value) = &self.x {
            encoder.field("x", value);
        }
        if let Some(value) = &self.name {
            encoder.field("name", value);
        }
        encoder.field("tags", &self.tags);
        if let Some(value) = &self.next {
            encoder.field("next", value);
        }
        encoder.end();
    }
}

impl Decode for Point {
    fn decode(decoder: &mut Decoder<'_>) -> Result<Self, Error> {
        let mut point = Point::default();
        decoder.map(|decoder, name| {
            match name {
                "x" => point.x = decoder.member()?,
                "name" => point.name = decoder.member()?,
                "tags" => point.tags = decoder.member()?.unwrap_or_default(),
                "next" => point.next = decoder.member()?,
                _ => decoder.skip()?,
            }
            Ok(())
        })?;
        Ok(point)
    }
}

#[test]
fn integers_take_their_shortest_form() {
    assert_eq!(encoded(&0i32), hex("00"));
    assert_eq!(encoded(&23i8), hex("17"));
    assert_eq!(encoded(&24i16), hex("18 18"));
    assert_eq!(encoded(&256i32), hex("19 0100"));
    assert_eq!(encoded(&-1i64), hex("20"));
    assert_eq!(encoded(&-500i64), hex("39 01f3"));
    assert_eq!(encoded(&i64::MIN), hex("3b 7fffffffffffffff"));
    assert_eq!(encoded(&i64::MAX), hex("1b 7fffffffffffffff"));
}

#[test]
fn floats_keep_their_width() {
    assert_eq!(encoded(&7.625f32), hex("fa 40f40000"));
    assert_eq!(encoded(&1.889f64), hex("fb 3ffe395810624dd3"));
    assert_eq!(encoded(&f32::NAN), hex("fa 7fc00000"));
    assert_eq!(encoded(&f64::INFINITY), hex("fb 7ff0000000000000"));
    assert_eq!(encoded(&f32::NEG_INFINITY), hex("fa ff800000"));
}

#[test]
fn strings_blobs_and_booleans() {
    assert_eq!(encoded("simple"), hex("66 73696d706c65"));
    assert_eq!(encoded(&Blob::new(b"foo".to_vec())), hex("43 666f6f"));
    assert_eq!(encoded(&true), hex("f5"));
    assert_eq!(encoded(&Option::<bool>::None), hex("f6"));
}

#[test]
fn structures_are_indefinite_maps_of_their_set_members() {
    let point = Point {
        x: Some(1),
        name: None,
        tags: vec!["a".into()],
        next: None,
    };
    assert_eq!(encoded(&point), hex("bf 6178 01 6474616773 81 6161 ff"));
    assert_eq!(read::<Point>(&encoded(&point)).unwrap(), point);
}

#[test]
fn lists_and_maps_have_definite_lengths() {
    assert_eq!(encoded(&vec![1i32, 2]), hex("82 01 02"));
    let map = HashMap::from([("k".to_owned(), 1i32)]);
    assert_eq!(encoded(&map), hex("a1 616b 01"));
}

#[test]
fn definite_and_indefinite_lengths_read_alike() {
    let expected = Point {
        x: Some(5),
        name: Some("ab".into()),
        tags: vec!["c".into(), "d".into()],
        next: None,
    };
    // Definite map, definite array, definite strings.
    let definite = hex("a3 6178 05 646e616d65 626162 6474616773 82 6163 6164");
    // Indefinite map, indefinite array, indefinite string chunked in two.
    let indefinite = hex("bf 6178 05 646e616d65 7f 6161 6162 ff 6474616773 9f 6163 6164 ff ff");
    // A key itself chunked.
    let chunked_key = hex("bf 7f 626e61 626d65 ff 626162 6178 05 6474616773 9f 6163 6164 ff ff");
    for body in [definite, indefinite, chunked_key] {
        assert_eq!(read::<Point>(&body).unwrap(), expected);
    }
    assert_eq!(
        read::<Blob>(&hex("5f 4161 4162 ff")).unwrap(),
        Blob::new(b"ab".to_vec())
    );
}

#[test]
fn half_precision_floats_read_exactly() {
    assert_eq!(read::<f64>(&hex("f9 7c00")).unwrap(), f64::INFINITY);
    assert_eq!(read::<f64>(&hex("f9 fc00")).unwrap(), f64::NEG_INFINITY);
    assert!(read::<f64>(&hex("f9 7c01")).unwrap().is_nan());
    assert!(read::<f64>(&hex("f9 7e00")).unwrap().is_nan());
    assert_eq!(
        read::<f64>(&hex("f9 0050")).unwrap(),
        0.00000476837158203125
    );
    assert_eq!(read::<f64>(&hex("f9 3e00")).unwrap(), 1.5);
    assert_eq!(read::<f32>(&hex("f9 47a0")).unwrap(), 7.625);
    assert_eq!(read::<f64>(&hex("f9 8000")).unwrap(), 0.0);
    assert!(read::<f64>(&hex("f9 8000")).unwrap().is_sign_negative());
    assert_eq!(f16_to_f64(0x7bff), 65504.0);
    assert_eq!(f16_to_f64(0x0001), 2f64.powi(-24));
}

#[test]
fn floats_read_from_any_width_and_from_integers() {
    assert_eq!(read::<f64>(&hex("fa 40f40000")).unwrap(), 7.625);
    assert_eq!(read::<f32>(&hex("fb 3ff8000000000000")).unwrap(), 1.5);
    assert_eq!(read::<f64>(&hex("19 0100")).unwrap(), 256.0);
    assert_eq!(read::<f32>(&hex("38 63")).unwrap(), -100.0);
    assert!(read::<f32>(&hex("fa 7fc00000")).unwrap().is_nan());
}

#[test]
fn integers_read_from_any_width_that_fits() {
    assert_eq!(read::<i64>(&hex("19 0100")).unwrap(), 256);
    assert_eq!(read::<i16>(&hex("0a")).unwrap(), 10);
    assert_eq!(read::<i8>(&hex("38 7f")).unwrap(), -128);
    assert_eq!(read::<i64>(&hex("3b 7fffffffffffffff")).unwrap(), i64::MIN);
    let error = read::<i8>(&hex("19 0100")).unwrap_err().to_string();
    assert!(error.contains("fits in i8"), "{error}");
    assert!(
        !error.contains("256"),
        "the value stays out of the message: {error}"
    );
    assert!(read::<i64>(&hex("1b ffffffffffffffff")).is_err());
    assert!(read::<i32>(&hex("fa 3fc00000")).is_err());
}

#[test]
fn timestamps_are_tag_one_with_epoch_seconds() {
    let time = DateTime::from_secs(1398796238);
    assert_eq!(encoded(&time), hex("c1 fb 41d4d7fbf3800000"));
    assert_eq!(read::<DateTime>(&encoded(&time)).unwrap(), time);
    assert_eq!(
        read::<DateTime>(&hex("c1 00")).unwrap(),
        DateTime::UNIX_EPOCH
    );
    assert_eq!(
        read::<DateTime>(&hex("c1 1a 386d3570")).unwrap(),
        DateTime::from_secs(946681200)
    );
    // 946845296.123, the protocol tests' fractional seconds.
    assert_eq!(
        read::<DateTime>(&hex("c1 fb 41cc37db380fbe77")).unwrap(),
        DateTime::from_secs_f64(946845296.123).unwrap()
    );
    assert_eq!(
        read::<DateTime>(&hex("c1 f9 3c00")).unwrap(),
        DateTime::from_secs(1)
    );
    assert_eq!(
        read::<DateTime>(&hex("c1 20")).unwrap(),
        DateTime::from_secs(-1)
    );
    // Without its tag, a number still reads; under another tag it does not.
    assert_eq!(
        read::<DateTime>(&hex("05")).unwrap(),
        DateTime::from_secs(5)
    );
    assert!(read::<DateTime>(&hex("c0 05")).is_err());
    assert!(read::<DateTime>(&hex("c1 fb 7ff0000000000000")).is_err());
    assert!(read::<DateTime>(&hex("c1 6161")).is_err());
}

#[test]
fn blobs_are_byte_strings_not_text() {
    assert_eq!(
        read::<Blob>(&hex("43 666f6f")).unwrap(),
        Blob::new(b"foo".to_vec())
    );
    assert!(read::<Blob>(&hex("63 666f6f")).is_err());
    assert!(read::<String>(&hex("43 666f6f")).is_err());
}

#[test]
fn big_integers_are_bignums() {
    let big = |text: &str| text.parse::<BigInteger>().unwrap();
    assert_eq!(encoded(&big("0")), hex("c2 40"));
    assert_eq!(encoded(&big("42")), hex("c2 41 2a"));
    assert_eq!(encoded(&big("-1")), hex("c3 40"));
    assert_eq!(
        encoded(&big("18446744073709551616")),
        hex("c2 49 010000000000000000")
    );
    assert_eq!(
        encoded(&big("-18446744073709551617")),
        hex("c3 49 010000000000000000")
    );
    for text in [
        "0",
        "1",
        "-1",
        "255",
        "256",
        "-256",
        "-257",
        "9223372036854775808",
        "-9223372036854775809",
        "123456789012345678901234567890123456789",
        "-340282366920938463463374607431768211456",
    ] {
        assert_eq!(
            read::<BigInteger>(&encoded(&big(text))).unwrap(),
            big(text),
            "{text}"
        );
    }
    // A plain integer reads too.
    assert_eq!(
        read::<BigInteger>(&hex("3b ffffffffffffffff")).unwrap(),
        big("-18446744073709551616")
    );
    assert!(read::<BigInteger>(&hex("c4 40")).is_err());
    let mut huge = hex("c2 5a 00002000");
    huge.extend(std::iter::repeat_n(0xff, 0x2000));
    assert!(read::<BigInteger>(&huge).is_err());
}

#[test]
fn big_decimals_are_decimal_fractions() {
    let decimal = |text: &str| text.parse::<BigDecimal>().unwrap();
    assert_eq!(encoded(&decimal("1.5")), hex("c4 82 20 0f"));
    assert_eq!(encoded(&decimal("273.15")), hex("c4 82 21 19 6ab3"));
    assert_eq!(encoded(&decimal("-1.5e3")), hex("c4 82 02 2e"));
    assert_eq!(
        read::<BigDecimal>(&hex("c4 82 21 19 6ab3")).unwrap(),
        decimal("273.15")
    );
    assert_eq!(
        read::<BigDecimal>(&hex("c4 82 20 0f")).unwrap(),
        decimal("1.5")
    );
    assert_eq!(
        read::<BigDecimal>(&hex("c4 82 02 2e")).unwrap(),
        decimal("-1500")
    );
    for text in [
        "0",
        "1.5",
        "-0.100000000000000000000001",
        "100000000000000000000001.0",
        "0.001",
        "-7",
    ] {
        let value = read::<BigDecimal>(&encoded(&decimal(text))).unwrap();
        assert_eq!(
            value.as_str().parse::<f64>().unwrap(),
            text.parse::<f64>().unwrap(),
            "{text} read back as {value}"
        );
    }
    assert_eq!(
        read::<BigDecimal>(&encoded(&decimal("-0.100000000000000000000001"))).unwrap(),
        decimal("-0.100000000000000000000001")
    );
    assert_eq!(
        read::<BigDecimal>(&hex("fb 3ff8000000000000")).unwrap(),
        decimal("1.5")
    );
    assert_eq!(read::<BigDecimal>(&hex("18 2a")).unwrap(), decimal("42"));
    assert!(read::<BigDecimal>(&hex("c4 83 20 0f 01")).is_err());
    assert!(read::<BigDecimal>(&hex("c4 81 20")).is_err());
}

#[test]
fn unknown_members_are_skipped_however_they_nest() {
    // The protocol tests' extra members: nested indefinite maps, arrays and chunked strings.
    let body = hex(
        "bf 6178 05 6b65787472614f626a656374 bf 73696e646566696e6974654c656e6774684d6170 bf \
         6b77697468416e4172726179 9f 01 02 03 ff ff ff 6e736f6d654f746865724669656c64 c1 01 \
         6474616773 80 ff",
    );
    let point = read::<Point>(&body).unwrap();
    assert_eq!(point.x, Some(5));
    assert!(point.tags.is_empty());
}

#[test]
fn null_and_undefined_members_are_absent() {
    let point = read::<Point>(&hex("a2 6178 f6 646e616d65 f7")).unwrap();
    assert_eq!(point, Point::default());
}

#[test]
fn dense_collections_leave_out_nulls_and_sparse_ones_keep_them() {
    let list = hex("83 6161 f6 6162");
    assert_eq!(read::<Vec<String>>(&list).unwrap(), vec!["a", "b"]);
    assert_eq!(
        read::<Vec<Option<String>>>(&list).unwrap(),
        vec![Some("a".to_owned()), None, Some("b".to_owned())]
    );
    let map = hex("bf 6178 f6 6179 01 ff");
    assert_eq!(
        read::<HashMap<String, i32>>(&map).unwrap(),
        HashMap::from([("y".to_owned(), 1)])
    );
    assert_eq!(
        read::<HashMap<String, Option<i32>>>(&map).unwrap(),
        HashMap::from([("x".to_owned(), None), ("y".to_owned(), Some(1))])
    );
    let sparse = vec![None, Some("a".to_owned())];
    assert_eq!(encoded(&sparse), hex("82 f6 6161"));
}

#[test]
fn documents_are_the_plain_data_model() {
    let document = Document::Object(
        [
            (
                "list".to_owned(),
                Document::Array(vec![Document::Null, Document::from(-2i64)]),
            ),
            ("pi".to_owned(), Document::from(3.5)),
            ("yes".to_owned(), Document::from(true)),
            ("text".to_owned(), Document::from("t")),
            ("big".to_owned(), Document::Number(Number::PosInt(u64::MAX))),
        ]
        .into_iter()
        .collect(),
    );
    assert_eq!(read::<Document>(&encoded(&document)).unwrap(), document);
    assert_eq!(
        read::<Document>(&hex("43 666f6f")).unwrap(),
        Document::from("Zm9v")
    );
    assert_eq!(
        read::<Document>(&hex("c1 05")).unwrap(),
        Document::Number(Number::PosInt(5))
    );
    assert_eq!(
        read::<Document>(&hex("c2 49 010000000000000000")).unwrap(),
        Document::Number(Number::Float(18446744073709551616.0))
    );
}

#[test]
fn event_streams_are_arrays_of_events() {
    let stream = EventStream::new(vec![1i32, 2]);
    assert_eq!(encoded(&stream), hex("82 01 02"));
    assert_eq!(
        read::<EventStream<i32>>(&hex("9f 01 02 ff")).unwrap(),
        stream
    );
}

#[test]
fn an_empty_body_is_an_empty_structure() {
    assert_eq!(from_body::<Point>(b"").unwrap(), Point::default());
    assert_eq!(from_body::<Point>(&hex("bf ff")).unwrap(), Point::default());
}

#[test]
fn malformed_bodies_are_errors() {
    let cases: &[(&str, &str)] = &[
        ("a body that is not a map", "83 01 02 03"),
        ("text where a number goes", "a1 6178 6131"),
        ("a map key that is not text", "a1 01 02"),
        (
            "a text string longer than the body",
            "a1 6178 7a ffffffff 61",
        ),
        ("a map longer than the body", "bb ffffffffffffffff 6178 01"),
        (
            "an array longer than the body",
            "a1 6474616773 9b 7fffffffffffffff 6161",
        ),
        ("an unterminated indefinite map", "bf 6178 01"),
        ("a break where a value goes", "a1 6178 ff"),
        ("a break skipped as an unknown value", "a1 617a ff"),
        ("a reserved initial byte", "a1 6178 1c"),
        ("invalid UTF-8", "a1 646e616d65 62 c328"),
        (
            "a chunk of the wrong kind in an indefinite string",
            "a1 646e616d65 7f 4161 ff",
        ),
        ("data after the body", "a0 00"),
        ("a lone break", "ff"),
        ("a truncated float", "a1 6178 fb 3ff0"),
        ("a truncated half float", "a1 6178 f9 3c"),
    ];
    for (what, body) in cases {
        assert!(from_body::<Point>(&hex(body)).is_err(), "{what}");
    }
}

#[test]
fn every_truncation_of_a_body_is_an_error() {
    let point = Point {
        x: Some(-70000),
        name: Some("a name".into()),
        tags: vec!["t1".into(), "t2".into()],
        next: Some(Box::new(Point {
            x: Some(1),
            ..Point::default()
        })),
    };
    let body = encoded(&point);
    assert_eq!(from_body::<Point>(&body).unwrap(), point);
    for end in 1..body.len() {
        assert!(from_body::<Point>(&body[..end]).is_err(), "{end}");
    }
}

#[test]
fn nesting_deeper_than_the_limit_is_an_error() {
    // Structures nested through a recursive member.
    let mut body = Vec::new();
    for _ in 0..MAX_DEPTH + 1 {
        body.extend(hex("a1 646e657874"));
    }
    body.push(0xa0);
    let error = from_body::<Point>(&body).unwrap_err().to_string();
    assert!(error.contains("nest deeper"), "{error}");
    // Up to the limit, it reads.
    let mut body = Vec::new();
    for _ in 0..MAX_DEPTH - 1 {
        body.extend(hex("a1 646e657874"));
    }
    body.push(0xa0);
    assert!(from_body::<Point>(&body).is_ok());
    // Lists nested far deeper in an unknown member are skipped without recursion.
    let mut body = hex("a1 617a");
    body.extend(std::iter::repeat_n(0x81, 100_000));
    body.push(0x00);
    assert!(from_body::<Point>(&body).is_ok());
    // And in a document, they are refused.
    let mut body = std::iter::repeat_n(0x81, 100_000).collect::<Vec<u8>>();
    body.push(0x00);
    assert!(from_body::<Document>(&body).is_err());
}

/// Random bytes, and valid bodies with random bytes changed, never panic.
#[test]
fn garbage_never_panics() {
    let mut rng = Rng::new(0xcb0);
    let valid = encoded(&Point {
        x: Some(3),
        name: Some("n".into()),
        tags: vec!["a".into()],
        next: Some(Box::default()),
    });
    for _ in 0..5_000 {
        let garbage = rng.bytes(40);
        let _ = from_body::<Point>(&garbage);
        let _ = from_body::<Document>(&garbage);
        let _ = from_body::<BigDecimal>(&garbage);
        let mut changed = valid.clone();
        let at = rng.below(changed.len() as u64) as usize;
        changed[at] = rng.next_u64() as u8;
        let _ = from_body::<Point>(&changed);
    }
}

#[test]
fn errors_say_what_was_expected_and_where() {
    let error = from_body::<Point>(&hex("a1 6178 6131"))
        .unwrap_err()
        .to_string();
    assert_eq!(error, "expected an integer, found a text string at byte 3");
    let error = from_body::<Point>(&hex("a1 6178")).unwrap_err().to_string();
    assert!(error.starts_with("the body ends inside a value"), "{error}");
}

#[test]
fn error_responses_are_named_by_their_type() {
    let headers = http::HeaderMap::new();
    // The protocol tests' InvalidGreeting error.
    let body = hex(
        "bf 665f5f74797065 78 2e 736d697468792e70726f746f636f6c74657374732e727063763243626f7223496e76616c69644772656574696e67 \
         674d657373616765 624869 ff",
    );
    let info = error_info(&headers, &body);
    assert_eq!(info.code.as_deref(), Some("InvalidGreeting"));
    assert_eq!(info.message.as_deref(), Some("Hi"));
    let info = error_info(
        &headers,
        &hex("a2 676d657373616765 6161 69756e72656c61746564 a0"),
    );
    assert_eq!((info.code, info.message.as_deref()), (None, Some("a")));
    for garbage in ["", "01", "a1 665f5f74797065 01", "ff ff"] {
        let info = error_info(&headers, &hex(garbage));
        assert_eq!((info.code, info.message), (None, None), "{garbage}");
    }
}
