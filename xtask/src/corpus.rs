//! `cargo xtask corpus`: the crate of every API document in the shared
//! corpus, generated into one throwaway workspace (`target/corpus`), linted,
//! and its examples round-tripped.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{cargo, root};

/// Generates the types crate of every API document in the corpus into one
/// throwaway workspace (`target/corpus`), lints each with clippy, and prints
/// a table. Fails if any generated crate does not compile cleanly.
pub fn corpus() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(2).collect();
    let corpus = crate::corpus_source::corpus()?;
    corpus_in(&corpus.dir, &args.iter().map(String::as_str).collect::<Vec<_>>())
}

/// The corpus run over the documents under `corpus`, with the command's
/// arguments.
pub fn corpus_in(corpus: &Path, args: &[&str]) -> Result<(), String> {
    let (mut examples, mut types_only, mut skip, mut filter) = (true, false, None, None);
    let mut rest = args.iter();
    while let Some(&arg) = rest.next() {
        match arg {
            "--no-examples" => examples = false,
            "--types-only" => types_only = true,
            "--skip" => skip = rest.next().map(|s| s.to_string()),
            other if !other.starts_with("--") => filter = Some(other.to_string()),
            _ => {}
        }
    }
    cargo(&["build", "--release", "-p", "specwright"])?;
    let bin = root().join("target/release/specwright");
    let corpus = corpus.to_path_buf();
    let work = root().join("target/corpus");
    let crates = work.join("crates");
    let mut docs = api_documents(&bin, &corpus)?;
    if let Some(f) = &filter {
        docs.retain(|d| d.to_string_lossy().contains(f.as_str()));
    }
    if let Some(skip) = &skip {
        docs.retain(|d| !d.to_string_lossy().contains(skip.as_str()));
    }
    let mut rows = Vec::new();
    let mut members = Vec::new();
    let mut example_tally = ExampleTally::default();
    for doc in &docs {
        let rel = doc.strip_prefix(&corpus).unwrap_or(doc).to_string_lossy().replace('\\', "/");
        let slug = slug(&rel);
        let out = crates.join(&slug);
        let started = std::time::Instant::now();
        // Clients and servers for OpenAPI documents; AsyncAPI documents get
        // their publisher and handlers, as the application (`--role client`
        // reuses the same generation with the actions swapped).
        let parts: &[&str] = if types_only {
            &["--types-only"]
        } else if rel.starts_with("asyncapi/") {
            &["--events"]
        } else {
            &["--client", "--server"]
        };
        let status = Command::new(&bin)
            .arg("generate")
            .args(parts)
            .args(["--example-tests", "--quiet", "--name", &slug, "--runtime-path"])
            .arg(root().join("crates/runtime"))
            .arg("--out")
            .arg(&out)
            .arg(doc)
            .stderr(std::process::Stdio::null())
            .status()
            .map_err(|e| e.to_string())?;
        let generate_secs = started.elapsed().as_secs_f64();
        match status.code() {
            Some(0) => members.push((rel, slug, generate_secs)),
            // The spec itself has errors (the corpus has one such document).
            Some(1) => rows.push(Row::spec_error(rel)),
            _ => rows.push(Row::failed(rel, "generate failed")),
        }
    }
    // No debug info and no incremental state: 137 crates' test executables
    // with full debug info filled a CI machine's disk, and nobody debugs them.
    let manifest = format!(
        "[workspace]\nresolver = \"2\"\nmembers = [\n{}]\n\n[profile.dev]\ndebug = false\nincremental = false\n",
        members.iter().map(|(_, s, _)| format!("  \"crates/{s}\",\n")).collect::<String>()
    );
    std::fs::write(work.join("Cargo.toml"), manifest).map_err(|e| e.to_string())?;
    // One cargo run builds and lints every library, and one builds every
    // examples test on them: both cores stay busy, no crate pays for a cargo
    // start of its own, and no library is compiled twice (once to lint it,
    // once to build it).
    let started = std::time::Instant::now();
    let lints = build_and_lint(&work)?;
    let lint_secs = started.elapsed().as_secs_f64();
    let started = std::time::Instant::now();
    let tests = if examples { build_examples(&work)? } else { Default::default() };
    let build_secs = started.elapsed().as_secs_f64();
    for (rel, slug, generate_secs) in members {
        let lines: usize = ["src/types.rs", "src/operations.rs", "src/client.rs", "src/server.rs"]
            .iter()
            .map(|f| std::fs::read_to_string(crates.join(&slug).join(f)).map_or(0, |t| t.lines().count()))
            .sum();
        let lint = lints.get(&slug).cloned().unwrap_or_default();
        let result = if lint.errors.is_empty() { "ok" } else { "FAILED" };
        for message in lint.errors.iter().chain(&lint.warnings).take(5) {
            eprintln!("{rel}:\n{message}");
        }
        let has_examples = examples && crates.join(&slug).join("tests/examples.rs").exists();
        let examples = match tests.get(&slug) {
            Some(test) if lint.errors.is_empty() => run_examples(test, &rel, &mut example_tally)?,
            None if has_examples && lint.errors.is_empty() => {
                example_tally.unexpected.push((rel.clone(), "its examples test did not build".into()));
                String::from("FAILED")
            }
            _ => String::from("-"),
        };
        rows.push(Row { spec: rel, lines, warnings: lint.warnings.len(), result, examples, generate_secs });
    }
    println!("{:<64} {:>7} {:>8} {:>10} {:>9} {:>7}", "spec", "lines", "warnings", "result", "examples", "gen s");
    for r in &rows {
        println!(
            "{:<64} {:>7} {:>8} {:>10} {:>9} {:>7.2}",
            r.spec, r.lines, r.warnings, r.result, r.examples, r.generate_secs
        );
    }
    println!(
        "building and linting every crate took {lint_secs:.0} s; building their examples tests, {build_secs:.0} s"
    );
    println!(
        "examples: {} round-trip ({} of them with undeclared properties left out), {} contradict their own schema, {} fail unexpectedly",
        example_tally.passed,
        example_tally.undeclared,
        example_tally.known.len(),
        example_tally.unexpected.len()
    );
    for (place, why) in &example_tally.unexpected {
        println!("  unexpected: {place}: {why}");
    }
    let mut faults: Vec<(&String, usize)> = Vec::new();
    for spec in &example_tally.known {
        match faults.iter_mut().find(|(s, _)| *s == spec) {
            Some((_, n)) => *n += 1,
            None => faults.push((spec, 1)),
        }
    }
    for (spec, n) in faults {
        println!("  {n} examples in {spec} contradict their own schema (each is listed with its reason by its crate's examples test)");
    }
    let failed = rows.iter().filter(|r| r.result == "FAILED").count();
    let warned = rows.iter().filter(|r| r.warnings > 0).count();
    let compiled = rows.iter().filter(|r| r.result == "ok").count();
    println!(
        "{compiled} compiled, {failed} failed, {warned} with warnings, {} spec errors",
        rows.len() - compiled - failed
    );
    if failed > 0 || warned > 0 {
        return Err(format!("{failed} generated crates failed to compile, {warned} had warnings"));
    }
    if !example_tally.unexpected.is_empty() {
        return Err(format!("{} examples do not round-trip", example_tally.unexpected.len()));
    }
    Ok(())
}

