//! The client side: one connection to a hub, owned by a task that writes
//! the requests, reads the answers and deliveries, and connects again when
//! the connection is lost.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use tokio::net::TcpStream;
use tokio::sync::{mpsc, oneshot};
use tokio_tungstenite::tungstenite::Message as Ws;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

use super::{from_wire, to_wire, Frame};
use crate::app::backoff;
use crate::transport::{
    receiving, BoxFuture, Capabilities, Delivery, Publisher, Settle, Subscriber, Subscription, Transport,
};
use crate::{Message, TransportError};

/// How long to wait for a hub, and between tries to reach it.
#[derive(Clone, Debug)]
pub struct WebSocketOptions {
    /// How long a publish or a subscribe waits for the hub's answer,
    /// reconnections included.
    pub timeout: Duration,
    /// The first wait before connecting again; it doubles on each failure.
    pub min_backoff: Duration,
    /// The longest wait between tries.
    pub max_backoff: Duration,
}

impl Default for WebSocketOptions {
    fn default() -> WebSocketOptions {
        WebSocketOptions {
            timeout: Duration::from_secs(30),
            min_backoff: Duration::from_millis(50),
            max_backoff: Duration::from_secs(5),
        }
    }
}

/// A client of a [`WebSocketHub`](super::WebSocketHub). Clones share the connection.
#[derive(Clone)]
pub struct WebSocketTransport {
    commands: mpsc::UnboundedSender<Command>,
    next_seq: Arc<AtomicU64>,
    timeout: Duration,
}

type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;
type Deliveries = mpsc::UnboundedSender<Result<Delivery, TransportError>>;
type Reply = oneshot::Sender<Result<(), TransportError>>;

enum Command {
    Publish {
        seq: u64,
        channel: String,
        message: Message,
        reply: Reply,
    },
    Subscribe {
        seq: u64,
        channel: String,
        group: String,
        deliveries: Deliveries,
        reply: Reply,
    },
    Unsubscribe {
        seq: u64,
    },
    /// A settling, for the connection (`epoch`) its delivery came on.
    Settle {
        epoch: u64,
        frame: Frame,
    },
}

impl WebSocketTransport {
    /// Connects to the hub at `url` (such as `ws://127.0.0.1:8080/events`).
    /// The first connection must succeed; later ones are retried.
    pub async fn connect(url: &str, options: WebSocketOptions) -> Result<WebSocketTransport, TransportError> {
        let socket = connect(url).await.map_err(|e| TransportError::Connection(format!("{url}: {e}")))?;
        let (commands, received) = mpsc::unbounded_channel();
        let session = Session {
            url: url.into(),
            options: options.clone(),
            commands: commands.downgrade(),
            publishes: BTreeMap::new(),
            subscriptions: BTreeMap::new(),
            epoch: 0,
        };
        tokio::spawn(session.run(socket, received));
        Ok(WebSocketTransport { commands, next_seq: Arc::new(AtomicU64::new(1)), timeout: options.timeout })
    }

    fn seq(&self) -> u64 {
        self.next_seq.fetch_add(1, Ordering::Relaxed)
    }

    /// Sends a request and waits for the hub's answer.
    async fn ask(
        &self,
        command: Command,
        answer: oneshot::Receiver<Result<(), TransportError>>,
    ) -> Result<(), TransportError> {
        self.commands.send(command).map_err(|_| TransportError::Closed)?;
        match tokio::time::timeout(self.timeout, answer).await {
            Ok(Ok(answer)) => answer,
            Ok(Err(_)) => Err(TransportError::Closed),
            Err(_) => Err(TransportError::Connection(format!("the hub did not answer within {:?}", self.timeout))),
        }
    }
}

impl Publisher for WebSocketTransport {
    fn publish<'a>(&'a self, channel: &'a str, message: Message) -> BoxFuture<'a, Result<(), TransportError>> {
        Box::pin(async move {
            let (reply, answer) = oneshot::channel();
            let command = Command::Publish { seq: self.seq(), channel: channel.into(), message, reply };
            self.ask(command, answer).await
        })
    }
}

impl Subscriber for WebSocketTransport {
    fn subscribe<'a>(
        &'a self,
        channel: &'a str,
        group: &'a str,
    ) -> BoxFuture<'a, Result<Subscription, TransportError>> {
        Box::pin(async move {
            let (reply, answer) = oneshot::channel();
            let (deliveries, received) = mpsc::unbounded_channel();
            let seq = self.seq();
            let command = Command::Subscribe { seq, channel: channel.into(), group: group.into(), deliveries, reply };
            self.ask(command, answer).await?;
            Ok(receiving(received, Unsubscribing { commands: self.commands.clone(), seq }))
        })
    }
}

