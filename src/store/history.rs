//! A person's completed assessments, read only as far as they are shown.
//!
//! A file's name is its id, and ids sort by creation time, so one listing
//! of `assessments/` (names only, sorted) is the history's count and its
//! order. A file is parsed only when something shows it: the newest few on
//! the person's page, the rows on screen in the history, the newest points
//! of a trend. There is no cache to go stale and nothing to rebuild. An
//! `index.tsv` that an older handoff left in the person's folder is never
//! read.

use std::ffi::{OsStr, OsString};
use std::fs;
use std::io;
use std::ops::Range;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use crate::assessment::{Assessment, Scored, Trend, TrendColumn, section_scores};
use crate::content::{SectionKind, Workbook};

use super::error::StoreError;
use super::names::{Around, Gathering, Stretch};
use super::plain::folder_exists;
use super::read::read_completed;

/// What a history list shows of one completed assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    pub id: String,
    pub created: DateTime<FixedOffset>,
    pub completed: Option<DateTime<FixedOffset>>,
    /// Written by a newer handoff: it can be shown but not saved.
    pub read_only: bool,
    /// Headline percents in the workbook's section order; `None` where the
    /// section was not answered.
    pub scores: Vec<(SectionKind, Option<u8>)>,
}

impl Header {
    pub fn of(workbook: &Workbook, assessment: &Assessment, read_only: bool) -> Header {
        Header {
            id: assessment.id.clone(),
            created: assessment.created,
            completed: assessment.completed,
            read_only,
            scores: section_scores(workbook, assessment)
                .into_iter()
                .map(|score| (score.kind, score.percent))
                .collect(),
        }
    }

    pub fn percent(&self, kind: SectionKind) -> Option<u8> {
        self.scores
            .iter()
            .find(|(found, _)| *found == kind)
            .and_then(|(_, percent)| *percent)
    }

    /// The input a trend chart needs.
    pub fn into_scored(self) -> Scored {
        Scored {
            column: TrendColumn {
                id: self.id,
                created: self.created,
            },
            percents: self.scores,
        }
    }
}

/// One file of a person's history: its header, or why it cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HistoryEntry {
    Readable { path: PathBuf, header: Header },
    Unreadable { path: PathBuf, reason: String },
}

impl HistoryEntry {
    /// Reads the file at `path` as a list shows it. A file without an id
    /// or a completion date is no finished assessment, and says so.
    pub fn read(path: PathBuf, workbook: &Workbook) -> HistoryEntry {
        match read_completed(&path) {
            Ok(loaded) => HistoryEntry::Readable {
                header: Header::of(workbook, &loaded.assessment, loaded.read_only),
                path,
            },
            Err(error) => HistoryEntry::Unreadable {
                reason: error.to_string(),
                path,
            },
        }
    }

    pub fn path(&self) -> &Path {
        match self {
            HistoryEntry::Readable { path, .. } | HistoryEntry::Unreadable { path, .. } => path,
        }
    }

    pub fn header(&self) -> Option<&Header> {
        match self {
            HistoryEntry::Readable { header, .. } => Some(header),
            HistoryEntry::Unreadable { .. } => None,
        }
    }
}

/// Some of the file names of a person's `assessments/` folder, sorted (so
/// oldest first), and how many there are: one listing of the folder, no
/// file read. Position `at` is among all the files, oldest first; only the
/// stretch listed is held, so a history screen of ten thousand
/// assessments holds a few screens of names, not ten thousand.
#[derive(Debug)]
pub struct HistoryFiles {
    folder: PathBuf,
    names: Stretch,
    /// The folder cannot be listed (a link, say): the history is then one
    /// unreadable entry, `folder` being what was refused.
    refused: Option<String>,
}

impl HistoryFiles {
    /// Lists `assessments/` under `person_dir`, holding the names
    /// `around` picks (see [`Stretch::of`]). Nothing fails: a folder that
    /// cannot be listed is one unreadable entry naming it.
    pub fn list(
        person_dir: &Path,
        around: Around<'_>,
        before: usize,
        after: usize,
    ) -> HistoryFiles {
        let folder = person_dir.join("assessments");
        let mut names = Gathering::new(around, before, after);
        let listed = each_name(person_dir, &folder, |name| names.add(name));
        match listed {
            Ok(()) => HistoryFiles {
                names: names.finish(),
                folder,
                refused: None,
            },
            Err((path, reason)) => HistoryFiles {
                folder: path,
                names: Stretch::default(),
                refused: Some(reason),
            },
        }
    }

