//! Swagger 2.0 documents, upgraded to the OpenAPI 3 model as they are lowered:
//! `body` and `formData` parameters become request bodies, `definitions`
//! become components, `produces`/`consumes` become media types and
//! `securityDefinitions` become security schemes.

use indexmap::IndexMap;
use serde_json::{Map, Value};

use super::openapi::OperationIds;
use super::{Cx, Node};
use crate::ir::{
    Api, Header, HttpOperation, MediaType, Method, Parameter, ParameterLocation, ParameterStyle, RequestBody, Response,
    Server, StatusCode,
};

/// Keywords a non-body parameter, an items object or a header shares with a schema.
const SCHEMA_KEYWORDS: &[&str] = &[
    "type",
    "format",
    "items",
    "default",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "maxItems",
    "minItems",
    "uniqueItems",
    "enum",
    "multipleOf",
    "x-nullable",
];

pub(super) fn lower<'w>(cx: &mut Cx<'w>, root: &Node<'w>, api: &mut Api) {
    api.info = cx.info(root);
    api.tags = cx.tags(root);
    api.external_docs = cx.external_docs(root);
    api.security = cx.security_requirements(root, "security").unwrap_or_default();
    api.servers = servers(cx, root);
    for (name, scheme) in cx.named_entries(root, "securityDefinitions") {
        if let Some(s) = cx.security_scheme(&scheme) {
            api.security_schemes.insert(name, s);
        }
    }
    cx.components(root, "definitions", api);
    let consumes = media_types(cx, root, "consumes");
    let produces = media_types(cx, root, "produces");
    let Some(paths) = root.get("paths") else { return };
    if !cx.expect_object(&paths, "`paths`") {
        return;
    }
    let mut ids = OperationIds::default();
    for (path, item) in paths.entries() {
        if path.starts_with("x-") {
            continue;
        }
        let Some(item) = cx.deref(item) else { continue };
        let shared: Vec<Node<'w>> = item.get("parameters").map(|l| l.items().collect()).unwrap_or_default();
        for method in Method::ALL {
            let Some(op) = item.get(method.key()) else { continue };
            if !cx.expect_object(&op, "an operation") {
                continue;
            }
            let consumes = if op.has("consumes") { media_types(cx, &op, "consumes") } else { consumes.clone() };
            let produces = if op.has("produces") { media_types(cx, &op, "produces") } else { produces.clone() };
            let written = cx.text(&op, "operationId");
            let id = ids.assign(cx, &op, written.as_deref(), method, path);
            let own: Vec<Node<'w>> = op.get("parameters").map(|l| l.items().collect()).unwrap_or_default();
            let params = shared.iter().chain(&own).cloned().filter_map(|p| cx.deref(p)).collect::<Vec<_>>();
            let (parameters, request_body) = cx.swagger_parameters(&op, &params, &consumes);
            let responses = cx.swagger_responses(&op, &produces);
            api.operations.push(HttpOperation {
                id,
                operation_id: written,
                method,
                path: path.to_string(),
                summary: cx.text(&op, "summary"),
                description: cx.text(&op, "description"),
                tags: cx.strings(&op, "tags"),
                deprecated: cx.flag(&op, "deprecated").unwrap_or(false),
                parameters,
                request_body,
                responses,
                callbacks: Vec::new(),
                security: cx.security_requirements(&op, "security"),
                servers: Vec::new(),
                extensions: op.extensions(),
                origin: op.loc(),
            });
        }
    }
}

