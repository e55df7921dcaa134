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

static SCHEMAS: [srv::Schema; 25] = [
    srv::Schema {
        types: srv::schema::types::INTEGER,
        format: srv::Format::Int32,
        minimum: Some(1f64),
        maximum: Some(100f64),
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::ARRAY,
        items: Some(2),
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        min_length: Some(1),
        max_length: Some(32),
        ..srv::Schema::ANY
    },
    srv::Schema {
        one_of: &[4, 5],
        ..srv::Schema::ANY
    },
    srv::Schema {
        all_of: &[6, 7],
        ..srv::Schema::ANY
    },
    srv::Schema {
        all_of: &[6, 8],
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::OBJECT,
        properties: &[
            ("id", 9),
            ("name", 10),
            ("nickname", 11),
            ("petType", 12),
            ("tags", 13),
            ("createdAt", 14),
        ],
        required: &["name", "petType"],
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::OBJECT,
        properties: &[("petType", 15), ("huntingSkill", 16)],
        required: &["petType"],
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::OBJECT,
        properties: &[("petType", 17), ("packSize", 18)],
        required: &["petType"],
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::INTEGER,
        format: srv::Format::Int64,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        min_length: Some(1),
        max_length: Some(64),
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING | srv::schema::types::NULL,
        max_length: Some(64),
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::ARRAY,
        unique_items: true,
        items: Some(19),
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        format: srv::Format::DateTime,
        ..srv::Schema::ANY
    },
    srv::Schema {
        enumeration: &["\"cat\""],
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        enumeration: &["\"clueless\"", "\"lazy\"", "\"adventurous\"", "\"aggressive\""],
        ..srv::Schema::ANY
    },
    srv::Schema {
        enumeration: &["\"dog\""],
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::INTEGER,
        format: srv::Format::Int32,
        minimum: Some(0f64),
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        min_length: Some(1),
        max_length: Some(32),
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::INTEGER,
        format: srv::Format::Int64,
        minimum: Some(1f64),
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::INTEGER,
        format: srv::Format::Int64,
        minimum: Some(1f64),
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::OBJECT,
        properties: &[("file", 23), ("caption", 24)],
        required: &["file"],
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        ..srv::Schema::ANY
    },
    srv::Schema {
        types: srv::schema::types::STRING,
        max_length: Some(200),
        ..srv::Schema::ANY
    },
];

static SCHEMES: [srv::Scheme; 2] = [
    srv::Scheme {
        name: "apiKey",
        kind: srv::SchemeKind::ApiKey {
            location: srv::KeyLocation::Header,
            param: "X-API-Key",
        },
    },
    srv::Scheme {
        name: "bearerAuth",
        kind: srv::SchemeKind::Bearer,
    },
];

static SPEC: srv::Spec = srv::Spec {
    schemas: &SCHEMAS,
    schemes: &SCHEMES,
    prepared: srv::Prepared::new(),
};

