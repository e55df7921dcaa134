//! What a broker implements: publish, subscribe, and deliveries that are
//! acked, nacked with a delay, or rejected.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use futures_util::stream::BoxStream;

use super::Message;

pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// `Ok(())`, boxed without an allocation: the future has no size. What an
/// in-memory step that is already done returns, once or twice per event.
pub(crate) fn done<'a, E: 'a>() -> BoxFuture<'a, Result<(), E>> {
    struct Done<E>(std::marker::PhantomData<fn() -> E>);
    impl<E> Future for Done<E> {
        type Output = Result<(), E>;
        fn poll(self: Pin<&mut Self>, _: &mut std::task::Context<'_>) -> std::task::Poll<Result<(), E>> {
            std::task::Poll::Ready(Ok(()))
        }
    }
    Box::pin(Done(std::marker::PhantomData))
}

/// What a transport guarantees, so callers (and the conformance suite)
/// know what to expect of it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Capabilities {
    /// Messages with one key reach a group in the order they were published.
    pub ordering_per_key: bool,
    /// Messages survive a restart of the broker.
    pub durable: bool,
    /// The broker itself drops a message published twice with one id.
    pub native_dedupe: bool,
    /// A nacked message can come back after a delay the consumer chooses.
    pub delayed_redelivery: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum TransportError {
    #[error("cannot reach the broker: {0}")]
    Connection(String),
    #[error("the subscription or connection was closed")]
    Closed,
    #[error("{0}")]
    Other(String),
}

/// Sends messages to channels.
pub trait Publisher: Send + Sync {
    fn publish<'a>(&'a self, channel: &'a str, message: Message) -> BoxFuture<'a, Result<(), TransportError>>;
}

/// Receives the messages of a channel as a member of a consumer group:
/// each message goes to one member of each group, and every group gets
/// every message.
pub trait Subscriber: Send + Sync {
    fn subscribe<'a>(&'a self, channel: &'a str, group: &'a str)
        -> BoxFuture<'a, Result<Subscription, TransportError>>;
}

/// A broker: both sides, and what it guarantees.
pub trait Transport: Publisher + Subscriber {
    fn capabilities(&self) -> Capabilities;
}

/// The deliveries of one subscription, in the order the transport hands them out.
pub type Subscription = BoxStream<'static, Result<Delivery, TransportError>>;

/// How a transport settles one delivery. A delivery dropped without being
/// settled must come back (to this or another member), as after a nack.
pub trait Settle: Send {
    fn ack(self: Box<Self>) -> BoxFuture<'static, Result<(), TransportError>>;
    fn nack(self: Box<Self>, delay: Duration) -> BoxFuture<'static, Result<(), TransportError>>;
    fn reject(self: Box<Self>) -> BoxFuture<'static, Result<(), TransportError>>;
}

/// What reads one subscription's deliveries from a broker, connecting
/// again by itself when the connection is lost.
#[cfg(any(feature = "amqp", feature = "redis-streams"))]
pub(crate) trait Reader: Send + 'static {
    fn read(&mut self) -> impl Future<Output = Result<Delivery, TransportError>> + Send;
}

/// A subscription that reads for as long as it is held. A failure is
/// handed to the subscriber, and the next read waits a moment first: a
/// broker that is away stays away a while.
#[cfg(any(feature = "amqp", feature = "redis-streams"))]
pub(crate) fn reading(reader: impl Reader) -> Subscription {
    Box::pin(futures_util::stream::unfold(reader, |mut reader| async move {
        let next = reader.read().await;
        if next.is_err() {
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        Some((next, reader))
    }))
}

/// The deliveries a transport's own task sends, as a subscription; `keep`
/// lives as long as the subscription does (a guard that leaves the group
/// when dropped, say).
#[cfg(any(feature = "mqtt", feature = "websocket"))]
pub(crate) fn receiving(
    received: tokio::sync::mpsc::UnboundedReceiver<Result<Delivery, TransportError>>,
    keep: impl Send + 'static,
) -> Subscription {
    Box::pin(futures_util::stream::unfold((received, keep), |(mut received, keep)| async move {
        received.recv().await.map(|next| (next, (received, keep)))
    }))
}

/// A message handed to a subscriber, to be settled once.
pub struct Delivery {
    pub message: Message,
    /// 1 on first delivery, then one more for each redelivery.
    pub attempt: u32,
    settle: Box<dyn Settle>,
}

impl Delivery {
    pub fn new(message: Message, attempt: u32, settle: Box<dyn Settle>) -> Delivery {
        Delivery { message, attempt, settle }
    }

    /// Handled: never deliver it again.
    pub async fn ack(self) -> Result<(), TransportError> {
        self.settle.ack().await
    }

    /// Not handled now: deliver it again after `delay`.
    pub async fn nack(self, delay: Duration) -> Result<(), TransportError> {
        self.settle.nack(delay).await
    }

    /// Never to be handled: drop it (dead-lettering is the caller's to do first).
    pub async fn reject(self) -> Result<(), TransportError> {
        self.settle.reject().await
    }
}

impl std::fmt::Debug for Delivery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Delivery").field("message", &self.message).field("attempt", &self.attempt).finish()
    }
}
