//! The team map in plain mode: the people, then comfort and readiness
//! per person, what the map says in words, the skills with each
//! person's level, and the decisions with each person's letter, the
//! ladder and a date. Every answer goes through the same session calls
//! as the full-screen team screen, which hold every rule.

use std::io::{self, BufRead, Write};

use crate::assessment::{
    DecisionField, Field, MemberField, Raci, Readiness, Team, YOU, alignment_words, columns,
    competence_notes, decision_notes, display_name, handoffs, placements,
};
use crate::content::{Scale, SectionKind};
use crate::session::{LadderEnd, Refused, Session, TeamRating};

use super::filling::{Filling, Flow, Step};
use super::talk::{Choice, Reply};

/// The parts of the team sheet, asked in this order.
const PARTS: usize = 4;

/// What a list (people, skills, decisions) was asked to do.
enum Pick {
    Change(usize),
    Add,
    Gone,
    Remove,
    Next,
}

impl<R: BufRead, W: Write> Filling<'_, '_, R, W> {
    /// The team sheet, part by part; `back` on a part's first question
    /// goes to the part before, and from the first to the sheet before.
    pub(super) fn team(&mut self, from_end: bool) -> io::Result<Step> {
        self.talk.say(&self.workbook.team.intro)?;
        let mut part = if from_end { PARTS - 1 } else { 0 };
        let mut back_in = from_end;
        loop {
            let flow = match part {
                0 => self.people(),
                1 => self.ratings(back_in),
                2 => self.skills(),
                _ => self.decisions(),
            }?;
            match flow {
                Flow::Forward if part + 1 == PARTS => return Ok(Step::Next),
                Flow::Forward => {
                    part += 1;
                    back_in = false;
                }
                Flow::Back if part == 0 => return Ok(Step::Previous),
                Flow::Back => {
                    part -= 1;
                    back_in = true;
                }
                Flow::Out(step) => return Ok(step),
            }
        }
    }

    fn team_now(&self) -> &Team {
        &self.session.assessment().team
    }

    /// The people on the team: add, change, mark as gone or back, remove.
    fn people(&mut self) -> io::Result<Flow> {
        self.talk.say(&self.workbook.team.people_intro)?;
        loop {
            let members = self.team_now().members.clone();
            if members.is_empty() {
                self.talk.say("No one on the team yet.")?;
            }
            let labels = members
                .iter()
                .map(|member| {
                    let mut label = format!("change {}", display_name(self.team_now(), &member.id));
                    for (what, text) in [("role", &member.role), ("work in mind", &member.work)] {
                        if !text.trim().is_empty() {
                            label.push_str(&format!(", {what}: {}", text.trim()));
                        }
                    }
                    if member.gone {
                        label.push_str(", gone from the team");
                    }
                    label
                })
                .collect();
            let extra = [
                ("gone", "mark someone as gone from the team, or back on it"),
                ("remove", "remove a person and every answer about them"),
            ];
            let pick = self.list_menu(labels, "add a person", &extra, "go on to the ratings")?;
            let flow = match pick {
                Ok(Pick::Change(at)) => self.person(at)?,
                Ok(Pick::Add) => {
                    let added = self.session.add_member().map(|_| ());
                    self.then_fill(added, |this| this.person(members.len()))?
                }
                Ok(Pick::Gone) => self.gone(&members)?,
                Ok(Pick::Remove) => self.remove_person(&members)?,
                Ok(Pick::Next) => return Ok(Flow::Forward),
                Err(flow) => return Ok(flow),
            };
            if let Flow::Out(step) = flow {
                return Ok(Flow::Out(step));
            }
        }
    }

