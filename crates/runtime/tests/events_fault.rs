//! The fault test, for each transport with a broker: 10,000 events while
//! the handler fails at random a tenth of the time, a few events always
//! fail, and the broker (one the test starts) is restarted mid-stream.
//! Afterwards every good event has had its effect exactly once (counted in
//! the shared Redis), the poison ones sit in the dead-letter channel with
//! their reasons, and nothing is lost.

use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt;
use serde::{Deserialize, Serialize};
use specwright_runtime::events::conformance::{
    KafkaServer, MosquittoServer, NatsServer, RabbitServer, RedisServer, WebSocketServer,
};
use specwright_runtime::events::websocket::{WebSocketHub, WebSocketOptions, WebSocketTransport};
use specwright_runtime::events::{
    attr, AmqpOptions, AmqpTransport, Context, Event, EventApp, EventPublisher, HandlerError, KafkaOptions,
    KafkaTransport, MqttOptions, MqttTransport, NatsOptions, NatsTransport, RedisDedupe, RedisStreamsOptions,
    RedisStreamsTransport, Settings, Transport,
};

const EVENTS: u32 = 10_000;
const REDIS: &str = "redis://127.0.0.1:6379";

#[derive(Serialize, Deserialize)]
struct Charge {
    n: u32,
}

impl Event for Charge {
    const NAME: &'static str = "ChargeRequested";
    const CHANNEL: &'static str = "charges.requested";
    fn id(&self) -> Option<String> {
        Some(format!("charge-{}", self.n))
    }
    fn key(&self) -> Option<String> {
        Some(format!("account-{}", self.n % 50))
    }
}

fn poison(n: u32) -> bool {
    n % 2_000 == 1_234
}

