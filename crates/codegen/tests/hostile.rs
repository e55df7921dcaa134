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
