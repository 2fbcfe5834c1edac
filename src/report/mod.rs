//! Reports a coach can send: one assessment, or two compared, as Markdown
//! or as plain text. Built from the domain alone (no terminal), so the
//! command line, the TUI or a future line mode can all use them.

pub mod cards;
mod compared;
mod document;
mod markdown;
mod plain;
mod single;
mod team;
pub(crate) mod words;

use crate::assessment::{Assessment, Comparison};
use crate::content::Workbook;

pub use compared::comparison_report;
pub use document::{Block, Detail, Document, Item, KeyHint, Score, Span, Tone, key, strong, text};
pub use markdown::escape as escape_markdown;
pub use single::{Audience, SHOWN_STEPS, assessment_report, summary, summary_sheet};

impl Document {
    /// Markdown with user text escaped so it cannot break a table or the
    /// layout, and with control characters replaced.
    pub fn markdown(&self) -> String {
        markdown::render(self)
    }

    /// Plain text: no markup, tables as labelled lines, control characters
    /// replaced.
    pub fn plain(&self) -> String {
        plain::render(self)
    }
}

pub fn assessment_markdown(workbook: &Workbook, assessment: &Assessment) -> String {
    assessment_report(workbook, assessment).markdown()
}

pub fn comparison_markdown(workbook: &Workbook, comparison: &Comparison) -> String {
    comparison_report(workbook, comparison).markdown()
}

pub fn assessment_text(workbook: &Workbook, assessment: &Assessment) -> String {
    assessment_report(workbook, assessment).plain()
}

pub fn comparison_text(workbook: &Workbook, comparison: &Comparison) -> String {
    comparison_report(workbook, comparison).plain()
}
