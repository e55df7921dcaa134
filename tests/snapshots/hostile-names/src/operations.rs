//! What each operation of Hostile Names answers, shared by the client and the server.
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

/// The multipart body of `upload`: a field per part; files are streamed.
#[derive(Debug)]
pub struct UploadForm {
    /// The `parts` part.
    pub parts: ::std::string::String,
    /// The `input` part.
    pub input: ::std::string::String,
    /// The `api` part.
    pub api: Option<::std::string::String>,
    /// The `file` part.
    pub file: Option<::specwright_runtime::FilePart>,
}

/// What `upload` answers on success.
#[derive(Debug)]
pub enum UploadResponse {
    /// ok
    ///
    /// Status 204.
    NoContent,
}

/// The errors `upload` documents.
#[derive(Debug)]
pub enum UploadError {}
/// What `rejection` answers on success.
#[derive(Debug)]
pub enum RejectionResponse {
    /// ok
    ///
    /// Status 200.
    Ok(super::types::D),
}

/// The errors `rejection` documents.
#[derive(Debug)]
pub enum RejectionError {}
/// What `authenticate` answers on success.
#[derive(Debug)]
pub enum AuthenticateResponse {
    /// ok
    ///
    /// Status 200.
    Ok(super::types::D),
}

/// The errors `authenticate` documents.
#[derive(Debug)]
pub enum AuthenticateError {}
/// What `settings` answers on success.
#[derive(Debug)]
pub enum Settings2Response {
    /// ok
    ///
    /// Status 200.
    Ok(super::types::D),
}

/// The errors `settings` documents.
#[derive(Debug)]
pub enum Settings2Error {}
/// What `problem` answers on success.
#[derive(Debug)]
pub enum Problem2Response {
    /// ok
    ///
    /// Status 200.
    Ok(super::types::D),
}

/// The errors `problem` documents.
#[derive(Debug)]
pub enum Problem2Error {}
/// What `api` answers on success.
#[derive(Debug)]
pub enum Api2Response {
    /// ok
    ///
    /// Status 200.
    Ok(super::types::D),
}

/// The errors `api` documents.
#[derive(Debug)]
pub enum Api2Error {}
/// What `future` answers on success.
#[derive(Debug)]
pub enum Future2Response {
    /// ok
    ///
    /// Status 200.
    Ok(super::types::D),
}

/// The errors `future` documents.
#[derive(Debug)]
pub enum Future2Error {}
/// What `arc` answers on success.
#[derive(Debug)]
pub enum Arc2Response {
    /// ok
    ///
    /// Status 200.
    Ok(super::types::D),
}

/// The errors `arc` documents.
#[derive(Debug)]
pub enum Arc2Error {}
/// What `unimplemented` answers on success.
#[derive(Debug)]
pub enum Unimplemented2Response {
    /// ok
    ///
    /// Status 200.
    Ok(super::types::D),
}

/// The errors `unimplemented` documents.
#[derive(Debug)]
pub enum Unimplemented2Error {}
/// What `violation` answers on success.
#[derive(Debug)]
pub enum Violation2Response {
    /// ok
    ///
    /// Status 200.
    Ok(super::types::D),
}

/// The errors `violation` documents.
#[derive(Debug)]
pub enum Violation2Error {}
/// What `status_code` answers on success.
#[derive(Debug)]
pub enum StatusCode2Response {
    /// ok
    ///
    /// Status 200.
    Ok(super::types::D),
}

/// The errors `status_code` documents.
#[derive(Debug)]
pub enum StatusCode2Error {}
/// What `router` answers on success.
#[derive(Debug)]
pub enum RouterResponse {
    /// ok
    ///
    /// Status 200.
    Ok(super::types::D),
}

/// The errors `router` documents.
#[derive(Debug)]
pub enum RouterError {}
/// What `router_with` answers on success.
#[derive(Debug)]
pub enum RouterWithResponse {
    /// ok
    ///
    /// Status 200.
    Ok(super::types::D),
}

