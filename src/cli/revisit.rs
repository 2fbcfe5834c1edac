//! Runs the subcommands that look back at saved assessments: list, show,
//! compare and export.

use std::io::{self, Write};

use crate::content::Workbook;
use crate::store::Store;

use super::Command;
use super::export::{Export, export};
use super::list::list;
use super::prepare::prepare;
use super::reports::{Destination, show, show_comparison};

/// Runs one of the revisiting subcommands. A closed pipe
/// (`handoff list | head`) is a normal end, not an error.
pub fn revisit(
    command: &Command,
    store: &Store,
    workbook: &Workbook,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let format = |markdown: bool| {
        if markdown {
            Destination::Markdown
        } else {
            Destination::Plain
        }
    };
    let result = match command {
        Command::List { person, archived } => {
            list(store, workbook, person.as_deref(), *archived, out)
        }
        Command::Show {
            id,
            markdown,
            person,
        } => show(
            store,
            workbook,
            id,
            person.as_deref(),
            format(*markdown),
            out,
        ),
        Command::Compare {
            id_a,
            id_b,
            markdown,
            person,
        } => show_comparison(
            store,
            workbook,
            [id_a, id_b],
            person.as_deref(),
            format(*markdown),
            out,
        ),
        Command::Export {
            ids,
            out: file,
            force,
            person,
            copy,
            format,
        } => export(
            store,
            workbook,
            &Export {
                ids,
                file: file.as_deref(),
                force: *force,
                person: person.as_deref(),
                copy: *copy,
                format: *format,
            },
            out,
        ),
        Command::Prepare { person } => prepare(store, workbook, person, out),
        Command::Content(_) | Command::Where | Command::Import { .. } | Command::Person(_) => Err(
            anyhow::anyhow!("`{command:?}` does not look back at saved assessments"),
        ),
    };
    match result.and_then(|()| Ok(out.flush()?)) {
        Err(error) if is_closed_pipe(&error) => Ok(()),
        other => other,
    }
}

fn is_closed_pipe(error: &anyhow::Error) -> bool {
    error
        .downcast_ref::<io::Error>()
        .is_some_and(|error| error.kind() == io::ErrorKind::BrokenPipe)
}
