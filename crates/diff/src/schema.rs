//! Two schemas compared by what they accept, in a direction: a request's
//! schema may widen but not narrow, a response's may narrow but not widen.

use std::collections::{HashMap, HashSet};

use specwright_spec::ir::{Api, JsonType, Keyword, Schema, SchemaId, Types};
use specwright_spec::Location;

use indexmap::IndexMap;

use crate::notice::Notice;
use crate::{Cx, Direction};

/// How the breaking-change checks compare a keyword.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Comparison {
    /// Adding it, removing it and changing its value are each a change.
    Presence,
    /// A change of its value is compared where both schemas have it;
    /// adding or removing it is not reported.
    Value,
    /// Not compared.
    Not,
}

/// How a change of `keyword` is compared. Every keyword is named (no `_`
/// arm), so a new one does not compile until it is decided.
pub fn comparison(keyword: Keyword) -> Comparison {
    match keyword {
        Keyword::False
        | Keyword::Ref
        | Keyword::AllOf
        | Keyword::AnyOf
        | Keyword::OneOf
        | Keyword::Not
        | Keyword::Properties
        | Keyword::Type
        | Keyword::Nullable
        | Keyword::Enum
        | Keyword::Const
        | Keyword::MultipleOf
        | Keyword::Maximum
        | Keyword::ExclusiveMaximum
        | Keyword::Minimum
        | Keyword::ExclusiveMinimum
        | Keyword::MaxLength
        | Keyword::MinLength
        | Keyword::Pattern
        | Keyword::MaxItems
        | Keyword::MinItems
        | Keyword::UniqueItems
        | Keyword::MaxProperties
        | Keyword::MinProperties
        | Keyword::Required
        | Keyword::Deprecated
        | Keyword::ReadOnly
        | Keyword::WriteOnly => Comparison::Presence,
        Keyword::Items
        | Keyword::AdditionalProperties
        | Keyword::Discriminator
        | Keyword::Format
        | Keyword::Default => Comparison::Value,
        Keyword::If
        | Keyword::Then
        | Keyword::Else
        | Keyword::DependentSchemas
        | Keyword::PrefixItems
        | Keyword::Contains
        | Keyword::PatternProperties
        | Keyword::PropertyNames
        | Keyword::UnevaluatedItems
        | Keyword::UnevaluatedProperties
        | Keyword::MaxContains
        | Keyword::MinContains
        | Keyword::DependentRequired
        | Keyword::Title
        | Keyword::Description
        | Keyword::Examples
        | Keyword::ContentMediaType
        | Keyword::DynamicRef
        | Keyword::DynamicAnchors => Comparison::Not,
    }
}

/// The rule for `dir`: `request` for what the API reads, `response` for what it writes.
fn pick(dir: Direction, request: &'static str, response: &'static str) -> &'static str {
    match dir {
        Direction::Request => request,
        Direction::Response => response,
    }
}

/// Where a schema that is a `$ref` with only notes beside it leads.
fn annotated_ref(s: &Schema) -> Option<SchemaId> {
    s.reference.filter(|_| s.types.is_empty() && s.properties.is_empty() && s.all_of.is_empty())
}

/// The schema `id` stands for: a `$ref` that only annotates is its target.
fn resolved(api: &Api, mut id: SchemaId) -> SchemaId {
    for _ in 0..64 {
        match annotated_ref(&api.schemas.entry(id).schema) {
            Some(target) => id = target,
            None => break,
        }
    }
    id
}

/// `anyOf`/`oneOf` of one schema and `null` is that schema, nullable: the
/// same values as `type: [..., "null"]` or `nullable: true`.
fn nullable_of(api: &Api, id: SchemaId) -> Option<SchemaId> {
    let s = &api.schemas.entry(id).schema;
    let members: Vec<SchemaId> = s.one_of.iter().chain(&s.any_of).copied().collect();
    let is_null = |m: SchemaId| {
        let t = api.schemas.entry(resolved(api, m)).schema.types;
        t.len() == 1 && t.contains(JsonType::Null)
    };
    match members.as_slice() {
        [a, b] if s.types.is_empty() && s.properties.is_empty() && is_null(*b) => Some(resolved(api, *a)),
        [a, b] if s.types.is_empty() && s.properties.is_empty() && is_null(*a) => Some(resolved(api, *b)),
        _ => None,
    }
}

