//! Every rule, each from a pair of documents that differ in one place; the
//! same schema change judged in a request and in a response, and in a
//! received and a sent message; and a document diffed against itself.

use serde_json::{json, Value};
use specwright_diff::{diff, diff_with, rule_by_id, Change, Level, Options, RULES};
use specwright_spec::Loader;

fn openapi() -> Value {
    let pet = json!({
        "type": "object",
        "required": ["name", "kind"],
        "properties": {
            "name": {"type": "string", "maxLength": 50, "minLength": 1},
            "kind": {"type": "string", "enum": ["cat", "dog"]},
            "tag": {"type": "string", "format": "uuid", "pattern": "^[a-z0-9-]+$"},
            "age": {"type": "integer", "minimum": 0, "default": 1, "multipleOf": 1},
            "owner": {"type": "string", "nullable": true},
            "shape": {"oneOf": [{"$ref": "#/components/schemas/Round"}, {"$ref": "#/components/schemas/Square"}],
                      "discriminator": {"propertyName": "form", "mapping": {
                          "round": "#/components/schemas/Round", "square": "#/components/schemas/Square"}}},
            "tags": {"type": "array", "items": {"type": "string"}}
        }
    });
    json!({
        "openapi": "3.0.3",
        "info": {"title": "Pets", "version": "1"},
        "security": [{"key": []}],
        "paths": {
            "/pets/{id}": {"post": {
                "operationId": "createPet",
                "summary": "Create",
                "parameters": [
                    {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}},
                    {"name": "limit", "in": "query", "schema": {"type": "integer"}},
                    {"name": "trace", "in": "header", "required": true, "schema": {"type": "string"}}
                ],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PetIn"}}}},
                "responses": {
                    "200": {"description": "ok",
                            "headers": {"X-Rate": {"required": true, "schema": {"type": "integer"}},
                                        "X-Hint": {"schema": {"type": "string"}}},
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PetOut"}}}},
                    "404": {"description": "not found"}
                },
                "security": [{"key": []}, {"oauth": ["pets:write"]}],
                "callbacks": {"onBorn": {"{$request.body#/hook}": {"post": {
                    "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"id": {"type": "string"}}}}}},
                    "responses": {"200": {"description": "ok"}}}}}}
            }},
            "/open": {"get": {"operationId": "open", "security": [], "responses": {"200": {"description": "ok"}}}},
            "/old": {"get": {"operationId": "old", "responses": {"200": {"description": "ok"}},
                "parameters": [{"name": "filter", "in": "query", "content": {"application/json": {"schema": {"type": "object"}}}}]}}
        },
        "components": {
            "securitySchemes": {
                "key": {"type": "apiKey", "in": "header", "name": "X-Key"},
                "oauth": {"type": "oauth2", "flows": {"clientCredentials": {"tokenUrl": "https://x/token", "scopes": {"pets:write": "w", "pets:admin": "a"}}}},
                "basic": {"type": "http", "scheme": "basic"}
            },
            "schemas": {
                "PetIn": pet.clone(),
                "PetOut": pet,
                "Round": {"type": "object", "properties": {"form": {"type": "string"}, "r": {"type": "number"}}},
                "Square": {"type": "object", "properties": {"form": {"type": "string"}, "side": {"type": "number"}}},
                "Triangle": {"type": "object", "properties": {"form": {"type": "string"}}}
            }
        }
    })
}

/// OpenAPI 3.1 with a webhook: a request the API sends.
fn webhooks() -> Value {
    json!({
        "openapi": "3.1.0",
        "info": {"title": "Pets", "version": "1"},
        "webhooks": {"petBorn": {"post": {
            "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["id"],
                "properties": {"id": {"type": "string"}, "weight": {"type": "integer", "maximum": 100}}}}}},
            "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {
                "type": "object", "properties": {"seen": {"type": "boolean"}}}}}}}
        }}}
    })
}

