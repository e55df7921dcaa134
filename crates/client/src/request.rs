//! One call being put together by generated code, and sent: credentials,
//! retries, idempotency keys and a tracing span.

use std::time::{Instant, SystemTime};

use reqwest::header::{HeaderMap, HeaderName, HeaderValue, CONTENT_TYPE, COOKIE};
use reqwest::Method;
use serde::Serialize;
use serde_json::Value;
use tracing::Instrument;

use super::client::Client;
use super::error::CallError;
use super::form::FormBody;
use super::received::RawResponse;
use super::retry::{retry_after, retryable_status};
use super::style::{self, Style};
use specwright_core::Binary;

/// What generated code knows about an operation, as a constant.
#[derive(Debug)]
pub struct Operation {
    /// The `operationId` (or the name made for the operation).
    pub id: &'static str,
    pub method: Method,
    /// The path template, such as `/pets/{petId}`.
    pub path: &'static str,
    /// Alternatives, each a set of scheme names that go together; empty
    /// when the operation needs no credentials.
    pub security: &'static [&'static [&'static str]],
}

const IDEMPOTENCY_KEY: &str = "idempotency-key";

enum Body {
    Bytes { content_type: &'static str, bytes: bytes::Bytes },
    Stream { content_type: &'static str, body: Binary },
    Multipart(reqwest::multipart::Form),
}

/// A request under construction. Problems with parameters are kept and
/// reported by [`Request::send`], so generated code stays a flat list of calls.
pub struct Request<'a> {
    client: &'a Client,
    op: &'static Operation,
    path: Vec<(&'static str, String)>,
    query: Vec<String>,
    headers: HeaderMap,
    cookies: Vec<String>,
    body: Option<Body>,
    error: Option<CallError>,
}

impl Client {
    /// Starts a call of `op`.
    pub fn request(&self, op: &'static Operation) -> Request<'_> {
        Request {
            client: self,
            op,
            path: Vec::new(),
            query: Vec::new(),
            headers: HeaderMap::new(),
            cookies: Vec::new(),
            body: None,
            error: None,
        }
    }
}

fn to_value(name: &str, value: &impl Serialize) -> Result<Value, CallError> {
    serde_json::to_value(value).map_err(|e| CallError::InvalidRequest(format!("parameter `{name}`: {e}")))
}

impl Request<'_> {
    fn fail(&mut self, e: CallError) {
        self.error.get_or_insert(e);
    }

    /// A path parameter, by its name in the path template.
    pub fn path(&mut self, name: &'static str, value: &impl Serialize, style: Style, explode: bool) {
        match to_value(name, value)
            .and_then(|v| style::path(name, &v, style, explode).map_err(|e| CallError::InvalidRequest(e.to_string())))
        {
            Ok(text) => self.path.push((name, text)),
            Err(e) => self.fail(e),
        }
    }

    /// A query parameter; `None` (or `null`) sends nothing.
    pub fn query(&mut self, name: &str, value: &impl Serialize, style: Style, explode: bool, allow_reserved: bool) {
        match to_value(name, value) {
            Ok(v) => self.query.extend(style::query(name, &v, style, explode, allow_reserved)),
            Err(e) => self.fail(e),
        }
    }

    /// A header parameter; `None` sends nothing.
    pub fn header(&mut self, name: &'static str, value: &impl Serialize, explode: bool) {
        let result = to_value(name, value).and_then(|v| {
            if v.is_null() {
                return Ok(None);
            }
            let text = style::header(name, &v, explode).map_err(|e| CallError::InvalidRequest(e.to_string()))?;
            let name = HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| CallError::InvalidRequest(format!("`{name}` is not a header name")))?;
            let value = HeaderValue::from_str(&text)
                .map_err(|_| CallError::InvalidRequest(format!("header `{name}` can't carry `{text}`")))?;
            Ok(Some((name, value)))
        });
        match result {
            Ok(Some((n, v))) => {
                self.headers.append(n, v);
            }
            Ok(None) => {}
            Err(e) => self.fail(e),
        }
    }

    /// A cookie parameter; `None` sends nothing.
    pub fn cookie(&mut self, name: &'static str, value: &impl Serialize, explode: bool) {
        match to_value(name, value)
            .and_then(|v| style::cookie(name, &v, explode).map_err(|e| CallError::InvalidRequest(e.to_string())))
        {
            Ok(Some(pair)) => self.cookies.push(pair),
            Ok(None) => {}
            Err(e) => self.fail(e),
        }
    }

    /// A JSON body.
    pub fn json(&mut self, content_type: &'static str, body: &impl Serialize) {
        match serde_json::to_vec(body) {
            Ok(bytes) => self.body = Some(Body::Bytes { content_type, bytes: bytes.into() }),
            Err(e) => self.fail(CallError::InvalidRequest(format!("body: {e}"))),
        }
    }

    /// An `application/x-www-form-urlencoded` body.
    pub fn form(&mut self, body: &impl Serialize) {
        match serde_urlencoded::to_string(body) {
            Ok(text) => {
                self.body = Some(Body::Bytes { content_type: "application/x-www-form-urlencoded", bytes: text.into() })
            }
            Err(e) => self.fail(CallError::InvalidRequest(format!("form body: {e}"))),
        }
    }

    /// A text body.
    pub fn text(&mut self, content_type: &'static str, body: String) {
        self.body = Some(Body::Bytes { content_type, bytes: body.into() });
    }

    /// A binary body; a stream is sent as it is read (and not retried).
    pub fn binary(&mut self, content_type: &'static str, body: Binary) {
        self.body = Some(match body.as_bytes() {
            Some(bytes) => Body::Bytes { content_type, bytes: bytes.clone() },
            None => Body::Stream { content_type, body },
        });
    }

    /// A `multipart/form-data` body (not retried: its parts may be streams).
    pub fn multipart(&mut self, form: FormBody) {
        match form.error {
            Some(e) => self.fail(e),
            None => self.body = Some(Body::Multipart(form.form)),
        }
    }

    fn url(&self) -> Result<String, CallError> {
        let mut url = self.client.inner.base_url.clone();
        let mut rest = self.op.path;
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}') else { break };
            let name = &rest[open + 1..open + close];
            let value = self
                .path
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.as_str())
                .ok_or_else(|| CallError::InvalidRequest(format!("path parameter `{name}` has no value")))?;
            url.push_str(&rest[..open]);
            url.push_str(value);
            rest = &rest[open + close + 1..];
        }
        url.push_str(rest);
        Ok(url)
    }

    /// Sends the request: with credentials, retried where that is safe, in a
    /// span that names the operation.
    pub async fn send(mut self) -> Result<RawResponse, CallError> {
        let span = tracing::info_span!(
            "http.call",
            operation = self.op.id,
            method = %self.op.method,
            path = self.op.path,
            status = tracing::field::Empty,
            attempts = tracing::field::Empty,
        );
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        self.send_with_retries().instrument(span).await
    }

    async fn send_with_retries(mut self) -> Result<RawResponse, CallError> {
        let inner = &self.client.inner;
        let url = self.url()?;
        let method = self.op.method.clone();
        let post_like = method == Method::POST || method == Method::PATCH;
        if post_like && inner.idempotency_keys && !self.headers.contains_key(IDEMPOTENCY_KEY) {
            let key = uuid::Uuid::new_v4().to_string();
            self.headers.insert(IDEMPOTENCY_KEY, HeaderValue::from_str(&key).expect("a UUID is a header value"));
        }
        let replayable = !matches!(self.body, Some(Body::Stream { .. } | Body::Multipart(_)));
        let retry_safe = replayable && (!post_like || self.headers.contains_key(IDEMPOTENCY_KEY));
        let mut delays = inner.retry.delays();
        let started = Instant::now();
        let mut body = self.body.take();
        let mut attempt = 0u32;
        loop {
            attempt += 1;
            let applied = inner.auth.apply(self.op.security, &inner.plain).await?;
            let mut headers = self.headers.clone();
            headers.extend(applied.headers);
            let mut cookies = self.cookies.clone();
            for (name, value) in &applied.cookies {
                // A credential that can't be encoded fails the call: left off,
                // the request would go out unauthenticated.
                let cookie = style::cookie(name, &Value::String(value.expose().to_string()), false).map_err(|_| {
                    CallError::InvalidRequest(format!("the cookie credential `{name}` can't be encoded"))
                })?;
                cookies.extend(cookie);
            }
            if !cookies.is_empty() {
                let value = HeaderValue::from_str(&cookies.join("; "))
                    .map_err(|_| CallError::InvalidRequest("a cookie value can't be sent".into()))?;
                headers.insert(COOKIE, value);
            }
            let mut query = self.query.clone();
            for (name, value) in &applied.query {
                query.extend(style::query(name, &Value::String(value.expose().to_string()), Style::Form, true, false));
            }
            let full_url = if query.is_empty() { url.clone() } else { format!("{url}?{}", query.join("&")) };
            let mut request = inner.plain.request(method.clone(), &full_url);
            match attempt_body(&mut body) {
                Some(Body::Bytes { content_type, bytes }) => {
                    headers.entry(CONTENT_TYPE).or_insert(media_type(content_type)?);
                    request = request.body(bytes);
                }
                Some(Body::Stream { content_type, body }) => {
                    headers.entry(CONTENT_TYPE).or_insert(media_type(content_type)?);
                    request = request.body(reqwest::Body::wrap_stream(body.into_stream()));
                }
                Some(Body::Multipart(form)) => request = request.multipart(form),
                None => {}
            }
            let result = match request.headers(headers).build() {
                Ok(request) => match &inner.http {
                    Some(http) => http.execute(request).await,
                    None => inner.plain.execute(request).await.map_err(reqwest_middleware::Error::from),
                },
                Err(e) => Err(e.into()),
            };
            let wait = match &result {
                Ok(response) if retry_safe && retryable_status(response.status()) => {
                    delays.next().map(|d| retry_after(response.headers(), SystemTime::now()).unwrap_or(d))
                }
                Err(e) if retry_safe && transient(e) => delays.next(),
                _ => None,
            };
            let wait = wait.filter(|w| started.elapsed() + *w <= inner.retry.max_elapsed);
            match (result, wait) {
                (Ok(response), None) => {
                    let span = tracing::Span::current();
                    span.record("status", response.status().as_u16());
                    span.record("attempts", attempt);
                    if response.status() == reqwest::StatusCode::UNAUTHORIZED {
                        // A refused token is not used again.
                        inner.auth.forget_tokens().await;
                    }
                    return Ok(RawResponse { inner: response });
                }
                (Err(e), None) => {
                    tracing::Span::current().record("attempts", attempt);
                    return Err(CallError::Transport(super::error::without_query(e)));
                }
                (result, Some(wait)) => {
                    let status = result.as_ref().ok().map(|r| r.status().as_u16());
                    tracing::debug!(attempt, ?status, wait_ms = wait.as_millis() as u64, "retrying");
                    tokio::time::sleep(wait).await;
                }
            }
        }
    }
}

