//! Channel addresses from templates such as `orders.{region}.created`.
//!
//! A parameter's value is checked before it goes in: a value holding a
//! broker's wildcard or one of the template's own separators would make
//! the address mean another channel (or many), so it is refused.

use serde::Serialize;
use serde_json::Value;

#[derive(Debug, thiserror::Error)]
pub enum AddressError {
    #[error("channel `{0}` is a template; publish to an address its parameters fill in")]
    Unfilled(String),
    #[error("channel `{template}`: no value for parameter `{name}`")]
    Missing { template: String, name: String },
    #[error("channel `{template}`: parameter `{name}` is {value:?}, which {why}")]
    Refused { template: String, name: String, value: String, why: &'static str },
    #[error("the request says nowhere to reply")]
    NoReplyAddress,
    #[error("reply address {0:?} is not one plain channel")]
    NotPlain(String),
}

/// Characters that are wildcards or patterns to some broker (NATS `*` and
/// `>`, MQTT `+` and `#`), or template syntax.
const NEVER: &[char] = &['*', '>', '#', '+', '{', '}', '?'];

/// `template` with each `{name}` replaced by the field `name` of
/// `parameters` (a struct or map whose values are text, numbers or booleans).
pub fn fill<T: Serialize>(template: &str, parameters: &T) -> Result<String, AddressError> {
    let values = match serde_json::to_value(parameters) {
        Ok(Value::Object(map)) => map,
        _ => serde_json::Map::new(),
    };
    let separators: Vec<char> =
        literal_parts(template).flat_map(str::chars).filter(|c| c.is_ascii_punctuation()).collect();
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else { break };
        out.push_str(&rest[..open]);
        let name = &rest[open + 1..close];
        let text = match values.get(name) {
            Some(Value::String(s)) => s.clone(),
            Some(v @ (Value::Number(_) | Value::Bool(_))) => v.to_string(),
            _ => return Err(AddressError::Missing { template: template.into(), name: name.into() }),
        };
        let refuse =
            |why| AddressError::Refused { template: template.into(), name: name.into(), value: text.clone(), why };
        if text.is_empty() {
            return Err(refuse("is empty"));
        }
        if text.chars().any(|c| c.is_control() || c.is_whitespace() || NEVER.contains(&c)) {
            return Err(refuse("holds a space, a control character or a wildcard"));
        }
        if text.chars().any(|c| separators.contains(&c)) {
            return Err(refuse("holds one of the address's separators"));
        }
        out.push_str(&text);
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Refuses an address that is still a template.
pub(crate) fn check_filled(address: &str) -> Result<(), AddressError> {
    match address.find('{') {
        Some(open) if address[open..].contains('}') => Err(AddressError::Unfilled(address.into())),
        _ => Ok(()),
    }
}

/// Refuses an address from the wire that is empty, a template or a pattern.
pub(crate) fn check_plain(address: &str) -> Result<(), AddressError> {
    if address.is_empty() || address.chars().any(|c| c.is_control() || c.is_whitespace() || NEVER.contains(&c)) {
        return Err(AddressError::NotPlain(address.into()));
    }
    Ok(())
}

/// The text of a template between its parameters.
fn literal_parts(template: &str) -> impl Iterator<Item = &str> {
    template.split('{').enumerate().map(|(i, part)| {
        if i == 0 {
            part
        } else {
            part.split_once('}').map_or(part, |(_, after)| after)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Light {
        #[serde(rename = "streetlightId")]
        id: String,
        level: u8,
    }

    #[test]
    fn fills_parameters_and_refuses_what_would_change_the_address() {
        let light = |id: &str| Light { id: id.into(), level: 3 };
        let template = "lights/{streetlightId}/level/{level}";
        assert_eq!(fill(template, &light("a-1.b")).unwrap(), "lights/a-1.b/level/3");
        for bad in ["a/b", "a+", "#", "", "a b", "x\n"] {
            assert!(matches!(fill(template, &light(bad)), Err(AddressError::Refused { .. })), "{bad:?}");
        }
        // A dot is a separator in a NATS-style template, and fine in an MQTT one.
        assert!(fill("lights.{streetlightId}.{level}", &light("a.b")).is_err());
        assert!(matches!(fill("lights.{other}", &light("a")), Err(AddressError::Missing { .. })));
        assert!(check_filled("lights.{id}").is_err());
        assert!(check_filled("lights.1").is_ok());
    }
}
