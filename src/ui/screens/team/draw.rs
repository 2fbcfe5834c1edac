//! Drawing the team sheet: the tabs of its five parts, the people, the
//! ratings grid, the map with its words, the skills and the decisions.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::assessment::{Field, MemberField, columns, decision_notes, display_name};
use crate::content::SectionKind;
use crate::session::{LadderEnd, TeamRating};
use crate::text::{sanitize, sanitize_line};
use crate::ui::Theme;
use crate::ui::grid::Grid;
use crate::ui::widgets::{choice_line, draw_form, field_lines, split_bottom, split_top};
use crate::ui::wrap;

use super::map::{map_chart, map_words, skill_notes};
use super::*;
use crate::ui::screens::worksheet::SheetView;

impl TeamView {
    pub fn draw(&self, frame: &mut Frame<'_>, area: Rect, view: &SheetView<'_>) {
        let theme = view.theme;
        let [tabs, body] = split_top(area, 1);
        frame.render_widget(Paragraph::new(tab_line(self.part, theme)), tabs);
        match self.part {
            Part::People => self.draw_people(frame, body, view),
            Part::Ratings => self.draw_ratings(frame, body, view),
            Part::Map => self.draw_map(frame, body, view),
            Part::Skills => self.draw_skills(frame, body, view),
            Part::Decisions => self.draw_decisions(frame, body, view),
        }
    }

    fn draw_people(&self, frame: &mut Frame<'_>, area: Rect, view: &SheetView<'_>) {
        let theme = view.theme;
        let text = &view.workbook.team;
        let team = &view.assessment.team;
        let mut lines = vec![Line::from(sanitize(&text.people_intro))];
        if team.members.is_empty() {
            lines.push(Line::styled(
                view.empty("No one yet. Press a to add the first person you hand work to."),
                theme.muted(),
            ));
        }
        let mut focus_line = 0;
        for (index, member) in team.members.iter().enumerate() {
            let title = if member.gone {
                format!("Person {} (gone)", index + 1)
            } else {
                format!("Person {}", index + 1)
            };
            lines.push(Line::styled(title, theme.heading()));
            for (offset, part) in PERSON_PARTS.iter().enumerate() {
                let selected = self.people.is_at(index, offset, PERSON_PARTS.len());
                if selected {
                    focus_line = lines.len();
                }
                match part {
                    PersonPart::Field(field) => {
                        let (label, value, invitation) = match field {
                            MemberField::Name => ("Name", &member.name, "Their name"),
                            MemberField::Role => ("Role", &member.role, "What they do"),
                            MemberField::Work => (
                                "Work you have in mind",
                                &member.work,
                                "Optional: a piece of work to think of",
                            ),
                            MemberField::Note => ("Note", &member.note, "Optional"),
                        };
                        lines.extend(field_lines(
                            label,
                            value,
                            &view.empty_field(&Field::Member(index, *field), invitation, selected),
                            selected,
                            theme,
                        ));
                    }
                    PersonPart::OnTeam => lines.push(choice_line(
                        "On the team",
                        &["yes", "gone"],
                        Some(usize::from(member.gone)),
                        selected,
                        theme,
                    )),
                }
            }
        }
        draw_form(frame, area, lines, focus_line, view.editor);
    }

    fn draw_ratings(&self, frame: &mut Frame<'_>, area: Rect, view: &SheetView<'_>) {
        let theme = view.theme;
        let workbook = view.workbook;
        let team = &view.assessment.team;
        let ratings = TeamRating::all(workbook);
        let intro_lines = wrap_lines(&workbook.team.ratings_intro, area.width, theme.text());
        let [intro, rest] = split_top(area, intro_lines.len() as u16);
        frame.render_widget(Paragraph::new(intro_lines), intro);
        if team.current().next().is_none() {
            frame.render_widget(
                Paragraph::new(Line::styled(
                    "Add people on the People part first (press [).",
                    theme.muted(),
                )),
                rest,
            );
            return;
        }
        let readiness = workbook.section(SectionKind::Readiness);
        let headings: Vec<String> = ratings
            .iter()
            .map(|rating| match rating {
                TeamRating::Comfort => "Comfort".to_string(),
                TeamRating::Readiness(id) => readiness
                    .item(id)
                    .map_or_else(|| id.clone(), |item| item.title.clone()),
            })
            .collect();
        let column = self.ratings.1.clamp(1, ratings.len());
        let grid = Grid {
            corner: "Person".to_string(),
            columns: headings.clone(),
            rows: team.current().map(|m| display_name(team, &m.id)).collect(),
            cells: team
                .current()
                .map(|member| {
                    ratings
                        .iter()
                        .map(|rating| {
                            rating
                                .get(member)
                                .map_or_else(String::new, |v| v.to_string())
                        })
                        .collect()
                })
                .collect(),
            focus: Some((self.ratings.0, column)),
        };
        // The scale of the focused column, every point labelled, below the
        // grid; the grid takes what is left.
        let rating = &ratings[column - 1];
        let scale = match rating {
            TeamRating::Comfort => &workbook.team.comfort_scale,
            TeamRating::Readiness(_) => &workbook.team.readiness_scale,
        };
        let member = team.current().nth(self.ratings.0);
        let chosen = member.and_then(|member| rating.get(member));
        let who = member.map_or_else(String::new, |m| display_name(team, &m.id));
        let mut below = vec![Line::styled(
            format!("{} · {who}", headings[column - 1]),
            theme.heading(),
        )];
        below.extend(crate::ui::widgets::scale_lines(scale, chosen, true, theme));
        let [grid_area, scale_area] = split_bottom(rest, below.len() as u16);
        grid.draw(frame.buffer_mut(), grid_area, theme);
        frame.render_widget(Paragraph::new(below), scale_area);
    }

