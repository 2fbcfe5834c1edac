//! Every screen drawn into ratatui's test backend at the smallest supported
//! size and a roomy one, compared against reviewed snapshots, plus checks
//! on what must be visible whatever the wording.

mod common;

use ratatui::crossterm::event::{
    Event, KeyCode, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use handoff::app::{App, Screen};
use handoff::ui::screens::{HomeScreen, SessionScreen, Sheet};

const SIZES: [(u16, u16); 2] = [(60, 20), (120, 40)];

use common::{press, render, type_text};

fn session_app(dir: &tempfile::TempDir, sheet: Sheet) -> App {
    session_app_with(dir, sheet, common::full_assessment("Ana"))
}

/// Ana's session on `sheet`, over her home page, with these answers.
fn session_app_with(
    dir: &tempfile::TempDir,
    sheet: Sheet,
    assessment: handoff::assessment::Assessment,
) -> App {
    let mut app = common::app(dir);
    let person = app.store.add_person("Ana").expect("person");
    let mut session = SessionScreen::new(handoff::session::Session::resume(
        person.clone(),
        assessment,
        None,
        common::clock,
    ));
    session.session.go_to(sheet);
    app.screens.push(Screen::Home(HomeScreen::new(person)));
    app.screens.push(Screen::Session(Box::new(session)));
    app
}

#[test]
fn every_worksheet_at_both_sizes() {
    let dir = tempfile::tempdir().expect("temp");
    for sheet in Sheet::ALL {
        for (width, height) in SIZES {
            let mut app = session_app(&dir, sheet);
            app.set_size(width, height);
            let screen = render(&app, width, height);
            // The header names the worksheet by its number and its title.
            let header = screen.lines().next().unwrap_or_default();
            let place = format!("{}/11 {}", sheet.index() + 1, sheet.title(app.workbook()));
            assert!(
                header.contains(&place),
                "{sheet:?} at {width}×{height} does not say where we are ({place}):\n{screen}"
            );
            assert!(
                screen.contains("? help"),
                "{sheet:?} at {width}×{height} has no help hint:\n{screen}"
            );
            insta::assert_snapshot!(
                format!("sheet_{:02}_{sheet:?}_{width}x{height}", sheet.index() + 1),
                screen
            );
        }
    }
}

#[test]
fn a_rated_sheet_shows_every_scale_point_and_the_answer_in_words() {
    let dir = tempfile::tempdir().expect("temp");
    let app = session_app(&dir, Sheet::Drivers);
    let screen = render(&app, 60, 20);
    let scale = &app
        .workbook()
        .section(handoff::content::SectionKind::Drivers)
        .scale;
    for point in &scale.points {
        assert!(
            screen.contains(&point.label),
            "{} missing:\n{screen}",
            point.label
        );
    }
    let wide = render(&app, 120, 40);
    // In a draft an item may just not be reached yet; only a completed
    // assessment calls it skipped (tests/ui_revisit.rs).
    assert!(
        wide.contains("not rated yet") && !wide.contains("skipped"),
        "unanswered items in a draft read as not rated yet:\n{wide}"
    );
}

#[test]
fn the_explanation_is_one_key_away() {
    let dir = tempfile::tempdir().expect("temp");
    let mut app = session_app(&dir, Sheet::Drivers);
    let before = render(&app, 120, 40);
    press(&mut app, KeyCode::Char('e'));
    let after = render(&app, 120, 40);
    assert_ne!(before, after);
    let explanation = &app
        .workbook()
        .section(handoff::content::SectionKind::Drivers)
        .items[0]
        .explanation;
    let first_words: String = explanation
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        after.contains(&first_words),
        "{first_words:?} not shown:\n{after}"
    );
}

#[test]
fn text_cut_by_a_small_terminal_says_so_and_e_shows_all_of_it() {
    let dir = tempfile::tempdir().expect("temp");
    let mut app = session_app(&dir, Sheet::Gap);
    app.set_size(60, 20);
    let cut = render(&app, 60, 20);
    assert!(
        cut.contains("… more: press e to read it all"),
        "no sign that the text goes on:\n{cut}"
    );
    let high_end = app.workbook().gap.directions[1].title.clone();
    assert!(!cut.contains(high_end.as_str()), "expected a cut:\n{cut}");
    press(&mut app, KeyCode::Char('e'));
    let whole = render(&app, 60, 20);
    assert!(
        whole.contains(&format!("High end — {high_end}")),
        "the cut text is not in the longer view:\n{whole}"
    );
    // Where everything fits there is nothing to say.
    let roomy = render(&session_app(&dir, Sheet::Gap), 120, 40);
    assert!(!roomy.contains("… more"), "{roomy}");
}

#[test]
fn a_click_on_a_scale_point_rates_it_wherever_the_layout_put_the_scale() {
    let dir = tempfile::tempdir().expect("temp");
    // Drivers' first item has no note, so the note keeps two rows; the
    // gap's has one and keeps four: the scale sits at a different row.
    for sheet in [Sheet::Drivers, Sheet::Gap] {
        for (width, height) in SIZES {
            let mut app = session_app(&dir, sheet);
            app.set_size(width, height);
            let before = render(&app, width, height);
            let (row, line) = before
                .lines()
                .enumerate()
                .find(|(_, line)| line.contains(" 2 ○ "))
                .unwrap_or_else(|| panic!("no point 2 on the scale:\n{before}"));
            let column = line.find(" 2 ○ ").expect("point") as u16 + 2;
            app.handle_event(Event::Mouse(MouseEvent {
                kind: MouseEventKind::Down(MouseButton::Left),
                column,
                row: row as u16,
                modifiers: KeyModifiers::NONE,
            }));
            let after = render(&app, width, height);
            let answered = after.lines().nth(row).unwrap_or_default();
            assert!(
                answered.contains(" 2 ● ") && answered.contains("← your answer"),
                "{sheet:?} at {width}×{height}: the click did not rate 2:\n{after}"
            );
        }
    }
}

