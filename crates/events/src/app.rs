//! The router: typed handlers per channel and consumer group, each event
//! retried with backoff, then dead-lettered; handled once per group when a
//! dedupe store is set; in order per key, concurrent across keys.

use std::collections::VecDeque;
use std::fmt;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::time::Duration;

use backon::BackoffBuilder;
use futures_util::stream::FuturesUnordered;
use futures_util::{FutureExt, StreamExt};
use tokio::sync::watch;
use tower::util::BoxCloneSyncService;
use tower::{Layer, Service, ServiceExt};
use tracing::Instrument;

use super::dedupe::{settle_done, settle_released, Claim, DedupeStore};
use super::event::{Event, EventPublisher, PublishError};
use super::message::attr;
use super::trace::TraceParent;
use super::transport::{BoxFuture, Delivery, Subscription, Transport, TransportError};
use super::{Codec, Json, Message};

/// Why a handler did not finish. Any error converts into one with `?`; it
/// is retried unless made with [`HandlerError::poison`].
pub struct HandlerError {
    reason: String,
    poison: bool,
}

impl HandlerError {
    /// A failure that may pass: the event is tried again.
    pub fn retry(reason: impl fmt::Display) -> HandlerError {
        HandlerError { reason: reason.to_string(), poison: false }
    }

    /// A failure that no retry mends: the event goes to the dead-letter channel now.
    pub fn poison(reason: impl fmt::Display) -> HandlerError {
        HandlerError { reason: reason.to_string(), poison: true }
    }

    pub fn is_poison(&self) -> bool {
        self.poison
    }
}

impl<E: std::error::Error + Send + Sync + 'static> From<E> for HandlerError {
    fn from(e: E) -> HandlerError {
        HandlerError::retry(e)
    }
}

impl fmt::Display for HandlerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason)
    }
}

impl fmt::Debug for HandlerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HandlerError").field("reason", &self.reason).field("poison", &self.poison).finish()
    }
}

/// What a handler knows besides the event: its envelope, where it came
/// from, and a publisher whose events carry this one's correlation id and
/// trace. It is also the request [`EventApp::layer`] middleware sees.
pub struct Context<C: Codec = Json> {
    message: Message,
    attempt: u32,
    channel: Arc<str>,
    group: Arc<str>,
    publisher: EventPublisher<C>,
}

impl<C: Codec> Context<C> {
    pub fn message(&self) -> &Message {
        &self.message
    }

    /// The channel the event was read from.
    pub fn channel(&self) -> &str {
        &self.channel
    }

    /// The consumer group handling it.
    pub fn group(&self) -> &str {
        &self.group
    }

    pub fn id(&self) -> Option<&str> {
        self.message.id()
    }

    /// 1 on the first try, counting retries and redeliveries.
    pub fn attempt(&self) -> u32 {
        self.attempt
    }

    /// Publishes an event caused by the one being handled.
    pub async fn publish<E: Event>(&self, event: &E) -> Result<String, PublishError> {
        self.publisher.publish_caused(&event.channel(), event, Some(&self.message)).await
    }

    /// Answers the request being handled with `event`, at the address
    /// `to` gives (a fixed channel, or one the request carries). The reply
    /// carries the request's correlation id, and, when `correlation` names
    /// a header (`$message.header#/correlationId`), that header too.
    pub async fn reply<E: Event>(
        &self,
        event: &E,
        to: super::ReplyTo<'_>,
        correlation: Option<&str>,
    ) -> Result<String, PublishError> {
        let address = to.address(&self.message)?;
        let mut reply =
            super::event::envelope(self.publisher.codec(), self.publisher.source(), event, Some(&self.message))?;
        if let Some(super::Place::Header(name)) = correlation.and_then(super::Place::parse) {
            if let Some(value) = self.message.headers.get(name) {
                reply.headers.insert_copied(name, value);
            }
        }
        self.publisher.send(&address, reply).await
    }

    /// Publishes an event caused by the one being handled, to `address`.
    pub async fn publish_to<E: Event>(&self, address: &str, event: &E) -> Result<String, PublishError> {
        self.publisher.publish_caused(address, event, Some(&self.message)).await
    }
}

