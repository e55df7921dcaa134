//! What each service did, in order: printed as it happens, and read back
//! by the tests.

use std::sync::Mutex;
use std::time::Duration;

use tokio::sync::Notify;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub service: &'static str,
    pub text: String,
}

#[derive(Default)]
pub struct Journal {
    entries: Mutex<Vec<Entry>>,
    changed: Notify,
    echo: bool,
}

impl Journal {
    /// A journal that also prints each entry as it is written.
    pub fn printing() -> Journal {
        Journal { echo: true, ..Journal::default() }
    }

    pub fn record(&self, service: &'static str, text: String) {
        if self.echo {
            println!("{service:<14}{text}");
        }
        self.entries.lock().unwrap_or_else(|e| e.into_inner()).push(Entry { service, text });
        self.changed.notify_waiters();
    }

    pub fn entries(&self) -> Vec<Entry> {
        self.entries.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// The entries of `service` that start with `prefix`.
    pub fn count(&self, service: &str, prefix: &str) -> usize {
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries.iter().filter(|e| e.service == service && e.text.starts_with(prefix)).count()
    }

    /// Waits until `done` holds, or `patience` has passed; says which.
    pub async fn wait_until(&self, patience: Duration, done: impl Fn(&Journal) -> bool) -> bool {
        let deadline = tokio::time::Instant::now() + patience;
        loop {
            // Made before the check, so a change between the two is not missed.
            let changed = self.changed.notified();
            if done(self) {
                return true;
            }
            if tokio::time::timeout_at(deadline, changed).await.is_err() {
                return done(self);
            }
        }
    }
}
