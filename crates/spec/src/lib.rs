//! Loads OpenAPI (Swagger 2.0, 3.0, 3.1) and AsyncAPI (2.x, 3.x) documents,
//! resolves their `$ref`s across files, and lowers them into one model, the
//! [`ir`], that code generation (`specwright-codegen`) and breaking-change
//! checks (`specwright-diff`) read. Swagger 2.0 is upgraded to the OpenAPI 3
//! model and AsyncAPI 2.x to the AsyncAPI 3 model as they are read. Every
//! problem is a [`Diagnostic`] located by file, line, column and JSON
//! pointer: malformed or hostile input is reported, never a panic.
//!
//! A document from a string (its name picks YAML or JSON, and is the file
//! that messages name):
//!
//! ```
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
//!     post:
//!       operationId: createPet
//!       requestBody:
//!         required: true
//!         content:
//!           application/json:
//!             schema: {$ref: '#/components/schemas/Pet'}
//!       responses:
//!         '201': {description: Created}
//! components:
//!   schemas:
//!     Pet:
//!       type: object
//!       required: [name]
//!       properties:
//!         name: {type: string}
//! "#;
//! let loaded = Loader::new().load_str("pets.yaml", spec);
//! for d in &loaded.diagnostics {
//!     eprintln!("{}: {d}", d.place(&loaded.sources));
//! }
//! assert!(!loaded.has_errors());
//! let api = loaded.api.expect("a document without errors gives a model");
//! for op in &api.operations {
//!     println!("{} {} ({})", op.method.key(), op.path, op.id);
//! }
//! let ids: Vec<&str> = api.operations.iter().map(|op| op.id.as_str()).collect();
//! assert_eq!(ids, ["listPets", "createPet"]);
//! assert!(api.components.contains_key("Pet"));
//! ```
//!
//! A document on disk, with the files its references reach (for a spec one
//! did not write, [`Loader::confine`] keeps references inside a folder and
//! [`Loader::max_bytes`] bounds what is read):
//!
//! ```no_run
//! let loaded = specwright_spec::Loader::new().load_file("specs/orders.yaml")?;
//! for d in &loaded.diagnostics {
//!     eprintln!("{}: {d}", d.place(&loaded.sources));
//! }
//! if let Some(api) = &loaded.api {
//!     println!("{} operations", api.operations.len());
//! }
//! # Ok::<(), specwright_spec::LoadError>(())
//! ```

mod diagnostic;
pub mod ir;
mod locate;
mod lower;
pub mod parse;
pub mod pointer;
mod source;
mod workspace;

use std::path::{Path, PathBuf};

pub use diagnostic::{printable, Diagnostic, Location, Severity};
pub use locate::locate;
pub use source::{FileId, Format, Pos, SourceFile, Sources};
pub use workspace::{Fetch, FetchError, LoadOptions, ReadError, Target};

/// A failure to read the root document at all (as opposed to a problem in it,
/// which is a [`Diagnostic`]).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LoadError {
    #[error(transparent)]
    Read(#[from] ReadError),
}

/// What loading a document gave.
#[derive(Debug)]
pub struct Loaded {
    /// The model, unless errors left nothing to build it from. With errors
    /// that affect only part of the document, the rest is still here.
    pub api: Option<ir::Api>,
    /// Errors and warnings, located, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// Every file read: the root first, then what references reached.
    pub sources: Sources,
}

impl Loaded {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| !d.is_error())
    }

    /// Gives a line and column to diagnostics made after loading (by code
    /// generation, say), which know their place only by JSON pointer.
    pub fn locate(&self, diagnostics: &mut [Diagnostic]) {
        locate_in(&self.sources, |_| None, diagnostics);
    }
}

/// Reads documents with a set of [`LoadOptions`].
#[derive(Clone, Debug, Default)]
pub struct Loader {
    options: LoadOptions,
}

impl Loader {
    pub fn new() -> Self {
        Loader::default()
    }

    pub fn with_options(options: LoadOptions) -> Self {
        Loader { options }
    }