#[test]
fn a_long_answer_wraps_in_its_column_under_its_label() {
    let dir = tempfile::tempdir().expect("temp");
    let mut assessment = common::full_assessment("Ana");
    assessment.check_in.situation = "Priya takes over the monthly metrics report next week, \
        and I keep finding reasons to check every number before it goes out"
        .into();
    let app = session_app_with(&dir, Sheet::CheckIn, assessment);
    let screen = render(&app, 60, 20);
    let answer: Vec<&str> = screen
        .lines()
        .skip_while(|line| !line.contains("Priya takes over"))
        .take_while(|line| !line.trim().is_empty())
        .collect();
    assert!(answer.len() >= 2, "expected the answer to wrap:\n{screen}");
    let column = answer[0].find("Priya").expect("start");
    for row in &answer[1..] {
        let indent = row.len() - row.trim_start().len();
        assert_eq!(indent, column, "a row left its column:\n{screen}");
    }
    assert!(
        answer.concat().contains("before it goes out"),
        "the end of the answer is missing:\n{screen}"
    );
}

#[test]
fn the_field_in_focus_stays_on_screen_below_long_answers() {
    let dir = tempfile::tempdir().expect("temp");
    let mut assessment = common::full_assessment("Ana");
    let long = "a sentence that goes on for a while and wraps at sixty columns ".repeat(3);
    assessment.check_in.role = long.clone();
    assessment.check_in.situation = long;
    let mut app = session_app_with(&dir, Sheet::CheckIn, assessment);
    app.set_size(60, 20);
    for _ in 0..10 {
        press(&mut app, KeyCode::Down);
        let screen = render(&app, 60, 20);
        assert!(
            screen.lines().any(|line| line.contains('▶')),
            "the field in focus is off screen:\n{screen}"
        );
    }
}

#[test]
fn a_terminal_too_small_to_show_the_workbook_changes_nothing_but_can_quit() {
    let dir = tempfile::tempdir().expect("temp");
    let mut app = session_app(&dir, Sheet::Gap);
    app.set_size(120, 40);
    press(&mut app, KeyCode::Char('n'));
    let before = render(&app, 120, 40);
    app.set_size(40, 10);
    for code in [
        KeyCode::Char('4'),
        KeyCode::Char('x'),
        KeyCode::Enter,
        KeyCode::Tab,
        KeyCode::Esc,
        KeyCode::Char('?'),
    ] {
        press(&mut app, code);
    }
    app.handle_event(Event::Paste("pasted while hidden".into()));
    assert!(app.running);
    app.set_size(120, 40);
    assert_eq!(
        render(&app, 120, 40),
        before,
        "keys pressed while the workbook was hidden changed it"
    );
    app.set_size(40, 10);
    press(&mut app, KeyCode::Char('q'));
    assert!(!app.running, "q quits, as the too-small screen says");
}

#[test]
fn adding_a_person_takes_enter_and_esc_adds_no_one() {
    let dir = tempfile::tempdir().expect("temp");
    let mut app = common::app(&dir);
    press(&mut app, KeyCode::Char('a'));
    for c in "Ana".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    let typing = render(&app, 60, 20);
    let hints = typing.lines().last().unwrap_or_default();
    assert!(
        hints.contains("Enter add") && hints.contains("Esc cancel") && !hints.contains("Tab"),
        "the hints should say what Enter and Esc do here: {hints}"
    );
    press(&mut app, KeyCode::Tab);
    assert!(matches!(app.screen(), Screen::People(_)), "Tab adds no one");
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen(), Screen::People(_)));
    assert!(
        app.store.people().expect("people").people.is_empty(),
        "Esc added someone"
    );
    press(&mut app, KeyCode::Char('a'));
    for c in "Ana".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    press(&mut app, KeyCode::Enter);
    assert!(
        matches!(app.screen(), Screen::Home(_)),
        "Enter adds and opens"
    );
}

/// The People screen, first thing on start, with these people saved.
fn people_app(dir: &tempfile::TempDir, names: &[&str]) -> App {
    let store = handoff::store::Store::new(dir.path().join("data"));
    for name in names {
        store.add_person(name).expect("person");
    }
    common::app(dir)
}

