//! Deciding the Rust type of every schema: which become named types, what
//! they are called, and what shape they take.

use std::collections::{HashMap, HashSet};

use indexmap::IndexMap;
use serde_json::Value;
use specwright_spec::ir::{Api, JsonType, Payload, Schema, SchemaId};
use specwright_spec::Diagnostic;

use super::model::*;
use crate::plan::docs::doc_text;
use crate::plan::names::{field_name, type_name, Namer};

/// The named types for an API, and the diagnostics met while planning them.
pub struct TypePlan {
    pub defs: Vec<Def>,
    pub diagnostics: Vec<Diagnostic>,
    /// The named type each schema became, for the schemas that became one.
    pub named: HashMap<SchemaId, DefId>,
}

pub struct Planner<'a> {
    api: &'a Api,
    defs: Vec<Def>,
    by_schema: HashMap<SchemaId, DefId>,
    /// Inline schemas that are written out more than once (big specs repeat
    /// the same nested object in many places) share one type.
    by_shape: HashMap<super::shape::Shape, DefId>,
    shapes: super::shape::Shapes,
    names: Namer,
    queue: std::collections::VecDeque<DefId>,
    diagnostics: Vec<Diagnostic>,
    /// Rust types of the user's own for schemas, by the schema's name.
    replace: std::collections::BTreeMap<String, String>,
    /// Whether a schema's `x-rust-type` is honoured: the spec, not the
    /// user, chooses the type then, so only when the user's settings say so.
    spec_types: bool,
    /// [`Planner::object_like`] for every schema, worked out once.
    object_like: std::cell::OnceCell<Vec<bool>>,
}

impl<'a> Planner<'a> {
    pub fn new(api: &'a Api) -> Self {
        Planner {
            api,
            defs: Vec::new(),
            by_schema: HashMap::new(),
            by_shape: HashMap::new(),
            shapes: Default::default(),
            names: Namer::new(),
            queue: Default::default(),
            diagnostics: Vec::new(),
            replace: Default::default(),
            spec_types: false,
            object_like: Default::default(),
        }
    }

    /// Uses these types, by schema name, instead of generating them.
    pub fn replace(&mut self, types: std::collections::BTreeMap<String, String>) {
        self.replace = types;
    }

    /// Honours `x-rust-type` in the spec (off unless the settings allow it).
    pub fn allow_spec_types(&mut self, on: bool) {
        self.spec_types = on;
    }

    /// The user's own type for a schema: by its name in the settings, or by
    /// its `x-rust-type` where the settings allow the spec to choose. A type
    /// from the spec must be a plain type path (see [`super::rust_type::spec_type`]); one that
    /// is not is an error, and the schema is generated as usual.
    fn replacement(&mut self, id: SchemaId) -> Option<String> {
        let entry = self.api.schemas.entry(id);
        if let Some(own) = entry.name.as_ref().and_then(|n| self.replace.get(n)) {
            return Some(own.clone());
        }
        let written = entry.schema.extensions.get("x-rust-type")?;
        let at = entry.origin.clone();
        if !self.spec_types {
            self.diagnostics.push(
                Diagnostic::warning("rust-type-ignored", at, "`x-rust-type` is ignored: the schema is generated")
                    .with_help(
                        "a spec chooses types in your crate only where the settings allow it (`x-rust-type = true`)",
                    ),
            );
            return None;
        }
        match written
            .as_str()
            .ok_or_else(|| "`x-rust-type` must be a string".to_string())
            .and_then(super::rust_type::spec_type)
        {
            Ok(ty) => Some(ty),
            Err(message) => {
                self.diagnostics.push(Diagnostic::error(
                    "rust-type",
                    at,
                    format!("{message}, so the schema is generated instead"),
                ));
                None
            }
        }
    }

