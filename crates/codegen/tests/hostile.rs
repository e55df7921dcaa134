//! Specs that `validate` accepts but that once crashed or stalled the
//! generator: schemas that name themselves, thousands of operations, and
//! small files that cost time with the square of their size. Each generates
//! (in a test thread's small stack) in bounded time.

use specwright_codegen::{generate, CrateOptions};
use specwright_spec::Loader;

fn both() -> CrateOptions {
    CrateOptions { client: true, server: true, ..CrateOptions::default() }
}

fn generated(name: &str, text: &str, options: &CrateOptions) -> String {
    let loaded = Loader::new().load_str(name, text);
    let errors: Vec<String> = loaded.errors().map(|d| d.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    let api = loaded.api.expect("a model");
    let crate_ = generate(&api, options);
    crate_.files.iter().map(|(_, s)| s.as_str()).collect::<Vec<_>>().join("\n")
}

fn with_schema(version: &str, schema: &str) -> String {
    format!(
        "openapi: {version}\ninfo: {{title: t, version: '1'}}\npaths:\n  /a:\n    post:\n      operationId: post\n      \
         requestBody: {{content: {{application/json: {{schema: {{$ref: '#/components/schemas/A'}}}}}}}}\n      \
         responses: {{'200': {{description: ok}}}}\ncomponents:\n  schemas:\n    A: {schema}\n"
    )
}

/// `A: {allOf: [$ref: A]}`, and in 3.1 `A: {$ref: A, description: x}`: the
/// schema says nothing of the value, so it is any value (once a stack
/// overflow; then a newtype holding itself, which no value could fill).
#[test]
fn schemas_that_name_themselves() {
    for (version, schema) in [
        ("3.0.3", "{allOf: [{$ref: '#/components/schemas/A'}]}"),
        ("3.1.0", "{$ref: '#/components/schemas/A', description: x}"),
        ("3.0.3", "{allOf: [{$ref: '#/components/schemas/B'}]}\n    B: {allOf: [{$ref: '#/components/schemas/A'}]}"),
    ] {
        let text = generated("api.yaml", &with_schema(version, schema), &both());
        assert!(text.contains("pub type A = ::serde_json::Value;"), "{schema}: {text}");
    }
}

/// A router of thousands of operations was one chain of `.route()` calls,
/// an expression nested as deep, which overflowed the stack printing it.
#[test]
fn a_server_with_thousands_of_operations() {
    let mut text = String::from("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n");
    for i in 0..7_000 {
        text.push_str(&format!(
            "  /r{i}:\n    get:\n      operationId: op{i}\n      responses: {{'204': {{description: ok}}}}\n"
        ));
    }
    let server = generated("api.yaml", &text, &CrateOptions { server: true, ..CrateOptions::default() });
    assert_eq!(server.matches(".add(").count(), 7_000);
}

/// A document with `schemas` under components and one operation answering
/// with `answer`, built as JSON.
fn document(schemas: serde_json::Map<String, serde_json::Value>, answer: &str) -> String {
    let op = serde_json::json!({
        "operationId": "getA",
        "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": answer}}}}}
    });
    serde_json::json!({
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {"/a": {"get": op}},
        "components": {"schemas": schemas},
    })
    .to_string()
}

fn schema(i: usize) -> String {
    format!("#/components/schemas/S{i}")
}

/// Runs `work`, failing if it takes past a minute: a hang guard at sizes that
/// took minutes when the cost grew with the square of the input, not a speed
/// target (those are benchmarks).
fn within_a_minute<T>(what: &str, work: impl FnOnce() -> T) -> T {
    let started = std::time::Instant::now();
    let out = work();
    let took = started.elapsed();
    assert!(took < std::time::Duration::from_secs(60), "{what} took {took:?}");
    out
}

