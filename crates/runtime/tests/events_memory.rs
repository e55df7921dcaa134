//! The in-memory transport passes the conformance suite.

use std::sync::Arc;

use specwright_runtime::events::MemoryTransport;

specwright_runtime::conformance_tests!(Arc::new(MemoryTransport::new()));
