//! Kafka as a transport, through librdkafka. A channel is a topic, made
//! with `partitions` partitions the first time it is used; a group is a
//! consumer group. The message's key picks the partition, and a partition
//! is read by one member at a time, in order: order is kept per key.
//!
//! Offsets are committed only past what has been settled. A member keeps,
//! per partition, the offsets it has handed out and not yet settled, and
//! stores the lowest of them for librdkafka to commit: a delivery settled
//! out of turn does not commit the ones before it. A nacked (or dropped)
//! delivery is held by the member and handed out again after the delay,
//! its offset still uncommitted; should the member die meanwhile, the
//! partition's next owner reads it again from the broker.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;

use rdkafka::admin::{AdminClient, AdminOptions, NewTopic, TopicReplication};
use rdkafka::client::DefaultClientContext;
use rdkafka::config::ClientConfig;
use rdkafka::consumer::{BaseConsumer, Consumer, ConsumerContext, Rebalance, StreamConsumer};
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::message::{BorrowedMessage, Header, Headers as _, Message as _, OwnedHeaders};
use rdkafka::producer::{FutureProducer, FutureRecord, Producer as _};
use rdkafka::topic_partition_list::{Offset, TopicPartitionList};
use rdkafka::util::Timeout;
use rdkafka::ClientContext;
use tokio::sync::{mpsc, watch};

use super::transport::{BoxFuture, Capabilities, Delivery, Publisher, Settle, Subscriber, Subscription, Transport};
use super::{Headers, Message, TransportError};

/// How topics are named and made, and how the clients are tuned.
#[derive(Clone, Debug)]
pub struct KafkaOptions {
    /// Put before each channel's name to name its topic. Characters a
    /// topic name cannot have (anything but ASCII letters, digits, `.`,
    /// `_` and `-`) become `_`.
    pub prefix: String,
    /// Partitions of the topics this transport makes. More partitions let
    /// more members of a group share the work.
    pub partitions: i32,
    /// Replicas of the topics this transport makes.
    pub replication: i32,
    /// How long a publish may take, the broker's retries included
    /// (`message.timeout.ms`). The idempotent producer keeps those
    /// retries from storing a message twice.
    pub publish_timeout: Duration,
    /// How long a publish waits to go with others in one batch (`linger.ms`).
    pub linger: Duration,
    /// How often what has been settled is committed (`auto.commit.interval.ms`).
    pub commit_interval: Duration,
    /// How long a member may go unheard before the group hands its
    /// partitions to the others (`session.timeout.ms`).
    pub session_timeout: Duration,
    /// How long `subscribe` waits for the group to give the new member its partitions.
    pub join_timeout: Duration,
    /// Deliveries a member reads ahead of the ones being handled.
    pub read_ahead: usize,
    /// The largest message a publish takes (`message.max.bytes`).
    pub max_message_bytes: usize,
    /// More librdkafka settings for every client (security, say): name and value.
    pub config: Vec<(String, String)>,
    /// A spec's bindings: a channel's own topic name, partitions and
    /// replicas, over `prefix`, `partitions` and `replication`.
    pub bindings: super::Bindings,
}

impl Default for KafkaOptions {
    fn default() -> KafkaOptions {
        KafkaOptions {
            prefix: String::new(),
            partitions: 3,
            replication: 1,
            publish_timeout: Duration::from_secs(30),
            linger: Duration::from_millis(1),
            commit_interval: Duration::from_secs(1),
            session_timeout: Duration::from_secs(45),
            join_timeout: Duration::from_secs(60),
            read_ahead: 256,
            max_message_bytes: 8 * 1024 * 1024,
            config: Vec::new(),
            bindings: super::Bindings::default(),
        }
    }
}

/// A producer, an admin client for making topics, and what every
/// member's consumer is configured with. Clones share them.
#[derive(Clone)]
pub struct KafkaTransport {
    inner: Arc<Inner>,
}

