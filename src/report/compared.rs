//! The report of two assessments side by side: scores, placement and
//! every answered item with the change in words, then how the earlier
//! commitments went.

use crate::assessment::{Change, Comparison, SectionComparison};
use crate::content::Workbook;

use super::document::{Document, strong, text};
use super::words::{self, COMMITMENT_HEADERS, Voice, commitment_row, item_title, percent, rating};

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
            strong("Earlier:"),
            text(format!(" {} ({})", earlier.id, words::status(earlier))),
        ],
        vec![
            strong("Later:"),
            text(format!(" {} ({})", later.id, words::status(later))),
        ],
    ]);
    doc.aside(words::not_a_diagnosis(Voice::Theirs));
    scores(&mut doc, workbook, comparison);
    placement(&mut doc, workbook, comparison);
    doc.heading(2, "Item by item");
    doc.line("Only items answered at least once are listed.");
    for section in &comparison.sections {
        items(&mut doc, workbook, section);
    }
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

/// "better (down 13 points; lower means less in your way)": the words first, the
/// number and the reading after.
fn score_change(section: &SectionComparison, workbook: &Workbook) -> String {
    let better = workbook.section(section.kind).better;
    match section.delta() {
        Some(0) | None => section.change.words().to_string(),
        Some(delta) => {
            let (way, by) = if delta < 0 {
                ("down", -delta)
            } else {
                ("up", delta)
            };
            let unit = if by == 1 { "point" } else { "points" };
            format!(
                "{} ({way} {by} {unit}; {})",
                section.change.words(),
                words::direction(better)
            )
        }
    }
}

fn scores(doc: &mut Document, workbook: &Workbook, comparison: &Comparison) {
    doc.heading(2, "Section scores");
    let rows = comparison
        .sections
        .iter()
        .map(|section| {
            vec![
                workbook.section(section.kind).title.clone(),
                percent(section.before.percent),
                percent(section.after.percent),
                score_change(section, workbook),
            ]
        })
        .collect();
    doc.table(&["Section", "Before", "After", "Change"], rows);
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
    doc.table(
        &["", "Before", "After", "Change", "Note before", "Note after"],
        vec![vec![
            "Placement".to_string(),
            rating(scale, placement.before.rating),
            rating(scale, placement.after.rating),
            change.to_string(),
            placement.before.note.clone(),
            placement.after.note.clone(),
        ]],
    );
}

fn items(doc: &mut Document, workbook: &Workbook, compared: &SectionComparison) {
    let section = workbook.section(compared.kind);
    doc.heading(3, words::section_heading(section));
    let rows: Vec<Vec<String>> = compared
        .items
        .iter()
        .filter(|item| item.answered_either())
        .map(|item| {
            vec![
                item_title(section, &item.id),
                rating(&section.scale, item.before.rating),
                rating(&section.scale, item.after.rating),
                item.change.words().to_string(),
                item.before.note.clone(),
                item.after.note.clone(),
            ]
        })
        .collect();
    if rows.is_empty() {
        return doc.line("Nothing answered either time.");
    }
    doc.table(
        &[
            "Item",
            "Before",
            "After",
            "Change",
            "Note before",
            "Note after",
        ],
        rows,
    );
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
