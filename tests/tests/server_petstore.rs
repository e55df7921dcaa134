//! The server generated for `specs/petstore.yaml`, backed by a small
//! in-memory implementation, on 127.0.0.1: the generated client calls every
//! operation and gets every response variant back typed, and requests the
//! spec does not allow are answered 4xx without the implementation ever
//! seeing them.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use petstore_api::client::{schemes, Client, Credential, Error, FilePart};
use petstore_api::operations::*;
use petstore_api::server::{self, Settings};
use petstore_api::types::{Cat, Dog, Pet};
use serde_json::{json, Value};
use specwright_runtime::Nullable;
use specwright_tests::petstore::{name_of, Petstore, Store};
use specwright_tests::serve;

async fn petstore() -> (String, Arc<Store>) {
    let store = Arc::new(Store::default());
    let settings = Settings::default().body_limit(64 * 1024).upload_limit(512 * 1024);
    let router = server::router_with(Petstore(store.clone()), settings);
    (serve(router).await, store)
}

fn client(url: &str, credential: Credential) -> Client {
    let scheme = match credential {
        Credential::ApiKey(_) => schemes::API_KEY,
        _ => schemes::BEARER_AUTH,
    };
    Client::builder().base_url(url).credential(scheme, credential).build().unwrap()
}

fn cat(name: &str, tags: &[&str]) -> Pet {
    Pet::Cat(Cat {
        id: None,
        name: name.into(),
        nickname: Nullable::Null,
        pet_type: "cat".into(),
        tags: Some(tags.iter().map(|t| t.to_string()).collect()),
        created_at: None,
        hunting_skill: None,
    })
}

fn dog(name: &str) -> Pet {
    Pet::Dog(Dog {
        id: None,
        name: name.into(),
        nickname: Nullable::Absent,
        pet_type: "dog".into(),
        tags: None,
        created_at: None,
        pack_size: Some(2),
    })
}

/// The status of a documented error, with its body.
fn documented<E: std::fmt::Debug>(result: Result<impl std::fmt::Debug, Error<E>>) -> (u16, E) {
    match result {
        Err(Error::Api(response)) => (response.status().as_u16(), response.into_body()),
        other => panic!("expected a documented error, got {other:?}"),
    }
}

