//! The spec's paths as an axum `Router`. Each path template becomes a
//! route whose parameter segments are named by position, so templates that
//! share a prefix never disagree about a segment's name; the values are
//! then read from the request's own path against the operation's template,
//! which also takes segments such as `{name}.{ext}`.

use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodFilter, MethodRouter};
use axum::Router;
use tracing::Instrument;

use super::input::media_matches;
use super::{Input, Operation, Problem, Settings, Spec};

/// What a generated handler returns.
pub type BoxFuture = Pin<Box<dyn Future<Output = Response> + Send>>;

/// A generated handler: the API implementation and the request.
pub type Handler<A> = fn(Arc<A>, Input) -> BoxFuture;

/// The operations one route and method may be, tried in order.
type Candidates<A> = Vec<(&'static Operation, Handler<A>)>;

/// The operations of a generated server, gathered into a `Router`.
pub struct Routes<A> {
    api: Arc<A>,
    spec: &'static Spec,
    settings: Settings,
    operations: Candidates<A>,
}

impl<A: Send + Sync + 'static> Routes<A> {
    pub fn new(api: A, spec: &'static Spec, settings: Settings) -> Routes<A> {
        Routes { api: Arc::new(api), spec, settings, operations: Vec::new() }
    }

    pub fn route(mut self, operation: &'static Operation, handler: Handler<A>) -> Routes<A> {
        self.add(operation, handler);
        self
    }

    /// Adds an operation. Generated routers call this once per operation, in
    /// statements: a chain of thousands of `.route()` calls is an expression
    /// nested as deep, which overflows the stack of whatever reads it.
    pub fn add(&mut self, operation: &'static Operation, handler: Handler<A>) {
        self.operations.push((operation, handler));
    }

    /// The router: composable with `nest`, `merge` and `layer`; a known path
    /// with another method gets 405 with `Allow`.
    pub fn into_router(self) -> Router {
        let mut paths: BTreeMap<String, Candidates<A>> = BTreeMap::new();
        for (op, handler) in self.operations {
            paths.entry(route_path(op.path)).or_default().push((op, handler));
        }
        let mut router = Router::new();
        for (path, operations) in paths {
            let mut methods: Vec<(Method, Candidates<A>)> = Vec::new();
            for (op, handler) in operations {
                match methods.iter_mut().find(|(m, _)| *m == op.method) {
                    Some((_, list)) => list.push((op, handler)),
                    None => methods.push((op.method.clone(), vec![(op, handler)])),
                }
            }
            let mut method_router = MethodRouter::new();
            for (method, candidates) in methods {
                let filter = match MethodFilter::try_from(method.clone()) {
                    Ok(filter) => filter,
                    Err(e) => {
                        let ids: Vec<&str> = candidates.iter().map(|(op, _)| op.id).collect();
                        tracing::error!(%method, %path, operations = ?ids, error = %e, "operations not served: the router cannot route this method");
                        continue;
                    }
                };
                let candidates = Arc::new(candidates);
                let (api, spec, settings) = (self.api.clone(), self.spec, self.settings);
                method_router = method_router.on(filter, move |request: Request| {
                    dispatch(api.clone(), spec, settings, candidates.clone(), request)
                });
            }
            router = router.route(&path, method_router);
        }
        router
    }
}

/// Runs the operation whose template the path matches.
async fn dispatch<A>(
    api: Arc<A>,
    spec: &'static Spec,
    settings: Settings,
    candidates: Arc<Candidates<A>>,
    request: Request<Body>,
) -> Response {
    let found =
        candidates.iter().find_map(|(op, handler)| Some((*op, *handler, capture(op.path, request.uri().path())?)));
    let Some((op, handler, path)) = found else {
        return Problem::new(StatusCode::NOT_FOUND, "no operation has this path").into_response();
    };
    if let Some(problem) = unacceptable(op, &request) {
        return problem.into_response();
    }
    let span = tracing::info_span!("request", operation = op.id, method = %op.method, path = op.path);
    let answer = handler(api, Input::new(request, op, spec, settings, path)).instrument(span);
    match tokio::time::timeout(settings.request_timeout, answer).await {
        Ok(response) => response,
        Err(_) => {
            let limit = settings.request_timeout.as_secs_f64();
            tracing::warn!(operation = op.id, "the request took longer than {limit} s and was dropped");
            let mut response =
                Problem::new(StatusCode::SERVICE_UNAVAILABLE, format!("the request took longer than {limit} s"))
                    .into_response();
            response.extensions_mut().insert(super::idempotency::TimedOut);
            response
        }
    }
}

/// 406 when the request's `Accept` takes none of the media types the
/// operation answers with.
fn unacceptable(op: &Operation, request: &Request<Body>) -> Option<Problem> {
    if op.produces.is_empty() {
        return None;
    }
    let accept: Vec<&str> = request.headers().get_all(header::ACCEPT).iter().filter_map(|v| v.to_str().ok()).collect();
    if accept.is_empty() {
        return None;
    }
    let ranges: Vec<&str> = accept
        .iter()
        .flat_map(|a| a.split(','))
        .filter(|r| !r.split(';').skip(1).any(|p| p.trim().replace(' ', "") == "q=0"))
        .map(|r| r.split(';').next().unwrap_or("").trim())
        .collect();
    // Either side may be a range: `image/*` produced, `image/png` accepted.
    let takes = |range: &str, produced: &str| media_matches(range, produced) || media_matches(produced, range);
    let ok = ranges.iter().any(|r| op.produces.iter().any(|p| takes(r, p)));
    (!ok).then(|| {
        Problem::new(
            StatusCode::NOT_ACCEPTABLE,
            format!("this operation answers with {}, which `Accept` does not take", op.produces.join(", ")),
        )
    })
}

