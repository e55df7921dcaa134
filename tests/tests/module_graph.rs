//! The modules of each library crate form layers: no module reaches, through
//! its `crate::` paths, a module that reaches back to it. A cycle means two
//! modules can only be understood (and changed) together.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Each module of the crate under `src`, with the modules its code (tests
/// left out) names through `crate::`. A module is a file or folder at the
/// top, and, `depth` 2, also one a level below (`emit::client`, the folder
/// `plan::types`), so that the phases of a crate are layered inside too.
fn graph(src: &Path, depth: usize) -> BTreeMap<String, BTreeSet<String>> {
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    let reexports = reexports(&lib);
    let files: Vec<(String, PathBuf)> = rust_files(src)
        .into_iter()
        .filter_map(|file| {
            let rel = file.strip_prefix(src).unwrap().with_extension("");
            let mut segments: Vec<String> = rel.iter().map(|s| s.to_string_lossy().into_owned()).collect();
            if segments.last().is_some_and(|last| last == "mod") {
                segments.pop();
            }
            segments.truncate(depth);
            let module = segments.join("::");
            (!["lib", "main", "bin"].contains(&segments[0].as_str())).then_some((module, file))
        })
        .collect();
    let modules: BTreeSet<&str> = files.iter().map(|(module, _)| module.as_str()).collect();
    // The longest module a path names, `emit::client` for `emit::client::module`.
    let named = |path: &str| -> Option<String> {
        let segments: Vec<&str> = path.split("::").take(depth).collect();
        (1..=segments.len()).rev().map(|n| segments[..n].join("::")).find(|m| modules.contains(m.as_str()))
    };
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, file) in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        let edges = graph.entry(module.clone()).or_default();
        for path in crate_paths(code) {
            let first = path.split("::").next().unwrap_or_default();
            let path = match reexports.get(first) {
                Some(from) => format!("{from}::{path}"),
                None => path,
            };
            if let Some(target) = named(&path).filter(|target| target != module) {
                edges.insert(target);
            }
        }
    }
    graph
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// The path after each `crate::` in code (not comments), and each path in
/// a `crate::{...}` group.
fn crate_paths(code: &str) -> Vec<String> {
    let code: String = code.lines().filter(|line| !line.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
    let mut found = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            found.extend(group.split(',').map(|name| path(name.trim())).filter(|s| !s.is_empty()));
        } else {
            found.push(path(rest));
        }
    }
    found
}

/// The segments a path starts with, up to the first item (a name that is
/// not a module's), which a re-export at the root may stand for.
fn path(text: &str) -> String {
    let mut segments = Vec::new();
    for segment in text.split("::") {
        let segment: String = segment.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        let module = segment.starts_with(|c: char| c.is_ascii_lowercase());
        if !segment.is_empty() {
            segments.push(segment);
        }
        if !module {
            break;
        }
    }
    segments.join("::")
}

/// Items the crate root re-exports, by the module they come from:
/// `pub use emit::scaffold::{package_name, ...}` makes `crate::package_name`
/// a use of `emit::scaffold`.
fn reexports(lib: &str) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for statement in lib.split(';') {
        let Some(path) = statement.trim().strip_prefix("pub use ") else { continue };
        let (module, items) = match path.split_once('{') {
            Some((module, items)) => (module.trim_end_matches("::"), items.trim_end_matches('}')),
            None => path.rsplit_once("::").unwrap_or(("", path)),
        };
        for item in items.split(',') {
            let item = item.trim();
            let name = item.split(" as ").last().unwrap_or(item).trim();
            if !name.is_empty() && !module.is_empty() {
                map.insert(name.to_string(), module.trim().to_string());
            }
        }
    }
    map
}

/// A cycle through `from`, if there is one: the modules along it.
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>, from: &str) -> Option<Vec<String>> {
    let mut stack = vec![(from.to_string(), vec![from.to_string()])];
    let mut seen = BTreeSet::new();
    while let Some((module, path)) = stack.pop() {
        for next in graph.get(&module).into_iter().flatten() {
            if next == from {
                return Some([path.clone(), vec![from.to_string()]].concat());
            }
            if seen.insert(next.clone()) {
                stack.push((next.clone(), [path.clone(), vec![next.clone()]].concat()));
            }
        }
    }
    None
}

#[test]
fn no_crate_has_a_cycle_between_its_modules() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("../crates");
    let mut cycles = Vec::new();
    for entry in std::fs::read_dir(&crates).unwrap() {
        let src = entry.unwrap().path().join("src");
        if !src.join("lib.rs").exists() {
            continue;
        }
        // The crates of one file: a proc-macro crate, the build API, the runtime's façade.
        let one_file = ["derive/src", "build/src", "runtime/src"].iter().any(|folder| src.ends_with(folder));
        assert!(graph(&src, 1).len() > 1 || one_file, "{}", src.display());
        for depth in [1, 2] {
            let graph = graph(&src, depth);
            for module in graph.keys() {
                if let Some(cycle) = cycle(&graph, module) {
                    cycles.push(format!("{}: {}", src.display(), cycle.join(" -> ")));
                }
            }
        }
    }
    assert!(cycles.is_empty(), "modules that reach each other:\n{}", cycles.join("\n"));
}

#[test]
fn a_cycle_is_found() {
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("scaffold".to_string(), BTreeSet::from(["types".to_string()])),
        ("types".to_string(), BTreeSet::from(["names".to_string(), "scaffold".to_string()])),
        ("names".to_string(), BTreeSet::new()),
    ]
    .into();
    assert_eq!(cycle(&graph, "scaffold"), Some(vec!["scaffold".into(), "types".into(), "scaffold".into()]));
    assert_eq!(cycle(&graph, "names"), None);
    assert_eq!(
        crate_paths("use crate::{CrateOptions, types::Uses};\n// crate::docs\nlet x = crate::emit::names::f();"),
        ["CrateOptions", "types::Uses", "emit::names::f"]
    );
    let reexports = reexports("pub use emit::scaffold::{package_name, CrateOptions};\npub use plan::Planner as P;");
    assert_eq!(reexports.get("CrateOptions").unwrap(), "emit::scaffold");
    assert_eq!(reexports.get("P").unwrap(), "plan");
}
