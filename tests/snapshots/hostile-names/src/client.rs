#![cfg_attr(rustfmt, rustfmt::skip)]
#![allow(deprecated)]
#![allow(
    clippy::too_many_arguments,
    clippy::large_enum_variant,
    clippy::should_implement_trait,
    clippy::wrong_self_convention,
    clippy::doc_lazy_continuation,
    clippy::doc_overindented_list_items,
    clippy::too_long_first_doc_paragraph
)]

#![allow(
    rustdoc::bare_urls,
    rustdoc::broken_intra_doc_links,
    rustdoc::invalid_html_tags,
    rustdoc::invalid_rust_codeblocks
)]

use ::specwright_runtime::http as rt;

pub use super::operations::*;

pub use rt::{
    multipart, ClientBuilder, Credential, Error, FilePart, Response, RetryPolicy,
};

pub use ::specwright_runtime::Binary;

/// The servers the spec lists; the first is the default base URL.
pub const SERVERS: &[rt::ServerTemplate] = &[];

/// The security schemes the spec declares. Give credentials for them
/// by name: `Client::builder().credential(schemes::NAME, ...)`.
pub const SECURITY_SCHEMES: &[rt::Scheme] = &[
    rt::Scheme {
        name: "key",
        kind: rt::SchemeKind::ApiKey {
            location: rt::KeyLocation::Header,
            param: "X-Key",
        },
    },
];

/// The names of the security schemes.
pub mod schemes {
    /// `key`
    pub const KEY: &str = "key";
}

/// A client for Hostile Names.
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
    /// `POST /upload`
    pub fn upload(&self) -> Upload<'_> {
        Upload { client: self, body: None }
    }
    /// `POST /rejection/{id}`
    pub fn rejection_2(&self, id: impl Into<String>) -> Rejection<'_> {
        Rejection {
            client: self,
            id: id.into(),
            into_stream_2: None,
            request: None,
            api: None,
            input: None,
            principal: None,
            body: None,
        }
    }
    /// `POST /authenticate/{id}`
    pub fn authenticate_2(&self, id: impl Into<String>) -> Authenticate<'_> {
        Authenticate {
            client: self,
            id: id.into(),
            into_stream_2: None,
            request: None,
            api: None,
            input: None,
            principal: None,
            body: None,
        }
    }
    /// `POST /settings/{id}`
    pub fn settings(&self, id: impl Into<String>) -> Settings2<'_> {
        Settings2 {
            client: self,
            id: id.into(),
            into_stream_2: None,
            request: None,
            api: None,
            input: None,
            principal: None,
            body: None,
        }
    }
    /// `POST /problem/{id}`
    pub fn problem(&self, id: impl Into<String>) -> Problem2<'_> {
        Problem2 {
            client: self,
            id: id.into(),
            into_stream_2: None,
            request: None,
            api: None,
            input: None,
            principal: None,
            body: None,
        }
    }
    /// `POST /api/{id}`
    pub fn api(&self, id: impl Into<String>) -> Api2<'_> {
        Api2 {
            client: self,
            id: id.into(),
            into_stream_2: None,
            request: None,
            api: None,
            input: None,
            principal: None,
            body: None,
        }
    }
    /// `POST /future/{id}`
    pub fn future(&self, id: impl Into<String>) -> Future2<'_> {
        Future2 {
            client: self,
            id: id.into(),
            into_stream_2: None,
            request: None,
            api: None,
            input: None,
            principal: None,
            body: None,
        }
    }
    /// `POST /arc/{id}`
    pub fn arc(&self, id: impl Into<String>) -> Arc2<'_> {
        Arc2 {
            client: self,
            id: id.into(),
            into_stream_2: None,
            request: None,
            api: None,
            input: None,
            principal: None,
            body: None,
        }
    }
    /// `POST /unimplemented/{id}`
    pub fn unimplemented(&self, id: impl Into<String>) -> Unimplemented2<'_> {
        Unimplemented2 {
            client: self,
            id: id.into(),
            into_stream_2: None,
            request: None,
            api: None,
            input: None,
            principal: None,
            body: None,
        }
    }
    /// `POST /violation/{id}`
    pub fn violation(&self, id: impl Into<String>) -> Violation2<'_> {
        Violation2 {
            client: self,
            id: id.into(),
            into_stream_2: None,
            request: None,
            api: None,
            input: None,
            principal: None,
            body: None,
        }
    }
    /// `POST /status_code/{id}`
    pub fn status_code(&self, id: impl Into<String>) -> StatusCode2<'_> {
        StatusCode2 {
            client: self,
            id: id.into(),
            into_stream_2: None,
            request: None,
            api: None,
            input: None,
            principal: None,
            body: None,
        }
    }
    /// `POST /router/{id}`
    pub fn router(&self, id: impl Into<String>) -> Router<'_> {
        Router {
            client: self,
            id: id.into(),
            into_stream_2: None,
            request: None,
            api: None,
            input: None,
            principal: None,
            body: None,
        }
    }
    /// `POST /router_with/{id}`
    pub fn router_with(&self, id: impl Into<String>) -> RouterWith<'_> {
        RouterWith {
            client: self,
            id: id.into(),
            into_stream_2: None,
            request: None,
            api: None,
            input: None,
            principal: None,
            body: None,
        }
    }
    /// `POST /input/{id}`
    pub fn input(&self, id: impl Into<String>) -> Input<'_> {
        Input {
            client: self,
            id: id.into(),
            into_stream_2: None,
            request: None,
            api: None,
            input: None,
            principal: None,
            body: None,
        }
    }
    /// `POST /request/{id}`
    pub fn request(&self, id: impl Into<String>) -> Request<'_> {
        Request {
            client: self,
            id: id.into(),
            into_stream_2: None,
            request: None,
            api: None,
            input: None,
            principal: None,
            body: None,
        }
    }
    /// `POST /principal/{id}`
    pub fn principal(&self, id: impl Into<String>) -> Principal<'_> {
        Principal {
            client: self,
            id: id.into(),
            into_stream_2: None,
            request: None,
            api: None,
            input: None,
            principal: None,
            body: None,
        }
    }
    /// `POST /response/{id}`
    pub fn response(&self, id: impl Into<String>) -> Response2<'_> {
        Response2 {
            client: self,
            id: id.into(),
            into_stream_2: None,
            request: None,
            api: None,
            input: None,
            principal: None,
            body: None,
        }
    }
    /// `POST /into_response/{id}`
    pub fn into_response(&self, id: impl Into<String>) -> IntoResponse2<'_> {
        IntoResponse2 {
            client: self,
            id: id.into(),
            into_stream_2: None,
            request: None,
            api: None,
            input: None,
            principal: None,
            body: None,
        }
    }
    /// `POST /respond/{id}`
    pub fn respond(&self, id: impl Into<String>) -> Respond<'_> {
        Respond {
            client: self,
            id: id.into(),
            into_stream_2: None,
            request: None,
            api: None,
            input: None,
            principal: None,
            body: None,
        }
    }
    /// `POST /srv/{id}`
    pub fn srv(&self, id: impl Into<String>) -> Srv<'_> {
        Srv {
            client: self,
            id: id.into(),
            into_stream_2: None,
            request: None,
            api: None,
            input: None,
            principal: None,
            body: None,
        }
    }
    /// `POST /rt/{id}`
    pub fn rt(&self, id: impl Into<String>) -> Rt<'_> {
        Rt {
            client: self,
            id: id.into(),
            into_stream_2: None,
            request: None,
            api: None,
            input: None,
            principal: None,
            body: None,
        }
    }
    /// `POST /client/{id}`
    pub fn client(&self, id: impl Into<String>) -> Client2<'_> {
        Client2 {
            client: self,
            id: id.into(),
            into_stream_2: None,
            request: None,
            api: None,
            input: None,
            principal: None,
            body: None,
        }
    }
    /// `POST /new/{id}`
    pub fn new_2(&self, id: impl Into<String>) -> New<'_> {
        New {
            client: self,
            id: id.into(),
            into_stream_2: None,
            request: None,
            api: None,
            input: None,
            principal: None,
            body: None,
        }
    }
    /// `POST /send/{id}`
    pub fn send(&self, id: impl Into<String>) -> SendType<'_> {
        SendType {
            client: self,
            id: id.into(),
            into_stream_2: None,
            request: None,
            api: None,
            input: None,
            principal: None,
            body: None,
        }
    }
    /// `POST /body/{id}`
    pub fn body(&self, id: impl Into<String>) -> Body<'_> {
        Body {
            client: self,
            id: id.into(),
            into_stream_2: None,
            request: None,
            api: None,
            input: None,
            principal: None,
            body: None,
        }
    }
    /// `POST /parts/{id}`
    pub fn parts(&self, id: impl Into<String>) -> Parts<'_> {
        Parts {
            client: self,
            id: id.into(),
            into_stream_2: None,
            request: None,
            api: None,
            input: None,
            principal: None,
            body: None,
        }
    }
    /// `POST /idempotency_scope/{id}`
    pub fn idempotency_scope_2(&self, id: impl Into<String>) -> IdempotencyScope<'_> {
        IdempotencyScope {
            client: self,
            id: id.into(),
            into_stream_2: None,
            request: None,
            api: None,
            input: None,
            principal: None,
            body: None,
        }
    }
    /// `GET /pages`
    pub fn list_pages(&self) -> ListPages<'_> {
        ListPages {
            client: self,
            into_stream_2: None,
            page: None,
            per_page: None,
        }
    }
}

