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

static SCHEMAS: [srv::Schema; 33] = [
    srv::Schema {
        types: srv::schema::types::OBJECT,
        properties: &[("name", 1), ("region", 2)],
        required: &["name"],
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
        types: srv::schema::types::ARRAY,
        items: Some(6),
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::ARRAY,
        items: Some(8),
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::INTEGER,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::ARRAY,
        items: Some(10),
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::OBJECT,
        properties: &[("min", 12), ("max", 13)],
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
    srv::Schema {
        types: srv::schema::types::INTEGER,
        format: srv::Format::Int32,
        minimum: Some(1f64),
        maximum: Some(1000f64),
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
        properties: &[("file", 26), ("description", 27)],
        required: &["file"],
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
        types: srv::schema::types::ARRAY,
        items: Some(29),
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::OBJECT,
        properties: &[("x", 31), ("y", 32)],
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

static SCHEMES: [srv::Scheme; 5] = [
    srv::Scheme {
        name: "oauth",
        kind: srv::SchemeKind::OAuth2 {
            token_url: Some("https://auth.storage.example.com/token"),
        },
    },
    srv::Scheme {
        name: "basicAuth",
        kind: srv::SchemeKind::Basic,
    },
    srv::Scheme {
        name: "bearerAuth",
        kind: srv::SchemeKind::Bearer,
    },
    srv::Scheme {
        name: "queryKey",
        kind: srv::SchemeKind::ApiKey {
            location: srv::KeyLocation::Query,
            param: "api_key",
        },
    },
    srv::Scheme {
        name: "cookieKey",
        kind: srv::SchemeKind::ApiKey {
            location: srv::KeyLocation::Cookie,
            param: "sid",
        },
    },
];

static SPEC: srv::Spec = srv::Spec {
    schemas: &SCHEMAS,
    schemes: &SCHEMES,
    prepared: srv::Prepared::new(),
};

/// Object Storage API: implement each operation, then serve [`router`].
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
    /// Whether the service is up
    ///
    /// `GET /health`
    fn health(
        &self,
    ) -> impl Future<
        Output = srv::Answer<
            super::operations::HealthResponse,
            super::operations::HealthError,
        >,
    > + Send;
    /// Create a bucket
    ///
    /// `POST /buckets`
    fn create_bucket(
        &self,
        request: CreateBucket,
        principal: Self::Principal,
    ) -> impl Future<
        Output = srv::Answer<
            super::operations::CreateBucketResponse,
            super::operations::CreateBucketError,
        >,
    > + Send;
    /// List the objects of a bucket
    ///
    /// `GET /buckets/{bucket}/objects`
    fn list_objects(
        &self,
        request: ListObjects,
        principal: Self::Principal,
    ) -> impl Future<
        Output = srv::Answer<
            super::operations::ListObjectsResponse,
            super::operations::ListObjectsError,
        >,
    > + Send;
    /// Download an object
    ///
    /// `GET /buckets/{bucket}/objects/{key}`
    fn get_object(
        &self,
        request: GetObject,
        principal: Self::Principal,
    ) -> impl Future<
        Output = srv::Answer<
            super::operations::GetObjectResponse,
            super::operations::GetObjectError,
        >,
    > + Send;
    /// Upload an object
    ///
    /// `PUT /buckets/{bucket}/objects/{key}`
    fn put_object(
        &self,
        request: PutObject,
        principal: Self::Principal,
    ) -> impl Future<
        Output = srv::Answer<
            super::operations::PutObjectResponse,
            super::operations::PutObjectError,
        >,
    > + Send;
    /// Attach a text note to a bucket
    ///
    /// `POST /buckets/{bucket}/notes`
    fn add_note(
        &self,
        request: AddNote,
        principal: Self::Principal,
    ) -> impl Future<
        Output = srv::Answer<
            super::operations::AddNoteResponse,
            super::operations::AddNoteError,
        >,
    > + Send;
    /// Upload an object from a browser form
    ///
    /// `POST /buckets/{bucket}/uploads`
    fn upload_form(
        &self,
        request: UploadForm,
        principal: Self::Principal,
    ) -> impl Future<
        Output = srv::Answer<
            super::operations::UploadFormResponse,
            super::operations::UploadFormError,
        >,
    > + Send;
    /// Metrics for time windows at a point of the key space
    ///
    /// `GET /metrics/{window}/{point}`
    fn get_metrics(
        &self,
        request: GetMetrics,
    ) -> impl Future<
        Output = srv::Answer<
            super::operations::GetMetricsResponse,
            super::operations::GetMetricsError,
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
    async fn health(
        &self,
    ) -> srv::Answer<super::operations::HealthResponse, super::operations::HealthError> {
        Err(srv::Failure::not_implemented("health"))
    }
    async fn create_bucket(
        &self,
        request: CreateBucket,
        principal: Self::Principal,
    ) -> srv::Answer<
        super::operations::CreateBucketResponse,
        super::operations::CreateBucketError,
    > {
        let _ = (request, principal);
        Err(srv::Failure::not_implemented("createBucket"))
    }
    async fn list_objects(
        &self,
        request: ListObjects,
        principal: Self::Principal,
    ) -> srv::Answer<
        super::operations::ListObjectsResponse,
        super::operations::ListObjectsError,
    > {
        let _ = (request, principal);
        Err(srv::Failure::not_implemented("listObjects"))
    }
    async fn get_object(
        &self,
        request: GetObject,
        principal: Self::Principal,
    ) -> srv::Answer<
        super::operations::GetObjectResponse,
        super::operations::GetObjectError,
    > {
        let _ = (request, principal);
        Err(srv::Failure::not_implemented("getObject"))
    }
    async fn put_object(
        &self,
        request: PutObject,
        principal: Self::Principal,
    ) -> srv::Answer<
        super::operations::PutObjectResponse,
        super::operations::PutObjectError,
    > {
        let _ = (request, principal);
        Err(srv::Failure::not_implemented("putObject"))
    }
    async fn add_note(
        &self,
        request: AddNote,
        principal: Self::Principal,
    ) -> srv::Answer<
        super::operations::AddNoteResponse,
        super::operations::AddNoteError,
    > {
        let _ = (request, principal);
        Err(srv::Failure::not_implemented("addNote"))
    }
    async fn upload_form(
        &self,
        request: UploadForm,
        principal: Self::Principal,
    ) -> srv::Answer<
        super::operations::UploadFormResponse,
        super::operations::UploadFormError,
    > {
        let _ = (request, principal);
        Err(srv::Failure::not_implemented("uploadForm"))
    }
    async fn get_metrics(
        &self,
        request: GetMetrics,
    ) -> srv::Answer<
        super::operations::GetMetricsResponse,
        super::operations::GetMetricsError,
    > {
        let _ = request;
        Err(srv::Failure::not_implemented("getMetrics"))
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
                    id: "health",
                    method: srv::Method::GET,
                    path: "/health",
                    security: &[],
                    produces: &["text/plain"],
                    invalid_path: srv::StatusCode::BAD_REQUEST,
                };
                &OPERATION
            },
            handle_health::<A>,
        );
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "createBucket",
                    method: srv::Method::POST,
                    path: "/buckets",
                    security: &[&["oauth"], &["basicAuth"], &["bearerAuth"]],
                    produces: &["application/json", "application/problem+json"],
                    invalid_path: srv::StatusCode::BAD_REQUEST,
                };
                &OPERATION
            },
            handle_create_bucket::<A>,
        );
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "listObjects",
                    method: srv::Method::GET,
                    path: "/buckets/{bucket}/objects",
                    security: &[&["oauth"], &["basicAuth"], &["bearerAuth"]],
                    produces: &["application/json", "application/problem+json"],
                    invalid_path: srv::StatusCode::NOT_FOUND,
                };
                &OPERATION
            },
            handle_list_objects::<A>,
        );
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "getObject",
                    method: srv::Method::GET,
                    path: "/buckets/{bucket}/objects/{key}",
                    security: &[&["oauth"], &["basicAuth"], &["bearerAuth"]],
                    produces: &["application/octet-stream", "application/problem+json"],
                    invalid_path: srv::StatusCode::NOT_FOUND,
                };
                &OPERATION
            },
            handle_get_object::<A>,
        );
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "putObject",
                    method: srv::Method::PUT,
                    path: "/buckets/{bucket}/objects/{key}",
                    security: &[&["oauth"], &["basicAuth"], &["bearerAuth"]],
                    produces: &["application/json", "application/problem+json"],
                    invalid_path: srv::StatusCode::BAD_REQUEST,
                };
                &OPERATION
            },
            handle_put_object::<A>,
        );
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "addNote",
                    method: srv::Method::POST,
                    path: "/buckets/{bucket}/notes",
                    security: &[&["queryKey"]],
                    produces: &[],
                    invalid_path: srv::StatusCode::BAD_REQUEST,
                };
                &OPERATION
            },
            handle_add_note::<A>,
        );
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "uploadForm",
                    method: srv::Method::POST,
                    path: "/buckets/{bucket}/uploads",
                    security: &[&["cookieKey"]],
                    produces: &["application/json"],
                    invalid_path: srv::StatusCode::BAD_REQUEST,
                };
                &OPERATION
            },
            handle_upload_form::<A>,
        );
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "getMetrics",
                    method: srv::Method::GET,
                    path: "/metrics/{window}/{point}",
                    security: &[],
                    produces: &["application/json"],
                    invalid_path: srv::StatusCode::BAD_REQUEST,
                };
                &OPERATION
            },
            handle_get_metrics::<A>,
        );
    routes.into_router()
}

