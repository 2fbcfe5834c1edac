//! The summary worksheet and the reference cards drawn into ratatui's test
//! backend, checked for what a person must be able to read there.

mod common;

use ratatui::crossterm::event::KeyCode;

use handoff::app::{App, Screen, reference_screen};
use handoff::assessment::{Assessment, Summary};
use handoff::content::{SectionKind, Workbook};
use handoff::ui::screens::{HomeScreen, SessionScreen, Sheet};

use common::press;

const SIZES: [(u16, u16); 2] = [(60, 20), (120, 40)];

/// Narrower than the session's sidebar threshold and tall enough for the
/// whole summary, so its rows can be read as one text.
const WHOLE_PAGE: (u16, u16) = (100, 400);

fn summary_app(dir: &tempfile::TempDir, assessment: Assessment) -> App {
    let mut app = common::app(dir);
    let person = app.store.add_person("Ana").expect("person");
    let mut session = SessionScreen::new(handoff::session::Session::resume(
        person.clone(),
        assessment,
        None,
        common::clock,
    ));
    session.session.go_to(Sheet::Summary);
    app.screens.push(Screen::Home(HomeScreen::new(person)));
    app.screens.push(Screen::Session(Box::new(session)));
    app
}

fn cards_app(dir: &tempfile::TempDir) -> App {
    let mut app = common::app(dir);
    let cards = reference_screen(app.workbook());
    app.screens.push(cards);
    app
}

/// The rows on screen, trailing blanks trimmed.
fn render(app: &App, (width, height): (u16, u16)) -> String {
    common::render(app, width, height)
}

