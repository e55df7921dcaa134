//! Idempotency keys (the IETF `Idempotency-Key` header draft, as Stripe
//! practises it), as a layer over a generated router.
//!
//! - A key belongs to its caller: it is scoped to the principal the
//!   operation's authentication gives (`Api::idempotency_scope`), or else to
//!   the credentials the request presents. Two callers with the same key
//!   and body each get their own response.
//! - The key is taken only once the request reaches its operation: after
//!   authentication and after every check of the request. A request refused
//!   with 401, 403 or 4xx for what it sent is answered afresh every time,
//!   and nothing is stored for it; a replay never comes before authentication.
//! - The first request with a key that reaches its operation runs, and its
//!   response is stored. A retry with the same key and the same request gets
//!   the stored response, marked `Idempotent-Replayed: true`; the operation
//!   does not run again.
//! - The same key with a different request (method, path, query or body)
//!   gets 422; a retry while the first is still running gets 409.
//! - Keys expire after `ttl` (24 hours unless set). A 5xx is not stored:
//!   the key is let go, so a retry runs again. A request that runs past the
//!   server's timeout keeps its key until the lease ends instead: it may have
//!   done its work, so a retry gets 409 rather than doing it twice.
//! - On an operation anyone may call without credentials, every anonymous
//!   caller shares one scope: the key is the only secret there.
//!
//! The layer reads the key and the body; the generated handler claims the
//! key, through [`crate::Input::idempotency`], when it is about to
//! call the operation. On a router that is not generated the layer does
//! nothing but read bodies.
//!
//! Stores: [`MemoryIdempotency`] (one process), and with cargo features
//! `RedisIdempotency` and `PostgresIdempotency`, shared by every instance.

mod memory;
#[cfg(feature = "postgres")]
mod postgres;
#[cfg(feature = "redis")]
mod redis;

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, HeaderName, HeaderValue, Method, Request, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub use memory::MemoryIdempotency;
#[cfg(feature = "postgres")]
pub use postgres::PostgresIdempotency;
#[cfg(feature = "redis")]
pub use redis::RedisIdempotency;

use super::Problem;

/// A response as a store keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stored {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    #[serde(with = "specwright_core::base64")]
    pub body: Vec<u8>,
}

/// What a store finds for a key when a request begins.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Begun {
    /// No live record: this request runs, and holds the key for `lease`.
    New,
    /// A request with this key is running.
    Running { fingerprint: String },
    /// A request with this key was answered.
    Done { fingerprint: String, response: Stored },
}

/// Why a store failed; the request is then answered 503, never run twice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoreError(pub String);

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "idempotency store: {}", self.0)
    }
}

impl std::error::Error for StoreError {}

/// Where keys and their responses are kept.
pub trait IdempotencyStore: Send + Sync + 'static {
    /// Takes `key` for a request with `fingerprint`, unless a live record
    /// holds it; a running record expires after `lease`.
    fn begin(
        &self,
        key: &str,
        fingerprint: &str,
        lease: Duration,
    ) -> impl Future<Output = Result<Begun, StoreError>> + Send;

    /// Stores the answer for `key`, kept for `ttl`.
    fn complete(
        &self,
        key: &str,
        fingerprint: &str,
        response: &Stored,
        ttl: Duration,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Lets `key` go, so that a retry runs again.
    fn release(&self, key: &str) -> impl Future<Output = Result<(), StoreError>> + Send;
}

/// The layer: `router.layer(Idempotency::new(store))`.
pub struct Idempotency<S> {
    store: Arc<S>,
    header: HeaderName,
    ttl: Duration,
    lease: Duration,
    body_limit: usize,
    response_limit: usize,
}

impl<S> Clone for Idempotency<S> {
    fn clone(&self) -> Self {
        Idempotency {
            store: self.store.clone(),
            header: self.header.clone(),
            ttl: self.ttl,
            lease: self.lease,
            body_limit: self.body_limit,
            response_limit: self.response_limit,
        }
    }
}

impl<S: IdempotencyStore> Idempotency<S> {
    pub fn new(store: S) -> Idempotency<S> {
        Idempotency {
            store: Arc::new(store),
            header: HeaderName::from_static("idempotency-key"),
            ttl: Duration::from_secs(24 * 3600),
            lease: Duration::from_secs(300),
            body_limit: 2 * 1024 * 1024,
            response_limit: 8 * 1024 * 1024,
        }
    }

    /// How long a key and its response are kept (24 hours unless set).
    pub fn ttl(mut self, ttl: Duration) -> Self {
        self.ttl = ttl;
        self
    }

    /// How long a running request holds its key: after this, a retry runs
    /// again (for a process that died mid-request). Five minutes unless set.
    pub fn lease(mut self, lease: Duration) -> Self {
        self.lease = lease;
        self
    }

    /// The header that carries the key (`Idempotency-Key` unless set).
    pub fn header(mut self, name: HeaderName) -> Self {
        self.header = name;
        self
    }
}