#[tokio::test]
async fn every_operation_and_response_round_trips_through_client_and_server() {
    let (url, store) = petstore().await;
    let partner = client(&url, Credential::api_key("partner-key"));
    let ada = client(&url, Credential::bearer("jwt-of-ada"));

    // createPet: Created, with its Location header; then the Default error.
    let created = partner.create_pet(cat("Miso", &["indoor"])).send().await.unwrap().into_body();
    let CreatePetResponse::Created { body: Pet::Cat(miso), location } = created else { panic!("{created:?}") };
    assert_eq!((miso.id, miso.name.as_str(), location.as_deref()), (Some(1), "Miso", Some("/pets/1")));
    partner.create_pet(dog("Rex")).send().await.unwrap();
    let (code, CreatePetError::Default { body, .. }) = documented(partner.create_pet(dog("Rex")).send().await);
    assert_eq!((code, body.message.as_str()), (409, "that name is taken"));

    // listPets: Ok, filtered by tag and limited; then the Default error.
    let ListPetsResponse::Ok(all) = partner.list_pets().send().await.unwrap().into_body();
    assert_eq!(all.iter().map(name_of).collect::<Vec<_>>(), ["Rex", "Miso"]);
    let tagged = partner.list_pets().tags(vec!["indoor".into()]).limit(5).send().await.unwrap().into_body();
    let ListPetsResponse::Ok(tagged) = tagged;
    assert_eq!(tagged.iter().map(name_of).collect::<Vec<_>>(), ["Miso"]);
    let (code, _) = documented(partner.list_pets().tags(vec!["forbidden-tag".into()]).send().await);
    assert_eq!(code, 422);

    // getPet: Ok and Default.
    let GetPetResponse::Ok(Pet::Dog(rex)) = partner.get_pet(2).send().await.unwrap().into_body() else { panic!() };
    assert_eq!((rex.name.as_str(), rex.pack_size), ("Rex", Some(2)));
    let (code, GetPetError::Default { status, body }) = documented(partner.get_pet(99).send().await);
    assert_eq!((code, status.as_u16(), body.code), (404, 404, 404));

    // uploadPetPhoto: Created, with the file's bytes and the caption; Default for an unknown pet.
    let photo = |caption: Option<&str>| UploadPetPhotoForm {
        file: FilePart::new(vec![7u8; 3000]).file_name("miso.png").content_type("image/png"),
        caption: caption.map(str::to_string),
    };
    let uploaded = partner.upload_pet_photo(1, photo(Some("asleep"))).send().await.unwrap().into_body();
    let UploadPetPhotoResponse::Created(stored) = uploaded;
    assert_eq!(stored.size_bytes, Some(3000));
    assert_eq!(stored.caption, Nullable::Value("asleep".to_string()));
    assert_eq!(stored.url, "https://cdn.example.com/miso.png");
    let (code, _) = documented(partner.upload_pet_photo(99, photo(None)).send().await);
    assert_eq!(code, 404);
    assert_eq!(store.streamed_photos.load(Ordering::SeqCst), 0, "a small photo stays in memory");

    // A photo past the spool threshold (64 KiB) and the body limit (64 KiB)
    // but within the upload limit reaches the handler as a stream, whole.
    let large = |bytes: usize| UploadPetPhotoForm {
        file: FilePart::new((0..bytes).map(|i| i as u8).collect::<Vec<u8>>()).file_name("big.png"),
        caption: None,
    };
    let UploadPetPhotoResponse::Created(stored) =
        partner.upload_pet_photo(1, large(300 * 1024)).send().await.unwrap().into_body();
    assert_eq!(stored.size_bytes, Some(300 * 1024));
    assert_eq!(store.streamed_photos.load(Ordering::SeqCst), 1, "the large photo came as a stream");
    let refused = partner.upload_pet_photo(1, large(600 * 1024)).send().await.unwrap_err();
    assert_eq!(refused.status().map(|s| s.as_u16()), Some(413), "over the 512 KiB upload limit");
    // Value parts are held in memory, so the body limit bounds them.
    let long_caption = UploadPetPhotoForm { file: FilePart::new(vec![1u8; 10]), caption: Some("x".repeat(70 * 1024)) };
    let refused = partner.upload_pet_photo(1, long_caption).send().await.unwrap_err();
    assert_eq!(refused.status().map(|s| s.as_u16()), Some(413), "a caption over the 64 KiB body limit");

    // deletePet: a failure outside the documented ones (403), NoContent, then Default.
    let refused = partner.delete_pet(1).send().await.unwrap_err();
    assert_eq!(refused.status().map(|s| s.as_u16()), Some(403));
    let deleted = ada.delete_pet(1).send().await.unwrap().into_body();
    assert!(matches!(deleted, DeletePetResponse::NoContent));
    let (code, _) = documented(ada.delete_pet(1).send().await);
    assert_eq!(code, 404);
    assert_eq!(store.calls.load(Ordering::SeqCst), 14);
}

