//! One assessment summed up: what the answers add up to, the remedies they
//! point to and why, and the commitments. One builder for the summary
//! sheet and for the report a coach sends, so the two never say the same
//! thing in different words; they differ only where their readers do.

use crate::assessment::{Assessment, Lean, Notable, Pointer, Summary};
use crate::content::{Scale, SectionKind, Workbook};
use crate::text::quoted;

use super::document::{Document, Item, KeyHint, Score, Span, key, strong, text};
use super::team;
use super::words::{self, COMMITMENT_HEADERS, Voice, commitment_row, item_title};

const NONE_STOOD_OUT: &str = "None stood out.";

/// Whom a summary is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    /// The person at the summary sheet, spoken to ("your answers"): what
    /// stood out rather than every answer, ratings in the words they
    /// chose from, and how to complete the assessment.
    Sheet,
    /// Whoever reads the report a coach sends ("the answers"): the
    /// check-in and every answer, each rating with its number, so two
    /// reports can be read side by side.
    Report,
}

impl Audience {
    fn voice(self) -> Voice {
        match self {
            Audience::Sheet => Voice::Yours,
            Audience::Report => Voice::Theirs,
        }
    }
}

/// The report of one assessment: the summary, with every worksheet as
/// answered.
pub fn assessment_report(workbook: &Workbook, assessment: &Assessment) -> Document {
    summary(workbook, assessment, Audience::Report)
}

/// How many recommended steps the summary sheet shows until all are asked
/// for: a coach needs the two or three that matter.
pub const SHOWN_STEPS: usize = 3;

/// What an assessment adds up to, for `audience`: the same parts in the
/// same words, in the voice of its reader. Only the sheet has the answers
/// that stood out and how to complete; only a report has the check-in and
/// every answer. The sheet shows the first [`SHOWN_STEPS`] steps.
pub fn summary(workbook: &Workbook, assessment: &Assessment, audience: Audience) -> Document {
    build(workbook, assessment, audience, audience == Audience::Report)
}

/// The summary sheet, with every recommended step or the first few.
pub fn summary_sheet(workbook: &Workbook, assessment: &Assessment, all_steps: bool) -> Document {
    build(workbook, assessment, Audience::Sheet, all_steps)
}

