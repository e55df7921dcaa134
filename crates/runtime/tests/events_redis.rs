//! The Redis dedupe store, against the Redis on 127.0.0.1:6379 (keys under a
//! prefix of the test's own).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use specwright_runtime::events::{
    Claim, Context, DedupeStore, Event, EventApp, EventPublisher, MemoryTransport, RedisDedupe, Settings,
};

const REDIS: &str = "redis://127.0.0.1:6379";

async fn store() -> RedisDedupe {
    let prefix = format!("specwright-test-{}", std::process::id());
    RedisDedupe::connect(REDIS, prefix)
        .await
        .unwrap_or_else(|e| panic!("these tests need Redis on 127.0.0.1:6379 (start it with redis-server): {e}"))
        // What the tests leave behind goes away by itself.
        .done_ttl(Duration::from_secs(600))
}

#[tokio::test]
#[ignore = "needs Redis: cargo xtask ci runs it"]
async fn keeps_what_every_dedupe_store_keeps() {
    specwright_runtime::events::conformance::dedupe_store(Arc::new(store().await)).await;
}

#[tokio::test]
#[ignore = "needs Redis: cargo xtask ci runs it"]
async fn a_claim_whose_handler_died_frees_itself() {
    let store = store().await.claim_ttl(Duration::from_millis(200));
    let scope = format!("expiry-{:?}", std::time::Instant::now());
    assert_eq!(store.claim(&scope, "e").await.unwrap(), Claim::Claimed);
    assert_eq!(store.claim(&scope, "e").await.unwrap(), Claim::InProgress);
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(store.claim(&scope, "e").await.unwrap(), Claim::Claimed);
}

#[derive(Serialize, Deserialize)]
struct Shipped {
    order: u32,
}

impl Event for Shipped {
    const NAME: &'static str = "Shipped";
    const CHANNEL: &'static str = "orders.shipped";
    fn id(&self) -> Option<String> {
        Some(format!("shipped-{}", self.order))
    }
}

/// Two instances of one service (members of one group), each handed a copy
/// of the same event: with the store shared in Redis, one of them handles it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Redis: cargo xtask ci runs it"]
async fn instances_sharing_the_store_handle_an_event_once() {
    let transport = Arc::new(MemoryTransport::new());
    let dedupe: Arc<dyn DedupeStore> = Arc::new(store().await);
    let handled: Arc<Mutex<HashMap<u32, u32>>> = Arc::default();
    let mut instances = Vec::new();
    for _ in 0..2 {
        let h = handled.clone();
        let app = EventApp::new(transport.clone(), "/shipping")
            .settings(Settings { min_delay: Duration::from_millis(5), ..Settings::default() })
            .dedupe(dedupe.clone())
            .handle("mailer", move |e: Shipped, _cx: Context| {
                let h = h.clone();
                async move {
                    tokio::time::sleep(Duration::from_millis(5)).await;
                    *h.lock().unwrap().entry(e.order).or_default() += 1;
                    Ok(())
                }
            });
        instances.push(app.start().await.unwrap());
    }
    let publisher = EventPublisher::new(transport.clone(), "/orders");
    let run = std::process::id();
    for order in 0..20 {
        // Each event twice, as a producer retry would send it; ids unique to this run.
        for _ in 0..2 {
            publisher.publish(&Shipped { order: run * 100 + order }).await.unwrap();
        }
    }
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while handled.lock().unwrap().len() < 20 && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    for running in instances {
        running.stop().await;
    }
    let handled = handled.lock().unwrap();
    assert_eq!(handled.len(), 20);
    assert!(handled.values().all(|n| *n == 1), "{handled:?}");
}
