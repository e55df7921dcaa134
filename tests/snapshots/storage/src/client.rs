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
pub const SERVERS: &[rt::ServerTemplate] = &[
    rt::ServerTemplate {
        url: "https://{region}.storage.example.com/v1",
        variables: &[("region", "eu")],
        description: Some("The regional endpoint."),
    },
];

/// The security schemes the spec declares. Give credentials for them
/// by name: `Client::builder().credential(schemes::NAME, ...)`.
pub const SECURITY_SCHEMES: &[rt::Scheme] = &[
    rt::Scheme {
        name: "oauth",
        kind: rt::SchemeKind::OAuth2 {
            token_url: Some("https://auth.storage.example.com/token"),
        },
    },
    rt::Scheme {
        name: "basicAuth",
        kind: rt::SchemeKind::Basic,
    },
    rt::Scheme {
        name: "bearerAuth",
        kind: rt::SchemeKind::Bearer,
    },
    rt::Scheme {
        name: "queryKey",
        kind: rt::SchemeKind::ApiKey {
            location: rt::KeyLocation::Query,
            param: "api_key",
        },
    },
    rt::Scheme {
        name: "cookieKey",
        kind: rt::SchemeKind::ApiKey {
            location: rt::KeyLocation::Cookie,
            param: "sid",
        },
    },
];

/// The names of the security schemes.
pub mod schemes {
    /// `oauth`
    pub const OAUTH: &str = "oauth";
    /// `basicAuth`
    pub const BASIC_AUTH: &str = "basicAuth";
    /// `bearerAuth`
    pub const BEARER_AUTH: &str = "bearerAuth";
    /// `queryKey`
    pub const QUERY_KEY: &str = "queryKey";
    /// `cookieKey`
    pub const COOKIE_KEY: &str = "cookieKey";
}

/// A client for Object Storage API.
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
    /// Whether the service is up
    ///
    /// `GET /health`
    pub fn health(&self) -> Health<'_> {
        Health { client: self }
    }
    /// Create a bucket
    ///
    /// `POST /buckets`
    pub fn create_bucket(&self, body: CreateBucketBody) -> CreateBucket<'_> {
        CreateBucket { client: self, body }
    }
    /// List the objects of a bucket
    ///
    /// `GET /buckets/{bucket}/objects`
    pub fn list_objects(&self, bucket: impl Into<String>) -> ListObjects<'_> {
        ListObjects {
            client: self,
            bucket: bucket.into(),
            prefix: None,
            tags: None,
            ids: None,
            fields: None,
            filter: None,
            limit: None,
            cursor: None,
            x_request_id: None,
            session: None,
        }
    }
    /// Download an object
    ///
    /// `GET /buckets/{bucket}/objects/{key}`
    pub fn get_object(
        &self,
        bucket: impl Into<String>,
        key: impl Into<String>,
    ) -> GetObject<'_> {
        GetObject {
            client: self,
            bucket: bucket.into(),
            key: key.into(),
            if_none_match: None,
        }
    }
    /// Upload an object
    ///
    /// `PUT /buckets/{bucket}/objects/{key}`
    pub fn put_object(
        &self,
        bucket: impl Into<String>,
        key: impl Into<String>,
        body: impl Into<Binary>,
    ) -> PutObject<'_> {
        PutObject {
            client: self,
            bucket: bucket.into(),
            key: key.into(),
            body: body.into(),
        }
    }
    /// Attach a text note to a bucket
    ///
    /// `POST /buckets/{bucket}/notes`
    pub fn add_note(
        &self,
        bucket: impl Into<String>,
        body: impl Into<String>,
    ) -> AddNote<'_> {
        AddNote {
            client: self,
            bucket: bucket.into(),
            body: body.into(),
        }
    }
    /// Upload an object from a browser form
    ///
    /// `POST /buckets/{bucket}/uploads`
    pub fn upload_form(
        &self,
        bucket: impl Into<String>,
        body: UploadFormForm,
    ) -> UploadForm<'_> {
        UploadForm {
            client: self,
            bucket: bucket.into(),
            body,
        }
    }
    /// Metrics for time windows at a point of the key space
    ///
    /// `GET /metrics/{window}/{point}`
    pub fn get_metrics(
        &self,
        window: ::std::vec::Vec<::std::string::String>,
        point: super::types::GetMetricsPoint,
    ) -> GetMetrics<'_> {
        GetMetrics {
            client: self,
            window,
            point,
        }
    }
}

