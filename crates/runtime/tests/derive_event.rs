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