/// A call of `upload`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct Upload<'a> {
    client: &'a Client,
    body: Option<UploadForm>,
}

impl<'a> Upload<'a> {
    /// The request body.
    pub fn body(mut self, value: UploadForm) -> Self {
        self.body = Some(value);
        self
    }
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, UploadResponse, UploadError> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "upload",
            method: rt::Method::POST,
            path: "/upload",
            security: &[],
        };
        let mut request = self.client.inner.request(&OPERATION);
        if let Some(body) = self.body {
            request
                .multipart(
                    rt::FormBody::new()
                        .value("parts", &body.parts)
                        .value("input", &body.input)
                        .value("api", &body.api)
                        .files("file", body.file),
                );
        }
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                204 => Ok(raw.empty()?.map(|()| UploadResponse::NoContent)),
                _ => Err(raw.unexpected().into()),
            },
        )
    }
}

/// A call of `rejection`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct Rejection<'a> {
    client: &'a Client,
    id: ::std::string::String,
    into_stream_2: Option<::std::string::String>,
    request: Option<::std::string::String>,
    api: Option<::std::string::String>,
    input: Option<::std::string::String>,
    principal: Option<::std::string::String>,
    body: Option<super::types::A>,
}

impl<'a> Rejection<'a> {
    pub fn into_stream_2(mut self, value: impl Into<String>) -> Self {
        self.into_stream_2 = Some(value.into());
        self
    }
    pub fn request(mut self, value: impl Into<String>) -> Self {
        self.request = Some(value.into());
        self
    }
    pub fn api(mut self, value: impl Into<String>) -> Self {
        self.api = Some(value.into());
        self
    }
    pub fn input(mut self, value: impl Into<String>) -> Self {
        self.input = Some(value.into());
        self
    }
    pub fn principal(mut self, value: impl Into<String>) -> Self {
        self.principal = Some(value.into());
        self
    }
    /// The request body.
    pub fn body(mut self, value: super::types::A) -> Self {
        self.body = Some(value);
        self
    }
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, RejectionResponse, RejectionError> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "rejection",
            method: rt::Method::POST,
            path: "/rejection/{id}",
            security: &[],
        };
        let mut request = self.client.inner.request(&OPERATION);
        request.path("id", &self.id, rt::Style::Simple, false);
        request.query("into_stream", &self.into_stream_2, rt::Style::Form, true, false);
        request.query("request", &self.request, rt::Style::Form, true, false);
        request.query("api", &self.api, rt::Style::Form, true, false);
        request.header("input", &self.input, false);
        request.query("principal", &self.principal, rt::Style::Form, true, false);
        if let Some(body) = self.body {
            request.json("application/json", &body);
        }
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                200 => Ok(raw.json::<super::types::D>()?.map(RejectionResponse::Ok)),
                _ => Err(raw.unexpected().into()),
            },
        )
    }
}

/// A call of `authenticate`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct Authenticate<'a> {
    client: &'a Client,
    id: ::std::string::String,
    into_stream_2: Option<::std::string::String>,
    request: Option<::std::string::String>,
    api: Option<::std::string::String>,
    input: Option<::std::string::String>,
    principal: Option<::std::string::String>,
    body: Option<super::types::A>,
}

impl<'a> Authenticate<'a> {
    pub fn into_stream_2(mut self, value: impl Into<String>) -> Self {
        self.into_stream_2 = Some(value.into());
        self
    }
    pub fn request(mut self, value: impl Into<String>) -> Self {
        self.request = Some(value.into());
        self
    }
    pub fn api(mut self, value: impl Into<String>) -> Self {
        self.api = Some(value.into());
        self
    }
    pub fn input(mut self, value: impl Into<String>) -> Self {
        self.input = Some(value.into());
        self
    }
    pub fn principal(mut self, value: impl Into<String>) -> Self {
        self.principal = Some(value.into());
        self
    }
    /// The request body.
    pub fn body(mut self, value: super::types::A) -> Self {
        self.body = Some(value);
        self
    }
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, AuthenticateResponse, AuthenticateError> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "authenticate",
            method: rt::Method::POST,
            path: "/authenticate/{id}",
            security: &[&["key"]],
        };
        let mut request = self.client.inner.request(&OPERATION);
        request.path("id", &self.id, rt::Style::Simple, false);
        request.query("into_stream", &self.into_stream_2, rt::Style::Form, true, false);
        request.query("request", &self.request, rt::Style::Form, true, false);
        request.query("api", &self.api, rt::Style::Form, true, false);
        request.header("input", &self.input, false);
        request.query("principal", &self.principal, rt::Style::Form, true, false);
        if let Some(body) = self.body {
            request.json("application/json", &body);
        }
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                200 => Ok(raw.json::<super::types::D>()?.map(AuthenticateResponse::Ok)),
                _ => Err(raw.unexpected().into()),
            },
        )
    }
}

/// A call of `settings`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct Settings2<'a> {
    client: &'a Client,
    id: ::std::string::String,
    into_stream_2: Option<::std::string::String>,
    request: Option<::std::string::String>,
    api: Option<::std::string::String>,
    input: Option<::std::string::String>,
    principal: Option<::std::string::String>,
    body: Option<super::types::A>,
}

impl<'a> Settings2<'a> {
    pub fn into_stream_2(mut self, value: impl Into<String>) -> Self {
        self.into_stream_2 = Some(value.into());
        self
    }
    pub fn request(mut self, value: impl Into<String>) -> Self {
        self.request = Some(value.into());
        self
    }
    pub fn api(mut self, value: impl Into<String>) -> Self {
        self.api = Some(value.into());
        self
    }
    pub fn input(mut self, value: impl Into<String>) -> Self {
        self.input = Some(value.into());
        self
    }
    pub fn principal(mut self, value: impl Into<String>) -> Self {
        self.principal = Some(value.into());
        self
    }
    /// The request body.
    pub fn body(mut self, value: super::types::A) -> Self {
        self.body = Some(value);
        self
    }
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, Settings2Response, Settings2Error> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "settings",
            method: rt::Method::POST,
            path: "/settings/{id}",
            security: &[],
        };
        let mut request = self.client.inner.request(&OPERATION);
        request.path("id", &self.id, rt::Style::Simple, false);
        request.query("into_stream", &self.into_stream_2, rt::Style::Form, true, false);
        request.query("request", &self.request, rt::Style::Form, true, false);
        request.query("api", &self.api, rt::Style::Form, true, false);
        request.header("input", &self.input, false);
        request.query("principal", &self.principal, rt::Style::Form, true, false);
        if let Some(body) = self.body {
            request.json("application/json", &body);
        }
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                200 => Ok(raw.json::<super::types::D>()?.map(Settings2Response::Ok)),
                _ => Err(raw.unexpected().into()),
            },
        )
    }
}

