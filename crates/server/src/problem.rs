//! Answers a server gives on its own: problem details (RFC 9457) listing
//! each invalid value by where it is, and the failures a handler returns
//! besides the errors its operation documents.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// Where in the request an invalid value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Place {
    Path,
    Query,
    Header,
    Cookie,
    Body,
}

/// One invalid value: where it is, and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Violation {
    #[serde(rename = "in")]
    pub place: Place,
    /// The parameter's name; absent for the body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A JSON pointer into the parameter's or body's value; empty for the whole.
    pub pointer: String,
    pub detail: String,
}

/// An `application/problem+json` answer.
#[derive(Clone, Debug, Serialize)]
pub struct Problem {
    #[serde(skip)]
    pub status: StatusCode,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(rename = "status")]
    code: u16,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<Violation>,
    /// Headers the answer needs (`WWW-Authenticate` on a 401).
    #[serde(skip)]
    pub headers: Vec<(header::HeaderName, HeaderValue)>,
}

impl Problem {
    pub fn new(status: StatusCode, detail: impl Into<String>) -> Problem {
        Problem {
            status,
            kind: "about:blank",
            title: status.canonical_reason().unwrap_or("Error").to_string(),
            detail: Some(detail.into()),
            code: status.as_u16(),
            errors: Vec::new(),
            headers: Vec::new(),
        }
    }

    /// A 400 (or the given status) listing every invalid value.
    pub fn invalid(status: StatusCode, errors: Vec<Violation>) -> Problem {
        let detail = match errors.len() {
            1 => "the request has an invalid value".to_string(),
            n => format!("the request has {n} invalid values"),
        };
        Problem { errors, ..Problem::new(status, detail) }
    }

    pub fn with_header(mut self, name: header::HeaderName, value: HeaderValue) -> Problem {
        self.headers.push((name, value));
        self
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let body = serde_json::to_vec(&self).unwrap_or_default();
        let mut response = (self.status, body).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
        for (name, value) in self.headers {
            headers.append(name, value);
        }
        response
    }
}

/// What a handler returns when it can't answer with its operation's own
/// responses: a documented error, or a problem of another status.
#[derive(Debug)]
pub enum Failure<E> {
    /// One of the errors the operation documents.
    Documented(E),
    Problem(Problem),
}

/// What a handler returns: a documented response, or a failure.
pub type Answer<R, E> = Result<R, Failure<E>>;

impl<E> From<E> for Failure<E> {
    fn from(error: E) -> Failure<E> {
        Failure::Documented(error)
    }
}

impl<E> Failure<E> {
    /// 501: the operation has no implementation yet.
    pub fn not_implemented(operation: &str) -> Failure<E> {
        Failure::Problem(Problem::new(StatusCode::NOT_IMPLEMENTED, format!("`{operation}` is not implemented")))
    }

    /// 500, for an error the handler can't answer otherwise. The error is
    /// logged; the caller sees no more than that something failed.
    pub fn internal(error: impl std::fmt::Display) -> Failure<E> {
        tracing::error!(%error, "handler failed");
        Failure::Problem(Problem::new(StatusCode::INTERNAL_SERVER_ERROR, "the server failed to answer"))
    }

    pub fn status(status: StatusCode, detail: impl Into<String>) -> Failure<E> {
        Failure::Problem(Problem::new(status, detail))
    }
}

impl<E: IntoResponse> IntoResponse for Failure<E> {
    fn into_response(self) -> Response {
        match self {
            Failure::Documented(e) => e.into_response(),
            Failure::Problem(p) => p.into_response(),
        }
    }
}
