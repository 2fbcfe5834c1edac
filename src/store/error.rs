use std::path::PathBuf;

use crate::assessment::SCHEMA_VERSION;

/// A problem with the data folder, always naming the file involved.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The reason is part of the message and not also given as the error's
    /// source, so a chain of causes (`{:#}`) says it once.
    #[error("{}: {cause}", path.display())]
    Io {
        path: PathBuf,
        cause: std::io::Error,
    },
    #[error(
        "{} is {what}; handoff only uses plain {wanted} inside its data folder. Move it away and try again.",
        path.display()
    )]
    NotPlain {
        path: PathBuf,
        what: &'static str,
        wanted: Wanted,
    },
    #[error(
        "{} is {what}, not a folder; handoff keeps its data in a folder (choose another with --data-dir or HANDOFF_DATA_DIR)",
        path.display()
    )]
    DataFolderNotAFolder { path: PathBuf, what: &'static str },
    #[error("{}: {problem}", path.display())]
    Unreadable { path: PathBuf, problem: String },
    #[error(
        "{}: written by a newer handoff (format {found}; this one knows format {SCHEMA_VERSION}), so it is read-only here",
        path.display()
    )]
    Newer { path: PathBuf, found: u32 },
    #[error("{}: already exists; handoff never overwrites a finished assessment", path.display())]
    Exists { path: PathBuf },
    #[error(
        "{name}'s workbook is open in another handoff window; finish there first (this one can still read the cards)"
    )]
    Busy { name: String },
    #[error(
        "{}: changed by another program since handoff read it, so handoff left it as it is",
        path.display()
    )]
    ChangedOnDisk { path: PathBuf },
    #[error(
        "someone is already called “{}”; choose a name that tells them apart",
        crate::text::sanitize_line(name)
    )]
    NameTaken { name: String },
    #[error("{}: {problem}", path.display())]
    Refused { path: PathBuf, problem: String },
    #[error("a name needs at least one visible character")]
    EmptyName,
}

impl StoreError {
    pub fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> StoreError {
        let path = path.into();
        move |cause| StoreError::Io { path, cause }
    }
}

/// What was expected where something else was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wanted {
    File,
    Folder,
}

impl std::fmt::Display for Wanted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Wanted::File => "files",
            Wanted::Folder => "folders",
        })
    }
}
