//! Resolving a reference: against the file it is written in, or, inside a
//! schema that declares `$id`, against that schema's URI.

use std::collections::HashMap;
use std::sync::Arc;

use percent_encoding::percent_decode_str;
use serde_json::Value;
use url::Url;

use super::resources::Resources;
use super::{Ids, Origin, ReadError, Resolved, Target, Workspace};
use crate::pointer;
use crate::source::FileId;

impl Workspace {
    /// The URI a file's own references resolve against: the URL it was
    /// read from (or that is mapped to its folder), else its path.
    fn base_uri(&self, file: FileId) -> Url {
        let source = self.sources.get(file);
        if let Some(url) = Url::parse(&source.name).ok().filter(|u| u.scheme().len() > 1) {
            return url;
        }
        let path = match &self.origins[file.0 as usize] {
            Some(Origin::Url(url)) => return url.clone(),
            Some(Origin::Path(path)) => path.clone(),
            None => std::env::current_dir().unwrap_or_default().join(&source.name),
        };
        // Only a relative path has no file URL, and the current folder is absolute.
        Url::from_file_path(&path).unwrap_or_else(|()| Url::parse("file:///").expect("a URL"))
    }

    /// The schema resources and anchors of a file.
    pub(super) fn resources(&self, file: FileId) -> Arc<Resources> {
        if let Some(found) = self.resources.borrow().get(&file) {
            return Arc::clone(found);
        }
        let root = self.value(file).unwrap_or(&Value::Null);
        let resources = Arc::new(Resources::of(root, self.base_uri(file)));
        self.resources.borrow_mut().insert(file, Arc::clone(&resources));
        resources
    }

    /// Every schema resource that declares `$id`, in any file, by its URI.
    fn ids(&self) -> Arc<Ids> {
        if let Some(ids) = self.ids.borrow().as_ref() {
            return Arc::clone(ids);
        }
        let mut ids = HashMap::new();
        for i in 0..self.declares_ids.len() {
            let file = FileId(i as u32);
            if self.declares_ids(file) {
                for (resource, (uri, _)) in self.resources(file).list().iter().enumerate().skip(1) {
                    ids.entry(uri.clone()).or_insert((file, resource));
                }
            }
        }
        let ids = Arc::new(ids);
        *self.ids.borrow_mut() = Some(Arc::clone(&ids));
        ids
    }

    /// Resolves one reference, written in the schema or object at `site`,
    /// without following further references. Inside a schema that declares
    /// `$id` it resolves against that URI, as JSON Schema says; elsewhere
    /// against the file. Where the `$id` reading leads nowhere but the
    /// file's does, the file's is taken, with a note.
    pub fn resolve(&self, file: FileId, site: &str, reference: &str) -> Result<Resolved, String> {
        if reference.trim().is_empty() {
            // As a URI it names this whole document, which is never what a
            // schema or a parameter meant.
            return Err("reference `` is malformed: it is empty".into());
        }
        let scope = if self.declares_ids(file) {
            let resources = self.resources(file);
            let scope = resources.enclosing(site);
            (scope != 0).then(|| (resources.list()[scope].0.clone(), scope))
        } else {
            None
        };
        let (base, own) = match scope {
            Some((base, scope)) => (base, Some((file, scope))),
            // Outside every `$id`: as the file's own reference, unless it is
            // an absolute URI that a schema somewhere declares.
            None => match Url::parse(reference) {
                Ok(mut uri) if uri.scheme().len() > 1 => {
                    uri.set_fragment(None);
                    if !self.ids().contains_key(&uri) {
                        return self.resolve_in_file(file, reference);
                    }
                    (self.base_uri(file), None)
                }
                _ => return self.resolve_in_file(file, reference),
            },
        };
        match self.resolve_by_uri(&base, own, reference) {
            Ok(resolved) => Ok(resolved),
            Err(message) => match self.resolve_in_file(file, reference) {
                Ok(mut resolved) => {
                    // An empty message: the file at the `$id`'s URI did not
                    // parse, which its own error already says.
                    let why = if message.is_empty() {
                        format!("reference `{reference}` leads to a file that does not parse")
                    } else {
                        message
                    };
                    resolved.note = Some(format!(
                        "{why} against the base URI `{base}` that `$id` gives; resolved in the file instead"
                    ));
                    Ok(resolved)
                }
                Err(_) => Err(message),
            },
        }
    }