/// How handlers are run.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Tries per event, the first included, before it is dead-lettered.
    pub max_attempts: u32,
    /// Backoff between tries: exponential from `min_delay` to `max_delay`, with jitter.
    pub min_delay: Duration,
    pub max_delay: Duration,
    /// Events handled at once per route; events with one key are never handled at once.
    pub concurrency: usize,
    /// Tasks per route, each a member of the route's group with its share of
    /// `concurrency`. A task's handlers take turns on one core: more tasks
    /// let one route use more cores. The transport keeps a key with one
    /// member, so per-key order holds where the transport promises it.
    pub tasks: usize,
    /// How long one try may take.
    pub timeout: Option<Duration>,
    /// Where failed events go: the channel's address with this appended.
    pub dead_letter_suffix: String,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            max_attempts: 5,
            min_delay: Duration::from_millis(100),
            max_delay: Duration::from_secs(10),
            concurrency: 16,
            tasks: 1,
            timeout: Some(Duration::from_secs(30)),
            dead_letter_suffix: ".dlq".into(),
        }
    }
}

type Handler<C> = Arc<dyn Fn(Context<C>) -> BoxFuture<'static, Result<(), HandlerError>> + Send + Sync>;

/// What a layer given to [`EventApp::layer`] wraps: the handler, with the
/// layers added before it.
pub type HandlerService<C = Json> = BoxCloneSyncService<Context<C>, (), HandlerError>;

type Wrap<C> = Arc<dyn Fn(HandlerService<C>) -> HandlerService<C> + Send + Sync>;

struct Route<C: Codec> {
    channel: Arc<str>,
    group: Arc<str>,
    handler: Handler<C>,
}

impl<C: Codec> Route<C> {
    /// The handler inside `layers`, the last one outermost.
    fn wrapped(self, layers: &[Wrap<C>]) -> Route<C> {
        if layers.is_empty() {
            return self;
        }
        let inner = self.handler;
        let mut service = HandlerService::new(tower::service_fn(move |cx| inner(cx)));
        for wrap in layers {
            service = wrap(service);
        }
        let handler: Handler<C> = Arc::new(move |cx| {
            let mut service = service.clone();
            Box::pin(async move { service.ready().await?.call(cx).await })
        });
        Route { handler, ..self }
    }
}

/// Typed handlers on a transport. Register with [`EventApp::handle`], then [`EventApp::run`].
pub struct EventApp<C: Codec = Json> {
    transport: Arc<dyn Transport>,
    publisher: EventPublisher<C>,
    codec: Arc<C>,
    routes: Vec<Route<C>>,
    layers: Vec<Wrap<C>>,
    settings: Settings,
    dedupe: Option<Arc<dyn DedupeStore>>,
}

impl EventApp<Json> {
    /// `source` is the CloudEvents `source` of events its handlers publish.
    pub fn new(transport: Arc<dyn Transport>, source: impl Into<std::borrow::Cow<'static, str>>) -> EventApp<Json> {
        let publisher = EventPublisher::new(transport.clone(), source);
        EventApp {
            transport,
            publisher,
            codec: Arc::new(Json),
            routes: Vec::new(),
            layers: Vec::new(),
            settings: Settings::default(),
            dedupe: None,
        }
    }
}

impl<C: Codec> EventApp<C> {
    pub fn settings(mut self, settings: Settings) -> Self {
        self.settings = settings;
        self
    }

    /// Handle each event once per group, remembering handled ids in `store`.
    pub fn dedupe(mut self, store: Arc<dyn DedupeStore>) -> Self {
        self.dedupe = Some(store);
        self
    }

    /// Wraps every handler in a tower middleware: it sees each try of each
    /// event (as its [`Context`]), inside the router's dedupe, retries,
    /// timeout and dead-lettering, and may refuse one with a
    /// [`HandlerError`]. The layer added last runs first.
    pub fn layer<L>(mut self, layer: L) -> Self
    where
        L: Layer<HandlerService<C>> + Send + Sync + 'static,
        L::Service: Service<Context<C>, Response = (), Error = HandlerError> + Clone + Send + Sync + 'static,
        <L::Service as Service<Context<C>>>::Future: Send + 'static,
    {
        self.layers.push(Arc::new(move |inner| HandlerService::new(layer.layer(inner))));
        self
    }

    /// The publisher handlers' follow-up events go through.
    pub fn publisher(&self) -> EventPublisher<C> {
        self.publisher.clone()
    }

