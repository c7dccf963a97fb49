//! The generated support types (`primitives`) and unions, through the `shapes` and `services`
//! golden crates.

use golden_shapes::primitives::{BigDecimal, BigInteger, Blob, DateTime, DateTimeFormat, Document, Number};
use golden_shapes::types::{Choice, Everything, Priority, Size};

/// A small deterministic generator, so property checks are repeatable.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 11
    }
}

#[test]
fn date_times_format_in_every_timestamp_format() {
    let epoch = DateTime::UNIX_EPOCH;
    assert_eq!(epoch.format(DateTimeFormat::DateTime), "1970-01-01T00:00:00Z");
    assert_eq!(epoch.format(DateTimeFormat::HttpDate), "Thu, 01 Jan 1970 00:00:00 GMT");
    assert_eq!(epoch.format(DateTimeFormat::EpochSeconds), "0");

    let t = DateTime::from_secs_and_nanos(1_515_531_081, 123_000_000);
    assert_eq!(t.format(DateTimeFormat::DateTime), "2018-01-09T20:51:21.123Z");
    assert_eq!(t.format(DateTimeFormat::EpochSeconds), "1515531081.123");
    assert_eq!(DateTime::from_secs(1_398_796_238).format(DateTimeFormat::HttpDate), "Tue, 29 Apr 2014 18:30:38 GMT");
    assert_eq!(DateTime::from_secs(-1).to_string(), "1969-12-31T23:59:59Z");
    assert_eq!(DateTime::from_secs(1_709_164_800).to_string(), "2024-02-29T00:00:00Z");
    assert_eq!(DateTime::from_secs(253_402_300_799).to_string(), "9999-12-31T23:59:59Z");
    assert_eq!(DateTime::from_millis(-1500), DateTime::from_secs_and_nanos(-2, 500_000_000));
    assert_eq!(DateTime::from_secs_f64(1.5), Some(DateTime::from_secs_and_nanos(1, 500_000_000)));
    assert_eq!(DateTime::from_secs_f64(f64::NAN), None);
}

#[test]
fn date_times_parse_what_services_send() {
    let parse = |text: &str, format| DateTime::parse(text, format);
    assert_eq!(parse("2018-01-09T20:51:21.123Z", DateTimeFormat::DateTime).unwrap().subsec_nanos(), 123_000_000);
    assert_eq!(
        parse("2024-01-01T01:30:00+01:30", DateTimeFormat::DateTime),
        parse("2024-01-01T00:00:00Z", DateTimeFormat::DateTime)
    );
    assert_eq!(
        parse("2023-12-31T23:00:00-01:00", DateTimeFormat::DateTime),
        parse("2024-01-01T00:00:00z", DateTimeFormat::DateTime)
    );
    assert_eq!(
        parse("Tue, 29 Apr 2014 18:30:38 GMT", DateTimeFormat::HttpDate),
        Ok(DateTime::from_secs(1_398_796_238))
    );
    assert_eq!(
        parse("1515531081.5", DateTimeFormat::EpochSeconds),
        Ok(DateTime::from_secs_and_nanos(1_515_531_081, 500_000_000))
    );
    assert_eq!(parse("-1.25", DateTimeFormat::EpochSeconds), Ok(DateTime::from_secs_and_nanos(-2, 750_000_000)));
    for bad in [
        ("2024-02-30T00:00:00Z", DateTimeFormat::DateTime),
        ("2023-02-29T00:00:00Z", DateTimeFormat::DateTime),
        ("2024-01-01T24:00:00Z", DateTimeFormat::DateTime),
        ("2024-01-01 00:00:00Z", DateTimeFormat::DateTime),
        ("2024-01-01T00:00:00", DateTimeFormat::DateTime),
        ("2024-01-01T00:00:00.Z", DateTimeFormat::DateTime),
        ("Wed, 29 Apr 2014 18:30:38 GMT", DateTimeFormat::HttpDate),
        ("Tue, 29 Apr 2014 18:30:38 UTC", DateTimeFormat::HttpDate),
        ("1e9", DateTimeFormat::EpochSeconds),
        ("", DateTimeFormat::EpochSeconds),
        ("é", DateTimeFormat::DateTime),
    ] {
        let error = parse(bad.0, bad.1).expect_err(bad.0);
        // The message says what was expected, never the text, which may be sensitive.
        assert!(error.to_string().starts_with("expected "), "{error}");
        assert!(bad.0.is_empty() || !error.to_string().contains(bad.0), "{error}");
    }
}

