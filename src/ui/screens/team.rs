//! The team sheet: the people a leader hands work to, their comfort and
//! readiness ratings, the map that sets the two side by side, the
//! competence map and the decision rights. Five parts of one worksheet,
//! switched with `]` and `[` (Tab goes on through them). The rules and
//! everything derived live in the domain (`session::team`,
//! `assessment::team_map`); this file maps keys to calls and draws.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::assessment::{
    Alignment, Assessment, DecisionField, Field, MemberField, Raci, Readiness, Team,
    alignment_words, columns, competence_notes, decision_notes, display_name, handoffs, placements,
};
use crate::content::{SectionKind, Workbook};
use crate::keymap::{Action, Context};
use crate::session::{LadderEnd, Session, TeamRating};
use crate::text::{sanitize, sanitize_line};
use crate::ui::Theme;
use crate::ui::grid::Grid;
use crate::ui::widgets::{choice_line, draw_form, field_lines, split_bottom, split_top};
use crate::ui::wrap;

use super::records::RecordCursor;
use super::worksheet::{Confirmation, SheetOutcome, SheetView};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Part {
    #[default]
    People,
    Ratings,
    Map,
    Skills,
    Decisions,
}

impl Part {
    const ALL: [Part; 5] = [
        Part::People,
        Part::Ratings,
        Part::Map,
        Part::Skills,
        Part::Decisions,
    ];

    fn title(self) -> &'static str {
        match self {
            Part::People => "People",
            Part::Ratings => "Ratings",
            Part::Map => "Map",
            Part::Skills => "Skills",
            Part::Decisions => "Decisions",
        }
    }

    fn step(self, forward: bool) -> Option<Part> {
        let at = Part::ALL.iter().position(|part| *part == self)?;
        let next = if forward {
            at.checked_add(1)?
        } else {
            at.checked_sub(1)?
        };
        Part::ALL.get(next).copied()
    }
}

/// The fields of a person on the People part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PersonPart {
    Field(MemberField),
    OnTeam,
}

const PERSON_PARTS: [PersonPart; 5] = [
    PersonPart::Field(MemberField::Name),
    PersonPart::Field(MemberField::Role),
    PersonPart::Field(MemberField::Work),
    PersonPart::Field(MemberField::Note),
    PersonPart::OnTeam,
];

/// A column of the decision rights after the people: the ladder now, where
/// it should go next, and by when.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DecisionColumn {
    Title,
    Person(usize),
    Ladder(LadderEnd),
    By,
}

#[derive(Clone, Debug, Default)]
pub struct TeamView {
    pub part: Part,
    people: RecordCursor,
    /// (row, column) in each grid; column 0 is the row's name.
    ratings: (usize, usize),
    skills: (usize, usize),
    decisions: (usize, usize),
    map_scroll: u16,
}

impl TeamView {
    /// Where the cursor is, as one number that changes with every move.
    pub fn position(&self) -> usize {
        let cell = |(row, column): (usize, usize)| row * 64 + column;
        match self.part {
            Part::People => self.people.position,
            Part::Ratings => cell(self.ratings),
            Part::Map => usize::from(self.map_scroll),
            Part::Skills => cell(self.skills),
            Part::Decisions => cell(self.decisions),
        }
    }

    /// The highest number the focused cell takes, for the footer.
    pub fn scale_top(&self, workbook: &Workbook, assessment: &Assessment) -> Option<u8> {
        let text = &workbook.team;
        match self.part {
            Part::Ratings if self.ratings.1 <= 1 => Some(text.comfort_scale.max()),
            Part::Ratings => Some(text.readiness_scale.max()),
            Part::Skills => Some(text.competence_scale.max()),
            Part::Decisions => match decision_column(&assessment.team, self.decisions.1) {
                DecisionColumn::Ladder(_) => Some(text.ladder.len() as u8),
                _ => None,
            },
            _ => None,
        }
    }

    /// Whether a grid is open, where ← and → move between cells.
    pub fn in_grid(&self) -> bool {
        matches!(self.part, Part::Ratings | Part::Skills | Part::Decisions)
    }

