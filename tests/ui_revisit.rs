//! Revisiting in the terminal UI: the history list, a read-only past
//! assessment, a comparison and the trend, drawn at 60×20 and 120×40 from
//! a fixture history that includes a content change and a damaged file.

mod common;
mod history_fixture;

use ratatui::crossterm::event::KeyCode;

use handoff::app::{App, Screen};
use handoff::ui::Theme;
use handoff::ui::screens::TrendScreen;

use common::{clock, press, render};

/// An app on Sam's home page, then into the history.
fn history_app(history: &history_fixture::History) -> App {
    let workbook = history_fixture::workbook();
    let mut app = App::new(workbook, history.store.clone(), Theme::PLAIN, clock);
    app.open_person(history.person.clone());
    let Some(Screen::Home(home)) = app.screens.last_mut() else {
        panic!("the person's page")
    };
    let look_back = home
        .choices
        .iter()
        .position(|choice| matches!(choice, handoff::ui::screens::Choice::History))
        .expect("a look-back choice");
    home.selected = look_back;
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen(), Screen::History(_)));
    app
}

#[test]
fn the_history_lists_every_assessment_and_the_damaged_file() {
    let history = history_fixture::history();
    let app = history_app(&history);
    for (width, height) in [(60, 20), (120, 40)] {
        let screen = render(&app, width, height);
        assert!(screen.contains("4 completed, newest first"), "{screen}");
        assert!(screen.contains("20 Sep 2026"), "{screen}");
        assert!(screen.contains("2 Mar 2026"), "{screen}");
        assert!(screen.contains("unreadable"), "{screen}");
        // The temporary folder's name changes every run; its length does not.
        let temp = history.dir.path().display().to_string();
        let stable = screen.replace(&temp, &"T".repeat(temp.len()));
        insta::assert_snapshot!(format!("history_{width}x{height}"), stable);
    }
}

#[test]
fn comparing_shows_changes_in_words_at_both_sizes() {
    let history = history_fixture::history();
    let mut app = history_app(&history);
    press(&mut app, KeyCode::Char('c'));
    assert!(
        matches!(app.screen(), Screen::Page(_)),
        "the default compares the latest with the one before"
    );
    for (width, height) in [(60, 20), (120, 40)] {
        let screen = render(&app, width, height);
        assert!(screen.contains("compared"), "{screen}");
        assert!(
            screen.contains("more below"),
            "a long comparison says it scrolls:\n{screen}"
        );
        insta::assert_snapshot!(format!("compare_{width}x{height}"), screen);
    }
    let mut seen = String::new();
    for _ in 0..40 {
        seen.push_str(&render(&app, 120, 40));
        press(&mut app, KeyCode::PageDown);
    }
    assert!(seen.contains("Section scores"), "{seen}");
    assert!(
        seen.contains("better") && seen.contains("worse"),
        "changes are said in words"
    );
    assert!(
        seen.contains("not answered") || seen.contains("no longer asked"),
        "content changes are named"
    );
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen(), Screen::History(_)));
}

#[test]
fn a_marked_assessment_is_compared_with_the_highlighted_one() {
    let history = history_fixture::history();
    let mut app = history_app(&history);
    press(&mut app, KeyCode::Char(' '));
    // Marking says what comes next, at the smallest size too.
    let marked = render(&app, 60, 20);
    assert!(
        marked.contains("Marked the one from 20 Sep 2026") && marked.contains("press c to"),
        "{marked}"
    );
    // Past the damaged file and June's, to the oldest.
    for _ in 0..3 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Char('c'));
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains("2 March 2026") && screen.contains("20 September 2026"),
        "{screen}"
    );
}

