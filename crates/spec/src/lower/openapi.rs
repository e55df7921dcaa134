//! OpenAPI 3.0 and 3.1 documents.

use std::collections::{HashMap, HashSet};

use indexmap::IndexMap;
use serde_json::Value;

use super::{Cx, Node};
use crate::ir::{
    Api, Callback, Encoding, Header, HttpOperation, MediaType, Method, Parameter, ParameterLocation, ParameterStyle,
    RequestBody, Response, StatusCode,
};

/// The fields of each OpenAPI 3.x object (3.2's additions included).
mod fields {
    pub const ROOT: &[&str] = &[
        "openapi",
        "$self",
        "info",
        "jsonSchemaDialect",
        "servers",
        "paths",
        "webhooks",
        "components",
        "security",
        "tags",
        "externalDocs",
    ];
    pub const PATH_ITEM: &[&str] = &[
        "summary",
        "description",
        "get",
        "put",
        "post",
        "delete",
        "options",
        "head",
        "patch",
        "trace",
        "query",
        "additionalOperations",
        "servers",
        "parameters",
    ];
    pub const OPERATION: &[&str] = &[
        "tags",
        "summary",
        "description",
        "externalDocs",
        "operationId",
        "parameters",
        "requestBody",
        "responses",
        "callbacks",
        "deprecated",
        "security",
        "servers",
    ];
    pub const PARAMETER: &[&str] = &[
        "name",
        "in",
        "description",
        "required",
        "deprecated",
        "allowEmptyValue",
        "style",
        "explode",
        "allowReserved",
        "schema",
        "example",
        "examples",
        "content",
    ];
    pub const HEADER: &[&str] = &[
        "description",
        "required",
        "deprecated",
        "allowEmptyValue",
        "style",
        "explode",
        "allowReserved",
        "schema",
        "example",
        "examples",
        "content",
    ];
    pub const REQUEST_BODY: &[&str] = &["description", "content", "required"];
    pub const MEDIA_TYPE: &[&str] =
        &["schema", "itemSchema", "example", "examples", "encoding", "prefixEncoding", "itemEncoding"];
    pub const RESPONSE: &[&str] = &["summary", "description", "headers", "content", "links"];
    pub const COMPONENTS: &[&str] = &[
        "schemas",
        "responses",
        "parameters",
        "examples",
        "requestBodies",
        "headers",
        "securitySchemes",
        "links",
        "callbacks",
        "pathItems",
        "mediaTypes",
    ];
}

pub(super) fn lower<'w>(cx: &mut Cx<'w>, root: &Node<'w>, api: &mut Api) {
    cx.check_fields(root, "an OpenAPI document", fields::ROOT);
    api.info = cx.info(root);
    api.servers = cx.openapi_servers(root);
    api.tags = cx.tags(root);
    api.external_docs = cx.external_docs(root);
    api.security = cx.security_requirements(root, "security").unwrap_or_default();
    if let Some(components) = root.get("components") {
        if cx.expect_object(&components, "`components`") {
            cx.check_fields(&components, "`components`", fields::COMPONENTS);
            api.security_schemes = cx.security_schemes(&components);
            cx.components(&components, "schemas", api);
        }
    }
    let mut ids = OperationIds::default();
    if let Some(paths) = root.get("paths") {
        if cx.expect_object(&paths, "`paths`") {
            for (path, item) in paths.entries() {
                if !path.starts_with('/') && !path.starts_with("x-") {
                    cx.warn("path", item.loc(), format!("path `{path}` should start with `/`"));
                }
                if path.starts_with("x-") {
                    continue;
                }
                api.operations.extend(cx.path_item(path, item, &mut ids, Route::Path));
            }
        }
    }
    if let Some(webhooks) = root.get("webhooks") {
        for (name, item) in webhooks.entries() {
            api.webhooks.extend(cx.path_item(name, item, &mut ids, Route::Webhook));
        }
    }
}

/// What the key of a path item is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Route {
    /// A path template under `paths`.
    Path,
    /// A webhook's name.
    Webhook,
    /// A callback's runtime expression, such as `{$request.body#/callbackUrl}`.
    Callback,
}

/// What an operation shares with the other operations of its path item.
#[derive(Clone, Copy)]
struct PathItem<'a> {
    path: &'a str,
    shared: &'a [Parameter],
    servers: &'a [crate::ir::Server],
    route: Route,
}

/// Keeps operation ids unique across a document.
#[derive(Default)]
pub(super) struct OperationIds {
    used: HashSet<String>,
    /// Per id, the suffix to try first.
    next_suffix: HashMap<String, usize>,
}

