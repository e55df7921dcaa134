//! The crates generated for `specs/` are held in `tests/snapshots/`, reviewed
//! like any other change, and built as workspace members.
//! `SPECWRIGHT_UPDATE_SNAPSHOTS=1 cargo test -p specwright-codegen --test snapshots`
//! rewrites them. (This test lives here, not in the tests crate, so that it
//! runs even when the old snapshots no longer compile.)

use std::path::{Path, PathBuf};

use specwright_codegen::{CrateOptions, RuntimeDep};
use specwright_spec::Loader;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn snapshots_dir() -> PathBuf {
    root().join("tests/snapshots")
}

/// The API documents in `specs/`, sorted.
fn specs() -> Vec<PathBuf> {
    let mut specs: Vec<PathBuf> = std::fs::read_dir(root().join("specs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    specs.sort();
    specs
}

#[test]
fn generated_crates_match_their_snapshots() {
    let update = std::env::var_os("SPECWRIGHT_UPDATE_SNAPSHOTS").is_some();
    let mut stale = Vec::new();
    for spec in specs() {
        let stem = spec.file_stem().unwrap().to_string_lossy().into_owned();
        let loaded = Loader::new().load_file(&spec).unwrap();
        let api = loaded.api.expect("the example specs load");
        let options = CrateOptions {
            name: None,
            // Relative to the snapshot crate, so the snapshot reads the same everywhere.
            runtime: RuntimeDep::Path(PathBuf::from("../../../crates/runtime")),
            spec: format!("specs/{stem}.yaml"),
            example_tests: false,
            client: api.kind.is_openapi(),
            server: api.kind.is_openapi(),
            events: !api.kind.is_openapi(),
            role: Default::default(),
            ..CrateOptions::default()
        };
        let generated = specwright_codegen::generate(&api, &options);
        assert!(generated.diagnostics.is_empty(), "{stem}: {:?}", generated.diagnostics);
        for (rel, content) in &generated.files {
            let path = snapshots_dir().join(&stem).join(rel);
            let old = std::fs::read_to_string(&path).unwrap_or_default();
            if old == *content {
                continue;
            }
            if update {
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, content).unwrap();
            } else {
                stale.push(path.display().to_string());
            }
        }
    }
    assert!(
        stale.is_empty(),
        "generated output changed; review it with SPECWRIGHT_UPDATE_SNAPSHOTS=1 cargo test -p specwright-codegen --test snapshots and git diff:\n{}",
        stale.join("\n")
    );
}
