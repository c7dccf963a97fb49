//! Glacier's checksums: SHA-256 against published vectors and the sha2 crate, and the tree hash
//! against the definition.

use sha2::Digest as _;

use crate::tree_hash::{set_checksum_headers, sha256, tree_hash};

fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn sha256_matches_the_published_vectors() {
    let cases: [(&[u8], &str); 4] = [
        (
            b"",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        ),
        (
            b"abc",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        ),
        (
            b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
        ),
        (
            b"hello world",
            "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9",
        ),
    ];
    for (data, expected) in cases {
        assert_eq!(hex(&sha256(data)), expected);
    }
    let million_a = vec![b'a'; 1_000_000];
    assert_eq!(
        hex(&sha256(&million_a)),
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
    );
}

#[test]
fn sha256_agrees_with_sha2_at_every_length_around_the_block_edges() {
    let mut rng = super::rng::Rng::new(3);
    for len in (0..300).chain([1023, 1024, 1025, 65_536]) {
        let data: Vec<u8> = (0..len).map(|_| rng.next_u64() as u8).collect();
        assert_eq!(
            sha256(&data)[..],
            sha2::Sha256::digest(&data)[..],
            "length {len}"
        );
    }
}

#[test]
fn tree_hashes_combine_megabyte_hashes_in_pairs() {
    const MIB: usize = 1024 * 1024;
    assert_eq!(tree_hash(b""), sha256(b""));
    assert_eq!(tree_hash(b"hello world"), sha256(b"hello world"));
    let data: Vec<u8> = (0..3 * MIB + 5).map(|i| (i % 251) as u8).collect();
    let leaves: Vec<[u8; 32]> = data.chunks(MIB).map(sha256).collect();
    let pair = |a: &[u8; 32], b: &[u8; 32]| sha256(&[&a[..], &b[..]].concat());
    // Four leaves: two pairs, then the pair of pairs.
    let expected = pair(&pair(&leaves[0], &leaves[1]), &pair(&leaves[2], &leaves[3]));
    assert_eq!(tree_hash(&data), expected);
    // Three leaves: the odd one is carried up unchanged.
    let three = &data[..3 * MIB];
    assert_eq!(
        tree_hash(three),
        pair(&pair(&leaves[0], &leaves[1]), &leaves[2])
    );
}

#[test]
fn checksum_headers_are_set_unless_the_input_set_them() {
    let mut headers = http::HeaderMap::new();
    set_checksum_headers(&mut headers, b"hello world");
    let expected = "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9";
    assert_eq!(headers["x-amz-content-sha256"], expected);
    assert_eq!(headers["x-amz-sha256-tree-hash"], expected);
    let mut headers = http::HeaderMap::new();
    headers.insert(
        "x-amz-sha256-tree-hash",
        http::HeaderValue::from_static("given"),
    );
    set_checksum_headers(&mut headers, b"hello world");
    assert_eq!(headers["x-amz-sha256-tree-hash"], "given");
    assert_eq!(headers["x-amz-content-sha256"], expected);
}
