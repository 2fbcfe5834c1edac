//! Scores summarise a person's own answers; skipped is never zero; each
//! recommendation says which answers led to it.

mod common;

use common::{answer, full_assessment, letting_go_assessment};
use handoff::assessment::{
    Assessment, DelegationMode, Lean, Notable, Pointer, Summary, Task, Towards, balance, leaning,
    section_score,
};
use handoff::content::{self, SectionKind, Workbook};

fn workbook() -> Workbook {
    content::load_builtin().unwrap_or_else(|errors| panic!("{errors}"))
}

#[test]
fn a_section_score_is_the_share_of_the_most_the_answers_could_be() {
    let workbook = workbook();
    let drivers = workbook.section(SectionKind::Drivers);
    let mut assessment = Assessment::default();
    let score = section_score(drivers, &assessment);
    assert_eq!(
        score.percent, None,
        "nothing answered is no score, not zero"
    );
    assert_eq!((score.answered, score.total), (0, 6));

    assessment
        .drivers
        .insert("perfectionism".into(), answer(4, ""));
    assessment
        .drivers
        .insert("cognitive-load".into(), answer(1, ""));
    let score = section_score(drivers, &assessment);
    // (4 + 1) / (2 answered × 4) = 62.5 → 63; the four skipped do not count.
    assert_eq!(score.percent, Some(63));
    assert_eq!(score.skipped(), 4);

    assessment
        .drivers
        .insert("no-longer-in-content".into(), answer(4, ""));
    assert_eq!(
        section_score(drivers, &assessment).percent,
        Some(63),
        "unknown ids are ignored"
    );
}

#[test]
fn a_zero_counts_but_a_note_alone_does_not() {
    let workbook = workbook();
    let drivers = workbook.section(SectionKind::Drivers);
    let mut assessment = Assessment::default();
    assessment
        .drivers
        .insert("perfectionism".into(), answer(0, ""));
    assessment.set_note(SectionKind::Drivers, "cognitive-load", "thinking about it");
    let score = section_score(drivers, &assessment);
    assert_eq!((score.answered, score.percent), (1, Some(0)));
}

#[test]
fn recommendations_name_the_answers_that_triggered_them() {
    let workbook = workbook();
    let assessment = full_assessment("Ana");
    let summary = Summary::of(&workbook, &assessment);
    assert!(!summary.recommendations.is_empty());
    for recommendation in &summary.recommendations {
        assert!(!recommendation.reasons.is_empty());
        for reason in &recommendation.reasons {
            let item = workbook
                .section(reason.kind)
                .item(&reason.item)
                .expect("reason exists");
            assert!(item.remedies.contains(&recommendation.remedy), "{reason:?}");
            assert!(reason.rating >= workbook.section(reason.kind).notable_from);
        }
    }
    let ids: Vec<_> = summary
        .strongest_drivers
        .iter()
        .map(|found| found.item.as_str())
        .collect();
    assert_eq!(ids, ["perfectionism", "cognitive-load"], "strongest first");
    assert_eq!(summary.placement, Some(1));
}

#[test]
fn a_remedy_already_practised_consistently_is_not_recommended() {
    let workbook = workbook();
    let mut assessment = Assessment::default();
    assessment
        .drivers
        .insert("perfectionism".into(), answer(4, ""));
    let linked = workbook
        .section(SectionKind::Drivers)
        .item("perfectionism")
        .expect("driver")
        .remedies
        .clone();
    let before = Summary::of(&workbook, &assessment);
    assert_eq!(before.recommendations.len(), linked.len());
    assessment.remedies.insert(linked[0].clone(), answer(2, ""));
    let after = Summary::of(&workbook, &assessment);
    assert!(after.recommendations.iter().all(|r| r.remedy != linked[0]));
}

#[test]
fn nearby_patterns_come_from_frequent_symptoms() {
    let workbook = workbook();
    let mut assessment = Assessment::default();
    let symptom = workbook
        .section(SectionKind::Symptoms)
        .items
        .iter()
        .find(|item| !item.patterns.is_empty())
        .expect("a symptom with patterns");
    assessment
        .symptoms
        .insert(symptom.id.clone(), answer(4, ""));
    let summary = Summary::of(&workbook, &assessment);
    let found: Vec<_> = summary.patterns.iter().map(|p| p.pattern.clone()).collect();
    assert_eq!(found, symptom.patterns);
    assert!(
        summary
            .patterns
            .iter()
            .all(|p| p.because == [symptom.id.clone()])
    );
}

fn task(mode: Option<DelegationMode>) -> Task {
    Task {
        title: "t".into(),
        to_whom: "w".into(),
        member: None,
        mode,
        note: String::new(),
    }
}

