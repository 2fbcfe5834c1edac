//! The team sheet: the people a leader hands work to, their comfort and
//! readiness ratings, the map that sets the two side by side, the
//! competence map and the decision rights. Five parts of one worksheet,
//! switched with `]` and `[` (Tab goes on through them). The rules and
//! everything derived live in the domain (`session::team`,
//! `assessment::team_map`); this file maps keys to calls, `draw.rs`
//! draws, and `map.rs` makes the map and the notes as lines.

mod draw;
mod map;

pub use map::{map_chart, map_words};

use crate::assessment::{Assessment, DecisionField, Field, MemberField, Raci, Team, columns};
use crate::content::Workbook;
use crate::keymap::{Action, Context};
use crate::session::{LadderEnd, Session, TeamRating};

use super::records::RecordCursor;
use super::worksheet::{Confirmation, SheetOutcome};

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
                    contexts.push(Context::TeamPerson);
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
                vec![cell, Context::GridRow, Context::GridRows, Context::Grid]
            }
            Part::Decisions if team.decisions.is_empty() => vec![Context::GridRows],
            Part::Decisions => {
                let cell = match decision_column(team, self.decisions.1) {
                    DecisionColumn::Title | DecisionColumn::By => Context::TextField,
                    DecisionColumn::Person(_) => Context::LetterCell,
                    DecisionColumn::Ladder(_) => Context::NumberCell,
                };
                vec![cell, Context::GridRow, Context::GridRows, Context::Grid]
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
