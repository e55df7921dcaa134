//! The documents the rule tests start from, the edits they make, and the
//! keyword families judged both ways.

#![allow(dead_code)] // Each test file uses some of these.

use serde_json::{json, Value};
use specwright_diff::{diff, Change};
use specwright_spec::Loader;

pub const PET_IN: &str = "/components/schemas/PetIn";
pub const PET_OUT: &str = "/components/schemas/PetOut";
pub const OP: &str = "/paths/~1pets~1{id}/post";

pub fn openapi() -> Value {
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
pub fn webhooks() -> Value {
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

pub fn asyncapi() -> Value {
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

pub fn set(doc: &mut Value, pointer: &str, value: Value) {
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

pub fn remove(doc: &mut Value, pointer: &str) {
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

pub fn load(name: &str, v: &Value) -> specwright_spec::Loaded {
    let loaded = Loader::new().load_str(name, &serde_json::to_string_pretty(v).unwrap());
    assert!(!loaded.has_errors(), "{name}: {:?}", loaded.diagnostics);
    loaded
}

pub fn changes(old: &Value, new: &Value) -> Vec<Change> {
    diff(&load("old.json", old), &load("new.json", new))
}

/// A keyword family: its stricter and looser rule (without `request-` or
/// `response-`), where in the pet schema it goes (`""` for the pet itself),
/// and for each of the two, the keyword's value before and after (`None`: absent).
pub struct Keyword {
    pub stricter: &'static str,
    pub looser: &'static str,
    pub at: &'static str,
    pub keyword: &'static str,
    pub tighten: (Option<Value>, Option<Value>),
    pub loosen: (Option<Value>, Option<Value>),
}

pub fn keywords() -> Vec<Keyword> {
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
