//! The table of schemas a generated server checks requests against: each
//! schema a parameter or body uses, and each it reaches, written once as
//! plain static data (cheap to compile, however big the spec) and named by
//! index.

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

    /// The table's entries, each a `srv::Schema` literal.
    pub fn entries(&self, api: &Api) -> Vec<TokenStream> {
        self.order.iter().map(|&id| self.entry(api, api.schemas.get(id))).collect()
    }

    fn at(&self, id: SchemaId) -> Literal {
        Literal::usize_unsuffixed(self.index[&id])
    }

    fn list(&self, ids: &[SchemaId]) -> TokenStream {
        let items = ids.iter().map(|&id| self.at(id));
        quote!(&[#(#items),*])
    }

    fn entry(&self, api: &Api, s: &Schema) -> TokenStream {
        let mut fields = Vec::new();
        if s.accepts_nothing {
            fields.push(quote!(nothing: true));
        }
        if let Some(r) = s.reference {
            let at = self.at(r);
            fields.push(quote!(reference: Some(#at)));
        }
        let mut bits: Vec<TokenStream> = JsonType::ALL
            .iter()
            .filter(|t| s.types.contains(**t))
            .map(|t| match t {
                JsonType::Null => quote!(NULL),
                JsonType::Boolean => quote!(BOOLEAN),
                JsonType::Object => quote!(OBJECT),
                JsonType::Array => quote!(ARRAY),
                JsonType::Number => quote!(NUMBER),
                JsonType::String => quote!(STRING),
                JsonType::Integer => quote!(INTEGER),
            })
            .collect();
        if !bits.is_empty() {
            if s.nullable && !s.types.contains(JsonType::Null) {
                bits.push(quote!(NULL));
            }
            fields.push(quote!(types: #(srv::schema::types::#bits)|*));
        }
        if let Some(format) = s.format.as_deref().and_then(format) {
            let format = proc_macro2::Ident::new(format, proc_macro2::Span::call_site());
            fields.push(quote!(format: srv::Format::#format));
        }
        let mut allowed: Vec<String> = s.enum_values.iter().flatten().map(Value::to_string).collect();
        if let Some(c) = &s.const_value {
            allowed.push(c.to_string());
        }
        if !allowed.is_empty() {
            if s.nullable && !allowed.iter().any(|a| a == "null") {
                allowed.push("null".into());
            }
            fields.push(quote!(enumeration: &[#(#allowed),*]));
        }
        let c = s.constraints();
        let number = |v: Option<f64>| v.filter(|x| x.is_finite()).map(Literal::f64_suffixed);
        let count = |v: Option<u64>| v.map(Literal::u64_unsuffixed);
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
                let name = proc_macro2::Ident::new(name, proc_macro2::Span::call_site());
                fields.push(quote!(#name: Some(#v)));
            }
        }
        if let Some(p) = &c.pattern {
            fields.push(quote!(pattern: Some(#p)));
        }
        if c.unique_items {
            fields.push(quote!(unique_items: true));
        }
        if let Some(items) = s.items {
            let at = self.at(items);
            fields.push(quote!(items: Some(#at)));
        }
        if !s.properties.is_empty() {
            let props = s.properties.iter().map(|(name, &id)| {
                let at = self.at(id);
                quote!((#name, #at))
            });
            fields.push(quote!(properties: &[#(#props),*]));
        }
        // A read-only property is the server's to fill: requests may leave it out.
        let required: Vec<&String> = s
            .required
            .iter()
            .filter(|name| !s.properties.get(*name).is_some_and(|&p| api.schemas.get(p).read_only))
            .collect();
        if !required.is_empty() {
            fields.push(quote!(required: &[#(#required),*]));
        }
        if let Some(extra) = s.additional_properties {
            let value = if api.schemas.get(extra).accepts_nothing {
                quote!(srv::Additional::Nothing)
            } else {
                let at = self.at(extra);
                quote!(srv::Additional::Schema(#at))
            };
            fields.push(quote!(additional: #value));
        }
        for (name, ids) in [("all_of", &s.all_of), ("any_of", &s.any_of), ("one_of", &s.one_of)] {
            if !ids.is_empty() {
                let name = proc_macro2::Ident::new(name, proc_macro2::Span::call_site());
                let list = self.list(ids);
                fields.push(quote!(#name: #list));
            }
        }
        if let Some(not) = c.not {
            let at = self.at(not);
            fields.push(quote!(not: Some(#at)));
        }
        if fields.is_empty() {
            return quote!(srv::Schema::ANY);
        }
        quote!(srv::Schema { #(#fields,)* ..srv::Schema::ANY })
    }
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
