//! JSON Schema objects to [`Schema`]s in the arena.

use std::path::Path;

use serde_json::Value;

use super::{Cx, Dialect, Node};
use crate::diagnostic::Location;
use crate::ir::{Discriminator, JsonType, Schema, SchemaEntry, SchemaId};
use crate::pointer;
use crate::workspace::Target;

/// Keywords read into [`Schema`] fields, or that only hold other schemas
/// reached by reference; anything else is kept in `Schema::unknown`.
const KNOWN: &[&str] = &[
    "$ref", "$schema", "$id", "$anchor", "$dynamicAnchor", "$comment", "$defs", "definitions",
    "title", "description", "default", "example", "examples", "deprecated", "readOnly", "writeOnly",
    "type", "nullable", "x-nullable", "format", "enum", "const",
    "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
    "minLength", "maxLength", "pattern", "contentMediaType", "contentEncoding",
    "items", "prefixItems", "additionalItems", "contains", "minItems", "maxItems", "uniqueItems",
    "properties", "required", "additionalProperties", "patternProperties", "propertyNames",
    "minProperties", "maxProperties", "dependentRequired", "dependencies",
    "allOf", "oneOf", "anyOf", "not", "if", "then", "else", "discriminator", "xml", "externalDocs",
];

impl<'w> Cx<'w> {
    /// Lowers the schema at `node`: a bare `$ref` gives the id of the schema
    /// it names, anything else a new entry.
    pub fn schema(&mut self, node: Node<'_>) -> SchemaId {
        if let Some(map) = node.value.as_object() {
            if map.len() == 1 && map.contains_key("$ref") || self.ref_siblings_ignored() && map.contains_key("$ref") {
                return self.schema_ref(&node);
            }
        }
        let id = self.schemas.add(SchemaEntry { schema: Schema::default(), origin: node.loc(), name: None });
        let schema = self.schema_body(&node);
        self.schemas.entry_mut(id).schema = schema;
        id
    }

    /// OpenAPI 3.0, Swagger 2.0 and draft-07 ignore keywords beside `$ref`.
    fn ref_siblings_ignored(&self) -> bool {
        !matches!(self.dialect, Dialect::OpenApi31)
    }

    /// The id of the schema a `$ref` names, lowering it (later) if it is new.
    fn schema_ref(&mut self, node: &Node<'_>) -> SchemaId {
        match node.value.get("$ref") {
            Some(Value::String(r)) => self.schema_ref_to(node.file, r, node.child_loc("$ref")),
            _ => {
                self.error("ref-malformed", node.child_loc("$ref"), "`$ref` must be a string");
                self.any_schema(node.loc())
            }
        }
    }

    /// The id of the schema that `reference`, written in `file` at `at`, names.
    fn schema_ref_to(&mut self, file: crate::source::FileId, reference: &str, at: Location) -> SchemaId {
        // A schema behind a URL that may not be fetched can still be worked
        // around: it becomes a schema that accepts any value.
        if let Err(message) = self.ws.resolve(file, reference) {
            if super::ref_error_code(&message) == "ref-remote" {
                self.diags.push(
                    crate::Diagnostic::warning("ref-remote", at.clone(), message)
                        .with_help("the schema is taken to accept any value; map the URL to a local copy to use it"),
                );
                return self.any_schema(at);
            }
        }
        let Some(first) = self.resolve_from(file, reference, at.clone()) else { return self.any_schema(at) };
        // Follow bare references to the schema that has content.
        let mut target = first;
        let mut seen = vec![target.clone()];
        loop {
            if let Some(&id) = self.schema_ids.get(&target) {
                return id;
            }
            let ws = self.ws;
            let value = ws.get(&target).expect("resolved targets exist");
            let next = match value.as_object() {
                Some(m) if m.contains_key("$ref") && (m.len() == 1 || self.ref_siblings_ignored()) => {
                    m.get("$ref").and_then(Value::as_str).map(str::to_string)
                }
                _ => None,
            };
            let Some(next) = next else {
                let id = self.schemas.add(SchemaEntry {
                    schema: Schema::default(),
                    origin: Location::new(target.file, target.pointer.clone()),
                    name: self.name_for(&target),
                });
                for t in seen {
                    self.schema_ids.insert(t, id);
                }
                self.pending.push((id, Node { file: target.file, ptr: target.pointer, value }));
                return id;
            };
            let here = Node { file: target.file, ptr: target.pointer.clone(), value };
            let Some(t) = self.resolve(&here, &next) else { return self.any_schema(at) };
            if seen.contains(&t) {
                self.error(
                    "ref-cycle",
                    at.clone(),
                    format!("reference `{reference}` is a cycle of references with no schema in it"),
                );
                return self.any_schema(at);
            }
            seen.push(t.clone());
            target = t;
        }
    }