#[test]
fn the_trend_has_every_section_and_the_dates() {
    let history = history_fixture::history();
    let mut app = history_app(&history);
    press(&mut app, KeyCode::Char('t'));
    assert!(matches!(app.screen(), Screen::Trend(_)));
    for (width, height) in [(60, 20), (120, 40)] {
        let screen = render(&app, width, height);
        for section in &app.workbook().sections {
            assert!(
                screen.contains(&section.title),
                "{} missing:\n{screen}",
                section.title
            );
        }
        assert!(
            screen.contains("2 Mar 2026") && screen.contains("20 Sep 2026"),
            "{screen}"
        );
        // The newest left "What drives it" unanswered: its figure is not
        // "now", and the words sit next to the bars.
        let drives = screen
            .lines()
            .find(|line| line.contains("What drives it"))
            .expect("row");
        assert!(drives.contains("last answered: 50"), "{screen}");
        assert!(
            drives.trim_end().chars().count() < 70,
            "far from its bars: {drives}"
        );
        insta::assert_snapshot!(format!("trend_{width}x{height}"), screen);
    }
}

#[test]
fn a_trend_of_fifty_assessments_fits_a_small_terminal() {
    let dir = tempfile::tempdir().expect("temp");
    let store = handoff::store::Store::new(dir.path().join("data"));
    let person = store.add_person("Ana").expect("person");
    for day in 0..50 {
        let mut assessment = common::full_assessment("Ana");
        assessment.id = format!(
            "2026{:02}{:02}-090000-{day:04x}",
            1 + day / 28,
            1 + day % 28
        );
        assessment.created = common::at(&format!(
            "2026-{:02}-{:02}T09:00:00+00:00",
            1 + day / 28,
            1 + day % 28
        ));
        assessment
            .drivers
            .insert("perfectionism".into(), common::answer((day % 5) as u8, ""));
        let when = assessment.created;
        store
            .complete(&person, &mut assessment, when)
            .expect("complete");
    }
    let workbook = history_fixture::workbook();
    let newest = store.newest_trend(&person, &workbook, TrendScreen::MOST);
    assert_eq!(newest.trend.columns.len(), 50);
    let mut app = App::new(workbook, store, Theme::PLAIN, clock);
    app.screens.push(Screen::Trend(TrendScreen::newest(newest)));
    let small = render(&app, 60, 20);
    assert!(small.contains("last 12 of 50"), "{small}");
    let wide = render(&app, 120, 40);
    assert!(wide.contains("50 assessments"), "{wide}");
}

#[test]
fn a_past_assessment_opens_read_only() {
    let history = history_fixture::history();
    let mut app = history_app(&history);
    press(&mut app, KeyCode::Enter);
    let Screen::Session(session) = app.screen() else {
        panic!("not opened")
    };
    assert!(session.is_read_only());
    let before = std::fs::read(history.file(history_fixture::THIRD)).expect("file");
    press(&mut app, KeyCode::Char('g'));
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('4'));
    let status = app.status.clone().expect("told why");
    assert!(status.text.contains("read-only"), "{}", status.text);
    let screen = render(&app, 60, 20);
    assert!(screen.contains("(read-only)"), "{screen}");
    // On a 0–2 scale too, the reason given is that it is read-only.
    for (sheet_key, rating) in [(KeyCode::Tab, '3'), (KeyCode::Tab, 'x')] {
        press(&mut app, sheet_key);
        press(&mut app, KeyCode::Char(rating));
        let status = app.status.clone().expect("told why");
        assert!(status.text.contains("read-only"), "{}", status.text);
    }
    // Nothing on screen offers to change an answer.
    for sheet in 0..10 {
        let screen = render(&app, 120, 40);
        let hints = screen.lines().last().unwrap_or_default();
        if sheet == 0 {
            assert!(
                screen.contains("skipped") && !screen.contains("not rated yet"),
                "items left unrated in a completed assessment were skipped:\n{screen}"
            );
        }
        for offer in ["rate", "note", "edit", "complete", "add"] {
            assert!(
                !hints.contains(offer),
                "sheet {sheet}'s hints offer '{offer}':\n{screen}"
            );
        }
        for invitation in ["Press n", "Press a", "Press Enter", "Press c"] {
            assert!(
                !screen.contains(invitation),
                "sheet {sheet} says '{invitation}':\n{screen}"
            );
        }
        press(&mut app, KeyCode::Tab);
    }
    press(&mut app, KeyCode::Char('?'));
    let help = render(&app, 120, 40);
    assert!(help.contains("Back to the history"), "{help}");
    assert!(!help.contains("draft"), "{help}");
    press(&mut app, KeyCode::Char('?'));
    press(&mut app, KeyCode::Esc);
    assert_eq!(
        std::fs::read(history.file(history_fixture::THIRD)).expect("file"),
        before
    );
    assert!(matches!(app.screen(), Screen::History(_)));
}

