//! Answers on screen that could not be written to their draft: the app
//! says so on every frame until a save works, asks before quitting or
//! leaving the worksheet, never says "saved" meanwhile, and keeps trying.
//! Driven through `App::handle_key` with a store whose saves fail, as the
//! event loop drives it (each key, then the effects it asked for), and
//! drawn into ratatui's test backend. tests/fault_saves.rs does the same
//! with the real program.

mod common;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use common::{ctrl, press, press_without_effects, render, type_text};
use handoff::app::{App, Screen};
use handoff::store::{Person, WriteStep};
use handoff::ui::screens::{HomeScreen, SessionScreen};

/// Ana's session on the check-in, over her home page; saves work.
fn session(dir: &tempfile::TempDir) -> (App, Person) {
    let mut app = common::app(dir);
    let person = app.store.add_person("Ana").expect("person");
    let mut assessment = common::full_assessment("Ana");
    assessment.check_in.role = String::new();
    let session = SessionScreen::new(handoff::session::Session::resume(
        person.clone(),
        assessment,
        None,
        common::clock,
    ));
    let mut home = HomeScreen::new(person.clone());
    let mut status = None;
    home.reload(&app.store, app.workbook(), &mut status);
    app.screens.push(Screen::Home(home));
    app.screens.push(Screen::Session(Box::new(session)));
    app.set_size(100, 30);
    (app, person)
}

fn fail_saves(app: &mut App, step: Option<WriteStep>) {
    app.store = app.store.clone().failing_at(step);
}

/// The screen's words in one line, box edges and line ends taken out, so
/// a check does not depend on where a sentence wraps.
fn screen(app: &App) -> String {
    flat(&render(app, 100, 30))
}

/// The words inside the box drawn over the screen (the only thing drawn
/// with side borders at this width), in one line.
fn in_box(app: &App) -> String {
    let screen = render(app, 100, 30);
    let inside: Vec<&str> = screen
        .lines()
        .filter_map(|line| {
            let start = line.find('│')?;
            let end = line.rfind('│').filter(|end| *end > start)?;
            Some(&line[start + '│'.len_utf8()..end])
        })
        .collect();
    flat(&inside.join("\n"))
}

