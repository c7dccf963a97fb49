//! Any status, headers and body, read as the response to an operation of a generated crate with
//! HTTP bindings. Whatever arrives, `from_http_response` returns the output or an error value;
//! it never panics, and neither does printing or serialising what it returned.

use std::error::Error as _;

use http::{HeaderName, HeaderValue, Response, StatusCode};

/// Reads `response` as the response to one operation and exercises what it returned.
pub type Read = fn(&Response<Vec<u8>>);

/// What every generated output type offers: reading a response into itself or its
/// operation's error.
trait FromResponse: Sized + std::fmt::Debug + serde::Serialize {
    type Error: std::error::Error;
    fn from_response(response: &Response<Vec<u8>>) -> Result<Self, Self::Error>;
}

/// Implements [`FromResponse`] for each output and lists the operations in [`OPERATIONS`].
macro_rules! operations {
    ($($name:literal => $($module:ident)::+ { $output:ident, $error:ident }),* $(,)?) => {
        $(impl FromResponse for $($module)::+::$output {
            type Error = $($module)::+::$error;
            fn from_response(response: &Response<Vec<u8>>) -> Result<Self, Self::Error> {
                Self::from_http_response(response)
            }
        })*

        /// Every operation of the generated crates with HTTP bindings, as `crate::Operation`.
        /// `tests/tests/fuzz_regressions.rs` checks that no operation of these crates is missing.
        pub const OPERATIONS: &[(&str, Read)] = &[$(($name, read::<$($module)::+::$output>)),*];
    };
}

operations! {
    "amplifybackend::UpdateBackendAuth" => amplifybackend::operation::update_backend_auth {
        UpdateBackendAuthOutput, UpdateBackendAuthError
    },
    "golden_aws-json-1-0::GetItem" => golden_aws_json_1_0::operation::get_item { GetItemOutput, GetItemError },
    "golden_aws-json-1-0::Ping" => golden_aws_json_1_0::operation::ping { PingOutput, PingError },
    "golden_aws-json-1-0::PutItem" => golden_aws_json_1_0::operation::put_item { PutItemOutput, PutItemError },
    "golden_aws-json-1-0::UploadLog" => golden_aws_json_1_0::operation::upload_log { UploadLogOutput, UploadLogError },
    "golden_aws-json-1-1::SendMessage" => golden_aws_json_1_1::operation::send_message { SendMessageOutput, SendMessageError },
    "golden_query::ListQueues" => golden_query::operation::list_queues { ListQueuesOutput, ListQueuesError },
    "golden_query::SendMessage" => golden_query::operation::send_message { SendMessageOutput, SendMessageError },
    "golden_rest-xml::DownloadBlob" => golden_rest_xml::operation::download_blob { DownloadBlobOutput, DownloadBlobError },
    "golden_rest-xml::GetItem" => golden_rest_xml::operation::get_item { GetItemOutput, GetItemError },
    "golden_rest-xml::PutItem" => golden_rest_xml::operation::put_item { PutItemOutput, PutItemError },
    "golden_rest-xml::PutSettings" => golden_rest_xml::operation::put_settings { PutSettingsOutput, PutSettingsError },
    "golden_rest-xml::UploadBlob" => golden_rest_xml::operation::upload_blob { UploadBlobOutput, UploadBlobError },
    "golden_rpc-v2-cbor::GetItem" => golden_rpc_v2_cbor::operation::get_item { GetItemOutput, GetItemError },
    "golden_rpc-v2-cbor::GetServiceStatus" => golden_rpc_v2_cbor::operation::get_service_status { GetServiceStatusOutput, GetServiceStatusError },
    "golden_rpc-v2-cbor::ListItems" => golden_rpc_v2_cbor::operation::list_items { ListItemsOutput, ListItemsError },
    "golden_rpc-v2-cbor::Ping" => golden_rpc_v2_cbor::operation::ping { PingOutput, PingError },
    "golden_rpc-v2-cbor::PutItem" => golden_rpc_v2_cbor::operation::put_item { PutItemOutput, PutItemError },
    "golden_rpc-v2-cbor::RecordAudit" => golden_rpc_v2_cbor::operation::record_audit { RecordAuditOutput, RecordAuditError },
    "golden_rpc-v2-json::GetBalance" => golden_rpc_v2_json::operation::get_balance { GetBalanceOutput, GetBalanceError },
    "golden_rpc-v2-json::Health" => golden_rpc_v2_json::operation::health { HealthOutput, HealthError },
    "golden_rpc-v2-json::PostEntry" => golden_rpc_v2_json::operation::post_entry { PostEntryOutput, PostEntryError },
    "golden_hostile::GetThing" => golden_hostile::operation::get_thing { GetThingOutput, GetThingError },
    "golden_hostile::Into" => golden_hostile::operation::into { IntoOutput, IntoError },
    "golden_hostile::PutThing" => golden_hostile::operation::put_thing { PutThingOutput, PutThingError },
    "golden_services::GetBucket" => golden_services::operation::get_bucket { GetBucketOutput, GetBucketError },
    "golden_services::GetObject" => golden_services::operation::get_object { GetObjectOutput, GetObjectError },
    "golden_services::Ping" => golden_services::operation::ping { PingOutput, PingError },
    "golden_services::PutObject" => golden_services::operation::put_object { PutObjectOutput, PutObjectError },
    "golden_services::WatchObject" => golden_services::operation::watch_object { WatchObjectOutput, WatchObjectError },
}

