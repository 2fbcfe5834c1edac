//! One assessment asked as questions: each worksheet kind by one function
//! over the domain session, which holds every rule (scales, dates, the cap
//! on commitments). A new kind of worksheet is one more arm in
//! [`Filling::sheet`].

use std::io::{self, BufRead, Write};

use crate::assessment::{Field, FollowUpStatus, Rated};
use crate::content::{Scale, Workbook};
use crate::report::{Audience, Block, Span, summary};
use crate::session::{Session, Sheet};

use super::saving::{Ran, Saves};
use super::talk::{Choice, Reply, Talk, Word, one_line};

/// Where a worksheet leaves the person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Next,
    Previous,
    /// The list of worksheets, to go to any.
    Sheets,
    /// Back to the person's page; the draft stays.
    Leave,
    Quit,
    Completed,
}

/// Where one question leaves the worksheet.
pub enum Flow {
    Forward,
    Back,
    Out(Step),
}

impl Flow {
    pub fn of(word: Word) -> Flow {
        match word {
            Word::Skip => Flow::Forward,
            Word::Back => Flow::Back,
            Word::Sheets => Flow::Out(Step::Sheets),
            Word::Quit => Flow::Out(Step::Quit),
        }
    }
}

pub struct Filling<'a, 'b, R, W> {
    pub talk: &'a mut Talk<R, W>,
    pub saves: &'a mut Saves<'b>,
    pub workbook: &'a Workbook,
    pub session: Session,
}

impl<R: BufRead, W: Write> Filling<'_, '_, R, W> {
    /// Asks worksheet after worksheet until the person completes the
    /// assessment, leaves it or quits.
    pub fn run(&mut self) -> io::Result<Step> {
        // `back` from a worksheet's first question lands on the last
        // question of the one before, as the question before it.
        let mut from_end = false;
        loop {
            let sheet = self.session.sheet();
            self.talk.gap()?;
            self.talk.say(&format!(
                "Worksheet {} of {}: {}.",
                sheet.index() + 1,
                Sheet::ALL.len(),
                sheet.title(self.workbook)
            ))?;
            let step = self.sheet(sheet, from_end)?;
            from_end = step == Step::Previous;
            match step {
                Step::Next => {
                    self.session.next_sheet();
                }
                Step::Previous => {
                    if !self.session.previous_sheet() {
                        return Ok(Step::Leave);
                    }
                }
                Step::Sheets => {
                    if let Some(step) = self.pick_sheet()? {
                        return Ok(step);
                    }
                }
                ending => return Ok(ending),
            }
        }
    }

    fn sheet(&mut self, sheet: Sheet, from_end: bool) -> io::Result<Step> {
        match sheet {
            Sheet::CheckIn => self.check_in(from_end),
            Sheet::Modes => self.modes(),
            Sheet::Commitments => self.commitments(),
            Sheet::Summary => self.summary(),
            Sheet::Team => self.team(from_end),
            Sheet::Gap
            | Sheet::Drivers
            | Sheet::Symptoms
            | Sheet::Aggravators
            | Sheet::Remedies
            | Sheet::Support => self.rated(sheet, from_end),
        }
    }

    /// Asks `count` questions in turn, from the first or the last; `back`
    /// on the first leaves for the worksheet before.
    pub fn walk(
        &mut self,
        count: usize,
        from_end: bool,
        mut ask: impl FnMut(&mut Self, usize) -> io::Result<Flow>,
    ) -> io::Result<Step> {
        let mut at = if from_end { count.saturating_sub(1) } else { 0 };
        while at < count {
            self.talk.place = self.place(Some((at, count)));
            match ask(self, at)? {
                Flow::Forward => at += 1,
                Flow::Back if at == 0 => return Ok(Step::Previous),
                Flow::Back => at -= 1,
                Flow::Out(step) => return Ok(step),
            }
        }
        Ok(Step::Next)
    }

    /// Runs what the last answer asked for with the files.
    pub fn saved(&mut self) -> io::Result<Option<Ran>> {
        self.saves.run(&mut self.session, self.talk)
    }

    /// Says why an answer was refused, for the question to be asked again.
    pub fn refused(&mut self, why: &str) -> io::Result<()> {
        self.talk.say(why)
    }

    /// Where the person is and what is left, for `where`.
    pub fn place(&self, question: Option<(usize, usize)>) -> String {
        let sheet = self.session.sheet();
        let mut place = format!(
            "You are in {}'s assessment, worksheet {} of {}: {}",
            self.session.person().name,
            sheet.index() + 1,
            Sheet::ALL.len(),
            sheet.title(self.workbook)
        );
        if let Some((at, count)) = question {
            place.push_str(&format!(", question {} of {count}", at + 1));
        }
        place.push('.');
        let left: Vec<String> = Sheet::ALL
            .iter()
            .filter_map(|sheet| {
                let (done, total) = self.session.progress(self.workbook, *sheet)?;
                (done < total).then(|| {
                    format!(
                        "{} ({done} of {total} answered)",
                        sheet.title(self.workbook)
                    )
                })
            })
            .collect();
        if left.is_empty() {
            place.push_str(" Every worksheet is answered; the summary is last.");
        } else {
            place.push_str(&format!(" Still open: {}.", left.join(", ")));
        }
        place
    }

