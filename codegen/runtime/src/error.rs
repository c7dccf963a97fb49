//! Errors that are not the service's: building a value that lacks a required member, and errors
//! the model does not describe.

/// A builder's `build()` failed: a required member was not set, or a value is not allowed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildError {
    kind: BuildErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum BuildErrorKind {
    MissingField {
        field: &'static str,
        shape: &'static str,
    },
    InvalidField {
        field: &'static str,
        details: String,
    },
}

/// `value`, or the error that the required member `field` of `shape` is not set: for builders
/// and requests, as a function rather than a closure at each call, so that no copy of it is
/// compiled per member.
// A crate whose structures have no required members, built without `http`, leaves it unused.
#[allow(dead_code)]
pub(crate) fn required<T>(
    value: ::std::option::Option<T>,
    field: &'static str,
    shape: &'static str,
) -> ::std::result::Result<T, BuildError> {
    match value {
        ::std::option::Option::Some(value) => ::std::result::Result::Ok(value),
        ::std::option::Option::None => {
            ::std::result::Result::Err(BuildError::missing_field(field, shape))
        }
    }
}

impl BuildError {
    /// The required member `field` of `shape` was not set.
    pub fn missing_field(field: &'static str, shape: &'static str) -> Self {
        Self {
            kind: BuildErrorKind::MissingField { field, shape },
        }
    }

    /// The member `field` holds a value that cannot be used, for the reason in `details`.
    pub fn invalid_field(field: &'static str, details: impl Into<String>) -> Self {
        Self {
            kind: BuildErrorKind::InvalidField {
                field,
                details: details.into(),
            },
        }
    }

    /// The member at fault, by the name of its builder method.
    pub fn field(&self) -> &str {
        match &self.kind {
            BuildErrorKind::MissingField { field, .. }
            | BuildErrorKind::InvalidField { field, .. } => field,
        }
    }

    /// Whether a required member was not set.
    pub fn is_missing_field(&self) -> bool {
        matches!(self.kind, BuildErrorKind::MissingField { .. })
    }
}

impl ::std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        match &self.kind {
            BuildErrorKind::MissingField { field, shape } => {
                write!(f, "`{field}` was not set, but `{shape}` requires it")
            }
            BuildErrorKind::InvalidField { field, details } => {
                write!(f, "invalid value for `{field}`: {details}")
            }
        }
    }
}

impl ::std::error::Error for BuildError {}

/// An error the model does not describe, with what the service said about it.
///
/// Services may return errors a model does not list (or lists only in a later version). Such an
/// error keeps its code, message, HTTP status and raw body so that nothing is lost; the body is
/// never printed (see [`Unhandled::body`]).
#[non_exhaustive]
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Unhandled {
    code: ::std::option::Option<::std::string::String>,
    message: ::std::option::Option<::std::string::String>,
    request_id: ::std::option::Option<::std::string::String>,
    http_status: ::std::option::Option<u16>,
    body: ::std::vec::Vec<u8>,
}

impl Unhandled {
    /// An unhandled error about which nothing is known yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the error code the service sent.
    pub fn with_code(mut self, code: impl Into<::std::string::String>) -> Self {
        self.code = Some(code.into());
        self
    }

    /// Sets the message the service sent.
    pub fn with_message(mut self, message: impl Into<::std::string::String>) -> Self {
        self.message = Some(message.into());
        self
    }

    /// Sets the id the service gave the request.
    pub fn with_request_id(mut self, request_id: impl Into<::std::string::String>) -> Self {
        self.request_id = Some(request_id.into());
        self
    }

    /// Sets the HTTP status code of the response.
    pub fn with_http_status(mut self, status: u16) -> Self {
        self.http_status = Some(status);
        self
    }

    /// Sets the raw body of the response.
    pub fn with_body(mut self, body: impl Into<::std::vec::Vec<u8>>) -> Self {
        self.body = body.into();
        self
    }

    /// The error code the service sent, if any.
    pub fn code(&self) -> ::std::option::Option<&str> {
        self.code.as_deref()
    }

    /// The message the service sent, if any.
    pub fn message(&self) -> ::std::option::Option<&str> {
        self.message.as_deref()
    }

    /// The HTTP status code of the response, if known.
    pub fn http_status(&self) -> ::std::option::Option<u16> {
        self.http_status
    }

    /// Why the error may be worth retrying, judged from its code and status (see [`RetryKind`]).
    pub fn retry_kind(&self) -> ::std::option::Option<RetryKind> {
        RetryKind::classify(self.code.as_deref(), self.http_status)
    }

    /// The raw body of the response (empty if unknown).
    ///
    /// The body may hold sensitive data, so `Debug` and `Display` never print it (`Debug` shows
    /// its length): read it here when it is needed, and mind where it goes.
    pub fn body(&self) -> &[u8] {
        &self.body
    }
}

impl ::std::fmt::Debug for Unhandled {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.debug_struct("Unhandled")
            .field("code", &self.code)
            .field("message", &self.message)
            .field("request_id", &self.request_id)
            .field("http_status", &self.http_status)
            .field("body", &format_args!("{} bytes", self.body.len()))
            .finish()
    }
}