struct Inner {
    servers: String,
    options: KafkaOptions,
    producer: FutureProducer,
    admin: AdminClient<DefaultClientContext>,
    topics: Mutex<HashSet<String>>,
}

fn failed(what: impl std::fmt::Display, e: KafkaError) -> TransportError {
    use RDKafkaErrorCode::*;
    match e.rdkafka_error_code() {
        Some(
            AllBrokersDown
            | BrokerTransportFailure
            | MessageTimedOut
            | OperationTimedOut
            | RequestTimedOut
            | NetworkException
            | BrokerNotAvailable
            | LeaderNotAvailable
            | NotLeaderForPartition,
        ) => TransportError::Connection(format!("{what}: {e}")),
        _ => TransportError::Other(format!("{what}: {e}")),
    }
}

fn millis(d: Duration) -> String {
    d.as_millis().to_string()
}

impl KafkaTransport {
    /// Connects to the brokers `servers` names (such as `127.0.0.1:9092`,
    /// or several separated by commas), and waits until one answers.
    pub async fn connect(servers: &str, options: KafkaOptions) -> Result<KafkaTransport, TransportError> {
        let mut producing = client_config(servers, &options);
        producing
            .set("enable.idempotence", "true")
            .set("linger.ms", millis(options.linger))
            .set("message.timeout.ms", millis(options.publish_timeout))
            .set("message.max.bytes", options.max_message_bytes.to_string());
        let producer: FutureProducer = producing.create().map_err(|e| failed("a producer", e))?;
        let admin = client_config(servers, &options).create().map_err(|e| failed("an admin client", e))?;
        // librdkafka connects lazily: ask for the cluster's metadata so an
        // unreachable broker is an error here, not a hang at the first publish.
        let probe = producer.clone();
        let timeout = options.join_timeout.min(Duration::from_secs(10));
        tokio::task::spawn_blocking(move || probe.client().fetch_metadata(None, timeout).map(drop))
            .await
            .map_err(|e| TransportError::Other(e.to_string()))?
            .map_err(|e| TransportError::Connection(format!("{servers}: {e}")))?;
        let inner = Inner { servers: servers.into(), options, producer, admin, topics: Mutex::default() };
        Ok(KafkaTransport { inner: Arc::new(inner) })
    }

    fn topic(&self, channel: &str) -> String {
        let bound = self.inner.options.bindings.kafka_topic(channel);
        let channel = bound.as_deref().unwrap_or(channel);
        let name = self.inner.options.prefix.chars().chain(channel.chars());
        name.map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') { c } else { '_' }).collect()
    }

    /// Makes the channel's topic unless this transport already knows it exists.
    async fn ensure_topic(&self, channel: &str, topic: &str) -> Result<(), TransportError> {
        if self.inner.topics.lock().expect("topics").contains(topic) {
            return Ok(());
        }
        let KafkaOptions { mut partitions, mut replication, publish_timeout, ref bindings, .. } = self.inner.options;
        if let Some((bound, _)) = bindings.find(channel) {
            partitions = bound.kafka_partitions.unwrap_or(partitions);
            replication = bound.kafka_replicas.unwrap_or(replication);
        }
        let new = NewTopic::new(topic, partitions, TopicReplication::Fixed(replication));
        let options = AdminOptions::new().operation_timeout(Some(publish_timeout));
        let results = self
            .inner
            .admin
            .create_topics([&new], &options)
            .await
            .map_err(|e| failed(format_args!("topic `{topic}`"), e))?;
        for result in results {
            match result {
                Ok(_) | Err((_, RDKafkaErrorCode::TopicAlreadyExists)) => {}
                Err((name, code)) => return Err(TransportError::Other(format!("making topic `{name}`: {code}"))),
            }
        }
        self.inner.topics.lock().expect("topics").insert(topic.into());
        Ok(())
    }