#[test]
fn a_name_like_one_already_here_is_pointed_out_before_it_is_added() {
    let dir = tempfile::tempdir().expect("temp");
    let mut app = people_app(&dir, &["Sam Okafor-Lindqvist", "Ana Ruiz"]);
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "sam okafor-lindqvist");
    press(&mut app, KeyCode::Enter);
    let screen = render(&app, 60, 20);
    let words = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains(
            "note: There is already Sam Okafor-Lindqvist. Press Enter again to add a second \
             person with this name, Esc to go back."
        ),
        "{screen}"
    );
    assert!(matches!(app.screen(), Screen::People(_)), "{screen}");
    assert_eq!(app.store.people().expect("people").people.len(), 2);
    insta::assert_snapshot!("people_alike_60x20", screen);
    // Esc goes back with the one already here highlighted.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.store.people().expect("people").people.len(), 2);
    let screen = render(&app, 60, 20);
    assert!(screen.contains("▶ Sam Okafor-Lindqvist"), "{screen}");
    // Enter a second time on the same name adds a second person.
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "Zoe O'Brien");
    press(&mut app, KeyCode::Enter);
    assert!(
        matches!(app.screen(), Screen::Home(_)),
        "no one like Zoe yet"
    );
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "Zoë  O'Brien");
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen(), Screen::People(_)));
    press(&mut app, KeyCode::Enter);
    assert!(
        matches!(app.screen(), Screen::Home(_)),
        "the second Enter adds"
    );
    let names: Vec<String> = app
        .store
        .people()
        .expect("people")
        .people
        .into_iter()
        .map(|person| person.name)
        .collect();
    assert_eq!(
        names,
        [
            "Ana Ruiz",
            "Sam Okafor-Lindqvist",
            "Zoe O'Brien",
            "Zoë  O'Brien"
        ]
    );
}

#[test]
fn a_name_typed_exactly_opens_that_person_without_a_question() {
    let dir = tempfile::tempdir().expect("temp");
    let mut app = people_app(&dir, &["Sam Okafor-Lindqvist"]);
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "Sam Okafor-Lindqvist");
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen(), Screen::Home(_)));
    assert_eq!(app.store.people().expect("people").people.len(), 1);
}

#[test]
fn a_draft_with_only_words_in_it_counts_them_as_answers() {
    let dir = tempfile::tempdir().expect("temp");
    let mut app = common::app(&dir);
    let person = app.store.add_person("Ana").expect("person");
    let mut draft = handoff::assessment::Assessment::start(
        "Ana",
        "2026.11",
        common::at("2026-11-23T09:30:00+01:00"),
    );
    draft.check_in.role = "Head of analytics".into();
    app.store.save_draft(&person, &draft).expect("draft");
    let mut home = HomeScreen::new(person);
    let mut status = None;
    home.reload(&app.store, app.workbook(), &mut status);
    app.screens.push(Screen::Home(home));
    let screen = render(&app, 80, 24);
    assert!(screen.contains("· 1 answered"), "{screen}");
}

/// Ana's page with two drafts started the same minute: one about the
/// vendor invoices, changed at 23:55; one about the metrics report,
/// changed after midnight.
fn two_drafts_app(dir: &tempfile::TempDir) -> (App, handoff::store::Person) {
    let store = handoff::store::Store::new(dir.path().join("data"));
    let person = store.add_person("Ana").expect("person");
    for (id, situation, changed) in [
        (
            "20261130-234900-bbbb",
            "Handing the vendor invoices to Sam.",
            "2026-11-30T23:55:00+01:00",
        ),
        (
            "20261130-234900-cccc",
            "Priya takes over the monthly metrics report next week, and I keep checking",
            "2026-12-01T00:10:00+01:00",
        ),
    ] {
        let mut draft = handoff::assessment::Assessment::start(
            "Ana",
            "2026.11",
            common::at("2026-11-30T23:49:00+01:00"),
        );
        draft.id = id.to_string();
        draft.check_in.situation = situation.to_string();
        draft.updated = common::at(changed);
        store.save_draft(&person, &draft).expect("draft");
    }
    let mut app = common::app(dir);
    app.open_person(person.clone());
    (app, person)
}

fn draft_files(app: &App, person: &handoff::store::Person) -> usize {
    app.store.drafts(person).len()
}

#[test]
fn two_drafts_on_a_persons_page_say_what_each_holds_and_when_it_changed() {
    let dir = tempfile::tempdir().expect("temp");
    let (app, _) = two_drafts_app(&dir);
    for (width, height) in [(60, 20), (120, 40)] {
        let screen = render(&app, width, height);
        assert!(
            screen.contains("Resume the draft changed 30 Nov 2026, 23:55 · 1 answered")
                && screen.contains("“Handing the vendor invoices to Sam.”")
                && screen.contains("Resume the draft changed 1 Dec 2026, 00:10 · 1 answered")
                && screen.contains("“Priya takes over the monthly metrics…”"),
            "{screen}"
        );
        let footer = screen.lines().last().unwrap_or_default();
        assert!(
            footer.contains("d discard draft") && footer.contains("? help"),
            "{footer}"
        );
    }
    insta::assert_snapshot!("home_two_drafts_60x20", render(&app, 60, 20));
    let mut app = app;
    press(&mut app, KeyCode::Char('?'));
    let help = render(&app, 120, 40);
    assert!(
        help.contains("d  Throw away the highlighted draft (asks first)"),
        "{help}"
    );
}

