//! Events published and handled through the in-memory transport with the
//! whole router (dedupe on, retries and timeouts armed), the route on four
//! tasks so handling can use both cores.
//! `cargo xtask bench` checks the throughput (target: 500,000 events/s).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use specwright_runtime::events::{Context, EventApp, EventPublisher, MemoryDedupe, MemoryTransport, Settings};
use tokio::sync::Notify;

mod tick;
use tick::Tick;

// Services that publish this much run on an allocator made for threads:
// with glibc's, a message built on one thread and freed on another costs
// more than the rest of its way (BENCHMARKS.md has both figures).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const BATCH: u64 = 10_000;

/// Counts handled events and wakes the bench when a batch's last one is in.
#[derive(Default)]
struct Progress {
    handled: AtomicU64,
    target: AtomicU64,
    done: Notify,
}

fn throughput(c: &mut Criterion) {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let progress = Arc::new(Progress::default());
    let transport = Arc::new(MemoryTransport::new());
    let p = progress.clone();
    let app = EventApp::new(transport.clone(), "/bench")
        .settings(Settings { timeout: Some(Duration::from_secs(5)), tasks: 4, ..Settings::default() })
        .dedupe(Arc::new(MemoryDedupe::default()))
        .handle("counter", move |_tick: Tick, _cx: Context| {
            if p.handled.fetch_add(1, Ordering::Relaxed) + 1 == p.target.load(Ordering::Relaxed) {
                p.done.notify_one();
            }
            async { Ok(()) }
        });
    runtime.spawn(app.run(std::future::pending()));
    let publisher = EventPublisher::new(transport, "/bench");
    let next_id = Arc::new(AtomicU64::new(0));

    let mut group = c.benchmark_group("events");
    group.throughput(Throughput::Elements(BATCH));
    group.bench_function("memory publish to handle, dedupe on", |b| {
        b.to_async(&runtime).iter_custom(|iters| {
            let (publisher, progress, next_id) = (publisher.clone(), progress.clone(), next_id.clone());
            async move {
                let count = iters * BATCH;
                progress.target.store(progress.handled.load(Ordering::Relaxed) + count, Ordering::Relaxed);
                let started = Instant::now();
                // Published from a task in the runtime, as a service's own code would.
                tokio::spawn(async move {
                    for _ in 0..count {
                        let id = next_id.fetch_add(1, Ordering::Relaxed);
                        publisher.publish(&Tick::new(id)).await.unwrap();
                    }
                });
                progress.done.notified().await;
                started.elapsed()
            }
        })
    });
    group.finish();
}

criterion_group!(benches, throughput);
criterion_main!(benches);
