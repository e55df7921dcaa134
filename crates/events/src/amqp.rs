//! AMQP 0-9-1 (RabbitMQ) as a transport. A channel is a durable fanout
//! exchange; a group is a durable queue bound to it, which the group's
//! members consume from in turn. Publishes are persistent, mandatory and
//! confirmed; deliveries are acked by hand. A nack with a delay parks a
//! copy in a delay queue whose TTL sends it back to the group's queue; a
//! reject goes to the queue's dead-letter exchange (the channel's `.dlq`).

use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures_util::StreamExt;
use lapin::options::{
    BasicAckOptions, BasicConsumeOptions, BasicNackOptions, BasicPublishOptions, BasicQosOptions, BasicRejectOptions,
    ConfirmSelectOptions, ExchangeDeclareOptions, QueueBindOptions, QueueDeclareOptions,
};
use lapin::types::{AMQPValue, FieldTable, LongString, ShortString};
use lapin::{BasicProperties, Channel, Confirmation, Connection, ConnectionProperties, ExchangeKind};

use super::transport::{
    reading, BoxFuture, Capabilities, Delivery, Publisher, Reader, Settle, Subscriber, Subscription, Transport,
};
use super::{Headers, Message, TransportError};

/// How exchanges and queues are named and declared.
#[derive(Clone, Debug)]
pub struct AmqpOptions {
    /// Put before each channel's name to name its exchange, and before
    /// `channel.group` to name a group's queue.
    pub prefix: String,
    /// Deliveries a member holds unsettled at once (`basic.qos`).
    pub prefetch: u16,
    /// Quorum queues (replicated, with a delivery count) instead of classic ones.
    pub quorum: bool,
    /// Where a group's queue dead-letters what is rejected: the exchange of
    /// the channel's name with this appended (the router's dead-letter channel).
    pub dead_letter_suffix: String,
    /// A group's queue is deleted after going unused this long (`x-expires`);
    /// `None` keeps it until deleted by hand.
    pub queue_expires: Option<Duration>,
    /// A spec's bindings: a channel's own exchange name. (A group's queue
    /// stays one per group, which is how groups share a channel.)
    pub bindings: super::Bindings,
}

impl Default for AmqpOptions {
    fn default() -> AmqpOptions {
        AmqpOptions {
            prefix: String::new(),
            prefetch: 64,
            quorum: false,
            dead_letter_suffix: ".dlq".into(),
            queue_expires: None,
            bindings: super::Bindings::default(),
        }
    }
}

/// A RabbitMQ connection, made again when it is lost. Clones share it.
#[derive(Clone)]
pub struct AmqpTransport {
    url: Arc<str>,
    options: Arc<AmqpOptions>,
    link: Arc<tokio::sync::Mutex<Option<Arc<Link>>>>,
}

/// One connection, its publishing channel (in confirm mode), and the
/// exchanges and queues declared on it.
struct Link {
    connection: Connection,
    publishing: Channel,
    declared: Mutex<HashSet<String>>,
}

/// Our own header: the attempt a message parked for a delayed retry is on.
const ATTEMPT: &str = "specwright-attempt";

fn failed(what: impl std::fmt::Display, e: lapin::Error) -> TransportError {
    TransportError::Connection(format!("{what}: {e}"))
}

impl AmqpTransport {
    /// Connects to `url` (such as `amqp://guest:guest@127.0.0.1:5672/%2f`).
    pub async fn connect(url: &str, options: AmqpOptions) -> Result<AmqpTransport, TransportError> {
        let transport = AmqpTransport {
            url: url.into(),
            options: Arc::new(options),
            link: Arc::new(tokio::sync::Mutex::new(None)),
        };
        transport.link().await?;
        Ok(transport)
    }

    /// The live connection, or a new one if it was lost.
    async fn link(&self) -> Result<Arc<Link>, TransportError> {
        let mut slot = self.link.lock().await;
        if let Some(link) = &*slot {
            if link.connection.status().connected() && link.publishing.status().connected() {
                return Ok(link.clone());
            }
        }
        let connection = Connection::connect(&self.url, ConnectionProperties::default())
            .await
            .map_err(|e| failed(format_args!("connecting to {}", redacted(&self.url)), e))?;
        let publishing = connection.create_channel().await.map_err(|e| failed("a publishing channel", e))?;
        publishing
            .confirm_select(ConfirmSelectOptions::default())
            .await
            .map_err(|e| failed("publisher confirms", e))?;
        let link = Arc::new(Link { connection, publishing, declared: Mutex::default() });
        *slot = Some(link.clone());
        Ok(link)
    }

