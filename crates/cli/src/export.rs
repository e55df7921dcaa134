//! `specwright export`: an AsyncAPI document from code-first events. The
//! document is built by the application's own code (the runtime's
//! `events::export::AsyncApi`), so this runs the program that prints it,
//! checks what it printed as any spec is checked, and writes it. Exit 0
//! when written, 1 when the document has errors, 2 when the program could
//! not be run.

use std::path::PathBuf;
use std::process::{Command, Stdio};

use specwright_spec::Loader;

#[derive(clap::Args)]
pub struct Args {
    /// The binary target that prints the document (`cargo run --bin`).
    #[arg(long, conflicts_with = "program", required_unless_present = "program")]
    bin: Option<String>,
    /// The manifest of the crate that has `--bin`.
    #[arg(long, default_value = "Cargo.toml")]
    manifest_path: PathBuf,
    /// Run this built program instead of a cargo binary target.
    #[arg(long, value_name = "PATH")]
    program: Option<PathBuf>,
    /// Where to write the document; standard output when not given.
    #[arg(long)]
    out: Option<PathBuf>,
}

pub fn run(args: Args) -> u8 {
    let mut command = match (&args.program, &args.bin) {
        (Some(program), _) => Command::new(program),
        (None, Some(bin)) => {
            let mut cargo = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
            cargo.args(["run", "--quiet", "--bin", bin, "--manifest-path"]).arg(&args.manifest_path);
            cargo
        }
        (None, None) => unreachable!("clap asks for one of them"),
    };
    let output = match command.stdout(Stdio::piped()).stderr(Stdio::inherit()).output() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("error: cannot run the program that prints the document: {e}");
            return 2;
        }
    };
    if !output.status.success() {
        eprintln!("error: the program that prints the document failed ({})", output.status);
        return 2;
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let name = args.out.as_ref().map_or_else(|| "exported.json".to_string(), |p| p.display().to_string());
    let loaded = Loader::new().load_str(&name, &text);
    for d in &loaded.diagnostics {
        eprintln!("{:?}", d.to_report(&loaded.sources));
    }
    match &loaded.api {
        Some(api) if !loaded.has_errors() && !api.kind.is_openapi() => {}
        Some(_) if !loaded.has_errors() => {
            eprintln!("error: the program printed an OpenAPI document; export writes AsyncAPI");
            return 1;
        }
        _ => return 1,
    }
    match &args.out {
        Some(path) => match std::fs::write(path, text.as_bytes()) {
            Ok(()) => {
                eprintln!("{}: written", path.display());
                0
            }
            Err(e) => {
                eprintln!("error: {}: {e}", path.display());
                2
            }
        },
        None => {
            print!("{text}");
            0
        }
    }
}
