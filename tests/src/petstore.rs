//! A small in-memory implementation of the petstore's generated server,
//! for the scenarios in `tests/` and for running the server by hand
//! (`cargo run -p specwright-tests --bin petstore-server`).

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use petstore_api::operations::*;
use petstore_api::server::{self, Answer, Api, Credentials, Denied, IntoResponse, Presented};
use petstore_api::types::{Pet, PetPhoto};
use specwright_runtime::{Nullable, StatusCode};

/// The pets, and how many requests reached an operation.
#[derive(Default)]
pub struct Store {
    pub pets: Mutex<BTreeMap<i64, Pet>>,
    /// Requests that reached an operation.
    pub calls: AtomicUsize,
    /// Photos that reached `uploadPetPhoto` as a stream rather than in memory.
    pub streamed_photos: AtomicUsize,
    /// How long `createPet` takes.
    pub create_delay: Mutex<Duration>,
}

fn error(status: u16, message: &str) -> petstore_api::types::Error {
    petstore_api::types::Error { code: status as i32, message: message.to_string(), request_id: None }
}

fn status(code: u16) -> StatusCode {
    StatusCode::from_u16(code).unwrap()
}

pub fn name_of(pet: &Pet) -> &str {
    match pet {
        Pet::Cat(c) => &c.name,
        Pet::Dog(d) => &d.name,
        Pet::Other(_) => "",
    }
}

fn tags_of(pet: &Pet) -> Vec<String> {
    match pet {
        Pet::Cat(c) => c.tags.clone().unwrap_or_default(),
        Pet::Dog(d) => d.tags.clone().unwrap_or_default(),
        Pet::Other(_) => Vec::new(),
    }
}

#[derive(Clone)]
pub struct Petstore(pub Arc<Store>);

impl Api for Petstore {
    type Principal = String;

    async fn authenticate(&self, credentials: Credentials) -> Result<String, Denied> {
        match credentials.iter().next() {
            Some((_, Presented::ApiKey(key))) if key.expose() == "partner-key" => Ok("partner".into()),
            Some((_, Presented::Bearer(token))) if token.expose() == "jwt-of-ada" => Ok("ada".into()),
            Some((_, Presented::Bearer(token))) if token.expose() == "jwt-of-guest" => {
                Err(Denied::Forbidden("guests can't do this".into()))
            }
            _ => Err(Denied::Unauthorized("unknown credentials".into())),
        }
    }

    /// Keys belong to the principal, whichever of its credentials it sends.
    fn idempotency_scope(&self, principal: &String) -> Option<String> {
        Some(principal.clone())
    }

    /// The petstore documents one error format (`Error`, as JSON) for every
    /// failure; problems take it too, with each invalid value listed.
    fn rejection(&self, problem: server::Problem) -> server::Response {
        let mut body = serde_json::json!({
            "code": problem.status.as_u16(),
            "message": problem.detail.clone().unwrap_or_else(|| problem.title.clone()),
        });
        if !problem.errors.is_empty() {
            body["errors"] = serde_json::to_value(&problem.errors).unwrap_or_default();
        }
        let mut response = (problem.status, [("content-type", "application/json")], body.to_string()).into_response();
        for (name, value) in problem.headers {
            response.headers_mut().append(name, value);
        }
        response
    }

    async fn list_pets(&self, request: server::ListPets, _who: String) -> Answer<ListPetsResponse, ListPetsError> {
        self.0.calls.fetch_add(1, Ordering::SeqCst);
        let wanted = request.tags.unwrap_or_default();
        if wanted.iter().any(|t| t == "forbidden-tag") {
            return Err(
                ListPetsError::Default { status: status(422), body: error(422, "that tag is not searchable") }.into()
            );
        }
        let pets = self.0.pets.lock().unwrap();
        let page = pets
            .values()
            .rev()
            .filter(|p| wanted.iter().all(|t| tags_of(p).contains(t)))
            .take(request.limit.unwrap_or(20) as usize)
            .cloned()
            .collect();
        Ok(ListPetsResponse::Ok(page))
    }

    async fn create_pet(&self, request: server::CreatePet, _who: String) -> Answer<CreatePetResponse, CreatePetError> {
        self.0.calls.fetch_add(1, Ordering::SeqCst);
        let delay = *self.0.create_delay.lock().unwrap();
        if !delay.is_zero() {
            tokio::time::sleep(delay).await;
        }
        let mut pets = self.0.pets.lock().unwrap();
        if pets.values().any(|p| name_of(p) == name_of(&request.body)) {
            return Err(CreatePetError::Default { status: status(409), body: error(409, "that name is taken") }.into());
        }
        let id = pets.keys().last().copied().unwrap_or(0) + 1;
        let mut pet = request.body;
        match &mut pet {
            Pet::Cat(c) => c.id = Some(id),
            Pet::Dog(d) => d.id = Some(id),
            Pet::Other(_) => {}
        }
        pets.insert(id, pet.clone());
        Ok(CreatePetResponse::Created { body: pet, location: Some(format!("/pets/{id}")) })
    }

    async fn get_pet(&self, request: server::GetPet, _who: String) -> Answer<GetPetResponse, GetPetError> {
        self.0.calls.fetch_add(1, Ordering::SeqCst);
        match self.0.pets.lock().unwrap().get(&request.pet_id) {
            Some(pet) => Ok(GetPetResponse::Ok(pet.clone())),
            None => Err(GetPetError::Default { status: status(404), body: error(404, "no such pet") }.into()),
        }
    }

    async fn delete_pet(&self, request: server::DeletePet, who: String) -> Answer<DeletePetResponse, DeletePetError> {
        self.0.calls.fetch_add(1, Ordering::SeqCst);
        if who != "ada" {
            return Err(server::Failure::status(StatusCode::FORBIDDEN, "only ada deletes pets"));
        }
        match self.0.pets.lock().unwrap().remove(&request.pet_id) {
            Some(_) => Ok(DeletePetResponse::NoContent),
            None => Err(DeletePetError::Default { status: status(404), body: error(404, "no such pet") }.into()),
        }
    }

    async fn upload_pet_photo(
        &self,
        request: server::UploadPetPhoto,
        _who: String,
    ) -> Answer<UploadPetPhotoResponse, UploadPetPhotoError> {
        self.0.calls.fetch_add(1, Ordering::SeqCst);
        if !self.0.pets.lock().unwrap().contains_key(&request.pet_id) {
            return Err(UploadPetPhotoError::Default { status: status(404), body: error(404, "no such pet") }.into());
        }
        let form = request.body;
        if form.file.body.as_bytes().is_none() {
            self.0.streamed_photos.fetch_add(1, Ordering::SeqCst);
        }
        let bytes = form.file.body.bytes().await.map_err(server::Failure::internal)?;
        Ok(UploadPetPhotoResponse::Created(PetPhoto {
            id: Some(uuid::Uuid::new_v4()),
            pet_id: request.pet_id,
            url: format!("https://cdn.example.com/{}", form.file.file_name.unwrap_or_default()),
            caption: form.caption.map_or(Nullable::Null, Nullable::Value),
            content_type: None,
            size_bytes: Some(bytes.len() as i64),
        }))
    }
}
