//! The modules of each library crate form layers: no module reaches, through
//! its `crate::` paths, a module that reaches back to it. A cycle means two
//! modules can only be understood (and changed) together.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Each top-level module of the crate under `src`, with the top-level
/// modules its code (tests left out) names through `crate::`.
fn graph(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    let reexports = reexports(&lib);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in rust_files(src) {
        let rel = file.strip_prefix(src).unwrap();
        let Some(module) = rel.iter().next().map(|m| m.to_string_lossy().trim_end_matches(".rs").to_string()) else {
            continue;
        };
        if module == "lib" || module == "main" || module == "bin" {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        let named = graph.entry(module.clone()).or_default();
        for target in crate_paths(code) {
            let target = reexports.get(&target).cloned().unwrap_or(target);
            if target != module && target.starts_with(|c: char| c.is_ascii_lowercase()) {
                named.insert(target);
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

/// The first segment after each `crate::` in code (not comments), and each
/// name in a `crate::{...}` group.
fn crate_paths(code: &str) -> Vec<String> {
    let code: String = code.lines().filter(|line| !line.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
    let mut found = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            found.extend(group.split(',').map(|name| first_segment(name.trim())).filter(|s| !s.is_empty()));
        } else {
            found.push(first_segment(rest));
        }
    }
    found
}

fn first_segment(path: &str) -> String {
    path.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect()
}

/// Items the crate root re-exports, by the module they come from:
/// `pub use scaffold::{CrateOptions, ...}` makes `crate::CrateOptions` a
/// use of `scaffold`.
fn reexports(lib: &str) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for statement in lib.split(';') {
        let Some(path) = statement.trim().strip_prefix("pub use ") else { continue };
        let Some((module, items)) = path.split_once("::") else { continue };
        let items = items.trim_start_matches('{').trim_end_matches('}');
        for item in items.split(',') {
            let item = item.trim();
            let name = item.rsplit("::").next().unwrap_or(item);
            let name = name.split(" as ").last().unwrap_or(name).trim();
            if !name.is_empty() {
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
        let graph = graph(&src);
        // The crates of one file: a proc-macro crate, the build API, the runtime's façade.
        let one_file = ["derive/src", "build/src", "runtime/src"].iter().any(|folder| src.ends_with(folder));
        assert!(graph.len() > 1 || one_file, "{}", src.display());
        for module in graph.keys() {
            if let Some(cycle) = cycle(&graph, module) {
                cycles.push(format!("{}: {}", src.display(), cycle.join(" -> ")));
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
        crate_paths("use crate::{CrateOptions, types::Uses};\n// crate::docs\nlet x = crate::names::f();"),
        ["CrateOptions", "types", "names"]
    );
    assert_eq!(reexports("pub use scaffold::{package_name, CrateOptions};").get("CrateOptions").unwrap(), "scaffold");
}
