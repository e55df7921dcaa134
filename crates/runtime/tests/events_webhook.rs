//! HTTP webhooks pass the conformance suite (a sender and a receiver on
//! 127.0.0.1), refuse what is unsigned, stale or replayed, and lose
//! nothing while the receiver is down.

use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use futures_util::StreamExt;
use specwright_runtime::events::webhook::{
    Endpoint, ReceiverOptions, SenderOptions, WebhookReceiver, WebhookSecret, WebhookSender, WebhookTransport,
};
use specwright_runtime::events::{attr, Message, Publisher, Subscriber, Transport};

fn secret() -> WebhookSecret {
    WebhookSecret::new(b"a secret both sides know".to_vec())
}

fn sender() -> WebhookSender {
    WebhookSender::new(SenderOptions {
        min_delay: Duration::from_millis(20),
        max_delay: Duration::from_millis(200),
        ..SenderOptions::default()
    })
}

async fn webhooks() -> (Arc<dyn Transport>, ()) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let transport = WebhookTransport::serve(listener, secret(), sender(), ReceiverOptions::default()).unwrap();
    (Arc::new(transport), ())
}

specwright_runtime::conformance_tests!(async webhooks());

/// Serves a receiver on `listener`; returns its address.
fn serve(receiver: &WebhookReceiver, listener: tokio::net::TcpListener) -> String {
    let address = format!("http://{}", listener.local_addr().unwrap());
    let router = receiver.router();
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    address
}

async fn post(url: &str, headers: &[(&str, String)], body: &'static str) -> u16 {
    let mut request = reqwest::Client::new().post(url).body(body);
    for (name, value) in headers {
        request = request.header(*name, value);
    }
    request.send().await.unwrap().status().as_u16()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unsigned_stale_and_replayed_requests_are_refused() {
    let receiver = WebhookReceiver::new(secret(), ReceiverOptions::default());
    let mut orders = receiver.subscribe("orders", "billing").await.unwrap();
    let base = serve(&receiver, tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap());
    let url = format!("{base}/billing/orders");
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs();
    let signed = |id: &str, at: u64, key: &WebhookSecret| {
        vec![
            ("webhook-id", id.to_string()),
            ("webhook-timestamp", at.to_string()),
            ("webhook-signature", key.sign(id, at, br#"{"order":1}"#)),
        ]
    };
    let body = r#"{"order":1}"#;
    assert_eq!(post(&url, &[], body).await, 401, "unsigned");
    assert_eq!(post(&url, &signed("m-1", now, &WebhookSecret::new(b"guess".to_vec())), body).await, 401, "wrong key");
    assert_eq!(post(&url, &signed("m-1", now - 3_600, &secret()), body).await, 401, "an hour old");
    let mut tampered = signed("m-1", now, &secret());
    tampered[0].1 = "m-2".into();
    assert_eq!(post(&url, &tampered, body).await, 401, "signed for another id");

    // A good one is delivered; sent again, it is answered without a second delivery.
    let handling = tokio::spawn(async move {
        let d = orders.next().await.unwrap().unwrap();
        assert_eq!(&d.message.payload[..], body.as_bytes());
        d.ack().await.unwrap();
        orders
    });
    assert_eq!(post(&url, &signed("m-1", now, &secret()), body).await, 204);
    let mut orders = handling.await.unwrap();
    assert_eq!(post(&url, &signed("m-1", now, &secret()), body).await, 200, "a replay is not handled again");
    assert!(tokio::time::timeout(Duration::from_millis(300), orders.next()).await.is_err(), "delivered twice");
}

/// While the receiver is down the sender keeps trying; once it is back the
/// message arrives, with its attributes, and nothing is lost.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nothing_is_lost_while_the_receiver_is_down() {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let sender = sender();
    let url = format!("http://127.0.0.1:{port}/shipping/orders");
    sender.add_endpoint("orders", Endpoint { url, secret: secret() });
    for n in 0..5 {
        let message =
            Message::new(format!("{n}")).with_header(attr::ID, format!("o-{n}")).with_header("x-note", "Grüße, 世界");
        sender.publish("orders", message).await.unwrap();
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let receiver = WebhookReceiver::new(secret(), ReceiverOptions::default());
    let mut orders = receiver.subscribe("orders", "shipping").await.unwrap();
    serve(&receiver, tokio::net::TcpListener::bind(("127.0.0.1", port)).await.unwrap());
    let mut seen = Vec::new();
    while seen.len() < 5 {
        let d =
            tokio::time::timeout(Duration::from_secs(10), orders.next()).await.expect("delivered").unwrap().unwrap();
        assert!(d.attempt > 1, "the first tries found nobody");
        assert_eq!(d.message.headers.get("x-note"), Some("Grüße, 世界"));
        seen.push(d.message.id().unwrap().to_string());
        d.ack().await.unwrap();
    }
    seen.sort();
    assert_eq!(seen, ["o-0", "o-1", "o-2", "o-3", "o-4"]);
}

/// Publishing to a channel with no endpoint is an error, not a silent drop.
#[tokio::test]
async fn a_channel_without_endpoints_is_refused() {
    let refused = sender().publish("nowhere", Message::new("x")).await.unwrap_err();
    assert!(refused.to_string().contains("no webhook endpoint"), "{refused}");
}

/// A burst is sent a few requests at a time, not all at once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_in_flight_stay_within_the_bound() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let (now, most, done) =
        (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let (n, m, d) = (now.clone(), most.clone(), done.clone());
    let app = axum::Router::new().route(
        "/hook",
        axum::routing::post(move || {
            let (n, m, d) = (n.clone(), m.clone(), d.clone());
            async move {
                m.fetch_max(n.fetch_add(1, Ordering::SeqCst) + 1, Ordering::SeqCst);
                tokio::time::sleep(Duration::from_millis(30)).await;
                n.fetch_sub(1, Ordering::SeqCst);
                d.fetch_add(1, Ordering::SeqCst);
                axum::http::StatusCode::NO_CONTENT
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let sender = WebhookSender::new(SenderOptions { concurrency: 3, ..SenderOptions::default() });
    sender.add_endpoint("burst", Endpoint { url, secret: secret() });
    for i in 0..20 {
        sender.publish("burst", Message::new(i.to_string())).await.unwrap();
    }
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while done.load(Ordering::SeqCst) < 20 {
        assert!(tokio::time::Instant::now() < deadline, "only {} of 20 arrived", done.load(Ordering::SeqCst));
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert_eq!(most.load(Ordering::SeqCst), 3, "at most three at once, and the bound was used");
}
