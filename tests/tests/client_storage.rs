//! The client generated for `specs/storage.yaml`, against a real HTTP
//! server on 127.0.0.1: what goes on the wire, and what comes back typed.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{HeaderMap, Method};
use axum::response::Response;
use object_storage_api::client::{
    schemes, Binary, Client, ClientBuilder, CreateBucketBody, CreateBucketError, CreateBucketResponse, Credential,
    Error, FilePart, GetObjectError, GetObjectResponse, HealthResponse, ListObjectsResponse, RetryPolicy,
    UploadFormForm,
};
use object_storage_api::types::{GetMetricsPoint, NewBucket, SizeFilter};

/// A request as the server saw it.
#[derive(Clone, Debug)]
struct Seen {
    method: Method,
    /// Path and query, exactly as sent.
    uri: String,
    headers: HeaderMap,
    body: bytes::Bytes,
}

impl Seen {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

type Answer = dyn Fn(&Seen, usize) -> Response + Send + Sync;

/// A loopback server that records every request and answers with `answer`
/// (given the request and how many came before it).
struct Server {
    url: String,
    seen: Arc<Mutex<Vec<Seen>>>,
}

impl Server {
    async fn start(answer: impl Fn(&Seen, usize) -> Response + Send + Sync + 'static) -> Server {
        let seen: Arc<Mutex<Vec<Seen>>> = Arc::default();
        let answer: Arc<Answer> = Arc::new(answer);
        let log = seen.clone();
        let app = axum::Router::new().fallback(move |request: axum::extract::Request| {
            let (log, answer) = (log.clone(), answer.clone());
            async move {
                let (parts, body) = request.into_parts();
                let body = axum::body::to_bytes(body, usize::MAX).await.unwrap();
                let uri = parts.uri.path_and_query().map(|p| p.to_string()).unwrap_or_default();
                let seen = Seen { method: parts.method, uri, headers: parts.headers, body };
                let n = {
                    let mut log = log.lock().unwrap();
                    log.push(seen.clone());
                    log.len() - 1
                };
                answer(&seen, n)
            }
        });
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/v1", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Server { url, seen }
    }

    fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    fn client(&self) -> Client {
        self.builder().build().unwrap()
    }