/// What sits right of a list drawn beside the main text (the worksheet
/// list, the list of cards), so wrapped text can be read on its own.
fn right_of_list(screen: &str) -> String {
    screen
        .lines()
        .map(|row| row.split_once('│').map_or(row, |(_, right)| right))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Words joined by single spaces, so text can be found however it wrapped.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn summary_scroll(app: &App) -> u16 {
    match app.screen() {
        Screen::Session(session) => session.summary.scroll,
        _ => panic!("the session is no longer on top"),
    }
}

/// "Perfectionism — Very strongly", as the summary names a reason.
fn reason_text(workbook: &Workbook, kind: SectionKind, item: &str, rating: u8) -> String {
    let section = workbook.section(kind);
    let title = &section.item(item).expect("item in content").title;
    format!("{title} — {}", section.scale.label(rating).expect("label"))
}

#[test]
fn the_summary_reads_at_both_sizes() {
    let dir = tempfile::tempdir().expect("temp");
    let app = summary_app(&dir, common::full_assessment("Ana"));
    for size in SIZES {
        let screen = render(&app, size);
        let words = flat(&right_of_list(&screen));
        assert!(
            words.contains("reflection aid, not a diagnosis"),
            "{size:?}:\n{screen}"
        );
        assert!(screen.contains("Section scores"), "{size:?}:\n{screen}");
        assert!(screen.contains("answered "), "{size:?}:\n{screen}");
        assert!(
            screen.contains("▼ more below"),
            "{size:?} hides that more follows:\n{screen}"
        );
        assert!(screen.contains("? help"), "{size:?}:\n{screen}");
    }
    let wide = render(&app, (120, 40));
    let drivers = app.workbook().section(SectionKind::Drivers);
    assert!(wide.contains(&drivers.title), "{wide}");
    assert!(wide.contains("lower means less in your way"), "{wide}");
}

#[test]
fn the_whole_summary_has_every_part() {
    let dir = tempfile::tempdir().expect("temp");
    let app = summary_app(&dir, common::full_assessment("Ana"));
    let page = flat(&render(&app, WHOLE_PAGE));
    for heading in [
        "Where you placed yourself",
        "Which way your answers lean",
        "Strongest drivers",
        "Most frequent symptoms",
        "Recommended next steps",
        "Nearby patterns worth reading",
        "Signs to get support",
        "Learning or performance",
        "Your commitments",
    ] {
        assert!(page.contains(heading), "{heading} missing:\n{page}");
    }
    let placement = &app.workbook().gap.placement_scale;
    assert!(page.contains(placement.label(1).expect("label")), "{page}");
    assert!(
        page.contains(&reason_text(
            app.workbook(),
            SectionKind::Drivers,
            "perfectionism",
            4
        )),
        "{page}"
    );
    assert!(
        page.contains("1 for performance · 1 for learning"),
        "{page}"
    );
    assert!(
        page.contains("First step: Write a five-line checklist for the report"),
        "{page}"
    );
    assert!(page.contains("By when: 2026-12-15 (Tuesday)"), "{page}");
    assert!(
        page.contains("Press c to complete and save this assessment."),
        "{page}"
    );
}

/// The summary's words under "Which way your answers lean", up to the
/// next heading, read as one text.
fn lean_part(page: &str) -> String {
    let start = page
        .find("Which way your answers lean")
        .unwrap_or_else(|| panic!("no lean on the summary:\n{page}"));
    let end = page[start..]
        .find("Strongest drivers")
        .map_or(page.len(), |at| start + at);
    page[start..end].to_string()
}

#[test]
fn the_summary_says_which_way_the_answers_lean_and_which_answers_say_so() {
    let dir = tempfile::tempdir().expect("temp");
    let app = summary_app(&dir, common::full_assessment("Ana"));
    let workbook = app.workbook();
    let lean = lean_part(&flat(&render(&app, WHOLE_PAGE)));
    assert!(
        lean.contains("Your answers lean towards holding on too tightly."),
        "{lean}"
    );
    let placement = workbook.gap.placement_scale.label(1).expect("label");
    let towards_holding_on = format!(
        "Towards holding on: where you placed yourself — {placement}; {}; {}; {}",
        reason_text(workbook, SectionKind::Drivers, "perfectionism", 4),
        reason_text(workbook, SectionKind::Symptoms, "micromanagement", 3),
        reason_text(workbook, SectionKind::Aggravators, "tight-timelines", 2),
    );
    assert!(lean.contains(&towards_holding_on), "{lean}");
    assert!(
        lean.contains(&format!(
            "Towards handing off without support: {}",
            reason_text(workbook, SectionKind::Symptoms, "last-minute-fixes", 4)
        )),
        "{lean}"
    );
    assert!(lean.contains("How this is worked out:"), "{lean}");
}

#[test]
fn answers_that_lean_towards_handing_off_unsupported_get_a_summary_that_says_so() {
    let dir = tempfile::tempdir().expect("temp");
    let app = summary_app(&dir, common::letting_go_assessment("Sam"));
    let workbook = app.workbook();
    let lean = lean_part(&flat(&render(&app, WHOLE_PAGE)));
    assert!(
        lean.contains("Your answers lean towards handing work off without enough support."),
        "{lean}"
    );
    let placement = workbook.gap.placement_scale.label(4).expect("label");
    assert!(
        lean.contains(&format!(
            "Towards handing off without support: where you placed yourself — {placement}; {}; {}",
            reason_text(workbook, SectionKind::Symptoms, "last-minute-fixes", 4),
            reason_text(workbook, SectionKind::Symptoms, "inconsistent-deadlines", 3),
        )),
        "{lean}"
    );
    // The answer pointing the other way is shown too, not hidden.
    assert!(
        lean.contains(&format!(
            "Towards holding on: {}",
            reason_text(workbook, SectionKind::Aggravators, "tight-timelines", 1)
        )),
        "{lean}"
    );
    assert!(!lean.contains("diagnos"), "a reflection, worded as one");
}

#[test]
fn too_few_answers_to_lean_are_said_to_be_too_few() {
    let dir = tempfile::tempdir().expect("temp");
    let assessment = Assessment::start("Ana", "2026.11", common::clock());
    let app = summary_app(&dir, assessment);
    let lean = lean_part(&flat(&render(&app, WHOLE_PAGE)));
    assert!(
        lean.contains(
            "Too few of your answers point one way or the other to say which way they lean."
        ),
        "{lean}"
    );
    assert!(!lean.contains("Towards"), "nothing to list:\n{lean}");
}

#[test]
fn an_unanswered_section_counts_skipped_items_not_zero() {
    let dir = tempfile::tempdir().expect("temp");
    let mut assessment = common::full_assessment("Ana");
    assessment.readiness.clear();
    let app = summary_app(&dir, assessment);
    let page = render(&app, WHOLE_PAGE);
    let readiness = app.workbook().section(SectionKind::Readiness);
    let total = readiness.items.len();
    let rows: Vec<&str> = page.lines().collect();
    let title = rows
        .iter()
        .position(|row| row.contains(&readiness.title))
        .expect("readiness listed");
    let score = rows[title + 1];
    assert!(score.contains("no answers"), "{score}");
    assert!(
        score.contains(&format!("answered 0 of {total} · {total} skipped")),
        "{score}"
    );
    assert!(
        !score.contains('%'),
        "a section nobody answered has no percentage: {score}"
    );
}

#[test]
fn a_recommendation_says_which_answers_led_to_it() {
    let dir = tempfile::tempdir().expect("temp");
    let app = summary_app(&dir, common::full_assessment("Ana"));
    let summary = Summary::of(app.workbook(), &common::full_assessment("Ana"));
    let first = summary
        .recommendations
        .first()
        .expect("the answers recommend something");
    let remedy = app.workbook().remedy(&first.remedy).expect("remedy");
    let reasons: Vec<String> = first
        .reasons
        .iter()
        .map(|reason| reason_text(app.workbook(), reason.kind, &reason.item, reason.rating))
        .collect();
    let page = flat(&render(&app, WHOLE_PAGE));
    let expected = flat(&format!(
        "• {} Because: {}",
        remedy.title,
        reasons.join("; ")
    ));
    assert!(page.contains(&expected), "{expected:?} not in:\n{page}");
}

#[test]
fn the_placement_is_read_in_words_and_on_a_scale_that_starts_at_zero() {
    let dir = tempfile::tempdir().expect("temp");
    let app = summary_app(&dir, common::full_assessment("Ana"));
    let page = flat(&render(&app, WHOLE_PAGE));
    let placement = &app.workbook().gap.placement_scale;
    let label = placement.label(1).expect("label");
    assert!(
        page.contains(&format!("{label} (1 on a scale of 0 to 4)")),
        "{page}"
    );
    assert!(!page.contains("1 of 4"), "an off-by-one reading:\n{page}");
}

#[test]
fn a_note_with_quotation_marks_of_its_own_is_not_quoted_again() {
    let dir = tempfile::tempdir().expect("temp");
    let mut assessment = common::full_assessment("Ana");
    assessment.set_note(
        SectionKind::Drivers,
        "perfectionism",
        "Every chart has to be “just so”",
    );
    assessment.set_note(SectionKind::Symptoms, "micromanagement", "Daily check-ins");
    let app = summary_app(&dir, assessment);
    let page = flat(&render(&app, WHOLE_PAGE));
    assert!(
        page.contains("Your note: Every chart has to be “just so”"),
        "{page}"
    );
    assert!(!page.contains("““") && !page.contains("””"), "{page}");
    assert!(page.contains("Your note: “Daily check-ins”"), "{page}");
}

#[test]
fn a_wrapped_reason_stays_indented_under_its_recommendation() {
    let dir = tempfile::tempdir().expect("temp");
    let mut app = summary_app(&dir, common::full_assessment("Ana"));
    let size = (60, 20);
    for _ in 0..100 {
        let screen = render(&app, size);
        let rows: Vec<&str> = screen.lines().collect();
        if let Some(at) = rows
            .iter()
            .position(|row| row.starts_with("     Because: "))
        {
            // The reasons of the first recommendation wrap at 60 columns;
            // every row after the label keeps its indent.
            let continued = rows[at + 1];
            let marker = continued.contains("▼") || continued.contains("▲");
            if !continued.trim().is_empty() && !continued.contains('•') && !marker {
                assert!(
                    continued.starts_with("     ") && !continued.starts_with("      "),
                    "a wrapped reason left its column:\n{screen}"
                );
                return;
            }
        }
        press(&mut app, KeyCode::Down);
    }
    panic!("no wrapped reason on the summary at 60 columns");
}

#[test]
fn the_summary_scrolls_to_its_end_and_no_further() {
    let dir = tempfile::tempdir().expect("temp");
    let mut app = summary_app(&dir, common::full_assessment("Ana"));
    let size = (60, 20);
    let top = render(&app, size);
    for _ in 0..100 {
        press(&mut app, KeyCode::PageDown);
    }
    let end = render(&app, size);
    assert!(
        flat(&end).contains("Press c to complete and save this assessment."),
        "{end}"
    );
    assert!(end.contains("▲ end of the page"), "{end}");
    let limit = summary_scroll(&app);
    press(&mut app, KeyCode::Down);
    assert_eq!(summary_scroll(&app), limit, "scrolled past the end");
    press(&mut app, KeyCode::Up);
    assert_eq!(summary_scroll(&app), limit - 1, "one key back up must show");
    for _ in 0..100 {
        press(&mut app, KeyCode::PageUp);
    }
    assert_eq!(render(&app, size), top);
}

#[test]
fn a_commitment_half_filled_in_says_what_is_not_set() {
    let dir = tempfile::tempdir().expect("temp");
    let mut assessment = common::full_assessment("Ana");
    assessment.commitments[0].with_whom.clear();
    assessment.commitments[0].due = None;
    let app = summary_app(&dir, assessment);
    let page = flat(&render(&app, WHOLE_PAGE));
    assert!(page.contains("With whom: not set"), "{page}");
    assert!(page.contains("By when: not set"), "{page}");
}

#[test]
fn a_completed_summary_says_when() {
    let dir = tempfile::tempdir().expect("temp");
    let mut assessment = common::full_assessment("Ana");
    assessment.completed = Some(common::at("2026-11-24T17:00:00+01:00"));
    let app = summary_app(&dir, assessment);
    let page = flat(&render(&app, WHOLE_PAGE));
    assert!(page.contains("Completed on 24 November 2026."), "{page}");
    assert!(!page.contains("Press c to complete"), "{page}");
}

#[test]
fn an_empty_assessment_still_has_every_heading_and_kind_words() {
    let dir = tempfile::tempdir().expect("temp");
    let assessment = Assessment::start("Ana", "2026.11", common::clock());
    let app = summary_app(&dir, assessment);
    let page = flat(&render(&app, WHOLE_PAGE));
    assert!(page.contains("Strongest drivers None stood out."), "{page}");
    assert!(page.contains("You skipped this question."), "{page}");
    assert!(
        !page.contains("0%"),
        "nothing answered, nothing scored:\n{page}"
    );
}

#[test]
fn escape_sequences_in_notes_and_tasks_never_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("temp");
    let mut assessment = common::full_assessment("Ana");
    let hostile = "Mine\u{1b}[2J\u{1b}]52;c;aGk=\u{7}";
    assessment.tasks[0].title = format!("Report {hostile}");
    assessment.commitments[0].first_step = format!("Step {hostile}");
    if let Some(answer) = assessment.drivers.get_mut("perfectionism") {
        answer.note = format!("Note {hostile}\nsecond line");
    }
    for sheet in [Sheet::Summary, Sheet::Drivers, Sheet::Modes] {
        let mut app = summary_app(&dir, assessment.clone());
        let drivers = app.workbook().section(SectionKind::Drivers);
        let noted = drivers
            .items
            .iter()
            .position(|item| item.id == "perfectionism");
        if let Some(Screen::Session(session)) = app.screens.last_mut() {
            session.session.go_to(sheet);
            // A rated sheet shows one item: the one carrying the note.
            session.rated[Sheet::Drivers.index()].selected =
                noted.expect("perfectionism in content");
        }
        let screen = render(&app, WHOLE_PAGE);
        assert!(
            !screen.contains('\u{1b}'),
            "{sheet:?} let an escape through:\n{screen}"
        );
        assert!(
            !screen.contains('\u{7}'),
            "{sheet:?} let a bell through:\n{screen}"
        );
        assert!(
            screen.contains("\u{FFFD}[2J"),
            "{sheet:?} should show the text, defused:\n{screen}"
        );
    }
}

