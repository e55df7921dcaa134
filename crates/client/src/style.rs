//! Parameters written the way OpenAPI's `style` and `explode` say, with
//! percent-encoding that keeps every value inside its own place.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde_json::Value;

pub use specwright_core::style::Style;

/// Everything but RFC 3986's unreserved characters is encoded, so a value
/// can't bring its own `/`, `?`, `&`, `=`, `;` or `,` into the URL.
const VALUE: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// With `allowReserved`, RFC 3986's reserved characters pass as they are,
/// but never the ones that would end or split the query parameter.
const RESERVED_ALLOWED: &AsciiSet = &VALUE
    .remove(b':')
    .remove(b'/')
    .remove(b'?')
    .remove(b'@')
    .remove(b'!')
    .remove(b'$')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')')
    .remove(b'*')
    .remove(b',')
    .remove(b';');

/// Why a parameter can't be sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParamError {
    pub name: String,
    pub reason: String,
}

impl std::fmt::Display for ParamError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "parameter `{}`: {}", self.name, self.reason)
    }
}

impl std::error::Error for ParamError {}

fn encode(text: &str, allow_reserved: bool) -> String {
    utf8_percent_encode(text, if allow_reserved { RESERVED_ALLOWED } else { VALUE }).to_string()
}

/// A scalar as the text it stands for; `None` for arrays and objects.
fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Null => Some(String::new()),
        Value::Array(_) | Value::Object(_) => None,
    }
}

/// Nested arrays and objects have no standard layout; they go as JSON text.
fn text(value: &Value) -> String {
    scalar(value).unwrap_or_else(|| value.to_string())
}

/// The value of a path parameter, encoded for its segment.
pub fn path(name: &str, value: &Value, style: Style, explode: bool) -> Result<String, ParamError> {
    let enc = |s: &str| encode(s, false);
    let out = match style {
        Style::Label => {
            let sep = if explode { "." } else { "," };
            format!(".{}", join(value, sep, explode, enc))
        }
        Style::Matrix => matrix(name, value, explode, enc),
        _ => join(value, ",", explode, enc),
    };
    // `.` and `..` are dot-segments: every URL parser would resolve them
    // (also when percent-encoded), moving the request to another path.
    if out.is_empty() || out == "." || out == ".." {
        return Err(ParamError { name: name.to_string(), reason: format!("{value} can't be a path segment") });
    }
    Ok(out)
}

/// Items of an array, or keys and values of an object, joined: exploded
/// objects as `k=v` pairs, the rest as a flat list.
fn join(value: &Value, sep: &str, explode: bool, enc: impl Fn(&str) -> String) -> String {
    match value {
        Value::Array(items) => items.iter().map(|v| enc(&text(v))).collect::<Vec<_>>().join(sep),
        Value::Object(map) if explode => {
            map.iter().map(|(k, v)| format!("{}={}", enc(k), enc(&text(v)))).collect::<Vec<_>>().join(sep)
        }
        Value::Object(map) => map.iter().flat_map(|(k, v)| [enc(k), enc(&text(v))]).collect::<Vec<_>>().join(","),
        other => enc(&text(other)),
    }
}

fn matrix(name: &str, value: &Value, explode: bool, enc: impl Fn(&str) -> String) -> String {
    let name = enc(name);
    match value {
        Value::Array(items) if explode => items.iter().map(|v| format!(";{name}={}", enc(&text(v)))).collect(),
        Value::Object(map) if explode => map.iter().map(|(k, v)| format!(";{}={}", enc(k), enc(&text(v)))).collect(),
        Value::Null => format!(";{name}"),
        other => format!(";{name}={}", join(other, ",", false, enc)),
    }
}

/// The `name=value` pairs of a query parameter, encoded; nothing for `null`.
pub fn query(name: &str, value: &Value, style: Style, explode: bool, allow_reserved: bool) -> Vec<String> {
    let enc = |s: &str| encode(s, allow_reserved);
    let key = encode(name, false);
    match (value, style) {
        (Value::Null, _) => Vec::new(),
        (Value::Object(map), Style::DeepObject) => {
            let mut out = Vec::new();
            deep(&key, map, &enc, &mut out);
            out
        }
        (Value::Array(items), _) if explode => items.iter().map(|v| format!("{key}={}", enc(&text(v)))).collect(),
        (Value::Object(map), _) if explode => {
            map.iter().map(|(k, v)| format!("{}={}", encode(k, false), enc(&text(v)))).collect()
        }
        (Value::Array(items), Style::PipeDelimited) => {
            vec![format!("{key}={}", items.iter().map(|v| enc(&text(v))).collect::<Vec<_>>().join("|"))]
        }
        // `%20` separates the items; a space inside one goes as `+` (a space
        // to any form decoder), so a reader can still tell the two apart.
        (Value::Array(items), Style::SpaceDelimited) => {
            let item = |v: &Value| enc(&text(v)).replace("%20", "+");
            vec![format!("{key}={}", items.iter().map(item).collect::<Vec<_>>().join("%20"))]
        }
        (other, _) => vec![format!("{key}={}", join(other, ",", false, enc))],
    }
}

