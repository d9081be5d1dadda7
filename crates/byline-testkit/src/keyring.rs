//! [`Keyring`]: a private D-Bus session bus with a real GNOME Keyring on it
//! (the Secret Service), for the tests of the OS keyring path of account
//! passwords.
//!
//! It runs Debian's `dbus-daemon` (package `dbus`) on a socket in a
//! temporary directory, with a configuration of its own that starts no
//! service on demand (so nothing of the system's is ever activated on it),
//! then `gnome-keyring-daemon --foreground --unlock
//! --components=secrets` (package `gnome-keyring`) on that bus, with its
//! own `HOME`, `XDG_DATA_HOME` and `XDG_RUNTIME_DIR` there and
//! [`Keyring::PASSWORD`] on its standard input, which creates and unlocks
//! the `login` collection. Nothing of the user's own session is touched.
//! Both processes are killed when the value is dropped.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The programs a [`Keyring`] runs, with the Debian package of each.
/// (`scripts/install-deps.sh` installs `dbus`, which brings the first two.)
const PROGRAMS: [(&str, &str); 3] =
    [("dbus-daemon", "dbus-daemon"), ("dbus-send", "dbus-bin"), ("gnome-keyring-daemon", "gnome-keyring")];

/// How long the daemons get to come up.
const START_TIMEOUT: Duration = Duration::from_secs(20);

/// A private session bus with GNOME Keyring serving the Secret Service on
/// it, stopped when dropped.
///
/// Point a process at it with [`Keyring::env`] (it sets
/// `DBUS_SESSION_BUS_ADDRESS`); the `keyring` crate reads that variable on
/// every call.
///
/// ```no_run
/// use byline_testkit::Keyring;
///
/// let Some(keyring) = Keyring::start_or_skip("my_test") else { return };
/// let mut cmd = std::process::Command::new("byline-cli");
/// keyring.env(&mut cmd).args(["account", "list"]);
/// // ... run it: passwords go to this keyring, and stay there until `keyring` is dropped ...
/// ```
#[derive(Debug)]
pub struct Keyring {
    dir: tempfile::TempDir,
    address: String,
    bus: Child,
    /// `None` until it is started.
    daemon: Option<Child>,
}

impl Keyring {
    /// The password of the `login` collection the daemon creates.
    pub const PASSWORD: &'static str = "byline-test-keyring";

    /// The programs missing from `PATH` (with their Debian packages), as
    /// one sentence; `None` when everything is installed.
    pub fn missing() -> Option<String> {
        let missing: Vec<String> = PROGRAMS
            .iter()
            .filter(|(program, _)| which(program).is_none())
            .map(|(program, package)| format!("{program} (Debian package {package})"))
            .collect();
        (!missing.is_empty()).then(|| format!("not installed: {}", missing.join(", ")))
    }

    /// Starts a keyring for the test `test`, or prints why it is skipped
    /// and returns `None` when the programs are not installed
    /// (`scripts/install-deps.sh` installs them).
    ///
    /// # Panics
    /// When the programs are installed but the daemons do not come up.
    pub fn start_or_skip(test: &str) -> Option<Keyring> {
        if let Some(missing) = Self::missing() {
            eprintln!("SKIP {test}: no Secret Service to test against: {missing}; run scripts/install-deps.sh");
            return None;
        }
        match Self::try_start() {
            Ok(keyring) => Some(keyring),
            Err(e) => panic!("byline-testkit: cannot start a keyring: {e}"),
        }
    }

