//! Where assessments live on disk and how they get there safely.
//!
//! ```text
//! <data>/people/<slug>/person.toml              the display name, the next session
//! <data>/people/<slug>/drafts/<id>.toml         work in progress
//! <data>/people/<slug>/assessments/<id>.toml    completed assessments
//! <data>/people/<slug>/notes/<id>.toml          the coach's private notes
//! <data>/archive/<slug>/                        archived people
//! ```
//!
//! Folders are 0700 and files 0600. Every write is atomic. A file that
//! cannot be read is reported and left exactly as it is. This file holds
//! the store, people and listing; saving an assessment is in `saving.rs`.

mod amend;
mod atomic;
mod error;
mod history;
mod import;
mod lifecycle;
mod location;
mod lock;
mod name;
mod names;
mod notes;
mod people;
mod plain;
mod read;
mod saving;
mod version;

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::assessment::Assessment;
use crate::content::Workbook;

pub use atomic::{
    TEMP_PREFIX, TEMP_SUFFIX, WriteStep, create_private_dir, new_private_dir, with_folder,
    write_atomic, write_new,
};
pub use error::{StoreError, Wanted};
pub use history::{Header, HistoryEntry, HistoryFiles, NewestFiles, NewestTrend, readable_before};
pub use import::{TakeHome, check_take_home};
pub use lifecycle::Sessions;
pub use location::{DATA_DIR_ENV, resolve_data_dir};
pub use lock::{PersonLock, lock_person};
pub use name::{MAX_NAME_CHARS, clean_name, names_alike, slug};
pub use names::{Around, Stretch};
pub use notes::{CoachNote, NoteListed};
pub use people::PeopleFolders;
pub use plain::kind_of;
pub use read::{
    Loaded, MAX_FILE_BYTES, parse_assessment, read_assessment, read_completed, read_text,
};
pub use saving::{Completed, DraftSaved, to_toml};
pub use version::FileVersion;

/// A person whose assessments are kept, and the folder that holds them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub dir: PathBuf,
}

impl Person {
    /// The folder name, which is what subcommands accept besides the name.
    pub fn key(&self) -> String {
        self.dir
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default()
    }
}

#[derive(Serialize, Deserialize)]
struct PersonFile {
    name: String,
}

/// One file found in a person's history or drafts.
#[derive(Clone, Debug, PartialEq)]
pub enum Listed {
    Readable { path: PathBuf, loaded: Box<Loaded> },
    Unreadable { path: PathBuf, reason: String },
}

impl Listed {
    pub fn path(&self) -> &Path {
        match self {
            Listed::Readable { path, .. } | Listed::Unreadable { path, .. } => path,
        }
    }
}

/// People the store could not read, reported rather than hidden.
#[derive(Clone, Debug, PartialEq)]
pub struct PeopleListing {
    pub people: Vec<Person>,
    pub unreadable: Vec<(PathBuf, String)>,
}

#[derive(Clone, Debug)]
pub struct Store {
    root: PathBuf,
    fail_at: Option<WriteStep>,
    /// When set, `fail_at` applies only while this file exists.
    #[cfg(debug_assertions)]
    fail_while: Option<PathBuf>,
}

