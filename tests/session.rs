//! A whole assessment filled in through the domain session alone: no
//! terminal, no files. Every change asks for a draft save, as data; the
//! rules (scales, the three-commitment cap, dates, carry-forward,
//! follow-ups, read-only, leaving untouched) hold whichever front end
//! calls them.

mod common;

use std::path::PathBuf;

use chrono::NaiveDate;

use handoff::assessment::{
    Assessment, CommitmentField, DelegationMode, Field, FollowUpStatus, Rated, TaskField,
};
use handoff::content::{SectionKind, Workbook};
use handoff::session::{Effect, Session, Sheet};
use handoff::store::Person;

fn workbook() -> Workbook {
    handoff::content::load_builtin().unwrap_or_else(|errors| panic!("{errors}"))
}

fn ana() -> Person {
    Person {
        name: "Ana".into(),
        dir: PathBuf::from("/nowhere/people/ana"),
    }
}

/// The last save asked for, which is what the draft on disk would hold.
fn last_saved(effects: &[Effect]) -> &Assessment {
    effects
        .iter()
        .rev()
        .find_map(|effect| match effect {
            Effect::SaveDraft { assessment, .. } => Some(assessment.as_ref()),
            _ => None,
        })
        .expect("a draft save")
}

#[test]
fn a_whole_assessment_through_the_session_asks_for_every_save_and_completion() {
    let workbook = workbook();
    let last = common::full_assessment("Ana");
    let mut session = Session::start(ana(), &workbook, Some(&last), common::clock);

    // Carried forward: the role, and last time's commitment to follow up.
    let started = session.take_effects();
    assert_eq!(started.len(), 1, "a new assessment is saved at once");
    let draft = last_saved(&started);
    assert_eq!(draft.check_in.role, "Head of analytics");
    assert_eq!(draft.check_in.previous.as_deref(), Some(last.id.as_str()));
    assert_eq!(draft.check_in.follow_ups.len(), 1);
    assert_eq!(draft.check_in.follow_ups[0].commitment, last.commitments[0]);

    // Check-in.
    assert_eq!(session.sheet(), Sheet::CheckIn);
    session
        .set_text(
            &Field::Situation,
            "Handing the report to Priya.\nShe is new.",
        )
        .expect("text");
    session.step_follow_up(0, true).expect("follow-up");
    session.step_follow_up(0, true).expect("follow-up");
    session
        .set_text(&Field::FollowUpNote(0), "One of two reviews happened.")
        .expect("text");
    let saves = session.take_effects();
    assert_eq!(saves.len(), 4, "one save per change");
    assert_eq!(
        last_saved(&saves).check_in.follow_ups[0].status,
        Some(FollowUpStatus::Partly)
    );

    // Where the gap points: the placement and readiness, on their scales.
    assert!(session.next_sheet());
    assert_eq!(session.sheet(), Sheet::Gap);
    session.rate(&workbook, &Rated::Placement, 1).expect("rate");
    let top = handoff::session::scale_top(&workbook, &Rated::Placement);
    let refused = session
        .rate(&workbook, &Rated::Placement, top + 1)
        .expect_err("off the scale");
    assert!(refused.0.contains(&format!("0 to {top}")), "{refused}");
    let skills = Rated::Item(SectionKind::Readiness, "skills".into());
    session.rate(&workbook, &skills, 2).expect("rate");
    session.step_rating(&workbook, &skills, true).expect("step");

    // Every rated sheet, every item rated.
    for sheet in [
        Sheet::Drivers,
        Sheet::Symptoms,
        Sheet::Aggravators,
        Sheet::Remedies,
        Sheet::Support,
    ] {
        session.go_to(sheet);
        for rated in sheet.rated(&workbook) {
            session.rate(&workbook, &rated, 1).expect("rate");
        }
        let (answered, total) = session.progress(&workbook, sheet).expect("progress");
        assert_eq!(answered, total, "{sheet:?}");
    }
    let perfectionism = Rated::Item(SectionKind::Drivers, "perfectionism".into());
    session
        .set_text(&Field::Note(perfectionism.clone()), "Charts at night")
        .expect("note");
    session.clear_rating(&perfectionism).expect("clear");

    // Learning or performance.
    session.go_to(Sheet::Modes);
    let title = session.add_task().expect("task");
    assert_eq!(title, Field::Task(0, TaskField::Title));
    session.set_text(&title, "Monthly report").expect("text");
    session
        .set_text(&Field::Task(0, TaskField::ToWhom), "Priya")
        .expect("text");
    session.toggle_mode(0).expect("mode");
    session.toggle_mode(0).expect("mode");
    session.add_task().expect("task");
    session
        .set_mode(1, DelegationMode::Performance)
        .expect("mode");
    session.remove_task(1).expect("remove");

    // Commitments: three at most, a real date, a past date kept.
    session.go_to(Sheet::Commitments);
    let first_step = session.add_commitment(&workbook).expect("commitment");
    assert_eq!(first_step, Field::Commitment(0, CommitmentField::FirstStep));
    session
        .set_text(&first_step, "Write a checklist")
        .expect("text");
    let due = Field::Commitment(0, CommitmentField::Due);
    let refused = session
        .set_text(&due, "next friday")
        .expect_err("not a date");
    assert!(refused.0.contains("like 2026-12-15"), "{refused}");
    session
        .set_text(&due, "2026-01-02")
        .expect("a past date is kept");
    assert_eq!(session.past_due(&due), NaiveDate::from_ymd_opt(2026, 1, 2));
    session.set_text(&due, "2026-12-15").expect("date");
    assert_eq!(session.past_due(&due), None);
    session.add_commitment(&workbook).expect("second");
    session.add_commitment(&workbook).expect("third");
    let refused = session.add_commitment(&workbook).expect_err("a fourth");
    assert!(refused.0.contains("Up to 3"), "{refused}");
    let remedies: Vec<&str> = session
        .assessment()
        .commitments
        .iter()
        .map(|commitment| commitment.remedy.as_str())
        .collect();
    assert_eq!(remedies.len(), 3);
    assert!(
        remedies[0] != remedies[1] && remedies[1] != remedies[2] && remedies[0] != remedies[2],
        "each new commitment takes a remedy not taken yet: {remedies:?}"
    );
    let before = session.assessment().commitments[2].remedy.clone();
    session.step_remedy(&workbook, 2, true).expect("step");
    assert_ne!(session.assessment().commitments[2].remedy, before);
    session.remove_commitment(2).expect("remove");

    // Summary, then completion.
    session.go_to(Sheet::Summary);
    assert!(!session.next_sheet(), "the summary is the last worksheet");
    session.complete().expect("complete");
    let effects = session.take_effects();
    let Some(Effect::Complete { assessment, .. }) = effects.last() else {
        panic!("no completion asked for: {effects:?}");
    };
    let a = assessment.as_ref();
    assert_eq!(
        a.check_in.situation,
        "Handing the report to Priya.\nShe is new."
    );
    assert_eq!(
        a.check_in.follow_ups[0].note,
        "One of two reviews happened."
    );
    assert_eq!(a.placement.rating, Some(1));
    assert_eq!(a.readiness["skills"].rating, Some(3));
    assert_eq!(a.drivers["perfectionism"].rating, None, "cleared: skipped");
    assert_eq!(a.drivers["perfectionism"].note, "Charts at night");
    assert_eq!(
        a.symptoms.len(),
        workbook.section(SectionKind::Symptoms).items.len()
    );
    assert_eq!(a.tasks.len(), 1);
    assert_eq!(a.tasks[0].mode, Some(DelegationMode::Learning));
    assert_eq!(a.commitments.len(), 2);
    assert_eq!(a.commitments[0].due, NaiveDate::from_ymd_opt(2026, 12, 15));
    assert!(
        effects
            .iter()
            .all(|effect| !matches!(effect, Effect::DiscardDraft { .. })),
        "an answered assessment is never discarded"
    );
    assert!(
        session.leave(),
        "the draft is kept until the completion is saved"
    );
}