#[test]
fn the_cards_read_at_both_sizes() {
    let dir = tempfile::tempdir().expect("temp");
    let app = cards_app(&dir);
    // Three cards on the gap, one per pattern, one on the modes, one per topic.
    let count = 4 + app.workbook().patterns.len() + app.workbook().topics.len();
    let narrow = render(&app, (60, 20));
    assert!(narrow.contains(&format!("Card 1 of {count}")), "{narrow}");
    assert!(narrow.contains("What the gap is"), "{narrow}");
    assert!(narrow.contains(&app.workbook().gap.title), "{narrow}");
    let wide = render(&app, (120, 40));
    for heading in [
        "The gap",
        "Nearby patterns",
        "Related topics",
        "▶ What the gap is",
    ] {
        assert!(wide.contains(heading), "{heading} missing:\n{wide}");
    }
    assert!(wide.contains(&app.workbook().patterns[0].title), "{wide}");
}

#[test]
fn related_topics_are_listed_by_whole_plain_titles() {
    let dir = tempfile::tempdir().expect("temp");
    let app = cards_app(&dir);
    let wide = render(&app, (120, 40));
    let list: Vec<&str> = wide
        .lines()
        .map(|row| row.split_once('│').map_or("", |(left, _)| left).trim())
        .collect();
    for topic in &app.workbook().topics {
        assert!(
            list.contains(&topic.title.as_str()),
            "{} is cut in the list of cards:\n{wide}",
            topic.title
        );
    }
    // The ids stay as they were; the titles now say what each is about.
    let title = |id: &str| {
        let topic = app.workbook().topics.iter().find(|topic| topic.id == id);
        topic.map(|topic| topic.title.as_str())
    };
    assert_eq!(
        title("leader-silence-norms"),
        Some("What your silences teach")
    );
    assert_eq!(
        title("decision-signalling"),
        Some("When hints read as decisions")
    );
}

