//! Project tasks: `cargo xtask ci`, `cargo xtask bench`, `cargo xtask corpus`,
//! `cargo xtask peers`.

mod peers;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

const USAGE: &str = "usage: cargo xtask <ci|bench|corpus|peers>
  ci      format and lint checks, then every test (what .ci/run runs)
  bench   the criterion benchmarks, then the targets they are held to
  corpus  generate and lint the crate of every spec in the shared corpus (the
          client and server for OpenAPI, the types for AsyncAPI), and round-trip its
          examples [--no-examples] [--types-only] [--skip TEXT] [FILTER]
  peers   generate one spec's client with specwright and with other generators,
          and time generating and `cargo check`ing each [--runs N]
          [--only TOOL,...] [SPEC, relative to the corpus; default GitHub's]";

fn main() -> ExitCode {
    let task = std::env::args().nth(1);
    let result = match task.as_deref() {
        Some("ci") => ci(),
        Some("bench") => bench(),
        Some("corpus") => corpus(),
        Some("peers") => peers::peers(),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask sits in the workspace").to_path_buf()
}

fn cargo(args: &[&str]) -> Result<(), String> {
    eprintln!("$ cargo {}", args.join(" "));
    let status = Command::new(env!("CARGO"))
        .args(args)
        .current_dir(root())
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`cargo {}` failed ({status})", args.join(" ")))
    }
}

/// The shared corpus of real specs, which the tests read.
fn corpus_dir() -> PathBuf {
    std::env::var_os("SPECWRIGHT_CORPUS").map_or_else(|| root().join("../shared/corpus"), PathBuf::from)
}

fn ci() -> Result<(), String> {
    let corpus = corpus_dir();
    if !corpus.join("openapi").is_dir() {
        return Err(format!("the spec corpus is missing at {} (set SPECWRIGHT_CORPUS)", corpus.display()));
    }
    cargo(&["fmt", "--all", "--check"])?;
    cargo(&["clippy", "--workspace", "--all-targets", "--locked", "--", "-D", "warnings"])?;
    let mut total = Tally::default();
    total.add(cargo_test(&["test", "--workspace", "--doc", "--locked"])?);
    total.add(cargo_test(&["test", "--workspace", "--all-targets", "--locked"])?);
    // Every corpus spec's generated crate must compile without warnings, and
    // every example round-trip. The copies of GitHub's spec kept for diff
    // tests (`pairs/`) are left to the full `cargo xtask corpus`, for time.
    corpus_with(&["--skip", "pairs/"])?;
    // One closing line for the whole run, whichever test binary ran last.
    println!("tests: {} passed, {} failed, {} skipped", total.passed, total.failed, total.ignored);
    if total.failed > 0 || total.passed == 0 {
        return Err("tests failed or none ran".into());
    }
    Ok(())
}

#[derive(Default)]
struct Tally {
    passed: u64,
    failed: u64,
    ignored: u64,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.passed += other.passed;
        self.failed += other.failed;
        self.ignored += other.ignored;
    }
}

