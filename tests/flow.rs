//! The whole workbook driven through the app's own update function with key
//! events, the way a person would type, then the saved TOML checked.

mod common;

use chrono::NaiveDate;
use ratatui::crossterm::event::KeyCode;

use handoff::app::{App, Screen};
use handoff::assessment::{DelegationMode, FollowUpStatus};
use handoff::store::{Listed, Store};
use handoff::ui::Theme;

use common::clock;

struct Driver {
    app: App,
    _dir: tempfile::TempDir,
}

impl Driver {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp");
        let store = Store::new(dir.path().join("data"));
        Self::with_store(store, dir)
    }

    fn with_store(store: Store, dir: tempfile::TempDir) -> Self {
        let workbook = handoff::content::load_builtin().unwrap_or_else(|errors| panic!("{errors}"));
        let app = App::new(workbook, store, Theme::PLAIN, clock);
        Self { app, _dir: dir }
    }

    fn press(&mut self, code: KeyCode) -> &mut Self {
        common::press(&mut self.app, code);
        self
    }

    fn keys(&mut self, keys: &str) -> &mut Self {
        for c in keys.chars() {
            self.press(KeyCode::Char(c));
        }
        self
    }

    fn tab(&mut self) -> &mut Self {
        self.press(KeyCode::Tab)
    }

    fn enter(&mut self) -> &mut Self {
        self.press(KeyCode::Enter)
    }

    fn esc(&mut self) -> &mut Self {
        self.press(KeyCode::Esc)
    }

    fn sheet(&self) -> String {
        match self.app.screen() {
            Screen::Session(session) => session.sheet().title(self.app.workbook()),
            _ => "not in a session".into(),
        }
    }
}

#[test]
fn a_whole_assessment_by_keyboard_is_saved_as_answered() {
    let mut d = Driver::new();
    // Add a person and start.
    d.keys("a").keys("Ana Ruiz").enter();
    assert!(matches!(d.app.screen(), Screen::Home(_)));
    d.enter();
    assert_eq!(d.sheet(), "Check-in");

    // Check-in: role, then Tab straight into the situation.
    d.enter()
        .keys("Team lead")
        .tab()
        .keys("The weekly report")
        .esc();
    d.tab();
    assert_eq!(d.sheet(), "Where the gap points");
    d.keys("1").keys("j3").keys("j2").keys("j4");

    // The team sheet, left empty: one Tab passes it.
    d.tab();
    assert_eq!(d.sheet(), "Your team");
    d.tab();
    d.keys("4").keys("n").keys("It has to be perfect").esc();
    d.keys("j3");
    d.tab();
    d.keys("3");
    d.tab();
    d.keys("2");
    d.tab();
    d.keys("0");

    // Learning or performance: two tasks, one of each kind.
    d.tab();
    assert_eq!(d.sheet(), "Learning or performance");
    d.keys("a").keys("Weekly report").tab().keys("Priya").esc();
    d.keys("m");
    d.keys("a").keys("Run the stand-up").tab().keys("Sam").esc();
    d.keys("mm");

    // Commitments: one, with a date that is wrong first. Tab goes through
    // the rest of the task (its mode, its note) before it leaves the sheet.
    d.tab().tab().tab();
    assert_eq!(d.sheet(), "Commitments");
    // `a` adds one and starts typing its first step.
    d.keys("a")
        .keys("Write a checklist")
        .tab()
        .keys("Priya")
        .tab();
    d.keys("15/12/2026").enter();
    let status = d.app.status.clone().expect("a message about the date");
    assert!(status.text.contains("like 2026-12-15"), "{}", status.text);
    for _ in 0.."15/12/2026".len() {
        d.press(KeyCode::Backspace);
    }
    d.keys("2026-12-15").tab().keys("Friday review").enter();

    d.tab();
    assert_eq!(d.sheet(), "Support check");
    d.keys("1");
    d.tab();
    assert_eq!(d.sheet(), "Summary");
    d.keys("c").keys("y");
    assert!(
        matches!(d.app.screen(), Screen::Home(_)),
        "back home once complete"
    );
    assert!(
        d.app
            .status
            .as_ref()
            .is_some_and(|s| s.text.contains("complete"))
    );

    let person = d
        .app
        .store
        .find_person("Ana Ruiz")
        .expect("list")
        .expect("person");
    assert!(d.app.store.drafts(&person).is_empty(), "the draft is gone");
    let history = d.app.store.history(&person);
    let Some(Listed::Readable { loaded, .. }) = history.first() else {
        panic!("no completed assessment: {history:?}");
    };
    let a = &loaded.assessment;
    assert!(a.completed.is_some());
    assert_eq!(a.check_in.role, "Team lead");
    assert_eq!(a.check_in.situation, "The weekly report");
    assert_eq!(a.placement.rating, Some(1));
    assert_eq!(a.readiness["skills"].rating, Some(3));
    assert_eq!(a.readiness["resources"].rating, Some(2));
    assert_eq!(a.readiness["clarity"].rating, Some(4));
    assert_eq!(a.drivers["cognitive-load"].rating, Some(4));
    assert_eq!(a.drivers["cognitive-load"].note, "It has to be perfect");
    assert_eq!(a.drivers["perfectionism"].rating, Some(3));
    assert_eq!(a.symptoms.len(), 1);
    assert_eq!(
        a.aggravators.values().next().and_then(|x| x.rating),
        Some(2)
    );
    assert_eq!(a.remedies.values().next().and_then(|x| x.rating), Some(0));
    assert_eq!(a.tasks.len(), 2);
    assert_eq!(
        (a.tasks[0].title.as_str(), a.tasks[0].to_whom.as_str()),
        ("Weekly report", "Priya")
    );
    assert_eq!(a.tasks[0].mode, Some(DelegationMode::Performance));
    assert_eq!(a.tasks[1].mode, Some(DelegationMode::Learning));
    assert_eq!(a.commitments.len(), 1);
    let c = &a.commitments[0];
    assert_eq!(
        (c.first_step.as_str(), c.with_whom.as_str()),
        ("Write a checklist", "Priya")
    );
    assert_eq!(c.due, NaiveDate::from_ymd_opt(2026, 12, 15));
    assert_eq!(c.checkpoint, "Friday review");
    assert!(!c.remedy.is_empty());
    assert_eq!(a.support.values().next().and_then(|x| x.rating), Some(1));

    // The next assessment asks how that commitment went.
    d.enter();
    assert_eq!(d.sheet(), "Check-in");
    let Screen::Session(session) = d.app.screen() else {
        panic!("no session")
    };
    assert_eq!(
        session.assessment().check_in.role,
        "Team lead",
        "the role carries forward"
    );
    assert_eq!(session.assessment().check_in.follow_ups.len(), 1);
    d.keys("jj").enter();
    let Screen::Session(session) = d.app.screen() else {
        panic!("no session")
    };
    assert_eq!(
        session.assessment().check_in.follow_ups[0].status,
        Some(FollowUpStatus::Kept)
    );
}

