//! A coach's own notes on a person, one file a session:
//! `<person>/notes/<id>.toml`. They are the coach's, not the client's: never
//! written into an assessment file, never in a client copy of a report,
//! never shown in the client view, never carried by an import or a
//! take-home file.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::assessment::new_id;
use crate::assessment::time::timestamp;

use super::error::StoreError;
use super::read::{describe, read_text};
use super::{Person, Store, file_name, list_names, plain};

/// One dated note, as saved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoachNote {
    pub id: String,
    /// When the note was first written: the session it belongs to.
    #[serde(with = "timestamp")]
    pub written: DateTime<FixedOffset>,
    #[serde(with = "timestamp")]
    pub updated: DateTime<FixedOffset>,
    pub text: String,
}

impl CoachNote {
    pub fn new(text: &str, now: DateTime<FixedOffset>) -> CoachNote {
        CoachNote {
            id: new_id(now),
            written: now,
            updated: now,
            text: text.to_string(),
        }
    }
}

/// A note file, read or not.
#[derive(Clone, Debug, PartialEq)]
pub enum NoteListed {
    Readable { path: PathBuf, note: CoachNote },
    Unreadable { path: PathBuf, reason: String },
}

const HEADER: &str = "# A coach's private note. Never part of an assessment or a client copy.\n";

impl Store {
    fn notes_dir(person: &Person) -> PathBuf {
        person.dir.join("notes")
    }

    pub fn note_path(&self, person: &Person, id: &str) -> PathBuf {
        Self::notes_dir(person).join(file_name(id))
    }

    /// Saves a note, new or changed, in its own file.
    pub fn save_note(&self, person: &Person, note: &CoachNote) -> Result<PathBuf, StoreError> {
        let path = self.note_path(person, &note.id);
        let body = toml::to_string(note).map_err(|error| StoreError::Unreadable {
            path: path.clone(),
            problem: error.to_string(),
        })?;
        self.check_data_folder()?;
        plain::ensure_folder_within(&self.root, &Self::notes_dir(person))?;
        self.write(&path, format!("{HEADER}{body}").as_bytes())?;
        Ok(path)
    }

    /// Every note on the person, newest first; a file that cannot be read
    /// is listed with the reason and left as it is.
    pub fn notes(&self, person: &Person) -> Vec<NoteListed> {
        let dir = Self::notes_dir(person);
        let paths = match list_names(&dir) {
            Ok(paths) => paths,
            Err(error) => {
                return vec![NoteListed::Unreadable {
                    path: dir,
                    reason: error.to_string(),
                }];
            }
        };
        let mut listed: Vec<NoteListed> = paths
            .into_iter()
            .map(|path| match read_note(&path) {
                Ok(note) => NoteListed::Readable { path, note },
                Err(error) => NoteListed::Unreadable {
                    reason: error.to_string(),
                    path,
                },
            })
            .collect();
        listed.sort_by(|a, b| match (a, b) {
            (NoteListed::Readable { note: a, .. }, NoteListed::Readable { note: b, .. }) => {
                b.written.cmp(&a.written)
            }
            _ => b.path().cmp(a.path()),
        });
        listed
    }
}

impl NoteListed {
    pub fn path(&self) -> &Path {
        match self {
            NoteListed::Readable { path, .. } | NoteListed::Unreadable { path, .. } => path,
        }
    }

    pub fn note(&self) -> Option<&CoachNote> {
        match self {
            NoteListed::Readable { note, .. } => Some(note),
            NoteListed::Unreadable { .. } => None,
        }
    }
}

fn read_note(path: &Path) -> Result<CoachNote, StoreError> {
    let text = read_text(path)?;
    toml::from_str(&text).map_err(|error| StoreError::Unreadable {
        path: path.to_path_buf(),
        problem: describe(&text, &error),
    })
}

impl Store {
    /// The person's newest coach note that can be read.
    pub fn last_note(&self, person: &Person) -> Option<CoachNote> {
        self.notes(person)
            .into_iter()
            .find_map(|listed| listed.note().cloned())
    }
}
