//! An ignore file: changes a team has accepted, each with its reason.
//!
//! ```text
//! # rule                where (a JSON pointer, in the new document or the old)   why
//! operation-removed     /paths/~1v1~1legacy/get                                    retired in 2.0, announced in March
//! ```
//!
//! An entry without a reason is refused: the file is where the decision is kept.

use crate::Change;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub rule: String,
    pub pointer: String,
    pub reason: String,
    /// The line it is on, from 1.
    pub line: usize,
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct IgnoreError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// Reads an ignore file's text; `file` names it in errors.
pub fn parse(file: &str, text: &str) -> Result<Vec<Entry>, IgnoreError> {
    let mut entries = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let error = |message: String| IgnoreError { file: file.to_string(), line: i + 1, message };
        let mut parts = line.splitn(3, char::is_whitespace).filter(|p| !p.is_empty());
        let rule = parts.next().unwrap_or_default().to_string();
        if crate::rule_by_id(&rule).is_none() {
            return Err(error(format!("`{rule}` is not a rule (`specwright diff --list-rules` lists them)")));
        }
        let rest = line[rule.len()..].trim_start();
        let (pointer, reason) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        if !pointer.starts_with('/') && !pointer.is_empty() {
            return Err(error(format!("`{pointer}` is not a JSON pointer (it starts with `/`)")));
        }
        let reason = reason.trim();
        if pointer.is_empty() || reason.is_empty() {
            return Err(error("an entry is a rule, a JSON pointer and the reason it is accepted".to_string()));
        }
        entries.push(Entry { rule, pointer: pointer.to_string(), reason: reason.to_string(), line: i + 1 });
    }
    Ok(entries)
}

/// Splits `changes` into those the entries do not cover and those they do;
/// also gives the entries that covered nothing (stale, worth removing).
pub fn apply(changes: Vec<Change>, entries: &[Entry]) -> (Vec<Change>, Vec<Change>, Vec<&Entry>) {
    let covers = |e: &Entry, c: &Change| {
        e.rule == c.rule && [&c.new, &c.old].into_iter().flatten().any(|p| p.pointer == e.pointer)
    };
    let (ignored, kept): (Vec<Change>, Vec<Change>) =
        changes.into_iter().partition(|c| entries.iter().any(|e| covers(e, c)));
    let unused = entries.iter().filter(|e| !ignored.iter().any(|c| covers(e, c))).collect();
    (kept, ignored, unused)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_need_a_known_rule_a_pointer_and_a_reason() {
        let text = "# accepted\n\noperation-removed  /paths/~1old/get   retired in 2.0\n";
        let entries = parse("ignore", text).unwrap();
        assert_eq!(entries[0].pointer, "/paths/~1old/get");
        assert_eq!((entries[0].reason.as_str(), entries[0].line), ("retired in 2.0", 3));
        assert_eq!(parse("ignore", "operation-removed /paths/~1old/get").unwrap_err().line, 1);
        assert!(parse("ignore", "no-such-rule /x why").unwrap_err().message.contains("not a rule"));
        assert!(parse("ignore", "\noperation-removed paths why").unwrap_err().to_string().starts_with("ignore:2:"));
    }
}
