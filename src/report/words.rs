//! Phrases the reports and the summary sheet share, so an answer reads
//! the same in each.

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::assessment::{Assessment, Change, Commitment, Leaning, Pointer, Towards};
use crate::content::{Better, Scale, Section, Workbook};

/// What the scores are, and are not.
pub fn not_a_diagnosis(voice: Voice) -> &'static str {
    match voice {
        Voice::Yours => {
            "These scores only summarise your own answers. They are a reflection aid, not a diagnosis."
        }
        Voice::Theirs => {
            "These scores only summarise the person's own answers. They are a reflection aid, not a diagnosis."
        }
    }
}

/// "23 November 2026", in the offset the assessment was taken in.
pub fn day(date: &DateTime<FixedOffset>) -> String {
    date.format("%-d %B %Y").to_string()
}

/// "2026-12-15 (Tuesday)": the weekday helps plan, and check, a date.
pub fn due(date: Option<NaiveDate>) -> String {
    date.map_or_else(
        || NOT_SET.to_string(),
        |date| date.format("%Y-%m-%d (%A)").to_string(),
    )
}

/// A commitment's part left empty: said, so it does not read as missing.
pub const NOT_SET: &str = "not set";

pub fn or_not_set(text: &str) -> String {
    if text.trim().is_empty() {
        NOT_SET.to_string()
    } else {
        text.to_string()
    }
}

/// The date that names an assessment: when it was completed, else started.
pub fn taken(assessment: &Assessment) -> String {
    day(assessment.completed.as_ref().unwrap_or(&assessment.created))
}

/// "23 November 2026 at 10:15": when an assessment was taken, to the
/// minute, for telling apart two taken on the same day.
pub fn taken_at(assessment: &Assessment) -> String {
    let date = assessment.completed.as_ref().unwrap_or(&assessment.created);
    format!("{} at {}", day(date), date.format("%H:%M"))
}

/// "completed 23 November 2026 at 10:15 (+01:00)" or a draft's start.
pub fn status(assessment: &Assessment) -> String {
    let at =
        |date: &DateTime<FixedOffset>| format!("{} at {}", day(date), date.format("%H:%M (%:z)"));
    match &assessment.completed {
        Some(date) => format!("completed {}", at(date)),
        None => format!(
            "a draft, not completed; started {}",
            at(&assessment.created)
        ),
    }
}

/// An item's title, or its id marked as gone when the content no longer
/// has it.
pub fn item_title(section: &Section, id: &str) -> String {
    section.item(id).map_or_else(
        || format!("{id} (no longer in the workbook)"),
        |item| item.title.clone(),
    )
}

pub fn remedy_title(workbook: &Workbook, id: &str) -> String {
    match workbook.remedy(id) {
        Some(item) => item.title.clone(),
        None if id.trim().is_empty() => "a remedy not chosen".to_string(),
        None => format!("{id} (no longer in the workbook)"),
    }
}

/// A rated section's heading, with the scale its items were rated on:
/// "What drives it (How strongly)". A title that already says it
/// ("How ready are they", on the "How ready" scale) is left alone.
pub fn section_heading(section: &Section) -> String {
    let title = section.title.trim();
    let scale = section.scale.title.trim();
    if title.to_lowercase().starts_with(&scale.to_lowercase()) {
        title.to_string()
    } else {
        format!("{title} ({scale})")
    }
}

/// "Strongly (3 on a scale of 0 to 4)" or "skipped". Scales start at 0,
/// so "3 of 4" would read as one point short of the top.
pub fn on_scale(scale: &Scale, answer: Option<u8>) -> String {
    match answer.and_then(|value| scale.label(value).map(|label| (value, label))) {
        Some((value, label)) => {
            format!("{label} ({value} on a scale of 0 to {})", scale.max())
        }
        None => rating(scale, answer),
    }
}

/// "Very strongly (4)"; "skipped" when there is no rating.
pub fn rating(scale: &Scale, rating: Option<u8>) -> String {
    match rating {
        Some(value) => match scale.label(value) {
            Some(label) => format!("{label} ({value})"),
            None => format!("{value} (off the scale)"),
        },
        None => "skipped".to_string(),
    }
}

pub fn percent(percent: Option<u8>) -> String {
    percent.map_or_else(|| "no answers".to_string(), |value| format!("{value}%"))
}