    /// Every field of person `at`, in turn; `back` returns to the list.
    fn person(&mut self, at: usize) -> io::Result<Flow> {
        let field = |part| Field::Member(at, part);
        let step = self.walk(4, false, |this, part| match part {
            0 => this.text(&field(MemberField::Name), "Their name:"),
            1 => this.text(&field(MemberField::Role), "Their role, what they do:"),
            2 => this.text(
                &field(MemberField::Work),
                "The piece of work you have in mind for them, if any:",
            ),
            _ => this.text(&field(MemberField::Note), "A note on this person:"),
        })?;
        Ok(in_list(step))
    }

    fn gone(&mut self, members: &[crate::assessment::Member]) -> io::Result<Flow> {
        let team = self.team_now().clone();
        let labels = members
            .iter()
            .map(|member| {
                let name = display_name(&team, &member.id);
                if member.gone {
                    format!("{name}: back on the team")
                } else {
                    format!("{name}: gone from the team")
                }
            })
            .collect();
        if let Some(at) = self.one_of("Who?", labels, "to change nothing")? {
            let gone = !members[at].gone;
            let done = self.session.set_gone(at, gone);
            self.answered(done)?;
        }
        Ok(self.stay())
    }

    fn remove_person(&mut self, members: &[crate::assessment::Member]) -> io::Result<Flow> {
        let team = self.team_now().clone();
        let labels = members
            .iter()
            .map(|member| display_name(&team, &member.id))
            .collect();
        let Some(at) = self.one_of("Which person to remove?", labels, "to remove nobody")? else {
            return Ok(self.stay());
        };
        let name = display_name(&team, &members[at].id);
        let question = format!(
            "Remove {name} and every answer about them, as if never added? Someone who has left is better marked as gone."
        );
        if self.talk.confirm(&question)? {
            let done = self.session.remove_member(at);
            self.answered(done)?;
        } else if !self.talk.quit {
            self.talk.say("Nobody was removed.")?;
        }
        Ok(self.stay())
    }

    /// Comfort and the three parts of readiness, per person on the team;
    /// then what the map says.
    fn ratings(&mut self, from_end: bool) -> io::Result<Flow> {
        let people: Vec<String> = self.team_now().current().map(|m| m.id.clone()).collect();
        if people.is_empty() {
            self.talk
                .say("No one on the team yet, so there is no one to rate or place on the map.")?;
            // Passed through in the direction the person was going.
            return Ok(if from_end { Flow::Back } else { Flow::Forward });
        }
        self.talk.say(&self.workbook.team.ratings_intro)?;
        let ratings = TeamRating::all(self.workbook);
        let count = people.len() * ratings.len();
        let step = self.walk(count, from_end, |this, at| {
            let (person, rating) = (&people[at / ratings.len()], &ratings[at % ratings.len()]);
            this.rate_person(person, rating)
        })?;
        match step {
            Step::Next => {
                self.say_map()?;
                Ok(Flow::Forward)
            }
            Step::Previous => Ok(Flow::Back),
            step => Ok(Flow::Out(step)),
        }
    }

    fn rate_person(&mut self, person: &str, rating: &TeamRating) -> io::Result<Flow> {
        let workbook = self.workbook;
        let name = display_name(self.team_now(), person);
        let (scale, question) = match rating {
            TeamRating::Comfort => (
                &workbook.team.comfort_scale,
                format!("{name}: how comfortable are you handing them work?"),
            ),
            TeamRating::Readiness(id) => {
                let part = workbook
                    .section(SectionKind::Readiness)
                    .item(id)
                    .map_or_else(|| id.clone(), |item| item.title.to_lowercase());
                (
                    &workbook.team.readiness_scale,
                    format!("{name}, {part}: how ready are they?"),
                )
            }
        };
        let now = self
            .team_now()
            .member(person)
            .and_then(|member| rating.get(member));
        let picked = self.on_scale(&question, scale, now)?;
        let value = match picked {
            Scaled::Flow(flow) => return Ok(flow),
            Scaled::Value(value) => value,
        };
        let done = self.session.rate_member(workbook, person, rating, value);
        self.answered(done)?;
        Ok(Flow::Forward)
    }

