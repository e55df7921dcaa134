//! Every rule: a stable id, its level, and what it means.

use std::sync::LazyLock;

use crate::Level::{self, Breaking, Info, Warning};

pub struct Rule {
    pub id: &'static str,
    pub level: Level,
    pub doc: &'static str,
}

const fn rule(id: &'static str, level: Level, doc: &'static str) -> Rule {
    Rule { id, level, doc }
}

static CONTRACT: &[Rule] = &[
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
    rule("security-removed", Info, "An operation that needed credentials no longer does."),
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
    rule("request-required-property-added", Breaking, "A new required property: old values lack it."),
    rule("request-optional-property-added", Info, "A new optional property."),
    rule("request-property-removed", Warning, "A property is no longer declared: old values still carry it."),
    rule("request-property-became-required", Breaking, "An optional property is now required."),
    rule("request-property-became-optional", Info, "A required property is now optional."),
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
    rule("response-required-property-removed", Breaking, "A required property is gone: old readers expect it."),
    rule("response-optional-property-removed", Warning, "An optional property is gone."),
    rule("response-property-added", Info, "A new property."),
    rule("response-property-became-optional", Breaking, "A required property may now be absent."),
    rule("response-property-became-required", Info, "An optional property is now always given."),
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
];

/// A keyword that makes a schema accept fewer values (the first rule) or more
/// (the second), judged in both directions: stricter breaks what is read,
/// looser is news to readers of what is given.
macro_rules! keywords {
    ($($stricter:literal ($s_doc:literal) / $looser:literal ($l_doc:literal),)*) => {
        &[$(
            rule(concat!("request-", $stricter), Breaking, concat!("What is read: ", $s_doc, "; old values may be refused.")),
            rule(concat!("request-", $looser), Info, concat!("What is read: ", $l_doc, ".")),
            rule(concat!("response-", $stricter), Info, concat!("What is given: ", $s_doc, ".")),
            rule(concat!("response-", $looser), Warning, concat!("What is given: ", $l_doc, "; readers may see values they did not.")),
        )*]
    };
}

static KEYWORDS: &[Rule] = keywords![
    "max-decreased"("a maximum or exclusiveMaximum is lower, or new") / "max-increased"("a maximum is higher, or gone"),
    "min-increased"("a minimum or exclusiveMinimum is higher, or new") / "min-decreased"("a minimum is lower, or gone"),
    "max-length-decreased"("maxLength is lower, or new") / "max-length-increased"("maxLength is higher, or gone"),
    "min-length-increased"("minLength is higher, or new") / "min-length-decreased"("minLength is lower, or gone"),
    "max-items-decreased"("maxItems is lower, or new") / "max-items-increased"("maxItems is higher, or gone"),
    "min-items-increased"("minItems is higher, or new") / "min-items-decreased"("minItems is lower, or gone"),
    "max-properties-decreased"("maxProperties is lower, or new")
        / "max-properties-increased"("maxProperties is higher, or gone"),
    "min-properties-increased"("minProperties is higher, or new")
        / "min-properties-decreased"("minProperties is lower, or gone"),
    "pattern-added"("a pattern now applies") / "pattern-removed"("the pattern is gone"),
    "multiple-of-added"("values must now be a multiple of a number") / "multiple-of-removed"("multipleOf is gone"),
    "unique-items-added"("items must now be unique") / "unique-items-removed"("items need no longer be unique"),
    "enum-introduced"("only listed values are now allowed") / "enum-lifted"("values are no longer limited to a list"),
    "not-added"("values matching a `not` schema are now refused") / "not-removed"("the `not` schema is gone"),
    "additional-properties-closed"("undeclared properties are now refused")
        / "additional-properties-opened"("undeclared properties are now allowed"),
];

