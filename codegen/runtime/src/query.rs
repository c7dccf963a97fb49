//! Request bodies of the query protocols (awsQuery, ec2Query): `application/x-www-form-urlencoded`
//! pairs, `Action=…&Version=…` first, then the input's members under keys the generated
//! serializers build (`A.B`, `A.member.1`, `A.entry.1.key` …).

// Not every crate uses every helper.
#![allow(dead_code)]

/// A form being written. Keys and values are percent-encoded as RFC 3986 says: everything but
/// its unreserved characters (so a space is `%20`, never `+`).
#[derive(Debug)]
pub(crate) struct QueryWriter {
    out: ::std::string::String,
}

impl QueryWriter {
    /// A form starting with the operation's `Action` and the service's `Version`.
    pub(crate) fn new(action: &str, version: &str) -> Self {
        let mut writer = Self {
            out: ::std::string::String::new(),
        };
        writer.push("Action", action);
        writer.push("Version", version);
        writer
    }

    /// Adds the pair `key=value`.
    pub(crate) fn push(&mut self, key: &str, value: &str) {
        if !self.out.is_empty() {
            self.out.push('&');
        }
        crate::http::percent_encode(&mut self.out, key, false);
        self.out.push('=');
        crate::http::percent_encode(&mut self.out, value, false);
    }

    /// The form's bytes.
    pub(crate) fn into_bytes(self) -> ::std::vec::Vec<u8> {
        self.out.into_bytes()
    }
}

/// The key of a member named `name` inside the value at `prefix` (`prefix.name`), or `name` for
/// a member of the input itself (`prefix` empty).
pub(crate) fn key(prefix: &str, name: &str) -> ::std::string::String {
    if prefix.is_empty() {
        name.to_owned()
    } else {
        format!("{prefix}.{name}")
    }
}

/// A structure or union written as form pairs under a key.
pub(crate) trait WriteQuery {
    /// Writes the value's members as pairs whose keys start with `prefix`.
    fn write_query(&self, writer: &mut QueryWriter, prefix: &str);
}
