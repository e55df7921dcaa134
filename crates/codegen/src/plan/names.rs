//! Rust identifiers from the names specs use: sanitized, cased, and unique
//! within their scope.

use std::collections::HashSet;

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Words that can't be identifiers as they are.
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern", "false", "fn",
    "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self",
    "Self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where", "while", "abstract",
    "become", "box", "do", "final", "macro", "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
];

/// Type names that would shadow the prelude inside the generated module.
const PRELUDE: &[&str] = &[
    "Option",
    "Some",
    "None",
    "Result",
    "Ok",
    "Err",
    "Vec",
    "String",
    "Box",
    "Default",
    "Clone",
    "Copy",
    "Send",
    "Sync",
    "Sized",
    "Drop",
    "Fn",
    "Iterator",
    "ToString",
    "ToOwned",
    "PartialEq",
    "Eq",
    "Debug",
    "Serialize",
    "Deserialize",
    "Value",
];

/// Plain ASCII words: non-ASCII letters transliterated, everything that is
/// not a letter or digit a word break.
fn words(raw: &str) -> String {
    let ascii = deunicode::deunicode(raw);
    ascii.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' }).collect()
}

/// `UpperCamelCase`, such as a type or variant name.
pub fn type_name(raw: &str) -> String {
    let mut name = words(raw).to_upper_camel_case();
    if name.is_empty() {
        name = "Unnamed".into();
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(0, 'N');
    }
    if KEYWORDS.contains(&name.as_str()) || PRELUDE.contains(&name.as_str()) {
        name.push_str("Type");
    }
    name
}

/// `snake_case`, such as a field or function name.
pub fn field_name(raw: &str) -> String {
    // Keep a leading `+`/`-` meaningful: `+1` and `-1` are different fields.
    let sign = match raw.chars().next() {
        Some('+') => "plus ",
        Some('-') if raw.len() > 1 => "minus ",
        _ => "",
    };
    let mut name = format!("{sign}{}", words(raw)).to_snake_case();
    if name.is_empty() {
        name = "field".into();
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert_str(0, "n_");
    }
    if KEYWORDS.contains(&name.as_str()) {
        name.push('_');
    }
    name
}

/// Hands out names that are unique within one scope (a module, a struct's
/// fields, an enum's variants). The first claimant keeps the plain name, so
/// names stay stable as long as the document's order does.
#[derive(Default)]
pub struct Namer {
    used: HashSet<String>,
    /// Per base, the suffix to try first.
    next_suffix: std::collections::HashMap<String, usize>,
}

impl Namer {
    pub fn new() -> Self {
        Namer::default()
    }

    /// Reserves a name that nothing else may take.
    pub fn reserve(&mut self, name: &str) {
        self.used.insert(name.to_string());
    }

    pub fn is_free(&self, name: &str) -> bool {
        !self.used.contains(name)
    }

    /// `base`, or `base2`, `base3`... (with `_` between for snake case names).
    pub fn claim(&mut self, base: &str) -> String {
        if self.used.insert(base.to_string()) {
            return base.to_string();
        }
        // `self_` (a keyword's field) becomes `self_2`, not `self__2`, which is not snake case.
        let snake = base.contains('_') || base.starts_with(|c: char| c.is_ascii_lowercase());
        let sep = if snake && !base.ends_with('_') { "_" } else { "" };
        // Thousands of names can share a base: each search starts where the
        // last one for that base ended, so claiming them all stays linear.
        let next = self.next_suffix.entry(base.to_string()).or_insert(2);
        let name = (*next..).map(|n| (n, format!("{base}{sep}{n}"))).find(|(_, c)| !self.used.contains(c));
        let (n, name) = name.expect("a free suffix");
        *next = n + 1;
        self.used.insert(name.clone());
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_names_are_camel_case_identifiers() {
        assert_eq!(type_name("create-order_request"), "CreateOrderRequest");
        assert_eq!(type_name("200 response"), "N200Response");
        assert_eq!(type_name("Größe"), "Grosse");
        assert_eq!(type_name("self"), "SelfType");
        assert_eq!(type_name("Result"), "ResultType");
        assert_eq!(type_name("$$$"), "Unnamed");
        assert_eq!(type_name("io.k8s.api.core.v1.Pod"), "IoK8sApiCoreV1Pod");
    }

    #[test]
    fn field_names_are_snake_case_identifiers() {
        assert_eq!(field_name("createdAt"), "created_at");
        assert_eq!(field_name("type"), "type_");
        assert_eq!(field_name("@odata.type"), "odata_type");
        assert_eq!(field_name("+1"), "plus_1");
        assert_eq!(field_name("-1"), "minus_1");
        assert_eq!(field_name("3d"), "n_3d");
        assert_eq!(field_name(""), "field");
    }

    #[test]
    fn claimed_names_are_unique() {
        let mut n = Namer::new();
        assert_eq!(n.claim("Pet"), "Pet");
        assert_eq!(n.claim("Pet"), "Pet2");
        assert_eq!(n.claim("pet_id"), "pet_id");
        assert_eq!(n.claim("pet_id"), "pet_id_2");
        // Found by the property tests: properties `self` and `Self` of one object.
        assert_eq!(n.claim("self_"), "self_");
        assert_eq!(n.claim("self_"), "self_2");
    }
}
