//! Typed access to the prelude traits the generator understands.
//!
//! Renderers and the symbol layer ask these methods instead of looking up trait ids themselves,
//! so the spelling of every trait id lives in this file only.

use serde_json::Value;

use crate::model::Traits;

/// Which side of the exchange an error blames, from `@error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorFault {
    /// The caller sent something wrong (`@error("client")`).
    Client,
    /// The service failed (`@error("server")`).
    Server,
}

/// A format of `@timestampFormat`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimestampFormat {
    /// RFC 3339 text.
    DateTime,
    /// IMF-fixdate text.
    HttpDate,
    /// Seconds since the epoch, as a number.
    EpochSeconds,
}

/// What `@http` says about an operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Http {
    /// The HTTP method.
    pub method: String,
    /// The URI pattern, with `{label}` and `{greedy+}` labels and an optional literal query.
    pub uri: String,
    /// The status code of a successful response.
    pub code: u16,
}

/// What `@deprecated` says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Deprecation {
    /// Why, and what to use instead.
    pub message: Option<String>,
    /// The version or date since when.
    pub since: Option<String>,
}

impl Deprecation {
    /// One sentence for `#[deprecated(note = …)]`.
    pub fn note(&self) -> Option<String> {
        match (&self.message, &self.since) {
            (Some(message), Some(since)) => Some(format!("{message} (deprecated since {since})")),
            (Some(message), None) => Some(message.clone()),
            (None, Some(since)) => Some(format!("deprecated since {since}")),
            (None, None) => None,
        }
    }
}

const DOCUMENTATION: &str = "smithy.api#documentation";
const REQUIRED: &str = "smithy.api#required";
const CLIENT_OPTIONAL: &str = "smithy.api#clientOptional";
const DEFAULT: &str = "smithy.api#default";
const ADDED_DEFAULT: &str = "smithy.api#addedDefault";
const INPUT: &str = "smithy.api#input";
const OUTPUT: &str = "smithy.api#output";
const SENSITIVE: &str = "smithy.api#sensitive";
const DEPRECATED: &str = "smithy.api#deprecated";
const JSON_NAME: &str = "smithy.api#jsonName";
const ENUM_VALUE: &str = "smithy.api#enumValue";
const ERROR: &str = "smithy.api#error";
const HTTP_ERROR: &str = "smithy.api#httpError";
const RETRYABLE: &str = "smithy.api#retryable";
const TITLE: &str = "smithy.api#title";
const ENUM: &str = "smithy.api#enum";
const TIMESTAMP_FORMAT: &str = "smithy.api#timestampFormat";
const HTTP: &str = "smithy.api#http";
const HTTP_LABEL: &str = "smithy.api#httpLabel";
const HTTP_QUERY: &str = "smithy.api#httpQuery";
const HTTP_QUERY_PARAMS: &str = "smithy.api#httpQueryParams";
const HTTP_HEADER: &str = "smithy.api#httpHeader";
const HTTP_PREFIX_HEADERS: &str = "smithy.api#httpPrefixHeaders";
const HTTP_PAYLOAD: &str = "smithy.api#httpPayload";
const HTTP_RESPONSE_CODE: &str = "smithy.api#httpResponseCode";
const MEDIA_TYPE: &str = "smithy.api#mediaType";
const REST_JSON_1: &str = "aws.protocols#restJson1";
const IDEMPOTENCY_TOKEN: &str = "smithy.api#idempotencyToken";
const HTTP_CHECKSUM_REQUIRED: &str = "smithy.api#httpChecksumRequired";
const ENDPOINT: &str = "smithy.api#endpoint";
const HOST_LABEL: &str = "smithy.api#hostLabel";
const STREAMING: &str = "smithy.api#streaming";
const SPARSE: &str = "smithy.api#sparse";
const UNIT_TYPE: &str = "smithy.api#unitType";

