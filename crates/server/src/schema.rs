//! Request validation against the spec's schemas, kept by a generated
//! server as a static table: every constraint of a parameter or body is
//! checked, and every failure is reported with the JSON pointer of the
//! value that broke it.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use regex::Regex;
use serde_json::Value;

use super::equality::{has_duplicates, ValueSet};

mod evaluated;

/// The JSON types a schema allows, as bits; a schema with none allows any.
pub mod types {
    pub const NULL: u8 = 1;
    pub const BOOLEAN: u8 = 2;
    pub const OBJECT: u8 = 4;
    pub const ARRAY: u8 = 8;
    pub const NUMBER: u8 = 16;
    pub const STRING: u8 = 32;
    pub const INTEGER: u8 = 64;
}

/// The formats whose values are checked; others are annotations only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    None,
    Int32,
    Int64,
    Date,
    DateTime,
    Uuid,
    Email,
    Uri,
    Ipv4,
    Ipv6,
    Byte,
}

/// What an object allows besides its declared properties.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Additional {
    Any,
    Nothing,
    Schema(usize),
}

/// One schema of the table; other schemas are named by their index.
/// Generated tables write only what a schema has, over [`Schema::ANY`].
#[derive(Debug)]
pub struct Schema {
    /// `false` as a schema.
    pub nothing: bool,
    /// A `$ref` with keywords beside it: the value must match it too.
    pub reference: Option<usize>,
    pub types: u8,
    pub format: Format,
    /// The allowed values, as JSON text.
    pub enumeration: &'static [&'static str],
    pub minimum: Option<f64>,
    pub maximum: Option<f64>,
    pub exclusive_minimum: Option<f64>,
    pub exclusive_maximum: Option<f64>,
    pub multiple_of: Option<f64>,
    pub min_length: Option<u64>,
    pub max_length: Option<u64>,
    pub pattern: Option<&'static str>,
    pub items: Option<usize>,
    /// Schemas for the first items, one each; `items` is for those after.
    pub prefix_items: &'static [usize],
    /// At least one item must match this (`min_contains` of them, when given,
    /// and no more than `max_contains`).
    pub contains: Option<usize>,
    pub min_contains: Option<u64>,
    pub max_contains: Option<u64>,
    pub min_items: Option<u64>,
    pub max_items: Option<u64>,
    pub unique_items: bool,
    /// The schema of items no other keyword looked at (see [`Schema::unevaluated_properties`]).
    pub unevaluated_items: Option<usize>,
    pub properties: &'static [(&'static str, usize)],
    /// Properties whose names match a pattern, with their schema.
    pub pattern_properties: &'static [(&'static str, usize)],
    /// Every property name must match this.
    pub property_names: Option<usize>,
    pub required: &'static [&'static str],
    /// Properties that require others when present.
    pub dependent_required: &'static [(&'static str, &'static [&'static str])],
    /// Properties that, when present, make the whole object match a schema.
    pub dependent_schemas: &'static [(&'static str, usize)],
    /// The schema of properties that no other keyword of this schema looked
    /// at, nor any part it applies in place and that matches (`$ref`,
    /// `allOf`, a matching alternative, the branch `if` takes).
    pub unevaluated_properties: Option<usize>,
    pub additional: Additional,
    pub min_properties: Option<u64>,
    pub max_properties: Option<u64>,
    pub all_of: &'static [usize],
    pub any_of: &'static [usize],
    /// Checked as `anyOf`: real specs' alternatives often overlap, and a
    /// request that fits two of them is not one to refuse.
    pub one_of: &'static [usize],
    pub not: Option<usize>,
    /// `if`, `then` and `else`.
    pub conditional: Option<(usize, Option<usize>, Option<usize>)>,
}

/// What each schema of a table prepares on first use: its pattern and its
/// enumeration. It lives beside the table, which stays plain data.
#[derive(Debug)]
pub struct Prepared {
    schemas: OnceLock<Vec<Compiled>>,
}

impl Prepared {
    pub const fn new() -> Prepared {
        Prepared { schemas: OnceLock::new() }
    }
}

