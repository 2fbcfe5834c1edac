//! Plain mode: the whole workbook as a conversation of printed lines, for
//! screen readers, dumb terminals and serial consoles. No cursor moves, no
//! colour, nothing redrawn: each question is printed once, with numbered
//! choices, and each answer is read as a line from standard input.
//!
//! It is a second front end over the same domain session, store and
//! report documents as the full-screen program, so a draft started in one
//! resumes in the other. Generic over `BufRead`/`Write`, so tests drive it
//! in-process with a script as well as through the binary.

mod cards;
mod filling;
mod looking_back;
mod people;
mod records;
mod saving;
mod talk;
mod team;

use std::io::{self, BufRead, Write};

use crate::app::Clock;
use crate::client_view::ClientView;
use crate::content::Workbook;
use crate::store::{Person, Store};

pub use talk::HELP;

/// How a plain conversation ended, for the exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    /// Quit, or standard input ended, with every answer saved.
    Quit,
    /// Quit although the latest answers could not be saved.
    QuitUnsaved,
}

/// What a conversation reads and writes with.
pub struct Plain<'a> {
    pub store: &'a Store,
    pub workbook: &'a Workbook,
    pub clock: Clock,
}

impl Plain<'_> {
    /// Holds the conversation until the person quits or the input ends.
    /// `warning` is said first (a coach's content left out, say).
    pub fn run<R: BufRead, W: Write>(
        &self,
        input: R,
        output: W,
        warning: Option<&str>,
    ) -> io::Result<Ending> {
        self.converse(input, output, warning, None)
    }

    /// As [`Plain::run`], in the client view: only `client`'s workbook
    /// can be reached (no list of people, no way to another), no coach
    /// notes are said, and no line printed holds a path. It is left by
    /// quitting: plain mode has no way out of it into the list of people.
    pub fn run_client<R: BufRead, W: Write>(
        &self,
        client: Person,
        input: R,
        output: W,
        warning: Option<&str>,
    ) -> io::Result<Ending> {
        self.converse(input, output, warning, Some(client))
    }

    fn converse<R: BufRead, W: Write>(
        &self,
        input: R,
        output: W,
        warning: Option<&str>,
        client: Option<Person>,
    ) -> io::Result<Ending> {
        let mut talk = talk::Talk::new(input, output);
        talk.client = client
            .as_ref()
            .map(|person| ClientView::new(person.clone(), self.store.root().to_path_buf()));
        talk.say(
            "handoff, a workbook about delegation, in plain mode. Type help at any question to hear the words that work everywhere.",
        )?;
        if let Some(person) = &client {
            talk.say(&format!(
                "Client view: only {}'s workbook is open here, to share safely. Type quit to end handoff.",
                person.name
            ))?;
        }
        if let Some(warning) = warning {
            talk.say(warning)?;
        }
        people::People {
            plain: self,
            lost: Default::default(),
            client,
        }
        .run(&mut talk)
    }
}
