//! A draft changed on disk by another program while handoff has it open:
//! the next save notices, leaves that file exactly as the other program
//! wrote it, says so on the status line naming the file, and saves the
//! answers beside it, where later saves go too. Both drafts can be resumed.
//!
//! ```sh
//! cargo test --test fault_changed
//! ```

mod data_folder;
mod pty;

use std::fs;
use std::time::{Duration, Instant};

use pty::{Key, PATIENCE, Tty};

#[test]
fn a_draft_edited_by_another_program_is_never_overwritten() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    let mut tty = Tty::spawn(&data, 200, 30);
    tty.start_first_assessment("Ana");
    tty.key(Key::Enter);
    tty.wait_for("Enter done");
    tty.type_text("mine");
    tty.wait_for("mine");

    // Another program (an editor, a sync tool) rewrites the draft.
    let draft = data_folder::survey(&data).drafts.remove(0);
    let text = fs::read_to_string(&draft).expect("read");
    assert!(text.contains("role = \"mine\""), "{text}");
    fs::write(&draft, text.replace("role = \"mine\"", "role = \"theirs\"")).expect("edit");
    let theirs = fs::read(&draft).expect("read");

    tty.type_text(" too");
    let relative = draft
        .strip_prefix(&data)
        .expect("inside")
        .display()
        .to_string();
    let beside = relative.replace(".toml", "-2.toml");
    let screen = tty.wait_for("Not overwritten:");
    assert!(
        screen.contains(&format!(
            "Not overwritten: {relative} was changed by another program. Your answers are saved beside it, in {beside}."
        )),
        "{screen}"
    );
    tty.type_text(" and more");
    tty.wait_for("mine too and more");
    let start = Instant::now();
    let survey = loop {
        let survey = data_folder::survey(&data);
        let done = survey.drafts.iter().any(|path| {
            fs::read_to_string(path).is_ok_and(|text| text.contains("role = \"mine too and more\""))
        });
        if done {
            break survey;
        }
        assert!(
            start.elapsed() < PATIENCE,
            "the answers never reached disk: {survey:?}"
        );
        std::thread::sleep(Duration::from_millis(10));
    };
    assert_eq!(
        survey.drafts.len(),
        2,
        "both versions, nothing more: {survey:?}"
    );
    assert_eq!(
        fs::read(&draft).expect("read"),
        theirs,
        "their file was touched"
    );
    tty.key(Key::Enter);
    tty.type_text("q");
    assert_eq!(tty.wait_exit(), Some(0));

    // Both drafts are offered when the person is opened again.
    let mut tty = Tty::spawn(&data, 100, 30);
    tty.wait_for("Ana");
    tty.key(Key::Enter);
    let screen = tty.wait_for("Resume the draft");
    assert_eq!(screen.matches("Resume the draft").count(), 2, "{screen}");
    tty.type_text("q");
    tty.wait_exit();
}
