//! The HTTP client core of generated clients: requests built from typed
//! parameters, credentials from the spec's security schemes, retries that
//! honour `Retry-After`, idempotency keys, and a tracing span per call.
//!
//! Part of the Specwright runtime: generated code and users reach it through
//! [`specwright-runtime`](https://docs.rs/specwright-runtime) as
//! `specwright_runtime::http`, with the façade's `client` feature. It needs
//! only `specwright-core`, so a crate that calls HTTP APIs builds no server
//! and no broker client.

mod auth;
mod client;
mod error;
mod form;
mod paginate;
mod received;
mod request;
mod response;
mod retry;
mod sending;
mod server;
pub mod style;

pub use auth::{Credential, KeyLocation, Scheme, SchemeKind, Secret};
pub use client::{BuildError, Client, ClientBuilder};
pub use error::{CallError, Error, Unexpected};
pub use form::FormBody;
pub use paginate::paginate;
pub use received::{RawResponse, Received};
pub use request::{Operation, Request};
pub use response::Response;
pub use retry::RetryPolicy;
pub use sending::Sending;
pub use server::{ServerTemplate, ServerUrlError};
pub use specwright_core::FilePart;
pub use style::Style;

/// Re-exported for generated code, so generated crates need not name them.
pub use futures_util::Stream;
pub use reqwest::{header::HeaderMap, multipart, Method, StatusCode};