impl<S, I> tower::Layer<I> for Idempotency<S> {
    type Service = IdempotencyService<S, I>;

    fn layer(&self, inner: I) -> Self::Service {
        IdempotencyService { settings: Arc::new(self.clone()), inner }
    }
}

/// The service [`Idempotency`] wraps around a router.
pub struct IdempotencyService<S, I> {
    settings: Arc<Idempotency<S>>,
    inner: I,
}

impl<S, I: Clone> Clone for IdempotencyService<S, I> {
    fn clone(&self) -> Self {
        IdempotencyService { settings: self.settings.clone(), inner: self.inner.clone() }
    }
}

impl<S, I> tower::Service<Request<Body>> for IdempotencyService<S, I>
where
    S: IdempotencyStore,
    I: tower::Service<Request<Body>, Response = Response, Error = Infallible> + Clone + Send + 'static,
    I::Future: Send,
{
    type Response = Response;
    type Error = Infallible;
    type Future = std::pin::Pin<Box<dyn Future<Output = Result<Response, Infallible>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<Body>) -> Self::Future {
        // The clone that was made ready is the one that runs this request.
        let ready = self.inner.clone();
        let inner = std::mem::replace(&mut self.inner, ready);
        let settings = self.settings.clone();
        Box::pin(async move { Ok(run(settings, inner, request).await) })
    }
}

/// Only methods that change things take keys; a key on a GET is ignored.
fn takes_key(method: &Method) -> bool {
    method == Method::POST || method == Method::PATCH
}

async fn run<S, I>(settings: Arc<Idempotency<S>>, mut inner: I, request: Request<Body>) -> Response
where
    S: IdempotencyStore,
    I: tower::Service<Request<Body>, Response = Response, Error = Infallible>,
{
    let key = request.headers().get(&settings.header).map(|v| v.to_str().map(str::to_string));
    let key = match key {
        Some(Ok(key)) if takes_key(request.method()) => key,
        Some(Err(_)) if takes_key(request.method()) => {
            return invalid_key(&settings.header, "is not visible ASCII");
        }
        _ => return call(&mut inner, request).await,
    };
    if key.is_empty() || key.len() > 255 {
        return invalid_key(&settings.header, "must be 1 to 255 characters");
    }
    let (mut parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, settings.body_limit).await else {
        return Problem::new(StatusCode::PAYLOAD_TOO_LARGE, "the body can't be read in full").into_response();
    };
    let fingerprint = fingerprint(&parts.method, parts.uri.path_and_query().map_or("", |p| p.as_str()), &bytes);
    let store: Arc<dyn Keys> = settings.store.clone();
    let claim = Arc::new(Claim {
        key,
        fingerprint,
        lease: settings.lease,
        store,
        held: Mutex::new(Held::Not),
        settled: tokio::sync::Notify::new(),
    });
    parts.extensions.insert(claim.clone());
    let response = call(&mut inner, Request::from_parts(parts, Body::from(bytes))).await;
    // Only a request that reached its operation took the key (under its scope).
    let Held::Key(key) = claim.settle().await else {
        return response;
    };
    if response.extensions().get::<TimedOut>().is_some() {
        tracing::warn!("a request with an idempotency key timed out; its key stays taken until its lease ends");
        return response;
    }
    let release = |why: &'static str| {
        let store = settings.store.clone();
        let key = key.clone();
        async move {
            if let Err(e) = store.release(&key).await {
                tracing::warn!(error = %e, "an idempotency key ({why}) could not be let go; it frees itself after its lease");
            }
        }
    };
    if response.status().is_server_error() {
        release("a server error").await;
        return response;
    }
    let (parts, body) = response.into_parts();
    let bytes = match axum::body::to_bytes(body, settings.response_limit).await {
        Ok(bytes) => bytes,
        Err(e) => {
            // Too large to keep (or broken): the key is let go.
            release("a response too large to keep").await;
            return Problem::new(StatusCode::INTERNAL_SERVER_ERROR, format!("the response can't be kept: {e}"))
                .into_response();
        }
    };
    let stored = Stored {
        status: parts.status.as_u16(),
        headers: parts
            .headers
            .iter()
            .filter(|(name, _)| *name != header::DATE)
            .filter_map(|(name, value)| Some((name.to_string(), value.to_str().ok()?.to_string())))
            .collect(),
        body: bytes.to_vec(),
    };
    if let Err(e) = settings.store.complete(&key, &claim.fingerprint, &stored, settings.ttl).await {
        tracing::warn!(error = %e, "a response could not be stored for its idempotency key");
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// A request's idempotency key, read by the layer, for the handler to claim
/// once the request has reached its operation.
pub(crate) struct Claim {
    key: String,
    fingerprint: String,
    lease: Duration,
    store: Arc<dyn Keys>,
    held: Mutex<Held>,
    /// Told when a claim under way has settled.
    settled: tokio::sync::Notify,
}

/// Whether this request holds its key.
#[derive(Clone)]
enum Held {
    Not,
    /// The store is being asked; the handler may be dropped meanwhile (the
    /// request timed out), and the answer still counts.
    Asking,
    /// The key as stored (scoped to the caller).
    Key(String),
}

/// Marks the answer given when a request ran past its timeout: the operation
/// may have done its work, so its key is kept (a retry gets 409 until the
/// lease ends) rather than let go to run again.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TimedOut;

impl Claim {
    fn held(&self) -> std::sync::MutexGuard<'_, Held> {
        self.held.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// What the request holds once any claim under way has settled.
    async fn settle(&self) -> Held {
        loop {
            let notified = self.settled.notified();
            let held = self.held().clone();
            match held {
                Held::Asking => notified.await,
                settled => return settled,
            }
        }
    }
}

/// What the handler does with a request that carries an idempotency key.
pub enum Idempotent {
    /// Run the operation: this request holds the key (or has none).
    Run,
    /// The operation already ran for this caller's key: its stored answer.
    Replay(Response),
    /// The key can't be used for this request (409, 422, or 503 when the
    /// store fails): answered as the API answers problems.
    Refused(Problem),
}

/// Takes the key for a caller known by `scope`. The store is asked in a task
/// of its own, which records what it got even if the request is dropped
/// while it waits: a key taken is then let go, never left held until its
/// lease ends.
pub(crate) async fn take(claim: Arc<Claim>, scope: &str) -> Idempotent {
    let key = scoped(scope, &claim.key);
    *claim.held() = Held::Asking;
    let asking = claim.clone();
    let begun = tokio::spawn(async move {
        let begun = asking.store.begin(&key, &asking.fingerprint, asking.lease).await;
        *asking.held() = match begun {
            Ok(Begun::New) => Held::Key(key),
            _ => Held::Not,
        };
        asking.settled.notify_one();
        begun
    })
    .await;
    let unavailable = |why: &dyn std::fmt::Display| {
        tracing::error!(error = %why, "idempotency store failed");
        Idempotent::Refused(Problem::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "the request can't be checked for repeats now; retry later",
        ))
    };
    match begun {
        Err(e) => unavailable(&e),
        Ok(Err(e)) => unavailable(&e),
        Ok(Ok(Begun::Running { fingerprint: f } | Begun::Done { fingerprint: f, .. })) if f != claim.fingerprint => {
            Idempotent::Refused(Problem::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "this idempotency key was used for a different request",
            ))
        }
        Ok(Ok(Begun::Running { .. })) => Idempotent::Refused(Problem::new(
            StatusCode::CONFLICT,
            "a request with this idempotency key is still running",
        )),
        Ok(Ok(Begun::Done { response, .. })) => Idempotent::Replay(replay(response)),
        Ok(Ok(Begun::New)) => Idempotent::Run,
    }
}

