#![cfg_attr(rustfmt, rustfmt::skip)]
#![allow(deprecated)]
#![allow(
    clippy::large_enum_variant,
    clippy::doc_lazy_continuation,
    clippy::doc_overindented_list_items,
    clippy::too_long_first_doc_paragraph,
    clippy::too_many_arguments,
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

use ::specwright_runtime::events as ev;

pub use ev::{Context, EventApp, HandlerError, PublishError, RequestError};

/// Order created
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize, ev::Event)]
#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[serde(transparent)]
#[event(name = "OrderCreated", channel = "orders.{region}.created")]
pub struct OrderCreated(pub super::types::OrderCreatedPayload);

impl OrderCreated {
    /// The headers the spec gives this message, read from a received one.
    pub fn headers(
        message: &ev::Message,
    ) -> Result<super::types::EventHeaders, ev::CodecError> {
        ev::read_headers(&message.headers)
    }
    /// Where the message carries its correlation id.
    pub const CORRELATION_ID: &'static str = "$message.header#/correlationId";
    /// The correlation id of a received message, read where the spec says it is.
    pub fn correlation_id(message: &ev::Message) -> Option<String> {
        ev::Place::parse(Self::CORRELATION_ID)?.read(message)
    }
}

/// Inventory low
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize, ev::Event)]
#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[serde(transparent)]
#[event(name = "InventoryLow", channel = "inventory.low")]
pub struct InventoryLow(pub super::types::InventoryLowPayload);

impl InventoryLow {
    /// The headers the spec gives this message, read from a received one.
    pub fn headers(
        message: &ev::Message,
    ) -> Result<super::types::EventHeaders, ev::CodecError> {
        ev::read_headers(&message.headers)
    }
    /// Where the message carries its correlation id.
    pub const CORRELATION_ID: &'static str = "$message.header#/correlationId";
    /// The correlation id of a received message, read where the spec says it is.
    pub fn correlation_id(message: &ev::Message) -> Option<String> {
        ev::Place::parse(Self::CORRELATION_ID)?.read(message)
    }
}

/// Payment failed
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize, ev::Event)]
#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[serde(transparent)]
#[event(name = "PaymentFailed", channel = "payments.failed")]
pub struct PaymentFailed(pub super::types::PaymentFailedPayload);

impl PaymentFailed {
    /// The headers the spec gives this message, read from a received one.
    pub fn headers(
        message: &ev::Message,
    ) -> Result<super::types::EventHeaders, ev::CodecError> {
        ev::read_headers(&message.headers)
    }
    /// Where the message carries its correlation id.
    pub const CORRELATION_ID: &'static str = "$message.header#/correlationId";
    /// The correlation id of a received message, read where the spec says it is.
    pub fn correlation_id(message: &ev::Message) -> Option<String> {
        ev::Place::parse(Self::CORRELATION_ID)?.read(message)
    }
}

/// Stock check request
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize, ev::Event)]
#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[serde(transparent)]
#[event(name = "CheckStockRequest", channel = "inventory.check")]
pub struct CheckStockRequest(pub super::types::CheckStockRequestPayload);

impl CheckStockRequest {
    /// The headers the spec gives this message, read from a received one.
    pub fn headers(
        message: &ev::Message,
    ) -> Result<super::types::RequestHeaders, ev::CodecError> {
        ev::read_headers(&message.headers)
    }
    /// Where the message carries its correlation id.
    pub const CORRELATION_ID: &'static str = "$message.header#/correlationId";
    /// The correlation id of a received message, read where the spec says it is.
    pub fn correlation_id(message: &ev::Message) -> Option<String> {
        ev::Place::parse(Self::CORRELATION_ID)?.read(message)
    }
}

/// Stock check reply
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize, ev::Event)]
#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[serde(transparent)]
#[event(name = "CheckStockReply", channel = "inventoryCheckReply")]
pub struct CheckStockReply(pub super::types::CheckStockReplyPayload);

impl CheckStockReply {
    /// The headers the spec gives this message, read from a received one.
    pub fn headers(
        message: &ev::Message,
    ) -> Result<super::types::EventHeaders, ev::CodecError> {
        ev::read_headers(&message.headers)
    }
    /// Where the message carries its correlation id.
    pub const CORRELATION_ID: &'static str = "$message.header#/correlationId";
    /// The correlation id of a received message, read where the spec says it is.
    pub fn correlation_id(message: &ev::Message) -> Option<String> {
        ev::Place::parse(Self::CORRELATION_ID)?.read(message)
    }
}