#[test]
fn the_balance_warns_when_every_task_is_one_kind() {
    use DelegationMode::{Learning, Performance};
    assert_eq!(balance(&[]).lean, Lean::TooFewToSay);
    assert_eq!(balance(&[task(Some(Performance))]).lean, Lean::TooFewToSay);
    assert_eq!(
        balance(&[task(Some(Performance)), task(Some(Performance))]).lean,
        Lean::AllPerformance
    );
    assert_eq!(
        balance(&[task(Some(Learning)), task(Some(Learning)), task(None)]).lean,
        Lean::AllLearning
    );
    let mixed = balance(&[task(Some(Learning)), task(Some(Performance)), task(None)]);
    assert_eq!(
        (
            mixed.lean,
            mixed.performance,
            mixed.learning,
            mixed.undecided
        ),
        (Lean::Mixed, 1, 1, 1)
    );
}

fn pointed(kind: SectionKind, item: &str, rating: u8) -> Pointer {
    Pointer::Answer(Notable {
        kind,
        item: item.into(),
        rating,
    })
}

#[test]
fn answers_that_hold_on_lean_towards_holding_on_and_say_which() {
    let workbook = workbook();
    let found = leaning(&workbook, &full_assessment("Ana"));
    assert_eq!(found.towards, Towards::HoldingOn);
    assert_eq!(
        found.holding_on,
        [
            Pointer::Placement(1),
            pointed(SectionKind::Drivers, "perfectionism", 4),
            pointed(SectionKind::Symptoms, "micromanagement", 3),
            pointed(SectionKind::Aggravators, "tight-timelines", 2),
        ]
    );
    // Too much to juggle (rated 3) pushes either way, so it is not counted.
    assert_eq!(
        found.letting_go,
        [pointed(SectionKind::Symptoms, "last-minute-fixes", 4)]
    );
    assert_eq!(
        Summary::of(&workbook, &full_assessment("Ana")).leaning,
        found
    );
}

#[test]
fn answers_that_hand_off_unsupported_lean_that_way() {
    let workbook = workbook();
    let found = leaning(&workbook, &letting_go_assessment("Sam"));
    assert_eq!(found.towards, Towards::LettingGo);
    assert_eq!(
        found.letting_go,
        [
            Pointer::Placement(4),
            pointed(SectionKind::Symptoms, "last-minute-fixes", 4),
            pointed(SectionKind::Symptoms, "inconsistent-deadlines", 3),
        ]
    );
    // One answer the other way is shown, and outweighed three to one.
    assert_eq!(
        found.holding_on,
        [pointed(SectionKind::Aggravators, "tight-timelines", 1)]
    );
}

#[test]
fn the_middle_of_the_placement_scale_and_low_ratings_point_nowhere() {
    let workbook = workbook();
    let mut assessment = Assessment {
        placement: answer(2, ""),
        ..Assessment::default()
    };
    // Below the section's notable_from (3): not a high rating.
    assessment
        .drivers
        .insert("perfectionism".into(), answer(2, ""));
    // Pushes either way.
    assessment
        .drivers
        .insert("cognitive-load".into(), answer(4, ""));
    let found = leaning(&workbook, &assessment);
    assert!(found.holding_on.is_empty() && found.letting_go.is_empty());
    assert_eq!(found.towards, Towards::TooFewToSay);
    assert_eq!(
        leaning(&workbook, &Assessment::default()).towards,
        Towards::TooFewToSay
    );
}

#[test]
fn one_answer_is_too_few_and_a_near_tie_is_both_ways() {
    let workbook = workbook();
    let mut assessment = Assessment {
        placement: answer(0, ""),
        ..Assessment::default()
    };
    assert_eq!(
        leaning(&workbook, &assessment).towards,
        Towards::TooFewToSay,
        "a placement alone is already on the summary; one answer is no lean"
    );
    assessment
        .symptoms
        .insert("micromanagement".into(), answer(4, ""));
    assert_eq!(leaning(&workbook, &assessment).towards, Towards::HoldingOn);
    // Two against one still leans; two against two does not.
    assessment
        .symptoms
        .insert("last-minute-fixes".into(), answer(4, ""));
    assert_eq!(leaning(&workbook, &assessment).towards, Towards::HoldingOn);
    assessment
        .symptoms
        .insert("inconsistent-deadlines".into(), answer(3, ""));
    assert_eq!(leaning(&workbook, &assessment).towards, Towards::BothWays);
    // Three against two is still too close to call.
    assessment
        .drivers
        .insert("perfectionism".into(), answer(3, ""));
    assert_eq!(leaning(&workbook, &assessment).towards, Towards::BothWays);
}

#[test]
fn an_item_without_a_lean_is_left_out() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/content/valid/coach-extension");
    let workbook = content::check_dir(&dir).unwrap_or_else(|errors| panic!("{errors}"));
    let mut assessment = Assessment {
        placement: answer(4, ""),
        ..Assessment::default()
    };
    assessment
        .drivers
        .insert("fear-of-conflict".into(), answer(4, ""));
    let found = leaning(&workbook, &assessment);
    assert_eq!(found.letting_go, [Pointer::Placement(4)]);
    assert!(found.holding_on.is_empty());
}
