//! Lowering documents of every supported version into the one model.

use std::path::{Path, PathBuf};

use specwright_spec::ir::{
    Action, Api, ApiKeyLocation, JsonType, Method, ParameterLocation, ParameterStyle, Payload, Schema, SchemaId,
    SecuritySchemeKind, SpecKind, StatusCode,
};
use specwright_spec::{Loaded, Loader};

fn load(name: &str, text: &str) -> Loaded {
    Loader::new().load_str(name, text)
}

/// Loads a document that must lower without errors.
fn api(name: &str, text: &str) -> Api {
    let loaded = load(name, text);
    let errors: Vec<String> = loaded.errors().map(|d| format!("{}: {d}", d.place(&loaded.sources))).collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    loaded.api.expect("a model")
}

fn component<'a>(api: &'a Api, name: &str) -> &'a Schema {
    api.schemas.get(api.components[name])
}

fn prop(schema: &Schema, name: &str) -> SchemaId {
    *schema.properties.get(name).unwrap_or_else(|| panic!("no property {name}"))
}

/// A document of the shared corpus: `$SPECWRIGHT_CORPUS`, or `shared/corpus`
/// beside the repository.
fn corpus(rel: &str) -> PathBuf {
    std::env::var_os("SPECWRIGHT_CORPUS")
        .map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"), PathBuf::from)
        .join(rel)
}

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(rel)
}

const INFO: &str = "info: {title: t, version: '1'}\n";

#[test]
fn nullable_forms_meet_in_one_flag() {
    let v30 = api(
        "a.yaml",
        &format!("openapi: 3.0.3\n{INFO}paths: {{}}\ncomponents:\n  schemas:\n    A:\n      type: object\n      properties:\n        n: {{type: string, nullable: true}}\n        m: {{type: string}}\n"),
    );
    let a = component(&v30, "A");
    assert!(v30.schemas.get(prop(a, "n")).nullable);
    assert!(!v30.schemas.get(prop(a, "m")).nullable);

    let v31 = api(
        "a.yaml",
        &format!("openapi: 3.1.0\n{INFO}components:\n  schemas:\n    A:\n      properties:\n        n: {{type: [string, 'null']}}\n        z: {{type: 'null'}}\n"),
    );
    let a = component(&v31, "A");
    let n = v31.schemas.get(prop(a, "n"));
    assert!(n.nullable && n.types.contains(JsonType::String) && n.types.len() == 1);
    let z = v31.schemas.get(prop(a, "z"));
    assert!(!z.nullable && z.types.contains(JsonType::Null));
}

#[test]
fn draft4_exclusive_bounds_become_numbers() {
    let api = api(
        "a.yaml",
        &format!("openapi: 3.0.3\n{INFO}paths: {{}}\ncomponents:\n  schemas:\n    P:\n      type: integer\n      minimum: 0\n      exclusiveMinimum: true\n      maximum: 10\n"),
    );
    let c = component(&api, "P").constraints();
    assert_eq!((c.minimum, c.exclusive_minimum, c.maximum), (None, Some(0.0), Some(10.0)));
}

#[test]
fn ref_siblings_follow_each_version() {
    let text = |version: &str| {
        format!("openapi: {version}\n{INFO}paths: {{}}\ncomponents:\n  schemas:\n    Base: {{type: string}}\n    Described:\n      $ref: '#/components/schemas/Base'\n      description: overrides\n")
    };
    // 3.0 ignores keywords beside `$ref`: the component is the referenced schema.
    let v30 = api("a.yaml", &text("3.0.3"));
    assert_eq!(v30.components["Described"], v30.components["Base"]);
    // 3.1 (JSON Schema 2020-12) applies them: a schema of its own that refers on.
    let v31 = api("a.yaml", &text("3.1.0"));
    let d = component(&v31, "Described");
    assert_eq!(d.reference, Some(v31.components["Base"]));
    assert_eq!(d.description.as_deref(), Some("overrides"));
}

