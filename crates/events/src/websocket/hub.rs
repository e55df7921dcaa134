//! The server side: queues per channel and group, members on connections
//! (or in the hub's own process), and the axum route clients connect to.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::ws::{Message as Ws, WebSocket, WebSocketUpgrade};
use axum::extract::State as Shared;
use axum::response::Response;
use tokio::sync::{mpsc, watch};

use super::{from_wire, to_wire, Frame};
use crate::transport::{
    done, BoxFuture, Capabilities, Delivery, Publisher, Settle, Subscriber, Subscription, Transport,
};
use crate::{Message, TransportError};

/// How much a hub hands out and holds.
#[derive(Clone, Debug)]
pub struct HubOptions {
    /// Deliveries a member holds unsettled at once.
    pub prefetch: usize,
    /// Messages a group's queue holds; a publish beyond it is refused
    /// rather than dropped.
    pub max_queued: usize,
}

impl Default for HubOptions {
    fn default() -> HubOptions {
        HubOptions { prefetch: 64, max_queued: 100_000 }
    }
}

/// The server side of the WebSocket transport. Clones share the queues.
#[derive(Clone)]
pub struct WebSocketHub {
    hub: Arc<Hub>,
}

struct Hub {
    state: Mutex<State>,
    options: HubOptions,
    /// Bumped to end every connection (the clients connect again).
    disconnect: watch::Sender<u64>,
}

#[derive(Default)]
struct State {
    /// Channel, then group.
    channels: HashMap<String, HashMap<String, Group>>,
    handed: Handed,
}

/// The members, and what they hold.
#[derive(Default)]
struct Handed {
    members: HashMap<u64, Member>,
    /// Handed out and not yet settled, by tag.
    outstanding: HashMap<u64, Outstanding>,
    /// Tags and member ids, one sequence for both.
    next_id: u64,
}

#[derive(Default)]
struct Group {
    ready: VecDeque<Entry>,
    members: Vec<u64>,
    /// Where the search for a member with room starts: members take turns.
    turn: usize,
}

struct Member {
    channel: String,
    group: String,
    /// The subscription's number on its connection.
    seq: u64,
    push: mpsc::UnboundedSender<Push>,
    in_flight: usize,
}

struct Outstanding {
    member: u64,
    entry: Entry,
}

struct Entry {
    message: Message,
    attempt: u32,
}

/// A delivery on its way to a member.
struct Push {
    seq: u64,
    tag: u64,
    attempt: u32,
    message: Message,
}

enum Outcome {
    Done,
    Again(Duration),
}

impl WebSocketHub {
    pub fn new(options: HubOptions) -> WebSocketHub {
        let hub = Hub { state: Mutex::default(), options, disconnect: watch::Sender::new(0) };
        WebSocketHub { hub: Arc::new(hub) }
    }

    /// The route clients connect to (`GET`, upgraded to a WebSocket), to
    /// be nested at a path of the server's choosing.
    pub fn router(&self) -> axum::Router {
        axum::Router::new().route("/", axum::routing::get(upgrade)).with_state(self.hub.clone())
    }

    /// Ends every client's connection. Each connects again and subscribes
    /// again; what its members held goes back to their groups. For
    /// draining a server, and for tests of exactly that.
    pub fn disconnect_all(&self) {
        self.hub.disconnect.send_modify(|n| *n += 1);
    }
}

impl Default for WebSocketHub {
    fn default() -> WebSocketHub {
        WebSocketHub::new(HubOptions::default())
    }
}

