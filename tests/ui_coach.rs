//! A person's page as the coach sees it (private notes newest first, the
//! next session, the page for preparing it) and as a client sees it in
//! the client view (none of the coach's notes or keys, a badge on every
//! frame, no way back to the list of people but a deliberate one).

mod common;

use handoff::app::{App, Screen};
use handoff::store::{CoachNote, Person};
use ratatui::crossterm::event::KeyCode;

use common::{press, render};

fn coach_page(dir: &tempfile::TempDir) -> (App, Person) {
    let mut app = common::app(dir);
    let ana = app.store.add_person("Ana Lima").expect("Ana");
    app.store.add_person("Quentin Marlowe").expect("Quentin");
    let mut done = common::full_assessment("Ana Lima");
    app.store
        .complete(&ana, &mut done, common::at("2026-11-16T10:15:00+01:00"))
        .expect("complete");
    for (text, when) in [
        (
            "First session: ZNOTE she redoes the charts at night.",
            "2026-11-09T11:00:00+01:00",
        ),
        (
            "Second: the rota helped; ZNOTE ask about Teodor.",
            "2026-11-16T11:00:00+01:00",
        ),
    ] {
        app.store
            .save_note(&ana, &CoachNote::new(text, common::at(when)))
            .expect("note");
    }
    app.store
        .set_next_session(&ana, chrono::NaiveDate::from_ymd_opt(2026, 11, 30))
        .expect("date");
    app.open_person(ana.clone());
    (app, ana)
}

#[test]
fn the_coach_sees_notes_newest_first_and_the_next_session() {
    let dir = tempfile::tempdir().expect("temp");
    let (mut app, _) = coach_page(&dir);
    let screen = render(&app, 120, 40);
    let second = screen.find("Second: the rota").expect("second note");
    let first = screen.find("First session").expect("first note");
    assert!(second < first, "newest first:\n{screen}");
    assert!(
        screen.contains("Prepare: next session 30 Nov 2026, last 16 Nov 2026"),
        "{screen}"
    );
    insta::assert_snapshot!("coach_page_60x20", render(&app, 60, 20));

    // The page for preparing the session, with the last note.
    for _ in 0..3 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    let page = render(&app, 120, 40);
    assert!(
        page.contains("Preparing the next session")
            && page.contains("Next session: 30 November 2026 (in 7 days)")
            && page.contains("ask about Teodor"),
        "{page}"
    );
}

#[test]
fn the_client_view_shows_no_note_no_coach_key_and_holds_until_a_yes() {
    let dir = tempfile::tempdir().expect("temp");
    let (mut app, ana) = coach_page(&dir);
    press(&mut app, KeyCode::Char('v'));
    assert!(app.client.is_some());
    let screen = render(&app, 60, 20);
    insta::assert_snapshot!("client_view_60x20", screen);
    for width_height in [(60, 20), (200, 60)] {
        let screen = render(&app, width_height.0, width_height.1);
        assert!(
            screen
                .lines()
                .next()
                .is_some_and(|title| title.contains("CLIENT VIEW"))
        );
        assert!(
            !screen.contains("Coach notes") && !screen.contains("ZNOTE"),
            "{screen}"
        );
        let footer = screen.lines().last().unwrap_or_default();
        assert!(
            !footer.contains("coach note") && !footer.contains("Esc"),
            "{footer}"
        );
    }
    // The coach's keys do nothing here.
    press(&mut app, KeyCode::Char('n'));
    assert!(matches!(app.screen(), Screen::Home(home) if home.writing.is_none()));
    press(&mut app, KeyCode::Char('?'));
    let help = render(&app, 120, 40);
    assert!(
        help.contains("Leave the client view") && !help.contains("coach note"),
        "{help}"
    );
    press(&mut app, KeyCode::Esc);
    // Esc goes nowhere: there is nothing behind her page.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screens.len(), 1);
    assert!(render(&app, 60, 20).contains("This is the client view"));
    // The preparation page, without the coach's note.
    for _ in 0..3 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    let page = render(&app, 120, 40);
    assert!(
        page.contains("Preparing the next session") && !page.contains("Teodor"),
        "{page}"
    );
    press(&mut app, KeyCode::Esc);

    // Leaving takes v and a yes; n stays.
    press(&mut app, KeyCode::Char('v'));
    assert!(render(&app, 60, 20).contains("Leave the client view?"));
    press(&mut app, KeyCode::Char('n'));
    assert!(app.client.is_some());
    press(&mut app, KeyCode::Char('v'));
    press(&mut app, KeyCode::Char('y'));
    assert!(app.client.is_none());
    assert!(matches!(app.screen(), Screen::Home(home) if home.person == ana));
    press(&mut app, KeyCode::Esc);
    let people = render(&app, 80, 24);
    assert!(
        people.contains("Ana Lima  · last 23 Nov 2026  · next 30 Nov 2026")
            && people.contains("Quentin Marlowe"),
        "the list shows each person's last and next session:\n{people}"
    );
}