static MORE: &[Rule] = &[
    // Schema keywords whose change is neither stricter nor looser.
    rule("request-pattern-changed", Breaking, "What is read must match another pattern: old values may not."),
    rule("response-pattern-changed", Warning, "What is given matches another pattern."),
    rule("request-multiple-of-changed", Breaking, "What is read must be a multiple of another number."),
    rule("response-multiple-of-changed", Warning, "What is given is a multiple of another number."),
    rule(
        "request-default-changed",
        Warning,
        "What is assumed when a value is left out changed: old requests mean something else.",
    ),
    rule(
        "request-not-changed",
        Breaking,
        "What is read: the `not` schema refuses other values; old ones may be refused.",
    ),
    rule("response-not-changed", Warning, "What is given: the `not` schema refuses other values."),
    rule("response-default-changed", Warning, "What readers should assume when a value is left out changed."),
    rule(
        "request-discriminator-mapping-changed",
        Breaking,
        "A discriminator value is no longer accepted, or now means another alternative.",
    ),
    rule(
        "response-discriminator-mapping-changed",
        Breaking,
        "A discriminator value is new, or now means another alternative: old readers pick the wrong one.",
    ),
    rule(
        "request-property-became-read-only",
        Warning,
        "A property is now read-only: what old clients send in it is ignored.",
    ),
    rule("response-property-became-write-only", Breaking, "A property is now write-only: it is no longer given."),
    rule("schema-removed", Info, "A named schema is gone; what uses it says what that breaks."),
    rule(
        "comparison-cut-short",
        Warning,
        "Schemas nest deeper than the comparison goes (128 levels): what is below was not compared; check it by hand.",
    ),
    rule("schema-added", Info, "A new named schema."),
    rule("schema-deprecated", Info, "A property or schema is now deprecated."),
    rule(
        "deprecated-property-removed",
        Warning,
        "A deprecated property is gone before a sunset date said it could go.",
    ),
    rule("sunset-property-removed", Info, "A deprecated property is gone after its `x-sunset` date, as announced."),
    // Parameters and headers.
    rule("parameter-deprecated", Info, "A parameter is now deprecated."),
    rule("sunset-parameter-removed", Info, "A deprecated parameter is gone after its `x-sunset` date, as announced."),
    rule(
        "request-parameter-allow-empty-value-removed",
        Breaking,
        "A parameter no longer accepts an empty value: old requests sending one are refused.",
    ),
    rule(
        "request-parameter-content-type-changed",
        Breaking,
        "A parameter's value is serialized as another media type.",
    ),
    rule("response-header-became-optional", Breaking, "A required response header may now be absent."),
    rule("response-header-became-required", Info, "An optional response header is now always given."),
    rule("header-deprecated", Info, "A response header is now deprecated."),
    // Operations.
    rule("operation-tags-changed", Info, "An operation's tags changed: generated code groups operations by tag."),
    rule(
        "operation-sunset-brought-forward",
        Warning,
        "A deprecated operation's `x-sunset` date is earlier: clients have less time to move.",
    ),
    rule("callback-removed", Warning, "A callback is no longer made: receivers wait for calls that do not come."),
    rule("callback-added", Info, "A new callback."),
    rule(
        "callback-url-changed",
        Breaking,
        "A callback's URL is taken from another place in the request: old clients put theirs where it is not read.",
    ),
    rule(
        "security-scheme-scope-removed",
        Warning,
        "An OAuth2 scope is gone: clients asking for it are refused a token.",
    ),
    rule("security-scheme-scope-added", Info, "A new OAuth2 scope."),
    // AsyncAPI.
    rule("deprecated-message-removed", Warning, "A deprecated message is gone before a sunset date said it could go."),
    rule("sunset-message-removed", Info, "A deprecated message is gone after its `x-sunset` date, as announced."),
    rule("event-documentation-changed", Info, "An operation's or message's title, summary or description changed."),
    rule("message-deprecated", Info, "A message is now deprecated."),
    rule(
        "message-correlation-id-changed",
        Breaking,
        "A message's correlation id is read from another place: replies no longer match their requests.",
    ),
    rule(
        "message-schema-format-changed",
        Breaking,
        "A payload is described in another schema format (Avro, Protobuf, JSON Schema): it is encoded another way.",
    ),
    rule(
        "message-opaque-payload-changed",
        Warning,
        "A payload in a schema format this tool does not read (Avro, Protobuf) changed: check it by hand.",
    ),
    rule(
        "channel-parameter-location-changed",
        Breaking,
        "A channel parameter's value is taken from another place in the message.",
    ),
    rule("mqtt-retain-changed", Warning, "An MQTT operation retains its messages, or no longer does."),
    rule(
        "kafka-topic-configuration-changed",
        Warning,
        "A Kafka topic keeps messages differently (cleanup policy, retention, and the like).",
    ),
];

/// With `--rust`: what breaks code compiled against the crate generated from the old spec.
static RUST: &[Rule] = &[
    rule("rust-method-renamed", Breaking, "The generated method is named after the operation id, which changed."),
    rule("rust-method-removed", Breaking, "A generated method is gone, even where the contract allowed the removal."),
    rule(
        "rust-argument-added",
        Breaking,
        "The generated method takes a new required parameter or body as an argument.",
    ),
    rule(
        "rust-argument-removed",
        Breaking,
        "The generated method lost an argument or a setter: calls passing it no longer compile.",
    ),
    rule(
        "rust-struct-field-added",
        Breaking,
        "A generated struct has a new field: struct literals of the old shape no longer compile.",
    ),
    rule("rust-type-removed", Breaking, "A generated type is gone: code naming it no longer compiles."),
    rule("rust-struct-field-removed", Breaking, "A generated struct lost a field that code may read or set."),
    rule(
        "rust-field-type-changed",
        Breaking,
        "A generated field or value has another Rust type (other JSON types, `Option`, `Nullable`).",
    ),
    rule("rust-enum-variant-removed", Breaking, "A generated enum lost a variant that code may name."),
    rule(
        "rust-enum-variant-added",
        Breaking,
        "A generated enum has a new variant: a `match` that lists every variant no longer compiles.",
    ),
];

/// Every rule, in the order `--list-rules` prints them.
pub static RULES: LazyLock<Vec<&'static Rule>> =
    LazyLock::new(|| CONTRACT.iter().chain(KEYWORDS).chain(MORE).chain(RUST).collect());

/// The rule with this id.
pub fn rule_by_id(id: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.id == id)
}
