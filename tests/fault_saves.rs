//! A save that fails in the running program, at each step of the atomic
//! write (create, write, sync, rename, sync the folder): the status line
//! says so, the program keeps running with the answers in memory, the file
//! on disk is the previous one byte for byte, and once the fault is gone the
//! next change is saved and the status line says that too. The same for
//! completing an assessment.
//!
//! The fault comes from a debug-build test hook (`HANDOFF_TEST_FAIL_SAVE`,
//! see src/fault_injection.rs), so each step can be made to fail on its own;
//! tests/fault_filesystem.rs does the same with a real read-only mount and
//! a real full disk.
//!
//! ```sh
//! cargo test --test fault_saves
//! ```

// The hook exists in debug builds only.
#![cfg(debug_assertions)]

mod data_folder;
mod pty;

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use pty::{Key, PATIENCE, Tty};

const STEPS: [&str; 5] = ["create", "write", "sync", "rename", "sync-folder"];

fn spawn_failing(data: &Path, step: &str, trigger: &Path) -> Tty {
    let hook = format!("{step}:{}", trigger.display());
    Tty::spawn_with(
        data,
        200,
        30,
        &[(handoff::fault_injection::FAIL_SAVE_ENV, &hook)],
    )
}

/// The only draft, once it holds `wanted`.
fn draft_with(data: &Path, wanted: &str) -> (std::path::PathBuf, Vec<u8>) {
    let start = Instant::now();
    loop {
        let survey = data_folder::survey(data);
        if let [draft] = survey.drafts.as_slice() {
            let bytes = fs::read(draft).expect("read draft");
            if String::from_utf8_lossy(&bytes).contains(wanted) {
                return (draft.clone(), bytes);
            }
        }
        assert!(start.elapsed() < PATIENCE, "no draft with {wanted:?}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn a_draft_save_failing_at_any_step_loses_nothing_and_is_retried() {
    for step in STEPS {
        let dir = tempfile::tempdir().expect("temp");
        let data = dir.path().join("data");
        let trigger = dir.path().join("fail-now");
        let mut tty = spawn_failing(&data, step, &trigger);
        tty.start_typing_role("Ana");
        tty.type_text("first");
        let (draft, before) = draft_with(&data, "role = \"first\"");

        fs::write(&trigger, "").expect("start the fault");
        tty.type_text(" second");
        let screen = tty.wait_for("Draft NOT saved (injected failure at");
        assert!(
            screen.contains("Your answers are kept here; saving is retried with every key"),
            "{step}: {screen}"
        );
        assert!(
            screen.contains(&draft.display().to_string()),
            "{step}: the file is named"
        );
        // The reason and the reassurance come first, so an 80-column
        // status line still shows them.
        tty.resize(80, 24);
        tty.wait_until("the reassurance at 80 columns", |screen| {
            screen
                .lines()
                .any(|line| line.starts_with("! Draft NOT saved") && line.contains("kept here"))
        });
        // (It stays at 80 columns: resizing back and forth races the
        // screen parser against the program's redraw.)
        // Still running, still editing, the text still there.
        tty.wait_for("first second");
        tty.type_text(" third");
        tty.wait_for("first second third");
        let now = fs::read(&draft).expect("read draft");
        if step == "sync-folder" {
            // The new file was renamed into place; only flushing the folder
            // failed, so the new text is there but may not survive a power
            // cut. The status line still says it was not saved.
            assert!(String::from_utf8_lossy(&now).contains("first second third"));
        } else {
            assert_eq!(now, before, "{step}: the previous file changed");
        }
        let survey = data_folder::survey(&data);
        assert!(
            survey.leftovers.is_empty(),
            "{step}: a failed save left its temporary file: {survey:?}"
        );

        fs::remove_file(&trigger).expect("end the fault");
        tty.type_text("!");
        tty.wait_for("Draft saved again; nothing was lost.");
        draft_with(&data, "role = \"first second third!\"");
        tty.key(Key::Esc);
        tty.type_text("q");
        assert_eq!(tty.wait_exit(), Some(0), "{step}");
    }
}

#[test]
fn completing_while_saves_fail_at_any_step_can_be_done_once_the_fault_is_gone() {
    for step in STEPS {
        let dir = tempfile::tempdir().expect("temp");
        let data = dir.path().join("data");
        let trigger = dir.path().join("fail-now");
        let mut tty = spawn_failing(&data, step, &trigger);
        tty.start_typing_role("Ana");
        tty.type_text("finishing");
        tty.key(Key::Esc);
        draft_with(&data, "role = \"finishing\"");
        tty.go_to_summary();

        fs::write(&trigger, "").expect("start the fault");
        tty.type_text("c");
        tty.wait_for("Please confirm");
        tty.type_text("y");
        let screen = tty.wait_for("Assessment NOT saved (injected failure at");
        assert!(
            screen.contains("Nothing is lost; press c to try again."),
            "{step}: {screen}"
        );
        let survey = data_folder::survey(&data);
        assert_eq!(survey.drafts.len(), 1, "{step}: the draft is kept");

        fs::remove_file(&trigger).expect("end the fault");
        tty.type_text("c");
        tty.wait_for("Please confirm");
        tty.type_text("y");
        tty.wait_for("Assessment complete");
        let survey = data_folder::survey(&data);
        assert!(survey.drafts.is_empty(), "{step}: {survey:?}");
        assert_eq!(survey.assessments.len(), 1, "{step}: {survey:?}");
        let text = fs::read_to_string(&survey.assessments[0]).expect("read");
        assert!(text.contains("role = \"finishing\""), "{step}: {text}");
        tty.type_text("q");
        assert_eq!(tty.wait_exit(), Some(0), "{step}");
    }
}

/// Ana's role typed as "first" and saved, then " second" typed while
/// saves fail at `write`; the field is closed again. Returns the draft
/// and what it held before the fault.
fn second_not_saved(tty: &mut Tty, data: &Path, trigger: &Path) -> (std::path::PathBuf, Vec<u8>) {
    tty.start_typing_role("Ana");
    tty.type_text("first");
    let (draft, before) = draft_with(data, "role = \"first\"");
    fs::write(trigger, "").expect("start the fault");
    tty.type_text(" second");
    tty.wait_for("Draft NOT saved");
    tty.key(Key::Esc);
    tty.wait_until_gone("Enter done");
    (draft, before)
}

/// What quitting with unsaved answers prints once the terminal is given
/// back, found on the main screen.
fn assert_says_not_saved(tty: &Tty, draft: &Path, how: &str) {
    let screen = tty.screen();
    for words in [
        "handoff: Ana's latest answers were NOT saved (injected failure at Write)",
        &format!(
            "the draft on disk, {}, is older than what was on screen",
            draft.display()
        ),
    ] {
        assert!(
            screen.contains(words),
            "{how}: {words:?} not said:\n{screen}"
        );
    }
}

#[test]
fn quitting_while_saves_fail_asks_first_and_says_what_was_not_saved() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    let trigger = dir.path().join("fail-now");
    let mut tty = spawn_failing(&data, "write", &trigger);
    let (draft, before) = second_not_saved(&mut tty, &data, &trigger);

    // Moving about does not take the warning away.
    tty.key(Key::Down);
    let moved = tty.wait_for("▶ What delegation");
    assert!(moved.contains("Draft NOT saved"), "{moved}");

    for quit in [b"q".as_slice(), Key::CtrlC.bytes()] {
        tty.send(quit);
        let asked = tty.wait_for("quit and lose them");
        assert!(
            asked.contains("Ana's latest answers are NOT saved"),
            "{asked}"
        );
        tty.type_text("n");
        let stayed = tty.wait_until("the question to close", |screen| {
            !screen.contains("quit and lose them")
        });
        assert!(stayed.contains("first second"), "{stayed}");
        assert!(stayed.contains("Draft NOT saved"), "{stayed}");
    }

    tty.type_text("q");
    tty.wait_for("quit and lose them");
    tty.type_text("y");
    assert_eq!(tty.wait_exit(), Some(3), "a quit that lost answers");
    assert_says_not_saved(&tty, &draft, "quit");
    assert_eq!(fs::read(&draft).expect("draft"), before);
}

#[test]
fn a_signal_while_saves_fail_says_what_was_not_saved() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    let trigger = dir.path().join("fail-now");
    let mut tty = spawn_failing(&data, "write", &trigger);
    let (draft, before) = second_not_saved(&mut tty, &data, &trigger);
    tty.signal(libc::SIGTERM);
    assert_eq!(tty.wait_exit(), Some(130));
    assert_says_not_saved(&tty, &draft, "SIGTERM");
    assert_eq!(fs::read(&draft).expect("draft"), before);
}

