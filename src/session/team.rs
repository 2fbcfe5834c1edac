//! The team map's rules: 1 to 20 people, 3 to 10 skills, a rating on its
//! scale, a letter of R, A, C and I, a step of the ladder. Each change is
//! saved like any other answer.

use crate::assessment::{
    Decision, DecisionField, Field, MAX_DECISIONS, MAX_MEMBERS, MAX_SKILLS, Member, MemberField,
    Raci, Skill,
};
use crate::content::{SectionKind, Workbook};

use super::{Refused, Session};

/// What a person is rated on in the comfort-and-readiness grid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TeamRating {
    Comfort,
    /// A readiness item, by id.
    Readiness(String),
}

impl TeamRating {
    /// The columns of the grid: comfort, then each part of readiness.
    pub fn all(workbook: &Workbook) -> Vec<TeamRating> {
        std::iter::once(TeamRating::Comfort)
            .chain(
                workbook
                    .section(SectionKind::Readiness)
                    .items
                    .iter()
                    .map(|item| TeamRating::Readiness(item.id.clone())),
            )
            .collect()
    }

    pub fn get(&self, member: &Member) -> Option<u8> {
        match self {
            TeamRating::Comfort => member.comfort,
            TeamRating::Readiness(id) => member.readiness.get(id).copied(),
        }
    }

    fn top(&self, workbook: &Workbook) -> u8 {
        match self {
            TeamRating::Comfort => workbook.team.comfort_scale.max(),
            TeamRating::Readiness(_) => workbook.team.readiness_scale.max(),
        }
    }
}

/// Which end of a decision's ladder is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LadderEnd {
    Now,
    Next,
}

fn off_scale(value: u8, max: u8) -> Refused {
    Refused(format!(
        "This scale runs from 0 to {max}; {value} is not on it."
    ))
}

impl Session {
    /// Adds a person; their name is the field to fill in first.
    pub fn add_member(&mut self) -> Result<Field, Refused> {
        if self.assessment.team.current().count() >= MAX_MEMBERS {
            return Err(Refused(format!(
                "Up to {MAX_MEMBERS} people: mark someone as gone, or map a part of the team."
            )));
        }
        self.change(|assessment| {
            let id = assessment.team.issue_id("p");
            assessment.team.members.push(Member {
                id,
                ..Member::default()
            });
        })?;
        let added = self.assessment.team.members.len() - 1;
        Ok(Field::Member(added, MemberField::Name))
    }

    /// Removes a person and every answer about them, as if never added.
    /// Someone who has left is better marked as gone.
    pub fn remove_member(&mut self, index: usize) -> Result<(), Refused> {
        let Some(id) = self
            .assessment
            .team
            .members
            .get(index)
            .map(|m| m.id.clone())
        else {
            return Ok(());
        };
        self.change(|assessment| {
            let team = &mut assessment.team;
            team.members.remove(index);
            for skill in &mut team.skills {
                skill.levels.remove(&id);
            }
            for decision in &mut team.decisions {
                decision.rights.remove(&id);
            }
        })
    }

    /// Marks a person as gone from the team, or back on it.
    pub fn set_gone(&mut self, index: usize, gone: bool) -> Result<(), Refused> {
        if !gone
            && self
                .assessment
                .team
                .members
                .get(index)
                .is_some_and(|m| m.gone)
            && self.assessment.team.current().count() >= MAX_MEMBERS
        {
            return Err(Refused(format!("Up to {MAX_MEMBERS} people at once.")));
        }
        self.change(|assessment| {
            if let Some(member) = assessment.team.members.get_mut(index) {
                member.gone = gone;
            }
        })
    }

    /// Rates a person (by id) on comfort or a part of readiness; `None`
    /// clears the rating.
    pub fn rate_member(
        &mut self,
        workbook: &Workbook,
        member: &str,
        rating: &TeamRating,
        value: Option<u8>,
    ) -> Result<(), Refused> {
        let max = rating.top(workbook);
        if let Some(value) = value.filter(|value| *value > max) {
            return Err(off_scale(value, max));
        }
        self.change(|assessment| {
            let Some(member) = assessment.team.members.iter_mut().find(|m| m.id == member) else {
                return;
            };
            match (rating, value) {
                (TeamRating::Comfort, value) => member.comfort = value,
                (TeamRating::Readiness(id), Some(value)) => {
                    member.readiness.insert(id.clone(), value);
                }
                (TeamRating::Readiness(id), None) => {
                    member.readiness.remove(id);
                }
            }
        })
    }

    /// Adds a skill; its name is the field to fill in first.
    pub fn add_skill(&mut self) -> Result<Field, Refused> {
        if self.assessment.team.skills.len() >= MAX_SKILLS {
            return Err(Refused(format!(
                "Up to {MAX_SKILLS} skills: the ones the work most depends on."
            )));
        }
        self.change(|assessment| {
            let id = assessment.team.issue_id("s");
            assessment.team.skills.push(Skill {
                id,
                ..Skill::default()
            });
        })?;
        Ok(Field::Skill(self.assessment.team.skills.len() - 1))
    }

