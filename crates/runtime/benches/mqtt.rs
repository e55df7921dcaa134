//! Events through MQTT: the whole router (typed events, dedupe, retries
//! and timeouts armed) against a bare rumqttc loop that publishes the same
//! messages at QoS 1, one at a time awaiting each PUBACK, to a subscriber
//! that acknowledges each. Against a Mosquitto of the bench's own.
//! `cargo xtask bench` checks the ratio (target: the router at 70% of bare or more).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rumqttc::v5::mqttbytes::v5::Packet;
use rumqttc::v5::mqttbytes::QoS;
use rumqttc::v5::{AsyncClient, Event, MqttOptions};
use specwright_runtime::events::conformance::MosquittoServer;
use specwright_runtime::events::{MqttOptions as Options, MqttTransport};
use tokio::sync::mpsc;

mod tick;
use tick::Tick;

const BATCH: u64 = 2_000;

fn throughput(c: &mut Criterion) {
    let server = MosquittoServer::start();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let mut group = c.benchmark_group("mqtt");
    group.throughput(Throughput::Elements(BATCH));
    group.sample_size(10);

    let (publisher, acks, consumed) = runtime.block_on(async {
        let mut options = MqttOptions::new("bare-sub", &server.host, server.port);
        options.set_manual_acks(true).set_receive_maximum(Some(64));
        let (subscriber, mut events) = AsyncClient::new(options, 64);
        subscriber.subscribe("$share/bare/bench/bare", QoS::AtLeastOnce).await.unwrap();
        let consumed = Arc::new(AtomicU64::new(0));
        let counter = consumed.clone();
        let (subscribed, joined) = tokio::sync::oneshot::channel();
        let mut subscribed = Some(subscribed);
        tokio::spawn(async move {
            while let Ok(event) = events.poll().await {
                match event {
                    Event::Incoming(Packet::SubAck(_)) => {
                        subscribed.take().map(|s| s.send(()));
                    }
                    Event::Incoming(Packet::Publish(publish)) => {
                        let _: Tick = serde_json::from_slice(&publish.payload).unwrap();
                        subscriber.ack(&publish).await.unwrap();
                        counter.fetch_add(1, Ordering::Relaxed);
                    }
                    _ => {}
                }
            }
        });
        joined.await.unwrap();
        let (publisher, mut events) = AsyncClient::new(MqttOptions::new("bare-pub", &server.host, server.port), 64);
        let (acked, acks) = mpsc::unbounded_channel();
        tokio::spawn(async move {
            while let Ok(event) = events.poll().await {
                if let Event::Incoming(Packet::PubAck(_)) = event {
                    if acked.send(()).is_err() {
                        return; // the measurement is over
                    }
                }
            }
        });
        (publisher, tokio::sync::Mutex::new(acks), consumed)
    });
    let next_id = AtomicU64::new(0);
    let (publisher, acks) = (&publisher, &acks);
    tick::bare(&mut group, &runtime, "bare rumqttc", &consumed, &next_id, BATCH, |payload| async move {
        publisher.publish("bench/bare", QoS::AtLeastOnce, false, payload).await.unwrap();
        acks.lock().await.recv().await.unwrap();
    });

    let transport = runtime.block_on(MqttTransport::connect(&server.host, server.port, Options::default())).unwrap();
    tick::router(&mut group, &runtime, Arc::new(transport), &next_id, BATCH);
    group.finish();
    drop(server);
}

criterion_group!(benches, throughput);
criterion_main!(benches);
