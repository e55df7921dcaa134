//! The crate generated from `specs/order-events.yaml`, used as its services
//! would: typed publishing to a channel template, handlers registered into
//! an `EventApp`, typed headers, and request/reply; on the in-memory
//! transport and on NATS JetStream.

use std::sync::Arc;
use std::time::Duration;

use order_flow_events::events::{
    self, CheckStockReply, CheckStockRequest, Context, EventApp, Handler, HandlerError, InventoryLow, OrderCreated,
    OrderCreatedParameters, PaymentFailed, Publisher, RequestError,
};
use order_flow_events::types::*;
use specwright_runtime::events::{AddressError, MemoryTransport, PublishError, Transport};
use tokio::sync::mpsc;

/// Every service of the document in one: each handler reports what it did.
struct Services {
    did: mpsc::UnboundedSender<String>,
}

impl Services {
    fn report(&self, what: String) -> Result<(), HandlerError> {
        self.did.send(what).map_err(HandlerError::retry)
    }
}

impl Handler for Services {
    async fn inventory_on_order_created(
        &self,
        parameters: &OrderCreatedParameters,
        event: OrderCreated,
        _: &Context,
    ) -> Result<(), HandlerError> {
        self.report(format!("inventory reserved {} in {}", event.0.items[0].sku, parameters.region))
    }

    async fn invoicing_on_order_created(
        &self,
        _: &OrderCreatedParameters,
        event: OrderCreated,
        _: &Context,
    ) -> Result<(), HandlerError> {
        self.report(format!("invoicing drafted {} {}", event.0.total.amount, event.0.total.currency))
    }

    async fn shipping_on_order_created(
        &self,
        parameters: &OrderCreatedParameters,
        _: OrderCreated,
        _: &Context,
    ) -> Result<(), HandlerError> {
        self.report(format!("shipping planned in {}", parameters.region))
    }

    async fn analytics_on_order_created(
        &self,
        _: &OrderCreatedParameters,
        event: OrderCreated,
        cx: &Context,
    ) -> Result<(), HandlerError> {
        // The channel and the name it came under are the generated ones.
        self.report(format!("analytics recorded {} from {}", cx.message().event_type().unwrap_or("?"), cx.channel()))
            .and(if event.0.items.is_empty() { Err(HandlerError::poison("no items")) } else { Ok(()) })
    }

    async fn notifications_on_inventory_low(&self, event: InventoryLow, _: &Context) -> Result<(), HandlerError> {
        self.report(format!("notifications told purchasing about {}", event.0.sku))
    }

    async fn orders_on_payment_failed(&self, event: PaymentFailed, cx: &Context) -> Result<(), HandlerError> {
        let headers = PaymentFailed::headers(cx.message()).map_err(HandlerError::poison)?;
        let correlation = PaymentFailed::correlation_id(cx.message()).unwrap_or_default();
        assert_eq!(correlation, headers.correlation_id.to_string());
        self.report(format!("orders held {} ({correlation})", event.0.order_id))
    }

    async fn answer_stock_check(&self, event: CheckStockRequest, _: &Context) -> Result<CheckStockReply, HandlerError> {
        let items = event
            .0
            .items
            .iter()
            .map(|i| CheckStockReplyPayloadItemsItem {
                sku: i.sku.clone(),
                requested: i.quantity,
                available: 5,
                in_stock: i.quantity <= 5,
            })
            .collect();
        Ok(CheckStockReply(CheckStockReplyPayload { checked_at: chrono::Utc::now().fixed_offset(), items }))
    }
}

fn uuid(n: u128) -> uuid::Uuid {
    uuid::Uuid::from_u128(n)
}

fn order(region: OrderCreatedPayloadRegion) -> OrderCreated {
    OrderCreated(OrderCreatedPayload {
        event_id: uuid(1),
        order_id: uuid(2),
        customer_id: uuid(3),
        region,
        occurred_at: chrono::Utc::now().fixed_offset(),
        items: vec![OrderLine {
            sku: "SKU-1".into(),
            quantity: 2,
            unit_price: Money { amount: "9.50".into(), currency: MoneyCurrency::Eur },
        }],
        total: Money { amount: "19.00".into(), currency: MoneyCurrency::Eur },
    })
}

fn headers() -> EventHeaders {
    EventHeaders {
        correlation_id: uuid(42),
        traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01".into(),
    }
}

async fn next(did: &mut mpsc::UnboundedReceiver<String>) -> String {
    tokio::time::timeout(Duration::from_secs(10), did.recv()).await.expect("a service reacts in time").unwrap()
}

