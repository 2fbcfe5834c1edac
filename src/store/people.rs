//! The people's folders, listed without reading them: the People screen
//! reads a person's `person.toml` only when their row is drawn.

use std::ffi::OsStr;
use std::fs;
use std::ops::Range;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use super::error::{StoreError, Wanted};
use super::names::{Around, Gathering, Stretch};
use super::{Person, plain, read_person};

/// Some of the entries of `people/` that may be a person's folder, sorted
/// by folder name (which is the name's slug, so this is about
/// alphabetical), and how many there are; none of them read. Position
/// `at` is among all of them, in that order; only the stretch listed is
/// held.
#[derive(Debug, Default)]
pub struct PeopleFolders {
    dir: PathBuf,
    names: Stretch,
}

impl PeopleFolders {
    /// Lists `dir` (the data folder's `people/`, which must not be a link),
    /// holding the names `around` picks (see [`Stretch::of`]): folders, and
    /// links or other entries that sit where a folder would, to be
    /// reported. Plain files and hidden entries are no one's.
    pub fn list(
        dir: &Path,
        around: Around<'_>,
        before: usize,
        after: usize,
    ) -> Result<PeopleFolders, StoreError> {
        if !plain::folder_exists(dir)? {
            return Ok(PeopleFolders {
                dir: dir.to_path_buf(),
                names: Stretch::default(),
            });
        }
        let mut names = Gathering::new(around, before, after);
        for entry in fs::read_dir(dir)
            .map_err(StoreError::io(dir))?
            .filter_map(Result::ok)
        {
            let name = entry.file_name();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if name.as_bytes().starts_with(b".") || kind.is_file() {
                continue;
            }
            names.add(name);
        }
        Ok(PeopleFolders {
            dir: dir.to_path_buf(),
            names: names.finish(),
        })
    }

    /// The folder listed: `people/`.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn len(&self) -> usize {
        self.names.total
    }

    pub fn is_empty(&self) -> bool {
        self.names.total == 0
    }

    /// The positions whose names are held.
    pub fn held(&self) -> Range<usize> {
        self.names.held()
    }

    /// Where the anchor of the listing falls (see [`Around`]).
    pub fn anchor(&self) -> usize {
        self.names.anchor
    }

    /// The folder's name at position `at`, if it is held.
    pub fn name(&self, at: usize) -> Option<&OsStr> {
        self.names.get(at)
    }

    pub fn path(&self, at: usize) -> Option<PathBuf> {
        self.names.get(at).map(|name| self.dir.join(name))
    }

    /// The person whose folder is at `at`, read from their `person.toml`,
    /// or why there is none: a link where the folder should be is refused
    /// without being followed. What the entry is, is looked at now: it may
    /// have changed since the listing.
    pub fn read(&self, at: usize) -> Option<Result<Person, StoreError>> {
        let path = self.path(at)?;
        Some(match fs::symlink_metadata(&path) {
            // A link looks like a person's folder; say why it is not one.
            Ok(meta) if !meta.is_dir() => Err(StoreError::NotPlain {
                path,
                what: plain::kind_of(meta.file_type()),
                wanted: Wanted::Folder,
            }),
            Ok(_) => read_person(&path),
            Err(cause) => Err(StoreError::Io { path, cause }),
        })
    }
}
