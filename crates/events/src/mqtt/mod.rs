//! MQTT (5, or 3.1.1) as a transport, QoS 1 (at least once). A channel is
//! a topic; a group is a shared subscription (`$share/group/topic`), which
//! the broker hands out among the group's members. Headers travel as user
//! properties (5) or in a CloudEvents structured-mode body (3.1.1).
//!
//! Each member is a client of its own, with a session the broker keeps
//! while it is away (`session_expiry`): what the member had not
//! acknowledged is sent to it again when it is back. A delivery is
//! acknowledged (PUBACK) only when it is settled. A nacked one is held by
//! the member and handed out again after the delay.
//!
//! Every connection is a new rumqttc client: an acknowledgement meant for
//! one connection can never be sent on the next, where its packet id may
//! already name another message.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{mpsc, oneshot};

use super::app::backoff;
use super::transport::{
    done, receiving, BoxFuture, Capabilities, Delivery, Publisher, Settle, Subscriber, Subscription, Transport,
};
use super::{Message, TransportError};

mod protocol;

pub use protocol::MqttVersion;
use protocol::{Client, Events, Happened, Incoming};

/// How topics are named and how clients talk to the broker.
#[derive(Clone, Debug)]
pub struct MqttOptions {
    /// Put before each channel's name to make its topic.
    pub prefix: String,
    /// How long the broker keeps a member's session (its subscription and
    /// what it has not acknowledged) while the member is away.
    pub session_expiry: Duration,
    /// Deliveries a member holds unacknowledged at once (the v5 receive maximum).
    pub in_flight: u16,
    /// The largest packet either side takes.
    pub max_packet_bytes: u32,
    /// How long a publish or a subscribe waits for the broker.
    pub timeout: Duration,
    /// Publish with the retain flag: the broker keeps each topic's last
    /// message for subscribers to come.
    pub retain: bool,
    pub keep_alive: Duration,
    /// User name and password.
    pub credentials: Option<(String, String)>,
    /// MQTT 5 (the default) or 3.1.1.
    pub version: MqttVersion,
    /// A spec's bindings: a channel's own retain flag, over `retain`.
    pub bindings: crate::Bindings,
}

impl Default for MqttOptions {
    fn default() -> MqttOptions {
        MqttOptions {
            prefix: String::new(),
            session_expiry: Duration::from_secs(300),
            in_flight: 64,
            max_packet_bytes: 16 * 1024 * 1024,
            timeout: Duration::from_secs(30),
            retain: false,
            keep_alive: Duration::from_secs(30),
            credentials: None,
            version: MqttVersion::V5,
            bindings: crate::Bindings::default(),
        }
    }
}

/// A client of an MQTT 5 broker: a publishing connection, made again when
/// lost, and a connection per subscription. Clones share them.
#[derive(Clone)]
pub struct MqttTransport {
    broker: Arc<Broker>,
    publishing: Arc<tokio::sync::Mutex<Option<Arc<Publishing>>>>,
}

struct Broker {
    host: String,
    port: u16,
    options: MqttOptions,
}

fn failed(what: impl std::fmt::Display, e: impl std::fmt::Display) -> TransportError {
    TransportError::Connection(format!("{what}: {e}"))
}

impl Broker {
    fn topic(&self, channel: &str) -> String {
        format!("{}{channel}", self.options.prefix)
    }

    /// A new client; its requests wait until `connected` has seen the
    /// broker's CONNACK. Never a clean start: a member's id is new, so its
    /// first connection finds no session and later ones resume it (and
    /// Mosquitto keeps across its restarts only the sessions of clients
    /// that did not start clean).
    fn client(&self, id: &str) -> (Client, Events) {
        protocol::client(id, &self.host, self.port, &self.options)
    }

    /// Polls until the broker accepts the connection; whether it still had the session.
    async fn connected(&self, events: &mut Events) -> Result<bool, TransportError> {
        let address = format!("{}:{}", self.host, self.port);
        let accepted = async {
            loop {
                match events.poll().await {
                    Ok(Happened::ConnAck { session_present }) => return Ok(session_present),
                    Ok(_) => continue,
                    Err(e) => return Err(failed(&address, e)),
                }
            }
        };
        tokio::time::timeout(self.options.timeout, accepted)
            .await
            .unwrap_or_else(|_| Err(TransportError::Connection(format!("{address} did not answer"))))
    }
}

