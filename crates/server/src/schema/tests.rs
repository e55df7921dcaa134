use super::*;
use serde_json::json;

static TABLE: [Schema; 4] = [
    Schema {
        types: types::OBJECT,
        properties: &[("name", 1), ("tags", 2), ("id", 3)],
        required: &["name"],
        additional: Additional::Nothing,
        ..Schema::ANY
    },
    Schema { types: types::STRING, min_length: Some(1), max_length: Some(8), pattern: Some("^[a-z]+$"), ..Schema::ANY },
    Schema { types: types::ARRAY, items: Some(1), max_items: Some(2), unique_items: true, ..Schema::ANY },
    Schema { types: types::STRING, format: Format::Uuid, ..Schema::ANY },
];

fn failures(value: Value) -> Vec<(String, String)> {
    static PREPARED: Prepared = Prepared::new();
    let mut out = Vec::new();
    Schemas { table: &TABLE, prepared: &PREPARED }.validate(0, &value, &mut String::new(), &mut out);
    out
}

#[test]
fn every_failure_is_reported_at_its_pointer() {
    assert!(failures(json!({"name": "rex", "tags": ["a"]})).is_empty());
    let found = failures(json!({"tags": ["a", "B", "a"], "id": "x", "extra/1": 1}));
    let pointers: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(pointers, ["/name", "/tags", "/tags", "/tags/1", "/id", "/extra~11"], "{found:?}");
    assert!(found[0].1.contains("required"));
    assert_eq!(failures(json!([])), [(String::new(), "expected an object, found an array".to_string())]);
}

#[test]
fn the_rarer_keywords() {
    static TABLE: [Schema; 5] = [
        Schema {
            types: types::OBJECT,
            pattern_properties: &[("^x-", 1)],
            property_names: Some(2),
            dependent_required: &[("card", &["cvc"])],
            additional: Additional::Nothing,
            properties: &[("card", 1), ("cvc", 1), ("list", 3)],
            ..Schema::ANY
        },
        Schema { types: types::STRING, ..Schema::ANY },
        Schema { types: types::STRING, max_length: Some(8), ..Schema::ANY },
        Schema { types: types::ARRAY, prefix_items: &[1], items: Some(4), contains: Some(1), ..Schema::ANY },
        Schema { types: types::INTEGER, ..Schema::ANY },
    ];
    static PREPARED: Prepared = Prepared::new();
    let check = |v: Value| {
        let mut out = Vec::new();
        Schemas { table: &TABLE, prepared: &PREPARED }.validate(0, &v, &mut String::new(), &mut out);
        out.into_iter().map(|(p, _)| p).collect::<Vec<_>>()
    };
    assert!(check(json!({"x-a": "s", "card": "c", "cvc": "1", "list": ["a", 2, 3]})).is_empty());
    assert_eq!(check(json!({"x-a": 1})), ["/x-a"]);
    assert_eq!(check(json!({"card": "c"})), ["/cvc"]);
    assert_eq!(check(json!({"x-very-long-name": "s"})), ["/x-very-long-name"]);
    assert_eq!(check(json!({"list": [1, "b"]})), ["/list/0", "/list/1"]);
    assert_eq!(check(json!({"list": [1]})), ["/list/0", "/list"], "no item is a string");
}

/// `unevaluatedProperties` sees what `allOf`, a matching alternative and
/// `dependentSchemas` evaluated; `minContains` and `maxContains` count.
#[test]
fn what_other_keywords_evaluated() {
    static TABLE: [Schema; 9] = [
        Schema {
            types: types::OBJECT,
            all_of: &[1],
            any_of: &[2, 3],
            dependent_schemas: &[("card", 4)],
            unevaluated_properties: Some(5),
            ..Schema::ANY
        },
        Schema { properties: &[("name", 8), ("card", 8)], ..Schema::ANY },
        Schema { properties: &[("cat", 8)], required: &["cat"], ..Schema::ANY },
        Schema { properties: &[("dog", 8)], required: &["dog"], ..Schema::ANY },
        Schema { properties: &[("cvc", 8)], required: &["cvc"], ..Schema::ANY },
        Schema { nothing: true, ..Schema::ANY },
        Schema {
            types: types::ARRAY,
            prefix_items: &[7],
            contains: Some(7),
            min_contains: Some(2),
            max_contains: Some(3),
            unevaluated_items: Some(5),
            ..Schema::ANY
        },
        Schema { types: types::INTEGER, ..Schema::ANY },
        Schema::ANY,
    ];
    static PREPARED: Prepared = Prepared::new();
    let check = |at: usize, v: Value| {
        let mut out = Vec::new();
        Schemas { table: &TABLE, prepared: &PREPARED }.validate(at, &v, &mut String::new(), &mut out);
        out.into_iter().map(|(p, _)| p).collect::<Vec<_>>()
    };
    assert!(check(0, json!({"name": "a", "cat": 1})).is_empty());
    assert!(check(0, json!({"name": "a", "cat": 1, "card": 2, "cvc": 3})).is_empty());
    assert_eq!(check(0, json!({"cat": 1, "dog": 2, "bird": 3})), ["/bird"], "both alternatives match");
    assert_eq!(check(0, json!({"cat": 1, "cvc": 3})), ["/cvc"], "no card, so nothing evaluated cvc");
    assert!(check(6, json!([1, 2, 3])).is_empty());
    assert_eq!(check(6, json!([1, "a"])), ["", "/1"], "one match of two at least, and \"a\" is unevaluated");
    assert_eq!(check(6, json!([1, 2, 3, 4])), [""], "four matches of three at most");
}

