//! `#[derive(Event)]`: what it implements, seen on the wire through the
//! in-memory transport. What it refuses is tested beside the derive
//! (`crates/derive/tests/event_errors.rs`).

use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt;
use serde::{Deserialize, Serialize};
use specwright_runtime::events::{attr, Event, EventPublisher, MemoryTransport, Subscriber as _};

#[derive(Serialize, Deserialize, Event)]
#[event(name = "OrderCreated", channel = "orders.{region}.created", key = order_id, id = event_id, version = 2)]
struct OrderCreated {
    order_id: u64,
    event_id: String,
    region: String,
}

#[derive(Serialize, Deserialize, Event)]
#[event(channel = "audit", id = trace)]
struct Audited {
    trace: Option<String>,
}

#[derive(Serialize, Deserialize, Event)]
#[event(channel = "payments")]
#[serde(tag = "kind")]
enum Payment {
    #[event(name = "PaymentTaken")]
    Taken {
        amount: u64,
    },
    Refunded {
        amount: u64,
    },
}

#[test]
fn the_attribute_becomes_the_trait() {
    let order = OrderCreated { order_id: 7, event_id: "e-1".into(), region: "eu".into() };
    assert_eq!((OrderCreated::NAME, OrderCreated::CHANNEL), ("OrderCreated", "orders.{region}.created"));
    assert_eq!(order.channel(), "orders.eu.created");
    assert_eq!((order.key().as_deref(), order.id().as_deref()), (Some("7"), Some("e-1")));
    assert_eq!(OrderCreated::VERSION, Some(2));

    // An absent `Option` gives no id (the publisher makes one); the name defaults to the type's.
    assert_eq!((Audited { trace: None }.id(), Audited::NAME, Audited::VERSION), (None, "Audited", None));
    assert_eq!(Audited { trace: Some("t".into()) }.id().as_deref(), Some("t"));

    // An enum's variants are messages of their own.
    assert_eq!(Payment::Taken { amount: 1 }.name(), "PaymentTaken");
    assert_eq!(Payment::Refunded { amount: 1 }.name(), "Refunded");
    assert_eq!(Payment::NAME, "Payment");
}

#[tokio::test]
async fn a_derived_event_goes_out_with_its_envelope() {
    let transport = Arc::new(MemoryTransport::new());
    let mut orders = transport.subscribe("orders.eu.created", "g").await.unwrap();
    let mut payments = transport.subscribe("payments", "g").await.unwrap();
    let publisher = EventPublisher::new(transport.clone(), "/shop");
    publisher.publish(&OrderCreated { order_id: 7, event_id: "e-1".into(), region: "eu".into() }).await.unwrap();
    publisher.publish(&Payment::Taken { amount: 5 }).await.unwrap();

    let next = |d: Option<Result<specwright_runtime::events::Delivery, _>>| d.unwrap().unwrap();
    let order = next(tokio::time::timeout(Duration::from_secs(5), orders.next()).await.unwrap());
    let headers = &order.message.headers;
    assert_eq!(headers.get(attr::TYPE), Some("OrderCreated"));
    assert_eq!(headers.get(attr::ID), Some("e-1"));
    assert_eq!(headers.get(attr::PARTITIONKEY), Some("7"));
    assert_eq!(headers.get(attr::EVENTVERSION), Some("2"));
    let payment = next(tokio::time::timeout(Duration::from_secs(5), payments.next()).await.unwrap());
    assert_eq!(payment.message.headers.get(attr::TYPE), Some("PaymentTaken"));
    assert_eq!(payment.message.headers.get(attr::EVENTVERSION), None);
}

/// Generated code wraps each message's payload in a newtype; a channel
/// carrying several messages is an enum of them.
#[derive(Serialize, Deserialize, Event, Debug, PartialEq)]
#[event(name = "Dimmed", channel = "lights.{lightId}.dim")]
struct Dimmed(Level);

#[derive(Serialize, Deserialize, Event, Debug, PartialEq)]
#[event(name = "Brightened", channel = "lights.{lightId}.dim")]
struct Brightened(Level);

#[derive(Serialize, Deserialize, Debug, PartialEq)]
struct Level {
    level: u8,
}

#[derive(Serialize, Deserialize, Event, Debug, PartialEq)]
#[event(channel = "lights.{lightId}.dim")]
#[serde(untagged)]
enum Dimming {
    #[event(name = "Dimmed")]
    Dimmed(Dimmed),
    #[event(name = "Brightened")]
    Brightened(Brightened),
}

#[derive(Serialize)]
struct LightParameters {
    #[serde(rename = "lightId")]
    light_id: String,
}

#[tokio::test]
async fn a_newtype_goes_to_an_address_and_an_enum_is_read_by_name() {
    use specwright_runtime::events::{address, EventApp, PublishError};
    let transport = Arc::new(MemoryTransport::new());
    let publisher = EventPublisher::new(transport.clone(), "/lights");
    // The template itself is no address.
    let unfilled = publisher.publish(&Dimmed(Level { level: 1 })).await;
    assert!(matches!(unfilled, Err(PublishError::Address(_))), "{unfilled:?}");
    let refused = address::fill(Dimmed::CHANNEL, &LightParameters { light_id: "*".into() });
    assert!(refused.is_err());

    let at = address::fill(Dimmed::CHANNEL, &LightParameters { light_id: "7".into() }).unwrap();
    assert_eq!(at, "lights.7.dim");
    let (seen, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let app = EventApp::new(transport.clone(), "/lights").handle_on(at.as_str(), "g", move |event: Dimming, _| {
        let seen = seen.clone();
        async move {
            seen.send(event).unwrap();
            Ok(())
        }
    });
    let running = app.start().await.unwrap();
    // Both payloads read as either message; the name says which each is.
    publisher.publish_to(&at, &Brightened(Level { level: 9 })).await.unwrap();
    publisher.publish_to(&at, &Dimmed(Level { level: 2 })).await.unwrap();
    let mut got = Vec::new();
    for _ in 0..2 {
        got.push(tokio::time::timeout(Duration::from_secs(5), rx.recv()).await.unwrap().unwrap());
    }
    assert_eq!(got, [Dimming::Brightened(Brightened(Level { level: 9 })), Dimming::Dimmed(Dimmed(Level { level: 2 }))]);
    running.stop().await;
}