impl Store {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self {
            root: root.into(),
            fail_at: None,
            #[cfg(debug_assertions)]
            fail_while: None,
        }
    }

    /// A store whose saves fail at `step`, for proving that a failed save
    /// loses nothing: a seam for tests of the library, compiled into every
    /// build (the program never sets it; a save compares each step with
    /// `None`).
    pub fn failing_at(mut self, step: Option<WriteStep>) -> Self {
        self.fail_at = step;
        self
    }

    /// A store whose saves fail at `step` only while `trigger` exists, so a
    /// test can end the fault and see the next save succeed. Debug builds
    /// only: the program sets it from `HANDOFF_TEST_FAIL_SAVE`
    /// (`fault_injection`).
    #[cfg(debug_assertions)]
    pub fn failing_while(mut self, step: WriteStep, trigger: PathBuf) -> Self {
        self.fail_at = Some(step);
        self.fail_while = Some(trigger);
        self
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    fn people_dir(&self) -> PathBuf {
        self.root.join("people")
    }

    /// Everyone, each `person.toml` read: for the command line, which
    /// prints them all. The People screen lists [`Store::people_folders`].
    pub fn people(&self) -> Result<PeopleListing, StoreError> {
        let folders = self.people_folders(Around::Start, 0, usize::MAX)?;
        Ok(read_everyone(&folders))
    }

    /// How many people's folders there are, and the names of those
    /// `around` picks, sorted by folder name, none of them read.
    pub fn people_folders(
        &self,
        around: Around<'_>,
        before: usize,
        after: usize,
    ) -> Result<PeopleFolders, StoreError> {
        self.check_data_folder()?;
        PeopleFolders::list(&self.people_dir(), around, before, after)
    }

    /// The data folder, if it exists, is a folder (it may be a link to one:
    /// the person chose it). Otherwise every path inside it would fail with
    /// a reason about some path below it.
    fn check_data_folder(&self) -> Result<(), StoreError> {
        match fs::metadata(&self.root) {
            Ok(meta) if !meta.is_dir() => Err(StoreError::DataFolderNotAFolder {
                path: self.root.clone(),
                what: plain::kind_of(meta.file_type()),
            }),
            _ => Ok(()),
        }
    }

    /// Finds a person by display name or by folder name.
    pub fn find_person(&self, name_or_key: &str) -> Result<Option<Person>, StoreError> {
        let wanted = clean_name(name_or_key);
        let listing = self.people()?;
        Ok(listing
            .people
            .iter()
            .find(|person| Some(&person.name) == wanted.as_ref())
            .or_else(|| {
                listing
                    .people
                    .iter()
                    .find(|person| person.key() == name_or_key)
            })
            .cloned())
    }

    /// The person with this name, created if new. Names that slug alike get
    /// folders `name`, `name-2`, `name-3`, … so they never share a folder.
    pub fn add_person(&self, name: &str) -> Result<Person, StoreError> {
        let name = clean_name(name).ok_or(StoreError::EmptyName)?;
        if let Some(person) = self.find_person(&name)? {
            return Ok(person);
        }
        self.add_new_person(&name)
    }

    /// A new person with this name, in a folder of their own, for a caller
    /// that has already looked for the name among everyone (the People
    /// screen, which reads every name to point out one alike): looking
    /// again would read every `person.toml` a second time.
    pub fn add_new_person(&self, name: &str) -> Result<Person, StoreError> {
        let name = clean_name(name).ok_or(StoreError::EmptyName)?;
        let people = self.people_dir();
        plain::ensure_folder_within(&self.root, &people)?;
        let base = slug(&name);
        let mut number = 1;
        let dir = loop {
            let candidate = if number == 1 {
                people.join(&base)
            } else {
                people.join(format!("{base}-{number}"))
            };
            match new_private_dir(&candidate) {
                Ok(()) => break candidate,
                Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => number += 1,
                Err(error) => {
                    return Err(StoreError::Io {
                        path: candidate,
                        cause: error,
                    });
                }
            }
        };
        let text = toml::to_string(&PersonFile { name: name.clone() }).map_err(|error| {
            StoreError::Unreadable {
                path: dir.clone(),
                problem: error.to_string(),
            }
        })?;
        self.write(&dir.join("person.toml"), text.as_bytes())?;
        Ok(Person { name, dir })
    }

    pub fn drafts(&self, person: &Person) -> Vec<Listed> {
        list_folder(&person.dir.join("drafts"), read_assessment)
    }

    /// Completed assessments, oldest first (ids sort by creation time),
    /// each parsed in full. For a list, prefer [`Store::history_files`],
    /// which reads a file only when it is shown.
    pub fn history(&self, person: &Person) -> Vec<Listed> {
        list_folder(&person.dir.join("assessments"), read_completed)
    }

    /// How many completed assessments the person has, and the names of
    /// those `around` picks, sorted (so oldest first), none of them read:
    /// for a list that reads each file as its row is shown.
    pub fn history_files(
        &self,
        person: &Person,
        around: Around<'_>,
        before: usize,
        after: usize,
    ) -> HistoryFiles {
        HistoryFiles::list(&person.dir, around, before, after)
    }

    /// Each section's score over the person's newest `at_most` completed
    /// assessments, and how many older ones it leaves out (not read).
    pub fn newest_trend(
        &self,
        person: &Person,
        workbook: &Workbook,
        at_most: usize,
    ) -> NewestTrend {
        history::newest_trend(&person.dir, workbook, at_most)
    }

    /// How many completed assessments the person has, and the newest
    /// `count` read (unreadable ones with the reason), without holding
    /// every name: what the person's page shows.
    pub fn newest_history(
        &self,
        person: &Person,
        workbook: &Workbook,
        count: usize,
    ) -> NewestFiles {
        history::newest_files(&person.dir, workbook, count)
    }

    /// The person's newest `count` completed assessments that can be read,
    /// oldest first, each parsed in full: what preparing a session looks
    /// at. Only the newest files are read, however long the history.
    pub fn newest_completed(&self, person: &Person, count: usize) -> Vec<Assessment> {
        let files = self.history_files(person, Around::End, count, 0);
        files
            .held()
            .filter_map(|at| files.path(at))
            .filter_map(|path| read_completed(&path).ok())
            .filter(|loaded| !loaded.read_only)
            .map(|loaded| loaded.assessment)
            .collect()
    }

    pub fn draft_path(&self, person: &Person, id: &str) -> PathBuf {
        person.dir.join("drafts").join(file_name(id))
    }

    pub fn assessment_path(&self, person: &Person, id: &str) -> PathBuf {
        person.dir.join("assessments").join(file_name(id))
    }
}

