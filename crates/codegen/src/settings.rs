//! `specwright.toml`: what to generate from which spec, shared by the
//! command line and build scripts (whose builder methods set the same
//! fields). Its JSON Schema is `specwright.schema.json` at the repository's
//! root, written from these types.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use crate::options::{Layout, Role, Schemars, Visibility};
use crate::select::{Filter, Names};
use crate::{CrateOptions, RuntimeDep, TypeAttributes};

/// A settings file: one `[[api]]` table per spec.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "specwright.toml")]
pub struct Settings {
    /// Where generated crates get `specwright-runtime` from: a version
    /// requirement (by default the generator's own version, from
    /// crates.io), a folder holding the runtime, relative to this file, or
    /// a git URL (`URL#REV` for a commit, tag or branch). Build scripts do
    /// not use it: their code uses the including crate's runtime.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub runtime: Option<Spanned<String>>,
    /// The specs to generate code for.
    #[serde(default)]
    pub api: Vec<ApiSettings>,
}

/// What to generate from one spec.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ApiSettings {
    /// The spec, relative to the settings file.
    pub spec: PathBuf,
    /// Where the command line writes the crate (or, in a module layout, the
    /// folder of the file), relative to the settings file. Build scripts
    /// write to `OUT_DIR`.
    #[serde(default)]
    pub out: Option<PathBuf>,
    /// The crate's package name, or in a module layout the file's name; by
    /// default made from the API's title (build scripts: the spec's file name).
    #[serde(default)]
    pub name: Option<String>,
    /// The crate's version; by default the API's, where it is a semver version.
    #[serde(default)]
    pub version: Option<String>,
    /// A crate folder, or one file to `include!` (what build scripts write).
    #[serde(default)]
    pub layout: Option<Layout>,
    /// How far a module layout's modules are visible.
    #[serde(default)]
    pub visibility: Option<Visibility>,
    /// The HTTP client (OpenAPI; the default unless `server` is set).
    #[serde(default)]
    pub client: Option<bool>,
    /// The HTTP server: a trait to implement and an axum router (OpenAPI).
    #[serde(default)]
    pub server: Option<bool>,
    /// The event publisher and handlers (AsyncAPI; the default there).
    #[serde(default)]
    pub events: Option<bool>,
    /// Only the types.
    #[serde(default)]
    pub types_only: bool,
    /// Whose side of an AsyncAPI document to generate.
    #[serde(default)]
    pub role: Option<Role>,
    /// When types derive `schemars::JsonSchema`: behind the crate's
    /// `schemars` feature (a crate's default), always, or never (a module's).
    #[serde(default)]
    pub schemars: Option<Schemars>,
    /// Also write `tests/examples.rs` (crate layout).
    #[serde(default)]
    pub example_tests: bool,
    /// Operations to generate: those with any of these tags, ids or
    /// channels (`*` and `?` match). Nothing listed means every one.
    #[serde(default)]
    pub include: NamesSetting,
    /// Operations to leave out, chosen the same way.
    #[serde(default)]
    pub exclude: NamesSetting,
    /// Types of one's own for schemas, by the schema's name in the spec:
    /// `Money = "rust_decimal::Decimal"`. They must (de)serialize as the
    /// schema says, and derive what generated types derive (`Debug`,
    /// `Clone`, `PartialEq`).
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, String>")]
    pub types: BTreeMap<String, Spanned<String>>,
    /// Use the type a schema names in its `x-rust-type` extension. Off by
    /// default: the spec then chooses types in your crate, which is for
    /// specs you write yourself. Such a type must be a plain path
    /// (`crate::Sku`, `my::Map<String, my::Id>`).
    #[serde(default)]
    pub x_rust_type: bool,
    /// Derives and attributes added to the generated types whose names match.
    #[serde(default)]
    pub type_attributes: Vec<TypeAttributesSetting>,
}

/// Operations by tag, by id, and (AsyncAPI) by channel id or address.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NamesSetting {
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub tags: Vec<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub operations: Vec<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub channels: Vec<Spanned<String>>,
}

/// `pattern = "Order*"`, `derive = ["Eq", "Hash"]`, `attributes = ["#[serde(deny_unknown_fields)]"]`.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TypeAttributesSetting {
    /// Generated type names this applies to (`*` and `?` match).
    pub pattern: String,
    /// Paths to derive.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub derive: Vec<Spanned<String>>,
    /// Outer attributes, as written in Rust.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub attributes: Vec<Spanned<String>>,
}

