//! Handled event ids in Redis, shared by every instance of a service.

use std::time::Duration;

use redis::aio::ConnectionManager;

use super::dedupe::{Claim, DedupeStore, StoreError};
use super::transport::BoxFuture;

/// One key per scope and id: `0` while being handled, `1` once handled.
/// Both expire: a claim whose handler died is free again after
/// `claim_ttl`, and handled ids are forgotten after `done_ttl`.
#[derive(Clone)]
pub struct RedisDedupe {
    connection: ConnectionManager,
    prefix: String,
    claim_ttl: Duration,
    done_ttl: Duration,
}

impl RedisDedupe {
    /// Connects to `url` (such as `redis://127.0.0.1:6379`); keys start with `prefix`.
    /// The connection comes back by itself after Redis restarts.
    pub async fn connect(url: &str, prefix: impl Into<String>) -> Result<RedisDedupe, StoreError> {
        let client = redis::Client::open(url).map_err(|e| StoreError(format!("{url}: {e}")))?;
        let connection = specwright_core::connection::redis::manager(&client)
            .await
            .map_err(|e| StoreError(format!("{url}: {e}")))?;
        Ok(RedisDedupe {
            connection,
            prefix: prefix.into(),
            claim_ttl: Duration::from_secs(60),
            done_ttl: Duration::from_secs(7 * 24 * 3600),
        })
    }

    /// How long a claim holds (longer than a handler's retries take).
    pub fn claim_ttl(mut self, ttl: Duration) -> Self {
        self.claim_ttl = ttl;
        self
    }

    /// How long a handled id is remembered (longer than the broker may redeliver).
    pub fn done_ttl(mut self, ttl: Duration) -> Self {
        self.done_ttl = ttl;
        self
    }

    fn key(&self, scope: &str, id: &str) -> String {
        format!("{}:{}:{}", self.prefix, scope, id)
    }
}

fn store_error(e: redis::RedisError) -> StoreError {
    StoreError(e.to_string())
}

impl DedupeStore for RedisDedupe {
    fn claim<'a>(&'a self, scope: &'a str, id: &'a str) -> BoxFuture<'a, Result<Claim, StoreError>> {
        Box::pin(async move {
            let key = self.key(scope, id);
            let mut connection = self.connection.clone();
            // The key can expire between the two commands: then claim again.
            for _ in 0..3 {
                let set: Option<String> = redis::cmd("SET")
                    .arg(&key)
                    .arg("0")
                    .arg("NX")
                    .arg("PX")
                    .arg(self.claim_ttl.as_millis() as u64)
                    .query_async(&mut connection)
                    .await
                    .map_err(store_error)?;
                if set.is_some() {
                    return Ok(Claim::Claimed);
                }
                let state: Option<String> =
                    redis::cmd("GET").arg(&key).query_async(&mut connection).await.map_err(store_error)?;
                match state.as_deref() {
                    Some("1") => return Ok(Claim::Done),
                    Some(_) => return Ok(Claim::InProgress),
                    None => continue,
                }
            }
            Ok(Claim::InProgress)
        })
    }

    fn complete<'a>(&'a self, scope: &'a str, id: &'a str) -> BoxFuture<'a, Result<(), StoreError>> {
        Box::pin(async move {
            let mut connection = self.connection.clone();
            redis::cmd("SET")
                .arg(self.key(scope, id))
                .arg("1")
                .arg("PX")
                .arg(self.done_ttl.as_millis() as u64)
                .query_async::<()>(&mut connection)
                .await
                .map_err(store_error)
        })
    }

    fn release<'a>(&'a self, scope: &'a str, id: &'a str) -> BoxFuture<'a, Result<(), StoreError>> {
        Box::pin(async move {
            let mut connection = self.connection.clone();
            redis::cmd("DEL").arg(self.key(scope, id)).query_async::<()>(&mut connection).await.map_err(store_error)
        })
    }
}
