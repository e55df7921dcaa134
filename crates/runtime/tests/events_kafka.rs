//! Kafka passes the conformance suite, against a tansu broker each test
//! starts for itself; and what is particular to it: an offset is committed
//! only once everything before it in its partition is settled.

use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt;
use rdkafka::consumer::Consumer as _;
use specwright_runtime::events::conformance::KafkaServer;
use specwright_runtime::events::{KafkaOptions, KafkaTransport, Message, Publisher as _, Transport};

/// A short session and commit interval, so the group notices a member
/// leaving, and commits, within the suite's patience.
fn options() -> KafkaOptions {
    KafkaOptions {
        session_timeout: Duration::from_secs(6),
        commit_interval: Duration::from_millis(100),
        ..KafkaOptions::default()
    }
}

async fn kafka() -> (Arc<dyn Transport>, KafkaServer) {
    let server = KafkaServer::start();
    let transport = KafkaTransport::connect(&server.servers, options()).await.expect("connect to the test's broker");
    (Arc::new(transport), server)
}

specwright_runtime::conformance_tests!(#[ignore = "needs a broker: cargo xtask ci runs it"] async kafka());

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a broker: cargo xtask ci runs it"]
async fn reconnects_after_restart() {
    let (transport, mut server) = kafka().await;
    specwright_runtime::events::conformance::reconnects_after_restart(transport, || server.restart()).await;
}

async fn next(subscription: &mut specwright_runtime::events::Subscription) -> specwright_runtime::events::Delivery {
    tokio::time::timeout(Duration::from_secs(30), subscription.next())
        .await
        .expect("a delivery within 30 s")
        .expect("the subscription goes on")
        .expect("a delivery")
}

/// A member that settled a later message but not an earlier one leaves the
/// group: the next member starts at the earlier one, which was never
/// committed, and not past the later one.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a broker: cargo xtask ci runs it"]
async fn a_later_ack_does_not_commit_an_earlier_unsettled_message() {
    let (transport, _server) = kafka().await;
    let mut first = transport.subscribe("commits", "g").await.unwrap();
    for n in ["1", "2"] {
        // One key: one partition, read in order.
        transport.publish("commits", Message::new(n).with_header("partitionkey", "k")).await.unwrap();
    }
    let one = next(&mut first).await;
    let two = next(&mut first).await;
    assert_eq!((&one.message.payload[..], &two.message.payload[..]), (&b"1"[..], &b"2"[..]));
    two.ack().await.unwrap();
    // The member dies with message 1 in hand, as a killed process would.
    std::mem::forget(one);
    tokio::time::sleep(Duration::from_millis(500)).await;
    drop(first);
    let mut second = transport.subscribe("commits", "g").await.unwrap();
    let again = next(&mut second).await;
    assert_eq!(&again.message.payload[..], b"1", "message 1 was committed past while unsettled");
    again.ack().await.unwrap();
}

/// A topic is made with the configured partitions, and a channel's name
/// that a topic cannot have is made one that it can.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a broker: cargo xtask ci runs it"]
async fn channels_become_topics_with_their_partitions() {
    let server = KafkaServer::start();
    let options = KafkaOptions { partitions: 5, ..options() };
    let transport = KafkaTransport::connect(&server.servers, options).await.unwrap();
    transport.publish("orders/{region}/created", Message::new("x")).await.unwrap();
    let consumer: rdkafka::consumer::BaseConsumer =
        rdkafka::ClientConfig::new().set("bootstrap.servers", &server.servers).create().unwrap();
    let metadata = tokio::task::spawn_blocking(move || {
        consumer.fetch_metadata(Some("orders__region__created"), Duration::from_secs(10)).unwrap()
    })
    .await
    .unwrap();
    let topic = &metadata.topics()[0];
    assert_eq!((topic.name(), topic.partitions().len()), ("orders__region__created", 5));
}

/// A spec's bindings name a channel's topic (a template filled from the
/// address) and its partitions; a transport without them reads that topic
/// by its name.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a broker: cargo xtask ci runs it"]
async fn bindings_name_the_topic_and_its_partitions() {
    use specwright_runtime::events::{Bindings, ChannelBindings, Subscriber as _};
    let server = KafkaServer::start();
    let bound =
        ChannelBindings { kafka_topic: Some("bound-{region}".into()), kafka_partitions: Some(5), ..Default::default() };
    let bindings = Bindings::new().channel("orders.{region}.created", bound);
    let transport =
        KafkaTransport::connect(&server.servers, KafkaOptions { bindings, ..options() }).await.expect("connect");
    // The first publish makes the topic; a new group reads it from the start.
    transport.publish("orders.eu.created", Message::new("hello")).await.unwrap();
    let plain = KafkaTransport::connect(&server.servers, options()).await.expect("connect");
    let mut reader = plain.subscribe("bound-eu", "g").await.unwrap();
    assert_eq!(&next(&mut reader).await.message.payload[..], b"hello");

    let consumer: rdkafka::consumer::BaseConsumer =
        rdkafka::ClientConfig::new().set("bootstrap.servers", &server.servers).create().unwrap();
    let metadata = consumer.fetch_metadata(Some("bound-eu"), Duration::from_secs(10)).unwrap();
    assert_eq!(metadata.topics()[0].partitions().len(), 5);
}