    fn schema(&self, id: SchemaId) -> &'a Schema {
        self.api.schemas.get(id)
    }

    /// Named types for every component schema, in document order.
    pub fn add_components(&mut self) {
        for (name, &id) in &self.api.components {
            let target = self.resolved(id);
            match self.by_schema.get(&target) {
                // A second name for a schema that has one: an alias.
                Some(&existing) if self.defs[existing.0].name != type_name(name) => {
                    let def = self.new_def(id, name, false);
                    self.defs[def.0].kind = DefKind::Alias { ty: Ty::Named(existing), newtype: false };
                }
                Some(_) => {}
                None => {
                    self.new_def(target, name, true);
                }
            }
        }
    }

    /// Types for the schemas that operations and messages use inline, named
    /// from where they are used (`CreateOrderRequest`, `OrderCreatedPayload`).
    pub fn add_usage_types(&mut self) {
        let api = self.api;
        for op in api.operations.iter().chain(&api.webhooks) {
            let base = type_name(&op.id);
            for p in &op.parameters {
                if let Some(s) = p.schema {
                    self.ty(s, &format!("{base}{}", type_name(&p.name)));
                }
            }
            if let Some(body) = &op.request_body {
                for m in &body.content {
                    if let Some(s) = m.schema {
                        self.ty(s, &format!("{base}Request"));
                    }
                }
            }
            for r in &op.responses {
                for m in &r.content {
                    if let Some(s) = m.schema {
                        self.ty(s, &format!("{base}Response{}", type_name(&r.status.to_string())));
                    }
                }
                for h in &r.headers {
                    if let Some(s) = h.schema {
                        self.ty(s, &format!("{base}{}Header", type_name(&h.name)));
                    }
                }
            }
        }
        for (id, m) in &api.messages {
            let base = type_name(id);
            if let Some(Payload::Schema(s)) = &m.payload {
                self.ty(*s, &format!("{base}Payload"));
            }
            if let Some(h) = m.headers {
                self.ty(h, &format!("{base}Headers"));
            }
        }
        for (id, c) in &api.channels {
            for p in &c.parameters {
                if let Some(s) = p.schema {
                    self.ty(s, &format!("{}{}", type_name(id), type_name(&p.name)));
                }
            }
        }
    }

    /// Plans every type that was reached, then boxes what recursion needs.
    pub fn finish(mut self) -> TypePlan {
        // In the order they were reached, so that the first place a shared
        // inline schema is used names it.
        while let Some(def) = self.queue.pop_front() {
            self.shape(def);
        }
        super::recursion::break_cycles(&mut self.defs);
        TypePlan { defs: self.defs, diagnostics: self.diagnostics, named: self.by_schema }
    }

    fn new_def(&mut self, schema: SchemaId, base: &str, register: bool) -> DefId {
        let id = DefId(self.defs.len());
        let entry = self.api.schemas.entry(schema);
        self.defs.push(Def {
            name: self.names.claim(&type_name(base)),
            schema,
            kind: DefKind::Pending,
            docs: None,
            deprecated: false,
            origin: entry.origin.clone(),
        });
        if register {
            self.by_schema.insert(schema, id);
        }
        self.queue.push_back(id);
        id
    }

    /// A schema that only annotates a reference stands for what it refers to.
    fn resolved(&self, mut id: SchemaId) -> SchemaId {
        for _ in 0..64 {
            let s = self.schema(id);
            match s.reference {
                Some(r) if annotates_only(s) => id = r,
                _ => break,
            }
        }
        id
    }

    /// Whether `null` is a valid value for the schema.
    pub fn nullable(&self, id: SchemaId) -> bool {
        self.nullable_in(id, &mut HashSet::new())
    }

    /// Schemas can name themselves (`A: {allOf: [$ref: A]}`): every walk
    /// through parts keeps the schemas it has been to, and a loop adds nothing.
    fn nullable_in(&self, id: SchemaId, seen: &mut HashSet<SchemaId>) -> bool {
        if !seen.insert(id) {
            return false;
        }
        let outer = self.schema(id);
        let s = self.schema(self.resolved(id));
        outer.nullable
            || s.nullable
            || s.enum_values.as_ref().is_some_and(|v| v.iter().any(Value::is_null))
            || s.one_of.iter().chain(&s.any_of).any(|&b| self.is_null_type(b) || self.schema(self.resolved(b)).nullable)
            || (s.all_of.len() == 1 && s.properties.is_empty() && self.nullable_in(s.all_of[0], seen))
    }

    fn is_null_type(&self, id: SchemaId) -> bool {
        let s = self.schema(self.resolved(id));
        s.types.len() == 1 && s.types.contains(JsonType::Null)
    }

    /// The Rust type for a schema used at a place named `ctx`; inline
    /// schemas that need a named type get one named after `ctx`.
    pub fn ty(&mut self, id: SchemaId, ctx: &str) -> Ty {
        let ty = self.ty_of_resolved(self.resolved(id), ctx);
        if let Ty::Named(def) = ty {
            self.by_schema.entry(id).or_insert(def);
        }
        ty
    }

    fn ty_of_resolved(&mut self, id: SchemaId, ctx: &str) -> Ty {
        if let Some(&def) = self.by_schema.get(&id) {
            return Ty::Named(def);
        }
        let entry = self.api.schemas.entry(id);
        if entry.schema.constraints().not.is_some() {
            self.diagnostics.push(Diagnostic::warning(
                "schema-not",
                entry.origin.clone(),
                "`not` has no Rust type; the generated type also accepts the values it excludes",
            ));
        }
        if let Some(name) = &entry.name {
            return Ty::Named(self.new_def(id, name, true));
        }
        // A named schema keeps its name as an alias of the user's type; an
        // unnamed one is the user's type where it is used.
        if self.spec_types && entry.schema.extensions.contains_key("x-rust-type") {
            if let Some(path) = self.replacement(id) {
                return Ty::External(path);
            }
        }
        if self.needs_def(&entry.schema) {
            let shape = self.shapes.of(&self.api.schemas, id);
            if let Some(&def) = self.by_shape.get(&shape) {
                self.by_schema.insert(id, def);
                return Ty::Named(def);
            }
            let def = self.new_def(id, ctx, true);
            self.by_shape.insert(shape, def);
            return Ty::Named(def);
        }
        self.inline(&entry.schema, ctx)
    }

    fn branches(&self, s: &Schema) -> Vec<SchemaId> {
        s.one_of.iter().chain(&s.any_of).copied().filter(|&b| !self.is_null_type(b)).collect()
    }

    fn needs_def(&self, s: &Schema) -> bool {
        let branches = self.branches(s).len();
        !s.properties.is_empty()
            || s.enum_values.as_ref().is_some_and(|v| v.iter().any(|v| !v.is_null()))
            || branches > 1
            || (branches == 1 && (!s.all_of.is_empty() || s.discriminator.is_some()))
            || s.all_of.len() > 1
            || (s.all_of.len() == 1 && branches > 0)
            || s.reference.is_some()
    }

    /// A schema that needs no name of its own: a primitive, a collection, or
    /// a single part standing for the whole.
    fn inline(&mut self, s: &Schema, ctx: &str) -> Ty {
        if s.accepts_nothing {
            return Ty::Any;
        }
        if let [part] = s.all_of.as_slice() {
            return self.ty(*part, ctx);
        }
        if let [branch] = self.branches(s).as_slice() {
            return self.ty(*branch, ctx);
        }
        let types: Vec<JsonType> = s.types.iter().filter(|t| *t != JsonType::Null).collect();
        match types.as_slice() {
            [] if s.types.contains(JsonType::Null) => Ty::Unit,
            [] => {
                if s.items.is_some() || !s.constraints().prefix_items.is_empty() {
                    self.array(s, ctx)
                } else if s.additional_properties.is_some() || !s.constraints().pattern_properties.is_empty() {
                    self.map(s, ctx)
                } else if let Some(c) = s.const_value.as_deref() {
                    const_type(c)
                } else {
                    Ty::Any
                }
            }
            [t] => self.single(*t, s, ctx),
            [JsonType::Integer, JsonType::Number] | [JsonType::Number, JsonType::Integer] => Ty::F64,
            _ => Ty::Any,
        }
    }

    fn single(&mut self, t: JsonType, s: &Schema, ctx: &str) -> Ty {
        let format = s.format.as_deref().unwrap_or("");
        match t {
            JsonType::Boolean => Ty::Bool,
            JsonType::String => match format {
                "date-time" => Ty::DateTime,
                "date" => Ty::Date,
                "partial-time" => Ty::Time,
                "uuid" => Ty::Uuid,
                "byte" => Ty::Bytes,
                "ipv4" => Ty::Ipv4,
                "ipv6" => Ty::Ipv6,
                "decimal" => Ty::Decimal,
                _ => Ty::String,
            },
            JsonType::Integer => match format {
                "int32" | "int16" | "int8" => Ty::I32,
                "uint32" | "uint16" | "uint8" => Ty::U32,
                "uint64" | "uint" => Ty::U64,
                _ => Ty::I64,
            },
            // A JSON number, whatever its format says: `float` too, since
            // an `f32` can't write back what it read (0.00743999984115362
            // comes out as 0.00744).
            JsonType::Number => Ty::F64,
            JsonType::Array => self.array(s, ctx),
            JsonType::Object => self.map(s, ctx),
            JsonType::Null => Ty::Unit,
        }
    }

    fn array(&mut self, s: &Schema, ctx: &str) -> Ty {
        let prefix = &s.constraints().prefix_items;
        if !prefix.is_empty() && s.items.is_none_or(|i| self.schema(i).accepts_nothing) {
            let items = prefix.iter().enumerate().map(|(i, &p)| self.element(p, &format!("{ctx}{}", i + 1))).collect();
            return Ty::Tuple(items);
        }
        match s.items {
            Some(items) => Ty::Vec(Box::new(self.element(items, &format!("{ctx}Item")))),
            None => Ty::Vec(Box::new(Ty::Any)),
        }
    }

    fn map(&mut self, s: &Schema, ctx: &str) -> Ty {
        let value = match s.additional_properties {
            Some(ap) if self.schema(ap).accepts_nothing => return Ty::AnyObject,
            Some(ap) => Some(ap),
            None => match s.constraints().pattern_properties.values().collect::<Vec<_>>().as_slice() {
                [one] => Some(**one),
                _ => None,
            },
        };
        match value {
            Some(v) => Ty::Map(Box::new(self.element(v, &format!("{ctx}Value")))),
            None => Ty::AnyObject,
        }
    }

    /// An array item or map value: its type, as `Option` when it may be `null`.
    fn element(&mut self, id: SchemaId, ctx: &str) -> Ty {
        let ty = self.ty(id, ctx);
        if self.nullable(id) && ty != Ty::Any && ty != Ty::Unit {
            Ty::Option(Box::new(ty))
        } else {
            ty
        }
    }

    /// Decides what a named type is.
    fn shape(&mut self, def: DefId) {
        let id = self.defs[def.0].schema;
        let s = self.schema(id);
        let name = self.defs[def.0].name.clone();
        self.defs[def.0].docs = doc_text(s.title.as_deref(), s.description.as_deref());
        self.defs[def.0].deprecated = s.deprecated;
        if matches!(self.defs[def.0].kind, DefKind::Alias { .. }) {
            return;
        }
        if let Some(path) = self.replacement(id) {
            self.defs[def.0].kind = DefKind::Alias { ty: Ty::External(path), newtype: false };
            return;
        }
        let branches = self.branches(s);
        let open_map = s.additional_properties.is_some_and(|ap| !self.schema(ap).accepts_nothing);
        let kind = if open_map && !branches.is_empty() && s.properties.is_empty() && s.discriminator.is_none() {
            // A choice among objects that also allows any other property (a
            // common way to list the known keys of a free-form map): the map
            // keeps everything, where a variant would drop what it does not name.
            DefKind::Alias { ty: self.map(s, &name), newtype: false }
        } else if s.discriminator.is_some() && !branches.is_empty() {
            self.tagged(s, &name)
        } else if branches.len() > 1 && s.properties.is_empty() && s.all_of.is_empty() {
            match self.implied_tag(&branches) {
                Some(property) => self.tagged_by(&property, &branches, &name),
                None => self.untagged(&branches, &name),
            }
        } else if s.enum_values.is_some() && s.properties.is_empty() {
            self.enumeration(id, s, &name)
        } else if self.object_like(id) || !branches.is_empty() {
            match self.object(id, &name) {
                // `type: object` and nothing more: any object, kept whole
                // (an empty struct would drop every property).
                st if st.fields.is_empty() && st.extra.is_none() => {
                    DefKind::Alias { ty: Ty::AnyObject, newtype: false }
                }
                st => DefKind::Struct(st),
            }
        } else {
            DefKind::Alias { ty: self.inline(s, &name), newtype: false }
        };
        self.defs[def.0].kind = kind;
    }

    /// Whether a schema describes an object with named properties, directly or through `allOf`.
    fn object_like(&self, id: SchemaId) -> bool {
        let all = self.object_like.get_or_init(|| self.object_like_schemas());
        all[self.resolved(id).0 as usize]
    }

    /// For every schema, whether it describes an object with named properties,
    /// directly or through its `allOf` parts and references (a choice or an
    /// enum is not one). Worked out for all at once, from the schemas that are
    /// objects themselves back through whatever includes them: linear in the
    /// spec however long its `allOf` chains, and a loop of parts ends.
    fn object_like_schemas(&self) -> Vec<bool> {
        let (api, resolved) = (self.api, |id| self.resolved(id));
        let mut includers: Vec<Vec<u32>> = vec![Vec::new(); api.schemas.len()];
        let mut yes = vec![false; api.schemas.len()];
        let mut found = Vec::new();
        for (id, entry) in api.schemas.iter() {
            let s = &entry.schema;
            let blocked = !self.branches(s).is_empty() || s.enum_values.is_some();
            if blocked {
                continue;
            }
            for &part in s.all_of.iter().chain(&s.reference) {
                includers[resolved(part).0 as usize].push(id.0);
            }
            if !s.properties.is_empty() || (s.types.contains(JsonType::Object) && s.additional_properties.is_none()) {
                yes[id.0 as usize] = true;
                found.push(id.0);
            }
        }
        while let Some(at) = found.pop() {
            for &by in &includers[at as usize] {
                if !std::mem::replace(&mut yes[by as usize], true) {
                    found.push(by);
                }
            }
        }
        yes
    }

    fn object(&mut self, id: SchemaId, name: &str) -> Struct {
        let mut acc = Collected::default();
        self.collect(id, name, &mut acc, &mut HashSet::new());
        let mut namer = Namer::new();
        let mut fields = Vec::new();
        for (json, (pid, required)) in &acc.properties {
            let p = self.schema(self.resolved(*pid));
            let outer = self.schema(*pid);
            let ty = self.ty(*pid, &format!("{name}{}", type_name(json)));
            let nullable = self.nullable(*pid) && ty != Ty::Any && ty != Ty::Unit;
            // A read-only property is left out of requests and a write-only
            // one out of responses, so neither can be required in a type
            // that serves both.
            let required = *required && !p.read_only && !p.write_only && !outer.read_only && !outer.write_only;
            // Any value includes `null`: optional, it needs all three states,
            // or a `null` would read as absent and be dropped on output.
            let nullable = nullable || (ty == Ty::Any && !required);
            let presence = match (required, nullable) {
                (true, false) => Presence::Required,
                (true, true) => Presence::RequiredNullable,
                (false, false) => Presence::Optional,
                (false, true) => Presence::OptionalNullable,
            };
            let ty = match presence {
                Presence::Required => ty,
                Presence::RequiredNullable | Presence::Optional => Ty::Option(Box::new(ty)),
                Presence::OptionalNullable => Ty::Nullable(Box::new(ty)),
            };
            let docs = doc_text(
                outer.title.as_deref().or(p.title.as_deref()),
                outer.description.as_deref().or(p.description.as_deref()),
            );
            fields.push(Field {
                name: namer.claim(&field_name(json)),
                json: json.clone(),
                ty,
                presence,
                flatten: false,
                docs,
                deprecated: outer.deprecated || p.deprecated,
                default: outer.default.as_deref().or(p.default.as_deref()).cloned(),
            });
        }
        for (i, part) in acc.flattened.into_iter().enumerate() {
            let base = if i == 0 { "rest".to_string() } else { format!("rest_{}", i + 1) };
            fields.push(Field {
                name: namer.claim(&base),
                json: String::new(),
                ty: part,
                presence: Presence::Required,
                flatten: true,
                docs: None,
                deprecated: false,
                default: None,
            });
        }
        Struct { fields, extra: acc.extra }
    }

    /// Gathers the properties of a schema and of the `allOf` parts that can
    /// be merged into it; the rest are kept to flatten.
    fn collect(&mut self, id: SchemaId, name: &str, acc: &mut Collected, seen: &mut HashSet<SchemaId>) {
        self.collect_at(id, name, acc, seen, 0);
    }

    fn collect_at(
        &mut self,
        id: SchemaId,
        name: &str,
        acc: &mut Collected,
        seen: &mut HashSet<SchemaId>,
        depth: usize,
    ) {
        let id = self.resolved(id);
        if !seen.insert(id) {
            return;
        }
        let s = self.schema(id);
        // Parts are merged field by field down to a depth; a part deeper
        // than that is flattened in as its own type. Merging a chain of
        // thousands of `allOf`s whole would give each of its types every
        // field below it: memory and time with the square of its length.
        let merge = |planner: &mut Self, part: SchemaId, acc: &mut Collected, seen: &mut HashSet<SchemaId>| {
            if depth < MAX_MERGED_PARTS {
                planner.collect_at(part, name, acc, seen, depth + 1);
            } else {
                let ty = planner.ty(part, &format!("{name}Part{}", acc.flattened.len() + 1));
                acc.flattened.push(ty);
            }
        };
        if let Some(r) = s.reference {
            merge(self, r, acc, seen);
        }
        for &part in &s.all_of {
            if self.object_like(part) {
                merge(self, part, acc, seen);
            } else if !self.is_trivial(part) {
                let ty = self.ty(part, &format!("{name}Part{}", acc.flattened.len() + 1));
                acc.flattened.push(ty);
            }
        }
        let branches = self.branches(s);
        if !branches.is_empty() && !acc.in_union {
            // Properties beside a oneOf/anyOf: the choice is flattened in.
            acc.in_union = true;
            let union = self.new_def(id, &format!("{name}Kind"), false);
            self.queue.retain(|d| *d != union);
            self.defs[union.0].kind = if s.discriminator.is_some() {
                self.tagged(s, &format!("{name}Kind"))
            } else {
                self.untagged(&branches, &format!("{name}Kind"))
            };
            acc.flattened.push(Ty::Named(union));
        }
        let required: HashSet<&str> = s.required.iter().map(String::as_str).collect();
        for (prop, &pid) in &s.properties {
            let was_required = acc.properties.get(prop).is_some_and(|(_, r)| *r);
            acc.properties.insert(prop.clone(), (pid, was_required || required.contains(prop.as_str())));
        }
        for r in &s.required {
            if let Some(entry) = acc.properties.get_mut(r) {
                entry.1 = true;
            }
        }
        if let Some(ap) = s.additional_properties {
            let ap_schema = self.schema(ap);
            if !ap_schema.accepts_nothing {
                acc.extra =
                    Some(if is_empty_schema(ap_schema) { Ty::Any } else { self.element(ap, &format!("{name}Value")) });
            }
        } else if !s.constraints().pattern_properties.is_empty() && acc.extra.is_none() {
            acc.extra = Some(Ty::Any);
        }
    }

    /// A part that constrains nothing structural (only annotations or checks).
    fn is_trivial(&self, id: SchemaId) -> bool {
        let s = self.schema(self.resolved(id));
        s.types.is_empty()
            && s.properties.is_empty()
            && s.all_of.is_empty()
            && self.branches(s).is_empty()
            && s.items.is_none()
            && s.enum_values.is_none()
            && s.additional_properties.is_none()
    }

    fn enumeration(&mut self, id: SchemaId, s: &Schema, name: &str) -> DefKind {
        let values: Vec<&Value> = s.enum_values.iter().flatten().filter(|v| !v.is_null()).collect();
        if values.iter().all(|v| v.is_string()) {
            let mut namer = Namer::new();
            let mut out: Vec<EnumValue> = Vec::new();
            let mut listed = HashSet::new();
            for v in values {
                let value = v.as_str().unwrap_or_default().to_string();
                if !listed.insert(value.clone()) {
                    continue;
                }
                let base = if value.is_empty() { "Empty".to_string() } else { type_name(&value) };
                out.push(EnumValue { variant: namer.claim(&base), value, docs: None });
            }
            return DefKind::StringEnum(out);
        }
        if values.iter().all(|v| v.as_i64().is_some()) {
            let mut namer = Namer::new();
            let names = s.extensions.get("x-enum-varnames").and_then(Value::as_array);
            let mut out = Vec::new();
            let mut listed = HashSet::new();
            for (i, v) in values.iter().enumerate() {
                let n = v.as_i64().unwrap_or_default();
                if !listed.insert(n) {
                    continue;
                }
                let given = names.and_then(|names| names.get(i)).and_then(Value::as_str);
                let base = given.map(|g| type_name(g).to_uppercase()).unwrap_or_else(|| {
                    if n < 0 {
                        format!("MINUS_{}", n.unsigned_abs())
                    } else {
                        format!("N{n}")
                    }
                });
                out.push((namer.claim(&base), n));
            }
            return DefKind::IntEnum(out);
        }
        if let Some(big) = values
            .iter()
            .find(|v| v.is_number() && v.as_i64().is_none() && v.as_f64().is_some_and(|f| f.fract() == 0.0))
        {
            self.diagnostics.push(Diagnostic::warning(
                "enum-out-of-range",
                self.api.schemas.entry(id).origin.clone(),
                format!(
                    "the enum value {big} does not fit in 64 bits, so the type is not limited to the listed values"
                ),
            ));
        }
        let mut plain = s.clone();
        plain.enum_values = None;
        DefKind::Alias { ty: self.inline(&plain, name), newtype: false }
    }

    /// A property that tells the branches of a union apart without a
    /// declared discriminator: every branch fixes it to its own value (a
    /// `const` or an `enum` of one), as many specs do with `type`.
    fn implied_tag(&self, branches: &[SchemaId]) -> Option<String> {
        let first = self.schema(self.resolved(branches[0]));
        let mut candidates: Vec<&String> = first.properties.keys().collect();
        candidates.sort_by_key(|p| p.as_str() != "type");
        candidates
            .into_iter()
            .find(|p| {
                let mut seen = HashSet::new();
                branches
                    .iter()
                    .all(|&b| self.fixed_values(b, p).is_some_and(|vs| vs.into_iter().all(|v| seen.insert(v))))
            })
            .cloned()
    }

    fn tagged_by(&mut self, property: &str, branches: &[SchemaId], name: &str) -> DefKind {
        let discriminator =
            specwright_spec::ir::Discriminator { property_name: property.to_string(), mapping: Default::default() };
        let s = Schema { one_of: branches.to_vec(), discriminator: Some(Box::new(discriminator)), ..Schema::default() };
        self.tagged_with(&s, name, true)
    }

    fn tagged(&mut self, s: &Schema, name: &str) -> DefKind {
        self.tagged_with(s, name, false)
    }

    /// A tagged union. A declared discriminator without a mapping names each
    /// variant by its schema's name (as OpenAPI says); an implied one by the
    /// value the variant fixes.
    fn tagged_with(&mut self, s: &Schema, name: &str, implied: bool) -> DefKind {
        let d = s.discriminator.as_deref().expect("tagged unions have a discriminator");
        let property = d.property_name.clone();
        let branches = self.branches(s);
        let mut order: Vec<SchemaId> = Vec::new();
        let mut tags: HashMap<SchemaId, Vec<String>> = HashMap::new();
        for (tag, &target) in &d.mapping {
            let target = self.resolved(target);
            if !order.contains(&target) {
                order.push(target);
            }
            tags.entry(target).or_default().push(tag.clone());
        }
        for b in branches {
            let b = self.resolved(b);
            if !order.contains(&b) {
                order.push(b);
                let named = self.api.schemas.entry(b).name.clone().map(|n| vec![n]);
                let fixed = self.fixed_values(b, &property);
                let found = if implied { fixed.or(named) } else { named.or(fixed) };
                tags.entry(b).or_default().extend(found.unwrap_or_default());
            }
        }
        // A tag selects one variant: one that an earlier variant has is dropped.
        let mut claimed = HashSet::new();
        for b in &order {
            if let Some(list) = tags.get_mut(b) {
                list.retain(|t| claimed.insert(t.clone()));
            }
        }
        if order.is_empty() || order.iter().any(|b| tags.get(b).is_none_or(Vec::is_empty)) {
            // Without a tag for every variant, the choice is made by shape instead.
            let all: Vec<SchemaId> = order.into_iter().chain(self.branches(s)).collect();
            let mut unique = Vec::new();
            for b in all {
                if !unique.contains(&self.resolved(b)) {
                    unique.push(self.resolved(b));
                }
            }
            return self.untagged(&unique, name);
        }
        let mut namer = Namer::new();
        let mut variants = Vec::new();
        for b in order {
            let tags = tags.remove(&b).unwrap_or_default();
            let ty = self.ty(b, &format!("{name}{}", type_name(&tags[0])));
            let base = match &ty {
                Ty::Named(def) => self.defs[def.0].name.clone(),
                _ => type_name(&tags[0]),
            };
            variants.push(TaggedVariant {
                name: namer.claim(&base),
                has_property: self.declares(b, &property, &mut HashSet::new()),
                tags,
                ty,
            });
        }
        DefKind::Tagged { property, variants }
    }

    /// A short title for an inline union branch, to name it by.
    fn branch_word(&self, id: SchemaId) -> Option<String> {
        let title = self.schema(self.resolved(id)).title.as_deref()?.trim();
        (title.len() <= 40 && title.split_whitespace().count() <= 5).then(|| type_name(title))
    }

    /// The strings a schema's property is limited to (a `const`, or an
    /// `enum` of strings), looking through `allOf`.
    fn fixed_values(&self, id: SchemaId, property: &str) -> Option<Vec<String>> {
        self.fixed_values_in(id, property, &mut HashSet::new())
    }

    fn fixed_values_in(&self, id: SchemaId, property: &str, seen: &mut HashSet<SchemaId>) -> Option<Vec<String>> {
        let id = self.resolved(id);
        if !seen.insert(id) {
            return None;
        }
        let s = self.schema(id);
        if let Some(&p) = s.properties.get(property) {
            let p = self.schema(self.resolved(p));
            if let Some(Value::String(v)) = p.const_value.as_deref() {
                return Some(vec![v.clone()]);
            }
            if let Some(values) = p.enum_values.as_deref() {
                let strings: Option<Vec<String>> = values.iter().map(|v| v.as_str().map(str::to_string)).collect();
                return strings.filter(|s| !s.is_empty());
            }
        }
        s.all_of.iter().chain(&s.reference).find_map(|&part| self.fixed_values_in(part, property, seen))
    }

    /// Whether a schema (or a part of its `allOf`) declares a property.
    fn declares(&self, id: SchemaId, property: &str, seen: &mut HashSet<SchemaId>) -> bool {
        let id = self.resolved(id);
        if !seen.insert(id) {
            return false;
        }
        let s = self.schema(id);
        s.properties.contains_key(property)
            || s.all_of.iter().any(|&p| self.declares(p, property, seen))
            || s.reference.is_some_and(|r| self.declares(r, property, seen))
    }

    fn untagged(&mut self, branches: &[SchemaId], name: &str) -> DefKind {
        let mut namer = Namer::new();
        let mut variants: Vec<(String, Ty, u32)> = Vec::new();
        for (i, &b) in branches.iter().enumerate() {
            let ty = self.ty(b, &format!("{name}{}", self.branch_word(b).unwrap_or_else(|| (i + 1).to_string())));
            if variants.iter().any(|(_, t, _)| *t == ty) {
                continue;
            }
            let base = match &ty {
                // `LifecycleRuleExpire` in `LifecycleRule` is its `Expire` variant.
                Ty::Named(def) => {
                    let full = &self.defs[def.0].name;
                    let short =
                        full.strip_prefix(name).filter(|rest| rest.starts_with(|c: char| c.is_ascii_uppercase()));
                    short.unwrap_or(full).to_string()
                }
                other => ty_word(other).to_string(),
            };
            let score = self.specificity(&ty, b);
            variants.push((namer.claim(&base), ty, score));
        }
        if let [(_, ty, _)] = variants.as_slice() {
            return DefKind::Alias { ty: ty.clone(), newtype: false };
        }
        // Most specific first: the first variant that deserializes wins.
        variants.sort_by_key(|v| std::cmp::Reverse(v.2));
        DefKind::Untagged(variants.into_iter().map(|(n, t, _)| (n, t)).collect())
    }

    /// How narrow a variant is, so that narrower ones are tried first.
    fn specificity(&self, ty: &Ty, id: SchemaId) -> u32 {
        match ty {
            Ty::Named(_) => {
                let s = self.schema(self.resolved(id));
                if !s.properties.is_empty() || !s.all_of.is_empty() {
                    let required = s.required.len() as u32;
                    100 + 10 * required.min(50) + (s.properties.len() as u32).min(9)
                } else if s.enum_values.is_some() {
                    60
                } else {
                    50
                }
            }
            Ty::Tuple(_) => 45,
            Ty::Vec(_) => 40,
            Ty::Map(_) | Ty::AnyObject => 35,
            Ty::DateTime | Ty::Date | Ty::Time | Ty::Uuid | Ty::Ipv4 | Ty::Ipv6 => 30,
            Ty::I32 | Ty::U32 => 29,
            Ty::I64 | Ty::U64 => 28,
            Ty::Bool => 27,
            Ty::F32 | Ty::F64 => 26,
            Ty::Decimal => 31,
            Ty::Bytes => 25,
            Ty::String => 20,
            Ty::Unit => 5,
            _ => 1,
        }
    }
}