/// A call of `problem`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct Problem2<'a> {
    client: &'a Client,
    id: ::std::string::String,
    into_stream_2: Option<::std::string::String>,
    request: Option<::std::string::String>,
    api: Option<::std::string::String>,
    input: Option<::std::string::String>,
    principal: Option<::std::string::String>,
    body: Option<super::types::A>,
}

impl<'a> Problem2<'a> {
    pub fn into_stream_2(mut self, value: impl Into<String>) -> Self {
        self.into_stream_2 = Some(value.into());
        self
    }
    pub fn request(mut self, value: impl Into<String>) -> Self {
        self.request = Some(value.into());
        self
    }
    pub fn api(mut self, value: impl Into<String>) -> Self {
        self.api = Some(value.into());
        self
    }
    pub fn input(mut self, value: impl Into<String>) -> Self {
        self.input = Some(value.into());
        self
    }
    pub fn principal(mut self, value: impl Into<String>) -> Self {
        self.principal = Some(value.into());
        self
    }
    /// The request body.
    pub fn body(mut self, value: super::types::A) -> Self {
        self.body = Some(value);
        self
    }
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, Problem2Response, Problem2Error> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "problem",
            method: rt::Method::POST,
            path: "/problem/{id}",
            security: &[&["key"]],
        };
        let mut request = self.client.inner.request(&OPERATION);
        request.path("id", &self.id, rt::Style::Simple, false);
        request.query("into_stream", &self.into_stream_2, rt::Style::Form, true, false);
        request.query("request", &self.request, rt::Style::Form, true, false);
        request.query("api", &self.api, rt::Style::Form, true, false);
        request.header("input", &self.input, false);
        request.query("principal", &self.principal, rt::Style::Form, true, false);
        if let Some(body) = self.body {
            request.json("application/json", &body);
        }
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                200 => Ok(raw.json::<super::types::D>()?.map(Problem2Response::Ok)),
                _ => Err(raw.unexpected().into()),
            },
        )
    }
}

/// A call of `api`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct Api2<'a> {
    client: &'a Client,
    id: ::std::string::String,
    into_stream_2: Option<::std::string::String>,
    request: Option<::std::string::String>,
    api: Option<::std::string::String>,
    input: Option<::std::string::String>,
    principal: Option<::std::string::String>,
    body: Option<super::types::A>,
}

impl<'a> Api2<'a> {
    pub fn into_stream_2(mut self, value: impl Into<String>) -> Self {
        self.into_stream_2 = Some(value.into());
        self
    }
    pub fn request(mut self, value: impl Into<String>) -> Self {
        self.request = Some(value.into());
        self
    }
    pub fn api(mut self, value: impl Into<String>) -> Self {
        self.api = Some(value.into());
        self
    }
    pub fn input(mut self, value: impl Into<String>) -> Self {
        self.input = Some(value.into());
        self
    }
    pub fn principal(mut self, value: impl Into<String>) -> Self {
        self.principal = Some(value.into());
        self
    }
    /// The request body.
    pub fn body(mut self, value: super::types::A) -> Self {
        self.body = Some(value);
        self
    }
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, Api2Response, Api2Error> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "api",
            method: rt::Method::POST,
            path: "/api/{id}",
            security: &[],
        };
        let mut request = self.client.inner.request(&OPERATION);
        request.path("id", &self.id, rt::Style::Simple, false);
        request.query("into_stream", &self.into_stream_2, rt::Style::Form, true, false);
        request.query("request", &self.request, rt::Style::Form, true, false);
        request.query("api", &self.api, rt::Style::Form, true, false);
        request.header("input", &self.input, false);
        request.query("principal", &self.principal, rt::Style::Form, true, false);
        if let Some(body) = self.body {
            request.json("application/json", &body);
        }
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                200 => Ok(raw.json::<super::types::D>()?.map(Api2Response::Ok)),
                _ => Err(raw.unexpected().into()),
            },
        )
    }
}

/// A call of `future`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct Future2<'a> {
    client: &'a Client,
    id: ::std::string::String,
    into_stream_2: Option<::std::string::String>,
    request: Option<::std::string::String>,
    api: Option<::std::string::String>,
    input: Option<::std::string::String>,
    principal: Option<::std::string::String>,
    body: Option<super::types::A>,
}

impl<'a> Future2<'a> {
    pub fn into_stream_2(mut self, value: impl Into<String>) -> Self {
        self.into_stream_2 = Some(value.into());
        self
    }
    pub fn request(mut self, value: impl Into<String>) -> Self {
        self.request = Some(value.into());
        self
    }
    pub fn api(mut self, value: impl Into<String>) -> Self {
        self.api = Some(value.into());
        self
    }
    pub fn input(mut self, value: impl Into<String>) -> Self {
        self.input = Some(value.into());
        self
    }
    pub fn principal(mut self, value: impl Into<String>) -> Self {
        self.principal = Some(value.into());
        self
    }
    /// The request body.
    pub fn body(mut self, value: super::types::A) -> Self {
        self.body = Some(value);
        self
    }
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, Future2Response, Future2Error> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "future",
            method: rt::Method::POST,
            path: "/future/{id}",
            security: &[&["key"]],
        };
        let mut request = self.client.inner.request(&OPERATION);
        request.path("id", &self.id, rt::Style::Simple, false);
        request.query("into_stream", &self.into_stream_2, rt::Style::Form, true, false);
        request.query("request", &self.request, rt::Style::Form, true, false);
        request.query("api", &self.api, rt::Style::Form, true, false);
        request.header("input", &self.input, false);
        request.query("principal", &self.principal, rt::Style::Form, true, false);
        if let Some(body) = self.body {
            request.json("application/json", &body);
        }
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                200 => Ok(raw.json::<super::types::D>()?.map(Future2Response::Ok)),
                _ => Err(raw.unexpected().into()),
            },
        )
    }
}

/// A call of `arc`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct Arc2<'a> {
    client: &'a Client,
    id: ::std::string::String,
    into_stream_2: Option<::std::string::String>,
    request: Option<::std::string::String>,
    api: Option<::std::string::String>,
    input: Option<::std::string::String>,
    principal: Option<::std::string::String>,
    body: Option<super::types::A>,
}

impl<'a> Arc2<'a> {
    pub fn into_stream_2(mut self, value: impl Into<String>) -> Self {
        self.into_stream_2 = Some(value.into());
        self
    }
    pub fn request(mut self, value: impl Into<String>) -> Self {
        self.request = Some(value.into());
        self
    }
    pub fn api(mut self, value: impl Into<String>) -> Self {
        self.api = Some(value.into());
        self
    }
    pub fn input(mut self, value: impl Into<String>) -> Self {
        self.input = Some(value.into());
        self
    }
    pub fn principal(mut self, value: impl Into<String>) -> Self {
        self.principal = Some(value.into());
        self
    }
    /// The request body.
    pub fn body(mut self, value: super::types::A) -> Self {
        self.body = Some(value);
        self
    }
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, Arc2Response, Arc2Error> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "arc",
            method: rt::Method::POST,
            path: "/arc/{id}",
            security: &[],
        };
        let mut request = self.client.inner.request(&OPERATION);
        request.path("id", &self.id, rt::Style::Simple, false);
        request.query("into_stream", &self.into_stream_2, rt::Style::Form, true, false);
        request.query("request", &self.request, rt::Style::Form, true, false);
        request.query("api", &self.api, rt::Style::Form, true, false);
        request.header("input", &self.input, false);
        request.query("principal", &self.principal, rt::Style::Form, true, false);
        if let Some(body) = self.body {
            request.json("application/json", &body);
        }
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                200 => Ok(raw.json::<super::types::D>()?.map(Arc2Response::Ok)),
                _ => Err(raw.unexpected().into()),
            },
        )
    }
}

