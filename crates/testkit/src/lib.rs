//! Test support for the Specwright runtime's transports: the checks every
//! transport passes, and the brokers a test starts for itself. It spawns
//! and stops processes, so it belongs in `[dev-dependencies]`, never in a
//! library users ship (`specwright-runtime`'s `conformance` feature
//! re-exports it as `events::conformance`).
//!
//! Each transport's own tests run the checks:
//! `specwright_runtime::conformance_tests!(make_transport())` writes one
//! test per check. Channels and groups get unique names, so runs against a
//! shared broker never collide.

#![cfg_attr(docsrs, feature(doc_cfg))]

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt;

use specwright_events::{Message, Subscription, Transport};

#[cfg(any(feature = "nats", feature = "redis-streams", feature = "amqp", feature = "kafka", feature = "mqtt"))]
mod brokers;
#[cfg(feature = "websocket")]
mod websocket;

/// How long a check waits for something that should come.
const PATIENCE: Duration = Duration::from_secs(30);
/// How long a check waits to be sure that something does not come.
const QUIET: Duration = Duration::from_millis(500);

fn unique(what: &str) -> String {
    format!("conformance.{what}.{}", uuid::Uuid::new_v4().simple())
}

async fn next(subscription: &mut Subscription) -> specwright_events::Delivery {
    match tokio::time::timeout(PATIENCE, subscription.next()).await {
        Ok(Some(Ok(delivery))) => delivery,
        Ok(Some(Err(e))) => panic!("the subscription failed: {e}"),
        Ok(None) => panic!("the subscription ended"),
        Err(_) => panic!("nothing was delivered within {PATIENCE:?}"),
    }
}

async fn nothing_more(subscription: &mut Subscription) {
    if let Ok(Some(Ok(d))) = tokio::time::timeout(QUIET, subscription.next()).await {
        panic!("unexpected delivery: {:?}", d.message);
    }
}

fn numbered(i: usize) -> Message {
    Message::new(i.to_string())
}

fn number(message: &Message) -> usize {
    std::str::from_utf8(&message.payload).ok().and_then(|s| s.parse().ok()).expect("a numbered message")
}

/// What is published is delivered once, and acked it does not come back.
pub async fn publish_and_consume(transport: Arc<dyn Transport>) {
    let channel = unique("basic");
    let mut sub = transport.subscribe(&channel, "g").await.expect("subscribe");
    for i in 0..10 {
        transport.publish(&channel, numbered(i)).await.expect("publish");
    }
    let mut seen = Vec::new();
    for _ in 0..10 {
        let d = next(&mut sub).await;
        assert_eq!(d.attempt, 1);
        seen.push(number(&d.message));
        d.ack().await.expect("ack");
    }
    seen.sort();
    assert_eq!(seen, (0..10).collect::<Vec<_>>());
    nothing_more(&mut sub).await;
}

/// A nacked delivery comes back, counted as another attempt.
pub async fn nack_redelivers(transport: Arc<dyn Transport>) {
    let channel = unique("nack");
    let mut sub = transport.subscribe(&channel, "g").await.expect("subscribe");
    transport.publish(&channel, numbered(7)).await.expect("publish");
    let first = next(&mut sub).await;
    first.nack(Duration::from_millis(50)).await.expect("nack");
    let again = next(&mut sub).await;
    assert_eq!((number(&again.message), again.attempt), (7, 2));
    again.ack().await.expect("ack");
    nothing_more(&mut sub).await;
}

/// A delivery dropped without being settled comes back.
pub async fn unsettled_delivery_comes_back(transport: Arc<dyn Transport>) {
    let channel = unique("drop");
    let mut sub = transport.subscribe(&channel, "g").await.expect("subscribe");
    transport.publish(&channel, numbered(3)).await.expect("publish");
    drop(next(&mut sub).await);
    let again = next(&mut sub).await;
    assert_eq!(number(&again.message), 3);
    assert!(again.attempt >= 2, "a redelivery counts as another attempt");
    again.ack().await.expect("ack");
}

/// A rejected delivery does not come back.
pub async fn reject_drops(transport: Arc<dyn Transport>) {
    let channel = unique("reject");
    let mut sub = transport.subscribe(&channel, "g").await.expect("subscribe");
    transport.publish(&channel, numbered(1)).await.expect("publish");
    next(&mut sub).await.reject().await.expect("reject");
    nothing_more(&mut sub).await;
}

