//! The worksheets of an assessment, in order, and how far along each is.
//! The order is the workbook's: every front end walks it the same way.

use crate::assessment::{Assessment, Rated};
use crate::content::{SectionKind, Workbook};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Sheet {
    CheckIn,
    Gap,
    Team,
    Drivers,
    Symptoms,
    Aggravators,
    Remedies,
    Modes,
    Commitments,
    Support,
    Summary,
}

impl Sheet {
    pub const ALL: [Sheet; 11] = [
        Sheet::CheckIn,
        Sheet::Gap,
        Sheet::Team,
        Sheet::Drivers,
        Sheet::Symptoms,
        Sheet::Aggravators,
        Sheet::Remedies,
        Sheet::Modes,
        Sheet::Commitments,
        Sheet::Support,
        Sheet::Summary,
    ];

    pub fn index(self) -> usize {
        Sheet::ALL
            .iter()
            .position(|sheet| *sheet == self)
            .unwrap_or(0)
    }

    pub fn next(self) -> Sheet {
        Sheet::ALL[(self.index() + 1).min(Sheet::ALL.len() - 1)]
    }

    pub fn previous(self) -> Sheet {
        Sheet::ALL[self.index().saturating_sub(1)]
    }

    /// The rated section a sheet asks about, if it is a rated sheet.
    pub fn section(self) -> Option<SectionKind> {
        match self {
            Sheet::Drivers => Some(SectionKind::Drivers),
            Sheet::Symptoms => Some(SectionKind::Symptoms),
            Sheet::Aggravators => Some(SectionKind::Aggravators),
            Sheet::Remedies => Some(SectionKind::Remedies),
            Sheet::Support => Some(SectionKind::Support),
            _ => None,
        }
    }

    pub fn is_rated(self) -> bool {
        self == Sheet::Gap || self.section().is_some()
    }

    pub fn title(self, workbook: &Workbook) -> String {
        match self {
            Sheet::CheckIn => "Check-in".to_string(),
            Sheet::Gap => "Where the gap points".to_string(),
            Sheet::Team => workbook.team.title.clone(),
            Sheet::Modes => "Learning or performance".to_string(),
            Sheet::Commitments => "Commitments".to_string(),
            Sheet::Summary => "Summary".to_string(),
            rated => rated
                .section()
                .map(|kind| workbook.section(kind).title.clone())
                .unwrap_or_default(),
        }
    }

    /// The things rated on this sheet, in order.
    pub fn rated(self, workbook: &Workbook) -> Vec<Rated> {
        match self {
            Sheet::Gap => std::iter::once(Rated::Placement)
                .chain(
                    workbook
                        .section(SectionKind::Readiness)
                        .items
                        .iter()
                        .map(|item| Rated::Item(SectionKind::Readiness, item.id.clone())),
                )
                .collect(),
            sheet => sheet
                .section()
                .map(|kind| {
                    workbook
                        .section(kind)
                        .items
                        .iter()
                        .map(|item| Rated::Item(kind, item.id.clone()))
                        .collect()
                })
                .unwrap_or_default(),
        }
    }

    /// (answered, total) for sheets where that means something.
    pub fn progress(self, workbook: &Workbook, assessment: &Assessment) -> Option<(usize, usize)> {
        match self {
            Sheet::CheckIn => {
                let filled = [
                    !assessment.check_in.role.trim().is_empty(),
                    !assessment.check_in.situation.trim().is_empty(),
                ];
                let follow_ups = assessment
                    .check_in
                    .follow_ups
                    .iter()
                    .filter(|f| f.status.is_some())
                    .count();
                Some((
                    filled.iter().filter(|done| **done).count() + follow_ups,
                    2 + assessment.check_in.follow_ups.len(),
                ))
            }
            Sheet::Modes => {
                let decided = assessment
                    .tasks
                    .iter()
                    .filter(|task| task.mode.is_some())
                    .count();
                (!assessment.tasks.is_empty()).then_some((decided, assessment.tasks.len()))
            }
            Sheet::Commitments => Some((
                assessment.commitments.len(),
                crate::assessment::MAX_COMMITMENTS,
            )),
            // Placed on the map, of the people on the team now.
            Sheet::Team => {
                let team = &assessment.team;
                let current = team.current().count();
                let placed = team
                    .current()
                    .filter(|member| crate::assessment::place(workbook, member).is_some())
                    .count();
                (current > 0).then_some((placed, current))
            }
            Sheet::Summary => None,
            rated => {
                let items = rated.rated(workbook);
                let answered = items
                    .iter()
                    .filter(|item| item.rating(assessment).is_some())
                    .count();
                Some((answered, items.len()))
            }
        }
    }
}