#[test]
fn recursive_schemas_are_cycles_in_the_graph() {
    let api = api(
        "a.yaml",
        &format!("openapi: 3.1.0\n{INFO}components:\n  schemas:\n    Node:\n      type: object\n      properties:\n        children:\n          type: array\n          items: {{$ref: '#/components/schemas/Node'}}\n        parent: {{$ref: '#/components/schemas/Node'}}\n"),
    );
    let node = component(&api, "Node");
    let id = api.components["Node"];
    let children = api.schemas.get(prop(node, "children"));
    assert_eq!(children.items, Some(id));
    assert_eq!(prop(node, "parent"), id);
    assert_eq!(api.schemas.entry(id).name.as_deref(), Some("Node"));
}

#[test]
fn reference_chains_end_at_the_schema_with_content() {
    let api = api(
        "a.yaml",
        &format!("openapi: 3.1.0\n{INFO}components:\n  schemas:\n    A: {{$ref: '#/components/schemas/B'}}\n    B: {{$ref: '#/components/schemas/C'}}\n    C: {{type: integer}}\n"),
    );
    assert_eq!(api.components["A"], api.components["C"]);
    assert_eq!(api.components["B"], api.components["C"]);
}

#[test]
fn plain_name_fragments_lead_to_the_schema_that_declares_the_anchor() {
    let api = api(
        "a.yaml",
        &format!("openapi: 3.1.0\n{INFO}components:\n  schemas:\n    A: {{$ref: '#money'}}\n    Money: {{$anchor: money, type: integer}}\n    Old: {{id: '#old', $anchor: old, $dynamicAnchor: stale, type: string}}\n    B: {{$ref: '#old'}}\n"),
    );
    assert_eq!(api.components["A"], api.components["Money"]);
    assert_eq!(api.components["B"], api.components["Old"]);

    // A name no schema declares (one in an example does not count), or two
    // declare, is an error at the reference.
    let missing = "    B: {examples: [{$anchor: money}]}\n";
    let twice = "    B: {$anchor: money}\n    C: {$anchor: money}\n";
    for (schemas, says) in
        [(missing, "no schema declares the anchor `money`"), (twice, "2 schemas of the file declare")]
    {
        let loaded = load(
            "a.yaml",
            &format!("openapi: 3.1.0\n{INFO}components:\n  schemas:\n    A: {{$ref: '#money'}}\n{schemas}"),
        );
        let errors: Vec<_> = loaded.errors().collect();
        assert_eq!(errors.len(), 1, "{:?}", loaded.diagnostics);
        assert_eq!(errors[0].code, "ref-dangling");
        assert_eq!(errors[0].location.pointer, "/components/schemas/A/$ref");
        assert!(errors[0].message.contains(says), "{}", errors[0].message);
    }
    // A fragment that is no anchor name is a pointer missing its `/`.
    let loaded = load(
        "a.yaml",
        &format!(
            "openapi: 3.1.0\n{INFO}components:\n  schemas:\n    A: {{$ref: '#components/schemas/B'}}\n    B: {{}}\n"
        ),
    );
    assert_eq!(loaded.errors().map(|d| d.code).collect::<Vec<_>>(), ["ref-malformed"]);
}

#[test]
fn references_inside_a_schema_with_an_id_resolve_against_it() {
    // Inside `Pet` (a resource of its own), `#/$defs/name` and `#nick` are
    // Pet's; a reference anywhere may name Pet by its URI, and a relative one
    // inside it resolves against that URI.
    let spec = format!(
        "openapi: 3.1.0\n{INFO}components:\n  schemas:\n    Pet:\n      $id: https://example.com/schemas/pet\n      type: object\n      properties:\n        name: {{$ref: '#/$defs/name'}}\n        nick: {{$ref: '#nick'}}\n        tag: {{$ref: 'tag#/$defs/tag'}}\n      $defs:\n        name: {{type: string, maxLength: 9}}\n        other: {{$anchor: nick, type: string, minLength: 2}}\n    Tag:\n      $id: https://example.com/schemas/tag\n      $defs:\n        tag: {{type: integer}}\n    ByUri: {{$ref: 'https://example.com/schemas/pet'}}\n    other: {{$anchor: nick, type: boolean}}\n    $defs: {{name: {{type: number}}}}\n"
    );
    let loaded = load("a.yaml", &spec);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let api = loaded.api.as_ref().unwrap();
    assert_eq!(api.components["ByUri"], api.components["Pet"]);
    let pet = component(api, "Pet");
    let property = |name: &str| api.schemas.get(pet.properties[name]);
    assert_eq!(property("name").constraints().max_length, Some(9));
    assert_eq!(property("nick").constraints().min_length, Some(2));
    assert!(property("tag").types.contains(JsonType::Integer));

    // Where the `$id` reading leads nowhere but the file's does (a spec
    // whose authors did not mean the `$id`), the file's is taken, with a warning.
    let loaded = load(
        "a.yaml",
        &format!("openapi: 3.1.0\n{INFO}components:\n  schemas:\n    A:\n      $id: https://example.com/a\n      properties: {{b: {{$ref: '#/components/schemas/B'}}}}\n    B: {{type: string}}\n"),
    );
    let warnings: Vec<_> = loaded.warnings().collect();
    assert_eq!(warnings.len(), 1, "{:?}", loaded.diagnostics);
    assert_eq!(warnings[0].code, "ref-lenient");
    assert!(warnings[0].message.contains("https://example.com/a"), "{}", warnings[0].message);
    assert_eq!(loaded.errors().count(), 0);
}