impl MqttTransport {
    /// Connects to the broker at `host:port`.
    pub async fn connect(host: &str, port: u16, options: MqttOptions) -> Result<MqttTransport, TransportError> {
        let broker = Arc::new(Broker { host: host.into(), port, options });
        let publishing = Publishing::open(&broker).await?;
        Ok(MqttTransport { broker, publishing: Arc::new(tokio::sync::Mutex::new(Some(publishing))) })
    }

    /// The publishing connection, made again if the last one was lost.
    async fn publishing(&self) -> Result<Arc<Publishing>, TransportError> {
        let mut current = self.publishing.lock().await;
        if let Some(link) = current.as_ref().filter(|link| !link.lost()) {
            return Ok(link.clone());
        }
        let link = Publishing::open(&self.broker).await?;
        *current = Some(link.clone());
        Ok(link)
    }
}

/// One publishing connection. The broker's PUBACKs name packet ids,
/// which rumqttc picks as it sends: a publish's answer is found by the
/// order in which publishes are sent.
struct Publishing {
    client: Client,
    waiting: Arc<Mutex<Waiting>>,
    /// Keeps publishes entering the client in the order they wait in.
    order: tokio::sync::Mutex<()>,
}

type Answer = oneshot::Sender<Result<(), TransportError>>;

#[derive(Default)]
struct Waiting {
    /// Handed to the client, not yet sent.
    unsent: VecDeque<Answer>,
    /// Sent, by packet id.
    sent: HashMap<u16, Answer>,
    lost: bool,
}

impl Publishing {
    async fn open(broker: &Arc<Broker>) -> Result<Arc<Publishing>, TransportError> {
        let id = format!("specwright-pub-{}", uuid::Uuid::new_v4().simple());
        let (client, mut events) = broker.client(&id);
        broker.connected(&mut events).await?;
        let waiting = Arc::new(Mutex::new(Waiting::default()));
        tokio::spawn(drive_publishing(events, waiting.clone()));
        Ok(Arc::new(Publishing { client, waiting, order: tokio::sync::Mutex::new(()) }))
    }

    fn lost(&self) -> bool {
        self.waiting.lock().expect("waiting").lost
    }

    async fn publish(
        &self,
        topic: String,
        message: Message,
        retain: bool,
    ) -> Result<oneshot::Receiver<Result<(), TransportError>>, TransportError> {
        let (answer, answered) = oneshot::channel();
        let _order = self.order.lock().await;
        {
            let mut waiting = self.waiting.lock().expect("waiting");
            if waiting.lost {
                return Err(TransportError::Connection("the connection to the broker was lost".into()));
            }
            waiting.unsent.push_back(answer);
        }
        if let Err(e) = self.client.publish(topic, message, retain).await {
            self.waiting.lock().expect("waiting").unsent.pop_back();
            return Err(TransportError::Other(format!("the client refused the publish: {e}")));
        }
        Ok(answered)
    }
}

async fn drive_publishing(mut events: Events, waiting: Arc<Mutex<Waiting>>) {
    let error = loop {
        match events.poll().await {
            Ok(Happened::Sent(pkid)) => {
                let mut waiting = waiting.lock().expect("waiting");
                if let Some(answer) = waiting.unsent.pop_front() {
                    waiting.sent.insert(pkid, answer);
                }
            }
            Ok(Happened::PubAck { pkid, refused }) => {
                let answer = waiting.lock().expect("waiting").sent.remove(&pkid);
                let result = match refused {
                    None => Ok(()),
                    // Nobody would get it (say): an error, not a silent drop.
                    Some(reason) => {
                        Err(TransportError::Other(format!("the broker did not take the message: {reason}")))
                    }
                };
                // A publisher that stopped waiting no longer needs to know.
                if let Some(Err(Err(e))) = answer.map(|answer| answer.send(result)) {
                    tracing::debug!(error = %e, "an MQTT publish failed after its publisher stopped waiting");
                }
            }
            Ok(_) => {}
            Err(e) => break e,
        }
    };
    // What was not answered may or may not have arrived: the publisher
    // tries again on a new connection (and dedupe makes a second copy harmless).
    let mut waiting = waiting.lock().expect("waiting");
    waiting.lost = true;
    // A publisher that stopped waiting already gave up on its message.
    let lost = |answer: Answer| {
        if answer.send(Err(failed("the connection to the broker was lost", &error))).is_err() {
            tracing::debug!("an MQTT publish was lost with the connection after its publisher stopped waiting");
        }
    };
    waiting.unsent.drain(..).for_each(lost);
    waiting.sent.drain().map(|(_, answer)| answer).for_each(lost);
}

