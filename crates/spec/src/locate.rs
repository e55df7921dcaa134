//! Finds the line and column of JSON pointers in a file's text.
//!
//! Parsing keeps no positions, which keeps loading fast; positions are looked
//! up afterwards, for the few pointers that diagnostics name, in one pass per file.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser};
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;
use serde_json::Value;

use crate::pointer;
use crate::source::{Format, Pos, SourceFile};

/// Positions of the given pointers, in the same order. A pointer that names
/// nothing in the text gets the position of its nearest ancestor that does;
/// `root`, the parsed text, lets that ancestor be found without a second pass.
pub fn locate(file: &SourceFile, root: Option<&Value>, pointers: &[&str]) -> Vec<Pos> {
    let mut trie = Trie::default();
    let ends: Vec<Vec<usize>> = pointers
        .iter()
        .map(|p| {
            let mut tokens = pointer::tokens(p).unwrap_or_default();
            if let Some(root) = root {
                while !tokens.is_empty() && pointer::get(root, &tokens).is_none() {
                    tokens.pop();
                }
            }
            trie.insert(tokens)
        })
        .collect();
    match file.format {
        Format::Json => {
            let text = &file.text;
            json_walk(&mut trie, 0, text, 0);
        }
        Format::Yaml => {
            // A file that parsed only leniently is walked the way it was parsed.
            if !yaml_walk(&mut trie, file, &file.text) {
                if let Some(relaxed) = crate::parse::relax_flow_indentation(&file.text) {
                    yaml_walk(&mut trie, file, &relaxed);
                }
            }
        }
    }
    ends.iter()
        .map(|path| {
            let offset = path.iter().rev().find_map(|&n| trie.nodes[n].offset).unwrap_or(0);
            file.pos_at(offset)
        })
        .collect()
}

#[derive(Default)]
struct Trie {
    nodes: Vec<TrieNode>,
}

#[derive(Default)]
struct TrieNode {
    children: HashMap<String, usize>,
    /// A pointer ends here (other nodes are only on the way to one).
    wanted: bool,
    offset: Option<usize>,
}

impl Trie {
    /// Adds a pointer's tokens; returns the trie nodes along it, root first.
    fn insert(&mut self, tokens: Vec<String>) -> Vec<usize> {
        if self.nodes.is_empty() {
            self.nodes.push(TrieNode::default());
        }
        let mut path = vec![0];
        for token in tokens {
            let at = *path.last().unwrap();
            let next = match self.nodes[at].children.get(&token) {
                Some(&n) => n,
                None => {
                    self.nodes.push(TrieNode::default());
                    let n = self.nodes.len() - 1;
                    self.nodes[at].children.insert(token, n);
                    n
                }
            };
            path.push(next);
        }
        self.nodes[*path.last().unwrap()].wanted = true;
        path
    }
}

/// Walks a JSON text once, descending only into values on the way to a
/// wanted pointer and skipping the rest without building anything.
fn json_walk(trie: &mut Trie, node: usize, text: &str, offset: usize) {
    let start = text.len() - text.trim_start().len();
    trie.nodes[node].offset = Some(offset + start);
    if trie.nodes[node].children.is_empty() {
        return;
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let base = text.as_ptr() as usize - offset;
    // A malformed text was reported when it was parsed; positions found before
    // the fault are still good, and those after it stay unplaced.
    Walk { trie, node, base }.deserialize(&mut de).unwrap_or_default();
}

/// Where in the trie a value being read belongs; `base` turns a slice of
/// the text back into an offset.
struct Walk<'t> {
    trie: &'t mut Trie,
    node: usize,
    base: usize,
}

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match self.trie.nodes[self.node].children.get(key.as_ref()).copied() {
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
                Some(child) if self.trie.nodes[child].wanted => {
                    let raw: &'de RawValue = map.next_value()?;
                    self.trie.visit(child, raw.get(), self.base);
                }
                Some(child) => map.next_value_seed(Walk { trie: &mut *self.trie, node: child, base: self.base })?,
            }
        }
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0usize;
        loop {
            let child = self.trie.nodes[self.node].children.get(index.to_string().as_str()).copied();
            match child {
                None => {
                    if seq.next_element::<IgnoredAny>()?.is_none() {
                        break;
                    }
                }
                Some(child) if self.trie.nodes[child].wanted => match seq.next_element::<&'de RawValue>()? {
                    Some(raw) => self.trie.visit(child, raw.get(), self.base),
                    None => break,
                },
                Some(child) => {
                    let walk = Walk { trie: &mut *self.trie, node: child, base: self.base };
                    if seq.next_element_seed(walk)?.is_none() {
                        break;
                    }
                }
            }
            index += 1;
        }
        Ok(())
    }
}

