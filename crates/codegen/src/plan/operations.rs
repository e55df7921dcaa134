//! The shape of every HTTP operation as generated code sees it: its
//! parameters, request body and responses, each with its Rust type. The
//! client (and the server) are written from this one model.

use std::collections::HashMap;

use specwright_spec::ir::{
    Api, HttpOperation, JsonType, MediaType, Method, ParameterLocation, ParameterStyle, SchemaId, StatusCode,
};
use specwright_spec::Diagnostic;

use crate::plan::docs::doc_text;
use crate::plan::names::{field_name, type_name, Namer};
use crate::plan::types::{Planner, Ty};

pub struct OpPlan {
    /// The operation's name in the spec (its `operationId`, or one made for it).
    pub id: String,
    /// The method on the client, such as `get_pet_by_id`.
    pub fn_name: String,
    /// The start of its type names, such as `GetPetById`.
    pub type_base: String,
    pub method: Method,
    pub path: String,
    pub docs: Option<String>,
    pub deprecated: bool,
    pub params: Vec<ParamPlan>,
    pub body: Option<BodyPlan>,
    pub responses: Vec<ResponsePlan>,
    /// Alternatives, each the scheme names that go together.
    pub security: Vec<Vec<String>>,
}

pub struct ParamPlan {
    /// The name on the wire.
    pub name: String,
    /// The Rust name of the argument or builder method.
    pub field: String,
    pub ty: Ty,
    pub location: ParameterLocation,
    pub style: ParameterStyle,
    pub explode: bool,
    pub allow_reserved: bool,
    pub required: bool,
    pub docs: Option<String>,
    pub deprecated: bool,
    /// What a server checks the value against.
    pub schema: Option<SchemaId>,
}

/// How a body is written on the wire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BodyKind {
    Json,
    Form,
    Multipart,
    Text,
    Binary,
}

impl BodyKind {
    pub fn of(media_type: &str) -> BodyKind {
        let mt = media_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
        if mt.contains("json") {
            BodyKind::Json
        } else if mt == "application/x-www-form-urlencoded" {
            BodyKind::Form
        } else if mt.starts_with("multipart/") {
            BodyKind::Multipart
        } else if mt.starts_with("text/") || mt.contains("xml") || mt.ends_with("+yaml") || mt.ends_with("/yaml") {
            BodyKind::Text
        } else {
            BodyKind::Binary
        }
    }

    pub fn variant(self) -> &'static str {
        match self {
            BodyKind::Json => "Json",
            BodyKind::Form => "Form",
            BodyKind::Multipart => "Multipart",
            BodyKind::Text => "Text",
            BodyKind::Binary => "Binary",
        }
    }
}

pub struct BodyPlan {
    pub required: bool,
    /// One per kind of body the operation accepts, in the spec's order.
    pub variants: Vec<BodyVariant>,
}

pub struct BodyVariant {
    pub kind: BodyKind,
    pub media_type: String,
    /// The Rust type for JSON and form bodies; the others have fixed types.
    pub ty: Ty,
    /// The typed parts of a multipart body, where its schema names them.
    pub form: Option<FormPlan>,
    pub schema: Option<SchemaId>,
}

/// A multipart body as a struct: a field per part.
pub struct FormPlan {
    pub fields: Vec<FormField>,
}

pub struct FormField {
    /// The part's name.
    pub name: String,
    pub field: String,
    /// The type of a value part; files are `FilePart`s.
    pub ty: Ty,
    pub file: bool,
    /// Several parts of this name (an array).
    pub list: bool,
    pub required: bool,
    pub schema: SchemaId,
}

pub struct ResponsePlan {
    pub status: StatusCode,
    pub variant: String,
    /// Whether it comes back in `Ok` (else as a typed error).
    pub success: bool,
    pub body: Option<(BodyKind, Ty)>,
    /// The media type of the body, as the server sends it.
    pub media_type: Option<String>,
    pub headers: Vec<HeaderPlan>,
    pub docs: Option<String>,
}

pub struct HeaderPlan {
    pub name: String,
    pub field: String,
    pub ty: Ty,
    pub required: bool,
}

/// Names the client module defines itself, which operations can't take.
/// Names that the client, server and operations modules declare or import
/// themselves: a type made from an operation's name must not take one. (The
/// hostile-names snapshot crates compile every one of them as a spec name.)
const RESERVED_TYPES: &[&str] = &[
    // client.rs
    "Binary",
    "Client",
    "ClientBuilder",
    "Credential",
    "Error",
    "FilePart",
    "Response",
    "RetryPolicy",
    // server.rs
    "Answer",
    "Api",
    "Arc",
    "Credentials",
    "Denied",
    "Failure",
    "Future",
    "IntoResponse",
    "Presented",
    "Problem",
    "Settings",
    "StatusCode",
    "Unimplemented",
    "Violation",
];
/// Methods of the client and of the server's `Api` trait that are not operations.
const RESERVED_FNS: &[&str] = &[
    "new",
    "builder",
    "base_url",
    "runtime",
    "from_runtime",
    "clone",
    "fmt",
    "rejection",
    "authenticate",
    "idempotency_scope",
];

