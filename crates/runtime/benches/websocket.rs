//! Events over WebSocket: the whole router (typed events, dedupe, retries
//! and timeouts armed) through a hub, against a bare relay written with
//! axum and tokio-tungstenite that does the least the same path needs: a
//! publisher's frame goes to the server, which passes it to a subscriber's
//! connection and answers the publisher, who waits for that answer before
//! the next. `cargo xtask bench` checks the ratio (target: the router at
//! 70% of bare or more).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use axum::extract::ws::{Message as AxumWs, WebSocket, WebSocketUpgrade};
use axum::extract::State;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use futures_util::{SinkExt, StreamExt};
use specwright_runtime::events::conformance::WebSocketServer;
use specwright_runtime::events::websocket::{WebSocketHub, WebSocketOptions, WebSocketTransport};
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite::Message as Ws;

mod tick;
use tick::Tick;

const BATCH: u64 = 2_000;

type Subscriber = Arc<Mutex<Option<mpsc::UnboundedSender<String>>>>;

async fn relay_publisher(mut socket: WebSocket, subscriber: Subscriber) {
    while let Some(Ok(AxumWs::Text(text))) = socket.recv().await {
        let forward = subscriber.lock().unwrap().clone();
        if let Some(forward) = forward {
            // A subscriber gone between benches is forgotten, unless another took its place.
            if forward.send(text.to_string()).is_err() {
                let mut current = subscriber.lock().unwrap();
                if current.as_ref().is_some_and(|s| s.same_channel(&forward)) {
                    current.take();
                }
            }
        }
        if socket.send(AxumWs::Text("ok".into())).await.is_err() {
            return;
        }
    }
}

async fn relay_subscriber(mut socket: WebSocket, subscriber: Subscriber) {
    let (forward, mut frames) = mpsc::unbounded_channel();
    *subscriber.lock().unwrap() = Some(forward);
    while let Some(text) = frames.recv().await {
        if socket.send(AxumWs::Text(text.into())).await.is_err() {
            return;
        }
    }
}

fn throughput(c: &mut Criterion) {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let mut group = c.benchmark_group("websocket");
    group.throughput(Throughput::Elements(BATCH));
    group.sample_size(10);

    let (publisher, consumed) = runtime.block_on(async {
        let subscriber: Subscriber = Arc::default();
        let app = axum::Router::new()
            .route(
                "/pub",
                axum::routing::get(|up: WebSocketUpgrade, State(s): State<Subscriber>| async move {
                    up.on_upgrade(move |socket| relay_publisher(socket, s))
                }),
            )
            .route(
                "/sub",
                axum::routing::get(|up: WebSocketUpgrade, State(s): State<Subscriber>| async move {
                    up.on_upgrade(move |socket| relay_subscriber(socket, s))
                }),
            )
            .with_state(subscriber.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        // Nagle's algorithm off on both sides, as the hub and its client have it.
        let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
            tcp.set_nodelay(true).expect("Nagle's algorithm off");
        });
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        let (mut reading, _) =
            tokio_tungstenite::connect_async_with_config(format!("ws://{address}/sub"), None, true).await.unwrap();
        while subscriber.lock().unwrap().is_none() {
            tokio::task::yield_now().await;
        }
        let consumed = Arc::new(AtomicU64::new(0));
        let counter = consumed.clone();
        tokio::spawn(async move {
            while let Some(Ok(Ws::Text(text))) = reading.next().await {
                let _: Tick = serde_json::from_str(&text).unwrap();
                counter.fetch_add(1, Ordering::Relaxed);
            }
        });
        let (publisher, _) =
            tokio_tungstenite::connect_async_with_config(format!("ws://{address}/pub"), None, true).await.unwrap();
        (tokio::sync::Mutex::new(publisher), consumed)
    });
    let next_id = AtomicU64::new(0);
    let publisher = &publisher;
    tick::bare(&mut group, &runtime, "bare tokio-tungstenite", &consumed, &next_id, BATCH, |payload| async move {
        let mut publisher = publisher.lock().await;
        publisher.send(Ws::Text(String::from_utf8(payload).unwrap().into())).await.unwrap();
        let answer = publisher.next().await.unwrap().unwrap();
        assert_eq!(answer, Ws::Text("ok".into()));
    });

    let server = runtime.block_on(async { WebSocketServer::start(WebSocketHub::default()) });
    let transport = runtime.block_on(WebSocketTransport::connect(&server.url, WebSocketOptions::default())).unwrap();
    tick::router(&mut group, &runtime, Arc::new(transport), &next_id, BATCH);
    group.finish();
}

criterion_group!(benches, throughput);
criterion_main!(benches);
