//! A hub served on a free loopback port, for tests: restarting it ends
//! every connection and stops listening for a moment, as a server's
//! restart would, while the hub keeps its queues.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use specwright_events::websocket::WebSocketHub;

pub struct WebSocketServer {
    /// What `WebSocketTransport::connect` takes.
    pub url: String,
    pub hub: WebSocketHub,
    address: SocketAddr,
    serving: tokio::task::JoinHandle<()>,
}

impl WebSocketServer {
    /// Serves `hub` at `/events` on a free port. Call within a runtime.
    pub fn start(hub: WebSocketHub) -> WebSocketServer {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
        let address = listener.local_addr().expect("its address");
        let serving = serve(&hub, listener);
        WebSocketServer { url: format!("ws://{address}/events"), hub, address, serving }
    }

    /// Stops listening, ends every connection, and listens again on the same port.
    pub fn restart(&mut self) {
        self.serving.abort();
        self.hub.disconnect_all();
        // The aborted task lets go of its listener when it is next polled.
        let deadline = Instant::now() + Duration::from_secs(10);
        let listener = loop {
            match std::net::TcpListener::bind(self.address) {
                Ok(listener) => break listener,
                Err(e) => {
                    assert!(Instant::now() < deadline, "{} is still taken: {e}", self.address);
                    std::thread::sleep(Duration::from_millis(10));
                }
            }
        };
        self.serving = serve(&self.hub, listener);
    }
}

fn serve(hub: &WebSocketHub, listener: std::net::TcpListener) -> tokio::task::JoinHandle<()> {
    listener.set_nonblocking(true).expect("a non-blocking listener");
    let listener = tokio::net::TcpListener::from_std(listener).expect("a listener on the runtime");
    // Small frames both ways: Nagle's algorithm off, as the client has it.
    let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
        if let Err(e) = tcp.set_nodelay(true) {
            tracing::debug!(error = %e, "Nagle's algorithm left on for a WebSocket connection");
        }
    });
    let app = axum::Router::new().nest("/events", hub.router());
    tokio::spawn(async move {
        if let Err(e) = axum::serve(listener, app).await {
            tracing::error!(error = %e, "the WebSocket server stopped");
        }
    })
}

impl Drop for WebSocketServer {
    fn drop(&mut self) {
        self.serving.abort();
        self.hub.disconnect_all();
    }
}
