//! The real binary in a real pseudo-terminal: a whole assessment typed in
//! and completed, and a SIGKILL in the middle that loses nothing.

mod data_folder;
mod pty;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use pty::{Key, PATIENCE, Tty};

fn person_files(data: &Path, folder: &str) -> Vec<PathBuf> {
    data_folder::toml_files_in(&data.join("people"), folder)
}

/// Waits until some draft holds every piece of `wanted` text.
fn wait_for_draft(data: &Path, wanted: &[&str]) -> String {
    let start = Instant::now();
    loop {
        for path in person_files(data, "drafts") {
            let text = fs::read_to_string(&path).unwrap_or_default();
            if wanted.iter().all(|piece| text.contains(piece)) {
                return text;
            }
        }
        if start.elapsed() > PATIENCE {
            let drafts: Vec<String> = person_files(data, "drafts")
                .iter()
                .map(|p| fs::read_to_string(p).unwrap_or_default())
                .collect();
            panic!("no draft with {wanted:?}; drafts: {drafts:#?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_full_assessment_typed_into_the_real_program_is_saved() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    let mut tty = Tty::spawn(&data, 100, 30);
    tty.start_first_assessment("Zoë O'Brien");

    tty.key(Key::Enter);
    tty.type_text("Design lead");
    tty.key(Key::Tab);
    tty.type_text("Handing over the research plan");
    tty.key(Key::Esc);
    tty.wait_until_gone("Esc done");

    tty.key(Key::Tab);
    tty.wait_for("Where you sit");
    tty.type_text("1");
    tty.type_text("j3");
    tty.key(Key::Tab);
    // The team sheet, left empty: one Tab passes it.
    tty.wait_for("3/11");
    tty.key(Key::Tab);
    tty.wait_for("4/11");
    tty.type_text("4");
    tty.type_text("n");
    tty.type_text("Juggling too much – 忙しい");
    tty.key(Key::Esc);
    tty.wait_for("忙しい");
    for rating in ["3", "2", "1"] {
        tty.key(Key::Tab);
        tty.type_text(rating);
    }
    tty.key(Key::Tab);
    tty.wait_for("No tasks yet");
    tty.type_text("a");
    tty.type_text("Research plan");
    tty.key(Key::Tab);
    tty.type_text("Maya");
    tty.key(Key::Esc);
    tty.type_text("mm");
    tty.wait_for("1 for learning");

    // Tab goes through the task's last two fields, then on.
    tty.key(Key::Tab);
    tty.key(Key::Tab);
    tty.key(Key::Tab);
    tty.wait_for("No commitments yet");
    // `a` adds a commitment and starts typing its first step.
    tty.type_text("a");
    tty.wait_for("First step — Enter done");
    tty.type_text("Agree the goal in writing");
    tty.key(Key::Tab);
    tty.type_text("Maya");
    tty.key(Key::Tab);
    tty.type_text("2027-01-08");
    tty.key(Key::Enter);
    tty.wait_for("2027-01-08");

    // From the date: Tab to the checkpoint, then past it to the next sheet.
    tty.key(Key::Tab);
    tty.key(Key::Tab);
    tty.wait_for("10/11");
    tty.type_text("0");
    tty.key(Key::Tab);
    tty.wait_for("Summary");
    tty.type_text("c");
    tty.wait_for("Please confirm");
    tty.type_text("y");
    tty.wait_for("Assessment complete");
    tty.type_text("q");
    assert_eq!(tty.wait_exit(), Some(0));

    let files = person_files(&data, "assessments");
    assert_eq!(files.len(), 1, "{files:?}");
    let text = fs::read_to_string(&files[0]).expect("saved");
    for piece in [
        "person = \"Zoë O'Brien\"",
        "role = \"Design lead\"",
        "situation = \"Handing over the research plan\"",
        "[placement]\nrating = 1",
        "[drivers.cognitive-load]\nrating = 4\nnote = \"Juggling too much – 忙しい\"",
        "title = \"Research plan\"",
        "to_whom = \"Maya\"",
        "mode = \"learning\"",
        "first_step = \"Agree the goal in writing\"",
        "due = 2027-01-08",
        "completed = ",
    ] {
        assert!(text.contains(piece), "missing {piece:?} in:\n{text}");
    }
    assert!(
        person_files(&data, "drafts").is_empty(),
        "the draft is removed once complete"
    );
}

#[test]
fn sigkill_mid_assessment_loses_no_answer() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    let mut tty = Tty::spawn(&data, 80, 24);
    tty.start_first_assessment("Sam");
    tty.leave_check_in();
    tty.type_text("3");
    // Past the team sheet, left empty, to the drivers.
    tty.key(Key::Tab);
    tty.wait_for("3/11");
    tty.key(Key::Tab);
    tty.wait_for("4/11");
    tty.type_text("2j4");
    tty.type_text("n");
    tty.type_text("half a thou");
    wait_for_draft(
        &data,
        &[
            "[placement]\nrating = 3",
            "rating = 2",
            "rating = 4",
            "note = \"half a thou\"",
        ],
    );
    tty.signal(libc::SIGKILL);
    tty.wait_exit();
    drop(tty);

    let mut tty = Tty::spawn(&data, 80, 24);
    tty.wait_for("Sam");
    tty.key(Key::Enter);
    tty.wait_for("Resume the draft");
    tty.key(Key::Enter);
    tty.wait_for("Your role and context");
    tty.leave_check_in();
    tty.wait_for("Where you sit");
    // The placement given before the kill is marked as the answer.
    tty.wait_for("● I lean towards letting go too soon");
    tty.key(Key::Tab);
    tty.wait_for("3/11");
    tty.key(Key::Tab);
    tty.wait_for("4/11");
    tty.type_text("j");
    tty.wait_for("half a thou");
    tty.type_text("q");
    tty.wait_exit();
}

#[test]
fn the_terminal_is_restored_on_sigterm_and_the_draft_kept() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    let mut tty = Tty::spawn(&data, 80, 24);
    tty.start_first_assessment("Ana");
    tty.leave_check_in();
    tty.type_text("4");
    wait_for_draft(&data, &["[placement]\nrating = 4"]);
    tty.signal(libc::SIGTERM);
    tty.wait_exit();
    let raw = tty.raw.lock().map(|raw| raw.clone()).unwrap_or_default();
    let tail = String::from_utf8_lossy(&raw[raw.len().saturating_sub(200)..]).to_string();
    assert!(
        tail.contains("\x1b[?1049l"),
        "main screen not restored: {tail:?}"
    );
    assert!(
        tail.contains("\x1b[?25h"),
        "cursor not shown again: {tail:?}"
    );
}

#[test]
fn a_second_window_is_told_and_can_open_once_the_first_is_killed() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    let mut first = Tty::spawn(&data, 80, 24);
    first.start_first_assessment("Ana");

    let mut second = Tty::spawn(&data, 80, 24);
    second.wait_for("Ana");
    second.key(Key::Enter);
    second.wait_for("Resume the draft");
    second.key(Key::Enter);
    second.wait_for("open in another handoff window");

    first.signal(libc::SIGKILL);
    first.wait_exit();
    second.key(Key::Enter);
    second.wait_for("Your role and context");
}