/// What a schema is once a nullable wrapper is seen through, and whether it allows null.
fn unwrapped(api: &Api, id: SchemaId) -> (SchemaId, bool) {
    let id = resolved(api, id);
    match nullable_of(api, id) {
        Some(inner) => (inner, true),
        None => (id, api.schemas.entry(id).schema.nullable),
    }
}

/// A schema and its `allOf` parts and references, transitively, each once,
/// in document order: a chain of any length, or one that comes round to the
/// schema again, is walked without recursion.
fn with_parts(api: &Api, id: SchemaId) -> Vec<SchemaId> {
    let mut seen = HashSet::new();
    let mut order = Vec::new();
    let mut stack = vec![id];
    while let Some(id) = stack.pop() {
        if !seen.insert(id) {
            continue;
        }
        order.push(id);
        let s = &api.schemas.entry(id).schema;
        stack.extend(s.all_of.iter().chain(s.reference.iter()).rev().map(|part| resolved(api, *part)));
    }
    order
}

/// An object's properties and required names, `allOf` parts merged in.
fn properties(api: &Api, id: SchemaId) -> (Vec<(String, SchemaId)>, Vec<String>) {
    let mut props: Vec<(String, SchemaId)> = Vec::new();
    let mut names = HashSet::new();
    let mut required = Vec::new();
    for part in with_parts(api, id) {
        let s = &api.schemas.entry(part).schema;
        for (name, schema) in &s.properties {
            if names.insert(name.clone()) {
                props.push((name.clone(), *schema));
            }
        }
        required.extend(s.required.iter().cloned());
    }
    required.sort();
    required.dedup();
    (props, required)
}

/// The types a schema allows, `allOf` parts included; empty is any.
fn types(api: &Api, id: SchemaId) -> Types {
    with_parts(api, id)
        .into_iter()
        .map(|part| api.schemas.entry(part).schema.types)
        .find(|t| !t.is_empty())
        .unwrap_or_default()
}

/// Whether every value of `narrow`'s types is of `wide`'s (integers are numbers).
fn covers(wide: Types, narrow: Types) -> bool {
    if wide.is_empty() {
        return true;
    }
    if narrow.is_empty() {
        return false;
    }
    narrow.iter().all(|t| wide.contains(t) || (t == JsonType::Integer && wide.contains(JsonType::Number)))
}

/// Named schemas (components, definitions, `$defs`) that one version has
/// and the other does not. Nothing on the wire changes by itself, but the
/// generated crate has a type for each.
pub(crate) fn named(cx: &mut Cx) {
    let names = |api: &Api| {
        let mut seen = std::collections::BTreeMap::new();
        for (_, entry) in api.schemas.iter() {
            if let Some(name) = &entry.name {
                seen.entry(name.clone()).or_insert(entry.origin.clone());
            }
        }
        seen
    };
    let (old, new) = (names(cx.old), names(cx.new));
    for (name, origin) in old.iter().filter(|(n, _)| !new.contains_key(*n)) {
        cx.report("schema-removed", format!("schema {name} removed"), Some(origin), None);
    }
    for (name, origin) in new.iter().filter(|(n, _)| !old.contains_key(*n)) {
        cx.report("schema-added", format!("schema {name} added"), None, Some(origin));
    }
}

/// How deep comparisons nest (properties of items of properties...) before
/// they stop: real schemas stay far below it, and a hostile one cannot
/// exhaust the stack.
const MAX_DEPTH: u32 = 128;

pub(crate) fn compare(cx: &mut Cx, old: SchemaId, new: SchemaId, dir: Direction, at: &str) {
    if cx.depth >= MAX_DEPTH {
        // Never "no change" for what was not compared.
        let (o, n) = (cx.old.schemas.entry(old).origin.clone(), cx.new.schemas.entry(new).origin.clone());
        let message = format!("{at}: schemas nest more than {MAX_DEPTH} levels deep; what is below was not compared");
        cx.report("comparison-cut-short", message, Some(&o), Some(&n));
        return;
    }
    cx.depth += 1;
    compare_at_depth(cx, old, new, dir, at);
    cx.depth -= 1;
}

