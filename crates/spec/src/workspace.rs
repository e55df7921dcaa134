//! The set of files one load reads: the root document and every file its
//! `$ref`s reach, and the resolution of references between them.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use percent_encoding::percent_decode_str;
use serde_json::Value;

use crate::diagnostic::{Diagnostic, Location};
use crate::parse;
use crate::pointer;
use crate::source::{FileId, Format, SourceFile, Sources};

/// What a load may read besides the root file.
#[derive(Clone, Debug)]
pub struct LoadOptions {
    /// URL prefixes whose references are read from local files instead:
    /// `https://example.com/schemas/` to `./vendor/schemas/`.
    pub url_map: Vec<(String, PathBuf)>,
    /// Files larger than this are refused.
    pub max_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions { url_map: Vec::new(), max_bytes: 256 * 1024 * 1024 }
    }
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

pub(crate) struct Workspace {
    pub sources: Sources,
    /// Parsed content per file; `None` where the file failed to parse.
    values: Vec<Option<Value>>,
    by_path: HashMap<PathBuf, FileId>,
    /// Files that could not be read, with the reason, for the references that name them.
    unreadable: HashMap<PathBuf, String>,
    options: LoadOptions,
    pub diagnostics: Vec<Diagnostic>,
}

impl Workspace {
    pub fn new(options: LoadOptions) -> Self {
        Workspace {
            sources: Sources::default(),
            values: Vec::new(),
            by_path: HashMap::new(),
            unreadable: HashMap::new(),
            options,
            diagnostics: Vec::new(),
        }
    }

    /// Adds a file's text, parses it, then reads every file its references reach.
    pub fn add_root(&mut self, name: String, path: Option<PathBuf>, text: String) -> FileId {
        let id = self.add_text(name, path, text);
        self.load_referenced(id);
        id
    }

    pub fn value(&self, file: FileId) -> Option<&Value> {
        self.values[file.0 as usize].as_ref()
    }

