//! Rust code from the specwright model of an API.
//!
//! Items are built with `quote!` and printed with `prettyplease`, so what is
//! generated is valid Rust by construction; the files around them (the
//! manifest, `lib.rs`) come from templates.

pub mod docs;
mod examples;
mod format;
pub mod names;
mod scaffold;
pub mod types;

pub use scaffold::{package_name, CrateOptions, RuntimeDep};

use std::path::PathBuf;

use specwright_spec::ir::Api;
use specwright_spec::Diagnostic;

/// The files of a generated crate, with paths relative to its folder.
pub struct GeneratedCrate {
    pub files: Vec<(PathBuf, String)>,
    pub diagnostics: Vec<Diagnostic>,
    /// How many named types it holds.
    pub types: usize,
}

/// A crate holding the Rust types of an API.
pub fn types_crate(api: &Api, options: &CrateOptions) -> GeneratedCrate {
    let module = types::generate(api);
    let mut files = scaffold::render(api, options, module.uses);
    files.push((PathBuf::from("src/types.rs"), module.source));
    if options.example_tests {
        let cases = examples::example_cases(api, &module.names);
        if !cases.is_empty() {
            let krate = options.name.clone().unwrap_or_else(|| package_name(&api.info.title));
            files.push((PathBuf::from("tests/examples.rs"), examples::examples_test(&krate, &cases)));
        }
    }
    GeneratedCrate { files, diagnostics: module.diagnostics, types: module.types }
}
