//! Turns content files into a [`Workbook`], or into a list of every problem
//! found, each naming its file, line and item.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use toml::Spanned;

use super::error::{ContentError, ContentErrors};
use super::model::{
    Better, Gap, Item, Leans, Mode, Modes, Scale, ScalePoint, Section, SectionKind, Workbook,
};
use super::raw::{ContentFile, RawGap, RawItem, RawMode, RawModes, RawScale, RawSection};

/// One content file's name (for messages) and text. The built-in files are
/// borrowed from the binary: copying their 64 kB first made that copy a
/// quarter of the memory loading takes at its peak.
#[derive(Clone, Debug)]
pub struct ContentSource {
    pub name: Cow<'static, str>,
    pub text: Cow<'static, str>,
}

impl ContentSource {
    pub fn new(name: impl Into<Cow<'static, str>>, text: impl Into<Cow<'static, str>>) -> Self {
        Self {
            name: name.into(),
            text: text.into(),
        }
    }
}

pub fn builtin_sources() -> Vec<ContentSource> {
    super::BUILTIN
        .iter()
        .map(|(name, text)| ContentSource::new(*name, *text))
        .collect()
}

/// The workbook compiled into the binary.
pub fn load_builtin() -> Result<Workbook, ContentErrors> {
    load(&builtin_sources())
}

/// Reads every `*.toml` file of a folder, in name order. Unreadable files are
/// reported, not skipped, so a coach never wonders why an item is missing.
pub fn read_dir_sources(dir: &Path) -> Result<Vec<ContentSource>, ContentErrors> {
    let shown = dir.display().to_string();
    let entries = std::fs::read_dir(dir).map_err(|error| {
        ContentErrors(vec![ContentError {
            file: shown.clone(),
            line: None,
            item: None,
            problem: format!("cannot read this folder: {error}"),
        }])
    })?;
    let mut paths: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    paths.sort();

    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        let name = path.display().to_string();
        match read_content_file(&path) {
            Ok(text) => sources.push(ContentSource::new(name, text)),
            Err(problem) => errors.push(file_error(&name, &problem)),
        }
    }
    if errors.is_empty() {
        Ok(sources)
    } else {
        Err(ContentErrors(errors))
    }
}

/// Far more than a whole workbook (the built-in one is under 100 kB), yet a
/// stray video file is refused at once instead of parsed.
pub const MAX_CONTENT_FILE_BYTES: u64 = 1024 * 1024;

/// One content file's text. A link is followed (the coach chose the folder,
/// and content is only ever read), but only to a regular file: reading a
/// FIFO would wait forever, and a device could be endless.
fn read_content_file(path: &Path) -> Result<String, String> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(|error| format!("cannot be read: {error}"))?;
    if !meta.is_file() {
        return Err("is not a regular file".into());
    }
    if meta.len() > MAX_CONTENT_FILE_BYTES {
        return Err(format!(
            "is {:.1} MB; content files can be up to {} MB",
            meta.len() as f64 / 1_000_000.0,
            MAX_CONTENT_FILE_BYTES / (1024 * 1024)
        ));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(MAX_CONTENT_FILE_BYTES).read_to_end(&mut bytes))
        .map_err(|error| format!("cannot be read: {error}"))?;
    String::from_utf8(bytes).map_err(|_| "is not valid UTF-8 text".to_string())
}

/// Checks a folder the way `handoff content check` does: a folder with a
/// `[workbook]` table is a whole workbook; any other folder extends the
/// built-in one.
pub fn check_dir(dir: &Path) -> Result<Workbook, ContentErrors> {
    let own = read_dir_sources(dir)?;
    if own.is_empty() {
        return Err(ContentErrors(vec![file_error(
            &dir.display().to_string(),
            "holds no .toml files",
        )]));
    }
    let standalone = own.iter().any(|source| declares_workbook(&source.text));
    if standalone {
        load(&own)
    } else {
        let mut all = builtin_sources();
        all.extend(own);
        load(&all)
    }
}