impl Transport for WebSocketTransport {
    fn capabilities(&self) -> Capabilities {
        Capabilities { ordering_per_key: false, durable: false, native_dedupe: false, delayed_redelivery: true }
    }
}

/// Leaves the group when the subscription is dropped.
struct Unsubscribing {
    commands: mpsc::UnboundedSender<Command>,
    seq: u64,
}

impl Drop for Unsubscribing {
    fn drop(&mut self) {
        // The connection's task is gone, and the subscription with it.
        if self.commands.send(Command::Unsubscribe { seq: self.seq }).is_err() {
            tracing::debug!(seq = self.seq, "unsubscribed after the WebSocket connection ended");
        }
    }
}

/// What the connection's task keeps across connections.
struct Session {
    url: String,
    options: WebSocketOptions,
    /// For the settle handles of deliveries; weak, so the task ends once
    /// the transport and all it handed out are gone.
    commands: mpsc::WeakUnboundedSender<Command>,
    /// Sent and not yet answered: sent again on the next connection.
    publishes: BTreeMap<u64, (String, Message, Reply)>,
    subscriptions: BTreeMap<u64, Subscribed>,
    /// Which connection this is; a settling for an earlier one is
    /// dropped, as the hub put back what that connection's members held.
    epoch: u64,
}

struct Subscribed {
    channel: String,
    group: String,
    deliveries: Deliveries,
    /// Until the hub's first answer.
    reply: Option<Reply>,
}

/// Why a connection's loop ended.
enum Ended {
    Lost,
    Unused,
}

impl Session {
    async fn run(mut self, mut socket: Socket, mut commands: mpsc::UnboundedReceiver<Command>) {
        let mut waits = None;
        loop {
            self.epoch += 1;
            let ended = match self.resume(&mut socket).await {
                Ok(()) => self.serve(&mut socket, &mut commands).await,
                Err(e) => {
                    tracing::warn!(url = %self.url, error = %e, "resuming the WebSocket session failed");
                    Ended::Lost
                }
            };
            if let Ended::Unused = ended {
                if let Err(e) = socket.close(None).await {
                    tracing::debug!(url = %self.url, error = %e, "the unused WebSocket did not close cleanly");
                }
                return;
            }
            socket = loop {
                let wait = waits
                    .get_or_insert_with(|| backoff(self.options.min_backoff, self.options.max_backoff))
                    .next()
                    .unwrap_or(self.options.max_backoff);
                tokio::time::sleep(wait).await;
                if commands.is_closed() {
                    return;
                }
                match connect(&self.url).await {
                    Ok(socket) => break socket,
                    Err(e) => tracing::debug!(url = %self.url, error = %e, "the hub is still away"),
                }
            };
            waits = None;
            tracing::info!(url = %self.url, "connected to the hub again");
        }
    }

    /// On a new connection: subscribe again, and send again what was not answered.
    async fn resume(&mut self, socket: &mut Socket) -> Result<(), tokio_tungstenite::tungstenite::Error> {
        self.publishes.retain(|_, (_, _, reply)| !reply.is_closed());
        for (seq, sub) in &self.subscriptions {
            let frame = Frame::Subscribe { seq: *seq, channel: sub.channel.clone(), group: sub.group.clone() };
            socket.feed(Ws::Text(frame.to_text().into())).await?;
        }
        for (seq, (channel, message, _)) in &self.publishes {
            socket.feed(Ws::Text(publish_frame(*seq, channel, message).into())).await?;
        }
        socket.flush().await
    }

    async fn serve(&mut self, socket: &mut Socket, commands: &mut mpsc::UnboundedReceiver<Command>) -> Ended {
        loop {
            let written = tokio::select! {
                command = commands.recv() => match command {
                    Some(command) => match self.command(command) {
                        Some(text) => socket.send(Ws::Text(text.into())).await,
                        None => Ok(()),
                    },
                    None => return Ended::Unused,
                },
                incoming = socket.next() => match incoming {
                    Some(Ok(Ws::Text(text))) => {
                        self.answer(&text);
                        Ok(())
                    }
                    Some(Ok(_)) => Ok(()),
                    Some(Err(e)) => {
                        tracing::warn!(url = %self.url, error = %e, "lost the hub");
                        return Ended::Lost;
                    }
                    None => return Ended::Lost,
                },
            };
            if written.is_err() {
                return Ended::Lost;
            }
        }
    }

    /// Takes a command in; what to write for it, if anything.
    fn command(&mut self, command: Command) -> Option<String> {
        match command {
            Command::Publish { seq, channel, message, reply } => {
                let text = publish_frame(seq, &channel, &message);
                self.publishes.insert(seq, (channel, message, reply));
                Some(text)
            }
            Command::Subscribe { seq, channel, group, deliveries, reply } => {
                let text = Frame::Subscribe { seq, channel: channel.clone(), group: group.clone() }.to_text();
                self.subscriptions.insert(seq, Subscribed { channel, group, deliveries, reply: Some(reply) });
                Some(text)
            }
            Command::Unsubscribe { seq } => {
                self.subscriptions.remove(&seq);
                Some(Frame::Unsubscribe { seq }.to_text())
            }
            Command::Settle { epoch, frame } => (epoch == self.epoch).then(|| frame.to_text()),
        }
    }

