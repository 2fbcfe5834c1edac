//! Hostile files in a person's folder — empty, cut short, binary, Latin-1,
//! 10 MB, nested ten thousand deep, wrong types, unknown fields, a newer
//! format, a symbolic link out of the data folder, a FIFO, a folder — met
//! through the store, the command line and the terminal UI: each one is
//! named with a reason, nothing hangs or crashes, the good files still load
//! and not one byte of any of them changes.
//!
//! The same shapes given to `handoff content check` are reported by file,
//! without hanging.

mod cli_run;
mod common;
mod hostile_files;
mod pty;

use std::fs;
use std::path::{Path, PathBuf};

use handoff::app::{App, Screen};
use handoff::store::{Around, HistoryEntry, Listed, Person, Store};
use handoff::ui::Theme;
use handoff::ui::screens::{Choice, Recent};
use ratatui::crossterm::event::KeyCode;

use cli_run::handoff;
use common::press;
use hostile_files::{Expect, NESTING, Planted, garbage, plant, snapshot};
use pty::{Key, Tty};

struct Scene {
    dir: tempfile::TempDir,
    store: Store,
    person: Person,
    good_id: String,
    planted: Vec<Planted>,
}

impl Scene {
    fn data(&self) -> &Path {
        self.store.root()
    }

    fn assert_untouched(&self) {
        for planted in &self.planted {
            assert_eq!(
                snapshot(&planted.path),
                planted.before,
                "{} changed",
                planted.path.display()
            );
        }
        let outside = self.dir.path().join("outside.toml");
        assert_eq!(
            fs::read_to_string(outside).expect("outside"),
            valid_text("20250101-000000-0out"),
            "the file outside the data folder changed"
        );
    }

    /// The unreadable files a person's page lists: every draft's, and
    /// those among the newest completed files it reads.
    fn unreadable_on_home_page(&self) -> Vec<&Planted> {
        let assessments = self.person.dir.join("assessments");
        let mut completed: Vec<&Planted> = self
            .planted
            .iter()
            .filter(|planted| planted.path.starts_with(&assessments))
            .collect();
        completed.sort_by(|a, b| b.path.cmp(&a.path));
        let newest: Vec<&Planted> = completed.into_iter().take(Recent::SHOWN).collect();
        self.unreadable()
            .map(|(planted, _)| planted)
            .filter(|planted| {
                !planted.path.starts_with(&assessments)
                    || newest.iter().any(|new| new.path == planted.path)
            })
            .collect()
    }

    fn unreadable(&self) -> impl Iterator<Item = (&Planted, &'static str)> {
        self.planted
            .iter()
            .filter_map(|planted| match planted.expect {
                Expect::Unreadable(reason) => Some((planted, reason)),
                _ => None,
            })
    }
}

fn valid_text(id: &str) -> String {
    let mut assessment = common::full_assessment("Ana");
    assessment.id = id.to_string();
    handoff::store::to_toml(&assessment).expect("toml")
}

/// [`valid_text`] as a finished assessment: among the finished ones, a file
/// without a completion date is unreadable.
fn completed_text(id: &str) -> String {
    let mut assessment = common::full_assessment("Ana");
    assessment.id = id.to_string();
    assessment.completed = Some(common::at("2026-01-01T12:00:00Z"));
    handoff::store::to_toml(&assessment).expect("toml")
}

/// Ana with one good completed assessment, and every hostile shape among
/// both her completed assessments and her drafts.
fn scene() -> Scene {
    let dir = tempfile::tempdir().expect("temp");
    let store = Store::new(dir.path().join("data"));
    let person = store.add_person("Ana").expect("person");
    let mut good = common::full_assessment("Ana");
    good.id = "20250601-100000-good".into();
    store
        .complete(&person, &mut good, common::at("2025-06-01T10:00:00Z"))
        .expect("good one");
    let outside = dir.path().join("outside.toml");
    fs::write(&outside, valid_text("20250101-000000-0out")).expect("outside");
    let mut planted = plant(
        &person.dir.join("assessments"),
        "20260101-000000",
        &outside,
        &completed_text("20260101-000000-0000"),
    );
    planted.extend(plant(
        &person.dir.join("drafts"),
        "20260201-000000",
        &outside,
        &valid_text("20260101-000000-0000"),
    ));
    Scene {
        dir,
        store,
        person,
        good_id: good.id,
        planted,
    }
}