    /// Runs `handler` for every `E` on its channel, as a member of `group`.
    pub fn handle<E, F, Fut>(self, group: impl Into<String>, handler: F) -> Self
    where
        E: Event,
        F: Fn(E, Context<C>) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<(), HandlerError>> + Send + 'static,
    {
        self.handle_on(E::CHANNEL, group, handler)
    }

    /// Runs `handler` for every `E` published to `address`, as a member of
    /// `group`: for an event whose channel is a template, one address it
    /// stands for (see [`super::address::fill`]).
    pub fn handle_on<E, F, Fut>(mut self, address: impl Into<String>, group: impl Into<String>, handler: F) -> Self
    where
        E: Event,
        F: Fn(E, Context<C>) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<(), HandlerError>> + Send + 'static,
    {
        let codec = self.codec.clone();
        let handler: Handler<C> = Arc::new(move |cx: Context<C>| {
            match E::decode(&*codec, cx.message.headers.get(attr::TYPE), &cx.message.payload) {
                Ok(event) => Box::pin(handler(event, cx)),
                Err(e) => {
                    let reason = format!("cannot decode {}: {e}", E::NAME);
                    Box::pin(async move { Err(HandlerError::poison(reason)) })
                }
            }
        });
        let (address, group): (String, String) = (address.into(), group.into());
        self.routes.push(Route { channel: address.into(), group: group.into(), handler });
        self
    }

    /// Subscribes every route and handles events until `shutdown` completes;
    /// then finishes the events in hand and returns. Events not yet started
    /// are left unsettled, so the transport delivers them again.
    pub async fn run(self, shutdown: impl Future<Output = ()> + Send) -> Result<(), TransportError> {
        let running = self.start().await?;
        shutdown.await;
        running.stop().await;
        Ok(())
    }

    /// Subscribes every route and starts handling events in the background.
    pub async fn start(self) -> Result<Running, TransportError> {
        let tasks_per_route = self.settings.tasks.max(1);
        let mut subscriptions = Vec::new();
        for route in &self.routes {
            let mut members = Vec::with_capacity(tasks_per_route);
            for _ in 0..tasks_per_route {
                members.push(self.transport.subscribe(&route.channel, &route.group).await?);
            }
            subscriptions.push(members);
        }
        let (stop, stopped) = watch::channel(false);
        let shared = Arc::new(Shared {
            publisher: self.publisher,
            settings: self.settings,
            dedupe: self.dedupe,
            transport: self.transport,
        });
        let mut tasks = tokio::task::JoinSet::new();
        for (route, members) in self.routes.into_iter().zip(subscriptions) {
            let route = Arc::new(route.wrapped(&self.layers));
            for subscription in members {
                tasks.spawn(route_loop(route.clone(), subscription, shared.clone(), stopped.clone()));
            }
        }
        Ok(Running { stop, tasks })
    }
}

/// An app handling events; [`Running::stop`] ends it gracefully. Dropping
/// it instead aborts the handlers where they are; their events, never
/// acked, are delivered again.
pub struct Running {
    stop: watch::Sender<bool>,
    tasks: tokio::task::JoinSet<()>,
}

impl Running {
    /// Stops taking events, finishes the ones in hand, and returns when done.
    pub async fn stop(mut self) {
        // `send_replace` reaches the receivers that are left, if any.
        self.stop.send_replace(true);
        while let Some(joined) = self.tasks.join_next().await {
            if let Err(e) = joined {
                tracing::error!(error = %e, "an event task ended abnormally");
            }
        }
    }
}

struct Shared<C: Codec> {
    publisher: EventPublisher<C>,
    settings: Settings,
    dedupe: Option<Arc<dyn DedupeStore>>,
    transport: Arc<dyn Transport>,
}

