//! Building the workbook from the merged files: the scales, the sections
//! (each taking its list of items), the gap and the two modes.

use std::collections::BTreeMap;

use toml::Spanned;

use super::check::{Checker, file_error};
use super::parse::{At, Merged};
use crate::content::model::{
    Better, Gap, Item, Letter, Mode, Modes, Scale, ScalePoint, Section, SectionKind, TeamText,
    Workbook,
};
use crate::content::raw::{RawMode, RawTeam};

impl Checker {
    pub(super) fn build(&mut self, merged: Merged<'_>) -> Option<Workbook> {
        let scales = self.scales(&merged);
        let mut items = self.items(&merged);
        self.links(&merged, &items);
        let gap = self.gap(&merged, &scales);
        let modes = self.modes(&merged);
        let team = self.team(&merged, &scales, &items);
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
            team: team?,
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
}

/// The decision-rights letters, in the order the grid offers them.
pub const LETTERS: [char; 4] = ['R', 'A', 'C', 'I'];

/// Steps on the ladder of handing a decision over.
pub const LADDER_STEPS: usize = 7;

impl Checker {
    fn team(
        &mut self,
        merged: &Merged<'_>,
        scales: &BTreeMap<String, Scale>,
        items: &BTreeMap<String, Vec<Item>>,
    ) -> Option<TeamText> {
        let Some((at, spanned)) = merged.team else {
            self.errors
                .push(file_error("(workbook)", "no file has a [team] table"));
            return None;
        };
        let raw: &RawTeam = spanned.get_ref();
        let line = at.line(spanned);
        let name = Some("[team]".to_string());
        for (field, text) in [
            ("title", &raw.title),
            ("intro", &raw.intro),
            ("people_intro", &raw.people_intro),
            ("ratings_intro", &raw.ratings_intro),
            ("map_intro", &raw.map_intro),
            ("readiness_rule", &raw.readiness_rule),
            ("aligned", &raw.aligned),
            ("ahead", &raw.ahead),
            ("behind", &raw.behind),
            ("short", &raw.short),
            ("unplaced", &raw.unplaced),
            ("competence_intro", &raw.competence_intro),
            ("single_holder", &raw.single_holder),
            ("single_holder_you", &raw.single_holder_you),
            ("nobody_holds", &raw.nobody_holds),
            ("for_learning", &raw.for_learning),
            ("for_performance", &raw.for_performance),
            ("decisions_intro", &raw.decisions_intro),
            ("ladder_question", &raw.ladder_question),
            ("no_accountable", &raw.no_accountable),
            ("many_accountable", &raw.many_accountable),
            ("you_hold_every_a", &raw.you_hold_every_a),
            ("no_say", &raw.no_say),
            ("suggest_ready", &raw.suggest_ready),
            ("suggest_holds", &raw.suggest_holds),
            ("suggest_short", &raw.suggest_short),
            ("suggest_learning", &raw.suggest_learning),
        ] {
            self.check_text(at, line, name.clone(), field, text);
        }
        // A note names what it is about, or it cannot be told apart.
        for (field, text, placeholders) in [
            (
                "single_holder",
                &raw.single_holder,
                &["{person}", "{skill}"][..],
            ),
            (
                "single_holder_you",
                &raw.single_holder_you,
                &["{skill}"][..],
            ),
            ("nobody_holds", &raw.nobody_holds, &["{skill}"][..]),
            ("no_accountable", &raw.no_accountable, &["{decision}"][..]),
            (
                "many_accountable",
                &raw.many_accountable,
                &["{decision}"][..],
            ),
            ("no_say", &raw.no_say, &["{person}", "{decision}"][..]),
            ("suggest_holds", &raw.suggest_holds, &["{skills}"][..]),
            ("suggest_short", &raw.suggest_short, &["{parts}"][..]),
            ("suggest_learning", &raw.suggest_learning, &["{skills}"][..]),
        ] {
            for placeholder in placeholders {
                if !text.contains(placeholder) {
                    self.error(
                        at,
                        line,
                        name.clone(),
                        format!("`{field}` must say {placeholder}"),
                    );
                }
            }
        }
        if raw.ladder.len() != LADDER_STEPS {
            self.error(
                at,
                line,
                name.clone(),
                format!(
                    "`ladder` needs {LADDER_STEPS} steps, found {}",
                    raw.ladder.len()
                ),
            );
        }
        for step in &raw.ladder {
            self.check_text(at, line, name.clone(), "ladder", step);
        }
        if raw.say_from < 1 || raw.say_from > LADDER_STEPS as i64 {
            self.error(
                at,
                line,
                name.clone(),
                format!("`say_from` must be a ladder step, 1 to {LADDER_STEPS}"),
            );
        }
        self.check_prompts(at, line, name.clone(), &raw.prompts);
        let letters: Vec<Letter> = raw
            .letter
            .iter()
            .map(|letter| {
                self.check_text(at, line, name.clone(), "letter.title", &letter.title);
                self.check_text(at, line, name.clone(), "letter.summary", &letter.summary);
                Letter {
                    letter: letter.letter.chars().next().unwrap_or(' '),
                    title: letter.title.clone(),
                    summary: letter.summary.clone(),
                }
            })
            .collect();
        let found: Vec<char> = letters.iter().map(|letter| letter.letter).collect();
        if found != LETTERS || raw.letter.iter().any(|letter| letter.letter.len() != 1) {
            self.error(
                at,
                line,
                name.clone(),
                "needs four [[team.letter]]: \"R\", \"A\", \"C\" then \"I\"".into(),
            );
        }
        let known = |list: &str, id: &str| {
            items
                .get(list)
                .is_some_and(|items| items.iter().any(|item| item.id == id))
        };
        let mut remedies = BTreeMap::new();
        for (finding, links) in &raw.remedies {
            let findings = ["holding-on", "competence", "decisions"];
            if !findings.contains(&finding.as_str()) && !known("readiness", finding) {
                self.error(
                    at,
                    line,
                    name.clone(),
                    format!(
                        "[team.remedies] `{finding}` is neither a readiness item nor one of {}",
                        findings.join(", ")
                    ),
                );
            }
            for link in links {
                if !known("remedy", link.get_ref()) {
                    self.error(
                        at,
                        at.line(link),
                        name.clone(),
                        format!("links to unknown remedy `{}`", link.get_ref()),
                    );
                }
            }
            remedies.insert(
                finding.clone(),
                links.iter().map(|link| link.get_ref().clone()).collect(),
            );
        }
        let comfort = self.scale_ref(at, scales, name.clone(), &raw.comfort_scale);
        let readiness = self.scale_ref(at, scales, name.clone(), &raw.readiness_scale);
        let competence = self.scale_ref(at, scales, name.clone(), &raw.competence_scale)?;
        if raw.holds_from < 1 || raw.holds_from > i64::from(competence.max()) {
            self.error(
                at,
                line,
                name,
                format!(
                    "`holds_from` must be between 1 and {} on scale `{}`",
                    competence.max(),
                    competence.id
                ),
            );
        }
        Some(TeamText {
            title: raw.title.clone(),
            intro: raw.intro.clone(),
            people_intro: raw.people_intro.clone(),
            ratings_intro: raw.ratings_intro.clone(),
            map_intro: raw.map_intro.clone(),
            comfort_scale: comfort?,
            readiness_scale: readiness?,
            readiness_rule: raw.readiness_rule.clone(),
            aligned: raw.aligned.clone(),
            ahead: raw.ahead.clone(),
            behind: raw.behind.clone(),
            short: raw.short.clone(),
            unplaced: raw.unplaced.clone(),
            competence_intro: raw.competence_intro.clone(),
            holds_from: raw.holds_from.clamp(1, i64::from(competence.max())) as u8,
            competence_scale: competence,
            single_holder: raw.single_holder.clone(),
            single_holder_you: raw.single_holder_you.clone(),
            nobody_holds: raw.nobody_holds.clone(),
            for_learning: raw.for_learning.clone(),
            for_performance: raw.for_performance.clone(),
            decisions_intro: raw.decisions_intro.clone(),
            ladder_question: raw.ladder_question.clone(),
            say_from: raw.say_from.clamp(1, LADDER_STEPS as i64) as u8,
            no_accountable: raw.no_accountable.clone(),
            many_accountable: raw.many_accountable.clone(),
            you_hold_every_a: raw.you_hold_every_a.clone(),
            no_say: raw.no_say.clone(),
            suggest_ready: raw.suggest_ready.clone(),
            suggest_holds: raw.suggest_holds.clone(),
            suggest_short: raw.suggest_short.clone(),
            suggest_learning: raw.suggest_learning.clone(),
            ladder: raw.ladder.clone(),
            prompts: raw.prompts.clone(),
            letters,
            remedies,
        })
    }
}