/// A mistake in a settings file, with where it is.
#[derive(Clone, Debug)]
pub struct SettingsError {
    pub file: PathBuf,
    pub text: String,
    /// Byte range in `text`.
    pub span: Option<Range<usize>>,
    pub message: String,
}

impl SettingsError {
    /// Line and column (from 1) where it starts.
    pub fn line_column(&self) -> Option<(usize, usize)> {
        let start = self.span.as_ref()?.start.min(self.text.len());
        let before = &self.text[..start];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Some((line, column))
    }

    /// The error with the lines around it, for a terminal.
    pub fn to_report(&self) -> miette::Report {
        let source = miette::NamedSource::new(self.file.display().to_string(), self.text.clone());
        let mut d = miette::MietteDiagnostic::new(self.message.clone()).with_code("settings");
        if let Some(span) = &self.span {
            d = d.with_label(miette::LabeledSpan::at(span.clone(), "here"));
        }
        miette::Report::new(d).with_source_code(source)
    }
}

impl std::fmt::Display for SettingsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line_column() {
            Some((line, column)) => write!(f, "{}:{line}:{column}: {}", self.file.display(), self.message),
            None => write!(f, "{}: {}", self.file.display(), self.message),
        }
    }
}

impl std::error::Error for SettingsError {}

impl Settings {
    /// Reads and checks a settings file.
    pub fn read(file: &Path) -> Result<Settings, SettingsError> {
        let text = std::fs::read_to_string(file).map_err(|e| SettingsError {
            file: file.to_path_buf(),
            text: String::new(),
            span: None,
            message: format!("cannot read: {e}"),
        })?;
        Settings::parse(file, &text)
    }

    /// The runtime source the `runtime` key names, read relative to the
    /// settings file; `None` when it names none.
    pub fn runtime_dep(&self, file: &Path, text: &str) -> Result<Option<RuntimeDep>, SettingsError> {
        let Some(source) = &self.runtime else { return Ok(None) };
        let base = file.parent().unwrap_or(Path::new(""));
        RuntimeDep::parse(source.get_ref(), base).map(Some).map_err(|message| SettingsError {
            file: file.to_path_buf(),
            text: text.to_string(),
            span: Some(source.span()),
            message: format!("runtime: {message}"),
        })
    }

    /// Parses and checks settings written in `text` (read from `file`).
    pub fn parse(file: &Path, text: &str) -> Result<Settings, SettingsError> {
        let error = |span: Option<Range<usize>>, message: String| SettingsError {
            file: file.to_path_buf(),
            text: text.to_string(),
            span,
            message,
        };
        let settings: Settings = toml::from_str(text).map_err(|e| error(e.span(), e.message().to_string()))?;
        for api in &settings.api {
            api.check().map_err(|(span, message)| error(Some(span), message))?;
        }
        Ok(settings)
    }
}

impl ApiSettings {
    /// What serde cannot see: that types, derives and attributes are Rust.
    pub fn check(&self) -> Result<(), (Range<usize>, String)> {
        for (schema, ty) in &self.types {
            not_a_type(schema, ty.get_ref()).map_or(Ok(()), |message| Err((ty.span(), message)))?;
        }
        for t in &self.type_attributes {
            for d in &t.derive {
                not_a_derive(d.get_ref()).map_or(Ok(()), |message| Err((d.span(), message)))?;
            }
            for a in &t.attributes {
                not_an_attribute(a.get_ref()).map_or(Ok(()), |message| Err((a.span(), message)))?;
            }
        }
        Ok(())
    }

    /// The options this table gives, its places in the file set aside.
    pub fn options(&self) -> ApiOptions {
        let plain = |list: &[Spanned<String>]| list.iter().map(|s| s.get_ref().clone()).collect();
        let names = |n: &NamesSetting| Names {
            tags: plain(&n.tags),
            operations: plain(&n.operations),
            channels: plain(&n.channels),
        };
        ApiOptions {
            spec: self.spec.clone(),
            out: self.out.clone(),
            name: self.name.clone(),
            version: self.version.clone(),
            layout: self.layout,
            visibility: self.visibility,
            client: self.client,
            server: self.server,
            events: self.events,
            types_only: self.types_only,
            role: self.role,
            schemars: self.schemars,
            example_tests: self.example_tests,
            include: names(&self.include),
            exclude: names(&self.exclude),
            types: self.types.iter().map(|(k, v)| (k.clone(), v.get_ref().clone())).collect(),
            x_rust_type: self.x_rust_type,
            type_attributes: self
                .type_attributes
                .iter()
                .map(|t| TypeAttributes {
                    pattern: t.pattern.clone(),
                    derive: plain(&t.derive),
                    attributes: plain(&t.attributes),
                })
                .collect(),
        }
    }

