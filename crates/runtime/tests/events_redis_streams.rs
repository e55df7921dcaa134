//! Redis Streams passes the conformance suite, against a redis-server each
//! test starts for itself; and what is particular to it: abandoned entries
//! are taken over, streams are trimmed.

use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt;
use specwright_runtime::events::conformance::RedisServer;
use specwright_runtime::events::{Message, RedisStreamsOptions, RedisStreamsTransport, Transport};

/// A short claim time, so an unsettled delivery comes back within the suite's patience.
fn options() -> RedisStreamsOptions {
    RedisStreamsOptions { claim_idle: Duration::from_secs(2), block: Duration::from_millis(500), ..Default::default() }
}

async fn streams_with(options: RedisStreamsOptions) -> (Arc<dyn Transport>, RedisServer) {
    let server = RedisServer::start();
    let transport =
        RedisStreamsTransport::connect(&server.url, options).await.expect("connect to the test's redis-server");
    (Arc::new(transport), server)
}

async fn streams() -> (Arc<dyn Transport>, RedisServer) {
    streams_with(options()).await
}

specwright_runtime::conformance_tests!(#[ignore = "needs a broker: cargo xtask ci runs it"] async streams());

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a broker: cargo xtask ci runs it"]
async fn reconnects_after_restart() {
    let (transport, mut server) = streams().await;
    specwright_runtime::events::conformance::reconnects_after_restart(transport, || server.restart()).await;
}

/// A member that read an entry and died leaves it pending; another member
/// of the group takes it over once it has been idle for the claim time.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a broker: cargo xtask ci runs it"]
async fn a_dead_members_entries_are_claimed_by_another() {
    let (transport, _server) = streams().await;
    let mut dying = transport.subscribe("claims", "g").await.unwrap();
    transport.publish("claims", Message::new("7")).await.unwrap();
    let taken = tokio::time::timeout(Duration::from_secs(10), dying.next()).await.unwrap().unwrap().unwrap();
    // The member goes away with its delivery unsettled, as a killed process would.
    std::mem::forget(taken);
    drop(dying);
    let mut survivor = transport.subscribe("claims", "g").await.unwrap();
    let again = tokio::time::timeout(Duration::from_secs(10), survivor.next()).await.unwrap().unwrap().unwrap();
    assert_eq!((&again.message.payload[..], again.attempt), (&b"7"[..], 2));
    again.ack().await.unwrap();
}

/// Streams are capped near `max_len` entries.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a broker: cargo xtask ci runs it"]
async fn streams_are_trimmed_to_about_max_len() {
    let (transport, server) = streams_with(RedisStreamsOptions { max_len: Some(100), ..options() }).await;
    for i in 0..1_000 {
        transport.publish("trimmed", Message::new(i.to_string())).await.unwrap();
    }
    let mut redis = redis::Client::open(server.url.as_str()).unwrap().get_multiplexed_async_connection().await.unwrap();
    let len: usize = redis::cmd("XLEN").arg("events:trimmed").query_async(&mut redis).await.unwrap();
    assert!((100..300).contains(&len), "{len} entries kept of 1,000 with MAXLEN ~ 100");
}
