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

use std::io::{self, BufRead, Write};

use crate::app::Clock;
use crate::content::Workbook;
use crate::store::Store;

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
        let mut talk = talk::Talk::new(input, output);
        talk.say(
            "handoff, a workbook about delegation, in plain mode. Type help at any question to hear the words that work everywhere.",
        )?;
        if let Some(warning) = warning {
            talk.say(warning)?;
        }
        people::People {
            plain: self,
            lost: Default::default(),
        }
        .run(&mut talk)
    }
}
