//! Typed access to the prelude traits the generator understands.
//!
//! Renderers and the symbol layer ask these methods instead of looking up trait ids themselves,
//! so the spelling of every trait id lives in this file only.

use serde_json::Value;

mod protocols;

pub use protocols::{ProtocolTrait, XmlNamespace};

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

/// A prelude trait the validation stage knows the rules of, named by its id.
///
/// Validation reads trait values raw, to report the ones of the wrong type; everything else
/// reads them through the typed methods of [`Traits`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum PreludeTrait {
    AddedDefault,
    ClientOptional,
    Default,
    Deprecated,
    Documentation,
    Endpoint,
    Enum,
    EnumValue,
    Error,
    EventHeader,
    EventPayload,
    HostLabel,
    Http,
    HttpChecksumRequired,
    HttpError,
    HttpHeader,
    HttpLabel,
    HttpPayload,
    HttpPrefixHeaders,
    HttpQuery,
    HttpQueryParams,
    HttpResponseCode,
    IdempotencyToken,
    Idempotent,
    Input,
    JsonName,
    Length,
    MediaType,
    Output,
    Pattern,
    Range,
    Readonly,
    RequiresLength,
    Required,
    Retryable,
    Sensitive,
    Sparse,
    Streaming,
    TimestampFormat,
    Title,
    Trait,
    UniqueItems,
    UnitType,
}

