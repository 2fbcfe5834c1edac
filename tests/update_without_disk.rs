//! Handling a key reads and writes no file: a screen asks the loop to open
//! what it needs (`Outcome::Open`), and the loop does it with the saves,
//! before the next frame (`App::run_effects`). Shown by taking the data
//! folder away while each key is handled and putting it back before the
//! loop runs.

mod common;
mod history_fixture;

use std::fs;
use std::path::{Path, PathBuf};

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use handoff::app::{App, Screen, StatusKind};
use handoff::ui::Theme;

use common::{clock, render};

/// The data folder, and where it is put while a key is handled.
struct Folder {
    data: PathBuf,
    aside: PathBuf,
}

impl Folder {
    fn new(data: &Path) -> Self {
        Self {
            data: data.to_path_buf(),
            aside: data.with_file_name("taken-away"),
        }
    }

    /// Handles `key` with the data folder gone, then has the loop run
    /// with it back. Returns the screen on top in between.
    fn press(&self, app: &mut App, key: impl Into<KeyEvent>) -> &'static str {
        fs::rename(&self.data, &self.aside).expect("take the folder away");
        app.handle_key(key.into());
        let between = kind(app);
        assert!(
            !self.data.exists(),
            "handling a key created the data folder again"
        );
        assert!(
            app.status
                .as_ref()
                .is_none_or(|status| status.kind != StatusKind::Error),
            "handling a key met the missing folder: {:?}",
            app.status
        );
        fs::rename(&self.aside, &self.data).expect("put the folder back");
        app.run_effects();
        between
    }
}

fn kind(app: &App) -> &'static str {
    match app.screen() {
        Screen::People(_) => "people",
        Screen::Home(_) => "home",
        Screen::Session(session) if session.is_read_only() => "read-only assessment",
        Screen::Session(_) => "worksheet",
        Screen::Reference(_) => "cards",
        Screen::History(_) => "history",
        Screen::Page(_) => "comparison",
        Screen::Trend(_) => "trend",
        Screen::Export(_) => "export",
    }
}

/// An app on the fixture's data folder, at 120×40, on the People screen.
fn app_on(history: &history_fixture::History) -> App {
    let mut app = App::new(
        history_fixture::workbook(),
        history.store.clone(),
        Theme::PLAIN,
        clock,
    );
    app.set_size(120, 40);
    app
}

#[test]
fn every_screen_a_key_opens_is_read_by_the_loop_not_by_the_key() {
    let history = history_fixture::history();
    let folder = Folder::new(history.data());
    let mut app = app_on(&history);
    assert_eq!(kind(&app), "people");

    // Each key, the screen still on top until the loop has run, and the
    // screen on top after, with what the loop read for it.
    let steps: [(KeyCode, &str, &str, &str); 9] = [
        (KeyCode::Enter, "people", "home", "Completed assessments: 4"),
        (KeyCode::Down, "home", "home", "Resume the draft"),
        (KeyCode::Down, "home", "home", "Resume the draft"),
        (
            KeyCode::Enter,
            "home",
            "history",
            "4 completed, newest first",
        ),
        (KeyCode::Char('c'), "history", "comparison", "Comparison"),
        (
            KeyCode::Esc,
            "comparison",
            "history",
            "4 completed, newest first",
        ),
        (
            KeyCode::Char('t'),
            "history",
            "trend",
            "3 assessments, 2 Mar 2026 to 20 Sep 2026",
        ),
        (
            KeyCode::Esc,
            "trend",
            "history",
            "4 completed, newest first",
        ),
        (KeyCode::Enter, "history", "read-only assessment", "Summary"),
    ];
    for (key, before, after, shown) in steps {
        let between = folder.press(&mut app, key);
        let closing = key == KeyCode::Esc;
        assert_eq!(
            between,
            if closing { after } else { before },
            "{key:?} before the loop ran"
        );
        assert_eq!(kind(&app), after, "after {key:?}");
        let screen = render(&app, 120, 40);
        assert!(screen.contains(shown), "after {key:?}:\n{screen}");
    }

    // Back on the person's page, the draft resumes under the person's
    // lock, which only the loop takes.
    folder.press(&mut app, KeyCode::Esc);
    folder.press(&mut app, KeyCode::Esc);
    assert_eq!(kind(&app), "home");
    assert_eq!(folder.press(&mut app, KeyCode::Enter), "home");
    assert_eq!(kind(&app), "worksheet");
    let Screen::Session(session) = app.screen() else {
        unreachable!()
    };
    assert!(session.is_locked(), "the worksheet holds the lock");
}

#[test]
fn adding_a_person_is_done_by_the_loop_and_a_name_alike_is_asked_about() {
    let history = history_fixture::history();
    let folder = Folder::new(history.data());
    let mut app = app_on(&history);
    folder.press(&mut app, KeyCode::Char('a'));
    for letter in "sam rivera".chars() {
        folder.press(&mut app, KeyCode::Char(letter));
    }
    // A name like Sam Rivera's: the loop read everyone and asks.
    folder.press(&mut app, KeyCode::Enter);
    assert_eq!(kind(&app), "people");
    let screen = render(&app, 120, 40);
    assert!(screen.contains("Sam Rivera"), "{screen}");
    let people = fs::read_dir(history.data().join("people"))
        .expect("people")
        .count();
    assert_eq!(people, 1, "nobody added yet");
    // Enter again adds them anyway, in a folder of their own.
    folder.press(&mut app, KeyCode::Enter);
    assert_eq!(kind(&app), "home");
    let people = fs::read_dir(history.data().join("people"))
        .expect("people")
        .count();
    assert_eq!(people, 2, "added by the loop");
}