    /// Lowers the schemas that references reached, until none is left.
    pub fn drain_pending(&mut self) {
        while let Some((id, node)) = self.pending.pop() {
            let schema = self.schema_body(&node);
            self.schemas.entry_mut(id).schema = schema;
        }
    }

    /// A schema at a place that references may also reach, such as a
    /// component; reached twice, it is lowered once.
    pub fn schema_at(&mut self, node: &Node<'w>) -> SchemaId {
        if node.value.get("$ref").is_some() {
            return self.schema(node.clone());
        }
        let target = Target { file: node.file, pointer: node.ptr.clone() };
        if let Some(&id) = self.schema_ids.get(&target) {
            return id;
        }
        let id = self.schemas.add(SchemaEntry { schema: Schema::default(), origin: node.loc(), name: self.name_for(&target) });
        self.schema_ids.insert(target, id);
        self.pending.push((id, node.clone()));
        id
    }

    fn any_schema(&mut self, origin: Location) -> SchemaId {
        self.schemas.add(SchemaEntry { schema: Schema::default(), origin, name: None })
    }

    /// The name a document gives the schema at a place: the key under
    /// `schemas`, `definitions` or `$defs`, or a whole file's stem.
    fn name_for(&self, target: &Target) -> Option<String> {
        let tokens = pointer::tokens(&target.pointer)?;
        match tokens.as_slice() {
            [] => {
                let name = &self.ws.sources.get(target.file).name;
                Path::new(name).file_stem().map(|s| s.to_string_lossy().into_owned())
            }
            [.., container, name] if matches!(container.as_str(), "schemas" | "definitions" | "$defs") => Some(name.clone()),
            [name] => Some(name.clone()),
            _ => None,
        }
    }

    fn schema_body(&mut self, node: &Node<'_>) -> Schema {
        let mut s = Schema::default();
        let map = match node.value {
            Value::Bool(true) => return s,
            Value::Bool(false) => {
                s.accepts_nothing = true;
                return s;
            }
            Value::Object(map) => map,
            other => {
                self.error("schema", node.loc(), format!("a schema must be an object or a boolean, found {}", super::kind_of(other)));
                return s;
            }
        };
        if node.has("$ref") {
            s.reference = Some(self.schema_ref(node));
        }
        s.title = self.text(node, "title");
        s.description = self.text(node, "description");
        s.default = map.get("default").cloned();
        s.deprecated = self.flag(node, "deprecated").unwrap_or(false);
        s.read_only = self.flag(node, "readOnly").unwrap_or(false);
        s.write_only = self.flag(node, "writeOnly").unwrap_or(false);
        if let Some(example) = map.get("example") {
            s.examples.push(example.clone());
        }
        match map.get("examples") {
            Some(Value::Array(items)) => s.examples.extend(items.iter().cloned()),
            Some(Value::Object(named)) => s.examples.extend(named.values().cloned()),
            _ => {}
        }
        self.types(node, &mut s);
        s.format = self.text(node, "format");
        if s.format.as_deref() == Some("file") || map.get("type").and_then(Value::as_str) == Some("file") {
            // Swagger 2.0's `type: file` is binary data.
            s.types = vec![JsonType::String];
            s.format = Some("binary".into());
        }
        match map.get("enum") {
            Some(Value::Array(values)) => s.enum_values = Some(values.clone()),
            Some(_) => self.warn("field-type", node.child_loc("enum"), "`enum` should be a list; ignoring it"),
            None => {}
        }
        s.const_value = map.get("const").cloned();
        self.numbers(node, &mut s);
        s.min_length = self.count(node, "minLength");
        s.max_length = self.count(node, "maxLength");
        s.pattern = self.text(node, "pattern");
        if let Some(pattern) = &s.pattern {
            self.check_pattern(node, pattern);
        }
        s.content_media_type = self.text(node, "contentMediaType");
        s.content_encoding = self.text(node, "contentEncoding");
        self.arrays(node, &mut s);
        self.objects(node, &mut s);
        s.all_of = self.schema_list(node, "allOf");
        s.one_of = self.schema_list(node, "oneOf");
        s.any_of = self.schema_list(node, "anyOf");
        s.not = node.get("not").map(|n| self.schema(n));
        if map.contains_key("if") || map.contains_key("then") || map.contains_key("else") {
            let [i, t, e] = ["if", "then", "else"].map(|k| node.get(k).map(|n| self.schema(n)));
            s.if_then_else = Some(Box::new([i, t, e]));
        }
        if let Some(d) = node.get("discriminator") {
            s.discriminator = self.discriminator(&d);
        }
        s.xml = map.get("xml").cloned();
        for (k, v) in map {
            if k.starts_with("x-") {
                s.extensions.insert(k.clone(), v.clone());
            } else if !KNOWN.contains(&k.as_str()) {
                s.unknown.insert(k.clone(), v.clone());
            }
        }
        self.check_default(node, &s);
        s
    }

