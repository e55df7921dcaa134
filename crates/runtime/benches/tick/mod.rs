//! The event both event benches publish: small, keyed (64 accounts), with
//! an id, so ordering and dedupe both do their work.

use serde::{Deserialize, Serialize};
use specwright_runtime::events::Event;

#[derive(Serialize, Deserialize)]
pub struct Tick {
    pub id: u64,
    pub account: u32,
}

impl Tick {
    pub fn new(id: u64) -> Tick {
        Tick { id, account: (id % 64) as u32 }
    }
}

impl Event for Tick {
    const NAME: &'static str = "Tick";
    const CHANNEL: &'static str = "bench.ticks";
    fn key(&self) -> Option<String> {
        Some(self.account.to_string())
    }
    fn id(&self) -> Option<String> {
        Some(self.id.to_string())
    }
}
