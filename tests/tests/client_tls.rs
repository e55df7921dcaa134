//! Certificates are verified unless the client is told, by a loudly named
//! option, not to: against a TLS server on 127.0.0.1 (OpenSSL's `s_server`)
//! with a self-signed certificate, the default client refuses to talk, and
//! one built with `danger_accept_invalid_certs(true)` gets an answer.

use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use object_storage_api::client::{Client, Error, RetryPolicy};

struct TlsServer {
    child: Child,
    port: u16,
    _dir: tempfile::TempDir,
}

impl Drop for TlsServer {
    fn drop(&mut self) {
        let id = self.child.id();
        if let Err(e) = self.child.kill() {
            eprintln!("openssl s_server {id} not killed: {e}");
        }
        if let Err(e) = self.child.wait() {
            eprintln!("openssl s_server {id} not reaped: {e}");
        }
    }
}

/// A self-signed certificate for 127.0.0.1 and a server presenting it.
fn tls_server() -> TlsServer {
    let dir = tempfile::tempdir().unwrap();
    let made = Command::new("openssl")
        .args(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"])
        .args(["-keyout", "key.pem", "-out", "cert.pem", "-days", "1", "-subj", "/CN=127.0.0.1"])
        .args(["-addext", "subjectAltName=IP:127.0.0.1"])
        .current_dir(dir.path())
        .stderr(Stdio::null())
        .status()
        .expect("openssl is installed (Debian's openssl package)");
    assert!(made.success());
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let child = Command::new("openssl")
        .args(["s_server", "-accept", &format!("127.0.0.1:{port}"), "-cert", "cert.pem", "-key", "key.pem", "-www"])
        .arg("-quiet")
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(started.elapsed() < Duration::from_secs(10), "openssl s_server did not start");
        std::thread::sleep(Duration::from_millis(20));
    }
    TlsServer { child, port, _dir: dir }
}

#[tokio::test]
async fn certificates_are_verified_unless_the_danger_option_says_not() {
    let server = tls_server();
    let url = format!("https://127.0.0.1:{}/v1", server.port);

    let default = Client::builder().base_url(&url).retry(RetryPolicy::none()).build().unwrap();
    let refused = default.health().send().await.unwrap_err();
    assert!(matches!(refused, Error::Transport(_)), "a self-signed certificate is refused: {refused}");

    let careless =
        Client::builder().base_url(&url).retry(RetryPolicy::none()).danger_accept_invalid_certs(true).build().unwrap();
    // `s_server -www` answers with an HTML status page: whatever the
    // operation makes of it, it came over TLS.
    if let Err(Error::Transport(e)) = careless.health().send().await {
        panic!("with the danger option the handshake succeeds: {e}");
    }
}
