#![cfg_attr(rustfmt, rustfmt::skip)]
#![allow(deprecated)]
#![allow(
    clippy::too_many_arguments,
    clippy::large_enum_variant,
    clippy::doc_lazy_continuation,
    clippy::doc_overindented_list_items,
    clippy::too_long_first_doc_paragraph,
    clippy::unit_arg,
    clippy::should_implement_trait,
    clippy::wrong_self_convention
)]

#![allow(
    rustdoc::bare_urls,
    rustdoc::broken_intra_doc_links,
    rustdoc::invalid_html_tags,
    rustdoc::invalid_rust_codeblocks
)]

use std::future::Future;

use std::sync::Arc;

use ::specwright_runtime::server as srv;

pub use srv::{
    not_found, Answer, Credentials, Denied, Failure, IntoResponse, Presented, Problem,
    Response, Settings, StatusCode, Violation,
};

static SCHEMAS: [srv::Schema; 14] = [
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::INTEGER,
        format: srv::Format::Int32,
        minimum: Some(1f64),
        maximum: Some(100f64),
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::ARRAY,
        min_items: Some(1),
        items: Some(3),
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        enumeration: &["\"pending\"", "\"paid\"", "\"shipped\"", "\"cancelled\""],
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        format: srv::Format::Uuid,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::OBJECT,
        properties: &[("customer_id", 6), ("items", 7), ("note", 8), ("currency", 9)],
        required: &["customer_id", "items", "currency"],
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        format: srv::Format::Uuid,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::ARRAY,
        min_items: Some(1),
        items: Some(10),
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING | srv::schema::types::NULL,
        max_length: Some(500),
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        enumeration: &["\"EUR\"", "\"USD\"", "\"GBP\""],
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::OBJECT,
        properties: &[("sku", 11), ("quantity", 12)],
        required: &["sku", "quantity"],
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        pattern: Some("^[A-Z0-9-]{3,32}$"),
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::INTEGER,
        format: srv::Format::Int32,
        minimum: Some(1f64),
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        format: srv::Format::Uuid,
        ..srv::Schema::ANY
    },
];

static SCHEMES: [srv::Scheme; 1] = [
    srv::Scheme {
        name: "oauth2",
        kind: srv::SchemeKind::OAuth2 {
            token_url: Some("https://auth.example.com/oauth2/token"),
        },
    },
];

static SPEC: srv::Spec = srv::Spec {
    schemas: &SCHEMAS,
    schemes: &SCHEMES,
    prepared: srv::Prepared::new(),
};

/// Order Service API: implement each operation, then serve [`router`].
///
/// Each method gets its operation's request, already checked against the
/// spec, and answers with the operation's response or one of its errors.
pub trait Api: Send + Sync + 'static {
    /// Who a request comes from, as `authenticate` makes it from its credentials.
    type Principal: Send + 'static;
    /// Checks the credentials of an operation that requires them; the
    /// principal it gives is handed to the operation. A refusal is
    /// answered with 401 (and `WWW-Authenticate`) or 403.
    fn authenticate(
        &self,
        credentials: srv::Credentials,
    ) -> impl Future<Output = Result<Self::Principal, srv::Denied>> + Send;
    /// Whose idempotency keys a principal's requests use: a key is
    /// the caller's own, so no caller can replay another's answer.
    /// By default the scope is the credentials the request
    /// presents (a refreshed token starts anew); give a stable id,
    /// such as the account's, to keep keys across credentials.
    /// Never one scope for every caller.
    fn idempotency_scope(&self, _principal: &Self::Principal) -> Option<String> {
        None
    }
    /// Answers what the server refuses besides the operations' own
    /// errors: invalid requests (each failing value listed), missing or
    /// refused credentials, and a `Failure::Problem` from a method.
    /// `application/problem+json` unless overridden, for an API whose
    /// errors have a format of their own.
    fn rejection(&self, problem: srv::Problem) -> srv::Response {
        srv::IntoResponse::into_response(problem)
    }
    /// List orders
    ///
    /// Returns orders, newest first, using cursor pagination. Pass the
    /// `next_cursor` of a page as `cursor` to get the following page; a
    /// `null` `next_cursor` means there are no more pages.
    ///
    /// `GET /orders`
    fn list_orders(
        &self,
        request: ListOrders,
        principal: Self::Principal,
    ) -> impl Future<
        Output = srv::Answer<
            super::operations::ListOrdersResponse,
            super::operations::ListOrdersError,
        >,
    > + Send;
    /// Create an order
    ///
    /// Places a new order for a customer. The order starts in the `pending`
    /// status. The request is idempotent per `Idempotency-Key`.
    ///
    /// `POST /orders`
    fn create_order(
        &self,
        request: CreateOrder,
        principal: Self::Principal,
    ) -> impl Future<
        Output = srv::Answer<
            super::operations::CreateOrderResponse,
            super::operations::CreateOrderError,
        >,
    > + Send;
    /// Get an order
    ///
    /// Returns a single order by its identifier.
    ///
    /// `GET /orders/{orderId}`
    fn get_order(
        &self,
        request: GetOrder,
        principal: Self::Principal,
    ) -> impl Future<
        Output = srv::Answer<
            super::operations::GetOrderResponse,
            super::operations::GetOrderError,
        >,
    > + Send;
}

