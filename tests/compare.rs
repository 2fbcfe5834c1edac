//! Comparing two assessments and charting a history, on a fixture with a
//! content change between assessments and a damaged file among them.
//! Assertions use ids and structure, never wording.

mod history_fixture;

use handoff::assessment::{
    Absence, Assessment, Change, FollowUpOutcome, FollowUpStatus, Trend, chronological, compare,
    section_score,
};
use handoff::content::{SectionKind, Workbook};
use handoff::store::Listed;
use history_fixture::{DAMAGED, FIRST, SECOND, THIRD, history, workbook};

fn item_change(
    comparison: &handoff::assessment::Comparison,
    kind: SectionKind,
    id: &str,
) -> Change {
    let section = comparison
        .sections
        .iter()
        .find(|section| section.kind == kind)
        .expect("section");
    section
        .items
        .iter()
        .find(|item| item.id == id)
        .unwrap_or_else(|| panic!("{id} compared"))
        .change
}

fn section_change(comparison: &handoff::assessment::Comparison, kind: SectionKind) -> Change {
    comparison
        .sections
        .iter()
        .find(|section| section.kind == kind)
        .expect("section")
        .change
}

#[test]
fn items_match_by_id_and_move_the_way_their_section_counts_as_better() {
    let (history, workbook) = (history(), workbook());
    let comparison = compare(
        &workbook,
        &history.assessment(FIRST),
        &history.assessment(SECOND),
    );
    // Drivers: lower is better.
    assert_eq!(
        item_change(&comparison, SectionKind::Drivers, "perfectionism"),
        Change::Better
    );
    assert_eq!(
        item_change(&comparison, SectionKind::Drivers, "cognitive-load"),
        Change::Worse
    );
    // Readiness: higher is better.
    assert_eq!(
        item_change(&comparison, SectionKind::Readiness, "skills"),
        Change::Better
    );
    assert_eq!(
        item_change(&comparison, SectionKind::Readiness, "clarity"),
        Change::Same
    );
    assert_eq!(
        item_change(&comparison, SectionKind::Symptoms, "micromanagement"),
        Change::Same
    );
}

#[test]
fn content_changes_show_as_not_asked_then_with_the_reason() {
    let (history, workbook) = (history(), workbook());
    let comparison = compare(
        &workbook,
        &history.assessment(FIRST),
        &history.assessment(SECOND),
    );
    let drivers = &comparison
        .sections
        .iter()
        .find(|s| s.kind == SectionKind::Drivers)
        .expect("drivers");

    let retired = drivers
        .items
        .iter()
        .find(|item| item.id == "old-driver")
        .expect("kept in the comparison");
    assert!(!retired.in_content);
    assert_eq!(retired.change, Change::NotAskedThen(Absence::NoLongerAsked));
    assert!(retired.before.rating.is_some() && retired.after.rating.is_none());
    assert!(
        !retired.before.note.is_empty(),
        "the old note is still shown"
    );

    assert_eq!(
        item_change(&comparison, SectionKind::Drivers, "social-signalling"),
        Change::NotAskedThen(Absence::SkippedEarlier)
    );
    assert_eq!(
        item_change(&comparison, SectionKind::Readiness, "resources"),
        Change::NotAskedThen(Absence::SkippedEarlier)
    );
    let reversed = compare(
        &workbook,
        &history.assessment(SECOND),
        &history.assessment(FIRST),
    );
    assert_eq!(
        item_change(&reversed, SectionKind::Drivers, "social-signalling"),
        Change::NotAskedThen(Absence::SkippedLater)
    );
}

#[test]
fn every_current_item_is_compared_in_content_order_then_retired_ones() {
    let (history, workbook) = (history(), workbook());
    let comparison = compare(
        &workbook,
        &history.assessment(FIRST),
        &history.assessment(SECOND),
    );
    for (section, compared) in workbook.sections.iter().zip(&comparison.sections) {
        assert_eq!(section.kind, compared.kind);
        let current: Vec<&str> = section.items.iter().map(|item| item.id.as_str()).collect();
        let compared_ids: Vec<&str> = compared.items.iter().map(|item| item.id.as_str()).collect();
        assert_eq!(
            &compared_ids[..current.len()],
            &current[..],
            "{}",
            section.kind
        );
        assert!(
            compared.items[current.len()..]
                .iter()
                .all(|item| !item.in_content)
        );
    }
    let untouched = comparison
        .sections
        .iter()
        .flat_map(|section| &section.items)
        .find(|item| !item.answered_either())
        .expect("some item unanswered both times");
    assert_eq!(untouched.change, Change::NotAskedThen(Absence::SkippedBoth));
}

