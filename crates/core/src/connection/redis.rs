//! The one way the runtime connects to Redis: a connection manager that
//! reconnects after Redis restarts, but gives up on a connection attempt in
//! seconds. With the redis crate's defaults an unreachable server is tried
//! with delays growing a hundredfold, for about five minutes, before
//! `connect` returns an error.

use std::time::Duration;

use redis::aio::{ConnectionManager, ConnectionManagerConfig};

/// Each attempt may take this long to connect.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// Attempts after the first, with delays from one second doubling up to
/// `MAX_DELAY_MS` (the crate hands `factor` to its backoff as the multiplier).
const RETRIES: usize = 3;
const FACTOR: u64 = 2;
const MAX_DELAY_MS: u64 = 4_000;

/// A connection manager for `client`; an error when Redis cannot be reached
/// within a few attempts.
pub async fn manager(client: &redis::Client) -> redis::RedisResult<ConnectionManager> {
    let config = ConnectionManagerConfig::new()
        .set_connection_timeout(CONNECT_TIMEOUT)
        .set_number_of_retries(RETRIES)
        .set_factor(FACTOR)
        .set_max_delay(MAX_DELAY_MS);
    client.get_connection_manager_with_config(config).await
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Nothing listening: `connect` says so within the attempts' time, not
    /// minutes later.
    #[tokio::test]
    async fn an_unreachable_server_is_an_error_not_a_wait() {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let client = redis::Client::open(format!("redis://127.0.0.1:{port}")).unwrap();
        // One second, two, then four, plus the attempts themselves: well under a minute.
        let outcome = tokio::time::timeout(Duration::from_secs(60), manager(&client)).await;
        let error = outcome.expect("gave up within a minute").err().expect("nothing listens there");
        assert!(error.is_connection_refusal() || error.is_io_error(), "{error}");
    }
}
