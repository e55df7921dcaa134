//! What each operation of Order Service API answers, shared by the client and the server.
#![cfg_attr(rustfmt, rustfmt::skip)]
#![allow(deprecated)]
#![allow(
    clippy::large_enum_variant,
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

/// What `listOrders` answers on success.
#[derive(Debug)]
pub enum ListOrdersResponse {
    /// A page of orders.
    ///
    /// Status 200.
    Ok {
        body: super::types::OrderPage,
        /// The `X-Rate-Limit-Remaining` header.
        x_rate_limit_remaining: Option<i32>,
    },
}

/// The errors `listOrders` documents.
#[derive(Debug)]
pub enum ListOrdersError {
    /// The request is malformed (invalid JSON, wrong types, bad parameters).
    ///
    /// Status 400.
    BadRequest(super::types::Problem),
    /// The access token is missing, expired or lacks the required scope.
    ///
    /// Status 401.
    Unauthorized(super::types::Problem),
}

/// What `createOrder` answers on success.
#[derive(Debug)]
pub enum CreateOrderResponse {
    /// The order was created.
    ///
    /// Status 201.
    Created {
        body: super::types::Order,
        /// The `Location` header.
        location: Option<::std::string::String>,
    },
}

/// The errors `createOrder` documents.
#[derive(Debug)]
pub enum CreateOrderError {
    /// The request is malformed (invalid JSON, wrong types, bad parameters).
    ///
    /// Status 400.
    BadRequest(super::types::Problem),
    /// The access token is missing, expired or lacks the required scope.
    ///
    /// Status 401.
    Unauthorized(super::types::Problem),
    /// The `Idempotency-Key` was already used for a request with a
    /// different body.
    ///
    /// Status 409.
    Conflict(super::types::Problem),
    /// The request was well formed but cannot be processed, e.g. an
    /// unknown SKU or a customer that may not place orders.
    ///
    /// Status 422.
    UnprocessableEntity(super::types::Problem),
}

/// What `getOrder` answers on success.
#[derive(Debug)]
pub enum GetOrderResponse {
    /// The requested order.
    ///
    /// Status 200.
    Ok(super::types::Order),
}

/// The errors `getOrder` documents.
#[derive(Debug)]
pub enum GetOrderError {
    /// The access token is missing, expired or lacks the required scope.
    ///
    /// Status 401.
    Unauthorized(super::types::Problem),
    /// No order with this identifier exists.
    ///
    /// Status 404.
    NotFound(super::types::Problem),
}
