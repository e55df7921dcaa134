//! The files around the generated modules, from the templates in `crates/codegen/templates/`.

use std::path::PathBuf;

use minijinja::{context, Environment};
use specwright_spec::ir::Api;

use crate::options::{Layout, Role, Schemars, TypeAttributes, Visibility};
use crate::types::Uses;

const CARGO_TOML: &str = include_str!("../templates/Cargo.toml.jinja");
const LIB_RS: &str = include_str!("../templates/lib.rs.jinja");

/// Where the generated crate gets `specwright-runtime` from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RuntimeDep {
    /// From crates.io, at this version requirement.
    Version(String),
    /// From a local checkout: the folder holding the runtime's `Cargo.toml`.
    Path(PathBuf),
    /// From a git repository holding the runtime, at a commit, tag or
    /// branch when one is given (`URL#REV`).
    Git { url: String, rev: Option<String> },
}

/// Published with this generator, so that code and runtime match.
impl Default for RuntimeDep {
    fn default() -> Self {
        RuntimeDep::Version(env!("CARGO_PKG_VERSION").to_string())
    }
}

impl RuntimeDep {
    /// Reads a runtime source as `--runtime` and the `runtime` setting take
    /// it: a git URL (with `#REV` for a commit, tag or branch), a version
    /// requirement (`0.1`, `=0.1.0`), or else a folder, relative to `base`,
    /// that must hold the runtime's `Cargo.toml`.
    pub fn parse(text: &str, base: &std::path::Path) -> Result<RuntimeDep, RuntimeDepError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(RuntimeDepError::Empty);
        }
        if text.contains("://") || text.starts_with("git@") {
            let (url, rev) = match text.split_once('#') {
                Some((url, rev)) => (url, Some(rev.to_string())),
                None => (text, None),
            };
            if rev.as_deref() == Some("") {
                return Err(RuntimeDepError::NoRevision { url: url.to_string() });
            }
            return Ok(RuntimeDep::Git { url: url.to_string(), rev });
        }
        if text.starts_with(|c: char| c.is_ascii_digit() || "^=~<>*".contains(c)) && !text.contains(['/', '\\']) {
            if !text.chars().all(|c| c.is_ascii_alphanumeric() || " .,^=~<>*+-".contains(c)) {
                return Err(RuntimeDepError::NotVersion { text: text.to_string() });
            }
            return Ok(RuntimeDep::Version(text.to_string()));
        }
        let dir = base.join(text);
        let manifest = dir.join("Cargo.toml");
        let holds_runtime = match std::fs::read_to_string(&manifest) {
            Ok(text) => text.lines().any(|line| line.replace(' ', "") == "name=\"specwright-runtime\""),
            Err(source) => return Err(RuntimeDepError::NoManifest { manifest, source }),
        };
        if !holds_runtime {
            return Err(RuntimeDepError::NotRuntime { manifest });
        }
        dir.canonicalize().map(RuntimeDep::Path).map_err(|source| RuntimeDepError::NoManifest { manifest, source })
    }
}

/// Why a runtime source (`--runtime`, the `runtime` setting) was refused.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RuntimeDepError {
    #[error("the runtime source is empty: give a version, a folder or a git URL")]
    Empty,
    #[error("`{url}#`: nothing after `#` (a commit, tag or branch goes there)")]
    NoRevision { url: String },
    #[error("`{text}` is not a version requirement")]
    NotVersion { text: String },
    #[error("{}: {source} (a runtime folder holds the runtime's Cargo.toml)", manifest.display())]
    NoManifest {
        manifest: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{} is not specwright-runtime's manifest", manifest.display())]
    NotRuntime { manifest: PathBuf },
}

/// One line saying where the runtime comes from, as `generate` reports it.
impl std::fmt::Display for RuntimeDep {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RuntimeDep::Version(v) => write!(f, "specwright-runtime {v} from crates.io"),
            RuntimeDep::Path(p) => write!(f, "specwright-runtime from the folder {}", p.display()),
            RuntimeDep::Git { url, rev: None } => write!(f, "specwright-runtime from the git repository {url}"),
            RuntimeDep::Git { url, rev: Some(rev) } => {
                write!(f, "specwright-runtime from the git repository {url} at {rev}")
            }
        }
    }
}