fn find<'a, T>(listed: &'a [T], path: &Path, path_of: fn(&T) -> &Path) -> &'a T {
    listed
        .iter()
        .find(|entry| path_of(entry) == path)
        .unwrap_or_else(|| panic!("{} is not listed", path.display()))
}

#[test]
fn the_store_names_each_bad_file_keeps_the_rest_and_changes_nothing() {
    let scene = scene();
    let history = scene.store.history(&scene.person);
    let drafts = scene.store.drafts(&scene.person);
    let workbook = handoff::content::load_builtin().expect("content");
    // Twice: reading is the same every time.
    for _ in 0..2 {
        let files = scene
            .store
            .history_files(&scene.person, Around::Start, 0, usize::MAX);
        let headers: Vec<HistoryEntry> = files.entries(0..files.len(), &workbook).collect();
        let good = headers
            .iter()
            .filter_map(HistoryEntry::header)
            .find(|header| header.id == scene.good_id);
        assert!(good.is_some(), "the good file is still listed");
        for planted in scene.planted.iter().filter(|planted| {
            planted
                .path
                .starts_with(scene.person.dir.join("assessments"))
        }) {
            let entry = find(&headers, &planted.path, HistoryEntry::path);
            match (entry, planted.expect) {
                (HistoryEntry::Unreadable { reason: found, .. }, Expect::Unreadable(reason)) => {
                    assert!(found.contains(reason), "{}: {found}", planted.id);
                    assert!(
                        found.contains(&planted.path.display().to_string()),
                        "the reason names the file: {found}"
                    );
                }
                (HistoryEntry::Readable { header, .. }, Expect::ReadOnly) => {
                    assert!(header.read_only, "{}", planted.id)
                }
                (HistoryEntry::Readable { header, .. }, Expect::Loads) => {
                    assert!(!header.read_only, "{}", planted.id)
                }
                (entry, expect) => panic!("{}: expected {expect:?}, got {entry:?}", planted.id),
            }
        }
    }
    for planted in &scene.planted {
        let folder = if planted.path.starts_with(scene.person.dir.join("drafts")) {
            &drafts
        } else {
            &history
        };
        let listed = find(folder, &planted.path, Listed::path);
        match (listed, planted.expect) {
            (Listed::Unreadable { reason: found, .. }, Expect::Unreadable(reason)) => {
                assert!(found.contains(reason), "{}: {found}", planted.id);
                assert!(
                    found.contains(&planted.path.display().to_string()),
                    "{found}"
                );
            }
            (Listed::Readable { loaded, .. }, Expect::ReadOnly) => {
                assert!(loaded.read_only, "{}", planted.id)
            }
            (Listed::Readable { loaded, .. }, Expect::Loads) => {
                assert!(!loaded.read_only, "{}", planted.id)
            }
            (listed, expect) => panic!("{}: expected {expect:?}, got {listed:?}", planted.id),
        }
    }
    scene.assert_untouched();
}

