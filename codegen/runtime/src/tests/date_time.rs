//! `DateTime`: the three text formats both ways, conversions, and values at the edges.

use super::rng::Rng;
use crate::primitives::{DateTime, DateTimeFormat};

/// Instants with their RFC 3339 and HTTP-date text, computed independently (Python's `datetime`).
const KNOWN: &[(i64, &str, &str)] = &[
    (
        482_196_050,
        "1985-04-12T23:20:50Z",
        "Fri, 12 Apr 1985 23:20:50 GMT",
    ),
    (
        1_709_211_909,
        "2024-02-29T13:05:09Z",
        "Thu, 29 Feb 2024 13:05:09 GMT",
    ),
    (
        1_398_796_238,
        "2014-04-29T18:30:38Z",
        "Tue, 29 Apr 2014 18:30:38 GMT",
    ),
    (
        -62_135_596_800,
        "0001-01-01T00:00:00Z",
        "Mon, 01 Jan 0001 00:00:00 GMT",
    ),
    (
        253_402_300_799,
        "9999-12-31T23:59:59Z",
        "Fri, 31 Dec 9999 23:59:59 GMT",
    ),
    (-1, "1969-12-31T23:59:59Z", "Wed, 31 Dec 1969 23:59:59 GMT"),
    (
        951_868_800,
        "2000-03-01T00:00:00Z",
        "Wed, 01 Mar 2000 00:00:00 GMT",
    ),
    (
        -2_203_934_400,
        "1900-02-28T12:00:00Z",
        "Wed, 28 Feb 1900 12:00:00 GMT",
    ),
    (
        1_576_540_098,
        "2019-12-16T23:48:18Z",
        "Mon, 16 Dec 2019 23:48:18 GMT",
    ),
    (0, "1970-01-01T00:00:00Z", "Thu, 01 Jan 1970 00:00:00 GMT"),
];

fn parse(text: &str, format: DateTimeFormat) -> Option<(i64, u32)> {
    DateTime::parse(text, format)
        .ok()
        .map(|t| (t.secs(), t.subsec_nanos()))
}

#[test]
fn known_instants_in_every_format() {
    for &(seconds, rfc3339, http_date) in KNOWN {
        let time = DateTime::from_secs(seconds);
        assert_eq!(time.format(DateTimeFormat::DateTime), rfc3339);
        assert_eq!(time.to_string(), rfc3339);
        assert_eq!(time.format(DateTimeFormat::HttpDate), http_date);
        assert_eq!(
            time.format(DateTimeFormat::EpochSeconds),
            seconds.to_string()
        );
        assert_eq!(
            parse(rfc3339, DateTimeFormat::DateTime),
            Some((seconds, 0)),
            "{rfc3339}"
        );
        assert_eq!(
            parse(http_date, DateTimeFormat::HttpDate),
            Some((seconds, 0)),
            "{http_date}"
        );
        let epoch = seconds.to_string();
        assert_eq!(
            parse(&epoch, DateTimeFormat::EpochSeconds),
            Some((seconds, 0))
        );
    }
}

#[test]
fn rfc3339_fractions_are_written_without_trailing_zeros() {
    let time = DateTime::from_secs_and_nanos(1_709_211_909, 250_000_000);
    assert_eq!(time.to_string(), "2024-02-29T13:05:09.25Z");
    assert_eq!(
        DateTime::from_secs_and_nanos(0, 1).to_string(),
        "1970-01-01T00:00:00.000000001Z"
    );
    let before_epoch = DateTime::from_secs_and_nanos(-1, 500_000_000);
    assert_eq!(before_epoch.to_string(), "1969-12-31T23:59:59.5Z");
}

#[test]
fn rfc3339_is_read_with_fractions_offsets_and_either_case() {
    let dt = DateTimeFormat::DateTime;
    assert_eq!(
        parse("1985-04-12T23:20:50.52Z", dt),
        Some((482_196_050, 520_000_000))
    );
    assert_eq!(
        parse("1985-04-12t23:20:50.52z", dt),
        Some((482_196_050, 520_000_000))
    );
    // Offsets are normalised to UTC.
    assert_eq!(
        parse("1985-04-13T00:20:50+01:00", dt),
        Some((482_196_050, 0))
    );
    assert_eq!(
        parse("1985-04-12T15:20:50-08:00", dt),
        Some((482_196_050, 0))
    );
    assert_eq!(
        parse("1985-04-12T23:20:50+00:00", dt),
        Some((482_196_050, 0))
    );
    // Beyond nanoseconds, digits are dropped.
    assert_eq!(
        parse("1970-01-01T00:00:00.1234567891Z", dt),
        Some((0, 123_456_789))
    );
    // A leap second reads as the last second of its minute.
    assert_eq!(
        parse("2016-12-31T23:59:60Z", dt),
        parse("2016-12-31T23:59:59Z", dt)
    );
}

