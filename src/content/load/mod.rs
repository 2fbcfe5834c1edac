//! Turns content files into a [`Workbook`], or into a list of every problem
//! found, each naming its file, line and item.
//!
//! One job a file: [`read`] reads the files, [`parse`] parses their TOML and
//! merges it, [`items`] checks the item lists and the links between them,
//! [`workbook`] builds the sections, the gap and the modes, and [`check`]
//! holds the error list and the checks all of them share.

mod check;
mod items;
mod parse;
mod read;
mod workbook;

use std::path::Path;

use super::error::ContentErrors;
use super::model::Workbook;
use check::{Checker, file_error};
use read::builtin_sources;

pub use read::{ContentSource, read_dir_sources};

/// The workbook compiled into the binary.
pub fn load_builtin() -> Result<Workbook, ContentErrors> {
    load(&builtin_sources())
}

/// Checks a folder the way `handoff content check` does: a folder with a
/// `[workbook]` table is a whole workbook; any other folder extends the
/// built-in one.
pub fn check_dir(dir: &Path) -> Result<Workbook, ContentErrors> {
    let own = read_dir_sources(dir)?;
    if own.is_empty() {
        return Err(ContentErrors(vec![file_error(
            &dir.display().to_string(),
            "holds no .toml files",
        )]));
    }
    let standalone = own.iter().any(|source| declares_workbook(&source.text));
    if standalone {
        load(&own)
    } else {
        let mut all = builtin_sources();
        all.extend(own);
        load(&all)
    }
}

fn declares_workbook(text: &str) -> bool {
    text.parse::<toml::Table>()
        .map(|table| table.contains_key("workbook"))
        .unwrap_or(false)
}

/// Parses, merges and validates a set of content files.
pub fn load(sources: &[ContentSource]) -> Result<Workbook, ContentErrors> {
    let mut checker = Checker::default();
    let parsed = parse::parse(sources, &mut checker);
    let newlines = parse::newlines(sources);
    let merged = checker.merge(sources, &newlines, &parsed);
    let workbook = checker.build(merged);
    match workbook {
        Some(workbook) if checker.errors.is_empty() => Ok(workbook),
        _ => Err(ContentErrors(checker.errors)),
    }
}