fn handle_health<A: Api>(api: Arc<A>, _input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let answer = api.health().await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::HealthResponse {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Ok(body) => srv::reply(200u16).text("text/plain", body),
        }
    }
}

impl srv::IntoResponse for super::operations::HealthError {
    fn into_response(self) -> srv::Response {
        match self {}
    }
}

/// A request of `createBucket`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct CreateBucket {
    /// The request body.
    pub body: CreateBucketBody,
}

/// The body of `createBucket`, in one of the media types it accepts.
#[derive(Debug)]
pub enum CreateBucketBody {
    /// As `application/json`.
    Json(super::types::NewBucket),
    /// As `application/x-www-form-urlencoded`.
    Form(super::types::NewBucket),
}

fn handle_create_bucket<A: Api>(api: Arc<A>, mut input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let principal = match input
            .authenticate(|credentials| api.authenticate(credentials))
            .await
        {
            Ok(principal) => principal,
            Err(refused) => return api.rejection(refused),
        };
        let body = match input
            .body_kind(&["application/json", "application/x-www-form-urlencoded"], true)
        {
            Ok(Some(0)) => {
                input
                    .json::<super::types::NewBucket>(Some(0))
                    .await
                    .map(CreateBucketBody::Json)
            }
            Ok(Some(_)) => {
                input
                    .form::<super::types::NewBucket>(Some(0))
                    .await
                    .map(CreateBucketBody::Form)
            }
            Ok(None) => None,
            Err(()) => None,
        };
        let (Some(body),) = (body,) else { return api.rejection(input.into_problem()) };
        let request = CreateBucket { body };
        match input.idempotency(api.idempotency_scope(&principal)).await {
            srv::Idempotent::Run => {}
            srv::Idempotent::Replay(response) => return response,
            srv::Idempotent::Refused(problem) => return api.rejection(problem),
        }
        let answer = api.create_bucket(request, principal).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::CreateBucketResponse {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Created { body, location } => {
                srv::reply(201u16)
                    .header("Location", &location)
                    .json("application/json", &body)
            }
        }
    }
}

