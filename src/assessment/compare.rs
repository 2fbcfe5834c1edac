//! Two assessments of one person side by side: what moved, in which
//! direction, and how last time's commitments went.
//!
//! Items match by id only, so rewording content never breaks a comparison.
//! Only the current workbook is known, so an answer's absence is explained
//! as well as that allows: an id the workbook no longer has was "no longer
//! asked"; an id it has but one side did not rate was skipped then (or added
//! to the content since; the files cannot tell those two apart).

use crate::content::{Better, Scale, Section, SectionKind, Workbook};

use super::model::{Answer, Assessment, Commitment, FollowUpStatus, Task};
use super::score::{SectionScore, section_score};

/// Which way a rating or score moved, judged by the section's `better`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Better,
    Worse,
    Same,
    /// One side (or both) has no rating, so there is nothing to weigh.
    NotAskedThen(Absence),
}

/// Why a rating is missing from a comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Absence {
    /// The earlier assessment has no rating: skipped, or not in the content
    /// at the time.
    SkippedEarlier,
    /// The later assessment has no rating.
    SkippedLater,
    /// Neither rated it (a note alone, or nothing at all).
    SkippedBoth,
    /// The current workbook no longer has this item.
    NoLongerAsked,
}

impl Change {
    /// The change in words, so nothing depends on colour or symbols alone.
    pub fn words(self) -> &'static str {
        match self {
            Change::Better => "better",
            Change::Worse => "worse",
            Change::Same => "same",
            Change::NotAskedThen(Absence::SkippedEarlier) => "not answered then",
            Change::NotAskedThen(Absence::SkippedLater) => "not answered this time",
            Change::NotAskedThen(Absence::SkippedBoth) => "not answered either time",
            Change::NotAskedThen(Absence::NoLongerAsked) => "no longer asked",
        }
    }

    /// A one-character mark to go with the words: ▲ better, ▼ worse.
    pub fn symbol(self) -> &'static str {
        match self {
            Change::Better => "▲",
            Change::Worse => "▼",
            Change::Same => "=",
            Change::NotAskedThen(_) => "·",
        }
    }
}

/// One item's answers on both sides.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemComparison {
    pub id: String,
    /// False when the current workbook no longer has this id.
    pub in_content: bool,
    /// Empty (no rating, no note) when that side has no answer.
    pub before: Answer,
    pub after: Answer,
    pub change: Change,
}

impl ItemComparison {
    /// Whether either side said anything; rows answered on neither side are
    /// usually left out of a report.
    pub fn answered_either(&self) -> bool {
        !self.before.is_empty() || !self.after.is_empty()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionComparison {
    pub kind: SectionKind,
    pub before: SectionScore,
    pub after: SectionScore,
    pub change: Change,
    /// Current content order first, then ids the content no longer has.
    pub items: Vec<ItemComparison>,
}

impl SectionComparison {
    /// Percentage points moved, when both sides have a score.
    pub fn delta(&self) -> Option<i16> {
        Some(i16::from(self.after.percent?) - i16::from(self.before.percent?))
    }
}

/// How a commitment made in the earlier assessment was reported in the
/// later one's check-in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FollowUpOutcome {
    Reported(FollowUpStatus),
    /// Listed in the check-in, but left unmarked.
    Unmarked,
    /// The later check-in did not ask about it (it followed up another
    /// assessment, or none).
    NotAsked,
}

impl FollowUpOutcome {
    pub fn words(self) -> &'static str {
        match self {
            FollowUpOutcome::Reported(status) => status.label(),
            FollowUpOutcome::Unmarked => "not marked",
            FollowUpOutcome::NotAsked => "not asked",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommitmentFollowUp {
    pub commitment: Commitment,
    pub outcome: FollowUpOutcome,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    pub earlier: Assessment,
    pub later: Assessment,
    pub placement: PlacementComparison,
    pub sections: Vec<SectionComparison>,
    pub tasks: Vec<TaskComparison>,
    pub follow_ups: Vec<CommitmentFollowUp>,
}

/// A task listed in either assessment, matched by its title (ignoring
/// case and spaces around it), so a task kept on the list lines up with
/// itself whatever else about it changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskComparison {
    pub before: Option<Task>,
    pub after: Option<Task>,
}

impl TaskComparison {
    /// The title as it reads now, or as it read then if it is gone.
    pub fn title(&self) -> &str {
        self.after
            .as_ref()
            .or(self.before.as_ref())
            .map_or("", |task| task.title.as_str())
    }
}

/// The placement scale runs from one direction of the gap to the other, so
/// "better" means closer to its middle, the balanced point.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlacementComparison {
    pub before: Answer,
    pub after: Answer,
    pub change: Change,
}

/// The two in the order they were taken (by creation time, then id), so a
/// caller can accept them in either order.
pub fn chronological<'a>(a: &'a Assessment, b: &'a Assessment) -> (&'a Assessment, &'a Assessment) {
    if (b.created, &b.id) < (a.created, &a.id) {
        (b, a)
    } else {
        (a, b)
    }
}

/// Compares `earlier` with `later` as given; see [`chronological`].
pub fn compare(workbook: &Workbook, earlier: &Assessment, later: &Assessment) -> Comparison {
    Comparison {
        placement: compare_placement(&workbook.gap.placement_scale, earlier, later),
        sections: workbook
            .sections
            .iter()
            .map(|section| compare_section(section, earlier, later))
            .collect(),
        tasks: compare_tasks(&earlier.tasks, &later.tasks),
        follow_ups: follow_ups(earlier, later),
        earlier: earlier.clone(),
        later: later.clone(),
    }
}

