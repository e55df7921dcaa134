//! What each operation of Petstore API answers, shared by the client and the server.
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

/// What `listPets` answers on success.
#[derive(Debug)]
pub enum ListPetsResponse {
    /// A page of pets.
    ///
    /// Status 200.
    Ok(::std::vec::Vec<super::types::Pet>),
}

/// The errors `listPets` documents.
#[derive(Debug)]
pub enum ListPetsError {
    /// Unexpected error. The body explains what went wrong.
    ///
    /// Any other status.
    Default { status: ::specwright_runtime::StatusCode, body: super::types::Error },
}

/// What `createPet` answers on success.
#[derive(Debug)]
pub enum CreatePetResponse {
    /// The pet was created.
    ///
    /// Status 201.
    Created {
        body: super::types::Pet,
        /// The `Location` header.
        location: Option<::std::string::String>,
    },
}

/// The errors `createPet` documents.
#[derive(Debug)]
pub enum CreatePetError {
    /// Unexpected error. The body explains what went wrong.
    ///
    /// Any other status.
    Default { status: ::specwright_runtime::StatusCode, body: super::types::Error },
}

/// What `getPet` answers on success.
#[derive(Debug)]
pub enum GetPetResponse {
    /// The requested pet.
    ///
    /// Status 200.
    Ok(super::types::Pet),
}

/// The errors `getPet` documents.
#[derive(Debug)]
pub enum GetPetError {
    /// Unexpected error. The body explains what went wrong.
    ///
    /// Any other status.
    Default { status: ::specwright_runtime::StatusCode, body: super::types::Error },
}

/// What `deletePet` answers on success.
#[derive(Debug)]
pub enum DeletePetResponse {
    /// The pet was deleted.
    ///
    /// Status 204.
    NoContent,
}

/// The errors `deletePet` documents.
#[derive(Debug)]
pub enum DeletePetError {
    /// Unexpected error. The body explains what went wrong.
    ///
    /// Any other status.
    Default { status: ::specwright_runtime::StatusCode, body: super::types::Error },
}

/// The multipart body of `uploadPetPhoto`: a field per part; files are streamed.
#[derive(Debug)]
pub struct UploadPetPhotoForm {
    /// The `file` part.
    pub file: ::specwright_runtime::FilePart,
    /// The `caption` part.
    pub caption: Option<::std::string::String>,
}

/// What `uploadPetPhoto` answers on success.
#[derive(Debug)]
pub enum UploadPetPhotoResponse {
    /// The photo was stored.
    ///
    /// Status 201.
    Created(super::types::PetPhoto),
}

/// The errors `uploadPetPhoto` documents.
#[derive(Debug)]
pub enum UploadPetPhotoError {
    /// Unexpected error. The body explains what went wrong.
    ///
    /// Any other status.
    Default { status: ::specwright_runtime::StatusCode, body: super::types::Error },
}
