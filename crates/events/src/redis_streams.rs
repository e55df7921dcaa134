//! Redis Streams as a transport: a stream per channel and a consumer group
//! per group; XADD to publish (trimmed with MAXLEN), XREADGROUP to consume,
//! XACK to settle. What a member leaves pending (it died, or dropped a
//! delivery) is taken over by XAUTOCLAIM once it has been idle for the
//! claim time, by whichever member scans first.

use std::collections::VecDeque;
use std::sync::Arc;
use std::time::Duration;

use redis::aio::ConnectionManager;
use redis::streams::{StreamAutoClaimReply, StreamId, StreamPendingCountReply, StreamReadReply};
use redis::Value;

use super::transport::{
    reading, BoxFuture, Capabilities, Delivery, Publisher, Reader, Settle, Subscriber, Subscription, Transport,
};
use super::{Headers, Message, TransportError};

/// How streams and groups are used.
#[derive(Clone, Debug)]
pub struct RedisStreamsOptions {
    /// Put before each channel's name to make its stream's key.
    pub prefix: String,
    /// Entries a stream keeps, about (`MAXLEN ~`): older ones are trimmed
    /// even if a group has not read them. `None` keeps everything.
    pub max_len: Option<usize>,
    /// How long a delivery may stay unsettled before another member (or
    /// this one) takes it over. Longer than a handler's tries take.
    pub claim_idle: Duration,
    /// Entries a member reads at once.
    pub batch: usize,
    /// How long one read waits for new entries before looking for
    /// abandoned ones again.
    pub block: Duration,
}

impl Default for RedisStreamsOptions {
    fn default() -> RedisStreamsOptions {
        RedisStreamsOptions {
            prefix: "events:".into(),
            max_len: Some(1_000_000),
            claim_idle: Duration::from_secs(60),
            batch: 64,
            block: Duration::from_secs(1),
        }
    }
}

/// A connection to Redis. Clones share it; each subscription reads on a
/// connection of its own, as a blocking read holds its connection.
#[derive(Clone)]
pub struct RedisStreamsTransport {
    client: redis::Client,
    connection: ConnectionManager,
    options: Arc<RedisStreamsOptions>,
}

/// The field an entry's payload is in; headers are `h:` and their name.
const PAYLOAD: &str = "payload";
const HEADER: &str = "h:";

fn failed(what: impl std::fmt::Display, e: redis::RedisError) -> TransportError {
    if e.is_connection_dropped() || e.is_connection_refusal() || e.is_io_error() || e.is_timeout() {
        TransportError::Connection(format!("{what}: {e}"))
    } else {
        TransportError::Other(format!("{what}: {e}"))
    }
}

impl RedisStreamsTransport {
    /// Connects to `url` (such as `redis://127.0.0.1:6379`). Connections
    /// come back by themselves after Redis restarts.
    pub async fn connect(url: &str, options: RedisStreamsOptions) -> Result<RedisStreamsTransport, TransportError> {
        let client = redis::Client::open(url).map_err(|e| failed(url, e))?;
        let connection = specwright_core::connection::redis::manager(&client).await.map_err(|e| failed(url, e))?;
        Ok(RedisStreamsTransport { client, connection, options: Arc::new(options) })
    }

    fn key(&self, channel: &str) -> String {
        format!("{}{channel}", self.options.prefix)
    }
}

impl Publisher for RedisStreamsTransport {
    fn publish<'a>(&'a self, channel: &'a str, message: Message) -> BoxFuture<'a, Result<(), TransportError>> {
        Box::pin(async move {
            let mut xadd = redis::cmd("XADD");
            xadd.arg(self.key(channel));
            if let Some(n) = self.options.max_len {
                xadd.arg("MAXLEN").arg("~").arg(n);
            }
            xadd.arg("*").arg(PAYLOAD).arg(&message.payload[..]);
            for (name, value) in message.headers.iter() {
                xadd.arg(format!("{HEADER}{name}")).arg(value);
            }
            let mut connection = self.connection.clone();
            xadd.query_async::<String>(&mut connection)
                .await
                .map_err(|e| failed(format_args!("publish to `{channel}`"), e))?;
            Ok(())
        })
    }
}

