//! Glacier's checksums of an archive or a part of one: the SHA-256 of the payload
//! (`X-Amz-Content-Sha256`) and its SHA-256 tree hash (`X-Amz-Sha256-Tree-Hash`), which Glacier
//! requires and which AWS SDKs compute for their callers.
//!
//! SHA-256 (FIPS 180-4) is written out here rather than taken from the sha2 crate, which would
//! add typenum, hybrid-array, crypto-common, digest and block-buffer to the build of the one
//! crate that needs it. It is a checksum of the payload, as the MD5 of `Content-MD5` is; the
//! tests check it against published vectors and against sha2.

/// The size of the pieces a tree hash hashes first: 1 MiB.
const CHUNK: usize = 1024 * 1024;

/// Sets the checksum headers Glacier requires on `body`, unless the input set them.
pub(crate) fn set_checksum_headers(headers: &mut ::http::HeaderMap, body: &[u8]) {
    if !headers.contains_key("x-amz-content-sha256") {
        headers.insert("x-amz-content-sha256", hex_value(&sha256(body)));
    }
    if !headers.contains_key("x-amz-sha256-tree-hash") {
        headers.insert("x-amz-sha256-tree-hash", hex_value(&tree_hash(body)));
    }
}

/// A digest as a header value: lower-case hexadecimal, which is always a valid value.
fn hex_value(digest: &[u8; 32]) -> ::http::HeaderValue {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut text = [0u8; 64];
    for (pair, byte) in text.chunks_exact_mut(2).zip(digest) {
        pair[0] = HEX[usize::from(byte >> 4)];
        pair[1] = HEX[usize::from(byte & 15)];
    }
    ::http::HeaderValue::from_bytes(&text).expect("hexadecimal digits are a valid header value")
}

/// The SHA-256 tree hash of `data`: the hashes of its 1 MiB pieces, hashed in pairs (an odd
/// one out carried up as it is) until one is left. Empty data hashes as SHA-256 does.
pub(crate) fn tree_hash(data: &[u8]) -> [u8; 32] {
    let mut level: ::std::vec::Vec<[u8; 32]> = data.chunks(CHUNK).map(sha256).collect();
    while level.len() > 1 {
        level = level
            .chunks(2)
            .map(|pair| match pair {
                [left, right] => {
                    let mut joined = [0u8; 64];
                    joined[..32].copy_from_slice(left);
                    joined[32..].copy_from_slice(right);
                    sha256(&joined)
                }
                [single] => *single,
                _ => unreachable!("chunks(2) yields one or two digests"),
            })
            .collect();
    }
    level.pop().unwrap_or_else(|| sha256(&[]))
}

/// The SHA-256 digest of `data` (FIPS 180-4).
pub(crate) fn sha256(data: &[u8]) -> [u8; 32] {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut state: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let compress = |state: &mut [u32; 8], block: &[u8]| {
        let mut w = [0u32; 64];
        for (word, bytes) in w.iter_mut().zip(block.chunks_exact(4)) {
            *word = u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut h] = *state;
        for i in 0..64 {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let choice = (e & f) ^ (!e & g);
            let t1 = h
                .wrapping_add(s1)
                .wrapping_add(choice)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let majority = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(majority);
            (h, g, f, e, d, c, b, a) = (g, f, e, d.wrapping_add(t1), c, b, a, t1.wrapping_add(t2));
        }
        for (word, add) in state.iter_mut().zip([a, b, c, d, e, f, g, h]) {
            *word = word.wrapping_add(add);
        }
    };
    let mut blocks = data.chunks_exact(64);
    for block in blocks.by_ref() {
        compress(&mut state, block);
    }
    // The rest, a 1 bit, zeros, and the length in bits: one block or two.
    let rest = blocks.remainder();
    let mut tail = [0u8; 128];
    tail[..rest.len()].copy_from_slice(rest);
    tail[rest.len()] = 0x80;
    let tail_len = if rest.len() < 56 { 64 } else { 128 };
    let bits = (data.len() as u64).wrapping_mul(8);
    tail[tail_len - 8..tail_len].copy_from_slice(&bits.to_be_bytes());
    for block in tail[..tail_len].chunks_exact(64) {
        compress(&mut state, block);
    }
    let mut digest = [0u8; 32];
    for (bytes, word) in digest.chunks_exact_mut(4).zip(state) {
        bytes.copy_from_slice(&word.to_be_bytes());
    }
    digest
}
