//! Reports a coach can send: one assessment, or two compared, as Markdown
//! or as plain text. Built from the domain alone (no terminal), so the
//! command line, the TUI or plain mode can all use them.

pub mod cards;
mod compared;
mod copy;
mod document;
mod markdown;
mod plain;
mod preparation;
mod single;
mod team;
pub(crate) mod words;

use crate::assessment::{Assessment, Comparison};
use crate::content::Workbook;

pub use compared::comparison_report;
pub use copy::{Copy, for_copy};
pub use document::{
    BarSide, Block, Detail, Document, Item, KeyHint, Mark, Pair, Score, ScoreChange, Span, Tone,
    bar, better_arrow, better_words, key, strong, text,
};
pub use markdown::escape as escape_markdown;
pub use preparation::{Preparation, READ_AT_MOST, last_session, preparation};
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

    /// Plain text to be heard line by line (plain mode): headings without
    /// the rules under them.
    pub fn spoken(&self) -> String {
        plain::render_spoken(self)
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
