//! Code generation from OpenAPI and AsyncAPI specs in `build.rs`, the way
//! `prost-build` and `tonic-build` work for protobuf: a build dependency that
//! turns each spec into one Rust file under `OUT_DIR` (its types, and a
//! client, a server or event handlers), which the crate includes with
//! `specwright_runtime::include_api!`.
//!
//! ```no_run
//! // build.rs
//! fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     specwright_build::configure().client(true).server(true).compile(&["specs/orders.yaml"])?;
//!     Ok(())
//! }
//! ```
//!
//! ```text
//! // src/lib.rs
//! pub mod orders {
//!     specwright_runtime::include_api!("orders");
//! }
//! ```
//!
//! The generated file is written to `OUT_DIR` only when its content
//! changes, cargo is told to run the build script again when the spec or
//! any file it reaches through `$ref` changes, and a spec with errors fails
//! the build with each error's file, line and column and the lines around it.
//! The including crate depends on `specwright-runtime` (with the features
//! the code uses: `client`, `server`, `events`), `serde`, and the crates the
//! types name (`serde_json`, `chrono`, `uuid`, ...); one it lacks fails the
//! build with the line to add.
//!
//! Every builder method sets the field of the same name in a
//! `specwright.toml` `[[api]]` table, and [`compile_settings`] builds every
//! table of such a file.
//!
//! Outside a build script, [`Builder::out_dir`] says where to write (for
//! tests, or for code to commit):
//!
//! ```
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let dir = tempfile::tempdir()?;
//! let spec = dir.path().join("pets.yaml");
//! std::fs::write(
//!     &spec,
//!     "openapi: 3.0.3
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
//! ",
//! )?;
//! specwright_build::configure().server(true).out_dir(dir.path().join("out")).compile(&[&spec])?;
//!
//! // One file per spec, named after it: what `include_api!("pets")` includes.
//! let code = std::fs::read_to_string(dir.path().join("out/pets.rs"))?;
//! assert!(code.contains("pub mod types {") && code.contains("pub struct Pet {"));
//! assert!(code.contains("pub mod server {"));
//! # Ok(())
//! # }
//! ```

mod deps;
mod error;

use std::path::{Path, PathBuf};

use specwright_codegen::settings::{ApiOptions, Settings};
use specwright_codegen::{select, Layout, RuntimeDep, TypeAttributes};
use specwright_spec::Loader;

pub use error::Error;
/// The choices the builder's methods take, as the settings file and the
/// command line name them.
pub use specwright_codegen::{Role, Schemars, Visibility};

/// A builder with the defaults: the parts the spec's kind suggests (a
/// client for OpenAPI, events for AsyncAPI), public modules, no `JsonSchema`.
pub fn configure() -> Builder {
    Builder { api: ApiOptions { layout: Some(Layout::Module), ..ApiOptions::default() }, out_dir: None }
}

/// Generates every `[[api]]` of a settings file (relative paths in it are
/// relative to the file), each to `OUT_DIR/specwright/<name>.rs`.
pub fn compile_settings(path: impl AsRef<Path>) -> Result<(), Error> {
    let path = path.as_ref();
    directive("rerun-if-changed", &path.display().to_string());
    let settings = Settings::read(path).map_err(|e| Error::Settings(Box::new(e)))?;
    let base = path.parent().unwrap_or(Path::new("."));
    for api in &settings.api {
        let api = ApiOptions { layout: Some(Layout::Module), ..api.options() };
        let spec = base.join(&api.spec);
        Builder { api, out_dir: None }.compile_one(&spec)?;
    }
    Ok(())
}

/// What to generate; see [`configure`].
#[derive(Clone, Debug)]
pub struct Builder {
    api: ApiOptions,
    out_dir: Option<PathBuf>,
}

impl Builder {
    /// The HTTP client (an OpenAPI spec's default).
    pub fn client(mut self, on: bool) -> Self {
        self.api.client = Some(on);
        self
    }

    /// The HTTP server: a trait to implement and an axum router.
    pub fn server(mut self, on: bool) -> Self {
        self.api.server = Some(on);
        self
    }

    /// The event publisher and handlers (an AsyncAPI spec's default).
    pub fn events(mut self, on: bool) -> Self {
        self.api.events = Some(on);
        self
    }

    /// Only the types.
    pub fn types_only(mut self, on: bool) -> Self {
        self.api.types_only = on;
        self
    }

    /// Whose side of an AsyncAPI document to generate.
    pub fn role(mut self, role: Role) -> Self {
        self.api.role = Some(role);
        self
    }

