//! The shape of a content file exactly as authored. Parsing is strict: an
//! unknown field is a typo, and a typo must be an error, not silence.

use serde::Deserialize;
use toml::Spanned;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContentFile {
    pub workbook: Option<Spanned<RawWorkbook>>,
    #[serde(default)]
    pub scale: Vec<Spanned<RawScale>>,
    #[serde(default)]
    pub section: Vec<Spanned<RawSection>>,
    pub gap: Option<Spanned<RawGap>>,
    pub modes: Option<Spanned<RawModes>>,
    pub team: Option<Spanned<RawTeam>>,
    #[serde(default)]
    pub readiness: Vec<Spanned<RawItem>>,
    #[serde(default)]
    pub driver: Vec<Spanned<RawItem>>,
    #[serde(default)]
    pub symptom: Vec<Spanned<RawItem>>,
    #[serde(default)]
    pub aggravator: Vec<Spanned<RawItem>>,
    #[serde(default)]
    pub remedy: Vec<Spanned<RawItem>>,
    #[serde(default)]
    pub support: Vec<Spanned<RawItem>>,
    #[serde(default)]
    pub pattern: Vec<Spanned<RawItem>>,
    #[serde(default)]
    pub topic: Vec<Spanned<RawItem>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawWorkbook {
    pub version: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScale {
    pub id: Spanned<String>,
    pub title: String,
    pub points: Vec<RawPoint>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPoint {
    pub value: i64,
    pub label: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSection {
    pub id: Spanned<String>,
    pub title: String,
    pub intro: String,
    pub question: String,
    pub scale: Spanned<String>,
    pub better: Spanned<String>,
    pub notable_from: i64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawItem {
    pub id: Spanned<String>,
    pub title: String,
    pub summary: String,
    pub explanation: String,
    pub prompts: Vec<String>,
    #[serde(default)]
    pub remedies: Vec<Spanned<String>>,
    #[serde(default)]
    pub patterns: Vec<Spanned<String>>,
    pub difference: Option<String>,
    pub who: Option<String>,
    pub leans: Option<Spanned<String>>,
    pub other_direction: Option<String>,
    pub other_prompt: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGap {
    pub title: String,
    pub summary: String,
    pub explanation: String,
    pub characteristics: Vec<String>,
    pub when_it_lasts: String,
    pub scenario: String,
    pub scenario_prompts: Vec<String>,
    pub placement_question: String,
    pub placement_scale: Spanned<String>,
    pub direction: Vec<Spanned<RawItem>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawModes {
    pub title: String,
    pub summary: String,
    pub explanation: String,
    pub question: String,
    pub only_performance: String,
    pub only_learning: String,
    pub mode: Vec<Spanned<RawMode>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMode {
    pub id: Spanned<String>,
    pub title: String,
    pub summary: String,
    pub explanation: String,
    pub goal: String,
    pub mindset: String,
    pub example: String,
    pub prompts: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTeam {
    pub title: String,
    pub intro: String,
    pub people_intro: String,
    pub ratings_intro: String,
    pub map_intro: String,
    pub comfort_scale: Spanned<String>,
    pub readiness_scale: Spanned<String>,
    pub readiness_rule: String,
    pub aligned: String,
    pub ahead: String,
    pub behind: String,
    pub short: String,
    pub unplaced: String,
    pub competence_intro: String,
    pub competence_scale: Spanned<String>,
    pub holds_from: i64,
    pub single_holder: String,
    pub single_holder_you: String,
    pub nobody_holds: String,
    pub for_learning: String,
    pub for_performance: String,
    pub decisions_intro: String,
    pub ladder_question: String,
    pub say_from: i64,
    pub no_accountable: String,
    pub many_accountable: String,
    pub you_hold_every_a: String,
    pub no_say: String,
    pub suggest_ready: String,
    pub suggest_holds: String,
    pub suggest_short: String,
    pub suggest_learning: String,
    pub ladder: Vec<String>,
    pub prompts: Vec<String>,
    pub letter: Vec<RawLetter>,
    /// Remedy ids each finding of the team map points to: a readiness
    /// item's id, `holding-on`, `competence` or `decisions`.
    pub remedies: std::collections::BTreeMap<String, Vec<Spanned<String>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLetter {
    pub letter: String,
    pub title: String,
    pub summary: String,
}
