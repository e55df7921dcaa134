//! Credentials for the security schemes a spec declares, applied per
//! operation, with OAuth2 client-credentials tokens fetched and refreshed.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use base64::Engine;
use reqwest::header::{HeaderMap, HeaderValue, AUTHORIZATION};

use super::error::CallError;
pub use specwright_core::security::{KeyLocation, Scheme, SchemeKind, Secret};

/// What the caller gives for one scheme.
#[derive(Clone, Debug)]
pub enum Credential {
    ApiKey(Secret),
    Basic {
        username: String,
        password: Secret,
    },
    Bearer(Secret),
    /// OAuth2 client credentials: a token is fetched from the scheme's token
    /// URL (or `token_url`), cached, and refreshed before it expires.
    ClientCredentials {
        client_id: String,
        client_secret: Secret,
        scopes: Vec<String>,
        token_url: Option<String>,
    },
}

impl Credential {
    pub fn api_key(key: impl Into<String>) -> Credential {
        Credential::ApiKey(Secret::new(key))
    }

    pub fn basic(username: impl Into<String>, password: impl Into<String>) -> Credential {
        Credential::Basic { username: username.into(), password: Secret::new(password) }
    }

    pub fn bearer(token: impl Into<String>) -> Credential {
        Credential::Bearer(Secret::new(token))
    }

    pub fn client_credentials(client_id: impl Into<String>, client_secret: impl Into<String>) -> Credential {
        Credential::ClientCredentials {
            client_id: client_id.into(),
            client_secret: Secret::new(client_secret),
            scopes: Vec::new(),
            token_url: None,
        }
    }

    /// Scopes to ask for with client credentials.
    pub fn with_scopes(mut self, wanted: impl IntoIterator<Item = impl Into<String>>) -> Credential {
        if let Credential::ClientCredentials { scopes, .. } = &mut self {
            *scopes = wanted.into_iter().map(Into::into).collect();
        }
        self
    }

    /// A token URL other than the one the spec gives.
    pub fn with_token_url(mut self, url: impl Into<String>) -> Credential {
        if let Credential::ClientCredentials { token_url, .. } = &mut self {
            *token_url = Some(url.into());
        }
        self
    }
}

/// The credentials of a client, shared by its clones (and so is the token cache).
#[derive(Default)]
pub(crate) struct Auth {
    pub(crate) schemes: HashMap<&'static str, (SchemeKind, Credential)>,
    tokens: tokio::sync::Mutex<HashMap<&'static str, Token>>,
}

#[derive(Clone)]
struct Token {
    value: Secret,
    refresh_at: Option<Instant>,
}

/// Where credentials go on one request.
#[derive(Default)]
pub(crate) struct Applied {
    pub headers: HeaderMap,
    pub query: Vec<(String, Secret)>,
    pub cookies: Vec<(String, Secret)>,
}

impl Auth {
    pub(crate) fn new(schemes: HashMap<&'static str, (SchemeKind, Credential)>) -> Auth {
        Auth { schemes, tokens: Default::default() }
    }

