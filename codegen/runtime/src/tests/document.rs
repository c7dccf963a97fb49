//! `Document` and `Number`: JSON-like values that keep integers exact.

use std::collections::BTreeMap;

use crate::primitives::{Document, Number};

#[test]
fn accessors_answer_only_for_their_kind() {
    let object = Document::from(BTreeMap::from([("a".to_owned(), Document::from(1i64))]));
    assert_eq!(object.as_object().map(BTreeMap::len), Some(1));
    assert_eq!(object.as_array(), None);
    let array = Document::from(vec![Document::Null, Document::from("x")]);
    assert_eq!(array.as_array().map(<[Document]>::len), Some(2));
    assert_eq!(array.as_str(), None);
    assert_eq!(Document::from("x").as_str(), Some("x"));
    assert_eq!(Document::from("x".to_owned()).as_str(), Some("x"));
    assert_eq!(Document::from(false).as_bool(), Some(false));
    assert_eq!(Document::from(2.5).as_number(), Some(Number::Float(2.5)));
    assert_eq!(Document::from(2u64).as_bool(), None);
    assert!(Document::default().is_null());
    assert!(!Document::from(0i64).is_null());
}

#[test]
fn integers_keep_their_exact_value() {
    assert_eq!(Number::from(-5i64), Number::NegInt(-5));
    assert_eq!(Number::from(5i64), Number::PosInt(5));
    assert_eq!(Number::PosInt(u64::MAX).as_u64(), Some(u64::MAX));
    assert_eq!(Number::PosInt(u64::MAX).as_i64(), None);
    assert_eq!(Number::NegInt(i64::MIN).as_i64(), Some(i64::MIN));
    assert_eq!(Number::NegInt(-1).as_u64(), None);
    assert_eq!(Number::Float(1.0).as_i64(), None);
    assert_eq!(Number::NegInt(-2).as_f64(), -2.0);
}

#[cfg(feature = "serde")]
#[test]
fn documents_read_and_write_json() {
    let text = r#"{"a":[1,-2,18446744073709551615,-9223372036854775808,0.5,"s",true,null],"b":{}}"#;
    let document: Document = serde_json::from_str(text).unwrap();
    let items = document.as_object().unwrap()["a"].as_array().unwrap();
    assert_eq!(items[2].as_number(), Some(Number::PosInt(u64::MAX)));
    assert_eq!(items[3].as_number(), Some(Number::NegInt(i64::MIN)));
    assert_eq!(items[4].as_number(), Some(Number::Float(0.5)));
    assert!(items[7].is_null());
    assert_eq!(serde_json::to_string(&document).unwrap(), text);
}
