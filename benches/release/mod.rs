//! The programs the terminal benchmark runs, built exactly as a user
//! builds them (`cargo build --release`): `cargo bench` builds handoff with
//! its own `bench` profile, and the figures must be the release build's.

use std::path::PathBuf;
use std::process::Command;

/// Builds `what` (`["--bin", "handoff"]`, `["--example", "floor"]`) with
/// the release profile and returns the program's path.
pub fn release_build(what: [&str; 2]) -> PathBuf {
    let status = Command::new(env!("CARGO"))
        .args(["build", "--release"])
        .args(what)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .expect("run cargo");
    assert!(status.success(), "cargo build --release {what:?} failed");
    // Beside the bench-profile build of handoff, which it replaces.
    let release = PathBuf::from(env!("CARGO_BIN_EXE_handoff"))
        .parent()
        .expect("target folder")
        .to_path_buf();
    match what {
        ["--example", name] => release.join("examples").join(name),
        [_, name] => release.join(name),
    }
}
