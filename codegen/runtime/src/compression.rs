//! Request compression (`@requestCompression`): gzip for the bodies of the operations that allow
//! it, as Smithy's client rules say: on by default, from a minimum size (10 KiB unless the
//! caller sets another) or always for a streaming body, with `gzip` appended to any
//! `Content-Encoding` the input set.

/// The smallest body compressed when the caller sets no minimum size in
/// [`RequestOptions`](crate::http::RequestOptions), in bytes.
pub(crate) const DEFAULT_MIN_COMPRESSION_SIZE_BYTES: u32 = 10_240;

/// The largest minimum size a caller may set.
pub(crate) const MAX_MIN_COMPRESSION_SIZE_BYTES: u32 = 10_485_760;

/// `body` as it is sent: gzipped, with `Content-Encoding` and `Content-Length` to match, unless
/// the options disable compression or the body is smaller than their minimum size (and not
/// `streaming`).
pub(crate) fn compress_request(
    options: &crate::http::RequestOptions,
    headers: &mut ::http::HeaderMap,
    body: ::std::vec::Vec<u8>,
    streaming: bool,
) -> ::std::result::Result<::std::vec::Vec<u8>, crate::error::BuildError> {
    if options.disable_request_compression {
        return Ok(body);
    }
    let min_size = options
        .request_min_compression_size_bytes
        .unwrap_or(DEFAULT_MIN_COMPRESSION_SIZE_BYTES);
    if min_size > MAX_MIN_COMPRESSION_SIZE_BYTES {
        return Err(crate::error::BuildError::invalid_field(
            "request_min_compression_size_bytes",
            format!("must be at most {MAX_MIN_COMPRESSION_SIZE_BYTES}"),
        ));
    }
    let below_minimum = u32::try_from(body.len()).is_ok_and(|len| len < min_size);
    if below_minimum && !streaming {
        return Ok(body);
    }
    // Writing to memory fails only if memory runs out; the error is reported all the same.
    let compressed =
        gzip(&body).map_err(|e| crate::error::BuildError::invalid_field("body", e.to_string()))?;
    // The codings are listed in the order they were applied: the input's first.
    let encoding = match headers
        .get(::http::header::CONTENT_ENCODING)
        .and_then(|value| value.to_str().ok())
        .map(str::trim)
        .filter(|value| !value.is_empty())
    {
        Some(given) => ::http::HeaderValue::from_str(&format!("{given}, gzip")).map_err(|_| {
            crate::error::BuildError::invalid_field(
                "Content-Encoding",
                "the value cannot be sent in an HTTP header",
            )
        })?,
        None => ::http::HeaderValue::from_static("gzip"),
    };
    headers.insert(::http::header::CONTENT_ENCODING, encoding);
    headers.insert(
        ::http::header::CONTENT_LENGTH,
        ::http::HeaderValue::from(compressed.len()),
    );
    Ok(compressed)
}

/// `data` gzipped (RFC 1952) at flate2's default level, a balance of speed and size.
pub(crate) fn gzip(data: &[u8]) -> ::std::io::Result<::std::vec::Vec<u8>> {
    use ::std::io::Write as _;
    let mut encoder = ::flate2::write::GzEncoder::new(
        ::std::vec::Vec::with_capacity(data.len() / 2 + 64),
        ::flate2::Compression::default(),
    );
    encoder.write_all(data)?;
    encoder.finish()
}
