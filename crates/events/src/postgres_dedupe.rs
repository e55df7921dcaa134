//! Handled event ids in PostgreSQL, shared by every instance of a service.

use std::time::Duration;

use super::dedupe::{Claim, DedupeStore, StoreError};
use super::transport::BoxFuture;
use specwright_core::connection::postgres::{plain_identifier, Held, Reconnecting};

/// A row per scope and id in `table`: `done` false while being handled,
/// true once handled. A claim older than `claim_ttl` whose handler died is
/// taken over. The table is created if it is missing.
pub struct PostgresDedupe {
    table: String,
    claim_ttl: Duration,
    connection: Reconnecting,
}

impl PostgresDedupe {
    /// Connects to `url` (such as `host=127.0.0.1 user=postgres dbname=app`)
    /// and makes `table` (a plain SQL identifier) if it is missing.
    pub async fn connect(url: &str, table: &str) -> Result<PostgresDedupe, StoreError> {
        if !plain_identifier(table) {
            return Err(StoreError(format!("`{table}` is not a plain table name")));
        }
        let store = PostgresDedupe {
            table: table.to_string(),
            claim_ttl: Duration::from_secs(60),
            connection: Reconnecting::new(url),
        };
        let sql = format!(
            "CREATE TABLE IF NOT EXISTS {table} (scope text NOT NULL, id text NOT NULL, done boolean NOT NULL, \
             claimed_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (scope, id))"
        );
        {
            let mut held = store.connection().await?;
            if let Err(e) = held.client().batch_execute(&sql).await {
                return Err(StoreError(held.failed(e)));
            }
        }
        Ok(store)
    }

    /// How long a claim holds (longer than a handler's retries take).
    pub fn claim_ttl(mut self, ttl: Duration) -> Self {
        self.claim_ttl = ttl;
        self
    }

    async fn connection(&self) -> Result<Held<'_>, StoreError> {
        self.connection.get().await.map_err(StoreError)
    }
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
            let mut held = self.connection().await?;
            let taken = match held.client().query_opt(&take, &[&scope, &id, &ttl]).await {
                Ok(row) => row.is_some(),
                Err(e) => return Err(StoreError(held.failed(e))),
            };
            if taken {
                return Ok(Claim::Claimed);
            }
            match held.client().query_opt(&read, &[&scope, &id]).await {
                Ok(Some(row)) if row.get::<_, bool>(0) => Ok(Claim::Done),
                Ok(_) => Ok(Claim::InProgress),
                Err(e) => Err(StoreError(held.failed(e))),
            }
        })
    }

    fn complete<'a>(&'a self, scope: &'a str, id: &'a str) -> BoxFuture<'a, Result<(), StoreError>> {
        let sql = format!(
            "INSERT INTO {} (scope, id, done) VALUES ($1, $2, true) ON CONFLICT (scope, id) DO UPDATE SET done = true",
            self.table
        );
        Box::pin(async move {
            let mut held = self.connection().await?;
            let result = held.client().execute(&sql, &[&scope, &id]).await;
            result.map(|_| ()).map_err(|e| StoreError(held.failed(e)))
        })
    }

    fn release<'a>(&'a self, scope: &'a str, id: &'a str) -> BoxFuture<'a, Result<(), StoreError>> {
        let sql = format!("DELETE FROM {} WHERE scope = $1 AND id = $2 AND NOT done", self.table);
        Box::pin(async move {
            let mut held = self.connection().await?;
            let result = held.client().execute(&sql, &[&scope, &id]).await;
            result.map(|_| ()).map_err(|e| StoreError(held.failed(e)))
        })
    }
}