/// An implementation where every operation answers 501: a start to copy from.
#[derive(Clone, Copy, Debug, Default)]
pub struct Unimplemented;

impl Api for Unimplemented {
    type Principal = srv::Credentials;
    async fn authenticate(
        &self,
        credentials: srv::Credentials,
    ) -> Result<srv::Credentials, srv::Denied> {
        Ok(credentials)
    }
    async fn list_orders(
        &self,
        request: ListOrders,
        principal: Self::Principal,
    ) -> srv::Answer<
        super::operations::ListOrdersResponse,
        super::operations::ListOrdersError,
    > {
        let _ = (request, principal);
        Err(srv::Failure::not_implemented("listOrders"))
    }
    async fn create_order(
        &self,
        request: CreateOrder,
        principal: Self::Principal,
    ) -> srv::Answer<
        super::operations::CreateOrderResponse,
        super::operations::CreateOrderError,
    > {
        let _ = (request, principal);
        Err(srv::Failure::not_implemented("createOrder"))
    }
    async fn get_order(
        &self,
        request: GetOrder,
        principal: Self::Principal,
    ) -> srv::Answer<
        super::operations::GetOrderResponse,
        super::operations::GetOrderError,
    > {
        let _ = (request, principal);
        Err(srv::Failure::not_implemented("getOrder"))
    }
}

/// The router for `api`, with default settings.
pub fn router<A: Api>(api: A) -> srv::Router {
    router_with(api, srv::Settings::default())
}

/// The router for `api`: it nests, merges and takes layers as any axum router.
pub fn router_with<A: Api>(api: A, settings: srv::Settings) -> srv::Router {
    let mut routes = srv::Routes::new(api, &SPEC, settings);
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "listOrders",
                    method: srv::Method::GET,
                    path: "/orders",
                    security: &[&["oauth2"]],
                    produces: &["application/json", "application/problem+json"],
                    invalid_path: srv::StatusCode::BAD_REQUEST,
                };
                &OPERATION
            },
            handle_list_orders::<A>,
        );
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "createOrder",
                    method: srv::Method::POST,
                    path: "/orders",
                    security: &[&["oauth2"]],
                    produces: &["application/json", "application/problem+json"],
                    invalid_path: srv::StatusCode::BAD_REQUEST,
                };
                &OPERATION
            },
            handle_create_order::<A>,
        );
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "getOrder",
                    method: srv::Method::GET,
                    path: "/orders/{orderId}",
                    security: &[&["oauth2"]],
                    produces: &["application/json", "application/problem+json"],
                    invalid_path: srv::StatusCode::NOT_FOUND,
                };
                &OPERATION
            },
            handle_get_order::<A>,
        );
    routes.into_router()
}

/// A request of `listOrders`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct ListOrders {
    /// Opaque cursor returned as `next_cursor` by the previous page.
    ///
    /// The query parameter `cursor`.
    pub cursor: Option<::std::string::String>,
    /// Maximum number of orders in the page.
    ///
    /// The query parameter `limit`.
    pub limit: Option<i32>,
    /// Only return orders in one of these statuses, comma separated,
    /// e.g. `?status=paid,shipped`.
    ///
    /// The query parameter `status`.
    pub status: Option<::std::vec::Vec<super::types::OrderStatus>>,
}

