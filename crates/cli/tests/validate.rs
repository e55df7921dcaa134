//! `specwright validate` on bad input: every case exits 1 (never panics or
//! hangs) and names the place, as file:line:column.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// Runs `specwright validate --format json ARGS`, failing the test if it does
/// not finish: a hang guard, not a speed target.
fn validate(args: &[&str]) -> (i32, Value, String) {
    let (status, stdout, stderr) = run(&["validate", "--format", "json"], args);
    let json = serde_json::from_slice(&stdout).unwrap_or(Value::Null);
    (status, json, stderr)
}

/// Runs `specwright` with these arguments, failing the test if it does not
/// finish in two minutes or panics: exit code, standard output and error.
fn run(command: &[&str], args: &[&str]) -> (i32, Vec<u8>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_specwright"))
        .args(command)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let started = Instant::now();
    while child.try_wait().expect("waitable").is_none() {
        if started.elapsed() > Duration::from_secs(120) {
            let killed = child.kill();
            panic!("specwright {command:?} {args:?} did not finish (killed: {killed:?})");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let Output { status, stdout, stderr } = child.wait_with_output().expect("output");
    let stderr = String::from_utf8_lossy(&stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    (status.code().expect("exited normally"), stdout, stderr)
}

fn write(dir: &Path, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, content).expect("writable temp dir");
    path
}

/// The one error reported for a single file, as (code, line, column, message).
fn only_error(json: &Value) -> (String, u64, u64, String) {
    let diags = json["files"][0]["diagnostics"].as_array().expect("diagnostics");
    let errors: Vec<&Value> = diags.iter().filter(|d| d["severity"] == "error").collect();
    assert_eq!(errors.len(), 1, "{diags:#?}");
    let e = errors[0];
    (
        e["code"].as_str().unwrap().to_string(),
        e["line"].as_u64().expect("located"),
        e["column"].as_u64().expect("located"),
        e["message"].as_str().unwrap().to_string(),
    )
}

fn assert_error(content: impl AsRef<[u8]>, name: &str, code: &str, at: (u64, u64), says: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), name, content);
    let (exit, json, stderr) = validate(&[path.to_str().unwrap()]);
    assert_eq!(exit, 1, "{json:#} {stderr}");
    let (c, line, column, message) = only_error(&json);
    assert_eq!(c, code, "{message}");
    assert_eq!((line, column), at, "{message}");
    assert!(message.contains(says), "{message:?} should say {says:?}");
}

const INFO: &str = "info:\n  title: t\n  version: '1'\n";

#[test]
fn malformed_yaml() {
    let text = format!("openapi: 3.1.0\n{INFO}paths:\n  /a: {{get: [}}\n");
    // The `}` where a sequence item should be.
    assert_error(text, "api.yaml", "syntax", (6, 14), "did not find expected node content");
}

#[test]
fn malformed_json() {
    assert_error("{\n  \"openapi\": \"3.1.0\",\n  \"info\": }\n}", "api.json", "syntax", (3, 11), "expected value");
}

#[test]
fn empty_file() {
    assert_error("", "api.yaml", "syntax", (1, 1), "empty");
    assert_error("  \n# only a comment\n", "api.yaml", "syntax", (1, 1), "empty");
}

#[test]
fn binary_garbage() {
    let mut bytes = b"openapi: 3.1.0\n".to_vec();
    bytes.extend([0xff, 0xfe, 0x00, 0x9c, 0x80, 0x01]);
    assert_error(bytes, "api.yaml", "encoding", (2, 1), "not UTF-8");
}

#[test]
fn json_that_is_no_spec() {
    assert_error(
        "{\"name\": \"package\", \"version\": \"1.0.0\"}",
        "package.json",
        "not-a-spec",
        (1, 1),
        "no `openapi`",
    );
    assert_error("[1, 2, 3]", "list.json", "not-a-spec", (1, 1), "found a list");
}

#[test]
fn unknown_version_is_named() {
    assert_error(format!("{INFO}openapi: 4.0.0\n"), "api.yaml", "version", (4, 10), "unknown openapi version `4.0.0`");
    assert_error(format!("asyncapi: 9.9.9\n{INFO}"), "api.yaml", "version", (1, 11), "unknown asyncapi version");
    assert_error(format!("openapi: 3.0\n{INFO}"), "api.yaml", "version", (1, 10), "version string");
}