    fn consumer_config(&self, group: &str) -> ClientConfig {
        let options = &self.inner.options;
        let mut config = client_config(&self.inner.servers, options);
        let heartbeat = (options.session_timeout / 3).min(Duration::from_secs(3));
        config
            .set("group.id", group)
            .set("enable.auto.commit", "true")
            // Offsets are stored by settling, never by reading.
            .set("enable.auto.offset.store", "false")
            .set("auto.commit.interval.ms", millis(options.commit_interval))
            // A new group reads what was published before it first joined.
            .set("auto.offset.reset", "earliest")
            .set("session.timeout.ms", millis(options.session_timeout))
            .set("heartbeat.interval.ms", millis(heartbeat))
            .set("fetch.wait.max.ms", "100");
        config
    }
}

fn client_config(servers: &str, options: &KafkaOptions) -> ClientConfig {
    let mut config = ClientConfig::new();
    config.set("bootstrap.servers", servers).set("client.id", "specwright");
    for (name, value) in &options.config {
        config.set(name, value);
    }
    config
}

impl Publisher for KafkaTransport {
    fn publish<'a>(&'a self, channel: &'a str, message: Message) -> BoxFuture<'a, Result<(), TransportError>> {
        Box::pin(async move {
            let topic = self.topic(channel);
            self.ensure_topic(channel, &topic).await?;
            let mut headers = OwnedHeaders::new_with_capacity(message.headers.len());
            for (name, value) in message.headers.iter() {
                headers = headers.insert(Header { key: name, value: Some(value) });
            }
            let mut record = FutureRecord::<str, [u8]>::to(&topic).payload(&message.payload[..]).headers(headers);
            if let Some(key) = message.key() {
                record = record.key(key);
            }
            let queue = Timeout::After(self.inner.options.publish_timeout);
            self.inner
                .producer
                .send(record, queue)
                .await
                .map_err(|(e, _)| failed(format_args!("publish to `{topic}`"), e))?;
            Ok(())
        })
    }
}

impl Subscriber for KafkaTransport {
    fn subscribe<'a>(
        &'a self,
        channel: &'a str,
        group: &'a str,
    ) -> BoxFuture<'a, Result<Subscription, TransportError>> {
        Box::pin(async move {
            let topic = self.topic(channel);
            self.ensure_topic(channel, &topic).await?;
            let (assigned, mut joined) = watch::channel(0u64);
            let member = Member { topic: topic.clone(), partitions: Mutex::default(), assigned };
            let consumer: StreamConsumer<Member> = self
                .consumer_config(group)
                .create_with_context(member)
                .map_err(|e| failed(format_args!("a consumer in group `{group}`"), e))?;
            consumer.subscribe(&[&topic]).map_err(|e| failed(format_args!("subscribing to `{topic}`"), e))?;
            let (deliveries, received) = mpsc::channel(self.inner.options.read_ahead.max(1));
            tokio::spawn(read(Arc::new(consumer), deliveries));
            // The group assigns partitions while the member reads: wait for
            // it, so what is published next reaches this member's share.
            match tokio::time::timeout(self.inner.options.join_timeout, joined.changed()).await {
                Ok(Ok(())) => {}
                _ => {
                    return Err(TransportError::Connection(format!(
                        "group `{group}` gave no partitions of `{topic}` within {:?}",
                        self.inner.options.join_timeout
                    )))
                }
            }
            let stream = futures_util::stream::unfold(received, |mut received| async move {
                received.recv().await.map(|next| (next, received))
            });
            Ok(Box::pin(stream) as Subscription)
        })
    }
}

impl Transport for KafkaTransport {
    fn capabilities(&self) -> Capabilities {
        Capabilities { ordering_per_key: true, durable: true, native_dedupe: false, delayed_redelivery: true }
    }
}

type Sender = mpsc::Sender<Result<Delivery, TransportError>>;