/// Runs `cargo test`, passing its output through, and adds up the
/// `test result:` lines of every test binary.
fn cargo_test(args: &[&str]) -> Result<Tally, String> {
    use std::io::{BufRead, BufReader};
    eprintln!("$ cargo {}", args.join(" "));
    let mut child = Command::new(env!("CARGO"))
        .args(args)
        .current_dir(root())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    let mut tally = Tally::default();
    for line in BufReader::new(child.stdout.take().expect("piped")).lines() {
        let line = line.map_err(|e| e.to_string())?;
        println!("{line}");
        if let Some(rest) = line.strip_prefix("test result: ") {
            let count = |word: &str| {
                rest.split(';')
                    .find_map(|part| part.trim().strip_suffix(word).map(|n| n.trim().trim_start_matches("ok. ")))
                    .and_then(|n| n.trim_start_matches("FAILED. ").parse::<u64>().ok())
                    .unwrap_or(0)
            };
            tally.passed += count("passed");
            tally.failed += count("failed");
            tally.ignored += count("ignored");
        }
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if !status.success() {
        return Err(format!("`cargo {}` failed ({status})", args.join(" ")));
    }
    Ok(tally)
}

/// Runs every benchmark, prints each figure beside its target, and fails
/// at the end naming every target missed: one run gives all the figures.
fn bench() -> Result<(), String> {
    let mut missed = Vec::new();
    let mut check = |met: bool, what: String| {
        if !met {
            missed.push(what);
        }
    };
    cargo(&["bench", "-p", "specwright-spec", "--bench", "load", "--", "--noplot"])?;
    cargo(&["bench", "-p", "specwright-codegen", "--bench", "types", "--", "--noplot"])?;
    cargo(&["bench", "-p", "specwright-tests", "--bench", "client_overhead", "--", "--noplot"])?;
    cargo(&[
        "bench",
        "-p",
        "specwright-runtime",
        "--features",
        "nats,conformance",
        "--bench",
        "events",
        "--bench",
        "nats",
        "--",
        "--noplot",
    ])?;

    let plain = estimate("github/serde_json__Value")?;
    let load = estimate("github/load and lower")?;
    let ratio = load / plain;
    println!(
        "load and lower: {:.1} ms; serde_json::Value: {:.1} ms; ratio {ratio:.2} (target: at most 3.00)",
        load / 1e6,
        plain / 1e6
    );
    check(ratio <= 3.0, format!("loading is {ratio:.2} times the plain parse, over 3"));
    let types = estimate("github/generate types")?;
    println!("generate types (GitHub): {:.0} ms (target: under 500)", types / 1e6);
    check(types <= 500e6, format!("generating the GitHub types takes {:.0} ms, over 500", types / 1e6));
    for spec in ["github", "stripe"] {
        let client = estimate(&format!("{spec}/generate client"))?;
        println!("generate client ({spec}): {:.0} ms (target: under 500)", client / 1e6);
        check(client <= 500e6, format!("generating the {spec} client takes {:.0} ms, over 500", client / 1e6));
    }
    let by_hand = estimate("client/hand-written reqwest")?;
    let generated = estimate("client/generated")?;
    let overhead = (generated / by_hand - 1.0) * 100.0;
    println!(
        "one call: hand-written reqwest {:.1} µs, generated client {:.1} µs: {overhead:+.1}% (target: at most +5%)",
        by_hand / 1e3,
        generated / 1e3
    );
    check(overhead <= 5.0, format!("a generated client call costs {overhead:.1}% more than a hand-written one"));
    // Each iteration of the event benches is one batch (see the bench files).
    let per_second = |id: &str, batch: f64| estimate(id).map(|ns| batch / (ns / 1e9));
    let memory = per_second("events/memory publish to handle, dedupe on", 10_000.0)?;
    println!("events in memory, whole router: {memory:.0}/s (target: at least 500000)");
    check(memory >= 500_000.0, format!("events in memory: {memory:.0}/s, under 500,000"));
    let bare = per_second("jetstream/bare async-nats", 2_000.0)?;
    let router = per_second("jetstream/router", 2_000.0)?;
    let share = router / bare * 100.0;
    println!("JetStream: router {router:.0}/s, bare async-nats {bare:.0}/s: {share:.0}% (target: at least 70%)");
    check(share >= 70.0, format!("the router on JetStream runs at {share:.0}% of bare async-nats, under 70%"));
    if missed.is_empty() {
        Ok(())
    } else {
        Err(format!("targets missed:\n  {}", missed.join("\n  ")))
    }
}

/// The median time, in nanoseconds, criterion recorded for a benchmark.
fn estimate(id: &str) -> Result<f64, String> {
    let path = root().join("target/criterion").join(id).join("new/estimates.json");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let json: serde_json::Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    json["median"]["point_estimate"].as_f64().ok_or_else(|| format!("{}: no median", path.display()))
}

/// Generates the types crate of every API document in the corpus into one
/// throwaway workspace (`target/corpus`), lints each with clippy, and prints
/// a table. Fails if any generated crate does not compile cleanly.
fn corpus() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(2).collect();
    corpus_with(&args.iter().map(String::as_str).collect::<Vec<_>>())
}