/// Alternatives nested in alternatives: each level checked every
/// alternative in full, so a body nested 60 deep cost 2^60 checks. Each
/// (schema, value) pair is now worked out once.
#[test]
fn nested_alternatives_cost_what_the_value_holds() {
    static TABLE: [Schema; 3] = [
        Schema { any_of: &[1, 2], ..Schema::ANY },
        Schema { types: types::OBJECT, properties: &[("c", 0)], required: &["a"], ..Schema::ANY },
        Schema { types: types::OBJECT, properties: &[("c", 0)], required: &["b"], ..Schema::ANY },
    ];
    static PREPARED: Prepared = Prepared::new();
    let mut value = json!({});
    for _ in 0..60 {
        value = json!({ "c": value });
    }
    let mut out = Vec::new();
    Schemas { table: &TABLE, prepared: &PREPARED }.validate(0, &value, &mut String::new(), &mut out);
    assert!(!out.is_empty() && out.len() <= MAX_FAILURES, "{out:?}");
    assert_eq!(out[0], ("/a".to_string(), "is required".to_string()), "{out:?}");
    let mut fits = json!({"a": 1});
    for _ in 0..60 {
        fits = json!({ "c": fits, "b": 1 });
    }
    let mut out = Vec::new();
    Schemas { table: &TABLE, prepared: &PREPARED }.validate(0, &fits, &mut String::new(), &mut out);
    assert!(out.is_empty(), "{out:?}");
}

/// Two ways to the same (schema, value) pair at every level (the closest
/// alternative and an `if`'s `then`; an `allOf` naming one part twice)
/// doubled the full report's work at each level of nesting.
#[test]
fn two_ways_to_one_pair_cost_no_more_than_one() {
    static TABLE: [Schema; 5] = [
        Schema { any_of: &[1, 2], conditional: Some((3, Some(1), None)), all_of: &[4, 4], ..Schema::ANY },
        Schema { types: types::OBJECT, properties: &[("c", 0)], required: &["x"], ..Schema::ANY },
        Schema { types: types::OBJECT, properties: &[("c", 0)], required: &["y"], ..Schema::ANY },
        Schema { types: types::OBJECT, required: &["a"], ..Schema::ANY },
        Schema { types: types::OBJECT, properties: &[("c", 0)], ..Schema::ANY },
    ];
    static PREPARED: Prepared = Prepared::new();
    let mut value = json!({"a": 1});
    for _ in 0..60 {
        value = json!({"a": 1, "c": value});
    }
    let mut out = Vec::new();
    Schemas { table: &TABLE, prepared: &PREPARED }.validate(0, &value, &mut String::new(), &mut out);
    assert!(!out.is_empty() && out.len() <= MAX_FAILURES, "{out:?}");
}

/// Found by fuzzing: parts that name each other (`A: {$ref: B, allOf:
/// [A]}`, `B: {$ref: A}`) doubled the paths at each of 32 hops, and a
/// request of one number took seconds. Each part is now checked once.
#[test]
fn parts_are_checked_once_however_they_name_each_other() {
    static LOOP: [Schema; 2] = [
        Schema { reference: Some(1), all_of: &[0], types: types::INTEGER, ..Schema::ANY },
        Schema { reference: Some(0), minimum: Some(2.0), ..Schema::ANY },
    ];
    // A diamond 40 levels deep: each level's two parts share the next.
    static DIAMOND: std::sync::LazyLock<Vec<Schema>> = std::sync::LazyLock::new(|| {
        let pair = |i: usize| -> &'static [usize] { Box::leak(vec![2 * i + 1, 2 * i + 2].into_boxed_slice()) };
        let mut table = Vec::new();
        for i in 0..40 {
            table.push(Schema { all_of: pair(i), ..Schema::ANY });
            table.push(Schema { reference: Some(2 * i + 2), ..Schema::ANY });
        }
        table.push(Schema { types: types::INTEGER, maximum: Some(5.0), ..Schema::ANY });
        table
    });
    static PREPARED: [Prepared; 2] = [Prepared::new(), Prepared::new()];
    let failures = |table: &'static [Schema], prepared, v: Value| {
        let mut out = Vec::new();
        Schemas { table, prepared }.validate(0, &v, &mut String::new(), &mut out);
        out.into_iter().map(|(_, why)| why).collect::<Vec<_>>()
    };
    assert_eq!(failures(&LOOP, &PREPARED[0], json!(1)), ["must be at least 2"]);
    assert!(failures(&LOOP, &PREPARED[0], json!(3)).is_empty());
    assert_eq!(failures(&DIAMOND, &PREPARED[1], json!(7)), ["must be at most 5"]);
    assert_eq!(failures(&DIAMOND, &PREPARED[1], json!("x")), ["expected an integer, found a string"]);
}

