//! `handoff list`: everyone saved, or one person's history with dates and
//! headline scores. Unreadable files are listed with the reason, never
//! hidden. A history is printed as it is read, a line per file, so a long
//! one starts at once and is never held whole.

use std::ffi::OsStr;
use std::io::Write;
use std::ops::Range;
use std::path::Path;
use std::sync::mpsc::{Receiver, sync_channel};

use crate::content::Workbook;
use crate::store::{
    Around, Header, HistoryEntry, HistoryFiles, Listed, PeopleListing, Person, Store,
};
use crate::text::sanitize_line;

use super::lookup;

pub fn list(
    store: &Store,
    workbook: &Workbook,
    person: Option<&str>,
    archived: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    match person {
        Some(name) => history(store, workbook, &lookup::person(store, name)?, out),
        None if archived => {
            let listing = store.archived_people()?;
            if listing.people.is_empty() && listing.unreadable.is_empty() {
                writeln!(out, "Nobody is archived.")?;
                return Ok(());
            }
            people(store, workbook, listing, out)
        }
        None => {
            let listing = store.people()?;
            if listing.people.is_empty() && listing.unreadable.is_empty() {
                writeln!(
                    out,
                    "Nobody is saved yet. Run `handoff` to start a workbook."
                )?;
                return Ok(());
            }
            people(store, workbook, listing, out)
        }
    }
}

fn people(
    store: &Store,
    workbook: &Workbook,
    listing: PeopleListing,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    for person in &listing.people {
        // The folder's count and its newest file: one file read per person.
        let newest = store.newest_history(person, workbook, 1);
        let mut line = format!(
            "{} ({}): {}",
            sanitize_line(&person.name),
            sanitize_line(&person.key()),
            count(newest.total, "assessment")
        );
        match newest.entries.first() {
            Some(HistoryEntry::Readable { header, .. }) => {
                line.push_str(&format!(", latest {}", header.created.format("%Y-%m-%d")));
            }
            Some(HistoryEntry::Unreadable { .. }) => line.push_str(", the latest unreadable"),
            None => {}
        }
        let drafts = store.drafts(person).len();
        if drafts > 0 {
            line.push_str(&format!(", {}", count(drafts, "draft")));
        }
        writeln!(out, "{line}")?;
    }
    for (path, reason) in &listing.unreadable {
        let folder = path
            .file_name()
            .map(|name| name.to_string_lossy())
            .unwrap_or_default();
        writeln!(
            out,
            "unreadable folder {}: {}",
            sanitize_line(&folder),
            sanitize_line(reason)
        )?;
    }
    Ok(())
}

fn history(
    store: &Store,
    workbook: &Workbook,
    person: &Person,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let mut files = store.history_files(person, Around::Start, 0, PAGE);
    let drafts = store.drafts(person);
    writeln!(
        out,
        "{}: {}, {}",
        sanitize_line(&person.name),
        count(files.len(), "assessment"),
        count(drafts.len(), "draft")
    )?;
    // Each file is printed as soon as it is read: the first lines are out
    // at once. A page of names is held at a time, the next listed after
    // the last one printed.
    let (mut printed, mut unreadable) = (0, 0);
    let mut page = files.held();
    while !page.is_empty() {
        each_in_order(&files, page.clone(), workbook, |entry| {
            printed += 1;
            match entry {
                HistoryEntry::Readable { header, path } => {
                    writeln!(out, "{}", row(&stem(&path), &header, "complete"))?
                }
                HistoryEntry::Unreadable { reason, .. } => {
                    unreadable += 1;
                    writeln!(out, "unreadable  {}", sanitize_line(&reason))?
                }
            }
            Ok(())
        })?;
        let Some(last) = files.name(page.end - 1).map(OsStr::to_os_string) else {
            break;
        };
        if page.end >= files.len() {
            break;
        }
        files = store.history_files(person, Around::Name(&last), 0, PAGE + 1);
        // The page starts at the last name printed, if it is still there.
        let mut next = files.anchor()..files.held().end;
        if files.name(next.start) == Some(last.as_os_str()) {
            next.start += 1;
        }
        page = next;
    }
    for draft in &drafts {
        match draft {
            Listed::Readable { loaded, path } => {
                let header = Header::of(workbook, &loaded.assessment, loaded.read_only);
                writeln!(out, "{}", row(&stem(path), &header, "draft"))?;
            }
            Listed::Unreadable { reason, .. } => {
                writeln!(out, "unreadable  {}", sanitize_line(reason))?
            }
        }
    }
    // A damaged file is counted above as an assessment; say how many of
    // them could not be read, now that it is known.
    if unreadable > 0 {
        writeln!(
            out,
            "{} of the {} could not be read: listed above, left untouched",
            count(unreadable, "file"),
            count(printed, "assessment")
        )?;
    }
    Ok(())
}

