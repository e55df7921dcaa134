//! Events through RabbitMQ: the whole router (typed events, dedupe, retries
//! and timeouts armed) against a bare lapin loop that publishes the same
//! messages to a queue and consumes them, acking each. Both publish one
//! persistent message at a time and wait for the broker's confirm. Against
//! a RabbitMQ node of the bench's own. `cargo xtask bench` checks the ratio
//! (target: the router at 70% of bare or more).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use futures_util::StreamExt;
use lapin::options::{
    BasicAckOptions, BasicConsumeOptions, BasicPublishOptions, ConfirmSelectOptions, QueueDeclareOptions,
};
use lapin::types::FieldTable;
use lapin::{BasicProperties, Connection, ConnectionProperties};
use specwright_runtime::events::conformance::RabbitServer;
use specwright_runtime::events::{AmqpOptions, AmqpTransport};

mod tick;
use tick::Tick;

const BATCH: u64 = 2_000;

fn throughput(c: &mut Criterion) {
    let server = RabbitServer::start();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let mut group = c.benchmark_group("amqp");
    group.throughput(Throughput::Elements(BATCH));
    group.sample_size(10);

    // Bare: lapin alone, a channel to publish (confirmed) and one to consume.
    let (publishing, consumed) = runtime.block_on(async {
        let connection = Connection::connect(&server.url, ConnectionProperties::default()).await.unwrap();
        let publishing = connection.create_channel().await.unwrap();
        publishing.confirm_select(ConfirmSelectOptions::default()).await.unwrap();
        let durable = QueueDeclareOptions { durable: true, ..Default::default() };
        publishing.queue_declare("bare".into(), durable, FieldTable::default()).await.unwrap();
        let consuming = connection.create_channel().await.unwrap();
        consuming.basic_qos(64, Default::default()).await.unwrap();
        let mut consumer = consuming
            .basic_consume("bare".into(), "bare".into(), BasicConsumeOptions::default(), FieldTable::default())
            .await
            .unwrap();
        let consumed = Arc::new(AtomicU64::new(0));
        let counter = consumed.clone();
        tokio::spawn(async move {
            // Ends when the bench's node is stopped.
            while let Some(Ok(delivery)) = consumer.next().await {
                let _: Tick = serde_json::from_slice(&delivery.data).unwrap();
                if delivery.ack(BasicAckOptions::default()).await.is_err() {
                    return;
                }
                counter.fetch_add(1, Ordering::Relaxed);
            }
        });
        std::mem::forget(connection);
        (publishing, consumed)
    });
    let next_id = AtomicU64::new(0);
    let publishing = &publishing;
    tick::bare(&mut group, &runtime, "bare lapin", &consumed, &next_id, BATCH, |payload| async move {
        let properties = BasicProperties::default().with_delivery_mode(2);
        let options = BasicPublishOptions { mandatory: true, ..Default::default() };
        let confirm = publishing.basic_publish("".into(), "bare".into(), options, &payload, properties);
        confirm.await.unwrap().await.unwrap();
    });

    let transport = runtime.block_on(AmqpTransport::connect(&server.url, AmqpOptions::default())).unwrap();
    tick::router(&mut group, &runtime, Arc::new(transport), &next_id, BATCH);
    group.finish();
    drop(server);
}

criterion_group!(benches, throughput);
criterion_main!(benches);
