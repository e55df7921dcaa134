//! The server module of a generated crate: a trait with one method per
//! operation, a request struct per operation, `IntoResponse` for each
//! response enum, a handler per operation that reads and checks the request
//! before the implementation sees it, and `router` to serve it all.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};
use specwright_spec::ir::{Api, Method, ParameterLocation, SchemaId, StatusCode};

use crate::emit::common::{deprecated, docs, ident, ty_path, Uses};
use crate::emit::operations::{
    self as shared, error_name, form_name, method_name, ranged, response_name, scheme_table,
};
use crate::plan::names::{field_name, Namer};
use crate::plan::operations::{BodyKind, BodyPlan, BodyVariant, OpPlan, ResponsePlan};
use crate::plan::types::{Def, Ty};
use crate::plan::validation::Table;

/// The items of `src/server.rs`.
pub fn module(api: &Api, ops: &[OpPlan], defs: &[Def], uses: &mut Uses) -> TokenStream {
    let mut cx = Cx { api, defs, table: Table::default() };
    let authenticated = ops.iter().any(|op| needs_principal(op).is_some());
    let mut methods = Vec::new();
    let mut stubs = Vec::new();
    let mut items = Vec::new();
    let mut routes = Vec::new();
    let mut handlers = Namer::new();
    for op in ops {
        let handler = format_ident!("{}", handlers.claim(&format!("handle_{}", field_name(&op.id))));
        let (method, stub) = cx.trait_method(op);
        methods.push(method);
        stubs.push(stub);
        items.push(cx.request_struct(op, uses));
        items.push(cx.handler(op, &handler));
        items.push(cx.response_impl(op, &response_name(op), true));
        items.push(cx.response_impl(op, &error_name(op), false));
        let operation = cx.operation(op);
        routes.push(quote!(routes.add({ static OPERATION: srv::Operation = #operation; &OPERATION }, #handler::<A>);));
    }
    let count = Literal::usize_unsuffixed(cx.table.len());
    let table = crate::emit::validation::entries(&cx.table, api);
    // A spec of webhooks only has no operations to add.
    let routes_binding = if routes.is_empty() { quote!(routes) } else { quote!(mut routes) };
    let schemes = scheme_table(api, &quote!(srv::));
    let scheme_count = Literal::usize_unsuffixed(schemes.len());
    let (auth_item, auth_stub) = if authenticated {
        (
            quote! {
                /// Who a request comes from, as `authenticate` makes it from its credentials.
                type Principal: Send + 'static;

                /// Checks the credentials of an operation that requires them; the
                /// principal it gives is handed to the operation. A refusal is
                /// answered with 401 (and `WWW-Authenticate`) or 403.
                fn authenticate(&self, credentials: srv::Credentials)
                    -> impl Future<Output = Result<Self::Principal, srv::Denied>> + Send;

                /// Whose idempotency keys a principal's requests use: a key is
                /// the caller's own, so no caller can replay another's answer.
                /// By default the scope is the credentials the request
                /// presents (a refreshed token starts anew); give a stable id,
                /// such as the account's, to keep keys across credentials.
                /// Never one scope for every caller.
                fn idempotency_scope(&self, _principal: &Self::Principal) -> Option<String> {
                    None
                }
            },
            quote! {
                type Principal = srv::Credentials;

                async fn authenticate(&self, credentials: srv::Credentials) -> Result<srv::Credentials, srv::Denied> {
                    Ok(credentials)
                }
            },
        )
    } else {
        (quote!(), quote!())
    };
    // A spec with no operations (only webhooks) has no methods to use these.
    let imports = (!ops.is_empty()).then(|| {
        quote!(
            use std::future::Future;
            use std::sync::Arc;
        )
    });
    let title = if api.info.title.is_empty() { "the API" } else { &api.info.title };
    let trait_doc = format!(" {title}: implement each operation, then serve [`router`].");
    let items = quote! {
        #![cfg_attr(rustfmt, rustfmt::skip)]
        #![allow(deprecated)]
        #![allow(clippy::too_many_arguments, clippy::large_enum_variant, clippy::doc_lazy_continuation,
            clippy::doc_overindented_list_items, clippy::too_long_first_doc_paragraph, clippy::unit_arg,
            clippy::should_implement_trait, clippy::wrong_self_convention)]
        #![allow(rustdoc::bare_urls, rustdoc::broken_intra_doc_links, rustdoc::invalid_html_tags,
            rustdoc::invalid_rust_codeblocks)]

        #imports
        use ::specwright_runtime::server as srv;
        pub use srv::{not_found, Answer, Credentials, Denied, Failure, IntoResponse, Presented, Problem, Response, Settings, StatusCode, Violation};

        static SCHEMAS: [srv::Schema; #count] = [#(#table),*];
        static SCHEMES: [srv::Scheme; #scheme_count] = [#(#schemes),*];
        static SPEC: srv::Spec = srv::Spec { schemas: &SCHEMAS, schemes: &SCHEMES, prepared: srv::Prepared::new() };

        #[doc = #trait_doc]
        ///
        /// Each method gets its operation's request, already checked against the
        /// spec, and answers with the operation's response or one of its errors.
        pub trait Api: Send + Sync + 'static {
            #auth_item

            /// Answers what the server refuses besides the operations' own
            /// errors: invalid requests (each failing value listed), missing or
            /// refused credentials, and a `Failure::Problem` from a method.
            /// `application/problem+json` unless overridden, for an API whose
            /// errors have a format of their own.
            fn rejection(&self, problem: srv::Problem) -> srv::Response {
                srv::IntoResponse::into_response(problem)
            }

            #(#methods)*
        }

        /// An implementation where every operation answers 501: a start to copy from.
        #[derive(Clone, Copy, Debug, Default)]
        pub struct Unimplemented;

        impl Api for Unimplemented {
            #auth_stub
            #(#stubs)*
        }

        /// The router for `api`, with default settings.
        pub fn router<A: Api>(api: A) -> srv::Router {
            router_with(api, srv::Settings::default())
        }

        /// The router for `api`: it nests, merges and takes layers as any axum router.
        pub fn router_with<A: Api>(api: A, settings: srv::Settings) -> srv::Router {
            let #routes_binding = srv::Routes::new(api, &SPEC, settings);
            #(#routes)*
            routes.into_router()
        }

        #(#items)*
    };
    items
}

/// The names a handler binds itself; a parameter's local takes another.
const HANDLER_LOCALS: &[&str] =
    &["api", "input", "principal", "request", "answer", "body", "response", "problem", "refused"];

/// Whether an operation hands a principal to its method: `Some(false)` when
/// it must, `Some(true)` when an anonymous request is let through too.
fn needs_principal(op: &OpPlan) -> Option<bool> {
    let anonymous = op.security.iter().any(|alt| alt.is_empty());
    let any = op.security.iter().any(|alt| !alt.is_empty());
    any.then_some(anonymous)
}

struct Cx<'a> {
    api: &'a Api,
    defs: &'a [Def],
    table: Table,
}