async fn order_flow(transport: Arc<dyn Transport>) {
    let (tx, mut did) = mpsc::unbounded_channel();
    let services = Arc::new(Services { did: tx });
    let eu = OrderCreatedParameters { region: OrderCreatedRegion::Eu };
    let mut app = events::register(EventApp::new(transport.clone(), "/services"), services.clone(), "orders");
    app = events::register_inventory_on_order_created(app, services.clone(), "inventory", eu.clone()).unwrap();
    app = events::register_invoicing_on_order_created(app, services.clone(), "invoicing", eu.clone()).unwrap();
    app = events::register_shipping_on_order_created(app, services.clone(), "shipping", eu.clone()).unwrap();
    app = events::register_analytics_on_order_created(app, services.clone(), "analytics", eu.clone()).unwrap();
    let running = app.start().await.unwrap();
    let publisher = Publisher::new(transport.clone(), "/orders");

    // One event on the template's `eu` address reaches all four of its operations.
    publisher.publish_order_created(&eu, &order(OrderCreatedPayloadRegion::Eu), &headers()).await.unwrap();
    let mut seen = Vec::new();
    for _ in 0..4 {
        seen.push(next(&mut did).await);
    }
    seen.sort();
    assert_eq!(
        seen,
        [
            "analytics recorded OrderCreated from orders.eu.created",
            "inventory reserved SKU-1 in eu",
            "invoicing drafted 19.00 EUR",
            "shipping planned in eu",
        ]
    );

    // A parameter value that would change the address is refused before anything is sent.
    let sneaky = OrderCreatedParameters { region: OrderCreatedRegion::Other("eu.*".into()) };
    let refused = publisher.publish_order_created(&sneaky, &order(OrderCreatedPayloadRegion::Eu), &headers()).await;
    assert!(matches!(refused, Err(PublishError::Address(AddressError::Refused { .. }))), "{refused:?}");

    // Typed headers go out and are read back with their types.
    let failed = PaymentFailed(PaymentFailedPayload {
        event_id: uuid(5),
        order_id: uuid(2),
        payment_id: uuid(6),
        amount: Money { amount: "19.00".into(), currency: MoneyCurrency::Eur },
        reason: PaymentFailedPayloadReason::CardDeclined,
        retryable: false,
        occurred_at: chrono::Utc::now().fixed_offset(),
    });
    publisher.publish_payment_failed(&failed, &headers()).await.unwrap();
    assert_eq!(next(&mut did).await, format!("orders held {} ({})", uuid(2), uuid(42)));

    // Request and reply: the answer comes back to this publisher's inbox.
    let request = CheckStockRequest(CheckStockRequestPayload {
        items: vec![
            CheckStockRequestPayloadItemsItem { sku: "A".into(), quantity: 2 },
            CheckStockRequestPayloadItemsItem { sku: "B".into(), quantity: 9 },
        ],
    });
    let reply = publisher.check_stock(&request, Duration::from_secs(10)).await.unwrap();
    let stock: Vec<(&str, bool)> = reply.0.items.iter().map(|i| (i.sku.as_str(), i.in_stock)).collect();
    assert_eq!(stock, [("A", true), ("B", false)]);
    // Concurrent requests each get their own reply.
    let other = CheckStockRequest(CheckStockRequestPayload {
        items: vec![CheckStockRequestPayloadItemsItem { sku: "C".into(), quantity: 1 }],
    });
    let (a, b) = tokio::join!(
        publisher.check_stock(&request, Duration::from_secs(10)),
        publisher.check_stock(&other, Duration::from_secs(10))
    );
    assert_eq!((a.unwrap().0.items.len(), b.unwrap().0.items[0].sku.as_str()), (2, "C"));

    // With nobody answering, a request ends at its timeout.
    running.stop().await;
    let unanswered = publisher.check_stock(&request, Duration::from_millis(300)).await;
    assert!(matches!(unanswered, Err(RequestError::Timeout(_))), "{unanswered:?}");
}

#[tokio::test]
async fn generated_services_talk_in_memory() {
    order_flow(Arc::new(MemoryTransport::new())).await;
}

#[tokio::test]
#[ignore = "needs a broker: cargo xtask ci runs it"]
async fn generated_services_talk_over_nats() {
    use specwright_runtime::events::conformance::NatsServer;
    use specwright_runtime::events::{NatsOptions, NatsTransport};
    let server = NatsServer::start();
    let transport = NatsTransport::connect(&server.url, NatsOptions::default()).await.expect("connect to nats-server");
    order_flow(Arc::new(transport)).await;
}