    /// The credentials for the first alternative the client has everything
    /// for; none when it has no alternative complete (the server decides).
    pub(crate) async fn apply(
        &self,
        alternatives: &[&[&'static str]],
        http: &reqwest::Client,
    ) -> Result<Applied, CallError> {
        let mut applied = Applied::default();
        // An empty alternative means "no credentials needed": the fallback
        // when the client has none of the others.
        let complete = |alt: &&&[&str]| !alt.is_empty() && alt.iter().all(|s| self.schemes.contains_key(s));
        let Some(chosen) = alternatives.iter().find(complete) else {
            return Ok(applied);
        };
        for name in chosen.iter() {
            let (kind, credential) = &self.schemes[name];
            match (kind, credential) {
                (SchemeKind::ApiKey { location, param }, Credential::ApiKey(key)) => match location {
                    KeyLocation::Header => {
                        let value = sensitive(key.expose())?;
                        applied.headers.insert(
                            reqwest::header::HeaderName::from_bytes(param.as_bytes())
                                .map_err(|e| CallError::InvalidRequest(format!("api key header `{param}`: {e}")))?,
                            value,
                        );
                    }
                    KeyLocation::Query => applied.query.push((param.to_string(), key.clone())),
                    KeyLocation::Cookie => applied.cookies.push((param.to_string(), key.clone())),
                },
                (_, Credential::Basic { username, password }) => {
                    let raw = format!("{username}:{}", password.expose());
                    let encoded = base64::engine::general_purpose::STANDARD.encode(raw);
                    applied.headers.insert(AUTHORIZATION, sensitive(&format!("Basic {encoded}"))?);
                }
                (_, Credential::Bearer(token)) => {
                    applied.headers.insert(AUTHORIZATION, sensitive(&format!("Bearer {}", token.expose()))?);
                }
                (SchemeKind::OAuth2 { token_url }, Credential::ClientCredentials { .. }) => {
                    let token = self.token(name, *token_url, credential, http).await?;
                    applied.headers.insert(AUTHORIZATION, sensitive(&format!("Bearer {}", token.expose()))?);
                }
                (kind, _) => {
                    return Err(CallError::Auth(format!(
                        "the credential given for scheme `{name}` does not fit it ({kind:?})"
                    )))
                }
            }
        }
        Ok(applied)
    }

    /// A cached client-credentials token, or a new one when it is near expiry.
    /// The lock is held while fetching, so concurrent calls share one fetch.
    async fn token(
        &self,
        name: &'static str,
        spec_url: Option<&'static str>,
        credential: &Credential,
        http: &reqwest::Client,
    ) -> Result<Secret, CallError> {
        let Credential::ClientCredentials { client_id, client_secret, scopes, token_url } = credential else {
            unreachable!("only called for client credentials")
        };
        let mut tokens = self.tokens.lock().await;
        if let Some(t) = tokens.get(name) {
            if t.refresh_at.is_none_or(|at| Instant::now() < at) {
                return Ok(t.value.clone());
            }
        }
        let url = token_url.as_deref().or(spec_url).ok_or_else(|| {
            CallError::Auth(format!("scheme `{name}` has no token URL; give one with `Credential::with_token_url`"))
        })?;
        let mut form = vec![("grant_type", "client_credentials".to_string())];
        if !scopes.is_empty() {
            form.push(("scope", scopes.join(" ")));
        }
        let response = http
            .post(url)
            .basic_auth(client_id, Some(client_secret.expose()))
            .form(&form)
            .send()
            .await
            .map_err(|e| CallError::Auth(format!("token request to {url}: {e}")))?;
        let status = response.status();
        let body = response.bytes().await.map_err(|e| CallError::Auth(format!("token response from {url}: {e}")))?;
        if !status.is_success() {
            return Err(CallError::Auth(format!("token endpoint {url} answered {status}")));
        }
        #[derive(serde::Deserialize)]
        struct TokenResponse {
            access_token: String,
            expires_in: Option<u64>,
        }
        let parsed: TokenResponse = serde_json::from_slice(&body)
            .map_err(|e| CallError::Auth(format!("token response from {url} is not an OAuth2 token: {e}")))?;
        // Refresh a tenth of the lifetime early (at most 30 s), so a token
        // never expires in flight.
        let refresh_at = parsed.expires_in.map(|secs| {
            let life = Duration::from_secs(secs);
            Instant::now() + life - (life / 10).min(Duration::from_secs(30))
        });
        let value = Secret::new(parsed.access_token);
        tokens.insert(name, Token { value: value.clone(), refresh_at });
        Ok(value)
    }

    /// Forgets a token the server refused, so the next call fetches another.
    pub(crate) async fn forget_tokens(&self) {
        self.tokens.lock().await.clear();
    }
}

/// A header value marked sensitive, so HTTP libraries keep it out of logs.
fn sensitive(text: &str) -> Result<HeaderValue, CallError> {
    let mut value = HeaderValue::from_str(text)
        .map_err(|_| CallError::InvalidRequest("a credential holds characters a header can't carry".into()))?;
    value.set_sensitive(true);
    Ok(value)
}
