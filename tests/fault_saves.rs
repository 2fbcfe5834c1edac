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
            screen.contains("Your answers are kept here; saving is retried on your next change"),
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
            survey.half_written().is_empty(),
            "{step}: a failed save left its temporary file: {survey:?}"
        );
        assert!(
            survey.spares() <= 1,
            "{step}: more than the one file made ready for the next save: {survey:?}"
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