    /// How many files there are (a refused folder counts as one).
    pub fn len(&self) -> usize {
        if self.refused.is_some() {
            1
        } else {
            self.names.total
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The positions whose names are held.
    pub fn held(&self) -> Range<usize> {
        if self.refused.is_some() {
            0..1
        } else {
            self.names.held()
        }
    }

    /// Where the anchor of the listing falls (see [`Around`]).
    pub fn anchor(&self) -> usize {
        self.names.anchor
    }

    /// The name of the file at position `at`, if it is held.
    pub fn name(&self, at: usize) -> Option<&OsStr> {
        match self.refused {
            Some(_) => (at == 0).then(|| self.folder.as_os_str()),
            None => self.names.get(at),
        }
    }

    /// The file at position `at`, if it is held.
    pub fn path(&self, at: usize) -> Option<PathBuf> {
        if self.refused.is_some() {
            return (at == 0).then(|| self.folder.clone());
        }
        Some(self.folder.join(self.names.get(at)?))
    }

    /// The file at position `at` read as a list shows it, if it is held.
    pub fn entry(&self, at: usize, workbook: &Workbook) -> Option<HistoryEntry> {
        if let Some(reason) = &self.refused {
            return (at == 0).then(|| HistoryEntry::Unreadable {
                path: self.folder.clone(),
                reason: reason.clone(),
            });
        }
        Some(HistoryEntry::read(self.path(at)?, workbook))
    }

    /// The files at `range` read one by one as the iterator is walked, so
    /// a caller can show each as it comes; it stops where the names held
    /// end.
    pub fn entries<'a>(
        &'a self,
        range: Range<usize>,
        workbook: &'a Workbook,
    ) -> impl Iterator<Item = HistoryEntry> + 'a {
        range.map_while(move |at| self.entry(at, workbook))
    }
}

/// Each section's score over the newest `at_most` files of a person's
/// history, read newest first; the older ones are neither held nor read.
pub fn newest_trend(person_dir: &Path, workbook: &Workbook, at_most: usize) -> NewestTrend {
    let files = HistoryFiles::list(person_dir, Around::End, at_most, 0);
    let held = files.held();
    let mut unreadable = 0;
    let mut scored = Vec::with_capacity(held.len());
    for at in held.clone().rev() {
        match files.entry(at, workbook) {
            Some(HistoryEntry::Readable { header, .. }) => scored.push(header.into_scored()),
            _ => unreadable += 1,
        }
    }
    NewestTrend {
        trend: Trend::from_scored(workbook, scored),
        older: held.start,
        unreadable,
    }
}

/// The newest completed assessment older than `path` that can be read,
/// listing the folder a stretch at a time and reading from the newest
/// down: usually the file just before, read at once.
pub fn readable_before(person_dir: &Path, path: &Path, workbook: &Workbook) -> Option<PathBuf> {
    /// Names listed at a time; a listing is a few milliseconds at ten
    /// thousand files.
    const STRETCH: usize = 128;
    let mut before = path.file_name()?.to_os_string();
    loop {
        let files = HistoryFiles::list(person_dir, Around::Name(&before), STRETCH, 0);
        let held = files.held();
        for at in held.clone().rev().take_while(|at| *at < files.anchor()) {
            if let Some(HistoryEntry::Readable { path, .. }) = files.entry(at, workbook) {
                return Some(path);
            }
        }
        if held.is_empty() || held.start == 0 {
            return None;
        }
        before = files.name(held.start)?.to_os_string();
    }
}

/// A trend of a person's newest assessments, and what it leaves out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewestTrend {
    pub trend: Trend,
    /// Older files, not read.
    pub older: usize,
    /// Files among the newest that could not be read, so are not plotted.
    pub unreadable: usize,
}

/// How many files a person's history holds, and the newest few read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewestFiles {
    pub total: usize,
    /// Newest first.
    pub entries: Vec<HistoryEntry>,
}

/// The count of `assessments/` under `person_dir` and its newest `count`
/// files read, in one pass over the folder that keeps only those names:
/// what a person's page shows, at the same cost for ten thousand files as
/// for ten.
pub fn newest_files(person_dir: &Path, workbook: &Workbook, count: usize) -> NewestFiles {
    let files = HistoryFiles::list(person_dir, Around::End, count, 0);
    let held = files.held();
    NewestFiles {
        total: files.len(),
        entries: held
            .rev()
            .filter_map(|at| files.entry(at, workbook))
            .collect(),
    }
}

/// Hands `add` the name of every file of `folder` that belongs to the
/// history: visible (temporary files start with a dot) and `.toml`.
/// Every kind of entry counts (a link or a folder named `x.toml` is listed,
/// and reading it says what it is). A missing folder has no files. A
/// person's folder or `folder` that is a link, or a folder that cannot be
/// listed, is an error naming it, and is never read through.
fn each_name(
    person_dir: &Path,
    folder: &Path,
    mut add: impl FnMut(OsString),
) -> Result<(), (PathBuf, String)> {
    for checked in [person_dir, folder] {
        match folder_exists(checked) {
            Ok(true) => {}
            Ok(false) => return Ok(()),
            Err(error) => return Err((checked.to_path_buf(), error.to_string())),
        }
    }
    let refused = |cause: io::Error| {
        let error = StoreError::Io {
            path: folder.to_path_buf(),
            cause,
        };
        (folder.to_path_buf(), error.to_string())
    };
    for entry in fs::read_dir(folder).map_err(refused)? {
        let entry = entry.map_err(refused)?;
        let name = entry.file_name();
        let bytes = name.as_bytes();
        if !bytes.starts_with(b".") && bytes.ends_with(b".toml") {
            add(name);
        }
    }
    Ok(())
}
