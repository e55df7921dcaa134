//! How changes are judged: the same schema edit in a request and in a
//! response, in a received and a sent message, each keyword both ways, and
//! changes of text that are not changes of meaning.

mod common;

use common::*;
use serde_json::{json, Value};
use specwright_diff::{diff_with, rule_by_id, Level, Options};

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

/// `allOf` chains of any length are merged whole: a property required at
/// the end of a chain of 40 is as required as one of the schema's own (the
/// merge once stopped at 16 parts and reported nothing past them).
#[test]
fn changes_at_the_end_of_long_all_of_chains_are_found() {
    let chained = |required: bool| {
        let mut doc = openapi();
        for i in 0..40 {
            let part = json!({"allOf": [{"$ref": format!("#/components/schemas/C{}", i + 1)}]});
            set(&mut doc, &format!("/components/schemas/C{i}"), part);
        }
        let last = json!({"type": "object", "properties": {"z": {"type": "string"}}});
        set(&mut doc, "/components/schemas/C40", last);
        if required {
            set(&mut doc, "/components/schemas/C40/required", json!(["z"]));
        }
        set(&mut doc, &format!("{PET_IN}/properties/chain"), json!({"$ref": "#/components/schemas/C0"}));
        doc
    };
    let found: Vec<&str> = changes(&chained(false), &chained(true)).iter().map(|c| c.rule).collect();
    assert_eq!(found, ["request-property-became-required"], "{found:?}");
}

/// Objects of thousands of properties compare by name, not by scanning a
/// list for each: 40,000 properties took minutes.
#[test]
fn objects_of_thousands_of_properties_compare_in_linear_time() {
    let with = |count: usize| {
        let mut doc = openapi();
        let properties: serde_json::Map<String, Value> =
            (0..count).map(|i| (format!("p{i}"), json!({"type": "string"}))).collect();
        set(&mut doc, &format!("{PET_IN}/properties"), Value::Object(properties));
        doc
    };
    let started = std::time::Instant::now();
    let found: Vec<&str> = changes(&with(40_000), &with(39_999)).iter().map(|c| c.rule).collect();
    assert_eq!(found, ["request-property-removed"]);
    assert!(started.elapsed() < std::time::Duration::from_secs(60), "a hang guard, not a speed target");
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
