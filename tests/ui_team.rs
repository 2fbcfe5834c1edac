//! The team sheet drawn into ratatui's test backend: each of its five parts
//! at the smallest supported size and a roomy one, with one, six and fifteen
//! people (and ten skills), compared against reviewed snapshots; the grids
//! keep their headings and the focused cell in view; the map reads without
//! colour; keys set cells as the footer says.

mod common;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Color;

use handoff::app::{App, Screen};
use handoff::assessment::{Assessment, Raci};
use handoff::ui::screens::{HomeScreen, SessionScreen, Sheet, TeamPart};

use common::{press, render};

const SIZES: [(u16, u16); 2] = [(60, 20), (120, 40)];
const PARTS: [TeamPart; 5] = [
    TeamPart::People,
    TeamPart::Ratings,
    TeamPart::Map,
    TeamPart::Skills,
    TeamPart::Decisions,
];

fn with_team(people: usize, skills: usize) -> Assessment {
    let mut assessment = common::full_assessment("Ana");
    assessment.team = common::team(people, skills);
    assessment
}

/// Ana's session on the team sheet, on `part`.
fn team_app(dir: &tempfile::TempDir, assessment: Assessment, part: TeamPart) -> App {
    let mut app = common::app(dir);
    let person = app.store.add_person("Ana").expect("person");
    let mut session = SessionScreen::new(handoff::session::Session::resume(
        person.clone(),
        assessment,
        None,
        common::clock,
    ));
    session.session.go_to(Sheet::Team);
    session.team.part = part;
    app.screens.push(Screen::Home(HomeScreen::new(person)));
    app.screens.push(Screen::Session(Box::new(session)));
    app
}

fn session(app: &App) -> &SessionScreen {
    match app.screen() {
        Screen::Session(session) => session,
        _ => panic!("not in the session"),
    }
}

#[test]
fn every_part_with_one_six_and_fifteen_people_at_both_sizes() {
    let dir = tempfile::tempdir().expect("temp");
    for people in [1, 6, 15] {
        for part in PARTS {
            for (width, height) in SIZES {
                let mut app = team_app(&dir, with_team(people, 10), part);
                app.set_size(width, height);
                let screen = render(&app, width, height);
                assert!(
                    screen
                        .lines()
                        .next()
                        .unwrap_or_default()
                        .contains("3/11 Your team"),
                    "{screen}"
                );
                assert!(screen.contains("? help"), "{screen}");
                insta::assert_snapshot!(
                    format!("team_{part:?}_{people}_people_{width}x{height}"),
                    screen
                );
            }
        }
    }
}

#[test]
fn the_focused_cell_and_both_headings_stay_in_view_at_the_far_corner() {
    let dir = tempfile::tempdir().expect("temp");
    for part in [TeamPart::Ratings, TeamPart::Skills, TeamPart::Decisions] {
        for (width, height) in [(60, 20), (250, 80)] {
            let mut app = team_app(&dir, with_team(15, 10), part);
            app.set_size(width, height);
            for _ in 0..20 {
                press(&mut app, KeyCode::Down);
            }
            for _ in 0..25 {
                press(&mut app, KeyCode::Right);
            }
            let screen = render(&app, width, height);
            // The last row, marked as focused, with its heading.
            let (last_row, last_column) = match part {
                TeamPart::Ratings => ("Lena Vogel", "Clarity"),
                TeamPart::Skills => ("Mentoring", "You"),
                _ => ("Spending under", "By"),
            };
            assert!(
                screen.contains(&format!("▶ {last_row}")),
                "{part:?} at {width}×{height}: the last row is not focused in view:\n{screen}"
            );
            // The column headings row is still drawn, with the last column.
            assert!(
                screen.lines().any(|line| line.contains(last_column)
                    && (line.contains("Person")
                        || line.contains("Skill")
                        || line.contains("Decision"))),
                "{part:?} at {width}×{height} lost its headings:\n{screen}"
            );
            // And back to the first cell: the first row and column again.
            for _ in 0..20 {
                press(&mut app, KeyCode::Up);
            }
            for _ in 0..25 {
                press(&mut app, KeyCode::Left);
            }
            let screen = render(&app, width, height);
            assert!(
                ["▶ Priya", "▶ SQL", "▶ Release"]
                    .iter()
                    .any(|first| screen.contains(first)),
                "{part:?} at {width}×{height} did not come back:\n{screen}"
            );
        }
    }
}

#[test]
fn a_digit_sets_a_rating_and_a_letter_a_decision_right_as_the_footer_says() {
    let dir = tempfile::tempdir().expect("temp");
    let mut app = team_app(&dir, with_team(2, 3), TeamPart::Ratings);
    let screen = render(&app, 60, 20);
    assert!(screen.contains("0-4 set"), "{screen}");
    // Sam's resources: down a row, right twice from comfort.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Char('0'));
    let member = &session(&app).assessment().team.members[1];
    assert_eq!(member.readiness.get("resources"), Some(&0));
    press(&mut app, KeyCode::Char('x'));
    let member = &session(&app).assessment().team.members[1];
    assert_eq!(member.readiness.get("resources"), None);

    press(&mut app, KeyCode::Char(']'));
    press(&mut app, KeyCode::Char(']'));
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(session(&app).team.part, TeamPart::Decisions);
    // Priya's cell on the second decision: a letter, lower case or capital.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Right);
    let screen = render(&app, 60, 20);
    assert!(screen.contains("set R/A/C/I"), "{screen}");
    press(&mut app, KeyCode::Char('r'));
    let decision = &session(&app).assessment().team.decisions[1];
    assert_eq!(decision.rights.get("p1"), Some(&Raci::R));
    press(&mut app, KeyCode::Char('A'));
    let decision = &session(&app).assessment().team.decisions[1];
    assert_eq!(decision.rights.get("p1"), Some(&Raci::A));
    // The letters are explained on screen.
    let screen = render(&app, 120, 40);
    for word in ["Responsible", "Accountable", "Consulted", "Informed"] {
        assert!(screen.contains(word), "{word}:\n{screen}");
    }
    // A ladder cell takes a step 1 to 7, each step in words.
    for _ in 0..2 {
        press(&mut app, KeyCode::Right);
    }
    press(&mut app, KeyCode::Right);
    let screen = render(&app, 120, 40);
    assert!(screen.contains("I decide and tell you"), "{screen}");
    assert!(
        screen.contains("You decide; no need to tell me"),
        "{screen}"
    );
    press(&mut app, KeyCode::Char('5'));
    let decision = &session(&app).assessment().team.decisions[1];
    assert_eq!(decision.now, Some(5));
}