/// A call of `health`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct Health<'a> {
    client: &'a Client,
}

impl<'a> Health<'a> {
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, HealthResponse, HealthError> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "health",
            method: rt::Method::GET,
            path: "/health",
            security: &[],
        };
        let request = self.client.inner.request(&OPERATION);
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                200 => Ok(raw.text()?.map(HealthResponse::Ok)),
                _ => Err(raw.unexpected().into()),
            },
        )
    }
}

/// A call of `createBucket`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct CreateBucket<'a> {
    client: &'a Client,
    body: CreateBucketBody,
}

impl<'a> CreateBucket<'a> {
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, CreateBucketResponse, CreateBucketError> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "createBucket",
            method: rt::Method::POST,
            path: "/buckets",
            security: &[&["oauth"], &["basicAuth"], &["bearerAuth"]],
        };
        let mut request = self.client.inner.request(&OPERATION);
        let body = self.body;
        match body {
            CreateBucketBody::Json(body) => {
                request.json("application/json", &body);
            }
            CreateBucketBody::Form(body) => {
                request.form(&body);
            }
        }
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                201 => {
                    Ok({
                        let location = raw
                            .required_header::<::std::string::String>("Location")?;
                        raw.json::<super::types::Bucket>()?
                            .map(|body| CreateBucketResponse::Created {
                                body,
                                location,
                            })
                    })
                }
                409 => {
                    Err(
                        rt::Error::Api(
                            Box::new(
                                raw
                                    .json::<super::types::Problem>()?
                                    .map(CreateBucketError::Conflict),
                            ),
                        ),
                    )
                }
                429 => {
                    Err(
                        rt::Error::Api(
                            Box::new(
                                raw
                                    .json::<super::types::Problem>()?
                                    .map(CreateBucketError::TooManyRequests),
                            ),
                        ),
                    )
                }
                503 => {
                    Err(
                        rt::Error::Api(
                            Box::new(
                                raw
                                    .json::<super::types::Problem>()?
                                    .map(CreateBucketError::ServiceUnavailable),
                            ),
                        ),
                    )
                }
                _ => Err(raw.unexpected().into()),
            },
        )
    }
}

/// The body of `createBucket`, in one of the media types it accepts.
#[derive(Debug)]
pub enum CreateBucketBody {
    /// As `application/json`.
    Json(super::types::NewBucket),
    /// As `application/x-www-form-urlencoded`.
    Form(super::types::NewBucket),
}

/// A call of `listObjects`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
#[derive(Clone)]
pub struct ListObjects<'a> {
    client: &'a Client,
    bucket: ::std::string::String,
    prefix: Option<::std::string::String>,
    tags: Option<::std::vec::Vec<::std::string::String>>,
    ids: Option<::std::vec::Vec<i64>>,
    fields: Option<::std::vec::Vec<::std::string::String>>,
    filter: Option<super::types::SizeFilter>,
    limit: Option<i32>,
    cursor: Option<::std::string::String>,
    x_request_id: Option<::std::string::String>,
    session: Option<::std::string::String>,
}

