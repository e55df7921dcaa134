//! Typed events and publishing them with their envelope filled in.

use std::borrow::Cow;
use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::message::attr;
use super::trace::TraceParent;
use super::transport::{Publisher, TransportError};
use super::{Codec, CodecError, Headers, Json, Message};

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

    /// The version of the event's schema, sent as the `eventversion`
    /// attribute so consumers can tell versions apart.
    const VERSION: Option<u32> = None;

    /// The name this value is sent under (the CloudEvents `type`): `NAME`,
    /// or, for an enum whose variants are messages of their own, the variant's.
    fn name(&self) -> &'static str {
        Self::NAME
    }

    /// The key that orders it among events of its channel.
    fn key(&self) -> Option<String> {
        None
    }

    /// Its id, by which a redelivery is recognized; a fresh one is made when `None`.
    fn id(&self) -> Option<String> {
        None
    }

    /// Reads a value from a payload received under `name` (its CloudEvents
    /// `type`). An enum of messages picks its variant by the name, where the
    /// payload alone could be read as more than one of them.
    fn decode<C: Codec>(codec: &C, name: Option<&str>, payload: &[u8]) -> Result<Self, CodecError> {
        let _ = name;
        codec.decode(payload)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error("cannot encode the event: {0}")]
    Encode(#[from] super::CodecError),
    #[error(transparent)]
    Transport(#[from] TransportError),
    #[error(transparent)]
    Address(#[from] super::AddressError),
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

    /// Publishes `event` to its channel; returns the id it went out with.
    /// A channel that is still a template (its parameters not filled from
    /// the value) is refused: publish that with [`publish_to`](Self::publish_to).
    pub async fn publish<E: Event>(&self, event: &E) -> Result<String, PublishError> {
        self.publish_caused(&event.channel(), event, None).await
    }

    /// The message [`publish`](Self::publish) would send for `event`, with
    /// its id fixed: what an outbox stores, so that publishing it again
    /// after a crash is a redelivery consumers recognize.
    pub fn message<E: Event>(&self, event: &E) -> Result<Message, super::CodecError> {
        envelope(&self.0.codec, &self.0.source, event, None)
    }

    /// Publishes `event` to `address`, such as a channel template filled
    /// in by [`super::address::fill`].
    pub async fn publish_to<E: Event>(&self, address: &str, event: &E) -> Result<String, PublishError> {
        self.publish_caused(address, event, None).await
    }

    /// [`publish_to`](Self::publish_to) with `headers` (a struct of text,
    /// numbers and booleans, such as a message's generated header type) added.
    pub async fn publish_with<E: Event, H: Serialize>(
        &self,
        address: &str,
        event: &E,
        headers: &H,
    ) -> Result<String, PublishError> {
        let mut message = envelope(&self.0.codec, &self.0.source, event, None)?;
        super::write_headers(headers, &mut message.headers)?;
        self.send(address, message).await
    }

    /// Publishes `event` as caused by `cause`: same correlation id, same trace.
    pub(crate) async fn publish_caused<E: Event>(
        &self,
        address: &str,
        event: &E,
        cause: Option<&Message>,
    ) -> Result<String, PublishError> {
        self.send(address, envelope(&self.0.codec, &self.0.source, event, cause)?).await
    }

    /// Sends a message made by [`envelope`]; gives its id.
    pub(crate) async fn send(&self, address: &str, message: Message) -> Result<String, PublishError> {
        super::address::check_filled(address)?;
        let id = message.id().unwrap_or_default().to_string();
        self.0.publisher.publish(address, message).await?;
        Ok(id)
    }

    pub(crate) fn codec(&self) -> &C {
        &self.0.codec
    }

    pub(crate) fn source(&self) -> &Cow<'static, str> {
        &self.0.source
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
    // Room for every header set here, and a few a transport or handler adds.
    let mut message = Message { headers: Headers::with_capacity(12), payload: codec.encode(event)? }
        .with_header(attr::SPECVERSION, "1.0")
        .with_header(attr::TYPE, event.name())
        .with_header(attr::SOURCE, source.clone())
        .with_header(attr::DATACONTENTTYPE, codec.content_type());
    let headers = &mut message.headers;
    headers.insert_written(attr::TIME, |out| write_time(out, chrono::Utc::now()));
    if let Some(version) = E::VERSION {
        headers.insert(attr::EVENTVERSION, version.to_string());
    }
    if let Some(key) = event.key() {
        headers.insert(attr::PARTITIONKEY, key);
    }
    let parent = cause.and_then(|c| c.headers.get(attr::TRACEPARENT)).and_then(TraceParent::parse);
    let trace = parent.map_or_else(TraceParent::new_root, |p| p.child());
    headers.insert_written(attr::TRACEPARENT, |out| trace.write(out));
    match event.id() {
        Some(id) => headers.insert_copied(attr::ID, &id),
        None => headers.insert_written(attr::ID, |out| {
            out.push_str(uuid::Uuid::new_v4().hyphenated().encode_lower(&mut uuid::Uuid::encode_buffer()))
        }),
    }
    match cause {
        Some(cause) => {
            let correlation = cause.headers.get(attr::CORRELATIONID).or(cause.id()).unwrap_or_default();
            headers.insert_written(attr::CORRELATIONID, |out| out.push_str(correlation));
            if let Some(cause_id) = cause.id() {
                headers.insert_written(attr::CAUSATIONID, |out| out.push_str(cause_id));
            }
        }
        None => headers.insert_same(attr::CORRELATIONID, attr::ID),
    }
    Ok(message)
}

/// `time` as RFC 3339 with microseconds and `Z`, as chrono writes it,
/// digit by digit: every event published carries one.
fn write_time(out: &mut String, time: chrono::DateTime<chrono::Utc>) {
    use chrono::{Datelike, Timelike};
    let year = time.year();
    if !(0..=9999).contains(&year) {
        out.push_str(&time.to_rfc3339_opts(chrono::SecondsFormat::Micros, true));
        return;
    }
    // A leap second is the 60th second, its fraction past one.
    let (second, nanos) = match time.nanosecond() {
        n if n >= 1_000_000_000 => (60, n - 1_000_000_000),
        n => (time.second(), n),
    };
    let mut text = *b"0000-00-00T00:00:00.000000Z";
    let mut put = |at: usize, width: usize, mut n: u32| {
        for i in (at..at + width).rev() {
            text[i] = b'0' + (n % 10) as u8;
            n /= 10;
        }
    };
    put(0, 4, year as u32);
    put(5, 2, time.month());
    put(8, 2, time.day());
    put(11, 2, time.hour());
    put(14, 2, time.minute());
    put(17, 2, second);
    put(20, 6, nanos / 1000);
    out.push_str(std::str::from_utf8(&text).expect("ASCII digits"));
}

#[cfg(test)]
mod time_tests {
    use chrono::{DateTime, SecondsFormat, TimeZone, Utc};

    #[test]
    fn times_are_written_as_chrono_writes_them() {
        let leap = Utc.with_ymd_and_hms(2016, 12, 31, 23, 59, 59).unwrap()
            + chrono::Duration::nanoseconds(1_500_000_000 - 1_000_000_000);
        let times = [
            Utc::now(),
            Utc.with_ymd_and_hms(2026, 1, 2, 3, 4, 5).unwrap() + chrono::Duration::microseconds(7),
            Utc.with_ymd_and_hms(999, 12, 31, 23, 59, 59).unwrap(),
            leap,
            DateTime::from_timestamp(1_483_228_799, 1_999_999_000).unwrap(),
            Utc.with_ymd_and_hms(12345, 6, 7, 8, 9, 10).unwrap(),
        ];
        for time in times {
            let mut written = String::new();
            super::write_time(&mut written, time);
            assert_eq!(written, time.to_rfc3339_opts(SecondsFormat::Micros, true));
        }
    }
}