#[test]
fn leaving_and_coming_back_offers_the_draft_with_every_answer() {
    let mut d = Driver::new();
    d.keys("a").keys("Sam").enter().enter();
    // Tab goes from the role to the situation, then to the next sheet;
    // one Tab passes the team sheet, left empty.
    d.tab().tab().keys("2").tab().tab().keys("4j1");
    d.esc();
    assert!(matches!(d.app.screen(), Screen::Home(_)));
    // A fresh app on the same folder, as after a restart.
    let store = d.app.store.clone();
    let mut again = Driver::with_store(store, tempfile::tempdir().expect("temp"));
    again.enter();
    let Screen::Home(home) = again.app.screen() else {
        panic!("not home")
    };
    assert!(
        matches!(home.choices[0], handoff::ui::screens::Choice::Resume(_)),
        "the draft is offered first"
    );
    again.enter();
    let Screen::Session(session) = again.app.screen() else {
        panic!("no session")
    };
    assert_eq!(session.assessment().placement.rating, Some(2));
    assert_eq!(
        session
            .assessment()
            .drivers
            .values()
            .filter_map(|a| a.rating)
            .collect::<Vec<_>>()
            .len(),
        2
    );
}

#[test]
fn q_types_into_a_note_instead_of_quitting() {
    let mut d = Driver::new();
    d.keys("a").keys("Sam").enter().enter();
    d.tab().tab().keys("n").keys("quiet q").esc();
    assert!(d.app.running);
    let Screen::Session(session) = d.app.screen() else {
        panic!("no session")
    };
    assert_eq!(session.assessment().placement.note, "quiet q");
    d.keys("q");
    assert!(!d.app.running);
}

#[test]
fn a_fourth_commitment_is_refused_with_a_reason() {
    let mut d = Driver::new();
    d.keys("a").keys("Sam").enter().enter();
    d.keys("g");
    for _ in 0..8 {
        d.keys("j");
    }
    d.enter();
    assert_eq!(d.sheet(), "Commitments");
    // Each `a` starts typing the new commitment's first step; Esc ends it.
    d.keys("a").esc().keys("a").esc().keys("a").esc().keys("a");
    let status = d.app.status.clone().expect("refused");
    assert!(status.text.contains("Up to 3"), "{}", status.text);
}

#[test]
fn leaving_a_new_assessment_untouched_leaves_no_draft() {
    let mut d = Driver::new();
    d.keys("a").keys("Sam").enter().enter();
    d.tab().tab();
    d.esc();
    let person = d
        .app
        .store
        .find_person("Sam")
        .expect("list")
        .expect("person");
    assert!(
        d.app.store.drafts(&person).is_empty(),
        "an empty draft was left behind"
    );
}
