//! What each operation of Object Storage API answers, shared by the client and the server.
#![cfg_attr(rustfmt, rustfmt::skip)]
#![allow(deprecated)]
#![allow(
    clippy::large_enum_variant,
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

/// What `health` answers on success.
#[derive(Debug)]
pub enum HealthResponse {
    /// The service is up.
    ///
    /// Status 200.
    Ok(String),
}

/// The errors `health` documents.
#[derive(Debug)]
pub enum HealthError {}
/// What `createBucket` answers on success.
#[derive(Debug)]
pub enum CreateBucketResponse {
    /// The bucket was created.
    ///
    /// Status 201.
    Created {
        body: super::types::Bucket,
        /// The `Location` header.
        location: ::std::string::String,
    },
}

/// The errors `createBucket` documents.
#[derive(Debug)]
pub enum CreateBucketError {
    /// The request failed; the body says why.
    ///
    /// Status 409.
    Conflict(super::types::Problem),
    /// The request failed; the body says why.
    ///
    /// Status 429.
    TooManyRequests(super::types::Problem),
    /// The request failed; the body says why.
    ///
    /// Status 503.
    ServiceUnavailable(super::types::Problem),
}

/// What `listObjects` answers on success.
#[derive(Debug)]
pub enum ListObjectsResponse {
    /// A page of objects.
    ///
    /// Status 200.
    Ok {
        body: super::types::ObjectList,
        /// The `X-Total-Count` header.
        x_total_count: Option<i64>,
    },
}

/// The errors `listObjects` documents.
#[derive(Debug)]
pub enum ListObjectsError {
    /// The request failed; the body says why.
    ///
    /// Status 404.
    NotFound(super::types::Problem),
}

/// What `getObject` answers on success.
#[derive(Debug)]
pub enum GetObjectResponse {
    /// The object's bytes.
    ///
    /// Status 200.
    Ok {
        body: ::specwright_runtime::Binary,
        /// The `ETag` header.
        e_tag: ::std::string::String,
    },
    /// The object has not changed.
    ///
    /// Status 304.
    NotModified,
}

/// The errors `getObject` documents.
#[derive(Debug)]
pub enum GetObjectError {
    /// The request failed; the body says why.
    ///
    /// Status 404.
    NotFound(super::types::Problem),
}

/// What `putObject` answers on success.
#[derive(Debug)]
pub enum PutObjectResponse {
    /// Stored.
    ///
    /// Status 201.
    Created(super::types::ObjectInfo),
}

/// The errors `putObject` documents.
#[derive(Debug)]
pub enum PutObjectError {
    /// The request failed; the body says why.
    ///
    /// Status 413.
    PayloadTooLarge(super::types::Problem),
}

/// What `addNote` answers on success.
#[derive(Debug)]
pub enum AddNoteResponse {
    /// Noted.
    ///
    /// Status 204.
    NoContent,
}

/// The errors `addNote` documents.
#[derive(Debug)]
pub enum AddNoteError {}
/// The multipart body of `uploadForm`: a field per part; files are streamed.
#[derive(Debug)]
pub struct UploadFormForm {
    /// The `file` part.
    pub file: ::specwright_runtime::FilePart,
    /// The `description` part.
    pub description: Option<::std::string::String>,
}

/// What `uploadForm` answers on success.
#[derive(Debug)]
pub enum UploadFormResponse {
    /// Stored.
    ///
    /// Status 201.
    Created(super::types::ObjectInfo),
}

/// The errors `uploadForm` documents.
#[derive(Debug)]
pub enum UploadFormError {}
/// What `getMetrics` answers on success.
#[derive(Debug)]
pub enum GetMetricsResponse {
    /// The metrics.
    ///
    /// Status 200.
    Ok(::indexmap::IndexMap<::std::string::String, f64>),
}

/// The errors `getMetrics` documents.
#[derive(Debug)]
pub enum GetMetricsError {}
