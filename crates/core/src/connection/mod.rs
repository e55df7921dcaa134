//! The connections the runtime's stores keep: each reconnects after the
//! server restarts and gives up on an attempt in seconds, so a store fails
//! a call rather than hanging it. For the runtime's own crates; not a
//! stable API.

#[cfg(feature = "postgres")]
pub mod postgres;
#[cfg(feature = "redis")]
pub mod redis;
