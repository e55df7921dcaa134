//! The limits of a generated server: what it reads into memory, what it
//! streams, what it spools to disk, and how long a request may take.

use std::time::Duration;

/// Settings for a generated server.
#[derive(Clone, Copy, Debug)]
pub struct Settings {
    pub(crate) body_limit: usize,
    pub(crate) upload_limit: usize,
    pub(crate) spool_above: usize,
    pub(crate) request_timeout: Duration,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            body_limit: 2 * 1024 * 1024,
            upload_limit: 2 * 1024 * 1024,
            spool_above: 64 * 1024,
            request_timeout: Duration::from_secs(30),
        }
    }
}

impl Settings {
    /// The largest body read into memory (JSON, form, text, and the value
    /// parts of a multipart body), in bytes: 2 MiB unless set. A larger one
    /// gets 413.
    pub fn body_limit(mut self, bytes: usize) -> Settings {
        self.body_limit = bytes;
        self
    }

    /// The largest streamed body (binary, or multipart as a whole), in
    /// bytes: 2 MiB unless set. A larger one gets 413, or ends the
    /// handler's stream with an error once it is being read.
    pub fn upload_limit(mut self, bytes: usize) -> Settings {
        self.upload_limit = bytes;
        self
    }

    /// The size past which a multipart file part is written to an unnamed
    /// temporary file as it arrives rather than held in memory (64 KiB
    /// unless set); the handler reads it back as a stream.
    pub fn spool_above(mut self, bytes: usize) -> Settings {
        self.spool_above = bytes;
        self
    }

    /// How long a request may take, from its arrival until the handler
    /// answers (reading the body, checking it, and the operation): 30 s
    /// unless set. One that takes longer is answered 503 and its work
    /// dropped, so a slow client or a stuck operation cannot hold a
    /// connection and its memory for ever.
    pub fn request_timeout(mut self, limit: Duration) -> Settings {
        self.request_timeout = limit;
        self
    }
}
