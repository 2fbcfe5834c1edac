//! What the summary worksheet shows: the strongest answers, the remedies
//! they point to (with the reasons), nearby patterns worth reading,
//! support flags, and which way the answers lean.

use std::collections::BTreeMap;

use crate::content::{Section, SectionKind, Workbook};

use super::balance::{Balance, balance};
use super::leaning::{Leaning, leaning};
use super::model::Assessment;
use super::score::{SectionScore, section_scores};
use super::team_map::{Alignment, TeamNote, competence_notes, decision_notes, placements};

/// One answer that stood out, kept with where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notable {
    pub kind: SectionKind,
    pub item: String,
    pub rating: u8,
}

/// Something on the team map that points to a remedy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TeamEvidence {
    /// A part of `member`'s readiness (`part`, a readiness item id) is
    /// `value`, more than a point below the leader's `comfort`.
    Short {
        member: String,
        part: String,
        value: u8,
        comfort: u8,
    },
    /// The leader's comfort is more than a point below `member`'s
    /// readiness.
    HoldingOn {
        member: String,
        readiness: u8,
        comfort: u8,
    },
    /// A note from the competence map or the decision rights.
    Note(TeamNote),
}

/// A remedy suggested by the person's answers, and the answers that led to
/// it, so the summary can say why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recommendation {
    pub remedy: String,
    pub reasons: Vec<Notable>,
    /// What on the team map points to it.
    pub team: Vec<TeamEvidence>,
    /// Where the person said they are with this remedy today, if answered.
    pub practice: Option<u8>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternPointer {
    pub pattern: String,
    pub because: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub scores: Vec<SectionScore>,
    pub placement: Option<u8>,
    pub strongest_drivers: Vec<Notable>,
    pub frequent_symptoms: Vec<Notable>,
    pub active_aggravators: Vec<Notable>,
    pub recommendations: Vec<Recommendation>,
    pub patterns: Vec<PatternPointer>,
    pub support_flags: Vec<Notable>,
    pub balance: Balance,
    /// Which way the answers lean, and the answers that say so.
    pub leaning: Leaning,
    /// How the people on the team map sit, to set beside the placement.
    pub map: MapTally,
    /// Single points of failure, skills nobody holds, decisions without
    /// a clear owner: worth discussing.
    pub team_notes: Vec<TeamNote>,
}

/// How many of the people on the team now sit where on the map.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MapTally {
    pub people: usize,
    pub aligned: usize,
    pub ahead: usize,
    pub behind: usize,
}

impl MapTally {
    pub fn placed(&self) -> usize {
        self.aligned + self.ahead + self.behind
    }
}

impl Summary {
    pub fn of(workbook: &Workbook, assessment: &Assessment) -> Self {
        let notable_in = |kind| notable(workbook.section(kind), assessment);
        let drivers = notable_in(SectionKind::Drivers);
        let symptoms = notable_in(SectionKind::Symptoms);
        let aggravators = notable_in(SectionKind::Aggravators);
        let team_notes: Vec<TeamNote> = competence_notes(workbook, &assessment.team)
            .into_iter()
            .chain(decision_notes(workbook, &assessment.team))
            .collect();
        let recommendations = recommend(
            workbook,
            assessment,
            &[&drivers, &symptoms, &aggravators],
            &team_evidence(workbook, assessment, &team_notes),
        );
        Summary {
            scores: section_scores(workbook, assessment),
            placement: assessment.placement.rating,
            patterns: patterns_worth_reading(workbook, &symptoms),
            strongest_drivers: drivers,
            frequent_symptoms: symptoms,
            active_aggravators: aggravators,
            recommendations,
            support_flags: notable_in(SectionKind::Support),
            balance: balance(&assessment.tasks),
            leaning: leaning(workbook, assessment),
            map: tally(workbook, assessment),
            team_notes,
        }
    }
}

/// Answers at or above the section's `notable_from`, strongest first, in
/// content order among equals.
pub fn notable(section: &Section, assessment: &Assessment) -> Vec<Notable> {
    let mut found: Vec<Notable> = section
        .items
        .iter()
        .filter_map(|item| {
            let rating = assessment.rating(section.kind, &item.id)?;
            (rating >= section.notable_from).then(|| Notable {
                kind: section.kind,
                item: item.id.clone(),
                rating,
            })
        })
        .collect();
    found.sort_by_key(|found| std::cmp::Reverse(found.rating));
    found
}

fn tally(workbook: &Workbook, assessment: &Assessment) -> MapTally {
    let mut tally = MapTally::default();
    for (_, placed) in placements(workbook, &assessment.team) {
        tally.people += 1;
        match placed.map(|placed| placed.alignment) {
            Some(Alignment::Aligned) => tally.aligned += 1,
            Some(Alignment::Ahead) => tally.ahead += 1,
            Some(Alignment::Behind) => tally.behind += 1,
            None => {}
        }
    }
    tally
}

