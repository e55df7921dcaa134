//! Parameters read back from the layouts OpenAPI's `style` and `explode`
//! describe: text is split per style first and decoded after, so a value
//! keeps its own commas, and each piece is read as the type its schema
//! allows (`5` as a number where the schema wants an integer).

use percent_encoding::percent_decode_str;
use serde_json::{Map, Number, Value};

use super::schema::{types, Schemas};
use specwright_core::style::Style;

/// Percent-decoded text; `+` is a space where `plus` says so (query strings).
pub(crate) fn decode(raw: &str, plus: bool) -> Result<String, String> {
    let spaced;
    let raw = if plus && raw.contains('+') {
        spaced = raw.replace('+', " ");
        spaced.as_str()
    } else {
        raw
    };
    percent_decode_str(raw).decode_utf8().map(|s| s.into_owned()).map_err(|_| "is not UTF-8 once decoded".into())
}

/// What a parameter's schema says about how to read it.
#[derive(Clone, Copy)]
pub(crate) struct Shape {
    pub schemas: Schemas,
    pub schema: Option<usize>,
}

impl Shape {
    fn types(&self) -> u8 {
        self.schema.map_or(0, |s| self.schemas.types(s))
    }

    fn is(&self, bit: u8) -> bool {
        let t = self.types();
        t & bit != 0 && t & types::STRING == 0
    }

    pub fn items(&self) -> Shape {
        Shape { schemas: self.schemas, schema: self.schema.and_then(|s| self.schemas.items(s)) }
    }

    pub fn property(&self, name: &str) -> Shape {
        Shape { schemas: self.schemas, schema: self.schema.and_then(|s| self.schemas.property(s, name)) }
    }

    pub fn is_object(&self) -> bool {
        self.is(types::OBJECT)
    }

    pub fn is_array(&self) -> bool {
        self.is(types::ARRAY)
    }

    pub fn property_names(&self) -> Vec<&'static str> {
        self.schema.map_or_else(Vec::new, |s| self.schemas.property_names(s))
    }

    /// One piece of text as the scalar its schema allows.
    pub fn scalar(&self, text: String) -> Value {
        let t = self.types();
        if t & (types::INTEGER | types::NUMBER) != 0 {
            if let Ok(i) = text.parse::<i64>() {
                return Value::Number(i.into());
            }
            if let Ok(u) = text.parse::<u64>() {
                return Value::Number(u.into());
            }
            if t & types::NUMBER != 0 {
                if let Some(n) = text.parse::<f64>().ok().and_then(Number::from_f64) {
                    return Value::Number(n);
                }
            }
        }
        if t & types::BOOLEAN != 0 && (text == "true" || text == "false") {
            return Value::Bool(text == "true");
        }
        if t & types::STRING == 0 && t & (types::OBJECT | types::ARRAY) != 0 {
            // A nested object or array has no standard layout: clients send it as JSON.
            if let Ok(v) = serde_json::from_str(&text) {
                return v;
            }
        }
        Value::String(text)
    }

    /// Raw pieces (still encoded) as an array, or as an object from
    /// alternating keys and values.
    fn list(&self, pieces: &[&str], plus: bool) -> Result<Value, String> {
        if self.is_object() {
            let mut map = Map::new();
            for pair in pieces.chunks(2) {
                let key = decode(pair[0], plus)?;
                let value = decode(pair.get(1).copied().unwrap_or(""), plus)?;
                let v = self.property(&key).scalar(value);
                map.insert(key, v);
            }
            return Ok(Value::Object(map));
        }
        let item = self.items();
        pieces.iter().map(|p| Ok(item.scalar(decode(p, plus)?))).collect::<Result<Vec<_>, String>>().map(Value::Array)
    }

    /// Raw `k=v` pieces as an object.
    fn pairs(&self, pieces: &[&str], plus: bool) -> Result<Value, String> {
        let mut map = Map::new();
        for piece in pieces {
            let (k, v) = piece.split_once('=').unwrap_or((piece, ""));
            let key = decode(k, plus)?;
            let value = self.property(&key).scalar(decode(v, plus)?);
            map.insert(key, value);
        }
        Ok(Value::Object(map))
    }

    /// Comma-separated text (`simple` style, and `form` unexploded).
    pub fn delimited(&self, raw: &str, sep: char, explode: bool, plus: bool) -> Result<Value, String> {
        if self.is_array() || self.is_object() {
            let pieces: Vec<&str> = if raw.is_empty() { Vec::new() } else { raw.split(sep).collect() };
            if self.is_object() && explode {
                return self.pairs(&pieces, plus);
            }
            return self.list(&pieces, plus);
        }
        Ok(self.scalar(decode(raw, plus)?))
    }
}

