//! Six services wired by generated code, in one process: the orders HTTP
//! service (generated from `specs/orders.yaml`), and inventory, invoicing,
//! shipping, analytics and notifications reacting to its events (generated
//! from `specs/order-events.yaml`), on any transport.

mod journal;
mod orders;
mod services;

use std::sync::Arc;

use order_flow_events::events::{self, EventApp, OrderCreatedParameters, Publisher};
use order_flow_events::types::OrderCreatedRegion;
use specwright_runtime::events::{MemoryDedupe, Running, Transport, TransportError};
use specwright_runtime::server::idempotency::{Idempotency, MemoryIdempotency};

pub use journal::{Entry, Journal};
pub use orders::TOKEN;
pub use services::{REORDER_THRESHOLD, STOCK};

/// The events these services send and receive, as an AsyncAPI document
/// built from their Rust types (`specwright export --bin order-flow-asyncapi`
/// writes it).
pub fn asyncapi() -> specwright_runtime::events::export::AsyncApi {
    use order_flow_events::events::*;
    specwright_runtime::events::export::AsyncApi::new("Order Flow", "1.0.0")
        .description("The events of examples/order-flow, exported from the services' types.")
        .server("nats", "localhost:4222", "nats")
        .send::<OrderCreated>()
        .receive::<OrderCreated>()
        .send::<InventoryLow>()
        .receive::<InventoryLow>()
        .receive::<PaymentFailed>()
        .send_request::<CheckStockRequest, CheckStockReply>()
        .receive_request::<CheckStockRequest, CheckStockReply>()
}

/// The services, running.
pub struct Flow {
    /// The orders API's base URL.
    pub url: String,
    pub journal: Arc<Journal>,
    store: Arc<orders::Store>,
    transport: Arc<dyn Transport>,
    running: Running,
    tasks: Vec<tokio::task::JoinHandle<()>>,
}

impl Flow {
    /// Starts every service on `transport`, the orders API on a free loopback port.
    pub async fn start(transport: Arc<dyn Transport>, journal: Arc<Journal>) -> Result<Flow, TransportError> {
        let publisher = Publisher::new(transport.clone(), "/order-flow");
        let services = Arc::new(services::Services::new(journal.clone(), publisher.clone()));

        // Each service is a consumer group of its own, as it would be deployed;
        // every event is handled once per group, redeliveries included.
        let mut app = EventApp::new(transport.clone(), "/order-flow").dedupe(Arc::new(MemoryDedupe::default()));
        app = events::register_answer_stock_check(app, services.clone(), "inventory");
        app = events::register_notifications_on_inventory_low(app, services.clone(), "notifications");
        app = events::register_orders_on_payment_failed(app, services.clone(), "orders");
        for region in [OrderCreatedRegion::Eu, OrderCreatedRegion::Us, OrderCreatedRegion::Apac] {
            let at = OrderCreatedParameters { region };
            let refused = |e| TransportError::Other(format!("an address of orders.{{region}}.created: {e}"));
            app = events::register_inventory_on_order_created(app, services.clone(), "inventory", at.clone())
                .map_err(refused)?;
            app = events::register_invoicing_on_order_created(app, services.clone(), "invoicing", at.clone())
                .map_err(refused)?;
            app = events::register_shipping_on_order_created(app, services.clone(), "shipping", at.clone())
                .map_err(refused)?;
            app =
                events::register_analytics_on_order_created(app, services.clone(), "analytics", at).map_err(refused)?;
        }
        let running = app.start().await?;

        let store = Arc::new(orders::Store::new(journal.clone()));
        let router = order_service_api::server::router(orders::Orders::new(store.clone(), publisher))
            .layer(Idempotency::new(MemoryIdempotency::new()));
        let listener =
            tokio::net::TcpListener::bind("127.0.0.1:0").await.map_err(|e| TransportError::Other(e.to_string()))?;
        let url = format!("http://{}", listener.local_addr().map_err(|e| TransportError::Other(e.to_string()))?);
        let server = tokio::spawn(async move {
            if let Err(e) = axum::serve(listener, router).await {
                eprintln!("the order service stopped: {e}");
            }
        });
        let relay = tokio::spawn(store.clone().relay(transport.clone()));
        Ok(Flow { url, journal, store, transport, running, tasks: vec![server, relay] })
    }

    /// Publishes the last event the outbox relay published again: what a
    /// relay that crashed between publishing and marking it sent does.
    pub async fn republish_last_event(&self) -> bool {
        self.store.republish_last(&*self.transport).await
    }

    /// Stops the services: handlers finish what they hold.
    pub async fn stop(self) {
        for task in &self.tasks {
            task.abort();
        }
        self.running.stop().await;
    }
}