impl Publisher for MqttTransport {
    fn publish<'a>(&'a self, channel: &'a str, message: Message) -> BoxFuture<'a, Result<(), TransportError>> {
        Box::pin(async move {
            let timeout = self.broker.options.timeout;
            let answered = async {
                let link = self.publishing().await?;
                let options = &self.broker.options;
                let bound = options.bindings.find(channel).and_then(|(b, _)| b.mqtt_retain);
                let answer = link.publish(self.broker.topic(channel), message, bound.unwrap_or(options.retain)).await?;
                answer.await.unwrap_or(Err(TransportError::Closed))
            };
            tokio::time::timeout(timeout, answered)
                .await
                .unwrap_or_else(|_| Err(TransportError::Connection(format!("no PUBACK within {timeout:?}"))))
        })
    }
}

impl Subscriber for MqttTransport {
    fn subscribe<'a>(
        &'a self,
        channel: &'a str,
        group: &'a str,
    ) -> BoxFuture<'a, Result<Subscription, TransportError>> {
        Box::pin(async move {
            // A group's name is one level of the shared subscription's filter.
            let group: String = group.chars().map(|c| if matches!(c, '/' | '+' | '#') { '_' } else { c }).collect();
            let member = Member {
                broker: self.broker.clone(),
                id: format!("specwright-{}", uuid::Uuid::new_v4().simple()),
                filter: format!("$share/{group}/{}", self.broker.topic(channel)),
            };
            let (deliveries, received) = mpsc::unbounded_channel();
            let (first, joined) = oneshot::channel();
            tokio::spawn(member.run(deliveries, first));
            joined.await.unwrap_or(Err(TransportError::Closed))?;
            Ok(receiving(received, ()))
        })
    }
}

impl Transport for MqttTransport {
    fn capabilities(&self) -> Capabilities {
        // A shared subscription hands messages to members in turn, whatever the key.
        Capabilities { ordering_per_key: false, durable: true, native_dedupe: false, delayed_redelivery: true }
    }
}

type Deliveries = mpsc::UnboundedSender<Result<Delivery, TransportError>>;

/// One member of a group: its client id, kept across its connections so
/// that the broker gives it back its session.
struct Member {
    broker: Arc<Broker>,
    id: String,
    filter: String,
}

impl Member {
    /// Connects, subscribes and hands out deliveries until the subscription
    /// is dropped, connecting again (with backoff) when the connection is lost.
    async fn run(self, deliveries: Deliveries, first: oneshot::Sender<Result<(), TransportError>>) {
        let mut first = Some(first);
        let mut waits = None;
        loop {
            let (client, mut events) = self.broker.client(&self.id);
            let outcome = self.connection(&client, &mut events, &deliveries, &mut first).await;
            if let Some(first) = first.take() {
                // It never subscribed: the connection failed, or the subscription went first.
                let never = outcome.err().unwrap_or(TransportError::Closed);
                if let Err(Err(e)) = first.send(Err(never)) {
                    tracing::debug!(error = %e, "an MQTT subscription failed after its subscriber stopped waiting");
                }
                return;
            }
            if deliveries.is_closed() {
                self.leave(&client, &mut events).await;
                return;
            }
            if let Err(e) = &outcome {
                // Dropped meanwhile: the next turn of the loop leaves.
                if deliveries.send(Err(TransportError::Connection(e.to_string()))).is_err() {
                    tracing::debug!(error = %e, "MQTT connection lost as its subscription was dropped");
                }
            }
            let wait = waits
                .get_or_insert_with(|| backoff(Duration::from_millis(50), Duration::from_secs(5)))
                .next()
                .unwrap_or(Duration::from_secs(5));
            tokio::time::sleep(wait).await;
            if outcome.is_ok() {
                waits = None;
            }
        }
    }

    /// Unsubscribes, so the broker sends the group's messages to the
    /// other members only, and disconnects.
    async fn leave(&self, client: &Client, events: &mut Events) {
        client.leave(self.filter.clone()).await;
        let gone = async {
            while let Ok(event) = events.poll().await {
                if let Happened::Disconnected = event {
                    break;
                }
            }
        };
        if tokio::time::timeout(Duration::from_secs(1), gone).await.is_err() {
            tracing::debug!(filter = %self.filter, "the MQTT broker did not close the connection within a second");
        }
    }