fn compare_section(
    section: &Section,
    earlier: &Assessment,
    later: &Assessment,
) -> SectionComparison {
    let before = section_score(section, earlier);
    let after = section_score(section, later);
    let change = weigh(before.percent, after.percent, section.better);
    SectionComparison {
        kind: section.kind,
        change,
        before,
        after,
        items: compare_items(section, earlier, later),
    }
}

fn compare_items(
    section: &Section,
    earlier: &Assessment,
    later: &Assessment,
) -> Vec<ItemComparison> {
    let (old, new) = (earlier.answers(section.kind), later.answers(section.kind));
    let known = section.items.iter().map(|item| (item.id.as_str(), true));
    // BTreeMap keys come sorted, so retired ids appear in a stable order.
    let retired = old
        .keys()
        .chain(new.keys().filter(|id| !old.contains_key(*id)))
        .filter(|id| section.item(id).is_none())
        .map(|id| (id.as_str(), false));
    let mut retired: Vec<(&str, bool)> = retired.collect();
    retired.sort_unstable();
    known
        .chain(retired)
        .map(|(id, in_content)| {
            let before = old.get(id).cloned().unwrap_or_default();
            let after = new.get(id).cloned().unwrap_or_default();
            let change = match weigh(before.rating, after.rating, section.better) {
                Change::NotAskedThen(_) if !in_content => {
                    Change::NotAskedThen(Absence::NoLongerAsked)
                }
                change => change,
            };
            ItemComparison {
                id: id.to_string(),
                in_content,
                before,
                after,
                change,
            }
        })
        .collect()
}

/// The later list in its order, each matched with the earlier task of the
/// same title; then the earlier tasks no longer listed.
fn compare_tasks(earlier: &[Task], later: &[Task]) -> Vec<TaskComparison> {
    let key = |task: &Task| task.title.trim().to_lowercase();
    let mut used = vec![false; earlier.len()];
    let mut compared: Vec<TaskComparison> = later
        .iter()
        .map(|task| {
            let found = (0..earlier.len()).find(|&at| !used[at] && key(&earlier[at]) == key(task));
            if let Some(at) = found {
                used[at] = true;
            }
            TaskComparison {
                before: found.map(|at| earlier[at].clone()),
                after: Some(task.clone()),
            }
        })
        .collect();
    compared.extend(
        earlier
            .iter()
            .zip(&used)
            .filter(|(_, used)| !**used)
            .map(|(task, _)| TaskComparison {
                before: Some(task.clone()),
                after: None,
            }),
    );
    compared
}

fn compare_placement(
    scale: &Scale,
    earlier: &Assessment,
    later: &Assessment,
) -> PlacementComparison {
    // Twice the distance from the middle keeps odd-length scales in whole
    // numbers; a smaller distance is the better side.
    let off_centre = |rating: Option<u8>| {
        rating.map(|value| (2 * i16::from(value) - i16::from(scale.max())).unsigned_abs())
    };
    let change = weigh(
        off_centre(earlier.placement.rating),
        off_centre(later.placement.rating),
        Better::Lower,
    );
    PlacementComparison {
        before: earlier.placement.clone(),
        after: later.placement.clone(),
        change,
    }
}

/// Which way `before` to `after` moved, judged by `better`.
pub fn weigh<T: Ord>(before: Option<T>, after: Option<T>, better: Better) -> Change {
    let (before, after) = match (before, after) {
        (Some(before), Some(after)) => (before, after),
        (None, Some(_)) => return Change::NotAskedThen(Absence::SkippedEarlier),
        (Some(_), None) => return Change::NotAskedThen(Absence::SkippedLater),
        (None, None) => return Change::NotAskedThen(Absence::SkippedBoth),
    };
    match (after.cmp(&before), better) {
        (std::cmp::Ordering::Equal, _) => Change::Same,
        (std::cmp::Ordering::Less, Better::Lower)
        | (std::cmp::Ordering::Greater, Better::Higher) => Change::Better,
        _ => Change::Worse,
    }
}

/// Each of the earlier commitments with what the later check-in said about
/// it. Follow-ups carry a full copy of the commitment, so an exact match is
/// the normal case; when the later one names the earlier as its previous
/// assessment, a commitment edited since still matches by remedy.
fn follow_ups(earlier: &Assessment, later: &Assessment) -> Vec<CommitmentFollowUp> {
    let reported = &later.check_in.follow_ups;
    let follows_earlier = later.check_in.previous.as_deref() == Some(earlier.id.as_str());
    let mut used = vec![false; reported.len()];
    let mut find = |matches: &dyn Fn(&Commitment) -> bool| {
        let index = (0..reported.len())
            .find(|&index| !used[index] && matches(&reported[index].commitment))?;
        used[index] = true;
        Some(&reported[index])
    };
    earlier
        .commitments
        .iter()
        .map(|commitment| {
            let found = find(&|other| other == commitment).or_else(|| {
                if follows_earlier {
                    find(&|other| other.remedy == commitment.remedy)
                } else {
                    None
                }
            });
            let (outcome, note) = match found {
                Some(follow_up) => (
                    follow_up
                        .status
                        .map_or(FollowUpOutcome::Unmarked, FollowUpOutcome::Reported),
                    follow_up.note.clone(),
                ),
                None => (FollowUpOutcome::NotAsked, String::new()),
            };
            CommitmentFollowUp {
                commitment: commitment.clone(),
                outcome,
                note,
            }
        })
        .collect()
}