fn handle_list_orders<A: Api>(api: Arc<A>, mut input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let principal = match input
            .authenticate(|credentials| api.authenticate(credentials))
            .await
        {
            Ok(principal) => principal,
            Err(refused) => return api.rejection(refused),
        };
        let cursor = input
            .query::<
                Option<::std::string::String>,
            >("cursor", srv::Style::Form, true, false, Some(0));
        let limit = input
            .query::<Option<i32>>("limit", srv::Style::Form, true, false, Some(1));
        let status = input
            .query::<
                Option<::std::vec::Vec<super::types::OrderStatus>>,
            >("status", srv::Style::Form, false, false, Some(2));
        let (Some(cursor), Some(limit), Some(status)) = (cursor, limit, status) else {
            return api.rejection(input.into_problem())
        };
        let request = ListOrders {
            cursor,
            limit,
            status,
        };
        let answer = api.list_orders(request, principal).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::ListOrdersResponse {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Ok { body, x_rate_limit_remaining } => {
                srv::reply(200u16)
                    .header("X-Rate-Limit-Remaining", &x_rate_limit_remaining)
                    .json("application/json", &body)
            }
        }
    }
}

impl srv::IntoResponse for super::operations::ListOrdersError {
    fn into_response(self) -> srv::Response {
        match self {
            Self::BadRequest(body) => {
                srv::reply(400u16).json("application/problem+json", &body)
            }
            Self::Unauthorized(body) => {
                srv::reply(401u16).json("application/problem+json", &body)
            }
        }
    }
}

/// A request of `createOrder`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct CreateOrder {
    /// Client-generated UUID that identifies this create request. Keys are
    /// remembered for 24 hours.
    ///
    /// The header parameter `Idempotency-Key`.
    pub idempotency_key: ::uuid::Uuid,
    /// The request body.
    pub body: super::types::CreateOrderRequest,
}

fn handle_create_order<A: Api>(api: Arc<A>, mut input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let principal = match input
            .authenticate(|credentials| api.authenticate(credentials))
            .await
        {
            Ok(principal) => principal,
            Err(refused) => return api.rejection(refused),
        };
        let idempotency_key = input
            .header::<::uuid::Uuid>("Idempotency-Key", false, true, Some(4));
        let body = match input.body_kind(&["application/json"], true) {
            Ok(Some(_)) => input.json::<super::types::CreateOrderRequest>(Some(5)).await,
            Ok(None) => None,
            Err(()) => None,
        };
        let (Some(idempotency_key), Some(body)) = (idempotency_key, body) else {
            return api.rejection(input.into_problem())
        };
        let request = CreateOrder {
            idempotency_key,
            body,
        };
        match input.idempotency(api.idempotency_scope(&principal)).await {
            srv::Idempotent::Run => {}
            srv::Idempotent::Replay(response) => return response,
            srv::Idempotent::Refused(problem) => return api.rejection(problem),
        }
        let answer = api.create_order(request, principal).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::CreateOrderResponse {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Created { body, location } => {
                srv::reply(201u16)
                    .header("Location", &location)
                    .json("application/json", &body)
            }
        }
    }
}

impl srv::IntoResponse for super::operations::CreateOrderError {
    fn into_response(self) -> srv::Response {
        match self {
            Self::BadRequest(body) => {
                srv::reply(400u16).json("application/problem+json", &body)
            }
            Self::Unauthorized(body) => {
                srv::reply(401u16).json("application/problem+json", &body)
            }
            Self::Conflict(body) => {
                srv::reply(409u16).json("application/problem+json", &body)
            }
            Self::UnprocessableEntity(body) => {
                srv::reply(422u16).json("application/problem+json", &body)
            }
        }
    }
}

/// A request of `getOrder`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct GetOrder {
    /// Identifier of the order.
    ///
    /// The path parameter `orderId`.
    pub order_id: ::uuid::Uuid,
}

fn handle_get_order<A: Api>(api: Arc<A>, mut input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let principal = match input
            .authenticate(|credentials| api.authenticate(credentials))
            .await
        {
            Ok(principal) => principal,
            Err(refused) => return api.rejection(refused),
        };
        let order_id = input
            .path::<::uuid::Uuid>("orderId", srv::Style::Simple, false, Some(13));
        let (Some(order_id),) = (order_id,) else {
            return api.rejection(input.into_problem())
        };
        let request = GetOrder { order_id };
        let answer = api.get_order(request, principal).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::GetOrderResponse {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Ok(body) => srv::reply(200u16).json("application/json", &body),
        }
    }
}

impl srv::IntoResponse for super::operations::GetOrderError {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Unauthorized(body) => {
                srv::reply(401u16).json("application/problem+json", &body)
            }
            Self::NotFound(body) => {
                srv::reply(404u16).json("application/problem+json", &body)
            }
        }
    }
}
