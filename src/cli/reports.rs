//! `handoff show`, `compare` and `export`: one assessment or two compared,
//! as plain text on the terminal or as Markdown to send.

use std::io::Write;
use std::path::Path;

use anyhow::bail;

use crate::assessment::{Comparison, chronological, compare};
use crate::content::Workbook;
use crate::report::{assessment_report, comparison_report};
use crate::store::{Person, Store};
use crate::text::sanitize_line;

use super::lookup;
use super::out::write_report;

/// How a report leaves the program.
pub enum Destination<'a> {
    Plain,
    Markdown,
    File { path: &'a Path, force: bool },
}

pub fn show(
    store: &Store,
    workbook: &Workbook,
    id: &str,
    person: Option<&str>,
    destination: Destination<'_>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let within = within(store, person)?;
    let found = lookup::assessment(store, id, within.as_ref())?;
    emit(assessment_report(workbook, &found), destination, out)
}

pub fn show_comparison(
    store: &Store,
    workbook: &Workbook,
    ids: [&str; 2],
    person: Option<&str>,
    destination: Destination<'_>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let comparison = comparison(store, workbook, ids, person)?;
    emit(comparison_report(workbook, &comparison), destination, out)
}

fn comparison(
    store: &Store,
    workbook: &Workbook,
    [a, b]: [&str; 2],
    person: Option<&str>,
) -> anyhow::Result<Comparison> {
    if a == b {
        bail!(
            "give two different assessment ids to compare (both were “{}”)",
            sanitize_line(a)
        );
    }
    let within = within(store, person)?;
    let first = lookup::assessment(store, a, within.as_ref())?;
    let second = lookup::assessment(store, b, within.as_ref())?;
    // Before and after follow the dates, whichever order the ids came in.
    let (earlier, later) = chronological(&first, &second);
    Ok(compare(workbook, earlier, later))
}

fn within(store: &Store, person: Option<&str>) -> anyhow::Result<Option<Person>> {
    person.map(|name| lookup::person(store, name)).transpose()
}

fn emit(
    document: crate::report::Document,
    destination: Destination<'_>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    match destination {
        Destination::Plain => out.write_all(document.plain().as_bytes())?,
        Destination::Markdown => out.write_all(document.markdown().as_bytes())?,
        Destination::File { path, force } => {
            write_report(path, &document.markdown(), force)?;
            writeln!(
                out,
                "Saved the report to {}.",
                sanitize_line(&path.display().to_string())
            )?;
        }
    }
    Ok(())
}
