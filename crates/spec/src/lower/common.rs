//! Parts that OpenAPI and AsyncAPI documents share: info, servers, security, tags.

use indexmap::IndexMap;
use serde_json::Value;

use super::{Cx, Node};
use crate::ir::{
    ApiKeyLocation, ExternalDocs, Info, OAuthFlow, SecurityRequirement, SecurityScheme, SecuritySchemeKind, Server,
    ServerVariable, Tag,
};

impl<'w> Cx<'w> {
    pub fn info(&mut self, root: &Node<'w>) -> Info {
        let Some(info) = root.get("info") else {
            self.warn("missing-field", root.loc(), "the document has no `info`; its title and version are left empty");
            return Info::default();
        };
        if !self.expect_object(&info, "`info`") {
            return Info::default();
        }
        Info {
            title: self.text(&info, "title").unwrap_or_default(),
            version: self.text(&info, "version").unwrap_or_default(),
            summary: self.text(&info, "summary"),
            description: self.text(&info, "description"),
            terms_of_service: self.text(&info, "termsOfService"),
            contact: info.value.get("contact").cloned(),
            license: info.value.get("license").cloned(),
            extensions: info.extensions(),
        }
    }

    /// OpenAPI's `servers` list.
    pub fn openapi_servers(&mut self, parent: &Node<'w>) -> Vec<Server> {
        let Some(list) = parent.get("servers") else { return Vec::new() };
        if !list.value.is_array() {
            self.error("structure", list.loc(), "`servers` must be a list");
            return Vec::new();
        }
        let mut out = Vec::new();
        for server in list.items() {
            if !self.expect_object(&server, "a server") {
                continue;
            }
            let Some(url) = self.text(&server, "url") else {
                self.warn("missing-field", server.loc(), "server without `url`; skipping it");
                continue;
            };
            out.push(Server {
                name: None,
                url,
                protocol: None,
                protocol_version: None,
                description: self.text(&server, "description"),
                variables: self.server_variables(&server),
                security: None,
                bindings: IndexMap::new(),
                tags: Vec::new(),
                extensions: server.extensions(),
                origin: server.loc(),
            });
        }
        out
    }

    pub fn server_variables(&mut self, server: &Node<'w>) -> IndexMap<String, ServerVariable> {
        let mut out = IndexMap::new();
        for (name, var) in self.named_entries(server, "variables") {
            let default = match var.value.get("default") {
                Some(Value::String(s)) => Some(s.clone()),
                Some(Value::Number(n)) => Some(n.to_string()),
                _ => None,
            };
            let enum_values = var
                .value
                .get("enum")
                .and_then(Value::as_array)
                .map(|v| v.iter().map(|e| e.as_str().map_or_else(|| e.to_string(), str::to_string)).collect())
                .unwrap_or_default();
            out.insert(
                name,
                ServerVariable {
                    default,
                    enum_values,
                    description: self.text(&var, "description"),
                    examples: self.strings(&var, "examples"),
                },
            );
        }
        out
    }

    /// A `securitySchemes` map (OpenAPI 3, AsyncAPI).
    pub fn security_schemes(&mut self, components: &Node<'w>) -> IndexMap<String, SecurityScheme> {
        let mut out = IndexMap::new();
        for (name, scheme) in self.named_entries(components, "securitySchemes") {
            if let Some(s) = self.security_scheme(&scheme) {
                out.insert(name, s);
            }
        }
        out
    }

