//! The server generated for `specs/storage.yaml` (every parameter style,
//! every body kind, every kind of credential) against the generated client,
//! on 127.0.0.1. The implementation answers with what it received, so each
//! value is checked to arrive as it was sent.

use object_storage_api::client::{schemes, Binary, Client, CreateBucketBody, Credential, Error, FilePart, RetryPolicy};
use object_storage_api::operations::*;
use object_storage_api::server::{self, Answer, Api, Credentials, Denied, Presented};
use object_storage_api::types::{Bucket, GetMetricsPoint, NewBucket, ObjectInfo, ObjectList, SizeFilter};
use serde_json::{json, Value};
use specwright_runtime::Nullable;
use specwright_tests::serve;

fn problem(detail: &str) -> object_storage_api::types::Problem {
    let type_ = "about:blank".to_string();
    object_storage_api::types::Problem { type_, title: "refused".into(), status: 0, detail: Some(detail.into()) }
}

/// Answers with what it was given; the principal names the scheme used.
struct Echo;

impl Api for Echo {
    type Principal = String;

    async fn authenticate(&self, credentials: Credentials) -> Result<String, Denied> {
        let (scheme, presented) = credentials.iter().next().ok_or(Denied::Unauthorized("none".into()))?;
        let who = match presented {
            Presented::Basic { username, password } if password.expose() == "s3cret" => username.clone(),
            Presented::Bearer(token) | Presented::ApiKey(token) if !token.expose().is_empty() => token.expose().into(),
            _ => return Err(Denied::Unauthorized("wrong secret".into())),
        };
        Ok(format!("{scheme}:{who}"))
    }

    async fn health(&self) -> Answer<HealthResponse, HealthError> {
        Ok(HealthResponse::Ok("up".into()))
    }

    async fn create_bucket(
        &self,
        request: server::CreateBucket,
        who: String,
    ) -> Answer<CreateBucketResponse, CreateBucketError> {
        let (new, kind) = match request.body {
            server::CreateBucketBody::Json(b) => (b, "json"),
            server::CreateBucketBody::Form(b) => (b, "form"),
        };
        let refused = |why: &str| problem(why);
        match new.name.as_str() {
            "taken" => return Err(CreateBucketError::Conflict(refused("taken")).into()),
            "busy" => return Err(CreateBucketError::TooManyRequests(refused("busy")).into()),
            "down" => return Err(CreateBucketError::ServiceUnavailable(refused("down")).into()),
            _ => {}
        }
        Ok(CreateBucketResponse::Created {
            location: format!("/buckets/{}", new.name),
            body: Bucket {
                name: new.name,
                region: format!("{}/{kind}/{who}", new.region.unwrap_or_default()),
                created_at: chrono::DateTime::parse_from_rfc3339("2026-11-27T10:00:00Z").unwrap(),
                lifecycle: None,
            },
        })
    }

    async fn list_objects(
        &self,
        request: server::ListObjects,
        who: String,
    ) -> Answer<ListObjectsResponse, ListObjectsError> {
        if request.bucket == "missing" {
            return Err(ListObjectsError::NotFound(problem("no such bucket")).into());
        }
        let seen = json!({
            "bucket": request.bucket, "prefix": request.prefix, "tags": request.tags, "ids": request.ids,
            "fields": request.fields, "filter": request.filter.map(|f| json!({"min": f.min, "max": f.max})),
            "limit": request.limit, "cursor": request.cursor, "request_id": request.x_request_id,
            "session": request.session, "who": who,
        });
        let item = ObjectInfo { key: "seen".into(), size: 0, description: Some(seen.to_string()) };
        let body = ObjectList { items: vec![item], next_cursor: Nullable::Null };
        Ok(ListObjectsResponse::Ok { body, x_total_count: Some(1) })
    }

    async fn get_object(&self, request: server::GetObject, _: String) -> Answer<GetObjectResponse, GetObjectError> {
        if request.key == "missing" {
            return Err(GetObjectError::NotFound(problem("no such object")).into());
        }
        if request.if_none_match.as_deref() == Some("\"v1\"") {
            return Ok(GetObjectResponse::NotModified);
        }
        let body = Binary::from(format!("{}/{}", request.bucket, request.key).into_bytes());
        Ok(GetObjectResponse::Ok { body, e_tag: "\"v1\"".into() })
    }

