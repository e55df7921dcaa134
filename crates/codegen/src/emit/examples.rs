//! A test, written into the generated crate, that every example in the spec
//! deserializes into its generated type and serializes back to the same JSON.

use std::collections::HashMap;

use quote::quote;
use serde_json::Value;
use specwright_spec::ir::{Api, JsonType, MediaType, Payload, SchemaId};
use specwright_spec::pointer;

/// One example and the type it should fit.
pub struct ExampleCase {
    /// Where the example is: a JSON pointer into the root document, or a
    /// description for examples of messages.
    pub place: String,
    pub type_name: String,
    /// The schema takes `null` too: the example is read as `Option<T>`.
    pub nullable: bool,
    pub json: String,
    /// JSON pointers to properties the example has but its schema does not
    /// declare: generated structs keep declared properties only, so these
    /// are left out of the comparison (and counted).
    pub undeclared: Vec<String>,
    /// Where the example breaks its own schema, if it does: such an example
    /// is the spec's fault when it does not round-trip.
    pub contradiction: Option<String>,
}

/// The examples of an API whose schemas became named types.
pub fn example_cases(api: &Api, names: &HashMap<SchemaId, String>) -> Vec<ExampleCase> {
    let mut out = Vec::new();
    let mut add = |place: String, schema: SchemaId, value: &Value| {
        if let Some(name) = names.get(&schema) {
            let mut undeclared = Vec::new();
            find_undeclared(api, &[schema], value, "", &mut undeclared, 0);
            let contradiction = contradiction(api, schema, value, "", 0);
            let nullable = takes_null(api, schema, 0);
            out.push(ExampleCase {
                place,
                type_name: name.clone(),
                nullable,
                json: value.to_string(),
                undeclared,
                contradiction,
            });
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
/// `schemas` are the candidates the value may be read as (the branches of
/// a union and their parts all count).
fn find_undeclared(api: &Api, schemas: &[SchemaId], value: &Value, at: &str, out: &mut Vec<String>, depth: usize) {
    if depth > 32 || schemas.is_empty() {
        return;
    }
    let mut all = Vec::new();
    for &id in schemas {
        views(api, id, &mut all);
    }
    let all: Vec<_> = all.iter().map(|&id| api.schemas.get(id)).collect();
    match value {
        Value::Object(map) => {
            let declares_any = all.iter().any(|s| !s.properties.is_empty());
            let extra: Vec<SchemaId> = all.iter().filter_map(|s| s.additional_properties).collect();
            // A part that takes any object (`{}`, a bare `type: object`)
            // keeps every key, so none is undeclared.
            let takes_any_object = all.iter().any(|s| {
                s.properties.is_empty()
                    && s.reference.is_none()
                    && s.all_of.is_empty()
                    && s.one_of.is_empty()
                    && s.any_of.is_empty()
                    && s.additional_properties.is_none()
                    && (s.types.is_empty() || s.types.contains(JsonType::Object))
                    && !s.accepts_nothing
            });
            let open = !declares_any
                || takes_any_object
                || extra.iter().any(|&e| !api.schemas.get(e).accepts_nothing)
                || all.iter().any(|s| !s.constraints().pattern_properties.is_empty());
            for (key, v) in map {
                let here = pointer::push(at, key);
                let declared: Vec<SchemaId> = all.iter().filter_map(|s| s.properties.get(key).copied()).collect();
                if !declared.is_empty() {
                    find_undeclared(api, &declared, v, &here, out, depth + 1);
                } else if open {
                    find_undeclared(api, &extra, v, &here, out, depth + 1);
                } else {
                    out.push(here);
                }
            }
        }
        Value::Array(items) => {
            let item_schemas: Vec<SchemaId> = all.iter().filter_map(|s| s.items).collect();
            for (i, v) in items.iter().enumerate() {
                find_undeclared(api, &item_schemas, v, &format!("{at}/{i}"), out, depth + 1);
            }
        }
        _ => {}
    }
}

/// The first place where `value` breaks `schema`, in the checks that decide
/// whether a type can hold it: `type` (and `nullable`), `required`, the
/// formats with their own Rust types, and the same within properties, items,
/// `allOf` parts and (at least one of) `oneOf`/`anyOf` branches.
fn contradiction(api: &Api, id: SchemaId, value: &Value, at: &str, depth: usize) -> Option<String> {
    if depth > 48 {
        return None;
    }
    let s = api.schemas.get(id);
    let place = if at.is_empty() { "the example" } else { at };
    if s.accepts_nothing {
        return Some(format!("{place}: the schema accepts nothing"));
    }
    if value.is_null() && (s.nullable || s.types.contains(JsonType::Null)) {
        return None;
    }
    for &part in s.reference.iter().chain(&s.all_of) {
        if let Some(why) = contradiction(api, part, value, at, depth + 1) {
            return Some(why);
        }
    }
    for branches in [&s.one_of, &s.any_of] {
        let mut reasons = branches.iter().map(|&b| contradiction(api, b, value, at, depth + 1));
        if !branches.is_empty() && reasons.all(|r| r.is_some()) {
            return Some(format!("{place}: fits none of the {} alternatives", branches.len()));
        }
    }
    // Properties without a `type` still make an object to every generator.
    let implied_object = s.types.is_empty() && !s.properties.is_empty() && !value.is_object();
    if implied_object {
        return Some(format!("{place}: not an object, though the schema has properties"));
    }
    if let Some(listed) = s.enum_values.as_deref() {
        if !listed.is_empty() && !listed.iter().any(|l| same_kind(l, value)) {
            return Some(format!("{place}: {value} is not of the kind of the values the enum lists"));
        }
    }
    if !s.types.is_empty() && !s.types.iter().any(|t| t.matches(value)) {
        let kind = match value {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        };
        let wanted: Vec<String> = s.types.iter().map(|t| format!("{t:?}").to_lowercase()).collect();
        return Some(format!("{place}: {kind} where the schema says {}", wanted.join(" or ")));
    }
    match value {
        Value::String(text) => {
            let fits = match s.format.as_deref() {
                Some("date") => is_date(text),
                Some("date-time") => is_date_time(text),
                Some("uuid") => is_uuid(text),
                Some("byte") => text.bytes().all(|b| b.is_ascii_alphanumeric() || b"+/=-_\r\n".contains(&b)),
                _ => true,
            };
            (!fits).then(|| format!("{place}: {text:?} is not a {}", s.format.as_deref().unwrap_or_default()))
        }
        Value::Object(map) => {
            if let Some(missing) = s.required.iter().find(|r| !map.contains_key(*r)) {
                return Some(format!("{place}: the required property `{missing}` is missing"));
            }
            map.iter().find_map(|(k, v)| {
                let p = s.properties.get(k).copied().or(s.additional_properties)?;
                contradiction(api, p, v, &pointer::push(at, k), depth + 1)
            })
        }
        Value::Array(items) => {
            let item = s.items?;
            items.iter().enumerate().find_map(|(i, v)| contradiction(api, item, v, &format!("{at}/{i}"), depth + 1))
        }
        _ => None,
    }
}

/// Whether a schema takes `null`: itself, through what it refers to, or
/// through one of its `oneOf`/`anyOf` branches.
fn takes_null(api: &Api, id: SchemaId, depth: usize) -> bool {
    let s = api.schemas.get(id);
    depth < 16
        && (s.nullable
            || s.types.contains(JsonType::Null)
            || s.reference.is_some_and(|r| takes_null(api, r, depth + 1))
            || s.one_of.iter().chain(&s.any_of).any(|&b| takes_null(api, b, depth + 1)))
}

/// Whether two JSON values are of one kind (numbers of any sort are one).
fn same_kind(a: &Value, b: &Value) -> bool {
    std::mem::discriminant(a) == std::mem::discriminant(b)
}

fn digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// `YYYY-MM-DD`.
fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    matches!(parts.as_slice(), [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 && parts.iter().all(|p| digits(p)))
}

/// RFC 3339: a date, `T`, a time, and an offset (`Z` or `±hh:mm`).
fn is_date_time(text: &str) -> bool {
    let Some((date, time)) = text.split_once(['T', 't']) else { return false };
    let offset_at = time.rfind(['Z', 'z', '+', '-']);
    let (clock, offset) = match offset_at {
        Some(i) => time.split_at(i),
        None => return false,
    };
    let offset_fits = matches!(offset, "Z" | "z") || (offset.len() == 6 && offset.as_bytes()[3] == b':');
    let clock_fits = clock.len() >= 8 && clock.as_bytes()[2] == b':' && clock.as_bytes()[5] == b':';
    is_date(date) && offset_fits && clock_fits
}

fn is_uuid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12])
        && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_hexdigit()))
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
        let name = quote::format_ident!("{}", c.type_name);
        let ty = if c.nullable { quote!(Option<types::#name>) } else { quote!(types::#name) };
        let json = &c.json;
        let undeclared = &c.undeclared;
        let contradiction = match &c.contradiction {
            Some(why) => quote!(Some(#why)),
            None => quote!(None),
        };
        quote!((#place, check::<#ty>, #json, &[#(#undeclared),*], #contradiction),)
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
            // Compared as the JSON text it writes, which is what goes on the wire.
            let text = ::serde_json::to_string(&typed).map_err(|e| format!("does not serialize: {e}"))?;
            let back: ::serde_json::Value = ::serde_json::from_str(&text).map_err(|e| e.to_string())?;
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
            // `+hhmm` is `+hh:mm`.
            let n = t.len();
            if n > 5 && matches!(t.as_bytes()[n - 5], b'+' | b'-') && t[n - 4..].bytes().all(|b| b.is_ascii_digit()) {
                t.insert(n - 2, ':');
            }
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
            let cases: [(&str, Check, &str, &[&str], Option<&str>); #count] = [#(#rows)*];
            let (mut failed, mut faults, mut undeclared) = (0, 0, 0);
            for (place, check, json, extra, contradiction) in cases {
                match (check(json, extra), contradiction) {
                    (Ok(()), _) => undeclared += usize::from(!extra.is_empty()),
                    // The example breaks its own schema: the spec's fault.
                    (Err(why), Some(fault)) => {
                        faults += 1;
                        println!("example-contradicts-schema: {place}: {fault} (so: {why})");
                    }
                    (Err(why), None) => {
                        failed += 1;
                        println!("example-failed: {place}: {why}");
                    }
                }
            }
            let passed = cases.len() - failed - faults;
            println!("examples: {passed} passed, {failed} failed, {faults} contradict their schema, {undeclared} passed with undeclared properties left out");
            assert_eq!(failed, 0, "examples that do not round-trip are listed above");
        }
    };
    let syntax: syn::File = syn::parse2(file).expect("the examples test is valid Rust");
    crate::emit::format::unparse(&syntax)
}
