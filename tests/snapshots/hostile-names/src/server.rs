#![cfg_attr(rustfmt, rustfmt::skip)]
#![allow(deprecated)]
#![allow(
    clippy::too_many_arguments,
    clippy::large_enum_variant,
    clippy::doc_lazy_continuation,
    clippy::doc_overindented_list_items,
    clippy::too_long_first_doc_paragraph,
    clippy::unit_arg,
    clippy::should_implement_trait,
    clippy::wrong_self_convention
)]

#![allow(
    rustdoc::bare_urls,
    rustdoc::broken_intra_doc_links,
    rustdoc::invalid_html_tags,
    rustdoc::invalid_rust_codeblocks
)]

use std::future::Future;

use std::sync::Arc;

use ::specwright_runtime::server as srv;

pub use srv::{
    not_found, Answer, Credentials, Denied, Failure, IntoResponse, Presented, Problem,
    Response, Settings, StatusCode, Violation,
};

static SCHEMAS: [srv::Schema; 168] = [
    srv::Schema {
        types: srv::schema::types::OBJECT,
        properties: &[("parts", 1), ("input", 2), ("api", 3), ("file", 4)],
        required: &["parts", "input"],
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::OBJECT,
        properties: &[("a", 12), ("self", 13), ("type", 14)],
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::INTEGER,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::INTEGER,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::INTEGER,
        ..srv::Schema::ANY
    },
];

static SCHEMES: [srv::Scheme; 1] = [
    srv::Scheme {
        name: "key",
        kind: srv::SchemeKind::ApiKey {
            location: srv::KeyLocation::Header,
            param: "X-Key",
        },
    },
];

static SPEC: srv::Spec = srv::Spec {
    schemas: &SCHEMAS,
    schemes: &SCHEMES,
    prepared: srv::Prepared::new(),
};

/// Hostile Names: implement each operation, then serve [`router`].
///
/// Each method gets its operation's request, already checked against the
/// spec, and answers with the operation's response or one of its errors.
pub trait Api: Send + Sync + 'static {
    /// Who a request comes from, as `authenticate` makes it from its credentials.
    type Principal: Send + 'static;
    /// Checks the credentials of an operation that requires them; the
    /// principal it gives is handed to the operation. A refusal is
    /// answered with 401 (and `WWW-Authenticate`) or 403.
    fn authenticate(
        &self,
        credentials: srv::Credentials,
    ) -> impl Future<Output = Result<Self::Principal, srv::Denied>> + Send;
    /// Whose idempotency keys a principal's requests use: a key is
    /// the caller's own, so no caller can replay another's answer.
    /// By default the scope is the credentials the request
    /// presents (a refreshed token starts anew); give a stable id,
    /// such as the account's, to keep keys across credentials.
    /// Never one scope for every caller.
    fn idempotency_scope(&self, _principal: &Self::Principal) -> Option<String> {
        None
    }
    /// Answers what the server refuses besides the operations' own
    /// errors: invalid requests (each failing value listed), missing or
    /// refused credentials, and a `Failure::Problem` from a method.
    /// `application/problem+json` unless overridden, for an API whose
    /// errors have a format of their own.
    fn rejection(&self, problem: srv::Problem) -> srv::Response {
        srv::IntoResponse::into_response(problem)
    }
    /// `POST /upload`
    fn upload(
        &self,
        request: Upload,
    ) -> impl Future<
        Output = srv::Answer<
            super::operations::UploadResponse,
            super::operations::UploadError,
        >,
    > + Send;
    /// `POST /rejection/{id}`
    fn rejection_2(
        &self,
        request: Rejection,
    ) -> impl Future<
        Output = srv::Answer<
            super::operations::RejectionResponse,
            super::operations::RejectionError,
        >,
    > + Send;
    /// `POST /authenticate/{id}`
    fn authenticate_2(
        &self,
        request: Authenticate,
        principal: Self::Principal,
    ) -> impl Future<
        Output = srv::Answer<
            super::operations::AuthenticateResponse,
            super::operations::AuthenticateError,
        >,
    > + Send;
    /// `POST /settings/{id}`
    fn settings(
        &self,
        request: Settings2,
    ) -> impl Future<
        Output = srv::Answer<
            super::operations::Settings2Response,
            super::operations::Settings2Error,
        >,
    > + Send;
    /// `POST /problem/{id}`
    fn problem(
        &self,
        request: Problem2,
        principal: Self::Principal,
    ) -> impl Future<
        Output = srv::Answer<
            super::operations::Problem2Response,
            super::operations::Problem2Error,
        >,
    > + Send;
    /// `POST /api/{id}`
    fn api(
        &self,
        request: Api2,
    ) -> impl Future<
        Output = srv::Answer<
            super::operations::Api2Response,
            super::operations::Api2Error,
        >,
    > + Send;
    /// `POST /future/{id}`
    fn future(
        &self,
        request: Future2,
        principal: Self::Principal,
    ) -> impl Future<
        Output = srv::Answer<
            super::operations::Future2Response,
            super::operations::Future2Error,
        >,
    > + Send;
    /// `POST /arc/{id}`
    fn arc(
        &self,
        request: Arc2,
    ) -> impl Future<
        Output = srv::Answer<
            super::operations::Arc2Response,
            super::operations::Arc2Error,
        >,
    > + Send;
    /// `POST /unimplemented/{id}`
    fn unimplemented(
        &self,
        request: Unimplemented2,
        principal: Self::Principal,
    ) -> impl Future<
        Output = srv::Answer<
            super::operations::Unimplemented2Response,
            super::operations::Unimplemented2Error,
        >,
    > + Send;
    /// `POST /violation/{id}`
    fn violation(
        &self,
        request: Violation2,
    ) -> impl Future<
        Output = srv::Answer<
            super::operations::Violation2Response,
            super::operations::Violation2Error,
        >,
    > + Send;
    /// `POST /status_code/{id}`
    fn status_code(
        &self,
        request: StatusCode2,
        principal: Self::Principal,
    ) -> impl Future<
        Output = srv::Answer<
            super::operations::StatusCode2Response,
            super::operations::StatusCode2Error,
        >,
    > + Send;
    /// `POST /router/{id}`
    fn router(
        &self,
        request: Router,
    ) -> impl Future<
        Output = srv::Answer<
            super::operations::RouterResponse,
            super::operations::RouterError,
        >,
    > + Send;
    /// `POST /router_with/{id}`
    fn router_with(
        &self,
        request: RouterWith,
        principal: Self::Principal,
    ) -> impl Future<
        Output = srv::Answer<
            super::operations::RouterWithResponse,
            super::operations::RouterWithError,
        >,
    > + Send;
    /// `POST /input/{id}`
    fn input(
        &self,
        request: Input,
    ) -> impl Future<
        Output = srv::Answer<
            super::operations::InputResponse,
            super::operations::InputError,
        >,
    > + Send;
    /// `POST /request/{id}`
    fn request(
        &self,
        request: Request,
        principal: Self::Principal,
    ) -> impl Future<
        Output = srv::Answer<
            super::operations::RequestResponse,
            super::operations::RequestError,
        >,
    > + Send;
    /// `POST /principal/{id}`
    fn principal(
        &self,
        request: Principal,
    ) -> impl Future<
        Output = srv::Answer<
            super::operations::PrincipalResponse,
            super::operations::PrincipalError,
        >,
    > + Send;
    /// `POST /response/{id}`
    fn response(
        &self,
        request: Response2,
        principal: Self::Principal,
    ) -> impl Future<
        Output = srv::Answer<
            super::operations::Response2Response,
            super::operations::Response2Error,
        >,
    > + Send;
    /// `POST /into_response/{id}`
    fn into_response(
        &self,
        request: IntoResponse2,
    ) -> impl Future<
        Output = srv::Answer<
            super::operations::IntoResponse2Response,
            super::operations::IntoResponse2Error,
        >,
    > + Send;
    /// `POST /respond/{id}`
    fn respond(
        &self,
        request: Respond,
        principal: Self::Principal,
    ) -> impl Future<
        Output = srv::Answer<
            super::operations::RespondResponse,
            super::operations::RespondError,
        >,
    > + Send;
    /// `POST /srv/{id}`
    fn srv(
        &self,
        request: Srv,
    ) -> impl Future<
        Output = srv::Answer<super::operations::SrvResponse, super::operations::SrvError>,
    > + Send;
    /// `POST /rt/{id}`
    fn rt(
        &self,
        request: Rt,
        principal: Self::Principal,
    ) -> impl Future<
        Output = srv::Answer<super::operations::RtResponse, super::operations::RtError>,
    > + Send;
    /// `POST /client/{id}`
    fn client(
        &self,
        request: Client2,
    ) -> impl Future<
        Output = srv::Answer<
            super::operations::Client2Response,
            super::operations::Client2Error,
        >,
    > + Send;
    /// `POST /new/{id}`
    fn new_2(
        &self,
        request: New,
        principal: Self::Principal,
    ) -> impl Future<
        Output = srv::Answer<super::operations::NewResponse, super::operations::NewError>,
    > + Send;
    /// `POST /send/{id}`
    fn send(
        &self,
        request: SendType,
    ) -> impl Future<
        Output = srv::Answer<
            super::operations::SendTypeResponse,
            super::operations::SendTypeError,
        >,
    > + Send;
    /// `POST /body/{id}`
    fn body(
        &self,
        request: Body,
        principal: Self::Principal,
    ) -> impl Future<
        Output = srv::Answer<
            super::operations::BodyResponse,
            super::operations::BodyError,
        >,
    > + Send;
    /// `POST /parts/{id}`
    fn parts(
        &self,
        request: Parts,
    ) -> impl Future<
        Output = srv::Answer<
            super::operations::PartsResponse,
            super::operations::PartsError,
        >,
    > + Send;
    /// `POST /idempotency_scope/{id}`
    fn idempotency_scope_2(
        &self,
        request: IdempotencyScope,
        principal: Self::Principal,
    ) -> impl Future<
        Output = srv::Answer<
            super::operations::IdempotencyScopeResponse,
            super::operations::IdempotencyScopeError,
        >,
    > + Send;
    /// `GET /pages`
    fn list_pages(
        &self,
        request: ListPages,
    ) -> impl Future<
        Output = srv::Answer<
            super::operations::ListPagesResponse,
            super::operations::ListPagesError,
        >,
    > + Send;
}

/// An implementation where every operation answers 501: a start to copy from.
#[derive(Clone, Copy, Debug, Default)]
pub struct Unimplemented;

