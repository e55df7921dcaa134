//! MQTT 5 and 3.1.1 behind one face: rumqttc has a client per version,
//! and the transport needs the same few things of both.
//!
//! Headers travel as user properties in MQTT 5. MQTT 3.1.1 has no
//! properties, so there a message is a CloudEvents structured-mode JSON
//! object (the CloudEvents MQTT binding's mode for 3.1.1): each header a
//! member, the payload as `data` when it is JSON and as `data_base64`
//! otherwise.

use std::collections::BTreeMap;

use base64::Engine as _;
use bytes::Bytes;
use rumqttc::v5::mqttbytes::v5 as v5_packets;
use rumqttc::v5::mqttbytes::QoS as V5QoS;
use serde_json::value::RawValue;

use super::MqttOptions;
use crate::{Headers, Message};

/// Which MQTT the broker is spoken to in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MqttVersion {
    /// Headers as user properties; a publish nobody subscribes to is refused.
    #[default]
    V5,
    /// Messages as CloudEvents structured-mode JSON; the broker does not
    /// say whether anybody subscribes.
    V311,
}

#[derive(Clone)]
pub(super) enum Client {
    V5(rumqttc::v5::AsyncClient),
    V311(rumqttc::AsyncClient),
}

pub(super) enum Events {
    V5(Box<rumqttc::v5::EventLoop>),
    V311(Box<rumqttc::EventLoop>),
}

/// A message the broker sent, kept to be acknowledged.
pub(super) enum Incoming {
    V5(v5_packets::Publish),
    V311(rumqttc::Publish),
}

/// What a poll of the connection brought.
pub(super) enum Happened {
    ConnAck {
        session_present: bool,
    },
    SubAck {
        refused: Option<String>,
    },
    Publish(Incoming),
    PubAck {
        pkid: u16,
        refused: Option<String>,
    },
    /// A publish went out under this packet id.
    Sent(u16),
    Disconnected,
    Other,
}

/// A new client and its connection, not yet connected.
pub(super) fn client(id: &str, host: &str, port: u16, options: &MqttOptions) -> (Client, Events) {
    match options.version {
        MqttVersion::V5 => {
            let mut mqtt = rumqttc::v5::MqttOptions::new(id, host, port);
            mqtt.set_clean_start(false)
                .set_keep_alive(options.keep_alive)
                .set_manual_acks(true)
                .set_max_packet_size(Some(options.max_packet_bytes))
                .set_receive_maximum(Some(options.in_flight.max(1)))
                .set_session_expiry_interval(Some(options.session_expiry.as_secs() as u32));
            if let Some((user, password)) = &options.credentials {
                mqtt.set_credentials(user, password);
            }
            let (client, events) = rumqttc::v5::AsyncClient::new(mqtt, 64);
            (Client::V5(client), Events::V5(Box::new(events)))
        }
        MqttVersion::V311 => {
            let mut mqtt = rumqttc::MqttOptions::new(id, host, port);
            let max = options.max_packet_bytes as usize;
            mqtt.set_clean_session(false)
                .set_keep_alive(options.keep_alive)
                .set_manual_acks(true)
                .set_max_packet_size(max, max)
                .set_inflight(options.in_flight.max(1));
            if let Some((user, password)) = &options.credentials {
                mqtt.set_credentials(user, password);
            }
            let (client, events) = rumqttc::AsyncClient::new(mqtt, 64);
            (Client::V311(client), Events::V311(Box::new(events)))
        }
    }
}