    pub fn security_scheme(&mut self, node: &Node<'w>) -> Option<SecurityScheme> {
        let Some(ty) = self.text(node, "type") else {
            self.warn("missing-field", node.loc(), "security scheme without `type`; skipping it");
            return None;
        };
        let kind = match ty.as_str() {
            "apiKey" | "httpApiKey" => {
                let location = match node.str("in") {
                    Some("header") => ApiKeyLocation::Header,
                    Some("query") => ApiKeyLocation::Query,
                    Some("cookie") => ApiKeyLocation::Cookie,
                    Some("user") => ApiKeyLocation::User,
                    Some("password") => ApiKeyLocation::Password,
                    other => {
                        self.warn(
                            "security-scheme",
                            node.child_loc("in"),
                            format!("API key location {other:?} is not header, query or cookie; skipping the scheme"),
                        );
                        return None;
                    }
                };
                let name = self.text(node, "name").unwrap_or_default();
                SecuritySchemeKind::ApiKey { name, location }
            }
            "http" | "basic" => SecuritySchemeKind::Http {
                scheme: if ty == "basic" {
                    "basic".into()
                } else {
                    self.text(node, "scheme").unwrap_or_default().to_ascii_lowercase()
                },
                bearer_format: self.text(node, "bearerFormat"),
            },
            "oauth2" => SecuritySchemeKind::OAuth2 { flows: self.oauth_flows(node) },
            "openIdConnect" => {
                SecuritySchemeKind::OpenIdConnect { url: self.text(node, "openIdConnectUrl").unwrap_or_default() }
            }
            "mutualTLS" => SecuritySchemeKind::MutualTls,
            other => SecuritySchemeKind::Other { name: other.to_string() },
        };
        Some(SecurityScheme {
            kind,
            description: self.text(node, "description"),
            extensions: node.extensions(),
            origin: node.loc(),
        })
    }

    fn oauth_flows(&mut self, node: &Node<'w>) -> Vec<OAuthFlow> {
        // Swagger 2.0 describes one flow inline.
        if let Some(flow) = node.str("flow") {
            let kind = match flow {
                "application" => "clientCredentials",
                "accessCode" => "authorizationCode",
                other => other,
            };
            return vec![self.oauth_flow(kind, node)];
        }
        let Some(flows) = node.get("flows") else { return Vec::new() };
        let entries: Vec<_> = flows.entries().map(|(k, n)| (k.to_string(), n)).collect();
        entries.iter().map(|(kind, flow)| self.oauth_flow(kind, flow)).collect()
    }

    fn oauth_flow(&mut self, kind: &str, flow: &Node<'w>) -> OAuthFlow {
        // AsyncAPI 3 names scopes `availableScopes`.
        let scopes = flow.value.get("scopes").or_else(|| flow.value.get("availableScopes"));
        OAuthFlow {
            kind: kind.to_string(),
            authorization_url: self.text(flow, "authorizationUrl"),
            token_url: self.text(flow, "tokenUrl"),
            refresh_url: self.text(flow, "refreshUrl"),
            scopes: scopes
                .and_then(Value::as_object)
                .map(|m| m.iter().map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string())).collect())
                .unwrap_or_default(),
        }
    }

    /// OpenAPI's list of requirement objects (`[{scheme: [scopes]}]`).
    pub fn security_requirements(&mut self, parent: &Node<'w>, key: &str) -> Option<Vec<SecurityRequirement>> {
        let list = parent.get(key)?;
        if !list.value.is_array() {
            self.warn("field-type", list.loc(), format!("`{key}` should be a list; ignoring it"));
            return None;
        }
        let mut out = Vec::new();
        for req in list.items() {
            let schemes = req
                .entries()
                .map(|(name, scopes)| {
                    let scopes = scopes
                        .value
                        .as_array()
                        .map(|s| s.iter().filter_map(Value::as_str).map(str::to_string).collect());
                    (name.to_string(), scopes.unwrap_or_default())
                })
                .collect();
            out.push(SecurityRequirement { schemes });
        }
        Some(out)
    }

    pub fn tags(&mut self, parent: &Node<'w>) -> Vec<Tag> {
        let Some(list) = parent.get("tags") else { return Vec::new() };
        let items: Vec<_> = list.items().collect();
        let mut out = Vec::new();
        for tag in items {
            let Some(tag) = self.deref(tag) else { continue };
            match tag.value {
                Value::String(name) => out.push(Tag { name: name.clone(), description: None, external_docs: None }),
                _ => {
                    let Some(name) = self.text(&tag, "name") else { continue };
                    let description = self.text(&tag, "description");
                    let external_docs = self.external_docs(&tag);
                    out.push(Tag { name, description, external_docs });
                }
            }
        }
        out
    }

    pub fn external_docs(&mut self, parent: &Node<'w>) -> Option<ExternalDocs> {
        let docs = self.deref(parent.get("externalDocs")?)?;
        Some(ExternalDocs {
            url: self.text(&docs, "url").unwrap_or_default(),
            description: self.text(&docs, "description"),
        })
    }
}
