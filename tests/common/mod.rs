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
            member: None,
            mode: Some(DelegationMode::Learning),
            note: String::new(),
        },
        Task {
            title: "Vendor invoices".into(),
            to_whom: "Sam".into(),
            member: None,
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
            member: None,
            mode: Some(DelegationMode::Performance),
            note: String::new(),
        },
        Task {
            title: "Quarterly stock count".into(),
            to_whom: "Ben".into(),
            member: None,
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

/// People for team maps of any size up to 15, with names that are hard to
/// fit (accents, apostrophes, long ones).
pub const TEAM_NAMES: [&str; 15] = [
    "Priya Shah",
    "Sam Okafor-Lindqvist",
    "Lee Chen",
    "Zoë O'Brien",
    "Marta Nowak",
    "Kofi Mensah",
    "Inês Duarte",
    "Tomás Ruiz",
    "Aiko Tanaka",
    "Ravi Patel",
    "Hana Kim",
    "Olu Adeyemi",
    "Nina Berg",
    "Omar Haddad",
    "Lena Vogel",
];

pub const TEAM_SKILLS: [&str; 10] = [
    "SQL queries",
    "Writing the monthly report",
    "Stakeholder calls",
    "Dashboards",
    "Forecasting",
    "Data cleaning",
    "Presenting to the board",
    "Hiring interviews",
    "Budget tracking",
    "Mentoring",
];

/// A team of `people` (each rated), `skills` skills (each person and the
/// leader given a level) and three decisions, the numbers varied so every
/// kind of placement and note turns up.
pub fn team(people: usize, skills: usize) -> handoff::assessment::Team {
    use handoff::assessment::{Decision, Member, Raci, Skill, Team};
    let members: Vec<Member> = TEAM_NAMES
        .iter()
        .take(people)
        .enumerate()
        .map(|(i, name)| Member {
            id: format!("p{}", i + 1),
            name: name.to_string(),
            role: if i % 2 == 0 {
                "Analyst".into()
            } else {
                String::new()
            },
            comfort: Some(((i * 3 + 4) % 5) as u8),
            readiness: [
                ("skills".to_string(), ((i + 2) % 5) as u8),
                ("resources".to_string(), ((i * 2 + 3) % 5) as u8),
                ("clarity".to_string(), ((i + 1) % 5) as u8),
            ]
            .into_iter()
            .collect(),
            ..Member::default()
        })
        .collect();
    let skills: Vec<Skill> = TEAM_SKILLS
        .iter()
        .take(skills)
        .enumerate()
        .map(|(j, name)| {
            let mut levels: std::collections::BTreeMap<String, u8> = members
                .iter()
                .enumerate()
                .map(|(i, m)| (m.id.clone(), ((i + j * 2) % 4) as u8))
                .collect();
            levels.insert("you".into(), 4);
            Skill {
                id: format!("s{}", j + 1),
                name: name.to_string(),
                levels,
            }
        })
        .collect();
    let first = members.first().map(|m| m.id.clone()).unwrap_or_default();
    let decisions = vec![
        Decision {
            id: "d1".into(),
            title: "Release sign-off".into(),
            rights: [(first.clone(), Raci::R), ("you".to_string(), Raci::A)]
                .into_iter()
                .collect(),
            now: Some(1),
            next: Some(4),
            by: NaiveDate::from_ymd_opt(2027, 3, 1),
        },
        Decision {
            id: "d2".into(),
            title: "Hiring".into(),
            rights: [("you".to_string(), Raci::A), (first.clone(), Raci::C)]
                .into_iter()
                .collect(),
            now: Some(3),
            next: Some(3),
            by: None,
        },
        Decision {
            id: "d3".into(),
            title: "Spending under £500".into(),
            rights: [("you".to_string(), Raci::A), (first, Raci::I)]
                .into_iter()
                .collect(),
            now: Some(2),
            next: Some(6),
            by: None,
        },
    ];
    Team {
        issued: (members.len() + skills.len() + 3) as u32,
        members,
        skills,
        decisions,
    }
}
