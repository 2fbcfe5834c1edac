//! `handoff person rename | archive | restore | forget`.

use std::io::Write;

use anyhow::bail;

use crate::assessment::parse_due;
use crate::store::{CoachNote, Person, Store, names_alike};
use crate::text::sanitize_line;

use super::PersonCommand;
use super::confirm::{Answer, typed};
use super::lookup;

pub fn person(
    store: &Store,
    command: &PersonCommand,
    input: Answer<'_>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    match command {
        PersonCommand::Rename { name, new_name } => {
            let person = lookup::person(store, name)?;
            let alike: Vec<String> = store
                .people()?
                .people
                .iter()
                .filter(|other| other.dir != person.dir && names_alike(&other.name, new_name))
                .map(|other| format!("“{}”", sanitize_line(&other.name)))
                .collect();
            let renamed = store.rename_person(&person, new_name)?;
            writeln!(
                out,
                "Renamed “{}” to “{}”; their assessments and notes are as they were.",
                sanitize_line(&person.name),
                sanitize_line(&renamed.name)
            )?;
            if !alike.is_empty() {
                writeln!(
                    out,
                    "Careful: {} has a name like this one.",
                    alike.join(", ")
                )?;
            }
        }
        PersonCommand::Archive { name } => {
            let person = lookup::person(store, name)?;
            store.archive_person(&person)?;
            writeln!(
                out,
                "Archived “{}”: off the list, every file kept. `handoff person restore` brings them back.",
                sanitize_line(&person.name)
            )?;
        }
        PersonCommand::Restore { name } => {
            let Some(person) = store.find_archived(name)? else {
                bail!(
                    "nobody called “{}” is archived (`handoff list --archived` shows who is)",
                    sanitize_line(name)
                );
            };
            let restored = store.restore_person(&person)?;
            writeln!(
                out,
                "“{}” is back on the list.",
                sanitize_line(&restored.name)
            )?;
        }
        PersonCommand::Note { name, text } => {
            let person = lookup::person(store, name)?;
            if text.trim().is_empty() {
                bail!("the note is empty, so nothing was written");
            }
            store.save_note(
                &person,
                &CoachNote::new(text, chrono::Local::now().fixed_offset()),
            )?;
            writeln!(
                out,
                "Noted, for {} (private: never in an assessment or a client copy).",
                sanitize_line(&person.name)
            )?;
        }
        PersonCommand::Next { name, date } => {
            let person = lookup::person(store, name)?;
            let date = match date.trim() {
                "none" | "" => None,
                typed => parse_due(typed).map_err(anyhow::Error::msg)?,
            };
            store.set_next_session(&person, date)?;
            match date {
                Some(date) => writeln!(
                    out,
                    "The next session with {} is on {}.",
                    sanitize_line(&person.name),
                    date.format("%A %-d %B %Y")
                )?,
                None => writeln!(
                    out,
                    "No next session is set for {}.",
                    sanitize_line(&person.name)
                )?,
            }
        }
        PersonCommand::Forget { name, confirm } => {
            let person = match store.find_archived(name)? {
                Some(person) => person,
                None => lookup::person(store, name)?,
            };
            forget(store, &person, confirm.as_deref(), input, out)?;
        }
    }
    Ok(())
}

fn forget(
    store: &Store,
    person: &Person,
    confirm: Option<&str>,
    input: Answer<'_>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let name = sanitize_line(&person.name);
    let typed_name = match confirm {
        Some(confirm) => Some(confirm.to_string()),
        None => typed(
            &format!(
                "This deletes every file of “{name}”: assessments, drafts, coach notes and the name. It cannot be undone. Type their name to confirm:"
            ),
            "",
            input,
            out,
        )?,
    };
    if typed_name.as_deref().map(str::trim) != Some(person.name.as_str()) {
        bail!("the name typed was not “{name}”, so nothing was deleted");
    }
    store.forget_person(person)?;
    writeln!(out, "Every file of “{name}” is deleted.")?;
    Ok(())
}
