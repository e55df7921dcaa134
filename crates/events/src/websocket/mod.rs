//! WebSocket as a transport, both sides. A [`WebSocketHub`] is the server:
//! an axum route that holds, per channel, a queue per consumer group, and
//! hands each message to one member of each group, one frame at a time,
//! until it is settled. A [`WebSocketTransport`] is the client: it
//! connects to a hub, publishes and subscribes through it, and connects
//! again with backoff when the connection is lost, resending what the hub
//! had not confirmed and subscribing again. The hub is a transport too, for
//! the server's own publishers and handlers.
//!
//! What a member held when its connection ended goes back to its group's
//! queue, to be handed out again. The queues live in the hub's memory:
//! they survive connections coming and going, not the hub's process.
//!
//! Serve the hub's route with Nagle's algorithm off (`TCP_NODELAY`, as
//! `axum::serve::ListenerExt::tap_io` sets it): frames are small and go
//! both ways, and each would otherwise wait on the peer's delayed
//! acknowledgement of the one before (93 events a second through the
//! router instead of thousands, measured).
//!
//! Frames are JSON text, one object each, told apart by `op`; a payload is
//! `{"text": ...}` when it is UTF-8 and `{"base64": ...}` otherwise, so a
//! browser can take part with nothing but `JSON.parse`.

mod client;
mod hub;

use base64::Engine as _;
use serde::{Deserialize, Serialize};

pub use client::{WebSocketOptions, WebSocketTransport};
pub use hub::{HubOptions, WebSocketHub};

use super::{Headers, Message};

/// One frame of the protocol. `seq` numbers a client's requests (a
/// subscription keeps the number of the request that made it); `tag`
/// numbers the hub's deliveries.
#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
enum Frame {
    /// Client: put a message on a channel. Answered `done` once every
    /// group of the channel has it queued, or `failed`.
    Publish { seq: u64, channel: String, headers: Vec<(String, String)>, payload: Payload },
    /// Client: join a channel's group. Answered `done` or `failed`.
    Subscribe { seq: u64, channel: String, group: String },
    /// Client: leave the group the subscription `seq` joined.
    Unsubscribe { seq: u64 },
    /// Hub: the request `seq` is carried out.
    Done { seq: u64 },
    /// Hub: the request `seq` was refused.
    Failed { seq: u64, reason: String },
    /// Hub: a message for the subscription `seq`, to be settled by its tag.
    Deliver { seq: u64, tag: u64, attempt: u32, headers: Vec<(String, String)>, payload: Payload },
    /// Client: handled.
    Ack { tag: u64 },
    /// Client: hand it out again after `delay_ms`.
    Nack { tag: u64, delay_ms: u64 },
    /// Client: never to be handed out again.
    Reject { tag: u64 },
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Payload {
    Text(String),
    Base64(String),
}

impl Frame {
    fn to_text(&self) -> String {
        serde_json::to_string(self).expect("a frame is always JSON")
    }
}

fn to_wire(message: &Message) -> (Vec<(String, String)>, Payload) {
    let headers = message.headers.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect();
    let payload = match std::str::from_utf8(&message.payload) {
        Ok(text) => Payload::Text(text.to_string()),
        Err(_) => Payload::Base64(base64::engine::general_purpose::STANDARD.encode(&message.payload)),
    };
    (headers, payload)
}

fn from_wire(headers: Vec<(String, String)>, payload: Payload) -> Result<Message, String> {
    let payload: bytes::Bytes = match payload {
        Payload::Text(text) => text.into_bytes().into(),
        Payload::Base64(data) => base64::engine::general_purpose::STANDARD
            .decode(data)
            .map_err(|e| format!("the payload is not base64: {e}"))?
            .into(),
    };
    let mut message = Message::new(payload);
    message.headers = Headers::with_capacity(headers.len());
    for (name, value) in &headers {
        message.headers.insert_copied(name, value);
    }
    Ok(message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_travel_as_text_when_they_can_and_base64_when_not() {
        for payload in [&b"{\"n\":1}"[..], &[0xff, 0x00, 0x80][..]] {
            let message = Message::new(payload.to_vec()).with_header("id", "e-1");
            let (headers, wire) = to_wire(&message);
            let text = Frame::Publish { seq: 1, channel: "c".into(), headers, payload: wire }.to_text();
            assert_eq!(text.contains("\"text\""), payload[0] == b'{', "{text}");
            let Frame::Publish { headers, payload: wire, .. } = serde_json::from_str(&text).unwrap() else { panic!() };
            let back = from_wire(headers, wire).unwrap();
            assert_eq!((&back.payload[..], back.id()), (payload, Some("e-1")));
        }
    }

    #[test]
    fn a_frame_reads_as_a_browser_would_write_it() {
        let text = r#"{"op":"publish","seq":3,"channel":"prices","headers":[["type","Tick"]],"payload":{"text":"42"}}"#;
        let Frame::Publish { seq, channel, headers, payload } = serde_json::from_str(text).unwrap() else { panic!() };
        let message = from_wire(headers, payload).unwrap();
        assert_eq!(
            (seq, channel.as_str(), &message.payload[..], message.event_type()),
            (3, "prices", &b"42"[..], Some("Tick"))
        );
    }
}
