//! The report of two assessments side by side: the sections' scores as
//! bars, the placement, the check-in, every answered item and the tasks,
//! then and now with the change in a symbol and in words; then how the
//! earlier commitments went. Each part is one function over the
//! comparison, so a new part is one more call.

use crate::assessment::{Change, Comparison, SectionComparison, Task};
use crate::content::Workbook;

use super::document::{BarSide, Document, Mark, Pair, ScoreChange, strong, text};
use super::words::{self, COMMITMENT_HEADERS, Voice, commitment_row, item_title, rating};

pub fn comparison_report(workbook: &Workbook, comparison: &Comparison) -> Document {
    let (earlier, later) = (&comparison.earlier, &comparison.later);
    // Two taken on the same day would both say "Commitments made on" that
    // day; the time of day tells the earlier ones from the new.
    let (then, now) = match (words::taken(earlier), words::taken(later)) {
        (then, now) if then == now => (words::taken_at(earlier), words::taken_at(later)),
        days => days,
    };
    let who = if earlier.person == later.person {
        earlier.person.clone()
    } else {
        format!("{} and {}", earlier.person, later.person)
    };
    let mut doc = Document::default();
    doc.heading(
        1,
        format!("Delegation workbook compared: {who}, {then} and {now}"),
    );
    doc.list(vec![
        vec![
            strong("Then:"),
            text(format!(" {} ({})", earlier.id, words::status(earlier))),
        ],
        vec![
            strong("Now:"),
            text(format!(" {} ({})", later.id, words::status(later))),
        ],
    ]);
    doc.aside(words::not_a_diagnosis(Voice::Theirs));
    scores(&mut doc, workbook, comparison);
    placement(&mut doc, workbook, comparison);
    check_in(&mut doc, comparison);
    doc.heading(2, "Item by item");
    doc.line("Only items answered at least once are listed.");
    for section in &comparison.sections {
        items(&mut doc, workbook, section);
    }
    tasks(&mut doc, workbook, comparison);
    super::team::compared(&mut doc, workbook, earlier, later);
    follow_ups(&mut doc, workbook, comparison, &then);
    doc.heading(2, format!("Commitments made on {now}"));
    if later.commitments.is_empty() {
        doc.line("No commitments chosen.");
    } else {
        let rows = later
            .commitments
            .iter()
            .map(|one| commitment_row(workbook, one))
            .collect();
        doc.table(&COMMITMENT_HEADERS, rows);
    }
    doc
}

fn scores(doc: &mut Document, workbook: &Workbook, comparison: &Comparison) {
    doc.heading(2, "Section scores");
    doc.legend(format!(
        "Then {}, now {}. {} better, {} worse, {} same. ↑ higher is better, ↓ lower is better.",
        BarSide::Then.fill(),
        BarSide::Now.fill(),
        Mark::Better.symbol(),
        Mark::Worse.symbol(),
        Mark::Same.symbol(),
    ));
    let rows = comparison
        .sections
        .iter()
        .map(|section| ScoreChange {
            section: workbook.section(section.kind).title.clone(),
            then: section.before.percent,
            now: section.after.percent,
            better: workbook.section(section.kind).better,
            mark: section.change.into(),
            change: words::moved(section.change, section.delta()),
        })
        .collect();
    doc.score_changes(rows);
}

fn placement(doc: &mut Document, workbook: &Workbook, comparison: &Comparison) {
    let scale = &workbook.gap.placement_scale;
    let placement = &comparison.placement;
    doc.heading(2, "Where the gap points");
    let change = match placement.change {
        Change::Better => "better (closer to the middle of the scale)",
        Change::Worse => "worse (further from the middle of the scale)",
        other => other.words(),
    };
    doc.pairs(
        "",
        vec![Pair {
            title: "Placement".to_string(),
            then: rating(scale, placement.before.rating),
            now: rating(scale, placement.after.rating),
            mark: Some(placement.change.into()),
            change: change.to_string(),
            note_then: placement.before.note.clone(),
            note_now: placement.after.note.clone(),
        }],
    );
}