fn compare_at_depth(cx: &mut Cx, old: SchemaId, new: SchemaId, dir: Direction, at: &str) {
    // Notes beside a `$ref` belong to this use of the schema: compared here,
    // before a schema already compared elsewhere is skipped.
    let uses = (Notes::at_use(cx.old, old), Notes::at_use(cx.new, new));
    if uses.0 != uses.1 {
        let places = (&cx.old.schemas.entry(old).origin, &cx.new.schemas.entry(new).origin);
        annotations(cx, uses, dir, at, places);
    }
    let ((old, old_null), (new, new_null)) = (unwrapped(cx.old, old), unwrapped(cx.new, new));
    if !cx.seen.insert((old, new, dir)) {
        return;
    }
    let (o_entry, n_entry) = (cx.old.schemas.entry(old), cx.new.schemas.entry(new));
    let (o, n): (&Schema, &Schema) = (&o_entry.schema, &n_entry.schema);
    let (ol, nl): (&Location, &Location) = (&o_entry.origin, &n_entry.origin);

    let (ot, nt) = (types(cx.old, old), types(cx.new, new));
    if ot != nt {
        let (wider, narrower) = (covers(nt, ot), covers(ot, nt));
        let rule = match (wider, narrower) {
            (true, false) => pick(dir, "request-type-widened", "response-type-widened"),
            (false, true) => pick(dir, "request-type-narrowed", "response-type-narrowed"),
            _ => pick(dir, "request-type-changed", "response-type-changed"),
        };
        let names = |t: Types| {
            if t.is_empty() {
                "any".to_string()
            } else {
                t.iter().map(|t| format!("{t:?}").to_lowercase()).collect::<Vec<_>>().join("|")
            }
        };
        cx.report(rule, format!("{at}: type {} became {}", names(ot), names(nt)), Some(ol), Some(nl));
    }
    if old_null != new_null {
        let rule = if new_null {
            pick(dir, "request-nullable-added", "response-nullable-added")
        } else {
            pick(dir, "request-nullable-removed", "response-nullable-removed")
        };
        cx.report(
            rule,
            format!("{at}: null {}", if new_null { "allowed" } else { "no longer allowed" }),
            Some(ol),
            Some(nl),
        );
    }
    if o.format != n.format && o.format.is_some() && n.format.is_some() {
        let (of, nf) = (o.format.as_deref().unwrap_or_default(), n.format.as_deref().unwrap_or_default());
        cx.report(
            pick(dir, "request-format-changed", "response-format-changed"),
            format!("{at}: format {of} became {nf}"),
            Some(ol),
            Some(nl),
        );
    }
    enums(cx, o, n, dir, at, ol, nl);
    constraints(cx, o, n, dir, at, ol, nl);
    annotations(cx, (Notes::of(o), Notes::of(n)), dir, at, (ol, nl));
    not(cx, o, n, dir, at, ol, nl);
    objects(cx, (old, new), dir, at, (ol, nl));
    if let (Some(oi), Some(ni)) = (o.items, n.items) {
        compare(cx, oi, ni, dir, &format!("{at}[]"));
    }
    variants(cx, o, n, dir, at, ol, nl);
}

