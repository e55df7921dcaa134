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

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize, ev::Event)]
#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[serde(transparent)]
#[event(name = "Context", channel = "names.context.{id}")]
pub struct Context2(pub super::types::ContextPayload);

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize, ev::Event)]
#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[serde(transparent)]
#[event(name = "EventApp", channel = "names.eventapp.{id}")]
pub struct EventApp2(pub super::types::ContextPayload);

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize, ev::Event)]
#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[serde(transparent)]
#[event(name = "HandlerError", channel = "names.handlererror.{id}")]
pub struct HandlerError2(pub super::types::ContextPayload);

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize, ev::Event)]
#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[serde(transparent)]
#[event(name = "PublishError", channel = "names.publisherror.{id}")]
pub struct PublishError2(pub super::types::ContextPayload);

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize, ev::Event)]
#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[serde(transparent)]
#[event(name = "RequestError", channel = "names.requesterror.{id}")]
pub struct RequestError2(pub super::types::ContextPayload);

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize, ev::Event)]
#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[serde(transparent)]
#[event(name = "Arc", channel = "names.arc.{id}")]
pub struct Arc2(pub super::types::ContextPayload);

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize, ev::Event)]
#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[serde(transparent)]
#[event(name = "Future", channel = "names.future.{id}")]
pub struct Future2(pub super::types::ContextPayload);

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize, ev::Event)]
#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[serde(transparent)]
#[event(name = "Publisher", channel = "names.publisher.{id}")]
pub struct Publisher2(pub super::types::ContextPayload);

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize, ev::Event)]
#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[serde(transparent)]
#[event(name = "Handler", channel = "names.handler.{id}")]
pub struct Handler2(pub super::types::ContextPayload);

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize, ev::Event)]
#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[serde(transparent)]
#[event(name = "Event", channel = "names.event.{id}")]
pub struct Event(pub super::types::ContextPayload);

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize, ev::Event)]
#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[serde(transparent)]
#[event(name = "Headers", channel = "names.headers.{id}")]
pub struct Headers(pub super::types::ContextPayload);

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize, ev::Event)]
#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[serde(transparent)]
#[event(name = "Message", channel = "names.message.{id}")]
pub struct Message(pub super::types::ContextPayload);

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize, ev::Event)]
#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[serde(transparent)]
#[event(name = "Result", channel = "names.result.{id}")]
pub struct ResultType(pub super::types::ContextPayload);

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize, ev::Event)]
#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[serde(transparent)]
#[event(name = "Option", channel = "names.option.{id}")]
pub struct OptionType(pub super::types::ContextPayload);

/// The parameters of `names.context.{id}`, which fill in one address of it.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct ContextParameters {
    #[serde(rename = "id")]
    pub id: ::std::string::String,
}

impl ContextParameters {
    pub const TEMPLATE: &'static str = "names.context.{id}";
    /// The address these parameters fill in; a value that would change
    /// its shape (a separator or a wildcard) is refused.
    pub fn address(&self) -> Result<String, ev::AddressError> {
        ev::address::fill(Self::TEMPLATE, self)
    }
}

/// The parameters of `names.eventapp.{id}`, which fill in one address of it.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct EventAppParameters {
    #[serde(rename = "id")]
    pub id: ::std::string::String,
}

impl EventAppParameters {
    pub const TEMPLATE: &'static str = "names.eventapp.{id}";
    /// The address these parameters fill in; a value that would change
    /// its shape (a separator or a wildcard) is refused.
    pub fn address(&self) -> Result<String, ev::AddressError> {
        ev::address::fill(Self::TEMPLATE, self)
    }
}

/// The parameters of `names.handlererror.{id}`, which fill in one address of it.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct HandlerErrorParameters {
    #[serde(rename = "id")]
    pub id: ::std::string::String,
}