/// The check-in's texts, then and now, marked where they changed.
fn check_in(doc: &mut Document, comparison: &Comparison) {
    let (then, now) = (&comparison.earlier.check_in, &comparison.later.check_in);
    doc.heading(2, "Check-in");
    let rows = [
        ("Role", &then.role, &now.role),
        ("Situation", &then.situation, &now.situation),
    ]
    .into_iter()
    .map(|(title, then, now)| text_pair(title, then, now))
    .collect();
    doc.pairs("", rows);
}

/// Two texts side by side: the same, or changed (neither better nor
/// worse).
fn text_pair(title: &str, then: &str, now: &str) -> Pair {
    let (mark, change) = if then.trim() == now.trim() {
        (Mark::Same, "same")
    } else {
        (Mark::Changed, "changed")
    };
    Pair {
        title: title.to_string(),
        then: words::or_not_set(then),
        now: words::or_not_set(now),
        mark: Some(mark),
        change: change.to_string(),
        ..Pair::default()
    }
}

fn items(doc: &mut Document, workbook: &Workbook, compared: &SectionComparison) {
    let section = workbook.section(compared.kind);
    doc.heading(3, words::section_heading(section));
    let rows: Vec<Pair> = compared
        .items
        .iter()
        .filter(|item| item.answered_either())
        .map(|item| Pair {
            title: item_title(section, &item.id),
            then: rating(&section.scale, item.before.rating),
            now: rating(&section.scale, item.after.rating),
            mark: Some(item.change.into()),
            change: item.change.words().to_string(),
            note_then: item.before.note.clone(),
            note_now: item.after.note.clone(),
        })
        .collect();
    if rows.is_empty() {
        return doc.line("Nothing answered either time.");
    }
    doc.pairs("Item", rows);
}

/// The tasks listed either time, matched by title: who to and in which
/// mode, then and now.
fn tasks(doc: &mut Document, workbook: &Workbook, comparison: &Comparison) {
    doc.heading(2, "Tasks to hand over");
    if comparison.tasks.is_empty() {
        return doc.line("No tasks listed either time.");
    }
    let describe = |task: Option<&Task>| match task {
        Some(task) => {
            let mode = task
                .mode
                .and_then(|mode| {
                    workbook
                        .modes
                        .modes
                        .iter()
                        .find(|known| known.id == mode.id())
                })
                .map_or("mode not chosen", |mode| mode.title.as_str());
            let to_whom = if task.to_whom.trim().is_empty() {
                "to someone not named".to_string()
            } else {
                format!("to {}", task.to_whom.trim())
            };
            format!("{to_whom}, {mode}")
        }
        None => "not listed".to_string(),
    };
    let rows = comparison
        .tasks
        .iter()
        .map(|task| {
            let (then, now) = (task.before.as_ref(), task.after.as_ref());
            let (mark, change) = match (then, now) {
                (Some(_), None) => (Mark::Dropped, "not listed this time"),
                (None, _) => (Mark::Added, "new this time"),
                (Some(a), Some(b)) if describe(Some(a)) == describe(Some(b)) => {
                    (Mark::Same, "same")
                }
                _ => (Mark::Changed, "changed"),
            };
            let title = if task.title().trim().is_empty() {
                "a task not named".to_string()
            } else {
                task.title().to_string()
            };
            Pair {
                title,
                then: describe(then),
                now: describe(now),
                mark: Some(mark),
                change: change.to_string(),
                note_then: then.map_or(String::new(), |task| task.note.clone()),
                note_now: now.map_or(String::new(), |task| task.note.clone()),
            }
        })
        .collect();
    doc.pairs("Task", rows);
}

fn follow_ups(doc: &mut Document, workbook: &Workbook, comparison: &Comparison, then: &str) {
    doc.heading(2, format!("Commitments made on {then}, and how they went"));
    if comparison.follow_ups.is_empty() {
        return doc.line("No commitments were made then.");
    }
    let rows = comparison
        .follow_ups
        .iter()
        .map(|follow_up| {
            vec![
                words::remedy_title(workbook, &follow_up.commitment.remedy),
                follow_up.commitment.first_step.clone(),
                words::due(follow_up.commitment.due),
                follow_up.outcome.words().to_string(),
                follow_up.note.clone(),
            ]
        })
        .collect();
    doc.table(
        &["Remedy", "First step", "By when", "How it went", "Note"],
        rows,
    );
}
