//! The query protocols' form writer.

use crate::query::{key, QueryWriter};

#[test]
fn forms_start_with_the_action_and_version_and_encode_as_rfc_3986_says() {
    let mut form = QueryWriter::new("DoThing", "2020-01-08");
    form.push("Name", "a b+c=d&e/f~g");
    form.push("List.member.1", "");
    form.push("Time", "2015-01-25T08:00:00Z");
    form.push("Blob", "dmFsdWU=");
    form.push("Text", "\u{e9}");
    assert_eq!(
        String::from_utf8(form.into_bytes()).unwrap(),
        "Action=DoThing&Version=2020-01-08&Name=a%20b%2Bc%3Dd%26e%2Ff~g&List.member.1=\
         &Time=2015-01-25T08%3A00%3A00Z&Blob=dmFsdWU%3D&Text=%C3%A9"
    );
}

#[test]
fn keys_nest_with_dots() {
    assert_eq!(key("", "Name"), "Name");
    assert_eq!(key("Outer.member.1", "Name"), "Outer.member.1.Name");
}
