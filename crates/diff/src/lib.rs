//! Breaking changes between two versions of an OpenAPI or AsyncAPI
//! document, judged by which side breaks: the library behind
//! `specwright diff`, for a CI check that an API change keeps its clients
//! (and consumers, and code generated from it) working.
//!
//! What a client sends (parameters, request bodies, and in AsyncAPI what the
//! application receives) is judged by whether old senders are still
//! accepted; what it receives (responses, and what the application sends)
//! by whether old readers can still read it. Both documents are compared as
//! models with their references resolved, so a renamed path parameter, a
//! `$ref` that moved, or an edit to prose is not a breaking change. Each
//! [`Change`] names its [`Rule`] (a stable id, listed in [`RULES`]), its
//! [`Level`], and its place in both documents; [`report`] renders changes as
//! text, JSON, Markdown, JUnit XML or GitHub Actions annotations, and
//! [`ignore`] reads a file of accepted ones.
//!
//! ```
//! use specwright_diff::report::{render, Format};
//! use specwright_diff::{diff, Level};
//! use specwright_spec::Loader;
//!
//! let v1 = r#"
//! openapi: 3.0.3
//! info: {title: Pets, version: '1'}
//! paths:
//!   /pets:
//!     get:
//!       operationId: listPets
//!       parameters:
//!         - {name: limit, in: query, schema: {type: integer}}
//!       responses:
//!         '200': {description: The pets}
//! "#;
//! // Version 2 makes `limit` required: requests that leave it out now fail.
//! let v2 = v1.replace("in: query,", "in: query, required: true,");
//!
//! let old = Loader::new().load_str("v1.yaml", v1);
//! let new = Loader::new().load_str("v2.yaml", &v2);
//! let changes = diff(&old, &new);
//! print!("{}", render(&changes, Format::Text, false));
//!
//! let breaking = changes.iter().find(|c| c.level == Level::Breaking).expect("a breaking change");
//! assert_eq!(breaking.rule, "request-parameter-became-required");
//! let place = breaking.new.as_ref().expect("a place in the new document");
//! assert_eq!(place.file, "v2.yaml");
//! println!("{}:{}:{} ({})", place.file, place.line, place.column, place.pointer);
//! ```

mod asyncapi;
mod http;
pub mod ignore;
mod notice;
pub mod report;
mod rules;
mod rust;
mod schema;

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use specwright_spec::ir::{Api, SchemaId};
use specwright_spec::{FileId, Loaded, Location, Pos};

pub use rules::{rule_by_id, Rule, RULES};
pub use schema::{comparison, Comparison};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Info,
    Warning,
    Breaking,
}

impl Level {
    pub fn name(self) -> &'static str {
        match self {
            Level::Info => "info",
            Level::Warning => "warning",
            Level::Breaking => "breaking",
        }
    }
}

/// A place in one of the documents.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Place {
    pub file: String,
    pub line: u32,
    pub column: u32,
    /// RFC 6901 pointer into `file`.
    pub pointer: String,
}

/// One difference, with the rule that judged it.
#[derive(Clone, Debug, Serialize)]
pub struct Change {
    pub rule: &'static str,
    pub level: Level,
    pub message: String,
    /// Where it is in the old document (absent for what only the new one has).
    pub old: Option<Place>,
    /// Where it is in the new document (absent for what only the old one has).
    pub new: Option<Place>,
}

/// What to report besides the contract's own changes.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Also report what breaks Rust code compiled against the crate
    /// generated from the old spec (`rust-*` rules).
    pub rust: bool,
}

/// The changes from `old` to `new`, most severe first. Both must have
/// loaded into a model.
pub fn diff(old: &Loaded, new: &Loaded) -> Vec<Change> {
    diff_with(old, new, Options::default())
}

/// [`diff`] with `options`.
pub fn diff_with(old: &Loaded, new: &Loaded, options: Options) -> Vec<Change> {
    let (Some(old_api), Some(new_api)) = (&old.api, &new.api) else { return Vec::new() };
    let mut cx = Cx { old: old_api, new: new_api, found: Vec::new(), seen: HashSet::new(), depth: 0 };
    if old_api.kind.is_openapi() && new_api.kind.is_openapi() {
        http::compare(&mut cx);
    } else {
        asyncapi::compare(&mut cx);
    }
    schema::named(&mut cx);
    if options.rust {
        rust::impact(&mut cx.found);
    }
    let mut changes = place(cx.found, old, new);
    changes
        .sort_by(|a, b| b.level.cmp(&a.level).then_with(|| a.rule.cmp(b.rule)).then_with(|| a.message.cmp(&b.message)));
    changes
}

/// Which way values flow through what is compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Direction {
    /// Written by the other side, read by the API: requests, received messages.
    Request,
    /// Written by the API, read by the other side: responses, sent messages.
    Response,
}

impl Direction {
    /// The other way: a reply to a request, or what a `not` schema refuses.
    pub fn flipped(self) -> Direction {
        match self {
            Direction::Request => Direction::Response,
            Direction::Response => Direction::Request,
        }
    }
}

pub(crate) struct Found {
    pub rule: &'static str,
    pub message: String,
    pub old: Option<Location>,
    pub new: Option<Location>,
}

pub(crate) struct Cx<'a> {
    pub old: &'a Api,
    pub new: &'a Api,
    found: Vec<Found>,
    /// Schema pairs already compared in a direction, so recursive schemas end.
    pub seen: HashSet<(SchemaId, SchemaId, Direction)>,
    /// How deep the schema comparison is nested now.
    pub depth: u32,
}

impl Cx<'_> {
    pub fn report(&mut self, rule: &'static str, message: String, old: Option<&Location>, new: Option<&Location>) {
        debug_assert!(rule_by_id(rule).is_some(), "unknown rule {rule}");
        self.found.push(Found { rule, message, old: old.cloned(), new: new.cloned() });
    }
}

/// Lines and columns for the changes' places, one pass per file.
fn place(found: Vec<Found>, old: &Loaded, new: &Loaded) -> Vec<Change> {
    let located = |loaded: &Loaded, pick: &dyn Fn(&Found) -> Option<&Location>| {
        let mut by_file: HashMap<FileId, Vec<&str>> = HashMap::new();
        for f in &found {
            if let Some(l) = pick(f) {
                by_file.entry(l.file).or_default().push(l.pointer.as_str());
            }
        }
        let mut positions: HashMap<(FileId, String), (String, Pos)> = HashMap::new();
        for (file, pointers) in by_file {
            let source = loaded.sources.get(file);
            for (pointer, pos) in pointers.iter().zip(specwright_spec::locate(source, None, &pointers)) {
                positions.insert((file, pointer.to_string()), (source.name.clone(), pos));
            }
        }
        positions
    };
    let old_positions = located(old, &|f: &Found| f.old.as_ref());
    let new_positions = located(new, &|f: &Found| f.new.as_ref());
    let to_place = |l: &Location, positions: &HashMap<(FileId, String), (String, Pos)>| {
        let none = || (String::new(), Pos { line: 0, column: 0, offset: 0 });
        let (file, pos) = positions.get(&(l.file, l.pointer.clone())).cloned().unwrap_or_else(none);
        Place { file, line: pos.line, column: pos.column, pointer: l.pointer.clone() }
    };
    found
        .into_iter()
        .map(|f| Change {
            rule: f.rule,
            level: rule_by_id(f.rule).map_or(Level::Breaking, |r| r.level),
            old: f.old.as_ref().map(|l| to_place(l, &old_positions)),
            new: f.new.as_ref().map(|l| to_place(l, &new_positions)),
            message: f.message,
        })
        .collect()
}
