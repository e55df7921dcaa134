//! A small in-memory implementation of the order service's generated
//! server: orders priced from a fixed catalogue, listed newest first by
//! cursor, and created once per `Idempotency-Key`.

use std::collections::HashMap;
use std::sync::Mutex;

use order_service_api::operations::*;
use order_service_api::server::{Answer, Api, CreateOrder, Credentials, Denied, GetOrder, ListOrders, Presented};
use order_service_api::types::{CreateOrderRequest, Money, Order, OrderPage, OrderStatus, Problem};

#[derive(Default)]
pub struct Orders {
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    /// Oldest first.
    orders: Vec<Order>,
    /// Each idempotency key with the request it made an order for.
    keys: HashMap<uuid::Uuid, (CreateOrderRequest, usize)>,
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

/// Cents of one unit of a product; the catalogue sells anything whose SKU
/// does not start with `GONE`.
fn price(sku: &str) -> Option<i64> {
    (!sku.starts_with("GONE")).then(|| 100 + sku.bytes().map(i64::from).sum::<i64>() % 900)
}

/// The spec wants an absolute URI; this is the spec's first server.
fn location(id: uuid::Uuid) -> String {
    format!("https://api.example.com/orders/v1/orders/{id}")
}

impl Api for Orders {
    type Principal = ();

    async fn authenticate(&self, credentials: Credentials) -> Result<(), Denied> {
        match credentials.get("oauth2") {
            Some(Presented::Bearer(token)) if token.expose() == "orders-token" => Ok(()),
            _ => Err(Denied::Unauthorized("the token is not valid".into())),
        }
    }

    async fn create_order(&self, request: CreateOrder, _: ()) -> Answer<CreateOrderResponse, CreateOrderError> {
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((body, at)) = state.keys.get(&request.idempotency_key) {
            if *body != request.body {
                let why = "the key was already used for a different request body".to_string();
                return Err(CreateOrderError::Conflict(problem(409, "Idempotency key reused", why)).into());
            }
            let order = state.orders[*at].clone();
            let location = order.id.map(location);
            return Ok(CreateOrderResponse::Created { body: order, location });
        }
        let mut cents = 0i64;
        for (i, item) in request.body.items.iter().enumerate() {
            let Some(unit) = price(&item.sku) else {
                let why = format!("/items/{i}/sku: {} is not sold", item.sku);
                return Err(CreateOrderError::UnprocessableEntity(problem(422, "Order cannot be placed", why)).into());
            };
            cents = cents.saturating_add(unit.saturating_mul(i64::from(item.quantity)));
        }
        let id = uuid::Uuid::new_v4();
        let order = Order {
            id: Some(id),
            customer_id: request.body.customer_id,
            items: request.body.items.clone(),
            status: OrderStatus::Pending,
            total: Money {
                amount: format!("{}.{:02}", cents / 100, cents % 100),
                currency: request.body.currency.clone(),
            },
            note: request.body.note.clone(),
            created_at: Some(chrono::Utc::now().fixed_offset()),
        };
        state.orders.push(order.clone());
        let at = state.orders.len() - 1;
        state.keys.insert(request.idempotency_key, (request.body, at));
        Ok(CreateOrderResponse::Created { body: order, location: Some(location(id)) })
    }

    async fn list_orders(&self, request: ListOrders, _: ()) -> Answer<ListOrdersResponse, ListOrdersError> {
        let state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        // A cursor this service did not give (or one past the end) is the end.
        let start: usize = match request.cursor.as_deref().filter(|c| !c.is_empty()) {
            None => 0,
            Some(cursor) => cursor.parse().unwrap_or(usize::MAX),
        };
        let wanted = request.status.unwrap_or_default();
        let limit = request.limit.unwrap_or(20).max(1) as usize;
        let matching: Vec<&Order> =
            state.orders.iter().rev().filter(|o| wanted.is_empty() || wanted.contains(&o.status)).collect();
        let items: Vec<Order> = matching.iter().skip(start).take(limit).map(|o| (*o).clone()).collect();
        let next = start + items.len();
        let next_cursor = (next < matching.len()).then(|| next.to_string());
        let remaining = Some(1000);
        Ok(ListOrdersResponse::Ok { body: OrderPage { items, next_cursor }, x_rate_limit_remaining: remaining })
    }

    async fn get_order(&self, request: GetOrder, _: ()) -> Answer<GetOrderResponse, GetOrderError> {
        let state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        match state.orders.iter().find(|o| o.id == Some(request.order_id)) {
            Some(order) => Ok(GetOrderResponse::Ok(order.clone())),
            None => {
                let why = format!("no order {}", request.order_id);
                Err(GetOrderError::NotFound(problem(404, "Order not found", why)).into())
            }
        }
    }
}
