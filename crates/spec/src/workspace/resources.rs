//! The schema resources of a file, as JSON Schema (draft 6 on) defines them:
//! the file itself, and each schema inside it that declares `$id`. A
//! resource's URI is the base that the references inside it resolve
//! against, and the scope of the anchors declared in it.

use std::collections::HashMap;

use serde_json::Value;
use url::Url;

use crate::pointer;

/// Values that are data rather than schemas: nothing in them declares a
/// resource or an anchor.
const DATA: [&str; 5] = ["example", "examples", "const", "enum", "default"];

/// A file's resources, the file itself first, and the anchors each declares.
#[derive(Default)]
pub(super) struct Resources {
    /// Each resource's URI (without a fragment) and the pointer to it.
    list: Vec<(Url, String)>,
    /// The innermost resource whose schema is at each resource's pointer.
    by_pointer: HashMap<String, usize>,
    /// The first resource of each URI.
    by_uri: HashMap<Url, usize>,
    /// By resource and name, the pointers of the schemas that declare the anchor.
    anchors: HashMap<(usize, String), Vec<String>>,
    /// By name, the pointers of the schemas anywhere in the file that declare it, sorted.
    anchors_by_name: HashMap<String, Vec<String>>,
    /// By resource, each `$dynamicAnchor` declared in it and the pointer of
    /// the schema that declares it.
    dynamic: HashMap<usize, Vec<(String, String)>>,
}

impl Resources {
    /// The resources of `root`, the content of a file whose URI is `base`.
    /// Walked with a stack of its own: documents nest deeper than the
    /// thread's stack would allow.
    pub fn of(root: &Value, base: Url) -> Resources {
        let mut resources = Resources::default();
        resources.add(base, String::new());
        let mut stack = vec![(String::new(), root, 0)];
        while let Some((at, value, mut resource)) = stack.pop() {
            match value {
                Value::Object(map) => {
                    // An `$id` that is no URI reference changes nothing.
                    let id = map.get("$id").and_then(Value::as_str).filter(|id| !id.starts_with('#'));
                    if let Some(Ok(mut uri)) = id.map(|id| resources.list[resource].0.join(id)) {
                        uri.set_fragment(None);
                        resource = resources.add(uri, at.clone());
                    }
                    resources.declare_anchors(map, resource, &at);
                    for (key, child) in map {
                        if !DATA.contains(&key.as_str()) {
                            stack.push((pointer::push(&at, key), child, resource));
                        }
                    }
                }
                Value::Array(items) => {
                    for (i, child) in items.iter().enumerate() {
                        stack.push((pointer::push(&at, &i.to_string()), child, resource));
                    }
                }
                _ => {}
            }
        }
        for places in resources.anchors_by_name.values_mut() {
            places.sort();
        }
        resources
    }

    fn add(&mut self, uri: Url, at: String) -> usize {
        let index = self.list.len();
        self.by_pointer.insert(at.clone(), index);
        self.by_uri.entry(uri.clone()).or_insert(index);
        self.list.push((uri, at));
        index
    }

    /// The names a schema declares as anchors: `$anchor`, `$dynamicAnchor`
    /// (also a plain anchor), and `$id` or draft 4's `id` written `#name`.
    fn declare_anchors(&mut self, map: &serde_json::Map<String, Value>, resource: usize, at: &str) {
        let declared =
            ["$anchor", "$dynamicAnchor"]
                .into_iter()
                .filter_map(|keyword| map.get(keyword).and_then(Value::as_str))
                .chain(["id", "$id"].into_iter().filter_map(|keyword| {
                    map.get(keyword).and_then(Value::as_str).and_then(|id| id.strip_prefix('#'))
                }));
        // One schema may declare a name twice (`$anchor` and `$dynamicAnchor`).
        let mut names: Vec<&str> = declared.filter(|name| !name.is_empty()).collect();
        names.sort_unstable();
        names.dedup();
        for name in names {
            self.anchors.entry((resource, name.to_string())).or_default().push(at.to_string());
            self.anchors_by_name.entry(name.to_string()).or_default().push(at.to_string());
        }
        if let Some(name) = map.get("$dynamicAnchor").and_then(Value::as_str).filter(|name| !name.is_empty()) {
            self.dynamic.entry(resource).or_default().push((name.to_string(), at.to_string()));
        }
    }

    /// The URI and the pointer of each resource, the file's first.
    pub fn list(&self) -> &[(Url, String)] {
        &self.list
    }

    /// The first resource of the file whose URI is `uri`.
    pub fn find(&self, uri: &Url) -> Option<usize> {
        self.by_uri.get(uri).copied()
    }

    /// The innermost resource that holds the place `at` points to (a schema
    /// that declares `$id` is inside its own resource): the one at `at` or
    /// at the nearest place above it, found in as many steps as `at` is deep.
    pub fn enclosing(&self, at: &str) -> usize {
        let mut place = at;
        loop {
            if let Some(&resource) = self.by_pointer.get(place) {
                return resource;
            }
            match place.rfind('/') {
                Some(parent) => place = &place[..parent],
                None => return 0,
            }
        }
    }

    /// The pointers of the schemas in `resource` that declare the anchor `name`.
    pub fn anchor(&self, resource: usize, name: &str) -> &[String] {
        self.anchors.get(&(resource, name.to_string())).map_or(&[], Vec::as_slice)
    }

    /// The dynamic anchors of `resource`, by name, each with the pointer of
    /// the schema that declares it.
    pub fn dynamic_anchors(&self, resource: usize) -> &[(String, String)] {
        self.dynamic.get(&resource).map_or(&[], Vec::as_slice)
    }

    /// The pointers of the schemas anywhere in the file that declare the anchor `name`.
    pub fn anchor_anywhere(&self, name: &str) -> &[String] {
        self.anchors_by_name.get(name).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn an_id_opens_a_resource_that_holds_its_anchors() {
        let root = json!({
            "$defs": {
                "a": {"$id": "folder/a.json", "$defs": {"x": {"$anchor": "x"}}},
                "b": {"$anchor": "x", "examples": [{"$id": "not-a-schema"}]}
            }
        });
        let resources = Resources::of(&root, Url::parse("file:///specs/api.json").unwrap());
        let uris: Vec<&str> = resources.list().iter().map(|(uri, _)| uri.as_str()).collect();
        assert_eq!(uris, ["file:///specs/api.json", "file:///specs/folder/a.json"]);
        assert_eq!(resources.enclosing("/$defs/a/$defs/x"), 1);
        assert_eq!(resources.enclosing("/$defs/a"), 1);
        assert_eq!(resources.enclosing("/$defs/ab"), 0);
        assert_eq!(resources.enclosing(""), 0);
        assert_eq!(resources.find(&Url::parse("file:///specs/folder/a.json").unwrap()), Some(1));
        assert_eq!(resources.anchor(1, "x"), ["/$defs/a/$defs/x"]);
        assert_eq!(resources.anchor(0, "x"), ["/$defs/b"]);
        assert_eq!(resources.anchor_anywhere("x"), ["/$defs/a/$defs/x", "/$defs/b"]);
    }
}
