use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::text::sanitize;

/// `handoff where`: the data folder, and whether anything is there yet.
pub fn where_data(root: &Path, out: &mut dyn Write) -> ExitCode {
    let exists = root.join("people").is_dir();
    let note = if exists { "" } else { " (nothing saved yet)" };
    match writeln!(out, "{}{note}", sanitize(&root.display().to_string())) {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::FAILURE,
    }
}