/// A folder of schemas whose `$id`s are URLs, referring to each other by
/// relative path: the file beside it on disk is read too, and taken where
/// the `$id`'s URL is not there (with a warning). In OpenAPI 3.0, whose
/// schemas have no `$id`, the same `$id` is data and changes nothing.
#[test]
fn an_id_with_a_url_still_finds_the_file_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let schema = "$id: https://example.com/schemas/pet.yaml\ntype: object\nproperties:\n  tag: {$ref: 'tag.yaml'}\n";
    std::fs::write(dir.path().join("pet.yaml"), schema).unwrap();
    std::fs::write(dir.path().join("tag.yaml"), "type: integer\n").unwrap();
    for (version, warnings) in [("3.1.0", 1), ("3.0.3", 0)] {
        let root = dir.path().join("api.yaml");
        let text =
            format!("openapi: {version}\n{INFO}paths: {{}}\ncomponents:\n  schemas:\n    Pet: {{$ref: 'pet.yaml'}}\n");
        std::fs::write(&root, text).unwrap();
        let loaded = Loader::new().load_file(&root).unwrap();
        assert_eq!(loaded.errors().count(), 0, "{version}: {:?}", loaded.diagnostics);
        let found: Vec<_> = loaded.warnings().map(|d| d.code).collect();
        assert_eq!(found.len(), warnings, "{version}: {:?}", loaded.diagnostics);
        assert!(found.iter().all(|code| *code == "ref-lenient"), "{found:?}");
        let api = loaded.api.as_ref().unwrap();
        let tag = api.schemas.get(prop(component(api, "Pet"), "tag"));
        assert!(tag.types.contains(JsonType::Integer), "{version}");
    }
}

#[test]
fn pointers_unescape_tildes_and_percent_escapes() {
    let api = api(
        "a.yaml",
        &format!(
            "openapi: 3.1.0\n{INFO}paths:\n  /pets/{{id}}:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n                type: object\n                title: Pet~ish\ncomponents:\n  schemas:\n    Pet:\n      $ref: '#/paths/~1pets~1%7Bid%7D/get/responses/200/content/application~1json/schema'\n"
        ),
    );
    assert_eq!(component(&api, "Pet").title.as_deref(), Some("Pet~ish"));
}

#[test]
fn operation_ids_are_unique_and_stable() {
    let loaded = load(
        "a.yaml",
        &format!("openapi: 3.1.0\n{INFO}paths:\n  /a:\n    get: {{operationId: list, responses: {{}}}}\n  /b:\n    get: {{operationId: list, responses: {{}}}}\n  /c/{{id}}/d:\n    delete:\n      parameters: [{{name: id, in: path, required: true, schema: {{type: string}}}}]\n      responses: {{}}\n"),
    );
    let api = loaded.api.as_ref().unwrap();
    let ids: Vec<&str> = api.operations.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["list", "list_2", "delete_c_id_d"]);
    let w: Vec<_> = loaded.warnings().collect();
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].code, "duplicate-operation-id");
    assert_eq!(w[0].location.pos.unwrap().line, 7);
}