impl Events {
    pub(super) async fn poll(&mut self) -> Result<Happened, String> {
        use rumqttc::Outgoing;
        Ok(match self {
            Events::V5(events) => {
                use rumqttc::v5::Event;
                use v5_packets::{Packet, PubAckReason, SubscribeReasonCode};
                match events.poll().await.map_err(|e| e.to_string())? {
                    Event::Incoming(Packet::ConnAck(ack)) => Happened::ConnAck { session_present: ack.session_present },
                    Event::Incoming(Packet::SubAck(ack)) => Happened::SubAck {
                        refused: ack
                            .return_codes
                            .iter()
                            .find(|code| !matches!(code, SubscribeReasonCode::Success(_)))
                            .map(|code| format!("{code:?}")),
                    },
                    Event::Incoming(Packet::Publish(publish)) => Happened::Publish(Incoming::V5(publish)),
                    Event::Incoming(Packet::PubAck(ack)) => Happened::PubAck {
                        pkid: ack.pkid,
                        refused: (ack.reason != PubAckReason::Success).then(|| format!("{:?}", ack.reason)),
                    },
                    Event::Outgoing(Outgoing::Publish(pkid)) => Happened::Sent(pkid),
                    Event::Outgoing(Outgoing::Disconnect) => Happened::Disconnected,
                    _ => Happened::Other,
                }
            }
            Events::V311(events) => {
                use rumqttc::{Event, Packet, SubscribeReasonCode};
                match events.poll().await.map_err(|e| e.to_string())? {
                    Event::Incoming(Packet::ConnAck(ack)) => Happened::ConnAck { session_present: ack.session_present },
                    Event::Incoming(Packet::SubAck(ack)) => Happened::SubAck {
                        refused: ack
                            .return_codes
                            .iter()
                            .find(|code| !matches!(code, SubscribeReasonCode::Success(_)))
                            .map(|code| format!("{code:?}")),
                    },
                    Event::Incoming(Packet::Publish(publish)) => Happened::Publish(Incoming::V311(publish)),
                    Event::Incoming(Packet::PubAck(ack)) => Happened::PubAck { pkid: ack.pkid, refused: None },
                    Event::Outgoing(Outgoing::Publish(pkid)) => Happened::Sent(pkid),
                    Event::Outgoing(Outgoing::Disconnect) => Happened::Disconnected,
                    _ => Happened::Other,
                }
            }
        })
    }
}

impl Client {
    /// Hands a QoS 1 publish to the client, which sends it in turn.
    pub(super) async fn publish(&self, topic: String, message: Message, retain: bool) -> Result<(), String> {
        match self {
            Client::V5(client) => {
                let properties = v5_packets::PublishProperties {
                    user_properties: message.headers.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect(),
                    ..v5_packets::PublishProperties::default()
                };
                client
                    .publish_with_properties(topic, V5QoS::AtLeastOnce, retain, message.payload, properties)
                    .await
                    .map_err(|e| e.to_string())
            }
            Client::V311(client) => client
                .publish(topic, rumqttc::QoS::AtLeastOnce, retain, structured(&message))
                .await
                .map_err(|e| e.to_string()),
        }
    }

    pub(super) async fn subscribe(&self, filter: String) -> Result<(), String> {
        match self {
            Client::V5(client) => client.subscribe(filter, V5QoS::AtLeastOnce).await.map_err(|e| e.to_string()),
            Client::V311(client) => {
                client.subscribe(filter, rumqttc::QoS::AtLeastOnce).await.map_err(|e| e.to_string())
            }
        }
    }

    pub(super) async fn leave(&self, filter: String) {
        let sent = match self {
            Client::V5(client) => {
                [client.unsubscribe(filter).await, client.disconnect().await].map(|r| r.map_err(|e| e.to_string()))
            }
            Client::V311(client) => {
                [client.unsubscribe(filter).await, client.disconnect().await].map(|r| r.map_err(|e| e.to_string()))
            }
        };
        for error in sent.into_iter().filter_map(Result::err) {
            // Leaving goes on: the broker ends a session whose connection is gone.
            tracing::debug!(%error, "MQTT unsubscribe or disconnect not sent");
        }
    }

    /// Acknowledges (PUBACK) a message this client's connection received.
    pub(super) async fn ack(&self, incoming: &Incoming) {
        let acked = match (self, incoming) {
            (Client::V5(client), Incoming::V5(publish)) => client.ack(publish).await.map_err(|e| e.to_string()),
            (Client::V311(client), Incoming::V311(publish)) => client.ack(publish).await.map_err(|e| e.to_string()),
            _ => Ok(()),
        };
        if let Err(error) = acked {
            tracing::warn!(%error, "MQTT acknowledgement not sent: the broker will deliver the message again");
        }
    }
}

