//! JSON Schema's equality of values (numbers by value, so `1` and `1.0` are
//! one value; objects whatever their key order), and finding a duplicate
//! among an array's items in time linear in their size.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hash, Hasher};

use serde_json::{Number, Value};

/// Whether two values are equal as JSON Schema's `enum`, `const` and
/// `uniqueItems` compare them.
pub(crate) fn json_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => number_eq(x, y),
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| json_eq(a, b)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, a)| y.get(k).is_some_and(|b| json_eq(a, b)))
        }
        _ => a == b,
    }
}

/// A number as an exact integer, where it is one (a float with no fraction
/// counts), so that equal numbers compare and hash alike.
fn integer(n: &Number) -> Option<i128> {
    if let Some(i) = n.as_i64() {
        return Some(i.into());
    }
    if let Some(u) = n.as_u64() {
        return Some(u.into());
    }
    let f = n.as_f64()?;
    // Past 2^127 no float is an i128; below it, `as` is exact for integral floats.
    (f.fract() == 0.0 && f.abs() < 1.7e38).then_some(f as i128)
}

fn number_eq(x: &Number, y: &Number) -> bool {
    match (integer(x), integer(y)) {
        (Some(a), Some(b)) => a == b,
        (None, None) => x.as_f64() == y.as_f64(),
        _ => false,
    }
}

/// A hash that agrees with [`json_eq`]: equal values hash alike.
fn json_hash(value: &Value, keys: &impl BuildHasher, state: &mut impl Hasher) {
    match value {
        Value::Null => state.write_u8(0),
        Value::Bool(b) => {
            state.write_u8(1);
            b.hash(state);
        }
        Value::Number(n) => match integer(n) {
            Some(i) => {
                state.write_u8(2);
                i.hash(state);
            }
            None => {
                state.write_u8(3);
                // -0.0 has a fraction of -0.0 and is the integer 0, so it never gets here.
                n.as_f64().unwrap_or(0.0).to_bits().hash(state);
            }
        },
        Value::String(s) => {
            state.write_u8(4);
            s.hash(state);
        }
        Value::Array(items) => {
            state.write_u8(5);
            state.write_usize(items.len());
            for item in items {
                json_hash(item, keys, state);
            }
        }
        Value::Object(map) => {
            state.write_u8(6);
            state.write_usize(map.len());
            // Key order is not part of an object: each entry hashes on its
            // own and the sum does not depend on their order.
            let mut sum = 0u64;
            for (k, v) in map {
                let mut entry = keys.build_hasher();
                k.hash(&mut entry);
                json_hash(v, keys, &mut entry);
                sum = sum.wrapping_add(entry.finish());
            }
            state.write_u64(sum);
        }
    }
}

/// Whether two of the items are equal: each is added to a [`ValueSet`] once,
/// so the work is linear in the size of the array, where comparing every
/// pair took minutes for a body of two megabytes.
pub(crate) fn has_duplicates(items: &[Value]) -> bool {
    let mut seen = ValueSet::default();
    !items.iter().all(|item| seen.insert(item))
}

/// A set of values by JSON Schema's equality, for `enum`, `const` and
/// `uniqueItems`: each value is hashed once, with keys a sender cannot know
/// (so no one can craft collisions), and only values that share a hash are
/// compared. Holds values or references to them.
#[derive(Debug)]
pub(crate) struct ValueSet<V = Value> {
    keys: std::collections::hash_map::RandomState,
    by_hash: HashMap<u64, Vec<V>>,
}

impl<V> Default for ValueSet<V> {
    fn default() -> Self {
        ValueSet { keys: Default::default(), by_hash: HashMap::new() }
    }
}

impl<V: Borrow<Value>> ValueSet<V> {
    pub(crate) fn new(values: impl IntoIterator<Item = V>) -> ValueSet<V> {
        let mut set = ValueSet::default();
        for value in values {
            set.insert(value);
        }
        set
    }

    /// Adds a value; `false` when an equal one is there already.
    pub(crate) fn insert(&mut self, value: V) -> bool {
        let same = self.by_hash.entry(hash(&self.keys, value.borrow())).or_default();
        if same.iter().any(|v| json_eq(v.borrow(), value.borrow())) {
            return false;
        }
        same.push(value);
        true
    }

    pub(crate) fn contains(&self, value: &Value) -> bool {
        let same = self.by_hash.get(&hash(&self.keys, value));
        same.is_some_and(|same| same.iter().any(|v| json_eq(v.borrow(), value)))
    }
}

fn hash(keys: &impl BuildHasher, value: &Value) -> u64 {
    let mut state = keys.build_hasher();
    json_hash(value, keys, &mut state);
    state.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn numbers_are_equal_by_value_and_objects_whatever_their_order() {
        assert!(json_eq(&json!(1), &json!(1.0)));
        assert!(json_eq(&json!(-0.0), &json!(0)));
        assert!(!json_eq(&json!(1), &json!(1.5)));
        assert!(!json_eq(&json!(u64::MAX), &json!(-1)));
        assert!(!json_eq(&json!(9007199254740993u64), &json!(9007199254740992.0)));
        assert!(json_eq(&json!({"a": 1, "b": [1.0]}), &json!({"b": [1], "a": 1.0})));
        assert!(!json_eq(&json!({"a": 1}), &json!({"a": 1, "b": 2})));
        assert!(!json_eq(&json!("1"), &json!(1)));
    }

    #[test]
    fn duplicates_are_found_as_json_schema_counts_them() {
        assert!(has_duplicates(&[json!(1), json!(2), json!(1.0)]));
        assert!(has_duplicates(&[json!({"a": 1, "b": 2}), json!({"b": 2, "a": 1})]));
        assert!(!has_duplicates(&[json!(1), json!("1"), json!([1]), json!({"1": 1}), json!(null), json!(true)]));
        assert!(!has_duplicates(&[json!([1, 2]), json!([2, 1])]));
        let distinct: Vec<Value> = (0..100_000).map(|i| json!(i)).collect();
        assert!(!has_duplicates(&distinct));
    }

    #[test]
    fn a_value_set_finds_values_by_json_equality() {
        let set = ValueSet::new([json!(1), json!("a"), json!({"x": [1.0]})]);
        assert!(set.contains(&json!(1.0)) && set.contains(&json!("a")) && set.contains(&json!({"x": [1]})));
        assert!(!set.contains(&json!(2)) && !set.contains(&json!("b")) && !set.contains(&json!(null)));
    }
}