/// A call of `unimplemented`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct Unimplemented2<'a> {
    client: &'a Client,
    id: ::std::string::String,
    into_stream_2: Option<::std::string::String>,
    request: Option<::std::string::String>,
    api: Option<::std::string::String>,
    input: Option<::std::string::String>,
    principal: Option<::std::string::String>,
    body: Option<super::types::A>,
}

impl<'a> Unimplemented2<'a> {
    pub fn into_stream_2(mut self, value: impl Into<String>) -> Self {
        self.into_stream_2 = Some(value.into());
        self
    }
    pub fn request(mut self, value: impl Into<String>) -> Self {
        self.request = Some(value.into());
        self
    }
    pub fn api(mut self, value: impl Into<String>) -> Self {
        self.api = Some(value.into());
        self
    }
    pub fn input(mut self, value: impl Into<String>) -> Self {
        self.input = Some(value.into());
        self
    }
    pub fn principal(mut self, value: impl Into<String>) -> Self {
        self.principal = Some(value.into());
        self
    }
    /// The request body.
    pub fn body(mut self, value: super::types::A) -> Self {
        self.body = Some(value);
        self
    }
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, Unimplemented2Response, Unimplemented2Error> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "unimplemented",
            method: rt::Method::POST,
            path: "/unimplemented/{id}",
            security: &[&["key"]],
        };
        let mut request = self.client.inner.request(&OPERATION);
        request.path("id", &self.id, rt::Style::Simple, false);
        request.query("into_stream", &self.into_stream_2, rt::Style::Form, true, false);
        request.query("request", &self.request, rt::Style::Form, true, false);
        request.query("api", &self.api, rt::Style::Form, true, false);
        request.header("input", &self.input, false);
        request.query("principal", &self.principal, rt::Style::Form, true, false);
        if let Some(body) = self.body {
            request.json("application/json", &body);
        }
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                200 => Ok(raw.json::<super::types::D>()?.map(Unimplemented2Response::Ok)),
                _ => Err(raw.unexpected().into()),
            },
        )
    }
}

/// A call of `violation`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct Violation2<'a> {
    client: &'a Client,
    id: ::std::string::String,
    into_stream_2: Option<::std::string::String>,
    request: Option<::std::string::String>,
    api: Option<::std::string::String>,
    input: Option<::std::string::String>,
    principal: Option<::std::string::String>,
    body: Option<super::types::A>,
}

impl<'a> Violation2<'a> {
    pub fn into_stream_2(mut self, value: impl Into<String>) -> Self {
        self.into_stream_2 = Some(value.into());
        self
    }
    pub fn request(mut self, value: impl Into<String>) -> Self {
        self.request = Some(value.into());
        self
    }
    pub fn api(mut self, value: impl Into<String>) -> Self {
        self.api = Some(value.into());
        self
    }
    pub fn input(mut self, value: impl Into<String>) -> Self {
        self.input = Some(value.into());
        self
    }
    pub fn principal(mut self, value: impl Into<String>) -> Self {
        self.principal = Some(value.into());
        self
    }
    /// The request body.
    pub fn body(mut self, value: super::types::A) -> Self {
        self.body = Some(value);
        self
    }
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, Violation2Response, Violation2Error> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "violation",
            method: rt::Method::POST,
            path: "/violation/{id}",
            security: &[],
        };
        let mut request = self.client.inner.request(&OPERATION);
        request.path("id", &self.id, rt::Style::Simple, false);
        request.query("into_stream", &self.into_stream_2, rt::Style::Form, true, false);
        request.query("request", &self.request, rt::Style::Form, true, false);
        request.query("api", &self.api, rt::Style::Form, true, false);
        request.header("input", &self.input, false);
        request.query("principal", &self.principal, rt::Style::Form, true, false);
        if let Some(body) = self.body {
            request.json("application/json", &body);
        }
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                200 => Ok(raw.json::<super::types::D>()?.map(Violation2Response::Ok)),
                _ => Err(raw.unexpected().into()),
            },
        )
    }
}

/// A call of `status_code`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct StatusCode2<'a> {
    client: &'a Client,
    id: ::std::string::String,
    into_stream_2: Option<::std::string::String>,
    request: Option<::std::string::String>,
    api: Option<::std::string::String>,
    input: Option<::std::string::String>,
    principal: Option<::std::string::String>,
    body: Option<super::types::A>,
}

impl<'a> StatusCode2<'a> {
    pub fn into_stream_2(mut self, value: impl Into<String>) -> Self {
        self.into_stream_2 = Some(value.into());
        self
    }
    pub fn request(mut self, value: impl Into<String>) -> Self {
        self.request = Some(value.into());
        self
    }
    pub fn api(mut self, value: impl Into<String>) -> Self {
        self.api = Some(value.into());
        self
    }
    pub fn input(mut self, value: impl Into<String>) -> Self {
        self.input = Some(value.into());
        self
    }
    pub fn principal(mut self, value: impl Into<String>) -> Self {
        self.principal = Some(value.into());
        self
    }
    /// The request body.
    pub fn body(mut self, value: super::types::A) -> Self {
        self.body = Some(value);
        self
    }
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, StatusCode2Response, StatusCode2Error> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "status_code",
            method: rt::Method::POST,
            path: "/status_code/{id}",
            security: &[&["key"]],
        };
        let mut request = self.client.inner.request(&OPERATION);
        request.path("id", &self.id, rt::Style::Simple, false);
        request.query("into_stream", &self.into_stream_2, rt::Style::Form, true, false);
        request.query("request", &self.request, rt::Style::Form, true, false);
        request.query("api", &self.api, rt::Style::Form, true, false);
        request.header("input", &self.input, false);
        request.query("principal", &self.principal, rt::Style::Form, true, false);
        if let Some(body) = self.body {
            request.json("application/json", &body);
        }
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                200 => Ok(raw.json::<super::types::D>()?.map(StatusCode2Response::Ok)),
                _ => Err(raw.unexpected().into()),
            },
        )
    }
}

/// A call of `router`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct Router<'a> {
    client: &'a Client,
    id: ::std::string::String,
    into_stream_2: Option<::std::string::String>,
    request: Option<::std::string::String>,
    api: Option<::std::string::String>,
    input: Option<::std::string::String>,
    principal: Option<::std::string::String>,
    body: Option<super::types::A>,
}

impl<'a> Router<'a> {
    pub fn into_stream_2(mut self, value: impl Into<String>) -> Self {
        self.into_stream_2 = Some(value.into());
        self
    }
    pub fn request(mut self, value: impl Into<String>) -> Self {
        self.request = Some(value.into());
        self
    }
    pub fn api(mut self, value: impl Into<String>) -> Self {
        self.api = Some(value.into());
        self
    }
    pub fn input(mut self, value: impl Into<String>) -> Self {
        self.input = Some(value.into());
        self
    }
    pub fn principal(mut self, value: impl Into<String>) -> Self {
        self.principal = Some(value.into());
        self
    }
    /// The request body.
    pub fn body(mut self, value: super::types::A) -> Self {
        self.body = Some(value);
        self
    }
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, RouterResponse, RouterError> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "router",
            method: rt::Method::POST,
            path: "/router/{id}",
            security: &[],
        };
        let mut request = self.client.inner.request(&OPERATION);
        request.path("id", &self.id, rt::Style::Simple, false);
        request.query("into_stream", &self.into_stream_2, rt::Style::Form, true, false);
        request.query("request", &self.request, rt::Style::Form, true, false);
        request.query("api", &self.api, rt::Style::Form, true, false);
        request.header("input", &self.input, false);
        request.query("principal", &self.principal, rt::Style::Form, true, false);
        if let Some(body) = self.body {
            request.json("application/json", &body);
        }
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                200 => Ok(raw.json::<super::types::D>()?.map(RouterResponse::Ok)),
                _ => Err(raw.unexpected().into()),
            },
        )
    }
}

