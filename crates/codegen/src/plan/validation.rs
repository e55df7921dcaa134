//! The table of schemas a generated server checks requests against: each
//! schema a parameter or body uses, and each it reaches, written once as
//! plain static data (cheap to compile, however big the spec) and named by
//! index.
//!
//! [`Table`] plans it as [`Entry`] values, which mirror the runtime's
//! `server::schema::Schema` field for field; the emitter writes them, and
//! tests build the runtime's table from the same entries, in process.
//!
//! A `$dynamicRef` leads where the dynamic scope says: to the schema of its
//! name in the outermost resource, on the way to it, that declares one. The
//! way is known here, from the schema a parameter or body uses down, so the
//! reference is resolved as the table is planned: a schema reached in two
//! scopes that differ in what they declare is two entries. A spec without
//! `$dynamicAnchor`s has one scope, the empty one, and one entry a schema.
//! Only the names some `$dynamicRef` looks for make scopes differ, and a
//! table holds at most sixteen of them besides the empty one.

use std::collections::{HashMap, HashSet};

use serde_json::Value;
use specwright_spec::ir::{Api, JsonType, Keyword, SchemaId};

use crate::keywords::{reads, Part};

/// The schemas gathered so far, in table order, each with its scope.
#[derive(Default)]
pub struct Table {
    index: HashMap<(SchemaId, Scope), usize>,
    order: Vec<(SchemaId, Scope)>,
    /// The names some `$dynamicRef` of the API looks for, found on the first `add`.
    names: Option<HashSet<String>>,
    /// The scopes other than the empty one that entries have.
    scopes: HashSet<Scope>,
}

/// The dynamic anchors in scope where a schema is checked: for each name,
/// the schema the outermost resource on the way declares for it, by name.
type Scope = Vec<(String, SchemaId)>;

/// How many scopes besides the empty one a table holds. Each holds a copy
/// of what it reaches, so a spec made to multiply them stops here: past
/// it, a resource brings nothing new into scope.
const MAX_SCOPES: usize = 16;

impl Table {
    /// The scope inside `id`, reached in `scope`, where the resource `id` is
    /// in declares names that some `$dynamicRef` looks for and no resource
    /// on the way declared; `None` where it brings nothing new.
    fn grown(&self, api: &Api, scope: &Scope, id: SchemaId) -> Option<Scope> {
        let anchors = &api.schemas.get(id).constraints().dynamic_anchors;
        let names = self.names.as_ref().filter(|names| !names.is_empty() && !anchors.is_empty())?;
        let mut inside = scope.clone();
        for (name, &target) in anchors {
            if names.contains(name) && !inside.iter().any(|(declared, _)| declared == name) {
                inside.push((name.clone(), target));
            }
        }
        (inside.len() > scope.len()).then(|| {
            inside.sort();
            inside
        })
    }

    /// The scope inside `id`, reached in `scope`, among those the table holds.
    fn enter(&self, api: &Api, scope: &Scope, id: SchemaId) -> Scope {
        match self.grown(api, scope, id) {
            Some(inside) if self.scopes.contains(&inside) => inside,
            _ => scope.clone(),
        }
    }

    /// Holds the scope inside `id`, reached in `scope`, while there is room.
    fn admit(&mut self, api: &Api, scope: &Scope, id: SchemaId) {
        if let Some(inside) = self.grown(api, scope, id) {
            if self.scopes.len() < MAX_SCOPES {
                self.scopes.insert(inside);
            }
        }
    }

    /// Where an edge of the schema `id` holds leads, checked in `scope`: a
    /// `$dynamicRef` whose name is in scope leads to the schema declared for it.
    fn target(api: &Api, scope: &Scope, id: SchemaId, keyword: Keyword, child: SchemaId) -> SchemaId {
        if keyword == Keyword::DynamicRef {
            if let Some(name) = &api.schemas.get(id).constraints().dynamic_ref_anchor {
                if let Some((_, declared)) = scope.iter().find(|(n, _)| n == name) {
                    return *declared;
                }
            }
        }
        child
    }

    /// The entry an edge leads to: its schema, and the scope inside it.
    fn follow(&self, api: &Api, scope: &Scope, id: SchemaId, keyword: Keyword, child: SchemaId) -> (SchemaId, Scope) {
        let target = Table::target(api, scope, id, keyword, child);
        (target, self.enter(api, scope, target))
    }