fn flat(screen: &str) -> String {
    screen
        .replace(['│', '\n'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The role in Ana's only draft on disk.
fn role_on_disk(app: &App, person: &Person) -> String {
    let drafts = app.store.drafts(person);
    let [handoff::store::Listed::Readable { loaded, .. }] = drafts.as_slice() else {
        panic!("not one readable draft: {drafts:?}");
    };
    loaded.assessment.check_in.role.clone()
}

/// Ana's session with "first" typed and saved, then " second" typed while
/// saves fail at `write`, still in the role field.
fn unsaved_second(dir: &tempfile::TempDir) -> (App, Person) {
    let (mut app, person) = session(dir);
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "first");
    assert_eq!(role_on_disk(&app, &person), "first");
    fail_saves(&mut app, Some(WriteStep::Write));
    type_text(&mut app, " second");
    (app, person)
}

#[test]
fn a_failed_save_stays_on_the_status_line_through_navigation_until_a_save_works() {
    let dir = tempfile::tempdir().expect("temp");
    let (mut app, person) = unsaved_second(&dir);
    assert!(screen(&app).contains("Draft NOT saved"), "{}", screen(&app));
    press(&mut app, KeyCode::Esc);
    for code in [KeyCode::Down, KeyCode::Up, KeyCode::Tab, KeyCode::BackTab] {
        press(&mut app, code);
        let shown = screen(&app);
        assert!(
            shown.contains("Draft NOT saved"),
            "{code:?} took the warning away:\n{shown}"
        );
    }
    assert_eq!(role_on_disk(&app, &person), "first");

    // A key that changes nothing is enough to try again.
    fail_saves(&mut app, None);
    press(&mut app, KeyCode::Down);
    let shown = screen(&app);
    assert!(!shown.contains("NOT saved"), "{shown}");
    assert!(
        shown.contains("Draft saved again; nothing was lost."),
        "{shown}"
    );
    assert_eq!(role_on_disk(&app, &person), "first second");
}

#[test]
fn quitting_while_unsaved_asks_first_and_names_what_would_be_lost() {
    let dir = tempfile::tempdir().expect("temp");
    let (mut app, _) = unsaved_second(&dir);
    press(&mut app, KeyCode::Esc);
    for (quit, modifiers) in [
        (KeyCode::Char('q'), KeyModifiers::NONE),
        (KeyCode::Char('c'), KeyModifiers::CONTROL),
    ] {
        for stay in [KeyCode::Char('n'), KeyCode::Esc] {
            press(&mut app, KeyEvent::new(quit, modifiers));
            assert!(app.running, "{quit:?} quit without asking");
            let asked = in_box(&app);
            assert!(
                asked.contains("Ana's latest answers are NOT saved")
                    && asked.contains("is older than what is on screen")
                    && asked.contains("Quit anyway"),
                "{asked}"
            );
            press(&mut app, stay);
            assert!(app.running, "{stay:?} should stay");
            let stayed = screen(&app);
            assert!(!stayed.contains("Quit anyway"), "{stayed}");
            assert!(stayed.contains("first second"), "{stayed}");
            assert!(stayed.contains("Draft NOT saved"), "{stayed}");
        }
    }
    press(&mut app, KeyCode::Char('q'));
    press(&mut app, KeyCode::Char('y'));
    assert!(!app.running, "y quits");
}

#[test]
fn quitting_in_the_same_keys_as_a_change_that_cannot_be_saved_asks_after_all() {
    let dir = tempfile::tempdir().expect("temp");
    let (mut app, _) = session(&dir);
    press(&mut app, KeyCode::Enter);
    fail_saves(&mut app, Some(WriteStep::Rename));
    // Typed and quit before the loop ran the save: it fails after the quit.
    press_without_effects(&mut app, KeyCode::Char('z'));
    press_without_effects(&mut app, ctrl('c'));
    app.run_effects();
    assert!(app.running, "quit although the last key was not saved");
    assert!(in_box(&app).contains("Quit anyway"), "{}", screen(&app));
}

#[test]
fn leaving_the_worksheet_while_unsaved_asks_never_says_saved_and_resumes_what_was_typed() {
    let dir = tempfile::tempdir().expect("temp");
    let (mut app, person) = unsaved_second(&dir);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    let asked = in_box(&app);
    assert!(
        matches!(app.screen(), Screen::Session(_)),
        "left without asking"
    );
    assert!(asked.contains("Leave the worksheet anyway?"), "{asked}");
    assert!(!screen(&app).contains("saved as a draft"), "{asked}");
    press(&mut app, KeyCode::Char('n'));
    assert!(matches!(app.screen(), Screen::Session(_)));

    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('y'));
    assert!(matches!(app.screen(), Screen::Home(_)));
    let home = screen(&app);
    assert!(!home.contains("saved as a draft"), "{home}");
    assert!(home.contains("Draft NOT saved"), "{home}");
    assert!(
        !home.contains("Every answer is saved as you go"),
        "the greeting contradicts the warning: {home}"
    );

    // Resumed while saves still fail: what was typed, not the older file.
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen(), Screen::Session(_)));
    assert!(screen(&app).contains("first second"), "{}", screen(&app));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('y'));

    fail_saves(&mut app, None);
    press(&mut app, KeyCode::Down);
    assert!(
        screen(&app).contains("Draft saved again"),
        "{}",
        screen(&app)
    );
    assert_eq!(role_on_disk(&app, &person), "first second");
}

#[test]
fn a_terminal_too_small_still_shows_the_warning_and_the_question() {
    let dir = tempfile::tempdir().expect("temp");
    let (mut app, _) = unsaved_second(&dir);
    press(&mut app, KeyCode::Esc);
    app.set_size(40, 12);
    let small = flat(&render(&app, 40, 12));
    assert!(small.contains("NOT saved"), "{small}");
    press(&mut app, KeyCode::Char('q'));
    assert!(app.running);
    let small = flat(&render(&app, 40, 12));
    assert!(small.contains("Quit anyway"), "{small}");
    press(&mut app, KeyCode::Char('n'));
    assert!(app.running);
}

#[test]
fn completing_in_the_keys_that_follow_the_fault_leaves_one_assessment_and_no_draft() {
    let dir = tempfile::tempdir().expect("temp");
    let (mut app, person) = unsaved_second(&dir);
    press(&mut app, KeyCode::Esc);
    fail_saves(&mut app, None);
    // One burst of keys, handled before the loop runs what they asked
    // for: the retry writes the draft, then completing must not take that
    // write for another program's.
    let mut burst = vec![KeyCode::Char('g')];
    burst.extend([KeyCode::Char('j'); 10]);
    burst.extend([KeyCode::Enter, KeyCode::Char('c'), KeyCode::Char('y')]);
    for code in burst {
        press_without_effects(&mut app, code);
    }
    app.run_effects();
    let shown = screen(&app);
    assert!(shown.contains("Assessment complete"), "{shown}");
    assert!(!shown.contains("kept"), "{shown}");
    assert!(app.store.drafts(&person).is_empty(), "a draft was left");
}