fn file_name(id: &str) -> String {
    // Ids are generated by us, but a hand-edited file could carry anything;
    // the slug keeps the path inside the folder regardless.
    format!("{}.toml", slug(id))
}

/// Every person of a listing, read, sorted by name; the unreadable with
/// the reason.
fn read_everyone(folders: &PeopleFolders) -> PeopleListing {
    let mut listing = PeopleListing {
        people: Vec::new(),
        unreadable: Vec::new(),
    };
    for at in 0..folders.len() {
        match folders.read(at) {
            Some(Ok(person)) => listing.people.push(person),
            Some(Err(error)) => {
                let path = folders.path(at).unwrap_or_default();
                listing.unreadable.push((path, error.to_string()));
            }
            None => {}
        }
    }
    listing
        .people
        .sort_by_key(|person| person.name.to_lowercase());
    listing
}

fn read_person(dir: &Path) -> Result<Person, StoreError> {
    let path = dir.join("person.toml");
    let text = read_text(&path)?;
    let file: PersonFile = toml::from_str(&text).map_err(|error| StoreError::Unreadable {
        path: path.clone(),
        problem: read::describe(&text, &error),
    })?;
    let name = clean_name(&file.name).ok_or_else(|| StoreError::Unreadable {
        path,
        problem: "the name is empty".into(),
    })?;
    Ok(Person {
        name,
        dir: dir.to_path_buf(),
    })
}

/// Every `*.toml` file of a folder, parsed or reported. Hidden files
/// (including our temporary files) are skipped. A folder that is a link
/// (or not a folder at all) is reported as one unreadable entry, unread.
fn list_folder(dir: &Path, read: fn(&Path) -> Result<Loaded, StoreError>) -> Vec<Listed> {
    let paths = match list_names(dir) {
        Ok(paths) => paths,
        Err(error) => {
            return vec![Listed::Unreadable {
                path: dir.to_path_buf(),
                reason: error.to_string(),
            }];
        }
    };
    paths
        .into_iter()
        .map(|path| match read(&path) {
            Ok(loaded) => Listed::Readable {
                path,
                loaded: Box::new(loaded),
            },
            Err(error) => Listed::Unreadable {
                reason: error.to_string(),
                path,
            },
        })
        .collect()
}

/// The `*.toml` files of a folder, sorted, hidden ones (our temporary
/// files among them) left out; none if the folder is missing. A folder
/// that is a link, or not a folder, is an error naming it.
fn list_names(dir: &Path) -> Result<Vec<PathBuf>, StoreError> {
    if !plain::folder_exists(dir)? {
        return Ok(Vec::new());
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return Ok(Vec::new());
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|entry| {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            !name.starts_with('.') && name.ends_with(".toml")
        })
        .map(|entry| entry.path())
        .collect();
    paths.sort();
    Ok(paths)
}