    /// A numbered choice on `scale` (by value), with `clear` when an
    /// answer is there; an empty line keeps it.
    fn on_scale(&mut self, question: &str, scale: &Scale, now: Option<u8>) -> io::Result<Scaled> {
        if let Some(value) = now {
            let label = scale.label(value).unwrap_or_default();
            self.talk
                .say(&format!("Your answer now: {value}, {label}."))?;
        }
        let mut choices: Vec<Choice> = scale
            .points
            .iter()
            .map(|point| Choice::new(point.value.to_string(), point.label.clone()))
            .collect();
        if now.is_some() {
            choices.push(Choice::new("clear", "clear the answer"));
        }
        let keep = if now.is_some() {
            "to keep your answer"
        } else {
            "to leave it unanswered"
        };
        Ok(match self.talk.choose(question, &choices, Some(keep))? {
            Reply::Word(word) => Scaled::Flow(Flow::of(word)),
            Reply::Answer(None) => Scaled::Flow(Flow::Forward),
            Reply::Answer(Some(at)) => Scaled::Value(scale.points.get(at).map(|p| p.value)),
        })
    }

    /// What the map says, one line per person, in words.
    fn say_map(&mut self) -> io::Result<()> {
        let workbook = self.workbook;
        let team = self.team_now().clone();
        self.talk.say("What the map says:")?;
        for (member, placed) in placements(workbook, &team) {
            let numbers = placed.as_ref().map_or_else(String::new, |p| {
                format!(" (comfort {}, readiness {})", p.comfort, p.readiness)
            });
            self.talk.say(&format!(
                "{}{numbers}: {}.",
                display_name(&team, &member.id),
                alignment_words(workbook, placed.as_ref())
            ))?;
        }
        self.talk.say(&workbook.team.readiness_rule)
    }

    /// The skills the work needs, each person's level and the leader's.
    fn skills(&mut self) -> io::Result<Flow> {
        self.talk.say(&self.workbook.team.competence_intro)?;
        loop {
            let team = self.team_now().clone();
            if team.skills.is_empty() {
                self.talk.say("No skills yet.")?;
            }
            self.skill_notes(&team)?;
            let scale = &self.workbook.team.competence_scale;
            let labels = team
                .skills
                .iter()
                .map(|skill| {
                    let levels: Vec<String> = columns(&team)
                        .iter()
                        .filter_map(|id| {
                            let level = skill.levels.get(*id)?;
                            Some(format!(
                                "{} {}",
                                display_name(&team, id),
                                scale.label(*level).unwrap_or_default().to_lowercase()
                            ))
                        })
                        .collect();
                    let levels = if levels.is_empty() {
                        "no levels yet".to_string()
                    } else {
                        levels.join(", ")
                    };
                    format!("change the skill “{}”: {levels}", name_or(&skill.name))
                })
                .collect();
            let extra = [("remove", "remove a skill")];
            let flow =
                match self.list_menu(labels, "add a skill", &extra, "go on to the decisions")? {
                    Ok(Pick::Change(at)) => self.skill(at)?,
                    Ok(Pick::Add) => {
                        let added = self.session.add_skill().map(|_| ());
                        self.then_fill(added, |this| this.skill(team.skills.len()))?
                    }
                    Ok(Pick::Remove) => {
                        let names = team.skills.iter().map(|s| name_or(&s.name)).collect();
                        self.remove_one("Which skill to remove?", names, Session::remove_skill)?
                    }
                    Ok(Pick::Gone) => Flow::Forward,
                    Ok(Pick::Next) => return Ok(Flow::Forward),
                    Err(flow) => return Ok(flow),
                };
            if let Flow::Out(step) = flow {
                return Ok(Flow::Out(step));
            }
        }
    }