impl srv::IntoResponse for super::operations::CreateBucketError {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Conflict(body) => {
                srv::reply(409u16).json("application/problem+json", &body)
            }
            Self::TooManyRequests(body) => {
                srv::reply(429u16).json("application/problem+json", &body)
            }
            Self::ServiceUnavailable(body) => {
                srv::reply(503u16).json("application/problem+json", &body)
            }
        }
    }
}

/// A request of `listObjects`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct ListObjects {
    /// The path parameter `bucket`.
    pub bucket: ::std::string::String,
    /// The query parameter `prefix`.
    pub prefix: Option<::std::string::String>,
    /// The query parameter `tags`.
    pub tags: Option<::std::vec::Vec<::std::string::String>>,
    /// The query parameter `ids`.
    pub ids: Option<::std::vec::Vec<i64>>,
    /// The query parameter `fields`.
    pub fields: Option<::std::vec::Vec<::std::string::String>>,
    /// The query parameter `filter`.
    pub filter: Option<super::types::SizeFilter>,
    /// The query parameter `limit`.
    pub limit: Option<i32>,
    /// Where the page starts; the `next_cursor` of the page before.
    ///
    /// The query parameter `cursor`.
    pub cursor: Option<::std::string::String>,
    /// The header parameter `X-Request-Id`.
    pub x_request_id: Option<::std::string::String>,
    /// The cookie parameter `session`.
    pub session: Option<::std::string::String>,
}

