//! Finding what a subcommand names: a person by name or folder, an
//! assessment by id across everyone's history and drafts. Every miss is an
//! error that says what was looked for and where.

use std::path::PathBuf;

use anyhow::{Context, bail};

use crate::assessment::Assessment;
use crate::store::{Person, Store, read_assessment, read_completed, slug};
use crate::text::sanitize_line;

pub fn person(store: &Store, name: &str) -> anyhow::Result<Person> {
    if let Some(person) = store.find_person(name)? {
        return Ok(person);
    }
    let names: Vec<String> = store
        .people()?
        .people
        .iter()
        .map(|person| sanitize_line(&person.name))
        .collect();
    let known = if names.is_empty() {
        format!(
            "nobody is saved in {} yet",
            sanitize_line(&store.root().display().to_string())
        )
    } else {
        format!("people here: {}", names.join(", "))
    };
    bail!("no person called “{}” ({known})", sanitize_line(name))
}

/// The assessment with this id, completed or draft, of `within` or of
/// anyone. A completed file wins over a leftover draft of the same id.
pub fn assessment(store: &Store, id: &str, within: Option<&Person>) -> anyhow::Result<Assessment> {
    // Ids are file stems; anything a slug would change cannot name a file
    // of ours, and must never become a path.
    if id.is_empty() || slug(id) != id {
        bail!(
            "“{}” is not an assessment id (ids look like 20261123-093000-beef; `handoff list --person NAME` shows them)",
            sanitize_line(id)
        );
    }
    let people = match within {
        Some(person) => vec![person.clone()],
        None => store.people()?.people,
    };
    let mut matches: Vec<(Person, PathBuf)> = people
        .into_iter()
        .filter_map(|person| {
            let path = [
                store.assessment_path(&person, id),
                store.draft_path(&person, id),
            ]
            .into_iter()
            .find(|path| path.symlink_metadata().is_ok())?;
            Some((person, path))
        })
        .collect();
    let (person, path) = match matches.len() {
        0 => bail!("no assessment with id “{id}” {}", scope(store, within)),
        1 => matches.remove(0),
        _ => {
            let names: Vec<String> = matches
                .iter()
                .map(|(person, _)| sanitize_line(&person.name))
                .collect();
            bail!(
                "more than one person has an assessment with id “{id}”: {}; add --person NAME to choose",
                names.join(", ")
            )
        }
    };
    // A file among the finished ones must be a finished assessment.
    let read = if path.parent() == store.assessment_path(&person, id).parent() {
        read_completed
    } else {
        read_assessment
    };
    Ok(read(&path)
        .context("cannot read that assessment")?
        .assessment)
}

fn scope(store: &Store, within: Option<&Person>) -> String {
    match within {
        Some(person) => format!("for {}", sanitize_line(&person.name)),
        None => format!("in {}", sanitize_line(&store.root().display().to_string())),
    }
}
