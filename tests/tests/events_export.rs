//! Code first: an AsyncAPI 3.0 document from `Event` types, with schemas
//! from schemars. Events written by hand export a document that loads and
//! generates code again; and the crate generated from
//! `specs/order-events.yaml` exports a document with the same operations,
//! messages and payload fields as the spec it came from.

use std::collections::BTreeSet;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use specwright_codegen::{CrateOptions, RuntimeDep};
use specwright_runtime::events::export::AsyncApi;
use specwright_runtime::events::Event;
use specwright_spec::ir::{Api, Payload, SchemaId};
use specwright_spec::Loader;

#[derive(Serialize, Deserialize, JsonSchema, Event)]
#[event(name = "OrderPlaced", channel = "shop.{region}.placed", key = order_id, version = 2)]
struct OrderPlaced {
    order_id: String,
    region: String,
    total_cents: u64,
    note: Option<String>,
}

#[derive(Serialize, Deserialize, JsonSchema, Event)]
#[event(name = "PaymentDeclined", channel = "shop.payments.declined")]
struct PaymentDeclined {
    order_id: String,
    reason: Reason,
}

#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
enum Reason {
    CardDeclined,
    Expired,
}

fn load(json: &str) -> Api {
    let loaded = Loader::new().load_str("exported.json", json);
    assert!(!loaded.has_errors(), "{:?}\n{json}", loaded.diagnostics);
    loaded.api.expect("a model")
}

/// Each operation as (action, channel address, message names, reply message names).
fn operations(api: &Api) -> BTreeSet<(String, String, Vec<String>, Vec<String>)> {
    let name = |id: &String| api.messages[id].name.clone().unwrap_or_else(|| id.clone());
    api.event_operations
        .iter()
        .map(|op| {
            let address = api.channels[&op.channel].address.clone().unwrap_or_default();
            let mut messages: Vec<String> = op.messages.iter().map(name).collect();
            messages.sort();
            let mut replies: Vec<String> = op.reply.iter().flat_map(|r| r.messages.iter().map(name)).collect();
            replies.sort();
            (format!("{:?}", op.action), address, messages, replies)
        })
        .collect()
}

/// A schema with the references that only stand for another followed.
fn resolved(api: &Api, mut id: SchemaId) -> &specwright_spec::ir::Schema {
    loop {
        let schema = &api.schemas.entry(id).schema;
        match schema.reference {
            Some(target) if schema.properties.is_empty() => id = target,
            _ => return schema,
        }
    }
}

/// Each message's payload as its property names and its required ones.
fn payloads(api: &Api) -> BTreeSet<(String, Vec<String>, Vec<String>)> {
    api.messages
        .iter()
        .filter_map(|(id, m)| {
            let Some(Payload::Schema(payload)) = &m.payload else { return None };
            let schema = resolved(api, *payload);
            let mut required = schema.required.clone();
            required.sort();
            let properties = schema.properties.keys().cloned().collect();
            Some((m.name.clone().unwrap_or_else(|| id.clone()), properties, required))
        })
        .collect()
}

#[test]
fn hand_written_events_export_a_document_that_generates_code_again() {
    let document = AsyncApi::new("Shop", "1.0.0")
        .description("Orders and payments.")
        .send::<OrderPlaced>()
        .receive::<PaymentDeclined>()
        .to_json();
    let api = load(&document);
    assert_eq!(api.info.title, "Shop");
    let expected = [
        ("Receive", "shop.payments.declined", vec!["PaymentDeclined"], vec![]),
        ("Send", "shop.{region}.placed", vec!["OrderPlaced"], vec![]),
    ];
    let expected: BTreeSet<_> = expected
        .into_iter()
        .map(|(a, c, m, r): (&str, &str, Vec<&str>, Vec<&str>)| {
            (
                a.to_string(),
                c.to_string(),
                m.into_iter().map(String::from).collect(),
                r.into_iter().map(String::from).collect(),
            )
        })
        .collect();
    assert_eq!(operations(&api), expected);
    let placed = &api.channels.values().find(|c| c.address.as_deref() == Some("shop.{region}.placed")).unwrap();
    assert_eq!(placed.parameters.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["region"]);
    let fields = payloads(&api);
    assert!(fields.contains(&(
        "OrderPlaced".into(),
        vec!["order_id".into(), "region".into(), "total_cents".into(), "note".into()],
        vec!["order_id".into(), "region".into(), "total_cents".into()],
    )));

    // The document generates a crate again, without a complaint.
    let options =
        CrateOptions { events: true, runtime: RuntimeDep::Path("../runtime".into()), ..CrateOptions::default() };
    let generated = specwright_codegen::generate(&api, &options);
    assert!(generated.diagnostics.is_empty(), "{:?}", generated.diagnostics);
    let events = &generated.files.iter().find(|(p, _)| p.ends_with("src/events.rs")).unwrap().1;
    assert!(events.contains("pub struct OrderPlaced(pub super::types::OrderPlaced)"), "{events}");
    assert!(events.contains("fn receive_shop_payments_declined("), "{events}");
}

#[test]
fn the_generated_crate_exports_the_spec_it_came_from() {
    use order_flow_events::events::*;
    let spec = specwright_tests::specs_dir().join("order-events.yaml");
    let original = Loader::new().load_file(&spec).unwrap().api.unwrap();
    // The application's operations, as the spec lists them.
    let document = AsyncApi::new(&original.info.title, &original.info.version)
        .server("kafka", "localhost:9092", "kafka")
        .server("nats", "localhost:4222", "nats")
        .send::<OrderCreated>()
        .receive::<OrderCreated>()
        .send::<InventoryLow>()
        .receive::<InventoryLow>()
        .send::<PaymentFailed>()
        .receive::<PaymentFailed>()
        .send_request::<CheckStockRequest, CheckStockReply>()
        .receive_request::<CheckStockRequest, CheckStockReply>()
        .to_json();
    let exported = load(&document);
    // The spec has several receiving operations on one channel (one per
    // service); the export has one per action and channel. Compared as sets,
    // each of the spec's operations is in the export and nothing else is.
    // What `specwright diff` says: nothing breaks for either side.
    let original_loaded = Loader::new().load_file(&spec).unwrap();
    let exported_loaded = Loader::new().load_str("exported.json", &document);
    let breaking: Vec<String> = specwright_diff::diff(&original_loaded, &exported_loaded)
        .into_iter()
        .filter(|c| c.level == specwright_diff::Level::Breaking)
        .map(|c| format!("{} [{}]", c.message, c.rule))
        .collect();
    assert!(breaking.is_empty(), "{breaking:#?}");
    assert_eq!(operations(&exported), operations(&original));
    assert_eq!(payloads(&exported), payloads(&original));
    // Every action on every channel, and every message with its fields.
    assert_eq!((operations(&original).len(), payloads(&original).len()), (8, 5));
    assert!(payloads(&original).iter().all(|(_, fields, required)| !fields.is_empty() && !required.is_empty()));
}
