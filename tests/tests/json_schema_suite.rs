//! The official JSON Schema Test Suite (draft 2020-12, as OpenAPI 3.1 and
//! AsyncAPI 3 write schemas, and draft 4, OpenAPI 3.0's base), run through
//! what a generated server does with a schema: the spec crate reads it, the
//! code generator plans its validation table, and the runtime checks each
//! value against that table, built here in process rather than compiled.
//!
//! Every required case must give the suite's verdict, or be listed in
//! [`EXPECTED`] with the reason it does not; a listed case that passes is
//! an error too, so the list stays true. The pass count per keyword is
//! printed as the table in `BENCHMARKS.md`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use specwright_codegen::plan::validation::{Additional, Entry, Table};
use specwright_runtime::server::schema::{self as srv, Prepared, Schemas};
use specwright_spec::ir::JsonType;

// Why tests fail: the first three on purpose, the others because a remote
// meta-schema is not fetched and `$vocabulary` not read.
const ONE_OF: &str = "`oneOf` is checked as `anyOf`: real specs' alternatives overlap, and a request that fits two of them is not one to refuse";
const FORMAT: &str =
    "formats are checked, as OpenAPI's data types, where the suite's required tests take `format` as an annotation";
const IDENTIFIERS: &str = "draft 4's `id` does not change the base URI: OpenAPI 3.0 and Swagger 2.0, the specs that use draft 4, have no `id` keyword, and real specs of theirs hold `id` as data";
const META_SCHEMA: &str = "the meta-schema is a remote document, which is not fetched";
const VOCABULARY: &str =
    "`$schema` and `$vocabulary` are not read: every keyword of the model is checked whatever the meta-schema says";

