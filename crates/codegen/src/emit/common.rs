//! The toolkit every emitter shares: identifiers, doc attributes, type
//! expressions, and the record of which crates the emitted code uses.

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::plan::types::{Def, Ty};

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

    pub fn note(&mut self, ty: &Ty) {
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

pub fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
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

pub fn docs(text: Option<&str>) -> TokenStream {
    match text {
        Some(t) => {
            let lines = t.lines().map(|l| format!(" {l}"));
            quote!(#(#[doc = #lines])*)
        }
        None => quote!(),
    }
}

pub fn deprecated(yes: bool) -> TokenStream {
    if yes {
        quote!(#[deprecated])
    } else {
        quote!()
    }
}