    /// [`Table::follow`], holding the scope it leads to while there is room.
    fn step(&mut self, api: &Api, scope: &Scope, id: SchemaId, keyword: Keyword, child: SchemaId) -> (SchemaId, Scope) {
        let target = Table::target(api, scope, id, keyword, child);
        self.admit(api, scope, target);
        (target, self.enter(api, scope, target))
    }
}

/// The edges a check follows: those validation reads, but the dynamic
/// anchors, which only a `$dynamicRef` is taken to.
fn checked(keyword: Keyword) -> bool {
    reads(Part::Validation, keyword) && keyword != Keyword::DynamicAnchors
}

/// What an object allows besides its declared properties.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Additional {
    #[default]
    Any,
    Nothing,
    Schema(usize),
}

/// One schema of the table, as the runtime's `Schema` holds it; other
/// schemas are named by their index. Numbers are finite; `types` holds
/// `null` when the schema is nullable; `enumeration` and `const` are one
/// list of JSON texts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Entry {
    pub nothing: bool,
    pub reference: Option<usize>,
    pub types: Vec<JsonType>,
    /// The name of the runtime's `Format` variant, for the formats it checks.
    pub format: Option<&'static str>,
    pub enumeration: Vec<String>,
    pub minimum: Option<f64>,
    pub maximum: Option<f64>,
    pub exclusive_minimum: Option<f64>,
    pub exclusive_maximum: Option<f64>,
    pub multiple_of: Option<f64>,
    pub min_length: Option<u64>,
    pub max_length: Option<u64>,
    pub pattern: Option<String>,
    pub items: Option<usize>,
    pub prefix_items: Vec<usize>,
    pub contains: Option<usize>,
    pub min_contains: Option<u64>,
    pub max_contains: Option<u64>,
    pub min_items: Option<u64>,
    pub max_items: Option<u64>,
    pub unique_items: bool,
    pub unevaluated_items: Option<usize>,
    pub properties: Vec<(String, usize)>,
    pub pattern_properties: Vec<(String, usize)>,
    pub property_names: Option<usize>,
    pub required: Vec<String>,
    pub dependent_required: Vec<(String, Vec<String>)>,
    pub dependent_schemas: Vec<(String, usize)>,
    pub unevaluated_properties: Option<usize>,
    pub additional: Additional,
    pub min_properties: Option<u64>,
    pub max_properties: Option<u64>,
    pub all_of: Vec<usize>,
    pub any_of: Vec<usize>,
    pub one_of: Vec<usize>,
    pub not: Option<usize>,
    pub conditional: Option<(usize, Option<usize>, Option<usize>)>,
}

impl Table {
    /// The index of `id`, adding it and all it reaches.
    pub fn add(&mut self, api: &Api, id: SchemaId) -> usize {
        if self.names.is_none() {
            let looked_for =
                api.schemas.iter().filter_map(|(_, entry)| entry.schema.constraints().dynamic_ref_anchor.clone());
            self.names = Some(looked_for.collect());
        }
        self.admit(api, &Scope::new(), id);
        let key = (id, self.enter(api, &Scope::new(), id));
        if let Some(&at) = self.index.get(&key) {
            return at;
        }
        let start = self.order.len();
        self.index.insert(key.clone(), start);
        self.order.push(key);
        let mut next = start;
        while next < self.order.len() {
            let (id, scope) = self.order[next].clone();
            // The discriminator's mapping names alternatives the schema
            // already holds; it checks nothing of its own.
            for (keyword, child) in api.schemas.get(id).children().into_iter().filter(|(k, _)| checked(*k)) {
                let key = self.step(api, &scope, id, keyword, child);
                if !self.index.contains_key(&key) {
                    self.index.insert(key.clone(), self.order.len());
                    self.order.push(key);
                }
            }
            next += 1;
        }
        start
    }

    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The table's entries, in order.
    pub fn entries(&self, api: &Api) -> Vec<Entry> {
        self.order.iter().map(|(id, scope)| self.entry(api, *id, scope)).collect()
    }