fn declares_workbook(text: &str) -> bool {
    text.parse::<toml::Table>()
        .map(|table| table.contains_key("workbook"))
        .unwrap_or(false)
}

fn file_error(file: &str, problem: &str) -> ContentError {
    ContentError {
        file: file.to_string(),
        line: None,
        item: None,
        problem: problem.to_string(),
    }
}

/// Parses, merges and validates a set of content files.
pub fn load(sources: &[ContentSource]) -> Result<Workbook, ContentErrors> {
    let mut checker = Checker::default();
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
    let newlines: Vec<Vec<usize>> = sources
        .iter()
        .map(|source| newline_offsets(&source.text))
        .collect();
    let merged = checker.merge(sources, &newlines, &parsed);
    let workbook = checker.build(merged);
    match workbook {
        Some(workbook) if checker.errors.is_empty() => Ok(workbook),
        _ => Err(ContentErrors(checker.errors)),
    }
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
struct At<'a> {
    source: &'a ContentSource,
    /// Where the source's newlines are. Every item asks for its line up
    /// front, so counting from the file's start each time made loading
    /// the content quadratic in its size; this table makes it a search.
    newlines: &'a [usize],
}

impl At<'_> {
    fn line<T>(&self, spanned: &Spanned<T>) -> usize {
        let offset = spanned.span().start;
        self.newlines.partition_point(|&newline| newline < offset) + 1
    }
}

/// Every list of every file, each value kept with the file it came from.
#[derive(Default)]
struct Merged<'a> {
    version: Option<String>,
    scales: Vec<(At<'a>, &'a Spanned<RawScale>)>,
    sections: Vec<(At<'a>, &'a Spanned<RawSection>)>,
    gap: Option<(At<'a>, &'a Spanned<RawGap>)>,
    modes: Option<(At<'a>, &'a Spanned<RawModes>)>,
    items: BTreeMap<&'static str, Vec<(At<'a>, &'a Spanned<RawItem>)>>,
}

const LISTS: [&str; 8] = [
    "readiness",
    "driver",
    "symptom",
    "aggravator",
    "remedy",
    "support",
    "pattern",
    "topic",
];

#[derive(Default)]
struct Checker {
    errors: Vec<ContentError>,
}

impl Checker {
    fn error(&mut self, at: At<'_>, line: usize, item: Option<String>, problem: String) {
        self.errors.push(ContentError {
            file: at.source.name.to_string(),
            line: Some(line),
            item,
            problem,
        });
    }

