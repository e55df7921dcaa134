//! The router on the in-memory transport: retries then dead letters,
//! dedupe of redeliveries, order per key, timeouts, and a graceful stop.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures_util::StreamExt;
use serde::{Deserialize, Serialize};
use specwright_runtime::events::{
    attr, Context, Event, EventApp, EventPublisher, HandlerError, MemoryDedupe, MemoryTransport, Message, Publisher,
    Settings, Subscriber, Transport,
};
use tokio::sync::oneshot;

#[derive(Debug, Clone, Serialize, Deserialize)]
struct OrderCreated {
    order_id: String,
    seq: u32,
}

impl Event for OrderCreated {
    const NAME: &'static str = "OrderCreated";
    const CHANNEL: &'static str = "orders.created";
    fn key(&self) -> Option<String> {
        Some(self.order_id.clone())
    }
    fn id(&self) -> Option<String> {
        Some(format!("{}-{}", self.order_id, self.seq))
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct InvoiceRaised {
    order_id: String,
}

impl Event for InvoiceRaised {
    const NAME: &'static str = "InvoiceRaised";
    const CHANNEL: &'static str = "invoices.raised";
}

fn fast() -> Settings {
    Settings {
        max_attempts: 3,
        min_delay: Duration::from_millis(1),
        max_delay: Duration::from_millis(5),
        timeout: Some(Duration::from_millis(200)),
        ..Settings::default()
    }
}

/// Runs `app` until `until` says so (or 10 s pass), then stops it gracefully.
async fn run_until(app: EventApp, until: impl Fn() -> bool) {
    let running = app.start().await.unwrap();
    wait_for(until).await;
    running.stop().await;
}

async fn wait_for(until: impl Fn() -> bool) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while !until() && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failing_events_are_retried_then_dead_lettered_with_the_reason() {
    let transport = Arc::new(MemoryTransport::new());
    let mut dead = transport.subscribe("orders.created.dlq", "ops").await.unwrap();
    let tries: Arc<Mutex<HashMap<String, u32>>> = Arc::default();
    let handled = Arc::new(AtomicUsize::new(0));
    let (t, h) = (tries.clone(), handled.clone());
    let app = EventApp::new(transport.clone(), "/test").settings(fast()).handle(
        "billing",
        move |e: OrderCreated, _cx: Context| {
            let (t, h) = (t.clone(), h.clone());
            async move {
                let n = {
                    let mut tries = t.lock().unwrap();
                    let n = tries.entry(e.order_id.clone()).or_default();
                    *n += 1;
                    *n
                };
                match e.order_id.as_str() {
                    "poison" => Err(HandlerError::poison("no such customer")),
                    "flaky" if n < 3 => Err(HandlerError::retry("database busy")),
                    "broken" => Err(std::io::Error::other("disk on fire").into()),
                    _ => {
                        h.fetch_add(1, Ordering::SeqCst);
                        Ok(())
                    }
                }
            }
        },
    );
    let publisher = EventPublisher::new(transport.clone(), "/orders");
    for id in ["ok", "flaky", "poison", "broken"] {
        publisher.publish(&OrderCreated { order_id: id.into(), seq: 1 }).await.unwrap();
    }
    transport.publish("orders.created", Message::new("not json").with_header(attr::ID, "garbage")).await.unwrap();
    let h = handled.clone();
    run_until(app, move || h.load(Ordering::SeqCst) == 2).await;

    let tries = tries.lock().unwrap().clone();
    assert_eq!(tries["ok"], 1);
    assert_eq!(tries["flaky"], 3, "retried until it passed");
    assert_eq!(tries["poison"], 1, "poison is not retried");
    assert_eq!(tries["broken"], 3, "retried up to max_attempts");
    let mut letters = HashMap::new();
    for _ in 0..3 {
        let d = tokio::time::timeout(Duration::from_secs(5), dead.next()).await.unwrap().unwrap().unwrap();
        let h = &d.message.headers;
        letters.insert(
            h.get(attr::ID).unwrap().to_string(),
            (
                h.get(attr::DEADLETTER_REASON).unwrap().to_string(),
                h.get(attr::DEADLETTER_ATTEMPTS).unwrap().to_string(),
            ),
        );
        assert_eq!(h.get(attr::DEADLETTER_CHANNEL), Some("orders.created"));
        assert_eq!(h.get(attr::DEADLETTER_GROUP), Some("billing"));
        d.ack().await.unwrap();
    }
    assert_eq!(letters["poison-1"], ("no such customer".to_string(), "1".to_string()));
    assert_eq!(letters["broken-1"], ("disk on fire".to_string(), "3".to_string()));
    assert!(letters["garbage"].0.starts_with("cannot decode OrderCreated"), "{:?}", letters["garbage"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_redelivered_event_is_handled_once_per_group() {
    let transport = Arc::new(MemoryTransport::new());
    let counts: Arc<Mutex<HashMap<(String, String), u32>>> = Arc::default();
    let mut app = EventApp::new(transport.clone(), "/test").settings(fast()).dedupe(Arc::new(MemoryDedupe::default()));
    for group in ["inventory", "shipping"] {
        let c = counts.clone();
        app = app.handle(group, move |e: OrderCreated, _cx: Context| {
            let c = c.clone();
            async move {
                *c.lock().unwrap().entry((group.to_string(), e.order_id)).or_default() += 1;
                Ok(())
            }
        });
    }
    // Both groups subscribe before anything is published.
    let running = app.start().await.unwrap();
    let publisher = EventPublisher::new(transport.clone(), "/orders");
    let event = OrderCreated { order_id: "o-1".into(), seq: 1 };
    // The broker (or a producer retry) hands the same event over three times.
    for _ in 0..3 {
        publisher.publish(&event).await.unwrap();
    }
    publisher.publish(&OrderCreated { order_id: "o-2".into(), seq: 1 }).await.unwrap();
    let c = counts.clone();
    wait_for(move || c.lock().unwrap().len() == 4).await;
    tokio::time::sleep(Duration::from_millis(50)).await;
    running.stop().await;
    let counts = counts.lock().unwrap();
    for group in ["inventory", "shipping"] {
        for order in ["o-1", "o-2"] {
            assert_eq!(counts[&(group.to_string(), order.to_string())], 1, "{group} {order}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn events_with_one_key_are_handled_in_order_and_keys_run_side_by_side() {
    in_order_per_key(Settings { concurrency: 8, ..fast() }).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keys_keep_their_order_when_a_route_runs_on_several_tasks() {
    in_order_per_key(Settings { concurrency: 8, tasks: 3, ..fast() }).await;
}

/// Eight keys, twenty events each, published while the app runs.
async fn in_order_per_key(settings: Settings) {
    let transport = Arc::new(MemoryTransport::new());
    let seen: Arc<Mutex<HashMap<String, Vec<u32>>>> = Arc::default();
    let running = Arc::new(AtomicUsize::new(0));
    let most = Arc::new(AtomicUsize::new(0));
    let (s, r, m) = (seen.clone(), running.clone(), most.clone());
    let app = EventApp::new(transport.clone(), "/test").settings(settings).handle(
        "ledger",
        move |e: OrderCreated, _cx: Context| {
            let (s, r, m) = (s.clone(), r.clone(), m.clone());
            async move {
                let now = r.fetch_add(1, Ordering::SeqCst) + 1;
                m.fetch_max(now, Ordering::SeqCst);
                tokio::time::sleep(Duration::from_millis(2)).await;
                s.lock().unwrap().entry(e.order_id).or_default().push(e.seq);
                r.fetch_sub(1, Ordering::SeqCst);
                Ok(())
            }
        },
    );
    let app = app.start().await.unwrap();
    let publisher = EventPublisher::new(transport.clone(), "/orders");
    for seq in 0..20 {
        for key in 0..8 {
            publisher.publish(&OrderCreated { order_id: format!("o-{key}"), seq }).await.unwrap();
        }
    }
    let s = seen.clone();
    wait_for(move || s.lock().unwrap().values().map(Vec::len).sum::<usize>() == 160).await;
    app.stop().await;
    for (key, seqs) in seen.lock().unwrap().iter() {
        assert_eq!(*seqs, (0..20).collect::<Vec<_>>(), "{key}");
    }
    assert!(most.load(Ordering::SeqCst) > 1, "keys were handled one at a time");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_handler_that_hangs_is_timed_out_and_one_that_panics_is_retried() {
    let transport = Arc::new(MemoryTransport::new());
    let mut dead = transport.subscribe("orders.created.dlq", "ops").await.unwrap();
    let app = EventApp::new(transport.clone(), "/test")
        .settings(Settings { timeout: Some(Duration::from_millis(20)), ..fast() })
        .handle("slow", |e: OrderCreated, _cx: Context| {
            // Before the future: the closure's own body panics.
            assert_ne!(e.order_id, "early", "bad state for early");
            async move {
                if e.order_id == "hang" {
                    tokio::time::sleep(Duration::from_secs(3600)).await;
                } else {
                    panic!("bad state for {}", e.order_id);
                }
                Ok(())
            }
        });
    let publisher = EventPublisher::new(transport.clone(), "/orders");
    publisher.publish(&OrderCreated { order_id: "hang".into(), seq: 1 }).await.unwrap();
    publisher.publish(&OrderCreated { order_id: "boom".into(), seq: 1 }).await.unwrap();
    publisher.publish(&OrderCreated { order_id: "early".into(), seq: 1 }).await.unwrap();
    let letters = Arc::new(Mutex::new(Vec::new()));
    let collector = {
        let letters = letters.clone();
        tokio::spawn(async move {
            while let Some(Ok(d)) = dead.next().await {
                letters.lock().unwrap().push(d.message.headers.get(attr::DEADLETTER_REASON).unwrap().to_string());
                d.ack().await.unwrap();
            }
        })
    };
    let l = letters.clone();
    run_until(app, move || l.lock().unwrap().len() == 3).await;
    collector.abort();
    let mut letters = letters.lock().unwrap().clone();
    letters.sort();
    assert_eq!(
        letters,
        [
            "the handler panicked: assertion `left != right` failed: bad state for early\n  left: \"early\"\n right: \"early\"",
            "the handler panicked: bad state for boom",
            "timed out after 20ms"
        ]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stopping_finishes_what_is_in_hand_and_leaves_the_rest_for_later() {
    let transport = Arc::new(MemoryTransport::new());
    let started = Arc::new(AtomicUsize::new(0));
    let finished = Arc::new(AtomicUsize::new(0));
    let app = |started: Arc<AtomicUsize>, finished: Arc<AtomicUsize>| {
        EventApp::new(transport.clone(), "/test").settings(Settings { concurrency: 1, ..fast() }).handle(
            "slow",
            move |_e: OrderCreated, _cx: Context| {
                let (s, f) = (started.clone(), finished.clone());
                async move {
                    s.fetch_add(1, Ordering::SeqCst);
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    f.fetch_add(1, Ordering::SeqCst);
                    Ok(())
                }
            },
        )
    };
    let publisher = EventPublisher::new(transport.clone(), "/orders");
    for seq in 0..5 {
        publisher.publish(&OrderCreated { order_id: "o".into(), seq }).await.unwrap();
    }
    let s = started.clone();
    run_until(app(started.clone(), finished.clone()), move || s.load(Ordering::SeqCst) == 1).await;
    assert_eq!(finished.load(Ordering::SeqCst), 1, "the handler in flight finished before the stop returned");
    assert_eq!(started.load(Ordering::SeqCst), 1, "nothing new started after the stop");
    // The four left unhandled are delivered to the next instance.
    let f = finished.clone();
    run_until(app(started.clone(), finished.clone()), move || f.load(Ordering::SeqCst) == 5).await;
    assert_eq!(finished.load(Ordering::SeqCst), 5);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn follow_up_events_carry_the_correlation_id_and_trace() {
    let transport = Arc::new(MemoryTransport::new());
    let mut invoices = transport.subscribe("invoices.raised", "audit").await.unwrap();
    let app = EventApp::new(transport.clone(), "/billing").settings(fast()).handle(
        "billing",
        |e: OrderCreated, cx: Context| async move {
            cx.publish(&InvoiceRaised { order_id: e.order_id }).await.map_err(HandlerError::retry)?;
            Ok(())
        },
    );
    let publisher = EventPublisher::new(transport.clone(), "/orders");
    let id = publisher.publish(&OrderCreated { order_id: "o-9".into(), seq: 1 }).await.unwrap();
    let (stop, stopped) = oneshot::channel::<()>();
    let running = tokio::spawn(app.run(async move {
        stopped.await.expect("the test stops the app");
    }));
    let d = tokio::time::timeout(Duration::from_secs(5), invoices.next()).await.unwrap().unwrap().unwrap();
    let stopped_early = stop.send(()).is_err();
    running.await.unwrap().unwrap();
    assert!(!stopped_early, "the app stopped before it was told to");
    let h = &d.message.headers;
    assert_eq!(h.get(attr::CAUSATIONID), Some(id.as_str()));
    assert_eq!(h.get(attr::CORRELATIONID), Some(id.as_str()));
    assert_eq!(h.get(attr::TYPE), Some("InvoiceRaised"));
    assert_eq!(h.get(attr::SOURCE), Some("/billing"));
    assert_eq!(h.get(attr::SPECVERSION), Some("1.0"));
    assert_eq!(h.get(attr::DATACONTENTTYPE), Some("application/json"));
    assert!(h.get(attr::TIME).is_some_and(|t| chrono::DateTime::parse_from_rfc3339(t).is_ok()));
    let trace = specwright_runtime::events::TraceParent::parse(h.get(attr::TRACEPARENT).unwrap()).unwrap();
    assert_ne!(trace.trace_id, 0);
    assert_eq!(serde_json::from_slice::<InvoiceRaised>(&d.message.payload).unwrap().order_id, "o-9");
}

#[test]
fn the_memory_transport_says_what_it_guarantees() {
    let caps = MemoryTransport::new().capabilities();
    assert!(caps.ordering_per_key && caps.delayed_redelivery && !caps.durable);
}

/// A message that came with more headers than a reader keeps is not handled
/// with some missing: it is dead-lettered at once, saying why.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_message_over_the_header_limits_is_dead_lettered_unhandled() {
    let transport = Arc::new(MemoryTransport::new());
    let mut dead = transport.subscribe("orders.created.dlq", "ops").await.unwrap();
    let handled = Arc::new(AtomicUsize::new(0));
    let h = handled.clone();
    let app = EventApp::new(transport.clone(), "/test").settings(fast()).handle(
        "billing",
        move |_: OrderCreated, _cx: Context| {
            let h = h.clone();
            async move {
                h.fetch_add(1, Ordering::SeqCst);
                Ok(())
            }
        },
    );
    let publisher = EventPublisher::new(transport.clone(), "/orders");
    let mut message = publisher.message(&OrderCreated { order_id: "crowded".into(), seq: 1 }).unwrap();
    // What a transport does with the headers of a crafted message.
    for i in 0..1_000 {
        message.headers.insert_copied(&format!("x-pad-{i}"), "v");
    }
    transport.publish("orders.created", message).await.unwrap();
    let running = app.start().await.unwrap();
    let d = tokio::time::timeout(Duration::from_secs(5), dead.next()).await.unwrap().unwrap().unwrap();
    running.stop().await;
    let reason = d.message.headers.get(attr::DEADLETTER_REASON).unwrap().to_string();
    assert!(reason.contains("headers"), "{reason}");
    assert_eq!(d.message.headers.get(attr::ID), Some("crowded-1"));
    assert!(d.message.headers.get("x-pad-0").is_none(), "the dead letter keeps the attributes, not the padding");
    assert!(!d.message.headers.overflowed());
    assert_eq!(handled.load(Ordering::SeqCst), 0, "never handled");
}