/// The key as stored: the caller's own, so no caller can reach another's
/// response by sending the same key.
fn scoped(scope: &str, key: &str) -> String {
    let mut hash = Sha256::new();
    hash.update(scope.as_bytes());
    hash.update([0]);
    hash.update(key.as_bytes());
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

type BoxedBegin<'a> = Pin<Box<dyn Future<Output = Result<Begun, StoreError>> + Send + 'a>>;

/// A store as the handler reaches it, without knowing its type.
trait Keys: Send + Sync {
    fn begin<'a>(&'a self, key: &'a str, fingerprint: &'a str, lease: Duration) -> BoxedBegin<'a>;
}

impl<S: IdempotencyStore> Keys for S {
    fn begin<'a>(&'a self, key: &'a str, fingerprint: &'a str, lease: Duration) -> BoxedBegin<'a> {
        Box::pin(IdempotencyStore::begin(self, key, fingerprint, lease))
    }
}

async fn call<I>(inner: &mut I, request: Request<Body>) -> Response
where
    I: tower::Service<Request<Body>, Response = Response, Error = Infallible>,
{
    match inner.call(request).await {
        Ok(response) => response,
        Err(never) => match never {},
    }
}

/// The request as the key vouches for it: method, path with query, body.
fn fingerprint(method: &Method, path: &str, body: &[u8]) -> String {
    let mut hash = Sha256::new();
    hash.update(method.as_str().as_bytes());
    hash.update(b" ");
    hash.update(path.as_bytes());
    hash.update(b"\n");
    hash.update(body);
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

fn replay(stored: Stored) -> Response {
    let mut response = (StatusCode::from_u16(stored.status).unwrap_or(StatusCode::OK), stored.body).into_response();
    let headers = response.headers_mut();
    headers.remove(header::CONTENT_TYPE);
    for (name, value) in stored.headers {
        if let (Ok(name), Ok(value)) = (HeaderName::try_from(name), HeaderValue::try_from(value)) {
            headers.append(name, value);
        }
    }
    headers.insert(HeaderName::from_static("idempotent-replayed"), HeaderValue::from_static("true"));
    response
}

fn invalid_key(header: &HeaderName, why: &str) -> Response {
    Problem::new(StatusCode::BAD_REQUEST, format!("the `{header}` header {why}")).into_response()
}
