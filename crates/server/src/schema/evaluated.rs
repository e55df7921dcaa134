//! What `unevaluatedProperties` and `unevaluatedItems` look past: the
//! properties and items that a schema, and the schemas it applies in place
//! and that match, evaluated.

use std::collections::HashSet;

use serde_json::Value;

use super::{Additional, Walk, HOPS};

/// The items an array's schema evaluated: all of them, or the first
/// `prefix` and those at `indices`.
#[derive(Default)]
pub(super) struct EvaluatedItems {
    all: bool,
    prefix: usize,
    indices: HashSet<usize>,
}

impl EvaluatedItems {
    pub(super) fn contains(&self, i: usize) -> bool {
        self.all || i < self.prefix || self.indices.contains(&i)
    }
}

impl Walk {
    /// `at` and the schemas that evaluate `value` beside it: the parts it
    /// applies in place (`$ref`, `allOf`, `dependentSchemas`), the
    /// alternatives that match and the branch `if` takes, transitively, each
    /// once. `not` evaluates nothing.
    fn in_place(&mut self, at: usize, value: &Value, hops: u32) -> Vec<usize> {
        let mut order = vec![at];
        let mut seen = HashSet::from([at]);
        let mut next = 0;
        while next < order.len() && hops > 1 {
            let s = self.get(order[next]);
            let mut reached: Vec<usize> = s.reference.iter().chain(s.all_of).copied().collect();
            for &a in s.any_of.iter().chain(s.one_of) {
                if self.matches(a, value, hops - 1) {
                    reached.push(a);
                }
            }
            if let Some((condition, then, otherwise)) = s.conditional {
                if self.matches(condition, value, hops - 1) {
                    reached.extend([condition].into_iter().chain(then));
                } else {
                    reached.extend(otherwise);
                }
            }
            if let Value::Object(map) = value {
                reached.extend(s.dependent_schemas.iter().filter(|(n, _)| map.contains_key(*n)).map(|(_, d)| *d));
            }
            for r in reached {
                if seen.insert(r) {
                    order.push(r);
                }
            }
            next += 1;
        }
        order
    }

    /// The property names of `value` that `at` and the schemas it applies
    /// in place evaluate: by `properties`, `patternProperties`,
    /// `additionalProperties` or an `unevaluatedProperties` of their own.
    pub(super) fn evaluated_properties<'v>(&mut self, at: usize, value: &'v Value, hops: u32) -> HashSet<&'v str> {
        let Value::Object(map) = value else { return HashSet::new() };
        let mut out = HashSet::new();
        for part in self.in_place(at, value, hops) {
            let s = self.get(part);
            if matches!(s.additional, Additional::Schema(_)) || (part != at && s.unevaluated_properties.is_some()) {
                return map.keys().map(String::as_str).collect();
            }
            for name in map.keys() {
                if s.properties.iter().any(|(n, _)| n == name) || self.schemas.patterned(part, name).next().is_some() {
                    out.insert(name.as_str());
                }
            }
        }
        out
    }

    /// The items of `value` that `at` and the schemas it applies in place
    /// evaluate: by `prefixItems`, `items`, `contains` or an
    /// `unevaluatedItems` of their own.
    pub(super) fn evaluated_items(&mut self, at: usize, value: &Value, hops: u32) -> EvaluatedItems {
        let Value::Array(items) = value else { return EvaluatedItems::default() };
        let mut out = EvaluatedItems::default();
        for part in self.in_place(at, value, hops) {
            let s = self.get(part);
            if s.items.is_some() || (part != at && s.unevaluated_items.is_some()) {
                out.all = true;
                return out;
            }
            out.prefix = out.prefix.max(s.prefix_items.len());
            if let Some(wanted) = s.contains {
                out.indices.extend((0..items.len()).filter(|&i| self.matches(wanted, &items[i], HOPS)));
            }
        }
        out
    }
}