/// One value of the older `@enum` trait on a string shape.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnumDefinition {
    /// The value on the wire.
    pub value: String,
    /// The constant name, when the model gives one.
    pub name: Option<String>,
    /// Documentation of the value.
    pub documentation: Option<String>,
    /// Whether the value is deprecated.
    pub deprecated: bool,
}

impl Traits {
    /// The `@documentation` text (CommonMark, or HTML in many AWS models).
    pub fn documentation(&self) -> Option<&str> {
        self.string(DOCUMENTATION)
    }

    /// Whether `@required` is applied.
    pub fn is_required(&self) -> bool {
        self.has(REQUIRED)
    }

    /// Whether `@clientOptional` is applied.
    pub fn is_client_optional(&self) -> bool {
        self.has(CLIENT_OPTIONAL)
    }

    /// The `@default` value, unless it is absent or explicitly `null`.
    pub fn default_value(&self) -> Option<&Value> {
        self.get(DEFAULT).filter(|value| !value.is_null())
    }

    /// Whether `@addedDefault` is applied.
    pub fn is_added_default(&self) -> bool {
        self.has(ADDED_DEFAULT)
    }

    /// Whether the structure is marked `@input`.
    pub fn is_input(&self) -> bool {
        self.has(INPUT)
    }

    /// Whether the structure is marked `@output`.
    pub fn is_output(&self) -> bool {
        self.has(OUTPUT)
    }

    /// Whether `@sensitive` is applied.
    pub fn is_sensitive(&self) -> bool {
        self.has(SENSITIVE)
    }

    /// What `@deprecated` says, when applied.
    pub fn deprecation(&self) -> Option<Deprecation> {
        let value = self.get(DEPRECATED)?;
        let field = |name: &str| value.get(name).and_then(Value::as_str).map(str::to_owned);
        Some(Deprecation { message: field("message"), since: field("since") })
    }

    /// The `@jsonName` of a member.
    pub fn json_name(&self) -> Option<&str> {
        self.string(JSON_NAME)
    }

    /// The `@enumValue` of an enum member when it is a string.
    pub fn enum_string_value(&self) -> Option<&str> {
        self.string(ENUM_VALUE)
    }

    /// The `@enumValue` of an intEnum member when it is an integer that fits in `i32`.
    pub fn enum_int_value(&self) -> Option<i32> {
        self.get(ENUM_VALUE).and_then(Value::as_i64).and_then(|v| i32::try_from(v).ok())
    }

    /// The `@error` fault, when the structure is an error.
    pub fn error_fault(&self) -> Option<ErrorFault> {
        match self.string(ERROR)? {
            "server" => Some(ErrorFault::Server),
            _ => Some(ErrorFault::Client),
        }
    }

    /// The `@httpError` status code.
    pub fn http_error(&self) -> Option<u16> {
        self.get(HTTP_ERROR).and_then(Value::as_u64).and_then(|v| u16::try_from(v).ok())
    }

    /// Whether `@retryable` is applied.
    pub fn is_retryable(&self) -> bool {
        self.has(RETRYABLE)
    }

    /// Whether `@retryable(throttling: true)` is applied.
    pub fn is_throttling(&self) -> bool {
        self.get(RETRYABLE).and_then(|v| v.get("throttling")).and_then(Value::as_bool) == Some(true)
    }

    /// The service's `@title`.
    pub fn title(&self) -> Option<&str> {
        self.string(TITLE)
    }

    /// The values of the `@enum` trait, when a string shape has it (entries without a string
    /// `value` are skipped; the support check reports them).
    pub fn enum_definitions(&self) -> Option<Vec<EnumDefinition>> {
        let entries = self.get(ENUM)?.as_array()?;
        let field = |entry: &Value, name: &str| entry.get(name).and_then(Value::as_str).map(str::to_owned);
        Some(
            entries
                .iter()
                .filter_map(|entry| {
                    Some(EnumDefinition {
                        value: field(entry, "value")?,
                        name: field(entry, "name"),
                        documentation: field(entry, "documentation"),
                        deprecated: entry.get("deprecated").and_then(Value::as_bool) == Some(true),
                    })
                })
                .collect(),
        )
    }

