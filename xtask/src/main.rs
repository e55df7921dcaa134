//! Project tasks: `cargo xtask ci`, `cargo xtask bench`, `cargo xtask corpus`.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

const USAGE: &str = "usage: cargo xtask <ci|bench|corpus>
  ci      format and lint checks, then every test (what .ci/run runs)
  bench   the criterion benchmarks, then the targets they are held to
  corpus  validate every spec in the shared corpus with the release binary";

fn main() -> ExitCode {
    let task = std::env::args().nth(1);
    let result = match task.as_deref() {
        Some("ci") => ci(),
        Some("bench") => bench(),
        Some("corpus") => corpus(),
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

fn bench() -> Result<(), String> {
    cargo(&["bench", "-p", "specwright-spec", "--bench", "load", "--", "--noplot"])?;
    let plain = estimate("github/serde_json__Value")?;
    let load = estimate("github/load and lower")?;
    let ratio = load / plain;
    println!(
        "load and lower: {:.1} ms; serde_json::Value: {:.1} ms; ratio {ratio:.2} (target: at most 3.00)",
        load / 1e6,
        plain / 1e6
    );
    if ratio > 3.0 {
        return Err(format!("loading is {ratio:.2} times the plain parse, over the target of 3"));
    }
    Ok(())
}

/// The median time, in nanoseconds, criterion recorded for a benchmark.
fn estimate(id: &str) -> Result<f64, String> {
    let path = root().join("target/criterion").join(id).join("new/estimates.json");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let json: serde_json::Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    json["median"]["point_estimate"].as_f64().ok_or_else(|| format!("{}: no median", path.display()))
}

fn corpus() -> Result<(), String> {
    cargo(&["build", "--release", "-p", "specwright"])?;
    let corpus = corpus_dir();
    let status = Command::new(root().join("target/release/specwright"))
        .arg("validate")
        .args([corpus.join("openapi"), corpus.join("asyncapi")])
        .status()
        .map_err(|e| e.to_string())?;
    // Exit 1 is expected: a few corpus documents really are broken.
    match status.code() {
        Some(0 | 1) => Ok(()),
        _ => Err(format!("validate failed ({status})")),
    }
}
