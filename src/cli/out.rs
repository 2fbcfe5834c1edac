//! Writing a report to a file the person named: atomically, private
//! (0600), and never over an existing file unless asked to.

use std::io;
use std::path::Path;

use anyhow::Context;

use crate::store::{with_folder, write_atomic, write_new};
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