#[derive(Default)]
struct ExampleTally {
    passed: usize,
    /// Of those passed, how many had properties their schema does not declare.
    undeclared: usize,
    known: Vec<String>,
    unexpected: Vec<(String, String)>,
}

/// A crate's warnings and errors, as rustc and clippy render them.
#[derive(Clone, Default)]
struct Lint {
    warnings: Vec<String>,
    errors: Vec<String>,
}

/// The crate (its folder under `crates/`) a cargo JSON message is about.
fn package_of(message: &serde_json::Value) -> Option<String> {
    let id = message["package_id"].as_str()?;
    // `path+file:///.../crates/SLUG#0.1.0` (or `#SLUG@0.1.0`).
    let path = id.split('#').next()?;
    path.rsplit('/').next().map(str::to_string)
}

/// Clippy's compiler, beside the cargo that built this program.
fn clippy_driver() -> PathBuf {
    let beside = Path::new(env!("CARGO")).with_file_name("clippy-driver");
    if beside.exists() {
        beside
    } else {
        PathBuf::from("clippy-driver")
    }
}

/// Builds every library of the corpus workspace in one run, with clippy's
/// lints (clippy's compiler builds them in full, as `cargo clippy` would
/// only check them), `--keep-going` so one crate's errors do not stop the
/// others. The examples tests then reuse the libraries.
fn build_and_lint(work: &Path) -> Result<HashMap<String, Lint>, String> {
    let output = Command::new(env!("CARGO"))
        .args(["build", "--workspace", "--lib", "--keep-going", "--message-format", "json"])
        .current_dir(work)
        .env("CARGO_TARGET_DIR", work.join("target"))
        .env("RUSTC_WORKSPACE_WRAPPER", clippy_driver())
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(|e| e.to_string())?;
    let mut out: HashMap<String, Lint> = HashMap::new();
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let Ok(message) = serde_json::from_str::<serde_json::Value>(line) else { continue };
        if message["reason"] != "compiler-message" {
            continue;
        }
        let Some(slug) = package_of(&message) else { continue };
        let rendered = message["message"]["rendered"].as_str().unwrap_or_default().to_string();
        let lint = out.entry(slug).or_default();
        match message["message"]["level"].as_str() {
            Some("error") => lint.errors.push(rendered),
            Some("warning") => lint.warnings.push(rendered),
            _ => {}
        }
    }
    Ok(out)
}

