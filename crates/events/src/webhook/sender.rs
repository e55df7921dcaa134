//! Sending: each message POSTed, signed, to every endpoint of its channel,
//! from a queue in the background, retried with backoff while the
//! endpoint fails or is away, until it answers 2xx, refuses it with a 4xx,
//! or the retries are spent (logged as an error, never dropped unseen).

use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::{HeaderMap, HeaderValue, CONTENT_TYPE, RETRY_AFTER};

use super::signature::{self, WebhookSecret};
use super::{ce_header, ATTEMPT, RETRY_AFTER_MS};
use crate::transport::{done, BoxFuture, Publisher};
use crate::{attr, Message, TransportError};

/// Where a channel's messages go.
#[derive(Clone, Debug)]
pub struct Endpoint {
    pub url: String,
    pub secret: WebhookSecret,
}

/// How sending is retried.
#[derive(Clone, Debug)]
pub struct SenderOptions {
    /// Tries per message and endpoint, the first included.
    pub max_attempts: u32,
    pub min_delay: Duration,
    pub max_delay: Duration,
    /// How long one request may take.
    pub timeout: Duration,
    /// Requests in flight at once, across endpoints; more wait their turn
    /// (each takes a connection, and a burst must not exhaust them).
    pub concurrency: usize,
}

impl Default for SenderOptions {
    fn default() -> SenderOptions {
        SenderOptions {
            max_attempts: 12,
            min_delay: Duration::from_millis(100),
            max_delay: Duration::from_secs(300),
            timeout: Duration::from_secs(30),
            concurrency: 64,
        }
    }
}

/// Sends messages to the endpoints registered for their channels. Clones
/// share the endpoints. Publishing queues the sends and returns; what
/// is queued lives in this process (pair it with the outbox to survive a
/// crash).
#[derive(Clone)]
pub struct WebhookSender {
    inner: Arc<Inner>,
}

struct Inner {
    client: reqwest::Client,
    in_flight: tokio::sync::Semaphore,
    endpoints: RwLock<HashMap<String, Vec<Endpoint>>>,
    options: SenderOptions,
}

impl WebhookSender {
    pub fn new(options: SenderOptions) -> WebhookSender {
        let client = reqwest::Client::builder().timeout(options.timeout).build().expect("a plain HTTP client builds");
        let in_flight = tokio::sync::Semaphore::new(options.concurrency.max(1));
        WebhookSender { inner: Arc::new(Inner { client, in_flight, endpoints: RwLock::default(), options }) }
    }

    /// Sends what is published to `channel` to `endpoint` too.
    pub fn add_endpoint(&self, channel: impl Into<String>, endpoint: Endpoint) {
        self.inner
            .endpoints
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .entry(channel.into())
            .or_default()
            .push(endpoint);
    }
}

impl Publisher for WebhookSender {
    fn publish<'a>(&'a self, channel: &'a str, message: Message) -> BoxFuture<'a, Result<(), TransportError>> {
        let endpoints = self.inner.endpoints.read().unwrap_or_else(|e| e.into_inner()).get(channel).cloned();
        let Some(endpoints) = endpoints.filter(|e| !e.is_empty()) else {
            let refused = TransportError::Other(format!("no webhook endpoint is registered for `{channel}`"));
            return Box::pin(async move { Err(refused) });
        };
        let id = message.id().map_or_else(|| uuid::Uuid::new_v4().to_string(), str::to_string);
        for endpoint in endpoints {
            tokio::spawn(deliver(self.inner.clone(), endpoint, id.clone(), message.clone()));
        }
        done()
    }
}

/// One message to one endpoint, until it is taken or refused.
async fn deliver(inner: Arc<Inner>, endpoint: Endpoint, id: String, message: Message) {
    let options = &inner.options;
    let mut delays = crate::app::backoff(options.min_delay, options.max_delay);
    for attempt in 1..=options.max_attempts {
        let permit = inner.in_flight.acquire().await.expect("the semaphore is never closed");
        let outcome = send(&inner.client, &endpoint, &id, &message, attempt).await;
        drop(permit);
        let wait = match outcome {
            Outcome::Taken => return,
            Outcome::Refused(status) => {
                tracing::error!(url = %endpoint.url, id, %status, "the endpoint refused the message; not sent again");
                return;
            }
            Outcome::Later(asked) => asked.unwrap_or_else(|| delays.next().unwrap_or(options.max_delay)),
        };
        tracing::debug!(url = %endpoint.url, id, attempt, wait_ms = wait.as_millis() as u64, "webhook not taken; retrying");
        tokio::time::sleep(wait).await;
    }
    tracing::error!(url = %endpoint.url, id, attempts = options.max_attempts, "the endpoint never took the message; giving up");
}

enum Outcome {
    Taken,
    Refused(reqwest::StatusCode),
    /// Try again, after what the endpoint asked for if it did.
    Later(Option<Duration>),
}

async fn send(client: &reqwest::Client, endpoint: &Endpoint, id: &str, message: &Message, attempt: u32) -> Outcome {
    let timestamp = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default().as_secs();
    let mut headers = HeaderMap::new();
    let text = |s: &str| HeaderValue::from_str(s).expect("ASCII");
    headers.insert(signature::ID, HeaderValue::from_str(id).unwrap_or_else(|_| text("invalid-id")));
    headers.insert(signature::TIMESTAMP, text(&timestamp.to_string()));
    headers.insert(signature::SIGNATURE, text(&endpoint.secret.sign(id, timestamp, &message.payload)));
    headers.insert(ATTEMPT, text(&attempt.to_string()));
    let content_type = message.headers.get(attr::DATACONTENTTYPE).unwrap_or("application/json");
    headers
        .insert(CONTENT_TYPE, HeaderValue::from_str(content_type).unwrap_or_else(|_| text("application/octet-stream")));
    for (name, value) in message.headers.iter().filter(|(n, _)| *n != attr::DATACONTENTTYPE) {
        if let (Some(name), Ok(value)) = (ce_header(name), HeaderValue::from_str(&super::encode(value))) {
            headers.insert(name, value);
        }
    }
    let sent = client.post(&endpoint.url).headers(headers).body(message.payload.clone()).send().await;
    match sent {
        Ok(response) if response.status().is_success() => Outcome::Taken,
        Ok(response) => {
            let status = response.status();
            let asked = retry_after(response.headers());
            match status.as_u16() {
                408 | 409 | 425 | 429 => Outcome::Later(asked),
                400..=499 => Outcome::Refused(status),
                _ => Outcome::Later(asked),
            }
        }
        // Not reached, or no answer: try again.
        Err(_) => Outcome::Later(None),
    }
}

/// How long the endpoint asked to wait: our millisecond header, or `Retry-After` in seconds.
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let number = |name: &str| headers.get(name)?.to_str().ok()?.trim().parse::<u64>().ok();
    number(RETRY_AFTER_MS).map(Duration::from_millis).or_else(|| number(RETRY_AFTER.as_str()).map(Duration::from_secs))
}
