//! `specwright diff`: exit 0 when nothing is at or above `--fail-on`, 1 when
//! something is, 2 on usage or load errors; each output format.

use std::path::{Path, PathBuf};
use std::process::Command;

fn diff(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_specwright")).arg("diff").args(args).output().unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code().unwrap(), text(&out.stdout), text(&out.stderr))
}

fn spec(dir: &Path, name: &str, required: &str) -> PathBuf {
    let path = dir.join(name);
    let text = format!(
        r#"{{"openapi": "3.0.3", "info": {{"title": "t", "version": "1"}}, "paths": {{"/pets": {{"post": {{
            "requestBody": {{"content": {{"application/json": {{"schema": {{"type": "object", "required": [{required}],
                "properties": {{"name": {{"type": "string"}}, "tag": {{"type": "string"}}}}}}}}}}}},
            "responses": {{"200": {{"description": "ok"}}}}}}}}}}}}"#
    );
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn exit_codes_and_formats() {
    let dir = tempfile::tempdir().unwrap();
    let old = spec(dir.path(), "old.json", r#""name""#);
    let new = spec(dir.path(), "new.json", r#""name", "tag""#);
    let (old, new) = (old.to_str().unwrap(), new.to_str().unwrap());

    let (code, text, _) = diff(&[old, new]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("request-property-became-required") && text.contains("new.json:"), "{text}");
    assert_eq!(diff(&[old, new, "--fail-on", "never"]).0, 0);
    assert_eq!(diff(&[old, old]).0, 0);
    // Made optional again: info, below the default threshold and below warning.
    assert_eq!(diff(&[new, old]).0, 0);
    assert_eq!(diff(&[new, old, "--fail-on", "warning"]).0, 0);

    let (_, json, _) = diff(&[old, new, "--format", "json"]);
    let changes: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(changes[0]["level"], "breaking");
    assert!(changes[0]["new"]["pointer"].as_str().unwrap().contains("requestBody"), "{json}");
    let (_, github, _) = diff(&[old, new, "--format", "github"]);
    assert!(github.starts_with("::error file="), "{github}");
    let (_, junit, _) = diff(&[old, new, "--format", "junit"]);
    assert!(junit.contains(r#"failures="1""#), "{junit}");
    let (_, markdown, _) = diff(&[old, new, "--format", "markdown"]);
    assert!(markdown.contains("| breaking | `request-property-became-required` |"), "{markdown}");

    let (code, rules, _) = diff(&["--list-rules"]);
    assert_eq!(code, 0);
    assert_eq!(rules.lines().count(), specwright_rules_count());
    assert_eq!(diff(&[old, "/nonexistent.json"]).0, 2);
    assert_eq!(diff(&[old, new, "--format", "yaml"]).0, 2);
}

#[test]
fn an_ignore_file_accepts_changes_with_their_reasons_and_rust_adds_its_view() {
    let dir = tempfile::tempdir().unwrap();
    let old = spec(dir.path(), "old.json", r#""name""#);
    let new = spec(dir.path(), "new.json", r#""name", "tag""#);
    let (old, new) = (old.to_str().unwrap(), new.to_str().unwrap());
    let pointer = "/paths/~1pets/post/requestBody/content/application~1json/schema";

    let accepted = dir.path().join("accepted");
    std::fs::write(
        &accepted,
        format!("# accepted changes\nrequest-property-became-required {pointer} tags are now mandatory\n"),
    )
    .unwrap();
    let (code, text, stderr) = diff(&[old, new, "--ignore", accepted.to_str().unwrap()]);
    assert_eq!(code, 0, "{text}{stderr}");
    assert!(stderr.contains("1 change(s) accepted"), "{stderr}");

    let stale = dir.path().join("stale");
    std::fs::write(&stale, "operation-removed /paths/~1gone/get it went in 2.0\n").unwrap();
    let (code, _, stderr) = diff(&[old, new, "--ignore", stale.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stderr.contains("line 1") && stderr.contains("matches nothing"), "{stderr}");

    let bad = dir.path().join("bad");
    std::fs::write(&bad, format!("\nrequest-property-became-required {pointer}\n")).unwrap();
    let (code, _, stderr) = diff(&[old, new, "--ignore", bad.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("bad:2:"), "{stderr}");

    // Made optional: news to a client, a type change (`Option`) to Rust code.
    assert_eq!(diff(&[new, old]).0, 0);
    let (code, text, _) = diff(&[new, old, "--rust"]);
    assert_eq!(code, 1);
    assert!(text.contains("rust-field-type-changed"), "{text}");
}

fn specwright_rules_count() -> usize {
    specwright_diff::RULES.len()
}