    async fn put_object(&self, request: server::PutObject, _: String) -> Answer<PutObjectResponse, PutObjectError> {
        let bytes = request.body.bytes().await.map_err(server::Failure::internal)?;
        if bytes.len() > 10_000 {
            return Err(PutObjectError::PayloadTooLarge(problem("over 10 kB")).into());
        }
        Ok(PutObjectResponse::Created(ObjectInfo { key: request.key, size: bytes.len() as i64, description: None }))
    }

    async fn add_note(&self, request: server::AddNote, who: String) -> Answer<AddNoteResponse, AddNoteError> {
        match (request.body.as_str(), who.as_str()) {
            ("remember the milk", "queryKey:k&1") => Ok(AddNoteResponse::NoContent),
            other => Err(server::Failure::status(server::StatusCode::BAD_REQUEST, format!("{other:?}"))),
        }
    }

    async fn upload_form(
        &self,
        request: server::UploadForm,
        who: String,
    ) -> Answer<UploadFormResponse, UploadFormError> {
        let file = request.body.file;
        let size = file.body.bytes().await.map_err(server::Failure::internal)?.len() as i64;
        let description =
            format!("{}|{}|{who}", request.body.description.unwrap_or_default(), file.content_type.unwrap_or_default());
        Ok(UploadFormResponse::Created(ObjectInfo {
            key: file.file_name.unwrap_or_default(),
            size,
            description: Some(description),
        }))
    }

    async fn get_metrics(&self, request: server::GetMetrics) -> Answer<GetMetricsResponse, GetMetricsError> {
        let (x, y) = (request.point.x.unwrap_or(0), request.point.y.unwrap_or(0));
        let map = request.window.iter().enumerate().map(|(i, w)| (format!("{w}@{x},{y}"), i as f64 + 0.5)).collect();
        Ok(GetMetricsResponse::Ok(map))
    }
}

