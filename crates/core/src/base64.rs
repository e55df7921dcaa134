//! `format: byte`: base64 text on the wire, bytes in Rust. Use with
//! `#[serde(with = "specwright_runtime::base64")]` (or `base64::option` for
//! an `Option<Vec<u8>>`). Decoding accepts standard and URL-safe alphabets,
//! padded or not, since specs and servers differ; encoding writes standard,
//! padded base64.

use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};
use base64::Engine;
use serde::{Deserialize, Deserializer, Serializer};

pub fn serialize<S: Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&STANDARD.encode(bytes))
}

pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
    let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
    decode(&text).map_err(serde::de::Error::custom)
}

/// Decodes base64 in any of the common alphabets, padded or not.
pub fn decode(text: &str) -> Result<Vec<u8>, String> {
    let text = text.trim();
    [STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD]
        .iter()
        .find_map(|engine| engine.decode(text).ok())
        .ok_or_else(|| format!("`{text}` is not base64"))
}

/// The same for `Option<Vec<u8>>` fields.
pub mod option {
    use super::*;

    pub fn serialize<S: Serializer>(bytes: &Option<Vec<u8>>, serializer: S) -> Result<S::Ok, S::Error> {
        match bytes {
            Some(b) => super::serialize(b, serializer),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Vec<u8>>, D::Error> {
        let text = Option::<std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.map(|t| decode(&t).map_err(serde::de::Error::custom)).transpose()
    }
}

/// Bytes that travel as base64 text: a type for `format: byte` that works
/// anywhere a type goes (in a `Vec`, an `Option`, a map).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Base64(pub Vec<u8>);

impl std::ops::Deref for Base64 {
    type Target = Vec<u8>;
    fn deref(&self) -> &Vec<u8> {
        &self.0
    }
}

impl From<Vec<u8>> for Base64 {
    fn from(bytes: Vec<u8>) -> Self {
        Base64(bytes)
    }
}

impl From<Base64> for Vec<u8> {
    fn from(b: Base64) -> Self {
        b.0
    }
}

impl serde::Serialize for Base64 {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize(&self.0, serializer)
    }
}

impl<'de> serde::Deserialize<'de> for Base64 {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize(deserializer).map(Base64)
    }
}

#[cfg(test)]
mod tests {
    #[derive(serde::Serialize, serde::Deserialize)]
    struct Blob {
        #[serde(with = "super")]
        data: Vec<u8>,
    }

    #[test]
    fn base64_round_trips_and_reads_other_alphabets() {
        let blob: Blob = serde_json::from_str(r#"{"data":"aGVsbG8="}"#).unwrap();
        assert_eq!(blob.data, b"hello");
        assert_eq!(serde_json::to_string(&blob).unwrap(), r#"{"data":"aGVsbG8="}"#);
        assert_eq!(super::decode("aGVsbG8").unwrap(), b"hello");
        assert_eq!(super::decode("_-8").unwrap(), [0xff, 0xef]);
        assert!(super::decode("not base64!").is_err());
        let list: Vec<super::Base64> = serde_json::from_str(r#"["aGk=", null]"#).unwrap_or_default();
        assert!(list.is_empty(), "null is not bytes");
        let list: Vec<Option<super::Base64>> = serde_json::from_str(r#"["aGk=", null]"#).unwrap();
        assert_eq!(list[0].as_deref().map(|b| b.as_slice()), Some(&b"hi"[..]));
        assert_eq!(serde_json::to_string(&list).unwrap(), r#"["aGk=",null]"#);
    }
}