#[test]
fn text_that_is_not_rfc3339_is_rejected() {
    for text in [
        "",
        "1985-04-12",
        "1985-04-12 23:20:50Z",
        "1985-04-12T23:20:50",
        "1985-04-12T23:20:50.Z",
        "1985-13-12T23:20:50Z",
        "1985-02-29T23:20:50Z",
        "1985-04-31T23:20:50Z",
        "1985-04-00T23:20:50Z",
        "1985-04-12T24:00:00Z",
        "1985-04-12T23:60:00Z",
        "1985-04-12T23:20:61Z",
        "1985-04-12T23:20:50+0100",
        "1985-04-12T23:20:50+24:00",
        "1985-04-12T23:20:50Zjunk",
        "85-04-12T23:20:50Z",
        "+1985-04-12T23:20:50Z",
        "１９８５-04-12T23:20:50Z",
        "1985-04-12T23:20:5é",
    ] {
        assert_eq!(parse(text, DateTimeFormat::DateTime), None, "{text:?}");
    }
}

#[test]
fn http_dates_are_read_with_fractions() {
    let http = DateTimeFormat::HttpDate;
    assert_eq!(
        parse("Tue, 29 Apr 2014 18:30:38 GMT", http),
        Some((1_398_796_238, 0))
    );
    // Smithy asks servers to reject fractions; a client reads what it is sent.
    assert_eq!(
        parse("Tue, 29 Apr 2014 18:30:38.123 GMT", http),
        Some((1_398_796_238, 123_000_000))
    );
}

/// RFC 9110's IMF-fixdate has whole seconds; a fraction is dropped, not rounded, so the date
/// never moves into the next second (or day).
#[test]
fn http_dates_are_written_in_whole_seconds() {
    let http = DateTimeFormat::HttpDate;
    let time = DateTime::from_secs_and_nanos(1_398_796_238, 123_000_000);
    assert_eq!(time.format(http), "Tue, 29 Apr 2014 18:30:38 GMT");
    let last_moment = DateTime::from_secs_and_nanos(-1, 999_999_999);
    assert_eq!(last_moment.format(http), "Wed, 31 Dec 1969 23:59:59 GMT");
}

#[test]
fn text_that_is_not_an_http_date_is_rejected() {
    for text in [
        "",
        "Tue, 29 Apr 2014 18:30:38",
        "Tue, 29 Apr 2014 18:30:38 UTC",
        "Wed, 29 Apr 2014 18:30:38 GMT",
        "Tue, 29 Foo 2014 18:30:38 GMT",
        "Tue, 31 Apr 2014 18:30:38 GMT",
        "Tue, 29 Apr 2014 18:30 GMT",
        "Tue 29 Apr 2014 18:30:38 GMT",
        "2014-04-29T18:30:38Z",
        "Tue, 29 Ap",
    ] {
        assert_eq!(parse(text, DateTimeFormat::HttpDate), None, "{text:?}");
    }
}

#[test]
fn epoch_seconds_carry_fractions_both_ways() {
    let epoch = DateTimeFormat::EpochSeconds;
    let time = DateTime::from_secs_and_nanos(1_515_531_081, 123_000_000);
    assert_eq!(time.format(epoch), "1515531081.123");
    assert_eq!(
        parse("1515531081.123", epoch),
        Some((1_515_531_081, 123_000_000))
    );
    // Before the epoch the fraction counts back from zero: -1.5 is 2 seconds before, plus 0.5.
    assert_eq!(parse("-1.5", epoch), Some((-2, 500_000_000)));
    assert_eq!(
        DateTime::from_secs_and_nanos(-2, 500_000_000).format(epoch),
        "-1.5"
    );
    assert_eq!(parse("-0.25", epoch), Some((-1, 750_000_000)));
    assert_eq!(parse("-7", epoch), Some((-7, 0)));
    for text in [
        "", "-", "1.", ".5", "1e3", "+5", " 5", "5 ", "0x10", "1.5.5",
    ] {
        assert_eq!(parse(text, epoch), None, "{text:?}");
    }
}