/// A raw request, for what the generated client would never send.
async fn raw(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> (u16, reqwest::header::HeaderMap, Value) {
    let mut request = reqwest::Client::new().request(method.parse().unwrap(), url);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    if let Some(body) = body {
        request = request.body(body.to_string());
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let text = response.text().await.unwrap();
    (status, headers, serde_json::from_str(&text).unwrap_or(Value::String(text)))
}

/// Each `(in, name or pointer, detail)` of a problem answer.
fn problems(body: &Value) -> Vec<(String, String, String)> {
    let s = |v: &Value| v.as_str().unwrap_or_default().to_string();
    body["errors"]
        .as_array()
        .unwrap_or_else(|| panic!("no errors in {body}"))
        .iter()
        .map(|e| (s(&e["in"]), if e["name"].is_string() { s(&e["name"]) } else { s(&e["pointer"]) }, s(&e["detail"])))
        .collect()
}

const KEY: (&str, &str) = ("X-API-Key", "partner-key");
const JSON: (&str, &str) = ("Content-Type", "application/json");

#[tokio::test]
async fn invalid_requests_get_a_problem_listing_every_failure_and_never_reach_the_implementation() {
    let (url, store) = petstore().await;

    let (status, headers, body) = raw("GET", &format!("{url}/pets?limit=0&tags=a&tags="), &[KEY], None).await;
    assert_eq!(status, 400, "{body}");
    // The petstore renders problems in its own error format.
    assert_eq!(headers["content-type"], "application/json");
    assert_eq!(body["code"], 400);
    let found = problems(&body);
    assert!(found.contains(&("query".into(), "limit".into(), "must be at least 1".into())), "{found:?}");
    assert!(found.iter().any(|(place, name, why)| place == "query" && name == "tags" && why.contains("at least 1")));

    let pet = json!({"petType": "cat", "name": "", "tags": ["a", "a"], "huntingSkill": "sleepy"}).to_string();
    let (status, _, body) = raw("POST", &format!("{url}/pets"), &[KEY, JSON], Some(&pet)).await;
    assert_eq!(status, 400, "{body}");
    let pointers: Vec<String> = body["errors"].as_array().unwrap().iter().map(|e| e["pointer"].to_string()).collect();
    for expected in ["\"/name\"", "\"/tags\"", "\"/huntingSkill\""] {
        assert!(pointers.iter().any(|p| p == expected), "{expected} in {body}");
    }

    let (status, _, body) = raw("POST", &format!("{url}/pets"), &[KEY, JSON], Some("{\"name\": ")).await;
    assert_eq!(status, 400);
    assert!(problems(&body)[0].2.starts_with("is not JSON"), "{body}");

    let (status, _, _) = raw("POST", &format!("{url}/pets"), &[KEY, ("Content-Type", "text/plain")], Some("x")).await;
    assert_eq!(status, 415);
    let (status, _, body) = raw("POST", &format!("{url}/pets"), &[KEY, JSON], None).await;
    assert_eq!((status, problems(&body)[0].2.as_str()), (400, "a body is required"));

    let big = json!({"petType": "cat", "name": "x".repeat(100 * 1024)}).to_string();
    let (status, _, _) = raw("POST", &format!("{url}/pets"), &[KEY, JSON], Some(&big)).await;
    assert_eq!(status, 413);

    let (status, _, body) = raw("GET", &format!("{url}/pets/abc"), &[KEY], None).await;
    assert_eq!(status, 400);
    assert_eq!(problems(&body), [("path".into(), "petId".into(), "expected an integer, found a string".into())]);
    let (status, _, _) = raw("GET", &format!("{url}/pets/0"), &[KEY], None).await;
    assert_eq!(status, 400);

    let (status, _, _) = raw("GET", &format!("{url}/pets/1"), &[KEY, ("Accept", "text/html")], None).await;
    assert_eq!(status, 406);

    assert_eq!(store.calls.load(Ordering::SeqCst), 0, "no invalid request reached the implementation");
}

#[tokio::test]
async fn integral_numbers_written_with_a_fraction_are_integers() {
    let (url, _) = petstore().await;
    let dog = json!({"petType": "dog", "name": "Rex", "packSize": 3.0}).to_string();
    let (status, _, body) = raw("POST", &format!("{url}/pets"), &[KEY, JSON], Some(&dog)).await;
    assert_eq!((status, &body["packSize"]), (201, &json!(3)), "{body}");
    let dog = json!({"petType": "dog", "name": "Max", "packSize": 3.5}).to_string();
    let (status, _, _) = raw("POST", &format!("{url}/pets"), &[KEY, JSON], Some(&dog)).await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn credentials_are_checked_by_the_hook_before_the_operation() {
    let (url, store) = petstore().await;
    let (status, headers, _) = raw("GET", &format!("{url}/pets"), &[], None).await;
    assert_eq!(status, 401);
    let challenges: Vec<&str> = headers.get_all("www-authenticate").iter().map(|v| v.to_str().unwrap()).collect();
    assert!(challenges.iter().any(|c| c.starts_with("ApiKey") && c.contains("X-API-Key")), "{challenges:?}");
    assert!(challenges.iter().any(|c| c.starts_with("Bearer")), "{challenges:?}");

    // Neither answer says why (the hook's reasons are "unknown credentials"
    // and "guests can't do this") nor repeats what was sent.
    let (status, _, body) = raw("GET", &format!("{url}/pets"), &[("X-API-Key", "stolen")], None).await;
    assert_eq!(status, 401);
    assert!(!body.to_string().contains("unknown") && !body.to_string().contains("stolen"), "{body}");
    let (status, _, body) = raw("GET", &format!("{url}/pets"), &[("Authorization", "Bearer jwt-of-guest")], None).await;
    assert_eq!(status, 403);
    assert!(!body.to_string().contains("guest"), "{body}");
    let (status, _, _) = raw("GET", &format!("{url}/pets"), &[("Authorization", "Bearer jwt-of-ada")], None).await;
    assert_eq!(status, 200);
    assert_eq!(store.calls.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn the_router_answers_405_with_allow_and_composes_with_nest_merge_and_layer() {
    let store = Arc::new(Store::default());
    let seen = Arc::new(AtomicUsize::new(0));
    let counter = seen.clone();
    let app = axum::Router::new()
        .nest("/api", server::router(Petstore(store)))
        .merge(axum::Router::new().route("/health", axum::routing::get(|| async { "ok" })))
        .fallback(server::not_found)
        .layer(axum::middleware::from_fn(move |request: axum::extract::Request, next: axum::middleware::Next| {
            counter.fetch_add(1, Ordering::SeqCst);
            next.run(request)
        }));
    let url = serve(app).await;

    let (status, headers, _) = raw("PUT", &format!("{url}/api/pets"), &[KEY], None).await;
    assert_eq!(status, 405);
    let allow = headers["allow"].to_str().unwrap();
    assert!(allow.contains("GET") && allow.contains("POST"), "{allow}");

    let (status, _, body) = raw("GET", &format!("{url}/api/pets"), &[KEY], None).await;
    assert_eq!((status, body), (200, json!([])));
    let (status, _, body) = raw("GET", &format!("{url}/health"), &[], None).await;
    assert_eq!((status, body), (200, json!("ok")));
    let (status, headers, body) = raw("GET", &format!("{url}/api/nowhere"), &[KEY], None).await;
    assert_eq!((status, headers["content-type"].to_str().unwrap()), (404, "application/problem+json"));
    assert_eq!(body["detail"], "no operation has the path `/api/nowhere`");
    assert_eq!(seen.load(Ordering::SeqCst), 4);
}

#[tokio::test]
async fn the_stub_answers_501_for_every_operation() {
    let url = serve(server::router(server::Unimplemented)).await;
    let partner = client(&url, Credential::api_key("anything"));
    let answer = partner.list_pets().send().await.unwrap_err();
    assert_eq!(answer.status().map(|s| s.as_u16()), Some(501));
    let (status, headers, body) = raw("GET", &format!("{url}/pets/3"), &[KEY], None).await;
    assert_eq!(status, 501);
    assert_eq!(headers["content-type"], "application/problem+json");
    assert_eq!(body["detail"], "`getPet` is not implemented");
}

/// A value that fails to convert is not echoed in the problem: it may be a
/// secret pasted into the wrong place.
#[tokio::test]
async fn a_problem_never_echoes_the_value_sent() {
    let (url, _) = petstore().await;
    let (status, _, body) = raw("GET", &format!("{url}/pets?limit=sk_live_4242"), &[KEY], None).await;
    assert_eq!(status, 400, "{body}");
    assert!(!body.to_string().contains("sk_live_4242"), "{body}");
}

/// A request that takes longer than the server's limit is answered 503 and
/// dropped, rather than holding its connection.
#[tokio::test]
async fn a_slow_request_is_answered_503_at_the_timeout() {
    let store = Arc::new(Store::default());
    *store.create_delay.lock().unwrap() = std::time::Duration::from_secs(5);
    let settings = Settings::default().request_timeout(std::time::Duration::from_millis(200));
    let url = serve(server::router_with(Petstore(store), settings)).await;
    let body = r#"{"petType": "cat", "name": "Slow"}"#;
    let started = std::time::Instant::now();
    let (status, _, problem) = raw("POST", &format!("{url}/pets"), &[KEY], Some(body)).await;
    assert_eq!(status, 503, "{problem}");
    assert!(started.elapsed() < std::time::Duration::from_secs(4), "answered at the limit, not after the work");
}