/// The person's page keeps only a summary of the history: the count, and
/// the five newest, newest first.
#[test]
fn the_home_page_counts_every_assessment_and_lists_the_five_newest() {
    let dir = tempfile::tempdir().expect("temp");
    let store = handoff::store::Store::new(dir.path().join("data"));
    let person = store.add_person("Ana").expect("person");
    // Completed out of date order, so the page cannot rely on file order.
    for day in [3, 8, 1, 6, 2, 7, 4, 5] {
        let mut assessment = common::full_assessment("Ana");
        assessment.id = format!("202601{day:02}-090000-{day:04x}");
        assessment.created = common::at(&format!("2026-01-{day:02}T09:00:00+00:00"));
        let when = assessment.created;
        store
            .complete(&person, &mut assessment, when)
            .expect("complete");
    }
    let workbook = history_fixture::workbook();
    let mut app = App::new(workbook, store, Theme::PLAIN, clock);
    app.open_person(person);
    for (width, height) in [(60, 20), (120, 40)] {
        let screen = render(&app, width, height);
        assert!(screen.contains("Completed assessments: 8"), "{screen}");
        assert!(screen.contains("Look back: 8 completed"), "{screen}");
        let shown: Vec<usize> = (1..=8)
            .filter_map(|day| screen.find(&format!("  {day} Jan 2026")))
            .collect();
        let newest: Vec<usize> = (4..=8)
            .rev()
            .map(|day| {
                screen
                    .find(&format!("  {day} Jan 2026"))
                    .unwrap_or_else(|| panic!("{day} Jan listed: {screen}"))
            })
            .collect();
        assert_eq!(shown.len(), 5, "only the five newest: {screen}");
        assert!(newest.is_sorted(), "newest first: {screen}");
        // Two on one day would read the same without the time.
        assert!(screen.contains("  8 Jan 2026, 09:00"), "{screen}");
    }
}

#[test]
fn opening_the_damaged_file_names_it_and_the_problem_in_full_at_60_columns() {
    let history = history_fixture::history();
    let mut app = history_app(&history);
    // Newest first by name: the damaged file, from July, is second.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    let screen = render(&app, 60, 20);
    // The message wraps across rows: read it back as one line.
    let status: String = screen
        .lines()
        .skip_while(|line| !line.starts_with("! "))
        .take_while(|line| !line.contains("? help"))
        .collect();
    assert!(
        status.contains("20260701-120000-dead.toml") && status.contains("line 5"),
        "the file or the problem is cut off:\n{screen}"
    );
}

#[test]
fn page_down_and_up_move_through_the_history_ten_at_a_time() {
    let history = history_fixture::history();
    let mut app = history_app(&history);
    // Which of the four rows under the column headings is highlighted.
    let highlighted = |app: &App| {
        let screen = render(app, 120, 40);
        let lines: Vec<&str> = screen.lines().collect();
        let headings = lines
            .iter()
            .position(|line| line.contains("Completed") && line.contains("Ready"))
            .expect("column headings");
        lines
            .iter()
            .position(|line| line.contains('▶'))
            .map(|at| at - headings)
    };
    assert_eq!(highlighted(&app), Some(1));
    press(&mut app, KeyCode::PageDown);
    assert_eq!(highlighted(&app), Some(4), "no further than the last");
    press(&mut app, KeyCode::PageUp);
    assert_eq!(highlighted(&app), Some(1));
}
