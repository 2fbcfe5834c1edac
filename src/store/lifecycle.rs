//! A person's life in the data folder after they are added: renamed,
//! archived (moved out of the list, restorable), and forgotten (every file
//! of theirs deleted, as a client may ask and the law may require).
//!
//! ```text
//! <data>/people/<slug>/     everyone listed
//! <data>/archive/<slug>/    archived: the same folder, moved whole
//! ```
//!
//! Archiving moves the folder with one rename, so it is in one place or the
//! other, never half in each, and the People screen keeps listing
//! `people/` without reading anyone's file to see who is hidden.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::error::StoreError;
use super::lock::lock_person;
use std::os::unix::ffi::OsStrExt;

use super::names::{Around, Stretch};
use super::people::PeopleFolders;
use super::{PeopleListing, Person, Store, clean_name, plain, read_person};

/// A folder being deleted starts with this, hidden from every listing, so
/// a person half-deleted by a crash is never listed; the next start
/// finishes the job.
const FORGETTING: &str = ".forgetting-";

impl Store {
    fn archive_dir(&self) -> PathBuf {
        self.root.join("archive")
    }

    /// Gives the person a new name. Their folder stays where it is, and
    /// their assessments keep the name they were taken under: only
    /// `person.toml` changes, in one atomic save. Refused when someone
    /// else already has exactly that name.
    pub fn rename_person(&self, person: &Person, new_name: &str) -> Result<Person, StoreError> {
        let name = clean_name(new_name).ok_or(StoreError::EmptyName)?;
        if let Some(other) = self.find_person(&name)?
            && other.dir != person.dir
        {
            return Err(StoreError::NameTaken { name });
        }
        self.update_person_file(person, |file| {
            file.insert("name".into(), toml::Value::String(name.clone()));
        })?;
        Ok(Person {
            name,
            dir: person.dir.clone(),
        })
    }

    /// The next session's date, if the coach set one.
    pub fn next_session(&self, person: &Person) -> Result<Option<NaiveDate>, StoreError> {
        Ok(read_person_file(&person.dir)?.next_session)
    }

    /// Sets (or, with `None`, clears) the next session's date.
    pub fn set_next_session(
        &self,
        person: &Person,
        date: Option<NaiveDate>,
    ) -> Result<(), StoreError> {
        self.update_person_file(person, |file| match date {
            Some(date) => {
                let value = date
                    .format("%Y-%m-%d")
                    .to_string()
                    .parse::<toml::value::Datetime>()
                    .map(toml::Value::Datetime);
                if let Ok(value) = value {
                    file.insert("next_session".into(), value);
                }
            }
            None => {
                file.remove("next_session");
            }
        })
    }

    /// Rewrites `person.toml` with `change` applied, keeping every key this
    /// build does not know (a newer handoff's) as it was.
    fn update_person_file(
        &self,
        person: &Person,
        change: impl FnOnce(&mut toml::Table),
    ) -> Result<(), StoreError> {
        let path = person.dir.join("person.toml");
        let text = super::read_text(&path)?;
        let mut file: toml::Table =
            toml::from_str(&text).map_err(|error| StoreError::Unreadable {
                path: path.clone(),
                problem: super::read::describe(&text, &error),
            })?;
        change(&mut file);
        let body = toml::to_string(&file).map_err(|error| StoreError::Unreadable {
            path: path.clone(),
            problem: error.to_string(),
        })?;
        self.check_data_folder()?;
        plain::ensure_folder_within(&self.root, &person.dir)?;
        self.write(&path, body.as_bytes())
    }

    /// Moves the person out of the list, whole, into `archive/`. Refused
    /// while their workbook is open in another window.
    pub fn archive_person(&self, person: &Person) -> Result<Person, StoreError> {
        self.move_person(person, &self.archive_dir())
    }

    /// Brings an archived person back into the list.
    pub fn restore_person(&self, person: &Person) -> Result<Person, StoreError> {
        self.move_person(person, &self.people_dir())
    }

    /// Everyone archived, each `person.toml` read.
    pub fn archived_people(&self) -> Result<PeopleListing, StoreError> {
        self.check_data_folder()?;
        let folders = PeopleFolders::list(&self.archive_dir(), Around::Start, 0, usize::MAX)?;
        Ok(super::read_everyone(&folders))
    }

    /// An archived person by name or folder name.
    pub fn find_archived(&self, name_or_key: &str) -> Result<Option<Person>, StoreError> {
        let wanted = clean_name(name_or_key);
        let people = self.archived_people()?.people;
        Ok(people
            .iter()
            .find(|person| Some(&person.name) == wanted.as_ref())
            .or_else(|| people.iter().find(|person| person.key() == name_or_key))
            .cloned())
    }

