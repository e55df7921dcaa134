//! Rust types from the schemas of an API.

pub(crate) mod emit;
mod model;
mod plan;
mod recursion;
mod rust_type;
mod shape;

pub use emit::{ty_path, Style, Uses};
pub use model::{Def, DefId, DefKind, Presence, Ty};
pub use plan::{Planner, TypePlan};

use specwright_spec::ir::Api;
use specwright_spec::Diagnostic;

/// The types module of a generated crate.
pub struct TypesModule {
    /// The module's source, formatted.
    pub source: String,
    pub uses: Uses,
    pub diagnostics: Vec<Diagnostic>,
    /// How many named types it holds.
    pub types: usize,
    /// The name of the type each schema became, where it became a named one.
    pub names: std::collections::HashMap<specwright_spec::ir::SchemaId, String>,
}

/// Plans and writes the types for every component schema and every schema
/// that an operation or message uses.
pub fn generate(api: &Api) -> TypesModule {
    let mut planner = Planner::new(api);
    planner.add_components();
    planner.add_usage_types();
    let plan = planner.finish();
    let mut module = module(&plan, &Style::default());
    module.diagnostics = plan.diagnostics;
    module
}

/// The types module for a finished plan (its diagnostics stay with the plan).
pub fn module(plan: &TypePlan, style: &Style) -> TypesModule {
    let (items, uses) = emit::emit(&plan.defs, style);
    let file = quote::quote! {
        // Generated code is laid out by the generator; rustfmt would make
        // `generate --check` see a difference that is only layout.
        #![cfg_attr(rustfmt, rustfmt::skip)]
        #![allow(deprecated)]
        #![allow(clippy::large_enum_variant, clippy::enum_variant_names, clippy::doc_lazy_continuation,
            clippy::doc_overindented_list_items, clippy::type_complexity, clippy::too_long_first_doc_paragraph)]
        #![allow(rustdoc::bare_urls, rustdoc::broken_intra_doc_links, rustdoc::invalid_html_tags,
            rustdoc::invalid_rust_codeblocks)]
        #items
    };
    let names = plan.named.iter().map(|(&id, def)| (id, plan.defs[def.0].name.clone())).collect();
    TypesModule { source: crate::format::tokens(file), uses, diagnostics: Vec::new(), types: plan.defs.len(), names }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keywords::{reads, Part};
    use specwright_spec::ir::Keyword;

    fn types(schema: &serde_json::Value) -> String {
        let loaded = specwright_spec::Loader::new().load_str("sample.json", &Keyword::sample_document(schema));
        generate(&loaded.api.expect("the sample loads")).source
    }

    /// The types' column of the keyword table, shown: the types of two
    /// schemas that differ only in a keyword differ when the types read it,
    /// and not otherwise.
    #[test]
    fn the_types_depend_on_the_keywords_they_use() {
        let wrong: Vec<String> = Keyword::ALL
            .into_iter()
            .filter(|&keyword| {
                let (with, without) = keyword.samples();
                (types(&with) != types(&without)) != reads(Part::Types, keyword)
            })
            .map(|keyword| format!("{keyword:?} (claimed {})", reads(Part::Types, keyword)))
            .collect();
        assert!(wrong.is_empty(), "{wrong:?}");
    }
}
