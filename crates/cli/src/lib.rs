//! The `specwright` command line, which `cargo specwright` runs too: it
//! turns OpenAPI (Swagger 2.0, 3.0, 3.1) and AsyncAPI (2.x, 3.x) contracts
//! into Rust crates (typed clients, axum servers, event publishers and
//! handlers) and checks new versions of a spec for breaking changes.
//! `cargo install specwright` installs both binaries.
//!
//! - `specwright validate PATH...`: load and check specs (a folder means
//!   every spec in it), each problem located by file, line, column and JSON
//!   pointer; exit 1 when a spec has errors.
//! - `specwright generate SPEC --out DIR`: write a crate for a spec: a client
//!   for OpenAPI and events for AsyncAPI unless `--client`, `--server`,
//!   `--events` or `--types-only` say otherwise. With no spec, every `[[api]]`
//!   of `specwright.toml`. `--check` writes nothing and fails when the crate is
//!   out of date.
//! - `specwright diff OLD NEW`: what changed, judged by which side breaks;
//!   `--format` text, json, markdown, junit or github; exit 1 at `--fail-on`.
//! - `specwright export --bin NAME`: the AsyncAPI document that a program's
//!   code-first events describe.
//!
//! This library is the command line itself, [`run`], for the two binaries
//! (and for embedding it):
//!
//! ```
//! use std::ffi::OsString;
//! use std::process::ExitCode;
//!
//! fn main() -> ExitCode {
//!     let dir = tempfile::tempdir().expect("a temporary folder");
//!     let spec = dir.path().join("pets.yaml");
//!     let text = "openapi: 3.0.3
//! info: {title: Pets, version: '1.0.0'}
//! paths:
//!   /pets:
//!     get:
//!       operationId: listPets
//!       responses:
//!         '200': {description: The pets}
//! ";
//!     std::fs::write(&spec, text).expect("the spec is written");
//!     let out = dir.path().join("pets");
//!     // `specwright generate pets.yaml --out pets` and a flag.
//!     let generate = |flag: &str| -> Vec<OsString> {
//!         let args: [OsString; 5] = ["specwright".into(), "generate".into(), spec.clone().into(), "--out".into(), out.clone().into()];
//!         args.into_iter().chain([OsString::from(flag)]).collect()
//!     };
//!
//!     specwright_cli::run(generate("--quiet"));
//!     assert!(out.join("Cargo.toml").is_file() && out.join("src/client.rs").is_file());
//!     // `--check` writes nothing, and exits 0 when the crate is up to date.
//!     specwright_cli::run(generate("--check"))
//! }
//! ```

mod diff;
mod export;
mod generate;
mod remote;
mod validate;

use std::ffi::OsString;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "specwright", version, about = "Turn OpenAPI and AsyncAPI contracts into working Rust")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

// Parsed once per run: the size of the largest variant costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
enum Command {
    /// Load and check specs; a folder means every spec in it.
    Validate(validate::Args),
    /// Write a Rust crate for a spec.
    Generate(generate::Args),
    /// Compare two versions of a spec and report what breaks, for whom.
    Diff(diff::Args),
    /// Write the AsyncAPI document code-first events describe, printed by a
    /// program of the application's own (`events::export::AsyncApi`).
    Export(export::Args),
}

/// Runs the command line on `args` (the program's name first).
pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let cli = Cli::parse_from(args);
    let code = match cli.command {
        Command::Validate(args) => validate::run(args),
        Command::Generate(args) => generate::run(args),
        Command::Export(args) => export::run(args),
        Command::Diff(args) => diff::run(args),
    };
    ExitCode::from(code)
}
