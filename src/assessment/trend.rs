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

/// One answered point of a series: its column and its score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Point {
    pub column: usize,
    pub percent: u8,
}

/// Where a series stands now against its first answer and the one
/// before: what the words under a chart say. Unanswered columns are passed
/// over, so "the one before" is the answer given before the latest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Movement {
    pub latest: Point,
    /// Whether the latest answer is in the newest assessment.
    pub latest_is_newest: bool,
    /// None when the section was answered only once.
    pub first: Option<Point>,
    pub before: Option<Point>,
}

impl Movement {
    /// Percentage points moved since `from`.
    pub fn delta(&self, from: Point) -> i16 {
        i16::from(self.latest.percent) - i16::from(from.percent)
    }
}

impl SectionTrend {
    /// None when the section was never answered.
    pub fn movement(&self) -> Option<Movement> {
        let mut points = self
            .points()
            .map(|(column, percent)| Point { column, percent });
        let first = points.next()?;
        let mut before = None;
        let mut latest = first;
        for point in points {
            before = Some(latest);
            latest = point;
        }
        Some(Movement {
            latest,
            latest_is_newest: latest.column + 1 == self.percents.len(),
            first: before.map(|_| first),
            before,
        })
    }

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
