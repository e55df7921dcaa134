//! MQTT 5 as a transport, QoS 1 (at least once). A channel is a topic; a
//! group is a shared subscription (`$share/group/topic`), which the broker
//! hands out among the group's members. Headers travel as user properties.
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

use rumqttc::v5::mqttbytes::v5::{Packet, PubAckReason, Publish, PublishProperties, SubscribeReasonCode};
use rumqttc::v5::mqttbytes::QoS;
use rumqttc::v5::{AsyncClient, ConnectionError, Event, EventLoop};
use rumqttc::Outgoing;
use tokio::sync::{mpsc, oneshot};

use super::app::backoff;
use super::transport::{
    done, BoxFuture, Capabilities, Delivery, Publisher, Settle, Subscriber, Subscription, Transport,
};
use super::{Headers, Message, TransportError};

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

    /// A new client; its requests wait until `connected` has seen the broker's CONNACK.
    fn client(&self, id: &str, clean_start: bool) -> (AsyncClient, EventLoop) {
        let mut options = rumqttc::v5::MqttOptions::new(id, &self.host, self.port);
        options
            .set_clean_start(clean_start)
            .set_keep_alive(self.options.keep_alive)
            .set_manual_acks(true)
            .set_max_packet_size(Some(self.options.max_packet_bytes))
            .set_receive_maximum(Some(self.options.in_flight.max(1)))
            .set_session_expiry_interval(Some(self.options.session_expiry.as_secs() as u32));
        if let Some((user, password)) = &self.options.credentials {
            options.set_credentials(user, password);
        }
        AsyncClient::new(options, 64)
    }

    /// Polls until the broker accepts the connection; whether it still had the session.
    async fn connected(&self, events: &mut EventLoop) -> Result<bool, TransportError> {
        let address = format!("{}:{}", self.host, self.port);
        let accepted = async {
            loop {
                match events.poll().await {
                    Ok(Event::Incoming(Packet::ConnAck(ack))) => return Ok(ack.session_present),
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
    client: AsyncClient,
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
        let (client, mut events) = broker.client(&id, true);
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
        let properties = PublishProperties {
            user_properties: message.headers.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect(),
            ..PublishProperties::default()
        };
        let (answer, answered) = oneshot::channel();
        let _order = self.order.lock().await;
        {
            let mut waiting = self.waiting.lock().expect("waiting");
            if waiting.lost {
                return Err(TransportError::Connection("the connection to the broker was lost".into()));
            }
            waiting.unsent.push_back(answer);
        }
        let sent =
            self.client.publish_with_properties(topic, QoS::AtLeastOnce, retain, message.payload, properties).await;
        if let Err(e) = sent {
            self.waiting.lock().expect("waiting").unsent.pop_back();
            return Err(TransportError::Other(format!("the client refused the publish: {e}")));
        }
        Ok(answered)
    }
}

async fn drive_publishing(mut events: EventLoop, waiting: Arc<Mutex<Waiting>>) {
    let error = loop {
        match events.poll().await {
            Ok(Event::Outgoing(Outgoing::Publish(pkid))) => {
                let mut waiting = waiting.lock().expect("waiting");
                if let Some(answer) = waiting.unsent.pop_front() {
                    waiting.sent.insert(pkid, answer);
                }
            }
            Ok(Event::Incoming(Packet::PubAck(ack))) => {
                let answer = waiting.lock().expect("waiting").sent.remove(&ack.pkid);
                let result = match ack.reason {
                    PubAckReason::Success => Ok(()),
                    // Nobody would get it: an error, not a silent drop.
                    reason => Err(TransportError::Other(format!("the broker did not take the message: {reason:?}"))),
                };
                if let Some(answer) = answer {
                    let _ = answer.send(result);
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
    let lost = |answer: Answer| {
        let _ = answer.send(Err(failed("the connection to the broker was lost", &error)));
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
                let answer = link.publish(self.broker.topic(channel), message, self.broker.options.retain).await?;
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
            let stream = futures_util::stream::unfold(received, |mut received| async move {
                received.recv().await.map(|next| (next, received))
            });
            Ok(Box::pin(stream) as Subscription)
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
            // Never a clean start: the id is new, so the first connection
            // finds no session, and later ones resume it. (Mosquitto keeps
            // across its restarts only the sessions of clients that did not
            // start clean.)
            let (client, mut events) = self.broker.client(&self.id, false);
            let outcome = self.connection(&client, &mut events, &deliveries, &mut first).await;
            if let Some(first) = first.take() {
                let _ = first.send(outcome.and(Err(TransportError::Closed)));
                return;
            }
            if deliveries.is_closed() {
                self.leave(&client, &mut events).await;
                return;
            }
            if let Err(e) = &outcome {
                let _ = deliveries.send(Err(TransportError::Connection(e.to_string())));
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
    async fn leave(&self, client: &AsyncClient, events: &mut EventLoop) {
        let _ = client.unsubscribe(self.filter.clone()).await;
        let _ = client.disconnect().await;
        let gone = async {
            while let Ok(event) = events.poll().await {
                if let Event::Outgoing(Outgoing::Disconnect) = event {
                    break;
                }
            }
        };
        let _ = tokio::time::timeout(Duration::from_secs(1), gone).await;
    }

    /// One connection, until it is lost (`Ok`, after it had subscribed) or
    /// the subscription is dropped.
    async fn connection(
        &self,
        client: &AsyncClient,
        events: &mut EventLoop,
        deliveries: &Deliveries,
        first: &mut Option<oneshot::Sender<Result<(), TransportError>>>,
    ) -> Result<(), TransportError> {
        self.broker.connected(events).await?;
        client
            .subscribe(self.filter.clone(), QoS::AtLeastOnce)
            .await
            .map_err(|e| TransportError::Other(format!("subscribing to `{}`: {e}", self.filter)))?;
        loop {
            let event = tokio::select! {
                _ = deliveries.closed() => return Ok(()),
                event = events.poll() => event,
            };
            match event {
                Ok(Event::Incoming(Packet::SubAck(ack))) => {
                    let refused = ack.return_codes.iter().find(|code| !matches!(code, SubscribeReasonCode::Success(_)));
                    if let Some(code) = refused {
                        return Err(TransportError::Other(format!("the broker refused `{}`: {code:?}", self.filter)));
                    }
                    if let Some(first) = first.take() {
                        let _ = first.send(Ok(()));
                    }
                }
                Ok(Event::Incoming(Packet::Publish(publish))) => {
                    let attempt = if publish.dup { 2 } else { 1 };
                    let _ = deliveries.send(Ok(delivery(client, publish, attempt, deliveries)));
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

fn lost(e: ConnectionError) -> TransportError {
    TransportError::Connection(format!("the connection to the broker was lost: {e}"))
}

fn delivery(client: &AsyncClient, publish: Publish, attempt: u32, again: &Deliveries) -> Delivery {
    let mut message = Message::default();
    if let Some(properties) = &publish.properties {
        let mut headers = Headers::with_capacity(properties.user_properties.len());
        for (name, value) in &properties.user_properties {
            headers.insert_copied(name, value);
        }
        message.headers = headers;
    }
    message.payload = publish.payload.clone();
    let held = Held { client: client.clone(), publish, message: message.clone(), attempt, again: again.clone() };
    Delivery::new(message, attempt, Box::new(MqttSettle { held: Some(held) }))
}

struct Held {
    /// The client of the connection the message came on: once that
    /// connection is gone, so is this client's, and an ack goes nowhere.
    client: AsyncClient,
    publish: Publish,
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
            let _ = client.ack(&publish).await;
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
            let _ = again.send(Ok(delivery));
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
