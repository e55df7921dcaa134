//! Idempotency keys in PostgreSQL, shared by every instance of a service.

use std::time::Duration;

use super::{Begun, IdempotencyStore, StoreError, Stored};
use specwright_core::connection::postgres::{plain_identifier, Held, Reconnecting};

/// A row per key in `table`: the request's fingerprint, the response once
/// there is one (as JSON), and when the row stops counting. An expired row
/// is taken over by the next request with its key.
pub struct PostgresIdempotency {
    table: String,
    connection: Reconnecting,
}

impl PostgresIdempotency {
    /// Connects to `url` (such as `host=127.0.0.1 user=postgres dbname=app`)
    /// and makes `table` (a plain SQL identifier) if it is missing.
    pub async fn connect(url: &str, table: &str) -> Result<PostgresIdempotency, StoreError> {
        if !plain_identifier(table) {
            return Err(StoreError(format!("`{table}` is not a plain table name")));
        }
        let store = PostgresIdempotency { table: table.to_string(), connection: Reconnecting::new(url) };
        let sql = format!(
            "CREATE TABLE IF NOT EXISTS {table} (key text PRIMARY KEY, fingerprint text NOT NULL, \
             response text, expires_at timestamptz NOT NULL)"
        );
        let mut held = store.connection().await?;
        if let Err(e) = held.client().batch_execute(&sql).await {
            return Err(StoreError(held.failed(e)));
        }
        drop(held);
        Ok(store)
    }

    async fn connection(&self) -> Result<Held<'_>, StoreError> {
        self.connection.get().await.map_err(StoreError)
    }

    async fn execute(
        &self,
        sql: &str,
        params: &[&(dyn tokio_postgres::types::ToSql + Sync)],
    ) -> Result<u64, StoreError> {
        let mut held = self.connection().await?;
        let result = held.client().execute(sql, params).await;
        result.map_err(|e| StoreError(held.failed(e)))
    }
}

impl IdempotencyStore for PostgresIdempotency {
    async fn begin(&self, key: &str, fingerprint: &str, lease: Duration) -> Result<Begun, StoreError> {
        // One statement takes a new key or an expired one; otherwise the row is read.
        let take = format!(
            "INSERT INTO {t} (key, fingerprint, response, expires_at) \
             VALUES ($1, $2, NULL, now() + make_interval(secs => $3)) \
             ON CONFLICT (key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, response = NULL, \
             expires_at = EXCLUDED.expires_at WHERE {t}.expires_at <= now()",
            t = self.table
        );
        let read = format!("SELECT fingerprint, response FROM {} WHERE key = $1 AND expires_at > now()", self.table);
        let lease = lease.as_secs_f64();
        for _ in 0..3 {
            if self.execute(&take, &[&key, &fingerprint, &lease]).await? == 1 {
                return Ok(Begun::New);
            }
            let mut held = self.connection().await?;
            let row = match held.client().query_opt(&read, &[&key]).await {
                Ok(row) => row,
                Err(e) => return Err(StoreError(held.failed(e))),
            };
            // Expired between the two statements: take it again.
            let Some(row) = row else { continue };
            let fingerprint: String = row.get(0);
            let response: Option<String> = row.get(1);
            return Ok(match response {
                None => Begun::Running { fingerprint },
                Some(json) => Begun::Done {
                    fingerprint,
                    response: serde_json::from_str(&json).map_err(|e| StoreError(e.to_string()))?,
                },
            });
        }
        Err(StoreError(format!("key `{key}` keeps changing")))
    }

    async fn complete(&self, key: &str, fingerprint: &str, response: &Stored, ttl: Duration) -> Result<(), StoreError> {
        let sql = format!(
            "INSERT INTO {t} (key, fingerprint, response, expires_at) \
             VALUES ($1, $2, $3, now() + make_interval(secs => $4)) \
             ON CONFLICT (key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, response = EXCLUDED.response, \
             expires_at = EXCLUDED.expires_at",
            t = self.table
        );
        let json = serde_json::to_string(response).map_err(|e| StoreError(e.to_string()))?;
        self.execute(&sql, &[&key, &fingerprint, &json, &ttl.as_secs_f64()]).await.map(|_| ())
    }

    async fn release(&self, key: &str) -> Result<(), StoreError> {
        let sql = format!("DELETE FROM {} WHERE key = $1 AND response IS NULL", self.table);
        self.execute(&sql, &[&key]).await.map(|_| ())
    }
}
