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
    env: Vec<(String, OsString)>,
    port: u16,
    dir: PathBuf,
    child: Child,
}

impl Process {
    /// Starts `program` (or the one `variable` names) with the arguments
    /// and environment `setup` gives for a free port and a fresh
    /// directory; panics, saying why, when it is missing or does not listen
    /// within 30 s.
    fn start(name: &'static str, default: &str, variable: &str, setup: impl FnOnce(u16, &Path) -> Setup) -> Process {
        let program = std::env::var(variable).unwrap_or_else(|_| default.into());
        assert!(Path::new(&program).exists(), "{program} is missing: these tests start their own {name}");
        let port = free_port();
        let dir = std::env::temp_dir().join(format!("specwright-{name}-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&dir).expect("a store directory");
        let Setup { args, env } = setup(port, &dir);
        let child = spawn(&program, &args, &env, &dir);
        let process = Process { name, program, args, env, port, dir, child };
        process.wait_until_listening();
        process
    }

    fn address(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// Kills the process, and whatever it started, at once.
    fn kill(&mut self) {
        self.signal("KILL");
        // The group's signal has usually ended it already; then only reaping is left.
        if let Err(e) = self.child.kill() {
            eprintln!("broker process {}: {e}", self.child.id());
        }
        if let Err(e) = self.child.wait() {
            eprintln!("broker process {} not reaped: {e}", self.child.id());
        }
    }

    /// Signals the process and whatever it started: the broker may be a
    /// script that starts the server beside itself (RabbitMQ's does).
    fn signal(&self, signal: &str) {
        let group = format!("-{}", self.child.id());
        if let Err(e) = Command::new("kill").args([&format!("-{signal}"), "--", &group]).status() {
            eprintln!("kill -{signal} {group}: {e}");
        }
    }

    /// Kills the process and starts it again on the same port and store.
    #[cfg(any(feature = "nats", feature = "redis-streams", feature = "amqp", feature = "kafka"))]
    fn restart(&mut self) {
        self.kill();
        self.start_again();
    }

    /// Asks the process to stop (it saves what it keeps in memory), waits
    /// for it, and starts it again on the same port and store.
    #[cfg(feature = "mqtt")]
    fn restart_gracefully(&mut self) {
        self.signal("TERM");
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.child.try_wait().ok().flatten().is_none() {
            assert!(Instant::now() < deadline, "{} did not stop within 10 s of SIGTERM", self.name);
            std::thread::sleep(Duration::from_millis(20));
        }
        self.start_again();
    }

    fn start_again(&mut self) {
        // The group's processes end a moment after the signal.
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(self.address()).is_ok() {
            assert!(Instant::now() < deadline, "{} still listens 10 s after being killed", self.name);
            std::thread::sleep(Duration::from_millis(20));
        }
        self.child = spawn(&self.program, &self.args, &self.env, &self.dir);
        self.wait_until_listening();
    }

    fn wait_until_listening(&self) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while std::net::TcpStream::connect(self.address()).is_err() {
            assert!(Instant::now() < deadline, "{} did not listen on {} within 30 s", self.name, self.address());
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// What a broker is started with.
struct Setup {
    args: Vec<OsString>,
    env: Vec<(String, OsString)>,
}

impl Setup {
    #[cfg(any(feature = "nats", feature = "redis-streams", feature = "kafka", feature = "mqtt"))]
    fn args(args: Vec<OsString>) -> Setup {
        Setup { args, env: Vec::new() }
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").expect("a free port").local_addr().expect("a port").port()
}

/// Started in its own directory, where a broker that takes its store's
/// path as relative to it finds it.
fn spawn(program: &str, args: &[OsString], env: &[(String, OsString)], dir: &Path) -> Child {
    use std::os::unix::process::CommandExt;
    Command::new(program)
        .process_group(0)
        .current_dir(dir)
        .args(args)
        .envs(env.iter().map(|(k, v)| (k, v)))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{program} does not start: {e}"))
}

impl Drop for Process {
    fn drop(&mut self) {
        self.kill();
        if let Err(e) = std::fs::remove_dir_all(&self.dir) {
            eprintln!("{} not removed: {e}", self.dir.display());
        }
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
            Setup::args(vec!["-c".into(), config.into()])
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
            Setup::args(args)
        });
        RedisServer { url: format!("redis://{}", process.address()), process }
    }

    /// Stops the server and starts it again on the same port and files.
    pub fn restart(&mut self) {
        self.process.restart();
    }
}

/// A RabbitMQ node of its own (its own node name, ports, database and
/// logs; `guest` may connect from loopback). `/usr/lib/rabbitmq/bin/rabbitmq-server`,
/// or `$RABBITMQ_SERVER`.
#[cfg(feature = "amqp")]
pub struct RabbitServer {
    pub url: String,
    process: Process,
}

#[cfg(feature = "amqp")]
impl RabbitServer {
    pub fn start() -> RabbitServer {
        let default = "/usr/lib/rabbitmq/bin/rabbitmq-server";
        let process = Process::start("rabbitmq-server", default, "RABBITMQ_SERVER", |port, dir| {
            let config = dir.join("rabbitmq.conf");
            std::fs::write(&config, format!("listeners.tcp.default = 127.0.0.1:{port}\nloopback_users = none\n"))
                .expect("the node's configuration");
            // The machine's own environment file names the shared node; this one names none.
            let (env_file, plugins) = (dir.join("rabbitmq-env.conf"), dir.join("enabled_plugins"));
            std::fs::write(&env_file, "").expect("an environment file");
            std::fs::write(&plugins, "[].").expect("a plugins file");
            let node = format!("specwright-{}@localhost", uuid::Uuid::new_v4().simple());
            let env = [
                ("RABBITMQ_CONF_ENV_FILE", env_file.into_os_string()),
                ("RABBITMQ_CONFIG_FILE", config.into_os_string()),
                ("RABBITMQ_ENABLED_PLUGINS_FILE", plugins.into_os_string()),
                ("RABBITMQ_NODENAME", node.into()),
                ("RABBITMQ_DIST_PORT", free_port().to_string().into()),
                ("RABBITMQ_MNESIA_BASE", dir.join("mnesia").into_os_string()),
                ("RABBITMQ_LOG_BASE", dir.join("log").into_os_string()),
                ("RABBITMQ_PID_FILE", dir.join("pid").into_os_string()),
            ];
            Setup { args: Vec::new(), env: env.into_iter().map(|(k, v)| (k.to_string(), v)).collect() }
        });
        RabbitServer { url: format!("amqp://guest:guest@{}/%2f", process.address()), process }
    }

    /// Stops the node and starts it again on the same ports and database.
    pub fn restart(&mut self) {
        self.process.restart();
    }
}

/// A tansu broker (a Kafka-compatible one) storing into SQLite in its own
/// directory, so a restart keeps topics, messages and committed offsets.
/// `tansu` from cargo's bin directory, or `$TANSU`.
#[cfg(feature = "kafka")]
pub struct KafkaServer {
    /// What `KafkaTransport::connect` takes: `127.0.0.1:port`.
    pub servers: String,
    process: Process,
}

#[cfg(feature = "kafka")]
impl KafkaServer {
    pub fn start() -> KafkaServer {
        KafkaServer::with_store("sqlite://tansu.db")
    }

    /// A broker that keeps everything in memory: nothing survives a
    /// restart, and nothing is written to disk, so what it measures is the
    /// clients' work rather than the store's.
    pub fn start_in_memory() -> KafkaServer {
        KafkaServer::with_store("memory://tansu/")
    }

    fn with_store(store: &'static str) -> KafkaServer {
        let home = std::env::var_os("CARGO_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")))
            .unwrap_or_default();
        let default = home.join("bin").join("tansu");
        let process = Process::start("tansu", &default.to_string_lossy(), "TANSU", |port, _dir| {
            let url = format!("tcp://127.0.0.1:{port}");
            let args = ["broker", "--listener-url", &url, "--advertised-listener-url", &url];
            let mut args: Vec<OsString> = args.iter().map(OsString::from).collect();
            args.extend(["--storage-engine".into(), store.into()]);
            Setup::args(args)
        });
        KafkaServer { servers: process.address(), process }
    }

    /// Stops the broker and starts it again on the same port and store.
    pub fn restart(&mut self) {
        self.process.restart();
    }
}

/// A Mosquitto of its own, with persistence in its directory, no limit on
/// what it queues for a member that is away, and a restart that lets it
/// save first (Mosquitto writes its store at shutdown).
/// `/usr/sbin/mosquitto`, or `$MOSQUITTO`.
#[cfg(feature = "mqtt")]
pub struct MosquittoServer {
    pub host: String,
    pub port: u16,
    process: Process,
}

#[cfg(feature = "mqtt")]
impl MosquittoServer {
    pub fn start() -> MosquittoServer {
        let process = Process::start("mosquitto", "/usr/sbin/mosquitto", "MOSQUITTO", |port, dir| {
            let config = dir.join("mosquitto.conf");
            let text = format!(
                "listener {port} 127.0.0.1\nallow_anonymous true\nuser root\npersistence true\npersistence_location {}/\n\
                 max_queued_messages 0\nmax_inflight_messages 0\nlog_dest file {}/log\n",
                dir.display(),
                dir.display()
            );
            std::fs::write(&config, text).expect("the broker's configuration");
            Setup::args(vec!["-c".into(), config.into()])
        });
        MosquittoServer { host: "127.0.0.1".into(), port: process.port, process }
    }

    /// Stops the broker (it saves its store) and starts it again on the same port and store.
    pub fn restart(&mut self) {
        self.process.restart_gracefully();
    }
}
