//! Rust code from the specwright model of an API: the code generator behind
//! the `specwright` CLI and `specwright-build`. From an [`Api`] loaded by
//! `specwright-spec`, [`generate`] writes serde types for its schemas, a typed
//! HTTP client (reqwest) and an axum server for OpenAPI operations, and an
//! event publisher and handlers for AsyncAPI operations, all on
//! `specwright-runtime`: a whole crate ([`Layout::Crate`]) or one file to
//! `include!` ([`Layout::Module`]), returned as text for the caller to write.
//!
//! It works in two phases: [`plan`] decides what the crate holds as plain
//! data (a Rust type for each schema, the operations, the events, the
//! server's validation table), then `emit` builds each module from the
//! plans with `quote!` and prints it with `prettyplease`, so what is
//! generated is valid Rust by construction. The manifest and the crate docs
//! come from templates.
//!
//! ```
//! use specwright_codegen::{generate, CrateOptions};
//! use specwright_spec::Loader;
//!
//! let spec = r#"
//! openapi: 3.0.3
//! info: {title: Pets, version: '1.0.0'}
//! paths:
//!   /pets:
//!     get:
//!       operationId: listPets
//!       responses:
//!         '200':
//!           description: The pets
//!           content:
//!             application/json:
//!               schema: {type: array, items: {$ref: '#/components/schemas/Pet'}}
//! components:
//!   schemas:
//!     Pet:
//!       type: object
//!       required: [name]
//!       properties:
//!         name: {type: string}
//!         tag: {type: string}
//! "#;
//! let loaded = Loader::new().load_str("pets.yaml", spec);
//! let api = loaded.api.expect("the spec loads");
//!
//! // A client crate: `Cargo.toml`, `src/lib.rs`, and a file per module.
//! let options = CrateOptions { client: true, spec: "pets.yaml".into(), ..CrateOptions::default() };
//! let generated = generate(&api, &options);
//! assert!(!generated.diagnostics.iter().any(|d| d.is_error()));
//! for (path, _) in &generated.files {
//!     println!("{}", path.display());
//! }
//! let file = |name: &str| -> String {
//!     let found = generated.files.iter().find(|(path, _)| path.as_path() == std::path::Path::new(name));
//!     found.map(|(_, text)| text.clone()).unwrap_or_default()
//! };
//! assert!(file("Cargo.toml").contains("specwright-runtime"));
//! assert!(file("src/types.rs").contains("pub struct Pet {"));
//! assert!(file("src/client.rs").contains("pub fn list_pets("));
//! // `generated.write_changed(dir)` writes them, leaving files that would not change untouched.
//! ```

mod emit;
pub mod keywords;
mod options;
pub mod plan;
pub mod select;
pub mod settings;

pub use emit::scaffold::package_name;
pub use emit::types::{generate as generate_types, TypesModule};
pub use options::{CrateOptions, Layout, Role, RuntimeDep, RuntimeDepError, Schemars, TypeAttributes, Visibility};

use std::path::PathBuf;

use emit::common::Uses;
use emit::scaffold::Module;
use emit::types::Style;
use plan::types::Planner;
use specwright_spec::ir::Api;
use specwright_spec::Diagnostic;

/// The files of a generated crate, with paths relative to its folder.
pub struct GeneratedCrate {
    pub files: Vec<(PathBuf, String)>,
    pub diagnostics: Vec<Diagnostic>,
    /// How many named types it holds.
    pub types: usize,
}

impl GeneratedCrate {
    /// Writes the files under `dir` that differ from what is there, so that
    /// build tools see no change where there is none; gives the paths written.
    pub fn write_changed(&self, dir: &std::path::Path) -> Result<Vec<PathBuf>, WriteError> {
        let mut written = Vec::new();
        for path in self.stale(dir) {
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(|source| WriteError { path: parent.to_path_buf(), source })?;
            }
            let content = self.files.iter().find(|(rel, _)| dir.join(rel) == path).map_or("", |(_, c)| c.as_str());
            if let Err(source) = std::fs::write(&path, content) {
                return Err(WriteError { path, source });
            }
            written.push(path);
        }
        Ok(written)
    }

    /// The files under `dir` that are missing or differ from what would be written.
    pub fn stale(&self, dir: &std::path::Path) -> Vec<PathBuf> {
        self.files
            .iter()
            .filter(|(rel, content)| std::fs::read_to_string(dir.join(rel)).map_or(true, |old| old != *content))
            .map(|(rel, _)| dir.join(rel))
            .collect()
    }
}