impl Default for Prepared {
    fn default() -> Self {
        Prepared::new()
    }
}

#[derive(Debug, Default)]
struct Compiled {
    pattern: OnceLock<Option<Regex>>,
    enumeration: OnceLock<ValueSet>,
    /// One per `pattern_properties` entry; `None` where it does not compile.
    property_patterns: OnceLock<Vec<Option<Regex>>>,
    /// The schema and its `$ref` and `allOf` parts, transitively, each once.
    parts: OnceLock<Vec<usize>>,
}

impl Schema {
    /// The schema that allows everything.
    pub const ANY: Schema = Schema {
        nothing: false,
        reference: None,
        types: 0,
        format: Format::None,
        enumeration: &[],
        minimum: None,
        maximum: None,
        exclusive_minimum: None,
        exclusive_maximum: None,
        multiple_of: None,
        min_length: None,
        max_length: None,
        pattern: None,
        items: None,
        prefix_items: &[],
        contains: None,
        min_contains: None,
        max_contains: None,
        min_items: None,
        max_items: None,
        unique_items: false,
        unevaluated_items: None,
        properties: &[],
        pattern_properties: &[],
        property_names: None,
        required: &[],
        dependent_required: &[],
        dependent_schemas: &[],
        unevaluated_properties: None,
        additional: Additional::Any,
        min_properties: None,
        max_properties: None,
        all_of: &[],
        any_of: &[],
        one_of: &[],
        not: None,
        conditional: None,
    };
}

/// The table of a generated server, with the helpers that read it.
#[derive(Clone, Copy, Debug)]
pub struct Schemas {
    pub table: &'static [Schema],
    pub prepared: &'static Prepared,
}

/// How far alternatives, `not` and `if` are followed on one value without
/// reaching a value deeper down: a spec whose alternatives name each other
/// in a loop ends here.
const HOPS: u32 = 32;

