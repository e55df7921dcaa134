//! The table of schemas a generated server checks requests against: each
//! schema a parameter or body uses, and each it reaches, written once as
//! plain static data (cheap to compile, however big the spec) and named by
//! index. The table is written as text, an entry a line: a big spec's has
//! thousands, and laying them out token by token would be most of the time
//! spent generating its server.

use std::collections::HashMap;

use proc_macro2::{Literal, TokenStream};
use quote::quote;
use serde_json::Value;
use specwright_spec::ir::{Api, JsonType, Schema, SchemaId};

/// The schemas gathered so far, in table order.
#[derive(Default)]
pub struct Table {
    index: HashMap<SchemaId, usize>,
    order: Vec<SchemaId>,
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
            for child in children(s) {
                if !self.index.contains_key(&child) {
                    self.index.insert(child, self.order.len());
                    self.order.push(child);
                }
            }
            next += 1;
        }
        start
    }

    /// `Some(index)` as tokens, or `None`.
    pub fn slot(&mut self, api: &Api, id: Option<SchemaId>) -> TokenStream {
        match id {
            Some(id) => {
                let at = Literal::usize_unsuffixed(self.add(api, id));
                quote!(Some(#at))
            }
            None => quote!(None),
        }
    }

    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// The table's entries as Rust source, each a `srv::Schema` literal on
    /// a line of its own, indented for the array they go in.
    pub fn source(&self, api: &Api) -> String {
        let mut out = String::new();
        for &id in &self.order {
            out.push_str("    ");
            out.push_str(&self.entry(api, api.schemas.get(id)));
            out.push_str(",\n");
        }
        out
    }

    fn at(&self, id: SchemaId) -> String {
        self.index[&id].to_string()
    }

    fn list(&self, ids: &[SchemaId]) -> String {
        let items: Vec<String> = ids.iter().map(|&id| self.at(id)).collect();
        format!("&[{}]", items.join(", "))
    }

    fn entry(&self, api: &Api, s: &Schema) -> String {
        let mut fields: Vec<String> = Vec::new();
        if s.accepts_nothing {
            fields.push("nothing: true".into());
        }
        if let Some(r) = s.reference {
            fields.push(format!("reference: Some({})", self.at(r)));
        }
        let mut bits: Vec<&str> = JsonType::ALL
            .iter()
            .filter(|t| s.types.contains(**t))
            .map(|t| match t {
                JsonType::Null => "NULL",
                JsonType::Boolean => "BOOLEAN",
                JsonType::Object => "OBJECT",
                JsonType::Array => "ARRAY",
                JsonType::Number => "NUMBER",
                JsonType::String => "STRING",
                JsonType::Integer => "INTEGER",
            })
            .collect();
        if !bits.is_empty() {
            if s.nullable && !s.types.contains(JsonType::Null) {
                bits.push("NULL");
            }
            let bits: Vec<String> = bits.iter().map(|b| format!("srv::schema::types::{b}")).collect();
            fields.push(format!("types: {}", bits.join(" | ")));
        }
        if let Some(format) = s.format.as_deref().and_then(format) {
            fields.push(format!("format: srv::Format::{format}"));
        }
        let mut allowed: Vec<String> = s.enum_values.iter().flatten().map(Value::to_string).collect();
        if let Some(c) = &s.const_value {
            allowed.push(c.to_string());
        }
        if !allowed.is_empty() {
            if s.nullable && !allowed.iter().any(|a| a == "null") {
                allowed.push("null".into());
            }
            let texts: Vec<String> = allowed.iter().map(|a| string(a)).collect();
            fields.push(format!("enumeration: &[{}]", texts.join(", ")));
        }
        let c = s.constraints();
        let number = |v: Option<f64>| v.filter(|x| x.is_finite()).map(|x| Literal::f64_suffixed(x).to_string());
        let count = |v: Option<u64>| v.map(|n| n.to_string());
        for (name, value) in [
            ("minimum", number(c.minimum)),
            ("maximum", number(c.maximum)),
            ("exclusive_minimum", number(c.exclusive_minimum)),
            ("exclusive_maximum", number(c.exclusive_maximum)),
            ("multiple_of", number(c.multiple_of)),
            ("min_length", count(c.min_length)),
            ("max_length", count(c.max_length)),
            ("min_items", count(c.min_items)),
            ("max_items", count(c.max_items)),
            ("min_properties", count(c.min_properties)),
            ("max_properties", count(c.max_properties)),
        ] {
            if let Some(v) = value {
                fields.push(format!("{name}: Some({v})"));
            }
        }
        if let Some(p) = &c.pattern {
            fields.push(format!("pattern: Some({})", string(p)));
        }
        if c.unique_items {
            fields.push("unique_items: true".into());
        }
        if let Some(items) = s.items {
            fields.push(format!("items: Some({})", self.at(items)));
        }
        if !c.prefix_items.is_empty() {
            fields.push(format!("prefix_items: {}", self.list(&c.prefix_items)));
        }
        if let Some(contains) = c.contains {
            fields.push(format!("contains: Some({})", self.at(contains)));
        }
        if !c.pattern_properties.is_empty() {
            let patterns: Vec<String> =
                c.pattern_properties.iter().map(|(p, &id)| format!("({}, {})", string(p), self.at(id))).collect();
            fields.push(format!("pattern_properties: &[{}]", patterns.join(", ")));
        }
        if let Some(names) = c.property_names {
            fields.push(format!("property_names: Some({})", self.at(names)));
        }
        if !c.dependent_required.is_empty() {
            let deps: Vec<String> = c
                .dependent_required
                .iter()
                .map(|(name, needs)| {
                    let needs: Vec<String> = needs.iter().map(|n| string(n)).collect();
                    format!("({}, &[{}])", string(name), needs.join(", "))
                })
                .collect();
            fields.push(format!("dependent_required: &[{}]", deps.join(", ")));
        }
        if let [Some(condition), then, otherwise] = c.if_then_else {
            let branch = |b: Option<SchemaId>| b.map_or("None".to_string(), |id| format!("Some({})", self.at(id)));
            fields.push(format!(
                "conditional: Some(({}, {}, {}))",
                self.at(condition),
                branch(then),
                branch(otherwise)
            ));
        }
        if !s.properties.is_empty() {
            let props: Vec<String> =
                s.properties.iter().map(|(name, &id)| format!("({}, {})", string(name), self.at(id))).collect();
            fields.push(format!("properties: &[{}]", props.join(", ")));
        }
        // A read-only property is the server's to fill: requests may leave it out.
        let required: Vec<String> = s
            .required
            .iter()
            .filter(|name| !s.properties.get(*name).is_some_and(|&p| api.schemas.get(p).read_only))
            .map(|name| string(name))
            .collect();
        if !required.is_empty() {
            fields.push(format!("required: &[{}]", required.join(", ")));
        }
        if let Some(extra) = s.additional_properties {
            if api.schemas.get(extra).accepts_nothing {
                fields.push("additional: srv::Additional::Nothing".into());
            } else {
                fields.push(format!("additional: srv::Additional::Schema({})", self.at(extra)));
            }
        }
        for (name, ids) in [("all_of", &s.all_of), ("any_of", &s.any_of), ("one_of", &s.one_of)] {
            if !ids.is_empty() {
                fields.push(format!("{name}: {}", self.list(ids)));
            }
        }
        if let Some(not) = c.not {
            fields.push(format!("not: Some({})", self.at(not)));
        }
        if fields.is_empty() {
            return "srv::Schema::ANY".into();
        }
        format!("srv::Schema {{ {}, ..srv::Schema::ANY }}", fields.join(", "))
    }
}

/// A Rust string literal for `text` (escaped as the compiler reads it).
fn string(text: &str) -> String {
    Literal::string(text).to_string()
}

/// The schemas a value must also match or that its parts must.
fn children(s: &Schema) -> Vec<SchemaId> {
    let c = s.constraints();
    let mut out: Vec<SchemaId> = Vec::new();
    out.extend(s.reference);
    out.extend(s.items);
    out.extend(s.properties.values().copied());
    out.extend(s.additional_properties);
    out.extend(s.all_of.iter().chain(&s.any_of).chain(&s.one_of).copied());
    out.extend(c.not);
    out.extend(c.prefix_items.iter().copied());
    out.extend(c.contains);
    out.extend(c.pattern_properties.values().copied());
    out.extend(c.property_names);
    out.extend(c.if_then_else.iter().flatten().copied());
    out
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
