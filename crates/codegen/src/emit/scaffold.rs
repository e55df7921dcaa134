//! The files around the generated modules, from the templates in `crates/codegen/templates/`.

use std::path::PathBuf;

use minijinja::{context, Environment};
use specwright_spec::ir::Api;

use proc_macro2::TokenStream;
use quote::quote;

use crate::emit::common::{ident, Uses};
use crate::options::{CrateOptions, Layout, RuntimeDep, Visibility};

const CARGO_TOML: &str = include_str!("../../templates/Cargo.toml.jinja");
const LIB_RS: &str = include_str!("../../templates/lib.rs.jinja");

/// A package name from free text: lowercase words joined by `-`. One that
/// is a Rust keyword (an API titled `Type`) takes `-api`, since the crate's
/// name is also its path in code (`use type::types;` would not parse).
pub fn package_name(raw: &str) -> String {
    if !raw.chars().any(|c| c.is_alphanumeric()) {
        return "api".to_string();
    }
    let name = crate::plan::names::field_name(raw).trim_end_matches('_').replace('_', "-");
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
    crate::emit::format::doc_line(&line)
}

/// A module of the generated crate: `src/{name}.rs`, printed.
pub struct Module {
    pub name: &'static str,
    pub source: String,
}

/// The crate's files: the manifest, `src/lib.rs` declaring `modules`, and
/// the modules, or in the module layout the one file that holds them all.
pub fn files(api: &Api, options: &CrateOptions, uses: Uses, mut modules: Vec<Module>) -> Vec<(PathBuf, String)> {
    modules.sort_by_key(|m| m.name);
    let (manifest, docs) = render(api, options, uses);
    let names: Vec<proc_macro2::Ident> = modules.iter().map(|m| ident(m.name)).collect();
    // The client is what a user of a client crate reaches for first.
    let client = names.iter().find(|m| *m == "client").map(|m| quote!(pub use #m::Client;));
    if options.layout == Layout::Module {
        let file_name = options.name.clone().unwrap_or_else(|| package_name(&api.info.title)).replace('-', "_");
        return vec![(
            PathBuf::from(format!("{file_name}.rs")),
            module_file(&docs, &modules, client, options.visibility),
        )];
    }
    let declarations = unparse(quote!(#(pub mod #names;)*));
    let mut lib_rs = format!("{docs}\n{declarations}");
    if let Some(client) = client {
        lib_rs = format!("{lib_rs}\n{}", unparse(client));
    }
    let mut files = vec![(PathBuf::from("Cargo.toml"), manifest), (PathBuf::from("src/lib.rs"), lib_rs)];
    files.extend(modules.into_iter().map(|m| (PathBuf::from(format!("src/{}.rs", m.name)), m.source)));
    files
}

/// Items as `prettyplease` lays them out, one a line.
fn unparse(items: TokenStream) -> String {
    prettyplease::unparse(&syn::parse2(items).expect("declarations are valid Rust"))
}

/// The manifest and the crate's docs, from the templates.
fn render(api: &Api, options: &CrateOptions, uses: Uses) -> (String, String) {
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
    (render("Cargo.toml") + "\n", render("lib.rs") + "\n")
}

/// The module layout: each module inline, after the crate's docs turned
/// into plain comments (an `include!`d file cannot hold inner attributes).
fn module_file(docs: &str, modules: &[Module], client: Option<TokenStream>, visibility: Visibility) -> String {
    let vis = match visibility {
        Visibility::Public => "pub",
        Visibility::Crate => "pub(crate)",
    };
    let mut out: String = docs.lines().map(|line| format!("//{}\n", line.trim_start_matches("//!"))).collect();
    out.push('\n');
    for Module { name, source } in modules {
        out.push_str(&format!("{vis} mod {name} {{\n{source}}}\n"));
    }
    if let Some(client) = client {
        out.push('\n');
        out.push_str(&unparse(client));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