    /// Whether `@streaming` is applied (a streaming blob, or an event stream union).
    pub fn is_streaming(&self) -> bool {
        self.has(STREAMING)
    }

    /// Whether the list or map is `@sparse`.
    pub fn is_sparse(&self) -> bool {
        self.has(SPARSE)
    }

    /// The `@timestampFormat`, when applied and known.
    pub fn timestamp_format(&self) -> Option<TimestampFormat> {
        match self.string(TIMESTAMP_FORMAT)? {
            "date-time" => Some(TimestampFormat::DateTime),
            "http-date" => Some(TimestampFormat::HttpDate),
            "epoch-seconds" => Some(TimestampFormat::EpochSeconds),
            _ => None,
        }
    }

    /// The operation's `@http` binding.
    pub fn http(&self) -> Option<Http> {
        let value = self.get(HTTP)?;
        Some(Http {
            method: value.get("method")?.as_str()?.to_owned(),
            uri: value.get("uri")?.as_str()?.to_owned(),
            code: value.get("code").and_then(Value::as_u64).and_then(|c| u16::try_from(c).ok()).unwrap_or(200),
        })
    }

    /// Whether the member is bound to a URI label.
    pub fn is_http_label(&self) -> bool {
        self.has(HTTP_LABEL)
    }

    /// The query parameter the member is bound to.
    pub fn http_query(&self) -> Option<&str> {
        self.string(HTTP_QUERY)
    }

    /// Whether the member holds query parameters of any name (`@httpQueryParams`).
    pub fn is_http_query_params(&self) -> bool {
        self.has(HTTP_QUERY_PARAMS)
    }

    /// The header the member is bound to.
    pub fn http_header(&self) -> Option<&str> {
        self.string(HTTP_HEADER)
    }

    /// The prefix of the headers the member holds (`@httpPrefixHeaders`).
    pub fn http_prefix_headers(&self) -> Option<&str> {
        self.string(HTTP_PREFIX_HEADERS)
    }

    /// Whether the member is the whole body (`@httpPayload`).
    pub fn is_http_payload(&self) -> bool {
        self.has(HTTP_PAYLOAD)
    }

    /// Whether the member receives the response's status code.
    pub fn is_http_response_code(&self) -> bool {
        self.has(HTTP_RESPONSE_CODE)
    }

    /// The `@mediaType` of a blob or string.
    pub fn media_type(&self) -> Option<&str> {
        self.string(MEDIA_TYPE)
    }

    /// Whether the member is an `@idempotencyToken`, which clients fill when it is unset.
    pub fn is_idempotency_token(&self) -> bool {
        self.has(IDEMPOTENCY_TOKEN)
    }

    /// Whether the operation's requests need a `Content-MD5` checksum.
    pub fn is_http_checksum_required(&self) -> bool {
        self.has(HTTP_CHECKSUM_REQUIRED)
    }

    /// The `hostPrefix` of the operation's `@endpoint`, with `{label}`s for `@hostLabel` members.
    pub fn host_prefix(&self) -> Option<&str> {
        self.get(ENDPOINT)?.get("hostPrefix")?.as_str()
    }

    /// Whether the member fills a `{label}` of its operation's host prefix.
    pub fn is_host_label(&self) -> bool {
        self.has(HOST_LABEL)
    }

    /// Whether the service speaks the restJson1 protocol.
    pub fn is_rest_json_1(&self) -> bool {
        self.has(REST_JSON_1)
    }

    /// Whether the shape is `smithy.api#Unit` or marked like it.
    pub fn is_unit_type(&self) -> bool {
        self.has(UNIT_TYPE)
    }
}
