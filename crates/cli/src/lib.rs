//! The `specwright` command line, which `cargo specwright` runs too.

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