/// Replaces the file name offered with `path`.
fn name_the_file(app: &mut App, path: &std::path::Path) {
    for _ in 0..60 {
        press(app, KeyCode::Backspace);
    }
    common::type_text(app, path.to_str().expect("utf-8"));
}

#[test]
fn a_report_is_exported_from_the_history_as_the_copy_chosen_and_never_over_a_file_unasked() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp");
    let (mut app, _) = coach_page(&dir);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen(), Screen::History(_)));
    assert!(render(&app, 80, 24).contains("x export"));
    press(&mut app, KeyCode::Char('x'));
    let asking = render(&app, 60, 20);
    assert!(
        asking.contains("a client copy") && asking.contains("a coach copy"),
        "{asking}"
    );
    press(&mut app, KeyCode::Char('c'));
    assert!(render(&app, 60, 20).contains("ana-lima-2026-11-23-client.md"));
    let file = dir.path().join("report.md");
    name_the_file(&mut app, &file);
    press(&mut app, KeyCode::Enter);
    let client = std::fs::read_to_string(&file).expect("written");
    assert!(client.contains("# Delegation workbook: Ana Lima") && !client.contains("ZNOTE"));
    let mode = std::fs::metadata(&file).expect("file").permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    assert!(
        matches!(app.screen(), Screen::History(_)),
        "back where it was asked for"
    );
    assert!(render(&app, 120, 40).contains("Saved the client copy to"));

    // A coach copy over it: asked first; n keeps the file as it was.
    press(&mut app, KeyCode::Char('x'));
    press(&mut app, KeyCode::Char('k'));
    name_the_file(&mut app, &file);
    press(&mut app, KeyCode::Enter);
    assert!(render(&app, 60, 20).contains("is there already"));
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(std::fs::read_to_string(&file).expect("file"), client);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('y'));
    let coach = std::fs::read_to_string(&file).expect("file");
    assert!(
        coach.starts_with(&client) && coach.contains("ask about Teodor"),
        "{coach}"
    );
}

#[test]
fn the_client_view_exports_a_client_copy_only() {
    let dir = tempfile::tempdir().expect("temp");
    let (mut app, _) = coach_page(&dir);
    press(&mut app, KeyCode::Char('v'));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('x'));
    let asking = render(&app, 60, 20);
    assert!(
        asking.contains("a client copy") && !asking.contains("coach copy"),
        "{asking}"
    );
    press(&mut app, KeyCode::Char('k'));
    assert!(
        !render(&app, 60, 20).contains("File name"),
        "k does nothing here"
    );
    press(&mut app, KeyCode::Char('c'));
    let file = dir.path().join("client.md");
    name_the_file(&mut app, &file);
    press(&mut app, KeyCode::Enter);
    let text = std::fs::read_to_string(&file).expect("written");
    assert!(!text.contains("Coach notes") && !text.contains("ZNOTE"));
}

