//! The reference cards, read one at a time from a numbered list: the same
//! card documents the full-screen program shows.

use std::io::{self, BufRead, Write};

use crate::content::Workbook;
use crate::report::cards::cards;

use super::talk::{Choice, Reply, Talk, Word};

/// Lists the cards until the person goes back; true when they quit.
pub fn read_cards<R: BufRead, W: Write>(
    talk: &mut Talk<R, W>,
    workbook: &Workbook,
) -> io::Result<bool> {
    let cards = cards(workbook);
    let choices = Choice::numbered(
        cards
            .iter()
            .map(|card| format!("{}: {}", card.group, card.label)),
    );
    loop {
        talk.gap()?;
        talk.place = "You are reading the reference cards.".to_string();
        match talk.choose("Which card?", &choices, Some("to go back"))? {
            Reply::Answer(Some(at)) => {
                let card = &cards[at];
                talk.say(&card.title)?;
                talk.say(&card.body.spoken())?;
            }
            Reply::Word(Word::Quit) => return Ok(true),
            Reply::Answer(None) | Reply::Word(_) => return Ok(false),
        }
    }
}