/// Plans every operation under `paths`, typing what they use through `planner`.
pub fn plan(api: &Api, planner: &mut Planner, diagnostics: &mut Vec<Diagnostic>) -> Vec<OpPlan> {
    let mut fns = Namer::new();
    let mut types = Namer::new();
    let mut next_base = HashMap::new();
    RESERVED_FNS.iter().for_each(|n| fns.reserve(n));
    RESERVED_TYPES.iter().for_each(|n| types.reserve(n));
    api.operations
        .iter()
        .map(|op| {
            // The type names the planner gives inline schemas start with the
            // operation's plain name, so they match the types module's.
            let plain = type_name(&op.id);
            let mut plan = OpPlan {
                id: op.id.clone(),
                fn_name: fns.claim(&field_name(&op.id)),
                type_base: claim_base(&mut types, &mut next_base, &plain),
                method: op.method,
                path: op.path.clone(),
                docs: doc_text(op.summary.as_deref(), op.description.as_deref()),
                deprecated: op.deprecated,
                params: Vec::new(),
                body: None,
                responses: Vec::new(),
                security: op
                    .security
                    .as_ref()
                    .unwrap_or(&api.security)
                    .iter()
                    .map(|r| r.schemes.keys().cloned().collect())
                    .collect(),
            };
            plan.params = params(op, &plain, planner, diagnostics);
            plan.body = body(api, op, &plain, planner);
            plan.responses = responses(op, &plain, planner);
            plan
        })
        .collect()
}

/// A name for an operation's builder such that its response, error and
/// body types are free too.
/// A base for an operation's type names whose every suffixed name is free.
/// `next` keeps, per plain name, the number to try next: thousands of
/// operations sharing an id claim their bases in linear time.
fn claim_base(types: &mut Namer, next: &mut HashMap<String, usize>, plain: &str) -> String {
    const SUFFIXES: [&str; 5] = ["", "Response", "Error", "Body", "Form"];
    let free = |types: &Namer, b: &str| SUFFIXES.iter().all(|s| types.is_free(&format!("{b}{s}")));
    let from = next.get(plain).copied().unwrap_or(1);
    let (n, base) = (from..)
        .map(|n| (n, if n == 1 { plain.to_string() } else { format!("{plain}{n}") }))
        .find(|(_, b)| free(types, b))
        .expect("a free name");
    next.insert(plain.to_string(), n.max(1) + 1);
    SUFFIXES.iter().for_each(|s| types.reserve(&format!("{base}{s}")));
    base
}

fn params(op: &HttpOperation, base: &str, planner: &mut Planner, diagnostics: &mut Vec<Diagnostic>) -> Vec<ParamPlan> {
    let mut names = Namer::new();
    // The request builder's own fields and methods.
    ["client", "body", "send", "into_stream"].iter().for_each(|n| names.reserve(n));
    let mut out = Vec::new();
    for p in &op.parameters {
        // OpenAPI: these three are set by the client, never by a parameter.
        if p.location == ParameterLocation::Header
            && ["accept", "content-type", "authorization"].contains(&p.name.to_ascii_lowercase().as_str())
        {
            continue;
        }
        if p.location == ParameterLocation::Path && !op.path.contains(&format!("{{{}}}", p.name)) {
            diagnostics.push(Diagnostic::warning(
                "path-parameter-unused",
                p.origin.clone(),
                format!("path parameter `{}` is not in the path `{}`; it is left out", p.name, op.path),
            ));
            continue;
        }
        let ty = match p.schema {
            Some(s) => planner.ty(s, &format!("{base}{}", type_name(&p.name))),
            None => Ty::String,
        };
        out.push(ParamPlan {
            name: p.name.clone(),
            field: names.claim(&field_name(&p.name)),
            ty,
            location: p.location,
            style: p.style,
            explode: p.explode,
            allow_reserved: p.allow_reserved,
            required: p.required || p.location == ParameterLocation::Path,
            docs: doc_text(None, p.description.as_deref()),
            deprecated: p.deprecated,
            schema: p.schema,
        });
    }
    // A template name the operation does not declare is still needed to call it.
    for name in template_names(&op.path) {
        if !out.iter().any(|p| p.location == ParameterLocation::Path && p.name == name) {
            diagnostics.push(Diagnostic::warning(
                "path-parameter-undeclared",
                op.origin.clone(),
                format!("`{{{name}}}` in the path `{}` is not a declared parameter; it is taken as a string", op.path),
            ));
            out.push(ParamPlan {
                field: names.claim(&field_name(&name)),
                name,
                ty: Ty::String,
                location: ParameterLocation::Path,
                style: ParameterStyle::Simple,
                explode: false,
                allow_reserved: false,
                required: true,
                docs: None,
                deprecated: false,
                schema: None,
            });
        }
    }
    out
}

