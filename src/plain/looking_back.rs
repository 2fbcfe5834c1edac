//! Looking back at a person's completed assessments: one read back, two
//! compared, the trend in words, and a Markdown export. The pages are the
//! report documents the command line prints, so each says the same here.

use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};

use crate::assessment::{Assessment, chronological, compare};
use crate::cli::{Destination, show};
use crate::content::{Better, Workbook};
use crate::report::{assessment_report, comparison_report, words};
use crate::store::{Header, HistoryEntry, Person, read_assessment};

use super::Plain;
use super::talk::{Choice, Reply, Talk, Word};

/// The newest assessments listed; older ones are for `handoff list`.
const LISTED: usize = 20;

/// The most assessments a trend reads, as on the screen.
const TREND_MOST: usize = 100;

pub struct LookingBack<'a, 'p> {
    pub plain: &'a Plain<'p>,
    pub person: &'a Person,
}

impl LookingBack<'_, '_> {
    /// Until the person goes back to their page; true when they quit.
    pub fn run<R: BufRead, W: Write>(&self, talk: &mut Talk<R, W>) -> io::Result<bool> {
        let workbook = self.plain.workbook;
        loop {
            talk.gap()?;
            talk.place = format!(
                "You are looking back at {}'s assessments.",
                self.person.name
            );
            let listed = self.listed(talk)?;
            if listed.is_empty() {
                talk.say("There is no completed assessment to look back at.")?;
                return Ok(false);
            }
            let choices = [
                Choice::new("1", "read one assessment"),
                Choice::new("2", "compare two assessments"),
                Choice::new("3", "the trend of every section's score, in words"),
                Choice::new("4", "export one assessment as Markdown"),
                Choice::new("5", "export a comparison of two as Markdown"),
                Choice::new("6", "back to the person's page"),
            ];
            let picked = match talk.choose("What would you like to see?", &choices, None)? {
                Reply::Answer(Some(at)) => at,
                Reply::Answer(None) => continue,
                Reply::Word(Word::Quit) => return Ok(true),
                Reply::Word(_) => return Ok(false),
            };
            match picked {
                0 => {
                    if let Some(one) = self.pick(talk, &listed, "Which assessment?")? {
                        talk.say(&assessment_report(workbook, &one).spoken())?;
                    }
                }
                1 => {
                    if let Some((earlier, later)) = self.pick_two(talk, &listed)? {
                        let comparison = compare(workbook, &earlier, &later);
                        talk.say(&comparison_report(workbook, &comparison).spoken())?;
                    }
                }
                2 => self.trend(talk)?,
                3 => {
                    if let Some(one) = self.pick(talk, &listed, "Which assessment?")? {
                        self.export(talk, &[&one.id])?;
                    }
                }
                4 => {
                    if let Some((earlier, later)) = self.pick_two(talk, &listed)? {
                        self.export(talk, &[&earlier.id, &later.id])?;
                    }
                }
                _ => return Ok(false),
            }
            if talk.quit {
                return Ok(true);
            }
        }
    }

    /// The newest completed assessments, said with their headline
    /// scores; an unreadable one is said with the reason and left alone.
    fn listed<R: BufRead, W: Write>(
        &self,
        talk: &mut Talk<R, W>,
    ) -> io::Result<Vec<(PathBuf, Header)>> {
        let workbook = self.plain.workbook;
        let newest = self
            .plain
            .store
            .newest_history(self.person, workbook, LISTED);
        let mut listed = Vec::new();
        for entry in newest.entries {
            match entry {
                HistoryEntry::Readable { path, header } => listed.push((path, header)),
                HistoryEntry::Unreadable { path, reason } => talk.say(&format!(
                    "Could not read {}: {reason}. It is left as it is.",
                    path.display()
                ))?,
            }
        }
        let older = newest.total.saturating_sub(LISTED);
        talk.say(&format!(
            "{} has {} completed assessments{}.",
            self.person.name,
            newest.total,
            if older > 0 {
                format!(
                    "; the newest {LISTED} are listed here, and handoff list --person lists all"
                )
            } else {
                String::new()
            }
        ))?;
        Ok(listed)
    }

    fn labels(&self, listed: &[(PathBuf, Header)]) -> Vec<Choice> {
        let workbook = self.plain.workbook;
        Choice::numbered(listed.iter().map(|(_, header)| headline(workbook, header)))
    }

    fn pick<R: BufRead, W: Write>(
        &self,
        talk: &mut Talk<R, W>,
        listed: &[(PathBuf, Header)],
        question: &str,
    ) -> io::Result<Option<Assessment>> {
        let at = match talk.choose(question, &self.labels(listed), Some("to choose none"))? {
            Reply::Answer(Some(at)) => at,
            _ => return Ok(None),
        };
        read(talk, &listed[at].0)
    }