#[test]
fn http_operations_keep_their_parts() {
    let api = Loader::new()
        .load_file(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../specs/orders.yaml"))
        .unwrap()
        .api
        .unwrap();
    let create = api.operations.iter().find(|o| o.id == "createOrder").unwrap();
    assert_eq!((create.method, create.path.as_str()), (Method::Post, "/orders"));
    let key = create.parameters.iter().find(|p| p.name == "Idempotency-Key").unwrap();
    assert!(key.required && key.location == ParameterLocation::Header && key.style == ParameterStyle::Simple);
    let body = create.request_body.as_ref().unwrap();
    assert!(body.required && body.content[0].media_type == "application/json");
    let statuses: Vec<StatusCode> = create.responses.iter().map(|r| r.status).collect();
    assert!(statuses.contains(&StatusCode::Code(201)) && statuses.contains(&StatusCode::Code(409)));
    let created = create.responses.iter().find(|r| r.status == StatusCode::Code(201)).unwrap();
    assert_eq!(created.headers[0].name, "Location");
    let list = api.operations.iter().find(|o| o.id == "listOrders").unwrap();
    let status = list.parameters.iter().find(|p| p.name == "status").unwrap();
    assert_eq!((status.style, status.explode), (ParameterStyle::Form, false));
    let scopes = &create.security.as_ref().unwrap()[0].schemes["oauth2"];
    assert_eq!(scopes, &["orders:write"]);
}

#[test]
fn swagger_2_is_upgraded() {
    let loaded = Loader::new().load_file(fixture("swagger-petstore.yaml")).unwrap();
    assert!(!loaded.has_errors(), "{:?}", loaded.diagnostics);
    let api = loaded.api.unwrap();
    assert_eq!(api.kind, SpecKind::OpenApi("2.0".into()));
    let urls: Vec<&str> = api.servers.iter().map(|s| s.url.as_str()).collect();
    assert_eq!(urls, ["https://petstore.example.com/v2", "http://petstore.example.com/v2"]);

    let add = api.operations.iter().find(|o| o.id == "addPet").unwrap();
    let body = add.request_body.as_ref().unwrap();
    let media: Vec<&str> = body.content.iter().map(|m| m.media_type.as_str()).collect();
    assert_eq!(media, ["application/json", "application/xml"]);
    assert_eq!(body.content[0].schema, Some(api.components["Pet"]));

    let find = api.operations.iter().find(|o| o.id == "findPetsByStatus").unwrap();
    let status = &find.parameters[0];
    assert_eq!((status.style, status.explode, status.location), (ParameterStyle::Form, true, ParameterLocation::Query));
    let items = api.schemas.get(status.schema.unwrap()).items.unwrap();
    assert_eq!(api.schemas.get(items).enum_values.as_ref().unwrap().len(), 3);
    let ok = &find.responses[0];
    assert_eq!(ok.content[0].media_type, "application/json");
    assert_eq!(ok.headers[0].name, "X-Rate-Limit");

    let upload = api.operations.iter().find(|o| o.id == "uploadFile").unwrap();
    assert_eq!(upload.parameters[0].name, "petId");
    let form = &upload.request_body.as_ref().unwrap().content[0];
    assert_eq!(form.media_type, "multipart/form-data");
    let form_schema = api.schemas.get(form.schema.unwrap());
    assert_eq!(form_schema.required, ["file"]);
    let file = api.schemas.get(form_schema.properties["file"]);
    assert_eq!((file.types.contains(JsonType::String), file.format.as_deref()), (true, Some("binary")));
    let urlencoded = api.operations.iter().find(|o| o.id == "updatePetWithForm").unwrap();
    assert_eq!(urlencoded.request_body.as_ref().unwrap().content[0].media_type, "application/x-www-form-urlencoded");
    assert_eq!(urlencoded.parameters[0].name, "petId");

    match &api.security_schemes["petstore_auth"].kind {
        SecuritySchemeKind::OAuth2 { flows } => {
            assert_eq!(flows[0].kind, "implicit");
            assert_eq!(flows[0].scopes.len(), 2);
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        &api.security_schemes["api_key"].kind,
        SecuritySchemeKind::ApiKey { location: ApiKeyLocation::Header, .. }
    ));
    assert!(
        matches!(&api.security_schemes["basic"].kind, SecuritySchemeKind::Http { scheme, .. } if scheme == "basic")
    );
    let pet = component(&api, "Pet");
    assert_eq!(pet.discriminator.as_ref().unwrap().property_name, "petType");
    assert!(api.schemas.get(prop(pet, "nickname")).nullable);
}

#[test]
fn asyncapi_2_publish_means_the_application_receives() {
    let api = Loader::new()
        .load_file(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../specs/streetlights-mqtt.yaml"))
        .unwrap()
        .api
        .unwrap();
    let measured = api.event_operations.iter().find(|o| o.id == "receiveLightMeasurement").unwrap();
    assert_eq!(measured.action, Action::Receive);
    let turn_on = api.event_operations.iter().find(|o| o.id == "turnOn").unwrap();
    assert_eq!(turn_on.action, Action::Send);
    let channel = &api.channels[&turn_on.channel];
    assert_eq!(channel.parameters[0].name, "streetlightId");
    // Operation traits supply the MQTT binding; message traits the headers.
    assert_eq!(turn_on.bindings["mqtt"]["qos"], 1);
    assert!(api.messages[&turn_on.messages[0]].headers.is_some());
    assert_eq!(api.servers[0].url, "mqtt://localhost:1883");
}

#[test]
fn asyncapi_3_operations_replies_and_bindings() {
    let api = Loader::new()
        .load_file(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../specs/order-events.yaml"))
        .unwrap()
        .api
        .unwrap();
    let receivers: Vec<&str> = api
        .event_operations
        .iter()
        .filter(|o| o.channel == "orderCreated" && o.action == Action::Receive)
        .map(|o| o.id.as_str())
        .collect();
    assert_eq!(receivers.len(), 4, "{receivers:?}");
    let channel = &api.channels["orderCreated"];
    assert_eq!(channel.address.as_deref(), Some("orders.{region}.created"));
    assert_eq!(channel.parameters[0].name, "region");
    let message = &api.messages["OrderCreated"];
    assert_eq!(message.correlation_id.as_ref().unwrap().location, "$message.header#/correlationId");
    assert!(message.bindings.contains_key("kafka"));
    assert!(matches!(message.payload, Some(Payload::Schema(_))));
    let check = api.event_operations.iter().find(|o| o.id == "checkStock").unwrap();
    let reply = check.reply.as_ref().unwrap();
    assert_eq!(reply.address.as_deref(), Some("$message.header#/replyTo"));
    assert_eq!(api.channels[reply.channel.as_deref().unwrap()].address, None);
    assert!(!reply.messages.is_empty());
}

#[test]
fn remote_references_need_a_mapping() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("pet.yaml"), "Pet:\n  type: object\n  properties:\n    name: {type: string}\n")
        .unwrap();
    let text = format!("openapi: 3.1.0\n{INFO}components:\n  schemas:\n    Pet:\n      $ref: 'https://example.com/schemas/pet.yaml#/Pet'\n");
    let unmapped = load("api.yaml", &text);
    let w: Vec<_> = unmapped.warnings().collect();
    assert_eq!((w.len(), w[0].code), (1, "ref-remote"));
    let mapped = Loader::new().map_url("https://example.com/schemas/", dir.path()).load_str("api.yaml", &text);
    assert!(mapped.diagnostics.is_empty(), "{:?}", mapped.diagnostics);
    let api = mapped.api.unwrap();
    assert!(component(&api, "Pet").properties.contains_key("name"));
    assert_eq!(mapped.sources.len(), 2);
}

#[test]
fn errors_in_referenced_files_are_located_there() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("common.yaml"),
        "Pet:\n  type: object\n  properties:\n    owner: {$ref: '#/Nobody'}\n",
    )
    .unwrap();
    let root = dir.path().join("api.yaml");
    std::fs::write(
        &root,
        format!("openapi: 3.1.0\n{INFO}components:\n  schemas:\n    Pet: {{$ref: 'common.yaml#/Pet'}}\n"),
    )
    .unwrap();
    let loaded = Loader::new().load_file(&root).unwrap();
    let e: Vec<_> = loaded.errors().collect();
    assert_eq!(e.len(), 1);
    assert!(e[0].place(&loaded.sources).ends_with("common.yaml:4:19"), "{}", e[0].place(&loaded.sources));
}