#[test]
fn date_times_round_trip_through_every_format() {
    let mut rng = Lcg(7);
    for _ in 0..20_000 {
        // Instants from year 1 to year 9999, with and without fractions.
        let seconds = (rng.next() % 315_537_897_600) as i64 - 62_135_596_800;
        let nanos = if rng.next().is_multiple_of(2) { 0 } else { (rng.next() % 1_000) as u32 * 1_000_000 };
        let t = DateTime::from_secs_and_nanos(seconds, nanos);
        for format in [DateTimeFormat::DateTime, DateTimeFormat::EpochSeconds] {
            let text = t.format(format);
            assert_eq!(DateTime::parse(&text, format), Ok(t), "{format:?} {text}");
        }
        // HTTP dates have whole seconds.
        let text = t.format(DateTimeFormat::HttpDate);
        assert_eq!(DateTime::parse(&text, DateTimeFormat::HttpDate), Ok(DateTime::from_secs(seconds)), "{text}");
    }
}

#[test]
fn date_times_convert_to_and_from_system_time() {
    use std::time::{Duration, SystemTime, UNIX_EPOCH};
    let later = UNIX_EPOCH + Duration::new(1_000, 5);
    assert_eq!(DateTime::from(later), DateTime::from_secs_and_nanos(1_000, 5));
    let earlier = UNIX_EPOCH - Duration::new(1, 250_000_000);
    assert_eq!(DateTime::from(earlier), DateTime::from_secs_and_nanos(-2, 750_000_000));
    assert_eq!(SystemTime::try_from(DateTime::from(earlier)), Ok(earlier));
}

#[test]
fn big_numbers_keep_their_digits_and_reject_other_text() {
    let big: BigInteger = "-123456789012345678901234567890".parse().unwrap();
    assert_eq!(big.to_string(), "-123456789012345678901234567890");
    assert_eq!("+7".parse::<BigInteger>().unwrap().as_str(), "7");
    for bad in ["", "-", "1.5", "12a", " 1"] {
        assert!(bad.parse::<BigInteger>().is_err(), "{bad:?}");
    }
    for good in ["0", "-0.5", "1e10", "6.02E+23", ".5", "5.", "+1.25e-3"] {
        assert!(good.parse::<BigDecimal>().is_ok(), "{good:?}");
    }
    for bad in ["", ".", "e5", "1e", "1.2.3", "1e+", "--1", "0x10"] {
        assert!(bad.parse::<BigDecimal>().is_err(), "{bad:?}");
    }
    assert_eq!(BigDecimal::default().as_str(), "0");
}

#[test]
fn documents_hold_json_like_values() {
    let document =
        Document::from(vec![Document::from("a"), Document::from(1i64), Document::from(-2i64), Document::from(0.5)]);
    let items = document.as_array().unwrap();
    assert_eq!(items[0].as_str(), Some("a"));
    assert_eq!(items[1].as_number(), Some(Number::PosInt(1)));
    assert_eq!(items[2].as_number().and_then(Number::as_i64), Some(-2));
    assert_eq!(items[3].as_number().map(Number::as_f64), Some(0.5));
    assert!(Document::default().is_null());
    assert_eq!(Number::PosInt(u64::MAX).as_i64(), None);
}

#[test]
fn blobs_hold_bytes() {
    let blob = Blob::new(vec![0, 159, 146, 150]);
    assert_eq!(blob.as_bytes(), [0, 159, 146, 150]);
    assert_eq!(Blob::from(&b"hi"[..]).into_inner(), b"hi");
}

