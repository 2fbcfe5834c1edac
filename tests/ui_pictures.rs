//! The comparison and the trend as pictures, drawn at 60×20, 120×40 and
//! 200×60 for a person with two assessments and for one with fifty (with
//! a long gap among them), and the history's columns saying which way is
//! better. Snapshots are reviewed by eye; the assertions say what must
//! hold whatever the layout.

mod common;
mod history_fixture;

use chrono::Duration;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Modifier;

use handoff::app::{App, Screen};
use handoff::assessment::Answer;
use handoff::store::{Person, Store};
use handoff::ui::Theme;
use handoff::ui::screens::Choice;

use common::{clock, press, render};

const SIZES: [(u16, u16); 3] = [(60, 20), (120, 40), (200, 60)];

/// Sam's first two assessments only.
fn two() -> (history_fixture::History, Person) {
    let history = history_fixture::history();
    for id in [
        history_fixture::THIRD,
        history_fixture::DAMAGED,
        history_fixture::DRAFT,
    ] {
        let _ = std::fs::remove_file(history.file(id));
    }
    let person = history.person.clone();
    (history, person)
}

/// Fifty completed assessments, a fortnight apart but for a gap of half
/// a year after the twentieth; scores drift and "What drives it" is left
/// unanswered now and then.
fn fifty() -> (tempfile::TempDir, Store, Person) {
    let dir = tempfile::tempdir().expect("temp");
    let store = Store::new(dir.path().join("data"));
    let person = store.add_person("Ana Lima").expect("person");
    let workbook = history_fixture::workbook();
    let start = common::at("2024-01-08T09:00:00+00:00");
    for number in 0..50_i64 {
        let gap = if number >= 20 { 180 } else { 0 };
        let created = start + Duration::days(number * 14 + gap);
        let mut assessment = common::full_assessment("Ana Lima");
        assessment.id = format!("{}-{number:04x}", created.format("%Y%m%d-%H%M%S"));
        assessment.created = created;
        assessment.check_in.previous = None;
        assessment.check_in.follow_ups.clear();
        for section in &workbook.sections {
            let answers = assessment.answers_mut(section.kind);
            answers.clear();
            if section.kind == handoff::content::SectionKind::Drivers && number % 7 == 3 {
                continue;
            }
            let top = i64::from(section.scale.max());
            // Steps every few assessments, and the newest moves.
            let step = number / 4 + i64::from(number == 49);
            for (index, item) in section.items.iter().enumerate() {
                let rating = (step + index as i64 + i64::from(section.kind as u8)) % (top + 1);
                answers.insert(
                    item.id.clone(),
                    Answer {
                        rating: Some(rating as u8),
                        note: String::new(),
                    },
                );
            }
        }
        store
            .complete(&person, &mut assessment, created)
            .expect("complete");
    }
    (dir, store, person)
}

/// The app on a person's history.
fn history_app(store: &Store, person: &Person, theme: Theme) -> App {
    let mut app = App::new(history_fixture::workbook(), store.clone(), theme, clock);
    app.open_person(person.clone());
    let Some(Screen::Home(home)) = app.screens.last_mut() else {
        panic!("the person's page")
    };
    home.selected = home
        .choices
        .iter()
        .position(|choice| matches!(choice, Choice::History))
        .expect("a look-back choice");
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen(), Screen::History(_)));
    app
}

fn buffer(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| handoff::ui::draw(frame, app))
        .expect("draw");
    terminal.backend().buffer().clone()
}

/// Everything a page shows, paging down to its end.
fn whole_page(app: &mut App, width: u16, height: u16) -> String {
    let mut seen = String::new();
    for _ in 0..60 {
        let screen = render(app, width, height);
        let end = screen.contains("end of the page") || !screen.contains("more below");
        seen.push_str(&screen);
        if end {
            break;
        }
        press(app, KeyCode::PageDown);
    }
    seen
}

