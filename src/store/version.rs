//! Which version of a file handoff last read or wrote, so that a save can
//! tell when another program changed the file in between and refuse to
//! overwrite it.
//!
//! A version is the file's size, modification and change times, inode and
//! device: an atomic save by anyone gives a new inode, an edit in place a
//! new change time, so no write by another program goes unnoticed. (The
//! history index keeps a similar stamp for a different purpose: knowing when
//! its cache is stale.)

use std::fs;
use std::io;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileVersion {
    size: u64,
    modified: (i64, i64),
    changed: (i64, i64),
    inode: u64,
    device: u64,
}

impl FileVersion {
    pub fn of(meta: &fs::Metadata) -> FileVersion {
        FileVersion {
            size: meta.len(),
            modified: (meta.mtime(), meta.mtime_nsec()),
            changed: (meta.ctime(), meta.ctime_nsec()),
            inode: meta.ino(),
            device: meta.dev(),
        }
    }

    /// The version now on disk, or `None` when there is no file.
    pub fn on_disk(path: &Path) -> io::Result<Option<FileVersion>> {
        match fs::symlink_metadata(path) {
            Ok(meta) => Ok(Some(FileVersion::of(&meta))),
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(error),
        }
    }
}
