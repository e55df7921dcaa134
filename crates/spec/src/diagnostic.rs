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
        let name = &sources.get(self.location.file).name;
        match self.location.pos {
            Some(p) => format!("{name}:{}:{}", p.line, p.column),
            None => format!("{name}#{}", self.location.pointer),
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
        let mut d = miette::MietteDiagnostic::new(self.message.clone())
            .with_code(self.code)
            .with_severity(severity);
        if let Some(help) = &self.help {
            d = d.with_help(help.clone());
        }
        let pointer = if self.location.pointer.is_empty() { "#".to_string() } else { format!("#{}", self.location.pointer) };
        match self.location.pos {
            Some(p) => {
                let label = miette::LabeledSpan::new(Some(pointer), p.offset, 0);
                d = d.with_label(label);
                let named = miette::NamedSource::new(file.name.clone(), file.text.clone());
                miette::Report::new(d).with_source_code(named)
            }
            None => miette::Report::new(d.with_help(format!("at {}{pointer}", file.name))),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{level}[{}]: {}", self.code, self.message)
    }
}