    pub fn remove_skill(&mut self, index: usize) -> Result<(), Refused> {
        if index >= self.assessment.team.skills.len() {
            return Ok(());
        }
        self.change(|assessment| {
            assessment.team.skills.remove(index);
        })
    }

    /// Sets (or with `None` clears) how well `person` (a member id or the
    /// leader) can do a skill.
    pub fn set_level(
        &mut self,
        workbook: &Workbook,
        skill: usize,
        person: &str,
        level: Option<u8>,
    ) -> Result<(), Refused> {
        let max = workbook.team.competence_scale.max();
        if let Some(level) = level.filter(|level| *level > max) {
            return Err(off_scale(level, max));
        }
        self.change(|assessment| {
            if let Some(skill) = assessment.team.skills.get_mut(skill) {
                match level {
                    Some(level) => skill.levels.insert(person.to_string(), level),
                    None => skill.levels.remove(person),
                };
            }
        })
    }

    /// Adds a decision area; its name is the field to fill in first.
    pub fn add_decision(&mut self) -> Result<Field, Refused> {
        if self.assessment.team.decisions.len() >= MAX_DECISIONS {
            return Err(Refused(format!(
                "Up to {MAX_DECISIONS} decisions: the ones that come up most."
            )));
        }
        self.change(|assessment| {
            let id = assessment.team.issue_id("d");
            assessment.team.decisions.push(Decision {
                id,
                ..Decision::default()
            });
        })?;
        let added = self.assessment.team.decisions.len() - 1;
        Ok(Field::Decision(added, DecisionField::Title))
    }

    pub fn remove_decision(&mut self, index: usize) -> Result<(), Refused> {
        if index >= self.assessment.team.decisions.len() {
            return Ok(());
        }
        self.change(|assessment| {
            assessment.team.decisions.remove(index);
        })
    }

    /// Gives `person` a letter on a decision, or with `None` none.
    pub fn set_right(
        &mut self,
        decision: usize,
        person: &str,
        raci: Option<Raci>,
    ) -> Result<(), Refused> {
        self.change(|assessment| {
            if let Some(decision) = assessment.team.decisions.get_mut(decision) {
                match raci {
                    Some(raci) => decision.rights.insert(person.to_string(), raci),
                    None => decision.rights.remove(person),
                };
            }
        })
    }

    /// Sets how far a decision is handed over now, or should be next: a
    /// step of the ladder, 1 to 7.
    pub fn set_ladder(
        &mut self,
        workbook: &Workbook,
        decision: usize,
        end: LadderEnd,
        step: Option<u8>,
    ) -> Result<(), Refused> {
        let steps = workbook.team.ladder.len() as u8;
        if let Some(step) = step.filter(|step| *step == 0 || *step > steps) {
            return Err(Refused(format!(
                "The ladder has steps 1 to {steps}; {step} is not one of them."
            )));
        }
        self.change(|assessment| {
            if let Some(decision) = assessment.team.decisions.get_mut(decision) {
                match end {
                    LadderEnd::Now => decision.now = step,
                    LadderEnd::Next => decision.next = step,
                }
            }
        })
    }
}

impl Session {
    /// Gives a task the next (or previous) person on the team, round, and
    /// after the last one nobody from the team (the name typed stays).
    pub fn pick_member(&mut self, task: usize, forward: bool) -> Result<(), Refused> {
        let team: Vec<(String, String)> = self
            .assessment
            .team
            .current()
            .map(|member| (member.id.clone(), member.name.clone()))
            .collect();
        let Some(current) = self.assessment.tasks.get(task) else {
            return Ok(());
        };
        if team.is_empty() {
            return Err(Refused(
                "Nobody is on the team sheet yet: add people there, or type a name.".into(),
            ));
        }
        // Positions 0..len are the team, len is "someone else".
        let at = current
            .member
            .as_ref()
            .and_then(|id| team.iter().position(|(member, _)| member == id))
            .unwrap_or(team.len());
        let slots = team.len() + 1;
        let next = if forward {
            (at + 1) % slots
        } else {
            (at + slots - 1) % slots
        };
        self.change(|assessment| {
            if let Some(task) = assessment.tasks.get_mut(task) {
                match team.get(next) {
                    Some((id, name)) => {
                        task.member = Some(id.clone());
                        task.to_whom = name.clone();
                    }
                    None => task.member = None,
                }
            }
        })
    }

    /// Takes the mode the team map suggests for a task's person.
    pub fn accept_suggestion(&mut self, workbook: &Workbook, task: usize) -> Result<(), Refused> {
        let suggested = self
            .assessment
            .tasks
            .get(task)
            .and_then(|task| task.member.as_deref())
            .and_then(|member| {
                crate::assessment::suggested_mode(workbook, &self.assessment.team, member)
            });
        match suggested {
            Some(suggested) => self.set_mode(task, suggested.mode()),
            None => Err(Refused(
                "The team map suggests nothing for this task: pick its person from the team, and rate them there.".into(),
            )),
        }
    }
}