fn with_schema(schema_line: &str) -> String {
    format!("openapi: 3.1.0\n{INFO}components:\n  schemas:\n    Pet:\n{schema_line}\n")
}

#[test]
fn dangling_ref() {
    let text = with_schema("      $ref: '#/components/schemas/Missing'");
    assert_error(text, "api.yaml", "ref-dangling", (8, 13), "points to nothing");
}

/// `$ref: ''` names the whole document as a URI: never what was meant.
#[test]
fn empty_ref() {
    let text = with_schema("      $ref: ''");
    assert_error(text, "api.yaml", "ref-malformed", (8, 13), "is empty");
}

/// A device is not a spec: one error, counted as one, exit 2.
#[test]
fn a_device_is_refused_and_counted() {
    let (status, _, stderr) = run(&["validate"], &["/dev/zero"]);
    assert_eq!(status, 2, "{stderr}");
    assert!(stderr.contains("not a regular file") && stderr.contains("1 spec: 1 error"), "{stderr}");
}

#[test]
fn malformed_ref() {
    let text = with_schema("      $ref: '#components/schemas/Pet'");
    assert_error(text, "api.yaml", "ref-malformed", (8, 13), "malformed JSON pointer");
    let text = with_schema("      $ref: 42");
    assert_error(text, "api.yaml", "ref-malformed", (8, 13), "must be a string");
}

#[test]
fn ref_to_a_missing_file() {
    let text = with_schema("      $ref: 'common/missing.yaml#/Pet'");
    assert_error(text, "api.yaml", "ref-dangling", (8, 13), "missing.yaml");
}

#[test]
fn pure_ref_cycle() {
    let text = format!(
        "openapi: 3.1.0\n{INFO}components:\n  schemas:\n    A:\n      $ref: '#/components/schemas/B'\n    B:\n      $ref: '#/components/schemas/A'\n"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "api.yaml", text);
    let (exit, json, _) = validate(&[path.to_str().unwrap()]);
    assert_eq!(exit, 1);
    let diags = json["files"][0]["diagnostics"].as_array().unwrap();
    assert!(diags.iter().all(|d| d["code"] == "ref-cycle"), "{diags:#?}");
    assert_eq!(diags[0]["line"], 8);
}

#[test]
fn duplicate_keys() {
    let text = format!("openapi: 3.1.0\n{INFO}paths: {{}}\ninfo:\n  title: again\n");
    assert_error(text, "api.yaml", "syntax", (6, 1), "duplicate key `info`");
    let text = "{\n  \"openapi\": \"3.1.0\",\n  \"paths\": {},\n  \"openapi\": \"3.0.0\"\n}";
    assert_error(text, "api.json", "syntax", (4, 11), "duplicate key `openapi`");
}

#[test]
fn alias_bomb() {
    let mut text = String::from("openapi: 3.1.0\ninfo: {title: t, version: '1'}\nx-bomb:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (prev, name) in ('a'..='h').zip('b'..='i') {
        let refs = vec![format!("*{prev}"); 9].join(", ");
        text += &format!("  {name}: &{name} [{refs}]\n");
    }
    // The first alias of `g` would pass the budget.
    assert_error(text, "api.yaml", "syntax", (10, 10), "alias bomb");
}

#[test]
fn deep_nesting() {
    let json = format!("{{\"openapi\": \"3.1.0\", \"x\": {}}}", "[".repeat(100_000));
    assert_error(json, "api.json", "syntax", (1, 153), "recursion limit");
    let yaml = format!("openapi: 3.1.0\nx: {}", "[".repeat(100_000));
    assert_error(yaml, "api.yaml", "syntax", (2, 259), "recursion limit");
    let block: String = (0..200).map(|i| format!("{}a:\n", " ".repeat(i))).collect();
    assert_error(format!("openapi: 3.1.0\nx:\n{block}"), "api.yaml", "syntax", (131, 129), "nesting deeper");
}