/// `uniqueItems` compared every pair: 40,000 items took seconds, a body
/// of two megabytes minutes. Numbers are equal by value (`1` and `1.0`).
#[test]
fn unique_items_are_found_in_linear_time_and_by_value() {
    static TABLE: [Schema; 2] = [
        Schema { types: types::ARRAY, unique_items: true, ..Schema::ANY },
        Schema { enumeration: &["1", "\"a\""], ..Schema::ANY },
    ];
    static PREPARED: Prepared = Prepared::new();
    let schemas = Schemas { table: &TABLE, prepared: &PREPARED };
    let check = |at: usize, v: Value| {
        let mut out = Vec::new();
        schemas.validate(at, &v, &mut String::new(), &mut out);
        out
    };
    let distinct: Vec<u64> = (0..300_000).collect();
    assert!(check(0, json!(distinct)).is_empty());
    assert_eq!(check(0, json!([1, 2, 1.0])).len(), 1);
    assert!(check(1, json!(1.0)).is_empty(), "1.0 is the listed 1");
    assert_eq!(check(1, json!(2)).len(), 1);
}

/// A body of a million wrong values reports the first hundred, not a
/// list that costs memory to build and to send.
#[test]
fn failures_are_capped() {
    static TABLE: [Schema; 2] =
        [Schema { types: types::ARRAY, items: Some(1), ..Schema::ANY }, Schema { types: types::STRING, ..Schema::ANY }];
    static PREPARED: Prepared = Prepared::new();
    let mut out = Vec::new();
    let many: Vec<u32> = (0..100_000).collect();
    Schemas { table: &TABLE, prepared: &PREPARED }.validate(0, &json!(many), &mut String::new(), &mut out);
    assert_eq!(out.len(), MAX_FAILURES);
}

/// A pattern that would compile to more than the limit is not compiled
/// (and not checked), rather than taking memory and time per server.
#[test]
fn huge_patterns_are_not_compiled() {
    assert!(bounded_regex("^[a-z]+$").is_some());
    assert!(regex::Regex::new("(a{1000}){100}").is_ok(), "fits the crate's default limit");
    assert!(bounded_regex("(a{1000}){100}").is_none());
    static TABLE: [Schema; 1] = [Schema { types: types::STRING, pattern: Some("(a{1000}){100}"), ..Schema::ANY }];
    static PREPARED: Prepared = Prepared::new();
    let mut out = Vec::new();
    Schemas { table: &TABLE, prepared: &PREPARED }.validate(0, &json!("b"), &mut String::new(), &mut out);
    assert!(out.is_empty(), "left unchecked: {out:?}");
}

#[test]
fn numbers_and_formats() {
    static NUMBERS: [Schema; 1] = [Schema {
        types: types::INTEGER,
        format: Format::Int32,
        minimum: Some(1.0),
        multiple_of: Some(2.0),
        ..Schema::ANY
    }];
    let check = |v: Value| {
        static PREPARED: Prepared = Prepared::new();
        let mut out = Vec::new();
        Schemas { table: &NUMBERS, prepared: &PREPARED }.validate(0, &v, &mut String::new(), &mut out);
        out.into_iter().map(|(_, why)| why).collect::<Vec<_>>()
    };
    assert!(check(json!(4)).is_empty());
    assert_eq!(check(json!(0)), ["must be at least 1"]);
    assert_eq!(check(json!(3)), ["must be a multiple of 2"]);
    assert_eq!(check(json!(4_294_967_296u64)), ["must fit in 32 bits"]);
    assert_eq!(check(json!(2.5)), ["expected an integer, found a number"]);
    assert_eq!(string_format(Format::DateTime, "2026-11-27T10:00:00Z"), None);
    assert!(string_format(Format::Date, "2026-13-01").is_some());
}