/// Tests that fail, with why: (draft/file, case description, test
/// description, why); a test description `*` stands for every test of the
/// case. A listed test that passes is an error, as is an entry that covers
/// no failing test: the list says exactly what fails.
#[rustfmt::skip]
const EXPECTED: &[(&str, &str, &str, &str)] = &[
    ("draft2020-12/oneOf", "oneOf", "both oneOf valid", ONE_OF),
    ("draft2020-12/oneOf", "oneOf complex types", "both oneOf valid (complex)", ONE_OF),
    ("draft2020-12/oneOf", "oneOf with base schema", "both oneOf valid", ONE_OF),
    ("draft2020-12/oneOf", "oneOf with boolean schemas, all true", "*", ONE_OF),
    ("draft2020-12/oneOf", "oneOf with boolean schemas, more than one true", "*", ONE_OF),
    ("draft2020-12/oneOf", "oneOf with empty schema", "both valid - invalid", ONE_OF),
    ("draft2020-12/oneOf", "oneOf with missing optional property", "both oneOf valid", ONE_OF),
    ("draft2020-12/oneOf", "oneOf with required", "both valid - invalid", ONE_OF),
    ("draft2020-12/unevaluatedProperties", "dynamic evalation inside nested refs", "a + b is invalid", ONE_OF),
    ("draft2020-12/unevaluatedProperties", "dynamic evalation inside nested refs", "a + c is invalid", ONE_OF),
    ("draft2020-12/unevaluatedProperties", "dynamic evalation inside nested refs", "a + d is invalid", ONE_OF),
    ("draft2020-12/unevaluatedProperties", "dynamic evalation inside nested refs", "all + a is invalid", ONE_OF),
    ("draft2020-12/unevaluatedProperties", "dynamic evalation inside nested refs", "b + c is invalid", ONE_OF),
    ("draft2020-12/unevaluatedProperties", "dynamic evalation inside nested refs", "b + d is invalid", ONE_OF),
    ("draft2020-12/unevaluatedProperties", "dynamic evalation inside nested refs", "c + d is invalid", ONE_OF),
    ("draft2020-12/unevaluatedProperties", "dynamic evalation inside nested refs", "xx + a is invalid", ONE_OF),
    ("draft2020-12/unevaluatedProperties", "dynamic evalation inside nested refs", "xx + b is invalid", ONE_OF),
    ("draft2020-12/unevaluatedProperties", "dynamic evalation inside nested refs", "xx + c is invalid", ONE_OF),
    ("draft2020-12/unevaluatedProperties", "dynamic evalation inside nested refs", "xx + d is invalid", ONE_OF),
    ("draft2020-12/unevaluatedProperties", "unevaluatedProperties + ref inside allOf / oneOf", "a and b and x and y are invalid", ONE_OF),
    ("draft2020-12/unevaluatedProperties", "unevaluatedProperties + ref inside allOf / oneOf", "x and y are invalid", ONE_OF),
    ("draft4/oneOf", "oneOf", "both oneOf valid", ONE_OF),
    ("draft4/oneOf", "oneOf complex types", "both oneOf valid (complex)", ONE_OF),
    ("draft4/oneOf", "oneOf with base schema", "both oneOf valid", ONE_OF),
    ("draft4/oneOf", "oneOf with empty schema", "both valid - invalid", ONE_OF),
    ("draft4/oneOf", "oneOf with missing optional property", "both oneOf valid", ONE_OF),
    ("draft4/oneOf", "oneOf with required", "both valid - invalid", ONE_OF),
    ("draft2020-12/format", "date format", "invalid date string is only an annotation by default", FORMAT),
    ("draft2020-12/format", "date-time format", "invalid date-time string is only an annotation by default", FORMAT),
    ("draft2020-12/format", "email format", "invalid email string is only an annotation by default", FORMAT),
    ("draft2020-12/format", "ipv4 format", "invalid ipv4 string is only an annotation by default", FORMAT),
    ("draft2020-12/format", "ipv6 format", "invalid ipv6 string is only an annotation by default", FORMAT),
    ("draft2020-12/format", "uri format", "invalid uri string is only an annotation by default", FORMAT),
    ("draft2020-12/format", "uuid format", "invalid uuid string is only an annotation by default", FORMAT),
    ("draft2020-12/ref", "remote ref, containing refs itself", "remote ref invalid", META_SCHEMA),
    ("draft4/ref", "$ref prevents a sibling id from changing the base uri", "*", IDENTIFIERS),
    ("draft4/ref", "Location-independent identifier with base URI change in subschema", "*", IDENTIFIERS),
    ("draft4/ref", "Recursive references between schemas", "*", IDENTIFIERS),
    ("draft4/ref", "id must be resolved against nearest parent, not just immediate parent", "non-number is invalid", IDENTIFIERS),
    ("draft4/refRemote", "base URI change", "*", IDENTIFIERS),
    ("draft4/refRemote", "base URI change - change folder", "*", IDENTIFIERS),
    ("draft4/refRemote", "base URI change - change folder in subschema", "*", IDENTIFIERS),
    ("draft4/refRemote", "root ref in remote ref", "*", IDENTIFIERS),
    ("draft2020-12/defs", "validate definition against metaschema", "invalid definition schema", META_SCHEMA),
    ("draft4/definitions", "validate definition against metaschema", "*", META_SCHEMA),
    ("draft4/ref", "remote ref, containing refs itself", "*", META_SCHEMA),
    ("draft2020-12/vocabulary", "schema that uses custom metaschema with with no validation vocabulary", "no validation: invalid number, but it still validates", VOCABULARY),
];

/// Where the suite is: `$SPECWRIGHT_JSON_SCHEMA_SUITE`, else beside the corpus.
fn suite_dir() -> PathBuf {
    std::env::var_os("SPECWRIGHT_JSON_SCHEMA_SUITE").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/json-schema-test-suite"),
        PathBuf::from,
    )
}

