//! The orders service: the HTTP API generated from `specs/orders.yaml`. An
//! order is written together with its `OrderCreated` event (an outbox: one
//! critical section stands for the database transaction), and a relay
//! publishes the event once it is written. Duplicate POSTs are answered by
//! the runtime's idempotency layer, so `create_order` runs once per key.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use order_flow_events::events::{CheckStockRequest, OrderCreated, OrderCreatedParameters, Publisher};
use order_flow_events::types as event;
use order_service_api::operations::*;
use order_service_api::server::{
    Answer, Api, CreateOrder, Credentials, Denied, Failure, GetOrder, ListOrders, Presented,
};
use order_service_api::types::{Currency, Money, Order, OrderPage, OrderStatus, Problem};
use specwright_runtime::events::{attr, Message, Transport};
use tokio::sync::Notify;

use crate::services::short;
use crate::Journal;

/// The bearer token the service accepts.
pub const TOKEN: &str = "orders-token";

pub struct Orders {
    store: Arc<Store>,
    publisher: Publisher,
}

/// The service's database: its orders and its outbox.
pub struct Store {
    db: Mutex<Db>,
    journal: Arc<Journal>,
    written: Notify,
}

#[derive(Default)]
struct Db {
    orders: Vec<Order>,
    /// Events written with their orders and not yet published, each with its address.
    outbox: VecDeque<(String, Message)>,
    /// The last event the relay published, kept to show a redelivery.
    last_published: Option<(String, Message)>,
}

impl Orders {
    pub fn new(store: Arc<Store>, publisher: Publisher) -> Orders {
        Orders { store, publisher }
    }

    fn db(&self) -> std::sync::MutexGuard<'_, Db> {
        self.store.db()
    }
}

impl Store {
    pub fn new(journal: Arc<Journal>) -> Store {
        Store { db: Mutex::default(), journal, written: Notify::new() }
    }

    fn db(&self) -> std::sync::MutexGuard<'_, Db> {
        self.db.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Publishes what the outbox holds, oldest first, until stopped; an
    /// entry leaves the outbox only once the transport has taken it.
    pub async fn relay(self: Arc<Self>, transport: Arc<dyn Transport>) {
        loop {
            let next = self.db().outbox.front().cloned();
            let Some((address, message)) = next else {
                // Woken by a write, or after a while regardless.
                tokio::select! {
                    () = self.written.notified() => {}
                    () = tokio::time::sleep(Duration::from_millis(500)) => {}
                }
                continue;
            };
            match transport.publish(&address, message.clone()).await {
                Ok(()) => {
                    let mut db = self.db();
                    db.outbox.pop_front();
                    db.last_published = Some((address.clone(), message.clone()));
                    drop(db);
                    let kind = message.event_type().unwrap_or("event");
                    self.journal.record("outbox", format!("published {kind} to {address}"));
                }
                Err(e) => {
                    self.journal.record("outbox", format!("publishing failed ({e}); trying again"));
                    tokio::time::sleep(Duration::from_millis(500)).await;
                }
            }
        }
    }

    /// Publishes the last published event again, as a relay that crashed
    /// after publishing and before marking the entry sent would on restart.
    pub async fn republish_last(&self, transport: &dyn Transport) -> bool {
        let Some((address, message)) = self.db().last_published.clone() else { return false };
        self.journal.record(
            "outbox",
            format!("published {} to {address} again (a redelivery)", message.event_type().unwrap_or("event")),
        );
        transport.publish(&address, message).await.is_ok()
    }
}

fn problem(status: i32, title: &str, detail: String) -> Problem {
    Problem {
        type_: None,
        title: Some(title.into()),
        status: Some(status),
        detail: Some(detail),
        instance: None,
        errors: None,
    }
}

/// Cents of one unit of a product.
fn price(sku: &str) -> i64 {
    100 + sku.bytes().map(i64::from).sum::<i64>() % 900
}

fn money(cents: i64, currency: &Currency) -> Money {
    Money { amount: format!("{}.{:02}", cents / 100, cents % 100), currency: currency.clone() }
}

fn region(currency: &Currency) -> event::OrderCreatedRegion {
    match currency {
        Currency::Usd => event::OrderCreatedRegion::Us,
        Currency::Eur | Currency::Gbp => event::OrderCreatedRegion::Eu,
        Currency::Other(_) => event::OrderCreatedRegion::Apac,
    }
}

fn event_region(currency: &Currency) -> event::OrderCreatedPayloadRegion {
    match region(currency) {
        event::OrderCreatedRegion::Us => event::OrderCreatedPayloadRegion::Us,
        event::OrderCreatedRegion::Eu => event::OrderCreatedPayloadRegion::Eu,
        _ => event::OrderCreatedPayloadRegion::Apac,
    }
}

