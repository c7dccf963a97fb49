//! `Blob` and `ByteStream`: bytes, and base64 both ways.

use super::rng::Rng;
use crate::primitives::Blob;

/// The test vectors of RFC 4648, section 10.
const RFC_4648: &[(&str, &str)] = &[
    ("", ""),
    ("f", "Zg=="),
    ("fo", "Zm8="),
    ("foo", "Zm9v"),
    ("foob", "Zm9vYg=="),
    ("fooba", "Zm9vYmE="),
    ("foobar", "Zm9vYmFy"),
];

#[test]
fn base64_test_vectors_both_ways() {
    for &(bytes, text) in RFC_4648 {
        assert_eq!(Blob::new(bytes.as_bytes().to_vec()).to_base64(), text);
        assert_eq!(
            Blob::from_base64(text),
            Some(Blob::from(bytes.as_bytes())),
            "{text}"
        );
    }
}

#[test]
fn base64_uses_the_standard_alphabet() {
    assert_eq!(Blob::new(vec![0xfb, 0xff, 0xbf]).to_base64(), "+/+/");
    assert_eq!(
        Blob::from_base64("+/+/"),
        Some(Blob::new(vec![0xfb, 0xff, 0xbf]))
    );
    // The URL-safe alphabet is another encoding.
    assert_eq!(Blob::from_base64("-_-_"), None);
}

#[test]
fn text_that_is_not_base64_is_rejected() {
    for text in [
        "Zm9v!",
        "Zm9vY",
        "Zm9v\u{e9}",
        "Zg=a",
        "Z===",
        "Zm9v Yg==",
        "Zm9v\nYg==",
        "Zm9v\n",
        " Zm9v",
        "=",
        "====",
        // Missing, misplaced or extra padding.
        "Zg",
        "Zm8",
        "Zm9vYg",
        "Zm9vYg=",
        "Zg===",
        "Zm8==",
        "Zm9v====",
        "Z=g=",
        // The unused bits of the last character are not zero.
        "Zh==",
        "Zm9=",
    ] {
        assert_eq!(Blob::from_base64(text), None, "{text:?}");
    }
}

/// Any bytes read back from their base64.
#[test]
fn base64_reads_back_what_it_writes() {
    let mut rng = Rng::new(0xb10b);
    for _ in 0..2_000 {
        let blob = Blob::new(rng.bytes(40));
        let text = blob.to_base64();
        assert_eq!(text.len(), blob.as_bytes().len().div_ceil(3) * 4);
        assert_eq!(Blob::from_base64(&text), Some(blob), "{text}");
    }
}

/// Text accepted as base64 is exactly the text `to_base64` writes: random text over the base64
/// characters is either rejected or read as bytes whose base64 is that text.
#[test]
fn base64_accepts_only_what_it_writes() {
    let alphabet: Vec<char> = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="
        .chars()
        .collect();
    let mut rng = Rng::new(0xba5e);
    let mut accepted = 0;
    for _ in 0..20_000 {
        let mut text = rng.text(&alphabet, 10);
        // Padding is rare at random; add some where it belongs, sometimes.
        if rng.below(2) == 0 {
            let len = text.trim_end_matches('=').len();
            text.truncate(len);
            text.push_str(&"=".repeat(rng.below(3) as usize));
        }
        if let Some(blob) = Blob::from_base64(&text) {
            accepted += 1;
            assert_eq!(blob.to_base64(), text);
        }
    }
    // The test means something only if both answers occur.
    assert!(accepted > 100 && accepted < 19_000, "{accepted}");
}

#[test]
fn blobs_hold_their_bytes() {
    let blob = Blob::from(&b"abc"[..]);
    assert_eq!(blob.as_bytes(), b"abc");
    assert_eq!(blob.as_ref(), b"abc");
    assert_eq!(blob.clone().into_inner(), b"abc".to_vec());
    assert_eq!(Blob::default().as_bytes(), b"");
}

#[cfg(feature = "serde")]
#[test]
fn blobs_are_json_strings_of_base64() {
    let blob = Blob::new(b"foobar".to_vec());
    assert_eq!(serde_json::to_string(&blob).unwrap(), "\"Zm9vYmFy\"");
    assert_eq!(serde_json::from_str::<Blob>("\"Zm9vYmFy\"").unwrap(), blob);
    assert!(serde_json::from_str::<Blob>("\"Zm9v!\"").is_err());
    assert!(serde_json::from_str::<Blob>("[1, 2]").is_err());
}

#[cfg(feature = "serde")]
#[test]
fn byte_streams_are_json_strings_of_base64() {
    use crate::primitives::ByteStream;
    let body = ByteStream::new(b"foob".to_vec());
    assert_eq!(serde_json::to_string(&body).unwrap(), "\"Zm9vYg==\"");
    assert_eq!(
        serde_json::from_str::<ByteStream>("\"Zm9vYg==\"").unwrap(),
        body
    );
    assert_eq!(body.clone().into_inner(), b"foob".to_vec());
    assert_eq!(ByteStream::from(b"x".to_vec()).as_bytes(), b"x");
}