impl Schemas {
    fn get(&self, at: usize) -> &'static Schema {
        &self.table[at]
    }

    fn compiled(&self, at: usize) -> &'static Compiled {
        let all = self.prepared.schemas.get_or_init(|| self.table.iter().map(|_| Compiled::default()).collect());
        &all[at]
    }

    /// The pattern as a regex, compiled once; `None` where it is not one
    /// Rust's regex engine takes (look-around, back-references) or where it
    /// would compile past [`REGEX_SIZE_LIMIT`], which leaves it unchecked.
    fn regex(&self, at: usize) -> Option<&'static Regex> {
        let pattern = self.get(at).pattern?;
        self.compiled(at).pattern.get_or_init(|| bounded_regex(pattern)).as_ref()
    }

    /// The schemas of the `pattern_properties` whose pattern `name` matches.
    fn patterned(&self, at: usize, name: &str) -> impl Iterator<Item = usize> + '_ {
        let s = self.get(at);
        let regexes = self
            .compiled(at)
            .property_patterns
            .get_or_init(|| s.pattern_properties.iter().map(|(p, _)| bounded_regex(p)).collect());
        let name = name.to_string();
        s.pattern_properties
            .iter()
            .zip(regexes)
            .filter(move |(_, re)| re.as_ref().is_some_and(|re| re.is_match(&name)))
            .map(|((_, schema), _)| *schema)
    }

    fn allowed(&self, at: usize) -> &'static ValueSet {
        let texts = self.get(at).enumeration;
        self.compiled(at)
            .enumeration
            .get_or_init(|| ValueSet::new(texts.iter().filter_map(|text| serde_json::from_str(text).ok())))
    }

    /// The schemas a value must match when it matches `at`: `at` itself,
    /// then its `$ref` and `allOf` parts, transitively, each once. Worked out
    /// once per schema: walked afresh, parts that share parts (or name
    /// themselves) would be met once per path, and paths double with each
    /// level of a spec's `allOf`s.
    fn parts(&self, at: usize) -> &'static [usize] {
        self.compiled(at).parts.get_or_init(|| {
            let mut order = vec![at];
            let mut seen = HashSet::from([at]);
            let mut next = 0;
            while next < order.len() {
                let s = self.get(order[next]);
                for &p in s.reference.iter().chain(s.all_of) {
                    if seen.insert(p) {
                        order.push(p);
                    }
                }
                next += 1;
            }
            order
        })
    }

    /// `visit` for `at` and each of its parts.
    fn each_part(&self, at: usize, visit: &mut impl FnMut(&'static Schema)) {
        for &p in self.parts(at) {
            visit(self.get(p));
        }
    }

    /// The types `at` allows, with its parts'; 0 for any.
    pub fn types(&self, at: usize) -> u8 {
        let mut out = u8::MAX;
        self.each_part(at, &mut |s| {
            if s.types != 0 {
                out &= s.types;
            }
        });
        if out == u8::MAX {
            0
        } else {
            out
        }
    }

    /// The schema of an array's items.
    pub fn items(&self, at: usize) -> Option<usize> {
        let mut out = None;
        self.each_part(at, &mut |s| out = out.or(s.items));
        out
    }

    /// The schema of an object's property `name`.
    pub fn property(&self, at: usize, name: &str) -> Option<usize> {
        let mut out = None;
        self.each_part(at, &mut |s| {
            out = out.or_else(|| s.properties.iter().find(|(n, _)| *n == name).map(|(_, p)| *p))
        });
        out.or_else(|| {
            let mut additional = None;
            self.each_part(at, &mut |s| {
                if let Additional::Schema(p) = s.additional {
                    additional = additional.or(Some(p));
                }
            });
            additional
        })
    }

    /// The names of an object's declared properties.
    pub fn property_names(&self, at: usize) -> Vec<&'static str> {
        let mut out = Vec::new();
        self.each_part(at, &mut |s| out.extend(s.properties.iter().map(|(n, _)| *n)));
        out
    }

    /// Checks `value` against schema `at`; each failure is pushed with the
    /// pointer of the value that broke it, under `pointer`, up to
    /// [`MAX_FAILURES`] of them.
    ///
    /// The work is linear in the size of the value (times the size of the
    /// schemas): whether a value matches a schema is worked out once for each
    /// pair, so alternatives (`anyOf`, `oneOf`, `not`, `if`) nested in
    /// alternatives cost no more than the values they reach. Without that, a
    /// body of a few hundred bytes could keep a server busy for ever.
    pub fn validate(&self, at: usize, value: &Value, pointer: &mut String, out: &mut Vec<(String, String)>) {
        Walk::new(*self).check(at, value, pointer, out, HOPS, Depth::Deep);
    }
}

/// The failures one request may report: past this many, what to fix is
/// clear, and a list of a million costs memory to build and send.
pub const MAX_FAILURES: usize = 100;

/// How far a check goes below a value that fails to match.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Depth {
    /// Every failure, at the pointer of the value that broke it.
    Deep,
    /// The value's own keywords, and for each value inside it only whether it
    /// matches: how close an alternative comes, and whether a value matches.
    Shallow,
}

/// One validation: the schemas, and which (schema, value) pairs are known to
/// match or not, by the value's address (values do not move while checked).
struct Walk {
    schemas: Schemas,
    /// Keyed by addresses and indices, which a sender does not choose: a
    /// fast hash needs no random keys here.
    matched: HashMap<(usize, usize, u32), bool, foldhash::fast::FixedState>,
    /// The (schema, container) pairs already checked in full: two ways to
    /// the same pair (an alternative and an `if`, two `allOf` parts) would
    /// otherwise double the work at every level of nesting, and could only
    /// repeat the same failures.
    reported: HashSet<(usize, usize, u32), foldhash::fast::FixedState>,
}

impl Walk {
    fn new(schemas: Schemas) -> Walk {
        Walk { schemas, matched: HashMap::default(), reported: Default::default() }
    }

