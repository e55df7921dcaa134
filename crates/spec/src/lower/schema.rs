//! JSON Schema objects to [`Schema`]s in the arena.

use std::path::Path;

use serde_json::Value;

use super::{Cx, Dialect, Node};
use crate::diagnostic::Location;
use crate::ir::{Constraints, Discriminator, JsonType, Schema, SchemaEntry, SchemaId};
use crate::pointer;
use crate::source::FileId;
use crate::workspace::Target;

impl<'w> Cx<'w> {
    /// Lowers the schema at `node`: a bare `$ref` gives the id of the schema
    /// it names, anything else a new entry.
    pub fn schema(&mut self, node: Node<'_>) -> SchemaId {
        if let Some(map) = node.value.as_object() {
            if map.len() == 1 && map.contains_key("$ref") || self.ref_siblings_ignored() && map.contains_key("$ref") {
                return self.schema_ref(&node);
            }
        }
        // An inline schema can't be reached again while it is lowered, so it
        // gets its id after its children.
        let schema = self.schema_body(&node);
        let origin = Location::new(node.file, node.ptr);
        self.schemas.add(SchemaEntry { schema: Box::new(schema), origin, name: None })
    }

    /// OpenAPI 3.0, Swagger 2.0 and draft-07 ignore keywords beside `$ref`.
    fn ref_siblings_ignored(&self) -> bool {
        !matches!(self.dialect, Dialect::OpenApi31)
    }

    /// The id of the schema a `$ref` names, lowering it (later) if it is new.
    fn schema_ref(&mut self, node: &Node<'_>) -> SchemaId {
        match node.value.get("$ref") {
            Some(Value::String(r)) => self.schema_ref_to(node.file, &node.ptr, r, node.child_loc("$ref")),
            _ => {
                self.error("ref-malformed", node.child_loc("$ref"), "`$ref` must be a string");
                self.any_schema(node.loc())
            }
        }
    }

