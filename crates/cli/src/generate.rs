//! `specwright generate SPEC --out DIR`, or `specwright generate` with the
//! `[[api]]` tables of `specwright.toml`: exit 0 when written (or up to date
//! with `--check`), 1 on spec or settings errors (or when out of date), 2 on
//! usage or I/O errors.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};
use specwright_codegen::select::Names;
use specwright_codegen::settings::{ApiOptions, ApiSettings, Settings, SettingsError};
use specwright_codegen::{select, GeneratedCrate, Layout, Role, RuntimeDep};
use specwright_spec::Loader;

/// Each flag sets the settings field of the same name.
#[derive(clap::Args)]
pub struct Args {
    /// The spec to generate from; without it, every `[[api]]` of the settings file.
    #[arg(requires = "out")]
    spec: Option<PathBuf>,
    /// The folder of the crate to write (or, with `--layout module`, of the file).
    #[arg(long, requires = "spec")]
    out: Option<PathBuf>,
    /// The settings file to read when no spec is given.
    #[arg(long, default_value = "specwright.toml", conflicts_with = "spec")]
    config: PathBuf,
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
    /// A crate folder, or one `.rs` file holding every module (to include in a crate of one's own).
    #[arg(long, value_enum, default_value_t = Layout::Crate)]
    layout: Layout,
    /// Where the crate gets `specwright-runtime` from: a version
    /// requirement, a folder holding it, or a git URL (`URL#REV`); by
    /// default this generator's own version, from crates.io.
    #[arg(long, value_name = "VERSION|DIR|GIT-URL", conflicts_with = "runtime_path")]
    runtime: Option<String>,
    /// Depend on `specwright-runtime` in this folder (as `--runtime DIR`).
    #[arg(long, value_name = "DIR")]
    runtime_path: Option<PathBuf>,
    /// The crate's package name (by default made from the API's title).
    #[arg(long)]
    name: Option<String>,
    /// The crate's version (by default the API's, where it is semver).
    #[arg(long = "crate-version", value_name = "VERSION")]
    version: Option<String>,
    /// Generate only operations with this tag (repeatable; `*` and `?` match).
    #[arg(long, value_name = "TAG")]
    include_tag: Vec<String>,
    /// Generate only this operation, by id (repeatable; `*` and `?` match).
    #[arg(long, value_name = "ID")]
    include_operation: Vec<String>,
    /// Generate only operations on this channel, by id or address (repeatable).
    #[arg(long, value_name = "CHANNEL")]
    include_channel: Vec<String>,
    /// Leave out operations with this tag (repeatable).
    #[arg(long, value_name = "TAG")]
    exclude_tag: Vec<String>,
    /// Leave out this operation, by id (repeatable).
    #[arg(long, value_name = "ID")]
    exclude_operation: Vec<String>,
    /// Use a type of one's own for a schema: `Money=rust_decimal::Decimal` (repeatable).
    #[arg(long = "type", value_name = "SCHEMA=TYPE", value_parser = schema_type)]
    types: Vec<(String, String)>,
    /// Use the types schemas name in `x-rust-type` (only for specs you trust:
    /// the spec then chooses types in your crate).
    #[arg(long)]
    x_rust_type: bool,
    /// Also write tests/examples.rs, which checks that every example in the
    /// spec round-trips through the generated types.
    #[arg(long)]
    example_tests: bool,
    /// Refuse references to local files outside DIR (for specs you did not write).
    #[arg(long, value_name = "DIR")]
    confine: Option<PathBuf>,
    /// Write nothing; exit 1 if what is in --out differs from what would be written.
    #[arg(long)]
    check: bool,
    /// Print only errors.
    #[arg(long, short, conflicts_with = "verbose")]
    quiet: bool,
    /// Print each file written, and how long each step took.
    #[arg(long, short)]
    verbose: bool,
}

fn schema_type(text: &str) -> Result<(String, String), String> {
    let (schema, ty) = text.split_once('=').ok_or("expected SCHEMA=TYPE, such as Money=rust_decimal::Decimal")?;
    Ok((schema.trim().to_string(), ty.trim().to_string()))
}

