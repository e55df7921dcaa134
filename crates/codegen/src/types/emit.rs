//! The planned types as Rust items.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};

use super::model::*;
use crate::options::{Schemars, TypeAttributes};

/// The crates generated types may need, so the crate's manifest lists only those.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Uses {
    pub chrono: bool,
    pub uuid: bool,
    pub decimal: bool,
    pub indexmap: bool,
    pub runtime: bool,
    /// The HTTP client core (the runtime's `client` feature).
    pub client: bool,
    /// The HTTP server core (the runtime's `server` feature).
    pub server: bool,
    /// The event runtime (the runtime's `events` feature).
    pub events: bool,
}

impl Uses {
    /// What either needs.
    pub fn union(self, other: Uses) -> Uses {
        Uses {
            chrono: self.chrono || other.chrono,
            uuid: self.uuid || other.uuid,
            decimal: self.decimal || other.decimal,
            indexmap: self.indexmap || other.indexmap,
            runtime: self.runtime || other.runtime,
            client: self.client || other.client,
            server: self.server || other.server,
            events: self.events || other.events,
        }
    }

    pub(crate) fn note(&mut self, ty: &Ty) {
        match ty {
            Ty::DateTime | Ty::Date | Ty::Time => self.chrono = true,
            Ty::Uuid => self.uuid = true,
            Ty::Decimal => self.decimal = true,
            Ty::Bytes => self.runtime = true,
            Ty::Map(t) => {
                self.indexmap = true;
                self.note(t);
            }
            Ty::Nullable(t) => {
                self.runtime = true;
                self.note(t);
            }
            Ty::Vec(t) | Ty::Option(t) | Ty::Boxed(t) => self.note(t),
            Ty::Tuple(items) => items.iter().for_each(|t| self.note(t)),
            _ => {}
        }
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

pub(crate) fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

fn ty_tokens(ty: &Ty, defs: &[Def]) -> TokenStream {
    ty_path(ty, defs, &TokenStream::new())
}

/// A type expression with named types behind `module` (such as
/// `super::types::`), for code outside the types module.
pub fn ty_path(ty: &Ty, defs: &[Def], module: &TokenStream) -> TokenStream {
    let ty_tokens = |t: &Ty, defs: &[Def]| ty_path(t, defs, module);
    match ty {
        Ty::Bool => quote!(bool),
        Ty::I32 => quote!(i32),
        Ty::I64 => quote!(i64),
        Ty::U32 => quote!(u32),
        Ty::U64 => quote!(u64),
        Ty::F32 => quote!(f32),
        Ty::F64 => quote!(f64),
        Ty::String => quote!(::std::string::String),
        Ty::Unit => quote!(()),
        Ty::Any => quote!(::serde_json::Value),
        Ty::AnyObject => quote!(::serde_json::Map<::std::string::String, ::serde_json::Value>),
        Ty::DateTime => quote!(::chrono::DateTime<::chrono::FixedOffset>),
        Ty::Date => quote!(::chrono::NaiveDate),
        Ty::Time => quote!(::chrono::NaiveTime),
        Ty::Uuid => quote!(::uuid::Uuid),
        Ty::Ipv4 => quote!(::std::net::Ipv4Addr),
        Ty::Ipv6 => quote!(::std::net::Ipv6Addr),
        Ty::Decimal => quote!(::rust_decimal::Decimal),
        Ty::Bytes => quote!(::specwright_runtime::Base64),
        Ty::Vec(t) => {
            let t = ty_tokens(t, defs);
            quote!(::std::vec::Vec<#t>)
        }
        Ty::Map(t) => {
            let t = ty_tokens(t, defs);
            quote!(::indexmap::IndexMap<::std::string::String, #t>)
        }
        Ty::Tuple(items) => {
            let items = items.iter().map(|t| ty_tokens(t, defs));
            quote!((#(#items,)*))
        }
        Ty::Option(t) => {
            let t = ty_tokens(t, defs);
            quote!(::std::option::Option<#t>)
        }
        Ty::Nullable(t) => {
            let t = ty_tokens(t, defs);
            quote!(::specwright_runtime::Nullable<#t>)
        }
        Ty::Boxed(t) => {
            let t = ty_tokens(t, defs);
            quote!(::std::boxed::Box<#t>)
        }
        Ty::Named(id) => {
            let name = ident(&defs[id.0].name);
            quote!(#module #name)
        }
        Ty::External(path) => match syn::parse_str::<syn::Type>(path) {
            Ok(ty) => quote!(#ty),
            // The planner only makes one from a path that parses.
            Err(_) => quote!(::serde_json::Value),
        },
    }
}

pub(crate) fn docs(text: Option<&str>) -> TokenStream {
    match text {
        Some(t) => {
            let lines = t.lines().map(|l| format!(" {l}"));
            quote!(#(#[doc = #lines])*)
        }
        None => quote!(),
    }
}

pub(crate) fn deprecated(yes: bool) -> TokenStream {
    if yes {
        quote!(#[deprecated])
    } else {
        quote!()
    }
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