impl HandlerErrorParameters {
    pub const TEMPLATE: &'static str = "names.handlererror.{id}";
    /// The address these parameters fill in; a value that would change
    /// its shape (a separator or a wildcard) is refused.
    pub fn address(&self) -> Result<String, ev::AddressError> {
        ev::address::fill(Self::TEMPLATE, self)
    }
}

/// The parameters of `names.publisherror.{id}`, which fill in one address of it.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct PublishErrorParameters {
    #[serde(rename = "id")]
    pub id: ::std::string::String,
}

impl PublishErrorParameters {
    pub const TEMPLATE: &'static str = "names.publisherror.{id}";
    /// The address these parameters fill in; a value that would change
    /// its shape (a separator or a wildcard) is refused.
    pub fn address(&self) -> Result<String, ev::AddressError> {
        ev::address::fill(Self::TEMPLATE, self)
    }
}

/// The parameters of `names.requesterror.{id}`, which fill in one address of it.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct RequestErrorParameters {
    #[serde(rename = "id")]
    pub id: ::std::string::String,
}

impl RequestErrorParameters {
    pub const TEMPLATE: &'static str = "names.requesterror.{id}";
    /// The address these parameters fill in; a value that would change
    /// its shape (a separator or a wildcard) is refused.
    pub fn address(&self) -> Result<String, ev::AddressError> {
        ev::address::fill(Self::TEMPLATE, self)
    }
}

/// The parameters of `names.arc.{id}`, which fill in one address of it.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct ArcParameters {
    #[serde(rename = "id")]
    pub id: ::std::string::String,
}

impl ArcParameters {
    pub const TEMPLATE: &'static str = "names.arc.{id}";
    /// The address these parameters fill in; a value that would change
    /// its shape (a separator or a wildcard) is refused.
    pub fn address(&self) -> Result<String, ev::AddressError> {
        ev::address::fill(Self::TEMPLATE, self)
    }
}

/// The parameters of `names.future.{id}`, which fill in one address of it.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct FutureParameters {
    #[serde(rename = "id")]
    pub id: ::std::string::String,
}

impl FutureParameters {
    pub const TEMPLATE: &'static str = "names.future.{id}";
    /// The address these parameters fill in; a value that would change
    /// its shape (a separator or a wildcard) is refused.
    pub fn address(&self) -> Result<String, ev::AddressError> {
        ev::address::fill(Self::TEMPLATE, self)
    }
}

/// The parameters of `names.publisher.{id}`, which fill in one address of it.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct PublisherParameters {
    #[serde(rename = "id")]
    pub id: ::std::string::String,
}

impl PublisherParameters {
    pub const TEMPLATE: &'static str = "names.publisher.{id}";
    /// The address these parameters fill in; a value that would change
    /// its shape (a separator or a wildcard) is refused.
    pub fn address(&self) -> Result<String, ev::AddressError> {
        ev::address::fill(Self::TEMPLATE, self)
    }
}

/// The parameters of `names.handler.{id}`, which fill in one address of it.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct HandlerParameters {
    #[serde(rename = "id")]
    pub id: ::std::string::String,
}

impl HandlerParameters {
    pub const TEMPLATE: &'static str = "names.handler.{id}";
    /// The address these parameters fill in; a value that would change
    /// its shape (a separator or a wildcard) is refused.
    pub fn address(&self) -> Result<String, ev::AddressError> {
        ev::address::fill(Self::TEMPLATE, self)
    }
}

/// The parameters of `names.event.{id}`, which fill in one address of it.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct EventParameters {
    #[serde(rename = "id")]
    pub id: ::std::string::String,
}

impl EventParameters {
    pub const TEMPLATE: &'static str = "names.event.{id}";
    /// The address these parameters fill in; a value that would change
    /// its shape (a separator or a wildcard) is refused.
    pub fn address(&self) -> Result<String, ev::AddressError> {
        ev::address::fill(Self::TEMPLATE, self)
    }
}

/// The parameters of `names.headers.{id}`, which fill in one address of it.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct HeadersParameters {
    #[serde(rename = "id")]
    pub id: ::std::string::String,
}