    /// The place in the settings of a filter entry that matched nothing
    /// (`select` names it as `include.tags: pets`).
    pub fn filter_entry_span(&self, label: &str) -> Option<Range<usize>> {
        let (side, rest) = label.split_once('.')?;
        let (kind, pattern) = rest.split_once(": ")?;
        let names = if side == "include" { &self.include } else { &self.exclude };
        let list = match kind {
            "tags" => &names.tags,
            "operations" => &names.operations,
            _ => &names.channels,
        };
        list.iter().find(|s| s.get_ref() == pattern).map(|s| s.span())
    }
}

/// What to generate from one spec, as plain values: an `[[api]]` table of
/// the settings file once its places are set aside
/// ([`ApiSettings::options`]), what the build API's methods set, and what
/// the command line's flags give. Each field means what the settings key
/// of the same name does.
#[derive(Clone, Debug, Default)]
pub struct ApiOptions {
    pub spec: PathBuf,
    pub out: Option<PathBuf>,
    pub name: Option<String>,
    pub version: Option<String>,
    pub layout: Option<Layout>,
    pub visibility: Option<Visibility>,
    pub client: Option<bool>,
    pub server: Option<bool>,
    pub events: Option<bool>,
    pub types_only: bool,
    pub role: Option<Role>,
    pub schemars: Option<Schemars>,
    pub example_tests: bool,
    pub include: Names,
    pub exclude: Names,
    pub types: BTreeMap<String, String>,
    pub x_rust_type: bool,
    pub type_attributes: Vec<TypeAttributes>,
}

impl ApiOptions {
    /// That types, derives and attributes are Rust; the first that is not, said.
    pub fn check(&self) -> Result<(), String> {
        let types = self.types.iter().map(|(schema, ty)| not_a_type(schema, ty));
        let derives = self.type_attributes.iter().flat_map(|t| t.derive.iter().map(|d| not_a_derive(d)));
        let attributes = self.type_attributes.iter().flat_map(|t| t.attributes.iter().map(|a| not_an_attribute(a)));
        types.chain(derives).chain(attributes).flatten().next().map_or(Ok(()), Err)
    }

    /// The filter these options give.
    pub fn filter(&self) -> Filter {
        Filter { include: self.include.clone(), exclude: self.exclude.clone() }
    }

    /// The parts to generate for a spec of this kind, or why the options
    /// ask for a part it cannot have.
    pub fn parts(&self, openapi: bool) -> Result<(bool, bool, bool), PartError> {
        let (client, server, events) =
            (self.client.unwrap_or(false), self.server.unwrap_or(false), self.events.unwrap_or(false));
        if !openapi && (client || server) {
            return Err(PartError::HttpFromAsyncApi);
        }
        if openapi && events {
            return Err(PartError::EventsFromOpenApi);
        }
        if self.types_only {
            return Ok((false, false, false));
        }
        let client = self.client.unwrap_or(openapi && !server);
        Ok((client, server, !openapi && self.events.unwrap_or(true)))
    }

    /// Codegen options for a spec of this kind.
    pub fn crate_options(&self, openapi: bool, runtime: RuntimeDep) -> Result<CrateOptions, PartError> {
        let (client, server, events) = self.parts(openapi)?;
        let layout = self.layout.unwrap_or_default();
        let schemars = match (self.schemars, layout) {
            (Some(schemars), _) => schemars,
            (None, Layout::Crate) => Schemars::Feature,
            (None, Layout::Module) => Schemars::Never,
        };
        Ok(CrateOptions {
            name: self.name.clone(),
            version: self.version.clone(),
            layout,
            visibility: self.visibility.unwrap_or_default(),
            schemars,
            replace: self.types.clone(),
            spec_rust_types: self.x_rust_type,
            type_attributes: self.type_attributes.clone(),
            only_used_types: !self.filter().is_empty(),
            runtime,
            spec: self.spec.file_name().map_or_else(|| self.spec.display().to_string(), |n| n.to_string_lossy().into()),
            example_tests: self.example_tests && layout == Layout::Crate,
            client,
            server,
            events,
            role: self.role.unwrap_or_default(),
        })
    }
}

/// Why `ty` (the type given for `schema`) is not a Rust type, if it is not.
fn not_a_type(schema: &str, ty: &str) -> Option<String> {
    syn::parse_str::<syn::Type>(ty).is_err().then(|| format!("`{ty}` (for {schema}) is not a Rust type"))
}

