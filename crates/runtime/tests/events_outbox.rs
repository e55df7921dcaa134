//! The outbox, against the PostgreSQL on 127.0.0.1:5432 (database `test`,
//! tables of the test's own) and a nats-server the test starts.
//!
//! The kill test runs the service as child processes of this test binary:
//! the first commits an order with its event and is killed while its relay
//! is publishing; the second, "after the restart", relays. The event arrives.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt;
use serde::{Deserialize, Serialize};
use specwright_runtime::events::conformance::NatsServer;
use specwright_runtime::events::{
    attr, BoxFuture, Event, Message, NatsOptions, NatsTransport, Outbox, Publisher, Subscriber, TransportError,
};
use tokio_postgres::{Client, NoTls};

const URL: &str = "host=127.0.0.1 port=5432 user=postgres dbname=test";

#[derive(Serialize, Deserialize, Debug, PartialEq)]
struct OrderPlaced {
    order: i64,
    total_cents: i64,
}

impl Event for OrderPlaced {
    const NAME: &'static str = "OrderPlaced";
    const CHANNEL: &'static str = "outbox-test.orders";
    fn key(&self) -> Option<String> {
        Some(self.order.to_string())
    }
}

async fn connect() -> Client {
    let (client, connection) = tokio_postgres::connect(URL, NoTls)
        .await
        .unwrap_or_else(|e| panic!("these tests need PostgreSQL on 127.0.0.1:5432 with a `test` database: {e}"));
    tokio::spawn(connection);
    client
}

/// Tables named for this run, so runs never collide.
struct Tables {
    orders: String,
    outbox: String,
}

impl Tables {
    fn new(what: &str) -> Tables {
        let run = format!("{what}_{}", uuid::Uuid::new_v4().simple());
        Tables { orders: format!("orders_{run}"), outbox: format!("outbox_{run}") }
    }

    fn from_env() -> Tables {
        Tables { orders: std::env::var("ORDERS_TABLE").unwrap(), outbox: std::env::var("OUTBOX_TABLE").unwrap() }
    }

    async fn create(&self, client: &Client) {
        client
            .batch_execute(&format!(
                "CREATE TABLE {} (id bigint PRIMARY KEY, total_cents bigint NOT NULL)",
                self.orders
            ))
            .await
            .unwrap();
        Outbox::new(&self.outbox, "/orders").unwrap().create_table(client).await.unwrap();
    }

    async fn drop(&self, client: &Client) {
        client.batch_execute(&format!("DROP TABLE IF EXISTS {}, {}", self.orders, self.outbox)).await.unwrap();
    }
}

async fn place_order(client: &mut Client, outbox: &Outbox, tables: &Tables, order: i64, commit: bool) -> String {
    let tx = client.transaction().await.unwrap();
    tx.execute(&format!("INSERT INTO {} (id, total_cents) VALUES ($1, $2)", tables.orders), &[&order, &1999i64])
        .await
        .unwrap();
    let id = outbox.publish(&tx, &OrderPlaced { order, total_cents: 1999 }).await.unwrap();
    if commit {
        tx.commit().await.unwrap();
    } else {
        tx.rollback().await.unwrap();
    }
    id
}

async fn count(client: &Client, table: &str) -> i64 {
    client.query_one(&format!("SELECT count(*) FROM {table}"), &[]).await.unwrap().get(0)
}

/// A transport that takes the message and never finishes publishing it:
/// the process is killed with the event between commit and the broker.
struct Stalled;

impl Publisher for Stalled {
    fn publish<'a>(&'a self, channel: &'a str, _: Message) -> BoxFuture<'a, Result<(), TransportError>> {
        println!("publishing to {channel}");
        Box::pin(std::future::pending())
    }
}

/// A service process that does not outlive a failing test.
struct KillOnDrop(std::process::Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let id = self.0.id();
        if let Err(e) = self.0.kill() {
            eprintln!("service process {id} not killed: {e}");
        }
        if let Err(e) = self.0.wait() {
            eprintln!("service process {id} not reaped: {e}");
        }
    }
}

/// The service's processes, run by `an_event_committed_by_a_killed_process_is_published_after_restart`.
#[tokio::test]
#[ignore = "a process the kill test starts"]
async fn service_process() {
    let role = std::env::var("OUTBOX_ROLE").expect("started by the kill test, which sets OUTBOX_ROLE");
    let tables = Tables::from_env();
    let outbox = Outbox::new(&tables.outbox, "/orders").unwrap();
    match role.as_str() {
        "commit-then-die" => {
            let mut client = connect().await;
            let id = place_order(&mut client, &outbox, &tables, 7, true).await;
            println!("committed {id}");
            let relay = outbox.relay(URL, Arc::new(Stalled)).poll_interval(Duration::from_millis(50));
            relay.run(std::future::pending()).await;
        }
        "restarted" => {
            let nats =
                NatsTransport::connect(&std::env::var("NATS_URL").unwrap(), NatsOptions::default()).await.unwrap();
            let relay = outbox.relay(URL, Arc::new(nats));
            println!("relayed {}", relay.drain().await.unwrap());
        }
        other => panic!("unknown role {other}"),
    }
}