/// A path parameter from its raw (encoded) text in the path.
pub(crate) fn path(raw: &str, name: &str, style: Style, explode: bool, shape: Shape) -> Result<Value, String> {
    match style {
        Style::Label => {
            let rest = raw.strip_prefix('.').ok_or("must start with `.` (label style)")?;
            shape.delimited(rest, if explode { '.' } else { ',' }, explode, false)
        }
        Style::Matrix => {
            let rest = raw.strip_prefix(';').ok_or("must start with `;` (matrix style)")?;
            if explode && (shape.is_array() || shape.is_object()) {
                let pieces: Vec<&str> = rest.split(';').collect();
                if shape.is_object() {
                    return shape.pairs(&pieces, false);
                }
                let values: Vec<&str> = pieces.iter().map(|p| p.split_once('=').map_or("", |(_, v)| v)).collect();
                return shape.list(&values, false);
            }
            let value = match rest.split_once('=') {
                Some((key, value)) if decode(key, false)? == name => value,
                None if decode(rest, false)? == name => "",
                _ => return Err(format!("must be `;{name}=...` (matrix style)")),
            };
            shape.delimited(value, ',', false, false)
        }
        _ => shape.delimited(raw, ',', explode, false),
    }
}

/// The `(key, value)` pairs of a query string, still encoded.
pub(crate) fn query_pairs(query: &str) -> Vec<(&str, &str)> {
    query.split('&').filter(|p| !p.is_empty()).map(|p| p.split_once('=').unwrap_or((p, ""))).collect()
}

/// A query parameter from the query's pairs; `None` when it is absent.
pub(crate) fn query(
    pairs: &[(&str, &str)],
    name: &str,
    style: Style,
    explode: bool,
    shape: Shape,
) -> Result<Option<Value>, String> {
    let key_is = |k: &str, name: &str| decode(k, true).is_ok_and(|k| k == name);
    if style == Style::DeepObject {
        let mut map = Map::new();
        let mut found = false;
        for (k, v) in pairs {
            let key = decode(k, true)?;
            let Some(path) = key.strip_prefix(name).and_then(|r| r.strip_prefix('[')).and_then(|r| r.strip_suffix(']'))
            else {
                continue;
            };
            found = true;
            let keys: Vec<&str> = path.split("][").collect();
            // Each level is a nested value that checking and reading walk
            // again: a bound keeps a crafted key from exhausting the stack.
            if keys.len() > MAX_DEEP_OBJECT_DEPTH {
                return Err(format!("nests deeper than {MAX_DEEP_OBJECT_DEPTH} levels"));
            }
            insert_deep(&mut map, &keys, decode(v, true)?, shape);
        }
        return Ok(found.then_some(Value::Object(map)));
    }
    if explode && shape.is_object() {
        // Each property is a parameter of its own.
        let mut map = Map::new();
        for prop in shape.property_names() {
            if let Some((_, v)) = pairs.iter().find(|(k, _)| key_is(k, prop)) {
                map.insert(prop.to_string(), shape.property(prop).scalar(decode(v, true)?));
            }
        }
        return Ok((!map.is_empty()).then_some(Value::Object(map)));
    }
    let values: Vec<&str> = pairs.iter().filter(|(k, _)| key_is(k, name)).map(|(_, v)| *v).collect();
    if values.is_empty() {
        return Ok(None);
    }
    if shape.is_array() && explode {
        return shape.list(&values, true).map(Some);
    }
    let sep = match style {
        Style::SpaceDelimited => ' ',
        Style::PipeDelimited => '|',
        _ => ',',
    };
    let raw = values[values.len() - 1];
    if sep == ' ' && (shape.is_array() || shape.is_object()) {
        // `%20` (or a bare space) separates; `+` is a space inside an item.
        let pieces: Vec<&str> = raw.split("%20").flat_map(|p| p.split(' ')).filter(|p| !p.is_empty()).collect();
        return shape.list(&pieces, true).map(Some);
    }
    shape.delimited(raw, sep, false, true).map(Some)
}

