//! The transactional outbox on PostgreSQL: an event is written in the same
//! transaction as the change it announces, and a relay publishes it after
//! the commit. The change is never saved without its event; the event is
//! published at least once (dedupe by its id handles the rare second time).

use std::borrow::Cow;
use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::time::Duration;

use futures_util::{FutureExt, StreamExt};

use tokio::sync::Notify;
use tokio_postgres::{AsyncMessage, Client, GenericClient, NoTls};

use super::event::envelope;
use super::transport::{Publisher, TransportError};
use super::{Codec, CodecError, Event, Json, Message};

#[derive(Debug, thiserror::Error)]
pub enum OutboxError {
    #[error("`{0}` is not a plain table name (letters, digits and `_`)")]
    TableName(String),
    #[error("cannot encode the event: {0}")]
    Encode(#[from] CodecError),
    #[error("outbox: {0}")]
    Database(#[from] tokio_postgres::Error),
    #[error("relaying the outbox: {0}")]
    Transport(#[from] TransportError),
    #[error(transparent)]
    Address(#[from] super::AddressError),
}

/// Events waiting in `table` to be published.
///
/// ```no_run
/// # async fn f(client: &mut tokio_postgres::Client, order: &impl specwright_events::Event)
/// # -> Result<(), Box<dyn std::error::Error>> {
/// use specwright_events::Outbox;
/// let outbox = Outbox::new("orders_outbox", "/orders")?;
/// let tx = client.transaction().await?;
/// tx.execute("INSERT INTO orders (id) VALUES (1)", &[]).await?;
/// outbox.publish(&tx, order).await?;
/// tx.commit().await?; // the order and its event, or neither
/// # Ok(()) }
/// ```
pub struct Outbox<C: Codec = Json> {
    table: String,
    source: Cow<'static, str>,
    codec: C,
}

impl Outbox<Json> {
    /// `source` is the CloudEvents `source` of the events, such as `/orders`.
    pub fn new(table: &str, source: impl Into<Cow<'static, str>>) -> Result<Outbox<Json>, OutboxError> {
        if table.is_empty() || !table.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(OutboxError::TableName(table.to_string()));
        }
        // Unquoted in SQL, the name folds to lower case; so does the channel the relay listens on.
        Ok(Outbox { table: table.to_ascii_lowercase(), source: source.into(), codec: Json })
    }
}

impl<C: Codec> Outbox<C> {
    pub fn with_codec<D: Codec>(self, codec: D) -> Outbox<D> {
        Outbox { table: self.table, source: self.source, codec }
    }

    /// The table's definition, for a migration.
    pub fn schema(&self) -> String {
        format!(
            "CREATE TABLE IF NOT EXISTS {} (id bigserial PRIMARY KEY, channel text NOT NULL, \
             header_names text[] NOT NULL, header_values text[] NOT NULL, payload bytea NOT NULL, \
             created_at timestamptz NOT NULL DEFAULT now())",
            self.table
        )
    }

    /// Creates the table if it is missing.
    pub async fn create_table(&self, client: &impl GenericClient) -> Result<(), OutboxError> {
        client.batch_execute(&self.schema()).await?;
        Ok(())
    }

    /// Writes `event` through `tx`, usually a transaction; it is published
    /// once that commits, and never if it rolls back. Returns its id.
    pub async fn publish<E: Event>(&self, tx: &impl GenericClient, event: &E) -> Result<String, OutboxError> {
        self.publish_to(tx, &event.channel(), event).await
    }

    /// [`publish`](Self::publish) to `address`, such as a channel template
    /// filled in by [`super::address::fill`].
    pub async fn publish_to<E: Event>(
        &self,
        tx: &impl GenericClient,
        address: &str,
        event: &E,
    ) -> Result<String, OutboxError> {
        super::address::check_filled(address)?;
        let message = envelope(&self.codec, &self.source, event, None)?;
        let id = message.id().unwrap_or_default().to_string();
        let (names, values): (Vec<&str>, Vec<&str>) = message.headers.iter().unzip();
        // NOTIFY is delivered at commit: the relay wakes when the event can be seen.
        let sql = format!(
            "WITH written AS (INSERT INTO {} (channel, header_names, header_values, payload) \
             VALUES ($1, $2, $3, $4) RETURNING id) SELECT pg_notify($5, '') FROM written",
            self.table
        );
        tx.query(&sql, &[&address, &names, &values, &message.payload.as_ref(), &self.table]).await?;
        Ok(id)
    }

    /// A relay publishing this outbox's events through `publisher`,
    /// connecting to PostgreSQL at `url`.
    pub fn relay(&self, url: &str, publisher: Arc<dyn Publisher>) -> OutboxRelay {
        OutboxRelay {
            url: url.to_string(),
            table: self.table.clone(),
            publisher,
            batch: 100,
            poll_interval: Duration::from_secs(1),
            retry_delay: Duration::from_secs(1),
        }
    }
}

/// Publishes what an [`Outbox`] holds, oldest first, and deletes each event
/// once the transport has it. Several relays on one table take turns: rows
/// are locked while being published, so the order holds.
pub struct OutboxRelay {
    url: String,
    table: String,
    publisher: Arc<dyn Publisher>,
    batch: usize,
    poll_interval: Duration,
    retry_delay: Duration,
}

impl OutboxRelay {
    /// Events published per transaction.
    pub fn batch(mut self, n: usize) -> Self {
        self.batch = n.max(1);
        self
    }

    /// How often to look without being notified (notifications are lost
    /// while the relay reconnects).
    pub fn poll_interval(mut self, every: Duration) -> Self {
        self.poll_interval = every;
        self
    }

    /// How long to wait after PostgreSQL or the transport failed.
    pub fn retry_delay(mut self, delay: Duration) -> Self {
        self.retry_delay = delay;
        self
    }

    /// Relays until `shutdown` completes, reconnecting after failures. A
    /// batch in hand is finished first; one cut short by the process dying
    /// is published again by the next relay.
    pub async fn run(self, shutdown: impl Future<Output = ()>) {
        let mut shutdown = pin!(shutdown);
        loop {
            match self.session(&mut shutdown).await {
                Ok(()) => return,
                Err(e) => tracing::warn!(table = %self.table, error = %e, "outbox relay failed; reconnecting"),
            }
            tokio::select! {
                _ = shutdown.as_mut() => return,
                _ = tokio::time::sleep(self.retry_delay) => {}
            }
        }
    }

    /// Publishes everything the outbox holds now, and returns how many.
    pub async fn drain(&self) -> Result<usize, OutboxError> {
        let (mut client, connection) = tokio_postgres::connect(&self.url, NoTls).await?;
        let connection = tokio::spawn(connection);
        let mut total = 0;
        let result = loop {
            match self.relay_batch(&mut client).await {
                Ok(Batch { moved, failed: None }) if moved == self.batch => total += moved,
                Ok(Batch { moved, failed: None }) => break Ok(total + moved),
                Ok(Batch { failed: Some(e), .. }) => break Err(e.into()),
                Err(e) => break Err(e.into()),
            }
        };
        drop(client);
        match connection.await {
            Ok(Ok(())) => {}
            // The batch's own error, if any, says what went wrong; this is the connection's.
            Ok(Err(e)) => tracing::warn!(error = %e, "the outbox's database connection ended with an error"),
            Err(e) => tracing::error!(error = %e, "the outbox's database connection task ended abnormally"),
        }
        result
    }

    /// One connection's life: listen, relay, wait, until stopped or failed.
    async fn session<F: Future<Output = ()>>(
        &self,
        shutdown: &mut std::pin::Pin<&mut F>,
    ) -> Result<(), tokio_postgres::Error> {
        let (mut client, mut connection) = tokio_postgres::connect(&self.url, NoTls).await?;
        let wake = Arc::new(Notify::new());
        let woken = wake.clone();
        // The connection is driven here, to see the notifications it carries.
        let listener = tokio::spawn(async move {
            let mut messages = futures_util::stream::poll_fn(move |cx| connection.poll_message(cx));
            while let Some(message) = messages.next().await {
                match message {
                    Ok(AsyncMessage::Notification(_)) => woken.notify_one(),
                    Ok(_) => {}
                    Err(e) => {
                        tracing::warn!(error = %e, "outbox relay connection ended");
                        break;
                    }
                }
            }
            // The relay is woken to find the connection closed.
            woken.notify_one();
        });
        let _stop_listener = AbortOnDrop(listener);
        client.batch_execute(&format!("LISTEN {}", self.table)).await?;
        loop {
            let batch = self.relay_batch(&mut client).await?;
            if let Some(e) = batch.failed {
                tracing::warn!(table = %self.table, error = %e, "cannot publish from the outbox; will retry");
                tokio::select! {
                    _ = shutdown.as_mut() => return Ok(()),
                    _ = tokio::time::sleep(self.retry_delay) => continue,
                }
            }
            if batch.moved == self.batch {
                // More may be waiting: no sleep, but a stop is still heard.
                if shutdown.as_mut().now_or_never().is_some() {
                    return Ok(());
                }
                continue;
            }
            tokio::select! {
                _ = shutdown.as_mut() => return Ok(()),
                _ = wake.notified() => {}
                _ = tokio::time::sleep(self.poll_interval) => {}
            }
        }
    }

    /// Publishes the oldest events, in order, and deletes the ones published.
    async fn relay_batch(&self, client: &mut Client) -> Result<Batch, tokio_postgres::Error> {
        let tx = client.transaction().await?;
        let select = format!(
            "SELECT id, channel, header_names, header_values, payload FROM {} ORDER BY id LIMIT $1 FOR UPDATE",
            self.table
        );
        let rows = tx.query(&select, &[&(self.batch as i64)]).await?;
        let mut published: Vec<i64> = Vec::with_capacity(rows.len());
        let mut failed = None;
        for row in &rows {
            let names: Vec<String> = row.get(2);
            let values: Vec<String> = row.get(3);
            let payload: Vec<u8> = row.get(4);
            let message = Message { headers: names.into_iter().zip(values).collect(), payload: payload.into() };
            let channel: &str = row.get(1);
            if let Err(e) = self.publisher.publish(channel, message).await {
                // The ones before it are out: they are deleted; it and the rest wait.
                failed = Some(e);
                break;
            }
            published.push(row.get(0));
        }
        if !published.is_empty() {
            tx.execute(&format!("DELETE FROM {} WHERE id = ANY($1)", self.table), &[&published]).await?;
        }
        tx.commit().await?;
        Ok(Batch { moved: published.len(), failed })
    }
}

struct Batch {
    moved: usize,
    failed: Option<TransportError>,
}

struct AbortOnDrop(tokio::task::JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}
