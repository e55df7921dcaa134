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
        url: "https://petstore.example.com/{version}",
        variables: &[("version", "v1")],
        description: Some("Hosted Petstore API."),
    },
];

/// The security schemes the spec declares. Give credentials for them
/// by name: `Client::builder().credential(schemes::NAME, ...)`.
pub const SECURITY_SCHEMES: &[rt::Scheme] = &[
    rt::Scheme {
        name: "apiKey",
        kind: rt::SchemeKind::ApiKey {
            location: rt::KeyLocation::Header,
            param: "X-API-Key",
        },
    },
    rt::Scheme {
        name: "bearerAuth",
        kind: rt::SchemeKind::Bearer,
    },
];

/// The names of the security schemes.
pub mod schemes {
    /// `apiKey`
    pub const API_KEY: &str = "apiKey";
    /// `bearerAuth`
    pub const BEARER_AUTH: &str = "bearerAuth";
}

/// A client for Petstore API.
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
    /// List pets
    ///
    /// Returns the pets in the catalogue, newest first. Results can be
    /// narrowed down to pets that carry all of the given tags.
    ///
    /// `GET /pets`
    pub fn list_pets(&self) -> ListPets<'_> {
        ListPets {
            client: self,
            limit: None,
            tags: None,
        }
    }
    /// Create a pet
    ///
    /// Adds a new pet to the catalogue. The server assigns the `id`; any
    /// value sent by the client is ignored. Subscribers of the `newPet`
    /// webhook are notified once the pet has been stored.
    ///
    /// `POST /pets`
    pub fn create_pet(&self, body: super::types::Pet) -> CreatePet<'_> {
        CreatePet { client: self, body }
    }
    /// Get a pet
    ///
    /// Returns a single pet by its identifier.
    ///
    /// `GET /pets/{petId}`
    pub fn get_pet(&self, pet_id: i64) -> GetPet<'_> {
        GetPet { client: self, pet_id }
    }
    /// Delete a pet
    ///
    /// Removes a pet and all of its photos from the catalogue. Deleting a
    /// pet that does not exist returns a `404` error.
    ///
    /// `DELETE /pets/{petId}`
    pub fn delete_pet(&self, pet_id: i64) -> DeletePet<'_> {
        DeletePet { client: self, pet_id }
    }
    /// Upload a pet photo
    ///
    /// Attaches a photo to a pet. The request is `multipart/form-data` with
    /// the image bytes in the `file` part and an optional `caption` part.
    /// Images larger than 10 MiB are rejected.
    ///
    /// `POST /pets/{petId}/photos`
    pub fn upload_pet_photo(
        &self,
        pet_id: i64,
        body: UploadPetPhotoForm,
    ) -> UploadPetPhoto<'_> {
        UploadPetPhoto {
            client: self,
            pet_id,
            body,
        }
    }
}

/// A call of `listPets`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct ListPets<'a> {
    client: &'a Client,
    limit: Option<i32>,
    tags: Option<::std::vec::Vec<::std::string::String>>,
}

impl<'a> ListPets<'a> {
    /// Maximum number of pets to return.
    pub fn limit(mut self, value: i32) -> Self {
        self.limit = Some(value);
        self
    }
    /// Only return pets that have every one of these tags. Repeat the
    /// parameter for each tag, e.g. `?tags=indoor&tags=vaccinated`.
    pub fn tags(mut self, value: ::std::vec::Vec<::std::string::String>) -> Self {
        self.tags = Some(value);
        self
    }
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, ListPetsResponse, ListPetsError> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "listPets",
            method: rt::Method::GET,
            path: "/pets",
            security: &[&["apiKey"], &["bearerAuth"]],
        };
        let mut request = self.client.inner.request(&OPERATION);
        request.query("limit", &self.limit, rt::Style::Form, true, false);
        request.query("tags", &self.tags, rt::Style::Form, true, false);
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                200 => {
                    Ok(
                        raw
                            .json::<::std::vec::Vec<super::types::Pet>>()?
                            .map(ListPetsResponse::Ok),
                    )
                }
                _ => {
                    Err(
                        rt::Error::Api(
                            Box::new({
                                let status = raw.status();
                                raw.json::<super::types::Error>()?
                                    .map(|body| ListPetsError::Default {
                                        body,
                                        status,
                                    })
                            }),
                        ),
                    )
                }
            },
        )
    }
}