/// Everything on the team map that points to remedies, each with the
/// remedies it points to (from the content's `[team.remedies]`) and its
/// weight: how far apart comfort and readiness are, as a share of the
/// scale, or a half for a note.
fn team_evidence(
    workbook: &Workbook,
    assessment: &Assessment,
    notes: &[TeamNote],
) -> Vec<(TeamEvidence, f64, Vec<String>)> {
    let text = &workbook.team;
    let top = f64::from(text.comfort_scale.max().max(1));
    let mut found = Vec::new();
    for (member, placed) in placements(workbook, &assessment.team) {
        let Some(placed) = placed else {
            continue;
        };
        match placed.alignment {
            Alignment::Ahead => {
                for part in &placed.short {
                    let value = member.readiness.get(part).copied().unwrap_or_default();
                    found.push((
                        TeamEvidence::Short {
                            member: member.id.clone(),
                            part: part.clone(),
                            value,
                            comfort: placed.comfort,
                        },
                        f64::from(placed.comfort - value) / top,
                        text.remedies_for(part).to_vec(),
                    ));
                }
            }
            Alignment::Behind => found.push((
                TeamEvidence::HoldingOn {
                    member: member.id.clone(),
                    readiness: placed.readiness,
                    comfort: placed.comfort,
                },
                f64::from(placed.readiness - placed.comfort) / top,
                text.remedies_for("holding-on").to_vec(),
            )),
            Alignment::Aligned => {}
        }
    }
    for note in notes {
        let finding = match note {
            TeamNote::SingleHolder { .. } | TeamNote::NobodyHolds { .. } => "competence",
            _ => "decisions",
        };
        found.push((
            TeamEvidence::Note(note.clone()),
            0.5,
            text.remedies_for(finding).to_vec(),
        ));
    }
    found
}

/// Remedies the answers point to, ranked by evidence: each notable
/// driver, symptom or aggravator linked to a remedy adds its rating as a
/// share of its scale; each gap on the team map adds how far apart comfort
/// and readiness are, as a share of the scale; each note of the competence
/// map or the decision rights adds a half. Ties go to the remedy with more
/// pieces of evidence, then to the workbook's order. Remedies the person
/// already practises consistently are left out: they are strengths, not
/// next steps.
fn recommend(
    workbook: &Workbook,
    assessment: &Assessment,
    notable_lists: &[&Vec<Notable>],
    team: &[(TeamEvidence, f64, Vec<String>)],
) -> Vec<Recommendation> {
    let remedies = workbook.section(SectionKind::Remedies);
    let mut reasons: BTreeMap<&str, Vec<Notable>> = BTreeMap::new();
    let mut weights: BTreeMap<&str, f64> = BTreeMap::new();
    for list in notable_lists {
        for found in list.iter() {
            let section = workbook.section(found.kind);
            let Some(item) = section.item(&found.item) else {
                continue;
            };
            let weight = f64::from(found.rating) / f64::from(section.scale.max().max(1));
            for remedy in &item.remedies {
                reasons.entry(remedy).or_default().push(found.clone());
                *weights.entry(remedy).or_default() += weight;
            }
        }
    }
    let mut evidence: BTreeMap<&str, Vec<TeamEvidence>> = BTreeMap::new();
    for (found, weight, linked) in team {
        for remedy in linked {
            evidence.entry(remedy).or_default().push(found.clone());
            *weights.entry(remedy).or_default() += weight;
        }
    }
    let top = remedies.scale.max();
    let mut ranked: Vec<(usize, f64, Recommendation)> = remedies
        .items
        .iter()
        .enumerate()
        .filter_map(|(order, remedy)| {
            let reasons = reasons.remove(remedy.id.as_str()).unwrap_or_default();
            let team = evidence.remove(remedy.id.as_str()).unwrap_or_default();
            if reasons.is_empty() && team.is_empty() {
                return None;
            }
            let practice = assessment.rating(SectionKind::Remedies, &remedy.id);
            if practice == Some(top) {
                return None;
            }
            let weight = weights.get(remedy.id.as_str()).copied().unwrap_or_default();
            Some((
                order,
                weight,
                Recommendation {
                    remedy: remedy.id.clone(),
                    reasons,
                    team,
                    practice,
                },
            ))
        })
        .collect();
    let pieces = |r: &Recommendation| r.reasons.len() + r.team.len();
    ranked.sort_by(|a, b| {
        b.1.total_cmp(&a.1)
            .then(pieces(&b.2).cmp(&pieces(&a.2)))
            .then(a.0.cmp(&b.0))
    });
    ranked
        .into_iter()
        .map(|(_, _, recommendation)| recommendation)
        .collect()
}

fn patterns_worth_reading(workbook: &Workbook, symptoms: &[Notable]) -> Vec<PatternPointer> {
    let section = workbook.section(SectionKind::Symptoms);
    let mut pointers: Vec<PatternPointer> = Vec::new();
    for found in symptoms {
        let Some(symptom) = section.item(&found.item) else {
            continue;
        };
        for pattern in &symptom.patterns {
            match pointers
                .iter_mut()
                .find(|pointer| &pointer.pattern == pattern)
            {
                Some(pointer) => pointer.because.push(symptom.id.clone()),
                None => pointers.push(PatternPointer {
                    pattern: pattern.clone(),
                    because: vec![symptom.id.clone()],
                }),
            }
        }
    }
    pointers
}