#[test]
fn a_pattern_card_says_how_it_differs_and_scrolls_then_closes() {
    let dir = tempfile::tempdir().expect("temp");
    let mut app = cards_app(&dir);
    let below = app.screens.len() - 1;
    for _ in 0..3 {
        press(&mut app, KeyCode::Down);
    }
    let pattern = app.workbook().patterns[0].clone();
    let difference = pattern
        .difference
        .clone()
        .expect("a pattern says how it differs");
    let wide = right_of_list(&render(&app, (120, 40)));
    assert!(wide.contains(&pattern.title), "{wide}");
    assert!(
        flat(&wide).contains(&flat(&format!("How it differs from the gap: {difference}"))),
        "{wide}"
    );

    let top = render(&app, (60, 20));
    assert!(top.contains("Card 4 of"), "{top}");
    press(&mut app, KeyCode::PageDown);
    let scrolled = render(&app, (60, 20));
    if top.contains("▼ more below") {
        assert_ne!(top, scrolled, "PageDown did not scroll the card");
    } else {
        assert_eq!(top, scrolled, "a card that fits has nothing to scroll");
    }
    assert!(
        scrolled.contains(&pattern.title),
        "the title stays in view:\n{scrolled}"
    );

    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screens.len(), below, "Esc closes the cards");
    assert!(matches!(app.screen(), Screen::People(_)));
}

