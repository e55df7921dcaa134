//! Fetching referenced documents over HTTP, when the user allows it.

use std::time::Duration;

/// A fetch function for the loader: GET with a timeout, refusing bodies
/// larger than `max_bytes` and answers other than 2xx.
pub fn fetcher(max_bytes: u64) -> impl Fn(&str) -> Result<String, specwright_spec::FetchError> + Send + Sync + 'static {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(30)))
        .user_agent(concat!("specwright/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    move |url| {
        let mut response = agent.get(url).call()?;
        Ok(response.body_mut().with_config().limit(max_bytes).read_to_string()?)
    }
}