    /// Goes to the worksheet chosen; `Some` when the person quit instead.
    fn pick_sheet(&mut self) -> io::Result<Option<Step>> {
        let choices = Choice::numbered(Sheet::ALL.iter().map(|sheet| {
            match self.session.progress(self.workbook, *sheet) {
                Some((done, total)) => {
                    format!("{}, {done} of {total} answered", sheet.title(self.workbook))
                }
                None => sheet.title(self.workbook),
            }
        }));
        self.talk.place = self.place(None);
        let reply = self.talk.choose(
            "Which worksheet?",
            &choices,
            Some("to stay on this worksheet"),
        )?;
        match reply {
            Reply::Answer(Some(at)) => self.session.go_to(Sheet::ALL[at]),
            Reply::Word(Word::Quit) => return Ok(Some(Step::Quit)),
            _ => {}
        }
        Ok(None)
    }

    fn check_in(&mut self, from_end: bool) -> io::Result<Step> {
        let follow_ups = self.session.assessment().check_in.follow_ups.len();
        self.walk(2 + 2 * follow_ups, from_end, |this, at| match at {
            0 => this.text(&Field::Role, "Your role, or the context you lead in:"),
            1 => this.text(
                &Field::Situation,
                "What delegation situation is on your mind?",
            ),
            at if at % 2 == 0 => this.follow_up((at - 2) / 2),
            at => this.text(&Field::FollowUpNote((at - 3) / 2), "A note on how it went:"),
        })
    }

    /// Asks for one text answer and stores it; a refusal (a bad date)
    /// asks again.
    pub fn text(&mut self, field: &Field, question: &str) -> io::Result<Flow> {
        loop {
            let now = field.get(self.session.assessment());
            let reply = if field.is_multiline() {
                self.talk.note(question, &now)?
            } else {
                self.talk.line(question, &now)?
            };
            let typed = match reply {
                Reply::Word(word) => return Ok(Flow::of(word)),
                Reply::Answer(None) => return Ok(Flow::Forward),
                Reply::Answer(Some(typed)) => typed,
            };
            match self.session.set_text(field, &typed) {
                Ok(()) => {
                    self.saved()?;
                    if let Some(date) = self.session.past_due(field) {
                        self.talk.say(&format!(
                            "{} has already passed; it is kept as written.",
                            date.format("%Y-%m-%d")
                        ))?;
                    }
                    return Ok(Flow::Forward);
                }
                Err(why) => self.refused(&why.0)?,
            }
        }
    }

    fn follow_up(&mut self, index: usize) -> io::Result<Flow> {
        let Some(follow_up) = self
            .session
            .assessment()
            .check_in
            .follow_ups
            .get(index)
            .cloned()
        else {
            return Ok(Flow::Forward);
        };
        let commitment = &follow_up.commitment;
        self.talk.say(&format!(
            "Last time's commitment {}: {}. First step: {}. With: {}. By: {}.",
            index + 1,
            crate::report::words::remedy_title(self.workbook, &commitment.remedy),
            commitment.first_step,
            commitment.with_whom,
            crate::report::words::due(commitment.due)
        ))?;
        if let Some(status) = follow_up.status {
            self.talk
                .say(&format!("Your answer now: {}.", status.label()))?;
        }
        let choices = Choice::numbered(
            FollowUpStatus::ALL
                .iter()
                .map(|status| status.label().to_string()),
        );
        match self
            .talk
            .choose("How did it go?", &choices, Some("to keep it"))?
        {
            Reply::Word(word) => Ok(Flow::of(word)),
            Reply::Answer(None) => Ok(Flow::Forward),
            Reply::Answer(Some(at)) => {
                if let Err(why) = self.session.set_follow_up(index, FollowUpStatus::ALL[at]) {
                    self.refused(&why.0)?;
                }
                self.saved()?;
                Ok(Flow::Forward)
            }
        }
    }

    fn rated(&mut self, sheet: Sheet, from_end: bool) -> io::Result<Step> {
        let intro = match sheet.section() {
            Some(kind) => self.workbook.section(kind).intro.clone(),
            None => self.workbook.gap.summary.clone(),
        };
        self.talk.say(&intro)?;
        let items = sheet.rated(self.workbook);
        self.walk(items.len(), from_end, |this, at| {
            this.rate(&items[at], at, items.len())
        })
    }

