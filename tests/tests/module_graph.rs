//! The modules of each library crate form layers: no module reaches, through
//! its `crate::` and `super::` paths, a module that reaches back to it. A
//! cycle means two modules can only be understood (and changed) together. A
//! module that names the module it is part of (`super::Workspace` in
//! `workspace/resolve.rs`) is not a cycle: it is inside that module.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Each module of the crate under `src`, with the modules its code (tests
/// left out) names through `crate::` and `super::`. A module is a file or folder at the
/// top, and, `depth` 2, also one a level below (`emit::client`, the folder
/// `plan::types`), so that the phases of a crate are layered inside too.
fn graph(src: &Path, depth: usize) -> BTreeMap<String, BTreeSet<String>> {
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    let reexports = reexports(&lib);
    // Each file: the module it is part of at `depth`, its own module path, and where it is.
    let files: Vec<(String, Vec<String>, PathBuf)> = rust_files(src)
        .into_iter()
        .filter_map(|file| {
            let rel = file.strip_prefix(src).unwrap().with_extension("");
            let mut path: Vec<String> = rel.iter().map(|s| s.to_string_lossy().into_owned()).collect();
            if path.last().is_some_and(|last| last == "mod") {
                path.pop();
            }
            let module = path[..path.len().min(depth)].join("::");
            (!["lib", "main", "bin"].contains(&path[0].as_str())).then_some((module, path, file))
        })
        .collect();
    let modules: BTreeSet<&str> = files.iter().map(|(module, _, _)| module.as_str()).collect();
    // The longest module a path names, `emit::client` for `emit::client::module`.
    let named = |path: &str| -> Option<String> {
        let segments: Vec<&str> = path.split("::").take(depth).collect();
        (1..=segments.len()).rev().map(|n| segments[..n].join("::")).find(|m| modules.contains(m.as_str()))
    };
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, own, file) in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        let edges = graph.entry(module.clone()).or_default();
        // `super::` is the module this file's module is part of, and each
        // further `super::` the one above that.
        let from_super = paths_after(code, "super::").into_iter().map(|path| {
            let mut base = own[..own.len() - 1].to_vec();
            let mut rest = path.as_str();
            while let Some(after) = rest.strip_prefix("super::") {
                base.pop();
                rest = after;
            }
            base.push(rest.to_string());
            base.join("::")
        });
        for path in paths_after(code, "crate::").into_iter().chain(from_super) {
            let first = path.split("::").next().unwrap_or_default();
            let path = match reexports.get(first) {
                Some(from) => format!("{from}::{path}"),
                None => path,
            };
            let inside = |target: &String| target == module || module.starts_with(&format!("{target}::"));
            if let Some(target) = named(&path).filter(|target| !inside(target)) {
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

/// The path after each `prefix` (`crate::`, `super::`) in code (not
/// comments), with each group spelled out: `crate::plan::{types::Ty, names}`
/// names `plan::types::Ty` and `plan::names`.
fn paths_after(code: &str, prefix: &str) -> Vec<String> {
    let code: String = code.lines().filter(|line| !line.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
    let code = without_quoted_code(&code);
    let mut found = Vec::new();
    for (at, _) in code.match_indices(prefix) {
        // `super::super::` and `crate::` inside a longer name are not this prefix.
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        spell_out("", &code[at + prefix.len()..], &mut found);
    }
    found
}

/// `code` without the bodies of `quote!`: paths there are the generated
/// code's, not this crate's.
fn without_quoted_code(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let mut rest = code;
    while let Some(at) = rest.find("quote!") {
        out.push_str(&rest[..at]);
        let body = &rest[at + "quote!".len()..];
        let Some(open) = body.find(['(', '{', '[']) else { return out };
        let mut depth = 0;
        let mut end = body.len();
        for (i, c) in body[open..].char_indices() {
            match c {
                '(' | '{' | '[' => depth += 1,
                ')' | '}' | ']' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + i + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        rest = &body[end..];
    }
    out.push_str(rest);
    out
}

/// The paths of the use tree at the start of `text`, each after `prefix`.
fn spell_out(prefix: &str, text: &str, out: &mut Vec<String>) {
    let text = text.trim_start();
    if let Some(group) = text.strip_prefix('{') {
        let mut depth = 0;
        let mut start = 0;
        for (i, c) in group.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => {
                    spell_out(prefix, &group[start..i], out);
                    return;
                }
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    spell_out(prefix, &group[start..i], out);
                    start = i + 1;
                }
                _ => {}
            }
        }
        return;
    }
    let segment: String = text.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
    let rest = &text[segment.len()..];
    let joined = if prefix.is_empty() { segment.clone() } else { format!("{prefix}::{segment}") };
    match rest.strip_prefix("::") {
        Some(rest) if !segment.is_empty() && segment.starts_with(|c: char| c.is_ascii_lowercase()) => {
            spell_out(&joined, rest, out)
        }
        _ if !segment.is_empty() => out.push(joined),
        _ if !prefix.is_empty() => out.push(prefix.to_string()),
        _ => {}
    }
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
        paths_after(
            "use crate::{CrateOptions, types::Uses};\n// crate::docs\nlet x = crate::emit::names::f();",
            "crate::"
        ),
        ["CrateOptions", "types::Uses", "emit::names::f"]
    );
    assert_eq!(
        paths_after("use crate::plan::{types::{Def, Ty}, names};\nuse super::{Ids, resources::Resources};", "crate::"),
        ["plan::types::Def", "plan::types::Ty", "plan::names"]
    );
    assert_eq!(paths_after("use super::{Ids, resources::Resources};", "super::"), ["Ids", "resources::Resources"]);
    assert_eq!(paths_after("let t = quote!(super::types::X { a: (1) });\nsuper::names::f();", "super::"), ["names::f"]);
    let reexports = reexports("pub use emit::scaffold::{package_name, CrateOptions};\npub use plan::Planner as P;");
    assert_eq!(reexports.get("CrateOptions").unwrap(), "emit::scaffold");
    assert_eq!(reexports.get("P").unwrap(), "plan");
}

/// Two files of one folder that name each other, one through `super::`: a
/// cycle one level down. Their folder's own module naming them is not.
#[test]
fn a_cycle_inside_a_folder_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path();
    std::fs::create_dir_all(src.join("plan")).unwrap();
    let files = [
        ("lib.rs", "mod plan;"),
        ("plan/mod.rs", "mod x;\nmod y;\npub struct Plan;\nfn f() -> crate::plan::x::X { todo() }"),
        ("plan/x.rs", "use super::{y::Y, Plan};\nuse super::super::plan::Plan as P;\npub struct X;"),
        ("plan/y.rs", "use crate::plan::{x::X};\npub struct Y;"),
    ];
    for (name, text) in files {
        std::fs::write(src.join(name), text).unwrap();
    }
    let graph = graph(src, 2);
    assert_eq!(graph["plan::x"], BTreeSet::from(["plan::y".to_string()]));
    assert_eq!(cycle(&graph, "plan::x"), Some(vec!["plan::x".into(), "plan::y".into(), "plan::x".into()]));
    assert_eq!(cycle(&graph, "plan"), None);
}
