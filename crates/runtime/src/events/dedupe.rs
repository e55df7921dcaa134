//! Remembering which events were handled, so a redelivered one is not
//! handled twice.

use std::collections::HashMap;
use std::hash::BuildHasher;
use std::sync::Mutex;

use super::transport::{done, BoxFuture};

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

/// Ids in this process's memory. Per scope it remembers at least the
/// `capacity` ids it was most recently told of (claimed or handled), and at
/// most twice that many.
pub struct MemoryDedupe {
    /// Per shard.
    capacity: usize,
    /// Split by id, so handlers on several cores seldom wait for one lock.
    shards: Box<[Mutex<Shard>]>,
    hasher: foldhash::fast::RandomState,
}

type Shard = HashMap<String, Scope, foldhash::fast::RandomState>;
type Ids = HashMap<Box<str>, Handled, foldhash::fast::RandomState>;

/// Shards of a store large enough to be busy; a small one is one shard,
/// so it keeps exactly what it says.
const SHARDS: usize = 16;
const SHARDED_FROM: usize = 1024;

#[derive(Clone, Copy, PartialEq)]
enum Handled {
    Yes,
    InProgress,
}

/// Two generations of ids: new ones go to `current`; when it is full it
/// becomes `previous`, and the old `previous` is dropped whole. Forgetting
/// a generation at once, rather than the oldest id at each insert, spares
/// a lookup of a cold entry per event.
#[derive(Default)]
struct Scope {
    current: Ids,
    previous: Ids,
}

impl Scope {
    fn get(&self, id: &str) -> Option<Handled> {
        self.current.get(id).or_else(|| self.previous.get(id)).copied()
    }

    fn set(&mut self, id: &str, state: Handled, capacity: usize) {
        match self.current.get_mut(id) {
            Some(s) => *s = state,
            None => self.insert(id, state, capacity),
        }
    }

    /// `id`, known to be in neither generation.
    fn insert(&mut self, id: &str, state: Handled, capacity: usize) {
        self.current.insert(id.into(), state);
        if self.current.len() >= capacity {
            let mut next = Ids::with_capacity_and_hasher(capacity, Default::default());
            // A claim still held survives the generation it was made in.
            next.extend(
                self.previous.drain().filter(|(id, s)| *s == Handled::InProgress && !self.current.contains_key(id)),
            );
            self.previous = std::mem::replace(&mut self.current, next);
        }
    }
}

impl MemoryDedupe {
    pub fn new(capacity: usize) -> MemoryDedupe {
        let shards = if capacity < SHARDED_FROM { 1 } else { SHARDS };
        MemoryDedupe {
            capacity: capacity.div_ceil(shards).max(1),
            shards: (0..shards).map(|_| Mutex::default()).collect(),
            hasher: foldhash::fast::RandomState::default(),
        }
    }

    fn with<T>(&self, scope: &str, id: &str, f: impl FnOnce(&mut Scope) -> T) -> T {
        let shard = &self.shards[(self.hasher.hash_one(id) % self.shards.len() as u64) as usize];
        let mut scopes = shard.lock().unwrap_or_else(|e| e.into_inner());
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
        let claim = self.with(scope, id, |s| match s.get(id) {
            Some(Handled::Yes) => Claim::Done,
            Some(Handled::InProgress) => Claim::InProgress,
            None => {
                s.insert(id, Handled::InProgress, self.capacity);
                Claim::Claimed
            }
        });
        answer(claim)
    }

    fn complete<'a>(&'a self, scope: &'a str, id: &'a str) -> BoxFuture<'a, Result<(), StoreError>> {
        self.with(scope, id, |s| s.set(id, Handled::Yes, self.capacity));
        done()
    }

    fn release<'a>(&'a self, scope: &'a str, id: &'a str) -> BoxFuture<'a, Result<(), StoreError>> {
        self.with(scope, id, |s| {
            s.current.remove(id);
            s.previous.remove(id);
        });
        done()
    }
}

/// `claim`, boxed without an allocation: one sizeless future per answer.
fn answer(claim: Claim) -> BoxFuture<'static, Result<Claim, StoreError>> {
    struct Answer<const C: u8>;
    impl<const C: u8> std::future::Future for Answer<C> {
        type Output = Result<Claim, StoreError>;
        fn poll(self: std::pin::Pin<&mut Self>, _: &mut std::task::Context<'_>) -> std::task::Poll<Self::Output> {
            std::task::Poll::Ready(Ok(match C {
                0 => Claim::Claimed,
                1 => Claim::Done,
                _ => Claim::InProgress,
            }))
        }
    }
    match claim {
        Claim::Claimed => Box::pin(Answer::<0>),
        Claim::Done => Box::pin(Answer::<1>),
        Claim::InProgress => Box::pin(Answer::<2>),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn an_id_is_claimed_once_per_scope_and_again_after_release() {
        let store = &MemoryDedupe::new(2);
        assert_eq!(store.claim("g", "1").await.unwrap(), Claim::Claimed);
        assert_eq!(store.claim("g", "1").await.unwrap(), Claim::InProgress);
        assert_eq!(store.claim("other", "1").await.unwrap(), Claim::Claimed);
        store.release("g", "1").await.unwrap();
        assert_eq!(store.claim("g", "1").await.unwrap(), Claim::Claimed);
        store.complete("g", "1").await.unwrap();
        assert_eq!(store.claim("g", "1").await.unwrap(), Claim::Done);
        // At least the last two ids seen are remembered; older ones make room.
        let handle = |id| async move {
            store.claim("g", id).await.unwrap();
            store.complete("g", id).await.unwrap();
        };
        handle("2").await;
        assert_eq!(store.claim("g", "1").await.unwrap(), Claim::Done);
        handle("3").await;
        handle("4").await;
        assert_eq!(store.claim("g", "4").await.unwrap(), Claim::Done);
        assert_eq!(store.claim("g", "1").await.unwrap(), Claim::Claimed);
    }

    #[tokio::test]
    async fn a_claim_still_held_outlives_its_generation() {
        let store = &MemoryDedupe::new(2);
        assert_eq!(store.claim("g", "slow").await.unwrap(), Claim::Claimed);
        for id in ["a", "b", "c", "d", "e", "f"] {
            store.claim("g", id).await.unwrap();
            store.complete("g", id).await.unwrap();
        }
        assert_eq!(store.claim("g", "slow").await.unwrap(), Claim::InProgress);
        store.complete("g", "slow").await.unwrap();
        assert_eq!(store.claim("g", "slow").await.unwrap(), Claim::Done);
    }
}