    /// Two assessments, earlier first; the second defaults to the one
    /// before the first.
    fn pick_two<R: BufRead, W: Write>(
        &self,
        talk: &mut Talk<R, W>,
        listed: &[(PathBuf, Header)],
    ) -> io::Result<Option<(Assessment, Assessment)>> {
        if listed.len() < 2 {
            talk.say("A comparison needs two completed assessments.")?;
            return Ok(None);
        }
        let choices = self.labels(listed);
        let first = match talk.choose("The first assessment:", &choices, Some("to choose none"))? {
            Reply::Answer(Some(at)) => at,
            _ => return Ok(None),
        };
        let before = (first + 1).min(listed.len() - 1);
        let before = if before == first { first - 1 } else { before };
        let second = loop {
            let keep = format!("to compare it with number {}", before + 1);
            match talk.choose("Compare it with:", &choices, Some(&keep))? {
                Reply::Answer(Some(at)) if at == first => {
                    talk.say("Please choose a different assessment from the first.")?
                }
                Reply::Answer(Some(at)) => break at,
                Reply::Answer(None) => break before,
                Reply::Word(_) => return Ok(None),
            }
        };
        let (Some(a), Some(b)) = (
            read(talk, &listed[first].0)?,
            read(talk, &listed[second].0)?,
        ) else {
            return Ok(None);
        };
        let (earlier, later) = chronological(&a, &b);
        Ok(Some((earlier.clone(), later.clone())))
    }

    /// Each section's score over the newest assessments, in words: the
    /// first and latest, and which way it moved.
    fn trend<R: BufRead, W: Write>(&self, talk: &mut Talk<R, W>) -> io::Result<()> {
        let workbook = self.plain.workbook;
        let newest = self
            .plain
            .store
            .newest_trend(self.person, workbook, TREND_MOST);
        let columns = &newest.trend.columns;
        let (Some(first), Some(last)) = (columns.first(), columns.last()) else {
            return talk.say("There is no completed assessment to draw a trend from.");
        };
        talk.say(&format!(
            "The trend over {} assessments, from {} to {}.",
            columns.len(),
            words::day(&first.created),
            words::day(&last.created)
        ))?;
        if newest.older > 0 {
            talk.say(&format!(
                "Only the newest {TREND_MOST} are read; {} older ones are left out.",
                newest.older
            ))?;
        }
        if newest.unreadable > 0 {
            talk.say(&format!(
                "{} unreadable files are left out.",
                newest.unreadable
            ))?;
        }
        for section in &newest.trend.sections {
            let kind = workbook.section(section.kind);
            let scores: Vec<String> = section
                .percents
                .iter()
                .map(|percent| percent.map_or("no answers".to_string(), |p| p.to_string()))
                .collect();
            talk.say(&format!(
                "{}: {}. {}. ({})",
                kind.title,
                scores.join(", "),
                change(&section.percents, kind.better),
                words::direction(kind.better)
            ))?;
        }
        Ok(())
    }

    /// Writes a report to a file the person names, never over one.
    fn export<R: BufRead, W: Write>(&self, talk: &mut Talk<R, W>, ids: &[&str]) -> io::Result<()> {
        let typed = match talk.line("The file to write the Markdown to, like report.md:", "")? {
            Reply::Answer(Some(typed)) => typed,
            _ => return talk.say("Nothing was exported."),
        };
        let path = Path::new(typed.trim());
        let destination = Destination::File { path, force: false };
        let (store, workbook) = (self.plain.store, self.plain.workbook);
        let person = Some(self.person.key());
        let mut said = Vec::new();
        let result = match ids {
            [one] => show(
                store,
                workbook,
                one,
                person.as_deref(),
                destination,
                &mut said,
            ),
            [a, b] => crate::cli::show_comparison(
                store,
                workbook,
                [a, b],
                person.as_deref(),
                destination,
                &mut said,
            ),
            _ => Ok(()),
        };
        match result {
            Ok(()) => talk.say(&String::from_utf8_lossy(&said)),
            Err(error) => talk.say(&format!("Nothing was exported: {error:#}")),
        }
    }
}

fn read<R: BufRead, W: Write>(
    talk: &mut Talk<R, W>,
    path: &Path,
) -> io::Result<Option<Assessment>> {
    match read_assessment(path) {
        Ok(loaded) => Ok(Some(loaded.assessment)),
        Err(error) => {
            talk.say(&error.to_string())?;
            Ok(None)
        }
    }
}

/// "23 November 2026 at 10:15: Drivers 40, Symptoms 55, …".
fn headline(workbook: &Workbook, header: &Header) -> String {
    let date = header.completed.as_ref().unwrap_or(&header.created);
    let scores: Vec<String> = header
        .scores
        .iter()
        .map(|(kind, percent)| {
            let title = &workbook.section(*kind).title;
            match percent {
                Some(percent) => format!("{title} {percent}"),
                None => format!("{title} not answered"),
            }
        })
        .collect();
    format!(
        "{} at {}: {}",
        words::day(date),
        date.format("%H:%M"),
        scores.join(", ")
    )
}

/// Which way a section moved from its first answered score to its last.
fn change(percents: &[Option<u8>], better: Better) -> String {
    let answered: Vec<u8> = percents.iter().filter_map(|percent| *percent).collect();
    let (Some(first), Some(last)) = (answered.first(), answered.last()) else {
        return "Never answered".to_string();
    };
    if answered.len() < 2 {
        return format!("Answered once: {last}");
    }
    let delta = i16::from(*last) - i16::from(*first);
    match (delta.signum(), better) {
        (0, _) => format!("Now {last}, the same as the first"),
        (1, Better::Higher) | (-1, Better::Lower) => {
            format!("Now {last}, {} better than the first", delta.abs())
        }
        _ => format!("Now {last}, {} worse than the first", delta.abs()),
    }
}