#[tokio::test]
async fn every_style_body_and_credential_arrives_as_sent() {
    // Nested under the spec's base path, as a service would mount it.
    let base = serve(axum::Router::new().nest("/v1", server::router(Echo))).await;
    let url = format!("{base}/v1");
    let basic = Client::builder().base_url(&url).credential(schemes::BASIC_AUTH, Credential::basic("ann", "s3cret"));
    let client = basic.build().unwrap();

    let HealthResponse::Ok(up) = Client::new(&url).unwrap().health().send().await.unwrap().into_body();
    assert_eq!(up, "up");

    // One body, two media types.
    let new = NewBucket { name: "photos".into(), region: Some("eu".into()) };
    for (body, kind) in [(CreateBucketBody::Json(new.clone()), "json"), (CreateBucketBody::Form(new.clone()), "form")] {
        let CreateBucketResponse::Created { body, location } =
            client.create_bucket(body).send().await.unwrap().into_body();
        assert_eq!((body.region, location), (format!("eu/{kind}/basicAuth:ann"), "/buckets/photos".to_string()));
    }

    // Every query style, a header, a cookie, a path value that needs escaping.
    let listed = client
        .list_objects("my bucket/2026")
        .prefix("a&b=c")
        .tags(vec!["red".into(), "big one".into()])
        .ids(vec![3, 5])
        .fields(vec!["key".into(), "size".into()])
        .filter(SizeFilter { min: Some(10), max: Some(99) })
        .limit(7)
        .cursor("c/1")
        .x_request_id("req-1")
        .session("s1")
        .send()
        .await
        .unwrap()
        .into_body();
    let ListObjectsResponse::Ok { body, x_total_count } = listed;
    assert_eq!(x_total_count, Some(1));
    let seen: Value = serde_json::from_str(body.items[0].description.as_deref().unwrap()).unwrap();
    assert_eq!(
        seen,
        json!({
            "bucket": "my bucket/2026", "prefix": "a&b=c", "tags": ["red", "big one"], "ids": [3, 5],
            "fields": ["key", "size"], "filter": {"min": 10, "max": 99}, "limit": 7, "cursor": "c/1",
            "request_id": "req-1", "session": "s1", "who": "basicAuth:ann",
        })
    );

    // Binary both ways, with a header each way.
    let put = client.put_object("photos", "cat.png", vec![1u8; 5000]).send().await.unwrap().into_body();
    let PutObjectResponse::Created(info) = put;
    assert_eq!((info.key.as_str(), info.size), ("cat.png", 5000));
    let got = client.get_object("photos", "a b.png").send().await.unwrap().into_body();
    let GetObjectResponse::Ok { body, e_tag } = got else { panic!("{got:?}") };
    assert_eq!((body.bytes().await.unwrap().as_ref(), e_tag.as_str()), (b"photos/a b.png".as_slice(), "\"v1\""));
    let again = client.get_object("photos", "a b.png").if_none_match("\"v1\"").send().await.unwrap().into_body();
    assert!(matches!(again, GetObjectResponse::NotModified));

    // Text with a query key; multipart with a cookie key.
    let keyed = Client::builder()
        .base_url(&url)
        .credential(schemes::QUERY_KEY, Credential::api_key("k&1"))
        .credential(schemes::COOKIE_KEY, Credential::api_key("c1"))
        .build()
        .unwrap();
    let AddNoteResponse::NoContent = keyed.add_note("photos", "remember the milk").send().await.unwrap().into_body();
    let form = UploadFormForm {
        file: FilePart::new(vec![2u8; 300]).file_name("dog.jpg").content_type("image/jpeg"),
        description: Some("a dog".into()),
    };
    let UploadFormResponse::Created(info) = keyed.upload_form("photos", form).send().await.unwrap().into_body();
    assert_eq!((info.key.as_str(), info.size), ("dog.jpg", 300));
    assert_eq!(info.description.as_deref(), Some("a dog|image/jpeg|cookieKey:c1"));

    // Label and matrix path styles.
    let point = GetMetricsPoint { x: Some(3), y: Some(-4) };
    let metrics = client.get_metrics(vec!["1h".into(), "1d".into()], point).send().await.unwrap().into_body();
    let GetMetricsResponse::Ok(map) = metrics;
    assert_eq!(map.get("1h@3,-4"), Some(&0.5));
    assert_eq!(map.get("1d@3,-4"), Some(&1.5));

    // Every documented error comes back typed (without retries, so the
    // 429 and 503 arrive as they are).
    let once = Client::builder()
        .base_url(&url)
        .credential(schemes::BASIC_AUTH, Credential::basic("ann", "s3cret"))
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let named = |name: &str| CreateBucketBody::Json(NewBucket { name: name.into(), region: None });
    for (name, status) in [("taken", 409), ("busy", 429), ("down", 503)] {
        match once.create_bucket(named(name)).send().await {
            Err(Error::Api(response)) => {
                assert_eq!(response.status().as_u16(), status);
                let kind = match response.into_body() {
                    CreateBucketError::Conflict(_) => 409,
                    CreateBucketError::TooManyRequests(_) => 429,
                    CreateBucketError::ServiceUnavailable(_) => 503,
                };
                assert_eq!(kind, status);
            }
            other => panic!("expected {status}, got {other:?}"),
        }
    }
    let missing = once.list_objects("missing").send().await.unwrap_err();
    assert!(matches!(missing, Error::Api(ref r) if matches!(r.body(), ListObjectsError::NotFound(_))), "{missing:?}");
    let missing = once.get_object("photos", "missing").send().await.unwrap_err();
    assert!(matches!(missing, Error::Api(ref r) if matches!(r.body(), GetObjectError::NotFound(_))), "{missing:?}");
    let huge = once.put_object("photos", "huge.bin", vec![0u8; 20_000]).send().await.unwrap_err();
    assert!(matches!(huge, Error::Api(ref r) if matches!(r.body(), PutObjectError::PayloadTooLarge(_))), "{huge:?}");

    // Wrong credentials never reach an operation.
    let wrong = Client::builder().base_url(&url).credential(schemes::BASIC_AUTH, Credential::basic("ann", "nope"));
    let refused = wrong.build().unwrap().list_objects("photos").send().await.unwrap_err();
    assert!(matches!(refused, Error::UnexpectedStatus(ref u) if u.status.as_u16() == 401), "{refused:?}");
}
