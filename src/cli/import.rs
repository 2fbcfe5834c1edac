//! `handoff import FILE`: file a take-home assessment under a person, after
//! saying what it adds and to whom. Every check runs before anything is
//! written, so a refusal leaves the data folder exactly as it was.

use std::io::Write;
use std::path::Path;

use anyhow::bail;

use crate::content::Workbook;
use crate::store::{Person, Store, check_take_home, clean_name, names_alike};
use crate::text::sanitize_line;

use super::confirm::{Answer, ask};

pub struct Import<'a> {
    pub file: &'a Path,
    pub person: Option<&'a str>,
    pub yes: bool,
}

pub fn import(
    store: &Store,
    workbook: &Workbook,
    asked: &Import<'_>,
    input: Answer<'_>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let take_home = check_take_home(asked.file, workbook)?;
    let assessment = &take_home.assessment;
    let wanted = asked.person.unwrap_or(&assessment.person);
    let Some(name) = clean_name(wanted) else {
        bail!(
            "{} names no one; add --person NAME to say whose it is",
            shown(asked.file)
        );
    };
    let existing = store.find_person(&name)?;
    if let Some(person) = &existing
        && store.has_assessment(person, &assessment.id)
    {
        bail!(
            "{} already has an assessment with id {}; handoff never replaces one, so nothing was added",
            sanitize_line(&person.name),
            assessment.id
        );
    }
    writeln!(out, "From {}:", shown(asked.file))?;
    writeln!(
        out,
        "  the assessment {}, completed {}, content version {}",
        assessment.id,
        assessment
            .completed
            .map(|done| done.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        sanitize_line(&assessment.content_version)
    )?;
    match &existing {
        Some(person) => writeln!(out, "  added to {}'s history", sanitize_line(&person.name))?,
        None => writeln!(out, "  added for {}, someone new", sanitize_line(&name))?,
    }
    if assessment.content_version != workbook.version {
        writeln!(
            out,
            "  Note: it was filled in with content version {}; this workbook is {}.",
            sanitize_line(&assessment.content_version),
            sanitize_line(&workbook.version)
        )?;
    }
    if !take_home.unknown_ids.is_empty() {
        writeln!(
            out,
            "  Note: answers to items this workbook does not have are kept but not shown: {}",
            sanitize_line(&take_home.unknown_ids.join(", "))
        )?;
    }
    if existing.is_none() {
        alike_warning(store, &name, out)?;
    }
    if !asked.yes && !ask("Add it?", input, out)? {
        bail!("nothing was added");
    }
    let person: Person = match existing {
        Some(person) => person,
        None => store.add_new_person(&name)?,
    };
    let path = store.file_take_home(&person, &take_home)?;
    writeln!(
        out,
        "Added {} to {}'s history ({}).",
        assessment.id,
        sanitize_line(&person.name),
        shown(&path)
    )?;
    Ok(())
}

/// Points out someone on file whose name differs only in case, accents or
/// punctuation: likely the same person, typed another way.
fn alike_warning(store: &Store, name: &str, out: &mut dyn Write) -> anyhow::Result<()> {
    let alike: Vec<String> = store
        .people()?
        .people
        .iter()
        .filter(|person| names_alike(&person.name, name))
        .map(|person| format!("“{}”", sanitize_line(&person.name)))
        .collect();
    if !alike.is_empty() {
        writeln!(
            out,
            "  Careful: {} already on file with a name like this. If it is the same person, file it under them instead: --person and the name as shown.",
            alike.join(", ")
        )?;
    }
    Ok(())
}

fn shown(path: &Path) -> String {
    sanitize_line(&path.display().to_string())
}