impl HeadersParameters {
    pub const TEMPLATE: &'static str = "names.headers.{id}";
    /// The address these parameters fill in; a value that would change
    /// its shape (a separator or a wildcard) is refused.
    pub fn address(&self) -> Result<String, ev::AddressError> {
        ev::address::fill(Self::TEMPLATE, self)
    }
}

/// The parameters of `names.message.{id}`, which fill in one address of it.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct MessageParameters {
    #[serde(rename = "id")]
    pub id: ::std::string::String,
}

impl MessageParameters {
    pub const TEMPLATE: &'static str = "names.message.{id}";
    /// The address these parameters fill in; a value that would change
    /// its shape (a separator or a wildcard) is refused.
    pub fn address(&self) -> Result<String, ev::AddressError> {
        ev::address::fill(Self::TEMPLATE, self)
    }
}

/// The parameters of `names.result.{id}`, which fill in one address of it.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct ResultTypeParameters {
    #[serde(rename = "id")]
    pub id: ::std::string::String,
}

impl ResultTypeParameters {
    pub const TEMPLATE: &'static str = "names.result.{id}";
    /// The address these parameters fill in; a value that would change
    /// its shape (a separator or a wildcard) is refused.
    pub fn address(&self) -> Result<String, ev::AddressError> {
        ev::address::fill(Self::TEMPLATE, self)
    }
}

/// The parameters of `names.option.{id}`, which fill in one address of it.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct OptionTypeParameters {
    #[serde(rename = "id")]
    pub id: ::std::string::String,
}

impl OptionTypeParameters {
    pub const TEMPLATE: &'static str = "names.option.{id}";
    /// The address these parameters fill in; a value that would change
    /// its shape (a separator or a wildcard) is refused.
    pub fn address(&self) -> Result<String, ev::AddressError> {
        ev::address::fill(Self::TEMPLATE, self)
    }
}

/// Sends what Hostile Names Events sends: a method per operation.
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
    /// `onEventApp`: publishes the event; gives the id it went out with.
    pub async fn on_event_app(
        &self,
        parameters: &EventAppParameters,
        event: &EventApp2,
    ) -> Result<String, ev::PublishError> {
        self.events.publish_to(&parameters.address()?, event).await
    }
    /// `onPublishError`: publishes the event; gives the id it went out with.
    pub async fn on_publish_error(
        &self,
        parameters: &PublishErrorParameters,
        event: &PublishError2,
    ) -> Result<String, ev::PublishError> {
        self.events.publish_to(&parameters.address()?, event).await
    }
    /// `onArc`: publishes the event; gives the id it went out with.
    pub async fn on_arc(
        &self,
        parameters: &ArcParameters,
        event: &Arc2,
    ) -> Result<String, ev::PublishError> {
        self.events.publish_to(&parameters.address()?, event).await
    }
    /// `onPublisher`: publishes the event; gives the id it went out with.
    pub async fn on_publisher(
        &self,
        parameters: &PublisherParameters,
        event: &Publisher2,
    ) -> Result<String, ev::PublishError> {
        self.events.publish_to(&parameters.address()?, event).await
    }
    /// `onEvent`: publishes the event; gives the id it went out with.
    pub async fn on_event(
        &self,
        parameters: &EventParameters,
        event: &Event,
    ) -> Result<String, ev::PublishError> {
        self.events.publish_to(&parameters.address()?, event).await
    }
    /// `onMessage`: publishes the event; gives the id it went out with.
    pub async fn on_message(
        &self,
        parameters: &MessageParameters,
        event: &Message,
    ) -> Result<String, ev::PublishError> {
        self.events.publish_to(&parameters.address()?, event).await
    }
    /// `onOption`: publishes the event; gives the id it went out with.
    pub async fn on_option(
        &self,
        parameters: &OptionTypeParameters,
        event: &OptionType,
    ) -> Result<String, ev::PublishError> {
        self.events.publish_to(&parameters.address()?, event).await
    }
    /// `ask`: sends the request and waits up to `timeout` for its reply.
    pub async fn ask(
        &self,
        parameters: &ContextParameters,
        event: &Context2,
        timeout: std::time::Duration,
    ) -> Result<Arc2, ev::RequestError> {
        let reply = ev::ReplyTo {
            channel: Some("names.arc.{id}"),
            expression: None,
        };
        self.requester.request(&parameters.address()?, event, reply, None, timeout).await
    }
}

