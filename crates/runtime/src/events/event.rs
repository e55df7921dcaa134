//! Typed events and publishing them with their envelope filled in.

use std::borrow::Cow;
use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::message::attr;
use super::trace::TraceParent;
use super::transport::{Publisher, TransportError};
use super::{Codec, Headers, Json, Message};

/// A kind of event: what it is called, where it goes, and what orders and
/// identifies it. `#[derive(Event)]` writes this; so can a hand.
pub trait Event: Serialize + DeserializeOwned + Send + Sync + 'static {
    /// The CloudEvents `type`, such as `OrderCreated`.
    const NAME: &'static str;
    /// The channel it is published to and read from.
    const CHANNEL: &'static str;

    /// The channel this value goes to: `CHANNEL`, or the address its
    /// parameters fill in when `CHANNEL` is a template.
    fn channel(&self) -> Cow<'static, str> {
        Cow::Borrowed(Self::CHANNEL)
    }

    /// The key that orders it among events of its channel.
    fn key(&self) -> Option<String> {
        None
    }

    /// Its id, by which a redelivery is recognized; a fresh one is made when `None`.
    fn id(&self) -> Option<String> {
        None
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error("cannot encode the event: {0}")]
    Encode(#[from] super::CodecError),
    #[error(transparent)]
    Transport(#[from] TransportError),
}

/// Publishes typed events as messages with their CloudEvents attributes.
/// Clones share one publisher.
pub struct EventPublisher<C: Codec = Json>(Arc<Inner<C>>);

struct Inner<C> {
    publisher: Arc<dyn Publisher>,
    codec: C,
    source: Cow<'static, str>,
}

impl<C: Codec> Clone for EventPublisher<C> {
    fn clone(&self) -> Self {
        EventPublisher(self.0.clone())
    }
}

impl EventPublisher<Json> {
    /// `source` is the CloudEvents `source` of what it publishes, such as `/orders`.
    pub fn new(publisher: Arc<dyn Publisher>, source: impl Into<Cow<'static, str>>) -> Self {
        EventPublisher(Arc::new(Inner { publisher, codec: Json, source: source.into() }))
    }
}

impl<C: Codec> EventPublisher<C> {
    pub fn with_codec<D: Codec>(self, codec: D) -> EventPublisher<D> {
        EventPublisher(Arc::new(Inner { publisher: self.0.publisher.clone(), codec, source: self.0.source.clone() }))
    }

    /// Publishes `event`; returns the id it went out with.
    pub async fn publish<E: Event>(&self, event: &E) -> Result<String, PublishError> {
        self.publish_caused(event, None).await
    }

    /// Publishes `event` as caused by `cause`: same correlation id, same trace.
    pub(crate) async fn publish_caused<E: Event>(
        &self,
        event: &E,
        cause: Option<&Message>,
    ) -> Result<String, PublishError> {
        let message = envelope(&self.0.codec, &self.0.source, event, cause)?;
        let id = message.id().unwrap_or_default().to_string();
        self.0.publisher.publish(&event.channel(), message).await?;
        Ok(id)
    }
}

/// `event` as a message with its CloudEvents attributes: what a publisher
/// sends, and what an outbox stores to send later.
// `source` is a `Cow`, not a `&str`, so a static one is cloned without a copy.
#[allow(clippy::ptr_arg)]
pub(crate) fn envelope<C: Codec, E: Event>(
    codec: &C,
    source: &Cow<'static, str>,
    event: &E,
    cause: Option<&Message>,
) -> Result<Message, super::CodecError> {
    let id = event.id().unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    // Room for every header set here, and a few a transport or handler adds.
    let mut message = Message { headers: Headers::with_capacity(12), payload: codec.encode(event)? }
        .with_header(attr::SPECVERSION, "1.0")
        .with_header(attr::TYPE, E::NAME)
        .with_header(attr::SOURCE, source.clone())
        .with_header(attr::DATACONTENTTYPE, codec.content_type())
        .with_header(attr::TIME, chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true));
    if let Some(key) = event.key() {
        message.headers.insert(attr::PARTITIONKEY, key);
    }
    let parent = cause.and_then(|c| c.headers.get(attr::TRACEPARENT)).and_then(TraceParent::parse);
    let trace = parent.map_or_else(TraceParent::new_root, |p| p.child());
    message.headers.insert(attr::TRACEPARENT, trace.header());
    if let Some(cause) = cause {
        let correlation = cause.headers.get(attr::CORRELATIONID).or(cause.id()).unwrap_or_default();
        message.headers.insert(attr::CORRELATIONID, correlation.to_owned());
        if let Some(cause_id) = cause.id() {
            message.headers.insert(attr::CAUSATIONID, cause_id.to_owned());
        }
    } else {
        message.headers.insert(attr::CORRELATIONID, id.clone());
    }
    message.headers.insert(attr::ID, id);
    Ok(message)
}
