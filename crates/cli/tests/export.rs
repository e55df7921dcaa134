//! `specwright export` runs the program that prints a document, checks the
//! document as any spec is checked, and writes it: exit 0, 1 for a document
//! with errors (located), 2 for a program that fails.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A program that prints `document` (a shell script in `dir`).
fn program(dir: &Path, name: &str, document: &str, status: i32) -> PathBuf {
    let path = dir.join(name);
    let script = format!("#!/bin/sh\ncat <<'EOF'\n{document}\nEOF\nexit {status}\n");
    std::fs::write(&path, script).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

fn export(program: &Path, out: &Path) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_specwright"))
        .args(["export", "--program"])
        .arg(program)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap();
    (output.status.code().unwrap(), String::from_utf8_lossy(&output.stderr).into_owned())
}

const GOOD: &str = r##"{"asyncapi": "3.0.0", "info": {"title": "Shop", "version": "1.0.0"},
 "channels": {"placed": {"address": "shop.placed", "messages": {"OrderPlaced": {"$ref": "#/components/messages/OrderPlaced"}}}},
 "operations": {"sendPlaced": {"action": "send", "channel": {"$ref": "#/channels/placed"}}},
 "components": {"messages": {"OrderPlaced": {"payload": {"type": "object"}}}}}"##;

#[test]
fn writes_a_document_that_loads_and_refuses_one_that_does_not() {
    let dir = std::env::temp_dir().join(format!("specwright-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("asyncapi.json");

    let (code, stderr) = export(&program(&dir, "good.sh", GOOD, 0), &out);
    assert_eq!(code, 0, "{stderr}");
    assert!(std::fs::read_to_string(&out).unwrap().contains("shop.placed"));

    // A reference to nothing: exit 1, the place named, nothing written.
    std::fs::remove_file(&out).unwrap();
    let dangling = GOOD.replace("#/channels/placed\"}}}", "#/channels/nowhere\"}}}");
    let (code, stderr) = export(&program(&dir, "dangling.sh", &dangling, 0), &out);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("asyncapi.json:3:") && stderr.contains("nowhere"), "{stderr}");
    assert!(!out.exists());

    let (code, stderr) = export(&program(&dir, "failing.sh", GOOD, 3), &out);
    assert_eq!(code, 2, "{stderr}");
    std::fs::remove_dir_all(&dir).expect("the test's folder is removed");
}
