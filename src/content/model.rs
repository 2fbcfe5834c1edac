//! The workbook as the rest of the program sees it: validated, linked, and
//! free of the spans and options the loader needs while parsing.

use std::fmt;

/// Every rated worksheet the code knows how to ask. Content chooses each
/// one's wording and scale; the code decides where it appears.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SectionKind {
    Readiness,
    Drivers,
    Symptoms,
    Aggravators,
    Remedies,
    Support,
}

impl SectionKind {
    pub const ALL: [SectionKind; 6] = [
        SectionKind::Readiness,
        SectionKind::Drivers,
        SectionKind::Symptoms,
        SectionKind::Aggravators,
        SectionKind::Remedies,
        SectionKind::Support,
    ];

    /// The stable key used in content files and saved assessments.
    pub fn key(self) -> &'static str {
        match self {
            SectionKind::Readiness => "readiness",
            SectionKind::Drivers => "drivers",
            SectionKind::Symptoms => "symptoms",
            SectionKind::Aggravators => "aggravators",
            SectionKind::Remedies => "remedies",
            SectionKind::Support => "support",
        }
    }

    pub fn from_key(key: &str) -> Option<SectionKind> {
        SectionKind::ALL.into_iter().find(|kind| kind.key() == key)
    }
}

impl fmt::Display for SectionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// Which end of a scale a leader would want to move towards. Used to say
/// whether a change between two assessments is better or worse.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Better {
    Lower,
    Higher,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScalePoint {
    pub value: u8,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scale {
    pub id: String,
    pub title: String,
    /// Contiguous values starting at 0; the loader guarantees it.
    pub points: Vec<ScalePoint>,
}

impl Scale {
    pub fn max(&self) -> u8 {
        self.points.last().map_or(0, |point| point.value)
    }

    pub fn label(&self, value: u8) -> Option<&str> {
        self.points
            .iter()
            .find(|point| point.value == value)
            .map(|point| point.label.as_str())
    }
}

/// Which side of the gap a driver, symptom or aggravator points to when a
/// person rates it high: the placement scale's low end (holding on), its
/// high end (letting go too soon, without enough support), or either.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Leans {
    HoldingOn,
    LettingGo,
    Either,
}

impl Leans {
    pub const ALL: [Leans; 3] = [Leans::HoldingOn, Leans::LettingGo, Leans::Either];

    /// The value written in content files.
    pub fn key(self) -> &'static str {
        match self {
            Leans::HoldingOn => "holding-on",
            Leans::LettingGo => "letting-go",
            Leans::Either => "either",
        }
    }

    pub fn from_key(key: &str) -> Option<Leans> {
        Leans::ALL.into_iter().find(|leans| leans.key() == key)
    }
}

/// The text every item carries, whatever list it belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub explanation: String,
    pub prompts: Vec<String>,
    /// Remedies that answer this item (drivers, symptoms, aggravators).
    pub remedies: Vec<String>,
    /// Nearby patterns this item is easily confused with (symptoms).
    pub patterns: Vec<String>,
    /// How a nearby pattern differs from the gap (patterns only).
    pub difference: Option<String>,
    /// Whom this sign points to for help (support signs only).
    pub who: Option<String>,
    /// Which side of the gap a high rating points to (drivers, symptoms,
    /// aggravators; optional, so a coach's items without it still load).
    pub leans: Option<Leans>,
    /// How the same thing shows up on the other side of the gap from the
    /// one the item's own text speaks to (drivers, symptoms, aggravators).
    pub other_direction: Option<String>,
    /// A question for a leader on that other side.
    pub other_prompt: Option<String>,
}

/// A rated worksheet: its wording, its scale and its items.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub kind: SectionKind,
    pub title: String,
    pub intro: String,
    pub question: String,
    pub scale: Scale,
    pub better: Better,
    /// Ratings at or above this value count as notable: they drive
    /// recommendations and the summary's "strongest" lists.
    pub notable_from: u8,
    pub items: Vec<Item>,
}