#[test]
fn leaving_a_new_assessment_untouched_asks_to_discard_its_draft() {
    let workbook = workbook();
    let mut session = Session::start(ana(), &workbook, None, common::clock);
    session.next_sheet();
    session.next_sheet();
    assert!(!session.leave());
    let effects = session.take_effects();
    assert!(matches!(effects.first(), Some(Effect::SaveDraft { .. })));
    assert!(matches!(effects.last(), Some(Effect::DiscardDraft { .. })));

    let mut answered = Session::start(ana(), &workbook, None, common::clock);
    answered.set_text(&Field::Role, "Team lead").expect("text");
    assert!(answered.leave(), "a draft with an answer is kept");
    assert!(
        answered
            .take_effects()
            .iter()
            .all(|effect| !matches!(effect, Effect::DiscardDraft { .. }))
    );
}

#[test]
fn a_completed_assessment_read_back_refuses_every_change_and_asks_for_nothing() {
    let workbook = workbook();
    let mut done = common::full_assessment("Ana");
    done.completed = Some(common::clock());
    let mut session = Session::read_only(ana(), done.clone(), common::clock);
    assert!(session.rate(&workbook, &Rated::Placement, 0).is_err());
    assert!(session.set_text(&Field::Role, "x").is_err());
    assert!(session.add_task().is_err());
    assert!(session.add_commitment(&workbook).is_err());
    assert!(session.toggle_mode(0).is_err());
    assert!(session.step_follow_up(0, true).is_err());
    assert!(session.complete().is_err());
    assert!(session.leave());
    assert!(session.take_effects().is_empty());
    assert_eq!(session.assessment(), &done);
}
