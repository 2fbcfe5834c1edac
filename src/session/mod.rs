//! Filling in a workbook: the rules every front end shares. A session owns
//! one assessment in progress and knows which worksheet comes next, what a
//! valid answer is (a point on the item's scale, at most three commitments,
//! a real date), what a new assessment carries forward from the last one,
//! and what is complete. It reads and writes no files: every change asks
//! for a save as data ([`Effect`]), which the front end's loop runs.
//!
//! The terminal UI turns keys into calls on it; a line-by-line front end
//! can turn typed answers into the same calls.

mod records;
mod sheet;
mod team;

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::assessment::{
    Assessment, CommitmentField, DelegationMode, Field, FollowUp, FollowUpStatus, Rated,
};
use crate::content::Workbook;
use crate::store::{FileVersion, Person};

pub use records::remedy_order;
pub use sheet::Sheet;
pub use team::{LadderEnd, TeamRating};

/// Where the time comes from: the wall clock in the program, a fixed
/// moment in tests.
pub type Clock = fn() -> DateTime<FixedOffset>;

/// Work a session asks its front end to do with the files.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// `known` is the version of the draft file the session last read or
    /// wrote, so a file another program changed is never overwritten.
    SaveDraft {
        person: Person,
        assessment: Box<Assessment>,
        known: Option<FileVersion>,
    },
    Complete {
        person: Person,
        assessment: Box<Assessment>,
        known: Option<FileVersion>,
    },
    /// A new assessment left with nothing answered: its draft is not worth
    /// keeping.
    DiscardDraft {
        person: Person,
        id: String,
        known: Option<FileVersion>,
    },
}

/// Why an answer was not taken, in words a person can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused(pub String);

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Why nothing in a completed assessment can change.
pub const READ_ONLY: &str =
    "This assessment is complete, so it is shown read-only. Start a new one to answer again.";

pub struct Session {
    person: Person,
    assessment: Assessment,
    sheet: Sheet,
    /// A completed assessment opened to read: shown, never changed.
    read_only: bool,
    /// The assessment as it was started, so leaving a new one without
    /// answering anything leaves no empty draft behind.
    untouched: Option<Assessment>,
    /// The version of the draft file last read or written.
    draft_version: Option<FileVersion>,
    effects: Vec<Effect>,
    clock: Clock,
}

impl Session {
    /// A new assessment for `person`. It carries forward the role and
    /// context and the team (people, skills, decisions; not the answers)
    /// from `last` (the newest completed assessment) and asks how each of
    /// its commitments went. Its draft is saved at once.
    pub fn start(
        person: Person,
        workbook: &Workbook,
        last: Option<&Assessment>,
        clock: Clock,
    ) -> Self {
        let mut assessment = Assessment::start(&person.name, &workbook.version, clock());
        if let Some(last) = last {
            assessment.check_in.role = last.check_in.role.clone();
            assessment.team = last.team.carried_forward();
            assessment.check_in.previous = Some(last.id.clone());
            assessment.check_in.follow_ups = last
                .commitments
                .iter()
                .map(|commitment| FollowUp {
                    commitment: commitment.clone(),
                    ..FollowUp::default()
                })
                .collect();
        }
        let mut session = Self::open(person, assessment, None, clock);
        session.untouched = Some(session.assessment.clone());
        session.save();
        session
    }

    /// A draft read back from its file, in `version`.
    pub fn resume(
        person: Person,
        assessment: Assessment,
        version: Option<FileVersion>,
        clock: Clock,
    ) -> Self {
        Self::open(person, assessment, version, clock)
    }

    /// A completed assessment, to read: every change is refused.
    pub fn read_only(person: Person, assessment: Assessment, clock: Clock) -> Self {
        let mut session = Self::open(person, assessment, None, clock);
        session.read_only = true;
        session
    }

    fn open(
        person: Person,
        assessment: Assessment,
        version: Option<FileVersion>,
        clock: Clock,
    ) -> Self {
        Self {
            person,
            assessment,
            sheet: Sheet::CheckIn,
            read_only: false,
            untouched: None,
            draft_version: version,
            effects: Vec::new(),
            clock,
        }
    }

