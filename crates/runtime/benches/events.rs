//! Events published and handled through the in-memory transport with the
//! whole router (dedupe on, retries and timeouts armed).
//! `cargo xtask bench` checks the throughput (target: 500,000 events/s).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use serde::{Deserialize, Serialize};
use specwright_runtime::events::{Context, Event, EventApp, EventPublisher, MemoryDedupe, MemoryTransport, Settings};

#[derive(Serialize, Deserialize)]
struct Tick {
    id: u64,
    account: u32,
}

impl Event for Tick {
    const NAME: &'static str = "Tick";
    const CHANNEL: &'static str = "bench.ticks";
    fn key(&self) -> Option<String> {
        Some(self.account.to_string())
    }
    fn id(&self) -> Option<String> {
        Some(self.id.to_string())
    }
}

const BATCH: u64 = 10_000;

fn throughput(c: &mut Criterion) {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let handled = Arc::new(AtomicU64::new(0));
    let transport = Arc::new(MemoryTransport::new());
    let h = handled.clone();
    let app = EventApp::new(transport.clone(), "/bench")
        .settings(Settings { timeout: Some(Duration::from_secs(5)), ..Settings::default() })
        .dedupe(Arc::new(MemoryDedupe::default()))
        .handle("counter", move |_tick: Tick, _cx: Context| {
            h.fetch_add(1, Ordering::Relaxed);
            async { Ok(()) }
        });
    runtime.spawn(app.run(std::future::pending()));
    let publisher = EventPublisher::new(transport, "/bench");
    let next_id = AtomicU64::new(0);

    let mut group = c.benchmark_group("events");
    group.throughput(Throughput::Elements(BATCH));
    group.bench_function("memory publish to handle, dedupe on", |b| {
        b.to_async(&runtime).iter_custom(|iters| {
            let (publisher, handled, next_id) = (&publisher, &handled, &next_id);
            async move {
                let target = handled.load(Ordering::Relaxed) + iters * BATCH;
                let started = Instant::now();
                for _ in 0..iters * BATCH {
                    let id = next_id.fetch_add(1, Ordering::Relaxed);
                    publisher.publish(&Tick { id, account: (id % 64) as u32 }).await.unwrap();
                }
                while handled.load(Ordering::Relaxed) < target {
                    tokio::task::yield_now().await;
                }
                started.elapsed()
            }
        })
    });
    group.finish();
}

criterion_group!(benches, throughput);
criterion_main!(benches);
