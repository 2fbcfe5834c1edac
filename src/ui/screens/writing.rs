//! What the coach types on a person's page: a coach note (several lines,
//! saved to its own file with every change, as a worksheet's answers are)
//! or the next session's date (one line, saved when finished and valid).

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::assessment::parse_due;
use crate::keymap::Context;
use crate::store::CoachNote;
use crate::ui::{Editor, Theme};

pub enum Writing {
    Note { note: CoachNote, editor: Editor },
    NextSession { editor: Editor },
}

/// What finishing asks for.
pub enum Finished {
    /// Save this note (it holds text).
    Note(CoachNote),
    /// Nothing was written: nothing to keep.
    Nothing,
    NextSession(Option<NaiveDate>),
    /// The date cannot be read; the box stays open.
    BadDate(String),
}

impl Writing {
    pub fn note(note: CoachNote, theme: Theme) -> Self {
        let editor = Editor::new(
            &note.text,
            true,
            "Coach note, private · Esc when done",
            theme,
        );
        Writing::Note { note, editor }
    }

    pub fn next_session(date: Option<NaiveDate>, theme: Theme) -> Self {
        let text = date.map(|date| date.to_string()).unwrap_or_default();
        let editor = Editor::new(
            &text,
            false,
            "Next session, like 2026-12-15 (empty for none) · Enter when done",
            theme,
        );
        Writing::NextSession { editor }
    }

    pub fn editor(&self) -> &Editor {
        match self {
            Writing::Note { editor, .. } | Writing::NextSession { editor } => editor,
        }
    }

    pub fn contexts(&self) -> Vec<Context> {
        match self {
            Writing::Note { .. } => vec![Context::EditingText, Context::Editing],
            Writing::NextSession { .. } => vec![Context::EditingLine, Context::Editing],
        }
    }

    /// Types a key; the note to save when its text changed.
    pub fn key(&mut self, key: KeyEvent) -> Option<CoachNote> {
        match self {
            Writing::Note { note, editor } => {
                editor.key(key).then(|| changed(note, editor)).flatten()
            }
            Writing::NextSession { editor } => {
                editor.key(key);
                None
            }
        }
    }

    pub fn paste(&mut self, text: &str) -> Option<CoachNote> {
        match self {
            Writing::Note { note, editor } => {
                editor.paste(text).then(|| changed(note, editor)).flatten()
            }
            Writing::NextSession { editor } => {
                editor.paste(text);
                None
            }
        }
    }

    /// Enter in a note: a new line.
    pub fn new_line(&mut self) -> Option<CoachNote> {
        self.key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE))
    }

    pub fn finish(&self) -> Finished {
        match self {
            Writing::Note { note, editor } => {
                if editor.text().trim().is_empty() {
                    Finished::Nothing
                } else {
                    let mut note = note.clone();
                    note.text = editor.text();
                    Finished::Note(note)
                }
            }
            Writing::NextSession { editor } => match parse_due(&editor.text()) {
                Ok(date) => Finished::NextSession(date),
                Err(problem) => Finished::BadDate(problem),
            },
        }
    }
}

/// The note with the editor's text, when there is text to keep: an empty
/// note is never written.
fn changed(note: &mut CoachNote, editor: &Editor) -> Option<CoachNote> {
    note.text = editor.text();
    (!note.text.trim().is_empty()).then(|| note.clone())
}
