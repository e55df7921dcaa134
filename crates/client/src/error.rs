//! What a call can end in besides the response the caller hoped for.

use reqwest::header::HeaderMap;
use reqwest::StatusCode;

use super::response::Response;

/// Why a call failed. `E` is the operation's enum of documented error
/// responses, so those come back typed.
#[derive(Debug)]
pub enum Error<E> {
    /// The server answered with a status the spec documents as an error.
    Api(Box<Response<E>>),
    /// The server answered with a status the spec does not document.
    UnexpectedStatus(Box<Unexpected>),
    /// The response body does not fit the type the spec gives it.
    Decode { status: StatusCode, message: String, body: bytes::Bytes },
    /// The request could not be built: a parameter that can't be sent as
    /// it is (a header with a line break, `..` as a path segment, ...).
    InvalidRequest(String),
    /// Getting or applying credentials failed.
    Auth(String),
    /// The request did not get an answer: connection, TLS, timeout.
    Transport(reqwest_middleware::Error),
}

impl<E> Error<E> {
    /// The HTTP status, where the server answered.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Api(r) => Some(r.status()),
            Error::UnexpectedStatus(u) => Some(u.status),
            Error::Decode { status, .. } => Some(*status),
            Error::Transport(e) => e.status(),
            Error::InvalidRequest(_) | Error::Auth(_) => None,
        }
    }
}

impl<E: std::fmt::Debug> std::fmt::Display for Error<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Api(r) => write!(f, "the server answered {}: {:?}", r.status(), r.body()),
            Error::UnexpectedStatus(u) => {
                write!(f, "the server answered {}, which the spec does not document", u.status)?;
                if !u.body.is_empty() {
                    write!(f, ": {}", String::from_utf8_lossy(&u.body[..u.body.len().min(200)]))?;
                }
                Ok(())
            }
            Error::Decode { status, message, .. } => write!(f, "the {status} response body does not fit: {message}"),
            Error::InvalidRequest(m) => write!(f, "invalid request: {m}"),
            Error::Auth(m) => write!(f, "credentials: {m}"),
            Error::Transport(e) => write!(f, "transport: {e}"),
        }
    }
}

impl<E: std::fmt::Debug> std::error::Error for Error<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Transport(e) => Some(e),
            _ => None,
        }
    }
}

/// A failure that does not depend on the operation; it becomes an [`Error`]
/// of any operation, so the code that sends requests is shared by all.
#[derive(Debug)]
pub enum CallError {
    UnexpectedStatus(Box<Unexpected>),
    Decode { status: StatusCode, message: String, body: bytes::Bytes },
    InvalidRequest(String),
    Auth(String),
    Transport(reqwest_middleware::Error),
}

impl<E> From<CallError> for Error<E> {
    fn from(e: CallError) -> Self {
        match e {
            CallError::UnexpectedStatus(u) => Error::UnexpectedStatus(u),
            CallError::Decode { status, message, body } => Error::Decode { status, message, body },
            CallError::InvalidRequest(m) => Error::InvalidRequest(m),
            CallError::Auth(m) => Error::Auth(m),
            CallError::Transport(e) => Error::Transport(e),
        }
    }
}

/// A response with a status the spec does not document, read whole.
#[derive(Debug)]
pub struct Unexpected {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: bytes::Bytes,
}

/// A transport error whose URL has no query: reqwest writes the URL into
/// the error's text, and a query may hold an API key (`?api_key=...`).
pub(crate) fn without_query(e: reqwest_middleware::Error) -> reqwest_middleware::Error {
    match e {
        reqwest_middleware::Error::Reqwest(mut e) => {
            if let Some(url) = e.url_mut() {
                url.set_query(None);
            }
            reqwest_middleware::Error::Reqwest(e)
        }
        other => other,
    }
}