    fn get(&self, at: usize) -> &'static Schema {
        self.schemas.get(at)
    }

    /// Whether `value` matches schema `at`, worked out once per pair.
    fn matches(&mut self, at: usize, value: &Value, hops: u32) -> bool {
        // A scalar holds nothing to walk again: checked afresh, it costs no
        // more than a lookup, and the table stays as small as the containers.
        if !value.is_array() && !value.is_object() {
            let mut failures = Vec::new();
            self.check(at, value, &mut String::new(), &mut failures, hops, Depth::Shallow);
            return failures.is_empty();
        }
        let key = (at, value as *const Value as usize, hops);
        if let Some(&known) = self.matched.get(&key) {
            return known;
        }
        let mut failures = Vec::new();
        self.check(at, value, &mut String::new(), &mut failures, hops, Depth::Shallow);
        let fits = failures.is_empty();
        self.matched.insert(key, fits);
        fits
    }

    /// A value inside the one being checked: checked in full, or (shallow)
    /// only whether it matches.
    fn inner(&mut self, at: usize, value: &Value, pointer: &mut String, out: &mut Vec<(String, String)>, depth: Depth) {
        match depth {
            // A container that matches has nothing to report: the pair is
            // worked out once, and the full walk goes only where it fails.
            Depth::Deep if (value.is_array() || value.is_object()) && self.matches(at, value, HOPS) => {}
            Depth::Deep => self.check(at, value, pointer, out, HOPS, depth),
            Depth::Shallow => {
                if !self.matches(at, value, HOPS) {
                    push(out, pointer, "does not match its schema".into());
                }
            }
        }
    }

    fn check(
        &mut self,
        at: usize,
        value: &Value,
        pointer: &mut String,
        out: &mut Vec<(String, String)>,
        hops: u32,
        depth: Depth,
    ) {
        if depth == Depth::Deep {
            if out.len() >= MAX_FAILURES {
                return;
            }
            let container = value.is_array() || value.is_object();
            if container && !self.reported.insert((at, value as *const Value as usize, hops)) {
                return;
            }
        }
        if hops == 0 {
            return;
        }
        for &part in self.schemas.parts(at) {
            // A value of the wrong type says so once, not once per part.
            if !self.check_own(part, value, pointer, out, hops, depth) {
                return;
            }
        }
    }

    /// Checks the keywords of `at` itself (its parts are checked beside it,
    /// by `check`); `false` when the value is not of a type it allows.
    fn check_own(
        &mut self,
        at: usize,
        value: &Value,
        pointer: &mut String,
        out: &mut Vec<(String, String)>,
        hops: u32,
        depth: Depth,
    ) -> bool {
        let s = self.get(at);
        if s.nothing {
            push(out, pointer, "no value is allowed here".into());
            return false;
        }
        if s.types != 0 && !type_ok(s.types, value) {
            push(out, pointer, format!("expected {}, found {}", type_names(s.types), kind(value)));
            return false;
        }
        if !s.enumeration.is_empty() && !self.schemas.allowed(at).contains(value) {
            push(out, pointer, format!("must be one of {}", s.enumeration.join(", ")));
        }
        match value {
            Value::Number(n) => {
                let x = n.as_f64().unwrap_or(0.0);
                if let Some(why) = number(s, x, n) {
                    push(out, pointer, why);
                }
            }
            Value::String(text) => {
                let len = text.chars().count() as u64;
                if s.min_length.is_some_and(|m| len < m) {
                    push(out, pointer, format!("must be at least {} characters long", s.min_length.unwrap_or(0)));
                }
                if s.max_length.is_some_and(|m| len > m) {
                    push(out, pointer, format!("must be at most {} characters long", s.max_length.unwrap_or(0)));
                }
                if let Some(re) = self.schemas.regex(at) {
                    if !re.is_match(text) {
                        push(out, pointer, format!("must match the pattern {}", s.pattern.unwrap_or("")));
                    }
                }
                if let Some(why) = string_format(s.format, text) {
                    push(out, pointer, why);
                }
            }
            Value::Array(items) => {
                let n = items.len() as u64;
                if s.min_items.is_some_and(|m| n < m) {
                    push(out, pointer, format!("must have at least {} items", s.min_items.unwrap_or(0)));
                }
                if s.max_items.is_some_and(|m| n > m) {
                    push(out, pointer, format!("must have at most {} items", s.max_items.unwrap_or(0)));
                }
                if s.unique_items && has_duplicates(items) {
                    push(out, pointer, "items must be unique".into());
                }
                for (i, v) in items.iter().enumerate() {
                    let Some(item) = s.prefix_items.get(i).copied().or(s.items) else { continue };
                    let len = pointer.len();
                    pointer.push('/');
                    pointer.push_str(&i.to_string());
                    self.inner(item, v, pointer, out, depth);
                    pointer.truncate(len);
                }
                if let Some(wanted) = s.contains {
                    // Counting stops as soon as the count settles both bounds.
                    let least = s.min_contains.unwrap_or(1);
                    let enough = s.max_contains.map_or(least, |most| most.saturating_add(1).max(least));
                    let found = items
                        .iter()
                        .filter(|v| self.matches(wanted, v, HOPS))
                        .take(usize::try_from(enough).unwrap_or(usize::MAX))
                        .count() as u64;
                    match (least, s.max_contains) {
                        (1, _) if found == 0 => {
                            push(out, pointer, "must have an item that matches the schema for `contains`".into())
                        }
                        (least, _) if found < least => push(
                            out,
                            pointer,
                            format!("must have at least {least} items that match the schema for `contains`"),
                        ),
                        (_, Some(most)) if found > most => push(
                            out,
                            pointer,
                            format!("must have at most {most} items that match the schema for `contains`"),
                        ),
                        _ => {}
                    }
                }
                if let Some(rest) = s.unevaluated_items {
                    let evaluated = self.evaluated_items(at, value, hops);
                    for (i, v) in items.iter().enumerate().filter(|(i, _)| !evaluated.contains(*i)) {
                        let len = pointer.len();
                        pointer.push('/');
                        pointer.push_str(&i.to_string());
                        if self.get(rest).nothing {
                            push(out, pointer, "is an item this array does not allow".into());
                        } else {
                            self.inner(rest, v, pointer, out, depth);
                        }
                        pointer.truncate(len);
                    }
                }
            }
            Value::Object(map) => {
                let n = map.len() as u64;
                if s.min_properties.is_some_and(|m| n < m) {
                    push(out, pointer, format!("must have at least {} properties", s.min_properties.unwrap_or(0)));
                }
                if s.max_properties.is_some_and(|m| n > m) {
                    push(out, pointer, format!("must have at most {} properties", s.max_properties.unwrap_or(0)));
                }
                for name in s.required {
                    if !map.contains_key(*name) {
                        let len = pointer.len();
                        push_token(pointer, name);
                        push(out, pointer, "is required".into());
                        pointer.truncate(len);
                    }
                }
                for (name, needs) in s.dependent_required {
                    if map.contains_key(*name) {
                        for needed in needs.iter().filter(|n| !map.contains_key(**n)) {
                            let len = pointer.len();
                            push_token(pointer, needed);
                            push(out, pointer, format!("is required when `{name}` is present"));
                            pointer.truncate(len);
                        }
                    }
                }
                for (name, v) in map {
                    if let Some(names) = s.property_names {
                        // A fresh walk: the name is a value of its own, made here,
                        // and another may later have its address.
                        let fresh = &mut Walk::new(self.schemas);
                        if !fresh.matches(names, &Value::String(name.clone()), HOPS) {
                            let len = pointer.len();
                            push_token(pointer, name);
                            push(out, pointer, "is not a property name this object allows".into());
                            pointer.truncate(len);
                        }
                    }
                    let mut patterned = false;
                    if !s.pattern_properties.is_empty() {
                        for schema in self.schemas.patterned(at, name).collect::<Vec<_>>() {
                            patterned = true;
                            let len = pointer.len();
                            push_token(pointer, name);
                            self.inner(schema, v, pointer, out, depth);
                            pointer.truncate(len);
                        }
                    }
                    let declared = s.properties.iter().find(|(n, _)| n == name).map(|(_, p)| *p);
                    if declared.is_none() && patterned {
                        continue;
                    }
                    let schema = match (declared, s.additional) {
                        (Some(p), _) | (None, Additional::Schema(p)) => p,
                        (None, Additional::Any) => continue,
                        (None, Additional::Nothing) => {
                            let len = pointer.len();
                            push_token(pointer, name);
                            push(out, pointer, "is not a property this object has".into());
                            pointer.truncate(len);
                            continue;
                        }
                    };
                    let len = pointer.len();
                    push_token(pointer, name);
                    self.inner(schema, v, pointer, out, depth);
                    pointer.truncate(len);
                }
                for (name, dependent) in s.dependent_schemas {
                    if map.contains_key(*name) {
                        self.check(*dependent, value, pointer, out, hops - 1, depth);
                    }
                }
                if let Some(rest) = s.unevaluated_properties {
                    let evaluated = self.evaluated_properties(at, value, hops);
                    for (name, v) in map.iter().filter(|(name, _)| !evaluated.contains(name.as_str())) {
                        let len = pointer.len();
                        push_token(pointer, name);
                        if self.get(rest).nothing {
                            push(out, pointer, "is not a property this object has".into());
                        } else {
                            self.inner(rest, v, pointer, out, depth);
                        }
                        pointer.truncate(len);
                    }
                }
            }
            Value::Null | Value::Bool(_) => {}
        }
        for alternatives in [s.any_of, s.one_of] {
            if alternatives.is_empty() || alternatives.iter().any(|&a| self.matches(a, value, hops - 1)) {
                continue;
            }
            if depth == Depth::Shallow {
                push(out, pointer, "matches none of the alternatives".into());
                continue;
            }
            // None matches: the failures of the closest one (the fewest
            // failures of its own) say best what to fix, and only its are
            // worked out in full.
            let mut closest = (usize::MAX, 0);
            for (position, &a) in alternatives.iter().enumerate() {
                let mut failures = Vec::new();
                self.check(a, value, pointer, &mut failures, hops - 1, Depth::Shallow);
                closest = closest.min((failures.len(), position));
            }
            self.check(alternatives[closest.1], value, pointer, out, hops - 1, Depth::Deep);
        }
        if s.not.is_some_and(|n| self.matches(n, value, hops - 1)) {
            push(out, pointer, "matches a schema it must not".into());
        }
        if let Some((condition, then, otherwise)) = s.conditional {
            let branch = if self.matches(condition, value, hops - 1) { then } else { otherwise };
            if let Some(branch) = branch {
                self.check(branch, value, pointer, out, hops - 1, depth);
            }
        }
        true
    }
}