#[test]
fn moving_between_cards_starts_each_at_the_top() {
    let dir = tempfile::tempdir().expect("temp");
    let mut app = cards_app(&dir);
    render(&app, (60, 20));
    press(&mut app, KeyCode::PageDown);
    press(&mut app, KeyCode::Down);
    let Screen::Reference(cards) = app.screen() else {
        panic!("the cards are no longer on top");
    };
    assert_eq!((cards.selected, cards.scroll), (1, 0));
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Up);
    let last = render(&app, (60, 20));
    assert!(last.contains("Card 1 of"), "{last}");
}

#[test]
fn every_pattern_card_scrolls_to_its_last_line_and_stops_there() {
    let dir = tempfile::tempdir().expect("temp");
    let mut app = cards_app(&dir);
    let size = (60, 20);
    for _ in 0..3 {
        press(&mut app, KeyCode::Down);
    }
    for pattern in app.workbook().patterns.clone() {
        render(&app, size);
        for _ in 0..20 {
            press(&mut app, KeyCode::PageDown);
        }
        let end = render(&app, size);
        let last_prompt = pattern.prompts.last().expect("a prompt");
        assert!(
            flat(&end).contains(&flat(last_prompt)),
            "{last_prompt:?} not reached:\n{end}"
        );
        assert!(!end.contains("▼ more below"), "{end}");
        press(&mut app, KeyCode::PageDown);
        assert_eq!(render(&app, size), end, "scrolled past the end");
        press(&mut app, KeyCode::Down);
    }
}

