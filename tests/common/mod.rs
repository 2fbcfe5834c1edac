//! Shared builders for integration tests.
#![allow(dead_code)]

use chrono::{DateTime, FixedOffset, NaiveDate};
use handoff::app::App;
use handoff::assessment::{
    Answer, Assessment, Commitment, DelegationMode, FollowUp, FollowUpStatus, Task,
};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).expect("test timestamp")
}

pub fn answer(rating: u8, note: &str) -> Answer {
    Answer {
        rating: Some(rating),
        note: note.to_string(),
    }
}

/// An assessment with something in every part, including text that is hard
/// to round-trip (quotes, newlines, non-Latin scripts, emoji).
pub fn full_assessment(person: &str) -> Assessment {
    let mut assessment = Assessment::start(person, "2026.11", at("2026-11-23T09:30:00+01:00"));
    assessment.id = "20261123-093000-beef".to_string();
    assessment.check_in.role = "Head of analytics".into();
    assessment.check_in.situation =
        "Handing the monthly \"metrics\" report to Priya.\nShe's new.".into();
    assessment.check_in.previous = Some("20260901-100000-abcd".into());
    assessment.check_in.follow_ups = vec![FollowUp {
        commitment: Commitment {
            remedy: "checkpoints".into(),
            first_step: "Set two review dates".into(),
            with_whom: "Priya".into(),
            due: NaiveDate::from_ymd_opt(2026, 10, 1),
            checkpoint: "After the first draft".into(),
        },
        status: Some(FollowUpStatus::Partly),
        note: "Did one of two.".into(),
    }];
    assessment.placement = answer(1, "I still redo her drafts.");
    assessment.readiness.insert("skills".into(), answer(3, ""));
    assessment
        .readiness
        .insert("clarity".into(), answer(1, "Goal never written down"));
    assessment
        .drivers
        .insert("perfectionism".into(), answer(4, "李雷 said so too 🙂"));
    assessment
        .drivers
        .insert("cognitive-load".into(), answer(3, ""));
    assessment.drivers.insert(
        "past-failures".into(),
        Answer {
            rating: None,
            note: "skipped, but a thought".into(),
        },
    );
    assessment
        .symptoms
        .insert("micromanagement".into(), answer(3, "Daily check-ins"));
    assessment
        .symptoms
        .insert("last-minute-fixes".into(), answer(4, ""));
    assessment
        .aggravators
        .insert("tight-timelines".into(), answer(2, ""));
    assessment
        .remedies
        .insert("checkpoints".into(), answer(1, ""));
    assessment
        .remedies
        .insert("clarify-outcomes".into(), answer(2, ""));
    assessment
        .support
        .insert("repeated-conflict".into(), answer(0, ""));
    assessment.tasks = vec![
        Task {
            title: "Monthly metrics report".into(),
            to_whom: "Priya".into(),
            mode: Some(DelegationMode::Learning),
            note: String::new(),
        },
        Task {
            title: "Vendor invoices".into(),
            to_whom: "Sam".into(),
            mode: Some(DelegationMode::Performance),
            note: "He has done it for years".into(),
        },
    ];
    assessment.commitments = vec![Commitment {
        remedy: "acceptance-criteria".into(),
        first_step: "Write a five-line checklist for the report".into(),
        with_whom: "Priya".into(),
        due: NaiveDate::from_ymd_opt(2026, 12, 15),
        checkpoint: "Review the checklist together on Friday".into(),
    }];
    assessment
}

/// Ana's structure (a follow-up, two tasks, a commitment, ratings on every
/// sheet) with every text field empty, so a field's text after typing is
/// exactly what was typed.
pub fn blank_assessment() -> Assessment {
    let mut assessment = full_assessment("Ana");
    assessment.check_in.role.clear();
    assessment.check_in.situation.clear();
    for follow_up in &mut assessment.check_in.follow_ups {
        follow_up.note.clear();
    }
    assessment.placement.note.clear();
    for answers in [
        &mut assessment.readiness,
        &mut assessment.drivers,
        &mut assessment.symptoms,
        &mut assessment.aggravators,
        &mut assessment.remedies,
        &mut assessment.support,
    ] {
        for answer in answers.values_mut() {
            answer.note.clear();
        }
    }
    for task in &mut assessment.tasks {
        task.title.clear();
        task.to_whom.clear();
        task.note.clear();
    }
    for commitment in &mut assessment.commitments {
        commitment.first_step.clear();
        commitment.with_whom.clear();
        commitment.checkpoint.clear();
        commitment.due = None;
    }
    assessment
}

