//! Events through Redis Streams: the whole router (typed events, dedupe,
//! retries and timeouts armed) against a bare redis-rs loop that adds the
//! same entries and reads them as a group member, acking each. Both publish
//! one entry at a time and wait for Redis to answer. Against a
//! redis-server of the bench's own. `cargo xtask bench` checks the ratio
//! (target: the router at 70% of bare or more).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use redis::streams::StreamReadReply;
use redis::Value;
use specwright_runtime::events::conformance::RedisServer;
use specwright_runtime::events::{RedisStreamsOptions, RedisStreamsTransport};

mod tick;
use tick::Tick;

const BATCH: u64 = 2_000;

fn throughput(c: &mut Criterion) {
    let server = RedisServer::start();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let mut group = c.benchmark_group("redis-streams");
    group.throughput(Throughput::Elements(BATCH));
    group.sample_size(10);

    // Bare: redis-rs alone, a connection to add and one to read and ack.
    let (add, consumed) = runtime.block_on(async {
        let client = redis::Client::open(server.url.as_str()).unwrap();
        let mut add = client.get_multiplexed_async_connection().await.unwrap();
        let mut read = client.get_multiplexed_async_connection().await.unwrap();
        let create = redis::cmd("XGROUP").arg("CREATE").arg("bare").arg("g").arg("0").arg("MKSTREAM").clone();
        create.query_async::<()>(&mut add).await.unwrap();
        let consumed = Arc::new(AtomicU64::new(0));
        let counter = consumed.clone();
        tokio::spawn(async move {
            loop {
                // Ends when the bench's server is stopped.
                let Ok(reply) = redis::cmd("XREADGROUP")
                    .arg("GROUP")
                    .arg("g")
                    .arg("c")
                    .arg("COUNT")
                    .arg(64)
                    .arg("BLOCK")
                    .arg(1000)
                    .arg("STREAMS")
                    .arg("bare")
                    .arg(">")
                    .query_async::<Option<StreamReadReply>>(&mut read)
                    .await
                else {
                    return;
                };
                for entry in reply.into_iter().flat_map(|r| r.keys).flat_map(|k| k.ids) {
                    let Some(Value::BulkString(payload)) = entry.map.get("payload") else { panic!("no payload") };
                    let _: Tick = serde_json::from_slice(payload).unwrap();
                    let ack = redis::cmd("XACK").arg("bare").arg("g").arg(&entry.id).clone();
                    if ack.query_async::<i64>(&mut read).await.is_err() {
                        return;
                    }
                    counter.fetch_add(1, Ordering::Relaxed);
                }
            }
        });
        (add, consumed)
    });
    let next_id = AtomicU64::new(0);
    tick::bare(&mut group, &runtime, "bare redis-rs", &consumed, &next_id, BATCH, |payload| {
        let mut add = add.clone();
        async move {
            let xadd = redis::cmd("XADD").arg("bare").arg("*").arg("payload").arg(payload).clone();
            xadd.query_async::<String>(&mut add).await.unwrap();
        }
    });

    let transport =
        runtime.block_on(RedisStreamsTransport::connect(&server.url, RedisStreamsOptions::default())).unwrap();
    tick::router(&mut group, &runtime, Arc::new(transport), &next_id, BATCH);
    group.finish();
    drop(server);
}

criterion_group!(benches, throughput);
criterion_main!(benches);
