//! Brokers a test starts for itself: on a free port, with a store
//! directory of its own, restarted on demand keeping that store, stopped
//! and removed on drop. Fault tests stop these, never the shared services.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// One broker process and how to start it again.
struct Process {
    name: &'static str,
    program: String,
    args: Vec<OsString>,
    port: u16,
    dir: PathBuf,
    child: Child,
}

impl Process {
    /// Starts `program` (or the one `env` names) with the arguments `args`
    /// gives for a free port and a fresh directory; panics, saying why,
    /// when it is missing or does not listen within 10 s.
    fn start(name: &'static str, default: &str, env: &str, args: impl FnOnce(u16, &Path) -> Vec<OsString>) -> Process {
        let program = std::env::var(env).unwrap_or_else(|_| default.into());
        assert!(Path::new(&program).exists(), "{program} is missing: these tests start their own {name}");
        let port =
            std::net::TcpListener::bind("127.0.0.1:0").expect("a free port").local_addr().expect("a port").port();
        let dir = std::env::temp_dir().join(format!("specwright-{name}-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&dir).expect("a store directory");
        let args = args(port, &dir);
        let child = spawn(&program, &args);
        let process = Process { name, program, args, port, dir, child };
        process.wait_until_listening();
        process
    }

    fn address(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// Kills the process and starts it again on the same port and store.
    fn restart(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        assert!(
            std::net::TcpStream::connect(self.address()).is_err(),
            "{} still listens after being stopped",
            self.name
        );
        self.child = spawn(&self.program, &self.args);
        self.wait_until_listening();
    }

    fn wait_until_listening(&self) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(self.address()).is_err() {
            assert!(Instant::now() < deadline, "{} did not listen on {} within 10 s", self.name, self.address());
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

fn spawn(program: &str, args: &[OsString]) -> Child {
    Command::new(program)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{program} does not start: {e}"))
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A nats-server with JetStream, and a payload limit above the suite's
/// 1 MiB message (the default is 1 MB). `/usr/sbin/nats-server`, or `$NATS_SERVER`.
#[cfg(feature = "nats")]
pub struct NatsServer {
    pub url: String,
    process: Process,
}

#[cfg(feature = "nats")]
impl NatsServer {
    pub fn start() -> NatsServer {
        let process = Process::start("nats-server", "/usr/sbin/nats-server", "NATS_SERVER", |port, dir| {
            let config = dir.join("nats.conf");
            let text = format!(
                "listen: 127.0.0.1:{port}\nmax_payload: 8MB\njetstream {{ store_dir: {:?} }}\n",
                dir.join("store")
            );
            std::fs::write(&config, text).expect("the server's configuration");
            vec!["-c".into(), config.into()]
        });
        NatsServer { url: format!("nats://{}", process.address()), process }
    }

    /// Stops the server and starts it again on the same port and store.
    pub fn restart(&mut self) {
        self.process.restart();
    }
}

/// A redis-server that writes every change to its append-only file before
/// answering, so a killed and restarted server loses nothing it
/// acknowledged (the file is synced to disk each second, which only a crash
/// of the whole machine would need). `/usr/bin/redis-server`, or `$REDIS_SERVER`.
#[cfg(feature = "redis-streams")]
pub struct RedisServer {
    pub url: String,
    process: Process,
}

#[cfg(feature = "redis-streams")]
impl RedisServer {
    pub fn start() -> RedisServer {
        let process = Process::start("redis-server", "/usr/bin/redis-server", "REDIS_SERVER", |port, dir| {
            let args = ["--bind", "127.0.0.1", "--port", &port.to_string(), "--save", "", "--appendonly", "yes"];
            let mut args: Vec<OsString> = args.iter().map(OsString::from).collect();
            args.extend(["--dir".into(), dir.as_os_str().to_owned()]);
            args
        });
        RedisServer { url: format!("redis://{}", process.address()), process }
    }

    /// Stops the server and starts it again on the same port and files.
    pub fn restart(&mut self) {
        self.process.restart();
    }
}