#[test]
fn a_draft_is_thrown_away_only_after_a_yes() {
    let dir = tempfile::tempdir().expect("temp");
    let (mut app, person) = two_drafts_app(&dir);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('d'));
    let asking = render(&app, 60, 20);
    let words = asking.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("Throw away the draft changed 1 Dec 2026, 00:10")
            && words.contains("“Priya takes over the monthly metrics…”"),
        "the question names the draft:\n{asking}"
    );
    insta::assert_snapshot!("home_discard_draft_60x20", asking);
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(draft_files(&app, &person), 2, "n keeps it");
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Esc);
    assert_eq!(draft_files(&app, &person), 2, "Esc keeps it");
    assert!(
        matches!(app.screen(), Screen::Home(_)),
        "Esc only closed the question"
    );
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Char('y'));
    let drafts = app.store.drafts(&person);
    assert_eq!(drafts.len(), 1);
    assert!(
        drafts[0].path().ends_with("20261130-234900-bbbb.toml"),
        "the highlighted draft went, the other stayed: {drafts:?}"
    );
    let screen = render(&app, 60, 20);
    assert!(
        screen.contains("✓ The draft changed 1 Dec 2026, 00:10 was thrown away."),
        "{screen}"
    );
    assert_eq!(screen.matches("Resume the draft").count(), 1, "{screen}");
    // d means nothing where no draft is highlighted.
    press(&mut app, KeyCode::Down);
    assert!(!render(&app, 60, 20).contains("d discard draft"));
    press(&mut app, KeyCode::Char('d'));
    assert_eq!(draft_files(&app, &person), 1);
}

#[test]
fn a_draft_open_in_another_window_is_never_thrown_away() {
    let dir = tempfile::tempdir().expect("temp");
    let (mut app, person) = two_drafts_app(&dir);
    let other_window = handoff::store::lock_person(&person).expect("lock");
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(draft_files(&app, &person), 2);
    let screen = render(&app, 120, 40);
    assert!(
        screen
            .contains("Nothing was thrown away: Ana's workbook is open in another handoff window"),
        "{screen}"
    );
    drop(other_window);
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(draft_files(&app, &person), 1, "once the window closed");
}

#[test]
fn a_draft_changed_since_the_page_listed_it_is_kept() {
    let dir = tempfile::tempdir().expect("temp");
    let (mut app, person) = two_drafts_app(&dir);
    let path = app.store.draft_path(&person, "20261130-234900-bbbb");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, text.replace("vendor invoices", "supplier invoices")).expect("write");
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(draft_files(&app, &person), 2);
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains("it changed since this page listed it")
            && screen.contains("supplier invoices"),
        "{screen}"
    );
}

#[test]
fn deleting_from_the_end_of_a_long_answer_keeps_the_rest_in_view() {
    let dir = tempfile::tempdir().expect("temp");
    let mut app = session_app(&dir, Sheet::CheckIn);
    app.set_size(60, 20);
    press(&mut app, KeyCode::Enter);
    let long = " and a team of eight, two new this spring, one more joining in January";
    for c in long.chars() {
        press(&mut app, KeyCode::Char(c));
        render(&app, 60, 20);
    }
    for _ in 0..40 {
        press(&mut app, KeyCode::Backspace);
        render(&app, 60, 20);
    }
    let kept = format!("Head of analytics{long}");
    let kept = &kept[..kept.len() - 40];
    let screen = render(&app, 60, 20);
    let in_the_box = screen
        .lines()
        .find(|line| line.starts_with(" │"))
        .unwrap_or_else(|| panic!("no editor:\n{screen}"));
    let tail = &kept[kept.len() - 20..];
    assert!(
        in_the_box.contains(tail),
        "the box should show the text before the cursor ({tail:?}):\n{screen}"
    );
}

#[test]
fn a_long_key_description_in_the_help_wraps_under_itself() {
    let dir = tempfile::tempdir().expect("temp");
    let mut app = session_app(&dir, Sheet::CheckIn);
    press(&mut app, KeyCode::Char('?'));
    let help = render(&app, 60, 20);
    let lines: Vec<&str> = help.lines().collect();
    let esc = lines
        .iter()
        .position(|line| line.contains("Leave the assessment"))
        .unwrap_or_else(|| panic!("no Esc line:\n{help}"));
    // In characters: the screen behind the box has wide bytes (▶, │).
    let column_of = |line: &str, byte: usize| line[..byte].chars().count();
    let column = column_of(lines[esc], lines[esc].find("Leave").expect("text"));
    let next = lines[esc + 1];
    let continued = column_of(next, next.find("(asks").expect("a second row"));
    assert_eq!(continued, column, "the second row left its column:\n{help}");
}

#[test]
fn tab_past_either_end_of_the_worksheets_says_why_nothing_moved() {
    let dir = tempfile::tempdir().expect("temp");
    let mut app = session_app(&dir, Sheet::Summary);
    press(&mut app, KeyCode::Tab);
    let screen = render(&app, 60, 20);
    assert!(screen.contains("11/11"), "{screen}");
    assert!(screen.contains("This is the last worksheet"), "{screen}");
    let mut app = session_app(&dir, Sheet::CheckIn);
    press(&mut app, KeyCode::BackTab);
    let screen = render(&app, 60, 20);
    assert!(screen.contains("1/11"), "{screen}");
    assert!(screen.contains("This is the first worksheet"), "{screen}");
}

#[test]
fn a_due_date_that_has_passed_is_kept_and_pointed_out() {
    let dir = tempfile::tempdir().expect("temp");
    let mut app = session_app(&dir, Sheet::Commitments);
    for _ in 0..3 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    let screen = render(&app, 60, 20);
    assert!(
        screen.contains("┌ By when"),
        "not editing the date:\n{screen}"
    );
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    for c in "2020-01-10".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    press(&mut app, KeyCode::Enter);
    let screen = render(&app, 60, 20);
    assert!(
        screen.contains("2020-01-10"),
        "the date was not kept:\n{screen}"
    );
    assert!(
        screen.contains("10 January 2020 has already passed"),
        "{screen}"
    );
}

