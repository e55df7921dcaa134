use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::ParseError;
use crate::source::SourceFile;

pub(super) fn parse(file: &SourceFile, text: &str) -> Result<Value, ParseError> {
    let offset = file.text.len() - text.len();
    let mut de = serde_json::Deserializer::from_str(text);
    let value = Strict.deserialize(&mut de).and_then(|v| de.end().map(|()| v));
    value.map_err(|e| {
        // serde_json counts the column in bytes, from 1; 0 means "at the line's end".
        let line = e.line().max(1);
        let pos = file.pos_at(line_offset(text, line) + offset + e.column().saturating_sub(1));
        ParseError { message: bare_message(&e), pos }
    })
}

fn line_offset(text: &str, line: usize) -> usize {
    if line <= 1 {
        return 0;
    }
    text.match_indices('\n').nth(line - 2).map_or(text.len(), |(i, _)| i + 1)
}

/// serde_json's message without the " at line L column C" it appends.
fn bare_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    match full.rfind(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full,
    }
}

/// Deserializes a `Value`, refusing duplicate keys (which `Value` would drop silently).
struct Strict;

impl<'de> DeserializeSeed<'de> for Strict {
    type Value = Value;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(StrictVisitor)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(v.into())
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(v.into())
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(item) = seq.next_element_seed(Strict)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            // Checked before the value is read, so the error points at the key.
            match out.entry(key) {
                serde_json::map::Entry::Occupied(e) => {
                    return Err(de::Error::custom(format_args!("duplicate key `{}`", e.key())));
                }
                serde_json::map::Entry::Vacant(slot) => {
                    slot.insert(map.next_value_seed(Strict)?);
                }
            }
        }
        Ok(Value::Object(out))
    }
}

#[cfg(test)]
mod tests {
    use crate::parse::parse;
    use crate::source::{Format, SourceFile};

    fn json(text: &str) -> Result<serde_json::Value, crate::parse::ParseError> {
        parse(&SourceFile::new("t.json".into(), None, text.into(), Format::Json)).map(|p| p.value)
    }

    #[test]
    fn duplicate_keys_are_refused_on_their_line() {
        let e = json("{\n  \"a\": 1,\n  \"a\": 2\n}").unwrap_err();
        assert!(e.message.contains("duplicate key `a`"), "{}", e.message);
        assert_eq!(e.pos.line, 3);
    }

    #[test]
    fn syntax_errors_name_line_and_column() {
        let e = json("{\n  \"a\": [1 2]\n}").unwrap_err();
        assert_eq!((e.pos.line, e.pos.column), (2, 11), "{}", e.message);
    }

    #[test]
    fn deep_nesting_is_refused_without_overflow() {
        let text = "[".repeat(100_000);
        let e = json(&text).unwrap_err();
        assert!(e.message.contains("recursion limit"), "{}", e.message);
    }

    #[test]
    fn keys_keep_document_order() {
        let v = json(r#"{"z":1,"a":2}"#).unwrap();
        assert_eq!(v.as_object().unwrap().keys().collect::<Vec<_>>(), ["z", "a"]);
    }
}
