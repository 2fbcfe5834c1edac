//! Saves that can never leave a half-written file: write a temporary file in
//! the same folder, flush it to disk, rename it over the target, then flush
//! the folder so the rename itself survives a power cut.

use std::fs::{self, Permissions};
use std::io::{self, Write};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::Path;

/// The steps of a save, named so tests can make any one of them fail and
/// check that the previous file survives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WriteStep {
    Create,
    Write,
    Sync,
    Rename,
    SyncFolder,
}

impl WriteStep {
    pub const ALL: [WriteStep; 5] = [
        WriteStep::Create,
        WriteStep::Write,
        WriteStep::Sync,
        WriteStep::Rename,
        WriteStep::SyncFolder,
    ];
}

/// Temporary files start with a dot and end in `.tmp`, so a listing that
/// reads only `*.toml` files never mistakes a leftover for an assessment.
pub const TEMP_PREFIX: &str = ".handoff-";
pub const TEMP_SUFFIX: &str = ".tmp";

pub fn write_atomic(path: &Path, bytes: &[u8], fail_at: Option<WriteStep>) -> io::Result<()> {
    let injected = |step| injected(fail_at, step);
    let folder = path
        .parent()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "path has no folder"))?;

    injected(WriteStep::Create)?;
    // Dropping the temporary file on any early return deletes it.
    let mut temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .rand_bytes(TEMP_RANDOM_CHARS)
        .permissions(Permissions::from_mode(0o600))
        .tempfile_in(folder)?;
    // Permissions given at creation are masked by the umask; set them again
    // so the file is 0600 whatever the umask is.
    temp.as_file()
        .set_permissions(Permissions::from_mode(0o600))?;

    injected(WriteStep::Write)?;
    temp.write_all(bytes)?;
    temp.flush()?;

    injected(WriteStep::Sync)?;
    temp.as_file().sync_all()?;

    injected(WriteStep::Rename)?;
    temp.persist(path).map_err(|error| error.error)?;

    // Until the folder is flushed, a power cut can undo the rename and
    // leave the previous version, complete.
    injected(WriteStep::SyncFolder)?;
    // Only ever a folder: a FIFO swapped in its place is refused at once
    // rather than waited on.
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_DIRECTORY)
        .open(folder)?
        .sync_all()
}

/// `report.md` has an empty parent; the temporary file must still go in
/// the same folder as the target for the rename to be atomic.
pub fn with_folder(path: &Path) -> std::path::PathBuf {
    match path.parent() {
        Some(parent) if parent.as_os_str().is_empty() => Path::new(".").join(path),
        _ => path.to_path_buf(),
    }
}

/// Like [`write_atomic`], but the last step links rather than renames, so
/// a file that is there, or appears in the meantime, is never replaced:
/// that is an `AlreadyExists` error.
pub fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let folder = path
        .parent()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "path has no folder"))?;
    if path.symlink_metadata().is_ok() {
        return Err(io::Error::from(io::ErrorKind::AlreadyExists));
    }
    let mut temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .rand_bytes(TEMP_RANDOM_CHARS)
        .permissions(Permissions::from_mode(0o600))
        .tempfile_in(folder)?;
    temp.as_file()
        .set_permissions(Permissions::from_mode(0o600))?;
    temp.write_all(bytes)?;
    temp.flush()?;
    temp.as_file().sync_all()?;
    temp.persist_noclobber(path).map_err(|error| error.error)?;
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_DIRECTORY)
        .open(folder)?
        .sync_all()
}

fn injected(fail_at: Option<WriteStep>, step: WriteStep) -> io::Result<()> {
    if fail_at == Some(step) {
        Err(io::Error::other(format!("injected failure at {step:?}")))
    } else {
        Ok(())
    }
}

/// Removes the temporary files of saves whose process died mid-way (a
/// SIGKILL, a power cut). They are hidden from every listing and never
/// hold anything the target file lacks, but they pile up. Only for a folder
/// no one else is saving into: the caller holds the person's lock.
///
/// Only inside a real folder (a linked one may be anyone's), and only
/// regular files named exactly as handoff names them: a stranger's file
/// that merely looks alike is left where it is.
pub fn remove_leftovers(folder: &Path) {
    if !fs::symlink_metadata(folder).is_ok_and(|meta| meta.is_dir()) {
        return;
    }
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let is_file = entry.file_type().is_ok_and(|kind| kind.is_file());
        if is_file && is_temp_name(&entry.file_name().to_string_lossy()) {
            // Best effort: a leftover that cannot be removed is harmless.
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// How many random characters the temporary files' names carry, so that
/// [`remove_leftovers`] can tell handoff's own from look-alikes.
const TEMP_RANDOM_CHARS: usize = 6;

/// `.handoff-XXXXXX.tmp`, the X's letters or digits: a name handoff made.
fn is_temp_name(name: &str) -> bool {
    name.strip_prefix(TEMP_PREFIX)
        .and_then(|rest| rest.strip_suffix(TEMP_SUFFIX))
        .is_some_and(|random| {
            random.len() == TEMP_RANDOM_CHARS
                && random.bytes().all(|byte| byte.is_ascii_alphanumeric())
        })
}

/// Creates a folder (and any missing parents) readable by its owner only,
/// whatever the umask.
pub fn create_private_dir(path: &Path) -> io::Result<()> {
    if path.is_dir() {
        return Ok(());
    }
    if let Some(parent) = path.parent()
        && !parent.as_os_str().is_empty()
    {
        create_private_dir(parent)?;
    }
    match new_private_dir(path) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists && path.is_dir() => Ok(()),
        Err(error) => Err(error),
    }
}

/// Creates one folder that is never, even for a moment, open to others:
/// made 0700 (the umask can only take bits away), then set to 0700 again
/// in case the umask took the owner's own bits.
pub fn new_private_dir(path: &Path) -> io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    fs::DirBuilder::new().mode(0o700).create(path)?;
    fs::set_permissions(path, Permissions::from_mode(0o700))
}
