use std::fs;
use std::io::{ErrorKind, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::store::kind_of;
use crate::text::sanitize;

/// `handoff where`: the data folder, and whether anything is there yet, or
/// what is wrong with it.
pub fn where_data(root: &Path, out: &mut dyn Write) -> ExitCode {
    let note = match state(root) {
        State::InUse => String::new(),
        State::Empty => " (nothing saved yet)".to_string(),
        State::Wrong(problem) => format!(" ({problem})"),
    };
    match writeln!(
        out,
        "{}{}",
        sanitize(&root.display().to_string()),
        sanitize(&note)
    ) {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::FAILURE,
    }
}

enum State {
    InUse,
    Empty,
    Wrong(String),
}

/// The data folder may be a link the person chose, so it is followed; its
/// `people` folder is not.
fn state(root: &Path) -> State {
    let cannot_read = |error: std::io::Error| State::Wrong(format!("cannot be read: {error}"));
    match fs::metadata(root) {
        Err(error) if error.kind() == ErrorKind::NotFound => return State::Empty,
        Err(error) => return cannot_read(error),
        Ok(meta) if !meta.is_dir() => {
            return State::Wrong(format!("is {}, not a folder", kind_of(meta.file_type())));
        }
        Ok(_) => {}
    }
    if let Err(error) = fs::read_dir(root) {
        return cannot_read(error);
    }
    match fs::symlink_metadata(root.join("people")) {
        Err(error) if error.kind() == ErrorKind::NotFound => State::Empty,
        Err(error) => cannot_read(error),
        Ok(meta) if meta.is_dir() => State::InUse,
        Ok(meta) => State::Wrong(format!(
            "its people folder is {}, which handoff will not use",
            kind_of(meta.file_type())
        )),
    }
}
