#![cfg_attr(rustfmt, rustfmt::skip)]
#![allow(deprecated)]
#![allow(
    clippy::too_many_arguments,
    clippy::large_enum_variant,
    clippy::should_implement_trait,
    clippy::wrong_self_convention,
    clippy::doc_lazy_continuation,
    clippy::doc_overindented_list_items,
    clippy::too_long_first_doc_paragraph
)]

#![allow(
    rustdoc::bare_urls,
    rustdoc::broken_intra_doc_links,
    rustdoc::invalid_html_tags,
    rustdoc::invalid_rust_codeblocks
)]

use ::specwright_runtime::http as rt;

pub use super::operations::*;

pub use rt::{
    multipart, ClientBuilder, Credential, Error, FilePart, Response, RetryPolicy,
};

pub use ::specwright_runtime::Binary;

/// The servers the spec lists; the first is the default base URL.
pub const SERVERS: &[rt::ServerTemplate] = &[
    rt::ServerTemplate {
        url: "https://api.example.com/orders/v1",
        variables: &[],
        description: Some("Production."),
    },
    rt::ServerTemplate {
        url: "http://localhost:8080",
        variables: &[],
        description: Some("Local development instance."),
    },
];

/// The security schemes the spec declares. Give credentials for them
/// by name: `Client::builder().credential(schemes::NAME, ...)`.
pub const SECURITY_SCHEMES: &[rt::Scheme] = &[
    rt::Scheme {
        name: "oauth2",
        kind: rt::SchemeKind::OAuth2 {
            token_url: Some("https://auth.example.com/oauth2/token"),
        },
    },
];

/// The names of the security schemes.
pub mod schemes {
    /// `oauth2`
    pub const OAUTH2: &str = "oauth2";
}

/// A client for Order Service API.
///
/// Cheap to clone: clones share connections, credentials and tokens.
#[derive(Clone, Debug)]
pub struct Client {
    inner: rt::Client,
}

impl From<rt::Client> for Client {
    fn from(inner: rt::Client) -> Self {
        Client { inner }
    }
}

impl Client {
    /// Settings for a client: base URL, credentials, timeouts, retries, middleware.
    pub fn builder() -> rt::ClientBuilder<Client> {
        rt::ClientBuilder::new(SERVERS, SECURITY_SCHEMES)
    }
    /// A client for `base_url` with default settings.
    pub fn new(base_url: &str) -> Result<Client, rt::BuildError> {
        Self::builder().base_url(base_url).build()
    }
    /// The runtime client underneath.
    pub fn runtime(&self) -> &rt::Client {
        &self.inner
    }
    /// List orders
    ///
    /// Returns orders, newest first, using cursor pagination. Pass the
    /// `next_cursor` of a page as `cursor` to get the following page; a
    /// `null` `next_cursor` means there are no more pages.
    ///
    /// `GET /orders`
    pub fn list_orders(&self) -> ListOrders<'_> {
        ListOrders {
            client: self,
            cursor: None,
            limit: None,
            status: None,
        }
    }
    /// Create an order
    ///
    /// Places a new order for a customer. The order starts in the `pending`
    /// status. The request is idempotent per `Idempotency-Key`.
    ///
    /// `POST /orders`
    pub fn create_order(
        &self,
        idempotency_key: ::uuid::Uuid,
        body: super::types::CreateOrderRequest,
    ) -> CreateOrder<'_> {
        CreateOrder {
            client: self,
            idempotency_key,
            body,
        }
    }
    /// Get an order
    ///
    /// Returns a single order by its identifier.
    ///
    /// `GET /orders/{orderId}`
    pub fn get_order(&self, order_id: ::uuid::Uuid) -> GetOrder<'_> {
        GetOrder { client: self, order_id }
    }
}

/// A call of `listOrders`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
#[derive(Clone)]
pub struct ListOrders<'a> {
    client: &'a Client,
    cursor: Option<::std::string::String>,
    limit: Option<i32>,
    status: Option<::std::vec::Vec<super::types::OrderStatus>>,
}

