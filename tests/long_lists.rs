//! Long lists read what they draw. A history of hundreds of assessments or
//! a folder of hundreds of people opens by listing one folder and reading
//! the files of the rows on screen and a page either side; the rest are
//! read as the list scrolls to them. A file that cannot be read is shown
//! in its row, with the reason. What is not drawn still counts where it
//! must: a name typed like one far down the list is pointed out.

mod common;

use std::fs;

use chrono::Duration;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use handoff::app::{App, Screen};
use handoff::store::{Person, Store, slug, to_toml};
use handoff::ui::Theme;
use handoff::ui::screens::{Choice, TrendScreen};

use common::{at, render};

const ASSESSMENTS: i64 = 300;
/// Oldest first; the file holds no finished assessment.
const NOT_FINISHED_DAY: i64 = 100;

fn press(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
    app.run_effects();
}

/// Ana with an assessment a day from 1 January 2025; one of them holds
/// only `schema_version = 1`.
fn long_history(dir: &tempfile::TempDir) -> (Store, Person) {
    let store = Store::new(dir.path().join("data"));
    let person = store.add_person("Ana").expect("person");
    let folder = person.dir.join("assessments");
    fs::create_dir_all(&folder).expect("folder");
    for day in 0..ASSESSMENTS {
        let mut assessment = common::full_assessment("Ana");
        let created = at("2025-01-01T09:00:00+00:00") + Duration::days(day);
        assessment.id = format!("{}-{day:04x}", created.format("%Y%m%d-%H%M%S"));
        assessment.created = created;
        assessment.completed = Some(created);
        let text = if day == NOT_FINISHED_DAY {
            "schema_version = 1\n".to_string()
        } else {
            to_toml(&assessment).expect("toml")
        };
        fs::write(folder.join(format!("{}.toml", assessment.id)), text).expect("write");
    }
    (store, person)
}

/// The app at 200×60 on Ana's history.
fn history_app(store: &Store, person: &Person) -> App {
    let workbook = handoff::content::load_builtin().expect("content");
    let mut app = App::new(workbook, store.clone(), Theme::PLAIN, common::clock);
    app.set_size(200, 60);
    app.open_person(person.clone());
    let Some(Screen::Home(home)) = app.screens.last_mut() else {
        panic!("no home page")
    };
    home.selected = home
        .choices
        .iter()
        .position(|choice| matches!(choice, Choice::History))
        .expect("look back");
    press(&mut app, KeyCode::Enter);
    app
}

fn rows_read(app: &App) -> usize {
    match app.screen() {
        Screen::History(history) => history.rows_read(),
        Screen::People(people) => people.rows_read(),
        _ => panic!("not a list"),
    }
}

#[test]
fn the_persons_page_counts_every_file_and_reads_the_newest() {
    let dir = tempfile::tempdir().expect("temp");
    let (store, person) = long_history(&dir);
    let workbook = handoff::content::load_builtin().expect("content");
    let mut app = App::new(workbook, store, Theme::PLAIN, common::clock);
    app.open_person(person);
    let screen = render(&app, 120, 40);
    assert!(screen.contains("Completed assessments: 300"), "{screen}");
    assert!(
        screen.contains("27 Oct 2025, 09:00"),
        "the newest: {screen}"
    );
    assert!(!screen.contains("unreadable"), "{screen}");
}

#[test]
fn the_history_reads_the_rows_near_the_screen_as_it_scrolls() {
    let dir = tempfile::tempdir().expect("temp");
    let (store, person) = long_history(&dir);
    let mut app = history_app(&store, &person);
    let screen = render(&app, 200, 60);
    assert!(screen.contains("300 completed, newest first"), "{screen}");
    assert!(
        screen.contains("27 Oct 2025 09:00"),
        "the newest on top: {screen}"
    );
    // 53 rows on screen: those and a page below.
    let held = rows_read(&app);
    assert!((53..=106).contains(&held), "{held} rows read");
    assert!(!screen.contains("unreadable"), "{screen}");

    // Newest first, the unfinished file is row 199.
    for _ in 0..20 {
        press(&mut app, KeyCode::PageDown);
    }
    let screen = render(&app, 200, 60);
    let line = screen
        .lines()
        .find(|line| line.contains("unreadable"))
        .unwrap_or_else(|| panic!("not in its row:\n{screen}"));
    assert!(
        line.contains("has no id and no completion date") && !screen.contains("1970"),
        "{line}"
    );
    assert!(rows_read(&app) <= 3 * 53, "{} rows read", rows_read(&app));

    // Down to the oldest, past the names listed when the history opened,
    // and back: the folder is listed again around the highlighted row.
    for _ in 0..12 {
        press(&mut app, KeyCode::PageDown);
    }
    let screen = render(&app, 200, 60);
    assert!(screen.contains("1 Jan 2025 09:00"), "the oldest: {screen}");
    assert!(screen.contains("300 completed"), "{screen}");
    assert!(rows_read(&app) <= 3 * 53, "{} rows read", rows_read(&app));
    // From the last row (299) back to row 200.
    for _ in 0..10 {
        press(&mut app, KeyCode::PageUp);
    }
    press(&mut app, KeyCode::Down);
    assert!(
        render(&app, 200, 60).contains("has no id"),
        "row 199 in view again"
    );

    // Comparing the row above it with "the one before" passes over it.
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Char('c'));
    let screen = render(&app, 200, 60);
    assert!(matches!(app.screen(), Screen::Page(_)), "{screen}");
    assert!(
        screen.contains("10 April 2025") && screen.contains("12 April 2025"),
        "{screen}"
    );
}

