//! File parts of a multipart body: kept in memory while small, and written
//! to an unnamed temporary file once they grow past a threshold, so an
//! upload of any size (within the upload limit) takes bounded memory and
//! reaches the handler as a stream.

use std::io;

use bytes::{Bytes, BytesMut};
use tokio::io::{AsyncSeekExt, AsyncWriteExt};

use specwright_core::Binary;

/// One part's bytes as they arrive.
pub(crate) struct Spool {
    threshold: usize,
    memory: BytesMut,
    file: Option<tokio::fs::File>,
}

impl Spool {
    pub(crate) fn new(threshold: usize) -> Spool {
        Spool { threshold, memory: BytesMut::new(), file: None }
    }

    pub(crate) async fn push(&mut self, chunk: Bytes) -> io::Result<()> {
        if self.file.is_none() && self.memory.len() + chunk.len() <= self.threshold {
            self.memory.extend_from_slice(&chunk);
            return Ok(());
        }
        let file = match &mut self.file {
            Some(file) => file,
            None => {
                // Unnamed: the system removes it when the last handle closes,
                // whatever becomes of the request or the process.
                let file = tokio::task::spawn_blocking(tempfile::tempfile).await.map_err(io::Error::other)??;
                let mut file = tokio::fs::File::from_std(file);
                file.write_all(&std::mem::take(&mut self.memory)).await?;
                self.file.insert(file)
            }
        };
        file.write_all(&chunk).await
    }

    /// The part's body: its bytes, or a stream read back from the file.
    pub(crate) async fn finish(self) -> io::Result<Binary> {
        match self.file {
            None => Ok(self.memory.freeze().into()),
            Some(mut file) => {
                file.flush().await?;
                file.rewind().await?;
                Ok(Binary::from_stream(tokio_util::io::ReaderStream::new(file)))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn spooled(chunks: &[&'static [u8]], threshold: usize) -> Binary {
        let mut spool = Spool::new(threshold);
        for chunk in chunks {
            spool.push(Bytes::from_static(chunk)).await.unwrap();
        }
        spool.finish().await.unwrap()
    }

    #[tokio::test]
    async fn small_parts_stay_in_memory() {
        let body = spooled(&[b"abc", b"def"], 6).await;
        assert_eq!(body.as_bytes().map(|b| &b[..]), Some(&b"abcdef"[..]));
    }

    #[tokio::test]
    async fn large_parts_are_read_back_from_a_file_in_order() {
        let body = spooled(&[b"abc", b"def", b"ghi"], 4).await;
        assert!(body.as_bytes().is_none(), "past the threshold the part is a stream");
        assert_eq!(&body.bytes().await.unwrap()[..], b"abcdefghi");
    }
}