    /// The generated file's name, for `include_api!` (by default the spec's
    /// file name without its extension). Only for a single spec.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.api.name = Some(name.into());
        self
    }

    /// How far the generated modules are visible.
    pub fn visibility(mut self, visibility: Visibility) -> Self {
        self.api.visibility = Some(visibility);
        self
    }

    /// Whether types derive `schemars::JsonSchema`: never (the default),
    /// always (the crate then depends on `schemars` 1), or behind the
    /// including crate's own `schemars` feature.
    pub fn schemars(mut self, schemars: Schemars) -> Self {
        self.api.schemars = Some(schemars);
        self
    }

    /// Uses a type of one's own for the schema named `schema` in the spec.
    pub fn replace_type(mut self, schema: impl Into<String>, rust_type: impl Into<String>) -> Self {
        self.api.types.insert(schema.into(), rust_type.into());
        self
    }

    /// Uses the type a schema names in its `x-rust-type` extension (off
    /// unless set: the spec then chooses types in your crate, which is for
    /// specs you write yourself). It must be a plain path such as `crate::Sku`.
    pub fn x_rust_type(mut self, on: bool) -> Self {
        self.api.x_rust_type = on;
        self
    }

    /// Derives these on the generated types whose names match `pattern` (`*` and `?` match).
    pub fn derive(mut self, pattern: impl Into<String>, paths: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.api.type_attributes.push(TypeAttributes {
            pattern: pattern.into(),
            derive: paths.into_iter().map(Into::into).collect(),
            attributes: Vec::new(),
        });
        self
    }

    /// Puts an attribute (`#[serde(deny_unknown_fields)]`) on the generated types whose names match `pattern`.
    pub fn type_attribute(mut self, pattern: impl Into<String>, attribute: impl Into<String>) -> Self {
        self.api.type_attributes.push(TypeAttributes {
            pattern: pattern.into(),
            derive: Vec::new(),
            attributes: vec![attribute.into()],
        });
        self
    }

    /// Operations to generate, by tag, id or channel; nothing listed means every one.
    pub fn include(mut self, names: Names) -> Self {
        self.api.include = names.0;
        self
    }

    /// Operations to leave out, by tag, id or channel.
    pub fn exclude(mut self, names: Names) -> Self {
        self.api.exclude = names.0;
        self
    }

    /// Where to write instead of `OUT_DIR/specwright` (tests, or code to commit).
    pub fn out_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.out_dir = Some(dir.into());
        self
    }

    /// Generates each spec to `<out>/<name>.rs`.
    pub fn compile(self, specs: &[impl AsRef<Path>]) -> Result<(), Error> {
        if specs.len() > 1 && self.api.name.is_some() {
            return Err(Error::Usage(
                "`name` names the file of a single spec; several are named after their files".into(),
            ));
        }
        self.api.check().map_err(|message| Error::Usage(format!("a builder setting is wrong: {message}")))?;
        for spec in specs {
            self.compile_one(spec.as_ref())?;
        }
        Ok(())
    }

    fn compile_one(&self, spec: &Path) -> Result<(), Error> {
        directive("rerun-if-changed", &spec.display().to_string());
        let loaded =
            Loader::new().load_file(spec).map_err(|source| Error::Read { path: spec.to_path_buf(), source })?;
        // Every file the spec reached, through `$ref` too.
        for path in loaded.sources.paths() {
            directive("rerun-if-changed", &path.display().to_string());
        }
        let failed = |diagnostics: &[specwright_spec::Diagnostic]| {
            let rendered: Vec<String> = diagnostics
                .iter()
                .filter(|d| d.is_error())
                .map(|d| error::render(&d.to_report(&loaded.sources)))
                .collect();
            Error::Spec { spec: spec.to_path_buf(), rendered: rendered.join("\n") }
        };
        if loaded.has_errors() {
            return Err(failed(&loaded.diagnostics));
        }
        let Some(api) = loaded.api.as_ref() else { return Err(failed(&loaded.diagnostics)) };
        warn(loaded.diagnostics.iter().map(|d| format!("{}: {d}", d.place(&loaded.sources))));

        let (api, unmatched) = select::select(api, &self.api.filter());
        warn(unmatched.iter().map(|entry| format!("{}: the filter's {entry} matches no operation", spec.display())));
        let mut chosen = self.api.clone();
        if chosen.name.is_none() {
            let stem = spec.file_stem().map_or("api".into(), |s| s.to_string_lossy().into_owned());
            chosen.name = Some(stem.replace(['-', '.', ' '], "_"));
        }
        let openapi = api.kind.is_openapi();
        let options = chosen.crate_options(openapi, RuntimeDep::default()).map_err(|e| Error::Usage(e.to_string()))?;
        let mut generated = specwright_codegen::generate(&api, &options);
        loaded.locate(&mut generated.diagnostics);
        if generated.diagnostics.iter().any(|d| d.is_error()) {
            return Err(failed(&generated.diagnostics));
        }
        warn(generated.diagnostics.iter().map(|d| format!("{}: {d}", d.place(&loaded.sources))));

        let Some((_, source)) = generated.files.first() else { return Ok(()) };
        let out = match (&self.out_dir, std::env::var_os("OUT_DIR")) {
            (Some(dir), _) => dir.clone(),
            (None, Some(dir)) => PathBuf::from(dir).join("specwright"),
            (None, None) => return Err(Error::Usage("OUT_DIR is not set: run from build.rs, or give out_dir".into())),
        };
        // In a build script, the crate being built is what will include the file.
        if let (None, Some(dir)) = (&self.out_dir, std::env::var_os("CARGO_MANIFEST_DIR")) {
            let features: Vec<&str> =
                [("client", options.client), ("server", options.server), ("events", options.events)]
                    .into_iter()
                    .filter_map(|(name, on)| on.then_some(name))
                    .collect();
            // Behind the crate's own `schemars` feature, the dependency is its optional one.
            let schemars = options.schemars != Schemars::Never;
            deps::check(&Path::new(&dir).join("Cargo.toml"), source, &features, schemars)?;
        }
        generated.write_changed(&out).map(drop).map_err(Error::Write)
    }
}