impl Api for Unimplemented {
    type Principal = srv::Credentials;
    async fn authenticate(
        &self,
        credentials: srv::Credentials,
    ) -> Result<srv::Credentials, srv::Denied> {
        Ok(credentials)
    }
    async fn upload(
        &self,
        request: Upload,
    ) -> srv::Answer<super::operations::UploadResponse, super::operations::UploadError> {
        let _ = request;
        Err(srv::Failure::not_implemented("upload"))
    }
    async fn rejection_2(
        &self,
        request: Rejection,
    ) -> srv::Answer<
        super::operations::RejectionResponse,
        super::operations::RejectionError,
    > {
        let _ = request;
        Err(srv::Failure::not_implemented("rejection"))
    }
    async fn authenticate_2(
        &self,
        request: Authenticate,
        principal: Self::Principal,
    ) -> srv::Answer<
        super::operations::AuthenticateResponse,
        super::operations::AuthenticateError,
    > {
        let _ = (request, principal);
        Err(srv::Failure::not_implemented("authenticate"))
    }
    async fn settings(
        &self,
        request: Settings2,
    ) -> srv::Answer<
        super::operations::Settings2Response,
        super::operations::Settings2Error,
    > {
        let _ = request;
        Err(srv::Failure::not_implemented("settings"))
    }
    async fn problem(
        &self,
        request: Problem2,
        principal: Self::Principal,
    ) -> srv::Answer<
        super::operations::Problem2Response,
        super::operations::Problem2Error,
    > {
        let _ = (request, principal);
        Err(srv::Failure::not_implemented("problem"))
    }
    async fn api(
        &self,
        request: Api2,
    ) -> srv::Answer<super::operations::Api2Response, super::operations::Api2Error> {
        let _ = request;
        Err(srv::Failure::not_implemented("api"))
    }
    async fn future(
        &self,
        request: Future2,
        principal: Self::Principal,
    ) -> srv::Answer<
        super::operations::Future2Response,
        super::operations::Future2Error,
    > {
        let _ = (request, principal);
        Err(srv::Failure::not_implemented("future"))
    }
    async fn arc(
        &self,
        request: Arc2,
    ) -> srv::Answer<super::operations::Arc2Response, super::operations::Arc2Error> {
        let _ = request;
        Err(srv::Failure::not_implemented("arc"))
    }
    async fn unimplemented(
        &self,
        request: Unimplemented2,
        principal: Self::Principal,
    ) -> srv::Answer<
        super::operations::Unimplemented2Response,
        super::operations::Unimplemented2Error,
    > {
        let _ = (request, principal);
        Err(srv::Failure::not_implemented("unimplemented"))
    }
    async fn violation(
        &self,
        request: Violation2,
    ) -> srv::Answer<
        super::operations::Violation2Response,
        super::operations::Violation2Error,
    > {
        let _ = request;
        Err(srv::Failure::not_implemented("violation"))
    }
    async fn status_code(
        &self,
        request: StatusCode2,
        principal: Self::Principal,
    ) -> srv::Answer<
        super::operations::StatusCode2Response,
        super::operations::StatusCode2Error,
    > {
        let _ = (request, principal);
        Err(srv::Failure::not_implemented("status_code"))
    }
    async fn router(
        &self,
        request: Router,
    ) -> srv::Answer<super::operations::RouterResponse, super::operations::RouterError> {
        let _ = request;
        Err(srv::Failure::not_implemented("router"))
    }
    async fn router_with(
        &self,
        request: RouterWith,
        principal: Self::Principal,
    ) -> srv::Answer<
        super::operations::RouterWithResponse,
        super::operations::RouterWithError,
    > {
        let _ = (request, principal);
        Err(srv::Failure::not_implemented("router_with"))
    }
    async fn input(
        &self,
        request: Input,
    ) -> srv::Answer<super::operations::InputResponse, super::operations::InputError> {
        let _ = request;
        Err(srv::Failure::not_implemented("input"))
    }
    async fn request(
        &self,
        request: Request,
        principal: Self::Principal,
    ) -> srv::Answer<
        super::operations::RequestResponse,
        super::operations::RequestError,
    > {
        let _ = (request, principal);
        Err(srv::Failure::not_implemented("request"))
    }
    async fn principal(
        &self,
        request: Principal,
    ) -> srv::Answer<
        super::operations::PrincipalResponse,
        super::operations::PrincipalError,
    > {
        let _ = request;
        Err(srv::Failure::not_implemented("principal"))
    }
    async fn response(
        &self,
        request: Response2,
        principal: Self::Principal,
    ) -> srv::Answer<
        super::operations::Response2Response,
        super::operations::Response2Error,
    > {
        let _ = (request, principal);
        Err(srv::Failure::not_implemented("response"))
    }
    async fn into_response(
        &self,
        request: IntoResponse2,
    ) -> srv::Answer<
        super::operations::IntoResponse2Response,
        super::operations::IntoResponse2Error,
    > {
        let _ = request;
        Err(srv::Failure::not_implemented("into_response"))
    }
    async fn respond(
        &self,
        request: Respond,
        principal: Self::Principal,
    ) -> srv::Answer<
        super::operations::RespondResponse,
        super::operations::RespondError,
    > {
        let _ = (request, principal);
        Err(srv::Failure::not_implemented("respond"))
    }
    async fn srv(
        &self,
        request: Srv,
    ) -> srv::Answer<super::operations::SrvResponse, super::operations::SrvError> {
        let _ = request;
        Err(srv::Failure::not_implemented("srv"))
    }
    async fn rt(
        &self,
        request: Rt,
        principal: Self::Principal,
    ) -> srv::Answer<super::operations::RtResponse, super::operations::RtError> {
        let _ = (request, principal);
        Err(srv::Failure::not_implemented("rt"))
    }
    async fn client(
        &self,
        request: Client2,
    ) -> srv::Answer<
        super::operations::Client2Response,
        super::operations::Client2Error,
    > {
        let _ = request;
        Err(srv::Failure::not_implemented("client"))
    }
    async fn new_2(
        &self,
        request: New,
        principal: Self::Principal,
    ) -> srv::Answer<super::operations::NewResponse, super::operations::NewError> {
        let _ = (request, principal);
        Err(srv::Failure::not_implemented("new"))
    }
    async fn send(
        &self,
        request: SendType,
    ) -> srv::Answer<
        super::operations::SendTypeResponse,
        super::operations::SendTypeError,
    > {
        let _ = request;
        Err(srv::Failure::not_implemented("send"))
    }
    async fn body(
        &self,
        request: Body,
        principal: Self::Principal,
    ) -> srv::Answer<super::operations::BodyResponse, super::operations::BodyError> {
        let _ = (request, principal);
        Err(srv::Failure::not_implemented("body"))
    }
    async fn parts(
        &self,
        request: Parts,
    ) -> srv::Answer<super::operations::PartsResponse, super::operations::PartsError> {
        let _ = request;
        Err(srv::Failure::not_implemented("parts"))
    }
    async fn idempotency_scope_2(
        &self,
        request: IdempotencyScope,
        principal: Self::Principal,
    ) -> srv::Answer<
        super::operations::IdempotencyScopeResponse,
        super::operations::IdempotencyScopeError,
    > {
        let _ = (request, principal);
        Err(srv::Failure::not_implemented("idempotency_scope"))
    }
    async fn list_pages(
        &self,
        request: ListPages,
    ) -> srv::Answer<
        super::operations::ListPagesResponse,
        super::operations::ListPagesError,
    > {
        let _ = request;
        Err(srv::Failure::not_implemented("listPages"))
    }
}

/// The router for `api`, with default settings.
pub fn router<A: Api>(api: A) -> srv::Router {
    router_with(api, srv::Settings::default())
}

/// The router for `api`: it nests, merges and takes layers as any axum router.
pub fn router_with<A: Api>(api: A, settings: srv::Settings) -> srv::Router {
    let mut routes = srv::Routes::new(api, &SPEC, settings);
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "upload",
                    method: srv::Method::POST,
                    path: "/upload",
                    security: &[],
                    produces: &[],
                    invalid_path: srv::StatusCode::BAD_REQUEST,
                };
                &OPERATION
            },
            handle_upload::<A>,
        );
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "rejection",
                    method: srv::Method::POST,
                    path: "/rejection/{id}",
                    security: &[],
                    produces: &["application/json"],
                    invalid_path: srv::StatusCode::BAD_REQUEST,
                };
                &OPERATION
            },
            handle_rejection::<A>,
        );
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "authenticate",
                    method: srv::Method::POST,
                    path: "/authenticate/{id}",
                    security: &[&["key"]],
                    produces: &["application/json"],
                    invalid_path: srv::StatusCode::BAD_REQUEST,
                };
                &OPERATION
            },
            handle_authenticate::<A>,
        );
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "settings",
                    method: srv::Method::POST,
                    path: "/settings/{id}",
                    security: &[],
                    produces: &["application/json"],
                    invalid_path: srv::StatusCode::BAD_REQUEST,
                };
                &OPERATION
            },
            handle_settings::<A>,
        );
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "problem",
                    method: srv::Method::POST,
                    path: "/problem/{id}",
                    security: &[&["key"]],
                    produces: &["application/json"],
                    invalid_path: srv::StatusCode::BAD_REQUEST,
                };
                &OPERATION
            },
            handle_problem::<A>,
        );
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "api",
                    method: srv::Method::POST,
                    path: "/api/{id}",
                    security: &[],
                    produces: &["application/json"],
                    invalid_path: srv::StatusCode::BAD_REQUEST,
                };
                &OPERATION
            },
            handle_api::<A>,
        );
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "future",
                    method: srv::Method::POST,
                    path: "/future/{id}",
                    security: &[&["key"]],
                    produces: &["application/json"],
                    invalid_path: srv::StatusCode::BAD_REQUEST,
                };
                &OPERATION
            },
            handle_future::<A>,
        );
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "arc",
                    method: srv::Method::POST,
                    path: "/arc/{id}",
                    security: &[],
                    produces: &["application/json"],
                    invalid_path: srv::StatusCode::BAD_REQUEST,
                };
                &OPERATION
            },
            handle_arc::<A>,
        );
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "unimplemented",
                    method: srv::Method::POST,
                    path: "/unimplemented/{id}",
                    security: &[&["key"]],
                    produces: &["application/json"],
                    invalid_path: srv::StatusCode::BAD_REQUEST,
                };
                &OPERATION
            },
            handle_unimplemented::<A>,
        );
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "violation",
                    method: srv::Method::POST,
                    path: "/violation/{id}",
                    security: &[],
                    produces: &["application/json"],
                    invalid_path: srv::StatusCode::BAD_REQUEST,
                };
                &OPERATION
            },
            handle_violation::<A>,
        );
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "status_code",
                    method: srv::Method::POST,
                    path: "/status_code/{id}",
                    security: &[&["key"]],
                    produces: &["application/json"],
                    invalid_path: srv::StatusCode::BAD_REQUEST,
                };
                &OPERATION
            },
            handle_status_code::<A>,
        );
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "router",
                    method: srv::Method::POST,
                    path: "/router/{id}",
                    security: &[],
                    produces: &["application/json"],
                    invalid_path: srv::StatusCode::BAD_REQUEST,
                };
                &OPERATION
            },
            handle_router::<A>,
        );
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "router_with",
                    method: srv::Method::POST,
                    path: "/router_with/{id}",
                    security: &[&["key"]],
                    produces: &["application/json"],
                    invalid_path: srv::StatusCode::BAD_REQUEST,
                };
                &OPERATION
            },
            handle_router_with::<A>,
        );
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "input",
                    method: srv::Method::POST,
                    path: "/input/{id}",
                    security: &[],
                    produces: &["application/json"],
                    invalid_path: srv::StatusCode::BAD_REQUEST,
                };
                &OPERATION
            },
            handle_input::<A>,
        );
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "request",
                    method: srv::Method::POST,
                    path: "/request/{id}",
                    security: &[&["key"]],
                    produces: &["application/json"],
                    invalid_path: srv::StatusCode::BAD_REQUEST,
                };
                &OPERATION
            },
            handle_request::<A>,
        );
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "principal",
                    method: srv::Method::POST,
                    path: "/principal/{id}",
                    security: &[],
                    produces: &["application/json"],
                    invalid_path: srv::StatusCode::BAD_REQUEST,
                };
                &OPERATION
            },
            handle_principal::<A>,
        );
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "response",
                    method: srv::Method::POST,
                    path: "/response/{id}",
                    security: &[&["key"]],
                    produces: &["application/json"],
                    invalid_path: srv::StatusCode::BAD_REQUEST,
                };
                &OPERATION
            },
            handle_response::<A>,
        );
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "into_response",
                    method: srv::Method::POST,
                    path: "/into_response/{id}",
                    security: &[],
                    produces: &["application/json"],
                    invalid_path: srv::StatusCode::BAD_REQUEST,
                };
                &OPERATION
            },
            handle_into_response::<A>,
        );
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "respond",
                    method: srv::Method::POST,
                    path: "/respond/{id}",
                    security: &[&["key"]],
                    produces: &["application/json"],
                    invalid_path: srv::StatusCode::BAD_REQUEST,
                };
                &OPERATION
            },
            handle_respond::<A>,
        );
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "srv",
                    method: srv::Method::POST,
                    path: "/srv/{id}",
                    security: &[],
                    produces: &["application/json"],
                    invalid_path: srv::StatusCode::BAD_REQUEST,
                };
                &OPERATION
            },
            handle_srv::<A>,
        );
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "rt",
                    method: srv::Method::POST,
                    path: "/rt/{id}",
                    security: &[&["key"]],
                    produces: &["application/json"],
                    invalid_path: srv::StatusCode::BAD_REQUEST,
                };
                &OPERATION
            },
            handle_rt::<A>,
        );
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "client",
                    method: srv::Method::POST,
                    path: "/client/{id}",
                    security: &[],
                    produces: &["application/json"],
                    invalid_path: srv::StatusCode::BAD_REQUEST,
                };
                &OPERATION
            },
            handle_client::<A>,
        );
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "new",
                    method: srv::Method::POST,
                    path: "/new/{id}",
                    security: &[&["key"]],
                    produces: &["application/json"],
                    invalid_path: srv::StatusCode::BAD_REQUEST,
                };
                &OPERATION
            },
            handle_new::<A>,
        );
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "send",
                    method: srv::Method::POST,
                    path: "/send/{id}",
                    security: &[],
                    produces: &["application/json"],
                    invalid_path: srv::StatusCode::BAD_REQUEST,
                };
                &OPERATION
            },
            handle_send::<A>,
        );
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "body",
                    method: srv::Method::POST,
                    path: "/body/{id}",
                    security: &[&["key"]],
                    produces: &["application/json"],
                    invalid_path: srv::StatusCode::BAD_REQUEST,
                };
                &OPERATION
            },
            handle_body::<A>,
        );
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "parts",
                    method: srv::Method::POST,
                    path: "/parts/{id}",
                    security: &[],
                    produces: &["application/json"],
                    invalid_path: srv::StatusCode::BAD_REQUEST,
                };
                &OPERATION
            },
            handle_parts::<A>,
        );
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "idempotency_scope",
                    method: srv::Method::POST,
                    path: "/idempotency_scope/{id}",
                    security: &[&["key"]],
                    produces: &["application/json"],
                    invalid_path: srv::StatusCode::BAD_REQUEST,
                };
                &OPERATION
            },
            handle_idempotency_scope::<A>,
        );
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "listPages",
                    method: srv::Method::GET,
                    path: "/pages",
                    security: &[],
                    produces: &["application/json"],
                    invalid_path: srv::StatusCode::BAD_REQUEST,
                };
                &OPERATION
            },
            handle_list_pages::<A>,
        );
    routes.into_router()
}