#[derive(Default)]
struct Collected {
    properties: IndexMap<String, (SchemaId, bool)>,
    flattened: Vec<Ty>,
    extra: Option<Ty>,
    in_union: bool,
}

/// A schema whose only keywords are annotations beside its `$ref`.
fn annotates_only(s: &Schema) -> bool {
    s.types.is_empty()
        && s.properties.is_empty()
        && s.items.is_none()
        && s.all_of.is_empty()
        && s.one_of.is_empty()
        && s.any_of.is_empty()
        && s.enum_values.is_none()
        && s.const_value.is_none()
        && s.additional_properties.is_none()
        && s.discriminator.is_none()
        && !s.nullable
        && s.format.is_none()
}

/// `{}` or `true`: any value.
fn is_empty_schema(s: &Schema) -> bool {
    annotates_only(s) && s.reference.is_none() && !s.accepts_nothing && s.constraints.is_none()
}

fn const_type(value: &Value) -> Ty {
    match value {
        Value::Bool(_) => Ty::Bool,
        Value::Number(n) if n.is_i64() => Ty::I64,
        Value::Number(_) => Ty::F64,
        Value::String(_) => Ty::String,
        Value::Null => Ty::Unit,
        _ => Ty::Any,
    }
}

/// A variant name for an unnamed type.
fn ty_word(ty: &Ty) -> &'static str {
    match ty {
        Ty::Bool => "Boolean",
        Ty::I32 | Ty::I64 | Ty::U32 | Ty::U64 => "Integer",
        Ty::F32 | Ty::F64 => "Number",
        Ty::Decimal => "Decimal",
        Ty::String => "String",
        Ty::DateTime => "DateTime",
        Ty::Date => "Date",
        Ty::Time => "Time",
        Ty::Uuid => "Uuid",
        Ty::Ipv4 => "Ipv4",
        Ty::Ipv6 => "Ipv6",
        Ty::Bytes => "Bytes",
        Ty::Vec(_) | Ty::Tuple(_) => "Array",
        Ty::Map(_) | Ty::AnyObject => "Object",
        Ty::Unit => "Null",
        _ => "Value",
    }
}

/// How deep `allOf` parts are merged into one struct's fields.
const MAX_MERGED_PARTS: usize = 32;
