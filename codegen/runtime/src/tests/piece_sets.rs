//! Each piece of `primitives` compiled in a module of its own with only the pieces the generator
//! writes with it (`pieces()` in `codegen/src/render/runtime.rs`): a piece that uses another it
//! does not come with fails to compile here.

// Clippy leaves the names of exported items alone (a rename would break users); the pieces' types
// are exported from `primitives` but private here.
#![allow(clippy::wrong_self_convention)]

mod unknown_variant_value {
    include!("../primitives/unknown_variant_value.rs");

    #[test]
    fn keeps_the_value() {
        assert_eq!(UnknownVariantValue::new("x".to_owned()).as_str(), "x");
    }
}

mod unknown_int_variant_value {
    include!("../primitives/unknown_int_variant_value.rs");

    #[test]
    fn keeps_the_value() {
        assert_eq!(UnknownIntVariantValue::new(-3).value(), -3);
    }
}

mod blob {
    include!("../primitives/blob.rs");

    #[test]
    fn writes_base64() {
        assert_eq!(Blob::new(b"hi".to_vec()).to_base64(), "aGk=");
    }
}

/// A streaming blob comes with `Blob`, which writes it as base64.
mod byte_stream {
    include!("../primitives/blob.rs");
    include!("../primitives/byte_stream.rs");

    #[cfg(feature = "serde")]
    #[test]
    fn is_written_as_base64() {
        let body = ByteStream::new(b"hi".to_vec());
        assert_eq!(serde_json::to_string(&body).unwrap(), "\"aGk=\"");
    }

    #[test]
    fn shows_its_size() {
        assert_eq!(
            format!("{:?}", ByteStream::new(b"hi".to_vec())),
            "ByteStream(2 bytes)"
        );
    }
}

mod date_time {
    include!("../primitives/date_time.rs");

    #[test]
    fn formats() {
        assert_eq!(DateTime::from_secs(0).to_string(), "1970-01-01T00:00:00Z");
    }
}

mod document {
    include!("../primitives/document.rs");

    #[test]
    fn converts() {
        assert_eq!(Document::from(true).as_bool(), Some(true));
    }
}

/// The big numbers come with `ParseNumberError`, which also defines the macro they use.
mod big_integer {
    include!("../primitives/parse_number_error.rs");
    include!("../primitives/big_integer.rs");

    #[test]
    fn parses() {
        assert_eq!("12".parse::<BigInteger>().unwrap().as_str(), "12");
        assert!("x".parse::<BigInteger>().is_err());
    }
}

mod big_decimal {
    include!("../primitives/parse_number_error.rs");
    include!("../primitives/big_decimal.rs");

    #[test]
    fn parses() {
        assert_eq!("1.5".parse::<BigDecimal>().unwrap().as_str(), "1.5");
        assert!("x".parse::<BigDecimal>().is_err());
    }
}

mod event_stream {
    include!("../primitives/event_stream.rs");

    #[test]
    fn keeps_events_in_order() {
        let mut stream = EventStream::new(vec![1]);
        stream.push(2);
        assert_eq!(stream.events(), [1, 2]);
    }
}

/// A union's unknown member keeps its value as a `Document`.
mod unknown_member {
    include!("../primitives/document.rs");
    include!("../primitives/unknown_member.rs");

    #[test]
    fn keeps_name_and_value() {
        let member = UnknownMember::new("m".to_owned(), Document::from(1i64));
        assert_eq!(
            (member.name(), member.value()),
            ("m", &Document::from(1i64))
        );
    }
}
