//! Amazon S3's bucket addressing: requests name their bucket in the host (virtual-hosted style,
//! the default) or in the path (path style), and can go to S3's dual-stack and Transfer
//! Acceleration endpoints.
//!
//! Every S3 operation addressing a bucket is bound to a URI starting with `/{Bucket}`, so the
//! bindings build the path-style URI and these options decide where the bucket goes.

// Not every crate uses every helper.
#![allow(dead_code)]

/// Where a request names its bucket.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AddressingStyle {
    /// In the host: `https://bucket.s3.us-west-2.amazonaws.com/key` (the default). A bucket
    /// whose name cannot be a host label (with upper-case letters, dots or underscores) is
    /// addressed in the path.
    #[default]
    VirtualHost,
    /// In the path: `https://s3.us-west-2.amazonaws.com/bucket/key`.
    Path,
}

/// How requests address S3: the bucket addressing style, and S3's dual-stack and Transfer
/// Acceleration endpoints, which are derived from the endpoint of the request's
/// [`RequestOptions`](crate::http::RequestOptions) (`s3.{region}.{domain}`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct S3Options {
    addressing_style: AddressingStyle,
    dualstack: bool,
    accelerate: bool,
}

impl S3Options {
    /// Virtual-hosted addressing on the endpoint as given.
    pub fn new() -> Self {
        Self::default()
    }

    /// Where requests name their bucket.
    pub fn addressing_style(mut self, style: AddressingStyle) -> Self {
        self.addressing_style = style;
        self
    }

    /// Whether requests go to the dual-stack (IPv4 and IPv6) endpoint,
    /// `s3.dualstack.{region}.{domain}`. It needs virtual-hosted addressing.
    pub fn dualstack(mut self, dualstack: bool) -> Self {
        self.dualstack = dualstack;
        self
    }

    /// Whether requests go to the Transfer Acceleration endpoint, `s3-accelerate.{domain}`.
    /// It needs virtual-hosted addressing.
    pub fn accelerate(mut self, accelerate: bool) -> Self {
        self.accelerate = accelerate;
        self
    }
}

/// Whether a bucket's name can be the first label of a host name as it is: 3 to 63 lower-case
/// letters, digits and hyphens, starting and ending with a letter or digit.
fn is_host_label(bucket: &str) -> bool {
    let bytes = bucket.as_bytes();
    (3..=63).contains(&bytes.len())
        && bytes
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-')
        && bytes.first().is_some_and(u8::is_ascii_alphanumeric)
        && bytes.last().is_some_and(u8::is_ascii_alphanumeric)
}

/// The request's URI for a path-style `path_and_query` (`/{bucket}…`), with the bucket moved
/// into the host when the options and the bucket's name allow, and the endpoint's host turned
/// into S3's dual-stack or accelerate endpoint when asked for. Without an endpoint the URI is
/// the path-style path and query.
pub(crate) fn full_uri(
    options: &crate::http::RequestOptions,
    s3: &S3Options,
    host_prefix: &str,
    bucket: &str,
    path_and_query: ::std::string::String,
) -> ::std::result::Result<::http::Uri, crate::error::BuildError> {
    let invalid = |message: &str| crate::error::BuildError::invalid_field("uri", message);
    let Some(endpoint) = options.endpoint_uri() else {
        return crate::http::full_uri(options, host_prefix, path_and_query);
    };
    let virtual_host = s3.addressing_style == AddressingStyle::VirtualHost && is_host_label(bucket);
    if (s3.dualstack || s3.accelerate) && !virtual_host {
        return Err(invalid(
            "S3's dual-stack and accelerate endpoints need virtual-hosted addressing and a bucket name that can be a host label",
        ));
    }
    let authority = endpoint
        .authority()
        .ok_or_else(|| invalid("the endpoint has no host"))?;
    let mut host = authority.host().to_owned();
    if s3.dualstack || s3.accelerate {
        // `s3.{region}.{domain}`: accelerate drops the region, dual-stack adds a label.
        let rest = host
            .strip_prefix("s3.")
            .ok_or_else(|| invalid("S3's dual-stack and accelerate endpoints are derived from an endpoint `s3.{region}.{domain}`"))?;
        let rest = if s3.accelerate {
            rest.split_once('.').map_or(rest, |(_, domain)| domain)
        } else {
            rest
        };
        let service = if s3.accelerate { "s3-accelerate" } else { "s3" };
        let dualstack = if s3.dualstack { "dualstack." } else { "" };
        host = format!("{service}.{dualstack}{rest}");
    }
    let path_and_query = if virtual_host {
        host = format!("{bucket}.{host}");
        // The bucket is a host label, so it was written into the path unescaped.
        let rest = path_and_query
            .strip_prefix('/')
            .and_then(|path| path.strip_prefix(bucket))
            .unwrap_or(&path_and_query);
        if rest.starts_with('/') {
            rest.to_owned()
        } else {
            format!("/{rest}")
        }
    } else {
        path_and_query
    };
    let authority = match authority.port() {
        Some(port) => format!("{host}:{port}"),
        None => host,
    };
    let scheme = endpoint.scheme_str().unwrap_or("https");
    let endpoint = format!("{scheme}://{authority}{}", endpoint.path())
        .parse::<::http::Uri>()
        .map_err(|e| invalid(&e.to_string()))?;
    let options = options.clone().endpoint(endpoint);
    crate::http::full_uri(&options, host_prefix, path_and_query)
}
