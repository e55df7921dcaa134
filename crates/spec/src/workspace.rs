//! The set of files one load reads: the root document and every file its
//! `$ref`s reach, and the resolution of references between them.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use percent_encoding::percent_decode_str;
use serde_json::Value;
use url::Url;

use crate::diagnostic::{Diagnostic, Location};
use crate::parse;
use crate::pointer;
use crate::source::{FileId, Format, SourceFile, Sources};

mod resolve;
mod resources;

use resources::Resources;

/// Reads the document at a URL, for references to remote files. Given only
/// when the user allows fetching.
pub type Fetch = Arc<dyn Fn(&str) -> Result<String, FetchError> + Send + Sync>;

/// Why a [`Fetch`] could not read a URL: whatever error the HTTP client
/// gave (a string converts with `.into()`).
pub type FetchError = Box<dyn std::error::Error + Send + Sync>;

/// Why a file of a spec was not read. The name is the one messages use for
/// the file: its path as the spec or the user wrote it, or its URL.
#[derive(Clone, Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// The file system refused.
    #[error("cannot read `{name}`: {source}")]
    Io {
        name: String,
        #[source]
        source: Arc<std::io::Error>,
    },
    #[error("`{name}` is not read: its path holds the control character {character:?}")]
    ControlCharacter { name: String, character: char },
    #[error("`{name}` is a folder, not a file")]
    Folder { name: String },
    /// A device, a pipe or a socket: reading it may never end.
    #[error("`{name}` is not a regular file (a device, a pipe or a socket), and is not read")]
    NotRegular { name: String },
    #[error("`{name}` is more than the limit of {limit} bytes")]
    TooLarge { name: String, limit: u64 },
    /// The spec reaches more files than [`LoadOptions::max_files`].
    #[error("`{name}` is not read: the spec reaches more than {limit} files")]
    TooManyFiles { name: String, limit: usize },
    /// The spec's files hold more than [`LoadOptions::max_total_bytes`].
    #[error("`{name}` is not read: the spec's files hold more than {limit} bytes together")]
    TooManyBytes { name: String, limit: u64 },
    /// A reference leaves the folder the load is confined to.
    #[error("`{name}` is outside {}, which references may not leave", dir.display())]
    Outside { name: String, dir: PathBuf },
    /// A remote reference, and no fetching allowed.
    #[error("remote reference `{url}` is not fetched; map its URL to a local file, or allow fetching")]
    NotFetched { url: String },
    #[error("cannot fetch `{url}`: {source}")]
    Fetch {
        url: String,
        #[source]
        source: Arc<dyn std::error::Error + Send + Sync>,
    },
}

/// What a load may read besides the root file.
#[derive(Clone)]
pub struct LoadOptions {
    /// URL prefixes whose references are read from local files instead:
    /// `https://example.com/schemas/` to `./vendor/schemas/`.
    pub url_map: Vec<(String, PathBuf)>,
    /// Files larger than this are refused.
    pub max_bytes: u64,
    /// How many files one load may read, the root included: a crafted
    /// spec cannot make a load read without end.
    pub max_files: usize,
    /// How many bytes all the files of one load may hold together.
    pub max_total_bytes: u64,
    /// A folder that references to local files may not leave (canonical);
    /// without it they may name any file the process can read.
    pub confine: Option<PathBuf>,
    /// How to read references to URLs that `url_map` does not cover; without
    /// it they are not read.
    pub fetch: Option<Fetch>,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            url_map: Vec::new(),
            max_bytes: 256 * 1024 * 1024,
            max_files: 10_000,
            max_total_bytes: 1024 * 1024 * 1024,
            confine: None,
            fetch: None,
        }
    }
}

impl std::fmt::Debug for LoadOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoadOptions")
            .field("url_map", &self.url_map)
            .field("max_bytes", &self.max_bytes)
            .field("max_files", &self.max_files)
            .field("max_total_bytes", &self.max_total_bytes)
            .field("confine", &self.confine)
            .field("fetch", &self.fetch.as_ref().map(|_| "…"))
            .finish()
    }
}

/// Where a reference's file part leads, and the name messages use for it.
type FilePart = (Origin, String);

/// Where a file comes from: a canonical path on disk, or a URL.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Origin {
    Path(PathBuf),
    Url(Url),
}

/// Where a reference leads.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Target {
    pub file: FileId,
    /// The pointer, normalized (percent-decoded, then escaped per RFC 6901).
    pub pointer: String,
}

