//! Events through HTTP webhooks on 127.0.0.1: the whole router (typed
//! events, signed by the sender, checked by the receiver, dedupe, retries
//! and timeouts armed) against bare reqwest POSTs to a bare axum handler
//! that reads the same event and answers 204. Both send every message of a
//! batch at once, each its own request, and time the batch to its last
//! handled message. `cargo xtask bench` checks the ratio (target: the
//! router at 70% of bare or more).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use specwright_runtime::events::webhook::{
    ReceiverOptions, SenderOptions, WebhookSecret, WebhookSender, WebhookTransport,
};

mod tick;
use tick::Tick;

const BATCH: u64 = 2_000;

// As in the in-memory bench: an allocator made for threads, for both sides.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn throughput(c: &mut Criterion) {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let mut group = c.benchmark_group("webhooks");
    group.throughput(Throughput::Elements(BATCH));
    group.sample_size(10);

    // Bare: reqwest and axum alone.
    let (client, url, consumed) = runtime.block_on(async {
        let consumed = Arc::new(AtomicU64::new(0));
        let counter = consumed.clone();
        let app = axum::Router::new().route(
            "/ticks",
            axum::routing::post(move |body: axum::body::Bytes| {
                let counter = counter.clone();
                async move {
                    let _: Tick = serde_json::from_slice(&body).unwrap();
                    counter.fetch_add(1, Ordering::Relaxed);
                    axum::http::StatusCode::NO_CONTENT
                }
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/ticks", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        (reqwest::Client::new(), url, consumed)
    });
    // As many requests in flight as the sender allows by default.
    let in_flight = Arc::new(tokio::sync::Semaphore::new(SenderOptions::default().concurrency));
    let next_id = AtomicU64::new(0);
    tick::bare(&mut group, &runtime, "bare reqwest and axum", &consumed, &next_id, BATCH, |payload| {
        let post = client.post(&url).header("content-type", "application/json").body(payload).send();
        let in_flight = in_flight.clone();
        async move {
            let permit = in_flight.acquire_owned().await.unwrap();
            tokio::spawn(async move {
                assert!(post.await.unwrap().status().is_success());
                drop(permit);
            });
        }
    });

    let transport = runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let secret = WebhookSecret::new(b"bench".to_vec());
        let sender = WebhookSender::new(SenderOptions::default());
        WebhookTransport::serve(listener, secret, sender, ReceiverOptions::default()).unwrap()
    });
    tick::router(&mut group, &runtime, Arc::new(transport), &next_id, BATCH);
    group.finish();
}

criterion_group!(benches, throughput);
criterion_main!(benches);