fn asyncapi() -> Value {
    let reading = json!({"type": "object", "required": ["id"], "properties": {
        "id": {"type": "string"}, "lux": {"type": "integer", "maximum": 1000}, "unit": {"type": "string", "enum": ["lx"]}}});
    json!({
        "asyncapi": "3.0.0",
        "info": {"title": "Lights", "version": "1"},
        "servers": {"main": {"host": "broker:9092", "protocol": "kafka"}, "backup": {"host": "backup:9092", "protocol": "kafka"}},
        "channels": {
            "measured": {"address": "lights.{id}.measured", "parameters": {"id": {"location": "$message.payload#/id"}},
                         "messages": {"Measured": {"$ref": "#/components/messages/Measured"}},
                         "bindings": {"kafka": {"partitions": 3, "topic": "measured", "topicConfiguration": {"cleanup.policy": ["delete"]}},
                                      "amqp": {"is": "routingKey", "exchange": {"name": "lights", "type": "topic"}}}},
            "dim": {"address": "lights.{id}.dim", "parameters": {"id": {}},
                    "messages": {"Dim": {"$ref": "#/components/messages/Dim"}, "Flash": {"$ref": "#/components/messages/Flash"}}},
            "spare": {"address": "spare", "messages": {}},
            "raw": {"address": "raw", "messages": {"Raw": {"$ref": "#/components/messages/Raw"}}}
        },
        "operations": {
            "sendMeasured": {"action": "send", "channel": {"$ref": "#/channels/measured"},
                             "messages": [{"$ref": "#/channels/measured/messages/Measured"}],
                             "bindings": {"mqtt": {"qos": 1, "retain": false}}},
            "receiveDim": {"action": "receive", "channel": {"$ref": "#/channels/dim"},
                           "messages": [{"$ref": "#/channels/dim/messages/Dim"}]},
            "receiveSpare": {"action": "receive", "channel": {"$ref": "#/channels/spare"}},
            "receiveRaw": {"action": "receive", "channel": {"$ref": "#/channels/raw"},
                           "messages": [{"$ref": "#/channels/raw/messages/Raw"}]}
        },
        "components": {"messages": {
            "Measured": {"name": "Measured", "contentType": "application/json", "payload": reading.clone(),
                         "correlationId": {"location": "$message.header#/cid"},
                         "bindings": {"kafka": {"key": {"type": "string"}}}},
            "Dim": {"name": "Dim", "contentType": "application/json", "payload": reading.clone()},
            "Flash": {"name": "Flash", "payload": {"type": "object"}},
            "Raw": {"name": "Raw", "payload": {"schemaFormat": "application/vnd.apache.avro;version=1.9.0",
                    "schema": {"type": "record", "name": "Raw", "fields": [{"name": "id", "type": "string"}]}}}
        }}
    })
}

fn set(doc: &mut Value, pointer: &str, value: Value) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let key = key.replace("~1", "/").replace("~0", "~");
    match doc.pointer_mut(parent).unwrap_or_else(|| panic!("no {parent}")) {
        Value::Object(map) => {
            map.insert(key, value);
        }
        Value::Array(list) => {
            let i: usize = key.parse().unwrap();
            if i == list.len() {
                list.push(value)
            } else {
                list[i] = value
            }
        }
        other => panic!("{pointer}: {other}"),
    }
}

fn remove(doc: &mut Value, pointer: &str) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let key = key.replace("~1", "/").replace("~0", "~");
    match doc.pointer_mut(parent).unwrap_or_else(|| panic!("no {parent}")) {
        Value::Object(map) => {
            map.shift_remove(&key).unwrap_or_else(|| panic!("no {pointer}"));
        }
        Value::Array(list) => {
            list.remove(key.parse().unwrap());
        }
        other => panic!("{pointer}: {other}"),
    }
}

fn load(name: &str, v: &Value) -> specwright_spec::Loaded {
    let loaded = Loader::new().load_str(name, &serde_json::to_string_pretty(v).unwrap());
    assert!(!loaded.has_errors(), "{name}: {:?}", loaded.diagnostics);
    loaded
}

fn changes(old: &Value, new: &Value) -> Vec<Change> {
    diff(&load("old.json", old), &load("new.json", new))
}

type Edit = fn(&mut Value);
/// A rule, the document a case starts from, and the edit that should raise it.
type Case = (&'static str, fn() -> Value, Edit);

const PET_IN: &str = "/components/schemas/PetIn";
const PET_OUT: &str = "/components/schemas/PetOut";
const OP: &str = "/paths/~1pets~1{id}/post";

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
        ("rust-type-removed", openapi, |d| remove(d, "/components/schemas/Triangle")),
        ("rust-method-removed", openapi, |d| remove(d, "/paths/~1old")),
        ("rust-argument-removed", openapi, |d| set(d, &format!("{OP}/parameters/2/required"), json!(false))),
        ("rust-enum-variant-added", openapi, |d| {
            set(d, &format!("{PET_OUT}/properties/kind/enum"), json!(["cat", "dog", "eel"]))
        }),
        ("rust-enum-variant-removed", openapi, |d| set(d, &format!("{PET_OUT}/properties/kind/enum"), json!(["cat"]))),
    ]
}