/// The parameters of `orders.{region}.created`, which fill in one address of it.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct OrderCreatedParameters {
    /// Sales region the order was placed in.
    #[serde(rename = "region")]
    pub region: super::types::OrderCreatedRegion,
}

impl OrderCreatedParameters {
    pub const TEMPLATE: &'static str = "orders.{region}.created";
    /// The address these parameters fill in; a value that would change
    /// its shape (a separator or a wildcard) is refused.
    pub fn address(&self) -> Result<String, ev::AddressError> {
        ev::address::fill(Self::TEMPLATE, self)
    }
}

/// Sends what Order Flow Events sends: a method per operation.
#[derive(Clone)]
pub struct Publisher {
    events: ev::EventPublisher,
    requester: ev::Requester,
}

impl Publisher {
    /// `source` is the CloudEvents `source` of what it sends, such as `/orders`.
    pub fn new(
        transport: Arc<dyn ev::Transport>,
        source: impl Into<std::borrow::Cow<'static, str>>,
    ) -> Self {
        let source = source.into();
        Publisher {
            requester: ev::Requester::new(transport.clone(), source.clone()),
            events: ev::EventPublisher::new(transport, source),
        }
    }
    /// The publisher underneath, for events of other kinds.
    pub fn events(&self) -> &ev::EventPublisher {
        &self.events
    }
    /// Publish OrderCreated
    ///
    /// The orders service publishes `OrderCreated` right after the order
    /// has been committed to its database (transactional outbox), on the
    /// topic of the region the order was placed in.
    ///
    /// `publishOrderCreated`: publishes the event; gives the id it went out with.
    pub async fn publish_order_created(
        &self,
        parameters: &OrderCreatedParameters,
        event: &OrderCreated,
        headers: &super::types::EventHeaders,
    ) -> Result<String, ev::PublishError> {
        self.events.publish_with(&parameters.address()?, event, headers).await
    }
    /// Publish InventoryLow
    ///
    /// Sent by the inventory service when the available quantity of a SKU
    /// in a warehouse falls below its reorder threshold. Sent at most once
    /// per SKU and warehouse until the stock has been replenished.
    ///
    /// `publishInventoryLow`: publishes the event; gives the id it went out with.
    pub async fn publish_inventory_low(
        &self,
        event: &InventoryLow,
        headers: &super::types::EventHeaders,
    ) -> Result<String, ev::PublishError> {
        self.events.publish_with("inventory.low", event, headers).await
    }
    /// Publish PaymentFailed
    ///
    /// Sent by the payments service each time a payment attempt for an order fails.
    ///
    /// `publishPaymentFailed`: publishes the event; gives the id it went out with.
    pub async fn publish_payment_failed(
        &self,
        event: &PaymentFailed,
        headers: &super::types::EventHeaders,
    ) -> Result<String, ev::PublishError> {
        self.events.publish_with("payments.failed", event, headers).await
    }
    /// Check stock
    ///
    /// The orders service asks the inventory service, before accepting an
    /// order, whether the requested quantities are available. The request
    /// carries the requester's inbox in the `replyTo` header; the answer is
    /// sent there.
    ///
    /// `checkStock`: sends the request and waits up to `timeout` for its reply.
    pub async fn check_stock(
        &self,
        event: &CheckStockRequest,
        timeout: std::time::Duration,
    ) -> Result<CheckStockReply, ev::RequestError> {
        let reply = ev::ReplyTo {
            channel: None,
            expression: Some("$message.header#/replyTo"),
        };
        self.requester
            .request(
                "inventory.check",
                event,
                reply,
                Some("$message.header#/correlationId"),
                timeout,
            )
            .await
    }
}

