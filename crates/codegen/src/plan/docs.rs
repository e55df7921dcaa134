//! Doc comments from spec descriptions, made safe for rustdoc: code blocks
//! become `<pre>` (never doctests), and the text can't end the comment or
//! form attributes, since it is emitted as a `#[doc = "..."]` string.

/// The doc text for a title and a description, or `None` when both are empty.
pub fn doc_text(title: Option<&str>, description: Option<&str>) -> Option<String> {
    let parts: Vec<&str> =
        [title, description].into_iter().flatten().map(str::trim).filter(|s| !s.is_empty()).collect();
    match parts.as_slice() {
        [] => None,
        [one] => Some(sanitize(one)),
        // A title that only repeats the start of the description adds nothing.
        [title, description] if description.starts_with(*title) => Some(sanitize(description)),
        [title, description] => Some(sanitize(&format!("{title}\n\n{description}"))),
        _ => unreachable!("at most two parts"),
    }
}

/// Markdown from a spec, made so rustdoc finds no code in it: a fenced code
/// block becomes a `<pre>` block (rustdoc compiles and runs fenced and
/// indented code as doctests, and a spec's text must never run), indented
/// lines lose their indent, and tabs become spaces. The printer then breaks
/// any code block that text from elsewhere might still open
/// (see `format::doc_line`).
pub fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut in_fence = false;
    let text = text.replace("\r\n", "\n").replace('\r', "\n").replace('\t', "    ");
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            out.push_str(if in_fence { "</pre>" } else { "<pre>" });
            in_fence = !in_fence;
        } else if in_fence {
            out.push_str(&preformatted(line));
        } else if line.starts_with("    ") && !line.trim().is_empty() {
            // Indented lines are code blocks in markdown, and doctests in rustdoc.
            out.push_str(trimmed);
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    if in_fence {
        out.push_str("</pre>\n");
    }
    while out.ends_with('\n') {
        out.pop();
    }
    out
}

/// A line inside `<pre>`: HTML escaped, its indent kept as no-break spaces
/// (which markdown does not count as an indent), and backticks as entities
/// (so no run of them reads as a fence).
fn preformatted(line: &str) -> String {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let mut out: String = "\u{a0}".repeat(indent);
    for c in line[indent..].chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '`' => out.push_str("&#96;"),
            '~' => out.push_str("&#126;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_blocks_become_preformatted_text() {
        let doc = sanitize("Example:\n```json\n{\"a\": [1]}\n  <b>&`x`\n```\nDone");
        assert_eq!(doc, "Example:\n<pre>\n{\"a\": [1]}\n\u{a0}\u{a0}&lt;b&gt;&amp;&#96;x&#96;\n</pre>\nDone");
        assert_eq!(sanitize("```\nopen"), "<pre>\nopen\n</pre>");
        assert_eq!(sanitize("text\n\n    indented code"), "text\n\nindented code");
        assert_eq!(sanitize("a\rb"), "a\nb");
    }

    #[test]
    fn titles_and_descriptions_combine() {
        assert_eq!(doc_text(Some("Pet"), Some("A pet.")).as_deref(), Some("Pet\n\nA pet."));
        assert_eq!(doc_text(Some("A pet"), Some("A pet for sale.")).as_deref(), Some("A pet for sale."));
        assert_eq!(doc_text(Some(" "), None), None);
    }
}