impl Cx<'_> {
    /// The index of a schema in the table (adding it), as `Some(index)`, or `None`.
    fn schema_slot(&mut self, id: Option<SchemaId>) -> TokenStream {
        match id {
            Some(id) => {
                let at = Literal::usize_unsuffixed(self.table.add(self.api, id));
                quote!(Some(#at))
            }
            None => quote!(None),
        }
    }

    fn ty(&self, ty: &Ty) -> TokenStream {
        ty_path(ty, self.defs, &quote!(super::types::))
    }

    fn operation(&self, op: &OpPlan) -> TokenStream {
        let id = &op.id;
        let path = &op.path;
        let method = format_ident!("{}", method_name(op.method));
        let alternatives = op.security.iter().map(|alt| quote!(&[#(#alt),*]));
        let mut produces: Vec<&str> = op.responses.iter().filter_map(|r| r.media_type.as_deref()).collect();
        produces.dedup();
        // A path that does not parse names no resource: 404, unless the
        // operation documents a 400 (or any 4xx) for bad requests.
        let documents = |wanted: fn(StatusCode) -> bool| op.responses.iter().any(|r| wanted(r.status));
        let bad_request =
            documents(|s| matches!(s, StatusCode::Code(400) | StatusCode::Range(4) | StatusCode::Default));
        let invalid_path = if !bad_request && documents(|s| s == StatusCode::Code(404)) {
            format_ident!("NOT_FOUND")
        } else {
            format_ident!("BAD_REQUEST")
        };
        quote! {
            srv::Operation {
                id: #id,
                method: srv::Method::#method,
                path: #path,
                security: &[#(#alternatives),*],
                produces: &[#(#produces),*],
                invalid_path: srv::StatusCode::#invalid_path,
            }
        }
    }

    /// Whether the operation takes a request struct (it has parameters or a body).
    fn has_request(op: &OpPlan) -> bool {
        !op.params.is_empty() || op.body.is_some()
    }

    /// The trait's method for an operation, and its 501 stub.
    fn trait_method(&self, op: &OpPlan) -> (TokenStream, TokenStream) {
        let name = ident(&op.fn_name);
        let request = format_ident!("{}", op.type_base);
        let (response, error) = (response_name(op), error_name(op));
        let doc = docs(op.docs.as_deref());
        let dep = deprecated(op.deprecated);
        let summary = format!(" `{} {}`", method_name(op.method), op.path);
        let sep = if op.docs.is_some() { quote!(#[doc = ""]) } else { quote!() };
        let mut args = Vec::new();
        let mut names = Vec::new();
        if Self::has_request(op) {
            args.push(quote!(request: #request));
            names.push(quote!(request));
        }
        match needs_principal(op) {
            Some(false) => args.push(quote!(principal: Self::Principal)),
            Some(true) => args.push(quote!(principal: Option<Self::Principal>)),
            None => {}
        }
        if needs_principal(op).is_some() {
            names.push(quote!(principal));
        }
        let output = quote!(srv::Answer<super::operations::#response, super::operations::#error>);
        let id = &op.id;
        let ignore = match names.as_slice() {
            [] => quote!(),
            [one] => quote!(let _ = #one;),
            many => quote!(let _ = (#(#many),*);),
        };
        (
            quote! {
                #doc
                #sep
                #[doc = #summary]
                #dep
                fn #name(&self, #(#args),*) -> impl Future<Output = #output> + Send;
            },
            quote! {
                async fn #name(&self, #(#args),*) -> #output {
                    #ignore
                    Err(srv::Failure::not_implemented(#id))
                }
            },
        )
    }

    /// The type of a body variant as the server hands it over.
    fn variant_ty(&self, op: &OpPlan, v: &BodyVariant) -> TokenStream {
        match (v.kind, &v.form) {
            (BodyKind::Multipart, Some(_)) => {
                let form = form_name(op);
                quote!(super::operations::#form)
            }
            (BodyKind::Multipart, None) => quote!(srv::Parts),
            (kind, _) => shared::body_ty(kind, &v.ty, &|t| self.ty(t)),
        }
    }

    fn body_ty(&self, op: &OpPlan, body: &BodyPlan) -> TokenStream {
        match body.variants.as_slice() {
            [one] => self.variant_ty(op, one),
            _ => {
                let name = format_ident!("{}Body", op.type_base);
                quote!(#name)
            }
        }
    }

    /// The request struct (and the body enum, for several media types).
    fn request_struct(&self, op: &OpPlan, uses: &mut Uses) -> TokenStream {
        if !Self::has_request(op) {
            return quote!();
        }
        let name = format_ident!("{}", op.type_base);
        let mut fields = Vec::new();
        for p in &op.params {
            uses.note(&p.ty);
            let field = ident(&p.field);
            let ty = self.ty(&p.ty);
            let ty = if p.required { ty } else { quote!(Option<#ty>) };
            let doc = docs(p.docs.as_deref());
            let place = format!(" The {} parameter `{}`.", location_word(p.location), p.name);
            let sep = if p.docs.is_some() { quote!(#[doc = ""]) } else { quote!() };
            fields.push(quote!(#doc #sep #[doc = #place] pub #field: #ty,));
        }
        let mut body_enum = None;
        if let Some(b) = &op.body {
            b.variants.iter().for_each(|v| uses.note(&v.ty));
            let ty = self.body_ty(op, b);
            let ty = if b.required { ty } else { quote!(Option<#ty>) };
            fields.push(quote!(/// The request body.
                pub body: #ty,));
            body_enum = shared::body_enum(op, b, |v| self.variant_ty(op, v));
        }
        let doc = format!(" A request of `{}`: its parameters and body, checked against the spec.", op.id);
        // Non-exhaustive: a parameter the spec adds later must not break code reading these.
        quote! {
            #[doc = #doc]
            #[derive(Debug)]
            #[non_exhaustive]
            pub struct #name { #(#fields)* }

            #body_enum
        }
    }

    /// The handler: authenticate, read each parameter and the body, answer
    /// 4xx with every violation, else call the implementation.
    fn handler(&mut self, op: &OpPlan, handler: &Ident) -> TokenStream {
        let method = ident(&op.fn_name);
        let request = format_ident!("{}", op.type_base);
        let mut reads = Vec::new();
        // Each read value's local, and the request field it fills. The
        // handler's own names are taken first, so a parameter called `api`
        // or `input` cannot hide them.
        let mut locals = Namer::new();
        HANDLER_LOCALS.iter().for_each(|n| locals.reserve(n));
        let mut names = Vec::new();
        let mut fields = Vec::new();
        for p in &op.params {
            let field = ident(&p.field);
            let ty = self.ty(&p.ty);
            let ty = if p.required { ty } else { quote!(Option<#ty>) };
            let name = &p.name;
            let schema = self.schema_slot(p.schema);
            let required = p.required;
            let explode = p.explode;
            let read = match p.location {
                ParameterLocation::Path => {
                    let style = style(p.style);
                    quote!(input.path::<#ty>(#name, #style, #explode, #schema))
                }
                ParameterLocation::Query => {
                    let style = style(p.style);
                    quote!(input.query::<#ty>(#name, #style, #explode, #required, #schema))
                }
                ParameterLocation::Header => quote!(input.header::<#ty>(#name, #explode, #required, #schema)),
                ParameterLocation::Cookie => quote!(input.cookie::<#ty>(#name, #required, #schema)),
            };
            let local = format_ident!("{}", locals.claim(&p.field));
            reads.push(quote!(let #local = #read;));
            names.push(local);
            fields.push(field);
        }
        if let Some(b) = &op.body {
            reads.push(self.body_read(op, b));
            names.push(format_ident!("body"));
            fields.push(format_ident!("body"));
        }
        let principal = match needs_principal(op) {
            Some(false) => quote! {
                let principal = match input.authenticate(|credentials| api.authenticate(credentials)).await {
                    Ok(principal) => principal,
                    Err(refused) => return api.rejection(refused),
                };
            },
            Some(true) => quote! {
                let principal = match input.authenticate_optional(|credentials| api.authenticate(credentials)).await {
                    Ok(principal) => principal,
                    Err(refused) => return api.rejection(refused),
                };
            },
            None => quote!(),
        };
        let mut args = Vec::new();
        let build = if Self::has_request(op) {
            args.push(quote!(request));
            let somes = names.iter().map(|n| quote!(Some(#n)));
            let inits = fields.iter().zip(&names).map(|(f, n)| if f == n { quote!(#f) } else { quote!(#f: #n) });
            quote! {
                let (#(#somes,)*) = (#(#names,)*) else { return api.rejection(input.into_problem()) };
                let request = #request { #(#inits),* };
            }
        } else {
            quote!()
        };
        if needs_principal(op).is_some() {
            args.push(quote!(principal));
        }
        // Keys are claimed once the request is authenticated and checked, so
        // no refusal is stored and no replay comes before authentication.
        let takes_key = matches!(op.method, Method::Post | Method::Patch);
        let idempotency = takes_key.then(|| {
            let scope = match needs_principal(op) {
                Some(false) => quote!(api.idempotency_scope(&principal)),
                Some(true) => quote!(principal.as_ref().and_then(|principal| api.idempotency_scope(principal))),
                None => quote!(None),
            };
            quote! {
                match input.idempotency(#scope).await {
                    srv::Idempotent::Run => {}
                    srv::Idempotent::Replay(response) => return response,
                    srv::Idempotent::Refused(problem) => return api.rejection(problem),
                }
            }
        });
        let input = match (Self::has_request(op), needs_principal(op).is_some() || takes_key) {
            (true, _) => quote!(mut input),
            (false, true) => quote!(input),
            (false, false) => quote!(_input),
        };
        quote! {
            fn #handler<A: Api>(api: Arc<A>, #input: srv::Input) -> srv::BoxFuture {
                Box::pin(async move {
                    #principal
                    #(#reads)*
                    #build
                    #idempotency
                    let answer = api.#method(#(#args),*).await;
                    srv::respond(answer, |problem| api.rejection(problem))
                })
            }
        }
    }

    /// `let body = ...;`: the body read per its media type, `None` on a violation.
    fn body_read(&mut self, op: &OpPlan, b: &BodyPlan) -> TokenStream {
        let media: Vec<&str> = b.variants.iter().map(|v| v.media_type.as_str()).collect();
        let required = b.required;
        let several = b.variants.len() > 1;
        let body_name = format_ident!("{}Body", op.type_base);
        let mut arms = Vec::new();
        for (i, v) in b.variants.iter().enumerate() {
            let read = self.variant_read(op, v);
            let variant = format_ident!("{}", v.kind.variant());
            let wrap = match (several, required) {
                (true, true) => quote!(.map(#body_name::#variant)),
                (true, false) => quote!(.map(|b| Some(#body_name::#variant(b)))),
                (false, true) => quote!(),
                (false, false) => quote!(.map(Some)),
            };
            let index = Literal::usize_unsuffixed(i);
            let pattern = if i + 1 == b.variants.len() { quote!(Ok(Some(_))) } else { quote!(Ok(Some(#index))) };
            arms.push(quote!(#pattern => #read #wrap,));
        }
        let absent = if required { quote!(Ok(None) => None,) } else { quote!(Ok(None) => Some(None),) };
        quote! {
            let body = match input.body_kind(&[#(#media),*], #required) {
                #(#arms)*
                #absent
                Err(()) => None,
            };
        }
    }

    /// An expression giving `Option<T>` for one body variant.
    fn variant_read(&mut self, op: &OpPlan, v: &BodyVariant) -> TokenStream {
        let schema = self.schema_slot(v.schema);
        match (v.kind, &v.form) {
            (BodyKind::Json, _) => {
                let ty = self.ty(&v.ty);
                quote!(input.json::<#ty>(#schema).await)
            }
            (BodyKind::Form, _) => {
                let ty = self.ty(&v.ty);
                quote!(input.form::<#ty>(#schema).await)
            }
            (BodyKind::Text, _) => quote!(input.text::<String>(#schema).await),
            (BodyKind::Binary, _) => quote!(input.binary()),
            (BodyKind::Multipart, None) => quote!(input.multipart(None).await),
            (BodyKind::Multipart, Some(form)) => {
                let name = form_name(op);
                let mut lets = Vec::new();
                let mut fields = Vec::new();
                // A form field called `parts` or `input` must not hide the reader's own.
                let mut locals = Namer::new();
                HANDLER_LOCALS.iter().chain(&["parts"]).for_each(|n| locals.reserve(n));
                let mut values = Vec::new();
                for f in &form.fields {
                    let field = ident(&f.field);
                    let local = format_ident!("{}", locals.claim(&f.field));
                    let part = &f.name;
                    let required = f.required;
                    let read = match (f.file, f.list) {
                        (true, true) => quote!(Some(input.files(&mut parts, #part))),
                        (true, false) if required => quote!(input.file(&mut parts, #part, true).flatten()),
                        (true, false) => quote!(input.file(&mut parts, #part, false)),
                        (false, list) => {
                            let ty = self.ty(&f.ty);
                            let ty = match (list, required) {
                                (true, _) => quote!(Vec<#ty>),
                                (false, true) => ty,
                                (false, false) => quote!(Option<#ty>),
                            };
                            let schema = self.schema_slot(Some(f.schema));
                            quote!(input.part::<#ty>(&mut parts, #part, #required, #schema))
                        }
                    };
                    lets.push(quote!(let #local = #read;));
                    values.push(local);
                    fields.push(field);
                }
                let somes = values.iter().map(|v| quote!(Some(#v)));
                let inits = fields.iter().zip(&values).map(|(f, v)| if f == v { quote!(#f) } else { quote!(#f: #v) });
                let files = form.fields.iter().filter(|f| f.file).map(|f| &f.name);
                quote! {
                    match input.multipart(Some(&[#(#files),*])).await {
                        Some(mut parts) => {
                            #(#lets)*
                            match (#(#values,)*) {
                                (#(#somes,)*) => Some(super::operations::#name { #(#inits),* }),
                                _ => None,
                            }
                        }
                        None => None,
                    }
                }
            }
        }
    }

    /// `IntoResponse` for a response enum: status, headers and body per variant.
    fn response_impl(&self, op: &OpPlan, name: &Ident, success: bool) -> TokenStream {
        let responses: Vec<&ResponsePlan> = op.responses.iter().filter(|r| r.success == success).collect();
        let arms = responses.iter().map(|r| {
            let variant = ident(&r.variant);
            let status = match r.status {
                StatusCode::Code(c) => {
                    let c = Literal::u16_suffixed(c);
                    quote!(#c)
                }
                _ => quote!(status),
            };
            let headers = r.headers.iter().map(|h| {
                let field = ident(&h.field);
                let header = &h.name;
                quote!(.header(#header, &#field))
            });
            let finish = match (&r.body, r.media_type.as_deref()) {
                (Some((kind, _)), Some(media)) => match kind {
                    BodyKind::Json | BodyKind::Form => quote!(.json(#media, &body)),
                    BodyKind::Text => quote!(.text(#media, body)),
                    _ => quote!(.binary(#media, body)),
                },
                _ => quote!(.empty()),
            };
            let pattern = if r.headers.is_empty() && !ranged(r) {
                match r.body {
                    Some(_) => quote!(Self::#variant(body)),
                    None => quote!(Self::#variant),
                }
            } else {
                let status_field = ranged(r).then(|| quote!(status,));
                let body_field = r.body.as_ref().map(|_| quote!(body,));
                let header_fields = r.headers.iter().map(|h| ident(&h.field));
                quote!(Self::#variant { #status_field #body_field #(#header_fields,)* })
            };
            quote!(#pattern => srv::reply(#status) #(#headers)* #finish,)
        });
        quote! {
            impl srv::IntoResponse for super::operations::#name {
                fn into_response(self) -> srv::Response {
                    match self {
                        #(#arms)*
                    }
                }
            }
        }
    }
}

fn location_word(l: ParameterLocation) -> &'static str {
    match l {
        ParameterLocation::Path => "path",
        ParameterLocation::Query => "query",
        ParameterLocation::Header => "header",
        ParameterLocation::Cookie => "cookie",
    }
}

fn style(s: specwright_spec::ir::ParameterStyle) -> TokenStream {
    let name = format_ident!("{}", format!("{s:?}"));
    quote!(srv::Style::#name)
}