/// Settings for the generated crate.
#[derive(Clone, Debug, Default)]
pub struct CrateOptions {
    /// The package name (or, in a module layout, the file's name); by
    /// default made from the API's title.
    pub name: Option<String>,
    /// The package version; by default the API's, where it is a semver version.
    pub version: Option<String>,
    /// A crate folder, or one file to `include!` into a crate of one's own.
    pub layout: Layout,
    /// In a module layout, how far the modules are visible.
    pub visibility: Visibility,
    /// When generated types derive `schemars::JsonSchema`.
    pub schemars: Schemars,
    /// Types of one's own for schemas, by the schema's name in the document.
    pub replace: std::collections::BTreeMap<String, String>,
    /// Whether a schema's `x-rust-type` in the spec replaces its type. Off by
    /// default: a spec from elsewhere should not choose the types of one's crate.
    pub spec_rust_types: bool,
    /// Derives and attributes added to generated types whose names match.
    pub type_attributes: Vec<TypeAttributes>,
    /// Only the types that what is generated uses, not every component
    /// schema (what filtering operations wants).
    pub only_used_types: bool,
    pub runtime: RuntimeDep,
    /// The spec's file name, as the generated files mention it.
    pub spec: String,
    /// Also write `tests/examples.rs`: every example in the spec must
    /// round-trip through the generated types.
    pub example_tests: bool,
    /// Also write the HTTP client (`src/client.rs`).
    pub client: bool,
    /// Also write the HTTP server (`src/server.rs`).
    pub server: bool,
    /// Also write the event publisher and handlers (`src/events.rs`).
    pub events: bool,
    /// Whose side of an AsyncAPI document the events module is for.
    pub role: Role,
}

/// A package name from free text: lowercase words joined by `-`. One that
/// is a Rust keyword (an API titled `Type`) takes `-api`, since the crate's
/// name is also its path in code (`use type::types;` would not parse).
pub fn package_name(raw: &str) -> String {
    if !raw.chars().any(|c| c.is_alphanumeric()) {
        return "api".to_string();
    }
    let name = crate::names::field_name(raw).trim_end_matches('_').replace('_', "-");
    match syn::parse_str::<syn::Ident>(&name.replace('-', "_")) {
        Ok(_) => name,
        Err(_) => format!("{name}-api"),
    }
}

/// A semver version for the crate: the API's own when it is one.
fn crate_version(api_version: &str) -> String {
    let parts: Vec<&str> = api_version.trim_start_matches('v').split('.').collect();
    let numeric =
        |p: &&str| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()) && (p.len() == 1 || !p.starts_with('0'));
    match parts.as_slice() {
        [a, b, c] if [a, b, c].iter().all(|p| numeric(p)) => format!("{a}.{b}.{c}"),
        [a, b] if [a, b].iter().all(|p| numeric(p)) => format!("{a}.{b}.0"),
        [a] if numeric(a) => format!("{a}.0.0"),
        _ => "0.1.0".to_string(),
    }
}

/// The template environment. Every value a template prints must pass through
/// the filter for where it lands: `comment` (one line of a Rust comment) or
/// `toml` (a TOML value). A value printed bare is an error, not unescaped
/// text, so a template cannot let a spec's text (a title, a version, a file
/// name) end a comment and become code, or end a string and become a setting.
fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_formatter(|out, state, value| {
        if value.as_str().is_some() && !value.is_safe() {
            return Err(minijinja::Error::new(
                minijinja::ErrorKind::InvalidOperation,
                "a template printed text without `| comment` or `| toml`",
            ));
        }
        minijinja::escape_formatter(out, state, value)
    });
    env.add_filter("comment", |text: String| minijinja::Value::from_safe_string(comment_line(&text)));
    env.add_filter("toml", |value: minijinja::Value| {
        let value = toml::Value::try_from(&value).map_err(|e| {
            minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, format!("not a TOML value: {e}"))
        })?;
        Ok(minijinja::Value::from_safe_string(value.to_string()))
    });
    env.add_template("Cargo.toml", CARGO_TOML).expect("the manifest template parses");
    env.add_template("lib.rs", LIB_RS).expect("the lib.rs template parses");
    env
}

