//! The credentials a request presents for an operation's security
//! requirements, found per scheme, and the answers when they are missing
//! or refused.

use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use base64::Engine;

use super::params::{self, decode};
use super::Problem;
use specwright_core::security::{KeyLocation, Scheme, SchemeKind, Secret};

/// A credential as a request presents it.
#[derive(Clone, Debug)]
pub enum Presented {
    ApiKey(Secret),
    Basic {
        username: String,
        password: Secret,
    },
    /// HTTP bearer, OAuth2 and OpenID Connect tokens.
    Bearer(Secret),
}

/// The credentials of one of an operation's security alternatives, each
/// with its scheme's name; every scheme of the alternative is here.
#[derive(Clone, Debug, Default)]
pub struct Credentials {
    presented: Vec<(&'static str, Presented)>,
}

impl Credentials {
    /// The credential for the scheme named `scheme`.
    pub fn get(&self, scheme: &str) -> Option<&Presented> {
        self.presented.iter().find(|(name, _)| *name == scheme).map(|(_, p)| p)
    }

    /// Each scheme's name with its credential.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &Presented)> {
        self.presented.iter().map(|(name, p)| (*name, p))
    }

    pub fn is_empty(&self) -> bool {
        self.presented.is_empty()
    }
}

/// Why the authentication hook refuses a request. The reason goes to the
/// server's log (`tracing`), not to the client: the answer says only 401 or
/// 403, so a caller cannot learn which part of its credentials was wrong.
#[derive(Clone, Debug)]
pub enum Denied {
    /// 401: the credentials are not valid.
    Unauthorized(String),
    /// 403: they are valid, but not for this.
    Forbidden(String),
}

fn presented(scheme: &Scheme, headers: &HeaderMap, query: Option<&str>) -> Option<Presented> {
    let authorization = || headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok());
    let after = |prefix: &str| {
        authorization().and_then(|a| {
            let (kind, rest) = a.split_once(' ')?;
            kind.eq_ignore_ascii_case(prefix).then(|| rest.trim().to_string())
        })
    };
    match scheme.kind {
        SchemeKind::ApiKey { location, param } => {
            let value = match location {
                KeyLocation::Header => headers.get(param).and_then(|v| v.to_str().ok()).map(str::to_string),
                KeyLocation::Query => {
                    let pairs = params::query_pairs(query.unwrap_or(""));
                    let mut found = pairs.iter().filter(|(k, _)| decode(k, true).is_ok_and(|k| k == param));
                    found.next().and_then(|(_, v)| decode(v, true).ok())
                }
                KeyLocation::Cookie => headers
                    .get_all(header::COOKIE)
                    .iter()
                    .filter_map(|v| v.to_str().ok())
                    .flat_map(|c| c.split(';'))
                    .filter_map(|pair| pair.trim().split_once('='))
                    .find(|(k, _)| *k == param)
                    .and_then(|(_, v)| decode(v, false).ok()),
            };
            value.filter(|v| !v.is_empty()).map(|v| Presented::ApiKey(Secret::new(v)))
        }
        SchemeKind::Basic => {
            let decoded = base64::engine::general_purpose::STANDARD.decode(after("basic")?).ok()?;
            let text = String::from_utf8(decoded).ok()?;
            let (username, password) = text.split_once(':')?;
            Some(Presented::Basic { username: username.to_string(), password: Secret::new(password) })
        }
        SchemeKind::Bearer | SchemeKind::OAuth2 { .. } => {
            after("bearer").filter(|t| !t.is_empty()).map(|t| Presented::Bearer(Secret::new(t)))
        }
        SchemeKind::Unsupported => None,
    }
}

