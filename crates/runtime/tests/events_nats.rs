//! NATS JetStream passes the conformance suite, against a nats-server each
//! test starts for itself (on a free port, with its own store and a payload
//! limit above the suite's 1 MiB message; the default is 1 MB).

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use specwright_runtime::events::{NatsOptions, NatsTransport, Transport};

const NATS_SERVER: &str = "/usr/sbin/nats-server";

/// A nats-server of the test's own, stopped and its store removed on drop.
struct Server {
    child: Child,
    dir: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn start_server() -> (Server, String) {
    assert!(
        std::path::Path::new(NATS_SERVER).exists(),
        "{NATS_SERVER} is missing: these tests start their own nats-server (Debian package nats-server)"
    );
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let dir = std::env::temp_dir().join(format!("specwright-nats-{}", uuid_like()));
    std::fs::create_dir_all(&dir).unwrap();
    let config = dir.join("nats.conf");
    std::fs::write(
        &config,
        format!("listen: 127.0.0.1:{port}\nmax_payload: 8MB\njetstream {{ store_dir: {:?} }}\n", dir.join("store")),
    )
    .unwrap();
    let child = Command::new(NATS_SERVER)
        .arg("-c")
        .arg(&config)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("nats-server starts");
    let server = Server { child, dir };
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "nats-server did not listen on {port} within 10 s");
        std::thread::sleep(Duration::from_millis(20));
    }
    (server, format!("nats://127.0.0.1:{port}"))
}

fn uuid_like() -> String {
    format!("{}-{:?}", std::process::id(), Instant::now()).replace(|c: char| !c.is_ascii_alphanumeric(), "")
}

async fn jetstream() -> (Arc<dyn Transport>, Server) {
    let (server, url) = start_server();
    // A short ack wait, so an unsettled delivery comes back within the suite's patience.
    let options = NatsOptions { ack_wait: Duration::from_secs(2), ..NatsOptions::default() };
    let transport = NatsTransport::connect(&url, options).await.expect("connect to the test's nats-server");
    (Arc::new(transport), server)
}

specwright_runtime::conformance_tests!(async jetstream());
