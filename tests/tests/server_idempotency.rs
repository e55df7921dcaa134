//! Idempotency keys over the generated petstore server, with each store:
//! a sequential and a concurrent duplicate POST, a key reused for another
//! body, a key that expired, and keys that belong to their callers (two
//! callers with one key, a replay without credentials, refusals never
//! stored). Redis and PostgreSQL are the real servers on 127.0.0.1; each run
//! uses keys and tables of its own.

use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use petstore_api::server;
use serde_json::{json, Value};
use specwright_runtime::server::idempotency::{
    Idempotency, IdempotencyStore, MemoryIdempotency, PostgresIdempotency, RedisIdempotency,
};
use specwright_tests::petstore::{Petstore, Store};
use specwright_tests::serve;

const TTL: Duration = Duration::from_secs(2);

/// The partner's API key; `ada` and `guest` are bearer tokens, and `None` sends no credentials.
const PARTNER: Option<(&str, &str)> = Some(("X-API-Key", "partner-key"));
const ADA: Option<(&str, &str)> = Some(("Authorization", "Bearer jwt-of-ada"));
const GUEST: Option<(&str, &str)> = Some(("Authorization", "Bearer jwt-of-guest"));

async fn post(url: &str, key: &str, name: &str) -> (u16, Option<String>, Value) {
    post_as(url, PARTNER, key, json!({"petType": "cat", "name": name})).await
}

async fn post_as(url: &str, credentials: Option<(&str, &str)>, key: &str, body: Value) -> (u16, Option<String>, Value) {
    let mut request = reqwest::Client::new()
        .post(format!("{url}/pets"))
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", key)
        .body(body.to_string());
    if let Some((name, value)) = credentials {
        request = request.header(name, value);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let replayed = response.headers().get("idempotent-replayed").map(|v| v.to_str().unwrap().to_string());
    (status, replayed, serde_json::from_slice(&response.bytes().await.unwrap()).unwrap())
}

/// The four cases against one store; `run` makes keys unique to this run.
async fn scenario(store: impl IdempotencyStore, run: &str) {
    let pets = Arc::new(Store::default());
    let router = server::router(Petstore(pets.clone())).layer(Idempotency::new(store).ttl(TTL));
    let url = serve(router).await;
    let key = |name: &str| format!("{run}-{name}");

    // Sequential: the retry gets the stored answer; the pet is made once.
    let (status, replayed, first) = post(&url, &key("a"), "Miso").await;
    assert_eq!((status, replayed), (201, None), "{first}");
    let (status, replayed, again) = post(&url, &key("a"), "Miso").await;
    assert_eq!((status, replayed.as_deref()), (201, Some("true")));
    assert_eq!(again, first);
    assert_eq!(pets.calls.load(Ordering::SeqCst), 1);

    // The same key for another request.
    let (status, _, problem) = post(&url, &key("a"), "Rex").await;
    assert_eq!(status, 422, "{problem}");

    // Concurrent: the second arrives while the first is running.
    *pets.create_delay.lock().unwrap() = Duration::from_millis(600);
    let slow = tokio::spawn({
        let (url, key) = (url.clone(), key("b"));
        async move { post(&url, &key, "Rex").await }
    });
    tokio::time::sleep(Duration::from_millis(200)).await;
    let (status, _, problem) = post(&url, &key("b"), "Rex").await;
    assert_eq!(status, 409, "{problem}");
    assert_eq!(slow.await.unwrap().0, 201);
    *pets.create_delay.lock().unwrap() = Duration::ZERO;
    assert_eq!(pets.calls.load(Ordering::SeqCst), 2);

    // The key is the partner's: without credentials, the same key and body
    // get 401, not the partner's pet.
    let miso = json!({"petType": "cat", "name": "Miso"});
    let (status, replayed, _) = post_as(&url, None, &key("a"), miso.clone()).await;
    assert_eq!((status, replayed), (401, None));
    // Another caller with the same key and body runs the operation and gets
    // an answer of its own (the name is taken: the operation's own 409).
    let (status, replayed, _) = post_as(&url, ADA, &key("a"), miso.clone()).await;
    assert_eq!((status, replayed), (409, None));
    assert_eq!(pets.calls.load(Ordering::SeqCst), 3);

    // Refusals are not stored: a 401, a 403 and an invalid body each leave
    // the key free, and the caller's corrected retry runs.
    let luna = json!({"petType": "cat", "name": "Luna"});
    let (status, _, _) = post_as(&url, None, &key("c"), luna.clone()).await;
    assert_eq!(status, 401);
    let (status, _, _) = post_as(&url, GUEST, &key("c"), luna.clone()).await;
    assert_eq!(status, 403);
    let (status, _, _) = post_as(&url, PARTNER, &key("c"), json!({"petType": "cat"})).await;
    assert_eq!(status, 400);
    let (status, replayed, _) = post_as(&url, PARTNER, &key("c"), luna).await;
    assert_eq!((status, replayed), (201, None));
    assert_eq!(pets.calls.load(Ordering::SeqCst), 4);

    // Expiry: once the key is forgotten, the request runs again (and the
    // name is now taken, which the operation answers with its own 409).
    tokio::time::sleep(TTL + Duration::from_millis(500)).await;
    let (status, replayed, _) = post(&url, &key("a"), "Miso").await;
    assert_eq!((status, replayed), (409, None));
    assert_eq!(pets.calls.load(Ordering::SeqCst), 5);
}

fn run_id() -> String {
    format!("idem{}", uuid::Uuid::new_v4().simple())
}

#[tokio::test]
async fn in_memory_keys() {
    scenario(MemoryIdempotency::new(), &run_id()).await;
}

#[tokio::test]
#[ignore = "needs Redis: cargo xtask ci runs it"]
async fn redis_keys() {
    let url = "redis://127.0.0.1:6379";
    let run = run_id();
    let store = RedisIdempotency::connect(url, format!("specwright-test:{run}"))
        .await
        .unwrap_or_else(|e| panic!("this test needs Redis at {url}: {e}"));
    scenario(store, &run).await;
}

#[tokio::test]
#[ignore = "needs PostgreSQL: cargo xtask ci runs it"]
async fn postgres_keys() {
    let url = "host=127.0.0.1 user=postgres dbname=test";
    let run = run_id();
    let store = PostgresIdempotency::connect(url, &run)
        .await
        .unwrap_or_else(|e| panic!("this test needs PostgreSQL at {url}: {e}"));
    scenario(store, &run).await;
    let (client, connection) = tokio_postgres::connect(url, tokio_postgres::NoTls).await.unwrap();
    tokio::spawn(connection);
    client.batch_execute(&format!("DROP TABLE {run}")).await.unwrap();
}