impl Subscriber for RedisStreamsTransport {
    fn subscribe<'a>(
        &'a self,
        channel: &'a str,
        group: &'a str,
    ) -> BoxFuture<'a, Result<Subscription, TransportError>> {
        Box::pin(async move {
            let key: Arc<str> = self.key(channel).into();
            let mut connection = self.connection.clone();
            create_group(&mut connection, &key, group).await?;
            let reads = specwright_core::connection::redis::manager(&self.client)
                .await
                .map_err(|e| failed("a reading connection", e))?;
            let member = Member {
                reads,
                place: Arc::new(Place {
                    connection,
                    key,
                    group: group.into(),
                    consumer: uuid::Uuid::new_v4().simple().to_string(),
                    claim_idle: self.options.claim_idle,
                }),
                options: self.options.clone(),
                ready: VecDeque::new(),
                cursor: "0-0".into(),
                next_scan: tokio::time::Instant::now(),
            };
            Ok(reading(member))
        })
    }
}

impl Transport for RedisStreamsTransport {
    fn capabilities(&self) -> Capabilities {
        // A group's members read from one stream, each taking the next
        // entries: two with one key can be handled at once by two members.
        Capabilities { ordering_per_key: false, durable: true, native_dedupe: false, delayed_redelivery: true }
    }
}

/// The group reads the stream from its start, so what was published
/// before a group's first member subscribed is not lost to it.
async fn create_group(connection: &mut ConnectionManager, key: &str, group: &str) -> Result<(), TransportError> {
    let created = redis::cmd("XGROUP")
        .arg("CREATE")
        .arg(key)
        .arg(group)
        .arg("0")
        .arg("MKSTREAM")
        .query_async::<()>(connection)
        .await;
    match created {
        Err(e) if e.code() == Some("BUSYGROUP") => Ok(()),
        other => other.map_err(|e| failed(format_args!("group `{group}` on `{key}`"), e)),
    }
}

/// One subscription: its reading connection and what it has read ahead.
struct Member {
    reads: ConnectionManager,
    place: Arc<Place>,
    options: Arc<RedisStreamsOptions>,
    ready: VecDeque<Delivery>,
    /// Where the scan for abandoned entries goes on from.
    cursor: String,
    next_scan: tokio::time::Instant,
}

impl Reader for Member {
    async fn read(&mut self) -> Result<Delivery, TransportError> {
        loop {
            if let Some(delivery) = self.ready.pop_front() {
                return Ok(delivery);
            }
            let found = match tokio::time::Instant::now() >= self.next_scan {
                true => self.claim_abandoned().await,
                false => self.read_new().await,
            };
            if let Err(e) = found {
                // The stream or group is gone (Redis restarted without its
                // data): make them again, then go on reading.
                if matches!(&e, TransportError::Other(text) if text.contains("NOGROUP")) {
                    if let Err(again) = create_group(&mut self.reads, &self.place.key, &self.place.group).await {
                        tracing::warn!(error = %again, "the Redis stream group could not be made again; the next read tries once more");
                    }
                }
                return Err(e);
            }
        }
    }
}

impl Member {
    /// New entries for this member, waiting up to `block` for some.
    async fn read_new(&mut self) -> Result<(), TransportError> {
        let Place { key, group, consumer, .. } = &*self.place;
        let reply: Option<StreamReadReply> = redis::cmd("XREADGROUP")
            .arg("GROUP")
            .arg(group)
            .arg(consumer)
            .arg("COUNT")
            .arg(self.options.batch)
            .arg("BLOCK")
            .arg(self.options.block.as_millis() as u64)
            .arg("STREAMS")
            .arg(&**key)
            .arg(">")
            .query_async(&mut self.reads)
            .await
            .map_err(|e| failed(format_args!("reading `{key}` as `{group}`"), e))?;
        for entry in reply.into_iter().flat_map(|r| r.keys).flat_map(|k| k.ids) {
            let delivery = self.delivery(entry, 1);
            self.ready.push_back(delivery);
        }
        if self.ready.is_empty() {
            // Nothing new: a good time to look for abandoned entries.
            self.next_scan = tokio::time::Instant::now();
        }
        Ok(())
    }

