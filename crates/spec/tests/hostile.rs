//! Specs written to hurt whoever loads them: files that never end, file
//! names that smuggle line breaks, errors that would quote secrets or drive
//! the terminal. Each loads to located errors, in bounded time and memory.

use specwright_spec::{Loaded, Loader};

fn openapi_with_ref(target: &str) -> String {
    format!(
        "openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\npaths: {{}}\ncomponents:\n  schemas:\n    \
         Leak: {{$ref: '{target}'}}\n"
    )
}

fn error_messages(loaded: &Loaded) -> Vec<String> {
    loaded.errors().map(|d| format!("{}: {d}", d.place(&loaded.sources))).collect()
}

fn rendered(loaded: &Loaded) -> String {
    let mut out = String::new();
    for d in &loaded.diagnostics {
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
            .render_report(&mut out, d.to_report(&loaded.sources).as_ref())
            .unwrap();
    }
    out
}

/// `/dev/zero` says it holds 0 bytes and never ends; `/dev/urandom` too.
#[test]
fn device_files_are_refused_not_read() {
    for device in ["/dev/zero", "/dev/urandom"] {
        let loaded = Loader::new().load_str("/tmp/api.yaml", &openapi_with_ref(device));
        let errors = error_messages(&loaded);
        assert!(errors.iter().any(|e| e.contains("not a regular file")), "{device}: {errors:#?}");
        assert_eq!(loaded.sources.len(), 1, "{device} was not read");
    }
    let root = Loader::new().load_file("/dev/zero").unwrap_err().to_string();
    assert!(root.contains("not a regular file"), "{root}");
}

/// A FIFO blocks a reader until a writer comes: it is refused before it is opened.
#[cfg(unix)]
#[test]
fn a_fifo_is_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.yaml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(made.success());
    let root = dir.path().join("api.yaml");
    std::fs::write(&root, openapi_with_ref("pipe.yaml")).unwrap();
    for loader in [Loader::new(), Loader::new().confine(dir.path())] {
        let loaded = loader.load_file(&root).unwrap();
        let errors = error_messages(&loaded);
        assert!(errors.iter().any(|e| e.contains("not a regular file")), "{errors:#?}");
    }
}

/// A large regular file past the limit is refused however its size is
/// reported: the read itself stops at the limit.
#[test]
fn a_file_past_the_limit_is_not_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("big.yaml"), "type: string\n".repeat(1000)).unwrap();
    let root = dir.path().join("api.yaml");
    std::fs::write(&root, openapi_with_ref("big.yaml")).unwrap();
    let loaded = Loader::new().max_bytes(5000).load_file(&root).unwrap();
    let errors = error_messages(&loaded);
    assert!(errors.iter().any(|e| e.contains("more than the limit of 5000 bytes")), "{errors:#?}");
}

/// `%0A` in a reference decodes to a line break; a file whose name holds one
/// is not read, so no such name reaches a build script's `cargo:` lines.
#[test]
fn a_file_name_with_a_control_character_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a\ncargo:rustc-link-arg=-evil"), "type: string\n").unwrap();
    let root = dir.path().join("api.yaml");
    std::fs::write(&root, openapi_with_ref("a%0Acargo:rustc-link-arg=-evil")).unwrap();
    let loaded = Loader::new().load_file(&root).unwrap();
    let errors = error_messages(&loaded);
    assert!(errors.iter().any(|e| e.contains("control character")), "{errors:#?}");
    assert_eq!(loaded.sources.len(), 1);
    assert!(loaded.sources.paths().all(|p| !p.to_string_lossy().contains('\n')));
}

/// An error in a file outside the root's folder names the place but quotes
/// none of its lines: `$ref: /proc/self/environ` must not print secrets.
#[test]
fn an_error_in_a_file_outside_the_folder_quotes_none_of_it() {
    let outer = tempfile::tempdir().unwrap();
    let inner = outer.path().join("api");
    std::fs::create_dir_all(&inner).unwrap();
    std::fs::write(outer.path().join("secrets.yaml"), "TOKEN=hunter2-secret: [\n").unwrap();
    std::fs::write(inner.join("local.yaml"), "LOCAL=visible: [\n").unwrap();
    let root = inner.join("api.yaml");
    let text = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    \
                Leak: {$ref: '../secrets.yaml'}\n    Here: {$ref: 'local.yaml'}\n";
    std::fs::write(&root, text).unwrap();
    let loaded = Loader::new().load_file(&root).unwrap();
    let out = rendered(&loaded);
    assert!(out.contains("secrets.yaml:"), "the place is named: {out}");
    assert!(!out.contains("hunter2"), "{out}");
    assert!(out.contains("LOCAL=visible"), "a file beside the spec is quoted: {out}");
}

/// Escape sequences in a spec reach the terminal as text, not as commands.
#[test]
fn messages_and_excerpts_carry_no_control_characters() {
    let text = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    \
                Bad: {$ref: \"#/nowhere/\\e]0;pwned\\a\\e[2J\"}\n";
    let loaded = Loader::new().load_str("api.yaml", text);
    assert!(loaded.has_errors());
    let out = rendered(&loaded);
    assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
    let lines: Vec<String> = loaded.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(lines.iter().all(|l| !l.chars().any(char::is_control)), "{lines:?}");
    assert!(lines.iter().any(|l| l.contains("\\u{1b}")), "the escape is shown escaped: {lines:?}");
}

/// Old Mac files end lines with a lone CR; YAML counts it as a line break,
/// and so do positions.
#[test]
fn lone_carriage_returns_break_lines() {
    let text = "openapi: 3.0.3\rinfo: {title: t, version: '1'}\rpaths: {}\rcomponents:\r  schemas:\r    \
                Bad: {$ref: '#/nowhere'}\r";
    let loaded = Loader::new().load_str("api.yaml", text);
    let errors = error_messages(&loaded);
    assert!(errors.iter().any(|e| e.starts_with("api.yaml:6:")), "{errors:#?}");
}