fn build(
    workbook: &Workbook,
    assessment: &Assessment,
    audience: Audience,
    all_steps: bool,
) -> Document {
    let summary = Summary::of(workbook, assessment);
    let voice = audience.voice();
    let mut doc = Document::default();
    match audience {
        Audience::Sheet => doc.heading(1, "Summary"),
        Audience::Report => {
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
        }
    }
    doc.aside(words::not_a_diagnosis(voice));
    if audience == Audience::Report {
        check_in(&mut doc, workbook, assessment);
    }
    scores(&mut doc, workbook, &summary);
    placement(&mut doc, workbook, assessment, audience);
    team::beside_placement(&mut doc, workbook, &summary, voice);
    leaning(&mut doc, workbook, &summary, audience);
    match audience {
        Audience::Sheet => stood_out(&mut doc, workbook, assessment, &summary),
        Audience::Report => answers(&mut doc, workbook, assessment),
    }
    team::worth_discussing(&mut doc, workbook, assessment, &summary);
    if audience == Audience::Report {
        team::tables(&mut doc, workbook, assessment);
    }
    recommendations(
        &mut doc, workbook, assessment, &summary, audience, all_steps,
    );
    patterns(&mut doc, workbook, &summary, audience);
    support(
        &mut doc,
        workbook,
        assessment,
        &summary.support_flags,
        audience,
    );
    tasks(&mut doc, workbook, assessment, &summary, audience);
    commitments(&mut doc, workbook, assessment, audience);
    if audience == Audience::Sheet {
        closing(&mut doc, assessment);
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
    let scores = summary
        .scores
        .iter()
        .map(|score| {
            let section = workbook.section(score.kind);
            Score {
                section: section.title.clone(),
                percent: score.percent,
                answered: score.answered,
                total: score.total,
                reading: words::direction(section.better).to_string(),
            }
        })
        .collect();
    doc.scores(scores);
}

/// A rating in words: as the person chose it on the sheet ("Very
/// strongly"), with its number in a report ("Very strongly (4)").
fn answer(scale: &Scale, rating: Option<u8>, audience: Audience) -> String {
    match (audience, rating.and_then(|value| scale.label(value))) {
        (Audience::Sheet, Some(label)) => label.to_string(),
        _ => words::rating(scale, rating),
    }
}

/// "Perfectionism — Very strongly".
fn rated(workbook: &Workbook, found: &Notable, audience: Audience) -> String {
    let section = workbook.section(found.kind);
    format!(
        "{} — {}",
        item_title(section, &found.item),
        answer(&section.scale, Some(found.rating), audience)
    )
}

/// An answer that stood out, with the person's own words on it if any.
fn noted(
    workbook: &Workbook,
    assessment: &Assessment,
    found: &Notable,
    audience: Audience,
) -> Item {
    let item = Item::new(vec![text(rated(workbook, found, audience))]);
    with_note(item, assessment, found, audience.voice())
}

fn with_note(item: Item, assessment: &Assessment, found: &Notable, voice: Voice) -> Item {
    let note = assessment
        .answers(found.kind)
        .get(&found.item)
        .map_or("", |answer| answer.note.trim());
    if note.is_empty() {
        item
    } else {
        item.detail(words::note_label(voice), quoted(note))
    }
}

fn placement(doc: &mut Document, workbook: &Workbook, assessment: &Assessment, audience: Audience) {
    let voice = audience.voice();
    let scale = &workbook.gap.placement_scale;
    doc.heading(
        2,
        match voice {
            Voice::Yours => "Where you placed yourself",
            Voice::Theirs => "Where the gap points",
        },
    );
    // The answer with the person's note under it, as an answer that
    // stood out has.
    let skipped = match voice {
        Voice::Yours => "You skipped this question.",
        Voice::Theirs => "The question was skipped.",
    };
    let answer = match (assessment.placement.rating, voice) {
        (Some(rating), Voice::Yours) => words::on_scale(scale, Some(rating)),
        (Some(rating), Voice::Theirs) => {
            format!("Placement: {}", words::on_scale(scale, Some(rating)))
        }
        (None, _) => skipped.to_string(),
    };
    let note = assessment.placement.note.trim();
    match (assessment.placement.rating, note.is_empty()) {
        (None, true) => doc.muted_line(skipped),
        (_, true) => doc.list(vec![Item::new(vec![text(answer)])]),
        (_, false) => doc.list(vec![
            Item::new(vec![text(answer)]).detail(words::note_label(voice), quoted(note)),
        ]),
    }
    if let (Some(low), Some(high)) = (scale.points.first(), scale.points.last()) {
        doc.muted_line(format!(
            "The scale runs from {} ({}) to {} ({}).",
            low.value, low.label, high.value, high.label
        ));
    }
}

/// Which way the answers lean, then the answers on each side that say so,
/// then how that was worked out, so nobody has to take it on trust.
fn leaning(doc: &mut Document, workbook: &Workbook, summary: &Summary, audience: Audience) {
    let voice = audience.voice();
    let leaning = &summary.leaning;
    doc.heading(
        2,
        match voice {
            Voice::Yours => "Which way your answers lean",
            Voice::Theirs => "Which way the answers lean",
        },
    );
    doc.line(words::leaning(leaning.towards, voice));
    if leaning.holding_on.is_empty() && leaning.letting_go.is_empty() {
        return;
    }
    let items: Vec<Vec<Span>> = words::leaning_sides(leaning)
        .into_iter()
        .map(|(label, pointers)| {
            let named: Vec<String> = pointers
                .iter()
                .map(|pointer| match pointer {
                    Pointer::Placement(value) => format!(
                        "{} — {}",
                        words::placement_pointer(voice),
                        answer(&workbook.gap.placement_scale, Some(*value), audience)
                    ),
                    Pointer::Answer(found) => rated(workbook, found, audience),
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
    doc.muted_line(words::leaning_rule(voice));
}

/// The answers that stood out, for the sheet, which has no room for
/// every answer.
fn stood_out(doc: &mut Document, workbook: &Workbook, assessment: &Assessment, summary: &Summary) {
    let parts = [
        ("Strongest drivers", &summary.strongest_drivers),
        ("Most frequent symptoms", &summary.frequent_symptoms),
        ("What makes it worse right now", &summary.active_aggravators),
    ];
    for (heading, found) in parts {
        doc.heading(2, heading);
        if found.is_empty() {
            doc.muted_line(NONE_STOOD_OUT);
            continue;
        }
        let items: Vec<Item> = found
            .iter()
            .map(|notable| noted(workbook, assessment, notable, Audience::Sheet))
            .collect();
        doc.list(items);
    }
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
                    words::rating(&section.scale, answer.rating),
                    answer.note,
                ]
            })
            .collect();
        doc.heading(3, words::section_heading(section));
        doc.table(&["Item", "Answer", "Note"], rows);
    }
}

fn recommendations(
    doc: &mut Document,
    workbook: &Workbook,
    assessment: &Assessment,
    summary: &Summary,
    audience: Audience,
    all_steps: bool,
) {
    doc.heading(2, "Recommended next steps");
    if summary.recommendations.is_empty() {
        return doc.muted_line(match audience.voice() {
            Voice::Yours => "Nothing in your answers points to a particular remedy yet.",
            Voice::Theirs => "Nothing in the answers points to a particular remedy yet.",
        });
    }
    let remedies = workbook.section(SectionKind::Remedies);
    let shown = if all_steps {
        summary.recommendations.len()
    } else {
        SHOWN_STEPS
    };
    let items: Vec<Item> = summary
        .recommendations
        .iter()
        .take(shown)
        .map(|recommendation| {
            // The real people first: they are what a coach talks about.
            let reasons: Vec<String> = recommendation
                .team
                .iter()
                .map(|evidence| {
                    team::evidence_words(workbook, assessment, evidence, audience.voice())
                })
                .chain(
                    recommendation
                        .reasons
                        .iter()
                        .map(|found| rated(workbook, found, audience)),
                )
                .collect();
            let item = Item::new(vec![text(words::remedy_title(
                workbook,
                &recommendation.remedy,
            ))])
            .detail("Because", reasons.join("; "));
            match recommendation.practice {
                Some(practice) => item.detail(
                    match audience.voice() {
                        Voice::Yours => "Where you are today",
                        Voice::Theirs => "Where they are today",
                    },
                    answer(&remedies.scale, Some(practice), audience),
                ),
                None => item,
            }
        })
        .collect();
    doc.list(items);
    let more = summary.recommendations.len().saturating_sub(shown);
    if more > 0 {
        doc.paragraph(vec![
            text(format!(
                "The {shown} with the most behind them, of {}. ",
                summary.recommendations.len()
            )),
            key(KeyHint::AllSteps),
            text(" shows all of them."),
        ]);
    } else if audience == Audience::Sheet && summary.recommendations.len() > SHOWN_STEPS {
        doc.paragraph(vec![
            text("All of them, the ones with the most behind them first. "),
            key(KeyHint::AllSteps),
            text(" shows the first three again."),
        ]);
    }
}

fn patterns(doc: &mut Document, workbook: &Workbook, summary: &Summary, audience: Audience) {
    doc.heading(2, "Nearby patterns worth reading");
    let symptoms = workbook.section(SectionKind::Symptoms);
    let items: Vec<Item> = summary
        .patterns
        .iter()
        .filter_map(|pointer| {
            let pattern = workbook.pattern(&pointer.pattern)?;
            let because: Vec<String> = pointer
                .because
                .iter()
                .map(|id| item_title(symptoms, id))
                .collect();
            let mut item = Item::new(vec![text(&pattern.title)]);
            if let Some(difference) = &pattern.difference {
                item = item.detail("How it differs", difference);
            }
            let because_label = match audience.voice() {
                Voice::Yours => "Because you noted",
                Voice::Theirs => "Because of",
            };
            Some(item.detail(because_label, because.join(", ")))
        })
        .collect();
    if items.is_empty() {
        return doc.muted_line(NONE_STOOD_OUT);
    }
    doc.list(items);
    if audience == Audience::Sheet {
        doc.muted(vec![
            text("Each has a reference card; "),
            key(KeyHint::Cards),
            text(" opens the cards."),
        ]);
    }
}

fn support(
    doc: &mut Document,
    workbook: &Workbook,
    assessment: &Assessment,
    flags: &[Notable],
    audience: Audience,
) {
    doc.heading(2, "Signs to get support");
    if flags.is_empty() {
        return doc.muted_line(NONE_STOOD_OUT);
    }
    doc.muted_line("Asking for help with these is good judgement, not failure.");
    let section = workbook.section(SectionKind::Support);
    let items: Vec<Item> = flags
        .iter()
        .map(|flag| {
            let mut item = Item::new(vec![text(rated(workbook, flag, audience))]);
            if let Some(who) = section.item(&flag.item).and_then(|item| item.who.as_ref()) {
                item = item.detail("Who can help", who);
            }
            with_note(item, assessment, flag, audience.voice())
        })
        .collect();
    doc.list(items);
}

fn tasks(
    doc: &mut Document,
    workbook: &Workbook,
    assessment: &Assessment,
    summary: &Summary,
    audience: Audience,
) {
    doc.heading(2, "Learning or performance");
    if assessment.tasks.is_empty() {
        return doc.muted_line(match audience {
            Audience::Sheet => "No tasks listed yet.",
            Audience::Report => "No tasks listed.",
        });
    }
    let counts = &summary.balance;
    // As the Learning or performance worksheet counts them.
    let mut line = format!(
        "{} for performance · {} for learning",
        counts.performance, counts.learning
    );
    if counts.undecided > 0 {
        line.push_str(&format!(" · {} not decided", counts.undecided));
    }
    doc.line(line);
    let modes = &workbook.modes;
    match counts.lean {
        // The content's line names the kind ("Always for performance: …").
        Lean::AllPerformance => doc.warning(format!(
            "Every task is one kind. {}",
            modes.only_performance
        )),
        Lean::AllLearning => {
            doc.warning(format!("Every task is one kind. {}", modes.only_learning))
        }
        Lean::Mixed => doc.muted_line("A mix of both."),
        Lean::TooFewToSay => doc.muted_line("Too few tasks with a mode to say how they balance."),
    }
    let rows = assessment
        .tasks
        .iter()
        .map(|task| {
            let title = if task.title.trim().is_empty() {
                "a task not named"
            } else {
                task.title.as_str()
            };
            let mode = task
                .mode
                .and_then(|mode| modes.modes.iter().find(|known| known.id == mode.id()))
                .map_or("not chosen", |mode| mode.title.as_str());
            vec![
                title.to_string(),
                task.to_whom.clone(),
                mode.to_string(),
                task.note.clone(),
            ]
        })
        .collect();
    doc.table(&["Task", "To whom", "Mode", "Note"], rows);
}

fn commitments(
    doc: &mut Document,
    workbook: &Workbook,
    assessment: &Assessment,
    audience: Audience,
) {
    doc.heading(
        2,
        match audience.voice() {
            Voice::Yours => "Your commitments",
            Voice::Theirs => "Commitments",
        },
    );
    if assessment.commitments.is_empty() {
        return doc.muted_line(match audience {
            Audience::Sheet => {
                "None yet. The Commitments sheet is where you choose up to three small steps."
            }
            Audience::Report => "No commitments chosen.",
        });
    }
    let rows = assessment
        .commitments
        .iter()
        .map(|one| commitment_row(workbook, one))
        .collect();
    doc.table(&COMMITMENT_HEADERS, rows);
}

/// How the sheet ends: when the assessment was completed, or how to.
fn closing(doc: &mut Document, assessment: &Assessment) {
    match &assessment.completed {
        Some(date) => doc.line(format!("✓ Completed on {}.", words::day(date))),
        None => doc.paragraph(vec![
            text("Press "),
            key(KeyHint::Complete),
            text(" to complete and save this assessment."),
        ]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Block;

    fn workbook() -> Workbook {
        crate::content::load_builtin().unwrap_or_else(|errors| panic!("{errors}"))
    }

    fn items(document: &Document) -> Vec<&Item> {
        document
            .blocks
            .iter()
            .filter_map(|block| match block {
                Block::List(items) => Some(items),
                _ => None,
            })
            .flatten()
            .collect()
    }

    fn title(item: &Item) -> String {
        item.title
            .iter()
            .map(|span| match span {
                Span::Text(text) | Span::Strong(text) => text.as_str(),
                Span::Key(hint) => hint.words(),
            })
            .collect()
    }

    #[test]
    fn an_unanswered_section_has_no_score() {
        let workbook = workbook();
        let document = summary(&workbook, &Assessment::default(), Audience::Sheet);
        let scores = document
            .blocks
            .iter()
            .find_map(|block| match block {
                Block::Scores(scores) => Some(scores),
                _ => None,
            })
            .expect("scores");
        assert_eq!(scores.len(), workbook.sections.len());
        for (score, section) in scores.iter().zip(&workbook.sections) {
            assert_eq!(score.percent, None, "{}", section.title);
            assert_eq!((score.answered, score.total), (0, section.items.len()));
        }
    }

    #[test]
    fn a_recommendation_gives_its_reasons_in_the_words_of_each_audience() {
        let workbook = workbook();
        let drivers = workbook.section(SectionKind::Drivers);
        let driver = &drivers.items[0];
        let top = drivers.scale.max();
        let mut assessment = Assessment::default();
        assessment.set_rating(SectionKind::Drivers, &driver.id, Some(top));
        let remedy = workbook.remedy(&driver.remedies[0]).expect("linked remedy");
        let label = drivers.scale.label(top).expect("label");
        for (audience, reason) in [
            (Audience::Sheet, format!("{} — {label}", driver.title)),
            (
                Audience::Report,
                format!("{} — {label} ({top})", driver.title),
            ),
        ] {
            let document = summary(&workbook, &assessment, audience);
            let item = items(&document)
                .into_iter()
                .find(|item| title(item) == remedy.title)
                .expect("recommended");
            assert_eq!(item.details[0].label, "Because");
            assert_eq!(item.details[0].value, reason, "{audience:?}");
        }
    }

    #[test]
    fn only_the_sheet_names_keys_and_only_the_report_has_every_answer() {
        let workbook = workbook();
        let assessment = Assessment::default();
        let sheet = summary(&workbook, &assessment, Audience::Sheet);
        let report = summary(&workbook, &assessment, Audience::Report);
        let has_key = |document: &Document| {
            document.blocks.iter().any(|block| {
                matches!(block, Block::Paragraph(_, spans)
                    if spans.iter().any(|span| matches!(span, Span::Key(_))))
            })
        };
        let heading = |document: &Document, wanted: &str| {
            document
                .blocks
                .iter()
                .any(|block| matches!(block, Block::Heading(_, title) if title == wanted))
        };
        assert!(has_key(&sheet) && !has_key(&report));
        assert!(heading(&report, "Answers") && !heading(&sheet, "Answers"));
        assert!(heading(&sheet, "Strongest drivers") && !heading(&report, "Strongest drivers"));
    }
}
