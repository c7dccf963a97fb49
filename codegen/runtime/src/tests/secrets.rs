//! Nothing the runtime prints or puts in an error message holds a received value or a map key:
//! any of them may be `@sensitive`. Each message says which member or header and what was
//! expected instead.

use crate::error::Unhandled;
use crate::primitives::{BigDecimal, BigInteger, DateTime, DateTimeFormat};

const SECRET: &str = "hunter2";

fn assert_no_secret(message: &str) {
    assert!(!message.contains(SECRET), "{message}");
}

#[test]
fn unhandled_errors_print_the_size_of_the_body_not_the_body() {
    let error = Unhandled::new()
        .with_code("Oops")
        .with_http_status(500)
        .with_body(SECRET);
    let debug = format!("{error:?}");
    assert_no_secret(&debug);
    assert!(debug.contains("7 bytes"), "{debug}");
    assert_no_secret(&error.to_string());
    assert_no_secret(&format!("{error:#?}"));
    // The body is there for whoever asks for it.
    assert_eq!(error.body(), SECRET.as_bytes());
}

#[test]
fn timestamp_errors_say_what_was_expected() {
    for format in [
        DateTimeFormat::DateTime,
        DateTimeFormat::HttpDate,
        DateTimeFormat::EpochSeconds,
    ] {
        let error = DateTime::parse(SECRET, format).unwrap_err();
        assert_no_secret(&error.to_string());
        assert_no_secret(&format!("{error:?}"));
        assert!(error.to_string().starts_with("expected "), "{error}");
    }
}

#[test]
fn big_number_errors_say_what_was_expected() {
    let error = SECRET.parse::<BigInteger>().unwrap_err();
    assert_no_secret(&error.to_string());
    assert_no_secret(&format!("{error:?}"));
    assert!(error.to_string().contains("integer"), "{error}");
    let error = SECRET.parse::<BigDecimal>().unwrap_err();
    assert_no_secret(&error.to_string());
    assert!(error.to_string().contains("decimal"), "{error}");
}

/// The messages the runtime's own `Deserialize` code builds; serde's generic ones are cleaned by
/// `JsonError` (below).
#[cfg(feature = "serde")]
#[test]
fn json_value_errors_hold_no_value() {
    use crate::json::{Float, Read};
    let error = serde_json::from_str::<Read<Float, f64>>(&format!("\"{SECRET}\""))
        .err()
        .unwrap();
    assert_no_secret(&error.to_string());
    let error = serde_json::from_str::<BigInteger>(&format!("\"{SECRET}\"")).unwrap_err();
    assert_no_secret(&error.to_string());
    let error = serde_json::from_str::<BigDecimal>(&format!("\"{SECRET}\"")).unwrap_err();
    assert_no_secret(&error.to_string());
}

#[cfg(feature = "http")]
mod http {
    use std::collections::HashMap;

    use super::{assert_no_secret, SECRET};
    use crate::http::{insert_header, json_body, parse_bool, parse_float, parse_number};

    #[test]
    fn parse_errors_say_what_was_expected() {
        for error in [
            parse_float(SECRET).unwrap_err(),
            parse_bool(SECRET).unwrap_err(),
            parse_number::<i32>(SECRET).unwrap_err(),
        ] {
            assert_no_secret(&error);
            assert!(error.starts_with("expected "), "{error}");
        }
        assert_eq!(
            parse_number::<u8>("300").unwrap_err(),
            "expected an integer that fits in u8"
        );
    }

    #[test]
    fn header_errors_name_the_member_not_the_key() {
        let mut headers = ::http::HeaderMap::new();
        let error =
            insert_header(&mut headers, "meta", &format!("X-Meta-{SECRET} "), "v").unwrap_err();
        assert_no_secret(&error.to_string());
        assert_eq!(error.field(), "meta");
        let error =
            insert_header(&mut headers, "name", "X-Name", &format!("{SECRET}\n")).unwrap_err();
        assert_no_secret(&error.to_string());
    }

    /// JSON body errors keep the kind of value found, what was expected, and where.
    #[test]
    fn json_body_errors_say_what_and_where_without_the_value() {
        let body = format!("{{\"flag\": \"{SECRET}\"}}");
        let error = json_body::<HashMap<String, bool>>(body.as_bytes())
            .unwrap_err()
            .to_string();
        assert_eq!(
            error,
            "invalid type: string, expected a boolean at line 1 column 18"
        );
        let body = format!("{{\"{SECRET}\": 1}}");
        let error = json_body::<HashMap<u8, u8>>(body.as_bytes())
            .unwrap_err()
            .to_string();
        assert_no_secret(&error);
        assert!(error.ends_with("at line 1 column 2"), "{error}");
        let body = format!("[\"{SECRET}\"]");
        let error = json_body::<Vec<crate::primitives::DateTime>>(body.as_bytes()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid type: string, expected a timestamp in epoch seconds at line 1 column 10"
        );
        let error = json_body::<Vec<u8>>(b"[1, 300]").unwrap_err().to_string();
        assert_eq!(
            error,
            "invalid value: integer, expected u8 at line 1 column 7"
        );
        let error = json_body::<Vec<u8>>(b"[1,").unwrap_err().to_string();
        assert_eq!(error, "EOF while parsing a value at line 1 column 3");
        let error = json_body::<Vec<u8>>(format!("[1] {SECRET}").as_bytes()).unwrap_err();
        assert_eq!(error.to_string(), "trailing characters at line 1 column 5");
    }
}

/// serde's other messages about values, as any `Deserialize` code may raise them.
#[cfg(feature = "http")]
#[test]
fn serde_messages_lose_the_names_and_values_they_quote() {
    use serde::de::{Error as _, Unexpected};

    use crate::http::JsonError;
    let clean = |error: serde_json::Error| JsonError::from(error).to_string();
    let error = serde_json::Error::unknown_variant(SECRET, &["A", "B"]);
    assert_eq!(clean(error), "unknown variant, expected `A` or `B`");
    let error = serde_json::Error::unknown_variant(SECRET, &[]);
    assert_eq!(clean(error), "unknown variant, there are no variants");
    let error = serde_json::Error::unknown_field(&format!("{SECRET}, expected "), &["a"]);
    assert_eq!(clean(error), "unknown field, expected `a`");
    let error = serde_json::Error::invalid_value(Unexpected::Str(SECRET), &"a short text");
    assert_eq!(clean(error), "invalid value: string, expected a short text");
    let error = serde_json::Error::invalid_type(Unexpected::Signed(-7), &"a string");
    assert_eq!(clean(error), "invalid type: integer, expected a string");
    assert_eq!(
        clean(serde_json::Error::missing_field("name")),
        "missing field `name`"
    );
    assert_eq!(
        clean(serde_json::Error::invalid_length(3, &"two items")),
        "invalid length 3, expected two items"
    );
}
