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
pub enum Currency {
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

impl Currency {
    /// The value as it appears in JSON.
    pub fn as_str(&self) -> &str {
        match self {
            Currency::Eur => "EUR",
            Currency::Usd => "USD",
            Currency::Gbp => "GBP",
            Currency::Other(value) => value,
        }
    }
}

impl ::std::fmt::Display for Currency {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(feature = "schemars")]
impl ::schemars::JsonSchema for Currency {
    fn schema_name() -> ::std::borrow::Cow<'static, str> {
        ::std::borrow::Cow::Borrowed("Currency")
    }
    fn json_schema(_: &mut ::schemars::SchemaGenerator) -> ::schemars::Schema {
        ::schemars::json_schema!({ "type" : "string", "enum" : ["EUR", "USD", "GBP"] })
    }
}

/// Lifecycle state of an order:
/// * `pending` - created, waiting for payment
/// * `paid` - payment captured
/// * `shipped` - handed over to the carrier
/// * `cancelled` - will not be fulfilled
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    Hash,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub enum OrderStatus {
    #[serde(rename = "pending")]
    Pending,
    #[serde(rename = "paid")]
    Paid,
    #[serde(rename = "shipped")]
    Shipped,
    #[serde(rename = "cancelled")]
    Cancelled,
    /// A value this version of the API does not list, kept as it came.
    #[serde(untagged)]
    Other(::std::string::String),
}

impl OrderStatus {
    /// The value as it appears in JSON.
    pub fn as_str(&self) -> &str {
        match self {
            OrderStatus::Pending => "pending",
            OrderStatus::Paid => "paid",
            OrderStatus::Shipped => "shipped",
            OrderStatus::Cancelled => "cancelled",
            OrderStatus::Other(value) => value,
        }
    }
}

impl ::std::fmt::Display for OrderStatus {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(feature = "schemars")]
impl ::schemars::JsonSchema for OrderStatus {
    fn schema_name() -> ::std::borrow::Cow<'static, str> {
        ::std::borrow::Cow::Borrowed("OrderStatus")
    }
    fn json_schema(_: &mut ::schemars::SchemaGenerator) -> ::schemars::Schema {
        ::schemars::json_schema!(
            { "type" : "string", "enum" : ["pending", "paid", "shipped", "cancelled"] }
        )
    }
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
pub struct OrderItem {
    /// Stock keeping unit of the product.
    pub sku: ::std::string::String,
    /// Number of units ordered.
    pub quantity: i32,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
/// Body of a create-order request.
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct CreateOrderRequest {
    /// Identifier of the customer placing the order.
    pub customer_id: ::uuid::Uuid,
    /// Products to order; at least one.
    pub items: ::std::vec::Vec<OrderItem>,
    /// Free-text note for the warehouse, or `null`.
    #[serde(default, skip_serializing_if = "::specwright_runtime::Nullable::is_absent")]
    pub note: ::specwright_runtime::Nullable<::std::string::String>,
    /// ISO 4217 currency code.
    pub currency: Currency,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
/// An amount of money. The amount is a decimal string so that no
/// precision is lost in transit.
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct Money {
    /// Decimal amount with up to two fraction digits, e.g. `"19.90"`.
    pub amount: ::std::string::String,
    /// ISO 4217 currency code.
    pub currency: Currency,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
/// A customer order.
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct Order {
    /// Identifier assigned by the server.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub id: ::std::option::Option<::uuid::Uuid>,
    /// Identifier of the customer who placed the order.
    pub customer_id: ::uuid::Uuid,
    /// Ordered products.
    pub items: ::std::vec::Vec<OrderItem>,
    /// Lifecycle state of an order:
    /// * `pending` - created, waiting for payment
    /// * `paid` - payment captured
    /// * `shipped` - handed over to the carrier
    /// * `cancelled` - will not be fulfilled
    pub status: OrderStatus,
    /// An amount of money. The amount is a decimal string so that no
    /// precision is lost in transit.
    pub total: Money,
    /// Note supplied when the order was created, or `null`.
    #[serde(default, skip_serializing_if = "::specwright_runtime::Nullable::is_absent")]
    pub note: ::specwright_runtime::Nullable<::std::string::String>,
    /// When the order was created (RFC 3339).
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub created_at: ::std::option::Option<::chrono::DateTime<::chrono::FixedOffset>>,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
/// One page of a cursor-paginated order listing.
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct OrderPage {
    /// Orders in this page.
    pub items: ::std::vec::Vec<Order>,
    /// Cursor of the next page, or `null` on the last page.
    pub next_cursor: ::std::option::Option<::std::string::String>,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
/// Problem Details object as defined by RFC 9457.
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct Problem {
    /// URI that identifies the problem type.
    ///
    /// Defaults to `"about:blank"` when absent.
    #[serde(
        rename = "type",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub type_: ::std::option::Option<::std::string::String>,
    /// Short, human-readable summary of the problem type.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub title: ::std::option::Option<::std::string::String>,
    /// HTTP status code of this occurrence.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub status: ::std::option::Option<i32>,
    /// Human-readable explanation of this occurrence.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub detail: ::std::option::Option<::std::string::String>,
    /// URI that identifies this occurrence.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub instance: ::std::option::Option<::std::string::String>,
    /// Individual validation errors, if any.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub errors: ::std::option::Option<::std::vec::Vec<ProblemError>>,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
/// One validation error inside a problem.
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct ProblemError {
    /// JSON Pointer (RFC 6901) to the offending part of the request body.
    pub pointer: ::std::string::String,
    /// What is wrong with that part.
    pub detail: ::std::string::String,
}
