//! The code `build.rs` generated, used as a user would: a server that
//! implements only the operations kept (listing is filtered out, so the
//! trait has no such method), the generated client calling it on
//! 127.0.0.1, money as our own decimal type, and order items in a set.

use std::collections::{HashMap, HashSet};
use std::str::FromStr;
use std::sync::Mutex;

use orders_build_script::money::Money;
use orders_build_script::orders::client::{schemes, Client, Credential, Error};
use orders_build_script::orders::operations::*;
use orders_build_script::orders::server::{self, Answer, Api, CreateOrder, Credentials, Denied, GetOrder, Presented};
use orders_build_script::orders::types::{CreateOrderRequest, Currency, Order, OrderItem, OrderStatus, Problem};
use rust_decimal::Decimal;
use specwright_runtime::Nullable;

#[derive(Default)]
struct Orders(Mutex<HashMap<uuid::Uuid, Order>>);

fn not_found(id: uuid::Uuid) -> Problem {
    Problem {
        type_: None,
        title: Some("Order not found".into()),
        status: Some(404),
        detail: Some(format!("no order {id}")),
        instance: None,
        errors: None,
    }
}

impl Api for Orders {
    type Principal = ();

    async fn authenticate(&self, credentials: Credentials) -> Result<(), Denied> {
        match credentials.get("oauth2") {
            Some(Presented::Bearer(token)) if token.expose() == "token" => Ok(()),
            _ => Err(Denied::Unauthorized("the token is not valid".into())),
        }
    }

    async fn create_order(&self, request: CreateOrder, _: ()) -> Answer<CreateOrderResponse, CreateOrderError> {
        // 4.95 a unit, whatever it is.
        let units: i64 = request.body.items.iter().map(|i| i64::from(i.quantity)).sum();
        let total =
            Money { amount: Decimal::new(495, 2) * Decimal::from(units), currency: request.body.currency.clone() };
        let id = uuid::Uuid::new_v4();
        let order = Order {
            id: Some(id),
            customer_id: request.body.customer_id,
            items: request.body.items,
            status: OrderStatus::Pending,
            total,
            note: request.body.note,
            created_at: None,
        };
        self.0.lock().unwrap().insert(id, order.clone());
        Ok(CreateOrderResponse::Created {
            body: order,
            location: Some(format!("https://api.example.com/orders/v1/orders/{id}")),
        })
    }

    async fn get_order(&self, request: GetOrder, _: ()) -> Answer<GetOrderResponse, GetOrderError> {
        match self.0.lock().unwrap().get(&request.order_id) {
            Some(order) => Ok(GetOrderResponse::Ok(order.clone())),
            None => Err(GetOrderError::NotFound(not_found(request.order_id)).into()),
        }
    }
}

#[tokio::test]
async fn the_included_client_and_server_round_trip_our_money() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, server::router(Orders::default())).await.unwrap() });
    let client =
        Client::builder().base_url(&url).credential(schemes::OAUTH2, Credential::bearer("token")).build().unwrap();

    let items =
        vec![OrderItem { sku: "MUG-BLUE-01".into(), quantity: 2 }, OrderItem { sku: "TEE-M-BLK".into(), quantity: 1 }];
    let request = CreateOrderRequest {
        customer_id: uuid::Uuid::from_u128(7),
        items: items.clone(),
        note: Nullable::Null,
        currency: Currency::Eur,
    };
    let CreateOrderResponse::Created { body: order, .. } =
        client.create_order(uuid::Uuid::new_v4(), request).send().await.unwrap().into_body();
    assert_eq!(order.total, Money { amount: Decimal::from_str("14.85").unwrap(), currency: Currency::Eur });

    let GetOrderResponse::Ok(got) = client.get_order(order.id.unwrap()).send().await.unwrap().into_body();
    assert_eq!(got.total.amount, Decimal::from_str("14.85").unwrap(), "the decimal string came back a decimal");
    let set: HashSet<OrderItem> = got.items.into_iter().collect();
    assert_eq!(set, items.into_iter().collect());

    match client.get_order(uuid::Uuid::new_v4()).send().await {
        Err(Error::Api(response)) => assert!(matches!(response.into_body(), GetOrderError::NotFound(_))),
        other => panic!("expected 404, got {other:?}"),
    }
}

/// The events module, included the same way, fills an address in from typed parameters.
#[test]
fn the_included_events_fill_addresses_from_typed_parameters() {
    use orders_build_script::order_events::events::OrderCreatedParameters;
    use orders_build_script::order_events::types::OrderCreatedRegion;
    let params = OrderCreatedParameters { region: OrderCreatedRegion::Eu };
    assert_eq!(params.address().unwrap(), "orders.eu.created");
}