/// The errors `router_with` documents.
#[derive(Debug)]
pub enum RouterWithError {}
/// What `input` answers on success.
#[derive(Debug)]
pub enum InputResponse {
    /// ok
    ///
    /// Status 200.
    Ok(super::types::D),
}

/// The errors `input` documents.
#[derive(Debug)]
pub enum InputError {}
/// What `request` answers on success.
#[derive(Debug)]
pub enum RequestResponse {
    /// ok
    ///
    /// Status 200.
    Ok(super::types::D),
}

/// The errors `request` documents.
#[derive(Debug)]
pub enum RequestError {}
/// What `principal` answers on success.
#[derive(Debug)]
pub enum PrincipalResponse {
    /// ok
    ///
    /// Status 200.
    Ok(super::types::D),
}

/// The errors `principal` documents.
#[derive(Debug)]
pub enum PrincipalError {}
/// What `response` answers on success.
#[derive(Debug)]
pub enum Response2Response {
    /// ok
    ///
    /// Status 200.
    Ok(super::types::D),
}

/// The errors `response` documents.
#[derive(Debug)]
pub enum Response2Error {}
/// What `into_response` answers on success.
#[derive(Debug)]
pub enum IntoResponse2Response {
    /// ok
    ///
    /// Status 200.
    Ok(super::types::D),
}

/// The errors `into_response` documents.
#[derive(Debug)]
pub enum IntoResponse2Error {}
/// What `respond` answers on success.
#[derive(Debug)]
pub enum RespondResponse {
    /// ok
    ///
    /// Status 200.
    Ok(super::types::D),
}

/// The errors `respond` documents.
#[derive(Debug)]
pub enum RespondError {}
/// What `srv` answers on success.
#[derive(Debug)]
pub enum SrvResponse {
    /// ok
    ///
    /// Status 200.
    Ok(super::types::D),
}

/// The errors `srv` documents.
#[derive(Debug)]
pub enum SrvError {}
/// What `rt` answers on success.
#[derive(Debug)]
pub enum RtResponse {
    /// ok
    ///
    /// Status 200.
    Ok(super::types::D),
}

/// The errors `rt` documents.
#[derive(Debug)]
pub enum RtError {}
/// What `client` answers on success.
#[derive(Debug)]
pub enum Client2Response {
    /// ok
    ///
    /// Status 200.
    Ok(super::types::D),
}

/// The errors `client` documents.
#[derive(Debug)]
pub enum Client2Error {}
/// What `new` answers on success.
#[derive(Debug)]
pub enum NewResponse {
    /// ok
    ///
    /// Status 200.
    Ok(super::types::D),
}

/// The errors `new` documents.
#[derive(Debug)]
pub enum NewError {}
/// What `send` answers on success.
#[derive(Debug)]
pub enum SendTypeResponse {
    /// ok
    ///
    /// Status 200.
    Ok(super::types::D),
}

/// The errors `send` documents.
#[derive(Debug)]
pub enum SendTypeError {}
/// What `body` answers on success.
#[derive(Debug)]
pub enum BodyResponse {
    /// ok
    ///
    /// Status 200.
    Ok(super::types::D),
}

/// The errors `body` documents.
#[derive(Debug)]
pub enum BodyError {}
/// What `parts` answers on success.
#[derive(Debug)]
pub enum PartsResponse {
    /// ok
    ///
    /// Status 200.
    Ok(super::types::D),
}

/// The errors `parts` documents.
#[derive(Debug)]
pub enum PartsError {}
/// What `idempotency_scope` answers on success.
#[derive(Debug)]
pub enum IdempotencyScopeResponse {
    /// ok
    ///
    /// Status 200.
    Ok(super::types::D),
}

/// The errors `idempotency_scope` documents.
#[derive(Debug)]
pub enum IdempotencyScopeError {}
/// What `listPages` answers on success.
#[derive(Debug)]
pub enum ListPagesResponse {
    /// ok
    ///
    /// Status 200.
    Ok(::std::vec::Vec<super::types::Visitor>),
}

/// The errors `listPages` documents.
#[derive(Debug)]
pub enum ListPagesError {}