/// The status line: the row above the key hints.
fn status_line(screen: &str) -> String {
    let rows: Vec<&str> = screen.lines().collect();
    rows[rows.len() - 2].trim().to_string()
}

#[test]
fn a_notice_never_wears_the_tick_of_a_success() {
    let dir = tempfile::tempdir().expect("temp");
    let mut app = session_app(&dir, Sheet::Commitments);
    for _ in 0..3 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    for c in "2020-01-10".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    press(&mut app, KeyCode::Enter);
    let status = status_line(&render(&app, 120, 40));
    assert!(
        status.starts_with("note: 10 January 2020 has already passed"),
        "{status}"
    );
    let mut app = session_app(&dir, Sheet::Summary);
    press(&mut app, KeyCode::Tab);
    let status = status_line(&render(&app, 120, 40));
    assert!(
        status.starts_with("note: This is the last worksheet"),
        "{status}"
    );
    let mut app = session_app(&dir, Sheet::Modes);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    let status = status_line(&render(&app, 120, 40));
    assert!(status.starts_with("note: A choice"), "{status}");
    // A success still says so.
    let mut app = session_app(&dir, Sheet::Drivers);
    press(&mut app, KeyCode::Esc);
    let status = status_line(&render(&app, 120, 40));
    assert!(
        status.starts_with("✓ Your answers are saved as a draft"),
        "{status}"
    );
}

#[test]
fn the_saved_file_is_named_from_the_data_folder_and_breaks_only_after_a_slash() {
    let dir = tempfile::tempdir().expect("temp");
    let name = "Sam Okafor-Lindqvist Featherstonehaugh-Whitby";
    let mut app = common::app(&dir);
    let person = app.store.add_person(name).expect("person");
    let mut session = SessionScreen::new(handoff::session::Session::resume(
        person.clone(),
        common::full_assessment(name),
        None,
        common::clock,
    ));
    session.session.go_to(Sheet::Summary);
    app.screens
        .push(Screen::Home(HomeScreen::new(person.clone())));
    app.screens.push(Screen::Session(Box::new(session)));
    press(&mut app, KeyCode::Char('c'));
    press(&mut app, KeyCode::Char('y'));
    let screen = render(&app, 60, 20);
    let rows: Vec<&str> = screen.lines().collect();
    let first = rows
        .iter()
        .position(|row| row.contains("Assessment complete"))
        .unwrap_or_else(|| panic!("not completed:\n{screen}"));
    let status: Vec<&str> = rows[first..rows.len() - 1]
        .iter()
        .map(|row| row.trim())
        .collect();
    let path = format!(
        "people/{}/assessments/20261123-093000-beef.toml",
        person.key()
    );
    assert!(
        status.concat().contains(&path),
        "the path from the data folder, whole:\n{screen}"
    );
    assert!(
        !status.concat().contains(&dir.path().display().to_string()),
        "{screen}"
    );
    let message = format!("✓ Assessment complete, saved in the data folder as {path}");
    for (row, next) in status.iter().zip(&status[1..]) {
        let between_words = message.contains(&format!("{} {}", last_word(row), first_word(next)));
        assert!(
            row.ends_with('/') || between_words,
            "broken inside a word between {row:?} and {next:?}:\n{screen}"
        );
    }
    assert!(status.iter().all(|row| !row.is_empty()), "{screen}");
}

fn last_word(row: &str) -> &str {
    row.rsplit(' ').next().unwrap_or_default()
}

fn first_word(row: &str) -> &str {
    row.split(' ').next().unwrap_or_default()
}

#[test]
fn tab_from_typing_onto_a_choice_says_how_to_choose() {
    let dir = tempfile::tempdir().expect("temp");
    let mut app = session_app(&dir, Sheet::Modes);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    let screen = render(&app, 60, 20);
    assert!(
        screen.contains("← or → picks one"),
        "landing on the choice went unexplained:\n{screen}"
    );
}

#[test]
fn people_home_help_picker_and_note_editor() {
    let dir = tempfile::tempdir().expect("temp");
    for (width, height) in SIZES {
        let app = common::app(&dir);
        insta::assert_snapshot!(
            format!("people_empty_{width}x{height}"),
            render(&app, width, height)
        );
    }
    let mut app = session_app(&dir, Sheet::Drivers);
    press(&mut app, KeyCode::Char('?'));
    let help = render(&app, 60, 20);
    assert!(help.contains("Keys on this screen"), "{help}");
    insta::assert_snapshot!("help_drivers_60x20", help);
    // Help is longer than a small screen: it scrolls to its last key.
    for _ in 0..5 {
        press(&mut app, KeyCode::PageDown);
    }
    let end = render(&app, 60, 20);
    assert!(
        end.contains("Quit (asks first if anything could not be"),
        "{end}"
    );
    assert!(app.help_open, "scrolling keeps the help open");
    press(&mut app, KeyCode::Char('x'));
    assert!(!app.help_open, "any other key closes it");
    press(&mut app, KeyCode::Char('g'));
    insta::assert_snapshot!("picker_120x40", render(&app, 120, 40));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('n'));
    let editing = render(&app, 60, 20);
    assert!(editing.contains("Esc done"), "{editing}");
    assert!(
        !editing.contains("q quit"),
        "q must not be offered while typing:\n{editing}"
    );
    insta::assert_snapshot!("note_editor_60x20", editing);
}

