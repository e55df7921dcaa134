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
    /// The version of the event's schema (`Event::VERSION`), an extension attribute.
    pub const EVENTVERSION: &str = "eventversion";
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
/// Cloning is cheap (the headers are shared until one of the clones
/// changes them), as messages are cloned on their way through groups,
/// retries and handlers.
///
/// A message has about ten headers, read several times each on its way.
/// Names and values that are `&'static str` are kept without a copy; the
/// others are copied into one text buffer per message, so building a
/// message's headers takes two allocations however many it has. The list
/// is searched by length before text, which finds a header faster than a
/// tree or a sorted list would (their comparisons each call into `memcmp`).
#[derive(Clone, Debug, Default)]
pub struct Headers(Arc<List>);

#[derive(Clone, Debug, Default)]
struct List {
    entries: Vec<(Text, Text)>,
    /// The text of every name and value not kept as a `&'static str`. A
    /// replaced value's old text stays until the message is dropped.
    buffer: String,
    /// Headers from the wire went past [`MAX_WIRE_HEADERS`] or
    /// [`MAX_WIRE_HEADER_BYTES`]; the rest were not kept.
    overflowed: bool,
}

/// How many headers a message read from a broker may carry.
pub const MAX_WIRE_HEADERS: usize = 128;
/// How many bytes of header names and values a message read from a broker may carry.
pub const MAX_WIRE_HEADER_BYTES: usize = 64 * 1024;

/// A name or value: static text, or a range of the buffer.
#[derive(Clone, Copy, Debug)]
enum Text {
    Static(&'static str),
    Buffer(u32, u32),
}

impl List {
    fn text(&self, t: Text) -> &str {
        match t {
            Text::Static(s) => s,
            Text::Buffer(start, end) => &self.buffer[start as usize..end as usize],
        }
    }

    fn store(&mut self, text: &str) -> Text {
        let start = self.buffer.len();
        self.buffer.push_str(text);
        Text::Buffer(start as u32, self.buffer.len() as u32)
    }