/// The rule for a keyword's change: stricter or looser, in `dir`. A rule
/// family is `[request stricter, request looser, response stricter, response looser]`.
fn judged(dir: Direction, stricter: bool, family: [&'static str; 4]) -> &'static str {
    match (dir, stricter) {
        (Direction::Request, true) => family[0],
        (Direction::Request, false) => family[1],
        (Direction::Response, true) => family[2],
        (Direction::Response, false) => family[3],
    }
}

macro_rules! family {
    ($stricter:literal, $looser:literal) => {
        [
            concat!("request-", $stricter),
            concat!("request-", $looser),
            concat!("response-", $stricter),
            concat!("response-", $looser),
        ]
    };
}

const MAX: [&str; 4] = family!("max-decreased", "max-increased");
const MIN: [&str; 4] = family!("min-increased", "min-decreased");
const MAX_LENGTH: [&str; 4] = family!("max-length-decreased", "max-length-increased");
const MIN_LENGTH: [&str; 4] = family!("min-length-increased", "min-length-decreased");
const MAX_ITEMS: [&str; 4] = family!("max-items-decreased", "max-items-increased");
const MIN_ITEMS: [&str; 4] = family!("min-items-increased", "min-items-decreased");
const MAX_PROPERTIES: [&str; 4] = family!("max-properties-decreased", "max-properties-increased");
const MIN_PROPERTIES: [&str; 4] = family!("min-properties-increased", "min-properties-decreased");
const PATTERN: [&str; 4] = family!("pattern-added", "pattern-removed");
const MULTIPLE_OF: [&str; 4] = family!("multiple-of-added", "multiple-of-removed");
const UNIQUE_ITEMS: [&str; 4] = family!("unique-items-added", "unique-items-removed");
const ENUM: [&str; 4] = family!("enum-introduced", "enum-lifted");
const NOT: [&str; 4] = family!("not-added", "not-removed");
const ADDITIONAL: [&str; 4] = family!("additional-properties-closed", "additional-properties-opened");

/// The values a schema lists: `enum`, or `const` as a list of one.
fn listed(s: &Schema) -> Option<Vec<&serde_json::Value>> {
    match (&s.enum_values, &s.const_value) {
        (Some(values), _) => Some(values.iter().collect()),
        (None, Some(value)) => Some(vec![value.as_ref()]),
        (None, None) => None,
    }
}

fn enums(cx: &mut Cx, o: &Schema, n: &Schema, dir: Direction, at: &str, ol: &Location, nl: &Location) {
    let (ov, nv) = match (listed(o), listed(n)) {
        (Some(ov), Some(nv)) => (ov, nv),
        (None, Some(_)) => {
            let rule = judged(dir, true, ENUM);
            return cx.report(rule, format!("{at}: now limited to listed values"), Some(ol), Some(nl));
        }
        (Some(_), None) => {
            let rule = judged(dir, false, ENUM);
            return cx.report(rule, format!("{at}: no longer limited to listed values"), Some(ol), Some(nl));
        }
        (None, None) => return,
    };
    for value in ov.iter().filter(|v| !nv.contains(v)) {
        cx.report(
            pick(dir, "request-enum-value-removed", "response-enum-value-removed"),
            format!("{at}: value {value} removed"),
            Some(ol),
            Some(nl),
        );
    }
    for value in nv.iter().filter(|v| !ov.contains(v)) {
        cx.report(
            pick(dir, "request-enum-value-added", "response-enum-value-added"),
            format!("{at}: value {value} added"),
            Some(ol),
            Some(nl),
        );
    }
}

/// Bounds: a lower bound rising or an upper bound falling (or appearing) is
/// stricter; the reverse is looser. Each keyword has rules of its own.
fn constraints(cx: &mut Cx, o: &Schema, n: &Schema, dir: Direction, at: &str, ol: &Location, nl: &Location) {
    let default = Default::default();
    let (oc, nc) = (o.constraints.as_deref().unwrap_or(&default), n.constraints.as_deref().unwrap_or(&default));
    let int = |v: Option<u64>| v.map(|v| v as f64);
    // (keyword, old, new, whether it is a lower bound, its rules)
    let bounds = [
        ("minimum", oc.minimum, nc.minimum, true, MIN),
        ("exclusiveMinimum", oc.exclusive_minimum, nc.exclusive_minimum, true, MIN),
        ("minLength", int(oc.min_length), int(nc.min_length), true, MIN_LENGTH),
        ("minItems", int(oc.min_items), int(nc.min_items), true, MIN_ITEMS),
        ("minProperties", int(oc.min_properties), int(nc.min_properties), true, MIN_PROPERTIES),
        ("maximum", oc.maximum, nc.maximum, false, MAX),
        ("exclusiveMaximum", oc.exclusive_maximum, nc.exclusive_maximum, false, MAX),
        ("maxLength", int(oc.max_length), int(nc.max_length), false, MAX_LENGTH),
        ("maxItems", int(oc.max_items), int(nc.max_items), false, MAX_ITEMS),
        ("maxProperties", int(oc.max_properties), int(nc.max_properties), false, MAX_PROPERTIES),
    ];
    let show = |v: Option<f64>| v.map_or("none".to_string(), |v| v.to_string());
    for (name, ov, nv, is_lower, family) in bounds {
        let stricter = match (ov, nv) {
            (a, b) if a == b => continue,
            (None, Some(_)) => true,
            (Some(a), Some(b)) => (b > a) == is_lower,
            _ => false,
        };
        let message = format!("{at}: {name} {} → {}", show(ov), show(nv));
        cx.report(judged(dir, stricter, family), message, Some(ol), Some(nl));
    }
    let mut changed =
        |family: [&'static str; 4], other: [&'static str; 2], what: &str, old: Option<String>, new: Option<String>| {
            let rule = match (&old, &new) {
                (a, b) if a == b => return,
                (None, Some(_)) => judged(dir, true, family),
                (Some(_), None) => judged(dir, false, family),
                _ => pick(dir, other[0], other[1]),
            };
            let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "none".into());
            cx.report(rule, format!("{at}: {what} {} → {}", show(&old), show(&new)), Some(ol), Some(nl));
        };
    changed(
        PATTERN,
        ["request-pattern-changed", "response-pattern-changed"],
        "pattern",
        oc.pattern.clone(),
        nc.pattern.clone(),
    );
    let number = |v: Option<f64>| v.map(|v| v.to_string());
    let multiple = ["request-multiple-of-changed", "response-multiple-of-changed"];
    changed(MULTIPLE_OF, multiple, "multipleOf", number(oc.multiple_of), number(nc.multiple_of));
    if oc.unique_items != nc.unique_items {
        let rule = judged(dir, nc.unique_items, UNIQUE_ITEMS);
        let what = if nc.unique_items { "items now unique" } else { "items need no longer be unique" };
        cx.report(rule, format!("{at}: {what}"), Some(ol), Some(nl));
    }
}

/// What a schema says about its values besides which it accepts.
#[derive(Clone, Copy, Default, PartialEq)]
struct Notes<'a> {
    default: Option<&'a serde_json::Value>,
    read_only: bool,
    write_only: bool,
    deprecated: bool,
}