impl OperationIds {
    /// The id to use: the document's if it is new, otherwise one with a number
    /// added; one made from method and path when the document gives none.
    pub fn assign<'w>(
        &mut self,
        cx: &mut Cx<'w>,
        op: &Node<'w>,
        written: Option<&str>,
        method: Method,
        path: &str,
    ) -> String {
        let base = match written {
            Some(id) if !id.is_empty() => id.to_string(),
            _ => synthesize(method, path),
        };
        if self.used.insert(base.clone()) {
            return base;
        }
        // Each search for a base starts past the last suffix it gave: thousands
        // of operations sharing an id are named in linear time.
        let next = self.next_suffix.entry(base.clone()).or_insert(2);
        let (n, unique) = (*next..)
            .map(|n| (n, format!("{base}_{n}")))
            .find(|(_, c)| !self.used.contains(c))
            .expect("some suffix is free");
        *next = n + 1;
        self.used.insert(unique.clone());
        if written.is_some() {
            cx.warn(
                "duplicate-operation-id",
                op.child_loc("operationId"),
                format!("operationId `{base}` is used more than once; this operation is named `{unique}`"),
            );
        }
        unique
    }
}

/// `get` and `/pets/{petId}/photos` give `get_pets_petId_photos`.
fn synthesize(method: Method, path: &str) -> String {
    let mut id = method.key().to_string();
    for word in path.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        id.push('_');
        id.push_str(word);
    }
    if id == method.key() {
        id.push_str("_root");
    }
    id
}

impl<'w> Cx<'w> {
    /// Registers the named schemas of a components-like object.
    pub fn components(&mut self, container: &Node<'w>, key: &str, api: &mut Api) {
        let Some(schemas) = container.get(key) else { return };
        if !self.expect_object(&schemas, &format!("`{key}`")) {
            return;
        }
        for (name, schema) in schemas.entries() {
            let id = self.schema_at(&schema);
            api.components.insert(name.to_string(), id);
        }
    }

    pub(super) fn path_item(
        &mut self,
        path: &str,
        item: Node<'w>,
        ids: &mut OperationIds,
        route: Route,
    ) -> Vec<HttpOperation> {
        let Some(item) = self.deref(item) else { return Vec::new() };
        if !self.expect_object(&item, "a path item") {
            return Vec::new();
        }
        self.check_fields(&item, "a path item", fields::PATH_ITEM);
        let shared = self.parameters(&item);
        let servers = self.openapi_servers(&item);
        let mut out = Vec::new();
        for method in Method::ALL {
            let Some(op) = item.get(method.key()) else { continue };
            if !self.expect_object(&op, "an operation") {
                continue;
            }
            let item = PathItem { path, shared: &shared, servers: &servers, route };
            out.push(self.operation(method, &item, &op, ids));
        }
        out
    }

    fn operation(
        &mut self,
        method: Method,
        item: &PathItem<'_>,
        op: &Node<'w>,
        ids: &mut OperationIds,
    ) -> HttpOperation {
        let written = self.text(op, "operationId");
        let PathItem { path, shared, servers, route } = *item;
        self.check_fields(op, "an operation", fields::OPERATION);
        let id = ids.assign(self, op, written.as_deref(), method, path);
        let mut parameters = shared.to_vec();
        for p in self.parameters(op) {
            match parameters.iter_mut().find(|q| q.name == p.name && q.location == p.location) {
                Some(q) => *q = p,
                None => parameters.push(p),
            }
        }
        if route == Route::Path {
            self.check_path_parameters(path, op, &mut parameters);
        }
        let request_body = op.get("requestBody").and_then(|b| self.request_body(b));
        let mut responses = Vec::new();
        match op.get("responses") {
            Some(list) => {
                for (status, response) in list.entries() {
                    if status.starts_with("x-") {
                        continue;
                    }
                    let Some(code) = StatusCode::parse(status) else {
                        self.warn(
                            "response-status",
                            response.loc(),
                            format!("`{status}` is not a status code; skipping this response"),
                        );
                        continue;
                    };
                    if let Some(r) = self.response(code, response) {
                        responses.push(r);
                    }
                }
            }
            None if self.dialect == super::Dialect::OpenApi30 => {
                self.warn("missing-field", op.loc(), "operation without `responses`; it is taken to have none");
            }
            None => {}
        }
        let mut callbacks = Vec::new();
        for (name, cb) in self.named_entries(op, "callbacks") {
            for (expression, item) in cb.entries() {
                let mut cb_ids = OperationIds::default();
                let operations = self.path_item(expression, item, &mut cb_ids, Route::Callback);
                callbacks.push(Callback { name: name.clone(), expression: expression.to_string(), operations });
            }
        }
        let servers = match self.openapi_servers(op) {
            s if s.is_empty() => servers.to_vec(),
            s => s,
        };
        HttpOperation {
            id,
            operation_id: written,
            method,
            path: path.to_string(),
            summary: self.text(op, "summary"),
            description: self.text(op, "description"),
            tags: self.strings(op, "tags"),
            deprecated: self.flag(op, "deprecated").unwrap_or(false),
            parameters,
            request_body,
            responses,
            callbacks,
            security: self.security_requirements(op, "security"),
            servers,
            extensions: op.extensions(),
            origin: op.loc(),
        }
    }