/// A request of `upload`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct Upload {
    /// The request body.
    pub body: Option<super::operations::UploadForm>,
}

fn handle_upload<A: Api>(api: Arc<A>, mut input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let body = match input.body_kind(&["multipart/form-data"], false) {
            Ok(Some(_)) => {
                match input.multipart(Some(&["file"])).await {
                    Some(mut parts) => {
                        let parts_2 = input
                            .part::<
                                ::std::string::String,
                            >(&mut parts, "parts", true, Some(1));
                        let input_2 = input
                            .part::<
                                ::std::string::String,
                            >(&mut parts, "input", true, Some(2));
                        let api_2 = input
                            .part::<
                                Option<::std::string::String>,
                            >(&mut parts, "api", false, Some(3));
                        let file = input.file(&mut parts, "file", false);
                        match (parts_2, input_2, api_2, file) {
                            (Some(parts_2), Some(input_2), Some(api_2), Some(file)) => {
                                Some(super::operations::UploadForm {
                                    parts: parts_2,
                                    input: input_2,
                                    api: api_2,
                                    file,
                                })
                            }
                            _ => None,
                        }
                    }
                    None => None,
                }
                    .map(Some)
            }
            Ok(None) => Some(None),
            Err(()) => None,
        };
        let (Some(body),) = (body,) else { return api.rejection(input.into_problem()) };
        let request = Upload { body };
        match input.idempotency(None).await {
            srv::Idempotent::Run => {}
            srv::Idempotent::Replay(response) => return response,
            srv::Idempotent::Refused(problem) => return api.rejection(problem),
        }
        let answer = api.upload(request).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::UploadResponse {
    fn into_response(self) -> srv::Response {
        match self {
            Self::NoContent => srv::reply(204u16).empty(),
        }
    }
}

impl srv::IntoResponse for super::operations::UploadError {
    fn into_response(self) -> srv::Response {
        match self {}
    }
}

/// A request of `rejection`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct Rejection {
    /// The path parameter `id`.
    pub id: ::std::string::String,
    /// The query parameter `into_stream`.
    pub into_stream_2: Option<::std::string::String>,
    /// The query parameter `request`.
    pub request: Option<::std::string::String>,
    /// The query parameter `api`.
    pub api: Option<::std::string::String>,
    /// The header parameter `input`.
    pub input: Option<::std::string::String>,
    /// The query parameter `principal`.
    pub principal: Option<::std::string::String>,
    /// The request body.
    pub body: Option<super::types::A>,
}

fn handle_rejection<A: Api>(api: Arc<A>, mut input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let id = input
            .path::<::std::string::String>("id", srv::Style::Simple, false, Some(5));
        let into_stream_2 = input
            .query::<
                Option<::std::string::String>,
            >("into_stream", srv::Style::Form, true, false, Some(6));
        let request_2 = input
            .query::<
                Option<::std::string::String>,
            >("request", srv::Style::Form, true, false, Some(7));
        let api_2 = input
            .query::<
                Option<::std::string::String>,
            >("api", srv::Style::Form, true, false, Some(8));
        let input_2 = input
            .header::<Option<::std::string::String>>("input", false, false, Some(9));
        let principal_2 = input
            .query::<
                Option<::std::string::String>,
            >("principal", srv::Style::Form, true, false, Some(10));
        let body = match input.body_kind(&["application/json"], false) {
            Ok(Some(_)) => input.json::<super::types::A>(Some(11)).await.map(Some),
            Ok(None) => Some(None),
            Err(()) => None,
        };
        let (
            Some(id),
            Some(into_stream_2),
            Some(request_2),
            Some(api_2),
            Some(input_2),
            Some(principal_2),
            Some(body),
        ) = (id, into_stream_2, request_2, api_2, input_2, principal_2, body) else {
            return api.rejection(input.into_problem())
        };
        let request = Rejection {
            id,
            into_stream_2,
            request: request_2,
            api: api_2,
            input: input_2,
            principal: principal_2,
            body,
        };
        match input.idempotency(None).await {
            srv::Idempotent::Run => {}
            srv::Idempotent::Replay(response) => return response,
            srv::Idempotent::Refused(problem) => return api.rejection(problem),
        }
        let answer = api.rejection_2(request).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::RejectionResponse {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Ok(body) => srv::reply(200u16).json("application/json", &body),
        }
    }
}

impl srv::IntoResponse for super::operations::RejectionError {
    fn into_response(self) -> srv::Response {
        match self {}
    }
}

/// A request of `authenticate`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct Authenticate {
    /// The path parameter `id`.
    pub id: ::std::string::String,
    /// The query parameter `into_stream`.
    pub into_stream_2: Option<::std::string::String>,
    /// The query parameter `request`.
    pub request: Option<::std::string::String>,
    /// The query parameter `api`.
    pub api: Option<::std::string::String>,
    /// The header parameter `input`.
    pub input: Option<::std::string::String>,
    /// The query parameter `principal`.
    pub principal: Option<::std::string::String>,
    /// The request body.
    pub body: Option<super::types::A>,
}

fn handle_authenticate<A: Api>(api: Arc<A>, mut input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let principal = match input
            .authenticate(|credentials| api.authenticate(credentials))
            .await
        {
            Ok(principal) => principal,
            Err(refused) => return api.rejection(refused),
        };
        let id = input
            .path::<::std::string::String>("id", srv::Style::Simple, false, Some(15));
        let into_stream_2 = input
            .query::<
                Option<::std::string::String>,
            >("into_stream", srv::Style::Form, true, false, Some(16));
        let request_2 = input
            .query::<
                Option<::std::string::String>,
            >("request", srv::Style::Form, true, false, Some(17));
        let api_2 = input
            .query::<
                Option<::std::string::String>,
            >("api", srv::Style::Form, true, false, Some(18));
        let input_2 = input
            .header::<Option<::std::string::String>>("input", false, false, Some(19));
        let principal_2 = input
            .query::<
                Option<::std::string::String>,
            >("principal", srv::Style::Form, true, false, Some(20));
        let body = match input.body_kind(&["application/json"], false) {
            Ok(Some(_)) => input.json::<super::types::A>(Some(11)).await.map(Some),
            Ok(None) => Some(None),
            Err(()) => None,
        };
        let (
            Some(id),
            Some(into_stream_2),
            Some(request_2),
            Some(api_2),
            Some(input_2),
            Some(principal_2),
            Some(body),
        ) = (id, into_stream_2, request_2, api_2, input_2, principal_2, body) else {
            return api.rejection(input.into_problem())
        };
        let request = Authenticate {
            id,
            into_stream_2,
            request: request_2,
            api: api_2,
            input: input_2,
            principal: principal_2,
            body,
        };
        match input.idempotency(api.idempotency_scope(&principal)).await {
            srv::Idempotent::Run => {}
            srv::Idempotent::Replay(response) => return response,
            srv::Idempotent::Refused(problem) => return api.rejection(problem),
        }
        let answer = api.authenticate_2(request, principal).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::AuthenticateResponse {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Ok(body) => srv::reply(200u16).json("application/json", &body),
        }
    }
}

impl srv::IntoResponse for super::operations::AuthenticateError {
    fn into_response(self) -> srv::Response {
        match self {}
    }
}

/// A request of `settings`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct Settings2 {
    /// The path parameter `id`.
    pub id: ::std::string::String,
    /// The query parameter `into_stream`.
    pub into_stream_2: Option<::std::string::String>,
    /// The query parameter `request`.
    pub request: Option<::std::string::String>,
    /// The query parameter `api`.
    pub api: Option<::std::string::String>,
    /// The header parameter `input`.
    pub input: Option<::std::string::String>,
    /// The query parameter `principal`.
    pub principal: Option<::std::string::String>,
    /// The request body.
    pub body: Option<super::types::A>,
}

fn handle_settings<A: Api>(api: Arc<A>, mut input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let id = input
            .path::<::std::string::String>("id", srv::Style::Simple, false, Some(21));
        let into_stream_2 = input
            .query::<
                Option<::std::string::String>,
            >("into_stream", srv::Style::Form, true, false, Some(22));
        let request_2 = input
            .query::<
                Option<::std::string::String>,
            >("request", srv::Style::Form, true, false, Some(23));
        let api_2 = input
            .query::<
                Option<::std::string::String>,
            >("api", srv::Style::Form, true, false, Some(24));
        let input_2 = input
            .header::<Option<::std::string::String>>("input", false, false, Some(25));
        let principal_2 = input
            .query::<
                Option<::std::string::String>,
            >("principal", srv::Style::Form, true, false, Some(26));
        let body = match input.body_kind(&["application/json"], false) {
            Ok(Some(_)) => input.json::<super::types::A>(Some(11)).await.map(Some),
            Ok(None) => Some(None),
            Err(()) => None,
        };
        let (
            Some(id),
            Some(into_stream_2),
            Some(request_2),
            Some(api_2),
            Some(input_2),
            Some(principal_2),
            Some(body),
        ) = (id, into_stream_2, request_2, api_2, input_2, principal_2, body) else {
            return api.rejection(input.into_problem())
        };
        let request = Settings2 {
            id,
            into_stream_2,
            request: request_2,
            api: api_2,
            input: input_2,
            principal: principal_2,
            body,
        };
        match input.idempotency(None).await {
            srv::Idempotent::Run => {}
            srv::Idempotent::Replay(response) => return response,
            srv::Idempotent::Refused(problem) => return api.rejection(problem),
        }
        let answer = api.settings(request).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::Settings2Response {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Ok(body) => srv::reply(200u16).json("application/json", &body),
        }
    }
}

impl srv::IntoResponse for super::operations::Settings2Error {
    fn into_response(self) -> srv::Response {
        match self {}
    }
}

/// A request of `problem`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct Problem2 {
    /// The path parameter `id`.
    pub id: ::std::string::String,
    /// The query parameter `into_stream`.
    pub into_stream_2: Option<::std::string::String>,
    /// The query parameter `request`.
    pub request: Option<::std::string::String>,
    /// The query parameter `api`.
    pub api: Option<::std::string::String>,
    /// The header parameter `input`.
    pub input: Option<::std::string::String>,
    /// The query parameter `principal`.
    pub principal: Option<::std::string::String>,
    /// The request body.
    pub body: Option<super::types::A>,
}

