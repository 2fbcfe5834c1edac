//! Preparing the next session with a person: when the last one was and
//! when the next is, the commitments falling due, how earlier commitments
//! went over time, what moved most between the last two assessments (the
//! sections, and who moved on the team map), and
//! the coach's last note. One page for the person's page on screen and for
//! `handoff prepare`; the client view builds it without the note.

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::assessment::{Assessment, Change, FollowUpStatus, compare};
use crate::content::Workbook;
use crate::store::CoachNote;

use super::document::{Document, Item, strong, text};
use super::words::{day, remedy_title};

/// What the page is made from. `completed` is the person's newest completed
/// assessments, oldest first; a few are enough to show a pattern.
pub struct Preparation<'a> {
    pub today: NaiveDate,
    pub next_session: Option<NaiveDate>,
    pub completed: &'a [Assessment],
    /// The coach's newest note; `None` where notes must not show.
    pub last_note: Option<&'a CoachNote>,
}

/// How many of the newest completed assessments the page reads.
pub const READ_AT_MOST: usize = 6;

/// How many section changes "what moved most" lists.
const BIGGEST: usize = 3;

pub fn preparation(workbook: &Workbook, prep: &Preparation<'_>) -> Document {
    let mut doc = Document::default();
    doc.heading(2, "Preparing the next session");
    sessions(&mut doc, prep);
    let newest = prep.completed.last();
    due(&mut doc, workbook, prep.today, newest);
    follow_ups(&mut doc, prep.completed);
    biggest_changes(&mut doc, workbook, prep.completed);
    if let Some(note) = prep.last_note {
        doc.heading(3, format!("Your last note, {}", day(&note.written)));
        doc.line(note.text.clone());
    }
    doc
}

/// When the last session was: the newest of a completed assessment and a
/// coach note, each a trace of a session held.
pub fn last_session(
    completed: &[Assessment],
    last_note: Option<&CoachNote>,
) -> Option<DateTime<FixedOffset>> {
    let assessed = completed.iter().filter_map(|a| a.completed).max();
    let noted = last_note.map(|note| note.written);
    assessed.max(noted)
}

fn sessions(doc: &mut Document, prep: &Preparation<'_>) {
    let last = last_session(prep.completed, prep.last_note)
        .map_or_else(|| "none yet".to_string(), |last| day(&last));
    let next = match prep.next_session {
        None => "not set".to_string(),
        Some(date) => format!(
            "{} ({})",
            date.format("%-d %B %Y"),
            from_today(prep.today, date)
        ),
    };
    doc.details([("Last session", last), ("Next session", next)]);
}

/// "today", "in 3 days", "2 days ago".
fn from_today(today: NaiveDate, date: NaiveDate) -> String {
    match (date - today).num_days() {
        0 => "today".into(),
        1 => "tomorrow".into(),
        -1 => "yesterday".into(),
        days if days > 0 => format!("in {days} days"),
        days => format!("{} days ago", -days),
    }
}

fn due(doc: &mut Document, workbook: &Workbook, today: NaiveDate, newest: Option<&Assessment>) {
    doc.heading(3, "Commitments from last time");
    let Some(newest) = newest.filter(|newest| !newest.commitments.is_empty()) else {
        doc.muted_line("None were made.");
        return;
    };
    let mut commitments: Vec<_> = newest.commitments.iter().collect();
    commitments.sort_by_key(|commitment| commitment.due);
    let items: Vec<Item> = commitments
        .into_iter()
        .map(|commitment| {
            let when = match commitment.due {
                None => "no date set".to_string(),
                Some(date) if date < today => {
                    format!("overdue since {}", date.format("%-d %B"))
                }
                Some(date) => format!(
                    "due {} ({})",
                    date.format("%-d %B"),
                    from_today(today, date)
                ),
            };
            let step = if commitment.first_step.trim().is_empty() {
                String::new()
            } else {
                format!(": {}", commitment.first_step)
            };
            Item::new(vec![
                strong(remedy_title(workbook, &commitment.remedy)),
                text(format!("{step} — {when}")),
            ])
        })
        .collect();
    doc.list(items);
}

fn follow_ups(doc: &mut Document, completed: &[Assessment]) {
    let rows: Vec<Vec<String>> = completed
        .iter()
        .filter(|assessment| !assessment.check_in.follow_ups.is_empty())
        .map(|assessment| {
            let count = |status| {
                assessment
                    .check_in
                    .follow_ups
                    .iter()
                    .filter(|follow_up| follow_up.status == Some(status))
                    .count()
                    .to_string()
            };
            vec![
                day(assessment.completed.as_ref().unwrap_or(&assessment.created)),
                count(FollowUpStatus::Kept),
                count(FollowUpStatus::Partly),
                count(FollowUpStatus::NotYet),
                assessment
                    .check_in
                    .follow_ups
                    .iter()
                    .filter(|follow_up| follow_up.status.is_none())
                    .count()
                    .to_string(),
            ]
        })
        .collect();
    doc.heading(3, "How earlier commitments went");
    if rows.is_empty() {
        doc.muted_line("No check-in has looked back at commitments yet.");
    } else {
        doc.table(&["Check-in", "Kept", "Partly", "Not yet", "Not said"], rows);
    }
}

fn biggest_changes(doc: &mut Document, workbook: &Workbook, completed: &[Assessment]) {
    doc.heading(3, "What moved most since the assessment before");
    let [.., earlier, later] = completed else {
        doc.muted_line("There is only one assessment so far, so nothing to compare.");
        return;
    };
    let comparison = compare(workbook, earlier, later);
    let mut moved: Vec<_> = comparison
        .sections
        .iter()
        .filter_map(|section| Some((section, section.delta()?)))
        .filter(|(section, delta)| *delta != 0 && section.change != Change::Same)
        .collect();
    moved.sort_by_key(|(_, delta)| std::cmp::Reverse(delta.abs()));
    if moved.is_empty() {
        doc.muted_line("No section score moved.");
    }
    let items: Vec<Item> = moved
        .into_iter()
        .take(BIGGEST)
        .map(|(section, delta)| {
            let title = &workbook.section(section.kind).title;
            Item::new(vec![
                strong(title.clone()),
                text(format!(
                    ": {}% → {}% ({:+} points, {})",
                    section.before.percent.unwrap_or_default(),
                    section.after.percent.unwrap_or_default(),
                    delta,
                    section.change.words()
                )),
            ])
        })
        .collect();
    if !items.is_empty() {
        doc.list(items);
    }
    let team = super::team::moves(workbook, earlier, later);
    if !team.is_empty() {
        doc.line("On the team map:");
        doc.list(team);
    }
}
