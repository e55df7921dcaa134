//! Request and reply over events. A request carries a correlation id (its
//! own id, as the CloudEvents `correlationid` every reply copies) and where
//! to answer; the requester reads that channel and hands each reply to the
//! request waiting for it.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use futures_util::StreamExt;
use tokio::sync::oneshot;

use super::event::{envelope, EventPublisher};
use super::fields::Place;
use super::{attr, AddressError, Codec, CodecError, Event, Json, Message, PublishError, Transport, TransportError};

/// Where a reply goes, as the spec's `reply` says.
#[derive(Clone, Copy, Debug, Default)]
pub struct ReplyTo<'a> {
    /// A fixed reply channel's address.
    pub channel: Option<&'a str>,
    /// A runtime expression naming where the request carries the reply
    /// address, such as `$message.header#/replyTo`.
    pub expression: Option<&'a str>,
}

/// The header a request names its reply address in when the spec says nothing.
pub const REPLY_TO: &str = "replyto";

impl ReplyTo<'_> {
    /// The fixed reply channel, unless it is a template (whose address only
    /// the request could fill in).
    fn fixed(&self) -> Option<&str> {
        self.channel.filter(|c| super::address::check_filled(c).is_ok())
    }

    fn header(&self) -> Option<&str> {
        match self.expression.and_then(Place::parse) {
            Some(Place::Header(name)) => Some(name),
            Some(Place::Payload(_)) => None,
            None if self.channel.is_none() => Some(REPLY_TO),
            None => None,
        }
    }

    /// The address to answer `request` at.
    pub(crate) fn address(&self, request: &Message) -> Result<String, AddressError> {
        if let Some(channel) = self.fixed() {
            return Ok(channel.to_string());
        }
        let place = match self.expression.and_then(Place::parse) {
            Some(place) => place,
            None => Place::Header(REPLY_TO),
        };
        let address = place.read(request).ok_or(AddressError::NoReplyAddress)?;
        // The address comes from whoever sent the request: it must be one
        // channel, not a pattern that reaches many.
        super::address::check_plain(&address)?;
        Ok(address)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum RequestError {
    #[error(transparent)]
    Publish(#[from] PublishError),
    #[error("listening for replies: {0}")]
    Transport(#[from] TransportError),
    #[error("no reply within {0:?}")]
    Timeout(Duration),
    #[error("cannot decode the reply: {0}")]
    Decode(#[from] CodecError),
    /// The channel's address could not be filled from the parameters given.
    #[error(transparent)]
    Address(#[from] AddressError),
}

/// Sends requests and awaits their replies. Clones share one inbox and
/// one listener per reply channel.
pub struct Requester<C: Codec = Json>(Arc<Inner<C>>);

impl<C: Codec> Clone for Requester<C> {
    fn clone(&self) -> Self {
        Requester(self.0.clone())
    }
}

struct Inner<C: Codec> {
    transport: Arc<dyn Transport>,
    publisher: EventPublisher<C>,
    /// This requester's own reply channel, and its group on shared ones.
    inbox: String,
    state: Arc<Mutex<State>>,
}

#[derive(Default)]
struct State {
    waiting: HashMap<String, oneshot::Sender<Message>>,
    listening: HashSet<String>,
    listeners: Vec<tokio::task::JoinHandle<()>>,
}

fn lock(state: &Mutex<State>) -> MutexGuard<'_, State> {
    state.lock().unwrap_or_else(|e| e.into_inner())
}

impl<C: Codec> Drop for Inner<C> {
    fn drop(&mut self) {
        for listener in lock(&self.state).listeners.drain(..) {
            listener.abort();
        }
    }
}

impl Requester<Json> {
    /// `source` is the CloudEvents `source` of the requests it sends.
    pub fn new(transport: Arc<dyn Transport>, source: impl Into<std::borrow::Cow<'static, str>>) -> Requester<Json> {
        let publisher = EventPublisher::new(transport.clone(), source);
        let inbox = format!("inbox.{}", uuid::Uuid::new_v4().simple());
        Requester(Arc::new(Inner { transport, publisher, inbox, state: Arc::default() }))
    }
}

impl<C: Codec> Requester<C> {
    /// Publishes `event` to `address` and waits up to `timeout` for the
    /// reply. When `correlation` names a header (`$message.header#/correlationId`),
    /// the correlation id goes there too, for a replier that reads it there.
    pub async fn request<E: Event, R: Event>(
        &self,
        address: &str,
        event: &E,
        reply: ReplyTo<'_>,
        correlation: Option<&str>,
        timeout: Duration,
    ) -> Result<R, RequestError> {
        let inner = &self.0;
        let reply_address = match reply.fixed() {
            Some(channel) => channel.to_string(),
            None => inner.inbox.clone(),
        };
        self.listen(&reply_address).await?;
        let mut message =
            envelope(inner.publisher.codec(), inner.publisher.source(), event, None).map_err(PublishError::from)?;
        if let Some(header) = reply.header() {
            message.headers.insert_copied(header, &reply_address);
        }
        let correlation_id = message.headers.get(attr::CORRELATIONID).unwrap_or_default().to_string();
        if let Some(Place::Header(name)) = correlation.and_then(Place::parse) {
            message.headers.insert_copied(name, &correlation_id);
        }
        let correlation = correlation_id;
        let (tx, rx) = oneshot::channel();
        lock(&inner.state).waiting.insert(correlation.clone(), tx);
        let answered = async {
            inner.publisher.send(address, message).await?;
            match tokio::time::timeout(timeout, rx).await {
                Ok(Ok(reply)) => Ok(R::decode(inner.publisher.codec(), reply.event_type(), &reply.payload)?),
                _ => Err(RequestError::Timeout(timeout)),
            }
        }
        .await;
        lock(&inner.state).waiting.remove(&correlation);
        answered
    }

    /// Reads `address` (once per requester) and hands replies to their requests.
    async fn listen(&self, address: &str) -> Result<(), TransportError> {
        let inner = &self.0;
        if lock(&inner.state).listening.contains(address) {
            return Ok(());
        }
        let mut replies = inner.transport.subscribe(address, &inner.inbox).await?;
        let state = inner.state.clone();
        let listener = tokio::spawn(async move {
            while let Some(next) = replies.next().await {
                let delivery = match next {
                    Ok(delivery) => delivery,
                    Err(e) => {
                        // The transport reconnects; a request whose reply is lost times out.
                        tracing::warn!(error = %e, "reading replies failed");
                        continue;
                    }
                };
                let waiting =
                    delivery.message.headers.get(attr::CORRELATIONID).and_then(|c| lock(&state).waiting.remove(c));
                // A request that stopped waiting (it timed out) has no use for its reply.
                if waiting.is_some_and(|waiting| waiting.send(delivery.message.clone()).is_err()) {
                    tracing::debug!("a reply came after its request stopped waiting");
                }
                // A reply nobody waits for any more is done with too.
                if let Err(e) = delivery.ack().await {
                    tracing::warn!(error = %e, "a reply was not acknowledged; it may come again");
                }
            }
        });
        let mut state = lock(&inner.state);
        if state.listening.insert(address.to_string()) {
            state.listeners.push(listener);
        } else {
            listener.abort();
        }
        Ok(())
    }
}
