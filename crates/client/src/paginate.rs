//! Every item of a paginated listing as one stream, fetching each page as
//! the stream reaches it.

use std::future::Future;

use futures_util::{Stream, TryStreamExt};

/// Items across pages. `fetch` sends one call and gives its items and the
/// call for the next page; the stream ends at a page with no next call or
/// no items (so a server that repeats its last cursor can't loop it forever).
pub fn paginate<C, T, E, F, Fut>(first: C, fetch: F) -> impl Stream<Item = Result<T, E>>
where
    F: FnMut(C) -> Fut,
    Fut: Future<Output = Result<(Vec<T>, Option<C>), E>>,
{
    futures_util::stream::try_unfold((Some(first), fetch), |(call, mut fetch)| async move {
        let Some(call) = call else { return Ok(None) };
        let (items, next) = fetch(call).await?;
        let next = if items.is_empty() { None } else { next };
        let page = futures_util::stream::iter(items.into_iter().map(Ok));
        Ok(Some((page, (next, fetch))))
    })
    .try_flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures_util::StreamExt;

    #[tokio::test]
    async fn pages_are_fetched_until_there_is_no_next() {
        let pages = [vec![1, 2], vec![3], vec![]];
        let stream = paginate(0usize, |page: usize| {
            let items = pages[page].clone();
            async move { Ok::<_, ()>((items, Some(page + 1))) }
        });
        let items: Vec<_> = stream.collect().await;
        assert_eq!(items, [Ok(1), Ok(2), Ok(3)]);
    }
}