    fn exchange(&self, channel: &str) -> String {
        let bound = self.options.bindings.amqp_exchange(channel);
        format!("{}{}", self.options.prefix, bound.as_deref().unwrap_or(channel))
    }

    fn queue(&self, channel: &str, group: &str) -> String {
        format!("{}{channel}.{group}", self.options.prefix)
    }
}

/// The URL without its password, for messages.
fn redacted(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => format!("{}://…{}", &url[..scheme], &url[at..]),
        _ => url.to_string(),
    }
}

impl Link {
    /// Declares what `declare` does once per connection under `name`.
    async fn once<F: std::future::Future<Output = Result<(), lapin::Error>>>(
        &self,
        name: &str,
        declare: impl FnOnce() -> F,
    ) -> Result<(), TransportError> {
        if self.declared.lock().unwrap_or_else(|e| e.into_inner()).contains(name) {
            return Ok(());
        }
        declare().await.map_err(|e| failed(format_args!("declaring `{name}`"), e))?;
        self.declared.lock().unwrap_or_else(|e| e.into_inner()).insert(name.to_string());
        Ok(())
    }

    async fn exchange(&self, on: &Channel, name: &str) -> Result<(), TransportError> {
        let durable = ExchangeDeclareOptions { durable: true, ..Default::default() };
        self.once(name, || on.exchange_declare(name.into(), ExchangeKind::Fanout, durable, FieldTable::default())).await
    }

    /// Publishes on the confirming channel, with the attempt it is on when
    /// it is parked for a retry; `Ok` once the broker has stored it in at
    /// least one queue.
    async fn publish(
        &self,
        exchange: &str,
        routing_key: &str,
        message: &Message,
        attempt: Option<u32>,
    ) -> Result<(), TransportError> {
        let mut headers = FieldTable::default();
        for (name, value) in message.headers.iter() {
            headers.insert(name.into(), long_string(value));
        }
        if let Some(attempt) = attempt {
            headers.insert(ATTEMPT.into(), long_string(&attempt.to_string()));
        }
        let mut properties = BasicProperties::default().with_delivery_mode(2).with_headers(headers);
        if let Some(id) = message.id() {
            properties = properties.with_message_id(id.into());
        }
        let options = BasicPublishOptions { mandatory: true, ..Default::default() };
        let confirm = self
            .publishing
            .basic_publish(exchange.into(), routing_key.into(), options, &message.payload, properties)
            .await
            .map_err(|e| failed(format_args!("publish to `{exchange}`"), e))?
            .await
            .map_err(|e| failed(format_args!("publish to `{exchange}`"), e))?;
        match confirm {
            Confirmation::Ack(None) | Confirmation::NotRequested => Ok(()),
            Confirmation::Ack(Some(_)) => Err(TransportError::Other(format!(
                "no queue is bound to `{exchange}`: a group must subscribe before events are published to it"
            ))),
            Confirmation::Nack(_) => {
                Err(TransportError::Other(format!("the broker did not store the message for `{exchange}`")))
            }
        }
    }
}

impl Publisher for AmqpTransport {
    fn publish<'a>(&'a self, channel: &'a str, message: Message) -> BoxFuture<'a, Result<(), TransportError>> {
        Box::pin(async move {
            let link = self.link().await?;
            let exchange = self.exchange(channel);
            link.exchange(&link.publishing, &exchange).await?;
            link.publish(&exchange, "", &message, None).await
        })
    }
}

impl Subscriber for AmqpTransport {
    fn subscribe<'a>(
        &'a self,
        channel: &'a str,
        group: &'a str,
    ) -> BoxFuture<'a, Result<Subscription, TransportError>> {
        Box::pin(async move {
            let mut member = Member {
                transport: self.clone(),
                exchange: self.exchange(channel),
                dead_letters: self.exchange(&format!("{channel}{}", self.options.dead_letter_suffix)),
                queue: self.queue(channel, group).into(),
                consumer: None,
            };
            // Declared and bound before this returns, so what is published next reaches it.
            member.consumer = Some(member.consume().await?);
            Ok(reading(member))
        })
    }
}