#[test]
fn rename_archive_and_forget_from_the_persons_page_change_the_files() {
    let dir = tempfile::tempdir().expect("temp");
    let (mut app, ana) = coach_page(&dir);
    let root = app.store.root().to_path_buf();

    press(&mut app, KeyCode::Char('R'));
    for _ in 0.."Ana Lima".len() {
        press(&mut app, KeyCode::Backspace);
    }
    common::type_text(&mut app, "Ana Lima-Souza");
    press(&mut app, KeyCode::Enter);
    let person_file = std::fs::read_to_string(ana.dir.join("person.toml")).expect("file");
    assert!(person_file.contains("Ana Lima-Souza"), "{person_file}");
    assert!(render(&app, 60, 20).contains("Hello, Ana Lima-Souza."));

    // Archived after a yes: the folder moved whole.
    press(&mut app, KeyCode::Char('A'));
    assert!(render(&app, 60, 20).contains("Archive Ana Lima-Souza?"));
    press(&mut app, KeyCode::Char('n'));
    assert!(ana.dir.exists());
    press(&mut app, KeyCode::Char('A'));
    press(&mut app, KeyCode::Char('y'));
    assert!(!ana.dir.exists() && root.join("archive/ana-lima/notes").is_dir());
    assert!(matches!(app.screen(), Screen::People(_)));
    let list = render(&app, 60, 20);
    assert!(
        list.contains("Archived Ana Lima-Souza: off the list")
            && list.matches("Ana Lima").count() == 1
            && list.contains("▶ Quentin Marlowe"),
        "only the message names her: {list}"
    );

    // Forgetting Quentin takes his name, typed.
    let quentin = app
        .store
        .find_person("Quentin Marlowe")
        .expect("list")
        .expect("Quentin");
    app.open_person(quentin.clone());
    press(&mut app, KeyCode::Char('F'));
    common::type_text(&mut app, "Quentin");
    press(&mut app, KeyCode::Enter);
    assert!(
        quentin.dir.exists(),
        "a name not typed in full deletes nothing"
    );
    assert!(render(&app, 120, 40).contains("so nothing was deleted"));
    press(&mut app, KeyCode::Char('F'));
    common::type_text(&mut app, "Quentin Marlowe");
    press(&mut app, KeyCode::Enter);
    assert!(!quentin.dir.exists());
    assert!(render(&app, 80, 24).contains("Every file of Quentin Marlowe is deleted."));
}

#[test]
fn a_completed_assessment_takes_a_corrected_word_but_never_a_new_rating() {
    let dir = tempfile::tempdir().expect("temp");
    let (mut app, ana) = coach_page(&dir);
    let file = app.store.assessment_path(&ana, "20261123-093000-beef");
    let before = std::fs::read_to_string(&file).expect("file");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen(), Screen::Session(s) if s.is_read_only()));
    press(&mut app, KeyCode::Char('?'));
    assert!(render(&app, 120, 40).contains("Correct a typo"));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('E'));
    assert!(matches!(app.screen(), Screen::Session(s) if !s.is_read_only()));
    let correcting = render(&app, 120, 40);
    assert!(
        correcting.contains("Correcting the wording"),
        "{correcting}"
    );
    let footer = correcting.lines().last().unwrap_or_default();
    assert!(
        !footer.contains("complete"),
        "only wording is offered: {footer}"
    );
    // The role, on the check-in: typed into, finished.
    press(&mut app, KeyCode::Char('g'));
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Enter);
    common::type_text(&mut app, " (acting)");
    press(&mut app, KeyCode::Enter);
    let after = std::fs::read_to_string(&file).expect("file");
    assert!(
        after.contains("role = \"Head of analytics (acting)\""),
        "{after}"
    );
    assert!(after.contains("amended = "), "{after}");
    // A rating is refused, in words, and the file keeps it.
    press(&mut app, KeyCode::Char('g'));
    press(&mut app, KeyCode::Char('4'));
    press(&mut app, KeyCode::Char('0'));
    let refused = render(&app, 120, 40);
    assert!(
        refused.contains("ratings, choices and dates stay"),
        "{refused}"
    );
    assert!(!refused.lines().last().unwrap_or_default().contains("rate"));
    let last = std::fs::read_to_string(&file).expect("file");
    let ratings = |text: &str| {
        text.lines()
            .filter(|line| line.starts_with("rating"))
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(ratings(&last), ratings(&before));
}
