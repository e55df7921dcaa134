//! Doc comments from spec descriptions, made safe for rustdoc: code fences
//! become `text` blocks (never doctests), and the text can't end the comment
//! or form attributes, since it is emitted as a `#[doc = "..."]` string.

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

/// Markdown from a spec, with fenced code blocks marked as text so rustdoc
/// does not compile them, and tabs expanded (rustdoc reads a leading tab as code).
pub fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut in_fence = false;
    for line in text.replace("\r\n", "\n").replace('\t', "    ").lines() {
        let trimmed = line.trim_start();
        if let Some(info) = trimmed.strip_prefix("```").or_else(|| trimmed.strip_prefix("~~~")) {
            let fence = &trimmed[..3];
            if in_fence {
                out.push_str(fence);
            } else {
                // Keep the language as a hint, but make rustdoc treat it as text.
                let lang = info.trim();
                if lang.is_empty() || lang == "text" {
                    out.push_str(&format!("{fence}text"));
                } else {
                    out.push_str(&format!("{fence}text\n// {lang}"));
                }
            }
            in_fence = !in_fence;
        } else if !in_fence && line.starts_with("    ") && !line.trim().is_empty() {
            // Indented lines are code blocks in markdown, and doctests in rustdoc.
            out.push_str(line.trim_start());
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    if in_fence {
        out.push_str("```\n");
    }
    while out.ends_with('\n') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_fences_become_text() {
        let doc = sanitize("Example:\n```json\n{\"a\": 1}\n```\nDone");
        assert_eq!(doc, "Example:\n```text\n// json\n{\"a\": 1}\n```\nDone");
        assert_eq!(sanitize("```\nopen"), "```text\nopen\n```");
        assert_eq!(sanitize("text\n\n    indented code"), "text\n\nindented code");
    }

    #[test]
    fn titles_and_descriptions_combine() {
        assert_eq!(doc_text(Some("Pet"), Some("A pet.")).as_deref(), Some("Pet\n\nA pet."));
        assert_eq!(doc_text(Some("A pet"), Some("A pet for sale.")).as_deref(), Some("A pet for sale."));
        assert_eq!(doc_text(Some(" "), None), None);
    }
}