impl ::std::fmt::Display for Unhandled {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str("unhandled error")?;
        if let Some(code) = &self.code {
            write!(f, " `{code}`")?;
        }
        if let Some(status) = self.http_status {
            write!(f, " (HTTP {status})")?;
        }
        if let Some(message) = &self.message {
            write!(f, ": {message}")?;
        }
        Ok(())
    }
}

impl ::std::error::Error for Unhandled {}

impl RequestId for Unhandled {
    fn request_id(&self) -> ::std::option::Option<&str> {
        self.request_id.as_deref()
    }
}

/// What an error of the crate says about itself. An operation's error enum answers its methods
/// through it, with one `match` over its variants (`details`) rather than one per method.
// A crate without operations leaves it unused.
#[allow(dead_code)]
pub(crate) trait ErrorDetails: ::std::error::Error {
    /// The code that identifies the error on the wire, when known.
    fn code(&self) -> ::std::option::Option<&str>;
    /// The human-readable message that came with the error (never a sensitive one).
    fn message(&self) -> ::std::option::Option<&str>;
    /// The model's HTTP status for a modeled error, the received one for an unhandled error.
    fn http_status(&self) -> ::std::option::Option<u16>;
    /// Whether the model marks the error as safe to retry.
    fn is_retryable(&self) -> bool;
    /// Why the error may be worth retrying.
    fn retry_kind(&self) -> ::std::option::Option<RetryKind>;
    /// The id the service gave the request, where the error carries it.
    fn request_id(&self) -> ::std::option::Option<&str> {
        ::std::option::Option::None
    }
}

/// What `Unhandled`'s own methods say; the model marks no unhandled error retryable.
impl ErrorDetails for Unhandled {
    fn code(&self) -> ::std::option::Option<&str> {
        Unhandled::code(self)
    }
    fn message(&self) -> ::std::option::Option<&str> {
        Unhandled::message(self)
    }
    fn http_status(&self) -> ::std::option::Option<u16> {
        Unhandled::http_status(self)
    }
    fn is_retryable(&self) -> bool {
        false
    }
    fn retry_kind(&self) -> ::std::option::Option<RetryKind> {
        Unhandled::retry_kind(self)
    }
    fn request_id(&self) -> ::std::option::Option<&str> {
        RequestId::request_id(self)
    }
}

/// The id a service gave a request, which its operators ask for when something went wrong.
///
/// Outputs and errors read from a response carry it (from `x-amzn-requestid`,
/// `x-amz-request-id`, or the body where a protocol puts it there). It is a trait rather than a
/// method of each type so that it cannot collide with a member the model calls `requestId`.
pub trait RequestId {
    /// The request's id, when the response gave one.
    fn request_id(&self) -> ::std::option::Option<&str>;
}

/// Why an error may be worth retrying.
///
/// The model marks some errors `@retryable`; beyond those, errors whose codes services use for
/// throttling, and responses with a transient HTTP status (500, 502, 503, 504), are worth
/// another try after a pause. Retrying is the caller's decision: this only classifies.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RetryKind {
    /// The service asked the caller to slow down: retry later, with back-off.
    Throttling,
    /// The failure is likely temporary (a timeout, a server or gateway error).
    Transient,
    /// The model marks the error as safe to retry.
    Retryable,
}

impl RetryKind {
    /// Error codes services answer with when a caller sends too much, too fast.
    pub const THROTTLING_CODES: &'static [&'static str] = &[
        "Throttling",
        "ThrottlingException",
        "ThrottledException",
        "RequestThrottledException",
        "TooManyRequestsException",
        "ProvisionedThroughputExceededException",
        "TransactionInProgressException",
        "RequestLimitExceeded",
        "BandwidthLimitExceeded",
        "LimitExceededException",
        "RequestThrottled",
        "SlowDown",
        "PriorRequestNotComplete",
        "EC2ThrottledException",
    ];

    /// Error codes of failures that are likely temporary.
    pub const TRANSIENT_CODES: &'static [&'static str] =
        &["RequestTimeout", "RequestTimeoutException"];

    /// HTTP statuses of failures that are likely temporary.
    pub const TRANSIENT_STATUSES: &'static [u16] = &[500, 502, 503, 504];

    /// The kind of an error with this code and HTTP status, if it is worth retrying.
    pub fn classify(
        code: ::std::option::Option<&str>,
        status: ::std::option::Option<u16>,
    ) -> ::std::option::Option<Self> {
        match (code, status) {
            (Some(code), _) if Self::THROTTLING_CODES.contains(&code) => Some(Self::Throttling),
            (_, Some(429)) => Some(Self::Throttling),
            (Some(code), _) if Self::TRANSIENT_CODES.contains(&code) => Some(Self::Transient),
            (_, Some(status)) if Self::TRANSIENT_STATUSES.contains(&status) => {
                Some(Self::Transient)
            }
            _ => None,
        }
    }
}
