//! Nothing handoff opens inside the data folder is followed out of it: no
//! symlinked lock, draft or folder, no FIFO that can block. Anything that
//! is not a plain file or folder is refused by path.
//!
//! Each check looks at the entry itself (`lstat`), and every open adds
//! `O_NOFOLLOW` and `O_NONBLOCK` and checks what it opened (`fstat`), so
//! an entry swapped between the check and the open is refused too. The data
//! folder itself may be a link the person chose; only what is inside it is
//! held to this.

use std::fs::{self, File, FileType, OpenOptions};
use std::io;
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;

use super::atomic::new_private_dir;
use super::error::{StoreError, Wanted};

/// What an entry is, in the words an error uses.
pub fn kind_of(kind: FileType) -> &'static str {
    if kind.is_symlink() {
        "a symbolic link"
    } else if kind.is_dir() {
        "a folder"
    } else if kind.is_file() {
        "a file"
    } else if kind.is_fifo() {
        "a FIFO (named pipe)"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_block_device() || kind.is_char_device() {
        "a device"
    } else {
        "not a plain file or folder"
    }
}

fn refused(path: &Path, kind: FileType, wanted: Wanted) -> StoreError {
    StoreError::NotPlain {
        path: path.to_path_buf(),
        what: kind_of(kind),
        wanted,
    }
}

/// Whether `path` is a real folder (`true`) or nothing at all (`false`).
/// A link, a file or anything else in its place is an error naming it.
pub fn folder_exists(path: &Path) -> Result<bool, StoreError> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => Ok(true),
        Ok(meta) => Err(refused(path, meta.file_type(), Wanted::Folder)),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(error) => Err(StoreError::Io {
            path: path.to_path_buf(),
            cause: error,
        }),
    }
}

/// Makes sure every folder from `root` (exclusive) down to `folder` is a
/// real folder, creating the missing ones private (0700). `root` itself is
/// created if missing but may be a link. A `folder` outside `root` is
/// refused rather than created.
pub fn ensure_folder_within(root: &Path, folder: &Path) -> Result<(), StoreError> {
    let inside = folder.strip_prefix(root).map_err(|_| StoreError::Io {
        path: folder.to_path_buf(),
        cause: io::Error::new(io::ErrorKind::InvalidInput, "not inside the data folder"),
    })?;
    super::atomic::create_private_dir(root).map_err(StoreError::io(root))?;
    let mut path = root.to_path_buf();
    for part in inside.components() {
        path.push(part);
        if folder_exists(&path)? {
            continue;
        }
        match new_private_dir(&path) {
            Ok(()) => {}
            // Made by someone else meanwhile: fine if it is a real folder.
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {
                folder_exists(&path)?;
            }
            Err(error) => {
                return Err(StoreError::Io {
                    path: path.clone(),
                    cause: error,
                });
            }
        }
    }
    Ok(())
}

/// Opens a plain file with `options`, never through a link and never
/// waiting on a FIFO: anything else there is refused by path. When
/// `options` create the file, a dangling link is refused, not followed.
pub fn open_plain_file(path: &Path, options: &mut OpenOptions) -> Result<File, StoreError> {
    // Looked at first so that a device or FIFO is never opened at all;
    // [`open_checked`] catches what is swapped in between.
    match fs::symlink_metadata(path) {
        Ok(meta) if !meta.is_file() => Err(refused(path, meta.file_type(), Wanted::File)),
        _ => open_checked(path, options).map(|(file, _)| file),
    }
}

/// [`open_plain_file`] for a caller that has just looked at the entry
/// itself (`lstat`) and found a regular file: one `lstat` fewer per file,
/// which a long history lists by the thousand. The open file's metadata
/// comes with it, so it need not be asked for again.
pub fn open_checked(
    path: &Path,
    options: &mut OpenOptions,
) -> Result<(File, fs::Metadata), StoreError> {
    let file = options
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)
        .map_err(|error| match fs::symlink_metadata(path) {
            Ok(meta) if !meta.is_file() => refused(path, meta.file_type(), Wanted::File),
            _ => StoreError::Io {
                path: path.to_path_buf(),
                cause: error,
            },
        })?;
    let meta = file.metadata().map_err(StoreError::io(path))?;
    if !meta.is_file() {
        return Err(refused(path, meta.file_type(), Wanted::File));
    }
    Ok((file, meta))
}