    /// The contexts of the part open now, most specific first.
    pub fn contexts(&self, assessment: &Assessment) -> Vec<Context> {
        let team = &assessment.team;
        // With nobody and nothing named yet, Tab passes the whole sheet
        // (a leader may leave the team map for another day); `]` still
        // opens its parts.
        if team.is_empty() {
            let own = match self.part {
                Part::People => Some(Context::TeamPeople),
                Part::Ratings => None,
                Part::Map => Some(Context::TeamMap),
                Part::Skills | Part::Decisions => Some(Context::GridRows),
            };
            return own
                .into_iter()
                .chain([Context::Sheet, Context::Team])
                .collect();
        }
        let mut contexts = match self.part {
            Part::People => {
                let mut contexts = Vec::new();
                if !team.members.is_empty() {
                    contexts.push(if self.current_field(assessment).is_some() {
                        Context::TextField
                    } else {
                        Context::Choice
                    });
                }
                contexts.extend([Context::TeamPeople, Context::Form]);
                contexts
            }
            Part::Ratings if team.current().next().is_some() => {
                vec![Context::NumberCell, Context::Grid]
            }
            Part::Ratings => Vec::new(),
            Part::Map => vec![Context::TeamMap],
            Part::Skills if team.skills.is_empty() => vec![Context::GridRows],
            Part::Skills => {
                let cell = if self.skills.1 == 0 {
                    Context::TextField
                } else {
                    Context::NumberCell
                };
                vec![cell, Context::GridRows, Context::Grid]
            }
            Part::Decisions if team.decisions.is_empty() => vec![Context::GridRows],
            Part::Decisions => {
                let cell = match decision_column(team, self.decisions.1) {
                    DecisionColumn::Title | DecisionColumn::By => Context::TextField,
                    DecisionColumn::Person(_) => Context::LetterCell,
                    DecisionColumn::Ladder(_) => Context::NumberCell,
                };
                vec![cell, Context::GridRows, Context::Grid]
            }
        };
        contexts.push(Context::Team);
        contexts
    }

