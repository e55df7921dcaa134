//! The in-memory transport: the default, with the full semantics of a
//! broker (groups, fan-out, per-key order, redelivery) and none to run.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use futures_util::StreamExt;
use tokio::sync::mpsc;

use super::transport::{
    done, BoxFuture, Capabilities, Delivery, Publisher, Settle, Subscriber, Subscription, Transport,
};
use super::{Message, TransportError};

/// A broker in this process. Clones share it.
///
/// A group receives what is published after it first subscribes; what is
/// published to a channel no group has subscribed to yet waits for the
/// first group. Within a group, a message with a key always goes to the
/// same member while the members stay the same, so its order holds.
#[derive(Clone, Default)]
pub struct MemoryTransport {
    channels: Arc<Mutex<HashMap<String, Channel>>>,
}

#[derive(Default)]
struct Channel {
    groups: HashMap<String, Arc<Group>>,
    waiting: Vec<Message>,
}

#[derive(Default)]
struct Group {
    state: Mutex<GroupState>,
}

#[derive(Default)]
struct GroupState {
    members: Vec<(u64, mpsc::UnboundedSender<Pending>)>,
    /// Held while the group has no members.
    parked: VecDeque<Pending>,
    next_member: u64,
    round_robin: usize,
}

struct Pending {
    message: Message,
    attempt: u32,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic elsewhere while holding the lock leaves plain queues behind, still usable.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl MemoryTransport {
    pub fn new() -> MemoryTransport {
        MemoryTransport::default()
    }
}

impl Group {
    fn enqueue(&self, mut pending: Pending) {
        let mut state = lock(&self.state);
        loop {
            if state.members.is_empty() {
                state.parked.push_back(pending);
                return;
            }
            let n = state.members.len();
            let mut round_robin = state.round_robin;
            let index = pending.message.place(n, &mut round_robin);
            state.round_robin = round_robin;
            match state.members[index].1.send(pending) {
                Ok(()) => return,
                // The member has gone; its leaving re-routes what it held.
                Err(mpsc::error::SendError(back)) => {
                    state.members.remove(index);
                    pending = back;
                }
            }
        }
    }

    fn join(&self) -> (u64, mpsc::UnboundedReceiver<Pending>) {
        let (tx, rx) = mpsc::unbounded_channel();
        let mut state = lock(&self.state);
        let id = state.next_member;
        state.next_member += 1;
        state.members.push((id, tx));
        let parked: Vec<Pending> = state.parked.drain(..).collect();
        drop(state);
        for p in parked {
            self.enqueue(p);
        }
        (id, rx)
    }

    fn leave(&self, id: u64, mut rx: mpsc::UnboundedReceiver<Pending>) {
        lock(&self.state).members.retain(|(m, _)| *m != id);
        rx.close();
        while let Ok(p) = rx.try_recv() {
            self.enqueue(p);
        }
    }
}

impl Publisher for MemoryTransport {
    fn publish<'a>(&'a self, channel: &'a str, message: Message) -> BoxFuture<'a, Result<(), TransportError>> {
        let mut channels = lock(&self.channels);
        if !channels.contains_key(channel) {
            channels.insert(channel.to_string(), Channel::default());
        }
        let channel = channels.get_mut(channel).expect("inserted above");
        if channel.groups.is_empty() {
            channel.waiting.push(message);
        } else {
            // Locks are taken channels first, then a group's state, and
            // never the other way: enqueueing here cannot deadlock.
            for group in channel.groups.values() {
                group.enqueue(Pending { message: message.clone(), attempt: 1 });
            }
        }
        Box::pin(Published)
    }
}

impl Subscriber for MemoryTransport {
    fn subscribe<'a>(
        &'a self,
        channel: &'a str,
        group: &'a str,
    ) -> BoxFuture<'a, Result<Subscription, TransportError>> {
        let (group, waiting) = {
            let mut channels = lock(&self.channels);
            let channel = channels.entry(channel.to_string()).or_default();
            let first = channel.groups.is_empty();
            let group = channel.groups.entry(group.to_string()).or_default().clone();
            let waiting = if first { std::mem::take(&mut channel.waiting) } else { Vec::new() };
            (group, waiting)
        };
        let (id, rx) = group.join();
        for message in waiting {
            group.enqueue(Pending { message, attempt: 1 });
        }
        let member = Member { group, id, rx: Some(rx) };
        let stream = futures_util::stream::unfold(member, |mut member| async move {
            let pending = member.rx.as_mut()?.recv().await?;
            let settle = MemorySettle {
                group: member.group.clone(),
                pending: Some(pending.message.clone()),
                attempt: pending.attempt,
            };
            Some((Ok(Delivery::new(pending.message, pending.attempt, Box::new(settle))), member))
        });
        Box::pin(async move { Ok(stream.boxed()) })
    }
}

impl Transport for MemoryTransport {
    fn capabilities(&self) -> Capabilities {
        Capabilities { ordering_per_key: true, durable: false, native_dedupe: false, delayed_redelivery: true }
    }
}

/// The end of a publish, which has already happened. Never pending, a loop
/// of publishes would keep its thread from the handlers it wakes: it takes
/// from the task's budget and yields when that is spent, as a channel send
/// does. It has no size, so boxing it allocates nothing.
struct Published;

impl std::future::Future for Published {
    type Output = Result<(), TransportError>;

    fn poll(self: std::pin::Pin<&mut Self>, cx: &mut std::task::Context<'_>) -> std::task::Poll<Self::Output> {
        let budget = std::task::ready!(tokio::task::coop::poll_proceed(cx));
        budget.made_progress();
        std::task::Poll::Ready(Ok(()))
    }
}

/// A subscription's hold on its group; dropping it hands back what it held.
struct Member {
    group: Arc<Group>,
    id: u64,
    rx: Option<mpsc::UnboundedReceiver<Pending>>,
}

impl Drop for Member {
    fn drop(&mut self) {
        if let Some(rx) = self.rx.take() {
            self.group.leave(self.id, rx);
        }
    }
}

struct MemorySettle {
    group: Arc<Group>,
    /// Until settled; a delivery dropped unsettled is delivered again.
    pending: Option<Message>,
    attempt: u32,
}

impl MemorySettle {
    fn take(&mut self) -> Option<Pending> {
        self.pending.take().map(|message| Pending { message, attempt: self.attempt + 1 })
    }
}

impl Settle for MemorySettle {
    fn ack(mut self: Box<Self>) -> BoxFuture<'static, Result<(), TransportError>> {
        self.pending = None;
        done()
    }

    fn nack(mut self: Box<Self>, delay: Duration) -> BoxFuture<'static, Result<(), TransportError>> {
        let pending = self.take();
        let group = self.group.clone();
        if let Some(pending) = pending {
            if delay.is_zero() {
                group.enqueue(pending);
            } else {
                tokio::spawn(async move {
                    tokio::time::sleep(delay).await;
                    group.enqueue(pending);
                });
            }
        }
        done()
    }

    fn reject(mut self: Box<Self>) -> BoxFuture<'static, Result<(), TransportError>> {
        self.pending = None;
        done()
    }
}

impl Drop for MemorySettle {
    fn drop(&mut self) {
        if let Some(pending) = self.take() {
            self.group.enqueue(pending);
        }
    }
}
