//! What the running program loads. The system's maths library is not among
//! them: handoff defines the one function a dependency refers to
//! (src/without_system_libm.rs), and loading libm for it cost 0.4 MB.

mod pty;

use std::fs;

use pty::Tty;

#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn the_running_program_has_not_loaded_libm() {
    let dir = tempfile::tempdir().expect("temp");
    let mut tty = Tty::spawn(&dir.path().join("data"), 80, 24);
    tty.wait_for("Whose workbook is this?");
    let maps = fs::read_to_string(format!("/proc/{}/maps", tty.pid())).expect("maps");
    assert!(
        maps.contains("libc.so"),
        "the maps are the program's: {maps}"
    );
    assert!(!maps.contains("libm.so"), "libm is loaded: {maps}");
    tty.type_text("q");
    assert_eq!(tty.wait_exit(), Some(0));
}