/// Reads one subscription and handles its deliveries, one at a time per
/// lane (a key always maps to one lane), lanes side by side. All of it runs
/// in this one task: a delivery's way from the transport to its handler
/// crosses no channel and wakes no other task.
async fn route_loop<C: Codec>(
    route: Arc<Route<C>>,
    subscription: Subscription,
    shared: Arc<Shared<C>>,
    mut stopped: watch::Receiver<bool>,
) {
    let settings = &shared.settings;
    let lanes = settings.concurrency.div_ceil(settings.tasks.max(1)).max(1);
    // Deliveries read ahead of their handling, at most this many.
    let read_ahead = lanes * 64;
    let mut waiting: Vec<VecDeque<Delivery>> = (0..lanes).map(|_| VecDeque::new()).collect();
    let mut busy = vec![false; lanes];
    let mut waiting_count = 0usize;
    let mut in_flight = FuturesUnordered::new();
    let mut subscription = Some(subscription);
    let mut round_robin = 0usize;
    let (route, shared) = (&*route, &*shared);
    let run = |lane: usize, delivery: Delivery| handle_delivery(route, shared, delivery).map(move |()| lane);
    loop {
        tokio::select! {
            biased;
            _ = stopped.changed(), if subscription.is_some() => {
                // Not started: dropped unsettled, they come back, here or to another member.
                subscription = None;
                waiting.iter_mut().for_each(VecDeque::clear);
                waiting_count = 0;
            }
            Some(lane) = in_flight.next(), if !in_flight.is_empty() => {
                let lane: usize = lane;
                busy[lane] = false;
                if let Some(delivery) = waiting[lane].pop_front() {
                    waiting_count -= 1;
                    busy[lane] = true;
                    in_flight.push(run(lane, delivery));
                }
            }
            next = next_delivery(&mut subscription), if subscription.is_some() && waiting_count < read_ahead => {
                let mut next = next;
                loop {
                    match next {
                        Some(Ok(delivery)) => {
                            let lane = delivery.message.place(lanes, &mut round_robin);
                            if busy[lane] {
                                waiting[lane].push_back(delivery);
                                waiting_count += 1;
                            } else {
                                busy[lane] = true;
                                in_flight.push(run(lane, delivery));
                            }
                        }
                        Some(Err(e)) => {
                            tracing::warn!(channel = %route.channel, group = %route.group, error = %e, "subscription error");
                            tokio::time::sleep(Duration::from_millis(100)).await;
                            break;
                        }
                        None => {
                            subscription = None;
                            break;
                        }
                    }
                    // Whatever else has arrived is taken in the same turn: one wake-up, many events.
                    match subscription.as_mut().filter(|_| waiting_count < read_ahead).and_then(|s| s.next().now_or_never()) {
                        Some(item) => next = item,
                        None => break,
                    }
                }
            }
            else => break,
        }
    }
}

async fn next_delivery(subscription: &mut Option<Subscription>) -> Option<Result<Delivery, TransportError>> {
    match subscription {
        Some(s) => s.next().await,
        None => std::future::pending().await,
    }
}

async fn handle_delivery<C: Codec>(route: &Route<C>, shared: &Shared<C>, delivery: Delivery) {
    let message = &delivery.message;
    let span = tracing::info_span!(
        "event.handle",
        channel = %route.channel,
        group = %route.group,
        event_type = message.event_type().unwrap_or_default(),
        event_id = message.id().unwrap_or_default(),
        trace_id = tracing::field::Empty,
        parent_span_id = tracing::field::Empty,
    );
    // Parsed only when someone listens: most events are handled with tracing off.
    if !span.is_disabled() {
        if let Some(trace) = message.headers.get(attr::TRACEPARENT).and_then(TraceParent::parse) {
            span.record("trace_id", format!("{:032x}", trace.trace_id));
            span.record("parent_span_id", format!("{:016x}", trace.span_id));
        }
    }
    process(route, shared, delivery).instrument(span).await;
}