/// A keyword family: its stricter and looser rule (without `request-` or
/// `response-`), where in the pet schema it goes (`""` for the pet itself),
/// and for each of the two, the keyword's value before and after (`None`: absent).
struct Keyword {
    stricter: &'static str,
    looser: &'static str,
    at: &'static str,
    keyword: &'static str,
    tighten: (Option<Value>, Option<Value>),
    loosen: (Option<Value>, Option<Value>),
}

fn keywords() -> Vec<Keyword> {
    let k = |stricter, looser, at, keyword, tighten, loosen| Keyword { stricter, looser, at, keyword, tighten, loosen };
    let (some, none) = (Some, None::<Value>);
    vec![
        k(
            "max-decreased",
            "max-increased",
            "/properties/age",
            "maximum",
            (some(json!(100)), some(json!(50))),
            (some(json!(100)), none.clone()),
        ),
        k(
            "min-increased",
            "min-decreased",
            "/properties/age",
            "minimum",
            (some(json!(0)), some(json!(5))),
            (some(json!(0)), some(json!(-5))),
        ),
        k(
            "max-decreased",
            "max-increased",
            "/properties/age",
            "exclusiveMaximum",
            (none.clone(), some(json!(10))),
            (some(json!(10)), some(json!(20))),
        ),
        k(
            "max-length-decreased",
            "max-length-increased",
            "/properties/name",
            "maxLength",
            (some(json!(50)), some(json!(20))),
            (some(json!(50)), some(json!(80))),
        ),
        k(
            "min-length-increased",
            "min-length-decreased",
            "/properties/name",
            "minLength",
            (some(json!(1)), some(json!(2))),
            (some(json!(1)), none.clone()),
        ),
        k(
            "max-items-decreased",
            "max-items-increased",
            "/properties/tags",
            "maxItems",
            (none.clone(), some(json!(5))),
            (some(json!(5)), some(json!(9))),
        ),
        k(
            "min-items-increased",
            "min-items-decreased",
            "/properties/tags",
            "minItems",
            (some(json!(1)), some(json!(2))),
            (some(json!(1)), some(json!(0))),
        ),
        k(
            "max-properties-decreased",
            "max-properties-increased",
            "",
            "maxProperties",
            (some(json!(10)), some(json!(8))),
            (some(json!(10)), none.clone()),
        ),
        k(
            "min-properties-increased",
            "min-properties-decreased",
            "",
            "minProperties",
            (none.clone(), some(json!(2))),
            (some(json!(2)), some(json!(1))),
        ),
        k(
            "pattern-added",
            "pattern-removed",
            "/properties/name",
            "pattern",
            (none.clone(), some(json!("^[a-z]+$"))),
            (some(json!("^[a-z]+$")), none.clone()),
        ),
        k(
            "multiple-of-added",
            "multiple-of-removed",
            "/properties/tags/items",
            "multipleOf",
            (none.clone(), some(json!(2))),
            (some(json!(2)), none.clone()),
        ),
        k(
            "unique-items-added",
            "unique-items-removed",
            "/properties/tags",
            "uniqueItems",
            (none.clone(), some(json!(true))),
            (some(json!(true)), none.clone()),
        ),
        k(
            "enum-introduced",
            "enum-lifted",
            "/properties/name",
            "enum",
            (none.clone(), some(json!(["a", "b"]))),
            (some(json!(["a"])), none.clone()),
        ),
        k(
            "not-added",
            "not-removed",
            "/properties/name",
            "not",
            (none.clone(), some(json!({"enum": ["x"]}))),
            (some(json!({"enum": ["x"]})), none.clone()),
        ),
        k(
            "additional-properties-closed",
            "additional-properties-opened",
            "",
            "additionalProperties",
            (some(json!(true)), some(json!(false))),
            (some(json!(false)), none),
        ),
    ]
}