#[test]
fn out_of_range_values_are_errors_or_saturate_never_panics() {
    let epoch = DateTimeFormat::EpochSeconds;
    assert_eq!(parse("9223372036854775807", epoch), Some((i64::MAX, 0)));
    assert_eq!(parse("9223372036854775808", epoch), None);
    assert_eq!(parse("-9223372036854775808", epoch), None);
    assert_eq!(parse("99999999999999999999999", epoch), None);
    assert_eq!(DateTime::from_secs_f64(f64::NAN), None);
    assert_eq!(DateTime::from_secs_f64(f64::INFINITY), None);
    assert_eq!(DateTime::from_secs_f64(-1e19), None);
    assert_eq!(
        DateTime::from_secs_f64(1.5).map(|t| (t.secs(), t.subsec_nanos())),
        Some((1, 500_000_000))
    );
    assert_eq!(DateTime::from_secs(i64::MAX).to_millis(), None);
    assert_eq!(
        DateTime::from_secs_and_nanos(i64::MAX, 2_000_000_000).secs(),
        i64::MAX
    );
    // Years past 9999 have no RFC 3339 form; formatting them still gives text, without panicking.
    for seconds in [i64::MIN, i64::MIN + 1, i64::MAX] {
        for nanos in [0, 1, 999_999_999] {
            let time = DateTime::from_secs_and_nanos(seconds, nanos);
            for format in [
                DateTimeFormat::DateTime,
                DateTimeFormat::HttpDate,
                DateTimeFormat::EpochSeconds,
            ] {
                assert!(!time.format(format).is_empty());
            }
        }
    }
    let extreme = DateTime::from_secs_and_nanos(i64::MIN, 1);
    assert_eq!(extreme.format(epoch), "-9223372036854775807.999999999");
}

#[test]
fn conversions_keep_the_instant() {
    assert_eq!(
        DateTime::from_millis(-1),
        DateTime::from_secs_and_nanos(-1, 999_000_000)
    );
    assert_eq!(DateTime::from_millis(1_500).to_millis(), Some(1_500));
    assert_eq!(
        DateTime::from_secs_and_nanos(1, 2_500_000_000),
        DateTime::from_secs_and_nanos(3, 500_000_000)
    );
    assert_eq!(
        DateTime::from_secs_and_nanos(-2, 500_000_000).as_secs_f64(),
        -1.5
    );
    let system = std::time::UNIX_EPOCH - std::time::Duration::from_millis(1500);
    let time = DateTime::from(system);
    assert_eq!((time.secs(), time.subsec_nanos()), (-2, 500_000_000));
    assert_eq!(std::time::SystemTime::try_from(time), Ok(system));
    assert_eq!(DateTime::UNIX_EPOCH, DateTime::default());
    assert!(DateTime::from_secs(-1) < DateTime::UNIX_EPOCH);
}

#[test]
fn parse_errors_name_the_format() {
    let error = DateTime::parse("yesterday", DateTimeFormat::HttpDate).unwrap_err();
    assert!(error.to_string().contains("an HTTP date"), "{error}");
    assert_eq!(error.format(), DateTimeFormat::HttpDate);
}

/// Any instant between the years 1 and 9999 reads back from what it is written as.
#[test]
fn every_format_reads_back_what_it_writes() {
    let mut rng = Rng::new(0xda7e);
    for _ in 0..5_000 {
        let seconds = rng.between(-62_135_596_800, 253_402_300_799);
        let nanos = match rng.below(3) {
            0 => 0,
            1 => rng.below(1000) as u32 * 1_000_000,
            _ => rng.below(1_000_000_000) as u32,
        };
        let time = DateTime::from_secs_and_nanos(seconds, nanos);
        for format in [DateTimeFormat::DateTime, DateTimeFormat::EpochSeconds] {
            let text = time.format(format);
            assert_eq!(DateTime::parse(&text, format), Ok(time), "{text}");
        }
        let http_date = time.format(DateTimeFormat::HttpDate);
        let read = DateTime::parse(&http_date, DateTimeFormat::HttpDate);
        assert_eq!(read, Ok(DateTime::from_secs(seconds)), "{http_date}");
    }
}
