//! Typed access to the protocol traits: which protocols a service speaks, and the serialization
//! traits of the XML and query protocols (`@xmlName`, `@xmlAttribute`, `@xmlFlattened`,
//! `@xmlNamespace`, `@ec2QueryName`, `@awsQueryError`, `@awsQueryCompatible`, S3's
//! `@s3UnwrappedXmlOutput`), and `@requestCompression`.

use serde_json::Value;

use crate::model::Traits;

/// A protocol a service can declare with its trait.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ProtocolTrait {
    /// `smithy.protocols#rpcv2Cbor`.
    RpcV2Cbor,
    /// `aws.protocols#awsJson1_0`.
    AwsJson1_0,
    /// `aws.protocols#awsJson1_1`.
    AwsJson1_1,
    /// `aws.protocols#restJson1`.
    RestJson1,
    /// `aws.protocols#restXml`.
    RestXml,
    /// `aws.protocols#awsQuery`.
    AwsQuery,
    /// `aws.protocols#ec2Query`.
    Ec2Query,
    /// `smithy.protocols#rpcv2Json`.
    RpcV2Json,
}

impl ProtocolTrait {
    /// Every protocol, in the order of preference when a service declares several: the binary
    /// and newer protocols first, as AWS SDKs pick them.
    pub const PREFERENCE: [ProtocolTrait; 8] = [
        ProtocolTrait::RpcV2Cbor,
        ProtocolTrait::AwsJson1_0,
        ProtocolTrait::AwsJson1_1,
        ProtocolTrait::RestJson1,
        ProtocolTrait::RestXml,
        ProtocolTrait::AwsQuery,
        ProtocolTrait::Ec2Query,
        ProtocolTrait::RpcV2Json,
    ];

    /// The trait's shape id.
    pub fn id(self) -> &'static str {
        match self {
            ProtocolTrait::RpcV2Cbor => "smithy.protocols#rpcv2Cbor",
            ProtocolTrait::AwsJson1_0 => "aws.protocols#awsJson1_0",
            ProtocolTrait::AwsJson1_1 => "aws.protocols#awsJson1_1",
            ProtocolTrait::RestJson1 => "aws.protocols#restJson1",
            ProtocolTrait::RestXml => "aws.protocols#restXml",
            ProtocolTrait::AwsQuery => "aws.protocols#awsQuery",
            ProtocolTrait::Ec2Query => "aws.protocols#ec2Query",
            ProtocolTrait::RpcV2Json => "smithy.protocols#rpcv2Json",
        }
    }
}

/// An `@xmlNamespace`: a URI and an optional prefix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct XmlNamespace {
    /// The namespace URI.
    pub uri: String,
    /// The prefix, for `xmlns:prefix`; `None` for a default namespace.
    pub prefix: Option<String>,
}

/// What `@awsQueryError` says: the code and status the error has under awsQuery.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AwsQueryError {
    /// The error code.
    pub code: String,
    /// The HTTP status code.
    pub http_status: u16,
}

const XML_NAME: &str = "smithy.api#xmlName";
const XML_ATTRIBUTE: &str = "smithy.api#xmlAttribute";
const XML_FLATTENED: &str = "smithy.api#xmlFlattened";
const XML_NAMESPACE: &str = "smithy.api#xmlNamespace";
const EC2_QUERY_NAME: &str = "aws.protocols#ec2QueryName";
const AWS_QUERY_ERROR: &str = "aws.protocols#awsQueryError";
const AWS_QUERY_COMPATIBLE: &str = "aws.protocols#awsQueryCompatible";
const REQUEST_COMPRESSION: &str = "smithy.api#requestCompression";
const S3_UNWRAPPED_XML_OUTPUT: &str = "aws.customizations#s3UnwrappedXmlOutput";

impl Traits {
    /// The protocols the service declares, in order of preference.
    pub fn protocols(&self) -> Vec<ProtocolTrait> {
        ProtocolTrait::PREFERENCE.into_iter().filter(|protocol| self.has(protocol.id())).collect()
    }

    /// The `@xmlName` of a shape or member.
    pub fn xml_name(&self) -> Option<&str> {
        self.string(XML_NAME)
    }

    /// Whether the member is serialized as an XML attribute.
    pub fn is_xml_attribute(&self) -> bool {
        self.has(XML_ATTRIBUTE)
    }

    /// Whether the list or map member is serialized without a wrapping element.
    pub fn is_xml_flattened(&self) -> bool {
        self.has(XML_FLATTENED)
    }

    /// The `@xmlNamespace`, when applied.
    pub fn xml_namespace(&self) -> Option<XmlNamespace> {
        let value = self.get(XML_NAMESPACE)?;
        Some(XmlNamespace {
            uri: value.get("uri")?.as_str()?.to_owned(),
            prefix: value.get("prefix").and_then(Value::as_str).map(str::to_owned),
        })
    }

    /// The `@ec2QueryName` of a member.
    pub fn ec2_query_name(&self) -> Option<&str> {
        self.string(EC2_QUERY_NAME)
    }

    /// The `@awsQueryError` of an error structure.
    pub fn aws_query_error(&self) -> Option<AwsQueryError> {
        let value = self.get(AWS_QUERY_ERROR)?;
        Some(AwsQueryError {
            code: value.get("code")?.as_str()?.to_owned(),
            http_status: value.get("httpResponseCode").and_then(Value::as_u64).and_then(|c| u16::try_from(c).ok())?,
        })
    }

    /// Whether the service is `@awsQueryCompatible`: its JSON errors carry awsQuery codes.
    pub fn is_aws_query_compatible(&self) -> bool {
        self.has(AWS_QUERY_COMPATIBLE)
    }

    /// Whether an S3 operation's output XML is not wrapped in an element of the output's own.
    pub fn is_s3_unwrapped_xml_output(&self) -> bool {
        self.has(S3_UNWRAPPED_XML_OUTPUT)
    }

    /// The encodings `@requestCompression` allows, in order of preference.
    pub fn request_compression(&self) -> Option<Vec<String>> {
        let encodings = self.get(REQUEST_COMPRESSION)?.get("encodings")?.as_array()?;
        Some(encodings.iter().filter_map(Value::as_str).map(str::to_owned).collect())
    }
}
