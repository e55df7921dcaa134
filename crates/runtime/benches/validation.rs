//! Request validation, one keyword family at a time, on bodies of 16 KiB and
//! of 1 MiB: the time per byte must stay about the same (`cargo xtask bench`
//! holds the large body to at most three times the small one's time per
//! byte, the room a table outgrowing the caches takes), so no request costs
//! more than its size. Before, `uniqueItems` compared every
//! pair of items and alternatives nested in alternatives doubled their cost
//! at each level.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use serde_json::{json, Value};
use specwright_runtime::server::schema::{types, Prepared, Schema, Schemas};
use specwright_runtime::server::Format;

/// Each family's table; schema 0 is the body's.
static STRINGS: [Schema; 2] = [
    Schema { types: types::ARRAY, items: Some(1), ..Schema::ANY },
    Schema {
        types: types::STRING,
        min_length: Some(3),
        max_length: Some(64),
        pattern: Some("^[a-z0-9.]+@[a-z]+\\.example$"),
        format: Format::Email,
        ..Schema::ANY
    },
];
static NUMBERS: [Schema; 2] = [
    Schema { types: types::ARRAY, items: Some(1), ..Schema::ANY },
    Schema {
        types: types::INTEGER,
        format: Format::Int64,
        minimum: Some(0.0),
        maximum: Some(1e12),
        multiple_of: Some(1.0),
        ..Schema::ANY
    },
];
static ARRAYS: [Schema; 3] = [
    Schema { types: types::ARRAY, unique_items: true, items: Some(1), contains: Some(1), ..Schema::ANY },
    Schema { types: types::ARRAY, prefix_items: &[2], items: Some(2), max_items: Some(4), ..Schema::ANY },
    Schema { types: types::INTEGER, ..Schema::ANY },
];
static OBJECTS: [Schema; 4] = [
    Schema {
        types: types::OBJECT,
        properties: &[("id", 2)],
        required: &["id"],
        pattern_properties: &[("^k[0-9]+$", 1)],
        property_names: Some(3),
        additional: specwright_runtime::server::Additional::Nothing,
        dependent_required: &[("k1", &["k2"])],
        ..Schema::ANY
    },
    Schema { types: types::OBJECT, properties: &[("v", 2)], required: &["v"], ..Schema::ANY },
    Schema { types: types::INTEGER, ..Schema::ANY },
    Schema { types: types::STRING, max_length: Some(16), ..Schema::ANY },
];
/// `N = anyOf[{c: N, required a}, {c: N, required b}]`, items of an array,
/// each nested deep, with `not` and `if` beside.
static ALTERNATIVES: [Schema; 6] = [
    Schema { types: types::ARRAY, items: Some(1), ..Schema::ANY },
    Schema { any_of: &[2, 3], not: Some(4), conditional: Some((4, None, Some(5))), ..Schema::ANY },
    Schema { types: types::OBJECT, properties: &[("c", 1)], required: &["a"], ..Schema::ANY },
    Schema { types: types::OBJECT, properties: &[("c", 1)], required: &["b"], ..Schema::ANY },
    Schema { types: types::STRING, ..Schema::ANY },
    Schema { min_properties: Some(1), ..Schema::ANY },
];

/// A body of about `bytes` bytes for each family, valid for its table.
fn body(family: &str, bytes: usize) -> Value {
    let grow = |item: &dyn Fn(usize) -> Value| {
        let mut items = Vec::new();
        let mut size = 2;
        while size < bytes {
            let next = item(items.len());
            size += next.to_string().len() + 1;
            items.push(next);
        }
        Value::Array(items)
    };
    match family {
        "strings" => grow(&|i| json!(format!("user.{i}@mail.example"))),
        "numbers" => grow(&|i| json!(i * 7)),
        "arrays" => grow(&|i| json!([i, i + 1])),
        "objects" => {
            let mut map = serde_json::Map::new();
            map.insert("id".into(), json!(1));
            let mut size = 10;
            let mut i = 0;
            while size < bytes {
                let key = format!("k{i}");
                size += key.len() + 12;
                map.insert(key, json!({"v": i}));
                i += 1;
            }
            Value::Object(map)
        }
        _ => grow(&|i| {
            // Nested 40 deep, the innermost level fitting the second alternative.
            let mut v = json!({"b": i});
            for _ in 0..40 {
                v = json!({"c": v, "b": 1});
            }
            v
        }),
    }
}

fn validation(c: &mut Criterion) {
    static PREPARED: [Prepared; 5] =
        [Prepared::new(), Prepared::new(), Prepared::new(), Prepared::new(), Prepared::new()];
    let families: [(&str, &'static [Schema]); 5] = [
        ("strings", &STRINGS),
        ("numbers", &NUMBERS),
        ("arrays", &ARRAYS),
        ("objects", &OBJECTS),
        ("alternatives", &ALTERNATIVES),
    ];
    let mut group = c.benchmark_group("validation");
    group.sample_size(20);
    for (i, (family, table)) in families.into_iter().enumerate() {
        let schemas = Schemas { table, prepared: &PREPARED[i] };
        for (size, bytes) in [("16KiB", 16 << 10), ("1MiB", 1 << 20)] {
            let value = body(family, bytes);
            let mut failures = Vec::new();
            schemas.validate(0, &value, &mut String::new(), &mut failures);
            assert!(failures.is_empty(), "{family}: the body is valid: {failures:?}");
            group.throughput(Throughput::Bytes(value.to_string().len() as u64));
            group.bench_with_input(BenchmarkId::new(family, size), &value, |b, value| {
                b.iter(|| {
                    let mut failures = Vec::new();
                    schemas.validate(0, value, &mut String::new(), &mut failures);
                    failures
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, validation);
criterion_main!(benches);
