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

/// Light measured
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize, ev::Event)]
#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[serde(transparent)]
#[event(
    name = "lightMeasured",
    channel = "smartylighting/streetlights/1/0/event/{streetlightId}/lighting/measured"
)]
pub struct LightMeasured(pub super::types::LightMeasuredPayload);

impl LightMeasured {
    /// The headers the spec gives this message, read from a received one.
    pub fn headers(
        message: &ev::Message,
    ) -> Result<super::types::LightMeasuredHeaders, ev::CodecError> {
        ev::read_headers(&message.headers)
    }
}

/// Turn on/off
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize, ev::Event)]
#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[serde(transparent)]
#[event(
    name = "turnOnOff",
    channel = "smartylighting/streetlights/1/0/action/{streetlightId}/turn/on"
)]
pub struct TurnOnOff(pub super::types::TurnOnOffPayload);

impl TurnOnOff {
    /// The headers the spec gives this message, read from a received one.
    pub fn headers(
        message: &ev::Message,
    ) -> Result<super::types::LightMeasuredHeaders, ev::CodecError> {
        ev::read_headers(&message.headers)
    }
}

/// Dim light
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize, ev::Event)]
#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[serde(transparent)]
#[event(
    name = "dimLight",
    channel = "smartylighting/streetlights/1/0/action/{streetlightId}/dim"
)]
pub struct DimLight(pub super::types::DimLightPayload);

impl DimLight {
    /// The headers the spec gives this message, read from a received one.
    pub fn headers(
        message: &ev::Message,
    ) -> Result<super::types::LightMeasuredHeaders, ev::CodecError> {
        ev::read_headers(&message.headers)
    }
}

/// The parameters of `smartylighting/streetlights/1/0/event/{streetlightId}/lighting/measured`, which fill in one address of it.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct SmartylightingStreetlights10EventStreetlightIdLightingMeasuredParameters {
    /// Identifier of the streetlight, as printed on its pole.
    #[serde(rename = "streetlightId")]
    pub streetlight_id: ::std::string::String,
}

impl SmartylightingStreetlights10EventStreetlightIdLightingMeasuredParameters {
    pub const TEMPLATE: &'static str = "smartylighting/streetlights/1/0/event/{streetlightId}/lighting/measured";
    /// The address these parameters fill in; a value that would change
    /// its shape (a separator or a wildcard) is refused.
    pub fn address(&self) -> Result<String, ev::AddressError> {
        ev::address::fill(Self::TEMPLATE, self)
    }
}

/// The parameters of `smartylighting/streetlights/1/0/action/{streetlightId}/turn/on`, which fill in one address of it.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct SmartylightingStreetlights10ActionStreetlightIdTurnOnParameters {
    /// Identifier of the streetlight, as printed on its pole.
    #[serde(rename = "streetlightId")]
    pub streetlight_id: ::std::string::String,
}

impl SmartylightingStreetlights10ActionStreetlightIdTurnOnParameters {
    pub const TEMPLATE: &'static str = "smartylighting/streetlights/1/0/action/{streetlightId}/turn/on";
    /// The address these parameters fill in; a value that would change
    /// its shape (a separator or a wildcard) is refused.
    pub fn address(&self) -> Result<String, ev::AddressError> {
        ev::address::fill(Self::TEMPLATE, self)
    }
}

/// The parameters of `smartylighting/streetlights/1/0/action/{streetlightId}/turn/off`, which fill in one address of it.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct SmartylightingStreetlights10ActionStreetlightIdTurnOffParameters {
    /// Identifier of the streetlight, as printed on its pole.
    #[serde(rename = "streetlightId")]
    pub streetlight_id: ::std::string::String,
}

impl SmartylightingStreetlights10ActionStreetlightIdTurnOffParameters {
    pub const TEMPLATE: &'static str = "smartylighting/streetlights/1/0/action/{streetlightId}/turn/off";
    /// The address these parameters fill in; a value that would change
    /// its shape (a separator or a wildcard) is refused.
    pub fn address(&self) -> Result<String, ev::AddressError> {
        ev::address::fill(Self::TEMPLATE, self)
    }
}

/// The parameters of `smartylighting/streetlights/1/0/action/{streetlightId}/dim`, which fill in one address of it.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct SmartylightingStreetlights10ActionStreetlightIdDimParameters {
    /// Identifier of the streetlight, as printed on its pole.
    #[serde(rename = "streetlightId")]
    pub streetlight_id: ::std::string::String,
}

impl SmartylightingStreetlights10ActionStreetlightIdDimParameters {
    pub const TEMPLATE: &'static str = "smartylighting/streetlights/1/0/action/{streetlightId}/dim";
    /// The address these parameters fill in; a value that would change
    /// its shape (a separator or a wildcard) is refused.
    pub fn address(&self) -> Result<String, ev::AddressError> {
        ev::address::fill(Self::TEMPLATE, self)
    }
}

/// Sends what Smart Streetlights API sends: a method per operation.
#[derive(Clone)]
pub struct Publisher {
    events: ev::EventPublisher,
}

