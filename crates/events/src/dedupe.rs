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

/// Marks a settled event `Done`. A store that fails is logged, not
/// returned: the event is settled either way, and all that is lost is that
/// a redelivery of it would be handled again.
pub(crate) async fn settle_done(store: &(impl DedupeStore + ?Sized), scope: &str, id: &str) {
    if let Err(e) = store.complete(scope, id).await {
        tracing::warn!(error = %e, scope, id, "settled, but not recorded as handled: a redelivery would be handled again");
    }
}

/// Frees the claim on an event that was not handled, for its redelivery. A
/// store that fails is logged: the claim then holds until it expires (or
/// the store forgets it), and the redelivery waits that long.
pub(crate) async fn settle_released(store: &(impl DedupeStore + ?Sized), scope: &str, id: &str) {
    if let Err(e) = store.release(scope, id).await {
        tracing::warn!(error = %e, scope, id, "not handled, and its claim not released: redeliveries wait until it expires");
    }
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

/// Shards of a store large enough to be busy; a small one is one shard,
/// so it keeps exactly what it says.
const SHARDS: usize = 16;
const SHARDED_FROM: usize = 1024;

#[derive(Clone, Copy, PartialEq)]
enum Handled {
    Yes,
    InProgress,
}

/// An event id as a store keeps it. Short ids (up to 23 bytes) and UUIDs
/// in their canonical text (what publishers here write) are kept inline,
/// in a key of fixed size that takes no allocation and hashes and compares
/// in a step or two; longer ones as text. The mapping is exact both ways,
/// so two different ids never meet.
#[derive(Clone, Copy)]
enum Id<'a> {
    Inline([u8; INLINE]),
    Text(&'a str),
}

const INLINE: usize = 24;
/// The last byte of an inline key: the text's length, or this for a UUID.
const UUID_TAG: u8 = 0xff;

impl Id<'_> {
    fn of(id: &str) -> Id<'_> {
        let mut key = [0u8; INLINE];
        if id.len() < INLINE {
            key[..id.len()].copy_from_slice(id.as_bytes());
            key[INLINE - 1] = id.len() as u8;
            return Id::Inline(key);
        }
        // Only the lowercase hyphenated form: `ABC…`, `{…}` or the simple
        // form name the same number but are other ids.
        let canonical = id.len() == 36 && !id.bytes().any(|b| b.is_ascii_uppercase());
        match canonical.then(|| uuid::Uuid::try_parse_ascii(id.as_bytes()).ok()).flatten() {
            Some(uuid) => {
                key[..16].copy_from_slice(uuid.as_bytes());
                key[INLINE - 1] = UUID_TAG;
                Id::Inline(key)
            }
            None => Id::Text(id),
        }
    }
}

/// One generation's ids.
#[derive(Default)]
struct Ids {
    inline: HashMap<[u8; INLINE], Handled, foldhash::fast::RandomState>,
    texts: HashMap<Box<str>, Handled, foldhash::fast::RandomState>,
}

impl Ids {
    fn with_capacity(n: usize) -> Ids {
        Ids { inline: HashMap::with_capacity_and_hasher(n, Default::default()), texts: HashMap::default() }
    }

    fn len(&self) -> usize {
        self.inline.len() + self.texts.len()
    }

    fn get_mut(&mut self, id: Id) -> Option<&mut Handled> {
        match id {
            Id::Inline(k) => self.inline.get_mut(&k),
            Id::Text(t) => self.texts.get_mut(t),
        }
    }

    fn get(&self, id: Id) -> Option<Handled> {
        match id {
            Id::Inline(k) => self.inline.get(&k).copied(),
            Id::Text(t) => self.texts.get(t).copied(),
        }
    }

    fn insert(&mut self, id: Id, state: Handled) {
        match id {
            Id::Inline(k) => self.inline.insert(k, state),
            Id::Text(t) => self.texts.insert(t.into(), state),
        };
    }

    fn remove(&mut self, id: Id) {
        match id {
            Id::Inline(k) => self.inline.remove(&k),
            Id::Text(t) => self.texts.remove(t),
        };
    }