    /// Resolves `reference` against the URI `base`, that of the resource
    /// `own` where the reference is written inside one: to that resource
    /// itself (a fragment, whatever other schema declares the same `$id`),
    /// to a schema that declares the URI as its `$id`, or to the file at that URI.
    fn resolve_by_uri(&self, base: &Url, own: Option<(FileId, usize)>, reference: &str) -> Result<Resolved, String> {
        let uri = base.join(reference).map_err(|e| format!("reference `{reference}` is malformed: {e}"))?;
        let fragment = percent_decode_str(uri.fragment().unwrap_or(""))
            .decode_utf8()
            .map_err(|_| format!("reference `{reference}` has a fragment that is not UTF-8"))?
            .into_owned();
        let mut document = uri.clone();
        document.set_fragment(None);
        let found = match own {
            Some(own) if document == *base => Some(own),
            _ => self.ids().get(&document).copied(),
        };
        let (file, resource) = match found {
            Some(found) => found,
            None => {
                let (origin, name) = self.url_part(&document);
                match self.by_origin.get(&origin) {
                    Some(&file) => (file, 0),
                    None => return Err(self.not_read(origin, &name)),
                }
            }
        };
        if self.value(file).is_none() {
            // The file failed to parse; that error is already reported there.
            return Err(String::new());
        }
        let resources = self.resources(file);
        let start = &resources.list()[resource].1;
        if is_anchor_name(&fragment) {
            let missing = || format!("no schema of `{document}` declares the anchor `{fragment}`");
            return the_anchor(file, reference, &fragment, resources.anchor(resource, &fragment), missing);
        }
        let tokens = pointer_tokens(reference, &fragment)?;
        let pointer = tokens.iter().fold(start.clone(), |p, t| pointer::push(&p, t));
        let target = Target { file, pointer };
        match self.get(&target) {
            Some(_) => Ok(Resolved { target, note: None }),
            None => Err(format!("reference `{reference}` points to nothing")),
        }
    }

    /// Why the file at `origin` is not there to resolve a reference in.
    fn not_read(&self, origin: Origin, name: &str) -> String {
        self.unreadable.get(&origin).map_or_else(
            || match origin {
                Origin::Url(url) => format!("remote reference `{url}` is not fetched"),
                Origin::Path(_) => format!("cannot read `{name}`"),
            },
            ReadError::to_string,
        )
    }

    /// Resolves a reference against the file it is written in.
    fn resolve_in_file(&self, from: FileId, reference: &str) -> Result<Resolved, String> {
        let (file_part, fragment) = match reference.split_once('#') {
            Some((f, frag)) => (f, frag),
            None => (reference, ""),
        };
        let file = if file_part.is_empty() {
            from
        } else {
            let (origin, name) = self.file_part(from, reference).expect("a reference with a file part names a file");
            match self.by_origin.get(&origin) {
                Some(&id) => id,
                None => return Err(self.not_read(origin, &name)),
            }
        };
        let fragment = percent_decode_str(fragment)
            .decode_utf8()
            .map_err(|_| format!("reference `{reference}` has a fragment that is not UTF-8"))?;
        if is_anchor_name(&fragment) {
            return self.resolve_anchor(file, reference, &fragment);
        }
        let tokens = pointer_tokens(reference, &fragment)?;
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

    /// Resolves a plain-name fragment (`#name`): the one schema in `file`
    /// that declares `$anchor: name` (or `$dynamicAnchor`, which is also a
    /// plain anchor, or draft 4's `id: "#name"`). Outside every `$id`, an
    /// anchor is looked up in the whole file, so a name two schemas of one
    /// file declare is refused rather than guessed.
    fn resolve_anchor(&self, file: FileId, reference: &str, name: &str) -> Result<Resolved, String> {
        if self.value(file).is_none() {
            return Err(String::new());
        }
        let missing = || format!("no schema declares the anchor `{name}`");
        the_anchor(file, reference, name, self.resources(file).anchor_anywhere(name), missing)
    }
}

/// The one schema of `places` that declares the anchor `name`, or why
/// there is none (`missing`) or more than one.
fn the_anchor(
    file: FileId,
    reference: &str,
    name: &str,
    places: &[String],
    missing: impl FnOnce() -> String,
) -> Result<Resolved, String> {
    match places {
        [pointer] => Ok(Resolved { target: Target { file, pointer: pointer.clone() }, note: None }),
        [] => Err(format!("reference `{reference}` points to nothing: {}", missing())),
        places => Err(several_declare(reference, name, places)),
    }
}

/// A fragment's JSON pointer, as tokens, or why it is no pointer.
fn pointer_tokens(reference: &str, fragment: &str) -> Result<Vec<String>, String> {
    pointer::tokens(fragment).ok_or_else(|| {
        format!("reference `{reference}` has a malformed JSON pointer (it must be empty or start with `/`)")
    })
}

/// Whether a fragment is a plain name, as JSON Schema spells an anchor
/// (`^[A-Za-z_][-A-Za-z0-9._]*$`). Anything else that does not start with
/// `/` is a malformed pointer, such as `#components/schemas/Pet`.
fn is_anchor_name(fragment: &str) -> bool {
    let mut chars = fragment.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'))
}

/// The message for an anchor that several schemas declare: five of the
/// places, and how many more.
fn several_declare(reference: &str, name: &str, places: &[String]) -> String {
    const SHOWN: usize = 5;
    let shown = places[..places.len().min(SHOWN)].join("`, `");
    let more = if places.len() > SHOWN { format!(" and {} more", places.len() - SHOWN) } else { String::new() };
    format!(
        "reference `{reference}` names the anchor `{name}`, which {} schemas of the file declare (at `{shown}`{more})",
        places.len()
    )
}
