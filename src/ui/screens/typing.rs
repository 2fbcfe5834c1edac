//! Typing into a field of an assessment: opening the box, every key into
//! it written through to the answers, finishing, and Tab on to the next
//! field of a form. One rule for every field, shown in the box's title.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::{Ctx, Outcome, Status};
use crate::assessment::{CommitmentField, DecisionField, Field, MemberField, TaskField};
use crate::keymap::{self, Action, Context};
use crate::session::{READ_ONLY, Sheet};
use crate::ui::Editor;

use super::SessionScreen;

impl SessionScreen {
    pub(super) fn start_editing(&mut self, field: Field, cx: &mut Ctx<'_>) {
        if self.is_read_only() {
            *cx.status = Some(Status::error(READ_ONLY));
            return;
        }
        let editor = Editor::new(
            &field.get(self.assessment()),
            field.is_multiline(),
            &field_title(&field),
            cx.theme,
        );
        self.editing = Some((field, editor));
    }

    /// Keys the table takes from the open box: a new line, finishing, or
    /// moving to another field.
    pub(super) fn typing_action(&mut self, action: Action, cx: &mut Ctx<'_>) -> Outcome {
        let forward = match action {
            Action::NewLine => {
                let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
                return self.edit_key(enter);
            }
            Action::FinishEditing => None,
            Action::NextField => Some(true),
            Action::PrevField => Some(false),
            _ => return Outcome::Stay,
        };
        let Some((field, editor)) = &self.editing else {
            return Outcome::Stay;
        };
        let field = field.clone();
        if let Err(refused) = self.session.set_text(&field, &editor.text()) {
            *cx.status = Some(Status::error(refused.0));
            return Outcome::Stay;
        }
        self.editing = None;
        if let Some(due) = self.session.past_due(&field) {
            *cx.status = Some(Status::notice(format!(
                "{} has already passed. Kept as written; change it if that was a slip.",
                due.format("%-d %B %Y")
            )));
        }
        // Tab while typing in a form moves on to the next field and opens
        // it, so a form can be filled without reaching for other keys; at
        // the form's end it stops, so typing never carries a person off
        // the worksheet.
        let Some(forward) = forward else {
            return Outcome::Stay;
        };
        if self.sheet().is_rated() {
            return Outcome::Stay;
        }
        if !self.step_field(forward, cx) {
            let (end, onwards) = if forward {
                ("last", "next")
            } else {
                ("first", "previous")
            };
            let key = keymap::key_for(Context::Form, action);
            *cx.status = Some(Status::notice(format!(
                "That was the {end} field of this worksheet; {key} again goes to the {onwards} worksheet."
            )));
            return Outcome::Stay;
        }
        self.open_field_in_focus(cx);
        Outcome::Stay
    }

    /// Moves to the next or previous field of a form; false when there is
    /// none that way.
    pub(super) fn step_field(&mut self, forward: bool, cx: &mut Ctx<'_>) -> bool {
        let before = self.focus();
        self.sheet_action(if forward { Action::Down } else { Action::Up }, cx);
        self.focus() != before
    }

    /// After Tab while typing: the next field is typed into at once if it
    /// holds text; a choice says how to choose, which is easy to miss with
    /// the hands still on the letters.
    fn open_field_in_focus(&mut self, cx: &mut Ctx<'_>) {
        let assessment = self.assessment();
        let next = match self.sheet() {
            Sheet::CheckIn => self.checkin.current_field(assessment),
            Sheet::Modes => self.modes.current_field(assessment),
            Sheet::Commitments => self.commitments.current_field(assessment),
            Sheet::Team => self.team.current_field(assessment),
            _ => None,
        };
        match next {
            Some(next) => self.start_editing(next, cx),
            None => *cx.status = Some(Status::notice(choice_hint())),
        }
    }

    /// A key typed into the open box. Every change is written into the
    /// answers and saved, so a kill loses at most the key in flight.
    pub fn edit_key(&mut self, key: KeyEvent) -> Outcome {
        let changed = self
            .editing
            .as_mut()
            .is_some_and(|(_, editor)| editor.key(key));
        if changed {
            self.store_editor_text();
        }
        Outcome::Stay
    }

    pub fn paste(&mut self, text: &str) -> Outcome {
        let changed = self
            .editing
            .as_mut()
            .is_some_and(|(_, editor)| editor.paste(text));
        if changed {
            self.store_editor_text();
        }
        Outcome::Stay
    }

    fn store_editor_text(&mut self) {
        let Some((field, editor)) = &self.editing else {
            return;
        };
        // A half-typed date is refused until it parses and stays in the
        // box; every other field is written through at once.
        let _ = self.session.set_text(field, &editor.text());
    }
}

fn field_title(field: &Field) -> String {
    let what = match field {
        Field::Note(_) => "Note",
        Field::Role => "Your role and context",
        Field::Situation => "The delegation situation on your mind",
        Field::FollowUpNote(_) => "How it went",
        Field::Task(_, TaskField::Title) => "The task",
        Field::Task(_, TaskField::ToWhom) => "To whom",
        Field::Task(_, TaskField::Note) => "Note",
        Field::Commitment(_, CommitmentField::FirstStep) => "First step",
        Field::Commitment(_, CommitmentField::WithWhom) => "With whom",
        Field::Commitment(_, CommitmentField::Due) => "By when (year-month-day, e.g. 2026-12-15)",
        Field::Commitment(_, CommitmentField::Checkpoint) => "Checkpoint",
        Field::Member(_, MemberField::Name) => "Their name",
        Field::Member(_, MemberField::Role) => "Their role",
        Field::Member(_, MemberField::Work) => "The work you have in mind for them",
        Field::Member(_, MemberField::Note) => "Note",
        Field::Skill(_) => "The skill",
        Field::Decision(_, DecisionField::Title) => "The decision",
        Field::Decision(_, DecisionField::By) => "By when (year-month-day, e.g. 2026-12-15)",
    };
    // The box says how typing ends, in the table's own words.
    let finish = keymap::key_for(Context::Editing, Action::FinishEditing);
    let keys = if field.is_multiline() {
        let new_line = keymap::key_for(Context::EditingText, Action::NewLine);
        format!("{new_line} new line · {finish} done")
    } else {
        let done = keymap::key_for(Context::EditingLine, Action::FinishEditing);
        format!("{done} done")
    };
    format!("{what} — {keys}")
}

/// What to press on a choice, for the status line.
pub(super) fn choice_hint() -> String {
    format!(
        "A choice: {} or {} picks one; {} goes on to the next field.",
        keymap::key_for(Context::Choice, Action::Left),
        keymap::key_for(Context::Choice, Action::Right),
        keymap::key_for(Context::Form, Action::NextField),
    )
}