/// A file or folder of a generated crate that could not be written.
#[derive(Debug, thiserror::Error)]
#[error("cannot write {}: {source}", path.display())]
pub struct WriteError {
    pub path: PathBuf,
    #[source]
    pub source: std::io::Error,
}

/// A crate for an API: its types, and the client, the server and the
/// event handlers as `options` asks.
pub fn generate(api: &Api, options: &CrateOptions) -> GeneratedCrate {
    let mut planner = Planner::new(api);
    planner.replace(options.replace.clone());
    planner.allow_spec_types(options.spec_rust_types);
    if !options.only_used_types {
        planner.add_components();
    }
    let style = Style { schemars: options.schemars, type_attributes: options.type_attributes.clone() };
    let style = &style;
    let mut diagnostics = Vec::new();
    let http = options.client || options.server;
    let ops = if http { plan::operations::plan(api, &mut planner, &mut diagnostics) } else { Vec::new() };
    let events = options.events.then(|| plan::events::plan(api, &mut planner, options.role, &mut diagnostics));
    planner.add_usage_types();
    let type_plan = planner.finish();
    let pages: Vec<_> = if options.client {
        ops.iter().map(|op| plan::pagination::plan(op, &type_plan.defs)).collect()
    } else {
        Vec::new()
    };
    // The modules are written and printed side by side (printing is most of
    // the time); each thread builds its own tokens, which can't be sent.
    let (types, parts) = std::thread::scope(|scope| {
        let mut threads: Vec<std::thread::ScopedJoinHandle<(Module, Uses)>> = Vec::new();
        let defs = &type_plan.defs;
        let (ops, pages) = (&ops, &pages);
        let module = |name, tokens| Module { name, source: emit::format::tokens(tokens) };
        if let Some(events) = &events {
            threads.push(scope.spawn(move || {
                let uses = Uses { runtime: true, events: true, ..Uses::default() };
                (module("events", emit::events::module(api, events, defs, style)), uses)
            }));
        }
        if http {
            threads.push(scope.spawn(move || {
                let mut uses = Uses { runtime: true, ..Uses::default() };
                (module("operations", emit::operations::module(api, ops, defs, &mut uses)), uses)
            }));
        }
        if options.client {
            threads.push(scope.spawn(move || {
                let mut uses = Uses { runtime: true, client: true, ..Uses::default() };
                (module("client", emit::client::module(api, ops, pages, defs, &mut uses)), uses)
            }));
        }
        if options.server {
            threads.push(scope.spawn(move || {
                let mut uses = Uses { runtime: true, server: true, ..Uses::default() };
                (module("server", emit::server::module(api, ops, defs, &mut uses)), uses)
            }));
        }
        let types = emit::types::module(&type_plan, style);
        let parts: Vec<(Module, Uses)> =
            threads.into_iter().map(|t| t.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect();
        (types, parts)
    });
    let mut uses = types.uses;
    let mut modules = vec![Module { name: "types", source: types.source }];
    for (module, part_uses) in parts {
        uses = uses.union(part_uses);
        modules.push(module);
    }
    let mut files = emit::scaffold::files(api, options, uses, modules);
    diagnostics.extend(type_plan.diagnostics);
    if options.layout == Layout::Module {
        return GeneratedCrate { files, diagnostics, types: types.types };
    }
    if options.example_tests {
        let cases = emit::examples::example_cases(api, &types.names);
        if !cases.is_empty() {
            let krate = options.name.clone().unwrap_or_else(|| package_name(&api.info.title));
            files.push((PathBuf::from("tests/examples.rs"), emit::examples::examples_test(&krate, &cases)));
        }
    }
    GeneratedCrate { files, diagnostics, types: types.types }
}