fn handle_list_objects<A: Api>(api: Arc<A>, mut input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let principal = match input
            .authenticate(|credentials| api.authenticate(credentials))
            .await
        {
            Ok(principal) => principal,
            Err(refused) => return api.rejection(refused),
        };
        let bucket = input
            .path::<::std::string::String>("bucket", srv::Style::Simple, false, Some(3));
        let prefix = input
            .query::<
                Option<::std::string::String>,
            >("prefix", srv::Style::Form, true, false, Some(4));
        let tags = input
            .query::<
                Option<::std::vec::Vec<::std::string::String>>,
            >("tags", srv::Style::SpaceDelimited, false, false, Some(5));
        let ids = input
            .query::<
                Option<::std::vec::Vec<i64>>,
            >("ids", srv::Style::PipeDelimited, false, false, Some(7));
        let fields = input
            .query::<
                Option<::std::vec::Vec<::std::string::String>>,
            >("fields", srv::Style::Form, false, false, Some(9));
        let filter = input
            .query::<
                Option<super::types::SizeFilter>,
            >("filter", srv::Style::DeepObject, true, false, Some(11));
        let limit = input
            .query::<Option<i32>>("limit", srv::Style::Form, true, false, Some(14));
        let cursor = input
            .query::<
                Option<::std::string::String>,
            >("cursor", srv::Style::Form, true, false, Some(15));
        let x_request_id = input
            .header::<
                Option<::std::string::String>,
            >("X-Request-Id", false, false, Some(16));
        let session = input
            .cookie::<Option<::std::string::String>>("session", false, Some(17));
        let (
            Some(bucket),
            Some(prefix),
            Some(tags),
            Some(ids),
            Some(fields),
            Some(filter),
            Some(limit),
            Some(cursor),
            Some(x_request_id),
            Some(session),
        ) = (
            bucket,
            prefix,
            tags,
            ids,
            fields,
            filter,
            limit,
            cursor,
            x_request_id,
            session,
        ) else { return api.rejection(input.into_problem()) };
        let request = ListObjects {
            bucket,
            prefix,
            tags,
            ids,
            fields,
            filter,
            limit,
            cursor,
            x_request_id,
            session,
        };
        let answer = api.list_objects(request, principal).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::ListObjectsResponse {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Ok { body, x_total_count } => {
                srv::reply(200u16)
                    .header("X-Total-Count", &x_total_count)
                    .json("application/json", &body)
            }
        }
    }
}

impl srv::IntoResponse for super::operations::ListObjectsError {
    fn into_response(self) -> srv::Response {
        match self {
            Self::NotFound(body) => {
                srv::reply(404u16).json("application/problem+json", &body)
            }
        }
    }
}