#[test]
fn unions_have_a_variant_per_member_and_accessors() {
    let text = Choice::Text("hello".to_owned());
    assert_eq!(text.as_text(), Some("hello"));
    assert!(text.is_text() && !text.is_number() && !text.is_unknown());
    assert_eq!(Choice::Number(3).as_number(), Some(3));
    assert_eq!(Choice::Names(vec!["a".into()]).as_names(), Some(&["a".to_owned()][..]));
    assert!(Choice::Nothing.is_nothing());
    let nested = Choice::Nested(Box::new(Choice::Flag(true)));
    assert_eq!(nested.as_nested(), Some(&Choice::Flag(true)));
    // The member named `unknown` is renamed, so it cannot be confused with unknown members.
    assert_eq!(Choice::UnknownValue("u".into()).as_unknown_value(), Some("u"));
    // A sensitive member's value never appears in Debug output.
    assert_eq!(format!("{:?}", Choice::Secret("hunter2".into())), "Secret(\"*** Sensitive Data Redacted ***\")");
    assert_eq!(format!("{:?}", Choice::Text("visible".into())), "Text(\"visible\")");
}

#[test]
fn enum_trait_strings_and_int_enums_are_open_enums() {
    assert_eq!(Size::from("x-large"), {
        #[allow(deprecated)]
        let large = Size::XLarge;
        large
    });
    assert_eq!(Size::values(), ["small", "large", "x-large"]);
    assert_eq!(Size::from("huge").as_str(), "huge");
    assert_eq!(Priority::from(2), Priority::High);
    assert_eq!(Priority::from(9).value(), 9);
    assert_eq!(Priority::values(), [1, 2]);
    assert_eq!(Priority::Low.to_string(), "1");
}

#[test]
fn every_shape_kind_has_a_field_of_its_own_type() {
    let everything = Everything::builder()
        .blob(Blob::new(b"x".to_vec()))
        .timestamp(DateTime::from_secs(5))
        .big_integer("1".parse().unwrap())
        .document(Document::Null)
        .choice(Choice::Flag(false))
        .size(Size::Small)
        .priority(Priority::Low)
        .stamps(DateTime::from_secs(1))
        .byte(-1)
        .short(2)
        .float(1.5)
        .build();
    let _: Option<&Blob> = everything.blob();
    let _: Option<DateTime> = everything.timestamp();
    let _: Option<&BigInteger> = everything.big_integer();
    let _: Option<&Document> = everything.document();
    let _: &[DateTime] = everything.stamps();
    let _: Option<i8> = everything.byte();
    let _: Option<i16> = everything.short();
    let _: Option<f32> = everything.float();
    assert_eq!(everything.timestamp(), Some(DateTime::from_secs(5)));
    assert_eq!(everything.priority(), Some(&Priority::Low));
}

#[test]
fn services_reach_operations_through_resources_and_streams_are_typed() {
    use golden_services::operation::get_object::GetObjectOutput;
    use golden_services::operation::ping::{PingError, PingInput, PingOutput};
    use golden_services::operation::watch_object::WatchObjectOutput;
    use golden_services::primitives::{ByteStream, EventStream};
    use golden_services::types::error::{InternalError, ThrottlingError};
    use golden_services::types::{ChangedEvent, ObjectEvents};

    let _: PingInput = PingInput::builder().build();
    let _: PingOutput = PingOutput::builder().build();
    // Common errors of the service are part of every operation's error enum.
    let throttled = PingError::from(ThrottlingError::builder().message("slow down").build());
    assert!(throttled.is_throttling_error() && throttled.is_retryable());
    assert_eq!(throttled.http_status(), Some(429));
    let internal = PingError::from(InternalError::builder().message("stack trace").build());
    assert_eq!(internal.to_string(), "InternalError: *** Sensitive Data Redacted ***");
    assert_eq!(internal.http_status(), Some(500));

    let output = GetObjectOutput::builder().body(ByteStream::new(b"data".to_vec())).build();
    assert_eq!(output.body().as_bytes(), b"data");
    assert_eq!(format!("{:?}", output.body()), "ByteStream(4 bytes)");
    let empty = GetObjectOutput::builder().build();
    assert!(empty.body().as_bytes().is_empty(), "a @default(\"\") streaming body defaults to empty");

    let events = EventStream::new(vec![ObjectEvents::Changed(ChangedEvent::builder().size(3).build())]);
    let watched = WatchObjectOutput::builder().events(events).build();
    assert_eq!(watched.events().map(|e| e.events().len()), Some(1));
}
