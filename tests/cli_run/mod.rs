//! Runs the real binary as a command (no terminal), with a time limit so a
//! program stuck on a FIFO or a huge file fails the test instead of hanging
//! it. Output goes to files, not pipes: a full pipe would block the program
//! and look like a hang.
#![allow(dead_code)]

use std::fs;
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// Far above any real run; a test only waits this long when it is failing.
pub const LIMIT: Duration = Duration::from_secs(30);

pub struct Finished {
    pub status: ExitStatus,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

impl Finished {
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }
}

/// `handoff --data-dir DATA ARGS…`, with no colour and no inherited data
/// folder.
pub fn handoff(data: &Path, args: &[&str]) -> Finished {
    let mut command = Command::new(env!("CARGO_BIN_EXE_handoff"));
    command
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env_remove("HANDOFF_DATA_DIR")
        .env("NO_COLOR", "1");
    run(command)
}

/// Runs `command` to the end, killing it and failing if it outlives
/// [`LIMIT`].
pub fn run(mut command: Command) -> Finished {
    let outputs = tempfile::tempdir().expect("temp dir for output");
    let out_path = outputs.path().join("stdout");
    let err_path = outputs.path().join("stderr");
    command
        .stdin(Stdio::null())
        .stdout(fs::File::create(&out_path).expect("stdout file"))
        .stderr(fs::File::create(&err_path).expect("stderr file"));
    let shown = format!("{command:?}");
    let mut child = command.spawn().expect("start handoff");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "{shown} did not finish within {LIMIT:?}; stderr so far:\n{}",
                fs::read_to_string(&err_path).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Finished {
        status,
        stdout: fs::read(&out_path).expect("stdout"),
        stderr: fs::read(&err_path).expect("stderr"),
    }
}