#[test]
fn a_terminal_too_small_says_what_it_needs_and_recovers() {
    let dir = tempfile::tempdir().expect("temp");
    let app = session_app(&dir, Sheet::Drivers);
    for (width, height) in [(59, 20), (60, 19), (20, 5), (1, 1)] {
        let screen = render(&app, width, height);
        if width >= 20 {
            assert!(
                screen.contains("60×20") || screen.contains("60"),
                "{screen}"
            );
        }
    }
    let screen = render(&app, 60, 20);
    assert!(!screen.contains("needs a terminal"), "{screen}");
}

#[test]
fn every_size_from_tiny_to_huge_draws_without_panic() {
    let dir = tempfile::tempdir().expect("temp");
    for sheet in Sheet::ALL {
        let app = session_app(&dir, sheet);
        for (width, height) in [
            (1, 1),
            (10, 3),
            (60, 20),
            (61, 21),
            (80, 24),
            (99, 30),
            (100, 30),
            (109, 35),
            (110, 35),
            (200, 60),
            (250, 80),
        ] {
            render(&app, width, height);
        }
    }
}

#[test]
fn without_colour_nothing_is_coloured_and_the_answer_still_shows() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::style::Color;
    let dir = tempfile::tempdir().expect("temp");
    for sheet in Sheet::ALL {
        let app = session_app(&dir, sheet);
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
        terminal
            .draw(|frame| handoff::ui::draw(frame, &app))
            .expect("draw");
        let buffer = terminal.backend().buffer();
        for cell in buffer.content() {
            assert!(
                matches!(cell.fg, Color::Reset) && matches!(cell.bg, Color::Reset),
                "{sheet:?}: a coloured cell {:?} with NO_COLOR",
                cell.symbol()
            );
        }
    }
    // The chosen point is marked by a symbol and words, not colour alone.
    let app = session_app(&dir, Sheet::Drivers);
    let screen = render(&app, 60, 20);
    assert!(
        screen.contains("● ") && screen.contains("your answer"),
        "{screen}"
    );
}

/// The keys shown are the keys that work: on a 0–4 scale the help offers
/// 0-4, not 0-9; the footer shows ↑ and ↓ together; a choice offers ← →,
/// not "Enter edit"; an empty Commitments sheet is not filled by Enter.
#[test]
fn the_footer_and_help_offer_only_keys_that_work_here() {
    let dir = tempfile::tempdir().expect("temp");
    let mut app = session_app(&dir, Sheet::Drivers);
    let footer = render(&app, 120, 40);
    assert!(footer.contains("↑↓ item"), "{footer}");
    press(&mut app, KeyCode::Char('?'));
    let help = render(&app, 120, 40);
    assert!(help.contains("0-4  Rate"), "{help}");
    assert!(!help.contains("0-9"), "{help}");

    let mut app = session_app(&dir, Sheet::Modes);
    // Task 1: what, to whom, then the choice.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    let on_choice = render(&app, 120, 40);
    let footer = on_choice
        .lines()
        .rev()
        .find(|row| !row.is_empty())
        .unwrap_or("");
    assert!(footer.contains("←→ choose"), "{footer}");
    assert!(!footer.contains("Enter"), "{footer}");

    let mut empty = common::full_assessment("Ana");
    empty.commitments.clear();
    let mut app = session_app_with(&dir, Sheet::Commitments, empty);
    press(&mut app, KeyCode::Enter);
    let Screen::Session(session) = app.screen() else {
        panic!("no session")
    };
    assert!(
        session.assessment().commitments.is_empty(),
        "Enter added one"
    );
    let screen = render(&app, 60, 20);
    assert!(screen.contains("Press a to add one"), "{screen}");
}

#[test]
fn the_worksheet_list_takes_a_sheets_number() {
    let dir = tempfile::tempdir().expect("temp");
    let mut app = session_app(&dir, Sheet::CheckIn);
    press(&mut app, KeyCode::Char('g'));
    press(&mut app, KeyCode::Char('9'));
    let Screen::Session(session) = app.screen() else {
        panic!("no session")
    };
    assert_eq!(session.sheet(), Sheet::Commitments);
    press(&mut app, KeyCode::Char('g'));
    press(&mut app, KeyCode::Char('0'));
    let Screen::Session(session) = app.screen() else {
        panic!("no session")
    };
    assert_eq!(session.sheet(), Sheet::Summary);
}

/// The title of every item a rated worksheet lists, as the content has it.
fn item_titles(app: &App, sheet: Sheet) -> Vec<String> {
    use handoff::assessment::Rated;
    sheet
        .rated(app.workbook())
        .into_iter()
        .map(|rated| match rated {
            Rated::Placement => "Where you sit".to_string(),
            Rated::Item(kind, id) => app
                .workbook()
                .section(kind)
                .item(&id)
                .expect("item in content")
                .title
                .clone(),
        })
        .collect()
}

const RATED_SHEETS: [Sheet; 6] = [
    Sheet::Gap,
    Sheet::Drivers,
    Sheet::Symptoms,
    Sheet::Aggravators,
    Sheet::Remedies,
    Sheet::Support,
];

#[test]
fn every_item_title_is_whole_in_the_list_of_a_wide_terminal() {
    let dir = tempfile::tempdir().expect("temp");
    for sheet in RATED_SHEETS {
        let app = session_app(&dir, sheet);
        let screen = render(&app, 200, 60);
        for title in item_titles(&app, sheet) {
            // One row of the list holds the whole title after its mark.
            let in_the_list = screen.lines().any(|line| {
                line.split('│').any(|cell| {
                    let cell = cell.trim();
                    cell == format!("○ {title}") || cell == format!("● {title}")
                })
            });
            assert!(
                in_the_list,
                "{sheet:?}: “{title}” is not whole in the list:\n{screen}"
            );
        }
    }
}