    /// One connection, until it is lost (`Ok`, after it had subscribed) or
    /// the subscription is dropped.
    async fn connection(
        &self,
        client: &Client,
        events: &mut Events,
        deliveries: &Deliveries,
        first: &mut Option<oneshot::Sender<Result<(), TransportError>>>,
    ) -> Result<(), TransportError> {
        self.broker.connected(events).await?;
        client
            .subscribe(self.filter.clone())
            .await
            .map_err(|e| TransportError::Other(format!("subscribing to `{}`: {e}", self.filter)))?;
        loop {
            let event = tokio::select! {
                _ = deliveries.closed() => return Ok(()),
                event = events.poll() => event,
            };
            match event {
                Ok(Happened::SubAck { refused }) => {
                    if let Some(code) = refused {
                        return Err(TransportError::Other(format!("the broker refused `{}`: {code}", self.filter)));
                    }
                    // A subscriber that stopped waiting dropped its deliveries too: the loop sees it.
                    if let Some(Err(_)) = first.take().map(|first| first.send(Ok(()))) {
                        tracing::debug!(filter = %self.filter, "subscribed to MQTT after the subscriber stopped waiting");
                    }
                }
                Ok(Happened::Publish(incoming)) => {
                    let attempt = if incoming.dup() { 2 } else { 1 };
                    // Unsent (the subscription was dropped), it is never acked: the broker sends it again.
                    if deliveries.send(Ok(delivery(client, incoming, attempt, deliveries))).is_err() {
                        tracing::debug!(filter = %self.filter, "an MQTT message came as the subscription was dropped");
                    }
                }
                Ok(_) => {}
                Err(e) => {
                    tracing::warn!(filter = %self.filter, error = %e, "lost the broker");
                    return match first.is_some() {
                        true => Err(lost(e)),
                        false => Ok(()),
                    };
                }
            }
        }
    }
}

fn lost(e: String) -> TransportError {
    TransportError::Connection(format!("the connection to the broker was lost: {e}"))
}

fn delivery(client: &Client, publish: Incoming, attempt: u32, again: &Deliveries) -> Delivery {
    let message = publish.message();
    let held = Held { client: client.clone(), publish, message: message.clone(), attempt, again: again.clone() };
    Delivery::new(message, attempt, Box::new(MqttSettle { held: Some(held) }))
}

struct Held {
    /// The client of the connection the message came on: once that
    /// connection is gone, so is this client's, and an ack goes nowhere.
    client: Client,
    publish: Incoming,
    message: Message,
    attempt: u32,
    again: Deliveries,
}

/// One delivery to settle. Dropped unsettled, it is handed out again at once.
struct MqttSettle {
    held: Option<Held>,
}

impl MqttSettle {
    fn ack(mut self) -> BoxFuture<'static, Result<(), TransportError>> {
        let Some(Held { client, publish, .. }) = self.held.take() else { return done() };
        Box::pin(async move {
            // A connection lost meanwhile gives the message back to the
            // broker, which sends it again: nothing to do then.
            client.ack(&publish).await;
            Ok(())
        })
    }

    fn again(&mut self, delay: Duration) {
        let Some(Held { client, publish, message, attempt, again }) = self.held.take() else { return };
        let Ok(runtime) = tokio::runtime::Handle::try_current() else { return };
        runtime.spawn(async move {
            tokio::time::sleep(delay).await;
            let held = Held { client, publish, message: message.clone(), attempt: attempt + 1, again: again.clone() };
            let delivery = Delivery::new(message, attempt + 1, Box::new(MqttSettle { held: Some(held) }));
            // Unsent (the subscription was dropped), it is never acked: the broker sends it again.
            if again.send(Ok(delivery)).is_err() {
                tracing::debug!("an MQTT message to handle again came after its subscription was dropped");
            }
        });
    }
}

impl Settle for MqttSettle {
    fn ack(self: Box<Self>) -> BoxFuture<'static, Result<(), TransportError>> {
        (*self).ack()
    }

    /// Held by the member and handed out again after `delay`, unacknowledged meanwhile.
    fn nack(mut self: Box<Self>, delay: Duration) -> BoxFuture<'static, Result<(), TransportError>> {
        self.again(delay);
        done()
    }

    /// Never to be delivered again: acknowledged without being handled.
    fn reject(self: Box<Self>) -> BoxFuture<'static, Result<(), TransportError>> {
        (*self).ack()
    }
}

impl Drop for MqttSettle {
    fn drop(&mut self) {
        self.again(Duration::ZERO);
    }
}