/// A call of `router_with`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct RouterWith<'a> {
    client: &'a Client,
    id: ::std::string::String,
    into_stream_2: Option<::std::string::String>,
    request: Option<::std::string::String>,
    api: Option<::std::string::String>,
    input: Option<::std::string::String>,
    principal: Option<::std::string::String>,
    body: Option<super::types::A>,
}

impl<'a> RouterWith<'a> {
    pub fn into_stream_2(mut self, value: impl Into<String>) -> Self {
        self.into_stream_2 = Some(value.into());
        self
    }
    pub fn request(mut self, value: impl Into<String>) -> Self {
        self.request = Some(value.into());
        self
    }
    pub fn api(mut self, value: impl Into<String>) -> Self {
        self.api = Some(value.into());
        self
    }
    pub fn input(mut self, value: impl Into<String>) -> Self {
        self.input = Some(value.into());
        self
    }
    pub fn principal(mut self, value: impl Into<String>) -> Self {
        self.principal = Some(value.into());
        self
    }
    /// The request body.
    pub fn body(mut self, value: super::types::A) -> Self {
        self.body = Some(value);
        self
    }
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, RouterWithResponse, RouterWithError> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "router_with",
            method: rt::Method::POST,
            path: "/router_with/{id}",
            security: &[&["key"]],
        };
        let mut request = self.client.inner.request(&OPERATION);
        request.path("id", &self.id, rt::Style::Simple, false);
        request.query("into_stream", &self.into_stream_2, rt::Style::Form, true, false);
        request.query("request", &self.request, rt::Style::Form, true, false);
        request.query("api", &self.api, rt::Style::Form, true, false);
        request.header("input", &self.input, false);
        request.query("principal", &self.principal, rt::Style::Form, true, false);
        if let Some(body) = self.body {
            request.json("application/json", &body);
        }
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                200 => Ok(raw.json::<super::types::D>()?.map(RouterWithResponse::Ok)),
                _ => Err(raw.unexpected().into()),
            },
        )
    }
}

/// A call of `input`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct Input<'a> {
    client: &'a Client,
    id: ::std::string::String,
    into_stream_2: Option<::std::string::String>,
    request: Option<::std::string::String>,
    api: Option<::std::string::String>,
    input: Option<::std::string::String>,
    principal: Option<::std::string::String>,
    body: Option<super::types::A>,
}

impl<'a> Input<'a> {
    pub fn into_stream_2(mut self, value: impl Into<String>) -> Self {
        self.into_stream_2 = Some(value.into());
        self
    }
    pub fn request(mut self, value: impl Into<String>) -> Self {
        self.request = Some(value.into());
        self
    }
    pub fn api(mut self, value: impl Into<String>) -> Self {
        self.api = Some(value.into());
        self
    }
    pub fn input(mut self, value: impl Into<String>) -> Self {
        self.input = Some(value.into());
        self
    }
    pub fn principal(mut self, value: impl Into<String>) -> Self {
        self.principal = Some(value.into());
        self
    }
    /// The request body.
    pub fn body(mut self, value: super::types::A) -> Self {
        self.body = Some(value);
        self
    }
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, InputResponse, InputError> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "input",
            method: rt::Method::POST,
            path: "/input/{id}",
            security: &[],
        };
        let mut request = self.client.inner.request(&OPERATION);
        request.path("id", &self.id, rt::Style::Simple, false);
        request.query("into_stream", &self.into_stream_2, rt::Style::Form, true, false);
        request.query("request", &self.request, rt::Style::Form, true, false);
        request.query("api", &self.api, rt::Style::Form, true, false);
        request.header("input", &self.input, false);
        request.query("principal", &self.principal, rt::Style::Form, true, false);
        if let Some(body) = self.body {
            request.json("application/json", &body);
        }
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                200 => Ok(raw.json::<super::types::D>()?.map(InputResponse::Ok)),
                _ => Err(raw.unexpected().into()),
            },
        )
    }
}

/// A call of `request`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct Request<'a> {
    client: &'a Client,
    id: ::std::string::String,
    into_stream_2: Option<::std::string::String>,
    request: Option<::std::string::String>,
    api: Option<::std::string::String>,
    input: Option<::std::string::String>,
    principal: Option<::std::string::String>,
    body: Option<super::types::A>,
}

impl<'a> Request<'a> {
    pub fn into_stream_2(mut self, value: impl Into<String>) -> Self {
        self.into_stream_2 = Some(value.into());
        self
    }
    pub fn request(mut self, value: impl Into<String>) -> Self {
        self.request = Some(value.into());
        self
    }
    pub fn api(mut self, value: impl Into<String>) -> Self {
        self.api = Some(value.into());
        self
    }
    pub fn input(mut self, value: impl Into<String>) -> Self {
        self.input = Some(value.into());
        self
    }
    pub fn principal(mut self, value: impl Into<String>) -> Self {
        self.principal = Some(value.into());
        self
    }
    /// The request body.
    pub fn body(mut self, value: super::types::A) -> Self {
        self.body = Some(value);
        self
    }
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, RequestResponse, RequestError> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "request",
            method: rt::Method::POST,
            path: "/request/{id}",
            security: &[&["key"]],
        };
        let mut request = self.client.inner.request(&OPERATION);
        request.path("id", &self.id, rt::Style::Simple, false);
        request.query("into_stream", &self.into_stream_2, rt::Style::Form, true, false);
        request.query("request", &self.request, rt::Style::Form, true, false);
        request.query("api", &self.api, rt::Style::Form, true, false);
        request.header("input", &self.input, false);
        request.query("principal", &self.principal, rt::Style::Form, true, false);
        if let Some(body) = self.body {
            request.json("application/json", &body);
        }
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                200 => Ok(raw.json::<super::types::D>()?.map(RequestResponse::Ok)),
                _ => Err(raw.unexpected().into()),
            },
        )
    }
}

/// A call of `principal`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct Principal<'a> {
    client: &'a Client,
    id: ::std::string::String,
    into_stream_2: Option<::std::string::String>,
    request: Option<::std::string::String>,
    api: Option<::std::string::String>,
    input: Option<::std::string::String>,
    principal: Option<::std::string::String>,
    body: Option<super::types::A>,
}

impl<'a> Principal<'a> {
    pub fn into_stream_2(mut self, value: impl Into<String>) -> Self {
        self.into_stream_2 = Some(value.into());
        self
    }
    pub fn request(mut self, value: impl Into<String>) -> Self {
        self.request = Some(value.into());
        self
    }
    pub fn api(mut self, value: impl Into<String>) -> Self {
        self.api = Some(value.into());
        self
    }
    pub fn input(mut self, value: impl Into<String>) -> Self {
        self.input = Some(value.into());
        self
    }
    pub fn principal(mut self, value: impl Into<String>) -> Self {
        self.principal = Some(value.into());
        self
    }
    /// The request body.
    pub fn body(mut self, value: super::types::A) -> Self {
        self.body = Some(value);
        self
    }
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, PrincipalResponse, PrincipalError> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "principal",
            method: rt::Method::POST,
            path: "/principal/{id}",
            security: &[],
        };
        let mut request = self.client.inner.request(&OPERATION);
        request.path("id", &self.id, rt::Style::Simple, false);
        request.query("into_stream", &self.into_stream_2, rt::Style::Form, true, false);
        request.query("request", &self.request, rt::Style::Form, true, false);
        request.query("api", &self.api, rt::Style::Form, true, false);
        request.header("input", &self.input, false);
        request.query("principal", &self.principal, rt::Style::Form, true, false);
        if let Some(body) = self.body {
            request.json("application/json", &body);
        }
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                200 => Ok(raw.json::<super::types::D>()?.map(PrincipalResponse::Ok)),
                _ => Err(raw.unexpected().into()),
            },
        )
    }
}

