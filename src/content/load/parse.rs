//! Parsing each file's TOML into its raw shape, and merging the files into
//! one set of lists, every value kept with the file and line it came from.

use std::collections::BTreeMap;

use toml::Spanned;

use super::check::Checker;
use super::read::ContentSource;
use crate::content::error::ContentError;
use crate::content::raw::{ContentFile, RawGap, RawItem, RawModes, RawScale, RawSection, RawTeam};

/// Each source parsed, by its index in `sources`; a file that does not
/// parse is reported and left out.
pub(super) fn parse(sources: &[ContentSource], checker: &mut Checker) -> Vec<(usize, ContentFile)> {
    let mut parsed = Vec::new();
    for (index, source) in sources.iter().enumerate() {
        match toml::from_str::<ContentFile>(&source.text) {
            Ok(file) => parsed.push((index, file)),
            Err(error) => {
                let line = error.span().map(|span| line_of(&source.text, span.start));
                checker.errors.push(ContentError {
                    file: source.name.to_string(),
                    line,
                    item: None,
                    problem: error.message().trim().to_string(),
                });
            }
        }
    }
    parsed
}

/// Where each source's newlines are (see [`At`]).
pub(super) fn newlines(sources: &[ContentSource]) -> Vec<Vec<usize>> {
    sources
        .iter()
        .map(|source| newline_offsets(&source.text))
        .collect()
}

fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .map_or(1, |before| before.matches('\n').count() + 1)
}

fn newline_offsets(text: &str) -> Vec<usize> {
    text.match_indices('\n').map(|(offset, _)| offset).collect()
}

/// Where a value came from, so a later check can still point at its line.
#[derive(Clone, Copy)]
pub(super) struct At<'a> {
    pub(super) source: &'a ContentSource,
    /// Where the source's newlines are. Every item asks for its line up
    /// front: a search in this table keeps that linear in the content's
    /// size, where counting from the file's start each time is quadratic.
    pub(super) newlines: &'a [usize],
}

impl At<'_> {
    pub(super) fn line<T>(&self, spanned: &Spanned<T>) -> usize {
        let offset = spanned.span().start;
        self.newlines.partition_point(|&newline| newline < offset) + 1
    }
}

/// Every list of every file, each value kept with the file it came from.
#[derive(Default)]
pub(super) struct Merged<'a> {
    pub(super) version: Option<String>,
    pub(super) scales: Vec<(At<'a>, &'a Spanned<RawScale>)>,
    pub(super) sections: Vec<(At<'a>, &'a Spanned<RawSection>)>,
    pub(super) gap: Option<(At<'a>, &'a Spanned<RawGap>)>,
    pub(super) modes: Option<(At<'a>, &'a Spanned<RawModes>)>,
    pub(super) team: Option<(At<'a>, &'a Spanned<RawTeam>)>,
    pub(super) items: BTreeMap<&'static str, Vec<(At<'a>, &'a Spanned<RawItem>)>>,
}

pub(super) const LISTS: [&str; 8] = [
    "readiness",
    "driver",
    "symptom",
    "aggravator",
    "remedy",
    "support",
    "pattern",
    "topic",
];

impl Checker {
    pub(super) fn merge<'a>(
        &mut self,
        sources: &'a [ContentSource],
        newlines: &'a [Vec<usize>],
        parsed: &'a [(usize, ContentFile)],
    ) -> Merged<'a> {
        let mut merged = Merged::default();
        let mut gap_from: Option<String> = None;
        let mut modes_from: Option<String> = None;
        let mut team_from: Option<String> = None;
        let mut workbook_from: Option<String> = None;
        for (index, file) in parsed {
            let at = At {
                source: &sources[*index],
                newlines: &newlines[*index],
            };
            if let Some(workbook) = &file.workbook {
                if let Some(first) = &workbook_from {
                    let line = at.line(workbook);
                    self.error(
                        at,
                        line,
                        None,
                        format!("[workbook] is also defined in {first}"),
                    );
                }
                workbook_from = Some(at.source.name.to_string());
                merged.version = Some(workbook.get_ref().version.clone());
            }
            merged.scales.extend(file.scale.iter().map(|s| (at, s)));
            merged.sections.extend(file.section.iter().map(|s| (at, s)));
            if let Some(gap) = &file.gap {
                if let Some(first) = &gap_from {
                    let line = at.line(gap);
                    self.error(at, line, None, format!("[gap] is also defined in {first}"));
                }
                gap_from = Some(at.source.name.to_string());
                merged.gap = Some((at, gap));
            }
            if let Some(modes) = &file.modes {
                if let Some(first) = &modes_from {
                    let line = at.line(modes);
                    self.error(
                        at,
                        line,
                        None,
                        format!("[modes] is also defined in {first}"),
                    );
                }
                modes_from = Some(at.source.name.to_string());
                merged.modes = Some((at, modes));
            }
            if let Some(team) = &file.team {
                if let Some(first) = &team_from {
                    let line = at.line(team);
                    self.error(at, line, None, format!("[team] is also defined in {first}"));
                }
                team_from = Some(at.source.name.to_string());
                merged.team = Some((at, team));
            }
            let lists: [(&'static str, &'a Vec<Spanned<RawItem>>); 8] = [
                ("readiness", &file.readiness),
                ("driver", &file.driver),
                ("symptom", &file.symptom),
                ("aggravator", &file.aggravator),
                ("remedy", &file.remedy),
                ("support", &file.support),
                ("pattern", &file.pattern),
                ("topic", &file.topic),
            ];
            for (list, items) in lists {
                merged
                    .items
                    .entry(list)
                    .or_default()
                    .extend(items.iter().map(|item| (at, item)));
            }
        }
        merged
    }
}
