//! The types module of a generated crate: the planned types as Rust items.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};
use specwright_spec::ir::Api;
use specwright_spec::Diagnostic;

use crate::emit::common::{deprecated, docs, ident, ty_path, Uses};
use crate::options::{Schemars, TypeAttributes};
use crate::plan::types::model::*;
use crate::plan::types::{Planner, TypePlan};

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
    let (items, uses) = emit(&plan.defs, style);
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
    TypesModule {
        source: crate::emit::format::tokens(file),
        uses,
        diagnostics: Vec::new(),
        types: plan.defs.len(),
        names,
    }
}

/// How generated types are dressed beyond what their schemas say.
#[derive(Clone, Debug, Default)]
pub struct Style {
    pub schemars: Schemars,
    pub type_attributes: Vec<TypeAttributes>,
}

impl Style {
    /// The `cfg` predicate `JsonSchema` derives sit behind.
    pub fn schemars(&self) -> TokenStream {
        self.schemars.predicate()
    }

    /// The derives and attributes the settings add to the type `name`.
    /// Both were checked when the settings were read; what does not parse
    /// is left out.
    pub fn extra(&self, name: &str) -> TokenStream {
        let mut derives = Vec::new();
        let mut attributes = Vec::new();
        for t in self.type_attributes.iter().filter(|t| t.matches(name)) {
            derives.extend(t.derive.iter().filter_map(|d| syn::parse_str::<syn::Path>(d).ok()));
            for a in &t.attributes {
                let parsed = syn::parse::Parser::parse_str(syn::Attribute::parse_outer, a);
                attributes.extend(parsed.into_iter().flatten());
            }
        }
        let derive = (!derives.is_empty()).then(|| quote!(#[derive(#(#derives),*)]));
        quote!(#derive #(#attributes)*)
    }
}

/// The items of the types module, and the crates they use.
pub fn emit(defs: &[Def], style: &Style) -> (TokenStream, Uses) {
    let mut uses = Uses::default();
    let items = defs.iter().map(|d| emit_def(d, defs, style, &mut uses));
    (quote! { #(#items)* }, uses)
}

fn ty_tokens(ty: &Ty, defs: &[Def]) -> TokenStream {
    ty_path(ty, defs, &TokenStream::new())
}

/// A def's items, its type deriving `JsonSchema` when the generated crate's
/// `schemars` feature is on (for exporting a document from code).
fn emit_def(def: &Def, defs: &[Def], style: &Style, uses: &mut Uses) -> TokenStream {
    let items = emit_items(def, defs, uses);
    let cfg = style.schemars();
    let extra = match &def.kind {
        DefKind::Pending | DefKind::Alias { newtype: false, .. } => quote!(),
        _ => style.extra(&def.name),
    };
    let items = quote!(#extra #items);
    let schemars = match &def.kind {
        DefKind::Pending | DefKind::Alias { newtype: false, .. } => return items,
        // Its `Other` variant keeps values it does not list, but the schema
        // is the spec's: the listed strings.
        DefKind::StringEnum(values) => {
            let name = ident(&def.name);
            let title = &def.name;
            let values = values.iter().map(|v| &v.value);
            return quote! {
                #items

                #[cfg(#cfg)]
                impl ::schemars::JsonSchema for #name {
                    fn schema_name() -> ::std::borrow::Cow<'static, str> {
                        ::std::borrow::Cow::Borrowed(#title)
                    }

                    fn json_schema(_: &mut ::schemars::SchemaGenerator) -> ::schemars::Schema {
                        ::schemars::json_schema!({ "type": "string", "enum": [#(#values),*] })
                    }
                }
            };
        }
        // Its serde impls are written by hand; as a schema, it is one of its variants.
        DefKind::Tagged { .. } => {
            quote!(#[cfg_attr(#cfg, derive(::schemars::JsonSchema), schemars(untagged))])
        }
        _ => quote!(#[cfg_attr(#cfg, derive(::schemars::JsonSchema))]),
    };
    quote!(#schemars #items)
}

fn emit_items(def: &Def, defs: &[Def], uses: &mut Uses) -> TokenStream {
    let name = ident(&def.name);
    let doc = docs(def.docs.as_deref());
    let dep = deprecated(def.deprecated);
    match &def.kind {
        DefKind::Pending => quote!(),
        DefKind::Struct(s) => {
            let fields: Vec<TokenStream> = s.fields.iter().map(|f| emit_field(f, defs, uses)).collect();
            let extra = s.extra.as_ref().map(|t| {
                uses.indexmap = true;
                uses.note(t);
                let t = ty_tokens(t, defs);
                let field = ident(&extra_field_name(s));
                quote! {
                    /// Properties besides the ones named above.
                    #[serde(flatten)]
                    pub #field: ::indexmap::IndexMap<::std::string::String, #t>,
                }
            });
            // The runtime's derives compile in far less code than serde's, but
            // do not take `flatten`.
            let serde = if extra.is_some() || s.fields.iter().any(|f| f.flatten) {
                quote!(::serde::Serialize, ::serde::Deserialize)
            } else {
                uses.runtime = true;
                quote!(::specwright_runtime::Serialize, ::specwright_runtime::Deserialize)
            };
            quote! {
                #doc
                #dep
                #[derive(Debug, Clone, PartialEq, #serde)]
                pub struct #name {
                    #(#fields)*
                    #extra
                }
            }
        }
        DefKind::StringEnum(values) => {
            let variants = values.iter().map(|v| {
                let variant = ident(&v.variant);
                let value = &v.value;
                let doc = docs(v.docs.as_deref());
                quote!(#doc #[serde(rename = #value)] #variant,)
            });
            let arms = values.iter().map(|v| {
                let variant = ident(&v.variant);
                let value = &v.value;
                quote!(#name::#variant => #value,)
            });
            let other = ident(&other_variant(values));
            uses.runtime = true;
            quote! {
                #doc
                #dep
                #[derive(Debug, Clone, PartialEq, Eq, Hash, ::specwright_runtime::Serialize, ::specwright_runtime::Deserialize)]
                pub enum #name {
                    #(#variants)*
                    /// A value this version of the API does not list, kept as it came.
                    #[serde(untagged)]
                    #other(::std::string::String),
                }

                impl #name {
                    /// The value as it appears in JSON.
                    pub fn as_str(&self) -> &str {
                        match self {
                            #(#arms)*
                            #name::#other(value) => value,
                        }
                    }
                }

                impl ::std::fmt::Display for #name {
                    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(self.as_str())
                    }
                }
            }
        }
        DefKind::IntEnum(values) => {
            let consts = values.iter().map(|(c, v)| {
                let c = ident(c);
                quote!(pub const #c: #name = #name(#v);)
            });
            quote! {
                #doc
                #dep
                #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, ::serde::Serialize, ::serde::Deserialize)]
                #[serde(transparent)]
                pub struct #name(pub i64);

                impl #name {
                    #(#consts)*
                }
            }
        }
        DefKind::Tagged { property, variants } => emit_tagged(&name, property, variants, defs, uses, doc, dep),
        DefKind::Untagged(raw_variants) => {
            let variants: Vec<TokenStream> = raw_variants
                .iter()
                .map(|(v, ty)| {
                    uses.note(ty);
                    let v = ident(v);
                    let ty = ty_tokens(ty, defs);
                    quote!(#v(#ty),)
                })
                .collect();
            let keys: Vec<Option<(Vec<String>, bool)>> =
                raw_variants.iter().map(|(_, ty)| object_keys(ty, defs)).collect();
            if keys.iter().filter(|k| k.is_some()).count() < 2 {
                return quote! {
                    #doc
                    #dep
                    #[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
                    #[serde(untagged)]
                    pub enum #name {
                        #(#variants)*
                    }
                };
            }
            // Several object variants: the one that declares the object's keys is tried first.
            uses.runtime = true;
            let key_lists = keys.iter().map(|k| match k {
                Some((keys, open)) => quote!((&[#(#keys),*], #open)),
                None => quote!((&[], false)),
            });
            let arms = raw_variants.iter().enumerate().map(|(i, (v, ty))| {
                let v = ident(v);
                let ty = ty_tokens(ty, defs);
                quote!(#i => <#ty as ::serde::Deserialize>::deserialize(&value).map(#name::#v),)
            });
            let message = format!("the value fits no variant of {}", def.name);
            quote! {
                #doc
                #dep
                #[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
                #[serde(untagged)]
                pub enum #name {
                    #(#variants)*
                }

                impl<'de> ::serde::Deserialize<'de> for #name {
                    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                        let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                        const KEYS: &[::specwright_runtime::untagged::Keys<'static>] = &[#(#key_lists),*];
                        for i in ::specwright_runtime::untagged::order(&value, KEYS) {
                            let result = match i {
                                #(#arms)*
                                _ => continue,
                            };
                            if let Ok(v) = result {
                                return Ok(v);
                            }
                        }
                        Err(<D::Error as ::serde::de::Error>::custom(#message))
                    }
                }
            }
        }
        DefKind::Alias { ty, newtype } => {
            uses.note(ty);
            let t = ty_tokens(ty, defs);
            if *newtype {
                quote! {
                    #doc
                    #dep
                    #[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
                    #[serde(transparent)]
                    pub struct #name(pub #t);
                }
            } else {
                quote! {
                    #doc
                    #dep
                    pub type #name = #t;
                }
            }
        }
    }
}

/// The keys an object variant declares, and whether it keeps others too;
/// `None` for variants that are not structs.
fn object_keys(ty: &Ty, defs: &[Def]) -> Option<(Vec<String>, bool)> {
    let id = match ty {
        Ty::Named(id) => *id,
        Ty::Boxed(inner) => return object_keys(inner, defs),
        // Keeps any object whole.
        Ty::Any | Ty::AnyObject | Ty::Map(_) => return Some((Vec::new(), true)),
        _ => return None,
    };
    let def = &defs[id.0];
    if let DefKind::Alias { ty, .. } = &def.kind {
        return object_keys(ty, defs);
    }
    let DefKind::Struct(s) = &def.kind else { return None };
    let mut keys = Vec::new();
    let mut open = s.extra.is_some();
    for f in &s.fields {
        if f.flatten {
            match object_keys(&f.ty, defs) {
                Some((inner, inner_open)) => {
                    keys.extend(inner);
                    open |= inner_open;
                }
                None => open = true,
            }
        } else {
            keys.push(f.json.clone());
        }
    }
    Some((keys, open))
}

/// The name of the catch-all variant of a string enum: `Other`, unless a
/// listed value took it.
fn other_variant(values: &[EnumValue]) -> String {
    ["Other", "OtherValue", "UnlistedValue"]
        .into_iter()
        .find(|c| values.iter().all(|v| v.variant != *c))
        .unwrap_or("UnlistedValue_")
        .to_string()
}

/// The name of the map of extra properties, clear of the named fields.
fn extra_field_name(s: &Struct) -> String {
    let mut name = "additional_properties".to_string();
    while s.fields.iter().any(|f| f.name == name) {
        name.push('_');
    }
    name
}

fn emit_field(f: &Field, defs: &[Def], uses: &mut Uses) -> TokenStream {
    uses.note(&f.ty);
    let name = ident(&f.name);
    let ty = ty_tokens(&f.ty, defs);
    let doc = docs(f.docs.as_deref());
    let dep = deprecated(f.deprecated);
    if f.flatten {
        return quote!(#[serde(flatten)] pub #name: #ty,);
    }
    let rename = (f.name != f.json).then(|| {
        let json = &f.json;
        quote!(rename = #json,)
    });
    let presence = match f.presence {
        Presence::Required | Presence::RequiredNullable => quote!(),
        Presence::Optional => quote!(default, skip_serializing_if = "::std::option::Option::is_none",),
        Presence::OptionalNullable => {
            quote!(default, skip_serializing_if = "::specwright_runtime::Nullable::is_absent",)
        }
    };
    let serde = if rename.is_some() || !presence.is_empty() { quote!(#[serde(#rename #presence)]) } else { quote!() };
    let default_doc = f.default.as_ref().map(|d| {
        let text = format!(" Defaults to `{d}` when absent.");
        if f.docs.is_some() {
            quote!(#[doc = ""] #[doc = #text])
        } else {
            quote!(#[doc = #text])
        }
    });
    quote! {
        #doc
        #default_doc
        #dep
        #serde
        pub #name: #ty,
    }
}

#[allow(clippy::too_many_arguments)]
fn emit_tagged(
    name: &Ident,
    property: &str,
    variants: &[TaggedVariant],
    defs: &[Def],
    uses: &mut Uses,
    doc: TokenStream,
    dep: TokenStream,
) -> TokenStream {
    let other = format_ident!("{}", if variants.iter().any(|v| v.name == "Other") { "OtherVariant" } else { "Other" });
    let decl: Vec<TokenStream> = variants
        .iter()
        .map(|v| {
            uses.note(&v.ty);
            let variant = ident(&v.name);
            let ty = ty_tokens(&v.ty, defs);
            let tags = v.tags.iter().map(|t| format!("`{t}`")).collect::<Vec<_>>().join(", ");
            let doc = format!(" `{property}`: {tags}.");
            quote!(#[doc = #doc] #variant(#ty),)
        })
        .collect();
    let ser = variants.iter().map(|v| {
        let variant = ident(&v.name);
        if v.has_property {
            quote!(#name::#variant(value) => ::serde::Serialize::serialize(value, serializer),)
        } else {
            // The variant's type lacks the property: add it on the way out.
            let tag = &v.tags[0];
            quote! {
                #name::#variant(value) => {
                    let mut json = ::serde_json::to_value(value).map_err(::serde::ser::Error::custom)?;
                    if let ::serde_json::Value::Object(map) = &mut json {
                        map.insert(::std::string::String::from(#property), ::serde_json::Value::from(#tag));
                    }
                    ::serde::Serialize::serialize(&json, serializer)
                }
            }
        }
    });
    let de = variants.iter().map(|v| {
        let variant = ident(&v.name);
        let tags = &v.tags;
        quote! {
            ::std::option::Option::Some(#(#tags)|*) => {
                ::serde_json::from_value(json).map(#name::#variant).map_err(::serde::de::Error::custom)
            }
        }
    });
    quote! {
        #doc
        #dep
        #[derive(Debug, Clone, PartialEq)]
        pub enum #name {
            #(#decl)*
            /// A variant this version of the API does not list, kept as it came.
            #other(::serde_json::Value),
        }

        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                match self {
                    #(#ser)*
                    #name::#other(value) => ::serde::Serialize::serialize(value, serializer),
                }
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let json = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                let tag = json.get(#property).and_then(::serde_json::Value::as_str).map(::std::string::String::from);
                match tag.as_deref() {
                    #(#de)*
                    _ => ::std::result::Result::Ok(#name::#other(json)),
                }
            }
        }
    }
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