/// Operations by tag, operation id, or (AsyncAPI) channel id or address;
/// each name may hold `*` and `?`.
#[derive(Clone, Debug, Default)]
pub struct Names(select::Names);

impl Names {
    pub fn new() -> Names {
        Names::default()
    }

    pub fn tags(mut self, tags: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.0.tags.extend(tags.into_iter().map(Into::into));
        self
    }

    pub fn operations(mut self, ids: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.0.operations.extend(ids.into_iter().map(Into::into));
        self
    }

    pub fn channels(mut self, channels: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.0.channels.extend(channels.into_iter().map(Into::into));
        self
    }
}

/// Warnings, one line each: cargo shows them under the crate being built.
fn warn(lines: impl Iterator<Item = String>) {
    for line in lines {
        directive("warning", &line);
    }
}

/// Prints one `cargo:` directive. Cargo reads one directive a line, so a
/// value with a line break (a file name or a message from the spec) could
/// start a directive of its own, such as `rustc-link-arg`: every control
/// character is written escaped.
fn directive(key: &str, value: &str) {
    println!("cargo:{key}={}", one_line(value));
}

fn one_line(value: &str) -> std::borrow::Cow<'_, str> {
    if !value.chars().any(char::is_control) {
        return value.into();
    }
    value.chars().map(|c| if c.is_control() { c.escape_default().to_string() } else { c.to_string() }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_directive_is_one_line_whatever_its_value() {
        let value = "spec\ncargo:rustc-link-arg=-evil\r\u{1b}]0;title\u{7}";
        let line = format!("cargo:warning={}", one_line(value));
        assert_eq!(line.lines().count(), 1);
        assert!(!line.chars().any(char::is_control), "{line:?}");
        assert_eq!(one_line("plain/path.yaml"), "plain/path.yaml");
    }

    fn spec(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../specs").join(name)
    }

    #[test]
    fn a_spec_becomes_one_module_file_written_only_when_it_changes() {
        let out = tempfile::tempdir().unwrap();
        configure().server(true).out_dir(out.path()).compile(&[spec("petstore.yaml")]).unwrap();
        let file = out.path().join("petstore.rs");
        let source = std::fs::read_to_string(&file).unwrap();
        assert!(source.contains("pub mod server {") && source.contains("pub mod types {"), "one file, every module");
        let top: Vec<&str> = source.lines().take_while(|l| !l.starts_with("pub mod")).collect();
        assert!(!top.iter().any(|l| l.starts_with("//!") || l.starts_with("#![")), "{top:?}");
        let modified = std::fs::metadata(&file).unwrap().modified().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        configure().server(true).out_dir(out.path()).compile(&[spec("petstore.yaml")]).unwrap();
        assert_eq!(std::fs::metadata(&file).unwrap().modified().unwrap(), modified, "unchanged, so not written");
    }

    #[test]
    fn a_spec_with_errors_fails_with_its_place_and_lines() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("bad.yaml");
        let text = "openapi: 3.0.3\ninfo:\n  title: t\n  version: '1'\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          $ref: '#/components/responses/Gone'\n";
        std::fs::write(&bad, text).unwrap();
        let err = configure().out_dir(dir.path()).compile(&[&bad]).unwrap_err();
        let text = err.to_string();
        assert!(text.contains("bad.yaml:10:"), "{text}");
        assert!(text.contains("#/components/responses/Gone"), "the source line is shown: {text}");
    }

    #[test]
    fn a_builder_setting_that_is_not_rust_is_refused() {
        let err = configure().replace_type("Money", "not a type").compile(&[spec("orders.yaml")]).unwrap_err();
        assert!(err.to_string().contains("is not a Rust type"), "{err}");
    }
}