/// How deep a `deepObject` parameter may nest (`a[b][c]` is two).
const MAX_DEEP_OBJECT_DEPTH: usize = 32;

fn insert_deep(map: &mut Map<String, Value>, keys: &[&str], value: String, shape: Shape) {
    let Some((first, rest)) = keys.split_first() else { return };
    let inner = shape.property(first);
    if rest.is_empty() {
        let v = if inner.is_array() { inner.items().scalar(value) } else { inner.scalar(value) };
        match map.get_mut(*first) {
            Some(Value::Array(items)) => items.push(v),
            Some(existing) => *existing = Value::Array(vec![existing.take(), v]),
            None if inner.is_array() => {
                map.insert(first.to_string(), Value::Array(vec![v]));
            }
            None => {
                map.insert(first.to_string(), v);
            }
        }
        return;
    }
    let entry = map.entry(first.to_string()).or_insert_with(|| Value::Object(Map::new()));
    if let Value::Object(inner_map) = entry {
        insert_deep(inner_map, rest, value, inner);
    }
}

/// A header parameter (style `simple`) from the header's text.
pub(crate) fn header(text: &str, explode: bool, shape: Shape) -> Result<Value, String> {
    if shape.is_array() || shape.is_object() {
        let pieces: Vec<&str> = text.split(',').map(str::trim).collect();
        if shape.is_object() && explode {
            let mut map = Map::new();
            for piece in pieces {
                let (k, v) = piece.split_once('=').unwrap_or((piece, ""));
                map.insert(k.to_string(), shape.property(k).scalar(v.to_string()));
            }
            return Ok(Value::Object(map));
        }
        if shape.is_object() {
            let mut map = Map::new();
            for pair in pieces.chunks(2) {
                let v = pair.get(1).copied().unwrap_or("").to_string();
                map.insert(pair[0].to_string(), shape.property(pair[0]).scalar(v));
            }
            return Ok(Value::Object(map));
        }
        let item = shape.items();
        return Ok(Value::Array(pieces.into_iter().map(|p| item.scalar(p.to_string())).collect()));
    }
    Ok(shape.scalar(text.to_string()))
}