/// One spec to generate, with its options.
struct Job {
    api: ApiOptions,
    spec: PathBuf,
    out: PathBuf,
    /// The settings file it came from and its table there, for errors that
    /// point into it.
    settings: Option<(PathBuf, String, ApiSettings)>,
}

pub fn run(args: Args) -> u8 {
    let (jobs, runtime) = match jobs(&args) {
        Ok(jobs) => jobs,
        Err((code, message)) => {
            eprintln!("{message}");
            return code;
        }
    };
    let from_flags = match (&args.runtime, &args.runtime_path) {
        (Some(source), _) => Some(("--runtime", source.clone())),
        (None, Some(dir)) => Some(("--runtime-path", dir.display().to_string())),
        (None, None) => None,
    };
    let runtime = match from_flags {
        Some((flag, source)) => match RuntimeDep::parse(&source, Path::new("")) {
            Ok(runtime) => runtime,
            Err(e) => {
                eprintln!("error: {flag}: {e}");
                return 2;
            }
        },
        None => runtime.unwrap_or_default(),
    };
    let out = Output { quiet: args.quiet, verbose: args.verbose };
    if !args.quiet && !args.check {
        eprintln!("runtime: {runtime} (--runtime chooses another)");
    }
    let progress = out.progress(jobs.len());
    let mut worst = 0;
    for job in &jobs {
        progress.set_message(job.spec.display().to_string());
        worst = worst.max(generate(job, &runtime, args.check, args.confine.as_deref(), &out, &progress));
        progress.inc(1);
    }
    progress.finish_and_clear();
    worst
}

/// The jobs the command line names: one spec from the flags, or every
/// table of the settings file.
/// With them, the runtime the settings file names, if it names one.
fn jobs(args: &Args) -> Result<(Vec<Job>, Option<RuntimeDep>), (u8, String)> {
    if let (Some(spec), Some(out)) = (&args.spec, &args.out) {
        let api = from_flags(args, spec);
        api.check().map_err(|message| (2, format!("error: {message}")))?;
        return Ok((vec![Job { api, spec: spec.clone(), out: out.clone(), settings: None }], None));
    }
    let settings = Settings::read(&args.config).map_err(|e| {
        let hint = if e.span.is_none() { "\n(give a spec and --out, or write a specwright.toml)" } else { "" };
        (1, format!("{:?}{hint}", e.to_report()))
    })?;
    let text = std::fs::read_to_string(&args.config).unwrap_or_default();
    let base = args.config.parent().unwrap_or(Path::new("")).to_path_buf();
    let runtime = settings.runtime_dep(&args.config, &text).map_err(|e| (1, format!("{:?}", e.to_report())))?;
    let mut jobs = Vec::new();
    for api in settings.api {
        let Some(out) = api.out.clone() else {
            let message = format!("the [[api]] for {} gives no `out` folder to write to", api.spec.display());
            let e = SettingsError { file: args.config.clone(), text: text.clone(), span: None, message };
            return Err((1, format!("{e}")));
        };
        let spec = base.join(&api.spec);
        let settings = Some((args.config.clone(), text.clone(), api.clone()));
        jobs.push(Job { api: api.options(), spec, out: base.join(out), settings });
    }
    if jobs.is_empty() {
        return Err((1, format!("{}: no [[api]] tables", args.config.display())));
    }
    Ok((jobs, runtime))
}

fn from_flags(args: &Args, spec: &Path) -> ApiOptions {
    let list = |v: &[String]| v.to_vec();
    ApiOptions {
        spec: spec.to_path_buf(),
        out: args.out.clone(),
        name: args.name.clone(),
        version: args.version.clone(),
        layout: Some(args.layout),
        client: args.client.then_some(true),
        server: args.server.then_some(true),
        events: args.events.then_some(true),
        types_only: args.types_only,
        role: Some(args.role),
        example_tests: args.example_tests,
        include: Names {
            tags: list(&args.include_tag),
            operations: list(&args.include_operation),
            channels: list(&args.include_channel),
        },
        exclude: Names {
            tags: list(&args.exclude_tag),
            operations: list(&args.exclude_operation),
            channels: Vec::new(),
        },
        types: args.types.iter().cloned().collect(),
        x_rust_type: args.x_rust_type,
        ..ApiOptions::default()
    }
}