impl<'a> ListOrders<'a> {
    /// Opaque cursor returned as `next_cursor` by the previous page.
    pub fn cursor(mut self, value: impl Into<String>) -> Self {
        self.cursor = Some(value.into());
        self
    }
    /// Maximum number of orders in the page.
    pub fn limit(mut self, value: i32) -> Self {
        self.limit = Some(value);
        self
    }
    /// Only return orders in one of these statuses, comma separated,
    /// e.g. `?status=paid,shipped`.
    pub fn status(mut self, value: ::std::vec::Vec<super::types::OrderStatus>) -> Self {
        self.status = Some(value);
        self
    }
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, ListOrdersResponse, ListOrdersError> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "listOrders",
            method: rt::Method::GET,
            path: "/orders",
            security: &[&["oauth2"]],
        };
        let mut request = self.client.inner.request(&OPERATION);
        request.query("cursor", &self.cursor, rt::Style::Form, true, false);
        request.query("limit", &self.limit, rt::Style::Form, true, false);
        request.query("status", &self.status, rt::Style::Form, false, false);
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                200 => {
                    Ok({
                        let x_rate_limit_remaining = raw
                            .header::<i32>("X-Rate-Limit-Remaining")?;
                        raw.json::<super::types::OrderPage>()?
                            .map(|body| ListOrdersResponse::Ok {
                                body,
                                x_rate_limit_remaining,
                            })
                    })
                }
                400 => {
                    Err(
                        rt::Error::Api(
                            Box::new(
                                raw
                                    .json::<super::types::Problem>()?
                                    .map(ListOrdersError::BadRequest),
                            ),
                        ),
                    )
                }
                401 => {
                    Err(
                        rt::Error::Api(
                            Box::new(
                                raw
                                    .json::<super::types::Problem>()?
                                    .map(ListOrdersError::Unauthorized),
                            ),
                        ),
                    )
                }
                _ => Err(raw.unexpected().into()),
            },
        )
    }
}

impl<'a> ListOrders<'a> {
    /// Every item of `listOrders`, page after page, each page fetched as the stream reaches it.
    pub fn into_stream(
        self,
    ) -> impl rt::Stream<
        Item = Result<super::types::Order, rt::Error<ListOrdersError>>,
    > + 'a {
        rt::paginate(
            self,
            |call: Self| async move {
                let response = call.clone().send().await?;
                #[allow(irrefutable_let_patterns)]
                let ListOrdersResponse::Ok { body, .. } = response.into_body() else {
                    return Ok((Vec::new(), None))
                };
                let next = body
                    .next_cursor
                    .clone()
                    .filter(|c| !c.is_empty())
                    .map(|c| call.cursor(c));
                let items = body.items;
                Ok((items, next))
            },
        )
    }
}

/// A call of `createOrder`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct CreateOrder<'a> {
    client: &'a Client,
    idempotency_key: ::uuid::Uuid,
    body: super::types::CreateOrderRequest,
}

impl<'a> CreateOrder<'a> {
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, CreateOrderResponse, CreateOrderError> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "createOrder",
            method: rt::Method::POST,
            path: "/orders",
            security: &[&["oauth2"]],
        };
        let mut request = self.client.inner.request(&OPERATION);
        request.header("Idempotency-Key", &self.idempotency_key, false);
        let body = self.body;
        request.json("application/json", &body);
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                201 => {
                    Ok({
                        let location = raw.header::<::std::string::String>("Location")?;
                        raw.json::<super::types::Order>()?
                            .map(|body| CreateOrderResponse::Created {
                                body,
                                location,
                            })
                    })
                }
                400 => {
                    Err(
                        rt::Error::Api(
                            Box::new(
                                raw
                                    .json::<super::types::Problem>()?
                                    .map(CreateOrderError::BadRequest),
                            ),
                        ),
                    )
                }
                401 => {
                    Err(
                        rt::Error::Api(
                            Box::new(
                                raw
                                    .json::<super::types::Problem>()?
                                    .map(CreateOrderError::Unauthorized),
                            ),
                        ),
                    )
                }
                409 => {
                    Err(
                        rt::Error::Api(
                            Box::new(
                                raw
                                    .json::<super::types::Problem>()?
                                    .map(CreateOrderError::Conflict),
                            ),
                        ),
                    )
                }
                422 => {
                    Err(
                        rt::Error::Api(
                            Box::new(
                                raw
                                    .json::<super::types::Problem>()?
                                    .map(CreateOrderError::UnprocessableEntity),
                            ),
                        ),
                    )
                }
                _ => Err(raw.unexpected().into()),
            },
        )
    }
}

/// A call of `getOrder`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct GetOrder<'a> {
    client: &'a Client,
    order_id: ::uuid::Uuid,
}

impl<'a> GetOrder<'a> {
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, GetOrderResponse, GetOrderError> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "getOrder",
            method: rt::Method::GET,
            path: "/orders/{orderId}",
            security: &[&["oauth2"]],
        };
        let mut request = self.client.inner.request(&OPERATION);
        request.path("orderId", &self.order_id, rt::Style::Simple, false);
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                200 => Ok(raw.json::<super::types::Order>()?.map(GetOrderResponse::Ok)),
                401 => {
                    Err(
                        rt::Error::Api(
                            Box::new(
                                raw
                                    .json::<super::types::Problem>()?
                                    .map(GetOrderError::Unauthorized),
                            ),
                        ),
                    )
                }
                404 => {
                    Err(
                        rt::Error::Api(
                            Box::new(
                                raw
                                    .json::<super::types::Problem>()?
                                    .map(GetOrderError::NotFound),
                            ),
                        ),
                    )
                }
                _ => Err(raw.unexpected().into()),
            },
        )
    }
}