    /// The id of the schema that `reference`, written in the object at
    /// `site` in `file` (reported at `at`), names.
    fn schema_ref_to(&mut self, file: FileId, site: &str, reference: &str, at: Location) -> SchemaId {
        // A schema behind a URL that may not be fetched can still be worked
        // around: it becomes a schema that accepts any value.
        if let Err(message) = self.ws.resolve(file, site, reference) {
            if super::ref_error_code(&message) == "ref-remote" {
                self.diags.push(
                    crate::Diagnostic::warning("ref-remote", at.clone(), message)
                        .with_help("the schema is taken to accept any value; map the URL to a local copy to use it"),
                );
                return self.any_schema(at);
            }
        }
        let Some(first) = self.resolve_from(file, site, reference, at.clone()) else { return self.any_schema(at) };
        // Follow bare references to the schema that has content.
        let mut target = first;
        // In order (each gets the id found), and as a set for the cycle check:
        // a chain of a hundred thousand aliases is walked in linear time.
        let mut seen = vec![target.clone()];
        let mut seen_set: std::collections::HashSet<Target> = std::collections::HashSet::from([target.clone()]);
        loop {
            if let Some(&id) = self.schema_ids.get(&target) {
                for t in seen {
                    self.schema_ids.insert(t, id);
                }
                return id;
            }
            let ws = self.ws;
            let value = ws.get(&target).expect("resolved targets exist");
            // A reference into a resource that declares dynamic anchors
            // brings them into scope: a schema of its own, not one to pass by.
            let passed_by = !ws.in_dynamic_resource(&target);
            let next = match value.as_object() {
                Some(m) if m.contains_key("$ref") && (m.len() == 1 || self.ref_siblings_ignored()) && passed_by => {
                    m.get("$ref").and_then(Value::as_str).map(str::to_string)
                }
                _ => None,
            };
            let Some(next) = next else {
                let id = self.schemas.add(SchemaEntry {
                    schema: Box::default(),
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
            if !seen_set.insert(t.clone()) {
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

    /// The schema a `$dynamicRef` written in `node` names as written, and
    /// the name it looks for in the dynamic scope: its fragment, where the
    /// schema it names declares a `$dynamicAnchor` of that name (else it is
    /// a plain reference).
    fn dynamic_ref(&mut self, node: &Node<'_>, reference: &str) -> (SchemaId, Option<String>) {
        let at = node.child_loc("$dynamicRef");
        let name =
            reference.rsplit_once('#').map(|(_, fragment)| fragment).filter(|f| !f.is_empty() && !f.starts_with('/'));
        let declared = match (name, self.ws.resolve(node.file, &node.ptr, reference)) {
            (Some(name), Ok(resolved)) => self
                .ws
                .get(&resolved.target)
                .and_then(|v| v.get("$dynamicAnchor"))
                .and_then(Value::as_str)
                .is_some_and(|declared| declared == name),
            _ => false,
        };
        let target = self.schema_ref_to(node.file, &node.ptr, reference, at);
        (target, name.filter(|_| declared).map(str::to_string))
    }

    /// Lowers the schemas that references reached, until none is left.
    pub fn drain_pending(&mut self) {
        while let Some((id, node)) = self.pending.pop() {
            let schema = self.schema_body(&node);
            *self.schemas.entry_mut(id).schema = schema;
        }
    }

    /// A schema at a place that references may also reach, such as a
    /// component; reached twice, it is lowered once.
    pub fn schema_at(&mut self, node: &Node<'w>) -> SchemaId {
        if node.value.get("$ref").is_some() {
            return self.schema(node.clone());
        }
        self.schema_once(node)
    }

    /// The schema at `node`, lowered later (once, however often it is met).
    fn schema_once(&mut self, node: &Node<'w>) -> SchemaId {
        let target = Target { file: node.file, pointer: node.ptr.clone() };
        if let Some(&id) = self.schema_ids.get(&target) {
            return id;
        }
        let id =
            self.schemas.add(SchemaEntry { schema: Box::default(), origin: node.loc(), name: self.name_for(&target) });
        self.schema_ids.insert(target, id);
        self.pending.push((id, node.clone()));
        id
    }

    fn any_schema(&mut self, origin: Location) -> SchemaId {
        self.schemas.add(SchemaEntry { schema: Box::default(), origin, name: None })
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
            [.., container, name] if matches!(container.as_str(), "schemas" | "definitions" | "$defs") => {
                Some(name.clone())
            }
            [name] => Some(name.clone()),
            _ => None,
        }
    }

    /// Reads a schema object's keywords in one pass over its entries (a
    /// lookup per known keyword would cost more on large specs).
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
                self.error(
                    "schema",
                    node.loc(),
                    format!("a schema must be an object or a boolean, found {}", super::kind_of(other)),
                );
                return s;
            }
        };
        let nullable_key = if self.dialect == Dialect::Swagger2 { "x-nullable" } else { "nullable" };
        let mut type_value = None;
        let mut example = None;
        let (mut exclusive_minimum, mut exclusive_maximum) = (false, false);
        let (mut items, mut additional_items) = (None, None);
        let mut c = Constraints::default();
        for (key, value) in map {
            let k = key.as_str();
            let child = || Node { file: node.file, ptr: pointer::push(&node.ptr, k), value };
            if k.starts_with("x-") {
                s.extensions.insert(key.clone(), value.clone());
                if k == nullable_key {
                    s.nullable |= self.flag_of(node, k, value).unwrap_or(false);
                }
                continue;
            }
            match k {
                "$ref" => s.reference = Some(self.schema_ref(node)),
                "$dynamicRef" => match value.as_str() {
                    Some(reference) => {
                        let (target, anchor) = self.dynamic_ref(node, reference);
                        c.dynamic_ref = Some(target);
                        c.dynamic_ref_anchor = anchor;
                    }
                    None => {
                        self.error("ref-malformed", node.child_loc(k), "`$dynamicRef` must be a string");
                        c.dynamic_ref = Some(self.any_schema(node.child_loc(k)));
                    }
                },
                "title" => s.title = self.text_of(node, k, value),
                "description" => s.description = self.text_of(node, k, value),
                "default" => s.default = Some(Box::new(value.clone())),
                "deprecated" => s.deprecated = self.flag_of(node, k, value).unwrap_or(false),
                "readOnly" => s.read_only = self.flag_of(node, k, value).unwrap_or(false),
                "writeOnly" => s.write_only = self.flag_of(node, k, value).unwrap_or(false),
                "example" => example = Some(value.clone()),
                "examples" => match value {
                    Value::Array(items) => s.examples.extend(items.iter().cloned()),
                    Value::Object(named) => s.examples.extend(named.values().cloned()),
                    _ => {}
                },
                "type" => type_value = Some(value),
                "nullable" => {
                    if k == nullable_key {
                        s.nullable |= self.flag_of(node, k, value).unwrap_or(false);
                    }
                }
                "format" => s.format = self.text_of(node, k, value),
                "enum" => match value {
                    Value::Array(values) if values.is_empty() => {
                        self.warn("enum-empty", node.child_loc(k), "`enum` lists no values, so no value is valid here");
                        s.enum_values = Some(Vec::new());
                    }
                    Value::Array(values) => s.enum_values = Some(values.clone()),
                    _ => self.warn("field-type", node.child_loc(k), "`enum` should be a list; ignoring it"),
                },
                "const" => s.const_value = Some(Box::new(value.clone())),
                "minimum" => c.minimum = self.number_of(node, k, value),
                "maximum" => c.maximum = self.number_of(node, k, value),
                "multipleOf" => c.multiple_of = self.number_of(node, k, value),
                // Draft 4 and OpenAPI 3.0 make `minimum`/`maximum` exclusive with a boolean.
                "exclusiveMinimum" => match value {
                    Value::Bool(b) => exclusive_minimum = *b,
                    _ => c.exclusive_minimum = self.number_of(node, k, value),
                },
                "exclusiveMaximum" => match value {
                    Value::Bool(b) => exclusive_maximum = *b,
                    _ => c.exclusive_maximum = self.number_of(node, k, value),
                },
                "minLength" => c.min_length = self.count_of(node, k, value),
                "maxLength" => c.max_length = self.count_of(node, k, value),
                "pattern" => {
                    c.pattern = self.text_of(node, k, value);
                    if let Some(pattern) = &c.pattern {
                        self.check_pattern(node, pattern);
                    }
                }
                "contentMediaType" => c.content_media_type = self.text_of(node, k, value),
                "items" => items = Some(child()),
                "additionalItems" => additional_items = Some(child()),
                "prefixItems" => c.prefix_items = self.schema_list(&child(), k),
                "contains" => c.contains = Some(self.schema(child())),
                "minContains" => c.min_contains = self.count_of(node, k, value),
                "maxContains" => c.max_contains = self.count_of(node, k, value),
                "unevaluatedItems" => c.unevaluated_items = Some(self.schema(child())),
                "minItems" => c.min_items = self.count_of(node, k, value),
                "maxItems" => c.max_items = self.count_of(node, k, value),
                "uniqueItems" => c.unique_items = self.flag_of(node, k, value).unwrap_or(false),
                "properties" => self.properties(&child(), &mut s),
                "required" => self.required(node, value, &mut s),
                "additionalProperties" => s.additional_properties = Some(self.schema(child())),
                "patternProperties" => {
                    for (pattern, prop) in child().entries() {
                        self.check_pattern(&prop, pattern);
                        let id = self.schema(prop);
                        c.pattern_properties.insert(pattern.to_string(), id);
                    }
                }
                "propertyNames" => c.property_names = Some(self.schema(child())),
                "minProperties" => c.min_properties = self.count_of(node, k, value),
                "maxProperties" => c.max_properties = self.count_of(node, k, value),
                "dependentRequired" | "dependencies" => self.dependencies(&child(), &mut c),
                "dependentSchemas" => {
                    for (name, dependent) in child().entries() {
                        let id = self.schema(dependent);
                        c.dependent_schemas.insert(name.to_string(), id);
                    }
                }
                "unevaluatedProperties" => c.unevaluated_properties = Some(self.schema(child())),
                "allOf" => s.all_of = self.schema_list(&child(), k),
                "oneOf" => s.one_of = self.schema_list(&child(), k),
                "anyOf" => s.any_of = self.schema_list(&child(), k),
                "not" => c.not = Some(self.schema(child())),
                "if" => c.if_then_else[0] = Some(self.schema(child())),
                "then" => c.if_then_else[1] = Some(self.schema(child())),
                "else" => c.if_then_else[2] = Some(self.schema(child())),
                "discriminator" => s.discriminator = self.discriminator(&child()).map(Box::new),
                _ if crate::ir::is_structural(k) => {}
                _ => {
                    if let Some(why) = crate::ir::unsupported(k) {
                        self.warn("schema-unsupported", node.child_loc(k), format!("`{k}`: {why}"));
                    }
                    c.unknown.insert(key.clone(), value.clone());
                }
            }
        }
        for (name, target) in self.ws.dynamic_anchors(node.file, &node.ptr) {
            // Two schemas of one resource may declare a name; the first counts.
            let ws = self.ws;
            if let (false, Some(value)) = (c.dynamic_anchors.contains_key(&name), ws.get(&target)) {
                // Lowered later: the anchor may be the schema being read.
                let id = self.schema_once(&Node { file: target.file, ptr: target.pointer, value });
                c.dynamic_anchors.insert(name, id);
            }
        }
        if let Some(example) = example {
            s.examples.insert(0, example);
        }
        if let Some(t) = type_value {
            self.types(node, t, &mut s);
        }
        if exclusive_minimum {
            c.exclusive_minimum = c.minimum.take();
        }
        if exclusive_maximum {
            c.exclusive_maximum = c.maximum.take();
        }
        match (items, additional_items) {
            // Draft-07's tuple form.
            (Some(tuple), rest) if tuple.value.is_array() => {
                c.prefix_items = self.schema_list(&tuple, "items");
                s.items = rest.map(|n| self.schema(n));
            }
            (Some(items), _) => s.items = Some(self.schema(items)),
            (None, _) => {}
        }
        if !c.is_empty() {
            s.constraints = Some(Box::new(c));
        }
        if s.format.as_deref() == Some("file") || matches!(type_value, Some(Value::String(t)) if t == "file") {
            // Swagger 2.0's `type: file` is binary data.
            s.types = [JsonType::String].into_iter().collect();
            s.format = Some("binary".into());
        }
        self.check_default(node, &s);
        s
    }

    fn types(&mut self, node: &Node<'_>, value: &Value, s: &mut Schema) {
        let mut names = Vec::new();
        match value {
            Value::String(t) => names.push(t.as_str()),
            Value::Array(items) => {
                for item in items {
                    match item.as_str() {
                        Some(t) => names.push(t),
                        None => self.warn(
                            "schema-type",
                            node.child_loc("type"),
                            "items of `type` should be type names; ignoring one",
                        ),
                    }
                }
            }
            other => self.warn(
                "schema-type",
                node.child_loc("type"),
                format!(
                    "`type` should be a type name or a list of them, found {}; allowing any type",
                    super::kind_of(other)
                ),
            ),
        }
        for name in names {
            match JsonType::parse(name) {
                Some(t) => s.types.insert(t),
                None if name == "file" => {}
                None => self.warn("schema-type", node.child_loc("type"), format!("unknown type `{name}`; ignoring it")),
            }
        }
        if s.types.len() > 1 && s.types.contains(JsonType::Null) {
            s.types.remove(JsonType::Null);
            s.nullable = true;
        }
    }

    fn number_of(&mut self, node: &Node<'_>, key: &str, value: &Value) -> Option<f64> {
        match value {
            Value::Number(n) => n.as_f64(),
            _ => {
                self.warn("field-type", node.child_loc(key), format!("`{key}` should be a number; ignoring it"));
                None
            }
        }
    }

    fn properties(&mut self, props: &Node<'_>, s: &mut Schema) {
        if !self.expect_object(props, "`properties`") {
            return;
        }
        for (name, prop) in props.entries() {
            let id = self.schema(prop);
            s.properties.insert(name.to_string(), id);
        }
    }

    fn required(&mut self, node: &Node<'_>, value: &Value, s: &mut Schema) {
        match value {
            Value::Array(_) => s.required = self.strings(node, "required"),
            // Draft 3 put `required: true` on the property itself; it is not a list here.
            Value::Bool(_) => self.warn(
                "schema-required",
                node.child_loc("required"),
                "`required` should list property names on the parent object; ignoring the boolean",
            ),
            _ => self.warn(
                "field-type",
                node.child_loc("required"),
                "`required` should be a list of property names; ignoring it",
            ),
        }
    }

    /// `dependentRequired`, or draft 4's `dependencies`, whose values are
    /// lists of names (`dependentRequired`) or schemas (`dependentSchemas`).
    fn dependencies(&mut self, dependent: &Node<'_>, s: &mut Constraints) {
        for (name, dep) in dependent.entries() {
            if let Some(list) = dep.value.as_array() {
                let names = list.iter().filter_map(Value::as_str).map(str::to_string).collect();
                s.dependent_required.insert(name.to_string(), names);
            } else if dep.value.is_object() || dep.value.is_boolean() {
                let id = self.schema(dep);
                s.dependent_schemas.insert(name.to_string(), id);
            } else {
                // Draft 3 allowed one property name as a string.
                self.warn(
                    "field-type",
                    dep.loc(),
                    format!("a dependency should be a list of property names or a schema; `{name}`'s is ignored"),
                );
            }
        }
    }

    fn count_of(&mut self, node: &Node<'_>, key: &str, v: &Value) -> Option<u64> {
        match v.as_u64().or_else(|| v.as_f64().filter(|f| *f >= 0.0 && f.fract() == 0.0).map(|f| f as u64)) {
            Some(n) => Some(n),
            None => {
                self.warn(
                    "field-type",
                    node.child_loc(key),
                    format!("`{key}` should be a non-negative integer; ignoring it"),
                );
                None
            }
        }
    }

    /// The schemas of a list keyword such as `allOf`; `list` is the keyword's value.
    fn schema_list(&mut self, list: &Node<'_>, key: &str) -> Vec<SchemaId> {
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
                    self.warn(
                        "field-type",
                        target.loc(),
                        "discriminator mappings should name schemas; ignoring this one",
                    );
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
                if let Err(message) = self.ws.resolve(target.file, &target.ptr, &reference) {
                    if !message.is_empty() {
                        self.warn(
                            "discriminator",
                            target.loc(),
                            format!("{message}; the mapping for `{value}` is ignored"),
                        );
                    }
                    continue;
                }
                let id = self.schema_ref_to(target.file, &target.ptr, &reference, target.loc());
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
                format!(
                    "pattern `{pattern}` is not supported by Rust's regex engine ({reason}); it will not be checked"
                ),
            );
        }
    }

    fn check_default(&mut self, node: &Node<'_>, s: &Schema) {
        let Some(default) = s.default.as_deref() else { return };
        let fits_type = s.types.is_empty()
            || s.types.iter().any(|t| t.matches(default))
            || (default.is_null() && s.nullable)
            || (s.types.contains(JsonType::Number) && JsonType::Integer.matches(default));
        let fits_enum =
            s.enum_values.as_ref().is_none_or(|values| values.contains(default) || (default.is_null() && s.nullable));
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
