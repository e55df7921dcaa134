//! The client that generated code sends requests through: one per API,
//! cheap to clone, with its connection pool, credentials and token cache
//! shared by the clones.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};

use super::auth::{Auth, Credential, Scheme};
use super::retry::RetryPolicy;
use super::server::{ServerTemplate, ServerUrlError};

/// Why a client could not be built.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    #[error("default header `{name}` is not a valid header")]
    InvalidHeader { name: String },
    #[error("the spec names no server; give the client a base URL")]
    NoServer,
    #[error(transparent)]
    ServerUrl(#[from] ServerUrlError),
    #[error("base URL `{url}`: {source} (the spec's server may be relative; give a full one)")]
    BaseUrl {
        url: String,
        #[source]
        source: url::ParseError,
    },
    #[error("base URL `{url}` is not http or https")]
    NotHttp { url: String },
    /// A credential for a scheme the spec does not have.
    #[error("the spec has no security scheme `{name}` (it has: {})", known.join(", "))]
    UnknownScheme { name: String, known: Vec<&'static str> },
    #[error("HTTP client: {0}")]
    Http(#[source] reqwest::Error),
}

/// A client for one API; generated clients wrap it.
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<Inner>,
}

pub(crate) struct Inner {
    pub base_url: String,
    /// The user's middleware around `plain`; `None` without any, as
    /// going through an empty stack still cost a call about 5%.
    pub http: Option<reqwest_middleware::ClientWithMiddleware>,
    /// Without middleware: calls when there is none, and token requests.
    pub plain: reqwest::Client,
    pub auth: Auth,
    pub retry: RetryPolicy,
    pub idempotency_keys: bool,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base_url)
            .field("schemes", &self.inner.auth.schemes.keys().collect::<Vec<_>>())
            .field("retry", &self.inner.retry)
            .finish_non_exhaustive()
    }
}

impl Client {
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }
}

/// Settings for a [`Client`]; `C` is what `build` gives, such as a
/// generated client that wraps this one.
pub struct ClientBuilder<C = Client> {
    _client: std::marker::PhantomData<fn() -> C>,
    schemes: &'static [Scheme],
    base_url: Option<String>,
    servers: &'static [ServerTemplate],
    variables: HashMap<String, String>,
    credentials: HashMap<String, Credential>,
    timeout: Option<Duration>,
    connect_timeout: Option<Duration>,
    user_agent: Option<String>,
    headers: HeaderMap,
    reqwest: Option<reqwest::Client>,
    middleware: Vec<Arc<dyn reqwest_middleware::Middleware>>,
    retry: RetryPolicy,
    idempotency_keys: bool,
    accept_invalid_certs: bool,
    errors: Vec<BuildError>,
}

impl<C: From<Client>> ClientBuilder<C> {
    /// A builder for an API with these servers and security schemes.
    pub fn new(servers: &'static [ServerTemplate], schemes: &'static [Scheme]) -> Self {
        ClientBuilder {
            _client: std::marker::PhantomData,
            schemes,
            base_url: None,
            servers,
            variables: HashMap::new(),
            credentials: HashMap::new(),
            timeout: Some(Duration::from_secs(60)),
            connect_timeout: Some(Duration::from_secs(10)),
            user_agent: None,
            headers: HeaderMap::new(),
            reqwest: None,
            middleware: Vec::new(),
            retry: RetryPolicy::default(),
            idempotency_keys: true,
            accept_invalid_certs: false,
            errors: Vec::new(),
        }
    }

    /// The URL that paths are appended to, instead of the spec's first server.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// A value for one of the server URL's `{variables}`.
    pub fn server_variable(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.variables.insert(name.into(), value.into());
        self
    }

    /// The credential for a security scheme, by its name in the spec.
    pub fn credential(mut self, scheme: impl Into<String>, credential: Credential) -> Self {
        self.credentials.insert(scheme.into(), credential);
        self
    }

    /// The whole time a request may take; `None` for no limit.
    pub fn timeout(mut self, timeout: impl Into<Option<Duration>>) -> Self {
        self.timeout = timeout.into();
        self
    }

    pub fn connect_timeout(mut self, timeout: impl Into<Option<Duration>>) -> Self {
        self.connect_timeout = timeout.into();
        self
    }

    pub fn user_agent(mut self, agent: impl Into<String>) -> Self {
        self.user_agent = Some(agent.into());
        self
    }

    /// A header sent with every request.
    pub fn default_header(mut self, name: &str, value: &str) -> Self {
        match (HeaderName::from_bytes(name.as_bytes()), HeaderValue::from_str(value)) {
            (Ok(n), Ok(v)) => {
                self.headers.insert(n, v);
            }
            _ => self.errors.push(BuildError::InvalidHeader { name: name.to_string() }),
        }
        self
    }

