//! The order flow end to end: every service's effect, a duplicate POST that
//! makes one order, a redelivered event handled once per service, a
//! refused order, and request/reply between orders and inventory; in
//! memory and over NATS JetStream.

use std::sync::Arc;
use std::time::Duration;

use order_flow::{Flow, Journal, REORDER_THRESHOLD, STOCK, TOKEN};
use order_service_api::client::{schemes, Client, Credential, Error};
use order_service_api::operations::{CreateOrderError, CreateOrderResponse};
use order_service_api::types::{CreateOrderRequest, Currency, OrderItem};
use specwright_runtime::events::{MemoryTransport, Transport};
use specwright_runtime::Nullable;

fn order(currency: Currency, sku: &str, quantity: i32) -> CreateOrderRequest {
    CreateOrderRequest {
        customer_id: uuid::Uuid::from_u128(7),
        items: vec![OrderItem { sku: sku.into(), quantity }],
        note: Nullable::Null,
        currency,
    }
}

/// Waits until the journal holds `n` entries of `service` starting with `prefix`.
async fn reached(journal: &Journal, service: &str, prefix: &str, n: usize) {
    let seen = journal.wait_until(Duration::from_secs(20), |j| j.count(service, prefix) >= n).await;
    assert!(seen, "{service} never reached {n} × {prefix:?}: {:#?}", journal.entries());
}

async fn order_flow(transport: Arc<dyn Transport>) {
    let journal = Arc::new(Journal::default());
    let flow = Flow::start(transport, journal.clone()).await.unwrap();
    let client =
        Client::builder().base_url(&flow.url).credential(schemes::OAUTH2, Credential::bearer(TOKEN)).build().unwrap();

    // A POST, then the same POST again: one order.
    let key = uuid::Uuid::new_v4();
    let CreateOrderResponse::Created { body: first, .. } =
        client.create_order(key, order(Currency::Eur, "MUG", 3)).send().await.unwrap().into_body();
    let CreateOrderResponse::Created { body: again, .. } =
        client.create_order(key, order(Currency::Eur, "MUG", 3)).send().await.unwrap().into_body();
    assert_eq!(again.id, first.id);
    let id = first.id.unwrap().simple().to_string()[..8].to_string();

    for (service, prefix) in [
        ("inventory", "reserved 3 × MUG"),
        ("invoicing", "drafted invoice for order"),
        ("shipping", "planned shipment of order"),
        ("analytics", "recorded order"),
    ] {
        reached(&journal, service, prefix, 1).await;
    }
    assert_eq!(journal.count("orders", "created order"), 1, "the duplicate POST made no second order");
    assert_eq!(journal.count("inventory", "answered a stock check"), 1, "the duplicate never reached the service");
    assert_eq!(journal.count("shipping", &format!("planned shipment of order {id} with DHL")), 1);

    // The relay publishes the same event again: each service recognizes it.
    assert!(flow.republish_last_event().await);
    // Then an order in dollars that takes the mugs below the threshold. Each
    // group reads in order, so once this one is handled the redelivery was too.
    let below = STOCK - 3 - REORDER_THRESHOLD + 1;
    client.create_order(uuid::Uuid::new_v4(), order(Currency::Usd, "MUG", below)).send().await.unwrap();
    reached(&journal, "notifications", "told purchasing: MUG is low", 1).await;
    for service in ["invoicing", "shipping", "analytics"] {
        reached(&journal, service, "", 2).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(journal.count("invoicing", "drafted"), 2, "{:#?}", journal.entries());
    assert_eq!(journal.count("shipping", "planned"), 2);
    assert_eq!(journal.count("analytics", "recorded"), 2);
    assert_eq!(journal.count("inventory", "reserved"), 2);
    assert_eq!(journal.count("inventory", "reported MUG running low"), 1);
    assert_eq!(journal.count("shipping", "planned shipment of order"), 2);
    assert!(journal.count("shipping", "") == 2 && journal.count("invoicing", "") == 2);

    // More than is in stock: inventory says so over request/reply, and no event goes out.
    match client.create_order(uuid::Uuid::new_v4(), order(Currency::Eur, "MUG", 50)).send().await {
        Err(Error::Api(response)) => assert!(matches!(response.into_body(), CreateOrderError::UnprocessableEntity(_))),
        other => panic!("expected 422, got {other:?}"),
    }
    assert_eq!(journal.count("orders", "refused an order: MUG: 50 wanted"), 1);
    assert_eq!(journal.count("orders", "created order"), 2);
    flow.stop().await;
}

#[tokio::test]
async fn every_service_reacts_once_in_memory() {
    order_flow(Arc::new(MemoryTransport::new())).await;
}

#[tokio::test]
#[ignore = "needs a broker: cargo xtask ci runs it"]
async fn every_service_reacts_once_over_nats() {
    use specwright_runtime::events::conformance::NatsServer;
    use specwright_runtime::events::{NatsOptions, NatsTransport};
    let server = NatsServer::start();
    let transport = NatsTransport::connect(&server.url, NatsOptions::default()).await.expect("connect to nats-server");
    order_flow(Arc::new(transport)).await;
}