impl Transport for AmqpTransport {
    fn capabilities(&self) -> Capabilities {
        // A queue's consumers take turns: two with one key can be handled at once.
        Capabilities { ordering_per_key: false, durable: true, native_dedupe: false, delayed_redelivery: true }
    }
}

/// One subscription: a channel of its own consuming the group's queue,
/// opened again (with the topology) when the connection was lost.
struct Member {
    transport: AmqpTransport,
    exchange: String,
    dead_letters: String,
    queue: Arc<str>,
    consumer: Option<(Channel, lapin::Consumer)>,
}

impl Reader for Member {
    async fn read(&mut self) -> Result<Delivery, TransportError> {
        let read = self.receive().await;
        if read.is_err() {
            // Opened again, with the topology, on the next read.
            self.consumer = None;
        }
        read
    }
}

impl Member {
    async fn consume(&self) -> Result<(Channel, lapin::Consumer), TransportError> {
        let link = self.transport.link().await?;
        let channel = link.connection.create_channel().await.map_err(|e| failed("a consuming channel", e))?;
        let options = &self.transport.options;
        channel.basic_qos(options.prefetch, BasicQosOptions::default()).await.map_err(|e| failed("basic.qos", e))?;
        link.exchange(&channel, &self.exchange).await?;
        link.exchange(&channel, &self.dead_letters).await?;
        let queue = &*self.queue;
        let mut arguments = FieldTable::default();
        arguments.insert("x-dead-letter-exchange".into(), long_string(&self.dead_letters));
        if options.quorum {
            arguments.insert("x-queue-type".into(), long_string("quorum"));
        }
        if let Some(expires) = options.queue_expires {
            arguments.insert("x-expires".into(), AMQPValue::LongLongInt(expires.as_millis() as i64));
        }
        let durable = QueueDeclareOptions { durable: true, ..Default::default() };
        channel
            .queue_declare(queue.into(), durable, arguments)
            .await
            .map_err(|e| failed(format_args!("queue `{queue}`"), e))?;
        channel
            .queue_bind(
                queue.into(),
                self.exchange.as_str().into(),
                "".into(),
                QueueBindOptions::default(),
                FieldTable::default(),
            )
            .await
            .map_err(|e| failed(format_args!("binding `{queue}`"), e))?;
        let tag: ShortString = format!("{queue}.{}", uuid::Uuid::new_v4().simple()).into();
        let consumer = channel
            .basic_consume(queue.into(), tag, BasicConsumeOptions::default(), FieldTable::default())
            .await
            .map_err(|e| failed(format_args!("consuming `{queue}`"), e))?;
        Ok((channel, consumer))
    }

    async fn receive(&mut self) -> Result<Delivery, TransportError> {
        let (_, consumer) = match &mut self.consumer {
            Some(consumer) => consumer,
            None => {
                let consumer = self.consume().await?;
                self.consumer.insert(consumer)
            }
        };
        match consumer.next().await {
            Some(Ok(delivery)) => Ok(self.delivery(delivery)),
            Some(Err(e)) => Err(failed(format_args!("consuming `{}`", self.queue), e)),
            None => Err(TransportError::Closed),
        }
    }

    fn delivery(&self, delivery: lapin::message::Delivery) -> Delivery {
        let mut headers = Headers::with_capacity(12);
        let mut attempt = 1u32;
        let mut delivery_count = None;
        for (name, value) in delivery.properties.headers().iter().flat_map(|t| t.inner()) {
            let name = name.as_str();
            match (name, value) {
                (ATTEMPT, AMQPValue::LongString(n)) => {
                    attempt = std::str::from_utf8(n.as_bytes()).ok().and_then(|n| n.parse().ok()).unwrap_or(1)
                }
                ("x-delivery-count", AMQPValue::LongLongInt(n)) => delivery_count = Some(*n as u32),
                ("x-delivery-count", AMQPValue::LongInt(n)) => delivery_count = Some(*n as u32),
                (_, AMQPValue::LongString(text)) => {
                    headers.insert_copied(name, &String::from_utf8_lossy(text.as_bytes()))
                }
                (_, AMQPValue::ShortString(text)) => headers.insert_copied(name, text.as_str()),
                // RabbitMQ's own tables (`x-death`) are not message headers.
                _ => {}
            }
        }
        // Quorum queues count deliveries; classic ones only flag a redelivery.
        attempt += delivery_count.unwrap_or(u32::from(delivery.redelivered));
        let message = Message { headers, payload: delivery.data.into() };
        let settle = AmqpSettle {
            acker: Some(delivery.acker),
            message: message.clone(),
            attempt,
            transport: self.transport.clone(),
            queue: self.queue.clone(),
        };
        Delivery::new(message, attempt, Box::new(settle))
    }
}