fn corpus_with(args: &[&str]) -> Result<(), String> {
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
    let corpus = corpus_dir();
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
        // Clients and servers for OpenAPI documents; AsyncAPI documents get their types.
        let parts: &[&str] =
            if types_only || rel.starts_with("asyncapi/") { &["--types-only"] } else { &["--client", "--server"] };
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
    let manifest = format!(
        "[workspace]\nresolver = \"2\"\nmembers = [\n{}]\n",
        members.iter().map(|(_, s, _)| format!("  \"crates/{s}\",\n")).collect::<String>()
    );
    std::fs::write(work.join("Cargo.toml"), manifest).map_err(|e| e.to_string())?;
    for (rel, slug, generate_secs) in members {
        let lines: usize = ["src/types.rs", "src/operations.rs", "src/client.rs", "src/server.rs"]
            .iter()
            .map(|f| std::fs::read_to_string(crates.join(&slug).join(f)).map_or(0, |t| t.lines().count()))
            .sum();
        let started = std::time::Instant::now();
        let output = Command::new(env!("CARGO"))
            .args(["clippy", "--quiet", "--message-format", "short", "-p", &slug])
            .current_dir(&work)
            .env("CARGO_TARGET_DIR", work.join("target"))
            .output()
            .map_err(|e| e.to_string())?;
        let stderr = String::from_utf8_lossy(&output.stderr);
        let warnings = stderr.lines().filter(|l| l.contains("warning:") && !l.contains("generated")).count();
        let result = if output.status.success() { "ok" } else { "FAILED" };
        if !output.status.success() {
            eprintln!("{rel}:\n{}", stderr.lines().take(30).collect::<Vec<_>>().join("\n"));
        }
        let check_secs = started.elapsed().as_secs_f64();
        let examples = if examples && output.status.success() && crates.join(&slug).join("tests/examples.rs").exists() {
            run_examples(&work, &slug, &rel, &mut example_tally)?
        } else {
            String::from("-")
        };
        rows.push(Row { spec: rel, lines, warnings, result, examples, generate_secs, check_secs });
    }
    println!(
        "{:<64} {:>7} {:>8} {:>10} {:>9} {:>7} {:>8}",
        "spec", "lines", "warnings", "result", "examples", "gen s", "check s"
    );
    for r in &rows {
        println!(
            "{:<64} {:>7} {:>8} {:>10} {:>9} {:>7.2} {:>8.1}",
            r.spec, r.lines, r.warnings, r.result, r.examples, r.generate_secs, r.check_secs
        );
    }
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

/// Runs a generated crate's examples test; gives "passed/total" for the table.
fn run_examples(work: &Path, slug: &str, rel: &str, tally: &mut ExampleTally) -> Result<String, String> {
    let output = Command::new(env!("CARGO"))
        .args(["test", "--quiet", "-p", slug, "--test", "examples", "--", "--nocapture"])
        .current_dir(work)
        .env("CARGO_TARGET_DIR", work.join("target"))
        .output()
        .map_err(|e| e.to_string())?;
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
            format!("examples test did not build: {}", stderr.lines().take(5).collect::<Vec<_>>().join(" ")),
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
    check_secs: f64,
}

impl Row {
    fn spec_error(spec: String) -> Row {
        Row {
            spec,
            lines: 0,
            warnings: 0,
            result: "spec error",
            examples: "-".into(),
            generate_secs: 0.0,
            check_secs: 0.0,
        }
    }

    fn failed(spec: String, why: &str) -> Row {
        eprintln!("{spec}: {why}");
        Row { spec, lines: 0, warnings: 0, result: "FAILED", examples: "-".into(), generate_secs: 0.0, check_secs: 0.0 }
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
    let output = Command::new(bin)
        .args(["validate", "--format", "json"])
        .args([corpus.join("openapi"), corpus.join("asyncapi")])
        .output()
        .map_err(|e| e.to_string())?;
    let json: serde_json::Value =
        serde_json::from_slice(&output.stdout).map_err(|e| format!("validate output: {e}"))?;
    let files = json["files"].as_array().ok_or("validate printed no file list")?;
    Ok(files.iter().filter_map(|f| f["file"].as_str()).map(PathBuf::from).collect())
}