/// A call of `response`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct Response2<'a> {
    client: &'a Client,
    id: ::std::string::String,
    into_stream_2: Option<::std::string::String>,
    request: Option<::std::string::String>,
    api: Option<::std::string::String>,
    input: Option<::std::string::String>,
    principal: Option<::std::string::String>,
    body: Option<super::types::A>,
}

impl<'a> Response2<'a> {
    pub fn into_stream_2(mut self, value: impl Into<String>) -> Self {
        self.into_stream_2 = Some(value.into());
        self
    }
    pub fn request(mut self, value: impl Into<String>) -> Self {
        self.request = Some(value.into());
        self
    }
    pub fn api(mut self, value: impl Into<String>) -> Self {
        self.api = Some(value.into());
        self
    }
    pub fn input(mut self, value: impl Into<String>) -> Self {
        self.input = Some(value.into());
        self
    }
    pub fn principal(mut self, value: impl Into<String>) -> Self {
        self.principal = Some(value.into());
        self
    }
    /// The request body.
    pub fn body(mut self, value: super::types::A) -> Self {
        self.body = Some(value);
        self
    }
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, Response2Response, Response2Error> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "response",
            method: rt::Method::POST,
            path: "/response/{id}",
            security: &[&["key"]],
        };
        let mut request = self.client.inner.request(&OPERATION);
        request.path("id", &self.id, rt::Style::Simple, false);
        request.query("into_stream", &self.into_stream_2, rt::Style::Form, true, false);
        request.query("request", &self.request, rt::Style::Form, true, false);
        request.query("api", &self.api, rt::Style::Form, true, false);
        request.header("input", &self.input, false);
        request.query("principal", &self.principal, rt::Style::Form, true, false);
        if let Some(body) = self.body {
            request.json("application/json", &body);
        }
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                200 => Ok(raw.json::<super::types::D>()?.map(Response2Response::Ok)),
                _ => Err(raw.unexpected().into()),
            },
        )
    }
}

/// A call of `into_response`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct IntoResponse2<'a> {
    client: &'a Client,
    id: ::std::string::String,
    into_stream_2: Option<::std::string::String>,
    request: Option<::std::string::String>,
    api: Option<::std::string::String>,
    input: Option<::std::string::String>,
    principal: Option<::std::string::String>,
    body: Option<super::types::A>,
}

impl<'a> IntoResponse2<'a> {
    pub fn into_stream_2(mut self, value: impl Into<String>) -> Self {
        self.into_stream_2 = Some(value.into());
        self
    }
    pub fn request(mut self, value: impl Into<String>) -> Self {
        self.request = Some(value.into());
        self
    }
    pub fn api(mut self, value: impl Into<String>) -> Self {
        self.api = Some(value.into());
        self
    }
    pub fn input(mut self, value: impl Into<String>) -> Self {
        self.input = Some(value.into());
        self
    }
    pub fn principal(mut self, value: impl Into<String>) -> Self {
        self.principal = Some(value.into());
        self
    }
    /// The request body.
    pub fn body(mut self, value: super::types::A) -> Self {
        self.body = Some(value);
        self
    }
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, IntoResponse2Response, IntoResponse2Error> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "into_response",
            method: rt::Method::POST,
            path: "/into_response/{id}",
            security: &[],
        };
        let mut request = self.client.inner.request(&OPERATION);
        request.path("id", &self.id, rt::Style::Simple, false);
        request.query("into_stream", &self.into_stream_2, rt::Style::Form, true, false);
        request.query("request", &self.request, rt::Style::Form, true, false);
        request.query("api", &self.api, rt::Style::Form, true, false);
        request.header("input", &self.input, false);
        request.query("principal", &self.principal, rt::Style::Form, true, false);
        if let Some(body) = self.body {
            request.json("application/json", &body);
        }
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                200 => Ok(raw.json::<super::types::D>()?.map(IntoResponse2Response::Ok)),
                _ => Err(raw.unexpected().into()),
            },
        )
    }
}

/// A call of `respond`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct Respond<'a> {
    client: &'a Client,
    id: ::std::string::String,
    into_stream_2: Option<::std::string::String>,
    request: Option<::std::string::String>,
    api: Option<::std::string::String>,
    input: Option<::std::string::String>,
    principal: Option<::std::string::String>,
    body: Option<super::types::A>,
}

impl<'a> Respond<'a> {
    pub fn into_stream_2(mut self, value: impl Into<String>) -> Self {
        self.into_stream_2 = Some(value.into());
        self
    }
    pub fn request(mut self, value: impl Into<String>) -> Self {
        self.request = Some(value.into());
        self
    }
    pub fn api(mut self, value: impl Into<String>) -> Self {
        self.api = Some(value.into());
        self
    }
    pub fn input(mut self, value: impl Into<String>) -> Self {
        self.input = Some(value.into());
        self
    }
    pub fn principal(mut self, value: impl Into<String>) -> Self {
        self.principal = Some(value.into());
        self
    }
    /// The request body.
    pub fn body(mut self, value: super::types::A) -> Self {
        self.body = Some(value);
        self
    }
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, RespondResponse, RespondError> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "respond",
            method: rt::Method::POST,
            path: "/respond/{id}",
            security: &[&["key"]],
        };
        let mut request = self.client.inner.request(&OPERATION);
        request.path("id", &self.id, rt::Style::Simple, false);
        request.query("into_stream", &self.into_stream_2, rt::Style::Form, true, false);
        request.query("request", &self.request, rt::Style::Form, true, false);
        request.query("api", &self.api, rt::Style::Form, true, false);
        request.header("input", &self.input, false);
        request.query("principal", &self.principal, rt::Style::Form, true, false);
        if let Some(body) = self.body {
            request.json("application/json", &body);
        }
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                200 => Ok(raw.json::<super::types::D>()?.map(RespondResponse::Ok)),
                _ => Err(raw.unexpected().into()),
            },
        )
    }
}

/// A call of `srv`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct Srv<'a> {
    client: &'a Client,
    id: ::std::string::String,
    into_stream_2: Option<::std::string::String>,
    request: Option<::std::string::String>,
    api: Option<::std::string::String>,
    input: Option<::std::string::String>,
    principal: Option<::std::string::String>,
    body: Option<super::types::A>,
}

impl<'a> Srv<'a> {
    pub fn into_stream_2(mut self, value: impl Into<String>) -> Self {
        self.into_stream_2 = Some(value.into());
        self
    }
    pub fn request(mut self, value: impl Into<String>) -> Self {
        self.request = Some(value.into());
        self
    }
    pub fn api(mut self, value: impl Into<String>) -> Self {
        self.api = Some(value.into());
        self
    }
    pub fn input(mut self, value: impl Into<String>) -> Self {
        self.input = Some(value.into());
        self
    }
    pub fn principal(mut self, value: impl Into<String>) -> Self {
        self.principal = Some(value.into());
        self
    }
    /// The request body.
    pub fn body(mut self, value: super::types::A) -> Self {
        self.body = Some(value);
        self
    }
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, SrvResponse, SrvError> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "srv",
            method: rt::Method::POST,
            path: "/srv/{id}",
            security: &[],
        };
        let mut request = self.client.inner.request(&OPERATION);
        request.path("id", &self.id, rt::Style::Simple, false);
        request.query("into_stream", &self.into_stream_2, rt::Style::Form, true, false);
        request.query("request", &self.request, rt::Style::Form, true, false);
        request.query("api", &self.api, rt::Style::Form, true, false);
        request.header("input", &self.input, false);
        request.query("principal", &self.principal, rt::Style::Form, true, false);
        if let Some(body) = self.body {
            request.json("application/json", &body);
        }
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                200 => Ok(raw.json::<super::types::D>()?.map(SrvResponse::Ok)),
                _ => Err(raw.unexpected().into()),
            },
        )
    }
}