/// Petstore API: implement each operation, then serve [`router`].
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
    /// List pets
    ///
    /// Returns the pets in the catalogue, newest first. Results can be
    /// narrowed down to pets that carry all of the given tags.
    ///
    /// `GET /pets`
    fn list_pets(
        &self,
        request: ListPets,
        principal: Self::Principal,
    ) -> impl Future<
        Output = srv::Answer<
            super::operations::ListPetsResponse,
            super::operations::ListPetsError,
        >,
    > + Send;
    /// Create a pet
    ///
    /// Adds a new pet to the catalogue. The server assigns the `id`; any
    /// value sent by the client is ignored. Subscribers of the `newPet`
    /// webhook are notified once the pet has been stored.
    ///
    /// `POST /pets`
    fn create_pet(
        &self,
        request: CreatePet,
        principal: Self::Principal,
    ) -> impl Future<
        Output = srv::Answer<
            super::operations::CreatePetResponse,
            super::operations::CreatePetError,
        >,
    > + Send;
    /// Get a pet
    ///
    /// Returns a single pet by its identifier.
    ///
    /// `GET /pets/{petId}`
    fn get_pet(
        &self,
        request: GetPet,
        principal: Self::Principal,
    ) -> impl Future<
        Output = srv::Answer<
            super::operations::GetPetResponse,
            super::operations::GetPetError,
        >,
    > + Send;
    /// Delete a pet
    ///
    /// Removes a pet and all of its photos from the catalogue. Deleting a
    /// pet that does not exist returns a `404` error.
    ///
    /// `DELETE /pets/{petId}`
    fn delete_pet(
        &self,
        request: DeletePet,
        principal: Self::Principal,
    ) -> impl Future<
        Output = srv::Answer<
            super::operations::DeletePetResponse,
            super::operations::DeletePetError,
        >,
    > + Send;
    /// Upload a pet photo
    ///
    /// Attaches a photo to a pet. The request is `multipart/form-data` with
    /// the image bytes in the `file` part and an optional `caption` part.
    /// Images larger than 10 MiB are rejected.
    ///
    /// `POST /pets/{petId}/photos`
    fn upload_pet_photo(
        &self,
        request: UploadPetPhoto,
        principal: Self::Principal,
    ) -> impl Future<
        Output = srv::Answer<
            super::operations::UploadPetPhotoResponse,
            super::operations::UploadPetPhotoError,
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
    async fn list_pets(
        &self,
        request: ListPets,
        principal: Self::Principal,
    ) -> srv::Answer<
        super::operations::ListPetsResponse,
        super::operations::ListPetsError,
    > {
        let _ = (request, principal);
        Err(srv::Failure::not_implemented("listPets"))
    }
    async fn create_pet(
        &self,
        request: CreatePet,
        principal: Self::Principal,
    ) -> srv::Answer<
        super::operations::CreatePetResponse,
        super::operations::CreatePetError,
    > {
        let _ = (request, principal);
        Err(srv::Failure::not_implemented("createPet"))
    }
    async fn get_pet(
        &self,
        request: GetPet,
        principal: Self::Principal,
    ) -> srv::Answer<super::operations::GetPetResponse, super::operations::GetPetError> {
        let _ = (request, principal);
        Err(srv::Failure::not_implemented("getPet"))
    }
    async fn delete_pet(
        &self,
        request: DeletePet,
        principal: Self::Principal,
    ) -> srv::Answer<
        super::operations::DeletePetResponse,
        super::operations::DeletePetError,
    > {
        let _ = (request, principal);
        Err(srv::Failure::not_implemented("deletePet"))
    }
    async fn upload_pet_photo(
        &self,
        request: UploadPetPhoto,
        principal: Self::Principal,
    ) -> srv::Answer<
        super::operations::UploadPetPhotoResponse,
        super::operations::UploadPetPhotoError,
    > {
        let _ = (request, principal);
        Err(srv::Failure::not_implemented("uploadPetPhoto"))
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
                    id: "listPets",
                    method: srv::Method::GET,
                    path: "/pets",
                    security: &[&["apiKey"], &["bearerAuth"]],
                    produces: &["application/json"],
                    invalid_path: srv::StatusCode::BAD_REQUEST,
                };
                &OPERATION
            },
            handle_list_pets::<A>,
        );
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "createPet",
                    method: srv::Method::POST,
                    path: "/pets",
                    security: &[&["apiKey"], &["bearerAuth"]],
                    produces: &["application/json"],
                    invalid_path: srv::StatusCode::BAD_REQUEST,
                };
                &OPERATION
            },
            handle_create_pet::<A>,
        );
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "getPet",
                    method: srv::Method::GET,
                    path: "/pets/{petId}",
                    security: &[&["apiKey"], &["bearerAuth"]],
                    produces: &["application/json"],
                    invalid_path: srv::StatusCode::BAD_REQUEST,
                };
                &OPERATION
            },
            handle_get_pet::<A>,
        );
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "deletePet",
                    method: srv::Method::DELETE,
                    path: "/pets/{petId}",
                    security: &[&["apiKey"], &["bearerAuth"]],
                    produces: &["application/json"],
                    invalid_path: srv::StatusCode::BAD_REQUEST,
                };
                &OPERATION
            },
            handle_delete_pet::<A>,
        );
    routes
        .add(
            {
                static OPERATION: srv::Operation = srv::Operation {
                    id: "uploadPetPhoto",
                    method: srv::Method::POST,
                    path: "/pets/{petId}/photos",
                    security: &[&["apiKey"], &["bearerAuth"]],
                    produces: &["application/json"],
                    invalid_path: srv::StatusCode::BAD_REQUEST,
                };
                &OPERATION
            },
            handle_upload_pet_photo::<A>,
        );
    routes.into_router()
}

/// A request of `listPets`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct ListPets {
    /// Maximum number of pets to return.
    ///
    /// The query parameter `limit`.
    pub limit: Option<i32>,
    /// Only return pets that have every one of these tags. Repeat the
    /// parameter for each tag, e.g. `?tags=indoor&tags=vaccinated`.
    ///
    /// The query parameter `tags`.
    pub tags: Option<::std::vec::Vec<::std::string::String>>,
}

fn handle_list_pets<A: Api>(api: Arc<A>, mut input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let principal = match input
            .authenticate(|credentials| api.authenticate(credentials))
            .await
        {
            Ok(principal) => principal,
            Err(refused) => return api.rejection(refused),
        };
        let limit = input
            .query::<Option<i32>>("limit", srv::Style::Form, true, false, Some(0));
        let tags = input
            .query::<
                Option<::std::vec::Vec<::std::string::String>>,
            >("tags", srv::Style::Form, true, false, Some(1));
        let (Some(limit), Some(tags)) = (limit, tags) else {
            return api.rejection(input.into_problem())
        };
        let request = ListPets { limit, tags };
        let answer = api.list_pets(request, principal).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::ListPetsResponse {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Ok(body) => srv::reply(200u16).json("application/json", &body),
        }
    }
}

impl srv::IntoResponse for super::operations::ListPetsError {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Default { status, body } => {
                srv::reply(status).json("application/json", &body)
            }
        }
    }
}

/// A request of `createPet`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct CreatePet {
    /// The request body.
    pub body: super::types::Pet,
}