#[test]
fn huge_numbers() {
    let text = "{\n  \"openapi\": \"3.1.0\",\n  \"x-limit\": 1e999999\n}";
    assert_error(text, "api.json", "syntax", (3, 21), "number out of range");
    let text = format!("openapi: 3.1.0\n{INFO}x-limit: 1e999999\n");
    assert_error(text, "api.yaml", "syntax", (5, 10), "out of range");
    // Integers past 64 bits are read (as floats), not refused.
    let text = format!("openapi: 3.1.0\n{INFO}paths: {{}}\nx-big: 123456789012345678901234567890\n");
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "api.yaml", text);
    assert_eq!(validate(&[path.to_str().unwrap()]).0, 0);
}

#[test]
fn fifty_megabyte_document() {
    // A real-shaped spec (big specs are JSON, one path per line here) grown
    // past 50 MB, with one dangling reference on its last line.
    let mut text =
        String::from("{\"openapi\": \"3.1.0\", \"info\": {\"title\": \"big\", \"version\": \"1\"},\n\"paths\": {\n");
    let mut n = 0;
    while text.len() < 50 * 1024 * 1024 {
        text += &format!(
            "\"/items{n}/{{id}}\": {{\"get\": {{\"parameters\": [{{\"name\": \"id\", \"in\": \"path\", \"required\": true, \"schema\": {{\"type\": \"string\"}}}}], \"responses\": {{\"200\": {{\"description\": \"an item, with a description long enough to pad the document\", \"content\": {{\"application/json\": {{\"schema\": {{\"type\": \"object\", \"properties\": {{\"id\": {{\"type\": \"string\"}}, \"n\": {{\"type\": \"integer\"}}}}}}}}}}}}}}}}}},\n"
        );
        n += 1;
    }
    text +=
        "\"/last\": {}},\n\"components\": {\"schemas\": {\"Last\": {\"$ref\": \"#/components/schemas/Nowhere\"}}}}\n";
    let last_line = text.lines().count() as u64;
    assert_error(text, "big.json", "ref-dangling", (last_line, 45), "points to nothing");
}

#[test]
fn io_and_usage_errors_exit_2() {
    let (exit, json, _) = validate(&["/no/such/file.yaml"]);
    assert_eq!(exit, 2);
    assert!(json["files"][0]["io_error"].as_str().unwrap().contains("file.yaml"));
    let status =
        Command::new(env!("CARGO_BIN_EXE_specwright")).args(["validate", "--format", "xml", "a"]).output().unwrap();
    assert_eq!(status.status.code(), Some(2));
}

#[test]
fn warnings_pass_unless_denied() {
    let text = format!(
        "openapi: 3.0.3\n{INFO}paths: {{}}\ncomponents:\n  schemas:\n    Size:\n      type: integer\n      default: large\n"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "api.yaml", text);
    let path = path.to_str().unwrap();
    let (exit, json, _) = validate(&[path]);
    assert_eq!(exit, 0);
    let d = &json["files"][0]["diagnostics"][0];
    assert_eq!(
        (d["code"].as_str(), d["line"].as_u64(), d["column"].as_u64()),
        (Some("default-mismatch"), Some(10), Some(16))
    );
    assert_eq!(d["pointer"], "/components/schemas/Size/default");
    assert_eq!(validate(&["--deny-warnings", path]).0, 1);
}

#[test]
fn folders_validate_every_spec_and_skip_fragments() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "common.yaml", "Pet:\n  type: object\n");
    write(
        dir.path(),
        "api.yaml",
        format!("openapi: 3.1.0\n{INFO}components:\n  schemas:\n    Pet:\n      $ref: 'common.yaml#/Pet'\n"),
    );
    write(dir.path(), "notes.txt", "not a spec");
    let (exit, json, _) = validate(&[dir.path().to_str().unwrap()]);
    assert_eq!(exit, 0, "{json:#}");
    assert_eq!(json["files"].as_array().unwrap().len(), 1);
}

#[test]
fn human_output_shows_the_place_and_the_source_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "api.yaml", with_schema("      $ref: '#/components/schemas/Missing'"));
    let out = Command::new(env!("CARGO_BIN_EXE_specwright")).args(["validate"]).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("api.yaml:8:13"), "{stderr}");
    assert!(stderr.contains("$ref: '#/components/schemas/Missing'"), "{stderr}");
    assert!(stderr.contains("#/components/schemas/Pet/$ref"), "{stderr}");
}
