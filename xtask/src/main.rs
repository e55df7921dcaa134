//! Project tasks: `cargo xtask ci`, `cargo xtask bench`, `cargo xtask corpus`,
//! `cargo xtask peers`.

mod brokers;
mod corpus;
mod peers;
mod readme;
mod schemathesis;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

const USAGE: &str = "usage: cargo xtask <ci|bench|corpus|peers>
  ci      format and lint checks, every test, schemathesis against the
          example servers, then the corpus (what .ci/run runs)
  bench   the criterion benchmarks, then the targets they are held to
  corpus  generate and lint the crate of every spec in the shared corpus (the
          client and server for OpenAPI, the types for AsyncAPI), and round-trip its
          examples [--no-examples] [--types-only] [--skip TEXT] [FILTER]
  readme  run the commands README.md shows, checking what they print
  schemathesis  probe the generated petstore and order servers with
          schemathesis (installed from PyPI into target/), both modes
  peers   generate one spec's client with specwright and with other generators,
          and time generating and `cargo check`ing each [--runs N]
          [--only TOOL,...] [SPEC, relative to the corpus; default GitHub's]";

fn main() -> ExitCode {
    let task = std::env::args().nth(1);
    let result = match task.as_deref() {
        Some("ci") => ci(),
        Some("bench") => bench(),
        Some("corpus") => corpus::corpus(),
        Some("peers") => peers::peers(),
        Some("schemathesis") => schemathesis::run(),
        Some("readme") => readme::run(),
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
    // Before any test build: installing it is a cargo build of its own.
    brokers::ensure_tansu()?;
    // Licenses, sources and duplicate versions of every dependency. The
    // advisory database is left out: its repository is out of this
    // machine's reach (SECURITY.md).
    brokers::ensure_cargo_deny()?;
    cargo(&["deny", "--log-level", "error", "check", "bans", "licenses", "sources"])?;
    cargo(&["clippy", "--workspace", "--all-targets", "--locked", "--", "-D", "warnings"])?;
    runtime_features_alone()?;
    let mut total = Tally::default();
    total.add(cargo_test(&["test", "--workspace", "--doc", "--locked"])?);
    total.add(cargo_test(&["test", "--workspace", "--all-targets", "--locked"])?);
    // The generated servers under schemathesis, valid requests and invalid ones.
    schemathesis::run()?;
    // Every corpus spec's generated crate must compile without warnings, and
    // every example round-trip. The copies of GitHub's spec kept for diff
    // tests (`pairs/`) are left to the full `cargo xtask corpus`, for time.
    corpus::corpus_with(&["--skip", "pairs/"])?;
    // One closing line for the whole run, whichever test binary ran last.
    println!("tests: {} passed, {} failed, {} skipped", total.passed, total.failed, total.ignored);
    if total.failed > 0 || total.passed == 0 {
        return Err("tests failed or none ran".into());
    }
    Ok(())
}

/// Builds the runtime with each of its features alone. In the workspace,
/// features unify (the tests turn them all on), so a feature that forgot a
/// dependency it uses, as `server` once forgot `tokio/io-util`, builds there
/// and fails in a user's crate that asks for that feature only.
fn runtime_features_alone() -> Result<(), String> {
    let manifest = root().join("crates/runtime/Cargo.toml");
    let text = std::fs::read_to_string(&manifest).map_err(|e| format!("{}: {e}", manifest.display()))?;
    let features: Vec<&str> = text
        .lines()
        .skip_while(|l| l.trim() != "[features]")
        .skip(1)
        .take_while(|l| !l.starts_with('['))
        .filter_map(|l| l.split_once(" = ").map(|(name, _)| name.trim()))
        .filter(|name| !name.is_empty() && !name.starts_with('#') && *name != "default")
        .collect();
    if features.is_empty() {
        return Err(format!("{}: no features found", manifest.display()));
    }
    cargo(&["check", "-p", "specwright-runtime", "--locked", "--no-default-features"])?;
    for feature in features {
        cargo(&["check", "-p", "specwright-runtime", "--locked", "--no-default-features", "--features", feature])?;
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
    cargo(&["bench", "-p", "specwright-diff", "--bench", "diff", "--", "--noplot"])?;
    cargo(&["bench", "-p", "specwright-tests", "--bench", "client_overhead", "--", "--noplot"])?;
    cargo(&["bench", "-p", "specwright-runtime", "--features", "server", "--bench", "validation", "--", "--noplot"])?;
    cargo(&["bench", "-p", "specwright-tests", "--bench", "server_throughput"])?;
    cargo(&[
        "bench",
        "-p",
        "specwright-runtime",
        "--features",
        "nats,redis-streams,amqp,webhooks,kafka,mqtt,websocket,conformance",
        "--bench",
        "events",
        "--bench",
        "nats",
        "--bench",
        "redis_streams",
        "--bench",
        "amqp",
        "--bench",
        "webhooks",
        "--bench",
        "kafka",
        "--bench",
        "mqtt",
        "--bench",
        "websocket",
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
    let diff = estimate("ghes/load and diff")?;
    println!("diff GHES 3.3 against 3.4, loading included: {:.0} ms (target: under 1000)", diff / 1e6);
    check(diff <= 1e9, format!("diffing two GHES versions takes {:.0} ms, over 1000", diff / 1e6));
    let types = estimate("github/generate types")?;
    println!("generate types (GitHub): {:.0} ms (target: under 500)", types / 1e6);
    check(types <= 500e6, format!("generating the GitHub types takes {:.0} ms, over 500", types / 1e6));
    for spec in ["github", "stripe"] {
        let client = estimate(&format!("{spec}/generate client"))?;
        println!("generate client ({spec}): {:.0} ms (target: under 500)", client / 1e6);
        check(client <= 500e6, format!("generating the {spec} client takes {:.0} ms, over 500", client / 1e6));
    }
    let server = estimate("github/generate server")?;
    println!("generate server (github): {:.0} ms (target: under 1000)", server / 1e6);
    check(server <= 1e9, format!("generating the GitHub server takes {:.0} ms, over 1000", server / 1e6));
    // Validation costs about the same per byte on a body of 1 MiB as on one
    // of 16 KiB: linear, with room for the table of matched pairs that
    // alternatives keep outgrowing the caches on the large body.
    for family in ["strings", "numbers", "arrays", "objects", "alternatives"] {
        let per_byte = |size: &str, bytes: f64| estimate(&format!("validation/{family}/{size}")).map(|ns| ns / bytes);
        let (small, large) = (per_byte("16KiB", 16384.0)?, per_byte("1MiB", 1048576.0)?);
        let ratio = large / small;
        println!(
            "validation, {family}: {small:.2} ns/byte at 16 KiB, {large:.2} at 1 MiB: {ratio:.2}x (target: at most 3)"
        );
        check(ratio <= 3.0, format!("validating {family} costs {ratio:.2} times as much per byte at 1 MiB"));
    }
    let path = root().join("target/server-throughput.json");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let figures: serde_json::Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let (generated, hand) =
        (figures["generated"].as_f64().unwrap_or(0.0), figures["hand_written"].as_f64().unwrap_or(1.0));
    let share = generated / hand * 100.0;
    println!("server createPet: generated {generated:.0} req/s, hand-written axum {hand:.0} req/s: {share:.0}% (target: at least 90%)");
    check(
        share >= 90.0,
        format!("the generated server answers {share:.0}% of the hand-written one's requests, under 90%"),
    );
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
    // Each broker transport through the whole router, beside its bare client.
    for (name, bare_id, client) in [
        ("JetStream", "jetstream/bare async-nats", "async-nats"),
        ("Redis Streams", "redis-streams/bare redis-rs", "redis-rs"),
        ("RabbitMQ", "amqp/bare lapin", "lapin"),
        ("webhooks", "webhooks/bare reqwest and axum", "reqwest and axum"),
        ("Kafka", "kafka/bare rdkafka", "rdkafka"),
        ("MQTT", "mqtt/bare rumqttc", "rumqttc"),
        ("WebSocket", "websocket/bare tokio-tungstenite", "tokio-tungstenite"),
    ] {
        let bare = per_second(bare_id, 2_000.0)?;
        let group = bare_id.split('/').next().unwrap_or_default();
        let router = per_second(&format!("{group}/router"), 2_000.0)?;
        let share = router / bare * 100.0;
        println!("{name}: router {router:.0}/s, bare {client} {bare:.0}/s: {share:.0}% (target: at least 70%)");
        check(share >= 70.0, format!("the router on {name} runs at {share:.0}% of bare {client}, under 70%"));
    }
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
