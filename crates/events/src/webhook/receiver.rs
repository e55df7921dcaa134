//! Receiving: an axum route, `POST /{group}/{channel}`, that checks the
//! signature and the timestamp's tolerance, drops a replayed id, and hands
//! the message to a subscriber of that channel and group. The answer waits
//! for the delivery to be settled: acked is 204, nacked 503 (the sender
//! tries again after the delay), rejected 422 (it does not).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use tokio::sync::{mpsc, oneshot};

use super::signature::{self, Refusal, WebhookSecret};
use super::{decode, ATTEMPT, CE_PREFIX, RETRY_AFTER_MS};
use crate::dedupe::{settle_done, settle_released, Claim, DedupeStore, MemoryDedupe};
use crate::transport::{done, BoxFuture, Delivery, Settle, Subscriber, Subscription};
use crate::{attr, Headers, Message, TransportError};

/// How requests are checked.
#[derive(Clone, Debug)]
pub struct ReceiverOptions {
    /// How far a request's timestamp may be from now.
    pub tolerance: Duration,
    /// The largest body taken.
    pub body_limit: usize,
    /// Ids remembered per group and channel, to drop replays and repeats.
    pub remember: usize,
}

impl Default for ReceiverOptions {
    fn default() -> ReceiverOptions {
        ReceiverOptions { tolerance: Duration::from_secs(300), body_limit: 8 * 1024 * 1024, remember: 100_000 }
    }
}

/// Signed webhooks in, deliveries out. Clones share the subscribers.
#[derive(Clone)]
pub struct WebhookReceiver {
    inner: Arc<Inner>,
}

struct Inner {
    secret: WebhookSecret,
    options: ReceiverOptions,
    groups: Mutex<HashMap<(String, String), Group>>,
    handled: MemoryDedupe,
}

/// The subscribers of one channel and group, taking turns.
#[derive(Default)]
struct Group {
    members: Vec<(u64, mpsc::UnboundedSender<Delivery>)>,
    turn: usize,
    next_member: u64,
}

enum Verdict {
    Ack,
    Nack(Duration),
    Reject,
}

impl WebhookReceiver {
    pub fn new(secret: WebhookSecret, options: ReceiverOptions) -> WebhookReceiver {
        let handled = MemoryDedupe::new(options.remember);
        WebhookReceiver { inner: Arc::new(Inner { secret, options, groups: Mutex::default(), handled }) }
    }

    /// The route, to serve or to merge into an app: `POST /{group}/{channel}`.
    pub fn router(&self) -> axum::Router {
        axum::Router::new()
            .route("/{group}/{*channel}", axum::routing::post(receive))
            .layer(DefaultBodyLimit::max(self.inner.options.body_limit))
            .with_state(self.inner.clone())
    }
}

fn refuse(status: StatusCode, why: impl std::fmt::Display) -> Response {
    (status, why.to_string()).into_response()
}

async fn receive(
    State(inner): State<Arc<Inner>>,
    Path((group, channel)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let header = |name: &'static str| {
        let value = headers.get(name).ok_or(Refusal::Missing(name))?;
        value.to_str().map_err(|_| Refusal::Malformed(name))
    };
    let checked = (|| {
        let (id, timestamp, signatures) =
            (header(signature::ID)?, header(signature::TIMESTAMP)?, header(signature::SIGNATURE)?);
        inner.secret.verify(id, timestamp, signatures, &body, SystemTime::now(), inner.options.tolerance)?;
        Ok::<_, Refusal>(id.to_string())
    })();
    let id = match checked {
        Ok(id) => id,
        Err(refusal) => return refuse(StatusCode::UNAUTHORIZED, refusal),
    };
    let scope = format!("{group}/{channel}");
    match inner.handled.claim(&scope, &id).await {
        // A repeat of one already taken (its answer was lost), or a replay.
        Ok(Claim::Done) => return StatusCode::OK.into_response(),
        Ok(Claim::InProgress) => return refuse(StatusCode::CONFLICT, "this id is being handled"),
        Ok(Claim::Claimed) => {}
        // Without the record a repeat cannot be told apart: the sender
        // tries again later rather than the event being handled twice.
        Err(e) => {
            tracing::warn!(error = %e, "webhook dedupe record unavailable; asking the sender to try again");
            return refuse(StatusCode::SERVICE_UNAVAILABLE, "not handled now");
        }
    }
    let attempt = headers.get(ATTEMPT).and_then(|v| v.to_str().ok()?.parse().ok()).unwrap_or(1);
    let message = message(&headers, body);
    let (answer, verdict) = oneshot::channel();
    let delivery = Delivery::new(message, attempt, Box::new(WebhookSettle { answer: Some(answer) }));
    if !inner.hand(&channel, &group, delivery) {
        settle_released(&inner.handled, &scope, &id).await;
        return refuse(StatusCode::SERVICE_UNAVAILABLE, format!("nothing subscribes to `{channel}` as `{group}` yet"));
    }
    match verdict.await {
        Ok(Verdict::Ack) => {
            settle_done(&inner.handled, &scope, &id).await;
            StatusCode::NO_CONTENT.into_response()
        }
        Ok(Verdict::Reject) => {
            settle_done(&inner.handled, &scope, &id).await;
            refuse(StatusCode::UNPROCESSABLE_ENTITY, "rejected")
        }
        Ok(Verdict::Nack(delay)) => {
            settle_released(&inner.handled, &scope, &id).await;
            let wait = [(RETRY_AFTER_MS, delay.as_millis().to_string())];
            (StatusCode::SERVICE_UNAVAILABLE, wait, "not handled now").into_response()
        }
        // Dropped unsettled: the sender tries again.
        Err(_) => {
            settle_released(&inner.handled, &scope, &id).await;
            refuse(StatusCode::SERVICE_UNAVAILABLE, "not handled")
        }
    }
}

