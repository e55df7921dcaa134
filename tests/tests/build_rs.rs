//! `specwright-build` under cargo itself: a crate whose build script
//! generates from a spec that reaches a second file only through `$ref`.
//! Touching that file runs the build script again; touching nothing, or a
//! file the spec does not reach, leaves the crate fresh.
//!
//! The crate builds in a target folder of its own (the first build compiles
//! the generator, a minute or two), so this test never waits on the lock of
//! the build running it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").canonicalize().unwrap()
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// A crate of its own (not a member of this workspace), pinned to this
/// workspace's lock file so that it builds what the workspace builds.
fn probe_crate(dir: &Path) {
    let repo = repo();
    write(
        &dir.join("Cargo.toml"),
        &format!(
            r#"[package]
name = "rerun-probe"
version = "0.1.0"
edition = "2021"
publish = false

[workspace]

[dependencies]
specwright-runtime = {{ path = "{repo}/crates/runtime" }}
serde = {{ version = "1", features = ["derive"] }}
serde_json = "1"

[build-dependencies]
specwright-build = {{ path = "{repo}/crates/build" }}
"#,
            repo = repo.display()
        ),
    );
    std::fs::copy(repo.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    write(
        &dir.join("build.rs"),
        "fn main() -> Result<(), specwright_build::Error> {\n    \
         specwright_build::configure().types_only(true).compile(&[\"api/root.yaml\"])\n}\n",
    );
    write(
        &dir.join("src/lib.rs"),
        "pub mod api {\n    specwright_runtime::include_api!(\"root\");\n}\n\n\
         pub fn name(pet: &api::types::Pet) -> &str {\n    &pet.name\n}\n",
    );
    write(
        &dir.join("api/root.yaml"),
        "openapi: 3.0.3\ninfo: {title: Probe, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    \
         Pet:\n      $ref: 'parts/pet.yaml'\n",
    );
    write(&dir.join("api/parts/pet.yaml"), "type: object\nrequired: [name]\nproperties:\n  name: {type: string}\n");
    write(&dir.join("api/unrelated.yaml"), "type: string\n");
}

/// `cargo build -v` in `dir`: whether it ran the probe's build script.
fn build(dir: &Path, target: &Path) -> bool {
    let out = Command::new(env!("CARGO"))
        .args(["build", "-v"])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    stderr.lines().any(|l| l.contains("Running") && l.contains("rerun-probe") && l.contains("build-script-build"))
}

fn touch(path: &Path) {
    // Later than anything the last build wrote, whatever the clock's grain.
    let later = SystemTime::now() + Duration::from_secs(2);
    std::fs::File::options().write(true).open(path).unwrap().set_modified(later).unwrap();
}

#[test]
fn a_file_reached_through_ref_reruns_generation_and_nothing_else_does() {
    let dir = tempfile::tempdir().unwrap();
    probe_crate(dir.path());
    let target = repo().join("target/build-rs-probe");

    assert!(build(dir.path(), &target), "the first build generates");
    let generated = std::fs::read_dir(target.join("debug/build"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path().join("out/specwright/root.rs"))
        .find(|p| p.exists())
        .expect("the generated file in OUT_DIR");
    assert!(std::fs::read_to_string(&generated).unwrap().contains("pub struct Pet"));

    assert!(!build(dir.path(), &target), "nothing touched: the build script does not run");
    touch(&dir.path().join("api/unrelated.yaml"));
    assert!(!build(dir.path(), &target), "a file the spec does not reach: it does not run");
    touch(&dir.path().join("api/parts/pet.yaml"));
    assert!(build(dir.path(), &target), "a file reached only through $ref: it runs again");
}