#[test]
fn the_command_line_names_each_bad_file_and_changes_nothing() {
    let scene = scene();
    // A second person whose own file is garbage is listed, not fatal.
    let broken = scene.data().join("people/broken");
    fs::create_dir_all(&broken).expect("folder");
    fs::write(broken.join("person.toml"), garbage(64)).expect("write");

    let people = handoff(scene.data(), &["list"]);
    assert!(people.status.success(), "{}", people.stderr());
    let shown = people.stdout();
    assert!(shown.contains("Ana (ana)"), "{shown}");
    assert!(
        shown.contains("unreadable folder broken") && shown.contains("is not UTF-8"),
        "{shown}"
    );

    let listed = handoff(scene.data(), &["list", "--person", "Ana"]);
    assert!(listed.status.success(), "{}", listed.stderr());
    let listed = listed.stdout();
    assert!(
        listed.lines().any(|line| line.starts_with(&scene.good_id)),
        "{listed}"
    );
    for (planted, reason) in scene.unreadable() {
        let line = listed
            .lines()
            .find(|line| line.contains(&format!("{}.toml", planted.id)))
            .unwrap_or_else(|| panic!("{} not in:\n{listed}", planted.id));
        assert!(
            line.starts_with("unreadable") && line.contains(reason),
            "{line}"
        );
    }
    for planted in &scene.planted {
        let shown = handoff(scene.data(), &["show", &planted.id]);
        match planted.expect {
            Expect::Unreadable(reason) => {
                assert!(!shown.status.success(), "{} was shown", planted.id);
                let message = shown.stderr();
                assert!(
                    message.contains(&format!("{}.toml", planted.id)) && message.contains(reason),
                    "{}: {message}",
                    planted.id
                );
                assert!(message.lines().count() <= 3, "a short message: {message}");
            }
            Expect::ReadOnly | Expect::Loads => {
                assert!(shown.status.success(), "{}: {}", planted.id, shown.stderr())
            }
        }
    }
    let compared = handoff(
        scene.data(),
        &["compare", &scene.good_id, "20260101-000000-00empty"],
    );
    assert!(!compared.status.success());
    assert!(
        compared.stderr().contains("is empty"),
        "{}",
        compared.stderr()
    );
    scene.assert_untouched();
    let planted = scene
        .planted
        .iter()
        .filter(|planted| {
            planted
                .path
                .starts_with(scene.person.dir.join("assessments"))
        })
        .count();
    assert_eq!(
        scene.store.history(&scene.person).len(),
        planted + 1,
        "nothing added or removed"
    );
}

#[test]
fn the_home_and_history_screens_list_each_bad_file_and_change_nothing() {
    let scene = scene();
    let workbook = handoff::content::load_builtin().expect("content");
    let mut app = App::new(workbook, scene.store.clone(), Theme::PLAIN, common::clock);
    app.open_person(scene.person.clone());
    let status = app.status.clone();
    let Some(Screen::Home(home)) = app.screens.last_mut() else {
        panic!("the person's page")
    };
    // The page reads every draft and the newest few completed files; the
    // history screen lists the rest, each in its row.
    let on_home_page = scene.unreadable_on_home_page();
    assert!(
        on_home_page.len() > 3 && on_home_page.len() < scene.unreadable().count(),
        "some of each"
    );
    // The newer-format draft is shown as unreadable here too: it cannot be
    // resumed without losing what this version does not know.
    let listed: Vec<&String> = home.unreadable().collect();
    assert_eq!(listed.len(), on_home_page.len() + 1, "{listed:?}");
    assert!(
        status.is_some_and(|status| status.text.contains("could not be read")),
        "the home page says so"
    );
    let history_choice = home
        .choices
        .iter()
        .position(|choice| matches!(choice, Choice::History))
        .expect("look back is offered");
    home.selected = history_choice;
    let screen = common::render(&app, 250, 80);
    let newer_draft = scene
        .planted
        .iter()
        .filter(|planted| planted.expect == Expect::ReadOnly)
        .find(|planted| planted.path.starts_with(scene.person.dir.join("drafts")))
        .expect("a newer draft");
    for planted in on_home_page.into_iter().chain([newer_draft]) {
        assert!(
            screen.contains(&format!("{}.toml", planted.id)),
            "{} not on the home page:\n{screen}",
            planted.id
        );
    }
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen(), Screen::History(_)));
    let assessments = scene.person.dir.join("assessments");
    let completed = scene
        .planted
        .iter()
        .filter(|planted| planted.path.starts_with(&assessments))
        .count();
    let screen = common::render(&app, 250, 80);
    assert!(
        screen.contains(&format!("{} completed, newest first", completed + 1)),
        "every file counted, the good one too:\n{screen}"
    );
    for (planted, reason) in scene.unreadable() {
        if planted.path.starts_with(&assessments) {
            let line = screen
                .lines()
                .find(|line| line.contains(&format!("{}.toml", planted.id)))
                .unwrap_or_else(|| panic!("{} not in the history:\n{screen}", planted.id));
            assert!(
                line.contains("unreadable") && line.contains(reason),
                "{line}"
            );
        }
    }
    // Opening every entry, bad or not, only ever reports.
    let entries = match app.screen() {
        Screen::History(history) => history.files.len(),
        _ => unreachable!(),
    };
    for _ in 0..entries {
        press(&mut app, KeyCode::Enter);
        common::render(&app, 120, 40);
        if matches!(app.screen(), Screen::Session(_)) {
            // A readable one opened read-only: every worksheet draws.
            for _ in 0..10 {
                press(&mut app, KeyCode::Tab);
                common::render(&app, 120, 40);
            }
            press(&mut app, KeyCode::Esc);
        }
        press(&mut app, KeyCode::Down);
    }
    scene.assert_untouched();
}