/// The message a request carries: CloudEvents attributes from `ce-`
/// headers, the media type from `Content-Type`, the body as payload.
fn message(headers: &HeaderMap, body: Bytes) -> Message {
    let mut out = Headers::with_capacity(12);
    for (name, value) in headers {
        if let Some(attribute) = name.as_str().strip_prefix(CE_PREFIX) {
            out.insert_copied(attribute, &decode(&String::from_utf8_lossy(value.as_bytes())));
        }
    }
    if let Some(media) = headers.get(axum::http::header::CONTENT_TYPE).and_then(|v| v.to_str().ok()) {
        out.insert_copied(attr::DATACONTENTTYPE, media);
    }
    Message { headers: out, payload: body }
}

impl Inner {
    /// Gives the delivery to the next member of the group; `false` if it has none.
    fn hand(&self, channel: &str, group: &str, mut delivery: Delivery) -> bool {
        let mut groups = self.groups.lock().unwrap_or_else(|e| e.into_inner());
        let Some(group) = groups.get_mut(&(channel.to_string(), group.to_string())) else { return false };
        while !group.members.is_empty() {
            group.turn = (group.turn + 1) % group.members.len();
            match group.members[group.turn].1.send(delivery) {
                Ok(()) => return true,
                Err(mpsc::error::SendError(back)) => {
                    group.members.remove(group.turn);
                    delivery = back;
                }
            }
        }
        false
    }
}

impl Subscriber for WebhookReceiver {
    fn subscribe<'a>(
        &'a self,
        channel: &'a str,
        group: &'a str,
    ) -> BoxFuture<'a, Result<Subscription, TransportError>> {
        let (sender, deliveries) = mpsc::unbounded_channel();
        let key = (channel.to_string(), group.to_string());
        let id = {
            let mut groups = self.inner.groups.lock().unwrap_or_else(|e| e.into_inner());
            let group = groups.entry(key.clone()).or_default();
            group.next_member += 1;
            group.members.push((group.next_member, sender));
            group.next_member
        };
        let member = Member { inner: self.inner.clone(), key, id, deliveries };
        let stream = futures_util::stream::unfold(member, |mut member| async move {
            let delivery = member.deliveries.recv().await?;
            Some((Ok(delivery), member))
        });
        Box::pin(async move { Ok(Box::pin(stream) as Subscription) })
    }
}

/// A subscription's place in its group, given up when it is dropped.
struct Member {
    inner: Arc<Inner>,
    key: (String, String),
    id: u64,
    deliveries: mpsc::UnboundedReceiver<Delivery>,
}

impl Drop for Member {
    fn drop(&mut self) {
        let mut groups = self.inner.groups.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(group) = groups.get_mut(&self.key) {
            group.members.retain(|(id, _)| *id != self.id);
        }
    }
}

/// Settling answers the waiting request; dropped unsettled, it answers 503.
struct WebhookSettle {
    answer: Option<oneshot::Sender<Verdict>>,
}

impl WebhookSettle {
    fn send(mut self, verdict: Verdict) -> BoxFuture<'static, Result<(), TransportError>> {
        match self.answer.take().map(|a| a.send(verdict)) {
            Some(Ok(())) => done(),
            // The request is gone (the sender timed out): it will send again.
            _ => Box::pin(async { Err(TransportError::Closed) }),
        }
    }
}

impl Settle for WebhookSettle {
    fn ack(self: Box<Self>) -> BoxFuture<'static, Result<(), TransportError>> {
        (*self).send(Verdict::Ack)
    }

    fn nack(self: Box<Self>, delay: Duration) -> BoxFuture<'static, Result<(), TransportError>> {
        (*self).send(Verdict::Nack(delay))
    }

    fn reject(self: Box<Self>) -> BoxFuture<'static, Result<(), TransportError>> {
        (*self).send(Verdict::Reject)
    }
}