fn push(out: &mut Vec<(String, String)>, pointer: &str, why: String) {
    if out.len() < MAX_FAILURES {
        out.push((pointer.to_string(), why));
    }
}

/// A JSON pointer token for `name` (RFC 6901: `~` and `/` escaped).
fn push_token(pointer: &mut String, name: &str) {
    pointer.push('/');
    for c in name.chars() {
        match c {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            c => pointer.push(c),
        }
    }
}

fn type_ok(allowed: u8, value: &Value) -> bool {
    let bit = match value {
        Value::Null => types::NULL,
        Value::Bool(_) => types::BOOLEAN,
        Value::Object(_) => types::OBJECT,
        Value::Array(_) => types::ARRAY,
        Value::String(_) => types::STRING,
        Value::Number(n) => {
            let integral = n.is_i64() || n.is_u64() || n.as_f64().is_some_and(|x| x.fract() == 0.0);
            return allowed & types::NUMBER != 0 || (integral && allowed & types::INTEGER != 0);
        }
    };
    allowed & bit != 0
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Object(_) => "an object",
        Value::Array(_) => "an array",
        Value::String(_) => "a string",
        Value::Number(_) => "a number",
    }
}

fn type_names(bits: u8) -> String {
    let names = [
        (types::OBJECT, "an object"),
        (types::ARRAY, "an array"),
        (types::STRING, "a string"),
        (types::INTEGER, "an integer"),
        (types::NUMBER, "a number"),
        (types::BOOLEAN, "a boolean"),
        (types::NULL, "null"),
    ];
    names.iter().filter(|(b, _)| bits & b != 0).map(|(_, n)| *n).collect::<Vec<_>>().join(" or ")
}