impl<'a> ListObjects<'a> {
    pub fn prefix(mut self, value: impl Into<String>) -> Self {
        self.prefix = Some(value.into());
        self
    }
    pub fn tags(mut self, value: ::std::vec::Vec<::std::string::String>) -> Self {
        self.tags = Some(value);
        self
    }
    pub fn ids(mut self, value: ::std::vec::Vec<i64>) -> Self {
        self.ids = Some(value);
        self
    }
    pub fn fields(mut self, value: ::std::vec::Vec<::std::string::String>) -> Self {
        self.fields = Some(value);
        self
    }
    pub fn filter(mut self, value: super::types::SizeFilter) -> Self {
        self.filter = Some(value);
        self
    }
    pub fn limit(mut self, value: i32) -> Self {
        self.limit = Some(value);
        self
    }
    /// Where the page starts; the `next_cursor` of the page before.
    pub fn cursor(mut self, value: impl Into<String>) -> Self {
        self.cursor = Some(value.into());
        self
    }
    pub fn x_request_id(mut self, value: impl Into<String>) -> Self {
        self.x_request_id = Some(value.into());
        self
    }
    pub fn session(mut self, value: impl Into<String>) -> Self {
        self.session = Some(value.into());
        self
    }
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, ListObjectsResponse, ListObjectsError> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "listObjects",
            method: rt::Method::GET,
            path: "/buckets/{bucket}/objects",
            security: &[&["oauth"], &["basicAuth"], &["bearerAuth"]],
        };
        let mut request = self.client.inner.request(&OPERATION);
        request.path("bucket", &self.bucket, rt::Style::Simple, false);
        request.query("prefix", &self.prefix, rt::Style::Form, true, false);
        request.query("tags", &self.tags, rt::Style::SpaceDelimited, false, false);
        request.query("ids", &self.ids, rt::Style::PipeDelimited, false, false);
        request.query("fields", &self.fields, rt::Style::Form, false, false);
        request.query("filter", &self.filter, rt::Style::DeepObject, true, false);
        request.query("limit", &self.limit, rt::Style::Form, true, false);
        request.query("cursor", &self.cursor, rt::Style::Form, true, false);
        request.header("X-Request-Id", &self.x_request_id, false);
        request.cookie("session", &self.session, true);
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                200 => {
                    Ok({
                        let x_total_count = raw.header::<i64>("X-Total-Count")?;
                        raw.json::<super::types::ObjectList>()?
                            .map(|body| ListObjectsResponse::Ok {
                                body,
                                x_total_count,
                            })
                    })
                }
                404 => {
                    Err(
                        rt::Error::Api(
                            Box::new(
                                raw
                                    .json::<super::types::Problem>()?
                                    .map(ListObjectsError::NotFound),
                            ),
                        ),
                    )
                }
                _ => Err(raw.unexpected().into()),
            },
        )
    }
}

impl<'a> ListObjects<'a> {
    /// Every item of `listObjects`, page after page, each page fetched as the stream reaches it.
    pub fn into_stream(
        self,
    ) -> impl rt::Stream<
        Item = Result<super::types::ObjectInfo, rt::Error<ListObjectsError>>,
    > + 'a {
        rt::paginate(
            self,
            |call: Self| async move {
                let response = call.clone().send().await?;
                #[allow(irrefutable_let_patterns)]
                let ListObjectsResponse::Ok { body, .. } = response.into_body() else {
                    return Ok((Vec::new(), None))
                };
                let next = body
                    .next_cursor
                    .clone()
                    .into_option()
                    .filter(|c| !c.is_empty())
                    .map(|c| call.cursor(c));
                let items = body.items;
                Ok((items, next))
            },
        )
    }
}

/// A call of `getObject`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct GetObject<'a> {
    client: &'a Client,
    bucket: ::std::string::String,
    key: ::std::string::String,
    if_none_match: Option<::std::string::String>,
}

impl<'a> GetObject<'a> {
    pub fn if_none_match(mut self, value: impl Into<String>) -> Self {
        self.if_none_match = Some(value.into());
        self
    }
    /// Sends the request; a streamed body is read as it is consumed.
    pub async fn send(
        self,
    ) -> Result<rt::Response<GetObjectResponse>, rt::Error<GetObjectError>> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "getObject",
            method: rt::Method::GET,
            path: "/buckets/{bucket}/objects/{key}",
            security: &[&["oauth"], &["basicAuth"], &["bearerAuth"]],
        };
        let mut request = self.client.inner.request(&OPERATION);
        request.path("bucket", &self.bucket, rt::Style::Simple, false);
        request.path("key", &self.key, rt::Style::Simple, false);
        request.header("If-None-Match", &self.if_none_match, false);
        let raw = request.send().await?;
        match raw.status().as_u16() {
            200 => {
                Ok({
                    let e_tag = raw.required_header::<::std::string::String>("ETag")?;
                    raw.binary()
                        .map(|body| GetObjectResponse::Ok {
                            body,
                            e_tag,
                        })
                })
            }
            304 => Ok(raw.empty().await?.map(|()| GetObjectResponse::NotModified)),
            404 => {
                Err(
                    rt::Error::Api(
                        Box::new(
                            raw
                                .json::<super::types::Problem>()
                                .await?
                                .map(GetObjectError::NotFound),
                        ),
                    ),
                )
            }
            _ => Err(raw.unexpected().await.into()),
        }
    }
}