/// Members of one group share the messages: each goes to exactly one.
pub async fn group_members_share(transport: Arc<dyn Transport>) {
    let channel = unique("share");
    let mut a = transport.subscribe(&channel, "g").await.expect("subscribe");
    let mut b = transport.subscribe(&channel, "g").await.expect("subscribe");
    let total = 100;
    for i in 0..total {
        transport.publish(&channel, numbered(i).with_header("partitionkey", format!("k{i}"))).await.expect("publish");
    }
    let mut seen = HashSet::new();
    let (mut from_a, mut from_b) = (0, 0);
    while seen.len() < total {
        let d = tokio::select! {
            d = next(&mut a) => { from_a += 1; d }
            d = next(&mut b) => { from_b += 1; d }
        };
        assert!(seen.insert(number(&d.message)), "delivered twice: {}", number(&d.message));
        d.ack().await.expect("ack");
    }
    assert!(from_a > 0 && from_b > 0, "one member got everything ({from_a} and {from_b})");
    nothing_more(&mut a).await;
    nothing_more(&mut b).await;
}

/// Every group gets every message.
pub async fn groups_fan_out(transport: Arc<dyn Transport>) {
    let channel = unique("fanout");
    let mut subs = Vec::new();
    for group in ["inventory", "invoicing", "shipping"] {
        subs.push(transport.subscribe(&channel, group).await.expect("subscribe"));
    }
    for i in 0..20 {
        transport.publish(&channel, numbered(i)).await.expect("publish");
    }
    for sub in &mut subs {
        let mut seen = Vec::new();
        for _ in 0..20 {
            let d = next(sub).await;
            seen.push(number(&d.message));
            d.ack().await.expect("ack");
        }
        seen.sort();
        assert_eq!(seen, (0..20).collect::<Vec<_>>());
    }
}

/// Messages with one key arrive in the order they were published, also
/// when a group has several members. Only for transports that promise it.
pub async fn ordering_per_key(transport: Arc<dyn Transport>) {
    if !transport.capabilities().ordering_per_key {
        return;
    }
    let channel = unique("order");
    let mut a = transport.subscribe(&channel, "g").await.expect("subscribe");
    let mut b = transport.subscribe(&channel, "g").await.expect("subscribe");
    let (keys, per_key) = (5, 40);
    for i in 0..keys * per_key {
        let message = numbered(i).with_header("partitionkey", format!("key-{}", i % keys));
        transport.publish(&channel, message).await.expect("publish");
    }
    let mut last: HashMap<String, usize> = HashMap::new();
    for _ in 0..keys * per_key {
        let d = tokio::select! { d = next(&mut a) => d, d = next(&mut b) => d };
        let key = d.message.key().expect("the key came along").to_string();
        let n = number(&d.message);
        if let Some(before) = last.insert(key.clone(), n) {
            assert!(n > before, "{key}: {n} came after {before}");
        }
        d.ack().await.expect("ack");
    }
}