    fn move_person(&self, person: &Person, into: &Path) -> Result<Person, StoreError> {
        let _lock = lock_person(person)?;
        plain::ensure_folder_within(&self.root, into)?;
        let base = person.key();
        let mut number = 1;
        let target = loop {
            let candidate = if number == 1 {
                into.join(&base)
            } else {
                into.join(format!("{base}-{number}"))
            };
            if fs::symlink_metadata(&candidate).is_err() {
                break candidate;
            }
            number += 1;
        };
        // A rename never replaces a folder that holds anything; the name
        // was free a moment ago, so at worst it fails and nothing moves.
        fs::rename(&person.dir, &target).map_err(StoreError::io(&person.dir))?;
        sync_folders(&[person.dir.parent(), Some(into)]).map_err(StoreError::io(into))?;
        read_person(&target)
    }

    /// Deletes every file of the person: their assessments, drafts, notes,
    /// the name itself, and anything else in their folder (leftover
    /// temporary files, an old index). The folder is first renamed to a
    /// hidden name, so from that moment they are listed nowhere, even if
    /// the deleting is cut short. Refused while their workbook is open in
    /// another window.
    pub fn forget_person(&self, person: &Person) -> Result<(), StoreError> {
        let lock = lock_person(person)?;
        let parent = person.dir.parent().unwrap_or(&self.root).to_path_buf();
        let hidden = parent.join(format!("{FORGETTING}{}", person.key()));
        if fs::symlink_metadata(&hidden).is_ok() {
            remove_all(&hidden)?;
        }
        fs::rename(&person.dir, &hidden).map_err(StoreError::io(&person.dir))?;
        drop(lock);
        remove_all(&hidden)?;
        sync_folders(&[Some(&parent)]).map_err(StoreError::io(&parent))?;
        Ok(())
    }

    /// Finishes deleting people whose forgetting was cut short (a crash,
    /// a kill). Best effort: what cannot be removed now is hidden from
    /// every listing and tried again next time.
    pub fn finish_forgetting(&self) {
        for folder in [self.people_dir(), self.archive_dir()] {
            if !plain::folder_exists(&folder).unwrap_or(false) {
                continue;
            }
            let Ok(entries) = fs::read_dir(&folder) else {
                continue;
            };
            for entry in entries.filter_map(Result::ok) {
                if entry.file_name().to_string_lossy().starts_with(FORGETTING) {
                    let _ = remove_all(&entry.path());
                }
            }
        }
    }
}

/// Removes a folder and everything in it. A link inside is removed as a
/// link, never followed, so nothing outside the data folder is touched.
fn remove_all(path: &Path) -> Result<(), StoreError> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => fs::remove_dir_all(path).map_err(StoreError::io(path)),
        Ok(_) => fs::remove_file(path).map_err(StoreError::io(path)),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(StoreError::Io {
            path: path.to_path_buf(),
            cause: error,
        }),
    }
}

/// Flushes folders whose entries changed, so a rename survives a power cut.
fn sync_folders(folders: &[Option<&Path>]) -> io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    for folder in folders.iter().flatten() {
        fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_DIRECTORY)
            .open(folder)?
            .sync_all()?;
    }
    Ok(())
}

/// What `person.toml` holds besides the name.
#[derive(Debug, Default, serde::Deserialize)]
struct PersonDetails {
    #[serde(default, with = "crate::assessment::time::optional_date")]
    next_session: Option<NaiveDate>,
}

fn read_person_file(dir: &Path) -> Result<PersonDetails, StoreError> {
    let path = dir.join("person.toml");
    let text = super::read_text(&path)?;
    toml::from_str(&text).map_err(|error| StoreError::Unreadable {
        path: path.clone(),
        problem: super::read::describe(&text, &error),
    })
}

/// When a person's last session was and the next is, for a list of
/// people: read from two folders' file names (an id starts with the day it
/// was made) and `person.toml`, no assessment or note opened.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sessions {
    pub last: Option<NaiveDate>,
    pub next: Option<NaiveDate>,
}

impl Sessions {
    pub fn of(person: &Person) -> Sessions {
        // One pass over the names keeping only the largest: a list of
        // people draws this for every row, and a person may have ten
        // thousand assessments.
        let newest_in = |folder: &str| {
            let dir = person.dir.join(folder);
            if !plain::folder_exists(&dir).unwrap_or(false) {
                return None;
            }
            let names = fs::read_dir(&dir)
                .ok()?
                .filter_map(Result::ok)
                .map(|entry| entry.file_name())
                .filter(|name| {
                    let bytes = name.as_bytes();
                    !bytes.starts_with(b".") && bytes.ends_with(b".toml")
                });
            let newest = Stretch::of(names, Around::End, 1, 0);
            let name = newest.names.last()?.to_str()?;
            NaiveDate::parse_from_str(name.get(..8)?, "%Y%m%d").ok()
        };
        Sessions {
            last: newest_in("assessments").max(newest_in("notes")),
            next: read_person_file(&person.dir)
                .ok()
                .and_then(|details| details.next_session),
        }
    }
}
