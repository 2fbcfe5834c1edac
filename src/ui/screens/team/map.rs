//! The map and the notes under the grids, as lines: what the team sheet
//! draws and what a page of the summary reuses.

use ratatui::text::{Line, Span};

use crate::assessment::{
    Alignment, Readiness, Team, alignment_words, competence_notes, display_name, handoffs,
    placements,
};
use crate::content::Workbook;
use crate::text::{sanitize, sanitize_line};
use crate::ui::Theme;

use super::name_or;

/// The letter that marks a person on the map: A for the first person on
/// the team now, B for the next…
pub fn map_letter(index: usize) -> char {
    char::from(b'A' + (index % 26) as u8)
}

/// Readiness across, comfort up, 0 to 4 each, every person a letter at
/// their point; the aligned band (within a point) dotted along the
/// diagonal. The legend beside says the same in words, so nothing rests
/// on colour.
pub fn map_chart(workbook: &Workbook, team: &Team, theme: Theme) -> Vec<Line<'static>> {
    const CELL: usize = 5;
    let top = workbook.team.comfort_scale.max();
    let right = workbook.team.readiness_scale.max();
    let placed = placements(workbook, team);
    let mut lines = vec![Line::styled("Comfort ↑", theme.heading())];
    for comfort in (0..=top).rev() {
        let mut spans = vec![Span::styled(format!("{comfort} │"), theme.muted())];
        for readiness in 0..=right {
            let here: String = placed
                .iter()
                .enumerate()
                .filter(|(_, (_, placed))| {
                    placed
                        .as_ref()
                        .is_some_and(|p| p.comfort == comfort && p.readiness == readiness)
                })
                .map(|(index, _)| map_letter(index))
                .collect();
            let aligned = comfort.abs_diff(readiness) <= 1;
            let text = if here.is_empty() {
                let fill = if aligned { "·" } else { " " };
                format!("{fill:^CELL$}")
            } else if here.chars().count() > CELL - 1 {
                let first: String = here.chars().take(CELL - 2).collect();
                format!("{first}+ ")
            } else {
                format!("{here:^CELL$}")
            };
            let style = if here.is_empty() {
                if aligned { theme.muted() } else { theme.text() }
            } else {
                theme.chosen()
            };
            spans.push(Span::styled(text, style));
        }
        lines.push(Line::from(spans));
    }
    let axis = "─".repeat(CELL * (usize::from(right) + 1));
    lines.push(Line::styled(format!("  └{axis}"), theme.muted()));
    let digits: String = (0..=right).map(|value| format!("{value:^CELL$}")).collect();
    lines.push(Line::styled(format!("   {digits}"), theme.muted()));
    lines.push(Line::styled(
        "   Readiness (the weakest part) →",
        theme.heading(),
    ));
    lines.push(Line::styled(
        "   · aligned  above: ahead  below: holding on",
        theme.muted(),
    ));
    lines
}

/// A line per person in words, the readiness rule, and the map's intro.
pub fn map_words(workbook: &Workbook, team: &Team, theme: Theme) -> Vec<Line<'static>> {
    let text = &workbook.team;
    let mut lines = vec![Line::from(sanitize(&text.map_intro))];
    let placed = placements(workbook, team);
    if placed.is_empty() {
        lines.push(Line::styled("No one on the team yet.", theme.muted()));
    }
    for (index, (member, placed)) in placed.iter().enumerate() {
        let name = display_name(team, &member.id);
        let numbers = placed.as_ref().map_or_else(String::new, |p| {
            format!(" (comfort {}, readiness {})", p.comfort, p.readiness)
        });
        let style = match placed.as_ref().map(|p| p.alignment) {
            Some(Alignment::Aligned) => theme.good(),
            Some(Alignment::Ahead | Alignment::Behind) => theme.warning(),
            None => theme.muted(),
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{} ", map_letter(index)), theme.key()),
            Span::styled(sanitize_line(&name), theme.heading()),
            Span::raw(numbers),
            Span::raw(" — "),
            Span::styled(alignment_words(workbook, placed.as_ref()), style),
        ]));
    }
    lines.push(Line::styled(sanitize(&text.readiness_rule), theme.muted()));
    lines
}

/// The competence map's notes: single holders and skills nobody holds,
/// then who is ready for which kind of handoff on the focused skill.
pub fn skill_notes(
    workbook: &Workbook,
    team: &Team,
    focused: usize,
    theme: Theme,
) -> Vec<Line<'static>> {
    let text = &workbook.team;
    let mut lines: Vec<Line<'static>> = competence_notes(workbook, team)
        .iter()
        .map(|note| {
            Line::styled(
                format!("· {}", sanitize_line(&note.words(workbook, team))),
                theme.warning(),
            )
        })
        .collect();
    let Some(skill) = team.skills.get(focused) else {
        return lines;
    };
    for (readiness, title) in [
        (Readiness::ForLearning, &text.for_learning),
        (Readiness::ForPerformance, &text.for_performance),
    ] {
        let people = handoffs(workbook, team, readiness)
            .into_iter()
            .find(|(id, _)| *id == skill.id)
            .map(|(_, people)| people)
            .unwrap_or_default();
        if people.is_empty() {
            continue;
        }
        let names: Vec<String> = people.iter().map(|id| display_name(team, id)).collect();
        lines.push(Line::from(sanitize_line(&format!(
            "· {}, {title}: {}",
            name_or(&skill.name, "(no name yet)"),
            names.join(", ")
        ))));
    }
    lines
}