/// The body for one attempt: bytes are sent again on every attempt, a
/// stream or multipart form only once.
fn attempt_body(body: &mut Option<Body>) -> Option<Body> {
    match body {
        Some(Body::Bytes { content_type, bytes }) => Some(Body::Bytes { content_type, bytes: bytes.clone() }),
        _ => body.take(),
    }
}

/// Failures where the request did not reach the server's handling.
fn transient(e: &reqwest_middleware::Error) -> bool {
    match e {
        reqwest_middleware::Error::Reqwest(e) => e.is_connect() || e.is_timeout(),
        reqwest_middleware::Error::Middleware(_) => false,
    }
}

/// A spec's media type as a header: an error, not a panic, for one a header
/// can't carry (`HeaderValue::from_static` panics on any byte outside
/// visible ASCII, and the text comes from the spec).
fn media_type(content_type: &'static str) -> Result<HeaderValue, CallError> {
    HeaderValue::from_str(content_type)
        .map_err(|_| CallError::InvalidRequest(format!("the media type {content_type:?} can't be sent in a header")))
}

#[cfg(test)]
mod tests {
    /// `HeaderValue::from_static` panicked on the first of these.
    #[test]
    fn a_media_type_from_the_spec_never_panics() {
        assert!(super::media_type("application/json").is_ok());
        assert!(super::media_type("applicätion/json").is_ok(), "bytes past ASCII are allowed in a header");
        for bad in ["text/plain\n", "a\u{7f}", "x\0"] {
            assert!(super::media_type(bad).is_err(), "{bad:?}");
        }
    }
}
