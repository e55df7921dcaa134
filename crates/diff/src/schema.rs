//! Two schemas compared by what they accept, in a direction: a request's
//! schema may widen but not narrow, a response's may narrow but not widen.

use specwright_spec::ir::{Api, JsonType, Schema, SchemaId, Types};
use specwright_spec::Location;

use crate::{Cx, Direction};

/// The rule for `dir`: `request` for what the API reads, `response` for what it writes.
fn pick(dir: Direction, request: &'static str, response: &'static str) -> &'static str {
    match dir {
        Direction::Request => request,
        Direction::Response => response,
    }
}

/// The schema `id` stands for: a `$ref` that only annotates is its target.
fn resolved(api: &Api, mut id: SchemaId) -> SchemaId {
    for _ in 0..64 {
        let s = &api.schemas.entry(id).schema;
        match s.reference {
            Some(target) if s.types.is_empty() && s.properties.is_empty() && s.all_of.is_empty() => id = target,
            _ => break,
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

/// An object's properties and required names, `allOf` parts merged in.
fn properties(api: &Api, id: SchemaId, depth: u32) -> (Vec<(String, SchemaId)>, Vec<String>) {
    let s = &api.schemas.entry(id).schema;
    let mut props: Vec<(String, SchemaId)> = s.properties.iter().map(|(k, v)| (k.clone(), *v)).collect();
    let mut required = s.required.clone();
    if depth < 16 {
        for part in s.all_of.iter().chain(s.reference.iter()) {
            let (p, r) = properties(api, resolved(api, *part), depth + 1);
            for (name, schema) in p {
                if !props.iter().any(|(n, _)| *n == name) {
                    props.push((name, schema));
                }
            }
            required.extend(r);
        }
    }
    required.sort();
    required.dedup();
    (props, required)
}

/// The types a schema allows, `allOf` parts included; empty is any. The
/// depth bounds `allOf` parts that come round to the schema again.
fn types(api: &Api, id: SchemaId, depth: u32) -> Types {
    let s = &api.schemas.entry(id).schema;
    if !s.types.is_empty() || depth >= 16 {
        return s.types;
    }
    s.all_of.iter().map(|p| types(api, resolved(api, *p), depth + 1)).find(|t| !t.is_empty()).unwrap_or_default()
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

/// How deep comparisons nest (properties of items of properties...) before
/// they stop: real schemas stay far below it, and a hostile one cannot
/// exhaust the stack.
const MAX_DEPTH: u32 = 128;

pub(crate) fn compare(cx: &mut Cx, old: SchemaId, new: SchemaId, dir: Direction, at: &str) {
    if cx.depth >= MAX_DEPTH {
        return;
    }
    cx.depth += 1;
    compare_at_depth(cx, old, new, dir, at);
    cx.depth -= 1;
}

fn compare_at_depth(cx: &mut Cx, old: SchemaId, new: SchemaId, dir: Direction, at: &str) {
    let ((old, old_null), (new, new_null)) = (unwrapped(cx.old, old), unwrapped(cx.new, new));
    if !cx.seen.insert((old, new, dir)) {
        return;
    }
    let (o_entry, n_entry) = (cx.old.schemas.entry(old), cx.new.schemas.entry(new));
    let (o, n): (&Schema, &Schema) = (&o_entry.schema, &n_entry.schema);
    let (ol, nl): (&Location, &Location) = (&o_entry.origin, &n_entry.origin);

    let (ot, nt) = (types(cx.old, old, 0), types(cx.new, new, 0));
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
    objects(cx, (old, new), dir, at, (ol, nl));
    if let (Some(oi), Some(ni)) = (o.items, n.items) {
        compare(cx, oi, ni, dir, &format!("{at}[]"));
    }
    variants(cx, o, n, dir, at, ol, nl);
}

fn enums(cx: &mut Cx, o: &Schema, n: &Schema, dir: Direction, at: &str, ol: &Location, nl: &Location) {
    let (Some(ov), Some(nv)) = (&o.enum_values, &n.enum_values) else {
        // A list of values appearing is a narrowing; one disappearing, a widening.
        match (&o.enum_values, &n.enum_values) {
            (None, Some(_)) => cx.report(
                pick(dir, "request-constraint-tightened", "response-constraint-tightened"),
                format!("{at}: now limited to listed values"),
                Some(ol),
                Some(nl),
            ),
            (Some(_), None) => cx.report(
                pick(dir, "request-constraint-loosened", "response-constraint-loosened"),
                format!("{at}: no longer limited to listed values"),
                Some(ol),
                Some(nl),
            ),
            _ => {}
        }
        return;
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
/// stricter; the reverse is looser. A pattern that changes counts as stricter.
fn constraints(cx: &mut Cx, o: &Schema, n: &Schema, dir: Direction, at: &str, ol: &Location, nl: &Location) {
    let default = Default::default();
    let (oc, nc) = (o.constraints.as_deref().unwrap_or(&default), n.constraints.as_deref().unwrap_or(&default));
    let int = |v: Option<u64>| v.map(|v| v as f64);
    let lower = [
        ("minimum", oc.minimum, nc.minimum),
        ("exclusiveMinimum", oc.exclusive_minimum, nc.exclusive_minimum),
        ("minLength", int(oc.min_length), int(nc.min_length)),
        ("minItems", int(oc.min_items), int(nc.min_items)),
        ("minProperties", int(oc.min_properties), int(nc.min_properties)),
    ];
    let upper = [
        ("maximum", oc.maximum, nc.maximum),
        ("exclusiveMaximum", oc.exclusive_maximum, nc.exclusive_maximum),
        ("maxLength", int(oc.max_length), int(nc.max_length)),
        ("maxItems", int(oc.max_items), int(nc.max_items)),
        ("maxProperties", int(oc.max_properties), int(nc.max_properties)),
    ];
    let mut tightened = Vec::new();
    let mut loosened = Vec::new();
    let show = |v: Option<f64>| v.map_or("none".to_string(), |v| v.to_string());
    // A lower bound is stricter when it rises, an upper one when it falls;
    // either is stricter when it appears.
    let bounds = lower.iter().map(|b| (b, true)).chain(upper.iter().map(|b| (b, false)));
    for (&(name, ov, nv), is_lower) in bounds {
        match (ov, nv) {
            (a, b) if a == b => {}
            (None, Some(_)) => tightened.push(format!("{name} {} → {}", show(ov), show(nv))),
            (Some(a), Some(b)) if (b > a) == is_lower => tightened.push(format!("{name} {a} → {b}")),
            _ => loosened.push(format!("{name} {} → {}", show(ov), show(nv))),
        }
    }
    match (&oc.pattern, &nc.pattern) {
        (a, b) if a == b => {}
        (_, Some(p)) => tightened.push(format!("pattern now {p}")),
        (Some(_), None) => loosened.push("pattern removed".to_string()),
        _ => {}
    }
    if oc.multiple_of != nc.multiple_of && nc.multiple_of.is_some() {
        tightened.push(format!("multipleOf now {}", show(nc.multiple_of)));
    }
    if !oc.unique_items && nc.unique_items {
        tightened.push("items now unique".to_string());
    }
    for what in tightened {
        cx.report(
            pick(dir, "request-constraint-tightened", "response-constraint-tightened"),
            format!("{at}: {what}"),
            Some(ol),
            Some(nl),
        );
    }
    for what in loosened {
        cx.report(
            pick(dir, "request-constraint-loosened", "response-constraint-loosened"),
            format!("{at}: {what}"),
            Some(ol),
            Some(nl),
        );
    }
}

fn objects(cx: &mut Cx, (old, new): (SchemaId, SchemaId), dir: Direction, at: &str, (ol, nl): (&Location, &Location)) {
    let (op, or) = properties(cx.old, old, 0);
    let (np, nr) = properties(cx.new, new, 0);
    for (name, schema) in &op {
        let was_required = or.contains(name);
        match np.iter().find(|(n, _)| n == name) {
            None => {
                let rule = match dir {
                    Direction::Request => "request-property-removed",
                    Direction::Response if was_required => "response-required-property-removed",
                    Direction::Response => "response-optional-property-removed",
                };
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
    for (name, schema) in np.iter().filter(|(n, _)| !op.iter().any(|(o, _)| o == n)) {
        let rule = match dir {
            Direction::Request if nr.contains(name) => "request-required-property-added",
            Direction::Request => "request-optional-property-added",
            Direction::Response => "response-property-added",
        };
        let nl = &cx.new.schemas.entry(*schema).origin;
        cx.report(rule, format!("{at}.{name} added"), Some(ol), Some(nl));
    }
    let closed = |api: &Api, id: SchemaId| {
        let s = &api.schemas.entry(id).schema;
        s.additional_properties.is_some_and(|a| api.schemas.entry(a).schema.accepts_nothing)
    };
    match (closed(cx.old, old), closed(cx.new, new)) {
        (false, true) if dir == Direction::Request => cx.report(
            "request-additional-properties-closed",
            format!("{at}: undeclared properties now refused"),
            Some(ol),
            Some(nl),
        ),
        (true, false) if dir == Direction::Response => cx.report(
            "response-additional-properties-opened",
            format!("{at}: undeclared properties may now be given"),
            Some(ol),
            Some(nl),
        ),
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
    let property = |s: &Schema| s.discriminator.as_ref().map(|d| d.property_name.clone());
    if let (Some(a), Some(b)) = (property(o), property(n)) {
        if a != b {
            cx.report(
                pick(dir, "request-discriminator-changed", "response-discriminator-changed"),
                format!("{at}: discriminator {a} became {b}"),
                Some(ol),
                Some(nl),
            );
        }
    }
}
