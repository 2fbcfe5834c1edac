//! One malloc heap for every thread of the program.
//!
//! glibc gives a thread that allocates a heap of its own (an "arena") and
//! never hands that memory to another thread. The workbook's content is
//! parsed on a second thread while the first screen is drawn
//! (src/deferred.rs): the parse's scratch memory, about 0.2 MB against the
//! 0.08 MB of workbook it leaves behind, stayed resident in that thread's
//! heap for the whole session, with the workbook scattered through it.
//! In one shared heap the screens that follow reuse it: peak memory at
//! 80×24 falls by about 0.15 MB (docs/PERFORMANCE.md).
//!
//! Sharing costs no time worth measuring: the threads handoff starts
//! (content loading, the history index's stamps) allocate little, and
//! glibc serves small allocations from a per-thread cache without the
//! heap's lock. tests/footprint.rs checks there is no second heap.

/// Must run before the first thread is started.
pub fn share_one_heap() {
    // SAFETY: mallopt only sets a tunable of the allocator; called before
    // any other thread exists, nothing else is allocating meanwhile.
    // Its result is ignored: if glibc refuses, each thread keeps its own
    // heap, as it would have anyway.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
    }
}
