//! One request as a generated handler reads it: its parameters and body,
//! each parsed per its style or media type, checked against its schema and
//! turned into its Rust type, with every failure kept for one answer.

use std::future::Future;

use axum::body::Body;
use axum::extract::FromRequest;
use axum::http::{header, request, Request, StatusCode};
use bytes::Bytes;
use futures_util::StreamExt;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::auth::{self, Credentials, Denied};
use super::params::{self, Shape};
use super::problem::{Place, Problem, Violation};
use super::spool::Spool;
use super::{Operation, Settings, Spec};
use specwright_core::style::Style;
use specwright_core::{Binary, FilePart};

/// A request on its way to a handler.
pub struct Input {
    parts: request::Parts,
    body: Option<Body>,
    op: &'static Operation,
    spec: &'static Spec,
    settings: Settings,
    /// Each path parameter's raw text.
    path: Vec<(&'static str, String)>,
    violations: Vec<Violation>,
    /// 400, or the more precise status a body failure calls for.
    status: StatusCode,
}

/// Bodies larger than this are parsed and checked off tokio's worker threads.
const OFF_THE_WORKER: usize = 64 * 1024;

/// The parts of a `multipart/form-data` body, in the order they came.
#[derive(Debug, Default)]
pub struct Parts {
    parts: Vec<(String, FilePart)>,
}

impl Parts {
    /// Every part with its name.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &FilePart)> {
        self.parts.iter().map(|(n, p)| (n.as_str(), p))
    }

    pub fn into_vec(self) -> Vec<(String, FilePart)> {
        self.parts
    }

    fn take(&mut self, name: &str) -> Vec<FilePart> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.parts.len() {
            if self.parts[i].0 == name {
                out.push(self.parts.remove(i).1);
            } else {
                i += 1;
            }
        }
        out
    }
}

/// Whether a request's media type is one the spec's `pattern` covers
/// (`application/json` covers `application/json; charset=utf-8`, `image/*`
/// covers `image/png`).
pub(crate) fn media_matches(pattern: &str, actual: &str) -> bool {
    let essence = |m: &str| m.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    let (p, a) = (essence(pattern), essence(actual));
    match p.split_once('/') {
        Some(("*", "*")) => true,
        Some((kind, "*")) => a.split_once('/').is_some_and(|(k, _)| k == kind),
        _ => p == a,
    }
}