/// Text for one line of a Rust comment: whatever ends a line (a line break,
/// a carriage return, U+2028) or means something to a terminal becomes a
/// space, and nothing in it opens a code block in crate docs (as in every
/// doc line, `format::doc_line`).
fn comment_line(text: &str) -> String {
    let line: String =
        text.chars().map(|c| if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') { ' ' } else { c }).collect();
    crate::format::doc_line(&line)
}

pub fn render(api: &Api, options: &CrateOptions, uses: Uses) -> Vec<(PathBuf, String)> {
    let env = environment();
    let name = options.name.clone().unwrap_or_else(|| package_name(&api.info.title));
    // The dependency's source, as the keys of its inline table: the keys
    // are ours (safe to print bare), the values pass through `| toml`.
    let source: Vec<(&str, String)> = match &options.runtime {
        RuntimeDep::Path(p) => vec![("path", p.display().to_string())],
        RuntimeDep::Version(v) => vec![("version", v.clone())],
        RuntimeDep::Git { url, rev } => {
            std::iter::once(("git", url.clone())).chain(rev.iter().map(|r| ("rev", r.clone()))).collect()
        }
    };
    let runtime_source: Vec<(minijinja::Value, String)> =
        source.into_iter().map(|(key, value)| (minijinja::Value::from_safe_string(key.to_string()), value)).collect();
    let summary = api.info.summary.clone().or_else(|| {
        api.info
            .description
            .as_deref()
            .and_then(|d| d.lines().find(|l| !l.trim().is_empty()))
            .map(|l| l.trim().to_string())
    });
    let runtime_features: Vec<&str> = [("client", uses.client), ("server", uses.server), ("events", uses.events)]
        .into_iter()
        .filter_map(|(name, on)| on.then_some(name))
        .collect();
    let ctx = context! {
        name,
        version => options.version.clone().unwrap_or_else(|| crate_version(&api.info.version)),
        description => summary.map(|d| d.chars().take(200).collect::<String>()),
        spec => options.spec,
        title => if api.info.title.is_empty() { "API".to_string() } else { api.info.title.clone() },
        api_version => api.info.version,
        runtime_source,
        rust_version => env!("CARGO_PKG_RUST_VERSION"),
        runtime_features,
        uses => context! {
            chrono => uses.chrono, uuid => uses.uuid, decimal => uses.decimal,
            indexmap => uses.indexmap, runtime => uses.runtime, client => uses.client, server => uses.server,
            events => uses.events,
        },
    };
    let render = |t: &str| env.get_template(t).and_then(|t| t.render(&ctx)).expect("templates render");
    vec![
        (PathBuf::from("Cargo.toml"), render("Cargo.toml") + "\n"),
        (PathBuf::from("src/lib.rs"), render("lib.rs") + "\n"),
    ]
}

/// The module layout: `lib.rs` with each `mod x;` replaced by the module
/// itself, its crate-level docs turned into plain comments (an `include!`d
/// file cannot hold inner attributes).
pub fn module_file(lib_rs: &str, modules: &[(PathBuf, String)], visibility: Visibility) -> String {
    let vis = match visibility {
        Visibility::Public => "pub",
        Visibility::Crate => "pub(crate)",
    };
    let mut out = String::new();
    for line in lib_rs.lines() {
        let declared = line.strip_prefix("pub mod ").and_then(|l| l.strip_suffix(';'));
        match declared {
            Some(name) => {
                let file = PathBuf::from(format!("src/{name}.rs"));
                let source = modules.iter().find(|(p, _)| *p == file).map_or("", |(_, s)| s.as_str());
                out.push_str(&format!("{vis} mod {name} {{\n{}}}\n", source));
            }
            None => match line.strip_prefix("//!") {
                Some(doc) => out.push_str(&format!("//{doc}\n")),
                None => out.push_str(&format!("{line}\n")),
            },
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn names_and_versions_fit_cargo() {
        assert_eq!(package_name("Swagger Petstore"), "swagger-petstore");
        assert_eq!(package_name("2048 API"), "n-2048-api");
        assert_eq!(package_name("Type"), "type-api");
        assert_eq!(package_name("match"), "match-api");
        assert_eq!(package_name(""), "api");
        assert_eq!(crate_version("1.2.3"), "1.2.3");
        assert_eq!(crate_version("v2"), "2.0.0");
        assert_eq!(crate_version("2022-11-28"), "0.1.0");
        assert_eq!(crate_version("1.0.0-beta"), "0.1.0");
    }

    #[test]
    fn a_runtime_source_is_a_git_url_a_version_or_a_folder() {
        let here = Path::new(env!("CARGO_MANIFEST_DIR"));
        let git = |url: &str, rev: Option<&str>| RuntimeDep::Git { url: url.into(), rev: rev.map(Into::into) };
        let parse = |text: &str| RuntimeDep::parse(text, here);
        assert_eq!(
            parse("https://github.com/specwright/specwright").unwrap(),
            git("https://github.com/specwright/specwright", None)
        );
        assert_eq!(parse("ssh://host/repo.git#v0.1.0").unwrap(), git("ssh://host/repo.git", Some("v0.1.0")));
        assert_eq!(parse("0.1").unwrap(), RuntimeDep::Version("0.1".into()));
        assert_eq!(parse("=0.1.0").unwrap(), RuntimeDep::Version("=0.1.0".into()));
        let runtime = here.join("../runtime").canonicalize().unwrap();
        assert_eq!(parse("../runtime").unwrap(), RuntimeDep::Path(runtime));
        // A folder that is not the runtime, one that is missing, and text
        // that is neither.
        assert!(matches!(parse("../spec"), Err(RuntimeDepError::NotRuntime { .. })));
        assert!(matches!(parse("../nowhere"), Err(RuntimeDepError::NoManifest { .. })));
        assert!(parse("../nowhere").unwrap_err().to_string().contains("Cargo.toml"));
        assert!(matches!(parse("0.1\"}"), Err(RuntimeDepError::NotVersion { .. })));
        assert!(matches!(parse("https://host/repo#"), Err(RuntimeDepError::NoRevision { .. })));
        assert!(matches!(parse(" "), Err(RuntimeDepError::Empty)));
    }

    #[test]
    fn the_runtime_is_named_in_one_line() {
        assert_eq!(RuntimeDep::Version("0.1.0".into()).to_string(), "specwright-runtime 0.1.0 from crates.io");
        assert_eq!(RuntimeDep::default(), RuntimeDep::Version(env!("CARGO_PKG_VERSION").into()));
    }
}
