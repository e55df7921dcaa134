//! Remembering which events were handled, so a redelivered one is not
//! handled twice.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};

use super::transport::BoxFuture;

/// What a store answers when a handler is about to take an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Claim {
    /// Not seen before: it is now this handler's.
    Claimed,
    /// Handled already.
    Done,
    /// Being handled elsewhere right now.
    InProgress,
}

#[derive(Debug, thiserror::Error)]
#[error("dedupe store: {0}")]
pub struct StoreError(pub String);

/// Where handled event ids are kept, per consumer group (`scope`).
pub trait DedupeStore: Send + Sync {
    fn claim<'a>(&'a self, scope: &'a str, id: &'a str) -> BoxFuture<'a, Result<Claim, StoreError>>;
    /// The event was handled: it stays `Done`.
    fn complete<'a>(&'a self, scope: &'a str, id: &'a str) -> BoxFuture<'a, Result<(), StoreError>>;
    /// The handler gave up: the event may be claimed again.
    fn release<'a>(&'a self, scope: &'a str, id: &'a str) -> BoxFuture<'a, Result<(), StoreError>>;
}

/// Ids in this process's memory: the most recent `capacity` handled ids per scope.
pub struct MemoryDedupe {
    capacity: usize,
    scopes: Mutex<HashMap<String, Scope, foldhash::fast::RandomState>>,
}

#[derive(Default)]
struct Scope {
    /// Id to whether it was handled (`false`: being handled).
    entries: HashMap<Arc<str>, bool, foldhash::fast::RandomState>,
    /// Handled ids, oldest first, for eviction; they share the entries' text.
    done: VecDeque<Arc<str>>,
}

impl MemoryDedupe {
    pub fn new(capacity: usize) -> MemoryDedupe {
        MemoryDedupe { capacity, scopes: Mutex::default() }
    }

    fn with<T>(&self, scope: &str, f: impl FnOnce(&mut Scope) -> T) -> T {
        let mut scopes = self.scopes.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(s) = scopes.get_mut(scope) {
            return f(s);
        }
        f(scopes.entry(scope.to_string()).or_default())
    }
}

impl Default for MemoryDedupe {
    fn default() -> MemoryDedupe {
        MemoryDedupe::new(1_000_000)
    }
}

impl DedupeStore for MemoryDedupe {
    fn claim<'a>(&'a self, scope: &'a str, id: &'a str) -> BoxFuture<'a, Result<Claim, StoreError>> {
        let claim = self.with(scope, |s| match s.entries.get(id) {
            Some(true) => Claim::Done,
            Some(false) => Claim::InProgress,
            None => {
                s.entries.insert(id.into(), false);
                Claim::Claimed
            }
        });
        Box::pin(async move { Ok(claim) })
    }

    fn complete<'a>(&'a self, scope: &'a str, id: &'a str) -> BoxFuture<'a, Result<(), StoreError>> {
        self.with(scope, |s| {
            let id: Arc<str> = match s.entries.get_key_value(id) {
                Some((key, _)) => key.clone(),
                None => id.into(),
            };
            s.entries.insert(id.clone(), true);
            s.done.push_back(id);
            while s.done.len() > self.capacity {
                if let Some(old) = s.done.pop_front() {
                    s.entries.remove(&old);
                }
            }
        });
        Box::pin(async { Ok(()) })
    }

    fn release<'a>(&'a self, scope: &'a str, id: &'a str) -> BoxFuture<'a, Result<(), StoreError>> {
        self.with(scope, |s| s.entries.remove(id));
        Box::pin(async { Ok(()) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn an_id_is_claimed_once_per_scope_and_again_after_release() {
        let store = MemoryDedupe::new(2);
        assert_eq!(store.claim("g", "1").await.unwrap(), Claim::Claimed);
        assert_eq!(store.claim("g", "1").await.unwrap(), Claim::InProgress);
        assert_eq!(store.claim("other", "1").await.unwrap(), Claim::Claimed);
        store.release("g", "1").await.unwrap();
        assert_eq!(store.claim("g", "1").await.unwrap(), Claim::Claimed);
        store.complete("g", "1").await.unwrap();
        assert_eq!(store.claim("g", "1").await.unwrap(), Claim::Done);
        // The oldest handled ids make room for new ones.
        for id in ["2", "3"] {
            store.claim("g", id).await.unwrap();
            store.complete("g", id).await.unwrap();
        }
        assert_eq!(store.claim("g", "1").await.unwrap(), Claim::Claimed);
    }
}
