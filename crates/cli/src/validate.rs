//! `specwright validate PATH...`: exit 0 when valid (warnings allowed), 1 when
//! a spec has errors (or warnings, with `--deny-warnings`), 2 on usage or I/O errors.

use std::path::{Path, PathBuf};

use clap::ValueEnum;
use specwright_spec::{Loaded, Loader};

#[derive(clap::Args)]
pub struct Args {
    /// Spec files, or folders to search for specs.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Treat warnings as errors.
    #[arg(long)]
    deny_warnings: bool,
    /// Read references to URLs under PREFIX from the folder DIR: `--map-url https://example.com/schemas/=vendor/`.
    #[arg(long, value_name = "PREFIX=DIR", value_parser = parse_mapping)]
    map_url: Vec<(String, PathBuf)>,
    /// Fetch documents that references name by http(s) URL (not done otherwise).
    #[arg(long)]
    allow_remote: bool,
    /// Refuse files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 256 * 1024 * 1024)]
    max_bytes: u64,
    /// Refuse references to local files outside DIR (for specs you did not write).
    #[arg(long, value_name = "DIR")]
    confine: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Human,
    Json,
}

fn parse_mapping(s: &str) -> Result<(String, PathBuf), String> {
    let (prefix, dir) = s.split_once('=').ok_or("expected PREFIX=DIR")?;
    Ok((prefix.to_string(), PathBuf::from(dir)))
}

/// The outcome for one file.
enum Checked {
    Loaded(PathBuf, Box<Loaded>),
    Unreadable(PathBuf, String),
}

pub fn run(args: Args) -> u8 {
    let mut loader = Loader::new().max_bytes(args.max_bytes);
    for (prefix, dir) in &args.map_url {
        loader = loader.map_url(prefix.clone(), dir.clone());
    }
    if let Some(dir) = &args.confine {
        loader = loader.confine(dir);
    }
    if args.allow_remote {
        loader = loader.fetch_with(crate::remote::fetcher(args.max_bytes));
    }
    let mut results = Vec::new();
    for path in &args.paths {
        if path.is_dir() {
            for file in spec_files(path) {
                match loader.load_file(&file) {
                    // In a folder, files that are not API documents are fragments
                    // that others reference; they are checked through those.
                    Ok(loaded) if is_fragment(&loaded) => {}
                    Ok(loaded) => results.push(Checked::Loaded(file, Box::new(loaded))),
                    Err(e) => results.push(Checked::Unreadable(file, e.to_string())),
                }
            }
        } else {
            match loader.load_file(path) {
                Ok(loaded) => results.push(Checked::Loaded(path.clone(), Box::new(loaded))),
                Err(e) => results.push(Checked::Unreadable(path.clone(), e.to_string())),
            }
        }
    }
    let (mut errors, mut warnings, mut unreadable) = (0, 0, 0);
    for r in &results {
        match r {
            Checked::Loaded(_, l) => {
                errors += l.errors().count();
                warnings += l.warnings().count();
            }
            Checked::Unreadable(..) => unreadable += 1,
        }
    }
    // A file that could not be read is an error too, in the count as in the exit code.
    errors += unreadable;
    match args.format {
        Format::Human => print_human(&results, errors, warnings),
        Format::Json => print_json(&results, errors, warnings),
    }
    if unreadable > 0 {
        2
    } else if errors > 0 || (args.deny_warnings && warnings > 0) {
        1
    } else {
        0
    }
}

fn is_fragment(loaded: &Loaded) -> bool {
    loaded.api.is_none() && loaded.diagnostics.len() == 1 && loaded.diagnostics[0].code == "not-a-spec"
}

/// Every `.json`, `.yaml` and `.yml` file under a folder, in a stable order.
fn spec_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if matches!(path.extension().and_then(|e| e.to_str()), Some("json" | "yaml" | "yml")) {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

fn print_human(results: &[Checked], errors: usize, warnings: usize) {
    let files = results.len();
    for r in results {
        match r {
            Checked::Loaded(_, loaded) => {
                for d in &loaded.diagnostics {
                    eprintln!("{:?}", d.to_report(&loaded.sources));
                }
            }
            Checked::Unreadable(_, message) => eprintln!("error: {}", specwright_spec::printable(message)),
        }
    }
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    eprintln!("{}: {}, {}", plural(files, "spec"), plural(errors, "error"), plural(warnings, "warning"));
}

fn print_json(results: &[Checked], errors: usize, warnings: usize) {
    let files: Vec<serde_json::Value> = results
        .iter()
        .map(|r| match r {
            Checked::Loaded(path, loaded) => serde_json::json!({
                "file": path.display().to_string(),
                "valid": !loaded.has_errors(),
                "diagnostics": loaded.diagnostics.iter().map(|d| d.to_json(&loaded.sources)).collect::<Vec<_>>(),
            }),
            Checked::Unreadable(path, message) => serde_json::json!({
                "file": path.display().to_string(),
                "valid": false,
                "io_error": message,
            }),
        })
        .collect();
    let out = serde_json::json!({ "files": files, "errors": errors, "warnings": warnings });
    println!("{}", serde_json::to_string_pretty(&out).expect("JSON output serializes"));
}