/// What Order Flow Events receives: a method per operation. [`register`] subscribes them.
pub trait Handler: Send + Sync + 'static {
    /// Reserve stock
    ///
    /// The inventory service reserves the ordered quantity of every item in
    /// the warehouse closest to the shipping address. When a reservation
    /// pushes the available quantity below the reorder threshold it
    /// publishes `InventoryLow`.
    ///
    /// `inventoryOnOrderCreated`: handles one event; an error has it retried, or dead-lettered.
    fn inventory_on_order_created(
        &self,
        parameters: &OrderCreatedParameters,
        event: OrderCreated,
        cx: &ev::Context,
    ) -> impl Future<Output = Result<(), ev::HandlerError>> + Send;
    /// Draft invoice
    ///
    /// The invoicing service creates a draft invoice with the order lines,
    /// the applicable tax rate for the region and the order total. The
    /// draft is finalised once the payment has been captured.
    ///
    /// `invoicingOnOrderCreated`: handles one event; an error has it retried, or dead-lettered.
    fn invoicing_on_order_created(
        &self,
        parameters: &OrderCreatedParameters,
        event: OrderCreated,
        cx: &ev::Context,
    ) -> impl Future<Output = Result<(), ev::HandlerError>> + Send;
    /// Plan shipment
    ///
    /// The shipping service creates a shipment in the `planned` state,
    /// selects a carrier for the region and estimates the delivery date.
    /// Parcels are only handed over once the order is paid.
    ///
    /// `shippingOnOrderCreated`: handles one event; an error has it retried, or dead-lettered.
    fn shipping_on_order_created(
        &self,
        parameters: &OrderCreatedParameters,
        event: OrderCreated,
        cx: &ev::Context,
    ) -> impl Future<Output = Result<(), ev::HandlerError>> + Send;
    /// Record order
    ///
    /// The analytics pipeline appends the event, unchanged, to the order
    /// fact table of the data warehouse. It never writes back to any other
    /// service and may lag behind the other consumers.
    ///
    /// `analyticsOnOrderCreated`: handles one event; an error has it retried, or dead-lettered.
    fn analytics_on_order_created(
        &self,
        parameters: &OrderCreatedParameters,
        event: OrderCreated,
        cx: &ev::Context,
    ) -> impl Future<Output = Result<(), ev::HandlerError>> + Send;
    /// Notify purchasing
    ///
    /// The notification service sends the purchasing team a message naming
    /// the SKU, the warehouse and the quantity left, so that stock can be
    /// reordered before it runs out.
    ///
    /// `notificationsOnInventoryLow`: handles one event; an error has it retried, or dead-lettered.
    fn notifications_on_inventory_low(
        &self,
        event: InventoryLow,
        cx: &ev::Context,
    ) -> impl Future<Output = Result<(), ev::HandlerError>> + Send;
    /// Hold order
    ///
    /// The orders service marks the order as awaiting payment and notifies
    /// the customer. If the failure is not retryable, the order is
    /// cancelled and its stock reservation released.
    ///
    /// `ordersOnPaymentFailed`: handles one event; an error has it retried, or dead-lettered.
    fn orders_on_payment_failed(
        &self,
        event: PaymentFailed,
        cx: &ev::Context,
    ) -> impl Future<Output = Result<(), ev::HandlerError>> + Send;
    /// Answer stock check
    ///
    /// The inventory service looks up the available quantity of every
    /// requested SKU and replies on the inbox given in `replyTo`. It does
    /// not reserve anything.
    ///
    /// `answerStockCheck`: handles the request; what it gives is sent back as the reply.
    fn answer_stock_check(
        &self,
        event: CheckStockRequest,
        cx: &ev::Context,
    ) -> impl Future<Output = Result<CheckStockReply, ev::HandlerError>> + Send;
}

/// Subscribes every operation of `handler` as a member of `group` (of `group.operation` where several operations read one channel, so that each sees every event). An operation on a channel template is subscribed at one address of it by its own call: [`register_inventory_on_order_created`], [`register_invoicing_on_order_created`], [`register_shipping_on_order_created`], [`register_analytics_on_order_created`].
pub fn register<H: Handler>(
    app: ev::EventApp,
    handler: Arc<H>,
    group: &str,
) -> ev::EventApp {
    let app = register_notifications_on_inventory_low(app, handler.clone(), group);
    let app = register_orders_on_payment_failed(app, handler.clone(), group);
    register_answer_stock_check(app, handler.clone(), group)
}

/// Subscribes `inventoryOnOrderCreated` at one address of its channel, as a member of `group`.
pub fn register_inventory_on_order_created<H: Handler>(
    app: ev::EventApp,
    handler: Arc<H>,
    group: &str,
    parameters: OrderCreatedParameters,
) -> Result<ev::EventApp, ev::AddressError> {
    let address = parameters.address()?;
    Ok(
        app
            .handle_on(
                address,
                group,
                move |event: OrderCreated, cx: ev::Context| {
                    let handler = handler.clone();
                    let parameters = parameters.clone();
                    async move {
                        handler.inventory_on_order_created(&parameters, event, &cx).await
                    }
                },
            ),
    )
}

/// Subscribes `invoicingOnOrderCreated` at one address of its channel, as a member of `group`.
pub fn register_invoicing_on_order_created<H: Handler>(
    app: ev::EventApp,
    handler: Arc<H>,
    group: &str,
    parameters: OrderCreatedParameters,
) -> Result<ev::EventApp, ev::AddressError> {
    let address = parameters.address()?;
    Ok(
        app
            .handle_on(
                address,
                group,
                move |event: OrderCreated, cx: ev::Context| {
                    let handler = handler.clone();
                    let parameters = parameters.clone();
                    async move {
                        handler.invoicing_on_order_created(&parameters, event, &cx).await
                    }
                },
            ),
    )
}

