//! Documents to the IR. Each kind of document has its own module; they share
//! the walking helpers here and schema lowering in [`schema`].

mod asyncapi;
mod common;
mod openapi;
mod schema;
mod swagger2;

use std::collections::HashSet;

use indexmap::IndexMap;
use serde_json::Value;

use crate::diagnostic::{Diagnostic, Location};
use crate::ir::{Api, Extensions, Schemas, SpecKind};
use crate::pointer;
use crate::source::FileId;
use crate::workspace::{Target, Workspace};

/// The version family of a document, which decides how some keywords read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dialect {
    Swagger2,
    OpenApi30,
    OpenApi31,
    AsyncApi2,
    AsyncApi3,
}

/// A value in a file, with the pointer that reaches it.
#[derive(Clone, Debug)]
pub(crate) struct Node<'v> {
    pub file: FileId,
    pub ptr: String,
    pub value: &'v Value,
}

impl<'v> Node<'v> {
    pub fn get(&self, key: &str) -> Option<Node<'v>> {
        let value = self.value.as_object()?.get(key)?;
        Some(Node { file: self.file, ptr: pointer::push(&self.ptr, key), value })
    }

    /// The entries of an object (none for anything else).
    pub fn entries(&self) -> impl Iterator<Item = (&'v str, Node<'v>)> + '_ {
        let map = self.value.as_object();
        map.into_iter()
            .flatten()
            .map(move |(k, value)| (k.as_str(), Node { file: self.file, ptr: pointer::push(&self.ptr, k), value }))
    }

    /// The items of an array (none for anything else).
    pub fn items(&self) -> impl Iterator<Item = Node<'v>> + '_ {
        let items = self.value.as_array();
        items.into_iter().flatten().enumerate().map(move |(i, value)| Node {
            file: self.file,
            ptr: format!("{}/{i}", self.ptr),
            value,
        })
    }

    pub fn str(&self, key: &str) -> Option<&'v str> {
        self.value.get(key)?.as_str()
    }

    pub fn bool(&self, key: &str) -> Option<bool> {
        self.value.get(key)?.as_bool()
    }

    pub fn has(&self, key: &str) -> bool {
        self.value.get(key).is_some()
    }

    pub fn loc(&self) -> Location {
        Location::new(self.file, self.ptr.clone())
    }

    pub fn child_loc(&self, key: &str) -> Location {
        Location::new(self.file, pointer::push(&self.ptr, key))
    }

    /// The `x-…` entries of an object.
    pub fn extensions(&self) -> Extensions {
        let map = self.value.as_object();
        map.into_iter().flatten().filter(|(k, _)| k.starts_with("x-")).map(|(k, v)| (k.clone(), v.clone())).collect()
    }
}

/// The state of one lowering: the workspace it reads and what it has made so far.
pub(crate) struct Cx<'w> {
    pub ws: &'w Workspace,
    pub dialect: Dialect,
    pub diags: Vec<Diagnostic>,
    pub schemas: Schemas,
    /// Schemas reached through references, by where they are written.
    schema_ids: std::collections::HashMap<Target, crate::ir::SchemaId>,
    /// Referenced schemas given an id but not lowered yet. Lowering them from a
    /// queue rather than recursively keeps long reference chains off the stack.
    pending: Vec<(crate::ir::SchemaId, Node<'w>)>,
}

impl<'w> Cx<'w> {
    fn new(ws: &'w Workspace, dialect: Dialect) -> Self {
        Cx {
            ws,
            dialect,
            diags: Vec::new(),
            schemas: Schemas::default(),
            schema_ids: Default::default(),
            pending: Vec::new(),
        }
    }

    pub fn error(&mut self, code: &'static str, at: Location, message: impl Into<String>) {
        self.diags.push(Diagnostic::error(code, at, message));
    }

    pub fn warn(&mut self, code: &'static str, at: Location, message: impl Into<String>) {
        self.diags.push(Diagnostic::warning(code, at, message));
    }

    /// A string field; warns when present with another type.
    pub fn text(&mut self, node: &Node<'_>, key: &str) -> Option<String> {
        let value = node.value.get(key)?;
        self.text_of(node, key, value)
    }

    /// The string value of `node`'s field `key`; warns when it has another type.
    pub fn text_of(&mut self, node: &Node<'_>, key: &str, value: &Value) -> Option<String> {
        match value {
            Value::String(s) => Some(s.clone()),
            Value::Null => None,
            Value::Number(n) => {
                self.warn(
                    "field-type",
                    node.child_loc(key),
                    format!("`{key}` should be a string; reading the number as text"),
                );
                Some(n.to_string())
            }
            _ => {
                self.warn("field-type", node.child_loc(key), format!("`{key}` should be a string; ignoring it"));
                None
            }
        }
    }

