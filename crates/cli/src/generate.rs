//! `specwright generate SPEC --out DIR`: exit 0 when written (or up to date
//! with `--check`), 1 on spec errors (or when out of date), 2 on usage or I/O errors.

use std::path::{Path, PathBuf};

use specwright_codegen::{CrateOptions, GeneratedCrate, RuntimeDep};
use specwright_spec::{Loaded, Loader};

#[derive(clap::Args)]
pub struct Args {
    /// The spec to generate from.
    spec: PathBuf,
    /// The folder of the crate to write.
    #[arg(long)]
    out: PathBuf,
    /// Only the types (the schemas as Rust structs and enums), no client or server.
    #[arg(long, conflicts_with_all = ["client", "server", "events"])]
    types_only: bool,
    /// The HTTP client (the default for OpenAPI when --server is not given).
    #[arg(long)]
    client: bool,
    /// The HTTP server: a trait to implement and an axum router (with
    /// --client, both, sharing their request and response types).
    #[arg(long)]
    server: bool,
    /// The event publisher and handlers (the default for AsyncAPI).
    #[arg(long)]
    events: bool,
    /// Whose side of an AsyncAPI document to generate: the application it
    /// describes, or a client of it (what it sends is received, and the reverse).
    #[arg(long, value_enum, default_value_t = Role::Application)]
    role: Role,
    /// Depend on `specwright-runtime` at this path instead of by version.
    #[arg(long, value_name = "DIR")]
    runtime_path: Option<PathBuf>,
    /// The crate's package name (by default made from the API's title).
    #[arg(long)]
    name: Option<String>,
    /// Also write tests/examples.rs, which checks that every example in the
    /// spec round-trips through the generated types.
    #[arg(long)]
    example_tests: bool,
    /// Write nothing; exit 1 if the crate in --out differs from what would be written.
    #[arg(long)]
    check: bool,
    /// Print only errors.
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Role {
    Application,
    Client,
}

pub fn run(args: Args) -> u8 {
    let loaded = match Loader::new().load_file(&args.spec) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    report(&loaded, args.quiet);
    let Some(api) = loaded.api.as_ref().filter(|_| !loaded.has_errors()) else {
        return 1;
    };
    let runtime = match &args.runtime_path {
        Some(p) => match p.canonicalize() {
            Ok(p) => RuntimeDep::Path(p),
            Err(e) => {
                eprintln!("error: --runtime-path {}: {e}", p.display());
                return 2;
            }
        },
        None => RuntimeDep::default(),
    };
    let openapi = api.kind.is_openapi();
    if !openapi && (args.client || args.server) {
        eprintln!(
            "error: an AsyncAPI document has no HTTP operations; it gives --events (the default) or --types-only"
        );
        return 2;
    }
    if openapi && args.events {
        eprintln!("error: an OpenAPI document has no channels; it gives --client, --server or --types-only");
        return 2;
    }
    let client = !args.types_only && (args.client || (openapi && !args.server));
    let server = !args.types_only && args.server;
    let events = !args.types_only && !openapi;
    let role = match args.role {
        Role::Application => specwright_codegen::events::Role::Application,
        Role::Client => specwright_codegen::events::Role::Client,
    };
    let spec = args.spec.file_name().map_or_else(|| args.spec.display().to_string(), |n| n.to_string_lossy().into());
    let options = CrateOptions {
        name: args.name.clone(),
        runtime,
        spec,
        example_tests: args.example_tests,
        client,
        server,
        events,
        role,
    };
    let generated = specwright_codegen::generate(api, &options);
    for d in &generated.diagnostics {
        if !args.quiet {
            eprintln!("{:?}", d.to_report(&loaded.sources));
        }
    }
    if args.check {
        return check(&generated, &args.out);
    }
    match write(&generated, &args.out) {
        Ok(written) => {
            if !args.quiet {
                eprintln!("{}: {} types, {written} files written", args.out.display(), generated.types);
            }
            0
        }
        Err(e) => {
            eprintln!("error: {e}");
            2
        }
    }
}

fn report(loaded: &Loaded, quiet: bool) {
    for d in &loaded.diagnostics {
        if d.is_error() || !quiet {
            eprintln!("{:?}", d.to_report(&loaded.sources));
        }
    }
}

/// Writes the files that changed (so that build tools see no change when
/// there is none); gives how many were written.
fn write(generated: &GeneratedCrate, out: &Path) -> Result<usize, String> {
    let mut written = 0;
    for (rel, content) in &generated.files {
        let path = out.join(rel);
        if std::fs::read_to_string(&path).is_ok_and(|old| old == *content) {
            continue;
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(&path, content).map_err(|e| format!("{}: {e}", path.display()))?;
        written += 1;
    }
    Ok(written)
}

fn check(generated: &GeneratedCrate, out: &Path) -> u8 {
    let stale: Vec<String> = generated
        .files
        .iter()
        .filter(|(rel, content)| std::fs::read_to_string(out.join(rel)).map_or(true, |old| old != *content))
        .map(|(rel, _)| out.join(rel).display().to_string())
        .collect();
    if stale.is_empty() {
        0
    } else {
        for s in &stale {
            eprintln!("out of date: {s}");
        }
        eprintln!("run `specwright generate` again to update {} file(s)", stale.len());
        1
    }
}