/// A resolved reference, with a note when it resolved only leniently.
pub(crate) struct Resolved {
    pub target: Target,
    pub note: Option<String>,
}

/// Schema resources by their URI: the file, and the resource's index among its file's.
type Ids = HashMap<Url, (FileId, usize)>;

pub(crate) struct Workspace {
    pub sources: Sources,
    /// Parsed content per file; `None` where the file failed to parse.
    values: Vec<Option<Value>>,
    /// Per file, whether its text holds `$id`: only then may a schema in it
    /// change the base URI its references resolve against.
    declares_ids: Vec<bool>,
    /// Per file, whether its text holds `$dynamicAnchor`.
    declares_dynamic_anchors: Vec<bool>,
    /// Whether the root document's schemas have `$id` (and `$dynamicAnchor`):
    /// not those of Swagger 2.0 or OpenAPI 3.0, where an `$id` is data.
    ids_meant: bool,
    /// Where each file came from, for relative references in it.
    origins: Vec<Option<Origin>>,
    by_origin: HashMap<Origin, FileId>,
    /// Files that could not be read, with the reason, for the references that name them.
    unreadable: HashMap<Origin, ReadError>,
    /// Bytes of every file read so far, against `max_total_bytes`.
    bytes_read: u64,
    /// The root document's folder: messages quote no line of a file outside it.
    root_dir: Option<PathBuf>,
    options: LoadOptions,
    pub diagnostics: Vec<Diagnostic>,
    /// Where the file part of a reference leads, per referring file: a spec
    /// with thousands of references to a few files looks each path up once.
    file_parts: RefCell<HashMap<(FileId, String), Option<FilePart>>>,
    /// The schema resources (`$id`) and anchors of each file, found on the
    /// first reference that needs them.
    resources: RefCell<HashMap<FileId, Arc<Resources>>>,
    /// Every resource that declares `$id`, in any file, by its URI: built on
    /// the first reference resolved against an `$id`, or absolute.
    ids: RefCell<Option<Arc<Ids>>>,
}

impl Workspace {
    pub fn new(options: LoadOptions) -> Self {
        Workspace {
            sources: Sources::default(),
            values: Vec::new(),
            declares_ids: Vec::new(),
            declares_dynamic_anchors: Vec::new(),
            ids_meant: true,
            origins: Vec::new(),
            by_origin: HashMap::new(),
            unreadable: HashMap::new(),
            bytes_read: 0,
            root_dir: None,
            options,
            diagnostics: Vec::new(),
            file_parts: RefCell::default(),
            resources: RefCell::default(),
            ids: RefCell::default(),
        }
    }

    /// Adds a file's text, parses it, then reads every file its references reach.
    pub fn add_root(&mut self, name: String, path: Option<PathBuf>, text: String) -> FileId {
        let id = self.add_text(name, path.map(Origin::Path), text);
        self.load_referenced(id);
        id
    }

    pub fn value(&self, file: FileId) -> Option<&Value> {
        self.values[file.0 as usize].as_ref()
    }

    fn add_text(&mut self, name: String, origin: Option<Origin>, text: String) -> FileId {
        let path = match &origin {
            Some(Origin::Path(p)) => Some(p.clone()),
            _ => None,
        };
        let format = Format::detect(Some(Path::new(&name)), &text);
        let declares_ids = text.contains("$id");
        let declares_dynamic_anchors = text.contains("$dynamicAnchor");
        let file = SourceFile::new(name, path, text.into(), format);
        let parsed = parse::parse(&file);
        let id = self.register(file, origin);
        self.declares_ids.push(declares_ids);
        self.declares_dynamic_anchors.push(declares_dynamic_anchors);
        match parsed {
            Ok(parsed) => {
                if let Some(note) = parsed.lenient {
                    self.diagnostics.push(Diagnostic::warning(
                        "yaml-lenient",
                        Location::at(id, "", note.pos),
                        note.message,
                    ));
                }
                self.values.push(Some(parsed.value));
            }
            Err(e) => {
                self.values.push(None);
                self.diagnostics.push(Diagnostic::error("syntax", Location::at(id, "", e.pos), e.message));
            }
        }
        id
    }

    fn register(&mut self, mut file: SourceFile, origin: Option<Origin>) -> FileId {
        if let Some(Origin::Path(path)) = &origin {
            if self.sources.is_empty() {
                self.root_dir = path.parent().map(|d| d.canonicalize().unwrap_or_else(|_| d.to_path_buf()));
            } else if let Some(root) = &self.root_dir {
                file.quotable = path.starts_with(root);
            }
        }
        let id = self.sources.add(file);
        if let Some(origin) = &origin {
            self.by_origin.insert(origin.clone(), id);
        }
        self.origins.push(origin);
        id
    }

