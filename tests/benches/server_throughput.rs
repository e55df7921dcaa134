//! Requests per second of the generated petstore server (checking the key,
//! reading and validating the body against the spec, answering JSON)
//! against a hand-written axum handler doing the same work, both on
//! 127.0.0.1 under `wrk` (Debian's `wrk` package), in the same run. Each
//! side is measured four times, alternating, and keeps its best. The figures go
//! to `target/server-throughput.json`; `cargo xtask bench` holds the
//! generated server to at least 90% of the hand-written one.

use std::collections::HashSet;
use std::process::Command;
use std::time::Duration;

use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use petstore_api::operations::*;
use petstore_api::server::{self, Answer, Api, Credentials, Denied, Presented};
use petstore_api::types::Pet;
use serde_json::{json, Value};

/// Rounds of measuring both sides; each side keeps its best round, which is
/// the one least disturbed by whatever else the machine was doing.
const ROUNDS: usize = 4;

const PET: &str = r#"{"petType":"cat","name":"Miso","nickname":null,"tags":["indoor","calm"],"huntingSkill":"lazy"}"#;

/// Answers `createPet` without keeping anything, so each request costs the same.
struct Bench;

impl Api for Bench {
    type Principal = ();

    async fn authenticate(&self, credentials: Credentials) -> Result<(), Denied> {
        match credentials.get("apiKey") {
            Some(Presented::ApiKey(key)) if key.expose() == "partner-key" => Ok(()),
            _ => Err(Denied::Unauthorized("unknown key".into())),
        }
    }

    async fn create_pet(&self, request: server::CreatePet, _: ()) -> Answer<CreatePetResponse, CreatePetError> {
        let mut pet = request.body;
        if let Pet::Cat(cat) = &mut pet {
            cat.id = Some(1);
        }
        Ok(CreatePetResponse::Created { body: pet, location: Some("/pets/1".into()) })
    }

    async fn list_pets(&self, _: server::ListPets, _: ()) -> Answer<ListPetsResponse, ListPetsError> {
        Ok(ListPetsResponse::Ok(Vec::new()))
    }

    async fn get_pet(&self, _: server::GetPet, _: ()) -> Answer<GetPetResponse, GetPetError> {
        Err(server::Failure::not_implemented("getPet"))
    }

    async fn delete_pet(&self, _: server::DeletePet, _: ()) -> Answer<DeletePetResponse, DeletePetError> {
        Err(server::Failure::not_implemented("deletePet"))
    }

    async fn upload_pet_photo(
        &self,
        _: server::UploadPetPhoto,
        _: (),
    ) -> Answer<UploadPetPhotoResponse, UploadPetPhotoError> {
        Err(server::Failure::not_implemented("uploadPetPhoto"))
    }
}

fn problem(status: StatusCode, errors: Vec<(String, &str)>) -> Response {
    let errors: Vec<Value> =
        errors.into_iter().map(|(p, d)| json!({"in": "body", "pointer": p, "detail": d})).collect();
    let body = json!({"type": "about:blank", "status": status.as_u16(), "errors": errors});
    (status, [("content-type", "application/problem+json")], body.to_string()).into_response()
}

