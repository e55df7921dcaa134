//! The HTTP server core of generated servers: routes from the spec's paths,
//! parameters and bodies read per style and media type and checked against
//! their schemas before any handler runs, security requirements met through
//! a hook the implementation gives, and answers built per response.
//!
//! Part of the Specwright runtime: generated code and users reach it through
//! [`specwright-runtime`](https://docs.rs/specwright-runtime) as
//! `specwright_runtime::server`, with the façade's `server` feature (and
//! `redis` or `postgres` for a shared store of idempotency keys). It needs
//! only `specwright-core`.

#![cfg_attr(docsrs, feature(doc_cfg))]

mod auth;
mod equality;
pub mod idempotency;
mod input;
mod params;
mod problem;
mod reply;
mod routes;
pub mod schema;
mod settings;
mod spool;

pub use auth::{Credentials, Denied, Presented};
pub use idempotency::Idempotent;
pub use input::{Input, Parts};
pub use problem::{Answer, Failure, Place, Problem, Violation};
pub use reply::{reply, Reply};
pub use routes::{BoxFuture, Handler, Routes};
pub use schema::{Additional, Format, Prepared, Schema};
pub use settings::Settings;

pub use specwright_core::security::{KeyLocation, Scheme, SchemeKind, Secret};
pub use specwright_core::style::Style;
pub use specwright_core::{Binary, FilePart};

/// Re-exported so generated servers and their users need not name axum's version.
pub use axum;
pub use axum::http::{Method, StatusCode};
pub use axum::response::{IntoResponse, Response};
pub use axum::Router;

/// What a generated server knows of its spec as a whole.
#[derive(Debug)]
pub struct Spec {
    /// The schemas its parameters and bodies are checked against.
    pub schemas: &'static [Schema],
    pub schemes: &'static [Scheme],
    /// Patterns and enumerations, made ready on first use: `Prepared::new()`.
    pub prepared: schema::Prepared,
}

impl Spec {
    pub(crate) fn schemas(&'static self) -> schema::Schemas {
        schema::Schemas { table: self.schemas, prepared: &self.prepared }
    }
}

/// One operation, as its handler and router see it.
#[derive(Debug)]
pub struct Operation {
    pub id: &'static str,
    pub method: Method,
    /// The path template, as the spec writes it.
    pub path: &'static str,
    /// Alternatives, each the names of the schemes that go together; an
    /// empty alternative lets a request without credentials through.
    pub security: &'static [&'static [&'static str]],
    /// The media types its responses have, for `Accept`.
    pub produces: &'static [&'static str],
    /// The status for a request whose path parameters are invalid: 400,
    /// or 404 where the operation documents that and no 400.
    pub invalid_path: StatusCode,
}

/// A fallback for paths no operation has: 404 as a problem rather than
/// axum's empty answer. Opt in with `router.fallback(not_found)` on the
/// outermost router; a router takes one fallback, so two merged routers
/// that both had one would clash.
pub async fn not_found(uri: axum::http::Uri) -> Response {
    Problem::new(StatusCode::NOT_FOUND, format!("no operation has the path `{}`", uri.path())).into_response()
}

/// The answer for what an operation returned: its response, its documented
/// error, or a problem, which `reject` renders (the implementation's
/// `rejection`, so problems can take the API's own error format).
pub fn respond<R: IntoResponse, E: IntoResponse>(
    answer: Answer<R, E>,
    reject: impl FnOnce(Problem) -> Response,
) -> Response {
    match answer {
        Ok(response) => response.into_response(),
        Err(Failure::Documented(error)) => error.into_response(),
        Err(Failure::Problem(problem)) => reject(problem),
    }
}
