//! Binary bodies: bytes in memory, or a stream read as it is consumed, so
//! a large upload or download never has to fit in memory.

use std::pin::Pin;

use bytes::Bytes;
use futures_util::{Stream, StreamExt, TryStreamExt};

/// An error from a body stream.
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

type ByteStream = Pin<Box<dyn Stream<Item = Result<Bytes, BoxError>> + Send>>;

/// A binary body (`application/octet-stream`, `image/*`, a file part).
pub struct Binary {
    inner: Inner,
}

enum Inner {
    Bytes(Bytes),
    Stream(ByteStream),
}

impl Binary {
    /// A body read from a stream of chunks.
    pub fn from_stream<S, E>(stream: S) -> Binary
    where
        S: Stream<Item = Result<Bytes, E>> + Send + 'static,
        E: Into<BoxError> + 'static,
    {
        Binary { inner: Inner::Stream(Box::pin(stream.map_err(Into::into))) }
    }

    /// The whole body in memory, if it is there already.
    pub fn as_bytes(&self) -> Option<&Bytes> {
        match &self.inner {
            Inner::Bytes(b) => Some(b),
            Inner::Stream(_) => None,
        }
    }

    /// Reads the whole body into memory.
    pub async fn bytes(self) -> Result<Bytes, BoxError> {
        match self.inner {
            Inner::Bytes(b) => Ok(b),
            Inner::Stream(mut s) => {
                let mut out = Vec::new();
                while let Some(chunk) = s.next().await {
                    out.extend_from_slice(&chunk?);
                }
                Ok(out.into())
            }
        }
    }

    /// The body as a stream of chunks.
    pub fn into_stream(self) -> impl Stream<Item = Result<Bytes, BoxError>> + Send {
        match self.inner {
            Inner::Bytes(b) => futures_util::stream::once(async move { Ok(b) }).boxed(),
            Inner::Stream(s) => s,
        }
    }
}

impl std::fmt::Debug for Binary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.inner {
            Inner::Bytes(b) => write!(f, "Binary({} bytes)", b.len()),
            Inner::Stream(_) => f.write_str("Binary(<stream>)"),
        }
    }
}

impl From<Bytes> for Binary {
    fn from(b: Bytes) -> Binary {
        Binary { inner: Inner::Bytes(b) }
    }
}

impl From<Vec<u8>> for Binary {
    fn from(b: Vec<u8>) -> Binary {
        Bytes::from(b).into()
    }
}

impl From<&'static [u8]> for Binary {
    fn from(b: &'static [u8]) -> Binary {
        Bytes::from_static(b).into()
    }
}

impl From<String> for Binary {
    fn from(s: String) -> Binary {
        Bytes::from(s).into()
    }
}

/// A file in a multipart body: its bytes (or a stream of them), and the
/// file name and media type it is announced with. Clients send these;
/// servers receive them.
#[derive(Debug)]
pub struct FilePart {
    pub body: Binary,
    pub file_name: Option<String>,
    pub content_type: Option<String>,
}

impl FilePart {
    pub fn new(body: impl Into<Binary>) -> FilePart {
        FilePart { body: body.into(), file_name: None, content_type: None }
    }

    pub fn file_name(mut self, name: impl Into<String>) -> FilePart {
        self.file_name = Some(name.into());
        self
    }

    pub fn content_type(mut self, media_type: impl Into<String>) -> FilePart {
        self.content_type = Some(media_type.into());
        self
    }
}

impl<T: Into<Binary>> From<T> for FilePart {
    fn from(body: T) -> FilePart {
        FilePart::new(body)
    }
}
