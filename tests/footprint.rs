//! What the running program holds in memory beyond what it needs: no
//! system maths library (src/without_system_libm.rs: loading libm for one
//! unused function cost 0.4 MB), and one malloc heap, not one per thread
//! (src/one_malloc_heap.rs: the content-loading thread's own heap kept
//! its scratch memory for the whole session).

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

#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn the_content_thread_leaves_no_heap_of_its_own() {
    let dir = tempfile::tempdir().expect("temp");
    let mut tty = Tty::spawn(&dir.path().join("data"), 80, 24);
    // The check-in shows the workbook's content, so the thread that
    // parsed it has finished.
    tty.start_first_assessment("Robin");
    let maps = fs::read_to_string(format!("/proc/{}/maps", tty.pid())).expect("maps");
    let heaps = thread_heaps(&maps);
    assert!(
        heaps.is_empty(),
        "a thread has its own heap at {heaps:?}:\n{maps}"
    );
    tty.type_text("q");
    tty.wait_exit();
}

/// glibc reserves a thread's heap as 64 MiB of address space aligned to
/// 64 MiB, readable and writable up to what it uses and inaccessible after;
/// no other mapping of a running handoff looks like that.
fn thread_heaps(maps: &str) -> Vec<String> {
    const HEAP_RESERVATION: u64 = 64 << 20;
    let anonymous: Vec<(u64, u64, &str)> = maps
        .lines()
        .filter_map(|line| {
            let mut fields = line.split_whitespace();
            let range = fields.next()?;
            let permissions = fields.next()?;
            // offset, device, inode; a path means not anonymous
            if fields.nth(3).is_some() {
                return None;
            }
            let (start, end) = range.split_once('-')?;
            let start = u64::from_str_radix(start, 16).ok()?;
            let end = u64::from_str_radix(end, 16).ok()?;
            Some((start, end, permissions))
        })
        .collect();
    anonymous
        .windows(2)
        .filter(|pair| {
            let (start, used_end, used) = pair[0];
            let (reserved_start, end, reserved) = pair[1];
            start % HEAP_RESERVATION == 0
                && used.starts_with("rw")
                && reserved.starts_with("---")
                && used_end == reserved_start
                && end - start == HEAP_RESERVATION
        })
        .map(|pair| format!("{:x}", pair[0].0))
        .collect()
}
