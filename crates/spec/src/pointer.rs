//! RFC 6901 JSON pointers.

use serde_json::Value;

/// Escapes one reference token (`~` to `~0`, `/` to `~1`).
pub fn escape(token: &str) -> std::borrow::Cow<'_, str> {
    if token.contains(['~', '/']) {
        token.replace('~', "~0").replace('/', "~1").into()
    } else {
        token.into()
    }
}

/// Appends a token to a pointer.
pub fn push(pointer: &str, token: &str) -> String {
    let token = escape(token);
    let mut out = String::with_capacity(pointer.len() + 1 + token.len());
    out.push_str(pointer);
    out.push('/');
    out.push_str(&token);
    out
}

/// The unescaped tokens of a pointer, or `None` when it is malformed
/// (not empty and not starting with `/`, or a `~` not followed by 0 or 1).
pub fn tokens(pointer: &str) -> Option<Vec<String>> {
    if pointer.is_empty() {
        return Some(Vec::new());
    }
    let rest = pointer.strip_prefix('/')?;
    rest.split('/').map(unescape).collect()
}

fn unescape(token: &str) -> Option<String> {
    if !token.contains('~') {
        return Some(token.to_owned());
    }
    let mut out = String::with_capacity(token.len());
    let mut chars = token.chars();
    while let Some(c) = chars.next() {
        if c == '~' {
            match chars.next() {
                Some('0') => out.push('~'),
                Some('1') => out.push('/'),
                _ => return None,
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// The value a pointer names, if there is one.
pub fn get<'v>(root: &'v Value, tokens: &[String]) -> Option<&'v Value> {
    tokens.iter().try_fold(root, |node, token| match node {
        Value::Object(map) => map.get(token),
        Value::Array(items) => token.parse::<usize>().ok().and_then(|i| items.get(i)),
        _ => None,
    })
}

/// For a pointer whose tokens don't name a value, tries joining neighbouring
/// tokens with `/`, as when a key holding `/` was not escaped. Gives the
/// properly escaped pointer of the value found, if exactly one reading works.
pub fn find_unescaped(root: &Value, tokens: &[String]) -> Option<String> {
    fn walk(node: &Value, rest: &[String], path: &mut Vec<String>, budget: &mut usize) -> bool {
        if rest.is_empty() {
            return true;
        }
        for take in 1..=rest.len() {
            // Each try costs one; hostile pointers can't make this explode.
            if *budget == 0 {
                return false;
            }
            *budget -= 1;
            let key = rest[..take].join("/");
            let child = match node {
                Value::Object(map) => map.get(&key),
                Value::Array(items) if take == 1 => key.parse::<usize>().ok().and_then(|i| items.get(i)),
                _ => None,
            };
            if let Some(child) = child {
                path.push(key);
                if walk(child, &rest[take..], path, budget) {
                    return true;
                }
                path.pop();
            }
        }
        false
    }
    let mut path = Vec::new();
    let mut budget = 10_000usize;
    walk(root, tokens, &mut path, &mut budget).then(|| path.iter().fold(String::new(), |p, t| push(&p, t)))
}

/// The last token of a pointer, unescaped.
pub fn last(pointer: &str) -> Option<String> {
    tokens(pointer)?.pop()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn escapes_round_trip() {
        let p = push(&push("", "paths"), "/pets/{id}~x");
        assert_eq!(p, "/paths/~1pets~1{id}~0x");
        assert_eq!(tokens(&p).unwrap(), ["paths", "/pets/{id}~x"]);
        assert_eq!(tokens("/a~2"), None);
        assert_eq!(tokens("a"), None);
    }

    #[test]
    fn unescaped_slashes_are_found() {
        let v = json!({"messages": {"agent/v1.x": {"a": 1}}});
        let tokens = tokens("/messages/agent/v1.x/a").unwrap();
        assert_eq!(get(&v, &tokens), None);
        assert_eq!(find_unescaped(&v, &tokens).as_deref(), Some("/messages/agent~1v1.x/a"));
    }

    #[test]
    fn get_walks_objects_and_arrays() {
        let v = json!({"a": [{"b/c": 1}]});
        assert_eq!(get(&v, &tokens("/a/0/b~1c").unwrap()), Some(&json!(1)));
        assert_eq!(get(&v, &tokens("/a/1").unwrap()), None);
    }
}
