//! Request compression: when bodies are gzipped, what the headers say, and that the result
//! decompresses to the body.

use std::io::Read as _;

use crate::compression::{compress_request, gzip, DEFAULT_MIN_COMPRESSION_SIZE_BYTES};
use crate::http::RequestOptions;

fn gunzip(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(data)
        .read_to_end(&mut out)
        .expect("the body is gzip");
    out
}

fn body(len: usize) -> Vec<u8> {
    (0..len).map(|i| b"compressible text "[i % 18]).collect()
}

#[test]
fn bodies_from_the_minimum_size_are_gzipped() {
    let options = RequestOptions::new();
    let min = DEFAULT_MIN_COMPRESSION_SIZE_BYTES as usize;
    let mut headers = http::HeaderMap::new();
    let small = compress_request(&options, &mut headers, body(min - 1), false).unwrap();
    assert_eq!(small, body(min - 1));
    assert!(headers.is_empty());

    let large = compress_request(&options, &mut headers, body(min), false).unwrap();
    assert_eq!(gunzip(&large), body(min));
    assert!(large.len() < min);
    assert_eq!(headers["content-encoding"], "gzip");
    assert_eq!(headers["content-length"], large.len().to_string().as_str());
}

#[test]
fn streaming_bodies_are_gzipped_whatever_their_size() {
    let mut headers = http::HeaderMap::new();
    let sent =
        compress_request(&RequestOptions::new(), &mut headers, b"hi".to_vec(), true).unwrap();
    assert_eq!(gunzip(&sent), b"hi");
    assert_eq!(headers["content-encoding"], "gzip");
}

#[test]
fn gzip_is_appended_to_the_inputs_encoding() {
    let mut headers = http::HeaderMap::new();
    headers.insert("content-encoding", http::HeaderValue::from_static("custom"));
    compress_request(&RequestOptions::new(), &mut headers, body(20_000), false).unwrap();
    assert_eq!(headers["content-encoding"], "custom, gzip");
}

#[test]
fn the_options_disable_compression_or_move_the_minimum() {
    let mut headers = http::HeaderMap::new();
    let disabled = RequestOptions::new().disable_request_compression(true);
    let sent = compress_request(&disabled, &mut headers, body(50_000), true).unwrap();
    assert_eq!(sent, body(50_000));
    assert!(headers.is_empty());

    let zero = RequestOptions::new().request_min_compression_size_bytes(0);
    let sent = compress_request(&zero, &mut headers, Vec::new(), false).unwrap();
    assert_eq!(gunzip(&sent), b"");

    let higher = RequestOptions::new().request_min_compression_size_bytes(100_000);
    let mut headers = http::HeaderMap::new();
    let sent = compress_request(&higher, &mut headers, body(50_000), false).unwrap();
    assert_eq!(sent.len(), 50_000);

    let too_high = RequestOptions::new().request_min_compression_size_bytes(10_485_761);
    let error = compress_request(&too_high, &mut headers, body(10), false).unwrap_err();
    assert_eq!(error.field(), "request_min_compression_size_bytes");
    let highest = RequestOptions::new().request_min_compression_size_bytes(10_485_760);
    assert!(compress_request(&highest, &mut headers, body(10), false).is_ok());
}

#[test]
fn gzip_round_trips_any_bytes() {
    let mut rng = super::rng::Rng::new(7);
    for _ in 0..50 {
        let data = rng.bytes(5000);
        assert_eq!(gunzip(&gzip(&data).unwrap()), data);
    }
}