    fn keep(&mut self, text: Cow<'static, str>) -> Text {
        match text {
            Cow::Borrowed(s) => Text::Static(s),
            Cow::Owned(s) => self.store(&s),
        }
    }
}

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
        let n = n.min(MAX_WIRE_HEADERS);
        Headers(Arc::new(List {
            entries: Vec::with_capacity(n),
            buffer: String::with_capacity(n * 24),
            overflowed: false,
        }))
    }

    fn find(&self, name: &str) -> Option<usize> {
        let list = &*self.0;
        list.entries.iter().position(|(k, _)| {
            let k = list.text(*k);
            k.len() == name.len() && k == name
        })
    }

    /// Whether headers read from the wire went past the limits (see
    /// [`insert_copied`](Headers::insert_copied)).
    pub fn overflowed(&self) -> bool {
        self.0.overflowed
    }

    /// Only the CloudEvents attributes and the ids that tie events
    /// together: what a dead letter of an overflowing message keeps, so that
    /// it does not overflow its own readers.
    pub(crate) fn attributes_only(&self) -> Headers {
        let names = [
            attr::ID,
            attr::SOURCE,
            attr::TYPE,
            attr::SPECVERSION,
            attr::TIME,
            attr::DATACONTENTTYPE,
            attr::SUBJECT,
            attr::PARTITIONKEY,
            attr::EVENTVERSION,
            attr::CORRELATIONID,
            attr::CAUSATIONID,
            attr::TRACEPARENT,
        ];
        let mut kept = Headers::with_capacity(names.len() + 4);
        for name in names {
            if let Some(value) = self.get(name) {
                kept.insert_copied(name, value);
            }
        }
        kept
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.find(name).map(|i| self.0.text(self.0.entries[i].1))
    }

    /// Sets `name` to `value`; returns the value it replaces.
    pub fn insert(
        &mut self,
        name: impl Into<Cow<'static, str>>,
        value: impl Into<Cow<'static, str>>,
    ) -> Option<Cow<'static, str>> {
        let (name, value) = (name.into(), value.into());
        let found = self.find(&name);
        let list = Arc::make_mut(&mut self.0);
        let value = list.keep(value);
        match found {
            Some(i) => {
                let old = std::mem::replace(&mut list.entries[i].1, value);
                Some(match old {
                    Text::Static(s) => Cow::Borrowed(s),
                    buffered => Cow::Owned(list.text(buffered).to_owned()),
                })
            }
            None => {
                let name = list.keep(name);
                list.entries.push((name, value));
                None
            }
        }
    }

    /// Sets `name` to `value`, both copied into the message's own buffer:
    /// what a transport reading a broker's headers calls, without an
    /// allocation per header. Past `MAX_WIRE_HEADERS` headers or
    /// `MAX_WIRE_HEADER_BYTES` bytes nothing more is kept and the headers
    /// are marked [`overflowed`](Headers::overflowed): a crafted message
    /// cannot make its reader copy and search without end, and is
    /// dead-lettered rather than handled with headers missing.
    pub fn insert_copied(&mut self, name: &str, value: &str) {
        let list = &*self.0;
        let full = list.entries.len() >= MAX_WIRE_HEADERS
            || list.buffer.len() + name.len() + value.len() > MAX_WIRE_HEADER_BYTES;
        if full || list.overflowed {
            Arc::make_mut(&mut self.0).overflowed = true;
            return;
        }
        let found = self.find(name);
        let list = Arc::make_mut(&mut self.0);
        let value = list.store(value);
        match found {
            Some(i) => list.entries[i].1 = value,
            None => {
                let name = list.store(name);
                list.entries.push((name, value));
            }
        }
    }

    /// Sets the header `name`, not yet set, to what `write` appends to the
    /// buffer: a value made in place, with no allocation of its own.
    pub(crate) fn insert_written(&mut self, name: &'static str, write: impl FnOnce(&mut String)) {
        debug_assert!(self.find(name).is_none(), "{name} is set once");
        let list = Arc::make_mut(&mut self.0);
        let start = list.buffer.len();
        write(&mut list.buffer);
        list.entries.push((Text::Static(name), Text::Buffer(start as u32, list.buffer.len() as u32)));
    }

    /// Sets the header `name`, not yet set, to the value of `like`, sharing its text.
    pub(crate) fn insert_same(&mut self, name: &'static str, like: &str) {
        debug_assert!(self.find(name).is_none(), "{name} is set once");
        if let Some(i) = self.find(like) {
            let list = Arc::make_mut(&mut self.0);
            let value = list.entries[i].1;
            list.entries.push((Text::Static(name), value));
        }
    }

    pub fn remove(&mut self, name: &str) -> Option<Cow<'static, str>> {
        let i = self.find(name)?;
        let list = Arc::make_mut(&mut self.0);
        Some(match list.entries.remove(i).1 {
            Text::Static(s) => Cow::Borrowed(s),
            buffered => Cow::Owned(list.text(buffered).to_owned()),
        })
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        let list = &*self.0;
        list.entries.iter().map(move |(k, v)| (list.text(*k), list.text(*v)))
    }

    pub fn len(&self) -> usize {
        self.0.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.entries.is_empty()
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
    use super::{Headers, MAX_WIRE_HEADERS, MAX_WIRE_HEADER_BYTES};

    /// A message with a million headers from the wire keeps the first
    /// ones and is marked, in time linear in what it keeps.
    #[test]
    fn headers_from_the_wire_are_bounded_in_count_and_size() {
        let mut h = Headers::with_capacity(1_000_000);
        for i in 0..1_000_000 {
            h.insert_copied(&format!("x-{i}"), "v");
        }
        assert_eq!(h.len(), MAX_WIRE_HEADERS);
        assert!(h.overflowed());
        let mut big = Headers::new();
        big.insert_copied("a", &"x".repeat(MAX_WIRE_HEADER_BYTES - 1));
        assert!(!big.overflowed());
        big.insert_copied("b", "yy");
        assert!(big.overflowed() && big.get("b").is_none());
        let mut fine = Headers::new();
        fine.insert_copied("a", "1");
        assert!(!fine.overflowed());
    }

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

    #[test]
    fn copied_written_and_shared_values_read_back() {
        let mut h = Headers::with_capacity(1);
        h.insert_copied("x-tenant", "acme");
        h.insert_written("id", |b| b.push_str("e-1"));
        h.insert_same("correlationid", "id");
        h.insert("type", "OrderCreated");
        let pairs: Vec<_> = h.iter().collect();
        assert_eq!(pairs, [("x-tenant", "acme"), ("id", "e-1"), ("correlationid", "e-1"), ("type", "OrderCreated")]);
        // Replacing one of two values that shared text leaves the other.
        assert_eq!(h.insert("id", String::from("e-2")).as_deref(), Some("e-1"));
        h.insert_copied("x-tenant", "umbrella");
        assert_eq!(
            (h.get("id"), h.get("correlationid"), h.get("x-tenant")),
            (Some("e-2"), Some("e-1"), Some("umbrella"))
        );
        assert_eq!(h.remove("correlationid").as_deref(), Some("e-1"));
        assert_eq!(h.len(), 3);
    }
}
