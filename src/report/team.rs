//! The team map in a summary or a report: the placement set beside the
//! map, the notes worth discussing, the evidence behind a recommendation in
//! words, and (in a report) the team as tables.

use crate::assessment::{
    Assessment, MapTally, Summary, TeamEvidence, alignment_words, columns, display_name, placements,
};
use crate::content::{SectionKind, Workbook};

use super::document::Document;
use super::words::Voice;

/// "You placed yourself “About right”; on the team map, your comfort is
/// below their readiness for 3 of your 5 people, …": the self-placement
/// beside what the map shows. Nothing when nobody is placed.
pub fn beside_placement(doc: &mut Document, workbook: &Workbook, summary: &Summary, voice: Voice) {
    let MapTally {
        people,
        aligned,
        ahead,
        behind,
    } = summary.map;
    if summary.map.placed() == 0 {
        return;
    }
    let (placed_as, your) = match voice {
        Voice::Yours => ("You placed yourself", "your"),
        Voice::Theirs => ("They placed themselves", "their"),
    };
    let placement = summary
        .placement
        .and_then(|rating| workbook.gap.placement_scale.label(rating))
        .map_or_else(
            || format!("{placed_as} nowhere yet"),
            |label| format!("{placed_as} at “{label}”"),
        );
    let mut parts = Vec::new();
    for (count, words) in [
        (behind, "comfort is below their readiness"),
        (ahead, "comfort is above their readiness"),
        (aligned, "comfort and their readiness agree"),
    ] {
        if count > 0 {
            parts.push(format!(
                "for {count} of {your} {people} people {your} {words}"
            ));
        }
    }
    doc.line(format!(
        "{placement}; on the team map, {}.",
        parts.join(", ")
    ));
}

/// Single points of failure, skills nobody holds and decisions without a
/// clear owner, as things worth discussing.
pub fn worth_discussing(
    doc: &mut Document,
    workbook: &Workbook,
    assessment: &Assessment,
    summary: &Summary,
) {
    if summary.team_notes.is_empty() {
        return;
    }
    doc.heading(2, "Worth discussing on the team map");
    for note in &summary.team_notes {
        doc.warning(note.words(workbook, &assessment.team));
    }
}

/// One piece of team evidence as a reason: "Priya Shah's clarity is 1 of 4
/// while your comfort handing them work is 4 of 4".
pub fn evidence_words(
    workbook: &Workbook,
    assessment: &Assessment,
    evidence: &TeamEvidence,
    voice: Voice,
) -> String {
    let team = &assessment.team;
    let text = &workbook.team;
    let your = match voice {
        Voice::Yours => "your",
        Voice::Theirs => "the leader's",
    };
    let readiness_top = text.readiness_scale.max();
    let comfort_top = text.comfort_scale.max();
    let handing = |member: &str| {
        let work = team
            .member(member)
            .map(|m| m.work.trim().to_string())
            .unwrap_or_default();
        if work.is_empty() {
            "handing them work".to_string()
        } else {
            format!("handing them “{work}”")
        }
    };
    match evidence {
        TeamEvidence::Short {
            member,
            part,
            value,
            comfort,
        } => {
            let part = workbook
                .section(SectionKind::Readiness)
                .item(part)
                .map_or_else(|| part.clone(), |item| item.title.to_lowercase());
            format!(
                "{}'s {part} is {value} of {readiness_top} while {your} comfort {} is {comfort} of {comfort_top}",
                display_name(team, member),
                handing(member)
            )
        }
        TeamEvidence::HoldingOn {
            member,
            readiness,
            comfort,
        } => format!(
            "{}'s readiness is {readiness} of {readiness_top} while {your} comfort {} is {comfort} of {comfort_top}",
            display_name(team, member),
            handing(member)
        ),
        TeamEvidence::Note(note) => note.words(workbook, team),
    }
}

/// The whole team in a report: a table per part, keyed by the people's and
/// skills' names as they are now.
pub fn tables(doc: &mut Document, workbook: &Workbook, assessment: &Assessment) {
    let team = &assessment.team;
    if team.is_empty() {
        return;
    }
    doc.heading(2, "The team map");
    let readiness = &workbook.section(SectionKind::Readiness).items;
    let mut headers = vec!["Person", "Role", "Comfort"];
    headers.extend(readiness.iter().map(|item| item.title.as_str()));
    headers.push("Where they sit");
    let placed = placements(workbook, team);
    let rows = placed
        .iter()
        .map(|(member, placed)| {
            let number =
                |value: Option<u8>| value.map_or_else(|| "—".to_string(), |v| v.to_string());
            let mut row = vec![
                display_name(team, &member.id),
                member.role.clone(),
                number(member.comfort),
            ];
            row.extend(
                readiness
                    .iter()
                    .map(|item| number(member.readiness.get(&item.id).copied())),
            );
            row.push(alignment_words(workbook, placed.as_ref()));
            row
        })
        .collect();
    doc.table(&headers, rows);
    doc.muted_line(workbook.team.readiness_rule.clone());
    let gone: Vec<String> = team
        .members
        .iter()
        .filter(|member| member.gone)
        .map(|member| member.name.clone())
        .collect();
    if !gone.is_empty() {
        doc.muted_line(format!("No longer on the team: {}.", gone.join(", ")));
    }

    let people = columns(team);
    let names: Vec<String> = people.iter().map(|id| display_name(team, id)).collect();
    if !team.skills.is_empty() {
        doc.heading(3, "Competence map");
        let mut headers = vec!["Skill"];
        headers.extend(names.iter().map(String::as_str));
        let scale = &workbook.team.competence_scale;
        let rows = team
            .skills
            .iter()
            .map(|skill| {
                std::iter::once(skill.name.clone())
                    .chain(people.iter().map(|id| {
                        skill
                            .levels
                            .get(*id)
                            .and_then(|level| scale.label(*level))
                            .unwrap_or("—")
                            .to_string()
                    }))
                    .collect()
            })
            .collect();
        doc.table(&headers, rows);
    }
    if !team.decisions.is_empty() {
        doc.heading(3, "Decision rights");
        let mut headers = vec!["Decision"];
        headers.extend(names.iter().map(String::as_str));
        headers.extend(["Now", "Next", "By"]);
        let ladder = &workbook.team.ladder;
        let step = |step: Option<u8>| {
            step.and_then(|s| ladder.get(usize::from(s).checked_sub(1)?))
                .map_or_else(|| "—".to_string(), |words| words.clone())
        };
        let rows = team
            .decisions
            .iter()
            .map(|decision| {
                let mut row = vec![decision.title.clone()];
                row.extend(people.iter().map(|id| {
                    decision
                        .rights
                        .get(*id)
                        .map_or_else(|| "—".to_string(), |raci| raci.letter().to_string())
                }));
                row.push(step(decision.now));
                row.push(step(decision.next));
                row.push(super::words::due(decision.by));
                row
            })
            .collect();
        doc.table(&headers, rows);
        let letters: Vec<String> = workbook
            .team
            .letters
            .iter()
            .map(|letter| format!("{} {}: {}", letter.letter, letter.title, letter.summary))
            .collect();
        doc.muted_line(letters.join(" "));
    }
}