/// A cookie's value (style `form`) from the `Cookie` header.
pub(crate) fn cookie(header: &str, name: &str, shape: Shape) -> Result<Option<Value>, String> {
    for pair in header.split(';') {
        let (k, v) = pair.trim().split_once('=').unwrap_or((pair.trim(), ""));
        if k == name {
            return shape.delimited(v, ',', false, false).map(Some);
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::super::schema::{Prepared, Schema, Schemas};
    use super::*;
    use serde_json::json;

    static TABLE: [Schema; 5] = [
        Schema { types: types::STRING, ..Schema::ANY },
        Schema { types: types::INTEGER, ..Schema::ANY },
        Schema { types: types::ARRAY, items: Some(1), ..Schema::ANY },
        Schema { types: types::OBJECT, properties: &[("R", 1), ("G", 1), ("B", 1)], ..Schema::ANY },
        Schema { types: types::ARRAY, items: Some(0), ..Schema::ANY },
    ];

    fn shape(at: usize) -> Shape {
        static PREPARED: Prepared = Prepared::new();
        Shape { schemas: Schemas { table: &TABLE, prepared: &PREPARED }, schema: Some(at) }
    }

    // The examples of the OpenAPI specification's style table, read back.
    #[test]
    fn path_styles_read_back() {
        let array = json!([1, 2, 3]);
        let object = json!({"R": 100, "G": 200, "B": 150});
        assert_eq!(path("5", "id", Style::Simple, false, shape(1)).unwrap(), json!(5));
        assert_eq!(path("1,2,3", "id", Style::Simple, false, shape(2)).unwrap(), array);
        assert_eq!(path("R,100,G,200,B,150", "c", Style::Simple, false, shape(3)).unwrap(), object);
        assert_eq!(path("R=100,G=200,B=150", "c", Style::Simple, true, shape(3)).unwrap(), object);
        assert_eq!(path(".1.2.3", "c", Style::Label, true, shape(2)).unwrap(), array);
        assert_eq!(path(";c=1,2,3", "c", Style::Matrix, false, shape(2)).unwrap(), array);
        assert_eq!(path(";c=1;c=2;c=3", "c", Style::Matrix, true, shape(2)).unwrap(), array);
        assert_eq!(path(";R=100;G=200;B=150", "c", Style::Matrix, true, shape(3)).unwrap(), object);
        assert_eq!(path("a%2Cb,c", "c", Style::Simple, false, shape(4)).unwrap(), json!(["a,b", "c"]));
        assert_eq!(path("a%2Fb", "c", Style::Simple, false, shape(0)).unwrap(), json!("a/b"));
        assert_eq!(path("x", "id", Style::Simple, false, shape(1)).unwrap(), json!("x"), "left for validation");
    }

    #[test]
    fn query_styles_read_back() {
        let q = |s: &'static str| query_pairs(s);
        let read = |s, style, explode, at| query(&q(s), "c", style, explode, shape(at)).unwrap();
        assert_eq!(read("c=1&c=2&x=9", Style::Form, true, 2), Some(json!([1, 2])));
        assert_eq!(read("c=1,2", Style::Form, false, 2), Some(json!([1, 2])));
        assert_eq!(read("c=1%202", Style::SpaceDelimited, false, 2), Some(json!([1, 2])));
        let words = query(&q("c=red%20big+one"), "c", Style::SpaceDelimited, false, shape(4)).unwrap();
        assert_eq!(words, Some(json!(["red", "big one"])));
        assert_eq!(read("c=1|2", Style::PipeDelimited, false, 2), Some(json!([1, 2])));
        assert_eq!(read("R=100&G=200&B=150", Style::Form, true, 3), Some(json!({"R": 100, "G": 200, "B": 150})));
        assert_eq!(read("c%5BR%5D=100&c[G]=200", Style::DeepObject, true, 3), Some(json!({"R": 100, "G": 200})));
        assert_eq!(read("q=a+b", Style::Form, true, 0), None);
        assert_eq!(query(&q("c=a+b%26c"), "c", Style::Form, true, shape(0)).unwrap(), Some(json!("a b&c")));
    }

    /// A crafted `deepObject` key nested thousands of levels is refused
    /// before it is built (found by reading: each level was a recursion in
    /// building, checking, reading and dropping the value).
    #[test]
    fn deep_object_nesting_is_bounded() {
        let deep = format!("c{}=1", "[a]".repeat(20_000));
        let err = query(&query_pairs(&deep), "c", Style::DeepObject, true, shape(3)).unwrap_err();
        assert!(err.contains("deeper than"), "{err}");
        let fine = format!("c{}=1", "[a]".repeat(MAX_DEEP_OBJECT_DEPTH));
        assert!(query(&query_pairs(&fine), "c", Style::DeepObject, true, shape(3)).is_ok());
    }

    #[test]
    fn headers_and_cookies_read_back() {
        assert_eq!(header("1, 2", false, shape(2)).unwrap(), json!([1, 2]));
        assert_eq!(cookie("a=1; c=7", "c", shape(1)).unwrap(), Some(json!(7)));
        assert_eq!(cookie("a=1", "c", shape(1)).unwrap(), None);
    }
}
