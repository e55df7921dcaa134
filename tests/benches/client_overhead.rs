//! What a generated client adds to a call: the storage client's
//! `list_objects` against a hand-written reqwest call of the same endpoint,
//! both against one axum server on 127.0.0.1 that answers a small JSON page.
//! `cargo xtask bench` checks the medians (target: at most 5% apart).

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use object_storage_api::client::{Client, ListObjectsResponse, RetryPolicy};
use object_storage_api::types::ObjectList;

const PAGE: &str = r#"{"items":[{"key":"a.png","size":1024},{"key":"b.png","size":2048}],"next_cursor":null}"#;

fn overhead(c: &mut Criterion) {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let base = runtime.block_on(async {
        let app = axum::Router::new().fallback(|| async { ([("content-type", "application/json")], PAGE) });
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        format!("http://{addr}/v1")
    });
    // One reqwest client for both, so only what the generated code adds differs.
    let plain = reqwest::Client::new();
    let generated =
        Client::builder().base_url(&base).retry(RetryPolicy::none()).reqwest_client(plain.clone()).build().unwrap();
    let url = format!("{base}/buckets/photos/objects?limit=2");

    // Every iteration makes both calls, hand-written first, and each bench
    // times only its own: the two see the same workload, so neither gains
    // from running first or alone (separate runs differed by up to 80%).
    let mut group = c.benchmark_group("client");
    for (name, timed) in [("hand-written reqwest", Side::Hand), ("generated", Side::Generated)] {
        group.bench_function(name, |b| {
            b.to_async(&runtime).iter_custom(|iters| {
                let (plain, url, generated) = (&plain, &url, &generated);
                async move {
                    let mut own = Duration::ZERO;
                    for _ in 0..iters {
                        let started = Instant::now();
                        black_box(hand(plain, url).await);
                        let between = Instant::now();
                        black_box(generated_call(generated).await);
                        own += match timed {
                            Side::Hand => between - started,
                            Side::Generated => between.elapsed(),
                        };
                    }
                    own
                }
            })
        });
    }
    group.finish();
}

#[derive(Clone, Copy)]
enum Side {
    Hand,
    Generated,
}

async fn hand(plain: &reqwest::Client, url: &str) -> ObjectList {
    let response = plain.get(url).send().await.unwrap();
    assert!(response.status().is_success());
    serde_json::from_slice(&response.bytes().await.unwrap()).unwrap()
}

async fn generated_call(client: &Client) -> ObjectList {
    let response = client.list_objects("photos").limit(2).send().await.unwrap();
    let ListObjectsResponse::Ok { body, .. } = response.into_body();
    body
}

criterion_group!(benches, overhead);
criterion_main!(benches);
