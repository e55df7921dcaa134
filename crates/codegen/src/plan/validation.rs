//! The table of schemas a generated server checks requests against: each
//! schema a parameter or body uses, and each it reaches, written once as
//! plain static data (cheap to compile, however big the spec) and named by
//! index.
//!
//! [`Table`] plans it as [`Entry`] values, which mirror the runtime's
//! `server::schema::Schema` field for field, and writes them as text, an
//! entry a line: a big spec's table has thousands, and laying them out token
//! by token would be most of the time spent generating its server. Tests
//! build the runtime's table from the same entries, in process.

use std::collections::HashMap;

use serde_json::Value;
use specwright_spec::ir::{Api, JsonType, Schema, SchemaId};

use crate::keywords::{reads, Part};

/// The schemas gathered so far, in table order.
#[derive(Default)]
pub struct Table {
    index: HashMap<SchemaId, usize>,
    order: Vec<SchemaId>,
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
        if let Some(&at) = self.index.get(&id) {
            return at;
        }
        let start = self.order.len();
        self.index.insert(id, start);
        self.order.push(id);
        let mut next = start;
        while next < self.order.len() {
            let s = api.schemas.get(self.order[next]);
            // The discriminator's mapping names alternatives the schema
            // already holds; it checks nothing of its own.
            for (_, child) in s.children().into_iter().filter(|(k, _)| reads(Part::Validation, *k)) {
                if !self.index.contains_key(&child) {
                    self.index.insert(child, self.order.len());
                    self.order.push(child);
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
        self.order.iter().map(|&id| self.entry(api, api.schemas.get(id))).collect()
    }

    fn at(&self, id: SchemaId) -> usize {
        self.index[&id]
    }

    fn list(&self, ids: &[SchemaId]) -> Vec<usize> {
        ids.iter().map(|&id| self.at(id)).collect()
    }

    fn entry(&self, api: &Api, s: &Schema) -> Entry {
        let c = s.constraints();
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
            map.iter().map(|(name, &id)| (name.clone(), self.at(id))).collect()
        };
        // `enum: []` lists no value, so none is valid.
        let no_value_listed = s.enum_values.as_ref().is_some_and(Vec::is_empty) && s.const_value.is_none();
        Entry {
            nothing: s.accepts_nothing || no_value_listed,
            reference: s.reference.map(|id| self.at(id)),
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
            items: s.items.map(|id| self.at(id)),
            prefix_items: self.list(&c.prefix_items),
            contains: c.contains.map(|id| self.at(id)),
            min_contains: c.min_contains,
            max_contains: c.max_contains,
            min_items: c.min_items,
            max_items: c.max_items,
            unique_items: c.unique_items,
            unevaluated_items: c.unevaluated_items.map(|id| self.at(id)),
            properties: named(&s.properties),
            pattern_properties: named(&c.pattern_properties),
            property_names: c.property_names.map(|id| self.at(id)),
            // A read-only property is the server's to fill: requests may leave it out.
            required: s
                .required
                .iter()
                .filter(|name| !s.properties.get(*name).is_some_and(|&p| api.schemas.get(p).read_only))
                .cloned()
                .collect(),
            dependent_required: c.dependent_required.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            dependent_schemas: named(&c.dependent_schemas),
            unevaluated_properties: c.unevaluated_properties.map(|id| self.at(id)),
            additional: match s.additional_properties {
                None => Additional::Any,
                Some(extra) if api.schemas.get(extra).accepts_nothing => Additional::Nothing,
                Some(extra) => Additional::Schema(self.at(extra)),
            },
            min_properties: c.min_properties,
            max_properties: c.max_properties,
            all_of: self.list(&s.all_of),
            any_of: self.list(&s.any_of),
            one_of: self.list(&s.one_of),
            not: c.not.map(|id| self.at(id)),
            conditional: match c.if_then_else {
                [Some(condition), then, otherwise] => {
                    Some((self.at(condition), then.map(|id| self.at(id)), otherwise.map(|id| self.at(id))))
                }
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
