//! Idempotency keys in this process's memory: the default, for one instance.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::{Begun, IdempotencyStore, StoreError, Stored};

enum State {
    Running,
    Done(Stored),
}

struct Record {
    fingerprint: String,
    state: State,
    expires: Instant,
}

/// Keys and responses in a map; expired ones are swept as new keys come.
#[derive(Default)]
pub struct MemoryIdempotency {
    records: Mutex<HashMap<String, Record>>,
}

impl MemoryIdempotency {
    pub fn new() -> MemoryIdempotency {
        MemoryIdempotency::default()
    }

    fn records(&self) -> std::sync::MutexGuard<'_, HashMap<String, Record>> {
        // A panic elsewhere while holding the lock leaves the map whole.
        self.records.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl IdempotencyStore for MemoryIdempotency {
    async fn begin(&self, key: &str, fingerprint: &str, lease: Duration) -> Result<Begun, StoreError> {
        let now = Instant::now();
        let mut records = self.records();
        if let Some(record) = records.get(key).filter(|r| r.expires > now) {
            return Ok(match &record.state {
                State::Running => Begun::Running { fingerprint: record.fingerprint.clone() },
                State::Done(response) => {
                    Begun::Done { fingerprint: record.fingerprint.clone(), response: response.clone() }
                }
            });
        }
        // Sweeping when the map has doubled keeps the cost per key constant.
        if records.len() >= 1024 && records.len().is_power_of_two() {
            records.retain(|_, r| r.expires > now);
        }
        let record = Record { fingerprint: fingerprint.to_string(), state: State::Running, expires: now + lease };
        records.insert(key.to_string(), record);
        Ok(Begun::New)
    }

    async fn complete(&self, key: &str, fingerprint: &str, response: &Stored, ttl: Duration) -> Result<(), StoreError> {
        let record = Record {
            fingerprint: fingerprint.to_string(),
            state: State::Done(response.clone()),
            expires: Instant::now() + ttl,
        };
        self.records().insert(key.to_string(), record);
        Ok(())
    }

    async fn release(&self, key: &str) -> Result<(), StoreError> {
        self.records().remove(key);
        Ok(())
    }
}