impl PreludeTrait {
    /// The trait's absolute shape id.
    pub(crate) fn id(self) -> &'static str {
        match self {
            PreludeTrait::AddedDefault => ADDED_DEFAULT,
            PreludeTrait::ClientOptional => CLIENT_OPTIONAL,
            PreludeTrait::Default => DEFAULT,
            PreludeTrait::Deprecated => DEPRECATED,
            PreludeTrait::Documentation => DOCUMENTATION,
            PreludeTrait::Endpoint => ENDPOINT,
            PreludeTrait::Enum => ENUM,
            PreludeTrait::EnumValue => ENUM_VALUE,
            PreludeTrait::Error => ERROR,
            PreludeTrait::EventHeader => "smithy.api#eventHeader",
            PreludeTrait::EventPayload => "smithy.api#eventPayload",
            PreludeTrait::HostLabel => HOST_LABEL,
            PreludeTrait::Http => HTTP,
            PreludeTrait::HttpChecksumRequired => HTTP_CHECKSUM_REQUIRED,
            PreludeTrait::HttpError => HTTP_ERROR,
            PreludeTrait::HttpHeader => HTTP_HEADER,
            PreludeTrait::HttpLabel => HTTP_LABEL,
            PreludeTrait::HttpPayload => HTTP_PAYLOAD,
            PreludeTrait::HttpPrefixHeaders => HTTP_PREFIX_HEADERS,
            PreludeTrait::HttpQuery => HTTP_QUERY,
            PreludeTrait::HttpQueryParams => HTTP_QUERY_PARAMS,
            PreludeTrait::HttpResponseCode => HTTP_RESPONSE_CODE,
            PreludeTrait::IdempotencyToken => IDEMPOTENCY_TOKEN,
            PreludeTrait::Idempotent => "smithy.api#idempotent",
            PreludeTrait::Input => INPUT,
            PreludeTrait::JsonName => JSON_NAME,
            PreludeTrait::Length => "smithy.api#length",
            PreludeTrait::MediaType => MEDIA_TYPE,
            PreludeTrait::Output => OUTPUT,
            PreludeTrait::Pattern => "smithy.api#pattern",
            PreludeTrait::Range => "smithy.api#range",
            PreludeTrait::Readonly => "smithy.api#readonly",
            PreludeTrait::RequiresLength => "smithy.api#requiresLength",
            PreludeTrait::Required => REQUIRED,
            PreludeTrait::Retryable => RETRYABLE,
            PreludeTrait::Sensitive => SENSITIVE,
            PreludeTrait::Sparse => SPARSE,
            PreludeTrait::Streaming => STREAMING,
            PreludeTrait::TimestampFormat => TIMESTAMP_FORMAT,
            PreludeTrait::Title => TITLE,
            PreludeTrait::Trait => "smithy.api#trait",
            PreludeTrait::UniqueItems => "smithy.api#uniqueItems",
            PreludeTrait::UnitType => UNIT_TYPE,
        }
    }

    /// The prelude trait with this id, if validation knows it.
    pub(crate) fn from_id(id: &str) -> Option<PreludeTrait> {
        match id {
            ADDED_DEFAULT => Some(PreludeTrait::AddedDefault),
            CLIENT_OPTIONAL => Some(PreludeTrait::ClientOptional),
            DEFAULT => Some(PreludeTrait::Default),
            DEPRECATED => Some(PreludeTrait::Deprecated),
            DOCUMENTATION => Some(PreludeTrait::Documentation),
            ENDPOINT => Some(PreludeTrait::Endpoint),
            ENUM => Some(PreludeTrait::Enum),
            ENUM_VALUE => Some(PreludeTrait::EnumValue),
            ERROR => Some(PreludeTrait::Error),
            "smithy.api#eventHeader" => Some(PreludeTrait::EventHeader),
            "smithy.api#eventPayload" => Some(PreludeTrait::EventPayload),
            HOST_LABEL => Some(PreludeTrait::HostLabel),
            HTTP => Some(PreludeTrait::Http),
            HTTP_CHECKSUM_REQUIRED => Some(PreludeTrait::HttpChecksumRequired),
            HTTP_ERROR => Some(PreludeTrait::HttpError),
            HTTP_HEADER => Some(PreludeTrait::HttpHeader),
            HTTP_LABEL => Some(PreludeTrait::HttpLabel),
            HTTP_PAYLOAD => Some(PreludeTrait::HttpPayload),
            HTTP_PREFIX_HEADERS => Some(PreludeTrait::HttpPrefixHeaders),
            HTTP_QUERY => Some(PreludeTrait::HttpQuery),
            HTTP_QUERY_PARAMS => Some(PreludeTrait::HttpQueryParams),
            HTTP_RESPONSE_CODE => Some(PreludeTrait::HttpResponseCode),
            IDEMPOTENCY_TOKEN => Some(PreludeTrait::IdempotencyToken),
            "smithy.api#idempotent" => Some(PreludeTrait::Idempotent),
            INPUT => Some(PreludeTrait::Input),
            JSON_NAME => Some(PreludeTrait::JsonName),
            "smithy.api#length" => Some(PreludeTrait::Length),
            MEDIA_TYPE => Some(PreludeTrait::MediaType),
            OUTPUT => Some(PreludeTrait::Output),
            "smithy.api#pattern" => Some(PreludeTrait::Pattern),
            "smithy.api#range" => Some(PreludeTrait::Range),
            "smithy.api#readonly" => Some(PreludeTrait::Readonly),
            "smithy.api#requiresLength" => Some(PreludeTrait::RequiresLength),
            REQUIRED => Some(PreludeTrait::Required),
            RETRYABLE => Some(PreludeTrait::Retryable),
            SENSITIVE => Some(PreludeTrait::Sensitive),
            SPARSE => Some(PreludeTrait::Sparse),
            STREAMING => Some(PreludeTrait::Streaming),
            TIMESTAMP_FORMAT => Some(PreludeTrait::TimestampFormat),
            TITLE => Some(PreludeTrait::Title),
            "smithy.api#trait" => Some(PreludeTrait::Trait),
            "smithy.api#uniqueItems" => Some(PreludeTrait::UniqueItems),
            UNIT_TYPE => Some(PreludeTrait::UnitType),
            _ => None,
        }
    }

    /// The name written after `@` in the IDL: `httpLabel` for `smithy.api#httpLabel`.
    pub(crate) fn name(self) -> &'static str {
        let id = self.id();
        &id[id.find('#').map_or(0, |hash| hash + 1)..]
    }
}

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

    /// The raw value of a prelude trait, `null` included, for validation.
    pub(crate) fn prelude(&self, id: PreludeTrait) -> Option<&Value> {
        self.get(id.id())
    }

    /// Whether a prelude trait is applied.
    pub(crate) fn has_prelude(&self, id: PreludeTrait) -> bool {
        self.has(id.id())
    }

    /// The `@pattern` regular expression.
    pub fn pattern(&self) -> Option<&str> {
        self.string(PreludeTrait::Pattern.id())
    }

    /// Whether the list's items must be unique (`@uniqueItems`, or a Smithy 1.0 `set`).
    pub fn is_unique_items(&self) -> bool {
        self.has(PreludeTrait::UniqueItems.id())
    }

    /// Whether the shape defines a trait (`@trait`).
    pub fn is_trait_definition(&self) -> bool {
        self.has(PreludeTrait::Trait.id())
    }

    /// Whether `@default` is applied, even as `null` (which makes a member optional).
    pub fn has_default(&self) -> bool {
        self.has(DEFAULT)
    }

    /// The `@range` bounds as numbers, when applied.
    pub fn range(&self) -> Option<(Option<f64>, Option<f64>)> {
        let value = self.get(PreludeTrait::Range.id())?;
        let bound = |name: &str| value.get(name).and_then(Value::as_f64);
        Some((bound("min"), bound("max")))
    }

    /// The `@length` bounds, when applied.
    pub fn length(&self) -> Option<(Option<u64>, Option<u64>)> {
        let value = self.get(PreludeTrait::Length.id())?;
        let bound = |name: &str| value.get(name).and_then(Value::as_u64);
        Some((bound("min"), bound("max")))
    }

    /// Whether the shape is `smithy.api#Unit` or marked like it.
    pub fn is_unit_type(&self) -> bool {
        self.has(UNIT_TYPE)
    }
}
