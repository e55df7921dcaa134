//! Every rule: a stable id, its level, and what it means.

use crate::Level::{self, Breaking, Info, Warning};

pub struct Rule {
    pub id: &'static str,
    pub level: Level,
    pub doc: &'static str,
}

const fn rule(id: &'static str, level: Level, doc: &'static str) -> Rule {
    Rule { id, level, doc }
}

pub static RULES: &[Rule] = &[
    // HTTP operations.
    rule("operation-removed", Breaking, "An operation is gone: clients calling it get 404 or 405."),
    rule(
        "deprecated-operation-removed",
        Warning,
        "A deprecated operation is gone before a sunset date said it could go.",
    ),
    rule("sunset-operation-removed", Info, "A deprecated operation is gone after its `x-sunset` date, as announced."),
    rule("operation-added", Info, "A new operation."),
    rule("operation-deprecated", Info, "An operation is now deprecated."),
    rule("operation-id-changed", Info, "The operationId changed: generated code names the method after it."),
    rule("path-parameter-renamed", Info, "A path parameter has a new name; the path is the same."),
    rule("operation-documentation-changed", Info, "Summary or description changed; nothing a program sees."),
    // Parameters.
    rule("request-parameter-added-required", Breaking, "A new required parameter: old requests lack it."),
    rule("request-parameter-added-optional", Info, "A new optional parameter."),
    rule("request-parameter-removed", Warning, "A parameter is gone: old requests still send it."),
    rule(
        "request-parameter-became-required",
        Breaking,
        "An optional parameter is now required: old requests may lack it.",
    ),
    rule("request-parameter-became-optional", Info, "A required parameter is now optional."),
    rule(
        "request-parameter-style-changed",
        Breaking,
        "A parameter is written another way (style or explode): old requests no longer parse.",
    ),
    // Request bodies.
    rule("request-body-added-required", Breaking, "A required request body where there was none."),
    rule("request-body-added-optional", Info, "An optional request body where there was none."),
    rule("request-body-removed", Warning, "The request body is gone: old requests still send one."),
    rule("request-body-became-required", Breaking, "The request body is now required."),
    rule("request-body-became-optional", Info, "The request body is now optional."),
    rule("request-media-type-removed", Breaking, "A request media type is no longer accepted."),
    rule("request-media-type-added", Info, "A new request media type is accepted."),
    // Responses.
    rule(
        "response-success-status-removed",
        Breaking,
        "A success status is no longer answered: old clients expecting it see another.",
    ),
    rule("response-status-removed", Warning, "A non-success status is no longer documented."),
    rule("response-status-added", Info, "A new documented status."),
    rule("response-media-type-removed", Breaking, "A response media type is no longer given."),
    rule("response-media-type-added", Info, "A new response media type."),
    rule("response-required-header-removed", Breaking, "A required response header is gone."),
    rule("response-header-removed", Warning, "An optional response header is gone."),
    rule("response-header-added", Info, "A new response header."),
    // Security.
    rule("security-added", Breaking, "An operation that needed no credentials now needs them."),
    rule("security-alternative-removed", Breaking, "A way to authenticate is no longer accepted."),
    rule("security-alternative-added", Info, "A new way to authenticate is accepted."),
    rule("security-scopes-added", Breaking, "An alternative asks for more OAuth2 scopes."),
    rule("security-scheme-removed", Breaking, "A security scheme is gone."),
    rule(
        "security-scheme-changed",
        Breaking,
        "A security scheme is of another kind, or sends its credentials elsewhere.",
    ),
    // Webhooks: requests the API sends, so their bodies are judged like responses.
    rule("webhook-removed", Warning, "A webhook is no longer sent: receivers wait for calls that do not come."),
    rule("webhook-added", Info, "A new webhook."),
    // Schemas of what clients send (and applications receive).
    rule("request-type-narrowed", Breaking, "What is read accepts fewer types: old values may be refused."),
    rule("request-type-widened", Info, "What is read accepts more types."),
    rule("request-type-changed", Breaking, "What is read accepts other types."),
    rule("request-nullable-removed", Breaking, "What is read no longer accepts null."),
    rule("request-nullable-added", Info, "What is read now accepts null."),
    rule("request-format-changed", Warning, "The format of what is read changed."),
    rule("request-enum-value-removed", Breaking, "A value is no longer accepted."),
    rule("request-enum-value-added", Info, "A new value is accepted."),
    rule(
        "request-constraint-tightened",
        Breaking,
        "A bound, length, item count or pattern is stricter: old values may be refused.",
    ),
    rule("request-constraint-loosened", Info, "A bound, length, item count or pattern is looser."),
    rule("request-required-property-added", Breaking, "A new required property: old values lack it."),
    rule("request-optional-property-added", Info, "A new optional property."),
    rule("request-property-removed", Warning, "A property is no longer declared: old values still carry it."),
    rule("request-property-became-required", Breaking, "An optional property is now required."),
    rule("request-property-became-optional", Info, "A required property is now optional."),
    rule("request-additional-properties-closed", Breaking, "Undeclared properties are now refused."),
    rule(
        "request-variant-removed",
        Breaking,
        "One of the alternatives (oneOf/anyOf) is gone: values of it are refused.",
    ),
    rule("request-variant-added", Info, "A new alternative (oneOf/anyOf) is accepted."),
    rule("request-discriminator-changed", Breaking, "The property that tells alternatives apart changed."),
    // Schemas of what clients receive (and applications send).
    rule("response-type-widened", Breaking, "What is given may be of more types: old readers may not read it."),
    rule("response-type-narrowed", Info, "What is given is of fewer types."),
    rule("response-type-changed", Breaking, "What is given is of other types."),
    rule("response-nullable-added", Breaking, "What is given may now be null."),
    rule("response-nullable-removed", Info, "What is given is no longer null."),
    rule("response-format-changed", Warning, "The format of what is given changed."),
    rule(
        "response-enum-value-added",
        Warning,
        "A new value may be given: readers that list the values must handle it.",
    ),
    rule("response-enum-value-removed", Info, "A value is no longer given."),
    rule(
        "response-constraint-loosened",
        Warning,
        "A bound, length, item count or pattern is looser: readers may see values they did not.",
    ),
    rule("response-constraint-tightened", Info, "A bound, length, item count or pattern is stricter."),
    rule("response-required-property-removed", Breaking, "A required property is gone: old readers expect it."),
    rule("response-optional-property-removed", Warning, "An optional property is gone."),
    rule("response-property-added", Info, "A new property."),
    rule("response-property-became-optional", Breaking, "A required property may now be absent."),
    rule("response-property-became-required", Info, "An optional property is now always given."),
    rule("response-additional-properties-opened", Warning, "Undeclared properties may now be given."),
    rule(
        "response-variant-added",
        Breaking,
        "A new alternative (oneOf/anyOf) may be given: old readers do not know it.",
    ),
    rule("response-variant-removed", Info, "An alternative (oneOf/anyOf) is no longer given."),
    rule("response-discriminator-changed", Breaking, "The property that tells alternatives apart changed."),
    // AsyncAPI.
    rule("server-removed", Breaking, "A server is gone."),
    rule("server-added", Info, "A new server."),
    rule("server-changed", Breaking, "A server has another URL or protocol."),
    rule("channel-removed", Breaking, "A channel is gone."),
    rule("channel-added", Info, "A new channel."),
    rule(
        "channel-address-changed",
        Breaking,
        "A channel has another address: the other side publishes or listens elsewhere.",
    ),
    rule("channel-parameter-added", Breaking, "A channel's address has a new parameter."),
    rule("channel-parameter-removed", Breaking, "A channel's address lost a parameter."),
    rule(
        "event-operation-removed",
        Breaking,
        "An operation is gone: what it sent is no longer sent, or what it received no longer read.",
    ),
    rule("event-operation-added", Info, "A new operation."),
    rule(
        "event-operation-id-changed",
        Info,
        "An operation has a new id (same action, same address): generated code names its method after the id.",
    ),
    rule("event-operation-action-changed", Breaking, "An operation now sends where it received, or the reverse."),
    rule("event-operation-channel-changed", Breaking, "An operation uses another channel."),
    rule("event-operation-reply-added", Breaking, "An operation now expects (or gives) a reply."),
    rule("event-operation-reply-removed", Breaking, "An operation no longer expects (or gives) a reply."),
    rule(
        "received-message-removed",
        Breaking,
        "A message the application received is no longer read: senders of it are ignored.",
    ),
    rule("received-message-added", Info, "The application reads a new message."),
    rule("sent-message-added", Warning, "The application sends a new message: its readers must handle it."),
    rule("sent-message-removed", Warning, "The application no longer sends a message its readers may wait for."),
    rule("message-content-type-changed", Breaking, "A message is encoded another way."),
    rule(
        "kafka-partitions-changed",
        Warning,
        "A Kafka topic has another partition count: keys map to other partitions.",
    ),
    rule("kafka-key-changed", Breaking, "Kafka messages are keyed another way: per-key order changes."),
    rule("amqp-binding-changed", Breaking, "An AMQP exchange or queue has another name or kind."),
    rule("mqtt-qos-changed", Warning, "An MQTT operation has another QoS."),
    // With `--rust`: what breaks code compiled against the crate generated from the old spec.
    rule("rust-method-renamed", Breaking, "The generated method is named after the operation id, which changed."),
    rule("rust-argument-added", Breaking, "The generated method takes the new required parameter as an argument."),
    rule(
        "rust-struct-field-added",
        Breaking,
        "A generated struct has a new field: struct literals of the old shape no longer compile.",
    ),
    rule("rust-struct-field-removed", Breaking, "A generated struct lost a field that code may read or set."),
    rule(
        "rust-field-type-changed",
        Breaking,
        "A generated field or value has another Rust type (other JSON types, `Option`, `Nullable`).",
    ),
    rule("rust-enum-variant-removed", Breaking, "A generated enum lost a variant that code may name."),
];

/// The rule with this id.
pub fn rule_by_id(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}
