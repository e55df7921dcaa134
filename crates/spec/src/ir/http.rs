//! HTTP operations: OpenAPI's paths, webhooks and callbacks.

use indexmap::IndexMap;
use serde::Serialize;
use serde_json::Value;

use super::{Extensions, SchemaId, SecurityRequirement, Server};
use crate::diagnostic::Location;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Method {
    Get,
    Put,
    Post,
    Delete,
    Options,
    Head,
    Patch,
    Trace,
}

impl Method {
    pub const ALL: [Method; 8] = [
        Method::Get,
        Method::Put,
        Method::Post,
        Method::Delete,
        Method::Options,
        Method::Head,
        Method::Patch,
        Method::Trace,
    ];

    /// The lowercase name used as a key in a path item.
    pub fn key(self) -> &'static str {
        match self {
            Method::Get => "get",
            Method::Put => "put",
            Method::Post => "post",
            Method::Delete => "delete",
            Method::Options => "options",
            Method::Head => "head",
            Method::Patch => "patch",
            Method::Trace => "trace",
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct HttpOperation {
    /// Unique within the API: the `operationId`, or one made from method and
    /// path when there is none, with a suffix when the document repeats one.
    pub id: String,
    /// The `operationId` as written, if any.
    pub operation_id: Option<String>,
    pub method: Method,
    /// The path template, such as `/pets/{petId}`; for a webhook, its name.
    pub path: String,
    pub summary: Option<String>,
    pub description: Option<String>,
    pub tags: Vec<String>,
    pub deprecated: bool,
    /// Path-level and operation-level parameters, merged (the operation's win).
    pub parameters: Vec<Parameter>,
    pub request_body: Option<RequestBody>,
    pub responses: Vec<Response>,
    pub callbacks: Vec<Callback>,
    /// `None` means the API-wide requirements apply; an empty list means none.
    pub security: Option<Vec<SecurityRequirement>>,
    /// Servers that override the API's for this operation.
    pub servers: Vec<Server>,
    pub extensions: Extensions,
    pub origin: Location,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ParameterLocation {
    Path,
    Query,
    Header,
    Cookie,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ParameterStyle {
    Form,
    Simple,
    Label,
    Matrix,
    SpaceDelimited,
    PipeDelimited,
    DeepObject,
}

impl ParameterStyle {
    pub fn parse(name: &str) -> Option<ParameterStyle> {
        Some(match name {
            "form" => ParameterStyle::Form,
            "simple" => ParameterStyle::Simple,
            "label" => ParameterStyle::Label,
            "matrix" => ParameterStyle::Matrix,
            "spaceDelimited" => ParameterStyle::SpaceDelimited,
            "pipeDelimited" => ParameterStyle::PipeDelimited,
            "deepObject" => ParameterStyle::DeepObject,
            _ => return None,
        })
    }

    /// The style a parameter has when the document names none.
    pub fn default_for(location: ParameterLocation) -> ParameterStyle {
        match location {
            ParameterLocation::Query | ParameterLocation::Cookie => ParameterStyle::Form,
            ParameterLocation::Path | ParameterLocation::Header => ParameterStyle::Simple,
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Parameter {
    pub name: String,
    pub location: ParameterLocation,
    pub required: bool,
    pub deprecated: bool,
    pub description: Option<String>,
    pub style: ParameterStyle,
    pub explode: bool,
    pub allow_reserved: bool,
    pub allow_empty_value: bool,
    /// The parameter's schema; for a parameter given by `content`, the schema
    /// of its one media type.
    pub schema: Option<SchemaId>,
    /// The media type of a parameter given by `content` rather than `schema`.
    pub content_type: Option<String>,
    pub examples: Vec<Value>,
    pub extensions: Extensions,
    pub origin: Location,
}

#[derive(Clone, Debug, Serialize)]
pub struct RequestBody {
    pub description: Option<String>,
    pub required: bool,
    pub content: Vec<MediaType>,
    pub extensions: Extensions,
    pub origin: Location,
}

#[derive(Clone, Debug, Serialize)]
pub struct MediaType {
    /// Such as `application/json`, `multipart/form-data` or `image/*`.
    pub media_type: String,
    pub schema: Option<SchemaId>,
    /// Per-property encoding of multipart and form bodies.
    pub encoding: IndexMap<String, Encoding>,
    pub examples: Vec<Value>,
    pub extensions: Extensions,
}

#[derive(Clone, Debug, Serialize)]
pub struct Encoding {
    pub content_type: Option<String>,
    pub headers: Vec<Header>,
    pub style: Option<ParameterStyle>,
    pub explode: Option<bool>,
    pub allow_reserved: bool,
}

/// A response status: a code, a range such as `4XX`, or `default`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StatusCode {
    Code(u16),
    /// `2XX` is `Range(2)`.
    Range(u8),
    Default,
}

impl StatusCode {
    pub fn parse(key: &str) -> Option<StatusCode> {
        if key == "default" {
            return Some(StatusCode::Default);
        }
        let bytes = key.as_bytes();
        if bytes.len() == 3 && (b'1'..=b'5').contains(&bytes[0]) {
            if key[1..].eq_ignore_ascii_case("xx") {
                return Some(StatusCode::Range(bytes[0] - b'0'));
            }
            if let Ok(code) = key.parse::<u16>() {
                return Some(StatusCode::Code(code));
            }
        }
        None
    }
}

impl std::fmt::Display for StatusCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StatusCode::Code(c) => write!(f, "{c}"),
            StatusCode::Range(r) => write!(f, "{r}XX"),
            StatusCode::Default => f.write_str("default"),
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Response {
    pub status: StatusCode,
    pub description: Option<String>,
    pub headers: Vec<Header>,
    pub content: Vec<MediaType>,
    pub links: IndexMap<String, Value>,
    pub extensions: Extensions,
    pub origin: Location,
}

#[derive(Clone, Debug, Serialize)]
pub struct Header {
    pub name: String,
    pub description: Option<String>,
    pub required: bool,
    pub deprecated: bool,
    pub schema: Option<SchemaId>,
    pub content_type: Option<String>,
    pub explode: bool,
    pub origin: Location,
}

/// Requests the API makes back to a URL its caller supplied.
#[derive(Clone, Debug, Serialize)]
pub struct Callback {
    pub name: String,
    /// The runtime expression that gives the URL, such as `{$request.body#/callbackUrl}`.
    pub expression: String,
    pub operations: Vec<HttpOperation>,
}
