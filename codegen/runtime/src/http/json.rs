/// Reads the code and message of an error response of a JSON protocol (restJson1, awsJson1_0,
/// awsJson1_1): the code from `X-Amzn-Errortype`, else the body's top-level `code`, else its
/// `__type` (a nested `__type` is another shape's and never counts), sanitized; the message
/// from the body's `message`, `Message` or `errorMessage`. A body that is not a JSON object
/// gives neither: the error is then known by its status alone.
pub(crate) fn error_info(headers: &::http::HeaderMap, body: &[u8]) -> ErrorInfo {
    let json: ::std::option::Option<::serde_json::Value> =
        if body.iter().all(u8::is_ascii_whitespace) {
            None
        } else {
            ::serde_json::from_slice(body).ok()
        };
    let field = |names: &[&str]| {
        names
            .iter()
            .find_map(|name| json.as_ref()?.get(*name)?.as_str().map(str::to_owned))
    };
    let code = header(headers, "x-amzn-errortype")
        .map(sanitize_error_code)
        .filter(|code| !code.is_empty())
        .map(str::to_owned)
        .or_else(|| {
            ["code", "__type"].iter().find_map(|name| {
                let code = field(&[name])?;
                let code = sanitize_error_code(&code);
                (!code.is_empty()).then(|| code.to_owned())
            })
        });
    ErrorInfo {
        code,
        message: field(&["message", "Message", "errorMessage"]),
        request_id: request_id(headers),
    }
}

/// Reads a JSON body, treating an empty one as an empty object; an error says what is wrong
/// (a [`JsonError`]'s text, without the value found).
pub(crate) fn json_body<T: ::serde::de::DeserializeOwned>(
    body: &[u8],
) -> ::std::result::Result<T, ::std::string::String> {
    let body: &[u8] = if body.iter().all(u8::is_ascii_whitespace) {
        b"{}"
    } else {
        body
    };
    ::serde_json::from_slice(body).map_err(json_error_text)
}

/// What is wrong with a JSON text, without the value found.
fn json_error_text(error: ::serde_json::Error) -> ::std::string::String {
    JsonError::from(error).to_string()
}

/// A request body that could not be written as JSON, as a [`BuildError`](crate::error::BuildError).
/// A function rather than a closure at each call, so that no copy of it is compiled per request.
pub(crate) fn json_write_error(error: ::serde_json::Error) -> crate::error::BuildError {
    crate::error::BuildError::invalid_field("body", error.to_string())
}

/// JSON that could not be read: what was found and expected, and where, without the value found.
///
/// A `serde_json::Error` quotes the value it did not expect (`invalid type: string "…"`), and
/// unknown variant and field names; a body may hold sensitive data, and error messages end up in
/// logs. serde_json's syntax messages are fixed text and are kept; the messages serde builds
/// about values keep the kind of value (`string`, `integer`) and what was expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct JsonError {
    message: ::std::string::String,
}

impl ::std::convert::From<::serde_json::Error> for JsonError {
    fn from(error: ::serde_json::Error) -> Self {
        let text = error.to_string();
        let position = format!(" at line {} column {}", error.line(), error.column());
        let message = text.strip_suffix(position.as_str()).unwrap_or(&text);
        let message = match error.classify() {
            ::serde_json::error::Category::Data => without_value(message),
            _ => message.to_owned(),
        };
        let message = if error.line() == 0 {
            message
        } else {
            format!("{message}{position}")
        };
        Self { message }
    }
}

impl ::std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl ::std::error::Error for JsonError {}

/// A message of `serde::de::Error` without the value it quotes. What was expected comes last
/// (`…, expected a boolean`) and is written by the code reading the value, never received.
fn without_value(message: &str) -> ::std::string::String {
    let (found, expected) = match message.rfind(", expected ") {
        ::std::option::Option::Some(at) => message.split_at(at),
        ::std::option::Option::None => match message.rfind(", there are no ") {
            ::std::option::Option::Some(at) => message.split_at(at),
            ::std::option::Option::None => (message, ""),
        },
    };
    for prefix in ["invalid type: ", "invalid value: "] {
        if let ::std::option::Option::Some(found) = found.strip_prefix(prefix) {
            // `string "…"`, `integer `5``, `map`: the kind of value is the text before any quote.
            let kind = found
                .split(['"', '`'])
                .next()
                .unwrap_or_default()
                .trim_end();
            return format!("{prefix}{kind}{expected}");
        }
    }
    for prefix in ["unknown variant", "unknown field"] {
        if found.starts_with(prefix) {
            return format!("{prefix}{expected}");
        }
    }
    // `missing field `name``, `duplicate field `name``, `invalid length 3`: model names and
    // counts. Other messages are this crate's own, which quote no value.
    message.to_owned()
}