    /// A skill's name, then each person's level and the leader's.
    fn skill(&mut self, at: usize) -> io::Result<Flow> {
        let people: Vec<String> = columns(self.team_now())
            .into_iter()
            .map(str::to_string)
            .collect();
        let step = self.walk(1 + people.len(), false, |this, part| {
            if part == 0 {
                return this.text(&Field::Skill(at), "The skill's name:");
            }
            let person = &people[part - 1];
            let team = this.team_now();
            let skill = team
                .skills
                .get(at)
                .map(|s| name_or(&s.name))
                .unwrap_or_default();
            let now = team
                .skills
                .get(at)
                .and_then(|s| s.levels.get(person).copied());
            let question = if person == YOU {
                format!("You, on “{skill}”: how well can you do it?")
            } else {
                format!(
                    "{}, on “{skill}”: how well can they do it?",
                    display_name(team, person)
                )
            };
            let scale = &this.workbook.team.competence_scale;
            match this.on_scale(&question, scale, now)? {
                Scaled::Flow(flow) => Ok(flow),
                Scaled::Value(level) => {
                    let done = this.session.set_level(this.workbook, at, person, level);
                    this.answered(done)?;
                    Ok(Flow::Forward)
                }
            }
        })?;
        Ok(in_list(step))
    }

    /// The competence map's notes, then who is ready for which handoff.
    fn skill_notes(&mut self, team: &Team) -> io::Result<()> {
        let workbook = self.workbook;
        for note in competence_notes(workbook, team) {
            self.talk
                .say(&format!("Note: {}", note.words(workbook, team)))?;
        }
        for (readiness, title) in [
            (Readiness::ForLearning, &workbook.team.for_learning),
            (Readiness::ForPerformance, &workbook.team.for_performance),
        ] {
            for (skill, people) in handoffs(workbook, team, readiness) {
                let skill = team
                    .skills
                    .iter()
                    .find(|s| s.id == skill)
                    .map(|s| name_or(&s.name))
                    .unwrap_or_default();
                let names: Vec<String> = people.iter().map(|id| display_name(team, id)).collect();
                self.talk
                    .say(&format!("{title}, on “{skill}”: {}.", names.join(", ")))?;
            }
        }
        Ok(())
    }

    /// The decisions: each person's letter, the ladder now and next, and
    /// by when.
    fn decisions(&mut self) -> io::Result<Flow> {
        let text = &self.workbook.team;
        self.talk.say(&text.decisions_intro)?;
        let letters: Vec<String> = text
            .letters
            .iter()
            .map(|l| format!("{}, {}: {}", l.letter, l.title, l.summary))
            .collect();
        self.talk
            .say(&format!("The letters: {}", letters.join(" ")))?;
        loop {
            let team = self.team_now().clone();
            if team.decisions.is_empty() {
                self.talk.say("No decisions yet.")?;
            }
            for note in decision_notes(self.workbook, &team) {
                self.talk
                    .say(&format!("Note: {}", note.words(self.workbook, &team)))?;
            }
            let labels = team
                .decisions
                .iter()
                .map(|decision| {
                    let rights: Vec<String> = columns(&team)
                        .iter()
                        .filter_map(|id| {
                            let raci = decision.rights.get(*id)?;
                            Some(format!("{} {}", display_name(&team, id), raci.letter()))
                        })
                        .collect();
                    let rights = if rights.is_empty() {
                        "no letters yet".to_string()
                    } else {
                        rights.join(", ")
                    };
                    let step =
                        |step: Option<u8>| step.map_or("not set".to_string(), |s| s.to_string());
                    format!(
                        "change the decision “{}”: {rights}; now {}, next {}, by {}",
                        name_or(&decision.title),
                        step(decision.now),
                        step(decision.next),
                        crate::report::words::due(decision.by)
                    )
                })
                .collect();
            let extra = [("remove", "remove a decision")];
            let flow = match self.list_menu(
                labels,
                "add a decision",
                &extra,
                "go on to the next worksheet",
            )? {
                Ok(Pick::Change(at)) => self.decision(at)?,
                Ok(Pick::Add) => {
                    let added = self.session.add_decision().map(|_| ());
                    self.then_fill(added, |this| this.decision(team.decisions.len()))?
                }
                Ok(Pick::Remove) => {
                    let names = team.decisions.iter().map(|d| name_or(&d.title)).collect();
                    self.remove_one("Which decision to remove?", names, Session::remove_decision)?
                }
                Ok(Pick::Gone) => Flow::Forward,
                Ok(Pick::Next) => return Ok(Flow::Forward),
                Err(flow) => return Ok(flow),
            };
            if let Flow::Out(step) = flow {
                return Ok(Flow::Out(step));
            }
        }
    }