/// The route for a template: each segment holding a parameter becomes a
/// parameter named after its position. So does a literal segment axum
/// would refuse (a brace, or `:` or `*` first, its old capture syntax),
/// rather than make `router()` panic: `capture` then matches it as written.
pub(crate) fn route_path(template: &str) -> String {
    let capture = |s: &str| s.contains(['{', '}']) || s.starts_with([':', '*']);
    let segments: Vec<String> = template
        .split('/')
        .enumerate()
        .map(|(i, s)| if capture(s) { format!("{{s{i}}}") } else { s.to_string() })
        .collect();
    let path = segments.join("/");
    if path.starts_with('/') {
        path
    } else {
        format!("/{path}")
    }
}

/// Each parameter of `template` with its raw text in `path`; `None` when
/// the path does not fit the template.
pub(crate) fn capture(template: &'static str, path: &str) -> Option<Vec<(&'static str, String)>> {
    let template_segments: Vec<&'static str> = template.trim_start_matches('/').split('/').collect();
    let path_segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    if template_segments.len() != path_segments.len() {
        return None;
    }
    let mut out = Vec::new();
    for (t, p) in template_segments.into_iter().zip(path_segments) {
        if !t.contains('{') {
            if t != p {
                return None;
            }
            continue;
        }
        segment(t, p, &mut out)?;
    }
    Some(out)
}

/// Matches one segment such as `{name}.{ext}` or `v{version}`: literals
/// must appear in order, and each parameter takes the text up to the next.
fn segment(template: &'static str, text: &str, out: &mut Vec<(&'static str, String)>) -> Option<()> {
    let mut rest = text;
    let mut t = template;
    while !t.is_empty() {
        if let Some(after) = t.strip_prefix('{') {
            let close = after.find('}')?;
            let name = &after[..close];
            t = &after[close + 1..];
            let literal_end = t.find('{').unwrap_or(t.len());
            let literal = &t[..literal_end];
            let end = if literal.is_empty() {
                if t.is_empty() {
                    rest.len()
                } else {
                    // Two parameters side by side: the first takes one character at least.
                    rest.char_indices().nth(1).map_or(rest.len(), |(i, _)| i)
                }
            } else if t.len() == literal_end {
                // The segment ends with this literal: it is the text's end.
                rest.strip_suffix(literal).map(str::len)?
            } else {
                rest.find(literal)?
            };
            out.push((name, rest[..end].to_string()));
            rest = &rest[end..];
        } else {
            let literal_end = t.find('{').unwrap_or(t.len());
            rest = rest.strip_prefix(&t[..literal_end])?;
            t = &t[literal_end..];
        }
    }
    rest.is_empty().then_some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_become_routes_named_by_position() {
        assert_eq!(route_path("/pets/{petId}"), "/pets/{s2}");
        assert_eq!(route_path("/pets/{id}/photos/{name}.{ext}"), "/pets/{s2}/photos/{s4}");
        assert_eq!(route_path("/pets/mine"), "/pets/mine");
    }

    /// Segments axum refuses (and panics on, when the router is built)
    /// become captures, matched against the literal text.
    #[test]
    fn literal_segments_axum_refuses_are_captured_and_matched_as_written() {
        for template in ["/:legacy", "/files/*all", "/a}b", "/x/{{y"] {
            let path = route_path(template);
            assert!(!path.contains([':', '*']) || path.contains("{s"), "{path}");
            let built =
                std::panic::catch_unwind(|| Router::<()>::new().route(&path, axum::routing::get(|| async { "ok" })));
            assert!(built.is_ok(), "{template} made the router panic");
        }
        assert_eq!(capture("/:legacy", "/:legacy"), Some(vec![]));
        assert_eq!(capture("/:legacy", "/other"), None);
        assert_eq!(capture("/a}b", "/a}b"), Some(vec![]));
    }

    #[test]
    fn values_come_from_the_template() {
        let got = |t, p| capture(t, p).map(|v| v.into_iter().map(|(n, v)| format!("{n}={v}")).collect::<Vec<_>>());
        assert_eq!(got("/pets/{id}", "/pets/7"), Some(vec!["id=7".to_string()]));
        assert_eq!(got("/files/{name}.{ext}", "/files/a.b.json"), Some(vec!["name=a".into(), "ext=b.json".into()]));
        assert_eq!(got("/v{version}/x", "/v2/x"), Some(vec!["version=2".into()]));
        assert_eq!(got("/files/{name}.json", "/files/a.b.json"), Some(vec!["name=a.b".into()]));
        assert_eq!(got("/files/{name}.json", "/files/a.xml"), None);
        assert_eq!(got("/pets/{id}", "/pets/7/x"), None);
        assert_eq!(got("/pets/{id}", "/pets/a%2Fb"), Some(vec!["id=a%2Fb".to_string()]));
    }
}