/// A call of `putObject`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct PutObject<'a> {
    client: &'a Client,
    bucket: ::std::string::String,
    key: ::std::string::String,
    body: Binary,
}

impl<'a> PutObject<'a> {
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, PutObjectResponse, PutObjectError> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "putObject",
            method: rt::Method::PUT,
            path: "/buckets/{bucket}/objects/{key}",
            security: &[&["oauth"], &["basicAuth"], &["bearerAuth"]],
        };
        let mut request = self.client.inner.request(&OPERATION);
        request.path("bucket", &self.bucket, rt::Style::Simple, false);
        request.path("key", &self.key, rt::Style::Simple, false);
        let body = self.body;
        request.binary("application/octet-stream", body);
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                201 => {
                    Ok(
                        raw
                            .json::<super::types::ObjectInfo>()?
                            .map(PutObjectResponse::Created),
                    )
                }
                413 => {
                    Err(
                        rt::Error::Api(
                            Box::new(
                                raw
                                    .json::<super::types::Problem>()?
                                    .map(PutObjectError::PayloadTooLarge),
                            ),
                        ),
                    )
                }
                _ => Err(raw.unexpected().into()),
            },
        )
    }
}

/// A call of `addNote`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct AddNote<'a> {
    client: &'a Client,
    bucket: ::std::string::String,
    body: String,
}

impl<'a> AddNote<'a> {
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, AddNoteResponse, AddNoteError> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "addNote",
            method: rt::Method::POST,
            path: "/buckets/{bucket}/notes",
            security: &[&["queryKey"]],
        };
        let mut request = self.client.inner.request(&OPERATION);
        request.path("bucket", &self.bucket, rt::Style::Simple, false);
        let body = self.body;
        request.text("text/plain", body);
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                204 => Ok(raw.empty()?.map(|()| AddNoteResponse::NoContent)),
                _ => Err(raw.unexpected().into()),
            },
        )
    }
}

/// A call of `uploadForm`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct UploadForm<'a> {
    client: &'a Client,
    bucket: ::std::string::String,
    body: UploadFormForm,
}

impl<'a> UploadForm<'a> {
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, UploadFormResponse, UploadFormError> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "uploadForm",
            method: rt::Method::POST,
            path: "/buckets/{bucket}/uploads",
            security: &[&["cookieKey"]],
        };
        let mut request = self.client.inner.request(&OPERATION);
        request.path("bucket", &self.bucket, rt::Style::Simple, false);
        let body = self.body;
        request
            .multipart(
                rt::FormBody::new()
                    .files("file", [body.file])
                    .value("description", &body.description),
            );
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                201 => {
                    Ok(
                        raw
                            .json::<super::types::ObjectInfo>()?
                            .map(UploadFormResponse::Created),
                    )
                }
                _ => Err(raw.unexpected().into()),
            },
        )
    }
}

/// A call of `getMetrics`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct GetMetrics<'a> {
    client: &'a Client,
    window: ::std::vec::Vec<::std::string::String>,
    point: super::types::GetMetricsPoint,
}

impl<'a> GetMetrics<'a> {
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, GetMetricsResponse, GetMetricsError> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "getMetrics",
            method: rt::Method::GET,
            path: "/metrics/{window}/{point}",
            security: &[],
        };
        let mut request = self.client.inner.request(&OPERATION);
        request.path("window", &self.window, rt::Style::Label, false);
        request.path("point", &self.point, rt::Style::Matrix, true);
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                200 => {
                    Ok(
                        raw
                            .json::<::indexmap::IndexMap<::std::string::String, f64>>()?
                            .map(GetMetricsResponse::Ok),
                    )
                }
                _ => Err(raw.unexpected().into()),
            },
        )
    }
}