fn number(s: &Schema, x: f64, n: &serde_json::Number) -> Option<String> {
    if s.minimum.is_some_and(|m| x < m) {
        return Some(format!("must be at least {}", s.minimum.unwrap_or(0.0)));
    }
    if s.maximum.is_some_and(|m| x > m) {
        return Some(format!("must be at most {}", s.maximum.unwrap_or(0.0)));
    }
    if s.exclusive_minimum.is_some_and(|m| x <= m) {
        return Some(format!("must be more than {}", s.exclusive_minimum.unwrap_or(0.0)));
    }
    if s.exclusive_maximum.is_some_and(|m| x >= m) {
        return Some(format!("must be less than {}", s.exclusive_maximum.unwrap_or(0.0)));
    }
    if let Some(m) = s.multiple_of.filter(|m| *m > 0.0) {
        let q = x / m;
        // A quotient past what f64 holds is no whole number either.
        if !q.is_finite() || (q - q.round()).abs() > 1e-9 * q.abs().max(1.0) {
            return Some(format!("must be a multiple of {m}"));
        }
    }
    let fits = |lo: i64, hi: i64| n.as_i64().is_some_and(|i| (lo..=hi).contains(&i));
    match s.format {
        Format::Int32 if !fits(i32::MIN.into(), i32::MAX.into()) && (n.is_i64() || n.is_u64()) => {
            Some("must fit in 32 bits".into())
        }
        Format::Int64 if n.is_u64() && n.as_i64().is_none() => Some("must fit in 64 bits".into()),
        _ => None,
    }
}