/// What to print, and where.
struct Output {
    quiet: bool,
    verbose: bool,
}

impl Output {
    /// A bar over the specs, drawn only on a terminal (indicatif hides it
    /// elsewhere) and never with `--quiet`.
    fn progress(&self, specs: usize) -> ProgressBar {
        if self.quiet {
            return ProgressBar::hidden();
        }
        let bar = ProgressBar::new(specs as u64);
        let template = if specs > 1 { "{bar:30} {pos}/{len} {wide_msg}" } else { "{spinner} {wide_msg}" };
        bar.set_style(ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar()));
        bar.enable_steady_tick(Duration::from_millis(120));
        bar
    }

    fn say(&self, progress: &ProgressBar, line: String) {
        if !self.quiet {
            progress.suspend(|| eprintln!("{line}"));
        }
    }

    fn step(&self, progress: &ProgressBar, what: &str, started: Instant) {
        if self.verbose {
            progress.suspend(|| eprintln!("  {what}: {} ms", started.elapsed().as_millis()));
        }
    }
}

fn generate(
    job: &Job,
    runtime: &RuntimeDep,
    check_only: bool,
    confine: Option<&Path>,
    out: &Output,
    progress: &ProgressBar,
) -> u8 {
    let started = Instant::now();
    let loader = match confine {
        Some(dir) => Loader::new().confine(dir),
        None => Loader::new(),
    };
    let loaded = match loader.load_file(&job.spec) {
        Ok(l) => l,
        Err(e) => {
            progress.suspend(|| eprintln!("error: {e}"));
            return 2;
        }
    };
    out.step(progress, &format!("{}: loaded", job.spec.display()), started);
    for d in &loaded.diagnostics {
        if d.is_error() || !out.quiet {
            progress.suspend(|| eprintln!("{:?}", d.to_report(&loaded.sources)));
        }
    }
    let Some(api) = loaded.api.as_ref().filter(|_| !loaded.has_errors()) else {
        return 1;
    };
    let (api, unmatched) = select::select(api, &job.api.filter());
    for entry in unmatched {
        let message = format!("the filter's {entry} matches no operation");
        match &job.settings {
            Some((file, text, table)) => {
                let span = table.filter_entry_span(&entry);
                let e = SettingsError { file: file.clone(), text: text.clone(), span, message };
                out.say(progress, format!("warning: {e}"));
            }
            None => out.say(progress, format!("warning: {message}")),
        }
    }
    let options = match job.api.crate_options(api.kind.is_openapi(), runtime.clone()) {
        Ok(options) => options,
        Err(message) => {
            progress.suspend(|| eprintln!("error: {}: {message}", job.spec.display()));
            return 2;
        }
    };
    let started = Instant::now();
    let mut generated = specwright_codegen::generate(&api, &options);
    loaded.locate(&mut generated.diagnostics);
    out.step(progress, &format!("{}: generated {} types", job.spec.display(), generated.types), started);
    for d in &generated.diagnostics {
        if d.is_error() || !out.quiet {
            progress.suspend(|| eprintln!("{:?}", d.to_report(&loaded.sources)));
        }
    }
    if generated.diagnostics.iter().any(|d| d.is_error()) {
        return 1;
    }
    if check_only {
        return check(&generated, &job.out, progress);
    }
    match generated.write_changed(&job.out) {
        Ok(written) => {
            if out.verbose {
                progress.suspend(|| written.iter().for_each(|path| eprintln!("  wrote {}", path.display())));
            }
            let count = written.len();
            out.say(progress, format!("{}: {} types, {count} files written", job.out.display(), generated.types));
            0
        }
        Err(e) => {
            progress.suspend(|| eprintln!("error: {e}"));
            2
        }
    }
}

fn check(generated: &GeneratedCrate, dir: &Path, progress: &ProgressBar) -> u8 {
    let stale = generated.stale(dir);
    if stale.is_empty() {
        return 0;
    }
    progress.suspend(|| {
        for s in &stale {
            eprintln!("out of date: {}", s.display());
        }
        eprintln!("run `specwright generate` again to update {} file(s)", stale.len());
    });
    1
}