    fn types(&mut self, node: &Node<'_>, s: &mut Schema) {
        let mut names = Vec::new();
        match node.value.get("type") {
            None => {}
            Some(Value::String(t)) => names.push(t.as_str()),
            Some(Value::Array(items)) => {
                for item in items {
                    match item.as_str() {
                        Some(t) => names.push(t),
                        None => self.warn("schema-type", node.child_loc("type"), "items of `type` should be type names; ignoring one"),
                    }
                }
            }
            Some(other) => self.warn(
                "schema-type",
                node.child_loc("type"),
                format!("`type` should be a type name or a list of them, found {}; allowing any type", super::kind_of(other)),
            ),
        }
        for name in names {
            match JsonType::parse(name) {
                Some(t) if !s.types.contains(&t) => s.types.push(t),
                Some(_) => {}
                None if name == "file" => {}
                None => self.warn("schema-type", node.child_loc("type"), format!("unknown type `{name}`; ignoring it")),
            }
        }
        if s.types.len() > 1 && s.types.contains(&JsonType::Null) {
            s.types.retain(|t| *t != JsonType::Null);
            s.nullable = true;
        }
        let nullable_key = if self.dialect == Dialect::Swagger2 { "x-nullable" } else { "nullable" };
        if self.flag(node, nullable_key) == Some(true) {
            s.nullable = true;
        }
    }

    fn numbers(&mut self, node: &Node<'_>, s: &mut Schema) {
        let number = |cx: &mut Self, key: &str| match node.value.get(key)? {
            Value::Number(n) => n.as_f64(),
            Value::Bool(_) => None,
            _ => {
                cx.warn("field-type", node.child_loc(key), format!("`{key}` should be a number; ignoring it"));
                None
            }
        };
        s.minimum = number(self, "minimum");
        s.maximum = number(self, "maximum");
        s.multiple_of = number(self, "multipleOf");
        s.exclusive_minimum = number(self, "exclusiveMinimum");
        s.exclusive_maximum = number(self, "exclusiveMaximum");
        // Draft 4 and OpenAPI 3.0: a boolean that makes `minimum`/`maximum` exclusive.
        if node.bool("exclusiveMinimum") == Some(true) {
            s.exclusive_minimum = s.minimum.take();
        }
        if node.bool("exclusiveMaximum") == Some(true) {
            s.exclusive_maximum = s.maximum.take();
        }
    }

    fn count(&mut self, node: &Node<'_>, key: &str) -> Option<u64> {
        let v = node.value.get(key)?;
        match v.as_u64().or_else(|| v.as_f64().filter(|f| *f >= 0.0 && f.fract() == 0.0).map(|f| f as u64)) {
            Some(n) => Some(n),
            None => {
                self.warn("field-type", node.child_loc(key), format!("`{key}` should be a non-negative integer; ignoring it"));
                None
            }
        }
    }

    fn arrays(&mut self, node: &Node<'_>, s: &mut Schema) {
        match node.get("items") {
            Some(items) if items.value.is_array() => {
                // Draft-07 tuple form.
                s.prefix_items = items.items().map(|n| self.schema(n)).collect();
                s.items = node.get("additionalItems").map(|n| self.schema(n));
            }
            Some(items) => s.items = Some(self.schema(items)),
            None => {}
        }
        if node.has("prefixItems") {
            s.prefix_items = self.schema_list(node, "prefixItems");
        }
        s.contains = node.get("contains").map(|n| self.schema(n));
        s.min_items = self.count(node, "minItems");
        s.max_items = self.count(node, "maxItems");
        s.unique_items = self.flag(node, "uniqueItems").unwrap_or(false);
    }