#[test]
fn the_comparison_of_two_draws_bars_and_every_part_at_each_size() {
    let (history, person) = two();
    for (width, height) in SIZES {
        let mut app = history_app(&history.store, &person, Theme::PLAIN);
        press(&mut app, KeyCode::Char('c'));
        let screen = render(&app, width, height);
        assert!(screen.contains("then ▒"), "{screen}");
        assert!(screen.contains("now  █"), "{screen}");
        insta::assert_snapshot!(format!("compare_two_{width}x{height}"), screen);
        let all = whole_page(&mut app, width, height);
        for part in [
            "Section scores",
            "Where the gap points",
            "Check-in",
            "Perfectionism",
            "Tasks to hand over",
            "and how they went",
        ] {
            assert!(
                all.contains(part),
                "{part} missing at {width}×{height}:\n{all}"
            );
        }
        for change in ["▲ better", "▼ worse", "= same", "≠ changed"] {
            assert!(all.contains(change), "{change} at {width}×{height}");
        }
    }
}

#[test]
fn a_wide_comparison_uses_the_width_and_sets_notes_side_by_side() {
    let (history, person) = two();
    let mut app = history_app(&history.store, &person, Theme::PLAIN);
    press(&mut app, KeyCode::Char('c'));
    let wide = whole_page(&mut app, 200, 60);
    let widest = wide.lines().map(|line| line.chars().count()).max();
    assert!(widest > Some(150), "half the screen left empty:\n{wide}");
    // Perfectionism's two notes sit on one row, then's left of now's.
    let notes = wide
        .lines()
        .find(|line| line.contains("Releases must be flawless"))
        .expect("the note then");
    assert!(notes.contains("Letting small things go."), "{notes}");
}

#[test]
fn then_and_now_are_told_apart_without_colour() {
    let (history, person) = two();
    let mut app = history_app(&history.store, &person, Theme::PLAIN);
    press(&mut app, KeyCode::Char('c'));
    for width in [60, 120] {
        let drawn = buffer(&app, width, 40);
        let mut then = None;
        let mut now = None;
        for y in 0..drawn.area.height {
            for x in 0..drawn.area.width {
                let cell = &drawn[(x, y)];
                match cell.symbol() {
                    "▒" => then = Some(cell.style()),
                    "█" => now = Some(cell.style()),
                    _ => {}
                }
            }
        }
        let (then, now) = (then.expect("a bar then"), now.expect("a bar now"));
        // The plain theme has no colour: the same foreground for both.
        assert_eq!(then.fg, now.fg);
        assert!(then.add_modifier.contains(Modifier::DIM), "{then:?}");
        assert!(now.add_modifier.contains(Modifier::BOLD), "{now:?}");
        assert_ne!(then, now);
    }
}

#[test]
fn the_comparison_of_the_newest_two_of_fifty_at_each_size() {
    let (_dir, store, person) = fifty();
    let mut app = history_app(&store, &person, Theme::PLAIN);
    press(&mut app, KeyCode::Char('c'));
    for (width, height) in SIZES {
        let screen = render(&app, width, height);
        assert!(screen.contains("Section scores"), "{screen}");
        insta::assert_snapshot!(format!("compare_fifty_{width}x{height}"), screen);
    }
}

#[test]
fn the_trend_of_two_is_a_chart_with_both_dates_and_words_under_it() {
    let (history, person) = two();
    let mut app = history_app(&history.store, &person, Theme::PLAIN);
    press(&mut app, KeyCode::Char('t'));
    for (width, height) in SIZES {
        let screen = render(&app, width, height);
        assert!(
            screen.contains("2 Mar 2026") && screen.contains("15 Jun 2026"),
            "{screen}"
        );
        // Narrow rows name each figure; wide ones have a header.
        assert!(
            screen.contains("since the first") || screen.contains("first ▲"),
            "{screen}"
        );
        assert!(!screen.contains("better than first"), "{screen}");
        insta::assert_snapshot!(format!("trend_two_{width}x{height}"), screen);
    }
}