#[tokio::test]
#[ignore = "needs PostgreSQL and a broker: cargo xtask ci runs it"]
async fn an_event_committed_by_a_killed_process_is_published_after_restart() {
    let server = NatsServer::start();
    let tables = Tables::new("kill");
    let client = connect().await;
    tables.create(&client).await;
    let service = |role: &str| {
        Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "service_process", "--ignored", "--nocapture", "--test-threads=1"])
            .env("OUTBOX_ROLE", role)
            .env("ORDERS_TABLE", &tables.orders)
            .env("OUTBOX_TABLE", &tables.outbox)
            .env("NATS_URL", &server.url)
            .stdout(Stdio::piped())
            .spawn()
            .unwrap()
    };

    let mut first = KillOnDrop(service("commit-then-die"));
    let mut lines = BufReader::new(first.0.stdout.take().unwrap()).lines().map(Result::unwrap);
    // The test harness writes its own text around the service's, even on the same line.
    let mut said = |what: &str| {
        let line = lines.find(|l| l.contains(what)).unwrap_or_else(|| panic!("the service never said `{what}`"));
        line[line.find(what).unwrap() + what.len()..].to_string()
    };
    let id = said("committed ");
    assert_eq!(said("publishing to "), OrderPlaced::CHANNEL);
    first.0.kill().unwrap(); // SIGKILL: nothing runs after this
    first.0.wait().unwrap();

    assert_eq!(count(&client, &tables.orders).await, 1, "the order was committed");
    assert_eq!(count(&client, &tables.outbox).await, 1, "its event waits in the outbox");

    let second = service("restarted").wait_with_output().unwrap();
    assert!(second.status.success(), "the restarted service failed");
    assert!(String::from_utf8_lossy(&second.stdout).contains("relayed 1"));
    assert_eq!(count(&client, &tables.outbox).await, 0, "the outbox is empty once relayed");

    let nats = NatsTransport::connect(&server.url, NatsOptions::default()).await.unwrap();
    let mut deliveries = nats.subscribe(OrderPlaced::CHANNEL, "check").await.unwrap();
    let delivery = tokio::time::timeout(Duration::from_secs(10), deliveries.next())
        .await
        .expect("the event arrives")
        .unwrap()
        .unwrap();
    assert_eq!(delivery.message.id(), Some(id.as_str()));
    assert_eq!(delivery.message.event_type(), Some("OrderPlaced"));
    assert_eq!(delivery.message.headers.get(attr::SOURCE), Some("/orders"));
    assert_eq!(delivery.message.key(), Some("7"));
    let event: OrderPlaced = serde_json::from_slice(&delivery.message.payload).unwrap();
    assert_eq!(event, OrderPlaced { order: 7, total_cents: 1999 });
    delivery.ack().await.unwrap();
    let again = tokio::time::timeout(Duration::from_millis(500), deliveries.next()).await;
    assert!(again.is_err(), "published once");
    tables.drop(&client).await;
}

#[tokio::test]
#[ignore = "needs PostgreSQL and a broker: cargo xtask ci runs it"]
async fn a_rolled_back_change_announces_nothing_and_a_running_relay_publishes_in_order() {
    let tables = Tables::new("order");
    let mut client = connect().await;
    tables.create(&client).await;
    let outbox = Outbox::new(&tables.outbox, "/orders").unwrap();
    let transport = Arc::new(specwright_runtime::events::MemoryTransport::new());
    let mut deliveries = transport.subscribe(OrderPlaced::CHANNEL, "check").await.unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    // Polling alone would take a minute: what arrives sooner was woken by the commit's NOTIFY.
    let relay = outbox.relay(URL, transport.clone()).batch(3).poll_interval(Duration::from_secs(60));
    let relay = tokio::spawn(relay.run(async {
        stopped.await.expect("the test stops the relay");
    }));

    place_order(&mut client, &outbox, &tables, 1, false).await;
    let mut ids = Vec::new();
    for order in 2..=11 {
        ids.push(place_order(&mut client, &outbox, &tables, order, true).await);
    }
    for (n, id) in ids.iter().enumerate() {
        let delivery = tokio::time::timeout(Duration::from_secs(5), deliveries.next())
            .await
            .unwrap_or_else(|_| panic!("event {n} did not arrive"))
            .unwrap()
            .unwrap();
        assert_eq!(delivery.message.id(), Some(id.as_str()), "in the order committed");
        delivery.ack().await.unwrap();
    }
    assert!(tokio::time::timeout(Duration::from_millis(300), deliveries.next()).await.is_err(), "no more");
    stop.send(()).unwrap();
    relay.await.unwrap();
    assert_eq!(count(&client, &tables.outbox).await, 0);
    assert_eq!(count(&client, &tables.orders).await, 10, "the rolled-back order is not there");
    tables.drop(&client).await;
}

#[test]
fn a_table_name_that_is_not_plain_is_refused() {
    let e = Outbox::new("orders; DROP TABLE x", "/orders").err().unwrap();
    assert_eq!(e.to_string(), "`orders; DROP TABLE x` is not a plain table name (letters, digits and `_`)");
}