/// A call of `rt`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct Rt<'a> {
    client: &'a Client,
    id: ::std::string::String,
    into_stream_2: Option<::std::string::String>,
    request: Option<::std::string::String>,
    api: Option<::std::string::String>,
    input: Option<::std::string::String>,
    principal: Option<::std::string::String>,
    body: Option<super::types::A>,
}

impl<'a> Rt<'a> {
    pub fn into_stream_2(mut self, value: impl Into<String>) -> Self {
        self.into_stream_2 = Some(value.into());
        self
    }
    pub fn request(mut self, value: impl Into<String>) -> Self {
        self.request = Some(value.into());
        self
    }
    pub fn api(mut self, value: impl Into<String>) -> Self {
        self.api = Some(value.into());
        self
    }
    pub fn input(mut self, value: impl Into<String>) -> Self {
        self.input = Some(value.into());
        self
    }
    pub fn principal(mut self, value: impl Into<String>) -> Self {
        self.principal = Some(value.into());
        self
    }
    /// The request body.
    pub fn body(mut self, value: super::types::A) -> Self {
        self.body = Some(value);
        self
    }
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, RtResponse, RtError> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "rt",
            method: rt::Method::POST,
            path: "/rt/{id}",
            security: &[&["key"]],
        };
        let mut request = self.client.inner.request(&OPERATION);
        request.path("id", &self.id, rt::Style::Simple, false);
        request.query("into_stream", &self.into_stream_2, rt::Style::Form, true, false);
        request.query("request", &self.request, rt::Style::Form, true, false);
        request.query("api", &self.api, rt::Style::Form, true, false);
        request.header("input", &self.input, false);
        request.query("principal", &self.principal, rt::Style::Form, true, false);
        if let Some(body) = self.body {
            request.json("application/json", &body);
        }
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                200 => Ok(raw.json::<super::types::D>()?.map(RtResponse::Ok)),
                _ => Err(raw.unexpected().into()),
            },
        )
    }
}

/// A call of `client`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct Client2<'a> {
    client: &'a Client,
    id: ::std::string::String,
    into_stream_2: Option<::std::string::String>,
    request: Option<::std::string::String>,
    api: Option<::std::string::String>,
    input: Option<::std::string::String>,
    principal: Option<::std::string::String>,
    body: Option<super::types::A>,
}

impl<'a> Client2<'a> {
    pub fn into_stream_2(mut self, value: impl Into<String>) -> Self {
        self.into_stream_2 = Some(value.into());
        self
    }
    pub fn request(mut self, value: impl Into<String>) -> Self {
        self.request = Some(value.into());
        self
    }
    pub fn api(mut self, value: impl Into<String>) -> Self {
        self.api = Some(value.into());
        self
    }
    pub fn input(mut self, value: impl Into<String>) -> Self {
        self.input = Some(value.into());
        self
    }
    pub fn principal(mut self, value: impl Into<String>) -> Self {
        self.principal = Some(value.into());
        self
    }
    /// The request body.
    pub fn body(mut self, value: super::types::A) -> Self {
        self.body = Some(value);
        self
    }
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, Client2Response, Client2Error> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "client",
            method: rt::Method::POST,
            path: "/client/{id}",
            security: &[],
        };
        let mut request = self.client.inner.request(&OPERATION);
        request.path("id", &self.id, rt::Style::Simple, false);
        request.query("into_stream", &self.into_stream_2, rt::Style::Form, true, false);
        request.query("request", &self.request, rt::Style::Form, true, false);
        request.query("api", &self.api, rt::Style::Form, true, false);
        request.header("input", &self.input, false);
        request.query("principal", &self.principal, rt::Style::Form, true, false);
        if let Some(body) = self.body {
            request.json("application/json", &body);
        }
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                200 => Ok(raw.json::<super::types::D>()?.map(Client2Response::Ok)),
                _ => Err(raw.unexpected().into()),
            },
        )
    }
}

/// A call of `new`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct New<'a> {
    client: &'a Client,
    id: ::std::string::String,
    into_stream_2: Option<::std::string::String>,
    request: Option<::std::string::String>,
    api: Option<::std::string::String>,
    input: Option<::std::string::String>,
    principal: Option<::std::string::String>,
    body: Option<super::types::A>,
}

impl<'a> New<'a> {
    pub fn into_stream_2(mut self, value: impl Into<String>) -> Self {
        self.into_stream_2 = Some(value.into());
        self
    }
    pub fn request(mut self, value: impl Into<String>) -> Self {
        self.request = Some(value.into());
        self
    }
    pub fn api(mut self, value: impl Into<String>) -> Self {
        self.api = Some(value.into());
        self
    }
    pub fn input(mut self, value: impl Into<String>) -> Self {
        self.input = Some(value.into());
        self
    }
    pub fn principal(mut self, value: impl Into<String>) -> Self {
        self.principal = Some(value.into());
        self
    }
    /// The request body.
    pub fn body(mut self, value: super::types::A) -> Self {
        self.body = Some(value);
        self
    }
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, NewResponse, NewError> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "new",
            method: rt::Method::POST,
            path: "/new/{id}",
            security: &[&["key"]],
        };
        let mut request = self.client.inner.request(&OPERATION);
        request.path("id", &self.id, rt::Style::Simple, false);
        request.query("into_stream", &self.into_stream_2, rt::Style::Form, true, false);
        request.query("request", &self.request, rt::Style::Form, true, false);
        request.query("api", &self.api, rt::Style::Form, true, false);
        request.header("input", &self.input, false);
        request.query("principal", &self.principal, rt::Style::Form, true, false);
        if let Some(body) = self.body {
            request.json("application/json", &body);
        }
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                200 => Ok(raw.json::<super::types::D>()?.map(NewResponse::Ok)),
                _ => Err(raw.unexpected().into()),
            },
        )
    }
}

/// A call of `send`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct SendType<'a> {
    client: &'a Client,
    id: ::std::string::String,
    into_stream_2: Option<::std::string::String>,
    request: Option<::std::string::String>,
    api: Option<::std::string::String>,
    input: Option<::std::string::String>,
    principal: Option<::std::string::String>,
    body: Option<super::types::A>,
}

impl<'a> SendType<'a> {
    pub fn into_stream_2(mut self, value: impl Into<String>) -> Self {
        self.into_stream_2 = Some(value.into());
        self
    }
    pub fn request(mut self, value: impl Into<String>) -> Self {
        self.request = Some(value.into());
        self
    }
    pub fn api(mut self, value: impl Into<String>) -> Self {
        self.api = Some(value.into());
        self
    }
    pub fn input(mut self, value: impl Into<String>) -> Self {
        self.input = Some(value.into());
        self
    }
    pub fn principal(mut self, value: impl Into<String>) -> Self {
        self.principal = Some(value.into());
        self
    }
    /// The request body.
    pub fn body(mut self, value: super::types::A) -> Self {
        self.body = Some(value);
        self
    }
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, SendTypeResponse, SendTypeError> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "send",
            method: rt::Method::POST,
            path: "/send/{id}",
            security: &[],
        };
        let mut request = self.client.inner.request(&OPERATION);
        request.path("id", &self.id, rt::Style::Simple, false);
        request.query("into_stream", &self.into_stream_2, rt::Style::Form, true, false);
        request.query("request", &self.request, rt::Style::Form, true, false);
        request.query("api", &self.api, rt::Style::Form, true, false);
        request.header("input", &self.input, false);
        request.query("principal", &self.principal, rt::Style::Form, true, false);
        if let Some(body) = self.body {
            request.json("application/json", &body);
        }
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                200 => Ok(raw.json::<super::types::D>()?.map(SendTypeResponse::Ok)),
                _ => Err(raw.unexpected().into()),
            },
        )
    }
}

