//! The files around the generated modules, from the templates in `templates/`.

use std::path::PathBuf;

use minijinja::{context, Environment};
use specwright_spec::ir::Api;

use crate::types::Uses;

const CARGO_TOML: &str = include_str!("../../../templates/Cargo.toml.jinja");
const LIB_RS: &str = include_str!("../../../templates/lib.rs.jinja");

/// How the generated crate depends on `specwright-runtime`.
#[derive(Clone, Debug)]
pub enum RuntimeDep {
    /// From crates.io, at this version.
    Version(String),
    /// From a local checkout (tests and corpus runs).
    Path(PathBuf),
}

impl Default for RuntimeDep {
    fn default() -> Self {
        RuntimeDep::Version(env!("CARGO_PKG_VERSION").to_string())
    }
}

/// Settings for the generated crate.
#[derive(Clone, Debug, Default)]
pub struct CrateOptions {
    /// The package name; by default made from the API's title.
    pub name: Option<String>,
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
    pub role: crate::events::Role,
}

/// A package name from free text: lowercase words joined by `-`.
pub fn package_name(raw: &str) -> String {
    if !raw.chars().any(|c| c.is_alphanumeric()) {
        return "api".to_string();
    }
    crate::names::field_name(raw).trim_end_matches('_').replace('_', "-")
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

pub fn render(api: &Api, options: &CrateOptions, uses: Uses) -> Vec<(PathBuf, String)> {
    let mut env = Environment::new();
    // A TOML basic string: JSON's string escapes are valid TOML.
    env.add_filter("quoted", |s: String| serde_json::to_string(&s).expect("strings serialize"));
    env.add_template("Cargo.toml", CARGO_TOML).expect("the manifest template parses");
    env.add_template("lib.rs", LIB_RS).expect("the lib.rs template parses");
    let name = options.name.clone().unwrap_or_else(|| package_name(&api.info.title));
    let (runtime_path, runtime_version) = match &options.runtime {
        RuntimeDep::Path(p) => (Some(p.display().to_string()), String::new()),
        RuntimeDep::Version(v) => (None, v.clone()),
    };
    let summary = api.info.summary.clone().or_else(|| {
        api.info
            .description
            .as_deref()
            .and_then(|d| d.lines().find(|l| !l.trim().is_empty()))
            .map(|l| l.trim().to_string())
    });
    let features: Vec<String> = [("client", uses.client), ("server", uses.server), ("events", uses.events)]
        .iter()
        .filter(|(_, on)| *on)
        .map(|(name, _)| format!("\"{name}\""))
        .collect();
    let runtime_features = (!features.is_empty()).then(|| format!("[{}]", features.join(", ")));
    let ctx = context! {
        name,
        version => crate_version(&api.info.version),
        description => summary.map(|d| d.chars().take(200).collect::<String>()),
        spec => options.spec,
        title => if api.info.title.is_empty() { "API".to_string() } else { api.info.title.replace('\n', " ") },
        api_version => api.info.version,
        runtime_path,
        runtime_version,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_versions_fit_cargo() {
        assert_eq!(package_name("Swagger Petstore"), "swagger-petstore");
        assert_eq!(package_name("2048 API"), "n-2048-api");
        assert_eq!(package_name("Type"), "type");
        assert_eq!(package_name(""), "api");
        assert_eq!(crate_version("1.2.3"), "1.2.3");
        assert_eq!(crate_version("v2"), "2.0.0");
        assert_eq!(crate_version("2022-11-28"), "0.1.0");
        assert_eq!(crate_version("1.0.0-beta"), "0.1.0");
    }
}
