//! The report of one assessment: every worksheet as answered, then what
//! the summary makes of it.

use crate::assessment::{Assessment, Lean, Notable, Pointer, Summary};
use crate::content::{SectionKind, Workbook};

use super::document::{Document, Span, strong, text};
use super::words::{
    self, COMMITMENT_HEADERS, NOT_A_DIAGNOSIS, Voice, commitment_row, item_title, percent, rating,
};

const NONE_STOOD_OUT: &str = "None stood out.";

pub fn assessment_report(workbook: &Workbook, assessment: &Assessment) -> Document {
    let summary = Summary::of(workbook, assessment);
    let mut doc = Document::default();
    doc.heading(
        1,
        format!(
            "Delegation workbook: {}, {}",
            assessment.person,
            words::taken(assessment)
        ),
    );
    doc.paragraph(vec![
        text("Assessment "),
        strong(&assessment.id),
        text(format!(
            ", {}. Content version {}.",
            words::status(assessment),
            assessment.content_version
        )),
    ]);
    doc.aside(NOT_A_DIAGNOSIS);
    check_in(&mut doc, workbook, assessment);
    scores(&mut doc, workbook, &summary);
    placement(&mut doc, workbook, assessment);
    leaning(&mut doc, workbook, &summary);
    answers(&mut doc, workbook, assessment);
    recommendations(&mut doc, workbook, &summary);
    patterns(&mut doc, workbook, &summary);
    support(&mut doc, workbook, assessment, &summary.support_flags);
    tasks(&mut doc, workbook, assessment, &summary);
    doc.heading(2, "Commitments");
    if assessment.commitments.is_empty() {
        doc.line("No commitments chosen.");
    } else {
        let rows = assessment
            .commitments
            .iter()
            .map(|one| commitment_row(workbook, one))
            .collect();
        doc.table(&COMMITMENT_HEADERS, rows);
    }
    doc
}

fn check_in(doc: &mut Document, workbook: &Workbook, assessment: &Assessment) {
    let check_in = &assessment.check_in;
    doc.heading(2, "Check-in");
    doc.list(vec![
        vec![strong("Role:"), text(format!(" {}", check_in.role))],
        vec![
            strong("Situation:"),
            text(format!(" {}", check_in.situation)),
        ],
    ]);
    if check_in.follow_ups.is_empty() {
        return;
    }
    doc.heading(3, "Last time's commitments");
    let rows = check_in
        .follow_ups
        .iter()
        .map(|follow_up| {
            vec![
                words::remedy_title(workbook, &follow_up.commitment.remedy),
                follow_up.commitment.first_step.clone(),
                follow_up
                    .status
                    .map_or("not marked", |status| status.label())
                    .to_string(),
                follow_up.note.clone(),
            ]
        })
        .collect();
    doc.table(&["Remedy", "First step", "How it went", "Note"], rows);
}

fn scores(doc: &mut Document, workbook: &Workbook, summary: &Summary) {
    doc.heading(2, "Section scores");
    let rows = summary
        .scores
        .iter()
        .map(|score| {
            let section = workbook.section(score.kind);
            vec![
                section.title.clone(),
                percent(score.percent),
                format!("{} of {}", score.answered, score.total),
                words::direction(section.better).to_string(),
            ]
        })
        .collect();
    doc.table(&["Section", "Score", "Answered", "Reading it"], rows);
}

fn placement(doc: &mut Document, workbook: &Workbook, assessment: &Assessment) {
    let scale = &workbook.gap.placement_scale;
    doc.heading(2, "Where the gap points");
    doc.paragraph(vec![
        strong("Placement:"),
        text(format!(" {}", rating(scale, assessment.placement.rating))),
    ]);
    if !assessment.placement.note.trim().is_empty() {
        doc.paragraph(vec![
            strong("Note:"),
            text(format!(" {}", assessment.placement.note.trim())),
        ]);
    }
    if let (Some(low), Some(high)) = (scale.points.first(), scale.points.last()) {
        doc.line(format!(
            "The scale runs from {} ({}) to {} ({}).",
            low.value, low.label, high.value, high.label
        ));
    }
}

/// Which way the answers lean, the answers on each side, and the rule, in
/// the same words as the summary sheet.
fn leaning(doc: &mut Document, workbook: &Workbook, summary: &Summary) {
    let leaning = &summary.leaning;
    doc.heading(2, "Which way the answers lean");
    doc.line(words::leaning(leaning.towards, Voice::Theirs));
    if leaning.holding_on.is_empty() && leaning.letting_go.is_empty() {
        return;
    }
    let items = words::leaning_sides(leaning)
        .into_iter()
        .map(|(label, pointers)| {
            let named: Vec<String> = pointers
                .iter()
                .map(|pointer| match pointer {
                    Pointer::Placement(value) => format!(
                        "{} — {}",
                        words::placement_pointer(Voice::Theirs),
                        rating(&workbook.gap.placement_scale, Some(*value))
                    ),
                    Pointer::Answer(found) => rated(workbook, found),
                })
                .collect();
            let named = if named.is_empty() {
                "none".to_string()
            } else {
                named.join("; ")
            };
            vec![strong(format!("{label}:")), text(format!(" {named}"))]
        })
        .collect();
    doc.list(items);
    doc.line(words::leaning_rule(Voice::Theirs));
}