/// A call of `createPet`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct CreatePet<'a> {
    client: &'a Client,
    body: super::types::Pet,
}

impl<'a> CreatePet<'a> {
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, CreatePetResponse, CreatePetError> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "createPet",
            method: rt::Method::POST,
            path: "/pets",
            security: &[&["apiKey"], &["bearerAuth"]],
        };
        let mut request = self.client.inner.request(&OPERATION);
        let body = self.body;
        request.json("application/json", &body);
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                201 => {
                    Ok({
                        let location = raw.header::<::std::string::String>("Location")?;
                        raw.json::<super::types::Pet>()?
                            .map(|body| CreatePetResponse::Created {
                                body,
                                location,
                            })
                    })
                }
                _ => {
                    Err(
                        rt::Error::Api(
                            Box::new({
                                let status = raw.status();
                                raw.json::<super::types::Error>()?
                                    .map(|body| CreatePetError::Default {
                                        body,
                                        status,
                                    })
                            }),
                        ),
                    )
                }
            },
        )
    }
}

/// A call of `getPet`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct GetPet<'a> {
    client: &'a Client,
    pet_id: i64,
}

impl<'a> GetPet<'a> {
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, GetPetResponse, GetPetError> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "getPet",
            method: rt::Method::GET,
            path: "/pets/{petId}",
            security: &[&["apiKey"], &["bearerAuth"]],
        };
        let mut request = self.client.inner.request(&OPERATION);
        request.path("petId", &self.pet_id, rt::Style::Simple, false);
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                200 => Ok(raw.json::<super::types::Pet>()?.map(GetPetResponse::Ok)),
                _ => {
                    Err(
                        rt::Error::Api(
                            Box::new({
                                let status = raw.status();
                                raw.json::<super::types::Error>()?
                                    .map(|body| GetPetError::Default {
                                        body,
                                        status,
                                    })
                            }),
                        ),
                    )
                }
            },
        )
    }
}

/// A call of `deletePet`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct DeletePet<'a> {
    client: &'a Client,
    pet_id: i64,
}

impl<'a> DeletePet<'a> {
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, DeletePetResponse, DeletePetError> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "deletePet",
            method: rt::Method::DELETE,
            path: "/pets/{petId}",
            security: &[&["apiKey"], &["bearerAuth"]],
        };
        let mut request = self.client.inner.request(&OPERATION);
        request.path("petId", &self.pet_id, rt::Style::Simple, false);
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                204 => Ok(raw.empty()?.map(|()| DeletePetResponse::NoContent)),
                _ => {
                    Err(
                        rt::Error::Api(
                            Box::new({
                                let status = raw.status();
                                raw.json::<super::types::Error>()?
                                    .map(|body| DeletePetError::Default {
                                        body,
                                        status,
                                    })
                            }),
                        ),
                    )
                }
            },
        )
    }
}

/// A call of `uploadPetPhoto`: set optional parameters, then `send` it.
#[must_use = "a request does nothing until it is sent"]
pub struct UploadPetPhoto<'a> {
    client: &'a Client,
    pet_id: i64,
    body: UploadPetPhotoForm,
}

impl<'a> UploadPetPhoto<'a> {
    /// Sends the request and reads the response: await what this returns.
    pub fn send(self) -> rt::Sending<'a, UploadPetPhotoResponse, UploadPetPhotoError> {
        static OPERATION: rt::Operation = rt::Operation {
            id: "uploadPetPhoto",
            method: rt::Method::POST,
            path: "/pets/{petId}/photos",
            security: &[&["apiKey"], &["bearerAuth"]],
        };
        let mut request = self.client.inner.request(&OPERATION);
        request.path("petId", &self.pet_id, rt::Style::Simple, false);
        let body = self.body;
        request
            .multipart(
                rt::FormBody::new()
                    .files("file", [body.file])
                    .value("caption", &body.caption),
            );
        rt::Sending::new(
            request,
            |raw| match raw.status().as_u16() {
                201 => {
                    Ok(
                        raw
                            .json::<super::types::PetPhoto>()?
                            .map(UploadPetPhotoResponse::Created),
                    )
                }
                _ => {
                    Err(
                        rt::Error::Api(
                            Box::new({
                                let status = raw.status();
                                raw.json::<super::types::Error>()?
                                    .map(|body| UploadPetPhotoError::Default {
                                        body,
                                        status,
                                    })
                            }),
                        ),
                    )
                }
            },
        )
    }
}