fn handle_problem<A: Api>(api: Arc<A>, mut input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let principal = match input
            .authenticate(|credentials| api.authenticate(credentials))
            .await
        {
            Ok(principal) => principal,
            Err(refused) => return api.rejection(refused),
        };
        let id = input
            .path::<::std::string::String>("id", srv::Style::Simple, false, Some(27));
        let into_stream_2 = input
            .query::<
                Option<::std::string::String>,
            >("into_stream", srv::Style::Form, true, false, Some(28));
        let request_2 = input
            .query::<
                Option<::std::string::String>,
            >("request", srv::Style::Form, true, false, Some(29));
        let api_2 = input
            .query::<
                Option<::std::string::String>,
            >("api", srv::Style::Form, true, false, Some(30));
        let input_2 = input
            .header::<Option<::std::string::String>>("input", false, false, Some(31));
        let principal_2 = input
            .query::<
                Option<::std::string::String>,
            >("principal", srv::Style::Form, true, false, Some(32));
        let body = match input.body_kind(&["application/json"], false) {
            Ok(Some(_)) => input.json::<super::types::A>(Some(11)).await.map(Some),
            Ok(None) => Some(None),
            Err(()) => None,
        };
        let (
            Some(id),
            Some(into_stream_2),
            Some(request_2),
            Some(api_2),
            Some(input_2),
            Some(principal_2),
            Some(body),
        ) = (id, into_stream_2, request_2, api_2, input_2, principal_2, body) else {
            return api.rejection(input.into_problem())
        };
        let request = Problem2 {
            id,
            into_stream_2,
            request: request_2,
            api: api_2,
            input: input_2,
            principal: principal_2,
            body,
        };
        match input.idempotency(api.idempotency_scope(&principal)).await {
            srv::Idempotent::Run => {}
            srv::Idempotent::Replay(response) => return response,
            srv::Idempotent::Refused(problem) => return api.rejection(problem),
        }
        let answer = api.problem(request, principal).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::Problem2Response {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Ok(body) => srv::reply(200u16).json("application/json", &body),
        }
    }
}

impl srv::IntoResponse for super::operations::Problem2Error {
    fn into_response(self) -> srv::Response {
        match self {}
    }
}

/// A request of `api`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct Api2 {
    /// The path parameter `id`.
    pub id: ::std::string::String,
    /// The query parameter `into_stream`.
    pub into_stream_2: Option<::std::string::String>,
    /// The query parameter `request`.
    pub request: Option<::std::string::String>,
    /// The query parameter `api`.
    pub api: Option<::std::string::String>,
    /// The header parameter `input`.
    pub input: Option<::std::string::String>,
    /// The query parameter `principal`.
    pub principal: Option<::std::string::String>,
    /// The request body.
    pub body: Option<super::types::A>,
}

fn handle_api<A: Api>(api: Arc<A>, mut input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let id = input
            .path::<::std::string::String>("id", srv::Style::Simple, false, Some(33));
        let into_stream_2 = input
            .query::<
                Option<::std::string::String>,
            >("into_stream", srv::Style::Form, true, false, Some(34));
        let request_2 = input
            .query::<
                Option<::std::string::String>,
            >("request", srv::Style::Form, true, false, Some(35));
        let api_2 = input
            .query::<
                Option<::std::string::String>,
            >("api", srv::Style::Form, true, false, Some(36));
        let input_2 = input
            .header::<Option<::std::string::String>>("input", false, false, Some(37));
        let principal_2 = input
            .query::<
                Option<::std::string::String>,
            >("principal", srv::Style::Form, true, false, Some(38));
        let body = match input.body_kind(&["application/json"], false) {
            Ok(Some(_)) => input.json::<super::types::A>(Some(11)).await.map(Some),
            Ok(None) => Some(None),
            Err(()) => None,
        };
        let (
            Some(id),
            Some(into_stream_2),
            Some(request_2),
            Some(api_2),
            Some(input_2),
            Some(principal_2),
            Some(body),
        ) = (id, into_stream_2, request_2, api_2, input_2, principal_2, body) else {
            return api.rejection(input.into_problem())
        };
        let request = Api2 {
            id,
            into_stream_2,
            request: request_2,
            api: api_2,
            input: input_2,
            principal: principal_2,
            body,
        };
        match input.idempotency(None).await {
            srv::Idempotent::Run => {}
            srv::Idempotent::Replay(response) => return response,
            srv::Idempotent::Refused(problem) => return api.rejection(problem),
        }
        let answer = api.api(request).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::Api2Response {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Ok(body) => srv::reply(200u16).json("application/json", &body),
        }
    }
}

impl srv::IntoResponse for super::operations::Api2Error {
    fn into_response(self) -> srv::Response {
        match self {}
    }
}

/// A request of `future`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct Future2 {
    /// The path parameter `id`.
    pub id: ::std::string::String,
    /// The query parameter `into_stream`.
    pub into_stream_2: Option<::std::string::String>,
    /// The query parameter `request`.
    pub request: Option<::std::string::String>,
    /// The query parameter `api`.
    pub api: Option<::std::string::String>,
    /// The header parameter `input`.
    pub input: Option<::std::string::String>,
    /// The query parameter `principal`.
    pub principal: Option<::std::string::String>,
    /// The request body.
    pub body: Option<super::types::A>,
}

fn handle_future<A: Api>(api: Arc<A>, mut input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let principal = match input
            .authenticate(|credentials| api.authenticate(credentials))
            .await
        {
            Ok(principal) => principal,
            Err(refused) => return api.rejection(refused),
        };
        let id = input
            .path::<::std::string::String>("id", srv::Style::Simple, false, Some(39));
        let into_stream_2 = input
            .query::<
                Option<::std::string::String>,
            >("into_stream", srv::Style::Form, true, false, Some(40));
        let request_2 = input
            .query::<
                Option<::std::string::String>,
            >("request", srv::Style::Form, true, false, Some(41));
        let api_2 = input
            .query::<
                Option<::std::string::String>,
            >("api", srv::Style::Form, true, false, Some(42));
        let input_2 = input
            .header::<Option<::std::string::String>>("input", false, false, Some(43));
        let principal_2 = input
            .query::<
                Option<::std::string::String>,
            >("principal", srv::Style::Form, true, false, Some(44));
        let body = match input.body_kind(&["application/json"], false) {
            Ok(Some(_)) => input.json::<super::types::A>(Some(11)).await.map(Some),
            Ok(None) => Some(None),
            Err(()) => None,
        };
        let (
            Some(id),
            Some(into_stream_2),
            Some(request_2),
            Some(api_2),
            Some(input_2),
            Some(principal_2),
            Some(body),
        ) = (id, into_stream_2, request_2, api_2, input_2, principal_2, body) else {
            return api.rejection(input.into_problem())
        };
        let request = Future2 {
            id,
            into_stream_2,
            request: request_2,
            api: api_2,
            input: input_2,
            principal: principal_2,
            body,
        };
        match input.idempotency(api.idempotency_scope(&principal)).await {
            srv::Idempotent::Run => {}
            srv::Idempotent::Replay(response) => return response,
            srv::Idempotent::Refused(problem) => return api.rejection(problem),
        }
        let answer = api.future(request, principal).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::Future2Response {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Ok(body) => srv::reply(200u16).json("application/json", &body),
        }
    }
}

impl srv::IntoResponse for super::operations::Future2Error {
    fn into_response(self) -> srv::Response {
        match self {}
    }
}

/// A request of `arc`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct Arc2 {
    /// The path parameter `id`.
    pub id: ::std::string::String,
    /// The query parameter `into_stream`.
    pub into_stream_2: Option<::std::string::String>,
    /// The query parameter `request`.
    pub request: Option<::std::string::String>,
    /// The query parameter `api`.
    pub api: Option<::std::string::String>,
    /// The header parameter `input`.
    pub input: Option<::std::string::String>,
    /// The query parameter `principal`.
    pub principal: Option<::std::string::String>,
    /// The request body.
    pub body: Option<super::types::A>,
}

fn handle_arc<A: Api>(api: Arc<A>, mut input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let id = input
            .path::<::std::string::String>("id", srv::Style::Simple, false, Some(45));
        let into_stream_2 = input
            .query::<
                Option<::std::string::String>,
            >("into_stream", srv::Style::Form, true, false, Some(46));
        let request_2 = input
            .query::<
                Option<::std::string::String>,
            >("request", srv::Style::Form, true, false, Some(47));
        let api_2 = input
            .query::<
                Option<::std::string::String>,
            >("api", srv::Style::Form, true, false, Some(48));
        let input_2 = input
            .header::<Option<::std::string::String>>("input", false, false, Some(49));
        let principal_2 = input
            .query::<
                Option<::std::string::String>,
            >("principal", srv::Style::Form, true, false, Some(50));
        let body = match input.body_kind(&["application/json"], false) {
            Ok(Some(_)) => input.json::<super::types::A>(Some(11)).await.map(Some),
            Ok(None) => Some(None),
            Err(()) => None,
        };
        let (
            Some(id),
            Some(into_stream_2),
            Some(request_2),
            Some(api_2),
            Some(input_2),
            Some(principal_2),
            Some(body),
        ) = (id, into_stream_2, request_2, api_2, input_2, principal_2, body) else {
            return api.rejection(input.into_problem())
        };
        let request = Arc2 {
            id,
            into_stream_2,
            request: request_2,
            api: api_2,
            input: input_2,
            principal: principal_2,
            body,
        };
        match input.idempotency(None).await {
            srv::Idempotent::Run => {}
            srv::Idempotent::Replay(response) => return response,
            srv::Idempotent::Refused(problem) => return api.rejection(problem),
        }
        let answer = api.arc(request).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::Arc2Response {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Ok(body) => srv::reply(200u16).json("application/json", &body),
        }
    }
}

impl srv::IntoResponse for super::operations::Arc2Error {
    fn into_response(self) -> srv::Response {
        match self {}
    }
}

/// A request of `unimplemented`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct Unimplemented2 {
    /// The path parameter `id`.
    pub id: ::std::string::String,
    /// The query parameter `into_stream`.
    pub into_stream_2: Option<::std::string::String>,
    /// The query parameter `request`.
    pub request: Option<::std::string::String>,
    /// The query parameter `api`.
    pub api: Option<::std::string::String>,
    /// The header parameter `input`.
    pub input: Option<::std::string::String>,
    /// The query parameter `principal`.
    pub principal: Option<::std::string::String>,
    /// The request body.
    pub body: Option<super::types::A>,
}

fn handle_unimplemented<A: Api>(api: Arc<A>, mut input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let principal = match input
            .authenticate(|credentials| api.authenticate(credentials))
            .await
        {
            Ok(principal) => principal,
            Err(refused) => return api.rejection(refused),
        };
        let id = input
            .path::<::std::string::String>("id", srv::Style::Simple, false, Some(51));
        let into_stream_2 = input
            .query::<
                Option<::std::string::String>,
            >("into_stream", srv::Style::Form, true, false, Some(52));
        let request_2 = input
            .query::<
                Option<::std::string::String>,
            >("request", srv::Style::Form, true, false, Some(53));
        let api_2 = input
            .query::<
                Option<::std::string::String>,
            >("api", srv::Style::Form, true, false, Some(54));
        let input_2 = input
            .header::<Option<::std::string::String>>("input", false, false, Some(55));
        let principal_2 = input
            .query::<
                Option<::std::string::String>,
            >("principal", srv::Style::Form, true, false, Some(56));
        let body = match input.body_kind(&["application/json"], false) {
            Ok(Some(_)) => input.json::<super::types::A>(Some(11)).await.map(Some),
            Ok(None) => Some(None),
            Err(()) => None,
        };
        let (
            Some(id),
            Some(into_stream_2),
            Some(request_2),
            Some(api_2),
            Some(input_2),
            Some(principal_2),
            Some(body),
        ) = (id, into_stream_2, request_2, api_2, input_2, principal_2, body) else {
            return api.rejection(input.into_problem())
        };
        let request = Unimplemented2 {
            id,
            into_stream_2,
            request: request_2,
            api: api_2,
            input: input_2,
            principal: principal_2,
            body,
        };
        match input.idempotency(api.idempotency_scope(&principal)).await {
            srv::Idempotent::Run => {}
            srv::Idempotent::Replay(response) => return response,
            srv::Idempotent::Refused(problem) => return api.rejection(problem),
        }
        let answer = api.unimplemented(request, principal).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::Unimplemented2Response {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Ok(body) => srv::reply(200u16).json("application/json", &body),
        }
    }
}