    /// One rated item: what it is, the question, and its scale.
    fn rate(&mut self, rated: &Rated, at: usize, count: usize) -> io::Result<Flow> {
        let (scale, question) = self.describe(rated, at, count)?;
        loop {
            let assessment = self.session.assessment();
            let now = rated.rating(assessment);
            if let Some(value) = now {
                let label = scale.label(value).unwrap_or_default();
                self.talk
                    .say(&format!("Your answer now: {value}, {label}."))?;
            }
            let note = rated.note(assessment).to_string();
            if !note.trim().is_empty() {
                self.talk.say(&format!("Your note: {}", one_line(&note)))?;
            }
            let mut choices: Vec<Choice> = scale
                .points
                .iter()
                .map(|point| Choice::new(point.value.to_string(), point.label.clone()))
                .collect();
            choices.push(Choice::new("note", "write a note on this item"));
            if now.is_some() {
                choices.push(Choice::new(
                    "clear",
                    "clear the answer, so it counts as skipped",
                ));
            }
            let keep = if now.is_some() {
                "to keep your answer"
            } else {
                "to leave it unanswered"
            };
            let at = match self.talk.choose(&question, &choices, Some(keep))? {
                Reply::Word(word) => return Ok(Flow::of(word)),
                Reply::Answer(None) => return Ok(Flow::Forward),
                Reply::Answer(Some(at)) => at,
            };
            match choices[at].key.as_str() {
                "note" => {
                    if let Flow::Out(step) = self.text(&Field::Note(rated.clone()), "Your note:")? {
                        return Ok(Flow::Out(step));
                    }
                }
                "clear" => {
                    if let Err(why) = self.session.clear_rating(rated) {
                        self.refused(&why.0)?;
                    }
                    self.saved()?;
                    return Ok(Flow::Forward);
                }
                _ => {
                    let value = scale.points[at].value;
                    match self.session.rate(self.workbook, rated, value) {
                        Ok(()) => {
                            self.saved()?;
                            return Ok(Flow::Forward);
                        }
                        Err(why) => self.refused(&why.0)?,
                    }
                }
            }
        }
    }

    /// Says what an item is, the way the worksheet explains it, and
    /// returns its scale and question.
    fn describe(&mut self, rated: &Rated, at: usize, count: usize) -> io::Result<(Scale, String)> {
        let workbook = self.workbook;
        let position = format!("{} of {count}", at + 1);
        match rated {
            Rated::Placement => {
                let gap = &workbook.gap;
                self.talk.say(&format!(
                    "Your place between the two directions, {position}."
                ))?;
                for direction in &gap.directions {
                    self.talk
                        .say(&format!("{}: {}", direction.title, direction.summary))?;
                }
                Ok((gap.placement_scale.clone(), gap.placement_question.clone()))
            }
            Rated::Item(kind, id) => {
                let section = workbook.section(*kind);
                let Some(item) = section.item(id) else {
                    return Ok((section.scale.clone(), section.question.clone()));
                };
                self.talk.say(&format!("{}, {position}.", item.title))?;
                self.talk.say(&item.summary)?;
                for prompt in &item.prompts {
                    self.talk.say(&crate::text::quoted(prompt.trim()))?;
                }
                if let Some(other) = &item.other_direction {
                    self.talk.say(other)?;
                }
                if let Some(prompt) = &item.other_prompt {
                    self.talk.say(&crate::text::quoted(prompt.trim()))?;
                }
                if let Some(who) = &item.who {
                    self.talk.say(&format!("Who can help: {who}"))?;
                }
                Ok((section.scale.clone(), section.question.clone()))
            }
        }
    }

    fn summary(&mut self) -> io::Result<Step> {
        self.talk.place = self.place(None);
        let mut document = summary(self.workbook, self.session.assessment(), Audience::Sheet);
        // Nothing here is done with a key: how to complete is asked below.
        document.blocks.retain(|block| !names_a_key(block));
        self.talk.say(&document.spoken())?;
        let choices = [
            Choice::new("1", "complete and save this assessment"),
            Choice::new("2", "go to a worksheet"),
            Choice::new("3", "leave it as a draft for now"),
        ];
        loop {
            match self.talk.choose("What now?", &choices, None)? {
                Reply::Word(Word::Skip) | Reply::Answer(None) => {}
                Reply::Word(word) => {
                    return Ok(match Flow::of(word) {
                        Flow::Back => Step::Previous,
                        Flow::Out(step) => step,
                        Flow::Forward => Step::Next,
                    });
                }
                Reply::Answer(Some(0)) => {
                    if let Err(why) = self.session.complete() {
                        self.refused(&why.0)?;
                        continue;
                    }
                    if self.saved()? == Some(Ran::Completed) {
                        return Ok(Step::Completed);
                    }
                }
                Reply::Answer(Some(1)) => return Ok(Step::Sheets),
                Reply::Answer(Some(_)) => return Ok(Step::Leave),
            }
        }
    }
}

fn names_a_key(block: &Block) -> bool {
    match block {
        Block::Paragraph(_, spans) => spans.iter().any(|span| matches!(span, Span::Key(_))),
        _ => false,
    }
}
