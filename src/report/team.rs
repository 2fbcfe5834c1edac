//! The team map in a summary or a report: the placement set beside the
//! map, the notes worth discussing, the evidence behind a recommendation in
//! words, in a report the team as tables, and two teams compared.

use crate::assessment::{
    Alignment, Assessment, MapTally, Presence, Summary, TeamEvidence, alignment_words, columns,
    compare_teams, display_name, placements,
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

/// Where a person sat, in a word or two: "letting go ahead", "aligned".
fn sat_words(sat: Option<(u8, u8, Alignment)>) -> String {
    match sat {
        None => "not placed".to_string(),
        Some((comfort, readiness, alignment)) => {
            let words = match alignment {
                Alignment::Aligned => "aligned",
                Alignment::Ahead => "letting go ahead",
                Alignment::Behind => "holding on",
            };
            format!("{words} ({comfort} / {readiness})")
        }
    }
}

/// The team maps of two assessments compared: per person where they sat
/// then and now (who joined, who left, who was renamed), competence per
/// person and skill, and how far each decision had been handed over.
pub fn compared(doc: &mut Document, workbook: &Workbook, earlier: &Assessment, later: &Assessment) {
    let comparison = compare_teams(workbook, earlier, later);
    if comparison.is_empty() {
        return;
    }
    doc.heading(2, "The team map, then and now");
    if !comparison.people.is_empty() {
        doc.line("Each person: where they sat (comfort / readiness) then and now.");
        let rows = comparison
            .people
            .iter()
            .map(|person| {
                let name = match &person.was {
                    Some(was) => format!("{} (was {was})", person.name),
                    None => person.name.clone(),
                };
                let (then, now) = match person.presence {
                    Presence::Both => (sat_words(person.then), sat_words(person.now)),
                    Presence::Joined => ("not on the team".to_string(), sat_words(person.now)),
                    Presence::Left => (sat_words(person.then), "left the team".to_string()),
                };
                let moved = match person.presence {
                    Presence::Joined => "joined".to_string(),
                    Presence::Left => "left".to_string(),
                    Presence::Both => match (person.then, person.now) {
                        (Some(a), Some(b)) if a.2 == b.2 => "same".to_string(),
                        (Some(_), Some(_)) => {
                            format!("{} → {}", short(person.then), short(person.now))
                        }
                        _ => "—".to_string(),
                    },
                };
                vec![name, then, now, moved]
            })
            .collect();
        doc.table(&["Person", "Then", "Now", "Moved"], rows);
    }
    if !comparison.levels.is_empty() {
        doc.heading(3, "Competence, then and now");
        let scale = &workbook.team.competence_scale;
        let level = |value: Option<u8>| {
            value
                .and_then(|v| scale.label(v))
                .unwrap_or("—")
                .to_string()
        };
        let rows = comparison
            .levels
            .iter()
            .map(|change| {
                let moved = match (change.then, change.now) {
                    (Some(a), Some(b)) if b > a => format!("up {}", b - a),
                    (Some(a), Some(b)) if a > b => format!("down {}", a - b),
                    (Some(_), Some(_)) => "same".to_string(),
                    _ => "—".to_string(),
                };
                vec![
                    change.skill.clone(),
                    change.person.clone(),
                    level(change.then),
                    level(change.now),
                    moved,
                ]
            })
            .collect();
        doc.table(&["Skill", "Person", "Then", "Now", "Moved"], rows);
    }
    if !comparison.decisions.is_empty() {
        doc.heading(3, "Decisions handed over, then and now");
        let ladder = &workbook.team.ladder;
        let step = |step: Option<u8>| {
            step.and_then(|s| {
                Some(format!(
                    "{s} {}",
                    ladder.get(usize::from(s).checked_sub(1)?)?
                ))
            })
            .unwrap_or_else(|| "—".to_string())
        };
        let rows = comparison
            .decisions
            .iter()
            .map(|change| {
                let moved = match (change.then, change.now) {
                    (Some(a), Some(b)) if b > a => format!("up the ladder {}", b - a),
                    (Some(a), Some(b)) if a > b => format!("back down {}", a - b),
                    (Some(_), Some(_)) => "same".to_string(),
                    _ => "—".to_string(),
                };
                vec![
                    change.title.clone(),
                    step(change.then),
                    step(change.now),
                    moved,
                ]
            })
            .collect();
        doc.table(&["Decision", "Then", "Now", "Moved"], rows);
    }
}

fn short(sat: Option<(u8, u8, Alignment)>) -> &'static str {
    match sat.map(|sat| sat.2) {
        Some(Alignment::Aligned) => "aligned",
        Some(Alignment::Ahead) => "letting go ahead",
        Some(Alignment::Behind) => "holding on",
        None => "not placed",
    }
}
