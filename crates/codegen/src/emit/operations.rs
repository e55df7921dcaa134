//! The module of a generated crate that its client and its server share:
//! what each operation answers (an enum for its successes, one for its
//! documented errors) and the typed parts of its multipart body.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};
use specwright_spec::ir::{Api, ApiKeyLocation, Method, SecuritySchemeKind, StatusCode};

use crate::emit::common::{docs, ident, ty_path, Uses};
use crate::plan::operations::{BodyKind, BodyPlan, BodyVariant, FormPlan, OpPlan, ResponsePlan};
use crate::plan::types::{Def, Ty};

/// The source of `src/operations.rs`.
pub fn module(api: &Api, ops: &[OpPlan], defs: &[Def], uses: &mut Uses) -> TokenStream {
    let module = quote!(super::types::);
    let ty = |t: &Ty| ty_path(t, defs, &module);
    let items = ops.iter().map(|op| {
        let form = op.body.iter().flat_map(|b| &b.variants).find_map(|v| v.form.as_ref());
        let form = form.map(|f| form_struct(op, f, uses, &ty));
        let (ok, err): (Vec<_>, Vec<_>) = op.responses.iter().partition(|r| r.success);
        for r in &op.responses {
            r.body.iter().for_each(|(_, t)| uses.note(t));
            r.headers.iter().for_each(|h| uses.note(&h.ty));
        }
        let ok = response_enum(&response_name(op), &ok, &format!(" What `{}` answers on success.", op.id), &ty);
        let err = response_enum(&error_name(op), &err, &format!(" The errors `{}` documents.", op.id), &ty);
        quote!(#form #ok #err)
    });
    let title = if api.info.title.is_empty() { "the API" } else { &api.info.title };
    let doc = format!(" What each operation of {title} answers, shared by the client and the server.");
    quote! {
        #![doc = #doc]
        #![cfg_attr(rustfmt, rustfmt::skip)]
        #![allow(deprecated)]
        #![allow(clippy::large_enum_variant, clippy::doc_lazy_continuation, clippy::doc_overindented_list_items,
            clippy::too_long_first_doc_paragraph)]
        #![allow(rustdoc::bare_urls, rustdoc::broken_intra_doc_links, rustdoc::invalid_html_tags,
            rustdoc::invalid_rust_codeblocks)]

        #(#items)*
    }
}

pub fn response_name(op: &OpPlan) -> Ident {
    format_ident!("{}Response", op.type_base)
}

pub fn error_name(op: &OpPlan) -> Ident {
    format_ident!("{}Error", op.type_base)
}

pub fn form_name(op: &OpPlan) -> Ident {
    format_ident!("{}Form", op.type_base)
}