impl Hub {
    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().expect("the hub's state")
    }

    /// Queued for every group of the channel, or for none: a channel no
    /// group has joined, or a group whose queue is full, refuses it.
    fn publish(&self, channel: &str, message: Message) -> Result<(), TransportError> {
        let mut state = self.lock();
        let State { channels, handed } = &mut *state;
        let Some(groups) = channels.get_mut(channel).filter(|groups| !groups.is_empty()) else {
            return Err(TransportError::Other(format!("no group has joined channel `{channel}`")));
        };
        if let Some((name, _)) = groups.iter().find(|(_, g)| g.ready.len() >= self.options.max_queued) {
            return Err(TransportError::Other(format!("the queue of group `{name}` on `{channel}` is full")));
        }
        for group in groups.values_mut() {
            group.ready.push_back(Entry { message: message.clone(), attempt: 1 });
            group.dispatch(handed, self.options.prefetch);
        }
        Ok(())
    }

    fn join(&self, channel: &str, group: &str, seq: u64, push: mpsc::UnboundedSender<Push>) -> u64 {
        let mut state = self.lock();
        let State { channels, handed } = &mut *state;
        handed.next_id += 1;
        let id = handed.next_id;
        let member = Member { channel: channel.into(), group: group.into(), seq, push, in_flight: 0 };
        handed.members.insert(id, member);
        let group = channels.entry(channel.into()).or_default().entry(group.into()).or_default();
        group.members.push(id);
        group.dispatch(handed, self.options.prefetch);
        id
    }

    /// The member goes; what it held goes back to the front of its
    /// group's queue, in the order it was handed out, as another attempt.
    fn leave(&self, id: u64) {
        let mut state = self.lock();
        let State { channels, handed } = &mut *state;
        let Some(member) = handed.members.remove(&id) else { return };
        let mut tags: Vec<u64> = handed.outstanding.iter().filter(|(_, o)| o.member == id).map(|(t, _)| *t).collect();
        tags.sort_unstable();
        let held: Vec<Entry> = tags.iter().filter_map(|tag| handed.outstanding.remove(tag)).map(|o| o.entry).collect();
        let Some(group) = channels.get_mut(&member.channel).and_then(|g| g.get_mut(&member.group)) else {
            return;
        };
        group.members.retain(|m| *m != id);
        for mut entry in held.into_iter().rev() {
            entry.attempt += 1;
            group.ready.push_front(entry);
        }
        group.dispatch(handed, self.options.prefetch);
    }

    /// Settles the delivery `tag` if `owns` its member.
    fn settle(self: &Arc<Self>, tag: u64, outcome: Outcome, owns: impl Fn(u64) -> bool) {
        let mut state = self.lock();
        let State { channels, handed } = &mut *state;
        if !handed.outstanding.get(&tag).is_some_and(|o| owns(o.member)) {
            return;
        }
        let Outstanding { member, mut entry } = handed.outstanding.remove(&tag).expect("just found");
        let Some(member) = handed.members.get_mut(&member) else { return };
        member.in_flight -= 1;
        let Some(group) = channels.get_mut(&member.channel).and_then(|g| g.get_mut(&member.group)) else { return };
        if let Outcome::Again(delay) = outcome {
            entry.attempt += 1;
            if delay.is_zero() {
                group.ready.push_front(entry);
            } else {
                let (hub, channel, name) = (self.clone(), member.channel.clone(), member.group.clone());
                tokio::spawn(async move {
                    tokio::time::sleep(delay).await;
                    let mut state = hub.lock();
                    let State { channels, handed } = &mut *state;
                    if let Some(group) = channels.get_mut(&channel).and_then(|g| g.get_mut(&name)) {
                        group.ready.push_front(entry);
                        group.dispatch(handed, hub.options.prefetch);
                    }
                });
            }
        }
        group.dispatch(handed, self.options.prefetch);
    }
}

impl Group {
    /// Hands queued messages to the group's members that have room, in turn.
    fn dispatch(&mut self, handed: &mut Handed, prefetch: usize) {
        let Handed { members, outstanding, next_id } = handed;
        while !self.ready.is_empty() && !self.members.is_empty() {
            let n = self.members.len();
            let Some(i) = (0..n)
                .map(|i| (self.turn + i) % n)
                .find(|i| members.get(&self.members[*i]).is_some_and(|m| m.in_flight < prefetch))
            else {
                break;
            };
            self.turn = (i + 1) % n;
            let id = self.members[i];
            let member = members.get_mut(&id).expect("a member of the group");
            let entry = self.ready.pop_front().expect("not empty");
            *next_id += 1;
            let push = Push { seq: member.seq, tag: *next_id, attempt: entry.attempt, message: entry.message.clone() };
            if member.push.send(push).is_err() {
                // Its connection is ending and will take it out of the
                // group; meanwhile it gets nothing more.
                self.ready.push_front(entry);
                self.members.remove(i);
                continue;
            }
            member.in_flight += 1;
            outstanding.insert(*next_id, Outstanding { member: id, entry });
        }
    }
}

impl Publisher for WebSocketHub {
    fn publish<'a>(&'a self, channel: &'a str, message: Message) -> BoxFuture<'a, Result<(), TransportError>> {
        let published = self.hub.publish(channel, message);
        Box::pin(async move { published })
    }
}

impl Subscriber for WebSocketHub {
    fn subscribe<'a>(
        &'a self,
        channel: &'a str,
        group: &'a str,
    ) -> BoxFuture<'a, Result<Subscription, TransportError>> {
        let (push, pushed) = mpsc::unbounded_channel();
        let member = Leaving { hub: self.hub.clone(), id: self.hub.join(channel, group, 0, push) };
        let stream = futures_util::stream::unfold((pushed, member), |(mut pushed, member)| async move {
            let Push { tag, attempt, message, .. } = pushed.recv().await?;
            let settle = LocalSettle { hub: member.hub.clone(), tag, member: member.id, settled: false };
            Some((Ok(Delivery::new(message, attempt, Box::new(settle))), (pushed, member)))
        });
        Box::pin(async move { Ok(Box::pin(stream) as Subscription) })
    }
}