    /// A decision's name, each person's letter, the ladder now and next,
    /// and by when.
    fn decision(&mut self, at: usize) -> io::Result<Flow> {
        let people: Vec<String> = columns(self.team_now())
            .into_iter()
            .map(str::to_string)
            .collect();
        let count = 1 + people.len() + 3;
        let step = self.walk(count, false, |this, part| match part {
            0 => this.text(&Field::Decision(at, DecisionField::Title), "The decision:"),
            part if part <= people.len() => this.letter(at, &people[part - 1]),
            part if part == people.len() + 1 => this.ladder(at, LadderEnd::Now),
            part if part == people.len() + 2 => this.ladder(at, LadderEnd::Next),
            _ => this.text(
                &Field::Decision(at, DecisionField::By),
                "By when would you like it there? A date like 2026-12-15:",
            ),
        })?;
        Ok(in_list(step))
    }

    fn letter(&mut self, at: usize, person: &str) -> io::Result<Flow> {
        let team = self.team_now();
        let Some(decision) = team.decisions.get(at) else {
            return Ok(Flow::Forward);
        };
        let title = name_or(&decision.title);
        let now = decision.rights.get(person).copied();
        let who = display_name(team, person);
        if let Some(raci) = now {
            self.talk
                .say(&format!("Your answer now: {}.", raci.letter()))?;
        }
        let mut choices: Vec<Choice> = self
            .workbook
            .team
            .letters
            .iter()
            .map(|l| Choice::new(l.letter.to_string(), format!("{}: {}", l.title, l.summary)))
            .collect();
        choices.push(Choice::new("none", "no letter"));
        let question = format!("{who}, on “{title}”: which letter?");
        let keep = if now.is_some() {
            "to keep it"
        } else {
            "to leave it without a letter"
        };
        let picked = match self.talk.choose(&question, &choices, Some(keep))? {
            Reply::Word(word) => return Ok(Flow::of(word)),
            Reply::Answer(None) => return Ok(Flow::Forward),
            Reply::Answer(Some(picked)) => picked,
        };
        let raci = choices[picked]
            .key
            .chars()
            .next()
            .filter(|_| choices[picked].key != "none")
            .and_then(Raci::from_letter);
        let done = self.session.set_right(at, person, raci);
        self.answered(done)?;
        Ok(Flow::Forward)
    }

    fn ladder(&mut self, at: usize, end: LadderEnd) -> io::Result<Flow> {
        let Some(decision) = self.team_now().decisions.get(at) else {
            return Ok(Flow::Forward);
        };
        let title = name_or(&decision.title);
        let now = match end {
            LadderEnd::Now => decision.now,
            LadderEnd::Next => decision.next,
        };
        let ladder = &self.workbook.team.ladder;
        if let Some(step) = now {
            let words = ladder.get(usize::from(step).saturating_sub(1));
            self.talk.say(&format!(
                "Your answer now: {step}, {}.",
                words.map_or("", String::as_str)
            ))?;
        }
        let mut choices = Choice::numbered(ladder.iter().cloned());
        if now.is_some() {
            choices.push(Choice::new("clear", "clear the answer"));
        }
        let question = match end {
            LadderEnd::Now => format!("“{title}”: {}", self.workbook.team.ladder_question),
            LadderEnd::Next => format!("“{title}”: where would you like it next?"),
        };
        let keep = if now.is_some() {
            "to keep it"
        } else {
            "to leave it unanswered"
        };
        let picked = match self.talk.choose(&question, &choices, Some(keep))? {
            Reply::Word(word) => return Ok(Flow::of(word)),
            Reply::Answer(None) => return Ok(Flow::Forward),
            Reply::Answer(Some(picked)) => picked,
        };
        let step = (picked < ladder.len()).then(|| u8::try_from(picked + 1).unwrap_or(u8::MAX));
        let done = self.session.set_ladder(self.workbook, at, end, step);
        self.answered(done)?;
        Ok(Flow::Forward)
    }