#[test]
fn closing_the_terminal_saves_the_draft_and_exits() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    let mut tty = Tty::spawn(&data, 80, 24);
    tty.start_first_assessment("Ana");
    tty.leave_check_in();
    tty.type_text("0");
    wait_for_draft(&data, &["[placement]\nrating = 0"]);
    tty.hang_up();
    // wait_exit fails the test if the program lingers (for instance spinning
    // on a dead terminal).
    let exit = tty.wait_exit();
    assert!(matches!(exit, Some(129 | 130)), "exit {exit:?}");
    wait_for_draft(&data, &["[placement]\nrating = 0"]);
}

#[test]
fn resizing_while_typing_a_note_loses_nothing() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    let mut tty = Tty::spawn(&data, 100, 30);
    tty.start_first_assessment("Ana");
    tty.leave_check_in();
    tty.type_text("n");
    tty.type_text("before the resize ");
    for (cols, rows) in [(60, 20), (30, 8), (200, 60), (61, 21), (100, 30)] {
        tty.resize(cols, rows);
        std::thread::sleep(Duration::from_millis(60));
    }
    tty.wait_for("before the resize");
    tty.type_text("and after");
    tty.key(Key::Esc);
    wait_for_draft(&data, &["note = \"before the resize and after\""]);
    tty.type_text("q");
    assert_eq!(tty.wait_exit(), Some(0));
}