/// Names of files held at a time: one listing of the folder per page.
const PAGE: usize = 1024;

/// Files one reader reads before handing them on: few enough that the
/// first lines come at once, enough that handing over costs little.
const BATCH: usize = 32;

/// Hands `print` the files at `range`, in order, each read as a list
/// shows it. Reading (parsing, mostly) is shared out in batches among a
/// reader per core, at most four, while the lines already read are
/// printed: ten thousand files read one after another took 1.3–1.5 s here.
/// A reader is at most two batches ahead, so little is held.
fn each_in_order(
    files: &HistoryFiles,
    range: Range<usize>,
    workbook: &Workbook,
    mut print: impl FnMut(HistoryEntry) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let readers = std::thread::available_parallelism().map_or(1, |cores| cores.get().min(4));
    let batches = range.len().div_ceil(BATCH);
    if readers == 1 || batches < 2 {
        for entry in files.entries(range, workbook) {
            print(entry)?;
        }
        return Ok(());
    }
    let start = range.start;
    std::thread::scope(|scope| {
        let inboxes: Vec<Receiver<Vec<HistoryEntry>>> = (0..readers)
            .map(|reader| {
                let (outbox, inbox) = sync_channel(1);
                scope.spawn(move || {
                    for batch in (reader..batches).step_by(readers) {
                        let from = start + batch * BATCH;
                        let range = from..(from + BATCH).min(range.end);
                        // Fails once printing has stopped: nothing more to do.
                        if outbox
                            .send(files.entries(range, workbook).collect())
                            .is_err()
                        {
                            break;
                        }
                    }
                });
                inbox
            })
            .collect();
        // Batch by batch, in order: reader `n` has batches n, n + readers, …
        for batch in 0..batches {
            let Ok(entries) = inboxes[batch % readers].recv() else {
                anyhow::bail!("reading the history stopped before its end");
            };
            for entry in entries {
                print(entry)?;
            }
        }
        Ok(())
    })
}

/// `20261123-093000-beef  2026-11-23  complete  readiness 67%  drivers 63% …`
/// with `-` for a section left unanswered (not zero). The id shown is the
/// file's stem, which is what `show` and `export` look for.
fn row(id: &str, header: &Header, state: &str) -> String {
    let scores: Vec<String> = header
        .scores
        .iter()
        .map(|(kind, percent)| {
            let shown = percent.map_or_else(|| "-".to_string(), |value| format!("{value}%"));
            format!("{kind} {shown:>4}")
        })
        .collect();
    let read_only = if header.read_only {
        "  (newer format, read-only)"
    } else {
        ""
    };
    format!(
        "{}  {}  {state:<8}  {}{read_only}",
        sanitize_line(id),
        header.created.format("%Y-%m-%d"),
        scores.join("  ")
    )
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn count(number: usize, noun: &str) -> String {
    if number == 1 {
        format!("1 {noun}")
    } else {
        format!("{number} {noun}s")
    }
}
