//! A message as transports carry it: headers and payload bytes, with
//! CloudEvents attributes as the headers' vocabulary.

use std::borrow::Cow;
use std::collections::hash_map::DefaultHasher;
use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use bytes::Bytes;

/// Header names: the CloudEvents attributes, their partitioning extension,
/// and the ids that tie events together.
pub mod attr {
    pub const ID: &str = "id";
    pub const SOURCE: &str = "source";
    pub const TYPE: &str = "type";
    pub const SPECVERSION: &str = "specversion";
    pub const TIME: &str = "time";
    pub const DATACONTENTTYPE: &str = "datacontenttype";
    pub const SUBJECT: &str = "subject";
    /// CloudEvents' partitioning extension: events with one key keep their order.
    pub const PARTITIONKEY: &str = "partitionkey";
    /// The id shared by every event of one conversation.
    pub const CORRELATIONID: &str = "correlationid";
    /// The id of the event that caused this one.
    pub const CAUSATIONID: &str = "causationid";
    /// W3C trace context.
    pub const TRACEPARENT: &str = "traceparent";
    /// Set on a dead-lettered message: why, after how many attempts, from where.
    pub const DEADLETTER_REASON: &str = "deadletter-reason";
    pub const DEADLETTER_ATTEMPTS: &str = "deadletter-attempts";
    pub const DEADLETTER_CHANNEL: &str = "deadletter-channel";
    pub const DEADLETTER_GROUP: &str = "deadletter-group";
}

/// Message headers: names to values, in name order. Cloning is cheap (the
/// map is shared until one of the clones changes it), as messages are
/// cloned on their way through groups, retries and handlers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Headers(Arc<BTreeMap<Cow<'static, str>, String>>);

impl Headers {
    pub fn new() -> Headers {
        Headers::default()
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(String::as_str)
    }

    pub fn insert(&mut self, name: impl Into<Cow<'static, str>>, value: impl Into<String>) -> Option<String> {
        Arc::make_mut(&mut self.0).insert(name.into(), value.into())
    }

    pub fn remove(&mut self, name: &str) -> Option<String> {
        Arc::make_mut(&mut self.0).remove(name)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_ref(), v.as_str()))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<K: Into<Cow<'static, str>>, V: Into<String>> FromIterator<(K, V)> for Headers {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Headers {
        Headers(Arc::new(iter.into_iter().map(|(k, v)| (k.into(), v.into())).collect()))
    }
}

/// Payload bytes and headers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Message {
    pub headers: Headers,
    pub payload: Bytes,
}

impl Message {
    pub fn new(payload: impl Into<Bytes>) -> Message {
        Message { headers: Headers::new(), payload: payload.into() }
    }

    pub fn with_header(mut self, name: impl Into<Cow<'static, str>>, value: impl Into<String>) -> Message {
        self.headers.insert(name, value);
        self
    }

    /// The CloudEvents `id`, which dedupe goes by.
    pub fn id(&self) -> Option<&str> {
        self.headers.get(attr::ID)
    }

    /// The CloudEvents `type`.
    pub fn event_type(&self) -> Option<&str> {
        self.headers.get(attr::TYPE)
    }

    /// The key that orders this message among others (`partitionkey`).
    pub fn key(&self) -> Option<&str> {
        self.headers.get(attr::PARTITIONKEY)
    }

    /// Which of `n` places it goes to: always the same one for a key, so its
    /// order holds; the next one in turn (`round_robin`) without a key.
    pub(crate) fn place(&self, n: usize, round_robin: &mut usize) -> usize {
        match self.key() {
            Some(key) => {
                let mut h = DefaultHasher::new();
                key.hash(&mut h);
                (h.finish() % n as u64) as usize
            }
            None => {
                *round_robin = round_robin.wrapping_add(1);
                *round_robin % n
            }
        }
    }
}
