//! Brokers and tools the tests and benchmarks need that the machine does
//! not run as a service: installed once per machine, found again on later runs.

use std::path::PathBuf;
use std::process::Command;

/// The Kafka-compatible broker the Kafka tests start for themselves. The
/// in-memory store needs `dynostore`; `libsql` gives the SQLite store a
/// restarted broker keeps its messages and offsets in.
const TANSU_VERSION: &str = "0.6.0";
const TANSU_FEATURES: &str = "dynostore,libsql";

/// Where the tests look for tansu: `$TANSU`, else cargo's bin directory.
fn tansu_path() -> PathBuf {
    if let Some(path) = std::env::var_os("TANSU") {
        return PathBuf::from(path);
    }
    cargo_bin().join("tansu")
}

/// Cargo's home: `$CARGO_HOME`, else `~/.cargo`.
pub fn cargo_home() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .unwrap_or_default()
}

/// Cargo's bin directory, where `cargo install` puts what it builds.
fn cargo_bin() -> PathBuf {
    cargo_home().join("bin")
}

/// The dependency checker CI runs (`deny.toml`).
const CARGO_DENY_VERSION: &str = "0.20.2";

/// `cargo install` of a tool CI only runs, built without optimization and
/// without debug info: tansu's release profile took 13 minutes of a cold
/// CI run on two cores, and a broker for tests needs no speed.
fn install_tool(name: &str, version: &str, features: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO"));
    command.args(["install", name, "--locked", "--debug", "--version", version]).env("CARGO_PROFILE_DEV_DEBUG", "0");
    for feature in features {
        command.args(["--features", feature]);
    }
    command
}

/// Installs cargo-deny unless it is there already.
pub fn ensure_cargo_deny() -> Result<(), String> {
    if cargo_bin().join("cargo-deny").exists() {
        return Ok(());
    }
    eprintln!("cargo-deny is missing: installing it (once per machine)");
    let status = install_tool("cargo-deny", CARGO_DENY_VERSION, &[])
        .status()
        .map_err(|e| format!("cannot run cargo install: {e}"))?;
    if !status.success() {
        return Err(format!("installing cargo-deny {CARGO_DENY_VERSION} failed ({status})"));
    }
    Ok(())
}

/// Installs tansu unless it is there already (only the first run on a
/// machine pays for building it).
pub fn ensure_tansu() -> Result<(), String> {
    let path = tansu_path();
    if path.exists() {
        eprintln!("tansu: {}", path.display());
        return Ok(());
    }
    eprintln!("tansu is missing at {}: installing it (once per machine)", path.display());
    let status = install_tool("tansu", TANSU_VERSION, &[TANSU_FEATURES])
        .status()
        .map_err(|e| format!("cannot run cargo install: {e}"))?;
    if !status.success() {
        return Err(format!("installing tansu {TANSU_VERSION} failed ({status})"));
    }
    Ok(())
}

/// Whether `program` answers on this machine's `PATH`.
fn on_path(program: &str) -> bool {
    Command::new(program).arg("--version").output().is_ok()
}

/// Installs `wrk`, the load generator the server benchmark drives, from
/// Debian's package unless it is there already.
pub fn ensure_wrk() -> Result<(), String> {
    if on_path("wrk") {
        return Ok(());
    }
    eprintln!("wrk is missing: installing Debian's package (once per machine)");
    for args in [&["update", "--quiet"][..], &["install", "--yes", "--quiet", "wrk"][..]] {
        let status = Command::new("apt-get")
            .args(args)
            .env("DEBIAN_FRONTEND", "noninteractive")
            .status()
            .map_err(|e| format!("cannot run apt-get to install wrk: {e}"))?;
        if !status.success() {
            return Err(format!("apt-get {} failed ({status}); the server benchmark needs wrk", args.join(" ")));
        }
    }
    if !on_path("wrk") {
        return Err("apt-get installed wrk, yet `wrk` is not on PATH".into());
    }
    Ok(())
}