impl Transport for WebSocketHub {
    fn capabilities(&self) -> Capabilities {
        // Members of a group take turns, whatever the key; the queues are in memory.
        Capabilities { ordering_per_key: false, durable: false, native_dedupe: false, delayed_redelivery: true }
    }
}

/// A member in the hub's own process, which leaves when its subscription is dropped.
struct Leaving {
    hub: Arc<Hub>,
    id: u64,
}

impl Drop for Leaving {
    fn drop(&mut self) {
        self.hub.leave(self.id);
    }
}

struct LocalSettle {
    hub: Arc<Hub>,
    tag: u64,
    member: u64,
    settled: bool,
}

impl LocalSettle {
    fn settle(&mut self, outcome: Outcome) -> BoxFuture<'static, Result<(), TransportError>> {
        self.settled = true;
        let member = self.member;
        self.hub.settle(self.tag, outcome, |m| m == member);
        done()
    }
}

impl Settle for LocalSettle {
    fn ack(mut self: Box<Self>) -> BoxFuture<'static, Result<(), TransportError>> {
        self.settle(Outcome::Done)
    }
    fn nack(mut self: Box<Self>, delay: Duration) -> BoxFuture<'static, Result<(), TransportError>> {
        self.settle(Outcome::Again(delay))
    }
    fn reject(mut self: Box<Self>) -> BoxFuture<'static, Result<(), TransportError>> {
        self.settle(Outcome::Done)
    }
}

impl Drop for LocalSettle {
    fn drop(&mut self) {
        if !self.settled {
            let member = self.member;
            self.hub.settle(self.tag, Outcome::Again(Duration::ZERO), |m| m == member);
        }
    }
}

async fn upgrade(upgrade: WebSocketUpgrade, Shared(hub): Shared<Arc<Hub>>) -> Response {
    upgrade.on_upgrade(move |socket| connection(hub, socket))
}

/// One client's connection: its requests carried out, its members' deliveries sent.
async fn connection(hub: Arc<Hub>, mut socket: WebSocket) {
    let (push, mut pushed) = mpsc::unbounded_channel::<Push>();
    let mut disconnect = hub.disconnect.subscribe();
    // The connection's subscriptions, by their number, and the members they made.
    let mut members: HashMap<u64, u64> = HashMap::new();
    loop {
        let reply = tokio::select! {
            _ = disconnect.changed() => break,
            Some(Push { seq, tag, attempt, message }) = pushed.recv() => {
                let (headers, payload) = to_wire(&message);
                Some(Frame::Deliver { seq, tag, attempt, headers, payload })
            }
            incoming = socket.recv() => match incoming {
                Some(Ok(Ws::Text(text))) => request(&hub, &text, &mut members, &push),
                Some(Ok(Ws::Binary(_))) => {
                    Some(Frame::Failed { seq: 0, reason: "frames are JSON text".into() })
                }
                Some(Ok(_)) => None,
                Some(Err(_)) | None => break,
            },
        };
        if let Some(frame) = reply {
            if socket.send(Ws::Text(frame.to_text().into())).await.is_err() {
                break;
            }
        }
    }
    for id in members.into_values() {
        hub.leave(id);
    }
}

fn request(
    hub: &Arc<Hub>,
    text: &str,
    members: &mut HashMap<u64, u64>,
    push: &mpsc::UnboundedSender<Push>,
) -> Option<Frame> {
    let frame = match serde_json::from_str::<Frame>(text) {
        Ok(frame) => frame,
        Err(e) => return Some(Frame::Failed { seq: 0, reason: format!("not a frame: {e}") }),
    };
    match frame {
        Frame::Publish { seq, channel, headers, payload } => {
            let published = from_wire(headers, payload)
                .map_err(TransportError::Other)
                .and_then(|message| hub.publish(&channel, message));
            Some(match published {
                Ok(()) => Frame::Done { seq },
                Err(e) => Frame::Failed { seq, reason: e.to_string() },
            })
        }
        Frame::Subscribe { seq, channel, group } => {
            if members.contains_key(&seq) {
                return Some(Frame::Failed { seq, reason: "a subscription already has this number".into() });
            }
            members.insert(seq, hub.join(&channel, &group, seq, push.clone()));
            Some(Frame::Done { seq })
        }
        Frame::Unsubscribe { seq } => {
            if let Some(id) = members.remove(&seq) {
                hub.leave(id);
            }
            None
        }
        Frame::Ack { tag } | Frame::Reject { tag } => {
            hub.settle(tag, Outcome::Done, |m| members.values().any(|own| *own == m));
            None
        }
        Frame::Nack { tag, delay_ms } => {
            let delay = Duration::from_millis(delay_ms);
            hub.settle(tag, Outcome::Again(delay), |m| members.values().any(|own| *own == m));
            None
        }
        Frame::Done { seq } | Frame::Failed { seq, .. } | Frame::Deliver { seq, .. } => {
            Some(Frame::Failed { seq, reason: "a frame only a hub sends".into() })
        }
    }
}