#[test]
fn extensions_are_kept() {
    let api = api(
        "a.yaml",
        &format!("openapi: 3.1.0\n{INFO}x-root: 1\npaths:\n  /a:\n    get:\n      x-op: [1]\n      responses: {{}}\ncomponents:\n  schemas:\n    A: {{type: string, x-rust-type: 'my::Type'}}\n"),
    );
    assert_eq!(api.extensions["x-root"], 1);
    assert_eq!(api.operations[0].extensions["x-op"], serde_json::json!([1]));
    assert_eq!(component(&api, "A").extensions["x-rust-type"], "my::Type");
}

#[test]
fn patterns_rust_cannot_compile_are_warned_about() {
    let loaded = load(
        "a.yaml",
        &format!("openapi: 3.1.0\n{INFO}components:\n  schemas:\n    Code: {{type: string, pattern: '^\\p{{Alnum}}+$'}}\n    Ahead: {{type: string, pattern: '^(?=.*[0-9]).+$'}}\n    Fine: {{type: string, pattern: '^[a-z]{{2,3}}\\d*$'}}\n"),
    );
    let w: Vec<(u32, &str)> = loaded.warnings().map(|d| (d.location.pos.unwrap().line, d.code)).collect();
    assert_eq!(w, [(5, "pattern"), (6, "pattern")], "{:?}", loaded.diagnostics);
    // The pattern is kept in the model; generated validators skip it.
    let api = loaded.api.unwrap();
    assert_eq!(component(&api, "Code").constraints().pattern.as_deref(), Some("^\\p{Alnum}+$"));
}

