//! NATS JetStream passes the conformance suite, against a nats-server each
//! test starts for itself.

use std::sync::Arc;
use std::time::Duration;

use specwright_runtime::events::conformance::NatsServer;
use specwright_runtime::events::{NatsOptions, NatsTransport, Transport};

async fn jetstream() -> (Arc<dyn Transport>, NatsServer) {
    let server = NatsServer::start();
    // A short ack wait, so an unsettled delivery comes back within the suite's patience.
    let options = NatsOptions { ack_wait: Duration::from_secs(2), ..NatsOptions::default() };
    let transport = NatsTransport::connect(&server.url, options).await.expect("connect to the test's nats-server");
    (Arc::new(transport), server)
}

specwright_runtime::conformance_tests!(#[ignore = "needs a broker: cargo xtask ci runs it"] async jetstream());

mod router {
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex};
    use std::time::Duration;

    use futures_util::StreamExt;
    use serde::{Deserialize, Serialize};
    use specwright_runtime::events::{
        attr, Context, Event, EventApp, EventPublisher, HandlerError, MemoryDedupe, Settings,
    };

    #[derive(Serialize, Deserialize)]
    struct Payment {
        id: u32,
    }

    impl Event for Payment {
        const NAME: &'static str = "PaymentTaken";
        const CHANNEL: &'static str = "payments.taken";
        fn id(&self) -> Option<String> {
            Some(format!("payment-{}", self.id))
        }
    }

    /// On a real broker: good events are handled once (a producer's repeat is
    /// dropped by the server by its id), flaky ones after retries, and the
    /// failing one lands in the dead-letter stream with its reason.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    #[ignore = "needs a broker: cargo xtask ci runs it"]
    async fn failures_are_retried_then_dead_lettered_through_jetstream() {
        let (transport, _server) = super::jetstream().await;
        let mut dead = transport.subscribe("payments.taken.dlq", "ops").await.unwrap();
        let tries: Arc<Mutex<HashMap<u32, u32>>> = Arc::default();
        let t = tries.clone();
        let settings = Settings {
            max_attempts: 3,
            min_delay: Duration::from_millis(5),
            max_delay: Duration::from_millis(20),
            ..Settings::default()
        };
        let app = EventApp::new(transport.clone(), "/ledger")
            .settings(settings)
            .dedupe(Arc::new(MemoryDedupe::default()))
            .handle("ledger", move |p: Payment, _cx: Context| {
                let t = t.clone();
                async move {
                    let n = {
                        let mut tries = t.lock().unwrap();
                        let n = tries.entry(p.id).or_default();
                        *n += 1;
                        *n
                    };
                    match p.id {
                        13 => Err(HandlerError::retry("card declined")),
                        7 if n < 2 => Err(HandlerError::retry("ledger busy")),
                        _ => Ok(()),
                    }
                }
            });
        let running = app.start().await.unwrap();
        let publisher = EventPublisher::new(transport.clone(), "/payments");
        for id in 0..20 {
            publisher.publish(&Payment { id }).await.unwrap();
        }
        publisher.publish(&Payment { id: 3 }).await.unwrap();
        let d = tokio::time::timeout(Duration::from_secs(20), dead.next()).await.unwrap().unwrap().unwrap();
        assert_eq!(d.message.headers.get(attr::ID), Some("payment-13"));
        assert_eq!(d.message.headers.get(attr::DEADLETTER_REASON), Some("card declined"));
        assert_eq!(d.message.headers.get(attr::DEADLETTER_ATTEMPTS), Some("3"));
        d.ack().await.unwrap();
        let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
        while tries.lock().unwrap().len() < 20 && tokio::time::Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
        running.stop().await;
        let tries = tries.lock().unwrap();
        assert_eq!(tries.len(), 20);
        assert_eq!(tries[&3], 1, "the repeated publish of payment 3 was handled once");
        assert_eq!(tries[&7], 2);
        assert_eq!(tries[&13], 3);
        assert!((0..20).filter(|i| ![7, 13].contains(i)).all(|i| tries[&i] == 1));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a broker: cargo xtask ci runs it"]
async fn reconnects_after_restart() {
    let (transport, mut server) = jetstream().await;
    specwright_runtime::events::conformance::reconnects_after_restart(transport, || server.restart()).await;
}
