//! The worksheets made of records, asked as a list to add to, change or
//! remove from: tasks to hand over, and commitments (three at most, which
//! the session enforces).

use std::io::{self, BufRead, Write};

use crate::assessment::{
    CommitmentField, DelegationMode, Field, Lean, TaskField, balance, display_name, suggested_mode,
};
use crate::report::words;
use crate::session::{Refused, Session, remedy_order};

use super::filling::{Filling, Flow, Step};
use super::talk::{Choice, Reply};

/// What the list of records was asked to do.
enum Pick {
    Change(usize),
    Add,
    Remove,
    Next,
}

impl<R: BufRead, W: Write> Filling<'_, '_, R, W> {
    pub fn modes(&mut self) -> io::Result<Step> {
        let modes = &self.workbook.modes;
        self.talk.say(&modes.summary)?;
        self.talk.say(&crate::text::quoted(modes.question.trim()))?;
        loop {
            let tasks = self.session.assessment().tasks.clone();
            if tasks.is_empty() {
                self.talk.say("No tasks listed yet.")?;
            }
            let labels: Vec<String> = tasks
                .iter()
                .map(|task| {
                    let mode = task.mode.map_or("kind not chosen", |mode| match mode {
                        DelegationMode::Performance => "for performance",
                        DelegationMode::Learning => "for learning",
                    });
                    format!(
                        "change the task “{}”, to {}, {mode}",
                        task.title,
                        or_nobody(&task.to_whom)
                    )
                })
                .collect();
            match balance(&tasks).lean {
                Lean::AllPerformance => self.talk.say(&format!("! {}", modes.only_performance))?,
                Lean::AllLearning => self.talk.say(&format!("! {}", modes.only_learning))?,
                Lean::Mixed | Lean::TooFewToSay => {}
            }
            let flow = match self.pick_record(labels, "add a task", "remove a task")? {
                Ok(Pick::Change(at)) => self.task(at)?,
                Ok(Pick::Add) => {
                    let added = self.session.add_task().map(|_| ());
                    self.then_fill(added, |this| this.task(tasks.len()))?
                }
                Ok(Pick::Remove) => {
                    let titles = tasks.iter().map(|task| task.title.clone()).collect();
                    self.remove("Which task to remove?", titles, Session::remove_task)?
                }
                Ok(Pick::Next) => return Ok(Step::Next),
                Err(flow) => flow,
            };
            match flow {
                Flow::Forward => {}
                Flow::Back => return Ok(Step::Previous),
                Flow::Out(step) => return Ok(step),
            }
        }
    }

    /// A new entry, if the session took it (`added`), saved and then
    /// filled in with `fill`; if not, why not.
    pub(super) fn then_fill(
        &mut self,
        added: Result<(), Refused>,
        fill: impl FnOnce(&mut Self) -> io::Result<Flow>,
    ) -> io::Result<Flow> {
        match added {
            Ok(()) => {
                self.saved()?;
                fill(self)
            }
            Err(why) => {
                self.refused(&why.0)?;
                Ok(Flow::Forward)
            }
        }
    }

    /// Removes the entry the person picks among `titles`, if any.
    fn remove(
        &mut self,
        question: &str,
        titles: Vec<String>,
        remove: fn(&mut Session, usize) -> Result<(), Refused>,
    ) -> io::Result<Flow> {
        if let Some(at) = self.which(question, titles)? {
            match remove(&mut self.session, at) {
                Ok(()) => {
                    self.saved()?;
                }
                Err(why) => self.refused(&why.0)?,
            }
        }
        Ok(self.quit_or_stay())
    }

    /// Every field of task `at`, in turn; `back` returns to the list.
    fn task(&mut self, at: usize) -> io::Result<Flow> {
        let step = self.walk(4, false, |this, field| match field {
            0 => this.text(&Field::Task(at, TaskField::Title), "The task:"),
            1 => this.recipient(at),
            2 => this.mode(at),
            _ => this.text(&Field::Task(at, TaskField::Note), "A note on this task:"),
        })?;
        Ok(match step {
            Step::Next | Step::Previous => Flow::Forward,
            step => Flow::Out(step),
        })
    }

