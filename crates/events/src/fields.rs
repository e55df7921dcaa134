//! Values a spec places in a message's envelope: typed header structs, and
//! runtime expressions such as `$message.header#/correlationId`.

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::{CodecError, Headers, Message};

/// Writes the fields of `value`, a struct of text, numbers and booleans, as headers.
pub fn write_headers<T: Serialize>(value: &T, headers: &mut Headers) -> Result<(), CodecError> {
    let encoded = serde_urlencoded::to_string(value).map_err(|e| CodecError(format!("headers: {e}")))?;
    for (name, value) in form_urlencoded::parse(encoded.as_bytes()) {
        headers.insert_copied(&name, &value);
    }
    Ok(())
}

/// Reads a struct of text, numbers and booleans from headers; each value is
/// read as its field's type asks, so `"3"` fills a number.
pub fn read_headers<T: DeserializeOwned>(headers: &Headers) -> Result<T, CodecError> {
    let encoded = form_urlencoded::Serializer::new(String::new()).extend_pairs(headers.iter()).finish();
    serde_urlencoded::from_str(&encoded).map_err(|e| CodecError(format!("headers: {e}")))
}

/// Where a runtime expression points in a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place<'a> {
    /// `$message.header#/name`: the header `name`.
    Header(&'a str),
    /// `$message.payload#/pointer`: a JSON pointer into the payload.
    Payload(&'a str),
}

impl<'a> Place<'a> {
    /// Reads an expression such as `$message.header#/replyTo`; `None` when it
    /// is not one of the two forms.
    pub fn parse(expression: &'a str) -> Option<Place<'a>> {
        if let Some(pointer) = expression.strip_prefix("$message.header#") {
            // A header's name is the pointer's one token.
            let name = pointer.strip_prefix('/')?;
            return (!name.is_empty() && !name.contains('/')).then_some(Place::Header(name));
        }
        expression.strip_prefix("$message.payload#").map(Place::Payload)
    }

    /// The value at this place in `message`, as text.
    pub fn read(self, message: &Message) -> Option<String> {
        match self {
            Place::Header(name) => message.headers.get(name).map(str::to_string),
            Place::Payload(pointer) => {
                let payload: serde_json::Value = serde_json::from_slice(&message.payload).ok()?;
                match payload.pointer(pointer)? {
                    serde_json::Value::String(s) => Some(s.clone()),
                    serde_json::Value::Null => None,
                    other => Some(other.to_string()),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize, serde::Deserialize, Debug, PartialEq)]
    struct Trace {
        #[serde(rename = "traceId")]
        trace_id: String,
        hops: u32,
        sampled: Option<bool>,
    }

    #[test]
    fn header_structs_round_trip_with_their_types() {
        let mut headers = Headers::new();
        let trace = Trace { trace_id: "a b&c".into(), hops: 3, sampled: Some(true) };
        write_headers(&trace, &mut headers).unwrap();
        assert_eq!(headers.get("hops"), Some("3"));
        assert_eq!(headers.get("traceId"), Some("a b&c"));
        assert_eq!(read_headers::<Trace>(&headers).unwrap(), trace);
        let missing = read_headers::<Trace>(&Headers::new()).unwrap_err();
        assert!(missing.0.contains("traceId"), "{missing}");
    }

    #[test]
    fn expressions_point_into_headers_and_payloads() {
        let message = Message::new(r#"{"user":{"id":7,"name":"ana"}}"#).with_header("replyTo", "inbox.1");
        assert_eq!(Place::parse("$message.header#/replyTo").unwrap().read(&message).as_deref(), Some("inbox.1"));
        assert_eq!(Place::parse("$message.payload#/user/id").unwrap().read(&message).as_deref(), Some("7"));
        assert_eq!(Place::parse("$message.payload#/user/name").unwrap().read(&message).as_deref(), Some("ana"));
        assert_eq!(Place::parse("$message.header#/absent").unwrap().read(&message), None);
        assert_eq!(Place::parse("$request.body#/x"), None);
    }
}
