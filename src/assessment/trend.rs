//! Each section's score across a person's completed assessments, oldest
//! first, for a chart. A section left unanswered is a gap in its series,
//! never a zero: zero would read as an answer the person did not give.

use chrono::{DateTime, FixedOffset};

use crate::content::{SectionKind, Workbook};

use super::model::Assessment;
use super::score::section_scores;

/// One assessment on the chart's x axis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrendColumn {
    pub id: String,
    pub created: DateTime<FixedOffset>,
}

/// One section's scores, one per column (`None` where it was unanswered).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionTrend {
    pub kind: SectionKind,
    pub percents: Vec<Option<u8>>,
}

impl SectionTrend {
    /// `(column index, percent)` for the answered columns only: what a line
    /// chart plots, leaving gaps where nothing was answered.
    pub fn points(&self) -> impl Iterator<Item = (usize, u8)> + '_ {
        self.percents
            .iter()
            .enumerate()
            .filter_map(|(index, percent)| Some((index, (*percent)?)))
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Trend {
    pub columns: Vec<TrendColumn>,
    /// In the workbook's section order; every series is `columns.len()` long.
    pub sections: Vec<SectionTrend>,
}

/// One completed assessment's section percents, however they were obtained:
/// scored from a full file, or read from the store's index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scored {
    pub column: TrendColumn,
    pub percents: Vec<(SectionKind, Option<u8>)>,
}

impl Trend {
    /// Scores every completed assessment against the current workbook;
    /// drafts are left out.
    pub fn of(workbook: &Workbook, assessments: &[Assessment]) -> Trend {
        let scored = assessments
            .iter()
            .filter(|assessment| assessment.is_complete())
            .map(|assessment| Scored {
                column: TrendColumn {
                    id: assessment.id.clone(),
                    created: assessment.created,
                },
                percents: section_scores(workbook, assessment)
                    .into_iter()
                    .map(|score| (score.kind, score.percent))
                    .collect(),
            });
        Trend::from_scored(workbook, scored)
    }

    /// Builds the series from already-scored assessments, in date order
    /// whatever order they come in. Sections follow the workbook's order.
    pub fn from_scored(workbook: &Workbook, scored: impl IntoIterator<Item = Scored>) -> Trend {
        let mut scored: Vec<Scored> = scored.into_iter().collect();
        scored.sort_by(|a, b| {
            (a.column.created, &a.column.id).cmp(&(b.column.created, &b.column.id))
        });
        let sections = workbook
            .sections
            .iter()
            .map(|section| SectionTrend {
                kind: section.kind,
                percents: scored
                    .iter()
                    .map(|one| {
                        one.percents
                            .iter()
                            .find(|(kind, _)| *kind == section.kind)
                            .and_then(|(_, percent)| *percent)
                    })
                    .collect(),
            })
            .collect();
        Trend {
            columns: scored.into_iter().map(|one| one.column).collect(),
            sections,
        }
    }

    pub fn section(&self, kind: SectionKind) -> Option<&SectionTrend> {
        self.sections.iter().find(|section| section.kind == kind)
    }
}
