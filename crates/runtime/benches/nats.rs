//! Events through NATS JetStream: the whole router (typed events, dedupe,
//! retries and timeouts armed) against a bare async-nats loop that publishes
//! and consumes the same number of messages, acking each. Both publish one
//! message at a time and wait for the server to store it.
//! `cargo xtask bench` checks the ratio (target: the router at 70% of bare or more).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use async_nats::jetstream;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use futures_util::StreamExt;
use specwright_runtime::events::conformance::NatsServer;
use specwright_runtime::events::{NatsOptions, NatsTransport};

mod tick;
use tick::Tick;

const BATCH: u64 = 2_000;

fn throughput(c: &mut Criterion) {
    let server = NatsServer::start();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let mut group = c.benchmark_group("jetstream");
    group.throughput(Throughput::Elements(BATCH));
    group.sample_size(10);

    // Bare: async-nats alone.
    let (js, consumed) = runtime.block_on(async {
        let client = async_nats::connect(&server.url).await.unwrap();
        let js = jetstream::new(client);
        let stream = js
            .get_or_create_stream(jetstream::stream::Config {
                name: "bare".into(),
                subjects: vec!["bench.bare".into()],
                ..Default::default()
            })
            .await
            .unwrap();
        let consumer: jetstream::consumer::PullConsumer = stream
            .get_or_create_consumer(
                "bare",
                jetstream::consumer::pull::Config { durable_name: Some("bare".into()), ..Default::default() },
            )
            .await
            .unwrap();
        let consumed = Arc::new(AtomicU64::new(0));
        let counter = consumed.clone();
        tokio::spawn(async move {
            let mut messages = consumer.messages().await.unwrap();
            while let Some(Ok(message)) = messages.next().await {
                let _: Tick = serde_json::from_slice(&message.payload).unwrap();
                message.ack().await.unwrap();
                counter.fetch_add(1, Ordering::Relaxed);
            }
        });
        (js, consumed)
    });
    let next_id = AtomicU64::new(0);
    tick::bare(&mut group, &runtime, "bare async-nats", &consumed, &next_id, BATCH, |payload| async {
        js.publish("bench.bare", payload.into()).await.unwrap().await.unwrap();
    });

    // The router, with dedupe on.
    let transport = runtime.block_on(NatsTransport::connect(&server.url, NatsOptions::default())).unwrap();
    tick::router(&mut group, &runtime, Arc::new(transport), &next_id, BATCH);
    group.finish();
    drop(server);
}

criterion_group!(benches, throughput);
criterion_main!(benches);