/// The `{names}` of a path template, in order.
pub fn template_names(path: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = path;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else { break };
        out.push(rest[open + 1..open + close].to_string());
        rest = &rest[open + close + 1..];
    }
    out
}

fn body(api: &Api, op: &HttpOperation, base: &str, planner: &mut Planner) -> Option<BodyPlan> {
    let body = op.request_body.as_ref()?;
    let mut variants: Vec<BodyVariant> = Vec::new();
    for m in &body.content {
        let kind = BodyKind::of(&m.media_type);
        if variants.iter().any(|v| v.kind == kind) {
            continue;
        }
        let ty = media_ty(m, kind, &format!("{base}Request"), planner);
        let form = if kind == BodyKind::Multipart { form(api, m, base, planner) } else { None };
        variants.push(BodyVariant { kind, media_type: concrete(&m.media_type, kind), ty, form, schema: m.schema });
    }
    (!variants.is_empty()).then_some(BodyPlan { required: body.required, variants })
}

/// The schema and the parts it is made of (what it refers to, its `allOf`).
fn parts(api: &Api, id: SchemaId, out: &mut Vec<SchemaId>) {
    if out.contains(&id) || out.len() > 32 {
        return;
    }
    out.push(id);
    let s = api.schemas.get(id);
    for &p in s.reference.iter().chain(&s.all_of) {
        parts(api, p, out);
    }
}

/// Whether a part's schema is a file: binary text, or content that is
/// neither text nor JSON.
fn is_file(api: &Api, id: SchemaId, encoding: Option<&str>) -> bool {
    let mut all = Vec::new();
    parts(api, id, &mut all);
    let binary_media = |m: &str| !(m.starts_with("text/") || m.contains("json"));
    all.iter().any(|&p| {
        let s = api.schemas.get(p);
        s.format.as_deref() == Some("binary") || s.constraints().content_media_type.as_deref().is_some_and(binary_media)
    }) || encoding.is_some_and(binary_media)
}

fn form(api: &Api, m: &MediaType, base: &str, planner: &mut Planner) -> Option<FormPlan> {
    let mut all = Vec::new();
    parts(api, m.schema?, &mut all);
    let mut names = Namer::new();
    let mut fields = Vec::new();
    for &id in &all {
        let s = api.schemas.get(id);
        for (name, &prop) in &s.properties {
            if fields.iter().any(|f: &FormField| f.name == *name) {
                continue;
            }
            let encoding = m.encoding.get(name).and_then(|e| e.content_type.as_deref());
            let items = api.schemas.get(prop).items.filter(|_| api.schemas.get(prop).types.contains(JsonType::Array));
            let (file, list) = match items {
                Some(item) if is_file(api, item, encoding) => (true, true),
                _ => (is_file(api, prop, encoding), false),
            };
            let ty = if file { Ty::Unit } else { planner.ty(prop, &format!("{base}Form{}", type_name(name))) };
            fields.push(FormField {
                field: names.claim(&field_name(name)),
                name: name.clone(),
                ty,
                file,
                list,
                required: all.iter().any(|&p| api.schemas.get(p).required.contains(name)),
                schema: prop,
            });
        }
    }
    (!fields.is_empty()).then_some(FormPlan { fields })
}

/// A media type to send: wildcards such as `*/*` or `image/*` made concrete.
fn concrete(media_type: &str, kind: BodyKind) -> String {
    if !media_type.contains('*') {
        return media_type.to_string();
    }
    match kind {
        BodyKind::Json => "application/json".into(),
        BodyKind::Text => "text/plain".into(),
        _ => "application/octet-stream".into(),
    }
}

fn media_ty(m: &MediaType, kind: BodyKind, ctx: &str, planner: &mut Planner) -> Ty {
    match kind {
        BodyKind::Json | BodyKind::Form => m.schema.map_or(Ty::Any, |s| planner.ty(s, ctx)),
        BodyKind::Text => Ty::String,
        // Multipart and binary bodies have runtime types of their own.
        BodyKind::Multipart | BodyKind::Binary => Ty::Unit,
    }
}