/// What Hostile Names Events receives: a method per operation. [`register`] subscribes them.
pub trait Handler: Send + Sync + 'static {
    /// `onContext`: handles one event; an error has it retried, or dead-lettered.
    fn on_context(
        &self,
        parameters: &ContextParameters,
        event: Context2,
        cx: &ev::Context,
    ) -> impl Future<Output = Result<(), ev::HandlerError>> + Send;
    /// `onHandlerError`: handles one event; an error has it retried, or dead-lettered.
    fn on_handler_error(
        &self,
        parameters: &HandlerErrorParameters,
        event: HandlerError2,
        cx: &ev::Context,
    ) -> impl Future<Output = Result<(), ev::HandlerError>> + Send;
    /// `onRequestError`: handles one event; an error has it retried, or dead-lettered.
    fn on_request_error(
        &self,
        parameters: &RequestErrorParameters,
        event: RequestError2,
        cx: &ev::Context,
    ) -> impl Future<Output = Result<(), ev::HandlerError>> + Send;
    /// `onFuture`: handles one event; an error has it retried, or dead-lettered.
    fn on_future(
        &self,
        parameters: &FutureParameters,
        event: Future2,
        cx: &ev::Context,
    ) -> impl Future<Output = Result<(), ev::HandlerError>> + Send;
    /// `onHandler`: handles one event; an error has it retried, or dead-lettered.
    fn on_handler(
        &self,
        parameters: &HandlerParameters,
        event: Handler2,
        cx: &ev::Context,
    ) -> impl Future<Output = Result<(), ev::HandlerError>> + Send;
    /// `onHeaders`: handles one event; an error has it retried, or dead-lettered.
    fn on_headers(
        &self,
        parameters: &HeadersParameters,
        event: Headers,
        cx: &ev::Context,
    ) -> impl Future<Output = Result<(), ev::HandlerError>> + Send;
    /// `onResult`: handles one event; an error has it retried, or dead-lettered.
    fn on_result(
        &self,
        parameters: &ResultTypeParameters,
        event: ResultType,
        cx: &ev::Context,
    ) -> impl Future<Output = Result<(), ev::HandlerError>> + Send;
}

/// Subscribes every operation of `handler` as a member of `group` (of `group.operation` where several operations read one channel, so that each sees every event). An operation on a channel template is subscribed at one address of it by its own call: [`register_on_context`], [`register_on_handler_error`], [`register_on_request_error`], [`register_on_future`], [`register_on_handler`], [`register_on_headers`], [`register_on_result`].
pub fn register<H: Handler>(
    app: ev::EventApp,
    handler: Arc<H>,
    group: &str,
) -> ev::EventApp {
    let _ = (&handler, group);
    app
}

/// Subscribes `onContext` at one address of its channel, as a member of `group`.
pub fn register_on_context<H: Handler>(
    app: ev::EventApp,
    handler: Arc<H>,
    group: &str,
    parameters: ContextParameters,
) -> Result<ev::EventApp, ev::AddressError> {
    let address = parameters.address()?;
    Ok(
        app
            .handle_on(
                address,
                group,
                move |event: Context2, cx: ev::Context| {
                    let handler = handler.clone();
                    let parameters = parameters.clone();
                    async move { handler.on_context(&parameters, event, &cx).await }
                },
            ),
    )
}

