//! Runs the subcommands that look back at saved assessments: list, show,
//! compare and export.

use std::io::{self, Write};

use crate::content::Workbook;
use crate::store::Store;

use super::Command;
use super::list::list;
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
        Command::List { person } => list(store, workbook, person.as_deref(), out),
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
        } => {
            let destination = match file {
                Some(path) => Destination::File {
                    path,
                    force: *force,
                },
                None => Destination::Markdown,
            };
            match ids.as_slice() {
                [id] => show(store, workbook, id, person.as_deref(), destination, out),
                [a, b] => {
                    show_comparison(store, workbook, [a, b], person.as_deref(), destination, out)
                }
                _ => Err(anyhow::anyhow!(
                    "export takes one assessment id, or two to compare"
                )),
            }
        }
        Command::Content(_) | Command::Where => Err(anyhow::anyhow!(
            "`{command:?}` does not look back at saved assessments"
        )),
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
