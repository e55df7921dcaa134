//! The second phase: the plans as Rust. Each module writes one file of the
//! generated crate from the plans ([`crate::plan`]) with `quote!`, on the
//! shared toolkit in [`common`]; [`format`] prints the tokens, and
//! [`scaffold`] writes the files around them (the manifest and `lib.rs`).

pub(crate) mod client;
pub(crate) mod common;
pub(crate) mod events;
pub(crate) mod examples;
pub(crate) mod format;
pub(crate) mod operations;
pub(crate) mod scaffold;
pub(crate) mod server;
pub mod types;
pub(crate) mod validation;