/// A call of `body`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct Body<'a> {
    client: &'a Client,
    id: ::std::string::String,
    into_stream_2: Option<::std::string::String>,
    request: Option<::std::string::String>,
    api: Option<::std::string::String>,
    input: Option<::std::string::String>,
    principal: Option<::std::string::String>,
    body: Option<super::types::A>,
}

impl<'a> Body<'a> {
    pub fn into_stream_2(mut self, value: impl Into<String>) -> Self {
        self.into_stream_2 = Some(value.into());
        self
    }
    pub fn request(mut self, value: impl Into<String>) -> Self {
        self.request = Some(value.into());
        self
    }
    pub fn api(mut self, value: impl Into<String>) -> Self {
        self.api = Some(value.into());
        self
    }
    pub fn input(mut self, value: impl Into<String>) -> Self {
        self.input = Some(value.into());
        self
    }
    pub fn principal(mut self, value: impl Into<String>) -> Self {
        self.principal = Some(value.into());
        self
    }
    /// The request body.
    pub fn body(mut self, value: super::types::A) -> Self {
        self.body = Some(value);
        self
    }
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, BodyResponse, BodyError> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "body",
            method: rt::Method::POST,
            path: "/body/{id}",
            security: &[&["key"]],
        };
        let mut request = self.client.inner.request(&OPERATION);
        request.path("id", &self.id, rt::Style::Simple, false);
        request.query("into_stream", &self.into_stream_2, rt::Style::Form, true, false);
        request.query("request", &self.request, rt::Style::Form, true, false);
        request.query("api", &self.api, rt::Style::Form, true, false);
        request.header("input", &self.input, false);
        request.query("principal", &self.principal, rt::Style::Form, true, false);
        if let Some(body) = self.body {
            request.json("application/json", &body);
        }
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                200 => Ok(raw.json::<super::types::D>()?.map(BodyResponse::Ok)),
                _ => Err(raw.unexpected().into()),
            },
        )
    }
}

/// A call of `parts`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct Parts<'a> {
    client: &'a Client,
    id: ::std::string::String,
    into_stream_2: Option<::std::string::String>,
    request: Option<::std::string::String>,
    api: Option<::std::string::String>,
    input: Option<::std::string::String>,
    principal: Option<::std::string::String>,
    body: Option<super::types::A>,
}

impl<'a> Parts<'a> {
    pub fn into_stream_2(mut self, value: impl Into<String>) -> Self {
        self.into_stream_2 = Some(value.into());
        self
    }
    pub fn request(mut self, value: impl Into<String>) -> Self {
        self.request = Some(value.into());
        self
    }
    pub fn api(mut self, value: impl Into<String>) -> Self {
        self.api = Some(value.into());
        self
    }
    pub fn input(mut self, value: impl Into<String>) -> Self {
        self.input = Some(value.into());
        self
    }
    pub fn principal(mut self, value: impl Into<String>) -> Self {
        self.principal = Some(value.into());
        self
    }
    /// The request body.
    pub fn body(mut self, value: super::types::A) -> Self {
        self.body = Some(value);
        self
    }
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, PartsResponse, PartsError> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "parts",
            method: rt::Method::POST,
            path: "/parts/{id}",
            security: &[],
        };
        let mut request = self.client.inner.request(&OPERATION);
        request.path("id", &self.id, rt::Style::Simple, false);
        request.query("into_stream", &self.into_stream_2, rt::Style::Form, true, false);
        request.query("request", &self.request, rt::Style::Form, true, false);
        request.query("api", &self.api, rt::Style::Form, true, false);
        request.header("input", &self.input, false);
        request.query("principal", &self.principal, rt::Style::Form, true, false);
        if let Some(body) = self.body {
            request.json("application/json", &body);
        }
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                200 => Ok(raw.json::<super::types::D>()?.map(PartsResponse::Ok)),
                _ => Err(raw.unexpected().into()),
            },
        )
    }
}

/// A call of `idempotency_scope`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct IdempotencyScope<'a> {
    client: &'a Client,
    id: ::std::string::String,
    into_stream_2: Option<::std::string::String>,
    request: Option<::std::string::String>,
    api: Option<::std::string::String>,
    input: Option<::std::string::String>,
    principal: Option<::std::string::String>,
    body: Option<super::types::A>,
}

impl<'a> IdempotencyScope<'a> {
    pub fn into_stream_2(mut self, value: impl Into<String>) -> Self {
        self.into_stream_2 = Some(value.into());
        self
    }
    pub fn request(mut self, value: impl Into<String>) -> Self {
        self.request = Some(value.into());
        self
    }
    pub fn api(mut self, value: impl Into<String>) -> Self {
        self.api = Some(value.into());
        self
    }
    pub fn input(mut self, value: impl Into<String>) -> Self {
        self.input = Some(value.into());
        self
    }
    pub fn principal(mut self, value: impl Into<String>) -> Self {
        self.principal = Some(value.into());
        self
    }
    /// The request body.
    pub fn body(mut self, value: super::types::A) -> Self {
        self.body = Some(value);
        self
    }
    /// Sends the request and reads the response: await what this returns.
    pub fn send(
        self,
    ) -> rt::Sending<'a, IdempotencyScopeResponse, IdempotencyScopeError> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "idempotency_scope",
            method: rt::Method::POST,
            path: "/idempotency_scope/{id}",
            security: &[&["key"]],
        };
        let mut request = self.client.inner.request(&OPERATION);
        request.path("id", &self.id, rt::Style::Simple, false);
        request.query("into_stream", &self.into_stream_2, rt::Style::Form, true, false);
        request.query("request", &self.request, rt::Style::Form, true, false);
        request.query("api", &self.api, rt::Style::Form, true, false);
        request.header("input", &self.input, false);
        request.query("principal", &self.principal, rt::Style::Form, true, false);
        if let Some(body) = self.body {
            request.json("application/json", &body);
        }
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                200 => {
                    Ok(raw.json::<super::types::D>()?.map(IdempotencyScopeResponse::Ok))
                }
                _ => Err(raw.unexpected().into()),
            },
        )
    }
}

/// A call of `listPages`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct ListPages<'a> {
    client: &'a Client,
    into_stream_2: Option<::std::string::String>,
    page: Option<i64>,
    per_page: Option<i64>,
}

impl<'a> ListPages<'a> {
    pub fn into_stream_2(mut self, value: impl Into<String>) -> Self {
        self.into_stream_2 = Some(value.into());
        self
    }
    pub fn page(mut self, value: i64) -> Self {
        self.page = Some(value);
        self
    }
    pub fn per_page(mut self, value: i64) -> Self {
        self.per_page = Some(value);
        self
    }
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, ListPagesResponse, ListPagesError> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "listPages",
            method: rt::Method::GET,
            path: "/pages",
            security: &[],
        };
        let mut request = self.client.inner.request(&OPERATION);
        request.query("into_stream", &self.into_stream_2, rt::Style::Form, true, false);
        request.query("page", &self.page, rt::Style::Form, true, false);
        request.query("per_page", &self.per_page, rt::Style::Form, true, false);
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                200 => {
                    Ok(
                        raw
                            .json::<::std::vec::Vec<super::types::Visitor>>()?
                            .map(ListPagesResponse::Ok),
                    )
                }
                _ => Err(raw.unexpected().into()),
            },
        )
    }
}