/// Small files that took time with the square of their size: each at a size
/// that took minutes before, and now generates in seconds.
#[test]
fn chains_and_repeats_cost_what_they_hold() {
    use serde_json::json;
    let types_only = CrateOptions::default();

    // 200,000 `$ref` aliases in a chain (the cycle check scanned a list).
    let mut schemas = serde_json::Map::new();
    for i in 0..199_999 {
        schemas.insert(format!("S{i}"), json!({"$ref": schema(i + 1)}));
    }
    schemas.insert("S199999".into(), json!({"type": "string"}));
    within_a_minute("an alias chain", || generated("chain.json", &document(schemas, &schema(0)), &types_only));

    // A string enum of 100,000 values (each checked against all before it).
    let mut schemas = serde_json::Map::new();
    let values: Vec<String> = (0..100_000).map(|i| format!("v{i}")).collect();
    schemas.insert("S0".into(), json!({"type": "string", "enum": values}));
    let text = within_a_minute("a long enum", || generated("enum.json", &document(schemas, &schema(0)), &types_only));
    assert!(text.contains("V99999"));

    // 20,000 property names that all become the field `a` (each suffix searched from 2).
    let seps = ['_', '-', ' ', '!', '.', '$'];
    let keys: Vec<String> = (0..20_000usize)
        .map(|i| {
            let (mut key, mut k) = (String::from("a"), i);
            while k > 0 {
                key.push(seps[k % seps.len()]);
                k /= seps.len();
            }
            key
        })
        .collect();
    let properties: serde_json::Map<String, serde_json::Value> =
        keys.iter().map(|k| (k.clone(), json!({"type": "string"}))).collect();
    let mut schemas = serde_json::Map::new();
    schemas.insert("S0".into(), json!({"type": "object", "properties": properties}));
    let text =
        within_a_minute("clashing names", || generated("fields.json", &document(schemas, &schema(0)), &types_only));
    assert!(text.contains("pub a_20000:"), "every property has a field of its own");

    // An `allOf` chain of 1,000 links (each type copied every field below it:
    // 3.4 GB; now parts past a depth are flattened in as their own type).
    let mut schemas = serde_json::Map::new();
    for i in 0..999 {
        let own = json!({"type": "object", "properties": {format!("p{i}"): {"type": "string"}}});
        schemas.insert(format!("S{i}"), json!({"allOf": [{"$ref": schema(i + 1)}, own]}));
    }
    schemas.insert("S999".into(), json!({"type": "object", "properties": {"p999": {"type": "string"}}}));
    let text =
        within_a_minute("an allOf chain", || generated("allof.json", &document(schemas, &schema(0)), &types_only));
    let fields = text.matches("pub p").count();
    assert!(fields < 40_000, "{fields} fields: the chain is not copied into every type");
}

/// 40,000 operations with one id: each is named apart, in linear time.
#[test]
fn thousands_of_operations_sharing_an_id() {
    let mut paths = serde_json::Map::new();
    for i in 0..40_000 {
        let op = serde_json::json!({"operationId": "same", "responses": {"204": {"description": "ok"}}});
        paths.insert(format!("/p{i}"), serde_json::json!({"get": op}));
    }
    let text = serde_json::json!({"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": paths});
    let loaded = within_a_minute("a shared id", || Loader::new().load_str("same.json", &text.to_string()));
    assert_eq!(loaded.warnings().filter(|d| d.code == "duplicate-operation-id").count(), 39_999);
    let api = loaded.api.unwrap();
    assert!(api.operations.iter().any(|op| op.id == "same_40000"));
}

/// An integer enum with a value past 64 bits cannot be a Rust enum of `i64`s:
/// the type takes any integer, and a warning says so where the enum is.
#[test]
fn an_enum_past_64_bits_is_warned_about() {
    let text = with_schema("3.0.3", "{type: integer, enum: [1, 18446744073709551616]}");
    let loaded = Loader::new().load_str("api.yaml", &text);
    let api = loaded.api.expect("a model");
    let crate_ = generate(&api, &both());
    let warned: Vec<String> = crate_
        .diagnostics
        .iter()
        .filter(|d| d.code == "enum-out-of-range")
        .map(|d| d.location.pointer.clone())
        .collect();
    assert_eq!(warned, ["/components/schemas/A"]);
}

/// A binding's number the transport cannot take (a negative partition
/// count, a QoS past 2) is left to the transport's default, and a warning
/// says where it is, rather than vanishing.
#[test]
fn binding_numbers_out_of_range_are_warned_about() {
    let text = r##"
asyncapi: 3.0.0
info: {title: t, version: "1"}
channels:
  orders:
    address: orders
    messages: {placed: {payload: {type: string}}}
    bindings: {kafka: {partitions: -1, replicas: 3}}
operations:
  sendOrder:
    action: send
    channel: {$ref: "#/channels/orders"}
    bindings: {mqtt: {qos: 7}}
"##;
    let loaded = Loader::new().load_str("events.yaml", text);
    let api = loaded.api.expect("a model");
    let crate_ = generate(&api, &CrateOptions { events: true, ..CrateOptions::default() });
    let warned: Vec<(String, &str)> = crate_
        .diagnostics
        .iter()
        .filter(|d| d.code == "binding-out-of-range")
        .map(|d| (d.location.pointer.clone(), d.message.as_str()))
        .collect();
    assert_eq!(
        warned,
        [
            (
                "/channels/orders".to_string(),
                "the Kafka partition count -1 is not a whole number from 1 to 2147483647; the transport's default applies"
            ),
            (
                "/operations/sendOrder".to_string(),
                "the MQTT QoS 7 is not a whole number from 0 to 2; the transport's default applies"
            ),
        ]
    );
    let events = &crate_.files.iter().find(|(path, _)| path.ends_with("events.rs")).expect("events.rs").1;
    assert!(events.contains("kafka_partitions: None") && events.contains("kafka_replicas: Some(3)"), "{events}");
    assert!(events.contains("mqtt_qos: None"), "{events}");
}