fn not_a_derive(path: &str) -> Option<String> {
    syn::parse_str::<syn::Path>(path).is_err().then(|| format!("`{path}` is not a path to derive"))
}

fn not_an_attribute(attribute: &str) -> Option<String> {
    let parsed = syn::parse::Parser::parse_str(syn::Attribute::parse_outer, attribute);
    (!matches!(parsed.as_deref(), Ok([_, ..])))
        .then(|| format!("`{attribute}` is not an attribute such as `#[serde(...)]`"))
}

/// A part the settings ask for that the spec's kind cannot have.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PartError {
    #[error("an AsyncAPI document has no HTTP operations: it gives events or types only")]
    HttpFromAsyncApi,
    #[error("an OpenAPI document has no channels: it gives a client, a server or types only")]
    EventsFromOpenApi,
}

/// The JSON Schema of the settings file, as published.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Settings);
    serde_json::to_string_pretty(&schema).expect("schemas serialize") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Settings, SettingsError> {
        Settings::parse(Path::new("specwright.toml"), text)
    }

    #[test]
    fn a_full_table_reads() {
        let s = parse(
            r##"
[[api]]
spec = "specs/petstore.yaml"
name = "pets"
layout = "module"
visibility = "pub(crate)"
server = true
include = { tags = ["pets"] }
exclude = { operations = ["deletePet"] }
types = { Money = "rust_decimal::Decimal" }
type-attributes = [{ pattern = "Pet*", derive = ["Eq"], attributes = ["#[serde(deny_unknown_fields)]"] }]
"##,
        )
        .unwrap();
        let options = s.api[0].options().crate_options(true, RuntimeDep::default()).unwrap();
        assert_eq!((options.client, options.server, options.events), (false, true, false));
        assert_eq!(options.layout, Layout::Module);
        assert_eq!(options.visibility, Visibility::Crate);
        assert_eq!(options.schemars, Schemars::Never);
        assert!(options.only_used_types);
        assert_eq!(options.replace["Money"], "rust_decimal::Decimal");
        assert_eq!(s.api[0].options().filter().exclude.operations, ["deletePet"]);
    }

    /// Each mistake is an error at its line and column.
    #[test]
    fn mistakes_are_located() {
        let cases = [
            ("[[api]]\nspec = \"a.yaml\"\nlayuot = \"crate\"\n", 3, "unknown field `layuot`"),
            ("[[api]]\nspec = \"a.yaml\"\nlayout = \"folder\"\n", 3, "unknown variant `folder`"),
            ("[[api]]\nspec = \"a.yaml\"\n[api.types]\nMoney = \"rust decimal\"\n", 4, "is not a Rust type"),
            (
                "[[api]]\nspec = \"a.yaml\"\n[[api.type-attributes]]\npattern = \"*\"\nattributes = [\"derive(Eq)\"]\n",
                5,
                "is not an attribute",
            ),
            ("[[api]]\nname = \"x\"\n", 1, "missing field `spec`"),
        ];
        for (text, line, message) in cases {
            let e = parse(text).expect_err(text);
            assert!(e.message.contains(message), "{text}: {}", e.message);
            assert_eq!(e.line_column().map(|(l, _)| l), Some(line), "{text}: {e}");
            assert!(e.to_string().starts_with(&format!("specwright.toml:{line}:")), "{e}");
        }
    }

    #[test]
    fn parts_follow_the_kind_of_spec() {
        let api = |f: fn(&mut ApiOptions)| {
            let mut a = ApiOptions::default();
            f(&mut a);
            a
        };
        assert_eq!(api(|_| {}).parts(true), Ok((true, false, false)));
        assert_eq!(api(|a| a.server = Some(true)).parts(true), Ok((false, true, false)));
        assert_eq!(api(|_| {}).parts(false), Ok((false, false, true)));
        assert_eq!(api(|a| a.client = Some(true)).parts(false), Err(PartError::HttpFromAsyncApi));
        assert_eq!(api(|a| a.events = Some(true)).parts(true), Err(PartError::EventsFromOpenApi));
        assert_eq!(api(|a| a.types_only = true).parts(true), Ok((false, false, false)));
    }

    /// The published schema is what these types say.
    #[test]
    fn the_published_schema_is_current() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../specwright.schema.json");
        if std::env::var_os("SPECWRIGHT_UPDATE_SNAPSHOTS").is_some() {
            std::fs::write(&path, json_schema()).unwrap();
        }
        let held = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(held, json_schema(), "rewrite it with SPECWRIGHT_UPDATE_SNAPSHOTS=1");
    }
}