    /// Sends through this `reqwest::Client` (its pool, proxy and TLS
    /// settings); timeouts, user agent and default headers set here are
    /// then the caller's to set on it.
    pub fn reqwest_client(mut self, client: reqwest::Client) -> Self {
        self.reqwest = Some(client);
        self
    }

    /// Middleware every request passes through, outermost first.
    pub fn middleware(mut self, middleware: impl reqwest_middleware::Middleware) -> Self {
        self.middleware.push(Arc::new(middleware));
        self
    }

    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Whether POST and PATCH requests get an `Idempotency-Key` (a UUID,
    /// the same on every retry) so they can be retried safely. On by default.
    pub fn idempotency_keys(mut self, on: bool) -> Self {
        self.idempotency_keys = on;
        self
    }

    /// Accepts any TLS certificate, also expired, self-signed or for another
    /// host. Only for tests against a local server: anyone on the path can
    /// then read and change the traffic.
    pub fn danger_accept_invalid_certs(mut self, accept: bool) -> Self {
        self.accept_invalid_certs = accept;
        self
    }

    pub fn build(self) -> Result<C, BuildError> {
        if let Some(e) = self.errors.into_iter().next() {
            return Err(e);
        }
        let base_url = match self.base_url {
            Some(url) => url,
            None => {
                let server = self.servers.first().ok_or(BuildError::NoServer)?;
                server.url(&self.variables)?
            }
        };
        let parsed = match url::Url::parse(&base_url) {
            Ok(parsed) => parsed,
            Err(source) => return Err(BuildError::BaseUrl { url: base_url, source }),
        };
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(BuildError::NotHttp { url: base_url });
        }
        let mut schemes = HashMap::new();
        for (name, credential) in self.credentials {
            let scheme = self.schemes.iter().find(|s| s.name == name).ok_or_else(|| BuildError::UnknownScheme {
                name: name.to_string(),
                known: self.schemes.iter().map(|s| s.name).collect(),
            })?;
            schemes.insert(scheme.name, (scheme.kind, credential));
        }
        let plain = match self.reqwest {
            Some(client) => client,
            None => {
                let mut b = reqwest::Client::builder().default_headers(self.headers);
                if let Some(t) = self.timeout {
                    b = b.timeout(t);
                }
                if let Some(t) = self.connect_timeout {
                    b = b.connect_timeout(t);
                }
                if let Some(ua) = self.user_agent {
                    b = b.user_agent(ua);
                }
                if self.accept_invalid_certs {
                    b = b.danger_accept_invalid_certs(true);
                }
                b.build().map_err(BuildError::Http)?
            }
        };
        let http = (!self.middleware.is_empty()).then(|| {
            let mut http = reqwest_middleware::ClientBuilder::new(plain.clone());
            for m in self.middleware {
                http = http.with_arc(m);
            }
            http.build()
        });
        Ok(C::from(Client {
            inner: Arc::new(Inner {
                base_url: base_url.trim_end_matches('/').to_string(),
                http,
                plain,
                auth: Auth::new(schemes),
                retry: self.retry,
                idempotency_keys: self.idempotency_keys,
            }),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SchemeKind;

    const SERVERS: &[ServerTemplate] =
        &[ServerTemplate { url: "https://{region}.example.com", variables: &[], description: None }];
    const SCHEMES: &[Scheme] = &[Scheme { name: "bearer", kind: SchemeKind::Bearer }];

    fn builder() -> ClientBuilder {
        ClientBuilder::new(SERVERS, SCHEMES)
    }

    /// Each way a builder can be wrong is its own variant, with what was wrong in it.
    #[test]
    fn build_errors_say_what_is_wrong() {
        let failed = |b: ClientBuilder| b.build().expect_err("refused");
        assert!(matches!(
            failed(builder().base_url("https://api.example.com").default_header("bad header", "v")),
            BuildError::InvalidHeader { name } if name == "bad header"
        ));
        assert!(matches!(failed(ClientBuilder::new(&[], SCHEMES)), BuildError::NoServer));
        assert!(matches!(
            failed(builder()),
            BuildError::ServerUrl(ServerUrlError::NoValue { name }) if name == "region"
        ));
        assert!(matches!(failed(builder().base_url("/v1")), BuildError::BaseUrl { url, .. } if url == "/v1"));
        assert!(matches!(failed(builder().base_url("ftp://example.com")), BuildError::NotHttp { .. }));
        let unknown =
            failed(builder().base_url("https://api.example.com").credential("basic", Credential::bearer("t")));
        assert_eq!(unknown.to_string(), "the spec has no security scheme `basic` (it has: bearer)");
        assert!(builder()
            .base_url("https://api.example.com")
            .credential("bearer", Credential::bearer("t"))
            .build()
            .is_ok());
    }
}
