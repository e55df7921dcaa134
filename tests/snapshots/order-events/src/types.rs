#![cfg_attr(rustfmt, rustfmt::skip)]
#![allow(deprecated)]
#![allow(
    clippy::large_enum_variant,
    clippy::enum_variant_names,
    clippy::doc_lazy_continuation,
    clippy::doc_overindented_list_items,
    clippy::type_complexity,
    clippy::too_long_first_doc_paragraph
)]

#![allow(
    rustdoc::bare_urls,
    rustdoc::broken_intra_doc_links,
    rustdoc::invalid_html_tags,
    rustdoc::invalid_rust_codeblocks
)]

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
/// Headers carried by every message.
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct EventHeaders {
    /// Shared by all messages caused by the same original request.
    #[serde(rename = "correlationId")]
    pub correlation_id: ::uuid::Uuid,
    /// W3C Trace Context `traceparent` header.
    pub traceparent: ::std::string::String,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
/// Headers of a request that expects a reply.
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct RequestHeaders {
    /// Copied into the reply so the requester can match it.
    #[serde(rename = "correlationId")]
    pub correlation_id: ::uuid::Uuid,
    /// W3C Trace Context `traceparent` header.
    pub traceparent: ::std::string::String,
    /// Subject the reply must be sent to.
    #[serde(rename = "replyTo")]
    pub reply_to: ::std::string::String,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
/// An amount of money; the amount is a decimal string to keep precision.
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct Money {
    /// Decimal amount with up to two fraction digits.
    pub amount: ::std::string::String,
    /// ISO 4217 currency code.
    pub currency: MoneyCurrency,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
/// One line of an order.
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct OrderLine {
    /// Stock keeping unit of the product.
    pub sku: ::std::string::String,
    /// Number of units ordered.
    pub quantity: i32,
    /// An amount of money; the amount is a decimal string to keep precision.
    pub unit_price: Money,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
/// Body of an `OrderCreated` event.
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct OrderCreatedPayload {
    /// Unique id of this event; consumers use it to drop duplicates.
    pub event_id: ::uuid::Uuid,
    /// Identifier of the created order.
    pub order_id: ::uuid::Uuid,
    /// Identifier of the customer who placed the order.
    pub customer_id: ::uuid::Uuid,
    /// Region the order was placed in; matches the channel parameter.
    pub region: OrderCreatedPayloadRegion,
    /// When the order was created.
    pub occurred_at: ::chrono::DateTime<::chrono::FixedOffset>,
    /// Ordered products.
    pub items: ::std::vec::Vec<OrderLine>,
    /// An amount of money; the amount is a decimal string to keep precision.
    pub total: Money,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
/// Body of an `InventoryLow` event.
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct InventoryLowPayload {
    /// Unique id of this event.
    pub event_id: ::uuid::Uuid,
    /// Order whose reservation triggered the alert, if any.
    #[serde(default, skip_serializing_if = "::specwright_runtime::Nullable::is_absent")]
    pub order_id: ::specwright_runtime::Nullable<::uuid::Uuid>,
    /// When the threshold was crossed.
    pub occurred_at: ::chrono::DateTime<::chrono::FixedOffset>,
    /// Product running low.
    pub sku: ::std::string::String,
    /// Warehouse where the stock is low.
    pub warehouse_id: ::std::string::String,
    /// Units still available for new orders.
    pub available_quantity: i32,
    /// Threshold configured for this SKU and warehouse.
    pub reorder_threshold: i32,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
/// Body of a `PaymentFailed` event.
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct PaymentFailedPayload {
    /// Unique id of this event.
    pub event_id: ::uuid::Uuid,
    /// Order the payment was for.
    pub order_id: ::uuid::Uuid,
    /// Identifier of the failed payment attempt.
    pub payment_id: ::uuid::Uuid,
    /// When the payment provider reported the failure.
    pub occurred_at: ::chrono::DateTime<::chrono::FixedOffset>,
    /// An amount of money; the amount is a decimal string to keep precision.
    pub amount: Money,
    /// Why the payment failed.
    pub reason: PaymentFailedPayloadReason,
    /// Whether trying again with the same payment method may succeed.
    pub retryable: bool,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
/// Body of a stock check request.
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct CheckStockRequestPayload {
    /// Products and quantities to check.
    pub items: ::std::vec::Vec<CheckStockRequestPayloadItemsItem>,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
/// Body of a stock check reply.
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct CheckStockReplyPayload {
    /// When the stock levels were read.
    pub checked_at: ::chrono::DateTime<::chrono::FixedOffset>,
    /// One entry per requested product, in request order.
    pub items: ::std::vec::Vec<CheckStockReplyPayloadItemsItem>,
}

/// Sales region the order was placed in.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    Hash,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub enum OrderCreatedRegion {
    #[serde(rename = "eu")]
    Eu,
    #[serde(rename = "us")]
    Us,
    #[serde(rename = "apac")]
    Apac,
    /// A value this version of the API does not list, kept as it came.
    #[serde(untagged)]
    Other(::std::string::String),
}

impl OrderCreatedRegion {
    /// The value as it appears in JSON.
    pub fn as_str(&self) -> &str {
        match self {
            OrderCreatedRegion::Eu => "eu",
            OrderCreatedRegion::Us => "us",
            OrderCreatedRegion::Apac => "apac",
            OrderCreatedRegion::Other(value) => value,
        }
    }
}

impl ::std::fmt::Display for OrderCreatedRegion {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(feature = "schemars")]
impl ::schemars::JsonSchema for OrderCreatedRegion {
    fn schema_name() -> ::std::borrow::Cow<'static, str> {
        ::std::borrow::Cow::Borrowed("OrderCreatedRegion")
    }
    fn json_schema(_: &mut ::schemars::SchemaGenerator) -> ::schemars::Schema {
        ::schemars::json_schema!({ "type" : "string", "enum" : ["eu", "us", "apac"] })
    }
}

/// ISO 4217 currency code.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    Hash,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub enum MoneyCurrency {
    #[serde(rename = "EUR")]
    Eur,
    #[serde(rename = "USD")]
    Usd,
    #[serde(rename = "GBP")]
    Gbp,
    /// A value this version of the API does not list, kept as it came.
    #[serde(untagged)]
    Other(::std::string::String),
}

impl MoneyCurrency {
    /// The value as it appears in JSON.
    pub fn as_str(&self) -> &str {
        match self {
            MoneyCurrency::Eur => "EUR",
            MoneyCurrency::Usd => "USD",
            MoneyCurrency::Gbp => "GBP",
            MoneyCurrency::Other(value) => value,
        }
    }
}

impl ::std::fmt::Display for MoneyCurrency {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(feature = "schemars")]
impl ::schemars::JsonSchema for MoneyCurrency {
    fn schema_name() -> ::std::borrow::Cow<'static, str> {
        ::std::borrow::Cow::Borrowed("MoneyCurrency")
    }
    fn json_schema(_: &mut ::schemars::SchemaGenerator) -> ::schemars::Schema {
        ::schemars::json_schema!({ "type" : "string", "enum" : ["EUR", "USD", "GBP"] })
    }
}

/// Region the order was placed in; matches the channel parameter.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    Hash,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub enum OrderCreatedPayloadRegion {
    #[serde(rename = "eu")]
    Eu,
    #[serde(rename = "us")]
    Us,
    #[serde(rename = "apac")]
    Apac,
    /// A value this version of the API does not list, kept as it came.
    #[serde(untagged)]
    Other(::std::string::String),
}

impl OrderCreatedPayloadRegion {
    /// The value as it appears in JSON.
    pub fn as_str(&self) -> &str {
        match self {
            OrderCreatedPayloadRegion::Eu => "eu",
            OrderCreatedPayloadRegion::Us => "us",
            OrderCreatedPayloadRegion::Apac => "apac",
            OrderCreatedPayloadRegion::Other(value) => value,
        }
    }
}

impl ::std::fmt::Display for OrderCreatedPayloadRegion {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(feature = "schemars")]
impl ::schemars::JsonSchema for OrderCreatedPayloadRegion {
    fn schema_name() -> ::std::borrow::Cow<'static, str> {
        ::std::borrow::Cow::Borrowed("OrderCreatedPayloadRegion")
    }
    fn json_schema(_: &mut ::schemars::SchemaGenerator) -> ::schemars::Schema {
        ::schemars::json_schema!({ "type" : "string", "enum" : ["eu", "us", "apac"] })
    }
}

/// Why the payment failed.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    Hash,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub enum PaymentFailedPayloadReason {
    #[serde(rename = "card_declined")]
    CardDeclined,
    #[serde(rename = "insufficient_funds")]
    InsufficientFunds,
    #[serde(rename = "card_expired")]
    CardExpired,
    #[serde(rename = "suspected_fraud")]
    SuspectedFraud,
    #[serde(rename = "provider_error")]
    ProviderError,
    /// A value this version of the API does not list, kept as it came.
    #[serde(untagged)]
    Other(::std::string::String),
}

impl PaymentFailedPayloadReason {
    /// The value as it appears in JSON.
    pub fn as_str(&self) -> &str {
        match self {
            PaymentFailedPayloadReason::CardDeclined => "card_declined",
            PaymentFailedPayloadReason::InsufficientFunds => "insufficient_funds",
            PaymentFailedPayloadReason::CardExpired => "card_expired",
            PaymentFailedPayloadReason::SuspectedFraud => "suspected_fraud",
            PaymentFailedPayloadReason::ProviderError => "provider_error",
            PaymentFailedPayloadReason::Other(value) => value,
        }
    }
}

impl ::std::fmt::Display for PaymentFailedPayloadReason {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(feature = "schemars")]
impl ::schemars::JsonSchema for PaymentFailedPayloadReason {
    fn schema_name() -> ::std::borrow::Cow<'static, str> {
        ::std::borrow::Cow::Borrowed("PaymentFailedPayloadReason")
    }
    fn json_schema(_: &mut ::schemars::SchemaGenerator) -> ::schemars::Schema {
        ::schemars::json_schema!(
            { "type" : "string", "enum" : ["card_declined", "insufficient_funds",
            "card_expired", "suspected_fraud", "provider_error"] }
        )
    }
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
/// One product to check.
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct CheckStockRequestPayloadItemsItem {
    /// Product to check.
    pub sku: ::std::string::String,
    /// Quantity the requester needs.
    pub quantity: i32,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
/// Stock level of one product.
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct CheckStockReplyPayloadItemsItem {
    /// Product that was checked.
    pub sku: ::std::string::String,
    /// Quantity asked for.
    pub requested: i32,
    /// Quantity currently available.
    pub available: i32,
    /// True when `available` is at least `requested`.
    pub in_stock: bool,
}
