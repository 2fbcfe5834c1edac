//! One writer per person. Two handoff windows on the same person would
//! overwrite each other's drafts; the second one is told instead.
//!
//! The lock is an OS file lock, so the kernel releases it when the holder
//! exits in any way, SIGKILL included: it can never stay stuck. Taking it
//! also clears what saves killed mid-way left behind, since while it is
//! held no one else is saving there.
//!
//! The lock file is opened without following a link and without waiting:
//! a `.lock` that is a link or a FIFO is refused by path rather than
//! chmod-ed, created outside the data folder, or left to block the program.

use std::fs::{File, OpenOptions, Permissions, TryLockError};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};

use super::atomic::remove_leftovers;
use super::plain::{folder_exists, open_plain_file};
use super::{Person, StoreError};

#[derive(Debug)]
pub struct PersonLock {
    _file: File,
}

/// Takes the person's lock, or says plainly that another window has it.
pub fn lock_person(person: &Person) -> Result<PersonLock, StoreError> {
    if !folder_exists(&person.dir)? {
        return Err(StoreError::Io {
            path: person.dir.clone(),
            cause: std::io::ErrorKind::NotFound.into(),
        });
    }
    let path = person.dir.join(".lock");
    let file = open_plain_file(
        &path,
        OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .mode(0o600),
    )?;
    // On the open file, never on the path: a path could be a link by now.
    file.set_permissions(Permissions::from_mode(0o600))
        .map_err(StoreError::io(&path))?;
    match file.try_lock() {
        Ok(()) => {
            for folder in ["drafts", "assessments"] {
                remove_leftovers(&person.dir.join(folder));
            }
            Ok(PersonLock { _file: file })
        }
        Err(TryLockError::WouldBlock) => Err(StoreError::Busy {
            name: person.name.clone(),
        }),
        Err(TryLockError::Error(error)) => Err(StoreError::Io { path, cause: error }),
    }
}
