//! Finds the line and column of JSON pointers in a file's text.
//!
//! Parsing keeps no positions, which keeps loading fast; positions are looked
//! up afterwards, for the few pointers that diagnostics name, in one pass per file.

use std::collections::HashMap;

use indexmap::IndexMap;

use saphyr_parser::{Event, Parser};
use serde_json::value::RawValue;

use crate::pointer;
use crate::source::{Format, Pos, SourceFile};

/// Positions of the given pointers, in the same order. A pointer that names
/// nothing in the text gets the position of its nearest ancestor that does.
pub fn locate(file: &SourceFile, pointers: &[&str]) -> Vec<Pos> {
    let mut trie = Trie::default();
    let ends: Vec<Vec<usize>> = pointers.iter().map(|p| trie.insert(p)).collect();
    match file.format {
        Format::Json => {
            let text = &file.text;
            json_walk(&mut trie, 0, text, 0);
        }
        Format::Yaml => yaml_walk(&mut trie, file),
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
    offset: Option<usize>,
}

impl Trie {
    /// Adds a pointer; returns the trie nodes along it, root first.
    fn insert(&mut self, ptr: &str) -> Vec<usize> {
        if self.nodes.is_empty() {
            self.nodes.push(TrieNode::default());
        }
        let mut path = vec![0];
        for token in pointer::tokens(ptr).unwrap_or_default() {
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
        path
    }
}

fn json_walk(trie: &mut Trie, node: usize, text: &str, offset: usize) {
    let start = text.len() - text.trim_start().len();
    trie.nodes[node].offset = Some(offset + start);
    if trie.nodes[node].children.is_empty() {
        return;
    }
    let entries: Vec<(String, &RawValue)> = match text[start..].as_bytes().first() {
        Some(b'{') => serde_json::from_str::<IndexMap<String, &RawValue>>(text)
            .map(|m| m.into_iter().collect())
            .unwrap_or_default(),
        Some(b'[') => serde_json::from_str::<Vec<&RawValue>>(text)
            .map(|items| items.into_iter().enumerate().map(|(i, v)| (i.to_string(), v)).collect())
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    for (key, raw) in entries {
        if let Some(&child) = trie.nodes[node].children.get(&key) {
            let inner = raw.get();
            let at = offset + (inner.as_ptr() as usize - text.as_ptr() as usize);
            json_walk(trie, child, inner, at);
        }
    }
}

/// Walks the YAML events once, keeping the path of keys and indexes, and
/// records where each node of the trie starts.
fn yaml_walk(trie: &mut Trie, file: &SourceFile) {
    enum Frame {
        Seq { trie: Option<usize>, next: usize },
        Map { trie: Option<usize>, key: Option<String> },
    }
    let mut stack: Vec<Frame> = Vec::new();
    // A file that parsed only leniently is walked the same way it was parsed.
    let relaxed = if Parser::new_from_str(&file.text).any(|e| e.is_err()) {
        crate::parse::relax_flow_indentation(&file.text)
    } else {
        None
    };
    let mut parser = Parser::new_from_str(relaxed.as_deref().unwrap_or(&file.text));
    while let Some(Ok((event, span))) = parser.next_event() {
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
        let is_value_start = matches!(
            event,
            Event::Scalar(..) | Event::Alias(_) | Event::SequenceStart(..) | Event::MappingStart(..)
        );
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
            trie.nodes[t].offset = Some(pos.offset);
        }
        match event {
            Event::SequenceStart(..) => stack.push(Frame::Seq { trie: target, next: 0 }),
            Event::MappingStart(..) => stack.push(Frame::Map { trie: target, key: None }),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(format: Format, text: &str, pointers: &[&str]) -> Vec<(u32, u32)> {
        let file = SourceFile::new("t".into(), None, text.into(), format);
        locate(&file, pointers).into_iter().map(|p| (p.line, p.column)).collect()
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
