//! `cargo xtask readme`: runs the commands `README.md` shows, so that the
//! front page and what works cannot drift apart.
//!
//! Every fenced `sh` block is run from the repository root, one line at a
//! time, in order. A `text` block right after an `sh` block is what those
//! commands print: each of its lines must appear in their output. The
//! CLI is installed into a root under `target/`, whose `bin` comes first on
//! `PATH`, so `cargo install` in the README installs nothing outside.

use std::path::PathBuf;
use std::process::Command;

use crate::root;

/// The command that runs this check: a README line that runs it is skipped,
/// not run again from inside itself.
const THIS_RUN: &str = "cargo xtask ci";

/// Where `cargo install` from the README puts the CLI.
pub fn install_root() -> PathBuf {
    root().join("target/ci/install")
}

/// One `sh` block: its commands with the README lines they are on, and
/// what they must print.
#[derive(Debug, PartialEq)]
struct Block {
    commands: Vec<(usize, String)>,
    expected: Vec<String>,
}

pub fn run() -> Result<(), String> {
    let path = root().join("README.md");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let blocks = blocks(&text);
    if blocks.is_empty() {
        return Err("README.md shows no `sh` block to run".into());
    }
    let install = install_root();
    let search_path = std::env::join_paths(
        std::iter::once(install.join("bin"))
            .chain(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())),
    )
    .map_err(|e| e.to_string())?;
    for block in blocks {
        let mut output = String::new();
        for (line, command) in &block.commands {
            if command.split('#').next().unwrap_or_default().trim() == THIS_RUN {
                eprintln!("README.md:{line}: `{THIS_RUN}` is this run");
                continue;
            }
            eprintln!("README.md:{line}: $ {command}");
            let out = Command::new("bash")
                .args(["-euo", "pipefail", "-c", command])
                .current_dir(root())
                .env("PATH", &search_path)
                .env("CARGO_INSTALL_ROOT", &install)
                .output()
                .map_err(|e| format!("cannot run bash: {e}"))?;
            let printed = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
            if !out.status.success() {
                eprintln!("{printed}");
                return Err(format!("README.md:{line}: `{command}` failed ({})", out.status));
            }
            output.push_str(&printed);
        }
        let missing = missing_lines(&block.expected, &output);
        if !missing.is_empty() {
            eprintln!("{output}");
            let first = block.commands.first().map_or(0, |(line, _)| *line);
            return Err(format!(
                "README.md:{first}: the commands did not print what the README says they print:\n  {}",
                missing.join("\n  ")
            ));
        }
    }
    Ok(())
}

/// The lines of `expected` that `output` does not hold, each compared
/// without the spaces around it.
fn missing_lines(expected: &[String], output: &str) -> Vec<String> {
    let printed: Vec<&str> = output.lines().map(str::trim).collect();
    expected.iter().filter(|want| !printed.iter().any(|line| line.contains(want.trim()))).cloned().collect()
}

/// The `sh` blocks of a Markdown text, each with the `text` block that
/// follows it, if one does with nothing but blank lines between.
fn blocks(markdown: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut lines = markdown.lines().enumerate();
    let mut last_was_sh = false;
    while let Some((_, line)) = lines.next() {
        let Some(info) = line.trim_start().strip_prefix("```") else {
            if !line.trim().is_empty() {
                last_was_sh = false;
            }
            continue;
        };
        let info = info.trim();
        let mut body = Vec::new();
        for (index, line) in lines.by_ref() {
            if line.trim_start().starts_with("```") {
                break;
            }
            body.push((index + 1, line.to_string()));
        }
        match info {
            "sh" | "bash" | "console" => {
                let commands = body
                    .into_iter()
                    .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
                    .map(|(n, l)| (n, l.trim().to_string()))
                    .collect();
                out.push(Block { commands, expected: Vec::new() });
                last_was_sh = true;
                continue;
            }
            "text" if last_was_sh => {
                if let Some(block) = out.last_mut() {
                    block.expected = body.into_iter().map(|(_, l)| l).filter(|l| !l.trim().is_empty()).collect();
                }
            }
            _ => {}
        }
        last_was_sh = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sh_blocks_with_their_output() {
        let readme = "# Title\n\n```sh\ncargo run -p a   # runs a\n\n# a comment\ncargo xtask ci\n```\n\n```text\n  first line\nsecond\n```\n\nprose\n\n```text\nnot output\n```\n\n```rust\nfn main() {}\n```\n\n```sh\nspecwright validate specs/\n```\nprose\n```text\nafter prose\n```\n";
        let blocks = blocks(readme);
        assert_eq!(
            blocks,
            vec![
                Block {
                    commands: vec![(4, "cargo run -p a   # runs a".into()), (7, "cargo xtask ci".into())],
                    expected: vec!["  first line".into(), "second".into()],
                },
                Block { commands: vec![(26, "specwright validate specs/".into())], expected: vec![] },
            ]
        );
    }

    #[test]
    fn every_expected_line_must_be_printed() {
        let expected = vec!["customer   got it".to_string(), "done".to_string()];
        assert!(missing_lines(&expected, "  customer   got it\nall done\n").is_empty());
        assert_eq!(missing_lines(&expected, "customer got it\n"), expected);
    }
}
