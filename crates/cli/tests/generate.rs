//! `specwright generate`: `--check` both ways, a settings file with
//! several specs (filters, type replacements, a module layout), a settings
//! file that is wrong, and `cargo specwright`.

use std::path::{Path, PathBuf};
use std::process::Command;

fn specs() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../specs")
}

fn run(program: &str, args: &[&str], dir: &Path) -> (i32, String) {
    let out = Command::new(program).args(args).current_dir(dir).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    (out.status.code().unwrap(), stderr)
}

fn specwright(args: &[&str], dir: &Path) -> (i32, String) {
    run(env!("CARGO_BIN_EXE_specwright"), args, dir)
}

#[test]
fn check_passes_on_what_was_written_and_fails_on_an_edit() {
    let dir = tempfile::tempdir().unwrap();
    let spec = specs().join("petstore.yaml");
    let spec = spec.to_str().unwrap();
    let (code, err) = specwright(&["generate", spec, "--out", "pets", "--server"], dir.path());
    assert_eq!(code, 0, "{err}");
    let (code, err) = specwright(&["generate", spec, "--out", "pets", "--server", "--check"], dir.path());
    assert_eq!(code, 0, "{err}");

    let types = dir.path().join("pets/src/types.rs");
    let edited = std::fs::read_to_string(&types).unwrap().replace("pub struct Cat", "pub struct Kitten");
    std::fs::write(&types, edited).unwrap();
    let (code, err) = specwright(&["generate", spec, "--out", "pets", "--server", "--check"], dir.path());
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("out of date") && err.contains("types.rs"), "{err}");
    // The check wrote nothing.
    assert!(std::fs::read_to_string(&types).unwrap().contains("pub struct Kitten"));
}

#[test]
fn a_settings_file_generates_each_api_as_it_says() {
    let dir = tempfile::tempdir().unwrap();
    let settings = format!(
        r#"
[[api]]
spec = "{specs}/petstore.yaml"
out = "pets"
name = "pets"
exclude = {{ operations = ["deletePet"] }}

[[api]]
spec = "{specs}/orders.yaml"
out = "src"
layout = "module"
server = true
types = {{ Money = "crate::money::Money" }}
type-attributes = [{{ pattern = "OrderItem", derive = ["Eq", "Hash"] }}]
include = {{ tags = ["orders", "nonesuch"] }}
"#,
        specs = specs().display()
    );
    std::fs::write(dir.path().join("specwright.toml"), settings).unwrap();
    let (code, err) = specwright(&["generate"], dir.path());
    assert_eq!(code, 0, "{err}");

    let client = std::fs::read_to_string(dir.path().join("pets/src/client.rs")).unwrap();
    assert!(client.contains("pub fn create_pet(") && !client.contains("pub fn delete_pet("), "deletePet is left out");
    let module = std::fs::read_to_string(dir.path().join("src/order_service_api.rs")).unwrap();
    assert!(module.contains("pub type Money = crate::money::Money;"), "Money is ours");
    assert!(!module.contains("pub struct Money"));
    assert!(module.contains("#[derive(Eq, Hash)]"), "OrderItem has the extra derives");
    assert!(!module.contains("pub mod client"), "server only");
    assert!(err.contains("include.tags: nonesuch") && err.contains("specwright.toml:"), "{err}");

    // The same settings, checked: up to date.
    let (code, err) = specwright(&["generate", "--check"], dir.path());
    assert_eq!(code, 0, "{err}");
}

#[test]
fn a_wrong_settings_file_is_an_error_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("specwright.toml"), "[[api]]\nspec = \"a.yaml\"\nlayout = \"folder\"\n").unwrap();
    let (code, err) = specwright(&["generate"], dir.path());
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("specwright.toml:3:") && err.contains("folder"), "{err}");

    let empty = tempfile::tempdir().unwrap();
    let (code, err) = specwright(&["generate"], empty.path());
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("specwright.toml") && err.contains("--out"), "says what to do instead: {err}");
}

#[test]
fn cargo_runs_it_as_a_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let spec = specs().join("order-events.yaml");
    let args = ["specwright", "generate", spec.to_str().unwrap(), "--out", "events", "--quiet"];
    let (code, err) = run(env!("CARGO_BIN_EXE_cargo-specwright"), &args, dir.path());
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty(), "--quiet prints nothing: {err}");
    assert!(dir.path().join("events/src/events.rs").exists());
}

/// Diagnostics from generating (after loading) name their line and column,
/// as loading's do, and the spec's text reaches the terminal escaped.
#[test]
fn generation_diagnostics_are_located() {
    let dir = tempfile::tempdir().unwrap();
    let spec = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    \
                Sku:\n      type: string\n      x-rust-type: crate::Sku\n";
    std::fs::write(dir.path().join("api.yaml"), spec).unwrap();
    let (code, err) = specwright(&["generate", "api.yaml", "--out", "out"], dir.path());
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("rust-type-ignored") && err.contains("api.yaml:7:7"), "{err}");
}

#[test]
fn the_runtime_is_the_generators_version_unless_a_setting_names_another() {
    let dir = tempfile::tempdir().unwrap();
    let spec = specs().join("storage.yaml");
    let spec = spec.to_str().unwrap();
    let manifest = |crate_dir: &str| std::fs::read_to_string(dir.path().join(crate_dir).join("Cargo.toml")).unwrap();

    let (code, err) = specwright(&["generate", spec, "--out", "by-version"], dir.path());
    assert_eq!(code, 0, "{err}");
    let version = env!("CARGO_PKG_VERSION");
    assert!(err.contains(&format!("runtime: specwright-runtime {version} from crates.io")), "{err}");
    let written = manifest("by-version");
    assert!(written.contains(&format!("specwright-runtime = {{ version = \"{version}\", features = [\"client\"] }}")));
    assert!(written.contains(&format!("rust-version = \"{}\"", env!("CARGO_PKG_RUST_VERSION"))), "{written}");

    let (code, err) =
        specwright(&["generate", spec, "--out", "by-git", "--runtime", "https://example.com/sw.git#v1"], dir.path());
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("from the git repository https://example.com/sw.git at v1"), "{err}");
    assert!(manifest("by-git")
        .contains(r#"specwright-runtime = { git = "https://example.com/sw.git", rev = "v1", features"#));

    // In a settings file, a folder is relative to the file; a wrong one is
    // an error at its place.
    let runtime = Path::new(env!("CARGO_MANIFEST_DIR")).join("../runtime").canonicalize().unwrap();
    let settings = format!("runtime = \"{}\"\n\n[[api]]\nspec = \"{spec}\"\nout = \"by-path\"\n", runtime.display());
    std::fs::write(dir.path().join("specwright.toml"), settings).unwrap();
    let (code, err) = specwright(&["generate"], dir.path());
    assert_eq!(code, 0, "{err}");
    assert!(err.contains(&format!("from the folder {}", runtime.display())), "{err}");
    assert!(manifest("by-path").contains(&format!("path = \"{}\"", runtime.display())));

    std::fs::write(
        dir.path().join("specwright.toml"),
        format!("runtime = \"no-such-dir\"\n\n[[api]]\nspec = \"{spec}\"\nout = \"x\"\n"),
    )
    .unwrap();
    let (code, err) = specwright(&["generate"], dir.path());
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("runtime:") && err.contains("specwright.toml:1:11"), "{err}");
}