impl Input {
    pub(crate) fn new(
        request: Request<Body>,
        op: &'static Operation,
        spec: &'static Spec,
        settings: Settings,
        path: Vec<(&'static str, String)>,
    ) -> Input {
        let (parts, body) = request.into_parts();
        Input {
            parts,
            body: Some(body),
            op,
            spec,
            settings,
            path,
            violations: Vec::new(),
            status: StatusCode::BAD_REQUEST,
        }
    }

    /// The request's method, URI, headers and extensions.
    pub fn parts(&self) -> &request::Parts {
        &self.parts
    }

    fn shape(&self, schema: Option<usize>) -> Shape {
        Shape { schemas: self.spec.schemas(), schema }
    }

    fn violation(&mut self, place: Place, name: Option<&str>, pointer: String, detail: impl Into<String>) {
        self.violations.push(Violation { place, name: name.map(str::to_string), pointer, detail: detail.into() });
    }

    /// Checks a value against its schema and makes it a `T`.
    fn typed<T: DeserializeOwned>(
        &mut self,
        place: Place,
        name: Option<&str>,
        value: Value,
        schema: Option<usize>,
    ) -> Option<T> {
        let mut found = Vec::new();
        if let Some(at) = schema {
            self.spec.schemas().validate(at, &value, &mut String::new(), &mut found);
        }
        self.checked(place, name, value, found)
    }

    /// A value already checked against its schema (with what was `found`
    /// wrong), made a `T`.
    fn checked<T: DeserializeOwned>(
        &mut self,
        place: Place,
        name: Option<&str>,
        value: Value,
        found: Vec<(String, String)>,
    ) -> Option<T> {
        if !found.is_empty() {
            for (pointer, detail) in found {
                self.violation(place, name, pointer, detail);
            }
            return None;
        }
        let mut value = value;
        integral(&mut value);
        match serde_json::from_value(value) {
            Ok(v) => Some(v),
            Err(e) => {
                self.violation(place, name, String::new(), unquoted(&e));
                None
            }
        }
    }

    /// A parameter's value, or the violation it makes. `T` is the field's
    /// type: an absent optional parameter is `None` through `Option<_>`.
    fn param<T: DeserializeOwned>(
        &mut self,
        place: Place,
        name: &str,
        required: bool,
        schema: Option<usize>,
        read: Result<Option<Value>, String>,
    ) -> Option<T> {
        match read {
            Ok(Some(value)) => self.typed(place, Some(name), value, schema),
            Ok(None) if required => {
                self.violation(place, Some(name), String::new(), "is required");
                None
            }
            Ok(None) => self.typed(place, Some(name), Value::Null, None),
            Err(why) => {
                self.violation(place, Some(name), String::new(), why);
                None
            }
        }
    }

    pub fn path<T: DeserializeOwned>(
        &mut self,
        name: &str,
        style: Style,
        explode: bool,
        schema: Option<usize>,
    ) -> Option<T> {
        let shape = self.shape(schema);
        let read = match self.path.iter().find(|(n, _)| *n == name) {
            Some((_, raw)) => params::path(raw, name, style, explode, shape).map(Some),
            None => Ok(None),
        };
        self.param(Place::Path, name, true, schema, read)
    }

    pub fn query<T: DeserializeOwned>(
        &mut self,
        name: &str,
        style: Style,
        explode: bool,
        required: bool,
        schema: Option<usize>,
    ) -> Option<T> {
        let shape = self.shape(schema);
        let pairs = params::query_pairs(self.parts.uri.query().unwrap_or(""));
        let read = params::query(&pairs, name, style, explode, shape);
        self.param(Place::Query, name, required, schema, read)
    }

    pub fn header<T: DeserializeOwned>(
        &mut self,
        name: &str,
        explode: bool,
        required: bool,
        schema: Option<usize>,
    ) -> Option<T> {
        let shape = self.shape(schema);
        let values: Vec<&str> = self.parts.headers.get_all(name).iter().filter_map(|v| v.to_str().ok()).collect();
        let read =
            if values.is_empty() { Ok(None) } else { params::header(&values.join(","), explode, shape).map(Some) };
        self.param(Place::Header, name, required, schema, read)
    }

    pub fn cookie<T: DeserializeOwned>(&mut self, name: &str, required: bool, schema: Option<usize>) -> Option<T> {
        let shape = self.shape(schema);
        let mut read = Ok(None);
        for value in self.parts.headers.get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()) {
            if let Ok(Some(v)) = params::cookie(value, name, shape) {
                read = Ok(Some(v));
            }
        }
        self.param(Place::Cookie, name, required, schema, read)
    }

    /// Authentication for an operation that needs it: the principal the
    /// hook makes from the request's credentials, or the 401/403 to answer.
    pub fn authenticate<P, F, Fut>(&self, hook: F) -> impl Future<Output = Result<P, Problem>> + use<P, F, Fut>
    where
        F: FnOnce(Credentials) -> Fut,
        Fut: Future<Output = Result<P, Denied>>,
    {
        let optional = self.authenticate_optional(hook);
        async move {
            match optional.await? {
                Some(principal) => Ok(principal),
                None => Err(Problem::new(StatusCode::UNAUTHORIZED, "the request has no credentials")),
            }
        }
    }

    /// Authentication for an operation that also takes anonymous requests.
    /// What it needs of the request is taken before the hook runs, so the
    /// future does not hold the request.
    pub fn authenticate_optional<P, F, Fut>(
        &self,
        hook: F,
    ) -> impl Future<Output = Result<Option<P>, Problem>> + use<P, F, Fut>
    where
        F: FnOnce(Credentials) -> Fut,
        Fut: Future<Output = Result<P, Denied>>,
    {
        let (schemes, security) = (self.spec.schemes, self.op.security);
        let found = auth::find(schemes, security, &self.parts.headers, self.parts.uri.query());
        async move {
            match found? {
                None => Ok(None),
                Some(credentials) => match hook(credentials).await {
                    Ok(principal) => Ok(Some(principal)),
                    Err(denied) => Err(auth::refused(schemes, security, denied)),
                },
            }
        }
    }