    fn add_text(&mut self, name: String, path: Option<PathBuf>, text: String) -> FileId {
        let format = Format::detect(path.as_deref().or(Some(Path::new(&name))), &text);
        let file = SourceFile::new(name, path.clone(), text.into(), format);
        let parsed = parse::parse(&file);
        let id = self.sources.add(file);
        if let Some(path) = path {
            self.by_path.insert(path, id);
        }
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

    /// Reads a file from disk, refusing what is too large or not text.
    pub fn read(&mut self, path: &Path, name: String) -> Result<FileId, String> {
        let canonical = path.canonicalize().map_err(|e| format!("cannot read `{name}`: {e}"))?;
        if let Some(&id) = self.by_path.get(&canonical) {
            return Ok(id);
        }
        if let Some(reason) = self.unreadable.get(&canonical) {
            return Err(reason.clone());
        }
        let result = self.read_new(&canonical, name);
        if let Err(reason) = &result {
            self.unreadable.insert(canonical, reason.clone());
        }
        result
    }

    fn read_new(&mut self, canonical: &Path, name: String) -> Result<FileId, String> {
        let meta = std::fs::metadata(canonical).map_err(|e| format!("cannot read `{name}`: {e}"))?;
        if meta.is_dir() {
            return Err(format!("`{name}` is a folder, not a file"));
        }
        if meta.len() > self.options.max_bytes {
            return Err(format!(
                "`{name}` is {} bytes, more than the limit of {} bytes",
                meta.len(),
                self.options.max_bytes
            ));
        }
        let bytes = std::fs::read(canonical).map_err(|e| format!("cannot read `{name}`: {e}"))?;
        match parse::decode(bytes) {
            Ok(text) => Ok(self.add_text(name, Some(canonical.to_path_buf()), text)),
            Err((message, lossy, at)) => Ok(self.add_undecodable(name, canonical.to_path_buf(), lossy, message, at)),
        }
    }

    /// Adds a file that is not UTF-8, with an error at its first bad byte.
    fn add_undecodable(&mut self, name: String, path: PathBuf, lossy: String, message: String, at: usize) -> FileId {
        let file = SourceFile::new(name, Some(path.clone()), lossy.into(), Format::Yaml);
        let pos = file.pos_at(at);
        let id = self.sources.add(file);
        self.by_path.insert(path, id);
        self.values.push(None);
        self.diagnostics.push(Diagnostic::error("encoding", Location::at(id, "", pos), message));
        id
    }

    /// Reads, transitively, the files that references in `root` name, so that
    /// resolution later needs no I/O. Failures are kept and reported where a
    /// reference is followed.
    pub fn load_referenced(&mut self, root: FileId) {
        let mut queue = vec![root];
        while let Some(file) = queue.pop() {
            let mut refs = Vec::new();
            if let Some(v) = self.value(file) {
                if may_refer_to_other_files(&self.sources.get(file).text) {
                    collect_refs(v, &mut refs);
                }
            }
            for r in refs {
                let Some((path, name)) = self.file_part(file, &r) else { continue };
                let known = self.by_path.len();
                if let Ok(id) = self.read(&path, name) {
                    if self.by_path.len() > known {
                        queue.push(id);
                    }
                }
            }
        }
    }

    /// The local file a reference's file part names, with a display name;
    /// `None` for a reference within the same file or one that names no local file.
    fn file_part(&self, from: FileId, reference: &str) -> Option<(PathBuf, String)> {
        let file = reference.split('#').next().unwrap_or("");
        if file.is_empty() {
            return None;
        }
        let decoded = percent_decode_str(file).decode_utf8_lossy().into_owned();
        if let Some((prefix, dir)) = self.options.url_map.iter().find(|(p, _)| decoded.starts_with(p.as_str())) {
            let path = dir.join(&decoded[prefix.len()..]);
            return Some((path, decoded));
        }
        if decoded.contains("://") {
            return None;
        }
        let decoded = decoded.strip_prefix("file://").unwrap_or(&decoded);
        let base = self.sources.get(from).path.as_deref().and_then(Path::parent);
        let path = match base {
            Some(dir) => dir.join(decoded),
            None => PathBuf::from(decoded),
        };
        let name = match &self.sources.get(from).name {
            n if Path::new(n).parent().is_some_and(|p| !p.as_os_str().is_empty()) => {
                Path::new(n).parent().unwrap().join(decoded).display().to_string()
            }
            _ => decoded.to_string(),
        };
        Some((path, name))
    }

    /// Resolves one reference written in `from`, without following further references.
    pub fn resolve(&self, from: FileId, reference: &str) -> Result<Resolved, String> {
        let (file_part, fragment) = match reference.split_once('#') {
            Some((f, frag)) => (f, frag),
            None => (reference, ""),
        };
        let file = if file_part.is_empty() {
            from
        } else {
            match self.file_part(from, reference) {
                None => {
                    return Err(format!("remote reference `{file_part}` is not fetched; map its URL to a local file"))
                }
                Some((path, name)) => {
                    let canonical = path.canonicalize().map_err(|e| format!("cannot read `{name}`: {e}"))?;
                    match self.by_path.get(&canonical) {
                        Some(&id) => id,
                        None => {
                            return Err(self
                                .unreadable
                                .get(&canonical)
                                .cloned()
                                .unwrap_or_else(|| format!("cannot read `{name}`")))
                        }
                    }
                }
            }
        };
        let fragment = percent_decode_str(fragment)
            .decode_utf8()
            .map_err(|_| format!("reference `{reference}` has a fragment that is not UTF-8"))?;
        let tokens = pointer::tokens(&fragment).ok_or_else(|| {
            format!("reference `{reference}` has a malformed JSON pointer (it must be empty or start with `/`)")
        })?;
        let Some(root) = self.value(file) else {
            // The file failed to parse; that error is already reported there.
            return Err(String::new());
        };
        if pointer::get(root, &tokens).is_some() {
            let pointer = tokens.iter().fold(String::new(), |p, t| pointer::push(&p, t));
            return Ok(Resolved { target: Target { file, pointer }, note: None });
        }
        // Some generators write keys that contain `/` into pointers unescaped.
        if let Some(pointer) = pointer::find_unescaped(root, &tokens) {
            let note = format!(
                "reference `{reference}` has a `/` inside a key that should be written `~1`; resolved as `#{pointer}`"
            );
            return Ok(Resolved { target: Target { file, pointer }, note: Some(note) });
        }
        Err(format!("reference `{reference}` points to nothing"))
    }

    /// The value a resolved target names.
    pub fn get(&self, target: &Target) -> Option<&Value> {
        let tokens = pointer::tokens(&target.pointer)?;
        pointer::get(self.value(target.file)?, &tokens)
    }
}

/// Whether the text may hold a `$ref` to another file: a cheap scan that lets
/// big single-file specs skip walking their whole tree.
fn may_refer_to_other_files(text: &str) -> bool {
    text.match_indices("$ref").any(|(i, _)| {
        let after = text[i + 4..].trim_start_matches(|c: char| c == '"' || c == '\'' || c == ':' || c.is_whitespace());
        !after.starts_with('#')
    })
}

fn collect_refs(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(r)) = map.get("$ref") {
                if !r.starts_with('#') {
                    out.push(r.clone());
                }
            }
            map.values().for_each(|v| collect_refs(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| collect_refs(v, out)),
        _ => {}
    }
}