#[test]
fn the_trend_of_fifty_spaces_dates_by_time_at_each_size() {
    let (_dir, store, person) = fifty();
    let mut app = history_app(&store, &person, Theme::PLAIN);
    press(&mut app, KeyCode::Char('t'));
    for (width, height) in SIZES {
        let screen = render(&app, width, height);
        assert!(screen.contains("50 assessments"), "{screen}");
        insta::assert_snapshot!(format!("trend_fifty_{width}x{height}"), screen);
    }
    // The half-year gap: the ticks of the twentieth and the twenty-first
    // assessments are further apart than any two others.
    let screen = render(&app, 200, 60);
    let axis = screen
        .lines()
        .rfind(|line| line.contains('┴'))
        .expect("the axis");
    let ticks: Vec<usize> = axis
        .chars()
        .enumerate()
        .filter(|(_, c)| *c == '┴')
        .map(|(at, _)| at)
        .collect();
    let gaps: Vec<usize> = ticks.windows(2).map(|pair| pair[1] - pair[0]).collect();
    let widest = gaps.iter().max().copied().unwrap_or(0);
    assert!(widest >= 5 * gaps[0].max(1), "{axis}");
}

#[test]
fn arrows_pick_one_section_at_a_time_and_back_to_every_section() {
    let (_dir, store, person) = fifty();
    let mut app = history_app(&store, &person, Theme::PLAIN);
    press(&mut app, KeyCode::Char('t'));
    let every = render(&app, 120, 40);
    assert!(every.contains("every section"), "{every}");
    press(&mut app, KeyCode::Right);
    let first = render(&app, 120, 40);
    let workbook = history_fixture::workbook();
    assert!(
        first.contains(&format!("Trend: {}", workbook.sections[0].title)),
        "{first}"
    );
    assert!(first.contains("Since the first"), "{first}");
    insta::assert_snapshot!("trend_fifty_one_section_120x40", first);
    press(&mut app, KeyCode::Left);
    assert!(render(&app, 120, 40).contains("every section"));
    press(&mut app, KeyCode::Left);
    let last = render(&app, 120, 40);
    assert!(
        last.contains(&format!("Trend: {}", workbook.sections[5].title)),
        "{last}"
    );
    // The keys are in the footer and in ? help.
    let hints = last.lines().next_back().unwrap_or_default().to_string();
    assert!(hints.contains("→ section"), "{hints}");
    press(&mut app, KeyCode::Char('?'));
    let help = render(&app, 120, 40);
    assert!(help.contains("Show the next section alone"), "{help}");
}

#[test]
fn the_history_says_which_way_is_better_and_how_each_score_moved() {
    let (history, person) = two();
    let app = history_app(&history.store, &person, Theme::PLAIN);
    for (width, height) in [(60, 20), (120, 40)] {
        let screen = render(&app, width, height);
        let header = screen
            .lines()
            .find(|line| line.contains("Completed"))
            .expect("column headings");
        // Readiness and what helps are better higher; the rest lower.
        for heading in ["Ready↑", "Drive↓", "Signs↓", "Worse↓", "Helps↑", "Suppt↓"] {
            assert!(header.contains(heading), "{heading}: {header}");
        }
        assert!(screen.contains("↑ higher is better, ↓ lower is better"));
        // June against March: readiness up (better), drivers down (better),
        // support the same; March has nothing before it.
        let june = screen
            .lines()
            .find(|line| line.contains("15 Jun 2026"))
            .expect("June's row");
        assert!(
            june.contains("58 ▲") && june.contains("50 ▲") && june.contains("0 ="),
            "{june}"
        );
        let march = screen
            .lines()
            .find(|line| line.contains("2 Mar 2026"))
            .expect("March's row");
        assert!(!march.contains('▲') && !march.contains('▼'), "{march}");
    }
}

#[test]
fn a_trend_of_one_assessment_says_it_needs_two_and_draws_its_point() {
    let (history, person) = two();
    let _ = std::fs::remove_file(history.file(history_fixture::SECOND));
    let mut app = history_app(&history.store, &person, Theme::PLAIN);
    press(&mut app, KeyCode::Char('t'));
    for (width, height) in SIZES {
        let screen = render(&app, width, height);
        assert!(screen.contains("a trend needs at least two"), "{screen}");
        assert!(screen.contains("2 Mar 2026"), "{screen}");
    }
    press(&mut app, KeyCode::Right);
    assert!(render(&app, 60, 20).contains("a trend needs at least two"));
}