#[test]
fn the_real_program_lists_each_bad_file_where_it_is_shown_and_changes_nothing() {
    let scene = scene();
    let mut tty = Tty::spawn(scene.data(), 250, 70);
    tty.wait_for("Ana");
    tty.key(Key::Enter);
    let screen = tty.wait_for("could not be read");
    for planted in scene.unreadable_on_home_page() {
        assert!(
            screen.contains(&format!("{}.toml", planted.id)),
            "{} not on the home page:\n{screen}",
            planted.id
        );
    }
    // Down past the drafts that can be resumed and "Start", to "Look back".
    let resumable = scene
        .planted
        .iter()
        .filter(|planted| planted.path.starts_with(scene.person.dir.join("drafts")))
        .filter(|planted| planted.expect == Expect::Loads)
        .count();
    for _ in 0..=resumable {
        tty.key(Key::Down);
    }
    tty.key(Key::Enter);
    let assessments = scene.person.dir.join("assessments");
    // The whole frame: a large one can arrive in pieces.
    let screen = tty.wait_until("every file in the history", |screen| {
        screen.contains("newest first")
            && scene
                .unreadable()
                .filter(|(planted, _)| planted.path.starts_with(&assessments))
                .all(|(planted, _)| screen.contains(&format!("{}.toml", planted.id)))
    });
    for (planted, reason) in scene.unreadable() {
        if planted.path.starts_with(&assessments) {
            let line = screen
                .lines()
                .find(|line| line.contains(&format!("{}.toml", planted.id)))
                .unwrap_or_else(|| panic!("{} not in the history:\n{screen}", planted.id));
            assert!(
                line.contains("unreadable") && line.contains(reason),
                "{line}"
            );
        }
    }
    tty.type_text("q");
    assert_eq!(tty.wait_exit(), Some(0));
    scene.assert_untouched();
}

/// A content folder holding one hostile `extra.toml`.
fn content_dir(parent: &Path, name: &str) -> PathBuf {
    let dir = parent.join(name);
    fs::create_dir_all(&dir).expect("folder");
    dir
}

