//! Real file-system faults, not injected ones: the data folder turns
//! read-only under the running program, and the disk fills up. Root ignores
//! permission bits, so each program runs in a mount namespace of its own
//! (`unshare -m`), where the test lays a read-only mount over its people
//! folder or gives it a tiny tmpfs, from outside, with `nsenter`.
//!
//! In both, the status line says so, the program keeps the answers in
//! memory, the draft on disk stays byte-identical, and the next change after
//! the fault is gone is saved.
//!
//! ```sh
//! cargo test --test fault_filesystem
//! ```

mod data_folder;
mod pty;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use pty::{Key, PATIENCE, Tty};

/// Mount namespaces need root. On a developer's own machine, as a normal
/// user, these tests say so and stop; under CI (root, `CI` set) they always
/// run, and a machine that cannot make the namespace fails loudly.
fn can_make_mount_namespaces() -> bool {
    // SAFETY: geteuid only reads the process's own user id.
    let root = unsafe { libc::geteuid() } == 0;
    if !root && std::env::var_os("CI").is_none() {
        eprintln!("fault_filesystem: not run (mount namespaces need root; CI runs them)");
        return false;
    }
    true
}

/// `unshare`, `nsenter` and `mount` are util-linux, on every Debian
/// machine.
fn in_own_mount_namespace(data: &Path, setup: &str) -> Tty {
    fs::create_dir_all(data).expect("data folder");
    // `$0` is the handoff binary (spawn_under appends it); `exec` keeps one
    // process, so the pty's child is handoff itself, inside the namespace.
    let script = format!("set -e; D=\"$HANDOFF_DATA_DIR\"; {setup}; exec \"$0\"");
    Tty::spawn_under(&["unshare", "-m", "sh", "-c", &script], data, 200, 30, &[])
}

/// Runs `command` in the program's mount namespace.
fn in_namespace_of(tty: &Tty, command: &str) {
    let output = Command::new("nsenter")
        .args(["-t", &tty.pid().to_string(), "-m", "sh", "-c", command])
        .output()
        .expect("run nsenter");
    assert!(
        output.status.success(),
        "{command}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The program's drafts, as the program sees them (its mounts, not ours).
fn drafts_seen_by(tty: &Tty, data: &Path) -> Vec<PathBuf> {
    let inside = Path::new("/proc")
        .join(tty.pid().to_string())
        .join("root")
        .join(data.strip_prefix("/").expect("absolute data folder"));
    data_folder::toml_files_in(&inside.join("people"), "drafts")
}

fn draft_holding(tty: &Tty, data: &Path, wanted: &str) -> (PathBuf, Vec<u8>) {
    let start = Instant::now();
    loop {
        if let [draft] = drafts_seen_by(tty, data).as_slice() {
            let bytes = fs::read(draft).expect("read draft");
            if String::from_utf8_lossy(&bytes).contains(wanted) {
                return (draft.clone(), bytes);
            }
        }
        assert!(start.elapsed() < PATIENCE, "no draft holding {wanted:?}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn a_data_folder_turned_read_only_loses_nothing_and_saving_resumes() {
    if !can_make_mount_namespaces() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    let mut tty = in_own_mount_namespace(&data, "true");
    tty.start_typing_role("Ana");
    tty.type_text("first");
    let (draft, before) = draft_holding(&tty, &data, "role = \"first\"");

    // A read-only mount laid over the people folder (remounting the folder
    // itself is refused while handoff holds its lock file open).
    let people = data.join("people");
    in_namespace_of(
        &tty,
        &format!("mount --bind -o ro '{0}' '{0}'", people.display()),
    );
    tty.type_text(" second");
    tty.wait_for("Draft NOT saved");
    tty.type_text(" third");
    let screen = tty.wait_for("Read-only file system");
    assert!(screen.contains("NOT saved"), "{screen}");
    tty.wait_for("first second third");
    assert_eq!(
        fs::read(&draft).expect("draft"),
        before,
        "the draft changed"
    );

    in_namespace_of(&tty, &format!("umount '{}'", people.display()));
    tty.type_text("!");
    tty.wait_for("Draft saved again");
    draft_holding(&tty, &data, "role = \"first second third!\"");
    tty.key(Key::Esc);
    tty.type_text("q");
    assert_eq!(tty.wait_exit(), Some(0));
}

#[test]
fn a_full_disk_loses_nothing_and_saving_resumes_once_there_is_room() {
    if !can_make_mount_namespaces() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    // 256 KiB, nearly all taken by a filler file: room for the person and
    // a small draft, not for a long note.
    let mut tty = in_own_mount_namespace(
        &data,
        "mount -t tmpfs -o size=256k,mode=0700 tmpfs \"$D\"; \
         head -c 196608 /dev/zero > \"$D/filler\"",
    );
    tty.start_typing_role("Ana");
    tty.type_text("short");
    let (draft, before) = draft_holding(&tty, &data, "role = \"short\"");

    // A long paste: its draft cannot fit.
    let long = "x".repeat(96 * 1024);
    tty.paste(&long);
    let screen = tty.wait_for("Draft NOT saved");
    assert!(screen.contains("No space left"), "{screen}");
    assert_eq!(
        fs::read(&draft).expect("draft"),
        before,
        "the draft changed"
    );

    in_namespace_of(&tty, &format!("rm '{}/filler'", data.display()));
    tty.type_text("!");
    tty.wait_for("Draft saved again");
    let (_, after) = draft_holding(&tty, &data, "!\"");
    assert!(
        String::from_utf8_lossy(&after).contains(&format!("short{long}!")),
        "the pasted text was kept in memory and saved whole"
    );
    tty.key(Key::Esc);
    tty.type_text("q");
    assert_eq!(tty.wait_exit(), Some(0));
}

#[test]
fn quitting_on_a_full_disk_asks_first_and_says_what_was_not_saved() {
    if !can_make_mount_namespaces() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    let mut tty = in_own_mount_namespace(
        &data,
        "mount -t tmpfs -o size=64k,mode=0700 tmpfs \"$D\"; \
         head -c 40960 /dev/zero > \"$D/filler\"",
    );
    tty.start_typing_role("Ana");
    tty.type_text("short");
    let (draft, before) = draft_holding(&tty, &data, "role = \"short\"");
    tty.paste(&"x".repeat(48 * 1024));
    tty.wait_for("No space left");
    tty.key(Key::Esc);
    tty.wait_until_gone("Enter done");
    tty.type_text("q");
    let asked = tty.wait_for("quit and lose them");
    assert!(
        asked.contains("Ana's latest answers are NOT saved"),
        "{asked}"
    );
    // Read through the program's own mounts, which end with it.
    assert_eq!(
        fs::read(&draft).expect("draft"),
        before,
        "the draft changed"
    );
    tty.type_text("y");
    assert_eq!(tty.wait_exit(), Some(3));
    let said = tty.screen();
    assert!(
        said.contains("handoff: Ana's latest answers were NOT saved (No space left on device"),
        "{said}"
    );
}