    /// Entries another member (or this one) left unsettled for longer than
    /// the claim time, taken over with the number of their delivery.
    async fn claim_abandoned(&mut self) -> Result<(), TransportError> {
        let Place { key, group, consumer, claim_idle, .. } = &*self.place;
        let reply: StreamAutoClaimReply = redis::cmd("XAUTOCLAIM")
            .arg(&**key)
            .arg(group)
            .arg(consumer)
            .arg(claim_idle.as_millis() as u64)
            .arg(&self.cursor)
            .arg("COUNT")
            .arg(self.options.batch)
            .query_async(&mut self.reads)
            .await
            .map_err(|e| failed(format_args!("claiming abandoned entries of `{key}`"), e))?;
        self.cursor = reply.next_stream_id;
        if self.cursor == "0-0" {
            // The whole pending list was scanned: again in a while.
            self.next_scan = tokio::time::Instant::now() + (*claim_idle / 4).max(Duration::from_millis(100));
        }
        let claimed = reply.claimed;
        let (Some(first), Some(last)) = (claimed.first(), claimed.last()) else { return Ok(()) };
        let pending: StreamPendingCountReply = redis::cmd("XPENDING")
            .arg(&**key)
            .arg(group)
            .arg(&first.id)
            .arg(&last.id)
            .arg(claimed.len())
            .arg(consumer)
            .query_async(&mut self.reads)
            .await
            .map_err(|e| failed(format_args!("delivery counts of `{key}`"), e))?;
        for entry in claimed {
            let attempt = pending.ids.iter().find(|p| p.id == entry.id).map_or(2, |p| p.times_delivered.max(2));
            let delivery = self.delivery(entry, attempt as u32);
            self.ready.push_back(delivery);
        }
        Ok(())
    }

    fn delivery(&self, entry: StreamId, attempt: u32) -> Delivery {
        let mut message = Message::default();
        let mut headers = Headers::with_capacity(entry.map.len());
        for (field, value) in &entry.map {
            let Value::BulkString(bytes) = value else { continue };
            if field == PAYLOAD {
                message.payload = bytes.clone().into();
            } else if let Some(name) = field.strip_prefix(HEADER) {
                headers.insert_copied(name, &String::from_utf8_lossy(bytes));
            }
        }
        message.headers = headers;
        let settle = RedisSettle { place: self.place.clone(), id: entry.id };
        Delivery::new(message, attempt, Box::new(settle))
    }
}

/// Where a member reads, and what settling its entries needs.
struct Place {
    /// Shared with publishing: settling never waits behind a blocking read.
    connection: ConnectionManager,
    key: Arc<str>,
    group: String,
    consumer: String,
    claim_idle: Duration,
}

/// One entry to settle. Dropped unsettled, it stays pending, and a member
/// claims it once it has been idle for the claim time.
struct RedisSettle {
    place: Arc<Place>,
    id: String,
}

impl RedisSettle {
    fn ack(self) -> BoxFuture<'static, Result<(), TransportError>> {
        Box::pin(async move {
            let Place { connection, key, group, .. } = &*self.place;
            redis::cmd("XACK")
                .arg(&**key)
                .arg(group)
                .arg(&self.id)
                .query_async::<i64>(&mut connection.clone())
                .await
                .map_err(|e| failed(format_args!("ack of `{}` on `{key}`", self.id), e))?;
            Ok(())
        })
    }
}

impl Settle for RedisSettle {
    fn ack(self: Box<Self>) -> BoxFuture<'static, Result<(), TransportError>> {
        RedisSettle::ack(*self)
    }

    /// Left pending, with its idle time set so that it becomes claimable
    /// after `delay` (at most the claim time: Redis has no later delivery).
    fn nack(self: Box<Self>, delay: Duration) -> BoxFuture<'static, Result<(), TransportError>> {
        Box::pin(async move {
            let Place { connection, key, group, consumer, claim_idle } = &*self.place;
            let idle = claim_idle.saturating_sub(delay);
            redis::cmd("XCLAIM")
                .arg(&**key)
                .arg(group)
                .arg(consumer)
                .arg(0)
                .arg(&self.id)
                .arg("IDLE")
                .arg(idle.as_millis() as u64)
                .arg("JUSTID")
                .query_async::<Vec<String>>(&mut connection.clone())
                .await
                .map_err(|e| failed(format_args!("nack of `{}` on `{key}`", self.id), e))?;
            Ok(())
        })
    }

    /// Never to be delivered again: acknowledged without being handled.
    fn reject(self: Box<Self>) -> BoxFuture<'static, Result<(), TransportError>> {
        RedisSettle::ack(*self)
    }
}