/// A request of `getObject`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct GetObject {
    /// The path parameter `bucket`.
    pub bucket: ::std::string::String,
    /// The object's key; any text, sent inside its own path segment.
    ///
    /// The path parameter `key`.
    pub key: ::std::string::String,
    /// The header parameter `If-None-Match`.
    pub if_none_match: Option<::std::string::String>,
}

fn handle_get_object<A: Api>(api: Arc<A>, mut input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let principal = match input
            .authenticate(|credentials| api.authenticate(credentials))
            .await
        {
            Ok(principal) => principal,
            Err(refused) => return api.rejection(refused),
        };
        let bucket = input
            .path::<
                ::std::string::String,
            >("bucket", srv::Style::Simple, false, Some(18));
        let key = input
            .path::<::std::string::String>("key", srv::Style::Simple, false, Some(19));
        let if_none_match = input
            .header::<
                Option<::std::string::String>,
            >("If-None-Match", false, false, Some(20));
        let (Some(bucket), Some(key), Some(if_none_match)) = (bucket, key, if_none_match)
        else { return api.rejection(input.into_problem()) };
        let request = GetObject {
            bucket,
            key,
            if_none_match,
        };
        let answer = api.get_object(request, principal).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::GetObjectResponse {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Ok { body, e_tag } => {
                srv::reply(200u16)
                    .header("ETag", &e_tag)
                    .binary("application/octet-stream", body)
            }
            Self::NotModified => srv::reply(304u16).empty(),
        }
    }
}

impl srv::IntoResponse for super::operations::GetObjectError {
    fn into_response(self) -> srv::Response {
        match self {
            Self::NotFound(body) => {
                srv::reply(404u16).json("application/problem+json", &body)
            }
        }
    }
}

/// A request of `putObject`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct PutObject {
    /// The path parameter `bucket`.
    pub bucket: ::std::string::String,
    /// The object's key; any text, sent inside its own path segment.
    ///
    /// The path parameter `key`.
    pub key: ::std::string::String,
    /// The request body.
    pub body: ::specwright_runtime::Binary,
}

fn handle_put_object<A: Api>(api: Arc<A>, mut input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let principal = match input
            .authenticate(|credentials| api.authenticate(credentials))
            .await
        {
            Ok(principal) => principal,
            Err(refused) => return api.rejection(refused),
        };
        let bucket = input
            .path::<
                ::std::string::String,
            >("bucket", srv::Style::Simple, false, Some(18));
        let key = input
            .path::<::std::string::String>("key", srv::Style::Simple, false, Some(19));
        let body = match input.body_kind(&["application/octet-stream"], true) {
            Ok(Some(_)) => input.binary(),
            Ok(None) => None,
            Err(()) => None,
        };
        let (Some(bucket), Some(key), Some(body)) = (bucket, key, body) else {
            return api.rejection(input.into_problem())
        };
        let request = PutObject { bucket, key, body };
        let answer = api.put_object(request, principal).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::PutObjectResponse {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Created(body) => srv::reply(201u16).json("application/json", &body),
        }
    }
}

impl srv::IntoResponse for super::operations::PutObjectError {
    fn into_response(self) -> srv::Response {
        match self {
            Self::PayloadTooLarge(body) => {
                srv::reply(413u16).json("application/problem+json", &body)
            }
        }
    }
}

/// A request of `addNote`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct AddNote {
    /// The path parameter `bucket`.
    pub bucket: ::std::string::String,
    /// The request body.
    pub body: String,
}