fn handle_create_pet<A: Api>(api: Arc<A>, mut input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let principal = match input
            .authenticate(|credentials| api.authenticate(credentials))
            .await
        {
            Ok(principal) => principal,
            Err(refused) => return api.rejection(refused),
        };
        let body = match input.body_kind(&["application/json"], true) {
            Ok(Some(_)) => input.json::<super::types::Pet>(Some(3)).await,
            Ok(None) => None,
            Err(()) => None,
        };
        let (Some(body),) = (body,) else { return api.rejection(input.into_problem()) };
        let request = CreatePet { body };
        match input.idempotency(api.idempotency_scope(&principal)).await {
            srv::Idempotent::Run => {}
            srv::Idempotent::Replay(response) => return response,
            srv::Idempotent::Refused(problem) => return api.rejection(problem),
        }
        let answer = api.create_pet(request, principal).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::CreatePetResponse {
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

impl srv::IntoResponse for super::operations::CreatePetError {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Default { status, body } => {
                srv::reply(status).json("application/json", &body)
            }
        }
    }
}

/// A request of `getPet`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct GetPet {
    /// Identifier of the pet.
    ///
    /// The path parameter `petId`.
    pub pet_id: i64,
}

fn handle_get_pet<A: Api>(api: Arc<A>, mut input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let principal = match input
            .authenticate(|credentials| api.authenticate(credentials))
            .await
        {
            Ok(principal) => principal,
            Err(refused) => return api.rejection(refused),
        };
        let pet_id = input.path::<i64>("petId", srv::Style::Simple, false, Some(20));
        let (Some(pet_id),) = (pet_id,) else {
            return api.rejection(input.into_problem())
        };
        let request = GetPet { pet_id };
        let answer = api.get_pet(request, principal).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::GetPetResponse {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Ok(body) => srv::reply(200u16).json("application/json", &body),
        }
    }
}

impl srv::IntoResponse for super::operations::GetPetError {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Default { status, body } => {
                srv::reply(status).json("application/json", &body)
            }
        }
    }
}

/// A request of `deletePet`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct DeletePet {
    /// Identifier of the pet.
    ///
    /// The path parameter `petId`.
    pub pet_id: i64,
}

fn handle_delete_pet<A: Api>(api: Arc<A>, mut input: srv::Input) -> srv::BoxFuture {
    Box::pin(async move {
        let principal = match input
            .authenticate(|credentials| api.authenticate(credentials))
            .await
        {
            Ok(principal) => principal,
            Err(refused) => return api.rejection(refused),
        };
        let pet_id = input.path::<i64>("petId", srv::Style::Simple, false, Some(20));
        let (Some(pet_id),) = (pet_id,) else {
            return api.rejection(input.into_problem())
        };
        let request = DeletePet { pet_id };
        let answer = api.delete_pet(request, principal).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::DeletePetResponse {
    fn into_response(self) -> srv::Response {
        match self {
            Self::NoContent => srv::reply(204u16).empty(),
        }
    }
}

impl srv::IntoResponse for super::operations::DeletePetError {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Default { status, body } => {
                srv::reply(status).json("application/json", &body)
            }
        }
    }
}

/// A request of `uploadPetPhoto`: its parameters and body, checked against the spec.
#[derive(Debug)]
#[non_exhaustive]
pub struct UploadPetPhoto {
    /// Identifier of the pet.
    ///
    /// The path parameter `petId`.
    pub pet_id: i64,
    /// The request body.
    pub body: super::operations::UploadPetPhotoForm,
}

fn handle_upload_pet_photo<A: Api>(
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
        let pet_id = input.path::<i64>("petId", srv::Style::Simple, false, Some(21));
        let body = match input.body_kind(&["multipart/form-data"], true) {
            Ok(Some(_)) => {
                match input.multipart(Some(&["file"])).await {
                    Some(mut parts) => {
                        let file = input.file(&mut parts, "file", true).flatten();
                        let caption = input
                            .part::<
                                Option<::std::string::String>,
                            >(&mut parts, "caption", false, Some(24));
                        match (file, caption) {
                            (Some(file), Some(caption)) => {
                                Some(super::operations::UploadPetPhotoForm {
                                    file,
                                    caption,
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
        let (Some(pet_id), Some(body)) = (pet_id, body) else {
            return api.rejection(input.into_problem())
        };
        let request = UploadPetPhoto { pet_id, body };
        match input.idempotency(api.idempotency_scope(&principal)).await {
            srv::Idempotent::Run => {}
            srv::Idempotent::Replay(response) => return response,
            srv::Idempotent::Refused(problem) => return api.rejection(problem),
        }
        let answer = api.upload_pet_photo(request, principal).await;
        srv::respond(answer, |problem| api.rejection(problem))
    })
}

impl srv::IntoResponse for super::operations::UploadPetPhotoResponse {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Created(body) => srv::reply(201u16).json("application/json", &body),
        }
    }
}

impl srv::IntoResponse for super::operations::UploadPetPhotoError {
    fn into_response(self) -> srv::Response {
        match self {
            Self::Default { status, body } => {
                srv::reply(status).json("application/json", &body)
            }
        }
    }
}