#[test]
fn fetched_documents_resolve_their_own_relative_references() {
    let fetched = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let log = fetched.clone();
    let loader = Loader::new().fetch_with(move |url| {
        log.lock().unwrap().push(url.to_string());
        match url {
            "https://example.com/v1/pet.yaml" => {
                Ok("Pet:\n  properties:\n    tag: {$ref: 'common/tag.yaml#/Tag'}\n".into())
            }
            "https://example.com/v1/common/tag.yaml" => Ok("Tag: {type: string}\n".into()),
            other => Err(format!("404 for {other}").into()),
        }
    });
    let loaded = loader.load_str(
        "api.yaml",
        &format!("openapi: 3.1.0\n{INFO}components:\n  schemas:\n    Pet: {{$ref: 'https://example.com/v1/pet.yaml#/Pet'}}\n"),
    );
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    assert_eq!(*fetched.lock().unwrap(), ["https://example.com/v1/pet.yaml", "https://example.com/v1/common/tag.yaml"]);
    let api = loaded.api.unwrap();
    let tag = api.schemas.get(prop(component(&api, "Pet"), "tag"));
    assert!(tag.types.contains(JsonType::String));
}

#[test]
fn unknown_fields_are_named_not_dropped() {
    let loaded = load(
        "a.yaml",
        &format!("openapi: 3.1.0\n{INFO}paths:\n  /a:\n    get:\n      reponses: {{}}\n      x-fine: 1\n"),
    );
    let w: Vec<_> = loaded.warnings().map(|d| (d.code, d.location.pos.unwrap().line, d.message.clone())).collect();
    assert_eq!(w.len(), 1, "{w:?}");
    assert_eq!((w[0].0, w[0].1), ("unknown-field", 6));
    assert!(w[0].2.contains("`reponses`"));

    let loaded = load(
        "a.yaml",
        &format!(
            "asyncapi: 2.6.0\n{INFO}channels:\n  a:\n    subscribe:\n      mesage: {{payload: {{type: string}}}}\n"
        ),
    );
    assert_eq!(loaded.warnings().map(|d| d.code).collect::<Vec<_>>(), ["unknown-field"]);
}

/// A spec whose references chain through ever more files (each one naming
/// the next) is read only up to the file limit, and the reference past it
/// is an error where it is written; the same for the bytes of all files.
#[test]
fn references_read_only_so_many_files_and_bytes() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..50 {
        let next = format!("{{\"type\": \"object\", \"properties\": {{\"next\": {{\"$ref\": \"s{}.json\"}}}}}}", i + 1);
        std::fs::write(dir.path().join(format!("s{i}.json")), next).unwrap();
    }
    let root = dir.path().join("api.yaml");
    std::fs::write(
        &root,
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: {$ref: 's0.json'}\n",
    )
    .unwrap();
    let loaded = Loader::new().max_files(10).load_file(&root).unwrap();
    assert_eq!(loaded.sources.len(), 10);
    let errors: Vec<String> = loaded.errors().map(|d| format!("{}: {d}", d.place(&loaded.sources))).collect();
    assert!(errors.iter().any(|e| e.contains("more than 10 files") && e.contains("s8.json:1:")), "{errors:#?}");

    let loaded = Loader::new().max_total_bytes(1000).load_file(&root).unwrap();
    assert!(loaded.sources.len() < 20, "{}", loaded.sources.len());
    assert!(loaded.errors().any(|d| d.message.contains("more than 1000 bytes")));
}

