//! The client module of a generated crate: a `Client` with one method per
//! operation, a builder per call for its optional parameters, and an enum
//! per operation for its responses and one for its documented errors.
//!
//! Everything that does not depend on the operation (parameter styles,
//! credentials, retries) lives in the runtime, so what is written here per
//! operation stays small: big specs compile in reasonable time.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};
use specwright_spec::ir::{Api, ParameterLocation, ParameterStyle, StatusCode};

use crate::emit::common::{deprecated, docs, ident, ty_path, Uses};
use crate::emit::operations::{method_name, scheme_table};
use crate::plan::names::{field_name, Namer};
use crate::plan::operations::{BodyKind, BodyPlan, BodyVariant, OpPlan, ParamPlan, ResponsePlan};
use crate::plan::pagination::{Items, Next, Pagination};
use crate::plan::types::{Def, Presence, Ty};

/// The source of `src/client.rs`; `pages` holds each operation's pagination, if any.
pub fn module(api: &Api, ops: &[OpPlan], pages: &[Option<Pagination>], defs: &[Def], uses: &mut Uses) -> TokenStream {
    let cx = Cx { defs, module: quote!(super::types::) };
    let servers = servers(api);
    let (schemes, scheme_names) = schemes(api);
    let methods = ops.iter().map(|op| cx.method(op));
    let items = ops.iter().zip(pages).map(|(op, pages)| cx.items(op, pages.as_ref(), uses));
    let title = format!(" A client for {}.", if api.info.title.is_empty() { "the API" } else { &api.info.title });
    // The operations' response enums, re-exported where callers meet them.
    let shared = (!ops.is_empty()).then(|| {
        quote!(
            pub use super::operations::*;
        )
    });
    quote! {
        #![cfg_attr(rustfmt, rustfmt::skip)]
        #![allow(deprecated)]
        #![allow(clippy::too_many_arguments, clippy::large_enum_variant, clippy::should_implement_trait,
            clippy::wrong_self_convention, clippy::doc_lazy_continuation, clippy::doc_overindented_list_items,
            clippy::too_long_first_doc_paragraph)]
        #![allow(rustdoc::bare_urls, rustdoc::broken_intra_doc_links, rustdoc::invalid_html_tags,
            rustdoc::invalid_rust_codeblocks)]

        use ::specwright_runtime::http as rt;
        #shared
        pub use rt::{multipart, ClientBuilder, Credential, Error, FilePart, Response, RetryPolicy};
        pub use ::specwright_runtime::Binary;

        /// The servers the spec lists; the first is the default base URL.
        pub const SERVERS: &[rt::ServerTemplate] = &[#(#servers),*];

        /// The security schemes the spec declares. Give credentials for them
        /// by name: `Client::builder().credential(schemes::NAME, ...)`.
        pub const SECURITY_SCHEMES: &[rt::Scheme] = &[#(#schemes),*];

        /// The names of the security schemes.
        pub mod schemes {
            #(#scheme_names)*
        }

        #[doc = #title]
        ///
        /// Cheap to clone: clones share connections, credentials and tokens.
        #[derive(Clone, Debug)]
        pub struct Client {
            inner: rt::Client,
        }

        impl From<rt::Client> for Client {
            fn from(inner: rt::Client) -> Self {
                Client { inner }
            }
        }

        impl Client {
            /// Settings for a client: base URL, credentials, timeouts, retries, middleware.
            pub fn builder() -> rt::ClientBuilder<Client> {
                rt::ClientBuilder::new(SERVERS, SECURITY_SCHEMES)
            }

            /// A client for `base_url` with default settings.
            pub fn new(base_url: &str) -> Result<Client, rt::BuildError> {
                Self::builder().base_url(base_url).build()
            }

            /// The runtime client underneath.
            pub fn runtime(&self) -> &rt::Client {
                &self.inner
            }

            #(#methods)*
        }

        #(#items)*
    }
}