#[test]
fn a_mark_far_from_the_highlighted_row_is_compared_with_it() {
    let dir = tempfile::tempdir().expect("temp");
    let (store, person) = long_history(&dir);
    let mut app = history_app(&store, &person);
    press(&mut app, KeyCode::Char(' '));
    // Row 290: 10 January, far past the names first listed.
    for _ in 0..29 {
        press(&mut app, KeyCode::PageDown);
    }
    press(&mut app, KeyCode::Char('c'));
    let screen = render(&app, 200, 60);
    assert!(matches!(app.screen(), Screen::Page(_)), "{screen}");
    assert!(
        screen.contains("10 January 2025") && screen.contains("27 October 2025"),
        "{screen}"
    );
}

#[test]
fn the_trend_reads_the_newest_and_says_what_it_leaves_out() {
    let dir = tempfile::tempdir().expect("temp");
    let (store, person) = long_history(&dir);
    let mut app = history_app(&store, &person);
    press(&mut app, KeyCode::Char('t'));
    let Screen::Trend(trend) = app.screen() else {
        panic!("no trend")
    };
    assert_eq!(trend.trend.columns.len(), TrendScreen::MOST);
    assert_eq!(trend.older, 200);
    let screen = render(&app, 200, 60);
    assert!(
        screen.contains("The newest 100 of 300 assessments"),
        "{screen}"
    );
    assert!(
        screen.contains("27 Oct 2025"),
        "the newest is on the axis: {screen}"
    );
}

const PEOPLE: usize = 200;
/// The person whose `person.toml` is broken.
const BROKEN: usize = 150;

/// People 000 to 199, one with a broken file, and Zoë, whose folder sorts
/// after all of theirs.
fn many_people(dir: &tempfile::TempDir) -> App {
    let data = dir.path().join("data");
    for number in 0..PEOPLE {
        let name = format!("Person {number:03}");
        let folder = data.join("people").join(slug(&name));
        fs::create_dir_all(&folder).expect("folder");
        let text = if number == BROKEN {
            "name = \n".to_string()
        } else {
            format!("name = \"{name}\"\n")
        };
        fs::write(folder.join("person.toml"), text).expect("write");
    }
    Store::new(&data).add_person("Zoë O'Brien").expect("Zoë");
    let mut app = common::app(dir);
    app.set_size(60, 20);
    app
}

#[test]
fn the_people_screen_reads_the_names_it_draws() {
    let dir = tempfile::tempdir().expect("temp");
    let mut app = many_people(&dir);
    let screen = render(&app, 60, 20);
    assert!(screen.contains("Person 000"), "{screen}");
    assert!(!screen.contains("unreadable"), "{screen}");
    assert!(rows_read(&app) < 3 * 20, "{} read", rows_read(&app));
    for _ in 0..BROKEN {
        press(&mut app, KeyCode::Down);
    }
    let screen = render(&app, 60, 20);
    let line = screen
        .lines()
        .find(|line| line.contains("unreadable"))
        .unwrap_or_else(|| panic!("not in its row:\n{screen}"));
    assert!(line.contains("person-150"), "{line}");
    assert!(screen.contains("Person 149"), "in its place: {screen}");
    // Enter on it says why it cannot be opened.
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen(), Screen::People(_)));
    assert!(render(&app, 60, 20).contains("Cannot open it"));
}

#[test]
fn a_name_like_one_never_drawn_is_still_pointed_out() {
    let dir = tempfile::tempdir().expect("temp");
    let mut app = many_people(&dir);
    press(&mut app, KeyCode::Char('a'));
    for c in "Zoe O'Brien".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    press(&mut app, KeyCode::Enter);
    let screen = render(&app, 60, 20);
    assert!(screen.contains("There is already Zoë O'Brien"), "{screen}");
    press(&mut app, KeyCode::Esc);
    let screen = render(&app, 60, 20);
    let highlighted = screen
        .lines()
        .find(|line| line.contains('▶'))
        .unwrap_or_default();
    assert!(highlighted.contains("Zoë O'Brien"), "{screen}");

    // A name typed exactly opens that person; no folder is added.
    press(&mut app, KeyCode::Char('a'));
    for c in "Person 007".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    press(&mut app, KeyCode::Enter);
    let Screen::Home(home) = app.screen() else {
        panic!("not opened")
    };
    assert_eq!(home.person.name, "Person 007");
    let folders = fs::read_dir(dir.path().join("data/people"))
        .expect("people")
        .count();
    assert_eq!(folders, PEOPLE + 1);
}