    /// A boolean field; warns when present with another type.
    pub fn flag(&mut self, node: &Node<'_>, key: &str) -> Option<bool> {
        let value = node.value.get(key)?;
        self.flag_of(node, key, value)
    }

    /// The boolean value of `node`'s field `key`; warns when it has another type.
    pub fn flag_of(&mut self, node: &Node<'_>, key: &str, value: &Value) -> Option<bool> {
        match value {
            Value::Bool(b) => Some(*b),
            Value::Null => None,
            _ => {
                self.warn("field-type", node.child_loc(key), format!("`{key}` should be true or false; ignoring it"));
                None
            }
        }
    }

    /// A list of strings; warns about anything else.
    pub fn strings(&mut self, node: &Node<'_>, key: &str) -> Vec<String> {
        let Some(list) = node.get(key) else { return Vec::new() };
        let mut out = Vec::new();
        match list.value {
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    match item.as_str() {
                        Some(s) => out.push(s.to_string()),
                        None => self.warn(
                            "field-type",
                            Location::new(list.file, format!("{}/{i}", list.ptr)),
                            format!("items of `{key}` should be strings; ignoring this one"),
                        ),
                    }
                }
            }
            _ => self.warn("field-type", list.loc(), format!("`{key}` should be a list of strings; ignoring it")),
        }
        out
    }

    /// Warns about fields an object of this kind does not have (a typo such
    /// as `reponses` would otherwise vanish without a word). `x-` extensions
    /// and `$ref` are always allowed.
    pub fn check_fields(&mut self, node: &Node<'_>, what: &str, known: &[&str]) {
        let Some(map) = node.value.as_object() else { return };
        for key in map.keys() {
            if !key.starts_with("x-") && key != "$ref" && !known.contains(&key.as_str()) {
                self.warn("unknown-field", node.child_loc(key), format!("{what} has no field `{key}`; it is ignored"));
            }
        }
    }

    /// Checks that a node is an object, reporting an error (and returning
    /// `false`) if not.
    pub fn expect_object(&mut self, node: &Node<'_>, what: &str) -> bool {
        if node.value.is_object() {
            return true;
        }
        self.error("structure", node.loc(), format!("{what} must be an object, found {}", kind_of(node.value)));
        false
    }

    /// Follows `$ref`s from a node (not a schema) to the object they name.
    /// Reports a dangling reference or a cycle and gives `None`.
    pub fn deref(&mut self, node: Node<'w>) -> Option<Node<'w>> {
        let mut node = node;
        let mut seen = HashSet::new();
        while let Some(r) = node.value.get("$ref") {
            let Some(reference) = r.as_str() else {
                self.error("ref-malformed", node.child_loc("$ref"), "`$ref` must be a string");
                return None;
            };
            let target = self.resolve(&node, reference)?;
            if !seen.insert(target.clone()) {
                self.error(
                    "ref-cycle",
                    node.child_loc("$ref"),
                    format!("reference `{reference}` leads back to itself"),
                );
                return None;
            }
            let value = self.ws.get(&target)?;
            node = Node { file: target.file, ptr: target.pointer, value };
        }
        Some(node)
    }

    /// Resolves the `$ref` written in `node`, reporting failures at it.
    pub fn resolve(&mut self, node: &Node<'_>, reference: &str) -> Option<Target> {
        self.resolve_from(node.file, &node.ptr, reference, node.child_loc("$ref"))
    }

    /// Resolves a reference written in the object at `site` in `file`,
    /// reporting failures at `at`.
    pub fn resolve_from(&mut self, file: FileId, site: &str, reference: &str, at: Location) -> Option<Target> {
        match self.ws.resolve(file, site, reference) {
            Ok(resolved) => {
                if let Some(note) = resolved.note {
                    self.warn("ref-lenient", at, note);
                }
                Some(resolved.target)
            }
            Err(message) if message.is_empty() => None,
            Err(message) => {
                let code = ref_error_code(&message);
                self.error(code, at, message);
                None
            }
        }
    }

    /// Where a node's `$ref` chain ends, or the node itself when it has none.
    pub fn target_of(&mut self, node: &Node<'w>) -> Option<Target> {
        if node.value.get("$ref").is_none() {
            return Some(Target { file: node.file, pointer: node.ptr.clone() });
        }
        let end = self.deref(node.clone())?;
        Some(Target { file: end.file, pointer: end.ptr })
    }

    /// An object of named entries, each of which may be a `$ref`.
    pub fn named_entries(&mut self, parent: &Node<'w>, key: &str) -> Vec<(String, Node<'w>)> {
        let Some(map) = parent.get(key) else { return Vec::new() };
        if !self.expect_object(&map, &format!("`{key}`")) {
            return Vec::new();
        }
        let entries: Vec<(String, Node<'w>)> = map.entries().map(|(k, n)| (k.to_string(), n)).collect();
        entries.into_iter().filter_map(|(k, n)| self.deref(n).map(|n| (k, n))).collect()
    }
}

/// The diagnostic code for a failed resolution's message.
pub(crate) fn ref_error_code(message: &str) -> &'static str {
    if message.starts_with("remote") {
        "ref-remote"
    } else if message.contains("malformed") {
        "ref-malformed"
    } else {
        "ref-dangling"
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Lowers the document in `root` into the IR. Errors that leave nothing to
/// generate give `None`; everything else gives an [`Api`], alongside the
/// diagnostics.
pub(crate) fn lower(ws: &Workspace, root: FileId) -> (Option<Api>, Vec<Diagnostic>) {
    let Some(value) = ws.value(root) else { return (None, Vec::new()) };
    let node = Node { file: root, ptr: String::new(), value };
    let (dialect, kind) = match detect(&node) {
        Ok(found) => found,
        Err(d) => return (None, vec![*d]),
    };
    let mut cx = Cx::new(ws, dialect);
    let mut api = Api {
        kind,
        info: Default::default(),
        servers: Vec::new(),
        security_schemes: IndexMap::new(),
        security: Vec::new(),
        tags: Vec::new(),
        operations: Vec::new(),
        webhooks: Vec::new(),
        channels: IndexMap::new(),
        event_operations: Vec::new(),
        messages: IndexMap::new(),
        schemas: Schemas::default(),
        components: IndexMap::new(),
        external_docs: None,
        extensions: node.extensions(),
    };
    match dialect {
        Dialect::Swagger2 => swagger2::lower(&mut cx, &node, &mut api),
        Dialect::OpenApi30 | Dialect::OpenApi31 => openapi::lower(&mut cx, &node, &mut api),
        Dialect::AsyncApi2 | Dialect::AsyncApi3 => asyncapi::lower(&mut cx, &node, &mut api),
    }
    cx.drain_pending();
    api.schemas = std::mem::take(&mut cx.schemas);
    (Some(api), cx.diags)
}

fn detect(root: &Node<'_>) -> Result<(Dialect, SpecKind), Box<Diagnostic>> {
    let Some(map) = root.value.as_object() else {
        return Err(Box::new(Diagnostic::error(
            "not-a-spec",
            root.loc(),
            format!("expected an OpenAPI or AsyncAPI document (an object), found {}", kind_of(root.value)),
        )));
    };
    let field = ["openapi", "asyncapi", "swagger"].into_iter().find(|k| map.contains_key(*k));
    let Some(field) = field else {
        return Err(Box::new(Diagnostic::error(
            "not-a-spec",
            root.loc(),
            "not an API document: it has no `openapi`, `asyncapi` or `swagger` field",
        )));
    };
    let at = root.child_loc(field);
    let Some(version) = map[field].as_str() else {
        return Err(Box::new(Diagnostic::error(
            "version",
            at,
            format!("`{field}` must be a version string such as \"3.1.0\" (quote it in YAML)"),
        )));
    };
    let found = match (field, version.split('.').collect::<Vec<_>>().as_slice()) {
        ("swagger", ["2", "0"]) => (Dialect::Swagger2, SpecKind::OpenApi(version.into())),
        ("openapi", ["3", "0", _]) => (Dialect::OpenApi30, SpecKind::OpenApi(version.into())),
        ("openapi", ["3", "1" | "2", _]) => (Dialect::OpenApi31, SpecKind::OpenApi(version.into())),
        ("asyncapi", ["2", "0" | "1" | "2" | "3" | "4" | "5" | "6", _]) => {
            (Dialect::AsyncApi2, SpecKind::AsyncApi(version.into()))
        }
        ("asyncapi", ["3", "0" | "1", _]) => (Dialect::AsyncApi3, SpecKind::AsyncApi(version.into())),
        _ => {
            let known = match field {
                "swagger" => "2.0",
                "openapi" => "3.0.x, 3.1.x and 3.2.x",
                _ => "2.0.0 to 2.6.0, 3.0.0 and 3.1.0",
            };
            return Err(Box::new(Diagnostic::error(
                "version",
                at,
                format!("unknown {field} version `{version}`; supported: {known}"),
            )));
        }
    };
    Ok(found)
}