    fn objects(&mut self, node: &Node<'_>, s: &mut Schema) {
        if let Some(props) = node.get("properties") {
            if self.expect_object(&props, "`properties`") {
                let entries: Vec<_> = props.entries().map(|(k, n)| (k.to_string(), n)).collect();
                for (name, prop) in entries {
                    let id = self.schema(prop);
                    s.properties.insert(name, id);
                }
            }
        }
        match node.value.get("required") {
            Some(Value::Array(_)) => s.required = self.strings(node, "required"),
            // Draft 3 put `required: true` on the property itself; it is not a list here.
            Some(Value::Bool(_)) => self.warn(
                "schema-required",
                node.child_loc("required"),
                "`required` should list property names on the parent object; ignoring the boolean",
            ),
            Some(_) => self.warn("field-type", node.child_loc("required"), "`required` should be a list of property names; ignoring it"),
            None => {}
        }
        s.additional_properties = node.get("additionalProperties").map(|n| self.schema(n));
        if let Some(patterns) = node.get("patternProperties") {
            let entries: Vec<_> = patterns.entries().map(|(k, n)| (k.to_string(), n)).collect();
            for (pattern, prop) in entries {
                self.check_pattern(&prop, &pattern);
                let id = self.schema(prop);
                s.pattern_properties.insert(pattern, id);
            }
        }
        s.property_names = node.get("propertyNames").map(|n| self.schema(n));
        s.min_properties = self.count(node, "minProperties");
        s.max_properties = self.count(node, "maxProperties");
        let dependent = node.get("dependentRequired").or_else(|| node.get("dependencies"));
        if let Some(dependent) = dependent {
            for (name, dep) in dependent.entries() {
                if let Some(list) = dep.value.as_array() {
                    let names = list.iter().filter_map(Value::as_str).map(str::to_string).collect();
                    s.dependent_required.insert(name.to_string(), names);
                } else {
                    self.warn(
                        "schema-unsupported",
                        dep.loc(),
                        "schema dependencies are not modelled; the constraint will not be checked",
                    );
                }
            }
        }
    }

    fn schema_list(&mut self, node: &Node<'_>, key: &str) -> Vec<SchemaId> {
        let Some(list) = node.get(key) else { return Vec::new() };
        if !list.value.is_array() {
            self.warn("field-type", list.loc(), format!("`{key}` should be a list of schemas; ignoring it"));
            return Vec::new();
        }
        list.items().map(|n| self.schema(n)).collect()
    }

    fn discriminator(&mut self, d: &Node<'_>) -> Option<Discriminator> {
        // Swagger 2.0 gives only the property name.
        if let Some(name) = d.value.as_str() {
            return Some(Discriminator { property_name: name.to_string(), mapping: Default::default() });
        }
        let Some(property_name) = self.text(d, "propertyName") else {
            self.warn("discriminator", d.loc(), "discriminator without `propertyName`; ignoring it");
            return None;
        };
        let mut mapping = indexmap::IndexMap::new();
        if let Some(m) = d.get("mapping") {
            for (value, target) in m.entries() {
                let Some(t) = target.value.as_str() else {
                    self.warn("field-type", target.loc(), "discriminator mappings should name schemas; ignoring this one");
                    continue;
                };
                // A bare name means a component schema of that name.
                let reference = if t.contains('#') || t.contains('/') || t.contains('.') {
                    t.to_string()
                } else if self.dialect == Dialect::Swagger2 {
                    format!("#/definitions/{t}")
                } else {
                    format!("#/components/schemas/{t}")
                };
                // Bundlers leave mappings to files that no longer exist; the
                // rest of the discriminator still works without them.
                if let Err(message) = self.ws.resolve(target.file, &reference) {
                    if !message.is_empty() {
                        self.warn("discriminator", target.loc(), format!("{message}; the mapping for `{value}` is ignored"));
                    }
                    continue;
                }
                let id = self.schema_ref_to(target.file, &reference, target.loc());
                mapping.insert(value.to_string(), id);
            }
        }
        Some(Discriminator { property_name, mapping })
    }

    /// Warns when a pattern is not one Rust's regex crate accepts.
    fn check_pattern(&mut self, node: &Node<'_>, pattern: &str) {
        if let Err(e) = regex_syntax::Parser::new().parse(pattern) {
            let reason = e.to_string();
            let reason = reason.lines().last().unwrap_or("").trim().trim_start_matches("error: ").to_string();
            self.warn(
                "pattern",
                node.child_loc("pattern"),
                format!("pattern `{pattern}` is not supported by Rust's regex engine ({reason}); it will not be checked"),
            );
        }
    }

    fn check_default(&mut self, node: &Node<'_>, s: &Schema) {
        let Some(default) = &s.default else { return };
        let fits_type = s.types.is_empty()
            || s.types.iter().any(|t| t.matches(default))
            || (default.is_null() && s.nullable)
            || (s.types.contains(&JsonType::Number) && JsonType::Integer.matches(default));
        let fits_enum = s.enum_values.as_ref().is_none_or(|values| values.contains(default) || (default.is_null() && s.nullable));
        if !fits_type || !fits_enum {
            let what = if fits_type { "is not one of the `enum` values" } else { "does not match the schema's type" };
            self.warn(
                "default-mismatch",
                node.child_loc("default"),
                format!("default value `{default}` {what}; it will be ignored"),
            );
        }
    }
}
