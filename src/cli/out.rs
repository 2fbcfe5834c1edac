//! Writing a report to a file the person named: atomically, private
//! (0600), and never over an existing file unless asked to.

use std::io;
use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::store::{write_atomic, write_new};
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