fn handle_add_note<A: Api>(api: Arc<A>, mut input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let principal = match input
            .authenticate(|credentials| api.authenticate(credentials))
            .await
        {
            Ok(principal) => principal,
            Err(refused) => return api.rejection(refused),
        };
        let bucket = input
            .path::<
                ::std::string::String,
            >("bucket", srv::Style::Simple, false, Some(22));
        let body = match input.body_kind(&["text/plain"], true) {
            Ok(Some(_)) => input.text::<String>(Some(23)).await,
            Ok(None) => None,
            Err(()) => None,
        };
        let (Some(bucket), Some(body)) = (bucket, body) else {
            return api.rejection(input.into_problem())
        };
        let request = AddNote { bucket, body };
        match input.idempotency(api.idempotency_scope(&principal)).await {
            srv::Idempotent::Run => {}
            srv::Idempotent::Replay(response) => return response,
            srv::Idempotent::Refused(problem) => return api.rejection(problem),
        }
        let answer = api.add_note(request, principal).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::AddNoteResponse {
    fn into_response(self) -> srv::Response {
        match self {
            Self::NoContent => srv::reply(204u16).empty(),
        }
    }
}

impl srv::IntoResponse for super::operations::AddNoteError {
    fn into_response(self) -> srv::Response {
        match self {}
    }
}

/// A request of `uploadForm`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct UploadForm {
    /// The path parameter `bucket`.
    pub bucket: ::std::string::String,
    /// The request body.
    pub body: super::operations::UploadFormForm,
}

fn handle_upload_form<A: Api>(api: Arc<A>, mut input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let principal = match input
            .authenticate(|credentials| api.authenticate(credentials))
            .await
        {
            Ok(principal) => principal,
            Err(refused) => return api.rejection(refused),
        };
        let bucket = input
            .path::<
                ::std::string::String,
            >("bucket", srv::Style::Simple, false, Some(24));
        let body = match input.body_kind(&["multipart/form-data"], true) {
            Ok(Some(_)) => {
                match input.multipart(Some(&["file"])).await {
                    Some(mut parts) => {
                        let file = input.file(&mut parts, "file", true).flatten();
                        let description = input
                            .part::<
                                Option<::std::string::String>,
                            >(&mut parts, "description", false, Some(27));
                        match (file, description) {
                            (Some(file), Some(description)) => {
                                Some(super::operations::UploadFormForm {
                                    file,
                                    description,
                                })
                            }
                            _ => None,
                        }
                    }
                    None => None,
                }
            }
            Ok(None) => None,
            Err(()) => None,
        };
        let (Some(bucket), Some(body)) = (bucket, body) else {
            return api.rejection(input.into_problem())
        };
        let request = UploadForm { bucket, body };
        match input.idempotency(api.idempotency_scope(&principal)).await {
            srv::Idempotent::Run => {}
            srv::Idempotent::Replay(response) => return response,
            srv::Idempotent::Refused(problem) => return api.rejection(problem),
        }
        let answer = api.upload_form(request, principal).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::UploadFormResponse {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Created(body) => srv::reply(201u16).json("application/json", &body),
        }
    }
}

impl srv::IntoResponse for super::operations::UploadFormError {
    fn into_response(self) -> srv::Response {
        match self {}
    }
}

/// A request of `getMetrics`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct GetMetrics {
    /// The path parameter `window`.
    pub window: ::std::vec::Vec<::std::string::String>,
    /// The path parameter `point`.
    pub point: super::types::GetMetricsPoint,
}

fn handle_get_metrics<A: Api>(api: Arc<A>, mut input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let window = input
            .path::<
                ::std::vec::Vec<::std::string::String>,
            >("window", srv::Style::Label, false, Some(28));
        let point = input
            .path::<
                super::types::GetMetricsPoint,
            >("point", srv::Style::Matrix, true, Some(30));
        let (Some(window), Some(point)) = (window, point) else {
            return api.rejection(input.into_problem())
        };
        let request = GetMetrics { window, point };
        let answer = api.get_metrics(request).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::GetMetricsResponse {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Ok(body) => srv::reply(200u16).json("application/json", &body),
        }
    }
}

impl srv::IntoResponse for super::operations::GetMetricsError {
    fn into_response(self) -> srv::Response {
        match self {}
    }
}