    fn answer(&mut self, text: &str) {
        let frame = match serde_json::from_str::<Frame>(text) {
            Ok(frame) => frame,
            Err(e) => return tracing::warn!(url = %self.url, error = %e, "the hub sent what is not a frame"),
        };
        match frame {
            Frame::Done { seq } => {
                let reply = match self.publishes.remove(&seq) {
                    Some((_, _, reply)) => Some(reply),
                    None => self.subscriptions.get_mut(&seq).and_then(|s| s.reply.take()),
                };
                if reply.is_some_and(|reply| reply.send(Ok(())).is_err()) {
                    tracing::debug!(url = %self.url, seq, "the hub confirmed a frame whose sender stopped waiting");
                }
            }
            Frame::Failed { seq, reason } => {
                let refused = || Err(TransportError::Other(format!("the hub refused: {reason}")));
                let reply = match self.publishes.remove(&seq) {
                    Some((_, _, reply)) => Some(reply),
                    None => self.subscriptions.remove(&seq).and_then(|sub| sub.reply),
                };
                // Nobody waits for the answer any more (or never did): it is said here instead.
                if reply.is_none_or(|reply| reply.send(refused()).is_err()) {
                    tracing::warn!(url = %self.url, reason, "the hub refused a frame");
                }
            }
            Frame::Deliver { seq, tag, attempt, headers, payload } => {
                let Some(sub) = self.subscriptions.get(&seq) else { return };
                let Some(commands) = self.commands.upgrade() else { return };
                let settle = RemoteSettle { commands, epoch: self.epoch, tag, settled: false };
                let delivery = from_wire(headers, payload)
                    .map(|message| Delivery::new(message, attempt, Box::new(settle)))
                    .map_err(TransportError::Other);
                // Unsent (the subscription was dropped), it is never acked: the hub sends it again.
                if sub.deliveries.send(delivery).is_err() {
                    tracing::debug!(url = %self.url, seq, "a WebSocket message came after its subscription was dropped");
                }
            }
            other => tracing::warn!(url = %self.url, frame = ?other, "the hub sent a client's frame"),
        }
    }
}

/// A connection with Nagle's algorithm off: publishes, settlings and
/// answers are small frames in both directions, and each would otherwise
/// wait for the peer's delayed acknowledgement of the one before.
async fn connect(url: &str) -> Result<Socket, tokio_tungstenite::tungstenite::Error> {
    tokio_tungstenite::connect_async_with_config(url, None, true).await.map(|(socket, _)| socket)
}

fn publish_frame(seq: u64, channel: &str, message: &Message) -> String {
    let (headers, payload) = to_wire(message);
    Frame::Publish { seq, channel: channel.into(), headers, payload }.to_text()
}

/// Settles a delivery by a frame to the hub, on the connection it came on.
struct RemoteSettle {
    commands: mpsc::UnboundedSender<Command>,
    epoch: u64,
    tag: u64,
    settled: bool,
}

impl RemoteSettle {
    fn send(&mut self, frame: Frame) -> BoxFuture<'static, Result<(), TransportError>> {
        self.settled = true;
        let sent = self.commands.send(Command::Settle { epoch: self.epoch, frame });
        let result = sent.map_err(|_| TransportError::Closed);
        Box::pin(async move { result })
    }
}

impl Settle for RemoteSettle {
    fn ack(mut self: Box<Self>) -> BoxFuture<'static, Result<(), TransportError>> {
        let tag = self.tag;
        self.send(Frame::Ack { tag })
    }
    fn nack(mut self: Box<Self>, delay: Duration) -> BoxFuture<'static, Result<(), TransportError>> {
        let tag = self.tag;
        self.send(Frame::Nack { tag, delay_ms: delay.as_millis() as u64 })
    }
    fn reject(mut self: Box<Self>) -> BoxFuture<'static, Result<(), TransportError>> {
        let tag = self.tag;
        self.send(Frame::Reject { tag })
    }
}

impl Drop for RemoteSettle {
    fn drop(&mut self) {
        if !self.settled {
            let nack = Command::Settle { epoch: self.epoch, frame: Frame::Nack { tag: self.tag, delay_ms: 0 } };
            // With the connection gone, the hub sends the unsettled message again anyway.
            if self.commands.send(nack).is_err() {
                tracing::debug!(
                    tag = self.tag,
                    "an unsettled WebSocket delivery was dropped after its connection ended"
                );
            }
        }
    }
}