impl Section {
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|item| item.id == id)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gap {
    pub title: String,
    pub summary: String,
    pub explanation: String,
    pub characteristics: Vec<String>,
    pub when_it_lasts: String,
    pub scenario: String,
    pub scenario_prompts: Vec<String>,
    /// The two directions, in the order the placement scale runs.
    pub directions: Vec<Item>,
    pub placement_question: String,
    pub placement_scale: Scale,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mode {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub explanation: String,
    pub goal: String,
    pub mindset: String,
    pub example: String,
    pub prompts: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Modes {
    pub title: String,
    pub summary: String,
    pub explanation: String,
    /// The reflection to make before handing a task over.
    pub question: String,
    pub only_performance: String,
    pub only_learning: String,
    pub modes: Vec<Mode>,
}

/// A letter of the decision-rights grid (R, A, C, I) and what it means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Letter {
    pub letter: char,
    pub title: String,
    pub summary: String,
}

/// The words of the team map: intros, its scales, the words that place a
/// person, the notes drawn from the competence map and the decision
/// rights (`{person}`, `{skill}` and `{decision}` are filled in), and the
/// ladder of handing a decision over, from the leader deciding alone to
/// the team deciding alone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamText {
    pub title: String,
    pub intro: String,
    pub people_intro: String,
    pub ratings_intro: String,
    pub map_intro: String,
    pub comfort_scale: Scale,
    pub readiness_scale: Scale,
    pub readiness_rule: String,
    pub aligned: String,
    pub ahead: String,
    pub behind: String,
    pub short: String,
    pub unplaced: String,
    pub competence_intro: String,
    pub competence_scale: Scale,
    /// The competence level from which a person can do the work on their
    /// own: below it (and above zero) they are learning.
    pub holds_from: u8,
    pub single_holder: String,
    pub single_holder_you: String,
    pub nobody_holds: String,
    pub for_learning: String,
    pub for_performance: String,
    pub decisions_intro: String,
    pub ladder_question: String,
    /// The ladder step (from 1) from which the team has a say.
    pub say_from: u8,
    pub no_accountable: String,
    pub many_accountable: String,
    pub you_hold_every_a: String,
    pub no_say: String,
    /// The suggested mode of a task, from the map: ready beyond the
    /// leader's comfort, holding a skill (`{skills}`), short on parts of
    /// readiness (`{parts}`), still learning a skill (`{skills}`).
    pub suggest_ready: String,
    pub suggest_holds: String,
    pub suggest_short: String,
    pub suggest_learning: String,
    /// Seven steps, from "I decide and tell you" up.
    pub ladder: Vec<String>,
    pub prompts: Vec<String>,
    /// R, A, C and I, in that order.
    pub letters: Vec<Letter>,
    /// Remedy ids each finding of the map points to, by a readiness item's
    /// id (that part short), `holding-on`, `competence` or `decisions`.
    pub remedies: std::collections::BTreeMap<String, Vec<String>>,
}

impl TeamText {
    /// The remedies a finding of the team map points to.
    pub fn remedies_for(&self, finding: &str) -> &[String] {
        self.remedies.get(finding).map_or(&[], Vec::as_slice)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Workbook {
    pub version: String,
    pub gap: Gap,
    pub sections: Vec<Section>,
    pub patterns: Vec<Item>,
    pub topics: Vec<Item>,
    pub modes: Modes,
    pub team: TeamText,
}

impl Workbook {
    pub fn section(&self, kind: SectionKind) -> &Section {
        // The loader refuses a workbook that lacks any section, so every
        // kind is present exactly once.
        self.sections
            .iter()
            .find(|section| section.kind == kind)
            .unwrap_or_else(|| unreachable!("validated workbook lacks section {kind}"))
    }

    pub fn pattern(&self, id: &str) -> Option<&Item> {
        self.patterns.iter().find(|item| item.id == id)
    }

    pub fn remedy(&self, id: &str) -> Option<&Item> {
        self.section(SectionKind::Remedies).item(id)
    }
}
