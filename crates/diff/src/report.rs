//! Changes as text, JSON, Markdown, JUnit XML or GitHub Actions annotations.

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

/// The changes in a format. Every text from the specs (a message quotes
/// names, paths and values from them; a place names their files) is
/// escaped for the format, so a spec cannot drive a terminal, break the XML,
/// add rows, images or mentions to a pull request comment, or forge an
/// annotation's properties.
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
                out += &format!("{title}\n");
                for c in of_level {
                    out += &format!("  {} [{}]\n", one_line(&c.message), c.rule);
                    if let Some(old) = &c.old {
                        out += &format!("    old: {}\n", one_line(&at(old)));
                    }
                    if let Some(new) = &c.new {
                        out += &format!("    new: {}\n", one_line(&at(new)));
                    }
                }
            }
            let count = |l| changes.iter().filter(|c| c.level == l).count();
            out += &format!(
                "{} breaking, {} warnings, {} info\n",
                count(Level::Breaking),
                count(Level::Warning),
                count(Level::Info)
            );
        }
        Format::Json => out = serde_json::to_string_pretty(changes).expect("changes serialize") + "\n",
        Format::Markdown => {
            out += "| level | rule | change | where |\n| --- | --- | --- | --- |\n";
            for c in changes {
                let place = place(c).map(at).unwrap_or_default();
                out += &format!(
                    "| {} | `{}` | {} | {} |\n",
                    c.level.name(),
                    c.rule,
                    markdown(&c.message),
                    markdown(&place)
                );
            }
        }
        Format::Junit => {
            let failures = changes.iter().filter(|c| c.level == Level::Breaking).count();
            out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
            out +=
                &format!("<testsuite name=\"specwright diff\" tests=\"{}\" failures=\"{failures}\">\n", changes.len());
            for c in changes {
                let name = xml(&c.message);
                out += &format!("  <testcase classname=\"{}\" name=\"{name}\">", c.rule);
                if c.level == Level::Breaking {
                    let place = place(c).map(at).unwrap_or_default();
                    out += &format!("<failure message=\"{name}\">{}</failure>", xml(&place));
                }
                out += "</testcase>\n";
            }
            out += "</testsuite>\n";
        }
        Format::Github => {
            for c in changes {
                let kind = match c.level {
                    Level::Breaking => "error",
                    Level::Warning => "warning",
                    Level::Info => "notice",
                };
                let location = place(c)
                    .map(|p| format!(" file={},line={},col={}", annotation_property(&p.file), p.line, p.column))
                    .unwrap_or_default();
                let message = annotation_message(&c.message);
                out += &format!("::{kind}{location},title={}::{message}\n", c.rule);
            }
        }
    }
    out
}

/// Text for a terminal, on one line: control characters shown escaped.
fn one_line(text: &str) -> String {
    specwright_spec::printable(&text.replace(['\n', '\r'], " ")).into_owned()
}

/// Text for a Markdown table cell: one line; `&`, `<` and `>` as entities (no
/// HTML: no image that tracks who reads the comment, no comment that hides
/// rows); `@` as an entity (no mention); and every character Markdown acts
/// on escaped.
fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '@' => out.push_str("&#64;"),
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c if c.is_control() => out.push('\u{FFFD}'),
            c if c.is_ascii_punctuation()
                && !matches!(c, '.' | ',' | ':' | ';' | '/' | '-' | '\'' | '"' | '=' | '?') =>
            {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Text for an XML attribute or element: the five markup characters as
/// entities, line breaks and tabs as character references (an attribute's
/// would be read as spaces), and the characters XML 1.0 does not allow at
/// all (NUL, ESC, most control characters) as U+FFFD.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// An annotation's message: `%` starts an escape and a line break ends it.
fn annotation_message(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// An annotation's property value: as a message, and `:` and `,` too, which
/// would end the property and start another.
fn annotation_property(text: &str) -> String {
    annotation_message(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Change, Level, Place};

    fn change(message: &str, file: &str) -> Change {
        let place = Place { file: file.into(), line: 1, column: 2, pointer: "/x".into() };
        Change {
            rule: "operation-removed",
            level: Level::Breaking,
            message: message.into(),
            old: Some(place),
            new: None,
        }
    }

    const HOSTILE: &str = "a\u{1b}]0;title\u{7}\n| forged | row |\r<img src=x>@everyone ![t](http://x/t.png) <!-- \0 &";

    #[test]
    fn each_format_escapes_what_the_specs_say() {
        let changes = [change(HOSTILE, "a,file=evil.yaml::x\ny.yaml")];
        let text = render(&changes, Format::Text, false);
        assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text:?}");
        assert_eq!(text.lines().count(), 4, "{text}");

        let md = render(&changes, Format::Markdown, false);
        assert_eq!(md.lines().count(), 3, "{md}");
        for raw in ["<img", "@everyone", "![t]", "<!--"] {
            assert!(!md.contains(raw), "{raw} in {md}");
        }
        let row = md.lines().nth(2).unwrap();
        let cells = row.char_indices().filter(|&(i, c)| c == '|' && !row[..i].ends_with('\\')).count();
        assert_eq!(cells, 5, "one row of four cells: {row}");

        let junit = render(&changes, Format::Junit, false);
        assert!(!junit.chars().any(|c| c.is_control() && c != '\n'), "{junit:?}");
        assert!(!junit.contains("<img"), "{junit}");

        let github = render(&changes, Format::Github, false);
        assert_eq!(github.lines().count(), 1, "{github}");
        let properties = github.split("::").nth(1).unwrap();
        let names: Vec<&str> = properties.split(',').map(|p| p.split('=').next().unwrap()).collect();
        assert_eq!(names, ["error file", "line", "col", "title"], "{properties}");
    }
}