    fn merge<'a>(
        &mut self,
        sources: &'a [ContentSource],
        newlines: &'a [Vec<usize>],
        parsed: &'a [(usize, ContentFile)],
    ) -> Merged<'a> {
        let mut merged = Merged::default();
        let mut gap_from: Option<String> = None;
        let mut modes_from: Option<String> = None;
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

    fn build(&mut self, merged: Merged<'_>) -> Option<Workbook> {
        let scales = self.scales(&merged);
        let mut items = self.items(&merged);
        self.links(&merged, &items);
        let gap = self.gap(&merged, &scales);
        let modes = self.modes(&merged);
        let sections = self.sections(&merged, &scales, &mut items);
        let Some(version) = merged.version.clone() else {
            self.errors.push(file_error(
                "(workbook)",
                "no file has a [workbook] table with the content version",
            ));
            return None;
        };
        let mut take = |list: &str| items.remove(list).unwrap_or_default();
        Some(Workbook {
            version,
            gap: gap?,
            sections: sections?,
            patterns: take("pattern"),
            topics: take("topic"),
            modes: modes?,
        })
    }

    fn scales(&mut self, merged: &Merged<'_>) -> BTreeMap<String, Scale> {
        let mut scales = BTreeMap::new();
        for (at, spanned) in &merged.scales {
            let raw = spanned.get_ref();
            let id = raw.id.get_ref().clone();
            let line = at.line(&raw.id);
            let name = Some(format!("scale `{id}`"));
            self.check_slug(*at, line, name.clone(), &id);
            self.check_text(*at, line, name.clone(), "title", &raw.title);
            if raw.points.len() < 2 {
                self.error(*at, line, name.clone(), "needs at least two points".into());
            }
            let mut points = Vec::new();
            for (expected, point) in raw.points.iter().enumerate() {
                if point.value != expected as i64 {
                    self.error(
                        *at,
                        line,
                        name.clone(),
                        format!(
                            "point values must run 0, 1, 2, …; found {} where {expected} belongs",
                            point.value
                        ),
                    );
                    break;
                }
                self.check_text(*at, line, name.clone(), "label", &point.label);
                points.push(ScalePoint {
                    value: expected as u8,
                    label: point.label.clone(),
                });
            }
            let scale = Scale {
                id: id.clone(),
                title: raw.title.clone(),
                points,
            };
            if scales.insert(id.clone(), scale).is_some() {
                self.error(*at, line, name, "duplicate scale id".into());
            }
        }
        scales
    }

    fn items(&mut self, merged: &Merged<'_>) -> BTreeMap<String, Vec<Item>> {
        let mut lists = BTreeMap::new();
        for list in LISTS {
            let mut seen = BTreeSet::new();
            let mut items = Vec::new();
            for (at, spanned) in merged.items.get(list).into_iter().flatten() {
                let item = self.item(*at, list, spanned.get_ref());
                if !seen.insert(item.id.clone()) {
                    let line = at.line(&spanned.get_ref().id);
                    self.error(
                        *at,
                        line,
                        Some(format!("{list} `{}`", item.id)),
                        "duplicate id".into(),
                    );
                }
                items.push(item);
            }
            lists.insert(list.to_string(), items);
        }
        lists
    }

    /// Checks one item's own fields and turns it into the model.
    fn item(&mut self, at: At<'_>, list: &str, raw: &RawItem) -> Item {
        let id = raw.id.get_ref().clone();
        let line = at.line(&raw.id);
        let name = Some(format!("{list} `{id}`"));
        self.check_slug(at, line, name.clone(), &id);
        self.check_text(at, line, name.clone(), "title", &raw.title);
        self.check_text(at, line, name.clone(), "summary", &raw.summary);
        self.check_text(at, line, name.clone(), "explanation", &raw.explanation);
        self.check_prompts(at, line, name.clone(), &raw.prompts);

        let rated_for_the_gap = matches!(list, "driver" | "symptom" | "aggravator");
        let allowed = |field: &str| match field {
            "remedies" | "leans" | "other_direction" | "other_prompt" => rated_for_the_gap,
            "patterns" => list == "symptom",
            "difference" => list == "pattern",
            "who" => list == "support",
            _ => false,
        };
        let present = [
            ("remedies", !raw.remedies.is_empty()),
            ("patterns", !raw.patterns.is_empty()),
            ("difference", raw.difference.is_some()),
            ("who", raw.who.is_some()),
            ("leans", raw.leans.is_some()),
            ("other_direction", raw.other_direction.is_some()),
            ("other_prompt", raw.other_prompt.is_some()),
        ];
        for (field, is_present) in present {
            if is_present && !allowed(field) {
                self.error(
                    at,
                    line,
                    name.clone(),
                    format!("a {list} cannot have `{field}`"),
                );
            }
        }
        if matches!(list, "driver" | "symptom" | "aggravator") && raw.remedies.is_empty() {
            self.error(
                at,
                line,
                name.clone(),
                "links to no remedy: add `remedies = [\"…\"]`".into(),
            );
        }
        for (field, needed, value) in [
            ("difference", list == "pattern", &raw.difference),
            ("who", list == "support", &raw.who),
            ("other_direction", false, &raw.other_direction),
            ("other_prompt", false, &raw.other_prompt),
        ] {
            match value {
                Some(text) => self.check_text(at, line, name.clone(), field, text),
                None if needed => self.error(at, line, name.clone(), format!("missing `{field}`")),
                None => {}
            }
        }
        // A typo must not quietly mean "no side": an unknown value is an
        // error, named at its own line.
        let leans = raw.leans.as_ref().and_then(|value| {
            let found = Leans::from_key(value.get_ref());
            if found.is_none() {
                let known: Vec<String> = Leans::ALL
                    .iter()
                    .map(|leans| format!("\"{}\"", leans.key()))
                    .collect();
                self.error(
                    at,
                    at.line(value),
                    name.clone(),
                    format!(
                        "`leans` must be one of {}, not \"{}\"",
                        known.join(", "),
                        value.get_ref().escape_debug()
                    ),
                );
            }
            found
        });
        Item {
            id,
            title: raw.title.clone(),
            summary: raw.summary.clone(),
            explanation: raw.explanation.trim().to_string(),
            prompts: raw.prompts.clone(),
            remedies: raw
                .remedies
                .iter()
                .map(|link| link.get_ref().clone())
                .collect(),
            patterns: raw
                .patterns
                .iter()
                .map(|link| link.get_ref().clone())
                .collect(),
            difference: raw.difference.clone(),
            who: raw.who.clone(),
            leans,
            other_direction: raw
                .other_direction
                .as_ref()
                .map(|text| text.trim().to_string()),
            other_prompt: raw.other_prompt.clone(),
        }
    }

    fn links(&mut self, merged: &Merged<'_>, items: &BTreeMap<String, Vec<Item>>) {
        let ids = |list: &str| -> BTreeSet<String> {
            items
                .get(list)
                .map(|items| items.iter().map(|item| item.id.clone()).collect())
                .unwrap_or_default()
        };
        let remedies = ids("remedy");
        let patterns = ids("pattern");
        let mut linked = BTreeSet::new();
        for list in ["driver", "symptom", "aggravator"] {
            for (at, spanned) in merged.items.get(list).into_iter().flatten() {
                let raw = spanned.get_ref();
                let name = Some(format!("{list} `{}`", raw.id.get_ref()));
                for (kind, links, known) in [
                    ("remedy", &raw.remedies, &remedies),
                    ("pattern", &raw.patterns, &patterns),
                ] {
                    for link in links {
                        let target = link.get_ref();
                        if known.contains(target) {
                            if kind == "remedy" {
                                linked.insert(target.clone());
                            }
                        } else {
                            let line = at.line(link);
                            self.error(
                                *at,
                                line,
                                name.clone(),
                                format!("links to unknown {kind} `{target}`"),
                            );
                        }
                    }
                }
            }
        }
        for (at, spanned) in merged.items.get("remedy").into_iter().flatten() {
            let id = spanned.get_ref().id.get_ref();
            if !linked.contains(id) {
                let line = at.line(&spanned.get_ref().id);
                self.error(
                    *at,
                    line,
                    Some(format!("remedy `{id}`")),
                    "is not linked from any driver, symptom or aggravator".into(),
                );
            }
        }
    }

    fn scale_ref(
        &mut self,
        at: At<'_>,
        scales: &BTreeMap<String, Scale>,
        name: Option<String>,
        id: &Spanned<String>,
    ) -> Option<Scale> {
        let found = scales.get(id.get_ref()).cloned();
        if found.is_none() {
            let line = at.line(id);
            self.error(
                at,
                line,
                name,
                format!("uses unknown scale `{}`", id.get_ref()),
            );
        }
        found
    }

    fn sections(
        &mut self,
        merged: &Merged<'_>,
        scales: &BTreeMap<String, Scale>,
        items: &mut BTreeMap<String, Vec<Item>>,
    ) -> Option<Vec<Section>> {
        let mut sections: BTreeMap<SectionKind, Section> = BTreeMap::new();
        for (at, spanned) in &merged.sections {
            let raw = spanned.get_ref();
            let id = raw.id.get_ref();
            let line = at.line(&raw.id);
            let name = Some(format!("section `{id}`"));
            let Some(kind) = SectionKind::from_key(id) else {
                let known: Vec<_> = SectionKind::ALL.iter().map(|kind| kind.key()).collect();
                self.error(
                    *at,
                    line,
                    name,
                    format!("unknown section; known ones are {}", known.join(", ")),
                );
                continue;
            };
            self.check_text(*at, line, name.clone(), "title", &raw.title);
            self.check_text(*at, line, name.clone(), "intro", &raw.intro);
            self.check_text(*at, line, name.clone(), "question", &raw.question);
            let better = match raw.better.get_ref().as_str() {
                "lower" => Better::Lower,
                "higher" => Better::Higher,
                other => {
                    let line = at.line(&raw.better);
                    self.error(
                        *at,
                        line,
                        name.clone(),
                        format!("`better` must be \"lower\" or \"higher\", not \"{other}\""),
                    );
                    Better::Lower
                }
            };
            let Some(scale) = self.scale_ref(*at, scales, name.clone(), &raw.scale) else {
                continue;
            };
            if raw.notable_from < 1 || raw.notable_from > i64::from(scale.max()) {
                self.error(
                    *at,
                    line,
                    name.clone(),
                    format!(
                        "`notable_from` must be between 1 and {} on scale `{}`",
                        scale.max(),
                        scale.id
                    ),
                );
            }
            let list = match kind {
                SectionKind::Readiness => "readiness",
                SectionKind::Drivers => "driver",
                SectionKind::Symptoms => "symptom",
                SectionKind::Aggravators => "aggravator",
                SectionKind::Remedies => "remedy",
                SectionKind::Support => "support",
            };
            if sections.contains_key(&kind) {
                self.error(*at, line, name, "duplicate section".into());
                continue;
            }
            // Each list has one section, so its items move there.
            let section = Section {
                kind,
                title: raw.title.clone(),
                intro: raw.intro.clone(),
                question: raw.question.clone(),
                notable_from: raw.notable_from.clamp(0, i64::from(u8::MAX)) as u8,
                scale,
                better,
                items: items.remove(list).unwrap_or_default(),
            };
            sections.insert(kind, section);
        }
        let mut missing = false;
        for kind in SectionKind::ALL {
            let present = sections.get(&kind).map(|section| !section.items.is_empty());
            let problem = match present {
                None => Some(format!("no [[section]] with id = \"{kind}\"")),
                Some(false) => Some(format!("section `{kind}` has no items")),
                Some(true) => None,
            };
            if let Some(problem) = problem {
                missing = true;
                self.errors.push(file_error("(workbook)", &problem));
            }
        }
        (!missing).then(|| {
            SectionKind::ALL
                .iter()
                .filter_map(|kind| sections.remove(kind))
                .collect()
        })
    }

    fn gap(&mut self, merged: &Merged<'_>, scales: &BTreeMap<String, Scale>) -> Option<Gap> {
        let Some((at, spanned)) = merged.gap else {
            self.errors
                .push(file_error("(workbook)", "no file has a [gap] table"));
            return None;
        };
        let raw = spanned.get_ref();
        let line = at.line(spanned);
        let name = Some("[gap]".to_string());
        for (field, text) in [
            ("title", &raw.title),
            ("summary", &raw.summary),
            ("explanation", &raw.explanation),
            ("when_it_lasts", &raw.when_it_lasts),
            ("scenario", &raw.scenario),
            ("placement_question", &raw.placement_question),
        ] {
            self.check_text(at, line, name.clone(), field, text);
        }
        if raw.characteristics.is_empty() {
            self.error(at, line, name.clone(), "`characteristics` is empty".into());
        }
        for text in &raw.characteristics {
            self.check_text(at, line, name.clone(), "characteristics", text);
        }
        self.check_prompts(at, line, name.clone(), &raw.scenario_prompts);
        let directions: Vec<Item> = raw
            .direction
            .iter()
            .map(|item| self.item(at, "direction", item.get_ref()))
            .collect();
        if directions.len() != 2 {
            self.error(
                at,
                line,
                name.clone(),
                format!(
                    "needs exactly two [[gap.direction]], found {}",
                    directions.len()
                ),
            );
        }
        let scale = self.scale_ref(at, scales, name, &raw.placement_scale)?;
        Some(Gap {
            title: raw.title.clone(),
            summary: raw.summary.clone(),
            explanation: raw.explanation.trim().to_string(),
            characteristics: raw.characteristics.clone(),
            when_it_lasts: raw.when_it_lasts.trim().to_string(),
            scenario: raw.scenario.trim().to_string(),
            scenario_prompts: raw.scenario_prompts.clone(),
            directions,
            placement_question: raw.placement_question.clone(),
            placement_scale: scale,
        })
    }

    fn modes(&mut self, merged: &Merged<'_>) -> Option<Modes> {
        let Some((at, spanned)) = merged.modes else {
            self.errors
                .push(file_error("(workbook)", "no file has a [modes] table"));
            return None;
        };
        let raw = spanned.get_ref();
        let line = at.line(spanned);
        let name = Some("[modes]".to_string());
        for (field, text) in [
            ("title", &raw.title),
            ("summary", &raw.summary),
            ("explanation", &raw.explanation),
            ("question", &raw.question),
            ("only_performance", &raw.only_performance),
            ("only_learning", &raw.only_learning),
        ] {
            self.check_text(at, line, name.clone(), field, text);
        }
        let modes: Vec<Mode> = raw.mode.iter().map(|mode| self.mode(at, mode)).collect();
        let ids: Vec<&str> = modes.iter().map(|mode| mode.id.as_str()).collect();
        if ids != ["performance", "learning"] {
            self.error(
                at,
                line,
                name,
                format!("needs two [[modes.mode]] with ids \"performance\" then \"learning\", found {ids:?}"),
            );
            return None;
        }
        Some(Modes {
            title: raw.title.clone(),
            summary: raw.summary.clone(),
            explanation: raw.explanation.trim().to_string(),
            question: raw.question.clone(),
            only_performance: raw.only_performance.clone(),
            only_learning: raw.only_learning.clone(),
            modes,
        })
    }

    fn mode(&mut self, at: At<'_>, spanned: &Spanned<RawMode>) -> Mode {
        let raw = spanned.get_ref();
        let id = raw.id.get_ref().clone();
        let line = at.line(&raw.id);
        let name = Some(format!("mode `{id}`"));
        for (field, text) in [
            ("title", &raw.title),
            ("summary", &raw.summary),
            ("explanation", &raw.explanation),
            ("goal", &raw.goal),
            ("mindset", &raw.mindset),
            ("example", &raw.example),
        ] {
            self.check_text(at, line, name.clone(), field, text);
        }
        self.check_prompts(at, line, name, &raw.prompts);
        Mode {
            id,
            title: raw.title.clone(),
            summary: raw.summary.clone(),
            explanation: raw.explanation.trim().to_string(),
            goal: raw.goal.clone(),
            mindset: raw.mindset.clone(),
            example: raw.example.clone(),
            prompts: raw.prompts.clone(),
        }
    }

    fn check_slug(&mut self, at: At<'_>, line: usize, name: Option<String>, id: &str) {
        let is_slug = !id.is_empty()
            && id.len() <= 64
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !id.starts_with('-')
            && !id.ends_with('-');
        if !is_slug {
            self.error(
                at,
                line,
                name,
                format!(
                    "id `{}` must be a slug: lowercase letters, digits and single dashes",
                    id.escape_debug()
                ),
            );
        }
    }

    fn check_text(
        &mut self,
        at: At<'_>,
        line: usize,
        name: Option<String>,
        field: &str,
        text: &str,
    ) {
        if text.trim().is_empty() {
            self.error(at, line, name, format!("`{field}` is empty"));
        } else if text.chars().any(|c| c.is_control() && c != '\n') {
            self.error(
                at,
                line,
                name,
                format!("`{field}` contains a control character"),
            );
        }
    }

    fn check_prompts(&mut self, at: At<'_>, line: usize, name: Option<String>, prompts: &[String]) {
        if prompts.is_empty() || prompts.len() > 2 {
            self.error(
                at,
                line,
                name.clone(),
                format!("needs one or two prompts, found {}", prompts.len()),
            );
        }
        for prompt in prompts {
            self.check_text(at, line, name.clone(), "prompts", prompt);
        }
    }
}
