//! Choosing the variant of a union without a discriminator.
//!
//! Trying variants in a fixed order and taking the first that deserializes
//! loses data when an early variant has only optional properties: it
//! accepts any object and drops what it does not declare. Objects are
//! therefore tried first against the variants that declare their keys.

use serde_json::Value;

/// What a variant is known to accept: the object keys it declares, and
/// whether it keeps other keys too. Variants that are not objects declare none.
pub type Keys<'a> = (&'a [&'a str], bool);

/// The order in which to try the variants for `value`: for an object, those
/// that declare every key it has first (by how many they declare), then
/// variants that keep any object whole (declaring no keys, but open), then
/// the rest; ties, empty objects and values that are not objects keep the
/// given order (most specific first).
pub fn order(value: &Value, variants: &[Keys<'_>]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..variants.len()).collect();
    let Value::Object(map) = value else { return order };
    if map.is_empty() {
        return order;
    }
    let score = |i: usize| {
        let (keys, open) = variants[i];
        let known = map.keys().filter(|k| keys.contains(&k.as_str())).count();
        let rank = match (keys.is_empty(), open) {
            (false, _) if known > 0 && (open || known == map.len()) => 2,
            (true, true) => 1,
            _ => 0,
        };
        (rank, known)
    };
    // A stable sort: equal scores keep their order.
    order.sort_by_key(|&i| std::cmp::Reverse(score(i)));
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn objects_go_to_the_variant_that_declares_their_keys() {
        let variants: [Keys; 3] = [(&["name"], false), (&["name", "size"], false), (&[], false)];
        assert_eq!(order(&json!({"name": "a", "size": 1}), &variants), [1, 0, 2]);
        assert_eq!(order(&json!({"name": "a"}), &variants), [0, 1, 2]);
        // Nothing fits: the given order.
        assert_eq!(order(&json!({"other": 1}), &variants), [0, 1, 2]);
        assert_eq!(order(&json!("text"), &variants), [0, 1, 2]);
        // A variant that keeps extra keys fits with any of its own.
        let open: [Keys; 2] = [(&["a", "b"], false), (&["a"], true)];
        assert_eq!(order(&json!({"a": 1, "z": 2}), &open), [1, 0]);
        // Keys that no one variant declares: the variant that keeps them all.
        let pages: [Keys; 3] = [(&["last", "next"], false), (&["first", "prev"], false), (&[], true)];
        assert_eq!(order(&json!({"first": "1", "last": "9"}), &pages), [2, 0, 1]);
        assert_eq!(order(&json!({"first": "1"}), &pages), [1, 2, 0]);
    }
}