    /// Reads the root file from disk.
    pub fn read_root(&mut self, path: &Path) -> Result<FileId, ReadError> {
        let name = path.display().to_string();
        let canonical = path.canonicalize().map_err(|e| ReadError::Io { name: name.clone(), source: Arc::new(e) })?;
        self.read(Origin::Path(canonical), name)
    }

    /// Reads a file once, however many references name it, refusing what is
    /// too large or not text, and remembering failures.
    fn read(&mut self, origin: Origin, name: String) -> Result<FileId, ReadError> {
        if let Some(&id) = self.by_origin.get(&origin) {
            return Ok(id);
        }
        if let Some(reason) = self.unreadable.get(&origin) {
            return Err(reason.clone());
        }
        if self.sources.len() >= self.options.max_files {
            let reason = ReadError::TooManyFiles { name, limit: self.options.max_files };
            self.unreadable.insert(origin, reason.clone());
            return Err(reason);
        }
        if let (Origin::Path(path), Some(dir)) = (&origin, &self.options.confine) {
            if !path.starts_with(dir) {
                let reason = ReadError::Outside { name, dir: dir.clone() };
                self.unreadable.insert(origin, reason.clone());
                return Err(reason);
            }
        }
        let bytes = match &origin {
            Origin::Path(path) => self.read_path(path, &name),
            Origin::Url(url) => self.fetch(url),
        };
        let bytes = match bytes {
            Ok(b) if self.bytes_read + b.len() as u64 > self.options.max_total_bytes => {
                let reason = ReadError::TooManyBytes { name, limit: self.options.max_total_bytes };
                self.unreadable.insert(origin, reason.clone());
                return Err(reason);
            }
            Ok(b) => {
                self.bytes_read += b.len() as u64;
                b
            }
            Err(reason) => {
                self.unreadable.insert(origin, reason.clone());
                return Err(reason);
            }
        };
        Ok(match parse::decode(bytes) {
            Ok(text) => self.add_text(name, Some(origin), text),
            Err((message, lossy, at)) => self.add_undecodable(name, origin, lossy, message, at),
        })
    }

    /// Reads a regular file, never more than the limit: special files
    /// (`/dev/zero`, FIFOs, `/proc` files) report a size of 0 or block, so
    /// the size is checked on the open file and the read itself is bounded.
    fn read_path(&self, path: &Path, name: &str) -> Result<Vec<u8>, ReadError> {
        use std::io::Read;
        let name = || name.to_string();
        let cannot = |e: std::io::Error| ReadError::Io { name: name(), source: Arc::new(e) };
        if let Some(character) = path.to_string_lossy().chars().find(|c| c.is_control()) {
            return Err(ReadError::ControlCharacter { name: name(), character });
        }
        // Checked before opening, as opening a FIFO for reading blocks until
        // a writer comes; checked again on the open file, which is what is read.
        let meta = std::fs::metadata(path).map_err(cannot)?;
        if meta.is_dir() {
            return Err(ReadError::Folder { name: name() });
        }
        if !meta.is_file() {
            return Err(ReadError::NotRegular { name: name() });
        }
        let file = std::fs::File::open(path).map_err(cannot)?;
        if !file.metadata().map_err(cannot)?.is_file() {
            return Err(ReadError::NotRegular { name: name() });
        }
        let limit = self.options.max_bytes;
        let mut bytes = Vec::with_capacity(meta.len().min(limit) as usize);
        file.take(limit.saturating_add(1)).read_to_end(&mut bytes).map_err(cannot)?;
        if bytes.len() as u64 > limit {
            return Err(ReadError::TooLarge { name: name(), limit });
        }
        Ok(bytes)
    }

    fn fetch(&self, url: &Url) -> Result<Vec<u8>, ReadError> {
        let Some(fetch) = &self.options.fetch else {
            return Err(ReadError::NotFetched { url: url.to_string() });
        };
        let text = fetch(url.as_str()).map_err(|e| ReadError::Fetch { url: url.to_string(), source: e.into() })?;
        if text.len() as u64 > self.options.max_bytes {
            return Err(ReadError::TooLarge { name: url.to_string(), limit: self.options.max_bytes });
        }
        Ok(text.into_bytes())
    }

