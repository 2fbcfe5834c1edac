//! The programs the terminal benchmarks run, built exactly as a user
//! builds them (`cargo build --release`). `cargo bench` builds handoff
//! with its own `bench` profile, which names the functions differently;
//! the hot-code list (src/hot_code.txt) must match the release build's
//! names, and the figures must be the release build's.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
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

/// How many of the names in src/hot_code.txt `binary` has, and how many
/// there are: fewer found means the list has gone stale (renamed code,
/// changed dependencies or compiler) and `cargo bench --bench hot_code`
/// should record it again. `None` without a list or without `nm`.
pub fn hot_code_coverage(binary: &Path) -> Option<(usize, usize)> {
    let list = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/hot_code.txt");
    let text = fs::read_to_string(list).ok()?;
    let symbols = Command::new("nm").arg(binary).output().ok()?;
    let symbols = String::from_utf8_lossy(&symbols.stdout);
    let present: HashSet<&str> = symbols
        .lines()
        .filter_map(|line| line.split_whitespace().nth(2))
        .collect();
    let listed: Vec<&str> = text
        .lines()
        .filter(|line| !line.starts_with('#') && !line.is_empty())
        .collect();
    let found = listed.iter().filter(|name| present.contains(*name)).count();
    Some((found, listed.len()))
}