    fn draw_map(&self, frame: &mut Frame<'_>, area: Rect, view: &SheetView<'_>) {
        let theme = view.theme;
        let workbook = view.workbook;
        let team = &view.assessment.team;
        let chart = map_chart(workbook, team, theme);
        let words = map_words(workbook, team, theme);
        let chart_width = chart.iter().map(Line::width).max().unwrap_or(0) as u16;
        if area.width >= chart_width + 40 {
            let left = Rect {
                width: chart_width + 2,
                ..area
            };
            let right = Rect {
                x: area.x + chart_width + 2,
                width: area.width - chart_width - 2,
                ..area
            };
            frame.render_widget(Paragraph::new(chart), left);
            draw_lines(frame, right, words, self.map_scroll);
        } else {
            let mut lines = chart;
            lines.extend(words);
            draw_lines(frame, area, lines, self.map_scroll);
        }
    }

    fn draw_skills(&self, frame: &mut Frame<'_>, area: Rect, view: &SheetView<'_>) {
        let theme = view.theme;
        let workbook = view.workbook;
        let team = &view.assessment.team;
        let text = &workbook.team;
        let people = columns(team);
        let Some(rest) = part_frame(
            frame,
            area,
            view,
            &text.competence_intro,
            team.skills
                .is_empty()
                .then_some("No skills yet. Press a to name the first one."),
        ) else {
            return;
        };
        let grid = Grid {
            corner: "Skill".to_string(),
            columns: people.iter().map(|id| display_name(team, id)).collect(),
            rows: team
                .skills
                .iter()
                .map(|skill| name_or(&skill.name, "(no name yet)"))
                .collect(),
            cells: team
                .skills
                .iter()
                .map(|skill| {
                    people
                        .iter()
                        .map(|id| {
                            skill
                                .levels
                                .get(*id)
                                .map_or_else(String::new, |v| v.to_string())
                        })
                        .collect()
                })
                .collect(),
            focus: Some(self.skills),
        };
        let scale = &text.competence_scale;
        let mut below = vec![Line::from(
            scale
                .points
                .iter()
                .map(|point| format!("{} {}", point.value, point.label))
                .collect::<Vec<_>>()
                .join(" · "),
        )];
        below.extend(skill_notes(workbook, team, self.skills.0, theme));
        grid_and_notes(frame, rest, &grid, below, theme);
    }

