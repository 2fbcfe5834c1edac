//! What every worksheet's view shares with the session screen around it:
//! what a sheet did with a key, the questions it can ask, and what it is
//! given to draw itself. Kept apart so the sheets and the session screen
//! depend on this file, not on each other.

use crate::assessment::{Assessment, Field};
use crate::content::Workbook;
use crate::keymap::{self, Action, Context};
use crate::session::{Refused, Sheet};
use crate::ui::{Editor, Theme};

/// What a worksheet did with an action. Changes to answers are made on
/// the domain session, which asks for their saves itself.
#[derive(Clone, Debug, PartialEq)]
pub enum SheetOutcome {
    /// Handled: the sheet stays, with nothing more for the session to do.
    Stay,
    /// The sheet has no use for this action; the session screen may.
    Unhandled,
    /// The action cannot be done; say why.
    Refused(String),
    /// Start typing in this field.
    Edit(Field),
    /// Ask a yes/no question before doing something that cannot be undone.
    Confirm(Confirmation),
}

impl From<Result<(), Refused>> for SheetOutcome {
    fn from(result: Result<(), Refused>) -> Self {
        match result {
            Ok(()) => SheetOutcome::Stay,
            Err(refused) => SheetOutcome::Refused(refused.0),
        }
    }
}

impl From<Result<Field, Refused>> for SheetOutcome {
    fn from(result: Result<Field, Refused>) -> Self {
        match result {
            Ok(field) => SheetOutcome::Edit(field),
            Err(refused) => SheetOutcome::Refused(refused.0),
        }
    }
}

/// An action that cannot be undone, waiting for a yes or no.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Confirmation {
    DeleteTask(usize),
    DeleteCommitment(usize),
    DeleteMember(usize),
    DeleteSkill(usize),
    DeleteDecision(usize),
    Complete,
}

impl Confirmation {
    pub fn question(&self) -> &'static str {
        match self {
            Confirmation::DeleteTask(_) => "Remove this task?",
            Confirmation::DeleteCommitment(_) => "Remove this commitment?",
            Confirmation::DeleteMember(_) => {
                "Remove this person and every answer about them? Someone who has left can be marked gone instead."
            }
            Confirmation::DeleteSkill(_) => "Remove this skill and everyone's level in it?",
            Confirmation::DeleteDecision(_) => "Remove this decision and who has which part in it?",
            Confirmation::Complete => {
                "Complete this assessment and save it? You can still read it afterwards."
            }
        }
    }
}

/// What a worksheet needs to draw itself.
pub struct SheetView<'a> {
    pub sheet: Sheet,
    pub workbook: &'a Workbook,
    pub assessment: &'a Assessment,
    pub theme: Theme,
    pub editor: Option<&'a Editor>,
    pub editing: Option<&'a Field>,
    /// A completed assessment: what is empty was left blank, and nothing
    /// invites an answer.
    pub read_only: bool,
}

impl SheetView<'_> {
    /// What an empty field says: how to fill it in, or, read-only, that
    /// it was left blank.
    pub fn empty<'t>(&self, invitation: &'t str) -> &'t str {
        if self.read_only {
            "left blank"
        } else {
            invitation
        }
    }

    /// What an empty text field of a form says: that it is being typed
    /// in the box below, what goes in it (and, highlighted, how to start
    /// typing), or, read-only, that it was left blank.
    pub fn empty_field(&self, field: &Field, invitation: &str, selected: bool) -> String {
        if self.editing == Some(field) {
            return "↓ typing in the box below".to_string();
        }
        if self.read_only || !selected {
            return self.empty(invitation).to_string();
        }
        let enter = keymap::key_for(Context::TextField, Action::Select);
        format!("{invitation} (press {enter} to type)")
    }
}
