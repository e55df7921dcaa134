//! Events through Kafka: the whole router (typed events, dedupe, retries
//! and timeouts armed) against a bare rdkafka loop that publishes the same
//! messages with the idempotent producer, one at a time awaiting each
//! delivery report, and consumes them in a consumer group. Against a tansu
//! broker of the bench's own, keeping its messages in memory: with its
//! SQLite store the broker's writes (a row per header) are nearly all of
//! the time, on both sides. `cargo xtask bench` checks the ratio
//! (target: the router at 70% of bare or more).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rdkafka::consumer::{Consumer, StreamConsumer};
use rdkafka::message::{Header, OwnedHeaders};
use rdkafka::producer::{FutureProducer, FutureRecord};
use rdkafka::{ClientConfig, Message as _};
use specwright_runtime::events::conformance::KafkaServer;
use specwright_runtime::events::{KafkaOptions, KafkaTransport, Message, Publisher};

mod tick;
use tick::Tick;

const BATCH: u64 = 2_000;

fn throughput(c: &mut Criterion) {
    let server = KafkaServer::start_in_memory();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let mut group = c.benchmark_group("kafka");
    group.throughput(Throughput::Elements(BATCH));
    group.sample_size(10);

    // The topic is made the way the transport makes them, with its partitions.
    let transport = runtime.block_on(KafkaTransport::connect(&server.servers, KafkaOptions::default())).unwrap();
    runtime.block_on(transport.publish("bare", Message::new("{\"id\":0,\"account\":0}"))).unwrap();

    let (producer, consumed) = runtime.block_on(async {
        let producer: FutureProducer = ClientConfig::new()
            .set("bootstrap.servers", &server.servers)
            .set("enable.idempotence", "true")
            .set("linger.ms", "1")
            .create()
            .unwrap();
        let consumer: StreamConsumer = ClientConfig::new()
            .set("bootstrap.servers", &server.servers)
            .set("group.id", "bare")
            .set("auto.offset.reset", "earliest")
            .set("fetch.wait.max.ms", "100")
            .create()
            .unwrap();
        consumer.subscribe(&["bare"]).unwrap();
        let consumed = Arc::new(AtomicU64::new(0));
        let counter = consumed.clone();
        tokio::spawn(async move {
            while let Ok(message) = consumer.recv().await {
                let _: Tick = serde_json::from_slice(message.payload().unwrap_or_default()).unwrap();
                counter.fetch_add(1, Ordering::Relaxed);
            }
        });
        // The warm-up message: the group has joined once it is read.
        tick::wait_for(&consumed, 1).await;
        (producer, consumed)
    });
    let next_id = AtomicU64::new(1);
    let producer = &producer;
    tick::bare(&mut group, &runtime, "bare rdkafka", &consumed, &next_id, BATCH, |payload| async move {
        let id = next_id_of(&payload).to_string();
        let key = (next_id_of(&payload) % 64).to_string();
        // The headers the router's envelope carries: the broker stores
        // each one, so a bare message without them would be cheaper to
        // store, not cheaper to send.
        let mut headers = OwnedHeaders::new_with_capacity(9);
        for (name, value) in [
            ("specversion", "1.0"),
            ("type", "Tick"),
            ("source", "/bench"),
            ("datacontenttype", "application/json"),
            ("time", "2026-11-27T21:00:00.000000Z"),
            ("partitionkey", &key),
            ("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
            ("id", &id),
            ("correlationid", &id),
        ] {
            headers = headers.insert(Header { key: name, value: Some(value) });
        }
        let record = FutureRecord::to("bare").payload(&payload).key(&key).headers(headers);
        producer.send(record, Duration::from_secs(30)).await.unwrap();
    });

    tick::router(&mut group, &runtime, Arc::new(transport), &next_id, BATCH);
    group.finish();
    // Consumers leave their groups as the runtime ends: while the broker is there.
    drop(runtime);
    drop(server);
}

/// The tick's id, for its key: the router's events are keyed by account too.
fn next_id_of(payload: &[u8]) -> u64 {
    serde_json::from_slice::<Tick>(payload).map(|t| t.id).unwrap_or(0)
}

criterion_group!(benches, throughput);
criterion_main!(benches);
