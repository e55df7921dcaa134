//! Errors and warnings, each tied to a place in a source file.

use std::fmt;

use serde::Serialize;

use crate::source::{FileId, Pos, Sources};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The generator can work around it; the message says how.
    Warning,
    /// The document cannot be turned into code.
    Error,
}

/// A place in a document: the file, a JSON pointer, and (once located) line and column.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Location {
    #[serde(skip)]
    pub file: FileId,
    /// RFC 6901 pointer to the node the diagnostic is about ("" is the root).
    pub pointer: String,
    #[serde(flatten)]
    pub pos: Option<Pos>,
}

impl Location {
    pub fn new(file: FileId, pointer: impl Into<String>) -> Self {
        Location { file, pointer: pointer.into(), pos: None }
    }

    pub fn at(file: FileId, pointer: impl Into<String>, pos: Pos) -> Self {
        Location { file, pointer: pointer.into(), pos: Some(pos) }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable identifier of the kind of problem, such as `ref-dangling`.
    pub code: &'static str,
    pub message: String,
    pub location: Location,
    /// What the tool does instead, or how to fix it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(code: &'static str, location: Location, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Error, code, message: message.into(), location, help: None }
    }

    pub fn warning(code: &'static str, location: Location, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, code, message: message.into(), location, help: None }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:column` (or `file` with the pointer when the place has no position).
    pub fn place(&self, sources: &Sources) -> String {
        let name = printable(&sources.get(self.location.file).name);
        match self.location.pos {
            Some(p) => format!("{name}:{}:{}", p.line, p.column),
            None => format!("{name}#{}", printable(&self.location.pointer)),
        }
    }

    /// The diagnostic as data, with the file name filled in, for `--format json`.
    pub fn to_json(&self, sources: &Sources) -> serde_json::Value {
        let pos = self.location.pos;
        serde_json::json!({
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
            "file": sources.get(self.location.file).name,
            "line": pos.map(|p| p.line),
            "column": pos.map(|p| p.column),
            "pointer": self.location.pointer,
            "help": self.help,
        })
    }

    /// A report that renders like a compiler error, with the source snippet.
    pub fn to_report(&self, sources: &Sources) -> miette::Report {
        let file = sources.get(self.location.file);
        let severity = match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        };
        let mut d =
            miette::MietteDiagnostic::new(printable(&self.message)).with_code(self.code).with_severity(severity);
        if let Some(help) = &self.help {
            d = d.with_help(printable(help));
        }
        let name = printable(&file.name);
        let pointer = format!("#{}", printable(&self.location.pointer));
        match self.location.pos {
            Some(p) if !file.quotable => {
                miette::Report::new(d.with_help(format!("at {name}:{}:{} ({pointer})", p.line, p.column)))
            }
            Some(p) => {
                let excerpt = Excerpt::new(name.into_owned(), file, p);
                d = d.with_label(miette::LabeledSpan::new(Some(pointer), excerpt.offset, 0));
                miette::Report::new(d).with_source_code(excerpt)
            }
            None => miette::Report::new(d.with_help(format!("at {name}{pointer}"))),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{level}[{}]: {}", self.code, printable(&self.message))
    }
}

/// Text from a spec made safe for a terminal: control characters (an escape
/// sequence can retitle the window or clear the screen) shown escaped.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_unprintable) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unprintable(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Control characters, the line and paragraph separators that some
/// terminals and editors break lines at, and the marks that reorder text
/// (which can make a line read other than it is); newlines and tabs are kept.
fn is_unprintable(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// A character of a quoted line, one for one (so columns stay right), with
/// anything a terminal would act on replaced.
fn visible(c: char) -> char {
    if is_unprintable(c) || c == '\n' {
        '\u{FFFD}'
    } else {
        c
    }
}

/// The lines around a position, with long lines cut down around the column,
/// so that a diagnostic in a minified JSON file of megabytes on one line still
/// shows a readable snippet. Line and column numbers stay those of the file.
#[derive(Debug)]
struct Excerpt {
    name: String,
    text: String,
    /// The file's line (from 0) that the excerpt's first line is.
    first_line: usize,
    /// The excerpt's line (from 0) that holds the position, and how many
    /// characters were cut from its start.
    line: usize,
    cut: usize,
    /// Byte offset of the position in `text`.
    offset: usize,
}

impl Excerpt {
    const CONTEXT: usize = 2;
    const WIDTH: usize = 160;

    fn new(name: String, file: &crate::source::SourceFile, pos: Pos) -> Self {
        let target = pos.line as usize - 1;
        let first_line = target.saturating_sub(Self::CONTEXT);
        let mut out = Excerpt { name, text: String::new(), first_line, line: target - first_line, cut: 0, offset: 0 };
        // From the first line shown, not from the file's start: a file with
        // thousands of diagnostics is not read again for each.
        let from = &file.text[file.line_start(first_line)..];
        let shown = crate::source::lines(from).take(2 * Self::CONTEXT + 1);
        for (i, line) in shown.enumerate().map(|(k, line)| (first_line + k, line)) {
            if i > first_line {
                out.text.push('\n');
            }
            let column = pos.column as usize - 1;
            let chars = line.chars().count();
            let (start, end) = if chars <= Self::WIDTH {
                (0, chars)
            } else if i == target {
                let start = column.saturating_sub(Self::WIDTH / 2).min(chars.saturating_sub(Self::WIDTH));
                (start, (start + Self::WIDTH).min(chars))
            } else {
                (0, Self::WIDTH)
            };
            let piece: String = line.chars().skip(start).take(end - start).map(visible).collect();
            if i == target {
                out.cut = start;
                let before: usize = piece.chars().take(column - start).map(char::len_utf8).sum();
                out.offset = out.text.len() + before;
            }
            out.text.push_str(&piece);
        }
        out
    }
}

impl miette::SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let inner = self.text.read_span(span, before, after)?;
        let column = if inner.line() == self.line { inner.column() + self.cut } else { inner.column() };
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line() + self.first_line,
            column,
            inner.line_count(),
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{Format, SourceFile};

    fn render(text: &str, offset: usize) -> String {
        let mut sources = Sources::default();
        let file = SourceFile::new("api.json".into(), None, text.into(), Format::Json);
        let pos = file.pos_at(offset);
        let id = sources.add(file);
        let d = Diagnostic::error("test", Location::at(id, "/a", pos), "something is wrong");
        let mut out = String::new();
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
            .render_report(&mut out, d.to_report(&sources).as_ref())
            .unwrap();
        out
    }

    #[test]
    fn snippets_show_the_line_and_the_real_place() {
        let out = render("{\n  \"a\": 1,\n  \"b\": 2\n}", 9);
        assert!(out.contains("api.json:2:8"), "{out}");
        assert!(out.contains("\"a\": 1"), "{out}");
    }

    #[test]
    fn long_lines_are_cut_around_the_place() {
        let text = format!("{{\"pad\": \"{}\", \"a\": 1}}", "x".repeat(1_000_000));
        let offset = text.find("\"a\"").unwrap();
        let out = render(&text, offset);
        assert!(out.len() < 2_000, "{} bytes", out.len());
        assert!(out.contains(&format!("api.json:1:{}", offset + 1)), "{out}");
        assert!(out.contains("\"a\": 1"), "{out}");
    }
}
