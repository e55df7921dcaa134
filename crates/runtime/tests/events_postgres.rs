//! The PostgreSQL dedupe store, against the PostgreSQL on 127.0.0.1:5432
//! (database `test`, a table of the test's own, dropped afterwards).

use std::sync::Arc;
use std::time::Duration;

use specwright_runtime::events::{Claim, DedupeStore, PostgresDedupe};

const URL: &str = "host=127.0.0.1 port=5432 user=postgres dbname=test";

async fn store(what: &str) -> (PostgresDedupe, String) {
    let table = format!("specwright_dedupe_{what}_{}", std::process::id());
    let store = PostgresDedupe::connect(URL, &table)
        .await
        .unwrap_or_else(|e| panic!("these tests need PostgreSQL on 127.0.0.1:5432 with a `test` database: {e}"));
    (store, table)
}

async fn drop_table(table: &str) {
    let (client, connection) = tokio_postgres::connect(URL, tokio_postgres::NoTls).await.unwrap();
    tokio::spawn(connection);
    client.batch_execute(&format!("DROP TABLE IF EXISTS {table}")).await.unwrap();
}

#[tokio::test]
#[ignore = "needs PostgreSQL: cargo xtask ci runs it"]
async fn keeps_what_every_dedupe_store_keeps() {
    let (store, table) = store("rules").await;
    specwright_runtime::events::conformance::dedupe_store(Arc::new(store)).await;
    drop_table(&table).await;
}

#[tokio::test]
#[ignore = "needs PostgreSQL: cargo xtask ci runs it"]
async fn a_claim_whose_handler_died_is_taken_over() {
    let (store, table) = store("expiry").await;
    let store = store.claim_ttl(Duration::from_millis(300));
    assert_eq!(store.claim("g", "e").await.unwrap(), Claim::Claimed);
    assert_eq!(store.claim("g", "e").await.unwrap(), Claim::InProgress);
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(store.claim("g", "e").await.unwrap(), Claim::Claimed);
    store.complete("g", "e").await.unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(store.claim("g", "e").await.unwrap(), Claim::Done, "a handled id is never taken over");
    drop_table(&table).await;
}

#[tokio::test]
#[ignore = "needs PostgreSQL: cargo xtask ci runs it"]
async fn refuses_a_table_name_that_is_not_plain() {
    let err = PostgresDedupe::connect(URL, "x; DROP TABLE y").await.err().unwrap();
    assert!(err.to_string().contains("not a plain table name"), "{err}");
}
