//! What the coach types on a person's page: a coach note (several lines,
//! saved to its own file with every change, as a worksheet's answers are),
//! the next session's date (one line, saved when finished and valid), a
//! new name, or the name typed to forget the person.

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::assessment::parse_due;
use crate::keymap::Context;
use crate::store::CoachNote;
use crate::ui::{Editor, Theme};

pub enum Writing {
    Note {
        note: CoachNote,
        editor: Editor,
    },
    NextSession {
        editor: Editor,
    },
    Rename {
        editor: Editor,
    },
    /// Their name, typed to confirm that every file of theirs goes.
    Forget {
        editor: Editor,
    },
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
    Rename(String),
    Forget(String),
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

    pub fn rename(name: &str, theme: Theme) -> Self {
        let title = "New name · Enter when done";
        Writing::Rename {
            editor: Editor::new(name, false, title, theme),
        }
    }

    pub fn forget(theme: Theme) -> Self {
        let title = "Type their name to delete every file of theirs · Enter";
        Writing::Forget {
            editor: Editor::new("", false, title, theme),
        }
    }

    pub fn editor(&self) -> &Editor {
        match self {
            Writing::Note { editor, .. }
            | Writing::NextSession { editor }
            | Writing::Rename { editor }
            | Writing::Forget { editor } => editor,
        }
    }

    pub fn contexts(&self) -> Vec<Context> {
        match self {
            Writing::Note { .. } => vec![Context::EditingText, Context::Editing],
            _ => vec![Context::EditingLine, Context::Editing],
        }
    }

    /// Types a key; the note to save when its text changed.
    pub fn key(&mut self, key: KeyEvent) -> Option<CoachNote> {
        match self {
            Writing::Note { note, editor } => {
                editor.key(key).then(|| changed(note, editor)).flatten()
            }
            Writing::NextSession { editor }
            | Writing::Rename { editor }
            | Writing::Forget { editor } => {
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
            Writing::NextSession { editor }
            | Writing::Rename { editor }
            | Writing::Forget { editor } => {
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
            Writing::Rename { editor } => Finished::Rename(editor.text()),
            Writing::Forget { editor } => Finished::Forget(editor.text()),
        }
    }
}

/// The note with the editor's text, when there is text to keep: an empty
/// note is never written.
fn changed(note: &mut CoachNote, editor: &Editor) -> Option<CoachNote> {
    note.text = editor.text();
    (!note.text.trim().is_empty()).then(|| note.clone())
}