/// A digest of every credential the request presents, for any scheme of the
/// spec: who an idempotency key belongs to when the implementation names no
/// principal for it. A request that presents none has the digest of nothing.
pub(crate) fn presented_digest(schemes: &'static [Scheme], headers: &HeaderMap, query: Option<&str>) -> String {
    use sha2::{Digest, Sha256};
    let mut hash = Sha256::new();
    for scheme in schemes {
        let Some(credential) = presented(scheme, headers, query) else { continue };
        hash.update(scheme.name.as_bytes());
        hash.update([0]);
        match &credential {
            Presented::ApiKey(secret) | Presented::Bearer(secret) => hash.update(secret.expose().as_bytes()),
            Presented::Basic { username, password } => {
                hash.update(username.as_bytes());
                hash.update([0]);
                hash.update(password.expose().as_bytes());
            }
        }
        hash.update([0]);
    }
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// The credentials of the first alternative whose schemes all have one,
/// `Ok(None)` when an alternative asks for nothing and none is complete,
/// and the 401 to answer when every alternative lacks something.
pub(crate) fn find(
    schemes: &'static [Scheme],
    alternatives: &[&[&'static str]],
    headers: &HeaderMap,
    query: Option<&str>,
) -> Result<Option<Credentials>, Problem> {
    let mut anonymous = false;
    for alternative in alternatives {
        if alternative.is_empty() {
            anonymous = true;
            continue;
        }
        let found: Option<Vec<_>> = alternative
            .iter()
            .map(|name| {
                let scheme = schemes.iter().find(|s| s.name == *name)?;
                presented(scheme, headers, query).map(|p| (*name, p))
            })
            .collect();
        if let Some(presented) = found {
            return Ok(Some(Credentials { presented }));
        }
    }
    if anonymous {
        return Ok(None);
    }
    Err(challenge(schemes, alternatives, "the request has no credentials for this operation"))
}

/// A 401 or 403 for a refusal by the hook.
pub(crate) fn refused(schemes: &'static [Scheme], alternatives: &[&[&'static str]], denied: Denied) -> Problem {
    match denied {
        Denied::Unauthorized(why) => {
            tracing::info!(reason = %why, "credentials refused");
            challenge(schemes, alternatives, "the credentials were not accepted")
        }
        Denied::Forbidden(why) => {
            tracing::info!(reason = %why, "operation forbidden");
            Problem::new(StatusCode::FORBIDDEN, "the credentials do not allow this operation")
        }
    }
}

/// A 401 whose `WWW-Authenticate` names each scheme the operation takes.
fn challenge(schemes: &'static [Scheme], alternatives: &[&[&'static str]], why: impl Into<String>) -> Problem {
    let mut problem = Problem::new(StatusCode::UNAUTHORIZED, why);
    let mut seen = Vec::new();
    for name in alternatives.iter().flat_map(|a| a.iter()) {
        let Some(scheme) = schemes.iter().find(|s| s.name == *name) else { continue };
        let text = match scheme.kind {
            SchemeKind::Basic => "Basic realm=\"api\", charset=\"UTF-8\"".to_string(),
            SchemeKind::Bearer | SchemeKind::OAuth2 { .. } => "Bearer realm=\"api\"".to_string(),
            SchemeKind::ApiKey { location, param } => {
                let place = match location {
                    KeyLocation::Header => "header",
                    KeyLocation::Query => "query",
                    KeyLocation::Cookie => "cookie",
                };
                format!("ApiKey realm=\"api\", in=\"{place}\", name=\"{param}\"")
            }
            SchemeKind::Unsupported => continue,
        };
        if !seen.contains(&text) {
            seen.push(text);
        }
    }
    if seen.is_empty() {
        seen.push("Bearer realm=\"api\"".to_string());
    }
    for text in seen {
        if let Ok(value) = HeaderValue::from_str(&text) {
            problem = problem.with_header(header::WWW_AUTHENTICATE, value);
        }
    }
    problem
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What idempotency keys are scoped to when the implementation names no
    /// principal: each caller's credentials, and nothing shared between two.
    #[test]
    fn credentials_give_scopes_of_their_own() {
        static SCHEMES: [Scheme; 2] = [
            Scheme { name: "key", kind: SchemeKind::ApiKey { location: KeyLocation::Header, param: "x-key" } },
            Scheme { name: "bearer", kind: SchemeKind::Bearer },
        ];
        let digest = |pairs: &[(&'static str, &str)]| {
            let mut headers = HeaderMap::new();
            for (name, value) in pairs {
                headers.insert(*name, value.parse().unwrap());
            }
            presented_digest(&SCHEMES, &headers, None)
        };
        let ada = digest(&[("authorization", "Bearer ada")]);
        assert_eq!(ada, digest(&[("authorization", "Bearer ada")]));
        assert_ne!(ada, digest(&[("authorization", "Bearer bob")]));
        assert_ne!(ada, digest(&[("x-key", "ada")]), "a key and a token of the same text are not one caller");
        assert_ne!(ada, digest(&[]));
    }
}