/// Text from rows of the screen between the first and second `│`: the
/// list of items when the worksheet list is beside it.
fn list_column(screen: &str) -> String {
    screen
        .lines()
        .filter_map(|row| row.split('│').nth(1))
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ")
}

/// What sits right of the lists beside the main text (the worksheets, a
/// sheet's items), words joined by single spaces, so text can be found
/// however it wrapped.
fn flat_main(screen: &str) -> String {
    screen
        .lines()
        .map(|row| row.rsplit_once('│').map_or(row, |(_, right)| right))
        .flat_map(str::split_whitespace)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn where_the_list_is_narrow_a_long_title_wraps_rather_than_being_cut() {
    let dir = tempfile::tempdir().expect("temp");
    for sheet in RATED_SHEETS {
        let app = session_app(&dir, sheet);
        // Short enough that every row of the list is on screen.
        let screen = render(&app, 120, 60);
        let list = list_column(&screen)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        for title in item_titles(&app, sheet) {
            assert!(
                list.contains(&title),
                "{sheet:?}: “{title}” is cut in the list:\n{screen}"
            );
        }
    }
}

#[test]
fn at_the_smallest_size_each_item_title_is_whole_or_cut_after_a_word() {
    let dir = tempfile::tempdir().expect("temp");
    for sheet in RATED_SHEETS {
        let mut app = session_app(&dir, sheet);
        for title in item_titles(&app, sheet) {
            let screen = render(&app, 60, 20);
            let words = screen.split_whitespace().collect::<Vec<_>>().join(" ");
            let whole = words.contains(&title);
            let cut_after_a_word = title
                .char_indices()
                .any(|(at, c)| c == ' ' && words.contains(&format!("{}…", &title[..at])));
            assert!(
                whole || cut_after_a_word,
                "{sheet:?}: “{title}” is cut mid-word:\n{screen}"
            );
            press(&mut app, KeyCode::Down);
        }
    }
}

#[test]
fn item_titles_at_the_smallest_and_a_wide_size() {
    let dir = tempfile::tempdir().expect("temp");
    for sheet in [Sheet::Symptoms, Sheet::Aggravators] {
        for (width, height) in [(60, 20), (200, 60)] {
            let mut app = session_app(&dir, sheet);
            app.set_size(width, height);
            insta::assert_snapshot!(
                format!("titles_{sheet:?}_{width}x{height}"),
                render(&app, width, height)
            );
        }
    }
}

#[test]
fn a_long_name_in_the_title_bar_is_shortened_before_the_worksheet() {
    let dir = tempfile::tempdir().expect("temp");
    let mut app = common::app(&dir);
    let person = app
        .store
        .add_person("Sam Okafor-Lindqvist")
        .expect("person");
    let mut session = SessionScreen::new(handoff::session::Session::resume(
        person.clone(),
        common::full_assessment("Sam Okafor-Lindqvist"),
        None,
        common::clock,
    ));
    session.session.go_to(Sheet::Modes);
    app.screens.push(Screen::Home(HomeScreen::new(person)));
    app.screens.push(Screen::Session(Box::new(session)));
    let screen = render(&app, 60, 20);
    let title = screen.lines().next().unwrap_or_default();
    assert!(
        title.ends_with("8/11 Learning or performance"),
        "the worksheet's name is cut: {title}"
    );
    assert!(
        title.contains("Sam Okafor…"),
        "the name should be shortened: {title}"
    );
    let wide = render(&app, 120, 40);
    assert!(
        wide.lines()
            .next()
            .unwrap_or_default()
            .contains("Sam Okafor-Lindqvist · 8/11 Learning or performance"),
        "{wide}"
    );
}

#[test]
fn the_worksheet_lists_and_the_list_of_cards_show_long_titles_whole() {
    use handoff::content::SectionKind;
    let dir = tempfile::tempdir().expect("temp");
    // A coach's own workbook may name things at greater length.
    let mut workbook = handoff::content::load_builtin().unwrap_or_else(|errors| panic!("{errors}"));
    let long_sheet = "What drives it when the pressure is on";
    let long_card = "Rescuing the work at the very last minute";
    workbook
        .sections
        .iter_mut()
        .find(|section| section.kind == SectionKind::Drivers)
        .expect("drivers")
        .title = long_sheet.to_string();
    workbook.patterns[0].title = long_card.to_string();
    let store = handoff::store::Store::new(dir.path().join("data"));
    let mut app = App::new(workbook, store, handoff::ui::Theme::PLAIN, common::clock);
    let person = app.store.add_person("Ana").expect("person");
    let mut session = SessionScreen::new(handoff::session::Session::resume(
        person.clone(),
        common::full_assessment("Ana"),
        None,
        common::clock,
    ));
    session.session.go_to(Sheet::Symptoms);
    app.screens.push(Screen::Home(HomeScreen::new(person)));
    app.screens.push(Screen::Session(Box::new(session)));
    let sidebar = render(&app, 200, 60);
    assert!(
        sidebar.contains(long_sheet),
        "cut in the worksheet list:\n{sidebar}"
    );
    press(&mut app, KeyCode::Char('g'));
    for (width, height) in [(60, 20), (200, 60)] {
        let screen = render(&app, width, height);
        for sheet in Sheet::ALL {
            let title = sheet.title(app.workbook());
            assert!(
                screen.contains(&title),
                "“{title}” cut in the picker:\n{screen}"
            );
        }
    }
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('r'));
    let screen = render(&app, 200, 60);
    for pattern in &app.workbook().patterns {
        assert!(
            screen.contains(&pattern.title),
            "“{}” cut in the list of cards:\n{screen}",
            pattern.title
        );
    }
    // Where the list of cards cannot grow, a label is cut after a word.
    let screen = render(&app, 90, 30);
    assert!(screen.contains("Rescuing the work at the…"), "{screen}");
}