/// Sam's answers: a leader who passes work on quickly and trusts it to
/// land. He places himself at the letting-go end; what stands out is late
/// rescues and shifting dates, plus pressures that push either way, and one
/// that pushes towards holding on, so the lean has both sides to weigh.
pub fn letting_go_assessment(person: &str) -> Assessment {
    let mut assessment = Assessment::start(person, "2026.11", at("2026-11-23T09:30:00+01:00"));
    assessment.id = "20261123-093000-f00d".to_string();
    assessment.check_in.role = "Operations lead".into();
    assessment.check_in.situation = "Three new starters; I hand them whole projects.".into();
    assessment.placement = answer(4, "I give it away and hope.");
    assessment
        .readiness
        .insert("clarity".into(), answer(0, "They never know the goal"));
    assessment.readiness.insert("skills".into(), answer(1, ""));
    assessment
        .drivers
        .insert("cognitive-load".into(), answer(4, ""));
    assessment
        .drivers
        .insert("perfectionism".into(), answer(1, ""));
    assessment
        .symptoms
        .insert("last-minute-fixes".into(), answer(4, "Every Friday"));
    assessment
        .symptoms
        .insert("inconsistent-deadlines".into(), answer(3, ""));
    assessment
        .symptoms
        .insert("micromanagement".into(), answer(0, ""));
    assessment
        .aggravators
        .insert("remote-work".into(), answer(2, ""));
    assessment
        .aggravators
        .insert("tight-timelines".into(), answer(1, ""));
    assessment.tasks = vec![
        Task {
            title: "Supplier onboarding".into(),
            to_whom: "Noor".into(),
            mode: Some(DelegationMode::Performance),
            note: String::new(),
        },
        Task {
            title: "Quarterly stock count".into(),
            to_whom: "Ben".into(),
            mode: Some(DelegationMode::Performance),
            note: String::new(),
        },
    ];
    assessment
}

/// Draws the app into a test backend and returns the screen as text, one
/// line per row with trailing spaces trimmed.
pub fn render(app: &App, width: u16, height: u16) -> String {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| handoff::ui::draw(frame, app))
        .expect("draw");
    let buffer = terminal.backend().buffer();
    let mut text = String::new();
    for y in 0..buffer.area.height {
        let row: String = (0..buffer.area.width)
            .map(|x| buffer[(x, y)].symbol().to_string())
            .collect();
        text.push_str(row.trim_end());
        text.push('\n');
    }
    text
}

/// The clock every UI test (and benchmark) runs on, so dates on screen
/// never change.
pub fn clock() -> DateTime<FixedOffset> {
    at("2026-11-23T09:30:00+01:00")
}

/// A key pressed as the program's loop handles it: the key, then what it
/// asked for (saving a draft, reading a history). `KeyCode::Enter`, or a
/// whole event for a key with modifiers (see [`ctrl`]).
pub fn press(app: &mut App, key: impl Into<KeyEvent>) {
    app.handle_key(key.into());
    app.run_effects();
}

/// A key handled with what it asked for left waiting in the app, as when
/// keys arrive faster than the loop runs them: nothing is saved until the
/// test calls `app.run_effects()`.
pub fn press_without_effects(app: &mut App, key: impl Into<KeyEvent>) {
    app.handle_key(key.into());
}

/// Each character of `text` pressed in turn with [`press`].
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// Ctrl and a letter, for [`press`].
pub fn ctrl(letter: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(letter), KeyModifiers::CONTROL)
}

/// An app on the built-in workbook, plain theme, data in `dir`.
pub fn app(dir: &tempfile::TempDir) -> App {
    let workbook = handoff::content::load_builtin().unwrap_or_else(|errors| panic!("{errors}"));
    let store = handoff::store::Store::new(dir.path().join("data"));
    App::new(workbook, store, handoff::ui::Theme::PLAIN, clock)
}