/// Every item of every rated worksheet, skipped ones included, then any
/// answers to items the content no longer has.
fn answers(doc: &mut Document, workbook: &Workbook, assessment: &Assessment) {
    doc.heading(2, "Answers");
    for section in &workbook.sections {
        let given = assessment.answers(section.kind);
        let retired = given.keys().filter(|id| section.item(id).is_none());
        let ids = section.items.iter().map(|item| &item.id).chain(retired);
        let rows = ids
            .map(|id| {
                let answer = given.get(id).cloned().unwrap_or_default();
                vec![
                    item_title(section, id),
                    rating(&section.scale, answer.rating),
                    answer.note,
                ]
            })
            .collect();
        doc.heading(3, words::section_heading(section));
        doc.table(&["Item", "Answer", "Note"], rows);
    }
}

/// "Perfectionism — Very strongly (4)".
fn rated(workbook: &Workbook, found: &Notable) -> String {
    let section = workbook.section(found.kind);
    format!(
        "{} — {}",
        item_title(section, &found.item),
        rating(&section.scale, Some(found.rating))
    )
}

fn recommendations(doc: &mut Document, workbook: &Workbook, summary: &Summary) {
    doc.heading(2, "Recommended next steps");
    if summary.recommendations.is_empty() {
        return doc.line("Nothing in the answers points to a particular remedy yet.");
    }
    let remedies = workbook.section(SectionKind::Remedies);
    let items = summary
        .recommendations
        .iter()
        .map(|recommendation| {
            let reasons: Vec<String> = recommendation
                .reasons
                .iter()
                .map(|found| rated(workbook, found))
                .collect();
            let mut line = vec![
                strong(words::remedy_title(workbook, &recommendation.remedy)),
                text(format!(" — because: {}.", reasons.join("; "))),
            ];
            if let Some(practice) = recommendation.practice {
                line.push(text(format!(
                    " Today: {}.",
                    rating(&remedies.scale, Some(practice))
                )));
            }
            line
        })
        .collect();
    doc.list(items);
}

fn patterns(doc: &mut Document, workbook: &Workbook, summary: &Summary) {
    doc.heading(2, "Nearby patterns worth reading");
    let symptoms = workbook.section(SectionKind::Symptoms);
    let items: Vec<Vec<Span>> = summary
        .patterns
        .iter()
        .filter_map(|pointer| {
            let pattern = workbook.pattern(&pointer.pattern)?;
            let because: Vec<String> = pointer
                .because
                .iter()
                .map(|id| item_title(symptoms, id))
                .collect();
            let mut line = vec![strong(&pattern.title)];
            if let Some(difference) = &pattern.difference {
                line.push(text(format!(" — how it differs: {difference}")));
            }
            line.push(text(format!(" (because of: {})", because.join(", "))));
            Some(line)
        })
        .collect();
    if items.is_empty() {
        doc.line(NONE_STOOD_OUT);
    } else {
        doc.list(items);
    }
}

fn support(doc: &mut Document, workbook: &Workbook, assessment: &Assessment, flags: &[Notable]) {
    doc.heading(2, "Signs to get support");
    if flags.is_empty() {
        return doc.line(NONE_STOOD_OUT);
    }
    doc.line("Asking for help with these is good judgement, not failure.");
    let section = workbook.section(SectionKind::Support);
    let items = flags
        .iter()
        .map(|flag| {
            let mut line = vec![
                strong(item_title(section, &flag.item)),
                text(format!(" — {}", rating(&section.scale, Some(flag.rating)))),
            ];
            if let Some(who) = section.item(&flag.item).and_then(|item| item.who.as_ref()) {
                line.push(text(format!(". Who can help: {who}")));
            }
            let note = assessment
                .answers(flag.kind)
                .get(&flag.item)
                .map_or("", |answer| answer.note.trim());
            if !note.is_empty() {
                line.push(text(format!(". Note: {note}")));
            }
            line
        })
        .collect();
    doc.list(items);
}

fn tasks(doc: &mut Document, workbook: &Workbook, assessment: &Assessment, summary: &Summary) {
    doc.heading(2, "Learning or performance");
    if assessment.tasks.is_empty() {
        return doc.line("No tasks listed.");
    }
    let counts = &summary.balance;
    let mut line = format!(
        "{} for performance, {} for learning",
        counts.performance, counts.learning
    );
    if counts.undecided > 0 {
        line.push_str(&format!(", {} not decided", counts.undecided));
    }
    let modes = &workbook.modes;
    let lean = match counts.lean {
        // The content's line names the kind ("Always for performance: …").
        Lean::AllPerformance => format!("Every task is one kind. {}", modes.only_performance),
        Lean::AllLearning => format!("Every task is one kind. {}", modes.only_learning),
        Lean::Mixed => "A mix of both.".to_string(),
        Lean::TooFewToSay => "Too few tasks with a mode to say how they balance.".to_string(),
    };
    doc.line(format!("{line}. {lean}"));
    let rows = assessment
        .tasks
        .iter()
        .map(|task| {
            let mode = task
                .mode
                .and_then(|mode| modes.modes.iter().find(|known| known.id == mode.id()))
                .map_or("not chosen", |mode| mode.title.as_str());
            vec![
                task.title.clone(),
                task.to_whom.clone(),
                mode.to_string(),
                task.note.clone(),
            ]
        })
        .collect();
    doc.table(&["Task", "To whom", "Mode", "Note"], rows);
}