#[test]
fn section_scores_change_with_the_direction_of_their_section() {
    let (history, workbook) = (history(), workbook());
    let (first, second, third) = (
        history.assessment(FIRST),
        history.assessment(SECOND),
        history.assessment(THIRD),
    );
    let comparison = compare(&workbook, &first, &second);
    for compared in &comparison.sections {
        let section = workbook.section(compared.kind);
        assert_eq!(compared.before, section_score(section, &first));
        assert_eq!(compared.after, section_score(section, &second));
    }
    assert_eq!(
        section_change(&comparison, SectionKind::Drivers),
        Change::Better
    );
    let drivers = comparison
        .sections
        .iter()
        .find(|s| s.kind == SectionKind::Drivers)
        .expect("drivers");
    assert!(
        matches!(drivers.delta(), Some(delta) if delta < 0),
        "{:?}",
        drivers.delta()
    );
    assert_eq!(
        section_change(&comparison, SectionKind::Readiness),
        Change::Better
    );
    assert_eq!(
        section_change(&comparison, SectionKind::Support),
        Change::Same
    );

    let later = compare(&workbook, &second, &third);
    assert_eq!(
        section_change(&later, SectionKind::Drivers),
        Change::NotAskedThen(Absence::SkippedLater),
        "a section left unanswered is not a zero"
    );
}

#[test]
fn placement_is_better_closer_to_the_middle_of_its_scale() {
    let (history, workbook) = (history(), workbook());
    let (first, second) = (history.assessment(FIRST), history.assessment(SECOND));
    assert_eq!(
        compare(&workbook, &first, &second).placement.change,
        Change::Better
    );
    assert_eq!(
        compare(&workbook, &second, &first).placement.change,
        Change::Worse
    );

    let top = workbook.gap.placement_scale.max();
    let mut tight = Assessment::default();
    tight.placement.rating = Some(0);
    let mut bare = Assessment::default();
    bare.placement.rating = Some(top);
    assert_eq!(
        compare(&workbook, &tight, &bare).placement.change,
        Change::Same,
        "both ends are as far off"
    );
}

#[test]
fn earlier_commitments_carry_how_the_later_check_in_reported_them() {
    let (history, workbook) = (history(), workbook());
    let (first, second, third) = (
        history.assessment(FIRST),
        history.assessment(SECOND),
        history.assessment(THIRD),
    );

    let followed = compare(&workbook, &first, &second).follow_ups;
    let outcomes: Vec<(&str, FollowUpOutcome)> = followed
        .iter()
        .map(|one| (one.commitment.remedy.as_str(), one.outcome))
        .collect();
    assert_eq!(
        outcomes,
        [
            (
                "checkpoints",
                FollowUpOutcome::Reported(FollowUpStatus::Kept)
            ),
            (
                "acceptance-criteria",
                FollowUpOutcome::Reported(FollowUpStatus::Partly)
            ),
        ]
    );
    assert!(
        followed.iter().all(|one| !one.note.is_empty()),
        "notes come along"
    );

    let skipped_a_step = compare(&workbook, &first, &third).follow_ups;
    assert!(
        skipped_a_step
            .iter()
            .all(|one| one.outcome == FollowUpOutcome::NotAsked)
    );

    let unmarked = compare(&workbook, &second, &third).follow_ups;
    assert_eq!(unmarked.len(), 1);
    assert_eq!(unmarked[0].outcome, FollowUpOutcome::Unmarked);
}

#[test]
fn an_edited_commitment_still_matches_by_remedy_when_the_check_in_follows_that_assessment() {
    let (history, workbook) = (history(), workbook());
    let (first, mut second) = (history.assessment(FIRST), history.assessment(SECOND));
    second.check_in.follow_ups[0].commitment.first_step = "Reworded since".into();
    let followed = compare(&workbook, &first, &second).follow_ups;
    assert_eq!(
        followed[0].outcome,
        FollowUpOutcome::Reported(FollowUpStatus::Kept)
    );

    second.check_in.previous = Some("some-other-assessment".into());
    let followed = compare(&workbook, &first, &second).follow_ups;
    assert_eq!(followed[0].outcome, FollowUpOutcome::NotAsked);
}