#[test]
fn tab_walks_the_parts_and_then_the_next_worksheet() {
    let dir = tempfile::tempdir().expect("temp");
    let mut app = team_app(&dir, with_team(1, 3), TeamPart::Ratings);
    for part in [TeamPart::Map, TeamPart::Skills, TeamPart::Decisions] {
        press(&mut app, KeyCode::Tab);
        assert_eq!(session(&app).team.part, part);
    }
    press(&mut app, KeyCode::Tab);
    assert_eq!(session(&app).sheet(), Sheet::Drivers);
    // An empty team is passed with one Tab.
    let mut app = team_app(&dir, common::full_assessment("Ana"), TeamPart::People);
    press(&mut app, KeyCode::Tab);
    assert_eq!(session(&app).sheet(), Sheet::Drivers);
}

fn buffer_of(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| handoff::ui::draw(frame, app))
        .expect("draw");
    terminal.backend().buffer().clone()
}

#[test]
fn the_map_reads_without_colour_by_position_and_words() {
    let dir = tempfile::tempdir().expect("temp");
    let mut assessment = common::full_assessment("Ana");
    assessment.team = common::team(3, 0);
    let app = team_app(&dir, assessment, TeamPart::Map);
    // The test app draws as with NO_COLOR set.
    let buffer = buffer_of(&app, 60, 20);
    for cell in buffer.content() {
        assert_eq!(cell.fg, Color::Reset, "a colour on {:?}", cell.symbol());
        assert_eq!(cell.bg, Color::Reset, "a colour on {:?}", cell.symbol());
    }
    let screen = render(&app, 120, 40);
    // Priya: comfort 4, readiness min(2, 3, 1) = 1 — the letter A sits on
    // the comfort 4 row, in the readiness 1 column.
    let row = screen
        .lines()
        .find(|line| line.contains(" 4 │ "))
        .unwrap_or_else(|| panic!("no comfort 4 row:\n{screen}"));
    let bar = row.find(" 4 │ ").expect("axis") + " 4 ".len();
    let a = row.find('A').expect("Priya's letter on the top row");
    let column = row[bar..a].chars().count() / 5;
    assert_eq!(column, 1, "{row}");
    // The words say the same.
    assert!(
        screen.contains("A Priya Shah (comfort 4, readiness 1) — letting go ahead"),
        "{screen}"
    );
    assert!(screen.contains("short on"), "{screen}");
    assert!(screen.contains("the weakest of the three"), "{screen}");
}

#[test]
fn a_gone_person_leaves_the_map_and_the_grids_but_not_the_list() {
    let dir = tempfile::tempdir().expect("temp");
    let mut assessment = with_team(3, 3);
    assessment.team.members[1].gone = true;
    let app = team_app(&dir, assessment.clone(), TeamPart::Map);
    let screen = render(&app, 120, 40);
    assert!(!screen.contains("Sam Okafor"), "{screen}");
    let app = team_app(&dir, assessment, TeamPart::People);
    let screen = render(&app, 120, 40);
    assert!(screen.contains("Person 2 (gone)"), "{screen}");
}

#[test]
fn a_task_picks_its_person_from_the_team_and_shows_the_suggested_mode() {
    let dir = tempfile::tempdir().expect("temp");
    let mut assessment = with_team(3, 2);
    assessment.tasks.truncate(1);
    assessment.tasks[0].mode = None;
    let mut app = team_app(&dir, assessment, TeamPart::People);
    if let Screen::Session(session) = app.screens.last_mut().expect("session") {
        session.session.go_to(Sheet::Modes);
    }
    press(&mut app, KeyCode::Down);
    let screen = render(&app, 60, 20);
    assert!(screen.contains("→ picks from your team"), "{screen}");
    assert!(
        screen.contains("→ team"),
        "the footer does not say so:\n{screen}"
    );
    press(&mut app, KeyCode::Right);
    let task = &session(&app).assessment().tasks[0];
    assert_eq!(task.to_whom, "Priya Shah");
    assert_eq!(task.member.as_deref(), Some("p1"));
    // Priya: comfort 4, readiness 1; the map suggests learning, with support.
    press(&mut app, KeyCode::Down);
    let screen = render(&app, 60, 20);
    assert!(screen.contains("Suggested: for learning"), "{screen}");
    assert!(screen.contains("s takes it"), "{screen}");
    press(&mut app, KeyCode::Char('s'));
    let task = &session(&app).assessment().tasks[0];
    assert_eq!(
        task.mode,
        Some(handoff::assessment::DelegationMode::Learning)
    );
    insta::assert_snapshot!("modes_with_a_team_60x20", render(&app, 60, 20));
}
