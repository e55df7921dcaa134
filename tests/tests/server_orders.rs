//! The server generated for `specs/orders.yaml` (OpenAPI 3.0, OAuth2, a
//! required header parameter, an exploded-off array filter, problem+json
//! errors), backed by the in-memory implementation in this crate, against
//! the generated client on 127.0.0.1.

use order_service_api::client::{schemes, Client, Credential, Error};
use order_service_api::operations::*;
use order_service_api::types::{CreateOrderRequest, Currency, OrderItem, OrderStatus};
use specwright_runtime::Nullable;
use specwright_tests::orders::Orders;
use specwright_tests::serve;

fn request(sku: &str, quantity: i32) -> CreateOrderRequest {
    CreateOrderRequest {
        customer_id: uuid::Uuid::from_u128(7),
        items: vec![OrderItem { sku: sku.into(), quantity }],
        note: Nullable::Null,
        currency: Currency::Eur,
    }
}

#[tokio::test]
async fn every_operation_and_documented_error_round_trips() {
    let url = serve(order_service_api::server::router(Orders::default())).await;
    let client = Client::builder()
        .base_url(&url)
        .credential(schemes::OAUTH2, Credential::bearer("orders-token"))
        .build()
        .unwrap();

    // createOrder: Created with an absolute Location; the same key and body
    // again gives the same order; the key with another body, 409.
    let key = uuid::Uuid::new_v4();
    let first = client.create_order(key, request("MUG-BLUE-01", 2)).send().await.unwrap().into_body();
    let CreateOrderResponse::Created { body: order, location } = first;
    let id = order.id.unwrap();
    assert_eq!(location, Some(format!("https://api.example.com/orders/v1/orders/{id}")));
    assert_eq!(order.status, OrderStatus::Pending);
    let again = client.create_order(key, request("MUG-BLUE-01", 2)).send().await.unwrap().into_body();
    let CreateOrderResponse::Created { body: same, .. } = again;
    assert_eq!(same.id, Some(id));
    match client.create_order(key, request("MUG-BLUE-01", 3)).send().await {
        Err(Error::Api(response)) => assert!(matches!(response.into_body(), CreateOrderError::Conflict(_))),
        other => panic!("expected 409, got {other:?}"),
    }
    match client.create_order(uuid::Uuid::new_v4(), request("GONE-01", 1)).send().await {
        Err(Error::Api(response)) => assert!(matches!(response.into_body(), CreateOrderError::UnprocessableEntity(_))),
        other => panic!("expected 422, got {other:?}"),
    }
    client.create_order(uuid::Uuid::new_v4(), request("TEE-M-BLK", 1)).send().await.unwrap();

    // listOrders: the filter (form, unexploded), the cursor, the typed header.
    let page = client.list_orders().limit(1).send().await.unwrap().into_body();
    let ListOrdersResponse::Ok { body, x_rate_limit_remaining } = page;
    assert_eq!((body.items.len(), x_rate_limit_remaining), (1, Some(1000)));
    let next = body.next_cursor.expect("a second page");
    let ListOrdersResponse::Ok { body: second, .. } =
        client.list_orders().cursor(next).send().await.unwrap().into_body();
    assert_eq!(second.items[0].id, Some(id));
    let filtered = client.list_orders().status(vec![OrderStatus::Paid, OrderStatus::Shipped]).send().await.unwrap();
    let ListOrdersResponse::Ok { body: none, .. } = filtered.into_body();
    assert!(none.items.is_empty());
    let ListOrdersResponse::Ok { body: end, .. } = client.list_orders().cursor("x").send().await.unwrap().into_body();
    assert!(end.items.is_empty() && end.next_cursor.is_none());
    match client.list_orders().limit(0).send().await {
        Err(Error::Api(response)) => assert!(matches!(response.into_body(), ListOrdersError::BadRequest(_))),
        other => panic!("expected 400, got {other:?}"),
    }

    // getOrder: Ok, then NotFound.
    let GetOrderResponse::Ok(got) = client.get_order(id).send().await.unwrap().into_body();
    assert_eq!(got.total.amount, order.total.amount);
    match client.get_order(uuid::Uuid::new_v4()).send().await {
        Err(Error::Api(response)) => assert!(matches!(response.into_body(), GetOrderError::NotFound(_))),
        other => panic!("expected 404, got {other:?}"),
    }
}

#[tokio::test]
async fn an_invalid_path_is_not_found_where_the_operation_documents_no_400() {
    let url = serve(order_service_api::server::router(Orders::default())).await;
    let get = |path: &str| {
        reqwest::Client::new().get(format!("{url}{path}")).header("Authorization", "Bearer orders-token").send()
    };
    // getOrder documents 401 and 404 only: an id that is no UUID names no order.
    let response = get("/orders/not-a-uuid").await.unwrap();
    assert_eq!(response.status().as_u16(), 404);
    assert_eq!(response.headers()["content-type"], "application/problem+json");
    // listOrders documents 400: a bad filter value is a bad request.
    assert_eq!(get("/orders?status=lost").await.unwrap().status().as_u16(), 400);
    assert_eq!(get("/orders?status=").await.unwrap().status().as_u16(), 400, "an empty filter has no items");
    assert_eq!(get("/orders?status=paid,shipped").await.unwrap().status().as_u16(), 200);
}