    /// Claims the request's idempotency key, if it carries one (and the
    /// router has the [`Idempotency`](super::idempotency::Idempotency)
    /// layer), now that it has reached its operation: authenticated and
    /// checked. The key is the caller's own: scoped to `principal`, the
    /// scope the implementation gives the authenticated principal, or else to
    /// the credentials the request presents.
    /// What it needs of the request is taken before the future runs, so the
    /// future does not hold the request.
    pub fn idempotency(&self, principal: Option<String>) -> impl Future<Output = super::Idempotent> + Send + use<> {
        let claim = self.parts.extensions.get::<std::sync::Arc<super::idempotency::Claim>>().cloned();
        let scope = claim.as_ref().map(|_| match principal {
            Some(principal) => format!("principal:{principal}"),
            None => {
                let digest = auth::presented_digest(self.spec.schemes, &self.parts.headers, self.parts.uri.query());
                format!("credentials:{digest}")
            }
        });
        async move {
            match (claim, scope) {
                (Some(claim), Some(scope)) => super::idempotency::take(claim, &scope).await,
                _ => super::Idempotent::Run,
            }
        }
    }

    /// The index of the body's media type among `accepted`: `Ok(None)`
    /// when the request has no body and needs none, `Err` when it needs one
    /// or has a media type the operation does not take (415). The readers
    /// below are called once this has found a body.
    #[allow(clippy::result_unit_err)]
    pub fn body_kind(&mut self, accepted: &[&str], required: bool) -> Result<Option<usize>, ()> {
        if !self.has_body() {
            if required {
                self.violation(Place::Body, None, String::new(), "a body is required");
                return Err(());
            }
            return Ok(None);
        }
        let Some(actual) = self.parts.headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()) else {
            // No media type given: read it as the first the operation takes.
            return Ok(Some(0));
        };
        match accepted.iter().position(|a| media_matches(a, actual)) {
            Some(i) => Ok(Some(i)),
            None => {
                self.status = StatusCode::UNSUPPORTED_MEDIA_TYPE;
                let why = format!("`{actual}` is not a media type this operation takes ({})", accepted.join(", "));
                self.violation(Place::Body, None, String::new(), why);
                Err(())
            }
        }
    }

    fn has_body(&self) -> bool {
        let headers = &self.parts.headers;
        let length = headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
        length.is_some_and(|n| n > 0) || (length.is_none() && headers.contains_key(header::TRANSFER_ENCODING))
    }

    async fn bytes(&mut self) -> Option<Bytes> {
        let body = self.body.take()?;
        let limit = self.settings.body_limit;
        match axum::body::to_bytes(body, limit).await {
            Ok(bytes) => Some(bytes),
            Err(_) => {
                self.status = StatusCode::PAYLOAD_TOO_LARGE;
                let why = format!("the body can't be read in full or is over {limit} bytes");
                self.violation(Place::Body, None, String::new(), why);
                None
            }
        }
    }

    /// A JSON body. Parsing and checking take time in proportion to the
    /// body; a large body is parsed and checked on tokio's blocking threads,
    /// so that it holds up no other request, and the request timeout can
    /// answer while it runs.
    pub async fn json<T: DeserializeOwned>(&mut self, schema: Option<usize>) -> Option<T> {
        let bytes = self.bytes().await?;
        let schemas = self.spec.schemas();
        let large = bytes.len() > OFF_THE_WORKER;
        let work = move || -> Result<(Value, Vec<(String, String)>), String> {
            let value = serde_json::from_slice::<Value>(&bytes).map_err(|e| format!("is not JSON: {e}"))?;
            let mut found = Vec::new();
            if let Some(at) = schema {
                schemas.validate(at, &value, &mut String::new(), &mut found);
            }
            Ok((value, found))
        };
        let checked = if large {
            tokio::task::spawn_blocking(work).await.unwrap_or_else(|e| {
                self.status = StatusCode::INTERNAL_SERVER_ERROR;
                tracing::error!(error = %e, "checking a request body failed");
                Err("could not be checked".into())
            })
        } else {
            work()
        };
        match checked {
            Ok((value, found)) => self.checked(Place::Body, None, value, found),
            Err(why) => {
                self.violation(Place::Body, None, String::new(), why);
                None
            }
        }
    }

    /// An `application/x-www-form-urlencoded` body, as the object its schema describes.
    pub async fn form<T: DeserializeOwned>(&mut self, schema: Option<usize>) -> Option<T> {
        let bytes = self.bytes().await?;
        let shape = self.shape(schema);
        let mut map = serde_json::Map::new();
        for (key, value) in form_urlencoded::parse(&bytes) {
            let field = shape.property(&key);
            if field.is_array() {
                let v = field.items().scalar(value.into_owned());
                let entry = map.entry(key.into_owned()).or_insert_with(|| Value::Array(Vec::new()));
                if let Value::Array(items) = entry {
                    items.push(v);
                }
            } else {
                map.insert(key.into_owned(), field.scalar(value.into_owned()));
            }
        }
        self.typed(Place::Body, None, Value::Object(map), schema)
    }

    /// A text body.
    pub async fn text<T: DeserializeOwned>(&mut self, schema: Option<usize>) -> Option<T> {
        let bytes = self.bytes().await?;
        match String::from_utf8(bytes.to_vec()) {
            Ok(text) => self.typed(Place::Body, None, Value::String(text), schema),
            Err(_) => {
                self.violation(Place::Body, None, String::new(), "is not UTF-8 text");
                None
            }
        }
    }

    /// A binary body, streamed to the handler; reading past the upload
    /// limit ends the stream with an error.
    pub fn binary(&mut self) -> Option<Binary> {
        let limit = self.settings.upload_limit;
        let declared =
            self.parts.headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
        if declared.is_some_and(|n| n > limit as u64) {
            self.status = StatusCode::PAYLOAD_TOO_LARGE;
            self.violation(Place::Body, None, String::new(), format!("the body is over {limit} bytes"));
            return None;
        }
        let body = self.body.take()?;
        let mut seen = 0usize;
        let stream = body.into_data_stream().map(move |chunk| {
            let chunk = chunk.map_err(specwright_core::BoxError::from)?;
            seen += chunk.len();
            if seen > limit {
                return Err(specwright_core::BoxError::from(format!("the body is over {limit} bytes")));
            }
            Ok(chunk)
        });
        Some(Binary::from_stream(stream))
    }

    /// A `multipart/form-data` body. File parts (those named in `files`,
    /// or every part when `files` is `None`) stay in memory while small and
    /// are spooled to a temporary file past [`Settings::spool_above`], all
    /// within the upload limit; other parts are held in memory, together
    /// within the body limit.
    pub async fn multipart(&mut self, files: Option<&[&str]>) -> Option<Parts> {
        let body = self.body.take()?;
        let request = Request::from_parts(self.parts.clone(), body);
        let Settings { body_limit, upload_limit, spool_above, .. } = self.settings;
        // axum's multipart reader takes its limit from the layer below; only
        // these requests go through it, so no other request pays for it.
        let read = tower::service_fn(|request: Request<Body>| async move {
            Ok::<_, std::convert::Infallible>(axum::extract::Multipart::from_request(request, &()).await)
        });
        let read = tower::Layer::layer(&axum::extract::DefaultBodyLimit::max(upload_limit), read);
        let extracted = tower::ServiceExt::oneshot(read, request).await;
        let mut multipart = match extracted {
            Ok(Ok(m)) => m,
            Ok(Err(e)) => {
                self.violation(Place::Body, None, String::new(), e.body_text());
                return None;
            }
            Err(never) => match never {},
        };
        let mut parts = Parts::default();
        let mut in_memory = 0usize;
        loop {
            let mut field = match multipart.next_field().await {
                Ok(Some(field)) => field,
                Ok(None) => return Some(parts),
                Err(e) => {
                    self.status = e.status();
                    self.violation(Place::Body, None, String::new(), e.body_text());
                    return None;
                }
            };
            let name = field.name().unwrap_or("").to_string();
            let file_name = field.file_name().map(str::to_string);
            let content_type = field.content_type().map(str::to_string);
            let is_file = files.is_none_or(|files| files.contains(&name.as_str()));
            let mut spool = Spool::new(if is_file { spool_above } else { usize::MAX });
            loop {
                let chunk = match field.chunk().await {
                    Ok(Some(chunk)) => chunk,
                    Ok(None) => break,
                    Err(e) => {
                        self.status = e.status();
                        self.violation(Place::Body, Some(&name), String::new(), e.body_text());
                        return None;
                    }
                };
                if !is_file {
                    in_memory += chunk.len();
                    if in_memory > body_limit {
                        self.status = StatusCode::PAYLOAD_TOO_LARGE;
                        let why = format!("the value parts are over {body_limit} bytes");
                        self.violation(Place::Body, Some(&name), String::new(), why);
                        return None;
                    }
                }
                if let Err(e) = spool.push(chunk).await {
                    return self.spool_failed(&name, e);
                }
            }
            match spool.finish().await {
                Ok(body) => parts.parts.push((name, FilePart { body, file_name, content_type })),
                Err(e) => return self.spool_failed(&name, e),
            }
        }
    }

    /// A part that could not be written aside: the server's fault, not the
    /// request's, so 500 with nothing of the cause shown but in the log.
    fn spool_failed(&mut self, name: &str, error: std::io::Error) -> Option<Parts> {
        tracing::error!(part = name, %error, "a multipart file part could not be written to a temporary file");
        self.status = StatusCode::INTERNAL_SERVER_ERROR;
        self.violation(Place::Body, Some(name), String::new(), "could not be stored for reading");
        None
    }

    /// A value part of a typed multipart body; `T` is the field's type.
    pub fn part<T: DeserializeOwned>(
        &mut self,
        parts: &mut Parts,
        name: &str,
        required: bool,
        schema: Option<usize>,
    ) -> Option<T> {
        let shape = self.shape(schema);
        let found = parts.take(name);
        let text =
            |p: &FilePart| p.body.as_bytes().map(|b| String::from_utf8_lossy(b).into_owned()).unwrap_or_default();
        let read = |p: &FilePart, shape: Shape| {
            let json = p.content_type.as_deref().is_some_and(|c| media_matches("application/json", c));
            match json {
                true => serde_json::from_str(&text(p)).map_err(|e| format!("is not JSON: {e}")),
                false => Ok(shape.scalar(text(p))),
            }
        };
        let value = match found.as_slice() {
            [] => Ok(None),
            many if shape.is_array() => {
                let item = shape.items();
                many.iter().map(|p| read(p, item)).collect::<Result<Vec<_>, _>>().map(|v| Some(Value::Array(v)))
            }
            [.., last] => read(last, shape).map(Some),
        };
        self.param(Place::Body, name, required, schema, value)
    }

    /// The file part `name` of a typed multipart body.
    pub fn file(&mut self, parts: &mut Parts, name: &str, required: bool) -> Option<Option<FilePart>> {
        let file = parts.take(name).pop();
        if file.is_none() && required {
            self.violation(Place::Body, Some(name), String::new(), "is required");
            return None;
        }
        Some(file)
    }

    /// Every file part named `name`.
    pub fn files(&mut self, parts: &mut Parts, name: &str) -> Vec<FilePart> {
        parts.take(name)
    }

    /// The problem for a request with invalid values: 400 (or 413, 415)
    /// listing each of them. A request whose only fault is its path gets
    /// the status the operation documents for that (404 where it documents
    /// 404 and no 400).
    pub fn into_problem(self) -> Problem {
        let only_path = !self.violations.is_empty() && self.violations.iter().all(|v| v.place == Place::Path);
        let status = match self.status {
            StatusCode::BAD_REQUEST if only_path => self.op.invalid_path,
            status => status,
        };
        Problem::invalid(status, self.violations)
    }
}

