//! Responses built the way an operation's spec describes them: status,
//! typed headers and a body per media type. Generated `IntoResponse`
//! impls are one `reply` chain per variant.

use axum::body::Body;
use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::Value;

use specwright_core::Binary;

/// A response under construction.
pub struct Reply {
    status: StatusCode,
    headers: Vec<(HeaderName, HeaderValue)>,
}

/// Starts a response with `status` (a `u16` or a `StatusCode`).
pub fn reply(status: impl TryInto<StatusCode>) -> Reply {
    Reply { status: status.try_into().unwrap_or(StatusCode::INTERNAL_SERVER_ERROR), headers: Vec::new() }
}

/// A header value's text (style `simple`); `None` for `null`.
fn header_text(value: &Value) -> Option<String> {
    let scalar = |v: &Value| match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    match value {
        Value::Null => None,
        Value::Array(items) => Some(items.iter().map(scalar).collect::<Vec<_>>().join(",")),
        Value::Object(map) => Some(map.iter().flat_map(|(k, v)| [k.clone(), scalar(v)]).collect::<Vec<_>>().join(",")),
        other => Some(scalar(other)),
    }
}

impl Reply {
    /// A typed header; a value a header can't carry (a line break) is left
    /// out and logged, since a response can't be refused at this point.
    pub fn header(mut self, name: &'static str, value: &impl Serialize) -> Reply {
        let value = match serde_json::to_value(value) {
            Ok(value) => value,
            Err(error) => {
                tracing::warn!(header = name, %error, "a response header value can't be serialized; it is left out");
                return self;
            }
        };
        if let Some(text) = header_text(&value) {
            match (HeaderName::from_bytes(name.as_bytes()), HeaderValue::from_str(&text)) {
                (Ok(name), Ok(value)) => self.headers.push((name, value)),
                _ => tracing::warn!(header = name, "a response header value can't be sent; it is left out"),
            }
        }
        self
    }

    fn finish(self, content_type: Option<&'static str>, body: Body) -> Response {
        let mut response = (self.status, body).into_response();
        let headers = response.headers_mut();
        if let Some(media_type) = content_type {
            if let Ok(value) = HeaderValue::from_str(media_type) {
                headers.insert(header::CONTENT_TYPE, value);
            }
        }
        for (name, value) in self.headers {
            headers.append(name, value);
        }
        response
    }

    pub fn json(self, media_type: &'static str, body: &impl Serialize) -> Response {
        match serde_json::to_vec(body) {
            Ok(bytes) => self.finish(Some(media_type), Body::from(bytes)),
            Err(error) => {
                tracing::error!(%error, "a response body can't be written as JSON");
                super::Problem::new(StatusCode::INTERNAL_SERVER_ERROR, "the response can't be written").into_response()
            }
        }
    }

    pub fn text(self, media_type: &'static str, body: String) -> Response {
        self.finish(Some(media_type), Body::from(body))
    }

    /// A binary body, streamed when it is a stream.
    pub fn binary(self, media_type: &'static str, body: Binary) -> Response {
        let body = match body.as_bytes() {
            Some(bytes) => Body::from(bytes.clone()),
            None => Body::from_stream(body.into_stream()),
        };
        self.finish(Some(media_type), body)
    }

    pub fn empty(self) -> Response {
        self.finish(None, Body::empty())
    }
}
