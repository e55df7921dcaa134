//! The part of the Specwright runtime that generated *types* need, and the
//! pieces the runtime's other crates share. Code uses it through
//! [`specwright-runtime`](https://docs.rs/specwright-runtime), which
//! re-exports everything here at its root; depend on this crate directly
//! only to build a runtime crate of your own.
//!
//! - [`Nullable`] for a property that is both optional and nullable;
//! - [`Base64`] (and the [`base64`] serde module) for `format: byte`;
//! - parameter [`style`]s and the [`security`] schemes a spec declares;
//! - [`untagged`] union matching, and the support code behind the lean
//!   `Serialize`/`Deserialize` derives;
//! - with `binary`: `Binary`, `FilePart` and `BoxError`, the bodies the
//!   HTTP client and server crates both carry;
//! - with `postgres` or `redis`: the one reconnecting connection each store
//!   of the server and events crates keeps (for those crates only; not a
//!   stable API).
//!
//! The derives' support expands to paths under `specwright_runtime`, so the
//! derives work in crates that depend on the façade.
//!
//! ```
//! use specwright_core::Nullable;
//!
//! let nickname: Nullable<String> = serde_json::from_str("null")?;
//! assert!(nickname.is_null());
//! # Ok::<(), serde_json::Error>(())
//! ```

#![cfg_attr(docsrs, feature(doc_cfg))]

#[doc(hidden)]
#[path = "derive.rs"]
pub mod __derive;
pub mod base64;
#[cfg(feature = "binary")]
mod binary;
#[cfg(any(feature = "postgres", feature = "redis"))]
#[doc(hidden)]
pub mod connection;
mod nullable;
#[cfg(feature = "schemars")]
mod schemas;
pub mod security;
pub mod style;
pub mod untagged;

pub use base64::Base64;
#[cfg(feature = "binary")]
pub use binary::{Binary, BoxError, FilePart};
pub use nullable::Nullable;