/// Where the choice is made: the question, then each kind's stance and
/// example, then what using only one costs, and the first task still in
/// reach, on the smallest terminal as on a roomy one.
#[test]
fn the_modes_sheet_puts_both_stances_beside_the_question() {
    let dir = tempfile::tempdir().expect("temp");
    for (width, height) in SIZES {
        let mut app = session_app(&dir, Sheet::Modes);
        app.set_size(width, height);
        let screen = render(&app, width, height);
        let words = flat_main(&screen);
        let modes = &app.workbook().modes;
        let mut expected = vec![format!("“{}”", modes.question)];
        for mode in &modes.modes {
            expected.push(mode.title.clone());
            expected.push(mode.mindset.clone());
            expected.push(mode.example.clone());
        }
        expected.push(modes.only_performance.clone());
        expected.push(modes.only_learning.clone());
        let mut from = 0;
        for text in expected {
            let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let at = words[from..].find(&flat).unwrap_or_else(|| {
                panic!("{width}×{height}: {flat:?} missing or out of order:\n{screen}")
            });
            from += at + flat.len();
        }
        assert!(
            words[from..].contains("Balance: 1 for performance · 1 for learning"),
            "{width}×{height}:\n{screen}"
        );
        assert!(
            screen.contains("▶ What") && screen.contains("Monthly metrics report"),
            "{width}×{height}: the first task is out of reach:\n{screen}"
        );
        let goal = &modes.modes[0].goal;
        assert_eq!(
            words.contains(goal.as_str()),
            height >= 30,
            "{width}×{height}: the goals show only where there is room:\n{screen}"
        );
    }
}

#[test]
fn every_field_of_every_task_is_reachable_on_the_smallest_terminal() {
    let dir = tempfile::tempdir().expect("temp");
    let mut app = session_app(&dir, Sheet::Modes);
    app.set_size(60, 20);
    // Two tasks of four fields each; the last press stays on the last one.
    for step in 0..9 {
        let screen = render(&app, 60, 20);
        assert!(
            screen.lines().any(|line| line.contains('▶')),
            "step {step}: the field in focus is off screen:\n{screen}"
        );
        press(&mut app, KeyCode::Down);
    }
    let screen = render(&app, 60, 20);
    assert!(
        screen.contains("▶ Note") && screen.contains("He has done it for years"),
        "the last task's note is out of reach:\n{screen}"
    );
}

#[test]
fn the_modes_sheet_says_when_every_task_is_one_kind() {
    let dir = tempfile::tempdir().expect("temp");
    let mut app = session_app_with(&dir, Sheet::Modes, common::letting_go_assessment("Sam"));
    app.set_size(60, 20);
    let screen = render(&app, 60, 20);
    assert!(
        screen.contains("! Every task here is for performance."),
        "{screen}"
    );
    assert!(screen.contains("▶ What"), "{screen}");
}

/// A leader who hands off too fast finds the other side of every item:
/// beside the scale where there is room, and always in the whole item.
#[test]
fn a_rated_item_speaks_to_the_other_side_of_the_gap_too() {
    let dir = tempfile::tempdir().expect("temp");
    let mut app = session_app(&dir, Sheet::Drivers);
    let driver = &app
        .workbook()
        .section(handoff::content::SectionKind::Drivers)
        .items[0];
    let other = driver.other_direction.clone().expect("other direction");
    let prompt = format!("“{}”", driver.other_prompt.clone().expect("its question"));
    let flat = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let wide = flat_main(&render(&app, 120, 40));
    assert!(wide.contains(&flat(&other)), "{wide}");
    assert!(wide.contains(&flat(&prompt)), "{wide}");
    // After the item's own prompts, so those keep their place.
    let own = flat(&driver.prompts[0]);
    assert!(wide.find(&own) < wide.find(&flat(&other)), "{wide}");

    app.set_size(60, 20);
    press(&mut app, KeyCode::Char('e'));
    let mut whole = String::new();
    for _ in 0..6 {
        whole.push_str(&render(&app, 60, 20));
        press(&mut app, KeyCode::PageDown);
    }
    let whole = flat(&whole);
    assert!(whole.contains(&flat(&prompt)), "{whole}");
}

#[test]
fn a_summary_leaning_towards_handing_off_unsupported() {
    let dir = tempfile::tempdir().expect("temp");
    let mut app = session_app_with(&dir, Sheet::Summary, common::letting_go_assessment("Sam"));
    app.set_size(120, 40);
    let screen = render(&app, 120, 40);
    assert!(
        flat_main(&screen)
            .contains("Your answers lean towards handing work off without enough support."),
        "{screen}"
    );
    insta::assert_snapshot!("summary_letting_go_120x40", screen);
}
