//! Two handoff windows on the same person: only one can write at a time,
//! the other is told so plainly (and can still read the cards), the
//! workbook passes between them with every answer kept and no second
//! draft, and a window killed with SIGKILL never leaves the lock stuck.
//!
//! ```sh
//! cargo test --test fault_two_windows
//! ```

mod data_folder;
mod pty;

use pty::{Key, Tty};

const BUSY: &str = "Ana's workbook is open in another handoff window";

fn open_person(tty: &mut Tty) {
    tty.wait_for("Ana");
    tty.key(Key::Enter);
    tty.wait_for("Resume the draft");
}

/// From a person's page, resume the draft and append to the role.
fn resume_and_type(tty: &mut Tty, text: &str) {
    tty.key(Key::Enter);
    tty.wait_for("Your role and context");
    tty.key(Key::Enter);
    tty.wait_for("Enter done");
    tty.type_text(text);
    tty.wait_for(text);
}

#[test]
fn the_workbook_passes_between_two_windows_without_losing_or_mixing_answers() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    let mut first = Tty::spawn(&data, 100, 30);
    first.start_first_assessment("Ana");
    first.key(Key::Enter);
    first.wait_for("Enter done");
    first.type_text("one");
    first.wait_for("one");

    let mut second = Tty::spawn(&data, 100, 30);
    open_person(&mut second);
    let mut expected = String::from("one");
    // Three hand-overs: a normal quit, a SIGKILL, a normal quit.
    for (round, ending) in [(1, "quit"), (2, "kill"), (3, "quit")] {
        // The waiting window is refused, both for the draft and for a new
        // assessment, and can still read the cards.
        second.key(Key::Enter);
        second.wait_for(BUSY);
        second.key(Key::Down);
        second.key(Key::Enter);
        second.wait_for(BUSY);
        second.key(Key::Down);
        second.key(Key::Enter);
        second.wait_for("Reference cards");
        second.key(Key::Esc);
        second.wait_for("Resume the draft");
        second.key(Key::Up);
        second.key(Key::Up);

        // Typed after the waiting window listed the drafts: its list is now
        // older than the file, and resuming must not bring the old copy back.
        let late = format!(" late{round}");
        first.type_text(&late);
        first.wait_for(&late);
        expected.push_str(&late);
        match ending {
            "quit" => {
                first.key(Key::Esc);
                first.type_text("q");
                assert_eq!(first.wait_exit(), Some(0), "round {round}");
            }
            _ => {
                first.signal(libc::SIGKILL);
                first.wait_killed();
            }
        }
        // The lock is free at once, and the waiting window gets every
        // answer the first one saved.
        drop(first);
        let text = format!(" {round}");
        resume_and_type(&mut second, &text);
        expected.push_str(&text);
        second.wait_for(&expected);
        first = second;
        second = Tty::spawn(&data, 100, 30);
        open_person(&mut second);
    }
    first.key(Key::Esc);
    first.type_text("q");
    first.wait_exit();
    second.type_text("q");
    second.wait_exit();

    let survey = data_folder::survey(&data);
    assert_eq!(
        survey.drafts.len(),
        1,
        "one draft, never a mixed second: {survey:?}"
    );
    let role = handoff::store::read_assessment(&survey.drafts[0])
        .expect("parses")
        .assessment
        .check_in
        .role;
    assert_eq!(role, expected);
}

#[test]
fn a_draft_open_in_another_window_cannot_be_thrown_away_from_this_one() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    let mut first = Tty::spawn(&data, 100, 30);
    first.start_typing_role("Ana");
    first.type_text("Team lead");
    first.wait_for("Team lead");

    let mut second = Tty::spawn(&data, 100, 30);
    open_person(&mut second);
    second.type_text("d");
    second.wait_for("Throw away the draft");
    second.type_text("y");
    second.wait_for("Nothing was thrown away: Ana's workbook is open in another handoff window");
    assert_eq!(data_folder::survey(&data).drafts.len(), 1);

    // A change after this page listed the draft: a version it has not
    // shown, so it is not thrown away either, but shown as it is now.
    first.type_text(", two reports");
    first.wait_for("two reports");
    first.key(Key::Esc);
    first.key(Key::Esc);
    first.type_text("q");
    assert_eq!(first.wait_exit(), Some(0));
    second.type_text("d");
    second.wait_for("Throw away the draft");
    second.type_text("y");
    second.wait_for("it changed since it was listed");
    assert_eq!(data_folder::survey(&data).drafts.len(), 1);
    second.type_text("d");
    second.wait_for("Throw away the draft");
    second.type_text("y");
    second.wait_for("was thrown away");
    assert!(data_folder::survey(&data).drafts.is_empty());
    second.type_text("q");
    second.wait_exit();
}
