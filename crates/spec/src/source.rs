//! Source files as read from disk or given as strings, and positions within them.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;

/// Index of a file in a [`crate::Sources`] set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct FileId(pub u32);

/// The syntax a file is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Yaml,
}

impl Format {
    /// Picks the format from the file extension, or else from the first
    /// non-blank character (`{` or `[` means JSON).
    pub fn detect(path: Option<&Path>, text: &str) -> Format {
        let ext = path.and_then(|p| p.extension()).and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("json") => Format::Json,
            Some("yaml" | "yml") => Format::Yaml,
            _ => match text.trim_start_matches('\u{feff}').trim_start().chars().next() {
                Some('{' | '[') => Format::Json,
                _ => Format::Yaml,
            },
        }
    }
}

/// A line and column, both counted from 1; the column counts characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
    /// Byte offset of the position in the file's text.
    #[serde(skip)]
    pub offset: usize,
}

/// One file's name and text.
#[derive(Debug)]
pub struct SourceFile {
    /// The path as given or as reached through a reference (not canonicalized,
    /// so messages show what the user wrote).
    pub name: String,
    /// Canonical path on disk, when the file came from disk.
    pub path: Option<PathBuf>,
    pub text: Arc<str>,
    pub format: Format,
    /// Whether messages may quote lines of the file. Not for a file outside
    /// the root document's folder: a `$ref` to `/proc/self/environ` must
    /// not print the environment into a CI log.
    pub quotable: bool,
    line_starts: Vec<usize>,
}

impl SourceFile {
    pub fn new(name: String, path: Option<PathBuf>, text: Arc<str>, format: Format) -> Self {
        let line_starts = std::iter::once(0).chain(line_ends(&text)).collect();
        SourceFile { name, path, text, format, quotable: true, line_starts }
    }

    /// Position of a byte offset (clamped to the text).
    pub fn pos_at(&self, offset: usize) -> Pos {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let column = self.text[self.line_starts[line]..offset].chars().count() + 1;
        Pos { line: line as u32 + 1, column: column as u32, offset }
    }

    /// The byte offset where a line (counted from 0) starts; the text's end
    /// past its last line.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts.get(line).copied().unwrap_or(self.text.len())
    }

    /// Position of a line (from 1) and a column counted in characters (from 1).
    pub fn pos_at_line_col(&self, line: usize, column: usize) -> Pos {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1)) else {
            return self.pos_at(self.text.len());
        };
        let rest = &self.text[start..];
        let line_text = rest.split(['\n', '\r']).next().unwrap_or("");
        let offset =
            line_text.char_indices().nth(column.saturating_sub(1)).map_or(start + line_text.len(), |(i, _)| start + i);
        self.pos_at(offset)
    }
}

/// The offsets where lines start after the first: after `\n`, `\r\n`, and a
/// lone `\r` (old Mac files, which YAML and JSON count as line breaks too).
fn line_ends(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().filter_map(move |(i, &b)| match b {
        b'\n' => Some(i + 1),
        b'\r' if bytes.get(i + 1) != Some(&b'\n') => Some(i + 1),
        _ => None,
    })
}

/// The lines of a text, split where [`SourceFile`] counts lines, without
/// their line breaks.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n').flat_map(|l| {
        let l = l.strip_suffix('\r').unwrap_or(l);
        l.split('\r')
    })
}

/// Every file that one load read, in the order they were read; the first is the root.
#[derive(Debug, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.files.push(file);
        FileId(self.files.len() as u32 - 1)
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files.iter().enumerate().map(|(i, f)| (FileId(i as u32), f))
    }

    /// Paths on disk of every file read, for build scripts' rerun-if-changed.
    pub fn paths(&self) -> impl Iterator<Item = &Path> {
        self.files.iter().filter_map(|f| f.path.as_deref())
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters_from_one() {
        let f = SourceFile::new("t".into(), None, "ab\nçd\n".into(), Format::Yaml);
        assert_eq!(f.pos_at(0), Pos { line: 1, column: 1, offset: 0 });
        assert_eq!(f.pos_at(3).line, 2);
        // 'd' is the second character of line 2 although 'ç' takes two bytes.
        assert_eq!(f.pos_at(5), Pos { line: 2, column: 2, offset: 5 });
        assert_eq!(f.pos_at_line_col(2, 2).offset, 5);
    }
}
