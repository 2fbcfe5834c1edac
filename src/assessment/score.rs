//! Section scores: a summary of the person's own answers, not a measurement
//! of them.
//!
//! The formula, documented in the README: for each rated section, the
//! answered items' ratings are added up and divided by the most they could
//! have been (answered items × the scale's top value), giving 0–100.
//! Skipped items are left out rather than counted as zero, and items the
//! current content no longer has are ignored ("not asked then").

use crate::content::{Section, SectionKind, Workbook};

use super::model::Assessment;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionScore {
    pub kind: SectionKind,
    pub answered: usize,
    pub total: usize,
    /// `None` when nothing in the section was answered.
    pub percent: Option<u8>,
}

impl SectionScore {
    pub fn skipped(&self) -> usize {
        self.total - self.answered
    }
}

pub fn section_score(section: &Section, assessment: &Assessment) -> SectionScore {
    let max = u32::from(section.scale.max());
    let ratings: Vec<u32> = section
        .items
        .iter()
        .filter_map(|item| assessment.rating(section.kind, &item.id))
        .map(|rating| u32::from(rating).min(max))
        .collect();
    let possible = ratings.len() as u32 * max;
    let percent = (possible > 0).then(|| {
        let sum: u32 = ratings.iter().sum();
        // Round half up without floats so the same answers always give the
        // same number on every machine.
        ((sum * 200 + possible) / (possible * 2)) as u8
    });
    SectionScore {
        kind: section.kind,
        answered: ratings.len(),
        total: section.items.len(),
        percent,
    }
}

pub fn section_scores(workbook: &Workbook, assessment: &Assessment) -> Vec<SectionScore> {
    workbook
        .sections
        .iter()
        .map(|section| section_score(section, assessment))
        .collect()
}
