//! Property tests of the types generator: arbitrary schemas (objects with
//! awkward property names, optional and nullable fields, arrays, maps,
//! enums, tagged unions, nested a few levels) are generated as one crate per
//! batch, which must compile without warnings; and a value valid for each
//! schema, drawn with it, must read into the generated type and write back
//! as the same JSON.
//!
//! Each batch is a cargo build, so the case count is small and shrinking is
//! off; a failure prints the document and the compiler's or the test's
//! output. The crates build in a target folder of their own.

use std::path::{Path, PathBuf};
use std::process::Command;

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde_json::{json, Map, Value};
use specwright_codegen::{CrateOptions, RuntimeDep};

/// A schema and a value it accepts.
#[derive(Clone, Debug)]
struct Case {
    schema: Value,
    value: Value,
}

/// Property names a Rust field cannot simply be: keywords, digits first,
/// punctuation, non-ASCII, case clashes.
const NAMES: &[&str] = &[
    "id",
    "type",
    "self",
    "Self",
    "match",
    "async",
    "ref",
    "1st",
    "a-b",
    "x y",
    "camelCase",
    "CamelCase",
    "snake_case",
    "ÜnÏcode",
    "_",
    "__private",
    "$special",
    "@context",
    "kind2",
    "value",
];

fn leaf() -> impl Strategy<Value = Case> {
    prop_oneof![
        "[a-zA-Z0-9 _-]{0,8}".prop_map(|s| Case { schema: json!({"type": "string"}), value: json!(s) }),
        (-1000i64..1000).prop_map(|n| Case { schema: json!({"type": "integer"}), value: json!(n) }),
        (-1000i64..1000, 1u32..4).prop_map(|(n, d)| {
            let x = n as f64 / f64::from(10u32.pow(d));
            Case { schema: json!({"type": "number"}), value: json!(x) }
        }),
        any::<bool>().prop_map(|b| Case { schema: json!({"type": "boolean"}), value: json!(b) }),
        any::<u128>().prop_map(|u| Case {
            schema: json!({"type": "string", "format": "uuid"}),
            value: json!(uuid::Uuid::from_u128(u).to_string()),
        }),
        (
            prop::sample::subsequence(vec!["red", "green", "blue", "dark-red", "Green2", "500"], 1..4),
            any::<prop::sample::Index>()
        )
            .prop_map(|(values, pick)| {
                let value = values[pick.index(values.len())];
                Case { schema: json!({"type": "string", "enum": values}), value: json!(value) }
            }),
    ]
}

/// An object of up to four properties, some required, some nullable; the
/// value has every required one and some of the others.
fn object(inner: BoxedStrategy<Case>) -> impl Strategy<Value = Case> {
    let field = (inner, any::<bool>(), any::<bool>(), any::<bool>());
    (prop::sample::subsequence(NAMES.to_vec(), 1..5), prop::collection::vec(field, 4)).prop_map(|(names, fields)| {
        let (mut properties, mut required, mut value) = (Map::new(), Vec::new(), Map::new());
        for (name, (case, is_required, nullable, present)) in names.into_iter().zip(fields) {
            let mut schema = case.schema;
            // `nullable` applies to a schema with a type, and an enum would have to list null.
            let nullable = nullable && schema.get("type").is_some() && schema.get("enum").is_none();
            if nullable {
                schema["nullable"] = json!(true);
            }
            properties.insert(name.to_string(), schema);
            if is_required {
                required.push(json!(name));
            }
            if is_required || present {
                value.insert(name.to_string(), if nullable && !present { Value::Null } else { case.value });
            }
        }
        let mut schema = json!({"type": "object", "properties": properties});
        if !required.is_empty() {
            schema["required"] = Value::Array(required);
        }
        Case { schema, value: Value::Object(value) }
    })
}

fn case() -> impl Strategy<Value = Case> {
    leaf().prop_recursive(3, 24, 4, |inner| {
        let inner = inner.boxed();
        prop_oneof![
            object(inner.clone()),
            prop::collection::vec(inner.clone(), 0..3).prop_map(|items| {
                // Items of one schema: the first item's, every item made like it.
                let schema = items.first().map_or(json!({"type": "string"}), |c| c.schema.clone());
                let values: Vec<Value> = items.iter().filter(|c| c.schema == schema).map(|c| c.value.clone()).collect();
                Case { schema: json!({"type": "array", "items": schema}), value: Value::Array(values) }
            }),
            (inner.clone(), prop::collection::btree_set("[a-z]{1,4}", 0..3)).prop_map(|(case, keys)| {
                let value: Map<String, Value> = keys.into_iter().map(|k| (k, case.value.clone())).collect();
                Case {
                    schema: json!({"type": "object", "additionalProperties": case.schema}),
                    value: Value::Object(value),
                }
            }),
            (prop::collection::vec(object(inner.clone()), 2..4), any::<prop::sample::Index>()).prop_map(
                |(variants, pick)| {
                    // Told apart by a `kind` each variant requires with a value of its own.
                    let mut schemas = Vec::new();
                    let mut values = Vec::new();
                    for (i, mut v) in variants.into_iter().enumerate() {
                        let tag = format!("variant{i}");
                        v.schema["properties"]["kind"] = json!({"type": "string", "enum": [tag]});
                        let mut required = v.schema["required"].as_array().cloned().unwrap_or_default();
                        required.retain(|r| r != "kind");
                        required.push(json!("kind"));
                        v.schema["required"] = Value::Array(required);
                        v.value["kind"] = json!(tag);
                        schemas.push(v.schema);
                        values.push(v.value);
                    }
                    let value = values[pick.index(values.len())].clone();
                    Case { schema: json!({"oneOf": schemas, "discriminator": {"propertyName": "kind"}}), value }
                },
            ),
        ]
    })
}