    /// To whom a task goes: someone picked from the team sheet (by the
    /// same session call as the full-screen program), or a name typed.
    fn recipient(&mut self, at: usize) -> io::Result<Flow> {
        let assessment = self.session.assessment();
        let team: Vec<(String, String)> = assessment
            .team
            .current()
            .map(|member| {
                (
                    member.id.clone(),
                    display_name(&assessment.team, &member.id),
                )
            })
            .collect();
        let field = Field::Task(at, TaskField::ToWhom);
        if team.is_empty() {
            return self.text(&field, "To whom?");
        }
        let Some(task) = assessment.tasks.get(at) else {
            return Ok(Flow::Forward);
        };
        if !task.to_whom.trim().is_empty() {
            let from_team = if task.member.is_some() {
                ", from your team"
            } else {
                ""
            };
            self.talk
                .say(&format!("Now: {}{from_team}.", task.to_whom.trim()))?;
        }
        let mut choices = Choice::numbered(team.iter().map(|(_, name)| name.clone()));
        choices.push(Choice::new("other", "someone else: type a name"));
        let picked = match self.talk.choose(
            "To whom? Pick someone from your team, or other to type a name.",
            &choices,
            Some("to keep it as it is"),
        )? {
            Reply::Word(word) => return Ok(Flow::of(word)),
            Reply::Answer(None) => return Ok(Flow::Forward),
            Reply::Answer(Some(picked)) => picked,
        };
        let Some((id, _)) = team.get(picked) else {
            return self.text(&field, "To whom?");
        };
        // The session picks round the team one step at a time, as the
        // full-screen program's arrow keys do: as many steps as it takes.
        for _ in 0..=team.len() {
            let member = self
                .session
                .assessment()
                .tasks
                .get(at)
                .and_then(|task| task.member.clone());
            if member.as_deref() == Some(id.as_str()) {
                break;
            }
            if let Err(why) = self.session.pick_member(at, true) {
                self.refused(&why.0)?;
                break;
            }
        }
        self.saved()?;
        Ok(Flow::Forward)
    }

    fn mode(&mut self, at: usize) -> io::Result<Flow> {
        let kinds = [DelegationMode::Performance, DelegationMode::Learning];
        let labels = kinds.iter().map(|kind| {
            let mode = self
                .workbook
                .modes
                .modes
                .iter()
                .find(|mode| mode.id == kind.id());
            mode.map_or(kind.id().to_string(), |mode| {
                format!("{}: {}", mode.title, mode.summary)
            })
        });
        let mut choices = Choice::numbered(labels);
        // What the team map suggests for the task's person, to take with
        // a word or override by choosing.
        let assessment = self.session.assessment();
        let task = assessment.tasks.get(at);
        let suggested = task
            .and_then(|task| task.member.as_deref())
            .and_then(|member| suggested_mode(self.workbook, &assessment.team, member));
        if let Some(suggested) = &suggested {
            let words = suggested.words(self.workbook, &assessment.team);
            if task.and_then(|task| task.mode) == Some(suggested.mode()) {
                self.talk.say(&format!("{words} It is taken."))?;
            } else {
                self.talk
                    .say(&format!("{words} Type suggested to take it."))?;
                choices.push(Choice::new("suggested", "take the suggestion"));
            }
        }
        match self.talk.choose(
            "Is this handoff for performance or for learning?",
            &choices,
            Some("to keep it as it is"),
        )? {
            Reply::Word(word) => Ok(Flow::of(word)),
            Reply::Answer(None) => Ok(Flow::Forward),
            Reply::Answer(Some(kind)) if kind >= kinds.len() => {
                if let Err(why) = self.session.accept_suggestion(self.workbook, at) {
                    self.refused(&why.0)?;
                }
                self.saved()?;
                Ok(Flow::Forward)
            }
            Reply::Answer(Some(kind)) => {
                if let Err(why) = self.session.set_mode(at, kinds[kind]) {
                    self.refused(&why.0)?;
                }
                self.saved()?;
                Ok(Flow::Forward)
            }
        }
    }

    pub fn commitments(&mut self) -> io::Result<Step> {
        self.talk.say(
            "Choose up to three remedies to act on: the first step, with whom, by when, and the checkpoint. The next check-in asks how they went.",
        )?;
        loop {
            let commitments = self.session.assessment().commitments.clone();
            if commitments.is_empty() {
                self.talk.say("No commitments yet.")?;
            }
            let labels = commitments
                .iter()
                .map(|commitment| {
                    format!(
                        "change the commitment “{}”: {}, by {}",
                        words::remedy_title(self.workbook, &commitment.remedy),
                        or_nobody(&commitment.first_step),
                        words::due(commitment.due)
                    )
                })
                .collect();
            let flow = match self.pick_record(labels, "add a commitment", "remove a commitment")? {
                Ok(Pick::Change(at)) => self.commitment(at)?,
                Ok(Pick::Add) => {
                    let added = self.session.add_commitment(self.workbook).map(|_| ());
                    self.then_fill(added, |this| this.commitment(commitments.len()))?
                }
                Ok(Pick::Remove) => {
                    let titles = commitments
                        .iter()
                        .map(|c| words::remedy_title(self.workbook, &c.remedy))
                        .collect();
                    self.remove(
                        "Which commitment to remove?",
                        titles,
                        Session::remove_commitment,
                    )?
                }
                Ok(Pick::Next) => return Ok(Step::Next),
                Err(flow) => flow,
            };
            match flow {
                Flow::Forward => {}
                Flow::Back => return Ok(Step::Previous),
                Flow::Out(step) => return Ok(step),
            }
        }
    }

