//! Whose workbook, and what to do in it: choose or add a person, then
//! resume or throw away a draft, start a new assessment, or look back.

use std::cell::Cell;
use std::io::{self, BufRead, Write};

use crate::assessment::{Assessment, parse_due};
use crate::opening::{self, Opened, answered, changed_on, holds};
use crate::store::{CoachNote, FileVersion, Listed, Person, names_alike};

use super::filling::{Filling, Step};
use super::saving::Saves;
use super::talk::{Choice, Reply, Talk, Word};
use super::{Ending, Plain};

/// Said when the client view is asked to go to the list of people.
const CLIENT_ONLY: &str =
    "This is the client view: only this workbook is open here. Type quit to end handoff.";

/// The most people read out as a list; more are found by name.
const LISTED: usize = 30;

pub struct People<'a, 'p> {
    pub plain: &'a Plain<'p>,
    /// Answers were left unsaved, as the person agreed to: the ending
    /// says so.
    pub lost: Cell<bool>,
    /// The client view: only this person's page is reached, and there is
    /// no way from it to anyone else.
    pub client: Option<Person>,
}

/// What the person's page offers.
enum Offer {
    Resume(Box<Assessment>),
    Start,
    Discard,
    LookBack,
    Cards,
    Note,
    NextSession,
    Others,
}

/// Where a person's page leaves the conversation.
enum Left {
    Others,
    Ended(Ending),
}