/// "better, up 25 points": the change in words, then how far.
pub fn moved(change: Change, delta: Option<i16>) -> String {
    let words = change.words();
    match delta {
        Some(0) | None => words.to_string(),
        Some(delta) => format!("{words}, {}", points_moved(delta)),
    }
}

/// "up 25 points", "down 1 point", "no change".
pub fn points_moved(delta: i16) -> String {
    let by = delta.unsigned_abs();
    let unit = if by == 1 { "point" } else { "points" };
    match delta.signum() {
        0 => "no change".to_string(),
        1 => format!("up {by} {unit}"),
        _ => format!("down {by} {unit}"),
    }
}

/// Which way a section's score is good news, in a few plain words.
pub fn direction(better: Better) -> &'static str {
    match better {
        Better::Lower => "lower means less in your way",
        Better::Higher => "higher means more in place",
    }
}

pub fn commitment_row(workbook: &Workbook, commitment: &Commitment) -> Vec<String> {
    vec![
        remedy_title(workbook, &commitment.remedy),
        or_not_set(&commitment.first_step),
        or_not_set(&commitment.with_whom),
        due(commitment.due),
        or_not_set(&commitment.checkpoint),
    ]
}

pub const COMMITMENT_HEADERS: [&str; 5] =
    ["Remedy", "First step", "With whom", "By when", "Checkpoint"];

/// Whom a sentence about the answers speaks to: the person at the summary
/// sheet, or whoever reads the report a coach sends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Voice {
    Yours,
    Theirs,
}

/// Which way the answers lean, said as a reflection, not a finding.
pub fn leaning(towards: Towards, voice: Voice) -> &'static str {
    match (towards, voice) {
        (Towards::HoldingOn, Voice::Yours) => "Your answers lean towards holding on too tightly.",
        (Towards::HoldingOn, Voice::Theirs) => "The answers lean towards holding on too tightly.",
        (Towards::LettingGo, Voice::Yours) => {
            "Your answers lean towards handing work off without enough support."
        }
        (Towards::LettingGo, Voice::Theirs) => {
            "The answers lean towards handing work off without enough support."
        }
        (Towards::BothWays, Voice::Yours) => {
            "Your answers point both ways, with no clear lean. That is common: many leaders hold on to some work and let other work go too soon."
        }
        (Towards::BothWays, Voice::Theirs) => {
            "The answers point both ways, with no clear lean. That is common: many leaders hold on to some work and let other work go too soon."
        }
        (Towards::TooFewToSay, Voice::Yours) => {
            "Too few of your answers point one way or the other to say which way they lean."
        }
        (Towards::TooFewToSay, Voice::Theirs) => {
            "Too few of the answers point one way or the other to say which way they lean."
        }
    }
}

/// How the lean is worked out, in one breath, so it can be checked.
pub fn leaning_rule(voice: Voice) -> &'static str {
    match voice {
        Voice::Yours => {
            "How this is worked out: where you placed yourself, if not in the middle, and each driver, symptom or aggravator you rated high that mostly points one way count once each. Your answers lean one way when at least two point that way and no more than half as many point the other."
        }
        Voice::Theirs => {
            "How this is worked out: the placement, if not in the middle, and each driver, symptom or aggravator rated high that mostly points one way count once each. The answers lean one way when at least two point that way and no more than half as many point the other."
        }
    }
}

/// Each side's answers under its name, the side the answers lean to first.
pub fn leaning_sides(leaning: &Leaning) -> [(&'static str, &[Pointer]); 2] {
    let holding_on = ("Towards holding on", leaning.holding_on.as_slice());
    let letting_go = (
        "Towards handing off without support",
        leaning.letting_go.as_slice(),
    );
    match leaning.towards {
        Towards::LettingGo => [letting_go, holding_on],
        _ => [holding_on, letting_go],
    }
}

/// The label of a person's own note on an answer.
pub fn note_label(voice: Voice) -> &'static str {
    match voice {
        Voice::Yours => "Your note",
        Voice::Theirs => "Note",
    }
}

/// The placement, named as one of the answers behind the lean.
pub fn placement_pointer(voice: Voice) -> &'static str {
    match voice {
        Voice::Yours => "where you placed yourself",
        Voice::Theirs => "placement",
    }
}