impl srv::IntoResponse for super::operations::Unimplemented2Error {
    fn into_response(self) -> srv::Response {
        match self {}
    }
}

/// A request of `violation`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct Violation2 {
    /// The path parameter `id`.
    pub id: ::std::string::String,
    /// The query parameter `into_stream`.
    pub into_stream_2: Option<::std::string::String>,
    /// The query parameter `request`.
    pub request: Option<::std::string::String>,
    /// The query parameter `api`.
    pub api: Option<::std::string::String>,
    /// The header parameter `input`.
    pub input: Option<::std::string::String>,
    /// The query parameter `principal`.
    pub principal: Option<::std::string::String>,
    /// The request body.
    pub body: Option<super::types::A>,
}

fn handle_violation<A: Api>(api: Arc<A>, mut input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let id = input
            .path::<::std::string::String>("id", srv::Style::Simple, false, Some(57));
        let into_stream_2 = input
            .query::<
                Option<::std::string::String>,
            >("into_stream", srv::Style::Form, true, false, Some(58));
        let request_2 = input
            .query::<
                Option<::std::string::String>,
            >("request", srv::Style::Form, true, false, Some(59));
        let api_2 = input
            .query::<
                Option<::std::string::String>,
            >("api", srv::Style::Form, true, false, Some(60));
        let input_2 = input
            .header::<Option<::std::string::String>>("input", false, false, Some(61));
        let principal_2 = input
            .query::<
                Option<::std::string::String>,
            >("principal", srv::Style::Form, true, false, Some(62));
        let body = match input.body_kind(&["application/json"], false) {
            Ok(Some(_)) => input.json::<super::types::A>(Some(11)).await.map(Some),
            Ok(None) => Some(None),
            Err(()) => None,
        };
        let (
            Some(id),
            Some(into_stream_2),
            Some(request_2),
            Some(api_2),
            Some(input_2),
            Some(principal_2),
            Some(body),
        ) = (id, into_stream_2, request_2, api_2, input_2, principal_2, body) else {
            return api.rejection(input.into_problem())
        };
        let request = Violation2 {
            id,
            into_stream_2,
            request: request_2,
            api: api_2,
            input: input_2,
            principal: principal_2,
            body,
        };
        match input.idempotency(None).await {
            srv::Idempotent::Run => {}
            srv::Idempotent::Replay(response) => return response,
            srv::Idempotent::Refused(problem) => return api.rejection(problem),
        }
        let answer = api.violation(request).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::Violation2Response {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Ok(body) => srv::reply(200u16).json("application/json", &body),
        }
    }
}

impl srv::IntoResponse for super::operations::Violation2Error {
    fn into_response(self) -> srv::Response {
        match self {}
    }
}

/// A request of `status_code`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct StatusCode2 {
    /// The path parameter `id`.
    pub id: ::std::string::String,
    /// The query parameter `into_stream`.
    pub into_stream_2: Option<::std::string::String>,
    /// The query parameter `request`.
    pub request: Option<::std::string::String>,
    /// The query parameter `api`.
    pub api: Option<::std::string::String>,
    /// The header parameter `input`.
    pub input: Option<::std::string::String>,
    /// The query parameter `principal`.
    pub principal: Option<::std::string::String>,
    /// The request body.
    pub body: Option<super::types::A>,
}

fn handle_status_code<A: Api>(api: Arc<A>, mut input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let principal = match input
            .authenticate(|credentials| api.authenticate(credentials))
            .await
        {
            Ok(principal) => principal,
            Err(refused) => return api.rejection(refused),
        };
        let id = input
            .path::<::std::string::String>("id", srv::Style::Simple, false, Some(63));
        let into_stream_2 = input
            .query::<
                Option<::std::string::String>,
            >("into_stream", srv::Style::Form, true, false, Some(64));
        let request_2 = input
            .query::<
                Option<::std::string::String>,
            >("request", srv::Style::Form, true, false, Some(65));
        let api_2 = input
            .query::<
                Option<::std::string::String>,
            >("api", srv::Style::Form, true, false, Some(66));
        let input_2 = input
            .header::<Option<::std::string::String>>("input", false, false, Some(67));
        let principal_2 = input
            .query::<
                Option<::std::string::String>,
            >("principal", srv::Style::Form, true, false, Some(68));
        let body = match input.body_kind(&["application/json"], false) {
            Ok(Some(_)) => input.json::<super::types::A>(Some(11)).await.map(Some),
            Ok(None) => Some(None),
            Err(()) => None,
        };
        let (
            Some(id),
            Some(into_stream_2),
            Some(request_2),
            Some(api_2),
            Some(input_2),
            Some(principal_2),
            Some(body),
        ) = (id, into_stream_2, request_2, api_2, input_2, principal_2, body) else {
            return api.rejection(input.into_problem())
        };
        let request = StatusCode2 {
            id,
            into_stream_2,
            request: request_2,
            api: api_2,
            input: input_2,
            principal: principal_2,
            body,
        };
        match input.idempotency(api.idempotency_scope(&principal)).await {
            srv::Idempotent::Run => {}
            srv::Idempotent::Replay(response) => return response,
            srv::Idempotent::Refused(problem) => return api.rejection(problem),
        }
        let answer = api.status_code(request, principal).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::StatusCode2Response {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Ok(body) => srv::reply(200u16).json("application/json", &body),
        }
    }
}

impl srv::IntoResponse for super::operations::StatusCode2Error {
    fn into_response(self) -> srv::Response {
        match self {}
    }
}

/// A request of `router`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct Router {
    /// The path parameter `id`.
    pub id: ::std::string::String,
    /// The query parameter `into_stream`.
    pub into_stream_2: Option<::std::string::String>,
    /// The query parameter `request`.
    pub request: Option<::std::string::String>,
    /// The query parameter `api`.
    pub api: Option<::std::string::String>,
    /// The header parameter `input`.
    pub input: Option<::std::string::String>,
    /// The query parameter `principal`.
    pub principal: Option<::std::string::String>,
    /// The request body.
    pub body: Option<super::types::A>,
}

fn handle_router<A: Api>(api: Arc<A>, mut input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let id = input
            .path::<::std::string::String>("id", srv::Style::Simple, false, Some(69));
        let into_stream_2 = input
            .query::<
                Option<::std::string::String>,
            >("into_stream", srv::Style::Form, true, false, Some(70));
        let request_2 = input
            .query::<
                Option<::std::string::String>,
            >("request", srv::Style::Form, true, false, Some(71));
        let api_2 = input
            .query::<
                Option<::std::string::String>,
            >("api", srv::Style::Form, true, false, Some(72));
        let input_2 = input
            .header::<Option<::std::string::String>>("input", false, false, Some(73));
        let principal_2 = input
            .query::<
                Option<::std::string::String>,
            >("principal", srv::Style::Form, true, false, Some(74));
        let body = match input.body_kind(&["application/json"], false) {
            Ok(Some(_)) => input.json::<super::types::A>(Some(11)).await.map(Some),
            Ok(None) => Some(None),
            Err(()) => None,
        };
        let (
            Some(id),
            Some(into_stream_2),
            Some(request_2),
            Some(api_2),
            Some(input_2),
            Some(principal_2),
            Some(body),
        ) = (id, into_stream_2, request_2, api_2, input_2, principal_2, body) else {
            return api.rejection(input.into_problem())
        };
        let request = Router {
            id,
            into_stream_2,
            request: request_2,
            api: api_2,
            input: input_2,
            principal: principal_2,
            body,
        };
        match input.idempotency(None).await {
            srv::Idempotent::Run => {}
            srv::Idempotent::Replay(response) => return response,
            srv::Idempotent::Refused(problem) => return api.rejection(problem),
        }
        let answer = api.router(request).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::RouterResponse {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Ok(body) => srv::reply(200u16).json("application/json", &body),
        }
    }
}

impl srv::IntoResponse for super::operations::RouterError {
    fn into_response(self) -> srv::Response {
        match self {}
    }
}

/// A request of `router_with`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct RouterWith {
    /// The path parameter `id`.
    pub id: ::std::string::String,
    /// The query parameter `into_stream`.
    pub into_stream_2: Option<::std::string::String>,
    /// The query parameter `request`.
    pub request: Option<::std::string::String>,
    /// The query parameter `api`.
    pub api: Option<::std::string::String>,
    /// The header parameter `input`.
    pub input: Option<::std::string::String>,
    /// The query parameter `principal`.
    pub principal: Option<::std::string::String>,
    /// The request body.
    pub body: Option<super::types::A>,
}

fn handle_router_with<A: Api>(api: Arc<A>, mut input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let principal = match input
            .authenticate(|credentials| api.authenticate(credentials))
            .await
        {
            Ok(principal) => principal,
            Err(refused) => return api.rejection(refused),
        };
        let id = input
            .path::<::std::string::String>("id", srv::Style::Simple, false, Some(75));
        let into_stream_2 = input
            .query::<
                Option<::std::string::String>,
            >("into_stream", srv::Style::Form, true, false, Some(76));
        let request_2 = input
            .query::<
                Option<::std::string::String>,
            >("request", srv::Style::Form, true, false, Some(77));
        let api_2 = input
            .query::<
                Option<::std::string::String>,
            >("api", srv::Style::Form, true, false, Some(78));
        let input_2 = input
            .header::<Option<::std::string::String>>("input", false, false, Some(79));
        let principal_2 = input
            .query::<
                Option<::std::string::String>,
            >("principal", srv::Style::Form, true, false, Some(80));
        let body = match input.body_kind(&["application/json"], false) {
            Ok(Some(_)) => input.json::<super::types::A>(Some(11)).await.map(Some),
            Ok(None) => Some(None),
            Err(()) => None,
        };
        let (
            Some(id),
            Some(into_stream_2),
            Some(request_2),
            Some(api_2),
            Some(input_2),
            Some(principal_2),
            Some(body),
        ) = (id, into_stream_2, request_2, api_2, input_2, principal_2, body) else {
            return api.rejection(input.into_problem())
        };
        let request = RouterWith {
            id,
            into_stream_2,
            request: request_2,
            api: api_2,
            input: input_2,
            principal: principal_2,
            body,
        };
        match input.idempotency(api.idempotency_scope(&principal)).await {
            srv::Idempotent::Run => {}
            srv::Idempotent::Replay(response) => return response,
            srv::Idempotent::Refused(problem) => return api.rejection(problem),
        }
        let answer = api.router_with(request, principal).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::RouterWithResponse {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Ok(body) => srv::reply(200u16).json("application/json", &body),
        }
    }
}

impl srv::IntoResponse for super::operations::RouterWithError {
    fn into_response(self) -> srv::Response {
        match self {}
    }
}

/// A request of `input`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct Input {
    /// The path parameter `id`.
    pub id: ::std::string::String,
    /// The query parameter `into_stream`.
    pub into_stream_2: Option<::std::string::String>,
    /// The query parameter `request`.
    pub request: Option<::std::string::String>,
    /// The query parameter `api`.
    pub api: Option<::std::string::String>,
    /// The header parameter `input`.
    pub input: Option<::std::string::String>,
    /// The query parameter `principal`.
    pub principal: Option<::std::string::String>,
    /// The request body.
    pub body: Option<super::types::A>,
}