async fn process<C: Codec>(route: &Route<C>, shared: &Shared<C>, delivery: Delivery) {
    let settings = &shared.settings;
    // A clone shares the envelope: the id is borrowed from it, not copied.
    let message = delivery.message.clone();
    let id = message.id();
    let claimed = match (&shared.dedupe, id) {
        (Some(store), Some(id)) => match store.claim(&route.group, id).await {
            Ok(Claim::Claimed) => true,
            Ok(Claim::Done) => {
                tracing::debug!("already handled");
                settle(delivery.ack().await);
                return;
            }
            Ok(Claim::InProgress) => {
                settle(delivery.nack(settings.min_delay).await);
                return;
            }
            Err(e) => {
                tracing::warn!(error = %e, "dedupe store unavailable; the event will come back");
                settle(delivery.nack(settings.max_delay).await);
                return;
            }
        },
        _ => false,
    };
    let mut delays = None;
    let mut tries = 0u32;
    // Headers past the limits were not all kept: handling the event without
    // them could go wrong quietly, so it goes where someone will look.
    let overflow = message.headers.overflowed().then(|| {
        tries = 1;
        HandlerError::poison(format!(
            "more than {} headers or {} bytes of them",
            super::message::MAX_WIRE_HEADERS,
            super::message::MAX_WIRE_HEADER_BYTES
        ))
    });
    let failure = match overflow {
        Some(e) => Some(e),
        None => loop {
            tries += 1;
            let cx = Context {
                message: delivery.message.clone(),
                attempt: delivery.attempt + tries - 1,
                channel: route.channel.clone(),
                group: route.group.clone(),
                publisher: shared.publisher.clone(),
            };
            // A handler may panic before its future exists (in the closure's
            // own body) as well as inside it: both are a failed try.
            let call = async {
                let future = std::panic::catch_unwind(AssertUnwindSafe(|| (route.handler)(cx)))?;
                AssertUnwindSafe(future).catch_unwind().await
            };
            let result = match settings.timeout {
                Some(limit) => match tokio::time::timeout(limit, call).await {
                    Ok(r) => r,
                    Err(_) => Ok(Err(HandlerError::retry(format!("timed out after {limit:?}")))),
                },
                None => call.await,
            };
            let result = result.unwrap_or_else(|panic| Err(HandlerError::retry(panic_reason(&panic))));
            match result {
                Ok(()) => break None,
                Err(e) if e.poison || tries >= settings.max_attempts => break Some(e),
                Err(e) => {
                    let wait = delays
                        .get_or_insert_with(|| backoff(settings.min_delay, settings.max_delay))
                        .next()
                        .unwrap_or(settings.max_delay);
                    tracing::debug!(try_number = tries, error = %e, wait_ms = wait.as_millis() as u64, "handler failed; retrying");
                    tokio::time::sleep(wait).await;
                }
            }
        },
    };
    let store = shared.dedupe.as_ref().filter(|_| claimed).zip(id);
    match failure {
        None => {
            if let Some((store, id)) = store {
                settle_done(store.as_ref(), &route.group, id).await;
            }
            settle(delivery.ack().await);
        }
        Some(e) => {
            tracing::warn!(tries, reason = %e, "dead-lettering the event");
            let mut dead = delivery.message.clone();
            if dead.headers.overflowed() {
                dead.headers = dead.headers.attributes_only();
            }
            dead.headers.insert(attr::DEADLETTER_REASON, e.reason);
            dead.headers.insert(attr::DEADLETTER_ATTEMPTS, tries.to_string());
            dead.headers.insert(attr::DEADLETTER_CHANNEL, route.channel.to_string());
            dead.headers.insert(attr::DEADLETTER_GROUP, route.group.to_string());
            let channel = format!("{}{}", route.channel, settings.dead_letter_suffix);
            match shared.transport.publish(&channel, dead).await {
                Ok(()) => {
                    // Dead-lettered counts as handled: a redelivery is not dead-lettered twice.
                    if let Some((store, id)) = store {
                        settle_done(store.as_ref(), &route.group, id).await;
                    }
                    settle(delivery.ack().await);
                }
                Err(publish) => {
                    tracing::error!(error = %publish, "cannot dead-letter the event; it will come back");
                    if let Some((store, id)) = store {
                        settle_released(store.as_ref(), &route.group, id).await;
                    }
                    settle(delivery.nack(settings.max_delay).await);
                }
            }
        }
    }
}

/// Exponential delays from `min` to `max`, with jitter and no end: what
/// handlers' retries and transports' resends wait between tries.
pub(crate) fn backoff(min: Duration, max: Duration) -> backon::ExponentialBackoff {
    backon::ExponentialBuilder::default()
        .with_min_delay(min)
        .with_max_delay(max)
        .with_jitter()
        .without_max_times()
        .build()
}

fn settle(result: Result<(), TransportError>) {
    if let Err(e) = result {
        // The broker will deliver it again; dedupe makes that harmless.
        tracing::warn!(error = %e, "could not settle the delivery");
    }
}

fn panic_reason(panic: &Box<dyn std::any::Any + Send>) -> String {
    let text = panic.downcast_ref::<&str>().copied().or_else(|| panic.downcast_ref::<String>().map(String::as_str));
    format!("the handler panicked: {}", text.unwrap_or("(no message)"))
}