impl<'a> Notes<'a> {
    fn of(s: &'a Schema) -> Notes<'a> {
        Notes {
            default: s.default.as_deref(),
            read_only: s.read_only,
            write_only: s.write_only,
            deprecated: s.deprecated,
        }
    }

    /// The notes a use of a schema adds beside its `$ref` (`{$ref, deprecated: true}`):
    /// those of every schema on the way to the one it stands for, not that one's own.
    fn at_use(api: &'a Api, mut id: SchemaId) -> Notes<'a> {
        let mut notes = Notes::default();
        for _ in 0..64 {
            let s = &api.schemas.entry(id).schema;
            match annotated_ref(s) {
                Some(target) => {
                    notes.default = notes.default.or(s.default.as_deref());
                    notes.read_only |= s.read_only;
                    notes.write_only |= s.write_only;
                    notes.deprecated |= s.deprecated;
                    id = target;
                }
                None => break,
            }
        }
        notes
    }
}

/// `default`, `readOnly`, `writeOnly` and `deprecated`: what a value means
/// when left out, and who may write or read it.
fn annotations(cx: &mut Cx, (o, n): (Notes, Notes), dir: Direction, at: &str, (ol, nl): (&Location, &Location)) {
    if let (Some(od), Some(nd)) = (o.default, n.default) {
        if od != nd {
            let rule = pick(dir, "request-default-changed", "response-default-changed");
            cx.report(rule, format!("{at}: default {od} became {nd}"), Some(ol), Some(nl));
        }
    }
    if dir == Direction::Request && !o.read_only && n.read_only {
        cx.report("request-property-became-read-only", format!("{at} is now read-only"), Some(ol), Some(nl));
    }
    if dir == Direction::Response && !o.write_only && n.write_only {
        cx.report("response-property-became-write-only", format!("{at} is now write-only"), Some(ol), Some(nl));
    }
    if !o.deprecated && n.deprecated {
        cx.report("schema-deprecated", format!("{at} deprecated"), Some(ol), Some(nl));
    }
}

/// `not`: what it refuses is what the schema no longer accepts. A change
/// inside it is one change to the schema, whichever way it goes.
fn not(cx: &mut Cx, o: &Schema, n: &Schema, dir: Direction, at: &str, ol: &Location, nl: &Location) {
    let (o_not, n_not) = (o.constraints().not, n.constraints().not);
    match (o_not, n_not) {
        (None, Some(_)) => {
            cx.report(judged(dir, true, NOT), format!("{at}: a `not` schema now applies"), Some(ol), Some(nl))
        }
        (Some(_), None) => {
            cx.report(judged(dir, false, NOT), format!("{at}: the `not` schema is gone"), Some(ol), Some(nl))
        }
        (Some(a), Some(b)) => {
            let before = cx.found.len();
            compare(cx, a, b, dir, &format!("{at} (not)"));
            if cx.found.len() > before {
                cx.found.truncate(before);
                let rule = pick(dir, "request-not-changed", "response-not-changed");
                cx.report(rule, format!("{at}: the `not` schema changed"), Some(ol), Some(nl));
            }
        }
        (None, None) => {}
    }
}

fn objects(cx: &mut Cx, (old, new): (SchemaId, SchemaId), dir: Direction, at: &str, (ol, nl): (&Location, &Location)) {
    let (op, or) = properties(cx.old, old);
    let (np, nr) = properties(cx.new, new);
    // Looked up by name: objects of thousands of properties compare in linear time.
    let (or, nr): (HashSet<&String>, HashSet<&String>) = (or.iter().collect(), nr.iter().collect());
    let old_names: HashSet<&String> = op.iter().map(|(n, _)| n).collect();
    let new_by_name: HashMap<&String, SchemaId> = np.iter().map(|(n, s)| (n, *s)).collect();
    for (name, schema) in &op {
        let was_required = or.contains(name);
        match new_by_name.get(name).map(|s| (name, s)) {
            None => {
                let plain = match dir {
                    Direction::Request => "request-property-removed",
                    Direction::Response if was_required => "response-required-property-removed",
                    Direction::Response => "response-optional-property-removed",
                };
                let entry = cx.old.schemas.entry(resolved(cx.old, *schema));
                let announced = entry.schema.deprecated || Notes::at_use(cx.old, *schema).deprecated;
                // Only a removal that would break is softened by having been announced.
                let deprecated =
                    if plain == "response-required-property-removed" { "deprecated-property-removed" } else { plain };
                let written = &cx.old.schemas.entry(*schema).schema.extensions;
                let extensions = if written.contains_key("x-sunset") { written } else { &entry.schema.extensions };
                let rule = Notice::of(announced, extensions).pick(plain, deprecated, "sunset-property-removed");
                let ol = &cx.old.schemas.entry(*schema).origin;
                cx.report(rule, format!("{at}.{name} removed"), Some(ol), Some(nl));
            }
            Some((_, new_schema)) => {
                let now_required = nr.contains(name);
                if was_required != now_required {
                    let rule = if now_required {
                        pick(dir, "request-property-became-required", "response-property-became-required")
                    } else {
                        pick(dir, "request-property-became-optional", "response-property-became-optional")
                    };
                    cx.report(
                        rule,
                        format!("{at}.{name} is now {}", if now_required { "required" } else { "optional" }),
                        Some(ol),
                        Some(nl),
                    );
                }
                compare(cx, *schema, *new_schema, dir, &format!("{at}.{name}"));
            }
        }
    }
    for (name, schema) in np.iter().filter(|(n, _)| !old_names.contains(n)) {
        let rule = match dir {
            Direction::Request if nr.contains(name) => "request-required-property-added",
            Direction::Request => "request-optional-property-added",
            Direction::Response => "response-property-added",
        };
        let nl = &cx.new.schemas.entry(*schema).origin;
        cx.report(rule, format!("{at}.{name} added"), Some(ol), Some(nl));
    }
    let extra = |api: &Api, id: SchemaId| {
        let a = api.schemas.entry(id).schema.additional_properties?;
        Some((a, api.schemas.entry(a).schema.accepts_nothing))
    };
    match (extra(cx.old, old), extra(cx.new, new)) {
        (Some((_, false)) | None, Some((_, true))) => {
            let rule = judged(dir, true, ADDITIONAL);
            cx.report(rule, format!("{at}: undeclared properties now refused"), Some(ol), Some(nl));
        }
        (Some((_, true)), Some((_, false)) | None) => {
            let rule = judged(dir, false, ADDITIONAL);
            cx.report(rule, format!("{at}: undeclared properties now allowed"), Some(ol), Some(nl));
        }
        (Some((a, false)), Some((b, false))) => compare(cx, a, b, dir, &format!("{at}{{*}}")),
        _ => {}
    }
}

/// `oneOf`/`anyOf` members, matched by the name of the schema they refer to, else by position.
fn variants(cx: &mut Cx, o: &Schema, n: &Schema, dir: Direction, at: &str, ol: &Location, nl: &Location) {
    let members = |api: &Api, s: &Schema| -> Vec<(String, SchemaId)> {
        s.one_of
            .iter()
            .chain(&s.any_of)
            .enumerate()
            .map(|(i, id)| {
                let target = resolved(api, *id);
                let name = api.schemas.entry(target).name.clone().unwrap_or_else(|| format!("#{i}"));
                (name, *id)
            })
            .collect()
    };
    let (om, nm) = (members(cx.old, o), members(cx.new, n));
    for (name, id) in &om {
        match nm.iter().find(|(n, _)| n == name) {
            Some((_, new_id)) => compare(cx, *id, *new_id, dir, &format!("{at}<{name}>")),
            None => cx.report(
                pick(dir, "request-variant-removed", "response-variant-removed"),
                format!("{at}: alternative {name} removed"),
                Some(ol),
                Some(nl),
            ),
        }
    }
    for (name, _) in nm.iter().filter(|(n, _)| !om.iter().any(|(o, _)| o == n)) {
        cx.report(
            pick(dir, "request-variant-added", "response-variant-added"),
            format!("{at}: alternative {name} added"),
            Some(ol),
            Some(nl),
        );
    }
    if let (Some(a), Some(b)) = (&o.discriminator, &n.discriminator) {
        if a.property_name != b.property_name {
            cx.report(
                pick(dir, "request-discriminator-changed", "response-discriminator-changed"),
                format!("{at}: discriminator {} became {}", a.property_name, b.property_name),
                Some(ol),
                Some(nl),
            );
        } else {
            mapping(cx, (&a.mapping, &b.mapping), dir, at, (ol, nl));
        }
    }
}

/// A discriminator's values, each to the name of the alternative it picks.
/// A reader is broken by a value it no longer knows (requests) or one it
/// never knew (responses), and either by a value that picks another.
fn mapping(
    cx: &mut Cx,
    (old, new): (&IndexMap<String, SchemaId>, &IndexMap<String, SchemaId>),
    dir: Direction,
    at: &str,
    (ol, nl): (&Location, &Location),
) {
    let target = |api: &Api, id: SchemaId| api.schemas.entry(resolved(api, id)).name.clone();
    let rule = pick(dir, "request-discriminator-mapping-changed", "response-discriminator-mapping-changed");
    for (value, o_id) in old {
        let message = match new.get(value) {
            Some(n_id) if target(cx.old, *o_id) == target(cx.new, *n_id) => continue,
            Some(_) => format!("{at}: discriminator value {value} picks another alternative"),
            None if dir == Direction::Request => format!("{at}: discriminator value {value} removed"),
            None => continue,
        };
        cx.report(rule, message, Some(ol), Some(nl));
    }
    if dir == Direction::Response {
        for value in new.keys().filter(|v| !old.contains_key(*v)) {
            cx.report(rule, format!("{at}: discriminator value {value} added"), Some(ol), Some(nl));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(schema: &serde_json::Value) -> specwright_spec::Loaded {
        specwright_spec::Loader::new().load_str("sample.json", &Keyword::sample_document(schema))
    }

    /// What [`comparison`] claims, shown where samples can: two documents
    /// whose schema differs only in a keyword give a change, one way or the
    /// other, when adding or removing it is compared, and none when it is
    /// not compared at all. (Value comparisons have tests of their rules.)
    #[test]
    fn the_keywords_compared_are_the_ones_that_give_changes() {
        let wrong: Vec<String> = Keyword::ALL
            .into_iter()
            .filter(|&keyword| {
                let (with, without) = keyword.samples();
                let (with, without) = (load(&with), load(&without));
                let changed = !crate::diff(&without, &with).is_empty() || !crate::diff(&with, &without).is_empty();
                match comparison(keyword) {
                    Comparison::Presence => !changed,
                    Comparison::Not => changed,
                    Comparison::Value => false,
                }
            })
            .map(|keyword| format!("{keyword:?} (claimed {:?})", comparison(keyword)))
            .collect();
        assert!(wrong.is_empty(), "{wrong:?}");
    }
}
