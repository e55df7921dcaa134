//! MQTT, 5 and 3.1.1, passes the conformance suite against the shared
//! Mosquitto on 127.0.0.1:1883, and keeps what it had through a restart of
//! a Mosquitto the test starts for itself.

use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt;
use specwright_runtime::events::conformance::MosquittoServer;
use specwright_runtime::events::{
    Message, MqttOptions, MqttTransport, MqttVersion, Publisher as _, Subscriber as _, Transport,
};

async fn shared() -> Arc<dyn Transport> {
    shared_with(MqttVersion::V5).await
}

async fn shared_with(version: MqttVersion) -> Arc<dyn Transport> {
    let transport = MqttTransport::connect("127.0.0.1", 1883, MqttOptions { version, ..MqttOptions::default() })
        .await
        .unwrap_or_else(|e| panic!("these tests need Mosquitto on 127.0.0.1:1883: {e}"));
    Arc::new(transport)
}

specwright_runtime::conformance_tests!(
    #[ignore = "needs a broker: cargo xtask ci runs it"]
    shared().await
);

async fn own() -> (Arc<dyn Transport>, MosquittoServer) {
    let server = MosquittoServer::start();
    let transport = MqttTransport::connect(&server.host, server.port, MqttOptions::default()).await.unwrap();
    (Arc::new(transport), server)
}

/// MQTT 3.1.1: the same suite, with messages as CloudEvents structured-mode
/// JSON. Not the restart check: while no member of a group is connected,
/// Mosquitto drops what is published to the group's shared subscription,
/// and a 3.1.1 PUBACK cannot tell the publisher so (MQTT 5's says "no
/// matching subscribers", and the publisher tries again).
mod v311 {
    use super::*;

    specwright_runtime::conformance_tests!(
        #[ignore = "needs a broker: cargo xtask ci runs it"]
        shared_with(MqttVersion::V311).await
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a broker: cargo xtask ci runs it"]
async fn reconnects_after_restart() {
    let (transport, mut server) = own().await;
    specwright_runtime::events::conformance::reconnects_after_restart(transport, || server.restart()).await;
}

/// Delivered and not acknowledged when the broker went down: the broker
/// kept it in the member's session and sends it again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a broker: cargo xtask ci runs it"]
async fn an_unacknowledged_delivery_survives_a_restart() {
    let (transport, mut server) = own().await;
    let mut sub = transport.subscribe("kept", "g").await.unwrap();
    transport.publish("kept", Message::new("5")).await.unwrap();
    let first = tokio::time::timeout(Duration::from_secs(10), sub.next()).await.unwrap().unwrap().unwrap();
    server.restart();
    // Its ack now goes nowhere: the connection it came on is gone.
    first.ack().await.unwrap();
    loop {
        match tokio::time::timeout(Duration::from_secs(30), sub.next()).await.expect("delivered again").unwrap() {
            Ok(again) => {
                assert_eq!((&again.message.payload[..], again.attempt), (&b"5"[..], 2));
                again.ack().await.unwrap();
                break;
            }
            Err(_) => continue,
        }
    }
}

/// A publish no subscriber would get is an error, not a silent drop.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a broker: cargo xtask ci runs it"]
async fn a_publish_nobody_would_get_is_refused() {
    let transport = shared().await;
    let channel = format!("nobody.{}", uuid::Uuid::new_v4().simple());
    let refused = transport.publish(&channel, Message::new("x")).await.unwrap_err();
    assert!(refused.to_string().contains("NoMatchingSubscribers"), "{refused}");
}

/// With `retain`, the broker keeps a topic's last message for subscribers
/// to come: a plain (not shared) subscriber that joins after the publish
/// gets it, flagged as retained. Shared subscriptions, which groups are,
/// never get retained messages: MQTT 5 says so. A spec's binding sets it
/// per channel, over the option.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a broker: cargo xtask ci runs it"]
async fn a_retained_message_reaches_a_later_subscriber() {
    use specwright_runtime::events::{Bindings, ChannelBindings};
    let server = MosquittoServer::start();
    let options = MqttOptions { retain: true, ..MqttOptions::default() };
    assert!(publish_then_join(&server, options, "lamps/7/state").await);

    let retained = ChannelBindings { mqtt_retain: Some(true), ..Default::default() };
    let bindings = Bindings::new().channel("lamps/{id}/level", retained);
    let options = MqttOptions { bindings, ..MqttOptions::default() };
    assert!(publish_then_join(&server, options.clone(), "lamps/8/level").await, "retained by the binding");
    assert!(!publish_then_join(&server, options, "lamps/8/colour").await, "not bound, not retained");
}

/// Publishes "on" to `topic`, then subscribes a plain client: whether it
/// got the message, flagged as retained.
async fn publish_then_join(server: &MosquittoServer, options: MqttOptions, topic: &str) -> bool {
    use rumqttc::v5::mqttbytes::v5::Packet;
    use rumqttc::v5::{AsyncClient, Event};

    let transport = MqttTransport::connect(&server.host, server.port, options).await.unwrap();
    // MQTT 5 refuses a publish no subscription matches: one group is there, then leaves.
    let group = transport.subscribe(topic, "g").await.unwrap();
    transport.publish(topic, Message::new("on")).await.unwrap();
    drop(group);

    let id = format!("later-{}", topic.replace('/', "-"));
    let (client, mut events) = AsyncClient::new(rumqttc::v5::MqttOptions::new(id, &server.host, server.port), 10);
    client.subscribe(topic, rumqttc::v5::mqttbytes::QoS::AtLeastOnce).await.unwrap();
    let retained = tokio::time::timeout(Duration::from_secs(3), async {
        loop {
            if let Ok(Event::Incoming(Packet::Publish(publish))) = events.poll().await {
                return publish;
            }
        }
    })
    .await;
    match retained {
        Ok(publish) => {
            assert!(publish.retain, "flagged as retained");
            assert_eq!(&publish.payload[..], b"on");
            true
        }
        Err(_) => false,
    }
}
