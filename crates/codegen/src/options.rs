//! The choices a user makes about generated code, declared once: the
//! settings file reads them, the build API and the command line set them,
//! and the generator follows them.

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