#[test]
fn prose_keeps_a_readable_width_on_a_wide_terminal() {
    use handoff::ui::scroll::READING_WIDTH;
    let dir = tempfile::tempdir().expect("temp");
    let summary = summary_app(&dir, common::full_assessment("Ana"));
    let mut gap = summary_app(&dir, common::full_assessment("Ana"));
    if let Screen::Session(session) = gap.screens.last_mut().expect("session") {
        session.session.go_to(Sheet::Gap);
    }
    for (name, app) in [
        ("cards", cards_app(&dir)),
        ("summary", summary),
        ("gap", gap),
    ] {
        let screen = render(&app, (200, 60));
        // The text is right of the last list: cards have one, a worksheet two.
        // (and one column of space between the border and the text)
        let widest = screen
            .lines()
            .map(|row| row.rsplit_once("│ ").map_or(row, |(_, text)| text))
            .map(|text| text.chars().count())
            .max()
            .unwrap_or(0);
        assert!(
            widest <= usize::from(READING_WIDTH),
            "{name}: a row of {widest} columns:\n{screen}"
        );
        assert!(
            widest > 80,
            "{name}: the text should use the room it has:\n{screen}"
        );
    }
}

/// The rows on screen with every run of emphasis marked, `«BD|text»` for
/// bold and dim (I italic, R reversed, U underlined), so a snapshot shows
/// what tells things apart with the plain theme, as under NO_COLOR.
fn render_styled(app: &App, (width, height): (u16, u16)) -> String {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::style::Modifier;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| handoff::ui::draw(frame, app))
        .expect("draw");
    let buffer = terminal.backend().buffer();
    let marks = [
        (Modifier::BOLD, 'B'),
        (Modifier::DIM, 'D'),
        (Modifier::ITALIC, 'I'),
        (Modifier::REVERSED, 'R'),
        (Modifier::UNDERLINED, 'U'),
    ];
    let mut rows = Vec::new();
    for y in 0..buffer.area.height {
        let mut row = String::new();
        let mut open = String::new();
        let mut run = String::new();
        let flush = |row: &mut String, open: &str, run: &mut String| {
            if open.is_empty() || run.trim().is_empty() {
                row.push_str(run);
            } else {
                row.push_str(&format!("«{open}|{run}»"));
            }
            run.clear();
        };
        for x in 0..buffer.area.width {
            let cell = &buffer[(x, y)];
            let code: String = marks
                .iter()
                .filter(|(modifier, _)| cell.modifier.contains(*modifier))
                .map(|(_, mark)| *mark)
                .collect();
            if code != open {
                flush(&mut row, &open, &mut run);
                open = code;
            }
            run.push_str(cell.symbol());
        }
        flush(&mut row, &open, &mut run);
        rows.push(row.trim_end().to_string());
    }
    // A long run of blank rows (a page shorter than the terminal) is
    // counted rather than shown, so the snapshot stays readable.
    let mut out: Vec<String> = Vec::new();
    let mut blank = 0;
    for row in rows {
        if row.is_empty() {
            blank += 1;
            continue;
        }
        match blank {
            0 => {}
            1 | 2 => out.extend(std::iter::repeat_n(String::new(), blank)),
            _ => out.push(format!("┄ {blank} blank rows ┄")),
        }
        blank = 0;
        out.push(row);
    }
    out.join("\n")
}

/// The whole summary, every row and its emphasis, for three kinds of
/// answers: what the page says is reviewed as one text when it changes.
#[test]
fn the_whole_summary_page() {
    let dir = tempfile::tempdir().expect("temp");
    let cases = [
        ("full_60", common::full_assessment("Ana"), 60),
        ("letting_go_100", common::letting_go_assessment("Sam"), 100),
        (
            "empty_100",
            Assessment::start("Ana", "2026.11", common::clock()),
            100,
        ),
    ];
    for (name, assessment, width) in cases {
        let app = summary_app(&dir, assessment);
        let page = render_styled(&app, (width, 400));
        insta::assert_snapshot!(format!("summary_whole_{name}"), page);
    }
}

/// Every card, one after another, each drawn whole with its emphasis.
#[test]
fn every_card_whole() {
    let dir = tempfile::tempdir().expect("temp");
    let mut app = cards_app(&dir);
    let count = 4 + app.workbook().patterns.len() + app.workbook().topics.len();
    let mut cards = Vec::new();
    for _ in 0..count {
        cards.push(render_styled(&app, (80, 200)));
        press(&mut app, KeyCode::Down);
    }
    insta::assert_snapshot!("cards_whole_80", cards.join("\n\n════════\n\n"));
    // The list beside the open card, on a wide terminal.
    let mut app = cards_app(&dir);
    for _ in 0..3 {
        press(&mut app, KeyCode::Down);
    }
    insta::assert_snapshot!("cards_list_120x40", render_styled(&app, (120, 40)));
}