    /// A list with what can be done to it; `Err` carries a word that
    /// moves elsewhere. `extra` choices are offered when the list has
    /// entries.
    fn list_menu(
        &mut self,
        labels: Vec<String>,
        add: &str,
        extra: &[(&str, &str)],
        next: &str,
    ) -> io::Result<Result<Pick, Flow>> {
        let count = labels.len();
        let mut choices = Choice::numbered(labels);
        choices.push(Choice::new("add", add));
        if count > 0 {
            for (key, label) in extra {
                choices.push(Choice::new(*key, *label));
            }
        }
        choices.push(Choice::new("next", next));
        self.talk.place = self.place(None);
        let keep = format!("to {next}");
        Ok(
            match self.talk.choose("What now?", &choices, Some(&keep))? {
                Reply::Word(word) => Err(Flow::of(word)),
                Reply::Answer(None) => Ok(Pick::Next),
                Reply::Answer(Some(at)) if at < count => Ok(Pick::Change(at)),
                Reply::Answer(Some(at)) => Ok(match choices[at].key.as_str() {
                    "add" => Pick::Add,
                    "gone" => Pick::Gone,
                    "remove" => Pick::Remove,
                    _ => Pick::Next,
                }),
            },
        )
    }

    /// One of `labels`, or none (`talk.quit` says if that was a quit).
    fn one_of(
        &mut self,
        question: &str,
        labels: Vec<String>,
        keep: &str,
    ) -> io::Result<Option<usize>> {
        let choices = Choice::numbered(labels);
        Ok(match self.talk.choose(question, &choices, Some(keep))? {
            Reply::Answer(picked) => picked,
            Reply::Word(_) => None,
        })
    }

    fn remove_one(
        &mut self,
        question: &str,
        names: Vec<String>,
        remove: fn(&mut Session, usize) -> Result<(), Refused>,
    ) -> io::Result<Flow> {
        if let Some(at) = self.one_of(question, names, "to remove nothing")? {
            let done = remove(&mut self.session, at);
            self.answered(done)?;
        }
        Ok(self.stay())
    }

    /// Saves a change the session took, or says why it refused it.
    fn answered(&mut self, done: Result<(), Refused>) -> io::Result<()> {
        match done {
            Ok(()) => {
                self.saved()?;
                Ok(())
            }
            Err(why) => self.refused(&why.0),
        }
    }

    /// Stays on the list, unless the last answer was `quit`.
    fn stay(&self) -> Flow {
        if self.talk.quit {
            Flow::Out(Step::Quit)
        } else {
            Flow::Forward
        }
    }
}

/// An answer on a scale: a value, `None` to clear, or a word.
enum Scaled {
    Value(Option<u8>),
    Flow(Flow),
}

/// Where the fields of one entry leave its list.
fn in_list(step: Step) -> Flow {
    match step {
        Step::Next | Step::Previous => Flow::Forward,
        step => Flow::Out(step),
    }
}

fn name_or(name: &str) -> String {
    let name = name.trim();
    if name.is_empty() {
        "(no name yet)".to_string()
    } else {
        name.to_string()
    }
}
