//! Every real spec in the shared corpus loads into the model. The few that
//! really are broken get located errors, named here with the reason.

use std::collections::BTreeMap;

use specwright_spec::{Loader, Severity};
use specwright_tests::{api_documents, corpus_dir};

/// Documents that deviate from their specification in ways that are errors,
/// and the error each must get.
const KNOWN_ERRORS: &[(&str, &str, &str)] = &[(
    "asyncapi/real/forsakringskassan-rimfrost-process.yaml",
    "ref-dangling",
    "refers to kogito-cloudevent.yaml, which the upstream repository does not ship",
)];

/// Deviations the corpus README lists, which load with warnings.
const KNOWN_WARNINGS: &[(&str, &str)] = &[
    ("openapi/yaml/real/deepgram.yml", "duplicate-operation-id"),
    ("openapi/telnyx.com.json", "default-mismatch"),
    ("openapi/pairs/vtex.local__Subscriptions-API-(v2).json", "default-mismatch"),
    ("openapi/pairs/vtex.local__Subscriptions-API-(v3).json", "default-mismatch"),
    ("openapi/codat.io__accounting.json", "schema-type"),
    ("asyncapi/real/defra-ffc-ahwr-application.yaml", "message-empty"),
    ("asyncapi/real/hdi-customer.yaml", "yaml-lenient"),
    ("asyncapi/real/deepgram-api.yml", "ref-lenient"),
    ("asyncapi/real/diamondlightsource-blueapi.yaml", "ref-remote"),
    ("asyncapi/real/adeo-costing/asyncapi.yaml", "schema-format"),
];

#[test]
#[ignore = "needs the corpus: cargo xtask ci runs it"]
fn every_corpus_spec_loads() {
    let root = corpus_dir();
    let docs = api_documents(&root);
    // The npm registry's part of the corpus alone holds 54 documents.
    assert!(docs.len() >= 54, "expected the corpus under {}, found {} documents", root.display(), docs.len());
    let loader = Loader::new();
    let mut table = BTreeMap::new();
    let mut unexpected = Vec::new();
    for path in &docs {
        let rel = path.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
        let loaded = loader.load_file(path).unwrap_or_else(|e| panic!("{rel}: {e}"));
        assert!(loaded.api.is_some(), "{rel} gave no model: {:?}", loaded.diagnostics);
        let errors: Vec<_> = loaded.errors().collect();
        let warnings = loaded.warnings().count();
        for e in &errors {
            assert!(e.location.pos.is_some(), "{rel}: unlocated error {e}");
            let known = KNOWN_ERRORS.iter().any(|(f, code, _)| *f == rel && *code == e.code);
            if !known {
                unexpected.push(format!("{}: {e}", e.place(&loaded.sources)));
            }
        }
        for (file, code) in KNOWN_WARNINGS.iter().filter(|(f, _)| *f == rel) {
            assert!(loaded.warnings().any(|w| w.code == *code), "{file} should warn {code}");
        }
        for d in &loaded.diagnostics {
            assert!(d.location.pos.is_some() || d.severity == Severity::Warning, "{rel}: {d}");
        }
        table.insert(rel, (errors.len(), warnings));
    }
    let (errors, warnings) = table.values().fold((0, 0), |(e, w), (de, dw)| (e + de, w + dw));
    println!("{:<72} {:>6} {:>8}", "document", "errors", "warnings");
    for (rel, (e, w)) in &table {
        if e + w > 0 {
            println!("{rel:<72} {e:>6} {w:>8}");
        }
    }
    println!("{} documents: {errors} errors, {warnings} warnings", table.len());
    assert!(unexpected.is_empty(), "unexpected errors:\n{}", unexpected.join("\n"));
    // Of those this corpus holds: the npm registry's part has none of them.
    for (file, _, why) in KNOWN_ERRORS.iter().filter(|(file, ..)| root.join(file).exists()) {
        assert!(table.get(*file).is_some_and(|(e, _)| *e > 0), "{file} should fail: {why}");
    }
}

#[test]
fn every_example_spec_is_clean() {
    let docs = api_documents(&specwright_tests::specs_dir());
    assert_eq!(docs.len(), 7);
    for path in docs {
        let loaded = Loader::new().load_file(&path).unwrap();
        let all: Vec<String> =
            loaded.diagnostics.iter().map(|d| format!("{}: {d}", d.place(&loaded.sources))).collect();
        assert!(all.is_empty(), "{}:\n{}", path.display(), all.join("\n"));
    }
}