#[test]
fn content_check_names_each_hostile_file_without_hanging() {
    let temp = tempfile::tempdir().expect("temp");
    let valid = "[[remedy]]\nid = \"walk-and-talk\"\ntitle = \"Walk and talk\"\n\
                 summary = \"Talk it through on a walk.\"\n\
                 explanation = \"Side by side, people say more.\"\nprompts = [\"When?\"]\n";
    // A whole, valid extension for the link to point at.
    let outside = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/content/valid/coach-extension/coach.toml");
    let mut huge = String::from("[[remedy]]\nid = \"big\"\ntitle = \"");
    huge.push_str(&"x".repeat(10 * 1024 * 1024));
    huge.push_str("\"\n");
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("truncated", valid.as_bytes()[..40].to_vec(), "extra.toml:"),
        ("binary", garbage(4096), "not valid UTF-8"),
        (
            "latin1",
            b"[[remedy]]\nid = \"caf\xe9\"\n".to_vec(),
            "not valid UTF-8",
        ),
        ("huge", huge.into_bytes(), "MB"),
        (
            "deep-arrays",
            format!("x = {}", "[".repeat(NESTING)).into_bytes(),
            "extra.toml:1",
        ),
        (
            "deep-tables",
            format!("x = {}", "{a = ".repeat(NESTING)).into_bytes(),
            "extra.toml:1",
        ),
        (
            "deep-headers",
            format!("[{}]\n", vec!["a"; NESTING].join(".")).into_bytes(),
            "extra.toml",
        ),
        (
            "wrong-types",
            valid
                .replace("prompts = [\"When?\"]", "prompts = 3")
                .into_bytes(),
            "extra.toml:6",
        ),
        (
            "unknown-field",
            format!("{valid}colour = \"red\"\n").into_bytes(),
            "colour",
        ),
        (
            "control-text",
            valid
                .replace("Walk and talk", "Walk\\u001b]52;c;aGk=\\u0007")
                .into_bytes(),
            "control character",
        ),
    ];
    let mut checked = 0;
    for (name, bytes, expected) in &cases {
        let dir = content_dir(temp.path(), name);
        fs::write(dir.join("extra.toml"), bytes).expect("write");
        expect_refused(&dir, expected);
        assert_eq!(&fs::read(dir.join("extra.toml")).expect("kept"), bytes);
        checked += 1;
    }
    let dir = content_dir(temp.path(), "fifo");
    let status = std::process::Command::new("mkfifo")
        .arg(dir.join("extra.toml"))
        .status()
        .expect("mkfifo");
    assert!(status.success());
    expect_refused(&dir, "not a regular file");
    let dir = content_dir(temp.path(), "folder");
    fs::create_dir(dir.join("extra.toml")).expect("folder");
    expect_refused(&dir, "not a regular file");
    // A link is followed (the coach chose the folder, and content is only
    // ever read), but only to a regular file.
    let dir = content_dir(temp.path(), "link-to-fifo");
    std::os::unix::fs::symlink(temp.path().join("fifo/extra.toml"), dir.join("extra.toml"))
        .expect("symlink");
    expect_refused(&dir, "not a regular file");
    let dir = content_dir(temp.path(), "link-out");
    std::os::unix::fs::symlink(&outside, dir.join("extra.toml")).expect("symlink");
    let output = cli_run::handoff(temp.path(), &["content", "check", path_str(&dir)]);
    assert!(output.status.success(), "{}", output.stderr());
    assert!(checked >= 10);
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 temporary path")
}

#[track_caller]
fn expect_refused(dir: &Path, expected: &str) {
    let output = cli_run::handoff(dir, &["content", "check", path_str(dir)]);
    let message = output.stderr();
    assert!(
        !output.status.success(),
        "{} was accepted:\n{}",
        dir.display(),
        output.stdout()
    );
    assert!(
        message.contains(&dir.join("extra.toml").display().to_string()),
        "{}: the message does not name the file:\n{message}",
        dir.display()
    );
    assert!(
        message.contains(expected),
        "{}: expected {expected:?} in:\n{message}",
        dir.display()
    );
    assert!(
        !message.contains('\u{1b}') && !message.contains('\u{7}'),
        "{message:?}"
    );
}
