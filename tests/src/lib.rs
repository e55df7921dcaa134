//! Helpers shared by the cross-crate scenarios in `tests/tests/`.

use std::path::{Path, PathBuf};

pub mod orders;
pub mod petstore;

/// Serves `router` on a free loopback port; gives its base URL.
pub async fn serve(router: axum::Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("a loopback port");
    let url = format!("http://{}", listener.local_addr().expect("a bound address"));
    tokio::spawn(async move { axum::serve(listener, router).await.expect("the server runs") });
    url
}

/// The shared corpus of real specs: `$SPECWRIGHT_CORPUS`, or `shared/corpus`
/// beside the repository.
pub fn corpus_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("SPECWRIGHT_CORPUS") {
        return PathBuf::from(dir);
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus")
}

/// The repository's own example specs.
pub fn specs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs")
}

/// Every `.json`, `.yaml` and `.yml` file under `dir` whose top level names
/// an API document (`openapi`, `swagger` or `asyncapi`), sorted. Fragments
/// that documents reference are left out.
pub fn api_documents(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display()));
        for entry in entries {
            let path = entry.expect("readable folder").path();
            if path.is_dir() {
                stack.push(path);
            } else if matches!(path.extension().and_then(|e| e.to_str()), Some("json" | "yaml" | "yml"))
                && names_an_api(&path)
            {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

fn names_an_api(path: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(path) else { return false };
    let head = &text[..text.len().min(4096)];
    ["openapi", "swagger", "asyncapi"].iter().any(|key| {
        head.lines().any(|l| l.starts_with(&format!("{key}:")) || l.starts_with(&format!("\"{key}\":")))
            || head.contains(&format!("{{\"{key}\":"))
            || text.contains(&format!("\"{key}\":\""))
    })
}

/// The generated crates for the specs in `specs/`, compiled here so that a
/// change in generated output that breaks the build breaks this build.
pub mod generated;

/// The guides under `docs/`: every Rust example in them is a doctest of
/// this crate, which depends on what the examples use, so a guide cannot
/// show code that no longer compiles.
#[cfg(doctest)]
mod guides {
    #[doc = include_str!("../../docs/validate.md")]
    struct Validate;
    #[doc = include_str!("../../docs/types.md")]
    struct Types;
    #[doc = include_str!("../../docs/client.md")]
    struct Client;
    #[doc = include_str!("../../docs/server.md")]
    struct Server;
    #[doc = include_str!("../../docs/build-rs.md")]
    struct BuildRs;
    #[doc = include_str!("../../docs/events.md")]
    struct Events;
    #[doc = include_str!("../../docs/code-first.md")]
    struct CodeFirst;
    #[doc = include_str!("../../docs/diff.md")]
    struct Diff;
}
