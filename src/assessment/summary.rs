//! What the summary worksheet shows: the strongest answers, the remedies
//! they point to (with the reasons), nearby patterns worth reading,
//! support flags, and which way the answers lean.

use std::collections::BTreeMap;

use crate::content::{Section, SectionKind, Workbook};

use super::balance::{Balance, balance};
use super::leaning::{Leaning, leaning};
use super::model::Assessment;
use super::score::{SectionScore, section_scores};

/// One answer that stood out, kept with where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notable {
    pub kind: SectionKind,
    pub item: String,
    pub rating: u8,
}

/// A remedy suggested by the person's answers, and the answers that led to
/// it, so the summary can say why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recommendation {
    pub remedy: String,
    pub reasons: Vec<Notable>,
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
}

impl Summary {
    pub fn of(workbook: &Workbook, assessment: &Assessment) -> Self {
        let notable_in = |kind| notable(workbook.section(kind), assessment);
        let drivers = notable_in(SectionKind::Drivers);
        let symptoms = notable_in(SectionKind::Symptoms);
        let aggravators = notable_in(SectionKind::Aggravators);
        let recommendations = recommend(workbook, assessment, &[&drivers, &symptoms, &aggravators]);
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

/// Remedies linked from notable drivers, symptoms and aggravators, ranked by
/// how much weight points at them (each reason counts its rating as a share
/// of its scale). Remedies the person already practises consistently are
/// left out: they are strengths, not next steps.
fn recommend(
    workbook: &Workbook,
    assessment: &Assessment,
    notable_lists: &[&Vec<Notable>],
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
    let top = remedies.scale.max();
    let mut ranked: Vec<(usize, f64, Recommendation)> = remedies
        .items
        .iter()
        .enumerate()
        .filter_map(|(order, remedy)| {
            let reasons = reasons.remove(remedy.id.as_str())?;
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
                    practice,
                },
            ))
        })
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
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