    fn draw_decisions(&self, frame: &mut Frame<'_>, area: Rect, view: &SheetView<'_>) {
        let theme = view.theme;
        let workbook = view.workbook;
        let team = &view.assessment.team;
        let text = &workbook.team;
        let people = columns(team);
        let Some(rest) = part_frame(
            frame,
            area,
            view,
            &text.decisions_intro,
            team.decisions
                .is_empty()
                .then_some("No decisions yet. Press a to name the first one."),
        ) else {
            return;
        };
        let mut headings: Vec<String> = people.iter().map(|id| display_name(team, id)).collect();
        headings.extend(["Now".to_string(), "Next".to_string(), "By".to_string()]);
        let grid = Grid {
            corner: "Decision".to_string(),
            columns: headings,
            rows: team
                .decisions
                .iter()
                .map(|decision| name_or(&decision.title, "(no name yet)"))
                .collect(),
            cells: team
                .decisions
                .iter()
                .map(|decision| {
                    let mut cells: Vec<String> = people
                        .iter()
                        .map(|id| {
                            decision
                                .rights
                                .get(*id)
                                .map_or_else(String::new, |raci| raci.letter().to_string())
                        })
                        .collect();
                    let step = |step: Option<u8>| step.map_or_else(String::new, |s| s.to_string());
                    cells.push(step(decision.now));
                    cells.push(step(decision.next));
                    cells.push(
                        decision
                            .by
                            .map_or_else(String::new, |d| d.format("%Y-%m-%d").to_string()),
                    );
                    cells
                })
                .collect(),
            focus: Some(self.decisions),
        };
        // Under the grid: what the focused column takes, in words.
        let mut below = Vec::new();
        match decision_column(team, self.decisions.1) {
            DecisionColumn::Ladder(end) => {
                let question = match end {
                    LadderEnd::Now => text.ladder_question.clone(),
                    LadderEnd::Next => "Where would you like it next?".to_string(),
                };
                below.push(Line::styled(sanitize_line(&question), theme.heading()));
                let chosen = team
                    .decisions
                    .get(self.decisions.0)
                    .and_then(|d| match end {
                        LadderEnd::Now => d.now,
                        LadderEnd::Next => d.next,
                    });
                for (index, step) in text.ladder.iter().enumerate() {
                    let value = index as u8 + 1;
                    let marker = if chosen == Some(value) { "●" } else { "○" };
                    below.push(Line::from(vec![
                        Span::styled(format!(" {value} "), theme.key()),
                        Span::raw(format!("{marker} {}", sanitize_line(step))),
                    ]));
                }
            }
            _ => {
                below.push(Line::from(
                    text.letters
                        .iter()
                        .map(|letter| {
                            format!("{} {}: {}", letter.letter, letter.title, letter.summary)
                        })
                        .collect::<Vec<_>>()
                        .join("  "),
                ));
            }
        }
        below.extend(decision_notes(workbook, team).iter().map(|note| {
            Line::styled(
                format!("· {}", sanitize_line(&note.words(workbook, team))),
                theme.warning(),
            )
        }));
        grid_and_notes(frame, rest, &grid, below, theme);
    }
}

fn tab_line(open: Part, theme: Theme) -> Line<'static> {
    let mut spans = Vec::new();
    for (index, part) in Part::ALL.iter().enumerate() {
        if index > 0 {
            spans.push(Span::styled(" · ", theme.muted()));
        }
        if *part == open {
            spans.push(Span::styled(
                format!("[{}]", part.title()),
                theme.selected(),
            ));
        } else {
            spans.push(Span::raw(part.title()));
        }
    }
    Line::from(spans)
}

fn wrap_lines(text: &str, width: u16, style: ratatui::style::Style) -> Vec<Line<'static>> {
    wrap::line(Line::styled(sanitize(text), style), width)
}

fn wrap_all(lines: Vec<Line<'static>>, width: u16) -> Vec<Line<'static>> {
    lines
        .into_iter()
        .flat_map(|line| wrap::line(line, width))
        .collect()
}

fn draw_lines(frame: &mut Frame<'_>, area: Rect, lines: Vec<Line<'static>>, scroll: u16) {
    let rows = wrap_all(lines, area.width);
    let most = (rows.len() as u16).saturating_sub(area.height);
    frame.render_widget(Paragraph::new(rows).scroll((scroll.min(most), 0)), area);
}

/// A named list's part: its intro on top and, while a name is typed, the
/// box at the bottom. Returns the area between, or `None` when the list is
/// empty and `empty` has been said there instead.
fn part_frame(
    frame: &mut Frame<'_>,
    area: Rect,
    view: &SheetView<'_>,
    intro_text: &str,
    empty: Option<&str>,
) -> Option<Rect> {
    let intro_lines = wrap_lines(intro_text, area.width, view.theme.text());
    let [intro, rest] = split_top(area, intro_lines.len() as u16);
    frame.render_widget(Paragraph::new(intro_lines), intro);
    let [rest, editor_area] = split_bottom(rest, view.editor.map_or(0, |e| e.height()));
    if let Some(editor) = view.editor {
        editor.draw(frame, editor_area);
    }
    match empty {
        Some(empty) => {
            frame.render_widget(
                Paragraph::new(Line::styled(view.empty(empty), view.theme.muted())),
                rest,
            );
            None
        }
        None => Some(rest),
    }
}

/// A grid over the lines that explain it: the notes keep the lower part of
/// the screen (at least two fifths), and the grid scrolls.
fn grid_and_notes(
    frame: &mut Frame<'_>,
    area: Rect,
    grid: &Grid,
    below: Vec<Line<'static>>,
    theme: Theme,
) {
    let below = wrap_all(below, area.width);
    let grid_rows = grid.height().min((area.height * 3 / 5).max(4));
    let [grid_area, notes_area] = split_top(area, grid_rows);
    grid.draw(frame.buffer_mut(), grid_area, theme);
    frame.render_widget(Paragraph::new(below), notes_area);
}