/// Subscribes `onHandlerError` at one address of its channel, as a member of `group`.
pub fn register_on_handler_error<H: Handler>(
    app: ev::EventApp,
    handler: Arc<H>,
    group: &str,
    parameters: HandlerErrorParameters,
) -> Result<ev::EventApp, ev::AddressError> {
    let address = parameters.address()?;
    Ok(
        app
            .handle_on(
                address,
                group,
                move |event: HandlerError2, cx: ev::Context| {
                    let handler = handler.clone();
                    let parameters = parameters.clone();
                    async move {
                        handler.on_handler_error(&parameters, event, &cx).await
                    }
                },
            ),
    )
}

/// Subscribes `onRequestError` at one address of its channel, as a member of `group`.
pub fn register_on_request_error<H: Handler>(
    app: ev::EventApp,
    handler: Arc<H>,
    group: &str,
    parameters: RequestErrorParameters,
) -> Result<ev::EventApp, ev::AddressError> {
    let address = parameters.address()?;
    Ok(
        app
            .handle_on(
                address,
                group,
                move |event: RequestError2, cx: ev::Context| {
                    let handler = handler.clone();
                    let parameters = parameters.clone();
                    async move {
                        handler.on_request_error(&parameters, event, &cx).await
                    }
                },
            ),
    )
}

/// Subscribes `onFuture` at one address of its channel, as a member of `group`.
pub fn register_on_future<H: Handler>(
    app: ev::EventApp,
    handler: Arc<H>,
    group: &str,
    parameters: FutureParameters,
) -> Result<ev::EventApp, ev::AddressError> {
    let address = parameters.address()?;
    Ok(
        app
            .handle_on(
                address,
                group,
                move |event: Future2, cx: ev::Context| {
                    let handler = handler.clone();
                    let parameters = parameters.clone();
                    async move { handler.on_future(&parameters, event, &cx).await }
                },
            ),
    )
}

/// Subscribes `onHandler` at one address of its channel, as a member of `group`.
pub fn register_on_handler<H: Handler>(
    app: ev::EventApp,
    handler: Arc<H>,
    group: &str,
    parameters: HandlerParameters,
) -> Result<ev::EventApp, ev::AddressError> {
    let address = parameters.address()?;
    Ok(
        app
            .handle_on(
                address,
                group,
                move |event: Handler2, cx: ev::Context| {
                    let handler = handler.clone();
                    let parameters = parameters.clone();
                    async move { handler.on_handler(&parameters, event, &cx).await }
                },
            ),
    )
}

/// Subscribes `onHeaders` at one address of its channel, as a member of `group`.
pub fn register_on_headers<H: Handler>(
    app: ev::EventApp,
    handler: Arc<H>,
    group: &str,
    parameters: HeadersParameters,
) -> Result<ev::EventApp, ev::AddressError> {
    let address = parameters.address()?;
    Ok(
        app
            .handle_on(
                address,
                group,
                move |event: Headers, cx: ev::Context| {
                    let handler = handler.clone();
                    let parameters = parameters.clone();
                    async move { handler.on_headers(&parameters, event, &cx).await }
                },
            ),
    )
}

/// Subscribes `onResult` at one address of its channel, as a member of `group`.
pub fn register_on_result<H: Handler>(
    app: ev::EventApp,
    handler: Arc<H>,
    group: &str,
    parameters: ResultTypeParameters,
) -> Result<ev::EventApp, ev::AddressError> {
    let address = parameters.address()?;
    Ok(
        app
            .handle_on(
                address,
                group,
                move |event: ResultType, cx: ev::Context| {
                    let handler = handler.clone();
                    let parameters = parameters.clone();
                    async move { handler.on_result(&parameters, event, &cx).await }
                },
            ),
    )
}

/// What the spec's bindings say about its channels (Kafka topics,
/// partitions and replicas, AMQP exchanges, MQTT retain and QoS),
/// for a transport's options: `KafkaOptions { bindings: bindings(), .. }`.
pub fn bindings() -> ev::Bindings {
    ev::Bindings::new()
}
