//! The future a generated operation's `send` returns.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use super::{Error, Received, Request, Response};

type Boxed<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// A call on its way: await it for the response.
///
/// The waiting (sending, retrying, reading the body) is written once, here;
/// generated code only decodes what was read, in a plain function. A big
/// spec's client then holds no state machine per operation for the
/// compiler to check.
#[must_use = "a request does nothing until it is awaited"]
pub struct Sending<'a, T, E>(Boxed<'a, Result<Response<T>, Error<E>>>);

impl<'a, T: Send + 'a, E: Send + 'a> Sending<'a, T, E> {
    /// Sends `request`, reads the whole body, and decodes it with `decode`.
    pub fn new(request: Request<'a>, decode: fn(Received) -> Result<Response<T>, Error<E>>) -> Self {
        Sending(Box::pin(async move {
            let raw = request.send().await?.read().await?;
            decode(raw)
        }))
    }
}

impl<T, E> Future for Sending<'_, T, E> {
    type Output = Result<Response<T>, Error<E>>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.0.as_mut().poll(cx)
    }
}

impl<T, E> std::fmt::Debug for Sending<'_, T, E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Sending")
    }
}
