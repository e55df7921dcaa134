//! AsyncAPI's channels, operations and messages, in the 3.x model.

use serde::Serialize;
use serde_json::Value;

use super::{Bindings, Extensions, SchemaId, SecurityRequirement, Tag};
use crate::diagnostic::Location;

#[derive(Clone, Debug, Serialize)]
pub struct Channel {
    /// The key under `channels`.
    pub id: String,
    /// The address template, such as `orders.{region}.created`; `None` when
    /// it is only known at run time (a dynamic reply address, for instance).
    pub address: Option<String>,
    pub title: Option<String>,
    pub summary: Option<String>,
    pub description: Option<String>,
    pub parameters: Vec<ChannelParameter>,
    /// Ids into [`super::Api::messages`].
    pub messages: Vec<String>,
    /// Names of the servers the channel is available on; empty means all.
    pub servers: Vec<String>,
    pub tags: Vec<Tag>,
    pub bindings: Bindings,
    pub extensions: Extensions,
    pub origin: Location,
}

#[derive(Clone, Debug, Serialize)]
pub struct ChannelParameter {
    pub name: String,
    pub description: Option<String>,
    /// A schema for the value (2.x gives one; 3.x gives enum/default/examples,
    /// which are turned into a string schema).
    pub schema: Option<SchemaId>,
    /// A runtime expression saying where the value comes from, such as `$message.payload#/user/id`.
    pub location: Option<String>,
    pub origin: Location,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// The application sends messages to the channel.
    Send,
    /// The application receives messages from the channel.
    Receive,
}

#[derive(Clone, Debug, Serialize)]
pub struct EventOperation {
    /// Unique within the API: the operation's key (3.x), its `operationId`
    /// (2.x), or one made from the action and the channel.
    pub id: String,
    pub action: Action,
    /// Id of the channel.
    pub channel: String,
    /// Ids of the messages this operation sends or receives (all of the
    /// channel's when the document lists none).
    pub messages: Vec<String>,
    pub title: Option<String>,
    pub summary: Option<String>,
    pub description: Option<String>,
    pub tags: Vec<Tag>,
    pub deprecated: bool,
    pub reply: Option<Reply>,
    pub security: Option<Vec<SecurityRequirement>>,
    pub bindings: Bindings,
    pub extensions: Extensions,
    pub origin: Location,
}

/// The reply to a request sent or received by an operation.
#[derive(Clone, Debug, Serialize)]
pub struct Reply {
    /// The channel the reply is sent on, when it is fixed.
    pub channel: Option<String>,
    /// A runtime expression for the reply address, such as `$message.header#/replyTo`.
    pub address: Option<String>,
    /// Ids of the messages the reply may be.
    pub messages: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Message {
    /// The key under `components/messages` or the channel's `messages`, or a made-up one.
    pub id: String,
    /// The `name` field: a machine-friendly name for the message.
    pub name: Option<String>,
    pub title: Option<String>,
    pub summary: Option<String>,
    pub description: Option<String>,
    pub content_type: Option<String>,
    pub payload: Option<Payload>,
    pub headers: Option<SchemaId>,
    pub correlation_id: Option<CorrelationId>,
    pub tags: Vec<Tag>,
    pub deprecated: bool,
    pub bindings: Bindings,
    pub examples: Vec<Value>,
    pub extensions: Extensions,
    pub origin: Location,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Payload {
    /// A JSON Schema (or OpenAPI schema) payload.
    Schema(SchemaId),
    /// A payload in a schema format this model does not read, such as Avro or
    /// Protobuf: kept as written, carried as bytes by generated code.
    Opaque { schema_format: String, schema: Value },
}

#[derive(Clone, Debug, Serialize)]
pub struct CorrelationId {
    pub description: Option<String>,
    /// A runtime expression such as `$message.header#/correlationId`.
    pub location: String,
}
