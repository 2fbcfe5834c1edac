//! Which copy of a report leaves the program. A client copy holds the
//! client's own answers and notes and nothing else; a coach copy adds the
//! coach's private notes on the person. There is no default in between:
//! every way out names the copy it writes.

use crate::store::CoachNote;

use super::document::{Document, Item, text};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Copy {
    /// Safe to send to the client: never a coach note.
    Client,
    /// For the coach's own files: the report and every coach note.
    Coach,
}

impl Copy {
    pub fn words(self) -> &'static str {
        match self {
            Copy::Client => "client copy",
            Copy::Coach => "coach copy",
        }
    }
}

/// The report as `copy` wants it: unchanged for a client, with the coach's
/// notes (newest first) after it for the coach.
pub fn for_copy(mut report: Document, copy: Copy, notes: &[CoachNote]) -> Document {
    if copy == Copy::Client {
        return report;
    }
    report.heading(2, "Coach notes (private: not for the client)");
    if notes.is_empty() {
        report.muted_line("No coach notes on file.");
        return report;
    }
    report.list(
        notes
            .iter()
            .map(|note| {
                Item::new(vec![text(
                    note.written.format("%Y-%m-%d %H:%M").to_string(),
                )])
                .detail("Note", note.text.clone())
            })
            .collect::<Vec<_>>(),
    );
    report
}
