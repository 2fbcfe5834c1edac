//! Finding what a subcommand names: a person by name or folder, an
//! assessment by id across everyone's history and drafts. Every miss is an
//! error that says what was looked for and where.

use std::path::PathBuf;

use anyhow::{Context, bail};

use crate::assessment::Assessment;
use crate::store::{Person, Store, names_alike, read_assessment, read_completed, slug};
use crate::text::sanitize_line;

/// The person named exactly, or by folder name; failing that, the one
/// person whose name differs only in case, accents, spacing or
/// punctuation ("Zoe OBrien" finds "Zoë O'Brien"). Several such people are
/// listed and none is chosen.
pub fn person(store: &Store, name: &str) -> anyhow::Result<Person> {
    if let Some(person) = store.find_person(name)? {
        return Ok(person);
    }
    let people = store.people()?.people;
    let mut alike: Vec<&Person> = people
        .iter()
        .filter(|person| names_alike(&person.name, name))
        .collect();
    match alike.len() {
        0 => {}
        1 => return Ok(alike.remove(0).clone()),
        _ => {
            let names: Vec<String> = alike
                .iter()
                .map(|person| {
                    format!(
                        "“{}” ({})",
                        sanitize_line(&person.name),
                        sanitize_line(&person.key())
                    )
                })
                .collect();
            bail!(
                "“{}” could be any of {}; give the name exactly as written, or the folder name in brackets",
                sanitize_line(name),
                names.join(", ")
            )
        }
    }
    let names: Vec<String> = people
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

/// The person the client view opens on: named exactly, by folder name, or
/// the one person whose name differs only in case, accents or
/// punctuation. Unlike [`person`], a miss never lists who is on file: the
/// screen may already be shared.
pub fn client(store: &Store, name: &str) -> anyhow::Result<Person> {
    if let Some(person) = store.find_person(name)? {
        return Ok(person);
    }
    let people = store.people()?.people;
    let mut alike = people
        .into_iter()
        .filter(|person| names_alike(&person.name, name));
    match (alike.next(), alike.next()) {
        (Some(person), None) => Ok(person),
        (Some(_), Some(_)) => bail!(
            "more than one person has a name like “{}”; give the name exactly as written",
            sanitize_line(name)
        ),
        (None, _) => bail!(
            "no one called “{}” is on file (`handoff list` shows who is, on a screen no client sees)",
            sanitize_line(name)
        ),
    }
}

/// The assessment with this id, completed or draft, of `within` or of
/// anyone. A completed file wins over a leftover draft of the same id.
pub fn assessment(store: &Store, id: &str, within: Option<&Person>) -> anyhow::Result<Assessment> {
    assessment_of(store, id, within).map(|(_, assessment)| assessment)
}

/// As [`assessment`], with whose it is.
pub fn assessment_of(
    store: &Store,
    id: &str,
    within: Option<&Person>,
) -> anyhow::Result<(Person, Assessment)> {
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
    let assessment = read(&path)
        .context("cannot read that assessment")?
        .assessment;
    Ok((person, assessment))
}

fn scope(store: &Store, within: Option<&Person>) -> String {
    match within {
        Some(person) => format!("for {}", sanitize_line(&person.name)),
        None => format!("in {}", sanitize_line(&store.root().display().to_string())),
    }
}
