//! `handoff export`: a report to send (a client copy or a coach copy,
//! always named), or one assessment as a file for `handoff import` on
//! another machine.

use std::io::Write;
use std::path::Path;

use anyhow::bail;

use crate::assessment::{chronological, compare};
use crate::content::Workbook;
use crate::report::{Copy, assessment_report, comparison_report, for_copy};
use crate::store::{CoachNote, NoteListed, Person, Store, to_toml};
use crate::text::sanitize_line;

use super::out::write_report;
use super::{CopyArg, FormatArg, lookup};

/// What `export` was asked for.
pub struct Export<'a> {
    pub ids: &'a [String],
    pub file: Option<&'a Path>,
    pub force: bool,
    pub person: Option<&'a str>,
    pub copy: CopyArg,
    pub format: FormatArg,
}

pub fn export(
    store: &Store,
    workbook: &Workbook,
    asked: &Export<'_>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let copy = match asked.copy {
        CopyArg::Client => Copy::Client,
        CopyArg::Coach => Copy::Coach,
    };
    let within = asked
        .person
        .map(|name| lookup::person(store, name))
        .transpose()?;
    let (text, what) = match (asked.format, asked.ids) {
        (FormatArg::Toml, [id]) => {
            if copy == Copy::Coach {
                bail!(
                    "an assessment file is always a client copy: coach notes never travel in one (leave out --copy coach)"
                );
            }
            let (_, assessment) = lookup::assessment_of(store, id, within.as_ref())?;
            if !assessment.is_complete() {
                bail!(
                    "“{}” is a draft; complete it (c on the summary) before sending it",
                    sanitize_line(id)
                );
            }
            let text = to_toml(&assessment).map_err(anyhow::Error::msg)?;
            (text, "assessment file")
        }
        (FormatArg::Toml, _) => bail!("--format toml writes one assessment; give one id"),
        (FormatArg::Markdown, [id]) => {
            let (person, assessment) = lookup::assessment_of(store, id, within.as_ref())?;
            let report = assessment_report(workbook, &assessment);
            let notes = notes_for(store, copy, &person)?;
            (for_copy(report, copy, &notes).markdown(), copy.words())
        }
        (FormatArg::Markdown, [a, b]) => {
            if a == b {
                bail!(
                    "give two different assessment ids to compare (both were “{}”)",
                    sanitize_line(a)
                );
            }
            let (first_person, first) = lookup::assessment_of(store, a, within.as_ref())?;
            let (second_person, second) = lookup::assessment_of(store, b, within.as_ref())?;
            if copy == Copy::Coach && first_person.dir != second_person.dir {
                bail!(
                    "these two assessments are two people's; a coach copy carries one person's notes, so export a client copy or compare one person's assessments"
                );
            }
            let (earlier, later) = chronological(&first, &second);
            let report = comparison_report(workbook, &compare(workbook, earlier, later));
            let notes = notes_for(store, copy, &first_person)?;
            (for_copy(report, copy, &notes).markdown(), copy.words())
        }
        _ => bail!("export takes one assessment id, or two to compare"),
    };
    match asked.file {
        Some(path) => {
            write_report(path, &text, asked.force)?;
            writeln!(
                out,
                "Saved the {what} to {}.",
                sanitize_line(&path.display().to_string())
            )?;
        }
        None => out.write_all(text.as_bytes())?,
    }
    Ok(())
}

/// The person's coach notes for a coach copy, newest first; none for a
/// client copy, which never reads them. A note that cannot be read stops
/// the export: a coach copy missing a note would look complete.
fn notes_for(store: &Store, copy: Copy, person: &Person) -> anyhow::Result<Vec<CoachNote>> {
    if copy == Copy::Client {
        return Ok(Vec::new());
    }
    store
        .notes(person)
        .into_iter()
        .map(|listed| match listed {
            NoteListed::Readable { note, .. } => Ok(note),
            NoteListed::Unreadable { path, reason } => bail!(
                "cannot make a coach copy: a coach note cannot be read ({}; {})",
                sanitize_line(&path.display().to_string()),
                sanitize_line(&reason)
            ),
        })
        .collect()
}
