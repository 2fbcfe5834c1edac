//! Writing a report to a file the person named: atomically, private
//! (0600), and never over an existing file unless asked to.

use std::fs::{File, Permissions};
use std::io::{self, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::store::{TEMP_PREFIX, TEMP_SUFFIX, write_atomic};
use crate::text::sanitize_line;

pub fn write_report(path: &Path, text: &str, force: bool) -> anyhow::Result<()> {
    let path = with_folder(path);
    let shown = sanitize_line(&path.display().to_string());
    let written = if force {
        write_atomic(&path, text.as_bytes(), None)
    } else {
        write_new(&path, text.as_bytes())
    };
    match written {
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {
            anyhow::bail!("{shown} already exists; pass --force to replace it")
        }
        result => result.with_context(|| format!("cannot write {shown}")),
    }
}

/// `report.md` has an empty parent; the temporary file must still go in
/// the same folder as the target for the rename to be atomic.
fn with_folder(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if parent.as_os_str().is_empty() => Path::new(".").join(path),
        _ => path.to_path_buf(),
    }
}

/// Like the store's atomic write, but the final step links rather than
/// renames, so a file that appears in the meantime is never replaced.
fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let folder = path
        .parent()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "path has no folder"))?;
    if path.symlink_metadata().is_ok() {
        return Err(io::Error::from(io::ErrorKind::AlreadyExists));
    }
    let mut temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(folder)?;
    // Set after creation: permissions given at creation are masked by the
    // umask.
    temp.as_file()
        .set_permissions(Permissions::from_mode(0o600))?;
    temp.write_all(bytes)?;
    temp.flush()?;
    temp.as_file().sync_all()?;
    temp.persist_noclobber(path).map_err(|error| error.error)?;
    File::open(folder)?.sync_all()
}