    /// The ids still being handled, moved into `next` unless `current` has them.
    fn carry_in_progress(&mut self, current: &Ids, next: &mut Ids) {
        let held = |s: &Handled| *s == Handled::InProgress;
        next.inline.extend(self.inline.drain().filter(|(id, s)| held(s) && !current.inline.contains_key(id)));
        next.texts.extend(self.texts.drain().filter(|(id, s)| held(s) && !current.texts.contains_key(id)));
    }
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
    fn get(&self, id: Id) -> Option<Handled> {
        self.current.get(id).or_else(|| self.previous.get(id))
    }

    fn set(&mut self, id: Id, state: Handled, capacity: usize) {
        match self.current.get_mut(id) {
            Some(s) => *s = state,
            None => self.insert(id, state, capacity),
        }
    }

    /// `id`, known to be in neither generation.
    fn insert(&mut self, id: Id, state: Handled, capacity: usize) {
        self.current.insert(id, state);
        if self.current.len() >= capacity {
            let mut next = Ids::with_capacity(capacity);
            // A claim still held survives the generation it was made in.
            self.previous.carry_in_progress(&self.current, &mut next);
            self.previous = std::mem::replace(&mut self.current, next);
        }
    }

    fn remove(&mut self, id: Id) {
        self.current.remove(id);
        self.previous.remove(id);
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

    fn with<T>(&self, scope: &str, id: &str, f: impl FnOnce(&mut Scope, Id) -> T) -> T {
        let id = Id::of(id);
        let hash = match id {
            Id::Inline(k) => self.hasher.hash_one(k),
            Id::Text(t) => self.hasher.hash_one(t),
        };
        let shard = &self.shards[(hash % self.shards.len() as u64) as usize];
        let mut scopes = shard.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(s) = scopes.get_mut(scope) {
            return f(s, id);
        }
        f(scopes.entry(scope.to_string()).or_default(), id)
    }
}

impl Default for MemoryDedupe {
    fn default() -> MemoryDedupe {
        MemoryDedupe::new(1_000_000)
    }
}

impl DedupeStore for MemoryDedupe {
    fn claim<'a>(&'a self, scope: &'a str, id: &'a str) -> BoxFuture<'a, Result<Claim, StoreError>> {
        let claim = self.with(scope, id, |s, id| match s.get(id) {
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
        self.with(scope, id, |s, id| s.set(id, Handled::Yes, self.capacity));
        done()
    }

    fn release<'a>(&'a self, scope: &'a str, id: &'a str) -> BoxFuture<'a, Result<(), StoreError>> {
        self.with(scope, id, |s, id| s.remove(id));
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
    async fn uuid_ids_are_told_apart_from_other_spellings_of_the_same_number() {
        let store = &MemoryDedupe::new(10);
        let canonical = "67e55044-10b1-426f-9247-bb680e5fe0c8";
        let others = [
            "67E55044-10B1-426F-9247-BB680E5FE0C8",
            "67e5504410b1426f9247bb680e5fe0c8",
            "{67e55044-10b1-426f-9247-bb680e5fe0c8}",
        ];
        for id in std::iter::once(canonical).chain(others) {
            assert_eq!(store.claim("g", id).await.unwrap(), Claim::Claimed, "{id}");
        }
        store.complete("g", canonical).await.unwrap();
        assert_eq!(store.claim("g", canonical).await.unwrap(), Claim::Done);
        store.release("g", "67e5504410b1426f9247bb680e5fe0c8").await.unwrap();
        assert_eq!(store.claim("g", canonical).await.unwrap(), Claim::Done, "releasing another id leaves it");
        // Short ids of every length up to the inline size and past it, and one with a NUL.
        let ids: Vec<String> = (0..30).map(|n| "x".repeat(n)).chain(["a\0".into(), "a".into(), "a".into()]).collect();
        for (i, id) in ids.iter().enumerate() {
            let expected = if i == ids.len() - 1 { Claim::InProgress } else { Claim::Claimed };
            assert_eq!(store.claim("h", id).await.unwrap(), expected, "{id:?}");
        }
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
