//! The crates generated code names, checked against the including crate's
//! manifest, so that a missing one is one clear message rather than a
//! screen of unresolved paths.

use std::path::Path;

use crate::Error;

/// Crates generated code may name, with the line that adds each.
const CRATES: &[(&str, &str)] = &[
    ("serde", r#"serde = { version = "1", features = ["derive"] }"#),
    ("serde_json", r#"serde_json = "1""#),
    ("chrono", r#"chrono = { version = "0.4", default-features = false, features = ["std", "serde"] }"#),
    ("uuid", r#"uuid = { version = "1", features = ["serde"] }"#),
    ("rust_decimal", r#"rust_decimal = { version = "1", features = ["serde-str"] }"#),
    ("indexmap", r#"indexmap = { version = "2", features = ["serde"] }"#),
    ("schemars", r#"schemars = { version = "1", features = ["chrono04", "uuid1"] }"#),
];

/// The dependencies `source` needs that `manifest` lacks, as lines to add.
/// A manifest that cannot be read is not checked: the compiler will say.
/// `schemars` is asked for apart: the code names it behind a `cfg` either way.
pub(crate) fn check(manifest: &Path, source: &str, runtime_features: &[&str], schemars: bool) -> Result<(), Error> {
    let Ok(text) = std::fs::read_to_string(manifest) else { return Ok(()) };
    let Ok(table) = text.parse::<toml::Table>() else { return Ok(()) };
    // The name code uses: the key, with `-` as `_` (a renamed package keeps
    // its key), from the manifest's dependencies and its per-target ones.
    let targets = table.get("target").and_then(|t| t.as_table()).into_iter().flat_map(|t| t.values());
    let tables = std::iter::once(&table).chain(targets.filter_map(|t| t.as_table()));
    let declared: Vec<String> = tables
        .flat_map(|t| ["dependencies", "dev-dependencies"].map(|section| t.get(section).and_then(|d| d.as_table())))
        .flatten()
        .flat_map(|deps| deps.keys().map(|k| k.replace('-', "_")))
        .collect();
    let mut missing = Vec::new();
    if !declared.iter().any(|d| d == "specwright_runtime") {
        let features = runtime_features.iter().map(|f| format!("\"{f}\"")).collect::<Vec<_>>().join(", ");
        missing.push(format!(
            "specwright-runtime = {{ version = \"{}\", features = [{features}] }}",
            env!("CARGO_PKG_VERSION")
        ));
    }
    for (name, line) in CRATES {
        // serde's derives name the crate whether or not the code does.
        let named = match *name {
            "serde" => true,
            "schemars" => schemars,
            _ => source.contains(&format!("::{name}::")),
        };
        if named && !declared.iter().any(|d| d == name) {
            missing.push(line.to_string());
        }
    }
    if missing.is_empty() {
        Ok(())
    } else {
        Err(Error::Dependencies { manifest: manifest.to_path_buf(), missing })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_the_code_names_and_the_manifest_lacks_is_listed() {
        let dir = tempfile::tempdir().unwrap();
        let manifest = dir.path().join("Cargo.toml");
        std::fs::write(
            &manifest,
            "[package]\nname = \"x\"\n[dependencies]\nspecwright-runtime = \"0.1\"\nserde = \"1\"\n",
        )
        .unwrap();
        let source = "fn f(_: ::chrono::NaiveDate, _: ::uuid::Uuid) {}";
        let Err(Error::Dependencies { missing, .. }) = check(&manifest, source, &["client"], false) else {
            panic!("chrono and uuid are missing")
        };
        assert_eq!(missing.len(), 2);
        assert!(missing[0].starts_with("chrono = ") && missing[1].starts_with("uuid = "), "{missing:?}");
        assert!(check(&manifest, "fn f() {}", &[], false).is_ok());
        let per_target = "[package]\nname = \"x\"\n[dependencies]\nspecwright-runtime = \"0.1\"\nserde = \"1\"\n\
            [target.'cfg(unix)'.dependencies]\nuuid = \"1\"\n";
        std::fs::write(&manifest, per_target).unwrap();
        assert!(check(&manifest, "fn f(_: ::uuid::Uuid) {}", &[], false).is_ok(), "a per-target dependency counts");
        std::fs::write(&manifest, "[package]\nname = \"x\"\n[dependencies]\nspecwright-runtime = \"0.1\"\n").unwrap();
        let Err(Error::Dependencies { missing, .. }) = check(&manifest, "fn f() {}", &[], false) else { panic!() };
        assert!(missing[0].starts_with("serde = "), "serde's derives need it: {missing:?}");
    }
}
