//! The choices a user makes about generated code, declared once: the
//! settings file reads them, the build API and the command line set them,
//! and the generator follows them.

use std::path::PathBuf;

use schemars::JsonSchema;
use serde::Deserialize;

/// Whose side of an AsyncAPI document the events module is for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The application the document describes: it sends what it says it sends.
    #[default]
    Application,
    /// Its counterpart: sends what the application receives, and receives what it sends.
    Client,
}

/// What the generated code is written as.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[serde(rename_all = "lowercase")]
pub enum Layout {
    /// A crate folder: `Cargo.toml`, `src/lib.rs` and a file per module.
    #[default]
    Crate,
    /// One file holding every module, for `include!` (what build scripts write).
    Module,
}

/// How far a module layout's modules are visible.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, JsonSchema)]
pub enum Visibility {
    /// `pub`: the including crate's users see the modules.
    #[default]
    #[serde(rename = "pub")]
    Public,
    /// `pub(crate)`: only the including crate does.
    #[serde(rename = "pub(crate)")]
    Crate,
}

/// When generated types derive `schemars::JsonSchema`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Schemars {
    /// Behind the crate's `schemars` feature (a crate layout's default).
    #[default]
    Feature,
    /// Always: the including crate depends on `schemars` 1.
    Always,
    /// Never (a module layout's default, whose crate has no such feature).
    Never,
}

impl Schemars {
    /// The `cfg` predicate the derives sit behind: `all()` is always true and
    /// `any()` never, so neither names a feature the crate lacks.
    pub fn predicate(self) -> proc_macro2::TokenStream {
        match self {
            Schemars::Feature => quote::quote!(feature = "schemars"),
            Schemars::Always => quote::quote!(all()),
            Schemars::Never => quote::quote!(any()),
        }
    }
}

/// Derives and attributes for the generated types whose names match `pattern`
/// (`*` matches any run of characters, `?` one).
#[derive(Clone, Debug, Default)]
pub struct TypeAttributes {
    pub pattern: String,
    /// Paths to derive, such as `Eq` or `Hash`.
    pub derive: Vec<String>,
    /// Attributes as written, such as `#[serde(deny_unknown_fields)]`.
    pub attributes: Vec<String>,
}

impl TypeAttributes {
    pub fn matches(&self, name: &str) -> bool {
        wildmatch::WildMatch::new(&self.pattern).matches(name)
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

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
