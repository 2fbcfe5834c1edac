//! What the running program holds in memory beyond what it needs: one
//! malloc heap. glibc gives each
//! thread that allocates a heap of its own, which it keeps for the whole
//! session: the workbook used to be parsed on a second thread, whose heap
//! held 0.2 MB of the parse's scratch memory; it is now parsed on the main
//! thread once the first frame is up, where later screens reuse that
//! memory.

mod pty;

use std::fs;

use pty::Tty;

#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn no_thread_keeps_a_malloc_heap_full_of_scratch() {
    let dir = tempfile::tempdir().expect("temp");
    let mut tty = Tty::spawn(&dir.path().join("data"), 80, 24);
    // The check-in shows the workbook's content: it has been loaded.
    tty.start_first_assessment("Robin");
    let smaps = fs::read_to_string(format!("/proc/{}/smaps", tty.pid())).expect("smaps");
    let heaps = thread_heaps(&smaps);
    // Rust's own start of a thread allocates a few hundred bytes (its
    // stack-overflow handler, its thread-local destructors), so the hang-up
    // watchdog has a heap of one page or two; the content thread's was
    // 220 to 344 kB.
    let resident: u64 = heaps.iter().map(|heap| heap.resident_kb).sum();
    assert!(
        resident <= 16,
        "threads' own heaps hold {resident} kB: {heaps:?}"
    );
    tty.type_text("q");
    tty.wait_exit();
}

#[derive(Debug)]
struct Mapping {
    start: u64,
    end: u64,
    permissions: String,
    anonymous: bool,
    resident_kb: u64,
}

/// Each mapping of /proc/<pid>/smaps: its header line, then a field per
/// line, of which only `Rss` is read.
fn mappings(smaps: &str) -> Vec<Mapping> {
    let mut mappings: Vec<Mapping> = Vec::new();
    for line in smaps.lines() {
        let mut fields = line.split_whitespace();
        let Some(first) = fields.next() else { continue };
        if first == "Rss:" {
            if let Some(mapping) = mappings.last_mut() {
                mapping.resident_kb = fields.next().and_then(|kb| kb.parse().ok()).unwrap_or(0);
            }
            continue;
        }
        let Some((start, end)) = first.split_once('-') else {
            continue;
        };
        let (Ok(start), Ok(end)) = (u64::from_str_radix(start, 16), u64::from_str_radix(end, 16))
        else {
            continue;
        };
        let permissions = fields.next().unwrap_or_default().to_string();
        // offset, device, inode; then a path, unless anonymous
        mappings.push(Mapping {
            start,
            end,
            permissions,
            anonymous: fields.nth(3).is_none(),
            resident_kb: 0,
        });
    }
    mappings
}

/// glibc reserves a thread's heap as 64 MiB of address space aligned to
/// 64 MiB, readable and writable up to what it uses and inaccessible after;
/// no other mapping of a running handoff looks like that.
fn thread_heaps(smaps: &str) -> Vec<Mapping> {
    const HEAP_RESERVATION: u64 = 64 << 20;
    let mut all = mappings(smaps)
        .into_iter()
        .filter(|mapping| mapping.anonymous);
    let mut heaps = Vec::new();
    let Some(mut previous) = all.next() else {
        return heaps;
    };
    for next in all {
        let is_heap = previous.start % HEAP_RESERVATION == 0
            && previous.permissions.starts_with("rw")
            && next.permissions.starts_with("---")
            && previous.end == next.start
            && next.end - previous.start == HEAP_RESERVATION;
        if is_heap {
            heaps.push(std::mem::replace(&mut previous, next));
        } else {
            previous = next;
        }
    }
    heaps
}
