//! HTTP webhooks as a transport, in the Standard Webhooks form: a sender
//! that POSTs each message, signed with HMAC-SHA256 and stamped with the
//! time, to the endpoints of its channel and retries until one answers;
//! a receiver (an axum route) that checks the signature in constant time,
//! refuses a stale timestamp, drops a replayed id, and turns the request
//! into a delivery whose settling is the answer. CloudEvents attributes
//! travel as `ce-` headers (the CloudEvents HTTP binding).

mod receiver;
mod sender;
pub mod signature;

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use percent_encoding::{AsciiSet, CONTROLS};

pub use receiver::{ReceiverOptions, WebhookReceiver};
pub use sender::{Endpoint, SenderOptions, WebhookSender};
pub use signature::{Refusal, SecretError, WebhookSecret};

use super::transport::{BoxFuture, Capabilities, Publisher, Subscriber, Subscription, Transport};
use super::{Message, TransportError};

/// The try a request is, counted by the sender.
const ATTEMPT: &str = "webhook-attempt";
/// How long a receiver asks the sender to wait, in milliseconds (`Retry-After` has only seconds).
const RETRY_AFTER_MS: &str = "webhook-retry-after-ms";
const CE_PREFIX: &str = "ce-";

/// The header an attribute travels in; the common ones are static names,
/// which take no allocation per request.
fn ce_header(attribute: &str) -> Option<reqwest::header::HeaderName> {
    use reqwest::header::HeaderName;
    let known = match attribute {
        "id" => "ce-id",
        "source" => "ce-source",
        "type" => "ce-type",
        "specversion" => "ce-specversion",
        "time" => "ce-time",
        "subject" => "ce-subject",
        "partitionkey" => "ce-partitionkey",
        "correlationid" => "ce-correlationid",
        "causationid" => "ce-causationid",
        "traceparent" => "ce-traceparent",
        _ => return HeaderName::from_bytes(format!("{CE_PREFIX}{attribute}").as_bytes()).ok(),
    };
    Some(HeaderName::from_static(known))
}

/// What the CloudEvents HTTP binding percent-encodes in a header value.
const ENCODED: &AsciiSet = &CONTROLS.add(b' ').add(b'"').add(b'%');

/// Borrowed when there is nothing to encode, as for most values.
fn encode(value: &str) -> std::borrow::Cow<'_, str> {
    percent_encoding::utf8_percent_encode(value, ENCODED).into()
}

fn decode(value: &str) -> std::borrow::Cow<'_, str> {
    percent_encoding::percent_decode_str(value).decode_utf8_lossy()
}

/// A sender and a receiver in one process, the receiver served on a local
/// address: subscribing registers the receiver's route for that channel
/// and group with the sender. What the conformance suite runs, and what a
/// service that sends webhooks to itself uses.
#[derive(Clone)]
pub struct WebhookTransport {
    sender: WebhookSender,
    receiver: WebhookReceiver,
    base_url: String,
    secret: WebhookSecret,
    registered: Arc<Mutex<HashSet<(String, String)>>>,
}

impl WebhookTransport {
    /// Serves `receiver` on `listener` and sends to it with `sender`.
    pub fn serve(
        listener: tokio::net::TcpListener,
        secret: WebhookSecret,
        sender: WebhookSender,
        receiver: ReceiverOptions,
    ) -> Result<WebhookTransport, TransportError> {
        let address =
            listener.local_addr().map_err(|e| TransportError::Other(format!("the receiver's address: {e}")))?;
        let receiver = WebhookReceiver::new(secret.clone(), receiver);
        let router = receiver.router();
        tokio::spawn(async move {
            if let Err(e) = axum::serve(listener, router).await {
                tracing::error!(error = %e, "the webhook receiver stopped");
            }
        });
        Ok(WebhookTransport {
            sender,
            receiver,
            base_url: format!("http://{address}"),
            secret,
            registered: Arc::default(),
        })
    }
}

impl Publisher for WebhookTransport {
    fn publish<'a>(&'a self, channel: &'a str, message: Message) -> BoxFuture<'a, Result<(), TransportError>> {
        self.sender.publish(channel, message)
    }
}

impl Subscriber for WebhookTransport {
    fn subscribe<'a>(
        &'a self,
        channel: &'a str,
        group: &'a str,
    ) -> BoxFuture<'a, Result<Subscription, TransportError>> {
        let first = self.registered.lock().unwrap_or_else(|e| e.into_inner()).insert((channel.into(), group.into()));
        if first {
            let url = format!("{}/{group}/{channel}", self.base_url);
            self.sender.add_endpoint(channel, Endpoint { url, secret: self.secret.clone() });
        }
        self.receiver.subscribe(channel, group)
    }
}

impl Transport for WebhookTransport {
    fn capabilities(&self) -> Capabilities {
        // Each message is its own request: nothing orders two of them.
        Capabilities { ordering_per_key: false, durable: false, native_dedupe: true, delayed_redelivery: true }
    }
}
