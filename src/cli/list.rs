//! `handoff list`: everyone saved, or one person's history with dates and
//! headline scores. Unreadable files are listed with the reason, never
//! hidden. History comes from the index, so a long history lists quickly.

use std::io::Write;
use std::path::Path;

use crate::content::Workbook;
use crate::store::{Header, HistoryEntry, Listed, Person, Store};
use crate::text::sanitize_line;

use super::lookup;

pub fn list(
    store: &Store,
    workbook: &Workbook,
    person: Option<&str>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    match person {
        Some(name) => history(store, workbook, &lookup::person(store, name)?, out),
        None => people(store, workbook, out),
    }
}

fn people(store: &Store, workbook: &Workbook, out: &mut dyn Write) -> anyhow::Result<()> {
    let listing = store.people()?;
    if listing.people.is_empty() && listing.unreadable.is_empty() {
        writeln!(
            out,
            "Nobody is saved yet. Run `handoff` to start a workbook."
        )?;
        return Ok(());
    }
    for person in &listing.people {
        let history = store.history_headers(person, workbook);
        let latest = history.iter().rev().find_map(HistoryEntry::header);
        let mut line = format!(
            "{} ({}): {}",
            sanitize_line(&person.name),
            sanitize_line(&person.key()),
            tally(&history)
        );
        if let Some(header) = latest {
            line.push_str(&format!(", latest {}", header.created.format("%Y-%m-%d")));
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
    let history = store.history_headers(person, workbook);
    let drafts = store.drafts(person);
    writeln!(
        out,
        "{}: {}, {}",
        sanitize_line(&person.name),
        tally(&history),
        count(drafts.len(), "draft")
    )?;
    for entry in &history {
        match entry {
            HistoryEntry::Readable { header, path } => {
                writeln!(out, "{}", row(&stem(path), header, "complete"))?
            }
            HistoryEntry::Unreadable { reason, .. } => {
                writeln!(out, "unreadable  {}", sanitize_line(reason))?
            }
        }
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
    Ok(())
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

/// "3 assessments, 1 unreadable file": a damaged file is not counted as an
/// assessment, but it is never left out of the count either.
fn tally(history: &[HistoryEntry]) -> String {
    let readable = history
        .iter()
        .filter(|entry| entry.header().is_some())
        .count();
    let mut text = count(readable, "assessment");
    if readable < history.len() {
        text.push_str(&format!(
            ", {}",
            count(history.len() - readable, "unreadable file")
        ));
    }
    text
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
