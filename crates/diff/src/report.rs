//! Changes as text, JSON, Markdown, JUnit XML or GitHub Actions annotations.

use std::fmt::Write as _;

use crate::{Change, Level, Place};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Markdown,
    Junit,
    Github,
}

impl Format {
    pub fn parse(name: &str) -> Option<Format> {
        Some(match name {
            "text" => Format::Text,
            "json" => Format::Json,
            "markdown" => Format::Markdown,
            "junit" => Format::Junit,
            "github" => Format::Github,
            _ => return None,
        })
    }
}

fn at(place: &Place) -> String {
    format!(
        "{}:{}:{} ({})",
        place.file,
        place.line,
        place.column,
        if place.pointer.is_empty() { "#" } else { &place.pointer }
    )
}

/// Where a change is: in the new document when it is there, else the old.
fn place(change: &Change) -> Option<&Place> {
    change.new.as_ref().or(change.old.as_ref())
}

pub fn render(changes: &[Change], format: Format, color: bool) -> String {
    let mut out = String::new();
    match format {
        Format::Text => {
            for level in [Level::Breaking, Level::Warning, Level::Info] {
                let of_level: Vec<&Change> = changes.iter().filter(|c| c.level == level).collect();
                if of_level.is_empty() {
                    continue;
                }
                let title = format!("{} ({})", level.name(), of_level.len());
                let title = match (color, level) {
                    (true, Level::Breaking) => format!("\x1b[1;31m{title}\x1b[0m"),
                    (true, Level::Warning) => format!("\x1b[1;33m{title}\x1b[0m"),
                    (true, Level::Info) => format!("\x1b[1;36m{title}\x1b[0m"),
                    (false, _) => title,
                };
                let _ = writeln!(out, "{title}");
                for c in of_level {
                    let _ = writeln!(out, "  {} [{}]", c.message, c.rule);
                    if let Some(old) = &c.old {
                        let _ = writeln!(out, "    old: {}", at(old));
                    }
                    if let Some(new) = &c.new {
                        let _ = writeln!(out, "    new: {}", at(new));
                    }
                }
            }
            let count = |l| changes.iter().filter(|c| c.level == l).count();
            let _ = writeln!(
                out,
                "{} breaking, {} warnings, {} info",
                count(Level::Breaking),
                count(Level::Warning),
                count(Level::Info)
            );
        }
        Format::Json => out = serde_json::to_string_pretty(changes).expect("changes serialize") + "\n",
        Format::Markdown => {
            let _ = writeln!(out, "| level | rule | change | where |\n| --- | --- | --- | --- |");
            for c in changes {
                let place = place(c).map(at).unwrap_or_default();
                let message = c.message.replace('|', "\\|");
                let _ =
                    writeln!(out, "| {} | `{}` | {message} | {} |", c.level.name(), c.rule, place.replace('|', "\\|"));
            }
        }
        Format::Junit => {
            let failures = changes.iter().filter(|c| c.level == Level::Breaking).count();
            let _ = writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
            let _ =
                writeln!(out, r#"<testsuite name="specwright diff" tests="{}" failures="{failures}">"#, changes.len());
            for c in changes {
                let name = xml(&c.message);
                let _ = write!(out, r#"  <testcase classname="{}" name="{name}">"#, c.rule);
                if c.level == Level::Breaking {
                    let place = place(c).map(at).unwrap_or_default();
                    let _ = write!(out, r#"<failure message="{name}">{}</failure>"#, xml(&place));
                }
                let _ = writeln!(out, "</testcase>");
            }
            let _ = writeln!(out, "</testsuite>");
        }
        Format::Github => {
            for c in changes {
                let kind = match c.level {
                    Level::Breaking => "error",
                    Level::Warning => "warning",
                    Level::Info => "notice",
                };
                let location =
                    place(c).map(|p| format!(" file={},line={},col={}", p.file, p.line, p.column)).unwrap_or_default();
                // Annotation text ends at a newline, and `%` starts an escape.
                let message = c.message.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
                let _ = writeln!(out, "::{kind}{location},title={}::{message}", c.rule);
            }
        }
    }
    out
}

fn xml(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