    /// Every `{name}` in the path needs a path parameter; one that is missing
    /// is added as a string, with a warning.
    fn check_path_parameters(&mut self, path: &str, op: &Node<'w>, parameters: &mut Vec<Parameter>) {
        for name in template_names(path) {
            if !parameters.iter().any(|p| p.location == ParameterLocation::Path && p.name == name) {
                self.warn(
                    "path-parameter",
                    op.loc(),
                    format!("path parameter `{name}` is not declared; it is taken to be a required string"),
                );
                parameters.push(Parameter {
                    name: name.to_string(),
                    location: ParameterLocation::Path,
                    required: true,
                    deprecated: false,
                    description: None,
                    style: ParameterStyle::Simple,
                    explode: false,
                    allow_reserved: false,
                    allow_empty_value: false,
                    schema: None,
                    content_type: None,
                    examples: Vec::new(),
                    extensions: Default::default(),
                    origin: op.loc(),
                });
            }
        }
    }

    fn parameters(&mut self, parent: &Node<'w>) -> Vec<Parameter> {
        let Some(list) = parent.get("parameters") else { return Vec::new() };
        if !list.value.is_array() {
            self.warn("field-type", list.loc(), "`parameters` should be a list; ignoring it");
            return Vec::new();
        }
        let items: Vec<_> = list.items().collect();
        let mut out = Vec::new();
        for p in items {
            out.extend(self.deref(p).and_then(|p| self.parameter(&p)));
        }
        out
    }

    fn parameter(&mut self, p: &Node<'w>) -> Option<Parameter> {
        if !self.expect_object(p, "a parameter") {
            return None;
        }
        self.check_fields(p, "a parameter", fields::PARAMETER);
        let Some(name) = self.text(p, "name") else {
            self.error("missing-field", p.loc(), "parameter without `name`");
            return None;
        };
        let location = match p.str("in") {
            Some("path") => ParameterLocation::Path,
            Some("query") => ParameterLocation::Query,
            Some("header") => ParameterLocation::Header,
            Some("cookie") => ParameterLocation::Cookie,
            other => {
                self.error(
                    "parameter-location",
                    p.child_loc("in"),
                    format!("parameter `{name}` has location {other:?}; expected path, query, header or cookie"),
                );
                return None;
            }
        };
        let style = match p.str("style") {
            None => ParameterStyle::default_for(location),
            Some(s) => match ParameterStyle::parse(s) {
                Some(style) => style,
                None => {
                    self.warn(
                        "parameter-style",
                        p.child_loc("style"),
                        format!("unknown style `{s}`; using the default"),
                    );
                    ParameterStyle::default_for(location)
                }
            },
        };
        let required = self.flag(p, "required").unwrap_or(false);
        if location == ParameterLocation::Path && !required {
            self.warn(
                "path-parameter",
                p.loc(),
                format!("path parameter `{name}` must be required; it is taken to be"),
            );
        }
        let (schema, content_type) = self.schema_or_content(p);
        Some(Parameter {
            name,
            location,
            required: required || location == ParameterLocation::Path,
            deprecated: self.flag(p, "deprecated").unwrap_or(false),
            description: self.text(p, "description"),
            style,
            explode: self.flag(p, "explode").unwrap_or(style == ParameterStyle::Form),
            allow_reserved: self.flag(p, "allowReserved").unwrap_or(false),
            allow_empty_value: self.flag(p, "allowEmptyValue").unwrap_or(false),
            schema,
            content_type,
            examples: self.examples(p),
            extensions: p.extensions(),
            origin: p.loc(),
        })
    }

