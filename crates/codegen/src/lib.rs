//! Rust code from the specwright model of an API.
//!
//! Items are built with `quote!` and printed with `prettyplease`, so what is
//! generated is valid Rust by construction; the files around them (the
//! manifest, `lib.rs`) come from templates.

mod client;
pub mod docs;
mod examples;
mod format;
pub mod names;
pub mod operations;
mod scaffold;
pub mod types;

pub use scaffold::{package_name, CrateOptions, RuntimeDep};

use std::path::PathBuf;

use specwright_spec::ir::Api;
use specwright_spec::Diagnostic;
use types::Uses;

/// The files of a generated crate, with paths relative to its folder.
pub struct GeneratedCrate {
    pub files: Vec<(PathBuf, String)>,
    pub diagnostics: Vec<Diagnostic>,
    /// How many named types it holds.
    pub types: usize,
}

/// A crate for an API: its types, and the client when `options.client` is set.
pub fn generate(api: &Api, options: &CrateOptions) -> GeneratedCrate {
    let mut planner = types::Planner::new(api);
    planner.add_components();
    let mut diagnostics = Vec::new();
    let ops = if options.client { operations::plan(api, &mut planner, &mut diagnostics) } else { Vec::new() };
    planner.add_usage_types();
    let plan = planner.finish();
    // The two modules are written and printed side by side (printing is most
    // of the time); each thread builds its own tokens, which can't be sent.
    let (mut module, client) = std::thread::scope(|scope| {
        let client = options.client.then(|| {
            scope.spawn(|| {
                let mut uses = Uses { runtime: true, client: true, ..Uses::default() };
                (format::tokens(client::module(api, &ops, &plan.defs, &mut uses)), uses)
            })
        });
        let module = types::module(&plan);
        (module, client.map(|c| c.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))))
    });
    let mut uses = module.uses;
    let client = client.map(|(source, client_uses)| {
        uses = uses.union(client_uses);
        source
    });
    let mut files = scaffold::render(api, options, uses);
    files.push((PathBuf::from("src/types.rs"), std::mem::take(&mut module.source)));
    if let Some(source) = client {
        files.push((PathBuf::from("src/client.rs"), source));
    }
    if options.example_tests {
        let cases = examples::example_cases(api, &module.names);
        if !cases.is_empty() {
            let krate = options.name.clone().unwrap_or_else(|| package_name(&api.info.title));
            files.push((PathBuf::from("tests/examples.rs"), examples::examples_test(&krate, &cases)));
        }
    }
    diagnostics.extend(plan.diagnostics);
    GeneratedCrate { files, diagnostics, types: module.types }
}