#[test]
fn answers_not_saved_are_saved_on_the_way_out_once_saving_works() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    let trigger = dir.path().join("fail-now");
    let mut tty = spawn_failing(&data, "write", &trigger);
    second_not_saved(&mut tty, &data, &trigger);
    tty.type_text("q");
    tty.wait_for("quit and lose them");
    fs::remove_file(&trigger).expect("end the fault");
    tty.type_text("y");
    assert_eq!(tty.wait_exit(), Some(0), "nothing was lost");
    draft_with(&data, "role = \"first second\"");
    let screen = tty.screen();
    assert!(!screen.contains("NOT saved"), "{screen}");
}

#[test]
fn leaving_the_worksheet_while_saves_fail_asks_and_never_says_saved() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    let trigger = dir.path().join("fail-now");
    let mut tty = spawn_failing(&data, "write", &trigger);
    second_not_saved(&mut tty, &data, &trigger);
    tty.key(Key::Esc);
    tty.wait_for("Leave the worksheet anyway?");
    tty.type_text("y");
    let home = tty.wait_for("Hello, Ana.");
    assert!(!home.contains("saved as a draft"), "{home}");
    assert!(home.contains("Draft NOT saved"), "{home}");

    // Saving works again: the next key saves, and resuming shows it all.
    fs::remove_file(&trigger).expect("end the fault");
    tty.key(Key::Down);
    tty.wait_for("Draft saved again");
    draft_with(&data, "role = \"first second\"");
    tty.key(Key::Enter);
    tty.wait_for("Your role and context");
    tty.wait_for("first second");
    tty.key(Key::Esc);
    let left = tty.wait_for("Hello, Ana.");
    assert!(!left.contains("NOT saved"), "{left}");
    tty.type_text("q");
    assert_eq!(tty.wait_exit(), Some(0));
}