    /// The text field under the cursor, if it is one.
    pub fn current_field(&self, assessment: &Assessment) -> Option<Field> {
        let team = &assessment.team;
        match self.part {
            Part::People => {
                let (index, part) = self.people.at(&PERSON_PARTS);
                match part {
                    PersonPart::Field(field) if index < team.members.len() => {
                        Some(Field::Member(index, field))
                    }
                    _ => None,
                }
            }
            Part::Skills => (self.skills.1 == 0 && self.skills.0 < team.skills.len())
                .then_some(Field::Skill(self.skills.0)),
            Part::Decisions if self.decisions.0 < team.decisions.len() => {
                match decision_column(team, self.decisions.1) {
                    DecisionColumn::Title => {
                        Some(Field::Decision(self.decisions.0, DecisionField::Title))
                    }
                    DecisionColumn::By => {
                        Some(Field::Decision(self.decisions.0, DecisionField::By))
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// After a person, skill or decision is removed, stay on one that is
    /// still there.
    pub fn clamp(&mut self, team: &Team) {
        self.people.clamp(team.members.len(), PERSON_PARTS.len());
        self.skills.0 = self.skills.0.min(team.skills.len().saturating_sub(1));
        self.decisions.0 = self.decisions.0.min(team.decisions.len().saturating_sub(1));
        self.ratings.0 = self.ratings.0.min(team.current().count().saturating_sub(1));
    }

    pub fn handle(
        &mut self,
        action: Action,
        workbook: &Workbook,
        session: &mut Session,
    ) -> SheetOutcome {
        match action {
            Action::NextPart | Action::PrevPart => {
                if let Some(part) = self.part.step(action == Action::NextPart) {
                    self.part = part;
                }
                return SheetOutcome::Stay;
            }
            // Tab goes on through the parts, and past the last one on to
            // the next worksheet.
            Action::NextSheet | Action::PrevSheet if session.assessment().team.is_empty() => {
                return SheetOutcome::Unhandled;
            }
            Action::NextSheet | Action::PrevSheet => {
                return match self.part.step(action == Action::NextSheet) {
                    Some(part) => {
                        self.part = part;
                        SheetOutcome::Stay
                    }
                    None => SheetOutcome::Unhandled,
                };
            }
            _ => {}
        }
        match self.part {
            Part::People => self.people_action(action, session),
            Part::Ratings => self.ratings_action(action, workbook, session),
            Part::Map => {
                // The chart, the intro and the rule take about sixteen rows,
                // each person one or two: past that there is nothing more.
                let most = (session.assessment().team.current().count() * 2 + 16) as u16;
                match action {
                    Action::Down | Action::PageDown => {
                        self.map_scroll = (self.map_scroll + 1).min(most)
                    }
                    Action::Up | Action::PageUp => {
                        self.map_scroll = self.map_scroll.saturating_sub(1)
                    }
                    _ => return SheetOutcome::Unhandled,
                }
                SheetOutcome::Stay
            }
            Part::Skills => self.skills_action(action, workbook, session),
            Part::Decisions => self.decisions_action(action, workbook, session),
        }
    }

    fn people_action(&mut self, action: Action, session: &mut Session) -> SheetOutcome {
        let count = session.assessment().team.members.len();
        let (index, part) = self.people.at(&PERSON_PARTS);
        match action {
            Action::Add => {
                let added = session.add_member();
                if let Ok(Field::Member(record, _)) = &added {
                    self.people.go_to_record(*record, PERSON_PARTS.len());
                }
                return added.into();
            }
            _ if count == 0 => return SheetOutcome::Unhandled,
            Action::Up => self.people.up(),
            Action::Down => self.people.down(count, PERSON_PARTS.len()),
            // Tab past the last field of the last person: the next part.
            Action::NextField if self.people.position + 1 >= count * PERSON_PARTS.len() => {
                self.part = Part::Ratings;
            }
            Action::NextField => self.people.down(count, PERSON_PARTS.len()),
            Action::PrevField if self.people.position > 0 => self.people.up(),
            Action::Delete => return SheetOutcome::Confirm(Confirmation::DeleteMember(index)),
            Action::Left | Action::Right | Action::Select if part == PersonPart::OnTeam => {
                let gone = session
                    .assessment()
                    .team
                    .members
                    .get(index)
                    .is_some_and(|m| m.gone);
                let wanted = match action {
                    Action::Left => false,
                    Action::Right => true,
                    _ => !gone,
                };
                return session.set_gone(index, wanted).into();
            }
            Action::Select => {
                return match part {
                    PersonPart::Field(field) => SheetOutcome::Edit(Field::Member(index, field)),
                    PersonPart::OnTeam => SheetOutcome::Stay,
                };
            }
            _ => return SheetOutcome::Unhandled,
        }
        SheetOutcome::Stay
    }

    fn ratings_action(
        &mut self,
        action: Action,
        workbook: &Workbook,
        session: &mut Session,
    ) -> SheetOutcome {
        let team = &session.assessment().team;
        let rows = team.current().count();
        let ratings = TeamRating::all(workbook);
        if rows == 0 {
            return SheetOutcome::Unhandled;
        }
        self.ratings.1 = self.ratings.1.clamp(1, ratings.len());
        if let Some(outcome) = move_cell(&mut self.ratings, action, rows, ratings.len(), 1) {
            return outcome;
        }
        let Some(member) = team.current().nth(self.ratings.0).map(|m| m.id.clone()) else {
            return SheetOutcome::Unhandled;
        };
        let rating = &ratings[self.ratings.1 - 1];
        match action {
            Action::Rate(value) => session
                .rate_member(workbook, &member, rating, Some(value))
                .into(),
            Action::ClearRating => session.rate_member(workbook, &member, rating, None).into(),
            _ => SheetOutcome::Unhandled,
        }
    }

    fn skills_action(
        &mut self,
        action: Action,
        workbook: &Workbook,
        session: &mut Session,
    ) -> SheetOutcome {
        if action == Action::Add {
            let added = session.add_skill();
            if let Ok(Field::Skill(row)) = &added {
                self.skills = (*row, 0);
            }
            return added.into();
        }
        let team = &session.assessment().team;
        let rows = team.skills.len();
        let people = columns(team);
        if rows == 0 {
            return SheetOutcome::Unhandled;
        }
        if let Some(outcome) = move_cell(&mut self.skills, action, rows, people.len(), 0) {
            return outcome;
        }
        let (row, column) = self.skills;
        match (action, column) {
            (Action::Delete, _) => SheetOutcome::Confirm(Confirmation::DeleteSkill(row)),
            (Action::Select, 0) => SheetOutcome::Edit(Field::Skill(row)),
            (Action::Rate(value), 1..) => {
                let person = people[column - 1].to_string();
                session
                    .set_level(workbook, row, &person, Some(value))
                    .into()
            }
            (Action::ClearRating, 1..) => {
                let person = people[column - 1].to_string();
                session.set_level(workbook, row, &person, None).into()
            }
            _ => SheetOutcome::Unhandled,
        }
    }

    fn decisions_action(
        &mut self,
        action: Action,
        workbook: &Workbook,
        session: &mut Session,
    ) -> SheetOutcome {
        if action == Action::Add {
            let added = session.add_decision();
            if let Ok(Field::Decision(row, _)) = &added {
                self.decisions = (*row, 0);
            }
            return added.into();
        }
        let team = &session.assessment().team;
        let rows = team.decisions.len();
        let people = columns(team);
        if rows == 0 {
            return SheetOutcome::Unhandled;
        }
        if let Some(outcome) = move_cell(&mut self.decisions, action, rows, people.len() + 3, 0) {
            return outcome;
        }
        let (row, column) = self.decisions;
        match (action, decision_column(team, column)) {
            (Action::Delete, _) => SheetOutcome::Confirm(Confirmation::DeleteDecision(row)),
            (Action::Select, DecisionColumn::Title) => {
                SheetOutcome::Edit(Field::Decision(row, DecisionField::Title))
            }
            (Action::Select, DecisionColumn::By) => {
                SheetOutcome::Edit(Field::Decision(row, DecisionField::By))
            }
            (Action::Letter(letter), DecisionColumn::Person(at)) => {
                let person = people[at].to_string();
                session
                    .set_right(row, &person, Raci::from_letter(letter))
                    .into()
            }
            (Action::ClearRating, DecisionColumn::Person(at)) => {
                let person = people[at].to_string();
                session.set_right(row, &person, None).into()
            }
            (Action::Rate(step), DecisionColumn::Ladder(end)) => {
                session.set_ladder(workbook, row, end, Some(step)).into()
            }
            (Action::ClearRating, DecisionColumn::Ladder(end)) => {
                session.set_ladder(workbook, row, end, None).into()
            }
            _ => SheetOutcome::Unhandled,
        }
    }

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
        let intro_lines = wrap_lines(&text.competence_intro, area.width, theme.text());
        let [intro, rest] = split_top(area, intro_lines.len() as u16);
        frame.render_widget(Paragraph::new(intro_lines), intro);
        let [rest, editor_area] = split_bottom(rest, view.editor.map_or(0, |e| e.height()));
        if let Some(editor) = view.editor {
            editor.draw(frame, editor_area);
        }
        if team.skills.is_empty() {
            frame.render_widget(
                Paragraph::new(Line::styled(
                    view.empty("No skills yet. Press a to name the first one."),
                    theme.muted(),
                )),
                rest,
            );
            return;
        }
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
        let below = wrap_all(below, rest.width);
        // The notes keep the lower part of the screen; the grid scrolls.
        let grid_rows = grid.height().min((rest.height * 3 / 5).max(4));
        let [grid_area, notes_area] = split_top(rest, grid_rows);
        grid.draw(frame.buffer_mut(), grid_area, theme);
        frame.render_widget(Paragraph::new(below), notes_area);
    }

    fn draw_decisions(&self, frame: &mut Frame<'_>, area: Rect, view: &SheetView<'_>) {
        let theme = view.theme;
        let workbook = view.workbook;
        let team = &view.assessment.team;
        let text = &workbook.team;
        let people = columns(team);
        let intro_lines = wrap_lines(&text.decisions_intro, area.width, theme.text());
        let [intro, rest] = split_top(area, intro_lines.len() as u16);
        frame.render_widget(Paragraph::new(intro_lines), intro);
        let [rest, editor_area] = split_bottom(rest, view.editor.map_or(0, |e| e.height()));
        if let Some(editor) = view.editor {
            editor.draw(frame, editor_area);
        }
        if team.decisions.is_empty() {
            frame.render_widget(
                Paragraph::new(Line::styled(
                    view.empty("No decisions yet. Press a to name the first one."),
                    theme.muted(),
                )),
                rest,
            );
            return;
        }
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
        let below = wrap_all(below, rest.width);
        let grid_rows = grid.height().min((rest.height * 3 / 5).max(4));
        let [grid_area, notes_area] = split_top(rest, grid_rows);
        grid.draw(frame.buffer_mut(), grid_area, theme);
        frame.render_widget(Paragraph::new(below), notes_area);
    }
}

/// Moves a grid's cursor for an arrow; `None` for any other action.
/// Columns run from `first` (0 takes in the row's name) to `columns`.
fn move_cell(
    cell: &mut (usize, usize),
    action: Action,
    rows: usize,
    columns: usize,
    first: usize,
) -> Option<SheetOutcome> {
    let (row, column) = cell;
    match action {
        Action::Up => *row = row.saturating_sub(1),
        Action::Down => *row = (*row + 1).min(rows.saturating_sub(1)),
        Action::Left => *column = column.saturating_sub(1).max(first),
        Action::Right => *column = (*column + 1).min(columns),
        _ => return None,
    }
    Some(SheetOutcome::Stay)
}

fn decision_column(team: &Team, column: usize) -> DecisionColumn {
    let people = columns(team).len();
    match column {
        0 => DecisionColumn::Title,
        c if c <= people => DecisionColumn::Person(c - 1),
        c if c == people + 1 => DecisionColumn::Ladder(LadderEnd::Now),
        c if c == people + 2 => DecisionColumn::Ladder(LadderEnd::Next),
        _ => DecisionColumn::By,
    }
}

fn name_or(name: &str, empty: &str) -> String {
    let name = name.trim();
    if name.is_empty() {
        empty.to_string()
    } else {
        name.to_string()
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
