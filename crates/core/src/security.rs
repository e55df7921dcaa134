//! The security schemes a spec declares, as generated clients and servers
//! both see them, and the secrets they carry.

use std::sync::Arc;

/// A security scheme as the spec declares it.
#[derive(Clone, Copy, Debug)]
pub struct Scheme {
    /// The key under `components.securitySchemes`.
    pub name: &'static str,
    pub kind: SchemeKind,
}

#[derive(Clone, Copy, Debug)]
pub enum SchemeKind {
    ApiKey {
        location: KeyLocation,
        param: &'static str,
    },
    Basic,
    /// HTTP `bearer`, and `openIdConnect` (a bearer token from the provider).
    Bearer,
    /// OAuth2; `token_url` is the client-credentials flow's, where the spec has one.
    OAuth2 {
        token_url: Option<&'static str>,
    },
    /// Something the client can't apply (mutual TLS, another HTTP scheme).
    Unsupported,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyLocation {
    Header,
    Query,
    Cookie,
}

/// A secret that never shows in `Debug` output or traces.
#[derive(Clone)]
pub struct Secret(Arc<str>);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(Arc::from(value.into()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}