    /// Starts the bus and the keyring daemon, returning the failure as text.
    pub fn try_start() -> Result<Keyring, String> {
        if let Some(missing) = Self::missing() {
            return Err(missing);
        }
        let dir = tempfile::Builder::new()
            .prefix("byline-keyring-")
            .tempdir()
            .map_err(|e| format!("cannot create a temporary directory: {e}"))?;
        for sub in ["home", "data", "runtime"] {
            std::fs::create_dir_all(dir.path().join(sub)).map_err(|e| format!("cannot create {sub}: {e}"))?;
        }
        let socket = dir.path().join("bus");
        let address = format!("unix:path={}", socket.display());
        let config = dir.path().join("bus.conf");
        std::fs::write(&config, bus_config(&address)).map_err(|e| format!("cannot write {}: {e}", config.display()))?;
        let bus = Command::new("dbus-daemon")
            .args(["--nofork", "--nopidfile"])
            .arg(format!("--config-file={}", config.display()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot run dbus-daemon: {e}"))?;
        let mut keyring = Keyring { dir, address, bus, daemon: None };
        keyring.wait_for("the session bus", |k| k.bus_answers())?;

        let mut daemon = Command::new("gnome-keyring-daemon")
            .args(["--foreground", "--unlock", "--components=secrets"])
            .envs(keyring.vars())
            .env("HOME", keyring.dir.path().join("home"))
            .env("XDG_DATA_HOME", keyring.dir.path().join("data"))
            .env("XDG_RUNTIME_DIR", keyring.dir.path().join("runtime"))
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot run gnome-keyring-daemon: {e}"))?;
        // The password, then end of input: the daemon reads until EOF.
        let stdin = daemon.stdin.take();
        keyring.daemon = Some(daemon);
        let mut stdin = stdin.ok_or("gnome-keyring-daemon has no stdin")?;
        stdin.write_all(Self::PASSWORD.as_bytes()).map_err(|e| format!("gnome-keyring-daemon's stdin: {e}"))?;
        drop(stdin);
        let collection = keyring.dir.path().join("data/keyrings/login.keyring");
        keyring.wait_for("gnome-keyring-daemon's login collection", |k| {
            collection.is_file() && k.has_owner("org.freedesktop.secrets")
        })?;
        Ok(keyring)
    }

    /// Stops the keyring daemon and leaves the bus: a session without a
    /// Secret Service (nothing starts one on demand on this bus).
    pub fn stop_daemon(&mut self) {
        if let Some(mut daemon) = self.daemon.take() {
            let _ = daemon.kill();
            let _ = daemon.wait();
        }
    }

    /// The bus address, `unix:path=…/bus`.
    pub fn bus_address(&self) -> &str {
        &self.address
    }

    /// The environment a process needs to use this keyring:
    /// `DBUS_SESSION_BUS_ADDRESS`.
    pub fn vars(&self) -> [(&'static str, &str); 1] {
        [("DBUS_SESSION_BUS_ADDRESS", self.address.as_str())]
    }

    /// Points `cmd` at this keyring ([`Keyring::vars`]).
    pub fn env<'c>(&self, cmd: &'c mut Command) -> &'c mut Command {
        cmd.envs(self.vars())
    }

    /// The keyring's files (`data/keyrings/login.keyring` is the collection).
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// Whether the bus answers a call.
    fn bus_answers(&self) -> bool {
        self.dbus_send("org.freedesktop.DBus.GetId", &[]).is_some()
    }

    /// Whether `name` has an owner on the bus.
    fn has_owner(&self, name: &str) -> bool {
        let output = self.dbus_send("org.freedesktop.DBus.NameHasOwner", &[&format!("string:{name}")]);
        output.is_some_and(|out| out.contains("boolean true"))
    }

    /// `dbus-send --print-reply` to the bus itself; its output on success.
    fn dbus_send(&self, method: &str, args: &[&str]) -> Option<String> {
        let output = Command::new("dbus-send")
            .arg(format!("--bus={}", self.address))
            .args(["--print-reply", "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus", method])
            .args(args)
            .stdin(Stdio::null())
            .output()
            .ok()?;
        output.status.success().then(|| String::from_utf8_lossy(&output.stdout).into_owned())
    }

    /// Polls `ready` until it holds, or fails after [`START_TIMEOUT`] or
    /// when a daemon has exited.
    fn wait_for(&mut self, what: &str, ready: impl Fn(&Keyring) -> bool) -> Result<(), String> {
        let started = Instant::now();
        loop {
            if ready(self) {
                return Ok(());
            }
            for (name, child) in [("dbus-daemon", Some(&mut self.bus)), ("gnome-keyring-daemon", self.daemon.as_mut())]
            {
                if let Some(Ok(Some(status))) = child.map(Child::try_wait) {
                    return Err(format!("{name} exited ({status}) while waiting for {what}"));
                }
            }
            if started.elapsed() > START_TIMEOUT {
                return Err(format!("{what} not ready after {START_TIMEOUT:?}"));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Keyring {
    fn drop(&mut self) {
        for child in [self.daemon.as_mut(), Some(&mut self.bus)].into_iter().flatten() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// A session bus listening on `address` that lets every client talk to
/// every other and own any name, and has no service directory.
fn bus_config(address: &str) -> String {
    format!(
        r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>{address}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#
    )
}

/// `program`'s path on `PATH`.
fn which(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|dir| dir.join(program)).find(|p| p.is_file())
}