    /// Adds a file that is not UTF-8, with an error at its first bad byte.
    fn add_undecodable(&mut self, name: String, origin: Origin, lossy: String, message: String, at: usize) -> FileId {
        let path = match &origin {
            Origin::Path(p) => Some(p.clone()),
            Origin::Url(_) => None,
        };
        let file = SourceFile::new(name, path, lossy.into(), Format::Yaml);
        let pos = file.pos_at(at);
        let id = self.register(file, Some(origin));
        self.declares_ids.push(false);
        self.declares_dynamic_anchors.push(false);
        self.values.push(None);
        self.diagnostics.push(Diagnostic::error("encoding", Location::at(id, "", pos), message));
        id
    }

    /// Reads, transitively, the files that references in `root` name, so that
    /// resolution later needs no I/O. Failures are kept and reported where a
    /// reference is followed.
    pub fn load_referenced(&mut self, root: FileId) {
        self.ids_meant = self.value(root).is_none_or(ids_meant);
        let mut queue = vec![root];
        while let Some(file) = queue.pop() {
            let mut refs = Vec::new();
            let scoped = self.declares_ids(file) && self.resources(file).list().len() > 1;
            if let Some(v) = self.value(file) {
                if scoped || may_refer_to_other_files(&self.sources.get(file).text) {
                    refs = collect_refs(v, scoped);
                }
            }
            for (site, reference) in refs {
                for (origin, name) in self.files_to_read(file, &site, &reference) {
                    let known = self.sources.len();
                    if let Ok(id) = self.read(origin, name) {
                        if self.sources.len() > known {
                            queue.push(id);
                        }
                    }
                }
            }
        }
    }

    /// Whether a schema in `file` may declare `$id`.
    fn declares_ids(&self, file: FileId) -> bool {
        self.ids_meant && self.declares_ids[file.0 as usize]
    }

    /// The files a reference written at `site` in `file` may need: inside a
    /// schema that declares `$id`, the one at the URI the reference resolves
    /// to against it (unless a resource of the same file has that URI), and,
    /// where that is no file on disk (a URL that is not mapped), the one it
    /// names relative to the file, which `resolve` falls back on.
    fn files_to_read(&self, file: FileId, site: &str, reference: &str) -> Vec<FilePart> {
        let mut parts = Vec::new();
        if self.declares_ids(file) {
            let resources = self.resources(file);
            let scope = resources.enclosing(site);
            if scope != 0 {
                let Ok(mut uri) = resources.list()[scope].0.join(reference) else { return parts };
                uri.set_fragment(None);
                if resources.find(&uri).is_some() {
                    return parts;
                }
                let part = self.url_part(&uri);
                let on_disk = matches!(&part.0, Origin::Path(path) if path.is_file());
                parts.push(part);
                if on_disk {
                    return parts;
                }
            }
        }
        if !reference.starts_with('#') {
            parts.extend(self.file_part(file, reference));
        }
        parts
    }

    /// Where a reference's file part leads, with a name for messages; `None`
    /// for a reference within the same file.
    fn file_part(&self, from: FileId, reference: &str) -> Option<FilePart> {
        let file = reference.split('#').next().unwrap_or("");
        if file.is_empty() {
            return None;
        }
        let key = (from, file.to_string());
        if let Some(found) = self.file_parts.borrow().get(&key) {
            return found.clone();
        }
        let found = self.find_file(from, file);
        self.file_parts.borrow_mut().insert(key, found.clone());
        found
    }

