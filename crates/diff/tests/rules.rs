//! Every rule, each from a pair of documents that differ in one place, and
//! a document diffed against itself.

mod common;

use common::*;
use serde_json::{json, Value};
use specwright_diff::{diff_with, rule_by_id, Options, RULES};

type Edit = fn(&mut Value);
/// A rule, the document a case starts from, and the edit that should raise it.
type Case = (&'static str, fn() -> Value, Edit);

fn cases() -> Vec<Case> {
    vec![
        ("operation-removed", openapi, |d| remove(d, "/paths/~1old")),
        ("deprecated-operation-removed", openapi, |d| remove(d, "/paths/~1old")),
        ("sunset-operation-removed", openapi, |d| remove(d, "/paths/~1old")),
        ("operation-added", openapi, |d| {
            set(d, "/paths/~1new", json!({"get": {"responses": {"200": {"description": "ok"}}}}))
        }),
        ("operation-deprecated", openapi, |d| set(d, &format!("{OP}/deprecated"), json!(true))),
        ("operation-id-changed", openapi, |d| set(d, &format!("{OP}/operationId"), json!("makePet"))),
        ("path-parameter-renamed", openapi, |d| {
            let op = d.pointer(OP).unwrap().clone();
            remove(d, "/paths/~1pets~1{id}");
            set(d, "/paths/~1pets~1{petId}", json!({"post": op}));
            set(d, "/paths/~1pets~1{petId}/post/parameters/0/name", json!("petId"));
        }),
        ("operation-documentation-changed", openapi, |d| set(d, &format!("{OP}/summary"), json!("Make a pet"))),
        ("request-parameter-added-required", openapi, |d| {
            set(
                d,
                &format!("{OP}/parameters/3"),
                json!({"name": "x", "in": "query", "required": true, "schema": {"type": "string"}}),
            )
        }),
        ("request-parameter-added-optional", openapi, |d| {
            set(d, &format!("{OP}/parameters/3"), json!({"name": "x", "in": "query", "schema": {"type": "string"}}))
        }),
        ("request-parameter-removed", openapi, |d| remove(d, &format!("{OP}/parameters/1"))),
        ("request-parameter-became-required", openapi, |d| set(d, &format!("{OP}/parameters/1/required"), json!(true))),
        ("request-parameter-became-optional", openapi, |d| {
            set(d, &format!("{OP}/parameters/2/required"), json!(false))
        }),
        ("request-parameter-style-changed", openapi, |d| set(d, &format!("{OP}/parameters/1/explode"), json!(false))),
        ("request-body-added-required", openapi, |d| {
            set(
                d,
                "/paths/~1old/get/requestBody",
                json!({"required": true, "content": {"text/plain": {"schema": {"type": "string"}}}}),
            )
        }),
        ("request-body-added-optional", openapi, |d| {
            set(d, "/paths/~1old/get/requestBody", json!({"content": {"text/plain": {"schema": {"type": "string"}}}}))
        }),
        ("request-body-removed", openapi, |d| remove(d, &format!("{OP}/requestBody"))),
        ("request-body-became-required", openapi, |d| set(d, &format!("{OP}/requestBody/required"), json!(true))),
        ("request-body-became-optional", openapi, |d| set(d, &format!("{OP}/requestBody/required"), json!(false))),
        ("request-media-type-removed", openapi, |d| remove(d, &format!("{OP}/requestBody/content/application~1json"))),
        ("request-media-type-added", openapi, |d| {
            set(d, &format!("{OP}/requestBody/content/text~1plain"), json!({"schema": {"type": "string"}}))
        }),
        ("response-success-status-removed", openapi, |d| remove(d, &format!("{OP}/responses/200"))),
        ("response-status-removed", openapi, |d| remove(d, &format!("{OP}/responses/404"))),
        ("response-status-added", openapi, |d| {
            set(d, &format!("{OP}/responses/409"), json!({"description": "conflict"}))
        }),
        ("response-media-type-removed", openapi, |d| {
            remove(d, &format!("{OP}/responses/200/content/application~1json"))
        }),
        ("response-media-type-added", openapi, |d| {
            set(d, &format!("{OP}/responses/200/content/text~1plain"), json!({"schema": {"type": "string"}}))
        }),
        ("response-required-header-removed", openapi, |d| remove(d, &format!("{OP}/responses/200/headers/X-Rate"))),
        ("response-header-removed", openapi, |d| remove(d, &format!("{OP}/responses/200/headers/X-Hint"))),
        ("response-header-added", openapi, |d| {
            set(d, &format!("{OP}/responses/200/headers/X-New"), json!({"schema": {"type": "string"}}))
        }),
        ("security-added", openapi, |d| remove(d, "/paths/~1open/get/security")),
        ("security-removed", openapi, |d| set(d, &format!("{OP}/security"), json!([]))),
        ("security-alternative-removed", openapi, |d| remove(d, &format!("{OP}/security/1"))),
        ("security-alternative-added", openapi, |d| set(d, &format!("{OP}/security/2"), json!({"basic": []}))),
        ("security-scopes-added", openapi, |d| set(d, &format!("{OP}/security/1/oauth/1"), json!("pets:admin"))),
        ("security-scheme-removed", openapi, |d| remove(d, "/components/securitySchemes/basic")),
        ("security-scheme-changed", openapi, |d| set(d, "/components/securitySchemes/key/in", json!("query"))),
        ("webhook-removed", webhooks, |d| remove(d, "/webhooks/petBorn")),
        ("webhook-added", webhooks, |d| {
            set(d, "/webhooks/petDied", json!({"post": {"responses": {"200": {"description": "ok"}}}}))
        }),
        // Schemas, in the request.
        ("request-type-narrowed", openapi, |d| set(d, &format!("{PET_IN}/properties/age/type"), json!("integer"))),
        ("request-type-widened", openapi, |d| set(d, &format!("{PET_IN}/properties/age/type"), json!("number"))),
        ("request-type-changed", openapi, |d| set(d, &format!("{PET_IN}/properties/age/type"), json!("string"))),
        ("request-nullable-removed", openapi, |d| set(d, &format!("{PET_IN}/properties/owner/nullable"), json!(false))),
        ("request-nullable-added", openapi, |d| set(d, &format!("{PET_IN}/properties/tag/nullable"), json!(true))),
        ("request-format-changed", openapi, |d| set(d, &format!("{PET_IN}/properties/tag/format"), json!("email"))),
        ("request-enum-value-removed", openapi, |d| set(d, &format!("{PET_IN}/properties/kind/enum"), json!(["cat"]))),
        ("request-enum-value-added", openapi, |d| {
            set(d, &format!("{PET_IN}/properties/kind/enum"), json!(["cat", "dog", "eel"]))
        }),
        ("request-required-property-added", openapi, |d| {
            set(d, &format!("{PET_IN}/properties/color"), json!({"type": "string"}));
            set(d, &format!("{PET_IN}/required/2"), json!("color"));
        }),
        ("request-optional-property-added", openapi, |d| {
            set(d, &format!("{PET_IN}/properties/color"), json!({"type": "string"}))
        }),
        ("request-property-removed", openapi, |d| remove(d, &format!("{PET_IN}/properties/tag"))),
        ("request-property-became-required", openapi, |d| set(d, &format!("{PET_IN}/required/2"), json!("tag"))),
        ("request-property-became-optional", openapi, |d| remove(d, &format!("{PET_IN}/required/1"))),
        ("request-variant-removed", openapi, |d| remove(d, &format!("{PET_IN}/properties/shape/oneOf/1"))),
        ("request-variant-added", openapi, |d| {
            set(d, &format!("{PET_IN}/properties/shape/oneOf/2"), json!({"$ref": "#/components/schemas/Triangle"}))
        }),
        ("request-discriminator-changed", openapi, |d| {
            set(d, &format!("{PET_IN}/properties/shape/discriminator/propertyName"), json!("kind"))
        }),
        // Schemas, in the response.
        ("response-type-widened", openapi, |d| set(d, &format!("{PET_OUT}/properties/age/type"), json!("number"))),
        ("response-type-narrowed", openapi, |d| set(d, &format!("{PET_OUT}/properties/age/type"), json!("integer"))),
        ("response-type-changed", openapi, |d| set(d, &format!("{PET_OUT}/properties/age/type"), json!("string"))),
        ("response-nullable-added", openapi, |d| set(d, &format!("{PET_OUT}/properties/tag/nullable"), json!(true))),
        ("response-nullable-removed", openapi, |d| {
            set(d, &format!("{PET_OUT}/properties/owner/nullable"), json!(false))
        }),
        ("response-format-changed", openapi, |d| set(d, &format!("{PET_OUT}/properties/tag/format"), json!("email"))),
        ("response-enum-value-added", openapi, |d| {
            set(d, &format!("{PET_OUT}/properties/kind/enum"), json!(["cat", "dog", "eel"]))
        }),
        ("response-enum-value-removed", openapi, |d| {
            set(d, &format!("{PET_OUT}/properties/kind/enum"), json!(["cat"]))
        }),
        ("response-required-property-removed", openapi, |d| {
            remove(d, &format!("{PET_OUT}/properties/name"));
        }),
        ("response-optional-property-removed", openapi, |d| remove(d, &format!("{PET_OUT}/properties/tag"))),
        ("response-property-added", openapi, |d| {
            set(d, &format!("{PET_OUT}/properties/color"), json!({"type": "string"}))
        }),
        ("response-property-became-optional", openapi, |d| remove(d, &format!("{PET_OUT}/required/1"))),
        ("response-property-became-required", openapi, |d| set(d, &format!("{PET_OUT}/required/2"), json!("tag"))),
        ("response-variant-added", openapi, |d| {
            set(d, &format!("{PET_OUT}/properties/shape/oneOf/2"), json!({"$ref": "#/components/schemas/Triangle"}))
        }),
        ("response-variant-removed", openapi, |d| remove(d, &format!("{PET_OUT}/properties/shape/oneOf/1"))),
        ("response-discriminator-changed", openapi, |d| {
            set(d, &format!("{PET_OUT}/properties/shape/discriminator/propertyName"), json!("kind"))
        }),
        // Schema keywords whose change is neither stricter nor looser, annotations, discriminator values.
        ("request-pattern-changed", openapi, |d| {
            set(d, &format!("{PET_IN}/properties/tag/pattern"), json!("^[0-9]+$"))
        }),
        ("response-pattern-changed", openapi, |d| {
            set(d, &format!("{PET_OUT}/properties/tag/pattern"), json!("^[0-9]+$"))
        }),
        ("request-multiple-of-changed", openapi, |d| set(d, &format!("{PET_IN}/properties/age/multipleOf"), json!(2))),
        ("response-multiple-of-changed", openapi, |d| {
            set(d, &format!("{PET_OUT}/properties/age/multipleOf"), json!(2))
        }),
        ("request-not-changed", openapi, |d| set(d, &format!("{PET_IN}/properties/name/not"), json!({"enum": ["y"]}))),
        ("response-not-changed", openapi, |d| {
            set(d, &format!("{PET_OUT}/properties/name/not"), json!({"enum": ["y"]}))
        }),
        ("request-default-changed", openapi, |d| set(d, &format!("{PET_IN}/properties/age/default"), json!(2))),
        ("response-default-changed", openapi, |d| set(d, &format!("{PET_OUT}/properties/age/default"), json!(2))),
        ("request-discriminator-mapping-changed", openapi, |d| {
            remove(d, &format!("{PET_IN}/properties/shape/discriminator/mapping/square"))
        }),
        ("response-discriminator-mapping-changed", openapi, |d| {
            set(
                d,
                &format!("{PET_OUT}/properties/shape/discriminator/mapping/round"),
                json!("#/components/schemas/Triangle"),
            )
        }),
        ("request-property-became-read-only", openapi, |d| {
            set(d, &format!("{PET_IN}/properties/tag/readOnly"), json!(true))
        }),
        ("response-property-became-write-only", openapi, |d| {
            set(d, &format!("{PET_OUT}/properties/tag/writeOnly"), json!(true))
        }),
        ("schema-deprecated", openapi, |d| set(d, &format!("{PET_OUT}/properties/tag/deprecated"), json!(true))),
        ("deprecated-property-removed", openapi, |d| {
            remove(d, &format!("{PET_OUT}/properties/name"));
        }),
        ("sunset-property-removed", openapi, |d| remove(d, &format!("{PET_OUT}/properties/tag"))),
        // Parameters, headers, operations, callbacks, scopes.
        ("parameter-deprecated", openapi, |d| set(d, &format!("{OP}/parameters/1/deprecated"), json!(true))),
        ("sunset-parameter-removed", openapi, |d| remove(d, &format!("{OP}/parameters/1"))),
        ("request-parameter-allow-empty-value-removed", openapi, |d| {
            set(d, &format!("{OP}/parameters/1/allowEmptyValue"), json!(false))
        }),
        ("request-parameter-content-type-changed", openapi, |d| {
            set(d, "/paths/~1old/get/parameters/0/content", json!({"text/plain": {"schema": {"type": "string"}}}))
        }),
        ("response-header-became-optional", openapi, |d| {
            set(d, &format!("{OP}/responses/200/headers/X-Rate/required"), json!(false))
        }),
        ("response-header-became-required", openapi, |d| {
            set(d, &format!("{OP}/responses/200/headers/X-Hint/required"), json!(true))
        }),
        ("header-deprecated", openapi, |d| {
            set(d, &format!("{OP}/responses/200/headers/X-Hint/deprecated"), json!(true))
        }),
        ("operation-tags-changed", openapi, |d| set(d, &format!("{OP}/tags"), json!(["pets"]))),
        ("operation-sunset-brought-forward", openapi, |d| set(d, "/paths/~1old/get/x-sunset", json!("2998-01-01"))),
        ("callback-removed", openapi, |d| remove(d, &format!("{OP}/callbacks/onBorn"))),
        ("callback-added", openapi, |d| {
            let born = d.pointer(&format!("{OP}/callbacks/onBorn")).unwrap().clone();
            set(d, &format!("{OP}/callbacks/onDied"), born);
        }),
        ("callback-url-changed", openapi, |d| {
            let post = d.pointer(&format!("{OP}/callbacks/onBorn/{{$request.body#~1hook}}")).unwrap().clone();
            set(d, &format!("{OP}/callbacks/onBorn"), json!({"{$request.body#/callback}": post}));
        }),
        ("security-scheme-scope-removed", openapi, |d| {
            remove(d, "/components/securitySchemes/oauth/flows/clientCredentials/scopes/pets:admin")
        }),
        ("security-scheme-scope-added", openapi, |d| {
            set(d, "/components/securitySchemes/oauth/flows/clientCredentials/scopes/pets:read", json!("r"))
        }),
        // AsyncAPI.
        ("server-removed", asyncapi, |d| remove(d, "/servers/backup")),
        ("server-added", asyncapi, |d| set(d, "/servers/extra", json!({"host": "extra:1883", "protocol": "mqtt"}))),
        ("server-changed", asyncapi, |d| set(d, "/servers/main/protocol", json!("mqtt"))),
        ("channel-removed", asyncapi, |d| {
            remove(d, "/channels/spare");
            remove(d, "/operations/receiveSpare");
        }),
        ("channel-added", asyncapi, |d| set(d, "/channels/extra", json!({"address": "extra"}))),
        ("channel-address-changed", asyncapi, |d| set(d, "/channels/spare/address", json!("spare.v2"))),
        ("channel-parameter-added", asyncapi, |d| {
            set(d, "/channels/dim/address", json!("lights.{id}.{zone}.dim"));
            set(d, "/channels/dim/parameters/zone", json!({}));
        }),
        ("channel-parameter-removed", asyncapi, |d| {
            set(d, "/channels/dim/address", json!("lights.dim"));
            remove(d, "/channels/dim/parameters");
        }),
        ("event-operation-removed", asyncapi, |d| remove(d, "/operations/receiveSpare")),
        ("event-operation-added", asyncapi, |d| {
            set(d, "/operations/sendSpare", json!({"action": "send", "channel": {"$ref": "#/channels/spare"}}))
        }),
        ("event-operation-id-changed", asyncapi, |d| {
            let op = d.pointer("/operations/receiveSpare").unwrap().clone();
            remove(d, "/operations/receiveSpare");
            set(d, "/operations/readSpare", op);
        }),
        ("event-operation-action-changed", asyncapi, |d| set(d, "/operations/receiveSpare/action", json!("send"))),
        ("event-operation-channel-changed", asyncapi, |d| {
            set(d, "/operations/receiveSpare/channel", json!({"$ref": "#/channels/measured"}))
        }),
        ("event-operation-reply-added", asyncapi, |d| {
            set(d, "/operations/receiveDim/reply", json!({"channel": {"$ref": "#/channels/spare"}}))
        }),
        ("event-operation-reply-removed", asyncapi, |d| remove(d, "/operations/receiveDim/reply")),
        ("received-message-removed", asyncapi, |d| {
            set(d, "/operations/receiveDim/messages", json!([{"$ref": "#/channels/dim/messages/Flash"}]));
        }),
        ("received-message-added", asyncapi, |d| {
            set(d, "/operations/receiveDim/messages/1", json!({"$ref": "#/channels/dim/messages/Flash"}))
        }),
        ("sent-message-added", asyncapi, |d| {
            set(d, "/channels/measured/messages/Flash", json!({"$ref": "#/components/messages/Flash"}));
            set(d, "/operations/sendMeasured/messages/1", json!({"$ref": "#/channels/measured/messages/Flash"}));
        }),
        ("sent-message-removed", asyncapi, |d| {
            set(d, "/channels/measured/messages/Flash", json!({"$ref": "#/components/messages/Flash"}));
            set(d, "/operations/sendMeasured/messages", json!([{"$ref": "#/channels/measured/messages/Flash"}]));
        }),
        ("message-content-type-changed", asyncapi, |d| {
            set(d, "/components/messages/Measured/contentType", json!("application/avro"))
        }),
        ("kafka-partitions-changed", asyncapi, |d| set(d, "/channels/measured/bindings/kafka/partitions", json!(6))),
        ("kafka-key-changed", asyncapi, |d| {
            set(d, "/components/messages/Measured/bindings/kafka/key", json!({"type": "integer"}))
        }),
        ("amqp-binding-changed", asyncapi, |d| {
            set(d, "/channels/measured/bindings/amqp/exchange/name", json!("lamps"))
        }),
        ("mqtt-qos-changed", asyncapi, |d| set(d, "/operations/sendMeasured/bindings/mqtt/qos", json!(2))),
        ("mqtt-retain-changed", asyncapi, |d| set(d, "/operations/sendMeasured/bindings/mqtt/retain", json!(true))),
        ("kafka-topic-configuration-changed", asyncapi, |d| {
            set(d, "/channels/measured/bindings/kafka/topicConfiguration/cleanup.policy", json!(["compact"]))
        }),
        ("deprecated-message-removed", asyncapi, |d| {
            set(d, "/operations/receiveDim/messages", json!([{"$ref": "#/channels/dim/messages/Flash"}]));
        }),
        ("sunset-message-removed", asyncapi, |d| {
            set(d, "/operations/receiveDim/messages", json!([{"$ref": "#/channels/dim/messages/Flash"}]));
        }),
        ("event-documentation-changed", asyncapi, |d| set(d, "/operations/receiveDim/summary", json!("Dim a light"))),
        ("message-deprecated", asyncapi, |d| set(d, "/components/messages/Measured/deprecated", json!(true))),
        ("message-correlation-id-changed", asyncapi, |d| {
            set(d, "/components/messages/Measured/correlationId/location", json!("$message.payload#/cid"))
        }),
        ("message-schema-format-changed", asyncapi, |d| {
            set(d, "/components/messages/Raw/payload", json!({"type": "object"}))
        }),
        ("message-opaque-payload-changed", asyncapi, |d| {
            set(d, "/components/messages/Raw/payload/schema/fields/0/type", json!("long"))
        }),
        ("channel-parameter-location-changed", asyncapi, |d| {
            set(d, "/channels/measured/parameters/id/location", json!("$message.header#/id"))
        }),
        // With `--rust`.
        ("rust-method-renamed", openapi, |d| set(d, &format!("{OP}/operationId"), json!("makePet"))),
        ("rust-argument-added", openapi, |d| {
            set(
                d,
                &format!("{OP}/parameters/3"),
                json!({"name": "x", "in": "query", "required": true, "schema": {"type": "string"}}),
            )
        }),
        ("rust-struct-field-added", openapi, |d| {
            set(d, &format!("{PET_OUT}/properties/color"), json!({"type": "string"}))
        }),
        ("rust-struct-field-removed", openapi, |d| remove(d, &format!("{PET_OUT}/properties/tag"))),
        ("rust-field-type-changed", openapi, |d| remove(d, &format!("{PET_OUT}/required/1"))),
        ("schema-removed", openapi, |d| remove(d, "/components/schemas/Triangle")),
        ("schema-added", openapi, |d| set(d, "/components/schemas/Hexagon", json!({"type": "object"}))),
        ("comparison-cut-short", openapi, |d| set(d, &format!("/components/schemas/D{DEEP}/type"), json!("integer"))),
        ("rust-type-removed", openapi, |d| remove(d, "/components/schemas/Triangle")),
        ("rust-method-removed", openapi, |d| remove(d, "/paths/~1old")),
        ("rust-argument-removed", openapi, |d| set(d, &format!("{OP}/parameters/2/required"), json!(false))),
        ("rust-enum-variant-added", openapi, |d| {
            set(d, &format!("{PET_OUT}/properties/kind/enum"), json!(["cat", "dog", "eel"]))
        }),
        ("rust-enum-variant-removed", openapi, |d| set(d, &format!("{PET_OUT}/properties/kind/enum"), json!(["cat"]))),
    ]
}

/// The old document for a case: most start from the base, a few from what
/// the edit takes away or changes the meaning of.
/// How many schemas the chain for `comparison-cut-short` holds, each the
/// only property of the one before: past the depth comparisons go to.
const DEEP: usize = 140;

fn old_for(rule: &str, base: Value) -> Value {
    let mut old = base;
    match rule {
        "comparison-cut-short" => {
            for i in 0..DEEP {
                let next = json!({"$ref": format!("#/components/schemas/D{}", i + 1)});
                set(
                    &mut old,
                    &format!("/components/schemas/D{i}"),
                    json!({"type": "object", "properties": {"d": next}}),
                );
            }
            set(&mut old, &format!("/components/schemas/D{DEEP}"), json!({"type": "string"}));
            set(&mut old, &format!("{PET_IN}/properties/deep"), json!({"$ref": "#/components/schemas/D0"}));
        }
        "deprecated-operation-removed" => set(&mut old, "/paths/~1old/get/deprecated", json!(true)),
        "sunset-operation-removed" => {
            set(&mut old, "/paths/~1old/get/deprecated", json!(true));
            set(&mut old, "/paths/~1old/get/x-sunset", json!("2020-01-01"));
        }
        "request-type-narrowed" => set(&mut old, &format!("{PET_IN}/properties/age/type"), json!("number")),
        "response-type-narrowed" => set(&mut old, &format!("{PET_OUT}/properties/age/type"), json!("number")),
        "request-parameter-allow-empty-value-removed" => {
            set(&mut old, &format!("{OP}/parameters/1/allowEmptyValue"), json!(true))
        }
        "request-not-changed" => set(&mut old, &format!("{PET_IN}/properties/name/not"), json!({"enum": ["x"]})),
        "response-not-changed" => set(&mut old, &format!("{PET_OUT}/properties/name/not"), json!({"enum": ["x"]})),
        "deprecated-property-removed" => set(&mut old, &format!("{PET_OUT}/properties/name/deprecated"), json!(true)),
        "sunset-property-removed" => {
            set(&mut old, &format!("{PET_OUT}/properties/tag/deprecated"), json!(true));
            set(&mut old, &format!("{PET_OUT}/properties/tag/x-sunset"), json!("2020-01-01"));
        }
        "sunset-parameter-removed" => {
            set(&mut old, &format!("{OP}/parameters/1/deprecated"), json!(true));
            set(&mut old, &format!("{OP}/parameters/1/x-sunset"), json!("2020-01-01"));
        }
        "operation-sunset-brought-forward" => {
            set(&mut old, "/paths/~1old/get/deprecated", json!(true));
            set(&mut old, "/paths/~1old/get/x-sunset", json!("2999-01-01"));
        }
        "deprecated-message-removed" => set(&mut old, "/components/messages/Dim/deprecated", json!(true)),
        "sunset-message-removed" => {
            set(&mut old, "/components/messages/Dim/deprecated", json!(true));
            set(&mut old, "/components/messages/Dim/x-sunset", json!("2020-01-01"));
        }
        "event-operation-reply-removed" => {
            set(&mut old, "/operations/receiveDim/reply", json!({"channel": {"$ref": "#/channels/spare"}}))
        }
        "request-body-became-required" => set(&mut old, &format!("{OP}/requestBody/required"), json!(false)),
        _ => {}
    }
    old
}

#[test]
fn every_rule_is_raised_by_its_case() {
    let cases = cases();
    let families: Vec<String> = keywords()
        .iter()
        .flat_map(|k| [k.stricter, k.looser])
        .flat_map(|r| [format!("request-{r}"), format!("response-{r}")])
        .collect();
    for rule in RULES.iter() {
        let covered = cases.iter().any(|(id, _, _)| *id == rule.id) || families.iter().any(|f| f == rule.id);
        assert!(covered, "no case for {}", rule.id);
    }
    let mut missed = Vec::new();
    for (rule, base, edit) in cases {
        let old = old_for(rule, base());
        let mut new = old.clone();
        edit(&mut new);
        let options = Options { rust: rule.starts_with("rust-") };
        let found = diff_with(&load("old.json", &old), &load("new.json", &new), options);
        let Some(hit) = found.iter().find(|c| c.rule == rule) else {
            missed.push(format!("{rule}: got {:?}", found.iter().map(|c| c.rule).collect::<Vec<_>>()));
            continue;
        };
        assert_eq!(hit.level, rule_by_id(rule).unwrap().level);
        let place = hit.new.as_ref().or(hit.old.as_ref()).expect("a place");
        assert!(place.line > 0 && place.file.ends_with(".json"), "{rule}: {place:?}");
    }
    assert!(missed.is_empty(), "rules not raised by their cases:\n{}", missed.join("\n"));
}

#[test]
fn a_document_against_itself_has_no_changes() {
    assert!(changes(&openapi(), &openapi()).is_empty());
    assert!(changes(&asyncapi(), &asyncapi()).is_empty());
}
