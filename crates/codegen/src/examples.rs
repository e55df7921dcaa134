//! A test, written into the generated crate, that every example in the spec
//! deserializes into its generated type and serializes back to the same JSON.

use std::collections::HashMap;

use quote::quote;
use serde_json::Value;
use specwright_spec::ir::{Api, MediaType, Payload, SchemaId};
use specwright_spec::pointer;

/// One example and the type it should fit.
pub struct ExampleCase {
    /// Where the example is: a JSON pointer into the root document, or a
    /// description for examples of messages.
    pub place: String,
    pub type_name: String,
    pub json: String,
    /// JSON pointers to properties the example has but its schema does not
    /// declare: generated structs keep declared properties only, so these
    /// are left out of the comparison (and counted).
    pub undeclared: Vec<String>,
}

/// The examples of an API whose schemas became named types.
pub fn example_cases(api: &Api, names: &HashMap<SchemaId, String>) -> Vec<ExampleCase> {
    let mut out = Vec::new();
    let mut add = |place: String, schema: SchemaId, value: &Value| {
        if let Some(name) = names.get(&schema) {
            let mut undeclared = Vec::new();
            find_undeclared(api, schema, value, "", &mut undeclared, 0);
            out.push(ExampleCase { place, type_name: name.clone(), json: value.to_string(), undeclared });
        }
    };
    for (id, entry) in api.schemas.iter() {
        for (i, example) in entry.schema.examples.iter().enumerate() {
            add(format!("{}#{}/examples/{i}", file_hint(entry.origin.file.0), entry.origin.pointer), id, example);
        }
    }
    let media = |place: String, m: &MediaType, add: &mut dyn FnMut(String, SchemaId, &Value)| {
        if let Some(schema) = m.schema {
            for (i, example) in m.examples.iter().enumerate() {
                let at = pointer::push(&place, &m.media_type);
                add(format!("{at}/examples/{i}"), schema, example);
            }
        }
    };
    for op in api.operations.iter().chain(&api.webhooks) {
        if let Some(body) = &op.request_body {
            for m in &body.content {
                media(format!("#{}/content", body.origin.pointer), m, &mut add);
            }
        }
        for r in &op.responses {
            for m in &r.content {
                media(format!("#{}/content", r.origin.pointer), m, &mut add);
            }
        }
    }
    for (id, message) in &api.messages {
        for (i, example) in message.examples.iter().enumerate() {
            if let (Some(Payload::Schema(s)), Some(payload)) = (&message.payload, example.get("payload")) {
                add(format!("message {id} example {i} payload"), *s, payload);
            }
            if let (Some(h), Some(headers)) = (message.headers, example.get("headers")) {
                add(format!("message {id} example {i} headers"), h, headers);
            }
        }
    }
    out.sort_by(|a, b| a.place.cmp(&b.place));
    out.dedup_by(|a, b| a.place == b.place);
    out
}

/// The schema and every part it is made of: what it refers to, its `allOf`
/// parts and its `oneOf`/`anyOf` branches.
fn views(api: &Api, id: SchemaId, out: &mut Vec<SchemaId>) {
    if out.contains(&id) || out.len() > 64 {
        return;
    }
    out.push(id);
    let s = api.schemas.get(id);
    for &part in s.reference.iter().chain(&s.all_of).chain(&s.one_of).chain(&s.any_of) {
        views(api, part, out);
    }
}

/// Properties of `value` that its schema does not declare and that no
/// `additionalProperties` or `patternProperties` admits, as JSON pointers.
fn find_undeclared(api: &Api, schema: SchemaId, value: &Value, at: &str, out: &mut Vec<String>, depth: usize) {
    if depth > 32 {
        return;
    }
    let mut all = Vec::new();
    views(api, schema, &mut all);
    let schemas: Vec<_> = all.iter().map(|&id| api.schemas.get(id)).collect();
    match value {
        Value::Object(map) => {
            let declares_any = schemas.iter().any(|s| !s.properties.is_empty());
            let extra = schemas.iter().find_map(|s| s.additional_properties);
            let open = !declares_any
                || extra.is_some_and(|e| !api.schemas.get(e).accepts_nothing)
                || schemas.iter().any(|s| !s.constraints().pattern_properties.is_empty());
            for (key, v) in map {
                let here = pointer::push(at, key);
                match schemas.iter().find_map(|s| s.properties.get(key)) {
                    Some(&p) => find_undeclared(api, p, v, &here, out, depth + 1),
                    None if open => {
                        if let Some(e) = extra {
                            find_undeclared(api, e, v, &here, out, depth + 1);
                        }
                    }
                    None => out.push(here),
                }
            }
        }
        Value::Array(items) => {
            if let Some(item) = schemas.iter().find_map(|s| s.items) {
                for (i, v) in items.iter().enumerate() {
                    find_undeclared(api, item, v, &format!("{at}/{i}"), out, depth + 1);
                }
            }
        }
        _ => {}
    }
}

fn file_hint(file: u32) -> String {
    if file == 0 {
        String::new()
    } else {
        format!("file{file}")
    }
}