/// A cheap random draw per try, different on every try.
fn fails(state: &AtomicU64) -> bool {
    let mut x = state.fetch_add(0x9E37_79B9_7F4A_7C15, Ordering::Relaxed);
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x % 10 == 0
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a broker: cargo xtask ci runs it"]
async fn jetstream_through_failures_and_a_restart() {
    let mut server = NatsServer::start();
    let options = NatsOptions { ack_wait: Duration::from_secs(2), ..NatsOptions::default() };
    let transport: Arc<dyn Transport> = Arc::new(NatsTransport::connect(&server.url, options).await.unwrap());
    ten_thousand_events(transport, || server.restart()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a broker: cargo xtask ci runs it"]
async fn redis_streams_through_failures_and_a_restart() {
    let mut server = RedisServer::start();
    let options = RedisStreamsOptions { claim_idle: Duration::from_secs(2), ..RedisStreamsOptions::default() };
    let transport: Arc<dyn Transport> = Arc::new(RedisStreamsTransport::connect(&server.url, options).await.unwrap());
    ten_thousand_events(transport, || server.restart()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a broker: cargo xtask ci runs it"]
async fn amqp_through_failures_and_a_restart() {
    let mut server = RabbitServer::start();
    let transport: Arc<dyn Transport> =
        Arc::new(AmqpTransport::connect(&server.url, AmqpOptions::default()).await.unwrap());
    ten_thousand_events(transport, || server.restart()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a broker: cargo xtask ci runs it"]
async fn kafka_through_failures_and_a_restart() {
    let mut server = KafkaServer::start();
    let options = KafkaOptions { session_timeout: Duration::from_secs(6), ..KafkaOptions::default() };
    let transport: Arc<dyn Transport> = Arc::new(KafkaTransport::connect(&server.servers, options).await.unwrap());
    ten_thousand_events(transport, || server.restart()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a broker: cargo xtask ci runs it"]
async fn mqtt_through_failures_and_a_restart() {
    let mut server = MosquittoServer::start();
    let transport: Arc<dyn Transport> =
        Arc::new(MqttTransport::connect(&server.host, server.port, MqttOptions::default()).await.unwrap());
    ten_thousand_events(transport, || server.restart()).await;
}

/// The hub keeps its queues in its process: what restarts is its listener
/// and every connection, which the client makes again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Redis: cargo xtask ci runs it"]
async fn websocket_through_failures_and_a_restart() {
    let mut server = WebSocketServer::start(WebSocketHub::default());
    let transport: Arc<dyn Transport> =
        Arc::new(WebSocketTransport::connect(&server.url, WebSocketOptions::default()).await.unwrap());
    ten_thousand_events(transport, || server.restart()).await;
}

async fn ten_thousand_events(transport: Arc<dyn Transport>, mut restart: impl FnMut()) {
    let run = format!("specwright-fault-{}", uuid_free_suffix());
    let redis = redis::Client::open(REDIS).unwrap();
    let mut effects = redis
        .get_connection_manager()
        .await
        .unwrap_or_else(|e| panic!("the fault test needs Redis on 127.0.0.1:6379: {e}"));
    let dedupe = RedisDedupe::connect(REDIS, format!("{run}-dedupe")).await.unwrap().done_ttl(Duration::from_secs(600));
    let effects_key = format!("{run}-effects");

    let mut dead = transport.subscribe("charges.requested.dlq", "ops").await.unwrap();
    let random = Arc::new(AtomicU64::new(42));
    let (key, conn, random2) = (effects_key.clone(), effects.clone(), random.clone());
    let settings = Settings {
        max_attempts: 12,
        min_delay: Duration::from_millis(1),
        max_delay: Duration::from_millis(20),
        concurrency: 32,
        ..Settings::default()
    };
    let app = EventApp::new(transport.clone(), "/billing").settings(settings).dedupe(Arc::new(dedupe)).handle(
        "billing",
        move |charge: Charge, _cx: Context| {
            let (key, mut conn, random) = (key.clone(), conn.clone(), random2.clone());
            async move {
                if poison(charge.n) {
                    return Err(HandlerError::retry(format!("card {} is blocked", charge.n)));
                }
                if fails(&random) {
                    return Err(HandlerError::retry("payment gateway timed out"));
                }
                // The effect: counted per event, so a second one would show.
                redis::cmd("HINCRBY").arg(&key).arg(charge.n).arg(1).query_async::<i64>(&mut conn).await?;
                Ok(())
            }
        },
    );
    let running = app.start().await.unwrap();

    let publisher = EventPublisher::new(transport.clone(), "/orders");
    for n in 0..EVENTS {
        if n == EVENTS / 2 {
            restart();
        }
        // While the server is away, publishing fails: the producer tries again
        // with the same id. A publish that did land is then stored twice
        // unless the broker drops repeats by id (JetStream does); the
        // handlers' dedupe makes the second one harmless either way.
        let mut tries = 0;
        while let Err(e) = publisher.publish(&Charge { n }).await {
            tries += 1;
            assert!(tries < 300, "publishing event {n} still fails: {e}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    let poisoned: HashSet<String> = (0..EVENTS).filter(|n| poison(*n)).map(|n| format!("charge-{n}")).collect();
    let good = EVENTS as usize - poisoned.len();
    let mut letters = HashSet::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(120);
    loop {
        let handled: usize = redis::cmd("HLEN").arg(&effects_key).query_async(&mut effects).await.unwrap();
        if handled == good && letters.len() == poisoned.len() {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "after 120 s: {handled} of {good} handled, {} dead letters",
            letters.len()
        );
        if let Ok(Some(Ok(d))) = tokio::time::timeout(Duration::from_millis(200), dead.next()).await {
            let reason = d.message.headers.get(attr::DEADLETTER_REASON).unwrap_or_default().to_string();
            assert!(reason.contains("is blocked"), "a good event was dead-lettered: {reason}");
            letters.insert(d.message.id().unwrap().to_string());
            d.ack().await.unwrap();
        }
    }
    // Redeliveries after the restart settle; nothing more may happen.
    tokio::time::sleep(Duration::from_secs(3)).await;
    running.stop().await;

    let counts: Vec<i64> = redis::cmd("HVALS").arg(&effects_key).query_async(&mut effects).await.unwrap();
    assert_eq!(counts.len(), good, "every good event had its effect");
    assert!(
        counts.iter().all(|c| *c == 1),
        "an effect happened twice: {:?}",
        counts.iter().filter(|c| **c != 1).count()
    );
    assert_eq!(letters, poisoned, "exactly the poison events are dead letters");
    redis::cmd("DEL").arg(&effects_key).query_async::<()>(&mut effects).await.unwrap();
}

fn uuid_free_suffix() -> String {
    format!(
        "{}-{}",
        std::process::id(),
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos()
    )
}