fn long_string(text: &str) -> AMQPValue {
    AMQPValue::LongString(LongString::from(text.as_bytes().to_vec()))
}

/// One delivery to settle. Dropped unsettled, it is nacked back to its
/// queue (and the broker requeues it anyway when the channel closes).
struct AmqpSettle {
    acker: Option<lapin::Acker>,
    message: Message,
    attempt: u32,
    transport: AmqpTransport,
    queue: Arc<str>,
}

impl AmqpSettle {
    fn take(&mut self) -> lapin::Acker {
        self.acker.take().expect("settled once")
    }

    /// A copy of the message in `queue.delay.<ms>`, from which it goes back
    /// to the queue once its time is up; then the delivery is acked. Should
    /// parking fail, the delivery is requeued at once rather than lost.
    async fn park(mut self, delay: Duration) -> Result<(), TransportError> {
        let acker = self.take();
        let parked = async {
            let link = self.transport.link().await?;
            let ms = delay.as_millis().max(1) as u64;
            let parking = format!("{}.delay.{ms}", self.queue);
            let declare = || async {
                let mut arguments = FieldTable::default();
                arguments.insert("x-message-ttl".into(), AMQPValue::LongLongInt(ms as i64));
                arguments.insert("x-dead-letter-exchange".into(), long_string(""));
                arguments.insert("x-dead-letter-routing-key".into(), long_string(&self.queue));
                // Unused for an hour (or ten delays), the parking queue goes.
                arguments.insert("x-expires".into(), AMQPValue::LongLongInt((ms * 10).max(3_600_000) as i64));
                let durable = QueueDeclareOptions { durable: true, ..Default::default() };
                link.publishing.queue_declare(parking.as_str().into(), durable, arguments).await.map(|_| ())
            };
            link.once(&parking, declare).await?;
            link.publish("", &parking, &self.message, Some(self.attempt + 1)).await
        };
        match parked.await {
            Ok(()) => acker.ack(BasicAckOptions::default()).await.map(|_| ()).map_err(|e| failed("ack", e)),
            Err(e) => {
                tracing::warn!(error = %e, "could not park a nacked delivery; requeued at once");
                requeue(acker).await
            }
        }
    }
}

async fn requeue(acker: lapin::Acker) -> Result<(), TransportError> {
    let options = BasicNackOptions { requeue: true, ..Default::default() };
    acker.nack(options).await.map(|_| ()).map_err(|e| failed("nack", e))
}

impl Settle for AmqpSettle {
    fn ack(mut self: Box<Self>) -> BoxFuture<'static, Result<(), TransportError>> {
        let acker = self.take();
        Box::pin(async move { acker.ack(BasicAckOptions::default()).await.map(|_| ()).map_err(|e| failed("ack", e)) })
    }

    fn nack(mut self: Box<Self>, delay: Duration) -> BoxFuture<'static, Result<(), TransportError>> {
        if delay.is_zero() {
            let acker = self.take();
            return Box::pin(requeue(acker));
        }
        Box::pin((*self).park(delay))
    }

    /// To the queue's dead-letter exchange.
    fn reject(mut self: Box<Self>) -> BoxFuture<'static, Result<(), TransportError>> {
        let acker = self.take();
        Box::pin(async move {
            let options = BasicRejectOptions { requeue: false };
            acker.reject(options).await.map(|_| ()).map_err(|e| failed("reject", e))
        })
    }
}

impl Drop for AmqpSettle {
    fn drop(&mut self) {
        if let (Some(acker), Ok(runtime)) = (self.acker.take(), tokio::runtime::Handle::try_current()) {
            runtime.spawn(async move {
                // Unrequeued, the broker still sends it again when the channel closes.
                if let Err(e) = requeue(acker).await {
                    tracing::warn!(error = %e, "an unsettled AMQP delivery was not requeued");
                }
            });
        }
    }
}
