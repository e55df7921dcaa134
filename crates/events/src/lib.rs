//! Events: typed messages published to channels and handled by consumer
//! groups, over a transport that can be swapped by configuration.
//!
//! - [`Message`]: payload bytes and headers, CloudEvents attributes as the
//!   headers' vocabulary ([`attr`]).
//! - [`Publisher`], [`Subscriber`], [`Transport`]: what a broker implements;
//!   [`MemoryTransport`] is the default and needs none.
//! - [`Event`] and [`EventPublisher`]: typed events with their envelope.
//! - [`EventApp`]: handlers per channel and group, with retries, a
//!   dead-letter channel, dedupe, per-key order, timeouts and a graceful stop.
//! - [`Outbox`] (feature `postgres`): events written in the transaction that
//!   makes the change they announce, published after it commits.
//!
//! Part of the Specwright runtime: generated code and users reach it through
//! [`specwright-runtime`](https://docs.rs/specwright-runtime) as
//! `specwright_runtime::events`, with the façade's `events` feature; each
//! transport is a feature of this crate and of the façade, of the same name.
//! The checks every transport passes are in `specwright-testkit`.

#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod address;
#[cfg(feature = "amqp")]
mod amqp;
mod app;
mod bindings;
mod codec;
mod dedupe;
mod event;
#[cfg(feature = "export")]
pub mod export;
mod fields;
#[cfg(feature = "kafka")]
mod kafka;
mod memory;
mod message;
#[cfg(feature = "mqtt")]
mod mqtt;
#[cfg(feature = "nats")]
mod nats;
#[cfg(feature = "postgres")]
mod outbox;
#[cfg(feature = "postgres")]
mod postgres_dedupe;
#[cfg(feature = "redis")]
mod redis_dedupe;
#[cfg(feature = "redis-streams")]
mod redis_streams;
mod request;
mod trace;
mod transport;
#[cfg(feature = "webhooks")]
pub mod webhook;
#[cfg(feature = "websocket")]
pub mod websocket;

pub use address::AddressError;
#[cfg(feature = "amqp")]
pub use amqp::{AmqpOptions, AmqpTransport};
pub use app::{Context, EventApp, HandlerError, HandlerService, Running, Settings};
pub use bindings::{Bindings, ChannelBindings};
pub use codec::{Codec, CodecError, Json};
pub use dedupe::{Claim, DedupeStore, MemoryDedupe, StoreError};
pub use event::{Event, EventPublisher, PublishError};
pub use fields::{read_headers, write_headers, Place};
#[cfg(feature = "kafka")]
pub use kafka::{KafkaOptions, KafkaTransport};
pub use memory::MemoryTransport;
pub use message::{attr, Headers, Message};
#[cfg(feature = "mqtt")]
pub use mqtt::{MqttOptions, MqttTransport, MqttVersion};
#[cfg(feature = "nats")]
pub use nats::{NatsOptions, NatsTransport};
#[cfg(feature = "postgres")]
pub use outbox::{Outbox, OutboxError, OutboxRelay};
#[cfg(feature = "postgres")]
pub use postgres_dedupe::PostgresDedupe;
#[cfg(feature = "redis")]
pub use redis_dedupe::RedisDedupe;
#[cfg(feature = "redis-streams")]
pub use redis_streams::{RedisStreamsOptions, RedisStreamsTransport};
pub use request::{ReplyTo, RequestError, Requester, REPLY_TO};
/// `#[derive(Event)]`: see the derive's documentation in `specwright-derive`.
/// It writes paths under `specwright_runtime::events`, so it works in crates
/// that depend on the façade, `specwright-runtime`.
pub use specwright_derive::Event;
pub use trace::TraceParent;
pub use transport::{
    BoxFuture, Capabilities, Delivery, Publisher, Settle, Subscriber, Subscription, Transport, TransportError,
};