fn handle_input<A: Api>(api: Arc<A>, mut input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let id = input
            .path::<::std::string::String>("id", srv::Style::Simple, false, Some(81));
        let into_stream_2 = input
            .query::<
                Option<::std::string::String>,
            >("into_stream", srv::Style::Form, true, false, Some(82));
        let request_2 = input
            .query::<
                Option<::std::string::String>,
            >("request", srv::Style::Form, true, false, Some(83));
        let api_2 = input
            .query::<
                Option<::std::string::String>,
            >("api", srv::Style::Form, true, false, Some(84));
        let input_2 = input
            .header::<Option<::std::string::String>>("input", false, false, Some(85));
        let principal_2 = input
            .query::<
                Option<::std::string::String>,
            >("principal", srv::Style::Form, true, false, Some(86));
        let body = match input.body_kind(&["application/json"], false) {
            Ok(Some(_)) => input.json::<super::types::A>(Some(11)).await.map(Some),
            Ok(None) => Some(None),
            Err(()) => None,
        };
        let (
            Some(id),
            Some(into_stream_2),
            Some(request_2),
            Some(api_2),
            Some(input_2),
            Some(principal_2),
            Some(body),
        ) = (id, into_stream_2, request_2, api_2, input_2, principal_2, body) else {
            return api.rejection(input.into_problem())
        };
        let request = Input {
            id,
            into_stream_2,
            request: request_2,
            api: api_2,
            input: input_2,
            principal: principal_2,
            body,
        };
        match input.idempotency(None).await {
            srv::Idempotent::Run => {}
            srv::Idempotent::Replay(response) => return response,
            srv::Idempotent::Refused(problem) => return api.rejection(problem),
        }
        let answer = api.input(request).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::InputResponse {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Ok(body) => srv::reply(200u16).json("application/json", &body),
        }
    }
}

impl srv::IntoResponse for super::operations::InputError {
    fn into_response(self) -> srv::Response {
        match self {}
    }
}

/// A request of `request`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct Request {
    /// The path parameter `id`.
    pub id: ::std::string::String,
    /// The query parameter `into_stream`.
    pub into_stream_2: Option<::std::string::String>,
    /// The query parameter `request`.
    pub request: Option<::std::string::String>,
    /// The query parameter `api`.
    pub api: Option<::std::string::String>,
    /// The header parameter `input`.
    pub input: Option<::std::string::String>,
    /// The query parameter `principal`.
    pub principal: Option<::std::string::String>,
    /// The request body.
    pub body: Option<super::types::A>,
}

fn handle_request<A: Api>(api: Arc<A>, mut input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let principal = match input
            .authenticate(|credentials| api.authenticate(credentials))
            .await
        {
            Ok(principal) => principal,
            Err(refused) => return api.rejection(refused),
        };
        let id = input
            .path::<::std::string::String>("id", srv::Style::Simple, false, Some(87));
        let into_stream_2 = input
            .query::<
                Option<::std::string::String>,
            >("into_stream", srv::Style::Form, true, false, Some(88));
        let request_2 = input
            .query::<
                Option<::std::string::String>,
            >("request", srv::Style::Form, true, false, Some(89));
        let api_2 = input
            .query::<
                Option<::std::string::String>,
            >("api", srv::Style::Form, true, false, Some(90));
        let input_2 = input
            .header::<Option<::std::string::String>>("input", false, false, Some(91));
        let principal_2 = input
            .query::<
                Option<::std::string::String>,
            >("principal", srv::Style::Form, true, false, Some(92));
        let body = match input.body_kind(&["application/json"], false) {
            Ok(Some(_)) => input.json::<super::types::A>(Some(11)).await.map(Some),
            Ok(None) => Some(None),
            Err(()) => None,
        };
        let (
            Some(id),
            Some(into_stream_2),
            Some(request_2),
            Some(api_2),
            Some(input_2),
            Some(principal_2),
            Some(body),
        ) = (id, into_stream_2, request_2, api_2, input_2, principal_2, body) else {
            return api.rejection(input.into_problem())
        };
        let request = Request {
            id,
            into_stream_2,
            request: request_2,
            api: api_2,
            input: input_2,
            principal: principal_2,
            body,
        };
        match input.idempotency(api.idempotency_scope(&principal)).await {
            srv::Idempotent::Run => {}
            srv::Idempotent::Replay(response) => return response,
            srv::Idempotent::Refused(problem) => return api.rejection(problem),
        }
        let answer = api.request(request, principal).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::RequestResponse {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Ok(body) => srv::reply(200u16).json("application/json", &body),
        }
    }
}

impl srv::IntoResponse for super::operations::RequestError {
    fn into_response(self) -> srv::Response {
        match self {}
    }
}

/// A request of `principal`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct Principal {
    /// The path parameter `id`.
    pub id: ::std::string::String,
    /// The query parameter `into_stream`.
    pub into_stream_2: Option<::std::string::String>,
    /// The query parameter `request`.
    pub request: Option<::std::string::String>,
    /// The query parameter `api`.
    pub api: Option<::std::string::String>,
    /// The header parameter `input`.
    pub input: Option<::std::string::String>,
    /// The query parameter `principal`.
    pub principal: Option<::std::string::String>,
    /// The request body.
    pub body: Option<super::types::A>,
}

fn handle_principal<A: Api>(api: Arc<A>, mut input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let id = input
            .path::<::std::string::String>("id", srv::Style::Simple, false, Some(93));
        let into_stream_2 = input
            .query::<
                Option<::std::string::String>,
            >("into_stream", srv::Style::Form, true, false, Some(94));
        let request_2 = input
            .query::<
                Option<::std::string::String>,
            >("request", srv::Style::Form, true, false, Some(95));
        let api_2 = input
            .query::<
                Option<::std::string::String>,
            >("api", srv::Style::Form, true, false, Some(96));
        let input_2 = input
            .header::<Option<::std::string::String>>("input", false, false, Some(97));
        let principal_2 = input
            .query::<
                Option<::std::string::String>,
            >("principal", srv::Style::Form, true, false, Some(98));
        let body = match input.body_kind(&["application/json"], false) {
            Ok(Some(_)) => input.json::<super::types::A>(Some(11)).await.map(Some),
            Ok(None) => Some(None),
            Err(()) => None,
        };
        let (
            Some(id),
            Some(into_stream_2),
            Some(request_2),
            Some(api_2),
            Some(input_2),
            Some(principal_2),
            Some(body),
        ) = (id, into_stream_2, request_2, api_2, input_2, principal_2, body) else {
            return api.rejection(input.into_problem())
        };
        let request = Principal {
            id,
            into_stream_2,
            request: request_2,
            api: api_2,
            input: input_2,
            principal: principal_2,
            body,
        };
        match input.idempotency(None).await {
            srv::Idempotent::Run => {}
            srv::Idempotent::Replay(response) => return response,
            srv::Idempotent::Refused(problem) => return api.rejection(problem),
        }
        let answer = api.principal(request).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::PrincipalResponse {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Ok(body) => srv::reply(200u16).json("application/json", &body),
        }
    }
}

impl srv::IntoResponse for super::operations::PrincipalError {
    fn into_response(self) -> srv::Response {
        match self {}
    }
}

/// A request of `response`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct Response2 {
    /// The path parameter `id`.
    pub id: ::std::string::String,
    /// The query parameter `into_stream`.
    pub into_stream_2: Option<::std::string::String>,
    /// The query parameter `request`.
    pub request: Option<::std::string::String>,
    /// The query parameter `api`.
    pub api: Option<::std::string::String>,
    /// The header parameter `input`.
    pub input: Option<::std::string::String>,
    /// The query parameter `principal`.
    pub principal: Option<::std::string::String>,
    /// The request body.
    pub body: Option<super::types::A>,
}

fn handle_response<A: Api>(api: Arc<A>, mut input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let principal = match input
            .authenticate(|credentials| api.authenticate(credentials))
            .await
        {
            Ok(principal) => principal,
            Err(refused) => return api.rejection(refused),
        };
        let id = input
            .path::<::std::string::String>("id", srv::Style::Simple, false, Some(99));
        let into_stream_2 = input
            .query::<
                Option<::std::string::String>,
            >("into_stream", srv::Style::Form, true, false, Some(100));
        let request_2 = input
            .query::<
                Option<::std::string::String>,
            >("request", srv::Style::Form, true, false, Some(101));
        let api_2 = input
            .query::<
                Option<::std::string::String>,
            >("api", srv::Style::Form, true, false, Some(102));
        let input_2 = input
            .header::<Option<::std::string::String>>("input", false, false, Some(103));
        let principal_2 = input
            .query::<
                Option<::std::string::String>,
            >("principal", srv::Style::Form, true, false, Some(104));
        let body = match input.body_kind(&["application/json"], false) {
            Ok(Some(_)) => input.json::<super::types::A>(Some(11)).await.map(Some),
            Ok(None) => Some(None),
            Err(()) => None,
        };
        let (
            Some(id),
            Some(into_stream_2),
            Some(request_2),
            Some(api_2),
            Some(input_2),
            Some(principal_2),
            Some(body),
        ) = (id, into_stream_2, request_2, api_2, input_2, principal_2, body) else {
            return api.rejection(input.into_problem())
        };
        let request = Response2 {
            id,
            into_stream_2,
            request: request_2,
            api: api_2,
            input: input_2,
            principal: principal_2,
            body,
        };
        match input.idempotency(api.idempotency_scope(&principal)).await {
            srv::Idempotent::Run => {}
            srv::Idempotent::Replay(response) => return response,
            srv::Idempotent::Refused(problem) => return api.rejection(problem),
        }
        let answer = api.response(request, principal).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::Response2Response {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Ok(body) => srv::reply(200u16).json("application/json", &body),
        }
    }
}

impl srv::IntoResponse for super::operations::Response2Error {
    fn into_response(self) -> srv::Response {
        match self {}
    }
}

/// A request of `into_response`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct IntoResponse2 {
    /// The path parameter `id`.
    pub id: ::std::string::String,
    /// The query parameter `into_stream`.
    pub into_stream_2: Option<::std::string::String>,
    /// The query parameter `request`.
    pub request: Option<::std::string::String>,
    /// The query parameter `api`.
    pub api: Option<::std::string::String>,
    /// The header parameter `input`.
    pub input: Option<::std::string::String>,
    /// The query parameter `principal`.
    pub principal: Option<::std::string::String>,
    /// The request body.
    pub body: Option<super::types::A>,
}

fn handle_into_response<A: Api>(api: Arc<A>, mut input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let id = input
            .path::<::std::string::String>("id", srv::Style::Simple, false, Some(105));
        let into_stream_2 = input
            .query::<
                Option<::std::string::String>,
            >("into_stream", srv::Style::Form, true, false, Some(106));
        let request_2 = input
            .query::<
                Option<::std::string::String>,
            >("request", srv::Style::Form, true, false, Some(107));
        let api_2 = input
            .query::<
                Option<::std::string::String>,
            >("api", srv::Style::Form, true, false, Some(108));
        let input_2 = input
            .header::<Option<::std::string::String>>("input", false, false, Some(109));
        let principal_2 = input
            .query::<
                Option<::std::string::String>,
            >("principal", srv::Style::Form, true, false, Some(110));
        let body = match input.body_kind(&["application/json"], false) {
            Ok(Some(_)) => input.json::<super::types::A>(Some(11)).await.map(Some),
            Ok(None) => Some(None),
            Err(()) => None,
        };
        let (
            Some(id),
            Some(into_stream_2),
            Some(request_2),
            Some(api_2),
            Some(input_2),
            Some(principal_2),
            Some(body),
        ) = (id, into_stream_2, request_2, api_2, input_2, principal_2, body) else {
            return api.rejection(input.into_problem())
        };
        let request = IntoResponse2 {
            id,
            into_stream_2,
            request: request_2,
            api: api_2,
            input: input_2,
            principal: principal_2,
            body,
        };
        match input.idempotency(None).await {
            srv::Idempotent::Run => {}
            srv::Idempotent::Replay(response) => return response,
            srv::Idempotent::Refused(problem) => return api.rejection(problem),
        }
        let answer = api.into_response(request).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::IntoResponse2Response {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Ok(body) => srv::reply(200u16).json("application/json", &body),
        }
    }
}

impl srv::IntoResponse for super::operations::IntoResponse2Error {
    fn into_response(self) -> srv::Response {
        match self {}
    }
}

/// A request of `respond`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct Respond {
    /// The path parameter `id`.
    pub id: ::std::string::String,
    /// The query parameter `into_stream`.
    pub into_stream_2: Option<::std::string::String>,
    /// The query parameter `request`.
    pub request: Option<::std::string::String>,
    /// The query parameter `api`.
    pub api: Option<::std::string::String>,
    /// The header parameter `input`.
    pub input: Option<::std::string::String>,
    /// The query parameter `principal`.
    pub principal: Option<::std::string::String>,
    /// The request body.
    pub body: Option<super::types::A>,
}