impl<'p> People<'_, 'p> {
    pub fn run<R: BufRead, W: Write>(&self, talk: &mut Talk<R, W>) -> io::Result<Ending> {
        if let Some(person) = &self.client {
            loop {
                match self.page(talk, person)? {
                    Left::Others => talk.say(CLIENT_ONLY)?,
                    Left::Ended(ending) => return Ok(ending),
                }
            }
        }
        loop {
            talk.place = "You are choosing whose workbook to open.".to_string();
            let Some(person) = self.choose(talk)? else {
                return self.goodbye(talk);
            };
            match self.page(talk, &person)? {
                Left::Others => {}
                Left::Ended(ending) => return Ok(ending),
            }
        }
    }

    /// A person from the list, or one added; `None` to quit.
    fn choose<R: BufRead, W: Write>(&self, talk: &mut Talk<R, W>) -> io::Result<Option<Person>> {
        let store = self.plain.store;
        loop {
            let listing = match store.people() {
                Ok(listing) => listing,
                Err(error) => {
                    talk.say(&format!(
                        "The people in the data folder cannot be listed: {error}"
                    ))?;
                    return Ok(None);
                }
            };
            for (path, reason) in &listing.unreadable {
                talk.say(&format!(
                    "Could not read {}: {reason}. It is left as it is.",
                    path.display()
                ))?;
            }
            talk.gap()?;
            let mut choices = Choice::numbered(listing.people.iter().map(|p| p.name.clone()));
            choices.push(Choice::new("add", "add a person"));
            let count = listing.people.len();
            let reply = if count == 0 {
                talk.choose(
                    "No one is here yet. Whose workbook is this? Type add to add a person.",
                    &choices,
                    None,
                )?
            } else if count > LISTED {
                talk.choose_unlisted(
                    &format!(
                        "Whose workbook? There are {count} people: type the start of a name, or add to add a person."
                    ),
                    &choices,
                    None,
                )?
            } else {
                talk.choose("Whose workbook?", &choices, None)?
            };
            match reply {
                Reply::Word(Word::Quit) => return Ok(None),
                Reply::Word(_) | Reply::Answer(None) => {
                    talk.say("This is the first question; type quit to end handoff.")?
                }
                Reply::Answer(Some(at)) if at < listing.people.len() => {
                    return Ok(Some(listing.people[at].clone()));
                }
                Reply::Answer(Some(_)) => {
                    if let Some(person) = self.add(talk, &listing.people)? {
                        return Ok(Some(person));
                    }
                    if talk.quit {
                        return Ok(None);
                    }
                }
            }
        }
    }

    fn add<R: BufRead, W: Write>(
        &self,
        talk: &mut Talk<R, W>,
        people: &[Person],
    ) -> io::Result<Option<Person>> {
        loop {
            let name = match talk.line("The person's name:", "")? {
                Reply::Answer(Some(name)) => name,
                Reply::Answer(None) | Reply::Word(_) => return Ok(None),
            };
            if let Some(alike) = people
                .iter()
                .find(|person| person.name != name.trim() && names_alike(&person.name, &name))
                && talk.confirm(&format!(
                    "{} is already here, written differently. Open {} instead?",
                    alike.name, alike.name
                ))?
            {
                return Ok(Some(alike.clone()));
            }
            match self.plain.store.add_person(&name) {
                Ok(person) => {
                    talk.say(&format!("Added {}.", person.name))?;
                    return Ok(Some(person));
                }
                Err(error) => talk.say(&format!("{error}. Please try another name."))?,
            }
        }
    }

    /// The person's page, until they choose someone else or quit.
    fn page<R: BufRead, W: Write>(
        &self,
        talk: &mut Talk<R, W>,
        person: &Person,
    ) -> io::Result<Left> {
        let (store, workbook) = (self.plain.store, self.plain.workbook);
        loop {
            talk.gap()?;
            talk.place = format!("You are on {}'s page.", person.name);
            let mut offers = Vec::new();
            let mut labels = Vec::new();
            for listed in store.drafts(person) {
                match listed {
                    Listed::Readable { loaded, path } if loaded.read_only => talk.say(&format!(
                        "{}: a draft from a newer handoff; finish it there.",
                        path.display()
                    ))?,
                    Listed::Readable { loaded, .. } => {
                        labels.push(format!(
                            "resume the draft changed {}, {} answers, {}",
                            loaded.assessment.updated.format("%-d %b %Y, %H:%M"),
                            answered(workbook, &loaded.assessment),
                            holds(&loaded.assessment)
                        ));
                        offers.push(Offer::Resume(Box::new(loaded.assessment)));
                    }
                    Listed::Unreadable { reason, .. } => {
                        talk.say(&format!("A draft could not be read: {reason}"))?
                    }
                }
            }
            let drafts = offers.len();
            labels.push("start a new assessment".into());
            offers.push(Offer::Start);
            if drafts > 0 {
                labels.push("throw away a draft".into());
                offers.push(Offer::Discard);
            }
            let completed = store.newest_history(person, workbook, 0).total;
            if completed > 0 {
                labels.push(format!(
                    "look back: {completed} completed, to read, compare, see the trend or export"
                ));
                offers.push(Offer::LookBack);
            }
            labels.push("read the reference cards".into());
            offers.push(Offer::Cards);
            // The coach's own: never offered in the client view.
            if self.client.is_none() {
                labels.push("write a private coach note".into());
                offers.push(Offer::Note);
                let next = match store.next_session(person) {
                    Ok(Some(date)) => date.format("%A %-d %B %Y").to_string(),
                    Ok(None) => "not set".to_string(),
                    Err(error) => format!("not readable: {error}"),
                };
                labels.push(format!("set the next session's date, now {next}"));
                offers.push(Offer::NextSession);
                labels.push("choose another person".into());
                offers.push(Offer::Others);
            }
            let question = format!("{}. What would you like to do?", person.name);
            let at = match talk.choose(&question, &Choice::numbered(labels), None)? {
                Reply::Word(Word::Quit) => {
                    return Ok(Left::Ended(self.goodbye(talk)?));
                }
                Reply::Word(Word::Back) => return Ok(Left::Others),
                Reply::Word(_) | Reply::Answer(None) => continue,
                Reply::Answer(Some(at)) => at,
            };
            let ended = match offers.swap_remove(at) {
                Offer::Resume(draft) => self.open(talk, person, Some(*draft))?,
                Offer::Start => self.open(talk, person, None)?,
                Offer::Discard => {
                    self.discard(talk, person)?;
                    None
                }
                Offer::LookBack => {
                    let looking = super::looking_back::LookingBack {
                        plain: self.plain,
                        person,
                    };
                    if looking.run(talk)? {
                        return Ok(Left::Ended(self.goodbye(talk)?));
                    }
                    None
                }
                Offer::Cards => {
                    if super::cards::read_cards(talk, workbook)? {
                        return Ok(Left::Ended(self.goodbye(talk)?));
                    }
                    None
                }
                Offer::Note => {
                    self.coach_note(talk, person)?;
                    None
                }
                Offer::NextSession => {
                    self.next_session(talk, person)?;
                    None
                }
                Offer::Others => return Ok(Left::Others),
            };
            if let Some(ending) = ended {
                return Ok(Left::Ended(ending));
            }
            if talk.quit {
                return Ok(Left::Ended(self.goodbye(talk)?));
            }
        }
    }

    /// Fills in a draft, or a new assessment, under the person's lock as
    /// the full-screen program does; `Some` when the person quit.
    fn open<R: BufRead, W: Write>(
        &self,
        talk: &mut Talk<R, W>,
        person: &Person,
        draft: Option<Assessment>,
    ) -> io::Result<Option<Ending>> {
        let Plain {
            store,
            workbook,
            clock,
        } = *self.plain;
        let new = draft.is_none();
        let Opened {
            session,
            lock: _lock,
        } = match opening::open_session(store, workbook, person, draft, clock) {
            Ok(opened) => opened,
            Err(why) => {
                talk.say(&why)?;
                return Ok(None);
            }
        };
        talk.say(if new {
            "A new assessment."
        } else {
            "Resuming the draft."
        })?;
        let mut saves = Saves::new(store, clock);
        let mut filling = Filling {
            talk,
            saves: &mut saves,
            workbook: self.plain.workbook,
            session,
        };
        // A new assessment's first save.
        filling.saved()?;
        loop {
            let step = filling.run()?;
            if step == Step::Completed {
                return Ok(None);
            }
            let quitting = step == Step::Quit;
            if !filling.session.leave() {
                filling
                    .talk
                    .say("Nothing was answered, so no draft is kept.")?;
            }
            filling.saved()?;
            if filling.saves.retry(&mut filling.session, filling.talk)? {
                return quitting.then(|| self.goodbye(filling.talk)).transpose();
            }
            let lost = filling.saves.unsaved_words().unwrap_or_default();
            let question = if quitting {
                format!("{lost} Quit anyway and lose them?")
            } else {
                format!("{lost} Leave the assessment anyway and lose them?")
            };
            // Asked afresh: `quit` typed here is a yes.
            filling.talk.quit = false;
            if filling.talk.ended || filling.talk.confirm(&question)? || filling.talk.quit {
                filling.talk.say(&lost)?;
                self.lost.set(true);
                return quitting.then(|| self.goodbye(filling.talk)).transpose();
            }
            // Staying after all: carry on where they were.
            filling.talk.quit = false;
        }
    }

    /// A private coach note, dated now, saved through the same store call
    /// as the full-screen program's.
    fn coach_note<R: BufRead, W: Write>(
        &self,
        talk: &mut Talk<R, W>,
        person: &Person,
    ) -> io::Result<()> {
        let text = match talk.note(
            "Your coach note. It is private: never said in the client view, nor in a client copy.",
            "",
        )? {
            Reply::Answer(Some(text)) if !text.trim().is_empty() => text,
            _ => return talk.say("No note was written."),
        };
        let note = CoachNote::new(&text, (self.plain.clock)());
        match self.plain.store.save_note(person, &note) {
            Ok(_) => talk.say("Coach note saved."),
            Err(error) => talk.say(&format!("Coach note NOT saved ({error}).")),
        }
    }

    /// The next session's date, checked as every date is; `none` clears
    /// it.
    fn next_session<R: BufRead, W: Write>(
        &self,
        talk: &mut Talk<R, W>,
        person: &Person,
    ) -> io::Result<()> {
        let store = self.plain.store;
        let now = store
            .next_session(person)
            .ok()
            .flatten()
            .map(|date| date.format("%Y-%m-%d").to_string())
            .unwrap_or_default();
        loop {
            let typed = match talk.line(
                "The next session's date, like 2026-12-15, or none to clear it:",
                &now,
            )? {
                Reply::Answer(Some(typed)) => typed,
                _ => return Ok(()),
            };
            let date = if typed.trim().eq_ignore_ascii_case("none") {
                Ok(None)
            } else {
                parse_due(&typed)
            };
            let date = match date {
                Ok(date) => date,
                Err(why) => {
                    talk.say(&why)?;
                    continue;
                }
            };
            return match store.set_next_session(person, date) {
                Ok(()) => talk.say(&match date {
                    Some(date) => format!("Next session: {}.", date.format("%A %-d %B %Y")),
                    None => "No next session is set.".to_string(),
                }),
                Err(error) => talk.say(&format!("The next session's date was NOT saved: {error}")),
            };
        }
    }

    /// The last words, and how the conversation ended.
    fn goodbye<R: BufRead, W: Write>(&self, talk: &mut Talk<R, W>) -> io::Result<Ending> {
        if self.lost.get() {
            talk.say("Goodbye. Some answers could not be saved, as said above.")?;
            Ok(Ending::QuitUnsaved)
        } else {
            talk.say("Everything you answered is saved. Goodbye.")?;
            Ok(Ending::Quit)
        }
    }

    /// Throws a draft away, after asking, under the person's lock and only
    /// if its file is still the version listed.
    fn discard<R: BufRead, W: Write>(
        &self,
        talk: &mut Talk<R, W>,
        person: &Person,
    ) -> io::Result<()> {
        let store = self.plain.store;
        let drafts: Vec<(Assessment, Option<FileVersion>)> = store
            .drafts(person)
            .into_iter()
            .filter_map(|listed| match listed {
                Listed::Readable { loaded, .. } if !loaded.read_only => {
                    Some((loaded.assessment, loaded.version))
                }
                _ => None,
            })
            .collect();
        let labels = drafts.iter().map(|(draft, _)| {
            format!(
                "the draft changed {}, {}",
                draft.updated.format("%-d %b %Y, %H:%M"),
                holds(draft)
            )
        });
        let at = match talk.choose(
            "Which draft to throw away?",
            &Choice::numbered(labels),
            Some("to throw nothing away"),
        )? {
            Reply::Answer(Some(at)) => at,
            _ => return Ok(()),
        };
        let (draft, version) = &drafts[at];
        if !talk.confirm("Throw it away for good?")? {
            return talk.say("Nothing was thrown away.");
        }
        match opening::discard_draft(store, person, &draft.id, *version) {
            Ok(()) => talk.say(&format!(
                "The draft changed {} was thrown away.",
                changed_on(draft)
            )),
            Err(why) => talk.say(&why),
        }
    }
}