/// Rates the first driver and completes the assessment from the check-in.
fn rate_driver_and_complete(tty: &mut Tty, rating: &str) {
    tty.leave_check_in();
    tty.key(Key::Tab);
    tty.wait_for("3/11");
    tty.key(Key::Tab);
    tty.wait_for("4/11");
    tty.type_text(rating);
    tty.go_to_summary();
    tty.type_text("c");
    tty.wait_for("Please confirm");
    tty.type_text("y");
    tty.wait_for("Assessment complete");
}

#[test]
fn two_assessments_compared_in_the_real_program_show_the_change() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    let mut tty = Tty::spawn(&data, 100, 40);
    tty.start_first_assessment("Lee");
    rate_driver_and_complete(&mut tty, "4");
    tty.wait_for("Start a new assessment");
    // Saved times have whole seconds; a person does not start two
    // assessments within one.
    std::thread::sleep(Duration::from_millis(1100));
    tty.key(Key::Enter);
    tty.wait_for("Your role and context");
    rate_driver_and_complete(&mut tty, "1");
    tty.wait_for("Look back: 2 completed");
    tty.type_text("j");
    tty.key(Key::Enter);
    tty.wait_for("2 completed");
    tty.type_text("c");
    tty.wait_for("compared");
    for _ in 0..4 {
        tty.key(Key::Down);
    }
    tty.wait_for("What drives it");
    // The driver went from 4 to 1: less pressure, said in words.
    tty.wait_for("better (down 75 points");
    tty.type_text("q");
    assert_eq!(tty.wait_exit(), Some(0));
}

#[test]
fn no_color_in_the_environment_means_no_colour_codes_on_the_wire() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    let mut tty = Tty::spawn_with(&data, 100, 30, &[("NO_COLOR", "1")]);
    tty.start_first_assessment("Ana");
    tty.leave_check_in();
    tty.type_text("2");
    tty.wait_for("your answer");
    let raw = tty.raw.lock().map(|raw| raw.clone()).unwrap_or_default();
    let text = String::from_utf8_lossy(&raw);
    for colour in [
        "\x1b[31m", "\x1b[32m", "\x1b[33m", "\x1b[36m", "\x1b[38;", "\x1b[48;", "\x1b[90m",
        "\x1b[96m", "\x1b[93m",
    ] {
        assert!(
            !text.contains(colour),
            "colour code {colour:?} sent despite NO_COLOR"
        );
    }
    tty.type_text("q");
    tty.wait_exit();
}

/// A terminal that does not clear when the program takes it (one that
/// ignores the switch to the alternate screen, or one still showing what
/// a killed run left): the first frame's blank cells must be blank, not
/// the text that was there before.
#[test]
fn text_already_on_the_terminal_does_not_show_through_the_first_frame() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    let junk = "~JUNK~".repeat(16);
    let script = format!("for i in $(seq 30); do printf '%s\\r\\n' '{junk}'; done; exec \"$0\"");
    let mut tty = Tty::spawn_under(&["sh", "-c", &script], &data, 96, 30, &[]);
    tty.wait_for("Whose workbook is this?");
    let raw = tty.raw.lock().map(|raw| raw.clone()).unwrap_or_default();
    let text = String::from_utf8_lossy(&raw);
    assert!(text.contains(&junk), "the junk was not printed first");
    // The same bytes on a terminal that stays on the screen it had.
    let size = |cells| std::num::NonZeroU16::new(cells).expect("a size");
    let mut ignoring = vt100::Parser::new(size(30), size(96), 0);
    ignoring.process(text.replace("\x1b[?1049h", "").as_bytes());
    let screen = ignoring.screen().contents();
    assert!(
        screen.contains("Whose workbook is this?"),
        "the frame is drawn:\n{screen}"
    );
    assert!(
        !screen.contains("JUNK"),
        "earlier text shows through blank cells:\n{screen}"
    );
    tty.type_text("q");
    assert_eq!(tty.wait_exit(), Some(0));
}