fn deep(prefix: &str, map: &serde_json::Map<String, Value>, enc: &impl Fn(&str) -> String, out: &mut Vec<String>) {
    for (k, v) in map {
        let key = format!("{prefix}%5B{}%5D", encode(k, false));
        match v {
            Value::Object(inner) => deep(&key, inner, enc, out),
            Value::Array(items) => out.extend(items.iter().map(|i| format!("{key}={}", enc(&text(i))))),
            Value::Null => {}
            other => out.push(format!("{key}={}", enc(&text(other)))),
        }
    }
}

/// A header value (style `simple`). CR, LF and other control characters
/// would end the header and start another: they are refused, never sent.
pub fn header(name: &str, value: &Value, explode: bool) -> Result<String, ParamError> {
    let out = join(value, ",", explode, |s| s.to_string());
    if let Some(c) = out.chars().find(|c| c.is_control() && *c != '\t') {
        return Err(ParamError {
            name: name.to_string(),
            reason: format!("the value holds the control character {c:?}, which a header can't carry"),
        });
    }
    Ok(out)
}

/// A `name=value` pair for the `Cookie` header (style `form`).
pub fn cookie(name: &str, value: &Value, explode: bool) -> Result<Option<String>, ParamError> {
    if value.is_null() {
        return Ok(None);
    }
    let enc = |s: &str| encode(s, false);
    Ok(Some(match value {
        Value::Object(map) if explode => {
            map.iter().map(|(k, v)| format!("{}={}", enc(k), enc(&text(v)))).collect::<Vec<_>>().join("; ")
        }
        other => format!("{}={}", enc(name), join(other, ",", false, enc)),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    // The examples of the OpenAPI specification's style table.
    #[test]
    fn path_styles_follow_the_specification() {
        let array = json!(["blue", "black", "brown"]);
        let object = json!({"R": 100, "G": 200, "B": 150});
        assert_eq!(path("color", &json!("blue"), Style::Simple, false).unwrap(), "blue");
        assert_eq!(path("color", &array, Style::Simple, false).unwrap(), "blue,black,brown");
        assert_eq!(path("color", &object, Style::Simple, false).unwrap(), "R,100,G,200,B,150");
        assert_eq!(path("color", &object, Style::Simple, true).unwrap(), "R=100,G=200,B=150");
        assert_eq!(path("color", &json!("blue"), Style::Label, false).unwrap(), ".blue");
        assert_eq!(path("color", &array, Style::Label, true).unwrap(), ".blue.black.brown");
        assert_eq!(path("color", &object, Style::Label, true).unwrap(), ".R=100.G=200.B=150");
        assert_eq!(path("color", &json!("blue"), Style::Matrix, false).unwrap(), ";color=blue");
        assert_eq!(path("color", &array, Style::Matrix, false).unwrap(), ";color=blue,black,brown");
        assert_eq!(path("color", &array, Style::Matrix, true).unwrap(), ";color=blue;color=black;color=brown");
        assert_eq!(path("color", &object, Style::Matrix, true).unwrap(), ";R=100;G=200;B=150");
        assert_eq!(path("color", &object, Style::Matrix, false).unwrap(), ";color=R,100,G,200,B,150");
    }

    #[test]
    fn query_styles_follow_the_specification() {
        let array = json!(["blue", "black", "brown"]);
        let object = json!({"R": 100, "G": 200, "B": 150});
        assert_eq!(query("color", &array, Style::Form, true, false), ["color=blue", "color=black", "color=brown"]);
        assert_eq!(query("color", &array, Style::Form, false, false), ["color=blue,black,brown"]);
        assert_eq!(query("color", &object, Style::Form, true, false), ["R=100", "G=200", "B=150"]);
        assert_eq!(query("color", &object, Style::Form, false, false), ["color=R,100,G,200,B,150"]);
        assert_eq!(query("color", &array, Style::SpaceDelimited, false, false), ["color=blue%20black%20brown"]);
        assert_eq!(query("color", &array, Style::PipeDelimited, false, false), ["color=blue|black|brown"]);
        assert_eq!(
            query("color", &object, Style::DeepObject, true, false),
            ["color%5BR%5D=100", "color%5BG%5D=200", "color%5BB%5D=150"]
        );
        assert!(query("color", &Value::Null, Style::Form, true, false).is_empty());
    }

    #[test]
    fn values_stay_inside_their_place() {
        assert_eq!(path("id", &json!("a/b"), Style::Simple, false).unwrap(), "a%2Fb");
        assert_eq!(path("id", &json!("../admin"), Style::Simple, false).unwrap(), "..%2Fadmin");
        assert!(path("id", &json!(".."), Style::Simple, false).is_err());
        assert!(path("id", &json!("."), Style::Simple, false).is_err());
        assert!(path("id", &json!(""), Style::Simple, false).is_err());
        assert_eq!(query("q", &json!("a&b=c#d e"), Style::Form, true, false), ["q=a%26b%3Dc%23d%20e"]);
        assert_eq!(query("q", &json!("a/b?c&d"), Style::Form, true, true), ["q=a/b?c%26d"]);
        assert!(header("X-Id", &json!("a\r\nSet-Cookie: x"), false).is_err());
        assert!(header("X-Id", &json!("a\nb"), false).is_err());
        assert_eq!(header("X-Id", &json!([1, 2]), false).unwrap(), "1,2");
        assert_eq!(cookie("session", &json!("a;b"), true).unwrap().unwrap(), "session=a%3Bb");
    }
}