    fn find_file(&self, from: FileId, file: &str) -> Option<FilePart> {
        let decoded = percent_decode_str(file).decode_utf8_lossy().into_owned();
        // An absolute URL, or a relative one inside a fetched document.
        let url = match &self.origins[from.0 as usize] {
            Some(Origin::Url(base)) => base.join(file).ok(),
            _ => Url::parse(file).ok().filter(|u| u.scheme() != "file" && u.scheme().len() > 1),
        };
        if let Some(url) = url {
            return Some(self.url_part(&url));
        }
        let decoded = decoded.strip_prefix("file://").unwrap_or(&decoded);
        let base = self.sources.get(from).path.as_deref().and_then(Path::parent);
        let path = match base {
            Some(dir) => dir.join(decoded),
            None => PathBuf::from(decoded),
        };
        let name = match Path::new(&self.sources.get(from).name).parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir.join(decoded).display().to_string(),
            _ => decoded.to_string(),
        };
        let origin = path.canonicalize().map_or(Origin::Path(path), Origin::Path);
        Some((origin, name))
    }

    /// Where an absolute URL leads: a folder the URL is mapped to, a file
    /// (`file:`), or the URL itself, fetched if fetching is allowed.
    fn url_part(&self, url: &Url) -> FilePart {
        let text = url.as_str();
        if let Some((prefix, dir)) = self.options.url_map.iter().find(|(p, _)| text.starts_with(p.as_str())) {
            let rest = percent_decode_str(&text[prefix.len()..]).decode_utf8_lossy().into_owned();
            let path = dir.join(rest);
            let origin = path.canonicalize().map_or(Origin::Path(path), Origin::Path);
            return (origin, text.to_string());
        }
        if let Ok(path) = url.to_file_path() {
            let name = path.display().to_string();
            return (path.canonicalize().map_or(Origin::Path(path), Origin::Path), name);
        }
        (Origin::Url(url.clone()), text.to_string())
    }

    /// The `$dynamicAnchor`s of the schema resource that holds the place
    /// `at` in `file`, each with the place of the schema that declares it.
    pub fn dynamic_anchors(&self, file: FileId, at: &str) -> Vec<(String, Target)> {
        if !self.declares_dynamic_anchors(file) {
            return Vec::new();
        }
        let resources = self.resources(file);
        let anchors = resources.dynamic_anchors(resources.enclosing(at)).iter();
        anchors.map(|(name, pointer)| (name.clone(), Target { file, pointer: pointer.clone() })).collect()
    }

    /// Whether the schema at `to` is in a resource that declares `$id` and
    /// dynamic anchors: a reference that reaches it brings them into the
    /// dynamic scope, so it is a schema of its own even as a bare `$ref`.
    pub fn in_dynamic_resource(&self, to: &Target) -> bool {
        if !self.declares_dynamic_anchors(to.file) {
            return false;
        }
        let resources = self.resources(to.file);
        let resource = resources.enclosing(&to.pointer);
        resource != 0 && !resources.dynamic_anchors(resource).is_empty()
    }

    fn declares_dynamic_anchors(&self, file: FileId) -> bool {
        self.ids_meant && self.declares_dynamic_anchors[file.0 as usize]
    }

    /// The value a resolved target names.
    pub fn get(&self, target: &Target) -> Option<&Value> {
        let tokens = pointer::tokens(&target.pointer)?;
        pointer::get(self.value(target.file)?, &tokens)
    }
}

/// Whether the text may hold a `$ref` (or `$dynamicRef`) to another file:
/// a cheap scan that lets big single-file specs skip walking their whole tree.
fn may_refer_to_other_files(text: &str) -> bool {
    ["$ref", "$dynamicRef"].into_iter().any(|keyword| {
        text.match_indices(keyword).any(|(i, _)| {
            let after = text[i + keyword.len()..]
                .trim_start_matches(|c: char| c == '"' || c == '\'' || c == ':' || c.is_whitespace());
            !after.starts_with('#')
        })
    })
}

/// Whether the root document's dialect has `$id`: JSON Schema from draft 6
/// on (OpenAPI 3.1, AsyncAPI, a bare schema), not Swagger 2.0 or OpenAPI
/// 3.0, whose Schema Objects have no such keyword.
fn ids_meant(root: &Value) -> bool {
    if root.get("swagger").is_some() {
        return false;
    }
    root.get("openapi").and_then(Value::as_str).is_none_or(|version| !version.starts_with("3.0"))
}

/// Each `$ref` in a document, with the pointer of the object that holds it
/// when `sites` asks for them (else the root's): all of them where a schema
/// may declare `$id`, else only those that name another file. Walked with a
/// stack of its own: documents nest deeper than the thread's stack would allow.
fn collect_refs(root: &Value, sites: bool) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut stack = vec![(String::new(), root)];
    while let Some((at, value)) = stack.pop() {
        match value {
            Value::Object(map) => {
                for keyword in ["$ref", "$dynamicRef"] {
                    if let Some(Value::String(r)) = map.get(keyword) {
                        if sites || !r.starts_with('#') {
                            found.push((at.clone(), r.clone()));
                        }
                    }
                }
                for (key, child) in map {
                    let at = if sites { pointer::push(&at, key) } else { String::new() };
                    stack.push((at, child));
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    let at = if sites { pointer::push(&at, &i.to_string()) } else { String::new() };
                    stack.push((at, child));
                }
            }
            _ => {}
        }
    }
    found
}
