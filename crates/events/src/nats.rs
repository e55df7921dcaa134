//! NATS JetStream as a transport: a stream per channel and a durable pull
//! consumer per group, created as needed; explicit acks; redelivery after a
//! nack's delay or the ack wait; `Nats-Msg-Id` so the server drops a
//! message published twice with one id.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use async_nats::jetstream::{self, consumer, AckKind};
use futures_util::StreamExt;

use super::transport::{BoxFuture, Capabilities, Delivery, Publisher, Settle, Subscriber, Subscription, Transport};
use super::{Headers, Message, TransportError};

/// How consumers are set up.
#[derive(Clone, Debug)]
pub struct NatsOptions {
    /// How long a delivery may stay unsettled before the server sends it again.
    pub ack_wait: Duration,
    /// Messages a member asks for at once.
    pub batch: usize,
}

impl Default for NatsOptions {
    fn default() -> NatsOptions {
        NatsOptions { ack_wait: Duration::from_secs(30), batch: 64 }
    }
}

/// A JetStream connection. Clones share it.
#[derive(Clone)]
pub struct NatsTransport {
    context: jetstream::Context,
    options: NatsOptions,
    /// Channels whose stream is known to exist, so publishing asks only once.
    streams: Arc<Mutex<HashSet<String>>>,
}

impl NatsTransport {
    /// Connects to `url` (such as `nats://127.0.0.1:4222`); the client
    /// reconnects by itself if the server goes away later.
    pub async fn connect(url: &str, options: NatsOptions) -> Result<NatsTransport, TransportError> {
        let client = async_nats::ConnectOptions::new()
            .retry_on_initial_connect()
            .connection_timeout(Duration::from_secs(5))
            .connect(url)
            .await
            .map_err(|e| TransportError::Connection(format!("{url}: {e}")))?;
        Ok(NatsTransport { context: jetstream::new(client), options, streams: Arc::default() })
    }

    async fn stream(&self, channel: &str) -> Result<jetstream::stream::Stream, TransportError> {
        self.context
            .get_or_create_stream(jetstream::stream::Config {
                name: stream_name(channel),
                subjects: vec![channel.to_string()],
                ..Default::default()
            })
            .await
            .map_err(|e| TransportError::Other(format!("stream for `{channel}`: {e}")))
    }
}

/// Stream and consumer names can't hold `.`, `*`, `>` or spaces; channels can.
fn name(prefix: &str, text: &str) -> String {
    let clean: String = text.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' }).collect();
    format!("{prefix}{clean}")
}

fn stream_name(channel: &str) -> String {
    name("sw_", channel)
}

fn to_nats(headers: &Headers) -> async_nats::HeaderMap {
    let mut map = async_nats::HeaderMap::new();
    for (name, value) in headers.iter() {
        map.insert(name, value);
    }
    if let Some(id) = headers.get(super::attr::ID) {
        map.insert(async_nats::header::NATS_MESSAGE_ID, id);
    }
    map
}

fn from_nats(headers: Option<&async_nats::HeaderMap>) -> Headers {
    let mut out = Headers::new();
    for (name, values) in headers.into_iter().flat_map(|h| h.iter()) {
        let name: &str = name.as_ref();
        if name == "Nats-Msg-Id" {
            continue;
        }
        if let Some(value) = values.last() {
            out.insert_copied(name, value.as_str());
        }
    }
    out
}

impl Publisher for NatsTransport {
    fn publish<'a>(&'a self, channel: &'a str, message: Message) -> BoxFuture<'a, Result<(), TransportError>> {
        Box::pin(async move {
            // The first publish to a channel makes its stream.
            let known = self.streams.lock().unwrap_or_else(|e| e.into_inner()).contains(channel);
            if !known {
                self.stream(channel).await?;
                self.streams.lock().unwrap_or_else(|e| e.into_inner()).insert(channel.to_string());
            }
            let ack = self
                .context
                .publish_with_headers(channel.to_string(), to_nats(&message.headers), message.payload)
                .await
                .map_err(|e| TransportError::Other(format!("publish to `{channel}`: {e}")))?;
            ack.await.map_err(|e| TransportError::Other(format!("publish to `{channel}` not stored: {e}")))?;
            Ok(())
        })
    }
}

impl Subscriber for NatsTransport {
    fn subscribe<'a>(
        &'a self,
        channel: &'a str,
        group: &'a str,
    ) -> BoxFuture<'a, Result<Subscription, TransportError>> {
        Box::pin(async move {
            let stream = self.stream(channel).await?;
            let durable = name("", group);
            let consumer: consumer::PullConsumer = stream
                .get_or_create_consumer(
                    &durable,
                    consumer::pull::Config {
                        durable_name: Some(durable.clone()),
                        ack_policy: consumer::AckPolicy::Explicit,
                        ack_wait: self.options.ack_wait,
                        ..Default::default()
                    },
                )
                .await
                .map_err(|e| TransportError::Other(format!("consumer `{group}` on `{channel}`: {e}")))?;
            let messages = consumer
                .stream()
                .max_messages_per_batch(self.options.batch)
                .messages()
                .await
                .map_err(|e| TransportError::Other(format!("consuming `{channel}` as `{group}`: {e}")))?;
            let deliveries = messages.map(|next| match next {
                Ok(message) => {
                    let attempt = message.info().map(|i| i.delivered.max(1) as u32).unwrap_or(1);
                    let (message, acker) = message.split();
                    let delivered = Message { headers: from_nats(message.headers.as_ref()), payload: message.payload };
                    Ok(Delivery::new(delivered, attempt, Box::new(NatsSettle(acker))))
                }
                Err(e) => Err(TransportError::Connection(e.to_string())),
            });
            Ok(deliveries.boxed())
        })
    }
}

impl Transport for NatsTransport {
    fn capabilities(&self) -> Capabilities {
        // A durable consumer hands messages out in stream order, but several
        // members, or a redelivery, can overtake: no promise per key.
        Capabilities { ordering_per_key: false, durable: true, native_dedupe: true, delayed_redelivery: true }
    }
}

/// Dropped unsettled, the message comes back after the ack wait.
struct NatsSettle(jetstream::message::Acker);

impl NatsSettle {
    fn send(self, kind: AckKind) -> BoxFuture<'static, Result<(), TransportError>> {
        Box::pin(async move { self.0.ack_with(kind).await.map_err(|e| TransportError::Other(format!("ack: {e}"))) })
    }
}

impl Settle for NatsSettle {
    fn ack(self: Box<Self>) -> BoxFuture<'static, Result<(), TransportError>> {
        self.send(AckKind::Ack)
    }

    fn nack(self: Box<Self>, delay: Duration) -> BoxFuture<'static, Result<(), TransportError>> {
        self.send(AckKind::Nak(Some(delay)))
    }

    fn reject(self: Box<Self>) -> BoxFuture<'static, Result<(), TransportError>> {
        self.send(AckKind::Term)
    }
}