impl Incoming {
    /// Sent before, to this session: the broker sends it again.
    pub(super) fn dup(&self) -> bool {
        match self {
            Incoming::V5(publish) => publish.dup,
            Incoming::V311(publish) => publish.dup,
        }
    }

    /// The message; in 3.1.1, one that is not a structured-mode event
    /// (from a publisher that is not this transport) is its payload alone,
    /// which the router dead-letters if it cannot read it.
    pub(super) fn message(&self) -> Message {
        match self {
            Incoming::V5(publish) => {
                let mut message = Message::new(publish.payload.clone());
                if let Some(properties) = &publish.properties {
                    message.headers = Headers::with_capacity(properties.user_properties.len());
                    for (name, value) in &properties.user_properties {
                        message.headers.insert_copied(name, value);
                    }
                }
                message
            }
            Incoming::V311(publish) => {
                from_structured(&publish.payload).unwrap_or_else(|_| Message::new(publish.payload.clone()))
            }
        }
    }
}

/// The CloudEvents structured-mode JSON of a message.
fn structured(message: &Message) -> Bytes {
    let mut out = String::with_capacity(message.payload.len() + 64 * message.headers.len() + 16);
    out.push('{');
    for (name, value) in message.headers.iter() {
        if matches!(name, "data" | "data_base64") {
            continue;
        }
        out.push_str(&serde_json::to_string(name).expect("a string is JSON"));
        out.push(':');
        out.push_str(&serde_json::to_string(value).expect("a string is JSON"));
        out.push(',');
    }
    let is_json = serde_json::from_slice::<serde::de::IgnoredAny>(&message.payload).is_ok();
    match std::str::from_utf8(&message.payload) {
        Ok(json) if is_json => {
            out.push_str("\"data\":");
            out.push_str(json);
        }
        _ => {
            out.push_str("\"data_base64\":\"");
            base64::engine::general_purpose::STANDARD.encode_string(&message.payload, &mut out);
            out.push('"');
        }
    }
    out.push('}');
    out.into()
}

fn from_structured(bytes: &[u8]) -> Result<Message, String> {
    let members: BTreeMap<String, &RawValue> =
        serde_json::from_slice(bytes).map_err(|e| format!("not a structured-mode CloudEvent: {e}"))?;
    let mut message = Message::default();
    let mut headers = Headers::with_capacity(members.len());
    for (name, raw) in &members {
        match name.as_str() {
            "data" => message.payload = Bytes::copy_from_slice(raw.get().as_bytes()),
            "data_base64" => {
                let text: String = serde_json::from_str(raw.get()).map_err(|e| format!("`data_base64`: {e}"))?;
                let data = base64::engine::general_purpose::STANDARD
                    .decode(text)
                    .map_err(|e| format!("`data_base64` is not base64: {e}"))?;
                message.payload = data.into();
            }
            _ => match serde_json::from_str::<String>(raw.get()) {
                Ok(text) => headers.insert_copied(name, &text),
                // An attribute that is not a string (a number, say) keeps its JSON text.
                Err(_) => headers.insert_copied(name, raw.get()),
            },
        }
    }
    message.headers = headers;
    Ok(message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structured_mode_keeps_headers_and_payload_as_they_were() {
        for payload in [&br#"{"order": 1, "lines": [2, 3]}"#[..], b"7", &[0xff, 0x00, 0x2c][..], b"not json"] {
            let message =
                Message::new(payload.to_vec()).with_header("id", "e-1").with_header("x-note", "Grüße, \"世界\"");
            let text = structured(&message);
            let back = from_structured(&text).unwrap();
            assert_eq!(&back.payload[..], payload, "{}", String::from_utf8_lossy(&text));
            assert_eq!((back.id(), back.headers.get("x-note")), (Some("e-1"), Some("Grüße, \"世界\"")));
        }
    }

    #[test]
    fn a_structured_event_from_elsewhere_reads() {
        let text = br#"{"specversion":"1.0","type":"Tick","id":"1","source":"/x","data":{"p":42},"seq":3}"#;
        let message = from_structured(text).unwrap();
        assert_eq!((&message.payload[..], message.event_type()), (&br#"{"p":42}"#[..], Some("Tick")));
        assert_eq!(message.headers.get("seq"), Some("3"));
    }
}
