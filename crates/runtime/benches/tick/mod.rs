//! The event the event benches publish: small, keyed (64 accounts), with
//! an id, so ordering and dedupe both do their work; and the router's side
//! of the broker benches, the same for every transport.

#![allow(dead_code)] // Each bench uses its part.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::measurement::WallTime;
use criterion::BenchmarkGroup;
use specwright_runtime::events::{Context, EventApp, EventPublisher, MemoryDedupe, Settings, Transport};

use serde::{Deserialize, Serialize};
use specwright_runtime::events::Event;

#[derive(Serialize, Deserialize)]
pub struct Tick {
    pub id: u64,
    pub account: u32,
}

impl Tick {
    pub fn new(id: u64) -> Tick {
        Tick { id, account: (id % 64) as u32 }
    }
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

/// Waits until `counter` reaches `target`.
pub async fn wait_for(counter: &AtomicU64, target: u64) {
    while counter.load(Ordering::Relaxed) < target {
        tokio::time::sleep(Duration::from_micros(200)).await;
    }
}

/// Benches a bare client as `name`: batches of `batch` ticks, each given
/// to `send` as JSON, timed until `consumed` (counted by the bare consumer
/// the bench runs) has them all.
pub fn bare<F: std::future::Future<Output = ()>>(
    group: &mut BenchmarkGroup<'_, WallTime>,
    runtime: &tokio::runtime::Runtime,
    name: &str,
    consumed: &AtomicU64,
    next_id: &AtomicU64,
    batch: u64,
    send: impl Fn(Vec<u8>) -> F,
) {
    group.bench_function(name, |b| {
        b.to_async(runtime).iter_custom(|iters| {
            let send = &send;
            async move {
                let target = consumed.load(Ordering::Relaxed) + iters * batch;
                let started = Instant::now();
                for _ in 0..iters * batch {
                    let id = next_id.fetch_add(1, Ordering::Relaxed);
                    send(serde_json::to_vec(&Tick::new(id)).expect("a tick is JSON")).await;
                }
                wait_for(consumed, target).await;
                started.elapsed()
            }
        })
    });
}

/// Benches the whole router on `transport` (typed events, dedupe on,
/// retries and a timeout armed) as `"router"`: batches of `batch` events
/// published one at a time, timed to the last one handled.
pub fn router(
    group: &mut BenchmarkGroup<'_, WallTime>,
    runtime: &tokio::runtime::Runtime,
    transport: Arc<dyn Transport>,
    next_id: &AtomicU64,
    batch: u64,
) {
    let (publisher, handled, _running) = runtime.block_on(async {
        let handled = Arc::new(AtomicU64::new(0));
        let h = handled.clone();
        let app = EventApp::new(transport.clone(), "/bench")
            .settings(Settings { timeout: Some(Duration::from_secs(5)), ..Settings::default() })
            .dedupe(Arc::new(MemoryDedupe::default()))
            .handle("router", move |_tick: Tick, _cx: Context| {
                h.fetch_add(1, Ordering::Relaxed);
                async { Ok(()) }
            });
        // Subscribed before the first publish: a broker without streams
        // (RabbitMQ) has nowhere to put events no group has asked for.
        let running = app.start().await.unwrap();
        (EventPublisher::new(transport, "/bench"), handled, running)
    });
    group.bench_function("router", |b| {
        b.to_async(runtime).iter_custom(|iters| {
            let (publisher, handled) = (&publisher, &handled);
            async move {
                let target = handled.load(Ordering::Relaxed) + iters * batch;
                let started = Instant::now();
                for _ in 0..iters * batch {
                    let id = next_id.fetch_add(1, Ordering::Relaxed);
                    publisher.publish(&Tick::new(id)).await.unwrap();
                }
                wait_for(handled, target).await;
                started.elapsed()
            }
        })
    });
}
