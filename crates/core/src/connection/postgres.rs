//! One PostgreSQL connection that comes back after it fails: the stores
//! that keep state in PostgreSQL (event dedupe, idempotency keys) share it.

use tokio::sync::{Mutex, MutexGuard};
use tokio_postgres::{Client, NoTls};

pub struct Reconnecting {
    url: String,
    /// Made again on the next use after the connection fails.
    client: Mutex<Option<Client>>,
}

/// A connected client, held for one use.
pub struct Held<'a>(MutexGuard<'a, Option<Client>>);

impl Held<'_> {
    pub fn client(&self) -> &Client {
        self.0.as_ref().expect("a held connection is connected")
    }

    /// The error of a failed statement; a connection that failed with it
    /// is dropped, so the next use makes a new one.
    pub fn failed(&mut self, e: tokio_postgres::Error) -> String {
        if self.0.as_ref().is_some_and(Client::is_closed) {
            *self.0 = None;
        }
        e.to_string()
    }
}

impl Reconnecting {
    pub fn new(url: &str) -> Reconnecting {
        Reconnecting { url: url.to_string(), client: Mutex::new(None) }
    }

    /// The connection, made first if there is none (or it failed).
    pub async fn get(&self) -> Result<Held<'_>, String> {
        let mut guard = self.client.lock().await;
        if guard.as_ref().is_none_or(Client::is_closed) {
            let (client, connection) = tokio_postgres::connect(&self.url, NoTls)
                .await
                .map_err(|e| format!("connecting to PostgreSQL: {e}"))?;
            tokio::spawn(async move {
                if let Err(e) = connection.await {
                    tracing::warn!(error = %e, "a PostgreSQL store's connection ended");
                }
            });
            *guard = Some(client);
        }
        Ok(Held(guard))
    }
}

/// Whether `table` is a plain SQL identifier, safe to write into statements.
pub fn plain_identifier(table: &str) -> bool {
    !table.is_empty() && table.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}
