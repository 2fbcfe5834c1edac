//! Plain mode through the real binary in a pseudo-terminal: a whole
//! assessment writes no escape sequence at all, and a kill loses nothing
//! it said was saved.

mod pty;

use std::time::{Duration, Instant};

use handoff::store::{Listed, Store};
use pty::{PATIENCE, Tty};

const WHOLE_ASSESSMENT: &str = include_str!("fixtures/plain/whole_assessment.txt");

fn raw(tty: &Tty) -> Vec<u8> {
    tty.raw.lock().map(|raw| raw.clone()).unwrap_or_default()
}

/// Waits until the program has printed `text` `times` times in all.
fn wait_for_count(tty: &Tty, text: &str, times: usize) {
    let start = Instant::now();
    loop {
        let said = String::from_utf8_lossy(&raw(tty)).matches(text).count();
        if said >= times {
            return;
        }
        assert!(
            start.elapsed() < PATIENCE,
            "waited for {text:?} {times} times; saw it {said}:\n{}",
            String::from_utf8_lossy(&raw(tty))
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_whole_assessment_in_a_dumb_terminal_writes_no_escape_sequence() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    // No --plain: TERM=dumb alone chooses plain mode.
    let mut tty = Tty::spawn_with(&data, 80, 24, &[("TERM", "dumb")]);
    for line in WHOLE_ASSESSMENT.lines() {
        tty.type_text(line);
        tty.send(b"\r");
    }
    assert_eq!(tty.wait_exit(), Some(0));
    let bytes = raw(&tty);
    let text = String::from_utf8(bytes.clone()).expect("plain mode writes UTF-8");
    assert!(!bytes.contains(&0x1b), "an ESC byte was written:\n{text}");
    let c1: Vec<char> = text
        .chars()
        .filter(|c| ('\u{80}'..='\u{9f}').contains(c))
        .collect();
    assert!(c1.is_empty(), "C1 controls written: {c1:?}");
    assert!(text.contains("Assessment complete"), "{text}");
    let store = Store::new(&data);
    let person = store.find_person("Ana Lima").expect("people").expect("Ana");
    assert!(matches!(
        store.history(&person).as_slice(),
        [Listed::Readable { .. }]
    ));
}

#[test]
fn a_kill_loses_nothing_plain_mode_said_was_saved() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    let mut tty = Tty::spawn_args(&data, 80, 24, &["--plain"]);
    for line in ["add", "Kim Park", "1", "Team lead"] {
        tty.type_text(line);
        tty.send(b"\r");
    }
    // The new assessment's first save, then the role's.
    wait_for_count(&tty, "Saved.", 2);
    tty.signal(libc::SIGKILL);
    tty.wait_killed();
    let store = Store::new(&data);
    let person = store.find_person("Kim Park").expect("people").expect("Kim");
    match store.drafts(&person).as_slice() {
        [Listed::Readable { loaded, .. }] => {
            assert_eq!(loaded.assessment.check_in.role, "Team lead")
        }
        other => panic!("one readable draft expected: {other:?}"),
    }
}
