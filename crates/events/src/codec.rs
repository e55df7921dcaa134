//! How event values become payload bytes and back.

use bytes::Bytes;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Turns values into payloads and back. JSON is the default; a codec for
/// another format implements this and is handed to the app and publisher.
pub trait Codec: Send + Sync + 'static {
    /// The `datacontenttype` of what it writes.
    fn content_type(&self) -> &'static str;
    fn encode<T: Serialize>(&self, value: &T) -> Result<Bytes, CodecError>;
    fn decode<T: DeserializeOwned>(&self, payload: &[u8]) -> Result<T, CodecError>;
}

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct CodecError(pub String);

/// `application/json`, through serde_json.
#[derive(Clone, Copy, Debug, Default)]
pub struct Json;

impl Codec for Json {
    fn content_type(&self) -> &'static str {
        "application/json"
    }

    fn encode<T: Serialize>(&self, value: &T) -> Result<Bytes, CodecError> {
        serde_json::to_vec(value).map(Bytes::from).map_err(|e| CodecError(e.to_string()))
    }

    fn decode<T: DeserializeOwned>(&self, payload: &[u8]) -> Result<T, CodecError> {
        serde_json::from_slice(payload).map_err(|e| CodecError(e.to_string()))
    }
}