/// Subscribes `shippingOnOrderCreated` at one address of its channel, as a member of `group`.
pub fn register_shipping_on_order_created<H: Handler>(
    app: ev::EventApp,
    handler: Arc<H>,
    group: &str,
    parameters: OrderCreatedParameters,
) -> Result<ev::EventApp, ev::AddressError> {
    let address = parameters.address()?;
    Ok(
        app
            .handle_on(
                address,
                group,
                move |event: OrderCreated, cx: ev::Context| {
                    let handler = handler.clone();
                    let parameters = parameters.clone();
                    async move {
                        handler.shipping_on_order_created(&parameters, event, &cx).await
                    }
                },
            ),
    )
}

/// Subscribes `analyticsOnOrderCreated` at one address of its channel, as a member of `group`.
pub fn register_analytics_on_order_created<H: Handler>(
    app: ev::EventApp,
    handler: Arc<H>,
    group: &str,
    parameters: OrderCreatedParameters,
) -> Result<ev::EventApp, ev::AddressError> {
    let address = parameters.address()?;
    Ok(
        app
            .handle_on(
                address,
                group,
                move |event: OrderCreated, cx: ev::Context| {
                    let handler = handler.clone();
                    let parameters = parameters.clone();
                    async move {
                        handler.analytics_on_order_created(&parameters, event, &cx).await
                    }
                },
            ),
    )
}

/// Subscribes `notificationsOnInventoryLow` as a member of `group`.
pub fn register_notifications_on_inventory_low<H: Handler>(
    app: ev::EventApp,
    handler: Arc<H>,
    group: &str,
) -> ev::EventApp {
    app.handle_on(
        "inventory.low",
        group,
        move |event: InventoryLow, cx: ev::Context| {
            let handler = handler.clone();
            async move { handler.notifications_on_inventory_low(event, &cx).await }
        },
    )
}

/// Subscribes `ordersOnPaymentFailed` as a member of `group`.
pub fn register_orders_on_payment_failed<H: Handler>(
    app: ev::EventApp,
    handler: Arc<H>,
    group: &str,
) -> ev::EventApp {
    app.handle_on(
        "payments.failed",
        group,
        move |event: PaymentFailed, cx: ev::Context| {
            let handler = handler.clone();
            async move { handler.orders_on_payment_failed(event, &cx).await }
        },
    )
}

/// Subscribes `answerStockCheck` as a member of `group`.
pub fn register_answer_stock_check<H: Handler>(
    app: ev::EventApp,
    handler: Arc<H>,
    group: &str,
) -> ev::EventApp {
    app.handle_on(
        "inventory.check",
        group,
        move |event: CheckStockRequest, cx: ev::Context| {
            let handler = handler.clone();
            async move {
                let reply = handler.answer_stock_check(event, &cx).await?;
                let to = ev::ReplyTo {
                    channel: None,
                    expression: Some("$message.header#/replyTo"),
                };
                cx.reply(&reply, to, Some("$message.header#/correlationId"))
                    .await
                    .map_err(ev::HandlerError::retry)?;
                Ok(())
            }
        },
    )
}

/// What the spec's bindings say about its channels (Kafka topics,
/// partitions and replicas, AMQP exchanges, MQTT retain and QoS),
/// for a transport's options: `KafkaOptions { bindings: bindings(), .. }`.
pub fn bindings() -> ev::Bindings {
    ev::Bindings::new()
        .channel(
            "orders.{region}.created",
            ev::ChannelBindings {
                kafka_topic: Some("orders.{region}.created".into()),
                kafka_partitions: Some(6),
                kafka_replicas: Some(1),
                amqp_exchange: None,
                mqtt_retain: None,
                mqtt_qos: None,
            },
        )
        .channel(
            "inventory.low",
            ev::ChannelBindings {
                kafka_topic: Some("inventory.low".into()),
                kafka_partitions: Some(6),
                kafka_replicas: Some(1),
                amqp_exchange: None,
                mqtt_retain: None,
                mqtt_qos: None,
            },
        )
        .channel(
            "payments.failed",
            ev::ChannelBindings {
                kafka_topic: Some("payments.failed".into()),
                kafka_partitions: Some(6),
                kafka_replicas: Some(1),
                amqp_exchange: None,
                mqtt_retain: None,
                mqtt_qos: None,
            },
        )
}
