//! A response as the transport gives it, and once its body is read: where
//! a call's decoding (JSON, text, bytes, nothing) and its errors start.

use reqwest::header::HeaderMap;
use reqwest::StatusCode;
use serde::de::DeserializeOwned;
use specwright_core::Binary;

use super::error::{CallError, Unexpected};
use super::response::Response;

/// A response as it arrived, before its body is read.
pub struct RawResponse {
    pub(crate) inner: reqwest::Response,
}

impl RawResponse {
    pub fn status(&self) -> StatusCode {
        self.inner.status()
    }

    pub fn headers(&self) -> &HeaderMap {
        self.inner.headers()
    }

    /// A header's value as the type the spec gives it; `None` when absent.
    pub fn header<T: DeserializeOwned>(&self, name: &str) -> Result<Option<T>, CallError> {
        header(self.inner.headers(), name).map_err(|m| self.decode_error(m))
    }

    /// Like [`RawResponse::header`], for a header the spec requires.
    pub fn required_header<T: DeserializeOwned>(&self, name: &str) -> Result<T, CallError> {
        self.header(name)?.ok_or_else(|| self.decode_error(format!("the required header `{name}` is missing")))
    }

    fn decode_error(&self, message: String) -> CallError {
        CallError::Decode { status: self.status(), message, body: bytes::Bytes::new() }
    }

    fn split(self) -> (StatusCode, HeaderMap, reqwest::Response) {
        (self.inner.status(), self.inner.headers().clone(), self.inner)
    }

    /// Reads the whole body.
    pub async fn read(self) -> Result<Received, CallError> {
        let (status, headers, inner) = self.split();
        let body = inner.bytes().await.map_err(|e| CallError::Transport(super::error::without_query(e.into())))?;
        Ok(Received { status, headers, body })
    }

    /// The body as JSON of type `T`; an empty body reads as `null`.
    pub async fn json<T: DeserializeOwned>(self) -> Result<Response<T>, CallError> {
        self.read().await?.json()
    }

    /// The body as text.
    pub async fn text(self) -> Result<Response<String>, CallError> {
        self.read().await?.text()
    }

    /// The body as a stream of bytes, read as the caller consumes it.
    pub fn binary(self) -> Response<Binary> {
        let (status, headers, inner) = self.split();
        Response::new(status, headers, Binary::from_stream(inner.bytes_stream()))
    }

    /// A response without a body (whatever came is read and dropped).
    pub async fn empty(self) -> Result<Response<()>, CallError> {
        self.read().await?.empty()
    }

    /// A status the spec does not document.
    pub async fn unexpected(self) -> CallError {
        match self.read().await {
            Ok(received) => received.unexpected(),
            Err(e) => e,
        }
    }
}

/// A response with its body read: what most operations decode, with
/// synchronous, cheap-to-compile calls after the one `read().await`.
pub struct Received {
    status: StatusCode,
    headers: HeaderMap,
    body: bytes::Bytes,
}

impl Received {
    pub fn status(&self) -> StatusCode {
        self.status
    }

    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    fn decode_error(&self, message: String) -> CallError {
        CallError::Decode { status: self.status, message, body: self.body.clone() }
    }

    /// A header's value as the type the spec gives it; `None` when absent.
    pub fn header<T: DeserializeOwned>(&self, name: &str) -> Result<Option<T>, CallError> {
        header(&self.headers, name).map_err(|m| self.decode_error(m))
    }

    /// Like [`Received::header`], for a header the spec requires.
    pub fn required_header<T: DeserializeOwned>(&self, name: &str) -> Result<T, CallError> {
        self.header(name)?.ok_or_else(|| self.decode_error(format!("the required header `{name}` is missing")))
    }

    /// The body as JSON of type `T`. An empty body reads as `null`, so a
    /// type that accepts `null` accepts it.
    pub fn json<T: DeserializeOwned>(self) -> Result<Response<T>, CallError> {
        let parsed = if self.body.iter().all(u8::is_ascii_whitespace) {
            serde_json::from_slice(b"null")
        } else {
            serde_json::from_slice(&self.body)
        };
        match parsed {
            Ok(value) => Ok(Response::new(self.status, self.headers, value)),
            Err(e) => Err(CallError::Decode { status: self.status, message: e.to_string(), body: self.body }),
        }
    }

    /// The body as text.
    pub fn text(self) -> Result<Response<String>, CallError> {
        match std::str::from_utf8(&self.body) {
            Ok(text) => Ok(Response::new(self.status, self.headers, text.to_string())),
            Err(e) => Err(CallError::Decode { status: self.status, message: e.to_string(), body: self.body }),
        }
    }

    /// The body as binary, already in memory.
    pub fn binary(self) -> Response<Binary> {
        Response::new(self.status, self.headers, Binary::from(self.body))
    }

    /// A response without a body.
    pub fn empty(self) -> Result<Response<()>, CallError> {
        Ok(Response::new(self.status, self.headers, ()))
    }

    /// A status the spec does not document.
    pub fn unexpected(self) -> CallError {
        CallError::UnexpectedStatus(Box::new(Unexpected {
            status: self.status,
            headers: self.headers,
            body: self.body,
        }))
    }
}

fn header<T: DeserializeOwned>(headers: &HeaderMap, name: &str) -> Result<Option<T>, String> {
    let Some(value) = headers.get(name) else { return Ok(None) };
    let text = value.to_str().map_err(|_| format!("header `{name}` is not text"))?;
    from_text(text).map(Some).map_err(|e| format!("header `{name}`: {e}"))
}

/// A value from header text: as a string where the type takes one, else
/// parsed as JSON (numbers, booleans).
fn from_text<T: DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    serde_json::from_value(serde_json::Value::String(text.to_string()))
        .or_else(|e| serde_json::from_str(text).map_err(|_| e))
}