    fn entry(&self, api: &Api, id: SchemaId, scope: &Scope) -> Entry {
        let s = api.schemas.get(id);
        let c = s.constraints();
        let edge = |keyword: Keyword, child: SchemaId| self.index[&self.follow(api, scope, id, keyword, child)];
        let at = |child: SchemaId| edge(Keyword::Ref, child);
        let list = |ids: &[SchemaId]| -> Vec<usize> { ids.iter().map(|&child| at(child)).collect() };
        let finite = |v: Option<f64>| v.filter(|x| x.is_finite());
        let mut types: Vec<JsonType> = s.types.iter().collect();
        if !types.is_empty() && s.nullable && !types.contains(&JsonType::Null) {
            types.push(JsonType::Null);
        }
        let mut enumeration: Vec<String> = s.enum_values.iter().flatten().map(Value::to_string).collect();
        enumeration.extend(s.const_value.as_deref().map(Value::to_string));
        if !enumeration.is_empty() && s.nullable && !enumeration.iter().any(|a| a == "null") {
            enumeration.push("null".into());
        }
        let named = |map: &indexmap::IndexMap<String, SchemaId>| -> Vec<(String, usize)> {
            map.iter().map(|(name, &child)| (name.clone(), at(child))).collect()
        };
        // `enum: []` lists no value, so none is valid.
        let no_value_listed = s.enum_values.as_ref().is_some_and(Vec::is_empty) && s.const_value.is_none();
        Entry {
            nothing: s.accepts_nothing || no_value_listed,
            reference: s.reference.map(&at),
            types,
            format: s.format.as_deref().and_then(format),
            enumeration,
            minimum: finite(c.minimum),
            maximum: finite(c.maximum),
            exclusive_minimum: finite(c.exclusive_minimum),
            exclusive_maximum: finite(c.exclusive_maximum),
            multiple_of: finite(c.multiple_of),
            min_length: c.min_length,
            max_length: c.max_length,
            pattern: c.pattern.clone(),
            items: s.items.map(&at),
            prefix_items: list(&c.prefix_items),
            contains: c.contains.map(&at),
            min_contains: c.min_contains,
            max_contains: c.max_contains,
            min_items: c.min_items,
            max_items: c.max_items,
            unique_items: c.unique_items,
            unevaluated_items: c.unevaluated_items.map(&at),
            properties: named(&s.properties),
            pattern_properties: named(&c.pattern_properties),
            property_names: c.property_names.map(&at),
            // A read-only property is the server's to fill: requests may leave it out.
            required: s
                .required
                .iter()
                .filter(|name| !s.properties.get(*name).is_some_and(|&p| api.schemas.get(p).read_only))
                .cloned()
                .collect(),
            dependent_required: c.dependent_required.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            dependent_schemas: named(&c.dependent_schemas),
            unevaluated_properties: c.unevaluated_properties.map(&at),
            additional: match s.additional_properties {
                None => Additional::Any,
                Some(extra) if api.schemas.get(extra).accepts_nothing => Additional::Nothing,
                Some(extra) => Additional::Schema(at(extra)),
            },
            min_properties: c.min_properties,
            max_properties: c.max_properties,
            // A `$dynamicRef` applies in place, as an `allOf` part does.
            all_of: list(&s.all_of).into_iter().chain(c.dynamic_ref.map(|d| edge(Keyword::DynamicRef, d))).collect(),
            any_of: list(&s.any_of),
            one_of: list(&s.one_of),
            not: c.not.map(&at),
            conditional: match c.if_then_else {
                [Some(condition), then, otherwise] => Some((at(condition), then.map(&at), otherwise.map(&at))),
                _ => None,
            },
        }
    }
}

fn format(name: &str) -> Option<&'static str> {
    Some(match name {
        "int32" => "Int32",
        "int64" => "Int64",
        "date" => "Date",
        "date-time" => "DateTime",
        "uuid" => "Uuid",
        "email" => "Email",
        "uri" => "Uri",
        "ipv4" => "Ipv4",
        "ipv6" => "Ipv6",
        "byte" => "Byte",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use specwright_spec::ir::Keyword;

    /// The table of a sample document's `Sample`.
    fn entries(schema: &Value) -> Vec<Entry> {
        let loaded = specwright_spec::Loader::new().load_str("sample.json", &Keyword::sample_document(schema));
        let api = loaded.api.expect("the sample loads");
        let mut table = Table::default();
        table.add(&api, api.components["Sample"]);
        table.entries(&api)
    }

    /// The table's column of the keyword table, shown: the tables of two
    /// schemas that differ only in a keyword differ when the table reads
    /// it, and not otherwise.
    #[test]
    fn the_table_holds_the_keywords_it_reads() {
        for keyword in Keyword::ALL {
            let (with, without) = keyword.samples();
            let claimed = reads(Part::Validation, keyword);
            assert_eq!(entries(&with) != entries(&without), claimed, "{keyword:?}: {with} and {without}");
        }
    }
}