/// `OpBody`, the enum of a body that comes in several media types: a
/// variant per kind, of the type `variant_ty` gives (the client sends and
/// the server receives multipart bodies as different types).
pub fn body_enum(
    op: &OpPlan,
    body: &BodyPlan,
    variant_ty: impl Fn(&BodyVariant) -> TokenStream,
) -> Option<TokenStream> {
    if body.variants.len() < 2 {
        return None;
    }
    let name = format_ident!("{}Body", op.type_base);
    let variants = body.variants.iter().map(|v| {
        let variant = format_ident!("{}", v.kind.variant());
        let ty = variant_ty(v);
        let doc = format!(" As `{}`.", v.media_type);
        quote!(#[doc = #doc] #variant(#ty))
    });
    let doc = format!(" The body of `{}`, in one of the media types it accepts.", op.id);
    Some(quote! {
        #[doc = #doc]
        #[derive(Debug)]
        pub enum #name { #(#variants),* }
    })
}

/// The Rust type of a response body.
pub fn body_ty(kind: BodyKind, t: &Ty, ty: &impl Fn(&Ty) -> TokenStream) -> TokenStream {
    match kind {
        BodyKind::Json | BodyKind::Form => ty(t),
        BodyKind::Text => quote!(String),
        BodyKind::Binary | BodyKind::Multipart => quote!(::specwright_runtime::Binary),
    }
}

/// The struct of a typed multipart body: a field per part.
fn form_struct(op: &OpPlan, form: &FormPlan, uses: &mut Uses, ty: &impl Fn(&Ty) -> TokenStream) -> TokenStream {
    let name = form_name(op);
    let fields = form.fields.iter().map(|f| {
        let field = ident(&f.field);
        let part = if f.file {
            quote!(::specwright_runtime::FilePart)
        } else {
            uses.note(&f.ty);
            ty(&f.ty)
        };
        let part = match (f.list, f.required) {
            (true, _) => quote!(Vec<#part>),
            (false, true) => part,
            (false, false) => quote!(Option<#part>),
        };
        let doc = format!(" The `{}` part.", f.name);
        quote!(#[doc = #doc] pub #field: #part,)
    });
    let doc = format!(" The multipart body of `{}`: a field per part; files are streamed.", op.id);
    quote! {
        #[doc = #doc]
        #[derive(Debug)]
        pub struct #name { #(#fields)* }
    }
}

fn response_enum(
    name: &Ident,
    responses: &[&ResponsePlan],
    doc: &str,
    ty: &impl Fn(&Ty) -> TokenStream,
) -> TokenStream {
    let variants = responses.iter().map(|r| {
        let variant = ident(&r.variant);
        let status = match r.status {
            StatusCode::Default => " Any other status.".to_string(),
            s => format!(" Status {s}."),
        };
        let doc = docs(r.docs.as_deref());
        let sep = if r.docs.is_some() { quote!(#[doc = ""]) } else { quote!() };
        let body = r.body.as_ref().map(|(kind, t)| body_ty(*kind, t, ty));
        let payload = if r.headers.is_empty() && !ranged(r) {
            match body {
                Some(b) => quote!((#b)),
                None => quote!(),
            }
        } else {
            let status = ranged(r).then(|| quote!(status: ::specwright_runtime::StatusCode,));
            let body = body.map(|b| quote!(body: #b,));
            let headers = r.headers.iter().map(|h| {
                let field = ident(&h.field);
                let t = ty(&h.ty);
                let t = if h.required { t } else { quote!(Option<#t>) };
                let doc = format!(" The `{}` header.", h.name);
                quote!(#[doc = #doc] #field: #t,)
            });
            quote!({ #status #body #(#headers)* })
        };
        quote! {
            #doc
            #sep
            #[doc = #status]
            #variant #payload
        }
    });
    // Fields of struct variants are public through the enum; nothing to mark.
    quote! {
        #[doc = #doc]
        #[derive(Debug)]
        pub enum #name { #(#variants),* }
    }
}

/// Whether a response stands for several statuses (a range, `default`),
/// so its variant carries the status.
pub fn ranged(r: &ResponsePlan) -> bool {
    !matches!(r.status, StatusCode::Code(_))
}

/// The spec's security schemes as `Scheme` values, named through `rt`
/// (the path the generated module reaches the runtime's types by). The
/// client and the server both write their table with this.
pub fn scheme_table(api: &Api, rt: &TokenStream) -> Vec<TokenStream> {
    api.security_schemes
        .iter()
        .map(|(name, scheme)| {
            let kind = match &scheme.kind {
                SecuritySchemeKind::ApiKey { name: param, location } => {
                    let location = match location {
                        ApiKeyLocation::Header => quote!(Header),
                        ApiKeyLocation::Query => quote!(Query),
                        ApiKeyLocation::Cookie => quote!(Cookie),
                        ApiKeyLocation::User | ApiKeyLocation::Password => quote!(Header),
                    };
                    quote!(ApiKey { location: #rt KeyLocation::#location, param: #param })
                }
                SecuritySchemeKind::Http { scheme, .. } if scheme.eq_ignore_ascii_case("basic") => quote!(Basic),
                SecuritySchemeKind::Http { scheme, .. } if scheme.eq_ignore_ascii_case("bearer") => quote!(Bearer),
                SecuritySchemeKind::OpenIdConnect { .. } => quote!(Bearer),
                SecuritySchemeKind::OAuth2 { flows } => {
                    let url = flows.iter().find(|f| f.kind == "clientCredentials").and_then(|f| f.token_url.as_deref());
                    let url = match url {
                        Some(u) => quote!(Some(#u)),
                        None => quote!(None),
                    };
                    quote!(OAuth2 { token_url: #url })
                }
                _ => quote!(Unsupported),
            };
            quote!(#rt Scheme { name: #name, kind: #rt SchemeKind::#kind })
        })
        .collect()
}

pub fn method_name(m: Method) -> &'static str {
    match m {
        Method::Get => "GET",
        Method::Put => "PUT",
        Method::Post => "POST",
        Method::Delete => "DELETE",
        Method::Options => "OPTIONS",
        Method::Head => "HEAD",
        Method::Patch => "PATCH",
        Method::Trace => "TRACE",
    }
}