/// `schemes`, `host` and `basePath` as server URLs.
fn servers<'w>(cx: &mut Cx<'w>, root: &Node<'w>) -> Vec<Server> {
    let host = cx.text(root, "host");
    let base = cx.text(root, "basePath").unwrap_or_default();
    let mut schemes = cx.strings(root, "schemes");
    if schemes.is_empty() {
        schemes.push("https".into());
    }
    let urls: Vec<String> = match &host {
        Some(host) => schemes.iter().map(|s| format!("{s}://{host}{base}")).collect(),
        None if !base.is_empty() => vec![base.clone()],
        None => Vec::new(),
    };
    urls.into_iter()
        .map(|url| Server {
            name: None,
            url,
            protocol: None,
            protocol_version: None,
            description: None,
            variables: IndexMap::new(),
            security: None,
            bindings: IndexMap::new(),
            tags: Vec::new(),
            extensions: IndexMap::new(),
            origin: root.loc(),
        })
        .collect()
}

fn media_types<'w>(cx: &mut Cx<'w>, node: &Node<'w>, key: &str) -> Vec<String> {
    let mut list = cx.strings(node, key);
    if list.is_empty() {
        list.push("application/json".into());
    }
    list
}

/// The schema keywords of a parameter, items object or header, as a schema.
fn schema_of(node: &Value) -> Value {
    let mut out = Map::new();
    for key in SCHEMA_KEYWORDS {
        if let Some(v) = node.get(*key) {
            out.insert(key.to_string(), v.clone());
        }
    }
    Value::Object(out)
}

impl<'w> Cx<'w> {
    fn swagger_parameters(
        &mut self,
        op: &Node<'w>,
        params: &[Node<'w>],
        consumes: &[String],
    ) -> (Vec<Parameter>, Option<RequestBody>) {
        // Later ones (the operation's) replace earlier ones (the path's) of the same name and place.
        let mut merged: Vec<&Node<'w>> = Vec::new();
        for p in params {
            let key = (p.str("name"), p.str("in"));
            match merged.iter_mut().find(|q| (q.str("name"), q.str("in")) == key) {
                Some(q) => *q = p,
                None => merged.push(p),
            }
        }
        let mut parameters = Vec::new();
        let mut body = None;
        let mut form: Vec<&Node<'w>> = Vec::new();
        for p in merged {
            let name = self.text(p, "name").unwrap_or_default();
            let location = match p.str("in") {
                Some("body") => {
                    body = Some(p);
                    continue;
                }
                Some("formData") => {
                    form.push(p);
                    continue;
                }
                Some("path") => ParameterLocation::Path,
                Some("query") => ParameterLocation::Query,
                Some("header") => ParameterLocation::Header,
                other => {
                    self.error(
                        "parameter-location",
                        p.child_loc("in"),
                        format!(
                            "parameter `{name}` has location {other:?}; expected body, formData, path, query or header"
                        ),
                    );
                    continue;
                }
            };
            let (style, explode) = match (p.str("collectionFormat"), location) {
                (Some("multi"), _) => (ParameterStyle::Form, true),
                (Some("ssv"), _) => (ParameterStyle::SpaceDelimited, false),
                (Some("pipes"), _) => (ParameterStyle::PipeDelimited, false),
                (Some("tsv"), _) => {
                    self.warn(
                        "parameter-style",
                        p.child_loc("collectionFormat"),
                        "tab-separated values have no OpenAPI 3 style; using commas",
                    );
                    (ParameterStyle::default_for(location), false)
                }
                (_, location) => (ParameterStyle::default_for(location), false),
            };
            let schema_value = schema_of(p.value);
            let schema = self.schema(Node { file: p.file, ptr: p.ptr.clone(), value: &schema_value });
            parameters.push(Parameter {
                name,
                location,
                required: self.flag(p, "required").unwrap_or(false) || location == ParameterLocation::Path,
                deprecated: false,
                description: self.text(p, "description"),
                style,
                explode,
                allow_reserved: false,
                allow_empty_value: self.flag(p, "allowEmptyValue").unwrap_or(false),
                schema: Some(schema),
                content_type: None,
                examples: Vec::new(),
                extensions: p.extensions(),
                origin: p.loc(),
            });
        }
        let request_body = if let Some(b) = body {
            let schema = b.get("schema").map(|s| self.schema(s));
            let mut content: Vec<MediaType> =
                consumes.iter().filter(|m| !is_form(m)).map(|m| media(m, schema)).collect();
            if content.is_empty() {
                content.push(media("application/json", schema));
            }
            Some(RequestBody {
                description: self.text(b, "description"),
                required: self.flag(b, "required").unwrap_or(false),
                content,
                extensions: b.extensions(),
                origin: b.loc(),
            })
        } else if !form.is_empty() {
            Some(self.form_body(op, &form, consumes))
        } else {
            None
        };
        (parameters, request_body)
    }

    /// `formData` parameters as one object schema, sent as multipart when a
    /// file is among them or the operation consumes multipart.
    fn form_body(&mut self, op: &Node<'w>, form: &[&Node<'w>], consumes: &[String]) -> RequestBody {
        let mut properties = Map::new();
        let mut required = Vec::new();
        for p in form {
            let name = p.str("name").unwrap_or_default().to_string();
            let mut schema = schema_of(p.value);
            if let Some(d) = p.value.get("description") {
                schema["description"] = d.clone();
            }
            if p.bool("required") == Some(true) {
                required.push(Value::String(name.clone()));
            }
            properties.insert(name, schema);
        }
        let has_file = form.iter().any(|p| p.str("type") == Some("file"));
        let media_type = if has_file || consumes.iter().any(|m| m == "multipart/form-data") {
            "multipart/form-data"
        } else {
            "application/x-www-form-urlencoded"
        };
        let object = serde_json::json!({ "type": "object", "properties": properties, "required": required });
        let schema = self.schema(Node { file: op.file, ptr: format!("{}/parameters", op.ptr), value: &object });
        RequestBody {
            description: None,
            required: !required.is_empty(),
            content: vec![media(media_type, Some(schema))],
            extensions: IndexMap::new(),
            origin: op.child_loc("parameters"),
        }
    }

