//! `--allow-remote` fetches referenced documents over HTTP; without it they
//! are not fetched. The server here listens on loopback only.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::process::Command;

/// Serves `pet.yaml` and `tag.yaml` under `/schemas/`, and 404 for anything
/// else, for at most `requests` requests.
fn serve(requests: usize) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(requests) {
            let mut stream = stream.unwrap();
            let mut line = String::new();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            reader.read_line(&mut line).unwrap();
            loop {
                let mut header = String::new();
                if reader.read_line(&mut header).unwrap() == 0 || header == "\r\n" {
                    break;
                }
            }
            let path = line.split_whitespace().nth(1).unwrap_or("");
            let (status, body) = match path {
                "/schemas/pet.yaml" => {
                    ("200 OK", "Pet:\n  type: object\n  properties:\n    tag: {$ref: 'tag.yaml#/Tag'}\n")
                }
                "/schemas/tag.yaml" => ("200 OK", "Tag:\n  type: string\n"),
                _ => ("404 Not Found", "no such file"),
            };
            let reply =
                format!("HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len());
            if let Err(e) = stream.write_all(reply.as_bytes()) {
                eprintln!("the loader hung up before its answer: {e}");
            }
        }
    });
    port
}

fn spec(dir: &std::path::Path, url: &str) -> std::path::PathBuf {
    let path = dir.join("api.yaml");
    let text = format!(
        "openapi: 3.1.0\ninfo: {{title: t, version: '1'}}\ncomponents:\n  schemas:\n    Pet:\n      $ref: '{url}'\n"
    );
    std::fs::write(&path, text).unwrap();
    path
}

fn validate(args: &[&str], path: &std::path::Path) -> (i32, serde_json::Value) {
    let out = Command::new(env!("CARGO_BIN_EXE_specwright"))
        .args(["validate", "--format", "json"])
        .args(args)
        .arg(path)
        .output()
        .unwrap();
    (out.status.code().unwrap(), serde_json::from_slice(&out.stdout).unwrap())
}

#[test]
fn remote_references_are_fetched_only_when_allowed() {
    let port = serve(2);
    let dir = tempfile::tempdir().unwrap();
    let path = spec(dir.path(), &format!("http://127.0.0.1:{port}/schemas/pet.yaml#/Pet"));

    let (exit, json) = validate(&[], &path);
    assert_eq!(exit, 0);
    let diags = &json["files"][0]["diagnostics"];
    assert_eq!(diags.as_array().unwrap().len(), 1, "{json:#}");
    assert_eq!(diags[0]["code"], "ref-remote");
    assert_eq!((diags[0]["line"].as_u64(), diags[0]["column"].as_u64()), (Some(6), Some(13)));

    // Fetched, with the relative reference inside it resolved against its URL.
    let (exit, json) = validate(&["--allow-remote"], &path);
    assert_eq!(exit, 0, "{json:#}");
    assert_eq!(json["files"][0]["diagnostics"], serde_json::json!([]));
}

#[test]
fn a_failed_fetch_is_an_error_at_the_reference() {
    let port = serve(1);
    let dir = tempfile::tempdir().unwrap();
    let path = spec(dir.path(), &format!("http://127.0.0.1:{port}/schemas/gone.yaml#/Pet"));
    let (exit, json) = validate(&["--allow-remote"], &path);
    assert_eq!(exit, 1);
    let d = &json["files"][0]["diagnostics"][0];
    assert_eq!(d["code"], "ref-dangling");
    assert!(d["message"].as_str().unwrap().contains("404"), "{d}");
    assert_eq!(d["line"], 6);
}
