//! Idempotency keys in Redis, shared by every instance of a service.

use std::time::Duration;

use redis::aio::ConnectionManager;
use serde::{Deserialize, Serialize};

use super::{Begun, IdempotencyStore, StoreError, Stored};

/// One key per idempotency key, holding the request's fingerprint and,
/// once answered, the response; it expires with the lease or the ttl.
#[derive(Clone)]
pub struct RedisIdempotency {
    connection: ConnectionManager,
    prefix: String,
}

#[derive(Serialize, Deserialize)]
struct Record {
    fingerprint: String,
    response: Option<Stored>,
}

fn store_error(e: impl std::fmt::Display) -> StoreError {
    StoreError(e.to_string())
}

impl RedisIdempotency {
    /// Connects to `url` (such as `redis://127.0.0.1:6379`); keys start with `prefix`.
    pub async fn connect(url: &str, prefix: impl Into<String>) -> Result<RedisIdempotency, StoreError> {
        let client = redis::Client::open(url).map_err(|e| StoreError(format!("{url}: {e}")))?;
        let connection = specwright_core::connection::redis::manager(&client)
            .await
            .map_err(|e| StoreError(format!("{url}: {e}")))?;
        Ok(RedisIdempotency { connection, prefix: prefix.into() })
    }

    fn key(&self, key: &str) -> String {
        format!("{}:{key}", self.prefix)
    }
}

impl IdempotencyStore for RedisIdempotency {
    async fn begin(&self, key: &str, fingerprint: &str, lease: Duration) -> Result<Begun, StoreError> {
        let key = self.key(key);
        let mut connection = self.connection.clone();
        let running = serde_json::to_string(&Record { fingerprint: fingerprint.to_string(), response: None })
            .map_err(store_error)?;
        // The record can expire between the two commands: then begin again.
        for _ in 0..3 {
            let set: Option<String> = redis::cmd("SET")
                .arg(&key)
                .arg(&running)
                .arg("NX")
                .arg("PX")
                .arg(lease.as_millis() as u64)
                .query_async(&mut connection)
                .await
                .map_err(store_error)?;
            if set.is_some() {
                return Ok(Begun::New);
            }
            let found: Option<String> =
                redis::cmd("GET").arg(&key).query_async(&mut connection).await.map_err(store_error)?;
            let Some(found) = found else { continue };
            let record: Record = serde_json::from_str(&found).map_err(store_error)?;
            return Ok(match record.response {
                None => Begun::Running { fingerprint: record.fingerprint },
                Some(response) => Begun::Done { fingerprint: record.fingerprint, response },
            });
        }
        Err(StoreError(format!("`{key}` keeps changing")))
    }

    async fn complete(&self, key: &str, fingerprint: &str, response: &Stored, ttl: Duration) -> Result<(), StoreError> {
        let record = Record { fingerprint: fingerprint.to_string(), response: Some(response.clone()) };
        let mut connection = self.connection.clone();
        redis::cmd("SET")
            .arg(self.key(key))
            .arg(serde_json::to_string(&record).map_err(store_error)?)
            .arg("PX")
            .arg(ttl.as_millis() as u64)
            .query_async::<()>(&mut connection)
            .await
            .map_err(store_error)
    }

    async fn release(&self, key: &str) -> Result<(), StoreError> {
        let mut connection = self.connection.clone();
        redis::cmd("DEL").arg(self.key(key)).query_async::<()>(&mut connection).await.map_err(store_error)
    }
}