fn handle_respond<A: Api>(api: Arc<A>, mut input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let principal = match input
            .authenticate(|credentials| api.authenticate(credentials))
            .await
        {
            Ok(principal) => principal,
            Err(refused) => return api.rejection(refused),
        };
        let id = input
            .path::<::std::string::String>("id", srv::Style::Simple, false, Some(111));
        let into_stream_2 = input
            .query::<
                Option<::std::string::String>,
            >("into_stream", srv::Style::Form, true, false, Some(112));
        let request_2 = input
            .query::<
                Option<::std::string::String>,
            >("request", srv::Style::Form, true, false, Some(113));
        let api_2 = input
            .query::<
                Option<::std::string::String>,
            >("api", srv::Style::Form, true, false, Some(114));
        let input_2 = input
            .header::<Option<::std::string::String>>("input", false, false, Some(115));
        let principal_2 = input
            .query::<
                Option<::std::string::String>,
            >("principal", srv::Style::Form, true, false, Some(116));
        let body = match input.body_kind(&["application/json"], false) {
            Ok(Some(_)) => input.json::<super::types::A>(Some(11)).await.map(Some),
            Ok(None) => Some(None),
            Err(()) => None,
        };
        let (
            Some(id),
            Some(into_stream_2),
            Some(request_2),
            Some(api_2),
            Some(input_2),
            Some(principal_2),
            Some(body),
        ) = (id, into_stream_2, request_2, api_2, input_2, principal_2, body) else {
            return api.rejection(input.into_problem())
        };
        let request = Respond {
            id,
            into_stream_2,
            request: request_2,
            api: api_2,
            input: input_2,
            principal: principal_2,
            body,
        };
        match input.idempotency(api.idempotency_scope(&principal)).await {
            srv::Idempotent::Run => {}
            srv::Idempotent::Replay(response) => return response,
            srv::Idempotent::Refused(problem) => return api.rejection(problem),
        }
        let answer = api.respond(request, principal).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::RespondResponse {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Ok(body) => srv::reply(200u16).json("application/json", &body),
        }
    }
}

impl srv::IntoResponse for super::operations::RespondError {
    fn into_response(self) -> srv::Response {
        match self {}
    }
}

/// A request of `srv`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct Srv {
    /// The path parameter `id`.
    pub id: ::std::string::String,
    /// The query parameter `into_stream`.
    pub into_stream_2: Option<::std::string::String>,
    /// The query parameter `request`.
    pub request: Option<::std::string::String>,
    /// The query parameter `api`.
    pub api: Option<::std::string::String>,
    /// The header parameter `input`.
    pub input: Option<::std::string::String>,
    /// The query parameter `principal`.
    pub principal: Option<::std::string::String>,
    /// The request body.
    pub body: Option<super::types::A>,
}

fn handle_srv<A: Api>(api: Arc<A>, mut input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let id = input
            .path::<::std::string::String>("id", srv::Style::Simple, false, Some(117));
        let into_stream_2 = input
            .query::<
                Option<::std::string::String>,
            >("into_stream", srv::Style::Form, true, false, Some(118));
        let request_2 = input
            .query::<
                Option<::std::string::String>,
            >("request", srv::Style::Form, true, false, Some(119));
        let api_2 = input
            .query::<
                Option<::std::string::String>,
            >("api", srv::Style::Form, true, false, Some(120));
        let input_2 = input
            .header::<Option<::std::string::String>>("input", false, false, Some(121));
        let principal_2 = input
            .query::<
                Option<::std::string::String>,
            >("principal", srv::Style::Form, true, false, Some(122));
        let body = match input.body_kind(&["application/json"], false) {
            Ok(Some(_)) => input.json::<super::types::A>(Some(11)).await.map(Some),
            Ok(None) => Some(None),
            Err(()) => None,
        };
        let (
            Some(id),
            Some(into_stream_2),
            Some(request_2),
            Some(api_2),
            Some(input_2),
            Some(principal_2),
            Some(body),
        ) = (id, into_stream_2, request_2, api_2, input_2, principal_2, body) else {
            return api.rejection(input.into_problem())
        };
        let request = Srv {
            id,
            into_stream_2,
            request: request_2,
            api: api_2,
            input: input_2,
            principal: principal_2,
            body,
        };
        match input.idempotency(None).await {
            srv::Idempotent::Run => {}
            srv::Idempotent::Replay(response) => return response,
            srv::Idempotent::Refused(problem) => return api.rejection(problem),
        }
        let answer = api.srv(request).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::SrvResponse {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Ok(body) => srv::reply(200u16).json("application/json", &body),
        }
    }
}

impl srv::IntoResponse for super::operations::SrvError {
    fn into_response(self) -> srv::Response {
        match self {}
    }
}

/// A request of `rt`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct Rt {
    /// The path parameter `id`.
    pub id: ::std::string::String,
    /// The query parameter `into_stream`.
    pub into_stream_2: Option<::std::string::String>,
    /// The query parameter `request`.
    pub request: Option<::std::string::String>,
    /// The query parameter `api`.
    pub api: Option<::std::string::String>,
    /// The header parameter `input`.
    pub input: Option<::std::string::String>,
    /// The query parameter `principal`.
    pub principal: Option<::std::string::String>,
    /// The request body.
    pub body: Option<super::types::A>,
}

fn handle_rt<A: Api>(api: Arc<A>, mut input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let principal = match input
            .authenticate(|credentials| api.authenticate(credentials))
            .await
        {
            Ok(principal) => principal,
            Err(refused) => return api.rejection(refused),
        };
        let id = input
            .path::<::std::string::String>("id", srv::Style::Simple, false, Some(123));
        let into_stream_2 = input
            .query::<
                Option<::std::string::String>,
            >("into_stream", srv::Style::Form, true, false, Some(124));
        let request_2 = input
            .query::<
                Option<::std::string::String>,
            >("request", srv::Style::Form, true, false, Some(125));
        let api_2 = input
            .query::<
                Option<::std::string::String>,
            >("api", srv::Style::Form, true, false, Some(126));
        let input_2 = input
            .header::<Option<::std::string::String>>("input", false, false, Some(127));
        let principal_2 = input
            .query::<
                Option<::std::string::String>,
            >("principal", srv::Style::Form, true, false, Some(128));
        let body = match input.body_kind(&["application/json"], false) {
            Ok(Some(_)) => input.json::<super::types::A>(Some(11)).await.map(Some),
            Ok(None) => Some(None),
            Err(()) => None,
        };
        let (
            Some(id),
            Some(into_stream_2),
            Some(request_2),
            Some(api_2),
            Some(input_2),
            Some(principal_2),
            Some(body),
        ) = (id, into_stream_2, request_2, api_2, input_2, principal_2, body) else {
            return api.rejection(input.into_problem())
        };
        let request = Rt {
            id,
            into_stream_2,
            request: request_2,
            api: api_2,
            input: input_2,
            principal: principal_2,
            body,
        };
        match input.idempotency(api.idempotency_scope(&principal)).await {
            srv::Idempotent::Run => {}
            srv::Idempotent::Replay(response) => return response,
            srv::Idempotent::Refused(problem) => return api.rejection(problem),
        }
        let answer = api.rt(request, principal).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::RtResponse {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Ok(body) => srv::reply(200u16).json("application/json", &body),
        }
    }
}

impl srv::IntoResponse for super::operations::RtError {
    fn into_response(self) -> srv::Response {
        match self {}
    }
}

/// A request of `client`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct Client2 {
    /// The path parameter `id`.
    pub id: ::std::string::String,
    /// The query parameter `into_stream`.
    pub into_stream_2: Option<::std::string::String>,
    /// The query parameter `request`.
    pub request: Option<::std::string::String>,
    /// The query parameter `api`.
    pub api: Option<::std::string::String>,
    /// The header parameter `input`.
    pub input: Option<::std::string::String>,
    /// The query parameter `principal`.
    pub principal: Option<::std::string::String>,
    /// The request body.
    pub body: Option<super::types::A>,
}

fn handle_client<A: Api>(api: Arc<A>, mut input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let id = input
            .path::<::std::string::String>("id", srv::Style::Simple, false, Some(129));
        let into_stream_2 = input
            .query::<
                Option<::std::string::String>,
            >("into_stream", srv::Style::Form, true, false, Some(130));
        let request_2 = input
            .query::<
                Option<::std::string::String>,
            >("request", srv::Style::Form, true, false, Some(131));
        let api_2 = input
            .query::<
                Option<::std::string::String>,
            >("api", srv::Style::Form, true, false, Some(132));
        let input_2 = input
            .header::<Option<::std::string::String>>("input", false, false, Some(133));
        let principal_2 = input
            .query::<
                Option<::std::string::String>,
            >("principal", srv::Style::Form, true, false, Some(134));
        let body = match input.body_kind(&["application/json"], false) {
            Ok(Some(_)) => input.json::<super::types::A>(Some(11)).await.map(Some),
            Ok(None) => Some(None),
            Err(()) => None,
        };
        let (
            Some(id),
            Some(into_stream_2),
            Some(request_2),
            Some(api_2),
            Some(input_2),
            Some(principal_2),
            Some(body),
        ) = (id, into_stream_2, request_2, api_2, input_2, principal_2, body) else {
            return api.rejection(input.into_problem())
        };
        let request = Client2 {
            id,
            into_stream_2,
            request: request_2,
            api: api_2,
            input: input_2,
            principal: principal_2,
            body,
        };
        match input.idempotency(None).await {
            srv::Idempotent::Run => {}
            srv::Idempotent::Replay(response) => return response,
            srv::Idempotent::Refused(problem) => return api.rejection(problem),
        }
        let answer = api.client(request).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::Client2Response {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Ok(body) => srv::reply(200u16).json("application/json", &body),
        }
    }
}

impl srv::IntoResponse for super::operations::Client2Error {
    fn into_response(self) -> srv::Response {
        match self {}
    }
}

/// A request of `new`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct New {
    /// The path parameter `id`.
    pub id: ::std::string::String,
    /// The query parameter `into_stream`.
    pub into_stream_2: Option<::std::string::String>,
    /// The query parameter `request`.
    pub request: Option<::std::string::String>,
    /// The query parameter `api`.
    pub api: Option<::std::string::String>,
    /// The header parameter `input`.
    pub input: Option<::std::string::String>,
    /// The query parameter `principal`.
    pub principal: Option<::std::string::String>,
    /// The request body.
    pub body: Option<super::types::A>,
}

fn handle_new<A: Api>(api: Arc<A>, mut input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let principal = match input
            .authenticate(|credentials| api.authenticate(credentials))
            .await
        {
            Ok(principal) => principal,
            Err(refused) => return api.rejection(refused),
        };
        let id = input
            .path::<::std::string::String>("id", srv::Style::Simple, false, Some(135));
        let into_stream_2 = input
            .query::<
                Option<::std::string::String>,
            >("into_stream", srv::Style::Form, true, false, Some(136));
        let request_2 = input
            .query::<
                Option<::std::string::String>,
            >("request", srv::Style::Form, true, false, Some(137));
        let api_2 = input
            .query::<
                Option<::std::string::String>,
            >("api", srv::Style::Form, true, false, Some(138));
        let input_2 = input
            .header::<Option<::std::string::String>>("input", false, false, Some(139));
        let principal_2 = input
            .query::<
                Option<::std::string::String>,
            >("principal", srv::Style::Form, true, false, Some(140));
        let body = match input.body_kind(&["application/json"], false) {
            Ok(Some(_)) => input.json::<super::types::A>(Some(11)).await.map(Some),
            Ok(None) => Some(None),
            Err(()) => None,
        };
        let (
            Some(id),
            Some(into_stream_2),
            Some(request_2),
            Some(api_2),
            Some(input_2),
            Some(principal_2),
            Some(body),
        ) = (id, into_stream_2, request_2, api_2, input_2, principal_2, body) else {
            return api.rejection(input.into_problem())
        };
        let request = New {
            id,
            into_stream_2,
            request: request_2,
            api: api_2,
            input: input_2,
            principal: principal_2,
            body,
        };
        match input.idempotency(api.idempotency_scope(&principal)).await {
            srv::Idempotent::Run => {}
            srv::Idempotent::Replay(response) => return response,
            srv::Idempotent::Refused(problem) => return api.rejection(problem),
        }
        let answer = api.new_2(request, principal).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::NewResponse {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Ok(body) => srv::reply(200u16).json("application/json", &body),
        }
    }
}