/// Reads `data` as a response and hands it to one operation.
///
/// The input is text-like, so seeds can be written by hand and a dictionary helps: the first
/// line is `OPERATION STATUS` (an operation named in [`OPERATIONS`], or any text, which picks
/// one by its bytes; a status the `http` crate refuses is brought into 100..=999), then header
/// lines `name: value` up to an empty line, then the body, which may be any bytes. A header
/// the `http` crate refuses is left out, as no client could hand it over.
///
/// # Panics
///
/// When reading the response, or printing or serialising what was read, panics: a bug of the
/// generated crate.
pub fn response(data: &[u8]) {
    let (first, rest) = split_line(data);
    let (operation, status) = first
        .iter()
        .rposition(|&b| b == b' ')
        .map_or((first, &b""[..]), |space| (&first[..space], &first[space + 1..]));
    let read = OPERATIONS.iter().find(|(name, _)| name.as_bytes() == operation).map_or_else(
        || OPERATIONS[operation.iter().map(|&b| usize::from(b)).sum::<usize>() % OPERATIONS.len()].1,
        |(_, read)| *read,
    );
    let status = std::str::from_utf8(status).ok().and_then(|s| s.parse::<u16>().ok()).unwrap_or(200);
    let status = StatusCode::from_u16(status)
        .unwrap_or_else(|_| StatusCode::from_u16(100 + status % 900).expect("100..=999 is a valid status"));
    let mut response = Response::new(Vec::new());
    *response.status_mut() = status;
    let mut rest = rest;
    loop {
        let (line, after) = split_line(rest);
        rest = after;
        if line.is_empty() {
            break;
        }
        let Some(colon) = line.iter().position(|&b| b == b':') else { continue };
        let value = line[colon + 1..].strip_prefix(b" ").unwrap_or(&line[colon + 1..]);
        if let (Ok(name), Ok(value)) = (HeaderName::from_bytes(&line[..colon]), HeaderValue::from_bytes(value)) {
            response.headers_mut().append(name, value);
        }
    }
    *response.body_mut() = rest.to_vec();
    read(&response);
}

/// The bytes up to the first `\n` (without it, or a `\r` before it), and those after it.
fn split_line(data: &[u8]) -> (&[u8], &[u8]) {
    let (line, rest) = match data.iter().position(|&b| b == b'\n') {
        Some(end) => (&data[..end], &data[end + 1..]),
        None => (data, &b""[..]),
    };
    (line.strip_suffix(b"\r").unwrap_or(line), rest)
}

fn read<T: FromResponse>(response: &Response<Vec<u8>>) {
    match T::from_response(response) {
        Ok(output) => {
            let _ = format!("{output:?}");
            // What was read is written back as JSON, whatever values it holds.
            let _ = serde_json::to_vec(&output);
        }
        Err(error) => {
            let _ = format!("{error} {error:?}");
            let mut source = error.source();
            while let Some(inner) = source {
                let _ = inner.to_string();
                source = inner.source();
            }
        }
    }
}
