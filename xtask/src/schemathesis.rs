//! `cargo xtask schemathesis`: the generated petstore and order service
//! servers, backed by the in-memory implementations in `tests/`, probed by
//! schemathesis from PyPI (installed into `target/schemathesis`). Positive
//! mode: valid requests never get a 5xx or a response the spec does not
//! allow. Negative mode: invalid requests get a 4xx, never a 5xx.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use crate::{cargo, root};

/// The version the runs were checked with; newer ones add checks.
const VERSION: &str = "4.32.5";

/// Stops the example servers however the run ends.
struct Servers(Child);

impl Drop for Servers {
    fn drop(&mut self) {
        let id = self.0.id();
        if let Err(e) = self.0.kill() {
            eprintln!("example servers {id} not killed: {e}");
        }
        if let Err(e) = self.0.wait() {
            eprintln!("example servers {id} not reaped: {e}");
        }
    }
}

pub fn run() -> Result<(), String> {
    let venv = root().join("target/schemathesis");
    let st = venv.join("bin/st");
    if !st.exists() {
        install(&venv)?;
    }
    cargo(&["build", "-p", "specwright-tests", "--bin", "example-servers"])?;
    let mut child = Command::new(root().join("target/debug/example-servers"))
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start the example servers: {e}"))?;
    let stdout = child.stdout.take().ok_or("the example servers have no output")?;
    let servers = Servers(child);
    let mut urls = Vec::new();
    for line in BufReader::new(stdout).lines().take(2) {
        let line = line.map_err(|e| e.to_string())?;
        let (name, url) = line.split_once(' ').ok_or_else(|| format!("unexpected line `{line}`"))?;
        urls.push((name.to_string(), url.to_string()));
    }
    let url = |name: &str| urls.iter().find(|(n, _)| n == name).map(|(_, u)| u.clone());
    let runs = [
        ("specs/petstore.yaml", url("petstore"), "X-API-Key: partner-key"),
        ("specs/orders.yaml", url("orders"), "Authorization: Bearer orders-token"),
    ];
    let mut failed = Vec::new();
    for (spec, url, header) in runs {
        let url = url.ok_or("the example servers did not say where they listen")?;
        for mode in ["positive", "negative"] {
            eprintln!("$ st run {spec} --url {url} --mode {mode}");
            let status = Command::new(&st)
                .args(["--no-color", "--config-file", "tests/schemathesis.toml"])
                .args(["run", spec, "--url", &url, "--header", header, "--mode", mode])
                .args(["--max-examples", "50", "--seed", "1"])
                .current_dir(root())
                .status()
                .map_err(|e| format!("cannot run schemathesis: {e}"))?;
            if !status.success() {
                failed.push(format!("{spec} ({mode})"));
            }
        }
    }
    drop(servers);
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("schemathesis found failures: {}", failed.join(", ")))
    }
}

fn install(venv: &Path) -> Result<(), String> {
    let run = |program: &Path, args: &[&str]| -> Result<(), String> {
        eprintln!("$ {} {}", program.display(), args.join(" "));
        let status = Command::new(program).args(args).status().map_err(|e| format!("{}: {e}", program.display()))?;
        status.success().then_some(()).ok_or_else(|| format!("`{} {}` failed", program.display(), args.join(" ")))
    };
    let venv_arg = venv.to_string_lossy().into_owned();
    run(Path::new("python3"), &["-m", "venv", &venv_arg])?;
    run(&venv.join("bin/pip"), &["install", "--quiet", &format!("schemathesis=={VERSION}")])
}