fn event_money(money: &Money) -> event::Money {
    let currency = match &money.currency {
        Currency::Eur => event::MoneyCurrency::Eur,
        Currency::Usd => event::MoneyCurrency::Usd,
        Currency::Gbp => event::MoneyCurrency::Gbp,
        Currency::Other(other) => event::MoneyCurrency::Other(other.clone()),
    };
    event::Money { amount: money.amount.clone(), currency }
}

impl Api for Orders {
    type Principal = ();

    async fn authenticate(&self, credentials: Credentials) -> Result<(), Denied> {
        match credentials.get("oauth2") {
            Some(Presented::Bearer(token)) if token.expose() == TOKEN => Ok(()),
            _ => Err(Denied::Unauthorized("the token is not valid".into())),
        }
    }

    async fn create_order(&self, request: CreateOrder, _: ()) -> Answer<CreateOrderResponse, CreateOrderError> {
        let body = request.body;
        // Ask inventory first (request and reply over events).
        let items = body
            .items
            .iter()
            .map(|i| event::CheckStockRequestPayloadItemsItem { sku: i.sku.clone(), quantity: i.quantity });
        let check = CheckStockRequest(event::CheckStockRequestPayload { items: items.collect() });
        let stock = match self.publisher.check_stock(&check, Duration::from_secs(5)).await {
            Ok(reply) => reply.0,
            Err(e) => {
                return Err(Failure::status(
                    order_service_api::server::StatusCode::SERVICE_UNAVAILABLE,
                    format!("inventory did not answer: {e}"),
                ))
            }
        };
        if let Some(short_of) = stock.items.iter().find(|i| !i.in_stock) {
            let why = format!("{}: {} wanted, {} available", short_of.sku, short_of.requested, short_of.available);
            self.store.journal.record("orders", format!("refused an order: {why}"));
            return Err(CreateOrderError::UnprocessableEntity(problem(422, "Order cannot be placed", why)).into());
        }
        let cents: i64 = body.items.iter().map(|i| price(&i.sku) * i64::from(i.quantity)).sum();
        let id = uuid::Uuid::new_v4();
        let now = chrono::Utc::now().fixed_offset();
        let total = money(cents, &body.currency);
        let order = Order {
            id: Some(id),
            customer_id: body.customer_id,
            items: body.items.clone(),
            status: OrderStatus::Pending,
            total: total.clone(),
            note: body.note.clone(),
            created_at: Some(now),
        };
        let created = OrderCreated(event::OrderCreatedPayload {
            event_id: uuid::Uuid::new_v4(),
            order_id: id,
            customer_id: body.customer_id,
            region: event_region(&body.currency),
            occurred_at: now,
            items: body
                .items
                .iter()
                .map(|i| event::OrderLine {
                    sku: i.sku.clone(),
                    quantity: i.quantity,
                    unit_price: event_money(&money(price(&i.sku), &body.currency)),
                })
                .collect(),
            total: event_money(&total),
        });
        // The event's id is fixed now, so a second publish of it is recognized downstream.
        let address = OrderCreatedParameters { region: region(&body.currency) }.address().map_err(Failure::internal)?;
        let mut message = self.publisher.events().message(&created).map_err(Failure::internal)?;
        let headers = event::EventHeaders {
            correlation_id: message.id().and_then(|id| uuid::Uuid::parse_str(id).ok()).unwrap_or(id),
            traceparent: message.headers.get(attr::TRACEPARENT).unwrap_or_default().to_string(),
        };
        specwright_runtime::events::write_headers(&headers, &mut message.headers).map_err(Failure::internal)?;
        {
            let mut db = self.db();
            db.orders.push(order.clone());
            db.outbox.push_back((address, message));
        }
        self.store.written.notify_one();
        self.store.journal.record(
            "orders",
            format!(
                "created order {} ({} {}) and wrote OrderCreated to the outbox",
                short(id),
                total.amount,
                total.currency
            ),
        );
        let location = format!("https://api.example.com/orders/v1/orders/{id}");
        Ok(CreateOrderResponse::Created { body: order, location: Some(location) })
    }

    async fn list_orders(&self, request: ListOrders, _: ()) -> Answer<ListOrdersResponse, ListOrdersError> {
        let db = self.db();
        let limit = request.limit.unwrap_or(20).max(1) as usize;
        let items: Vec<Order> = db.orders.iter().rev().take(limit).cloned().collect();
        Ok(ListOrdersResponse::Ok { body: OrderPage { items, next_cursor: None }, x_rate_limit_remaining: None })
    }

    async fn get_order(&self, request: GetOrder, _: ()) -> Answer<GetOrderResponse, GetOrderError> {
        let db = self.db();
        match db.orders.iter().find(|o| o.id == Some(request.order_id)) {
            Some(order) => Ok(GetOrderResponse::Ok(order.clone())),
            None => {
                Err(GetOrderError::NotFound(problem(404, "Order not found", format!("no order {}", request.order_id)))
                    .into())
            }
        }
    }
}
