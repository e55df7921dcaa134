//! `specwright diff OLD NEW`: what changed between two versions of a spec,
//! judged by which side breaks. Exit 0 when nothing is at or above
//! `--fail-on`, 1 when something is, 2 on usage or load errors.

use std::io::IsTerminal;
use std::path::PathBuf;

use specwright_diff::report::{render, Format};
use specwright_diff::{Level, RULES};
use specwright_spec::Loader;

#[derive(clap::Args)]
pub struct Args {
    /// The old version of the spec.
    #[arg(required_unless_present = "list_rules")]
    old: Option<PathBuf>,
    /// The new version of the spec.
    #[arg(required_unless_present = "list_rules")]
    new: Option<PathBuf>,
    /// text (grouped by level), json, markdown, junit or github (Actions annotations).
    #[arg(long, default_value = "text")]
    format: String,
    /// The lowest level that fails the run: breaking, warning or never.
    #[arg(long, value_enum, default_value_t = FailOn::Breaking)]
    fail_on: FailOn,
    /// Print every rule with its level and meaning, and exit.
    #[arg(long)]
    list_rules: bool,
    /// Also report what breaks Rust code compiled against the crate generated
    /// from the old spec (renamed methods, new struct fields, removed variants).
    #[arg(long)]
    rust: bool,
    /// Accepted changes: lines of a rule id, a JSON pointer and the reason.
    #[arg(long, value_name = "FILE")]
    ignore: Option<PathBuf>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum FailOn {
    Breaking,
    Warning,
    Never,
}

pub fn run(args: Args) -> u8 {
    if args.list_rules {
        for rule in RULES.iter() {
            println!("{:<40} {:<9} {}", rule.id, rule.level.name(), rule.doc);
        }
        return 0;
    }
    let Some(format) = Format::parse(&args.format) else {
        eprintln!("error: unknown format `{}`; it is text, json, markdown, junit or github", args.format);
        return 2;
    };
    let (Some(old_path), Some(new_path)) = (&args.old, &args.new) else { return 2 };
    let mut documents = Vec::new();
    for path in [old_path, new_path] {
        let loaded = match Loader::new().load_file(path) {
            Ok(l) => l,
            Err(e) => {
                eprintln!("error: {e}");
                return 2;
            }
        };
        if loaded.has_errors() || loaded.api.is_none() {
            for d in loaded.errors() {
                eprintln!("{:?}", d.to_report(&loaded.sources));
            }
            return 2;
        }
        documents.push(loaded);
    }
    let (old, new) = (&documents[0], &documents[1]);
    let kinds = (old.api.as_ref().map(|a| a.kind.is_openapi()), new.api.as_ref().map(|a| a.kind.is_openapi()));
    if kinds.0 != kinds.1 {
        eprintln!("error: one document is OpenAPI and the other AsyncAPI");
        return 2;
    }
    let ignored = match &args.ignore {
        Some(path) => {
            let text = match std::fs::read_to_string(path) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("error: {}: {e}", path.display());
                    return 2;
                }
            };
            match specwright_diff::ignore::parse(&path.display().to_string(), &text) {
                Ok(entries) => entries,
                Err(e) => {
                    eprintln!("error: {e}");
                    return 2;
                }
            }
        }
        None => Vec::new(),
    };
    let options = specwright_diff::Options { rust: args.rust };
    let (changes, accepted, unused) =
        specwright_diff::ignore::apply(specwright_diff::diff_with(old, new, options), &ignored);
    if !accepted.is_empty() {
        eprintln!("{} change(s) accepted by the ignore file", accepted.len());
    }
    for entry in unused {
        eprintln!("warning: ignore entry on line {} ({} {}) matches nothing", entry.line, entry.rule, entry.pointer);
    }
    print!("{}", render(&changes, format, format == Format::Text && std::io::stdout().is_terminal()));
    let threshold = match args.fail_on {
        FailOn::Breaking => Some(Level::Breaking),
        FailOn::Warning => Some(Level::Warning),
        FailOn::Never => None,
    };
    match threshold {
        Some(level) if changes.iter().any(|c| c.level >= level) => 1,
        _ => 0,
    }
}