fn responses(op: &HttpOperation, base: &str, planner: &mut Planner) -> Vec<ResponsePlan> {
    let has_success = op.responses.iter().any(|r| success(r.status) == Some(true));
    let mut variants = Namer::new();
    let mut sorted: Vec<_> = op.responses.iter().collect();
    // Exact codes before ranges before `default`: the order a status is matched in.
    sorted.sort_by_key(|r| r.status);
    sorted
        .into_iter()
        .map(|r| {
            let ctx = format!("{base}Response{}", type_name(&r.status.to_string()));
            let media = r
                .content
                .iter()
                .find(|m| BodyKind::of(&m.media_type) == BodyKind::Json)
                .or_else(|| r.content.iter().find(|m| BodyKind::of(&m.media_type) == BodyKind::Text))
                .or(r.content.first());
            let body = media.map(|m| {
                let kind = match BodyKind::of(&m.media_type) {
                    BodyKind::Json => BodyKind::Json,
                    BodyKind::Text => BodyKind::Text,
                    _ => BodyKind::Binary,
                };
                (kind, media_ty(m, kind, &ctx, planner))
            });
            let mut fields = Namer::new();
            ["body", "status"].iter().for_each(|n| fields.reserve(n));
            let headers = r
                .headers
                .iter()
                .filter(|h| !h.name.eq_ignore_ascii_case("content-type"))
                .map(|h| HeaderPlan {
                    name: h.name.clone(),
                    field: fields.claim(&field_name(&h.name)),
                    ty: h.schema.map_or(Ty::String, |s| planner.ty(s, &format!("{base}{}Header", type_name(&h.name)))),
                    required: h.required,
                })
                .collect();
            ResponsePlan {
                status: r.status,
                variant: variants.claim(&status_word(r.status)),
                success: success(r.status).unwrap_or(!has_success),
                media_type: media.zip(body.as_ref()).map(|(m, (kind, _))| concrete(&m.media_type, *kind)),
                body,
                headers,
                docs: doc_text(None, r.description.as_deref()),
            }
        })
        .collect()
}

/// Whether a status is a success; `None` for `default`.
fn success(status: StatusCode) -> Option<bool> {
    match status {
        StatusCode::Code(c) => Some(c < 400),
        StatusCode::Range(r) => Some(r < 4),
        StatusCode::Default => None,
    }
}

/// A variant name for a status: its reason phrase.
fn status_word(status: StatusCode) -> String {
    let code = match status {
        StatusCode::Code(c) => c,
        StatusCode::Range(1) => return "Informational".into(),
        StatusCode::Range(2) => return "Success".into(),
        StatusCode::Range(3) => return "Redirection".into(),
        StatusCode::Range(4) => return "ClientError".into(),
        StatusCode::Range(_) => return "ServerError".into(),
        StatusCode::Default => return "Default".into(),
    };
    let word = match code {
        100 => "Continue",
        101 => "SwitchingProtocols",
        200 => "Ok",
        201 => "Created",
        202 => "Accepted",
        203 => "NonAuthoritativeInformation",
        204 => "NoContent",
        205 => "ResetContent",
        206 => "PartialContent",
        207 => "MultiStatus",
        300 => "MultipleChoices",
        301 => "MovedPermanently",
        302 => "Found",
        303 => "SeeOther",
        304 => "NotModified",
        307 => "TemporaryRedirect",
        308 => "PermanentRedirect",
        400 => "BadRequest",
        401 => "Unauthorized",
        402 => "PaymentRequired",
        403 => "Forbidden",
        404 => "NotFound",
        405 => "MethodNotAllowed",
        406 => "NotAcceptable",
        408 => "RequestTimeout",
        409 => "Conflict",
        410 => "Gone",
        411 => "LengthRequired",
        412 => "PreconditionFailed",
        413 => "PayloadTooLarge",
        414 => "UriTooLong",
        415 => "UnsupportedMediaType",
        416 => "RangeNotSatisfiable",
        417 => "ExpectationFailed",
        418 => "ImATeapot",
        422 => "UnprocessableEntity",
        423 => "Locked",
        424 => "FailedDependency",
        425 => "TooEarly",
        428 => "PreconditionRequired",
        429 => "TooManyRequests",
        451 => "UnavailableForLegalReasons",
        500 => "InternalServerError",
        501 => "NotImplemented",
        502 => "BadGateway",
        503 => "ServiceUnavailable",
        504 => "GatewayTimeout",
        _ => return format!("Status{code}"),
    };
    word.to_string()
}
