//! The in-memory transport passes the conformance suite.

use std::sync::Arc;

use specwright_runtime::events::{MemoryDedupe, MemoryTransport};

specwright_runtime::conformance_tests!(Arc::new(MemoryTransport::new()));

#[tokio::test]
async fn the_memory_dedupe_store_keeps_what_every_store_keeps() {
    specwright_runtime::events::conformance::dedupe_store(Arc::new(MemoryDedupe::default())).await;
}