impl Trie {
    /// Records where a wanted value starts, then walks into it (a second
    /// pass over that value alone) if more is wanted there.
    fn visit(&mut self, node: usize, raw: &str, base: usize) {
        let offset = raw.as_ptr() as usize - base;
        json_walk(self, node, raw, offset);
    }
}

/// Walks the YAML events once, keeping the path of keys and indexes, and
/// records where each node of the trie starts. Returns whether the text
/// parsed to its end.
fn yaml_walk(trie: &mut Trie, file: &SourceFile, text: &str) -> bool {
    enum Frame {
        Seq { trie: Option<usize>, next: usize },
        Map { trie: Option<usize>, key: Option<String> },
    }
    let mut stack: Vec<Frame> = Vec::new();
    let mut parser = Parser::new_from_str(text);
    let mut missing = trie.nodes.iter().filter(|n| n.wanted && n.offset.is_none()).count();
    while missing > 0 {
        let (event, span) = match parser.next_event() {
            None => return true,
            Some(Err(_)) => return false,
            Some(Ok(next)) => next,
        };
        // Which trie node, if any, the value starting here belongs to; `None`
        // when this scalar is a mapping key.
        let here: Option<Option<usize>> = match stack.last_mut() {
            None => Some(Some(0)),
            Some(Frame::Seq { trie: t, next }) => {
                let key = next.to_string();
                *next += 1;
                Some(t.and_then(|t| trie.nodes[t].children.get(&key).copied()))
            }
            Some(Frame::Map { trie: t, key }) => match key.take() {
                Some(k) => Some(t.and_then(|t| trie.nodes[t].children.get(&k).copied())),
                None => {
                    if let Event::Scalar(text, ..) = &event {
                        *key = Some(text.to_string());
                    }
                    None
                }
            },
        };
        let is_value_start =
            matches!(event, Event::Scalar(..) | Event::Alias(_) | Event::SequenceStart(..) | Event::MappingStart(..));
        let target = match here {
            Some(t) if is_value_start => t,
            _ => {
                if matches!(event, Event::SequenceEnd | Event::MappingEnd) {
                    stack.pop();
                }
                continue;
            }
        };
        if let Some(t) = target {
            let pos = file.pos_at_line_col(span.start.line(), span.start.col() + 1);
            if trie.nodes[t].wanted && trie.nodes[t].offset.is_none() {
                missing -= 1;
            }
            trie.nodes[t].offset = Some(pos.offset);
        }
        match event {
            Event::SequenceStart(..) => stack.push(Frame::Seq { trie: target, next: 0 }),
            Event::MappingStart(..) => stack.push(Frame::Map { trie: target, key: None }),
            _ => {}
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(format: Format, text: &str, pointers: &[&str]) -> Vec<(u32, u32)> {
        let file = SourceFile::new("t".into(), None, text.into(), format);
        let root = crate::parse::parse(&file).unwrap().value;
        locate(&file, Some(&root), pointers).into_iter().map(|p| (p.line, p.column)).collect()
    }

    #[test]
    fn finds_json_pointers() {
        let text = "{\n  \"a\": {\"b/c\": [1,\n   2]},\n  \"d\": 3\n}";
        assert_eq!(find(Format::Json, text, &["/a/b~1c/1", "/d", "", "/a/missing"]), [(3, 4), (4, 8), (1, 1), (2, 8)]);
    }

    #[test]
    fn finds_yaml_pointers() {
        let text = "a:\n  b/c:\n    - 1\n    - x: 2\nd: 3\n";
        assert_eq!(find(Format::Yaml, text, &["/a/b~1c/1/x", "/d", "/a/b~1c/0"]), [(4, 10), (5, 4), (3, 7)]);
    }
}