/// Integral numbers written with a fraction (`2.0`) as integers, which
/// JSON Schema takes them for and serde's integer types then accept.
fn integral(value: &mut Value) {
    match value {
        Value::Number(n) if n.is_f64() => {
            if let Some(x) = n.as_f64().filter(|x| x.fract() == 0.0 && x.abs() < 9.0e15) {
                *value = Value::Number((x as i64).into());
            }
        }
        Value::Array(items) => items.iter_mut().for_each(integral),
        Value::Object(map) => map.values_mut().for_each(integral),
        _ => {}
    }
}

/// A conversion error without the value that failed: serde quotes it
/// (`invalid type: string "…"`), and a problem answer must not echo what
/// was sent, which may be a secret.
fn unquoted(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.find(", expected ") {
        Some(at) => format!("is not valid: {}", &text[at + 2..]),
        None if text.starts_with("missing field") => text,
        None => "is not valid for its type".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::unquoted;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    enum Kind {
        Cat,
    }

    #[test]
    fn conversion_errors_do_not_echo_the_value() {
        let e = serde_json::from_value::<u8>(serde_json::json!("sk_live_secret")).unwrap_err();
        assert!(e.to_string().contains("sk_live_secret"), "serde quotes it");
        let said = unquoted(&e);
        assert!(!said.contains("sk_live_secret") && said.contains("expected u8"), "{said}");
        let e = serde_json::from_value::<Kind>(serde_json::json!("sk_live_secret")).unwrap_err();
        let said = unquoted(&e);
        assert!(!said.contains("sk_live_secret") && said.contains("Cat"), "{said}");
    }
}
