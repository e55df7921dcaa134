//! The WebSocket transport passes the conformance suite on both sides: a
//! client connected to a hub served on loopback, and the hub itself; the
//! client connects again after the server restarts; and the protocol is
//! plain enough for a browser to speak it.

use std::sync::Arc;
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use specwright_runtime::events::conformance::WebSocketServer;
use specwright_runtime::events::websocket::{WebSocketHub, WebSocketOptions, WebSocketTransport};
use specwright_runtime::events::{Message, Publisher as _, Subscriber as _, Transport};
use tokio_tungstenite::tungstenite::Message as Ws;

async fn client() -> (Arc<dyn Transport>, WebSocketServer) {
    let server = WebSocketServer::start(WebSocketHub::default());
    let transport = WebSocketTransport::connect(&server.url, WebSocketOptions::default()).await.expect("connect");
    (Arc::new(transport), server)
}

specwright_runtime::conformance_tests!(async client());

mod hub {
    use super::*;

    specwright_runtime::conformance_tests!(Arc::new(WebSocketHub::default()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reconnects_after_restart() {
    let (transport, mut server) = client().await;
    specwright_runtime::events::conformance::reconnects_after_restart(transport, || server.restart()).await;
}

async fn next(subscription: &mut specwright_runtime::events::Subscription) -> specwright_runtime::events::Delivery {
    tokio::time::timeout(Duration::from_secs(10), subscription.next()).await.unwrap().unwrap().unwrap()
}

/// What a member held when its client went away goes to another member.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_gone_clients_deliveries_go_to_another_member() {
    let server = WebSocketServer::start(WebSocketHub::default());
    let going = WebSocketTransport::connect(&server.url, WebSocketOptions::default()).await.unwrap();
    let staying = WebSocketTransport::connect(&server.url, WebSocketOptions::default()).await.unwrap();
    let mut held = going.subscribe("work", "g").await.unwrap();
    staying.publish("work", Message::new("7")).await.unwrap();
    let taken = next(&mut held).await;
    let mut other = staying.subscribe("work", "g").await.unwrap();
    // The client's process ends with the delivery in hand.
    std::mem::forget(taken);
    drop(held);
    drop(going);
    let again = next(&mut other).await;
    assert_eq!((&again.message.payload[..], again.attempt), (&b"7"[..], 2));
    again.ack().await.unwrap();
}

/// A publish to a channel no group has joined is refused, not dropped.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_publish_nobody_would_get_is_refused() {
    let (transport, _server) = client().await;
    let refused = transport.publish("nobody.listens", Message::new("x")).await.unwrap_err();
    assert!(refused.to_string().contains("no group has joined"), "{refused}");
}

/// A client with nothing but a WebSocket and JSON, as in a browser.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_browser_speaks_the_protocol_in_json() {
    let server = WebSocketServer::start(WebSocketHub::default());
    let (mut socket, _) = tokio_tungstenite::connect_async(server.url.as_str()).await.unwrap();
    let mut say = async |text: &str| socket.send(Ws::Text(text.into())).await.unwrap();
    say(r#"{"op":"subscribe","seq":1,"channel":"prices","group":"tab"}"#).await;
    say(r#"{"op":"publish","seq":2,"channel":"prices","headers":[["type","Tick"]],"payload":{"text":"{\"p\":42}"}}"#)
        .await;
    let mut frames = Vec::new();
    while frames.len() < 3 {
        let Some(Ok(Ws::Text(text))) = socket.next().await else { panic!("the hub hung up") };
        frames.push(serde_json::from_str::<serde_json::Value>(&text).unwrap());
    }
    let deliver = frames.iter().find(|f| f["op"] == "deliver").expect("a delivery");
    assert_eq!(deliver["payload"]["text"], r#"{"p":42}"#);
    assert_eq!(deliver["headers"][0], serde_json::json!(["type", "Tick"]));
    assert_eq!(frames.iter().filter(|f| f["op"] == "done").count(), 2, "{frames:?}");
    let ack = serde_json::json!({"op": "ack", "tag": deliver["tag"]}).to_string();
    socket.send(Ws::Text(ack.into())).await.unwrap();
    // Settled: nothing comes again.
    let quiet = tokio::time::timeout(Duration::from_millis(300), socket.next()).await;
    assert!(quiet.is_err(), "{quiet:?}");
}
