//! Handled event ids in PostgreSQL, shared by every instance of a service.

use std::time::Duration;

use tokio::sync::{Mutex, MutexGuard};
use tokio_postgres::{Client, NoTls};

use super::dedupe::{Claim, DedupeStore, StoreError};
use super::transport::BoxFuture;

/// A row per scope and id in `table`: `done` false while being handled,
/// true once handled. A claim older than `claim_ttl` whose handler died is
/// taken over. The table is created if it is missing.
pub struct PostgresDedupe {
    url: String,
    table: String,
    claim_ttl: Duration,
    /// Reconnected on the next use after the connection fails.
    client: Mutex<Option<Client>>,
}

impl PostgresDedupe {
    /// Connects to `url` (such as `host=127.0.0.1 user=postgres dbname=app`)
    /// and makes `table` (a plain SQL identifier) if it is missing.
    pub async fn connect(url: &str, table: &str) -> Result<PostgresDedupe, StoreError> {
        if table.is_empty() || !table.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(StoreError(format!("`{table}` is not a plain table name")));
        }
        let store = PostgresDedupe {
            url: url.to_string(),
            table: table.to_string(),
            claim_ttl: Duration::from_secs(60),
            client: Mutex::new(None),
        };
        let sql = format!(
            "CREATE TABLE IF NOT EXISTS {table} (scope text NOT NULL, id text NOT NULL, done boolean NOT NULL, \
             claimed_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (scope, id))"
        );
        {
            let mut connection = store.connection().await?;
            let client = connection.as_ref().expect("connected");
            if let Err(e) = client.batch_execute(&sql).await {
                return Err(failed(&mut connection, e));
            }
        }
        Ok(store)
    }

    /// How long a claim holds (longer than a handler's retries take).
    pub fn claim_ttl(mut self, ttl: Duration) -> Self {
        self.claim_ttl = ttl;
        self
    }

    /// The connection, made first if there is none (or it failed).
    async fn connection(&self) -> Result<MutexGuard<'_, Option<Client>>, StoreError> {
        let mut guard = self.client.lock().await;
        if guard.as_ref().is_none_or(Client::is_closed) {
            let (client, connection) = tokio_postgres::connect(&self.url, NoTls)
                .await
                .map_err(|e| StoreError(format!("connecting to PostgreSQL: {e}")))?;
            tokio::spawn(async move {
                if let Err(e) = connection.await {
                    tracing::warn!(error = %e, "dedupe store connection ended");
                }
            });
            *guard = Some(client);
        }
        Ok(guard)
    }
}

/// A failed statement; a connection that failed with it is dropped, so the
/// next use makes a new one.
fn failed(connection: &mut Option<Client>, e: tokio_postgres::Error) -> StoreError {
    if connection.as_ref().is_some_and(Client::is_closed) {
        *connection = None;
    }
    StoreError(e.to_string())
}

impl DedupeStore for PostgresDedupe {
    fn claim<'a>(&'a self, scope: &'a str, id: &'a str) -> BoxFuture<'a, Result<Claim, StoreError>> {
        // One statement: insert a claim, or take over one whose handler died;
        // otherwise read what is there.
        let take = format!(
            "INSERT INTO {t} (scope, id, done) VALUES ($1, $2, false) \
             ON CONFLICT (scope, id) DO UPDATE SET claimed_at = now() \
             WHERE NOT {t}.done AND {t}.claimed_at < now() - make_interval(secs => $3) \
             RETURNING done",
            t = self.table
        );
        let read = format!("SELECT done FROM {} WHERE scope = $1 AND id = $2", self.table);
        let ttl = self.claim_ttl.as_secs_f64();
        Box::pin(async move {
            let mut connection = self.connection().await?;
            let client = connection.as_ref().expect("connected");
            let taken = match client.query_opt(&take, &[&scope, &id, &ttl]).await {
                Ok(row) => row.is_some(),
                Err(e) => return Err(failed(&mut connection, e)),
            };
            if taken {
                return Ok(Claim::Claimed);
            }
            match client.query_opt(&read, &[&scope, &id]).await {
                Ok(Some(row)) if row.get::<_, bool>(0) => Ok(Claim::Done),
                Ok(_) => Ok(Claim::InProgress),
                Err(e) => Err(failed(&mut connection, e)),
            }
        })
    }

    fn complete<'a>(&'a self, scope: &'a str, id: &'a str) -> BoxFuture<'a, Result<(), StoreError>> {
        let sql = format!(
            "INSERT INTO {} (scope, id, done) VALUES ($1, $2, true) ON CONFLICT (scope, id) DO UPDATE SET done = true",
            self.table
        );
        Box::pin(async move {
            let mut connection = self.connection().await?;
            let result = connection.as_ref().expect("connected").execute(&sql, &[&scope, &id]).await;
            result.map(|_| ()).map_err(|e| failed(&mut connection, e))
        })
    }

    fn release<'a>(&'a self, scope: &'a str, id: &'a str) -> BoxFuture<'a, Result<(), StoreError>> {
        let sql = format!("DELETE FROM {} WHERE scope = $1 AND id = $2 AND NOT done", self.table);
        Box::pin(async move {
            let mut connection = self.connection().await?;
            let result = connection.as_ref().expect("connected").execute(&sql, &[&scope, &id]).await;
            result.map(|_| ()).map_err(|e| failed(&mut connection, e))
        })
    }
}