#[test]
fn chronological_puts_the_older_first_whatever_the_order_given() {
    let history = history();
    let (first, second) = (history.assessment(FIRST), history.assessment(SECOND));
    assert_eq!(chronological(&second, &first).0.id, FIRST);
    assert_eq!(chronological(&first, &second).0.id, FIRST);
}

#[test]
fn every_change_has_words_so_nothing_depends_on_colour() {
    let all = [
        Change::Better,
        Change::Worse,
        Change::Same,
        Change::NotAskedThen(Absence::SkippedEarlier),
        Change::NotAskedThen(Absence::SkippedLater),
        Change::NotAskedThen(Absence::SkippedBoth),
        Change::NotAskedThen(Absence::NoLongerAsked),
    ];
    let words: std::collections::BTreeSet<&str> = all.iter().map(|change| change.words()).collect();
    assert_eq!(words.len(), all.len(), "each change reads differently");
}

#[test]
fn the_damaged_file_is_listed_unreadable_and_the_rest_still_load() {
    let history = history();
    let listed = history.store.history(&history.person);
    let damaged: Vec<&Listed> = listed
        .iter()
        .filter(|entry| matches!(entry, Listed::Unreadable { .. }))
        .collect();
    assert_eq!(damaged.len(), 1);
    assert!(damaged[0].path().ends_with(format!("{DAMAGED}.toml")));
    assert_eq!(listed.len() - damaged.len(), 3);
}

fn completed(history: &history_fixture::History) -> Vec<Assessment> {
    history
        .store
        .history(&history.person)
        .into_iter()
        .filter_map(|listed| match listed {
            Listed::Readable { loaded, .. } => Some(loaded.assessment),
            Listed::Unreadable { .. } => None,
        })
        .collect()
}

fn expected_series(
    workbook: &Workbook,
    assessments: &[Assessment],
    kind: SectionKind,
) -> Vec<Option<u8>> {
    assessments
        .iter()
        .map(|one| section_score(workbook.section(kind), one).percent)
        .collect()
}

#[test]
fn the_trend_has_one_column_per_completed_assessment_in_date_order_with_gaps() {
    let (history, workbook) = (history(), workbook());
    let mut assessments = completed(&history);
    assessments.reverse();
    let mut draft = history.assessment(FIRST);
    draft.completed = None;
    draft.id = "a-draft".into();
    assessments.push(draft);

    let trend = Trend::of(&workbook, &assessments);
    let ids: Vec<&str> = trend
        .columns
        .iter()
        .map(|column| column.id.as_str())
        .collect();
    assert_eq!(ids, [FIRST, SECOND, THIRD], "dated order, drafts left out");
    assert_eq!(trend.sections.len(), workbook.sections.len());

    let in_order = completed(&history);
    for series in &trend.sections {
        assert_eq!(
            series.percents,
            expected_series(&workbook, &in_order, series.kind),
            "{}",
            series.kind
        );
    }
    let drivers = trend.section(SectionKind::Drivers).expect("drivers");
    assert_eq!(drivers.percents[2], None, "unanswered is a gap, not zero");
    assert_eq!(
        drivers
            .points()
            .map(|(column, _)| column)
            .collect::<Vec<_>>(),
        [0, 1]
    );
}

#[test]
fn the_stores_trend_read_newest_first_matches_the_full_files() {
    let (history, workbook) = (history(), workbook());
    let full = Trend::of(&workbook, &completed(&history));
    let newest = history.store.newest_trend(&history.person, &workbook, 100);
    assert_eq!(newest.trend, full);
    assert_eq!(
        (newest.older, newest.unreadable),
        (0, 1),
        "the damaged file"
    );
    // The newest two files are the third and the damaged one: the older
    // ones are not read, and the trend says how many it left out.
    let newest = history.store.newest_trend(&history.person, &workbook, 2);
    let ids: Vec<&str> = newest
        .trend
        .columns
        .iter()
        .map(|column| column.id.as_str())
        .collect();
    assert_eq!(ids, [THIRD]);
    assert_eq!((newest.older, newest.unreadable), (2, 1));
}
