//! A message as transports carry it: headers and payload bytes, with
//! CloudEvents attributes as the headers' vocabulary.

use std::borrow::Cow;
use std::hash::BuildHasher;
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

/// Message headers: names to values, in the order they were first set.
/// Cloning is cheap (the list is shared until one of the clones changes
/// it), as messages are cloned on their way through groups, retries and
/// handlers. Names and values that are `&'static str` are kept without a copy.
///
/// A message has about ten headers, read several times each on its way: a
/// list in one allocation, searched by length before text, finds one
/// faster than a tree or a sorted list would (their comparisons each call
/// into `memcmp`), and builds faster.
#[derive(Clone, Debug, Default)]
pub struct Headers(Arc<Vec<(Cow<'static, str>, Cow<'static, str>)>>);

impl PartialEq for Headers {
    fn eq(&self, other: &Headers) -> bool {
        self.len() == other.len() && self.iter().all(|(k, v)| other.get(k) == Some(v))
    }
}

impl Eq for Headers {}

impl Headers {
    pub fn new() -> Headers {
        Headers::default()
    }

    /// Room for `n` headers before the list grows.
    pub fn with_capacity(n: usize) -> Headers {
        Headers(Arc::new(Vec::with_capacity(n)))
    }

    fn find(&self, name: &str) -> Option<usize> {
        self.0.iter().position(|(k, _)| k.len() == name.len() && k == name)
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.find(name).map(|i| self.0[i].1.as_ref())
    }

    pub fn insert(
        &mut self,
        name: impl Into<Cow<'static, str>>,
        value: impl Into<Cow<'static, str>>,
    ) -> Option<Cow<'static, str>> {
        let (name, value) = (name.into(), value.into());
        match self.find(&name) {
            Some(i) => Some(std::mem::replace(&mut Arc::make_mut(&mut self.0)[i].1, value)),
            None => {
                Arc::make_mut(&mut self.0).push((name, value));
                None
            }
        }
    }

    pub fn remove(&mut self, name: &str) -> Option<Cow<'static, str>> {
        let i = self.find(name)?;
        Some(Arc::make_mut(&mut self.0).remove(i).1)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_ref(), v.as_ref()))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<K: Into<Cow<'static, str>>, V: Into<Cow<'static, str>>> FromIterator<(K, V)> for Headers {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Headers {
        let mut headers = Headers::new();
        for (k, v) in iter {
            headers.insert(k, v);
        }
        headers
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

    pub fn with_header(mut self, name: impl Into<Cow<'static, str>>, value: impl Into<Cow<'static, str>>) -> Message {
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
            // A fixed seed: a key's place must not change while the process runs.
            Some(key) => (foldhash::fast::FixedState::with_seed(0).hash_one(key) % n as u64) as usize,
            None => {
                *round_robin = round_robin.wrapping_add(1);
                *round_robin % n
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Headers;

    #[test]
    fn headers_replace_remove_and_compare_as_a_map() {
        let mut a = Headers::with_capacity(2);
        assert_eq!(a.insert("id", "1"), None);
        assert_eq!(a.insert("type", String::from("OrderCreated")), None);
        assert_eq!(a.insert("id", "2").as_deref(), Some("1"));
        assert_eq!((a.get("id"), a.get("type"), a.get("i"), a.len()), (Some("2"), Some("OrderCreated"), None, 2));
        let b: Headers = [("type", "OrderCreated"), ("id", "2")].into_iter().collect();
        assert_eq!(a, b, "order of setting does not matter");
        let shared = a.clone();
        assert_eq!(a.remove("id").as_deref(), Some("2"));
        assert_eq!((a.get("id"), shared.get("id")), (None, Some("2")), "a clone keeps its own headers");
        assert_ne!(a, shared);
    }
}