/// Reads the member's partitions until the subscription is dropped, then
/// leaves the group (committing what was settled).
async fn read(consumer: Arc<StreamConsumer<Member>>, deliveries: Sender) {
    loop {
        let received = tokio::select! {
            _ = deliveries.closed() => break,
            received = consumer.recv() => received,
        };
        let next = match received {
            Ok(message) => Ok(delivery(&consumer, &message, &deliveries)),
            Err(e) => Err(failed("reading", e)),
        };
        let failure = next.is_err();
        if deliveries.send(next).await.is_err() {
            break;
        }
        if failure {
            // A broker that is away stays away a while.
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
    release(consumer);
}

/// Lets go of a member's consumer. Whoever lets go last closes it, which
/// waits for the group and the last commit, for as long as the broker is
/// away: on a thread of its own, which neither blocks a runtime thread nor
/// holds up the runtime's shutdown.
fn release(consumer: Arc<StreamConsumer<Member>>) {
    if let Some(last) = Arc::into_inner(consumer) {
        if let Err(e) = std::thread::Builder::new().name("kafka-close".into()).spawn(move || drop(last)) {
            // The closure, and the consumer with it, is dropped here instead.
            tracing::warn!(error = %e, "no thread to close the Kafka consumer on; closing it on this one");
        }
    }
}

fn delivery(consumer: &Arc<StreamConsumer<Member>>, read: &BorrowedMessage<'_>, again: &Sender) -> Delivery {
    let mut message = Message::default();
    if let Some(headers) = read.headers() {
        let mut copied = Headers::with_capacity(headers.count());
        for header in headers.iter() {
            if let Some(value) = header.value {
                copied.insert_copied(header.key, &String::from_utf8_lossy(value));
            }
        }
        message.headers = copied;
    }
    message.payload = bytes::Bytes::copy_from_slice(read.payload().unwrap_or_default());
    let (partition, offset) = (read.partition(), read.offset());
    let generation = consumer.context().handed_out(partition, offset);
    let place = Place { consumer: Arc::downgrade(consumer), partition, offset, generation, again: again.clone() };
    unsettled(place, message, 1)
}

fn unsettled(place: Place, message: Message, attempt: u32) -> Delivery {
    let settle = KafkaSettle { held: Some(Held { place, message: message.clone(), attempt }) };
    Delivery::new(message, attempt, Box::new(settle))
}

/// A member's consumer context: its partitions' unsettled offsets, kept
/// through the group's rebalances.
struct Member {
    topic: String,
    partitions: Mutex<Partitions>,
    /// Counts the assignments, for `subscribe` to wait for the first.
    assigned: watch::Sender<u64>,
}

#[derive(Default)]
struct Partitions {
    held: HashMap<i32, Partition>,
    /// Each assignment of a partition gets a new number, so a settle or a
    /// redelivery from an earlier one is told apart and dropped.
    generations: u64,
}

struct Partition {
    generation: u64,
    unsettled: BTreeSet<i64>,
    /// One past the highest offset handed out.
    next: i64,
    /// The offset last stored for commit.
    stored: i64,
}

impl Partitions {
    /// A new assignment of `partition`, with nothing handed out yet.
    fn assign(&mut self, partition: i32) {
        self.generations += 1;
        let fresh = Partition { generation: self.generations, unsettled: BTreeSet::new(), next: -1, stored: -1 };
        self.held.insert(partition, fresh);
    }
}

impl Member {
    fn handed_out(&self, partition: i32, offset: i64) -> u64 {
        let mut partitions = self.partitions.lock().expect("partitions");
        if !partitions.held.contains_key(&partition) {
            partitions.assign(partition);
        }
        let held = partitions.held.get_mut(&partition).expect("assigned");
        held.unsettled.insert(offset);
        held.next = held.next.max(offset + 1);
        held.generation
    }

    fn is_current(&self, partition: i32, generation: u64) -> bool {
        let partitions = self.partitions.lock().expect("partitions");
        partitions.held.get(&partition).is_some_and(|p| p.generation == generation)
    }

    /// Settled: stores the partition's new commit point if it moved.
    fn settled(&self, consumer: &impl Consumer<Member>, partition: i32, offset: i64, generation: u64) {
        let mut partitions = self.partitions.lock().expect("partitions");
        let Some(held) = partitions.held.get_mut(&partition).filter(|p| p.generation == generation) else {
            // The partition went to another member meanwhile, which reads it
            // again from the last commit.
            return;
        };
        held.unsettled.remove(&offset);
        let commit = held.unsettled.first().copied().unwrap_or(held.next);
        if commit <= held.stored {
            return;
        }
        held.stored = commit;
        // Stored under the lock, so two settles never store out of order.
        let mut list = TopicPartitionList::new();
        let stored = list
            .add_partition_offset(&self.topic, partition, Offset::Offset(commit))
            .and_then(|()| consumer.store_offsets(&list));
        if let Err(e) = stored {
            tracing::warn!(error = %e, partition, commit, "cannot store the offset to commit");
        }
    }
}

impl ClientContext for Member {}

impl ConsumerContext for Member {
    fn post_rebalance(&self, _: &BaseConsumer<Member>, rebalance: &Rebalance<'_>) {
        let mut partitions = self.partitions.lock().expect("partitions");
        match rebalance {
            Rebalance::Assign(list) => {
                for element in list.elements_for_topic(&self.topic) {
                    partitions.assign(element.partition());
                }
                drop(partitions);
                self.assigned.send_modify(|n| *n += 1);
            }
            Rebalance::Revoke(list) => {
                for element in list.elements_for_topic(&self.topic) {
                    partitions.held.remove(&element.partition());
                }
            }
            Rebalance::Error(e) => tracing::warn!(error = %e, topic = %self.topic, "the group could not rebalance"),
        }
    }
}

/// Where a delivery was read from, and how to hand it out again.
struct Place {
    consumer: Weak<StreamConsumer<Member>>,
    partition: i32,
    offset: i64,
    generation: u64,
    again: Sender,
}

struct Held {
    place: Place,
    message: Message,
    attempt: u32,
}

/// One delivery to settle. Dropped unsettled, it is handed out again at once.
struct KafkaSettle {
    held: Option<Held>,
}

impl KafkaSettle {
    fn done(mut self) -> BoxFuture<'static, Result<(), TransportError>> {
        if let Some(Held { place, .. }) = self.held.take() {
            if let Some(consumer) = place.consumer.upgrade() {
                consumer.context().settled(&*consumer, place.partition, place.offset, place.generation);
                release(consumer);
            }
        }
        super::transport::done()
    }

    fn again(&mut self, delay: Duration) {
        let Some(Held { place, message, attempt }) = self.held.take() else { return };
        let Ok(runtime) = tokio::runtime::Handle::try_current() else { return };
        runtime.spawn(async move {
            tokio::time::sleep(delay).await;
            let Some(consumer) = place.consumer.upgrade() else { return };
            let current = consumer.context().is_current(place.partition, place.generation);
            release(consumer);
            if !current {
                return;
            }
            let again = place.again.clone();
            // Unsent (the subscription was dropped), it is never committed: the group reads it again.
            if again.send(Ok(unsettled(place, message, attempt + 1))).await.is_err() {
                tracing::debug!("a Kafka message to handle again came after its subscription was dropped");
            }
        });
    }
}

impl Settle for KafkaSettle {
    fn ack(self: Box<Self>) -> BoxFuture<'static, Result<(), TransportError>> {
        (*self).done()
    }

    /// Handed out again by this member after `delay`. The partition's
    /// later messages go on meanwhile: a nack gives up the key's order.
    fn nack(mut self: Box<Self>, delay: Duration) -> BoxFuture<'static, Result<(), TransportError>> {
        self.again(delay);
        super::transport::done()
    }

    /// Never to be delivered again: committed past without being handled.
    fn reject(self: Box<Self>) -> BoxFuture<'static, Result<(), TransportError>> {
        (*self).done()
    }
}

impl Drop for KafkaSettle {
    fn drop(&mut self) {
        self.again(Duration::ZERO);
    }
}