impl Publisher {
    /// `source` is the CloudEvents `source` of what it sends, such as `/orders`.
    pub fn new(
        transport: Arc<dyn ev::Transport>,
        source: impl Into<std::borrow::Cow<'static, str>>,
    ) -> Self {
        let source = source.into();
        Publisher {
            events: ev::EventPublisher::new(transport, source),
        }
    }
    /// The publisher underneath, for events of other kinds.
    pub fn events(&self) -> &ev::EventPublisher {
        &self.events
    }
    /// Switch a streetlight on.
    ///
    /// The application sends this command to switch the lamp on at full brightness.
    ///
    /// `turnOn`: publishes the event; gives the id it went out with.
    pub async fn turn_on(
        &self,
        parameters: &SmartylightingStreetlights10ActionStreetlightIdTurnOnParameters,
        event: &TurnOnOff,
        headers: &super::types::LightMeasuredHeaders,
    ) -> Result<String, ev::PublishError> {
        self.events.publish_with(&parameters.address()?, event, headers).await
    }
    /// Switch a streetlight off.
    ///
    /// The application sends this command to switch the lamp off.
    ///
    /// `turnOff`: publishes the event; gives the id it went out with.
    pub async fn turn_off(
        &self,
        parameters: &SmartylightingStreetlights10ActionStreetlightIdTurnOffParameters,
        event: &TurnOnOff,
        headers: &super::types::LightMeasuredHeaders,
    ) -> Result<String, ev::PublishError> {
        self.events.publish_with(&parameters.address()?, event, headers).await
    }
    /// Dim a streetlight.
    ///
    /// The application sends this command to set the brightness of a lamp
    /// that is switched on. A lamp that is off ignores the command.
    ///
    /// `dimLight`: publishes the event; gives the id it went out with.
    pub async fn dim_light(
        &self,
        parameters: &SmartylightingStreetlights10ActionStreetlightIdDimParameters,
        event: &DimLight,
        headers: &super::types::LightMeasuredHeaders,
    ) -> Result<String, ev::PublishError> {
        self.events.publish_with(&parameters.address()?, event, headers).await
    }
}

/// What Smart Streetlights API receives: a method per operation. [`register`] subscribes them.
pub trait Handler: Send + Sync + 'static {
    /// Receive the ambient light level measured by a streetlight.
    ///
    /// Each streetlight publishes a measurement every minute and whenever
    /// the level changes by more than 10 %. The application receives these
    /// measurements to decide when to switch or dim the lights.
    ///
    /// `receiveLightMeasurement`: handles one event; an error has it retried, or dead-lettered.
    fn receive_light_measurement(
        &self,
        parameters: &SmartylightingStreetlights10EventStreetlightIdLightingMeasuredParameters,
        event: LightMeasured,
        cx: &ev::Context,
    ) -> impl Future<Output = Result<(), ev::HandlerError>> + Send;
}

/// Subscribes every operation of `handler` as a member of `group` (of `group.operation` where several operations read one channel, so that each sees every event). An operation on a channel template is subscribed at one address of it by its own call: [`register_receive_light_measurement`].
pub fn register<H: Handler>(
    app: ev::EventApp,
    handler: Arc<H>,
    group: &str,
) -> ev::EventApp {
    let _ = (&handler, group);
    app
}

/// Subscribes `receiveLightMeasurement` at one address of its channel, as a member of `group`.
pub fn register_receive_light_measurement<H: Handler>(
    app: ev::EventApp,
    handler: Arc<H>,
    group: &str,
    parameters: SmartylightingStreetlights10EventStreetlightIdLightingMeasuredParameters,
) -> Result<ev::EventApp, ev::AddressError> {
    let address = parameters.address()?;
    Ok(
        app
            .handle_on(
                address,
                group,
                move |event: LightMeasured, cx: ev::Context| {
                    let handler = handler.clone();
                    let parameters = parameters.clone();
                    async move {
                        handler.receive_light_measurement(&parameters, event, &cx).await
                    }
                },
            ),
    )
}

/// What the spec's bindings say about its channels (Kafka topics,
/// partitions and replicas, AMQP exchanges, MQTT retain and QoS),
/// for a transport's options: `KafkaOptions { bindings: bindings(), .. }`.
pub fn bindings() -> ev::Bindings {
    ev::Bindings::new()
        .channel(
            "smartylighting/streetlights/1/0/event/{streetlightId}/lighting/measured",
            ev::ChannelBindings {
                kafka_topic: None,
                kafka_partitions: None,
                kafka_replicas: None,
                amqp_exchange: None,
                mqtt_retain: Some(false),
                mqtt_qos: Some(1),
            },
        )
        .channel(
            "smartylighting/streetlights/1/0/action/{streetlightId}/turn/on",
            ev::ChannelBindings {
                kafka_topic: None,
                kafka_partitions: None,
                kafka_replicas: None,
                amqp_exchange: None,
                mqtt_retain: Some(false),
                mqtt_qos: Some(1),
            },
        )
        .channel(
            "smartylighting/streetlights/1/0/action/{streetlightId}/turn/off",
            ev::ChannelBindings {
                kafka_topic: None,
                kafka_partitions: None,
                kafka_replicas: None,
                amqp_exchange: None,
                mqtt_retain: Some(false),
                mqtt_qos: Some(1),
            },
        )
        .channel(
            "smartylighting/streetlights/1/0/action/{streetlightId}/dim",
            ev::ChannelBindings {
                kafka_topic: None,
                kafka_partitions: None,
                kafka_replicas: None,
                amqp_exchange: None,
                mqtt_retain: Some(false),
                mqtt_qos: Some(1),
            },
        )
}