fn servers(api: &Api) -> Vec<TokenStream> {
    api.servers
        .iter()
        .map(|s| {
            let url = &s.url;
            let vars = s.variables.iter().map(|(name, v)| {
                let default = v.default.as_deref().unwrap_or("");
                quote!((#name, #default))
            });
            let description = match &s.description {
                Some(d) => quote!(Some(#d)),
                None => quote!(None),
            };
            quote!(rt::ServerTemplate { url: #url, variables: &[#(#vars),*], description: #description })
        })
        .collect()
}

fn schemes(api: &Api) -> (Vec<TokenStream>, Vec<TokenStream>) {
    let mut consts = Namer::new();
    let names = api.security_schemes.keys().map(|name| {
        let constant = format_ident!("{}", consts.claim(&field_name(name).to_uppercase()));
        let doc = format!(" `{name}`");
        quote!(#[doc = #doc] pub const #constant: &str = #name;)
    });
    (scheme_table(api, &quote!(rt::)), names.collect())
}

struct Cx<'a> {
    defs: &'a [Def],
    module: TokenStream,
}

impl Cx<'_> {
    fn ty(&self, ty: &Ty) -> TokenStream {
        ty_path(ty, self.defs, &self.module)
    }

    /// The type of an argument or setter, and how its value is stored.
    fn arg(&self, ty: &Ty) -> (TokenStream, TokenStream) {
        match ty {
            Ty::String => (quote!(impl Into<String>), quote!(.into())),
            other => (self.ty(other), quote!()),
        }
    }

    fn body_ty(&self, op: &OpPlan, body: &BodyPlan) -> TokenStream {
        match body.variants.as_slice() {
            [one] => self.body_variant_ty(op, one),
            _ => {
                let name = format_ident!("{}Body", op.type_base);
                quote!(#name)
            }
        }
    }

    /// The body's argument type, and how its value is stored.
    fn body_arg(&self, op: &OpPlan, body: &BodyPlan) -> (TokenStream, TokenStream) {
        match body.variants.as_slice() {
            [one] if one.kind == BodyKind::Text => (quote!(impl Into<String>), quote!(.into())),
            [one] if one.kind == BodyKind::Binary => (quote!(impl Into<Binary>), quote!(.into())),
            _ => (self.body_ty(op, body), quote!()),
        }
    }

    fn body_variant_ty(&self, op: &OpPlan, v: &BodyVariant) -> TokenStream {
        match &v.form {
            Some(_) => {
                let name = format_ident!("{}Form", op.type_base);
                quote!(#name)
            }
            None => self.variant_ty(v.kind, &v.ty),
        }
    }

    fn variant_ty(&self, kind: BodyKind, ty: &Ty) -> TokenStream {
        match kind {
            BodyKind::Json | BodyKind::Form => self.ty(ty),
            BodyKind::Text => quote!(String),
            BodyKind::Binary => quote!(Binary),
            BodyKind::Multipart => quote!(rt::multipart::Form),
        }
    }

    /// The method on `Client` that starts a call.
    fn method(&self, op: &OpPlan) -> TokenStream {
        let name = ident(&op.fn_name);
        let builder = format_ident!("{}", op.type_base);
        let doc = docs(op.docs.as_deref());
        let dep = deprecated(op.deprecated);
        let summary = format!(" `{} {}`", method_name(op.method), op.path);
        let mut args = Vec::new();
        let mut inits = Vec::new();
        for p in &op.params {
            let field = ident(&p.field);
            if p.required {
                let (ty, conv) = self.arg(&p.ty);
                args.push(quote!(#field: #ty));
                inits.push(if conv.is_empty() { quote!(#field) } else { quote!(#field: #field #conv) });
            } else {
                inits.push(quote!(#field: None));
            }
        }
        match &op.body {
            Some(b) if b.required => {
                let (ty, conv) = self.body_arg(op, b);
                args.push(quote!(body: #ty));
                inits.push(if conv.is_empty() { quote!(body) } else { quote!(body: body #conv) });
            }
            Some(_) => inits.push(quote!(body: None)),
            None => {}
        }
        let sep = if op.docs.is_some() { quote!(#[doc = ""]) } else { quote!() };
        quote! {
            #doc
            #sep
            #[doc = #summary]
            #dep
            pub fn #name(&self, #(#args),*) -> #builder<'_> {
                #builder { client: self, #(#inits),* }
            }
        }
    }

    /// The builder, its setters and `send`, and the response enums.
    fn items(&self, op: &OpPlan, pages: Option<&Pagination>, uses: &mut Uses) -> TokenStream {
        let builder = format_ident!("{}", op.type_base);
        let mut fields = Vec::new();
        let mut setters = Vec::new();
        for p in &op.params {
            uses.note(&p.ty);
            let field = ident(&p.field);
            let ty = self.ty(&p.ty);
            if p.required {
                fields.push(quote!(#field: #ty));
            } else {
                fields.push(quote!(#field: Option<#ty>));
                let (arg, conv) = self.arg(&p.ty);
                let doc = docs(p.docs.as_deref());
                let dep = deprecated(p.deprecated);
                setters.push(quote! {
                    #doc
                    #dep
                    pub fn #field(mut self, value: #arg) -> Self {
                        self.#field = Some(value #conv);
                        self
                    }
                });
            }
        }
        let mut body_enum = None;
        if let Some(b) = &op.body {
            b.variants.iter().for_each(|v| uses.note(&v.ty));
            let ty = self.body_ty(op, b);
            if b.required {
                fields.push(quote!(body: #ty));
            } else {
                fields.push(quote!(body: Option<#ty>));
                let (arg, conv) = self.body_arg(op, b);
                setters.push(quote! {
                    /// The request body.
                    pub fn body(mut self, value: #arg) -> Self {
                        self.body = Some(value #conv);
                        self
                    }
                });
            }
            body_enum = crate::emit::operations::body_enum(op, b, |v| self.body_variant_ty(op, v));
        }
        let send = self.send(op, uses);
        let doc = format!(" A call of `{}`: set optional parameters, then `send` it.", op.id);
        let pager = self.pager(op, pages);
        let clone = if pager.is_some() { quote!(#[derive(Clone)]) } else { quote!() };
        quote! {
            #[doc = #doc]
            #[must_use = "a request does nothing until it is sent"]
            #clone
            pub struct #builder<'a> {
                client: &'a Client,
                #(#fields,)*
            }

            impl<'a> #builder<'a> {
                #(#setters)*
                #send
            }

            #pager
            #body_enum
        }
    }

    /// `into_stream`, for a listing whose pages the spec makes recognisable.
    fn pager(&self, op: &OpPlan, pages: Option<&Pagination>) -> Option<TokenStream> {
        let pages = pages?;
        let items = match pages.items {
            Items::Body => quote!(body),
            Items::Field { name, presence } => {
                let name = ident(name);
                match presence {
                    Presence::Required => quote!(body.#name),
                    Presence::RequiredNullable | Presence::Optional => quote!(body.#name.unwrap_or_default()),
                    Presence::OptionalNullable => quote!(body.#name.into_option().unwrap_or_default()),
                }
            }
        };
        let next = match pages.next {
            Next::Cursor { field, presence, param } => {
                let name = ident(field);
                let param = ident(&param.field);
                let cursor = match presence {
                    Presence::Required => quote!(Some(body.#name.clone())),
                    Presence::RequiredNullable | Presence::Optional => quote!(body.#name.clone()),
                    Presence::OptionalNullable => quote!(body.#name.clone().into_option()),
                };
                quote! {
                    let next = #cursor.filter(|c| !c.is_empty()).map(|c| call.#param(c));
                    let items = #items;
                }
            }
            Next::Offset { offset, limit } => {
                let offset_ty = self.ty(&offset.ty);
                let offset = ident(&offset.field);
                let limit = ident(&limit.field);
                quote! {
                    let items = #items;
                    let count = items.len();
                    let full = call.#limit.is_none_or(|limit| count as u64 >= limit as u64);
                    let at = call.#offset.unwrap_or_default();
                    let next = full.then(|| call.#offset(at + count as #offset_ty));
                }
            }
        };
        let ok = pages.page;
        let builder = format_ident!("{}", op.type_base);
        let response = format_ident!("{}Response", op.type_base);
        let error = format_ident!("{}Error", op.type_base);
        let variant = ident(&ok.variant);
        let pattern = if ok.headers.is_empty() {
            quote!(#response::#variant(body))
        } else {
            quote!(#response::#variant { body, .. })
        };
        let item = self.ty(&pages.item);
        let doc = format!(" Every item of `{}`, page after page, each page fetched as the stream reaches it.", op.id);
        Some(quote! {
            impl<'a> #builder<'a> {
                #[doc = #doc]
                pub fn into_stream(self) -> impl rt::Stream<Item = Result<#item, rt::Error<#error>>> + 'a {
                    rt::paginate(self, |call: Self| async move {
                        let response = call.clone().send().await?;
                        #[allow(irrefutable_let_patterns)]
                        let #pattern = response.into_body() else { return Ok((Vec::new(), None)) };
                        #next
                        Ok((items, next))
                    })
                }
            }
        })
    }

    fn send(&self, op: &OpPlan, uses: &mut Uses) -> TokenStream {
        let response = format_ident!("{}Response", op.type_base);
        let error = format_ident!("{}Error", op.type_base);
        let id = &op.id;
        let path = &op.path;
        let method = format_ident!("{}", method_name(op.method));
        let alternatives = op.security.iter().map(|alt| quote!(&[#(#alt),*]));
        let mut calls: Vec<TokenStream> = op.params.iter().map(param_call).collect();
        if let Some(b) = &op.body {
            calls.push(body_call(op, b));
        }
        let mutable = if calls.is_empty() { quote!() } else { quote!(mut) };
        // Unless a response is streamed, the body is read once here, and
        // each status is decoded synchronously: one small state machine per
        // operation, which big specs compile much faster.
        let streams = op.responses.iter().any(|r| matches!(r.body, Some((BodyKind::Binary, _))));
        let arms = self.arms(op, streams, uses);
        let operation = quote! {
            static OPERATION: rt::Operation = rt::Operation {
                id: #id,
                method: rt::Method::#method,
                path: #path,
                security: &[#(#alternatives),*],
            };
            let #mutable request = self.client.inner.request(&OPERATION);
            #(#calls)*
        };
        if streams {
            return quote! {
                /// Sends the request; a streamed body is read as it is consumed.
                pub async fn send(self) -> Result<rt::Response<#response>, rt::Error<#error>> {
                    #operation
                    let raw = request.send().await?;
                    #arms
                }
            };
        }
        // The waiting is the runtime's (one generic future, checked once by
        // the compiler); what is left here is a plain function per operation.
        quote! {
            /// Sends the request and reads the response: await what this returns.
            pub fn send(self) -> rt::Sending<'a, #response, #error> {
                #operation
                rt::Sending::new(request, |raw| #arms)
            }
        }
    }

    /// Reads the response by its status.
    fn arms(&self, op: &OpPlan, streams: bool, uses: &mut Uses) -> TokenStream {
        let mut arms = Vec::new();
        let mut has_default = false;
        for r in &op.responses {
            let enum_name = format_ident!("{}{}", op.type_base, if r.success { "Response" } else { "Error" });
            let decode = self.decode(&enum_name, r, streams, uses);
            let value = if r.success { quote!(Ok(#decode)) } else { quote!(Err(rt::Error::Api(Box::new(#decode)))) };
            let pattern = match r.status {
                StatusCode::Code(c) => {
                    let c = Literal::u16_unsuffixed(c);
                    quote!(#c)
                }
                StatusCode::Range(d) => {
                    let (lo, hi) =
                        (Literal::u16_unsuffixed(d as u16 * 100), Literal::u16_unsuffixed(d as u16 * 100 + 99));
                    quote!(#lo..=#hi)
                }
                StatusCode::Default => {
                    has_default = true;
                    quote!(_)
                }
            };
            arms.push((pattern, value));
        }
        if !has_default {
            let wait = streams.then(|| quote!(.await));
            arms.push((quote!(_), quote!(Err(raw.unexpected() #wait.into()))));
        }
        if let [(_, only)] = arms.as_slice() {
            return only.clone();
        }
        let arms = arms.iter().map(|(p, v)| quote!(#p => #v,));
        quote! {
            match raw.status().as_u16() {
                #(#arms)*
            }
        }
    }

    /// The expression that reads one response into its variant.
    fn decode(&self, enum_name: &proc_macro2::Ident, r: &ResponsePlan, lazy: bool, uses: &mut Uses) -> TokenStream {
        let variant = ident(&r.variant);
        // On a response not yet read, reading the body is awaited.
        let wait = lazy.then(|| quote!(.await));
        let reader = match &r.body {
            Some((BodyKind::Json, ty)) => {
                uses.note(ty);
                let ty = self.ty(ty);
                quote!(raw.json::<#ty>() #wait ?)
            }
            Some((BodyKind::Text, _)) => quote!(raw.text() #wait ?),
            Some(_) => quote!(raw.binary()),
            None => quote!(raw.empty() #wait ?),
        };
        let ranged = !matches!(r.status, StatusCode::Code(_));
        if r.headers.is_empty() && !ranged {
            return match r.body {
                Some(_) => quote!(#reader.map(#enum_name::#variant)),
                None => quote!(#reader.map(|()| #enum_name::#variant)),
            };
        }
        let mut lets = Vec::new();
        let mut fields = Vec::new();
        if ranged {
            lets.push(quote!(let status = raw.status();));
            fields.push(quote!(status));
        }
        for h in &r.headers {
            uses.note(&h.ty);
            let field = ident(&h.field);
            let name = &h.name;
            let ty = self.ty(&h.ty);
            lets.push(if h.required {
                quote!(let #field = raw.required_header::<#ty>(#name)?;)
            } else {
                quote!(let #field = raw.header::<#ty>(#name)?;)
            });
            fields.push(quote!(#field));
        }
        let (param, body_field) = match r.body {
            Some(_) => (quote!(body), quote!(body,)),
            None => (quote!(()), quote!()),
        };
        quote! {{
            #(#lets)*
            #reader.map(|#param| #enum_name::#variant { #body_field #(#fields),* })
        }}
    }
}

fn style(s: ParameterStyle) -> TokenStream {
    let name = format_ident!("{}", format!("{s:?}"));
    quote!(rt::Style::#name)
}

fn param_call(p: &ParamPlan) -> TokenStream {
    let field = ident(&p.field);
    let name = &p.name;
    let style = style(p.style);
    let explode = p.explode;
    match p.location {
        ParameterLocation::Path => quote!(request.path(#name, &self.#field, #style, #explode);),
        ParameterLocation::Query => {
            let reserved = p.allow_reserved;
            quote!(request.query(#name, &self.#field, #style, #explode, #reserved);)
        }
        ParameterLocation::Header => quote!(request.header(#name, &self.#field, #explode);),
        ParameterLocation::Cookie => quote!(request.cookie(#name, &self.#field, #explode);),
    }
}

fn body_call(op: &OpPlan, b: &BodyPlan) -> TokenStream {
    let put = |v: &BodyVariant, value: TokenStream| {
        let media_type = &v.media_type;
        match (v.kind, &v.form) {
            (BodyKind::Json, _) => quote!(request.json(#media_type, &#value);),
            (BodyKind::Form, _) => quote!(request.form(&#value);),
            (BodyKind::Text, _) => quote!(request.text(#media_type, #value);),
            (BodyKind::Binary, _) => quote!(request.binary(#media_type, #value);),
            (BodyKind::Multipart, None) => quote!(request.multipart(#value.into());),
            (BodyKind::Multipart, Some(form)) => {
                let parts = form.fields.iter().map(|f| {
                    let name = &f.name;
                    let field = ident(&f.field);
                    match (f.file, f.list || !f.required) {
                        (true, true) => quote!(.files(#name, #value.#field)),
                        (true, false) => quote!(.files(#name, [#value.#field])),
                        (false, _) => quote!(.value(#name, &#value.#field)),
                    }
                });
                quote!(request.multipart(rt::FormBody::new() #(#parts)*);)
            }
        }
    };
    let call = match b.variants.as_slice() {
        [one] => put(one, quote!(body)),
        many => {
            let name = format_ident!("{}Body", op.type_base);
            let arms = many.iter().map(|v| {
                let variant = format_ident!("{}", v.kind.variant());
                let put = put(v, quote!(body));
                quote!(#name::#variant(body) => { #put })
            });
            quote!(match body { #(#arms)* })
        }
    };
    if b.required {
        quote! { let body = self.body; #call }
    } else {
        quote! { if let Some(body) = self.body { #call } }
    }
}