    fn builder(&self) -> ClientBuilder<Client> {
        Client::builder().base_url(&self.url).retry(fast_retries())
    }
}

fn fast_retries() -> RetryPolicy {
    RetryPolicy { min_delay: Duration::from_millis(5), max_delay: Duration::from_millis(50), ..RetryPolicy::default() }
}

fn json(status: u16, body: serde_json::Value) -> Response {
    Response::builder()
        .status(status)
        .header("content-type", "application/json")
        .body(Body::from(body.to_string()))
        .unwrap()
}

fn status(status: u16) -> Response {
    Response::builder().status(status).body(Body::empty()).unwrap()
}

fn object_info(key: &str, size: usize) -> serde_json::Value {
    serde_json::json!({"key": key, "size": size})
}

#[tokio::test]
async fn parameters_go_on_the_wire_in_their_styles() {
    let server = Server::start(|seen, _| {
        if seen.uri.starts_with("/v1/metrics") {
            return json(200, serde_json::json!({"p50": 1.5}));
        }
        let mut r = json(200, serde_json::json!({"items": [object_info("a", 1)], "next_cursor": null}));
        r.headers_mut().insert("x-total-count", "3".parse().unwrap());
        r
    })
    .await;
    let client = server.client();
    let page = client
        .list_objects("photos")
        .prefix("2024/summer")
        .tags(vec!["beach".into(), "sea side".into()])
        .ids(vec![1, 2])
        .fields(vec!["key".into(), "size".into()])
        .filter(SizeFilter { min: Some(1), max: Some(9) })
        .limit(5)
        .x_request_id("req-1")
        .session("s1")
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    let ListObjectsResponse::Ok { body, x_total_count } = page.into_body();
    assert_eq!(x_total_count, Some(3));
    assert_eq!(body.items[0].key, "a");
    assert!(body.next_cursor.is_null());

    let metrics = client
        .get_metrics(vec!["1h".into(), "1d".into()], GetMetricsPoint { x: Some(1), y: Some(2) })
        .send()
        .await
        .unwrap();
    assert!(format!("{:?}", metrics.body()).contains("p50"));

    let seen = server.seen();
    assert_eq!(
        seen[0].uri,
        "/v1/buckets/photos/objects?prefix=2024%2Fsummer&tags=beach%20sea+side&ids=1|2&fields=key,size\
         &filter%5Bmin%5D=1&filter%5Bmax%5D=9&limit=5"
    );
    assert_eq!(seen[0].header("x-request-id"), Some("req-1"));
    assert_eq!(seen[0].header("cookie"), Some("session=s1"));
    // Label style for the window, matrix (exploded) for the point.
    assert_eq!(seen[1].uri, "/v1/metrics/.1h,1d/;x=1;y=2");
}

#[tokio::test]
async fn values_never_leave_their_place() {
    let server = Server::start(|_, _| status(404)).await;
    let client = server.client();
    // The server answers 404 to all: what it saw is the point.
    assert!(client.get_object("b", "../admin").send().await.is_err());
    assert!(client.get_object("b", "a/b?c#d").send().await.is_err());
    let seen = server.seen();
    assert_eq!(seen[0].uri, "/v1/buckets/b/objects/..%2Fadmin");
    assert_eq!(seen[1].uri, "/v1/buckets/b/objects/a%2Fb%3Fc%23d");

    // A dot-segment would move the request elsewhere; a line break in a
    // header would add a header. Neither is sent.
    let dots = client.get_object("b", "..").send().await;
    assert!(matches!(dots, Err(Error::InvalidRequest(_))), "{dots:?}");
    let injected = client.get_object("b", "k").if_none_match("x\r\nX-Admin: 1").send().await;
    assert!(matches!(injected, Err(Error::InvalidRequest(_))), "{injected:?}");
    assert_eq!(server.seen().len(), 2);
}

#[tokio::test]
async fn bodies_of_every_kind() {
    let server = Server::start(|seen, _| match seen.uri.as_str() {
        "/v1/buckets" => {
            let mut r =
                json(201, serde_json::json!({"name": "b", "region": "eu", "created_at": "2026-11-27T10:00:00Z"}));
            r.headers_mut().insert("location", "/v1/buckets/b".parse().unwrap());
            r
        }
        u if u.ends_with("/notes") => status(204),
        _ => json(201, object_info("k", seen.body.len())),
    })
    .await;
    let client = server.client();
    let bucket = NewBucket { name: "b".into(), region: Some("eu".into()) };
    let created = client.create_bucket(CreateBucketBody::Json(bucket.clone())).send().await.unwrap();
    let CreateBucketResponse::Created { body, location } = created.into_body();
    assert_eq!(body.region, "eu");
    assert_eq!(location, "/v1/buckets/b");
    client.create_bucket(CreateBucketBody::Form(bucket)).send().await.unwrap();
    client.put_object("b", "small", b"hello".to_vec()).send().await.unwrap();
    let chunks = futures_util::stream::iter((0..4).map(|i| Ok::<_, std::io::Error>(bytes::Bytes::from(vec![i; 1000]))));
    client.put_object("b", "streamed", Binary::from_stream(chunks)).send().await.unwrap();
    client.add_note("b", "fragile").send().await.unwrap();
    let photo = UploadFormForm {
        file: FilePart::new(b"PNG...".to_vec()).file_name("p.png").content_type("image/png"),
        description: Some("a photo".into()),
    };
    client.upload_form("b", photo).send().await.unwrap();
    // A file part read from a stream is sent as it is read.
    let chunks =
        futures_util::stream::iter((0..3).map(|_| Ok::<_, std::io::Error>(bytes::Bytes::from_static(b"chunk;"))));
    let streamed = UploadFormForm { file: FilePart::new(Binary::from_stream(chunks)), description: None };
    client.upload_form("b", streamed).send().await.unwrap();

    let seen = server.seen();
    assert_eq!(seen[0].header("content-type"), Some("application/json"));
    assert_eq!(serde_json::from_slice::<serde_json::Value>(&seen[0].body).unwrap()["name"], "b");
    assert_eq!(seen[1].header("content-type"), Some("application/x-www-form-urlencoded"));
    assert_eq!(&seen[1].body[..], b"name=b&region=eu");
    assert_eq!(seen[2].header("content-type"), Some("application/octet-stream"));
    assert_eq!(&seen[2].body[..], b"hello");
    assert_eq!(seen[3].body.len(), 4000);
    assert_eq!(seen[4].header("content-type"), Some("text/plain"));
    assert_eq!(&seen[4].body[..], b"fragile");
    assert!(seen[5].header("content-type").unwrap().starts_with("multipart/form-data; boundary="));
    let multipart = String::from_utf8_lossy(&seen[5].body);
    assert!(
        multipart.contains("name=\"file\"; filename=\"p.png\"\r\nContent-Type: image/png\r\n\r\nPNG..."),
        "{multipart}"
    );
    assert!(multipart.contains("name=\"description\"\r\n\r\na photo"), "{multipart}");
    let streamed = String::from_utf8_lossy(&seen[6].body);
    assert!(streamed.contains("chunk;chunk;chunk;") && !streamed.contains("description"), "{streamed}");
}

#[tokio::test]
async fn credentials_of_every_kind() {
    let tokens = Arc::new(AtomicUsize::new(0));
    let issued = tokens.clone();
    let server = Server::start(move |seen, _| {
        if seen.uri == "/token" {
            let n = issued.fetch_add(1, Ordering::SeqCst) + 1;
            return json(
                200,
                serde_json::json!({"access_token": format!("t{n}"), "token_type": "bearer", "expires_in": 1}),
            );
        }
        if seen.uri.starts_with("/v1/health") {
            return Response::builder().header("content-type", "text/plain").body(Body::from("ok")).unwrap();
        }
        if seen.uri.contains("/notes") {
            return status(204);
        }
        json(200, serde_json::json!({"items": []}))
    })
    .await;
    let auth_of = |i: usize| server.seen()[i].header("authorization").map(str::to_string);

    let basic = server.builder().credential(schemes::BASIC_AUTH, Credential::basic("ann", "s3cret")).build().unwrap();
    basic.list_objects("b").send().await.unwrap();
    assert_eq!(auth_of(0).as_deref(), Some("Basic YW5uOnMzY3JldA=="));

    let bearer = server.builder().credential(schemes::BEARER_AUTH, Credential::bearer("tok")).build().unwrap();
    bearer.list_objects("b").send().await.unwrap();
    assert_eq!(auth_of(1).as_deref(), Some("Bearer tok"));
    // `security: []`: nothing is sent, whatever the client holds.
    let HealthResponse::Ok(text) = bearer.health().send().await.unwrap().into_body();
    assert_eq!(text, "ok");
    assert_eq!(auth_of(2), None);

    let keys = server
        .builder()
        .credential(schemes::QUERY_KEY, Credential::api_key("k&1"))
        .credential(schemes::COOKIE_KEY, Credential::api_key("c1"))
        .build()
        .unwrap();
    keys.add_note("b", "n").send().await.unwrap();
    assert!(server.seen()[3].uri.ends_with("/notes?api_key=k%261"), "{}", server.seen()[3].uri);
    let form = UploadFormForm { file: b"x".to_vec().into(), description: None };
    // Answered 200 where the spec says 201: what the server saw is the point.
    assert!(keys.upload_form("b", form).send().await.is_err());
    assert_eq!(server.seen()[4].header("cookie"), Some("sid=c1"));

    // OAuth2 client credentials: fetched once, shared by clones, refreshed
    // before it expires (here after a second).
    let token_url = server.url.replace("/v1", "/token");
    let oauth = server
        .builder()
        .credential(schemes::OAUTH, Credential::client_credentials("app", "pw").with_token_url(token_url))
        .build()
        .unwrap();
    oauth.list_objects("b").send().await.unwrap();
    oauth.clone().list_objects("b").send().await.unwrap();
    tokio::time::sleep(Duration::from_millis(1100)).await;
    oauth.list_objects("b").send().await.unwrap();
    let seen = server.seen();
    let calls: Vec<_> = seen.iter().skip(5).filter(|s| s.uri != "/token").collect();
    let auths: Vec<_> = calls.iter().map(|s| s.header("authorization").unwrap()).collect();
    assert_eq!(auths, ["Bearer t1", "Bearer t1", "Bearer t2"]);
    assert_eq!(tokens.load(Ordering::SeqCst), 2);
    let token_request = seen.iter().find(|s| s.uri == "/token").unwrap();
    assert_eq!(token_request.header("authorization"), Some("Basic YXBwOnB3"));
    assert_eq!(&token_request.body[..], b"grant_type=client_credentials");
    // Secrets stay out of debug output: every kind of credential, and the client holding them.
    let kinds = [
        Credential::basic("ann", "s3cret"),
        Credential::bearer("s3cret"),
        Credential::api_key("s3cret"),
        Credential::client_credentials("app", "s3cret"),
    ];
    for credential in kinds {
        assert!(!format!("{credential:?}").contains("s3cret"), "{credential:?}");
    }
    let holding = server.builder().credential(schemes::QUERY_KEY, Credential::api_key("s3cret")).build().unwrap();
    assert!(!format!("{holding:?}").contains("s3cret"), "{holding:?}");
}

/// A transport error names the URL it failed on, but without the query,
/// where an API key may travel.
#[tokio::test]
async fn a_transport_error_does_not_carry_a_query_key() {
    // A port that was free a moment ago: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let client = Client::builder()
        .base_url(format!("http://127.0.0.1:{port}/v1"))
        .credential(schemes::QUERY_KEY, Credential::api_key("s3cret-key"))
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let err = client.add_note("b", "n").send().await.unwrap_err();
    let (shown, debugged) = (err.to_string(), format!("{err:?}"));
    assert!(shown.contains("transport") && shown.contains("127.0.0.1"), "{shown}");
    assert!(!shown.contains("s3cret-key") && !debugged.contains("s3cret-key"), "{shown}\n{debugged}");
}

#[tokio::test]
async fn retries_honour_retry_after_and_keep_the_idempotency_key() {
    let server = Server::start(|seen, n| {
        if seen.method == Method::POST && n < 2 {
            return Response::builder()
                .status(503)
                .header("retry-after", "1")
                .header("content-type", "application/problem+json")
                .body(Body::from(r#"{"type":"about:blank","title":"busy","status":503}"#))
                .unwrap();
        }
        json(201, serde_json::json!({"name": "b", "region": "eu", "created_at": "2026-11-27T10:00:00Z"})).tap_location()
    })
    .await;
    let client = server.client();
    let started = Instant::now();
    let bucket = NewBucket { name: "b".into(), region: None };
    client.create_bucket(CreateBucketBody::Json(bucket.clone())).send().await.unwrap();
    assert!(started.elapsed() >= Duration::from_secs(2), "Retry-After: 1 was not honoured");
    let seen = server.seen();
    assert_eq!(seen.len(), 3, "two 503s, then success");
    let keys: Vec<_> = seen.iter().map(|s| s.header("idempotency-key").unwrap().to_string()).collect();
    assert!(!keys[0].is_empty() && keys.iter().all(|k| *k == keys[0]), "{keys:?}");

    // Without an idempotency key a POST is not retried: the 503 comes back typed.
    let server = Server::start(|_, _| {
        Response::builder()
            .status(503)
            .header("content-type", "application/problem+json")
            .body(Body::from(r#"{"type":"about:blank","title":"busy","status":503}"#))
            .unwrap()
    })
    .await;
    let client = server.builder().idempotency_keys(false).build().unwrap();
    let result = client.create_bucket(CreateBucketBody::Json(bucket)).send().await;
    match result {
        Err(Error::Api(r)) => {
            assert!(matches!(r.body(), CreateBucketError::ServiceUnavailable(p) if p.title == "busy"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(server.seen().len(), 1);
}

#[tokio::test]
async fn gets_are_retried_on_429_and_5xx_but_not_on_404() {
    let server = Server::start(|seen, n| match (seen.uri.contains("missing"), n) {
        (true, _) => status(404),
        (false, 0) => Response::builder()
            .status(429)
            .header("retry-after", httpdate::fmt_http_date(std::time::SystemTime::now()))
            .body(Body::empty())
            .unwrap(),
        (false, 1) => status(502),
        _ => json(200, serde_json::json!({"items": []})),
    })
    .await;
    let client = server.client();
    client.list_objects("b").send().await.unwrap();
    assert_eq!(server.seen().len(), 3);
    let missing = client.get_object("missing", "k").send().await;
    assert_eq!(missing.unwrap_err().status().map(|s| s.as_u16()), Some(404));
    assert_eq!(server.seen().len(), 4);
}

#[tokio::test]
async fn errors_are_typed_and_undocumented_statuses_kept() {
    let server = Server::start(|seen, _| match seen.uri.as_str() {
        u if u.contains("/objects/gone") => Response::builder()
            .status(404)
            .header("content-type", "application/problem+json")
            .body(Body::from(r#"{"type":"https://example.com/not-found","title":"no such object","status":404}"#))
            .unwrap(),
        u if u.contains("/objects/teapot") => {
            Response::builder().status(418).body(Body::from("short and stout")).unwrap()
        }
        u if u.contains("/objects/same") => status(304),
        _ => json(200, serde_json::json!({"items": "not a list"})),
    })
    .await;
    let client = server.client();
    match client.get_object("b", "gone").send().await {
        Err(Error::Api(r)) => {
            assert_eq!(r.status(), 404);
            let GetObjectError::NotFound(problem) = r.into_body();
            assert_eq!(problem.title, "no such object");
        }
        other => panic!("{other:?}"),
    }
    match client.get_object("b", "teapot").send().await {
        Err(Error::UnexpectedStatus(u)) => {
            assert_eq!(u.status, 418);
            assert_eq!(&u.body[..], b"short and stout");
        }
        other => panic!("{other:?}"),
    }
    let same = client.get_object("b", "same").if_none_match("\"v1\"").send().await.unwrap();
    assert!(matches!(same.into_body(), GetObjectResponse::NotModified));
    let bad = client.list_objects("b").send().await;
    assert!(matches!(bad, Err(Error::Decode { ref status, .. }) if *status == 200), "{bad:?}");
}

/// Resident memory of this process, in bytes.
fn rss() -> usize {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap();
    statm.split_whitespace().nth(1).unwrap().parse::<usize>().unwrap() * 4096
}

#[tokio::test]
async fn a_100_mb_download_streams_in_flat_memory() {
    const SIZE: usize = 100 << 20;
    let server = Server::start(|_, _| {
        let chunk = bytes::Bytes::from(vec![7u8; 64 << 10]);
        let chunks =
            futures_util::stream::iter((0..SIZE / chunk.len()).map(move |_| Ok::<_, std::io::Error>(chunk.clone())));
        Response::builder()
            .header("content-type", "application/octet-stream")
            .header("etag", "\"big\"")
            .body(Body::from_stream(chunks))
            .unwrap()
    })
    .await;
    let response = server.client().get_object("b", "big").send().await.unwrap();
    let GetObjectResponse::Ok { body, e_tag } = response.into_body() else { panic!("not the object") };
    assert_eq!(e_tag, "\"big\"");
    let before = rss();
    let mut peak = before;
    let mut total = 0;
    let mut stream = std::pin::pin!(body.into_stream());
    while let Some(chunk) = futures_util::StreamExt::next(&mut stream).await {
        total += chunk.unwrap().len();
        peak = peak.max(rss());
    }
    assert_eq!(total, SIZE);
    let grown = peak.saturating_sub(before);
    assert!(grown < 32 << 20, "memory grew by {} MiB while streaming 100 MiB", grown >> 20);
}

trait TapLocation {
    fn tap_location(self) -> Self;
}

impl TapLocation for Response {
    fn tap_location(mut self) -> Self {
        self.headers_mut().insert("location", "/v1/buckets/b".parse().unwrap());
        self
    }
}

#[tokio::test]
async fn a_cursor_listing_streams_every_item() {
    let server = Server::start(|seen, _| {
        let (items, next) = match seen.uri.split("cursor=").nth(1) {
            None => (vec![object_info("a", 1), object_info("b", 2)], serde_json::json!("p2")),
            Some("p2") => (vec![object_info("c", 3)], serde_json::json!("p3")),
            Some(_) => (vec![], serde_json::Value::Null),
        };
        json(200, serde_json::json!({"items": items, "next_cursor": next}))
    })
    .await;
    let client = server.client();
    let stream = client.list_objects("b").limit(2).into_stream();
    let keys: Vec<String> =
        futures_util::TryStreamExt::try_collect::<Vec<_>>(stream).await.unwrap().into_iter().map(|o| o.key).collect();
    assert_eq!(keys, ["a", "b", "c"]);
    let uris: Vec<_> = server.seen().iter().map(|s| s.uri.clone()).collect();
    assert_eq!(
        uris,
        [
            "/v1/buckets/b/objects?limit=2",
            "/v1/buckets/b/objects?limit=2&cursor=p2",
            "/v1/buckets/b/objects?limit=2&cursor=p3"
        ]
    );
}

/// Middleware given to the builder: marks each request on its way out.
fn mark<'a>(
    mut request: reqwest::Request,
    extensions: &'a mut axum::http::Extensions,
    next: reqwest_middleware::Next<'a>,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = reqwest_middleware::Result<reqwest::Response>> + Send + 'a>> {
    request.headers_mut().insert("x-through", axum::http::HeaderValue::from_static("middleware"));
    Box::pin(next.run(request, extensions))
}

#[tokio::test]
async fn middleware_sees_every_call_and_a_client_without_it_sends_plainly() {
    let server = Server::start(|_, _| json(200, serde_json::json!({"status": "ok"}))).await;
    let with = server.builder().middleware(mark).build().unwrap();
    let HealthResponse::Ok(_) = with.health().send().await.unwrap().into_body();
    let without = server.client();
    let HealthResponse::Ok(_) = without.health().send().await.unwrap().into_body();
    let marks: Vec<Option<String>> = server.seen().iter().map(|s| s.header("x-through").map(str::to_string)).collect();
    assert_eq!(marks, [Some("middleware".to_string()), None]);
}