/// The same checks by hand: the key, the media type, JSON, every
/// constraint the spec puts on a cat or a dog, then the typed pet.
async fn hand_written(headers: HeaderMap, body: Bytes) -> Response {
    if headers.get("x-api-key").map(|v| v.as_bytes()) != Some(b"partner-key".as_slice()) {
        return (StatusCode::UNAUTHORIZED, [("www-authenticate", "ApiKey")]).into_response();
    }
    let json_type =
        headers.get("content-type").and_then(|v| v.to_str().ok()).is_some_and(|c| c.starts_with("application/json"));
    if !json_type {
        return StatusCode::UNSUPPORTED_MEDIA_TYPE.into_response();
    }
    let Ok(value) = serde_json::from_slice::<Value>(&body) else {
        return problem(StatusCode::BAD_REQUEST, vec![(String::new(), "is not JSON")]);
    };
    let mut errors = Vec::new();
    let Some(object) = value.as_object() else {
        return problem(StatusCode::BAD_REQUEST, vec![(String::new(), "expected an object")]);
    };
    let text = |name: &str, min: usize, max: usize, errors: &mut Vec<(String, &str)>| match object.get(name) {
        Some(Value::String(s)) if (min..=max).contains(&s.chars().count()) => {}
        Some(Value::Null) if name == "nickname" => {}
        None if name == "nickname" => {}
        _ => errors.push((format!("/{name}"), "is not a valid string")),
    };
    text("name", 1, 64, &mut errors);
    text("nickname", 0, 64, &mut errors);
    match object.get("tags") {
        None => {}
        Some(Value::Array(tags)) => {
            let mut seen = HashSet::new();
            for (i, tag) in tags.iter().enumerate() {
                let ok = tag.as_str().is_some_and(|t| (1..=32).contains(&t.chars().count()));
                if !ok || !seen.insert(tag.to_string()) {
                    errors.push((format!("/tags/{i}"), "is not a valid tag"));
                }
            }
        }
        Some(_) => errors.push(("/tags".into(), "expected an array")),
    }
    match object.get("petType").and_then(Value::as_str) {
        Some("cat") => {
            let skill = object.get("huntingSkill");
            let known = ["clueless", "lazy", "adventurous", "aggressive"];
            if skill.is_some_and(|s| !s.as_str().is_some_and(|s| known.contains(&s))) {
                errors.push(("/huntingSkill".into(), "is not a hunting skill"));
            }
        }
        Some("dog") => {
            if object.get("packSize").is_some_and(|n| !n.as_i64().is_some_and(|n| (0..=i32::MAX as i64).contains(&n))) {
                errors.push(("/packSize".into(), "is not a pack size"));
            }
        }
        _ => errors.push(("/petType".into(), "must be cat or dog")),
    }
    if !errors.is_empty() {
        return problem(StatusCode::BAD_REQUEST, errors);
    }
    let Ok(mut pet) = serde_json::from_value::<Pet>(value) else {
        return problem(StatusCode::BAD_REQUEST, vec![(String::new(), "is not a pet")]);
    };
    if let Pet::Cat(cat) = &mut pet {
        cat.id = Some(1);
    }
    let body = serde_json::to_vec(&pet).unwrap_or_default();
    (StatusCode::CREATED, [("content-type", "application/json"), ("location", "/pets/1")], body).into_response()
}

/// `wrk`'s requests per second against `url`.
fn load(url: &str, script: &std::path::Path) -> f64 {
    let output = Command::new("wrk")
        .args(["-t1", "-c32", "-d5s", "-s"])
        .arg(script)
        .arg(url)
        .output()
        .unwrap_or_else(|e| panic!("this benchmark runs `wrk` (Debian's `wrk` package): {e}"));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(!text.contains("Non-2xx"), "some requests failed:\n{text}");
    text.lines()
        .find_map(|l| l.strip_prefix("Requests/sec:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no figure from wrk:\n{text}"))
}

fn main() {
    // `cargo bench` passes `--bench`; a filter that names nothing here skips the run.
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| !a.starts_with("--") && !"server".contains(a.as_str())) {
        return;
    }
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    let (generated, hand) = runtime.block_on(async {
        let generated = specwright_tests::serve(server::router(Bench)).await;
        let hand = specwright_tests::serve(axum::Router::new().route("/pets", axum::routing::post(hand_written))).await;
        (generated, hand)
    });
    if !args.iter().any(|a| a == "--bench") {
        // Run as a test (`cargo test --all-targets`): both sides answer alike, once.
        runtime.block_on(async {
            for url in [&generated, &hand] {
                let response = reqwest::Client::new()
                    .post(format!("{url}/pets"))
                    .header("X-API-Key", "partner-key")
                    .header("Content-Type", "application/json")
                    .body(PET)
                    .send()
                    .await
                    .expect("the server answers");
                assert_eq!(response.status().as_u16(), 201, "{url}");
            }
        });
        return;
    }
    let script = std::env::temp_dir().join(format!("specwright-create-pet-{}.lua", std::process::id()));
    let lua = format!(
        "wrk.method = \"POST\"\nwrk.body = '{PET}'\nwrk.headers[\"Content-Type\"] = \"application/json\"\n\
         wrk.headers[\"X-API-Key\"] = \"partner-key\"\n"
    );
    std::fs::write(&script, lua).expect("the wrk script is written");
    let (mut best_generated, mut best_hand) = (0f64, 0f64);
    for _ in 0..ROUNDS {
        best_hand = best_hand.max(load(&format!("{hand}/pets"), &script));
        std::thread::sleep(Duration::from_secs(1));
        best_generated = best_generated.max(load(&format!("{generated}/pets"), &script));
        std::thread::sleep(Duration::from_secs(1));
    }
    if let Err(e) = std::fs::remove_file(&script) {
        eprintln!("{} not removed: {e}", script.display());
    }
    let ratio = best_generated / best_hand;
    println!(
        "server createPet: generated {best_generated:.0} req/s, hand-written {best_hand:.0} req/s: {:.1}%",
        ratio * 100.0
    );
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/server-throughput.json");
    let figures = json!({"generated": best_generated, "hand_written": best_hand});
    std::fs::write(out, figures.to_string()).expect("the figures are written");
}