    /// References to URLs under `prefix` are read from `dir` instead of the network.
    pub fn map_url(mut self, prefix: impl Into<String>, dir: impl Into<PathBuf>) -> Self {
        self.options.url_map.push((prefix.into(), dir.into()));
        self
    }

    /// Reads references to URLs (that no [`Loader::map_url`] covers) with `fetch`.
    pub fn fetch_with(mut self, fetch: impl Fn(&str) -> Result<String, FetchError> + Send + Sync + 'static) -> Self {
        self.options.fetch = Some(std::sync::Arc::new(fetch));
        self
    }

    /// Refuses files larger than this many bytes.
    pub fn max_bytes(mut self, max: u64) -> Self {
        self.options.max_bytes = max;
        self
    }

    /// Reads at most this many files, the root included (10 000 unless set).
    pub fn max_files(mut self, max: usize) -> Self {
        self.options.max_files = max;
        self
    }

    /// Refuses references to local files outside `dir` (and its subfolders),
    /// for specs one did not write: without it a `$ref` may name any file
    /// the process can read, and an error about it shows some of its lines.
    /// A folder that does not exist confines to nothing.
    pub fn confine(mut self, dir: impl AsRef<Path>) -> Self {
        let dir = dir.as_ref();
        self.options.confine = Some(dir.canonicalize().unwrap_or_else(|_| dir.join("\0-does-not-exist")));
        self
    }

    /// Reads at most this many bytes over all files (1 GiB unless set).
    pub fn max_total_bytes(mut self, max: u64) -> Self {
        self.options.max_total_bytes = max;
        self
    }

    /// Loads a document from disk, with the files its references reach.
    pub fn load_file(&self, path: impl AsRef<Path>) -> Result<Loaded, LoadError> {
        let path = path.as_ref();
        let mut ws = workspace::Workspace::new(self.options.clone());
        let root = ws.read_root(path)?;
        ws.load_referenced(root);
        Ok(finish(ws, root))
    }

    /// Loads a document from text; `name` is used in messages, picks the
    /// format by its extension, and is the base for relative references.
    pub fn load_str(&self, name: &str, text: &str) -> Loaded {
        let mut ws = workspace::Workspace::new(self.options.clone());
        let path = Path::new(name);
        let base = path.is_absolute().then(|| path.to_path_buf());
        let root = ws.add_root(name.to_string(), base, text.to_string());
        finish(ws, root)
    }
}

fn finish(mut ws: workspace::Workspace, root: FileId) -> Loaded {
    let (api, lowered) = lower::lower(&ws, root);
    let mut diagnostics = std::mem::take(&mut ws.diagnostics);
    diagnostics.extend(lowered);
    locate_all(&ws, &mut diagnostics);
    diagnostics.sort_by(|a, b| {
        (a.location.file, a.location.pos.map(|p| p.offset)).cmp(&(b.location.file, b.location.pos.map(|p| p.offset)))
    });
    Loaded { api, diagnostics, sources: ws.sources }
}

/// Gives every diagnostic without a position one, with one pass over each file.
fn locate_all(ws: &workspace::Workspace, diagnostics: &mut [Diagnostic]) {
    locate_in(&ws.sources, |id| ws.value(id), diagnostics);
}

/// [`locate_all`] for any set of files; `value` gives a file's parsed
/// content where it is at hand.
fn locate_in<'v>(
    sources: &Sources,
    value: impl Fn(FileId) -> Option<&'v serde_json::Value>,
    diagnostics: &mut [Diagnostic],
) {
    for (id, file) in sources.iter() {
        let wanted: Vec<usize> = (0..diagnostics.len())
            .filter(|&i| diagnostics[i].location.file == id && diagnostics[i].location.pos.is_none())
            .collect();
        if wanted.is_empty() {
            continue;
        }
        let pointers: Vec<&str> = wanted.iter().map(|&i| diagnostics[i].location.pointer.as_str()).collect();
        let found = locate(file, value(id), &pointers);
        for (i, pos) in wanted.into_iter().zip(found) {
            diagnostics[i].location.pos = Some(pos);
        }
    }
}

/// Loads a document from disk with default options.
pub fn load_file(path: impl AsRef<Path>) -> Result<Loaded, LoadError> {
    Loader::new().load_file(path)
}
