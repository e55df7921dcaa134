//! AMQP (RabbitMQ) passes the conformance suite against the machine's
//! RabbitMQ on 127.0.0.1:5672 (queues of their own, expiring once unused),
//! and across a restart of a RabbitMQ node the test starts for itself.

use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt;
use specwright_runtime::events::conformance::RabbitServer;
use specwright_runtime::events::{attr, AmqpOptions, AmqpTransport, Message, Publisher, Subscriber, Transport};

const SHARED: &str = "amqp://guest:guest@127.0.0.1:5672/%2f";

fn options() -> AmqpOptions {
    AmqpOptions { queue_expires: Some(Duration::from_secs(120)), ..AmqpOptions::default() }
}

async fn rabbit() -> Arc<dyn Transport> {
    let transport = AmqpTransport::connect(SHARED, options())
        .await
        .unwrap_or_else(|e| panic!("these tests need RabbitMQ on 127.0.0.1:5672 (guest/guest): {e}"));
    Arc::new(transport)
}

specwright_runtime::conformance_tests!(#[ignore = "needs a broker: cargo xtask ci runs it"] async async { (rabbit().await, ()) });

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a broker: cargo xtask ci runs it"]
async fn reconnects_after_restart() {
    let mut server = RabbitServer::start();
    let transport = AmqpTransport::connect(&server.url, options()).await.unwrap();
    specwright_runtime::events::conformance::reconnects_after_restart(Arc::new(transport), || server.restart()).await;
}

/// A publish no group's queue takes is refused, not dropped unseen.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a broker: cargo xtask ci runs it"]
async fn a_publish_no_queue_takes_is_an_error() {
    let transport = rabbit().await;
    let channel = format!("nobody.{}", uuid::Uuid::new_v4().simple());
    let refused = transport.publish(&channel, Message::new("lost?")).await.unwrap_err();
    assert!(refused.to_string().contains("no queue is bound"), "{refused}");
}

/// A rejected delivery goes to the channel's dead-letter exchange, where
/// the router's dead-letter channel is.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a broker: cargo xtask ci runs it"]
async fn a_rejected_delivery_is_dead_lettered_by_the_broker() {
    let transport = rabbit().await;
    let channel = format!("rejects.{}", uuid::Uuid::new_v4().simple());
    let mut dead = transport.subscribe(&format!("{channel}.dlq"), "ops").await.unwrap();
    let mut sub = transport.subscribe(&channel, "g").await.unwrap();
    transport.publish(&channel, Message::new("bad").with_header(attr::ID, "r-1")).await.unwrap();
    let d = tokio::time::timeout(Duration::from_secs(10), sub.next()).await.unwrap().unwrap().unwrap();
    d.reject().await.unwrap();
    let letter = tokio::time::timeout(Duration::from_secs(10), dead.next()).await.unwrap().unwrap().unwrap();
    assert_eq!((letter.message.id(), &letter.message.payload[..]), (Some("r-1"), &b"bad"[..]));
    letter.ack().await.unwrap();
}

/// A nack with a delay parks the message and it comes back after the
/// delay, counted as the next attempt.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a broker: cargo xtask ci runs it"]
async fn a_delayed_nack_comes_back_after_the_delay() {
    let transport = rabbit().await;
    let channel = format!("delayed.{}", uuid::Uuid::new_v4().simple());
    let mut sub = transport.subscribe(&channel, "g").await.unwrap();
    transport.publish(&channel, Message::new("later")).await.unwrap();
    let first = tokio::time::timeout(Duration::from_secs(10), sub.next()).await.unwrap().unwrap().unwrap();
    let parked = std::time::Instant::now();
    first.nack(Duration::from_millis(700)).await.unwrap();
    let again = tokio::time::timeout(Duration::from_secs(10), sub.next()).await.unwrap().unwrap().unwrap();
    assert!(parked.elapsed() >= Duration::from_millis(650), "back after {:?}", parked.elapsed());
    assert_eq!((&again.message.payload[..], again.attempt), (&b"later"[..], 2));
    again.ack().await.unwrap();
}

/// Quorum queues count deliveries themselves (`x-delivery-count`): a
/// delivery dropped unsettled comes back as the second attempt, and a
/// delayed nack as the next one after that.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a broker: cargo xtask ci runs it"]
async fn quorum_queues_count_attempts() {
    async fn next(sub: &mut specwright_runtime::events::Subscription) -> specwright_runtime::events::Delivery {
        tokio::time::timeout(Duration::from_secs(10), sub.next()).await.expect("delivered").unwrap().unwrap()
    }
    let options = AmqpOptions { quorum: true, ..options() };
    let transport = AmqpTransport::connect(SHARED, options).await.unwrap();
    let channel = format!("quorum.{}", uuid::Uuid::new_v4().simple());
    let mut sub = transport.subscribe(&channel, "g").await.unwrap();
    transport.publish(&channel, Message::new("q")).await.unwrap();
    let first = next(&mut sub).await;
    assert_eq!(first.attempt, 1);
    drop(first);
    let second = next(&mut sub).await;
    assert_eq!(second.attempt, 2, "a dropped delivery comes back as the next attempt");
    second.nack(Duration::from_millis(100)).await.unwrap();
    let third = next(&mut sub).await;
    assert_eq!((&third.message.payload[..], third.attempt), (&b"q"[..], 3));
    third.ack().await.unwrap();
}

/// A spec's binding names a channel's exchange (a template filled from the
/// address); a transport without it reads that exchange by its name.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a broker: cargo xtask ci runs it"]
async fn a_binding_names_the_exchange() {
    use specwright_runtime::events::{Bindings, ChannelBindings};
    let run = uuid::Uuid::new_v4().simple().to_string();
    let bound = ChannelBindings { amqp_exchange: Some(format!("bound-{run}-{{region}}")), ..Default::default() };
    let bindings = Bindings::new().channel(format!("orders.{run}.{{region}}"), bound);
    let transport = AmqpTransport::connect(SHARED, AmqpOptions { bindings, ..options() }).await.unwrap();
    let plain = rabbit().await;
    let mut reader = plain.subscribe(&format!("bound-{run}-eu"), "g").await.unwrap();
    transport.publish(&format!("orders.{run}.eu"), Message::new("hello")).await.unwrap();
    let delivery = tokio::time::timeout(Duration::from_secs(10), reader.next()).await.unwrap().unwrap().unwrap();
    assert_eq!(&delivery.message.payload[..], b"hello");
    delivery.ack().await.unwrap();
}
