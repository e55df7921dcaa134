//! One model for OpenAPI and AsyncAPI documents, whatever their version.
//!
//! References are resolved: parameters, responses, messages and channels are
//! inlined, and schemas live in one arena ([`Schemas`]) where a `$ref` is an
//! edge to a [`SchemaId`], so recursive schemas are cycles in the graph.

mod events;
mod http;
mod schema;
mod vocabulary;

pub use events::*;
pub use http::*;
pub use schema::*;
pub use vocabulary::{is_structural, unsupported, Keyword};

use indexmap::IndexMap;
use serde::Serialize;
use serde_json::Value;

use crate::diagnostic::Location;

/// `x-…` extensions, kept as written.
pub type Extensions = IndexMap<String, Value>;

/// The kind of document and the version it was written in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "version", rename_all = "lowercase")]
pub enum SpecKind {
    /// OpenAPI 3.0 or 3.1; `swagger: "2.0"` documents are upgraded and keep "2.0" here.
    OpenApi(String),
    AsyncApi(String),
}

impl SpecKind {
    pub fn is_openapi(&self) -> bool {
        matches!(self, SpecKind::OpenApi(_))
    }
}

/// A whole API: what one document (with the files it references) describes.
#[derive(Clone, Debug, Serialize)]
pub struct Api {
    pub kind: SpecKind,
    pub info: Info,
    pub servers: Vec<Server>,
    pub security_schemes: IndexMap<String, SecurityScheme>,
    /// Requirements that apply where an operation sets none.
    pub security: Vec<SecurityRequirement>,
    pub tags: Vec<Tag>,
    /// HTTP operations under `paths`.
    pub operations: Vec<HttpOperation>,
    /// OpenAPI 3.1 `webhooks`: requests the API sends to its users.
    pub webhooks: Vec<HttpOperation>,
    /// AsyncAPI channels, by their id (the key in `channels`).
    pub channels: IndexMap<String, Channel>,
    pub event_operations: Vec<EventOperation>,
    /// Every message, by id; channels and operations refer to these ids.
    pub messages: IndexMap<String, Message>,
    pub schemas: Schemas,
    /// Named schemas (components, definitions), by name, in document order.
    pub components: IndexMap<String, SchemaId>,
    pub external_docs: Option<ExternalDocs>,
    pub extensions: Extensions,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Info {
    pub title: String,
    pub version: String,
    pub summary: Option<String>,
    pub description: Option<String>,
    pub terms_of_service: Option<String>,
    pub contact: Option<Value>,
    pub license: Option<Value>,
    pub extensions: Extensions,
}

#[derive(Clone, Debug, Serialize)]
pub struct Server {
    /// The key in AsyncAPI's `servers` map; OpenAPI servers have none.
    pub name: Option<String>,
    /// The URL template, such as `https://{region}.example.com/v1` or
    /// `mqtt://broker.example.com:1883`.
    pub url: String,
    pub protocol: Option<String>,
    pub protocol_version: Option<String>,
    pub description: Option<String>,
    pub variables: IndexMap<String, ServerVariable>,
    pub security: Option<Vec<SecurityRequirement>>,
    pub bindings: Bindings,
    pub tags: Vec<Tag>,
    pub extensions: Extensions,
    pub origin: Location,
}

#[derive(Clone, Debug, Serialize)]
pub struct ServerVariable {
    pub default: Option<String>,
    pub enum_values: Vec<String>,
    pub description: Option<String>,
    pub examples: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct SecurityScheme {
    pub kind: SecuritySchemeKind,
    pub description: Option<String>,
    pub extensions: Extensions,
    pub origin: Location,
}

#[derive(Clone, Debug, Serialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum SecuritySchemeKind {
    ApiKey {
        name: String,
        location: ApiKeyLocation,
    },
    Http {
        scheme: String,
        bearer_format: Option<String>,
    },
    #[serde(rename = "oauth2")]
    OAuth2 {
        flows: Vec<OAuthFlow>,
    },
    OpenIdConnect {
        url: String,
    },
    MutualTls,
    /// AsyncAPI's broker-level schemes: `userPassword`, `X509`,
    /// `scramSha256`, `plain`, `gssapi` and the like.
    Other {
        name: String,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ApiKeyLocation {
    Header,
    Query,
    Cookie,
    /// AsyncAPI `apiKey` schemes sent as the user or password of the connection.
    User,
    Password,
}

#[derive(Clone, Debug, Serialize)]
pub struct OAuthFlow {
    /// `implicit`, `password`, `clientCredentials` or `authorizationCode`.
    pub kind: String,
    pub authorization_url: Option<String>,
    pub token_url: Option<String>,
    pub refresh_url: Option<String>,
    pub scopes: IndexMap<String, String>,
}

/// All of these schemes, each with the scopes it needs, are required together.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct SecurityRequirement {
    pub schemes: IndexMap<String, Vec<String>>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Tag {
    pub name: String,
    pub description: Option<String>,
    pub external_docs: Option<ExternalDocs>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ExternalDocs {
    pub url: String,
    pub description: Option<String>,
}

/// Protocol bindings, by protocol name (`kafka`, `amqp`, `mqtt`, `ws`, `http`, ...), as written.
pub type Bindings = IndexMap<String, Value>;