/// Headers arrive as they were sent.
pub async fn headers_round_trip(transport: Arc<dyn Transport>) {
    let channel = unique("headers");
    let mut sub = transport.subscribe(&channel, "g").await.expect("subscribe");
    let sent = Message::new(r#"{"order":1}"#)
        .with_header("id", "e-1")
        .with_header("type", "OrderCreated")
        .with_header("specversion", "1.0")
        .with_header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
        .with_header("x-note", "Grüße, 世界; a=b");
    transport.publish(&channel, sent.clone()).await.expect("publish");
    let d = next(&mut sub).await;
    for (name, value) in sent.headers.iter() {
        assert_eq!(d.message.headers.get(name), Some(value), "header {name}");
    }
    assert_eq!(d.message.payload, sent.payload);
    d.ack().await.expect("ack");
}

/// A 1 MiB payload arrives whole.
pub async fn large_payload(transport: Arc<dyn Transport>) {
    let channel = unique("large");
    let mut sub = transport.subscribe(&channel, "g").await.expect("subscribe");
    let payload: Vec<u8> = (0..1024 * 1024).map(|i: u32| (i.wrapping_mul(2_654_435_761) >> 24) as u8).collect();
    transport.publish(&channel, Message::new(payload.clone())).await.expect("publish");
    let d = next(&mut sub).await;
    assert!(d.message.payload == payload, "the payload changed on the way");
    d.ack().await.expect("ack");
}

/// After the broker restarts, publishing works again and the same
/// subscription goes on delivering; nothing published is lost. For transports with a broker to
/// restart: `restart` stops and starts it (keeping its store). Errors the
/// subscription reports while the broker is away are expected and skipped.
pub async fn reconnects_after_restart(transport: Arc<dyn Transport>, restart: impl FnOnce()) {
    let channel = unique("restart");
    let mut sub = transport.subscribe(&channel, "g").await.expect("subscribe");
    transport.publish(&channel, numbered(1)).await.expect("publish");
    let d = next(&mut sub).await;
    assert_eq!(number(&d.message), 1);
    d.ack().await.expect("ack");
    restart();
    let deadline = tokio::time::Instant::now() + PATIENCE;
    while let Err(e) = transport.publish(&channel, numbered(2)).await {
        assert!(tokio::time::Instant::now() < deadline, "publishing still fails {PATIENCE:?} after the restart: {e}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    loop {
        match tokio::time::timeout_at(deadline, sub.next()).await {
            Ok(Some(Ok(d))) => {
                let n = number(&d.message);
                d.ack().await.expect("ack");
                // An ack on its way when the broker stopped may be lost:
                // message 1 may come again (at least once), but 2 must come.
                if n == 2 {
                    return;
                }
                assert_eq!(n, 1, "an unknown message");
            }
            Ok(Some(Err(_))) => continue,
            Ok(None) => panic!("the subscription ended with the restart"),
            Err(_) => panic!("nothing was delivered within {PATIENCE:?} of the restart"),
        }
    }
}

/// What every dedupe store does: an id is claimed once per scope, comes back
/// `InProgress` while claimed and `Done` once completed, and can be claimed
/// again after a release.
pub async fn dedupe_store(store: Arc<dyn specwright_events::DedupeStore>) {
    use specwright_events::Claim;
    let (scope, other) = (unique("scope"), unique("scope"));
    let id = "event-1";
    assert_eq!(store.claim(&scope, id).await.expect("claim"), Claim::Claimed);
    assert_eq!(store.claim(&scope, id).await.expect("claim"), Claim::InProgress);
    assert_eq!(store.claim(&other, id).await.expect("claim"), Claim::Claimed, "scopes are apart");
    store.release(&scope, id).await.expect("release");
    assert_eq!(store.claim(&scope, id).await.expect("claim"), Claim::Claimed);
    store.complete(&scope, id).await.expect("complete");
    assert_eq!(store.claim(&scope, id).await.expect("claim"), Claim::Done);
    assert_eq!(store.claim(&scope, "event-2").await.expect("claim"), Claim::Claimed);
}

/// Writes one `#[tokio::test]` per check, each with a fresh transport:
/// `conformance_tests!(expr)` where `expr` gives an `Arc<dyn Transport>`, or
/// `conformance_tests!(async expr)` where `expr` is a future giving
/// `(Arc<dyn Transport>, guard)`, the guard (a broker the test started, say)
/// kept until the check ends. An attribute written first goes on every
/// test: `conformance_tests!(#[ignore = "needs a broker"] async expr)`.
#[macro_export]
macro_rules! conformance_tests {
    // The internal arms come first: `@all` must not be read as an expression.
    (@all $mode:tt [$(#[$attr:meta])*] $make:expr) => {
        $crate::conformance_tests!(@tests $mode [$(#[$attr])*] $make;
            publish_and_consume nack_redelivers unsettled_delivery_comes_back reject_drops
            group_members_share groups_fan_out ordering_per_key headers_round_trip large_payload);
    };
    // One test per call, so that the attributes repeat once per test.
    (@tests $mode:tt [$(#[$attr:meta])*] $make:expr;) => {};
    (@tests (async) [$(#[$attr:meta])*] $make:expr; $check:ident $($rest:ident)*) => {
        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        $(#[$attr])*
        async fn $check() {
            let (transport, guard) = $make.await;
            $crate::$check(transport).await;
            drop(guard);
        }
        $crate::conformance_tests!(@tests (async) [$(#[$attr])*] $make; $($rest)*);
    };
    (@tests () [$(#[$attr:meta])*] $make:expr; $check:ident $($rest:ident)*) => {
        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        $(#[$attr])*
        async fn $check() {
            $crate::$check($make).await;
        }
        $crate::conformance_tests!(@tests () [$(#[$attr])*] $make; $($rest)*);
    };
    // The attribute is matched as one, not as a repetition: an expression may
    // start with an attribute too, which a repetition would find ambiguous.
    (#[$attr:meta] async $make:expr) => {
        $crate::conformance_tests!(@all (async) [#[$attr]] $make);
    };
    (#[$attr:meta] $make:expr) => {
        $crate::conformance_tests!(@all () [#[$attr]] $make);
    };
    (async $make:expr) => {
        $crate::conformance_tests!(@all (async) [] $make);
    };
    ($make:expr) => {
        $crate::conformance_tests!(@all () [] $make);
    };
}

#[cfg(feature = "kafka")]
pub use brokers::KafkaServer;
#[cfg(feature = "mqtt")]
pub use brokers::MosquittoServer;
#[cfg(feature = "nats")]
pub use brokers::NatsServer;
#[cfg(feature = "amqp")]
pub use brokers::RabbitServer;
#[cfg(feature = "redis-streams")]
pub use brokers::RedisServer;
#[cfg(feature = "websocket")]
pub use websocket::WebSocketServer;