fn string_format(format: Format, text: &str) -> Option<String> {
    let ok = match format {
        Format::Date => chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok(),
        Format::DateTime => chrono::DateTime::parse_from_rfc3339(text).is_ok(),
        Format::Uuid => uuid::Uuid::try_parse(text).is_ok(),
        Format::Email => text.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty() && !domain.is_empty() && !text.chars().any(char::is_whitespace)
        }),
        Format::Uri => {
            text.split_once(':').is_some_and(|(scheme, _)| {
                scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                    && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
            }) && !text.chars().any(char::is_whitespace)
        }
        Format::Ipv4 => text.parse::<std::net::Ipv4Addr>().is_ok(),
        Format::Ipv6 => text.parse::<std::net::Ipv6Addr>().is_ok(),
        Format::Byte => specwright_core::base64::decode(text).is_ok(),
        Format::None | Format::Int32 | Format::Int64 => true,
    };
    let name = match format {
        Format::Date => "a date (YYYY-MM-DD)",
        Format::DateTime => "an RFC 3339 date-time",
        Format::Uuid => "a UUID",
        Format::Email => "an email address",
        Format::Uri => "an absolute URI",
        Format::Ipv4 => "an IPv4 address",
        Format::Ipv6 => "an IPv6 address",
        Format::Byte => "base64",
        _ => "",
    };
    (!ok).then(|| format!("must be {name}"))
}

/// How large a spec's pattern may compile: a pattern such as `(a{1000}){1000}`
/// would otherwise take memory and time on the first request that meets it.
pub(crate) const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// A spec's pattern compiled within [`REGEX_SIZE_LIMIT`]; one that does not
/// compile is logged once and left unchecked.
fn bounded_regex(pattern: &str) -> Option<Regex> {
    let compiled =
        regex::RegexBuilder::new(pattern).size_limit(REGEX_SIZE_LIMIT).dfa_size_limit(REGEX_SIZE_LIMIT).build();
    match compiled {
        Ok(re) => Some(re),
        Err(e) => {
            tracing::warn!("the pattern {pattern:?} is not checked: {e}");
            None
        }
    }
}

#[cfg(test)]
mod tests;
