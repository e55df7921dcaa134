//! Tower middleware around handlers: what a user writes to measure, log or
//! refuse events, and where it sits among the router's own steps.

use std::sync::{Arc, Mutex};
use std::task::{Context as Poll, Poll as Ready};
use std::time::Duration;

use futures_util::future::BoxFuture;
use futures_util::StreamExt;
use serde::{Deserialize, Serialize};
use specwright_runtime::events::{
    attr, Context, Event, EventApp, EventPublisher, HandlerError, MemoryTransport, Message, Publisher, Settings,
    Subscriber,
};
use tower::{Layer, Service};

#[derive(Debug, Clone, Serialize, Deserialize)]
struct PaymentTaken {
    payment: u32,
}

impl Event for PaymentTaken {
    const NAME: &'static str = "PaymentTaken";
    const CHANNEL: &'static str = "payments.taken";
}

/// Writes down each try it sees and how it ended, under its name.
#[derive(Clone)]
struct Record {
    name: &'static str,
    log: Arc<Mutex<Vec<String>>>,
}

impl<S> Layer<S> for Record {
    type Service = Recorded<S>;
    fn layer(&self, inner: S) -> Recorded<S> {
        Recorded { inner, record: self.clone() }
    }
}

#[derive(Clone)]
struct Recorded<S> {
    inner: S,
    record: Record,
}

impl<S> Service<Context> for Recorded<S>
where
    S: Service<Context, Response = (), Error = HandlerError> + Send,
    S::Future: Send + 'static,
{
    type Response = ();
    type Error = HandlerError;
    type Future = BoxFuture<'static, Result<(), HandlerError>>;

    fn poll_ready(&mut self, cx: &mut Poll<'_>) -> Ready<Result<(), HandlerError>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, cx: Context) -> Self::Future {
        let Record { name, log } = self.record.clone();
        log.lock().unwrap().push(format!(
            "{name} in: {} try {} on {}/{}",
            cx.id().unwrap(),
            cx.attempt(),
            cx.channel(),
            cx.group()
        ));
        let call = self.inner.call(cx);
        Box::pin(async move {
            let result = call.await;
            let outcome = if result.is_ok() { "ok" } else { "failed" };
            log.lock().unwrap().push(format!("{name} out: {outcome}"));
            result
        })
    }
}

/// Refuses events without a tenant header: no retry mends that.
#[derive(Clone)]
struct RequireTenant<S>(S);

impl<S> Service<Context> for RequireTenant<S>
where
    S: Service<Context, Response = (), Error = HandlerError>,
    S::Future: Send + 'static,
{
    type Response = ();
    type Error = HandlerError;
    type Future = BoxFuture<'static, Result<(), HandlerError>>;

    fn poll_ready(&mut self, cx: &mut Poll<'_>) -> Ready<Result<(), HandlerError>> {
        self.0.poll_ready(cx)
    }

    fn call(&mut self, cx: Context) -> Self::Future {
        if cx.message().headers.get("tenant").is_none() {
            return Box::pin(async { Err(HandlerError::poison("no tenant header")) });
        }
        Box::pin(self.0.call(cx))
    }
}

fn fast() -> Settings {
    Settings {
        max_attempts: 3,
        min_delay: Duration::from_millis(1),
        max_delay: Duration::from_millis(5),
        ..Settings::default()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn layers_see_every_try_the_last_added_outermost() {
    let transport = Arc::new(MemoryTransport::new());
    let log: Arc<Mutex<Vec<String>>> = Arc::default();
    let handler_log = log.clone();
    let app = EventApp::new(transport.clone(), "/test")
        .settings(fast())
        .handle("ledger", move |_: PaymentTaken, cx: Context| {
            let log = handler_log.clone();
            async move {
                log.lock().unwrap().push(format!("handler: try {}", cx.attempt()));
                if cx.attempt() < 2 {
                    return Err(HandlerError::retry("the ledger is busy"));
                }
                Ok(())
            }
        })
        .layer(Record { name: "inner", log: log.clone() })
        .layer(Record { name: "outer", log: log.clone() });
    let running = app.start().await.unwrap();
    let id = EventPublisher::new(transport, "/test").publish(&PaymentTaken { payment: 1 }).await.unwrap();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while log.lock().unwrap().len() < 10 && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    running.stop().await;
    let expected: Vec<String> = [
        format!("outer in: {id} try 1 on payments.taken/ledger"),
        format!("inner in: {id} try 1 on payments.taken/ledger"),
        "handler: try 1".into(),
        "inner out: failed".into(),
        "outer out: failed".into(),
        format!("outer in: {id} try 2 on payments.taken/ledger"),
        format!("inner in: {id} try 2 on payments.taken/ledger"),
        "handler: try 2".into(),
        "inner out: ok".into(),
        "outer out: ok".into(),
    ]
    .into();
    assert_eq!(*log.lock().unwrap(), expected);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_layer_that_refuses_an_event_sends_it_to_the_dead_letters_unhandled() {
    let transport = Arc::new(MemoryTransport::new());
    let mut dead = transport.subscribe("payments.taken.dlq", "ops").await.unwrap();
    let handled: Arc<Mutex<Vec<u32>>> = Arc::default();
    let h = handled.clone();
    let app = EventApp::new(transport.clone(), "/test")
        .settings(fast())
        .handle("ledger", move |e: PaymentTaken, _: Context| {
            h.lock().unwrap().push(e.payment);
            async { Ok(()) }
        })
        .layer(tower::layer::layer_fn(RequireTenant));
    let running = app.start().await.unwrap();
    let publisher = EventPublisher::new(transport.clone(), "/test");
    publisher.publish(&PaymentTaken { payment: 1 }).await.unwrap();
    let with_tenant = Message::new(r#"{"payment":2}"#).with_header(attr::ID, "p-2").with_header("tenant", "acme");
    transport.publish(PaymentTaken::CHANNEL, with_tenant).await.unwrap();
    let refused = tokio::time::timeout(Duration::from_secs(10), dead.next()).await.unwrap().unwrap().unwrap();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while handled.lock().unwrap().is_empty() && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    running.stop().await;
    assert_eq!(refused.message.headers.get(attr::DEADLETTER_REASON), Some("no tenant header"));
    assert_eq!(refused.message.headers.get(attr::DEADLETTER_ATTEMPTS), Some("1"), "refused, not retried");
    assert_eq!(*handled.lock().unwrap(), [2], "the event with a tenant went through");
}