/// Defines an item here and keeps its source, to write the same item into
/// each batch's test file.
macro_rules! with_source {
    ($source:ident, $($item:tt)*) => {
        $($item)*
        const $source: &str = stringify!($($item)*);
    };
}

with_source! { SAME,
    /// Numbers equal by value (`2` and `2.0`), everything else by structure.
    fn same(a: &Value, b: &Value) -> bool {
        match (a, b) {
            (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
            (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b)),
            (Value::Object(x), Value::Object(y)) => {
                x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
            }
            _ => a == b,
        }
    }
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").canonicalize().unwrap()
}

/// Generates the batch's crate, with a round-trip test per case, and
/// builds and tests it; the error is what to show.
fn check_batch(cases: &[Case]) -> Result<(), String> {
    let schemas: Map<String, Value> =
        cases.iter().enumerate().map(|(i, c)| (format!("C{i}"), c.schema.clone())).collect();
    let doc = json!({"openapi": "3.0.3", "info": {"title": "Props", "version": "1"}, "paths": {},
        "components": {"schemas": schemas}});
    let text = serde_json::to_string_pretty(&doc).unwrap();
    let loaded = specwright_spec::Loader::new().load_str("props.json", &text);
    let api = loaded.api.as_ref().ok_or_else(|| format!("does not load:\n{text}"))?;
    let options = CrateOptions {
        name: Some("prop-types".into()),
        runtime: RuntimeDep::Path(repo().join("crates/runtime")),
        ..CrateOptions::default()
    };
    let generated = specwright_codegen::generate(api, &options);
    let dir = tempfile::tempdir().unwrap();
    for (rel, content) in &generated.files {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }
    let mut tests = String::from("use prop_types::types::*;\nuse serde_json::Value;\n\n");
    tests.push_str(SAME);
    tests.push_str("\n\n");
    for (i, case) in cases.iter().enumerate() {
        let value = serde_json::to_string(&case.value).unwrap();
        tests.push_str(&format!(
            "#[test]\nfn c{i}() {{\n    let value: Value = serde_json::from_str({value:?}).unwrap();\n    \
             let typed: C{i} = serde_json::from_value(value.clone()).expect(\"C{i} reads its value\");\n    \
             let back = serde_json::to_value(&typed).unwrap();\n    \
             assert!(same(&value, &back), \"C{i}: {{value}} came back as {{back}}\");\n}}\n\n"
        ));
    }
    std::fs::create_dir_all(dir.path().join("tests")).unwrap();
    std::fs::write(dir.path().join("tests/roundtrip.rs"), tests).unwrap();
    // Not a member of any workspace, pinned to this one's lock file.
    let manifest = dir.path().join("Cargo.toml");
    let with_workspace = std::fs::read_to_string(&manifest).unwrap() + "\n[workspace]\n";
    std::fs::write(&manifest, with_workspace).unwrap();
    std::fs::copy(repo().join("Cargo.lock"), dir.path().join("Cargo.lock")).unwrap();
    let out = Command::new(env!("CARGO"))
        .args(["test", "--quiet"])
        .current_dir(dir.path())
        .env("CARGO_TARGET_DIR", repo().join("target/proptest-types"))
        .env("RUSTFLAGS", "-D warnings")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    if out.status.success() && stdout.contains(&format!("test result: ok. {} passed", cases.len())) {
        return Ok(());
    }
    Err(format!("{stdout}\n{}\n--- the document ---\n{text}", String::from_utf8_lossy(&out.stderr)))
}

#[test]
fn arbitrary_schemas_compile_and_their_values_round_trip() {
    // A few batches of many schemas: each is one build of a crate.
    let config = Config { cases: 3, max_shrink_iters: 0, failure_persistence: None, ..Config::default() };
    // The same cases every run, so CI is repeatable; `SPECWRIGHT_PROPTEST_RANDOM=1`
    // draws fresh ones (a failure prints its document, to become a test).
    let mut runner = if std::env::var_os("SPECWRIGHT_PROPTEST_RANDOM").is_some() {
        TestRunner::new(config)
    } else {
        TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::ChaCha))
    };
    runner
        .run(&prop::collection::vec(case(), 16..24), |cases| {
            check_batch(&cases).map_err(proptest::test_runner::TestCaseError::fail)
        })
        .unwrap();
}

#[test]
fn same_compares_numbers_by_value() {
    assert!(same(&json!({"a": [2, 1.5]}), &json!({"a": [2.0, 1.5]})));
    assert!(!same(&json!({"a": 1}), &json!({"a": 1, "b": null})));
}