/// The source of `tests/examples.rs` for a crate whose library is `krate`.
pub fn examples_test(krate: &str, cases: &[ExampleCase]) -> String {
    let krate = quote::format_ident!("{}", krate.replace('-', "_"));
    let rows = cases.iter().map(|c| {
        let place = &c.place;
        let ty = quote::format_ident!("{}", c.type_name);
        let json = &c.json;
        let undeclared = &c.undeclared;
        quote!((#place, check::<types::#ty>, #json, &[#(#undeclared),*]),)
    });
    let count = cases.len();
    let file = quote! {
        //! Every example in the spec deserializes into its generated type and
        //! serializes back to the same JSON.
        #![cfg_attr(rustfmt, rustfmt::skip)]
        #![allow(deprecated)]

        use #krate::types;

        type Check = fn(&str, &[&str]) -> ::std::result::Result<(), ::std::string::String>;

        fn check<T: ::serde::de::DeserializeOwned + ::serde::Serialize>(json: &str, undeclared: &[&str]) -> ::std::result::Result<(), ::std::string::String> {
            let mut value: ::serde_json::Value = ::serde_json::from_str(json).map_err(|e| e.to_string())?;
            let typed: T = ::serde_json::from_value(value.clone()).map_err(|e| format!("does not deserialize: {e}"))?;
            let back = ::serde_json::to_value(&typed).map_err(|e| format!("does not serialize: {e}"))?;
            // Deepest first, so removing one never moves another.
            for at in undeclared.iter().rev() {
                let (parent, key) = at.rsplit_once('/').unwrap_or(("", at));
                let key = key.replace("~1", "/").replace("~0", "~");
                if let Some(::serde_json::Value::Object(map)) = value.pointer_mut(parent) {
                    map.remove(&key);
                }
            }
            match difference(&value, &back, "") {
                None => Ok(()),
                Some(diff) => Err(diff),
            }
        }

        /// Where two JSON values differ, if they do; numbers compare by value,
        /// timestamps and UUIDs by what they mean rather than how they are written.
        fn difference(a: &::serde_json::Value, b: &::serde_json::Value, at: &str) -> ::std::option::Option<::std::string::String> {
            use ::serde_json::Value;
            let same = match (a, b) {
                (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
                (Value::String(x), Value::String(y)) => x == y || canonical(x) == canonical(y),
                (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
                    return x.iter().zip(y).enumerate().find_map(|(i, (x, y))| difference(x, y, &format!("{at}/{i}")));
                }
                (Value::Object(x), Value::Object(y)) => {
                    if let Some(k) = x.keys().find(|k| !y.contains_key(*k)) {
                        return Some(format!("{at}/{k} is dropped"));
                    }
                    if let Some(k) = y.keys().find(|k| !x.contains_key(*k)) {
                        return Some(format!("{at}/{k} is added as {}", &y[k.as_str()]));
                    }
                    return x.iter().find_map(|(k, v)| difference(v, &y[k.as_str()], &format!("{at}/{k}")));
                }
                _ => a == b,
            };
            (!same).then(|| format!("{at} comes back as {b}, was {a}"))
        }

        /// A timestamp with `Z` for a zero offset and no trailing zero
        /// fractions; a UUID in lowercase.
        fn canonical(s: &str) -> ::std::string::String {
            let bytes = s.as_bytes();
            let is_uuid = s.len() == 36 && [8, 13, 18, 23].iter().all(|&i| bytes[i] == b'-');
            if is_uuid {
                return s.to_ascii_lowercase();
            }
            let is_timestamp = s.len() >= 20 && bytes[4] == b'-' && bytes[7] == b'-' && matches!(bytes[10], b'T' | b't' | b' ');
            if !is_timestamp {
                return s.to_string();
            }
            let mut t = s.to_ascii_uppercase().replace(' ', "T");
            for zero in ["+00:00", "-00:00"] {
                if let Some(stripped) = t.strip_suffix(zero) {
                    t = format!("{stripped}Z");
                }
            }
            if let Some(dot) = t.find('.') {
                let end = t[dot..].find(|c: char| !c.is_ascii_digit() && c != '.').map_or(t.len(), |i| dot + i);
                let fraction = t[dot + 1..end].trim_end_matches('0').to_string();
                let rest = t[end..].to_string();
                t.truncate(dot);
                if !fraction.is_empty() {
                    t.push('.');
                    t.push_str(&fraction);
                }
                t.push_str(&rest);
            }
            t
        }

        #[test]
        fn examples_round_trip() {
            let cases: [(&str, Check, &str, &[&str]); #count] = [#(#rows)*];
            let mut failed = 0;
            let mut undeclared = 0;
            for (place, check, json, extra) in cases {
                if let Err(why) = check(json, extra) {
                    failed += 1;
                    println!("example-failed: {place}: {why}");
                } else if !extra.is_empty() {
                    undeclared += 1;
                }
            }
            println!("examples: {} passed, {failed} failed, {undeclared} passed with undeclared properties left out", cases.len() - failed);
            assert_eq!(failed, 0, "examples that do not round-trip are listed above");
        }
    };
    let syntax: syn::File = syn::parse2(file).expect("the examples test is valid Rust");
    crate::format::unparse(&syntax)
}