/// A loader confined to a folder does not read a file outside it, however
/// the reference reaches it (`..`, an absolute path); inside, it reads as usual.
#[test]
fn a_confined_loader_reads_no_file_outside_its_folder() {
    let outer = tempfile::tempdir().unwrap();
    let inner = outer.path().join("api");
    std::fs::create_dir_all(inner.join("parts")).unwrap();
    std::fs::write(outer.path().join("secret.yaml"), "type: string\ndescription: the secret\n").unwrap();
    std::fs::write(inner.join("parts/pet.yaml"), "type: object\n").unwrap();
    let secret = outer.path().join("secret.yaml").canonicalize().unwrap();
    let root = inner.join("root.yaml");
    let text = format!(
        "openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\npaths: {{}}\ncomponents:\n  schemas:\n    \
         Pet: {{$ref: 'parts/pet.yaml'}}\n    Up: {{$ref: '../secret.yaml'}}\n    Abs: {{$ref: '{}'}}\n",
        secret.display()
    );
    std::fs::write(&root, text).unwrap();

    let loaded = Loader::new().confine(&inner).load_file(&root).unwrap();
    let errors: Vec<String> = loaded.errors().map(|d| d.message.clone()).collect();
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(errors.iter().all(|e| e.contains("which references may not leave")), "{errors:#?}");
    assert!(loaded.sources.iter().all(|(_, f)| !f.text.contains("the secret")), "the file outside was not read");
    assert_eq!(loaded.sources.len(), 2, "the root and parts/pet.yaml");

    let unconfined = Loader::new().load_file(&root).unwrap();
    assert!(!unconfined.has_errors());
}

/// Tests that read documents only the shared corpus holds (the npm
/// registry's part of it has none of these): `cargo xtask ci` runs them
/// when the shared corpus is there.
mod shared_corpus {
    use super::*;

    #[test]
    #[ignore = "needs the shared corpus: cargo xtask ci runs it"]
    fn webhooks_and_callbacks_are_operations_too() {
        let petstore = Loader::new()
            .load_file(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../specs/petstore.yaml"))
            .unwrap()
            .api
            .unwrap();
        assert_eq!(petstore.webhooks.len(), 1);
        assert_eq!(petstore.webhooks[0].path, "newPet");
        let callbacks = Loader::new().load_file(corpus("openapi/yaml/oai-examples-3.0/callback-example.yaml")).unwrap();
        assert!(!callbacks.has_errors());
        let op = &callbacks.api.unwrap().operations[0];
        assert_eq!(op.callbacks[0].expression, "{$request.query.callbackUrl}/data");
        assert_eq!(op.callbacks[0].operations[0].method, Method::Post);
    }

    #[test]
    #[ignore = "needs the shared corpus: cargo xtask ci runs it"]
    fn multi_file_specs_resolve_relative_references() {
        let multi = Loader::new().load_file(corpus("openapi/yaml/real/conjur-multifile/openapi.yml")).unwrap();
        assert!(!multi.has_errors(), "{:?}", multi.diagnostics);
        assert!(multi.sources.len() >= 5, "read {} files", multi.sources.len());
        let bundled = Loader::new().load_file(corpus("openapi/conjur.local.json")).unwrap();
        let ids = |l: &Loaded| {
            let mut ids: Vec<String> =
                l.api.as_ref().unwrap().operations.iter().map(|o| format!("{:?} {}", o.method, o.path)).collect();
            ids.sort();
            ids
        };
        assert_eq!(ids(&multi), ids(&bundled));

        let social = Loader::new().load_file(corpus("asyncapi/3.0/social-media/backend/asyncapi.yaml")).unwrap();
        assert!(!social.has_errors(), "{:?}", social.diagnostics);
        assert!(social.sources.iter().any(|(_, f)| f.name.contains("common")));
        assert!(social.api.unwrap().messages.contains_key("commentLiked"));
    }
}