impl srv::IntoResponse for super::operations::NewError {
    fn into_response(self) -> srv::Response {
        match self {}
    }
}

/// A request of `send`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct SendType {
    /// The path parameter `id`.
    pub id: ::std::string::String,
    /// The query parameter `into_stream`.
    pub into_stream_2: Option<::std::string::String>,
    /// The query parameter `request`.
    pub request: Option<::std::string::String>,
    /// The query parameter `api`.
    pub api: Option<::std::string::String>,
    /// The header parameter `input`.
    pub input: Option<::std::string::String>,
    /// The query parameter `principal`.
    pub principal: Option<::std::string::String>,
    /// The request body.
    pub body: Option<super::types::A>,
}

fn handle_send<A: Api>(api: Arc<A>, mut input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let id = input
            .path::<::std::string::String>("id", srv::Style::Simple, false, Some(141));
        let into_stream_2 = input
            .query::<
                Option<::std::string::String>,
            >("into_stream", srv::Style::Form, true, false, Some(142));
        let request_2 = input
            .query::<
                Option<::std::string::String>,
            >("request", srv::Style::Form, true, false, Some(143));
        let api_2 = input
            .query::<
                Option<::std::string::String>,
            >("api", srv::Style::Form, true, false, Some(144));
        let input_2 = input
            .header::<Option<::std::string::String>>("input", false, false, Some(145));
        let principal_2 = input
            .query::<
                Option<::std::string::String>,
            >("principal", srv::Style::Form, true, false, Some(146));
        let body = match input.body_kind(&["application/json"], false) {
            Ok(Some(_)) => input.json::<super::types::A>(Some(11)).await.map(Some),
            Ok(None) => Some(None),
            Err(()) => None,
        };
        let (
            Some(id),
            Some(into_stream_2),
            Some(request_2),
            Some(api_2),
            Some(input_2),
            Some(principal_2),
            Some(body),
        ) = (id, into_stream_2, request_2, api_2, input_2, principal_2, body) else {
            return api.rejection(input.into_problem())
        };
        let request = SendType {
            id,
            into_stream_2,
            request: request_2,
            api: api_2,
            input: input_2,
            principal: principal_2,
            body,
        };
        match input.idempotency(None).await {
            srv::Idempotent::Run => {}
            srv::Idempotent::Replay(response) => return response,
            srv::Idempotent::Refused(problem) => return api.rejection(problem),
        }
        let answer = api.send(request).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::SendTypeResponse {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Ok(body) => srv::reply(200u16).json("application/json", &body),
        }
    }
}

impl srv::IntoResponse for super::operations::SendTypeError {
    fn into_response(self) -> srv::Response {
        match self {}
    }
}

/// A request of `body`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct Body {
    /// The path parameter `id`.
    pub id: ::std::string::String,
    /// The query parameter `into_stream`.
    pub into_stream_2: Option<::std::string::String>,
    /// The query parameter `request`.
    pub request: Option<::std::string::String>,
    /// The query parameter `api`.
    pub api: Option<::std::string::String>,
    /// The header parameter `input`.
    pub input: Option<::std::string::String>,
    /// The query parameter `principal`.
    pub principal: Option<::std::string::String>,
    /// The request body.
    pub body: Option<super::types::A>,
}

fn handle_body<A: Api>(api: Arc<A>, mut input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let principal = match input
            .authenticate(|credentials| api.authenticate(credentials))
            .await
        {
            Ok(principal) => principal,
            Err(refused) => return api.rejection(refused),
        };
        let id = input
            .path::<::std::string::String>("id", srv::Style::Simple, false, Some(147));
        let into_stream_2 = input
            .query::<
                Option<::std::string::String>,
            >("into_stream", srv::Style::Form, true, false, Some(148));
        let request_2 = input
            .query::<
                Option<::std::string::String>,
            >("request", srv::Style::Form, true, false, Some(149));
        let api_2 = input
            .query::<
                Option<::std::string::String>,
            >("api", srv::Style::Form, true, false, Some(150));
        let input_2 = input
            .header::<Option<::std::string::String>>("input", false, false, Some(151));
        let principal_2 = input
            .query::<
                Option<::std::string::String>,
            >("principal", srv::Style::Form, true, false, Some(152));
        let body = match input.body_kind(&["application/json"], false) {
            Ok(Some(_)) => input.json::<super::types::A>(Some(11)).await.map(Some),
            Ok(None) => Some(None),
            Err(()) => None,
        };
        let (
            Some(id),
            Some(into_stream_2),
            Some(request_2),
            Some(api_2),
            Some(input_2),
            Some(principal_2),
            Some(body),
        ) = (id, into_stream_2, request_2, api_2, input_2, principal_2, body) else {
            return api.rejection(input.into_problem())
        };
        let request = Body {
            id,
            into_stream_2,
            request: request_2,
            api: api_2,
            input: input_2,
            principal: principal_2,
            body,
        };
        match input.idempotency(api.idempotency_scope(&principal)).await {
            srv::Idempotent::Run => {}
            srv::Idempotent::Replay(response) => return response,
            srv::Idempotent::Refused(problem) => return api.rejection(problem),
        }
        let answer = api.body(request, principal).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::BodyResponse {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Ok(body) => srv::reply(200u16).json("application/json", &body),
        }
    }
}

impl srv::IntoResponse for super::operations::BodyError {
    fn into_response(self) -> srv::Response {
        match self {}
    }
}

/// A request of `parts`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct Parts {
    /// The path parameter `id`.
    pub id: ::std::string::String,
    /// The query parameter `into_stream`.
    pub into_stream_2: Option<::std::string::String>,
    /// The query parameter `request`.
    pub request: Option<::std::string::String>,
    /// The query parameter `api`.
    pub api: Option<::std::string::String>,
    /// The header parameter `input`.
    pub input: Option<::std::string::String>,
    /// The query parameter `principal`.
    pub principal: Option<::std::string::String>,
    /// The request body.
    pub body: Option<super::types::A>,
}

fn handle_parts<A: Api>(api: Arc<A>, mut input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let id = input
            .path::<::std::string::String>("id", srv::Style::Simple, false, Some(153));
        let into_stream_2 = input
            .query::<
                Option<::std::string::String>,
            >("into_stream", srv::Style::Form, true, false, Some(154));
        let request_2 = input
            .query::<
                Option<::std::string::String>,
            >("request", srv::Style::Form, true, false, Some(155));
        let api_2 = input
            .query::<
                Option<::std::string::String>,
            >("api", srv::Style::Form, true, false, Some(156));
        let input_2 = input
            .header::<Option<::std::string::String>>("input", false, false, Some(157));
        let principal_2 = input
            .query::<
                Option<::std::string::String>,
            >("principal", srv::Style::Form, true, false, Some(158));
        let body = match input.body_kind(&["application/json"], false) {
            Ok(Some(_)) => input.json::<super::types::A>(Some(11)).await.map(Some),
            Ok(None) => Some(None),
            Err(()) => None,
        };
        let (
            Some(id),
            Some(into_stream_2),
            Some(request_2),
            Some(api_2),
            Some(input_2),
            Some(principal_2),
            Some(body),
        ) = (id, into_stream_2, request_2, api_2, input_2, principal_2, body) else {
            return api.rejection(input.into_problem())
        };
        let request = Parts {
            id,
            into_stream_2,
            request: request_2,
            api: api_2,
            input: input_2,
            principal: principal_2,
            body,
        };
        match input.idempotency(None).await {
            srv::Idempotent::Run => {}
            srv::Idempotent::Replay(response) => return response,
            srv::Idempotent::Refused(problem) => return api.rejection(problem),
        }
        let answer = api.parts(request).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::PartsResponse {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Ok(body) => srv::reply(200u16).json("application/json", &body),
        }
    }
}

impl srv::IntoResponse for super::operations::PartsError {
    fn into_response(self) -> srv::Response {
        match self {}
    }
}

/// A request of `idempotency_scope`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct IdempotencyScope {
    /// The path parameter `id`.
    pub id: ::std::string::String,
    /// The query parameter `into_stream`.
    pub into_stream_2: Option<::std::string::String>,
    /// The query parameter `request`.
    pub request: Option<::std::string::String>,
    /// The query parameter `api`.
    pub api: Option<::std::string::String>,
    /// The header parameter `input`.
    pub input: Option<::std::string::String>,
    /// The query parameter `principal`.
    pub principal: Option<::std::string::String>,
    /// The request body.
    pub body: Option<super::types::A>,
}

fn handle_idempotency_scope<A: Api>(
    api: Arc<A>,
    mut input: srv::Input,
) -> srv::BoxFuture {
    Box::pin(async move {
        let principal = match input
            .authenticate(|credentials| api.authenticate(credentials))
            .await
        {
            Ok(principal) => principal,
            Err(refused) => return api.rejection(refused),
        };
        let id = input
            .path::<::std::string::String>("id", srv::Style::Simple, false, Some(159));
        let into_stream_2 = input
            .query::<
                Option<::std::string::String>,
            >("into_stream", srv::Style::Form, true, false, Some(160));
        let request_2 = input
            .query::<
                Option<::std::string::String>,
            >("request", srv::Style::Form, true, false, Some(161));
        let api_2 = input
            .query::<
                Option<::std::string::String>,
            >("api", srv::Style::Form, true, false, Some(162));
        let input_2 = input
            .header::<Option<::std::string::String>>("input", false, false, Some(163));
        let principal_2 = input
            .query::<
                Option<::std::string::String>,
            >("principal", srv::Style::Form, true, false, Some(164));
        let body = match input.body_kind(&["application/json"], false) {
            Ok(Some(_)) => input.json::<super::types::A>(Some(11)).await.map(Some),
            Ok(None) => Some(None),
            Err(()) => None,
        };
        let (
            Some(id),
            Some(into_stream_2),
            Some(request_2),
            Some(api_2),
            Some(input_2),
            Some(principal_2),
            Some(body),
        ) = (id, into_stream_2, request_2, api_2, input_2, principal_2, body) else {
            return api.rejection(input.into_problem())
        };
        let request = IdempotencyScope {
            id,
            into_stream_2,
            request: request_2,
            api: api_2,
            input: input_2,
            principal: principal_2,
            body,
        };
        match input.idempotency(api.idempotency_scope(&principal)).await {
            srv::Idempotent::Run => {}
            srv::Idempotent::Replay(response) => return response,
            srv::Idempotent::Refused(problem) => return api.rejection(problem),
        }
        let answer = api.idempotency_scope_2(request, principal).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::IdempotencyScopeResponse {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Ok(body) => srv::reply(200u16).json("application/json", &body),
        }
    }
}

impl srv::IntoResponse for super::operations::IdempotencyScopeError {
    fn into_response(self) -> srv::Response {
        match self {}
    }
}

/// A request of `listPages`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct ListPages {
    /// The query parameter `into_stream`.
    pub into_stream_2: Option<::std::string::String>,
    /// The query parameter `page`.
    pub page: Option<i64>,
    /// The query parameter `per_page`.
    pub per_page: Option<i64>,
}

fn handle_list_pages<A: Api>(api: Arc<A>, mut input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let into_stream_2 = input
            .query::<
                Option<::std::string::String>,
            >("into_stream", srv::Style::Form, true, false, Some(165));
        let page = input
            .query::<Option<i64>>("page", srv::Style::Form, true, false, Some(166));
        let per_page = input
            .query::<Option<i64>>("per_page", srv::Style::Form, true, false, Some(167));
        let (Some(into_stream_2), Some(page), Some(per_page)) = (
            into_stream_2,
            page,
            per_page,
        ) else { return api.rejection(input.into_problem()) };
        let request = ListPages {
            into_stream_2,
            page,
            per_page,
        };
        let answer = api.list_pages(request).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::ListPagesResponse {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Ok(body) => srv::reply(200u16).json("application/json", &body),
        }
    }
}

impl srv::IntoResponse for super::operations::ListPagesError {
    fn into_response(self) -> srv::Response {
        match self {}
    }
}