/// Each keyword made stricter and looser, in a request and in a response:
/// one change each, of the family's rule and level.
#[test]
fn every_keyword_is_judged_both_ways() {
    let place = |d: &mut Value, pointer: &str, value: &Option<Value>| match value {
        Some(v) => set(d, pointer, v.clone()),
        None if d.pointer(pointer).is_some() => remove(d, pointer),
        None => {}
    };
    let mut wrong = Vec::new();
    for k in keywords() {
        for (schema, side) in [(PET_IN, "request"), (PET_OUT, "response")] {
            let pointer = format!("{schema}{}/{}", k.at, k.keyword);
            for (rule, (before, after)) in [(k.stricter, &k.tighten), (k.looser, &k.loosen)] {
                let (mut old, mut new) = (openapi(), openapi());
                place(&mut old, &pointer, before);
                place(&mut new, &pointer, after);
                let rule = format!("{side}-{rule}");
                let found: Vec<(&str, Level)> = changes(&old, &new).iter().map(|c| (c.rule, c.level)).collect();
                let expected = rule_by_id(&rule).unwrap_or_else(|| panic!("no rule {rule}"));
                if found != [(expected.id, expected.level)] {
                    wrong.push(format!("{pointer} {before:?} → {after:?}: wanted {rule}, got {found:?}"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The old document for a case: most start from the base, a few from what
/// the edit takes away or changes the meaning of.
fn old_for(rule: &str, base: Value) -> Value {
    let mut old = base;
    match rule {
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

/// The same schema edit, judged by the way values flow.
#[test]
fn direction_decides_the_verdict() {
    let level_of = |base: fn() -> Value, edit: &dyn Fn(&mut Value)| -> Vec<(&'static str, Level)> {
        let old = base();
        let mut new = old.clone();
        edit(&mut new);
        changes(&old, &new).into_iter().map(|c| (c.rule, c.level)).collect()
    };
    // A new required property: breaks a request, not a response.
    let add_required = |schema: &str| {
        let schema = schema.to_string();
        move |d: &mut Value| {
            set(d, &format!("{schema}/properties/color"), json!({"type": "string"}));
            set(d, &format!("{schema}/required/2"), json!("color"));
        }
    };
    assert_eq!(level_of(openapi, &add_required(PET_IN)), [("request-required-property-added", Level::Breaking)]);
    assert_eq!(level_of(openapi, &add_required(PET_OUT)), [("response-property-added", Level::Info)]);
    // A widened type: fine to accept, not fine to give.
    let widen =
        |schema: &'static str| move |d: &mut Value| set(d, &format!("{schema}/properties/age/type"), json!("number"));
    assert_eq!(level_of(openapi, &widen(PET_IN)), [("request-type-widened", Level::Info)]);
    assert_eq!(level_of(openapi, &widen(PET_OUT)), [("response-type-widened", Level::Breaking)]);
    // In AsyncAPI, a received message is read like a request, a sent one like a response.
    let lower = |message: &'static str| {
        move |d: &mut Value| {
            set(d, &format!("/components/messages/{message}/payload/properties/lux/maximum"), json!(10))
        }
    };
    assert_eq!(level_of(asyncapi, &lower("Dim")), [("request-max-decreased", Level::Breaking)]);
    assert_eq!(level_of(asyncapi, &lower("Measured")), [("response-max-decreased", Level::Info)]);
    // AsyncAPI 2.x `publish` is what the application receives.
    let v2 = |payload_max: u64| {
        json!({"asyncapi": "2.6.0", "info": {"title": "t", "version": "1"}, "channels": {"c": {
            "publish": {"operationId": "onC", "message": {"name": "M", "payload": {"type": "integer", "maximum": payload_max}}}}}})
    };
    let found: Vec<_> = changes(&v2(10), &v2(5)).into_iter().map(|c| c.rule).collect();
    assert_eq!(found, ["request-max-decreased"]);
}

/// A `$ref` that now points elsewhere, to an equal schema, is no change to
/// the request: only the new name is news.
#[test]
fn meaning_not_text() {
    let old = openapi();
    let mut new = old.clone();
    set(&mut new, "/components/schemas/PetIn2", old.pointer(PET_IN).unwrap().clone());
    set(
        &mut new,
        &format!("{OP}/requestBody/content/application~1json/schema"),
        json!({"$ref": "#/components/schemas/PetIn2"}),
    );
    let found: Vec<_> = changes(&old, &new).into_iter().map(|c| c.rule).collect();
    assert_eq!(found, ["schema-added"]);
}

/// `anyOf` of a schema and `null` is that schema made nullable, not a
/// union of new alternatives.
#[test]
fn a_nullable_union_is_a_nullable_schema() {
    let old = asyncapi();
    let mut new = old.clone();
    set(
        &mut new,
        "/components/messages/Dim/payload/properties/id",
        json!({"anyOf": [{"type": "string"}, {"type": "null"}]}),
    );
    let found: Vec<_> = changes(&old, &new).into_iter().map(|c| c.rule).collect();
    assert_eq!(found, ["request-nullable-added"]);
}

/// `allOf` parts that come round to the schema again (found by hand: the
/// type lookup recursed until the stack ran out).
#[test]
fn all_of_cycles_end() {
    let doc = |extra: Value| {
        let mut a = json!({"allOf": [{"$ref": "#/components/schemas/B"}]});
        a.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        json!({"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
            "paths": {"/a": {"post": {
                "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/A"}}}},
                "responses": {"200": {"description": "ok"}}}}},
            "components": {"schemas": {"A": a, "B": {"allOf": [{"$ref": "#/components/schemas/A"}]}}}})
    };
    let found: Vec<_> = changes(&doc(json!({})), &doc(json!({"type": "object"}))).into_iter().map(|c| c.rule).collect();
    assert_eq!(found, ["request-type-narrowed"]);
}

/// An added response field is news to a client over HTTP, but breaks a struct
/// literal in Rust code built on the old generated crate.
#[test]
fn the_rust_view_adds_to_the_contract_view() {
    let old = openapi();
    let mut new = old.clone();
    set(&mut new, &format!("{PET_OUT}/properties/color"), json!({"type": "string"}));
    let rules = |rust| -> Vec<&'static str> {
        diff_with(&load("old.json", &old), &load("new.json", &new), Options { rust })
            .into_iter()
            .map(|c| c.rule)
            .collect()
    };
    assert_eq!(rules(false), ["response-property-added"]);
    assert_eq!(rules(true), ["rust-struct-field-added", "response-property-added"]);
}

/// A webhook's body is written by the API, its answer read by it: the
/// reverse of an operation's.
#[test]
fn a_webhook_flows_the_other_way() {
    let old = webhooks();
    let mut new = old.clone();
    let body = "/webhooks/petBorn/post/requestBody/content/application~1json/schema";
    set(&mut new, &format!("{body}/properties/weight/maximum"), json!(1000));
    let found: Vec<_> = changes(&old, &new).into_iter().map(|c| c.rule).collect();
    assert_eq!(found, ["response-max-increased"]);
    let mut new = old.clone();
    let answer = "/webhooks/petBorn/post/responses/200/content/application~1json/schema";
    set(&mut new, &format!("{answer}/required"), json!(["seen"]));
    let found: Vec<_> = changes(&old, &new).into_iter().map(|c| c.rule).collect();
    assert_eq!(found, ["request-property-became-required"]);
}

/// Schemas inside keywords are compared too: a map's values, and a channel
/// parameter's allowed values (whoever fills the address in must still be
/// allowed the values it uses).
#[test]
fn schemas_under_other_keywords_are_compared() {
    let old = openapi();
    let mut new = old.clone();
    set(&mut new, &format!("{PET_IN}/additionalProperties"), json!({"type": "integer"}));
    let mut was = old.clone();
    set(&mut was, &format!("{PET_IN}/additionalProperties"), json!({"type": "string"}));
    let found: Vec<_> = changes(&was, &new).into_iter().map(|c| c.rule).collect();
    assert_eq!(found, ["request-type-changed"]);

    let mut old = asyncapi();
    set(&mut old, "/channels/dim/parameters/id", json!({"enum": ["kitchen", "hall"]}));
    let mut new = old.clone();
    set(&mut new, "/channels/dim/parameters/id/enum", json!(["kitchen"]));
    let found: Vec<_> = changes(&old, &new).into_iter().map(|c| c.rule).collect();
    assert_eq!(found, ["request-enum-value-removed"]);
}

/// Notes beside a `$ref` (OpenAPI 3.1) belong to that use of the schema: a
/// property deprecated where it refers to a shared schema is reported, even
/// though the shared schema was compared already through another property.
#[test]
fn notes_beside_a_reference_belong_to_the_use() {
    let doc = |deprecated: bool| {
        let mut second = json!({"$ref": "#/components/schemas/Tag"});
        if deprecated {
            second["deprecated"] = json!(true);
        }
        json!({"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
            "paths": {"/a": {"get": {"responses": {"200": {"description": "ok", "content": {"application/json": {
                "schema": {"type": "object", "properties": {"first": {"$ref": "#/components/schemas/Tag"}, "second": second}}}}}}}}},
            "components": {"schemas": {"Tag": {"type": "string"}}}})
    };
    let found: Vec<_> = changes(&doc(false), &doc(true)).into_iter().map(|c| (c.rule, c.message)).collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "schema-deprecated");
    assert!(found[0].1.contains("second"), "{found:?}");
}
