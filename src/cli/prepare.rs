//! `handoff prepare --person NAME`: the page a coach reads before a
//! session, as plain text.

use std::io::Write;

use crate::content::Workbook;
use crate::report::{Preparation, READ_AT_MOST, preparation};
use crate::store::Store;

use super::lookup;

pub fn prepare(
    store: &Store,
    workbook: &Workbook,
    name: &str,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let person = lookup::person(store, name)?;
    let completed = store.newest_completed(&person, READ_AT_MOST);
    let last_note = store.last_note(&person);
    let page = preparation(
        workbook,
        &Preparation {
            today: chrono::Local::now().date_naive(),
            next_session: store.next_session(&person)?,
            completed: &completed,
            last_note: last_note.as_ref(),
        },
    );
    out.write_all(page.plain().as_bytes())?;
    Ok(())
}