/// Builds every crate's examples test in one run; gives each test's
/// executable. Under the same wrapper as the libraries, so they are reused.
fn build_examples(work: &Path) -> Result<HashMap<String, PathBuf>, String> {
    let output = Command::new(env!("CARGO"))
        .args(["test", "--workspace", "--no-fail-fast", "--test", "examples", "--no-run", "--message-format", "json"])
        .current_dir(work)
        .env("CARGO_TARGET_DIR", work.join("target"))
        .env("RUSTC_WORKSPACE_WRAPPER", clippy_driver())
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(|e| e.to_string())?;
    let mut out = HashMap::new();
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let Ok(message) = serde_json::from_str::<serde_json::Value>(line) else { continue };
        if message["reason"] != "compiler-artifact" || message["target"]["name"] != "examples" {
            continue;
        }
        if let (Some(slug), Some(executable)) = (package_of(&message), message["executable"].as_str()) {
            out.insert(slug, PathBuf::from(executable));
        }
    }
    Ok(out)
}

/// Runs a generated crate's examples test; gives "passed/total" for the table.
fn run_examples(test: &Path, rel: &str, tally: &mut ExampleTally) -> Result<String, String> {
    let output = Command::new(test).arg("--nocapture").output().map_err(|e| format!("{}: {e}", test.display()))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let (mut passed, mut total) = (0, 0);
    for line in stdout.lines() {
        if let Some(rest) = line.strip_prefix("example-failed: ") {
            total += 1;
            let (place, why) = rest.split_once(": ").unwrap_or((rest, ""));
            tally.unexpected.push((format!("{rel} {place}"), why.chars().take(300).collect()));
        } else if line.starts_with("example-contradicts-schema: ") {
            total += 1;
            tally.known.push(rel.to_string());
        } else if let Some(rest) = line.strip_prefix("examples: ") {
            passed = rest.split(' ').next().and_then(|n| n.parse().ok()).unwrap_or(0);
            tally.undeclared += rest
                .split(", ")
                .find(|part| part.ends_with("passed with undeclared properties left out"))
                .and_then(|part| part.split(' ').next()?.parse::<usize>().ok())
                .unwrap_or(0);
        }
    }
    if passed == 0 && total == 0 && !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        tally.unexpected.push((
            rel.to_string(),
            format!("examples test failed: {}", stderr.lines().take(5).collect::<Vec<_>>().join(" ")),
        ));
    }
    tally.passed += passed;
    Ok(format!("{passed}/{}", passed + total))
}

struct Row {
    spec: String,
    lines: usize,
    warnings: usize,
    result: &'static str,
    examples: String,
    generate_secs: f64,
}

impl Row {
    fn spec_error(spec: String) -> Row {
        Row { spec, lines: 0, warnings: 0, result: "spec error", examples: "-".into(), generate_secs: 0.0 }
    }

    fn failed(spec: String, why: &str) -> Row {
        eprintln!("{spec}: {why}");
        Row { spec, lines: 0, warnings: 0, result: "FAILED", examples: "-".into(), generate_secs: 0.0 }
    }
}

/// A package name for a corpus path: `openapi/stripe.com.json` gives `c-openapi-stripe-com-json`.
fn slug(rel: &str) -> String {
    let mut s: String =
        rel.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    while s.contains("--") {
        s = s.replace("--", "-");
    }
    format!("c-{}", s.trim_matches('-'))
}

/// The API documents in the corpus, as `specwright validate` finds them
/// (fragments that documents reference are left out).
fn api_documents(bin: &Path, corpus: &Path) -> Result<Vec<PathBuf>, String> {
    // The corpus from npm has no AsyncAPI part; a folder that is not there
    // would be listed as a document that failed to load.
    let folders = ["openapi", "asyncapi"].map(|part| corpus.join(part));
    let output = Command::new(bin)
        .args(["validate", "--format", "json"])
        .args(folders.iter().filter(|folder| folder.is_dir()))
        .output()
        .map_err(|e| e.to_string())?;
    let json: serde_json::Value =
        serde_json::from_slice(&output.stdout).map_err(|e| format!("validate output: {e}"))?;
    let files = json["files"].as_array().ok_or("validate printed no file list")?;
    Ok(files.iter().filter_map(|f| f["file"].as_str()).map(PathBuf::from).collect())
}