    /// A parameter's or header's `schema`, or the schema of the one media type in its `content`.
    fn schema_or_content(&mut self, p: &Node<'w>) -> (Option<crate::ir::SchemaId>, Option<String>) {
        if let Some(schema) = p.get("schema") {
            return (Some(self.schema(schema)), None);
        }
        let Some(content) = p.get("content") else { return (None, None) };
        let first = content.entries().next().map(|(k, n)| (k.to_string(), n));
        match first {
            Some((media, m)) => (m.get("schema").map(|s| self.schema(s)), Some(media)),
            None => (None, None),
        }
    }

    fn request_body(&mut self, body: Node<'w>) -> Option<RequestBody> {
        let body = self.deref(body)?;
        if !self.expect_object(&body, "a request body") {
            return None;
        }
        self.check_fields(&body, "a request body", fields::REQUEST_BODY);
        Some(RequestBody {
            description: self.text(&body, "description"),
            required: self.flag(&body, "required").unwrap_or(false),
            content: self.content(&body),
            extensions: body.extensions(),
            origin: body.loc(),
        })
    }

    fn content(&mut self, parent: &Node<'w>) -> Vec<MediaType> {
        let Some(content) = parent.get("content") else { return Vec::new() };
        if !self.expect_object(&content, "`content`") {
            return Vec::new();
        }
        let entries: Vec<_> = content.entries().map(|(k, n)| (k.to_string(), n)).collect();
        let mut out = Vec::new();
        for (media_type, m) in entries {
            self.check_fields(&m, "a media type", fields::MEDIA_TYPE);
            let mut encoding = IndexMap::new();
            for (prop, e) in self.named_entries(&m, "encoding") {
                let headers = self.headers(&e);
                encoding.insert(
                    prop,
                    Encoding {
                        content_type: self.text(&e, "contentType"),
                        headers,
                        style: e.str("style").and_then(ParameterStyle::parse),
                        explode: self.flag(&e, "explode"),
                        allow_reserved: self.flag(&e, "allowReserved").unwrap_or(false),
                    },
                );
            }
            out.push(MediaType {
                media_type,
                schema: m.get("schema").map(|s| self.schema(s)),
                encoding,
                examples: self.examples(&m),
                extensions: m.extensions(),
            });
        }
        out
    }

    fn response(&mut self, status: StatusCode, response: Node<'w>) -> Option<Response> {
        let response = self.deref(response)?;
        if !self.expect_object(&response, "a response") {
            return None;
        }
        self.check_fields(&response, "a response", fields::RESPONSE);
        Some(Response {
            status,
            description: self.text(&response, "description"),
            headers: self.headers(&response),
            content: self.content(&response),
            links: response
                .value
                .get("links")
                .and_then(Value::as_object)
                .cloned()
                .map(|m| m.into_iter().collect())
                .unwrap_or_default(),
            extensions: response.extensions(),
            origin: response.loc(),
        })
    }

    /// `example`, and the values of `examples` (Example objects, possibly by
    /// reference; those given only by `externalValue` are not read).
    fn examples(&mut self, node: &Node<'w>) -> Vec<Value> {
        let mut out: Vec<Value> = node.value.get("example").cloned().into_iter().collect();
        let named: Vec<Node<'w>> =
            node.get("examples").map(|e| e.entries().map(|(_, n)| n).collect()).unwrap_or_default();
        for example in named {
            if let Some(example) = self.deref(example) {
                out.extend(example.value.get("value").cloned());
            }
        }
        out
    }

    fn headers(&mut self, parent: &Node<'w>) -> Vec<Header> {
        let mut out = Vec::new();
        for (name, h) in self.named_entries(parent, "headers") {
            if !self.expect_object(&h, "a header") {
                continue;
            }
            self.check_fields(&h, "a header", fields::HEADER);
            let (schema, content_type) = self.schema_or_content(&h);
            out.push(Header {
                name,
                description: self.text(&h, "description"),
                required: self.flag(&h, "required").unwrap_or(false),
                deprecated: self.flag(&h, "deprecated").unwrap_or(false),
                schema,
                content_type,
                explode: self.flag(&h, "explode").unwrap_or(false),
                origin: h.loc(),
            });
        }
        out
    }
}

/// The names in a path template: `/a/{b}/c{d}` gives `b` and `d`.
pub(super) fn template_names(path: &str) -> impl Iterator<Item = &str> {
    path.split('{').skip(1).filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synthesized_ids_read_like_the_route() {
        assert_eq!(synthesize(Method::Get, "/pets/{petId}/photos"), "get_pets_petId_photos");
        assert_eq!(synthesize(Method::Post, "/"), "post_root");
        assert_eq!(template_names("/a/{b}/c{d}.json").collect::<Vec<_>>(), ["b", "d"]);
    }
}