    fn swagger_responses(&mut self, op: &Node<'w>, produces: &[String]) -> Vec<Response> {
        let mut out = Vec::new();
        let Some(responses) = op.get("responses") else { return out };
        for (status, response) in responses.entries() {
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
            let Some(response) = self.deref(response) else { continue };
            let schema = response.get("schema").map(|s| self.schema(s));
            let content = match schema {
                Some(schema) => produces.iter().map(|m| media(m, Some(schema))).collect(),
                None => Vec::new(),
            };
            let mut headers = Vec::new();
            if let Some(hs) = response.get("headers") {
                for (name, h) in hs.entries() {
                    let value = schema_of(h.value);
                    let schema = self.schema(Node { file: h.file, ptr: h.ptr.clone(), value: &value });
                    headers.push(Header {
                        name: name.to_string(),
                        description: self.text(&h, "description"),
                        required: false,
                        deprecated: false,
                        schema: Some(schema),
                        content_type: None,
                        explode: false,
                        origin: h.loc(),
                    });
                }
            }
            let mut content = content;
            if let Some(Value::Object(by_type)) = response.value.get("examples") {
                for m in &mut content {
                    if let Some(example) = by_type.get(&m.media_type) {
                        m.examples.push(example.clone());
                    }
                }
            }
            out.push(Response {
                status: code,
                description: self.text(&response, "description"),
                headers,
                content,
                links: IndexMap::new(),
                extensions: response.extensions(),
                origin: response.loc(),
            });
        }
        out
    }
}

fn is_form(media_type: &str) -> bool {
    media_type == "multipart/form-data" || media_type == "application/x-www-form-urlencoded"
}

fn media(media_type: &str, schema: Option<crate::ir::SchemaId>) -> MediaType {
    MediaType {
        media_type: media_type.to_string(),
        schema,
        encoding: IndexMap::new(),
        examples: Vec::new(),
        extensions: IndexMap::new(),
    }
}
