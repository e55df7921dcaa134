//! The connections the runtime's stores keep: each reconnects after the
//! server restarts and gives up on an attempt in seconds, so a store fails
//! a call rather than hanging it.

#[cfg(feature = "postgres")]
pub mod postgres;
#[cfg(feature = "redis")]
pub mod redis;