    fn commitment(&mut self, at: usize) -> io::Result<Flow> {
        let field = |part| Field::Commitment(at, part);
        let step = self.walk(5, false, |this, part| match part {
            0 => this.remedy(at),
            1 => this.text(&field(CommitmentField::FirstStep), "The first step:"),
            2 => this.text(&field(CommitmentField::WithWhom), "With whom?"),
            3 => this.text(
                &field(CommitmentField::Due),
                "By when? A date like 2026-12-15:",
            ),
            _ => this.text(
                &field(CommitmentField::Checkpoint),
                "The checkpoint: how and when you will see how it is going:",
            ),
        })?;
        Ok(match step {
            Step::Next | Step::Previous => Flow::Forward,
            step => Flow::Out(step),
        })
    }

    /// The remedy a commitment acts on, the recommended ones first. The
    /// session moves a commitment's remedy one step through that same
    /// order, so the choice is that many steps.
    fn remedy(&mut self, at: usize) -> io::Result<Flow> {
        let order = remedy_order(self.workbook, self.session.assessment());
        let Some(now) = self
            .session
            .assessment()
            .commitments
            .get(at)
            .map(|c| c.remedy.clone())
        else {
            return Ok(Flow::Forward);
        };
        self.talk.say(&format!(
            "This commitment acts on: {}.",
            words::remedy_title(self.workbook, &now)
        ))?;
        let choices = Choice::numbered(
            order
                .iter()
                .map(|id| words::remedy_title(self.workbook, id)),
        );
        let picked = match self.talk.choose(
            "Which remedy? The ones your answers recommend come first.",
            &choices,
            Some("to keep it"),
        )? {
            Reply::Word(word) => return Ok(Flow::of(word)),
            Reply::Answer(None) => return Ok(Flow::Forward),
            Reply::Answer(Some(picked)) => picked,
        };
        let from = order.iter().position(|id| *id == now).unwrap_or(0);
        let steps = (picked + order.len() - from) % order.len();
        for _ in 0..steps {
            if let Err(why) = self.session.step_remedy(self.workbook, at, true) {
                self.refused(&why.0)?;
                break;
            }
        }
        if steps > 0 {
            self.saved()?;
        }
        Ok(Flow::Forward)
    }

    /// The list of records with what can be done to it; `Err` carries a
    /// word that moves elsewhere.
    fn pick_record(
        &mut self,
        labels: Vec<String>,
        add: &str,
        remove: &str,
    ) -> io::Result<Result<Pick, Flow>> {
        let count = labels.len();
        let mut choices = Choice::numbered(labels);
        choices.push(Choice::new("add", add));
        if count > 0 {
            choices.push(Choice::new("remove", remove));
        }
        choices.push(Choice::new("next", "go on to the next worksheet"));
        self.talk.place = self.place(None);
        Ok(
            match self.talk.choose(
                "What now?",
                &choices,
                Some("to go on to the next worksheet"),
            )? {
                Reply::Word(word) => Err(Flow::of(word)),
                Reply::Answer(None) => Ok(Pick::Next),
                Reply::Answer(Some(at)) if at < count => Ok(Pick::Change(at)),
                Reply::Answer(Some(at)) => Ok(match choices[at].key.as_str() {
                    "add" => Pick::Add,
                    "remove" => Pick::Remove,
                    _ => Pick::Next,
                }),
            },
        )
    }

    /// One of `titles`, or none (`talk.quit` says if that was a quit).
    fn which(&mut self, question: &str, titles: Vec<String>) -> io::Result<Option<usize>> {
        let choices = Choice::numbered(titles);
        Ok(
            match self
                .talk
                .choose(question, &choices, Some("to remove nothing"))?
            {
                Reply::Answer(picked) => picked,
                Reply::Word(_) => None,
            },
        )
    }
}

impl<R: BufRead, W: Write> Filling<'_, '_, R, W> {
    /// Stays on the list, unless the last answer was `quit`.
    fn quit_or_stay(&self) -> Flow {
        if self.talk.quit {
            Flow::Out(Step::Quit)
        } else {
            Flow::Forward
        }
    }
}

fn or_nobody(text: &str) -> &str {
    if text.trim().is_empty() {
        "not set"
    } else {
        text
    }
}