    pub fn person(&self) -> &Person {
        &self.person
    }

    pub fn assessment(&self) -> &Assessment {
        &self.assessment
    }

    pub fn sheet(&self) -> Sheet {
        self.sheet
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The effects asked for since the last call, oldest first.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// A save of this session's draft went through: remember the version
    /// written, and the new id if it went beside a changed draft.
    pub fn saved(&mut self, id: &str, version: Option<FileVersion>) {
        self.assessment.id = id.to_string();
        self.draft_version = version;
    }

    /// Goes on from answers newer than the draft file (its last save
    /// failed and they are still only in memory), so reopening the draft
    /// does not fall back to the older file.
    pub fn continue_from(&mut self, assessment: Assessment, version: Option<FileVersion>) {
        if !self.read_only {
            self.assessment = assessment;
            self.draft_version = version;
        }
    }

    // Moving between worksheets.

    pub fn go_to(&mut self, sheet: Sheet) {
        self.sheet = sheet;
    }

    /// The next worksheet; false on the last one.
    pub fn next_sheet(&mut self) -> bool {
        let next = self.sheet.next();
        let moved = next != self.sheet;
        self.sheet = next;
        moved
    }

    /// The previous worksheet; false on the first one.
    pub fn previous_sheet(&mut self) -> bool {
        let previous = self.sheet.previous();
        let moved = previous != self.sheet;
        self.sheet = previous;
        moved
    }

    /// (answered, total) of a worksheet, where that means something.
    pub fn progress(&self, workbook: &Workbook, sheet: Sheet) -> Option<(usize, usize)> {
        sheet.progress(workbook, &self.assessment)
    }

    // Answers. Each change is saved; each refusal says why.

    /// Rates `rated` with `value`, which must be a point on its scale.
    pub fn rate(&mut self, workbook: &Workbook, rated: &Rated, value: u8) -> Result<(), Refused> {
        let max = scale_top(workbook, rated);
        if value > max {
            return Err(Refused(format!(
                "This scale runs from 0 to {max}; {value} is not on it."
            )));
        }
        self.change(|assessment| rated.set_rating(assessment, Some(value)))
    }

    /// Moves a rating one point up or down the scale; an unrated item
    /// starts at the bottom.
    pub fn step_rating(
        &mut self,
        workbook: &Workbook,
        rated: &Rated,
        up: bool,
    ) -> Result<(), Refused> {
        let max = scale_top(workbook, rated);
        let value = match (rated.rating(&self.assessment), up) {
            (None, _) => 0,
            (Some(value), true) => (value + 1).min(max),
            (Some(value), false) => value.saturating_sub(1),
        };
        self.change(|assessment| rated.set_rating(assessment, Some(value)))
    }

    /// Clears a rating: the item counts as skipped, not as zero.
    pub fn clear_rating(&mut self, rated: &Rated) -> Result<(), Refused> {
        self.change(|assessment| rated.set_rating(assessment, None))
    }

    /// Stores a text answer. Only a due date can be refused: then nothing
    /// changes and the reason says how to write it.
    pub fn set_text(&mut self, field: &Field, text: &str) -> Result<(), Refused> {
        self.refuse_if_read_only()?;
        let mut changed = self.assessment.clone();
        field.set(&mut changed, text).map_err(Refused)?;
        if changed != self.assessment {
            self.assessment = changed;
            self.touched();
        }
        Ok(())
    }

    /// A due date that has already passed, to point out: it is kept as
    /// written, since it may be a slip of the year or a record of what was
    /// agreed.
    pub fn past_due(&self, field: &Field) -> Option<NaiveDate> {
        let Field::Commitment(index, CommitmentField::Due) = field else {
            return None;
        };
        let due = self.assessment.commitments.get(*index)?.due?;
        (due < (self.clock)().date_naive()).then_some(due)
    }

    /// Picks how a commitment from last time went.
    pub fn set_follow_up(&mut self, index: usize, status: FollowUpStatus) -> Result<(), Refused> {
        self.change(|assessment| {
            if let Some(follow_up) = assessment.check_in.follow_ups.get_mut(index) {
                follow_up.status = Some(status);
            }
        })
    }

    /// Moves a follow-up's answer one step through kept / partly / not
    /// yet, round; an unanswered one starts at either end.
    pub fn step_follow_up(&mut self, index: usize, forward: bool) -> Result<(), Refused> {
        let Some(follow_up) = self.assessment.check_in.follow_ups.get(index) else {
            return Ok(());
        };
        let all = FollowUpStatus::ALL;
        let next = match follow_up
            .status
            .and_then(|status| all.iter().position(|s| *s == status))
        {
            Some(at) if forward => (at + 1) % all.len(),
            Some(at) => (at + all.len() - 1) % all.len(),
            None if forward => 0,
            None => all.len() - 1,
        };
        self.set_follow_up(index, all[next])
    }

    /// Sets what a task is handed over for.
    pub fn set_mode(&mut self, task: usize, mode: DelegationMode) -> Result<(), Refused> {
        self.change(|assessment| {
            if let Some(task) = assessment.tasks.get_mut(task) {
                task.mode = Some(mode);
            }
        })
    }

    /// Switches a task between performance and learning; an undecided one
    /// becomes a performance handoff.
    pub fn toggle_mode(&mut self, task: usize) -> Result<(), Refused> {
        let mode = match self.assessment.tasks.get(task).and_then(|task| task.mode) {
            Some(DelegationMode::Performance) => DelegationMode::Learning,
            _ => DelegationMode::Performance,
        };
        self.set_mode(task, mode)
    }

    /// Asks for the assessment to be completed and saved as finished.
    pub fn complete(&mut self) -> Result<(), Refused> {
        self.refuse_if_read_only()?;
        self.effects.push(Effect::Complete {
            person: self.person.clone(),
            assessment: Box::new(self.assessment.clone()),
            known: self.draft_version,
        });
        Ok(())
    }

    /// Leaving the assessment. A new one left with nothing answered asks
    /// for its draft to be removed; true when the draft is kept.
    pub fn leave(&mut self) -> bool {
        if self.read_only || !self.is_untouched() {
            return true;
        }
        self.effects.push(Effect::DiscardDraft {
            person: self.person.clone(),
            id: self.assessment.id.clone(),
            known: self.draft_version,
        });
        false
    }

    /// A new assessment in which nothing has been answered yet.
    pub fn is_untouched(&self) -> bool {
        self.untouched.as_ref().is_some_and(|start| {
            let mut now = self.assessment.clone();
            now.updated = start.updated;
            now == *start
        })
    }

    fn refuse_if_read_only(&self) -> Result<(), Refused> {
        if self.read_only {
            Err(Refused(READ_ONLY.to_string()))
        } else {
            Ok(())
        }
    }

    /// Applies a change, stamps it and asks for it to be saved.
    fn change(&mut self, apply: impl FnOnce(&mut Assessment)) -> Result<(), Refused> {
        self.refuse_if_read_only()?;
        apply(&mut self.assessment);
        self.touched();
        Ok(())
    }

    fn touched(&mut self) {
        // Written in this build's format from the first change: an older
        // handoff must not open it for writing and drop what it cannot read.
        self.assessment.schema_version = crate::assessment::SCHEMA_VERSION;
        self.assessment.updated = (self.clock)();
        self.save();
    }

    fn save(&mut self) {
        self.effects.push(Effect::SaveDraft {
            person: self.person.clone(),
            assessment: Box::new(self.assessment.clone()),
            known: self.draft_version,
        });
    }
}

/// The highest point of the scale `rated` is answered on.
pub fn scale_top(workbook: &Workbook, rated: &Rated) -> u8 {
    match rated {
        Rated::Placement => workbook.gap.placement_scale.max(),
        Rated::Item(kind, _) => workbook.section(*kind).scale.max(),
    }
}
