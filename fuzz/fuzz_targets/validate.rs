//! The generated server's request validation: any JSON value against each
//! schema of a table that holds every keyword family and the structures that
//! once cost time without bound (alternatives nested in alternatives,
//! `uniqueItems` over many items, `$ref` and `allOf` loops). Holds that
//! nothing panics and that the time taken stays within a budget per byte.
#![no_main]

use std::time::{Duration, Instant};

use libfuzzer_sys::fuzz_target;
use specwright_runtime::server::schema::{types, Additional, Format, Prepared, Schema, Schemas};

static TABLE: [Schema; 24] = [
    // 0: an object of every family.
    Schema {
        types: types::OBJECT,
        properties: &[("s", 1), ("n", 2), ("a", 3), ("o", 5), ("alt", 8), ("u", 12), ("e", 13), ("r", 14)],
        required: &["s"],
        dependent_required: &[("n", &["a"])],
        additional: Additional::Schema(18),
        ..Schema::ANY
    },
    // 1: strings.
    Schema { types: types::STRING, min_length: Some(1), max_length: Some(64), pattern: Some("^[a-z][a-z0-9_-]*$"), ..Schema::ANY },
    // 2: numbers.
    Schema {
        types: types::NUMBER,
        minimum: Some(-1e9),
        exclusive_maximum: Some(1e9),
        multiple_of: Some(0.5),
        ..Schema::ANY
    },
    // 3: arrays: unique, a prefix, contains.
    Schema {
        types: types::ARRAY,
        unique_items: true,
        prefix_items: &[1, 2],
        items: Some(4),
        contains: Some(2),
        max_items: Some(100_000),
        ..Schema::ANY
    },
    // 4: any item, but not null.
    Schema { not: Some(17), ..Schema::ANY },
    // 5: objects: patterns, names, counts.
    Schema {
        types: types::OBJECT,
        pattern_properties: &[("^x-", 1), ("^n[0-9]+$", 2)],
        property_names: Some(6),
        min_properties: Some(1),
        max_properties: Some(1000),
        additional: Additional::Schema(7),
        ..Schema::ANY
    },
    // 6: property names.
    Schema { types: types::STRING, max_length: Some(32), ..Schema::ANY },
    // 7: formats.
    Schema { any_of: &[19, 20, 21, 22], ..Schema::ANY },
    // 8: N = anyOf[{c: N, required a}, {c: N, required b}], with if and not.
    Schema { any_of: &[9, 10], conditional: Some((11, Some(9), None)), not: Some(16), ..Schema::ANY },
    Schema { types: types::OBJECT, properties: &[("c", 8), ("d", 8)], required: &["a"], ..Schema::ANY },
    Schema { types: types::OBJECT, properties: &[("c", 8), ("d", 8)], required: &["b"], ..Schema::ANY },
    Schema { types: types::OBJECT, required: &["a"], ..Schema::ANY },
    // 12: oneOf of arrays of unique items.
    Schema { one_of: &[3, 15], ..Schema::ANY },
    // 13: an enum, numbers by value.
    Schema { enumeration: &["1", "2.5", "\"x\"", "[1,2]", "{\"a\":1}", "null"], ..Schema::ANY },
    // 14: a loop of references and allOf that meets no value.
    Schema { reference: Some(23), all_of: &[14], ..Schema::ANY },
    // 15: arrays of arrays.
    Schema { types: types::ARRAY, items: Some(15), unique_items: true, ..Schema::ANY },
    // 16: no empty object.
    Schema { types: types::OBJECT, max_properties: Some(0), ..Schema::ANY },
    // 17: null.
    Schema { types: types::NULL, ..Schema::ANY },
    // 18: everything else: integers in 32 bits, or anything with a uuid.
    Schema { any_of: &[0, 2, 3, 5, 8], ..Schema::ANY },
    Schema { types: types::STRING, format: Format::DateTime, ..Schema::ANY },
    Schema { types: types::STRING, format: Format::Uuid, ..Schema::ANY },
    Schema { types: types::STRING, format: Format::Byte, ..Schema::ANY },
    Schema { types: types::INTEGER, format: Format::Int32, ..Schema::ANY },
    Schema { reference: Some(14), ..Schema::ANY },
];

static PREPARED: Prepared = Prepared::new();

/// What a check may take: a fixed start, then a budget per byte of the
/// value's text. A cost that grows faster than the value goes past it.
fn budget(bytes: usize) -> Duration {
    Duration::from_millis(250) + Duration::from_micros(20) * bytes as u32
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, text)) = data.split_first() else { return };
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(text) else { return };
    let schemas = Schemas { table: &TABLE, prepared: &PREPARED };
    let at = pick as usize % TABLE.len();
    let started = Instant::now();
    let mut failures = Vec::new();
    schemas.validate(at, &value, &mut String::new(), &mut failures);
    let took = started.elapsed();
    assert!(failures.len() <= specwright_runtime::server::schema::MAX_FAILURES);
    assert!(took <= budget(text.len()), "{took:?} for {} bytes against schema {at}", text.len());
});