#[test]
#[ignore = "reads the JSON Schema Test Suite beside the corpus; CI's ignored tier runs it"]
fn json_schema_test_suite() {
    let suite = suite_dir();
    assert!(suite.join("tests").is_dir(), "the JSON Schema Test Suite is not at {}", suite.display());
    let work = tempfile::tempdir().expect("a temporary folder");
    let mut tally: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut unexpected = Vec::new();
    let mut listed_but_passed = Vec::new();
    let mut failed_as_listed = 0;
    let mut entry_failures = vec![0; EXPECTED.len()];
    for (draft, openapi) in [("draft2020-12", "3.1.0"), ("draft4", "3.0.3")] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(suite.join("tests").join(draft))
            .expect("the draft's folder")
            .map(|e| e.expect("a folder entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        files.sort();
        for file in files {
            let keyword = file.file_stem().expect("a file name").to_string_lossy().into_owned();
            let place = format!("{draft}/{keyword}");
            let cases: Vec<Value> =
                serde_json::from_str(&std::fs::read_to_string(&file).expect("readable")).expect("JSON");
            for case in &cases {
                let description = case["description"].as_str().unwrap_or_default();
                let verdicts = run_case(work.path(), &suite, openapi, &case["schema"], &case["tests"]);
                for (test, outcome) in case["tests"].as_array().expect("tests").iter().zip(verdicts) {
                    let test_description = test["description"].as_str().unwrap_or_default();
                    let listed = EXPECTED.iter().position(|(p, c, t, _)| {
                        *p == place && (*c == "*" || *c == description) && (*t == "*" || *t == test_description)
                    });
                    let counts = tally.entry(place.clone()).or_default();
                    counts.1 += 1;
                    match (outcome, listed) {
                        (Ok(()), None) => counts.0 += 1,
                        (Ok(()), Some(_)) => {
                            counts.0 += 1;
                            listed_but_passed.push(format!("{place}: {description}: {test_description}"));
                        }
                        (Err(_), Some(entry)) => {
                            failed_as_listed += 1;
                            entry_failures[entry] += 1;
                        }
                        (Err(why), None) => {
                            unexpected.push(format!("{place}: {description}: {test_description}: {why}"))
                        }
                    }
                }
            }
        }
    }
    for (entry, failures) in EXPECTED.iter().zip(&entry_failures) {
        if *failures == 0 {
            listed_but_passed.push(format!("{}: {}: {}: nothing it covers fails", entry.0, entry.1, entry.2));
        }
    }
    println!("| keyword | passed |\n|---|---|");
    let (mut passed, mut total) = (0, 0);
    for (place, (p, t)) in &tally {
        println!("| {place} | {p} / {t} |");
        passed += p;
        total += t;
    }
    println!(
        "| all | {passed} / {total} ({:.1}%); {failed_as_listed} fail as listed, {} unexpectedly |",
        100.0 * passed as f64 / total as f64,
        unexpected.len()
    );
    assert!(
        unexpected.is_empty() && listed_but_passed.is_empty(),
        "{} cases fail and are not listed:\n{}\n{} listed cases pass:\n{}",
        unexpected.len(),
        unexpected.join("\n"),
        listed_but_passed.len(),
        listed_but_passed.join("\n")
    );
}

/// Each test's outcome: `Ok` when the table gives the suite's verdict.
fn run_case(work: &Path, suite: &Path, openapi: &str, schema: &Value, tests: &Value) -> Vec<Result<(), String>> {
    let tests = tests.as_array().expect("tests");
    // The schema is a file of its own, so that `#` in its references is the
    // schema itself; the document names it as a component.
    std::fs::write(work.join("schema.json"), schema.to_string()).expect("writable");
    let document = json!({
        "openapi": openapi,
        "info": {"title": "suite", "version": "1"},
        "paths": {},
        "components": {"schemas": {"Case": {"$ref": "schema.json"}}}
    });
    std::fs::write(work.join("api.json"), document.to_string()).expect("writable");
    let loaded = specwright_spec::Loader::new()
        .map_url("http://localhost:1234/", suite.join("remotes"))
        .load_file(work.join("api.json"))
        .expect("the document reads");
    let errors: Vec<String> = loaded.errors().map(|d| d.to_string()).collect();
    let Some(api) = loaded.api.filter(|_| errors.is_empty()) else {
        return tests.iter().map(|_| Err(format!("the schema does not load: {}", errors.join("; ")))).collect();
    };
    let mut table = Table::default();
    let at = table.add(&api, api.components["Case"]);
    let entries: Vec<srv::Schema> = table.entries(&api).iter().map(runtime).collect();
    let schemas =
        Schemas { table: Box::leak(entries.into_boxed_slice()), prepared: Box::leak(Box::new(Prepared::new())) };
    tests
        .iter()
        .map(|test| {
            let mut failures = Vec::new();
            schemas.validate(at, &test["data"], &mut String::new(), &mut failures);
            match (failures.is_empty(), test["valid"].as_bool()) {
                (true, Some(true)) | (false, Some(false)) => Ok(()),
                (true, _) => Err("accepted".into()),
                (false, _) => Err(format!("refused: {failures:?}")),
            }
        })
        .collect()
}

/// The runtime's schema for a planned entry, as the generated table writes
/// it. Every field is named, so a field the runtime gains is a compile
/// error here until the test builds it too.
fn runtime(e: &Entry) -> srv::Schema {
    fn leak<T>(items: Vec<T>) -> &'static [T] {
        Box::leak(items.into_boxed_slice())
    }
    fn text(s: &str) -> &'static str {
        Box::leak(s.to_owned().into_boxed_str())
    }
    fn texts(v: &[String]) -> &'static [&'static str] {
        leak(v.iter().map(|s| text(s)).collect())
    }
    fn named(v: &[(String, usize)]) -> &'static [(&'static str, usize)] {
        leak(v.iter().map(|(n, at)| (text(n), *at)).collect())
    }
    let types = e.types.iter().fold(0, |bits, t| {
        bits | match t {
            JsonType::Null => srv::types::NULL,
            JsonType::Boolean => srv::types::BOOLEAN,
            JsonType::Object => srv::types::OBJECT,
            JsonType::Array => srv::types::ARRAY,
            JsonType::Number => srv::types::NUMBER,
            JsonType::String => srv::types::STRING,
            JsonType::Integer => srv::types::INTEGER,
        }
    });
    let format = match e.format {
        None => srv::Format::None,
        Some("Int32") => srv::Format::Int32,
        Some("Int64") => srv::Format::Int64,
        Some("Date") => srv::Format::Date,
        Some("DateTime") => srv::Format::DateTime,
        Some("Uuid") => srv::Format::Uuid,
        Some("Email") => srv::Format::Email,
        Some("Uri") => srv::Format::Uri,
        Some("Ipv4") => srv::Format::Ipv4,
        Some("Ipv6") => srv::Format::Ipv6,
        Some("Byte") => srv::Format::Byte,
        Some(other) => panic!("the runtime has no format {other}"),
    };
    srv::Schema {
        nothing: e.nothing,
        reference: e.reference,
        types,
        format,
        enumeration: texts(&e.enumeration),
        minimum: e.minimum,
        maximum: e.maximum,
        exclusive_minimum: e.exclusive_minimum,
        exclusive_maximum: e.exclusive_maximum,
        multiple_of: e.multiple_of,
        min_length: e.min_length,
        max_length: e.max_length,
        pattern: e.pattern.as_deref().map(text),
        items: e.items,
        prefix_items: leak(e.prefix_items.clone()),
        contains: e.contains,
        min_contains: e.min_contains,
        max_contains: e.max_contains,
        min_items: e.min_items,
        max_items: e.max_items,
        unique_items: e.unique_items,
        unevaluated_items: e.unevaluated_items,
        properties: named(&e.properties),
        pattern_properties: named(&e.pattern_properties),
        property_names: e.property_names,
        required: texts(&e.required),
        dependent_required: leak(e.dependent_required.iter().map(|(n, needs)| (text(n), texts(needs))).collect()),
        dependent_schemas: named(&e.dependent_schemas),
        unevaluated_properties: e.unevaluated_properties,
        additional: match e.additional {
            Additional::Any => srv::Additional::Any,
            Additional::Nothing => srv::Additional::Nothing,
            Additional::Schema(at) => srv::Additional::Schema(at),
        },
        min_properties: e.min_properties,
        max_properties: e.max_properties,
        all_of: leak(e.all_of.clone()),
        any_of: leak(e.any_of.clone()),
        one_of: leak(e.one_of.clone()),
        not: e.not,
        conditional: e.conditional,
    }
}
